#!/usr/bin/env python3
"""Builds the compact person-name resource of the speakers stage.

Reads the SCB name statistics in ../shared/data/names/ (Källa: SCB, CC BY 4.0)
and writes
  data/names_given.txt     one given name a line: "Name<TAB>g", g = f (women),
                           m (men) or u (both, the smaller share >= 20 %);
                           names borne by at least MIN_COUNT people in 2020
  data/names_surnames.txt  the 100 most common surnames 2021, one a line

Run from the project root:  python3 scripts/build_names.py
"""
import csv
import os
import sys

MIN_COUNT = 20
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "..", "shared", "data", "names")


def read_counts(path):
    counts = {}
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter=";")
        next(rows, None)
        for row in rows:
            if len(row) < 2:
                continue
            name = row[0].strip()
            try:
                n = int(row[1].strip())
            except ValueError:  # ".." = fewer than the publication limit
                n = 0
            # "Per Erik" registered as one name: count each part too.
            for part in name.split():
                counts[part] = counts.get(part, 0) + n
    return counts


def main():
    women = read_counts(os.path.join(SRC, "scb-fornamn-2020-kvinnor.csv"))
    men = read_counts(os.path.join(SRC, "scb-fornamn-2020-man.csv"))
    out = []
    for name in sorted(set(women) | set(men)):
        w, m = women.get(name, 0), men.get(name, 0)
        if w + m < MIN_COUNT or not name[:1].isupper() or len(name) < 2:
            continue
        small = min(w, m) / (w + m)
        g = "u" if small >= 0.2 else ("f" if w > m else "m")
        out.append(f"{name}\t{g}")
    with open(os.path.join(ROOT, "data", "names_given.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    with open(os.path.join(SRC, "scb-efternamn-2021-topp100.txt"), encoding="utf-8") as f:
        surnames = [line.strip() for line in f if line.strip()]
    with open(os.path.join(ROOT, "data", "names_surnames.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(surnames) + "\n")
    print(f"{len(out)} given names, {len(surnames)} surnames", file=sys.stderr)


if __name__ == "__main__":
    main()
