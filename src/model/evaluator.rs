//! Many NPV advantages around one scenario (the tornado, the value of waiting): what a change
//! cannot move is computed once and reused. A change that leaves the market's keys alone reuses
//! the market path, and one that leaves its calendar's keys alone reprices it; one that
//! leaves the discount rates and the horizon alone reuses the discount divisors; one that leaves
//! the market's and the keep-mining baseline's keys alone reuses the baseline's NPV; one that
//! leaves the market, the tranches and the mining side's keys alone reuses the base plan's mining
//! side and simulates only its AI side; one that moves only the discount rates discounts the
//! base's flows again. The market keys that only the AI hall's power price reads (`firm`) count
//! as left alone by the mining side and the baseline. The numbers are those of
//! [`npv_advantage`](super::npv_advantage), bit for bit.

use super::market::{self, MarketMonth};
use super::{finance, flows, npv_of, site, Tranche};
use crate::scenario::{Key, Scenario, KEYS};
use std::borrow::Cow;
use std::cell::RefCell;

/// The keys the market path reads.
const MARKET: [Key; 12] = [
    Key::Start,
    Key::Years,
    Key::Btc,
    Key::Btcg,
    Key::Hr,
    Key::Hrg,
    Key::Hdrop,
    Key::Fee,
    Key::Blockmin,
    Key::Power,
    Key::Powg,
    Key::Firm,
];

/// The market keys that only the AI hall's power price reads: neither the mining side of a
/// variant nor the keep-mining baseline sees them.
const AI_ONLY_MARKET: [Key; 1] = [Key::Firm];

/// The keys the keep-mining baseline's NPV reads, besides the market's: its fleet, its land and
/// the mining discount rate (it has no AI line).
const BASELINE: [Key; 11] = [
    Key::Mw,
    Key::Jth,
    Key::Mpue,
    Key::Uptime,
    Key::Pool,
    Key::Mopex,
    Key::Shutoff,
    Key::Dark,
    Key::Tv,
    Key::Landv,
    Key::Rate,
];

/// The keys the discount divisors read, besides the number of months.
const DISCOUNT: [Key; 2] = [Key::Rate, Key::Airate];

/// NPV advantages of scenarios near one base scenario.
pub struct Evaluator {
    base: Scenario,
    market: Vec<MarketMonth>,
    divisors: (Vec<f64>, Vec<f64>),
    baseline_npv: f64,
    /// The base plan's tranches, and its months with their mining side only.
    tranches: Vec<Tranche>,
    mined: flows::Variant,
    /// The base's plan and baseline.
    plan: flows::Variant,
    baseline: flows::Variant,
    /// The memory each simulation reuses, and the AI price factors of the last plan and of the
    /// last baseline (kept apart: the baseline's, of no months, would replace the plan's).
    scratch: RefCell<flows::Variant>,
    factors: RefCell<flows::AiFactors>,
    baseline_factors: RefCell<flows::AiFactors>,
}

impl Evaluator {
    /// Prepares the market path, the discount divisors, the plan's and the baseline's flows
    /// (and the baseline's NPV), and the plan's mining months of `base`.
    pub fn new(base: &Scenario) -> Self {
        let market = market::market(base);
        let divisors = divisors(base, market.len());
        let tranches = site::tranches(base);
        let mut mined = flows::Variant::default();
        flows::mine_into(base, &market, &tranches, &mut mined);
        let mut plan = flows::Variant::default();
        plan.copy_from(&mined);
        let mut factors = flows::AiFactors::default();
        flows::add_ai(base, &market, &tranches, &mut plan, &mut factors);
        let baseline = flows::simulate(base, &market, &[]);
        Evaluator {
            base: *base,
            baseline_npv: npv_of(&baseline, &divisors.0, &divisors.1),
            market,
            divisors,
            tranches,
            mined,
            plan,
            baseline,
            scratch: RefCell::default(),
            factors: RefCell::new(factors),
            baseline_factors: RefCell::default(),
        }
    }

    /// Whether `s` has the base's values of every key but the discount rates, bit for bit.
    fn only_discount_moved(&self, s: &Scenario) -> bool {
        KEYS.iter().all(|d| {
            DISCOUNT.contains(&d.key) || s.get(d.key).to_bits() == self.base.get(d.key).to_bits()
        })
    }

    /// The discount divisors of `s` over `n` months: the base's when they are the same (they
    /// read only the discount rates and the number of months).
    fn divisors_for(&self, s: &Scenario, n: usize) -> Cow<'_, (Vec<f64>, Vec<f64>)> {
        if n == self.market.len() && self.same(s, &DISCOUNT) {
            Cow::Borrowed(&self.divisors)
        } else {
            Cow::Owned(divisors(s, n))
        }
    }

    /// Whether `s` has the base's values of `keys`, bit for bit.
    fn same(&self, s: &Scenario, keys: &[Key]) -> bool {
        keys.iter()
            .all(|&k| s.get(k).to_bits() == self.base.get(k).to_bits())
    }

    /// Whether `s` has the base's values of the market keys the mining side reads (all but
    /// [`AI_ONLY_MARKET`]), bit for bit.
    fn same_mining_market(&self, s: &Scenario) -> bool {
        let read = MARKET.iter().filter(|k| !AI_ONLY_MARKET.contains(k));
        read.into_iter()
            .all(|&k| s.get(k).to_bits() == self.base.get(k).to_bits())
    }

    /// The NPV advantage of `s`, $.
    pub fn npv_advantage(&self, s: &Scenario) -> f64 {
        self.with_tranches(s, site::tranches(s))
    }

    /// The NPV advantage of `s` with its first construction start `delay` months after
    /// `cstart` (past the key's bound if need be), $; 0 once it starts after the horizon.
    pub fn npv_advantage_delayed(&self, s: &Scenario, delay: usize) -> f64 {
        let tranches = site::tranches_delayed(s, delay);
        if tranches
            .first()
            .is_none_or(|t| t.build_start >= s.horizon_months())
        {
            return 0.0;
        }
        self.with_tranches(s, tranches)
    }

    fn with_tranches(&self, s: &Scenario, tranches: Vec<Tranche>) -> f64 {
        if tranches == self.tranches && self.only_discount_moved(s) {
            // The base's flows, discounted at these rates.
            let (md, ad) = &*self.divisors_for(s, self.market.len());
            return npv_of(&self.plan, md, ad) - npv_of(&self.baseline, md, ad);
        }
        let same_market = self.same(s, &MARKET);
        let fresh_market;
        let market = if same_market {
            &self.market
        } else if self.same(s, &market::CLOCK) {
            // The same months, blocks and rewards, at other prices.
            let mut months = self.market.clone();
            market::price(s, &mut months);
            fresh_market = months;
            &fresh_market
        } else {
            fresh_market = market::market(s);
            &fresh_market
        };
        let divisors = self.divisors_for(s, market.len());
        let (md, ad) = (&divisors.0[..], &divisors.1[..]);
        // The mining side and the baseline read the base's market where only the AI hall's
        // power price moved.
        let mining_market = same_market || self.same_mining_market(s);
        let baseline = if mining_market && self.same(s, &BASELINE) {
            self.baseline_npv
        } else {
            self.npv(s, market, &[], (md, ad))
        };
        let plan = if mining_market && tranches == self.tranches && self.same(s, &flows::MINING) {
            let mut scratch = self.scratch.borrow_mut();
            scratch.copy_from(&self.mined);
            flows::add_ai(
                s,
                market,
                &tranches,
                &mut scratch,
                &mut self.factors.borrow_mut(),
            );
            npv_of(&scratch, md, ad)
        } else {
            self.npv(s, market, &tranches, (md, ad))
        };
        plan - baseline
    }

    /// The NPV of `s` with `tranches` on `market`, discounted by `divisors` (mining, AI), $.
    fn npv(
        &self,
        s: &Scenario,
        market: &[MarketMonth],
        tranches: &[Tranche],
        divisors: (&[f64], &[f64]),
    ) -> f64 {
        let mut scratch = self.scratch.borrow_mut();
        let factors = if tranches.is_empty() {
            &self.baseline_factors
        } else {
            &self.factors
        };
        flows::simulate_into(s, market, tranches, &mut scratch, &mut factors.borrow_mut());
        npv_of(&scratch, divisors.0, divisors.1)
    }
}

/// The mining and AI lines' discount divisors of `s` over `n` months.
fn divisors(s: &Scenario, n: usize) -> (Vec<f64>, Vec<f64>) {
    (
        finance::discount_divisors(s.get(Key::Rate) / 100.0, n),
        finance::discount_divisors(s.get(Key::Airate) / 100.0, n),
    )
}
