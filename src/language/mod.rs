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
//! [`stem`] (Snowball Swedish, cached), [`stopwords`] and [`readability`](mod@readability).

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
    stem::with_cache(|cache| {
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
                    out.tokens
                        .push(make_token(text, r, sentence, swedish, cache));
                }
                first = end;
            }
        }
    });
    out
}

fn make_token(
    text: &str,
    r: &tokenize::RawToken,
    sentence: usize,
    swedish: bool,
    cache: &mut stem::StemCache,
) -> Token {
    let (stem, stopword) = if swedish && r.kind == TokenKind::Word {
        let (stem, stop) = cache.lookup(r.span.slice(text));
        (Some(stem), stop)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Analyses `text` as one paragraph per blank-line-separated block.
    fn run(text: &str) -> Analysis {
        let paras: Vec<Span> = crate::clean::split_blocks(text)
            .iter()
            .map(|b| b.span)
            .collect();
        analyze(text, &paras, true)
    }

    fn texts(text: &str) -> Vec<&str> {
        run(text)
            .tokens
            .iter()
            .map(|t| t.span.slice(text))
            .collect()
    }

    fn kind_of(text: &str, tok: &str) -> Option<TokenKind> {
        run(text)
            .tokens
            .iter()
            .find(|t| t.span.slice(text) == tok)
            .map(|t| t.kind)
    }

    fn sentences(text: &str) -> Vec<&str> {
        run(text).sentences.iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn abbreviations_are_one_token_and_end_no_sentence() {
        for abbr in [
            "bl.a.", "t.ex.", "m.m.", "osv.", "dvs.", "s.k.", "ca.", "resp.", "fr.o.m.", "t.o.m.",
            "kl.", "nr", "jfr", "enl.", "p.g.a.", "f.d.", "t.f.", "ev.", "inkl.", "exkl.", "milj.",
            "kr.", "t. ex.", "t ex", "bl a", "d v s",
        ] {
            let text = format!("Kommunen har {abbr} nya rutiner för it-säkerheten.");
            let toks = texts(&text);
            assert!(toks.contains(&abbr), "{abbr}: {toks:?}");
            assert_eq!(sentences(&text).len(), 1, "{abbr}");
        }
    }

    #[test]
    fn initials_and_ordinals_end_no_sentence() {
        let text = "Enligt A. Svensson och K. A. Berg var det den 3. gången. Nu är det klart.";
        let toks = texts(text);
        assert!(
            toks.contains(&"A.") && toks.contains(&"K.") && toks.contains(&"3."),
            "{toks:?}"
        );
        assert_eq!(
            sentences(text),
            [
                "Enligt A. Svensson och K. A. Berg var det den 3. gången.",
                "Nu är det klart."
            ]
        );
    }

    #[test]
    fn list_closing_abbreviation_before_a_capital_ends_the_sentence() {
        let text = "Vi köpte datorer, skärmar osv. Sedan kom fakturan.";
        assert_eq!(
            sentences(text),
            ["Vi köpte datorer, skärmar osv.", "Sedan kom fakturan."]
        );
    }

    #[test]
    fn hyphenated_words_and_suspended_compounds() {
        let text = "Efter it-haverier och e-tjänster sa Per-Erik att 2000-talet kräver it- och digitaliseringsfrågor.";
        let toks = texts(text);
        for w in [
            "it-haverier",
            "e-tjänster",
            "Per-Erik",
            "2000-talet",
            "it-",
            "digitaliseringsfrågor",
        ] {
            assert!(toks.contains(&w), "{w}: {toks:?}");
        }
    }

    #[test]
    fn colon_inflections_stay_whole() {
        let toks = texts("CIO:ernas uppdrag är att SMS:a om IT:s framtid.");
        for w in ["CIO:ernas", "SMS:a", "IT:s"] {
            assert!(toks.contains(&w), "{w}: {toks:?}");
        }
    }

    #[test]
    fn numbers_dates_times_and_references_have_their_kinds() {
        let text = "Kostnaden steg 2,5 procent till 1 000 000 kronor kl. 07.30 den 2022-11-17 enligt lag (2018:218) och 3 § samt 50% av budgeten.";
        assert_eq!(kind_of(text, "2,5"), Some(TokenKind::Number));
        assert_eq!(kind_of(text, "1 000 000"), Some(TokenKind::Number));
        assert_eq!(kind_of(text, "07.30"), Some(TokenKind::Time));
        assert_eq!(kind_of(text, "2022-11-17"), Some(TokenKind::Date));
        assert_eq!(kind_of(text, "2018:218"), Some(TokenKind::Sfs));
        assert_eq!(kind_of(text, "3 §"), Some(TokenKind::Section));
        assert_eq!(kind_of(text, "50%"), Some(TokenKind::Percent));
        assert_eq!(sentences(text).len(), 1);
    }

    #[test]
    fn urls_emails_handles_and_hashtags_are_one_token() {
        let text = "Läs mer på https://www.digg.se/om-oss/rapport?id=3. Mejla info@kommun.se eller skriv till @DIGGse med #digitalisering, se även regeringen.se.";
        assert_eq!(
            kind_of(text, "https://www.digg.se/om-oss/rapport?id=3"),
            Some(TokenKind::Url)
        );
        assert_eq!(kind_of(text, "info@kommun.se"), Some(TokenKind::Email));
        assert_eq!(kind_of(text, "@DIGGse"), Some(TokenKind::Mention));
        assert_eq!(kind_of(text, "#digitalisering"), Some(TokenKind::Hashtag));
        assert_eq!(kind_of(text, "regeringen.se"), Some(TokenKind::Url));
        assert_eq!(sentences(text).len(), 2);
    }

    #[test]
    fn punctuation_marks_are_tokens_of_their_own() {
        let text = "– Det är ”svårt” och «nytt», sa hon — \"igen\" … 'kanske'.";
        let toks = texts(text);
        for p in ["–", "”", "«", "»", "—", "\"", "…", "'", ",", "."] {
            assert!(toks.contains(&p), "{p}: {toks:?}");
        }
        assert_eq!(kind_of(text, "–"), Some(TokenKind::Punct));
        assert_eq!(toks[0], "–");
    }

    #[test]
    fn soft_hyphens_zero_width_and_line_break_hyphenation() {
        let text = "En under\u{ad}sökning och en under\u{200b}sökning.\nEn under-\nsökning om it-\noch digitalisering.";
        let a = analyze(text, &[Span::new(0, text.len())], true);
        let words: Vec<(&str, Option<&str>)> = a
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| (t.span.slice(text), t.stem.as_deref()))
            .collect();
        assert!(
            words.contains(&("under\u{ad}sökning", Some("undersökning"))),
            "{words:?}"
        );
        assert!(
            words.contains(&("under\u{200b}sökning", Some("undersökning"))),
            "{words:?}"
        );
        assert!(
            words.contains(&("under-\nsökning", Some("undersökning"))),
            "{words:?}"
        );
        assert!(words.iter().any(|(w, _)| *w == "it-"), "{words:?}");
        assert!(words.iter().any(|(w, _)| *w == "och"), "{words:?}");
    }

    #[test]
    fn sentences_split_at_terminators_but_not_in_quotes_followed_by_speech_verbs() {
        let text = "Vad händer nu? Ingen vet! ”Varför då?” säger Anna Berg. ”Nej!”, svarar han… Sedan tystnad.";
        assert_eq!(
            sentences(text),
            [
                "Vad händer nu?",
                "Ingen vet!",
                "”Varför då?” säger Anna Berg.",
                "”Nej!”, svarar han…",
                "Sedan tystnad."
            ]
        );
    }

    #[test]
    fn headings_and_paragraph_ends_close_sentences() {
        let text = "Kompetens är en utmaning\nKommunerna saknar folk.\n\nDet gäller hela landet";
        assert_eq!(
            sentences(text),
            [
                "Kompetens är en utmaning",
                "Kommunerna saknar folk.",
                "Det gäller hela landet"
            ]
        );
    }

    #[test]
    fn stems_and_stopwords_only_for_words() {
        let text = "Kommunerna och regionerna betalade 2,5 miljoner på https://digg.se i dag.";
        let a = run(text);
        for t in &a.tokens {
            let s = t.span.slice(text);
            match t.kind {
                TokenKind::Word => assert!(t.stem.is_some(), "{s}"),
                _ => assert!(t.stem.is_none() && !t.stopword, "{s}"),
            }
        }
        let get = |w: &str| a.tokens.iter().find(|t| t.span.slice(text) == w).cloned();
        assert_eq!(
            get("Kommunerna").and_then(|t| t.stem).as_deref(),
            Some("kommun")
        );
        assert!(get("och").is_some_and(|t| t.stopword));
        assert!(get("på").is_some_and(|t| t.stopword));
        assert!(get("regionerna").is_some_and(|t| !t.stopword));
        // not Swedish: no stems, no stopwords
        let b = analyze(text, &[Span::new(0, text.len())], false);
        assert!(b.tokens.iter().all(|t| t.stem.is_none() && !t.stopword));
    }

    #[test]
    fn tokens_lie_in_their_sentences_and_paragraphs() {
        let text = "Rubrik utan punkt\nFörsta meningen. Andra meningen!\n\n– Citat här, säger hon.\n\nSista stycket";
        let a = run(text);
        for t in &a.tokens {
            assert!(a.sentences[t.sentence].contains(t.span));
        }
        assert!(
            a.tokens
                .windows(2)
                .all(|w| w[0].span.end <= w[1].span.start)
        );
        assert_eq!(a.sentences.len(), 5);
        // text outside the paragraphs gets no tokens
        let part = analyze(text, &[Span::new(0, 17)], true);
        assert!(part.tokens.iter().all(|t| t.span.end <= 17));
    }
}
