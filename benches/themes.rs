//! Tagging throughput of the default codebook on real Swedish text: the
//! first ~1 MB of the Riksdag interpellations in ../shared/data/bench.
//! Tokenising happens once, outside the measured loop; the bench measures
//! `Codebook::tag` alone (and, separately, loading the built-in codebook).

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use svtext::language::{Analysis, analyze};
use svtext::span::Span;
use svtext::themes::Codebook;

mod common;

const BYTES: usize = 1_000_000;

/// (text, analysis) of the first documents, about [`BYTES`] of text.
fn documents() -> Option<Vec<(String, Analysis)>> {
    let mut docs = Vec::new();
    let mut total = 0;
    for record in common::records()? {
        let text = record.text;
        if text.is_empty() {
            continue;
        }
        let mut paragraphs = Vec::new();
        let mut pos = 0;
        for part in text.split('\n') {
            if !part.trim().is_empty() {
                paragraphs.push(Span::new(pos, pos + part.len()));
            }
            pos += part.len() + 1;
        }
        let a = analyze(&text, &paragraphs, true);
        total += text.len();
        docs.push((text, a));
        if total >= BYTES {
            break;
        }
    }
    Some(docs)
}

fn bench(c: &mut Criterion) {
    let cb = Codebook::builtin();
    if let Some(docs) = documents() {
        let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
        let hits: usize = docs.iter().map(|(t, a)| cb.tag(t, &a.tokens).len()).sum();
        eprintln!("{} documents, {bytes} bytes, {hits} hits", docs.len());
        let mut g = c.benchmark_group("themes");
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(20);
        g.bench_function("tag_riksdag_1mb", |b| {
            b.iter(|| {
                let mut n = 0;
                for (t, a) in &docs {
                    n += cb.tag(black_box(t), &a.tokens).len();
                }
                n
            })
        });
        // Documents share a per-thread cache of analysed words, so the loop
        // above runs warm after its first pass. Cold: a fresh codebook (a
        // new matcher, an empty cache) for every pass.
        g.bench_function("tag_riksdag_1mb_cold_cache", |b| {
            b.iter_batched(
                Codebook::builtin,
                |cb| {
                    let mut n = 0;
                    for (t, a) in &docs {
                        n += cb.tag(black_box(t), &a.tokens).len();
                    }
                    n
                },
                BatchSize::LargeInput,
            )
        });
        // The floor: the same walk with a codebook of one term that never
        // matches (per-token cost of the cache and the token walk).
        let floor = Codebook::parse(
            "[[theme]]\nid = \"x\"\nterms = [\"xyzzyq\"]\n",
            std::path::Path::new("floor.toml"),
        )
        .expect("valid codebook");
        g.bench_function("tag_riksdag_1mb_one_term", |b| {
            b.iter(|| {
                let mut n = 0;
                for (t, a) in &docs {
                    n += floor.tag(black_box(t), &a.tokens).len();
                }
                n
            })
        });
        g.finish();
    }
    c.bench_function("themes/builtin_codebook_load", |b| {
        b.iter(|| black_box(Codebook::builtin()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
