//! Views derived from many model runs (ECONOMICS.md §9–§10): sensitivity (tornado), the
//! break-even map, the discount-rate curve, the value of waiting and Monte Carlo.

mod breakeven_map;
mod monte_carlo;
mod rates;
mod sensitivity;
mod timing;

pub use breakeven_map::{breakeven_map, BreakevenMap, MAP_SPAN};
pub use monte_carlo::{monte_carlo, FanMonth, MonteCarlo, MonteCarloRun};
pub use rates::{rates, RatePoint, RATES};
pub use sensitivity::{tornado, Bar, Tornado, SWING};
pub use timing::{timing, TimingPoint, DELAYS};
