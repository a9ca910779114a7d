#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and opens the console on the default
# workspace (a demo workspace is offered when none exists yet). Extra arguments go to
# the console, e.g. --db PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "No display: the console needs a desktop session. To try it without one:" >&2
    echo "  xvfb-run -a build/bin/earshot    (or use build/bin/earshot-cli --help)" >&2
    exit 1
fi
exec build/bin/earshot "$@"
