//! View models: every text and number the page shows, built from the explorer's state.

pub mod compare;
pub mod controls;
pub mod export;
pub mod kpi;
pub mod page;
pub mod share;
pub mod summary;
