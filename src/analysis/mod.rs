//! Views derived from many model runs: sensitivity (tornado), the break-even map and Monte Carlo.

mod breakeven_map;
mod monte_carlo;
mod sensitivity;

pub use breakeven_map::{breakeven_map, BreakevenMap, MAP_SPAN};
pub use monte_carlo::{monte_carlo, FanMonth, MonteCarlo};
pub use sensitivity::{tornado, Bar, Tornado, SWING};
