//! The explorer, compiled and tested natively: [`core`], the state machine (the [`State`], one
//! [`Action`] per gesture, a pure [`update`] that returns the [`Effect`]s for the shell to run),
//! and [`view`], the view models of every text the page shows (KPI cards, controls, chart
//! panels, the Monte Carlo line, warnings, presets, the texts of copies and downloads), built
//! from the state. `core` never imports `view`. The Yew shell (`ui`) only forwards events,
//! renders the view models and runs the effects.

pub mod core;
pub mod view;

pub use self::core::{
    start, update, Action, CopyWhat, Effect, Export, McResult, McRun, Notice, PageWarning, State,
    Swept, UrlWrite, View, ViewWarning, MAP_CELLS,
};
