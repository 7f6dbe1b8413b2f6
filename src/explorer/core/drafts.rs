//! What the reader's typing leaves in the controls, key by key: the text a number box holds
//! while it is typed into, the problem with the text last committed there, and how many times a
//! control's text was committed. `update` changes them by the rules of [`super::typing`]; the
//! controls render what they hold.

use super::typing::{committed, month_applies, month_bounds, preview, set_typed, Committed};
use crate::i18n::Lang;
use crate::scenario::{Key, Scenario, Warning};
use std::collections::BTreeMap;

/// A number box being typed into.
#[derive(Clone, Debug, PartialEq)]
pub struct Typed {
    /// The text as typed: the box shows it, not the value it applied, so that the box is never
    /// rewritten under the reader's keys (`1.234.567` must not become `1,234` after its fifth
    /// key on the Italian page).
    pub text: String,
    /// The key's value the typing left (a clean text applies as it is typed).
    pub left: f64,
    /// The key's value when the typing began, which text that cannot be read falls back to.
    pub before: f64,
}

/// The problem with the text last committed in a number box.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// What was wrong (the first warning of the commit).
    pub warning: Warning,
    /// The key's value that commit left: the problem is said while the value stays there.
    pub left: f64,
}

/// What the reader's typing left in one key's control.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// The number box's text while it is typed into, until the change, the blur, or the value
    /// moving some other way (a slider, Back, a preset).
    pub typed: Option<Typed>,
    /// The problem with the text last committed in the number box, said beside it until the
    /// value moves or the reader types again.
    pub problem: Option<Problem>,
    /// How many times text was committed in the control (a number box's change, a month
    /// picker's month read). Each commit shows the value in force in the control, even when the
    /// value did not change (a month refused leaves the value where it was): the shell renders
    /// the control again when this changes, which puts the value back in the box or picker
    /// (Yew sets an input's `value` against the element's live value, not the last one it
    /// rendered, so the same value is written back over what was typed).
    pub commits: u32,
}

/// Every control's [`Draft`], by key; a key never typed into has none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drafts(BTreeMap<Key, Draft>);

impl Drafts {
    /// What the typing left in `key`'s control (nothing, for a key never typed into).
    pub fn of(&self, key: Key) -> Draft {
        self.0.get(&key).cloned().unwrap_or_default()
    }

    fn entry(&mut self, key: Key) -> &mut Draft {
        self.0.entry(key).or_default()
    }

    /// Text typed into `key`'s number box, now `text`, on a page in `lang`: the box keeps it,
    /// a clean value applies to `s` at once, and the problem of the last commit goes.
    pub fn type_text(&mut self, s: &mut Scenario, key: Key, text: String, lang: Lang) {
        let draft = self.entry(key);
        draft.problem = None;
        let before = draft.typed.as_ref().map_or(s.get(key), |t| t.before);
        if let Some(value) = preview(s, key, &text, lang) {
            s.set(key, value);
        }
        draft.typed = Some(Typed {
            text,
            left: s.get(key),
            before,
        });
    }

    /// Text committed in `key`'s number box (Enter, or leaving the box after typing) on a page
    /// in `lang`: `s` takes the value [`committed`] gives, the box shows it, and the first
    /// problem is said beside it. Returns the problems, for the banner.
    pub fn commit(&mut self, s: &mut Scenario, key: Key, text: &str, lang: Lang) -> Vec<Warning> {
        let draft = self.entry(key);
        let before = draft.typed.take().map_or(s.get(key), |t| t.before);
        let Committed { scenario, warnings } = committed(s, key, text, before, lang);
        *s = scenario;
        draft.problem = warnings.first().map(|w| Problem {
            warning: w.clone(),
            left: s.get(key),
        });
        draft.commits += 1;
        warnings
    }

    /// The reader left `key`'s number box: the box shows the value in force again.
    pub fn leave_box(&mut self, key: Key) {
        if let Some(draft) = self.0.get_mut(&key) {
            draft.typed = None;
        }
    }

    /// A month picker of `key` changed to `text`: a whole month within its range applies at
    /// once ([`month_applies`]); anything else (a year half typed, a part cleared) waits for
    /// [`Drafts::read_month`]. Returns the problems, for the banner.
    pub fn month_input(
        &mut self,
        s: &mut Scenario,
        key: Key,
        text: &str,
        lang: Lang,
    ) -> Vec<Warning> {
        let (min, max) = month_bounds(s, key);
        if !month_applies(text, &min, &max) {
            return Vec::new();
        }
        self.entry(key).commits += 1;
        set_typed(s, key, text, lang)
    }

    /// The reader is done with `key`'s month picker, which holds `text` (Enter, or the picker
    /// left): unless it shows the month in force, the month is read like any typed text (a
    /// warning, and a safe value) and the picker shows the month in force. Returns the problems,
    /// for the banner.
    pub fn read_month(
        &mut self,
        s: &mut Scenario,
        key: Key,
        text: &str,
        lang: Lang,
    ) -> Vec<Warning> {
        if text == s.value_text(key) {
            return Vec::new();
        }
        self.entry(key).commits += 1;
        set_typed(s, key, text, lang)
    }

    /// Forgets what no longer describes `s`: text typed and problems said for a value that has
    /// moved since (a slider, a reset, Back, a preset).
    pub fn follow(&mut self, s: &Scenario) {
        for (&key, draft) in &mut self.0 {
            let value = s.get(key);
            if draft.typed.as_ref().is_some_and(|t| t.left != value) {
                draft.typed = None;
            }
            if draft.problem.as_ref().is_some_and(|p| p.left != value) {
                draft.problem = None;
            }
        }
    }
}
