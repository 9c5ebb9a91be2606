//! Deterministic bounded samples: keep the `k` items with the smallest keys,
//! where a key is a stable hash of what identifies the item. The same corpus
//! gives the same sample, whatever order it is read in, in memory that does
//! not grow with the corpus.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A sampling key: a stable hash, then the identifying text to break ties.
pub type Key = (u64, String);

/// A stable 64-bit hash of `parts` (FNV-1a with a final mix, parts
/// separated by a zero byte): the same on every machine and every run.
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0xff; // not a byte of UTF-8 text
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for &b in part.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    // splitmix64 finaliser: spreads FNV's weak low bits
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The sampling key of `parts`: their hash and their text joined by `/`.
pub fn key(parts: &[&str]) -> Key {
    (stable_hash(parts), parts.join("/"))
}

struct Keyed<T> {
    key: Key,
    item: T,
}

impl<T> PartialEq for Keyed<T> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl<T> Eq for Keyed<T> {}
impl<T> PartialOrd for Keyed<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Keyed<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

/// The `k` items with the smallest keys seen so far.
pub struct BottomK<T> {
    k: usize,
    seen: usize,
    heap: BinaryHeap<Keyed<T>>,
}

impl<T> BottomK<T> {
    /// An empty sample that keeps at most `k` items.
    pub fn new(k: usize) -> Self {
        BottomK {
            k,
            seen: 0,
            heap: BinaryHeap::new(),
        }
    }

    /// Whether an item with this key would be kept now (so that the item
    /// is only built when it is).
    pub fn wants(&self, key: &Key) -> bool {
        self.heap.len() < self.k || self.heap.peek().is_some_and(|top| *key < top.key)
    }

    /// Counts a candidate that was offered (kept or not).
    pub fn count(&mut self) {
        self.seen += 1;
    }

    /// Offers an item; it is kept if its key is among the `k` smallest.
    /// Call [`BottomK::count`] once for every candidate as well.
    pub fn push(&mut self, key: Key, item: T) {
        if !self.wants(&key) {
            return;
        }
        self.heap.push(Keyed { key, item });
        if self.heap.len() > self.k {
            self.heap.pop();
        }
    }

    /// Candidates offered in all.
    pub fn seen(&self) -> usize {
        self.seen
    }

    /// Items kept.
    pub fn len(&self) -> usize {
        self.heap.len()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }

    /// The kept items, in no particular order.
    pub fn items(&self) -> impl Iterator<Item = &T> {
        self.heap.iter().map(|k| &k.item)
    }

    /// The kept items, smallest key first.
    pub fn into_sorted(self) -> Vec<T> {
        self.heap
            .into_sorted_vec()
            .into_iter()
            .map(|k| k.item)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_smallest_keys_whatever_the_order() {
        let items: Vec<String> = (0..200).map(|i| format!("doc-{i}")).collect();
        let sample = |order: &[String]| {
            let mut s = BottomK::new(10);
            for id in order {
                s.count();
                s.push(key(&[id]), id.clone());
            }
            assert_eq!(s.seen(), 200);
            s.into_sorted()
        };
        let forward = sample(&items);
        let mut reversed = items.clone();
        reversed.reverse();
        assert_eq!(forward, sample(&reversed));
        assert_eq!(forward.len(), 10);
        let mut all: Vec<(u64, &String)> = items.iter().map(|i| (stable_hash(&[i]), i)).collect();
        all.sort();
        let expected: Vec<String> = all[..10].iter().map(|(_, i)| (*i).clone()).collect();
        assert_eq!(forward, expected);
    }

    #[test]
    fn the_hash_is_stable_and_separates_parts() {
        assert_eq!(stable_hash(&["a"]), stable_hash(&["a"]));
        assert_ne!(stable_hash(&["ab", "c"]), stable_hash(&["a", "bc"]));
        // a fixed value: the sample must not change between versions or machines
        assert_eq!(stable_hash(&["tillit"]), 13_940_173_870_768_985_773);
    }
}
