//! Phase 3, the head of a page: the title, and the category labels,
//! kickers and other short lines above it.

use super::shapes::{ends_sentence, is_alt_text, norm, title_like};
use super::{Class, Hint, Options, Page};

/// What the head phase decided.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    /// The title unit, when the title is a line of the page.
    pub unit: Option<usize>,
    /// A title known from elsewhere that is not the first line of the text:
    /// it is put before the text.
    pub prepend: Option<String>,
}

/// Finds the title before `tail`, marks it, and removes the labels above
/// it.
pub fn find(page: &mut Page<'_, '_>, opts: &Options, tail: usize) -> Head {
    let mut head = Head::default();
    let first_content = (0..tail).find(|&i| page.is_content(i));
    if let Some(fi) = (0..tail).find(|&i| page.is_content(i) && page.units[i].hint == Hint::Title) {
        head.unit = Some(fi);
    } else if let Some(t) = opts.known_title.as_deref().filter(|t| !t.trim().is_empty()) {
        match first_content {
            Some(fi) if norm(page.line(fi)) == norm(t) => head.unit = Some(fi),
            _ => head.prepend = Some(t.trim().to_string()),
        }
    } else if opts.detect_title {
        head.unit = detect(page, first_content, tail);
    }
    if let Some(t) = head.unit {
        remove_labels_above(page, t);
        page.class[t] = Class::Title;
    }
    head
}

/// Whether unit `i` is followed, in its own paragraph, by a line starting
/// in lowercase: then it is wrapped running text, not a title or a label.
fn wrapped(page: &Page<'_, '_>, i: usize) -> bool {
    page.units.get(i + 1).is_some_and(|nu| {
        nu.para == page.units[i].para
            && page
                .line(i + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    })
}

/// Whether unit `i` is a short label (one or two words, no sentence).
fn short_label(page: &Page<'_, '_>, i: usize) -> bool {
    page.words(i) <= 2 && !ends_sentence(page.line(i))
}

/// Whether unit `i` may be the title.
fn title_candidate(page: &Page<'_, '_>, i: usize) -> bool {
    title_like(page.line(i), page.words(i)) && !is_alt_text(page.line(i)) && !wrapped(page, i)
}

/// The title of a plain text: past category labels ("Digitalisering"),
/// the first title-like line.
fn detect(page: &mut Page<'_, '_>, first: Option<usize>, tail: usize) -> Option<usize> {
    let mut i = first;
    while let Some(ci) = i {
        let next = page.next_content(ci, tail);
        let label = short_label(page, ci) && !wrapped(page, ci);
        match next {
            Some(nj) if label && short_label(page, nj) => {
                page.class[ci] = Class::Remove("navigation");
                i = Some(nj);
            }
            Some(nj)
                if label
                    && page.words(nj) > page.words(ci)
                    && page.words(nj) >= 4
                    && title_candidate(page, nj) =>
            {
                page.class[ci] = Class::Remove("navigation");
                i = Some(nj);
            }
            _ => break,
        }
    }
    i.filter(|&ci| title_candidate(page, ci))
}

/// Kickers and category labels ("Teknik") above the title go.
fn remove_labels_above(page: &mut Page<'_, '_>, t: usize) {
    for j in 0..t {
        if page.is_content(j) && page.words(j) <= 3 && !ends_sentence(page.line(j)) {
            page.class[j] = Class::Remove("navigation");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_page::title;

    #[test]
    fn labels_above_the_title_are_skipped() {
        assert_eq!(
            title("Nyheter\n\nDigitalisering\n\nKommunen bygger ny skola\n\nText om skolan som är lång nog.")
                .as_deref(),
            Some("Kommunen bygger ny skola")
        );
    }

    #[test]
    fn a_sentence_is_no_title() {
        assert_eq!(
            title("Kommunen bygger en ny skola i centrum av staden i år.\n\nMer text här."),
            None
        );
    }

    #[test]
    fn wrapped_text_is_no_title() {
        assert_eq!(
            title("Kommunen bygger\nen ny skola i centrum av staden."),
            None
        );
    }
}
