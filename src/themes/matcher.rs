//! The compiled matcher: term index, per-word analysis (inflections,
//! compounds, globs, acronyms), phrases with gaps, exclusions and overlap
//! resolution.
//!
//! Everything that can be precomputed is built once when the codebook is
//! loaded. [`Matcher::tag`] analyses each distinct word once per thread
//! (a cache keyed by the word as written, shared by the documents the
//! thread tags with the same matcher), then walks the tokens.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

use super::lexicon;
use super::spec::{TermSpec, ThemeSpec};
use super::{MatchKind, ThemeHit};
use crate::language::{Token, TokenKind};
use crate::span::Span;

/// Endings that may follow a term as written ("kompetens-en", "ansvar-et",
/// "rekrytering-ar-na", "lita-de", "trovärdig-a"). Derivational endings
/// (-ig, -lig, -het, -isk) are deliberately absent: "ansvarig" is not an
/// inflection of "ansvar"; list it as its own term if it belongs.
const FULL_TAILS: &[&str] = &[
    "", "s", "n", "ns", "en", "ens", "et", "ets", "na", "nas", "ar", "arna", "arnas", "ars", "er",
    "erna", "ernas", "ers", "r", "rna", "rnas", "rs", "t", "ts", "a", "as", "ade", "ades", "at",
    "ats", "ad", "ads", "ande", "andes", "are", "ares", "aren", "arens", "ast", "aste", "de",
    "des", "d", "ds", "nde", "ndes", "dd",
];

/// Endings that replace a term's final -a ("fråg-or", "skol-an"). Verb forms
/// of -a terms ("lita-r", "lita-de") follow the full form. Note what is
/// missing: "-en", "-et", "-e", so that "lita" never reaches "liten",
/// "litet" or "lite".
const A_TAILS: &[&str] = &["or", "orna", "ornas", "ors", "an", "ans"];

/// Endings that replace a term's final -e ("pojk-ar", "medborgar-na").
const E_TAILS: &[&str] = &["ar", "arna", "arnas", "ars", "na", "nas"];

/// A `HashMap` with the Fx hash ([`rustc_hash`]): the keys are codebook
/// terms and words of the text, so no resistance to chosen keys is needed.
pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Endings after a term in -el/-er/-en that drops its e ("skattemed(e)l" ->
/// "skattemedl-en", "regl-er", "fönstr-et"). No bare "-a", so that "medel"
/// never reaches "medla".
const SYNCOPE_TAILS: &[&str] = &[
    "en", "ens", "et", "ets", "ar", "arna", "arnas", "er", "erna", "ernas", "na", "nas",
];

/// Shortest term (in characters) that may match inside a compound.
const MIN_COMPOUND_KEY: usize = 4;

/// Which form of a term a lookup key is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Base {
    /// The term as written.
    Full,
    /// The term without its final -a.
    StripA,
    /// The term without its final -e.
    StripE,
    /// An -el/-er/-en term without the e of its last syllable.
    Syncope,
}

impl Base {
    fn tails(self) -> &'static [&'static str] {
        match self {
            Base::Full => FULL_TAILS,
            Base::StripA => A_TAILS,
            Base::StripE => E_TAILS,
            Base::Syncope => SYNCOPE_TAILS,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct KeyEntry {
    term: u32,
    pos: u8,
    base: Base,
    inflect: bool,
    compound: bool,
    /// May match as a hyphen-separated part ("AI-stödet", "it-hot") even
    /// where it is too short for compound matching.
    hyphen: bool,
}

/// No node (or no key) in a [`Trie`].
const NO_NODE: u32 = u32::MAX;

/// A node of a [`Trie`].
#[derive(Debug, Clone, Copy)]
struct TrieNode {
    /// Its children: `edges[first..first + count]`, by ascending byte.
    first: u32,
    count: u32,
    /// The id of the key ending here, or [`NO_NODE`].
    key: u32,
}

/// A byte trie over the keys, built once: from each position of a word,
/// one walk finds every key that starts there, where a hash lookup per
/// candidate length was needed before.
#[derive(Debug, Clone)]
struct Trie {
    /// The node for each first byte ([`NO_NODE`]: no key starts with it).
    root: Box<[u32; 256]>,
    /// The id of the empty key, if there is one.
    root_key: Option<u32>,
    nodes: Vec<TrieNode>,
    /// (byte, child node), grouped by parent.
    edges: Vec<(u8, u32)>,
}

impl Default for Trie {
    fn default() -> Self {
        Trie {
            root: Box::new([NO_NODE; 256]),
            root_key: None,
            nodes: Vec::new(),
            edges: Vec::new(),
        }
    }
}

impl Trie {
    /// Builds the trie of `keys`; key `k` (in iteration order) gets id `k`.
    fn build<'k>(keys: impl Iterator<Item = &'k str>) -> Trie {
        // A plain tree first: children by byte, then flattened.
        let mut kids: Vec<BTreeMap<u8, usize>> = vec![BTreeMap::new()];
        let mut key_of: Vec<u32> = vec![NO_NODE];
        for (id, k) in keys.enumerate() {
            let mut node = 0;
            for &b in k.as_bytes() {
                node = match kids[node].get(&b) {
                    Some(&c) => c,
                    None => {
                        kids.push(BTreeMap::new());
                        key_of.push(NO_NODE);
                        let c = kids.len() - 1;
                        kids[node].insert(b, c);
                        c
                    }
                };
            }
            key_of[node] = id as u32;
        }
        let mut t = Trie::default();
        if key_of[0] != NO_NODE {
            t.root_key = Some(key_of[0]);
        }
        // Node n of the tree (n > 0) is node n - 1 of the trie.
        for (n, children) in kids.iter().enumerate().skip(1) {
            t.nodes.push(TrieNode {
                first: t.edges.len() as u32,
                count: children.len() as u32,
                key: key_of[n],
            });
            t.edges
                .extend(children.iter().map(|(&b, &c)| (b, (c - 1) as u32)));
        }
        for (&b, &c) in &kids[0] {
            t.root[usize::from(b)] = (c - 1) as u32;
        }
        t
    }

    /// The child of `n` for byte `b`, or [`NO_NODE`].
    #[inline]
    fn child(&self, n: &TrieNode, b: u8) -> u32 {
        let (first, count) = (n.first as usize, n.count as usize);
        self.edges
            .get(first..first + count)
            .and_then(|es| es.iter().find(|e| e.0 == b))
            .map_or(NO_NODE, |e| e.1)
    }
}

/// Ids for compiled matchers, so that a word cache knows whose it is.
static NEXT_MATCHER_ID: AtomicU64 = AtomicU64::new(1);

/// Words analysed (see [`Matcher::analyze`]) are kept this many at most
/// per thread; the cache is emptied when it is full.
const WORD_CACHE_LIMIT: usize = 200_000;

/// The per-thread cache of analysed words: the word as written → how it
/// matches the terms of the matcher with id `matcher`. A word's matches
/// depend only on the word and the matcher, so documents share the cache.
#[derive(Default)]
struct WordCache {
    matcher: u64,
    map: FxMap<Box<str>, Box<[WordMatch]>>,
}

thread_local! {
    static WORDS: RefCell<WordCache> = RefCell::new(WordCache::default());
}

/// A compiled term.
#[derive(Debug, Clone)]
pub struct Term {
    /// Index of its theme.
    pub theme: u32,
    /// The term as written in the codebook.
    pub text: String,
    /// Number of words.
    pub words: usize,
    /// Words allowed between consecutive words of a phrase.
    pub gap: usize,
    /// Whether it is an exclusion (blocks hits instead of making them).
    pub exclude: bool,
    /// For an exclusion: whether it blocks its theme's hits in its whole
    /// sentence.
    pub sentence: bool,
}

/// A candidate hit that an exclusion blocked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    /// Index of the theme.
    pub theme: usize,
    /// Byte span of the blocked hit.
    pub span: Span,
    /// The term that would have matched.
    pub term: String,
    /// The exclusion that blocked it.
    pub exclusion: String,
}

/// How one word matched one word position of a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordMatch {
    term: u32,
    pos: u8,
    kind: MatchKind,
}

fn kind_rank(k: MatchKind) -> u8 {
    match k {
        MatchKind::Word => 0,
        MatchKind::Phrase => 1,
        MatchKind::Compound => 2,
    }
}

/// The compiled form of a codebook.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    terms: Vec<Term>,
    keys: FxMap<Box<str>, Vec<KeyEntry>>,
    /// The keys of `keys` as a byte trie; its key ids index `key_entries`.
    trie: Trie,
    /// The entries of each key of the trie.
    key_entries: Vec<Vec<KeyEntry>>,
    prefix_globs: FxMap<Box<str>, Vec<(u32, u8)>>,
    prefix_lens: Vec<usize>,
    /// `*text` patterns by their text, found by looking up each word's
    /// endings of the lengths in `suffix_lens` (the fast path of
    /// [`wildcard`], which they would otherwise go through word by word).
    suffix_globs: FxMap<Box<str>, Vec<(u32, u8)>>,
    suffix_lens: Vec<usize>,
    /// `*text*` patterns, matched with `str::contains`.
    contains_globs: Vec<(Box<str>, u32, u8)>,
    /// Bit (b0 << 8 | b1) is set when some `*text*` pattern of two bytes or
    /// more starts with bytes b0 b1: only such positions are tried.
    contains_bigrams: Vec<u64>,
    /// The shortest `*text*` pattern (in bytes).
    contains_min: usize,
    /// Any other glob: (pattern, term, position, case-sensitive).
    globs: Vec<(Box<[char]>, u32, u8, bool)>,
    cs_keys: FxMap<Box<str>, Vec<KeyEntry>>,
    /// The byte lengths of the case-sensitive keys, ascending.
    cs_lens: Vec<usize>,
    /// Whether some case-sensitive key starts with each byte.
    cs_first: Vec<bool>,
    /// Unique per build (clones share it, having the same terms).
    id: u64,
}

fn nchars(s: &str) -> usize {
    s.chars().count()
}

impl Matcher {
    /// Compiles validated theme specs.
    pub fn build(themes: &[ThemeSpec]) -> Matcher {
        let mut m = Matcher::default();
        for (ti, theme) in themes.iter().enumerate() {
            let all = theme
                .terms
                .iter()
                .map(|t| (t, false))
                .chain(theme.exclude.iter().map(|t| (t, true)));
            for (spec, exclude) in all {
                m.add_term(ti as u32, spec, exclude);
            }
        }
        let mut keys: Vec<(&str, &Vec<KeyEntry>)> = m.keys.iter().map(|(k, v)| (&**k, v)).collect();
        keys.sort_unstable_by_key(|&(k, _)| k);
        m.trie = Trie::build(keys.iter().map(|&(k, _)| k));
        m.key_entries = keys.into_iter().map(|(_, v)| v.clone()).collect();
        m.contains_bigrams = vec![0; 1024];
        m.contains_min = usize::MAX;
        for (inner, _, _) in &m.contains_globs {
            m.contains_min = m.contains_min.min(inner.len());
            if let [a, b, ..] = inner.as_bytes() {
                let k = usize::from(*a) << 8 | usize::from(*b);
                m.contains_bigrams[k / 64] |= 1 << (k % 64);
            }
        }
        m.cs_first = vec![false; 256];
        for k in m.cs_keys.keys() {
            if let Some(&b) = k.as_bytes().first() {
                m.cs_first[usize::from(b)] = true;
            }
        }
        m.id = NEXT_MATCHER_ID.fetch_add(1, Ordering::Relaxed);
        m.cs_lens.sort_unstable();
        m.cs_lens.dedup();
        m.prefix_lens.sort_unstable();
        m.prefix_lens.dedup();
        m.suffix_lens.sort_unstable();
        m.suffix_lens.dedup();
        m
    }

    fn add_term(&mut self, theme: u32, spec: &TermSpec, exclude: bool) {
        let term = self.terms.len() as u32;
        let words: Vec<&str> = spec.text.split_whitespace().collect();
        let single = words.len() == 1;
        for (pos, word) in words.iter().enumerate() {
            let pos = pos.min(255) as u8;
            for alt in word.split('|') {
                let alt: String = if spec.case_sensitive {
                    alt.to_string()
                } else {
                    alt.to_lowercase()
                };
                if alt.contains(['*', '?']) {
                    let star_only_at_end =
                        alt.ends_with('*') && !alt[..alt.len() - 1].contains(['*', '?']);
                    if star_only_at_end && !spec.case_sensitive {
                        let p: Box<str> = alt[..alt.len() - 1].into();
                        self.prefix_lens.push(p.len());
                        self.prefix_globs.entry(p).or_default().push((term, pos));
                    } else if let Some(inner) = alt
                        .strip_prefix('*')
                        .and_then(|a| a.strip_suffix('*'))
                        .filter(|a| {
                            !a.is_empty() && !a.contains(['*', '?']) && !spec.case_sensitive
                        })
                    {
                        self.contains_globs.push((inner.into(), term, pos));
                    } else if let Some(tail) = alt.strip_prefix('*').filter(|a| {
                        !a.is_empty() && !a.contains(['*', '?']) && !spec.case_sensitive
                    }) {
                        self.suffix_lens.push(tail.len());
                        self.suffix_globs
                            .entry(tail.into())
                            .or_default()
                            .push((term, pos));
                    } else {
                        self.globs
                            .push((alt.chars().collect(), term, pos, spec.case_sensitive));
                    }
                    continue;
                }
                let compound = spec.compound && single;
                let full = KeyEntry {
                    term,
                    pos,
                    base: Base::Full,
                    inflect: spec.inflect,
                    compound: compound && nchars(&alt) >= MIN_COMPOUND_KEY,
                    hyphen: compound,
                };
                if spec.case_sensitive {
                    self.cs_lens.push(alt.len());
                    self.cs_keys
                        .entry(alt.as_str().into())
                        .or_default()
                        .push(full);
                    continue;
                }
                self.keys.entry(alt.as_str().into()).or_default().push(full);
                if spec.inflect && nchars(&alt) >= 3 {
                    let strip = if alt.ends_with('a') {
                        Some(Base::StripA)
                    } else if alt.ends_with('e') {
                        Some(Base::StripE)
                    } else {
                        None
                    };
                    if let Some(s) = syncope(&alt) {
                        self.keys.entry(s.into()).or_default().push(KeyEntry {
                            base: Base::Syncope,
                            compound: false,
                            ..full
                        });
                    }
                    if let Some(base) = strip {
                        let s = &alt[..alt.len() - 1];
                        self.keys.entry(s.into()).or_default().push(KeyEntry {
                            base,
                            compound: compound && nchars(s) >= MIN_COMPOUND_KEY,
                            ..full
                        });
                    }
                }
            }
        }
        self.terms.push(Term {
            theme,
            text: spec.text.clone(),
            words: words.len(),
            gap: spec.gap,
            exclude,
            sentence: spec.sentence,
        });
    }

    /// The compiled terms.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Every way the word `orig` (as written; `lower` is its lowercase)
    /// matches a term word, appended to `out`.
    fn analyze(&self, orig: &str, lower: &str, out: &mut Vec<WordMatch>) {
        let start = out.len();
        let w = strip_colon(lower);
        if !self.keys.is_empty() {
            self.keyed(w, out);
        }
        for &l in &self.prefix_lens {
            if l > w.len() {
                break;
            }
            if w.is_char_boundary(l)
                && let Some(es) = self.prefix_globs.get(&w[..l])
            {
                out.extend(es.iter().map(|&(term, pos)| WordMatch {
                    term,
                    pos,
                    kind: MatchKind::Word,
                }));
            }
        }
        for &l in &self.suffix_lens {
            if l > w.len() {
                break;
            }
            let at = w.len() - l;
            if w.is_char_boundary(at)
                && let Some(es) = self.suffix_globs.get(&w[at..])
            {
                out.extend(es.iter().map(|&(term, pos)| WordMatch {
                    term,
                    pos,
                    kind: MatchKind::Word,
                }));
            }
        }
        if w.len() >= self.contains_min {
            self.contained(w, out);
        }
        if !self.globs.is_empty() {
            let wc: Vec<char> = w.chars().collect();
            let oc: Vec<char> = strip_colon(orig).chars().collect();
            for (pat, term, pos, cs) in &self.globs {
                if wildcard(pat, if *cs { &oc } else { &wc }) {
                    out.push(WordMatch {
                        term: *term,
                        pos: *pos,
                        kind: MatchKind::Word,
                    });
                }
            }
        }
        if !self.cs_keys.is_empty() {
            self.case_sensitive(orig, out);
        }
        // One match per (term, position), the best kind.
        let mine = &mut out[start..];
        mine.sort_unstable_by_key(|m| (m.term, m.pos, kind_rank(m.kind)));
        let mut keep = start;
        for i in start..out.len() {
            if i == start || (out[i].term, out[i].pos) != (out[keep - 1].term, out[keep - 1].pos) {
                out[keep] = out[i];
                keep += 1;
            }
        }
        out.truncate(keep);
    }

    /// `*text*` patterns: each pattern that occurs in `w`, found by trying
    /// only the positions whose two bytes start some pattern. (A pattern may
    /// be pushed more than once; [`Matcher::analyze`] keeps one.)
    fn contained(&self, w: &str, out: &mut Vec<WordMatch>) {
        let push = |out: &mut Vec<WordMatch>, term: u32, pos: u8| {
            out.push(WordMatch {
                term,
                pos,
                kind: MatchKind::Word,
            })
        };
        for (inner, term, pos) in &self.contains_globs {
            if inner.len() < 2 && w.contains(&**inner) {
                push(out, *term, *pos);
            }
        }
        let bytes = w.as_bytes();
        for (i, pair) in bytes.windows(2).enumerate() {
            let k = usize::from(pair[0]) << 8 | usize::from(pair[1]);
            if self.contains_bigrams[k / 64] & (1 << (k % 64)) == 0 {
                continue;
            }
            for (inner, term, pos) in &self.contains_globs {
                if inner.len() >= 2 && bytes[i..].starts_with(inner.as_bytes()) {
                    push(out, *term, *pos);
                }
            }
        }
    }

    /// Literal terms: the word as an inflection of the term, or the term
    /// inside a compound whose other parts are plausible words. Every key
    /// found at every character position of `w` by walking the trie.
    ///
    /// A word longer than [`MAX_COMPOUND_BYTES`] is matched as a whole
    /// only: no Swedish compound is that long, and splitting one costs
    /// time that grows with the cube of its length.
    fn keyed(&self, w: &str, out: &mut Vec<WordMatch>) {
        let bytes = w.as_bytes();
        let starts = if w.len() > MAX_COMPOUND_BYTES {
            1
        } else {
            w.len()
        };
        for (i, _) in w.char_indices().take_while(|(i, _)| *i < starts) {
            if let Some(key) = self.trie.root_key {
                self.key_at(w, i, i, key, out);
            }
            let mut node = self.trie.root[usize::from(bytes[i])];
            let mut end = i + 1;
            while node != NO_NODE {
                let n = &self.trie.nodes[node as usize];
                if n.key != NO_NODE && w.is_char_boundary(end) {
                    self.key_at(w, i, end, n.key, out);
                }
                let Some(&b) = bytes.get(end) else { break };
                node = self.trie.child(n, b);
                end += 1;
            }
        }
    }

    /// The matches of key `key`, found at `w[i..end]`.
    fn key_at(&self, w: &str, i: usize, end: usize, key: u32, out: &mut Vec<WordMatch>) {
        let Some(entries) = self.key_entries.get(key as usize) else {
            return;
        };
        let (p, r) = (&w[..i], &w[end..]);
        for e in entries {
            let tail_ok = if e.inflect {
                e.base.tails().contains(&r)
            } else {
                r.is_empty()
            };
            if i == 0 && tail_ok {
                out.push(WordMatch {
                    term: e.term,
                    pos: e.pos,
                    kind: MatchKind::Word,
                });
                continue;
            }
            if !e.compound {
                let marked = (i == 0 || p.ends_with('-')) && (tail_ok || r.starts_with('-'));
                if e.hyphen && e.base == Base::Full && marked {
                    out.push(WordMatch {
                        term: e.term,
                        pos: e.pos,
                        kind: MatchKind::Compound,
                    });
                }
                continue;
            }
            if w.len() > MAX_COMPOUND_BYTES {
                continue;
            }
            if i == 0 && r.is_empty() {
                // the bare key without an allowed ending ("brukar"
                // for "brukare") is neither the term nor a compound
                continue;
            }
            if i > 0 && !lexicon::plausible_prefix(p) {
                continue;
            }
            if r.is_empty() || tail_ok || lexicon::plausible_rest(r) {
                out.push(WordMatch {
                    term: e.term,
                    pos: e.pos,
                    kind: MatchKind::Compound,
                });
            }
        }
    }

    /// Case-sensitive terms (acronyms): the word as written, with a
    /// colon ending ("AI:n") or an inflection ending, or as a hyphenated
    /// part ("AI-stödet", "it-AI").
    fn case_sensitive(&self, orig: &str, out: &mut Vec<WordMatch>) {
        // A part can only match a key that starts with its first byte (the
        // colon ending is stripped from the end): most words end here.
        let may_match = |p: &str| {
            p.as_bytes()
                .first()
                .is_some_and(|&b| self.cs_first.get(usize::from(b)) == Some(&true))
        };
        if !orig.split('-').any(may_match) {
            return;
        }
        let parts = orig.split('-').filter(|p| !p.is_empty()).count();
        for part in orig.split('-').filter(|p| !p.is_empty()) {
            let part = strip_colon(part);
            let kind = if parts == 1 {
                MatchKind::Word
            } else {
                MatchKind::Compound
            };
            for &l in &self.cs_lens {
                if l > part.len() || !part.is_char_boundary(l) {
                    continue;
                }
                let (base, tail) = part.split_at(l);
                let Some(entries) = self.cs_keys.get(base) else {
                    continue;
                };
                let tail_ok = tail.is_empty() || FULL_TAILS.contains(&tail);
                for e in entries {
                    let ok = tail_ok
                        && (tail.is_empty() || e.inflect)
                        && (kind == MatchKind::Word || e.hyphen);
                    if ok {
                        out.push(WordMatch {
                            term: e.term,
                            pos: e.pos,
                            kind,
                        });
                    }
                }
            }
        }
    }

    /// Finds the hits of every theme; see [`super::Codebook::tag`].
    pub fn tag(&self, text: &str, tokens: &[Token]) -> Vec<ThemeHit> {
        self.tag_inner(text, tokens, None)
    }

    /// [`Matcher::tag`], and the candidate hits that exclusions blocked,
    /// appended to `blocked`.
    pub fn tag_explained(
        &self,
        text: &str,
        tokens: &[Token],
        blocked: &mut Vec<Blocked>,
    ) -> Vec<ThemeHit> {
        self.tag_inner(text, tokens, Some(blocked))
    }

    /// Each word form of `words` (lowercase) analysed as a word of a
    /// text: for each term (in [`Matcher::terms`] order), a bit per word
    /// position of the term that some word matched (positions from 64 on
    /// share the last bit).
    pub fn positions_matched<'w>(&self, words: impl Iterator<Item = &'w str>) -> Vec<u64> {
        let mut seen = vec![0u64; self.terms.len()];
        let mut found = Vec::new();
        for w in words {
            found.clear();
            self.analyze(w, w, &mut found);
            for m in &found {
                seen[m.term as usize] |= 1 << m.pos.min(63);
            }
        }
        seen
    }

    fn tag_inner(
        &self,
        text: &str,
        tokens: &[Token],
        mut blocked: Option<&mut Vec<Blocked>>,
    ) -> Vec<ThemeHit> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        let mut arena: Vec<WordMatch> = Vec::new();
        let mut per_tok: Vec<(u32, u32)> = Vec::with_capacity(tokens.len());
        WORDS.with_borrow_mut(|cache| {
            if cache.matcher != self.id {
                cache.map.clear();
                cache.matcher = self.id;
            }
            let mut lower = String::new();
            let mut found: Vec<WordMatch> = Vec::new();
            let mut add = |ms: &[WordMatch]| {
                if ms.is_empty() {
                    per_tok.push((0, 0));
                } else {
                    per_tok.push((arena.len() as u32, ms.len() as u32));
                    arena.extend_from_slice(ms);
                }
            };
            for tok in tokens {
                let word = (tok.kind == TokenKind::Word)
                    .then(|| text.get(tok.span.start..tok.span.end))
                    .flatten();
                let Some(word) = word else {
                    add(&[]);
                    continue;
                };
                if let Some(ms) = cache.map.get(word) {
                    add(ms);
                    continue;
                }
                lowercase_into(word, &mut lower);
                found.clear();
                self.analyze(word, &lower, &mut found);
                add(&found);
                if cache.map.len() >= WORD_CACHE_LIMIT {
                    cache.map.clear();
                }
                cache.map.insert(word.into(), found.as_slice().into());
            }
        });
        let matches = |i: usize| {
            let (s, n) = per_tok[i];
            &arena[s as usize..(s + n) as usize]
        };

        // Candidates: (theme, span, term, kind, sentence); exclusions apart.
        let mut cands: Vec<(u32, Span, u32, MatchKind, usize)> = Vec::new();
        let mut excl: Vec<(u32, Span, u32)> = Vec::new();
        for (i, tok) in tokens.iter().enumerate() {
            for m in matches(i) {
                let term = &self.terms[m.term as usize];
                let span = if term.words == 1 {
                    tok.span
                } else if m.pos == 0 {
                    match self.phrase(tokens, i, m.term, &matches) {
                        Some(last) => Span::new(tok.span.start, tokens[last].span.end),
                        None => continue,
                    }
                } else {
                    continue;
                };
                if term.exclude {
                    let span = if term.sentence {
                        sentence_span(tokens, tok.sentence)
                    } else {
                        span
                    };
                    excl.push((term.theme, span, m.term));
                } else {
                    let kind = if term.words == 1 {
                        m.kind
                    } else {
                        MatchKind::Phrase
                    };
                    cands.push((term.theme, span, m.term, kind, tok.sentence));
                }
            }
        }
        if !excl.is_empty() {
            excl.sort_unstable_by_key(|&(t, s, x)| (t, s.start, x));
            cands.retain(|&(theme, span, term, ..)| {
                let from = excl.partition_point(|&(t, ..)| t < theme);
                let by = excl[from..]
                    .iter()
                    .take_while(|&&(t, s, _)| t == theme && s.start < span.end)
                    .find(|&&(_, s, _)| s.end > span.start);
                if let (Some(&(_, _, x)), Some(out)) = (by, blocked.as_deref_mut()) {
                    out.push(Blocked {
                        theme: theme as usize,
                        span,
                        term: self.terms[term as usize].text.clone(),
                        exclusion: self.terms[x as usize].text.clone(),
                    });
                }
                by.is_none()
            });
        }
        // Longest match wins within a theme; at equal length a word beats a
        // phrase beats a compound, then the longer term, then codebook order.
        cands.sort_by_key(|c| {
            (
                c.0,
                std::cmp::Reverse(c.1.len()),
                kind_rank(c.3),
                std::cmp::Reverse(self.terms[c.2 as usize].text.len()),
                c.2,
                c.1.start,
            )
        });
        let mut hits = Vec::new();
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let mut cur_theme = u32::MAX;
        for (theme, span, term, kind, sentence) in cands {
            if theme != cur_theme {
                taken.clear();
                cur_theme = theme;
            }
            let before = taken.range(..span.end).next_back();
            if before.is_some_and(|(_, &end)| end > span.start) {
                continue;
            }
            taken.insert(span.start, span.end);
            hits.push(ThemeHit {
                theme: theme as usize,
                span,
                term: self.terms[term as usize].text.clone(),
                kind,
                sentence,
            });
        }
        hits.sort_by_key(|h| (h.span.start, h.theme, h.span.end));
        hits
    }

    /// Extends a phrase whose first word is token `first`; returns the index
    /// of its last token.
    fn phrase<'m>(
        &self,
        tokens: &[Token],
        first: usize,
        term: u32,
        matches: &impl Fn(usize) -> &'m [WordMatch],
    ) -> Option<usize> {
        let t = &self.terms[term as usize];
        let sentence = tokens[first].sentence;
        let mut last = first;
        for pos in 1..t.words {
            let mut skipped = 0;
            let mut k = last + 1;
            let mut found = None;
            while k < tokens.len() {
                let tok = &tokens[k];
                if tok.sentence != sentence {
                    break;
                }
                if matches(k)
                    .iter()
                    .any(|m| m.term == term && m.pos as usize == pos)
                {
                    found = Some(k);
                    break;
                }
                if !matches!(tok.kind, TokenKind::Word | TokenKind::Number) || skipped >= t.gap {
                    break;
                }
                skipped += 1;
                k += 1;
            }
            last = found?;
        }
        Some(last)
    }
}

/// The span of sentence `sentence`: from its first token to its last
/// (`tokens` are in text order, so their sentences ascend).
fn sentence_span(tokens: &[Token], sentence: usize) -> Span {
    let a = tokens.partition_point(|t| t.sentence < sentence);
    let b = tokens.partition_point(|t| t.sentence <= sentence);
    match (tokens.get(a), b.checked_sub(1).and_then(|l| tokens.get(l))) {
        (Some(first), Some(last)) => Span::new(first.span.start, last.span.end),
        _ => Span::new(0, 0),
    }
}

/// "skattemedel" → "skattemedl", "regel" → "regl", "fönster" → "fönstr":
/// the form an -el/-er/-en word takes before a vowel ending. Only after a
/// consonant, and only for words of five letters or more.
fn syncope(w: &str) -> Option<String> {
    let cs: Vec<char> = w.chars().collect();
    let n = cs.len();
    if n < 5 || !matches!(cs[n - 1], 'l' | 'r' | 'n') || cs[n - 2] != 'e' {
        return None;
    }
    if "aeiouyåäöé".contains(cs[n - 3]) {
        return None;
    }
    let mut out: String = cs[..n - 2].iter().collect();
    out.push(cs[n - 1]);
    Some(out)
}

/// `word` lowercased char by char (`char::to_lowercase`, no context rules),
/// into `out`; ASCII characters take a fast path.
fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// "cio:ernas" → "cio": a colon ending marks the inflection of an acronym.
fn strip_colon(w: &str) -> &str {
    match w.bytes().position(|b| b == b':') {
        Some(i) if i > 0 && w[i + 1..].chars().all(char::is_alphabetic) => &w[..i],
        _ => w,
    }
}

/// The longest word (in bytes) that is analysed as a compound: about
/// 90 letters, longer than any compound in the lexicon's sources.
pub const MAX_COMPOUND_BYTES: usize = 100;

/// Glob match: `*` any run of characters, `?` exactly one.
fn wildcard(pat: &[char], s: &[char]) -> bool {
    let (mut p, mut i) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while i < s.len() {
        if p < pat.len() && (pat[p] == '?' || pat[p] == s[i]) {
            p += 1;
            i += 1;
        } else if p < pat.len() && pat[p] == '*' {
            star = Some(p);
            mark = i;
            p += 1;
        } else if let Some(sp) = star {
            p = sp + 1;
            mark += 1;
            i = mark;
        } else {
            return false;
        }
    }
    while p < pat.len() && pat[p] == '*' {
        p += 1;
    }
    p == pat.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn a_word_longer_than_any_compound_is_matched_whole_in_bounded_time() {
        use crate::themes::Codebook;
        let book = Codebook::builtin();
        let long = "kompetens".repeat(2400);
        let text = format!("Det här är {long} och kompetensbristen.");
        let toks = crate::language::analyze(&text, &[crate::span::Span::new(0, text.len())], true);
        let started = std::time::Instant::now();
        let hits = book.tag(&text, &toks.tokens);
        assert!(
            started.elapsed().as_secs() < 5,
            "took {:?}",
            started.elapsed()
        );
        // the real compound after it is still found
        assert!(
            hits.iter()
                .any(|h| h.span.slice(&text) == "kompetensbristen")
        );
        assert!(!hits.iter().any(|h| h.span.slice(&text) == long));
        // a long but real compound is still analysed
        let w = "kommunalförbundsordförandeskapskompetensutvecklingen";
        assert!(w.len() <= MAX_COMPOUND_BYTES);
    }

    #[test]
    fn suffix_globs_match_exactly_what_the_plain_wildcard_matches() {
        use crate::themes::Codebook;
        let book = "[[theme]]\nid = \"t\"\nlabel = \"T\"\nterms = [\"*lärare\", \"brist på *sköterskor\", \"*ö\"]\n";
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.toml");
        std::fs::write(&p, book).unwrap();
        let cb = Codebook::load(&p).unwrap();
        for (w, want) in [
            ("lärare", true),
            ("förskollärare", true),
            ("lärarens", false),
            ("Ö", true),
            ("ö", true),
            ("sjö", true),
            ("söder", false),
        ] {
            let text = format!("Här: {w}.");
            let a = crate::language::analyze(&text, &[crate::span::Span::new(0, text.len())], true);
            let got = cb
                .tag(&text, &a.tokens)
                .iter()
                .any(|h| h.span.slice(&text) == w);
            let plain = wildcard(&chars("*lärare"), &chars(&w.to_lowercase()))
                || wildcard(&chars("*ö"), &chars(&w.to_lowercase()));
            assert_eq!(got, want, "{w}");
            assert_eq!(
                got, plain,
                "{w}: the fast path and the plain wildcard agree"
            );
        }
    }

    #[test]
    fn wildcards() {
        assert!(wildcard(&chars("kompetens*"), &chars("kompetensen")));
        assert!(wildcard(
            &chars("*ansvar*"),
            &chars("digitaliseringsansvaret")
        ));
        assert!(wildcard(&chars("lit?"), &chars("lite")));
        assert!(!wildcard(&chars("lit?"), &chars("liten")));
        assert!(!wildcard(&chars("tillit"), &chars("tilliten")));
        assert!(wildcard(&chars("a*b*c"), &chars("aXXbYc")));
    }

    #[test]
    fn syncopated_stems() {
        assert_eq!(syncope("skattemedel").as_deref(), Some("skattemedl"));
        assert_eq!(syncope("fönster").as_deref(), Some("fönstr"));
        assert_eq!(syncope("regel").as_deref(), Some("regl"));
        assert_eq!(syncope("ansvar"), None);
        assert_eq!(syncope("säker"), Some("säkr".to_string()));
        assert_eq!(syncope("tiger"), Some("tigr".to_string()));
        assert_eq!(syncope("kaffe"), None);
        assert_eq!(syncope("hel"), None);
    }

    #[test]
    fn lowercasing_matches_char_to_lowercase() {
        let mut out = String::new();
        for w in [
            "Kompetens",
            "ÅTERKOPPLING",
            "AI:n",
            "İstanbul",
            "ΣΟΦΙΑ",
            "e-Förvaltning",
        ] {
            lowercase_into(w, &mut out);
            let expected: String = w.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(out, expected);
        }
    }

    #[test]
    fn colon_endings() {
        assert_eq!(strip_colon("cio:ernas"), "cio");
        assert_eq!(strip_colon("kl:12"), "kl:12");
        assert_eq!(strip_colon("ansvar"), "ansvar");
    }
}
