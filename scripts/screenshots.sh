#!/usr/bin/env bash
# Renders the console under Xvfb and saves the screenshots used in docs/user-guide.md.
# usage: scripts/screenshots.sh   (BIG_DB=PATH reuses a generated 1,000,000-conversation workspace)
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

# First start on the default workspace: the welcome question, the demo, who is working.
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
shoot welcome 3 "$bin/earshot"
KEYS=Return shoot agent-picker 3 "$bin/earshot"
unset XDG_DATA_HOME XDG_CONFIG_HOME

# The inbox on a demo workspace (light; dark in Dutch) and on a million conversations.
"$bin/earshot-cli" --db "$work/demo.db" generate --conversations 20000 >/dev/null 2>&1
shoot inbox 5 "$bin/earshot" --db "$work/demo.db" --agent "Anouk Smit" --theme light
shoot inbox-dark-nl 5 "$bin/earshot" --db "$work/demo.db" --agent "Anouk Smit" --theme dark --language nl
big=${BIG_DB:-}
if [[ -z "$big" ]]; then
    big=$work/big.db
    "$bin/earshot-cli" --db "$big" generate --conversations 1000000 >/dev/null 2>&1
fi
shoot inbox-1m 8 "$bin/earshot" --db "$big" --agent "Anouk Smit" --theme light

# An empty workspace, and one with a source that fails.
"$bin/earshot-cli" --db "$work/empty.db" agents add "Sanne de Vries" --first-name Sanne >/dev/null
shoot empty-workspace 4 "$bin/earshot" --db "$work/empty.db" --agent "Sanne de Vries" --theme light
"$bin/earshot-cli" --db "$work/failing.db" agents add "Sanne de Vries" --first-name Sanne >/dev/null
"$bin/earshot-cli" --db "$work/failing.db" sources add http://127.0.0.1:9/feed.xml --name "Unreachable forum" >/dev/null
"$bin/earshot-cli" --db "$work/failing.db" sources add resources/demo/klantenforum.rss --name "Verskist Community" >/dev/null
shoot failing-source 5 "$bin/earshot" --db "$work/failing.db" --agent "Sanne de Vries" --theme light
echo "screenshots written to $out"
