//! Testing what a codebook means on real text (`svtext codebook test`):
//! hits and documents per theme and per term, the terms with no hit, the
//! terms that match no word of the lexicon (likely misspelt), the
//! exclusions and what they blocked, and a keyword-in-context sample of
//! each term — quanteda's `textstat_frequency()` and `kwic()` in one
//! pass, with Swedish compounds and inflections matched as `svtext
//! analyze` matches them. With a gold file, precision and recall too
//! ([`super::gold`]).
//!
//! Documents are analysed exactly as `svtext analyze` analyses them
//! ([`crate::pipeline::analyze_in_batch`], with the corpus evidence of
//! [`crate::clean::batch`]), so a hit in text that cleaning
//! removed (navigation, notices, bylines) never counts, and a text that
//! is not Swedish has no hits.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use super::gold::{self, GoldItem, GoldReport};
use super::{Blocked, Codebook, UnknownTerm};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::ingest::{self, Format, RawDoc};
use crate::language;
use crate::clean::batch::{Recurring, candidate_lines, recurring_of_each, source_key};
use crate::pipeline::{AnalyzeOptions, analyze_in_batch};
use crate::span::Span;

/// Characters of context on each side of a hit in a concordance line.
pub const CONTEXT_CHARS: usize = 60;

/// Concordance lines per term when the caller does not say.
pub const DEFAULT_PER_TERM: usize = 5;

/// What to test and how.
#[derive(Debug, Clone)]
pub struct ReviewOptions {
    /// Files and folders of articles (as `svtext analyze` takes them).
    pub inputs: Vec<PathBuf>,
    /// Concordance lines kept per term and per exclusion.
    pub per_term: usize,
    /// A gold file of labelled texts (see [`crate::codebook::evaluate`]).
    pub gold: Option<PathBuf>,
    /// How each document is analysed.
    pub analyze: AnalyzeOptions,
    /// Largest input analysed, in bytes.
    pub max_bytes: u64,
}

impl Default for ReviewOptions {
    fn default() -> Self {
        ReviewOptions {
            inputs: Vec::new(),
            per_term: DEFAULT_PER_TERM,
            gold: None,
            analyze: AnalyzeOptions::default(),
            max_bytes: crate::pipeline::DEFAULT_MAX_BYTES,
        }
    }
}

/// One concordance line: a hit with the text around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kwic {
    /// The document id.
    pub document: String,
    /// Code point offset of the hit in the document's cleaned `text`.
    pub start: usize,
    /// Code point offset of the hit's end (exclusive).
    pub end: usize,
    /// Up to [`CONTEXT_CHARS`] characters before the hit (line breaks as
    /// spaces).
    pub left: String,
    /// The hit as written.
    pub hit: String,
    /// Up to [`CONTEXT_CHARS`] characters after the hit.
    pub right: String,
}

/// Hits and documents of one theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeCount {
    /// The theme id.
    pub theme: String,
    /// Hits in all documents.
    pub hits: usize,
    /// Documents with at least one hit.
    pub documents: usize,
}

/// Hits, documents and a concordance of one term or exclusion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermCount {
    /// The theme id.
    pub theme: String,
    /// The term (or exclusion) as written in the codebook.
    pub term: String,
    /// For a term: its hits; for an exclusion: the hits it blocked.
    pub hits: usize,
    /// Documents with at least one of them.
    pub documents: usize,
    /// The first hits (or blocked hits), in input order.
    pub kwic: Vec<Kwic>,
}

/// An input that could not be analysed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// The input file.
    pub input: String,
    /// Why.
    pub error: String,
}

/// The outcome of `svtext codebook test`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    /// The codebook file (`<built-in>` for the default).
    pub codebook: String,
    /// Documents analysed.
    pub documents: usize,
    /// Documents analysed as Swedish (only these can have hits).
    pub swedish: usize,
    /// Inputs that could not be analysed.
    pub failed: Vec<Failure>,
    /// Per theme, in codebook order.
    pub themes: Vec<ThemeCount>,
    /// Per term, in codebook order, with no-hit terms too.
    pub terms: Vec<TermCount>,
    /// Per exclusion, in codebook order: the hits it blocked.
    pub exclusions: Vec<TermCount>,
    /// Terms and exclusions that match no word of the lexicon.
    pub not_in_lexicon: Vec<UnknownTerm>,
    /// Precision and recall on the gold file, when one was given.
    pub gold: Option<GoldReport>,
}

/// Collects the counts, document by document.
struct Tally<'a> {
    per_term: usize,
    index: BTreeMap<(usize, &'a str), usize>,
    terms: Vec<TermCount>,
    exclusions: Vec<TermCount>,
    excl_index: BTreeMap<(usize, &'a str), usize>,
    themes: Vec<ThemeCount>,
}

impl<'a> Tally<'a> {
    fn new(codebook: &'a Codebook, per_term: usize) -> Tally<'a> {
        let count = |theme: &str, term: &str| TermCount {
            theme: theme.to_string(),
            term: term.to_string(),
            hits: 0,
            documents: 0,
            kwic: Vec::new(),
        };
        let mut t = Tally {
            per_term,
            index: BTreeMap::new(),
            terms: Vec::new(),
            exclusions: Vec::new(),
            excl_index: BTreeMap::new(),
            themes: Vec::new(),
        };
        for (ti, def) in codebook.themes().iter().enumerate() {
            t.themes.push(ThemeCount {
                theme: def.id.clone(),
                hits: 0,
                documents: 0,
            });
            for term in &def.terms {
                t.index.entry((ti, term.as_str())).or_insert_with(|| {
                    t.terms.push(count(&def.id, term));
                    t.terms.len() - 1
                });
            }
            for term in &def.exclude {
                t.excl_index.entry((ti, term.as_str())).or_insert_with(|| {
                    t.exclusions.push(count(&def.id, term));
                    t.exclusions.len() - 1
                });
            }
        }
        t
    }

    /// Adds one analysed document: its hits and the hits exclusions
    /// blocked (byte spans into `doc.text`).
    fn add(&mut self, doc: &Document, blocked: &[Blocked], theme_of: &BTreeMap<&str, usize>) {
        let mut seen_terms = BTreeSet::new();
        let mut seen_excl = BTreeSet::new();
        for theme in &doc.themes {
            let Some(&ti) = theme_of.get(theme.id.as_str()) else {
                continue;
            };
            self.themes[ti].hits += theme.hits.len();
            self.themes[ti].documents += usize::from(!theme.hits.is_empty());
            for h in &theme.hits {
                let Some(&k) = self.index.get(&(ti, h.term.as_str())) else {
                    continue;
                };
                let c = &mut self.terms[k];
                c.hits += 1;
                if seen_terms.insert(k) {
                    c.documents += 1;
                }
                if c.kwic.len() < self.per_term {
                    c.kwic.push(kwic(doc, h.start, h.end));
                }
            }
        }
        if blocked.is_empty() {
            return;
        }
        let offsets = crate::span::CharOffsets::new(&doc.text);
        for b in blocked {
            let Some(&k) = self.excl_index.get(&(b.theme, b.exclusion.as_str())) else {
                continue;
            };
            let c = &mut self.exclusions[k];
            c.hits += 1;
            if seen_excl.insert(k) {
                c.documents += 1;
            }
            if c.kwic.len() < self.per_term {
                let (start, end) = offsets.span(b.span);
                c.kwic.push(kwic(doc, start, end));
            }
        }
    }
}

/// The concordance line of the hit at code points `start..end` of
/// `doc.text`.
fn kwic(doc: &Document, start: usize, end: usize) -> Kwic {
    let flat = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect()
    };
    let chars: Vec<char> = doc.text.chars().collect();
    let (start, end) = (start.min(chars.len()), end.min(chars.len()));
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (end + CONTEXT_CHARS).min(chars.len());
    let piece = |a: usize, b: usize| flat(&chars[a..b].iter().collect::<String>());
    Kwic {
        document: doc.id.clone(),
        start,
        end,
        left: piece(from, start),
        hit: piece(start, end),
        right: piece(end, to),
    }
}

/// Analyses one document as `svtext analyze` does, and tags it again to
/// find what the exclusions blocked. `None` when it cannot be analysed
/// (with why).
fn analyze_one(
    raw: &RawDoc,
    codebook: &Codebook,
    options: &AnalyzeOptions,
    recurring: &Recurring,
) -> std::result::Result<(Document, Vec<Blocked>), String> {
    let doc = analyze_in_batch(raw, codebook, options, recurring).map_err(|e| e.to_string())?;
    if doc.language.code.as_deref() != Some("sv") {
        return Ok((doc, Vec::new()));
    }
    // The pipeline's tokens come from its paragraphs: the same
    // paragraphs give the same tokens.
    let byte_at: Vec<usize> = doc
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain([doc.text.len()])
        .collect();
    let bytes_of = |c: usize| byte_at.get(c).copied().unwrap_or(doc.text.len());
    let paras: Vec<Span> = doc
        .paragraphs
        .iter()
        .map(|p| Span::new(bytes_of(p.start), bytes_of(p.end)))
        .collect();
    let a = language::analyze(&doc.text, &paras, true);
    let (_, blocked) = codebook.tag_explained(&doc.text, &a.tokens);
    Ok((doc, blocked))
}

/// Reads the inputs (files and folders, as `svtext analyze` takes them),
/// in input order, as raw documents; inputs that cannot be read are
/// returned as failures.
fn read_inputs(inputs: &[PathBuf], max_bytes: u64) -> (Vec<RawDoc>, Vec<Failure>) {
    let opts = ingest::DiscoverOptions {
        max_bytes,
        is_output_folder: crate::output::is_svtext_folder,
        ..Default::default()
    };
    let found = ingest::discover(inputs, &opts);
    let mut failed: Vec<Failure> = found
        .errors
        .iter()
        .map(|e| Failure {
            input: e.path.clone(),
            error: e.error.clone(),
        })
        .collect();
    let docs: Vec<std::result::Result<RawDoc, Failure>> = found
        .units
        .par_iter()
        .map(|unit| {
            let fail = |e: Error| Failure {
                input: unit.path.display().to_string(),
                error: e.to_string(),
            };
            let bytes = ingest::read_bytes(unit, max_bytes).map_err(fail)?;
            let hash = ingest::sha256_hex(&bytes);
            ingest::load(unit, &bytes, hash).map_err(fail)
        })
        .collect();
    let mut raws = Vec::new();
    for d in docs {
        match d {
            Ok(r) => raws.push(r),
            Err(e) => failed.push(e),
        }
    }
    (raws, failed)
}

/// Tests `codebook` on the inputs (and the gold file) of `options`. With
/// no inputs, the gold file's texts are the documents.
pub fn review(codebook: &Codebook, options: &ReviewOptions) -> Result<Review> {
    options.analyze.check()?;
    let gold_items: Option<Vec<GoldItem>> = options.gold.as_deref().map(gold::load).transpose()?;
    for input in &options.inputs {
        if input.as_os_str() == "-" {
            return Err(Error::Usage(
                "codebook test reads files and folders, not standard input (`-`)".to_string(),
            ));
        }
        if !input.exists() {
            return Err(Error::Usage(format!(
                "input {} does not exist",
                input.display()
            )));
        }
    }
    let (raws, failed) = match (&gold_items, options.inputs.is_empty()) {
        (Some(items), true) => (
            items
                .iter()
                .map(|i| RawDoc::in_memory(&i.id, i.text.as_str(), Format::Jsonl))
                .collect(),
            Vec::new(),
        ),
        (None, true) => {
            return Err(Error::Usage(
                "codebook test needs INPUT files or folders, or --gold FILE".to_string(),
            ));
        }
        _ => read_inputs(&options.inputs, options.max_bytes),
    };
    // lines recurring on a site's pages are furniture, as in a run (gold
    // texts are sentences, not pages of a site)
    let recurring: Vec<Recurring> = if options.inputs.is_empty() {
        vec![Recurring::default(); raws.len()]
    } else {
        let each: Vec<_> = raws
            .par_iter()
            .map(|raw| (source_key(raw), candidate_lines(raw)))
            .collect();
        recurring_of_each(&each)
    };
    let analysed: Vec<std::result::Result<(Document, Vec<Blocked>), String>> = raws
        .par_iter()
        .zip(&recurring)
        .map(|(raw, rec)| analyze_one(raw, codebook, &options.analyze, rec))
        .collect();
    let theme_of: BTreeMap<&str, usize> = codebook
        .themes()
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut tally = Tally::new(codebook, options.per_term);
    let mut review = Review {
        codebook: codebook.source().display().to_string(),
        documents: 0,
        swedish: 0,
        failed,
        themes: Vec::new(),
        terms: Vec::new(),
        exclusions: Vec::new(),
        not_in_lexicon: codebook.unknown_to_lexicon(),
        gold: None,
    };
    for (raw, result) in raws.iter().zip(analysed) {
        match result {
            Ok((doc, blocked)) => {
                review.documents += 1;
                review.swedish += usize::from(doc.language.code.as_deref() == Some("sv"));
                tally.add(&doc, &blocked, &theme_of);
            }
            Err(error) => review.failed.push(Failure {
                input: raw.source.path.clone(),
                error,
            }),
        }
    }
    review.themes = tally.themes;
    review.terms = tally.terms;
    review.exclusions = tally.exclusions;
    if let (Some(items), Some(path)) = (&gold_items, &options.gold) {
        review.gold = Some(gold::evaluate(items, path, codebook, &options.analyze)?);
    }
    Ok(review)
}

/// `s`, cut to `max` characters with "…" where it is longer.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `items` joined with ", ", grouped by theme, one line per theme.
fn by_theme<'a>(out: &mut String, items: impl Iterator<Item = (&'a str, String)>) {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for (theme, item) in items {
        match groups.last_mut() {
            Some((t, list)) if *t == theme => list.push(item),
            _ => groups.push((theme, vec![item])),
        }
    }
    for (theme, list) in groups {
        let _ = writeln!(out, "  {theme}: {}", list.join(", "));
    }
}

impl Review {
    /// The review for a terminal: counts per theme, per term and per
    /// exclusion, the terms with no hit, the terms unknown to the lexicon,
    /// the concordance, and the gold figures.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "codebook {}: {} documents ({} analysed as Swedish), {} failed",
            self.codebook,
            self.documents,
            self.swedish,
            self.failed.len()
        );
        for f in &self.failed {
            let _ = writeln!(out, "  failed {}: {}", f.input, f.error);
        }
        let tw = self
            .themes
            .iter()
            .map(|t| t.theme.chars().count())
            .max()
            .unwrap_or(5)
            .max(5);
        let _ = writeln!(out, "\n{:<tw$}  {:>6}  {:>9}", "theme", "hits", "documents");
        for t in &self.themes {
            let _ = writeln!(out, "{:<tw$}  {:>6}  {:>9}", t.theme, t.hits, t.documents);
        }
        let used: Vec<&TermCount> = self.terms.iter().filter(|t| t.hits > 0).collect();
        self.counts(&mut out, "term", &used, tw);
        let zero = self.terms.iter().filter(|t| t.hits == 0);
        let _ = writeln!(
            out,
            "\nterms with no hit ({}):",
            self.terms.iter().filter(|t| t.hits == 0).count()
        );
        by_theme(&mut out, zero.map(|t| (t.theme.as_str(), t.term.clone())));
        let fired: Vec<&TermCount> = self.exclusions.iter().filter(|t| t.hits > 0).collect();
        self.counts(&mut out, "exclusion (hits blocked)", &fired, tw);
        let idle = self.exclusions.iter().filter(|t| t.hits == 0);
        let _ = writeln!(
            out,
            "\nexclusions that never fire ({}):",
            self.exclusions.iter().filter(|t| t.hits == 0).count()
        );
        by_theme(&mut out, idle.map(|t| (t.theme.as_str(), t.term.clone())));
        let _ = writeln!(
            out,
            "\nterms that match no word of the lexicon ({}; misspelt, or too rare for it):",
            self.not_in_lexicon.len()
        );
        by_theme(
            &mut out,
            self.not_in_lexicon.iter().map(|u| {
                let what = if u.exclusion { "exclusion " } else { "" };
                let words = if u.words.len() == u.term.split_whitespace().count() {
                    String::new()
                } else {
                    format!(" (no {})", u.words.join(", "))
                };
                (u.theme.as_str(), format!("{what}{}{words}", u.term))
            }),
        );
        self.concordance(&mut out);
        if let Some(g) = &self.gold {
            let _ = writeln!(out);
            out.push_str(&g.table());
            let _ = writeln!(out);
            out.push_str(&g.mistakes());
        }
        out
    }

    /// A table of `rows` (terms or exclusions) with their hits and
    /// documents.
    fn counts(&self, out: &mut String, what: &str, rows: &[&TermCount], tw: usize) {
        let w = rows
            .iter()
            .map(|t| t.term.chars().count())
            .chain([what.chars().count()])
            .max()
            .unwrap_or(4)
            .min(48);
        let _ = writeln!(
            out,
            "\n{:<tw$}  {:<w$}  {:>6}  {:>9}",
            "theme", what, "hits", "documents"
        );
        for t in rows {
            let _ = writeln!(
                out,
                "{:<tw$}  {:<w$}  {:>6}  {:>9}",
                t.theme,
                shorten(&t.term, w),
                t.hits,
                t.documents
            );
        }
    }

    /// The keyword-in-context lines of every term and exclusion with hits.
    fn concordance(&self, out: &mut String) {
        let _ = writeln!(out, "\nconcordance (document:offset, the hit in brackets):");
        let rows = self
            .terms
            .iter()
            .map(|t| (t, ""))
            .chain(self.exclusions.iter().map(|t| (t, "exclusion ")));
        let aw = self
            .terms
            .iter()
            .chain(&self.exclusions)
            .flat_map(|t| &t.kwic)
            .map(|k| k.document.chars().count() + 1 + k.start.to_string().len())
            .max()
            .unwrap_or(0);
        for (t, what) in rows.filter(|(t, _)| !t.kwic.is_empty()) {
            let blocked = if what.is_empty() { "hits" } else { "blocked" };
            let _ = writeln!(
                out,
                "\n{} · {what}{} ({} {blocked} in {} documents)",
                t.theme, t.term, t.hits, t.documents
            );
            for k in &t.kwic {
                let at = format!("{}:{}", k.document, k.start);
                let _ = writeln!(
                    out,
                    "  {at:<aw$} {:>width$}[{}]{}",
                    k.left,
                    k.hit,
                    k.right,
                    width = CONTEXT_CHARS
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const BOOK: &str = "[[theme]]\nid = \"ansvar\"\nterms = [\"ansvar\", \"ansvarig\", \"kompetns\"]\n\
                        exclude = [\"ansvarig utgivare\", \"ansvarsområde*\"]\n\
                        [[theme]]\nid = \"tillit\"\nterms = [\"tillit\"]\n";

    fn corpus(files: &[(&str, &str)]) -> (tempfile::TempDir, Review) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let cb = Codebook::parse(BOOK, Path::new("b.toml")).unwrap();
        let options = ReviewOptions {
            inputs: vec![dir.path().to_path_buf()],
            per_term: 2,
            ..ReviewOptions::default()
        };
        let r = review(&cb, &options).unwrap();
        (dir, r)
    }

    fn term<'r>(r: &'r Review, name: &str) -> &'r TermCount {
        r.terms
            .iter()
            .chain(&r.exclusions)
            .find(|t| t.term == name)
            .unwrap()
    }

    #[test]
    fn counts_hits_documents_blocked_hits_and_concordance() {
        let (_d, r) = corpus(&[
            (
                "a.txt",
                "Vem tar ansvar?\n\nKommunen har ansvaret för skolan, och nämnden är ansvarig för vården. Ansvarig utgivare är Eva Ek.\n",
            ),
            (
                "b.txt",
                "Nämndernas ansvarsområden\n\nDigitaliseringsansvaret ligger hos regionen, som har ett stort ansvarsområde inom vården.\n",
            ),
        ]);
        assert_eq!((r.documents, r.swedish), (2, 2));
        let ansvar = term(&r, "ansvar");
        assert_eq!((ansvar.hits, ansvar.documents), (3, 2));
        assert_eq!(ansvar.kwic.len(), 2, "--per-term caps the concordance");
        let k = &ansvar.kwic[0];
        assert_eq!(k.hit, "ansvar");
        assert!(k.left.ends_with("Vem tar "), "{k:?}");
        assert!(!k.right.contains('\n'), "line breaks are spaces: {k:?}");
        let ansvarig = term(&r, "ansvarig");
        assert_eq!(ansvarig.hits, 1);
        // each exclusion counts the hits it blocked
        assert_eq!(term(&r, "ansvarig utgivare").hits, 1);
        let area = term(&r, "ansvarsområde*");
        assert_eq!((area.hits, area.documents), (2, 1));
        assert_eq!(area.kwic[0].hit, "ansvarsområden");
        // the theme totals
        assert_eq!((r.themes[0].hits, r.themes[0].documents), (4, 2));
        assert_eq!((r.themes[1].hits, r.themes[1].documents), (0, 0));
        // offsets are code points into the document's text
        assert_eq!(k.end - k.start, 6);
        // the misspelt term: no hit, and unknown to the lexicon
        assert_eq!(term(&r, "kompetns").hits, 0);
        let unknown: Vec<&str> = r.not_in_lexicon.iter().map(|u| u.term.as_str()).collect();
        assert_eq!(unknown, ["kompetns"]);
        let t = r.table();
        for want in [
            "terms with no hit (2):",
            "  ansvar: kompetns",
            "  tillit: tillit",
            "exclusions that never fire (0):",
            "[ansvar]",
            "a:8 ",
            "ansvar · exclusion ansvarsområde* (2 blocked in 1 documents)",
        ] {
            assert!(t.contains(want), "{want:?} not in\n{t}");
        }
    }

    #[test]
    fn a_hit_in_text_that_cleaning_removed_never_counts() {
        let page = "<html><head><title>Nyheter</title></head><body>\
            <nav><ul><li><a href=\"/tillit\">Tillit och ansvar</a></li></ul></nav>\
            <main><h1>Ny skola i kommunen</h1><p>Kommunen bygger en ny skola med plats för 400 elever. \
            Bygget börjar i vår och skolan öppnar hösten 2027.</p></main>\
            <footer><p>Kommunen tar ansvar för tilliten till sina e-tjänster.</p></footer></body></html>";
        let (_d, r) = corpus(&[("sida.html", page)]);
        assert_eq!(r.documents, 1);
        assert!(
            r.themes.iter().all(|t| t.hits == 0),
            "hits in navigation or footer: {:?}",
            r.themes
        );
    }

    #[test]
    fn gold_texts_are_the_documents_when_there_is_no_input() {
        let dir = tempfile::tempdir().unwrap();
        let gold = dir.path().join("g.jsonl");
        std::fs::write(
            &gold,
            "{\"id\": \"g1\", \"text\": \"Ansvaret för skolan ligger hos kommunen.\", \"themes\": [\"ansvar\"]}\n\
             {\"id\": \"g2\", \"text\": \"Tilliten till myndigheterna är hög i Sverige.\", \"themes\": []}\n",
        )
        .unwrap();
        let cb = Codebook::parse(BOOK, Path::new("b.toml")).unwrap();
        let options = ReviewOptions {
            gold: Some(gold),
            ..ReviewOptions::default()
        };
        let r = review(&cb, &options).unwrap();
        assert_eq!(r.documents, 2);
        assert_eq!(term(&r, "ansvar").kwic[0].document, "g1");
        let g = r.gold.as_ref().unwrap();
        // "tillit" is named by no label: only "ansvar" is judged
        assert_eq!(g.themes.len(), 1);
        assert_eq!(g.overall.precision, Some(1.0));
        assert!(r.table().contains("overall"));
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["gold"]["overall"]["recall"], 1.0);
        assert_eq!(json["terms"][0]["kwic"][0]["hit"], "Ansvaret");
    }

    #[test]
    fn usage_errors() {
        let cb = Codebook::builtin();
        let e = review(&cb, &ReviewOptions::default()).unwrap_err();
        assert!(e.to_string().contains("needs INPUT"), "{e}");
        let stdin = ReviewOptions {
            inputs: vec![PathBuf::from("-")],
            ..ReviewOptions::default()
        };
        assert!(review(&cb, &stdin).is_err());
    }
}
