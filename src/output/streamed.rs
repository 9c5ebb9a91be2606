//! [`StreamedFile`]: a file of the output folder written while the run
//! goes (the tables), to a temporary file renamed into place at the end.

use std::fs::{self, File};
use std::path::PathBuf;

use crate::error::{Error, Result};

/// A temporary file in the folder of its target, renamed to the target by
/// [`StreamedFile::commit`]; dropped without a commit (an error, a kill:
/// then the next run) the temporary file is removed.
#[derive(Debug)]
pub struct StreamedFile {
    tmp: PathBuf,
    path: PathBuf,
    file: Option<File>,
    committed: bool,
}

impl StreamedFile {
    /// Creates the temporary file for `path` (never opening a file that is
    /// already there).
    pub(crate) fn create(path: PathBuf) -> Result<StreamedFile> {
        let dir = path.parent().map(PathBuf::from).unwrap_or_default();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dir.join(format!(
            ".{name}{}{}-stream",
            super::atomic::TMP_MARK,
            std::process::id()
        ));
        let _ = fs::remove_file(&tmp);
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|source| Error::Write {
                path: tmp.clone(),
                source,
            })?;
        Ok(StreamedFile {
            tmp,
            path,
            file: Some(file),
            committed: false,
        })
    }

    /// The file to write into (once).
    pub fn take(&mut self) -> Result<File> {
        self.file.take().ok_or_else(|| Error::Write {
            path: self.path.clone(),
            source: std::io::Error::other("the file was already taken"),
        })
    }

    /// The file it becomes.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Renames the written temporary file into place.
    pub fn commit(mut self) -> Result<()> {
        drop(self.file.take());
        fs::rename(&self.tmp, &self.path).map_err(|source| Error::Write {
            path: self.path.clone(),
            source,
        })?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for StreamedFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}
