//! Views derived from many model runs (ECONOMICS.md §9–§10): sensitivity (tornado), the
//! break-even map, the discount-rate curve, the value of waiting, the break-evens of one input
//! at a time and Monte Carlo. [`Kind`] names
//! them; [`Analyses`] holds those of one scenario, each computed on first ask.
//!
//! Adding an analysis: its module with its function, a [`Kind`] variant (its name for the CLI
//! and the report), its cell and accessor in [`Analyses`], its field in
//! [`crate::charts::Input`] if a chart draws it, and its entry in the report's `analysis`.

mod analyses;
mod breakeven_map;
mod breakevens;
mod kind;
mod monte_carlo;
mod rates;
mod sensitivity;
mod timing;

pub use analyses::Analyses;
pub use breakeven_map::{breakeven_map, BreakevenMap, MAP_SPAN};
pub use breakevens::{breakevens, scan_grid, sweeps, Breakeven, Sweep, PRECISION, SCAN_POINTS};
pub use kind::Kind;
pub use monte_carlo::{monte_carlo, Dot, FanMonth, MonteCarlo, MonteCarloRun, DOTS};
pub use rates::{rates, RatePoint, RATES};
pub use sensitivity::{tornado, Bar, Tornado, SWING};
pub use timing::{timing, TimingPoint, DELAYS};
