//! The numbers behind the report, folded from `corpus.jsonl` one document at
//! a time: totals per month and theme, theme co-occurrence, speakers,
//! organisations and roles by quotes, and bounded deterministic samples of
//! hits in context, quotes, table rows and document texts. Memory grows with
//! the number of months, themes and speaker names, never with the number of
//! documents.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;

use super::sample::{BottomK, key};
use crate::error::{Error, Result};

/// Characters of context on either side of a hit in the keyword-in-context sample.
pub const CONTEXT_CHARS: usize = 60;
/// Hits in context shown per theme.
pub const KWIC_PER_THEME: usize = 12;
/// Quotes with hits shown per theme.
pub const QUOTES_PER_THEME: usize = 6;
/// Longest quote shown, in characters (longer ones are cut around their first hit).
pub const QUOTE_CHARS: usize = 360;
/// Most rows in the documents table (a larger corpus is sampled).
pub const MAX_ROWS: usize = 20_000;
/// Most documents whose text the report carries.
pub const TEXT_DOCS: usize = 300;
/// Longest document text carried, in characters.
pub const TEXT_CHARS: usize = 20_000;
/// Bytes of document text the report carries at most.
pub const TEXT_BUDGET: usize = 900_000;

/// One line of `corpus.jsonl`, as far as the report reads it.
#[derive(Debug, Deserialize)]
pub struct DocLine<'a> {
    /// The document id.
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    /// The detected language.
    #[serde(default)]
    pub language: LanguageLine,
    /// Title and dates.
    #[serde(default)]
    pub metadata: MetadataLine,
    /// The cleaned text.
    #[serde(borrow, default)]
    pub text: Cow<'a, str>,
    /// Themes with hits.
    #[serde(default)]
    pub themes: Vec<ThemeLine>,
    /// Speakers with quotes.
    #[serde(default)]
    pub speakers: Vec<SpeakerLine>,
    /// Readability.
    #[serde(default)]
    pub readability: ReadabilityLine,
}

/// `language` of a corpus line.
#[derive(Debug, Default, Deserialize)]
pub struct LanguageLine {
    /// ISO 639-1 code, if known.
    pub code: Option<String>,
}

/// `metadata` of a corpus line.
#[derive(Debug, Default, Deserialize)]
pub struct MetadataLine {
    /// Title.
    pub title: Option<String>,
    /// Publication date (ISO 8601).
    pub published: Option<String>,
}

/// One theme of a corpus line.
#[derive(Debug, Deserialize)]
pub struct ThemeLine {
    /// Theme id.
    pub id: String,
    /// Theme label.
    #[serde(default)]
    pub label: String,
    /// Number of hits.
    pub count: usize,
    /// The hits.
    #[serde(default)]
    pub hits: Vec<SpanLine>,
}

/// A span (a hit or a quote) of a corpus line, in code points.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct SpanLine {
    /// First code point.
    pub start: usize,
    /// One past the last.
    pub end: usize,
}

/// One speaker of a corpus line.
#[derive(Debug, Deserialize)]
pub struct SpeakerLine {
    /// Name.
    pub name: String,
    /// Roles.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Organisations.
    #[serde(default)]
    pub organisations: Vec<String>,
    /// Quotes.
    #[serde(default)]
    pub quotes: Vec<SpanLine>,
    /// Theme id to hits inside their quotes.
    #[serde(default)]
    pub themes: BTreeMap<String, usize>,
}

/// `readability` of a corpus line.
#[derive(Debug, Default, Deserialize)]
pub struct ReadabilityLine {
    /// LIX.
    pub lix: Option<f64>,
    /// Word tokens.
    #[serde(default)]
    pub words: usize,
}

/// Documents, words and hits of one period (a month, or the undated).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Period {
    /// Documents.
    pub documents: usize,
    /// Word tokens of those documents.
    pub words: u64,
    /// Theme id to hits.
    pub hits: BTreeMap<String, usize>,
}

impl Period {
    /// Hits of `theme` per 1,000 words; `None` without words.
    pub fn rate(&self, theme: &str) -> Option<f64> {
        (self.words > 0)
            .then(|| self.hits.get(theme).copied().unwrap_or(0) as f64 * 1000.0 / self.words as f64)
    }
}

/// Totals of one theme over the corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThemeTotal {
    /// The label (from the codebook).
    pub label: String,
    /// Documents with at least one hit.
    pub documents: usize,
    /// Hits.
    pub hits: usize,
}

/// One speaker name over the corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpeakerTotal {
    /// Documents in which they speak.
    pub documents: usize,
    /// Quotes.
    pub quotes: usize,
    /// Every organisation given for them.
    pub organisations: BTreeSet<String>,
    /// Every role given for them.
    pub roles: BTreeSet<String>,
    /// Theme id to hits inside their quotes.
    pub themes: BTreeMap<String, usize>,
}

/// Which document a sampled item comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct DocLabel {
    /// The document id.
    pub id: String,
    /// Its title (the id when it has none).
    pub title: String,
    /// Its publication date.
    pub date: Option<String>,
}

/// A hit in context.
#[derive(Debug, Clone, PartialEq)]
pub struct Kwic {
    /// The document.
    pub doc: DocLabel,
    /// Up to [`CONTEXT_CHARS`] characters before the hit.
    pub left: String,
    /// The hit.
    pub hit: String,
    /// Up to [`CONTEXT_CHARS`] characters after it.
    pub right: String,
}

/// A quote that contains hits of a theme, in pieces: `(text, is a hit)`.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteSample {
    /// The document.
    pub doc: DocLabel,
    /// Who says it.
    pub speaker: String,
    /// Their organisations in this document.
    pub organisations: Vec<String>,
    /// Their roles in this document.
    pub roles: Vec<String>,
    /// The quote, cut to [`QUOTE_CHARS`], as text pieces with hits marked.
    pub parts: Vec<(String, bool)>,
}

/// One row of the documents table.
#[derive(Debug, Clone, PartialEq)]
pub struct DocRow {
    /// Id, title and date.
    pub doc: DocLabel,
    /// Language code.
    pub language: Option<String>,
    /// Word tokens.
    pub words: usize,
    /// LIX.
    pub lix: Option<f64>,
    /// Theme id to hits.
    pub themes: BTreeMap<String, usize>,
}

/// A document's text with its hits and quotes, for the document view.
#[derive(Debug, Clone, PartialEq)]
pub struct DocText {
    /// The document id.
    pub id: String,
    /// The text, cut to [`TEXT_CHARS`].
    pub text: String,
    /// Whether it was cut.
    pub cut: bool,
    /// Hits: start, end (code points into `text`), theme id.
    pub hits: Vec<(usize, usize, String)>,
    /// Quotes: start, end, speaker name.
    pub quotes: Vec<(usize, usize, String)>,
}

/// Everything the report shows, folded from the corpus.
pub struct Aggregates {
    /// Documents read.
    pub documents: usize,
    /// Word tokens.
    pub words: u64,
    /// Documents per language code (`unknown` where none).
    pub languages: BTreeMap<String, usize>,
    /// Theme id to totals.
    pub themes: BTreeMap<String, ThemeTotal>,
    /// `YYYY-MM` of `published` to that month's totals.
    pub months: BTreeMap<String, Period>,
    /// Documents without a usable `published` date.
    pub undated: Period,
    /// Earliest and latest `published` date.
    pub date_span: Option<(String, String)>,
    /// Unordered theme pair (smaller id first; equal ids for the diagonal)
    /// to documents with hits of both.
    pub cooccurrence: BTreeMap<(String, String), usize>,
    /// Speaker name to totals.
    pub speakers: BTreeMap<String, SpeakerTotal>,
    /// Speaker entries over all documents.
    pub speaker_entries: usize,
    /// Organisation to quotes by speakers who are given it.
    pub organisations: BTreeMap<String, usize>,
    /// Role to quotes by speakers who are given it.
    pub roles: BTreeMap<String, usize>,
    /// Theme id to a sample of its hits in context.
    pub kwic: BTreeMap<String, BottomK<Kwic>>,
    /// Theme id to a sample of quotes with its hits.
    pub quotes: BTreeMap<String, BottomK<QuoteSample>>,
    /// The documents table (every document up to [`MAX_ROWS`]).
    pub rows: BottomK<DocRow>,
    /// The documents whose text the report carries (before the byte budget).
    pub texts: BottomK<DocText>,
}

impl Default for Aggregates {
    fn default() -> Self {
        Aggregates {
            documents: 0,
            words: 0,
            languages: BTreeMap::new(),
            themes: BTreeMap::new(),
            months: BTreeMap::new(),
            undated: Period::default(),
            date_span: None,
            cooccurrence: BTreeMap::new(),
            speakers: BTreeMap::new(),
            speaker_entries: 0,
            organisations: BTreeMap::new(),
            roles: BTreeMap::new(),
            kwic: BTreeMap::new(),
            quotes: BTreeMap::new(),
            rows: BottomK::new(MAX_ROWS),
            texts: BottomK::new(TEXT_DOCS),
        }
    }
}

/// The `YYYY-MM` of an ISO 8601 date (`2022-11-17`, `2022-11`), if it has one.
pub fn month_of(date: &str) -> Option<&str> {
    let b = date.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let ok = digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7);
    let month = ok.then(|| &date[5..7])?;
    ("01"..="12").contains(&month).then(|| &date[..7])
}

/// The byte offset of every code point of `text`, and the length at the end,
/// so that code point offsets slice it.
struct CharIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> CharIndex<'t> {
    fn new(text: &'t str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CharIndex { text, starts }
    }

    fn chars(&self) -> usize {
        self.starts.len() - 1
    }

    /// The text of code points `start..end`, clamped to the text.
    fn slice(&self, start: usize, end: usize) -> &'t str {
        let n = self.chars();
        let (s, e) = (start.min(n), end.min(n).max(start.min(n)));
        &self.text[self.starts[s]..self.starts[e]]
    }
}

/// White space runs (line breaks included) as single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Up to [`CONTEXT_CHARS`] before and after `start..end`, cut at a word
/// boundary and marked `…` where cut.
fn context(index: &CharIndex, start: usize, end: usize) -> (String, String) {
    let from = start.saturating_sub(CONTEXT_CHARS);
    let mut left = index.slice(from, start).to_string();
    if from > 0 {
        if let Some(sp) = left.find(char::is_whitespace) {
            left.drain(..sp);
        }
        left = format!("…{}", left.trim_start());
    }
    let to = end + CONTEXT_CHARS;
    let mut right = index.slice(end, to).to_string();
    if to < index.chars() {
        if let Some(sp) = right.rfind(char::is_whitespace) {
            right.truncate(sp);
        }
        right = format!("{}…", right.trim_end());
    }
    (one_line(&left), one_line(&right))
}

impl Aggregates {
    /// Reads `corpus.jsonl` line by line into the aggregates.
    pub fn read(path: &Path) -> Result<Aggregates> {
        let read_err = |source| Error::Read {
            path: path.to_path_buf(),
            source,
        };
        let file = std::fs::File::open(path).map_err(read_err)?;
        let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
        let mut agg = Aggregates::default();
        let mut line = Vec::new();
        let mut number = 0;
        loop {
            line.clear();
            if reader.read_until(b'\n', &mut line).map_err(read_err)? == 0 {
                break;
            }
            number += 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let doc: DocLine = serde_json::from_slice(&line).map_err(|e| Error::Record {
                path: path.to_path_buf(),
                line: number,
                reason: format!("not an svtext document ({e})"),
            })?;
            agg.add(&doc);
        }
        Ok(agg)
    }

    /// Adds one document.
    pub fn add(&mut self, doc: &DocLine) {
        let label = DocLabel {
            id: doc.id.to_string(),
            title: doc
                .metadata
                .title
                .as_deref()
                .map(one_line)
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| doc.id.to_string()),
            date: doc.metadata.published.clone(),
        };
        self.documents += 1;
        self.words += doc.readability.words as u64;
        let lang = doc.language.code.as_deref().unwrap_or("unknown");
        *self.languages.entry(lang.to_string()).or_default() += 1;
        self.add_totals(doc);
        self.add_speakers(doc);
        let index = CharIndex::new(&doc.text);
        self.add_kwic(doc, &label, &index);
        self.add_quotes(doc, &label, &index);
        self.add_row_and_text(doc, label, &index);
    }

    /// Theme totals, the month (or the undated), the date span and co-occurrence.
    fn add_totals(&mut self, doc: &DocLine) {
        let date = doc.metadata.published.as_deref();
        let period = match date.and_then(month_of) {
            Some(month) => {
                let date = date.unwrap_or_default();
                self.date_span = Some(match self.date_span.take() {
                    None => (date.to_string(), date.to_string()),
                    Some((a, b)) => (a.min(date.to_string()), b.max(date.to_string())),
                });
                self.months.entry(month.to_string()).or_default()
            }
            None => &mut self.undated,
        };
        period.documents += 1;
        period.words += doc.readability.words as u64;
        for t in &doc.themes {
            *period.hits.entry(t.id.clone()).or_default() += t.count;
        }
        for t in &doc.themes {
            let total = self.themes.entry(t.id.clone()).or_default();
            if total.label.is_empty() {
                total.label = t.label.clone();
            }
            total.hits += t.count;
            total.documents += usize::from(t.count > 0);
        }
        let present: BTreeSet<&str> = doc
            .themes
            .iter()
            .filter(|t| t.count > 0)
            .map(|t| t.id.as_str())
            .collect();
        for a in &present {
            for b in present.range(*a..) {
                *self
                    .cooccurrence
                    .entry((a.to_string(), b.to_string()))
                    .or_default() += 1;
            }
        }
    }

    /// Speakers by name, and organisations and roles by quotes.
    fn add_speakers(&mut self, doc: &DocLine) {
        let mut names_here = BTreeSet::new();
        for s in &doc.speakers {
            self.speaker_entries += 1;
            let total = self.speakers.entry(s.name.clone()).or_default();
            if names_here.insert(s.name.as_str()) {
                total.documents += 1;
            }
            total.quotes += s.quotes.len();
            total.organisations.extend(s.organisations.iter().cloned());
            total.roles.extend(s.roles.iter().cloned());
            for (theme, n) in &s.themes {
                *total.themes.entry(theme.clone()).or_default() += n;
            }
            let unique = |v: &[String]| v.iter().cloned().collect::<BTreeSet<String>>();
            for org in unique(&s.organisations) {
                *self.organisations.entry(org).or_default() += s.quotes.len();
            }
            for role in unique(&s.roles) {
                *self.roles.entry(role).or_default() += s.quotes.len();
            }
        }
    }

    /// Offers every hit to its theme's keyword-in-context sample.
    fn add_kwic(&mut self, doc: &DocLine, label: &DocLabel, index: &CharIndex) {
        for t in &doc.themes {
            let sample = self
                .kwic
                .entry(t.id.clone())
                .or_insert_with(|| BottomK::new(KWIC_PER_THEME));
            for h in &t.hits {
                sample.count();
                let k = key(&[&t.id, &doc.id, &h.start.to_string()]);
                if !sample.wants(&k) {
                    continue;
                }
                let (left, right) = context(index, h.start, h.end);
                let kwic = Kwic {
                    doc: label.clone(),
                    left,
                    hit: one_line(index.slice(h.start, h.end)),
                    right,
                };
                sample.push(k, kwic);
            }
        }
    }

    /// Offers every quote that holds hits of a theme to that theme's sample.
    fn add_quotes(&mut self, doc: &DocLine, label: &DocLabel, index: &CharIndex) {
        for s in &doc.speakers {
            for q in &s.quotes {
                for t in &doc.themes {
                    let inside: Vec<SpanLine> = t
                        .hits
                        .iter()
                        .filter(|h| h.start >= q.start && h.end <= q.end)
                        .copied()
                        .collect();
                    if inside.is_empty() {
                        continue;
                    }
                    let sample = self
                        .quotes
                        .entry(t.id.clone())
                        .or_insert_with(|| BottomK::new(QUOTES_PER_THEME));
                    sample.count();
                    let k = key(&[&t.id, &doc.id, &q.start.to_string()]);
                    if !sample.wants(&k) {
                        continue;
                    }
                    let quote = QuoteSample {
                        doc: label.clone(),
                        speaker: s.name.clone(),
                        organisations: s.organisations.clone(),
                        roles: s.roles.clone(),
                        parts: quote_parts(index, *q, &inside),
                    };
                    sample.push(k, quote);
                }
            }
        }
    }

    /// The document's table row, and its text for the document view.
    fn add_row_and_text(&mut self, doc: &DocLine, label: DocLabel, index: &CharIndex) {
        let k = key(&[&doc.id]);
        self.texts.count();
        if self.texts.wants(&k) {
            self.texts.push(k.clone(), doc_text(doc, index));
        }
        self.rows.count();
        if self.rows.wants(&k) {
            let row = DocRow {
                doc: label,
                language: doc.language.code.clone(),
                words: doc.readability.words,
                lix: doc.readability.lix,
                themes: doc.themes.iter().map(|t| (t.id.clone(), t.count)).collect(),
            };
            self.rows.push(k, row);
        }
    }
}

/// A quote as text pieces with its hits marked, cut to [`QUOTE_CHARS`]
/// around its first hit.
fn quote_parts(index: &CharIndex, q: SpanLine, hits: &[SpanLine]) -> Vec<(String, bool)> {
    let (mut from, mut to) = (q.start, q.end);
    if to - from > QUOTE_CHARS {
        let first = hits.iter().map(|h| h.start).min().unwrap_or(from);
        from = first.saturating_sub(QUOTE_CHARS / 3).max(q.start);
        to = (from + QUOTE_CHARS).min(q.end);
    }
    let mut hits: Vec<SpanLine> = hits
        .iter()
        .filter(|h| h.start >= from && h.end <= to)
        .copied()
        .collect();
    hits.sort_by_key(|h| (h.start, h.end));
    let mut parts = Vec::new();
    let mut at = from;
    if from > q.start {
        parts.push(("…".to_string(), false));
    }
    for h in hits {
        if h.start < at {
            continue; // overlapping hits of one theme do not occur; be safe
        }
        if h.start > at {
            parts.push((one_line_keep_edges(index.slice(at, h.start)), false));
        }
        parts.push((index.slice(h.start, h.end).to_string(), true));
        at = h.end;
    }
    if to > at {
        parts.push((one_line_keep_edges(index.slice(at, to)), false));
    }
    if to < q.end {
        parts.push(("…".to_string(), false));
    }
    parts
}

/// White space runs as single spaces, keeping a leading or trailing space.
fn one_line_keep_edges(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// The text of a document for the document view, cut to [`TEXT_CHARS`],
/// with the hits and quotes that lie in what is kept.
fn doc_text(doc: &DocLine, index: &CharIndex) -> DocText {
    let n = index.chars().min(TEXT_CHARS);
    let clip = |s: &SpanLine| (s.start < n).then(|| (s.start, s.end.min(n)));
    let mut hits: Vec<(usize, usize, String)> = doc
        .themes
        .iter()
        .flat_map(|t| {
            t.hits
                .iter()
                .filter_map(move |h| clip(h).map(|(s, e)| (s, e, t.id.clone())))
        })
        .collect();
    hits.sort();
    let mut quotes: Vec<(usize, usize, String)> = doc
        .speakers
        .iter()
        .flat_map(|sp| {
            sp.quotes
                .iter()
                .filter_map(move |q| clip(q).map(|(s, e)| (s, e, sp.name.clone())))
        })
        .collect();
    quotes.sort();
    DocText {
        id: doc.id.to_string(),
        text: index.slice(0, n).to_string(),
        cut: index.chars() > n,
        hits,
        quotes,
    }
}

#[cfg(test)]
mod tests;
