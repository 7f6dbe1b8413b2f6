//! Comparing the scenario with a pinned one (A): which inputs differ and how much each explains
//! of the change in the NPV advantage. The inputs move from A's value to the current one, one
//! at a time in table order; each step's change of the NPV advantage is its part of the
//! waterfall, and the steps add up to the whole difference.

use crate::i18n::KeyText;
use crate::i18n::{Lang, Msg, MINUS};
use crate::model;
use crate::scenario::{Key, Kind, Scenario};

/// One input changed from A's value to the current one.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The input.
    pub key: Key,
    /// The NPV advantage before this step, $.
    pub before: f64,
    /// The NPV advantage after it, $.
    pub after: f64,
}

/// The steps from `a` to `b`, in table order: one per input whose value differs when its turn
/// comes (a construction start that followed the start month moves with it, in its step).
pub fn steps(a: &Scenario, b: &Scenario) -> Vec<Step> {
    let mut s = *a;
    let mut before = model::npv_advantage(&s);
    let mut out = Vec::new();
    for key in Key::all() {
        if s.get(key) == b.get(key) {
            continue;
        }
        s.set(key, b.get(key));
        let after = model::npv_advantage(&s);
        out.push(Step { key, before, after });
        before = after;
    }
    debug_assert_eq!(s, *b, "setting every key of b reaches b");
    out
}

/// A key's value as people read it, with its unit.
pub fn value_text(s: &Scenario, key: Key, lang: Lang) -> String {
    let d = key.def();
    match d.kind {
        Kind::Month => lang.fmt().month(s.month(key)),
        // The choice's name before its explanation: "GPU cloud", "Colocation".
        Kind::Choice(choices) => lang
            .t(choices[s.get(key) as usize].label)
            .split(':')
            .next()
            .unwrap_or_default()
            .to_string(),
        Kind::Toggle => lang
            .t(if s.get(key) == 1.0 { Msg::On } else { Msg::Off })
            .to_string(),
        Kind::Real | Kind::Integer => key.with_unit(s.get(key), 4, lang),
    }
}

/// An input's value in A and now, as people read them (`$45/MWh`, `$40/MWh`).
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// A's value.
    pub from: String,
    /// Now's.
    pub to: String,
}

/// An input that changed without moving the NPV advantage.
#[derive(Clone, Debug, PartialEq)]
pub struct IdleInput {
    /// The input's label.
    pub label: String,
    /// Its change.
    pub change: Change,
}

/// Where a row's bar stands, in % of the waterfall's span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    /// Its left edge.
    pub left: f64,
    /// Its width.
    pub width: f64,
}

/// One row of the waterfall as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct WaterfallRow {
    /// What the row is: A, an input's label, or "now".
    pub label: String,
    /// The input's value in A and now; none for the totals.
    pub change: Option<Change>,
    /// The row's amount, in the waterfall's unit: a total, or a step's change (signed). Every
    /// amount has one decimal, and a step's is the difference of the totals before and after
    /// it, each rounded to that decimal, so the steps a reader adds up make the total below.
    pub amount: String,
    /// Whether it is a total (A or now) rather than a step.
    pub total: bool,
    /// The bar.
    pub bar: Bar,
    /// Whether the step raises the advantage (totals: whether it is above zero).
    pub up: bool,
}

/// What changed from the pinned scenario `a` to `b`, as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Waterfall {
    /// The amounts' column title, with their unit: `NPV advantage, $M`.
    pub amount_title: String,
    /// A, one row per step that moves the NPV advantage, and now.
    pub rows: Vec<WaterfallRow>,
    /// The inputs that changed without moving it when their turn came (an input the AI model
    /// picked does not use, for example).
    pub idle: Vec<IdleInput>,
}

/// The waterfall from the pinned scenario `a` to `b`.
pub fn waterfall(a: &Scenario, b: &Scenario, lang: Lang) -> Waterfall {
    let f = lang.fmt();
    let steps = steps(a, b);
    let start = steps
        .first()
        .map_or_else(|| model::npv_advantage(a), |s| s.before);
    let end = steps.last().map_or(start, |s| s.after);
    let lo = steps.iter().map(|s| s.after).fold(start.min(0.0), f64::min);
    let hi = steps.iter().map(|s| s.after).fold(start.max(0.0), f64::max);
    let span = (hi - lo).max(1.0);
    // Amounts are in the unit that writes the largest total with at most four digits before
    // the decimal mark, with one decimal: `−1,073.1` ($M). A total is rounded to that
    // precision; a step is written as the difference of its rounded totals.
    let big = hi.max(-lo);
    let scale = (0..3)
        .find(|&s| big / 1000f64.powi(s) < 9_999.95)
        .unwrap_or(3);
    let unit = 1000f64.powi(scale);
    let written = |v: f64| (v / unit * 10.0).round() / 10.0;
    let unit_name = f.money_unit(scale as usize);
    let amount_title = lang.fill(Msg::AxisNpvAdvantageShort, &[("unit", unit_name)]);
    let bar = |x: f64, y: f64| {
        let (l, r) = (x.min(y), x.max(y));
        Bar {
            left: (l - lo) / span * 100.0,
            width: ((r - l) / span * 100.0).max(0.3),
        }
    };
    let total = |msg: Msg, v: f64| WaterfallRow {
        label: lang.t(msg).to_string(),
        change: None,
        amount: f.fixed(written(v), 1),
        total: true,
        bar: bar(0.0, v),
        up: v >= 0.0,
    };
    let input = |s: &Step| IdleInput {
        label: lang.t(s.key.def().label).to_string(),
        change: Change {
            from: value_text(a, s.key, lang),
            to: value_text(b, s.key, lang),
        },
    };
    let (moving, idle): (Vec<&Step>, Vec<&Step>) = steps.iter().partition(|s| s.after != s.before);
    let mut rows = vec![total(Msg::PinnedScenario, start)];
    rows.extend(moving.into_iter().map(|s| {
        let delta = s.after - s.before;
        let shown = f.fixed(written(s.after) - written(s.before), 1);
        // Up is `+`; a step too small for the decimal keeps its direction: `+0.0`, `−0.0`.
        let sign = match (delta > 0.0, shown.starts_with(MINUS)) {
            (true, _) => "+",
            (false, false) => MINUS,
            (false, true) => "",
        };
        let IdleInput { label, change } = input(s);
        WaterfallRow {
            label,
            change: Some(change),
            amount: format!("{sign}{shown}"),
            total: false,
            bar: bar(s.before, s.after),
            up: delta >= 0.0,
        }
    }));
    rows.push(total(Msg::LegendThisScenario, end));
    let idle = idle.into_iter().map(input).collect();
    Waterfall {
        amount_title,
        rows,
        idle,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse;

    #[test]
    fn steps_add_up_to_the_whole_difference() {
        let a = parse("").scenario;
        let b = parse("start=2027-06&power=40&gpu=3&airate=9&tv=book").scenario;
        let steps = steps(&a, &b);
        let keys: Vec<Key> = steps.iter().map(|s| s.key).collect();
        // The construction start followed the start month: it moves in the start's step.
        assert_eq!(
            keys,
            [Key::Start, Key::Power, Key::Gpu, Key::Airate, Key::Tv]
        );
        let total: f64 = steps.iter().map(|s| s.after - s.before).sum();
        let whole = model::npv_advantage(&b) - model::npv_advantage(&a);
        assert!((total - whole).abs() < 1e-6 * whole.abs().max(1.0));
        assert_eq!(steps[0].before, model::npv_advantage(&a));
        assert_eq!(steps.last().unwrap().after, model::npv_advantage(&b));
        // Each step moves one input: the power price alone, from A with its start moved.
        let moved = a.with(Key::Start, b.get(Key::Start)).with(Key::Power, 40.0);
        assert_eq!(steps[1].after, model::npv_advantage(&moved));
    }

    #[test]
    fn the_waterfall_reads_from_a_to_now() {
        let a = parse("").scenario;
        let b = parse("power=40&gpu=3").scenario;
        let w = waterfall(&a, &b, Lang::En);
        assert!(w.idle.is_empty());
        assert_eq!(w.amount_title, "NPV advantage, $M");
        let rows = w.rows;
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].label, "Pinned scenario (A)");
        // The defaults' NPV advantage, $49.9 M (the CLI's 49938090.4).
        let start = model::npv_advantage(&a);
        assert_eq!(rows[0].amount, format!("{:.1}", start / 1e6));
        assert_eq!(rows[0].amount, "49.9");
        assert_eq!(rows[1].label, "Power price");
        let change = Some(Change {
            from: "$45/MWh".to_string(),
            to: "$40/MWh".to_string(),
        });
        assert_eq!(rows[1].change, change);
        assert!(
            rows[2].amount.starts_with('+') && rows[2].up,
            "a dearer GPU-hour helps"
        );
        assert_eq!(rows[3].label, "This scenario");
        for r in &rows {
            assert!(
                r.bar.left >= -1e-9 && r.bar.left + r.bar.width <= 100.0 + 1e-6,
                "{r:?}"
            );
        }
        // Nothing differs: A and now only.
        assert_eq!(waterfall(&a, &a, Lang::En).rows.len(), 2);
    }

    /// An amount the English waterfall writes (`−1,073.1`).
    fn read(amount: &str) -> f64 {
        let digits = amount.replace([',', '+'], "").replace('−', "-");
        digits.parse().unwrap()
    }

    #[test]
    fn the_amounts_written_add_up_to_the_totals_written() {
        // Each step's own rounding to three digits used to leave the sum $1 M to $84 M away
        // from the total: −590 + 484 − 7.56 − 4.79 = −118.35, against a total of −$119 M.
        for (a, b) in [
            ("mw=18&ai=colo", "conv=0"),
            ("", "preset=iren-msft"),
            ("", "mw=18&power=60&btc=90000"),
            ("mw=0.1", "mw=0.1&power=30&gpu=3&util=80"),
        ] {
            let w = waterfall(&parse(a).scenario, &parse(b).scenario, Lang::En);
            let amounts: Vec<f64> = w.rows.iter().map(|r| read(&r.amount)).collect();
            let (first, last) = (amounts[0], amounts[amounts.len() - 1]);
            let sum: f64 = amounts[1..amounts.len() - 1].iter().sum();
            assert!((first + sum - last).abs() < 1e-6, "{a} → {b}: {amounts:?}");
            // One decimal for all.
            for r in &w.rows {
                let decimals = r.amount.split_once('.').map(|(_, d)| d.len());
                assert_eq!(decimals, Some(1), "{a} → {b}: {r:?}");
            }
        }
        // A step too small for the decimal keeps its direction, as its bar does.
        let a = parse("").scenario;
        for q in ["hrg=10.01", "hrg=9.99"] {
            let w = waterfall(&a, &parse(q).scenario, Lang::En);
            let step = &w.rows[1];
            let expected = if step.up { "+0.0" } else { "−0.0" };
            assert_eq!(step.amount, expected, "{q}");
        }
        // The unit follows the largest total: $k for a 100 kW site.
        let small = waterfall(
            &parse("mw=0.1").scenario,
            &parse("mw=0.2").scenario,
            Lang::En,
        );
        assert_eq!(small.amount_title, "NPV advantage, $k");
        let w = waterfall(&a, &parse("preset=iren-msft").scenario, Lang::It);
        assert_eq!(w.amount_title, "Vantaggio VAN, mln\u{a0}$");
        assert!(
            w.rows
                .iter()
                .any(|r| r.amount.contains('.') && r.amount.contains(',')),
            "{w:?}"
        );
    }

    #[test]
    fn an_input_that_moves_nothing_is_named_apart_from_the_steps() {
        // Colocation rents halls, not GPUs: the GPU-hour's price is not used.
        let (a, b) = (
            parse("ai=colo").scenario,
            parse("ai=colo&gpu=3&colo=150").scenario,
        );
        let w = waterfall(&a, &b, Lang::En);
        let labels: Vec<&str> = w.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Pinned scenario (A)", "Lease rent", "This scenario"]
        );
        let idle = |lang| -> Vec<String> {
            let idle = waterfall(&a, &b, lang).idle.into_iter();
            idle.map(|i| format!("{}: {} → {}", i.label, i.change.from, i.change.to))
                .collect()
        };
        assert_eq!(idle(Lang::En), ["GPU rental price: $2.5/GPU-h → $3/GPU-h"]);
        let now = format!("{:.1}", model::npv_advantage(&b) / 1e6);
        assert_eq!(w.rows[2].amount, now);
        assert_eq!(
            idle(Lang::It),
            ["Prezzo di noleggio GPU: 2,5\u{a0}$/ora-GPU → 3\u{a0}$/ora-GPU"]
        );
    }

    #[test]
    fn choices_read_as_the_controls_name_them() {
        let (a, b) = (parse("").scenario, parse("ai=colo&tv=book").scenario);
        let changes = |lang| {
            waterfall(&a, &b, lang)
                .rows
                .into_iter()
                .filter_map(|r| r.change)
                .map(|c| format!("{} → {}", c.from, c.to))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            changes(Lang::En),
            ["GPU cloud → Colocation", "Market → Book"]
        );
        assert_eq!(
            changes(Lang::It),
            ["Cloud GPU → Colocation", "Mercato → Contabile"]
        );
    }
}
