//! Corpus totals (`summary.json`), built from per-document statistics.
//!
//! [`DocStats`] is everything the summary needs from one document; the same
//! fold ([`Summary::build`]) serves a run and `svtext summarize` over
//! document files written elsewhere, so both give the same `summary.json`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::document::{Document, SCHEMA_VERSION};
use crate::outcome::Skipped;

/// What the summary needs from one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocStats {
    /// ISO 639-1 language code, if known.
    pub language: Option<String>,
    /// Number of tokens.
    pub tokens: usize,
    /// Number of word tokens.
    pub words: usize,
    /// Number of sentences.
    pub sentences: usize,
    /// Theme id to (label, hits).
    pub themes: BTreeMap<String, (String, usize)>,
    /// The document's speakers.
    pub speakers: Vec<SpeakerStats>,
}

/// What the summary needs from one speaker of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerStats {
    /// Name.
    pub name: String,
    /// Organisations.
    pub organisations: Vec<String>,
    /// Number of quotes.
    pub quotes: usize,
    /// Theme id to hits inside their quotes.
    pub themes: BTreeMap<String, usize>,
}

impl DocStats {
    /// The statistics of one document.
    pub fn of(doc: &Document) -> DocStats {
        DocStats {
            language: doc.language.code.clone(),
            tokens: doc.tokens.len(),
            words: doc.readability.words,
            sentences: doc.sentences.len(),
            themes: doc
                .themes
                .iter()
                .map(|t| (t.id.clone(), (t.label.clone(), t.count)))
                .collect(),
            speakers: doc
                .speakers
                .iter()
                .map(|s| SpeakerStats {
                    name: s.name.clone(),
                    organisations: s.organisations.clone(),
                    quotes: s.quotes.len(),
                    themes: s.themes.clone(),
                })
                .collect(),
        }
    }
}

/// `summary.json`: totals over the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The document schema version.
    pub schema_version: String,
    /// Documents analysed (in `corpus.jsonl`).
    pub documents: usize,
    /// Inputs that failed (lines of `errors.jsonl`).
    pub failed: usize,
    /// Files and folders skipped.
    pub skipped: usize,
    /// Each skipped file or folder with the reason (omitted when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped_files: Vec<Skipped>,
    /// Tokens in all documents.
    pub tokens: usize,
    /// Word tokens in all documents.
    pub words: usize,
    /// Sentences in all documents.
    pub sentences: usize,
    /// Documents per language code (`unknown` where none could be told).
    pub languages: BTreeMap<String, usize>,
    /// Per theme: in how many documents, how many hits.
    pub themes: Vec<ThemeTotal>,
    /// Speaker entries over all documents.
    pub speakers: usize,
    /// Speaker × theme table: one row per speaker name.
    pub speaker_themes: Vec<SpeakerRow>,
}

/// Totals of one theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeTotal {
    /// Theme id.
    pub id: String,
    /// Theme label.
    pub label: String,
    /// Documents with at least one hit.
    pub documents: usize,
    /// Hits in all documents.
    pub hits: usize,
}

/// One row of the speaker × theme table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerRow {
    /// The speaker's name as written.
    pub name: String,
    /// Every organisation given for them, in any document.
    pub organisations: Vec<String>,
    /// Documents in which they speak.
    pub documents: usize,
    /// Quotes over all documents.
    pub quotes: usize,
    /// Theme id to hits inside their quotes.
    pub themes: BTreeMap<String, usize>,
}

/// Folds per-document statistics, one document at a time and in any
/// order, into corpus totals; memory grows with the number of themes and
/// speaker names, not with the number of documents.
#[derive(Debug, Default)]
pub struct SummaryBuilder {
    documents: usize,
    tokens: usize,
    words: usize,
    sentences: usize,
    speakers: usize,
    languages: BTreeMap<String, usize>,
    themes: BTreeMap<String, ThemeTotal>,
    rows: BTreeMap<String, SpeakerRow>,
}

impl SummaryBuilder {
    /// An empty fold.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one document.
    pub fn add(&mut self, s: &DocStats) {
        self.documents += 1;
        self.tokens += s.tokens;
        self.words += s.words;
        self.sentences += s.sentences;
        self.speakers += s.speakers.len();
        *self
            .languages
            .entry(s.language.clone().unwrap_or_else(|| "unknown".into()))
            .or_default() += 1;
        for (id, (label, hits)) in &s.themes {
            let t = self.themes.entry(id.clone()).or_insert_with(|| ThemeTotal {
                id: id.clone(),
                label: label.clone(),
                documents: 0,
                hits: 0,
            });
            t.documents += 1;
            t.hits += hits;
        }
        for sp in &s.speakers {
            let row = self
                .rows
                .entry(sp.name.clone())
                .or_insert_with(|| SpeakerRow {
                    name: sp.name.clone(),
                    organisations: Vec::new(),
                    documents: 0,
                    quotes: 0,
                    themes: BTreeMap::new(),
                });
            row.documents += 1;
            row.quotes += sp.quotes;
            for o in &sp.organisations {
                if !row.organisations.contains(o) {
                    row.organisations.push(o.clone());
                }
            }
            for (id, n) in &sp.themes {
                *row.themes.entry(id.clone()).or_default() += n;
            }
        }
    }

    /// The totals, with the run's skipped files and failed inputs.
    pub fn finish(self, skipped_files: Vec<Skipped>, failed: usize) -> Summary {
        let mut speaker_themes: Vec<SpeakerRow> = self.rows.into_values().collect();
        for r in &mut speaker_themes {
            r.organisations.sort();
        }
        Summary {
            schema_version: SCHEMA_VERSION.to_string(),
            documents: self.documents,
            failed,
            skipped: skipped_files.len(),
            skipped_files,
            tokens: self.tokens,
            words: self.words,
            sentences: self.sentences,
            languages: self.languages,
            themes: self.themes.into_values().collect(),
            speakers: self.speakers,
            speaker_themes,
        }
    }
}

impl Summary {
    /// Writes the summary as pretty JSON to `path`, atomically.
    pub fn write(&self, path: &std::path::Path) -> crate::Result<()> {
        crate::output::write_pretty(path, self)
    }

    /// Folds per-document statistics (in any order) into corpus totals.
    pub fn build(stats: &[&DocStats], skipped_files: Vec<Skipped>, failed: usize) -> Summary {
        let mut b = SummaryBuilder::new();
        for s in stats {
            b.add(s);
        }
        b.finish(skipped_files, failed)
    }
}

/// Builds the summary of document files written elsewhere (`corpus.jsonl`
/// files, or the part files a cluster wrote through `svtext analyze -`).
/// Lines that are error objects (`{"id", "error"}`) count as failed inputs.
pub fn summarize_files(paths: &[std::path::PathBuf]) -> crate::Result<Summary> {
    use std::io::BufRead;
    let mut builder = SummaryBuilder::new();
    let mut failed = 0;
    for path in paths {
        let read_err = |source| crate::Error::Read {
            path: path.clone(),
            source,
        };
        let file = std::fs::File::open(path).map_err(read_err)?;
        let reader = std::io::BufReader::with_capacity(1 << 16, file);
        for (i, line) in reader.split(b'\n').enumerate() {
            let line = line.map_err(read_err)?;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let record_err = |reason: String| crate::Error::Record {
                path: path.clone(),
                line: i + 1,
                reason,
            };
            let value: serde_json::Value = serde_json::from_slice(&line)
                .map_err(|e| record_err(format!("not valid JSON ({e})")))?;
            if value.get("error").is_some() && value.get("text").is_none() {
                failed += 1;
                continue;
            }
            let doc: Document = serde_json::from_value(value)
                .map_err(|e| record_err(format!("not an svtext document ({e})")))?;
            builder.add(&DocStats::of(&doc));
        }
    }
    Ok(builder.finish(Vec::new(), failed))
}
