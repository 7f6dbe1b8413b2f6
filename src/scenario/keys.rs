//! The model keys of ECONOMICS.md §1, in table order: for each its name, unit, default, bounds,
//! slider range and step, choices, label and help, control group, which AI model it applies to
//! and whether the tornado moves it.
//!
//! This table is the single source of those facts for the codec, the CLI (`hashshift keys`),
//! the explorer's controls, the tornado, the property tests and the browser tests.

use super::AiModel;
use crate::i18n::Msg;

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
    pub fn title(self) -> Msg {
        match self {
            Group::Site => Msg::GroupSite,
            Group::Market => Msg::GroupMarket,
            Group::Fleet => Msg::GroupFleet,
            Group::AiPlan => Msg::GroupAiPlan,
            Group::GpuCloud => Msg::GroupGpuCloud,
            Group::Colocation => Msg::GroupColocation,
            Group::Finance => Msg::GroupFinance,
            Group::Uncertainty => Msg::GroupUncertainty,
        }
    }
}

/// Which AI business model a key matters for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// Both.
    Always,
    /// Only GPU cloud (`ai=gpu`).
    Gpu,
    /// Only colocation (`ai=colo`).
    Colo,
}

impl Applies {
    /// Whether a key with this scope matters under `ai`.
    pub fn to(self, ai: AiModel) -> bool {
        match self {
            Applies::Always => true,
            Applies::Gpu => ai == AiModel::Gpu,
            Applies::Colo => ai == AiModel::Colo,
        }
    }

    /// The URL spelling of the AI model it is limited to, `None` for both.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Applies::Always => None,
            Applies::Gpu => Some("gpu"),
            Applies::Colo => Some("colo"),
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
    /// Which AI model the key matters for (its control is hidden under the other).
    pub applies: Applies,
    /// Whether the tornado moves it, and under which AI model (`None`: never).
    pub tornado: Option<Applies>,
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
    }
}

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

use Applies::{Always, Colo as OnlyColo, Gpu as OnlyGpu};
use Group as G;
use Key as K;
use Kind::{Integer, Month, Real, Toggle};
use Msg as M;

/// The table of ECONOMICS.md §1, in its order (which is also the canonical query order).
#[rustfmt::skip]
pub const KEYS: [KeyDef; KEY_COUNT] = [
    def(K::Start, "start", Month, (ym(2026, 1), ym(2024, 5), ym(2040, 12), 1.0), None,
        M::LabelStart, M::HelpStart, G::Finance),
    def(K::Years, "years", Integer, (10.0, 1.0, 20.0, 1.0), Some(M::UnitYears),
        M::LabelYears, M::HelpYears, G::Finance),
    def(K::Mw, "mw", Real, (100.0, 0.1, 5000.0, 0.1), Some(M::UnitMw),
        M::LabelMw, M::HelpMw, G::Site).slider(0.1, 1000.0),
    def(K::Power, "power", Real, (45.0, 0.0, 500.0, 0.5), Some(M::UnitUsdPerMwh),
        M::LabelPower, M::HelpPower, G::Site).slider(0.0, 200.0).tornado(Always),
    def(K::Btc, "btc", Real, (90_000.0, 1000.0, 10_000_000.0, 1000.0), Some(M::UnitUsd),
        M::LabelBtc, M::HelpBtc, G::Market).slider(10_000.0, 500_000.0).tornado(Always),
    def(K::Btcg, "btcg", Real, (0.0, -90.0, 300.0, 1.0), Some(M::UnitPctPerYear),
        M::LabelBtcg, M::HelpBtcg, G::Market).slider(-50.0, 100.0).tornado(Always),
    def(K::Hr, "hr", Real, (1100.0, 1.0, 100_000.0, 10.0), Some(M::UnitEhs),
        M::LabelHr, M::HelpHr, G::Market).slider(100.0, 5000.0).tornado(Always),
    def(K::Hrg, "hrg", Real, (20.0, -90.0, 300.0, 1.0), Some(M::UnitPctPerYear),
        M::LabelHrg, M::HelpHrg, G::Market).slider(-50.0, 100.0).tornado(Always),
    def(K::Hdrop, "hdrop", Real, (10.0, 0.0, 90.0, 1.0), Some(M::UnitPct),
        M::LabelHdrop, M::HelpHdrop, G::Market),
    def(K::Fee, "fee", Real, (0.025, 0.0, 10.0, 0.005), Some(M::UnitBtc),
        M::LabelFee, M::HelpFee, G::Market).slider(0.0, 1.0),
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
    def(K::Ai, "ai", Kind::Choice(AI_CHOICES), (0.0, 0.0, 1.0, 1.0), None,
        M::LabelAi, M::HelpAi, G::AiPlan),
    def(K::Conv, "conv", Real, (100.0, 0.0, 100.0, 1.0), Some(M::UnitPct),
        M::LabelConv, M::HelpConv, G::AiPlan),
    def(K::Phases, "phases", Integer, (1.0, 1.0, 10.0, 1.0), Some(M::UnitTranches),
        M::LabelPhases, M::HelpPhases, G::AiPlan),
    def(K::Every, "every", Integer, (12.0, 1.0, 60.0, 1.0), Some(M::UnitMonths),
        M::LabelEvery, M::HelpEvery, G::AiPlan),
    def(K::Cstart, "cstart", Month, (ym(2026, 1), ym(2024, 5), ym(2040, 12), 1.0), None,
        M::LabelCstart, M::HelpCstart, G::AiPlan),
    def(K::Cbuild, "cbuild", Integer, (12.0, 0.0, 48.0, 1.0), Some(M::UnitMonths),
        M::LabelCbuild, M::HelpCbuild, G::AiPlan),
    def(K::Pue, "pue", Real, (1.25, 1.0, 2.0, 0.01), Some(M::UnitRatio),
        M::LabelPue, M::HelpPue, G::AiPlan),
    def(K::Capex, "capex", Real, (8.0, 0.0, 50.0, 0.1), Some(M::UnitMusdPerMwIt),
        M::LabelCapex, M::HelpCapex, G::AiPlan).slider(0.0, 20.0).tornado(Always),
    def(K::Aiopex, "aiopex", Real, (15.0, 0.0, 100.0, 0.5), Some(M::UnitPctOfRevenue),
        M::LabelAiopex, M::HelpAiopex, G::AiPlan),
    def(K::Gpu, "gpu", Real, (2.5, 0.1, 50.0, 0.05), Some(M::UnitUsdPerGpuHour),
        M::LabelGpu, M::HelpGpu, G::GpuCloud).slider(0.1, 10.0).only(OnlyGpu).tornado(OnlyGpu),
    def(K::Gpudecl, "gpudecl", Real, (10.0, 0.0, 90.0, 1.0), Some(M::UnitPctPerYear),
        M::LabelGpudecl, M::HelpGpudecl, G::GpuCloud).only(OnlyGpu).tornado(OnlyGpu),
    def(K::Util, "util", Real, (90.0, 0.0, 100.0, 1.0), Some(M::UnitPct),
        M::LabelUtil, M::HelpUtil, G::GpuCloud).only(OnlyGpu).tornado(OnlyGpu),
    def(K::Gpumw, "gpumw", Real, (545.0, 10.0, 5000.0, 5.0), Some(M::UnitGpusPerMwIt),
        M::LabelGpumw, M::HelpGpumw, G::GpuCloud).slider(100.0, 1500.0).only(OnlyGpu),
    def(K::Gpucost, "gpucost", Real, (50_000.0, 0.0, 1_000_000.0, 1000.0), Some(M::UnitUsdPerGpu),
        M::LabelGpucost, M::HelpGpucost, G::GpuCloud).slider(0.0, 150_000.0).only(OnlyGpu).tornado(OnlyGpu),
    def(K::Gpulife, "gpulife", Integer, (5.0, 1.0, 15.0, 1.0), Some(M::UnitYears),
        M::LabelGpulife, M::HelpGpulife, G::GpuCloud).only(OnlyGpu),
    def(K::Dclife, "dclife", Integer, (20.0, 5.0, 40.0, 1.0), Some(M::UnitYears),
        M::LabelDclife, M::HelpDclife, G::AiPlan),
    def(K::Colo, "colo", Real, (130.0, 10.0, 1000.0, 1.0), Some(M::UnitUsdPerKwMonth),
        M::LabelColo, M::HelpColo, G::Colocation).slider(10.0, 400.0).only(OnlyColo).tornado(OnlyColo),
    def(K::Esc, "esc", Real, (3.0, 0.0, 20.0, 0.5), Some(M::UnitPctPerYear),
        M::LabelEsc, M::HelpEsc, G::Colocation).only(OnlyColo).tornado(OnlyColo),
    def(K::Rate, "rate", Real, (12.0, 0.0, 100.0, 0.5), Some(M::UnitPctPerYear),
        M::LabelRate, M::HelpRate, G::Finance).slider(0.0, 40.0).tornado(Always),
    def(K::Mc, "mc", Integer, (0.0, 0.0, 100_000.0, 100.0), Some(M::UnitPaths),
        M::LabelMc, M::HelpMc, G::Uncertainty).slider(0.0, 10_000.0),
    def(K::Vol, "vol", Real, (50.0, 0.0, 300.0, 1.0), Some(M::UnitPctPerYear),
        M::LabelVol, M::HelpVol, G::Uncertainty).slider(0.0, 150.0),
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

    /// The keys the tornado moves under `ai`, in table order.
    pub fn tornado(ai: AiModel) -> impl Iterator<Item = Key> {
        KEYS.iter()
            .filter(move |d| d.tornado.is_some_and(|a| a.to(ai)))
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
    fn tornado_moves_only_what_matters_for_the_ai_model() {
        let gpu: Vec<Key> = Key::tornado(AiModel::Gpu).collect();
        let colo: Vec<Key> = Key::tornado(AiModel::Colo).collect();
        assert!(gpu.contains(&Key::Gpu) && !gpu.contains(&Key::Colo));
        assert!(colo.contains(&Key::Colo) && colo.contains(&Key::Esc));
        assert!(!colo.contains(&Key::Util) && !colo.contains(&Key::Gpucost));
        for k in gpu.iter().chain(&colo) {
            assert!(k.def().applies.to(AiModel::Gpu) || k.def().applies.to(AiModel::Colo));
        }
    }
}
