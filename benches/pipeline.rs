//! Criterion benches of the whole pipeline and of each stage on real Swedish
//! text: the first 200 Riksdag interpellations of
//! `../shared/data/bench/riksdagen-interpellationer.jsonl.gz`, each given to
//! svtext as the bench folder gives it (title line, blank line, text).
//!
//! Groups (all with `Throughput::Bytes` = bytes of the input text):
//! * `pipeline`: `svtext::analyze` (clean, language, themes, speakers and the
//!   JSON document) of all 200 documents;
//! * `serialise`: the resulting documents written as svtext writes them
//!   (`both`: the `documents/<id>.json` layout and the `corpus.jsonl` line
//!   in one pass), and, for comparison, through serde_json (pretty, compact);
//! * `stages`: each stage alone through its public entry point (clean,
//!   detect, tokenise+stem, readability, themes, speakers), its inputs made
//!   beforehand.
//!
//! Run: `cargo bench --bench pipeline` (or `-- pipeline` for one group).
//! Skips with a message when `../shared` is not beside the checkout.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use svtext::clean::{self, Cleaned};
use svtext::language::{self, Analysis};
use svtext::span::Span;
use svtext::speakers;
use svtext::themes::Codebook;

mod common;
use common::raw_docs;

/// How many records of the interpellation corpus the benches use.
const N_DOCS: usize = 200;

/// `svtext::analyze` end to end, and the serialisation of its documents.
fn pipeline(c: &mut Criterion) {
    let docs = raw_docs(N_DOCS);
    if docs.is_empty() {
        return;
    }
    let codebook = Codebook::builtin();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();

    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("analyze", |b| {
        b.iter(|| {
            for d in &docs {
                let _ = black_box(svtext::analyze(black_box(d), &codebook));
            }
        })
    });
    g.finish();

    let documents: Vec<svtext::Document> = docs
        .iter()
        .filter_map(|d| svtext::analyze(d, &codebook).ok())
        .collect();
    let mut g = c.benchmark_group("serialise");
    g.throughput(Throughput::Bytes(bytes));
    let mut buf = Vec::with_capacity(1 << 20);
    let mut line = Vec::with_capacity(1 << 20);
    g.bench_function("compact", |b| {
        b.iter(|| {
            for d in &documents {
                line.clear();
                if serde_json::to_writer(&mut line, black_box(d)).is_ok() {
                    black_box(&line);
                }
            }
        })
    });
    let schemas = svtext::tables::Schemas::of(&codebook);
    g.bench_function("table_rows", |b| {
        b.iter(|| {
            for d in &documents {
                black_box(svtext::tables::DocTables::of(black_box(d), &schemas).ok());
            }
        })
    });
    g.bench_function("serde_pretty", |b| {
        b.iter(|| {
            for d in &documents {
                buf.clear();
                if serde_json::to_writer_pretty(&mut buf, black_box(d)).is_ok() {
                    black_box(&buf);
                }
            }
        })
    });
    g.bench_function("serde_compact", |b| {
        b.iter(|| {
            for d in &documents {
                buf.clear();
                if serde_json::to_writer(&mut buf, black_box(d)).is_ok() {
                    black_box(&buf);
                }
            }
        })
    });
    g.finish();
}

/// Each stage alone, through the entry points the pipeline calls.
fn stages(c: &mut Criterion) {
    let docs = raw_docs(N_DOCS);
    if docs.is_empty() {
        return;
    }
    let codebook = Codebook::builtin();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let cleaned: Vec<Cleaned> = docs.iter().map(clean::clean).collect();
    let paras: Vec<Vec<Span>> = cleaned
        .iter()
        .map(|c| c.blocks.iter().map(|b| b.span).collect())
        .collect();
    let analyses: Vec<Analysis> = cleaned
        .iter()
        .zip(&paras)
        .map(|(c, p)| language::analyze(&c.text, p, true))
        .collect();

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("clean", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(clean::clean(black_box(d)));
            }
        })
    });
    g.bench_function("detect", |b| {
        b.iter(|| {
            for c in &cleaned {
                black_box(language::detect(black_box(&c.text)));
            }
        })
    });
    g.bench_function("tokenise", |b| {
        b.iter(|| {
            for (c, p) in cleaned.iter().zip(&paras) {
                black_box(language::analyze(black_box(&c.text), p, false));
            }
        })
    });
    g.bench_function("tokenise_stem", |b| {
        b.iter(|| {
            for (c, p) in cleaned.iter().zip(&paras) {
                black_box(language::analyze(black_box(&c.text), p, true));
            }
        })
    });
    g.bench_function("readability", |b| {
        b.iter(|| {
            for (c, a) in cleaned.iter().zip(&analyses) {
                black_box(language::readability(&c.text, &a.tokens, &a.sentences));
            }
        })
    });
    g.bench_function("themes", |b| {
        b.iter(|| {
            for (c, a) in cleaned.iter().zip(&analyses) {
                black_box(codebook.tag(&c.text, &a.tokens));
            }
        })
    });
    g.bench_function("speakers", |b| {
        b.iter(|| {
            for (c, a) in cleaned.iter().zip(&analyses) {
                black_box(speakers::find(
                    &c.text,
                    &c.blocks,
                    &a.sentences,
                    &c.metadata,
                ));
            }
        })
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = pipeline, stages
}
criterion_main!(benches);
