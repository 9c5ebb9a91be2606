"""The Spark job (examples/spark/svtext_job.py) against a single-machine run.

Run through tests/spark/run_spark_test.sh (installs pyspark, builds the
release binary), or directly with the venv's python:

    .venv-spark/bin/python tests/spark/test_spark.py [--binary target/release/svtext]

Input: the first 300 records of ../shared/data/bench/riksdagen-interpellationer
.jsonl.gz (real Swedish parliamentary interpellations), plus two bad records
and two blank lines.
It is written to a temporary folder; nothing is copied into the repo. When
../shared is missing the tests are skipped with a message.

Checks:
* the documents of the local[2] Spark run (all part files, parsed, sorted by
  id) equal the lines of the single-machine DIR/corpus.jsonl, with
  source.path and source.line dropped: they legitimately differ (the stdin
  path "-" and the line within a partition, against the file path and the
  line in the file); everything else, source.bytes and source.hash included,
  must be equal;
* the error lines of the Spark run are the records in the single-machine
  errors.jsonl (svtext exits 1 there, which the job treats as success);
* OUTPUT/_summary/summary.json (`svtext summarize` over the part files) is
  byte-identical to the single-machine summary.json;
* a folder of .txt files becomes records with the folder's ids;
* an svtext that fails (exit 2) fails the job with svtext's stderr shown;
* the tables the job writes (OUTPUT/_tables/<table>/, partitioned Parquet)
  hold exactly the rows of the single-machine DIR/tables/<table>.parquet
  (read with pyarrow; `source_path` dropped, rows compared in any order).
Wall times of both runs are printed.
"""

import argparse
import glob
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.environ.get("SVTEXT_SPARK_BENCH") or os.path.join(
    REPO, "..", "shared", "data", "bench", "riksdagen-interpellationer.jsonl.gz")
JOB = os.path.join(REPO, "examples", "spark", "svtext_job.py")
RECORDS = 300
BINARY = os.path.join(REPO, "target", "release", "svtext")
BAD_RECORDS = [
    '{"id": "trasig/utan-text", "title": "En post utan text"}',
    '{"id": "trasig/ogiltig-json", "text": "Kommunen svarar inte',
]


def job_env():
    env = dict(os.environ)
    env.setdefault("PYSPARK_PYTHON", sys.executable)
    env.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if "JAVA_HOME" not in env:
        java = shutil.which("java")
        if java:
            env["JAVA_HOME"] = os.path.dirname(os.path.dirname(os.path.realpath(java)))
    return env


def run_job(args, check=True):
    """Runs the job as `python svtext_job.py ...`; returns (seconds, CompletedProcess)."""
    start = time.monotonic()
    proc = subprocess.run([sys.executable, JOB, *args], env=job_env(),
                          capture_output=True, text=True, timeout=900)
    seconds = time.monotonic() - start
    if check and proc.returncode != 0:
        raise AssertionError(f"job failed ({proc.returncode}):\n{proc.stderr[-6000:]}")
    return seconds, proc


def read_jsonl(paths):
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    out.append(json.loads(line))
    return out


def part_files(folder):
    return sorted(glob.glob(os.path.join(folder, "part-*")))


def drop_location(doc):
    doc = json.loads(json.dumps(doc))
    doc["source"].pop("path", None)
    doc["source"].pop("line", None)
    return doc


def is_error(obj):
    return "error" in obj and "text" not in obj


class SparkJobTest(unittest.TestCase):
    tmp = None

    @classmethod
    def setUpClass(cls):
        if not os.path.exists(BENCH):
            raise unittest.SkipTest(f"{BENCH} is missing (no ../shared/data): Spark test skipped")
        if not os.access(BINARY, os.X_OK):
            raise unittest.SkipTest(f"no svtext binary at {BINARY}: run `cargo build --release` first")
        cls.tmp = tempfile.mkdtemp(prefix="svtext-spark-")
        cls.input = os.path.join(cls.tmp, "interpellationer.jsonl")
        with gzip.open(BENCH, "rt", encoding="utf-8") as src, open(cls.input, "w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= RECORDS:
                    break
                dst.write(line)
                # The bad records go in the middle, so they land in some partition.
                if i == RECORDS // 2:
                    for bad in BAD_RECORDS:
                        dst.write(bad + "\n")
                    dst.write("\n \t \n")  # blank lines are skipped, not records

        cls.single = os.path.join(cls.tmp, "single")
        start = time.monotonic()
        proc = subprocess.run([BINARY, "analyze", cls.input, "--out", cls.single, "--quiet"],
                              capture_output=True, text=True)
        cls.single_seconds = time.monotonic() - start
        assert proc.returncode == 1, f"single-machine run: expected exit 1 (2 bad records), got {proc.returncode}: {proc.stderr}"

        cls.spark_out = os.path.join(cls.tmp, "spark-out")
        cls.spark_seconds, cls.spark_proc = run_job(
            [cls.input, cls.spark_out, "--binary", BINARY, "--master", "local[2]", "--partitions", "4"])
        print(f"\nwall time on {RECORDS + len(BAD_RECORDS)} records: single-machine svtext analyze "
              f"{cls.single_seconds:.2f} s; Spark local[2] job {cls.spark_seconds:.2f} s "
              f"({cls.spark_proc.stderr.strip().splitlines()[-1]})", file=sys.stderr)

    def test_the_tables_are_those_of_a_single_machine_run(self):
        import pyarrow.parquet as pq

        def rows(path):
            out = []
            for row in pq.read_table(path).to_pylist():
                row.pop("source_path", None)
                out.append(json.dumps(row, sort_keys=True, ensure_ascii=False))
            return sorted(out)

        for table in ("documents", "hits", "quotes", "speakers", "tokens"):
            single = rows(os.path.join(self.single, "tables", f"{table}.parquet"))
            spark = rows(os.path.join(self.spark_out, "_tables", table))
            self.assertTrue(single or table in ("quotes", "speakers"), table)
            self.assertEqual(len(spark), len(single), table)
            self.assertEqual(spark, single, table)
            parts = glob.glob(os.path.join(self.spark_out, "_tables", table, "part-*.parquet"))
            self.assertGreater(len(parts), 1, f"{table}: partitioned")

    @classmethod
    def tearDownClass(cls):
        if cls.tmp and not os.environ.get("SVTEXT_SPARK_KEEP"):
            shutil.rmtree(cls.tmp, ignore_errors=True)

    def spark_lines(self):
        parts = part_files(self.spark_out)
        self.assertGreaterEqual(len(parts), 2, "expected several part files")
        return read_jsonl(parts)

    def test_documents_equal_single_machine(self):
        lines = self.spark_lines()
        docs = sorted((d for d in lines if not is_error(d)), key=lambda d: d["id"])
        corpus = read_jsonl([os.path.join(self.single, "corpus.jsonl")])
        self.assertEqual(len(corpus), RECORDS)
        self.assertEqual([d["id"] for d in docs], [d["id"] for d in corpus])
        for spark_doc, single_doc in zip(docs, corpus):
            self.assertEqual(spark_doc["source"]["path"], "-")
            self.assertEqual(drop_location(spark_doc), drop_location(single_doc), spark_doc["id"])
            self.assertTrue(spark_doc["tokens"], spark_doc["id"])

    def test_part_files_keep_input_order(self):
        with open(self.input, encoding="utf-8") as f:
            ids = [json.loads(line)["id"] for line in f if line.strip() and '"trasig/' not in line[:30]]
        got = [d["id"] for d in self.spark_lines() if not is_error(d)]
        self.assertEqual(got, ids)

    def test_bad_records_become_error_lines(self):
        errors = [d for d in self.spark_lines() if is_error(d)]
        single_errors = read_jsonl([os.path.join(self.single, "errors.jsonl")])
        self.assertEqual(len(errors), len(BAD_RECORDS))
        self.assertEqual(len(single_errors), len(BAD_RECORDS))
        self.assertIn("trasig/utan-text", [e.get("id") for e in errors])
        for e in errors:
            self.assertTrue(e["error"])
        self.assertIn(f"{len(BAD_RECORDS)} failed records", self.spark_proc.stderr)

    def test_summary_equals_single_machine(self):
        spark_summary = os.path.join(self.spark_out, "_summary", "summary.json")
        with open(spark_summary, "rb") as f:
            got = f.read()
        with open(os.path.join(self.single, "summary.json"), "rb") as f:
            want = f.read()
        summary = json.loads(got)
        self.assertEqual(summary["documents"], RECORDS)
        self.assertEqual(summary["failed"], len(BAD_RECORDS))
        self.assertEqual(json.loads(got), json.loads(want))
        self.assertEqual(got, want)

    def test_text_files_folder(self):
        with open(self.input, encoding="utf-8") as f:
            src = [json.loads(next(f)) for _ in range(3)]
        folder = os.path.join(self.tmp, "texts")
        names = ["riksdagen/a", "riksdagen/djup/b", "c"]
        for name, rec in zip(names, src):
            path = os.path.join(folder, name + ".txt")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(rec["text"])
        out = os.path.join(self.tmp, "texts-out")
        _, proc = run_job([folder, out, "--binary", BINARY, "--master", "local[2]", "--no-summary",
                           "--no-tables"])
        docs = {d["id"]: d for d in read_jsonl(part_files(out))}
        self.assertEqual(sorted(docs), sorted(names))
        single = os.path.join(self.tmp, "texts-single")
        subprocess.run([BINARY, "analyze", folder, "--out", single, "--quiet"], check=True)
        for want in read_jsonl([os.path.join(single, "corpus.jsonl")]):
            got = docs[want["id"]]
            # A file read by svtext itself and the same text as a record differ
            # only in where it came from (format, bytes, hash, path).
            for d in (got, want):
                d.pop("source")
            self.assertEqual(got, want, want["id"])

    def test_spark_submit_with_files(self):
        submit = os.path.join(os.path.dirname(sys.executable), "spark-submit")
        if not os.path.exists(submit):
            self.skipTest(f"no {submit}")
        # As on YARN: the binary travels with --files and the job is told its name.
        shipped = os.path.join(self.tmp, "ship", "svtext")
        os.makedirs(os.path.dirname(shipped), exist_ok=True)
        shutil.copy(BINARY, shipped)
        out = os.path.join(self.tmp, "submit-out")
        proc = subprocess.run(
            [submit, "--master", "local[2]", "--conf", "spark.ui.enabled=false",
             "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
             "--files", shipped, JOB, self.input, out, "--executor-binary", "svtext", "--no-tables"],
            env=job_env(), capture_output=True, text=True, timeout=900)
        self.assertEqual(proc.returncode, 0, proc.stderr[-6000:])
        got = sorted((drop_location(d) for d in read_jsonl(part_files(out)) if not is_error(d)),
                     key=lambda d: d["id"])
        want = [drop_location(d) for d in read_jsonl([os.path.join(self.single, "corpus.jsonl")])]
        self.assertEqual(got, want)
        with open(os.path.join(out, "_summary", "summary.json"), "rb") as f:
            got_summary = f.read()
        with open(os.path.join(self.single, "summary.json"), "rb") as f:
            self.assertEqual(got_summary, f.read())

    def test_failing_binary_fails_the_job(self):
        fake = os.path.join(self.tmp, "svtext-broken")
        with open(fake, "w") as f:
            f.write("#!/bin/sh\ncat >/dev/null\necho 'svtext: error: kodboken saknas' >&2\nexit 2\n")
        os.chmod(fake, 0o755)
        out = os.path.join(self.tmp, "broken-out")
        _, proc = run_job([self.input, out, "--binary", fake, "--master", "local[2]"], check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("exited with status 2", proc.stderr)
        self.assertIn("kodboken saknas", proc.stderr)
        self.assertFalse(os.path.exists(os.path.join(out, "_SUCCESS")))


def main():
    global BINARY
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=BINARY)
    args, rest = parser.parse_known_args()
    BINARY = os.path.abspath(args.binary)
    prog = unittest.main(argv=[sys.argv[0], "-v", *rest], exit=False)
    result = prog.result
    failed = len(result.failures) + len(result.errors)
    skipped = len(result.skipped)
    passed = max(0, result.testsRun - failed - skipped)
    print(f"spark: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
