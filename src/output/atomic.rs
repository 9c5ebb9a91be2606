//! Atomic writes: every file is written to a temporary file in the same
//! folder and renamed into place, so that a reader (or the next run after
//! a kill) sees either the old file or the whole new one.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;

use crate::error::{Error, Result};

/// Marks temporary files: `.<name>.svtext-tmp-<pid>-<n>`.
pub(crate) const TMP_MARK: &str = ".svtext-tmp-";

/// Whether a file name is one of svtext's temporary files.
pub(crate) fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.contains(TMP_MARK)
}

/// Writes `bytes` to `path` through a temporary file in the same folder and
/// a rename, so that `path` is either the old file or the whole new one.
/// The folder must exist.
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

/// Writes a value as pretty JSON (with a final newline), atomically.
pub fn write_pretty<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    atomic_write_with(path, |w| {
        serde_json::to_writer_pretty(&mut *w, value)?;
        w.write_all(b"\n")
    })
}

/// Writes a temporary file beside `path` with `fill`, then renames it to
/// `path`. On failure the temporary file is removed.
fn atomic_write_file(
    path: &Path,
    fill: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
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
        // create_new: never open (and so never write through) a link or a
        // file that happens to be there
        let mut file = File::options().write(true).create_new(true).open(&tmp)?;
        fill(&mut file)?;
        drop(file);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.json");
        atomic_write(&p, b"{}").unwrap();
        atomic_write(&p, b"[1]").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"[1]");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_target_is_replaced_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside.txt");
        fs::write(&outside, "keep").unwrap();
        let p = dir.path().join("x.json");
        std::os::unix::fs::symlink(&outside, &p).unwrap();
        atomic_write(&p, b"{}").unwrap();
        assert_eq!(fs::read_to_string(&outside).unwrap(), "keep");
        assert!(!fs::symlink_metadata(&p).unwrap().file_type().is_symlink());
    }

    #[test]
    fn temp_names_are_recognised() {
        assert!(is_temp_name(".corpus.jsonl.svtext-tmp-12-0"));
        assert!(!is_temp_name("corpus.jsonl"));
        assert!(!is_temp_name("notes.svtext-tmp-.txt"));
    }
}
