//! Codebooks as written, before compilation: every format parser produces
//! [`ThemeSpec`]s, which are validated here in one place.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};

/// Default number of words that may stand between the words of a phrase term
/// ("tar *sitt* ansvar", "brist *på* personal").
pub const DEFAULT_GAP: usize = 2;

/// The largest gap a phrase term may allow.
pub const MAX_GAP: usize = 8;

/// One term as written in a codebook, with its options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermSpec {
    /// The term: words separated by spaces; `|` separates alternative forms
    /// of one word; `*` and `?` are glob wildcards.
    pub text: String,
    /// Whether the term may match as a part of a compound word.
    pub compound: bool,
    /// Whether the term matches its inflected forms.
    pub inflect: bool,
    /// Whether case must match exactly (acronyms such as "AI").
    pub case_sensitive: bool,
    /// How many words may stand between the words of a phrase.
    pub gap: usize,
    /// For an exclusion: block every hit of its theme in the sentence it
    /// matches in, not only the hits it overlaps ("rekrytera" in a
    /// sentence about criminal gangs).
    pub sentence: bool,
    /// The 1-based line in the codebook file, when known.
    pub line: Option<usize>,
}

impl TermSpec {
    /// A term with the svtext defaults: inflected, compound-matching,
    /// case-insensitive, gap [`DEFAULT_GAP`].
    pub fn new(text: &str, line: Option<usize>) -> TermSpec {
        TermSpec {
            text: text.trim().to_string(),
            compound: true,
            inflect: true,
            case_sensitive: false,
            gap: DEFAULT_GAP,
            sentence: false,
            line,
        }
    }

    /// A glob-style term as in quanteda and LIWC dictionaries: words match
    /// only as written or by their `*`/`?` wildcards, phrases are
    /// consecutive words.
    pub fn glob(text: &str, line: Option<usize>) -> TermSpec {
        TermSpec {
            compound: false,
            inflect: false,
            gap: 0,
            ..TermSpec::new(text, line)
        }
    }
}

/// One theme as written in a codebook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeSpec {
    /// The theme id.
    pub id: String,
    /// Human-readable label.
    pub label: String,
    /// What the theme covers.
    pub description: Option<String>,
    /// The terms that make a hit.
    pub terms: Vec<TermSpec>,
    /// Terms (usually phrases) that block a hit of this theme where they match.
    pub exclude: Vec<TermSpec>,
    /// The 1-based line where the theme starts, when known.
    pub line: Option<usize>,
}

/// A codebook error at `line` of `path`.
pub fn error(path: &Path, line: Option<usize>, reason: impl Into<String>) -> Error {
    Error::Codebook {
        path: path.to_path_buf(),
        line,
        reason: reason.into(),
    }
}

/// The 1-based line of byte offset `at` in `text`.
/// Line numbers of byte offsets in one text, each found by a binary search
/// over the line starts (a large codebook has a line for every term:
/// counting newlines from the start for each would be quadratic).
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line of byte offset `at` (the same as [`line_of`]).
    pub fn line(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).max(1)
    }
}

/// The 1-based line of byte offset `at` in `text` (the plain reference of
/// [`LineIndex::line`]).
pub fn line_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Checks what every format must satisfy: at least one theme, unique
/// non-empty ids, at least one term per theme, well-formed terms.
pub fn validate(path: &Path, themes: &[ThemeSpec]) -> Result<()> {
    if themes.is_empty() {
        return Err(error(path, None, "the codebook defines no themes"));
    }
    let mut seen: HashMap<&str, Option<usize>> = HashMap::new();
    for t in themes {
        if t.id.trim().is_empty() {
            return Err(error(path, t.line, "a theme has an empty id"));
        }
        if t.id.trim() != t.id {
            return Err(error(
                path,
                t.line,
                format!("theme id {:?} has leading or trailing spaces", t.id),
            ));
        }
        if let Some(first) = seen.insert(&t.id, t.line) {
            let at = first
                .map(|l| format!(" (first defined on line {l})"))
                .unwrap_or_default();
            return Err(error(
                path,
                t.line,
                format!("duplicate theme id {:?}{at}", t.id),
            ));
        }
        if t.terms.is_empty() {
            return Err(error(
                path,
                t.line,
                format!("theme {:?} has no terms", t.id),
            ));
        }
        for term in t.terms.iter().chain(&t.exclude) {
            check_term(path, &t.id, term)?;
        }
        if let Some(term) = t.terms.iter().find(|x| x.sentence) {
            return Err(error(
                path,
                term.line,
                format!(
                    "term {:?}: `sentence` applies to exclusions only",
                    term.text
                ),
            ));
        }
    }
    Ok(())
}

fn check_term(path: &Path, theme: &str, term: &TermSpec) -> Result<()> {
    let line = term.line;
    if term.text.is_empty() {
        return Err(error(
            path,
            line,
            format!("theme {theme:?} has an empty term"),
        ));
    }
    if term.gap > MAX_GAP {
        return Err(error(
            path,
            line,
            format!(
                "term {:?}: gap {} is larger than the maximum {MAX_GAP}",
                term.text, term.gap
            ),
        ));
    }
    let words: Vec<&str> = term.text.split_whitespace().collect();
    if words.len() > 16 {
        return Err(error(
            path,
            line,
            format!("term {:?} has more than 16 words", term.text),
        ));
    }
    for w in words {
        for alt in w.split('|') {
            if alt.is_empty() {
                return Err(error(
                    path,
                    line,
                    format!(
                        "term {:?}: empty alternative in {w:?} (stray '|')",
                        term.text
                    ),
                ));
            }
            if alt.chars().all(|c| c == '*' || c == '?') {
                return Err(error(
                    path,
                    line,
                    format!(
                        "term {:?}: the pattern {alt:?} would match every word",
                        term.text
                    ),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(id: &str, terms: &[&str]) -> ThemeSpec {
        ThemeSpec {
            id: id.into(),
            label: id.into(),
            description: None,
            terms: terms.iter().map(|t| TermSpec::new(t, Some(3))).collect(),
            exclude: vec![],
            line: Some(2),
        }
    }

    #[test]
    fn accepts_good_and_rejects_bad() {
        let p = Path::new("x.toml");
        assert!(validate(p, &[theme("a", &["ansvar"])]).is_ok());
        assert!(validate(p, &[]).is_err());
        let e = validate(p, &[theme("a", &["x"]), theme("a", &["y"])]).unwrap_err();
        assert!(e.to_string().contains("duplicate theme id"), "{e}");
        let e = validate(p, &[theme("a", &[])]).unwrap_err();
        assert!(e.to_string().contains("no terms"), "{e}");
        let e = validate(p, &[theme("a", &["ta||tar ansvar"])]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "codebook x.toml:3: term \"ta||tar ansvar\": empty alternative in \"ta||tar\" (stray '|')"
        );
        let e = validate(p, &[theme("a", &["*"])]).unwrap_err();
        assert!(e.to_string().contains("every word"), "{e}");
    }

    #[test]
    fn lines() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
        let text = "a\n\nbc\nd\n";
        let idx = LineIndex::new(text);
        for at in 0..text.len() + 3 {
            assert_eq!(idx.line(at), line_of(text, at), "{at}");
        }
    }
}
