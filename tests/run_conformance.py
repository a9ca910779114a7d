#!/usr/bin/env python3
"""Scores `earshot-cli parse-feed` with shared/conformance/score.py; fails below the minimum.

usage: run_conformance.py CORPUS_DIR CLI MINIMUM_PERCENT
Exits 77 (skipped) when the corpus is not beside the clone.
"""
import os, re, subprocess, sys

corpus, cli, minimum = sys.argv[1], sys.argv[2], float(sys.argv[3])
score = os.path.join(corpus, "score.py")
if not os.path.exists(score):
    print(f"conformance corpus not found at {corpus}; skipping")
    sys.exit(77)
out = subprocess.run([sys.executable, score, os.path.join(corpus, "feedparser"), "--", cli, "parse-feed"],
                     capture_output=True, text=True).stdout
print(out)
m = re.search(r"conformance: ([0-9.]+)%", out)
if not m:
    sys.exit("score.py reported no figure")
if float(m.group(1)) < minimum:
    sys.exit(f"conformance {m.group(1)}% is below {minimum}%")
