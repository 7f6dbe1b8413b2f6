//! What the codec says about a link or a typed value it could not use as given: one warning per
//! problem, naming the key, rendered in any language.

use super::keys::{Key, Kind};
use crate::calendar::YearMonth;
use crate::i18n::{Lang, Msg, Voice};

/// Longest excerpt of a bad value quoted back in a warning, in characters.
const QUOTE_CHARS: usize = 24;

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
    /// `preset=` with an unknown id.
    UnknownPreset(String),
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

    /// The warning as a sentence in `lang`, its key names in backticks (the CLI's form).
    pub fn text(&self, lang: Lang) -> String {
        self.said(Voice::plain(lang))
    }

    /// The warning as a sentence said in `voice`.
    pub fn said(&self, voice: Voice) -> String {
        match self {
            Warning::ValueWithoutKey(value) => {
                voice.fill(Msg::WarnValueWithoutKey, &[("value", &quote(value))])
            }
            Warning::UnknownKey(name) => {
                let lower = name.to_ascii_lowercase();
                if lower != *name && super::codec::is_known_name(&lower) {
                    voice.fill(
                        Msg::WarnUnknownKeyCase,
                        &[("key", &clip(name)), ("lower", &lower)],
                    )
                } else {
                    voice.fill(Msg::WarnUnknownKey, &[("key", &clip(name))])
                }
            }
            Warning::NotInSchema { key, schema, value } => voice.fill(
                Msg::WarnNotInSchema,
                &[
                    ("key", key.name()),
                    ("schema", &schema.to_string()),
                    ("value", &in_lang(*key, value, voice.lang)),
                ],
            ),
            Warning::UnknownPreset(id) => {
                let known: Vec<&str> = super::PRESETS.iter().map(|p| p.id).collect();
                voice.fill(
                    Msg::WarnUnknownPreset,
                    &[("value", &quote(id)), ("known", &known.join(", "))],
                )
            }
            Warning::RepeatedName { name, times, value } => repeated(name, *times, value, voice),
            Warning::Value { key, name, problem } => problem.said(*key, name, voice),
            Warning::NewerVersion { given, schema } => voice.fill(
                Msg::WarnNewerVersion,
                &[("v", &clip(given)), ("schema", &schema.to_string())],
            ),
            Warning::UnknownVersion { given, schema } => voice.fill(
                Msg::WarnUnknownVersion,
                &[("value", &quote(given)), ("schema", &schema.to_string())],
            ),
            Warning::TooLong(bytes) => {
                voice.fill(Msg::WarnTooLong, &[("bytes", &bytes.to_string())])
            }
        }
    }
}

impl Problem {
    /// The problem with key `key` (written `name`) as a sentence said in `voice`.
    fn said(&self, key: Key, name: &str, voice: Voice) -> String {
        let lang = voice.lang;
        match self {
            Problem::Repeated { times, value } => repeated(name, *times, value, voice),
            Problem::Empty { fallback } => voice.fill(
                Msg::WarnEmpty,
                &[("key", name), ("fallback", &in_lang(key, fallback, lang))],
            ),
            Problem::Unreadable {
                value,
                why,
                fallback,
            } => {
                let msg = match why {
                    Unreadable::NotMonth => Msg::WarnNotMonth,
                    Unreadable::NotChoice => Msg::WarnNotChoice,
                    Unreadable::NotNumber => Msg::WarnNotNumber,
                    Unreadable::NotFinite => Msg::WarnNotFinite,
                    Unreadable::NotToggle => Msg::WarnNotToggle,
                };
                let choices = match key.def().kind {
                    Kind::Choice(list) => list.iter().map(|c| c.name).collect::<Vec<_>>(),
                    _ => Vec::new(),
                };
                voice.fill(
                    msg,
                    &[
                        ("key", name),
                        ("value", &quote(value)),
                        ("choices", &choices.join(", ")),
                        ("fallback", &in_lang(key, fallback, lang)),
                    ],
                )
            }
            Problem::NotWhole { value, rounded } => voice.fill(
                Msg::WarnNotWhole,
                &[
                    ("key", name),
                    ("value", &quote(value)),
                    ("rounded", &lang.fmt().exact(*rounded)),
                ],
            ),
            Problem::OutOfBounds { value, bound, side } => {
                let msg = match side {
                    Bound::Below => Msg::WarnBelowMin,
                    Bound::BeforeStart => Msg::WarnBeforeStart,
                    Bound::Above => Msg::WarnAboveMax,
                };
                let shown = |v: f64| match key.def().kind {
                    Kind::Month => YearMonth::from_index(v as i32).to_string(),
                    _ => lang.fmt().exact(v),
                };
                let with_unit = lang.fmt().quantity(&shown(*bound), *bound, key.def().unit);
                voice.fill(
                    msg,
                    &[
                        ("key", name),
                        ("value", &shown(*value)),
                        ("bound", &with_unit),
                        ("bound_value", &shown(*bound)),
                    ],
                )
            }
        }
    }
}

/// `name` was given `times` times, and the last value, `value`, is used.
fn repeated(name: &str, times: u32, value: &str, voice: Voice) -> String {
    voice.fill(
        Msg::WarnRepeated,
        &[
            ("key", name),
            ("times", &times.to_string()),
            ("value", &quote(value)),
        ],
    )
}

/// A key's value as a query writes it (`65000`), as `lang` writes it (`65,000`, `65.000`);
/// a month or a choice as it is.
fn in_lang(key: Key, text: &str, lang: Lang) -> String {
    match (key.def().kind, text.parse::<f64>()) {
        (Kind::Real | Kind::Integer, Ok(v)) => lang.fmt().exact(v),
        _ => text.to_string(),
    }
}

/// A value quoted back to the user, shortened when long.
pub fn quote(text: &str) -> String {
    format!("“{}”", clip(text))
}

/// `text` cut to [`QUOTE_CHARS`] characters, with an ellipsis when cut, its unseen characters
/// shown by their code points.
fn clip(text: &str) -> String {
    let head: String = text.chars().take(QUOTE_CHARS).map(seen).collect();
    if text.chars().count() <= QUOTE_CHARS {
        head
    } else {
        format!("{head}…")
    }
}

/// `c`, or its code point (`⟨U+200B⟩`) when it would not show or would turn the text around:
/// a control, a zero-width character, a soft hyphen, a direction mark, a line or paragraph
/// separator, a variation selector or a tag, which text pasted from a web page or a chat can
/// carry unseen.
fn seen(c: char) -> String {
    let unseen = c.is_control()
        || matches!(c, '\u{AD}' | '\u{61C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0000}'..='\u{E007F}');
    if unseen {
        format!("⟨U+{:04X}⟩", c as u32)
    } else {
        c.to_string()
    }
}
