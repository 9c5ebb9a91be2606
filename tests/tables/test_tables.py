"""The analysis tables (DIR/tables/) read by pyarrow, polars and DuckDB.

Run through tests/tables/run_tables_test.sh (makes the venv, builds the
release binary), or directly with the venv's python:

    .venv-tables/bin/python tests/tables/test_tables.py [--binary target/release/svtext]

It analyses corpus/ and tests/fixtures/cli (and, where ../shared is beside
the checkout, the first 500 Riksdag interpellations) into temporary folders,
once with Parquet tables and once with CSV tables, then checks:

* every table, read with pyarrow, polars and DuckDB, has exactly the rows
  this file derives from corpus.jsonl on its own (the README's definitions:
  ordered by document id and offset, theme counts zero-filled, contexts of
  60 code points), value for value; the CSV tables too (Python's csv module,
  and row counts through pandas, polars and DuckDB);
* column names repeat across tables only on the join keys;
* the README's recipes (the code blocks after a `<!-- recipe: NAME -->`
  line) run verbatim and give the right number of rows;
* every corpus.jsonl line is valid against docs/schema/document.schema.json;
* the tables are byte-identical for --jobs 1 and --jobs 2.
"""

import argparse
import contextlib
import csv
import gzip
import io
import itertools
import json
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import duckdb
import jsonschema
import pandas as pd
import polars as pl
import pyarrow.parquet as pq

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(REPO, "target", "release", "svtext")
BENCH = os.path.join(REPO, "..", "shared", "data", "bench", "riksdagen-interpellationer.jsonl.gz")
TABLES = ["documents", "hits", "quotes", "speakers", "tokens"]
JOIN_KEYS = {"document_id", "speaker_id", "sentence"}
CONTEXT = 60


def svtext(*args):
    p = subprocess.run([BINARY, *args], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise AssertionError(f"svtext {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p


def codebook_themes():
    import tomllib

    text = subprocess.run([BINARY, "codebook", "show"], capture_output=True, text=True,
                          check=True).stdout
    return [t["id"] for t in tomllib.loads(text)["theme"]]


def read_corpus(out):
    with open(os.path.join(out, "corpus.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


# --- the tables, derived from corpus.jsonl independently of svtext -------

def expected_documents(docs, themes):
    rows = []
    for d in docs:
        m, r = d["metadata"], d["readability"]
        found = {t["id"]: t for t in d["themes"]}
        row = {
            "document_id": d["id"], "source_path": d["source"]["path"],
            "source_format": d["source"]["format"], "title": m["title"],
            "published": m["published"], "updated": m["updated"], "authors": m["authors"],
            "language": d["language"]["code"],
            "language_confidence": d["language"]["confidence"],
            "language_reliable": d["language"]["reliable"],
            "words": r["words"], "sentences": r["sentences"], "long_words": r["long_words"],
            "lix": r["lix"], "ovix": r["ovix"], "speakers": len(d["speakers"]),
            "quotes": sum(len(s["quotes"]) for s in d["speakers"]),
        }
        for t in themes:
            row[f"hits_{t}"] = found[t]["count"] if t in found else 0
        for t in themes:
            row[f"per_1000_words_{t}"] = found[t]["per_1000_words"] if t in found else 0.0
        rows.append(row)
    return rows


def expected_hits(docs):
    rows = []
    for d in docs:
        text = d["text"]
        hits = [(h["start"], h["end"], i, t["id"], h)
                for i, t in enumerate(d["themes"]) for h in t["hits"]]
        for start, end, _, theme, h in sorted(hits, key=lambda x: x[:3]):
            rows.append({
                "document_id": d["id"], "theme": theme, "term": h["term"],
                "hit_text": h["text"], "hit_start": start, "hit_end": end,
                "match": h["match"], "sentence": h["sentence"], "speaker_id": h["speaker"],
                "left_context": text[max(0, start - CONTEXT):start],
                "right_context": text[end:end + CONTEXT],
            })
    return rows


def expected_quotes(docs):
    rows = []
    for d in docs:
        quotes = [(q["start"], q["end"], i, s, q)
                  for i, s in enumerate(d["speakers"]) for q in s["quotes"]]
        for start, end, _, s, q in sorted(quotes, key=lambda x: x[:3]):
            assert q["text"] == d["text"][start:end], (d["id"], q)
            rows.append({
                "document_id": d["id"], "speaker_id": s["id"], "speaker_name": s["name"],
                "speaker_roles": s["roles"], "speaker_organisations": s["organisations"],
                "quote_kind": q["kind"], "cue": q["cue"], "quote_start": start,
                "quote_end": end, "quote_text": q["text"],
            })
    return rows


def expected_speakers(docs, themes):
    rows = []
    for d in docs:
        for s in d["speakers"]:
            row = {
                "document_id": d["id"], "speaker_id": s["id"], "name": s["name"],
                "roles": s["roles"], "organisations": s["organisations"],
                "mentions": len(s["mentions"]), "speaker_quotes": len(s["quotes"]),
            }
            for t in themes:
                row[f"speaker_hits_{t}"] = s["themes"].get(t, 0)
            rows.append(row)
    return rows


def expected_tokens(docs):
    return [{
        "document_id": d["id"], "token_index": i, "token_start": t["start"],
        "token_end": t["end"], "token_text": t["text"], "stem": t["stem"],
        "token_kind": t["kind"], "sentence": t["sentence"], "stopword": t["stopword"],
    } for d in docs for i, t in enumerate(d["tokens"])]


def expected_tables(docs, themes):
    return {
        "documents": expected_documents(docs, themes),
        "hits": expected_hits(docs),
        "quotes": expected_quotes(docs),
        "speakers": expected_speakers(docs, themes),
        "tokens": expected_tokens(docs),
    }


def plain(v):
    """A value as Python compares it (numpy arrays and tuples to lists)."""
    if hasattr(v, "tolist"):
        return v.tolist()
    if isinstance(v, tuple):
        return list(v)
    return v


def csv_text(v):
    """A JSON value as svtext writes it in a CSV field."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    if isinstance(v, float):
        return repr(v)
    return str(v)


def readme_recipes():
    """{name: code} of every block after a `<!-- recipe: NAME -->` line in
    the README and the pages of docs/."""
    pages = [os.path.join(REPO, "README.md")]
    pages += sorted(glob.glob(os.path.join(REPO, "docs", "*.md")))
    text = ""
    for page in pages:
        with open(page, encoding="utf-8") as f:
            text += f.read() + "\n"
    found = re.findall(r"<!-- recipe: ([\w-]+) -->\n```\w*\n(.*?)```", text, re.S)
    return dict(found)


class Run:
    """One analysed folder with its corpus.jsonl and expected tables."""

    def __init__(self, inputs, out, fmt, extra=()):
        self.out = out
        svtext(*inputs, "--out", out, "--quiet", "--tables", fmt, *extra)
        self.docs = read_corpus(out)
        self.themes = codebook_themes()
        self.expected = expected_tables(self.docs, self.themes)
        self.fmt = fmt

    def path(self, table):
        return os.path.join(self.out, "tables", f"{table}.{self.fmt}")


class TablesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="svtext-tables-")
        inputs = [os.path.join(REPO, "corpus"), os.path.join(REPO, "tests", "fixtures", "cli")]
        cls.runs = {"corpus": Run(inputs, os.path.join(cls.tmp, "parquet"), "parquet")}
        cls.csv = Run(inputs, os.path.join(cls.tmp, "csv"), "csv")
        if os.path.exists(BENCH):
            folder = os.path.join(cls.tmp, "riksdagen")
            os.makedirs(folder)
            with gzip.open(BENCH, "rt", encoding="utf-8") as f, \
                    open(os.path.join(folder, "interpellationer.jsonl"), "w", encoding="utf-8") as o:
                o.writelines(itertools.islice(f, 500))
            cls.runs["riksdagen"] = Run([folder], os.path.join(cls.tmp, "riksdagen-out"), "parquet")
        else:
            print(f"tables: {BENCH} missing: the Riksdag sample is skipped", file=sys.stderr)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def check_rows(self, run, table, got, library):
        want = run.expected[table]
        self.assertEqual(len(got), len(want), f"{library} {table}: rows")
        for i, (g, w) in enumerate(zip(got, want)):
            g = {k: plain(v) for k, v in g.items()}
            self.assertEqual(g, w, f"{library} {table} row {i}")

    def test_pyarrow_reads_every_table_with_the_rows_of_corpus_jsonl(self):
        for name, run in self.runs.items():
            self.assertTrue(run.docs, name)
            for table in TABLES:
                t = pq.read_table(run.path(table))
                self.check_rows(run, table, t.to_pylist(), "pyarrow")
            self.assertTrue(run.expected["hits"] and run.expected["quotes"], name)

    def test_polars_reads_every_table_with_the_rows_of_corpus_jsonl(self):
        for run in self.runs.values():
            for table in TABLES:
                df = pl.read_parquet(run.path(table))
                self.check_rows(run, table, df.to_dicts(), "polars")

    def test_duckdb_reads_every_table_with_the_rows_of_corpus_jsonl(self):
        con = duckdb.connect()
        for run in self.runs.values():
            for table in TABLES:
                rel = con.execute("SELECT * FROM read_parquet(?)", [run.path(table)])
                names = [c[0] for c in rel.description]
                rows = [dict(zip(names, r)) for r in rel.fetchall()]
                self.check_rows(run, table, rows, "duckdb")

    def test_pandas_pivots_have_zeros_where_a_document_has_no_hit(self):
        run = self.runs["corpus"]
        docs = pd.read_parquet(run.path("documents"))
        counts = docs[[f"hits_{t}" for t in run.themes]]
        self.assertFalse(counts.isna().any().any())
        self.assertTrue((counts == 0).any().any())
        self.assertEqual(len(docs), len(run.docs))

    def test_column_names_repeat_only_on_join_keys(self):
        seen = {}
        for table in TABLES:
            for name in pq.read_schema(self.runs["corpus"].path(table)).names:
                if name in seen:
                    self.assertIn(name, JOIN_KEYS, f"{name} in {seen[name]} and {table}")
                seen[name] = table

    def test_csv_tables_hold_the_same_rows(self):
        run = self.csv
        for table in TABLES:
            with open(run.path(table), newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            want = run.expected[table]
            self.assertEqual(len(rows), len(want), table)
            for i, (g, w) in enumerate(zip(rows, want)):
                self.assertEqual(g, {k: csv_text(v) for k, v in w.items()}, f"csv {table} row {i}")
            self.assertEqual(len(pd.read_csv(run.path(table))), len(want), f"pandas {table}")
            self.assertEqual(pl.read_csv(run.path(table), infer_schema_length=0).height,
                             len(want), f"polars {table}")
            n = duckdb.sql(f"SELECT count(*) FROM read_csv('{run.path(table)}')").fetchall()[0][0]
            self.assertEqual(n, len(want), f"duckdb {table}")

    def test_the_readme_recipes_run_verbatim(self):
        recipes = readme_recipes()
        for name in ("pandas", "polars", "duckdb", "pandas-csv", "first-hour"):
            self.assertIn(name, recipes, f"README recipe {name}")
        cwd = os.getcwd()
        try:
            for name, code in recipes.items():
                run = self.csv if name.endswith("-csv") else self.runs["corpus"]
                work = tempfile.mkdtemp(dir=self.tmp)
                os.symlink(run.out, os.path.join(work, "output"))
                os.chdir(work)
                if name == "duckdb":
                    for stmt in filter(None, (s.strip() for s in code.split(";"))):
                        table = re.search(r"tables/(\w+)\.", stmt).group(1)
                        n = len(duckdb.sql(stmt).fetchall())
                        self.assertEqual(n, len(run.expected[table]), stmt)
                    continue
                if name == "r":
                    continue  # R is not on the test machine
                scope = {}
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(code, f"README recipe {name}", "exec"), scope)
                for table in TABLES:
                    if table in scope and hasattr(scope[table], "shape"):
                        self.assertEqual(scope[table].shape[0], len(run.expected[table]),
                                         f"{name}: {table}")
        finally:
            os.chdir(cwd)

    def test_corpus_jsonl_lines_match_the_json_schema(self):
        with open(os.path.join(REPO, "docs", "schema", "document.schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        validator = jsonschema.Draft202012Validator(schema)
        for run in self.runs.values():
            for d in run.docs:
                errors = list(validator.iter_errors(d))
                self.assertEqual(errors, [], d["id"])

    def test_tables_are_the_same_bytes_for_any_jobs(self):
        out = os.path.join(self.tmp, "jobs1")
        inputs = [os.path.join(REPO, "corpus"), os.path.join(REPO, "tests", "fixtures", "cli")]
        svtext(*inputs, "--out", out, "--quiet", "--jobs", "1")
        for table in TABLES:
            with open(os.path.join(out, "tables", f"{table}.parquet"), "rb") as a, \
                    open(self.runs["corpus"].path(table), "rb") as b:
                self.assertEqual(a.read(), b.read(), table)


def main():
    global BINARY
    p = argparse.ArgumentParser()
    p.add_argument("--binary", default=BINARY)
    args, rest = p.parse_known_args()
    BINARY = os.path.abspath(args.binary)
    result = unittest.main(argv=[sys.argv[0], "-v", *rest], exit=False).result
    failed = len(result.failures) + len(result.errors)
    print(f"tables: {result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
