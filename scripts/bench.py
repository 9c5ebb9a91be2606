#!/usr/bin/env python3
"""End-to-end benchmark of svtext against the peers in ../shared/peers.

usage: python3 scripts/bench.py [--runs 3] [--py-runs 1] [--peer-docs 0] [--docs 0]
                                [--scale 1,2,4] [--skip-setup] [--skip-peers]
                                [--skip-scaling] [--out bench-out] [--sv-out DIR]
                                [--svtext BIN]   (--help lists them all)

What it does (every step idempotent; see BENCHMARKS.md):
  1. setup: the peers (``PEERS_WORK=... bash ../shared/peers/setup.sh``: a venv
     with spaCy, PyStemmer, NLTK, orjson and the charabia peer's release
     build, all outside the read-only peers folder) and ``cargo build --release``;
  2. bench folders: ``../shared/peers/make_bench_folder.py`` unpacks the Riksdag
     interpellations (``../shared/data/bench/``) into OUT/corpus/x1 (all
     records as .txt files), x2 and x4 (``--repeat``), and, with --peer-docs N,
     OUT/corpus/nN (the first N records) for the peer comparison;
  3. timing: every command runs as a child process; wall time is
     ``time.perf_counter`` around it, CPU time and peak RSS come from
     ``os.wait4`` (the child's own rusage, ``ru_maxrss``). The input files are
     read once before the first run of a folder (warm page cache). svtext
     writes its default output (corpus.jsonl, the Parquet tables in tables/,
     summary.json, manifest.json; no documents/) into a fresh folder every
     run (``--full``);
  4. loading: the tables of one more svtext run on the whole corpus are read
     with pandas (``pd.read_parquet`` of documents and hits, in a child
     process of the tables test's venv, .venv-tables; skipped without it):
     the load time and the child's peak RSS, import of pandas included;
  5. results: a markdown table on stdout and in OUT/results.md, the raw runs in
     OUT/results.json.

Figures: input MB = bytes of the input .txt files / 1e6; MB/s and docs/s use
the median wall time; peak RSS is the largest over the runs. Ratios are wall
time of the peer / wall time of svtext --jobs 2 on the same folder.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Targets of the project's issue 8.
TARGET_VS_SPACY = 30.0
TARGET_VS_CHARABIA = 1.5
TARGET_JOBS = 1.8
TARGET_RSS_MB = 300.0
# Targets of issue 17.
TARGET_OUTPUT_RATIO = 20.0
TARGET_LOAD_S = 1.0
TARGET_LOAD_MB = 300.0

LOAD_SCRIPT = r'''
import json, sys, time
t0 = time.perf_counter()
import pandas as pd
t1 = time.perf_counter()
documents = pd.read_parquet(sys.argv[1] + "/tables/documents.parquet")
hits = pd.read_parquet(sys.argv[1] + "/tables/hits.parquet")
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "documents": len(documents),
                  "hits": len(hits), "pandas": pd.__version__,
                  "frame_mb": (documents.memory_usage(deep=True).sum()
                               + hits.memory_usage(deep=True).sum()) / 1e6}))
'''


def measure_load(python, out_dir, runs):
    """Loads the documents and hits tables in pandas `runs` times; the median load."""
    results = []
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.Popen([python, "-c", LOAD_SCRIPT, out_dir], stdout=subprocess.PIPE)
        stdout = p.stdout.read()
        _, status, ru = os.wait4(p.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            log(f"pandas load failed: {stdout!r}")
            return None
        r = json.loads(stdout)
        r["wall"] = time.perf_counter() - t0
        r["rss_mb"] = ru.ru_maxrss * 1024 / 1e6
        log(f"  pandas load {r['load_s']:.2f} s (import {r['import_s']:.2f} s), peak RSS {r['rss_mb']:.0f} MB")
        results.append(r)
    results.sort(key=lambda r: r["load_s"])
    best = dict(results[len(results) // 2])
    best["rss_mb"] = max(r["rss_mb"] for r in results)
    return best


def log(msg):
    sys.stderr.write(f"[bench {datetime.datetime.now():%H:%M:%S}] {msg}\n")
    sys.stderr.flush()


def run_checked(cmd, env=None, cwd=None):
    log("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True, env=env, cwd=cwd)


def measure(cmd, stdout_path=None):
    """Runs cmd once; returns wall, user, sys, peak RSS (MB), exit status, load."""
    load0 = os.getloadavg()[0]
    out = open(stdout_path or os.devnull, "wb")
    err = open(os.devnull, "wb")
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=out, stderr=err)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    out.close()
    err.close()
    # ru_maxrss is in KiB on Linux.
    return {
        "wall": wall,
        "user": ru.ru_utime,
        "sys": ru.ru_stime,
        "rss_mb": ru.ru_maxrss * 1024 / 1e6,
        "status": p.returncode,
        "load": round((load0 + os.getloadavg()[0]) / 2, 1),
    }


def folder_stats(folder):
    n, size = 0, 0
    for root, _, files in os.walk(folder):
        for f in files:
            if f.endswith(".txt"):
                n += 1
                size += os.path.getsize(os.path.join(root, f))
    return n, size


def warm(folder):
    """Reads every input file once so that all tools start with a warm page cache."""
    for root, _, files in os.walk(folder):
        for f in files:
            with open(os.path.join(root, f), "rb") as fh:
                while fh.read(1 << 20):
                    pass


def tree_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total


def make_folder(peers, out_dir, n=0, repeat=1):
    """Unpacks the bench corpus into out_dir unless a matching stamp is there."""
    src = os.path.join(peers, "..", "data", "bench", "riksdagen-interpellationer.jsonl.gz")
    st = os.stat(src)
    stamp = json.dumps({"n": n, "repeat": repeat, "src_size": st.st_size, "src_mtime": int(st.st_mtime)})
    stamp_path = out_dir + ".stamp"
    if os.path.isdir(out_dir) and os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        return
    shutil.rmtree(out_dir, ignore_errors=True)
    cmd = [sys.executable, os.path.join(peers, "make_bench_folder.py"), out_dir]
    if n:
        cmd += ["--n", str(n)]
    if repeat > 1:
        cmd += ["--repeat", str(repeat)]
    run_checked(cmd)
    with open(stamp_path, "w") as f:
        f.write(stamp)


class Bench:
    def __init__(self, args):
        self.args = args
        self.rows = []  # dicts: name, folder, docs, bytes, runs[...]
        self.out = os.path.abspath(args.out)

    def add(self, name, folder, cmd_for, runs, cleanup=None, output_size=None):
        """Registers a row; `run_all` times it `runs` times."""
        docs, size = folder_stats(folder)
        row = {
            "name": name,
            "folder": os.path.relpath(folder, self.out),
            "docs": docs,
            "bytes": size,
            "cmd": " ".join(cmd_for()),
            "runs": [],
            "_want": runs,
            "_path": folder,
            "_cmd": cmd_for,
            "_cleanup": cleanup,
            "_output_size": output_size,
        }
        self.rows.append(row)
        return row

    def run_all(self):
        """Runs the rows in rounds (each row once per round, in order), so that
        a change of load on the machine affects every tool alike."""
        warmed = set()
        rounds = max((r["_want"] for r in self.rows), default=0)
        for k in range(rounds):
            for row in self.rows:
                if k >= row["_want"]:
                    continue
                if row["_path"] not in warmed:
                    warm(row["_path"])
                    warmed.add(row["_path"])
                if row["_cleanup"]:
                    row["_cleanup"]()
                os.sync()  # the previous run's writes and deletions are not charged to this one
                cmd = row["_cmd"]()
                log(f"{row['name']} on {row['folder']} run {k + 1}/{row['_want']}: " + " ".join(cmd))
                r = measure(cmd)
                log(f"  wall {r['wall']:.2f} s, cpu {r['user'] + r['sys']:.2f} s, rss {r['rss_mb']:.1f} MB, "
                    f"exit {r['status']}, load {r['load']}")
                if r["status"] != 0:
                    log(f"  WARNING: {row['name']} exited with status {r['status']}")
                row["runs"].append(r)
                if row["_output_size"]:
                    row["output_bytes"] = row["_output_size"]()
        for row in self.rows:
            for key in [k for k in row if k.startswith("_")]:
                del row[key]


def med(row, key="wall"):
    if key == "cpu":
        return statistics.median(r["user"] + r["sys"] for r in row["runs"])
    return statistics.median(r[key] for r in row["runs"])


def fmt_row(row, refs):
    w = med(row)
    cpu = med(row, "cpu")
    mb = row["bytes"] / 1e6
    walls = [r["wall"] for r in row["runs"]]
    spread = f"{min(walls):.2f}–{max(walls):.2f}" if len(walls) > 1 else ""
    ratio = ""
    ref = refs.get(row["folder"])
    if ref is not None and ref is not row:
        ratio = f"{w / med(ref):.1f}×"
    out_mb = f"{row['output_bytes'] / 1e6:.0f}" if "output_bytes" in row else ""
    return (f"| {row['name']} | {row['folder']} | {row['docs']} | {mb:.1f} | {len(row['runs'])} | "
            f"{w:.2f} | {spread} | {cpu:.2f} | {med(row, 'sys'):.2f} | {mb / w:.2f} | {row['docs'] / w:.0f} | "
            f"{max(r['rss_mb'] for r in row['runs']):.0f} | {out_mb} | "
            f"{statistics.median(r['load'] for r in row['runs']):.1f} | {ratio} |")


HEADER = ("| tool | folder | docs | input MB | runs | wall s (median) | wall min–max | CPU s (user+sys) | of which sys | "
          "MB/s | docs/s | peak RSS MB | output MB | load avg | wall ÷ svtext wall (same folder) |\n"
          "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")


def machine():
    model = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1e6:.0f} GB RAM"
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({model}), {mem}, {platform.system()} {platform.release()}"


def git_rev():
    try:
        rev = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return rev + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="runs of svtext and the charabia peer (median)")
    ap.add_argument("--py-runs", type=int, default=1, help="runs of the spaCy and NLTK peers")
    ap.add_argument("--peer-docs", type=int, default=0,
                    help="compare with the peers on the first N records only (0: the whole corpus)")
    ap.add_argument("--docs", type=int, default=0,
                    help="use only the first N records as the corpus (0: all; for quick trials)")
    ap.add_argument("--scale", default="1,2,4", help="corpus multiples for the scaling runs (--repeat)")
    ap.add_argument("--scale-runs", type=int, default=1, help="runs of svtext on each multiple above 1")
    ap.add_argument("--jobs", type=int, default=2, help="svtext --jobs and charabia --threads")
    ap.add_argument("--out", default=os.path.join(REPO, "bench-out"), help="work folder (gitignored)")
    ap.add_argument("--peers", default=os.path.join(REPO, "..", "shared", "peers"), help="the peers folder")
    ap.add_argument("--peers-work", default=os.environ.get("PEERS_WORK", "/tmp/svtext-peers"),
                    help="where setup.sh puts the peers' venv and Rust build")
    ap.add_argument("--svtext", help="a prebuilt svtext binary (default: cargo build --release)")
    ap.add_argument("--skip-setup", action="store_true", help="no peers setup, no cargo build")
    ap.add_argument("--skip-peers", action="store_true")
    ap.add_argument("--skip-python-peers", action="store_true")
    ap.add_argument("--skip-scaling", action="store_true")
    ap.add_argument("--sv-out", help="where svtext writes (default OUT/svtext-out; e.g. /dev/shm/svtext-out "
                    "to leave out the file system's cost)")
    ap.add_argument("--delete-between", action="store_true",
                    help="delete svtext's output after each run (default: all at the end; ~25 GB for the full bench)")
    ap.add_argument("--keep-output", action="store_true", help="keep svtext's last output folder")
    ap.add_argument("--pandas-python", default=os.path.join(REPO, ".venv-tables", "bin", "python"),
                    help="a python with pandas and pyarrow for the load measurement "
                         "(default: the tables test's venv; bash tests/tables/run_tables_test.sh makes it)")
    a = ap.parse_args()

    peers = os.path.abspath(a.peers)
    if not os.path.exists(os.path.join(peers, "make_bench_folder.py")):
        sys.exit(f"bench: {peers} not found (../shared must be beside the checkout)")
    os.makedirs(a.out, exist_ok=True)
    b = Bench(a)
    work = os.path.abspath(a.peers_work)
    py = os.path.join(work, "venv", "bin", "python")
    charabia = os.path.join(work, "target", "release", "charabia_peer")

    # 1. setup
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target"))
    svtext = a.svtext or os.path.join(target, "release", "svtext")
    if not a.skip_setup:
        if not a.skip_peers:
            env = dict(os.environ, PEERS_WORK=work)
            run_checked(["bash", os.path.join(peers, "setup.sh")], env=env)
        if not a.svtext:
            run_checked(["cargo", "build", "--release", "--quiet"], cwd=REPO)
        run_checked(["cargo", "build", "--release", "--quiet", "--example", "split"], cwd=REPO)
    if not os.path.exists(svtext):
        sys.exit(f"bench: {svtext} not found (build it, or pass --svtext)")

    # 2. folders
    corpus = os.path.join(b.out, "corpus")
    os.makedirs(corpus, exist_ok=True)
    scales = [int(x) for x in a.scale.split(",") if x.strip()] if not a.skip_scaling else [1]
    if 1 not in scales:
        scales.insert(0, 1)
    base = "x" if not a.docs else f"n{a.docs}x"
    for k in scales:
        make_folder(peers, os.path.join(corpus, f"{base}{k}"), n=a.docs, repeat=k)
    x1 = os.path.join(corpus, f"{base}1")
    peer_folder = x1
    if a.peer_docs:
        peer_folder = os.path.join(corpus, f"n{a.peer_docs}")
        make_folder(peers, peer_folder, n=a.peer_docs)

    sv_out = os.path.abspath(a.sv_out) if a.sv_out else os.path.join(b.out, "svtext-out")
    peer_out = os.path.join(b.out, "peers-out")
    os.makedirs(peer_out, exist_ok=True)

    # Every svtext run writes into a new folder sv_out/run-NN, deleted only at
    # the end: ext4 skips inodes freed in the last minutes when it allocates
    # new ones, so deleting one run's 15,000+ files just before the next run
    # makes the next run's file creation several times slower in the kernel.
    # --delete-between deletes each run's output before the next (less disk).
    shutil.rmtree(sv_out, ignore_errors=True)
    cur = {"n": 0, "dir": os.path.join(sv_out, "run-00")}

    def clean_sv():
        if a.delete_between:
            shutil.rmtree(sv_out, ignore_errors=True)
        cur["n"] += 1
        cur["dir"] = os.path.join(sv_out, f"run-{cur['n']:02d}")

    def sv_size():
        return tree_bytes(cur["dir"])

    def sv(folder, jobs):
        return lambda: [svtext, "analyze", folder, "--out", cur["dir"], "--jobs", str(jobs), "--quiet", "--full"]

    started = datetime.datetime.now(datetime.timezone.utc)
    load_start = os.getloadavg()[0]
    # 3. svtext on the whole corpus, --jobs 2 and --jobs 1
    sv2 = b.add(f"svtext --jobs {a.jobs}", x1, sv(x1, a.jobs), a.runs, clean_sv,
                      sv_size)
    sv1 = b.add("svtext --jobs 1", x1, sv(x1, 1), a.runs, clean_sv, sv_size)
    ref = sv2
    if peer_folder != x1:
        ref = b.add(f"svtext --jobs {a.jobs}", peer_folder, sv(peer_folder, a.jobs), a.runs, clean_sv,
                          sv_size)

    # peers on the same folder
    peer_rows = {}
    if not a.skip_peers:
        peer_rows["charabia"] = b.add(
            f"charabia peer --threads {a.jobs}", peer_folder,
            lambda: [charabia, peer_folder, os.path.join(peer_out, "charabia.jsonl"), "--threads", str(a.jobs)],
            a.runs, output_size=lambda: os.path.getsize(os.path.join(peer_out, "charabia.jsonl")))
        if not a.skip_python_peers:
            peer_rows["spacy"] = b.add(
                "spaCy peer", peer_folder,
                lambda: [py, os.path.join(peers, "spacy_peer.py"), peer_folder, os.path.join(peer_out, "spacy.jsonl")],
                a.py_runs, output_size=lambda: os.path.getsize(os.path.join(peer_out, "spacy.jsonl")))
            peer_rows["nltk"] = b.add(
                "NLTK peer", peer_folder,
                lambda: [py, os.path.join(peers, "nltk_peer.py"), peer_folder, os.path.join(peer_out, "nltk.jsonl")],
                a.py_runs, output_size=lambda: os.path.getsize(os.path.join(peer_out, "nltk.jsonl")))

    # scaling with corpus size
    scale_rows = {1: sv2}
    for k in scales:
        if k == 1:
            continue
        f = os.path.join(corpus, f"{base}{k}")
        scale_rows[k] = b.add(f"svtext --jobs {a.jobs}", f, sv(f, a.jobs), a.scale_runs, clean_sv,
                                    sv_size)
    b.run_all()
    # The same corpus analysed in memory, without reading or writing files
    # (examples/split.rs): how much of svtext's wall time is analysis.
    split = None
    split_bin = os.path.join(target, "release", "examples", "split")
    if os.path.exists(split_bin):
        cmd = [split_bin, "--jobs", str(a.jobs), "--runs", str(a.runs), "--json"]
        if a.docs:
            cmd += ["--docs", str(a.docs)]
        log(" ".join(cmd))
        split = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        split["cmd"] = " ".join(cmd)
    else:
        log(f"{split_bin} not found: no in-memory split (cargo build --release --example split)")
    # 4. the tables of the whole corpus, loaded in pandas
    load = None
    load_out = os.path.join(sv_out, "tables-load")
    if os.path.exists(a.pandas_python):
        run_checked([svtext, "analyze", x1, "--out", load_out, "--jobs", str(a.jobs), "--quiet", "--full"])
        load = measure_load(a.pandas_python, load_out, a.runs)
        if load:
            load["table_bytes"] = {f: os.path.getsize(os.path.join(load_out, "tables", f))
                                   for f in sorted(os.listdir(os.path.join(load_out, "tables")))}
            load["corpus_jsonl_bytes"] = os.path.getsize(os.path.join(load_out, "corpus.jsonl"))
    else:
        log(f"{a.pandas_python} not found: no pandas load measurement "
            "(bash tests/tables/run_tables_test.sh makes .venv-tables)")
    if not a.keep_output:
        log(f"deleting {sv_out}")
        shutil.rmtree(sv_out, ignore_errors=True)
    finished = datetime.datetime.now(datetime.timezone.utc)

    # 4. report
    lines = []
    lines.append(f"Measured {started:%Y-%m-%d %H:%M}–{finished:%H:%M} UTC on {machine()}; "
                 f"svtext {git_rev()}; load average at the start {load_start:.1f} "
                 f"(a load above {os.cpu_count()} means other processes shared the cores).")
    lines.append("")
    lines.append(HEADER)
    refs = {}  # the svtext --jobs N row of each folder
    for row in b.rows:
        if row["name"] == f"svtext --jobs {a.jobs}":
            refs.setdefault(row["folder"], row)
    for row in b.rows:
        lines.append(fmt_row(row, refs))
    lines.append("")
    checks = []

    def check(label, value, ok, target):
        checks.append(f"| {label} | {value} | {target} | {'yes' if ok else '**no**'} |")

    if "spacy" in peer_rows:
        r = med(peer_rows["spacy"]) / med(ref)
        check("spaCy peer wall ÷ svtext wall", f"{r:.1f}×", r >= TARGET_VS_SPACY, f"≥ {TARGET_VS_SPACY:g}×")
    if "spacy" in peer_rows:
        r = med(peer_rows["spacy"], "cpu") / med(ref, "cpu")
        check("spaCy peer CPU ÷ svtext CPU", f"{r:.1f}×", True, "(no target; less noisy)")
    if "nltk" in peer_rows:
        r = med(peer_rows["nltk"]) / med(ref)
        check("NLTK peer wall ÷ svtext wall", f"{r:.1f}×", True, "(no target)")
    if "charabia" in peer_rows:
        r = med(peer_rows["charabia"]) / med(ref)
        check("charabia peer wall ÷ svtext wall", f"{r:.2f}×", r >= TARGET_VS_CHARABIA, f"≥ {TARGET_VS_CHARABIA:g}×")
        rc = med(peer_rows["charabia"], "cpu") / med(ref, "cpu")
        check("charabia peer CPU ÷ svtext CPU", f"{rc:.2f}×", True, "(no target; less noisy)")
    r = med(sv1, "cpu") / med(sv2, "cpu")
    check(f"svtext CPU --jobs 1 ÷ --jobs {a.jobs}", f"{r:.2f}×", True, "(≈ 1 or below: no parallel overhead)")
    r = med(sv1) / med(sv2)
    check(f"svtext --jobs 1 wall ÷ --jobs {a.jobs} wall", f"{r:.2f}×", r >= TARGET_JOBS, f"≥ {TARGET_JOBS:g}×")
    for k, row in scale_rows.items():
        if k == 1:
            continue
        r = med(row) / (k * med(sv2))
        check(f"wall {k}× corpus ÷ ({k} · wall 1×)", f"{r:.2f}", 0.8 <= r <= 1.25, "≈ 1 (0.8–1.25)")
        r = med(row, "cpu") / (k * med(sv2, "cpu"))
        check(f"CPU {k}× corpus ÷ ({k} · CPU 1×)", f"{r:.2f}", True, "(no target; less noisy)")
    for k, row in scale_rows.items():
        rss = max(x["rss_mb"] for x in row["runs"])
        check(f"svtext peak RSS, {k}× corpus", f"{rss:.0f} MB", rss < TARGET_RSS_MB, f"< {TARGET_RSS_MB:g} MB")
    if "output_bytes" in sv2:
        r = sv2["output_bytes"] / sv2["bytes"]
        check("svtext output bytes ÷ input bytes (default outputs)", f"{r:.1f}×", r <= TARGET_OUTPUT_RATIO,
              f"≤ {TARGET_OUTPUT_RATIO:g}×")
    if load:
        tables = sum(load["table_bytes"].values())
        check("… of which corpus.jsonl / tables/", f"{load['corpus_jsonl_bytes'] / sv2['bytes']:.1f}× / "
              f"{tables / sv2['bytes']:.2f}×", True, "(no target)")
        check("pandas: read_parquet of documents + hits tables", f"{load['load_s']:.2f} s "
              f"({load['documents']} + {load['hits']} rows)", load["load_s"] < TARGET_LOAD_S,
              f"< {TARGET_LOAD_S:g} s")
        check("… peak RSS of that python (pandas import included)", f"{load['rss_mb']:.0f} MB "
              f"(frames {load['frame_mb']:.0f} MB)", load["rss_mb"] < TARGET_LOAD_MB, f"< {TARGET_LOAD_MB:g} MB")
    if split:
        r = split["analyse_s"] / med(sv2)
        check(f"svtext analysis alone, in memory, --jobs {a.jobs} (examples/split.rs)",
              f"{split['analyse_s']:.2f} s = {r:.0%} of the CLI's wall", True,
              "(no target: what is left without any file I/O)")
        check("… with serialisation, in memory", f"{split['serialise_s']:.2f} s", True, "(no target)")
        if "charabia" in peer_rows:
            rs = med(peer_rows["charabia"]) / split["analyse_s"]
            check("charabia peer wall ÷ svtext analysis alone", f"{rs:.2f}×", True,
                  "(no target: the most the ratio above could reach with free I/O)")
    lines.append("| check | measured | target | met |")
    lines.append("| --- | ---: | ---: | --- |")
    lines += checks
    lines.append("")
    lines.append("Commands (OUT = " + b.out + "):")
    lines.append("")
    seen = set()
    for row in b.rows:
        if row["cmd"] not in seen:
            seen.add(row["cmd"])
            lines.append(f"    {row['cmd'].replace(b.out, 'OUT')}")
    if split:
        lines.append(f"    {split['cmd']}")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(b.out, "results.md"), "w") as f:
        f.write(text)
    with open(os.path.join(b.out, "results.json"), "w") as f:
        json.dump({"started": started.isoformat(), "finished": finished.isoformat(), "machine": machine(),
                   "svtext": git_rev(), "rows": b.rows, "split": split, "load": load}, f, indent=1)
    log(f"wrote {os.path.join(b.out, 'results.md')}")


if __name__ == "__main__":
    main()
