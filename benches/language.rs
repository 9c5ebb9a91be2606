//! Throughput of the Swedish language core: tokens + sentences + stems
//! (`language::analyze`) on real Swedish text, the Riksdag interpellations
//! of `../shared/data/bench/`, falling back to the UD treebank sentences.
//! Run with `cargo bench --bench language`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use svtext::language;
use svtext::span::Span;

mod common;

/// About this many bytes of text are analysed per iteration.
const TARGET_BYTES: usize = 4_000_000;

fn shared(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(rel)
}

/// Interpellation texts, up to `TARGET_BYTES` in all.
fn riksdagen() -> Option<Vec<String>> {
    let mut docs = Vec::new();
    let mut total = 0;
    for record in common::records()? {
        if record.text.is_empty() {
            continue;
        }
        total += record.text.len();
        docs.push(record.text);
        if total >= TARGET_BYTES {
            break;
        }
    }
    (!docs.is_empty()).then_some(docs)
}

/// The `# text` lines of the UD treebanks, one document per treebank.
fn ud() -> Vec<String> {
    ["ud/sv_talbanken-ud-test.conllu", "ud/sv_pud-ud-test.conllu"]
        .iter()
        .filter_map(|f| std::fs::read_to_string(shared(f)).ok())
        .map(|raw| {
            raw.lines()
                .filter_map(|l| l.strip_prefix("# text = "))
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .collect()
}

/// Paragraph spans: blocks separated by blank lines.
fn paragraphs(text: &str) -> Vec<Span> {
    svtext::clean::split_blocks(text)
        .iter()
        .map(|b| b.span)
        .filter(|s| !s.slice(text).trim().is_empty())
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = riksdagen().unwrap_or_else(ud);
    if docs.is_empty() {
        eprintln!("skipping: no benchmark text under ../shared/data");
        return;
    }
    let prepared: Vec<(String, Vec<Span>)> = docs
        .into_iter()
        .map(|d| {
            let p = paragraphs(&d);
            (d, p)
        })
        .collect();
    let bytes: usize = prepared.iter().map(|(d, _)| d.len()).sum();
    let mut group = c.benchmark_group("language");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("analyze (tokens + sentences + stems)", |b| {
        b.iter(|| {
            let mut n = 0;
            for (text, paras) in &prepared {
                n += language::analyze(black_box(text), paras, true).tokens.len();
            }
            n
        })
    });
    group.bench_function("detect", |b| {
        b.iter(|| {
            prepared
                .iter()
                .filter(|(text, _)| language::detect(black_box(text)).is_swedish())
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
