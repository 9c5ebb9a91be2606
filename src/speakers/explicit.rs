//! Explicit attributions inside one paragraph, one named rule each:
//! quotation marks with a cue ([`marked_quotations`]), "Det säger NAME"
//! ([`det_cue`]), an inverted cue ([`inverted_cue`]) or one whose comma is
//! missing ([`cue_without_comma`]), a cue before a colon ([`colon_cue`]),
//! and reported speech: "enligt NAME" ([`enligt`]), "NAME menar att"
//! ([`cue_before_att`]), "berättade NAME att" ([`inverted_report`]),
//! "NAME berättar om" ([`talks_about`]).

use super::QuoteKind;
use super::cues::{
    after_close_re, att_after_subject_re, bare_cue_re, captures_if, colon_cue_re, det_cue_re,
    enligt_re, inverted_re, inverted_report_re, is_first_person, report_re, speech_act_re, talk_re,
    written_piece_re,
};
use super::names;
use super::persons::{Ctx, sentence_of, word_count};
use super::quotes::{is_dash, trim_quote};
use super::walk::Para;
use crate::span::Span;

/// What the explicit attributions of a paragraph found.
#[derive(Default)]
pub(super) struct Explicit {
    /// The paragraph is this person's speech.
    pub(super) para_speaker: Option<usize>,
    /// This person speaks somewhere in the paragraph.
    pub(super) any_speaker: Option<usize>,
    /// A cue with a colon ends the paragraph: the next paragraph is the quote.
    pub(super) pending: Option<(usize, String)>,
    /// "Det säger NAME" opening the paragraph: the previous paragraph was
    /// NAME's words.
    pub(super) previous: Option<(usize, String)>,
    /// A cue names someone who cannot be resolved ("säger Svensson" with two
    /// Svenssons): the paragraph must not fall back to the running speaker.
    pub(super) unresolved: bool,
    /// Where the attribution of `any_speaker` stands in the text.
    any_at: usize,
    /// The paragraph attributes its words to several people at once ("...,
    /// säger A, ROLE, och B, ROLE"): it is none of theirs alone.
    pub(super) joint: bool,
    /// Someone's written text starts here ("skriver NAME i en
    /// debattartikel"): the paragraphs after it are theirs.
    pub(super) writes: Option<usize>,
}

impl Explicit {
    /// Notes that person `p` speaks at byte `at`; the person whose
    /// attribution comes last in the paragraph is the one it introduces.
    fn heard(&mut self, p: usize, at: usize) {
        if self.any_speaker.is_none() || at >= self.any_at {
            self.any_speaker = Some(p);
            self.any_at = at;
        }
    }
}

/// One paragraph being read for explicit attributions.
struct Scan<'p> {
    para: &'p Para,
    /// Where its speech starts: after a leading dash or quotation mark, or
    /// after a dash line inside it (a dash quote joined to the paragraph
    /// before by a single line break).
    content_start: usize,
    /// It starts with a dash, or holds a dash line.
    dash: bool,
}

impl Scan<'_> {
    fn span(&self) -> Span {
        self.para.span
    }
    fn in_marks(&self, pos: usize) -> bool {
        self.para
            .marks
            .iter()
            .any(|(m, _)| m.start <= pos && pos < m.end)
    }
}

/// Runs the rules in order; the first that attributes speech decides,
/// except that the kinds of reported speech all run.
pub(super) fn explicit(ctx: &mut Ctx, para: &Para) -> Explicit {
    let text = ctx.text;
    let (content_start, dash_line) = match dash_line_start(text, para.span) {
        Some(at) if !para.dash => (at, true),
        _ => (trim_quote(text, para.span).start, false),
    };
    let sc = Scan {
        para,
        content_start,
        dash: para.dash || dash_line,
    };
    let mut ex = Explicit::default();
    let decided = marked_quotations(ctx, &sc, &mut ex)
        || det_cue(ctx, &sc, &mut ex)
        || inverted_cue(ctx, &sc, &mut ex)
        || cue_without_comma(ctx, &sc, &mut ex)
        || colon_cue(ctx, &sc, &mut ex)
        || colon_intro(ctx, &sc, &mut ex);
    if !decided {
        enligt(ctx, &sc, &mut ex);
        cue_before_att(ctx, &sc, &mut ex);
        inverted_report(ctx, &sc, &mut ex);
        talks_about(ctx, &sc, &mut ex);
        speech_act(ctx, &sc, &mut ex);
    }
    ex
}

/// Where a dash quote starts on a later line of the paragraph
/// ("Narrative.\n– Quote, säger NAME."): the byte after the dash.
pub(super) fn dash_line_start(text: &str, span: Span) -> Option<usize> {
    let s = text.get(span.start..span.end)?;
    let nl = s.find('\n')?;
    let mut pos = nl;
    for line in s[nl + 1..].split('\n') {
        let at = pos + 1;
        let l = line.trim_start();
        let lead = line.len() - l.len();
        if let Some(c) = l.chars().next()
            && is_dash(c)
            && l[c.len_utf8()..].starts_with(char::is_whitespace)
        {
            let rest = &l[c.len_utf8()..];
            let ws = rest.len() - rest.trim_start().len();
            return Some(span.start + at + lead + c.len_utf8() + ws);
        }
        pos = at + line.len();
    }
    None
}

/// Quotation marks with a cue after ("”...”, säger NAME") or before
/// ("NAME säger: ”...”"). A quotation inside a dash quote is part of it:
/// the dash quote's own cue is read by [`inverted_cue`].
fn marked_quotations(ctx: &mut Ctx, sc: &Scan, ex: &mut Explicit) -> bool {
    let text = ctx.text;
    let (para, span) = (sc.para, sc.span());
    let mut unattributed = Vec::new();
    let mut speaker = None;
    for &(whole, content) in &para.marks {
        if sc.dash && whole.start > sc.content_start {
            continue;
        }
        let after = text.get(whole.end..span.end).unwrap_or("");
        let mut who = None;
        let mut cue = String::new();
        let mut introduced = false;
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
                introduced = colon_introduces_whole(before, whole, span);
            }
        }
        if who.is_none() && whole.start <= sc.content_start {
            who = signed(ctx, para, whole, content);
        }
        let q = trim_quote(text, content);
        match who {
            Some(p) if ctx.add_quote(p, q, QuoteKind::Direct, Some(&cue)) => {
                speaker = Some(p);
                ex.heard(p, whole.start);
                if whole.start <= sc.content_start || introduced {
                    ex.para_speaker = Some(p);
                }
            }
            _ => unattributed.push(q),
        }
    }
    let Some(p) = speaker else { return false };
    for q in unattributed {
        if word_count(ctx.slice(q)) >= 3 {
            ctx.add_quote(p, q, QuoteKind::Direct, None);
        }
    }
    true
}

/// A quotation signed with its speaker's name and no cue: "”Jag är glad
/// över dialogen.” Åsa Dedering, hälso- och sjukvårdsdirektör." (a press
/// release's way of quoting several people in a row). The quotation ends
/// a sentence inside its marks and the name follows the closing mark
/// directly, with nothing but an apposition after it.
fn signed(ctx: &Ctx, para: &Para, whole: Span, content: Span) -> Option<usize> {
    let text = ctx.text;
    let inner = text.get(content.start..content.end)?.trim_end();
    if !inner.ends_with(['.', '!', '?']) {
        return None;
    }
    let after = text.get(whole.end..para.span.end)?;
    let lead = after.len() - after.trim_start_matches([' ', '\u{a0}', '–', '—', '-']).len();
    let at = whole.end + lead;
    let m = para.mentions.iter().find(|m| m.span.start == at)?;
    let rest = text.get(m.appo_end.max(m.span.end)..para.span.end)?.trim();
    let ends = rest.is_empty() || rest == "." || rest.starts_with(',') && !rest[1..].contains(['”', '"']);
    (ends && !ctx.persons[m.person].excluded).then_some(m.person)
}

/// Whether a paragraph is one attribution before a colon and the
/// quotation after it, running to the paragraph's end ("NAME, ROLE,
/// förklarar: ”...”"): like "”...”, säger NAME", the paragraph is the
/// speaker's.
fn colon_introduces_whole(before: &str, whole: Span, para: Span) -> bool {
    let intro = before.trim_end().trim_end_matches(':');
    whole.end + 1 >= para.end && !intro.contains(['.', '!', '?', '\n'])
}

/// "Det säger NAME": the words before were NAME's (the paragraph before,
/// when the paragraph opens with it).
fn det_cue(ctx: &mut Ctx, sc: &Scan, ex: &mut Explicit) -> bool {
    let text = ctx.text;
    let (para, span) = (sc.para, sc.span());
    let s = ctx.slice(span);
    for c in captures_if(para.cues.det, det_cue_re(), s) {
        let (Some(all), Some(v)) = (c.get(0), c.get(2)) else {
            continue;
        };
        let Some((p, subj_end)) = ctx.subject_after(para, span.start + all.end()) else {
            continue;
        };
        let cue = v.as_str().to_string();
        note_written_piece(ctx, ex, p, &cue, subj_end);
        let det = span.start + c.get(1).map_or(all.start(), |d| d.start());
        if det <= sc.content_start {
            ex.previous = Some((p, cue));
            ex.heard(p, det);
        } else {
            let q = trim_quote(text, Span::new(sc.content_start, det));
            if word_count(ctx.slice(q)) >= 3 && ctx.add_quote(p, q, QuoteKind::Direct, Some(&cue)) {
                ex.para_speaker = Some(p);
                ex.heard(p, det);
            }
        }
        return true;
    }
    false
}

/// Whether the words of `q` hold a first-person pronoun.
fn has_first_person(text: &str, q: Span) -> bool {
    names::words(text, q)
        .iter()
        .any(|w| is_first_person(w.slice(text)))
}

/// An inverted cue: "– Vi måste ..., säger NAME, ROLE." A dash paragraph,
/// or a first-person one whose dash was lost, is the speaker's direct
/// speech. In an article that marks its quotes with dashes or quotation
/// marks, a paragraph in the third person without them ("Budgeten räcker
/// inte, påpekar hon.") is reported speech and leaves the paragraph without
/// a speaker; where a page lost all its marks, that cannot be told, and it
/// stays direct speech.
fn inverted_cue(ctx: &mut Ctx, sc: &Scan, ex: &mut Explicit) -> bool {
    let text = ctx.text;
    let (para, span) = (sc.para, sc.span());
    let s = ctx.slice(span);
    let mut inline = false;
    for c in captures_if(para.cues.inverted, inverted_re(), s) {
        let (Some(all), Some(punct), Some(v)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if sc.in_marks(span.start + all.start()) || span.start + all.start() < sc.content_start {
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
        let cue_at = span.start + punct.start();
        // (in a dash paragraph the quote opens at its start; a second dash
        // there is the same speaker going on)
        let inline_start = (!sc.dash)
            .then(|| inline_dash_start(text, sc.content_start, cue_at))
            .flatten();
        let start = inline_start.unwrap_or(sc.content_start);
        let q1 = trim_quote(text, Span::new(start, cue_at + keep));
        if !sc.dash && word_count(ctx.slice(q1)) < 3 {
            continue;
        }
        let direct = sc.dash || !ctx.marks_speech || has_first_person(text, q1);
        attribute_cued(ctx, sc, ex, p, q1, v.as_str(), direct);
        note_written_piece(ctx, ex, p, v.as_str(), subj_end);
        let (co, _) = co_speakers(ctx, para, subj_end);
        if !co.is_empty() {
            let kind = if direct {
                QuoteKind::Direct
            } else {
                QuoteKind::Reported
            };
            for &o in &co {
                ctx.add_quote(o, q1, kind, Some(v.as_str()));
            }
            ex.joint = true;
            ex.para_speaker = None;
            return true;
        }
        if start > sc.content_start {
            // a dash quote inside running text: more may follow
            inline = true;
            continue;
        }
        if direct {
            let resumes = punct.as_str() == ",";
            continuation(ctx, sc, p, subj_end, resumes);
        }
        return true;
    }
    inline
}

/// Where the last dash quote opened inside a paragraph's running text
/// before byte `to` ("… i hela Sverige. – Det betyder mycket, säger NAME"):
/// the byte after the dash and its space, when a sentence ended right
/// before the dash.
pub(super) fn inline_dash_start(text: &str, from: usize, to: usize) -> Option<usize> {
    let s = text.get(from..to)?;
    let mut found = None;
    for (i, c) in s.char_indices() {
        if !matches!(c, '–' | '—') || i == 0 {
            continue;
        }
        let before = s[..i].trim_end();
        let after = &s[i + c.len_utf8()..];
        if before.len() < s[..i].len()
            && before.ends_with(['.', '!', '?', '”', '"'])
            && after.starts_with(' ')
            && after.trim_start().starts_with(char::is_uppercase)
        {
            found = Some(from + i + c.len_utf8() + (after.len() - after.trim_start().len()));
        }
    }
    found
}

/// Records the quote before a cue: direct speech makes the paragraph the
/// speaker's, reported speech only names them.
fn attribute_cued(
    ctx: &mut Ctx,
    sc: &Scan,
    ex: &mut Explicit,
    p: usize,
    q: Span,
    cue: &str,
    direct: bool,
) {
    let kind = if direct {
        QuoteKind::Direct
    } else {
        QuoteKind::Reported
    };
    if ctx.add_quote(p, q, kind, Some(cue)) {
        if direct && q.start <= sc.content_start + 1 {
            ex.para_speaker = Some(p);
        }
        ex.heard(p, q.start);
    }
}

/// The speech after an attribution: an interrupted sentence ("– Det här,
/// konstaterar NAME, är ...") or the sentences after the attribution's.
/// The quote stops before a sentence that speaks of the speaker in the
/// third person: that is the narrative taking over.
fn continuation(ctx: &mut Ctx, sc: &Scan, p: usize, subj_end: usize, resumes: bool) {
    let text = ctx.text;
    let span = sc.span();
    let rest = text.get(subj_end..span.end).unwrap_or("");
    // "..., säger NAME, som är ROLE": a relative clause about the speaker.
    if rest.starts_with(", som ") {
        return;
    }
    let from = if resumes
        && rest
            .strip_prefix(", ")
            .is_some_and(|r| r.starts_with(char::is_lowercase))
    {
        subj_end + 2
    } else if let Some(dot) = rest.find(['.', '!', '?']) {
        subj_end + dot + 1
    } else {
        return;
    };
    let end = narrative_start(ctx, p, Span::new(from, span.end));
    let q2 = trim_quote(text, Span::new(from, end));
    if word_count(ctx.slice(q2)) >= 2 {
        ctx.add_quote(p, q2, QuoteKind::Direct, None);
    }
}

/// Where, in `region`, the first sentence starts that refers to person
/// `p` in the third person (han, hon, their name); the region's end when
/// none does.
pub(super) fn narrative_start(ctx: &Ctx, p: usize, region: Span) -> usize {
    let text = ctx.text;
    let person = &ctx.persons[p];
    let third = |w: &str| {
        matches!(
            w,
            "han" | "hon" | "Han" | "Hon" | "hans" | "hennes" | "Hans" | "Hennes"
        ) || w == person.surname
            || w == person.given
            || person.surname.split(' ').any(|s| s == w)
    };
    let first = ctx.sentences.partition_point(|s| s.end <= region.start);
    for s in &ctx.sentences[first..] {
        if s.start >= region.end {
            break;
        }
        let from = s.start.max(region.start);
        let sent = Span::new(from, s.end.min(region.end));
        if names::words(text, sent)
            .iter()
            .any(|w| third(w.slice(text)))
        {
            return from;
        }
    }
    region.end
}

/// An inverted cue whose comma is missing, in a dash quote: "– Vi tar det
/// på stort allvar menar NAME, ROLE."
fn cue_without_comma(ctx: &mut Ctx, sc: &Scan, ex: &mut Explicit) -> bool {
    let text = ctx.text;
    let (para, span) = (sc.para, sc.span());
    if !sc.dash || !para.cues.speech {
        return false;
    }
    let s = ctx.slice(span);
    for c in bare_cue_re().captures_iter(s) {
        let Some(v) = c.get(1) else { continue };
        let at = span.start + v.start();
        if sc.in_marks(at) || at < sc.content_start {
            continue;
        }
        let name_at = span.start + v.end() + 1;
        if !para.mentions.iter().any(|m| m.span.start == name_at) {
            continue;
        }
        let Some((p, subj_end)) = ctx.subject_after(para, name_at) else {
            continue;
        };
        let q1 = trim_quote(text, Span::new(sc.content_start, at));
        if word_count(ctx.slice(q1)) < 3 {
            continue;
        }
        attribute_cued(ctx, sc, ex, p, q1, v.as_str(), true);
        continuation(ctx, sc, p, subj_end, false);
        return true;
    }
    false
}

/// A cue before a colon: "NAME säger:" / "Statsrådet NAME (S) säger i ett
/// pressmeddelande:". The quote follows, or is the next paragraph.
fn colon_cue(ctx: &mut Ctx, sc: &Scan, ex: &mut Explicit) -> bool {
    let text = ctx.text;
    let (para, span) = (sc.para, sc.span());
    let s = ctx.slice(span);
    if para.cues.colon
        && let Some(c) = colon_cue_re().captures(s)
        && let (Some(all), Some(v)) = (c.get(0), c.get(1))
        && !sc.in_marks(span.start + all.start())
        && let Some(p) = ctx.subject_before(para, span.start + v.start())
    {
        let cue = v.as_str().to_string();
        let rest = trim_quote(text, Span::new(span.start + all.end(), span.end));
        if rest.is_empty() {
            ex.pending = Some((p, cue));
        } else if ctx.add_quote(p, rest, QuoteKind::Direct, Some(&cue)) {
            ex.heard(p, span.start + v.start());
        }
        return true;
    }
    false
}

/// The people named after a speaker's apposition in a list ("..., säger
/// A, ROLE, B, ROLE och C, ROLE"): they say the words together. Returns
/// them and where the last one's apposition ends.
fn co_speakers(ctx: &Ctx, para: &Para, subj_end: usize) -> (Vec<usize>, usize) {
    let mut out: Vec<usize> = Vec::new();
    let mut end = subj_end;
    for m in &para.mentions {
        if m.span.start < end {
            continue;
        }
        let between = ctx.text.get(end..m.span.start).unwrap_or(".");
        if !joins_co_speaker(between)
            || ctx.persons[m.person].excluded
            || out.contains(&m.person)
        {
            break;
        }
        out.push(m.person);
        end = m.appo_end;
    }
    (out, end)
}

/// Whether the text between two people of a cue's list joins them: ", ",
/// " och ", ", och ", " samt ", with the second person's title between
/// ("och 2:e vice ordförande", "och kommunalrådet").
fn joins_co_speaker(between: &str) -> bool {
    let Some(rest) = [", och ", " och ", " samt ", ", "]
        .iter()
        .find_map(|sep| between.strip_prefix(sep))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let modifier = |w: &&str| {
        !matches!(*w, "som" | "med" | "till" | "av" | "från" | "och" | "tillsammans")
            && w.chars().all(|c| c.is_lowercase() || c.is_ascii_digit() || c == ':' || c == '-')
    };
    rest.is_empty()
        || (rest.ends_with(' ')
            && words.len() <= 4
            && words.iter().all(modifier)
            && words.last().is_some_and(|w| super::roles::role_word(w).is_some()))
}

/// "skriver NAME i en debattartikel", "Det skriver NAME i ett svar på
/// ...": the page goes on with that person's own text.
fn note_written_piece(ctx: &Ctx, ex: &mut Explicit, p: usize, cue: &str, subj_end: usize) {
    if !matches!(cue, "skriver" | "skrev") {
        return;
    }
    let after = ctx.text.get(subj_end..).unwrap_or("");
    if written_piece_re().is_match(after) {
        ex.writes = Some(p);
    }
}

/// A sentence naming a person that ends in a colon before a dash quote on
/// the next line, without a verb of saying ("NAME höll också ett tal:\n–
/// ..."): the quote is theirs. The paragraph holds both, so it is not
/// theirs as a whole.
fn colon_intro(ctx: &mut Ctx, sc: &Scan, ex: &mut Explicit) -> bool {
    let text = ctx.text;
    let span = sc.span();
    if sc.para.dash || !sc.dash || sc.content_start <= span.start {
        return false;
    }
    let before = text.get(span.start..sc.content_start).unwrap_or("");
    let intro = before
        .trim_end()
        .trim_end_matches(|c: char| is_dash(c))
        .trim_end();
    if !intro.ends_with(':') {
        return false;
    }
    let colon = span.start + intro.len() - 1;
    let sent = sentence_of(ctx.sentences, colon, span);
    let Some(m) = sc
        .para
        .mentions
        .iter()
        .find(|m| m.span.start >= sent.start && m.span.end <= colon)
    else {
        return false;
    };
    let prefix = text.get(sent.start..m.span.start).unwrap_or(",");
    if ctx.persons[m.person].excluded || prefix.contains(',') || !is_title_prefix(prefix) {
        return false;
    }
    let q = trim_quote(text, Span::new(sc.content_start, span.end));
    if word_count(ctx.slice(q)) >= 3 && ctx.add_quote(m.person, q, QuoteKind::Direct, Some(":")) {
        ex.heard(m.person, colon);
        return true;
    }
    false
}

/// "NAME, ROLE, presenterade ...", "Hon berömde personalens arbete":
/// a verb of a speech act right after its subject at the start of a
/// sentence, without a content clause: reported speech.
fn speech_act(ctx: &mut Ctx, sc: &Scan, ex: &mut Explicit) {
    let text = ctx.text;
    let (para, span) = (sc.para, sc.span());
    let s = ctx.slice(span);
    for c in speech_act_re().captures_iter(s) {
        let (Some(all), Some(v)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let at = span.start + v.start();
        if sc.in_marks(at) {
            continue;
        }
        let sent = sentence_of(ctx.sentences, at, span);
        let head = text.get(sent.start..at).unwrap_or("").trim();
        let pronoun = matches!(head, "Hon" | "Han");
        let opens = pronoun
            || para.mentions.iter().any(|m| {
                m.span.start >= sent.start
                    && m.span.end <= at
                    && text
                        .get(sent.start..m.span.start)
                        .is_some_and(|pre| !pre.contains(',') && is_title_prefix(pre))
            });
        if !opens {
            continue;
        }
        let Some(p) = ctx.subject_before(para, at) else {
            continue;
        };
        let from = span.start + all.end();
        let q = trim_quote(text, Span::new(from, sent.end.max(from)));
        if word_count(ctx.slice(q)) >= 2
            && ctx.add_quote(p, q, QuoteKind::Reported, Some(v.as_str()))
        {
            ex.heard(p, at);
        }
    }
}

/// Whether `pre`, the words before a name opening a sentence, are a
/// title at most ("Talman", "Socialnämndens ordförande", "Rektor"), so that
/// the name is the sentence's subject.
fn is_title_prefix(pre: &str) -> bool {
    let words: Vec<&str> = pre.split_whitespace().collect();
    words.len() <= 3
        && words.iter().all(|w| {
            super::roles::role_word(w).is_some()
                || super::apposition::MODIFIERS.contains(&w.to_lowercase().as_str())
                || (w.ends_with('s') && w.chars().next().is_some_and(char::is_uppercase))
        })
}

/// "Enligt NAME ...", "... enligt NAME.", "enligt henne": reported speech.
fn enligt(ctx: &mut Ctx, sc: &Scan, ex: &mut Explicit) {
    let text = ctx.text;
    let (para, span) = (sc.para, sc.span());
    let s = ctx.slice(span);
    for c in s
        .contains("nligt")
        .then(|| enligt_re().find_iter(s))
        .into_iter()
        .flatten()
    {
        let at = span.start + c.start();
        if sc.in_marks(at) {
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
            ex.heard(p, at);
        }
    }
}

/// "NAME menar att ...", "Hon nämnde bland annat att ...": reported speech
/// after its subject.
fn cue_before_att(ctx: &mut Ctx, sc: &Scan, ex: &mut Explicit) {
    let text = ctx.text;
    let (para, span) = (sc.para, sc.span());
    let s = ctx.slice(span);
    for c in captures_if(para.cues.report, report_re(), s) {
        let (Some(all), Some(v)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let at = span.start + v.start();
        if sc.in_marks(at) {
            continue;
        }
        let Some(p) = ctx.subject_before(para, at) else {
            continue;
        };
        let sent = sentence_of(ctx.sentences, at, span);
        let from = span.start + all.end();
        let q = trim_quote(text, Span::new(from, sent.end.max(from)));
        if word_count(ctx.slice(q)) >= 2
            && ctx.add_quote(p, q, QuoteKind::Reported, Some(v.as_str()))
        {
            ex.heard(p, at);
        }
    }
}

/// "Vid mötet berättade socialminister NAME att ...": a verb of reported
/// speech before its subject, then "att".
fn inverted_report(ctx: &mut Ctx, sc: &Scan, ex: &mut Explicit) {
    let text = ctx.text;
    let (para, span) = (sc.para, sc.span());
    let s = ctx.slice(span);
    for c in captures_if(para.cues.report, inverted_report_re(), s) {
        let (Some(all), Some(v)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let at = span.start + v.start();
        if sc.in_marks(at) || v.start() == 0 {
            continue;
        }
        let Some((p, subj_end)) = ctx.subject_after(para, span.start + all.end()) else {
            continue;
        };
        let after = text.get(subj_end..span.end).unwrap_or("");
        let Some(m) = att_after_subject_re().find(after) else {
            continue;
        };
        let from = subj_end + m.end();
        let sent = sentence_of(ctx.sentences, at, span);
        let q = trim_quote(text, Span::new(from, sent.end.max(from)));
        if word_count(ctx.slice(q)) >= 2
            && ctx.add_quote(p, q, QuoteKind::Reported, Some(v.as_str()))
        {
            ex.heard(p, at);
        }
    }
}

/// "NAME berättar om ...": what someone talks about, reported.
fn talks_about(ctx: &mut Ctx, sc: &Scan, ex: &mut Explicit) {
    let text = ctx.text;
    let (para, span) = (sc.para, sc.span());
    let s = ctx.slice(span);
    for c in s
        .contains(" om ")
        .then(|| talk_re().captures_iter(s))
        .into_iter()
        .flatten()
    {
        let (Some(all), Some(v)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let at = span.start + v.start();
        if sc.in_marks(at) {
            continue;
        }
        let Some(p) = ctx.subject_before(para, at) else {
            continue;
        };
        let sent = sentence_of(ctx.sentences, at, span);
        let from = span.start + all.end();
        let q = trim_quote(text, Span::new(from, sent.end.max(from)));
        if word_count(ctx.slice(q)) >= 2
            && ctx.add_quote(p, q, QuoteKind::Reported, Some(v.as_str()))
        {
            ex.heard(p, at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::walk::find_in;
    use super::*;

    fn quotes(t: &str, sp: &super::super::Speakers, i: usize) -> Vec<(String, QuoteKind)> {
        sp.speakers[i]
            .quotes
            .iter()
            .map(|q| (q.span.slice(t).to_string(), q.kind))
            .collect()
    }

    #[test]
    fn what_someone_tells_a_named_audience_about() {
        let t = "Ministrarna besökte länsstyrelsen.\n\n\
                 Håkan Larsson, tillförordnad kanslichef, berättade för ministrarna om hur uppbyggnaden av kansliet går till.";
        let sp = find_in(t, &[]);
        let names: Vec<&str> = sp.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Håkan Larsson"]);
        let q = quotes(t, &sp, 0);
        assert_eq!(q[0].0, "hur uppbyggnaden av kansliet går till.");
    }

    #[test]
    fn a_quotation_signed_with_a_name_and_no_cue() {
        let t = "Ledningen träffade cheferna i dag.\n\n\
                 ”Jag är glad över att vi har haft en konstruktiv dialog.” Åsa Dedering, hälso- och sjukvårdsdirektör.\n\n\
                 ”Jag känner att jag blivit lyssnad på.” Anna Samuelsson, verksamhetschef i Falun.";
        let sp = find_in(t, &[]);
        let names: Vec<&str> = sp.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Åsa Dedering", "Anna Samuelsson"]);
        assert_eq!(sp.paragraphs[1].1, Some(0));
        assert_eq!(sp.paragraphs[2].1, Some(1));
        assert_eq!(sp.speakers[0].roles, ["hälso- och sjukvårdsdirektör"]);
        // a name that goes on into a sentence is no signature
        let t = "”Vi bygger nu.” Anna Samuelsson besökte bygget i går och talade med arbetarna.";
        assert!(find_in(t, &[]).speakers.is_empty());
    }

    #[test]
    fn cue_without_its_comma_in_a_dash_quote() {
        let t = "Rubrik\n\n– Vi tar det här på största allvar menar Ola Ek, it-chef i Ale kommun.";
        let sp = find_in(t, &[]);
        assert_eq!(sp.speakers.len(), 1);
        assert_eq!(sp.speakers[0].name, "Ola Ek");
        assert_eq!(
            quotes(t, &sp, 0),
            [(
                "Vi tar det här på största allvar".to_string(),
                QuoteKind::Direct
            )]
        );
        assert_eq!(sp.paragraphs[1].1, Some(0));
    }

    #[test]
    fn paraphrase_after_an_inverted_cue_is_reported_speech() {
        let t = "Rubrik\n\n– Vi ser över allt, säger Anna Ek, ekonomichef.\n\nBudgeten räcker inte till allt, påpekar hon.";
        let sp = find_in(t, &[]);
        assert_eq!(
            quotes(t, &sp, 0)[1],
            (
                "Budgeten räcker inte till allt".to_string(),
                QuoteKind::Reported
            )
        );
        assert_eq!(sp.paragraphs[2].1, None);
        // In the first person it is a quote whose dash was lost.
        let t = "Rubrik\n\nVi måste spara på allt, säger Anna Ek.";
        let sp = find_in(t, &[]);
        assert_eq!(sp.speakers[0].quotes[0].kind, QuoteKind::Direct);
        assert_eq!(sp.paragraphs[1].1, Some(0));
    }

    #[test]
    fn a_quote_stops_where_the_narrative_takes_over() {
        let t = "Rubrik\n\n– Det tar tid, säger Karin Ek. Vi har bara börjat. Hon har lett arbetet sedan 2019.";
        let sp = find_in(t, &[]);
        let q: Vec<String> = quotes(t, &sp, 0).into_iter().map(|q| q.0).collect();
        assert_eq!(q, ["Det tar tid", "Vi har bara börjat."]);
    }

    #[test]
    fn a_dash_line_after_a_single_line_break() {
        let t = "Rubrik\n\nNämnden beslutade i går.\n– Det känns bra, säger Ola Ek.";
        let sp = find_in(t, &[]);
        assert_eq!(
            quotes(t, &sp, 0),
            [("Det känns bra".to_string(), QuoteKind::Direct)]
        );
        assert_eq!(dash_line_start(t, Span::new(8, t.len())), t.find("Det"));
    }

    #[test]
    fn a_quotation_inside_a_dash_quote_belongs_to_it() {
        let t =
            "Rubrik\n\n– Därför kallar vi året ”Årets arbetsplats”, säger Ola Ek, kommundirektör.";
        let sp = find_in(t, &[]);
        assert_eq!(
            quotes(t, &sp, 0)[0].0,
            "Därför kallar vi året ”Årets arbetsplats”"
        );
        assert_eq!(sp.paragraphs[1].1, Some(0));
    }

    #[test]
    fn reported_speech_with_the_verb_before_its_subject() {
        let t = "Rubrik\n\nVid en presskonferens berättade socialminister Lena Holm att lagen kommer i vår.";
        let sp = find_in(t, &[]);
        assert_eq!(sp.speakers[0].name, "Lena Holm");
        assert_eq!(
            quotes(t, &sp, 0),
            [("lagen kommer i vår.".to_string(), QuoteKind::Reported)]
        );
        assert_eq!(sp.speakers[0].roles, ["socialminister"]);
        assert_eq!(sp.paragraphs[1].1, None);
    }

    #[test]
    fn reported_speech_with_an_adverb_before_att_and_talk_about() {
        let t = "Rubrik\n\nRektorn Eva Berg nämnde bland annat att de är glada över platserna.\n\nOla Ek berättar om den statliga styrningen.";
        let sp = find_in(t, &[]);
        let names: Vec<&str> = sp.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Eva Berg", "Ola Ek"]);
        assert_eq!(quotes(t, &sp, 0)[0].0, "de är glada över platserna.");
        assert_eq!(quotes(t, &sp, 1)[0].0, "den statliga styrningen.");
    }

    #[test]
    fn a_joint_cue_gives_the_words_to_every_person_listed() {
        let t = "Rubrik\n\n– Vi är glada över lokalerna, säger från vänster Tina Ek, socialchef, Erika Berg, ordförande och Lena Holm, verksamhetschef.";
        let sp = find_in(t, &[]);
        let names: Vec<&str> = sp.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Tina Ek", "Erika Berg", "Lena Holm"]);
        for i in 0..3 {
            assert_eq!(quotes(t, &sp, i)[0].0, "Vi är glada över lokalerna");
        }
        // The paragraph is none of theirs alone.
        assert_eq!(sp.paragraphs[1].1, None);
    }

    #[test]
    fn a_second_dash_in_a_dash_paragraph_is_the_same_speaker_going_on() {
        let t = "Rubrik\n\n– Vi har gjort mycket i år. – Nu väntar nästa steg, säger Anna Berg.";
        let sp = find_in(t, &[]);
        assert_eq!(sp.paragraphs[1].1, Some(0));
    }

    #[test]
    fn a_dash_quote_inside_running_text_starts_at_its_dash() {
        let t = "Rubrik\n\nRegionen får ny teknik. Den används i hela Sverige. – Det betyder mycket för regionen, säger det socialdemokratiska finanslandstingsrådet Anna Berg. – Fler patienter överlever nu, säger det socialdemokratiska landstingsrådet Eva Holm. Tekniken är ny.";
        let sp = find_in(t, &[]);
        let names: Vec<&str> = sp.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Anna Berg", "Eva Holm"]);
        assert_eq!(quotes(t, &sp, 0)[0].0, "Det betyder mycket för regionen");
        assert_eq!(quotes(t, &sp, 1)[0].0, "Fler patienter överlever nu");
        assert_eq!(sp.paragraphs[1].1, None);
    }

    #[test]
    fn a_joint_cue_with_a_title_before_the_second_name() {
        let t = "Rubrik\n\n– Platsen är bra för förskolan, säger ordförande Johanna Berg (M) och 2:e vice ordförande Anders Alm (L).";
        let sp = find_in(t, &[]);
        let names: Vec<&str> = sp.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Johanna Berg", "Anders Alm"]);
        assert_eq!(quotes(t, &sp, 1)[0].0, "Platsen är bra för förskolan");
        assert!(joins_co_speaker(" och kommunalrådet "));
        assert!(!joins_co_speaker(" och Per Holm, "));
        assert!(!joins_co_speaker(" till "));
        assert!(!joins_co_speaker(", som tillsammans med vårddirektör "));
    }

    #[test]
    fn a_speech_act_without_a_content_clause_is_reported_speech() {
        let t = "Rubrik\n\nJens Holm, smittskyddsläkare i Region Östergötland, presenterade de aktuella siffrorna.\n\nEva Lind klippte bandet. Hon berömde personalens arbete med lokalerna.";
        let sp = find_in(t, &[]);
        let names: Vec<&str> = sp.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Jens Holm", "Eva Lind"]);
        assert_eq!(
            quotes(t, &sp, 1),
            [(
                "personalens arbete med lokalerna.".to_string(),
                QuoteKind::Reported
            )]
        );
        assert!(sp.paragraphs.iter().all(|(_, w)| w.is_none()));
        // Not when the name is no subject opening the sentence.
        let t = "Rubrik\n\nSiffrorna som Jens Holm presenterade var nya.";
        assert!(find_in(t, &[]).speakers.is_empty());
    }

    #[test]
    fn a_sentence_naming_someone_before_a_colon_introduces_the_dash_quote() {
        let t = "Rubrik\n\nMattias Berg från stadsfastighetsnämnden höll också ett tal:\n– Jag tror och hoppas att skolan står länge.";
        let sp = find_in(t, &[]);
        assert_eq!(sp.speakers[0].name, "Mattias Berg");
        assert_eq!(
            quotes(t, &sp, 0),
            [(
                "Jag tror och hoppas att skolan står länge.".to_string(),
                QuoteKind::Direct
            )]
        );
        assert_eq!(sp.paragraphs[1].1, None);
    }

    #[test]
    fn a_relative_clause_after_the_speaker_is_no_quote() {
        let t =
            "Rubrik\n\n– Det blir intressant, säger Eva Lind, som är ESV:s moderator under dagen.";
        let sp = find_in(t, &[]);
        let q: Vec<String> = quotes(t, &sp, 0).into_iter().map(|q| q.0).collect();
        assert_eq!(q, ["Det blir intressant"]);
    }

    #[test]
    fn enligt_names_a_speaker_at_either_end() {
        let t =
            "Rubrik\n\nKostnaderna ökar kraftigt, enligt Per Holm, ekonomichef i Tierps kommun.";
        let sp = find_in(t, &[]);
        assert_eq!(
            quotes(t, &sp, 0),
            [("Kostnaderna ökar kraftigt".to_string(), QuoteKind::Reported)]
        );
        assert_eq!(sp.speakers[0].organisations, ["Tierps kommun"]);
    }
}
