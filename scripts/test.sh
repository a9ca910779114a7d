#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite (unit, store on SQLite and on a
# PostgreSQL 15 server it starts itself, fetcher against a local HTTP server, engine, CLI,
# offscreen GUI, feed conformance), after checking
# that the core builds warning-free with g++ 12 and clang 14. The clang build has ASan and
# UBSan in it: the core tests run again there, then every fuzzer briefly. Ends with one line
# saying which tests were skipped and why.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/install-deps.sh
scripts/build.sh
scripts/check-compilers.sh  # g++ -Werror into build-gcc-werror; clang -Werror + sanitizers into build-asan

failed=()
run_ctest() {  # build dir; its results go to <dir>/ctest-junit.xml for the summary
    rm -f "$1/ctest-junit.xml"
    # Beside a PostgreSQL 15 of its own, for the team-workspace suites (EARSHOT_TEST_POSTGRES).
    scripts/with-postgres.sh bash -c 'cd "$1" && ctest --output-on-failure -j2 --timeout 900 --output-junit "$2"' \
        _ "$1" "$root/$1/ctest-junit.xml"
}

echo "== all tests (build)"
run_ctest build || failed+=("tests")

echo "== core tests and fuzz regressions under ASan + UBSan (build-asan)"
# Every report also goes to a file: a sanitized earshot-cli that a test spawns may fail in a
# way the test expects (exit 1) or its output may be read by a script (the conformance
# check), and its report must fail the run all the same. Leaks count.
reports=$root/build-asan/sanitizer-reports
rm -rf "$reports" && mkdir -p "$reports"
(
    export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:print_stacktrace=1:strict_string_checks=1:log_path=$reports/asan
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:log_path=$reports/ubsan
    export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
    run_ctest build-asan
) || failed+=("sanitized tests")
if compgen -G "$reports/*" >/dev/null; then
    echo "== sanitizer reports"
    cat "$reports"/*
    failed+=("sanitizer reports")
fi

echo "== fuzzers, 20 s each"
scripts/fuzz.sh --no-build all 20 || failed+=("fuzzing")

[[ ${#failed[@]} -eq 0 ]] || echo "FAILED: ${failed[*]}" >&2
# The last line: what did not run: ctest's JUnit files hold each skipped test with its output,
# where GTEST_SKIP's reason follows a "Skipped" line and other tests print theirs.
python3 - build/ctest-junit.xml build-asan/ctest-junit.xml <<'PYTHON'
import sys, xml.etree.ElementTree as ET
from pathlib import Path

reasons = {}  # reason -> test names, in order met
for path in sys.argv[1:]:
    if not Path(path).exists():
        continue
    prefix = "asan:" if "build-asan" in path else ""  # the sanitized run's tests
    for case in ET.parse(path).iter("testcase"):
        if case.get("status") not in ("notrun", "skipped", "disabled") and case.find("skipped") is None:
            continue
        lines = [l.strip() for l in (case.findtext("system-out") or "").splitlines()]
        reason = next((lines[i + 1] for i, l in enumerate(lines[:-1]) if l.endswith(": Skipped")), None)
        reason = reason or next((l for l in lines if l), None) or (case.find("skipped").get("message", "") if case.find("skipped") is not None else "")
        reasons.setdefault(reason or "no reason given", []).append(prefix + case.get("name"))
print("skipped: " + ("; ".join(f"{', '.join(names)} ({reason})" for reason, names in reasons.items()) or "nothing"))
PYTHON

[[ ${#failed[@]} -eq 0 ]] || exit 1
