#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang 14 with ASan + UBSan, in build-asan) and
# runs TARGET, or every target two at a time, for SECONDS each (default 20) from its seed
# corpus. Fails when any target finds a crash, a leak, a timeout or runs out of memory;
# the input that did it is kept under build-asan/fuzz/TARGET/ and belongs, once fixed, in
# tests/fuzz/regressions/TARGET/ (the test run replays that folder).
# usage: scripts/fuzz.sh [--no-build] [TARGET|all] [SECONDS]
#   --no-build: the fuzzers in build-asan are up to date (scripts/test.sh has just built them)
set -euo pipefail
cd "$(dirname "$0")/.."
build=yes
[[ ${1:-} == --no-build ]] && { build=no; shift; }
only=${1:-all}
seconds=${2:-20}

targets=()
for source in tests/fuzz/*_fuzzer.cpp; do
    name=$(basename "$source" .cpp)
    [[ $only == all || $only == "$name" ]] && targets+=("$name")
done
if [[ ${#targets[@]} -eq 0 ]]; then
    echo "no fuzz target $only; there are: $(basename -s .cpp tests/fuzz/*_fuzzer.cpp | tr '\n' ' ')" >&2
    exit 2
fi

if [[ $build == yes ]]; then
    scripts/install-deps.sh
    scripts/check-compilers.sh clang >/dev/null
fi

# Where a target's seeds come from, besides its own tests/fuzz/seeds and regressions
# folders. ../shared (the conformance corpus and the platform fixtures) is used when it is
# beside the clone and silently left out when it is not.
seed_sources() {
    echo "tests/fuzz/seeds/$1 tests/fuzz/regressions/$1"
    case $1 in
    feed_fuzzer | xml_strict_fuzzer | xml_liberal_fuzzer | html_text_fuzzer)
        echo "tests/data/feeds resources/demo ../shared/conformance/feedparser" ;;
    json_feed_fuzzer) echo "resources/demo" ;;
    mastodon_fuzzer) echo ../shared/fixtures/platforms/mastodon_*.json ;;
    bluesky_fuzzer) echo ../shared/fixtures/platforms/bsky_*.json ;;
    discourse_fuzzer) echo ../shared/fixtures/platforms/discourse_*.json ;;
    hackernews_fuzzer) echo ../shared/fixtures/platforms/hn_*.json ;;
    esac
}

# Inputs longer than a real one wastes time: feeds and API pages stay within 16 KiB in the
# seeds; dates, replies and templates are short.
max_len() {
    case $1 in
    date_fuzzer) echo 128 ;;
    personal_data_fuzzer | template_fuzzer | html_text_fuzzer) echo 4096 ;;
    *) echo 16384 ;;
    esac
}

# Leaks count (detect_leaks); the first report ends the run with the stack that led there.
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:print_stacktrace=1:strict_string_checks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer  # llvm-14's, not on PATH by that name

run_one() {
    local target=$1 work=build-asan/fuzz/$1
    mkdir -p "$work/corpus"
    # The seeds are copied into the working corpus (never fuzzed in place: libFuzzer writes
    # new inputs into its first corpus folder); what earlier runs found stays there.
    rm -rf "$work/corpus/seeds" && mkdir -p "$work/corpus/seeds"
    local n=0
    for seeds in $(seed_sources "$target"); do
        [[ -e $seeds ]] || continue
        n=$((n + 1))
        cp -r "$seeds" "$work/corpus/seeds/$n"
    done
    chmod -R u+w "$work/corpus/seeds"
    if nice build-asan/bin/"$target" "$work/corpus" -max_total_time="$seconds" -max_len="$(max_len "$target")" \
            -rss_limit_mb=2048 -timeout=25 -print_final_stats=1 -artifact_prefix="$work/" >"$work/log" 2>&1; then
        echo "$target: ok, $(grep -o '#[0-9]*.*DONE.*' "$work/log" | tail -1)"
    else
        echo "$target: FAILED, see $work/log; the input is $(grep -o "$work/[a-z-]*-[0-9a-f]*" "$work/log" | tail -1)"
        grep -m1 -A12 'ERROR:\|runtime error' "$work/log" || tail -20 "$work/log"
        return 1
    fi
}

# Two at a time: one per core.
failed=0
running=0
for target in "${targets[@]}"; do
    if [[ $running -ge 2 ]]; then
        wait -n || failed=1
        running=$((running - 1))
    fi
    run_one "$target" &
    running=$((running + 1))
done
while [[ $running -gt 0 ]]; do
    wait -n || failed=1
    running=$((running - 1))
done
[[ $failed -eq 0 ]] && echo "fuzzing: no crashes in ${#targets[@]} target(s), ${seconds} s each" || { echo "fuzzing: crashes found" >&2; exit 1; }
