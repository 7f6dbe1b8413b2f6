//! HashShift: what a megawatt earns if it keeps mining Bitcoin, and what if it is converted to
//! AI compute.
//!
//! Data flows one way: a URL query → [`scenario::parse`] → [`explorer::State`] (one
//! [`explorer::Action`] per gesture, [`explorer::update`] pure) → [`model::run`] → projection
//! → view models → the page. Everything but `ui` is pure (no DOM, no I/O), builds natively and
//! for `wasm32-unknown-unknown`, and is tested natively; `ui` is the browser shell.

#![warn(missing_docs)]

pub mod analysis;
pub mod calendar;
pub mod charts;
pub mod explorer;
pub mod i18n;
pub mod model;
pub mod msg;
pub mod report;
pub mod scenario;
#[cfg(target_arch = "wasm32")]
pub mod ui;
