//! Language stage: language detection, tokens, sentences, stems, stopwords
//! and readability for Swedish.
//!
//! All offsets are byte offsets into the cleaned text (see [`crate::span`]).
//! No function here changes the text or the offsets another stage made.
//!
//! The stages, each in its own file with its own tests:
//! [`tokenize`] (a character scanner, with [`abbreviations`]),
//! [`sentences`] (sentence ends over the tokens of a paragraph),
//! [`normalize`] (the form that is stemmed and looked up),
//! [`stem`] (Snowball Swedish, cached), [`stopwords`] and [`readability`].

pub mod abbreviations;
pub mod detect;
pub mod normalize;
pub mod readability;
pub mod sentences;
pub mod stem;
pub mod stopwords;
pub mod token;
pub mod tokenize;

pub use detect::{LanguageInfo, detect};
pub use readability::readability;
pub use token::{Token, TokenKind};

use crate::span::Span;

/// Tokens and sentences of one text.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order; every token lies in the sentence its `sentence` names.
    pub sentences: Vec<Span>,
}

/// Clamps `p` to `text` and to char boundaries.
fn clamp(text: &str, p: Span) -> Span {
    let mut s = p.start.min(text.len());
    let mut e = p.end.min(text.len()).max(s);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    Span::new(s, e)
}

/// Tokenises and sentence-splits `text`, whose paragraphs are `paragraphs`
/// (a sentence never crosses a paragraph end). With `swedish`, word tokens
/// get Snowball Swedish stems and stopword flags.
///
/// Text outside every paragraph gets no tokens. Paragraphs are taken in
/// text order; a paragraph overlapping an earlier one is cut to what
/// follows it.
pub fn analyze(text: &str, paragraphs: &[Span], swedish: bool) -> Analysis {
    let mut paras: Vec<Span> = paragraphs.iter().map(|p| clamp(text, *p)).collect();
    paras.sort();
    let mut out = Analysis {
        tokens: Vec::with_capacity(text.len() / 5),
        sentences: Vec::with_capacity(text.len() / 80),
    };
    let mut raw = Vec::with_capacity(text.len() / 5);
    let mut bounds = Vec::with_capacity(paras.len());
    let mut done = 0usize;
    for p in paras {
        let p = Span::new(p.start.max(done), p.end.max(done));
        done = p.end;
        if p.is_empty() {
            continue;
        }
        let first = raw.len();
        tokenize::tokenize_paragraph(text, p, &mut raw);
        bounds.push((first, raw.len()));
    }
    let evidence = sentences::CaseEvidence::new(text, &raw);
    let mut ends = Vec::with_capacity(16);
    for (a, b) in bounds {
        let toks = &raw[a..b];
        ends.clear();
        sentences::split(text, toks, &evidence, &mut ends);
        let mut first = 0;
        for &end in &ends {
            let sentence = out.sentences.len();
            out.sentences
                .push(Span::new(toks[first].span.start, toks[end - 1].span.end));
            for r in &toks[first..end] {
                out.tokens.push(make_token(text, r, sentence, swedish));
            }
            first = end;
        }
    }
    out
}

fn make_token(text: &str, r: &tokenize::RawToken, sentence: usize, swedish: bool) -> Token {
    let (stem, stopword) = if swedish && r.kind == TokenKind::Word {
        let norm = normalize::normalize_word(r.span.slice(text));
        (Some(stem::stem(&norm)), stopwords::is_stopword(&norm))
    } else {
        (None, false)
    };
    Token {
        span: r.span,
        kind: r.kind,
        stem,
        stopword,
        sentence,
    }
}
