//! The benchmark corpus, shared by the benches and `examples/split.rs`
//! (which includes this file by path): the Riksdag interpellations of
//! `../shared/data/bench/riksdagen-interpellationer.jsonl.gz`.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};

use flate2::read::GzDecoder;
use serde_json::Value;
use svtext::ingest::{Format, RawDoc};
use unicode_normalization::UnicodeNormalization;

/// Where the corpus lies (`../shared` beside the checkout, as in CI).
pub const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/bench/riksdagen-interpellationer.jsonl.gz"
);

/// One interpellation; a missing field is empty.
pub struct Record {
    /// The record's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its text.
    pub text: String,
}

/// The records in file order, or `None` (with a message on stderr) when
/// the corpus cannot be opened, so that the caller can skip.
pub fn records() -> Option<impl Iterator<Item = Record>> {
    let file = match std::fs::File::open(CORPUS) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("skipping: cannot open {CORPUS}: {e} (is ../shared beside the checkout?)");
            return None;
        }
    };
    let lines = BufReader::new(GzDecoder::new(file)).lines();
    Some(lines.map_while(Result::ok).filter_map(|line| {
        let v: Value = serde_json::from_str(&line).ok()?;
        let field = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        Some(Record {
            id: field("id"),
            title: field("title"),
            text: field("text"),
        })
    }))
}

/// The first `n` records as svtext reads them from the bench folder that
/// `make_bench_folder.py` writes: title, blank line, text, newline, in NFC.
/// Empty when the corpus is missing.
pub fn raw_docs(n: usize) -> Vec<RawDoc> {
    records()
        .into_iter()
        .flatten()
        .take(n)
        .map(|r| {
            let body: String = format!("{}\n\n{}\n", r.title, r.text).nfc().collect();
            RawDoc::in_memory(&r.id, body, Format::Text)
        })
        .collect()
}
