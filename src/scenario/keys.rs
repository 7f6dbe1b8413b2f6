//! The model keys of ECONOMICS.md §1, in table order: for each its name, unit, default, bounds,
//! slider range and step, choices, label and help, control group, which AI model it applies to
//! and whether the tornado moves it.
//!
//! This table is the single source of those facts for the codec, the CLI (`hashshift keys`),
//! the explorer's controls, the tornado, the property tests and the browser tests.

use super::{AiModel, Scenario, TerminalValue};
use crate::msg::Msg;

/// One model key. The discriminant is the key's position in the table of ECONOMICS.md §1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum Key {
    Start,
    Years,
    Mw,
    Power,
    Powg,
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
    Dark,
    Asicp,
    Ai,
    Conv,
    Phases,
    Every,
    Cstart,
    Cbuild,
    Itratio,
    Pue,
    Firm,
    Capex,
    Ramp,
    Gpu,
    Gpudecl,
    Util,
    Gpumw,
    Gpucost,
    Gpulife,
    Refit,
    Gpuopex,
    Dclife,
    Colo,
    Esc,
    Coloopex,
    Cterm,
    Prepay,
    Rate,
    Airate,
    Ltc,
    Kd,
    Tenor,
    Tv,
    Caprate,
    Landv,
    Mc,
    Vol,
    Aivol,
    Elas,
    Seed,
}

/// Number of model keys.
pub const KEY_COUNT: usize = 58;

/// One value of a key that takes a word (`ai=gpu`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The URL spelling; the key's value is the choice's position in its list.
    pub name: &'static str,
    /// What the choice means, for the explorer.
    pub label: Msg,
}

/// How a key's value is written and constrained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Any real number in the bounds.
    Real,
    /// A whole number in the bounds (non-integers are rounded half away from zero).
    Integer,
    /// A calendar month `YYYY-MM`; the value is the month index `year · 12 + month − 1`.
    Month,
    /// One word of a list; the value is its position.
    Choice(&'static [Choice]),
    /// A 0/1 switch.
    Toggle,
}

impl Kind {
    /// Whether values are kept whole (integers, months, choices and switches).
    pub fn is_whole(self) -> bool {
        !matches!(self, Kind::Real)
    }
}

/// The explorer's control groups, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Group {
    Site,
    Market,
    Fleet,
    Conversion,
    GpuCloud,
    Lease,
    Contract,
    Financing,
    Valuation,
    Uncertainty,
}

impl Group {
    /// All groups in display order.
    pub const ALL: [Group; 10] = [
        Group::Site,
        Group::Market,
        Group::Fleet,
        Group::Conversion,
        Group::GpuCloud,
        Group::Lease,
        Group::Contract,
        Group::Financing,
        Group::Valuation,
        Group::Uncertainty,
    ];

    /// Heading shown above the group.
    pub fn title(self) -> Msg {
        match self {
            Group::Site => Msg::GroupSite,
            Group::Market => Msg::GroupMarket,
            Group::Fleet => Msg::GroupFleet,
            Group::Conversion => Msg::GroupConversion,
            Group::GpuCloud => Msg::GroupGpuCloud,
            Group::Lease => Msg::GroupLease,
            Group::Contract => Msg::GroupContract,
            Group::Financing => Msg::GroupFinancing,
            Group::Valuation => Msg::GroupValuation,
            Group::Uncertainty => Msg::GroupUncertainty,
        }
    }
}

/// When a key matters: for which AI business model or terminal-value method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// Always.
    Always,
    /// Only GPU cloud (`ai=gpu`).
    Gpu,
    /// Only colocation (`ai=colo`).
    Colo,
    /// Only with the market terminal value (`tv=market`).
    Market,
    /// Only with the book terminal value (`tv=book`).
    Book,
    /// Colocation, or any model valued at market (the hall's lease rent values it).
    ColoOrMarket,
}

impl Applies {
    /// Whether a key with this scope matters for `s`.
    pub fn to(self, s: &Scenario) -> bool {
        let (colo, market) = (
            s.ai() == AiModel::Colo,
            s.terminal() == TerminalValue::Market,
        );
        match self {
            Applies::Always => true,
            Applies::Gpu => !colo,
            Applies::Colo => colo,
            Applies::Market => market,
            Applies::Book => !market,
            Applies::ColoOrMarket => colo || market,
        }
    }

    /// The scope's name in `hashshift keys` (`None` for always).
    pub fn name(self) -> Option<&'static str> {
        match self {
            Applies::Always => None,
            Applies::Gpu => Some("gpu"),
            Applies::Colo => Some("colo"),
            Applies::Market => Some("market"),
            Applies::Book => Some("book"),
            Applies::ColoOrMarket => Some("colo or market"),
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
    /// The slider's range: the bounds, narrowed where they span orders of magnitude that a
    /// slider cannot resolve (the number box still takes the full bounds).
    pub slider: (f64, f64),
    /// Slider step, in the key's unit.
    pub step: f64,
    /// Unit as shown to people (`None` when unitless).
    pub unit: Option<Msg>,
    /// Short label.
    pub label: Msg,
    /// One-line explanation.
    pub help: Msg,
    /// Control group.
    pub group: Group,
    /// When the key matters (its control hides otherwise).
    pub applies: Applies,
    /// Whether the tornado moves it, and under which AI model (`None`: never).
    pub tornado: Option<Applies>,
    /// Whether its default comes from the market snapshot (ECONOMICS.md §12).
    pub snapshot: bool,
}

impl KeyDef {
    /// Narrows the slider's range.
    const fn slider(mut self, lo: f64, hi: f64) -> Self {
        self.slider = (lo, hi);
        self
    }

    /// Limits the key to one AI model.
    const fn only(mut self, applies: Applies) -> Self {
        self.applies = applies;
        self
    }

    /// Lets the tornado move the key under `applies`.
    const fn tornado(mut self, applies: Applies) -> Self {
        self.tornado = Some(applies);
        self
    }

    /// Marks the default as a market snapshot value.
    const fn snapshot(mut self) -> Self {
        self.snapshot = true;
        self
    }
}

const fn ym(year: i32, month: i32) -> f64 {
    (year * 12 + month - 1) as f64
}

/// A key with the slider spanning its bounds, applying to both AI models, not in the tornado.
#[allow(clippy::too_many_arguments)]
const fn def(
    key: Key,
    name: &'static str,
    kind: Kind,
    (default, min, max, step): (f64, f64, f64, f64),
    unit: Option<Msg>,
    label: Msg,
    help: Msg,
    group: Group,
) -> KeyDef {
    KeyDef {
        key,
        name,
        kind,
        default,
        min,
        max,
        slider: (min, max),
        step,
        unit,
        label,
        help,
        group,
        applies: Applies::Always,
        tornado: None,
        snapshot: false,
    }
}

/// The `tv` choices, in value order.
pub const TV_CHOICES: &[Choice] = &[
    Choice {
        name: "market",
        label: Msg::TvMarket,
    },
    Choice {
        name: "book",
        label: Msg::TvBook,
    },
];

/// The `ai` choices, in value order.
pub const AI_CHOICES: &[Choice] = &[
    Choice {
        name: "gpu",
        label: Msg::AiGpu,
    },
    Choice {
        name: "colo",
        label: Msg::AiColo,
    },
];

use Applies::{Always, Book, Colo as OnlyColo, ColoOrMarket, Gpu as OnlyGpu, Market};
use Group as G;
use Key as K;
use Kind::{Integer, Month, Real, Toggle};
use Msg as M;

/// The table of ECONOMICS.md §1 (schema 3), in its order (which is also the canonical query
/// order).
#[rustfmt::skip]
pub const KEYS: [KeyDef; KEY_COUNT] = [
    def(K::Start, "start", Month, (ym(2027, 1), ym(2024, 5), ym(2040, 12), 1.0), None,
        M::LabelStart, M::HelpStart, G::Valuation),
    def(K::Years, "years", Integer, (10.0, 1.0, 20.0, 1.0), Some(M::UnitYears),
        M::LabelYears, M::HelpYears, G::Valuation),
    def(K::Mw, "mw", Real, (100.0, 0.1, 5000.0, 0.1), Some(M::UnitMw),
        M::LabelMw, M::HelpMw, G::Site).slider(0.1, 1000.0),
    def(K::Power, "power", Real, (45.0, 0.0, 500.0, 0.5), Some(M::UnitUsdPerMwh),
        M::LabelPower, M::HelpPower, G::Site).slider(0.0, 200.0).tornado(Always),
    def(K::Powg, "powg", Real, (2.0, -20.0, 50.0, 0.5), Some(M::UnitPctPerYear),
        M::LabelPowg, M::HelpPowg, G::Site).slider(-10.0, 20.0).tornado(Always),
    def(K::Btc, "btc", Real, (60_000.0, 1000.0, 10_000_000.0, 1000.0), Some(M::UnitUsd),
        M::LabelBtc, M::HelpBtc, G::Market).slider(10_000.0, 500_000.0).tornado(Always).snapshot(),
    def(K::Btcg, "btcg", Real, (0.0, -90.0, 300.0, 1.0), Some(M::UnitPctPerYear),
        M::LabelBtcg, M::HelpBtcg, G::Market).slider(-50.0, 100.0).tornado(Always),
    def(K::Hr, "hr", Real, (958.0, 1.0, 100_000.0, 1.0), Some(M::UnitEhs),
        M::LabelHr, M::HelpHr, G::Market).slider(100.0, 5000.0).tornado(Always).snapshot(),
    def(K::Hrg, "hrg", Real, (10.0, -90.0, 300.0, 1.0), Some(M::UnitPctPerYear),
        M::LabelHrg, M::HelpHrg, G::Market).slider(-50.0, 100.0).tornado(Always),
    def(K::Hdrop, "hdrop", Real, (10.0, 0.0, 90.0, 1.0), Some(M::UnitPct),
        M::LabelHdrop, M::HelpHdrop, G::Market),
    def(K::Fee, "fee", Real, (0.017, 0.0, 10.0, 0.001), Some(M::UnitBtc),
        M::LabelFee, M::HelpFee, G::Market).slider(0.0, 1.0).snapshot(),
    def(K::Blockmin, "blockmin", Real, (10.0, 5.0, 20.0, 0.1), Some(M::UnitMinutes),
        M::LabelBlockmin, M::HelpBlockmin, G::Market),
    def(K::Jth, "jth", Real, (17.5, 5.0, 200.0, 0.5), Some(M::UnitJth),
        M::LabelJth, M::HelpJth, G::Fleet).slider(5.0, 50.0).tornado(Always),
    def(K::Mpue, "mpue", Real, (1.05, 1.0, 2.0, 0.01), Some(M::UnitRatio),
        M::LabelMpue, M::HelpMpue, G::Fleet),
    def(K::Uptime, "uptime", Real, (95.0, 0.0, 100.0, 0.5), Some(M::UnitPct),
        M::LabelUptime, M::HelpUptime, G::Fleet),
    def(K::Pool, "pool", Real, (2.0, 0.0, 10.0, 0.1), Some(M::UnitPct),
        M::LabelPool, M::HelpPool, G::Fleet),
    def(K::Mopex, "mopex", Real, (3000.0, 0.0, 100_000.0, 100.0), Some(M::UnitUsdPerMwMonth),
        M::LabelMopex, M::HelpMopex, G::Fleet).slider(0.0, 20_000.0),
    def(K::Shutoff, "shutoff", Toggle, (1.0, 0.0, 1.0, 1.0), None,
        M::LabelShutoff, M::HelpShutoff, G::Fleet),
    def(K::Dark, "dark", Real, (30.0, 0.0, 100.0, 1.0), Some(M::UnitPct),
        M::LabelDark, M::HelpDark, G::Fleet),
    def(K::Asicp, "asicp", Real, (8.0, 0.0, 200.0, 0.5), Some(M::UnitUsdPerTh),
        M::LabelAsicp, M::HelpAsicp, G::Fleet).slider(0.0, 40.0).tornado(Always),
    def(K::Ai, "ai", Kind::Choice(AI_CHOICES), (0.0, 0.0, 1.0, 1.0), None,
        M::LabelAi, M::HelpAi, G::Conversion),
    def(K::Conv, "conv", Real, (100.0, 0.0, 100.0, 1.0), Some(M::UnitPct),
        M::LabelConv, M::HelpConv, G::Conversion),
    def(K::Phases, "phases", Integer, (1.0, 1.0, 10.0, 1.0), Some(M::UnitTranches),
        M::LabelPhases, M::HelpPhases, G::Conversion),
    def(K::Every, "every", Integer, (12.0, 1.0, 60.0, 1.0), Some(M::UnitMonths),
        M::LabelEvery, M::HelpEvery, G::Conversion),
    def(K::Cstart, "cstart", Month, (ym(2027, 1), ym(2024, 5), ym(2040, 12), 1.0), None,
        M::LabelCstart, M::HelpCstart, G::Conversion),
    def(K::Cbuild, "cbuild", Integer, (12.0, 0.0, 48.0, 1.0), Some(M::UnitMonths),
        M::LabelCbuild, M::HelpCbuild, G::Conversion),
    def(K::Itratio, "itratio", Real, (1.4, 1.0, 3.0, 0.01), Some(M::UnitRatio),
        M::LabelItratio, M::HelpItratio, G::Conversion).tornado(Always),
    def(K::Pue, "pue", Real, (1.25, 1.0, 2.0, 0.01), Some(M::UnitRatio),
        M::LabelPue, M::HelpPue, G::Conversion).only(OnlyGpu),
    def(K::Firm, "firm", Real, (10.0, 0.0, 500.0, 0.5), Some(M::UnitUsdPerMwh),
        M::LabelFirm, M::HelpFirm, G::Site).slider(0.0, 100.0).only(OnlyGpu).tornado(Always),
    def(K::Capex, "capex", Real, (11.0, 0.0, 50.0, 0.1), Some(M::UnitMusdPerMwIt),
        M::LabelCapex, M::HelpCapex, G::Conversion).slider(0.0, 25.0).tornado(Always),
    def(K::Ramp, "ramp", Integer, (3.0, 0.0, 36.0, 1.0), Some(M::UnitMonths),
        M::LabelRamp, M::HelpRamp, G::Conversion),
    def(K::Gpu, "gpu", Real, (2.5, 0.1, 50.0, 0.05), Some(M::UnitUsdPerGpuHour),
        M::LabelGpu, M::HelpGpu, G::GpuCloud).slider(0.1, 10.0).only(OnlyGpu).tornado(OnlyGpu),
    def(K::Gpudecl, "gpudecl", Real, (15.0, 0.0, 90.0, 1.0), Some(M::UnitPctPerYear),
        M::LabelGpudecl, M::HelpGpudecl, G::GpuCloud).only(OnlyGpu).tornado(OnlyGpu),
    def(K::Util, "util", Real, (90.0, 0.0, 100.0, 1.0), Some(M::UnitPct),
        M::LabelUtil, M::HelpUtil, G::GpuCloud).only(OnlyGpu).tornado(OnlyGpu),
    def(K::Gpumw, "gpumw", Real, (545.0, 10.0, 5000.0, 5.0), Some(M::UnitGpusPerMwIt),
        M::LabelGpumw, M::HelpGpumw, G::GpuCloud).slider(100.0, 1500.0).only(OnlyGpu),
    def(K::Gpucost, "gpucost", Real, (50_000.0, 0.0, 1_000_000.0, 1000.0), Some(M::UnitUsdPerGpu),
        M::LabelGpucost, M::HelpGpucost, G::GpuCloud).slider(0.0, 150_000.0).only(OnlyGpu).tornado(OnlyGpu),
    def(K::Gpulife, "gpulife", Integer, (5.0, 1.0, 15.0, 1.0), Some(M::UnitYears),
        M::LabelGpulife, M::HelpGpulife, G::GpuCloud).only(OnlyGpu),
    def(K::Refit, "refit", Real, (1.0, 0.0, 50.0, 0.1), Some(M::UnitMusdPerMwIt),
        M::LabelRefit, M::HelpRefit, G::GpuCloud).slider(0.0, 10.0).only(OnlyGpu),
    def(K::Gpuopex, "gpuopex", Real, (15.0, 0.0, 100.0, 0.5), Some(M::UnitPctOfRevenue),
        M::LabelGpuopex, M::HelpGpuopex, G::GpuCloud).only(OnlyGpu).tornado(OnlyGpu),
    def(K::Dclife, "dclife", Integer, (20.0, 5.0, 40.0, 1.0), Some(M::UnitYears),
        M::LabelDclife, M::HelpDclife, G::Valuation).only(Book),
    def(K::Colo, "colo", Real, (130.0, 10.0, 1000.0, 1.0), Some(M::UnitUsdPerKwMonth),
        M::LabelColo, M::HelpColo, G::Lease).slider(10.0, 400.0).only(ColoOrMarket).tornado(OnlyColo),
    def(K::Esc, "esc", Real, (3.0, 0.0, 20.0, 0.5), Some(M::UnitPctPerYear),
        M::LabelEsc, M::HelpEsc, G::Lease).only(ColoOrMarket).tornado(OnlyColo),
    def(K::Coloopex, "coloopex", Real, (5.0, 0.0, 100.0, 0.5), Some(M::UnitPctOfLease),
        M::LabelColoopex, M::HelpColoopex, G::Lease).only(ColoOrMarket).tornado(OnlyColo),
    def(K::Cterm, "cterm", Integer, (60.0, 0.0, 240.0, 1.0), Some(M::UnitMonths),
        M::LabelCterm, M::HelpCterm, G::Contract).slider(0.0, 120.0),
    def(K::Prepay, "prepay", Real, (0.0, 0.0, 50.0, 1.0), Some(M::UnitPctOfContract),
        M::LabelPrepay, M::HelpPrepay, G::Contract),
    def(K::Rate, "rate", Real, (12.0, 0.0, 100.0, 0.5), Some(M::UnitPctPerYear),
        M::LabelRate, M::HelpRate, G::Valuation).slider(0.0, 40.0).tornado(Always),
    def(K::Airate, "airate", Real, (12.0, 0.0, 100.0, 0.5), Some(M::UnitPctPerYear),
        M::LabelAirate, M::HelpAirate, G::Valuation).slider(0.0, 40.0).tornado(Always),
    def(K::Ltc, "ltc", Real, (0.0, 0.0, 90.0, 1.0), Some(M::UnitPctOfCapex),
        M::LabelLtc, M::HelpLtc, G::Financing),
    def(K::Kd, "kd", Real, (8.0, 0.0, 30.0, 0.125), Some(M::UnitPctPerYear),
        M::LabelKd, M::HelpKd, G::Financing).slider(0.0, 20.0),
    def(K::Tenor, "tenor", Integer, (5.0, 0.0, 20.0, 1.0), Some(M::UnitYears),
        M::LabelTenor, M::HelpTenor, G::Financing),
    def(K::Tv, "tv", Kind::Choice(TV_CHOICES), (0.0, 0.0, 1.0, 1.0), None,
        M::LabelTv, M::HelpTv, G::Valuation),
    def(K::Caprate, "caprate", Real, (7.0, 1.0, 50.0, 0.1), Some(M::UnitPctPerYear),
        M::LabelCaprate, M::HelpCaprate, G::Valuation).slider(2.0, 20.0).only(Market).tornado(Always),
    def(K::Landv, "landv", Real, (0.5, 0.0, 50.0, 0.05), Some(M::UnitMusdPerMwGross),
        M::LabelLandv, M::HelpLandv, G::Valuation).slider(0.0, 5.0).only(Market).tornado(Always),
    def(K::Mc, "mc", Integer, (1000.0, 0.0, 100_000.0, 100.0), Some(M::UnitPaths),
        M::LabelMc, M::HelpMc, G::Uncertainty).slider(0.0, 10_000.0),
    def(K::Vol, "vol", Real, (50.0, 0.0, 300.0, 1.0), Some(M::UnitPctPerYear),
        M::LabelVol, M::HelpVol, G::Uncertainty).slider(0.0, 150.0),
    def(K::Aivol, "aivol", Real, (30.0, 0.0, 300.0, 1.0), Some(M::UnitPctPerYear),
        M::LabelAivol, M::HelpAivol, G::Uncertainty).slider(0.0, 150.0),
    def(K::Elas, "elas", Real, (0.5, 0.0, 2.0, 0.05), Some(M::UnitRatio),
        M::LabelElas, M::HelpElas, G::Uncertainty),
    def(K::Seed, "seed", Integer, (1.0, 0.0, 4_294_967_295.0, 1.0), None,
        M::LabelSeed, M::HelpSeed, G::Uncertainty).slider(0.0, 1000.0),
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

    /// The key named `name` (exact, lower case).
    pub fn from_name(name: &str) -> Option<Key> {
        KEYS.iter().find(|d| d.name == name).map(|d| d.key)
    }

    /// The keys the tornado moves under `ai` (ECONOMICS.md §9), in table order.
    pub fn tornado(ai: AiModel) -> impl Iterator<Item = Key> {
        KEYS.iter()
            .filter(move |d| {
                d.tornado.is_some_and(|a| match a {
                    Applies::Gpu => ai == AiModel::Gpu,
                    Applies::Colo => ai == AiModel::Colo,
                    _ => true,
                })
            })
            .map(|d| d.key)
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
            let (lo, hi) = d.slider;
            assert!(d.min <= lo && lo < hi && hi <= d.max, "{}", d.name);
            assert!(
                lo <= d.default && d.default <= hi,
                "{} off the slider",
                d.name
            );
            assert!(d.step > 0.0 && d.step <= hi - lo, "{}", d.name);
            if let Kind::Choice(choices) = d.kind {
                assert_eq!((d.min, d.max), (0.0, (choices.len() - 1) as f64));
            }
        }
        assert_eq!(Key::all().count(), KEY_COUNT);
    }

    #[test]
    fn tornado_moves_the_inputs_of_economics_section_9() {
        let names = |ai| {
            Key::tornado(ai)
                .map(Key::name)
                .collect::<Vec<_>>()
                .join(",")
        };
        let common =
            "btc,btcg,hr,hrg,power,powg,jth,asicp,itratio,firm,capex,rate,airate,caprate,landv";
        let sorted = |list: &str| {
            let mut v: Vec<&str> = list.split(',').collect();
            v.sort_unstable();
            v.join(",")
        };
        assert_eq!(
            sorted(&names(AiModel::Gpu)),
            sorted(&format!("{common},gpu,util,gpudecl,gpucost,gpuopex"))
        );
        assert_eq!(
            sorted(&names(AiModel::Colo)),
            sorted(&format!("{common},colo,esc,coloopex"))
        );
    }

    #[test]
    fn controls_apply_by_ai_model_and_terminal_value() {
        let s = Scenario::default();
        let colo_book = crate::scenario::parse("ai=colo&tv=book").scenario;
        assert!(Applies::Gpu.to(&s) && !Applies::Gpu.to(&colo_book));
        assert!(Applies::ColoOrMarket.to(&s) && Applies::ColoOrMarket.to(&colo_book));
        let gpu_book = crate::scenario::parse("tv=book").scenario;
        assert!(!Applies::ColoOrMarket.to(&gpu_book) && Applies::Book.to(&gpu_book));
        assert!(Applies::Market.to(&s) && !Applies::Market.to(&gpu_book));
    }
}
