//! The compound-guard lexicon: Swedish word forms seen at least three times
//! in public-domain Swedish text (the SFS statutes and the Riksdag
//! interpellations). A compound split is accepted only where what remains of
//! the word is itself a plausible Swedish word, and this lexicon decides
//! what is plausible.
//!
//! The file `data/lexicon.txt` is rebuilt by `scripts/build_lexicon.py`. It
//! is sorted and front-coded: each line starts with one character
//! `'0' + n`, where `n` is how many leading characters the word shares with
//! the previous word, followed by the rest of the word.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::matcher::FxHasher;

type Set = HashSet<&'static str, BuildHasherDefault<FxHasher>>;

/// The front-coded lexicon source, compiled into the crate.
const LEXICON_SRC: &str = include_str!("../../data/lexicon.txt");

/// The decoded lexicon, built once.
fn set() -> &'static Set {
    static SET: OnceLock<Set> = OnceLock::new();
    SET.get_or_init(|| decode(LEXICON_SRC))
}

/// Decodes the front-coded lexicon format (see the module docs). The words
/// are stored end to end in one buffer that lives as long as the program
/// (the lexicon is decoded once), instead of one allocation per word.
fn decode(src: &str) -> Set {
    let mut buf = String::with_capacity(src.len() * 5 / 2);
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(100_000);
    let mut prev = String::new();
    for line in src.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut chars = line.chars();
        let Some(n) = chars.next() else { continue };
        let shared = (n as usize).saturating_sub('0' as usize);
        // `shared` counts characters; cut `prev` at that character boundary.
        let mut cut = prev.len();
        let mut seen = 0;
        for (i, &b) in prev.as_bytes().iter().enumerate() {
            // A byte that starts a character (not a UTF-8 continuation byte).
            if (b as i8) >= -0x40 {
                if seen == shared {
                    cut = i;
                    break;
                }
                seen += 1;
            }
        }
        prev.truncate(cut);
        prev.push_str(chars.as_str());
        let start = buf.len();
        buf.push_str(&prev);
        spans.push((start, buf.len()));
    }
    let buf: &'static str = Box::leak(buf.into_boxed_str());
    let mut out = Set::with_capacity_and_hasher(spans.len(), Default::default());
    out.extend(spans.into_iter().filter_map(|(a, b)| buf.get(a..b)));
    out
}

/// Whether `word` (lowercase) is in the lexicon.
pub fn contains(word: &str) -> bool {
    set().contains(word)
}

/// Number of words in the lexicon.
pub fn len() -> usize {
    set().len()
}

/// Letters that may join the parts of a Swedish compound
/// ("ansvar-s-frågan", "förtroende-frågan", "kvinn-o-jour", "gat-u-belysning").
const LINKS: [char; 5] = ['s', 'e', 'a', 'u', 'o'];

fn nchars(s: &str) -> usize {
    s.chars().count()
}

/// A simple (non-compound) first part: a lexicon word, a lexicon word plus a
/// linking letter, or a word whose final -a/-e is dropped in compounds
/// ("skol-" of "skola").
fn simple_first(q: &str) -> bool {
    if nchars(q) < 3 {
        return false;
    }
    if contains(q) {
        return true;
    }
    if let Some(last) = q.chars().last()
        && LINKS.contains(&last)
    {
        let stem = &q[..q.len() - last.len_utf8()];
        if nchars(stem) >= 3 && contains(stem) {
            return true;
        }
    }
    // "skol-" of "skola", "pojk-" of "pojke"; not after a double consonant,
    // where the dropped vowel is rarely the compound form ("samm-" of
    // "samma" would let "sammanslagning" hit "anslag").
    let mut tail = q.chars().rev();
    if tail.next() == tail.next() {
        return false;
    }
    let mut buf = String::with_capacity(q.len() + 1);
    for v in ["a", "e"] {
        buf.clear();
        buf.push_str(q);
        buf.push_str(v);
        if contains(&buf) {
            return true;
        }
    }
    false
}

/// Whether `p` (lowercase, the part of a word before a term) is a plausible
/// first part of a compound: itself a first part, or two of them
/// ("verksamhets|utvecklings-"). A part ending in a hyphen ("it-", "e-") is
/// always accepted: the writer marked the compound.
pub fn plausible_prefix(p: &str) -> bool {
    let q = match p.rfind('-') {
        Some(i) => {
            let (before, after) = (&p[..i], &p[i + 1..]);
            if after.is_empty() {
                return before.chars().any(char::is_alphanumeric);
            }
            after
        }
        None => p,
    };
    if simple_first(q) {
        return true;
    }
    split_two(q, simple_first, simple_first)
}

/// A simple last part: a lexicon word form of 3+ letters.
fn simple_rest(q: &str) -> bool {
    nchars(q) >= 3 && contains(q)
}

/// Whether `r` (lowercase, the part of a word after a term) is a plausible
/// remainder of a compound: an optional linking letter, then a lexicon word
/// form or two parts of which the last is a word form.
pub fn plausible_rest(r: &str) -> bool {
    let q = match r.find('-') {
        Some(0) => return r[1..].chars().any(char::is_alphanumeric),
        Some(i) => &r[..i],
        None => r,
    };
    if rest_or_two(q) {
        return true;
    }
    if let Some(first) = q.chars().next()
        && LINKS.contains(&first)
    {
        let after = &q[first.len_utf8()..];
        if let Some(part) = after.strip_prefix('-') {
            return part.chars().any(char::is_alphanumeric);
        }
        return rest_or_two(after);
    }
    false
}

fn rest_or_two(q: &str) -> bool {
    simple_rest(q) || split_two(q, simple_first, simple_rest)
}

/// Whether `q` splits into `a` + `b` (each of 3+ characters) with
/// `first(a)` and `last(b)`.
fn split_two(q: &str, first: fn(&str) -> bool, last: fn(&str) -> bool) -> bool {
    if nchars(q) < 6 {
        return false;
    }
    for (i, _) in q.char_indices().skip(3) {
        let (a, b) = q.split_at(i);
        if nchars(b) < 3 {
            break;
        }
        if last(b) && first(a) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_front_coding() {
        let set = decode("# c\n0abc\n2d\n3x\n0bö\n2å\n");
        let mut v: Vec<&str> = set.iter().map(|s| &**s).collect();
        v.sort();
        assert_eq!(v, ["abc", "abd", "abdx", "bö", "böå"]);
    }

    #[test]
    fn lexicon_is_loaded_and_holds_common_words() {
        assert!(len() > 50_000, "lexicon has {} words", len());
        for w in [
            "digitalisering",
            "frågan",
            "försörjningen",
            "verksamhet",
            "utveckling",
        ] {
            assert!(contains(w), "{w} missing");
        }
        for w in ["auen", "iker", "xq"] {
            assert!(!contains(w), "{w} should not be a word");
        }
    }

    #[test]
    fn prefixes() {
        assert!(plausible_prefix("digitaliserings"));
        assert!(plausible_prefix("it-"));
        assert!(plausible_prefix("e-"));
        assert!(plausible_prefix("skol"));
        assert!(!plausible_prefix("po"));
        assert!(!plausible_prefix("e"));
        assert!(!plausible_prefix("-"));
    }

    #[test]
    fn rests() {
        assert!(plausible_rest("sfrågan"));
        assert!(plausible_rest("sbaserad"));
        assert!(plausible_rest("område"));
        assert!(plausible_rest("-frågor"));
        assert!(!plausible_rest("auen"));
        assert!(!plausible_rest("iker"));
        assert!(!plausible_rest("sk"));
    }
}
