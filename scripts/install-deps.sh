#!/usr/bin/env bash
# Installs, from Debian 12's archive, whatever Earshot needs to build, test and run that
# is not on this machine yet. Runs as root, or through sudo for apt-get.
# usage: scripts/install-deps.sh [--bench] [--screenshots]
#   --bench adds nginx, newsboat and hyperfine; --screenshots adds xvfb, xdotool and imagemagick
set -euo pipefail

packages=(
    g++ clang-14 cmake ninja-build ccache pkg-config python3 git
    libcurl4-openssl-dev libsqlite3-dev libpq-dev libxml2-dev zlib1g-dev nlohmann-json3-dev libspdlog-dev
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-qpa-plugins libgl-dev
    qtkeychain-qt6-dev fonts-dejavu-core
    gnome-keyring dbus-daemon  # the Secret Service for platform secrets, and the tests' own keychain
    libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
    poppler-utils  # pdftotext, with which the tests read printed transcripts back
    faketime  # the generator's tests move the real clock to many moments
    postgresql-15  # team workspaces: the tests start a server of their own (scripts/with-postgres.sh)
    desktop-file-utils appstream  # the packaging test validates the desktop file and the AppStream metainfo
    dpkg-dev file  # cpack -G DEB: dpkg-shlibdeps works out the package's dependencies
    libclang-rt-14-dev llvm-14  # clang's sanitizer and libFuzzer runtimes; llvm-symbolizer for their stack traces
)
for option in "$@"; do
    case "$option" in
        --bench) packages+=(nginx-light newsboat hyperfine) ;;
        --screenshots) packages+=(xvfb xauth xdotool imagemagick) ;;
        *) echo "unknown option $option" >&2; exit 2 ;;
    esac
done

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "install these as root: ${missing[*]}" >&2; exit 1; }
    as_root=(sudo)
fi
echo "Installing: ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
