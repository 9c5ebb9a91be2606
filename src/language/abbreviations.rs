//! Swedish abbreviations: written with periods ("t.ex.", "bl.a."), with
//! periods and spaces ("t. ex.") or with spaces only ("t ex", the form the
//! SUC/Talbanken gold uses), and single words with a final period ("ca.",
//! "kl.", "inkl.").
//!
//! An abbreviation is one token. Most never end a sentence; the few that
//! typically close a list ("osv.", "m.m.", "etc.") end one when the next
//! word starts with a capital letter.

/// Abbreviations of several parts: the parts (lowercase, compared without
/// case), whether the parts may be separated by spaces alone ("t ex"), and
/// whether the abbreviation may end a sentence.
const MULTI: &[(&[&str], bool, bool)] = &[
    (&["a", "a"], false, false),
    (&["bl", "a"], true, false),
    (&["d", "v", "s"], true, false),
    (&["e", "d"], false, true),
    (&["e", "kr"], false, true),
    (&["e", "m"], false, false),
    (&["f", "d"], true, false),
    (&["f", "kr"], false, true),
    (&["f", "m"], false, false),
    (&["f", "n"], true, false),
    (&["f", "ö"], true, false),
    (&["fr", "a"], true, false),
    (&["fr", "o", "m"], true, false),
    (&["i", "o", "m"], true, false),
    (&["i", "st", "f"], true, false),
    (&["m", "a", "o"], true, false),
    (&["m", "fl"], true, true),
    (&["m", "m"], true, true),
    (&["o", "d"], false, true),
    (&["o", "dyl"], false, true),
    (&["o", "s", "v"], true, true),
    (&["p", "g", "a"], true, false),
    (&["p", "s"], false, false),
    (&["s", "a", "s"], false, false),
    (&["s", "k"], true, false),
    (&["t", "ex"], true, false),
    (&["t", "f"], false, false),
    (&["t", "h"], false, false),
    (&["t", "o", "m"], true, false),
    (&["t", "v"], false, false),
    (&["u", "a"], false, false),
    (&["v", "g", "v"], false, false),
];

/// The distinct first parts of [`MULTI`].
const MULTI_FIRST: &[&str] = &[
    "a", "bl", "d", "e", "f", "fr", "i", "m", "o", "p", "s", "t", "u", "v",
];

/// The length in bytes of the longest of [`MULTI_FIRST`] (a longer first
/// part cannot be one of them).
const MULTI_FIRST_MAX_LEN: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < MULTI_FIRST.len() {
        if MULTI_FIRST[i].len() > max {
            max = MULTI_FIRST[i].len();
        }
        i += 1;
    }
    max
};

/// Single-word abbreviations written with a final period: the word, whether
/// it may end a sentence, and whether it only counts in lowercase (so that
/// "Jan." the name is not taken for "jan." the month).
const SINGLE: &[(&str, bool, bool)] = &[
    ("adr", false, false),
    ("allm", false, false),
    ("ang", false, false),
    ("anm", false, false),
    ("apr", false, true),
    ("aug", false, true),
    ("avd", false, false),
    ("bet", false, true),
    ("bil", false, true),
    ("ca", false, false),
    ("dec", false, true),
    ("dir", false, true),
    ("doc", false, true),
    ("dr", false, false),
    ("dvs", false, false),
    ("dyl", true, false),
    ("enl", false, false),
    ("etc", true, false),
    ("ev", false, false),
    ("exkl", false, false),
    ("fd", false, false),
    ("feb", false, true),
    ("fig", false, false),
    ("forts", false, false),
    ("fr", false, true),
    ("ggr", true, true),
    ("ibid", false, false),
    ("inkl", false, false),
    ("jan", false, true),
    ("jfr", false, false),
    ("jun", false, true),
    ("jur", false, false),
    ("kand", false, false),
    ("kap", false, false),
    ("kl", false, false),
    ("kr", true, true),
    ("max", false, true),
    ("mdkr", true, true),
    ("milj", false, false),
    ("min", false, true),
    ("mkr", true, true),
    ("mn", false, true),
    ("mnkr", true, true),
    ("mom", false, false),
    ("motsv", false, false),
    ("mr", false, false),
    ("mrs", false, false),
    ("ms", false, false),
    ("nov", false, true),
    ("nr", false, false),
    ("obs", false, false),
    ("okt", false, true),
    ("ordf", false, false),
    ("osv", true, false),
    ("pga", false, false),
    ("prel", false, false),
    ("prof", false, false),
    ("prop", false, false),
    ("resp", false, false),
    ("s", false, true),
    ("sek", false, true),
    ("sekr", false, false),
    ("sept", false, true),
    ("sid", false, true),
    ("skr", false, true),
    ("st", false, false),
    ("tel", false, false),
    ("tf", false, false),
    ("tfn", false, false),
    ("tillf", false, false),
    ("tkr", true, true),
    ("tr", false, true),
    ("ung", false, false),
    ("uppl", false, false),
    ("urspr", false, false),
    ("vol", false, false),
];

/// How an abbreviation relates to sentence ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Never ends a sentence ("t.ex.", "kl.", initials, ordinals).
    Never,
    /// Ends a sentence when a capitalised word follows ("osv.", "m.m.").
    MayEnd,
}

#[inline]
fn char_at(text: &str, i: usize, end: usize) -> Option<char> {
    if i < end {
        text.get(i..).and_then(|r| r.chars().next())
    } else {
        None
    }
}

/// End of the run of letters starting at `i`.
#[inline]
fn letters(text: &str, mut i: usize, end: usize) -> usize {
    while let Some(c) = char_at(text, i, end) {
        if c.is_ascii_alphabetic()
            || matches!(c, 'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö')
            || (!c.is_ascii() && c.is_alphabetic())
        {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Whether `found` is `part` (lowercase) in any case, without allocating.
/// Swedish letters keep their byte length in either case.
#[inline]
fn eq_part(found: &str, part: &str) -> bool {
    if found.len() != part.len() {
        return false;
    }
    if found.is_ascii() {
        return found.eq_ignore_ascii_case(part);
    }
    let mut a = found.chars().flat_map(char::to_lowercase);
    let mut b = part.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (x, y) if x == y => continue,
            _ => return false,
        }
    }
}

/// Whether `word` is a lowercase word or a capitalised one (only the first letter upper).
fn acceptable_case(word: &str) -> bool {
    word.chars().skip(1).all(|c| !c.is_uppercase())
}

/// Matches an abbreviation starting at `i` (the first letter of a word),
/// within `text[..end]`. Returns the end of the abbreviation (its final
/// period included) and how it relates to sentence ends.
pub fn match_at(text: &str, i: usize, end: usize) -> Option<(usize, Ending)> {
    // no abbreviation here has a first part of more than five letters
    let r0 = letters(text, i, end.min(i + 12));
    if r0 == i
        || r0 - i > 5
        || (r0 < end && char_at(text, r0, end).is_some_and(char::is_alphabetic))
    {
        return None;
    }
    let first = &text[i..r0];
    let next = char_at(text, r0, end);
    if next != Some('.') && next != Some(' ') {
        return None;
    }
    // before a space, only a short first part of a spaced abbreviation ("t ex")
    if next == Some(' ')
        && (r0 - i > MULTI_FIRST_MAX_LEN || !MULTI_FIRST.iter().any(|p| eq_part(first, p)))
    {
        return None;
    }
    let mut best: Option<(usize, Ending)> = None;
    if r0 - i <= 3 {
        for (parts, space_ok, may_end) in MULTI {
            if !eq_part(first, parts[0]) || !acceptable_case(first) {
                continue;
            }
            if let Some(e) = match_multi(text, r0, end, &parts[1..], *space_ok)
                && best.is_none_or(|(b, _)| e > b)
            {
                best = Some((
                    e,
                    if *may_end {
                        Ending::MayEnd
                    } else {
                        Ending::Never
                    },
                ));
            }
        }
        if best.is_none() {
            // a chain of short parts joined by periods: "B.C.", "e.Kr.", "U.S.A."
            if let Some(e) = dotted_chain(text, r0, end) {
                best = Some((e, Ending::Never));
            }
        }
    }
    if best.is_none() && next == Some('.') && first.is_ascii() {
        let lower_first = first.to_ascii_lowercase();
        if let Ok(k) = SINGLE.binary_search_by(|(w, _, _)| (*w).cmp(lower_first.as_str())) {
            let (_, may_end, lower_only) = SINGLE[k];
            let after = char_at(text, r0 + 1, end);
            let case_ok = if lower_only {
                first == lower_first
            } else {
                acceptable_case(first)
            };
            if case_ok && !after.is_some_and(char::is_alphanumeric) {
                best = Some((
                    r0 + 1,
                    if may_end {
                        Ending::MayEnd
                    } else {
                        Ending::Never
                    },
                ));
            }
        }
    }
    best
}

/// Matches the remaining `parts` of a multi-part abbreviation from `pos`
/// (just after the first part).
fn match_multi(
    text: &str,
    mut pos: usize,
    end: usize,
    parts: &[&str],
    space_ok: bool,
) -> Option<usize> {
    let mut any_dot = false;
    for part in parts {
        let mut q = pos;
        let mut dot = false;
        if char_at(text, q, end) == Some('.') {
            q += 1;
            dot = true;
            any_dot = true;
        }
        let mut spaces = 0;
        while let Some(c @ (' ' | '\u{a0}' | '\u{202f}')) = char_at(text, q, end) {
            q += c.len_utf8();
            spaces += 1;
        }
        if spaces > 1 || (!dot && spaces == 0) || (!dot && !space_ok) {
            return None;
        }
        let r = letters(text, q, end);
        if !eq_part(&text[q..r], part) {
            return None;
        }
        pos = r;
    }
    if char_at(text, pos, end) == Some('.') {
        pos += 1;
    } else if !any_dot && char_at(text, pos, end).is_some_and(char::is_alphanumeric) {
        return None;
    }
    if char_at(text, pos, end).is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(pos)
}

/// A chain "x.y." of at least two parts of one to three letters each, no
/// spaces; `pos` is just after the first part.
fn dotted_chain(text: &str, mut pos: usize, end: usize) -> Option<usize> {
    let mut parts = 1;
    while char_at(text, pos, end) == Some('.') {
        let r = letters(text, pos + 1, end);
        let n = text[pos + 1..r].chars().count();
        if n == 0 || n > 3 {
            break;
        }
        if char_at(text, r, end).is_some_and(char::is_alphanumeric) {
            return None;
        }
        parts += 1;
        pos = r;
    }
    if parts < 2 {
        return None;
    }
    if char_at(text, pos, end) == Some('.') {
        pos += 1;
    }
    if char_at(text, pos, end).is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<&str> {
        match_at(s, 0, s.len()).map(|(e, _)| &s[..e])
    }

    #[test]
    fn multi_first_parts_are_all_listed() {
        for (parts, _, _) in MULTI {
            assert!(MULTI_FIRST.contains(&parts[0]), "{}", parts[0]);
        }
    }

    #[test]
    fn single_list_is_sorted() {
        assert!(SINGLE.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn matches_dotted_spaced_and_plain_forms() {
        assert_eq!(m("t.ex. en"), Some("t.ex."));
        assert_eq!(m("t. ex. en"), Some("t. ex."));
        assert_eq!(m("t ex en"), Some("t ex"));
        assert_eq!(m("t.ex en"), Some("t.ex"));
        assert_eq!(m("Bl.a. har"), Some("Bl.a."));
        assert_eq!(m("fr.o.m. i dag"), Some("fr.o.m."));
        assert_eq!(m("p.g.a. det"), Some("p.g.a."));
        assert_eq!(m("ca. 40"), Some("ca."));
        assert_eq!(m("kl. 07.30"), Some("kl."));
        assert_eq!(m("f.Kr. och"), Some("f.Kr."));
        assert_eq!(m("B.C. och"), Some("B.C."));
    }

    #[test]
    fn leaves_ordinary_words_alone() {
        assert_eq!(m("till. Sedan"), None);
        assert_eq!(m("Jan. Han"), None);
        assert_eq!(m("tex"), None);
        assert_eq!(m("t extra"), None);
        assert_eq!(m("så kan"), None);
    }

    #[test]
    fn list_enders_may_end_a_sentence() {
        assert_eq!(match_at("osv. Sedan", 0, 10), Some((4, Ending::MayEnd)));
        assert_eq!(match_at("t.ex. Sedan", 0, 11), Some((5, Ending::Never)));
    }
}
