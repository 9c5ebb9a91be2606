//! The journal: the files a run is about to write, appended before each
//! one is written and removed when the run's manifest is in place. A run
//! that is killed leaves it behind, and the next run reads it: the files
//! it names are svtext's, to be replaced or removed, even though no
//! manifest lists them yet. Without it, a folder in which the first run was
//! killed would hold files that no manifest claims.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// The journal's name in the output folder.
pub const JOURNAL_FILE: &str = ".svtext-journal";

/// The first line, which marks the file as svtext's.
const HEADER: &str = "svtext journal 1";

/// An open journal of the running run.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: Mutex<File>,
}

impl Journal {
    /// Opens the journal of `root` for appending (created if missing; what
    /// a killed run wrote into it stays, the next manifest covers it).
    pub fn open(root: &Path) -> Result<Journal> {
        let path = root.join(JOURNAL_FILE);
        let err = |source| Error::Write {
            path: path.clone(),
            source,
        };
        let fresh = !path.exists();
        let mut file = OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .map_err(err)?;
        if fresh {
            writeln!(file, "{HEADER}").map_err(err)?;
        }
        Ok(Journal {
            path,
            file: Mutex::new(file),
        })
    }

    /// Records that `rel` (a path relative to the output folder) is about
    /// to be written.
    pub fn record(&self, rel: &str) -> Result<()> {
        let mut f = self.file.lock().unwrap_or_else(|e| e.into_inner());
        // one write per line: lines of concurrent runs cannot interleave
        // (there are none: the folder is locked), nor can a kill cut a line
        // in two except at the very end
        let mut line = Vec::with_capacity(rel.len() + 1);
        line.extend_from_slice(rel.as_bytes());
        line.push(b'\n');
        f.write_all(&line).map_err(|source| Error::Write {
            path: self.path.clone(),
            source,
        })
    }

    /// Removes the journal: the manifest now lists everything it named.
    pub fn finish(self) -> Result<()> {
        drop(self.file);
        fs::remove_file(&self.path).map_err(|source| Error::Write {
            path: self.path.clone(),
            source,
        })
    }
}

/// The files a journal left by a killed run names (empty when there is
/// none or it is not svtext's).
pub fn read_journal(root: &Path) -> HashSet<String> {
    let Ok(text) = fs::read_to_string(root.join(JOURNAL_FILE)) else {
        return HashSet::new();
    };
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return HashSet::new();
    }
    lines
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `root` holds an svtext journal.
pub fn has_journal(root: &Path) -> bool {
    fs::read_to_string(root.join(JOURNAL_FILE))
        .map(|t| t.lines().next() == Some(HEADER))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_left_behind_names_its_files_and_a_finished_one_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(dir.path()).unwrap();
        j.record("documents/a.json").unwrap();
        j.record("corpus.jsonl").unwrap();
        drop(j); // killed
        assert!(has_journal(dir.path()));
        let named = read_journal(dir.path());
        assert!(named.contains("documents/a.json") && named.contains("corpus.jsonl"));
        let j = Journal::open(dir.path()).unwrap();
        j.record("summary.json").unwrap();
        assert_eq!(read_journal(dir.path()).len(), 3);
        j.finish().unwrap();
        assert!(!has_journal(dir.path()));
        assert!(read_journal(dir.path()).is_empty());
    }

    #[test]
    fn a_file_of_that_name_that_is_not_a_journal_names_nothing() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(JOURNAL_FILE), "my notes\nthesis.docx\n").unwrap();
        assert!(!has_journal(dir.path()));
        assert!(read_journal(dir.path()).is_empty());
    }
}
