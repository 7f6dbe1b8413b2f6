//! The schema registry (ECONOMICS.md §1 "Older links"): one frozen entry per schema of the URL
//! keys, oldest first. Each entry holds the schema's keys as its links spelled them, with their
//! defaults, its bounds where they are narrower than the key table's, its presets, and one
//! upgrade step to the next schema. A link is read with the entry of its `v` (the codec asks
//! [`SCHEMAS`] for it), then walks the chain of upgrades to the current schema; a key the
//! link's schema did not have is one its entry does not list.
//!
//! The last entry is the current schema: a frozen copy of the key table's names and defaults
//! and of the picker's presets (`tests` check that the copy matches).
//!
//! **Adding a schema**: first record what the outgoing schema's CLI prints for its links
//! (`tests/fixtures/record-schema2.mjs` is the model). Change the key table (`keys.rs`) and the
//! picker (`presets.rs`) as the new schema says. Add a module `vN.rs` whose entry copies the new
//! table's names and defaults and lists the new presets, with `upgrade: None`, and append it to
//! [`SCHEMAS`] (its `ALL` list). In the previous entry, set `upgrade` to the step from it to the
//! new schema (switch off the mechanisms the new schema adds, derive what it splits); keys the
//! new schema adds take its defaults unless that step sets them. If the new table widens a
//! key's bounds, list the old bounds in each older entry's `bounds`. No other code changes: the
//! codec reads every schema through its entry.

mod v1;
mod v2;

use super::keys::Key;
use super::read;
use super::warning::Warning;
use super::Scenario;
use std::sync::OnceLock;

/// One key of a schema: its name in that schema's links, the key of the current table that holds
/// its value while a link is read, and its default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SchemaKey {
    /// The name the schema's links give it (`aiopex` in schema 1).
    pub name: &'static str,
    /// The current key that carries its value (`gpuopex` for schema 1's `aiopex`).
    pub key: Key,
    /// Its default, as a link writes it (`2026-01`, `gpu`, `0.025`).
    pub default: &'static str,
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

/// One schema of the URL keys, frozen once a later schema exists.
#[derive(Clone, Copy, Debug)]
pub struct Schema {
    /// Its number, the `v` of its links.
    pub version: u32,
    /// Its keys, in its table's order.
    pub keys: &'static [SchemaKey],
    /// Its bounds where they are narrower than the current key table's (a later schema may
    /// widen a key's range, never narrow it).
    pub bounds: &'static [SchemaBounds],
    /// Its presets.
    pub presets: &'static [SchemaPreset],
    /// The step that turns a scenario of this schema into one of the next (run after the keys
    /// the next schema adds have taken its defaults); `None` for the current schema.
    pub upgrade: Option<fn(&mut Scenario)>,
}

/// Every schema, oldest first (`SCHEMAS[i]` is schema `i + 1`); the last is the current one.
pub static SCHEMAS: [Schema; 2] = ALL;

const ALL: [Schema; 2] = [v1::SCHEMA, v2::SCHEMA];

/// The current schema, the one the codec writes (`v=2`).
pub const SCHEMA: u32 = ALL[ALL.len() - 1].version;

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
    pub fn key(&self, name: &str) -> Option<&'static SchemaKey> {
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

    /// This schema's defaults and presets, read now.
    fn read_now(&self) -> Read {
        let mut defaults = Scenario::default();
        self.write(&mut defaults, self.keys.iter().map(|k| (k.name, k.default)));
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

/// A key of a schema's table.
const fn key(name: &'static str, key: Key, default: &'static str) -> SchemaKey {
    SchemaKey { name, key, default }
}

/// A preset of a schema.
const fn preset(id: &'static str, keys: &'static str) -> SchemaPreset {
    SchemaPreset { id, keys }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, WarningText};
    use crate::scenario::{parse, KEYS};

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
        for s in &SCHEMAS {
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
    fn the_current_schema_is_a_copy_of_the_key_table_and_its_defaults() {
        // A key, a rename or a default changed in the table without a new schema fails here.
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
        }
        assert!(current.bounds.is_empty());
    }

    #[test]
    fn each_schema_reads_its_own_defaults_and_presets() {
        for schema in &SCHEMAS {
            let v = schema.version;
            let mut names: Vec<&str> = schema.keys.iter().map(|k| k.name).collect();
            let mut carried: Vec<Key> = schema.keys.iter().map(|k| k.key).collect();
            names.sort_unstable();
            names.dedup();
            carried.sort_unstable();
            carried.dedup();
            assert_eq!(names.len(), schema.keys.len(), "schema {v}: a name twice");
            assert_eq!(
                carried.len(),
                schema.keys.len(),
                "schema {v}: a key carried twice"
            );
            // Each default reads back as written (shortest form); a default or a preset that
            // does not read fails a debug assertion.
            let read = schema.read_now();
            for k in schema.keys {
                let text = read.defaults.value_text(k.key);
                assert_eq!(text, k.default, "schema {v}: {}", k.name);
            }
            for (p, s) in schema.presets.iter().zip(&read.presets) {
                assert_eq!(schema.preset(p.id), Some(*s), "schema {v}: {}", p.id);
                assert_ne!(*s, read.defaults, "schema {v}: {} changes nothing", p.id);
            }
            // A preset the schema did not have warns.
            assert_eq!(
                parse(&format!("v={v}&preset=nope")).warnings,
                [Warning::UnknownPreset("nope".to_string())]
            );
        }
    }

    #[test]
    fn older_bounds_are_never_wider_than_the_key_table() {
        for schema in &SCHEMAS {
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
        for schema in &SCHEMAS {
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
            // Schema 1 lacked the 15 keys schema 2 added (its `aiopex` is `gpuopex`).
            let expected = if v == 1 { 15 } else { 0 };
            assert_eq!(missing.len(), expected, "schema {v}");
        }
        // The warning names whichever schema the link had.
        let w = Warning::NotInSchema {
            key: Key::Mw,
            schema: 2,
            value: "100".to_string(),
        };
        assert_eq!(
            w.text(Lang::En),
            "`mw` was ignored: schema-2 links (`v=2`) had no `mw`, so this one keeps schema 2's value, 100."
        );
    }
}
