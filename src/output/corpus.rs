//! `corpus.jsonl`: the canonical JSON, one document per line, sorted by
//! id. [`CorpusWriter`] writes it while the run goes; [`OldCorpus`] reads
//! the lines of the previous run's file that this run keeps.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::atomic::TMP_MARK;
use super::manifest::{LineRef, content_hash};
use crate::error::{Error, Result};

/// The corpus file's name in the output folder.
pub const CORPUS_FILE: &str = "corpus.jsonl";

/// `corpus.jsonl`, written while the run goes. Documents are analysed in
/// id order (each worker takes the next one), and each compact line is
/// written as soon as every line before it has been; lines that arrive
/// early wait in memory. [`CorpusWriter::wait_turn`] keeps a worker from
/// running more than `window` documents ahead of the first unwritten one,
/// so that memory stays bounded even when one document is slow.
///
/// The lines go to a temporary file of the output folder, renamed to
/// `corpus.jsonl` by [`CorpusWriter::commit`]; dropped without a commit
/// (an error, a kill) the temporary file is removed, now or by the next run.
pub struct CorpusWriter {
    tmp: PathBuf,
    path: PathBuf,
    window: usize,
    state: std::sync::Mutex<CorpusState>,
    advanced: std::sync::Condvar,
}

struct CorpusState {
    /// Each line is written with one call (lines are tens of kilobytes: a
    /// buffer would only copy them once more).
    w: File,
    /// The index of the first line not yet written.
    next: usize,
    /// Lines (or `None` for a failed input) that arrived before their turn.
    early: BTreeMap<usize, Option<Vec<u8>>>,
    /// The first write error; the run fails with it at the commit.
    error: Option<std::io::Error>,
    committed: bool,
}

impl CorpusWriter {
    /// Opens the temporary file for `DIR/corpus.jsonl`.
    pub fn create(root: &Path, window: usize) -> Result<CorpusWriter> {
        let path = root.join(CORPUS_FILE);
        let tmp = root.join(format!(
            ".corpus.jsonl{TMP_MARK}{}-stream",
            std::process::id()
        ));
        let file = File::create(&tmp).map_err(|source| Error::Write {
            path: tmp.clone(),
            source,
        })?;
        Ok(CorpusWriter {
            tmp,
            path,
            window: window.max(1),
            state: std::sync::Mutex::new(CorpusState {
                w: file,
                next: 0,
                early: BTreeMap::new(),
                error: None,
                committed: false,
            }),
            advanced: std::sync::Condvar::new(),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, CorpusState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until document `index` is less than `window` ahead of the
    /// first line not yet written.
    pub fn wait_turn(&self, index: usize) {
        let mut st = self.lock();
        while index >= st.next + self.window {
            st = self.advanced.wait(st).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Hands in the line of document `index` (with its newline), or `None`
    /// when that input failed; writes every line whose turn has come.
    /// Every index from 0 up must be handed in exactly once, by this or by
    /// [`CorpusWriter::write_in_turn`].
    pub fn submit(&self, index: usize, line: Option<Vec<u8>>) {
        let mut st = self.lock();
        st.early.insert(index, line);
        self.flush_ready(st);
    }

    /// Writes the line of document `index` straight into the file with
    /// `fill` once every line before it is written, so that a very large
    /// document's line (tens of times its text) never sits in memory.
    /// Returns its length and [`content_hash`] (the newline included).
    pub fn write_in_turn(
        &self,
        index: usize,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(usize, String)> {
        let mut st = self.lock();
        while st.next != index {
            st = self.advanced.wait(st).unwrap_or_else(|e| e.into_inner());
        }
        let result = (|| {
            if let Some(e) = &st.error {
                return Err(std::io::Error::new(e.kind(), e.to_string()));
            }
            let mut w = HashingWriter::new(std::io::BufWriter::with_capacity(1 << 16, &mut st.w));
            fill(&mut w)?;
            w.write_all(b"\n")?;
            let (len, hash) = (w.len, w.hash());
            w.inner.flush()?;
            Ok((len, hash))
        })();
        if let Err(e) = &result {
            st.error
                .get_or_insert_with(|| std::io::Error::new(e.kind(), e.to_string()));
        }
        st.next += 1;
        self.flush_ready(st);
        result.map_err(|source| Error::Write {
            path: self.path.clone(),
            source,
        })
    }

    /// Writes every waiting line whose turn has come and wakes the waiters.
    fn flush_ready(&self, mut st: std::sync::MutexGuard<'_, CorpusState>) {
        loop {
            let next = st.next;
            let Some(line) = st.early.remove(&next) else {
                break;
            };
            if let Some(line) = line
                && st.error.is_none()
                && let Err(e) = st.w.write_all(&line)
            {
                st.error = Some(e);
            }
            st.next += 1;
        }
        drop(st);
        self.advanced.notify_all();
    }

    /// Flushes the file and renames it to `corpus.jsonl`.
    pub fn commit(self) -> Result<()> {
        let err = |source| Error::Write {
            path: self.path.clone(),
            source,
        };
        let mut st = self.lock();
        if let Some(e) = st.error.take() {
            return Err(err(e));
        }
        if !st.early.is_empty() {
            return Err(err(std::io::Error::other(
                "corpus.jsonl: a document's line never came (a bug in svtext)",
            )));
        }
        st.w.flush().map_err(err)?;
        fs::rename(&self.tmp, &self.path).map_err(err)?;
        st.committed = true;
        Ok(())
    }
}

impl Drop for CorpusWriter {
    fn drop(&mut self) {
        if !self.lock().committed {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// A writer that counts and hashes ([`content_hash`]) what goes through it.
pub struct HashingWriter<W> {
    /// The writer written to.
    pub inner: W,
    hasher: xxhash_rust::xxh3::Xxh3,
    /// Bytes written so far.
    pub len: usize,
}

impl<W: Write> HashingWriter<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        HashingWriter {
            inner,
            hasher: xxhash_rust::xxh3::Xxh3::new(),
            len: 0,
        }
    }

    /// The hash of everything written, as [`content_hash`] gives it.
    pub fn hash(&self) -> String {
        format!("{:032x}", self.hasher.digest128())
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.len += n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The previous run's `corpus.jsonl`, open for reading the lines that this
/// run keeps. It stays readable after the new file is renamed over it.
pub struct OldCorpus {
    file: Option<File>,
}

impl OldCorpus {
    /// Opens `root/corpus.jsonl` if there is one.
    pub fn open(root: &Path) -> OldCorpus {
        OldCorpus {
            file: File::open(root.join(CORPUS_FILE)).ok(),
        }
    }

    /// The line `at` describes, when the file holds exactly that line (its
    /// hash matches); `None` when it does not (a killed run, an edit).
    pub fn line(&self, at: &LineRef) -> Option<Vec<u8>> {
        let file = self.file.as_ref()?;
        let mut buf = vec![0; at.len];
        super::read_at(file, &mut buf, at.offset).ok()?;
        (buf.last() == Some(&b'\n') && content_hash(&buf) == at.hash).then_some(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    #[test]
    fn the_corpus_writer_puts_lines_in_index_order_whatever_order_they_come_in() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = CorpusWriter::create(dir.path(), 4).unwrap();
        let n = 200;
        let next = AtomicU64::new(0);
        std::thread::scope(|s| {
            for t in 0..3u64 {
                let (corpus, next) = (&corpus, &next);
                s.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                        if i >= n {
                            break;
                        }
                        corpus.wait_turn(i);
                        // uneven work, so lines arrive out of order
                        std::thread::sleep(std::time::Duration::from_micros(
                            (i as u64 * 7 + t) % 300,
                        ));
                        let line = (!i.is_multiple_of(5)).then(|| format!("{i}\n").into_bytes());
                        corpus.submit(i, line);
                    }
                });
            }
        });
        // a worker never ran more than the window ahead: nothing is left waiting
        assert!(corpus.lock().early.is_empty());
        corpus.commit().unwrap();
        let got = fs::read_to_string(dir.path().join("corpus.jsonl")).unwrap();
        let want: String = (0..n)
            .filter(|i| i % 5 != 0)
            .map(|i| format!("{i}\n"))
            .collect();
        assert_eq!(got, want);
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!names.iter().any(|n| n.contains(TMP_MARK)), "{names:?}");
    }

    #[test]
    fn a_corpus_writer_dropped_without_commit_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("corpus.jsonl"), "old\n").unwrap();
        let corpus = CorpusWriter::create(dir.path(), 8).unwrap();
        corpus.submit(0, Some(b"new\n".to_vec()));
        drop(corpus);
        assert_eq!(
            fs::read_to_string(dir.path().join("corpus.jsonl")).unwrap(),
            "old\n"
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1); // corpus.jsonl
        // a missing line is an error at the commit, not a silent gap
        let corpus = CorpusWriter::create(dir.path(), 8).unwrap();
        corpus.submit(1, Some(b"one\n".to_vec()));
        assert!(corpus.commit().is_err());
    }

    #[test]
    fn a_streamed_line_takes_its_turn_and_hashes_like_a_buffered_one() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = CorpusWriter::create(dir.path(), 4).unwrap();
        std::thread::scope(|s| {
            let c = &corpus;
            let streamed = s.spawn(move || c.write_in_turn(1, |w| w.write_all(b"{\"id\":\"b\"}")));
            std::thread::sleep(std::time::Duration::from_millis(20));
            c.submit(2, Some(b"{\"id\":\"c\"}\n".to_vec()));
            c.submit(0, Some(b"{\"id\":\"a\"}\n".to_vec()));
            let (len, hash) = streamed.join().unwrap().unwrap();
            assert_eq!(len, 11);
            assert_eq!(hash, content_hash(b"{\"id\":\"b\"}\n"));
        });
        corpus.commit().unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join(CORPUS_FILE)).unwrap(),
            "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"}\n"
        );
    }

    #[test]
    fn an_old_line_is_returned_only_when_its_bytes_match_the_hash() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join(CORPUS_FILE),
            "{\"id\":\"a\"}\n{\"id\":\"b\"}\n",
        )
        .unwrap();
        let old = OldCorpus::open(dir.path());
        let b = LineRef {
            offset: 11,
            len: 11,
            hash: content_hash(b"{\"id\":\"b\"}\n"),
        };
        assert_eq!(old.line(&b).unwrap(), b"{\"id\":\"b\"}\n");
        let stale = LineRef {
            hash: content_hash(b"{\"id\":\"c\"}\n"),
            ..b.clone()
        };
        assert!(old.line(&stale).is_none());
        let beyond = LineRef { offset: 100, ..b };
        assert!(old.line(&beyond).is_none());
        assert!(
            OldCorpus::open(&dir.path().join("none"))
                .line(&stale)
                .is_none()
        );
    }
}
