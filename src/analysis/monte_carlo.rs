//! Monte Carlo over BTC price paths and an AI-rate index (ECONOMICS.md §10).
//!
//! Each path moves the price as geometric Brownian motion whose mean is the deterministic path,
//! and the network hashrate follows it with elasticity `elas`. Mining revenue on a path is then
//! the deterministic revenue times `ρ^(1−elas)` with `ρ = P_path/P`, so a path needs one
//! exponential per month and reuses the projection's [`Levers`](crate::model::Levers).
//!
//! With `aivol > 0` a path also moves an index `X` of the AI rate, `ln X(m+1) = ln X(m) −
//! σa²/24 + σa·w/√12`, `X(0) = 1`: the plan's uncontracted GPU months (`e ≥ cterm`) earn their
//! rate times `X(m)`, and under `tv = market` the halls' terminal value, which reads the market
//! rent `colo`, is multiplied by `X(N−1)` (both AI models; a lease's own rent is contracted and
//! does not move). The levers keep both per month, so the index costs one more exponential per
//! path in the months where it moves something. The baseline has no AI line.
//!
//! Draws come from a Xoshiro256++ generator seeded with `seed` (`seed_from_u64`), month by month
//! and, within a month, path by path: the same seed gives the same draws on every platform. The
//! price's normals `z` are exactly those of schema 2 for the same seed. The index's normals `w`
//! come from the same generator jumped ahead by 2^128 draws ([`Xoshiro256PlusPlus::jump`]), an
//! independent stream that the `z` never reach, in the same order; with `aivol = 0` none is
//! drawn and the run is schema 2's, bit for bit.

use crate::model::levers::VariantLevers;
use crate::model::{sell, Choice, Projection};
use crate::scenario::{Key, Scenario};
use rand_distr::{Distribution, StandardNormal};
use rand_xoshiro::rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;

/// Percentiles reported: p10, p50, p90.
const QUANTILES: [f64; 3] = [0.1, 0.5, 0.9];

/// Dots of the odds chart's quantile dotplot: one per percentile of the paths.
pub const DOTS: usize = 100;

/// One dot of the odds chart: the NPV advantage at one percentile of the paths, and the best
/// choice on the path that has it (ECONOMICS.md §8c).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dot {
    /// NPV advantage of converting on that path, $.
    pub advantage: f64,
    /// The best of converting, keeping mining and selling now on that path.
    pub best: Choice,
}

/// Revenue percentiles of one month across paths, $: `[p10, p50, p90]`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FanMonth {
    /// Plan revenue (mining + AI).
    pub plan: [f64; 3],
    /// Baseline revenue.
    pub baseline: [f64; 3],
}

/// The Monte Carlo result (ECONOMICS.md §10 `monte_carlo`, plus the fan and the dots for
/// charts). Its serde form is the report's object: the fan, the dots and the scenario are left
/// out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonteCarlo {
    /// Number of paths.
    pub paths: usize,
    /// 10th percentile of the NPV advantage, $.
    pub npv_advantage_p10: f64,
    /// Median NPV advantage, $.
    pub npv_advantage_p50: f64,
    /// 90th percentile of the NPV advantage, $.
    pub npv_advantage_p90: f64,
    /// Share of paths where the NPV advantage is above zero, 0–1.
    pub prob_plan_better: f64,
    /// Share of paths on which converting is the best choice (ECONOMICS.md §8c), 0–1; 0 where
    /// the plan is the baseline.
    pub best_convert: f64,
    /// Share of paths on which keeping mining is the best choice, 0–1.
    pub best_mine: f64,
    /// Share of paths on which selling the site now is the best choice, 0–1 (its NPV does not
    /// move with the path).
    pub best_sell: f64,
    /// Per month, the revenue percentiles of plan and baseline.
    #[serde(skip)]
    pub fan: Vec<FanMonth>,
    /// The odds chart's [`DOTS`] dots, ascending ([`dots`]).
    #[serde(skip)]
    pub dots: Vec<Dot>,
    /// The scenario run (`None` where not known: a result read back from its serde form).
    #[serde(skip)]
    pub scenario: Option<Box<Scenario>>,
}

/// Index of the `q` percentile among `n` sorted values: `floor(q·(n−1))`.
fn percentile_index(n: usize, q: f64) -> usize {
    (q * (n - 1) as f64).floor() as usize
}

/// The value at index `i` of the values sorted ascending; reorders `values`.
fn order_statistic(values: &mut [f64], i: usize) -> f64 {
    *values.select_nth_unstable_by(i, f64::total_cmp).1
}

/// The `q` percentile: sort the values, take the one at index `floor(q·(n−1))`.
fn percentile(values: &mut [f64], q: f64) -> f64 {
    order_statistic(values, percentile_index(values.len(), q))
}

/// The dots of `values`, the paths' NPV advantages in any order (reordered): dot `k` (0–99)
/// is the value at percentile `q = (k + 0.5)/100`, taken like the reported percentiles (index
/// `floor(q·(n−1))` of the values sorted), so that each stands for a hundredth of the paths;
/// `best(v)` is the best choice on a path whose advantage is `v`. The dots are taken from the
/// top down, each among the values below the last (an order statistic of `[..i + 1]` leaves
/// there the `i + 1` smallest values).
fn dots(values: &mut [f64], best: impl Fn(f64) -> Choice) -> Vec<Dot> {
    let n = values.len();
    let mut end = n;
    let mut dots: Vec<Dot> = (0..DOTS)
        .rev()
        .map(|k| {
            let i = percentile_index(n, (k as f64 + 0.5) / DOTS as f64);
            let advantage = order_statistic(&mut values[..end], i);
            end = i + 1;
            Dot {
                advantage,
                best: best(advantage),
            }
        })
        .collect();
    dots.reverse();
    dots
}

/// Runs `mc` paths of the projection's scenario; `None` when `mc = 0`.
pub fn monte_carlo(p: &Projection) -> Option<MonteCarlo> {
    MonteCarloRun::new(p).map(MonteCarloRun::finish)
}

/// A Monte Carlo run advanced a few months at a time, so that a caller can do other work
/// between chunks (the explorer's worker reads its messages there). The draws come in the same
/// order however the months are chunked, so the result is [`monte_carlo`]'s bit for bit.
///
/// `P` is the projection, borrowed (`&Projection`) or owned (`Projection`).
#[derive(Debug)]
pub struct MonteCarloRun<P> {
    p: P,
    rng: Xoshiro256PlusPlus,
    /// Monthly drift of `ln ρ`: `−σ²/24`.
    drift: f64,
    /// Monthly standard deviation of `ln ρ`: `σ/√12`.
    shock: f64,
    /// `1 − elas`: revenue on a path is the deterministic revenue times `ρ^exponent`.
    exponent: f64,
    /// The AI-rate index's stream, with its monthly drift `−σa²/24` and standard deviation
    /// `σa/√12`; `None` when `aivol = 0` (then `X = 1`).
    index: Option<IndexStream>,
    /// Per path, `ln ρ` of the last month simulated.
    ln_rho: Vec<f64>,
    /// Per path, `ln X` of the last month simulated (empty when `aivol = 0`).
    ln_index: Vec<f64>,
    /// Per path, `X` of the month being simulated, where the index moves something.
    level: Vec<f64>,
    /// Per path, the NPV advantage so far, $.
    advantage: Vec<f64>,
    /// Per path, the baseline's NPV so far, $.
    baseline: Vec<f64>,
    /// Room to take order statistics of `ln_rho` without reordering it.
    scratch: Vec<f64>,
    /// Per path, this month's hashprice scale `ρ^exponent`.
    scale: Vec<f64>,
    /// The fan of the months simulated, one entry per month.
    fan: Vec<FanMonth>,
}

/// The AI-rate index's normals and how they move `ln X`.
#[derive(Debug)]
struct IndexStream {
    rng: Xoshiro256PlusPlus,
    /// Monthly drift of `ln X`: `−σa²/24`.
    drift: f64,
    /// Monthly standard deviation of `ln X`: `σa/√12`.
    shock: f64,
}

impl<P: Borrow<Projection>> MonteCarloRun<P> {
    /// A run of `mc` paths of the projection's scenario, no month simulated yet; `None` when
    /// `mc = 0`.
    pub fn new(p: P) -> Option<Self> {
        let projection = p.borrow();
        let s = &projection.scenario;
        let paths = s.int(Key::Mc) as usize;
        if paths == 0 {
            return None;
        }
        let sigma = s.get(Key::Vol) / 100.0;
        let sigma_ai = s.get(Key::Aivol) / 100.0;
        let lv = &projection.levers;
        let rng = Xoshiro256PlusPlus::seed_from_u64(s.get(Key::Seed) as u64);
        let index = (sigma_ai > 0.0).then(|| {
            let mut rng = rng.clone();
            rng.jump();
            IndexStream {
                rng,
                drift: -sigma_ai * sigma_ai / 24.0,
                shock: sigma_ai / 12f64.sqrt(),
            }
        });
        let indexed_paths = if index.is_some() { paths } else { 0 };
        Some(MonteCarloRun {
            rng,
            drift: -sigma * sigma / 24.0,
            shock: sigma / 12f64.sqrt(),
            exponent: 1.0 - s.get(Key::Elas),
            ln_index: vec![0.0; indexed_paths],
            level: vec![0.0; indexed_paths],
            index,
            ln_rho: vec![0.0; paths],
            advantage: vec![lv.plan.fixed_npv - lv.baseline.fixed_npv; paths],
            baseline: vec![lv.baseline.fixed_npv; paths],
            scratch: vec![0.0; paths],
            scale: vec![0.0; paths],
            fan: Vec::with_capacity(projection.months.len()),
            p,
        })
    }

    /// Number of paths.
    pub fn paths(&self) -> usize {
        self.ln_rho.len()
    }

    /// Months of the horizon, all of which a finished run has simulated.
    pub fn months(&self) -> usize {
        self.p.borrow().months.len()
    }

    /// Months simulated so far.
    pub fn months_done(&self) -> usize {
        self.fan.len()
    }

    /// Simulates the next `months` months (fewer if the horizon ends first).
    pub fn step(&mut self, months: usize) {
        let end = self.months().min(self.months_done().saturating_add(months));
        while self.months_done() < end {
            self.month();
        }
    }

    /// Simulates the months left, if any, and gives the result.
    pub fn finish(mut self) -> MonteCarlo {
        self.step(self.months());
        let paths = self.paths();
        let p: &Projection = self.p.borrow();
        let (npv_sell, converts) = (p.summary.npv_sell, p.converts());
        // Each path's plan is its baseline plus its advantage.
        let choice = |a: f64, b: f64| sell::best_choice(b + a, b, npv_sell, converts);
        let (advantage, baseline) = (&self.advantage, &self.baseline);
        let mut best = [0usize; 3];
        for (a, b) in advantage.iter().zip(baseline) {
            // Counted in the order of `Choice::ALL`: convert, mine, sell.
            best[choice(*a, *b) as usize] += 1;
        }
        let share = |count: usize| count as f64 / paths as f64;
        let better = advantage.iter().filter(|&&a| a > 0.0).count();
        // The percentiles reorder a copy: a dot's choice is that of the first path (in draw
        // order) with its advantage.
        let values = &mut self.scratch;
        values.copy_from_slice(advantage);
        let dots = dots(values, |v| {
            let i = (advantage.iter().position(|a| a.to_bits() == v.to_bits())).unwrap_or(0);
            choice(advantage[i], baseline[i])
        });
        MonteCarlo {
            paths,
            npv_advantage_p10: percentile(values, 0.1),
            npv_advantage_p50: percentile(values, 0.5),
            npv_advantage_p90: percentile(values, 0.9),
            prob_plan_better: share(better),
            best_convert: share(best[0]),
            best_mine: share(best[1]),
            best_sell: share(best[2]),
            dots,
            scenario: Some(Box::new(p.scenario)),
            fan: self.fan,
        }
    }

    /// Simulates the next month: one draw per path (none in the first month), path by path, and
    /// as many for the AI-rate index.
    fn month(&mut self) {
        let MonteCarloRun {
            p,
            rng,
            drift,
            shock,
            exponent,
            index,
            ln_rho,
            ln_index,
            level,
            advantage,
            baseline,
            scratch,
            scale,
            fan,
        } = self;
        let (p, exponent): (&Projection, f64) = ((*p).borrow(), *exponent);
        let m = fan.len();
        let (row, lv) = (&p.months[m], &p.levers);
        if m > 0 {
            for x in ln_rho.iter_mut() {
                let z: f64 = StandardNormal.sample(rng);
                *x += *drift + *shock * z;
            }
            if let Some(index) = index {
                for x in ln_index.iter_mut() {
                    let w: f64 = StandardNormal.sample(&mut index.rng);
                    *x += index.drift + index.shock * w;
                }
            }
        }
        let d = lv.discount[m];
        for (((x, u), adv), base) in (ln_rho.iter().zip(scale.iter_mut()))
            .zip(advantage.iter_mut())
            .zip(baseline.iter_mut())
        {
            *u = libm::exp(exponent * x);
            let plan = lv.plan.margin(m, *u, lv.shutoff);
            let kept = lv.baseline.margin(m, *u, lv.shutoff);
            *adv += d * (plan - kept);
            *base += d * kept;
        }
        // The index moves the plan (the baseline has no AI line) in the months it has
        // uncontracted GPUs, and in the last month through its halls' market value.
        let moves_npv = lv.plan.index_weight(m) != 0.0;
        let moves_revenue = lv.plan.open_revenue[m] != 0.0;
        let indexed = !ln_index.is_empty() && (moves_npv || moves_revenue);
        if indexed {
            for (x, level) in ln_index.iter().zip(level.iter_mut()) {
                *level = libm::exp(*x);
            }
            if moves_npv {
                for (x, adv) in level.iter().zip(advantage.iter_mut()) {
                    *adv += lv.plan.index_gain(m, *x);
                }
            }
        }
        // Mining revenue is monotone in ρ (rising for elas < 1, falling for elas > 1), so its
        // percentiles are the revenue at the matching order statistics of ln ρ; the plan's
        // too, unless the index moves its AI revenue this month: then they are taken path by
        // path.
        let paths = ln_rho.len();
        scratch.copy_from_slice(ln_rho);
        let scales = QUANTILES.map(|q| {
            let index = percentile_index(paths, q);
            let index = if exponent < 0.0 {
                paths - 1 - index
            } else {
                index
            };
            libm::exp(exponent * order_statistic(scratch, index))
        });
        let revenue = |u: f64, v: &VariantLevers| v.revenue_at(m, u, lv.shutoff);
        let plan = if indexed && moves_revenue {
            for ((r, u), x) in scratch.iter_mut().zip(scale.iter()).zip(level.iter()) {
                *r = revenue(*u, &lv.plan) + row.plan.ai_revenue + lv.plan.index_revenue(m, *x);
            }
            QUANTILES.map(|q| percentile(scratch, q))
        } else {
            scales.map(|k| revenue(k, &lv.plan) + row.plan.ai_revenue)
        };
        fan.push(FanMonth {
            plan,
            baseline: scales.map(|k| revenue(k, &lv.baseline) + row.baseline.ai_revenue),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{self, Choice};
    use crate::scenario::parse;

    #[test]
    fn off_when_mc_is_zero() {
        assert!(monte_carlo(&model::run(&parse("mc=0").scenario)).is_none());
        assert!(MonteCarloRun::new(model::run(&parse("mc=0").scenario)).is_none());
    }

    /// Every number of a result, as bits.
    fn bits(mc: &MonteCarlo) -> Vec<u64> {
        let summary = [
            mc.npv_advantage_p10,
            mc.npv_advantage_p50,
            mc.npv_advantage_p90,
            mc.prob_plan_better,
            mc.best_convert,
            mc.best_mine,
            mc.best_sell,
        ];
        let fan = mc.fan.iter().flat_map(|f| f.plan.iter().chain(&f.baseline));
        summary.iter().chain(fan).map(|x| x.to_bits()).collect()
    }

    #[test]
    fn a_run_stepped_in_uneven_chunks_equals_one_uninterrupted_run_bit_for_bit() {
        for q in [
            "mc=301&seed=11&vol=90",
            "mc=64&elas=1.6&seed=3&power=70&years=7",
            "mc=97&seed=2&cterm=12&aivol=80&ai=gpu",
        ] {
            let p = model::run(&parse(q).scenario);
            let whole = monte_carlo(&p).unwrap();
            // Owned projection, chunks of 0, 1, 2, 3, … months, finished exactly at the end.
            let mut run = MonteCarloRun::new(p.clone()).unwrap();
            assert_eq!((run.months(), run.months_done()), (p.months.len(), 0));
            for chunk in 0.. {
                if run.months_done() == run.months() {
                    break;
                }
                let before = run.months_done();
                run.step(chunk);
                assert_eq!(run.months_done(), (before + chunk).min(run.months()));
            }
            run.step(5); // past the horizon: nothing left to do
            let stepped = run.finish();
            assert_eq!(stepped.paths, whole.paths);
            assert_eq!(stepped.fan.len(), p.months.len());
            assert_eq!(bits(&stepped), bits(&whole), "{q}");
            // Borrowed projection, finished part way: `finish` runs the months left.
            let mut run = MonteCarloRun::new(&p).unwrap();
            run.step(7);
            run.step(2);
            assert_eq!(bits(&run.finish()), bits(&whole), "{q}");
        }
    }

    #[test]
    fn zero_volatility_reproduces_the_deterministic_answer() {
        let p = model::run(&parse("mc=50&vol=0&aivol=0").scenario);
        let mc = monte_carlo(&p).unwrap();
        let adv = p.summary.npv_advantage;
        for v in [
            mc.npv_advantage_p10,
            mc.npv_advantage_p50,
            mc.npv_advantage_p90,
        ] {
            assert!((v - adv).abs() < 1e-6 * adv.abs(), "{v} vs {adv}");
        }
        let fan = mc.fan[30];
        assert!((fan.baseline[1] - p.months[30].baseline.revenue()).abs() < 1e-6);
        assert!((fan.plan[1] - p.months[30].plan.revenue()).abs() < 1e-6);
    }

    #[test]
    fn seeded_paths_repeat_and_seeds_differ() {
        let a = monte_carlo(&model::run(&parse("mc=200&seed=7").scenario)).unwrap();
        let b = monte_carlo(&model::run(&parse("mc=200&seed=7").scenario)).unwrap();
        let c = monte_carlo(&model::run(&parse("mc=200&seed=8").scenario)).unwrap();
        assert_eq!(a, b);
        assert_ne!(a.npv_advantage_p50, c.npv_advantage_p50);
        assert!(a.npv_advantage_p10 <= a.npv_advantage_p50);
        assert!(a.npv_advantage_p50 <= a.npv_advantage_p90);
        assert!((0.0..=1.0).contains(&a.prob_plan_better));
    }

    #[test]
    fn fan_matches_brute_force_percentiles_for_either_elasticity() {
        for q in [
            "mc=101&elas=0.5&seed=3&aivol=0",
            "mc=101&elas=1.6&seed=3&power=70&aivol=0",
        ] {
            let p = model::run(&parse(q).scenario);
            let mc = monte_carlo(&p).unwrap();
            // Brute force: replay the same draws and sort each month's revenues.
            let s = &p.scenario;
            let sigma = s.get(Key::Vol) / 100.0;
            let e = 1.0 - s.get(Key::Elas);
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
            let mut x = vec![0.0; 101];
            for m in 0..p.months.len() {
                if m > 0 {
                    for xi in x.iter_mut() {
                        let z: f64 = StandardNormal.sample(&mut rng);
                        *xi += -sigma * sigma / 24.0 + sigma / 12f64.sqrt() * z;
                    }
                }
                let mut rev: Vec<f64> = x
                    .iter()
                    .map(|xi| {
                        let k = (e * xi).exp();
                        let r = k * p.levers.baseline.revenue[m];
                        if r < p.levers.baseline.power[m] {
                            0.0
                        } else {
                            r
                        }
                    })
                    .collect();
                rev.sort_by(f64::total_cmp);
                for (i, q) in QUANTILES.iter().enumerate() {
                    let want = rev[(q * 100.0f64).floor() as usize];
                    let got = mc.fan[m].baseline[i];
                    assert!((got - want).abs() <= 1e-9 * want.abs().max(1.0), "{q} m{m}");
                }
            }
        }
    }

    /// The AI-rate index's levels `X(0..n)` of seed `seed` at volatility `sigma` (a fraction):
    /// the generator jumped, one draw a month from month 1, `ln X(m+1) = ln X(m) − σa²/24 +
    /// σa·w/√12`.
    fn index_path(seed: u64, sigma: f64, n: usize) -> Vec<f64> {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        rng.jump();
        let mut ln_x = 0.0;
        let mut path = vec![1.0];
        for _ in 1..n {
            let w: f64 = StandardNormal.sample(&mut rng);
            ln_x += -sigma * sigma / 24.0 + sigma / 12f64.sqrt() * w;
            path.push(libm::exp(ln_x));
        }
        path
    }

    #[test]
    fn the_index_moves_the_uncontracted_gpu_cash_by_hand() {
        // Seed 1's jumped stream starts w1 = 0.8156365679, w2 = 0.0752085692. At σa = 30 %:
        // drift −0.3²/24 = −0.00375, shock 0.3/√12 = 0.0866025404 a month, so
        // ln X(1) = −0.00375 + 0.0866025404 · 0.8156365679 = 0.0668861988, X(1) = 1.0691738;
        // ln X(2) = 0.0668861988 − 0.00375 + 0.0866025404 · 0.0752085692 = 0.0696494519,
        // X(2) = 1.0721323.
        let x = index_path(1, 0.3, 12);
        assert_eq!(x[0], 1.0);
        assert!((x[1] - 1.069_173_8).abs() < 1e-7, "{}", x[1]);
        assert!((x[2] - 1.072_132_3).abs() < 1e-7, "{}", x[2]);
        // One path, a fixed BTC price (vol 0), a year of GPU cloud live from the first month
        // with no contract and book terminal value: the path's advantage is the deterministic
        // one plus (X(m) − 1) times each month's discounted GPU cash net of its opex.
        let p = model::run(
            &parse("years=1&cbuild=0&cterm=0&tv=book&vol=0&aivol=30&mc=1&seed=1").scenario,
        );
        let open = &p.levers.plan.open_npv;
        assert!(open.iter().all(|&v| v > 0.0));
        let want = p.summary.npv_advantage
            + (x.iter().zip(open))
                .map(|(x, v)| (x - 1.0) * v)
                .sum::<f64>();
        let mc = monte_carlo(&p).unwrap();
        for got in [
            mc.npv_advantage_p10,
            mc.npv_advantage_p50,
            mc.npv_advantage_p90,
        ] {
            assert!((got - want).abs() <= 1e-9 * want.abs(), "{got} vs {want}");
        }
        // Month 1's revenue: the deterministic revenue plus (X(1) − 1) of its GPU revenue
        // (all of it uncontracted).
        let r = p.months[1].plan;
        let revenue = r.revenue() + (x[1] - 1.0) * r.ai_revenue;
        assert!((mc.fan[1].plan[1] - revenue).abs() <= 1e-9 * revenue);
    }

    #[test]
    fn contracted_gpu_months_and_colocation_rents_never_move_but_the_halls_value_does() {
        for (q, terminal_moves) in [
            ("cterm=240&tv=book", false),
            ("cterm=240", true),
            ("ai=colo&tv=book", false),
            ("ai=colo", true),
        ] {
            let p = model::run(&parse(&format!("{q}&vol=0&aivol=60&mc=200&seed=5")).scenario);
            let mc = monte_carlo(&p).unwrap();
            // Revenue, month by month: the deterministic one on every path.
            for (f, row) in mc.fan.iter().zip(&p.months) {
                let bands = [(f.plan, row.plan), (f.baseline, row.baseline)];
                for (band, flows) in bands {
                    let want = flows.revenue();
                    assert!(band
                        .iter()
                        .all(|v| (v - want).abs() <= 1e-9 * want.max(1.0)));
                }
            }
            let adv = p.summary.npv_advantage;
            let spread = mc.npv_advantage_p90 - mc.npv_advantage_p10;
            if terminal_moves {
                // Only through the halls' market value at the horizon, X(N−1) · colo.
                assert!(spread > 0.01 * p.levers.plan.hall_npv, "{q}: {spread}");
            } else {
                assert!(spread <= 1e-9 * adv.abs(), "{q}: {spread}");
                assert!(
                    (mc.npv_advantage_p50 - adv).abs() <= 1e-9 * adv.abs(),
                    "{q}"
                );
            }
        }
        // One path: exactly (X(N−1) − 1) times the halls' discounted market value.
        let p = model::run(&parse("ai=colo&vol=0&aivol=60&mc=1&seed=5").scenario);
        let n = p.months.len();
        let x = index_path(5, 0.6, n)[n - 1];
        let want = p.summary.npv_advantage + (x - 1.0) * p.levers.plan.hall_npv;
        let got = monte_carlo(&p).unwrap().npv_advantage_p50;
        assert!((got - want).abs() <= 1e-9 * want.abs(), "{got} vs {want}");
    }

    #[test]
    fn without_ai_volatility_the_run_is_schema_2s_bit_for_bit() {
        // Recorded from the run as it was before the AI-rate index (commit ce2985a): p10, p50,
        // p90, the share better, and a hash of every fan value's bits, month by month.
        let recorded: [(&str, [f64; 4], u64); 3] = [
            (
                "v=2&mc=300&seed=5&vol=80&conv=40",
                [
                    -249523287.23195556,
                    -234368647.2278245,
                    -229793435.7116034,
                    0.0,
                ],
                0x8f7c_7f07_48a2_06de,
            ),
            (
                "mc=200&aivol=0&cterm=0&seed=9&conv=60&btc=90000",
                [
                    -379976975.9789772,
                    -365058056.455995,
                    -354923703.0039369,
                    0.0,
                ],
                0x4111_3cff_7215_9c43,
            ),
            (
                "mc=150&aivol=0&elas=1.5&power=30&ai=colo&seed=4&conv=50",
                [
                    211209775.98592752,
                    236396416.43129578,
                    242642993.06777757,
                    1.0,
                ],
                0xbf08_7f2a_a339_56b5,
            ),
        ];
        for (q, numbers, fan_hash) in recorded {
            let mc = monte_carlo(&model::run(&parse(q).scenario)).unwrap();
            let got = [
                mc.npv_advantage_p10,
                mc.npv_advantage_p50,
                mc.npv_advantage_p90,
                mc.prob_plan_better,
            ];
            assert_eq!(got.map(f64::to_bits), numbers.map(f64::to_bits), "{q}");
            let hash = (mc.fan.iter())
                .flat_map(|f| f.plan.iter().chain(&f.baseline))
                .fold(0u64, |h, v| (h ^ v.to_bits()).wrapping_mul(0x100_0000_01b3));
            assert_eq!(hash, fan_hash, "{q}");
        }
    }

    #[test]
    fn the_best_choice_shares_sum_to_one_and_never_convert_what_does_not_convert() {
        for q in [
            "mc=300&seed=3",
            "mc=300&seed=3&landv=8",
            "mc=300&seed=3&conv=0",
            "mc=300&seed=3&conv=0&landv=8",
            "mc=300&seed=3&years=1&cstart=2028-06",
            "mc=300&seed=3&ai=colo&vol=120&aivol=120",
        ] {
            let p = model::run(&parse(q).scenario);
            let mc = monte_carlo(&p).unwrap();
            let shares = [mc.best_convert, mc.best_mine, mc.best_sell];
            assert!(shares.iter().all(|v| (0.0..=1.0).contains(v)), "{q}");
            // Counts of 300 paths: the sum is 1 up to the rounding of three divisions.
            assert!(
                (shares.iter().sum::<f64>() - 1.0).abs() < 1e-12,
                "{q}: {shares:?}"
            );
            if !p.converts() {
                assert_eq!(mc.best_convert, 0.0, "{q}");
            }
            if q.contains("vol=120") {
                // Risky enough that each choice is the best on some paths.
                assert!(shares.iter().all(|&v| v > 0.0), "{q}: {shares:?}");
            }
        }
        // No risk at all: every path makes the summary's choice.
        for q in ["mc=40&vol=0&aivol=0", "mc=40&vol=0&aivol=0&landv=30"] {
            let p = model::run(&parse(q).scenario);
            let mc = monte_carlo(&p).unwrap();
            let want = match p.summary.best_choice {
                Choice::Convert => [1.0, 0.0, 0.0],
                Choice::Mine => [0.0, 1.0, 0.0],
                Choice::Sell => [0.0, 0.0, 1.0],
            };
            assert_eq!([mc.best_convert, mc.best_mine, mc.best_sell], want, "{q}");
        }
    }

    #[test]
    fn the_plans_fan_carries_the_ai_rate_risk_path_by_path() {
        // Brute force: replay both streams and sort each month's plan revenue across paths.
        let q = "mc=101&seed=3&cterm=24&aivol=50&power=30";
        let p = model::run(&parse(q).scenario);
        let mc = monte_carlo(&p).unwrap();
        let s = &p.scenario;
        let (sigma, e) = (s.get(Key::Vol) / 100.0, 1.0 - s.get(Key::Elas));
        let lv = &p.levers;
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
        let mut ai = rng.clone();
        ai.jump();
        let (mut x, mut y) = (vec![0.0; 101], vec![0.0; 101]);
        let mut moved = 0;
        for m in 0..p.months.len() {
            if m > 0 {
                for xi in x.iter_mut() {
                    let z: f64 = StandardNormal.sample(&mut rng);
                    *xi += -sigma * sigma / 24.0 + sigma / 12f64.sqrt() * z;
                }
                for yi in y.iter_mut() {
                    let w: f64 = StandardNormal.sample(&mut ai);
                    *yi += -0.25 / 24.0 + 0.5 / 12f64.sqrt() * w;
                }
            }
            let mut rev: Vec<f64> = (x.iter().zip(&y))
                .map(|(xi, yi)| {
                    let mining = lv.plan.revenue_at(m, (e * xi).exp(), lv.shutoff);
                    let open = lv.plan.open_revenue[m];
                    mining + p.months[m].plan.ai_revenue + (yi.exp() - 1.0) * open
                })
                .collect();
            rev.sort_by(f64::total_cmp);
            for (i, q) in QUANTILES.iter().enumerate() {
                let want = rev[(q * 100.0f64).floor() as usize];
                let got = mc.fan[m].plan[i];
                assert!((got - want).abs() <= 1e-9 * want.abs().max(1.0), "{q} m{m}");
            }
            if lv.plan.open_revenue[m] > 0.0 {
                moved += 1;
                assert!(mc.fan[m].plan[0] < mc.fan[m].plan[2]);
            }
        }
        // Live from month 12, contracted for 24 months: months 36 to 119 are uncontracted.
        assert_eq!(moved, 84);
    }

    #[test]
    fn the_serde_form_is_the_reports_object_and_carries_every_number_but_the_fan() {
        // The report prints it, and the page's worker sends it (bincode, field by field, the
        // fan beside it): each number of ECONOMICS.md §11's `monte_carlo`, in that order.
        let mc = monte_carlo(&model::run(&parse("mc=40&seed=2").scenario)).unwrap();
        let value = serde_json::to_value(&mc).unwrap();
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "paths",
                "npv_advantage_p10",
                "npv_advantage_p50",
                "npv_advantage_p90",
                "prob_plan_better",
                "best_convert",
                "best_mine",
                "best_sell"
            ]
        );
        let back: MonteCarlo = serde_json::from_value(value).unwrap();
        assert_eq!(
            (&back.fan, &back.dots, &back.scenario),
            (&vec![], &vec![], &None)
        );
        assert_eq!(
            bits(&back),
            bits(&MonteCarlo {
                fan: Vec::new(),
                ..mc
            })
        );
    }

    #[test]
    fn each_dot_is_one_percentile_of_the_paths_taken_like_the_reported_ones() {
        // Four paths: 5 and 2 (convert), −1 (sell), −3 (mine), in any order. Dot k is the
        // value at index floor((k + 0.5)/100 · 3) of them sorted (−3, −1, 2, 5): k = 32 gives
        // floor(0.975) = 0, k = 33 floor(1.005) = 1, k = 66 floor(1.995) = 1, k = 67
        // floor(2.025) = 2, k = 99 floor(2.985) = 2. So 33 dots at −3, 34 at −1 and 33 at 2;
        // the top path (5) has none, as p90 = index floor(0.9 · 3) = 2 is also 2, not 5.
        let best = |v: f64| match v {
            -1.0 => Choice::Sell,
            x if x > 0.0 => Choice::Convert,
            _ => Choice::Mine,
        };
        let d = dots(&mut [5.0, -1.0, 2.0, -3.0], best);
        assert_eq!(d.len(), DOTS);
        let count = |advantage: f64| (d.iter()).filter(|x| x.advantage == advantage).count();
        assert_eq!(
            [count(-3.0), count(-1.0), count(2.0), count(5.0)],
            [33, 34, 33, 0]
        );
        assert_eq!((d[32].advantage, d[33].advantage), (-3.0, -1.0));
        assert_eq!((d[66].advantage, d[67].advantage), (-1.0, 2.0));
        assert!(d.iter().all(|x| x.best == best(x.advantage)));
        // One path: every dot is it.
        let one = dots(&mut [7.0], |_| Choice::Sell);
        let seven = Dot {
            advantage: 7.0,
            best: Choice::Sell,
        };
        assert!(one.iter().all(|x| *x == seven));
    }

    #[test]
    fn a_runs_dots_rise_with_the_percentiles_and_carry_each_paths_best_choice() {
        for q in ["mc=1000&seed=3", "mc=300&seed=3&ai=colo&vol=120&aivol=120"] {
            let p = model::run(&parse(q).scenario);
            let mc = monte_carlo(&p).unwrap();
            assert_eq!(mc.scenario.as_deref(), Some(&p.scenario));
            let d = &mc.dots;
            assert_eq!(d.len(), DOTS, "{q}");
            assert!(
                d.windows(2).all(|w| w[0].advantage <= w[1].advantage),
                "{q}"
            );
            // The dots at percentiles 9.5, 49.5 and 89.5 are at most the reported p10, p50 and
            // p90 (a lower percentile, the same rule).
            let reported = [
                mc.npv_advantage_p10,
                mc.npv_advantage_p50,
                mc.npv_advantage_p90,
            ];
            for (k, v) in [9, 49, 89].into_iter().zip(reported) {
                assert!(d[k].advantage <= v, "{q}: dot {k}");
            }
            // Converting is best only where it is worth at least keeping mining.
            assert!(
                d.iter()
                    .all(|x| x.best != Choice::Convert || x.advantage >= 0.0),
                "{q}"
            );
            // Each choice has about its share of the dots (within a dot, for these seeds: 33 of
            // 100 for 32.5 % converting in the first; 4, 3 and 93 for 4.7 %, 2.7 % and 92.7 %).
            let counts = Choice::ALL.map(|c| d.iter().filter(|x| x.best == c).count() as f64);
            let shares = [mc.best_convert, mc.best_mine, mc.best_sell];
            for (n, share) in counts.into_iter().zip(shares) {
                assert!(
                    (n - share * 100.0).abs() <= 1.0,
                    "{q}: {counts:?} {shares:?}"
                );
            }
        }
    }
}
