#!/usr/bin/env bash
# Sets everything up and serves the explorer (release build) at http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
# Its own output folder: dist/ stays the static release site that the tests run against.
exec trunk serve --release --dist target/serve-dist
