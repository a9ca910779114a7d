#!/usr/bin/env bash
# Polling benchmark: earshot-cli poll --once vs newsboat -x reload (reload-threads 8) on the
# same 200 feeds (100 RSS 2.0 + 100 Atom 1.0, 50 items each, ~9 MB) served by nginx on 127.0.0.1.
#
# usage: bench/poll/run.sh
# environment:
#   ROUNDS=5          timed rounds (medians are taken over these)
#   PORT=18089        nginx port on 127.0.0.1
#   WORK=DIR          scratch directory (default: a new /tmp/earshot-pollbench.XXXXXX, removed at the end
#                     unless KEEP=1)
#   EARSHOT_CLI=PATH  the binary to measure (default: the README's build, scripts/build.sh into build/)
#   SKIP_PARSE=1      skip the parse throughput measurements
#   BUILD_DIR=DIR     build tree with src/libearshot_core.a for parse_speed.cpp (default: build)
# Writes bench/poll/results.md (paste into docs/benchmarks.md) and bench/poll/results.json.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROUNDS="${ROUNDS:-5}"
PORT="${PORT:-18089}"
KEEP="${KEEP:-0}"

# --- tools --------------------------------------------------------------------------------
missing=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
if ! have_pkg nginx-light && ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then missing+=(nginx-light); fi
have_pkg newsboat || missing+=(newsboat)
have_pkg hyperfine || missing+=(hyperfine)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
export PATH="$PATH:/usr/sbin:/sbin"
# Installing nginx may have started the system's own instance; we use our own, on our own port.

# The build users get: the README's (scripts/build.sh, RelWithDebInfo, in build/).
if [ -z "${EARSHOT_CLI:-}" ]; then
    "$ROOT/scripts/build.sh"
    EARSHOT_CLI="$ROOT/build/bin/earshot-cli"
fi
[ -x "$EARSHOT_CLI" ] || { echo "no earshot-cli at $EARSHOT_CLI" >&2; exit 1; }
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"   # where libearshot_core.a is, for parse_speed

# --- scratch space, corpus ----------------------------------------------------------------
CREATED=0
if [ -z "${WORK:-}" ]; then WORK="$(mktemp -d /tmp/earshot-pollbench.XXXXXX)"; CREATED=1; fi
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
CORPUS="$WORK/feeds"
RUN="$WORK/nginx"
mkdir -p "$CORPUS" "$RUN/tmp" "$WORK/newsboat/home"
python3 "$HERE/gen_corpus.py" "$CORPUS"

# --- nginx ----------------------------------------------------------------------------------
NGINX_PID=""
cleanup() {
    if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill -QUIT "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    if [ "$CREATED" = 1 ] && [ "$KEEP" != 1 ]; then rm -rf "$WORK"; else echo "scratch files left in $WORK"; fi
}
trap cleanup EXIT INT TERM

if [ "$(id -u)" = 0 ]; then USER_LINE="user root;"; else USER_LINE="# (not root: workers run as $(id -un))"; fi
sed -e "s|@PORT@|$PORT|g" -e "s|@RUN@|$RUN|g" -e "s|@CORPUS@|$CORPUS|g" -e "s|@USER_LINE@|$USER_LINE|" \
    "$HERE/nginx.conf.in" > "$RUN/nginx.conf"
: > "$RUN/access.log"
nginx -p "$RUN" -c "$RUN/nginx.conf" -e "$RUN/error.log" -t -q
nginx -p "$RUN" -c "$RUN/nginx.conf" -e "$RUN/error.log" &
NGINX_PID=$!
for _ in $(seq 50); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/rss-000.xml" 2>/dev/null; then break; fi
    kill -0 "$NGINX_PID" 2>/dev/null || { echo "nginx died:" >&2; cat "$RUN/error.log" >&2; exit 1; }
    sleep 0.1
done
curl -fsS -D - -o /dev/null "http://127.0.0.1:$PORT/atom-001.xml" | grep -Ei '^(HTTP|etag|last-modified|content-type)'

# --- feed lists for both tools ----------------------------------------------------------------
OPML="$WORK/feeds.opml"
URLS="$WORK/newsboat/urls"
NBCONF="$WORK/newsboat/config"
{
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<opml version="2.0"><head><title>Earshot polling benchmark</title></head><body>'
    while read -r f; do
        echo "  <outline type=\"rss\" text=\"$f\" title=\"$f\" xmlUrl=\"http://127.0.0.1:$PORT/$f\"/>"
    done < "$CORPUS/feeds.txt"
    echo '</body></opml>'
} > "$OPML"
sed "s|^|http://127.0.0.1:$PORT/|" "$CORPUS/feeds.txt" > "$URLS"
cat > "$NBCONF" <<CONF
# newsboat 2.21, headless: newsboat -x reload -u urls -c cache.db -C config
reload-threads 8
CONF

# --- in-process parse benchmark ----------------------------------------------------------------
PARSE_SPEED=""
if [ "${SKIP_PARSE:-0}" != 1 ] && [ -f "$BUILD_DIR/src/libearshot_core.a" ]; then
    if c++ -std=c++20 -O2 -DNDEBUG -DFMT_SHARED -DSPDLOG_COMPILED_LIB -DSPDLOG_FMT_EXTERNAL -DSPDLOG_SHARED_LIB \
           -I"$ROOT/include" -I"$BUILD_DIR/src/generated" "$HERE/parse_speed.cpp" "$BUILD_DIR/src/libearshot_core.a" \
           -lspdlog -lfmt -lcurl -lsqlite3 -lxml2 -lpthread -o "$WORK/parse_speed"; then
        PARSE_SPEED="$WORK/parse_speed"
    else
        echo "warning: could not build parse_speed; only the per-process parse-feed bound is measured" >&2
    fi
fi

# --- measure ----------------------------------------------------------------------------------
args=(--cli "$EARSHOT_CLI" --work "$WORK" --corpus "$CORPUS" --opml "$OPML" --urls "$URLS"
      --newsboat-config "$NBCONF" --access-log "$RUN/access.log" --port "$PORT" --rounds "$ROUNDS"
      --out "$HERE/results.md" --json-out "$HERE/results.json")
[ "${SKIP_PARSE:-0}" = 1 ] && args+=(--skip-parse)
[ -n "$PARSE_SPEED" ] && args+=(--parse-speed "$PARSE_SPEED")
python3 "$HERE/bench.py" "${args[@]}"
