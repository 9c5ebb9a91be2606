//! Throughput of the speakers stage on the annotated test articles
//! (and the Voister example where ../shared is present).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use svtext::document::Metadata;
use svtext::language;
use svtext::span::Span;
use svtext::speakers;

fn bench(c: &mut Criterion) {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut texts = Vec::new();
    if let Ok(dir) = std::fs::read_dir(format!("{root}/tests/fixtures/speakers")) {
        let mut paths: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            if let Ok(t) = std::fs::read_to_string(p) {
                texts.push(t.trim().to_string());
            }
        }
    }
    if let Ok(t) = std::fs::read_to_string(format!(
        "{root}/../shared/examples/voister-cio-utmaningar.txt"
    )) {
        texts.push(t.trim().to_string());
    }
    let text = texts.join("\n\n");
    let blocks = svtext::clean::split_blocks(&text);
    let spans: Vec<Span> = blocks.iter().map(|b| b.span).collect();
    let analysis = language::analyze(&text, &spans, true);
    let meta = Metadata::default();
    let mut g = c.benchmark_group("speakers");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("find", |b| {
        b.iter(|| speakers::find(&text, &blocks, &analysis.sentences, &meta))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
