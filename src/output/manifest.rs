//! `manifest.json`: what produced the output folder, every file svtext
//! wrote there, and for every document the hash of its input and of its
//! `corpus.jsonl` line, so that the next run keeps a document only when
//! what is on disk is exactly what the manifest describes.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::atomic::{TMP_MARK, atomic_write_with};
use super::format::DocumentFormatter;
use crate::document::SCHEMA_VERSION;
use crate::error::{Error, Result};
use crate::summary::DocStats;

/// The manifest's name in the output folder.
pub const MANIFEST_FILE: &str = "manifest.json";

/// `manifest.json`.
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
    /// Files skipped (not a known format, not a regular file, ...).
    pub skipped: usize,
    /// The language forced with `--language`, or `null`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Every file svtext wrote in the folder, other than document files
    /// (those are in `documents`), sorted.
    #[serde(default)]
    pub files: Vec<String>,
    /// Every document written, sorted by id.
    pub documents: Vec<DocEntry>,
}

/// One analysed document in the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocEntry {
    /// Document id.
    pub id: String,
    /// Its pretty file (`documents/....json`), when documents are written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Hash of that file's bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_hash: Option<String>,
    /// The input file it came from.
    pub path: String,
    /// For a JSON Lines record: its line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// SHA-256 of the input bytes.
    pub hash: String,
    /// The key of its lines that recur in its source and were removed as
    /// furniture ([`crate::clean::batch::Recurring::key`]; empty: none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recurring: String,
    /// Its line in `corpus.jsonl`.
    #[serde(default)]
    pub output: Option<LineRef>,
    /// What the summary needs from it.
    pub stats: DocStats,
}

/// Where a document's line lies in `corpus.jsonl`, and its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineRef {
    /// Byte offset of the line.
    pub offset: u64,
    /// Length in bytes, newline included.
    pub len: usize,
    /// Hash of the line's bytes ([`content_hash`]).
    pub hash: String,
}

/// The hash svtext keeps of the files and lines it wrote: XXH3-128, hex.
/// It tells whether a file is still the one the manifest describes (after
/// a killed run, a user's edit); it is not a security measure.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
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
    /// Files skipped.
    pub skipped: usize,
    /// The language forced with `--language`.
    pub language: Option<String>,
    /// The files written other than documents.
    pub files: Vec<String>,
}

/// The manifest of `root`, when there is an svtext manifest there.
pub fn read_manifest(root: &Path) -> Option<Manifest> {
    let bytes = fs::read(root.join(MANIFEST_FILE)).ok()?;
    let m: Manifest = serde_json::from_slice(&bytes).ok()?;
    (m.tool == "svtext").then_some(m)
}

/// Whether `dir` holds an svtext manifest (checked by its `tool` field
/// only, so that a manifest of another version counts too).
pub fn is_svtext_folder(dir: &Path) -> bool {
    #[derive(Deserialize)]
    struct Tool {
        tool: String,
    }
    let path = dir.join(MANIFEST_FILE);
    // the file is tiny to check; a huge one is not svtext's head anyway
    let Ok(bytes) = fs::read(&path) else {
        return false;
    };
    serde_json::from_slice::<Tool>(&bytes).is_ok_and(|t| t.tool == "svtext")
}

/// What a run keeps in memory of each document until the end: its id and
/// where its manifest entry waits in the spool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRef {
    /// Document id.
    pub id: String,
    /// Its pretty file, when documents are written.
    pub file: Option<String>,
    /// Length of its `corpus.jsonl` line, newline included.
    pub line_len: usize,
    /// Its manifest entry (compact JSON) in the manifest spool.
    pub entry: SpoolRange,
}

/// A line in a spool file: byte offset and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpoolRange {
    /// Byte offset in the spool.
    pub offset: u64,
    /// Length in bytes, newline included.
    pub len: usize,
}

/// A spool: the manifest's document entries, appended as documents are
/// done, in completion order, and copied out in id order at the end. It is
/// a temporary file of the output folder, removed when dropped (or by the
/// next run, if this one is killed).
pub struct Spool {
    path: PathBuf,
    file: Mutex<(File, u64)>,
}

impl Spool {
    /// Creates a spool file named after `name` in `root`.
    pub fn create(root: &Path, name: &str) -> Result<Spool> {
        let path = root.join(format!(".{name}{TMP_MARK}{}-spool", std::process::id()));
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
        Ok(Spool {
            path,
            file: Mutex::new((file, 0)),
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
        super::read_at(&guard.0, &mut buf[start..], range.offset)
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Writes `manifest.json` at `path`: the run's facts, then every document's
/// entry (one per line, in the order of `docs`) from the spool, with its
/// line's offset in `corpus.jsonl` (the lines follow one another in the
/// order of `docs`).
pub fn write_manifest(
    path: &Path,
    head: ManifestHead,
    docs: &[DocRef],
    spool: &Spool,
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
        files: Vec<String>,
        documents: Spooled<'a>,
    }
    struct Spooled<'a> {
        docs: &'a [DocRef],
        spool: &'a Spool,
    }
    impl Serialize for Spooled<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            use serde::ser::{Error as _, SerializeSeq};
            let mut seq = s.serialize_seq(Some(self.docs.len()))?;
            let mut offset = 0u64;
            let mut buf = Vec::new();
            for d in self.docs {
                buf.clear();
                self.spool
                    .read(d.entry, &mut buf)
                    .map_err(S::Error::custom)?;
                let mut entry: DocEntry = serde_json::from_slice(&buf).map_err(S::Error::custom)?;
                if let Some(out) = &mut entry.output {
                    out.offset = offset;
                }
                offset += d.line_len as u64;
                seq.serialize_element(&entry)?;
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
        files: head.files,
        documents: Spooled { docs, spool },
    };
    atomic_write_with(path, |w| {
        let mut ser = serde_json::Serializer::with_formatter(&mut *w, DocumentFormatter::default());
        out.serialize(&mut ser)?;
        w.write_all(b"\n")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_manifest_whose_tool_is_svtext_marks_an_svtext_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!is_svtext_folder(dir.path()));
        fs::write(dir.path().join(MANIFEST_FILE), r#"{"name": "my-app"}"#).unwrap();
        assert!(!is_svtext_folder(dir.path()));
        fs::write(
            dir.path().join(MANIFEST_FILE),
            r#"{"tool": "svtext", "x": 1}"#,
        )
        .unwrap();
        assert!(is_svtext_folder(dir.path()));
        assert!(read_manifest(dir.path()).is_none(), "not a whole manifest");
    }

    #[test]
    fn content_hashes_differ_for_different_bytes() {
        assert_eq!(content_hash(b"a").len(), 32);
        assert_ne!(content_hash(b"a\n"), content_hash(b"b\n"));
        assert_eq!(content_hash(b"same"), content_hash(b"same"));
    }
}
