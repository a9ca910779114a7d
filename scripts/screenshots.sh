#!/usr/bin/env bash
# Renders the console under Xvfb and saves the screenshots used in docs/user-guide.md.
# usage: scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --screenshots
scripts/build.sh
out=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$PWD/build/bin

shoot() {   # shoot NAME SECONDS COMMAND... — runs the console, waits, optionally clicks, saves
    local name=$1 wait=$2; shift 2
    xvfb-run -a -s '-screen 0 1600x1000x24' bash -c '
        "$@" & app=$!
        sleep '"$wait"'
        [[ -n "${KEYS:-}" ]] && { xdotool key $KEYS; sleep 8; }
        [[ -n "${CLICK:-}" ]] && { xdotool mousemove $CLICK click 1; sleep 1; }
        import -window root "'"$work/$name"'.png"
        kill $app; wait $app 2>/dev/null || true' _ "$@"
    convert "$work/$name.png" -trim +repage "$out/$name.png"
}

# First start on the default workspace: the welcome question, then the demo workspace.
export XDG_DATA_HOME=$work/data
shoot welcome 3 "$bin/earshot"
KEYS=Return CLICK="500 240" shoot demo-workspace 3 "$bin/earshot"
unset XDG_DATA_HOME

# An empty workspace, and one with a source that fails.
shoot empty-workspace 3 "$bin/earshot" --db "$work/empty.db"
"$bin/earshot-cli" --db "$work/failing.db" sources add http://127.0.0.1:9/feed.xml --name "Unreachable forum" >/dev/null
"$bin/earshot-cli" --db "$work/failing.db" sources add resources/demo/klantenforum.rss --name "Verskist Community" >/dev/null
shoot failing-source 4 "$bin/earshot" --db "$work/failing.db"
echo "screenshots written to $out"
