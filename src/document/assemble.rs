//! Assembly: the stages' typed results become one [`Document`], with
//! every byte offset of the library turned into the code point offsets of
//! the JSON, hits grouped by theme, and each speaker's hits counted.
//! Nothing here analyses: it is the one place where a document is built.

use std::collections::BTreeMap;

use super::{
    CompactString, Document, Hit, Language, Mention, Paragraph, Quote, Readability, SCHEMA_VERSION,
    Sentence, Speaker, Theme, Token,
};
use crate::clean::Cleaned;
use crate::ingest::RawDoc;
use crate::language::{Analysis, LanguageInfo};
use crate::span::{CharCursor, CharOffsets, Span};
use crate::speakers::Speakers;
use crate::themes::{Codebook, ThemeHit};

/// What the stages found for one document.
pub struct Stages<'a> {
    /// The input.
    pub raw: &'a RawDoc,
    /// Cleaning's text, blocks, metadata and removed pieces.
    pub cleaned: &'a Cleaned,
    /// The language.
    pub language: LanguageInfo,
    /// Tokens and sentences.
    pub analysis: &'a Analysis,
    /// Readability of the text.
    pub readability: Readability,
    /// The codebook's hits.
    pub hits: &'a [ThemeHit],
    /// Speakers and each paragraph's kind and speaker.
    pub speakers: &'a Speakers,
    /// Things the user should know.
    pub warnings: Vec<String>,
}

/// A speaker's id in the document: `S1`, `S2`, ...
fn speaker_id(i: usize) -> String {
    format!("S{}", i + 1)
}

/// Builds the document from the stages' results.
pub fn assemble(st: Stages, codebook: &Codebook) -> Document {
    let text = &st.cleaned.text;
    let map = CharOffsets::new(text);
    let mut metadata = st.cleaned.metadata.clone();
    metadata.fields = st.raw.fields.clone();
    let (themes, speaker_themes) = document_themes(
        codebook,
        st.hits,
        text,
        &map,
        st.speakers,
        st.readability.words,
    );
    Document {
        schema_version: SCHEMA_VERSION.to_string(),
        id: st.raw.id.clone(),
        source: st.raw.source.clone(),
        language: Language {
            code: st.language.code.map(str::to_string),
            confidence: st.language.confidence,
            reliable: st.language.reliable,
        },
        metadata,
        text: text.clone(),
        removed: st.cleaned.removed.clone(),
        paragraphs: paragraphs(st.cleaned, st.speakers, &map),
        sentences: sentences(text, st.analysis),
        tokens: tokens(text, st.analysis),
        themes,
        speakers: speakers(text, st.speakers, speaker_themes, &map),
        readability: st.readability,
        warnings: st.warnings,
    }
}

fn speakers(
    text: &str,
    found: &Speakers,
    speaker_themes: Vec<BTreeMap<String, usize>>,
    map: &CharOffsets,
) -> Vec<Speaker> {
    found
        .speakers
        .iter()
        .zip(speaker_themes)
        .enumerate()
        .map(|(i, (s, themes))| Speaker {
            id: speaker_id(i),
            name: s.name.clone(),
            roles: s.roles.clone(),
            organisations: s.organisations.clone(),
            mentions: s
                .mentions
                .iter()
                .map(|m| {
                    let (start, end) = map.span(*m);
                    Mention { start, end }
                })
                .collect(),
            quotes: s
                .quotes
                .iter()
                .map(|q| {
                    let (start, end) = map.span(q.span);
                    Quote {
                        start,
                        end,
                        text: q.span.slice(text).to_string(),
                        kind: q.kind.as_str().to_string(),
                        cue: q.cue.clone(),
                    }
                })
                .collect(),
            themes,
        })
        .collect()
}

fn paragraphs(cleaned: &Cleaned, found: &Speakers, map: &CharOffsets) -> Vec<Paragraph> {
    cleaned
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let (kind, speaker) = found.paragraphs.get(i).copied().unwrap_or((b.kind, None));
            let (start, end) = map.span(b.span);
            Paragraph {
                start,
                end,
                kind: kind.as_str().to_string(),
                speaker: speaker.map(speaker_id),
            }
        })
        .collect()
}

fn sentences(text: &str, analysis: &Analysis) -> Vec<Sentence> {
    let mut cursor = CharCursor::new(text);
    analysis
        .sentences
        .iter()
        .map(|s| {
            let (start, end) = cursor.span(*s);
            Sentence { start, end }
        })
        .collect()
}

fn tokens(text: &str, analysis: &Analysis) -> Vec<Token> {
    let mut cursor = CharCursor::new(text);
    analysis
        .tokens
        .iter()
        .map(|t| {
            let (start, end) = cursor.span(t.span);
            Token {
                text: CompactString::new(t.span.slice(text)),
                start,
                end,
                kind: std::borrow::Cow::Borrowed(t.kind.as_str()),
                stem: t.stem.clone(),
                stopword: t.stopword,
                sentence: t.sentence,
            }
        })
        .collect()
}

/// The document's themes from the codebook's hits (in codebook order, only
/// themes with hits), and for each speaker the number of hits per theme
/// that lie inside their quotes.
fn document_themes(
    codebook: &Codebook,
    hits: &[ThemeHit],
    text: &str,
    map: &CharOffsets,
    found: &Speakers,
    words: usize,
) -> (Vec<Theme>, Vec<BTreeMap<String, usize>>) {
    // Which speaker's quote each hit lies in.
    let hit_speaker = |span: Span| -> Option<usize> {
        found
            .speakers
            .iter()
            .position(|s| s.quotes.iter().any(|q| q.span.contains(span)))
    };
    let mut speaker_themes: Vec<BTreeMap<String, usize>> =
        vec![BTreeMap::new(); found.speakers.len()];
    let mut themes: Vec<Theme> = Vec::new();
    let words = words.max(1) as f64;
    for (ti, def) in codebook.themes().iter().enumerate() {
        let theme_hits: Vec<_> = hits.iter().filter(|h| h.theme == ti).collect();
        if theme_hits.is_empty() {
            continue;
        }
        let hits: Vec<Hit> = theme_hits
            .iter()
            .map(|h| {
                let speaker = hit_speaker(h.span);
                if let Some(s) = speaker {
                    *speaker_themes[s].entry(def.id.clone()).or_default() += 1;
                }
                let (start, end) = map.span(h.span);
                Hit {
                    text: h.span.slice(text).to_string(),
                    start,
                    end,
                    term: h.term.clone(),
                    match_kind: h.kind.as_str().to_string(),
                    sentence: h.sentence,
                    speaker: speaker.map(speaker_id),
                }
            })
            .collect();
        let count = hits.len();
        themes.push(Theme {
            id: def.id.clone(),
            label: def.label.clone(),
            count,
            per_1000_words: round2(count as f64 * 1000.0 / words),
            hits,
        });
    }
    (themes, speaker_themes)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
