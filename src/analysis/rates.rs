//! The NPV advantage against the discount rate (ECONOMICS.md §9 `rates`): `rate` from 0 to
//! 30 %/yr, `airate` moving with it (their difference kept, floored at 0). Each point carries
//! the AI rate it used, so that nobody else writes that rule again.
//!
//! The monthly cash does not depend on the discount rates, so the whole curve comes from the one
//! projection: each point re-discounts the plan-minus-baseline mining and AI lines.

use crate::model::{finance, Projection};
use crate::scenario::Key;
use serde::Serialize;

/// Mining discount rates of the curve, %/yr.
pub const RATES: std::ops::RangeInclusive<u32> = 0..=30;

/// One point of the curve.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct RatePoint {
    /// The mining discount rate, a yearly fraction (`0.12`).
    pub rate: f64,
    /// The AI discount rate that goes with it, %/yr as the `airate` key has it (`9.0`). Not in
    /// the report, which gives the curve against `rate` alone.
    #[serde(skip)]
    pub airate: f64,
    /// The NPV advantage at that rate, $.
    pub npv_advantage: f64,
}

/// The curve, one point per whole percent.
pub fn rates(p: &Projection) -> Vec<RatePoint> {
    let n = p.months.len();
    let (delta_mining, delta_ai): (Vec<f64>, Vec<f64>) = p
        .months
        .iter()
        .map(|r| {
            (
                r.plan.mining_cf() - r.baseline.mining_cf(),
                r.plan.ai_cf() - r.baseline.ai_cf(),
            )
        })
        .unzip();
    let gap = p.scenario.get(Key::Airate) - p.scenario.get(Key::Rate);
    RATES
        .map(|r| {
            let rate = f64::from(r);
            let ai_rate = (rate + gap).max(0.0);
            let npv = |cash: &[f64], pct: f64| {
                finance::npv(cash, &finance::discount_divisors(pct / 100.0, n))
            };
            RatePoint {
                rate: rate / 100.0,
                airate: ai_rate,
                npv_advantage: npv(&delta_mining, rate) + npv(&delta_ai, ai_rate),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::scenario::parse;

    #[test]
    fn each_point_is_the_model_run_at_that_rate() {
        for q in ["", "airate=9", "rate=20&airate=5", "ai=colo&tv=book"] {
            let s = parse(q).scenario;
            let curve = rates(&model::run(&s));
            assert_eq!(curve.len(), 31);
            let gap = s.get(Key::Airate) - s.get(Key::Rate);
            for point in [&curve[0], &curve[12], &curve[30]] {
                let r = point.rate * 100.0;
                let moved = s.with(Key::Rate, r).with(Key::Airate, (r + gap).max(0.0));
                let direct = model::npv_advantage(&moved);
                let scale = direct.abs().max(1e6);
                assert!(
                    (point.npv_advantage - direct).abs() < 1e-9 * scale,
                    "{q} at {r}"
                );
            }
        }
    }

    #[test]
    fn the_scenarios_own_rate_gives_its_advantage() {
        let p = model::run(&parse("rate=12&airate=9").scenario);
        let at_12 = rates(&p)[12];
        assert_eq!(at_12.rate, 0.12);
        let want = p.summary.npv_advantage;
        assert!((at_12.npv_advantage - want).abs() < 1e-9 * want.abs());
    }

    #[test]
    fn each_point_carries_the_ai_rate_it_used() {
        // `rate` 20, `airate` 5: the AI rate stays 15 points below mining's, never below 0.
        let curve = rates(&model::run(&parse("rate=20&airate=5").scenario));
        let at = |r: usize| curve[r].airate;
        assert_eq!((at(0), at(15), at(16), at(30)), (0.0, 0.0, 1.0, 15.0));
        // The defaults' 12 and 12 keep the two rates equal.
        let even = rates(&model::run(&parse("").scenario));
        assert!(even.iter().enumerate().all(|(r, p)| p.airate == r as f64));
        let lower = rates(&model::run(&parse("rate=12&airate=9").scenario));
        assert_eq!(
            (lower[0].airate, lower[12].airate, lower[30].airate),
            (0.0, 9.0, 27.0)
        );
    }
}
