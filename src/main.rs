//! Natively: the `hashshift` command line. In the browser: the explorer on the page, and in
//! the page's web worker (which runs this same wasm, see `assets/worker.js`) its Monte Carlo.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    hashshift::ui::start();
}
