//! "What would have to be true" (`[data-role="breakevens"]`): for each input the tornado moves,
//! the value of it alone at which converting breaks even with keeping mining (ECONOMICS.md §9
//! `breakevens`, swept by the page's worker), nearest first; and, from the same sweep, the band
//! under each slider that marks where converting wins.

use super::kpi::data_value;
use crate::explorer::core::typing::significant;
use crate::explorer::{State, Swept};
use crate::i18n::{KeyText, Lang, Msg};
use crate::scenario::{Key, Scenario};

/// Rows shown before the fold: the nearest break-evens.
pub const NEAREST: usize = 4;

/// Significant figures of the values and distances shown (the box and the link take six).
const SHOWN_DIGITS: i32 = 3;

/// The panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// `data-state`: `current` (the sweep of the scenario shown), `running` (a sweep of it is
    /// under way; the rows are the last sweep's, dimmed) or `failed` (the worker did not load).
    pub state: &'static str,
    /// A sentence in place of, or before, the rows: nothing converts, or the worker failed.
    pub note: Option<&'static str>,
    /// One row per input, nearest break-even first, those without one last (in table order).
    pub rows: Vec<Row>,
    /// Before the first sweep lands: how many rows it will have, so that the panel keeps their
    /// room (blank rows and the fold's line) and the page does not grow under the reader.
    pub waiting: usize,
}

/// One input's row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The input (`data-key` is its name).
    pub key: Key,
    /// Its label.
    pub label: &'static str,
    /// The break-even as the CLI prints it, empty when null: `data-value`.
    pub data_value: String,
    /// The scenario's value with its unit.
    pub now: String,
    /// Where it breaks even: the value to move the input to, that value with its unit, how far
    /// it is (`−12 %`), and the row's button's title. `None`: no value in
    /// range flips it.
    pub target: Option<Target>,
}

/// A break-even a row can move its input to.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// The break-even, in the key's unit.
    pub value: f64,
    /// With its unit, to [`SHOWN_DIGITS`] significant figures.
    pub text: String,
    /// How far from the scenario's value: a signed percentage of it, or, from zero, the signed
    /// difference with its unit.
    pub change: String,
    /// The button's title (its description): "Set BTC price to $193,000".
    pub set: String,
}

/// The panel for the state, in `lang`; `None` in an embed.
pub fn panel(state: &State, lang: Lang) -> Option<Panel> {
    if state.view.embed {
        return None;
    }
    let s = &state.scenario;
    let (state_name, note) = if state.monte_carlo_worker.failed() {
        ("failed", Some(Msg::BreakevensFailed))
    } else if state.swept.as_ref().is_some_and(|w| w.scenario == *s) {
        ("current", None)
    } else {
        ("running", None)
    };
    let swept = state.swept.as_ref().filter(|_| state_name != "failed");
    let mut rows: Vec<(f64, Row)> = swept.map_or_else(Vec::new, |w| rows(w, s, lang));
    // Nearest first; the rows without a break-even keep table order at the end (a stable sort).
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let converts = state.projection().converts();
    let note = note.or((!converts && state_name == "current").then_some(Msg::BreakevensNoPlan));
    let waiting = if swept.is_none() && state_name == "running" {
        Key::tornado(s.ai()).count()
    } else {
        0
    };
    Some(Panel {
        state: state_name,
        note: note.map(|m| lang.t(m)),
        rows: rows.into_iter().map(|(_, row)| row).collect(),
        waiting,
    })
}

/// The rows of a sweep, each with its distance for sorting (∞ without a break-even), showing the
/// values of `s`, the scenario shown.
fn rows(w: &Swept, s: &Scenario, lang: Lang) -> Vec<(f64, Row)> {
    let shown = |key: Key, v: f64| key.with_unit(significant(v, SHOWN_DIGITS), 6, lang);
    Key::tornado(w.scenario.ai())
        .zip(w.sweeps.iter())
        .map(|(key, sweep)| {
            let now = s.get(key);
            let label = lang.t(key.def().label);
            let target = sweep.break_even.map(|x| {
                let text = shown(key, x);
                Target {
                    value: x,
                    change: change(key, now, x, lang),
                    set: lang.fill(Msg::BreakevenSet, &[("label", label), ("value", &text)]),
                    text,
                }
            });
            (
                distance(s, key, sweep.break_even),
                Row {
                    key,
                    label,
                    data_value: sweep.break_even.map(data_value).unwrap_or_default(),
                    now: shown(key, now),
                    target,
                },
            )
        })
        .collect()
}

/// How far the break-even `x` is from the scenario's value of `key`, for sorting: a share of
/// the value, or of the key's range when the value is zero; ∞ without one.
fn distance(s: &Scenario, key: Key, x: Option<f64>) -> f64 {
    let Some(x) = x else { return f64::INFINITY };
    let v = s.get(key);
    let (min, max) = s.bounds(key);
    let scale = if v == 0.0 { max - min } else { v.abs() };
    (x - v).abs() / scale
}

/// How far `to` is from `from`, as the row says it: `−12 %` of the value, or from zero the
/// signed difference with the key's unit (`+5 %/yr`).
fn change(key: Key, from: f64, to: f64, lang: Lang) -> String {
    let f = lang.fmt();
    let signed = |text: String, d: f64| {
        if d > 0.0 {
            format!("+{text}")
        } else {
            text
        }
    };
    if from == 0.0 {
        let d = significant(to - from, SHOWN_DIGITS);
        return signed(key.with_unit(d, 6, lang), d);
    }
    let pct = significant((to - from) / from.abs() * 100.0, 2);
    let decimals = if pct.abs() < 10.0 { 1 } else { 0 };
    signed(format!("{}\u{a0}%", f.number(pct, decimals)), pct)
}

/// The band under `key`'s slider: a CSS background over the slider's range, green where
/// converting wins on the last sweep (`--win`) and plain elsewhere (`--lose`); `None` before
/// any sweep, or for an input the sweep did not move.
pub fn band(swept: &Swept, key: Key) -> Option<String> {
    let i = Key::tornado(swept.scenario.ai()).position(|k| k == key)?;
    let (lo, hi) = key.def().slider;
    let at = |x: f64| (x.clamp(lo, hi) - lo) / (hi - lo) * 100.0;
    let mut stops = Vec::new();
    let mut last = 0.0;
    for &(a, b) in &swept.sweeps[i].wins {
        let (a, b) = (at(a), at(b));
        if b > a {
            stops.push(format!(
                "var(--lose) {last:.2}% {a:.2}%, var(--win) {a:.2}% {b:.2}%"
            ));
            last = b;
        }
    }
    stops.push(format!("var(--lose) {last:.2}% 100%"));
    Some(format!(
        "background: linear-gradient(90deg, {})",
        stops.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Sweep;
    use crate::scenario::parse;
    use std::rc::Rc;

    /// A state showing `query`, swept with `sweeps` (one per tornado input, in table order).
    fn swept(query: &str, sweeps: Vec<Sweep>) -> State {
        let mut state = State::load("https://x/", query);
        state.swept = Some(Swept {
            scenario: state.scenario,
            sweeps: Rc::new(sweeps),
        });
        state
    }

    fn sweep(break_even: Option<f64>, wins: Vec<(f64, f64)>) -> Sweep {
        Sweep { break_even, wins }
    }

    #[test]
    fn rows_come_nearest_first_and_say_how_far_in_percent() {
        // Every input without a break-even but two: `btc` (60,000 → 193,227: +222 %, 2.22 of
        // the value away) and the GPU rate (2.85 → 2.46: −13.7 %, 0.137 away, so first).
        let keys: Vec<Key> = Key::tornado(parse("").scenario.ai()).collect();
        let gpu = parse("").scenario.ai_rate_key();
        let sweeps = keys
            .iter()
            .map(|&k| match k {
                Key::Btc => sweep(Some(193_227.04), vec![(193_227.04, 1e7)]),
                k if k == gpu => sweep(Some(2.46), vec![(2.46, 20.0)]),
                _ => sweep(None, vec![]),
            })
            .collect();
        let state = swept("gpu=2.85", sweeps);
        let p = panel(&state, Lang::En).expect("not an embed");
        assert_eq!((p.state, p.note), ("current", None));
        assert_eq!(p.rows.len(), keys.len());
        let first = &p.rows[0];
        assert_eq!((first.key, first.data_value.as_str()), (gpu, "2.46"));
        let t = first.target.as_ref().unwrap();
        // (2.46 − 2.85) / 2.85 = −0.13684 → −14 % (two significant figures).
        assert_eq!(t.change, "−14\u{a0}%");
        let second = &p.rows[1];
        assert_eq!(
            (second.key, second.data_value.as_str()),
            (Key::Btc, "193227.04")
        );
        // 193,227.04 shown to three figures: $193,000; (193,227.04 − 60,000) / 60,000 =
        // 2.2204 → +220 %.
        let t = second.target.as_ref().unwrap();
        assert_eq!(
            (t.text.as_str(), t.change.as_str()),
            ("$193,000", "+220\u{a0}%")
        );
        assert_eq!(t.value, 193_227.04);
        // The rest: no break-even, empty `data-value`, in table order.
        let rest: Vec<Key> = p.rows[2..].iter().map(|r| r.key).collect();
        let want: Vec<Key> = keys
            .into_iter()
            .filter(|&k| k != Key::Btc && k != gpu)
            .collect();
        assert_eq!(rest, want);
        assert!(p.rows[2..]
            .iter()
            .all(|r| r.target.is_none() && r.data_value.is_empty()));
    }

    #[test]
    fn from_zero_the_distance_is_the_difference_in_the_keys_unit() {
        // `btcg` 0 → 12.345 %/yr: +12.3 %/yr (three figures).
        assert_eq!(change(Key::Btcg, 0.0, 12.345, Lang::En), "+12.3\u{a0}%/yr");
        // 4 → 3.5: −12.5 % → −13 % (two figures); 10 → 10.5: +5 %.
        assert_eq!(change(Key::Power, 4.0, 3.5, Lang::En), "−13\u{a0}%");
        assert_eq!(change(Key::Power, 10.0, 10.5, Lang::It), "+5\u{a0}%");
    }

    #[test]
    fn a_stale_sweep_shows_as_running_and_an_embed_has_no_panel() {
        let mut state = swept("", vec![]);
        state.scenario.set(Key::Btc, 70_000.0);
        assert_eq!(panel(&state, Lang::En).unwrap().state, "running");
        assert_eq!(panel(&state, Lang::En).unwrap().waiting, 0);
        // Before any sweep: the room of its rows, one per tornado input.
        let first = panel(&State::load("https://x/", ""), Lang::En).unwrap();
        assert_eq!((first.state, first.rows.len()), ("running", 0));
        assert_eq!(first.waiting, Key::tornado(parse("").scenario.ai()).count());
        assert!(panel(&State::load("https://x/", "embed=1"), Lang::En).is_none());
    }

    #[test]
    fn the_band_is_green_where_converting_wins_over_the_sliders_range() {
        // `power`'s slider spans its range; wins over [lo + 25 %, lo + 50 %] of it and from
        // 90 % to beyond the slider's end (clamped to 100 %).
        let (lo, hi) = Key::Power.def().slider;
        let at = |f: f64| lo + (hi - lo) * f;
        let keys: Vec<Key> = Key::tornado(parse("").scenario.ai()).collect();
        let sweeps = keys
            .iter()
            .map(|&k| match k {
                Key::Power => sweep(
                    Some(at(0.25)),
                    vec![(at(0.25), at(0.5)), (at(0.9), hi * 9.0)],
                ),
                _ => sweep(None, vec![]),
            })
            .collect();
        let state = swept("", sweeps);
        let w = state.swept.as_ref().unwrap();
        assert_eq!(
            band(w, Key::Power).unwrap(),
            "background: linear-gradient(90deg, var(--lose) 0.00% 25.00%, var(--win) 25.00% 50.00%, \
             var(--lose) 50.00% 90.00%, var(--win) 90.00% 100.00%, var(--lose) 100.00% 100%)"
        );
        // An input the sweep does not move has no band.
        assert_eq!(band(w, Key::Mw), None);
    }
}
