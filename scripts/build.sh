#!/usr/bin/env bash
# Configures and builds Earshot (console, CLI and tests) into ./build with ccache.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEARSHOT_BUILD_GUI=ON -DEARSHOT_BUILD_TESTS=ON >/dev/null
cmake --build build -j2
