//! Monthly cash flows of one variant of the site (ECONOMICS.md §6–§8): mining with shut-off,
//! GPU cloud or colocation, conversion and GPU capex, residual value.

use super::market::MarketMonth;
use super::site::{self, Tranche};
use crate::scenario::{AiModel, Key, Scenario};
use serde::Serialize;

/// One month of one variant (plan or baseline). Money in $, power in MW, bitcoin in BTC.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Flows {
    /// Gross MW still mining, `M(m)`.
    pub mining_mw: f64,
    /// Live AI IT load, MW, `A(m)/pue`.
    pub ai_it_mw: f64,
    /// BTC mined after pool fee.
    pub btc_mined: f64,
    /// `btc_mined · P(m)`, $.
    pub mining_revenue: f64,
    /// Power bought for mining, $.
    pub mining_power: f64,
    /// Fixed mining opex, $ (paid even when the fleet is off).
    pub mining_opex: f64,
    /// GPU rentals or lease income, $.
    pub ai_revenue: f64,
    /// Power bought for the AI hall, $ (0 for colocation).
    pub ai_power: f64,
    /// AI operating cost, $.
    pub ai_opex: f64,
    /// Conversion and GPU capex, $.
    pub capex: f64,
    /// Residual value of unexpired assets, $ (last month only).
    pub residual: f64,
    /// Net cash flow, $.
    pub cash_flow: f64,
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

impl Flows {
    /// The fields of [`Flows`], in output order; [`Flows::values`] gives them.
    pub const FIELDS: [Field; 12] = [
        Field::new("mining_mw", "MW", Sign::NonNegative),
        Field::new("ai_it_mw", "MW", Sign::NonNegative),
        Field::new("btc_mined", "BTC", Sign::NonNegative),
        Field::new("mining_revenue", "$", Sign::NonNegative),
        Field::new("mining_power", "$", Sign::NonNegative),
        Field::new("mining_opex", "$", Sign::NonNegative),
        Field::new("ai_revenue", "$", Sign::NonNegative),
        Field::new("ai_power", "$", Sign::NonNegative),
        Field::new("ai_opex", "$", Sign::NonNegative),
        Field::new("capex", "$", Sign::NonNegative),
        Field::new("residual", "$", Sign::NonNegative),
        Field::new("cash_flow", "$", Sign::Any),
    ];

    /// The values of [`Flows::FIELDS`], in that order.
    pub fn values(&self) -> [f64; 12] {
        [
            self.mining_mw,
            self.ai_it_mw,
            self.btc_mined,
            self.mining_revenue,
            self.mining_power,
            self.mining_opex,
            self.ai_revenue,
            self.ai_power,
            self.ai_opex,
            self.capex,
            self.residual,
            self.cash_flow,
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

    /// Sets `cash_flow` from the other fields: `ebitda − capex + residual`. The one place the
    /// cash-flow formula is written.
    fn settle(&mut self) {
        self.cash_flow = self.ebitda() - self.capex + self.residual;
    }

    /// The cash flow without mining revenue and mining power: the part a BTC price change does
    /// not move, $.
    pub fn price_independent(&self) -> f64 {
        self.cash_flow - (self.mining_revenue - self.mining_power)
    }

    /// AI revenue net of AI opex, $: the part proportional to the GPU or lease rate.
    pub fn ai_net(&self) -> f64 {
        self.ai_revenue - self.ai_opex
    }
}

/// The monthly flows of one variant, plus what mining would earn and pay were it never shut off.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// Flows per month.
    pub flows: Vec<Flows>,
    /// Mining revenue before shut-off, $, at the scenario's BTC price path.
    pub potential_revenue: Vec<f64>,
    /// Mining power cost before shut-off, $.
    pub potential_power: Vec<f64>,
}

/// Simulates the site with the given tranches (empty for the keep-mining baseline).
pub fn simulate(s: &Scenario, market: &[MarketMonth], tranches: &[Tranche]) -> Variant {
    let n = market.len();
    let site_mw = s.get(Key::Mw);
    let power_price = s.get(Key::Power);
    let uptime = s.get(Key::Uptime) / 100.0;
    let keep_after_pool = 1.0 - s.get(Key::Pool) / 100.0;
    let mopex = s.get(Key::Mopex);
    let shutoff = s.get(Key::Shutoff) == 1.0;
    let ph_per_mw = 1000.0 / (s.get(Key::Mpue) * s.get(Key::Jth));
    let ai = AiSpec::new(s, n);

    let mut out = Variant {
        flows: Vec::with_capacity(n),
        potential_revenue: Vec::with_capacity(n),
        potential_power: Vec::with_capacity(n),
    };
    for (m, mk) in market.iter().enumerate() {
        let split = site::split(site_mw, tranches, m);
        let fleet_phs = split.mining * ph_per_mw;
        let mut btc_mined =
            uptime * fleet_phs / (mk.network_ehs * 1000.0) * mk.reward * keep_after_pool;
        let mut mining_revenue = btc_mined * mk.price;
        let mut mining_power = uptime * split.mining * mk.hours * power_price;
        out.potential_revenue.push(mining_revenue);
        out.potential_power.push(mining_power);
        if shutoff && mining_revenue < mining_power {
            btc_mined = 0.0;
            mining_revenue = 0.0;
            mining_power = 0.0;
        }
        let mut f = Flows {
            mining_mw: split.mining,
            ai_it_mw: split.live / ai.pue,
            btc_mined,
            mining_revenue,
            mining_power,
            mining_opex: split.mining * mopex,
            ..Flows::default()
        };
        for t in tranches {
            ai.add_tranche_month(t, m, mk, &mut f);
        }
        f.ai_opex = ai.opex_share * f.ai_revenue;
        if m + 1 == n {
            f.residual = tranches.iter().map(|t| ai.residual(t, n)).sum();
        }
        f.settle();
        out.flows.push(f);
    }
    out
}

/// The AI inputs, with the per-age price factors computed once.
struct AiSpec {
    model: AiModel,
    pue: f64,
    /// Conversion capex, $ per gross MW of tranche (`capex · 1e6 / pue`).
    capex_per_mw: f64,
    build_months: usize,
    opex_share: f64,
    power_price: f64,
    gpu_price: f64,
    util: f64,
    gpus_per_it_mw: f64,
    gpu_cost: f64,
    /// GPU refresh period, months.
    refresh: usize,
    hall_life_months: f64,
    lease_per_kw: f64,
    /// `(1 − gpudecl/100)^(a/12)` for GPU age `a` in months.
    decline: Vec<f64>,
    /// `(1 + esc/100)^y` for lease year `y`.
    escalator: Vec<f64>,
}

impl AiSpec {
    fn new(s: &Scenario, n: usize) -> Self {
        let refresh = 12 * s.int(Key::Gpulife) as usize;
        let keep = 1.0 - s.get(Key::Gpudecl) / 100.0;
        let step = 1.0 + s.get(Key::Esc) / 100.0;
        let model = s.ai();
        let pue = s.get(Key::Pue);
        let (decline, escalator) = match model {
            AiModel::Gpu => (
                (0..refresh.min(n))
                    .map(|a| libm::pow(keep, a as f64 / 12.0))
                    .collect(),
                vec![],
            ),
            AiModel::Colo => (
                vec![],
                (0..=n / 12).map(|y| libm::pow(step, y as f64)).collect(),
            ),
        };
        AiSpec {
            model,
            pue,
            capex_per_mw: s.get(Key::Capex) * 1e6 / pue,
            build_months: s.int(Key::Cbuild) as usize,
            opex_share: s.get(Key::Aiopex) / 100.0,
            power_price: s.get(Key::Power),
            gpu_price: s.get(Key::Gpu),
            util: s.get(Key::Util) / 100.0,
            gpus_per_it_mw: s.get(Key::Gpumw),
            gpu_cost: s.get(Key::Gpucost),
            refresh,
            hall_life_months: 12.0 * s.get(Key::Dclife),
            lease_per_kw: s.get(Key::Colo),
            decline,
            escalator,
        }
    }

    /// GPUs in a tranche, `G_j = T/pue · gpumw`.
    fn gpus(&self, t: &Tranche) -> f64 {
        t.mw / self.pue * self.gpus_per_it_mw
    }

    /// Conversion capex of a tranche charged in month `m`, $.
    fn conversion_capex(&self, t: &Tranche, m: usize) -> f64 {
        let total = self.capex_per_mw * t.mw;
        if self.build_months == 0 {
            if m == t.live {
                total
            } else {
                0.0
            }
        } else if (t.build_start..t.live).contains(&m) {
            total / self.build_months as f64
        } else {
            0.0
        }
    }

    /// Adds a tranche's capex, revenue and power in month `m` to `f`.
    fn add_tranche_month(&self, t: &Tranche, m: usize, mk: &MarketMonth, f: &mut Flows) {
        f.capex += self.conversion_capex(t, m);
        if m < t.live {
            return;
        }
        let age = m - t.live;
        match self.model {
            AiModel::Gpu => {
                let gpus = self.gpus(t);
                let a = age % self.refresh;
                if a == 0 {
                    f.capex += gpus * self.gpu_cost;
                }
                let rate = self.gpu_price * self.decline[a];
                f.ai_revenue += gpus * mk.hours * self.util * rate;
                f.ai_power += t.mw * self.util * mk.hours * self.power_price;
            }
            AiModel::Colo => {
                f.ai_revenue +=
                    t.mw / self.pue * 1000.0 * self.lease_per_kw * self.escalator[age / 12];
            }
        }
    }

    /// Residual value of a tranche's assets at the end of an `n`-month horizon, $.
    fn residual(&self, t: &Tranche, n: usize) -> f64 {
        let counted: f64 = (0..n).map(|m| self.conversion_capex(t, m)).sum();
        let live_months = n.saturating_sub(t.live) as f64;
        let mut value = counted * (1.0 - live_months / self.hall_life_months).max(0.0);
        if self.model == AiModel::Gpu {
            let cost = self.gpus(t) * self.gpu_cost;
            for q in (t.live..n).step_by(self.refresh) {
                value += cost * (1.0 - (n - q) as f64 / self.refresh as f64).max(0.0);
            }
        }
        value
    }
}
