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
                // (a sentence that goes on a line the block removed, in
                // the same paragraph, is the block's: "GR är en
                // samarbetsorganisation …⏎GRs uppgift är att …")
                let goes_on_removed = i > 0
                    && page.units[i - 1].para == page.units[i].para
                    && matches!(page.class[i - 1], Class::Remove(_));
                if section == "contact" && invitation_in_contacts(l, page.words(i)) && !goes_on_removed {
                    continue;
                }
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

/// A sentence among the contact lines that is the article's, not the
/// contact block's ("Varmt välkomna till Regionens hus den 12 april
/// klockan 10:00."): at least eight words, ending a sentence, with no
/// phone number, e-mail or web address, not led by a person's name, not
/// asking the reader to get in touch, and not the publisher's description
/// of itself ("Trafikverket ansvarar för …", "Malmö är Sveriges tredje
/// största stad …", see [`is_self_description`]).
pub fn invitation_in_contacts(line: &str, words: usize) -> bool {
    if words < 8
        || !line.ends_with(['.', '!'])
        || boilerplate::is_contact_line(line)
        || line.contains("www.")
        || line.contains("http")
        || line.contains(".se")
        || contact_name(line).is_some()
        || is_self_description(line)
    {
        return false;
    }
    let lower = line.to_lowercase();
    ![
        "kontakta",
        "frågor",
        "nås ",
        "ring ",
        "mejla",
        "skriv till",
        "telefon",
        "tillgänglig",
        "webbplats",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// The sentence in which a publisher describes itself at the end of a
/// press release: a name of at most five words (and an abbreviation in
/// parentheses), then "är", "ansvarar", "arbetar", "har" or "verkar"
/// ("Riksskatteverket (RSV) är chefsmyndighet för …").
pub fn is_self_description(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    // "DIGG - Myndigheten för digital förvaltning är en statlig myndighet"
    let head = words.iter().take(10).copied().collect::<Vec<_>>().join(" ");
    if words
        .first()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
        && [" är en ", " är ett ", " är Sveriges ", " ansvarar för "]
            .iter()
            .any(|p| head.contains(p))
    {
        return true;
    }
    words.iter().take(6).enumerate().any(|(i, w)| {
        i >= 1
            && matches!(
                *w,
                "är" | "ansvarar" | "arbetar" | "har" | "verkar" | "bildades"
            )
            && words[..i].iter().all(|x| {
                x.starts_with(|c: char| c.is_uppercase() || c == '(')
                    || matches!(*x, "i" | "och" | "för")
            })
    })
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
    fn an_invitation_among_the_contacts_stays() {
        let t = "Kommunen bjuder in till presskonferens\n\nKommunen presenterar utredningen om skolorna i centrum på fredag.\n\n\
                 Kontaktpersoner:\n\nAnna Berg (S), ordförande, tel: 070-123 45 67\n\n\
                 Varmt välkomna till kommunhuset den 12 april klockan 10:00 i stora salen.\n\n\
                 Vid frågor, kontakta press@kommun.se";
        let k = kept(t);
        assert!(k.contains("Varmt välkomna"), "{k}");
        assert!(!k.contains("Anna Berg") && !k.contains("press@"), "{k}");
        // the lines that go on the publisher's description go with it
        let t = "Kommunen bjuder in till presskonferens\n\nKommunen presenterar utredningen om skolorna i centrum på fredag.\n\n\
                 Utredningen föreslår att två skolor slås ihop och att en ny skola byggs i de norra delarna av staden.\n\n\
                 Kontaktperson: Anna Berg\n\n\
                 GR är en samarbetsorganisation för 13 kommuner i Västsverige.\n\
                 GRs uppgift är att verka för samarbete över kommungränserna och vara ett forum för idéer.";
        assert!(!kept(t).contains("GRs uppgift"), "{}", kept(t));
        assert!(!invitation_in_contacts(
            "Anna Berg är välkommen att ringa om frågor om detta.",
            10
        ));
        assert!(!invitation_in_contacts(
            "Trafikverket ansvarar för långsiktig planering av det samlade transportsystemet.",
            9
        ));
        assert!(is_self_description(
            "Riksskatteverket (RSV) är chefsmyndighet för skattemyndigheterna."
        ));
        assert!(!is_self_description(
            "Kommunen bjuder in till ett möte om skolan."
        ));
        assert!(is_self_description(
            "DIGG- Myndigheten för digital förvaltning är en statlig myndighet under departementet."
        ));
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
