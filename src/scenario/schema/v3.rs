//! Schema 3 (`v=3`), the current one: its keys, defaults and bounds are the key table's, its
//! presets the picker's (ECONOMICS.md §1). When a schema 4 comes, this entry is frozen and gets
//! its step to schema 4 (the registry's "Adding a schema").

use super::{Schema, SchemaKeys, SchemaPresets};
use crate::scenario::Date;

/// Schema 3.
pub(super) const SCHEMA: Schema = Schema {
    version: 3,
    keys: SchemaKeys::Table,
    bounds: &[],
    presets: SchemaPresets::Picker,
    market: Some(Date {
        year: 2026,
        month: 6,
        day: 26,
    }),
    upgrade: None,
};
