//! The explorer's state machine, compiled and tested natively: the [`State`], one [`Action`]
//! per gesture, a pure [`update`] that returns the [`Effect`]s for the shell to run, and view
//! models for every text the page shows (KPI cards, controls, chart panels, the Monte Carlo
//! line, warnings, presets). The Yew shell (`ui`) only forwards events, renders these and runs
//! the effects.

pub mod controls;
pub mod kpi;
pub mod page;
pub mod share;
mod state;
pub mod url_sync;
pub mod view;

pub use state::{
    start, update, Action, CopyWhat, Effect, McResult, Notice, Results, State, MAP_CELLS,
};
pub use view::{PageWarning, View, ViewWarning};

/// An `f64` exactly as the CLI's JSON prints it (shortest round-trip, `1.0`, `1e21`): the
/// `data-value` of KPI cards and Monte Carlo numbers.
pub fn data_value(v: f64) -> String {
    zmij::Buffer::new().format_finite(v).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_values_match_serde_json() {
        for v in [
            -596_769_094.550_450_4,
            0.0,
            3.002_400_150_131_566,
            1e21,
            1.5e-7,
            100.0,
        ] {
            assert_eq!(data_value(v), serde_json::to_string(&v).unwrap());
        }
    }
}
