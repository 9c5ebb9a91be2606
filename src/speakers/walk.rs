//! The walk over an article's paragraphs: each paragraph's features, and
//! the decision of whose speech it is.

use super::context::local_orgs;
use super::cues::{
    CueWords, INTERVIEWER, byline_start_re, contact_re, cue_words, is_first_person, label_re,
};
use super::explicit::explicit;
use super::names;
use super::persons::{Ctx, Mention, finish, word_count};
use super::quotes::{quote_pairs, trim_quote, trim_span};
use super::{QuoteKind, Speakers};
use crate::clean::{Block, BlockKind};
use crate::document::Metadata;
use crate::span::Span;
use std::collections::HashMap;

#[derive(Default)]
pub(super) struct Para {
    pub(super) span: Span,
    pub(super) kind: Option<BlockKind>,
    pub(super) mentions: Vec<Mention>,
    pub(super) marks: Vec<(Span, Span)>,
    pub(super) first_person: bool,
    pub(super) ends_q: bool,
    pub(super) dash: bool,
    pub(super) heading_like: bool,
    pub(super) name_only: Option<usize>,
    pub(super) byline: bool,
    pub(super) contact: bool,
    pub(super) cues: CueWords,
}

/// Runs attribution over a cleaned article.
pub(crate) fn run(
    text: &str,
    blocks: &[Block],
    sentences: &[Span],
    metadata: &Metadata,
) -> Speakers {
    let mut ctx = Ctx {
        text,
        sentences,
        persons: Vec::new(),
        order: Vec::new(),
        local_orgs: local_orgs(text),
        index: HashMap::default(),
    };
    let mut paras: Vec<Para> = Vec::with_capacity(blocks.len());
    for b in blocks {
        let valid = b.span.start <= b.span.end && text.get(b.span.start..b.span.end).is_some();
        if !valid {
            paras.push(Para {
                kind: None,
                ..Para::default()
            });
            continue;
        }
        let span = trim_span(text, b.span);
        let s = ctx.slice(span);
        let (ws, mixed) = names::words_marked(text, span);
        let cues = cue_words(text, span, &ws, &mixed);
        let mentions = ctx.mentions(span, &ws, &metadata.authors, cues);
        let marks = quote_pairs(text, span);
        let first_person = ws.iter().any(|w| {
            let word = w.slice(text);
            word.len() <= 5 && is_first_person(word) && !marks.iter().any(|(m, _)| m.contains(*w))
        });
        let ends_q = s.trim_end_matches(['”', '"', '»', ' ']).ends_with('?');
        let dash = s.starts_with('–') || s.starts_with('—') || s.starts_with("- ");
        let last_char = s.chars().last();
        let heading_like =
            !dash && !last_char.is_some_and(|c| ".!?:;”\"»…)".contains(c)) && word_count(s) <= 10;
        let name_only = mentions.first().and_then(|m| {
            let rest = text.get(m.span.end..span.end).unwrap_or("x");
            let ok = m.span.start == span.start
                && (rest.trim_end_matches('.').is_empty()
                    || (rest.starts_with(',')
                        && word_count(s) <= 10
                        && !rest.contains(|c: char| c.is_ascii_digit() || c == '@')
                        && !rest.trim_end_matches('.').contains('.')));
            (ok && !ctx.persons[m.person].excluded).then_some(m.person)
        });
        let byline = byline_start_re().is_match(s) || s.contains("Reporter ");
        let contact = contact_re().is_match(s);
        paras.push(Para {
            span,
            kind: Some(b.kind),
            mentions,
            marks,
            first_person,
            ends_q,
            dash,
            heading_like,
            name_only,
            byline,
            contact,
            cues,
        });
    }

    let mut out: Vec<(BlockKind, Option<usize>)> = blocks.iter().map(|b| (b.kind, None)).collect();
    let mut active: Option<usize> = None;
    let mut run: Option<usize> = None;
    let mut intro: Option<usize> = None;
    let mut pending: Option<(usize, String)> = None;
    let mut prev_q = false;
    // The article speaks in the first person itself (a debate article, an
    // interpellation, a press release in the organisation's voice): then a
    // first-person paragraph after an introduction is no turn of its own.
    let mut author_voice = false;
    // The article marks speech with dashes.
    let mut dash_article = false;
    let mut open_chain: Vec<usize> = Vec::new();
    let mut labels_seen: Vec<String> = Vec::new();
    // A question has been answered: the article is (partly) an interview.
    let mut interview = false;
    let mut interviewers: Vec<String> = Vec::new();

    for i in 0..paras.len() {
        let Some(kind) = paras[i].kind else { continue };
        let para = std::mem::take(&mut paras[i]);
        let span = para.span;
        let s = ctx.slice(span);
        let next = paras.get(i + 1);
        let cur_intro = intro.take();
        let chain_before = std::mem::take(&mut open_chain);
        let narrative = |active: &mut Option<usize>, intro: &mut Option<usize>, ctx: &Ctx| {
            if let Some(m) = para
                .mentions
                .iter()
                .rev()
                .find(|m| !ctx.persons[m.person].excluded)
            {
                *active = Some(m.person);
                *intro = Some(m.person);
            }
        };
        if kind == BlockKind::Title || span.is_empty() {
            paras[i] = para;
            continue;
        }
        if let Some(p) = para.name_only {
            active = Some(p);
            intro = Some(p);
            run = None;
            prev_q = false;
            pending = None;
            paras[i] = para;
            continue;
        }
        if para.byline || para.contact || kind == BlockKind::Caption {
            run = None;
            pending = None;
            paras[i] = para;
            continue;
        }
        // A short first-person line above a name line may come marked as a
        // heading: it is a pull-quote all the same.
        let above_name = next.is_some_and(|n| n.name_only.is_some()) && para.first_person;
        if (kind == BlockKind::Heading || para.heading_like) && !para.ends_q && !above_name {
            run = None;
            pending = None;
            prev_q = false;
            // A short line that names someone introduces them like a sentence does.
            narrative(&mut active, &mut intro, &ctx);
            paras[i] = para;
            continue;
        }
        // Transcript labels.
        if let Some(c) = label_re().captures(s)
            && let Some(l) = c.get(1)
        {
            let label = l.as_str();
            let body = trim_quote(text, Span::new(span.start + l.end() + 1, span.end));
            // The host: a label whose first turn is a question keeps that role.
            let first_turn = !labels_seen.iter().any(|l| l == label);
            if first_turn {
                labels_seen.push(label.to_string());
                if para.ends_q {
                    interviewers.push(label.to_string());
                }
            }
            if INTERVIEWER.contains(&label)
                || para.ends_q
                || interviewers.iter().any(|l| l == label)
                || metadata.authors.iter().any(|a| a.trim() == label)
                || para
                    .mentions
                    .iter()
                    .any(|m| m.span.start == span.start && ctx.persons[m.person].excluded)
            {
                if para.ends_q || INTERVIEWER.contains(&label) {
                    out[i].0 = BlockKind::Question;
                    prev_q = true;
                }
                paras[i] = para;
                continue;
            }
            let who = if label == "Svar" || label == "S" {
                run.or(active)
            } else {
                para.mentions
                    .iter()
                    .find(|m| m.span.start == span.start && m.span.end == span.start + l.end())
                    .map(|m| m.person)
                    .or_else(|| ctx.by_label(label))
            };
            if let Some(p) = who
                && !ctx.persons[p].excluded
                && ctx.add_quote(p, body, QuoteKind::Turn, Some(":"))
            {
                out[i].1 = Some(p);
                run = Some(p);
                active = Some(p);
                prev_q = false;
                paras[i] = para;
                continue;
            }
        }
        // A cue with a colon at the end of the previous paragraph.
        if let Some((p, cue)) = pending.take()
            && !para.ends_q
        {
            let q = trim_quote(text, span);
            if ctx.add_quote(p, q, QuoteKind::Direct, Some(&cue)) {
                out[i].1 = Some(p);
                run = Some(p);
                active = Some(p);
                paras[i] = para;
                continue;
            }
        }
        // Explicit attributions inside the paragraph.
        if para.dash {
            dash_article = true;
        }
        let ex = explicit(&mut ctx, &para);
        if let Some(p) = ex.pending {
            pending = Some(p);
        }
        if let Some((p, cue)) = ex.previous.clone()
            && i > 0
            && out[i - 1].1.is_none()
            && matches!(out[i - 1].0, BlockKind::Body | BlockKind::Quote)
        {
            let q = trim_quote(text, paras[i - 1].span);
            if ctx.add_quote(p, q, QuoteKind::Direct, Some(&cue)) {
                out[i - 1].1 = Some(p);
            }
        }
        if let Some(p) = ex.para_speaker {
            // Earlier paragraphs of the same quotation (opened, never closed).
            for j in chain_before {
                let q = trim_quote(text, paras[j].span);
                if ctx.add_quote(p, q, QuoteKind::Direct, None) {
                    out[j].1 = Some(p);
                }
            }
            out[i].1 = Some(p);
            run = Some(p);
            active = Some(p);
            prev_q = false;
            paras[i] = para;
            continue;
        }
        if let Some(p) = ex.any_speaker {
            active = Some(p);
            intro = Some(p);
            run = None;
            prev_q = false;
            paras[i] = para;
            continue;
        }
        if pending.is_some() {
            paras[i] = para;
            continue;
        }
        if ex.unresolved {
            run = None;
            prev_q = false;
            narrative(&mut active, &mut intro, &ctx);
            paras[i] = para;
            continue;
        }
        // A pull-quote: speech followed by a line with only a name.
        let whole_marks = para
            .marks
            .first()
            .is_some_and(|(m, _)| m.start == span.start && m.end >= span.end.saturating_sub(1));
        // Evaluated only under a name line: a pull-quote often repeats body text.
        let speechlike = || {
            para.first_person
                || para.dash
                || whole_marks
                || word_count(s) <= 30
                || (s.len() >= 20
                    && (text[..span.start].contains(s) || text[span.end..].contains(s)))
        };
        // A name line that ends the article under first-person text is the
        // author's signature, not a pull-quote attribution.
        let signature = author_voice || i + 2 >= paras.len();
        if let Some(p) = next.and_then(|n| n.name_only)
            && !signature
            && speechlike()
            && !para.ends_q
            && word_count(s) <= 90
        {
            let q = trim_quote(text, span);
            if ctx.add_quote(p, q, QuoteKind::Pullquote, None) {
                out[i] = (BlockKind::Quote, Some(p));
                run = None;
                paras[i] = para;
                continue;
            }
        }
        if para.first_person && !para.dash && !whole_marks && run.is_none() && cur_intro.is_none() {
            author_voice = true;
        }
        let cur_intro = if author_voice && !(para.dash || whole_marks) {
            None
        } else {
            cur_intro
        };
        let who = run.or(cur_intro).or(if para.dash || whole_marks {
            active
        } else {
            None
        });
        // An interviewer's question.
        if para.ends_q
            && !para.dash
            && !whole_marks
            && who.or(active).is_some()
            && next.is_some_and(|n| {
                n.name_only.is_none()
                    && n.kind.is_some()
                    && (n.dash
                        || n.first_person
                        || label_re().is_match(ctx.slice(n.span))
                        || (interview && n.mentions.is_empty() && !n.heading_like && !n.ends_q))
            })
        {
            out[i].0 = BlockKind::Question;
            prev_q = true;
            interview = true;
            if run.is_none() {
                run = who.or(active);
            }
            paras[i] = para;
            continue;
        }
        // Speech without a cue: a dash paragraph, a paragraph in quotation
        // marks, or a first-person paragraph after its speaker's introduction.
        let own_mention = who.is_some_and(|p| {
            para.mentions
                .iter()
                .any(|m| m.person == p && ctx.slice(m.span).contains(' '))
        });
        if let Some(p) = who
            && (para.dash
                || whole_marks
                || (para.first_person && !own_mention)
                || (prev_q && interview && para.mentions.is_empty()))
            && !ctx.persons[p].excluded
        {
            let kind_q = if prev_q || !(para.dash || whole_marks) {
                QuoteKind::Turn
            } else {
                QuoteKind::Direct
            };
            let q = trim_quote(text, span);
            if ctx.add_quote(p, q, kind_q, None) {
                out[i].1 = Some(p);
                run = Some(p);
                prev_q = false;
                paras[i] = para;
                continue;
            }
        }
        // A plain paragraph between two first-person paragraphs of a turn
        // (only where the page has lost its dashes).
        if let Some(p) = run
            && !dash_article
            && para.mentions.is_empty()
            && !para.first_person
            && next.is_some_and(|n| {
                n.first_person && n.mentions.is_empty() && !n.ends_q && n.name_only.is_none()
            })
        {
            let q = trim_quote(text, span);
            if ctx.add_quote(p, q, QuoteKind::Turn, None) {
                out[i].1 = Some(p);
                paras[i] = para;
                continue;
            }
        }
        // A quotation opened and not closed: its speaker may come with the
        // next paragraph ("”... ¶ ”...”, säger NAME").
        let opens = s.starts_with(['”', '“', '»', '„', '"'])
            && para
                .marks
                .first()
                .is_none_or(|(m, _)| m.start != span.start);
        if opens {
            open_chain = chain_before;
            open_chain.push(i);
            paras[i] = para;
            continue;
        }
        run = None;
        prev_q = false;
        narrative(&mut active, &mut intro, &ctx);
        paras[i] = para;
    }

    finish(ctx, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, authors: &[&str]) -> Speakers {
        let blocks = crate::clean::split_blocks(text);
        let sentences: Vec<Span> = blocks.iter().map(|b| b.span).collect();
        let meta = Metadata {
            authors: authors.iter().map(|a| a.to_string()).collect(),
            ..Metadata::default()
        };
        run(text, &blocks, &sentences, &meta)
    }

    #[test]
    fn det_sager_attributes_the_words_before() {
        let t = "Rubrik\n\nVi har aldrig haft så många ansökningar som i år.\n\nDet säger Eva Lund, rektor vid Mittskolan.\n\nHon är nöjd. Det märks. Det säger hon gärna.";
        let sp = find(t, &[]);
        assert_eq!(sp.speakers.len(), 1);
        assert_eq!(sp.paragraphs[1].1, Some(0));
        assert_eq!(sp.paragraphs[2].1, None);
        assert_eq!(
            sp.speakers[0].quotes[0].span.slice(t),
            "Vi har aldrig haft så många ansökningar som i år."
        );
        assert_eq!(sp.speakers[0].roles, ["rektor"]);
    }

    #[test]
    fn interrupted_dash_quote_keeps_both_halves() {
        let t = "Rubrik\n\n– Det här, konstaterar projektledaren Anna Sjöberg, är vårt största projekt.";
        let sp = find(t, &[]);
        let quotes: Vec<&str> = sp.speakers[0]
            .quotes
            .iter()
            .map(|q| q.span.slice(t))
            .collect();
        assert_eq!(quotes, ["Det här", "är vårt största projekt."]);
        assert_eq!(sp.speakers[0].roles, ["projektledare"]);
    }

    #[test]
    fn dash_quote_with_continuation_and_surname_backreference() {
        let t = "Rubrik\n\n– Vi måste bli bättre, säger Anna Svensson, it-chef i Tierps kommun. Det gäller alla.\n\n– Det tar tid, säger Svensson.";
        let sp = find(t, &[]);
        assert_eq!(sp.speakers.len(), 1);
        let s = &sp.speakers[0];
        assert_eq!(s.roles, ["it-chef"]);
        assert_eq!(s.organisations, ["Tierps kommun"]);
        let quotes: Vec<&str> = s.quotes.iter().map(|q| q.span.slice(t)).collect();
        assert_eq!(
            quotes,
            ["Vi måste bli bättre", "Det gäller alla.", "Det tar tid"]
        );
        assert_eq!(s.quotes[0].cue.as_deref(), Some("säger"));
        assert_eq!(sp.paragraphs[1].1, Some(0));
        assert_eq!(sp.paragraphs[2].1, Some(0));
        assert!(s.mentions.iter().any(|m| m.slice(t) == "Svensson"));
    }

    #[test]
    fn pronoun_picks_the_person_of_that_gender() {
        let t = "Rubrik\n\nPer Olsson och Eva Berg, kommundirektör i Ale kommun, träffades i går.\n\n”Det var ett bra möte”, säger hon.";
        let sp = find(t, &[]);
        assert_eq!(sp.speakers.len(), 1);
        assert_eq!(sp.speakers[0].name, "Eva Berg");
        assert_eq!(sp.speakers[0].roles, ["kommundirektör"]);
    }

    #[test]
    fn byline_and_authors_are_never_speakers() {
        let t = "Rubrik\n\nText: Karin Ek\n\n– Jag håller inte med, säger Karin Ek.\n\n– Det gör jag, säger Olle Ståhl.";
        let sp = find(t, &[]);
        let names: Vec<&str> = sp.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Olle Ståhl"]);
        let t3 = "Rubrik\n\n– Det här är fel, säger Olle Ståhl.\n\nOlle Ståhl, reporter";
        assert!(find(t3, &[]).speakers.is_empty());
        let t2 = "Rubrik\n\n– Jag håller inte med, säger Karin Ek.";
        assert!(find(t2, &["Karin Ek"]).speakers.is_empty());
    }

    #[test]
    fn reported_speech_has_no_paragraph_speaker() {
        let t = "Rubrik\n\nEnligt Lisa Holm, säkerhetschef på Försäkringskassan, ökar angreppen.\n\nHolm menar att fler måste utbildas.";
        let sp = find(t, &[]);
        assert_eq!(sp.speakers.len(), 1);
        let s = &sp.speakers[0];
        assert_eq!(s.organisations, ["Försäkringskassan"]);
        let q: Vec<(&str, QuoteKind)> =
            s.quotes.iter().map(|q| (q.span.slice(t), q.kind)).collect();
        assert_eq!(
            q,
            [
                ("ökar angreppen.", QuoteKind::Reported),
                ("fler måste utbildas.", QuoteKind::Reported)
            ]
        );
        assert!(sp.paragraphs.iter().all(|(_, w)| w.is_none()));
    }

    #[test]
    fn organisation_genitive_before_the_title() {
        let t = "Rubrik\n\n– Vi måste samarbeta mer, säger SKR:s digitaliseringschef Anna Berg.\n\n– Det gäller alla, säger Region Skånes CIO Per Holm.";
        let sp = find(t, &[]);
        assert_eq!(sp.speakers.len(), 2);
        assert_eq!(sp.speakers[0].roles, ["digitaliseringschef"]);
        assert_eq!(sp.speakers[0].organisations, ["SKR"]);
        assert_eq!(sp.speakers[1].roles, ["CIO"]);
        assert_eq!(sp.speakers[1].organisations, ["Region Skåne"]);
    }

    #[test]
    fn unknown_given_name_after_a_cue() {
        let t = "Rubrik\n\n– Vi behöver stöd nu, säger presidenten Volodymyr Zelenskyj.\n\n– Det är bråttom, säger Zelenskyj.\n\nDet skriver Dagens Nyheter.";
        let sp = find(t, &[]);
        let names: Vec<&str> = sp.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Volodymyr Zelenskyj"]);
        assert_eq!(sp.paragraphs[2].1, Some(0));
    }

    #[test]
    fn reported_speech_after_a_short_clause() {
        let t = "Rubrik\n\nMen Anna Lind håller inte med och menar att projektet är för dyrt.";
        let sp = find(t, &[]);
        assert_eq!(sp.speakers.len(), 1);
        assert_eq!(
            sp.speakers[0].quotes[0].span.slice(t),
            "projektet är för dyrt."
        );
        assert_eq!(sp.speakers[0].quotes[0].kind, QuoteKind::Reported);
    }

    #[test]
    fn people_only_mentioned_are_not_speakers() {
        let t = "Rubrik\n\nMötet leddes av Sven Borg, och Maria Dahl deltog.\n\nSkatteverket menar att reglerna är tydliga.";
        assert!(find(t, &[]).speakers.is_empty());
    }
}
