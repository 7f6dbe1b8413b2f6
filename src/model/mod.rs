//! The economics of ECONOMICS.md: pure functions from a [`Scenario`] to a monthly projection of
//! the conversion plan against the keep-mining baseline, and its summary.

pub mod clock;
pub mod finance;
pub mod flows;
pub mod levers;
pub mod market;
pub mod site;
pub mod summary;

pub use flows::{Field, Flows, Sign};
pub use levers::Levers;
pub use market::MarketMonth;
pub use site::Tranche;
pub use summary::{Summary, Totals};

use crate::calendar::YearMonth;
use crate::scenario::{Key, Scenario};
use serde::Serialize;

/// One month of the projection: the market and both variants (ECONOMICS.md §10 `months`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct MonthRow {
    /// Calendar month.
    pub month: YearMonth,
    /// Days in the month.
    pub days: u32,
    /// Block height at the month's first instant.
    pub height: f64,
    /// Mean subsidy per block, BTC.
    pub subsidy_btc: f64,
    /// Subsidy plus fees to all miners in the month, BTC.
    pub reward_btc: f64,
    /// BTC price, $.
    pub btc_usd: f64,
    /// Network hashrate, EH/s.
    pub network_ehs: f64,
    /// Hashprice, $/PH/day.
    pub hashprice_usd_ph_day: f64,
    /// The conversion plan.
    pub plan: Flows,
    /// Keep mining (`conv = 0`).
    pub baseline: Flows,
}

impl MonthRow {
    /// The market fields of a row after `month` and `days`, in output order;
    /// [`MonthRow::market_values`] gives them.
    pub const MARKET_FIELDS: [Field; 6] = [
        Field::new("height", "blocks", Sign::NonNegative),
        Field::new("subsidy_btc", "BTC/block", Sign::NonNegative),
        Field::new("reward_btc", "BTC", Sign::NonNegative),
        Field::new("btc_usd", "$", Sign::NonNegative),
        Field::new("network_ehs", "EH/s", Sign::NonNegative),
        Field::new("hashprice_usd_ph_day", "$/PH/day", Sign::NonNegative),
    ];

    /// The values of [`MonthRow::MARKET_FIELDS`], in that order.
    pub fn market_values(&self) -> [f64; 6] {
        [
            self.height,
            self.subsidy_btc,
            self.reward_btc,
            self.btc_usd,
            self.network_ehs,
            self.hashprice_usd_ph_day,
        ]
    }
}

/// Everything the model computes for a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// The scenario projected.
    pub scenario: Scenario,
    /// One row per month of the horizon.
    pub months: Vec<MonthRow>,
    /// Totals and headline numbers.
    pub summary: Summary,
    /// The plan's conversion tranches.
    pub tranches: Vec<Tranche>,
    /// Months (0-based) in which a halving happens.
    pub halving_months: Vec<usize>,
    /// The NPV split used for breakevens, the break-even map and Monte Carlo.
    pub levers: Levers,
}

/// The market path, tranches and both variants' flows of a scenario.
struct Core {
    market: Vec<MarketMonth>,
    tranches: Vec<Tranche>,
    plan: flows::Variant,
    baseline: flows::Variant,
    divisors: Vec<f64>,
}

fn simulate(s: &Scenario) -> Core {
    let market = market::market(s);
    let tranches = site::tranches(s);
    let plan = flows::simulate(s, &market, &tranches);
    let baseline = flows::simulate(s, &market, &[]);
    let divisors = finance::discount_divisors(s.get(Key::Rate) / 100.0, market.len());
    Core {
        market,
        tranches,
        plan,
        baseline,
        divisors,
    }
}

fn cash(v: &flows::Variant) -> Vec<f64> {
    v.flows.iter().map(|f| f.cash_flow).collect()
}

/// The NPV advantage of the plan over keep-mining alone, $ (what [`run`] reports, without the
/// IRR, payback and breakevens).
pub fn npv_advantage(s: &Scenario) -> f64 {
    let c = simulate(s);
    finance::npv(&cash(&c.plan), &c.divisors) - finance::npv(&cash(&c.baseline), &c.divisors)
}

/// Runs the model: market path, plan and baseline, summary with IRR, payback and breakevens.
pub fn run(s: &Scenario) -> Projection {
    let Core {
        market,
        tranches,
        plan,
        baseline,
        divisors,
    } = simulate(s);
    let n = market.len();
    let months: Vec<MonthRow> = market
        .iter()
        .zip(plan.flows.iter().zip(&baseline.flows))
        .map(|(mk, (p, b))| MonthRow {
            month: mk.month,
            days: mk.days,
            height: mk.h_start,
            subsidy_btc: mk.subsidy / mk.blocks,
            reward_btc: mk.reward,
            btc_usd: mk.price,
            network_ehs: mk.network_ehs,
            hashprice_usd_ph_day: mk.hashprice,
            plan: *p,
            baseline: *b,
        })
        .collect();

    let levers = Levers {
        discount: divisors.iter().map(|d| 1.0 / d).collect(),
        shutoff: s.get(Key::Shutoff) == 1.0,
        plan: levers::VariantLevers::new(&plan, &divisors),
        baseline: levers::VariantLevers::new(&baseline, &divisors),
    };
    let plan_totals = Totals::of(&plan.flows, &divisors);
    let baseline_totals = Totals::of(&baseline.flows, &divisors);
    let npv_advantage = plan_totals.npv - baseline_totals.npv;
    let delta: Vec<f64> = cash(&plan)
        .iter()
        .zip(cash(&baseline))
        .map(|(p, b)| p - b)
        .collect();
    let converts = !tranches.is_empty();
    let start = s.month(Key::Start);
    let summary = Summary {
        plan: plan_totals,
        baseline: baseline_totals,
        npv_advantage,
        irr_incremental: finance::irr(&delta),
        payback_month: finance::payback_month(&delta).map(|m| start.plus(m as i32)),
        breakeven_btc_usd: converts
            .then(|| levers.breakeven_price_scale())
            .flatten()
            .map(|k| s.get(Key::Btc) * k),
        breakeven_ai_rate: converts
            .then(|| levers.breakeven_ai_scale(npv_advantage))
            .flatten()
            .map(|k| s.get(s.ai_rate_key()) * k),
        next_halving: clock::next_halving(market[0].h_start, s.get(Key::Blockmin)).1,
    };
    let halving_months = (0..n)
        .filter(|&m| market[m].halvings > if m == 0 { 0 } else { market[m - 1].halvings })
        .collect();
    Projection {
        scenario: *s,
        months,
        summary,
        tranches,
        halving_months,
        levers,
    }
}
