//! A scenario: one value for every model key, its defaults, bounds and presets, and the URL codec.

mod codec;
mod keys;
mod market;
mod presets;
mod read;
mod schema;
mod warning;

pub use crate::calendar::{Date, YearMonth};
pub use codec::{
    canonical_query, format_number, is_known_name, parse, Parsed, MAX_INPUT, VIEW_KEYS,
};
pub use keys::{
    Applies, Choice, Group, Key, KeyDef, Kind, AI_CHOICES, KEYS, KEY_COUNT, TV_CHOICES,
};
pub use market::{market_keys, older_snapshot, on_current_market, snapshots};
pub use presets::{Casebook, Preset, PRESETS};
pub use schema::{
    FrozenKey, Schema, SchemaBounds, SchemaKey, SchemaKeys, SchemaPreset, SchemaPresets,
    MARKET_SNAPSHOT, SCHEMA, SCHEMAS,
};
pub use warning::{Bound, Problem, Unreadable, Warning};

/// The AI business model of the converted share (`ai`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AiModel {
    /// Own the GPUs and rent GPU-hours; the operator pays for power.
    Gpu,
    /// Lease the powered hall; the tenant pays for power and owns the GPUs.
    Colo,
}

impl AiModel {
    /// The URL spelling, `gpu` or `colo`.
    pub fn name(self) -> &'static str {
        AI_CHOICES[self as usize].name
    }
}

/// How the assets are valued at the horizon (`tv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TerminalValue {
    /// Halls live at the horizon at the cap rate, GPUs at book value, other land at `landv`.
    Market,
    /// Straight-line undepreciated value (schema 1's residual).
    Book,
}

/// Every model input of ECONOMICS.md §1, in the key's unit (months as month index, `ai` as 0/1).
///
/// A scenario only ever holds finite values inside each key's bounds, with `cstart ≥ start`;
/// `set` enforces that.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scenario {
    values: [f64; KEY_COUNT],
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            values: KEYS.map(|d| d.default),
        }
    }
}

impl Scenario {
    /// The value of `key`, in the key's unit.
    pub fn get(&self, key: Key) -> f64 {
        self.values[key as usize]
    }

    /// Sets `key`, clamping to its bounds and rounding integers; non-finite values are ignored.
    /// Moving `start` keeps `cstart` at `start` when it was there, and never after it.
    pub fn set(&mut self, key: Key, value: f64) {
        if !value.is_finite() {
            return;
        }
        let old_start = self.get(Key::Start);
        let (lo, hi) = self.bounds(key);
        let value = if key.def().kind.is_whole() {
            value.round()
        } else {
            value
        };
        // `+ 0.0` turns −0 into +0 so equal scenarios are equal bit for bit.
        self.values[key as usize] = value.clamp(lo, hi) + 0.0;
        if key == Key::Start {
            let cstart = self.get(Key::Cstart);
            if cstart == old_start || cstart < self.get(Key::Start) {
                self.values[Key::Cstart as usize] = self.get(Key::Start);
            }
        }
    }

    /// The default value of `key` in this scenario (`cstart` defaults to `start`).
    pub fn default_of(&self, key: Key) -> f64 {
        match key {
            Key::Cstart => self.get(Key::Start),
            _ => key.def().default,
        }
    }

    /// The inclusive bounds of `key` in this scenario (`cstart` cannot precede `start`).
    pub fn bounds(&self, key: Key) -> (f64, f64) {
        let d = key.def();
        match key {
            Key::Cstart => (self.get(Key::Start), d.max),
            _ => (d.min, d.max),
        }
    }

    /// A month-valued key as a month.
    pub fn month(&self, key: Key) -> YearMonth {
        YearMonth::from_index(self.get(key) as i32)
    }

    /// An integer-valued key as an integer (values are kept whole by `set`).
    pub fn int(&self, key: Key) -> u32 {
        self.get(key) as u32
    }

    /// The AI business model.
    pub fn ai(&self) -> AiModel {
        if self.get(Key::Ai) == 1.0 {
            AiModel::Colo
        } else {
            AiModel::Gpu
        }
    }

    /// The terminal-value method.
    pub fn terminal(&self) -> TerminalValue {
        if self.get(Key::Tv) == 1.0 {
            TerminalValue::Book
        } else {
            TerminalValue::Market
        }
    }

    /// The AI rate key: `gpu` ($/GPU-hour) for GPU cloud, `colo` ($/kW-month) for colocation.
    pub fn ai_rate_key(&self) -> Key {
        match self.ai() {
            AiModel::Gpu => Key::Gpu,
            AiModel::Colo => Key::Colo,
        }
    }

    /// Months in the horizon, `12 · years`.
    pub fn horizon_months(&self) -> usize {
        12 * self.int(Key::Years) as usize
    }

    /// The same scenario with `key` set (see [`Scenario::set`]).
    pub fn with(mut self, key: Key, value: f64) -> Self {
        self.set(key, value);
        self
    }

    /// Sets `key` from text as typed or pasted, exactly as the URL codec reads it: a bad value
    /// keeps a safe one and comes back as warnings naming the key.
    pub fn set_text(&mut self, key: Key, text: &str) -> Vec<Warning> {
        let mut warnings = Vec::new();
        read::apply(self, key, key.name(), text, self.bounds(key), &mut warnings);
        warnings
    }

    /// The value of `key` as written in a query (`2026-01`, `gpu`, `2.5`).
    pub fn value_text(&self, key: Key) -> String {
        match key.def().kind {
            Kind::Month => self.month(key).to_string(),
            Kind::Choice(choices) => choices[self.get(key) as usize].name.to_string(),
            _ => format_number(self.get(key)),
        }
    }
}

impl serde::Serialize for Scenario {
    /// A JSON object with one field per key, named as in the URL.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(KEY_COUNT))?;
        for key in Key::all() {
            match key.def().kind {
                Kind::Month | Kind::Choice(_) => {
                    map.serialize_entry(key.name(), &self.value_text(key))?
                }
                _ => map.serialize_entry(key.name(), &self.get(key))?,
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_clamps_rounds_and_keeps_cstart_after_start() {
        let mut s = Scenario::default();
        s.set(Key::Mw, 1e9);
        assert_eq!(s.get(Key::Mw), 5000.0);
        s.set(Key::Years, 7.5);
        assert_eq!(s.get(Key::Years), 8.0);
        s.set(Key::Btcg, -0.0);
        assert!(s.get(Key::Btcg).is_sign_positive());
        s.set(Key::Power, f64::NAN);
        assert_eq!(s.get(Key::Power), 45.0);
        // cstart follows start while it sits on it …
        s.set(Key::Start, YearMonth::new(2027, 3).index() as f64);
        assert_eq!(s.month(Key::Cstart), YearMonth::new(2027, 3));
        // … stays where it was put later …
        s.set(Key::Cstart, YearMonth::new(2028, 1).index() as f64);
        s.set(Key::Start, YearMonth::new(2027, 6).index() as f64);
        assert_eq!(s.month(Key::Cstart), YearMonth::new(2028, 1));
        // … and is pushed along when start passes it.
        s.set(Key::Start, YearMonth::new(2029, 1).index() as f64);
        assert_eq!(s.month(Key::Cstart), YearMonth::new(2029, 1));
    }
}
