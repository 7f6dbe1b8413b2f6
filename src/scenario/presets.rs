//! Named starting points (ECONOMICS.md §1 "Presets"), declared once: the picker shows them with
//! their source notes, and the current schema's entry lists them (see `SchemaPresets::Picker`).
//! The codec reads one ([`Preset::scenario`], [`Preset::canonical_query`]).

use crate::msg::Msg;

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
}

/// All presets, in picker order.
pub const PRESETS: [Preset; 5] = [
    Preset {
        id: "keep-mining",
        keys: "conv=0",
        title: Msg::PresetKeepMiningTitle,
        note: Msg::PresetKeepMiningNote,
    },
    Preset {
        id: "bitfarms-wa",
        keys: "mw=18&cbuild=11&capex=12",
        title: Msg::PresetBitfarmsTitle,
        note: Msg::PresetBitfarmsNote,
    },
    Preset {
        id: "iren-msft",
        keys: "years=6&mw=280&cbuild=9&gpu=2.03&util=100&gpucost=53000&cterm=60&prepay=20&airate=9",
        title: Msg::PresetIrenTitle,
        note: Msg::PresetIrenNote,
    },
    Preset {
        id: "colo-lease",
        keys: "years=12&mw=250&ai=colo&colo=121&airate=9",
        title: Msg::PresetColoTitle,
        note: Msg::PresetColoNote,
    },
    Preset {
        id: "absorb-4y",
        keys: "phases=4",
        title: Msg::PresetAbsorbTitle,
        note: Msg::PresetAbsorbNote,
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
