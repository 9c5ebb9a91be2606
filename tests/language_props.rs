//! Property tests of `language::analyze` on arbitrary text: it never
//! panics, and its tokens and sentences keep their invariants (checked by
//! slicing the text, not by trusting the code that made the spans).

use proptest::prelude::*;
use svtext::language::{self, TokenKind};
use svtext::span::Span;

/// Text made of the characters the tokenizer treats specially.
fn swedish_ish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "Å", "ä", "ö", "É", "k", "T", "ex", " ", " ", "  ", "\n", "\n\n", ".", ",", ":", ";",
        "!", "?", "…", "-", "–", "—", "\u{ad}", "\u{200b}", "\u{feff}", "”", "“", "\"", "'", "’",
        "«", "»", "(", ")", "§", "%", "@", "#", "/", "&", "0", "1", "7", "2022", "000", "http://",
        "www.", "t.ex.", "bl a", "kl.", "osv.", "A.", "it-", "och", "SMS:a", "😀", "\t", "\r\n",
        "\u{a0}", "e\u{301}",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

/// Paragraph spans over `text` as the cleaner makes them (split at blank lines).
fn paragraphs(text: &str) -> Vec<Span> {
    svtext::clean::split_blocks(text)
        .iter()
        .map(|b| b.span)
        .collect()
}

fn check(text: &str, paras: &[Span]) {
    let a = language::analyze(text, paras, true);
    let mut prev_end = 0;
    for t in &a.tokens {
        assert!(t.span.start < t.span.end, "empty token {:?}", t.span);
        assert!(t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(t.span.start >= prev_end, "tokens overlap or are unsorted");
        prev_end = t.span.end;
        assert!(
            paras.iter().any(|p| p.contains(t.span)),
            "token {:?} outside every paragraph",
            t.span
        );
        let s = a
            .sentences
            .get(t.sentence)
            .expect("sentence index in range");
        assert!(
            s.contains(t.span),
            "token {:?} outside its sentence {:?}",
            t.span,
            s
        );
        let slice = t.span.slice(text);
        assert!(
            !slice.starts_with(char::is_whitespace),
            "token starts with whitespace: {slice:?}"
        );
        if t.kind == TokenKind::Word {
            assert!(t.stem.is_some());
        } else {
            assert!(t.stem.is_none());
        }
    }
    for (i, s) in a.sentences.iter().enumerate() {
        let slice = s.slice(text);
        assert_eq!(slice, slice.trim(), "sentence not trimmed");
        assert!(
            paras.iter().any(|p| p.contains(*s)),
            "sentence crosses a paragraph end"
        );
        assert!(
            a.tokens.iter().any(|t| t.sentence == i),
            "sentence without tokens"
        );
        if i > 0 {
            assert!(a.sentences[i - 1].end <= s.start, "sentences overlap");
        }
    }
    let r = language::readability(text, &a.tokens, &a.sentences);
    assert!(r.lix.is_finite() && r.ovix.is_finite());
    let _ = language::detect(text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn analyze_keeps_its_invariants(text in swedish_ish()) {
        check(&text, &paragraphs(&text));
    }

    #[test]
    fn analyze_survives_any_unicode(text in "\\PC{0,80}") {
        check(&text, &paragraphs(&text));
    }

    #[test]
    fn analyze_survives_odd_paragraph_spans(text in swedish_ish(), cuts in prop::collection::vec(0usize..200, 0..6)) {
        // arbitrary (clamped, char-aligned) paragraph spans, possibly overlapping
        let mut bounds: Vec<usize> = cuts.iter().map(|c| {
            let mut c = (*c).min(text.len());
            while !text.is_char_boundary(c) { c -= 1; }
            c
        }).collect();
        bounds.sort();
        let paras: Vec<Span> = bounds.windows(2).map(|w| Span::new(w[0], w[1])).collect();
        let a = language::analyze(&text, &paras, true);
        for t in &a.tokens {
            prop_assert!(paras.iter().any(|p| p.contains(t.span)));
            prop_assert!(a.sentences[t.sentence].contains(t.span));
        }
    }
}
