//! Named starting points (ECONOMICS.md §1 "Presets") as the picker shows them, each with its
//! source note. Their keys are the current schema's presets (see [`Schema`]).

use super::codec;
use super::schema::Schema;
use super::Scenario;
use crate::msg::Msg;

/// A preset of the current schema, as the picker shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// URL id (`preset=ID`).
    pub id: &'static str,
    /// Title shown in the picker.
    pub title: Msg,
    /// One-line source note shown beside it.
    pub note: Msg,
}

/// All presets, in picker order: the current schema's, in its order.
pub const PRESETS: [Preset; 5] = [
    Preset {
        id: "keep-mining",
        title: Msg::PresetKeepMiningTitle,
        note: Msg::PresetKeepMiningNote,
    },
    Preset {
        id: "bitfarms-wa",
        title: Msg::PresetBitfarmsTitle,
        note: Msg::PresetBitfarmsNote,
    },
    Preset {
        id: "iren-msft",
        title: Msg::PresetIrenTitle,
        note: Msg::PresetIrenNote,
    },
    Preset {
        id: "colo-lease",
        title: Msg::PresetColoTitle,
        note: Msg::PresetColoNote,
    },
    Preset {
        id: "absorb-4y",
        title: Msg::PresetAbsorbTitle,
        note: Msg::PresetAbsorbNote,
    },
];

impl Preset {
    /// The preset with this id.
    pub fn find(id: &str) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.id == id)
    }

    /// The current schema's defaults with this preset's keys applied.
    pub fn scenario(&self) -> Scenario {
        Schema::current()
            .preset(self.id)
            .expect("every preset of the picker is one of the current schema's")
    }

    /// The canonical query of `preset=ID`.
    pub fn canonical_query(&self) -> String {
        codec::canonical_query(&self.scenario())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_preset_is_its_keys_over_the_defaults() {
        let schema = Schema::current();
        let picker: Vec<&str> = PRESETS.iter().map(|p| p.id).collect();
        let current: Vec<&str> = schema.presets.iter().map(|p| p.id).collect();
        assert_eq!(
            picker, current,
            "the picker shows the current schema's presets"
        );
        for (p, keys) in PRESETS.iter().zip(schema.presets.iter().map(|p| p.keys)) {
            assert_eq!(
                p.canonical_query(),
                format!("v={}&{keys}", schema.version),
                "{}",
                p.id
            );
            let parsed = codec::parse(&format!("preset={}", p.id));
            assert!(parsed.warnings.is_empty());
            assert_eq!(parsed.scenario, p.scenario());
        }
    }
}
