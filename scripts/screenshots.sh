#!/usr/bin/env bash
# Renders the console under Xvfb and saves the screenshots used in docs/user-guide.md: every
# screen at 1,000,000 conversations and on an empty workspace, in light and dark.
# usage: scripts/screenshots.sh   (BIG_DB=PATH reuses a generated 1,000,000-conversation workspace)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --screenshots
scripts/build.sh
out=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$PWD/build/bin

# shoot NAME SECONDS COMMAND... — runs the console, waits, presses KEYS (one xdotool key
# name each) and types TYPE if given, waits SETTLE seconds (2), then saves the screen, cut
# to CROP (an ImageMagick geometry) if given, trimmed.
shoot() {
    local name=$1 wait=$2; shift 2
    xvfb-run -a -s '-screen 0 1600x1000x24' bash -c '
        "$@" & app=$!
        sleep '"$wait"'
        # No window manager under Xvfb gives the window focus: give it keyboard focus by hand.
        window=$(xdotool search --onlyvisible --name "Earshot" 2>/dev/null | tail -n 1)
        [[ -n "$window" ]] && xdotool windowfocus --sync "$window"
        # After each key, the newest window (a dialog it opened) gets the focus, as a window
        # manager would give it.
        for key in ${KEYS:-}; do
            xdotool key "$key"; sleep 1
            window=$(xdotool search --onlyvisible --name "Earshot|Sources|Settings|Export" 2>/dev/null | tail -n 1)
            [[ -n "$window" ]] && xdotool windowfocus --sync "$window"
        done
        [[ -n "${TYPE:-}" ]] && xdotool type --delay 15 "$TYPE"
        sleep '"${SETTLE:-2}"'

        import -window root "'"$work/$name"'.png"
        kill $app; wait $app 2>/dev/null || true' _ "$@" 2>/dev/null
    convert "$work/$name.png" ${CROP:+-crop $CROP +repage} -trim +repage "$out/$name.png"
    echo "  $out/$name.png"
}

# First start on the default workspace: the welcome question, the demo, who is working.
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
shoot welcome 3 "$bin/earshot"
KEYS=Return shoot agent-picker 3 "$bin/earshot"
unset XDG_DATA_HOME XDG_CONFIG_HOME

# The demo workspace (light; dark in Dutch).
"$bin/earshot-cli" --db "$work/demo.db" generate --conversations 20000 >/dev/null 2>&1
as=(--agent "Anouk Smit")
shoot inbox 5 "$bin/earshot" --db "$work/demo.db" "${as[@]}" --theme light
shoot inbox-dark-nl 5 "$bin/earshot" --db "$work/demo.db" "${as[@]}" --theme dark --language nl

# A million conversations: every screen, light and dark.
big=${BIG_DB:-}
if [[ -z "$big" ]]; then
    big=$work/big.db
    "$bin/earshot-cli" --db "$big" generate --conversations 1000000 >/dev/null 2>&1
fi
# The shots type into the first Unassigned conversation; start each from an empty draft.
first=$("$bin/earshot-cli" --db "$big" inbox list --status new --limit 1 --json |
        python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
clear_draft() { "$bin/earshot-cli" --db "$big" inbox draft "$first" "${as[@]}" --set '' >/dev/null; }
clear_draft
for theme in light dark; do
    suffix=$([[ $theme == dark ]] && echo -dark || true)
    shoot "inbox-1m$suffix" 8 "$bin/earshot" --db "$big" "${as[@]}" --theme $theme
    KEYS=ctrl+shift+s shoot "sources-1m$suffix" 8 "$bin/earshot" --db "$big" "${as[@]}" --theme $theme
    KEYS=question shoot "shortcuts-1m$suffix" 8 "$bin/earshot" --db "$big" "${as[@]}" --theme $theme
done
KEYS=r TYPE="Hoi! Mail je ordernummer naar klantenservice@verskist.example of bel 06-12345678, dan kijk ik het na." \
    shoot reply-checks-1m 8 "$bin/earshot" --db "$big" "${as[@]}" --theme light
clear_draft
KEYS=ctrl+comma shoot settings-dialog 8 "$bin/earshot" --db "$big" "${as[@]}" --theme light
KEYS=ctrl+shift+e shoot export-dialog 8 "$bin/earshot" --db "$big" "${as[@]}" --theme light
# The dashboard (its own 1500×940 window, over the inbox), once its figures are in; the
# generated team's hours and clock (UTC+1 all year), and the demo workspace's targets.
"$bin/earshot-cli" --db "$big" calendar set --zone Etc/GMT-1 --mon 08:00-22:00 --tue 08:00-22:00 \
    --wed 08:00-22:00 --thu 08:00-22:00 --fri 08:00-22:00 --sat 09:00-18:00 --sun 09:00-18:00 >/dev/null
for target in "urgent 30m 8h" "high 1h 1d" "normal 4h 2d" "low 1d 5d"; do
    read -r priority first resolution <<<"$target"
    "$bin/earshot-cli" --db "$big" sla set --priority "$priority" --first-response "$first" --resolution "$resolution" >/dev/null
done
KEYS=ctrl+shift+d SETTLE=30 CROP=1490x935+0+0 shoot dashboard-1m 8 "$bin/earshot" --db "$big" "${as[@]}" --theme light
KEYS=ctrl+shift+d SETTLE=30 CROP=1490x935+0+0 shoot dashboard-1m-dark-nl 8 "$bin/earshot" --db "$big" "${as[@]}" \
    --theme dark --language nl

# An empty workspace: every screen, light and dark.
"$bin/earshot-cli" --db "$work/empty.db" agents add "Sanne de Vries" --first-name Sanne >/dev/null
sanne=(--agent "Sanne de Vries")
for theme in light dark; do
    suffix=$([[ $theme == dark ]] && echo -dark || true)
    shoot "empty-workspace$suffix" 4 "$bin/earshot" --db "$work/empty.db" "${sanne[@]}" --theme $theme
    KEYS=ctrl+shift+s shoot "sources-empty$suffix" 4 "$bin/earshot" --db "$work/empty.db" "${sanne[@]}" --theme $theme
    KEYS=ctrl+comma shoot "settings-empty$suffix" 4 "$bin/earshot" --db "$work/empty.db" "${sanne[@]}" --theme $theme
done

# A source that fails.
"$bin/earshot-cli" --db "$work/failing.db" agents add "Sanne de Vries" --first-name Sanne >/dev/null
"$bin/earshot-cli" --db "$work/failing.db" sources add http://127.0.0.1:9/feed.xml --name "Unreachable forum" >/dev/null
"$bin/earshot-cli" --db "$work/failing.db" sources add resources/demo/klantenforum.rss --name "Verskist Community" >/dev/null
shoot failing-source 5 "$bin/earshot" --db "$work/failing.db" "${sanne[@]}" --theme light

# Platform sources, and adding a Mastodon hashtag (this machine is offline: they cannot connect).
"$bin/earshot-cli" --db "$work/failing.db" sources add --kind mastodon-tag --instance mastodon.social --tag verskist >/dev/null
"$bin/earshot-cli" --db "$work/failing.db" sources add --kind hn-search --query verskist >/dev/null
"$bin/earshot-cli" --db "$work/failing.db" sources add --kind bluesky-author --actor verskist.nl >/dev/null
KEYS="ctrl+shift+s shift+Tab Down Tab" TYPE="mastodon.social" \
    shoot sources-platform 6 "$bin/earshot" --db "$work/failing.db" "${sanne[@]}" --theme light
# A reply posted on Mastodon, through a stand-in server on 127.0.0.1.
port=8765
python3 scripts/fake-mastodon.py $port & fake=$!
sleep 1
platform=("$bin/earshot-cli" --db "$work/platform.db")
"${platform[@]}" agents add "Sanne de Vries" --first-name Sanne >/dev/null
"${platform[@]}" sources add --kind mastodon-tag --instance mastodon.social --tag verskist \
    --api http://127.0.0.1:$port >/dev/null
"${platform[@]}" poll --once >/dev/null
anne=$("${platform[@]}" inbox list --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
EARSHOT_MASTODON_TOKEN=demo EARSHOT_MASTODON_HOST=127.0.0.1:$port "${platform[@]}" inbox reply "$anne" \
    "${sanne[@]}" --text "Hoi Anne, wat vervelend! Ik zie je bestelling en we sturen de groente vandaag nog na. Groet, Sanne" \
    >/dev/null
KEYS="ctrl+2 j r" shoot platform-reply 6 "$bin/earshot" --db "$work/platform.db" "${sanne[@]}" --theme light
kill $fake
echo "screenshots written to $out"
