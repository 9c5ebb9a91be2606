//! The one token type of svtext.

use compact_str::CompactString;

use crate::span::Span;

/// What kind of token it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word (letters, possibly with inner hyphens, colons or periods).
    Word,
    /// A number: integer, decimal ("2,5"), with space thousands ("1 000 000"),
    /// a range ("1955–1960"), a fraction or an ordinal ("8.", "25:e").
    Number,
    /// Punctuation.
    Punct,
    /// Any other symbol (§, %, €, ...).
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// An @handle.
    Mention,
    /// A #hashtag.
    Hashtag,
    /// An ISO date ("2022-11-17").
    Date,
    /// A time of day ("23:45", "07.30" after "kl.").
    Time,
    /// A percentage written without a space ("50%", "2,5%").
    Percent,
    /// A statute number of the Swedish Code of Statutes ("2018:218").
    Sfs,
    /// A paragraph reference with its sign ("3 §").
    Section,
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
            TokenKind::Mention => "mention",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Date => "date",
            TokenKind::Time => "time",
            TokenKind::Percent => "percent",
            TokenKind::Sfs => "sfs",
            TokenKind::Section => "section",
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
    pub stem: Option<CompactString>,
    /// Whether the lowercased word is a Swedish stopword.
    pub stopword: bool,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
}
