//! Explicit attributions inside one paragraph: quotation marks with a cue,
//! "Det säger NAME", inverted cues, a cue before a colon, "enligt NAME" and
//! "NAME menar att".

use super::QuoteKind;
use super::cues::{
    after_close_re, captures_if, colon_cue_re, det_cue_re, enligt_re, inverted_re, report_re,
};
use super::persons::{Ctx, sentence_of, word_count};
use super::quotes::trim_quote;
use super::walk::Para;
use crate::span::Span;

#[derive(Default)]
pub(super) struct Explicit {
    pub(super) para_speaker: Option<usize>,
    pub(super) any_speaker: Option<usize>,
    pub(super) pending: Option<(usize, String)>,
    /// "Det säger NAME" opening the paragraph: the previous paragraph was
    /// NAME's words.
    pub(super) previous: Option<(usize, String)>,
    /// A cue names someone who cannot be resolved ("säger Svensson" with two
    /// Svenssons): the paragraph must not fall back to the running speaker.
    pub(super) unresolved: bool,
}

pub(super) fn explicit(ctx: &mut Ctx, para: &Para) -> Explicit {
    let text = ctx.text;
    let span = para.span;
    let s = ctx.slice(span);
    let mut ex = Explicit::default();
    let content_start = trim_quote(text, span).start;
    // (a) Quotation marks with a cue after or before.
    let mut unattributed = Vec::new();
    let mut speaker = None;
    for &(whole, content) in &para.marks {
        let after = text.get(whole.end..span.end).unwrap_or("");
        let mut who = None;
        let mut cue = String::new();
        if para.cues.speech
            && let Some(c) = after_close_re().captures(after)
            && let (Some(all), Some(v)) = (c.get(0), c.get(1))
            && let Some((p, _)) = ctx.subject_after(para, whole.end + all.end())
        {
            who = Some(p);
            cue = v.as_str().to_string();
        }
        if who.is_none() {
            let before = text.get(span.start..whole.start).unwrap_or("");
            if para.cues.colon
                && before.trim_end().ends_with(':')
                && let Some(c) = colon_cue_re().captures_iter(before).last()
                && let Some(v) = c.get(1)
                && let Some(p) = ctx.subject_before(para, span.start + v.start())
            {
                who = Some(p);
                cue = v.as_str().to_string();
            }
        }
        let q = trim_quote(text, content);
        match who {
            Some(p) if ctx.add_quote(p, q, QuoteKind::Direct, Some(&cue)) => {
                speaker = Some(p);
                ex.any_speaker = Some(p);
                if whole.start <= content_start {
                    ex.para_speaker = Some(p);
                }
            }
            _ => unattributed.push(q),
        }
    }
    if let Some(p) = speaker {
        for q in unattributed {
            if word_count(ctx.slice(q)) >= 3 {
                ctx.add_quote(p, q, QuoteKind::Direct, None);
            }
        }
        return ex;
    }
    let in_marks = |pos: usize| {
        para.marks
            .iter()
            .any(|(m, _)| m.start <= pos && pos < m.end)
    };
    // (a2) "Det säger NAME": the words before were NAME's.
    for c in captures_if(para.cues.det, det_cue_re(), s) {
        let (Some(all), Some(v)) = (c.get(0), c.get(2)) else {
            continue;
        };
        let at = span.start + all.end();
        let Some((p, _)) = ctx.subject_after(para, at) else {
            continue;
        };
        let cue = v.as_str().to_string();
        let det = span.start + c.get(1).map_or(all.start(), |d| d.start());
        if det <= content_start {
            ex.previous = Some((p, cue));
            ex.any_speaker = Some(p);
        } else {
            let q = trim_quote(text, Span::new(content_start, det));
            if word_count(ctx.slice(q)) >= 3 && ctx.add_quote(p, q, QuoteKind::Direct, Some(&cue)) {
                ex.para_speaker = Some(p);
                ex.any_speaker = Some(p);
            }
        }
        return ex;
    }
    // (b) An inverted cue: "– Vi måste ..., säger NAME, ROLE." (dash or lost dash).
    for c in captures_if(para.cues.inverted, inverted_re(), s) {
        let (Some(all), Some(punct), Some(v)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if in_marks(span.start + all.start()) {
            continue;
        }
        let Some((p, subj_end)) = ctx.subject_after(para, span.start + all.end()) else {
            let next = text.get(span.start + all.end()..span.end).unwrap_or("");
            if next.starts_with(char::is_uppercase) {
                ex.unresolved = true;
            }
            continue;
        };
        let keep = if punct.as_str() == "," {
            0
        } else {
            punct.as_str().len()
        };
        let q1 = trim_quote(
            text,
            Span::new(content_start, span.start + punct.start() + keep),
        );
        if !para.dash && word_count(ctx.slice(q1)) < 3 {
            continue;
        }
        let cue = v.as_str().to_string();
        if ctx.add_quote(p, q1, QuoteKind::Direct, Some(&cue)) {
            ex.para_speaker = Some(p);
            ex.any_speaker = Some(p);
        }
        // The speech after the attribution sentence.
        let rest = text.get(subj_end..span.end).unwrap_or("");
        // An interrupted sentence: "– Det här, konstaterar NAME, är ...".
        let resumes = rest
            .strip_prefix(", ")
            .is_some_and(|r| r.starts_with(char::is_lowercase))
            && punct.as_str() == ",";
        if resumes {
            let q2 = trim_quote(text, Span::new(subj_end + 2, span.end));
            if word_count(ctx.slice(q2)) >= 2 {
                ctx.add_quote(p, q2, QuoteKind::Direct, None);
            }
        } else if let Some(dot) = rest.find(['.', '!', '?']) {
            let from = subj_end + dot + 1;
            let q2 = trim_quote(text, Span::new(from, span.end));
            if word_count(ctx.slice(q2)) >= 2 {
                ctx.add_quote(p, q2, QuoteKind::Direct, None);
            }
        }
        return ex;
    }
    // (c) A cue before a colon: "NAME säger:" / "Statsrådet NAME (S) säger i ett pressmeddelande:".
    if para.cues.colon
        && let Some(c) = colon_cue_re().captures(s)
        && let (Some(all), Some(v)) = (c.get(0), c.get(1))
        && !in_marks(span.start + all.start())
        && let Some(p) = ctx.subject_before(para, span.start + v.start())
    {
        let cue = v.as_str().to_string();
        let rest = trim_quote(text, Span::new(span.start + all.end(), span.end));
        if rest.is_empty() {
            ex.pending = Some((p, cue));
        } else if ctx.add_quote(p, rest, QuoteKind::Direct, Some(&cue)) {
            ex.any_speaker = Some(p);
        }
        return ex;
    }
    // (d) Reported speech: "enligt NAME", "NAME menar att ...".
    for c in s
        .contains("nligt")
        .then(|| enligt_re().find_iter(s))
        .into_iter()
        .flatten()
    {
        let at = span.start + c.start();
        if in_marks(at) {
            continue;
        }
        let Some((p, subj_end)) = ctx.subject_after(para, span.start + c.end()).or_else(|| {
            let rest = text.get(span.start + c.end()..span.end).unwrap_or("");
            for (pro, female) in [("henne", true), ("honom", false)] {
                if rest.starts_with(pro) {
                    let pos = span.start + c.end();
                    let p = ctx.pronoun(pos, female)?;
                    return Some((p, pos + pro.len()));
                }
            }
            None
        }) else {
            continue;
        };
        let sent = sentence_of(ctx.sentences, at, span);
        // "Enligt NAME, ROLE för ..., QUOTE": the quote starts after the
        // comma that closes the apposition.
        let comma_appo = para.mentions.iter().any(|m| {
            m.person == p
                && m.span.start >= at
                && m.span.start <= at + 16
                && text.get(m.span.end..).is_some_and(|r| r.starts_with(", "))
        });
        let subj_end = if comma_appo && subj_end < sent.end {
            text.get(subj_end..sent.end)
                .and_then(|r| r.find(", "))
                .map_or(subj_end, |k| subj_end + k)
        } else {
            subj_end
        };
        let q = if at <= sent.start + 1 {
            let from = text
                .get(subj_end..sent.end)
                .map(|r| subj_end + (r.len() - r.trim_start_matches([',', ' ']).len()))
                .unwrap_or(subj_end);
            trim_quote(text, Span::new(from.min(sent.end), sent.end))
        } else {
            trim_quote(text, Span::new(sent.start, at))
        };
        if word_count(ctx.slice(q)) >= 2 && ctx.add_quote(p, q, QuoteKind::Reported, Some("enligt"))
        {
            ex.any_speaker = Some(p);
        }
    }
    for c in captures_if(para.cues.report, report_re(), s) {
        let (Some(all), Some(v)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let at = span.start + v.start();
        if in_marks(at) {
            continue;
        }
        let Some(p) = ctx.subject_before(para, at) else {
            continue;
        };
        let sent = sentence_of(ctx.sentences, at, span);
        let q = trim_quote(
            text,
            Span::new(span.start + all.end(), sent.end.max(span.start + all.end())),
        );
        if word_count(ctx.slice(q)) >= 2
            && ctx.add_quote(p, q, QuoteKind::Reported, Some(v.as_str()))
        {
            ex.any_speaker = Some(p);
        }
    }
    ex
}
