//! Named starting points (ECONOMICS.md §1 "Presets"), each with its source note.

use super::codec;
use super::Scenario;
use crate::i18n::Msg;

/// A preset: a set of keys over the defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// URL id (`preset=ID`).
    pub id: &'static str,
    /// Title shown in the picker.
    pub title: Msg,
    /// One-line source note shown beside it.
    pub note: Msg,
    /// Its keys, in table order (the canonical query without `v=2&`).
    pub keys: &'static str,
}

/// All presets, in picker order.
pub const PRESETS: [Preset; 5] = [
    Preset {
        id: "keep-mining",
        title: Msg::PresetKeepMiningTitle,
        note: Msg::PresetKeepMiningNote,
        keys: "conv=0",
    },
    Preset {
        id: "bitfarms-wa",
        title: Msg::PresetBitfarmsTitle,
        note: Msg::PresetBitfarmsNote,
        keys: "mw=18&cbuild=11&capex=12",
    },
    Preset {
        id: "iren-msft",
        title: Msg::PresetIrenTitle,
        note: Msg::PresetIrenNote,
        keys: "years=6&mw=280&cbuild=9&gpu=2.03&util=100&gpucost=53000&cterm=60&prepay=20&airate=9",
    },
    Preset {
        id: "colo-lease",
        title: Msg::PresetColoTitle,
        note: Msg::PresetColoNote,
        keys: "years=12&mw=250&ai=colo&colo=121&airate=9",
    },
    Preset {
        id: "absorb-4y",
        title: Msg::PresetAbsorbTitle,
        note: Msg::PresetAbsorbNote,
        keys: "phases=4",
    },
];

impl Preset {
    /// The preset with this id.
    pub fn find(id: &str) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.id == id)
    }

    /// The defaults with this preset's keys applied (read once, then remembered: the page asks
    /// on every render which preset the scenario is).
    pub fn scenario(&self) -> Scenario {
        static READ: std::sync::OnceLock<Vec<Scenario>> = std::sync::OnceLock::new();
        let all = READ.get_or_init(|| PRESETS.iter().map(Preset::read).collect());
        PRESETS
            .iter()
            .position(|p| p.id == self.id)
            .map_or_else(|| self.read(), |i| all[i])
    }

    /// The defaults with this preset's keys applied.
    fn read(&self) -> Scenario {
        let mut s = Scenario::default();
        let mut ignored = Vec::new();
        for (name, value) in form_urlencoded::parse(self.keys.as_bytes()) {
            if let Some(key) = super::Key::from_name(&name) {
                codec::apply(&mut s, key, key.name(), &value, &mut ignored);
            }
        }
        debug_assert!(
            ignored.is_empty(),
            "preset {} is malformed: {ignored:?}",
            self.id
        );
        s
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
        for p in PRESETS {
            assert_eq!(p.canonical_query(), format!("v=2&{}", p.keys), "{}", p.id);
            let parsed = codec::parse(&format!("preset={}", p.id));
            assert!(parsed.warnings.is_empty());
            assert_eq!(parsed.scenario, p.scenario());
        }
    }
}
