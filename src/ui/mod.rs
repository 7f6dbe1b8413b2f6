//! The explorer: a Yew app over the pure core. State lives in one reducer (`state`); the URL is
//! kept in sync by `url`; components only forward gestures as actions and render.

mod app;
mod canvas;
mod chart;
mod controls;
mod kpis;
mod share;
mod state;
mod url;

/// Mounts the explorer on the page's body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
