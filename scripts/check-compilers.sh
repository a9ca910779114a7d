#!/usr/bin/env bash
# The GUI-free core and the CLI must build warning-free with both of Debian 12's compilers
# (g++ 12 and clang 14): builds them with -Werror into build-gcc-werror and build-clang.
set -euo pipefail
cd "$(dirname "$0")/.."
for compiler in g++ clang++-14; do
    dir=build-$([[ $compiler == g++ ]] && echo gcc-werror || echo clang)
    echo "== earshot_core and earshot-cli with $compiler, warnings as errors"
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=$compiler \
          -DEARSHOT_BUILD_GUI=OFF -DEARSHOT_BUILD_TESTS=OFF -DEARSHOT_WERROR=ON >/dev/null
    cmake --build "$dir" -j2 --target earshot-cli
done
echo "both compilers: no warnings"
