//! The value of waiting (ECONOMICS.md §9 `timing`): the NPV advantage when construction starts
//! 0, 3, 6, … 36 months after `cstart`, everything else fixed; a delay that pushes the first
//! tranche past the horizon gives 0.

use crate::calendar::YearMonth;
use crate::model;
use crate::scenario::{Key, Scenario};
use serde::Serialize;

/// The delays of the curve, months.
pub const DELAYS: [usize; 13] = [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36];

/// One point of the curve.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TimingPoint {
    /// Months after the planned construction start.
    pub delay_months: usize,
    /// The first tranche's construction start.
    pub cstart: YearMonth,
    /// The NPV advantage, $.
    pub npv_advantage: f64,
}

/// The curve, one point per delay.
pub fn timing(s: &Scenario) -> Vec<TimingPoint> {
    let eval = model::Evaluator::new(s);
    DELAYS
        .iter()
        .map(|&delay| TimingPoint {
            delay_months: delay,
            cstart: s.month(Key::Cstart).plus(delay as i32),
            npv_advantage: eval.npv_advantage_delayed(s, delay),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse;

    #[test]
    fn a_delay_is_a_later_construction_start() {
        let s = parse("cstart=2027-06").scenario;
        let curve = timing(&s);
        assert_eq!(curve[0].npv_advantage, model::npv_advantage(&s));
        assert_eq!(curve[4].cstart, YearMonth::new(2028, 6));
        let later = s.with(Key::Cstart, f64::from(YearMonth::new(2028, 6).index()));
        assert_eq!(curve[4].npv_advantage, model::npv_advantage(&later));
    }

    #[test]
    fn delays_past_the_horizon_give_zero_even_past_the_keys_bound() {
        // A 1-year horizon: a start 12 or more months late never builds.
        let curve = timing(&parse("years=1").scenario);
        assert!(curve[3].npv_advantage != 0.0);
        assert!(curve[4..].iter().all(|p| p.npv_advantage == 0.0));
        // cstart may not pass 2040-12, but a delay from there still lands inside a long horizon.
        let late = parse("start=2040-12&years=5").scenario;
        let curve = timing(&late);
        assert_eq!(curve[12].cstart, YearMonth::new(2043, 12));
        assert!(curve[12].npv_advantage != 0.0);
    }
}
