//! Readability: LIX and OVIX, with the counts behind them.
//!
//! - words W: tokens of kind `word`; sentences S; long words L: words of
//!   more than six letters; unique words U: distinct normalised, lowercased
//!   word forms.
//! - LIX = W / S + 100 × L / W (0 when W or S is 0).
//! - OVIX = ln(W) / ln(2 − ln(U) / ln(W)) (0 when W ≤ 1 or U = W, where it
//!   is undefined).
//!
//! Both are rounded to two decimals and are never NaN or infinite.

use std::collections::{HashMap, HashSet};

use super::normalize::normalize_word;
use super::stem::FxBuild;
use super::{Token, TokenKind};
use crate::document::Readability;
use crate::span::Span;

fn round2(x: f64) -> f64 {
    if x.is_finite() {
        (x * 100.0).round() / 100.0
    } else {
        0.0
    }
}

/// LIX and OVIX as plain functions of the counts (see the module docs).
pub fn lix_ovix(words: usize, sentences: usize, long_words: usize, unique: usize) -> (f64, f64) {
    let w = words as f64;
    let lix = if words == 0 || sentences == 0 {
        0.0
    } else {
        w / sentences as f64 + 100.0 * long_words as f64 / w
    };
    let ovix = if words <= 1 || unique == 0 || unique >= words {
        0.0
    } else {
        let denom = (2.0 - (unique as f64).ln() / w.ln()).ln();
        if denom > 0.0 { w.ln() / denom } else { 0.0 }
    };
    (round2(lix), round2(ovix))
}

/// The number of alphabetic characters of a word.
fn letters(w: &str) -> usize {
    if w.is_ascii() {
        w.bytes().filter(u8::is_ascii_alphabetic).count()
    } else {
        w.chars().filter(|c| c.is_alphabetic()).count()
    }
}

/// LIX, OVIX and the counts behind them.
pub fn readability(text: &str, tokens: &[Token], sentences: &[Span]) -> Readability {
    let mut words = 0usize;
    let mut long = 0usize;
    // Each distinct surface form is measured and normalised once.
    // (sized for a typical share of distinct words, so they rarely grow)
    let guess = tokens.len() / 2 + 16;
    let mut surfaces: HashMap<&str, bool, FxBuild> =
        HashMap::with_capacity_and_hasher(guess, FxBuild::default());
    let mut unique: HashSet<std::borrow::Cow<'_, str>, FxBuild> =
        HashSet::with_capacity_and_hasher(guess, FxBuild::default());
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = t.span.slice(text);
        words += 1;
        let is_long = *surfaces.entry(w).or_insert_with(|| {
            unique.insert(normalize_word(w));
            letters(w) > 6
        });
        long += usize::from(is_long);
    }
    let (lix, ovix) = lix_ovix(words, sentences.len(), long, unique.len());
    Readability {
        lix,
        ovix,
        words,
        sentences: sentences.len(),
        long_words: long,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lix_and_ovix_follow_the_formulas() {
        // 100 words, 10 sentences, 30 long words, 60 unique
        let (lix, ovix) = lix_ovix(100, 10, 30, 60);
        assert_eq!(lix, 40.0);
        let expected =
            (100f64.ln() / (2.0 - 60f64.ln() / 100f64.ln()).ln() * 100.0).round() / 100.0;
        assert_eq!(ovix, expected);
    }

    #[test]
    fn degenerate_counts_give_zero_not_nan() {
        for (w, s, l, u) in [(0, 0, 0, 0), (1, 1, 1, 1), (5, 1, 0, 5), (3, 0, 0, 2)] {
            let (lix, ovix) = lix_ovix(w, s, l, u);
            assert!(lix.is_finite() && ovix.is_finite());
        }
        assert_eq!(lix_ovix(5, 1, 0, 5).1, 0.0);
    }

    #[test]
    fn counts_words_long_words_and_sentences_of_real_text() {
        let text = "Kommunerna behöver stärka kompetensförsörjningen. Det säger hon.";
        let a = crate::language::analyze(text, &[Span::new(0, text.len())], true);
        let r = readability(text, &a.tokens, &a.sentences);
        assert_eq!(r.words, 7);
        assert_eq!(r.sentences, 2);
        // Kommunerna, behöver, kompetensförsörjningen
        assert_eq!(r.long_words, 3);
        assert_eq!(r.lix, round2(7.0 / 2.0 + 100.0 * 3.0 / 7.0));
    }
}
