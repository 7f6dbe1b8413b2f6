//! The controls panel as view models: which keys show, in which groups, and for each its label,
//! unit, help, value, slider and reset.

use crate::calendar::YearMonth;
use crate::explorer::core::typing::box_text;
use crate::i18n::{Lang, Msg};
use crate::scenario::{format_number, Group, Key, Kind, Scenario, KEYS};

/// The form element of a control.
#[derive(Clone, Debug, PartialEq)]
pub enum InputView {
    /// A month picker (`<input type=month>`).
    Month {
        /// `YYYY-MM`.
        value: String,
        /// Earliest month.
        min: String,
        /// Latest month.
        max: String,
    },
    /// A select of words.
    Select {
        /// Each choice: its URL word, its label, whether it is the value.
        options: Vec<(&'static str, &'static str, bool)>,
    },
    /// A 0/1 checkbox.
    Checkbox {
        /// Whether it is on.
        checked: bool,
    },
    /// A slider (`data-for`) beside an exact number box (`name`).
    Number {
        /// Slider minimum.
        min: String,
        /// Slider maximum.
        max: String,
        /// Slider step.
        step: String,
        /// The slider's position: the value, held inside the slider's range.
        position: String,
        /// The slider's style: how far along its range its position is, as the CSS variable
        /// `--fill` in percent (0–100), the filled part of the track where the page draws the
        /// slider itself (touch screens).
        fill: String,
        /// The exact value, as typed in the page's language (`47,5` in Italian).
        text: String,
        /// The value with its unit, as a screen reader announces the slider (`47.5 $/MWh`).
        spoken: String,
    },
}

/// One control.
#[derive(Clone, Debug, PartialEq)]
pub struct ControlView {
    /// The key.
    pub key: Key,
    /// The key's form name.
    pub name: &'static str,
    /// The element id the label points to.
    pub id: String,
    /// Label.
    pub label: &'static str,
    /// Unit, if any.
    pub unit: Option<&'static str>,
    /// One-line help.
    pub help: &'static str,
    /// Where the default comes from, for market snapshot values.
    pub note: Option<String>,
    /// The reset button's tooltip (with the default).
    pub reset_title: String,
    /// The reset button's accessible name.
    pub reset_label: String,
    /// Whether the value is the default (the reset is disabled).
    pub at_default: bool,
    /// The form element.
    pub input: InputView,
}

/// Whether `key`'s control shows for `s` (it matters for the scenario's AI model).
pub fn shown(s: &Scenario, key: Key) -> bool {
    key.def().applies.to(s)
}

/// The groups in display order, each with its title and keys; a group whose keys all hide is
/// marked hidden.
pub fn groups(s: &Scenario, lang: Lang) -> Vec<(Group, &'static str, Vec<Key>, bool)> {
    Group::ALL
        .iter()
        .map(|&g| {
            let keys: Vec<Key> = KEYS
                .iter()
                .filter(|d| d.group == g)
                .map(|d| d.key)
                .collect();
            let hidden = keys.iter().all(|&k| !shown(s, k));
            (g, lang.t(g.title()), keys, hidden)
        })
        .collect()
}

/// A month-valued number as `YYYY-MM`.
fn month(v: f64) -> String {
    YearMonth::from_index(v as i32).to_string()
}

/// The style of the slider of number key `key` at value `v`: how far along it stands, as
/// `--fill` in percent (0–100; a value beyond the slider's range stands at its end).
pub fn slider_fill(key: Key, v: f64) -> String {
    let (lo, hi) = key.def().slider;
    let fill = (v.clamp(lo, hi) - lo) / (hi - lo) * 100.0;
    format!("--fill: {fill:.2}%")
}

/// Value `v` of number key `key` with its unit, as a slider announces it in `lang`.
pub fn spoken(key: Key, v: f64, lang: Lang) -> String {
    key.with_unit(v, 6, lang)
}

/// The control of `key` for `s`, in `lang`.
pub fn control(s: &Scenario, key: Key, lang: Lang) -> ControlView {
    let d = key.def();
    let value = s.get(key);
    let default = s.default_of(key);
    let with_unit = |v: f64| spoken(key, v, lang);
    let default_text = match d.kind {
        Kind::Month => lang.fmt().month(YearMonth::from_index(default as i32)),
        Kind::Choice(choices) => lang.t(choices[default as usize].label).to_string(),
        Kind::Toggle => lang
            .t(if default == 1.0 { Msg::On } else { Msg::Off })
            .to_string(),
        Kind::Real | Kind::Integer => with_unit(default),
    };
    let input = match d.kind {
        Kind::Month => {
            let (lo, hi) = s.bounds(key);
            InputView::Month {
                value: s.value_text(key),
                min: month(lo),
                max: month(hi),
            }
        }
        Kind::Choice(choices) => InputView::Select {
            options: choices
                .iter()
                .enumerate()
                .map(|(i, c)| (c.name, lang.t(c.label), i as f64 == value))
                .collect(),
        },
        Kind::Toggle => InputView::Checkbox {
            checked: value == 1.0,
        },
        Kind::Real | Kind::Integer => {
            let (lo, hi) = d.slider;
            InputView::Number {
                min: format_number(lo),
                max: format_number(hi),
                step: format_number(d.step),
                position: format_number(value.clamp(lo, hi)),
                fill: slider_fill(key, value),
                text: box_text(s, key, lang),
                spoken: with_unit(value),
            }
        }
    };
    let label = lang.t(d.label);
    ControlView {
        key,
        name: d.name,
        id: format!("c-{}", d.name),
        label,
        unit: d.unit.map(|u| lang.t(u)),
        help: lang.t(d.help),
        note: d
            .snapshot
            .then(|| super::page::snapshot_dated(Msg::SnapshotNote, lang)),
        reset_title: lang.fill(Msg::ResetTitle, &[("value", &default_text)]),
        reset_label: lang.fill(Msg::ResetLabel, &[("label", label)]),
        at_default: value == default,
        input,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explorer::core::typing::{committed, preview};
    use crate::scenario::parse;

    #[test]
    fn a_number_control_has_slider_box_unit_and_reset() {
        let s = parse("power=250").scenario;
        let c = control(&s, Key::Power, Lang::En);
        assert_eq!(
            (c.name, c.id.as_str(), c.label),
            ("power", "c-power", "Power price")
        );
        assert_eq!(c.unit, Some("$/MWh"));
        assert_eq!(c.note, None);
        let btc = control(&s, Key::Btc, Lang::En);
        assert!(btc
            .note
            .unwrap()
            .starts_with("Market snapshot of 15 Jun 2026: difficulty 124.93\u{a0}T"));
        assert_eq!(c.reset_title, "Reset to default ($45/MWh)");
        assert_eq!(c.reset_label, "Reset Power price to its default");
        assert!(!c.at_default);
        assert_eq!(
            c.input,
            InputView::Number {
                min: "0".into(),
                max: "200".into(),
                step: "0.5".into(),
                position: "200".into(),
                fill: "--fill: 100.00%".into(),
                text: "250".into(),
                spoken: "$250/MWh".into(),
            },
            "the slider holds the value at its end, the box has it exactly"
        );
    }

    #[test]
    fn months_choices_and_switches() {
        let s = parse("start=2027-03&ai=colo&shutoff=0").scenario;
        assert_eq!(
            control(&s, Key::Cstart, Lang::En).input,
            InputView::Month {
                value: "2027-03".into(),
                min: "2027-03".into(),
                max: "2040-12".into()
            }
        );
        let ai = control(&s, Key::Ai, Lang::It);
        let InputView::Select { options } = ai.input else {
            panic!("ai is a select");
        };
        assert_eq!(options[1].0, "colo");
        assert!(options[1].2 && !options[0].2);
        assert_eq!(
            control(&s, Key::Shutoff, Lang::En).input,
            InputView::Checkbox { checked: false }
        );
        assert_eq!(
            control(&s, Key::Shutoff, Lang::It).reset_title,
            "Ripristina il predefinito (acceso)"
        );
        assert_eq!(
            control(&s, Key::Start, Lang::It).reset_title,
            "Ripristina il predefinito (gen 2027)"
        );
    }

    #[test]
    fn controls_show_per_ai_model_and_groups_hide_when_empty() {
        let gpu = Scenario::default();
        let colo = parse("ai=colo").scenario;
        assert!(shown(&gpu, Key::Gpu) && !shown(&colo, Key::Gpu));
        assert!(shown(&colo, Key::Esc) && !shown(&parse("tv=book").scenario, Key::Esc));
        assert!(shown(&gpu, Key::Caprate) && !shown(&parse("tv=book").scenario, Key::Caprate));
        let hidden = |s: &Scenario| -> Vec<Group> {
            groups(s, Lang::En)
                .into_iter()
                .filter(|g| g.3)
                .map(|g| g.0)
                .collect()
        };
        // The hall lease values the halls at market under either model; at book value it
        // matters only for colocation.
        assert!(hidden(&gpu).is_empty());
        assert_eq!(hidden(&colo), [Group::GpuCloud]);
        assert_eq!(hidden(&parse("tv=book").scenario), [Group::Lease]);
    }

    #[test]
    fn the_italian_page_reads_and_shows_a_decimal_comma() {
        let s = Scenario::default();
        let it = Lang::It;
        assert_eq!(preview(&s, Key::Power, "47,5", it), Some(47.5));
        assert_eq!(preview(&s, Key::Btc, "65.500", it), Some(65500.0));
        assert_eq!(committed(&s, Key::Power, "47,25", 45.0, it).text, "47,25");
        let InputView::Number { text, spoken, .. } = control(&s, Key::Jth, it).input else {
            panic!("jth is a number");
        };
        assert_eq!((text.as_str(), spoken.as_str()), ("17,5", "17,5\u{a0}J/TH"));
        let InputView::Number { spoken, .. } = control(&s, Key::Btc, it).input else {
            panic!("btc is a number");
        };
        assert_eq!(spoken, "65.000\u{a0}$");
    }
}
