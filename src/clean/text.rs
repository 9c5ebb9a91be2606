//! The structure pass shared by all formats: from paragraphs of lines
//! (blank-line paragraphs of a plain-text scrape, or the blocks an HTML page
//! was cut into) to the cleaned text, its blocks, the removed pieces and the
//! metadata found in the text.
//!
//! Every non-empty line is a *unit*. Units are first classified on their
//! own (furniture, date/byline/credit line, content), then in context:
//!
//! * **head**: category labels before the title and the title itself;
//! * **tail**: everything after the first of (a date or byline line after
//!   the body, a "Rekommenderad läsning"/newsletter heading, a contact
//!   heading) is furniture, provided no article-sized paragraph (20 words
//!   or more) follows it (for a date or byline line also no sentence of
//!   eight words or more before the next furniture heading; for a contact
//!   heading: provided 40% of the content words come before it);
//! * **middle**: furniture and meta lines are removed, "Läs också" takes the
//!   link line after it, Title-Case image texts go, captions keep their text
//!   and lose their `Foto:` credit.
//!
//! Kept units of one paragraph that are not separated by a removed unit form
//! one block; its text is the source slice from its first to its last line,
//! so paragraph-internal line breaks stay as they were.

use std::borrow::Cow;

use super::boilerplate::{self, Scope};
use super::byline::{self, FUNCTION_WORDS, MetaLine};
use super::dates::Ymd;
use super::{Block, BlockKind, Cleaned};
use crate::document::Removed;
use crate::span::Span;

/// What the source says a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Plain text: decided by heuristics.
    Unknown,
    /// `<h1>`.
    Title,
    /// `<h2>`–`<h6>`.
    Heading,
    /// `<p>`, `<li>`, `<blockquote>` and other text blocks.
    Body,
    /// `<figcaption>`.
    Caption,
}

/// One paragraph of input to the structure pass.
#[derive(Debug, Clone)]
pub struct Para<'a> {
    /// Its text (lines separated by `\n`).
    pub src: Cow<'a, str>,
    /// What the source says it is.
    pub hint: Hint,
}

/// Options of the structure pass.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A title known from elsewhere (HTML head, JSON Lines field). When the
    /// first content line equals it, that line is the title; otherwise the
    /// title is put before the text.
    pub known_title: Option<String>,
    /// Whether to take the first title-like line as the title (plain text
    /// without a known title).
    pub detect_title: bool,
    /// Reference date for relative dates.
    pub reference: Option<Ymd>,
}

#[derive(Debug, Clone)]
enum Class {
    Keep,
    Title,
    Remove(&'static str),
    Meta(MetaLine),
    /// A caption; `Some(at)` cuts the credit starting at byte `at` of the line.
    Caption(Option<usize>),
}

struct Unit {
    /// The paragraph's hint, or the Markdown heading level's.
    hint: Hint,
    para: usize,
    start: usize,
    end: usize,
    words: usize,
}

/// Whether a line could be a title.
fn title_like(line: &str, words: usize) -> bool {
    (1..=30).contains(&words)
        && line.chars().count() <= 250
        && !line.ends_with(['.', ',', ';', ':'])
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '"' || c == '”' || c == '«')
}

/// Whether a line is an image's alternative text left in a scrape:
/// `Bild på ...`, or Title-Case words with a capitalised function word
/// (`Bild På Tre Cioerna`), which Swedish sentence-case text never has.
pub fn is_alt_text(line: &str) -> bool {
    if line.ends_with(['.', '!', '?', ':', ',', ';']) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let lower = line.to_lowercase();
    if [
        "bild på ",
        "bilden visar",
        "foto på ",
        "porträttbild",
        "porträtt av",
        "illustration av",
        "image of",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return true;
    }
    if words.len() < 3 {
        return false;
    }
    let all_caps = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    });
    let capitalised_function_word = words[1..].iter().any(|w| {
        FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
            && w.chars().next().is_some_and(char::is_uppercase)
    });
    all_caps && (capitalised_function_word || words.len() >= 6)
}

/// Whether a one-line paragraph may be a subheading.
fn heading_like(line: &str, words: usize) -> bool {
    (1..=10).contains(&words)
        && line.chars().count() <= 90
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && !line.ends_with([
            '.', ',', ';', ':', '!', '?', '…', '"', '”', '»', '\'', ')', '-', '–',
        ])
        && !byline::is_person_name(line)
}

fn body_like(line: &str, words: usize) -> bool {
    words >= 8 || line.ends_with(['.', '!', '?', '"', '”', '»'])
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Metadata found in the text.
#[derive(Debug, Default)]
struct Found {
    published: Option<String>,
    updated: Option<String>,
    authors: Vec<String>,
    credits: Vec<String>,
    contacts: Vec<String>,
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !item.is_empty() && !list.contains(&item) {
        list.push(item);
    }
}

impl Found {
    fn add(&mut self, m: &MetaLine) {
        if self.published.is_none() {
            self.published.clone_from(&m.published);
        }
        if self.updated.is_none() {
            self.updated.clone_from(&m.updated);
        }
        for a in &m.authors {
            push_unique(&mut self.authors, a.clone());
        }
        for c in &m.credits {
            push_unique(&mut self.credits, c.clone());
        }
    }
}

/// The leading person name of a contact line (`Anna Berg, kommunikatör`).
fn contact_name(line: &str) -> Option<String> {
    let head = line.split([',', '–', '—', '|', '(']).next()?.trim();
    let head = head.split(" tel").next().unwrap_or(head).trim();
    if byline::is_person_name(head) {
        return Some(head.to_string());
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    for n in (2..=3).rev() {
        if words.len() > n {
            let cand = words[..n].join(" ");
            if byline::is_person_name(&cand) {
                return Some(cand);
            }
        }
    }
    None
}

/// Runs the structure pass.
pub fn structure(paras: &[Para<'_>], opts: &Options) -> Cleaned {
    let mut units: Vec<Unit> = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        let src: &str = &p.src;
        let mut pos = 0;
        for line in src.split('\n') {
            let lstart = pos;
            pos += line.len() + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() {
                continue;
            }
            let lead = line.len() - line.trim_start().len();
            let mut start = lstart + lead;
            let mut uhint = p.hint;
            // A Markdown heading: `# Title`, `## Heading` (the marks are markup).
            if p.hint == Hint::Unknown && trimmed.starts_with('#') {
                let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
                let rest = &trimmed[hashes..];
                if (1..=6).contains(&hashes) && rest.starts_with(' ') && !rest.trim().is_empty() {
                    start += hashes + (rest.len() - rest.trim_start().len());
                    uhint = if hashes == 1 {
                        Hint::Title
                    } else {
                        Hint::Heading
                    };
                }
            }
            let end = lstart + lead + trimmed.len();
            units.push(Unit {
                hint: uhint,
                para: pi,
                start,
                end,
                words: boilerplate::count_words(&src[start..end], usize::MAX),
            });
        }
    }
    let line = |u: &Unit| -> &str { &paras[u.para].src[u.start..u.end] };
    let hint = |u: &Unit| u.hint;
    let n = units.len();

    // 1. Each unit on its own.
    let mut furniture = Vec::with_capacity(n);
    let mut class: Vec<Class> = Vec::with_capacity(n);
    for u in &units {
        let l = line(u);
        let fur = boilerplate::classify(l);
        furniture.push(fur);
        if let Some(fu) = fur {
            class.push(Class::Remove(fu.reason));
        } else if let Some(m) = byline::parse_meta_line(l, opts.reference) {
            class.push(Class::Meta(m));
        } else {
            class.push(Class::Keep);
        }
    }
    let is_content = |c: &Class| matches!(c, Class::Keep);
    let article_like: Vec<bool> = units
        .iter()
        .zip(&class)
        .map(|(u, c)| is_content(c) && u.words >= 20)
        .collect();
    let mut article_after = vec![false; n + 1];
    for i in (0..n).rev() {
        article_after[i] = article_after[i + 1] || article_like[i];
    }
    // Whether a sentence-like content line (eight words or more, ending a
    // sentence) follows before the next furniture heading: then a date or
    // byline line is not the article's footer but sits inside the body.
    let mut sentence_after = vec![false; n + 1];
    for i in (0..n).rev() {
        let l = line(&units[i]);
        sentence_after[i] = match furniture[i] {
            Some(fu) if matches!(fu.scope, Scope::Tail | Scope::Contact) => false,
            _ => {
                sentence_after[i + 1]
                    || (is_content(&class[i])
                        && units[i].words >= 8
                        && l.ends_with(['.', '!', '?', '"', '”']))
            }
        };
    }
    let total_words: usize = units
        .iter()
        .zip(&class)
        .filter(|(_, c)| is_content(c))
        .map(|(u, _)| u.words)
        .sum();

    // 2. The tail.
    let mut tail = n;
    let mut tail_reason = "boilerplate";
    {
        let mut words_before = 0usize;
        let mut body_seen = false;
        for i in 0..n {
            let after = article_after[i + 1];
            let start_tail = match (&class[i], furniture[i]) {
                (Class::Meta(m), _) => {
                    body_seen
                        && !after
                        && !sentence_after[i + 1]
                        && (m.published.is_some() || m.updated.is_some() || !m.authors.is_empty())
                }
                (_, Some(fu)) if fu.scope == Scope::Tail => body_seen && !after,
                (_, Some(fu)) if fu.scope == Scope::Contact => {
                    body_seen && words_before * 10 >= total_words * 4
                }
                _ => false,
            };
            if start_tail {
                tail = i;
                tail_reason = match furniture[i] {
                    Some(fu) => fu.reason,
                    None => "boilerplate",
                };
                break;
            }
            if is_content(&class[i]) {
                words_before += units[i].words;
                if units[i].words >= 8 {
                    body_seen = true;
                }
            }
        }
    }

    // 3. The head: the title.
    let mut title_unit: Option<usize> = None;
    let mut prepend_title: Option<String> = None;
    let first_content = (0..tail).find(|&i| is_content(&class[i]));
    if let Some(fi) = (0..tail).find(|&i| is_content(&class[i]) && hint(&units[i]) == Hint::Title) {
        title_unit = Some(fi);
    } else if let Some(t) = opts.known_title.as_deref().filter(|t| !t.trim().is_empty()) {
        match first_content {
            Some(fi) if norm(line(&units[fi])) == norm(t) => title_unit = Some(fi),
            _ => prepend_title = Some(t.trim().to_string()),
        }
    } else if opts.detect_title {
        // Category labels ("Digitalisering") before the title.
        // A line followed, in its own paragraph, by a line starting in
        // lowercase is wrapped running text, not a title or a label.
        let wrapped = |ci: usize| {
            units.get(ci + 1).is_some_and(|nu| {
                nu.para == units[ci].para && line(nu).chars().next().is_some_and(char::is_lowercase)
            })
        };
        let mut i = first_content;
        while let Some(ci) = i {
            let next = (ci + 1..tail).find(|&j| is_content(&class[j]));
            let short_label = units[ci].words <= 2
                && !line(&units[ci]).ends_with(['.', '?', '!'])
                && !wrapped(ci);
            let next_is_label = next.is_some_and(|nj| {
                units[nj].words <= 2 && !line(&units[nj]).ends_with(['.', '?', '!'])
            });
            match next {
                Some(nj) if short_label && next_is_label => {
                    class[ci] = Class::Remove("navigation");
                    i = Some(nj);
                }
                Some(nj)
                    if short_label
                        && units[nj].words > units[ci].words
                        && units[nj].words >= 4
                        && title_like(line(&units[nj]), units[nj].words)
                        && !is_alt_text(line(&units[nj]))
                        && !wrapped(nj) =>
                {
                    class[ci] = Class::Remove("navigation");
                    i = Some(nj);
                }
                _ => break,
            }
        }
        if let Some(ci) = i
            && title_like(line(&units[ci]), units[ci].words)
            && !is_alt_text(line(&units[ci]))
            && !wrapped(ci)
        {
            title_unit = Some(ci);
        }
    }
    if let Some(t) = title_unit {
        // Kickers and category labels ("Teknik") above the title.
        for j in 0..t {
            if is_content(&class[j])
                && units[j].words <= 3
                && !line(&units[j]).ends_with(['.', '?', '!'])
            {
                class[j] = Class::Remove("navigation");
            }
        }
        class[t] = Class::Title;
    }

    // 4. The middle.
    let mut i = 0;
    while i < tail {
        let u = &units[i];
        let l = line(u);
        match (&class[i], furniture[i]) {
            (Class::Remove(_), Some(fu)) if fu.scope == Scope::NextLine => {
                if let Some(j) = (i + 1..tail).find(|&j| !matches!(class[j], Class::Remove(_))) {
                    let lj = line(&units[j]);
                    if is_content(&class[j]) && units[j].words <= 15 && !lj.ends_with('.') {
                        class[j] = Class::Remove("navigation");
                        i = j + 1;
                        continue;
                    }
                }
            }
            (Class::Meta(m), _)
                // A credit-only line right under a caption line of the same paragraph.
                if m.reason() == "credit" && i > 0 => {
                    let p = i - 1;
                    if units[p].para == u.para && is_content(&class[p]) && units[p].words <= 60 {
                        class[p] = Class::Caption(None);
                    }
                }
            (Class::Keep, _) => {
                if hint(u) == Hint::Caption {
                    class[i] = Class::Caption(byline::caption_credit(l).map(|(at, _)| at));
                } else if let Some((at, _)) = byline::caption_credit(l) {
                    if at > 0 && u.words <= 80 {
                        class[i] = Class::Caption(Some(at));
                    }
                } else if matches!(hint(u), Hint::Unknown) && is_alt_text(l) {
                    class[i] = Class::Remove("image");
                }
            }
            _ => {}
        }
        i += 1;
    }

    // The author's signature under the body ("Gunilla Rask (S)" and a
    // role line), after the last article-sized paragraph.
    let mut known_authors: Vec<String> = Vec::new();
    for c in &class {
        if let Class::Meta(m) = c {
            known_authors.extend(m.authors.iter().cloned());
        }
    }
    if !known_authors.is_empty() {
        let mut sig_para: Option<usize> = None;
        for i in 0..tail {
            if article_after[i] || !is_content(&class[i]) || units[i].words > 10 {
                continue;
            }
            let l = line(&units[i]);
            if known_authors.iter().any(|a| l.starts_with(a.as_str())) {
                sig_para = Some(units[i].para);
                class[i] = Class::Remove("byline");
            } else if sig_para == Some(units[i].para) {
                class[i] = Class::Remove("byline");
            }
        }
    }

    // 5. Tail units.
    let mut section = tail_reason;
    let mut found = Found::default();
    for i in tail..n {
        let l = line(&units[i]);
        match (&class[i], furniture[i]) {
            (Class::Meta(_), _) => {}
            (_, Some(fu)) => {
                if fu.scope == Scope::Contact {
                    section = "contact";
                } else if fu.scope == Scope::Tail {
                    section = fu.reason;
                }
            }
            _ => {
                let reason = if section == "contact" {
                    if l.starts_with("Om ") && units[i].words <= 6 {
                        section = "boilerplate";
                        "boilerplate"
                    } else {
                        if let Some(name) = contact_name(l) {
                            push_unique(&mut found.contacts, name);
                        }
                        "contact"
                    }
                } else if boilerplate::is_contact_line(l) {
                    "contact"
                } else {
                    section
                };
                class[i] = Class::Remove(reason);
            }
        }
    }

    // 6. Assemble.
    let mut out = Cleaned::default();
    let mut removed: Vec<(usize, Removed)> = Vec::new();
    let mut push_removed = |para: usize, text: &str, reason: &'static str| {
        if let Some((p, last)) = removed.last_mut()
            && *p == para
            && last.reason == reason
        {
            last.text.push('\n');
            last.text.push_str(text);
            return;
        }
        removed.push((
            para,
            Removed {
                text: text.to_string(),
                reason: reason.to_string(),
            },
        ));
    };
    // Groups: (para, start, end, class kind)
    #[derive(Clone, Copy, PartialEq)]
    enum G {
        Title,
        Caption,
        Plain,
    }
    let mut groups: Vec<(usize, usize, usize, G, Hint)> = Vec::new();
    let mut open = false;
    for (i, u) in units.iter().enumerate() {
        match &class[i] {
            Class::Keep => {
                if open
                    && let Some(g) = groups.last_mut()
                    && g.0 == u.para
                    && g.3 == G::Plain
                    && g.4 == u.hint
                    && !matches!(u.hint, Hint::Title | Hint::Heading)
                {
                    g.2 = u.end;
                    continue;
                }
                groups.push((u.para, u.start, u.end, G::Plain, u.hint));
                open = true;
            }
            Class::Title => {
                groups.push((u.para, u.start, u.end, G::Title, u.hint));
                open = false;
            }
            Class::Caption(cut) => {
                let mut end = u.end;
                if let Some(at) = *cut {
                    let l = line(u);
                    let cap = l[..at.min(l.len())].trim_end();
                    end = u.start + cap.len();
                    let credit = l[at.min(l.len())..].trim();
                    if let Some((_, credits)) = byline::caption_credit(l) {
                        for c in credits {
                            push_unique(&mut found.credits, c);
                        }
                    }
                    if !credit.is_empty() {
                        push_removed(u.para, credit, "credit");
                    }
                }
                if end > u.start {
                    groups.push((u.para, u.start, end, G::Caption, u.hint));
                }
                open = false;
            }
            Class::Remove(reason) => {
                push_removed(u.para, line(u), reason);
                open = false;
            }
            Class::Meta(m) => {
                found.add(m);
                push_removed(u.para, line(u), m.reason());
                open = false;
            }
        }
    }

    let mut kinds: Vec<BlockKind> = Vec::with_capacity(groups.len() + 1);
    let mut texts: Vec<&str> = Vec::with_capacity(groups.len() + 1);
    if let Some(t) = prepend_title.as_deref() {
        texts.push(t);
        kinds.push(BlockKind::Title);
        out.metadata.title = Some(t.to_string());
    }
    for (gi, &(p, s, e, g, gh)) in groups.iter().enumerate() {
        let text = &paras[p].src[s..e];
        let words = text.split_whitespace().count();
        let kind = match g {
            G::Title => {
                out.metadata.title = Some(text.to_string());
                BlockKind::Title
            }
            G::Caption => BlockKind::Caption,
            G::Plain => match gh {
                Hint::Heading | Hint::Title if words <= 25 => BlockKind::Heading,
                Hint::Unknown => {
                    let single_line = !text.contains('\n');
                    let next_body = groups.get(gi + 1).is_some_and(|&(np, ns, ne, ng, _)| {
                        let nt = &paras[np].src[ns..ne];
                        ng == G::Plain && body_like(nt, nt.split_whitespace().count())
                    });
                    if single_line && next_body && heading_like(text, words) && !is_alt_text(text) {
                        BlockKind::Heading
                    } else {
                        BlockKind::Body
                    }
                }
                _ => BlockKind::Body,
            },
        };
        texts.push(text);
        kinds.push(kind);
    }
    for (t, k) in texts.iter().zip(&kinds) {
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
        }
        let start = out.text.len();
        out.text.push_str(t);
        out.blocks.push(Block {
            span: Span::new(start, out.text.len()),
            kind: *k,
        });
        if *k == BlockKind::Heading {
            out.metadata.headings.push(t.to_string());
        }
    }
    out.removed = removed.into_iter().map(|(_, r)| r).collect();
    out.metadata.published = found.published;
    out.metadata.updated = found.updated;
    out.metadata.authors = found.authors;
    out.metadata.photo_credits = found.credits;
    out.metadata.contacts = found.contacts;
    out
}

/// Cuts a plain text into paragraphs at blank lines.
pub fn paragraphs<'a>(text: &'a str) -> Vec<Para<'a>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    let bytes = text.as_bytes();
    let push = |s: usize, e: usize, out: &mut Vec<Para<'a>>| {
        let chunk = &text[s..e];
        if !chunk.trim().is_empty() {
            out.push(Para {
                src: Cow::Borrowed(chunk),
                hint: Hint::Unknown,
            });
        }
    };
    // A blank line is a line with only whitespace.
    while pos < bytes.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |k| pos + k);
        if text[pos..line_end].trim().is_empty() {
            push(start, pos, &mut out);
            start = (line_end + 1).min(text.len());
        }
        pos = line_end + 1;
    }
    if start < text.len() {
        push(start, text.len(), &mut out);
    }
    if out.len() == 1 {
        // No blank lines at all: when the lines end like paragraphs (not
        // hard-wrapped mid-sentence), every line is a paragraph.
        let only = &out[0].src;
        let long: Vec<&str> = only
            .lines()
            .map(str::trim)
            .filter(|l| l.split_whitespace().count() >= 5)
            .collect();
        let ends = long
            .iter()
            .filter(|l| l.ends_with(['.', '!', '?', '"', '”']))
            .count();
        if only.lines().count() >= 3 && !long.is_empty() && ends * 2 >= long.len() {
            let Cow::Borrowed(whole) = out[0].src else {
                return out;
            };
            return whole
                .split('\n')
                .filter(|l| !l.trim().is_empty())
                .map(|l| Para {
                    src: Cow::Borrowed(l),
                    hint: Hint::Unknown,
                })
                .collect();
        }
    }
    out
}
