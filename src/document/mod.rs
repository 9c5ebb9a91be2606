//! The document object: the JSON contract of `documents/<id>.json` and of
//! each line of `corpus.jsonl` (see `docs/output.md`; the contract is the project's design document).
//!
//! All offsets here are **Unicode code point** offsets into [`Document::text`],
//! end exclusive. The field order of the structs is the field order of the
//! JSON, so it is part of the contract: add fields, never reorder or rename
//! them without bumping [`SCHEMA_VERSION`].

mod assemble;

pub use assemble::{Stages, assemble};

use std::borrow::Cow;
use std::collections::BTreeMap;

pub use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// The version of the document schema written in every document.
pub const SCHEMA_VERSION: &str = "1.0";

/// One analysed article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: String,
    /// Unique id within a run: the input path relative to its root without
    /// extension, or a JSON Lines record's `id`.
    pub id: String,
    /// Where the document came from.
    pub source: Source,
    /// The detected language.
    pub language: Language,
    /// Title, dates, authors and other facts about the article.
    pub metadata: Metadata,
    /// The cleaned article: title, headings and body, paragraphs separated by a blank line.
    pub text: String,
    /// What cleaning took out of `text`, with the reason.
    pub removed: Vec<Removed>,
    /// Paragraphs of `text`.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences of `text`.
    pub sentences: Vec<Sentence>,
    /// Tokens of `text`.
    pub tokens: Vec<Token>,
    /// One entry per codebook theme with at least one hit.
    pub themes: Vec<Theme>,
    /// The people who speak in the article.
    pub speakers: Vec<Speaker>,
    /// Readability measures of the whole text.
    pub readability: Readability,
    /// Things a user should know about this document (e.g. not Swedish).
    pub warnings: Vec<String>,
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The input file, as given on the command line or found in a folder (`-` for stdin).
    pub path: String,
    /// For a JSON Lines record: its 1-based line number in the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// `text`, `html` or `jsonl`.
    pub format: String,
    /// The character encoding the bytes were decoded from (e.g. `UTF-8`, `UTF-16LE`, `windows-1252`).
    pub encoding: String,
    /// Size of the input in bytes (for a record: of its line).
    pub bytes: u64,
    /// SHA-256 of the input bytes (for a record: of its line), lowercase hex.
    pub hash: String,
}

/// The detected language of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1 code (`sv`, `nb`, `da`, `en`, ...), or null when it cannot be told.
    pub code: Option<String>,
    /// Detector confidence between 0 and 1.
    pub confidence: f64,
    /// Whether the detector considers the answer reliable.
    pub reliable: bool,
}

/// Facts about the article that are not its text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Metadata {
    /// The article's title.
    pub title: Option<String>,
    /// Publication date, ISO 8601 (`2022-11-17`).
    pub published: Option<String>,
    /// Date of the last update, ISO 8601.
    pub updated: Option<String>,
    /// The article's authors (reporters), names only.
    pub authors: Vec<String>,
    /// Photographers and image credits.
    pub photo_credits: Vec<String>,
    /// Subheadings in the order they appear.
    pub headings: Vec<String>,
    /// Press contacts named in a press release's contact block (kept out of
    /// `authors` and out of `text`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<String>,
    /// For JSON Lines input: every field of the record other than `id` and `text`, as given.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, serde_json::Value>,
}

/// A piece of the input that cleaning removed from `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The removed text.
    pub text: String,
    /// Why: `boilerplate`, `byline`, `date`, `caption`, `image`, `navigation`, `contact`, ...
    pub reason: String,
}

/// A paragraph of `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `title`, `heading`, `body`, `caption`, `quote`, `question`.
    pub kind: String,
    /// The speaker id when the whole paragraph is that speaker's words.
    pub speaker: Option<String>,
}

/// A sentence of `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A token of `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// The token as written in `text` (a [`CompactString`]: a token of up
    /// to 24 bytes, nearly every one, needs no allocation of its own).
    pub text: CompactString,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `word`, `number`, `punct`, `symbol`, `url`, `email`, ... (see `docs/language.md`).
    pub kind: Cow<'static, str>,
    /// Snowball Swedish stem of the lowercased word; null for non-words and non-Swedish text.
    pub stem: Option<CompactString>,
    /// Whether the word is on svtext's Swedish stopword list.
    pub stopword: bool,
    /// Index into `sentences`.
    pub sentence: usize,
}

/// A codebook theme found in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// The theme id from the codebook.
    pub id: String,
    /// The theme's human-readable label.
    pub label: String,
    /// Number of hits.
    pub count: usize,
    /// Hits per 1,000 words of the document, rounded to two decimals.
    pub per_1000_words: f64,
    /// Every hit with its evidence.
    pub hits: Vec<Hit>,
}

/// One place where a theme's term matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    /// The matched text.
    pub text: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The codebook term that matched.
    pub term: String,
    /// `word`, `compound` or `phrase`.
    #[serde(rename = "match")]
    pub match_kind: String,
    /// Index into `sentences`.
    pub sentence: usize,
    /// The speaker id when the hit lies inside one of that speaker's quotes.
    pub speaker: Option<String>,
}

/// A person who speaks in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// `S1`, `S2`, ... in order of first mention.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Every role the article gives them.
    pub roles: Vec<String>,
    /// Every organisation the article gives them, normalised.
    pub organisations: Vec<String>,
    /// Where the article names or refers to them.
    pub mentions: Vec<Mention>,
    /// Their words.
    pub quotes: Vec<Quote>,
    /// Theme id to number of hits inside their quotes.
    pub themes: BTreeMap<String, usize>,
}

/// A place where a speaker is named or referred to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A stretch of text spoken by a speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The quoted text: exactly `text[start..end]` of the document (in code
    /// points), as hits carry theirs.
    #[serde(default)]
    pub text: String,
    /// `direct`, `reported`, `turn` (interview answer or transcript turn) or `pullquote`.
    pub kind: String,
    /// The speech verb or marker that attributes it (`säger`, `enligt`, `:`), if any.
    pub cue: Option<String>,
}

/// Readability of the whole text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Readability {
    /// LIX = words / sentences + 100 × long words / words.
    pub lix: f64,
    /// OVIX = ln(words) / ln(2 − ln(types) / ln(words)).
    pub ovix: f64,
    /// Number of word tokens.
    pub words: usize,
    /// Number of sentences.
    pub sentences: usize,
    /// Words of more than six letters.
    pub long_words: usize,
}
