#!/usr/bin/env python3
"""Installs the build tree into a throwaway DESTDIR and checks what a desktop and a package
manager need from it: both programs, a valid desktop file and AppStream metainfo, hicolor icons,
and man pages that cover every command and option the programs' --help lists.

usage: check_install.py CMAKE BUILD_DIR GUI(0|1)
"""
import gzip
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)


def man_text(path):
    """The page's source with roff's minus escapes undone, so names can be looked for."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return f.read().replace("\\-", "-")


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", header[16:24])


def check_cli(prefix):
    cli = os.path.join(prefix, "bin", "earshot-cli")
    if not check(os.access(cli, os.X_OK), f"{cli} is not installed"):
        return
    usage = run([cli, "--help"]).stdout
    commands = re.findall(r"^  (\S+) ", usage.split("Commands:", 1)[-1], re.M)
    check(commands, "earshot-cli --help lists no commands")
    page = os.path.join(prefix, "share", "man", "man1", "earshot-cli.1.gz")
    if check(os.path.isfile(page), f"{page} is not installed"):
        text = man_text(page)
        for command in commands:
            check(f".SS {command}\n" in text, f"earshot-cli.1 has no section for the command '{command}'")
    version = run([cli, "--version"]).stdout.split()[-1]
    return version


def check_console(prefix, home):
    console = os.path.join(prefix, "bin", "earshot")
    if not check(os.access(console, os.X_OK), f"{console} is not installed"):
        return
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=home, XDG_CONFIG_HOME=home, XDG_RUNTIME_DIR=home)
    options = set(re.findall(r"(?<![\w-])--[\w-]+", run([console, "--help", "--language", "en"], env=env).stdout))
    check(options, "earshot --help lists no options")
    page = os.path.join(prefix, "share", "man", "man1", "earshot.1.gz")
    if check(os.path.isfile(page), f"{page} is not installed"):
        text = man_text(page)
        for option in sorted(options):
            check(option in text, f"earshot.1 does not mention {option}")


def check_desktop(prefix, version):
    applications = os.path.join(prefix, "share", "applications")
    desktops = sorted(os.listdir(applications)) if os.path.isdir(applications) else []
    if not check(len(desktops) == 1, f"expected one desktop file in {applications}, found {desktops}"):
        return
    desktop = os.path.join(applications, desktops[0])
    app_id = desktops[0].removesuffix(".desktop")
    result = run(["desktop-file-validate", desktop])
    check(result.returncode == 0 and not result.stdout.strip(),
          f"desktop-file-validate {desktops[0]}:\n{result.stdout}{result.stderr}")
    with open(desktop, encoding="utf-8") as f:
        entries = dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)
    check(os.access(os.path.join(prefix, "bin", entries.get("Exec", "").split(" ")[0]), os.X_OK),
          f"Exec={entries.get('Exec')} is not an installed program")

    metainfo = os.path.join(prefix, "share", "metainfo", app_id + ".metainfo.xml")
    if check(os.path.isfile(metainfo), f"{metainfo} is not installed"):
        for command in (["validate", metainfo], ["validate-tree", os.path.dirname(prefix)]):
            # validate-tree also reads the desktop file and icons the metainfo points to.
            result = run(["appstreamcli", *command, "--no-net"])
            check(result.returncode == 0, f"appstreamcli {command[0]} --no-net:\n{result.stdout}{result.stderr}")
        with open(metainfo, encoding="utf-8") as f:
            text = f.read()
        check(f"<launchable type=\"desktop-id\">{desktops[0]}</launchable>" in text,
              "the metainfo does not launch the installed desktop file")
        releases = re.findall(r"<release version=\"([^\"]+)\"", text)
        check(releases and releases[0] == version,
              f"the metainfo's newest release is {releases[:1]}, the program says {version}")

    icon = entries.get("Icon", "")
    hicolor = os.path.join(prefix, "share", "icons", "hicolor")
    check(os.path.isfile(os.path.join(hicolor, "scalable", "apps", icon + ".svg")), f"no scalable icon {icon}.svg")
    sizes = []
    for folder in os.listdir(hicolor) if os.path.isdir(hicolor) else []:
        png = os.path.join(hicolor, folder, "apps", icon + ".png")
        if re.fullmatch(r"(\d+)x\1", folder) and os.path.isfile(png):
            size = int(folder.split("x")[0])
            check(png_size(png) == (size, size), f"{folder}/apps/{icon}.png is {png_size(png)}, not {size}x{size}")
            sizes.append(size)
    check(len(sizes) >= 3, f"PNG icons in only {len(sizes)} sizes: {sorted(sizes)}")


def main():
    cmake, build_dir, gui = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
    needed = {"desktop-file-validate": "desktop-file-utils", "appstreamcli": "appstream"} if gui else {}
    missing = [f"{tool} (Debian package {package})" for tool, package in needed.items() if not shutil.which(tool)]
    if missing:
        sys.exit("missing tools: " + ", ".join(missing) + "; scripts/install-deps.sh installs them")

    with tempfile.TemporaryDirectory() as destdir:
        result = run([cmake, "--install", build_dir, "--prefix", "/usr"], env=dict(os.environ, DESTDIR=destdir))
        if result.returncode != 0:
            sys.exit(f"cmake --install failed:\n{result.stdout}{result.stderr}")
        prefix = os.path.join(destdir, "usr")
        version = check_cli(prefix)
        if gui:
            home = os.path.join(destdir, "home")
            os.mkdir(home, 0o700)
            check_console(prefix, home)
            check_desktop(prefix, version)
    for problem in problems:
        print("FAIL:", problem)
    if problems:
        sys.exit(1)
    print("the installed tree is complete")


if __name__ == "__main__":
    main()
