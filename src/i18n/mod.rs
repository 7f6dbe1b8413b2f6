//! The interface's languages: one table per language giving every message id ([`Msg`], from
//! the leaf module [`crate::msg`]) its text (`en.rs`, `it.rs`: a `match` with no catch-all arm,
//! so a missing translation does not compile), one `Locale` value per language (`locale.rs`:
//! its codes, its table, its number marks, money words, dates and articles), numbers, money
//! and dates formatted by it ([`Fmt`]), and the scenario's data said for people: its warnings
//! ([`WarningText`]) and a key's values with their units ([`KeyText`]).
//!
//! Adding a message: its id in `crate::msg`, its text in every table. Adding a language: one
//! table like `it.rs`, one `Locale` value in `locale.rs`, and one variant of [`Lang`] listed in
//! [`Lang::ALL`] and matched to its `Locale` in `Lang::locale`.

mod article;
mod en;
mod format;
mod it;
mod key;
mod locale;
mod warning;

pub use crate::msg::Msg;
pub use article::Article;
pub use format::{Fmt, MINUS, NBSP};
pub use key::KeyText;
pub use warning::{quote as warning_quote, WarningText};

use locale::Locale;

/// An interface language (the `lang` view key).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// Italian.
    It,
}

impl Lang {
    /// Every language, in the order a picker lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::It];

    /// This language's conventions: the one place that tells languages apart.
    fn locale(self) -> &'static Locale {
        match self {
            Lang::En => &locale::EN,
            Lang::It => &locale::IT,
        }
    }

    /// The URL code (`lang=it`).
    pub fn code(self) -> &'static str {
        self.locale().code
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn html_lang(self) -> &'static str {
        self.locale().html_lang
    }

    /// The language whose URL code is `code`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// `m` in this language.
    pub fn t(self, m: Msg) -> &'static str {
        (self.locale().text)(m)
    }

    /// `m` in this language with its `{name}` slots filled. In a debug build (every test), a
    /// slot of `m` that `slots` does not fill, in any language, panics: see [`Voice::fill`].
    pub fn fill(self, m: Msg, slots: &[(&str, &str)]) -> String {
        Voice::plain(self).fill(m, slots)
    }

    /// `items` as a list in this language: `a`, `a and b`, `a, b and c` (Italian `e`).
    pub fn list(self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [first @ .., last] => {
                self.fill(Msg::ListLast, &[("a", &first.join(", ")), ("b", last)])
            }
        }
    }

    /// Numbers, money and dates in this language's conventions.
    pub fn fmt(self) -> Fmt {
        Fmt::new(self)
    }
}

/// Where a page's warning sets a URL key's name in code type: on either side of the name, in
/// place of the catalogue's backticks (see [`Voice`]). A control character, so text a reader
/// typed cannot hold it: a warning quotes such characters by their code points.
pub const KEY_MARK: char = '\u{1}';

/// How a warning is said: in a language, its key names in the catalogue's backticks (the CLI's
/// `` `mw` ``), or between [`KEY_MARK`]s for the page to set in code type. The page cannot find
/// the names by their backticks once the sentence is written: a quoted value or an unknown key
/// may hold backticks of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Voice {
    /// The language.
    pub lang: Lang,
    /// Whether key names are marked with [`KEY_MARK`] instead of backticks.
    pub marked: bool,
}

impl Voice {
    /// Key names in backticks, as the CLI writes them.
    pub fn plain(lang: Lang) -> Voice {
        Voice {
            lang,
            marked: false,
        }
    }

    /// `m` with its `{name}` slots filled, its key names marked as this voice marks them.
    ///
    /// In a debug build (every test), `slots` must fill every slot of `m`'s text in every
    /// language, or this panics: a slot name misspelt or forgotten by a caller fails the first
    /// test that says `m`, even in a language the test does not read. Names `m` lacks are
    /// allowed: an article slot only one language uses, a slot list shared by alternatives.
    pub fn fill(self, m: Msg, slots: &[(&str, &str)]) -> String {
        debug_assert_eq!(unfilled(m, slots), None, "{m:?}: a slot is not filled");
        let template = self.lang.t(m);
        if self.marked {
            fill(&template.replace('`', &KEY_MARK.to_string()), slots)
        } else {
            fill(template, slots)
        }
    }
}

/// `text` for a terminal or a script (the CLI's output): the no-break spaces that keep a number
/// with its unit on a page (`5,000\u{a0}MW`) become plain spaces, as ECONOMICS.md writes them.
pub fn plain(text: &str) -> String {
    text.replace(NBSP, " ")
}

/// The `{name}` slots of a template, in order: a name is lower-case ASCII letters, digits and
/// `_` (`{bound_value}`, `{p10}`); other braces are text.
fn slot_names(template: &str) -> impl Iterator<Item = &str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
}

/// The first slot of `m`, in any language, that `slots` does not fill, with that language's
/// code: `Some(("it", "of_the"))`.
fn unfilled(m: Msg, slots: &[(&str, &str)]) -> Option<(&'static str, &'static str)> {
    Lang::ALL.into_iter().find_map(|lang| {
        slot_names(lang.t(m))
            .find(|name| !slots.iter().any(|(given, _)| given == name))
            .map(|name| (lang.code(), name))
    })
}

/// Fills the `{name}` slots of a template.
pub fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = slots.iter().find(|(n, _)| *n == name)?.1;
            Some((value, close))
        });
        match filled {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn the_english_page_says_what_its_html_says_before_the_script_runs() {
        let html = include_str!("../../index.html");
        let description = Lang::En.t(Msg::PageDescription);
        let tag = format!("<meta name=\"description\" content=\"{description}\">");
        assert!(html.contains(&tag), "{tag}");
        let title = format!("<title>{}</title>", Lang::En.t(Msg::PageTitle));
        assert!(html.contains(&title), "{title}");
    }

    #[test]
    fn every_language_fills_the_same_slots() {
        let content = |text| {
            let mut s: BTreeSet<&str> = slot_names(text).collect();
            // Slots a language's grammar may need and another's not: Italian articles.
            s.retain(|name| !Article::ALL.iter().any(|a| a.slot() == *name));
            s
        };
        for &m in Msg::ALL {
            let en = content(Lang::En.t(m));
            for lang in Lang::ALL {
                assert_eq!(content(lang.t(m)), en, "{m:?} in {}", lang.code());
                assert!(!lang.t(m).is_empty(), "{m:?} in {}", lang.code());
            }
        }
    }

    #[test]
    fn every_message_renders_whole_with_its_slots_filled() {
        // Every brace of every text is a slot `fill` fills: a slot misspelt in a translation
        // (`{Value}`, `{value }`) would otherwise reach the page as written.
        for &m in Msg::ALL {
            let names: BTreeSet<&str> = Lang::ALL
                .into_iter()
                .flat_map(|lang| slot_names(lang.t(m)))
                .collect();
            let slots: Vec<(&str, &str)> = names.iter().map(|&name| (name, "·")).collect();
            assert_eq!(unfilled(m, &slots), None, "{m:?}");
            for lang in Lang::ALL {
                let text = lang.fill(m, &slots);
                assert!(
                    !text.contains(['{', '}']),
                    "{m:?} in {}: {text}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "PerMwh: a slot is not filled")]
    fn a_misspelt_slot_panics_in_a_debug_build() {
        Lang::En.fill(Msg::PerMwh, &[("value", "10")]);
    }

    #[test]
    fn an_article_only_italian_needs_is_still_required_in_english() {
        // `Footer` is `…snapshot of {date}…` in English, `…istantanea {of_the}{date}…` in Italian.
        assert_eq!(
            unfilled(Msg::Footer, &[("date", "x"), ("schema", "2")]),
            Some(("it", "of_the"))
        );
        assert_eq!(
            unfilled(
                Msg::Footer,
                &[("date", "x"), ("schema", "2"), ("of_the", "")]
            ),
            None
        );
    }

    #[test]
    fn italian_months_follow_a_preposition_that_fits_every_month() {
        // `a` would need its euphonic `d` before `apr` and `ago` (`ad apr 2028`); `in`, `da`
        // and `entro` fit every month.
        for &m in Msg::ALL {
            let text = Lang::It.t(m).to_lowercase();
            assert!(!text.contains(" a {month}"), "{m:?}: {text}");
            assert!(!text.starts_with("a {month}"), "{m:?}: {text}");
        }
    }

    #[test]
    fn languages_round_trip_through_their_codes() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert!(!lang.html_lang().is_empty());
        }
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[test]
    fn fill_replaces_named_slots_only() {
        assert_eq!(
            fill("{a} and {b}, {a}", &[("a", "x"), ("b", "{a}")]),
            "x and {a}, x"
        );
        assert_eq!(fill("{unknown} {", &[("a", "x")]), "{unknown} {");
        assert_eq!(
            Lang::It.fill(Msg::PerMwh, &[("v", "10")]),
            "10/MWh".to_string()
        );
    }
}
