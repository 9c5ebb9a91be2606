//! The overview section: what the folder holds and what produced it, and
//! whether `summary.json` agrees with `corpus.jsonl`.

use serde::Serialize;

use super::charts::group_digits;
use super::data::Aggregates;
use super::page::PageInputs;

/// The overview's figures, formatted for the page.
#[derive(Debug, Serialize)]
pub struct Overview {
    /// Documents analysed.
    pub documents: String,
    /// Inputs that failed.
    pub failed: String,
    /// Files skipped for an unknown extension.
    pub skipped: String,
    /// Word tokens.
    pub words: String,
    /// Sentences.
    pub sentences: String,
    /// Language code, documents, share.
    pub languages: Vec<(String, String, String)>,
    /// Earliest `published` date (empty when no document has one).
    pub first_date: String,
    /// Latest `published` date.
    pub last_date: String,
    /// Documents without a date.
    pub undated: String,
    /// The codebook: its file, or "built-in".
    pub codebook: String,
    /// The first 12 hex digits of the codebook's SHA-256.
    pub codebook_hash: String,
    /// svtext version that wrote the folder.
    pub version: String,
    /// Document schema version.
    pub schema_version: String,
    /// The run's INPUT arguments.
    pub inputs: Vec<String>,
    /// Speaker entries and distinct speaker names.
    pub speakers: String,
    /// Distinct speaker names.
    pub speaker_names: String,
    /// The first lines of `errors.jsonl`: path, error.
    pub errors: Vec<(String, String)>,
    /// Lines of `errors.jsonl` not shown.
    pub errors_more: usize,
    /// Where `summary.json` and `corpus.jsonl` disagree.
    pub mismatches: Vec<String>,
    /// Themes left out of the charts (beyond the limit).
    pub hidden_themes: Vec<String>,
}

/// The overview of the folder.
pub fn overview(agg: &Aggregates, inputs: &PageInputs, hidden: &[String]) -> Overview {
    let m = inputs.manifest;
    let total = agg.documents.max(1) as f64;
    let (first_date, last_date) = agg.date_span.clone().unwrap_or_default();
    Overview {
        documents: group_digits(agg.documents),
        failed: group_digits(inputs.summary.failed.max(inputs.errors.total)),
        skipped: group_digits(inputs.summary.skipped),
        words: group_digits(agg.words as usize),
        sentences: group_digits(inputs.summary.sentences),
        languages: agg
            .languages
            .iter()
            .map(|(code, n)| {
                let pct = format!("{:.1} %", *n as f64 * 100.0 / total);
                (code.clone(), group_digits(*n), pct)
            })
            .collect(),
        first_date,
        last_date,
        undated: group_digits(agg.undated.documents),
        codebook: m
            .codebook
            .clone()
            .unwrap_or_else(|| "built-in (svtext codebook show)".into()),
        codebook_hash: m.codebook_hash.chars().take(12).collect(),
        version: m.version.clone(),
        schema_version: m.schema_version.clone(),
        inputs: m.inputs.clone(),
        speakers: group_digits(agg.speaker_entries),
        speaker_names: group_digits(agg.speakers.len()),
        errors: inputs.errors.first.clone(),
        errors_more: inputs
            .errors
            .total
            .saturating_sub(inputs.errors.first.len()),
        mismatches: mismatches(agg, inputs),
        hidden_themes: hidden.to_vec(),
    }
}

/// Where `summary.json` disagrees with what `corpus.jsonl` holds (a folder
/// edited by hand, or files from different runs).
pub fn mismatches(agg: &Aggregates, inputs: &PageInputs) -> Vec<String> {
    let s = inputs.summary;
    let mut out = Vec::new();
    let mut check = |what: &str, summary: usize, corpus: usize| {
        if summary != corpus {
            out.push(format!(
                "{what}: summary.json says {summary}, corpus.jsonl has {corpus}"
            ));
        }
    };
    check("documents", s.documents, agg.documents);
    check("words", s.words, agg.words as usize);
    check("speaker entries", s.speakers, agg.speaker_entries);
    for t in &s.themes {
        let (hits, docs) = agg
            .themes
            .get(&t.id)
            .map_or((0, 0), |a| (a.hits, a.documents));
        check(&format!("hits of {}", t.id), t.hits, hits);
        check(&format!("documents with {}", t.id), t.documents, docs);
    }
    out
}
