//! Themes stage: tags codebook themes in a tokenised text.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::language::{Token, TokenKind};
use crate::span::Span;

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
    /// The terms as written in the codebook.
    pub terms: Vec<String>,
    stems: Vec<String>,
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

/// A compiled codebook.
#[derive(Debug, Clone)]
pub struct Codebook {
    themes: Vec<ThemeDef>,
    hash: String,
}

/// The built-in codebook's TOML source.
pub const DEFAULT_CODEBOOK: &str = include_str!("default.toml");

#[derive(Deserialize)]
struct TomlBook {
    theme: Vec<TomlTheme>,
}

#[derive(Deserialize)]
struct TomlTheme {
    id: String,
    label: Option<String>,
    terms: Vec<String>,
}

impl Codebook {
    /// The built-in default codebook.
    pub fn builtin() -> Codebook {
        Self::from_toml(DEFAULT_CODEBOOK, Path::new("<built-in>"))
            .expect("built-in codebook is valid")
    }

    /// Loads a codebook file.
    pub fn load(path: &Path) -> Result<Codebook> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_toml(&text, path)
    }

    /// Parses a codebook in svtext's TOML format.
    pub fn from_toml(text: &str, path: &Path) -> Result<Codebook> {
        let book: TomlBook = toml::from_str(text).map_err(|e| Error::Codebook {
            path: PathBuf::from(path),
            line: None,
            reason: e.to_string(),
        })?;
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Swedish);
        let themes = book
            .theme
            .into_iter()
            .map(|t| ThemeDef {
                label: t.label.unwrap_or_else(|| t.id.clone()),
                id: t.id,
                stems: t
                    .terms
                    .iter()
                    .map(|w| stemmer.stem(&w.to_lowercase()).into_owned())
                    .collect(),
                terms: t.terms,
            })
            .collect();
        let hash = crate::ingest::sha256_hex(text.as_bytes());
        Ok(Codebook { themes, hash })
    }

    /// The themes, in codebook order.
    pub fn themes(&self) -> &[ThemeDef] {
        &self.themes
    }

    /// SHA-256 of the codebook source, lowercase hex.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// Finds every hit of every theme in a tokenised text.
    pub fn tag(&self, _text: &str, tokens: &[Token], _sentences: &[Span]) -> Vec<ThemeHit> {
        let mut hits = Vec::new();
        for tok in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let Some(stem) = &tok.stem else { continue };
            for (i, theme) in self.themes.iter().enumerate() {
                if let Some(j) = theme.stems.iter().position(|s| **s == **stem) {
                    hits.push(ThemeHit {
                        theme: i,
                        span: tok.span,
                        term: theme.terms[j].clone(),
                        kind: MatchKind::Word,
                        sentence: tok.sentence,
                    });
                }
            }
        }
        hits
    }
}
