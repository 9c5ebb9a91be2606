//! The structure pass shared by all formats: from paragraphs of lines
//! (blank-line paragraphs of a plain-text scrape, or the blocks an HTML page
//! was cut into) to the cleaned text, its blocks, the removed pieces and the
//! metadata found in the text.
//!
//! Every non-empty line is a *unit* ([`units`]). The pass runs in phases,
//! each a function over the units in its own file:
//!
//! 1. [`classify`]: each unit on its own (furniture, date/byline/credit
//!    line, content), then the rules that look at a unit's neighbours on
//!    the same page (lines repeated on the page, a notice's explanation);
//! 2. [`tail`] (find): everything after the first of (a date or byline line
//!    after the body, a "Rekommenderad läsning"/newsletter heading, a
//!    contact heading) is furniture, provided no article-sized paragraph
//!    (20 words or more) follows it (for a date or byline line also no
//!    sentence of eight words or more before the next furniture heading;
//!    for a contact heading: provided 40% of the content words come before
//!    it);
//! 3. [`title`]: category labels, notices and image texts before the title,
//!    and the title itself;
//! 4. [`middle`]: furniture and meta lines are removed, "Läs också" takes
//!    the link line after it, Title-Case image texts go, captions keep
//!    their text and lose their `Foto:` credit, the author's signature
//!    under the body goes;
//! 5. [`tail`] (clean): the tail's units get their reasons (contact lines,
//!    link lists);
//! 6. [`assemble`]: kept units of one paragraph that are not separated by a
//!    removed unit form one block; its text is the source slice from its
//!    first to its last line, so paragraph-internal line breaks stay as
//!    they were.
//!
//! A new furniture rule that looks at one line belongs in
//! [`super::boilerplate`]; one that needs the line's neighbours on the
//! page belongs in [`classify`]; one that needs the place of the title in
//! [`title`].

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::Arc;

use super::Cleaned;
use super::boilerplate::Furniture;
use super::byline::MetaLine;
use super::dates::Ymd;

pub mod assemble;
pub mod classify;
pub mod middle;
pub mod shapes;
pub mod tail;
pub mod title;
pub mod units;
pub mod verbs;

pub use shapes::is_alt_text;

/// What the source says a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Plain text: decided by heuristics.
    Unknown,
    /// `<h1>`.
    Title,
    /// `<h2>`–`<h6>`.
    Heading,
    /// `<p>`, `<li>`, `<blockquote>` and other text blocks.
    Body,
    /// `<figcaption>`.
    Caption,
}

/// One paragraph of input to the structure pass.
#[derive(Debug, Clone)]
pub struct Para<'a> {
    /// Its text (lines separated by `\n`).
    pub src: Cow<'a, str>,
    /// What the source says it is.
    pub hint: Hint,
}

/// Options of the structure pass.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A title known from elsewhere (HTML head, JSON Lines field). When the
    /// first content line equals it, that line is the title; otherwise the
    /// title is put before the text.
    pub known_title: Option<String>,
    /// Whether to take the first title-like line as the title (plain text
    /// without a known title).
    pub detect_title: bool,
    /// Reference date for relative dates.
    pub reference: Option<Ymd>,
    /// Lines (as [`classify::copy_key`] writes them) that recur in many
    /// documents of this document's source ([`super::batch`]): such a line
    /// shaped like furniture is furniture.
    pub recurring: Arc<BTreeSet<String>>,
}

/// What a unit is, as the phases decide it.
#[derive(Debug, Clone)]
pub enum Class {
    /// Article text (body, heading, caption decided at assembly).
    Keep,
    /// The article's title.
    Title,
    /// Removed, with the reason.
    Remove(&'static str),
    /// A date, byline or credit line: removed, and its facts kept.
    Meta(MetaLine),
    /// A caption; `Some(at)` cuts the credit starting at byte `at` of the line.
    Caption(Option<usize>),
}

/// One non-empty line of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// The paragraph's hint, or the Markdown heading level's.
    pub hint: Hint,
    /// Index of its paragraph.
    pub para: usize,
    /// Byte offset of its first character in the paragraph's text.
    pub start: usize,
    /// Byte offset one past its last character in the paragraph's text.
    pub end: usize,
    /// Its number of words.
    pub words: usize,
}

/// The units of a page with what the phases decided about them.
pub struct Page<'p, 'a> {
    /// The paragraphs the units point into.
    pub paras: &'p [Para<'a>],
    /// The units in page order.
    pub units: Vec<Unit>,
    /// What [`super::boilerplate::classify`] says of each unit on its own.
    pub furniture: Vec<Option<Furniture>>,
    /// Each unit's class.
    pub class: Vec<Class>,
    /// Whether the unit's line comes again within the next few units (a
    /// caption or headline copied twice); the later copies are removed.
    pub repeated: Vec<bool>,
}

impl<'p, 'a> Page<'p, 'a> {
    /// A page of units, all kept and none furniture (the phases decide).
    pub fn new(paras: &'p [Para<'a>], units: Vec<Unit>) -> Self {
        let n = units.len();
        Page {
            paras,
            units,
            furniture: vec![None; n],
            class: vec![Class::Keep; n],
            repeated: vec![false; n],
        }
    }

    /// The number of units.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether the page has no units.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The text of unit `i`.
    pub fn line(&self, i: usize) -> &str {
        let u = &self.units[i];
        &self.paras[u.para].src[u.start..u.end]
    }

    /// The number of words of unit `i`.
    pub fn words(&self, i: usize) -> usize {
        self.units[i].words
    }

    /// Whether unit `i` is the only line of its paragraph.
    pub fn alone(&self, i: usize) -> bool {
        let para = self.units[i].para;
        self.units.get(i + 1).is_none_or(|u| u.para != para)
            && (i == 0 || self.units[i - 1].para != para)
    }

    /// Whether unit `i` is (still) article text.
    pub fn is_content(&self, i: usize) -> bool {
        matches!(self.class[i], Class::Keep)
    }

    /// The first unit from `from` on, before `end`, that is article text
    /// for sure (see [`shapes::article_sentence`]): where the head ends.
    pub fn first_sentence(&self, from: usize, end: usize) -> usize {
        (from..end)
            .find(|&j| self.is_content(j) && shapes::article_sentence(self.line(j), self.words(j)))
            .unwrap_or(end)
    }

    /// The next content unit after `i`, before `end`.
    pub fn next_content(&self, i: usize, end: usize) -> Option<usize> {
        (i + 1..end).find(|&j| self.is_content(j))
    }
}

/// Metadata found in the text.
#[derive(Debug, Default)]
pub struct Found {
    /// Publication date.
    pub published: Option<String>,
    /// Update date.
    pub updated: Option<String>,
    /// Authors from bylines.
    pub authors: Vec<String>,
    /// Photo credits.
    pub credits: Vec<String>,
    /// Names in press contact blocks.
    pub contacts: Vec<String>,
}

/// Appends `item` unless it is empty or already there.
pub fn push_unique(list: &mut Vec<String>, item: String) {
    if !item.is_empty() && !list.contains(&item) {
        list.push(item);
    }
}

impl Found {
    /// Takes what a meta line says (the first date of each kind wins).
    pub fn add(&mut self, m: &MetaLine) {
        if self.published.is_none() {
            self.published.clone_from(&m.published);
        }
        if self.updated.is_none() {
            self.updated.clone_from(&m.updated);
        }
        for a in &m.authors {
            push_unique(&mut self.authors, a.clone());
        }
        for c in &m.credits {
            push_unique(&mut self.credits, c.clone());
        }
    }
}

/// Runs the structure pass: the phases of the module docs in order.
pub fn structure(paras: &[Para<'_>], opts: &Options) -> Cleaned {
    let mut page = Page::new(paras, units::split(paras));
    classify::classify(&mut page, opts);
    let facts = tail::Facts::of(&page);
    let tail = tail::find(&page, &facts);
    let head = title::find(&mut page, opts, tail.start);
    middle::clean(&mut page, tail.start);
    middle::signature(&mut page, tail.start, &facts);
    middle::dateline_signature(&mut page);
    let mut found = Found::default();
    tail::clean(&mut page, &tail, &mut found);
    assemble::assemble(&page, head.prepend.as_deref(), found)
}

/// Cuts a plain text into paragraphs at blank lines.
pub fn paragraphs<'a>(text: &'a str) -> Vec<Para<'a>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    let bytes = text.as_bytes();
    let push = |s: usize, e: usize, out: &mut Vec<Para<'a>>| {
        let chunk = &text[s..e];
        if !chunk.trim().is_empty() {
            out.push(Para {
                src: Cow::Borrowed(chunk),
                hint: Hint::Unknown,
            });
        }
    };
    // A blank line is a line with only whitespace.
    while pos < bytes.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |k| pos + k);
        if text[pos..line_end].trim().is_empty() {
            push(start, pos, &mut out);
            start = (line_end + 1).min(text.len());
        }
        pos = line_end + 1;
    }
    if start < text.len() {
        push(start, text.len(), &mut out);
    }
    if out.len() == 1 {
        // No blank lines at all: when the lines end like paragraphs (not
        // hard-wrapped mid-sentence), every line is a paragraph.
        let only = &out[0].src;
        let long: Vec<&str> = only
            .lines()
            .map(str::trim)
            .filter(|l| l.split_whitespace().count() >= 5)
            .collect();
        let ends = long
            .iter()
            .filter(|l| l.ends_with(['.', '!', '?', '"', '”']))
            .count();
        if only.lines().count() >= 3 && !long.is_empty() && ends * 2 >= long.len() {
            let Cow::Borrowed(whole) = out[0].src else {
                return out;
            };
            return whole
                .split('\n')
                .filter(|l| !l.trim().is_empty())
                .map(|l| Para {
                    src: Cow::Borrowed(l),
                    hint: Hint::Unknown,
                })
                .collect();
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod test_page {
    //! Pages of constructed lines for the phases' unit tests.
    use super::*;

    /// Plain-text paragraphs of `text` (blank-line separated).
    pub fn paras(text: &str) -> Vec<Para<'_>> {
        paragraphs(text)
    }

    /// The kept text of a structure pass over plain text, blocks joined by
    /// `|`.
    pub fn kept(text: &str) -> String {
        let c = structure(
            &paragraphs(text),
            &Options {
                detect_title: true,
                ..Default::default()
            },
        );
        c.blocks
            .iter()
            .map(|b| b.span.slice(&c.text))
            .collect::<Vec<_>>()
            .join("|")
    }

    /// The title a structure pass over plain text finds.
    pub fn title(text: &str) -> Option<String> {
        structure(
            &paragraphs(text),
            &Options {
                detect_title: true,
                ..Default::default()
            },
        )
        .metadata
        .title
    }
}

#[cfg(test)]
mod tests {
    use super::test_page::*;
    use super::*;

    #[test]
    fn paragraphs_split_at_blank_lines_and_at_sentence_lines() {
        let p = paragraphs("A b\nc d\n\n  \nE f.");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].src.trim_end(), "A b\nc d");
        let p = paragraphs(
            "Rubrik här\nFörsta meningen är lång nog här.\nAndra meningen är lång nog här.",
        );
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn structure_runs_the_phases_in_order() {
        let text = "Nyheter\n\nKommunen bygger ny skola\n\nPublicerad 3 mars 2025\n\n\
                    Kommunen har beslutat att bygga en ny skola i centrum av staden.\n\n\
                    Kontakt:\n\nAnna Berg, 070-123 45 67";
        assert_eq!(
            kept(text),
            "Kommunen bygger ny skola|Kommunen har beslutat att bygga en ny skola i centrum av staden."
        );
        assert_eq!(title(text).as_deref(), Some("Kommunen bygger ny skola"));
    }
}
