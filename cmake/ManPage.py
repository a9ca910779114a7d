#!/usr/bin/env python3
"""Writes a man page from a roff template and the program's own --help, at build time, so the
page cannot fall behind the program.

usage: ManPage.py TEMPLATE OUTPUT VERSION URL PROGRAM   (OUTPUT ending in .gz is compressed)

Placeholders in the template:
  @VERSION@, @URL@   the project's version and address
  @SYNOPSIS@         the usage line of 'PROGRAM --help'
  @LIST:Heading@     the entries under "Heading:" in 'PROGRAM --help' (e.g. Options)
  @COMMANDS@         for each entry under "Commands:", a subsection with 'PROGRAM NAME --help'
Every list in the help must be placed, so a new one cannot go missing from the page.
"""
import gzip
import os
import re
import subprocess
import sys
import tempfile


def run_help(program, args, home):
    # A throwaway home: the console reads its language from the user's settings, and the CLI
    # prints the default database path, which should read ~/... rather than the builder's home.
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_RUNTIME_DIR=home, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("XDG_DATA_HOME", None)
    # In a sanitizer build, what Qt leaves allocated at exit() must not fail the build.
    env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
    result = subprocess.run([program, *args], env=env, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        sys.exit(f"{program} {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
    # The console prints its own path (argv[0]) in the usage line; the page shows the name.
    return result.stdout.replace(home, "~").replace(program, os.path.basename(program))


def escape(text):
    """Text as roff prints it: backslashes, ASCII hyphen-minus (so options can be searched and
    copied), non-ASCII as named code points, and no control character at the start of a line."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)
    return "\\&" + text if text[:1] in (".", "'") else text


def option_spec(spec):
    """'--db <path>' -> bold option, italic value."""
    return re.sub(r"<([^>]*)>", lambda m: "\\fI" + m.group(1) + "\\fB", "\\fB" + escape(spec) + "\\fR")


def parse_help(text):
    """Splits top-level help into its usage line and its "Heading:" lists of (name, text)."""
    lines = text.rstrip("\n").split("\n")
    usage = re.sub(r"^[Uu]sage:\s*", "", lines[0]).strip()
    lists, current = {}, None
    for line in lines[1:]:
        heading = re.fullmatch(r"(\w[\w ]*):", line)
        entry = re.fullmatch(r"  (\S.*?)(?: {2,}(.*))?", line)
        if heading:
            current = lists.setdefault(heading.group(1), [])
        elif current is not None and entry and not line.startswith("   "):
            current.append([entry.group(1), entry.group(2) or ""])
        elif current is not None and line.startswith("   ") and current:
            current[-1][1] += " " + line.strip()   # a description wrapped onto the next line
        else:
            current = None
    return usage, lists


def synopsis(usage):
    name, _, rest = usage.partition(" ")
    return f".B {escape(name)}\n{escape(rest)}" if rest else f".B {escape(name)}"


def tagged_list(entries):
    return "\n".join(f".TP\n{option_spec(name)}\n{escape(text)}" for name, text in entries)


def body(text):
    """A command's free-form help: indented lines and usage lines stay as they are (tables,
    synopses), the other lines are prose that roff may fill."""
    out, verbatim = [], False
    for line in text.rstrip("\n").split("\n"):
        if not line.strip():
            out.extend([".fi", ".PP"] if verbatim else [".PP"])   # .PP alone would stay unfilled
            verbatim = False
            continue
        keep = line.startswith((" ", "usage:"))
        if keep != verbatim:
            out.append(".nf" if keep else ".fi")
            verbatim = keep
        out.append(escape(line))
    if verbatim:
        out.append(".fi")
    return "\n".join(out)


def main():
    template_path, output, version, url, program = sys.argv[1:6]
    with open(template_path, encoding="utf-8") as f:
        page = f.read()
    with tempfile.TemporaryDirectory() as home:
        usage, lists = parse_help(run_help(program, ["--help"], home))
        page = page.replace("@VERSION@", version).replace("@URL@", escape(url))
        page = page.replace("@SYNOPSIS@", synopsis(usage))
        for heading in re.findall(r"@LIST:([^@]+)@", page):
            if heading not in lists:
                sys.exit(f"{template_path}: {program} --help has no '{heading}:' list")
            page = page.replace(f"@LIST:{heading}@", tagged_list(lists.pop(heading)))
        if "@COMMANDS@" in page:
            if "Commands" not in lists:
                sys.exit(f"{template_path}: {program} --help has no 'Commands:' list")
            sections = []
            for entry, summary in lists.pop("Commands"):
                # A long name may leave one space before its summary.
                name, _, more = entry.partition(" ")
                summary = f"{more} {summary}".strip()
                sections.append(f".SS {escape(name)}\n{escape(summary)}\n.PP\n"
                                + body(run_help(program, [name, "--help"], home)))
            page = page.replace("@COMMANDS@", "\n".join(sections))
    if lists:
        sys.exit(f"{template_path}: nowhere to put the '{', '.join(lists)}:' list of {program} --help")
    if unknown := re.search(r"@[A-Z][\w:]*@", page):
        sys.exit(f"{template_path}: unknown placeholder {unknown.group(0)}")
    if output.endswith(".gz"):
        # As Debian ships man pages: gzip -9n, no name or time inside, so builds are reproducible.
        with open(output, "wb") as f:
            f.write(gzip.compress(page.encode("utf-8"), compresslevel=9, mtime=0))
    else:
        with open(output, "w", encoding="utf-8") as f:
            f.write(page)


if __name__ == "__main__":
    main()
