//! Corpus evidence: a line that recurs in many documents of one source is
//! that site's furniture (a slogan, a site name, a section label, a
//! "Lyssna" button in a form the line rules do not know).
//!
//! Per page, justext and trafilatura judge a line by its own shape; a
//! batch of pages from one site says more: what every page of the site
//! carries is not any one article's text. A *source* is the folder a file
//! is in, or the JSON Lines file a record is in ([`source_key`]).
//! [`SourceEvidence`] counts, for one source, in how many documents each
//! furniture-shaped line occurs (a line of at most fifteen words that is
//! not a sentence of eight words or more; body sentences are never
//! touched, however often they recur). Only documents of at least
//! [`MIN_LINES`] lines count (a one-line record is its own content). A
//! line is *recurring* when the
//! source has at least [`MIN_DOCUMENTS`] documents and the line occurs in
//! at least [`MIN_DOCUMENTS`] of them and in at least half. Cleaning a
//! document with the evidence ([`Batch::clean`], or
//! [`super::clean_with`] with [`SourceEvidence::recurring_in`]) removes its
//! recurring lines with the reason `boilerplate`.
//!
//! Everything is deterministic: counts do not depend on the order in which
//! documents are added, and sets are ordered.
//!
//! # What a run does to keep incremental runs equal to full runs
//!
//! A document's cleaned output now depends on the other documents of its
//! source, but only through one thing: *which of its own lines are
//! recurring*. [`SourceEvidence::recurring_in`] returns exactly that set,
//! and [`Recurring::key`] a hash of it. So a run that reuses earlier
//! output must:
//!
//! 1. build the evidence from **every** document of each source in the
//!    current run's inputs (unchanged documents too, not only the ones
//!    that are analysed again), with [`Batch::from_docs`] or
//!    [`SourceEvidence::add`];
//! 2. for every document, compute [`Batch::reuse_key`] (the key of its
//!    recurring lines) and make it part of the reuse check beside the
//!    input's hash and the codebook's: a document whose input is unchanged
//!    but whose key changed (a new page of the site made one of its lines
//!    recurring, or a removed page made one stop) is analysed again;
//! 3. record the key with the document (in the manifest) for the next run.
//!
//! `svtext analyze` does all three (`pipeline::evidence` is its first
//! pass; the manifest's `recurring` holds the key).
//!
//! Documents read from standard input (`-`) come one at a time; there is
//! no batch to learn from, and they are cleaned with an empty set, as
//! [`super::clean`] does.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::text::classify::{copy_key, furniture_shaped};
use super::text::{self, Para};
use super::{Cleaned, html};
use crate::ingest::{Format, RawDoc, sha256_hex};

/// A source needs this many documents, and a line this many documents of
/// it, before a line counts as recurring.
pub const MIN_DOCUMENTS: usize = 3;

/// The source of a document: the JSON Lines file of a record, else the
/// folder of the file (`""` for a file without a folder).
pub fn source_key(raw: &RawDoc) -> String {
    source_of(&raw.source.path, raw.source.line.is_some())
}

/// The source of a document read from `path`: the path itself for a JSON
/// Lines record, else its folder. What [`source_key`] says of the
/// document, known before the file is read.
pub fn source_of(path: &str, record: bool) -> String {
    if record {
        return path.to_string();
    }
    match path.rfind(['/', '\\']) {
        Some(i) => path[..i].to_string(),
        None => String::new(),
    }
}

/// A document needs this many lines to be a page that can carry a
/// site's furniture; shorter ones (a survey answer, a post, a one-line
/// record) are neither counted nor cleaned by the evidence: their one line
/// recurring is their content.
pub const MIN_LINES: usize = 3;

/// The furniture-shaped lines of a document, as cleaning sees them (the
/// paragraphs of plain text, or of the HTML page's article and its
/// surroundings), each once, as [`copy_key`] writes them; `None` for a
/// document of fewer than [`MIN_LINES`] lines.
pub fn candidate_lines(raw: &RawDoc) -> Option<BTreeSet<String>> {
    let paras: Vec<Para<'_>> = match raw.format {
        Format::Html => html::extract(&raw.text).paras,
        Format::Jsonl if super::looks_like_html(&raw.text) => html::extract(&raw.text).paras,
        Format::Text => text::paragraphs(super::split_front_matter(&raw.text).1),
        Format::Jsonl => text::paragraphs(&raw.text),
    };
    let units = text::units::split(&paras);
    if units.len() < MIN_LINES {
        return None;
    }
    let mut out = BTreeSet::new();
    for u in units {
        let line = &paras[u.para].src[u.start..u.end];
        if furniture_shaped(line, u.words) {
            out.insert(copy_key(line));
        }
    }
    Some(out)
}

/// Line counts of one source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceEvidence {
    documents: usize,
    counts: BTreeMap<String, usize>,
}

impl SourceEvidence {
    /// No documents yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts a document's furniture-shaped lines (each once).
    pub fn add(&mut self, raw: &RawDoc) {
        if let Some(lines) = candidate_lines(raw) {
            self.add_lines(&lines);
        }
    }

    /// Counts one document given by its lines (already as [`copy_key`]
    /// writes them, each once).
    pub fn add_lines(&mut self, lines: &BTreeSet<String>) {
        self.documents += 1;
        for l in lines {
            match self.counts.get_mut(l) {
                Some(n) => *n += 1,
                None => {
                    self.counts.insert(l.clone(), 1);
                }
            }
        }
    }

    /// How many documents were added.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Whether a line (as [`copy_key`] writes it) is recurring.
    pub fn is_recurring(&self, key: &str) -> bool {
        let n = self.counts.get(key).copied().unwrap_or(0);
        self.documents >= MIN_DOCUMENTS && n >= MIN_DOCUMENTS && n * 2 >= self.documents
    }

    /// Every recurring line, in order.
    pub fn recurring(&self) -> Vec<&str> {
        self.counts
            .keys()
            .filter(|k| self.is_recurring(k))
            .map(String::as_str)
            .collect()
    }

    /// The recurring lines of one document: all that its cleaning needs
    /// from the evidence.
    pub fn recurring_in(&self, raw: &RawDoc) -> Recurring {
        candidate_lines(raw)
            .map(|l| self.recurring_among(&l))
            .unwrap_or_default()
    }

    /// The recurring lines among a document's lines (as
    /// [`candidate_lines`] gives them).
    pub fn recurring_among(&self, lines: &BTreeSet<String>) -> Recurring {
        let lines = lines
            .iter()
            .filter(|l| self.is_recurring(l))
            .cloned()
            .collect();
        Recurring(Arc::new(lines))
    }
}

/// The recurring lines of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recurring(pub Arc<BTreeSet<String>>);

impl Recurring {
    /// A hash of the set, for the reuse check of incremental runs: the
    /// same key means the same cleaned output for an unchanged input.
    /// An empty set has the key `""`.
    pub fn key(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let joined: Vec<&str> = self.0.iter().map(String::as_str).collect();
        sha256_hex(joined.join("\n").as_bytes())
    }

    /// Cleans the document with these lines as furniture.
    pub fn clean(&self, raw: &RawDoc) -> Cleaned {
        super::clean_with(raw, &self.0)
    }
}

/// The recurring lines of each document of a batch, in order, given each
/// document's source and its lines as [`candidate_lines`] gives them
/// (`None`: too short, or not readable): the lines are counted per source
/// once, then each document keeps those of its own that recur. What a
/// run's first pass and `codebook test` both do.
pub fn recurring_of_each(docs: &[(String, Option<BTreeSet<String>>)]) -> Vec<Recurring> {
    let mut batch = Batch::default();
    for (source, lines) in docs {
        if let Some(lines) = lines {
            batch.add_lines(source.clone(), lines);
        }
    }
    docs.iter()
        .map(|(source, lines)| match lines {
            Some(lines) => batch.recurring_among(source, lines),
            None => Recurring::default(),
        })
        .collect()
}

/// The evidence of every source of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    sources: BTreeMap<String, SourceEvidence>,
}

impl Batch {
    /// The evidence of the given documents, each counted in its source.
    pub fn from_docs<'a>(docs: impl IntoIterator<Item = &'a RawDoc>) -> Self {
        let mut b = Batch::default();
        for d in docs {
            b.add(d);
        }
        b
    }

    /// Counts one more document.
    pub fn add(&mut self, raw: &RawDoc) {
        if let Some(lines) = candidate_lines(raw) {
            self.add_lines(source_key(raw), &lines);
        }
    }

    /// Counts one more document of `source`, given by its lines (as
    /// [`candidate_lines`] gives them).
    pub fn add_lines(&mut self, source: String, lines: &BTreeSet<String>) {
        self.sources.entry(source).or_default().add_lines(lines);
    }

    /// The recurring lines among the lines of a document of `source`.
    pub fn recurring_among(&self, source: &str, lines: &BTreeSet<String>) -> Recurring {
        self.sources
            .get(source)
            .map(|s| s.recurring_among(lines))
            .unwrap_or_default()
    }

    /// The evidence of a document's source (empty when none was added).
    pub fn source(&self, raw: &RawDoc) -> Option<&SourceEvidence> {
        self.sources.get(&source_key(raw))
    }

    /// The recurring lines of a document.
    pub fn recurring_in(&self, raw: &RawDoc) -> Recurring {
        self.source(raw)
            .map(|s| s.recurring_in(raw))
            .unwrap_or_default()
    }

    /// The key that must be part of the reuse check of `raw` (see the
    /// module docs).
    pub fn reuse_key(&self, raw: &RawDoc) -> String {
        self.recurring_in(raw).key()
    }

    /// Cleans a document with its source's evidence.
    pub fn clean(&self, raw: &RawDoc) -> Cleaned {
        self.recurring_in(raw).clean(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, title: &str, body: &str) -> RawDoc {
        let text = format!(
            "Du syns och hörs i Lindö!\n\n{title}\n\n{body}\n\nKommunen har beslutat detta i fullmäktige under våren.\n\nLyssna nu här"
        );
        RawDoc::in_memory(path, text, Format::Text)
    }

    fn site(n: usize) -> Vec<RawDoc> {
        (0..n)
            .map(|i| {
                page(
                    &format!("lindo/nyhet-{i}.txt"),
                    &format!("Nyhet nummer {i} från kommunen"),
                    &format!(
                        "Det här är den {i}:e nyheten om kommunens arbete med skolan och vården."
                    ),
                )
            })
            .collect()
    }

    #[test]
    fn sources_are_folders_and_json_lines_files() {
        let mut r = RawDoc::in_memory("a/b/c.txt", "x", Format::Text);
        assert_eq!(source_key(&r), "a/b");
        r.source.line = Some(3);
        r.source.path = "data/export.jsonl".into();
        assert_eq!(source_key(&r), "data/export.jsonl");
        assert_eq!(
            source_key(&RawDoc::in_memory("c.txt", "x", Format::Text)),
            ""
        );
    }

    #[test]
    fn a_line_on_every_page_of_a_site_is_furniture_a_sentence_is_not() {
        let docs = site(4);
        let b = Batch::from_docs(&docs);
        let ev = b.source(&docs[0]).expect("source");
        assert_eq!(ev.documents(), 4);
        assert_eq!(
            ev.recurring(),
            ["du syns och hörs i lindö!", "lyssna nu här"]
        );
        let c = b.clean(&docs[0]);
        assert!(!c.text.contains("Du syns"), "{}", c.text);
        assert!(!c.text.contains("Lyssna nu"));
        assert!(c.text.contains("Kommunen har beslutat detta"));
        assert_eq!(
            c.metadata.title.as_deref(),
            Some("Nyhet nummer 0 från kommunen")
        );
        // without evidence the slogan is taken for the title
        assert!(crate::clean::clean(&docs[0]).text.contains("Du syns"));
    }

    #[test]
    fn short_records_are_their_own_content_not_furniture() {
        let docs: Vec<RawDoc> = (0..6)
            .map(|i| {
                let mut r = RawDoc::in_memory("svar.jsonl", "Vet ej.", Format::Jsonl);
                r.source.line = Some(i + 1);
                r
            })
            .collect();
        let b = Batch::from_docs(&docs);
        assert_eq!(b.source(&docs[0]).map_or(0, |s| s.documents()), 0);
        assert!(b.recurring_in(&docs[0]).0.is_empty());
        assert_eq!(b.clean(&docs[0]).text, "Vet ej.");
    }

    #[test]
    fn each_document_gets_the_recurring_lines_of_its_own() {
        let docs = site(4);
        let each: Vec<(String, Option<BTreeSet<String>>)> = docs
            .iter()
            .map(|d| (source_key(d), candidate_lines(d)))
            .collect();
        let got = recurring_of_each(&each);
        let batch = Batch::from_docs(&docs);
        for (d, r) in docs.iter().zip(&got) {
            assert_eq!(*r, batch.recurring_in(d));
        }
        assert!(!got[0].0.is_empty());
    }

    #[test]
    fn too_few_documents_give_no_evidence() {
        let docs = site(2);
        let b = Batch::from_docs(&docs);
        assert!(b.recurring_in(&docs[0]).0.is_empty());
        assert_eq!(b.reuse_key(&docs[0]), "");
        assert_eq!(b.clean(&docs[0]).text, crate::clean::clean(&docs[0]).text);
    }

    #[test]
    fn the_evidence_does_not_depend_on_the_order_of_documents() {
        let mut docs = site(5);
        let a = Batch::from_docs(&docs);
        docs.reverse();
        let b = Batch::from_docs(&docs);
        assert_eq!(a, b);
    }

    #[test]
    fn the_reuse_key_changes_only_when_the_documents_recurring_lines_do() {
        let docs = site(4);
        let full = Batch::from_docs(&docs);
        let key = full.reuse_key(&docs[0]);
        assert!(!key.is_empty());
        // another page of the site with the same furniture: same key, same output
        let mut more = docs.clone();
        more.push(page(
            "lindo/nyhet-9.txt",
            "Nyhet nio från kommunen",
            "En helt annan text om bygglov och vägar i kommunen.",
        ));
        let grown = Batch::from_docs(&more);
        assert_eq!(grown.reuse_key(&docs[0]), key);
        assert_eq!(grown.clean(&docs[0]).text, full.clean(&docs[0]).text);
        // a page of another folder changes nothing here
        let mut other = docs.clone();
        other.push(page(
            "annan/x.txt",
            "Annan",
            "Annan text om något helt annat i en annan kommun.",
        ));
        assert_eq!(Batch::from_docs(&other).reuse_key(&docs[0]), key);
        // too few pages left: the lines stop recurring, the key changes
        let shrunk = Batch::from_docs(&docs[..2]);
        assert_ne!(shrunk.reuse_key(&docs[0]), key);
    }

    #[test]
    fn html_pages_are_counted_by_what_cleaning_sees() {
        let docs: Vec<RawDoc> = (0..3)
            .map(|i| {
                RawDoc::in_memory(
                    &format!("site/p{i}.html"),
                    format!("<html><body><article><h1>Rubrik {i} om skolan</h1><p>Vår stad, vår framtid</p><p>Text nummer {i} om hur kommunen bygger en ny skola i centrum.</p></article></body></html>"),
                    Format::Html,
                )
            })
            .collect();
        let b = Batch::from_docs(&docs);
        let c = b.clean(&docs[1]);
        assert!(!c.text.contains("Vår stad"), "{}", c.text);
        assert!(c.text.contains("Text nummer 1"));
    }
}
