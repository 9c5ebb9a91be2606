//! Precision and recall of a codebook against sentences labelled by hand
//! (`svtext codebook test CODEBOOK --gold FILE`).
//!
//! A gold file is JSON Lines, one labelled sentence (or span of text) a
//! line: `{"id": "d001", "text": "…", "themes": ["ansvar"]}`. `id` and
//! `text` are required, `themes` lists the themes the text is *about*
//! (empty or missing: none); any other field is ignored.
//!
//! Each text is analysed exactly as `svtext analyze` analyses a JSON Lines
//! record of its own ([`crate::pipeline::analyze_with`]: cleaning, language
//! detection, tokens, tagging), and a theme counts as found when the
//! document has at least one hit of it. Scores are on presence: per theme,
//! a text labelled with it and found is a true positive, found but not
//! labelled a false hit, labelled but not found a miss. The themes judged
//! are the codebook's themes that some label of the file names; a label
//! the codebook does not have is reported, not scored.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Codebook;
use crate::error::{Error, Result};
use crate::ingest::{Format, RawDoc};
use crate::pipeline::{AnalyzeOptions, analyze_with};

/// One labelled text of a gold file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct GoldItem {
    /// The text's id, unique in the file.
    pub id: String,
    /// The text (usually one sentence).
    pub text: String,
    /// The themes the text is about.
    #[serde(default)]
    pub themes: Vec<String>,
}

/// Reads a gold file (see the module docs). Errors name the file and line.
pub fn load(path: &Path) -> Result<Vec<GoldItem>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text, path)
}

/// Parses the JSON Lines of a gold file; blank lines are skipped.
pub fn parse(text: &str, path: &Path) -> Result<Vec<GoldItem>> {
    let mut items: Vec<GoldItem> = Vec::new();
    let mut ids = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let err = |reason: String| Error::Record {
            path: path.to_path_buf(),
            line: i + 1,
            reason,
        };
        let item: GoldItem = serde_json::from_str(line).map_err(|e| {
            err(format!(
                "not a gold record {{\"id\", \"text\", \"themes\"}}: {e}"
            ))
        })?;
        if !ids.insert(item.id.clone()) {
            return Err(err(format!("duplicate id {:?}", item.id)));
        }
        items.push(item);
    }
    Ok(items)
}

/// Precision and recall of one theme (or of all judged themes together).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Score {
    /// The theme id (`overall` for the total).
    pub theme: String,
    /// Texts labelled with the theme.
    pub gold: usize,
    /// Labelled and found.
    pub true_positives: usize,
    /// Found, not labelled.
    pub false_positives: usize,
    /// Labelled, not found.
    pub false_negatives: usize,
    /// true positives / found; `None` when nothing was found.
    pub precision: Option<f64>,
    /// true positives / labelled; `None` when nothing was labelled.
    pub recall: Option<f64>,
}

impl Score {
    fn new(theme: &str) -> Score {
        Score {
            theme: theme.to_string(),
            ..Score::default()
        }
    }

    fn add(&mut self, labelled: bool, found: bool) {
        self.gold += usize::from(labelled);
        match (labelled, found) {
            (true, true) => self.true_positives += 1,
            (false, true) => self.false_positives += 1,
            (true, false) => self.false_negatives += 1,
            (false, false) => {}
        }
    }

    fn finish(&mut self) {
        let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
        self.precision = ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        );
        self.recall = ratio(self.true_positives, self.gold);
    }
}

/// One hit, as evidence for a false hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The matched text.
    pub text: String,
    /// The codebook term that matched.
    pub term: String,
    /// Code point offset of the hit in the analysed text.
    pub start: usize,
}

/// A text the codebook got wrong for one theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mistake {
    /// The text's id.
    pub id: String,
    /// The theme.
    pub theme: String,
    /// The text.
    pub text: String,
    /// The language the analysis gave the text (`None`: not told).
    pub language: Option<String>,
    /// For a false hit: the hits that made it.
    pub hits: Vec<Evidence>,
}

/// The outcome of a gold evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldReport {
    /// The gold file.
    pub file: PathBuf,
    /// Texts evaluated.
    pub texts: usize,
    /// Texts whose analysis did not say Swedish (so they got no themes).
    pub not_swedish: usize,
    /// Per judged theme, in codebook order.
    pub themes: Vec<Score>,
    /// All judged themes together (micro-averaged).
    pub overall: Score,
    /// Themes found but not labelled, in file order.
    pub false_hits: Vec<Mistake>,
    /// Themes labelled but not found, in file order.
    pub misses: Vec<Mistake>,
    /// Labels of the file that are no theme of the codebook (not scored).
    pub unknown_labels: Vec<String>,
}

/// Evaluates `codebook` on the gold `items` of `file`, each analysed as a
/// document of its own with `options` (see the module docs).
pub fn evaluate(
    items: &[GoldItem],
    file: &Path,
    codebook: &Codebook,
    options: &AnalyzeOptions,
) -> Result<GoldReport> {
    options.check()?;
    let labels: BTreeSet<&str> = items
        .iter()
        .flat_map(|i| i.themes.iter().map(String::as_str))
        .collect();
    let judged: Vec<&str> = codebook
        .themes()
        .iter()
        .map(|t| t.id.as_str())
        .filter(|id| labels.contains(id))
        .collect();
    let mut report = GoldReport {
        file: file.to_path_buf(),
        texts: items.len(),
        not_swedish: 0,
        themes: judged.iter().map(|id| Score::new(id)).collect(),
        overall: Score::new("overall"),
        false_hits: Vec::new(),
        misses: Vec::new(),
        unknown_labels: labels
            .iter()
            .filter(|l| !codebook.themes().iter().any(|t| t.id == **l))
            .map(|l| l.to_string())
            .collect(),
    };
    for item in items {
        let raw = RawDoc::in_memory(&item.id, item.text.as_str(), Format::Jsonl);
        // A text cleaning empties is a document with no themes.
        let doc = analyze_with(&raw, codebook, options).ok();
        let language = doc.as_ref().and_then(|d| d.language.code.clone());
        if language.as_deref() != Some("sv") {
            report.not_swedish += 1;
        }
        for (k, id) in judged.iter().enumerate() {
            let labelled = item.themes.iter().any(|t| t == id);
            let found = doc
                .as_ref()
                .and_then(|d| d.themes.iter().find(|t| t.id == *id));
            report.themes[k].add(labelled, found.is_some());
            report.overall.add(labelled, found.is_some());
            if labelled == found.is_some() {
                continue;
            }
            let mistake = Mistake {
                id: item.id.clone(),
                theme: id.to_string(),
                text: item.text.clone(),
                language: language.clone(),
                hits: found
                    .map(|t| {
                        t.hits
                            .iter()
                            .map(|h| Evidence {
                                text: h.text.clone(),
                                term: h.term.clone(),
                                start: h.start,
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            };
            if labelled {
                report.misses.push(mistake);
            } else {
                report.false_hits.push(mistake);
            }
        }
    }
    for s in &mut report.themes {
        s.finish();
    }
    report.overall.finish();
    Ok(report)
}

/// A ratio with three decimals, or `n/a`.
fn fmt_ratio(r: Option<f64>) -> String {
    r.map_or_else(|| "n/a".to_string(), |r| format!("{r:.3}"))
}

impl GoldReport {
    /// The figures as a table for a terminal: one row per theme and one for
    /// all of them.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "gold {}: {} texts ({} not analysed as Swedish)",
            self.file.display(),
            self.texts,
            self.not_swedish
        );
        let w = self
            .themes
            .iter()
            .map(|s| s.theme.chars().count())
            .chain([7])
            .max()
            .unwrap_or(7);
        let _ = writeln!(
            out,
            "{:<w$}  {:>5}  {:>4}  {:>4}  {:>4}  {:>9}  {:>6}",
            "theme", "gold", "tp", "fp", "fn", "precision", "recall"
        );
        for s in self.themes.iter().chain([&self.overall]) {
            let _ = writeln!(
                out,
                "{:<w$}  {:>5}  {:>4}  {:>4}  {:>4}  {:>9}  {:>6}",
                s.theme,
                s.gold,
                s.true_positives,
                s.false_positives,
                s.false_negatives,
                fmt_ratio(s.precision),
                fmt_ratio(s.recall)
            );
        }
        if !self.unknown_labels.is_empty() {
            let _ = writeln!(
                out,
                "labels that are no theme of the codebook (not scored): {}",
                self.unknown_labels.join(", ")
            );
        }
        out
    }

    /// The false hits and the misses, one per line, for a terminal.
    pub fn mistakes(&self) -> String {
        let mut out = String::new();
        for (title, list) in [("false hits", &self.false_hits), ("misses", &self.misses)] {
            let _ = writeln!(out, "{title} ({}):", list.len());
            for m in list {
                let evidence: Vec<String> = m
                    .hits
                    .iter()
                    .map(|h| format!("[{}] ← {}", h.text, h.term))
                    .collect();
                let lang = match m.language.as_deref() {
                    Some("sv") => String::new(),
                    Some(code) => format!(" (language {code})"),
                    None => " (no language)".to_string(),
                };
                let _ = writeln!(
                    out,
                    "  {} {}{}: {}{}{}",
                    m.id,
                    m.theme,
                    lang,
                    m.text,
                    if evidence.is_empty() { "" } else { "  " },
                    evidence.join(", ")
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(src: &str) -> Vec<GoldItem> {
        parse(src, Path::new("g.jsonl")).unwrap()
    }

    #[test]
    fn parses_id_text_themes_and_ignores_other_fields() {
        let g = items(
            "{\"id\": \"a\", \"text\": \"Hej.\", \"themes\": [\"ansvar\"], \"kind\": \"plain\"}\n\n\
             {\"id\": \"b\", \"text\": \"Då.\"}\n",
        );
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].themes, ["ansvar"]);
        assert!(g[1].themes.is_empty());
    }

    #[test]
    fn bad_lines_are_reported_with_file_and_line() {
        let e = parse(
            "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": 3}\n",
            Path::new("g.jsonl"),
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("g.jsonl:2: not a gold record"), "{e}");
        let e = parse(
            "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n",
            Path::new("g.jsonl"),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("g.jsonl:2: duplicate id \"a\""), "{e}");
    }

    #[test]
    fn scores_presence_per_theme_and_overall() {
        let g = items(concat!(
            "{\"id\": \"1\", \"text\": \"Kommunen har svårt att rekrytera personal till skolan och vården.\", \"themes\": [\"kompetensförsörjning\"]}\n",
            "{\"id\": \"2\", \"text\": \"Vem som har ansvaret för it-säkerheten är oklart i kommunen.\", \"themes\": [\"ansvar\"]}\n",
            "{\"id\": \"3\", \"text\": \"Förtroendet för myndigheterna är högt i Sverige just nu.\", \"themes\": []}\n",
            "{\"id\": \"4\", \"text\": \"Ingen vill längre arbeta i hemtjänsten på landsbygden.\", \"themes\": [\"kompetensförsörjning\"]}\n",
        ));
        let cb = Codebook::builtin();
        let r = evaluate(&g, Path::new("g.jsonl"), &cb, &AnalyzeOptions::default()).unwrap();
        // "tillit" is named by no label: not judged
        let ids: Vec<&str> = r.themes.iter().map(|s| s.theme.as_str()).collect();
        assert_eq!(ids, ["kompetensförsörjning", "ansvar"]);
        let k = &r.themes[0];
        assert_eq!(
            (
                k.gold,
                k.true_positives,
                k.false_positives,
                k.false_negatives
            ),
            (2, 1, 0, 1)
        );
        assert_eq!(k.recall, Some(0.5));
        assert_eq!(r.overall.true_positives, 2);
        assert_eq!(r.overall.false_negatives, 1);
        assert_eq!(r.overall.precision, Some(1.0));
        assert_eq!(r.misses.len(), 1);
        assert_eq!(r.misses[0].id, "4");
        let t = r.table();
        assert!(t.contains("overall"), "{t}");
        assert!(r.mistakes().contains("misses (1):"));
    }

    #[test]
    fn labels_unknown_to_the_codebook_are_reported() {
        let g = items(
            "{\"id\": \"1\", \"text\": \"Ansvaret är delat.\", \"themes\": [\"klimat\", \"ansvar\"]}\n",
        );
        let r = evaluate(
            &g,
            Path::new("g.jsonl"),
            &Codebook::builtin(),
            &AnalyzeOptions::default(),
        )
        .unwrap();
        assert_eq!(r.unknown_labels, ["klimat"]);
        assert_eq!(r.themes.len(), 1);
    }
}
