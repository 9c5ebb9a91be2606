//! Attribution: people, their mentions, roles and organisations, and which
//! words of the article are whose.
//!
//! One pass registers every person named in the text (full names, then the
//! surname or first name alone, genitives included) with the roles and
//! organisations of the apposition around each mention. A second pass walks
//! the paragraphs in order and assigns speech: quotation marks and dash
//! quotes with a cue after or before, inverted cues in paragraphs whose dash
//! was lost, reported speech ("enligt", "NAME menar att"), transcript labels,
//! Q&A questions and answers, pull-quotes followed by a name-only line, and
//! first-person paragraphs that follow the paragraph introducing a speaker.

use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use super::names::{self, Gender};
use super::{QuoteKind, QuoteSpan, SpeakerInfo, Speakers, orgs, roles};
use crate::clean::{Block, BlockKind};
use crate::document::Metadata;
use crate::language::stem::FxBuild;
use crate::span::Span;

/// Speech verbs that attribute a quote ("..., säger NAME").
const CUES: &str = "säger|sa|sade|menar|anser|berättar|konstaterar|förklarar|framhåller|\
poängterar|understryker|tillägger|skriver|avslutar|fortsätter|betonar|påpekar|svarar|uppger|\
hävdar|tycker|summerar|sammanfattar|medger|varnar|inleder|resonerar|beskriver|säjer|lägger|fyller|\
utvecklar|lade|fyllde|utvecklade|\
menade|ansåg|berättade|konstaterade|förklarade|framhöll|poängterade|underströk|tillade|skrev|\
avslutade|fortsatte|betonade|påpekade|svarade|uppgav|hävdade|tyckte|summerade|varnade";

/// Verbs of reported speech before "att" ("NAME menar att ...").
const REPORT_CUES: &str = "säger|sa|sade|menar|anser|berättar|konstaterar|förklarar|framhåller|\
poängterar|understryker|betonar|påpekar|uppger|hävdar|tycker|tror|varnar|menade|ansåg|\
berättade|konstaterade|förklarade|framhöll|poängterade|underströk|betonade|påpekade|uppgav|\
hävdade|tyckte|trodde|varnade";

/// The cue words of a paragraph and their surroundings, decided by one scan
/// before any cue regex runs. Every cue regex needs its cue as a whole word
/// (bounded by `\s`, `\b` or punctuation on both sides), and each flag is
/// a necessary condition for some of the regexes: a paragraph without it
/// cannot match them, and they are skipped.
#[derive(Debug, Default, Clone, Copy)]
struct CueWords {
    /// Some word is one of [`CUES`].
    speech: bool,
    /// A word of [`CUES`] followed by whitespace and preceded by whitespace
    /// after `,` `!` `?` `…` `.` and an optional quotation mark: needed by
    /// [`inverted_re`] and [`cue_name_re`].
    inverted: bool,
    /// A word of [`CUES`] followed by whitespace right after "Det " or
    /// "Så ": needed by [`det_cue_re`].
    det: bool,
    /// A word of [`CUES`] followed, within 60 characters, by a colon with
    /// none of `.!?”“»«"` in between: needed by [`colon_cue_re`].
    colon: bool,
    /// A word of [`REPORT_CUES`] followed by whitespace, "att" and
    /// whitespace: needed by [`report_re`].
    report: bool,
}

/// [`CUES`] and [`REPORT_CUES`] as sets, and a 4096-bit filter over
/// (first byte, second byte, last byte, length) of every cue: a word that
/// misses the filter is no cue, without a set lookup.
struct CueSets {
    speech: HashSet<&'static str, FxBuild>,
    report: HashSet<&'static str, FxBuild>,
    filter: [u64; 64],
}

/// The filter slot of a word (see [`CueSets`]); `None` for words shorter
/// than two bytes or longer than any cue.
#[inline]
fn cue_slot(w: &[u8]) -> Option<usize> {
    let (&first, &second, &last) = (w.first()?, w.get(1)?, w.last()?);
    if w.len() > 16 {
        return None;
    }
    let h = usize::from(first)
        .wrapping_mul(31)
        .wrapping_add(usize::from(second).wrapping_mul(131))
        .wrapping_add(usize::from(last).wrapping_mul(1031))
        .wrapping_add(w.len().wrapping_mul(8191));
    Some(h & 4095)
}

static CUE_SETS: LazyLock<CueSets> = LazyLock::new(|| {
    let mut filter = [0u64; 64];
    for w in CUES.split('|').chain(REPORT_CUES.split('|')) {
        if let Some(h) = cue_slot(w.as_bytes()) {
            filter[h / 64] |= 1 << (h % 64);
        }
    }
    CueSets {
        speech: CUES.split('|').collect(),
        report: REPORT_CUES.split('|').collect(),
        filter,
    }
});

/// Finds the cue words of the paragraph `text[para]`, whose words (see
/// [`names::words_marked`]) are `ws`, and what stands around them. A cue is
/// a maximal run of alphabetic characters (a cue bounded by `\b` or `\s`
/// in a regex is one: the characters around it are not word characters, so
/// not alphabetic). Such a run is a whole word of `ws`, or, in the words
/// listed in `mixed` (those holding digits or joiners), a part of one.
fn cue_words(text: &str, para: Span, ws: &[Span], mixed: &[usize]) -> CueWords {
    let sets = &*CUE_SETS;
    let s = text.get(para.start..para.end).unwrap_or("");
    let mut out = CueWords::default();
    let bytes = s.as_bytes();
    let maybe_cue = |st: usize, end: usize| {
        matches!(bytes.get(st..end).and_then(cue_slot),
            Some(h) if sets.filter[h / 64] & (1 << (h % 64)) != 0)
    };
    let mut check = |st: usize, end: usize| {
        let (Some(run), Some(before), Some(after)) = (s.get(st..end), s.get(..st), s.get(end..))
        else {
            return;
        };
        let ws_after = after.starts_with(char::is_whitespace);
        if sets.speech.contains(run) {
            out.speech = true;
            if ws_after && !out.inverted {
                let trimmed = before.trim_end();
                if trimmed.len() < before.len() {
                    let t = trimmed
                        .strip_suffix(['”', '“', '»', '"'])
                        .unwrap_or(trimmed);
                    out.inverted = t.ends_with([',', '!', '?', '…', '.']);
                }
            }
            if ws_after && !out.det {
                out.det = before.ends_with("Det ") || before.ends_with("Så ");
            }
            if !out.colon {
                let stop = after
                    .chars()
                    .take(61)
                    .find(|c| matches!(c, '.' | '!' | '?' | ':' | '”' | '“' | '»' | '«' | '"'));
                out.colon = stop == Some(':');
            }
        }
        if !out.report && sets.report.contains(run) {
            let rest = after.trim_start();
            out.report = rest.len() < after.len()
                && rest
                    .strip_prefix("att")
                    .is_some_and(|r| r.starts_with(char::is_whitespace));
        }
    };
    let mut mixed = mixed.iter().copied().peekable();
    for (k, w) in ws.iter().enumerate() {
        let (st, end) = (w.start - para.start, w.end - para.start);
        if mixed.next_if_eq(&k).is_none() {
            if maybe_cue(st, end) {
                check(st, end);
            }
            continue;
        }
        // A word with digits or joiners: each alphabetic run in it.
        let Some(word) = s.get(st..end) else { continue };
        let mut run: Option<usize> = None;
        for (i, c) in word.char_indices() {
            match (c.is_alphabetic(), run) {
                (true, None) => run = Some(i),
                (false, Some(r)) => {
                    if maybe_cue(st + r, st + i) {
                        check(st + r, st + i);
                    }
                    run = None;
                }
                _ => {}
            }
        }
        if let Some(r) = run
            && maybe_cue(st + r, end)
        {
            check(st + r, end);
        }
    }
    out
}

fn re(cell: &'static OnceLock<Regex>, pat: impl FnOnce() -> String) -> &'static Regex {
    cell.get_or_init(|| Regex::new(&pat()).expect("valid regex"))
}

fn inverted_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || format!(r"([,!?…]|\.\.\.)[”“»\x22]?\s+({CUES})\s+"))
}

fn after_close_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || format!(r"^\s*[,.!?]?\s*({CUES})\s+"))
}

fn colon_cue_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || format!(r"\b({CUES})\b[^.!?:”“»«\x22]{{0,60}}:"))
}

fn report_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || format!(r"\b({REPORT_CUES})\s+att\s+"))
}

fn cue_name_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || {
        format!(
            r"(?:[,!?…]|\.\.\.)[”“»\x22]?\s+(?:{CUES})\s+(?:\p{{Ll}}[\p{{L}}\-]*\s+){{0,2}}(\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?) (\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?)"
        )
    })
}

fn det_cue_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || format!(r"(?:^|[.!?”]\s+)(Det|Så) ({CUES})\s+"))
}

fn enligt_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || r"\b[Ee]nligt\s+".to_string())
}

fn label_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || {
        r"^(\p{Lu}[\p{L}\-]*(?: \p{Lu}[\p{L}\-]*){0,2}):\s+\S".to_string()
    })
}

fn byline_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || {
        r"(?i)(?:(?:^|[^\p{L}])(?:text|av|foto|fotograf|bild|reporter|illustration|grafik|redaktör|skribent)\s*:|(?:^|[^\p{L}])(?:reporter|fotograf|foto|skribent)|^\s*(?:av|text))\s*$"
            .to_string()
    })
}

fn byline_start_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || {
        r"(?i)^(?:text|av|foto|fotograf|bild|reporter|illustration|grafik)\s*:".to_string()
    })
}

fn contact_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || {
        r"(?i)^(?:kontakt|kontaktperson|presskontakt|för mer information|mer information|ytterligare information|frågor besvaras av|för frågor)"
            .to_string()
    })
}

const FIRST_PERSON: &[&str] = &[
    "jag", "vi", "mig", "oss", "min", "mitt", "mina", "vår", "vårt", "våra",
];

/// Whether `word` lowercased is a first-person pronoun (the comparison is
/// made char by char, without building the lowercase string).
fn is_first_person(word: &str) -> bool {
    // Every pronoun starts with j, v, m or o, and no other character
    // lowercases to one of them.
    match word.as_bytes().first() {
        None => return false,
        Some(b) if b.is_ascii() && !matches!(b | 0x20, b'j' | b'v' | b'm' | b'o') => return false,
        _ => {}
    }
    if word.is_ascii() {
        return FIRST_PERSON.iter().any(|f| word.eq_ignore_ascii_case(f));
    }
    FIRST_PERSON
        .iter()
        .any(|f| f.len() == word.len() && word.chars().flat_map(char::to_lowercase).eq(f.chars()))
}

const INTERVIEWER: &[&str] = &[
    "Intervjuare",
    "Reporter",
    "Journalist",
    "Fråga",
    "F",
    "Moderator",
    "Programledare",
    "Redaktionen",
    "Voister",
    "Red",
];

struct Person {
    name: String,
    given: String,
    surname: String,
    gender: Gender,
    roles: Vec<String>,
    orgs: Vec<(String, bool)>,
    mentions: Vec<Span>,
    quotes: Vec<QuoteSpan>,
    excluded: bool,
}

#[derive(Clone, Copy)]
struct Mention {
    span: Span,
    person: usize,
    /// End of the apposition after the mention (roles, organisation).
    appo_end: usize,
}

#[derive(Default)]
struct Para {
    span: Span,
    kind: Option<BlockKind>,
    mentions: Vec<Mention>,
    marks: Vec<(Span, Span)>,
    first_person: bool,
    ends_q: bool,
    dash: bool,
    heading_like: bool,
    name_only: Option<usize>,
    byline: bool,
    contact: bool,
    cues: CueWords,
}

struct Ctx<'a> {
    text: &'a str,
    sentences: &'a [Span],
    persons: Vec<Person>,
    /// Every mention in text order: (start, person).
    order: Vec<(usize, usize)>,
    /// Municipalities and regions named in the text (see [`local_orgs`]).
    local_orgs: LocalOrgs,
    /// Persons by given name, surname and each surname part.
    index: HashMap<String, Vec<usize>, FxBuild>,
}

fn trim_span(text: &str, s: Span) -> Span {
    let Some(slice) = text.get(s.start..s.end) else {
        return Span::new(s.start, s.start);
    };
    let lead = slice.len() - slice.trim_start().len();
    let t = slice.trim();
    Span::new(s.start + lead, s.start + lead + t.len())
}

/// Trims whitespace, dashes, quotation marks and a trailing comma.
fn trim_quote(text: &str, s: Span) -> Span {
    let Some(slice) = text.get(s.start..s.end) else {
        return Span::new(s.start, s.start);
    };
    let strip: &[char] = &['–', '—', '-', '”', '“', '»', '«', '„', '"', ' ', '\n', '\t'];
    let t1 = slice.trim_start_matches(strip);
    let start = s.start + (slice.len() - t1.len());
    let t2 = t1.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || "”“»«\"".contains(c));
    // Keep a closing quotation mark only when an opening one was kept.
    Span::new(start, start + t2.len())
}

/// The next quotation mark (”, “, «, », „ or ") in `s` at or after byte
/// `from` (a character boundary), skipping other text byte by byte: every
/// mark is `"` or starts with byte 0xC2 or 0xE2.
fn next_mark(s: &str, from: usize) -> Option<(usize, char)> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Whether some byte of `x` is `b` (the classic zero-byte test).
    let has = |x: u64, b: u8| {
        let y = x ^ (LO * u64::from(b));
        y.wrapping_sub(LO) & !y & HI != 0
    };
    let bytes = s.as_bytes();
    let mut i = from;
    loop {
        // Eight bytes at a time past text without a candidate byte.
        while let Some(chunk) = bytes.get(i..i + 8) {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            let x = u64::from_le_bytes(b);
            if has(x, b'"') || has(x, 0xC2) || has(x, 0xE2) {
                break;
            }
            i += 8;
        }
        let &b = bytes.get(i)?;
        match b {
            b'"' => return Some((i, '"')),
            0xC2 | 0xE2 => {
                let c = s.get(i..).and_then(|t| t.chars().next())?;
                if matches!(c, '”' | '“' | '«' | '»' | '„') {
                    return Some((i, c));
                }
                i += c.len_utf8();
            }
            _ => i += 1,
        }
    }
}

fn quote_pairs(text: &str, span: Span) -> Vec<(Span, Span)> {
    // (whole pair including marks, content)
    let mut out = Vec::new();
    let Some(slice) = text.get(span.start..span.end) else {
        return out;
    };
    let mut from = 0;
    while let Some((i, c)) = next_mark(slice, from) {
        let closers = closers_of(c).unwrap_or(&['"', '”']);
        // Every closer is a mark: only the marks after the opener are tried.
        let mut at = i + c.len_utf8();
        let mut found = None;
        while let Some((j, d)) = next_mark(slice, at) {
            if closers.contains(&d) {
                found = Some((j, d));
                break;
            }
            at = j + d.len_utf8();
        }
        // An opener never closed: nothing after it can pair either.
        let Some((j, d)) = found else { break };
        let whole = Span::new(span.start + i, span.start + j + d.len_utf8());
        let content = Span::new(span.start + i + c.len_utf8(), span.start + j);
        out.push((whole, content));
        from = j + d.len_utf8();
    }
    out
}

fn sentence_of(sentences: &[Span], pos: usize, para: Span) -> Span {
    let i = sentences.partition_point(|s| s.end <= pos);
    match sentences.get(i) {
        Some(s) if s.start <= pos && para.contains(*s) => *s,
        _ => para,
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

impl<'a> Ctx<'a> {
    fn slice(&self, s: Span) -> &'a str {
        self.text.get(s.start..s.end).unwrap_or("")
    }

    /// The person a full name stands for, registering a new one.
    fn person_for(&mut self, m: &names::NameMatch) -> usize {
        let sur = m.surname.as_str();
        let candidates = self.index.get(&m.given).cloned().unwrap_or_default();
        for i in candidates {
            let p = &mut self.persons[i];
            if p.given != m.given {
                continue;
            }
            if p.surname == sur || p.surname.strip_suffix('s') == Some(sur) {
                if p.surname != sur && !sur.ends_with('s') {
                    // First seen in the genitive ("Anna Gärdins"): keep the base form.
                    p.surname = sur.to_string();
                    p.name = format!("{} {}", p.given, sur);
                    self.index_person(i);
                }
                return i;
            }
            if sur.strip_suffix('s') == Some(p.surname.as_str()) {
                return i;
            }
        }
        self.persons.push(Person {
            name: format!("{} {}", m.given, sur),
            given: m.given.clone(),
            surname: sur.to_string(),
            gender: m.gender,
            roles: Vec::new(),
            orgs: Vec::new(),
            mentions: Vec::new(),
            quotes: Vec::new(),
            excluded: false,
        });
        let i = self.persons.len() - 1;
        self.index_person(i);
        i
    }

    /// Makes person `i` findable by given name, surname and surname parts.
    fn index_person(&mut self, i: usize) {
        let p = &self.persons[i];
        let mut keys = vec![p.given.clone(), p.surname.clone()];
        keys.extend(p.surname.split(' ').map(str::to_string));
        for k in keys {
            let v = self.index.entry(k).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
    }

    /// A known person referred to by one word: the surname (or its last
    /// part), or the given name when only one person has it; genitives too.
    fn single(&self, w: &str) -> Option<usize> {
        let base = w.strip_suffix('s');
        let matches = |x: &str| Some(x) == Some(w) || Some(x) == base;
        let mut candidates: Vec<usize> = self.index.get(w).cloned().unwrap_or_default();
        if let Some(b) = base
            && let Some(v) = self.index.get(b)
        {
            candidates.extend(v);
            candidates.sort_unstable();
            candidates.dedup();
        }
        if candidates.is_empty() {
            return None;
        }
        let by_surname: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| {
                let p = &self.persons[i];
                !p.excluded && (matches(&p.surname) || p.surname.split(' ').any(matches))
            })
            .collect();
        if by_surname.len() == 1 {
            return by_surname.first().copied();
        }
        if !by_surname.is_empty() {
            return None;
        }
        let by_given: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| !self.persons[i].excluded && matches(&self.persons[i].given))
            .collect();
        (by_given.len() == 1).then(|| by_given[0])
    }

    /// A known person named by a transcript label: full name, surname(s)
    /// or given name.
    fn by_label(&self, label: &str) -> Option<usize> {
        let hits: Vec<usize> = (0..self.persons.len())
            .filter(|&i| {
                let p = &self.persons[i];
                !p.excluded && (p.name == label || p.surname == label || p.given == label)
            })
            .collect();
        (hits.len() == 1).then(|| hits[0])
    }

    fn pronoun(&self, pos: usize, female: bool) -> Option<usize> {
        let end = self.order.partition_point(|(s, _)| *s < pos);
        // A pronoun refers back a few paragraphs at most.
        self.order[..end]
            .iter()
            .rev()
            .take(200)
            .map(|(_, p)| *p)
            .find(|&p| {
                let per = &self.persons[p];
                !per.excluded
                    && match per.gender {
                        Gender::Female => female,
                        Gender::Male => !female,
                        Gender::Unknown => true,
                    }
            })
    }

    /// Registers the people named in one paragraph.
    fn mentions(
        &mut self,
        para: Span,
        ws: &[Span],
        authors: &[String],
        cues: CueWords,
    ) -> Vec<Mention> {
        let text = self.text;
        let mut out: Vec<Mention> = Vec::new();
        let mut found = names::scan_words(text, ws);
        // Context: two capitalised words right after an inverted cue are a
        // name even when the given name is not in the SCB list
        // ("..., säger Volodymyr Zelenskyj").
        if cues.inverted
            && let Some(slice) = text.get(para.start..para.end)
        {
            for c in cue_name_re().captures_iter(slice) {
                let (Some(g), Some(sn)) = (c.get(1), c.get(2)) else {
                    continue;
                };
                let span = Span::new(para.start + g.start(), para.start + sn.end());
                if found
                    .iter()
                    .any(|f| f.span.start < span.end && span.start < f.span.end)
                    || names::is_wordlike(g.as_str())
                    // "Örnsköldsviks Allehanda": a genitive, not a given name.
                    || g.as_str().ends_with('s')
                    || !names::is_surname_like(sn.as_str())
                    || roles::role_word(g.as_str()).is_some()
                {
                    continue;
                }
                found.push(names::NameMatch {
                    span,
                    given: g.as_str().to_string(),
                    surname: sn.as_str().to_string(),
                    gender: names::Gender::Unknown,
                });
            }
            found.sort_by_key(|m| m.span.start);
        }
        for m in found {
            let idx = self.person_for(&m);
            let mut from = para.start.max(m.span.start.saturating_sub(24));
            while from < m.span.start && !text.is_char_boundary(from) {
                from += 1;
            }
            let byline = text
                .get(from..m.span.start)
                .is_some_and(|b| byline_re().is_match(b));
            let name = m.span.slice(text);
            if byline || authors.iter().any(|a| a.trim().eq_ignore_ascii_case(name)) {
                self.persons[idx].excluded = true;
            }
            out.push(Mention {
                span: m.span,
                person: idx,
                appo_end: m.span.end,
            });
        }
        // One-word references to people already known.
        let full: Vec<Span> = out.iter().map(|m| m.span).collect();
        let mut fi = 0;
        for &w in ws {
            // `full` is in text order: skip the words inside full names.
            while fi < full.len() && full[fi].end <= w.start {
                fi += 1;
            }
            if full
                .get(fi)
                .is_some_and(|f| f.start <= w.start && w.end <= f.end)
            {
                continue;
            }
            let word = w.slice(text);
            if !word.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if let Some(p) = self.single(word) {
                out.push(Mention {
                    span: w,
                    person: p,
                    appo_end: w.end,
                });
            }
        }
        out.sort_by_key(|m| m.span.start);
        for m in out.iter_mut() {
            let excluded = self.persons[m.person].excluded;
            let after = ws.partition_point(|w| w.start < m.span.end);
            let before = ws.partition_point(|w| w.end <= m.span.start);
            let (roles, orgs, end) = apposition(text, &ws[after..ws.len().min(after + 24)], m.span);
            let (broles, borg) = before_name(
                text,
                &ws[before.saturating_sub(5)..before],
                m.span,
                &self.local_orgs,
            );
            m.appo_end = end;
            // "Anna Svensson, reporter": the article's own staff.
            const STAFF: &[&str] = &["reporter", "journalist", "fotograf", "skribent", "redaktör"];
            if broles
                .iter()
                .chain(&roles)
                .any(|r| STAFF.contains(&r.as_str()))
            {
                self.persons[m.person].excluded = true;
            }
            if excluded || self.persons[m.person].excluded {
                continue;
            }
            let p = &mut self.persons[m.person];
            for r in broles.into_iter().chain(roles) {
                if !p.roles.iter().any(|x| x.eq_ignore_ascii_case(&r)) {
                    p.roles.push(r);
                }
            }
            for (o, strong) in borg.into_iter().map(|o| (o, true)).chain(orgs) {
                orgs::merge_into(&mut p.orgs, &o, strong);
            }
            p.mentions.push(m.span);
            self.order.push((m.span.start, m.person));
        }
        out
    }

    fn subject_after(&mut self, para: &Para, pos: usize) -> Option<(usize, usize)> {
        for m in &para.mentions {
            if m.span.start < pos || m.span.start - pos > 45 {
                continue;
            }
            let between = self.text.get(pos..m.span.start).unwrap_or(".");
            if between.contains(['.', ',', ';', '!', '?', '”', '"', '»'])
                || between.contains(": ")
                || word_count(between) > 3
            {
                break;
            }
            return (!self.persons[m.person].excluded).then_some((m.person, m.appo_end));
        }
        let rest = self.text.get(pos..para.span.end).unwrap_or("");
        for (pro, female) in [("hon", true), ("han", false), ("Hon", true), ("Han", false)] {
            if rest.starts_with(pro) && !rest[pro.len()..].starts_with(char::is_alphanumeric) {
                let p = self.pronoun(pos, female)?;
                let span = Span::new(pos, pos + pro.len());
                self.persons[p].mentions.push(span);
                return Some((p, span.end));
            }
        }
        None
    }

    fn subject_before(&mut self, para: &Para, pos: usize) -> Option<usize> {
        let before = self.text.get(para.span.start..pos).unwrap_or("");
        let trimmed = before.trim_end();
        for (pro, female) in [("hon", true), ("han", false), ("Hon", true), ("Han", false)] {
            if let Some(head) = trimmed.strip_suffix(pro)
                && !head.ends_with(char::is_alphanumeric)
            {
                let start = para.span.start + head.len();
                let p = self.pronoun(start, female)?;
                self.persons[p]
                    .mentions
                    .push(Span::new(start, start + pro.len()));
                return Some(p);
            }
        }
        let m = para.mentions.iter().rev().find(|m| m.span.end <= pos)?;
        let between = self.text.get(m.span.end..pos).unwrap_or(".");
        let ok = between.len() <= 90
            && !between.contains(['.', '!', '?', ':', ';', '”', '"'])
            && (between.trim().is_empty() || between.starts_with([',', ' ']))
            && m.appo_end + 3 >= pos.min(m.appo_end + 3);
        // "NAME (S) säger", "NAME, som leder projektet, menar att",
        // "NAME håller inte med och menar att".
        let tail_ok = self.text.get(m.appo_end.min(pos)..pos).is_some_and(|t| {
            let words: Vec<&str> = t
                .trim_matches([',', ' ', '(', ')'])
                .split_whitespace()
                .collect();
            words.len() <= 1
                || (words.len() <= 4
                    && words
                        .iter()
                        .all(|w| w.chars().all(|c| c.is_lowercase() || c == ',')))
        });
        (ok && tail_ok && !self.persons[m.person].excluded).then_some(m.person)
    }

    fn add_quote(&mut self, p: usize, span: Span, kind: QuoteKind, cue: Option<&str>) -> bool {
        if span.is_empty() || self.text.get(span.start..span.end).is_none() {
            return false;
        }
        let q = QuoteSpan {
            span,
            kind,
            cue: cue.map(str::to_string),
        };
        // Duplicates are removed when the speakers are assembled.
        self.persons[p].quotes.push(q);
        true
    }
}

/// Roles and organisations after a name: "NAME, ROLE och ROLE i ORG",
/// "NAME (S)", "NAME i ORG", "NAME som är ROLE på ORG", "NAME är ROLE ...".
/// Returns them and where the apposition ends.
type Apposition = (Vec<String>, Vec<(String, bool)>, usize);

fn apposition(text: &str, ws: &[Span], name: Span) -> Apposition {
    let mut roles = Vec::new();
    let mut orgs_out = Vec::new();
    let w: Vec<&str> = ws.iter().map(|s| s.slice(text)).collect();
    let pre: Vec<&str> = (0..ws.len())
        .map(|i| {
            let from = if i == 0 { name.end } else { ws[i - 1].end };
            text.get(from..ws[i].start).unwrap_or("")
        })
        .collect();
    let gaps: Vec<&str> = pre.iter().skip(1).copied().collect();
    let mut end = name.end;
    let mut i = 0;
    if w.is_empty() {
        return (roles, orgs_out, end);
    }
    if pre[0] == " (" && pre.get(1).is_some_and(|g| g.starts_with(')')) {
        if let Some(party) = orgs::party(w[0]) {
            orgs_out.push((party.to_string(), true));
            end = ws[0].end + 1;
            i = 1;
        } else {
            return (roles, orgs_out, end);
        }
    }
    if i >= w.len() {
        return (roles, orgs_out, end);
    }
    let gap = pre[i].trim_start_matches(')');
    let preps = ["i", "på", "vid", "för", "hos", "inom", "från"];
    let org_at = |k: usize| -> Option<(String, bool, usize)> {
        let (o, strong, n) = orgs::parse(&w[k..], &gaps[k.min(gaps.len())..])?;
        Some((o, strong, k + n))
    };
    let role_list =
        |mut k: usize, roles: &mut Vec<String>, orgs_out: &mut Vec<(String, bool)>| -> usize {
            let mut end = 0;
            loop {
                // An age ("Anna Svensson, 45, it-chef").
                if k < w.len() && w[k].chars().all(|c| c.is_ascii_digit()) {
                    k += 1;
                    continue;
                }
                if w.get(k) == Some(&"i") && w.get(k + 1) == Some(&"dag") {
                    k += 2;
                } else if w
                    .get(k)
                    .is_some_and(|x| matches!(*x, "idag" | "numera" | "nu" | "sedan"))
                {
                    k += 1;
                }
                let start = k;
                let mut j = k;
                while j < w.len() && j < start + 4 {
                    // "hälso- och sjukvårdsdirektör"
                    if j > start && pre[j] == "- " && w[j] == "och" && j + 1 < w.len() {
                        j += 2;
                        continue;
                    }
                    if j > start && pre[j] != " " {
                        break;
                    }
                    if preps.contains(&w[j])
                        || w[j] == "och"
                        || w[j] == "samt"
                        || !roles::can_open_apposition(w[j])
                    {
                        break;
                    }
                    j += 1;
                }
                if j == start {
                    break;
                }
                let j = j.min(w.len());
                let phrase = text
                    .get(ws[start].start..ws[j - 1].end)
                    .unwrap_or("")
                    .to_string();
                let mut accepted = roles::phrase_is_role(&phrase);
                let mut next = j;
                let mut org = None;
                if j + 1 < w.len() && pre[j] == " " && preps.contains(&w[j]) && pre[j + 1] == " " {
                    if let Some((o, strong, n)) = org_at(j + 1) {
                        accepted = accepted || strong;
                        org = Some((o, strong || accepted));
                        next = n;
                    } else {
                        // A unit before the organisation: "på avdelningen för X i Y kommun".
                        let mut m = j + 1;
                        while m < w.len() && m < j + 5 && pre[m] == " " && !preps.contains(&w[m]) {
                            if !w[m].chars().next().is_some_and(char::is_lowercase) {
                                break;
                            }
                            m += 1;
                        }
                        if m + 1 < w.len()
                            && m > j + 1
                            && pre[m] == " "
                            && matches!(w[m], "i" | "på" | "vid" | "inom")
                            && let Some((o, strong, n)) = org_at(m + 1)
                            && strong
                        {
                            org = Some((o, true));
                            next = n;
                        }
                    }
                }
                if !accepted {
                    break;
                }
                roles.push(roles::normalise(&phrase));
                end = ws[next - 1].end;
                let had_org = org.is_some();
                if let Some(o) = org {
                    orgs_out.push(o);
                    // "på Jobtech vid Arbetsförmedlingen": the parent too.
                    if next + 1 < w.len()
                        && pre[next] == " "
                        && matches!(w[next], "vid" | "på" | "inom" | "i")
                        && pre[next + 1] == " "
                        && let Some((o2, strong2, n2)) = org_at(next + 1)
                        && (strong2 || w[next] != "i")
                    {
                        orgs_out.push((o2, true));
                        next = n2;
                        end = ws[next - 1].end;
                    }
                }
                if next + 1 < w.len()
                    && (w[next] == "och" || w[next] == "samt")
                    && pre[next] == " "
                    && !had_org
                    && roles::role_word(w[next + 1]).is_some()
                {
                    k = next + 1;
                    continue;
                }
                break;
            }
            end
        };
    if gap == ", " {
        let som = w[i] == "som" && w.get(i + 1).is_some_and(|x| *x == "är" || *x == "var");
        let e = role_list(if som { i + 2 } else { i }, &mut roles, &mut orgs_out);
        end = end.max(e);
    } else if gap == " " {
        if preps.contains(&w[i]) && i + 1 < w.len() && pre[i + 1] == " " {
            if let Some((o, strong, n)) = org_at(i + 1) {
                let weak_place = !strong && (w[i] == "i" || w[i] == "från");
                orgs_out.push((o, !weak_place && (strong || w[i] != "för")));
                end = ws[n - 1].end;
            }
        } else if (w[i] == "som" && w.get(i + 1).is_some_and(|x| *x == "är" || *x == "var"))
            || w[i] == "är"
        {
            let mut k = if w[i] == "som" { i + 2 } else { i + 1 };
            if w.get(k)
                .is_some_and(|x| matches!(*x, "ny" | "nyanställd" | "tillträdande"))
            {
                k += 1;
            }
            if k < w.len() && roles::role_word(w[k]).is_some() {
                let e = role_list(k, &mut roles, &mut orgs_out);
                end = end.max(e);
            }
        } else if let Some(k) = (i..w.len().min(i + 8))
            .take_while(|&k| {
                pre[k] == " " && w[k].chars().all(|c| c.is_lowercase() || c.is_ascii_digit())
            })
            .find(|&k| w[k] == "som")
            && k + 1 < w.len()
            && pre[k + 1] == " "
            && roles::role_word(w[k + 1]).is_some()
        {
            // "NAME tillträdde i januari som ROLE i ORG".
            role_list(k + 1, &mut roles, &mut orgs_out);
        }
    }
    (roles, orgs_out, end)
}

/// A role (and a genitive organisation) just before a name:
/// "kommundirektör NAME", "Statsrådet NAME", "Skatteverkets it-chef NAME".
/// `ws` are the last few words before the name.
fn before_name(
    text: &str,
    ws: &[Span],
    name: Span,
    local: &LocalOrgs,
) -> (Vec<String>, Option<String>) {
    let Some(last) = ws.last() else {
        return (Vec::new(), None);
    };
    if text.get(last.end..name.start) != Some(" ") {
        return (Vec::new(), None);
    }
    let Some(mut role) = roles::role_word(last.slice(text)) else {
        return (Vec::new(), None);
    };
    let mut k = ws.len() - 1;
    let joined = |a: Span, b: Span| text.get(a.end..b.start) == Some(" ");
    if role == "ordförande" && k >= 1 && joined(ws[k - 1], ws[k]) {
        let prev = ws[k - 1].slice(text);
        if prev.ends_with('s') && prev.chars().count() > 4 && !names::is_given(prev) {
            role = format!("{} ordförande", prev.to_lowercase());
            k -= 1;
            // "Barn- och utbildningsnämndens ordförande".
            if k >= 2
                && ws[k - 1].slice(text) == "och"
                && joined(ws[k - 1], ws[k])
                && text.get(ws[k - 2].end..ws[k - 1].start) == Some("- ")
            {
                role = format!("{}- och {role}", ws[k - 2].slice(text).to_lowercase());
                k -= 2;
            }
        }
    }
    let mut org = None;
    if k >= 1 && joined(ws[k - 1], ws[k]) {
        let mut cand: Vec<&str> = Vec::new();
        if k >= 2 && joined(ws[k - 2], ws[k - 1]) {
            cand.push(ws[k - 2].slice(text));
        }
        cand.push(ws[k - 1].slice(text));
        org = orgs::parse_genitive(&cand);
        if org.is_none() {
            org = definite_org(local, ws[k - 1].slice(text), name.start);
        }
    }
    (vec![role], org)
}

/// Municipalities, cities and regions named in the text, in text order:
/// (start, name, is a region). Computed once per document, and only when
/// the text refers back to one ("kommunens", "stadens", "regionens").
type LocalOrgs = Vec<(usize, String, bool)>;

fn local_orgs(text: &str) -> LocalOrgs {
    static KOMMUN: OnceLock<Regex> = OnceLock::new();
    static REGION: OnceLock<Regex> = OnceLock::new();
    let mut out = Vec::new();
    if !["ommunens", "tadens", "egionens"]
        .iter()
        .any(|w| text.contains(w))
    {
        return out;
    }
    let k = re(&KOMMUN, || {
        r"\p{Lu}[\p{L}\-]+ (?:kommun|stad)s?".to_string()
    });
    for m in k.find_iter(text) {
        let mut o = m.as_str().to_string();
        if o.ends_with("kommuns") || o.ends_with("stads") {
            o.pop();
        }
        out.push((m.start(), o, false));
    }
    let r = re(&REGION, || r"Region \p{Lu}[\p{L}\-]+".to_string());
    for m in r.find_iter(text) {
        let mut o = m.as_str().to_string();
        if o.ends_with('s') && !o.ends_with("ss") {
            o.pop();
        }
        out.push((m.start(), o, true));
    }
    out.sort();
    out
}

/// "kommunens it-chef", "regionens CDO", "stadens": the municipality,
/// region or city named last before `before`.
fn definite_org(local: &LocalOrgs, word: &str, before: usize) -> Option<String> {
    let region = match word.to_lowercase().as_str() {
        "kommunens" | "stadens" => false,
        "regionens" => true,
        _ => return None,
    };
    let end = local.partition_point(|(s, _, _)| *s < before);
    local[..end]
        .iter()
        .rev()
        .find(|(_, _, r)| *r == region)
        .map(|(_, o, _)| o.clone())
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

#[derive(Default)]
struct Explicit {
    para_speaker: Option<usize>,
    any_speaker: Option<usize>,
    pending: Option<(usize, String)>,
    /// "Det säger NAME" opening the paragraph: the previous paragraph was
    /// NAME's words.
    previous: Option<(usize, String)>,
    /// A cue names someone who cannot be resolved ("säger Svensson" with two
    /// Svenssons): the paragraph must not fall back to the running speaker.
    unresolved: bool,
}

fn explicit(ctx: &mut Ctx, para: &Para) -> Explicit {
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

fn finish(ctx: Ctx, mut out: Vec<(BlockKind, Option<usize>)>) -> Speakers {
    let mut keep: Vec<(usize, usize)> = ctx
        .persons
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.excluded && !p.quotes.is_empty())
        .map(|(i, p)| {
            let first = p.mentions.iter().map(|m| m.start).min().unwrap_or_else(|| {
                p.quotes
                    .iter()
                    .map(|q| q.span.start)
                    .min()
                    .unwrap_or(usize::MAX)
            });
            (first, i)
        })
        .collect();
    keep.sort();
    let mut map = vec![None; ctx.persons.len()];
    for (new, (_, old)) in keep.iter().enumerate() {
        map[*old] = Some(new);
    }
    let mut speakers = Vec::with_capacity(keep.len());
    let mut persons = ctx.persons;
    for (_, old) in &keep {
        let p = std::mem::replace(
            &mut persons[*old],
            Person {
                name: String::new(),
                given: String::new(),
                surname: String::new(),
                gender: Gender::Unknown,
                roles: Vec::new(),
                orgs: Vec::new(),
                mentions: Vec::new(),
                quotes: Vec::new(),
                excluded: true,
            },
        );
        let any_strong = p.orgs.iter().any(|(_, s)| *s);
        let organisations = p
            .orgs
            .into_iter()
            .filter(|(_, s)| *s || !any_strong)
            .map(|(o, _)| o)
            .collect();
        let mut mentions = p.mentions;
        mentions.sort();
        mentions.dedup();
        let mut quotes = p.quotes;
        quotes.sort_by_key(|q| (q.span.start, q.span.end));
        quotes.dedup_by(|a, b| a.span == b.span);
        speakers.push(SpeakerInfo {
            name: p.name,
            roles: p.roles,
            organisations,
            mentions,
            quotes,
        });
    }
    for (_, sp) in out.iter_mut() {
        *sp = sp.and_then(|s| map.get(s).copied().flatten());
    }
    Speakers {
        speakers,
        paragraphs: out,
    }
}

/// The marks that close a quotation opened by `open`; `None` when `open`
/// is not a quotation mark.
fn closers_of(open: char) -> Option<&'static [char]> {
    Some(match open {
        '”' => &['”'],
        '“' => &['”', '"', '“'],
        '«' => &['»'],
        '»' => &['»', '«'],
        '„' => &['“', '"', '”'],
        '"' => &['"', '”'],
        _ => return None,
    })
}

/// The matches of `re` in `s` when `flag` (the paragraph's cheap test for
/// the regex) is set; none otherwise.
fn captures_if<'r, 'h>(
    flag: bool,
    re: &'r Regex,
    s: &'h str,
) -> impl Iterator<Item = regex::Captures<'h>> + use<'r, 'h> {
    flag.then(|| re.captures_iter(s)).into_iter().flatten()
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

    fn cue_words_of(p: &str) -> CueWords {
        let span = Span::new(0, p.len());
        let (ws, mixed) = names::words_marked(p, span);
        cue_words(p, span, &ws, &mixed)
    }

    /// Every cue regex that matches a paragraph must find its cue flag set:
    /// the flags only decide which regexes may be skipped.
    #[test]
    fn cue_words_never_hide_a_regex_match() {
        let paras = [
            "– Vi måste bli bättre på att dela data, säger Anna Lund, it-chef i Umeå kommun.",
            "”Det här är ett lyft”, menade Per Ek på mötet.",
            "Kommundirektören Eva Berg säger i ett pressmeddelande: ”Vi satsar vidare.”",
            "Enligt Lars Nilsson, som leder projektet, har kostnaderna ökat.",
            "Maria Holm tror att it-säkerheten blir avgörande.",
            "Det säger Olof Palm, ordförande i nämnden.",
            "Så sade hon till slut, och sedan var mötet slut.",
            "Samhällets digitalisering sade-mig ingenting; sa:de vi.",
            "Säkerhetschefen svarade:\u{a0}nej.",
            "Ingen cue här: bara samhälle, sammanhang och sakfrågor.",
            "Hon är nöjd… säger\u{2003}Anna Svensson idag.",
        ];
        let mut matched = 0;
        for p in paras {
            let c = cue_words_of(p);
            let checks = [
                (inverted_re(), c.inverted),
                (cue_name_re(), c.inverted),
                (colon_cue_re(), c.colon),
                (det_cue_re(), c.det),
                (after_close_re(), c.speech),
                (report_re(), c.report),
            ];
            for (r, flag) in checks {
                // Any start after a non-letter, as the regexes also run on
                // parts of a paragraph that begin after a quotation mark.
                let starts = p
                    .char_indices()
                    .filter(|&(i, _)| !p[..i].chars().next_back().is_some_and(char::is_alphabetic));
                if starts.map(|(i, _)| i).any(|i| r.is_match(&p[i..])) {
                    matched += 1;
                    assert!(flag, "{p:?} matches {r} but its cue flag is not set");
                }
            }
        }
        assert!(
            matched >= 8,
            "only {matched} regex matches: the test proves little"
        );
        assert!(cue_words_of("– Ja, säger hon.").inverted);
        assert!(!cue_words_of("Ja säger hon.").inverted);
        assert!(cue_words_of("Det säger hon.").det);
        assert!(cue_words_of("Hon säger i en intervju: ja.").colon);
        assert!(!cue_words_of("Hon säger. Sedan: ja.").colon);
        assert!(cue_words_of("Han tror att det går.").report);
        assert!(!cue_words_of("Han tror att det går.").speech);
        assert!(!cue_words_of("Samhället sammanfattas sakligt.").speech);
        assert!(cue_words_of("it-säger").speech);
    }

    /// The char-by-char pairing that [`quote_pairs`] replaces.
    fn quote_pairs_by_chars(text: &str) -> Vec<(Span, Span)> {
        let mut out = Vec::new();
        let mut iter = text.char_indices();
        while let Some((i, c)) = iter.next() {
            let Some(closers) = closers_of(c) else {
                continue;
            };
            if let Some((j, d)) = iter.by_ref().find(|(_, d)| closers.contains(d)) {
                out.push((
                    Span::new(i, j + d.len_utf8()),
                    Span::new(i + c.len_utf8(), j),
                ));
            }
        }
        out
    }

    #[test]
    fn quote_pairs_match_the_char_walk() {
        for t in [
            "– Ja, säger hon. ”Vi är klara”, sa hon. \"Nej\" – «Kanske» och »så» här.",
            "„Början“ och „slut\" och “engelskt” och ”öppen utan slut",
            "»ett»två«tre« ’inte’ – ”a” ”b",
            "Inga citattecken alls – bara tankstreck — och ’apostrofer’.",
            "\"\"\"",
            "”",
        ] {
            let span = Span::new(0, t.len());
            assert_eq!(quote_pairs(t, span), quote_pairs_by_chars(t), "{t}");
        }
        let t = "x ”inne” y";
        assert_eq!(quote_pairs(t, Span::new(0, t.len())).len(), 1);
    }

    #[test]
    fn first_person_words_ignore_case() {
        for w in ["jag", "Jag", "VI", "Vårt", "VÅRA", "mig"] {
            assert!(is_first_person(w), "{w}");
        }
        for w in ["ja", "jagar", "vem", "Våg", "minns"] {
            assert!(!is_first_person(w), "{w}");
        }
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
