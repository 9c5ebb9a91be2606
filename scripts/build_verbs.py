#!/usr/bin/env python3
"""Rebuilds data/verbs.txt, svtext's finite-verb word list.

Reads the Swedish Universal Dependencies treebanks in ../shared/data/ud/
(UD_Swedish-Talbanken dev and test, UD_Swedish-PUD test; CC BY-SA 4.0) and
writes two sorted lists of lowercase word forms:

* `F form`: seen as a finite verb (VERB or AUX with VerbForm=Fin: present,
  past, imperative, passive in -s);
* `N form`: seen only as another part of speech (a noun, an adjective, a
  preposition ...) and never as a verb of any form, for the forms that end like
  a finite verb ("personer", "under", "efter", "kvinnor", "stora"), so that
  the guess for unknown words does not take them for verbs.

Cleaning asks whether a line has a finite verb at all (a picture's
description has none); see `src/clean/text/verbs.rs`.

Deterministic: the same input files give a byte-identical list.

Usage: python3 scripts/build_verbs.py [SHARED_DATA_DIR] [OUT]
"""
import os
import re
import sys

FILES = ["sv_talbanken-ud-dev.conllu", "sv_talbanken-ud-test.conllu", "sv_pud-ud-test.conllu"]
WORD = re.compile(r"[a-zåäöéü]+")
# endings of finite forms the guess for unknown words uses (keep in step
# with FINITE_ENDINGS in src/clean/text/verbs.rs)
FINITE_ENDINGS = ("r", "de", "te", "s")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "data", "verbs.txt")
    finite, verbs, other = set(), set(), set()
    for name in FILES:
        with open(os.path.join(data, "ud", name), encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) != 10 or not cols[0].isdigit():
                    continue
                form, upos, feats = cols[1].lower(), cols[3], cols[5]
                if not WORD.fullmatch(form):
                    continue
                if upos in ("VERB", "AUX"):
                    verbs.add(form)
                    if "VerbForm=Fin" in feats.split("|"):
                        finite.add(form)
                else:
                    other.add(form)
    # a form also seen as a verb (an infinitive "flyttas" is a present too)
    # is never listed as a non-verb
    # a past form in -de/-te is also a participle's (tagged ADJ): never a
    # non-verb; only the nouns, adjectives and particles in -r/-s are
    nonverbs = {w for w in other - verbs if w.endswith(("r", "s"))}
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# svtext finite-verb list from UD Swedish (Talbanken, PUD; CC BY-SA 4.0); rebuild with scripts/build_verbs.py\n")
        for w in sorted(finite):
            f.write(f"F {w}\n")
        for w in sorted(nonverbs):
            f.write(f"N {w}\n")
    print(f"{out}: {len(finite)} finite forms, {len(nonverbs)} non-verbs with a verb's ending")


if __name__ == "__main__":
    main()
