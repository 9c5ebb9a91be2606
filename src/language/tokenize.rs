//! The Swedish tokeniser: a hand-written character scanner over one
//! paragraph at a time.
//!
//! Conventions (those of the SUC/Talbanken gold where the project's
//! requirements leave a choice):
//! - abbreviations are one token, with or without inner spaces ("t.ex.",
//!   "t. ex.", "t ex"), and so are initials ("A.") and ordinals ("8.");
//! - hyphenated words are one token ("it-haverier", "2000-talet"), a
//!   suspended compound keeps its hyphen ("it-" in "it- och ..."), words
//!   joined by an en dash or slash without spaces are one token
//!   ("januari–februari", "och/eller");
//! - colon inflections stay whole ("CIO:ernas", "IT:s", "25:e");
//! - numbers keep decimal commas, space-separated thousands and ranges
//!   ("2,5", "1 000 000", "3 000–5 000"); dates, times, SFS numbers,
//!   percentages ("50%") and paragraph signs ("3 §") get their own kinds; a
//!   percent sign after a space ("6 %") is a symbol token, as in the gold;
//! - URLs, e-mail addresses, @handles and #hashtags are one token each;
//! - every punctuation mark is its own token, except runs of periods
//!   ("..."), of ! and ? ("?!") and of hyphens ("--");
//! - soft hyphens and zero-width characters inside a word belong to the
//!   word, and a word hyphenated at a line break ("under-\nsökning") is one
//!   token (the stem is computed on the joined form, see [`super::normalize`]).

use super::TokenKind;
use super::abbreviations::{self, Ending};
use super::normalize::{is_invisible, is_word_char};
use crate::span::Span;

/// A token before stems and sentences are added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    /// Byte span into the text.
    pub span: Span,
    /// What kind of token.
    pub kind: TokenKind,
    /// For a token that ends in a period but is not a sentence end
    /// (abbreviation, initial, ordinal): whether it may still end one.
    pub abbrev: Option<Ending>,
}

/// Tokenises `text[para.start..para.end]`, appending to `out`.
pub fn tokenize_paragraph(text: &str, para: Span, out: &mut Vec<RawToken>) {
    let mut s = Scanner {
        text,
        start: para.start,
        end: para.end,
        first_of_para: out.len(),
        out,
    };
    s.run();
}

struct Scanner<'a, 'o> {
    text: &'a str,
    start: usize,
    end: usize,
    first_of_para: usize,
    out: &'o mut Vec<RawToken>,
}

/// Words after which a trailing hyphen marks a suspended compound ("it- och").
const SUSPENSION_FOLLOWERS: &[&str] = &[
    "och",
    "eller",
    "samt",
    "resp",
    "respektive",
    "till",
    "som",
    "&",
    "el",
    "alt",
    "men",
    "utan",
];

const URL_TLDS: &[&str] = &[
    "com", "de", "dk", "edu", "eu", "fi", "gov", "info", "int", "io", "net", "no", "nu", "org",
    "se", "uk",
];

impl Scanner<'_, '_> {
    #[inline]
    fn at(&self, i: usize) -> Option<char> {
        if i < self.end {
            self.text.get(i..).and_then(|r| r.chars().next())
        } else {
            None
        }
    }

    #[inline]
    fn prev_char(&self, i: usize) -> Option<char> {
        if i <= self.start {
            None
        } else {
            self.text[..i].chars().next_back()
        }
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind, abbrev: Option<Ending>) {
        self.out.push(RawToken {
            span: Span::new(start, end),
            kind,
            abbrev,
        });
    }

    fn run(&mut self) {
        let mut pos = self.start;
        while let Some(c) = self.at(pos) {
            if c.is_whitespace() || is_invisible(c) || c.is_control() {
                pos += c.len_utf8();
                continue;
            }
            pos = if let Some(e) = self.url(pos) {
                self.push(pos, e, TokenKind::Url, None);
                e
            } else if is_word_char(c) {
                if let Some((e, kind)) = self.email_or_domain(pos) {
                    self.push(pos, e, kind, None);
                    e
                } else if c.is_ascii_digit() {
                    self.number(pos)
                } else {
                    self.word(pos)
                }
            } else if (c == '@' || c == '#') && self.handle(pos).is_some() {
                let e = self.handle(pos).unwrap_or(pos + 1);
                let kind = if c == '@' {
                    TokenKind::Mention
                } else {
                    TokenKind::Hashtag
                };
                self.push(pos, e, kind, None);
                e
            } else {
                self.punct(pos, c)
            };
        }
    }

    /// End of a run of word characters (invisible characters included when
    /// a word character follows them).
    #[inline]
    fn word_run(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        loop {
            if i < self.end && bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            match self.at(i) {
                Some(c) if c.is_ascii() => return i,
                Some(c) if is_word_char(c) => i += c.len_utf8(),
                Some(c) if is_invisible(c) => {
                    let n = i + c.len_utf8();
                    if self.at(n).is_some_and(is_word_char) {
                        i = n;
                    } else {
                        return i;
                    }
                }
                _ => return i,
            }
        }
    }

    #[inline]
    fn digits(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        while i < self.end && bytes[i].is_ascii_digit() {
            i += 1;
        }
        i
    }

    fn url(&self, pos: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[pos..self.end];
        let starts = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        if !(starts(b"http://") || starts(b"https://") || starts(b"ftp://") || starts(b"www.")) {
            return None;
        }
        let mut e = pos;
        while let Some(c) = self.at(e) {
            if c.is_whitespace() || matches!(c, '<' | '>' | '"' | '”' | '“' | '«' | '»') {
                break;
            }
            e += c.len_utf8();
        }
        Some(self.trim_trailing(pos, e))
    }

    /// Drops trailing punctuation that belongs to the sentence, and a closing
    /// bracket that has no opening one in the span.
    fn trim_trailing(&self, start: usize, mut e: usize) -> usize {
        loop {
            let Some(c) = self.text[start..e].chars().next_back() else {
                return e;
            };
            let drop = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | '-' => true,
                ')' => !self.text[start..e].contains('('),
                ']' => !self.text[start..e].contains('['),
                _ => false,
            };
            if !drop || e - c.len_utf8() <= start + 1 {
                return e;
            }
            e -= c.len_utf8();
        }
    }

    /// An e-mail address, or a bare domain with a known top-level domain
    /// ("regeringen.se", "digg.se/om-oss"), starting at `pos`.
    fn email_or_domain(&self, pos: usize) -> Option<(usize, TokenKind)> {
        let bytes = self.text.as_bytes();
        let mut i = pos;
        while i < self.end
            && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'_' | b'+' | b'-'))
        {
            i += 1;
        }
        if i >= self.end || !matches!(bytes[i], b'@' | b'.') || i == pos {
            return None;
        }
        // the chunk up to whitespace
        let mut e = i;
        while e < self.end
            && (bytes[e].is_ascii_alphanumeric()
                || matches!(bytes[e], b'_' | b'+' | b'-' | b'.' | b'@' | b'%'))
        {
            e += 1;
        }
        let chunk_end = self.trim_trailing(pos, e);
        let chunk = &self.text[pos..chunk_end];
        if let Some((local, domain)) = chunk.split_once('@') {
            let ok = !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && domain
                    .rsplit('.')
                    .next()
                    .is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic()))
                && domain.split('.').all(|l| !l.is_empty());
            return ok.then_some((chunk_end, TokenKind::Email));
        }
        // bare domain
        let tld = chunk.rsplit('.').next()?;
        let labels_ok = chunk
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
        if !labels_ok
            || !URL_TLDS.contains(&tld.to_ascii_lowercase().as_str())
            || chunk.split('.').count() < 2
        {
            return None;
        }
        if !chunk.bytes().any(|b| b.is_ascii_lowercase()) {
            return None;
        }
        // an optional path
        let mut end = chunk_end;
        if end < self.end && bytes[end] == b'/' {
            let mut p = end;
            while let Some(c) = self.at(p) {
                if c.is_whitespace() || matches!(c, '<' | '>' | '"' | '”' | '“' | '«' | '»') {
                    break;
                }
                p += c.len_utf8();
            }
            end = self.trim_trailing(pos, p);
        }
        Some((end, TokenKind::Url))
    }

    /// An @handle or #hashtag at `pos`: returns its end.
    fn handle(&self, pos: usize) -> Option<usize> {
        if self.prev_char(pos).is_some_and(is_word_char) {
            return None;
        }
        let e = self.word_run(pos + 1);
        let mut end = e;
        // handles may contain underscores
        while self.at(end) == Some('_') {
            end = self.word_run(end + 1);
        }
        let body = &self.text[pos + 1..end];
        if body.is_empty() || !body.chars().any(char::is_alphabetic) {
            return None;
        }
        Some(end)
    }

    /// The last token pushed, as text.
    fn last_text(&self) -> Option<&str> {
        self.out[self.first_of_para..]
            .last()
            .map(|t| t.span.slice(self.text))
    }

    /// Whether `pos` is the first non-space character of its line.
    fn at_line_start(&self, pos: usize) -> bool {
        for c in self.text[self.start..pos].chars().rev() {
            if c == '\n' {
                return true;
            }
            if !c.is_whitespace() {
                return false;
            }
        }
        true
    }

    /// Skips one run of spaces (no line breaks) from `i`; returns the end.
    fn spaces(&self, mut i: usize) -> usize {
        while let Some(c @ (' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}')) = self.at(i) {
            i += c.len_utf8();
        }
        i
    }

    /// Space-separated thousands groups after a number of 1–3 digits.
    fn thousands(&self, mut e: usize) -> usize {
        loop {
            let Some(c @ (' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')) = self.at(e) else {
                return e;
            };
            let g = e + c.len_utf8();
            let ge = self.digits(g);
            if ge - g != 3 || self.at(ge).is_some_and(is_word_char) {
                return e;
            }
            // "3 000 000" yes; but not "1 000,5 000" style lists: a comma after is fine
            e = ge;
        }
    }

    fn number(&mut self, pos: usize) -> usize {
        let mut e = self.digits(pos);
        if e - pos <= 3 {
            e = self.thousands(e);
        }
        loop {
            match self.at(e) {
                Some(c @ (',' | '.' | ':' | '/'))
                    if self.at(e + 1).is_some_and(|d| d.is_ascii_digit()) =>
                {
                    let _ = c;
                    e = self.digits(e + 1);
                }
                Some(c @ ('-' | '–'))
                    if self
                        .at(e + c.len_utf8())
                        .is_some_and(|d| d.is_ascii_digit()) =>
                {
                    let g = e + c.len_utf8();
                    let ge = self.digits(g);
                    e = if ge - g <= 3 { self.thousands(ge) } else { ge };
                }
                _ => break,
            }
        }
        let body_end = e;
        let mut kind = TokenKind::Number;
        let mut abbrev = None;
        match self.at(e) {
            Some('%') | Some('‰') => {
                e += self.at(e).map_or(1, char::len_utf8);
                kind = TokenKind::Percent;
                if self.at(e) == Some('-') && self.at(e + 1).is_some_and(is_word_char) {
                    e = self.word_tail(self.word_run(e + 1));
                    kind = TokenKind::Word;
                }
            }
            Some(':') if self.at(e + 1).is_some_and(|c| c.is_lowercase()) => {
                let r = self.word_run(e + 1);
                if r - (e + 1) <= 6 {
                    e = r;
                }
            }
            Some('-' | '\u{2011}' | '/') => {
                let t = self.word_tail(e);
                if t > e {
                    e = t;
                    kind = TokenKind::Word;
                }
            }
            Some(c) if is_word_char(c) => {
                e = self.word_tail(self.word_run(e));
                kind = TokenKind::Word;
            }
            Some('§') => {
                e += '§'.len_utf8();
                kind = TokenKind::Section;
            }
            Some(c @ (' ' | '\u{a0}')) if self.at(e + c.len_utf8()) == Some('§') => {
                e += c.len_utf8() + '§'.len_utf8();
                kind = TokenKind::Section;
            }
            Some('.') => {
                let after = self.spaces(e + 1);
                let spaced = after > e + 1;
                let next = self.at(after);
                let ordinal = spaced && next.is_some_and(|c| c.is_lowercase());
                let list_number = (e - pos) <= 2
                    && self.at_line_start(pos)
                    && (spaced || next.is_none() || self.at(e + 1) == Some('\n'));
                if ordinal || list_number {
                    e += 1;
                    abbrev = Some(Ending::Never);
                }
            }
            _ => {}
        }
        if kind == TokenKind::Number && abbrev.is_none() && e == body_end {
            kind = self.number_kind(&self.text[pos..e]);
        }
        self.push(pos, e, kind, abbrev);
        e
    }

    /// Date, time, SFS number or plain number.
    fn number_kind(&self, s: &str) -> TokenKind {
        let b = s.as_bytes();
        let num = |x: &[u8]| x.iter().fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
        let all_digits = |x: &[u8]| !x.is_empty() && x.iter().all(u8::is_ascii_digit);
        // 2022-11-17
        if b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && all_digits(&b[..4])
            && all_digits(&b[5..7])
            && all_digits(&b[8..])
        {
            let (m, d) = (num(&b[5..7]), num(&b[8..]));
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return TokenKind::Date;
            }
        }
        if let Some(k) = s.find([':', '.']) {
            let (h, m) = (&b[..k], &b[k + 1..]);
            if all_digits(h) && all_digits(m) {
                // 07.30, 23:45 (a time); 2018:218 (an SFS number)
                if h.len() <= 2 && m.len() == 2 && num(h) <= 24 && num(m) <= 59 {
                    let after_kl = self.last_text().is_some_and(|t| {
                        let t = t.to_lowercase();
                        t == "kl." || t == "kl" || t == "klockan"
                    });
                    if b[k] == b':' || after_kl {
                        return TokenKind::Time;
                    }
                }
                if b[k] == b':'
                    && h.len() == 4
                    && (1..=4).contains(&m.len())
                    && (1600..=2100).contains(&num(h))
                {
                    return TokenKind::Sfs;
                }
            }
        }
        TokenKind::Number
    }

    fn word(&mut self, pos: usize) -> usize {
        if let Some((e, ending)) = abbreviations::match_at(self.text, pos, self.end) {
            self.push(pos, e, TokenKind::Word, Some(ending));
            return e;
        }
        let r = self.word_run(pos);
        // an initial: "A. Svensson", "A. I. Rabin"
        if self.at(pos).is_some_and(|c| c.len_utf8() == r - pos)
            && self.at(pos).is_some_and(char::is_uppercase)
            && !self
                .prev_char(pos)
                .is_some_and(|c| c == '°' || c.is_alphanumeric())
            && self.at(r) == Some('.')
        {
            let after = self.spaces(r + 1);
            if after > r + 1 && self.at(after).is_some_and(char::is_uppercase) {
                self.push(pos, r + 1, TokenKind::Word, Some(Ending::Never));
                return r + 1;
            }
        }
        let e = self.word_tail(r);
        let kind = if self.text[pos..e].chars().any(char::is_alphabetic) {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        self.push(pos, e, kind, None);
        e
    }

    /// Whether the word at `i` is one after which a hyphen marks a suspended compound.
    fn suspension_follows(&self, i: usize) -> bool {
        match self.at(i) {
            Some(',' | '/' | ')') => true,
            Some(c) if c.is_whitespace() => {
                let mut w = i;
                while let Some(c) = self.at(w).filter(|c| c.is_whitespace()) {
                    w += c.len_utf8();
                }
                let we = self.word_run(w);
                let word = if we > w {
                    &self.text[w..we]
                } else {
                    self.text[w..].get(..1).unwrap_or("")
                };
                SUSPENSION_FOLLOWERS.contains(&word)
            }
            _ => false,
        }
    }

    /// Extends a word that ends at `e` over inner hyphens, en dashes,
    /// slashes, colon inflections, apostrophes, ampersands and line-break
    /// hyphenation.
    fn word_tail(&self, mut e: usize) -> usize {
        loop {
            let Some(c) = self.at(e) else { return e };
            let n = e + c.len_utf8();
            match c {
                '-' | '\u{2011}' | '\u{ad}' => {
                    if c != '\u{ad}' && self.at(n).is_some_and(is_word_char) {
                        e = self.word_run(n);
                        continue;
                    }
                    // line-break hyphenation: "under-\nsökning"
                    let s = self.spaces(n);
                    if self.at(s) == Some('\n') {
                        let w = self.spaces(s + 1);
                        let we = self.word_run(w);
                        if we > w
                            && self.at(w).is_some_and(char::is_lowercase)
                            && !SUSPENSION_FOLLOWERS.contains(&&self.text[w..we])
                        {
                            e = we;
                            continue;
                        }
                    }
                    if c != '\u{ad}' && self.suspension_follows(n) {
                        return n;
                    }
                    return e;
                }
                '–' | '/' | '&' | '\'' | '’' => {
                    let before = self.prev_char(e);
                    let ok = match c {
                        '&' => {
                            before.is_some_and(char::is_uppercase)
                                && self.at(n).is_some_and(char::is_uppercase)
                        }
                        '\'' | '’' => {
                            before.is_some_and(char::is_alphabetic)
                                && self.at(n).is_some_and(char::is_alphabetic)
                        }
                        _ => self.at(n).is_some_and(is_word_char),
                    };
                    if ok {
                        e = self.word_run(n);
                        continue;
                    }
                    return e;
                }
                ':' => {
                    if self.at(n).is_some_and(char::is_lowercase) {
                        let r = self.word_run(n);
                        if r - n <= 8 && self.at(r).is_none_or(|c| c != ':') {
                            e = r;
                            continue;
                        }
                    }
                    return e;
                }
                _ => return e,
            }
        }
    }

    fn punct(&mut self, pos: usize, c: char) -> usize {
        let mut e = pos + c.len_utf8();
        match c {
            '.' | '!' | '?' | '-' => {
                let same = |x: char| match c {
                    '.' => x == '.',
                    '-' => x == '-',
                    _ => x == '!' || x == '?',
                };
                while let Some(x) = self.at(e) {
                    if same(x) {
                        e += 1;
                    } else {
                        break;
                    }
                }
            }
            _ => {}
        }
        let kind = if is_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        self.push(pos, e, kind, None);
        e
    }
}

/// Whether `c` is punctuation (as opposed to a symbol such as § % € + =).
pub fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\''
            | '"'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '-'
            | '/'
            | '\\'
            | '_'
            | '–'
            | '—'
            | '‒'
            | '―'
            | '‐'
            | '‑'
            | '…'
            | '”'
            | '“'
            | '„'
            | '‟'
            | '’'
            | '‘'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '¡'
            | '¿'
            | '·'
            | '•'
            | '*'
    )
}
