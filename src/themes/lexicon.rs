//! The compound-guard lexicon: Swedish word forms seen at least three times
//! in public-domain Swedish text (the SFS statutes and the Riksdag
//! interpellations). A compound split is accepted only where what remains of
//! the word is itself a plausible Swedish word, and this lexicon decides
//! what is plausible.
//!
//! Fast path: `decode` walks the front-coded bytes without a UTF-8 check
//! per line; its plain reference is the test
//! `decode_matches_a_plain_decoding_of_the_file`.
//!
//! The file `data/lexicon.txt` is rebuilt by `scripts/build_lexicon.py`. It
//! is sorted and front-coded: each line starts with one character
//! `'0' + n`, where `n` is how many leading characters the word shares with
//! the previous word, followed by the rest of the word.

use std::sync::OnceLock;

/// The decoded lexicon: its words end to end in one buffer, and their
/// spans in byte order without duplicates, for binary search. (Few words
/// are looked up per run, so a hash set is not worth building.)
struct Lexicon {
    buf: String,
    words: Vec<(u32, u32)>,
}

impl Lexicon {
    fn word(&self, (a, b): (u32, u32)) -> &str {
        self.buf.get(a as usize..b as usize).unwrap_or("")
    }

    fn contains(&self, word: &str) -> bool {
        self.words
            .binary_search_by(|&w| self.word(w).cmp(word))
            .is_ok()
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|&w| self.word(w))
    }
}

/// The front-coded lexicon source, compiled into the crate.
const LEXICON_SRC: &str = include_str!("../../data/lexicon.txt");

/// The decoded lexicon, built once.
fn set() -> &'static Lexicon {
    static SET: OnceLock<Lexicon> = OnceLock::new();
    SET.get_or_init(|| decode(LEXICON_SRC))
}

/// Decodes the front-coded lexicon format (see the module docs). Each word
/// is built in place from the previous one in the buffer. The file is
/// sorted, so the words come in byte order; should they not, they are
/// sorted and deduplicated here.
fn decode(src: &str) -> Lexicon {
    let mut buf: Vec<u8> = Vec::with_capacity(src.len() * 5 / 2);
    let mut words: Vec<(u32, u32)> = Vec::with_capacity(src.len() / 5);
    let mut prev = (0usize, 0usize);
    let mut ordered = true;
    let sb = src.as_bytes();
    let mut pos = 0;
    while pos < sb.len() {
        // The next line as `str::lines` gives it: without its `\n` or
        // `\r\n`.
        let nl = sb[pos..].iter().position(|&b| b == b'\n');
        let mut end = nl.map_or(sb.len(), |k| pos + k);
        let line_start = pos;
        pos = end + 1;
        if nl.is_some() && end > line_start && sb[end - 1] == b'\r' {
            end -= 1;
        }
        let Some(line) = src.get(line_start..end) else {
            continue;
        };
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut chars = line.chars();
        let Some(n) = chars.next() else { continue };
        let rest = chars.as_str().as_bytes();
        let shared = (n as usize).saturating_sub('0' as usize);
        // `shared` counts characters; cut the previous word at that
        // character boundary.
        let p = buf.get(prev.0..prev.1).unwrap_or(&[]);
        let mut cut = p.len();
        let mut seen = 0;
        for (i, &b) in p.iter().enumerate() {
            // A byte that starts a character (not a UTF-8 continuation byte).
            if (b as i8) >= -0x40 {
                if seen == shared {
                    cut = i;
                    break;
                }
                seen += 1;
            }
        }
        // In byte order when the new word sorts after the previous one: it
        // shares `p[..cut]`, so the rest decides.
        let after_prev = match (p.get(cut..), rest.first()) {
            (Some([]), _) => !rest.is_empty(),
            (Some(tail), Some(&r0)) if tail[0] != r0 => r0 > tail[0],
            (Some(tail), Some(_)) => tail < rest,
            _ => false,
        };
        if !words.is_empty() && !after_prev {
            ordered = false;
        }
        let start = buf.len();
        buf.extend_from_within(prev.0..prev.0 + cut);
        buf.extend_from_slice(rest);
        words.push((start as u32, buf.len() as u32));
        prev = (start, buf.len());
    }
    // Whole characters were copied, so the buffer is valid UTF-8.
    let buf = String::from_utf8(buf)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    let mut lex = Lexicon { buf, words };
    if !ordered {
        let mut words = std::mem::take(&mut lex.words);
        words.sort_unstable_by(|&a, &b| lex.word(a).cmp(lex.word(b)));
        words.dedup_by(|a, b| lex.word(*a) == lex.word(*b));
        lex.words = words;
    }
    lex
}

/// Whether `word` (lowercase) is in the lexicon.
pub fn contains(word: &str) -> bool {
    set().contains(word)
}

/// Every word of the lexicon, in byte order.
pub fn words() -> impl Iterator<Item = &'static str> {
    set().iter()
}

/// Number of words in the lexicon.
pub fn len() -> usize {
    set().words.len()
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
        let lex = decode("# c\n0abc\n2d\n3x\n0bö\n2å\n");
        let v: Vec<&str> = lex.iter().collect();
        assert_eq!(v, ["abc", "abd", "abdx", "bö", "böå"]);
        assert!(lex.contains("abdx") && lex.contains("böå"));
        assert!(!lex.contains("ab") && !lex.contains("c"));
        // Out of order and repeated: sorted and deduplicated.
        let lex = decode("0b\n0a\n0b\n1c\n");
        let v: Vec<&str> = lex.iter().collect();
        assert_eq!(v, ["a", "b", "bc"]);
        assert!(lex.contains("a") && lex.contains("b") && lex.contains("bc"));
    }

    /// The decoder against the plain char-by-char decoding of the real file.
    #[test]
    fn decode_matches_a_plain_decoding_of_the_file() {
        let mut plain: Vec<String> = Vec::new();
        let mut prev = String::new();
        for line in LEXICON_SRC.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut chars = line.chars();
            let Some(n) = chars.next() else { continue };
            let shared = (n as usize).saturating_sub('0' as usize);
            let cut = prev
                .char_indices()
                .nth(shared)
                .map_or(prev.len(), |(i, _)| i);
            prev.truncate(cut);
            prev.push_str(chars.as_str());
            plain.push(prev.clone());
        }
        plain.sort();
        plain.dedup();
        assert!(plain.len() > 50_000);
        assert!(set().iter().eq(plain.iter().map(String::as_str)));
        for w in plain.iter().step_by(97) {
            assert!(contains(w), "{w}");
        }
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
