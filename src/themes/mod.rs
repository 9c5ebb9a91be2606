//! Themes stage: tags codebook themes in a tokenised text.
//!
//! A codebook is a list of themes, each with terms and exclusions. Codebooks
//! come in three formats, picked by file extension: svtext's own TOML
//! ([`toml_format`]), quanteda-style YAML ([`yaml_format`]) and LIWC-style
//! `.dic` ([`liwc`]). All are validated ([`spec`]) and compiled into one
//! [`matcher::Matcher`] when loaded.
//!
//! A term matches
//! * its inflected forms: the term as written, or without a final -a/-e,
//!   followed by a Swedish inflection ending ("kompetens-en", "fråg-orna",
//!   "lita-de"); explicit globs (`kompetens*`) and alternatives
//!   (`ta|tar|tog ansvar`) are there for everything else;
//! * as a part of a compound ("digitaliserings-ansvar", "ansvars-frågan",
//!   "it-kompetens"), whether head or first part, with a linking letter,
//!   where what remains of the word is itself a plausible Swedish word
//!   according to the [`lexicon`] (unless the term says `compound = false`;
//!   terms of fewer than four letters never match inside compounds);
//! * as a phrase: its words in order with at most `gap` words between them,
//!   within one sentence.
//!
//! Exclusions block the hits of their theme that they overlap; within one
//! theme hits never overlap (the longest match wins).

pub mod gold;
pub mod lexicon;
pub mod liwc;
pub mod matcher;
pub mod review;
pub mod spec;
pub mod toml_format;
pub mod yaml_format;

#[cfg(test)]
mod builtin_tests;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::language::Token;
use crate::span::Span;
pub use matcher::Blocked;

/// How a hit matched its term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// The word itself or an inflection of it.
    Word,
    /// The term is a part of a compound word.
    Compound,
    /// A multi-word term.
    Phrase,
}

impl MatchKind {
    /// The name used in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Word => "word",
            MatchKind::Compound => "compound",
            MatchKind::Phrase => "phrase",
        }
    }
}

/// One theme of a codebook.
#[derive(Debug, Clone)]
pub struct ThemeDef {
    /// The theme id used in the output.
    pub id: String,
    /// Human-readable label.
    pub label: String,
    /// What the theme covers, when the codebook says.
    pub description: Option<String>,
    /// The terms as written in the codebook.
    pub terms: Vec<String>,
    /// The exclusions as written in the codebook.
    pub exclude: Vec<String>,
}

/// One place where a theme's term matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeHit {
    /// Index of the theme in [`Codebook::themes`].
    pub theme: usize,
    /// Byte span of the matched text.
    pub span: Span,
    /// The codebook term that matched.
    pub term: String,
    /// How it matched.
    pub kind: MatchKind,
    /// Index of the sentence it lies in.
    pub sentence: usize,
}

/// Whether a term word (alternatives joined by `|`) is beyond what the
/// lexicon can judge: some alternative is shorter than its words (three
/// letters), or is hyphenated with every part known ("it-säkerhet").
fn lexicon_cannot_judge(word: &str) -> bool {
    word.split('|').any(|alt| {
        let alt = alt.to_lowercase();
        alt.chars().count() < 3
            || (alt.contains('-')
                && alt
                    .split('-')
                    .all(|p| p.chars().count() < 3 || lexicon::contains(p)))
    })
}

/// A codebook term (or exclusion) that matches no word of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnknownTerm {
    /// The theme id.
    pub theme: String,
    /// The term as written.
    pub term: String,
    /// Whether it is an exclusion.
    pub exclusion: bool,
    /// Its words (alternatives as written) that match no lexicon word.
    pub words: Vec<String>,
}

/// A compiled codebook.
#[derive(Debug, Clone)]
pub struct Codebook {
    themes: Vec<ThemeDef>,
    specs: Vec<spec::ThemeSpec>,
    hash: String,
    source: PathBuf,
    matcher: matcher::Matcher,
}

/// The built-in codebook's TOML source.
pub const DEFAULT_CODEBOOK: &str = include_str!("default.toml");

impl Codebook {
    /// The built-in default codebook.
    pub fn builtin() -> Codebook {
        Self::from_toml(DEFAULT_CODEBOOK, Path::new("<built-in>"))
            .expect("built-in codebook is valid")
    }

    /// Loads a codebook file; the format follows the extension: `.toml`
    /// (svtext), `.yaml`/`.yml` (quanteda), `.dic` (LIWC). Errors name the
    /// file and, where there is one, the line.
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("mitt.yml");
    /// std::fs::write(&path, "digitalisering:\n  - e-tjänst*\n  - digitaliser*\n").unwrap();
    /// let book = svtext::Codebook::load(&path)?;
    /// assert_eq!(book.themes()[0].id, "digitalisering");
    /// let bad = dir.path().join("fel.toml");
    /// std::fs::write(&bad, "[[theme]]\nid = 1\n").unwrap();
    /// let e = svtext::Codebook::load(&bad).unwrap_err().to_string();
    /// assert!(e.contains("fel.toml:2"), "{e}");
    /// # Ok::<(), svtext::Error>(())
    /// ```
    pub fn load(path: &Path) -> Result<Codebook> {
        let bytes = std::fs::read(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8(bytes)
            .map_err(|e| spec::error(path, None, format!("the file is not UTF-8 ({e})")))?;
        Self::parse(&text, path)
    }

    /// Parses codebook `text`, in the format `path`'s extension names.
    pub fn parse(text: &str, path: &Path) -> Result<Codebook> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let themes = match ext.as_str() {
            "toml" => toml_format::parse(text, path)?,
            "yaml" | "yml" => yaml_format::parse(text, path)?,
            "dic" => liwc::parse(text, path)?,
            _ => {
                return Err(spec::error(
                    path,
                    None,
                    format!(
                        "unknown codebook format {:?}: use .toml (svtext), .yaml/.yml (quanteda) or .dic (LIWC)",
                        if ext.is_empty() {
                            "(no extension)"
                        } else {
                            ext.as_str()
                        }
                    ),
                ));
            }
        };
        Self::compile(text, path, themes)
    }

    /// Parses a codebook in svtext's TOML format.
    pub fn from_toml(text: &str, path: &Path) -> Result<Codebook> {
        let themes = toml_format::parse(text, path)?;
        Self::compile(text, path, themes)
    }

    fn compile(text: &str, path: &Path, themes: Vec<spec::ThemeSpec>) -> Result<Codebook> {
        spec::validate(path, &themes)?;
        let matcher = matcher::Matcher::build(&themes);
        let specs = themes.clone();
        let themes = themes
            .into_iter()
            .map(|t| ThemeDef {
                id: t.id,
                label: t.label,
                description: t.description,
                terms: t.terms.into_iter().map(|x| x.text).collect(),
                exclude: t.exclude.into_iter().map(|x| x.text).collect(),
            })
            .collect();
        Ok(Codebook {
            themes,
            specs,
            hash: crate::ingest::sha256_hex(text.as_bytes()),
            source: path.to_path_buf(),
            matcher,
        })
    }

    /// The themes, in codebook order.
    pub fn themes(&self) -> &[ThemeDef] {
        &self.themes
    }

    /// The file the codebook was read from (`<built-in>` for the default).
    pub fn source(&self) -> &Path {
        &self.source
    }

    /// SHA-256 of the codebook source, lowercase hex.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// Finds every hit of every theme in a tokenised text: sorted by
    /// (start, theme), never overlapping within one theme. `tokens` are the
    /// language stage's tokens of `text`; their `sentence` gives the hit's
    /// sentence.
    pub fn tag(&self, text: &str, tokens: &[Token]) -> Vec<ThemeHit> {
        self.matcher.tag(text, tokens)
    }

    /// [`Codebook::tag`], and the candidate hits that exclusions blocked
    /// (what `svtext codebook test` counts for each exclusion).
    pub fn tag_explained(&self, text: &str, tokens: &[Token]) -> (Vec<ThemeHit>, Vec<Blocked>) {
        let mut blocked = Vec::new();
        let hits = self.matcher.tag_explained(text, tokens, &mut blocked);
        (hits, blocked)
    }

    /// The terms and exclusions that match no word form of the lexicon
    /// (the crate's lexicon, `data/lexicon.txt`; case is ignored), with the words of each that match
    /// none: likely misspellings ("kompetns"), or words too rare or too new
    /// for the lexicon's texts. In codebook order.
    pub fn unknown_to_lexicon(&self) -> Vec<UnknownTerm> {
        let folded: Vec<spec::ThemeSpec> = self
            .specs
            .iter()
            .map(|t| {
                let fold = |x: &spec::TermSpec| spec::TermSpec {
                    case_sensitive: false,
                    ..x.clone()
                };
                spec::ThemeSpec {
                    terms: t.terms.iter().map(fold).collect(),
                    exclude: t.exclude.iter().map(fold).collect(),
                    ..t.clone()
                }
            })
            .collect();
        let m = matcher::Matcher::build(&folded);
        let seen = m.positions_matched(lexicon::words());
        m.terms()
            .iter()
            .zip(seen)
            .filter_map(|(t, bits)| {
                let words: Vec<String> = t
                    .text
                    .split_whitespace()
                    .enumerate()
                    .filter(|&(i, w)| bits & (1 << i.min(63)) == 0 && !lexicon_cannot_judge(w))
                    .map(|(_, w)| w.to_string())
                    .collect();
                (!words.is_empty()).then(|| UnknownTerm {
                    theme: self.themes[t.theme as usize].id.clone(),
                    term: t.text.clone(),
                    exclusion: t.exclude,
                    words,
                })
            })
            .collect()
    }

    /// A human listing of the codebook: each theme with its term counts
    /// (what `svtext codebook check FILE` prints).
    pub fn report(&self) -> String {
        let mut out = String::new();
        let terms: usize = self.themes.iter().map(|t| t.terms.len()).sum();
        let excl: usize = self.themes.iter().map(|t| t.exclude.len()).sum();
        let _ = writeln!(
            out,
            "codebook {}: OK, {} themes, {} terms, {} exclusions",
            self.source.display(),
            self.themes.len(),
            terms,
            excl
        );
        let _ = writeln!(out, "sha256 {}", self.hash);
        let w = self
            .themes
            .iter()
            .map(|t| t.id.chars().count())
            .max()
            .unwrap_or(2)
            .max(2);
        let _ = writeln!(
            out,
            "{:<w$}  {:>5}  {:>5}  {:>7}  {:>5}  {:>7}  label",
            "id", "terms", "words", "phrases", "globs", "exclude"
        );
        for t in &self.themes {
            let phrases = t
                .terms
                .iter()
                .filter(|x| x.split_whitespace().count() > 1)
                .count();
            let globs = t.terms.iter().filter(|x| x.contains(['*', '?'])).count();
            let _ = writeln!(
                out,
                "{:<w$}  {:>5}  {:>5}  {:>7}  {:>5}  {:>7}  {}",
                t.id,
                t.terms.len(),
                t.terms.len() - phrases,
                phrases,
                globs,
                t.exclude.len(),
                t.label
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::analyze;

    fn book(toml: &str) -> Codebook {
        Codebook::parse(toml, Path::new("t.toml")).unwrap()
    }

    /// (theme id, surface, kind, term) of every hit, after checking offsets
    /// by slicing.
    fn hits(cb: &Codebook, text: &str) -> Vec<(String, String, &'static str, String)> {
        let a = analyze(text, &[Span::new(0, text.len())], true);
        cb.tag(text, &a.tokens)
            .into_iter()
            .map(|h| {
                let s = text
                    .get(h.span.start..h.span.end)
                    .expect("span on char boundaries");
                (
                    cb.themes()[h.theme].id.clone(),
                    s.to_string(),
                    h.kind.as_str(),
                    h.term,
                )
            })
            .collect()
    }

    fn surfaces(cb: &Codebook, text: &str) -> Vec<String> {
        hits(cb, text).into_iter().map(|h| h.1).collect()
    }

    const ONE: &str = "[[theme]]\nid = \"t\"\nterms = [";

    fn one(terms: &str) -> Codebook {
        book(&format!("{ONE}{terms}]\n"))
    }

    #[test]
    fn inflections_match_without_derivations() {
        let cb = one("\"kompetens\", \"ansvar\", \"fråga\"");
        assert_eq!(
            surfaces(
                &cb,
                "Kompetensen och kompetenser, ansvaret, ansvarar, frågor och frågan."
            ),
            [
                "Kompetensen",
                "kompetenser",
                "ansvaret",
                "ansvarar",
                "frågor",
                "frågan"
            ]
        );
        let el = one("\"skattemedel\", \"regel\"");
        assert_eq!(
            surfaces(
                &el,
                "Skattemedlen, skattemedel, reglerna och regeln; men inte medla eller regla."
            ),
            ["Skattemedlen", "skattemedel", "reglerna", "regeln"]
        );
        // Derivations are other words: list them if they belong.
        assert!(surfaces(&cb, "Hon är ansvarig och kompetent.").is_empty());
    }

    #[test]
    fn compounds_head_and_first_part_with_linking_letters() {
        let cb =
            one("\"ansvar\", \"tillit\", \"kompetensförsörjning\", \"kompetens\", \"förtroende\"");
        let h = hits(
            &cb,
            "Digitaliseringsansvar, ansvarsfrågan, tillitsbaserad, kompetensförsörjningen, it-kompetens och förtroendefrågan.",
        );
        let got: Vec<(&str, &str, &str)> = h
            .iter()
            .map(|x| (x.1.as_str(), x.2, x.3.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Digitaliseringsansvar", "compound", "ansvar"),
                ("ansvarsfrågan", "compound", "ansvar"),
                ("tillitsbaserad", "compound", "tillit"),
                // the longer, whole-word term wins over the compound of "kompetens"
                ("kompetensförsörjningen", "word", "kompetensförsörjning"),
                ("it-kompetens", "compound", "kompetens"),
                ("förtroendefrågan", "compound", "förtroende"),
            ]
        );
    }

    #[test]
    fn compound_guard_needs_plausible_leftovers() {
        let cb = one("\"tillit\", \"ansvar\", \"ekonomi\"");
        // "ekonomisk": the leftover "sk" is no word; "xqzansvar": "xqz" is no word.
        assert!(surfaces(&cb, "En ekonomisk fråga om xqzansvar och tillitqvx.").is_empty());
        let off = one("{ term = \"ansvar\", compound = false }");
        assert!(surfaces(&off, "Digitaliseringsansvaret och ansvarsfrågan.").is_empty());
        assert_eq!(surfaces(&off, "Ansvaret."), ["Ansvaret"]);
    }

    #[test]
    fn short_terms_do_not_hit_inside_other_words() {
        let cb = one("\"lita\"");
        assert!(
            surfaces(
                &cb,
                "Politiker, elitidrott, Litauen, lite, liten och litet."
            )
            .is_empty()
        );
        assert_eq!(
            surfaces(&cb, "Vi litar på dem, litade och lita."),
            ["litar", "litade", "lita"]
        );
    }

    #[test]
    fn phrases_with_inflection_and_gaps() {
        let cb =
            one("\"ta|tar|tog ansvar\", \"brist på personal\", { term = \"lita på\", gap = 1 }");
        let h = hits(
            &cb,
            "Hon tar sitt ansvar. Bristen på utbildad personal. Kan man inte lita på dem?",
        );
        let got: Vec<(&str, &str)> = h.iter().map(|x| (x.1.as_str(), x.2)).collect();
        assert_eq!(
            got,
            [
                ("tar sitt ansvar", "phrase"),
                ("Bristen på utbildad personal", "phrase"),
                ("lita på", "phrase")
            ]
        );
        // gap 1 allows one word between, not three
        assert_eq!(surfaces(&cb, "Vi kan lita helt på dem."), ["lita helt på"]);
        assert!(surfaces(&cb, "Vi kan lita helt och fullt på dem.").is_empty());
        // a phrase never crosses a sentence end or punctuation
        assert!(surfaces(&cb, "Vi tar. Ansvar är viktigt.").is_empty());
        assert!(surfaces(&cb, "Brist, på personal.").is_empty());
    }

    #[test]
    fn exclusions_block_hits_of_their_theme_only() {
        let cb = book(
            "[[theme]]\nid = \"ansvar\"\nterms = [\"ansvarig\", \"ansvar\"]\nexclude = [\"ansvarig utgivare\"]\n\
             [[theme]]\nid = \"press\"\nterms = [\"utgivare\"]\n",
        );
        let h = hits(
            &cb,
            "Ansvarig utgivare är Eva. Den ansvariga nämnden tar ansvar.",
        );
        let got: Vec<(&str, &str)> = h.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            got,
            [
                ("press", "utgivare"),
                ("ansvar", "ansvariga"),
                ("ansvar", "ansvar")
            ]
        );
    }

    #[test]
    fn sentence_exclusions_block_their_theme_in_the_whole_sentence() {
        let cb = book(
            "[[theme]]\nid = \"k\"\nterms = [\"rekrytera\", \"personal\"]\n\
             exclude = [{ term = \"gäng\", sentence = true, compound = false }]\n\
             [[theme]]\nid = \"b\"\nterms = [\"barn\"]\n",
        );
        let h = hits(
            &cb,
            "Gäng vill rekrytera barn som personal. Kommunen ska rekrytera personal.",
        );
        let got: Vec<(&str, &str)> = h.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        // the first sentence keeps only the other theme's hit
        assert_eq!(got, [("b", "barn"), ("k", "rekrytera"), ("k", "personal")]);
        assert_eq!(h[1].1, "rekrytera");
        let (_, blocked) = {
            let text = "Gäng vill rekrytera barn som personal.";
            let a = analyze(text, &[Span::new(0, text.len())], true);
            cb.tag_explained(text, &a.tokens)
        };
        let b: Vec<(&str, &str)> = blocked
            .iter()
            .map(|b| (b.term.as_str(), b.exclusion.as_str()))
            .collect();
        assert_eq!(b, [("rekrytera", "gäng"), ("personal", "gäng")]);
        // `sentence` is for exclusions only
        let e = Codebook::parse(
            "[[theme]]\nid = \"k\"\nterms = [{ term = \"x\", sentence = true }]\n",
            Path::new("t.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("`sentence` applies to exclusions only"), "{e}");
    }

    #[test]
    fn terms_unknown_to_the_lexicon() {
        let cb = book(
            "[[theme]]\nid = \"k\"\nterms = [\"kompetns\", \"kompetens\", \"brist på personal\", \
             \"it-kompetens\", { term = \"AI\", case_sensitive = true }, \"rekryter*\", \"xq* personal\"]\n\
             exclude = [\"kompetenstvistqq\"]\n",
        );
        let unknown = cb.unknown_to_lexicon();
        let u: Vec<(&str, bool, Vec<&str>)> = unknown
            .iter()
            .map(|u| {
                (
                    u.term.as_str(),
                    u.exclusion,
                    u.words.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            u,
            [
                ("kompetns", false, vec!["kompetns"]),
                ("xq* personal", false, vec!["xq*"]),
                ("kompetenstvistqq", true, vec!["kompetenstvistqq"]),
            ]
        );
    }

    #[test]
    fn case_sensitive_acronyms() {
        let cb = one(
            "{ term = \"AI\", case_sensitive = true }, { term = \"RPA\", case_sensitive = true }",
        );
        let h = hits(
            &cb,
            "AI och AI:n, AI-stödet och RPA. Men inte AIK, ai, Rpa eller MAIL.",
        );
        let got: Vec<(&str, &str)> = h.iter().map(|x| (x.1.as_str(), x.2)).collect();
        assert_eq!(
            got,
            [
                ("AI", "word"),
                ("AI:n", "word"),
                ("AI-stödet", "compound"),
                ("RPA", "word")
            ]
        );
    }

    #[test]
    fn globs_and_alternatives() {
        let cb = one("\"kompetens*\", { term = \"*säkerhet*\", compound = false }, \"lit?\"");
        assert_eq!(
            surfaces(&cb, "Kompetensen, it-säkerheten, lite och liten."),
            ["Kompetensen", "it-säkerheten", "lite"]
        );
    }

    #[test]
    fn contains_globs_short_multibyte_and_repeated() {
        let cb = one("\"*å*\", \"*säkerhet*\", \"*ab*\"");
        assert_eq!(
            surfaces(&cb, "Åtgärd, säkerhetssäkerhet, xabab, ok, a, b, ba."),
            ["Åtgärd", "säkerhetssäkerhet", "xabab"]
        );
    }

    #[test]
    fn longest_match_wins_and_hits_are_sorted() {
        let cb = book(
            "[[theme]]\nid = \"a\"\nterms = [\"ansvar\", \"ta ansvar\"]\n[[theme]]\nid = \"b\"\nterms = [\"ansvar\"]\n",
        );
        let h = hits(&cb, "Vi ska ta ansvar.");
        let got: Vec<(&str, &str)> = h.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(got, [("a", "ta ansvar"), ("b", "ansvar")]);
    }

    #[test]
    fn formats_by_extension() {
        let yaml =
            Codebook::parse("ansvar:\n  - ansvar*\n  - ta ansvar\n", Path::new("d.yaml")).unwrap();
        assert_eq!(
            surfaces(&yaml, "Ansvaret, ta ansvar, digitaliseringsansvar."),
            ["Ansvaret", "ta ansvar"]
        );
        let dic = Codebook::parse("%\n1\tansvar\n%\nansvar*\t1\n", Path::new("d.dic")).unwrap();
        assert_eq!(dic.themes()[0].id, "ansvar");
        assert_eq!(surfaces(&dic, "Ansvarsfrågan."), ["Ansvarsfrågan"]);
        let e = Codebook::parse("x", Path::new("d.json")).unwrap_err();
        assert!(e.to_string().contains("unknown codebook format"), "{e}");
    }

    #[test]
    fn load_reports_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.toml");
        std::fs::write(
            &p,
            "[[theme]]\nid = \"a\"\nterms = [\"x\"]\n[[theme]]\nid = \"a\"\nterms = [\"y\"]\n",
        )
        .unwrap();
        let e = Codebook::load(&p).unwrap_err().to_string();
        assert!(
            e.contains("bad.toml:4: duplicate theme id \"a\" (first defined on line 1)"),
            "{e}"
        );
        let e = Codebook::load(&dir.path().join("missing.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("cannot read"), "{e}");
    }

    #[test]
    fn builtin_is_valid_and_reported() {
        let cb = Codebook::builtin();
        let ids: Vec<&str> = cb.themes().iter().map(|t| t.id.as_str()).collect();
        for id in ["kompetensförsörjning", "ansvar", "tillit"] {
            assert!(ids.contains(&id), "{id} missing");
        }
        assert_eq!(cb.hash().len(), 64);
        let r = cb.report();
        eprintln!("{r}");
        assert!(r.contains(&format!("OK, {} themes", ids.len())), "{r}");
        assert!(r.lines().any(|l| l.starts_with("tillit ")), "{r}");
        assert_eq!(
            cb.hash(),
            Codebook::parse(DEFAULT_CODEBOOK, Path::new("x.toml"))
                .unwrap()
                .hash()
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        let cb = Codebook::builtin();
        for text in [
            "",
            "-",
            "--ansvar--",
            "İstanbul ANSVAR ǅ",
            "a:b:c",
            "ansvar-",
            "-it-",
            "e-",
            "x\u{301}ansvar",
        ] {
            let _ = hits(&cb, text);
        }
    }
}

#[cfg(test)]
mod prop {
    use super::*;
    use crate::language::analyze;
    use proptest::prelude::*;

    proptest! {
        /// On any text: no panic, spans on char boundaries, sorted, no
        /// overlap within a theme.
        #[test]
        fn tagging_any_text_is_well_formed(text in "[a-zåäöA-ZÅÄÖ:\\- .,!?é\u{301}İ0-9]{0,80}") {
            let cb = Codebook::builtin();
            let a = analyze(&text, &[Span::new(0, text.len())], true);
            let hits = cb.tag(&text, &a.tokens);
            for h in &hits {
                prop_assert!(text.get(h.span.start..h.span.end).is_some());
            }
            for w in hits.windows(2) {
                prop_assert!((w[0].span.start, w[0].theme) <= (w[1].span.start, w[1].theme));
                if w[0].theme == w[1].theme {
                    prop_assert!(w[0].span.end <= w[1].span.start);
                }
            }
        }
    }
}
