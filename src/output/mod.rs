//! Output stage: the output folder.
//!
//! ```text
//! DIR/corpus.jsonl          every document, compact, one per line, sorted by id
//! DIR/summary.json          corpus totals
//! DIR/errors.jsonl          one line per input that could not be analysed
//! DIR/manifest.json         tool version, codebook hash, input and output hashes, files written
//! DIR/tables/               analysis tables, Parquet or CSV (see [`crate::tables`])
//! DIR/documents/<id>.json   one document, pretty-printed (with --documents)
//! ```
//!
//! The folder is the user's: svtext writes into a new or empty folder, or
//! one it made itself (it holds svtext's `manifest.json`), or, with
//! `force`, beside other files. It replaces or removes only files that
//! its manifest (or the journal of a killed run, [`journal`]) says it
//! wrote, never writes through a symbolic link, and takes the operating
//! system's lock on the folder for the whole run ([`Lock`]).
//!
//! Every file is written to a temporary file in the same folder and renamed
//! into place ([`atomic_write`]), so a killed run never leaves a
//! half-written file; the next run removes the temporary files a killed run
//! left behind and repairs the folder.

mod atomic;
mod corpus;
mod format;
mod journal;
mod lock;
mod manifest;
mod paths;
mod streamed;

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Deserialize;

pub use atomic::{atomic_write, atomic_write_with, write_pretty};
pub use corpus::{CORPUS_FILE, CorpusWriter, HashingWriter, OldCorpus};
pub use format::{DocumentFormatter, to_vec_document};
pub use journal::{JOURNAL_FILE, Journal};
pub use lock::{LOCK_FILE, Lock};
pub use manifest::{
    DocEntry, DocRef, LineRef, MANIFEST_FILE, Manifest, ManifestHead, Spool, SpoolRange,
    content_hash, is_svtext_folder, read_manifest,
};
pub use paths::{document_file, document_files};
pub use streamed::StreamedFile;

use crate::error::{Error, Result};
use crate::outcome::InputError;
use crate::summary::Summary;

/// `summary.json`.
pub const SUMMARY_FILE: &str = "summary.json";
/// `errors.jsonl`.
pub const ERRORS_FILE: &str = "errors.jsonl";
/// The folder of the pretty document files.
pub const DOCUMENTS_DIR: &str = "documents";

/// The files every run writes at the top of the folder.
pub const TOP_FILES: [&str; 4] = [CORPUS_FILE, ERRORS_FILE, SUMMARY_FILE, MANIFEST_FILE];

/// The output folder of a run, locked for as long as this value lives.
#[derive(Debug)]
pub struct OutputDir {
    root: PathBuf,
    /// Files (relative paths) that svtext wrote before this run: named by
    /// the previous manifest or a killed run's journal.
    owned: HashSet<String>,
    journal: Journal,
    /// Folders under the root already checked to be real folders.
    checked: Mutex<HashSet<PathBuf>>,
    _lock: Lock,
}

impl OutputDir {
    /// Opens (and creates, if needed) the output folder and locks it.
    ///
    /// Fails, before anything is written, when the folder is not empty and
    /// not svtext's (no svtext manifest or journal) unless `force` is set,
    /// when another run holds it ([`Error::Locked`]), or when a file svtext
    /// must replace (`corpus.jsonl`, ...) is not svtext's or is a link.
    pub fn open(root: &Path, force: bool) -> Result<OutputDir> {
        check_folder(root, force)?;
        fs::create_dir_all(root).map_err(|source| Error::Write {
            path: root.to_path_buf(),
            source,
        })?;
        let lock = Lock::acquire(&lock::lock_path(root))?;
        let owned = owned_files(root);
        check_top_files(root, &owned)?;
        let journal = Journal::open(root)?;
        let dir = OutputDir {
            root: root.to_path_buf(),
            owned,
            journal,
            checked: Mutex::new(HashSet::new()),
            _lock: lock,
        };
        dir.remove_temp_files();
        Ok(dir)
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether svtext wrote `rel` (a path relative to the folder) before
    /// this run.
    pub fn owns(&self, rel: &str) -> bool {
        self.owned.contains(rel)
    }

    /// The files svtext wrote before this run (relative paths).
    pub fn owned(&self) -> &HashSet<String> {
        &self.owned
    }

    /// Removes the temporary files that a killed run left behind, in the
    /// places svtext writes: the folder itself, `documents/` and `tables/`
    /// (never following a link, never anywhere else).
    fn remove_temp_files(&self) {
        let walk = |dir: PathBuf, depth: usize| {
            let real_dir = fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir());
            if !real_dir {
                return;
            }
            let entries = walkdir::WalkDir::new(&dir).min_depth(1).max_depth(depth);
            for e in entries.into_iter().flatten() {
                if e.file_type().is_file() && atomic::is_temp_name(&e.file_name().to_string_lossy())
                {
                    let _ = fs::remove_file(e.path());
                }
            }
        };
        walk(self.root.clone(), 1);
        walk(self.root.join(DOCUMENTS_DIR), usize::MAX);
        walk(self.root.join("tables"), 1);
    }

    /// Makes sure the folders of `rel` exist under the root as real
    /// folders: creates missing ones, refuses a link or a file in the way.
    fn prepare_dirs(&self, rel: &str) -> Result<()> {
        let mut path = self.root.clone();
        let parent = Path::new(rel).parent().unwrap_or(Path::new(""));
        for comp in parent.components() {
            path.push(comp);
            if self
                .checked
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains(&path)
            {
                continue;
            }
            match fs::symlink_metadata(&path) {
                Ok(m) if m.file_type().is_symlink() => return Err(link_error(&path)),
                Ok(m) if m.is_dir() => {}
                Ok(_) => {
                    return Err(Error::Output {
                        path: path.clone(),
                        reason: "is a file where svtext needs a folder; it is not replaced".into(),
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    match fs::create_dir(&path) {
                        Ok(()) => {}
                        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                            // another worker made it: check it once more
                            if !fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
                                return Err(link_error(&path));
                            }
                        }
                        Err(source) => return Err(Error::Write { path, source }),
                    }
                }
                Err(source) => return Err(Error::Write { path, source }),
            }
            self.checked
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(path.clone());
        }
        Ok(())
    }

    /// Fails when `rel` exists and is not svtext's (or is a link).
    fn check_replace(&self, rel: &str) -> Result<()> {
        let path = self.root.join(rel);
        match fs::symlink_metadata(&path) {
            Err(_) => Ok(()),
            Ok(m) if m.file_type().is_symlink() => Err(link_error(&path)),
            Ok(_) if self.owned.contains(rel) => Ok(()),
            Ok(_) => Err(foreign_error(&path)),
        }
    }

    /// Writes one file below the folder (`rel` uses `/`), atomically, after
    /// recording it in the journal; creates its folders. Refuses to replace
    /// a file svtext did not write or to write through a link.
    pub fn write_file(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        self.prepare_dirs(rel)?;
        self.check_replace(rel)?;
        self.journal.record(rel)?;
        atomic_write(&self.root.join(rel), bytes)
    }

    /// Like [`OutputDir::write_file`], with the content written by `fill`.
    pub fn write_file_with(
        &self,
        rel: &str,
        fill: impl FnOnce(&mut BufWriter<&mut File>) -> std::io::Result<()>,
    ) -> Result<()> {
        self.prepare_dirs(rel)?;
        self.check_replace(rel)?;
        self.journal.record(rel)?;
        atomic_write_with(&self.root.join(rel), fill)
    }

    /// Starts a file below the folder that is written while the run goes
    /// (a table): recorded in the journal, its folders made, a temporary
    /// file until [`StreamedFile::commit`]. Refuses to replace a file
    /// svtext did not write or to write through a link.
    pub fn streamed_file(&self, rel: &str) -> Result<StreamedFile> {
        self.prepare_dirs(rel)?;
        self.check_replace(rel)?;
        self.journal.record(rel)?;
        StreamedFile::create(self.root.join(rel))
    }

    /// Starts `corpus.jsonl` (a temporary file until committed).
    pub fn corpus_writer(&self, window: usize) -> Result<CorpusWriter> {
        self.journal.record(CORPUS_FILE)?;
        CorpusWriter::create(&self.root, window)
    }

    /// A spool for the manifest's entries.
    pub fn spool(&self, name: &str) -> Result<Spool> {
        Spool::create(&self.root, name)
    }

    /// Removes every file svtext wrote before this run that this run did
    /// not write (`written`: relative paths), and the folders that leaves
    /// empty; returns how many document files it removed. A file that is
    /// now a link or a folder, or that svtext never wrote, is left alone.
    pub fn remove_stale(&self, written: &HashSet<String>) -> Result<usize> {
        let mut removed = 0;
        let mut dirs: HashSet<PathBuf> = HashSet::new();
        let mut stale: Vec<&String> = self
            .owned
            .iter()
            .filter(|f| !written.contains(*f) && !is_bookkeeping(f))
            .collect();
        stale.sort();
        for rel in stale {
            let path = self.root.join(rel);
            if !fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
                continue;
            }
            fs::remove_file(&path).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
            if rel.starts_with("documents/") {
                removed += 1;
            }
            let mut p = Path::new(rel.as_str());
            while let Some(parent) = p.parent() {
                if parent.as_os_str().is_empty() {
                    break;
                }
                dirs.insert(self.root.join(parent));
                p = parent;
            }
        }
        // deepest first, so parents empty out after their children; a
        // folder that still holds anything (the user's files) stays
        let mut dirs: Vec<PathBuf> = dirs.into_iter().collect();
        dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
        for d in dirs {
            let _ = fs::remove_dir(&d);
        }
        Ok(removed)
    }

    /// Writes `errors.jsonl`.
    pub fn write_errors(&self, errors: &[InputError]) -> Result<()> {
        self.write_file_with(ERRORS_FILE, |w| {
            for e in errors {
                serde_json::to_writer(&mut *w, e)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        })
    }

    /// Writes `summary.json`.
    pub fn write_summary(&self, summary: &Summary) -> Result<()> {
        self.write_file_with(SUMMARY_FILE, |w| {
            serde_json::to_writer_pretty(&mut *w, summary)?;
            w.write_all(b"\n")
        })
    }

    /// Writes `manifest.json` and ends the run's journal: from now on the
    /// manifest alone says what svtext wrote.
    pub fn finish(self, head: ManifestHead, docs: &[DocRef], spool: &Spool) -> Result<()> {
        self.journal.record(MANIFEST_FILE)?;
        manifest::write_manifest(&self.root.join(MANIFEST_FILE), head, docs, spool)?;
        self.journal.finish()
    }
}

impl OutputDir {
    /// Adds files written after a run (the report) to the folder's
    /// manifest, so that they are svtext's to replace or remove, and ends
    /// the journal. The folder must hold a manifest of this svtext version.
    pub fn add_to_manifest(self, names: &[&str]) -> Result<()> {
        let path = self.root.join(MANIFEST_FILE);
        let mut m = read_manifest(&self.root).ok_or_else(|| Error::Output {
            path: path.clone(),
            reason:
                "is missing or not a manifest of this svtext version; run `svtext analyze` first"
                    .into(),
        })?;
        m.files.extend(names.iter().map(|n| n.to_string()));
        m.files.sort();
        m.files.dedup();
        self.journal.record(MANIFEST_FILE)?;
        atomic_write_with(&path, |w| {
            let mut ser =
                serde_json::Serializer::with_formatter(&mut *w, DocumentFormatter::default());
            serde::Serialize::serialize(&m, &mut ser)?;
            w.write_all(b"\n")
        })?;
        self.journal.finish()
    }
}

/// svtext's own bookkeeping files, never listed as output nor removed.
fn is_bookkeeping(rel: &str) -> bool {
    rel == LOCK_FILE || rel == JOURNAL_FILE
}

/// Whether a file name is one of svtext's bookkeeping files in an output
/// folder: the lock, the journal, a temporary file.
pub fn is_bookkeeping_name(name: &str) -> bool {
    is_bookkeeping(name) || atomic::is_temp_name(name)
}

fn link_error(path: &Path) -> Error {
    Error::Output {
        path: path.to_path_buf(),
        reason: "is a symbolic link; svtext does not write through links in its output folder"
            .into(),
    }
}

fn foreign_error(path: &Path) -> Error {
    Error::Output {
        path: path.to_path_buf(),
        reason: "exists and was not written by svtext (its manifest.json does not list it); \
                 svtext does not replace it"
            .into(),
    }
}

/// Refuses a folder that is not empty and not svtext's, unless `force`.
/// Reads only: nothing is created before the folder is accepted.
fn check_folder(root: &Path, force: bool) -> Result<()> {
    let meta = match fs::metadata(root) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(Error::Read {
                path: root.to_path_buf(),
                source,
            });
        }
    };
    if !meta.is_dir() {
        return Err(Error::Output {
            path: root.to_path_buf(),
            reason: "is not a folder".into(),
        });
    }
    let entries = fs::read_dir(root).map_err(|source| Error::Read {
        path: root.to_path_buf(),
        source,
    })?;
    let empty = entries.flatten().all(|e| e.file_name() == LOCK_FILE);
    if empty || force || is_svtext_folder(root) || journal::has_journal(root) {
        return Ok(());
    }
    Err(Error::Output {
        path: root.to_path_buf(),
        reason: "is not empty and holds no svtext manifest.json, so svtext did not make it. \
                 svtext writes only into a new or empty folder or one it made; choose another \
                 --out, or pass --force to write beside the files there (svtext never removes \
                 or replaces a file it did not write)"
            .into(),
    })
}

/// The files svtext wrote in `root` before this run: those the manifest
/// names (read loosely, so that a manifest of another version counts), the
/// top files when the folder is svtext's, and those a killed run's journal
/// names.
fn owned_files(root: &Path) -> HashSet<String> {
    #[derive(Deserialize, Default)]
    struct Loose {
        #[serde(default)]
        files: Vec<String>,
        #[serde(default)]
        documents: Vec<LooseDoc>,
    }
    #[derive(Deserialize)]
    struct LooseDoc {
        #[serde(default)]
        file: Option<String>,
    }
    let mut owned = journal::read_journal(root);
    if is_svtext_folder(root) {
        owned.extend(TOP_FILES.iter().map(|f| f.to_string()));
        let loose: Loose = fs::read(root.join(MANIFEST_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        owned.extend(loose.files);
        owned.extend(loose.documents.into_iter().filter_map(|d| d.file));
    }
    // only paths that stay inside the folder count
    owned.retain(|f| {
        Path::new(f)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
    });
    owned
}

/// Refuses to start when a file svtext must replace at the top of the
/// folder exists but is not svtext's, or is a link.
fn check_top_files(root: &Path, owned: &HashSet<String>) -> Result<()> {
    for name in TOP_FILES.iter().chain(&[JOURNAL_FILE]) {
        let path = root.join(name);
        match fs::symlink_metadata(&path) {
            Err(_) => {}
            Ok(m) if m.file_type().is_symlink() => return Err(link_error(&path)),
            Ok(_) if *name == JOURNAL_FILE && journal::has_journal(root) => {}
            Ok(_) if owned.contains(*name) => {}
            Ok(_) => return Err(foreign_error(&path)),
        }
    }
    Ok(())
}

#[cfg(unix)]
pub(crate) fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
pub(crate) fn read_at(mut file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_foreign_non_empty_folder_is_refused_unless_forced_and_nothing_is_created() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("thesis.docx"), "mine").unwrap();
        let err = OutputDir::open(dir.path(), false).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "nothing created"
        );
        let out = OutputDir::open(dir.path(), true).unwrap();
        drop(out);
        assert_eq!(
            fs::read_to_string(dir.path().join("thesis.docx")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn a_foreign_file_is_never_replaced_nor_removed() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("documents/thesis")).unwrap();
        fs::write(dir.path().join("documents/thesis/chapter1.docx"), "mine").unwrap();
        fs::write(dir.path().join("documents/a.json"), "mine too").unwrap();
        let out = OutputDir::open(dir.path(), true).unwrap();
        let err = out.write_file("documents/a.json", b"{}").unwrap_err();
        assert!(err.to_string().contains("not written by svtext"), "{err}");
        out.write_file("documents/b.json", b"{}").unwrap();
        let removed = out.remove_stale(&HashSet::new()).unwrap();
        assert_eq!(removed, 0);
        assert_eq!(
            fs::read_to_string(dir.path().join("documents/a.json")).unwrap(),
            "mine too"
        );
        assert!(dir.path().join("documents/thesis/chapter1.docx").exists());
    }

    #[test]
    fn a_foreign_top_file_stops_the_run_before_it_starts() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("summary.json"), "{\"mine\": true}").unwrap();
        let err = OutputDir::open(dir.path(), true).unwrap_err();
        assert!(err.to_string().contains("summary.json"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_inside_the_folder_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        fs::create_dir(&root).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("documents")).unwrap();
        let out = OutputDir::open(&root, true).unwrap();
        let err = out.write_file("documents/a.json", b"{}").unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(fs::read_dir(outside.path()).unwrap().count(), 0);
    }

    #[test]
    fn the_files_a_killed_run_wrote_are_svtexts_for_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutputDir::open(dir.path(), false).unwrap();
        out.write_file("documents/x/a.json", b"{}").unwrap();
        drop(out); // killed before its manifest
        let out = OutputDir::open(dir.path(), false).unwrap();
        assert!(out.owns("documents/x/a.json"));
        assert_eq!(out.remove_stale(&HashSet::new()).unwrap(), 1);
        assert!(
            !dir.path().join("documents").exists(),
            "emptied folders go too"
        );
    }
}
