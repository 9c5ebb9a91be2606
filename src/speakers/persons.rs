//! The people of an article: one registry of persons, their mentions
//! (full names, surnames, given names, pronouns), the roles and
//! organisations of the apposition around each mention, their quotes, and
//! the assembly of the speakers at the end.

use std::collections::HashMap;

use super::apposition::{apposition, before_name};
use super::context::{self, ContextOrgs};
use super::cues::{CueWords, byline_re, cue_lower_name_re, cue_name_re};
use super::names::{self, Gender};
use super::walk::Para;
use super::{QuoteKind, QuoteSpan, SpeakerInfo, Speakers, orgs, roles};
use crate::clean::BlockKind;
use crate::language::stem::FxBuild;
use crate::span::Span;

/// One person named in the article.
pub(super) struct Person {
    pub(super) name: String,
    pub(super) given: String,
    pub(super) surname: String,
    pub(super) gender: Gender,
    pub(super) roles: Vec<String>,
    pub(super) orgs: Vec<(String, bool)>,
    pub(super) mentions: Vec<Span>,
    pub(super) quotes: Vec<QuoteSpan>,
    pub(super) excluded: bool,
}

#[derive(Clone, Copy)]
/// A place where a person is named.
pub(super) struct Mention {
    pub(super) span: Span,
    pub(super) person: usize,
    /// End of the apposition after the mention (roles, organisation).
    pub(super) appo_end: usize,
}

/// The article being read and the people found in it.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) sentences: &'a [Span],
    pub(super) persons: Vec<Person>,
    /// Every mention in text order: (start, person).
    pub(super) order: Vec<(usize, usize)>,
    /// The municipality and region the article is about.
    pub(super) context: ContextOrgs,
    /// The lines cleaning removed from the article's page, one per line.
    pub(super) page: String,
    /// Persons by given name, surname and each surname part.
    pub(super) index: HashMap<String, Vec<usize>, FxBuild>,
    /// Some paragraph of the article opens with a dash or a quotation
    /// mark: the article marks its direct speech.
    pub(super) marks_speech: bool,
}

/// Names right after an inverted cue that the name list misses: two
/// capitalised words whose given name is not in the SCB list ("...,
/// säger Volodymyr Zelenskyj"), and a known given name with its surname
/// printed in lower case ("..., säger Eva lind"). Adds them to `found`, in
/// text order.
fn names_after_cue(text: &str, para: Span, found: &mut Vec<names::NameMatch>) {
    let Some(slice) = text.get(para.start..para.end) else {
        return;
    };
    let overlaps = |found: &[names::NameMatch], span: Span| {
        found
            .iter()
            .any(|f| f.span.start < span.end && span.start < f.span.end)
    };
    for c in cue_name_re().captures_iter(slice) {
        let (Some(g), Some(sn)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let span = Span::new(para.start + g.start(), para.start + sn.end());
        // "säger hon till Upsala Nya Tidning": the words between the cue
        // and the name may be a title ("presidenten"), not a pronoun or a
        // preposition.
        let between = slice.get(..g.start()).unwrap_or("");
        let between = &between[between
            .rfind(|c: char| c.is_uppercase() || ",.!?".contains(c))
            .unwrap_or(0)..];
        let function_word = between.split_whitespace().any(|w| {
            matches!(
                w,
                "hon"
                    | "han"
                    | "de"
                    | "vi"
                    | "jag"
                    | "till"
                    | "i"
                    | "på"
                    | "för"
                    | "med"
                    | "om"
                    | "av"
            )
        });
        if function_word
            || overlaps(found, span)
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
    for c in cue_lower_name_re().captures_iter(slice) {
        let (Some(g), Some(sn)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let span = Span::new(para.start + g.start(), para.start + sn.end());
        let mut cs = sn.as_str().chars();
        let capital: String = cs
            .next()
            .map(|f| f.to_uppercase().chain(cs).collect())
            .unwrap_or_default();
        let ends_clause = slice[sn.end()..]
            .chars()
            .next()
            .is_none_or(|ch| matches!(ch, ',' | '.' | '!' | '?' | ' ' | '\n'));
        let Some(gender) = names::given_gender(g.as_str()) else {
            continue;
        };
        if overlaps(found, span) || !ends_clause || !names::is_surnameish(&capital) {
            continue;
        }
        found.push(names::NameMatch {
            span,
            given: g.as_str().to_string(),
            surname: capital,
            gender,
        });
    }
    found.sort_by_key(|m| m.span.start);
}

/// Adds a role to a person's list unless it is there; a role that is the
/// tail of another ("ordförande" of "kommunstyrelsens ordförande",
/// "utvecklingsdirektör" of "regional utvecklingsdirektör") is the same
/// role, and the fuller wording is kept.
pub(super) fn merge_role(list: &mut Vec<String>, r: String) {
    let tail = |long: &str, short: &str| {
        let (l, s) = (long.to_lowercase(), short.to_lowercase());
        l == s || (l.ends_with(&s) && l[..l.len() - s.len()].ends_with(' '))
    };
    if let Some(x) = list.iter_mut().find(|x| tail(&r, x) || tail(x, &r)) {
        if r.len() > x.len() {
            *x = r;
        }
        return;
    }
    list.push(r);
}

/// Adds the organisation the article is about to a person whose title is
/// held against it ([`ContextOrgs::of_role`]), unless they already have an
/// organisation of that kind.
fn add_context_orgs(context: &ContextOrgs, p: &mut Person) {
    // A title held at a school, or given with its organisation elsewhere
    // in the article, for a speaker the apposition gives no organisation.
    let party = |o: &str| orgs::PARTIES.iter().any(|(_, n)| *n == o);
    if p.orgs.iter().all(|(o, _)| party(o))
        && let Some(o) = p.roles.iter().find_map(|r| context.of_title(r))
    {
        orgs::merge_into(&mut p.orgs, &o, true);
    }
    for r in &p.roles {
        let Some(o) = context.of_role(r) else {
            continue;
        };
        let regional = |x: &str| x.starts_with("Region ") || x.ends_with("regionen");
        let municipal = |x: &str| x.ends_with(" kommun") || x.ends_with(" stad");
        let has_kind = p
            .orgs
            .iter()
            .any(|(x, _)| (regional(&o) && regional(x)) || (municipal(&o) && municipal(x)));
        if !has_kind {
            orgs::merge_into(&mut p.orgs, &o, true);
        }
    }
}

/// The sentence of `sentences` holding byte `pos`, or the paragraph when
/// none inside it does.
pub(super) fn sentence_of(sentences: &[Span], pos: usize, para: Span) -> Span {
    let i = sentences.partition_point(|s| s.end <= pos);
    match sentences.get(i) {
        Some(s) if s.start <= pos && para.contains(*s) => *s,
        _ => para,
    }
}

/// The number of words (with a letter or digit) in `s`.
/// "kommunalråden Anna Ek och Bo Lind": a role in the plural before two
/// names joined by "och" is the second name's role too (a singular one,
/// "kommunchef Anna Ek och Bo Lind", is only the first's). `prev` is the
/// first name, `name` the second.
fn shared_plural_role(text: &str, ws: &[Span], prev: Span, name: Span) -> Option<String> {
    if text.get(prev.end..name.start) != Some(" och ") {
        return None;
    }
    let k = ws.partition_point(|w| w.end <= prev.start).checked_sub(1)?;
    if text.get(ws[k].end..prev.start) != Some(" ") {
        return None;
    }
    roles::plural_role(ws[k].slice(text))
}

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

impl<'a> Ctx<'a> {
    /// The text of `s`.
    pub(super) fn slice(&self, s: Span) -> &'a str {
        self.text.get(s.start..s.end).unwrap_or("")
    }

    /// The person a full name stands for, registering a new one; a known
    /// person's double surname alone is that person.
    pub(super) fn person_for(&mut self, m: &names::NameMatch) -> usize {
        let sur = m.surname.as_str();
        // "säger Berg Lind" after "Eva Berg Lind": the double surname alone.
        let whole = format!("{} {sur}", m.given);
        if let Some(i) = self
            .persons
            .iter()
            .position(|p| p.name.ends_with(&format!(" {whole}")) && !p.excluded)
        {
            return i;
        }
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
    pub(super) fn index_person(&mut self, i: usize) {
        let p = &self.persons[i];
        let mut keys = vec![p.given.clone(), p.surname.clone()];
        keys.extend(p.surname.split(' ').map(str::to_string));
        keys.extend(p.given.split(' ').map(str::to_string));
        // A middle initial ("Jan O Karlsson") refers to nobody alone.
        for k in keys.into_iter().filter(|k| k.chars().count() > 1) {
            let v = self.index.entry(k).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
    }

    /// A known person referred to by one word: the surname (or its last
    /// part), or the given name when only one person has it; genitives too.
    pub(super) fn single(&self, w: &str) -> Option<usize> {
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
            .filter(|&i| {
                let p = &self.persons[i];
                !p.excluded && (matches(&p.given) || p.given.split(' ').next().is_some_and(matches))
            })
            .collect();
        (by_given.len() == 1).then(|| by_given[0])
    }

    /// A known person named by a transcript label: full name, surname(s)
    /// or given name.
    pub(super) fn by_label(&self, label: &str) -> Option<usize> {
        let hits: Vec<usize> = (0..self.persons.len())
            .filter(|&i| {
                let p = &self.persons[i];
                !p.excluded && (p.name == label || p.surname == label || p.given == label)
            })
            .collect();
        (hits.len() == 1).then(|| hits[0])
    }

    /// The person a "han" or "hon" at `pos` refers to: the last one named
    /// before it of that gender.
    pub(super) fn pronoun(&self, pos: usize, female: bool) -> Option<usize> {
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
    pub(super) fn mentions(
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
        if cues.inverted {
            names_after_cue(text, para, &mut found);
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
        for idx in 0..out.len() {
            let prev = idx.checked_sub(1).map(|p| out[p].span);
            let m = &mut out[idx];
            let excluded = self.persons[m.person].excluded;
            let after = ws.partition_point(|w| w.start < m.span.end);
            let before = ws.partition_point(|w| w.end <= m.span.start);
            let (roles, orgs, end) = apposition(text, &ws[after..ws.len().min(after + 24)], m.span);
            let (mut broles, borg) = before_name(
                text,
                &ws[before.saturating_sub(5)..before],
                m.span,
                &self.context,
            );
            if let Some(r) = prev.and_then(|p| shared_plural_role(text, ws, p, m.span)) {
                broles.push(r);
            }
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
                merge_role(&mut p.roles, r);
            }
            for (o, strong) in borg.into_iter().map(|o| (o, true)).chain(orgs) {
                orgs::merge_into(&mut p.orgs, &o, strong);
            }
            p.mentions.push(m.span);
            self.order.push((m.span.start, m.person));
        }
        out
    }

    /// The speaker named right after a cue at `pos` (a name, a title and a
    /// name, a pronoun), and where their apposition ends.
    pub(super) fn subject_after(&mut self, para: &Para, pos: usize) -> Option<(usize, usize)> {
        for m in &para.mentions {
            if m.span.start < pos || m.span.start - pos > 90 {
                continue;
            }
            let between = self.text.get(pos..m.span.start).unwrap_or(".");
            // "avslutar bildningsnämndens ordförande, NAME": a title and a comma.
            let title_comma = between.strip_suffix(", ").is_some_and(|t| {
                t.split_whitespace()
                    .next_back()
                    .is_some_and(|w| roles::role_word(w).is_some())
                    && !t.contains([',', '.'])
            });
            let between = if title_comma {
                &between[..between.len() - 2]
            } else {
                between
            };
            if between.contains(['.', ',', ';', '!', '?', '”', '"', '»'])
                || between.contains(": ")
                || word_count(between) > if between.contains("- och ") { 5 } else { 3 }
            {
                break;
            }
            return (!self.persons[m.person].excluded).then_some((m.person, m.appo_end));
        }
        let rest = self.text.get(pos..para.span.end).unwrap_or("");
        // after a dash quote, "säger han" refers to someone named before
        // the quote, never to a person the quote itself names
        let antecedent_before = if para.dash { para.span.start } else { pos };
        for (pro, female) in [("hon", true), ("han", false), ("Hon", true), ("Han", false)] {
            if rest.starts_with(pro) && !rest[pro.len()..].starts_with(char::is_alphanumeric) {
                let p = self.pronoun(antecedent_before, female)?;
                let span = Span::new(pos, pos + pro.len());
                self.persons[p].mentions.push(span);
                return Some((p, span.end));
            }
        }
        None
    }

    /// The speaker named right before a cue at `pos` ("NAME (S) säger",
    /// "NAME, som leder projektet, menar att", a pronoun).
    pub(super) fn subject_before(&mut self, para: &Para, pos: usize) -> Option<usize> {
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
        // "NAME, enhetschef för X inom Y, förklarar:": an apposition
        // between commas, however long.
        let parenthetical = between.starts_with(", ") && between.trim_end().ends_with(',');
        (ok && (tail_ok || parenthetical) && !self.persons[m.person].excluded).then_some(m.person)
    }

    /// Records a quote of person `p`; false when the span is empty or not
    /// in the text.
    pub(super) fn add_quote(
        &mut self,
        p: usize,
        span: Span,
        kind: QuoteKind,
        cue: Option<&str>,
    ) -> bool {
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

/// The speakers (people with quotes, in order of first mention) and the
/// paragraphs' speakers renumbered to them.
pub(super) fn finish(ctx: Ctx, mut out: Vec<(BlockKind, Option<usize>)>) -> Speakers {
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
        let mut p = p;
        add_context_orgs(&ctx.context, &mut p);
        let any_strong = p.orgs.iter().any(|(_, s)| *s);
        let mut organisations: Vec<String> = Vec::new();
        for (o, strong) in p.orgs {
            if strong || !any_strong {
                let o = context::spelled_out(&o, &[ctx.text, &ctx.page]).unwrap_or(o);
                if !organisations.contains(&o) {
                    organisations.push(o);
                }
            }
        }
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

#[cfg(test)]
mod tests {
    use super::super::walk::find_in;
    use super::*;

    #[test]
    fn lower_case_surname_after_a_cue() {
        let t = "Rubrik\n\n– Det blir bra, säger Eva lind, rektor.";
        let sp = find_in(t, &[]);
        assert_eq!(sp.speakers.len(), 1);
        assert_eq!(sp.speakers[0].name, "Eva Lind");
        assert_eq!(sp.speakers[0].roles, ["rektor"]);
        // Not a word of the sentence after a given name.
        let t = "Rubrik\n\n– Det blir bra, säger Eva och går.";
        assert!(find_in(t, &[]).speakers.iter().all(|s| s.name != "Eva Och"));
    }

    #[test]
    fn a_newspaper_after_a_cue_and_a_pronoun_is_no_name() {
        let t = "Rubrik\n\nEva Lund (S) kommenterar beslutet.\n\n– Nu måste vi gå vidare, säger hon till Upsala Nya Tidning.";
        let sp = find_in(t, &[]);
        let names: Vec<&str> = sp.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Eva Lund"]);
    }

    #[test]
    fn double_surnames_and_first_names_refer_back_to_one_speaker() {
        let t = "Rubrik\n\n– Vi börjar nu, säger Eva Berg Lind, it-chef i Ale kommun.\n\n– Det tar tid, säger Berg Lind.\n\n– Men det går, säger Eva.";
        let sp = find_in(t, &[]);
        let names: Vec<&str> = sp.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Eva Berg Lind"]);
        assert_eq!(sp.speakers[0].quotes.len(), 3);
        assert!(sp.paragraphs[1..].iter().all(|(_, w)| *w == Some(0)));
    }

    #[test]
    fn a_long_apposition_between_commas_before_a_colon_cue() {
        let t = "Rubrik\n\nMia Berg, enhetschef för stöd- och utvecklingsenheten inom vård och omsorg, förklarar: “Det vi strävar efter är tydliga roller.”";
        let sp = find_in(t, &[]);
        assert_eq!(sp.speakers[0].name, "Mia Berg");
        assert_eq!(
            sp.speakers[0].quotes[0].span.slice(t),
            "Det vi strävar efter är tydliga roller."
        );
        // The attribution and the quotation running to the end: the
        // paragraph is hers.
        assert_eq!(sp.paragraphs[1].1, Some(0));
    }

    #[test]
    fn a_title_given_with_its_organisation_elsewhere() {
        let t = "Rubrik\n\nRegeringen söker en ny generaldirektör för eHälsomyndigheten. Nuvarande generaldirektör Ola Ek kvarstår.\n\n– Jag kliver av uppdraget.";
        let sp = find_in(t, &[]);
        assert_eq!(sp.speakers[0].name, "Ola Ek");
        assert_eq!(sp.speakers[0].organisations, ["eHälsomyndigheten"]);
    }

    #[test]
    fn a_role_is_kept_once_in_its_fullest_wording() {
        let mut r = vec!["regional utvecklingsdirektör".to_string()];
        merge_role(&mut r, "utvecklingsdirektör".into());
        merge_role(&mut r, "kommunchef".into());
        assert_eq!(r, ["regional utvecklingsdirektör", "kommunchef"]);
        let mut r = vec!["ordförande".to_string()];
        merge_role(&mut r, "kommunstyrelsens ordförande".into());
        assert_eq!(r, ["kommunstyrelsens ordförande"]);
    }
}
