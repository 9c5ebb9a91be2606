//! Normalisation of word forms for stemming and lookups.
//!
//! The text itself is never changed: a token's span covers the text as
//! written, soft hyphens (U+00AD), zero-width characters and line-break
//! hyphenation included. Only the form that is stemmed and looked up in the
//! stopword list is normalised: invisible characters removed, a hyphen at a
//! line break joined ("under-\nsökning" → "undersökning"), and lowercased.

use std::borrow::Cow;

/// Whether `c` is invisible inside a word: soft hyphen, zero-width space,
/// (non-)joiner, word joiner or byte order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Whether `c` can stand inside a word (letters, digits and combining marks).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, 'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö' | 'é' | 'ü')
        || c.is_alphanumeric()
        || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Whether the word needs no change to be its own normal form: it has no
/// uppercase letters, no invisible characters and no line breaks.
#[inline]
fn is_normal(word: &str) -> bool {
    if word.is_ascii() {
        return !word.bytes().any(|b| b.is_ascii_uppercase() || b == b'\n');
    }
    !word
        .chars()
        .any(|c| c.is_uppercase() || is_invisible(c) || c == '\n' || c == '\r')
}

/// The normalised, lowercased form of a word token: invisible characters
/// removed, line-break hyphenation joined. Borrows when nothing changes.
pub fn normalize_word(word: &str) -> Cow<'_, str> {
    if is_normal(word) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if is_invisible(c) {
            continue;
        }
        if c == '-' || c == '\u{2010}' {
            // a hyphen followed by (spaces and) a line break joins the parts
            let mut look = chars.clone();
            let mut broke = false;
            while let Some(&n) = look.peek() {
                if n == '\n' || n == '\r' {
                    broke = true;
                    look.next();
                } else if n == ' ' || n == '\t' {
                    look.next();
                } else {
                    break;
                }
            }
            if broke {
                chars = look;
                continue;
            }
        }
        if c.is_whitespace() {
            continue;
        }
        for l in c.to_lowercase() {
            out.push(l);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_plain_lowercase_words() {
        assert!(matches!(normalize_word("undersökning"), Cow::Borrowed(_)));
        assert!(matches!(normalize_word("it-haverier"), Cow::Borrowed(_)));
    }

    #[test]
    fn removes_invisible_and_joins_line_break_hyphens() {
        assert_eq!(normalize_word("under\u{ad}sökning"), "undersökning");
        assert_eq!(normalize_word("Under\u{200b}sökning"), "undersökning");
        assert_eq!(normalize_word("under-\nsökning"), "undersökning");
        assert_eq!(normalize_word("CIO:ernas"), "cio:ernas");
        assert_eq!(normalize_word("Per-Erik"), "per-erik");
    }
}
