//! The controls panel as view models: which keys show, in which groups, and for each its label,
//! unit, help, value, slider and reset.

use crate::calendar::YearMonth;
use crate::i18n::{Lang, Msg};
use crate::scenario::{format_number, Group, Key, Kind, Scenario, Warning, KEYS};

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

/// Whether `text`, a month picker's value after a change, applies at once: a whole month from
/// `min` to `max` (the picker's `YYYY-MM` bounds). While a year is typed the picker passes
/// through other months (`0002-01`, `0020-01`, `0203-01` on the way to `2030-01`), and it is
/// empty while a part is cleared; those wait for the picker's blur, where the month is read
/// like any typed text (a warning, and a safe value).
pub fn month_applies(text: &str, min: &str, max: &str) -> bool {
    match (
        YearMonth::parse(text),
        YearMonth::parse(min),
        YearMonth::parse(max),
    ) {
        (Some(m), Some(lo), Some(hi)) => (lo..=hi).contains(&m),
        _ => false,
    }
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

/// A key press on a slider: a step or a page, up or down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Nudge {
    /// Towards larger values.
    pub up: bool,
    /// A page (a tenth of the slider's range, as browsers page a range input), not a step.
    pub page: bool,
}

impl Nudge {
    /// The nudge key `name` (a `KeyboardEvent.key`) asks for, if it asks for one.
    pub fn of_key(name: &str) -> Option<Nudge> {
        let (up, page) = match name {
            "ArrowUp" | "ArrowRight" => (true, false),
            "ArrowDown" | "ArrowLeft" => (false, false),
            "PageUp" => (true, true),
            "PageDown" => (false, true),
            _ => return None,
        };
        Some(Nudge { up, page })
    }
}

/// Whether the slider of number key `key` cannot show `s`'s value: a link or the box may set
/// values beyond the slider's range. The slider then stands at its end, and its own steps
/// would jump from there (`power=300` on a slider ending at 200 would fall to 199.5), so the
/// page nudges the value itself ([`nudged`]).
pub fn beyond_slider(s: &Scenario, key: Key) -> bool {
    let (lo, hi) = key.def().slider;
    !(lo..=hi).contains(&s.get(key))
}

/// `key`'s value in `s` after `nudge`: a step or a page from the exact value, within the key's
/// bounds, rounded to the finer of the value's and the step's decimals (25.1 + 0.1 is 25.2,
/// not 25.200000000000003, in the box and the link).
pub fn nudged(s: &Scenario, key: Key, nudge: Nudge) -> f64 {
    let d = key.def();
    let (lo, hi) = d.slider;
    // A page is a whole number of steps, so it has the step's decimals.
    let size = if nudge.page {
        ((hi - lo) / 10.0 / d.step).round().max(1.0) * d.step
    } else {
        d.step
    };
    let value = s.get(key);
    let decimals = |v: f64| format_number(v).split_once('.').map_or(0, |(_, f)| f.len());
    let scale = 10f64.powi(decimals(value).max(decimals(d.step)).min(12) as i32);
    let next = value + if nudge.up { size } else { -size };
    s.with(key, (next * scale).round() / scale).get(key)
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

/// The value of text typed so far into `key`'s number box, if it is already a clean value
/// (no warning): the page follows the typing live, and leaves anything else to the change.
pub fn preview(s: &Scenario, key: Key, text: &str, lang: Lang) -> Option<f64> {
    if text.trim().is_empty() {
        return None;
    }
    let mut copy = *s;
    copy.set_text(key, &typed(key, text, lang))
        .is_empty()
        .then(|| copy.get(key))
}

/// Sets `key` of `s` from `text` typed on a page in `lang`, read like the URL (bad text warns
/// and keeps the key's value); returns the warnings, quoting the text as it was typed.
pub fn set_typed(s: &mut Scenario, key: Key, text: &str, lang: Lang) -> Vec<Warning> {
    (s.set_text(key, &typed(key, text, lang)).into_iter())
        .map(|w| w.as_typed(text))
        .collect()
}

/// What committing `text` in `key`'s number box gives: the scenario, the box's text (the value
/// actually used) and the problems. `before` is the key's value when the reader began typing:
/// the box applies clean text as it is typed, so the scenario may hold a prefix of their text
/// (`1` of `1,5`), and text that cannot be read must fall back to `before`, not to that prefix.
pub fn committed(
    s: &Scenario,
    key: Key,
    text: &str,
    before: f64,
    lang: Lang,
) -> (Scenario, String, Vec<Warning>) {
    let mut after = s.with(key, before);
    let warnings = set_typed(&mut after, key, text, lang);
    let shown = box_text(&after, key, lang);
    (after, shown, warnings)
}

/// Text typed for `key` on a page in `lang`, as a query writes it: numbers in the page's
/// conventions (`47,5` in Italian), with or without the key's unit (`45 $/MWh`, `$45/MWh`),
/// months and choices as they are.
pub fn typed(key: Key, text: &str, lang: Lang) -> String {
    let f = lang.fmt();
    match (key.def().kind, key.def().unit) {
        (Kind::Real | Kind::Integer, Some(unit)) => f.read_number(&f.without_unit(text, unit)),
        (Kind::Real | Kind::Integer, None) => f.read_number(text),
        _ => text.to_string(),
    }
}

/// The exact value of number key `key` as its box shows it in `lang` (`47,5` in Italian).
fn box_text(s: &Scenario, key: Key, lang: Lang) -> String {
    lang.fmt().typed_number(&s.value_text(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse;

    #[test]
    fn a_typed_number_may_group_its_thousands_with_spaces_and_carry_its_unit() {
        let typed = |text: &str, key: Key, lang: Lang| {
            let mut s = parse("").scenario;
            let warnings = set_typed(&mut s, key, text, lang);
            (
                s.get(key),
                warnings.iter().map(|w| w.text(lang)).collect::<Vec<_>>(),
            )
        };
        assert_eq!(typed("65 000 $", Key::Btc, Lang::It), (65_000.0, vec![]));
        assert_eq!(typed("$70,000", Key::Btc, Lang::En), (70_000.0, vec![]));
        assert_eq!(typed("47,5 $/MWh", Key::Power, Lang::It), (47.5, vec![]));
        assert_eq!(typed("$47.5/MWh", Key::Power, Lang::En), (47.5, vec![]));
        assert_eq!(typed("10%", Key::Rate, Lang::En), (10.0, vec![]));
        // Another unit is no number: the value stays, and the warning quotes the text typed.
        assert_eq!(
            typed("45 €/MWh", Key::Power, Lang::It),
            (
                45.0,
                vec!["`power`: “45 €/MWh” non è un numero; si usa 45.".to_string()]
            )
        );
    }

    #[test]
    fn arrows_and_pages_step_from_a_value_beyond_the_slider_not_from_its_end() {
        let key = |name| Nudge::of_key(name).unwrap();
        // The power slider runs 0–200 $/MWh in steps of 0.5 (a page is 20); the key takes up
        // to 500.
        let s = parse("power=300").scenario;
        assert!(beyond_slider(&s, Key::Power));
        assert_eq!(nudged(&s, Key::Power, key("ArrowLeft")), 299.5);
        assert_eq!(nudged(&s, Key::Power, key("ArrowDown")), 299.5);
        assert_eq!(nudged(&s, Key::Power, key("ArrowUp")), 300.5);
        assert_eq!(nudged(&s, Key::Power, key("PageDown")), 280.0);
        assert_eq!(nudged(&s, Key::Power, key("PageUp")), 320.0);
        assert_eq!(Nudge::of_key("Home"), None);
        // No float residue (the slider ends at 25 $M and 1,000 MW, in steps of 0.1): 25.1 + 0.1
        // is 25.2, not 25.200000000000003; 1500.1 + 0.1 is 1500.2.
        let capex = parse("capex=25.1").scenario;
        assert_eq!(nudged(&capex, Key::Capex, key("ArrowRight")), 25.2);
        assert_eq!(nudged(&capex, Key::Capex, key("PageUp")), 27.6);
        let mw = parse("mw=1500.1").scenario;
        assert_eq!(nudged(&mw, Key::Mw, key("ArrowRight")), 1500.2);
        assert_eq!(nudged(&mw, Key::Mw, key("ArrowLeft")), 1500.0);
        let mw = parse("mw=1500.123").scenario;
        assert_eq!(nudged(&mw, Key::Mw, key("ArrowRight")), 1500.223);
        // At the key's bound the value stays there.
        assert_eq!(
            nudged(&parse("power=500").scenario, Key::Power, key("PageUp")),
            500.0
        );
        // Inside the range the slider steps by itself.
        assert!(!beyond_slider(&parse("power=200").scenario, Key::Power));
        assert!(!beyond_slider(&parse("").scenario, Key::Power));
    }

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
    fn typing_previews_clean_values_only() {
        let s = Scenario::default();
        let en = Lang::En;
        assert_eq!(preview(&s, Key::Mw, "18", en), Some(18.0));
        assert_eq!(preview(&s, Key::Mw, "1", en), Some(1.0));
        assert_eq!(preview(&s, Key::Mw, "", en), None);
        assert_eq!(preview(&s, Key::Mw, "1.", en), Some(1.0));
        assert_eq!(
            preview(&s, Key::Mw, "9000", en),
            None,
            "out of bounds waits"
        );
        assert_eq!(preview(&s, Key::Years, "7.5", en), None, "not whole waits");
        let shown = |key, text, before| committed(&s, key, text, before, en).1;
        assert_eq!(shown(Key::Mw, "9000", 100.0), "5000");
        assert_eq!(shown(Key::Btc, "lots", 65_000.0), "65000");
        // Text that cannot be read falls back to the value before the typing, not to the
        // prefix the typing applied on the way (`1` of `1,5` in English).
        let typing = s.with(Key::Mw, 1.0);
        let (after, box_text, warnings) = committed(&typing, Key::Mw, "1,5", 100.0, en);
        assert_eq!((after.get(Key::Mw), box_text.as_str()), (100.0, "100"));
        assert_eq!(
            warnings[0].text(en),
            "`mw`: “1,5” is not a number; using 100."
        );
        let (after, _, warnings) = committed(&typing, Key::Mw, "18", 100.0, en);
        assert_eq!((after.get(Key::Mw), warnings.len()), (18.0, 0));
        assert_eq!(preview(&s, Key::Btc, "65,500", en), Some(65500.0));
    }

    #[test]
    fn the_italian_page_reads_and_shows_a_decimal_comma() {
        let s = Scenario::default();
        let it = Lang::It;
        assert_eq!(preview(&s, Key::Power, "47,5", it), Some(47.5));
        assert_eq!(preview(&s, Key::Btc, "65.500", it), Some(65500.0));
        assert_eq!(committed(&s, Key::Power, "47,25", 45.0, it).1, "47,25");
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
