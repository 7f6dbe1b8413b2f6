//! The explorer's view models, pure functions of the core's state: what the page shows (KPI
//! cards, the Monte Carlo odds card, summary, controls, the preset casebook, chart panels, the
//! waterfall, the story panel), and the texts and files the shell produces when it runs an effect (a copy, the
//! share sheet, a download).

pub mod breakevens;
pub mod casebook;
pub mod compare;
pub mod controls;
pub mod explain;
pub mod export;
pub mod kpi;
pub mod odds;
pub mod page;
pub mod share;
pub mod snapshot;
pub mod story;
pub mod summary;
