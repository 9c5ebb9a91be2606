#!/usr/bin/env python3
"""Run svtext on Apache Spark: pipe records through `svtext analyze -`.

    python examples/spark/svtext_job.py INPUT OUTPUT [--binary PATH] [--master URL]
    spark-submit examples/spark/svtext_job.py INPUT OUTPUT --binary ./svtext

INPUT is any Spark-readable path (local folder or file, hdfs://, s3a://,
abfss://, a glob). It holds either JSON Lines records {"id", "text", ...}
(.jsonl/.ndjson/.json, optionally .gz/.bz2) or plain text files (.txt/.md),
one article per file. Text files become records {"id": path relative to
INPUT without extension, "text": content}, the ids svtext gives files of a
folder.

Each partition is streamed through one `svtext analyze - --quiet` process
on its executor (stdin in, stdout out, never all in memory). The documents,
one compact JSON object per line, are written with saveAsTextFile as part
files under OUTPUT; within a part file the order is the input order. A
record svtext cannot analyse becomes an error line {"id", "line", "error"}
in the same part file (svtext exits 1 then; the job counts those lines and
goes on). Any other svtext failure (exit 2, a crash, a missing output line)
fails the Spark task with svtext's stderr in the error.

Unless --no-tables, the job then writes the five analysis tables of a
single-machine run (documents, hits, quotes, speakers, tokens; the columns
of the README's "The tables") from the documents, each as a partitioned
Parquet dataset (zstd, one part file per partition) under
OUTPUT/_tables/<table>/ (or --tables-dir DIR). Their rows are those of
DIR/tables/ of `svtext analyze` over the same input, except `source_path`
("-") and the order (input order per part file, not sorted by id).

Unless --no-summary, the driver then runs `svtext summarize` over the part
files and writes OUTPUT/_summary/summary.json (equal to the summary.json of
a single-machine `svtext analyze` of the same input). For an OUTPUT that is
not on the driver's local disk (hdfs://, s3a://...), give --summary-dir DIR
(a local folder on the driver); the documents are then streamed to the
driver one partition at a time.

The binary: --binary PATH is a file on the driver, shipped to the executors
with SparkContext.addFile and found there with SparkFiles.get. When the
binary is already on the executors (in the container image, or shipped with
spark-submit --files svtext), give --executor-binary PATH instead (a plain
name such as `svtext` is looked up in SparkFiles, the working directory and
PATH).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque

JSONL_EXTS = (".jsonl", ".ndjson", ".json")
TEXT_EXTS = (".txt", ".md")
COMPRESSED_EXTS = (".gz", ".bz2", ".deflate", ".zst", ".lz4", ".snappy")
STDERR_TAIL = 4000
# A document whose record had no id: svtext named it stdin/<line>.
NO_ID = re.compile(rb'\{"schema_version":"[^"]*","id":"stdin/')


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Analyse JSON Lines records or text files with svtext on Spark.",
    )
    p.add_argument("input", metavar="INPUT", help="Spark-readable input path (file, folder, glob)")
    p.add_argument("output", metavar="OUTPUT", help="output folder for the part files (must not exist)")
    p.add_argument("--binary", metavar="PATH",
                   help="svtext binary on the driver, shipped to the executors with addFile "
                        "(default: svtext on PATH, else target/release/svtext of this repo)")
    p.add_argument("--executor-binary", metavar="PATH",
                   help="svtext already on the executors (image, or spark-submit --files); "
                        "nothing is shipped")
    p.add_argument("--master", metavar="URL",
                   help="Spark master (local[2], yarn, k8s://...); default: spark-submit's, else local[*]")
    p.add_argument("--input-format", choices=("auto", "jsonl", "text"), default="auto",
                   help="what INPUT holds (default: from the file extensions)")
    p.add_argument("--partitions", type=int, metavar="N",
                   help="minimum number of partitions (one svtext process each); an input that "
                        "splits into fewer (a .gz file is one) is repartitioned")
    p.add_argument("--svtext-jobs", type=int, metavar="N",
                   help="threads per svtext process (default: spark.task.cpus, i.e. 1)")
    p.add_argument("--codebook", metavar="FILE",
                   help="codebook file on the driver, shipped to the executors")
    p.add_argument("--max-bytes", type=int, metavar="BYTES",
                   help="largest record analysed (svtext --max-bytes)")
    p.add_argument("--no-summary", action="store_true", help="do not write summary.json")
    p.add_argument("--tables-dir", metavar="DIR",
                   help="where the tables go, one partitioned Parquet dataset per table "
                        "(DIR/documents/, DIR/hits/, ...; any Spark-writable path; default: "
                        "OUTPUT/_tables)")
    p.add_argument("--no-tables", action="store_true", help="do not write the tables")
    p.add_argument("--summary-dir", metavar="DIR",
                   help="local folder on the driver for summary.json (default: OUTPUT/_summary "
                        "when OUTPUT is local)")
    return p.parse_args(argv)


def default_binary():
    found = shutil.which("svtext")
    if found:
        return found
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "target", "release", "svtext"))


def local_path(path):
    """The local filesystem path of `path`, or None when it is not local."""
    if path.startswith("file://"):
        return path[len("file://"):]
    if path.startswith("file:"):
        return path[len("file:"):]
    if "://" in path:
        return None
    return path


def hadoop_fs(sc, path):
    jvm = sc._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    fs = hpath.getFileSystem(sc._jsc.hadoopConfiguration())
    return jvm, fs, hpath


def list_input_files(sc, path, limit=100000):
    """Qualified paths of the (non-hidden) files under INPUT (a file, folder or glob)."""
    jvm, fs, hpath = hadoop_fs(sc, path)
    statuses = fs.globStatus(hpath)
    out = []
    if statuses is None:
        return out
    for st in statuses:
        if st.isDirectory():
            it = fs.listFiles(st.getPath(), True)
            while it.hasNext() and len(out) < limit:
                f = it.next().getPath()
                if not f.getName().startswith((".", "_")):
                    out.append(f.toString())
        else:
            out.append(st.getPath().toString())
    return out


def kind_of(name):
    lower = name.lower()
    for ext in COMPRESSED_EXTS:
        if lower.endswith(ext):
            lower = lower[: -len(ext)]
            break
    if lower.endswith(JSONL_EXTS):
        return "jsonl"
    if lower.endswith(TEXT_EXTS):
        return "text"
    return None


def detect_format(sc, path):
    files = list_input_files(sc, path)
    if not files:
        raise SystemExit(f"svtext_job: no input files at {path}")
    kinds = {kind_of(f) for f in files}
    if kinds == {"jsonl"}:
        return "jsonl"
    if kinds == {"text"}:
        return "text"
    raise SystemExit(
        f"svtext_job: cannot tell what {path} holds (found {sorted(str(k) for k in kinds)}; "
        "JSON Lines are .jsonl/.ndjson/.json, text files .txt/.md): give --input-format"
    )


def text_records(sc, path, min_partitions):
    """(path, bytes) of each text file as one JSON Lines record {"id", "text"}."""
    _, fs, hpath = hadoop_fs(sc, path)
    statuses = fs.globStatus(hpath)
    roots = []
    for st in statuses or []:
        q = st.getPath().toString()
        roots.append(q if st.isDirectory() else q.rsplit("/", 1)[0])

    def to_record(item):
        file_path, data = item
        root = max((r for r in roots if file_path.startswith(r.rstrip("/") + "/")), key=len, default="")
        rel = file_path[len(root.rstrip("/")) + 1:] if root else file_path.rsplit("/", 1)[-1]
        stem, ext = os.path.splitext(rel)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Legacy Swedish files are mostly Windows-1252 (a superset of Latin-1).
            text = data.decode("cp1252", errors="replace")
        return json.dumps({"id": stem if ext else rel, "text": text}, ensure_ascii=False)

    rdd = sc.binaryFiles(path, min_partitions) if min_partitions else sc.binaryFiles(path)
    return rdd.filter(lambda kv: kind_of(kv[0]) == "text").map(to_record)


def resolve_binary(name_or_path):
    """On an executor: the path of the svtext binary to run."""
    from pyspark import SparkFiles

    candidates = []
    if os.path.isabs(name_or_path):
        candidates.append(name_or_path)
    else:
        base = os.path.basename(name_or_path)
        try:
            candidates.append(SparkFiles.get(base))
        except Exception:  # no SparkFiles root (should not happen on an executor)
            pass
        candidates.append(os.path.abspath(name_or_path))
        candidates.append(os.path.abspath(base))
        found = shutil.which(base)
        if found:
            candidates.append(found)
    for c in candidates:
        if os.path.isfile(c):
            if not os.access(c, os.X_OK):
                try:
                    os.chmod(c, 0o755)
                except OSError:
                    tmp = tempfile.mkdtemp(prefix="svtext-bin-")
                    c = shutil.copy(c, os.path.join(tmp, os.path.basename(c)))
                    os.chmod(c, 0o755)
            return c
    raise RuntimeError(f"svtext binary {name_or_path!r} not found on this executor (tried {candidates})")


def is_error_line(line):
    """True for svtext's error objects ({"id", "line", "error"}), as `svtext summarize` counts them."""
    if b'"schema_version"' in line[:64]:
        return False
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and "error" in obj and "text" not in obj


class SvtextFailed(RuntimeError):
    """svtext failed in a way that must fail the Spark task."""


def make_partition_runner(binary_name, codebook_name, svtext_jobs, max_bytes, counters):
    """The function run on each partition: stream its lines through svtext."""

    def run_partition(lines):
        from pyspark import SparkFiles

        binary = resolve_binary(binary_name)
        cmd = [binary, "analyze", "-", "--quiet", "--jobs", str(svtext_jobs)]
        if codebook_name:
            cmd += ["--codebook", SparkFiles.get(codebook_name)]
        if max_bytes:
            cmd += ["--max-bytes", str(max_bytes)]
        stderr_file = tempfile.TemporaryFile()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=stderr_file, bufsize=1 << 16)
        sent = [0]
        writer_error = []

        def feed():
            try:
                first = True
                for line in lines:
                    data = line.encode("utf-8") if isinstance(line, str) else line
                    # svtext skips blank lines (ASCII whitespace, after a BOM on line 1).
                    check = data[3:] if first and data.startswith(b"\xef\xbb\xbf") else data
                    first = False
                    if check.strip(b" \t\n\r\x0c"):
                        sent[0] += 1
                    proc.stdin.write(data)
                    proc.stdin.write(b"\n")
            except BrokenPipeError:
                pass  # svtext died; reported below from its exit status
            except BaseException as e:  # an upstream read error: fail the task with it
                writer_error.append(e)
            finally:
                try:
                    proc.stdin.close()
                except OSError:
                    pass

        writer = threading.Thread(target=feed, name="svtext-stdin", daemon=True)
        writer.start()
        received = errors = no_id = 0
        try:
            for out in proc.stdout:
                received += 1
                if is_error_line(out):
                    errors += 1
                elif NO_ID.match(out):
                    no_id += 1
                yield out.rstrip(b"\r\n").decode("utf-8")
        finally:
            proc.stdout.close()
            writer.join()
            rc = proc.wait()
            stderr_file.seek(0, os.SEEK_END)
            size = stderr_file.tell()
            stderr_file.seek(max(0, size - STDERR_TAIL))
            stderr = stderr_file.read().decode("utf-8", errors="replace").strip()
            stderr_file.close()
        if writer_error:
            raise writer_error[0]
        if rc not in (0, 1):
            how = f"was killed by signal {-rc}" if rc < 0 else f"exited with status {rc}"
            raise SvtextFailed(f"svtext {how} ({' '.join(cmd)}); stderr: {stderr or '(empty)'}")
        if received != sent[0]:
            raise SvtextFailed(
                f"svtext wrote {received} lines for {sent[0]} records (exit {rc}); stderr: {stderr or '(empty)'}"
            )
        if rc == 1 and errors == 0:
            raise SvtextFailed(f"svtext exited 1 but wrote no error line; stderr: {stderr or '(empty)'}")
        counters["documents"].add(received - errors)
        counters["errors"].add(errors)
        counters["no_id"].add(no_id)

    return run_partition


def write_summary(sc, binary, output, summary_dir):
    """Runs `svtext summarize` over the part files; returns summary.json's path."""
    os.makedirs(summary_dir, exist_ok=True)
    local = local_path(output)
    if local is not None and os.path.isdir(local):
        parts = sorted(
            os.path.join(local, f) for f in os.listdir(local)
            if f.startswith("part-") and not f.endswith(".crc")
        )
        if not parts:
            raise SystemExit(f"svtext_job: no part files in {output}")
        subprocess.run([binary, "summarize", *parts, "--out", summary_dir], check=True)
    else:
        # Not on the driver's disk: stream the documents to the driver, one
        # partition at a time, into `svtext summarize /dev/stdin`.
        proc = subprocess.Popen([binary, "summarize", "/dev/stdin", "--out", summary_dir],
                                stdin=subprocess.PIPE)
        for line in sc.textFile(output).toLocalIterator():
            proc.stdin.write(line.encode("utf-8") + b"\n")
        proc.stdin.close()
        if proc.wait() != 0:
            raise SystemExit("svtext_job: svtext summarize failed")
    return os.path.join(summary_dir, "summary.json")


# --- tables (issue 17): the same five tables as DIR/tables/ of `svtext analyze`

TABLES = ("documents", "hits", "quotes", "speakers", "tokens")
CONTEXT = 60  # code points of context either side of a hit


def codebook_theme_ids(binary, codebook=None):
    """The theme ids of the codebook in use, in codebook order (from `svtext codebook check`)."""
    with tempfile.TemporaryDirectory() as tmp:
        if codebook is None:
            codebook = os.path.join(tmp, "builtin.toml")
            with open(codebook, "wb") as f:
                f.write(subprocess.run([binary, "codebook", "show"], check=True,
                                       capture_output=True).stdout)
        out = subprocess.run([binary, "codebook", "check", codebook], check=True,
                             capture_output=True, text=True).stdout
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("id "))
    ids = []
    for line in lines[start + 1:]:
        if not line.strip():
            break
        ids.append(line.split()[0])
    return ids


def table_schemas(themes):
    """The Spark schema of each table: the columns of the README's "The tables"."""
    from pyspark.sql.types import (ArrayType, BooleanType, DoubleType, LongType, StringType,
                                   StructField, StructType)

    def cols(*spec):
        return [StructField(name, ty, nullable) for name, ty, nullable in spec]

    s, n, f, b, lst = StringType(), LongType(), DoubleType(), BooleanType(), ArrayType(StringType())
    return {
        "documents": StructType(cols(
            ("document_id", s, False), ("source_path", s, False), ("source_format", s, False),
            ("title", s, True), ("published", s, True), ("updated", s, True),
            ("authors", lst, False), ("language", s, True), ("language_confidence", f, False),
            ("language_reliable", b, False), ("words", n, False), ("sentences", n, False),
            ("long_words", n, False), ("lix", f, False), ("ovix", f, False),
            ("speakers", n, False), ("quotes", n, False),
            *[(f"hits_{t}", n, False) for t in themes],
            *[(f"per_1000_words_{t}", f, False) for t in themes])),
        "hits": StructType(cols(
            ("document_id", s, False), ("theme", s, False), ("term", s, False),
            ("hit_text", s, False), ("hit_start", n, False), ("hit_end", n, False),
            ("match", s, False), ("sentence", n, False), ("speaker_id", s, True),
            ("left_context", s, False), ("right_context", s, False))),
        "quotes": StructType(cols(
            ("document_id", s, False), ("speaker_id", s, False), ("speaker_name", s, False),
            ("speaker_roles", lst, False), ("speaker_organisations", lst, False),
            ("quote_kind", s, False), ("cue", s, True), ("quote_start", n, False),
            ("quote_end", n, False), ("quote_text", s, False))),
        "speakers": StructType(cols(
            ("document_id", s, False), ("speaker_id", s, False), ("name", s, False),
            ("roles", lst, False), ("organisations", lst, False), ("mentions", n, False),
            ("speaker_quotes", n, False), *[(f"speaker_hits_{t}", n, False) for t in themes])),
        "tokens": StructType(cols(
            ("document_id", s, False), ("token_index", n, False), ("token_start", n, False),
            ("token_end", n, False), ("token_text", s, False), ("stem", s, True),
            ("token_kind", s, False), ("sentence", n, False), ("stopword", b, False))),
    }


def table_rows(table, doc, themes):
    """The rows (tuples, in schema order) of one document in `table`, as svtext writes them."""
    i = doc["id"]
    if table == "documents":
        m, r = doc["metadata"], doc["readability"]
        found = {t["id"]: t for t in doc["themes"]}
        return [(i, doc["source"]["path"], doc["source"]["format"], m["title"], m["published"],
                 m["updated"], m["authors"], doc["language"]["code"],
                 float(doc["language"]["confidence"]), doc["language"]["reliable"], r["words"],
                 r["sentences"], r["long_words"], float(r["lix"]), float(r["ovix"]),
                 len(doc["speakers"]), sum(len(s["quotes"]) for s in doc["speakers"]),
                 *[found[t]["count"] if t in found else 0 for t in themes],
                 *[float(found[t]["per_1000_words"]) if t in found else 0.0 for t in themes])]
    if table == "hits":
        text = doc["text"]
        hits = sorted(((h["start"], h["end"], k, t["id"], h)
                       for k, t in enumerate(doc["themes"]) for h in t["hits"]),
                      key=lambda x: x[:3])
        return [(i, theme, h["term"], h["text"], start, end, h["match"], h["sentence"],
                 h["speaker"], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT])
                for start, end, _, theme, h in hits]
    if table == "quotes":
        quotes = sorted(((q["start"], q["end"], k, s, q)
                         for k, s in enumerate(doc["speakers"]) for q in s["quotes"]),
                        key=lambda x: x[:3])
        return [(i, s["id"], s["name"], s["roles"], s["organisations"], q["kind"], q["cue"],
                 start, end, q["text"]) for start, end, _, s, q in quotes]
    if table == "speakers":
        return [(i, s["id"], s["name"], s["roles"], s["organisations"], len(s["mentions"]),
                 len(s["quotes"]), *[s["themes"].get(t, 0) for t in themes])
                for s in doc["speakers"]]
    return [(i, k, t["start"], t["end"], t["text"], t["stem"], t["kind"], t["sentence"],
             t["stopword"]) for k, t in enumerate(doc["tokens"])]


def write_tables(spark, output, tables_dir, themes):
    """Reads the documents back from OUTPUT's part files and writes each table as a
    partitioned Parquet dataset (zstd) under TABLES_DIR/<table>/."""
    lines = spark.sparkContext.textFile(output)
    schemas = table_schemas(themes)
    for table in TABLES:
        def rows(line, table=table):
            data = line.encode("utf-8")
            if is_error_line(data):
                return []
            return table_rows(table, json.loads(line), themes)

        df = spark.createDataFrame(lines.flatMap(rows), schemas[table])
        df.write.mode("error").option("compression", "zstd").parquet(f"{tables_dir.rstrip('/')}/{table}")


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    t0 = time.monotonic()
    builder = SparkSession.builder.appName("svtext")
    if args.master:
        builder = builder.master(args.master)
    # The master given here, else spark-submit's, else pyspark's default.
    master = args.master or SparkConf().get("spark.master", "local[*]")
    if master.startswith("local"):
        # A local run stays on loopback, without the web UI.
        builder = (builder.config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false"))
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    # Folders are read recursively, as svtext walks them.
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    t_session = time.monotonic()

    driver_binary = None
    if args.executor_binary:
        binary_name = args.executor_binary
        if args.binary:
            driver_binary = os.path.abspath(args.binary)
    else:
        driver_binary = os.path.abspath(args.binary or default_binary())
        if not os.path.isfile(driver_binary):
            raise SystemExit(f"svtext_job: no svtext binary at {driver_binary} (give --binary)")
        sc.addFile(driver_binary)
        binary_name = os.path.basename(driver_binary)
    codebook_name = None
    if args.codebook:
        sc.addFile(os.path.abspath(args.codebook))
        codebook_name = os.path.basename(args.codebook)
    svtext_jobs = args.svtext_jobs or int(sc.getConf().get("spark.task.cpus", "1"))

    fmt = args.input_format
    if fmt == "auto":
        fmt = detect_format(sc, args.input)
    if fmt == "jsonl":
        records = (sc.textFile(args.input, args.partitions) if args.partitions
                   else sc.textFile(args.input))
    else:
        records = text_records(sc, args.input, args.partitions)
    if args.partitions and records.getNumPartitions() < args.partitions:
        # A .gz file is one partition whatever minPartitions says: spread it
        # (a shuffle; the part files then no longer follow the input order).
        records = records.repartition(args.partitions)

    # Counted as the tasks finish (a retried task may count twice).
    counters = {name: sc.accumulator(0) for name in ("documents", "errors", "no_id")}
    runner = make_partition_runner(binary_name, codebook_name, svtext_jobs, args.max_bytes,
                                   counters)
    records.mapPartitions(runner).saveAsTextFile(args.output)
    t_done = time.monotonic()

    # The driver's own svtext (for the summary and the codebook's themes):
    # the one given, else one shipped with --files or on the driver's PATH.
    driver_svtext = driver_binary
    if driver_svtext is None and not (args.no_summary and args.no_tables):
        try:
            driver_svtext = resolve_binary(binary_name)
        except RuntimeError:
            pass

    summary_path = None
    if not args.no_summary:
        summary_dir = args.summary_dir
        if summary_dir is None and local_path(args.output) is not None:
            summary_dir = os.path.join(local_path(args.output), "_summary")
        if summary_dir is None:
            print("svtext_job: OUTPUT is not local: give --summary-dir DIR for summary.json, "
                  "or run `svtext summarize` on the part files", file=sys.stderr)
        elif driver_svtext is None:
            print("svtext_job: no svtext binary on the driver for the summary (give --binary)",
                  file=sys.stderr)
        else:
            summary_path = write_summary(sc, driver_svtext, args.output, summary_dir)
    t_summary = time.monotonic()

    tables_dir = None
    if not args.no_tables:
        if driver_svtext is None:
            print("svtext_job: no svtext binary on the driver to read the codebook's themes "
                  "(give --binary): tables not written", file=sys.stderr)
        else:
            themes = codebook_theme_ids(driver_svtext, args.codebook)
            tables_dir = args.tables_dir or f"{args.output.rstrip('/')}/_tables"
            write_tables(spark, args.output, tables_dir, themes)
    t_end = time.monotonic()

    print(
        f"svtext_job: {counters['documents'].value} documents, {counters['errors'].value} failed records "
        f"-> {args.output}"
        + (f"; summary {summary_path}" if summary_path else "")
        + (f"; tables {tables_dir}" if tables_dir else "")
        + f" (session {t_session - t0:.1f} s, analysis {t_done - t_session:.1f} s, "
        f"summary {t_summary - t_done:.1f} s, tables {t_end - t_summary:.1f} s)",
        file=sys.stderr,
    )
    if counters["no_id"].value:
        print(f"svtext_job: warning: {counters['no_id'].value} records have no \"id\"; their ids "
              "(stdin/<line in its partition>) are not unique across partitions: give every record "
              "an id", file=sys.stderr)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
