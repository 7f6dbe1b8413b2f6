#!/usr/bin/env bash
# Sets everything up and runs every test: format, lints, native tests, the wasm build of the
# core and the explorer, and the browser end-to-end tests on the release site.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$PATH"
say() { printf '\033[1m== %s\033[0m\n' "$*"; }

say "cargo fmt --check"
cargo fmt --all -- --check
say "cargo clippy (native, all targets)"
cargo clippy --all-targets -- -D warnings
say "cargo clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown -- -D warnings
say "native tests"
cargo test
say "wasm32 build of the core"
cargo build --lib --target wasm32-unknown-unknown
