//! Named starting points (ECONOMICS.md §1 "Presets"), declared once: the picker shows them with
//! their source notes, and the current schema's entry lists them (see `SchemaPresets::Picker`).
//! The codec reads one ([`Preset::scenario`], [`Preset::canonical_query`]).

use crate::msg::Msg;

/// Where a preset comes from: the picker groups them in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Casebook {
    /// The cases of the seed article (ECONOMICS.md `seeds/`).
    Article,
    /// Deals miners have signed.
    Deal,
}

impl Casebook {
    /// Both groups, in picker order.
    pub const ALL: [Casebook; 2] = [Casebook::Article, Casebook::Deal];

    /// The group's heading.
    pub fn title(self) -> Msg {
        match self {
            Casebook::Article => Msg::CasebookArticle,
            Casebook::Deal => Msg::CasebookDeal,
        }
    }

    /// The group's name in `hashshift presets --format json`.
    pub fn name(self) -> &'static str {
        match self {
            Casebook::Article => "article",
            Casebook::Deal => "deal",
        }
    }
}

/// A preset of the current schema, as the picker shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// URL id (`preset=ID`).
    pub id: &'static str,
    /// Its keys over the defaults, as a canonical query without its `v=` (`mw=18&capex=12`).
    pub keys: &'static str,
    /// Title shown in the picker.
    pub title: Msg,
    /// One-line source note shown beside it.
    pub note: Msg,
    /// What the model cannot express about the deal or claim.
    pub cannot: Msg,
    /// The group it is listed in.
    pub group: Casebook,
    /// When the deal was signed or the claim made: `YYYY-MM`, or `YYYY` when only the year is
    /// known; `None` for a case with no date.
    pub date: Option<&'static str>,
    /// The link to its source (ECONOMICS.md §12); `None` where the source is the seed article.
    pub source: Option<&'static str>,
}

/// All presets, in picker order (the article's cases, then the signed deals).
pub const PRESETS: [Preset; 9] = [
    Preset {
        id: "keep-mining",
        keys: "conv=0",
        title: Msg::PresetKeepMiningTitle,
        note: Msg::PresetKeepMiningNote,
        cannot: Msg::PresetKeepMiningCannot,
        group: Casebook::Article,
        date: None,
        source: Some("https://bt-miners.com/ko/bitcoin-difficulty-rebounds-7-15-what-asic-miners-should-do/"),
    },
    Preset {
        id: "bitfarms-wa",
        keys: "mw=18&cbuild=11&capex=12&cterm=0",
        title: Msg::PresetBitfarmsTitle,
        note: Msg::PresetBitfarmsNote,
        cannot: Msg::PresetBitfarmsCannot,
        group: Casebook::Article,
        date: Some("2025-11"),
        source: Some("https://pulse2.com/bitfarms-advances-128-million-washington-conversion-to-hpc-and-ai-infrastructure-with-2026-completion-target"),
    },
    Preset {
        id: "iren-msft",
        keys: "years=6&mw=280&cbuild=9&gpu=2.03&util=100&gpucost=53000&prepay=20&airate=9",
        title: Msg::PresetIrenTitle,
        note: Msg::PresetIrenNote,
        cannot: Msg::PresetIrenCannot,
        group: Casebook::Article,
        date: Some("2025-11"),
        source: Some("https://livenews.co.nz/2025/11/07/nz-au-iren-reports-q1-fy26-results"),
    },
    Preset {
        id: "absorb-4y",
        keys: "phases=4",
        title: Msg::PresetAbsorbTitle,
        note: Msg::PresetAbsorbNote,
        cannot: Msg::PresetAbsorbCannot,
        group: Casebook::Article,
        date: Some("2025"),
        source: None,
    },
    Preset {
        id: "colo-lease",
        keys: "years=12&mw=250&ai=colo&colo=121&airate=9",
        title: Msg::PresetColoTitle,
        note: Msg::PresetColoNote,
        cannot: Msg::PresetColoCannot,
        group: Casebook::Deal,
        date: Some("2024-06"),
        source: Some("https://www.sec.gov/Archives/edgar/data/1839341/000162828024043341/corescientifichpcoption3re.htm"),
    },
    Preset {
        id: "cipher-barber-lake",
        keys: "mw=244&ai=colo&itratio=1.45&capex=10&coloopex=15&airate=8&ltc=80&kd=7.125&tenor=0",
        title: Msg::PresetCipherTitle,
        note: Msg::PresetCipherNote,
        cannot: Msg::PresetCipherCannot,
        group: Casebook::Deal,
        date: Some("2025-09"),
        source: Some("https://coinmela.com/cipher-mining-secures-3-billion-contract-with-fluidstack-and-google-backstops-lease-obligations"),
    },
    Preset {
        id: "terawulf-core42",
        keys: "mw=72.5&ai=colo&itratio=1.21&capex=9&colo=125&coloopex=15&cterm=120&prepay=10&airate=10",
        title: Msg::PresetTerawulfTitle,
        note: Msg::PresetTerawulfNote,
        cannot: Msg::PresetTerawulfCannot,
        group: Casebook::Deal,
        date: Some("2024-11"),
        source: Some("https://newprojectmedia.com/data-center-terawulf-hires-jp-morgan-and-morgan-stanley-to-raise-project-finance-for-data-center-project-in-lake-mariner-ny/"),
    },
    Preset {
        id: "galaxy-helios",
        keys: "years=15&mw=800&ai=colo&phases=3&itratio=1.52&colo=127&airate=9&ltc=80&tenor=12",
        title: Msg::PresetGalaxyTitle,
        note: Msg::PresetGalaxyNote,
        cannot: Msg::PresetGalaxyCannot,
        group: Casebook::Deal,
        date: Some("2025"),
        source: Some("https://www.stocktitan.net/news/GLXY/galaxy-closes-1-4-billion-project-financing-facility-to-accelerate-m1g6nrtnwvpm.html"),
    },
    Preset {
        id: "riot-amd",
        keys: "mw=35&ai=colo&capex=3.6&colo=90",
        title: Msg::PresetRiotTitle,
        note: Msg::PresetRiotNote,
        cannot: Msg::PresetRiotCannot,
        group: Casebook::Deal,
        date: Some("2026-01"),
        source: Some("https://www.stocktitan.net/news/RIOT/riot-announces-fee-simple-acquisition-of-land-and-first-data-center-lifxve642vej.html"),
    },
];

impl Preset {
    /// The preset with this id.
    pub fn find(id: &str) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{codec, SCHEMA};

    #[test]
    fn each_preset_reads_without_warnings_to_its_keys_over_the_defaults() {
        for p in &PRESETS {
            let parsed = codec::parse(&format!("preset={}", p.id));
            assert!(
                parsed.warnings.is_empty(),
                "{}: {:?}",
                p.id,
                parsed.warnings
            );
            assert_eq!(parsed.scenario, p.scenario(), "{}", p.id);
            // Its keys are canonical: in table order, each differing from its default.
            let canonical = codec::canonical_query(&parsed.scenario);
            assert_eq!(canonical, format!("v={SCHEMA}&{}", p.keys), "{}", p.id);
            assert_eq!(p.canonical_query(), canonical, "{}", p.id);
            assert_eq!(Preset::find(p.id), Some(p));
        }
        assert_eq!(Preset::find("nope"), None);
    }
}
