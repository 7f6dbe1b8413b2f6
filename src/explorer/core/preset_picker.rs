//! The preset picker's browsing. A closed picker moves to the next preset at each arrow key and
//! says so with `change` (Chromium on Windows and Linux), like a pick. The keyboard browses the
//! presets, and each one's note; Enter, or leaving the picker for another part of the page,
//! applies the one showing, and Escape goes back. A pick by pointer or from the open list
//! applies at once: its `change` does not come within [`KEYED_MS`] of a browsing key's
//! `keydown`.

use crate::scenario::Preset;

/// How soon after a browsing key's `keydown` its `change` comes, at most, ms: the change is the
/// key's default action, a task later at most, while a pick from an open list comes seconds
/// after the key that opened it. A `change` within this time browses; a later one applies.
pub const KEYED_MS: f64 = 200.0;

/// Whether `key`, pressed without a modifier on the closed preset picker, moves it to another
/// preset (the arrows, Home, End, the page keys, and a letter to find a title by): the reader
/// browses the presets, and none is applied until Enter or the picker is left. Where a key
/// opens the list instead (Space and Alt+↓; the arrows on macOS), the pick comes later and
/// applies at once.
pub fn key_browses(key: &str) -> bool {
    let mut chars = key.chars();
    let printable = matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_whitespace());
    printable
        || matches!(
            key,
            "ArrowUp"
                | "ArrowDown"
                | "ArrowLeft"
                | "ArrowRight"
                | "Home"
                | "End"
                | "PageUp"
                | "PageDown"
        )
}

/// The picker's value for `current`, the preset the scenario is exactly: its id, or `""` (a
/// custom scenario). The picker shows it when the reader is not browsing.
pub fn picker_value(current: Option<&'static Preset>) -> &'static str {
    current.map_or("", |p| p.id)
}

/// Whether `key` ends the browsing: Enter applies the preset showing, Escape goes back to the
/// one in force. While the keyboard browses, the picker takes these keys from the browser.
pub fn ends_browsing(key: &str) -> bool {
    matches!(key, "Enter" | "Escape")
}

/// The preset picker's state between gestures. `chosen`, in its methods, is the id of the preset
/// in force (`""`: a custom scenario), which the picker shows when the reader is not browsing.
#[derive(Clone, Debug, PartialEq)]
pub struct PresetBrowsing {
    /// The id the closed picker shows while the keyboard browses (`""`: custom), when it is not
    /// `chosen`.
    pub browsed: Option<String>,
    /// When the last key pressed on the picker was pressed, ms (an event time stamp), if it
    /// browses ([`key_browses`], without a modifier); minus infinity after any other key.
    pub keyed_at_ms: f64,
    /// How many times the picker went back to the preset in force without applying one
    /// (Escape; "Custom scenario" or the preset in force picked). The shell sets the picker's
    /// value to the preset in force each time this changes, as when that preset changes.
    pub returns: u32,
}

impl Default for PresetBrowsing {
    fn default() -> Self {
        PresetBrowsing {
            browsed: None,
            keyed_at_ms: f64::NEG_INFINITY,
            returns: 0,
        }
    }
}

impl PresetBrowsing {
    /// Whether the keyboard is browsing the presets.
    pub fn browsing(&self) -> bool {
        self.browsed.is_some()
    }

    /// `key` pressed on the picker at `at_ms`, `plain` if without Alt, Ctrl or Meta. Returns
    /// the preset to apply (Enter while browsing), if any.
    pub fn key_down(
        &mut self,
        key: &str,
        plain: bool,
        at_ms: f64,
        chosen: &str,
    ) -> Option<&'static Preset> {
        self.keyed_at_ms = if plain && key_browses(key) {
            at_ms
        } else {
            f64::NEG_INFINITY
        };
        let browsed = self.browsed.clone().filter(|_| ends_browsing(key))?;
        let showing = if key == "Escape" { chosen } else { &browsed };
        self.apply(showing, chosen)
    }

    /// The picker changed to `id` at `at_ms`: right after a browsing key, the keyboard browses
    /// to it; otherwise it was picked (by pointer, or from the open list). Returns the preset to
    /// apply, if any.
    pub fn changed(&mut self, id: &str, at_ms: f64, chosen: &str) -> Option<&'static Preset> {
        if at_ms - self.keyed_at_ms < KEYED_MS {
            self.browsed = Some(id.to_string()).filter(|id| id != chosen);
            None
        } else {
            self.apply(id, chosen)
        }
    }

    /// The picker lost the focus; `page_focused`: the page kept it (false: the window lost it,
    /// to another tab or app, which is not leaving the picker). Leaving the picker applies the
    /// preset it shows while browsing. Returns the preset to apply, if any.
    pub fn left(&mut self, page_focused: bool, chosen: &str) -> Option<&'static Preset> {
        let browsed = self.browsed.clone().filter(|_| page_focused)?;
        self.apply(&browsed, chosen)
    }

    /// The preset in force became `chosen` (from `was`): the picker shows it, not one browsed
    /// before.
    pub fn follow(&mut self, was: &str, chosen: &str) {
        if was != chosen {
            self.browsed = None;
        }
    }

    /// The picker, showing `id`, is done with: the preset it shows applies unless it is the one
    /// in force or none ("Custom scenario" changes nothing), and then the picker goes back to
    /// the one in force.
    fn apply(&mut self, id: &str, chosen: &str) -> Option<&'static Preset> {
        self.browsed = None;
        match Preset::find(id) {
            Some(preset) if id != chosen => Some(preset),
            _ => {
                self.returns += 1;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_that_move_a_closed_picker_browse_and_the_others_do_not() {
        for key in ["ArrowDown", "ArrowUp", "Home", "End", "PageDown", "k", "é"] {
            assert!(key_browses(key), "{key}");
        }
        for key in [" ", "Enter", "Escape", "Tab", "Alt", "Shift", "F5", ""] {
            assert!(!key_browses(key), "{key:?}");
        }
    }
}
