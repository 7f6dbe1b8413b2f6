//! The controls panel as view models: which keys show, in which groups, and for each its label,
//! unit, help, value (or the text being typed), slider, reset and problem.

use super::page::page_voice;
use crate::calendar::YearMonth;
use crate::explorer::core::drafts::Draft;
use crate::explorer::core::typing::{box_text, month_bounds};
use crate::i18n::{KeyText, WarningText};
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
        /// Each choice, in the key's order.
        options: Vec<SelectOption>,
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

/// One choice of a select.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SelectOption {
    /// Its URL word (the option's value).
    pub value: &'static str,
    /// Its label.
    pub label: &'static str,
    /// Whether it is the key's value.
    pub selected: bool,
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
    /// The problem with the text last committed in the number box, in the page's language
    /// (key names marked), said beside it and describing it.
    pub problem: Option<String>,
}

/// Whether `key`'s control shows for `s` (it matters for the scenario's AI model).
pub fn control_shows(s: &Scenario, key: Key) -> bool {
    key.def().applies.to(s)
}

/// The part of the scenario one key's control shows: the key's value, default, bounds and
/// whether the control shows. A control depends on nothing else of the scenario, so it renders
/// again only when this changes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ControlSlice {
    /// The key's value.
    pub value: f64,
    /// Its default, which may follow another key (a construction start follows the start).
    pub default: f64,
    /// Its bounds, which may follow another key too.
    pub bounds: (f64, f64),
    /// Whether its control shows ([`control_shows`]).
    pub shows: bool,
}

impl ControlSlice {
    /// The part of `s` that `key`'s control shows.
    pub fn of(s: &Scenario, key: Key) -> ControlSlice {
        ControlSlice {
            value: s.get(key),
            default: s.default_of(key),
            bounds: s.bounds(key),
            shows: control_shows(s, key),
        }
    }
}

/// A group of controls.
#[derive(Clone, Debug, PartialEq)]
pub struct ControlGroup {
    /// The group.
    pub group: Group,
    /// Its title.
    pub title: &'static str,
    /// Its keys, in table order.
    pub keys: Vec<Key>,
    /// Whether it hides: all its keys' controls do.
    pub hidden: bool,
    /// How many of its keys' controls show: the page takes the group to be as tall as they
    /// are until it is first laid out.
    pub shown_count: usize,
    /// Whether it is shown expanded: every group but financing, which opens once the plan
    /// borrows (`ltc > 0`). The page opens a group when this turns true and never closes one
    /// itself: the reader may open or close any.
    pub open: bool,
}

/// The groups in display order.
pub fn groups(s: &Scenario, lang: Lang) -> Vec<ControlGroup> {
    Group::ALL
        .iter()
        .map(|&group| {
            let keys: Vec<Key> = KEYS
                .iter()
                .filter(|d| d.group == group)
                .map(|d| d.key)
                .collect();
            let shown_count = keys.iter().filter(|&&k| control_shows(s, k)).count();
            ControlGroup {
                group,
                title: lang.t(group.title()),
                hidden: shown_count == 0,
                shown_count,
                keys,
                open: group != Group::Financing || s.get(Key::Ltc) > 0.0,
            }
        })
        .collect()
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
            let (min, max) = month_bounds(s, key);
            InputView::Month {
                value: s.value_text(key),
                min,
                max,
            }
        }
        Kind::Choice(choices) => InputView::Select {
            options: choices
                .iter()
                .enumerate()
                .map(|(i, c)| SelectOption {
                    value: c.name,
                    label: lang.t(c.label),
                    selected: i as f64 == value,
                })
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
        problem: None,
    }
}

/// The control of `key` for `s`, in `lang`, as the reader's typing leaves it (`draft`): the
/// number box shows the text being typed, and the problem with the text last committed.
pub fn control_typed(s: &Scenario, draft: &Draft, key: Key, lang: Lang) -> ControlView {
    let mut c = control(s, key, lang);
    if let (InputView::Number { text, .. }, Some(typed)) = (&mut c.input, &draft.typed) {
        text.clone_from(&typed.text);
    }
    c.problem = draft
        .problem
        .as_ref()
        .map(|p| p.warning.said(page_voice(lang)));
    c
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
            .starts_with("Market snapshot of 26 Jun 2026: difficulty 133.87\u{a0}T"));
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
        assert_eq!(options[1].value, "colo");
        assert!(options[1].selected && !options[0].selected);
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
        let shows = control_shows;
        assert!(shows(&gpu, Key::Gpu) && !shows(&colo, Key::Gpu));
        assert!(shows(&colo, Key::Esc) && !shows(&parse("tv=book").scenario, Key::Esc));
        assert!(shows(&gpu, Key::Caprate) && !shows(&parse("tv=book").scenario, Key::Caprate));
        let hidden = |s: &Scenario| -> Vec<Group> {
            groups(s, Lang::En)
                .into_iter()
                .filter(|g| g.hidden)
                .map(|g| g.group)
                .collect()
        };
        // The hall lease values the halls at market under either model; at book value it
        // matters only for colocation.
        assert!(hidden(&gpu).is_empty());
        assert_eq!(hidden(&colo), [Group::GpuCloud]);
        assert_eq!(hidden(&parse("tv=book").scenario), [Group::Lease]);
    }

    #[test]
    fn the_financing_group_opens_once_the_plan_borrows() {
        let closed = |s: &Scenario| -> Vec<Group> {
            groups(s, Lang::En)
                .into_iter()
                .filter(|g| !g.open)
                .map(|g| g.group)
                .collect()
        };
        assert_eq!(closed(&Scenario::default()), [Group::Financing]);
        assert!(closed(&parse("ltc=60").scenario).is_empty());
        let financing = groups(&Scenario::default(), Lang::En)
            .into_iter()
            .find(|g| g.group == Group::Financing)
            .unwrap();
        assert_eq!(financing.title, "Financing");
        assert_eq!(financing.keys, [Key::Ltc, Key::Kd, Key::Tenor]);
        assert!(!financing.hidden);
    }

    #[test]
    fn a_control_sees_only_its_own_key() {
        let s = Scenario::default();
        let power = ControlSlice::of(&s, Key::Power);
        assert_eq!(
            power,
            ControlSlice::of(&s.with(Key::Btc, 80_000.0), Key::Power)
        );
        assert_ne!(
            power,
            ControlSlice::of(&s.with(Key::Power, 40.0), Key::Power)
        );
        // The construction start's bounds follow the start month; the GPU price hides under
        // colocation.
        let later = parse("start=2028-01").scenario;
        let (before, after) = (
            ControlSlice::of(&s, Key::Cstart),
            ControlSlice::of(&later, Key::Cstart),
        );
        assert!(after.bounds.0 > before.bounds.0, "{before:?} {after:?}");
        assert!(power.shows && !ControlSlice::of(&parse("ai=colo").scenario, Key::Gpu).shows);
    }

    #[test]
    fn the_italian_page_reads_and_shows_a_decimal_comma() {
        let s = Scenario::default();
        let it = Lang::It;
        assert_eq!(preview(&s, Key::Power, "47,5", it), Some(47.5));
        assert_eq!(preview(&s, Key::Btc, "65.500", it), Some(65500.0));
        let committed = committed(&s, Key::Power, "47,25", 45.0, it).scenario;
        assert_eq!(box_text(&committed, Key::Power, it), "47,25");
        let InputView::Number { text, spoken, .. } = control(&s, Key::Jth, it).input else {
            panic!("jth is a number");
        };
        assert_eq!((text.as_str(), spoken.as_str()), ("17,5", "17,5\u{a0}J/TH"));
        let InputView::Number { spoken, .. } = control(&s, Key::Btc, it).input else {
            panic!("btc is a number");
        };
        assert_eq!(spoken, "60.000\u{a0}$");
    }
}
