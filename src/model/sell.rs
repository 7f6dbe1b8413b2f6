//! The third choice (ECONOMICS.md §8c): sell the powered site and its fleet at the start, and
//! which of converting, keeping mining and selling is worth most.

use crate::scenario::{Key, Scenario};
use serde::{Deserialize, Serialize};

/// One of the three choices a site's owner has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Choice {
    /// Carry out the conversion plan.
    Convert,
    /// Keep the whole site mining.
    Mine,
    /// Sell the land and the fleet now.
    Sell,
}

impl Choice {
    /// All three, in the order that breaks a tie.
    pub const ALL: [Choice; 3] = [Choice::Convert, Choice::Mine, Choice::Sell];

    /// The word the CLI prints (`convert`, `mine`, `sell`).
    pub fn name(self) -> &'static str {
        match self {
            Choice::Convert => "convert",
            Choice::Mine => "mine",
            Choice::Sell => "sell",
        }
    }
}

/// What the site and its fleet fetch if sold at the start, $: the powered land at `landv`
/// ($M per gross MW, whatever `tv` says) plus the whole fleet's TH/s at `asicp` ($/TH).
pub fn sell_usd(s: &Scenario) -> f64 {
    let mw = s.get(Key::Mw);
    let land = s.get(Key::Landv) * 1e6 * mw;
    let fleet_th = mw * 1e6 / (s.get(Key::Mpue) * s.get(Key::Jth));
    land + fleet_th * s.get(Key::Asicp)
}

/// The sale's present value, $: received in month 0, discounted one month at `rate`.
pub fn npv_sell(s: &Scenario) -> f64 {
    sell_usd(s) / (1.0 + s.get(Key::Rate) / 100.0).powf(1.0 / 12.0)
}

/// The choice worth most: the largest NPV, the first of convert, mine, sell on a tie. Where the
/// plan is the baseline (`converts` false), the choice is between mining and selling.
pub fn best_choice(npv_plan: f64, npv_baseline: f64, npv_sell: f64, converts: bool) -> Choice {
    let npv = |c| match c {
        Choice::Convert => npv_plan,
        Choice::Mine => npv_baseline,
        Choice::Sell => npv_sell,
    };
    let candidates = Choice::ALL
        .into_iter()
        .filter(|&c| converts || c != Choice::Convert);
    candidates
        .fold(None, |best: Option<Choice>, c| match best {
            Some(b) if npv(b) >= npv(c) => Some(b),
            _ => Some(c),
        })
        .expect("mining and selling are always candidates")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse;

    #[test]
    fn the_sale_is_land_plus_fleet_discounted_one_month() {
        // Defaults: 100 MW × $0.5M = $50M of land; the fleet is 100e6 W / (1.05 · 17.5 J/TH)
        // = 5,442,176.87 TH/s × $8/TH = $43,537,414.97; together $93,537,414.97.
        let s = parse("").scenario;
        let fleet: f64 = 100e6 / (1.05 * 17.5) * 8.0;
        assert!((fleet - 43_537_414.965_986).abs() < 1e-3);
        assert!((sell_usd(&s) - (50e6 + fleet)).abs() < 1e-6);
        // One month at 12 %/yr: 1.12^(1/12) = 1.009488793.
        assert!((npv_sell(&s) - 93_537_414.965_986 / 1.009_488_792_934_6).abs() < 1e-3);
        // 10 MW, land $2M/MW, ASICs worthless, rate 0: exactly $20M.
        let s = parse("mw=10&landv=2&asicp=0&rate=0").scenario;
        assert_eq!(npv_sell(&s), 20e6);
    }

    #[test]
    fn the_best_choice_is_the_largest_npv_first_on_a_tie() {
        assert_eq!(best_choice(3.0, 2.0, 1.0, true), Choice::Convert);
        assert_eq!(best_choice(1.0, 3.0, 2.0, true), Choice::Mine);
        assert_eq!(best_choice(1.0, 2.0, 3.0, true), Choice::Sell);
        assert_eq!(best_choice(2.0, 2.0, 2.0, true), Choice::Convert);
        assert_eq!(best_choice(1.0, 2.0, 2.0, true), Choice::Mine);
        // Where nothing converts, the plan is not a choice.
        assert_eq!(best_choice(9.0, 2.0, 1.0, false), Choice::Mine);
        assert_eq!(best_choice(9.0, 1.0, 2.0, false), Choice::Sell);
    }
}
