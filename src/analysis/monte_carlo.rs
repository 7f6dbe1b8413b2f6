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
use serde::Serialize;

/// Percentiles reported: p10, p50, p90.
const QUANTILES: [f64; 3] = [0.1, 0.5, 0.9];

/// Revenue percentiles of one month across paths, $: `[p10, p50, p90]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FanMonth {
    /// Plan revenue (mining + AI).
    pub plan: [f64; 3],
    /// Baseline revenue.
    pub baseline: [f64; 3],
}

/// The Monte Carlo result (ECONOMICS.md §10 `monte_carlo`, plus the fan for charts).
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    let s = &p.scenario;
    let paths = s.int(Key::Mc) as usize;
    if paths == 0 {
        return None;
    }
    let sigma = s.get(Key::Vol) / 100.0;
    let drift = -sigma * sigma / 24.0;
    let shock = sigma / 12f64.sqrt();
    let exponent = 1.0 - s.get(Key::Elas);
    let lv = &p.levers;
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(s.get(Key::Seed) as u64);

    let mut ln_rho = vec![0.0; paths];
    let mut advantage = vec![lv.plan.fixed_npv - lv.baseline.fixed_npv; paths];
    let mut scratch = vec![0.0; paths];
    let mut fan = Vec::with_capacity(p.months.len());
    for (m, row) in p.months.iter().enumerate() {
        if m > 0 {
            for x in ln_rho.iter_mut() {
                let z: f64 = StandardNormal.sample(&mut rng);
                *x += drift + shock * z;
            }
        }
        let d = lv.discount[m];
        for (x, adv) in ln_rho.iter().zip(advantage.iter_mut()) {
            let u = libm::exp(exponent * x);
            *adv += d * (lv.plan.margin(m, u, lv.shutoff) - lv.baseline.margin(m, u, lv.shutoff));
        }
        // Revenue is monotone in ρ (rising for elas < 1, falling for elas > 1), so its
        // percentiles are the revenue at the matching order statistics of ln ρ.
        scratch.copy_from_slice(&ln_rho);
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
            let k = libm::exp(exponent * order_statistic(&mut scratch, index));
            fan_month.plan[i] = revenue(k, &lv.plan) + row.plan.ai_revenue;
            fan_month.baseline[i] = revenue(k, &lv.baseline) + row.baseline.ai_revenue;
        }
        fan.push(fan_month);
    }
    let better = advantage.iter().filter(|&&a| a > 0.0).count();
    Some(MonteCarlo {
        paths,
        npv_advantage_p10: percentile(&mut advantage, 0.1),
        npv_advantage_p50: percentile(&mut advantage, 0.5),
        npv_advantage_p90: percentile(&mut advantage, 0.9),
        prob_plan_better: better as f64 / paths as f64,
        fan,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::scenario::parse;

    #[test]
    fn off_when_mc_is_zero() {
        assert!(monte_carlo(&model::run(&parse("").scenario)).is_none());
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
