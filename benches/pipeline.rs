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
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use flate2::read::GzDecoder;
use svtext::clean::{self, Cleaned};
use svtext::document::Source;
use svtext::ingest::{Format, RawDoc, sha256_hex};
use svtext::language::{self, Analysis};
use svtext::span::Span;
use svtext::speakers;
use svtext::themes::Codebook;
use unicode_normalization::UnicodeNormalization;

/// How many records of the interpellation corpus the benches use.
const N_DOCS: usize = 200;

/// The bench corpus, or `None` (with a message) when `../shared` is missing.
fn corpus_path() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/bench/riksdagen-interpellationer.jsonl.gz"
    ));
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipping the pipeline benches: {} not found (../shared is not beside the checkout)",
            p.display()
        );
        None
    }
}

/// The first `n` interpellations as raw text documents, laid out as
/// `make_bench_folder.py` writes them (title, blank line, text, newline).
fn load_docs(n: usize) -> Vec<RawDoc> {
    let Some(path) = corpus_path() else {
        return Vec::new();
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("skipping: cannot open {}: {e}", path.display());
            return Vec::new();
        }
    };
    let reader = BufReader::new(GzDecoder::new(file));
    let mut docs = Vec::with_capacity(n);
    for line in reader.lines().take(n) {
        let Ok(line) = line else { break };
        let Ok(rec) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let field = |k: &str| rec.get(k).and_then(|v| v.as_str()).unwrap_or_default();
        let body = format!("{}\n\n{}\n", field("title"), field("text"));
        let text: String = body.nfc().collect();
        let id = field("id").to_string();
        docs.push(RawDoc {
            source: Source {
                path: format!("{id}.txt"),
                line: None,
                format: Format::Text.as_str().to_string(),
                encoding: "UTF-8".to_string(),
                bytes: body.len() as u64,
                hash: sha256_hex(body.as_bytes()),
            },
            id,
            format: Format::Text,
            text,
            fields: Default::default(),
        });
    }
    docs
}

/// `svtext::analyze` end to end, and the serialisation of its documents.
fn pipeline(c: &mut Criterion) {
    let docs = load_docs(N_DOCS);
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
    g.bench_function("both", |b| {
        b.iter(|| {
            for d in &documents {
                buf.clear();
                line.clear();
                svtext::output::json::write_document(black_box(d), &mut buf, &mut line);
                black_box((&buf, &line));
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
    let docs = load_docs(N_DOCS);
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
                black_box(codebook.tag(&c.text, &a.tokens, &a.sentences));
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
                    &a.tokens,
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
