//! The preset picker as a casebook: the presets grouped as ECONOMICS.md §1 lists them (the
//! seed article's cases, then signed deals), each with its date; beside it, the note of the
//! preset showing, a link to its source, what the model cannot express about it, and, once one
//! is in force, the inputs it set.

use super::compare::value_text;
use crate::explorer::core::{preset_picker, State};
use crate::i18n::{Lang, Msg};
use crate::scenario::{Casebook, Key, Preset, PRESETS};

/// The preset picker.
#[derive(Clone, Debug, PartialEq)]
pub struct PresetPicker {
    /// The groups (`<optgroup>`), in the picker's order.
    pub groups: Vec<PresetGroup>,
    /// The id of the preset in force (`""`: a custom scenario): the picker's value.
    pub chosen: &'static str,
    /// Whether the keyboard is browsing the presets ([`crate::explorer::core::preset_picker`]).
    pub browsing: bool,
    /// How many times the picker went back to the preset in force without applying one: the
    /// shell sets the picker's value to `chosen` each time this or `chosen` changes.
    pub returns: u32,
    /// The note under the picker: the note of the preset showing, or a hint; while the keyboard
    /// browses, the note of the preset showing and how to apply it.
    pub note: String,
    /// The link to the source of the preset showing, when it has one.
    pub source: Option<SourceLink>,
    /// What the model cannot express about the preset showing (`What the model cannot
    /// express: …`).
    pub cannot: Option<String>,
    /// The inputs the preset in force set (`Set: Site capacity 18 MW, …; everything else at
    /// defaults.`); none while the keyboard browses.
    pub set: Option<String>,
}

impl PresetPicker {
    /// Whether the picker takes `key` (a `KeyboardEvent.key`) from the browser: Enter and
    /// Escape, while the keyboard browses.
    pub fn takes_key(&self, key: &str) -> bool {
        self.browsing && preset_picker::ends_browsing(key)
    }

    /// Every option, in the picker's order.
    pub fn options(&self) -> impl Iterator<Item = &PresetOption> {
        self.groups.iter().flat_map(|g| &g.options)
    }
}

/// One group of presets (an `<optgroup>`).
#[derive(Clone, Debug, PartialEq)]
pub struct PresetGroup {
    /// Its heading (the optgroup's label).
    pub title: &'static str,
    /// Its presets, in the picker's order.
    pub options: Vec<PresetOption>,
}

/// One preset in the picker.
#[derive(Clone, Debug, PartialEq)]
pub struct PresetOption {
    /// Its id (`preset=` in a link, the option's value).
    pub id: &'static str,
    /// The option's text: its title and date (`Riot–AMD, Rockdale: … · Jan 2026`).
    pub label: String,
    /// Its source note (the option's tooltip).
    pub note: &'static str,
    /// Whether the scenario is exactly it.
    pub selected: bool,
}

/// A link to a preset's source: the only address off the page's origin, a plain link that the
/// page never requests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLink {
    /// The address.
    pub href: &'static str,
    /// The link's text, naming the site it leads to (`Source: sec.gov`).
    pub text: String,
}

/// A preset's date for people: `Sep 2025` (`set 2025`) for a month, a bare year as it is.
pub fn date_text(date: &str, lang: Lang) -> String {
    match crate::calendar::YearMonth::parse(date) {
        Some(month) => lang.fmt().month(month),
        None => date.to_string(),
    }
}

/// The host an address leads to, without `www.` (`sec.gov` of
/// `https://www.sec.gov/Archives/…`).
fn host(href: &str) -> &str {
    let rest = href.split_once("://").map_or(href, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

/// The sentence that says what `preset` set, in `lang`: each of its keys with its label and
/// value, in table order.
pub fn set_line(preset: &Preset, lang: Lang) -> String {
    let s = preset.scenario();
    let items: Vec<String> = Key::all()
        .filter(|&k| s.get(k) != s.default_of(k))
        .map(|k| {
            let label = lang.t(k.def().label);
            let value = value_text(&s, k, lang);
            lang.fill(Msg::PresetSetItem, &[("label", label), ("value", &value)])
        })
        .collect();
    lang.fill(Msg::PresetSet, &[("items", &items.join(", "))])
}

/// The preset picker for the state, in its language.
pub fn presets(state: &State) -> PresetPicker {
    let lang = state.view.lang;
    let chosen = preset_picker::picker_value(state.preset());
    let groups = Casebook::ALL
        .iter()
        .map(|&group| PresetGroup {
            title: lang.t(group.title()),
            options: (PRESETS.iter().filter(|p| p.group == group))
                .map(|p| PresetOption {
                    id: p.id,
                    label: match p.date {
                        Some(date) => lang.fill(
                            Msg::PresetOption,
                            &[("title", lang.t(p.title)), ("date", &date_text(date, lang))],
                        ),
                        None => lang.t(p.title).to_string(),
                    },
                    note: lang.t(p.note),
                    selected: p.id == chosen,
                })
                .collect(),
        })
        .collect();
    let browsing = &state.preset_browsing;
    let browsed = (browsing.browsed.as_deref()).and_then(Preset::find);
    let in_force = Preset::find(chosen);
    // The preset showing: the one browsed to, else the one in force. Browsed to "Custom
    // scenario", the picker still speaks of the one in force.
    let showing = browsed.or(in_force);
    let note = match browsed {
        Some(p) => format!("{} {}", lang.t(p.note), lang.t(Msg::PresetBrowseHint)),
        None => lang
            .t(in_force.map_or(Msg::PresetHint, |p| p.note))
            .to_owned(),
    };
    PresetPicker {
        groups,
        chosen,
        browsing: browsing.browsing(),
        returns: browsing.returns,
        note,
        source: showing.and_then(|p| p.source).map(|href| SourceLink {
            href,
            text: lang.fill(Msg::PresetSource, &[("site", host(href))]),
        }),
        cannot: showing.map(|p| lang.fill(Msg::PresetCannot, &[("cannot", lang.t(p.cannot))])),
        set: in_force
            .filter(|_| !browsing.browsing())
            .map(|p| set_line(p, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_the_pages_language_and_a_year_as_it_is() {
        assert_eq!(date_text("2025-09", Lang::En), "Sep 2025");
        assert_eq!(date_text("2025-09", Lang::It), "set 2025");
        assert_eq!(date_text("2025", Lang::It), "2025");
    }

    #[test]
    fn a_source_is_named_by_its_site() {
        assert_eq!(
            host("https://www.sec.gov/Archives/edgar/data/1839341/x.htm"),
            "sec.gov"
        );
        assert_eq!(host("https://pulse2.com/bitfarms"), "pulse2.com");
        assert_eq!(host("https://x.org?a=b"), "x.org");
        assert_eq!(host("no scheme/at all"), "no scheme");
    }

    #[test]
    fn the_set_line_names_each_key_of_the_preset_with_its_unit() {
        let bitfarms = Preset::find("bitfarms-wa").unwrap();
        assert_eq!(
            set_line(bitfarms, Lang::En),
            "Set: Site capacity 18\u{a0}MW, Construction time 11\u{a0}months, Conversion capex \
             $12M/MW IT, Contract term 0\u{a0}months; everything else at defaults."
        );
        assert_eq!(
            set_line(bitfarms, Lang::It),
            "Impostati: Capacità del sito 18\u{a0}MW, Durata dei lavori 11\u{a0}mesi, Capex di \
             conversione 12\u{a0}mln\u{a0}$/MW IT, Durata del contratto 0\u{a0}mesi; tutto il \
             resto ai valori predefiniti."
        );
        // A choice says its name; a bullet's tenor of 0 years is a value like any other.
        let cipher = set_line(Preset::find("cipher-barber-lake").unwrap(), Lang::En);
        assert!(
            cipher.contains("AI business model Colocation, Grid MW per IT MW 1.45"),
            "{cipher}"
        );
        assert!(cipher.contains("Debt tenor 0\u{a0}years"), "{cipher}");
    }

    #[test]
    fn the_picker_groups_the_casebook_and_dates_each_case() {
        let state = State::load(
            "https://example.org/h/",
            "preset=cipher-barber-lake&lang=it",
        );
        let picker = presets(&state);
        let titles: Vec<&str> = picker.groups.iter().map(|g| g.title).collect();
        assert_eq!(titles, ["Casi dell'articolo", "Contratti firmati"]);
        assert_eq!(picker.groups[0].options[0].id, "keep-mining");
        assert_eq!(
            picker.groups[0].options[0].label, "Solo mining",
            "a case with no date"
        );
        let ids: Vec<&str> = picker.options().map(|o| o.id).collect();
        let all: Vec<&str> = PRESETS.iter().map(|p| p.id).collect();
        assert_eq!(ids, all, "every preset, once, in the casebook's order");
        let cipher = picker.options().find(|o| o.selected).unwrap();
        assert_eq!(cipher.id, "cipher-barber-lake");
        assert!(cipher.label.ends_with(" · set 2025"), "{}", cipher.label);
        let hoskinson = picker.options().find(|o| o.id == "absorb-4y").unwrap();
        assert!(hoskinson.label.ends_with(" · 2025"), "{}", hoskinson.label);
        assert_eq!(
            picker.source,
            Some(SourceLink {
                href: "https://coinmela.com/cipher-mining-secures-3-billion-contract-with-fluidstack-and-google-backstops-lease-obligations",
                text: "Fonte: coinmela.com".into(),
            })
        );
        assert!(picker
            .cannot
            .as_deref()
            .unwrap()
            .starts_with("Cosa il modello non può esprimere: I warrant"));
        assert!(picker
            .set
            .unwrap()
            .starts_with("Impostati: Capacità del sito 244\u{a0}MW"));
        // A custom scenario: a hint, and nothing about a preset.
        let custom = presets(&State::load("https://example.org/h/", "mw=17"));
        assert_eq!(custom.chosen, "");
        assert!(custom.note.starts_with("Pick a preset"));
        assert_eq!(
            (custom.source, custom.cannot, custom.set),
            (None, None, None)
        );
        // The seed article's own case has no link.
        let absorb = presets(&State::load("https://example.org/h/", "preset=absorb-4y"));
        assert_eq!(absorb.source, None);
        assert!(absorb.cannot.is_some() && absorb.set.is_some());
    }
}
