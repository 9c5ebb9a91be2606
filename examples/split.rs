//! Where the end-to-end time goes: the whole interpellation corpus analysed
//! in memory, first with no output at all, then also serialised (the
//! `corpus.jsonl` line and the table rows, into memory), on a rayon pool of `--jobs` threads. Set beside a
//! CLI run of `scripts/bench.py` on the same corpus, the difference is what
//! reading and writing files cost. See BENCHMARKS.md.
//!
//! ```sh
//! cargo run --release --example split -- [--jobs N] [--docs N] [--runs N] [--json]
//! ```
//!
//! `--json` prints one JSON object instead (for `scripts/bench.py`).
//!
//! Needs `../shared` beside the checkout (as the benches do).

use std::time::Instant;

use rayon::prelude::*;
use svtext::themes::Codebook;

#[path = "../benches/common/mod.rs"]
mod common;
use common::{CORPUS, raw_docs};

/// The median of `runs` wall times of `f`, in seconds.
fn median_secs(runs: usize, f: impl Fn()) -> f64 {
    let mut t: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[t.len() / 2]
}

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let jobs = arg(&args, "--jobs", 2);
    let limit = arg(&args, "--docs", usize::MAX);
    let runs = arg(&args, "--runs", 3);
    let docs = raw_docs(limit);
    if docs.is_empty() {
        eprintln!("no documents read from {CORPUS}");
        std::process::exit(2);
    }
    // A new pool for every run: the per-thread caches (stems, theme words)
    // start empty, as they do in a CLI run.
    let pool = || {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .expect("a rayon pool")
    };
    let codebook = Codebook::builtin();
    let schemas = svtext::tables::Schemas::of(&codebook);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;

    let analyse = median_secs(runs, || {
        pool().install(|| {
            docs.par_iter().for_each(|d| {
                let _ = std::hint::black_box(svtext::analyze(d, &codebook));
            })
        })
    });
    let serialise = median_secs(runs, || {
        pool().install(|| {
            docs.par_iter().for_each_init(Vec::new, |compact, d| {
                if let Ok(doc) = svtext::analyze(d, &codebook) {
                    compact.clear();
                    let _ = serde_json::to_writer(&mut *compact, &doc);
                    let rows = svtext::tables::DocTables::of(&doc, &schemas);
                    std::hint::black_box((&compact, &rows));
                }
            })
        })
    });
    if args.iter().any(|a| a == "--json") {
        println!(
            "{}",
            serde_json::json!({"documents": docs.len(), "mb": mb, "jobs": jobs, "runs": runs,
                               "analyse_s": analyse, "serialise_s": serialise})
        );
        return;
    }
    println!(
        "{} documents, {mb:.1} MB, --jobs {jobs}, median of {runs} runs",
        docs.len()
    );
    println!(
        "analyse only (no output):        {analyse:.2} s  {:.1} MB/s",
        mb / analyse
    );
    println!(
        "analyse + serialise (in memory): {serialise:.2} s  {:.1} MB/s",
        mb / serialise
    );
}
