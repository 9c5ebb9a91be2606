//! Output stage: the output folder.
//!
//! ```text
//! DIR/documents/<id>.json   one document, pretty-printed (span lists one item per line)
//! DIR/corpus.jsonl          every document, compact, one per line, sorted by id
//! DIR/summary.json          corpus totals
//! DIR/errors.jsonl          one line per input that could not be analysed
//! DIR/manifest.json         tool version, codebook hash, input hashes
//! ```
//!
//! Every file is written to a temporary file in the same folder and renamed
//! into place ([`atomic_write`]), so a killed run never leaves a
//! half-written file; the next run removes the temporary files a killed run
//! left behind and repairs the folder.

mod format;
pub mod json;
mod lock;

use std::collections::{BTreeMap, HashSet};
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

pub use format::{DocumentFormatter, to_vec_document};
pub use lock::Lock;

use crate::document::{Document, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::ingest::{InputError, sha256_hex};
use crate::pipeline::Config;
use crate::summary::{DocStats, Summary};
use crate::themes::Codebook;

/// Marks temporary files: `.<name>.svtext-tmp-<pid>-<n>`.
const TMP_MARK: &str = ".svtext-tmp-";

/// One analysed document in the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocEntry {
    /// Document id.
    pub id: String,
    /// Its file, relative to the output folder (`documents/....json`).
    pub file: String,
    /// The input file it came from.
    pub path: String,
    /// For a JSON Lines record: its line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// SHA-256 of the input bytes.
    pub hash: String,
    /// What the summary needs from it.
    pub stats: DocStats,
}

/// What a run keeps in memory of each document until the end: its id and
/// file, and where its manifest entry waits in the spool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRef {
    /// Document id.
    pub id: String,
    /// Its file, relative to the output folder.
    pub file: String,
    /// Its manifest entry (compact JSON) in the manifest spool.
    pub entry: SpoolRange,
}

/// A line in a spool file (a manifest entry): byte offset and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpoolRange {
    /// Byte offset in the spool.
    pub offset: u64,
    /// Length in bytes, newline included.
    pub len: usize,
}

/// A spool: lines (the manifest's document entries) appended as documents
/// are done, in completion order, and copied out in id order at the end.
/// It is a temporary file of the output folder, removed at the end of the
/// run (or by the next run, if this one is killed).
pub struct Spool {
    path: PathBuf,
    file: std::sync::Mutex<(File, u64)>,
}

impl Spool {
    /// Creates a spool file named after `name` in the output folder.
    pub fn create(out: &OutputDir, name: &str) -> Result<Spool> {
        let path = out
            .root
            .join(format!(".{name}{TMP_MARK}{}-spool", std::process::id()));
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)
            .map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
        Ok(Spool {
            path,
            file: std::sync::Mutex::new((file, 0)),
        })
    }

    /// Appends one line; returns where it lies.
    pub fn append(&self, line: &[u8]) -> Result<SpoolRange> {
        let mut guard = self.file.lock().unwrap_or_else(|e| e.into_inner());
        let (file, end) = &mut *guard;
        file.write_all(line).map_err(|source| Error::Write {
            path: self.path.clone(),
            source,
        })?;
        let range = SpoolRange {
            offset: *end,
            len: line.len(),
        };
        *end += line.len() as u64;
        Ok(range)
    }

    /// Appends the bytes at `range` to `buf`.
    pub fn read(&self, range: SpoolRange, buf: &mut Vec<u8>) -> std::io::Result<()> {
        let start = buf.len();
        buf.resize(start + range.len, 0);
        let guard = self.file.lock().unwrap_or_else(|e| e.into_inner());
        read_at(&guard.0, &mut buf[start..], range.offset)
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

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
    pub fn create(out: &OutputDir, window: usize) -> Result<CorpusWriter> {
        let path = out.root.join("corpus.jsonl");
        let tmp = out.root.join(format!(
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
    /// Every index from 0 up must be handed in exactly once.
    pub fn submit(&self, index: usize, line: Option<Vec<u8>>) {
        let mut st = self.lock();
        st.early.insert(index, line);
        let mut moved = false;
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
            moved = true;
        }
        drop(st);
        if moved {
            self.advanced.notify_all();
        }
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

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_at(mut file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

/// `manifest.json`: what produced the folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always `svtext`.
    pub tool: String,
    /// The tool's version.
    pub version: String,
    /// The document schema version.
    pub schema_version: String,
    /// The codebook file, or `null` for the built-in one.
    pub codebook: Option<String>,
    /// SHA-256 of the codebook source.
    pub codebook_hash: String,
    /// The INPUT arguments of the run.
    pub inputs: Vec<String>,
    /// Inputs that failed.
    pub failed: usize,
    /// Files skipped for an unknown extension.
    pub skipped: usize,
    /// The language forced with `--language`, or `null`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Every document written, sorted by id, with its input hash.
    pub documents: Vec<DocEntry>,
}

/// The facts of a run that head `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestHead {
    /// The codebook file, or `None` for the built-in one.
    pub codebook: Option<String>,
    /// SHA-256 of the codebook source.
    pub codebook_hash: String,
    /// The INPUT arguments of the run.
    pub inputs: Vec<String>,
    /// Inputs that failed.
    pub failed: usize,
    /// Files skipped for an unknown extension.
    pub skipped: usize,
    /// The language forced with `--language`.
    pub language: Option<String>,
}

impl ManifestHead {
    /// The head of a run's manifest.
    pub fn new(config: &Config, codebook: &Codebook, failed: usize, skipped: usize) -> Self {
        ManifestHead {
            codebook: config.codebook.as_ref().map(|p| p.display().to_string()),
            codebook_hash: codebook.hash().to_string(),
            inputs: config
                .inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
            failed,
            skipped,
            language: config.language.clone(),
        }
    }
}

/// The relative file of a document id: `documents/<id>.json`, its folders
/// mirroring the id's `/`-separated parts.
///
/// Parts that could escape the folder or trouble a file system (`..`, `.`,
/// empty parts, leading dots, control and reserved characters, very long
/// parts) are replaced; an id that needed any change gets `~` and ten hex
/// digits of its hash appended, so two ids never share a file.
pub fn document_file(id: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut changed = false;
    for comp in id.split('/') {
        if comp.is_empty() || comp == "." {
            changed = true;
            continue;
        }
        let mut part: String = comp
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || " -_.,+=@~()'&".contains(c) {
                    c
                } else {
                    changed = true;
                    '_'
                }
            })
            .collect();
        if part.starts_with('.') || part.starts_with(' ') || part.ends_with(' ') {
            part = format!("_{}_", part.trim());
            changed = true;
        }
        if part.len() > 100 {
            let mut cut = 100;
            while !part.is_char_boundary(cut) {
                cut -= 1;
            }
            part.truncate(cut);
            changed = true;
        }
        parts.push(part);
    }
    if parts.len() > 12 {
        let rest = parts.split_off(11).join("_");
        parts.push(rest);
        changed = true;
    }
    if parts.is_empty() {
        parts.push("_".into());
        changed = true;
    }
    let mut path = parts.join("/");
    if changed {
        path.push('~');
        path.push_str(&sha256_hex(id.as_bytes())[..10]);
    }
    format!("documents/{path}.json")
}

/// Writes `bytes` to `path` through a temporary file in the same folder and
/// a rename, so that `path` is either the old file or the whole new one.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<()> {
    // (the bytes go to the file as they are: no buffer to copy them through)
    atomic_write_file(path, |f| f.write_all(bytes))
}

/// Like [`atomic_write`], with the content written by `fill` through a buffer.
pub fn atomic_write_with(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<&mut File>) -> std::io::Result<()>,
) -> Result<()> {
    atomic_write_file(path, |file| {
        let mut w = BufWriter::with_capacity(1 << 16, file);
        fill(&mut w)?;
        w.flush()
    })
}

/// Writes a temporary file beside `path` with `fill`, then renames it to `path`.
fn atomic_write_file(
    path: &Path,
    fill: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{name}{TMP_MARK}{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        // The folder is made when the first file in it is written.
        let file = match File::create(&tmp) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                fs::create_dir_all(dir)?;
                File::create(&tmp)?
            }
            other => other?,
        };
        let mut file = file;
        fill(&mut file)?;
        drop(file);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(err)
}

/// The output folder of a run.
#[derive(Debug, Clone)]
pub struct OutputDir {
    root: PathBuf,
}

impl OutputDir {
    /// Creates the folder (and its `documents/`) if needed.
    pub fn create(root: &Path) -> Result<OutputDir> {
        fs::create_dir_all(root.join("documents")).map_err(|source| Error::Write {
            path: root.to_path_buf(),
            source,
        })?;
        Ok(OutputDir {
            root: root.to_path_buf(),
        })
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Takes the folder's lock file, or fails with [`Error::Locked`] naming
    /// the process that holds it. A lock left by a process that is gone is
    /// taken over.
    pub fn lock(&self) -> Result<Lock> {
        Lock::acquire(&self.root.join(".svtext.lock"))
    }

    /// Removes temporary files that a killed run left behind.
    pub fn remove_temp_files(&self) {
        for entry in walkdir::WalkDir::new(&self.root).into_iter().flatten() {
            if entry.file_type().is_file() && entry.file_name().to_string_lossy().contains(TMP_MARK)
            {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// The manifest of the previous run, if there is a readable one.
    pub fn read_manifest(&self) -> Option<Manifest> {
        let bytes = fs::read(self.root.join("manifest.json")).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Whether a document file exists.
    pub fn has_document(&self, file: &str) -> bool {
        self.root.join(file).is_file()
    }

    /// Writes one document, pretty-printed, atomically, and returns its
    /// compact form as one line (what `corpus.jsonl` holds).
    pub fn write_document(&self, file: &str, doc: &Document) -> Result<Vec<u8>> {
        let path = self.root.join(file);
        let mut pretty = Vec::new();
        let mut line = Vec::new();
        json::write_document(doc, &mut pretty, &mut line);
        pretty.push(b'\n');
        atomic_write(&path, &pretty)?;
        line.push(b'\n');
        Ok(line)
    }

    /// The compact line (with its newline) of a document file this run
    /// keeps: the file minified.
    pub fn document_line(&self, file: &str) -> std::io::Result<Vec<u8>> {
        let pretty = fs::read(self.root.join(file))?;
        let mut line = Vec::with_capacity(pretty.len());
        minify_json(&pretty, &mut line);
        line.push(b'\n');
        Ok(line)
    }

    /// Removes document files (and emptied folders) under `documents/` that
    /// belong to no current document; returns how many files it removed.
    pub fn remove_stale_documents(&self, docs: &[DocRef]) -> Result<usize> {
        let keep: HashSet<PathBuf> = docs.iter().map(|e| self.root.join(&e.file)).collect();
        let docs = self.root.join("documents");
        let mut removed = 0;
        let mut dirs = Vec::new();
        for entry in walkdir::WalkDir::new(&docs)
            .min_depth(1)
            .into_iter()
            .flatten()
        {
            if entry.file_type().is_dir() {
                dirs.push(entry.path().to_path_buf());
            } else if !keep.contains(entry.path()) {
                fs::remove_file(entry.path()).map_err(|source| Error::Write {
                    path: entry.path().to_path_buf(),
                    source,
                })?;
                removed += 1;
            }
        }
        // deepest first, so parents empty out after their children
        dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
        for d in dirs {
            let _ = fs::remove_dir(&d); // fails (and is kept) while not empty
        }
        Ok(removed)
    }

    /// Writes `errors.jsonl`.
    pub fn write_errors(&self, errors: &[InputError]) -> Result<()> {
        atomic_write_with(&self.root.join("errors.jsonl"), |w| {
            for e in errors {
                serde_json::to_writer(&mut *w, e)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        })
    }

    /// Writes `summary.json`.
    pub fn write_summary(&self, summary: &Summary) -> Result<()> {
        write_pretty(&self.root.join("summary.json"), summary)
    }

    /// Writes `manifest.json`: the run's facts, then every document's
    /// entry (one per line, in the order of `docs`) streamed from the
    /// manifest spool.
    pub fn write_manifest(
        &self,
        head: ManifestHead,
        docs: &[DocRef],
        entries: &Spool,
    ) -> Result<()> {
        #[derive(Serialize)]
        struct Out<'a> {
            tool: &'static str,
            version: &'static str,
            schema_version: &'static str,
            codebook: Option<String>,
            codebook_hash: String,
            inputs: Vec<String>,
            failed: usize,
            skipped: usize,
            #[serde(skip_serializing_if = "Option::is_none")]
            language: Option<String>,
            documents: Spooled<'a>,
        }
        struct Spooled<'a> {
            docs: &'a [DocRef],
            spool: &'a Spool,
        }
        impl Serialize for Spooled<'_> {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                use serde::ser::{Error as _, SerializeSeq};
                let mut seq = s.serialize_seq(Some(self.docs.len()))?;
                for d in self.docs {
                    let mut buf = Vec::new();
                    self.spool
                        .read(d.entry, &mut buf)
                        .map_err(S::Error::custom)?;
                    let text = String::from_utf8(buf).map_err(S::Error::custom)?;
                    let raw = serde_json::value::RawValue::from_string(text.trim_end().to_string())
                        .map_err(S::Error::custom)?;
                    seq.serialize_element(&raw)?;
                }
                seq.end()
            }
        }
        let out = Out {
            tool: "svtext",
            version: env!("CARGO_PKG_VERSION"),
            schema_version: SCHEMA_VERSION,
            codebook: head.codebook,
            codebook_hash: head.codebook_hash,
            inputs: head.inputs,
            failed: head.failed,
            skipped: head.skipped,
            language: head.language,
            documents: Spooled {
                docs,
                spool: entries,
            },
        };
        atomic_write_with(&self.root.join("manifest.json"), |w| {
            let mut ser =
                serde_json::Serializer::with_formatter(&mut *w, DocumentFormatter::default());
            out.serialize(&mut ser)?;
            w.write_all(b"\n")
        })
    }
}

/// Writes a value as pretty JSON, atomically.
pub fn write_pretty<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    atomic_write_with(path, |w| {
        serde_json::to_writer_pretty(&mut *w, value)?;
        w.write_all(b"\n")
    })
}

/// Removes the white space outside strings from a JSON text: pretty JSON
/// from serde_json becomes exactly its compact form.
pub fn minify_json(json: &[u8], out: &mut Vec<u8>) {
    let is_space = |b: u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t');
    out.reserve(json.len());
    let n = json.len();
    let mut i = 0;
    while i < n {
        let start = i;
        if json[i] == b'"' {
            // a string literal, copied whole (escapes included)
            i += 1;
            while i < n {
                match json[i] {
                    b'\\' => i += 2,
                    b'"' => {
                        i += 1;
                        break;
                    }
                    _ => i += 1,
                }
            }
            out.extend_from_slice(&json[start..i.min(n)]);
        } else if is_space(json[i]) {
            i += 1;
        } else {
            while i < n && !is_space(json[i]) && json[i] != b'"' {
                i += 1;
            }
            out.extend_from_slice(&json[start..i]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ids_map_to_their_path() {
        assert_eq!(
            document_file("voister/cio-utmaningar"),
            "documents/voister/cio-utmaningar.json"
        );
        assert_eq!(document_file("Åre kommun 2"), "documents/Åre kommun 2.json");
    }

    #[test]
    fn hostile_ids_stay_inside_and_unique() {
        for id in [
            "../../etc/passwd",
            "/abs/path",
            "a/./b",
            "..",
            "",
            "a\\b",
            "x\0y",
            "a//b",
            ".hidden",
        ] {
            let f = document_file(id);
            assert!(f.starts_with("documents/"), "{id}: {f}");
            let p = Path::new(&f);
            assert!(
                p.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_))),
                "{id}: {f}"
            );
            assert!(!f.contains('\0') && !f.contains('\\'), "{id}: {f}");
        }
        assert_ne!(document_file("a/b"), document_file("a//b"));
        assert_ne!(document_file("../x"), document_file("_/x"));
    }

    #[test]
    fn minify_equals_compact_serialisation() {
        let v =
            serde_json::json!({"a": [1, 2, {"b": "x  y\n \"q\" \\"}], "c": null, "d": {}, "e": []});
        let mut out = Vec::new();
        minify_json(
            serde_json::to_string_pretty(&v).unwrap().as_bytes(),
            &mut out,
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string(&v).unwrap()
        );
    }

    proptest::proptest! {
        #[test]
        fn minify_equals_compact_for_any_strings(a in "\\PC*", b in ".*", n in proptest::num::i64::ANY) {
            let v = serde_json::json!({a.clone(): [b, n, {"k": a}], "e": [], "o": {}});
            let mut out = Vec::new();
            minify_json(serde_json::to_string_pretty(&v).unwrap().as_bytes(), &mut out);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&v).unwrap());
        }
    }

    #[test]
    fn atomic_write_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/x.json");
        atomic_write(&p, b"{}").unwrap();
        atomic_write(&p, b"[1]").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"[1]");
        let names: Vec<_> = fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn the_corpus_writer_puts_lines_in_index_order_whatever_order_they_come_in() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutputDir::create(dir.path()).unwrap();
        let corpus = CorpusWriter::create(&out, 4).unwrap();
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
        let out = OutputDir::create(dir.path()).unwrap();
        fs::write(dir.path().join("corpus.jsonl"), "old\n").unwrap();
        let corpus = CorpusWriter::create(&out, 8).unwrap();
        corpus.submit(0, Some(b"new\n".to_vec()));
        drop(corpus);
        assert_eq!(
            fs::read_to_string(dir.path().join("corpus.jsonl")).unwrap(),
            "old\n"
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2); // corpus.jsonl, documents/
        // a missing line is an error at the commit, not a silent gap
        let corpus = CorpusWriter::create(&out, 8).unwrap();
        corpus.submit(1, Some(b"one\n".to_vec()));
        assert!(corpus.commit().is_err());
    }
}
