#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite (unit, store, fetcher
# against a local HTTP server, engine, CLI, offscreen GUI, feed conformance), after checking
# that the core builds warning-free with g++ 12 and clang 14.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
scripts/check-compilers.sh
cd build
ctest --output-on-failure -j2 --timeout 900
