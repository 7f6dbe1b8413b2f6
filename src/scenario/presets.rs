//! Named starting points (ECONOMICS.md §1 "Presets"), each with its source note.

use super::codec;
use super::Scenario;

/// A preset: a set of keys over the defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// URL id (`preset=ID`).
    pub id: &'static str,
    /// Title shown in the picker.
    pub title: &'static str,
    /// One-line source note shown beside it.
    pub note: &'static str,
    /// Its keys, in table order (the canonical query without `v=1&`).
    pub keys: &'static str,
}

/// All presets, in picker order.
pub const PRESETS: [Preset; 5] = [
    Preset {
        id: "keep-mining",
        title: "Keep mining",
        note: "No conversion: the whole site keeps mining through the 2028 halving.",
        keys: "conv=0",
    },
    Preset {
        id: "bitfarms-wa",
        title: "Bitfarms, Washington: 18 MW to GPU cloud by Dec 2026",
        note: "Bitfarms, Nov 2025: 18 MW Washington site to GPU-as-a-Service by Dec 2026; $128M supply deal (~$7.1M per gross MW).",
        keys: "mw=18&cbuild=11&capex=8.9",
    },
    Preset {
        id: "iren-msft",
        title: "IREN–Microsoft style: 5-year contracted GPU cloud",
        note: "IREN–Microsoft, Nov 2025: $9.7B over 5 years for GB300 capacity (~$1.94B/yr, ~200 MW IT), ~$5.8B of GPUs.",
        keys: "years=5&mw=250&cbuild=9&gpu=2.03&gpudecl=0&util=100&gpucost=53000",
    },
    Preset {
        id: "colo-lease",
        title: "Core Scientific–CoreWeave style: 12-year hall lease",
        note: "Core Scientific–CoreWeave leases: ~$1.45M per MW-year (~$121/kW-month); tenant brings GPUs and pays power.",
        keys: "years=12&mw=250&ai=colo&colo=121",
    },
    Preset {
        id: "absorb-4y",
        title: "\"AI absorbs mining in 3–5 years\" (Hoskinson): four yearly tranches",
        note: "Charles Hoskinson (Cardano), 2025: AI will absorb Bitcoin mining infrastructure within 3–5 years.",
        keys: "phases=4",
    },
];

impl Preset {
    /// The preset with this id.
    pub fn find(id: &str) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.id == id)
    }

    /// The defaults with this preset's keys applied.
    pub fn scenario(&self) -> Scenario {
        let mut s = Scenario::default();
        let mut ignored = Vec::new();
        for (name, value) in form_urlencoded::parse(self.keys.as_bytes()) {
            if let Some(key) = super::Key::from_name(&name) {
                codec::apply(&mut s, key, &value, &mut ignored);
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
            assert_eq!(p.canonical_query(), format!("v=1&{}", p.keys), "{}", p.id);
            let parsed = codec::parse(&format!("preset={}", p.id));
            assert!(parsed.warnings.is_empty());
            assert_eq!(parsed.scenario, p.scenario());
            assert!(!p.note.is_empty() && !p.note.contains('\n'));
        }
    }
}
