//! Arbitrary text through the tokenizer and sentence splitter: never a
//! panic; tokens sorted, on char boundaries, inside their sentence and
//! paragraph.
#![no_main]

use libfuzzer_sys::fuzz_target;
use svtext::language;
use svtext::span::Span;

fuzz_target!(|text: &str| {
    // paragraphs at blank lines, as the cleaner makes them
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        let end = start + part.len();
        let trimmed_start = start + (part.len() - part.trim_start().len());
        let trimmed_end = start + part.trim_end().len();
        if trimmed_start < trimmed_end {
            paragraphs.push(Span::new(trimmed_start, trimmed_end));
        }
        start = end + 2;
    }
    for swedish in [true, false] {
        let a = language::analyze(text, &paragraphs, swedish);
        let mut prev = 0;
        for t in &a.tokens {
            assert!(t.span.start >= prev && t.span.start < t.span.end);
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(paragraphs.iter().any(|p| p.contains(t.span)));
            assert!(a.sentences[t.sentence].contains(t.span));
            prev = t.span.end;
        }
        let _ = language::readability(text, &a.tokens, &a.sentences);
    }
});
