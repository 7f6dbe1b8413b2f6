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
use crate::scenario::{Key, Scenario};

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

/// The break-even of every input the tornado moves for the projection's scenario, in table
/// order.
pub fn breakevens(p: &Projection) -> Vec<Breakeven> {
    let s = &p.scenario;
    let converts = p.converts();
    let eval = model::Evaluator::new(s);
    Key::tornado(s.ai())
        .map(|key| Breakeven {
            key,
            value: s.get(key),
            break_even: converts
                .then(|| root_nearest(s, key, advantage(p, &eval, key)))
                .flatten(),
        })
        .collect()
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

/// The root of `f` (the NPV advantage as `key` moves alone) nearest the scenario's value of
/// `key`, the smaller on a tie; `None` without a sign change over the key's bounds.
fn root_nearest(s: &Scenario, key: Key, f: impl Fn(f64) -> f64) -> Option<f64> {
    let (min, max) = s.bounds(key);
    let value = s.get(key);
    let grid = scan_grid(min, max);
    let values: Vec<f64> = grid.iter().map(|&x| f(x)).collect();
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
        let s = Scenario::default();
        let two = |x: f64| (x - 20.3) * (x - 60.3);
        let near = |v: f64| root_nearest(&s.with(Key::Rate, v), Key::Rate, two).unwrap();
        assert!((near(12.0) - 20.3).abs() <= PRECISION * 100.0);
        assert!((near(45.0) - 60.3).abs() <= PRECISION * 100.0);
        // Roots on scan points (20 and 60) are exact; from 40 both are 20 away: the smaller.
        let on_grid = |x: f64| (x - 20.0) * (x - 60.0);
        let at_40 = s.with(Key::Rate, 40.0);
        assert_eq!(root_nearest(&at_40, Key::Rate, on_grid), Some(20.0));
        assert_eq!(
            root_nearest(&at_40.with(Key::Rate, 41.0), Key::Rate, on_grid),
            Some(60.0)
        );
        // No sign change, no root.
        assert_eq!(root_nearest(&s, Key::Rate, |x| x + 1.0), None);
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
