//! In the browser: the explorer's Monte Carlo web worker (trunk builds it beside the page, see
//! `index.html`; the page spawns it the first time it needs Monte Carlo: at load, while
//! `mc > 0`). Natively: nothing, so that `cargo build` and `cargo test` build every binary.

#[cfg(target_arch = "wasm32")]
fn main() {
    hashshift::ui::monte_carlo_worker();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
