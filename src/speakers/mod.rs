//! Speakers stage: who speaks, in which role, for which organisation, and
//! which words are theirs.
//!
//! No model: person names come from the SCB given-name list compiled into
//! the crate ([`names`], Källa: SCB, CC BY 4.0), capitalisation and
//! context; titles from a lexicon of Swedish public-sector roles plus
//! title endings ([`roles`]); organisations from their shape ("X kommun",
//! "Region Y", agencies, parties in parentheses) with one normal form per
//! speaker ([`orgs`]). Speech is recognised in dash quotes, quotation marks
//! (” ”, “ ”, « », » », „ "), cues after or before (`säger`, `menar`,
//! `NAME säger:`), reported speech (`enligt NAME`, `NAME menar att`),
//! transcript labels (`NAME:`), Q&A interviews, pull-quotes followed by a
//! line holding only a name, and first-person paragraphs that follow the
//! paragraph introducing their speaker (scraped pages that lost the dashes).
//!
//! Paragraph rules: an interviewer's question gets kind
//! [`BlockKind::Question`] and no speaker; a pull-quote gets kind
//! [`BlockKind::Quote`] and its speaker; the name line under a pull-quote
//! keeps its kind, has no speaker and counts as a mention. A paragraph gets
//! a speaker when it is that speaker's speech (a dash or quotation
//! paragraph, an answer, a turn, a pull-quote); it then contains at least
//! one of their quotes, and a quote covering the whole paragraph (without
//! its dash or quotation marks) unless an attribution ("säger NAME, ROLE")
//! sits inside it. Reported speech never gives a paragraph a speaker.

mod apposition;
mod context;
mod cues;
mod explicit;
/// Person names: the crate's one name module, shared with cleaning.
#[cfg(feature = "internals")]
pub use crate::names;
#[cfg(not(feature = "internals"))]
pub(crate) use crate::names;
pub mod orgs;
mod persons;
mod quotes;
pub mod roles;
mod walk;

use crate::clean::{Block, BlockKind};
use crate::document::{Metadata, Removed};
use crate::span::Span;

/// How a stretch of speech is attributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Direct speech: quotation marks or a dash quote.
    Direct,
    /// Reported speech ("enligt NAME", "NAME menar att ...").
    Reported,
    /// An interview answer or a transcript turn.
    Turn,
    /// A pull-quote standing apart from the text.
    Pullquote,
}

impl QuoteKind {
    /// The name used in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Reported => "reported",
            QuoteKind::Turn => "turn",
            QuoteKind::Pullquote => "pullquote",
        }
    }
}

/// Words spoken by a speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte span of the spoken words in the text.
    pub span: Span,
    /// How it is attributed.
    pub kind: QuoteKind,
    /// The cue that attributes it (`säger`, `enligt`, ...), if any.
    pub cue: Option<String>,
}

/// One person who speaks in the article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SpeakerInfo {
    /// Full name.
    pub name: String,
    /// Roles, in order of first appearance, without duplicates.
    pub roles: Vec<String>,
    /// Organisations, normalised, in order of first appearance, without duplicates.
    pub organisations: Vec<String>,
    /// Every place the person is named or referred to.
    pub mentions: Vec<Span>,
    /// Their words.
    pub quotes: Vec<QuoteSpan>,
}

/// The speakers of a document and the role of each paragraph.
#[derive(Debug, Clone, Default)]
pub struct Speakers {
    /// Speakers in order of first mention (their ids are `S1`, `S2`, ...).
    pub speakers: Vec<SpeakerInfo>,
    /// One entry per block: its (possibly refined) kind and the index into
    /// `speakers` when the whole paragraph is that speaker's words.
    pub paragraphs: Vec<(BlockKind, Option<usize>)>,
}

/// Finds the speakers of a cleaned article.
///
/// `blocks` are the paragraphs of `text` (byte spans), `sentences` its
/// sentences; `metadata.authors` (the byline) are never speakers. Returns
/// the speakers in order of first mention and one `(kind, speaker)` entry
/// per block: `kind` is the block's kind, refined to
/// [`BlockKind::Question`] for an interviewer's question and
/// [`BlockKind::Quote`] for a pull-quote; `speaker` is set when the
/// paragraph is that speaker's speech (a dash or quotation paragraph, an
/// interview answer or transcript turn, a pull-quote), and then the
/// paragraph contains at least one quote of that speaker.
pub fn find(text: &str, blocks: &[Block], sentences: &[Span], metadata: &Metadata) -> Speakers {
    walk::run(text, blocks, sentences, metadata, &[])
}

/// [`find`] on a page whose cleaning removed `removed` (a logo's text,
/// the site's name, an "Om Region X" block): when the article text names
/// no municipality, region or agency, the removed lines may name the one
/// the page is about, and titles written against it ("regionstyrelsens
/// ordförande", "kommunens it-chef") are resolved to it.
pub fn find_on_page(
    text: &str,
    blocks: &[Block],
    sentences: &[Span],
    metadata: &Metadata,
    removed: &[Removed],
) -> Speakers {
    walk::run(text, blocks, sentences, metadata, removed)
}
