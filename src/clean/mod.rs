//! Cleaning stage: from a decoded input (plain text, HTML or a JSON Lines
//! record) to the clean article text, its paragraphs, its metadata and the
//! list of what was removed.
//!
//! The cleaned `text` is the title, headings and body joined by a blank line
//! (`"\n\n"`); every [`Block`] is a byte span into it. Nothing is removed
//! without a [`Removed`] entry.

use crate::document::{Metadata, Removed};
use crate::ingest::{Format, RawDoc};
use crate::span::Span;

/// The kind of a paragraph of the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The article's title.
    Title,
    /// A subheading.
    Heading,
    /// Ordinary body text.
    Body,
    /// A photo caption kept in the text.
    Caption,
    /// A pull-quote or quoted paragraph.
    Quote,
    /// An interviewer's question.
    Question,
}

impl BlockKind {
    /// The name used in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Heading => "heading",
            BlockKind::Body => "body",
            BlockKind::Caption => "caption",
            BlockKind::Quote => "quote",
            BlockKind::Question => "question",
        }
    }
}

/// A paragraph of the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Byte span into the cleaned text.
    pub span: Span,
    /// What kind of paragraph.
    pub kind: BlockKind,
}

/// The result of cleaning one input.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    /// The clean article text.
    pub text: String,
    /// Its paragraphs, in order, not overlapping.
    pub blocks: Vec<Block>,
    /// What was taken out, with the reason.
    pub removed: Vec<Removed>,
    /// Title, dates, authors, credits, headings.
    pub metadata: Metadata,
    /// Things a user should know.
    pub warnings: Vec<String>,
}

/// Cleans one decoded input.
pub fn clean(raw: &RawDoc) -> Cleaned {
    let mut out = Cleaned::default();
    let source = match raw.format {
        Format::Html => raw.text.clone(),
        _ => raw.text.clone(),
    };
    for para in source.split("\n\n") {
        let para = para.trim();
        if para.is_empty() {
            continue;
        }
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
        }
        let start = out.text.len();
        out.text.push_str(para);
        let kind = if out.blocks.is_empty() {
            out.metadata.title = Some(para.to_string());
            BlockKind::Title
        } else {
            BlockKind::Body
        };
        out.blocks.push(Block {
            span: Span::new(start, out.text.len()),
            kind,
        });
    }
    out
}
