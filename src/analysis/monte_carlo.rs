//! Monte Carlo over BTC price paths (ECONOMICS.md §10).
//!
//! Each path moves the price as geometric Brownian motion whose mean is the deterministic path,
//! and the network hashrate follows it with elasticity `elas`. Mining revenue on a path is then
//! the deterministic revenue times `ρ^(1−elas)` with `ρ = P_path/P`, so a path needs one
//! exponential per month and reuses the projection's [`Levers`](crate::model::Levers).
//!
//! Draws come from a Xoshiro256++ generator seeded with `seed` (`seed_from_u64`), month by month
//! and, within a month, path by path: the same seed gives the same draws on every platform.

use crate::model::Projection;
use crate::scenario::Key;
use rand_distr::{Distribution, StandardNormal};
use rand_xoshiro::rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;

/// Percentiles reported: p10, p50, p90.
const QUANTILES: [f64; 3] = [0.1, 0.5, 0.9];

/// Revenue percentiles of one month across paths, $: `[p10, p50, p90]`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FanMonth {
    /// Plan revenue (mining + AI).
    pub plan: [f64; 3],
    /// Baseline revenue.
    pub baseline: [f64; 3],
}

/// The Monte Carlo result (ECONOMICS.md §10 `monte_carlo`, plus the fan for charts). Its serde
/// form is the report's object: the fan is left out.
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
    /// Per month, the revenue percentiles of plan and baseline.
    #[serde(skip)]
    pub fan: Vec<FanMonth>,
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
    /// Per path, `ln ρ` of the last month simulated.
    ln_rho: Vec<f64>,
    /// Per path, the NPV advantage so far, $.
    advantage: Vec<f64>,
    /// Room to take order statistics of `ln_rho` without reordering it.
    scratch: Vec<f64>,
    /// The fan of the months simulated, one entry per month.
    fan: Vec<FanMonth>,
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
        let lv = &projection.levers;
        Some(MonteCarloRun {
            rng: Xoshiro256PlusPlus::seed_from_u64(s.get(Key::Seed) as u64),
            drift: -sigma * sigma / 24.0,
            shock: sigma / 12f64.sqrt(),
            exponent: 1.0 - s.get(Key::Elas),
            ln_rho: vec![0.0; paths],
            advantage: vec![lv.plan.fixed_npv - lv.baseline.fixed_npv; paths],
            scratch: vec![0.0; paths],
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
        let advantage = &mut self.advantage;
        let better = advantage.iter().filter(|&&a| a > 0.0).count();
        MonteCarlo {
            paths,
            npv_advantage_p10: percentile(advantage, 0.1),
            npv_advantage_p50: percentile(advantage, 0.5),
            npv_advantage_p90: percentile(advantage, 0.9),
            prob_plan_better: better as f64 / paths as f64,
            fan: self.fan,
        }
    }

    /// Simulates the next month: one draw per path (none in the first month), path by path.
    fn month(&mut self) {
        let MonteCarloRun {
            p,
            rng,
            drift,
            shock,
            exponent,
            ln_rho,
            advantage,
            scratch,
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
        }
        let d = lv.discount[m];
        for (x, adv) in ln_rho.iter().zip(advantage.iter_mut()) {
            let u = libm::exp(exponent * x);
            *adv += d * (lv.plan.margin(m, u, lv.shutoff) - lv.baseline.margin(m, u, lv.shutoff));
        }
        // Revenue is monotone in ρ (rising for elas < 1, falling for elas > 1), so its
        // percentiles are the revenue at the matching order statistics of ln ρ.
        scratch.copy_from_slice(ln_rho);
        let paths = ln_rho.len();
        let revenue =
            |u: f64, v: &crate::model::levers::VariantLevers| v.revenue_at(m, u, lv.shutoff);
        let mut fan_month = FanMonth {
            plan: [0.0; 3],
            baseline: [0.0; 3],
        };
        for (i, &q) in QUANTILES.iter().enumerate() {
            let index = percentile_index(paths, q);
            let index = if exponent < 0.0 {
                paths - 1 - index
            } else {
                index
            };
            let k = libm::exp(exponent * order_statistic(scratch, index));
            fan_month.plan[i] = revenue(k, &lv.plan) + row.plan.ai_revenue;
            fan_month.baseline[i] = revenue(k, &lv.baseline) + row.baseline.ai_revenue;
        }
        fan.push(fan_month);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
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
        ];
        let fan = mc.fan.iter().flat_map(|f| f.plan.iter().chain(&f.baseline));
        summary.iter().chain(fan).map(|x| x.to_bits()).collect()
    }

    #[test]
    fn a_run_stepped_in_uneven_chunks_equals_one_uninterrupted_run_bit_for_bit() {
        for q in [
            "mc=301&seed=11&vol=90",
            "mc=64&elas=1.6&seed=3&power=70&years=7",
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
        let p = model::run(&parse("mc=50&vol=0").scenario);
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
        for q in ["mc=101&elas=0.5&seed=3", "mc=101&elas=1.6&seed=3&power=70"] {
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
}
