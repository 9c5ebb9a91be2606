//! Property tests over the whole pipeline: no input panics, and every span
//! of the document (paragraphs, sentences, tokens, hits, mentions, quotes)
//! lies inside `text`, checked by slicing in code points.

use std::collections::BTreeMap;

use proptest::prelude::*;
use svtext::document::{Document, Source};
use svtext::ingest::{Format, RawDoc};
use svtext::themes::Codebook;

fn raw(text: String, format: Format) -> RawDoc {
    RawDoc {
        id: "prop".into(),
        source: Source {
            path: "prop".into(),
            line: None,
            format: format.as_str().into(),
            encoding: "UTF-8".into(),
            bytes: text.len() as u64,
            hash: String::new(),
        },
        format,
        text,
        fields: BTreeMap::new(),
    }
}

fn check(doc: &Document) {
    let chars: Vec<char> = doc.text.chars().collect();
    let n = chars.len();
    let slice = |s: usize, e: usize| -> String {
        assert!(s <= e && e <= n, "span {s}..{e} outside 0..{n}");
        chars[s..e].iter().collect()
    };
    let mut prev = 0;
    for p in &doc.paragraphs {
        assert!(p.start >= prev, "paragraphs overlap");
        assert!(!slice(p.start, p.end).trim().is_empty());
        prev = p.end;
    }
    for s in &doc.sentences {
        slice(s.start, s.end);
    }
    let mut prev = 0;
    for t in &doc.tokens {
        assert_eq!(slice(t.start, t.end), t.text);
        assert!(
            t.start >= prev && t.end > t.start,
            "tokens sorted and not empty"
        );
        prev = t.end;
        let s = &doc.sentences[t.sentence];
        assert!(
            s.start <= t.start && t.end <= s.end,
            "token in its sentence"
        );
    }
    for th in &doc.themes {
        for h in &th.hits {
            assert_eq!(slice(h.start, h.end), h.text);
            assert!(h.sentence < doc.sentences.len());
        }
    }
    for sp in &doc.speakers {
        for m in &sp.mentions {
            slice(m.start, m.end);
        }
        for q in &sp.quotes {
            slice(q.start, q.end);
        }
    }
    assert!(doc.readability.lix.is_finite() && doc.readability.ovix.is_finite());
    serde_json::to_string(doc).expect("serialises");
}

/// Text made of Swedish article material: words, names, cues, dashes,
/// quotes, abbreviations, numbers, odd characters and line breaks.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Kommunen".to_string()),
        Just("säger".to_string()),
        Just("Anna Svensson".to_string()),
        Just("it-chef i Örebro kommun".to_string()),
        Just("tilliten".to_string()),
        Just("digitaliseringsansvar".to_string()),
        Just("– ".to_string()),
        Just("”".to_string()),
        Just("“".to_string()),
        Just("«".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just(": ".to_string()),
        Just("t.ex.".to_string()),
        Just("2,5".to_string()),
        Just("17 november 2022".to_string()),
        Just("Foto: ".to_string()),
        Just("Reporter ".to_string()),
        Just("\u{ad}".to_string()),
        Just("\u{200b}".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" ".to_string()),
        Just("<p>".to_string()),
        Just("</div>".to_string()),
        Just("&amp;".to_string()),
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn article_like_text_never_panics_and_spans_slice(text in article_text()) {
        let book = Codebook::builtin();
        for format in [Format::Text, Format::Html, Format::Jsonl] {
            if let Ok(doc) = svtext::analyze(&raw(text.clone(), format), &book) {
                check(&doc);
            }
        }
    }

    #[test]
    fn any_text_never_panics_and_spans_slice(text in "\\PC{0,300}") {
        let book = Codebook::builtin();
        for format in [Format::Text, Format::Html] {
            if let Ok(doc) = svtext::analyze(&raw(text.clone(), format), &book) {
                check(&doc);
            }
        }
    }

    #[test]
    fn any_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let p = std::path::Path::new("x.txt");
        if let Ok((text, _)) = svtext::ingest::decode::decode(&bytes, p) {
            prop_assert!(!text.contains('\0'));
        }
        let _ = svtext::ingest::parse_record(&bytes, p, 1);
    }
}
