//! The one token type of svtext.

use std::sync::Arc;

use crate::span::Span;

/// What kind of token it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word (letters, possibly with inner hyphens, colons or periods).
    Word,
    /// A number, date, time, percentage or similar.
    Number,
    /// Punctuation.
    Punct,
    /// Any other symbol (§, %, €, ...).
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
}

impl TokenKind {
    /// The name used in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
        }
    }
}

/// A token: a span of the cleaned text with its kind, stem and sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span into the text; `span.slice(text)` is the token.
    pub span: Span,
    /// What kind of token.
    pub kind: TokenKind,
    /// Snowball Swedish stem of the lowercased word (words in Swedish text only).
    pub stem: Option<Arc<str>>,
    /// Whether the lowercased word is a Swedish stopword.
    pub stopword: bool,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
}
