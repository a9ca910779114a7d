#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite (unit, store, fetcher
# against a local HTTP server, engine, CLI, offscreen GUI, feed conformance).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
ctest --output-on-failure -j2 --timeout 900
