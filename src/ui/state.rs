//! The explorer's state and its reducer: one [`Action`] per user gesture.

use crate::model::{self, Projection};
use crate::scenario::{canonical_query, parse, Key, Preset, Scenario, Tab, View, PRESETS};
use std::ops::Deref;
use std::rc::Rc;
use yew::Reducible;

/// A shared value compared by identity, so that props holding it compare in O(1).
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The scenario.
    pub scenario: Scenario,
    /// View keys (tab, embed, controls).
    pub view: View,
    /// The model's answer for `scenario`.
    pub projection: Shared<Projection>,
    /// Problems with the last link read or value typed.
    pub warnings: Vec<String>,
    /// Whether the warnings banner is shown.
    pub warnings_open: bool,
}

/// One user gesture.
pub enum Action {
    /// A slider or a valid number moved a key.
    Set(Key, f64),
    /// Text typed, pasted or picked for a key (read like the URL; bad text warns).
    SetText(Key, String),
    /// Back to the key's default.
    Reset(Key),
    /// A preset picked.
    Preset(&'static Preset),
    /// A chart tab picked.
    Tab(Tab),
    /// A new URL query (back/forward).
    Load(String),
    /// The warnings banner closed.
    DismissWarnings,
}

impl State {
    /// The state a URL query describes.
    pub fn from_query(query: &str) -> Self {
        let parsed = parse(query);
        let mut warnings = parsed.warnings;
        warnings.extend(parsed.view_warnings);
        State {
            projection: Shared(Rc::new(model::run(&parsed.scenario))),
            scenario: parsed.scenario,
            view: parsed.view,
            warnings_open: !warnings.is_empty(),
            warnings,
        }
    }

    /// The page's query: the canonical query plus the view keys that differ from theirs.
    pub fn query(&self) -> String {
        format!(
            "{}{}",
            canonical_query(&self.scenario),
            self.view.query_suffix()
        )
    }

    /// The query of the full explorer for the same scenario (no embed keys).
    pub fn full_query(&self) -> String {
        let view = View {
            embed: false,
            controls: None,
            ..self.view.clone()
        };
        format!("{}{}", canonical_query(&self.scenario), view.query_suffix())
    }

    /// The preset the scenario is exactly, if any.
    pub fn preset(&self) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.scenario() == self.scenario)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Set(key, value) => next.scenario.set(key, value),
            Action::SetText(key, text) => {
                let warnings = next.scenario.set_text(key, &text);
                if !warnings.is_empty() {
                    next.warnings = warnings;
                    next.warnings_open = true;
                }
            }
            Action::Reset(key) => next.scenario.set(key, next.scenario.default_of(key)),
            Action::Preset(p) => next.scenario = p.scenario(),
            Action::Tab(tab) => next.view.tab = tab,
            Action::Load(query) => return Rc::new(State::from_query(&query)),
            Action::DismissWarnings => next.warnings_open = false,
        }
        if next.scenario != self.scenario {
            next.projection = Shared(Rc::new(model::run(&next.scenario)));
        }
        Rc::new(next)
    }
}
