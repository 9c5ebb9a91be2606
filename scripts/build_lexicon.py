#!/usr/bin/env python3
"""Rebuilds data/lexicon.txt, svtext's compound-guard lexicon.

Reads the public-domain Swedish texts in ../shared/data/bench/ (the SFS
statutes and the Riksdag interpellations from 2000 on), counts lowercase word forms made
of Swedish letters only, and keeps those of 3..=30 letters seen at least
MIN_COUNT times. The output is sorted and front-coded to stay compact: each
line is one character giving how many leading characters the word shares
with the previous one ('0' + n), followed by the rest of the word.

Deterministic: the same input files give a byte-identical lexicon.

Usage: python3 scripts/build_lexicon.py [SHARED_DATA_DIR] [OUT]
"""
import gzip
import json
import os
import re
import sys
from collections import Counter

MIN_COUNT = 3
MIN_LEN = 3
MAX_LEN = 30
FIRST_DATE = "2000-01-01"
WORD = re.compile(r"[a-zåäöéü]+")
TOKEN = re.compile(r"\w+")
# Fragments of words split across lines in scanned statutes ("förord-
# ningen", "administra- tion"): productive suffixes, never words by
# themselves; a lexicon that held them would accept any leftover "-ningen".
FRAGMENT = re.compile(r"(ning|tion|lighet|else)(en|ens|ar|arna|arnas|er|erna|ernas|s|et)?")


def words(text):
    for tok in TOKEN.findall(text.replace("\u00ad", "").lower()):
        if WORD.fullmatch(tok) and MIN_LEN <= len(tok) <= MAX_LEN and not FRAGMENT.fullmatch(tok):
            yield tok


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "data", "lexicon.txt")
    counts = Counter()
    with gzip.open(os.path.join(data, "bench", "sfs-statutes.txt.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("=====FILE"):
                continue
            counts.update(words(line))
    with gzip.open(os.path.join(data, "bench", "riksdagen-interpellationer.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            # The 1990s interpellations are OCR'd: hyphenated line breaks
            # leave word fragments ("ningen", "tion") that would make any
            # leftover look like a word. Use the born-digital ones only.
            if rec.get("date", "") < FIRST_DATE:
                continue
            counts.update(words(rec.get("title", "") + "\n" + rec.get("text", "")))
    kept = sorted(w for w, c in counts.items() if c >= MIN_COUNT)
    lines = []
    prev = ""
    for w in kept:
        n = 0
        while n < len(prev) and n < len(w) and prev[n] == w[n] and n < 40:
            n += 1
        lines.append(chr(ord("0") + n) + w[n:])
        prev = w
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# svtext compound-guard lexicon; rebuild with scripts/build_lexicon.py\n")
        f.write("\n".join(lines))
        f.write("\n")
    print(f"{len(kept)} words (of {len(counts)} distinct) -> {out} ({os.path.getsize(out)} bytes)")


if __name__ == "__main__":
    main()
