//! Horizon totals, the yearly table and the headline numbers (ECONOMICS.md §8, §11 `years` and
//! `summary`).

use super::finance;
use super::flows::{Field, Flows, Sign};
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
    /// Conversion, GPU and refit capex, $.
    pub capex: f64,
    /// ASIC resale, $.
    pub asic_sales: f64,
    /// Net prepayment, $ (0 over a whole contract inside the horizon).
    pub prepayment: f64,
    /// Terminal values, mining and AI, $.
    pub terminal: f64,
    /// `ebitda + asic_sales + prepayment − capex + terminal`, $.
    pub cash_flow: f64,
    /// Net present value: the mining line at `rate`, the AI line at `airate`, $.
    pub npv: f64,
    /// BTC mined.
    pub btc_mined: f64,
    /// (Σ mining power + Σ mining opex) / Σ BTC mined, $/BTC; `None` when nothing is mined.
    pub mining_cost_per_btc: Option<f64>,
}

impl Totals {
    /// Totals of monthly flows, discounting the mining and AI lines with their divisors.
    pub fn of(flows: &[Flows], mining_divisors: &[f64], ai_divisors: &[f64]) -> Self {
        let mut t = Totals::default();
        let mut mining_cost = 0.0;
        for (m, f) in flows.iter().enumerate() {
            t.revenue += f.revenue();
            t.mining_revenue += f.mining_revenue;
            t.ai_revenue += f.ai_revenue;
            t.ebitda += f.ebitda();
            t.capex += f.capex;
            t.asic_sales += f.asic_sales;
            t.prepayment += f.prepayment;
            t.terminal += f.terminal();
            t.cash_flow += f.cash_flow;
            t.npv += f.mining_cf() / mining_divisors[m] + f.ai_cf() / ai_divisors[m];
            t.btc_mined += f.btc_mined;
            mining_cost += f.mining_power + f.mining_opex;
        }
        t.mining_cost_per_btc = (t.btc_mined > 0.0).then(|| mining_cost / t.btc_mined);
        t
    }
}

/// One variant's sums over a calendar year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct YearTotals {
    /// Mining plus AI revenue, $.
    pub revenue: f64,
    /// Revenue − power − opex, $.
    pub ebitda: f64,
    /// Capex, $.
    pub capex: f64,
    /// Net cash flow, $.
    pub cash_flow: f64,
    /// The equity's cash, $: the cash flow with the debt drawn, less interest and principal.
    pub equity_cf: f64,
    /// BTC mined.
    pub btc_mined: f64,
}

impl YearTotals {
    /// The fields of [`YearTotals`], in output order; [`YearTotals::values`] gives them.
    pub const FIELDS: [Field; 6] = [
        Field::new("revenue", "$", Sign::NonNegative),
        Field::new("ebitda", "$", Sign::Any),
        Field::new("capex", "$", Sign::NonNegative),
        Field::new("cash_flow", "$", Sign::Any),
        Field::new("equity_cf", "$", Sign::Any),
        Field::new("btc_mined", "BTC", Sign::NonNegative),
    ];

    /// The values of [`YearTotals::FIELDS`], in that order.
    pub fn values(&self) -> [f64; 6] {
        [
            self.revenue,
            self.ebitda,
            self.capex,
            self.cash_flow,
            self.equity_cf,
            self.btc_mined,
        ]
    }

    fn add(&mut self, f: &Flows) {
        self.revenue += f.revenue();
        self.ebitda += f.ebitda();
        self.capex += f.capex;
        self.cash_flow += f.cash_flow;
        self.equity_cf += f.equity_cf;
        self.btc_mined += f.btc_mined;
    }
}

/// One calendar year of the projection (the first and last may be partial).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct YearRow {
    /// Calendar year.
    pub year: i32,
    /// Months of the horizon in that year.
    pub months: usize,
    /// The conversion plan.
    pub plan: YearTotals,
    /// Keep mining.
    pub baseline: YearTotals,
    /// Plan minus baseline cash flow, $.
    pub delta_cash_flow: f64,
    /// The difference summed from the start, $.
    pub cumulative_delta: f64,
    /// The lenders' cover of the year (ECONOMICS.md §8b), a ratio: the plan's AI operating
    /// cash over its debt service; `None` when the year has no debt service.
    pub dscr: Option<f64>,
}

impl YearRow {
    /// The fields of a row after the variants', in output order; [`YearRow::values`] gives
    /// them.
    pub const FIELDS: [Field; 3] = [
        Field::new("delta_cash_flow", "$", Sign::Any),
        Field::new("cumulative_delta", "$", Sign::Any),
        Field::new("dscr", "ratio", Sign::Any),
    ];

    /// The values of [`YearRow::FIELDS`], in that order (`None`: no value).
    pub fn values(&self) -> [Option<f64>; 3] {
        [
            Some(self.delta_cash_flow),
            Some(self.cumulative_delta),
            self.dscr,
        ]
    }
}

/// The yearly table of months starting at `start`.
pub fn years(start: YearMonth, plan: &[Flows], baseline: &[Flows]) -> Vec<YearRow> {
    let mut rows: Vec<YearRow> = Vec::new();
    let mut cumulative = 0.0;
    for (m, (p, b)) in plan.iter().zip(baseline).enumerate() {
        let year = start.plus(m as i32).year();
        if rows.last().is_none_or(|r| r.year != year) {
            rows.push(YearRow {
                year,
                months: 0,
                plan: YearTotals::default(),
                baseline: YearTotals::default(),
                delta_cash_flow: 0.0,
                cumulative_delta: cumulative,
                dscr: None,
            });
        }
        let row = rows.last_mut().expect("a row was pushed");
        row.months += 1;
        row.plan.add(p);
        row.baseline.add(b);
        row.delta_cash_flow += p.cash_flow - b.cash_flow;
        cumulative += p.cash_flow - b.cash_flow;
        row.cumulative_delta = cumulative;
    }
    rows
}

/// The summary of a projection, in the order of ECONOMICS.md §11.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// The conversion plan.
    pub plan: Totals,
    /// Keep mining.
    pub baseline: Totals,
    /// `npv_plan − npv_baseline`, $.
    pub npv_advantage: f64,
    /// The part of the NPV advantage the terminal values make, $.
    pub npv_advantage_terminal: f64,
    /// Yearly IRR of the incremental cash flow, as a fraction (0.048 = 4.8 %/yr).
    pub irr_incremental: Option<f64>,
    /// Month from which the cumulative incremental operating cash stays ≥ 0.
    pub payback_month: Option<YearMonth>,
    /// The most the plan's cumulative operating cash falls behind keep-mining, $.
    pub peak_funding_usd: f64,
    /// The first month that shortfall is reached.
    pub peak_funding_month: Option<YearMonth>,
    /// Starting BTC price at which the NPV advantage is zero, $.
    pub breakeven_btc_usd: Option<f64>,
    /// GPU rate ($/GPU-hour) or lease rate ($/kW-month) at which the NPV advantage is zero.
    pub breakeven_ai_rate: Option<f64>,
    /// UTC date of the next halving after the start.
    pub next_halving: Date,
    /// First month the keep-mining fleet is switched off.
    pub baseline_dark_month: Option<YearMonth>,
    /// Power price at which the baseline's first month of mining just pays its power, $/MWh.
    pub mining_breakeven_power: Option<f64>,
    /// Yearly IRR of the equity's incremental cash (the plan's equity cash less keep-mining's
    /// cash flow), as a fraction; `irr_incremental` without debt.
    pub equity_irr: Option<f64>,
    /// The most the equity's cumulative operating cash falls behind keep-mining, $
    /// (`peak_funding_usd` without debt).
    pub peak_equity_usd: f64,
    /// The first month that shortfall is reached.
    pub peak_equity_month: Option<YearMonth>,
    /// The largest balance of debt owed at the end of a month, capitalized interest included,
    /// before the balloon, $.
    pub debt_peak_usd: f64,
    /// The smallest yearly cover (`dscr`) of the years with debt service, a ratio.
    pub min_dscr: Option<f64>,
    /// The year of `min_dscr` (the first on a tie).
    pub min_dscr_year: Option<i32>,
    /// Present value of selling the land and the fleet at the start, $ (§8c).
    pub npv_sell: f64,
    /// Which of converting, keeping mining and selling has the largest NPV.
    pub best_choice: super::Choice,
}

/// The payback month and peak funding of the operating incremental cash `delta_op`, with month
/// 0 at `start`.
pub fn operating(
    start: YearMonth,
    delta_op: &[f64],
) -> (Option<YearMonth>, f64, Option<YearMonth>) {
    let (peak, month) = peak(start, delta_op);
    let payback = finance::payback_month(delta_op).map(|m| start.plus(m as i32));
    (payback, peak, month)
}

/// The peak funding of the operating incremental cash `delta_op`, $, and the first month it is
/// reached, with month 0 at `start` ([`finance::peak_funding`]).
pub fn peak(start: YearMonth, delta_op: &[f64]) -> (f64, Option<YearMonth>) {
    let (peak, month) = finance::peak_funding(delta_op);
    (peak, month.map(|m| start.plus(m as i32)))
}
