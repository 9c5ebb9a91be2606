//! Language stage: language detection, tokens, sentences, stems, stopwords
//! and readability for Swedish.
//!
//! All offsets are byte offsets into the cleaned text (see [`crate::span`]).
//! No function here changes the text or the offsets another stage made.

pub mod detect;
pub mod readability;
pub mod token;
pub mod tokenize;

pub use detect::{LanguageInfo, detect};
pub use readability::readability;
pub use token::{Token, TokenKind};

use crate::span::Span;

/// Tokens and sentences of one text.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order; every token lies in the sentence its `sentence` names.
    pub sentences: Vec<Span>,
}

/// Tokenises and sentence-splits `text`, whose paragraphs are `paragraphs`
/// (a sentence never crosses a paragraph end). With `swedish`, word tokens
/// get Snowball Swedish stems and stopword flags.
pub fn analyze(text: &str, paragraphs: &[Span], swedish: bool) -> Analysis {
    tokenize::analyze(text, paragraphs, swedish)
}
