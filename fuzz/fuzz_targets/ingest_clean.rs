//! Arbitrary bytes through decoding, cleaning (as plain text, HTML and a
//! JSON Lines record) and the whole analysis: never a panic, every span
//! of the document lies on the text's character boundaries, and svtext's
//! JSON writer agrees byte for byte with serde_json.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use svtext::ingest::{self, Format, RawDoc};
use svtext::themes::Codebook;

static CODEBOOK: std::sync::LazyLock<Codebook> = std::sync::LazyLock::new(Codebook::builtin);

fuzz_target!(|data: &[u8]| {
    let codebook = &*CODEBOOK;
    let path = Path::new("fuzz.txt");
    let Ok((text, encoding)) = ingest::decode::decode(data, path) else {
        // records: the same bytes as a JSON Lines line
        let _ = ingest::parse_record(data, path, 1);
        return;
    };
    for format in [Format::Text, Format::Html, Format::Jsonl] {
        let mut raw = RawDoc::in_memory("fuzz", text.clone(), format);
        raw.source.encoding = encoding.into();
        if let Ok(doc) = svtext::analyze(&raw, codebook) {
            let n = doc.text.chars().count();
            for t in &doc.tokens {
                assert!(t.start <= t.end && t.end <= n);
            }
            for p in &doc.paragraphs {
                assert!(p.start <= p.end && p.end <= n);
            }
            // the corpus line reads back as the same document
            let line = serde_json::to_vec(&doc).unwrap();
            let back: svtext::Document = serde_json::from_slice(&line).unwrap();
            assert_eq!(back.tokens, doc.tokens);
        }
    }
});
