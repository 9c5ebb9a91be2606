//! Shapes of one line that the phases ask about: could it be a title, a
//! subheading, body text, an image's alternative text.

use super::super::byline::{self, FUNCTION_WORDS};

/// Whether a line could be a title.
pub fn title_like(line: &str, words: usize) -> bool {
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
pub fn heading_like(line: &str, words: usize) -> bool {
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

/// Whether a paragraph reads as body text: eight words or more, or ending
/// a sentence.
pub fn body_like(line: &str, words: usize) -> bool {
    words >= 8 || line.ends_with(['.', '!', '?', '"', '”', '»'])
}

/// Whether a line ends a sentence (for the labels and titles above a
/// headline, which do not).
pub fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '?', '!'])
}

/// A line lowercased with white space collapsed, for comparing lines.
pub fn norm(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert!(title_like("Kommunen bygger ny skola", 4));
        assert!(title_like("”Vi måste våga”", 3));
        assert!(!title_like("Kommunen bygger ny skola.", 4));
        assert!(!title_like("kommunen bygger", 2));
    }

    #[test]
    fn alt_texts() {
        assert!(is_alt_text("Bild på tre glada elever"));
        assert!(is_alt_text("Bild På Tre Cioerna"));
        assert!(!is_alt_text("Tillit från medborgare"));
        assert!(!is_alt_text("Bild på tre glada elever."));
    }

    #[test]
    fn headings_and_body() {
        assert!(heading_like("Så arbetar vi med tillit", 5));
        assert!(!heading_like("Anna Berg", 2));
        assert!(!heading_like("Det här är en mening.", 5));
        assert!(body_like("Kort mening.", 2));
        assert!(!body_like("Kort rubrik", 2));
        assert_eq!(norm(" Två  Ord "), "två ord");
    }
}
