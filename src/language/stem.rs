//! Snowball Swedish stems with a per-thread cache, so that a word seen
//! before is not stemmed again (and its stem string is shared).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use rust_stemmers::{Algorithm, Stemmer};

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Swedish));

/// Cached stems are dropped when the cache grows past this many words.
const CACHE_LIMIT: usize = 200_000;

thread_local! {
    static CACHE: RefCell<HashMap<Box<str>, Arc<str>>> = RefCell::new(HashMap::new());
}

/// The Snowball Swedish stem of `word`, which must already be normalised
/// and lowercased (see [`super::normalize::normalize_word`]).
pub fn stem(word: &str) -> Arc<str> {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(word) {
            return Arc::clone(s);
        }
        let s: Arc<str> = Arc::from(STEMMER.stem(word).as_ref());
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(Box::from(word), Arc::clone(&s));
        s
    })
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
}
