//! Monthly cash flows of one variant of the site (ECONOMICS.md §6–§8): mining with shut-off and
//! a dark fleet's opex, ASIC resale, GPU cloud or colocation with ramp-up, a fixed-price
//! contract and its prepayment, conversion, GPU and refit capex, and the terminal values.

use super::market::MarketMonth;
use super::site::{self, Tranche};
use crate::scenario::{AiModel, Key, Scenario, TerminalValue};
use serde::Serialize;

/// One month of one variant (plan or baseline). Money in $, power in MW, bitcoin in BTC.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Flows {
    /// Gross MW still mining, `M(m)`.
    pub mining_mw: f64,
    /// Live AI IT load, MW, `A(m)/itratio`.
    pub ai_it_mw: f64,
    /// BTC mined after pool fee.
    pub btc_mined: f64,
    /// `btc_mined · P(m)`, $.
    pub mining_revenue: f64,
    /// Power bought for mining, $.
    pub mining_power: f64,
    /// Fixed mining opex, $ (a share `dark` of it when the fleet is off).
    pub mining_opex: f64,
    /// Resale of the ASICs a tranche retires, $ (in its first construction month).
    pub asic_sales: f64,
    /// GPU rentals or lease income, $.
    pub ai_revenue: f64,
    /// Power bought for the AI hall, $ (0 for colocation).
    pub ai_power: f64,
    /// AI operating cost, $.
    pub ai_opex: f64,
    /// Customer prepayment, $: received at construction start, then paid back through lower
    /// bills in the contract months.
    pub prepayment: f64,
    /// Conversion, GPU and refit capex, $.
    pub capex: f64,
    /// Value of the powered land not live as an AI hall at the horizon, $ (last month only).
    pub terminal_mining: f64,
    /// Value of the halls and GPUs at the horizon, $ (last month only).
    pub terminal_ai: f64,
    /// Net cash flow, $: `mining_cf + ai_cf`.
    pub cash_flow: f64,
    /// Borrowed, $: `ltc/100 · capex` (ECONOMICS.md §8b; 0 in the baseline).
    pub debt_draw: f64,
    /// Interest paid in cash, $ (capitalized interest is repaid through `principal`).
    pub interest: f64,
    /// Debt repaid, $: the instalments and, in the last month, the balloon.
    pub principal: f64,
    /// The equity's cash, $: `cash_flow + debt_draw − interest − principal`.
    pub equity_cf: f64,
}

/// Whether a field can be negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// Never below zero.
    NonNegative,
    /// Any sign.
    Any,
}

/// A numeric output field: its JSON name, its unit (for CSV headers) and its sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// Name in the JSON output.
    pub name: &'static str,
    /// Unit, as printed in CSV headers.
    pub unit: &'static str,
    /// Whether it can be negative.
    pub sign: Sign,
}

impl Field {
    /// A field named `name`, in `unit`.
    pub const fn new(name: &'static str, unit: &'static str, sign: Sign) -> Field {
        Field { name, unit, sign }
    }
}

use Sign::{Any, NonNegative};

impl Flows {
    /// The fields of [`Flows`], in output order; [`Flows::values`] gives them.
    pub const FIELDS: [Field; 19] = [
        Field::new("mining_mw", "MW", NonNegative),
        Field::new("ai_it_mw", "MW", NonNegative),
        Field::new("btc_mined", "BTC", NonNegative),
        Field::new("mining_revenue", "$", NonNegative),
        Field::new("mining_power", "$", NonNegative),
        Field::new("mining_opex", "$", NonNegative),
        Field::new("asic_sales", "$", NonNegative),
        Field::new("ai_revenue", "$", NonNegative),
        Field::new("ai_power", "$", NonNegative),
        Field::new("ai_opex", "$", NonNegative),
        Field::new("prepayment", "$", Any),
        Field::new("capex", "$", NonNegative),
        Field::new("terminal_mining", "$", NonNegative),
        Field::new("terminal_ai", "$", NonNegative),
        Field::new("cash_flow", "$", Any),
        Field::new("debt_draw", "$", NonNegative),
        Field::new("interest", "$", NonNegative),
        Field::new("principal", "$", NonNegative),
        Field::new("equity_cf", "$", Any),
    ];

    /// The values of [`Flows::FIELDS`], in that order.
    pub fn values(&self) -> [f64; 19] {
        [
            self.mining_mw,
            self.ai_it_mw,
            self.btc_mined,
            self.mining_revenue,
            self.mining_power,
            self.mining_opex,
            self.asic_sales,
            self.ai_revenue,
            self.ai_power,
            self.ai_opex,
            self.prepayment,
            self.capex,
            self.terminal_mining,
            self.terminal_ai,
            self.cash_flow,
            self.debt_draw,
            self.interest,
            self.principal,
            self.equity_cf,
        ]
    }

    /// Revenue, $: mining plus AI.
    pub fn revenue(&self) -> f64 {
        self.mining_revenue + self.ai_revenue
    }

    /// Revenue − power − opex (mining and AI), $.
    pub fn ebitda(&self) -> f64 {
        self.mining_revenue - self.mining_power - self.mining_opex + self.ai_revenue
            - self.ai_power
            - self.ai_opex
    }

    /// The mining line's cash, $: `mining_revenue − mining_power − mining_opex + asic_sales +
    /// terminal_mining` (discounted at `rate`).
    pub fn mining_cf(&self) -> f64 {
        self.mining_revenue - self.mining_power - self.mining_opex
            + self.asic_sales
            + self.terminal_mining
    }

    /// The AI line's cash, $: `ai_revenue − ai_power − ai_opex + prepayment − capex +
    /// terminal_ai` (discounted at `airate`).
    pub fn ai_cf(&self) -> f64 {
        self.ai_revenue - self.ai_power - self.ai_opex + self.prepayment - self.capex
            + self.terminal_ai
    }

    /// Both terminal values, $.
    pub fn terminal(&self) -> f64 {
        self.terminal_mining + self.terminal_ai
    }

    /// The cash flow without the terminal values, $: what operations (and capex) bring in.
    pub fn operating_cash_flow(&self) -> f64 {
        self.cash_flow - self.terminal()
    }

    /// The flows that EBITDA and capex leave out of the cash flow (ECONOMICS.md §11): ASIC
    /// sales, prepayment and both terminal values, $; `cash_flow = ebitda − capex + this`.
    pub fn other_flows(&self) -> f64 {
        self.asic_sales + self.prepayment + self.terminal()
    }

    /// Sets `cash_flow` from the other fields: the one place the cash-flow formula is written;
    /// and the equity's cash with it.
    fn settle(&mut self) {
        self.cash_flow = self.mining_cf() + self.ai_cf();
        self.settle_equity();
    }

    /// Sets the month's debt lines, $ (ECONOMICS.md §8b), and the equity's cash they leave.
    pub fn finance(&mut self, debt_draw: f64, interest: f64, principal: f64) {
        (self.debt_draw, self.interest, self.principal) = (debt_draw, interest, principal);
        self.settle_equity();
    }

    /// Sets `equity_cf` from the cash flow and the debt lines: the one place the equity-cash
    /// formula is written.
    fn settle_equity(&mut self) {
        self.equity_cf = self.cash_flow + self.debt_draw - self.interest - self.principal;
    }
}

/// The monthly flows of one variant, and what the levers of [`super::levers`] need: what mining
/// would earn and pay were it never shut off, and the part of the AI cash proportional to the
/// AI rate.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Variant {
    /// Flows per month.
    pub flows: Vec<Flows>,
    /// Mining revenue before shut-off, $, at the scenario's price path.
    pub potential_revenue: Vec<f64>,
    /// Mining power cost before shut-off, $.
    pub potential_power: Vec<f64>,
    /// Mining opex while the fleet runs, $.
    pub opex_on: Vec<f64>,
    /// Mining opex while the fleet is off, $.
    pub opex_off: Vec<f64>,
    /// Whether the fleet is off, per month.
    pub dark: Vec<bool>,
    /// The part of the AI line's cash proportional to the AI rate (`gpu` or `colo`), $.
    pub ai_rate_part: Vec<f64>,
    /// The prepayment credits, $: what customers pay less in contract months, as a positive
    /// amount (the up-front payment left out; ECONOMICS.md §7, read by §8b's cover).
    pub prepay_credits: Vec<f64>,
    /// GPU revenue of the months no contract fixes (`e ≥ cterm`), $: what the Monte Carlo's
    /// AI-rate index moves (ECONOMICS.md §10).
    pub open_revenue: Vec<f64>,
    /// The part of the AI line's cash proportional to `open_revenue` (net of its opex), $.
    pub open_part: Vec<f64>,
    /// The halls' terminal value at the market lease rate (`tv = market`), $, credited in the
    /// last month; 0 under book value. It is proportional to `colo`.
    pub hall_value: f64,
}

impl Variant {
    /// Makes this a copy of `other`, reusing its memory.
    pub fn copy_from(&mut self, other: &Variant) {
        // Every field, named, so that a new one is not forgotten.
        let Variant {
            flows,
            potential_revenue,
            potential_power,
            opex_on,
            opex_off,
            dark,
            ai_rate_part,
            prepay_credits,
            open_revenue,
            open_part,
            hall_value,
        } = other;
        self.flows.clone_from(flows);
        self.potential_revenue.clone_from(potential_revenue);
        self.potential_power.clone_from(potential_power);
        self.opex_on.clone_from(opex_on);
        self.opex_off.clone_from(opex_off);
        self.dark.clone_from(dark);
        self.ai_rate_part.clone_from(ai_rate_part);
        self.prepay_credits.clone_from(prepay_credits);
        self.open_revenue.clone_from(open_revenue);
        self.open_part.clone_from(open_part);
        self.hall_value = *hall_value;
    }
}

/// Simulates the site with the given tranches (empty for the keep-mining baseline).
pub fn simulate(s: &Scenario, market: &[MarketMonth], tranches: &[Tranche]) -> Variant {
    let mut v = Variant::default();
    simulate_into(s, market, tranches, &mut v, &mut AiFactors::default());
    v
}

/// [`simulate`] into `v`, reusing its memory and the AI price factors in `factors` (for the many
/// runs of an [`super::Evaluator`]).
pub fn simulate_into(
    s: &Scenario,
    market: &[MarketMonth],
    tranches: &[Tranche],
    v: &mut Variant,
    factors: &mut AiFactors,
) {
    mine_into(s, market, tranches, v);
    add_ai(s, market, tranches, v, factors);
}

/// The first phase of [`simulate_into`]: `v` afresh with the mining side of every month, which
/// reads only the market, the tranches and the [`MINING`] keys.
pub fn mine_into(s: &Scenario, market: &[MarketMonth], tranches: &[Tranche], v: &mut Variant) {
    let n = market.len();
    v.flows.clear();
    v.flows.resize(n, Flows::default());
    for column in [
        &mut v.ai_rate_part,
        &mut v.prepay_credits,
        &mut v.open_revenue,
        &mut v.open_part,
    ] {
        column.clear();
        column.resize(n, 0.0);
    }
    v.hall_value = 0.0;
    for column in [
        &mut v.potential_revenue,
        &mut v.potential_power,
        &mut v.opex_on,
        &mut v.opex_off,
    ] {
        column.clear();
    }
    v.dark.clear();
    mine(s, market, tranches, v);
}

/// The keys the mining side of a variant reads ([`mine_into`]), besides the market's.
pub const MINING: [Key; 10] = [
    Key::Mw,
    Key::Uptime,
    Key::Pool,
    Key::Mopex,
    Key::Dark,
    Key::Shutoff,
    Key::Mpue,
    Key::Jth,
    Key::Itratio,
    Key::Asicp,
];

/// The second phase of [`simulate_into`]: the AI side of every month and the cash flows, on a
/// variant `v` that [`mine_into`] filled with the same market and tranches.
pub fn add_ai(
    s: &Scenario,
    market: &[MarketMonth],
    tranches: &[Tranche],
    v: &mut Variant,
    factors: &mut AiFactors,
) {
    let n = market.len();
    // The baseline, without tranches, never reads the AI price factors.
    let ai = AiSpec::new(s, if tranches.is_empty() { 0 } else { n }, factors);
    for t in tranches {
        ai.add_tranche(t, market, v);
    }
    ai.terminal(s, tranches, v);
    for (f, part) in v.flows.iter_mut().zip(&mut v.ai_rate_part) {
        f.ai_opex = ai.opex_share * f.ai_revenue;
        *part += f.ai_revenue - f.ai_opex;
        f.settle();
    }
    for (open, revenue) in v.open_part.iter_mut().zip(&v.open_revenue) {
        *open = revenue - ai.opex_share * revenue;
    }
}

/// The mining side of every month: the fleet on what is not converted, shut off in months
/// whose revenue is below its power cost, and the ASICs each tranche retires sold.
fn mine(s: &Scenario, market: &[MarketMonth], tranches: &[Tranche], v: &mut Variant) {
    let site_mw = s.get(Key::Mw);
    let uptime = s.get(Key::Uptime) / 100.0;
    let keep_after_pool = 1.0 - s.get(Key::Pool) / 100.0;
    let mopex = s.get(Key::Mopex);
    let dark_share = s.get(Key::Dark) / 100.0;
    let shutoff = s.get(Key::Shutoff) == 1.0;
    let ph_per_mw = 1000.0 / (s.get(Key::Mpue) * s.get(Key::Jth));
    let itratio = s.get(Key::Itratio);
    for (m, mk) in market.iter().enumerate() {
        let split = site::split(site_mw, tranches, m);
        let fleet_phs = split.mining * ph_per_mw;
        let btc = uptime * fleet_phs / (mk.network_ehs * 1000.0) * mk.reward * keep_after_pool;
        let revenue = btc * mk.price;
        let power = uptime * split.mining * mk.hours * mk.mining_power_price;
        let opex = split.mining * mopex;
        let off = shutoff && revenue < power;
        let f = &mut v.flows[m];
        f.mining_mw = split.mining;
        f.ai_it_mw = split.live / itratio;
        if off {
            f.mining_opex = opex * dark_share;
        } else {
            (f.btc_mined, f.mining_revenue, f.mining_power) = (btc, revenue, power);
            f.mining_opex = opex;
        }
        v.potential_revenue.push(revenue);
        v.potential_power.push(power);
        v.opex_on.push(opex);
        v.opex_off.push(opex * dark_share);
        v.dark.push(off);
    }
    // TH/s per gross MW, times $/TH.
    let asic_per_mw = 1e6 / (s.get(Key::Mpue) * s.get(Key::Jth)) * s.get(Key::Asicp);
    for t in tranches.iter().filter(|t| t.build_start < market.len()) {
        v.flows[t.build_start].asic_sales += t.mw * asic_per_mw;
    }
}

/// The AI price factors of a variant, kept for the next one whose inputs give the same: the GPU
/// price's decline by age, and the lease escalator by year.
#[derive(Debug, Default)]
pub struct AiFactors {
    /// `1 − gpudecl/100` (its bits) and the number of ages, with `decline^(a/12)` for each age
    /// `a` in months.
    decline: ((u64, usize), Vec<f64>),
    /// `1 + esc/100` (its bits) and the number of years, with `step^y` for each lease year `y`.
    escalator: ((u64, usize), Vec<f64>),
}

impl AiFactors {
    /// The factors for a yearly decline keep `keep` over `ages` months and a yearly escalator
    /// step `step` over `years` years, computed unless they are those kept.
    fn of(&mut self, keep: f64, ages: usize, step: f64, years: usize) -> &Self {
        if self.decline.0 != (keep.to_bits(), ages) {
            self.decline = (
                (keep.to_bits(), ages),
                super::finance::monthly_powers(keep, 0, ages),
            );
        }
        if self.escalator.0 != (step.to_bits(), years) {
            self.escalator = (
                (step.to_bits(), years),
                (0..years).map(|y| libm::pow(step, y as f64)).collect(),
            );
        }
        self
    }
}

/// The plan's capex (ECONOMICS.md §7): each tranche's conversion, spread over its
/// construction, and its GPU purchases with their refits.
#[derive(Clone, Copy, Debug)]
pub struct Capex {
    model: AiModel,
    /// Conversion capex, $ per MW of IT load.
    per_it_mw: f64,
    /// Hall rework at each GPU refresh after the first purchase, $ per MW of IT load.
    refit_per_it_mw: f64,
    /// Construction time of a tranche, months.
    build_months: usize,
    /// GPUs per MW of IT load.
    gpus_per_it_mw: f64,
    /// Installed cost per GPU, $.
    gpu_cost: f64,
    /// GPU refresh period, months.
    refresh: usize,
}

impl Capex {
    /// The capex inputs of `s`.
    pub fn new(s: &Scenario) -> Self {
        Capex {
            model: s.ai(),
            per_it_mw: s.get(Key::Capex) * 1e6,
            refit_per_it_mw: s.get(Key::Refit) * 1e6,
            build_months: s.int(Key::Cbuild) as usize,
            gpus_per_it_mw: s.get(Key::Gpumw),
            gpu_cost: s.get(Key::Gpucost),
            refresh: 12 * s.int(Key::Gpulife) as usize,
        }
    }

    /// GPUs in a tranche, `G = I · gpumw`.
    fn gpus(&self, t: &Tranche) -> f64 {
        t.it_mw * self.gpus_per_it_mw
    }

    /// The months of the first `n` a tranche's conversion capex is charged in, in order, and
    /// how much each, $.
    pub fn conversion(&self, t: &Tranche, n: usize) -> impl Iterator<Item = (usize, f64)> {
        let total = self.per_it_mw * t.it_mw;
        let (months, each) = if self.build_months == 0 {
            (t.live..t.live + 1, total)
        } else {
            (t.build_start..t.live, total / self.build_months as f64)
        };
        months.filter(move |&m| m < n).map(move |m| (m, each))
    }

    /// The GPU purchases of a tranche in the first `n` months, in order: month and cost with
    /// its refit, $.
    pub fn purchases(&self, t: &Tranche, n: usize) -> impl Iterator<Item = (usize, f64)> + use<> {
        let t = *t;
        let batch = self.gpus(&t) * self.gpu_cost;
        let refit = self.refit_per_it_mw * t.it_mw;
        let gpu = self.model == AiModel::Gpu;
        (t.live..n)
            .step_by(self.refresh)
            .filter(move |_| gpu)
            .map(move |q| (q, if q == t.live { batch } else { batch + refit }))
    }

    /// All of a tranche's capex in the first `n` months: its conversion, then its purchases.
    pub fn of(&self, t: &Tranche, n: usize) -> impl Iterator<Item = (usize, f64)> + use<'_> {
        self.conversion(t, n).chain(self.purchases(t, n))
    }
}

/// The AI inputs, with the per-age price factors computed once.
struct AiSpec<'a> {
    model: AiModel,
    capex: Capex,
    ramp_months: f64,
    opex_share: f64,
    pue: f64,
    gpu_price: f64,
    util: f64,
    hall_life_months: f64,
    lease_per_kw: f64,
    lease_keep: f64,
    cap_rate: f64,
    contract_months: usize,
    /// `prepay/100` when a contract has a prepayment, else 0.
    prepay: f64,
    terminal: TerminalValue,
    land_per_mw: f64,
    /// `(1 − gpudecl/100)^(a/12)` for GPU age `a` in months.
    decline: &'a [f64],
    /// `(1 + esc/100)^y` for lease year `y`.
    escalator: &'a [f64],
}

impl<'a> AiSpec<'a> {
    /// The AI inputs of `s`, with the price factors of `n` months (from `factors` when they
    /// have them).
    fn new(s: &Scenario, n: usize, factors: &'a mut AiFactors) -> Self {
        let capex = Capex::new(s);
        let keep = 1.0 - s.get(Key::Gpudecl) / 100.0;
        let step = 1.0 + s.get(Key::Esc) / 100.0;
        let contract_months = s.int(Key::Cterm) as usize;
        let factors = factors.of(keep, capex.refresh.min(n), step, n / 12 + 1);
        AiSpec {
            model: s.ai(),
            capex,
            ramp_months: s.get(Key::Ramp),
            opex_share: match s.ai() {
                AiModel::Gpu => s.get(Key::Gpuopex),
                AiModel::Colo => s.get(Key::Coloopex),
            } / 100.0,
            pue: s.get(Key::Pue),
            gpu_price: s.get(Key::Gpu),
            util: s.get(Key::Util) / 100.0,
            hall_life_months: 12.0 * s.get(Key::Dclife),
            lease_per_kw: s.get(Key::Colo),
            lease_keep: 1.0 - s.get(Key::Coloopex) / 100.0,
            cap_rate: s.get(Key::Caprate) / 100.0,
            contract_months,
            prepay: if contract_months > 0 {
                s.get(Key::Prepay) / 100.0
            } else {
                0.0
            },
            terminal: s.terminal(),
            land_per_mw: s.get(Key::Landv) * 1e6,
            decline: &factors.decline.1,
            escalator: &factors.escalator.1,
        }
    }

    /// The share of a tranche's capacity billed in its `e`-th live month, `φ(e)`.
    fn ramp(&self, e: usize) -> f64 {
        if self.ramp_months == 0.0 {
            1.0
        } else {
            ((e as f64 + 0.5) / self.ramp_months).min(1.0)
        }
    }

    /// Adds a tranche's capex, revenue, power and prepayment to the months of `v`.
    fn add_tranche(&self, t: &Tranche, market: &[MarketMonth], v: &mut Variant) {
        let n = market.len();
        for (m, c) in self.capex.of(t, n) {
            v.flows[m].capex += c;
        }
        let mut contract_revenue = 0.0;
        for (m, mk) in market.iter().enumerate().skip(t.live) {
            let e = m - t.live;
            let share = self.ramp(e);
            let f = &mut v.flows[m];
            let revenue = match self.model {
                AiModel::Gpu => {
                    let a = e % self.capex.refresh;
                    let rate = if e < self.contract_months {
                        self.gpu_price
                    } else {
                        self.gpu_price * self.decline[a]
                    };
                    f.ai_power +=
                        t.it_mw * self.pue * self.util * share * mk.hours * mk.ai_power_price;
                    self.capex.gpus(t) * mk.hours * self.util * share * rate
                }
                AiModel::Colo => {
                    t.it_mw * 1000.0 * self.lease_per_kw * self.escalator[e / 12] * share
                }
            };
            f.ai_revenue += revenue;
            if self.model == AiModel::Gpu && e >= self.contract_months {
                v.open_revenue[m] += revenue;
            }
            if e < self.contract_months && self.prepay > 0.0 {
                contract_revenue += revenue;
                f.prepayment -= self.prepay * revenue;
                v.ai_rate_part[m] -= self.prepay * revenue;
                v.prepay_credits[m] += self.prepay * revenue;
            }
        }
        if contract_revenue > 0.0 {
            v.flows[t.build_start].prepayment += self.prepay * contract_revenue;
            v.ai_rate_part[t.build_start] += self.prepay * contract_revenue;
        }
    }

    /// Credits the terminal values to the last month (ECONOMICS.md §8).
    fn terminal(&self, s: &Scenario, tranches: &[Tranche], v: &mut Variant) {
        let n = v.flows.len();
        let Some(last) = n.checked_sub(1) else {
            return;
        };
        let mut ai = 0.0;
        let mut hall_lease_value = 0.0;
        for t in tranches {
            let counted: f64 = self.capex.conversion(t, n).map(|(_, c)| c).sum();
            let gpus: f64 = self
                .capex
                .purchases(t, n)
                .map(|(q, cost)| cost * (1.0 - (n - q) as f64 / self.capex.refresh as f64).max(0.0))
                .sum();
            ai += match self.terminal {
                TerminalValue::Book => {
                    let lived = n.saturating_sub(t.live) as f64;
                    counted * (1.0 - lived / self.hall_life_months).max(0.0) + gpus
                }
                TerminalValue::Market if t.live <= last => {
                    let hall = 12.0
                        * t.it_mw
                        * 1000.0
                        * self.lease_per_kw
                        * self.escalator[(n - t.live) / 12]
                        * self.lease_keep
                        / self.cap_rate;
                    hall_lease_value += hall;
                    hall + gpus
                }
                TerminalValue::Market => counted,
            };
        }
        let f = &mut v.flows[last];
        f.terminal_ai = ai;
        if self.terminal == TerminalValue::Market {
            let live_ai_mw = site::split(s.get(Key::Mw), tranches, last).live;
            // `max`: the whole site live as halls leaves no land, not −1e-13 MW of it.
            f.terminal_mining = self.land_per_mw * (s.get(Key::Mw) - live_ai_mw).max(0.0);
        }
        if self.model == AiModel::Colo {
            // The hall's lease value moves with the lease rate like the rent does.
            v.ai_rate_part[last] += hall_lease_value;
        }
        v.hall_value = hall_lease_value;
    }
}
