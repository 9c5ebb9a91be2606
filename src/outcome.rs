//! What became of an input that is not a document: an error line of
//! `errors.jsonl` ([`InputError`]) or a named skip in `summary.json`
//! ([`Skipped`]). Ingest makes them, the run collects them, output and
//! summary write them.

use std::path::Path;

use crate::error::Error;

/// An input that could not be read or analysed: one line of `errors.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InputError {
    /// The input file (`-` for standard input).
    pub path: String,
    /// For a JSON Lines record: its 1-based line number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The document id, when it was known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What went wrong, for a person to read.
    pub error: String,
}

impl InputError {
    /// An error entry for `err`, which happened while reading `path`.
    pub fn new(path: &Path, line: Option<usize>, id: Option<String>, err: &Error) -> Self {
        InputError {
            path: path.display().to_string(),
            line,
            id,
            error: err.to_string(),
        }
    }
}

/// A file or folder that discovery did not take, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Skipped {
    /// The file or folder.
    pub path: String,
    /// Why it was not analysed.
    pub reason: String,
}

impl Skipped {
    /// A skip of `path` for `reason`.
    pub fn new(path: &Path, reason: impl Into<String>) -> Self {
        Skipped {
            path: path.display().to_string(),
            reason: reason.into(),
        }
    }
}
