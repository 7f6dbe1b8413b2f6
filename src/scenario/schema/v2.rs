//! Schema 2 (`v=2`), the current one: its keys, defaults and bounds are the key table's, its
//! presets the picker's (ECONOMICS.md §1). When a schema 3 comes, this entry is frozen and gets
//! its step to schema 3 (the registry's "Adding a schema").

use super::{Schema, SchemaKeys, SchemaPresets};

/// Schema 2.
pub(super) const SCHEMA: Schema = Schema {
    version: 2,
    keys: SchemaKeys::Table,
    bounds: &[],
    presets: SchemaPresets::Picker,
    upgrade: None,
};
