//! Sentence splitting over the tokens of one paragraph.
//!
//! A sentence ends at `.`, `!`, `?`, `…` (and runs of them) together with
//! the closing quotes and brackets right after, when the next token does
//! not start in lowercase (so "”Varför?” säger hon." stays one sentence),
//! and at the end of the paragraph. Abbreviations, initials and ordinals
//! carry their period inside the token and end no sentence, except the
//! list-closing ones ("osv.", "m.m.") before a capitalised word. A line
//! break inside a paragraph ends a sentence unless the next line starts in
//! lowercase: a title or heading line without final punctuation is its own
//! sentence, while a wrapped line is not cut.

use std::cell::OnceCell;
use std::collections::HashSet;

use super::TokenKind;
use super::abbreviations::Ending;
use super::stem::FxBuild;
use super::stopwords;
use super::tokenize::RawToken;

fn is_terminator(text: &str, t: &RawToken) -> bool {
    t.kind == TokenKind::Punct
        && (matches!(text.as_bytes()[t.span.start], b'.' | b'!' | b'?')
            || t.span.slice(text) == "…")
}

/// Whether `next` closes what `prev` ended: a closing quote or bracket, or
/// a straight quote glued to it.
fn is_closer(text: &str, prev: &RawToken, next: &RawToken) -> bool {
    if next.kind != TokenKind::Punct {
        return false;
    }
    // Swedish opens and closes quotes with the same marks (”, », ’), so a
    // quote closes only when glued to what it follows.
    let glued = prev.span.end == next.span.start;
    match next.span.slice(text) {
        ")" | "]" => true,
        "”" | "»" | "’" | "\"" | "'" | "“" | "«" => glued,
        _ => is_terminator(text, next) && glued,
    }
}

/// Whether `t` can start a new sentence: anything but a lowercase word or
/// a mark that continues the sentence.
fn can_start(text: &str, t: &RawToken) -> bool {
    let Some(c) = t.span.slice(text).chars().next() else {
        return false;
    };
    !(c.is_lowercase() || matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '%' | '-'))
}

/// A period followed by a lowercase word still ends the sentence when the
/// word before it is not a possible unknown abbreviation (it has four or
/// more characters, or is not a word): "... av de manliga. år 1970 ...".
fn period_before_lowercase(text: &str, toks: &[RawToken], k: usize) -> bool {
    if toks[k].span.slice(text) != "." || k == 0 || k + 1 >= toks.len() {
        return false;
    }
    let next = toks[k + 1].span.slice(text);
    if !next.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let prev = &toks[k - 1];
    prev.kind != TokenKind::Word || prev.span.slice(text).chars().count() >= 4
}

/// Words that are capitalised in running text (the formal "Ni", the
/// Roman numeral "I") and so do not signal a new sentence.
const CAPITALISED_ANYWHERE: &[&str] = &[
    "Dej", "Dig", "Din", "Dina", "Ditt", "Du", "Eder", "Er", "Era", "Ers", "Ert", "Ni",
];

/// Lowercase word forms of the whole text, collected on first use: a
/// capitalised word whose lowercase form occurs elsewhere in the text is a
/// common word, so its capital marks a sentence start (the document-level
/// case evidence of Kiss & Strunk's Punkt).
pub struct CaseEvidence<'a> {
    text: &'a str,
    toks: &'a [RawToken],
    lower: OnceCell<HashSet<&'a str, FxBuild>>,
}

impl<'a> CaseEvidence<'a> {
    /// Evidence from the tokens `toks` of `text`.
    pub fn new(text: &'a str, toks: &'a [RawToken]) -> Self {
        CaseEvidence {
            text,
            toks,
            lower: OnceCell::new(),
        }
    }

    /// Whether `word` (lowercased) occurs in lowercase in the text.
    fn seen_lowercase(&self, word: &str) -> bool {
        self.lower
            .get_or_init(|| {
                let mut set =
                    HashSet::with_capacity_and_hasher(self.toks.len() / 4, FxBuild::default());
                set.extend(
                    self.toks
                        .iter()
                        .filter(|t| t.kind == TokenKind::Word)
                        .map(|t| t.span.slice(self.text))
                        .filter(|w| w.starts_with(char::is_lowercase)),
                );
                set
            })
            .contains(word)
    }
}

/// A sentence start without punctuation before it, as after a heading run
/// into its text ("Giftemål När man ska gifta sig ..."): a word, then a
/// capitalised word that is a function word, or a common word (seen in
/// lowercase elsewhere in the text) after a content word. Swedish
/// capitalises only names and sentence starts. A capitalised word
/// followed by another capitalised word is taken for a name ("Vi
/// Föräldrar").
fn unpunctuated_start(
    text: &str,
    toks: &[RawToken],
    k: usize,
    evidence: &CaseEvidence<'_>,
) -> bool {
    let (prev, next) = (&toks[k], &toks[k + 1]);
    if !matches!(prev.kind, TokenKind::Word | TokenKind::Number)
        || next.kind != TokenKind::Word
        || prev.abbrev.is_some()
    {
        return false;
    }
    let w = next.span.slice(text);
    let mut chars = w.chars();
    if !chars.next().is_some_and(char::is_uppercase) || chars.any(|c| !c.is_lowercase()) {
        return false;
    }
    if CAPITALISED_ANYWHERE.contains(&w) {
        return false;
    }
    if toks.get(k + 2).is_some_and(|t| {
        t.kind == TokenKind::Word && t.span.slice(text).starts_with(char::is_uppercase)
    }) {
        return false;
    }
    let p = prev.span.slice(text);
    // "I" is a preposition after a lowercase word, a numeral after a name
    if w == "I" && !p.starts_with(char::is_lowercase) {
        return false;
    }
    // after a function word the capital is a name's ("av Andra världskriget");
    // after a capitalised word inside a paragraph, a name's second part
    let p_lower = p.to_lowercase();
    if stopwords::is_stopword(&p_lower) || (k > 0 && p.starts_with(char::is_uppercase)) {
        return false;
    }
    let lower = w.to_lowercase();
    if stopwords::is_stopword(&lower) || SENTENCE_OPENERS.binary_search(&lower.as_str()).is_ok() {
        return true;
    }
    prev.kind == TokenKind::Word
        && toks.get(k + 2).is_some_and(|t| {
            let a = t.span.slice(text);
            a.starts_with(char::is_lowercase) && !FOREIGN_NAME_LINKS.contains(&a)
        })
        && evidence.seen_lowercase(&lower)
}

/// Lowercase words inside foreign names ("Bank of Scotland").
const FOREIGN_NAME_LINKS: &[&str] = &[
    "af", "and", "da", "de", "del", "der", "des", "di", "du", "la", "le", "of", "the", "van", "von",
];

/// Words other than stopwords that often open a Swedish sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "alltså",
    "båda",
    "dessutom",
    "enligt",
    "flera",
    "flesta",
    "få",
    "många",
    "några",
    "samtidigt",
    "såväl",
    "tidigare",
    "tvärtom",
    "vissa",
    "ändå",
];

fn line_break_between(text: &str, a: &RawToken, b: &RawToken) -> bool {
    text.as_bytes()[a.span.end..b.span.start].contains(&b'\n')
}

/// Splits the tokens of one paragraph into sentences: returns, for each
/// sentence, the index (into `toks`) one past its last token.
pub fn split(text: &str, toks: &[RawToken], evidence: &CaseEvidence<'_>, ends: &mut Vec<usize>) {
    let n = toks.len();
    let mut k = 0;
    while k < n {
        let t = &toks[k];
        let mut last = k;
        let mut boundary = false;
        if is_terminator(text, t) {
            while last + 1 < n && is_closer(text, &toks[last], &toks[last + 1]) {
                last += 1;
            }
            boundary = last + 1 >= n
                || can_start(text, &toks[last + 1])
                || (last == k && period_before_lowercase(text, toks, k));
        } else if t.abbrev == Some(Ending::MayEnd) && k + 1 < n {
            let next = toks[k + 1].span.slice(text);
            boundary = next
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        }
        if !boundary && last + 1 < n && unpunctuated_start(text, toks, last, evidence) {
            boundary = true;
        }
        if !boundary && last + 1 < n && line_break_between(text, &toks[last], &toks[last + 1]) {
            let next = &toks[last + 1];
            boundary = can_start(text, next) || next.kind == TokenKind::Punct;
        }
        if boundary || last + 1 >= n {
            ends.push(last + 1);
        }
        k = last + 1;
    }
}
