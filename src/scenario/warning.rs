//! What the codec says about a link or a typed value it could not use as given: one warning per
//! problem, naming the key, as data (`i18n` says it in a language).

use super::keys::Key;

/// Which bound a value crossed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// Below the key's minimum.
    Below,
    /// `cstart` before `start`.
    BeforeStart,
    /// Above the key's maximum.
    Above,
}

/// Why a value could not be read at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not `YYYY-MM`.
    NotMonth,
    /// Not one of the key's words.
    NotChoice,
    /// Not a number.
    NotNumber,
    /// `NaN` or infinite.
    NotFinite,
    /// Not 0 or 1.
    NotToggle,
}

/// What was wrong with one key's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Given more than once: the last value wins.
    Repeated {
        /// How many times.
        times: u32,
        /// The value used.
        value: String,
    },
    /// Empty: the key keeps `fallback`.
    Empty {
        /// The value kept, as written in a query.
        fallback: String,
    },
    /// Not readable at all: the key keeps `fallback`.
    Unreadable {
        /// What was given.
        value: String,
        /// Why it could not be read.
        why: Unreadable,
        /// The value kept, as written in a query.
        fallback: String,
    },
    /// A fraction for a whole-number key: rounded half away from zero.
    NotWhole {
        /// What was given.
        value: String,
        /// The whole number used.
        rounded: f64,
    },
    /// Outside the key's bounds: clamped to `bound`.
    OutOfBounds {
        /// The value given (after rounding), in the key's unit.
        value: f64,
        /// The bound used instead.
        bound: f64,
        /// Which bound.
        side: Bound,
    },
}

/// One problem with a query or a typed value. Parsing goes on with a safe value.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// `=value` without a key.
    ValueWithoutKey(String),
    /// A key that is not a model or view key (of the link's schema).
    UnknownKey(String),
    /// A key of the current schema in a link of an older schema that did not have it
    /// (`v=1&powg=5`): the link keeps the value its schema gives it.
    NotInSchema {
        /// The key.
        key: Key,
        /// The link's schema (its `v`).
        schema: u32,
        /// Its value in the upgraded scenario, as a query writes it (`0`).
        value: String,
    },
    /// `preset=` with an id the link's schema did not have.
    UnknownPreset {
        /// The id as given.
        id: String,
        /// The link's schema, whose presets the warning lists.
        schema: u32,
    },
    /// `v` or `preset` given more than once: the last wins.
    RepeatedName {
        /// `v` or `preset`.
        name: &'static str,
        /// How many times.
        times: u32,
        /// The value used.
        value: String,
    },
    /// A problem with a key's value.
    Value {
        /// The key the value is for.
        key: Key,
        /// The key's name as the link wrote it (schema 1's `aiopex` sets `gpuopex`).
        name: &'static str,
        /// What was wrong.
        problem: Problem,
    },
    /// `v` above the newest schema: keys read as the newest.
    NewerVersion {
        /// The `v` given.
        given: String,
        /// The schema the keys were read as.
        schema: u32,
    },
    /// `v` that is no schema: keys read as the newest.
    UnknownVersion {
        /// The `v` given.
        given: String,
        /// The schema the keys were read as.
        schema: u32,
    },
    /// Input over 8 KiB: the rest was cut.
    TooLong(usize),
}

/// Click identifiers that social networks, ad platforms and newsletters append to a shared
/// link (besides every `utm_…` key).
const TRACKING_KEYS: [&str; 14] = [
    "fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "twclid", "ttclid", "igshid",
    "yclid", "mc_cid", "mc_eid", "_ga", "_gl",
];

impl Warning {
    /// Whether this is about a tracking key ([`TRACKING_KEYS`] or `utm_…`, in any case): an
    /// unknown key like any other for the CLI's report, but nothing a reader of a shared link
    /// needs to be told, so the explorer's banner leaves it out.
    pub fn is_tracking(&self) -> bool {
        match self {
            Warning::UnknownKey(name) => {
                let name = name.to_ascii_lowercase();
                name.starts_with("utm_") || TRACKING_KEYS.contains(&name.as_str())
            }
            _ => false,
        }
    }

    /// This warning about a value a person typed as `text` (which the page read as a query
    /// writes it: `1.234,5` as `1234.5`), quoting `text` as they typed it.
    pub fn as_typed(self, text: &str) -> Warning {
        let text = text.to_string();
        match self {
            Warning::Value { key, name, problem } => Warning::Value {
                key,
                name,
                problem: match problem {
                    Problem::Unreadable { why, fallback, .. } => Problem::Unreadable {
                        value: text,
                        why,
                        fallback,
                    },
                    Problem::NotWhole { rounded, .. } => Problem::NotWhole {
                        value: text,
                        rounded,
                    },
                    other => other,
                },
            },
            other => other,
        }
    }
}
