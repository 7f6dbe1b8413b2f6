//! Warnings about a link or a typed value ([`Warning`], data the codec returns) said as
//! sentences in a language: one message per problem, its slots filled with the key's name as
//! the link wrote it, the value quoted back and numbers in the language's marks.

use super::{Lang, Msg, Voice};
use crate::calendar::YearMonth;
use crate::scenario::{is_known_name, Bound, Key, Kind, Problem, Unreadable, Warning, SCHEMAS};

/// Longest excerpt of a bad value quoted back in a warning, in characters.
const QUOTE_CHARS: usize = 24;

/// A warning as a sentence, in a language.
pub trait WarningText {
    /// The warning as a sentence said in `voice`.
    fn said(&self, voice: Voice) -> String;

    /// The warning as a sentence in `lang`, its key names in backticks (the CLI's form).
    fn text(&self, lang: Lang) -> String {
        self.said(Voice::plain(lang))
    }
}

impl WarningText for Warning {
    fn said(&self, voice: Voice) -> String {
        match self {
            Warning::ValueWithoutKey(value) => {
                voice.fill(Msg::WarnValueWithoutKey, &[("value", &quote(value))])
            }
            Warning::UnknownKey(name) => {
                let lower = name.to_ascii_lowercase();
                if lower != *name && is_known_name(&lower) {
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
            Warning::UnknownPreset { id, schema } => {
                let presets = SCHEMAS.iter().find(|s| s.version == *schema);
                let known: Vec<&str> =
                    presets.map_or_else(Vec::new, |s| s.presets.iter().map(|p| p.id).collect());
                voice.fill(
                    Msg::WarnUnknownPreset,
                    &[("value", &quote(id)), ("known", &known.join(", "))],
                )
            }
            Warning::RepeatedName { name, times, value } => repeated(name, *times, value, voice),
            Warning::Value { key, name, problem } => problem_said(problem, *key, name, voice),
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

/// `problem` with key `key` (written `name`) as a sentence said in `voice`.
fn problem_said(problem: &Problem, key: Key, name: &str, voice: Voice) -> String {
    let lang = voice.lang;
    match problem {
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
    let head: String = text.chars().take(QUOTE_CHARS).map(shown_safely).collect();
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
fn shown_safely(c: char) -> String {
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
