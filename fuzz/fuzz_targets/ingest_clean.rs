//! Arbitrary bytes through decoding, cleaning (as plain text, HTML and a
//! JSON Lines record) and the whole analysis: never a panic, and every span
//! of the document lies on the text's character boundaries.
#![no_main]

use std::collections::BTreeMap;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use svtext::document::Source;
use svtext::ingest::{self, Format, RawDoc};
use svtext::themes::Codebook;

fuzz_target!(|data: &[u8]| {
    let codebook = Codebook::builtin();
    let path = Path::new("fuzz.txt");
    let Ok((text, encoding)) = ingest::decode::decode(data, path) else {
        // records: the same bytes as a JSON Lines line
        let _ = ingest::parse_record(data, path, 1);
        return;
    };
    for format in [Format::Text, Format::Html, Format::Jsonl] {
        let raw = RawDoc {
            id: "fuzz".into(),
            source: Source {
                path: "fuzz.txt".into(),
                line: None,
                format: format.as_str().into(),
                encoding: encoding.into(),
                bytes: data.len() as u64,
                hash: String::new(),
            },
            format,
            text: text.clone(),
            fields: BTreeMap::new(),
        };
        if let Ok(doc) = svtext::analyze(&raw, &codebook) {
            let n = doc.text.chars().count();
            for t in &doc.tokens {
                assert!(t.start <= t.end && t.end <= n);
            }
            for p in &doc.paragraphs {
                assert!(p.start <= p.end && p.end <= n);
            }
            let _ = serde_json::to_vec(&doc).unwrap();
        }
    }
});
