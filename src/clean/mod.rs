//! Cleaning stage: from a decoded input (plain text, HTML or a JSON Lines
//! record) to the clean article text, its paragraphs, its metadata and the
//! list of what was removed.
//!
//! The cleaned `text` is the title, headings and body joined by a blank line
//! (`"\n\n"`); every [`Block`] is a byte span into it. Nothing is removed
//! without a [`Removed`] entry.

pub mod boilerplate;
pub mod byline;
pub mod dates;
pub mod html;
pub mod text;

pub use dates::parse_date;

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
///
/// Plain text and JSON Lines records go through the line-based structure
/// pass ([`text`]); HTML pages are first cut into blocks by a real HTML
/// parser ([`html`]). JSON Lines fields `title`, `date`/`published`,
/// `updated`/`modified` and `author`/`authors` feed the metadata.
pub fn clean(raw: &RawDoc) -> Cleaned {
    let mut out = match raw.format {
        Format::Html => clean_html(&raw.text),
        Format::Text => {
            let paras = text::paragraphs(&raw.text);
            text::structure(
                &paras,
                &text::Options {
                    detect_title: true,
                    ..Default::default()
                },
            )
        }
        Format::Jsonl => clean_record(raw),
    };
    if out.text.trim().is_empty() {
        let removed = std::mem::take(&mut out.removed);
        let metadata = std::mem::take(&mut out.metadata);
        let mut warnings = std::mem::take(&mut out.warnings);
        warnings.push("no article text found after cleaning".to_string());
        out = Cleaned {
            removed,
            metadata,
            warnings,
            ..Default::default()
        };
    }
    out
}

/// A string field of a JSON Lines record.
fn field_str<'a>(raw: &'a RawDoc, names: &[&str]) -> Option<&'a str> {
    names.iter().find_map(|n| {
        raw.fields
            .get(*n)
            .and_then(serde_json::Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    })
}

fn clean_record(raw: &RawDoc) -> Cleaned {
    let title = field_str(raw, &["title", "headline", "rubrik"]).map(str::to_string);
    let paras = text::paragraphs(&raw.text);
    let mut out = text::structure(
        &paras,
        &text::Options {
            detect_title: title.is_none(),
            known_title: title,
            reference: None,
        },
    );
    let date = |names: &[&str]| field_str(raw, names).and_then(|d| dates::parse_date(d, None));
    if let Some(d) = date(&[
        "published",
        "date",
        "datePublished",
        "published_at",
        "publicerad",
    ]) {
        out.metadata.published = Some(d);
    }
    if let Some(d) = date(&[
        "updated",
        "modified",
        "dateModified",
        "updated_at",
        "uppdaterad",
    ]) {
        out.metadata.updated = Some(d);
    }
    let mut authors = Vec::new();
    for key in ["authors", "author", "byline"] {
        match raw.fields.get(key) {
            Some(serde_json::Value::String(s)) => {
                for a in s.split([',', ';', '&']).flat_map(|a| a.split(" och ")) {
                    let a = a.trim();
                    if !a.is_empty() {
                        authors.push(a.to_string());
                    }
                }
            }
            Some(serde_json::Value::Array(list)) => {
                for v in list {
                    let name = v
                        .as_str()
                        .or_else(|| v.get("name").and_then(serde_json::Value::as_str));
                    if let Some(a) = name.map(str::trim).filter(|a| !a.is_empty()) {
                        authors.push(a.to_string());
                    }
                }
            }
            _ => {}
        }
        if !authors.is_empty() {
            break;
        }
    }
    if !authors.is_empty() {
        out.metadata.authors = authors;
    }
    out
}

fn clean_html(src: &str) -> Cleaned {
    let page = html::extract(src);
    let meta = &page.meta;
    let known_title = meta.h1.clone().or_else(|| meta.head_title.clone());
    let mut out = text::structure(
        &page.paras,
        &text::Options {
            known_title,
            detect_title: false,
            reference: None,
        },
    );
    let md = &mut out.metadata;
    let first = |list: [&Option<String>; 4]| list.into_iter().find_map(|x| x.clone());
    md.published = first([
        &meta.ld_published,
        &meta.meta_published,
        &meta.time_published,
        &meta.byline_published,
    ])
    .or(md.published.take());
    md.updated = first([
        &meta.ld_updated,
        &meta.meta_updated,
        &meta.byline_updated,
        &None,
    ])
    .or(md.updated.take());
    for list in [&meta.ld_authors, &meta.meta_authors, &meta.byline_authors] {
        if !list.is_empty() {
            md.authors = list.clone();
            break;
        }
    }
    let mut removed = page.removed;
    removed.append(&mut out.removed);
    out.removed = removed;
    out
}
