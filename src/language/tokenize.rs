//! Placeholder tokenizer (to be replaced by the Swedish language core).

use std::sync::{Arc, OnceLock};

use regex::Regex;

use super::{Analysis, Token, TokenKind};
use crate::span::Span;

/// Tokenises and splits sentences.
pub fn analyze(text: &str, paragraphs: &[Span], swedish: bool) -> Analysis {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"\w+(?:[-:]\w+)*|\S").unwrap());
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Swedish);
    let mut out = Analysis::default();
    for p in paragraphs {
        let mut sent_start = None;
        for m in re.find_iter(&text[p.start..p.end]) {
            let span = Span::new(p.start + m.start(), p.start + m.end());
            let s = m.as_str();
            let kind = if s.chars().all(|c| c.is_ascii_digit()) {
                TokenKind::Number
            } else if s.chars().next().is_some_and(|c| c.is_alphanumeric()) {
                TokenKind::Word
            } else {
                TokenKind::Punct
            };
            if sent_start.is_none() {
                sent_start = Some(span.start);
            }
            let stem = (swedish && kind == TokenKind::Word)
                .then(|| Arc::from(stemmer.stem(&s.to_lowercase()).as_ref()));
            out.tokens.push(Token {
                span,
                kind,
                stem,
                stopword: false,
                sentence: out.sentences.len(),
            });
            if matches!(s, "." | "!" | "?") {
                out.sentences
                    .push(Span::new(sent_start.take().unwrap(), span.end));
            }
        }
        if let Some(st) = sent_start {
            let end = out.tokens.last().map(|t| t.span.end).unwrap_or(p.end);
            out.sentences.push(Span::new(st, end));
        }
    }
    out
}
