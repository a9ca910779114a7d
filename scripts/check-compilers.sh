#!/usr/bin/env bash
# The GUI-free core and the CLI must build warning-free with both of Debian 12's compilers.
#   gcc:   g++ 12, -Werror, core and CLI, into build-gcc-werror.
#   clang: clang 14, -Werror, with AddressSanitizer + UndefinedBehaviorSanitizer and libFuzzer
#          coverage, into build-asan: the core, the CLI, the core tests and the fuzzers. That
#          one build is both the clang warning check and what scripts/test.sh runs the
#          sanitized tests and scripts/fuzz.sh the fuzzers from, so clang compiles the core once.
# usage: scripts/check-compilers.sh [gcc] [clang]   (both when none is named)
set -euo pipefail
cd "$(dirname "$0")/.."
compilers=("$@")
[[ ${#compilers[@]} -eq 0 ]] && compilers=(gcc clang)
for compiler in "${compilers[@]}"; do
    case "$compiler" in
    gcc)
        echo "== earshot_core and earshot-cli with g++, warnings as errors"
        cmake -S . -B build-gcc-werror -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ \
              -DEARSHOT_BUILD_GUI=OFF -DEARSHOT_BUILD_TESTS=OFF -DEARSHOT_WERROR=ON >/dev/null
        nice cmake --build build-gcc-werror -j2 --target earshot-cli
        ;;
    clang)
        echo "== earshot_core, earshot-cli, earshot_core_tests and the fuzzers with clang++-14, ASan + UBSan, warnings as errors"
        # -O1 keeps sanitized code fast enough to test and fuzz while compiling quicker than
        # -O2; line tables are all the sanitizers' stack traces need. NDEBUG stays off.
        cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
              "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
              -DEARSHOT_BUILD_GUI=OFF -DEARSHOT_BUILD_TESTS=ON -DEARSHOT_BUILD_FUZZERS=ON -DEARSHOT_WERROR=ON >/dev/null
        # Everything the configuration has (not just the test programs): the install
        # check among the tests needs the man pages too.
        nice cmake --build build-asan -j2
        ;;
    *) echo "unknown compiler $compiler (gcc or clang)" >&2; exit 2 ;;
    esac
done
echo "${compilers[*]}: no warnings"
