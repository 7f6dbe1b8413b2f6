//! The model keys of ECONOMICS.md §1: names, units, defaults, bounds and labels, in table order.
//!
//! This table is the single source for the codec, the CLI and the explorer's controls.

/// One model key. The discriminant is the key's position in the table of ECONOMICS.md §1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum Key {
    Start,
    Years,
    Mw,
    Power,
    Btc,
    Btcg,
    Hr,
    Hrg,
    Hdrop,
    Fee,
    Blockmin,
    Jth,
    Mpue,
    Uptime,
    Pool,
    Mopex,
    Shutoff,
    Ai,
    Conv,
    Phases,
    Every,
    Cstart,
    Cbuild,
    Pue,
    Capex,
    Aiopex,
    Gpu,
    Gpudecl,
    Util,
    Gpumw,
    Gpucost,
    Gpulife,
    Dclife,
    Colo,
    Esc,
    Rate,
    Mc,
    Vol,
    Elas,
    Seed,
}

/// Number of model keys.
pub const KEY_COUNT: usize = 40;

/// How a key's value is written and constrained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Any real number in the bounds.
    Real,
    /// A whole number in the bounds (non-integers are rounded half away from zero).
    Integer,
    /// A calendar month `YYYY-MM`; the value is the month index `year · 12 + month − 1`.
    Month,
    /// `gpu` (0) or `colo` (1).
    AiModel,
    /// A 0/1 switch.
    Toggle,
}

/// The explorer's control groups, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Group {
    Site,
    Market,
    Fleet,
    AiPlan,
    GpuCloud,
    Colocation,
    Finance,
    Uncertainty,
}

impl Group {
    /// All groups in display order.
    pub const ALL: [Group; 8] = [
        Group::Site,
        Group::Market,
        Group::Fleet,
        Group::AiPlan,
        Group::GpuCloud,
        Group::Colocation,
        Group::Finance,
        Group::Uncertainty,
    ];

    /// Heading shown above the group.
    pub fn title(self) -> &'static str {
        match self {
            Group::Site => "Site and power",
            Group::Market => "Bitcoin market and network",
            Group::Fleet => "Mining fleet",
            Group::AiPlan => "AI plan",
            Group::GpuCloud => "GPU cloud",
            Group::Colocation => "Colocation",
            Group::Finance => "Finance and horizon",
            Group::Uncertainty => "Uncertainty (Monte Carlo)",
        }
    }
}

/// Everything known about one key.
#[derive(Clone, Copy, Debug)]
pub struct KeyDef {
    /// The key.
    pub key: Key,
    /// URL / CLI / form name.
    pub name: &'static str,
    /// Value kind.
    pub kind: Kind,
    /// Default value (months as month index; `cstart`'s default follows `start`).
    pub default: f64,
    /// Lower bound, inclusive (`cstart`'s real lower bound is `start`).
    pub min: f64,
    /// Upper bound, inclusive.
    pub max: f64,
    /// Slider step in the key's unit.
    pub step: f64,
    /// Unit as shown to people (empty when unitless).
    pub unit: &'static str,
    /// Short label.
    pub label: &'static str,
    /// One-line explanation.
    pub help: &'static str,
    /// Control group.
    pub group: Group,
}

const fn ym(year: i32, month: i32) -> f64 {
    (year * 12 + month - 1) as f64
}

#[allow(clippy::too_many_arguments)]
const fn def(
    key: Key,
    name: &'static str,
    kind: Kind,
    default: f64,
    min: f64,
    max: f64,
    step: f64,
    unit: &'static str,
    label: &'static str,
    help: &'static str,
    group: Group,
) -> KeyDef {
    KeyDef {
        key,
        name,
        kind,
        default,
        min,
        max,
        step,
        unit,
        label,
        help,
        group,
    }
}

use Group as G;
use Key as K;
use Kind::{AiModel, Integer, Month, Real, Toggle};

/// The table of ECONOMICS.md §1, in its order (which is also the canonical query order).
#[rustfmt::skip]
pub const KEYS: [KeyDef; KEY_COUNT] = [
    def(K::Start, "start", Month, ym(2026, 1), ym(2024, 5), ym(2040, 12), 1.0, "",
        "Start month", "First month of the projection.", G::Finance),
    def(K::Years, "years", Integer, 10.0, 1.0, 20.0, 1.0, "years",
        "Horizon", "Length of the projection.", G::Finance),
    def(K::Mw, "mw", Real, 100.0, 0.1, 5000.0, 0.1, "MW",
        "Site capacity", "Grid capacity of the site, gross (before PUE overhead).", G::Site),
    def(K::Power, "power", Real, 45.0, 0.0, 500.0, 0.5, "$/MWh",
        "Power price", "All-in price of electricity (45 $/MWh = 4.5 ¢/kWh).", G::Site),
    def(K::Btc, "btc", Real, 90_000.0, 1000.0, 10_000_000.0, 1000.0, "$",
        "BTC price", "Bitcoin price in the start month.", G::Market),
    def(K::Btcg, "btcg", Real, 0.0, -90.0, 300.0, 1.0, "%/yr",
        "BTC price growth", "Yearly growth of the Bitcoin price.", G::Market),
    def(K::Hr, "hr", Real, 1100.0, 1.0, 100_000.0, 10.0, "EH/s",
        "Network hashrate", "Total network hashrate in the start month.", G::Market),
    def(K::Hrg, "hrg", Real, 20.0, -90.0, 300.0, 1.0, "%/yr",
        "Hashrate growth", "Yearly growth of the network hashrate.", G::Market),
    def(K::Hdrop, "hdrop", Real, 10.0, 0.0, 90.0, 1.0, "%",
        "Drop at halving", "Network hashrate lost at each halving (old machines switch off).", G::Market),
    def(K::Fee, "fee", Real, 0.025, 0.0, 10.0, 0.005, "BTC",
        "Fees per block", "Transaction fees paid to the miner of each block.", G::Market),
    def(K::Blockmin, "blockmin", Real, 10.0, 5.0, 20.0, 0.1, "min",
        "Block interval", "Mean time between blocks; sets the date of each halving.", G::Market),
    def(K::Jth, "jth", Real, 17.5, 5.0, 200.0, 0.5, "J/TH",
        "Fleet efficiency", "Energy per terahash at the wall (S21: 17.5, S21 XP: 13.5).", G::Fleet),
    def(K::Mpue, "mpue", Real, 1.05, 1.0, 2.0, 0.01, "ratio",
        "Mining PUE", "Site power over miner power (cooling, losses).", G::Fleet),
    def(K::Uptime, "uptime", Real, 95.0, 0.0, 100.0, 0.5, "%",
        "Uptime", "Share of the time the fleet hashes.", G::Fleet),
    def(K::Pool, "pool", Real, 2.0, 0.0, 10.0, 0.1, "%",
        "Pool fee", "Share of rewards kept by the mining pool.", G::Fleet),
    def(K::Mopex, "mopex", Real, 3000.0, 0.0, 100_000.0, 100.0, "$/MW/month",
        "Mining opex", "Fixed cost of running the fleet (staff, repairs), per mining MW.", G::Fleet),
    def(K::Shutoff, "shutoff", Toggle, 1.0, 0.0, 1.0, 1.0, "",
        "Shut off when unprofitable", "Switch the fleet off in a month whose revenue is below its power cost.", G::Fleet),
    def(K::Ai, "ai", AiModel, 0.0, 0.0, 1.0, 1.0, "",
        "AI business model", "Own GPUs and rent GPU-hours, or lease the powered hall to a tenant.", G::AiPlan),
    def(K::Conv, "conv", Real, 100.0, 0.0, 100.0, 1.0, "%",
        "Share converted", "Share of the site converted to AI (0 = keep mining).", G::AiPlan),
    def(K::Phases, "phases", Integer, 1.0, 1.0, 10.0, 1.0, "tranches",
        "Tranches", "Number of equal conversion tranches.", G::AiPlan),
    def(K::Every, "every", Integer, 12.0, 1.0, 60.0, 1.0, "months",
        "Months between tranches", "Time between the construction starts of two tranches.", G::AiPlan),
    def(K::Cstart, "cstart", Month, ym(2026, 1), ym(2024, 5), ym(2040, 12), 1.0, "",
        "Construction start", "Month the first tranche starts construction (default: start month).", G::AiPlan),
    def(K::Cbuild, "cbuild", Integer, 12.0, 0.0, 48.0, 1.0, "months",
        "Construction time", "Months a tranche neither mines nor earns while it is rebuilt.", G::AiPlan),
    def(K::Pue, "pue", Real, 1.25, 1.0, 2.0, 0.01, "ratio",
        "AI hall PUE", "Site power over IT power in the AI data hall.", G::AiPlan),
    def(K::Capex, "capex", Real, 8.0, 0.0, 50.0, 0.1, "$M/MW IT",
        "Conversion capex", "Cost of the conversion per MW of IT load, excluding GPUs.", G::AiPlan),
    def(K::Aiopex, "aiopex", Real, 15.0, 0.0, 100.0, 0.5, "% of rev.",
        "AI opex", "Operating cost of the AI business, as a share of its revenue.", G::AiPlan),
    def(K::Gpu, "gpu", Real, 2.5, 0.1, 50.0, 0.05, "$/GPU-h",
        "GPU rental price", "Price of one GPU-hour for a new GPU.", G::GpuCloud),
    def(K::Gpudecl, "gpudecl", Real, 10.0, 0.0, 90.0, 1.0, "%/yr",
        "Price decline with age", "Yearly fall of the rental price as a GPU ages.", G::GpuCloud),
    def(K::Util, "util", Real, 90.0, 0.0, 100.0, 1.0, "%",
        "GPU utilisation", "Share of GPU-hours that are billed.", G::GpuCloud),
    def(K::Gpumw, "gpumw", Real, 545.0, 10.0, 5000.0, 5.0, "GPUs/MW IT",
        "GPU density", "GPUs per MW of IT load (GB300 NVL72: ~545).", G::GpuCloud),
    def(K::Gpucost, "gpucost", Real, 50_000.0, 0.0, 1_000_000.0, 1000.0, "$/GPU",
        "GPU cost", "Installed cost per GPU, with its share of server and network.", G::GpuCloud),
    def(K::Gpulife, "gpulife", Integer, 5.0, 1.0, 15.0, 1.0, "years",
        "GPU refresh", "Years until the GPUs are replaced by new ones.", G::GpuCloud),
    def(K::Dclife, "dclife", Integer, 20.0, 5.0, 40.0, 1.0, "years",
        "Data hall life", "Useful life of the converted hall (sets its residual value).", G::AiPlan),
    def(K::Colo, "colo", Real, 130.0, 10.0, 1000.0, 1.0, "$/kW/month",
        "Lease price", "Monthly rent per kW of IT load; the tenant pays power and owns the GPUs.", G::Colocation),
    def(K::Esc, "esc", Real, 3.0, 0.0, 20.0, 0.5, "%/yr",
        "Lease escalator", "Yearly step-up of the rent.", G::Colocation),
    def(K::Rate, "rate", Real, 12.0, 0.0, 100.0, 0.5, "%/yr",
        "Discount rate", "Yearly rate used to discount cash flows (NPV).", G::Finance),
    def(K::Mc, "mc", Integer, 0.0, 0.0, 100_000.0, 100.0, "paths",
        "Monte Carlo paths", "Random BTC price paths to simulate (0 = off).", G::Uncertainty),
    def(K::Vol, "vol", Real, 50.0, 0.0, 300.0, 1.0, "%/yr",
        "BTC volatility", "Yearly volatility of the Bitcoin price.", G::Uncertainty),
    def(K::Elas, "elas", Real, 0.5, 0.0, 2.0, 0.05, "ratio",
        "Hashrate elasticity", "How strongly network hashrate follows the BTC price.", G::Uncertainty),
    def(K::Seed, "seed", Integer, 1.0, 0.0, 4_294_967_295.0, 1.0, "",
        "Random seed", "Same seed, same random paths.", G::Uncertainty),
];

impl Key {
    /// Every key in table order.
    pub fn all() -> impl Iterator<Item = Key> {
        KEYS.iter().map(|d| d.key)
    }

    /// The key's definition.
    pub fn def(self) -> &'static KeyDef {
        &KEYS[self as usize]
    }

    /// The key's URL name.
    pub fn name(self) -> &'static str {
        self.def().name
    }

    /// The slider's range: the key's bounds, narrowed where they span orders of magnitude that
    /// a slider cannot resolve (the number box still takes the full bounds).
    pub fn slider_range(self) -> (f64, f64) {
        match self {
            Key::Mw => (0.1, 1000.0),
            Key::Power => (0.0, 200.0),
            Key::Btc => (10_000.0, 500_000.0),
            Key::Btcg => (-50.0, 100.0),
            Key::Hr => (100.0, 5000.0),
            Key::Hrg => (-50.0, 100.0),
            Key::Fee => (0.0, 1.0),
            Key::Jth => (5.0, 50.0),
            Key::Mopex => (0.0, 20_000.0),
            Key::Capex => (0.0, 20.0),
            Key::Gpu => (0.1, 10.0),
            Key::Gpumw => (100.0, 1500.0),
            Key::Gpucost => (0.0, 150_000.0),
            Key::Colo => (10.0, 400.0),
            Key::Rate => (0.0, 40.0),
            Key::Mc => (0.0, 10_000.0),
            Key::Vol => (0.0, 150.0),
            Key::Seed => (0.0, 1000.0),
            _ => (self.def().min, self.def().max),
        }
    }

    /// The key named `name` (exact, lower case).
    pub fn from_name(name: &str) -> Option<Key> {
        KEYS.iter().find(|d| d.name == name).map(|d| d.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_enum_order_with_sane_bounds() {
        for (i, d) in KEYS.iter().enumerate() {
            assert_eq!(d.key as usize, i, "{} out of order", d.name);
            assert!(
                d.min <= d.default && d.default <= d.max,
                "{} default out of bounds",
                d.name
            );
            assert_eq!(Key::from_name(d.name), Some(d.key));
        }
        assert_eq!(Key::all().count(), KEY_COUNT);
        for key in Key::all() {
            let (lo, hi) = key.slider_range();
            let d = key.def();
            assert!(d.min <= lo && lo < hi && hi <= d.max, "{}", d.name);
            assert!(
                lo <= d.default && d.default <= hi,
                "{} default off the slider",
                d.name
            );
        }
    }
}
