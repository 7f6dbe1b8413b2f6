//! Horizon totals and the headline numbers (ECONOMICS.md §8, §10 `summary`).

use super::finance;
use super::flows::Flows;
use crate::calendar::{Date, YearMonth};
use serde::Serialize;

/// Sums of one variant over the horizon. Money in $, bitcoin in BTC.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    /// Mining plus AI revenue, $.
    pub revenue: f64,
    /// Mining revenue, $.
    pub mining_revenue: f64,
    /// AI revenue, $.
    pub ai_revenue: f64,
    /// Revenue − power − opex (mining and AI), $.
    pub ebitda: f64,
    /// Conversion and GPU capex, $.
    pub capex: f64,
    /// Residual value, $.
    pub residual: f64,
    /// `ebitda − capex + residual`, $.
    pub cash_flow: f64,
    /// Net present value at the discount rate, $.
    pub npv: f64,
    /// BTC mined.
    pub btc_mined: f64,
    /// (Σ mining power + Σ mining opex) / Σ BTC mined, $/BTC; `None` when nothing is mined.
    pub mining_cost_per_btc: Option<f64>,
}

impl Totals {
    /// Totals of monthly flows, discounting with `divisors`.
    pub fn of(flows: &[Flows], divisors: &[f64]) -> Self {
        let mut t = Totals::default();
        let mut mining_cost = 0.0;
        let mut cash = Vec::with_capacity(flows.len());
        for f in flows {
            t.revenue += f.revenue();
            t.mining_revenue += f.mining_revenue;
            t.ai_revenue += f.ai_revenue;
            t.ebitda += f.ebitda();
            t.capex += f.capex;
            t.residual += f.residual;
            t.btc_mined += f.btc_mined;
            mining_cost += f.mining_power + f.mining_opex;
            cash.push(f.cash_flow);
        }
        t.cash_flow = cash.iter().sum();
        t.npv = finance::npv(&cash, divisors);
        t.mining_cost_per_btc = (t.btc_mined > 0.0).then(|| mining_cost / t.btc_mined);
        t
    }
}

/// The summary of a projection.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// The conversion plan.
    pub plan: Totals,
    /// Keep mining.
    pub baseline: Totals,
    /// `npv_plan − npv_baseline`, $.
    pub npv_advantage: f64,
    /// Yearly IRR of the incremental cash flow, as a fraction (0.048 = 4.8 %/yr).
    pub irr_incremental: Option<f64>,
    /// Month from which the cumulative incremental cash stays ≥ 0.
    pub payback_month: Option<YearMonth>,
    /// Starting BTC price at which the NPV advantage is zero, $.
    pub breakeven_btc_usd: Option<f64>,
    /// GPU rate ($/GPU-hour) or lease rate ($/kW/month) at which the NPV advantage is zero.
    pub breakeven_ai_rate: Option<f64>,
    /// UTC date of the next halving after the start.
    pub next_halving: Date,
}
