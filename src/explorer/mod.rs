//! The explorer's state machine, compiled and tested natively: the [`State`], one [`Action`]
//! per gesture, a pure [`update`] that returns the [`Effect`]s for the shell to run, and view
//! models for every text the page shows (KPI cards, controls, chart panels, the Monte Carlo
//! line, warnings, presets). The Yew shell (`ui`) only forwards events, renders these and runs
//! the effects.

pub mod core;
pub mod view;

pub use self::core::state::{
    start, update, Action, CopyWhat, Effect, McResult, McRun, Notice, State, UrlWrite, MAP_CELLS,
};
pub use self::core::view_keys::{PageWarning, View, ViewWarning};

/// An `f64` exactly as the CLI's JSON prints it (shortest round-trip, `1.0`, `1e21`): the
/// `data-value` of KPI cards and Monte Carlo numbers.
pub fn data_value(v: f64) -> String {
    serde_json::to_string(&v).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_values_are_json_numbers() {
        assert_eq!(data_value(-590_037_816.943_672_2), "-590037816.9436722");
        assert_eq!(data_value(0.0), "0.0");
        assert_eq!(data_value(1e21), "1e+21");
        assert_eq!(data_value(0.12), "0.12");
    }
}
