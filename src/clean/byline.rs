//! Bylines, date lines and photo credits: lines such as `Text: Anna Berg`,
//! `Publicerad 12 mars 2025 kl. 07.30`, `Foto: Örebro kommun` or the glued
//! footer `17 november 2022Uppdaterad 2 oktober 2023Reporter Fredrik
//! Adolfssondigit`, and person-name checks.
//!
//! A line counts as such a *meta line* only when every part of it is
//! accounted for (dates, times, markers, names, separators, weekday words),
//! so a body sentence that mentions a date is never taken for one.
//!
//! Glued junk after a name at the end of a line (`Adolfssondigit`, where the
//! scrape glued the site's next word onto the surname) is cut with a
//! surname-suffix rule: when the last word does not itself end in a common
//! Swedish surname ending but a prefix of it (at least four letters) does,
//! and the rest is at least four lowercase letters, the word is cut after
//! that prefix (`Adolfsson` + `digit`). Surnames without such an ending are
//! kept whole.

use std::sync::LazyLock;

use regex::Regex;

use super::dates::{Ymd, find_dates};

/// What a date, byline or credit line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetaLine {
    /// Publication date, ISO 8601.
    pub published: Option<String>,
    /// Update date, ISO 8601.
    pub updated: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// Photographers and image credits.
    pub credits: Vec<String>,
}

impl MetaLine {
    /// The reason to give when the line is removed from the text.
    pub fn reason(&self) -> &'static str {
        if !self.authors.is_empty() {
            "byline"
        } else if !self.credits.is_empty() && self.published.is_none() && self.updated.is_none() {
            "credit"
        } else {
            "date"
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Published,
    Updated,
    Author,
    Photo,
    AuthorAndPhoto,
    Ignore,
}

static MARKERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(artikeln publicerades|artikeln uppdaterades|sidan publicerades|sidan publicerad|sidan uppdaterades|sidan uppdaterad|textansvarig|pressinbjudan|senast uppdaterad|senast ändrad|senast granskad|senast publicerad|senast reviderad|uppdaterades|ändrades|publicerades|uppdaterad|uppdaterat|ändrad|publicerad|publicerat|publ\.|text och foto|text och bild|text & foto|text/foto|text|av|reporter|skribent|journalist|redaktör|författare|foto|fotograf|bild|illustration|pressmeddelanden|pressmeddelande|nyhet|nyheter|debatt|krönika|ledare|analys|reportage|intervju|recension|notis|kommentar|kl\.?|klockan|cest|cet|utc|gmt|den|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)\b:?",
    )
    .expect("valid regex")
});

static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{1,2}[.:]\d{2}(?:[.:]\d{2})?\b").expect("valid regex"));

fn marker_kind(word: &str) -> Marker {
    let w = word.trim_end_matches(':').to_lowercase();
    match w.as_str() {
        "publicerad" | "publicerat" | "publ." | "publicerades" | "artikeln publicerades"
        | "sidan publicerad" | "sidan publicerades" => {
            Marker::Published
        }
        "senast uppdaterad" | "senast ändrad" | "uppdaterad" | "uppdaterat" | "ändrad"
        | "sidan uppdaterades" | "sidan uppdaterad" | "artikeln uppdaterades" | "senast granskad" | "senast publicerad" | "senast reviderad"
        | "uppdaterades" | "ändrades" => {
            Marker::Updated
        }
        "text" | "av" | "reporter" | "skribent" | "journalist" | "redaktör" | "författare"
        | "textansvarig" => Marker::Author,
        "foto" | "fotograf" | "bild" | "illustration" => Marker::Photo,
        "text och foto" | "text och bild" | "text & foto" | "text/foto" => Marker::AuthorAndPhoto,
        _ => Marker::Ignore,
    }
}

/// Inserts a space where a scrape glued two page elements together: between
/// a digit and a letter, and between a lowercase and an uppercase letter.
/// Returns the new string (the same length in characters plus the spaces),
/// or the line itself when nothing is glued (most lines).
fn unglue(line: &str) -> std::borrow::Cow<'_, str> {
    let glued = |p: char, c: char| {
        (p.is_ascii_digit() && c.is_alphabetic() && c.is_uppercase())
            || (p.is_lowercase() && c.is_uppercase())
    };
    let mut chars = line.chars();
    let mut prev = chars.next();
    let any = chars.any(|c| {
        let g = prev.is_some_and(|p| glued(p, c));
        prev = Some(c);
        g
    });
    if !any {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut prev: Option<char> = None;
    for c in line.chars() {
        if prev.is_some_and(|p| glued(p, c)) {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    std::borrow::Cow::Owned(out)
}

/// Common endings of Swedish surnames, used to cut glued junk.
const SURNAME_ENDINGS: &[&str] = &[
    "sson", "son", "sen", "berg", "bergh", "ström", "strom", "qvist", "kvist", "quist", "lund",
    "gren", "holm", "dahl", "dal", "stedt", "stad", "borg", "blad", "bäck", "back", "mark", "vall",
    "lind", "fors", "ling", "ander", "ius", "sjö", "hed", "vik", "löf", "löv", "man", "mann",
    "ell", "in", "ek", "ås", "sten", "stam", "hammar", "hamn", "ros", "rot", "näs", "lin", "lén",
    "ér", "én", "ad", "by", "torp", "feldt", "felt", "gård", "hult", "skog", "bom", "stål",
    "stein", "nen", "ic", "ić", "ović", "ski", "ska", "ez",
];

fn has_surname_ending(word: &str) -> bool {
    let lower = word.to_lowercase();
    SURNAME_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Endings strong enough to cut glued junk after them.
const CUT_ENDINGS: &[&str] = &[
    "sson", "son", "berg", "ström", "qvist", "kvist", "quist", "lund", "gren", "holm", "dahl",
    "stedt", "borg", "blad", "bäck", "mark", "vall", "lind", "fors", "ander", "ius", "sjö", "vik",
    "löf", "ell", "in", "sten", "hammar", "näs", "feldt", "gård", "hult", "skog",
];

/// Cuts glued lowercase junk off the last word of a name at the end of a
/// line (see the module docs). Returns the kept word.
pub fn cut_glued_junk(word: &str) -> &str {
    if has_surname_ending(word) {
        return word;
    }
    let bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).skip(4).collect();
    for &b in bounds.iter().rev() {
        let (head, rest) = word.split_at(b);
        if rest.chars().count() < 4 || !rest.chars().all(|c| c.is_lowercase()) {
            continue;
        }
        let lower = head.to_lowercase();
        if CUT_ENDINGS.iter().any(|e| lower.ends_with(e)) {
            return head;
        }
    }
    word
}

use crate::names::is_particle;
pub use crate::names::{FUNCTION_WORDS, is_name_word, is_person_name};

/// The kind of a body paragraph that is a byline ("Text: Anna Ek", "Foto:
/// ...", "Reporter Anna Ek") or a press contact block ("Kontakt",
/// "Presskontakt", "För mer information", "Frågor besvaras av"); `None`
/// for any other paragraph.
pub fn furniture_kind(para: &str) -> Option<super::BlockKind> {
    static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:text|av|foto|fotograf|bild|reporter|illustration|grafik)\s*:")
            .expect("valid regex")
    });
    static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:kontakt|kontaktperson|presskontakt|för mer information|mer information|ytterligare information|frågor besvaras av|för frågor)",
        )
        .expect("valid regex")
    });
    let t = para.trim_start();
    if BYLINE.is_match(t) || t.contains("Reporter ") {
        Some(super::BlockKind::Byline)
    } else if CONTACT.is_match(t) {
        Some(super::BlockKind::Contact)
    } else {
        None
    }
}

/// Marks the body blocks of `text` that are bylines or contact blocks
/// ([`furniture_kind`]) with their kind, so that later stages need not
/// find them again.
pub fn mark_kinds(text: &str, blocks: &mut [super::Block]) {
    for b in blocks.iter_mut() {
        if b.kind == super::BlockKind::Body
            && let Some(k) = text.get(b.span.start..b.span.end).and_then(furniture_kind)
        {
            b.kind = k;
        }
    }
}

/// Splits a byline's name part into names. `at_line_end` says whether the
/// part ends the line (so glued junk may follow the last name).
fn split_names(part: &str, at_line_end: bool) -> Vec<String> {
    static SEP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*(?:,|;|&|\||/|\s+och\s+|\s+samt\s+)\s*").expect("valid regex")
    });
    let pieces: Vec<&str> = SEP
        .split(part)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let n = pieces.len();
    let mut names = Vec::new();
    for (i, piece) in pieces.into_iter().enumerate() {
        let piece = piece.trim_matches(|c: char| matches!(c, '.' | '*' | '_' | ')' | '('));
        let words: Vec<&str> = piece.split_whitespace().collect();
        // The longest leading run of name words.
        let mut run = 0;
        for w in &words {
            if is_name_word(w) || (run > 0 && is_particle(w)) {
                run += 1;
            } else {
                break;
            }
        }
        if run >= 2 {
            let mut kept: Vec<&str> = words[..run.min(4)].to_vec();
            if at_line_end
                && i + 1 == n
                && run == words.len()
                && run <= 4
                && let Some(last) = kept.last_mut()
            {
                *last = cut_glued_junk(last);
            }
            names.push(kept.join(" "));
        } else if words.len() == 1 && is_agency(words[0]) {
            names.push(words[0].to_string());
        }
    }
    names
}

/// News agencies that sign articles (`TT`, `AFP`).
fn is_agency(w: &str) -> bool {
    (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
}

/// Splits a credit list (`Örebro kommun, Huddinge kommun, Stockholms stad`).
pub fn split_credits(part: &str) -> Vec<String> {
    static SEP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*(?:,|;|&|\s+och\s+)\s*").expect("valid regex"));
    SEP.split(part)
        .map(|p| p.trim().trim_matches(['.', ')', '*', '_']).trim())
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether a credit list looks like names of people or organisations:
/// each piece at most six words and starting with a capital letter.
fn credits_plausible(credits: &[String]) -> bool {
    !credits.is_empty()
        && credits.iter().all(|c| {
            c.split_whitespace().count() <= 6 && c.chars().next().is_some_and(char::is_uppercase)
        })
}

/// Whether `gap` (text between recognised parts of a meta line) is only
/// separators and punctuation.
fn is_filler(gap: &str) -> bool {
    gap.chars().all(|c| c.is_whitespace() || is_filler_char(c))
}

/// Separators and punctuation between the parts of a meta line.
fn is_filler_char(c: char) -> bool {
    matches!(
        c,
        '|' | '•'
            | '·'
            | '–'
            | '—'
            | '-'
            | ','
            | ':'
            | '/'
            | '.'
            | '('
            | ')'
            | '*'
            | '_'
            | '['
            | ']'
    )
}

/// First words (lowercased) with which a marker, date or time can start a
/// meta line: the first word of every alternative of `MARKERS` that sets
/// something (the others are [`IGNORED_MARKERS`]) and of the relative
/// dates (`i dag`, `igår`, ...).
const META_FIRST_WORDS: &[&str] = &[
    "sidan",
    "artikeln",
    "senast",
    "uppdaterades",
    "ändrades",
    "publicerades",
    "uppdaterad",
    "uppdaterat",
    "ändrad",
    "publicerad",
    "publicerat",
    "publ",
    "text",
    "textansvarig",
    "av",
    "reporter",
    "skribent",
    "journalist",
    "redaktör",
    "författare",
    "foto",
    "fotograf",
    "bild",
    "illustration",
    "i",
    "idag",
    "igår",
    "iförrgår",
];

/// Markers of `MARKERS` that [`marker_kind`] maps to `Marker::Ignore`:
/// they may stand in a meta line but set nothing.
const IGNORED_MARKERS: &[&str] = &[
    "pressmeddelande",
    "pressinbjudan",
    "pressmeddelanden",
    "cet",
    "cest",
    "utc",
    "gmt",
    "nyhet",
    "nyheter",
    "debatt",
    "krönika",
    "ledare",
    "analys",
    "reportage",
    "intervju",
    "recension",
    "notis",
    "kommentar",
    "kl",
    "klockan",
    "den",
    "måndag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lördag",
    "söndag",
];

/// A cheap test that `parse_meta_line` needs: `false` only when the
/// (unglued) line cannot be a meta line. The first stretch of a meta line
/// before its first marker, date or time must be separators or a person's
/// name, so the line (after separators) starts with a digit, with a
/// marker's or relative date's first word, or with two words of which the
/// first is capitalised and the second capitalised or a name particle.
/// Ordinary sentences fail at the first word and skip the regexes.
fn may_be_meta(s: &str) -> bool {
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || is_filler_char(c));
    let Some(c0) = t.chars().next() else {
        return true;
    };
    if c0.is_numeric() {
        return may_start_date(t);
    }
    let first = t
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    // Case-insensitive matching in the regexes folds a few non-ASCII
    // letters to ASCII ones (the Kelvin sign to `k`); such a word goes on.
    if !first
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "åäöÅÄÖ".contains(c))
    {
        return true;
    }
    let lower = first.to_lowercase();
    if IGNORED_MARKERS.contains(&lower.as_str()) {
        // A marker that sets nothing ("den", "måndag", "kl"): what follows
        // it is held to the same test.
        return may_be_meta(&t[first.len()..]);
    }
    if lower == "i" {
        // only as the start of "i dag", "i går", "i förrgår"
        let rest = t[1..].strip_prefix(char::is_whitespace).unwrap_or(&t[1..]);
        let rest: String = rest.chars().take(7).flat_map(char::to_lowercase).collect();
        if ["dag", "går", "förrgår"]
            .iter()
            .any(|w| rest.starts_with(w))
        {
            return true;
        }
    } else if META_FIRST_WORDS.contains(&lower.as_str()) || month_first_date(&lower, t) {
        return true;
    }
    if !c0.is_uppercase() {
        return false;
    }
    t.split_whitespace().nth(1).is_some_and(|w| {
        let letters = w.split(|c: char| !c.is_alphabetic()).next().unwrap_or(w);
        w.chars().next().is_some_and(char::is_uppercase) || is_particle(letters)
    })
}

/// Whether `t`, whose first word lowercased is `first`, may start with a
/// date written month first (`Feb 07, 2019`): a month name and a digit.
fn month_first_date(first: &str, t: &str) -> bool {
    super::dates::month_number(first).is_some()
        && t[first.len()..]
            .trim_start_matches(['.', ' '])
            .starts_with(|c: char| c.is_ascii_digit())
}

/// Whether a date or a time (`find_dates`, `TIME`) can start at the start
/// of `t`, which starts with a digit: `14.30`, `5/3/2024`, `2024-03-05`,
/// `12 mars`, `1:a maj`. `false` for `1. Vilken ...` or `1995/96:141 ...`.
fn may_start_date(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &t[digits..];
    match digits {
        // a digit the regexes know but ASCII does not
        0 => true,
        // "2013-06-01", and "2013 jun 01" (year first, month in letters)
        4 => {
            rest.starts_with('-')
                || rest
                    .strip_prefix(' ')
                    .is_some_and(|r| starts_with_month(&r.to_lowercase()))
        }
        1 | 2 => {
            let b = rest.as_bytes();
            if b.len() >= 2 && matches!(b[0], b'.' | b':' | b'/') && b[1].is_ascii_digit() {
                return true;
            }
            let lower: String = rest.chars().take(16).flat_map(char::to_lowercase).collect();
            if lower.contains('ſ') {
                // the long s matches `s` case-insensitively
                return true;
            }
            let after_suffix = [":e", ":a", "e", "a"]
                .iter()
                .find_map(|s| lower.strip_prefix(s))
                .unwrap_or(&lower);
            [lower.as_str(), after_suffix].iter().any(|r| {
                let r = r.strip_prefix('.').unwrap_or(r);
                r.starts_with(char::is_whitespace) && starts_with_month(r.trim_start())
            })
        }
        _ => false,
    }
}

/// Whether lower-cased text starts with a Swedish month's first three
/// letters ("jun", "mars", "okt.").
fn starts_with_month(lower: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    MONTHS.iter().any(|m| lower.starts_with(m))
}

/// Parses a date, byline or credit line; `None` when the line has any other
/// content.
pub fn parse_meta_line(line: &str, reference: Option<Ymd>) -> Option<MetaLine> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 220 {
        return None;
    }
    if let Some(m) = letter_dateline(line, reference) {
        return Some(m);
    }
    // a button's text glued before the date: "Spara favorit 12 dec december 2017"
    if let Some(rest) = ["Spara favorit ", "Spara som favorit ", "Skriv ut ", "Dela "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
    {
        return parse_meta_line(rest, reference)
            .filter(|m| m.published.is_some() || m.updated.is_some());
    }
    let s = unglue(line);
    if !may_be_meta(&s) {
        return None;
    }
    parse_unglued(&s, reference).or_else(|| date_and_categories(line, reference))
}

/// A letter's or a statement's dateline: a place, "den" and a date
/// ("Falun den 26 april 2022", "Stockholm den 3 maj 2021"). Its date is
/// the text's date.
fn letter_dateline(line: &str, reference: Option<Ymd>) -> Option<MetaLine> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?,? den (\d{1,2} \p{Ll}+ \d{4})\.?$")
            .expect("valid regex")
    });
    let date = DATELINE.captures(line)?.get(1)?.as_str();
    let iso = super::dates::parse_date(date, reference)?;
    Some(MetaLine {
        published: Some(iso),
        ..MetaLine::default()
    })
}

/// Whether a line is a letter's dateline ([`letter_dateline`]).
pub fn is_letter_dateline(line: &str) -> bool {
    letter_dateline(line.trim(), None).is_some()
}

/// A date line followed by the page's categories: "20 december 2018 |
/// Kommun & politik, Omsorg & hjälp". The part before the first `|` is a
/// date line; the rest short labels, no sentence.
fn date_and_categories(line: &str, reference: Option<Ymd>) -> Option<MetaLine> {
    let (date, rest) = line.split_once(" | ")?;
    let labels_only = rest.split([',', '|']).all(|l| {
        let l = l.trim();
        !l.is_empty() && l.split_whitespace().count() <= 4 && !l.ends_with(['.', '!', '?'])
    });
    if !labels_only {
        return None;
    }
    let m = parse_unglued(&unglue(date.trim()), reference)?;
    (m.published.is_some() || m.updated.is_some()).then_some(m)
}

/// [`parse_meta_line`] after the line has been trimmed and unglued.
fn parse_unglued(s: &str, reference: Option<Ymd>) -> Option<MetaLine> {
    let dates = find_dates(s, reference);
    // Items: (start, end, kind) where kind is a marker or a date/time.
    enum Item {
        Date(Option<String>),
        Time,
        Marker(Marker),
    }
    let mut items: Vec<(usize, usize, Item)> = Vec::new();
    for d in &dates {
        items.push((d.start, d.end, Item::Date(d.iso.clone())));
    }
    let inside = |items: &[(usize, usize, Item)], a: usize, b: usize| {
        items.iter().any(|(s0, e0, _)| a < *e0 && *s0 < b)
    };
    for m in TIME.find_iter(s) {
        if !inside(&items, m.start(), m.end()) {
            items.push((m.start(), m.end(), Item::Time));
        }
    }
    for m in MARKERS.find_iter(s) {
        if inside(&items, m.start(), m.end()) {
            continue;
        }
        let kind = marker_kind(m.as_str());
        // "av"/"text"/"bild" only as markers when capitalised or followed by ':'.
        let word = m.as_str();
        // ... or, for "av", right after a date or time ("Publicerat 21 juni 2023 av").
        let after_date = kind == Marker::Author
            && word.eq_ignore_ascii_case("av")
            && s[..m.start()]
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit());
        if matches!(kind, Marker::Author | Marker::Photo)
            && !word.ends_with(':')
            && !after_date
            && !word.chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        // "Bild"/"Illustration" name a credit only with a colon ("Bild: TT").
        let lw = word.to_lowercase();
        if (lw.starts_with("bild") || lw.starts_with("illustration")) && !word.ends_with(':') {
            continue;
        }
        items.push((m.start(), m.end(), Item::Marker(kind)));
    }
    items.sort_by_key(|i| i.0);

    let mut meta = MetaLine::default();
    let mut state = Marker::Ignore;
    let mut pos = 0usize;
    let mut evidence = false;
    let n = items.len();
    #[allow(clippy::needless_range_loop)]
    for idx in 0..=n {
        let (start, end) = if idx < n {
            (items[idx].0, items[idx].1)
        } else {
            (s.len(), s.len())
        };
        let gap = s.get(pos..start).unwrap_or("");
        if !is_filler(gap) {
            match state {
                Marker::Author | Marker::AuthorAndPhoto => {
                    let names = split_names(gap.trim(), idx == n);
                    if names.is_empty() {
                        return None;
                    }
                    if state == Marker::AuthorAndPhoto {
                        meta.credits.extend(names.iter().cloned());
                    }
                    meta.authors.extend(names);
                    evidence = true;
                }
                Marker::Photo => {
                    let credits = split_credits(gap.trim());
                    if !credits_plausible(&credits) {
                        return None;
                    }
                    meta.credits.extend(credits);
                    evidence = true;
                }
                // A bare name beside a date: "12 februari 2024 · Jonas Wiklund"
                // (a given name first: "Utredare Bodil Edler 2003-08-22" is a
                // contact's title and name).
                _ if !dates.is_empty()
                    && meta.authors.is_empty()
                    && is_person_name(
                        gap.trim_matches(|c: char| c.is_whitespace() || is_filler_char(c)),
                    ) =>
                {
                    let name = gap.trim_matches(|c: char| c.is_whitespace() || is_filler_char(c));
                    if bare_author(name) {
                        meta.authors.push(name.to_string());
                        evidence = true;
                    }
                }
                // The publisher between separators of a press service's date
                // line: "26.11.2024 15:55:49 CET | Trafikverket | Pressinbjudan".
                _ if !dates.is_empty() && is_publisher_field(gap) => {}
                _ => return None,
            }
            state = Marker::Ignore;
        }
        if idx == n {
            break;
        }
        match &items[idx].2 {
            Item::Date(iso) => {
                if let Some(iso) = iso {
                    evidence = true;
                    let slot = match state {
                        Marker::Updated => &mut meta.updated,
                        Marker::Published => &mut meta.published,
                        _ if meta.published.is_none() => &mut meta.published,
                        _ => &mut meta.updated,
                    };
                    if slot.is_none() {
                        *slot = Some(iso.clone());
                    }
                } else {
                    evidence = true;
                }
                if !matches!(
                    state,
                    Marker::Author | Marker::Photo | Marker::AuthorAndPhoto
                ) {
                    state = Marker::Ignore;
                }
            }
            Item::Time => {
                // "Uppdaterad 14.32": a time after a date marker.
                if matches!(state, Marker::Published | Marker::Updated) {
                    evidence = true;
                }
            }
            Item::Marker(k) => {
                if *k != Marker::Ignore {
                    state = *k;
                }
            }
        }
        pos = end.max(pos);
    }
    if !evidence {
        return None;
    }
    Some(meta)
}

/// Whether a name beside a date is the author's: a person's name that
/// starts with a given name.
fn bare_author(name: &str) -> bool {
    is_person_name(name)
        && name
            .split_whitespace()
            .next()
            .is_some_and(crate::names::is_given)
}

/// A field of a date line set off by `|` or `•` on its left that names
/// the publisher: one to three capitalised words ("| Trafikverket |",
/// "• Region Halland").
fn is_publisher_field(gap: &str) -> bool {
    let t = gap.trim();
    let Some(rest) = t.strip_prefix(['|', '•']) else {
        return false;
    };
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || is_filler_char(c));
    let words: Vec<&str> = rest.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Finds a photo credit at the end of a caption: `... stad. Foto: Anna Berg`.
/// Returns the byte offset where the credit starts and the credits.
pub fn caption_credit(para: &str) -> Option<(usize, Vec<String>)> {
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[\s.!?)])((?:Foto|Bild|Fotograf|Illustration|FOTO|BILD)\s*:\s*|(?:Foto|FOTO)\s+)([^\n]{1,160})$")
            .expect("valid regex")
    });
    // The regex is anchored at the end and searched backwards: first a
    // cheap test for the words it needs.
    let has_word = memchr::memchr3_iter(b'F', b'B', b'I', para.as_bytes()).any(|i| {
        let rest = &para.as_bytes()[i..];
        [&b"Foto"[..], b"Bild", b"FOTO", b"BILD", b"Illustration"]
            .iter()
            .any(|w| rest.starts_with(w))
    });
    if !has_word {
        return None;
    }
    let c = CREDIT.captures(para)?;
    let marker = c.get(1)?;
    let list = c.get(2)?.as_str();
    if list.split_whitespace().count() > 16
        || list.trim_end().ends_with(['.', '!', '?']) && list.split_whitespace().count() > 6
    {
        return None;
    }
    let credits = split_credits(list);
    if !credits_plausible(&credits) {
        return None;
    }
    Some((marker.start(), credits))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_page_s_publication_date() {
        let m = parse_meta_line("Sidan publicerad: 2020-02-20", None).expect("a date line");
        assert_eq!(m.published.as_deref(), Some("2020-02-20"));
    }

    #[test]
    fn a_date_with_the_year_first_and_the_month_in_letters() {
        let m = parse_meta_line("2013 jun 01", None).expect("a date line");
        assert_eq!(m.published.as_deref(), Some("2013-06-01"));
        assert!(parse_meta_line("2013 var ett bra år för kommunen.", None).is_none());
    }

    #[test]
    fn a_save_button_before_the_date_is_a_date_line() {
        let m = parse_meta_line("Spara favorit 12 dec december 2017", None).expect("a date line");
        assert_eq!(m.published.as_deref(), Some("2017-12-12"));
    }

    #[test]
    fn a_letter_s_dateline_is_a_date_line() {
        let m = parse_meta_line("Falun den 26 april 2022", None).expect("a dateline");
        assert_eq!(m.published.as_deref(), Some("2022-04-26"));
        assert!(is_letter_dateline("Stockholm den 3 maj 2021"));
        assert!(!is_letter_dateline("Mötet hölls den 3 maj 2021"));
        assert!(!is_letter_dateline("Falun den 26 april 2022 samlades alla chefer."));
    }

    use super::*;

    #[test]
    fn glued_footer() {
        let m = parse_meta_line(
            "17 november 2022Uppdaterad 2 oktober 2023Reporter Fredrik Adolfssondigit",
            None,
        )
        .expect("meta line");
        assert_eq!(m.published.as_deref(), Some("2022-11-17"));
        assert_eq!(m.updated.as_deref(), Some("2023-10-02"));
        assert_eq!(m.authors, ["Fredrik Adolfsson"]);
    }

    #[test]
    fn bylines() {
        let m = parse_meta_line("Text: Anna Berg och Erik Lindqvist Foto: Sara Holm", None)
            .expect("meta");
        assert_eq!(m.authors, ["Anna Berg", "Erik Lindqvist"]);
        assert_eq!(m.credits, ["Sara Holm"]);
        let m = parse_meta_line("Av: Johanna Ek | Publicerad 12 mars 2025 kl. 07.30", None)
            .expect("meta");
        assert_eq!(m.authors, ["Johanna Ek"]);
        assert_eq!(m.published.as_deref(), Some("2025-03-12"));
        let m = parse_meta_line("Skribent: Maria Nilsson, kommunikatör", None).expect("meta");
        assert_eq!(m.authors, ["Maria Nilsson"]);
        let m = parse_meta_line(
            "Publicerad: 2024-05-02 08:15 Uppdaterad: 2024-05-03 10:00",
            None,
        )
        .expect("meta");
        assert_eq!(m.published.as_deref(), Some("2024-05-02"));
        assert_eq!(m.updated.as_deref(), Some("2024-05-03"));
        assert_eq!(m.reason(), "date");
        let m = parse_meta_line("Senast publicerad 2019-02-05", None).expect("meta");
        assert_eq!(m.updated.as_deref(), Some("2019-02-05"));
        let m = parse_meta_line("Sidan uppdaterad den 23 oktober 2014", None).expect("meta");
        assert_eq!(m.updated.as_deref(), Some("2014-10-23"));
        let m = parse_meta_line("20 december 2018 | Kommun & politik, Omsorg & hjälp", None)
            .expect("meta");
        assert_eq!(m.published.as_deref(), Some("2018-12-20"));
        let m = parse_meta_line("Artikeln publicerades 22 januari 2020", None).expect("meta");
        assert_eq!(m.published.as_deref(), Some("2020-01-22"));
        assert!(parse_meta_line("20 december 2018 | Kommunen bygger en ny skola i centrum.", None).is_none());
    }

    #[test]
    fn press_service_date_lines() {
        let m =
            parse_meta_line("Pressmeddelande   •   Feb 07, 2019 08:40 CET", None).expect("meta");
        assert_eq!(m.published.as_deref(), Some("2019-02-07"));
        let m =
            parse_meta_line("Pressmeddelanden   •   Maj 03, 2019 11:00 CEST", None).expect("meta");
        assert_eq!(m.published.as_deref(), Some("2019-05-03"));
        assert_eq!(m.reason(), "date");
        let m = parse_meta_line(
            "26.11.2024 15:55:49 CET | Trafikverket | Pressinbjudan",
            None,
        )
        .expect("meta");
        assert_eq!(m.published.as_deref(), Some("2024-11-26"));
        assert!(m.authors.is_empty());
        // a name after a date without a separator is no publisher field
        assert!(parse_meta_line("26.11.2024 Kommunen bjuder in", None).is_none());
    }

    #[test]
    fn bracketed_dates_and_text_owners() {
        let m = parse_meta_line("[2020-10-30]", None).expect("meta");
        assert_eq!(m.published.as_deref(), Some("2020-10-30"));
        let m = parse_meta_line(
            "Textansvarig: Bodil Knuthammar, telefon 010-103 94 88",
            None,
        )
        .expect("meta");
        assert_eq!(m.authors, ["Bodil Knuthammar"]);
    }

    #[test]
    fn a_bare_name_beside_a_date_starts_with_a_given_name() {
        let m = parse_meta_line("12 februari 2024 · Jonas Wiklund", None).expect("meta");
        assert_eq!(m.authors, ["Jonas Wiklund"]);
        let m = parse_meta_line("Utredare Bodil Edler 2003-08-22", None).expect("meta");
        assert!(m.authors.is_empty());
        assert_eq!(m.published.as_deref(), Some("2003-08-22"));
    }

    #[test]
    fn bare_name_beside_a_date() {
        let m = parse_meta_line("12 februari 2024 · Jonas Wiklund", None).expect("meta");
        assert_eq!(m.authors, ["Jonas Wiklund"]);
        assert_eq!(m.published.as_deref(), Some("2024-02-12"));
        assert!(parse_meta_line("Jonas Wiklund", None).is_none());
        assert!(parse_meta_line("12 februari 2024 · Kommunen beslutade", None).is_none());
    }

    #[test]
    fn time_only_update_line() {
        let m = parse_meta_line("Uppdaterad 14.32", None).expect("meta");
        assert_eq!(m.updated, None);
        assert_eq!(m.reason(), "date");
        assert!(parse_meta_line("14.32", None).is_none());
    }

    #[test]
    fn body_lines_are_not_meta() {
        assert!(
            parse_meta_line(
                "Den 17 november 2022 beslutade fullmäktige om budgeten.",
                None
            )
            .is_none()
        );
        assert!(parse_meta_line("Av alla kommuner har Örebro kommit längst.", None).is_none());
        assert!(parse_meta_line("Text och bild i samma dokument", None).is_none());
        assert!(parse_meta_line("Verksamhetschefer behöver ta ansvar", None).is_none());
        assert!(parse_meta_line("", None).is_none());
    }

    #[test]
    fn junk_cutting() {
        assert_eq!(cut_glued_junk("Adolfssondigit"), "Adolfsson");
        assert_eq!(cut_glued_junk("Lindström"), "Lindström");
        assert_eq!(cut_glued_junk("Gärdin"), "Gärdin");
        assert_eq!(cut_glued_junk("Gärdindigital"), "Gärdin");
        assert_eq!(cut_glued_junk("Martinez"), "Martinez");
        assert_eq!(cut_glued_junk("Khan"), "Khan");
    }

    #[test]
    fn byline_and_contact_blocks_get_their_kind() {
        use super::super::BlockKind;
        assert_eq!(furniture_kind("Text: Anna Ek"), Some(BlockKind::Byline));
        assert_eq!(
            furniture_kind("Olle Ståhl, Reporter Dagens Samhälle"),
            Some(BlockKind::Byline)
        );
        assert_eq!(
            furniture_kind("För mer information, kontakta Anna Ek"),
            Some(BlockKind::Contact)
        );
        assert_eq!(
            furniture_kind("Kontakt: 070-123 45 67"),
            Some(BlockKind::Contact)
        );
        assert_eq!(
            furniture_kind("– Vi måste bli bättre, säger Anna Ek."),
            None
        );
    }

    #[test]
    fn names() {
        assert!(is_person_name("Anna Gärdin"));
        assert!(is_person_name("Kristina Lundevall"));
        assert!(is_person_name("Carl von Linné"));
        assert!(!is_person_name("Bild På Tre Cioerna"));
        assert!(!is_person_name("Tillit från medborgare"));
        assert!(!is_person_name("Stockholm"));
    }

    #[test]
    fn captions() {
        let p =
            "Per Brogevik och Anna Gärdin. Foto: Örebro kommun, Huddinge kommun, Stockholms stad";
        let (at, credits) = caption_credit(p).expect("credit");
        assert_eq!(&p[at..at + 5], "Foto:");
        assert_eq!(
            credits,
            ["Örebro kommun", "Huddinge kommun", "Stockholms stad"]
        );
        assert!(caption_credit("Ett vanligt stycke utan fotograf.").is_none());
    }
    /// Every line that `may_be_meta` turns away must be one that the full
    /// parse rejects too (the filter only saves time).
    fn filter_is_exact(line: &str) {
        let line = line.trim();
        if line.is_empty() || line.chars().count() > 220 {
            return;
        }
        let s = unglue(line);
        if !may_be_meta(&s) {
            assert!(parse_unglued(&s, None).is_none(), "filtered out: {line:?}");
        }
    }

    #[test]
    fn the_meta_line_filter_loses_no_real_meta_line() {
        let mut lines = crate::test_support::real_lines();
        lines.extend(crate::test_support::talbanken_sentences());
        let mut kept = 0;
        for line in &lines {
            filter_is_exact(line);
            kept += usize::from(may_be_meta(&unglue(line.trim())));
        }
        assert!(lines.len() > 2_000, "only {} lines read", lines.len());
        assert!(kept < lines.len() / 2, "{kept} of {} pass", lines.len());
    }

    proptest::proptest! {
        #[test]
        fn the_meta_line_filter_is_exact_on_generated_lines(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "Av", "av", "Av:", "Text:", "text", "Foto:", "foto", "Bild:", "Publicerad",
                "publicerad", "Uppdaterad:", "senast uppdaterad", "Senast ändrad", "publ.",
                "kl.", "Kl", "klockan", "den", "Den", "Måndag", "fredag", "i dag", "idag",
                "Igår", "i förrgår", "Text och foto:", "text/foto", "Reporter", "Pressmeddelande",
                "Anna", "Berg", "Åsa", "Öberg", "von", "af", "Lindqvist", "TT", "AFP",
                "12", "3", "mars", "Mars", "2024", "2025-03-05", "12.30", "14:05", "5/3/2024",
                "|", "·", "–", "-", ",", ":", "/", "(", ")", "•", "*",
                "kommunen", "beslutade", "Regeringen", "har", "och", "att", "”Det", "är",
                "Stockholms", "stad", "Region", "Västmark", "McDonald", "DiNapoli",
                "2025Uppdaterad", "Lindqvistdigit", "\u{212a}l", "\u{17f}idan", "I", "Nyhet",
                "Idag", "går", "dagen", "Kl.", "Klockan", "1.", "1995/96:141", "1:a", "2:e", "3e",
                "12.", "Maj", "det", "de", "van", "1995", "12/3", "5.30", "Feb", "07,", "CET",
                "CEST", "Pressmeddelanden", "May", "oct", "2019",
            ]), 0..9),
            seps in proptest::collection::vec(
                proptest::sample::select(vec![" ", "", "  ", " | "]), 9),
        ) {
            let mut line = String::new();
            for (i, w) in words.iter().enumerate() {
                line.push_str(w);
                line.push_str(seps[i]);
            }
            filter_is_exact(&line);
        }
    }
}
