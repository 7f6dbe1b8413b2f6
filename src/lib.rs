//! HashShift: what a megawatt earns if it keeps mining Bitcoin, and what if it is converted to
//! AI compute.
//!
//! Data flows one way: a URL query → [`scenario::parse`] → [`model::run`] → projection → views.
//! `model`, `scenario`, `analysis` and `charts` are pure (no DOM, no I/O) and build natively and
//! for `wasm32-unknown-unknown`; `ui` is the browser shell.

pub mod analysis;
pub mod charts;
pub mod format;
pub mod i18n;
pub mod kpi;
pub mod model;
pub mod scenario;
#[cfg(target_arch = "wasm32")]
pub mod ui;
