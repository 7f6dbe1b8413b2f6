//! What text typed into a control, and a key pressed on a slider, do to a key's value: the
//! rules `update` applies and the controls follow while the reader types.

use crate::calendar::YearMonth;
use crate::i18n::Lang;
use crate::scenario::{format_number, Key, Kind, Scenario, Warning};

/// Whether `text`, a month picker's value after a change, applies at once: a whole month from
/// `min` to `max` (the picker's `YYYY-MM` bounds). While a year is typed the picker passes
/// through other months (`0002-01`, `0020-01`, `0203-01` on the way to `2030-01`), and it is
/// empty while a part is cleared; those wait until the picker is left or Enter is pressed,
/// when the month is read like any typed text, a warning and a safe value
/// ([`super::drafts::Drafts::read_month`]).
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

/// The earliest and latest months of month key `key` in `s`, as `YYYY-MM`: its picker's `min`
/// and `max` (a construction start's follow the start month).
pub fn month_bounds(s: &Scenario, key: Key) -> (String, String) {
    let (lo, hi) = s.bounds(key);
    let month = |v: f64| YearMonth::from_index(v as i32).to_string();
    (month(lo), month(hi))
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

/// `v` to `digits` significant figures (193,227.0401 to 6 is 193,227; 2.461234 is 2.46123), so
/// that a value found by a solver reads plainly in the box and the link.
pub fn significant(v: f64, digits: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let scale = 10f64.powi(digits - 1 - v.abs().log10().floor() as i32);
    (v * scale).round() / scale
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

/// What committing text in a number box gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Committed {
    /// The scenario with the value used (the box then shows it: [`box_text`]).
    pub scenario: Scenario,
    /// The problems with the text typed.
    pub warnings: Vec<Warning>,
}

/// What committing `text` in `key`'s number box gives. `before` is the key's value when the
/// reader began typing: the box applies clean text as it is typed, so the scenario may hold a
/// prefix of their text (`1` of `1,5`), and text that cannot be read must fall back to
/// `before`, not to that prefix.
pub fn committed(s: &Scenario, key: Key, text: &str, before: f64, lang: Lang) -> Committed {
    let mut scenario = s.with(key, before);
    let warnings = set_typed(&mut scenario, key, text, lang);
    Committed { scenario, warnings }
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
pub fn box_text(s: &Scenario, key: Key, lang: Lang) -> String {
    lang.fmt().typed_number(&s.value_text(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::WarningText;
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
        let shown =
            |key, text, before| box_text(&committed(&s, key, text, before, en).scenario, key, en);
        assert_eq!(shown(Key::Mw, "9000", 100.0), "5000");
        assert_eq!(shown(Key::Btc, "lots", 65_000.0), "65000");
        // Text that cannot be read falls back to the value before the typing, not to the
        // prefix the typing applied on the way (`1` of `1,5` in English).
        let typing = s.with(Key::Mw, 1.0);
        let Committed {
            scenario: after,
            warnings,
        } = committed(&typing, Key::Mw, "1,5", 100.0, en);
        let text = box_text(&after, Key::Mw, en);
        assert_eq!((after.get(Key::Mw), text.as_str()), (100.0, "100"));
        assert_eq!(
            warnings[0].text(en),
            "`mw`: “1,5” is not a number; using 100."
        );
        let Committed {
            scenario: after,
            warnings,
        } = committed(&typing, Key::Mw, "18", 100.0, en);
        assert_eq!((after.get(Key::Mw), warnings.len()), (18.0, 0));
        assert_eq!(preview(&s, Key::Btc, "65,500", en), Some(65500.0));
    }

    #[test]
    fn a_solved_value_keeps_six_significant_figures() {
        // 193,227.0401: five digits before the point, so one more: 193,227. 2.461234: 2.46123.
        assert_eq!(significant(193_227.040_1, 6), 193_227.0);
        assert_eq!(significant(2.461_234, 6), 2.461_23);
        // −0.000123456789 → −0.000123457; 0 stays 0.
        assert_eq!(significant(-0.000_123_456_789, 6), -0.000_123_457);
        assert_eq!(significant(0.0, 6), 0.0);
    }
}
