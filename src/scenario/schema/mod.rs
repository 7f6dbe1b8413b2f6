//! The schema registry (ECONOMICS.md §1 "Older links"): one entry per schema of the URL keys,
//! oldest first. Each entry holds the schema's keys as its links spelled them, with their
//! defaults, its bounds where they are narrower than the key table's, its presets, and one
//! upgrade step to the next schema. A link is read with the entry of its `v` (the codec asks
//! [`SCHEMAS`] for it), then walks the chain of upgrades to the current schema; a key the
//! link's schema did not have is one its entry does not list.
//!
//! The last entry, the current schema, is derived: its keys, defaults and bounds are the key
//! table's ([`SchemaKeys::Table`]) and its presets the picker's ([`SchemaPresets::Picker`]), so
//! a key or a preset is declared once. Every older entry is frozen: hand-written lists
//! ([`SchemaKeys::Frozen`], [`SchemaPresets::Frozen`]) that never change again, since its links
//! must keep their meaning (the tests pin each one's fingerprint).
//!
//! **Adding a schema** (N + 1, after the current N):
//! 1. Record what schema N's CLI prints for its links, before anything changes
//!    (`tests/fixtures/record-schema2.mjs` is the model), and check the recording in
//!    `tests/migration.rs`.
//! 2. Freeze schema N: in `vN.rs`, replace `SchemaKeys::Table` by `SchemaKeys::Frozen` listing
//!    its names and defaults as they are at that commit (`hashshift keys --format json` prints
//!    them), and `SchemaPresets::Picker` by `SchemaPresets::Frozen` listing its presets' ids and
//!    keys (as `presets.rs` has them); add its fingerprint to the test
//!    `frozen_entries_never_change` (the test prints it). Give it its `upgrade`, the step to
//!    schema N + 1: switch off the mechanisms the new schema adds, derive what it splits (keys
//!    the new schema adds take its defaults unless the step sets them).
//! 3. Change the key table (`keys.rs`) and the picker (`presets.rs`) as schema N + 1 says; if
//!    that widens a key's bounds, list the old bounds in each older entry's `bounds`. Add a
//!    module `vN+1.rs` whose entry is derived (`SchemaKeys::Table`, `SchemaPresets::Picker`,
//!    `upgrade: None`) and append it to `ALL`. A new market snapshot (new defaults of `btc`, `hr`
//!    and `fee`) is always a new schema: its entry's `market` names the snapshot's day; otherwise
//!    it repeats schema N's.
//!
//! The codec and the CLI need nothing more: they read every schema through its entry. What
//! spells the current schema by hand (tests that write `v=N&…` queries, the footer's schema
//! number) is listed in the README's "How to add…".

mod v1;
mod v2;
mod v3;

use super::keys::{Key, KEYS};
use super::presets::PRESETS;
use super::read;
use super::warning::Warning;
use super::Date;
use super::Scenario;
use std::sync::OnceLock;

/// One key as a schema's links name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SchemaKey {
    /// The name the schema's links give it (`aiopex` in schema 1).
    pub name: &'static str,
    /// The current key that carries its value while a link is read (`gpuopex` for schema 1's
    /// `aiopex`).
    pub key: Key,
}

/// One key of a frozen schema, with its default as that schema's links wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrozenKey {
    /// The name the schema's links give it (`aiopex` in schema 1).
    pub name: &'static str,
    /// The current key that carries its value (`gpuopex` for schema 1's `aiopex`).
    pub key: Key,
    /// Its default, as a link writes it (`2026-01`, `gpu`, `0.025`).
    pub default: &'static str,
}

/// A schema's keys and their defaults.
#[derive(Clone, Copy, Debug)]
pub enum SchemaKeys {
    /// The key table's names, defaults and bounds ([`KEYS`]): the current schema's.
    Table,
    /// A frozen schema's own list, in its table's order.
    Frozen(&'static [FrozenKey]),
}

impl SchemaKeys {
    /// The keys, in the schema's table order.
    pub fn iter(self) -> impl Iterator<Item = SchemaKey> {
        let (table, frozen): (&[_], &[FrozenKey]) = match self {
            SchemaKeys::Table => (&KEYS, &[]),
            SchemaKeys::Frozen(list) => (&[], list),
        };
        let table = table.iter().map(|d| SchemaKey {
            name: d.name,
            key: d.key,
        });
        table.chain(frozen.iter().map(|k| SchemaKey {
            name: k.name,
            key: k.key,
        }))
    }
}

/// A key's bounds in a schema where they are narrower than the current key table's, in the key's
/// unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SchemaBounds {
    /// The current key that carries the value.
    pub key: Key,
    /// Lower bound, inclusive.
    pub min: f64,
    /// Upper bound, inclusive.
    pub max: f64,
}

/// A preset of a schema: its id and its keys over the schema's defaults, in the schema's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SchemaPreset {
    /// URL id (`preset=ID`).
    pub id: &'static str,
    /// Its keys, as a query in the schema's names (`mw=18&cbuild=11&capex=12`).
    pub keys: &'static str,
}

/// A schema's presets.
#[derive(Clone, Copy, Debug)]
pub enum SchemaPresets {
    /// The picker's ([`PRESETS`]): the current schema's.
    Picker,
    /// A frozen schema's own list.
    Frozen(&'static [SchemaPreset]),
}

impl SchemaPresets {
    /// The presets, in the schema's order.
    pub fn iter(self) -> impl Iterator<Item = SchemaPreset> {
        let (picker, frozen): (&[_], &[SchemaPreset]) = match self {
            SchemaPresets::Picker => (&PRESETS, &[]),
            SchemaPresets::Frozen(list) => (&[], list),
        };
        let picker = picker.iter().map(|p| SchemaPreset {
            id: p.id,
            keys: p.keys,
        });
        picker.chain(frozen.iter().copied())
    }
}

/// One schema of the URL keys: the current one derived from the key table and the picker, each
/// older one frozen.
#[derive(Clone, Copy, Debug)]
pub struct Schema {
    /// Its number, the `v` of its links.
    pub version: u32,
    /// Its keys and defaults.
    pub keys: SchemaKeys,
    /// Its bounds where they are narrower than the current key table's (a later schema may
    /// widen a key's range, never narrow it).
    pub bounds: &'static [SchemaBounds],
    /// Its presets.
    pub presets: SchemaPresets,
    /// The day of the market snapshot its defaults of `btc`, `hr` and `fee` were taken from
    /// (ECONOMICS.md §12), the previous schema's when they did not change; `None` for defaults
    /// taken from no dated market. The current schema's is [`MARKET_SNAPSHOT`].
    pub market: Option<Date>,
    /// The step that turns a scenario of this schema into one of the next (run after the keys
    /// the next schema adds have taken its defaults); `None` for the current schema.
    pub upgrade: Option<fn(&mut Scenario)>,
}

/// Every schema, oldest first (`SCHEMAS[i]` is schema `i + 1`); the last is the current one.
pub static SCHEMAS: &[Schema] = ALL;

const ALL: &[Schema] = &[v1::SCHEMA, v2::SCHEMA, v3::SCHEMA];

/// The current schema's number, the `v=` the codec writes.
pub const SCHEMA: u32 = ALL[ALL.len() - 1].version;

/// The day of the market snapshot behind the current defaults of `btc`, `hr` and `fee`
/// (ECONOMICS.md §12): the current schema's [`Schema::market`].
pub const MARKET_SNAPSHOT: Date = match ALL[ALL.len() - 1].market {
    Some(date) => date,
    None => panic!("the current schema's market snapshot is dated"),
};

/// A schema's defaults and presets, read once.
struct Read {
    defaults: Scenario,
    presets: Vec<Scenario>,
}

impl Schema {
    /// The current schema.
    pub fn current() -> &'static Schema {
        &SCHEMAS[SCHEMAS.len() - 1]
    }

    /// The next schema, which [`Schema::upgrade`] leads to; `None` for the current schema.
    pub fn next(&self) -> Option<&'static Schema> {
        SCHEMAS.iter().find(|s| s.version == self.version + 1)
    }

    /// The key this schema's links name `name` (exact, lower case); `None` for a name the
    /// schema did not have.
    pub fn key(&self, name: &str) -> Option<SchemaKey> {
        self.keys.iter().find(|k| k.name == name)
    }

    /// Whether this schema has a key that `key` carries.
    pub fn carries(&self, key: Key) -> bool {
        self.keys.iter().any(|k| k.key == key)
    }

    /// The inclusive bounds within which this schema's links give `key` in scenario `s`.
    pub fn bounds(&self, s: &Scenario, key: Key) -> (f64, f64) {
        self.bounds
            .iter()
            .find(|b| b.key == key)
            .map_or_else(|| s.bounds(key), |b| (b.min, b.max))
    }

    /// This schema's defaults, as a scenario of this schema (keys it does not have keep the
    /// current defaults until an upgrade sets them).
    pub fn defaults(&self) -> Scenario {
        self.read(|r| r.defaults)
    }

    /// This schema's preset `id` over its defaults, as a scenario of this schema.
    pub fn preset(&self, id: &str) -> Option<Scenario> {
        let i = self.presets.iter().position(|p| p.id == id)?;
        Some(self.read(|r| r.presets[i]))
    }

    /// Turns `s`, a scenario of this schema, into one of the current schema: step by step, the
    /// keys each next schema adds take its defaults and this schema's upgrade runs.
    pub fn upgrade_to_current(&self, s: &mut Scenario) {
        let mut at = self;
        while let Some(upgrade) = at.upgrade {
            let next = at.next().expect("an upgrade leads to the next schema");
            let defaults = next.defaults();
            for k in next.keys.iter().filter(|k| !at.carries(k.key)) {
                s.set(k.key, defaults.get(k.key));
            }
            upgrade(s);
            at = next;
        }
    }

    /// Writes `pairs` (names of this schema, every value valid) over `s`, in order.
    fn write<'a>(&self, s: &mut Scenario, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) {
        let mut warnings = Vec::new();
        for (name, value) in pairs {
            match self.key(name) {
                Some(k) => {
                    let bounds = self.bounds(s, k.key);
                    read::apply(s, k.key, k.name, value, bounds, &mut warnings);
                }
                None => warnings.push(Warning::UnknownKey(name.to_string())),
            }
        }
        debug_assert!(
            warnings.is_empty(),
            "schema {} table is malformed: {warnings:?}",
            self.version
        );
    }

    /// Writes `query` (names of this schema, every value valid) over `s`.
    fn write_query(&self, s: &mut Scenario, query: &str) {
        let pairs: Vec<_> = form_urlencoded::parse(query.as_bytes()).collect();
        self.write(s, pairs.iter().map(|(n, v)| (n.as_ref(), v.as_ref())));
    }

    /// This schema's defaults and presets, read now (the key table's defaults are the
    /// scenario's).
    fn read_now(&self) -> Read {
        let mut defaults = Scenario::default();
        if let SchemaKeys::Frozen(keys) = self.keys {
            self.write(&mut defaults, keys.iter().map(|k| (k.name, k.default)));
        }
        let presets = (self.presets.iter())
            .map(|p| {
                let mut s = defaults;
                self.write_query(&mut s, p.keys);
                s
            })
            .collect();
        Read { defaults, presets }
    }

    /// `what` of this schema's defaults and presets, read once for every schema.
    fn read<T>(&self, what: impl Fn(&Read) -> T) -> T {
        static READ: OnceLock<Vec<Read>> = OnceLock::new();
        let all = READ.get_or_init(|| SCHEMAS.iter().map(Schema::read_now).collect());
        let i = (SCHEMAS.iter())
            .position(|s| s.version == self.version)
            .expect("a schema of the registry");
        what(&all[i])
    }
}

/// A key of a frozen schema's list.
const fn key(name: &'static str, key: Key, default: &'static str) -> FrozenKey {
    FrozenKey { name, key, default }
}

/// A preset of a frozen schema's list.
const fn preset(id: &'static str, keys: &'static str) -> SchemaPreset {
    SchemaPreset { id, keys }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, WarningText};
    use crate::scenario::{parse, PRESETS};

    #[test]
    fn schemas_are_numbered_from_1_and_the_last_is_the_current_one() {
        for (i, s) in SCHEMAS.iter().enumerate() {
            assert_eq!(s.version as usize, i + 1);
        }
        assert_eq!(Schema::current().version, SCHEMA);
        assert_eq!(SCHEMA as usize, SCHEMAS.len());
    }

    #[test]
    fn every_older_schema_has_an_upgrade_and_the_chain_ends_at_the_current_one() {
        for s in SCHEMAS {
            let current = s.version == SCHEMA;
            assert_eq!(s.upgrade.is_none(), current, "schema {}", s.version);
            assert_eq!(s.next().is_none(), current, "schema {}", s.version);
            let mut at = s;
            let mut steps = 0;
            while at.upgrade.is_some() {
                at = at.next().unwrap();
                steps += 1;
            }
            assert_eq!(at.version, SCHEMA);
            assert_eq!(steps, SCHEMA - s.version);
        }
    }

    #[test]
    fn schema_1_has_the_keys_economics_lists() {
        let names: Vec<&str> = SCHEMAS[0].keys.iter().map(|k| k.name).collect();
        assert_eq!(
            names.join(" "),
            "start years mw power btc btcg hr hrg hdrop fee blockmin jth mpue uptime pool mopex \
             shutoff ai conv phases every cstart cbuild pue capex gpu gpudecl util gpumw gpucost \
             gpulife aiopex dclife colo esc rate mc vol elas seed"
        );
        assert_eq!(SCHEMAS[0].key("aiopex").unwrap().key, Key::Gpuopex);
    }

    #[test]
    fn only_the_current_schema_is_derived_from_the_tables() {
        // An older entry read from the tables would change what its links mean as soon as the
        // tables change for a later schema.
        for s in SCHEMAS {
            let current = s.version == SCHEMA;
            let derived = (
                matches!(s.keys, SchemaKeys::Table),
                matches!(s.presets, SchemaPresets::Picker),
            );
            assert_eq!(derived, (current, current), "schema {}", s.version);
        }
    }

    #[test]
    fn the_current_schema_is_the_key_table_and_the_picker() {
        let current = Schema::current();
        let names: Vec<(&str, Key)> = current.keys.iter().map(|k| (k.name, k.key)).collect();
        let table: Vec<(&str, Key)> = KEYS.iter().map(|d| (d.name, d.key)).collect();
        assert_eq!(names, table);
        let (defaults, table) = (current.defaults(), Scenario::default());
        for key in Key::all() {
            assert_eq!(
                defaults.get(key).to_bits(),
                table.get(key).to_bits(),
                "{}",
                key.name()
            );
            assert_eq!(
                current.bounds(&table, key),
                table.bounds(key),
                "{}",
                key.name()
            );
        }
        assert!(current.bounds.is_empty());
        let presets: Vec<SchemaPreset> = current.presets.iter().collect();
        let picker: Vec<SchemaPreset> = (PRESETS.iter()).map(|p| preset(p.id, p.keys)).collect();
        assert_eq!(presets, picker);
    }

    #[test]
    fn each_schema_reads_its_own_defaults_and_presets() {
        for schema in SCHEMAS {
            let v = schema.version;
            let count = schema.keys.iter().count();
            let mut names: Vec<&str> = schema.keys.iter().map(|k| k.name).collect();
            let mut carried: Vec<Key> = schema.keys.iter().map(|k| k.key).collect();
            names.sort_unstable();
            names.dedup();
            carried.sort_unstable();
            carried.dedup();
            assert_eq!(names.len(), count, "schema {v}: a name twice");
            assert_eq!(carried.len(), count, "schema {v}: a key carried twice");
            // Each frozen default reads back as written (shortest form); a default or a preset
            // that does not read fails a debug assertion.
            let read = schema.read_now();
            if let SchemaKeys::Frozen(keys) = schema.keys {
                for k in keys {
                    let text = read.defaults.value_text(k.key);
                    assert_eq!(text, k.default, "schema {v}: {}", k.name);
                }
            }
            for (p, s) in schema.presets.iter().zip(&read.presets) {
                assert_eq!(schema.preset(p.id), Some(*s), "schema {v}: {}", p.id);
                assert_ne!(*s, read.defaults, "schema {v}: {} changes nothing", p.id);
            }
            // A preset the schema did not have warns.
            assert_eq!(
                parse(&format!("v={v}&preset=nope")).warnings,
                [Warning::UnknownPreset {
                    id: "nope".to_string(),
                    schema: v
                }]
            );
        }
    }

    /// A frozen entry as text: its names and defaults, bounds and presets.
    fn frozen_text(schema: &Schema) -> String {
        let SchemaKeys::Frozen(keys) = schema.keys else {
            panic!("schema {} is not frozen", schema.version)
        };
        let mut text: Vec<String> = keys
            .iter()
            .map(|k| format!("{}={}", k.name, k.default))
            .collect();
        text.extend(
            schema
                .bounds
                .iter()
                .map(|b| format!("{:?}:{}:{}", b.key, b.min, b.max)),
        );
        text.extend(
            schema
                .presets
                .iter()
                .map(|p| format!("{}:{}", p.id, p.keys)),
        );
        text.join("\n")
    }

    /// The 64-bit FNV-1a hash of `text`.
    fn fnv1a(text: &str) -> u64 {
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    #[test]
    fn frozen_entries_never_change() {
        // Each frozen entry's fingerprint, taken when it was frozen. An edited name, default,
        // bound or preset of a frozen schema changes what its links mean: fix the entry, never
        // its fingerprint. Freezing a schema adds its line.
        const FINGERPRINTS: &[(u32, u64)] =
            &[(1, 0xb63a_ff64_cfa6_df10), (2, 0x38f7_ca6e_be49_86eb)];
        let frozen: Vec<(u32, u64)> = (SCHEMAS.iter())
            .filter(|s| s.version != SCHEMA)
            .map(|s| (s.version, fnv1a(&frozen_text(s))))
            .collect();
        assert_eq!(frozen, FINGERPRINTS);
    }

    #[test]
    fn older_bounds_are_never_wider_than_the_key_table() {
        for schema in SCHEMAS {
            for b in schema.bounds {
                let d = b.key.def();
                assert!(d.min <= b.min && b.min <= b.max && b.max <= d.max, "{b:?}");
            }
        }
        // Where an entry lists bounds, its links are read within them.
        let narrow = Schema {
            bounds: &[SchemaBounds {
                key: Key::Mw,
                min: 1.0,
                max: 1000.0,
            }],
            ..*Schema::current()
        };
        let s = Scenario::default();
        assert_eq!(narrow.bounds(&s, Key::Mw), (1.0, 1000.0));
        assert_eq!(narrow.bounds(&s, Key::Power), s.bounds(Key::Power));
    }

    #[test]
    fn a_key_a_schema_did_not_have_warns_in_its_links_and_is_ignored() {
        for schema in SCHEMAS {
            let v = schema.version;
            let bare = parse(&format!("v={v}"));
            let missing: Vec<Key> = Key::all()
                .filter(|k| schema.key(k.name()).is_none())
                .collect();
            for &key in &missing {
                let text = Scenario::default().value_text(key);
                let p = parse(&format!("v={v}&{}={text}", key.name()));
                assert_eq!(p.scenario, bare.scenario, "v={v}&{}", key.name());
                assert_eq!(
                    p.warnings,
                    [Warning::NotInSchema {
                        key,
                        schema: v,
                        value: bare.scenario.value_text(key),
                    }]
                );
                let said = p.warnings[0].text(Lang::En);
                let names = format!("`{}` was ignored: schema-{v} links (`v={v}`)", key.name());
                assert!(said.starts_with(&names), "{said}");
            }
            // The current schema lacks none; schema 1 lacked the 15 keys schema 2 added (its
            // `aiopex` is `gpuopex`), and any a later schema adds.
            let names: Vec<&str> = missing.iter().map(|k| k.name()).collect();
            if v == SCHEMA {
                assert!(names.is_empty(), "{names:?}");
            }
            if v == 2 {
                assert_eq!(names, ["ltc", "kd", "tenor", "aivol"]);
            }
            if v == 1 {
                let added = "powg dark asicp itratio firm ramp refit gpuopex coloopex cterm \
                             prepay airate tv caprate landv";
                for name in added.split_whitespace() {
                    assert!(names.contains(&name), "schema 1 had no `{name}`");
                }
            }
        }
        // The warning names whichever schema the link had.
        let w = Warning::NotInSchema {
            key: Key::Mw,
            schema: 2,
            value: "100".to_string(),
        };
        assert_eq!(
            w.text(Lang::En),
            "`mw` was ignored: schema-2 links (`v=2`) had no `mw`, so it stays at 100."
        );
    }
}
