//! The economics of ECONOMICS.md (schema 3): pure functions from a [`Scenario`] to a monthly
//! projection of the conversion plan against the keep-mining baseline, its yearly table and its
//! summary.

pub mod clock;
pub mod debt;
mod evaluator;
pub mod finance;
pub mod flows;
pub mod levers;
pub mod market;
pub mod sell;
pub mod site;
pub mod summary;

pub use evaluator::Evaluator;
pub use flows::{Field, Flows, Sign};
pub use levers::Levers;
pub use market::MarketMonth;
pub use sell::Choice;
pub use site::Tranche;
pub use summary::{Summary, Totals, YearRow, YearTotals};

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
    /// Power price paid by mining, $/MWh.
    pub power_usd_mwh: f64,
    /// The conversion plan.
    pub plan: Flows,
    /// Keep mining (`conv = 0`).
    pub baseline: Flows,
}

impl MonthRow {
    /// The market fields of a row after `month` and `days`, in output order;
    /// [`MonthRow::market_values`] gives them.
    pub const MARKET_FIELDS: [Field; 7] = [
        Field::new("height", "blocks", Sign::NonNegative),
        Field::new("subsidy_btc", "BTC/block", Sign::NonNegative),
        Field::new("reward_btc", "BTC", Sign::NonNegative),
        Field::new("btc_usd", "$", Sign::NonNegative),
        Field::new("network_ehs", "EH/s", Sign::NonNegative),
        Field::new("hashprice_usd_ph_day", "$/PH/day", Sign::NonNegative),
        Field::new("power_usd_mwh", "$/MWh", Sign::NonNegative),
    ];

    /// The values of [`MonthRow::MARKET_FIELDS`], in that order.
    pub fn market_values(&self) -> [f64; 7] {
        [
            self.height,
            self.subsidy_btc,
            self.reward_btc,
            self.btc_usd,
            self.network_ehs,
            self.hashprice_usd_ph_day,
            self.power_usd_mwh,
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
    /// One row per calendar year.
    pub years: Vec<YearRow>,
    /// Totals and headline numbers.
    pub summary: Summary,
    /// The plan's conversion tranches (some may start after the horizon).
    pub tranches: Vec<Tranche>,
    /// Months (0-based) in which a halving happens.
    pub halving_months: Vec<usize>,
    /// The NPV split used for breakevens, the break-even map and Monte Carlo.
    pub levers: Levers,
    /// The incremental cash, $ a month: the plan's cash flow less keep-mining's (`Δ(m)`).
    pub incremental_cash: Vec<f64>,
    /// The plan's debt owed at the end of each month, $ (ECONOMICS.md §8b): capitalized
    /// interest included, after that month's draws and instalments and before the balloon, so
    /// the last month's value is the balloon repaid in that month
    /// ([`Projection::balloon_usd`]). All 0 without debt.
    pub debt_balance: Vec<f64>,
}

impl Projection {
    /// Every yearly IRR (a fraction: 0.12 is 12 %/yr) of the incremental cash (plan −
    /// keep-mining, month by month) in ECONOMICS.md's range, nearest zero first: the first is `summary.irr_incremental`; more
    /// than one when that cash changes sign more than once ([`finance::irrs`]).
    pub fn incremental_irrs(&self) -> Vec<f64> {
        let delta = &self.incremental_cash;
        match self.summary.irr_incremental {
            None => Vec::new(),
            Some(r) if finance::sign_changes(delta) < 2 => vec![r],
            Some(_) => finance::irrs(delta),
        }
    }

    /// The balloon, $: the debt still owed after the last month's instalments, repaid in the
    /// last month as part of its `principal` (0 without debt).
    pub fn balloon_usd(&self) -> f64 {
        self.debt_balance.last().copied().unwrap_or(0.0)
    }

    /// The equity's operating incremental cash, $ a month (`Δe_op`, ECONOMICS.md §8b): the
    /// plan's equity cash less keep-mining's cash flow, without the terminal values and with
    /// the balloon added back; the deepest its running sum goes is `summary.peak_equity_usd`.
    /// Without debt it is the operating incremental cash, whose deepest is the peak funding.
    pub fn equity_operating_cash(&self) -> Vec<f64> {
        let last = self.months.len().saturating_sub(1);
        (self.months.iter().enumerate())
            .map(|(m, r)| {
                let balloon = if m == last { self.balloon_usd() } else { 0.0 };
                debt::equity_operating(&r.plan, &r.baseline, balloon)
            })
            .collect()
    }

    /// Whether the plan owes its lenders anything in some month (`debt_peak_usd > 0`): only
    /// then has its equity a view of its own (the page's equity cards, summary sentence, yearly
    /// columns and Funding lines).
    pub fn borrows(&self) -> bool {
        self.summary.debt_peak_usd > 0.0
    }

    /// Whether a tranche starts building inside the horizon: otherwise the plan is the
    /// baseline, and nothing converts.
    pub fn converts(&self) -> bool {
        site::converts_within(&self.tranches, self.months.len())
    }
}

/// The market path, tranches and both variants' flows of a scenario.
struct Core {
    market: Vec<MarketMonth>,
    tranches: Vec<Tranche>,
    plan: flows::Variant,
    baseline: flows::Variant,
    /// Discount divisors of the mining line (`rate`).
    mining_divisors: Vec<f64>,
    /// Discount divisors of the AI line (`airate`).
    ai_divisors: Vec<f64>,
}

impl Core {
    fn new(s: &Scenario, tranches: Vec<Tranche>) -> Self {
        let market = market::market(s);
        let plan = flows::simulate(s, &market, &tranches);
        let baseline = flows::simulate(s, &market, &[]);
        let n = market.len();
        Core {
            mining_divisors: finance::discount_divisors(s.get(Key::Rate) / 100.0, n),
            ai_divisors: finance::discount_divisors(s.get(Key::Airate) / 100.0, n),
            market,
            tranches,
            plan,
            baseline,
        }
    }

    /// The NPV advantage of the plan, $.
    fn npv_advantage(&self) -> f64 {
        let npv = |v| npv_of(v, &self.mining_divisors, &self.ai_divisors);
        npv(&self.plan) - npv(&self.baseline)
    }
}

/// The NPV of a variant's monthly flows: the mining line and the AI line at their divisors, $.
fn npv_of(v: &flows::Variant, mining_divisors: &[f64], ai_divisors: &[f64]) -> f64 {
    v.flows
        .iter()
        .enumerate()
        .map(|(m, f)| f.mining_cf() / mining_divisors[m] + f.ai_cf() / ai_divisors[m])
        .sum()
}

/// The NPV advantage of the plan over keep-mining alone, $ (what [`run`] reports, without the
/// IRR, payback and breakevens).
pub fn npv_advantage(s: &Scenario) -> f64 {
    Core::new(s, site::tranches(s)).npv_advantage()
}

/// Runs the model: market path, plan and baseline with the plan's debt, yearly table, summary
/// with IRR, payback, peak funding, breakevens and the equity's view.
pub fn run(s: &Scenario) -> Projection {
    let mut core = Core::new(s, site::tranches(s));
    let debt = debt::schedule(s, &core.tranches, core.market.len());
    if let Some(d) = &debt {
        d.apply(&mut core.plan.flows);
    }
    let Core {
        market,
        tranches,
        plan,
        baseline,
        mining_divisors,
        ai_divisors,
    } = &core;
    let n = market.len();
    let start = s.month(Key::Start);
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
            power_usd_mwh: mk.mining_power_price,
            plan: *p,
            baseline: *b,
        })
        .collect();

    let levers = Levers {
        discount: mining_divisors.iter().map(|d| 1.0 / d).collect(),
        shutoff: s.get(Key::Shutoff) == 1.0,
        elas: s.get(Key::Elas),
        plan: levers::VariantLevers::new(plan, mining_divisors, ai_divisors),
        baseline: levers::VariantLevers::new(baseline, mining_divisors, ai_divisors),
    };
    let plan_totals = Totals::of(&plan.flows, mining_divisors, ai_divisors);
    let baseline_totals = Totals::of(&baseline.flows, mining_divisors, ai_divisors);
    let npv_advantage = plan_totals.npv - baseline_totals.npv;
    let pairs = || plan.flows.iter().zip(&baseline.flows);
    let delta: Vec<f64> = pairs().map(|(p, b)| p.cash_flow - b.cash_flow).collect();
    let delta_op: Vec<f64> = pairs()
        .map(|(p, b)| p.operating_cash_flow() - b.operating_cash_flow())
        .collect();
    let npv_advantage_terminal = pairs()
        .enumerate()
        .map(|(m, (p, b))| {
            (p.terminal_mining - b.terminal_mining) / mining_divisors[m]
                + (p.terminal_ai - b.terminal_ai) / ai_divisors[m]
        })
        .sum();
    let (payback_month, peak_funding_usd, peak_funding_month) =
        summary::operating(start, &delta_op);
    // The plan differs from the baseline only when a tranche starts building inside the horizon.
    let converts = site::converts_within(tranches, n);
    let uptime = s.get(Key::Uptime) / 100.0;
    let npv_sell = sell::npv_sell(s);
    let irr_incremental = finance::irr(&delta);
    let mut years = summary::years(start, &plan.flows, &baseline.flows);
    let (equity_irr, peak_equity_usd, peak_equity_month) = match &debt {
        Some(d) => {
            d.cover(&mut years, &plan.flows, &plan.prepay_credits);
            d.equity(start, &plan.flows, &baseline.flows)
        }
        None => (irr_incremental, peak_funding_usd, peak_funding_month),
    };
    let min_dscr = debt::min_dscr(&years);
    let summary = Summary {
        plan: plan_totals,
        baseline: baseline_totals,
        npv_advantage,
        npv_advantage_terminal,
        irr_incremental,
        payback_month,
        peak_funding_usd,
        peak_funding_month,
        breakeven_btc_usd: converts
            .then(|| levers.breakeven_price_scale())
            .flatten()
            .map(|k| s.get(Key::Btc) * k),
        breakeven_ai_rate: converts
            .then(|| levers.breakeven_ai_scale(npv_advantage))
            .flatten()
            .map(|k| s.get(s.ai_rate_key()) * k),
        next_halving: clock::next_halving(market[0].h_start, s.get(Key::Blockmin)).1,
        baseline_dark_month: baseline
            .dark
            .iter()
            .position(|&d| d)
            .map(|m| start.plus(m as i32)),
        mining_breakeven_power: (uptime > 0.0)
            .then(|| baseline.potential_revenue[0] / (uptime * s.get(Key::Mw) * market[0].hours)),
        equity_irr,
        peak_equity_usd,
        peak_equity_month,
        debt_peak_usd: debt.as_ref().map_or(0.0, debt::Debt::peak),
        min_dscr: min_dscr.map(|(d, _)| d),
        min_dscr_year: min_dscr.map(|(_, y)| y),
        npv_sell,
        best_choice: sell::best_choice(plan_totals.npv, baseline_totals.npv, npv_sell, converts),
    };
    let halving_months = (0..n)
        .filter(|&m| market[m].halvings > if m == 0 { 0 } else { market[m - 1].halvings })
        .collect();
    Projection {
        scenario: *s,
        years,
        months,
        summary,
        tranches: tranches.clone(),
        halving_months,
        levers,
        incremental_cash: delta,
        debt_balance: debt.map_or_else(|| vec![0.0; n], |d| d.balance),
    }
}
