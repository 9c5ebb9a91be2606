//! The tail of a page: where the article ends and the page's footer
//! begins (a date or byline line after the body, a link-list or newsletter
//! heading, a press contact block), and the reasons of the units in it.

use super::super::boilerplate::{self, Scope};
use super::{Class, Found, Page, push_unique};

/// Facts about the units after phase 1, used to find the tail and the
/// signature.
#[derive(Debug, Clone)]
pub struct Facts {
    /// `article_after[i]`: an article-sized content unit (20 words or
    /// more) is at `i` or after it.
    pub article_after: Vec<bool>,
    /// `sentence_after[i]`: a sentence-like content unit (eight words or
    /// more, ending a sentence) is at `i` or after it, before the next
    /// furniture heading: then a date or byline line is not the article's
    /// footer but sits inside the body.
    pub sentence_after: Vec<bool>,
    /// The words of all content units.
    pub total_words: usize,
}

impl Facts {
    /// The facts of a classified page.
    pub fn of(page: &Page<'_, '_>) -> Facts {
        let n = page.len();
        let mut article_after = vec![false; n + 1];
        let mut sentence_after = vec![false; n + 1];
        for i in (0..n).rev() {
            let content = page.is_content(i);
            article_after[i] = article_after[i + 1] || (content && page.words(i) >= 20);
            sentence_after[i] = match page.furniture[i] {
                Some(fu) if matches!(fu.scope, Scope::Tail | Scope::Contact) => false,
                _ => {
                    sentence_after[i + 1]
                        || (content
                            && page.words(i) >= 8
                            && page.line(i).ends_with(['.', '!', '?', '"', '”']))
                }
            };
        }
        let total_words = (0..n)
            .filter(|&i| page.is_content(i))
            .map(|i| page.words(i))
            .sum();
        Facts {
            article_after,
            sentence_after,
            total_words,
        }
    }
}

/// Where the tail starts and the reason of its first section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tail {
    /// The first unit of the tail (`page.len()` when there is none).
    pub start: usize,
    /// The removal reason of the tail's first section.
    pub reason: &'static str,
}

/// Finds the tail.
pub fn find(page: &Page<'_, '_>, facts: &Facts) -> Tail {
    let n = page.len();
    let mut words_before = 0usize;
    let mut body_seen = false;
    for i in 0..n {
        let after = facts.article_after[i + 1];
        let start_tail = match (&page.class[i], page.furniture[i]) {
            (Class::Meta(m), _) => {
                body_seen
                    && !after
                    && !facts.sentence_after[i + 1]
                    && (m.published.is_some() || m.updated.is_some() || !m.authors.is_empty())
            }
            (_, Some(fu)) if fu.scope == Scope::Tail => body_seen && !after,
            (_, Some(fu)) if fu.scope == Scope::Contact => {
                body_seen && words_before * 10 >= facts.total_words * 4
            }
            _ => false,
        };
        if start_tail {
            return Tail {
                start: i,
                reason: page.furniture[i].map_or("boilerplate", |fu| fu.reason),
            };
        }
        if page.is_content(i) {
            words_before += page.words(i);
            if page.words(i) >= 8 {
                body_seen = true;
            }
        }
    }
    Tail {
        start: n,
        reason: "boilerplate",
    }
}

/// Gives every content unit of the tail its removal reason: the reason of
/// the section it is in (a contact block's names are collected).
pub fn clean(page: &mut Page<'_, '_>, tail: &Tail, found: &mut Found) {
    let mut section = tail.reason;
    for i in tail.start..page.len() {
        match (&page.class[i], page.furniture[i]) {
            (Class::Meta(_), _) => {}
            (_, Some(fu)) => {
                if fu.scope == Scope::Contact {
                    section = "contact";
                } else if fu.scope == Scope::Tail {
                    section = fu.reason;
                }
            }
            _ => {
                let l = page.line(i);
                let reason = if section == "contact" {
                    if l.starts_with("Om ") && page.words(i) <= 6 {
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
                page.class[i] = Class::Remove(reason);
            }
        }
    }
}

/// The leading person name of a contact line (`Anna Berg, kommunikatör`).
pub fn contact_name(line: &str) -> Option<String> {
    let head = line.split([',', '–', '—', '|', '(']).next()?.trim();
    let head = head.split(" tel").next().unwrap_or(head).trim();
    if super::super::byline::is_person_name(head) {
        return Some(head.to_string());
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    for n in (2..=3).rev() {
        if words.len() > n {
            let cand = words[..n].join(" ");
            if super::super::byline::is_person_name(&cand) {
                return Some(cand);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::test_page::kept;
    use super::*;

    #[test]
    fn contact_names() {
        assert_eq!(
            contact_name("Anna Berg, kommunikatör").as_deref(),
            Some("Anna Berg")
        );
        assert_eq!(
            contact_name("Anna Berg kommunikatör 070-123").as_deref(),
            Some("Anna Berg")
        );
        assert_eq!(contact_name("Telefon 08-123 45 67"), None);
    }

    #[test]
    fn a_contact_block_after_the_body_is_the_tail() {
        let t = "Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum av staden.\n\n\
                 Kontakt:\n\nAnna Berg, 070-123 45 67";
        assert_eq!(
            kept(t),
            "Kommunen bygger ny skola|Kommunen har beslutat att bygga en ny skola i centrum av staden."
        );
    }

    #[test]
    fn a_date_line_before_more_body_is_not_the_tail() {
        let t = "Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum.\n\n\
                 Publicerad 3 mars 2025\n\nArbetet börjar i vår och beräknas ta två år enligt kommunen.";
        assert!(kept(t).ends_with("enligt kommunen."));
    }

    #[test]
    fn a_link_list_heading_after_the_body_takes_what_follows() {
        let t = "Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum.\n\n\
                 Relaterade nyheter\n\nSkolan får nytt tak\n\nBiblioteket öppnar igen";
        assert_eq!(
            kept(t),
            "Kommunen bygger ny skola|Kommunen har beslutat att bygga en ny skola i centrum."
        );
    }
}
