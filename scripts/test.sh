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
say "native tests"
cargo test
say "wasm32 build of the core"
cargo build --lib --target wasm32-unknown-unknown
say "wasm32 clippy of the explorer"
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
say "release build of the CLI and of the static site"
cargo build --release --bin hashshift
# The tests check the page as built to work from any path: no site address (see site-url.sh).
HASHSHIFT_SITE_URL= trunk build --release
du_gz() { for f in "$@"; do gzip -9c "$f" | wc -c; done | awk '{ s += $1 } END { print s }'; }
# The page's web worker runs the page's own wasm (handed over compiled); it loads worker.js and,
# unless the browser's cache serves it, the glue (hashshift-*.js) again: counted twice here.
echo "reader payload: $(du_gz dist/index.html dist/hashshift-* dist/style-*.css dist/worker.js dist/hashshift-*.js) bytes gzipped (page: html + js + wasm + css; worker: worker.js + the glue again; budget 409600)"
echo "embed.js (host pages): $(du_gz dist/embed.js) bytes gzipped; preview.png (link previews): $(du_gz dist/preview.png) bytes"
say "browser end-to-end tests (Playwright + Debian's Chromium)"
node --test e2e/
