//! The walk over an article's paragraphs: each paragraph's features
//! ([`Para`]), the state carried from one paragraph to the next ([`Walk`]),
//! and one named rule per form of speech, each returning its [`Decision`]
//! for the paragraph. The rules are tried in the order of [`Walk::step`];
//! the first that decides wins.

use std::collections::HashMap;

use super::context::ContextOrgs;
use super::cues::{CueWords, INTERVIEWER, cue_words, is_first_person, label_re, speech_act_re};
use super::explicit::{explicit, narrative_start};
use super::names;
use super::persons::{Ctx, Mention, finish, word_count};
use super::quotes::{is_quoted_subheading, quote_pairs, starts_with_dash, trim_quote, trim_span};
use super::roles;
use super::{QuoteKind, Speakers};
use crate::clean::{Block, BlockKind};
use crate::document::{Metadata, Removed};
use crate::span::Span;

/// One paragraph and what the walk needs to know about it, computed once.
#[derive(Default)]
pub(super) struct Para {
    /// The paragraph without surrounding white space.
    pub(super) span: Span,
    /// Its kind from cleaning; `None` for a block that is not valid text.
    pub(super) kind: Option<BlockKind>,
    /// The people named in it, in text order.
    pub(super) mentions: Vec<Mention>,
    /// Its quotations: (span with the marks, span of the words inside).
    pub(super) marks: Vec<(Span, Span)>,
    /// A first-person pronoun outside quotation marks.
    pub(super) first_person: bool,
    /// It ends with a question mark.
    pub(super) ends_q: bool,
    /// It starts with a dash.
    pub(super) dash: bool,
    /// Short, without final punctuation: a heading in all but kind.
    pub(super) heading_like: bool,
    /// The person it names and nothing else ("Anna Ek, it-chef").
    pub(super) name_only: Option<usize>,
    /// A byline, as cleaning marked it ([`BlockKind::Byline`]).
    pub(super) byline: bool,
    /// A press contact block, as cleaning marked it ([`BlockKind::Contact`]).
    pub(super) contact: bool,
    /// Its cue words.
    pub(super) cues: CueWords,
}

/// What a rule decided about a paragraph. The walk applies it to its state
/// ([`Walk::apply`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Decision {
    /// Nothing changes (a title, an empty block, a paragraph whose quote
    /// comes with the next one, a label that is the host's).
    Keep,
    /// A line holding only a name: the person is introduced.
    NameLine(usize),
    /// A byline, a contact block or a caption: it ends a run of speech.
    Furniture,
    /// A heading: it ends a run of speech and may introduce a person.
    Heading,
    /// An interviewer's question; the answers after it belong to `answerer`.
    Question {
        /// Who answers, when known.
        answerer: Option<usize>,
    },
    /// A question label of a transcript ("Fråga:"), without an answerer.
    HostTurn,
    /// The whole paragraph is this person's speech.
    Speech(usize),
    /// Narrative that attributes speech to this person inside it.
    Introduces(usize),
    /// A pull-quote of this person.
    PullQuote(usize),
    /// A quotation opened and not closed in this paragraph.
    OpensQuotation,
    /// Narrative: the run ends; a person named becomes the one referred to.
    Narrative,
}

/// The state carried from one paragraph to the next.
#[derive(Default)]
pub(super) struct Walk {
    /// The person named or speaking last.
    active: Option<usize>,
    /// The speaker of the run of speech paragraphs going on.
    run: Option<usize>,
    /// The last speaker, while nobody else has been named since.
    last_speaker: Option<usize>,
    /// The person the previous paragraph introduced.
    intro: Option<usize>,
    /// A cue with a colon ending the previous paragraph: (speaker, cue).
    pending: Option<(usize, String)>,
    /// The previous paragraph was a question.
    prev_q: bool,
    /// The article speaks in the first person itself (a debate article, an
    /// interpellation, a press release in the organisation's voice): then a
    /// first-person paragraph after an introduction is no turn of its own.
    author_voice: bool,
    /// The article marks speech with dashes.
    dash_article: bool,
    /// Paragraphs of a quotation opened and not yet closed.
    open_chain: Vec<usize>,
    /// Transcript labels seen so far.
    labels_seen: Vec<String>,
    /// The article is (partly) an interview: a question has been answered,
    /// or the article is laid out as questions and answers ([`is_interview`]).
    interview: bool,
    /// Transcript labels that belong to the host.
    interviewers: Vec<String>,
    /// The one person the headline names: the speaker of dash quotes that
    /// nobody else can have said, while nothing is attributed explicitly.
    headline: Option<usize>,
    /// Some speech has been attributed explicitly (by a cue) so far.
    cued: bool,
    /// A text reproduced as someone's own: their speech under a heading
    /// that names it ("Talmannens tal"), ending at the next heading (the
    /// flag), or their article after "skriver NAME i en debattartikel".
    own_text: Option<(usize, bool)>,
}

/// The walk over one article: its context, paragraphs, output and state.
struct Walker<'a, 'm> {
    ctx: Ctx<'a>,
    paras: Vec<Para>,
    out: Vec<(BlockKind, Option<usize>)>,
    metadata: &'m Metadata,
    state: Walk,
}

/// Runs attribution over a cleaned article.
pub(crate) fn run(
    text: &str,
    blocks: &[Block],
    sentences: &[Span],
    metadata: &Metadata,
    removed: &[Removed],
) -> Speakers {
    let page: String = removed.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join("\n");
    let mut ctx = Ctx {
        text,
        sentences,
        persons: Vec::new(),
        order: Vec::new(),
        context: ContextOrgs::of(text).or_page(&page),
        page,
        index: HashMap::default(),
        marks_speech: blocks.iter().any(|b| {
            let s = text
                .get(b.span.start..b.span.end)
                .unwrap_or("")
                .trim_start();
            starts_with_dash(s) || s.starts_with(['”', '“', '»', '„', '"'])
        }),
    };
    let paras: Vec<Para> = blocks
        .iter()
        .map(|b| para_of(&mut ctx, b, metadata))
        .collect();
    let mut paras = paras;
    cut_off_is_no_heading(&ctx, &mut paras);
    let interview = is_interview(&ctx, &paras);
    let headline = headline_person(&ctx, &paras);
    let mut w = Walker {
        ctx,
        paras,
        out: blocks.iter().map(|b| (b.kind, None)).collect(),
        metadata,
        state: Walk {
            interview,
            headline,
            ..Walk::default()
        },
    };
    for i in 0..w.paras.len() {
        let para = std::mem::take(&mut w.paras[i]);
        if para.kind.is_some() {
            let d = w.step(&para, i);
            w.apply(&para, i, d);
        }
        w.paras[i] = para;
    }
    caption_repeats(&mut w);
    finish(w.ctx, w.out)
}

/// The last body paragraph of a page cut off in mid-sentence ("Många möten
/// är minnesv") has no final punctuation, but a heading heads something:
/// the last paragraph is no heading unless cleaning marked it one.
fn cut_off_is_no_heading(ctx: &Ctx, paras: &mut [Para]) {
    let Some(last) = paras
        .iter_mut()
        .rev()
        .find(|p| p.kind == Some(BlockKind::Body) && !p.span.is_empty())
    else {
        return;
    };
    let s = ctx.slice(last.span);
    // A question cut off before its question mark stays out of the answers.
    const ASKING: &[&str] = &[
        "Vad", "Hur", "Varför", "Vilka", "Vilken", "Vilket", "Vem", "När",
    ];
    let asks = s
        .split_whitespace()
        .next()
        .is_some_and(|w| ASKING.contains(&w));
    if last.heading_like && !asks && word_count(s) >= 3 && s.starts_with(char::is_uppercase) {
        last.heading_like = false;
    }
}

/// The one person a headline names ("Statsminister Göran Persson
/// presenterar ny regering"), if it names exactly one.
fn headline_person(ctx: &Ctx, paras: &[Para]) -> Option<usize> {
    let title = paras.iter().find(|p| p.kind == Some(BlockKind::Title))?;
    let mut named = title
        .mentions
        .iter()
        .filter(|m| !ctx.persons[m.person].excluded)
        .map(|m| m.person);
    let first = named.next()?;
    named.all(|x| x == first).then_some(first)
}

/// Nouns for a speech given ("Talmannens tal", "Rektorns anförande").
const SPEECH_NOUNS: &[&str] = &[
    "tal",
    "anförande",
    "inledningsanförande",
    "hälsningsanförande",
    "öppningsanförande",
    "öppningstal",
    "hälsningstal",
    "invigningstal",
    "högtidstal",
    "avskedstal",
    "jultal",
    "nyårstal",
    "sommartal",
    "linjetal",
    "installationstal",
    "välkomsttal",
    "tacktal",
];

/// Whose speech a heading announces: "Andreas Norléns tal", "Talmannens
/// anförande efter talmansvalet" (the person holding that title, or the
/// only person the article has named), "Tal av NAME".
fn speech_heading(ctx: &Ctx, p: &Para) -> Option<usize> {
    let text = ctx.text;
    let ws = names::words(text, p.span);
    let word = |k: usize| ws.get(k).map_or("", |w| w.slice(text));
    let k =
        (0..ws.len().min(4)).find(|&k| SPEECH_NOUNS.contains(&word(k).to_lowercase().as_str()))?;
    let alive = |m: &&Mention| !ctx.persons[m.person].excluded;
    if k == 0 {
        // "Tal av NAME"
        return (word(1) == "av")
            .then(|| {
                p.mentions
                    .iter()
                    .filter(alive)
                    .find(|m| Some(&m.span.start) == ws.get(2).map(|w| &w.start))
            })
            .flatten()
            .map(|m| m.person);
    }
    let genitive = ws[k - 1];
    if let Some(m) = p
        .mentions
        .iter()
        .filter(alive)
        .find(|m| m.span.end == genitive.end)
    {
        return Some(m.person);
    }
    let definite = genitive.slice(text).to_lowercase();
    let definite = definite.strip_suffix('s')?;
    let holders: Vec<usize> = (0..ctx.persons.len())
        .filter(|&i| {
            let per = &ctx.persons[i];
            !per.excluded
                && per.roles.iter().any(|r| {
                    let head = r.rsplit(' ').next().unwrap_or(r);
                    definite.starts_with(head) && definite.len() <= head.len() + 3
                })
        })
        .collect();
    if let [one] = holders[..] {
        return Some(one);
    }
    let alive_persons: Vec<usize> = (0..ctx.persons.len())
        .filter(|&i| !ctx.persons[i].excluded && !ctx.persons[i].mentions.is_empty())
        .collect();
    match (holders.is_empty(), &alive_persons[..]) {
        (true, [one]) if roles::role_word(definite).is_some() || definite.ends_with("mannen") => {
            Some(*one)
        }
        _ => None,
    }
}

/// A caption that repeats a speaker's quote (at least four words of it)
/// is attributed to that speaker.
fn caption_repeats(w: &mut Walker) {
    let text = w.ctx.text;
    for (i, p) in w.paras.iter().enumerate() {
        if p.kind != Some(BlockKind::Caption) || w.out[i].1.is_some() {
            continue;
        }
        let q = trim_quote(text, p.span);
        let words = q.slice(text);
        if word_count(words) < 4 {
            continue;
        }
        let who = w.ctx.persons.iter().position(|per| {
            !per.excluded
                && per.quotes.iter().any(|x| {
                    x.span != q && x.span.slice(text).contains(words.trim_end_matches('.'))
                })
        });
        if let Some(who) = who
            && w.ctx.add_quote(who, q, QuoteKind::Pullquote, None)
        {
            w.out[i].1 = Some(who);
        }
    }
}

/// Whether the article is a Q&A interview: at least two short questions,
/// each followed by a paragraph that is no question and names nobody (the
/// answer).
fn is_interview(ctx: &Ctx, paras: &[Para]) -> bool {
    let answered = paras
        .windows(2)
        .filter(|w| {
            let (q, a) = (&w[0], &w[1]);
            q.kind == Some(BlockKind::Body)
                && q.ends_q
                && !q.dash
                && q.marks.is_empty()
                && word_count(ctx.slice(q.span)) <= 40
                && a.kind == Some(BlockKind::Body)
                && !a.ends_q
                && a.mentions.is_empty()
                && !a.heading_like
        })
        .count();
    answered >= 2
}

/// The features of one block; registers the people it names.
fn para_of(ctx: &mut Ctx, b: &Block, metadata: &Metadata) -> Para {
    let text = ctx.text;
    let valid = b.span.start <= b.span.end && text.get(b.span.start..b.span.end).is_some();
    if !valid {
        return Para::default();
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
    let last_char = s.chars().last();
    // a short dash line without a sentence's end is a list item
    // ("- Trafiksäkerhetsgruppen"), not a quote
    let list_item = word_count(s) <= 6
        && !s.contains('\n')
        && !last_char.is_some_and(|c| ".!?:;”\"»…".contains(c));
    let dash = starts_with_dash(s) && !list_item;
    let heading_like =
        !dash && !last_char.is_some_and(|c| ".!?:;”\"»…)".contains(c)) && word_count(s) <= 10;
    let name_only = mentions.first().and_then(|m| {
        let rest = text.get(m.span.end..span.end).unwrap_or("x");
        // "NAME, ROLE, presenterade siffrorna." is a sentence: a verb of
        // saying after the name.
        let sentence = cues.speech || cues.report || speech_act_re().is_match(rest);
        // A line ending in a colon introduces what follows.
        let ok = m.span.start == span.start
            && !s.ends_with(':')
            && (rest.trim_end_matches('.').is_empty()
                || (rest.starts_with(',')
                    && !sentence
                    && word_count(s) <= 10
                    && !rest.contains(|c: char| c.is_ascii_digit() || c == '@')
                    && !rest.trim_end_matches('.').contains('.')));
        (ok && !ctx.persons[m.person].excluded).then_some(m.person)
    });
    let byline = b.kind == BlockKind::Byline;
    let contact = b.kind == BlockKind::Contact;
    Para {
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
    }
}

/// Whom a narrative paragraph introduces.
enum Intro {
    /// One person: named (the last named, when one is named twice), or
    /// referred to as "han"/"hon" while they are the one referred to.
    Person(usize),
    /// Several people (a list of names): none of them.
    Several,
    /// Nobody.
    Nobody,
}

/// Whom paragraph `p` introduces, `active` being the person referred to
/// before it. A dash quote without a cue after it is that person's.
fn introduced(ctx: &Ctx, p: &Para, active: Option<usize>) -> Intro {
    let mut named = p
        .mentions
        .iter()
        .filter(|m| !ctx.persons[m.person].excluded)
        .map(|m| m.person);
    if let Some(last) = p
        .mentions
        .iter()
        .rev()
        .find(|m| !ctx.persons[m.person].excluded)
    {
        return if named.all(|x| x == last.person) {
            Intro::Person(last.person)
        } else {
            Intro::Several
        };
    }
    let Some(a) = active else {
        return Intro::Nobody;
    };
    let pronoun = match ctx.persons[a].gender {
        names::Gender::Female => ["hon", "Hon", "henne", "hennes"],
        names::Gender::Male => ["han", "Han", "honom", "hans"],
        names::Gender::Unknown => ["hon", "han", "Hon", "Han"],
    };
    let text = ctx.slice(p.span);
    let refers = text
        .split(|c: char| !c.is_alphabetic())
        .any(|w| pronoun.contains(&w));
    if refers {
        Intro::Person(a)
    } else {
        Intro::Nobody
    }
}

impl Walker<'_, '_> {
    /// Tries the rules in order; the first that decides wins.
    fn step(&mut self, p: &Para, i: usize) -> Decision {
        let kind = p.kind.unwrap_or(BlockKind::Body);
        let intro = self.state.intro.take();
        let chain = std::mem::take(&mut self.state.open_chain);
        if kind == BlockKind::Title || p.span.is_empty() {
            return Decision::Keep;
        }
        if let Some(d) = self.name_line(p) {
            return d;
        }
        if kind == BlockKind::Caption {
            self.caption(p, i);
            return Decision::Furniture;
        }
        if p.byline || p.contact {
            return Decision::Furniture;
        }
        if let Some(d) = self.salutation(p, i) {
            return d;
        }
        if let Some(d) = self.heading(p, i) {
            return d;
        }
        if let Some(d) = self.transcript_label(p) {
            return d;
        }
        if let Some(d) = self.colon_quote(p) {
            return d;
        }
        if let Some(d) = self.explicit_attribution(p, i, &chain) {
            return d;
        }
        if let Some(d) = self.own_text(p) {
            return d;
        }
        if let Some(d) = self.pull_quote(p, i) {
            return d;
        }
        let who = self.uncued_speaker(p, intro);
        if let Some(d) = self.question(p, i, who) {
            return d;
        }
        if let Some(d) = self.uncued_speech(p, who) {
            return d;
        }
        if let Some(d) = self.open_quotation(p, i, chain) {
            return d;
        }
        Decision::Narrative
    }

    /// Applies a decision to the state and the output.
    fn apply(&mut self, p: &Para, i: usize, d: Decision) {
        let speaker = match d {
            Decision::Speech(w) | Decision::Introduces(w) | Decision::PullQuote(w) => Some(w),
            _ => None,
        };
        let other_named = p
            .mentions
            .iter()
            .any(|m| !self.ctx.persons[m.person].excluded && Some(m.person) != speaker);
        let st = &mut self.state;
        if other_named {
            st.last_speaker = None;
        }
        if speaker.is_some() {
            st.last_speaker = speaker;
        }
        match d {
            Decision::Keep | Decision::OpensQuotation => {}
            Decision::NameLine(who) => {
                st.active = Some(who);
                st.intro = Some(who);
                st.run = None;
                st.prev_q = false;
                st.pending = None;
            }
            Decision::Furniture => {
                st.run = None;
                st.pending = None;
                if p.byline || p.contact {
                    st.own_text = None;
                }
            }
            Decision::Heading => {
                st.run = None;
                st.pending = None;
                st.prev_q = false;
                // (a second heading right under the one that announced the
                // speech, "Ärade ledamöter", is the speech's salutation)
                let under_speech_heading = i > 0
                    && self.heading(&self.paras[i - 1], i - 1).is_some()
                    && speech_heading(&self.ctx, &self.paras[i - 1]).is_some();
                let st = &mut self.state;
                match speech_heading(&self.ctx, p) {
                    Some(who) => st.own_text = Some((who, true)),
                    None if under_speech_heading => {}
                    None if matches!(st.own_text, Some((_, true))) => st.own_text = None,
                    None => {}
                }
                // A short line that names someone introduces them like a sentence does.
                self.introduce_named(p);
            }
            Decision::Question { answerer } => {
                self.out[i].0 = BlockKind::Question;
                st.prev_q = true;
                if let Some(a) = answerer {
                    st.interview = true;
                    if st.run.is_none() {
                        st.run = Some(a);
                    }
                }
            }
            Decision::HostTurn => {}
            Decision::Speech(who) => {
                self.out[i].1 = Some(who);
                st.run = Some(who);
                st.active = Some(who);
                st.prev_q = false;
            }
            Decision::Introduces(who) => {
                st.active = Some(who);
                st.intro = Some(who);
                st.run = None;
                st.prev_q = false;
            }
            Decision::PullQuote(who) => {
                self.out[i] = (BlockKind::Quote, Some(who));
                st.run = None;
            }
            Decision::Narrative => {
                // On a page that lost its dashes, a line of narrative that
                // names nobody interrupts a speaker's run without ending
                // their part of the article.
                let interrupted = st.run.filter(|_| !self.ctx.marks_speech);
                st.run = None;
                st.prev_q = false;
                self.introduce_named(p);
                if self.state.intro.is_none() {
                    self.state.intro = interrupted;
                }
            }
        }
    }

    /// The person a narrative paragraph introduces ([`introduced`]) becomes
    /// the one referred to next.
    fn introduce_named(&mut self, p: &Para) {
        match introduced(&self.ctx, p, self.state.active) {
            Intro::Person(who) => {
                self.state.active = Some(who);
                self.state.intro = Some(who);
            }
            Intro::Several => self.state.active = None,
            Intro::Nobody => {}
        }
    }

    /// A line holding only a name ("Anna Ek" or "Anna Ek, it-chef").
    fn name_line(&self, p: &Para) -> Option<Decision> {
        p.name_only.map(Decision::NameLine)
    }

    /// A photo caption with its own attribution ("”Det tar tid”, säger
    /// NAME.", "NAME berättar om ..."): the speech is theirs, and a caption
    /// that is their quote gets their id. A caption that only repeats a
    /// quote is matched after the walk ([`caption_repeats`]).
    fn caption(&mut self, p: &Para, i: usize) {
        let ex = explicit(&mut self.ctx, p);
        if let Some(who) = ex.para_speaker {
            self.out[i].1 = Some(who);
        }
    }

    /// A heading, a short line without final punctuation, or a quoted
    /// subheading ([`is_quoted_subheading`]). A short
    /// first-person line above a name line may come marked as a heading: it
    /// is a pull-quote all the same.
    fn heading(&self, p: &Para, i: usize) -> Option<Decision> {
        let kind = p.kind?;
        // a speech's salutation ("Ärade ledamöter,") is the speech's
        if self.state.own_text.is_some_and(|(_, speech)| speech)
            && self.ctx.slice(p.span).trim_end().ends_with(',')
        {
            return None;
        }
        let above_name = self.next(i).is_some_and(|n| n.name_only.is_some());
        let quoted = !above_name && is_quoted_subheading(self.ctx.slice(p.span));
        ((kind == BlockKind::Heading || p.heading_like || quoted)
            && !p.ends_q
            && !(above_name && p.first_person))
            .then_some(Decision::Heading)
    }

    /// The paragraph after `i`.
    fn next(&self, i: usize) -> Option<&Para> {
        self.paras.get(i + 1)
    }

    /// A transcript label ("Anna Ek: ...", "Fråga: ..."): the host's
    /// questions, or a turn of the person named.
    fn transcript_label(&mut self, p: &Para) -> Option<Decision> {
        let text = self.ctx.text;
        let span = p.span;
        let c = label_re().captures(self.ctx.slice(span))?;
        let l = c.get(1)?;
        let label = l.as_str();
        let st = &mut self.state;
        let body = trim_quote(text, Span::new(span.start + l.end() + 1, span.end));
        // The host: a label whose first turn is a question keeps that role.
        if !st.labels_seen.iter().any(|x| x == label) {
            st.labels_seen.push(label.to_string());
            if p.ends_q {
                st.interviewers.push(label.to_string());
            }
        }
        if INTERVIEWER.contains(&label)
            || p.ends_q
            || st.interviewers.iter().any(|x| x == label)
            || self.metadata.authors.iter().any(|a| a.trim() == label)
            || p.mentions
                .iter()
                .any(|m| m.span.start == span.start && self.ctx.persons[m.person].excluded)
        {
            if p.ends_q || INTERVIEWER.contains(&label) {
                return Some(Decision::Question { answerer: None });
            }
            return Some(Decision::HostTurn);
        }
        let who = if label == "Svar" || label == "S" {
            st.run.or(st.active)
        } else {
            p.mentions
                .iter()
                .find(|m| m.span.start == span.start && m.span.end == span.start + l.end())
                .map(|m| m.person)
                .or_else(|| self.ctx.by_label(label))
        }?;
        (!self.ctx.persons[who].excluded
            && self.ctx.add_quote(who, body, QuoteKind::Turn, Some(":")))
        .then_some(Decision::Speech(who))
    }

    /// The paragraph after a cue with a colon ("NAME säger:") is the
    /// speaker's quote.
    fn colon_quote(&mut self, p: &Para) -> Option<Decision> {
        let (who, cue) = self.state.pending.take()?;
        if p.ends_q {
            return None;
        }
        let q = trim_quote(self.ctx.text, p.span);
        self.ctx
            .add_quote(who, q, QuoteKind::Direct, Some(&cue))
            .then_some(Decision::Speech(who))
    }

    /// Explicit attributions inside the paragraph (see [`explicit`]).
    fn explicit_attribution(&mut self, p: &Para, i: usize, chain: &[usize]) -> Option<Decision> {
        let text = self.ctx.text;
        if p.dash {
            self.state.dash_article = true;
        }
        let ex = explicit(&mut self.ctx, p);
        if let Some(pending) = ex.pending {
            self.state.pending = Some(pending);
        }
        // "Det säger NAME": the paragraph before was NAME's.
        if let Some((who, cue)) = ex.previous.clone()
            && i > 0
            && self.out[i - 1].1.is_none()
            && matches!(self.out[i - 1].0, BlockKind::Body | BlockKind::Quote)
        {
            let q = trim_quote(text, self.paras[i - 1].span);
            if self.ctx.add_quote(who, q, QuoteKind::Direct, Some(&cue)) {
                self.out[i - 1].1 = Some(who);
            }
        }
        if ex.para_speaker.is_some() || ex.any_speaker.is_some() {
            self.state.cued = true;
        }
        if let Some(w) = ex.writes {
            self.state.own_text = Some((w, false));
        }
        if ex.joint {
            return Some(Decision::Narrative);
        }
        if let Some(who) = ex.para_speaker {
            // Earlier paragraphs of the same quotation (opened, never closed).
            for &j in chain {
                let q = trim_quote(text, self.paras[j].span);
                if self.ctx.add_quote(who, q, QuoteKind::Direct, None) {
                    self.out[j].1 = Some(who);
                }
            }
            return Some(Decision::Speech(who));
        }
        if let Some(who) = ex.any_speaker {
            return Some(Decision::Introduces(who));
        }
        if self.state.pending.is_some() {
            return Some(Decision::Keep);
        }
        ex.unresolved.then_some(Decision::Narrative)
    }

    /// A speech's salutation ("Ärade ledamöter,", "Kära vänner,", "Herr
    /// talman,") on a page that speaks of a speech given ("höll ett tal",
    /// "Talmannens anförande"): it and what follows are the speech of the
    /// person the page last named before it, as a text of their own.
    fn salutation(&mut self, p: &Para, i: usize) -> Option<Decision> {
        const OPENINGS: &[&str] = &["ärade", "kära", "bästa", "herr", "fru", "mina", "hej", "god"];
        let s = self.ctx.slice(p.span).trim();
        let first = s.split_whitespace().next()?.to_lowercase();
        if !s.ends_with(',') || s.split_whitespace().nth(5).is_some() || !OPENINGS.contains(&first.as_str())
        {
            return None;
        }
        let text = self.ctx.text;
        let speech_given = text[..p.span.start]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| SPEECH_NOUNS.contains(&w.to_lowercase().as_str()));
        if !speech_given || i == 0 {
            return None;
        }
        let last_named = (0..self.ctx.persons.len())
            .filter(|&k| !self.ctx.persons[k].excluded)
            .filter_map(|k| {
                let before = self.ctx.persons[k]
                    .mentions
                    .iter()
                    .filter(|m| m.end <= p.span.start)
                    .map(|m| m.start)
                    .max()?;
                Some((before, k))
            })
            .max()?;
        self.state.own_text = Some((last_named.1, true));
        self.own_text(p)
    }

    /// A paragraph of a text reproduced as someone's own (see
    /// [`Walk::own_text`]) is theirs, until a paragraph speaks of them in
    /// the third person (the page's own narrative again).
    fn own_text(&mut self, p: &Para) -> Option<Decision> {
        let (who, _) = self.state.own_text?;
        if p.kind != Some(BlockKind::Body) || self.ctx.persons[who].excluded {
            return None;
        }
        if narrative_start(&self.ctx, who, p.span) < p.span.end {
            self.state.own_text = None;
            return None;
        }
        let q = trim_quote(self.ctx.text, p.span);
        self.ctx
            .add_quote(who, q, QuoteKind::Direct, None)
            .then_some(Decision::Speech(who))
    }

    /// Whether the paragraph is one quotation from start to end.
    fn whole_marks(p: &Para) -> bool {
        p.marks
            .first()
            .is_some_and(|(m, _)| m.start == p.span.start && m.end >= p.span.end.saturating_sub(1))
    }

    /// A pull-quote: speech followed by a line with only a name. A name
    /// line that ends the article under first-person text is the author's
    /// signature, not a pull-quote attribution.
    fn pull_quote(&mut self, p: &Para, i: usize) -> Option<Decision> {
        let text = self.ctx.text;
        let span = p.span;
        let s = self.ctx.slice(span);
        let who = self.next(i).and_then(|n| n.name_only)?;
        let signature = self.state.author_voice || i + 2 >= self.paras.len();
        // A pull-quote often repeats body text.
        let speechlike = p.first_person
            || p.dash
            || Self::whole_marks(p)
            || word_count(s) <= 30
            || (s.len() >= 20 && (text[..span.start].contains(s) || text[span.end..].contains(s)));
        if signature || !speechlike || p.ends_q || word_count(s) > 90 {
            return None;
        }
        let q = trim_quote(text, span);
        self.ctx
            .add_quote(who, q, QuoteKind::Pullquote, None)
            .then_some(Decision::PullQuote(who))
    }

    /// Whose speech a paragraph without a cue would be: the run's speaker,
    /// the person the paragraph before introduced (by name, or as "hon" or
    /// "han"), or, for a dash or quotation paragraph, the last speaker when
    /// nobody else has been named since. Notes when the article speaks in
    /// its own first person.
    fn uncued_speaker(&mut self, p: &Para, intro: Option<usize>) -> Option<usize> {
        let st = &mut self.state;
        let marked =
            p.dash || Self::whole_marks(p) || Self::opens_unclosed(self.ctx.slice(p.span), p);
        if p.first_person && !marked && st.run.is_none() && intro.is_none() {
            st.author_voice = true;
        }
        let intro = if st.author_voice && !marked {
            None
        } else {
            intro
        };
        // A quote cut off by the end of the page lost its own attribution:
        // only its introduction tells whose it is.
        let s = self.ctx.slice(p.span);
        let cut_off = !s.ends_with(['.', '!', '?', '”', '"', '»', '…', ':', ')']);
        let last = if marked && !cut_off {
            st.last_speaker
        } else {
            None
        };
        // A quote that names someone ("– Leni Björklund svarar upp mot
        // ...", "– Vi uppskattar Björns insats") is not theirs: people
        // speak of others by name, not of themselves.
        let text = self.ctx.text;
        let named_in_quote = |w: usize| {
            marked
                && p.mentions
                    .iter()
                    .any(|m| m.person == w && !text[..m.span.start].ends_with("heter "))
        };
        let who = st.run.or(intro).or(last).filter(|&w| !named_in_quote(w));
        who.or_else(|| {
            let h = st.headline.filter(|_| marked && !st.cued)?;
            (!named_in_quote(h)).then_some(h)
        })
    }

    /// Whether the paragraph opens a quotation it does not close (a quote
    /// going on in the next paragraph, or cut off by the end of the page).
    fn opens_unclosed(s: &str, p: &Para) -> bool {
        s.starts_with(['”', '“', '»', '„', '"'])
            && p.marks.first().is_none_or(|(m, _)| m.start != p.span.start)
    }

    /// An interviewer's question: a question before an answer (a dash, a
    /// first-person paragraph, a transcript label, or, once the article is
    /// an interview, any paragraph that names nobody).
    fn question(&mut self, p: &Para, i: usize, who: Option<usize>) -> Option<Decision> {
        let st = &self.state;
        if !p.ends_q || p.dash || Self::whole_marks(p) || who.or(st.active).is_none() {
            return None;
        }
        let answered = self.next(i).is_some_and(|n| {
            n.name_only.is_none()
                && n.kind.is_some()
                && (n.dash
                    || n.first_person
                    || label_re().is_match(self.ctx.slice(n.span))
                    || (st.interview && n.mentions.is_empty() && !n.heading_like && !n.ends_q))
        });
        answered.then_some(Decision::Question {
            answerer: who.or(st.active),
        })
    }

    /// Speech without a cue: a dash paragraph, a paragraph in quotation
    /// marks, a first-person paragraph after its speaker's introduction
    /// where the page lost all its dashes (in an article that marks its
    /// quotes, an unmarked first-person paragraph is the article's own
    /// voice or a paraphrase), or an answer in an interview.
    fn uncued_speech(&mut self, p: &Para, who: Option<usize>) -> Option<Decision> {
        let who = who?;
        let marked =
            p.dash || Self::whole_marks(p) || Self::opens_unclosed(self.ctx.slice(p.span), p);
        let own_mention = p
            .mentions
            .iter()
            .any(|m| m.person == who && self.ctx.slice(m.span).contains(' '));
        let st = &self.state;
        // In an interview an answer runs on over unmarked paragraphs.
        let answer_goes_on = st.interview && st.run == Some(who);
        let lost_dash =
            p.first_person && !own_mention && (!self.ctx.marks_speech || answer_goes_on);
        let speech = marked || lost_dash || (st.prev_q && st.interview && p.mentions.is_empty());
        if !speech || self.ctx.persons[who].excluded {
            return None;
        }
        let kind = if st.prev_q || !marked {
            QuoteKind::Turn
        } else {
            QuoteKind::Direct
        };
        let q = trim_quote(self.ctx.text, p.span);
        self.ctx
            .add_quote(who, q, kind, None)
            .then_some(Decision::Speech(who))
    }

    /// A quotation opened and not closed: its speaker may come with the
    /// next paragraph ("”... ¶ ”...”, säger NAME").
    fn open_quotation(&mut self, p: &Para, i: usize, mut chain: Vec<usize>) -> Option<Decision> {
        let s = self.ctx.slice(p.span);
        let opens = s.starts_with(['”', '“', '»', '„', '"'])
            && p.marks.first().is_none_or(|(m, _)| m.start != p.span.start);
        if !opens {
            return None;
        }
        chain.push(i);
        self.state.open_chain = chain;
        Some(Decision::OpensQuotation)
    }
}

/// Attribution over `text` split at blank lines, its paragraphs as its
/// sentences (for the tests of the rules).
#[cfg(test)]
pub(super) fn find_in(text: &str, authors: &[&str]) -> Speakers {
    let blocks = crate::clean::split_blocks(text);
    let spans: Vec<Span> = blocks.iter().map(|b| b.span).collect();
    let sentences = crate::language::analyze(text, &spans, true).sentences;
    let meta = Metadata {
        authors: authors.iter().map(|a| a.to_string()).collect(),
        ..Metadata::default()
    };
    run(text, &blocks, &sentences, &meta, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker_of(sp: &Speakers, i: usize) -> Option<&str> {
        sp.paragraphs[i].1.map(|s| sp.speakers[s].name.as_str())
    }

    #[test]
    fn a_speech_from_its_salutation_on_is_the_speakers() {
        let t = "Talmannen höll tal\n\nEfter voteringen höll talman Andreas Norlén ett tal till ledamöterna.\n\nWebb-tv: Avslutning\n\nÄrade ledamöter,\n\nHöstens sista votering är verkställd och vi kan se tillbaka på ett intensivt halvår.\n\nJag vill tacka er alla för arbetet.";
        let sp = find_in(t, &[]);
        assert_eq!(speaker_of(&sp, 2), None);
        assert_eq!(speaker_of(&sp, 3), Some("Andreas Norlén"));
        assert_eq!(speaker_of(&sp, 4), Some("Andreas Norlén"));
        assert_eq!(speaker_of(&sp, 5), Some("Andreas Norlén"));
        // a salutation on a page that speaks of no speech is no speech
        let t = "Rubrik\n\nAnna Ek är ny rektor på skolan sedan i höstas.\n\nKära föräldrar,\n\nSkolan börjar den 20 augusti.";
        let sp = find_in(t, &[]);
        assert_eq!(speaker_of(&sp, 2), None);
        assert_eq!(speaker_of(&sp, 3), None);
    }

    #[test]
    fn third_person_paragraph_on_a_page_without_dashes_is_narrative() {
        let t = "Rubrik\n\nAnna Ek är kommunchef.\n\nVi har mycket att göra just nu.\n\nKommunen har 60 000 invånare och ligger vid kusten.\n\nVi vill växa.";
        let sp = find_in(t, &[]);
        assert_eq!(speaker_of(&sp, 2), Some("Anna Ek"));
        assert_eq!(speaker_of(&sp, 3), None);
        assert_eq!(speaker_of(&sp, 4), Some("Anna Ek"));
    }

    #[test]
    fn a_dash_quote_after_a_list_of_names_has_no_speaker() {
        let t = "Rubrik\n\n– Det gick bra, säger Ola Ek.\n\nJuryn bestod av Anna Berg, Per Holm och Eva Lund.\n\n– Nu firar vi.";
        let sp = find_in(t, &[]);
        assert_eq!(speaker_of(&sp, 3), None);
        let t = "Rubrik\n\n– Det gick bra, säger Ola Ek.\n\nPriset delas ut varje år.\n\n– Nu firar vi.";
        assert_eq!(speaker_of(&find_in(t, &[]), 3), Some("Ola Ek"));
    }

    #[test]
    fn an_unmarked_first_person_paragraph_in_a_dash_article_is_no_quote() {
        let t = "Rubrik\n\n– Tillit tar tid, säger Lars Berg.\n\nSverige står ut, och vi har hög tillit.\n\n– Det är viktigt, säger Lars Berg.";
        let sp = find_in(t, &[]);
        assert_eq!(speaker_of(&sp, 2), None);
    }

    #[test]
    fn questions_and_answers_laid_out_without_marks() {
        let t = "Rubrik\n\nTalman Ola Ek\n\nHur har hösten varit?\n\nDen har varit intensiv.\n\nVad minns du mest?\n\nMånga möten.";
        let sp = find_in(t, &[]);
        assert_eq!(sp.paragraphs[2].0, BlockKind::Question);
        assert_eq!(speaker_of(&sp, 3), Some("Ola Ek"));
        assert_eq!(sp.paragraphs[4].0, BlockKind::Question);
        assert_eq!(speaker_of(&sp, 5), Some("Ola Ek"));
    }

    #[test]
    fn a_quoted_subheading_is_nobody_s_quote() {
        let t = "Rubrik\n\n– Vi satsar, säger Ola Ek.\n\n”Kritiserar majoriteten”\n\nOppositionen är missnöjd.";
        let sp = find_in(t, &[]);
        assert_eq!(speaker_of(&sp, 2), None);
        assert_eq!(sp.paragraphs[2].0, BlockKind::Body);
    }

    #[test]
    fn a_caption_repeating_a_quote_is_its_speaker_s() {
        let t = "Rubrik\n\n– Vi måste bli bättre på att dela data, säger Anna Lund, it-chef.\n\nVi måste bli bättre på att dela data.\n\nNarrativ text här.";
        let mut blocks = crate::clean::split_blocks(t);
        blocks[2].kind = BlockKind::Caption;
        let spans: Vec<Span> = blocks.iter().map(|b| b.span).collect();
        let sentences = crate::language::analyze(t, &spans, true).sentences;
        let sp = run(t, &blocks, &sentences, &Metadata::default(), &[]);
        assert_eq!(sp.paragraphs[2].1, Some(0));
    }

    fn find(text: &str, authors: &[&str]) -> Speakers {
        find_in(text, authors)
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
    fn dash_quotes_without_any_attribution_are_the_headline_s_person() {
        let t = "Statsminister Göran Ek presenterar ny regering\n\n- Stora uppgifter ligger framför oss.\n\nJUSTITIEDEPARTEMENTET\nJustitieminister Anna Berg\nMigrationsminister Jan O Holm\n\n- Anna Berg är ett naturligt val.\n\nFörsvarsminister Lena Lund\n\n- Lena Lund svarar upp mot kraven.";
        let sp = find(t, &[]);
        let names: Vec<&str> = sp.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Göran Ek"]);
        assert_eq!(sp.speakers[0].roles, ["statsminister"]);
        assert_eq!(speaker_of(&sp, 1), Some("Göran Ek"));
        assert_eq!(speaker_of(&sp, 3), Some("Göran Ek"));
        // A quote that names its introduced person in full is not theirs.
        assert_eq!(speaker_of(&sp, 5), Some("Göran Ek"));
        // Not once somebody is attributed explicitly.
        let t = "Anna Ek om budgeten\n\n– Det går bra, säger Per Holm.\n\nKommunen anlitar Lisa Berg och Eva Lund.\n\n– Vi ser fram emot det.";
        assert_eq!(speaker_of(&find(t, &[]), 3), None);
    }

    #[test]
    fn han_after_a_dash_quote_is_not_a_person_the_quote_names() {
        let t = "Rubrik\n\nGöran Berg blir ny direktör i regionen.\n\n– Jag vill också tacka Johan Holm för hans arbete, säger han.";
        let sp = find(t, &[]);
        assert_eq!(speaker_of(&sp, 2), Some("Göran Berg"));
        assert!(sp.speakers.iter().all(|s| s.name != "Johan Holm" || s.quotes.is_empty()));
    }

    #[test]
    fn an_uncued_quote_that_names_the_last_speaker_is_not_theirs() {
        let t = "Rubrik\n\n– Jag har valt att sluta, säger Björn Ek.\n\n– Vi uppskattar Björns insats och önskar honom lycka till.";
        let sp = find(t, &[]);
        assert_eq!(speaker_of(&sp, 1), Some("Björn Ek"));
        assert_eq!(speaker_of(&sp, 2), None);
    }

    #[test]
    fn short_dash_lines_without_a_sentence_end_are_list_items() {
        let t = "Rubrik\n\n– Vi samarbetar i flera grupper, säger Anna Ek (M), kommunalråd.\n\nKommunen deltar i:\n\n- Trafiksäkerhetsgruppen\n\n- Rådet för trygghet och folkhälsa\n\n– Ja!";
        let sp = find(t, &[]);
        assert_eq!(speaker_of(&sp, 1), Some("Anna Ek"));
        assert_eq!(speaker_of(&sp, 3), None);
        assert_eq!(speaker_of(&sp, 4), None);
    }

    #[test]
    fn a_speech_under_a_heading_that_names_it() {
        let t = "Rubrik\n\nTalman Anders Ek välkomnade ledamöterna.\n\nTalmannens tal\n\nÄrade ledamöter, här i kammaren!\n\nRiksdagsarbetet präglades av pandemin. Min ambition har varit att riksdagen ska fungera.\n\nÖvrigt från veckan\n\nRiksdagen röstar på onsdag.";
        let sp = find(t, &[]);
        assert_eq!(sp.speakers.len(), 1);
        assert_eq!(speaker_of(&sp, 1), None);
        assert_eq!(speaker_of(&sp, 3), Some("Anders Ek"));
        assert_eq!(speaker_of(&sp, 4), Some("Anders Ek"));
        assert_eq!(speaker_of(&sp, 6), None);
        // the salutation as a heading of its own under the speech's heading
        let t = "Rubrik\n\nTalman Anders Ek höll ett tal till ledamöterna.\n\nTalmannens anförande\n\nÄrade ledamöter\n\nNär vi nu summerar hösten har några av oss en lång mandatperiod bakom sig.\n\nÖvrigt från veckan\n\nRiksdagen röstar på onsdag.";
        let sp = find(t, &[]);
        assert_eq!(speaker_of(&sp, 4), Some("Anders Ek"));
        assert_eq!(speaker_of(&sp, 6), None);
    }

    #[test]
    fn an_article_introduced_as_someone_s_is_theirs() {
        let t = "Rubrik\n\nLärarna behöver tid, skriver generaldirektör Per Ek i en debattartikel i DN.\n\nI dagarna samlas 500 personer till konferensen.\n\nBristen på lärare växer i våra skolor.\n\nPer Ek har varit generaldirektör sedan 2019.";
        let sp = find(t, &[]);
        assert_eq!(speaker_of(&sp, 2), Some("Per Ek"));
        assert_eq!(speaker_of(&sp, 3), Some("Per Ek"));
        // The page's narrative again.
        assert_eq!(speaker_of(&sp, 4), None);
        // Not after a press release's "skriver".
        let t = "Rubrik\n\nVi ser allvarligt på detta, skriver Per Ek i ett pressmeddelande.\n\nKommunen har tidigare fått kritik.";
        assert_eq!(speaker_of(&find(t, &[]), 2), None);
    }

    #[test]
    fn a_dash_quote_cut_off_by_the_page_s_end_is_not_the_last_speaker_s() {
        let t = "Rubrik\n\n– Vi är beredda, säger Ola Ek, beredskapsdirektör.\n\nKriget påverkar även oss i länet.\n\n– Myndigheter och kommuner behöver hjälpas åt. Det";
        assert_eq!(speaker_of(&find(t, &[]), 3), None);
        // Introduced by the paragraph before, it is theirs.
        let t = "Rubrik\n\n– Vi är beredda, säger Ola Ek.\n\nFör Eva Lind, ordförande i nämnden, är beslutet efterlängtat.\n\n– Under tiden ska vi se till att det";
        assert_eq!(speaker_of(&find(t, &[]), 3), Some("Eva Lind"));
    }

    #[test]
    fn the_last_answer_cut_off_is_no_heading() {
        let t = "Rubrik\n\nTalman Ola Ek\n\nHur har hösten varit?\n\nDen har varit intensiv.\n\nHar något möte varit minnesvärt?\n\nMånga möten är minnesv";
        let sp = find(t, &[]);
        assert_eq!(sp.paragraphs[4].0, BlockKind::Question);
        assert_eq!(speaker_of(&sp, 5), Some("Ola Ek"));
    }

    #[test]
    fn a_name_line_and_a_sentence_opening_with_a_name() {
        let t = "Rubrik\n\nVi har aldrig haft så många sökande.\n\nAnna Ek, rektor på Åkeredsskolan i Göteborg.\n\nSkolan öppnade i fjol.";
        let sp = find(t, &[]);
        assert_eq!(sp.paragraphs[1], (BlockKind::Quote, Some(0)));
        let t = "Rubrik\n\nJens Holm, smittskyddsläkare i regionen, presenterade de nya siffrorna.";
        assert_eq!(find(t, &[]).speakers[0].quotes[0].kind, QuoteKind::Reported);
    }

    #[test]
    fn the_paragraph_introduces_whom_it_attributes_last() {
        let t = "Rubrik\n\nVidare berättar Ulf Berg att det var roligt. Det bekräftas av socialchef Ylva Lind som berättar att mottagandet var bra.\n\n De som tog emot tyckte att det var roligt, vi fick välja ut några.";
        let sp = find(t, &[]);
        assert_eq!(speaker_of(&sp, 2), Some("Ylva Lind"));
    }

    #[test]
    fn people_only_mentioned_are_not_speakers() {
        let t = "Rubrik\n\nMötet leddes av Sven Borg, och Maria Dahl deltog.\n\nSkatteverket menar att reglerna är tydliga.";
        assert!(find(t, &[]).speakers.is_empty());
    }
}
