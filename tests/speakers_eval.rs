//! Evaluation of the speakers stage: hand-annotated test articles
//! (tests/fixtures/speakers), the Voister example, person-name detection on
//! the Swedish NER corpus, and robustness on arbitrary input.

mod common;

use std::collections::BTreeMap;

use svtext::clean::{self, BlockKind, Cleaned};
use svtext::document::Source;
use svtext::ingest::{Format, RawDoc};
use svtext::language;
use svtext::span::Span;
use svtext::speakers::{self, Speakers};

fn run(text: &str) -> (Cleaned, Speakers) {
    let raw = RawDoc {
        id: "test".into(),
        source: Source {
            path: "test.txt".into(),
            line: None,
            format: "text".into(),
            encoding: "UTF-8".into(),
            bytes: text.len() as u64,
            hash: String::new(),
        },
        format: Format::Text,
        text: text.to_string(),
        fields: BTreeMap::new(),
    };
    let cleaned = clean::clean(&raw);
    let spans: Vec<Span> = cleaned.blocks.iter().map(|b| b.span).collect();
    let analysis = language::analyze(&cleaned.text, &spans, true);
    let sp = speakers::find(
        &cleaned.text,
        &cleaned.blocks,
        &analysis.sentences,
        &analysis.tokens,
        &cleaned.metadata,
    );
    check_invariants(&cleaned, &sp);
    (cleaned, sp)
}

/// Offsets checked by slicing: every span in bounds, on char boundaries,
/// trimmed; a paragraph's speaker has a quote inside that paragraph.
fn check_invariants(c: &Cleaned, sp: &Speakers) {
    let text = &c.text;
    assert_eq!(sp.paragraphs.len(), c.blocks.len());
    for s in &sp.speakers {
        for m in &s.mentions {
            let t = text.get(m.start..m.end).expect("mention in bounds");
            assert!(!t.is_empty() && t.trim() == t, "mention {t:?}");
        }
        for q in &s.quotes {
            let t = text.get(q.span.start..q.span.end).expect("quote in bounds");
            assert!(!t.is_empty() && t.trim() == t, "quote not trimmed: {t:?}");
        }
    }
    for (b, (_, who)) in c.blocks.iter().zip(&sp.paragraphs) {
        if let Some(i) = who {
            let s = &sp.speakers[*i];
            assert!(
                s.quotes.iter().any(|q| b.span.contains(q.span)),
                "paragraph {:?} has speaker {} but none of their quotes",
                b.span.slice(text),
                s.name
            );
        }
    }
}

fn dump(c: &Cleaned, sp: &Speakers) {
    for (i, s) in sp.speakers.iter().enumerate() {
        eprintln!(
            "S{} {} roles={:?} orgs={:?} quotes={}",
            i + 1,
            s.name,
            s.roles,
            s.organisations,
            s.quotes.len()
        );
        for q in &s.quotes {
            let t = q.span.slice(&c.text);
            eprintln!("    {:?} {:?} {:.70}", q.kind, q.cue, t);
        }
    }
    for (b, (k, who)) in c.blocks.iter().zip(&sp.paragraphs) {
        let t = b.span.slice(&c.text);
        eprintln!(
            "  [{:8}] {:4} {:.70}",
            k.as_str(),
            who.map(|w| format!("S{}", w + 1)).unwrap_or_default(),
            t
        );
    }
}

#[test]
fn voister_example() {
    let Some(path) = common::shared_example("voister-cio-utmaningar.txt") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("readable example");
    let (c, sp) = run(&text);
    dump(&c, &sp);
    let _ = BlockKind::Body;
}
