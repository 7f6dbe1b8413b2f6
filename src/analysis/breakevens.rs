//! "What would have to be true" (ECONOMICS.md §9 `breakevens`): for each input the tornado
//! moves, the value of that input alone at which the NPV advantage is zero.
//!
//! The inputs are those of [`Key::tornado`] for the scenario's AI model, in the key table's
//! order (the order of "the tornado's keys before sorting": the tornado sorts its bars by width,
//! this list never is). None of them is an integer key. Each input's [min, max] is scanned at
//! [`SCAN_POINTS`] points, log-spaced when min > 0 and evenly spaced otherwise ([`scan_grid`]);
//! each pair of neighbouring points whose NPV advantages have opposite signs is refined to
//! [`PRECISION`] of the root (log scan) or of the key's range (linear scan), and the root
//! nearest the scenario's value is reported, the smaller on a tie. A scan point whose advantage
//! is exactly zero is itself a root. Where the advantage jumps across zero between two points
//! (a month's fleet switching off, its dark opex replacing the running one), the refinement
//! closes in on the jump, and the jump is reported: there the plan stops or starts being better.
//! `btc` moves alone: the network hashrate stays put (unlike `breakeven_btc_usd`).
//!
//! Where the plan is the baseline (`conv = 0`, or no tranche starts building inside the
//! horizon) the advantage is zero whatever these inputs are, since none of them brings a
//! tranche inside the horizon: every `break_even` is `None` (the report's `null`), not a root
//! at every point.

use crate::model::{self, finance, Projection};
use crate::scenario::Key;
use serde::{Deserialize, Serialize};

/// Points of each input's scan, its bounds included.
pub const SCAN_POINTS: usize = 201;

/// Precision of a root: a share of its value (log scan) or of the key's range (linear scan).
pub const PRECISION: f64 = 1e-9;

/// One input's break-even.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Breakeven {
    /// The input.
    pub key: Key,
    /// The scenario's value of it, in the key's unit.
    pub value: f64,
    /// The value of it alone at which the NPV advantage is zero, in the key's unit; `None`
    /// without a sign change over its bounds (or where the plan is the baseline).
    pub break_even: Option<f64>,
}

/// The scan's points over `[min, max]`, ascending, both bounds exact: `x_i = min ·
/// (max/min)^(i/200)` when `min > 0`, else `min + (max − min) · i/200`.
pub fn scan_grid(min: f64, max: f64) -> Vec<f64> {
    let last = (SCAN_POINTS - 1) as f64;
    let mut grid: Vec<f64> = if min > 0.0 {
        let (lo, span) = (min.ln(), (max / min).ln());
        (0..SCAN_POINTS)
            .map(|i| libm::exp(lo + span * i as f64 / last))
            .collect()
    } else {
        (0..SCAN_POINTS)
            .map(|i| min + (max - min) * i as f64 / last)
            .collect()
    };
    grid[0] = min;
    grid[SCAN_POINTS - 1] = max;
    grid
}

/// One input's sweep over its bounds: its break-even, and the stretches where converting wins,
/// which the page shades on the input's slider.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sweep {
    /// The value of the input alone at which the NPV advantage is zero ([`Breakeven::break_even`]).
    pub break_even: Option<f64>,
    /// The stretches `(from, to)` of the key's [min, max], ascending, in the key's unit, over
    /// which the NPV advantage is positive (converting beats keeping mining). An end between two
    /// scan points is the refined root where one was refined there (the break-even), else the
    /// straight-line interpolation of the advantage between the two points.
    pub wins: Vec<(f64, f64)>,
}

/// The break-even of every input the tornado moves for the projection's scenario, in table
/// order.
pub fn breakevens(p: &Projection) -> Vec<Breakeven> {
    let s = &p.scenario;
    Key::tornado(s.ai())
        .zip(sweeps(p))
        .map(|(key, sweep)| Breakeven {
            key,
            value: s.get(key),
            break_even: sweep.break_even,
        })
        .collect()
}

/// The sweep of every input the tornado moves for the projection's scenario, in table order
/// (that of [`breakevens`]): one scan per input gives both its break-even and where converting
/// wins. Where the plan is the baseline nothing wins and nothing breaks even.
pub fn sweeps(p: &Projection) -> Vec<Sweep> {
    let s = &p.scenario;
    let eval = model::Evaluator::new(s);
    Key::tornado(s.ai())
        .map(|key| {
            if !p.converts() {
                return Sweep {
                    break_even: None,
                    wins: Vec::new(),
                };
            }
            let (min, max) = s.bounds(key);
            let grid = scan_grid(min, max);
            let f = advantage(p, &eval, key);
            let values: Vec<f64> = grid.iter().map(|&x| f(x)).collect();
            let break_even = root_nearest(s.get(key), &grid, &values, f);
            Sweep {
                break_even,
                wins: wins(&grid, &values, break_even),
            }
        })
        .collect()
}

/// The stretches of the scan where the advantage is positive ([`Sweep::wins`]).
fn wins(grid: &[f64], values: &[f64], root: Option<f64>) -> Vec<(f64, f64)> {
    // Where the advantage crosses zero between points `i` and `i + 1`.
    let edge = |i: usize| {
        let (a, b) = (grid[i], grid[i + 1]);
        match root {
            Some(r) if a <= r && r <= b => r,
            _ => a + (b - a) * values[i] / (values[i] - values[i + 1]),
        }
    };
    let mut stretches = Vec::new();
    let mut from = (values[0] > 0.0).then_some(grid[0]);
    for i in 0..grid.len() - 1 {
        match (from, values[i + 1] > 0.0) {
            (None, true) => from = Some(if values[i] == 0.0 { grid[i] } else { edge(i) }),
            (Some(start), false) => {
                let end = if values[i + 1] == 0.0 {
                    grid[i + 1]
                } else {
                    edge(i)
                };
                stretches.push((start, end));
                from = None;
            }
            _ => {}
        }
    }
    if let Some(start) = from {
        stretches.push((start, grid[grid.len() - 1]));
    }
    stretches
}

/// The NPV advantage, $, as `key` alone moves to a value. Where the key only scales each
/// month's mining revenue (`btc`, `hr`: by the same factor; `btcg`, `hrg`: by a factor per
/// month) or the AI rate (`gpu`, `colo`), from the projection's [`Levers`](model::Levers),
/// which are exact for such moves (up to float rounding); otherwise the [`model::Evaluator`]
/// runs the model again, re-using what the key does not change.
fn advantage<'a>(
    p: &'a Projection,
    eval: &'a model::Evaluator,
    key: Key,
) -> Box<dyn Fn(f64) -> f64 + 'a> {
    let (s, lv) = (&p.scenario, &p.levers);
    let v = s.get(key);
    // The growth of each month since the start at a yearly growth of `pct` %.
    let growth = |pct: f64| finance::monthly_powers(1.0 + pct / 100.0, 0, p.months.len());
    match key {
        // Revenue is proportional to the price and inversely so to the network hashrate.
        Key::Btc => Box::new(move |x| lv.npv_advantage(x / v, 1.0)),
        Key::Hr => Box::new(move |x| lv.npv_advantage(v / x, 1.0)),
        Key::Btcg => {
            let base = growth(v);
            Box::new(move |x| {
                let path = growth(x);
                lv.npv_advantage_path(|m| path[m] / base[m])
            })
        }
        Key::Hrg => {
            let base = growth(v);
            Box::new(move |x| {
                let path = growth(x);
                lv.npv_advantage_path(|m| base[m] / path[m])
            })
        }
        k if k == s.ai_rate_key() => Box::new(move |x| lv.npv_advantage(1.0, x / v)),
        _ => Box::new(move |x| eval.npv_advantage(&s.with(key, x))),
    }
}

/// The root of `f` (the NPV advantage as a key moves alone, `values` at the scan's `grid`)
/// nearest `value`, the scenario's value of the key, the smaller on a tie; `None` without a sign
/// change over the key's bounds.
fn root_nearest(value: f64, grid: &[f64], values: &[f64], f: impl Fn(f64) -> f64) -> Option<f64> {
    let (min, max) = (grid[0], grid[SCAN_POINTS - 1]);
    let tolerance = |a: f64, b: f64| {
        if min > 0.0 {
            PRECISION * a.min(b)
        } else {
            PRECISION * (max - min)
        }
    };
    // Brackets of a root: a scan point at zero, or two neighbours of opposite signs.
    let mut brackets: Vec<(usize, usize)> = Vec::new();
    for i in 0..SCAN_POINTS {
        if values[i] == 0.0 {
            brackets.push((i, i));
        } else if i + 1 < SCAN_POINTS && values[i] * values[i + 1] < 0.0 {
            brackets.push((i, i + 1));
        }
    }
    // Nearest bracket first; a root is no nearer than its bracket, so once a bracket is farther
    // than the best root found, none after it can win.
    let distance = |x: f64| (x - value).abs();
    let bracket_distance = |&(i, j): &(usize, usize)| {
        let (a, b) = (grid[i], grid[j]);
        if value < a {
            a - value
        } else if value > b {
            value - b
        } else {
            0.0
        }
    };
    brackets.sort_by(|p, q| bracket_distance(p).total_cmp(&bracket_distance(q)));
    let mut best: Option<f64> = None;
    for bracket in brackets {
        if best.is_some_and(|r| bracket_distance(&bracket) > distance(r)) {
            break;
        }
        let (i, j) = bracket;
        let root = if i == j {
            grid[i]
        } else {
            let (a, b) = (grid[i], grid[j]);
            finance::solve_within(&f, a, b, values[i], values[j], tolerance(a, b))
        };
        let better = match best {
            None => true,
            Some(r) => distance(root) < distance(r) || (distance(root) == distance(r) && root < r),
        };
        if better {
            best = Some(root);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{parse, AiModel, Kind};

    fn find(list: &[Breakeven], key: Key) -> Breakeven {
        *list.iter().find(|b| b.key == key).expect("listed")
    }

    #[test]
    fn the_scan_is_log_spaced_above_zero_and_even_from_zero() {
        // `btc` spans [1000, 1e7]: x_i = 1000 · (1e4)^(i/200). Point 1 is 1000 · 10^0.02 =
        // 1000 · e^(0.02 · 2.302585093) = 1000 · 1.047128548 = 1047.128548; point 100 is
        // 1000 · 10^2 = 100,000.
        let log = scan_grid(1000.0, 1e7);
        assert_eq!(log.len(), 201);
        assert_eq!((log[0], log[200]), (1000.0, 1e7));
        assert!((log[1] - 1_047.128_548_050_9).abs() < 1e-9);
        assert!((log[100] - 100_000.0).abs() < 1e-9);
        // `rate` spans [0, 100]: x_i = 100 · i/200 = i/2, so 0, 0.5, …, 50 in the middle, 100.
        let even = scan_grid(0.0, 100.0);
        assert_eq!(
            (even[0], even[1], even[100], even[200]),
            (0.0, 0.5, 50.0, 100.0)
        );
        // `btcg` spans [−90, 300]: steps of 390/200 = 1.95; the middle is −90 + 195 = 105.
        let signed = scan_grid(-90.0, 300.0);
        assert_eq!((signed[0], signed[1], signed[100]), (-90.0, -88.05, 105.0));
        assert!(signed.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_inputs_are_the_tornados_in_table_order_and_none_is_an_integer() {
        for ai in [AiModel::Gpu, AiModel::Colo] {
            assert!(Key::tornado(ai).all(|k| k.def().kind == Kind::Real));
        }
        for q in ["", "ai=colo"] {
            let p = model::run(&parse(q).scenario);
            let keys: Vec<Key> = breakevens(&p).iter().map(|b| b.key).collect();
            let table: Vec<Key> = Key::tornado(p.scenario.ai()).collect();
            assert_eq!(keys, table, "{q}");
            let mut sorted = keys.clone();
            sorted.sort_by_key(|&k| k as usize);
            assert_eq!(keys, sorted, "{q}");
        }
    }

    #[test]
    fn land_value_moves_the_advantage_in_a_straight_line() {
        // Rates 0: nothing is discounted. At the horizon the baseline owns 100 MW of powered
        // land, worth 100 · landv · $1M; the plan's whole site is live AI halls, with no land.
        // So each $1M/MW of `landv` takes $100M from the advantage: adv(landv) = adv(0) −
        // 1e8 · landv, zero at landv = adv(0) / 1e8 (adv(0) = $2,400,305,399: 24.003 $M/MW).
        let s = parse("rate=0&airate=0").scenario;
        let adv = |x: f64| model::npv_advantage(&s.with(Key::Landv, x));
        let at_zero = adv(0.0);
        assert!((at_zero - 2_400_305_399.0).abs() < 1.0, "{at_zero}");
        assert!((adv(1.0) - (at_zero - 1e8)).abs() < 1e-6 * at_zero);
        let found = find(&breakevens(&model::run(&s)), Key::Landv);
        assert_eq!(found.value, 0.5);
        // A linear scan ([0, 50]): to 1e-9 of the range, 5e-8 $M/MW.
        let want = at_zero / 1e8;
        let got = found.break_even.expect("a root in [0, 50]");
        assert!((got - want).abs() <= PRECISION * 50.0, "{got} vs {want}");
    }

    #[test]
    fn an_input_that_never_turns_the_advantage_has_no_break_even() {
        // Under colocation the tenant pays the hall's power: `firm` moves nothing; and the ASICs'
        // resale only adds to the plan, which is ahead even when they fetch nothing.
        let colo = breakevens(&model::run(&parse("ai=colo").scenario));
        assert_eq!(find(&colo, Key::Firm).break_even, None);
        let gpu = breakevens(&model::run(&parse("").scenario));
        assert_eq!(find(&gpu, Key::Asicp).break_even, None);
    }

    #[test]
    fn where_the_plan_is_the_baseline_every_break_even_is_null() {
        for q in ["conv=0", "years=1&cstart=2028-06"] {
            let p = model::run(&parse(q).scenario);
            assert!(!p.converts(), "{q}");
            let list = breakevens(&p);
            assert_eq!(list.len(), Key::tornado(p.scenario.ai()).count());
            assert!(list.iter().all(|b| b.break_even.is_none()), "{q}");
            assert!(list.iter().all(|b| b.value == p.scenario.get(b.key)));
        }
    }

    #[test]
    fn the_root_nearest_the_scenarios_value_is_reported_the_smaller_on_a_tie() {
        // `rate` scans [0, 100] at steps of 0.5. (x − 20.3)(x − 60.3) has roots between scan
        // points: from 12 the nearer is 20.3 (8.3 away, not 48.3); from 45, 60.3 (15.3, not
        // 24.7).
        let grid = scan_grid(0.0, 100.0);
        let root = |v: f64, f: fn(f64) -> f64| {
            let values: Vec<f64> = grid.iter().map(|&x| f(x)).collect();
            root_nearest(v, &grid, &values, f)
        };
        let two = |x: f64| (x - 20.3) * (x - 60.3);
        let near = |v: f64| root(v, two).unwrap();
        assert!((near(12.0) - 20.3).abs() <= PRECISION * 100.0);
        assert!((near(45.0) - 60.3).abs() <= PRECISION * 100.0);
        // Roots on scan points (20 and 60) are exact; from 40 both are 20 away: the smaller.
        let on_grid = |x: f64| (x - 20.0) * (x - 60.0);
        assert_eq!(root(40.0, on_grid), Some(20.0));
        assert_eq!(root(41.0, on_grid), Some(60.0));
        // No sign change, no root.
        assert_eq!(root(12.0, |x| x + 1.0), None);
    }

    #[test]
    fn converting_wins_between_the_roots_where_the_advantage_is_positive() {
        // `rate` scans [0, 100] at steps of 0.5. −(x − 20.3)(x − 60.3) is positive strictly
        // between its roots. From 12 the nearer root, 20.3, is refined and is the first
        // stretch's start; 60.3 lies between the scan points 60 and 60.5, where the parabola is
        // −(39.7 · −0.3) = 11.91 and −(40.2 · 0.2) = −8.04: interpolated, 60 + 0.5 · 11.91 /
        // 19.95 = 60.298496….
        let grid = scan_grid(0.0, 100.0);
        let hill = |x: f64| -(x - 20.3) * (x - 60.3);
        let values: Vec<f64> = grid.iter().map(|&x| hill(x)).collect();
        let root = root_nearest(12.0, &grid, &values, hill);
        let got = wins(&grid, &values, root);
        assert_eq!(got.len(), 1);
        assert!((got[0].0 - 20.3).abs() <= PRECISION * 100.0, "{got:?}");
        assert!(
            (got[0].1 - (60.0 + 0.5 * 11.91 / 19.95)).abs() < 1e-9,
            "{got:?}"
        );
        // Positive from the start, zero on a scan point (20), positive again to the end: two
        // stretches, closed at the zero.
        let valley = |x: f64| (x - 20.0) * (x - 30.25);
        let values: Vec<f64> = grid.iter().map(|&x| valley(x)).collect();
        let got = wins(&grid, &values, None);
        assert_eq!(got[0], (0.0, 20.0));
        // 30.25 lies between 30, where the parabola is 10 · −0.25 = −2.5, and 30.5, where it is
        // 10.5 · 0.25 = 2.625: interpolated, 30 + 0.5 · 2.5 / 5.125 = 30.243902….
        assert!(
            (got[1].0 - (30.0 + 0.5 * 2.5 / 5.125)).abs() < 1e-12,
            "{got:?}"
        );
        assert_eq!(got[1].1, 100.0);
        // Never positive: nothing wins.
        let values: Vec<f64> = grid.iter().map(|&x| -1.0 - x).collect();
        assert!(wins(&grid, &values, None).is_empty());
    }

    #[test]
    fn each_sweep_wins_on_the_side_of_its_break_even_where_the_advantage_is_positive() {
        for q in ["", "ai=colo", "phases=3&btcg=10&cterm=24"] {
            let p = model::run(&parse(q).scenario);
            let s = &p.scenario;
            for (key, sweep) in Key::tornado(s.ai()).zip(sweeps(&p)) {
                let (min, max) = s.bounds(key);
                assert!(sweep
                    .wins
                    .iter()
                    .all(|&(a, b)| min <= a && a <= b && b <= max));
                assert!(sweep.wins.windows(2).all(|w| w[0].1 <= w[1].0));
                // The scenario's own value wins exactly when its advantage is positive (or it
                // sits on an end of a stretch).
                let v = s.get(key);
                let inside = sweep.wins.iter().any(|&(a, b)| a <= v && v <= b);
                let ahead = p.summary.npv_advantage > 0.0;
                assert!(inside == ahead || sweep.wins.iter().any(|&(a, b)| v == a || v == b));
                if let Some(r) = sweep.break_even {
                    assert!(
                        sweep.wins.iter().any(|&(a, b)| a == r || b == r),
                        "{q} {}",
                        key.name()
                    );
                }
            }
        }
    }

    #[test]
    fn each_root_zeroes_the_advantage_to_within_its_precision() {
        for q in [
            "",
            "ai=colo",
            "phases=3&btcg=10&cterm=24",
            "ai=colo&tv=book&conv=60",
        ] {
            let p = model::run(&parse(q).scenario);
            let s = &p.scenario;
            let eval = model::Evaluator::new(s);
            for b in breakevens(&p) {
                let Some(root) = b.break_even else { continue };
                let (min, max) = s.bounds(b.key);
                let f = |x: f64| eval.npv_advantage(&s.with(b.key, x));
                // The scale: the largest advantage over the scan; the slack: the root's
                // precision times the steepest slope between scan points.
                let grid = scan_grid(min, max);
                let values: Vec<f64> = grid.iter().map(|&x| f(x)).collect();
                let scale = values.iter().fold(0.0f64, |a, v| a.max(v.abs()));
                let steepest = (grid.windows(2).zip(values.windows(2)))
                    .map(|(x, y)| ((y[1] - y[0]) / (x[1] - x[0])).abs())
                    .fold(0.0f64, f64::max);
                let width = if min > 0.0 { root } else { max - min } * PRECISION;
                let at = f(root).abs();
                assert!(
                    at <= 4.0 * steepest * width + 1e-9 * scale,
                    "{q} {}: |adv({root})| = {at}, scale {scale}",
                    b.key.name()
                );
                assert!(at <= 1e-6 * scale, "{q} {}", b.key.name());
            }
        }
    }

    #[test]
    fn the_levers_give_the_models_advantage_for_the_keys_they_move() {
        for q in ["", "ai=colo", "btcg=20&hrg=-5&power=70&cterm=0"] {
            let p = model::run(&parse(q).scenario);
            let s = &p.scenario;
            let eval = model::Evaluator::new(s);
            for key in [Key::Btc, Key::Hr, Key::Btcg, Key::Hrg, s.ai_rate_key()] {
                let fast = advantage(&p, &eval, key);
                for x in scan_grid(s.bounds(key).0, s.bounds(key).1)
                    .iter()
                    .step_by(20)
                {
                    let direct = model::npv_advantage(&s.with(key, *x));
                    let got = fast(*x);
                    assert!(
                        (got - direct).abs() <= 1e-9 * direct.abs().max(1e8),
                        "{q} {} = {x}: {got} vs {direct}",
                        key.name()
                    );
                }
            }
        }
    }

    #[test]
    fn the_ai_rate_break_even_is_the_summarys() {
        // The advantage is linear in the AI rate: one root, the summary's breakeven.
        for q in ["", "ai=colo&colo=100"] {
            let p = model::run(&parse(q).scenario);
            let key = p.scenario.ai_rate_key();
            let want = p.summary.breakeven_ai_rate.expect("a root");
            let got = find(&breakevens(&p), key).break_even.expect("a root");
            assert!((got - want).abs() <= 1e-9 * want, "{q}: {got} vs {want}");
        }
    }
}
