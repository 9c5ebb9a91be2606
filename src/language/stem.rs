//! Snowball Swedish stems with a per-thread cache keyed by the word as
//! written, so that a word seen before is neither normalised nor stemmed
//! nor looked up in the stopword list again (and its stem string is shared).
//!
//! Fast path: the cache; its plain reference is stemming every word afresh
//! (the test `cached_and_uncached_agree`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use compact_str::CompactString;
use rust_stemmers::{Algorithm, Stemmer};

use super::normalize::normalize_word;
use super::stopwords::is_stopword;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Swedish));

/// The cache takes no new words past this many entries (the words met
/// first, which include the frequent ones, stay; a rarer word is then
/// stemmed each time it comes). Keeps each thread's cache within a few
/// megabytes.
const CACHE_LIMIT: usize = 100_000;

/// The hasher builder of the word caches and small look-up tables: the
/// Fx hash of rustc ([`rustc_hash`]), fast on short keys that come from
/// one document at a time (no resistance to chosen keys is needed).
pub type FxBuild = rustc_hash::FxBuildHasher;

/// The per-thread word cache: the word as written → (stem, stopword).
/// Keys of up to 24 bytes (nearly every word) are stored in the table
/// itself, so a look-up reads no other memory.
pub struct StemCache {
    map: HashMap<CompactString, (CompactString, bool), FxBuild>,
}

impl StemCache {
    /// The stem and stopword flag of a word token as written (any case,
    /// soft hyphens and line-break hyphenation included): the Snowball
    /// Swedish stem of its normalised, lowercased form, and whether that
    /// form is a stopword.
    pub fn lookup(&mut self, surface: &str) -> (CompactString, bool) {
        if let Some((s, stop)) = self.map.get(surface) {
            return (s.clone(), *stop);
        }
        let norm = normalize_word(surface);
        let s = CompactString::new(STEMMER.stem(&norm).as_ref());
        let stop = is_stopword(&norm);
        if self.map.len() < CACHE_LIMIT {
            self.map
                .insert(CompactString::new(surface), (s.clone(), stop));
        }
        (s, stop)
    }
}

thread_local! {
    static CACHE: RefCell<StemCache> = RefCell::new(StemCache { map: HashMap::default() });
}

/// Runs `f` with this thread's word cache (one thread-local access for a
/// whole document instead of one per token).
pub fn with_cache<R>(f: impl FnOnce(&mut StemCache) -> R) -> R {
    CACHE.with(|c| f(&mut c.borrow_mut()))
}

/// [`StemCache::lookup`] on this thread's cache.
pub fn lookup(surface: &str) -> (CompactString, bool) {
    with_cache(|c| c.lookup(surface))
}

/// The Snowball Swedish stem of `word`, which must already be normalised
/// and lowercased (see [`super::normalize::normalize_word`]).
pub fn stem(word: &str) -> CompactString {
    lookup(word).0
}

/// The Snowball Swedish stem of `word` without the cache.
pub fn stem_uncached(word: &str) -> String {
    STEMMER.stem(word).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_swedish_words() {
        assert_eq!(&*stem("kompetensförsörjningen"), "kompetensförsörjning");
        assert_eq!(&*stem("digitaliseringen"), "digitalisering");
        assert_eq!(&*stem("kommunerna"), "kommun");
    }

    #[test]
    fn cached_and_uncached_agree() {
        for w in ["tilliten", "tilliten", "ansvaret", "myndigheternas"] {
            assert_eq!(&*stem(w), stem_uncached(w));
        }
    }

    #[test]
    fn lookup_normalises_the_surface_form() {
        assert_eq!(lookup("Kommunerna"), (CompactString::from("kommun"), false));
        assert_eq!(lookup("Och"), (CompactString::from("och"), true));
        assert_eq!(lookup("under\u{ad}sökningen").0.as_str(), "undersökning");
    }
}
