//! The library's one error type. Every variant names the file (and line,
//! where there is one) so that a line in `errors.jsonl` tells a person what
//! went wrong and where.

use std::path::PathBuf;

/// Everything that can go wrong while reading, analysing or writing.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// An output file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file that was being written.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file holds NUL bytes or other binary data, not text.
    #[error("{path} is a binary file, not text")]
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// The file is empty or holds only white space.
    #[error("{path} is empty: there is no text to analyse")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The bytes could not be decoded as text in any supported encoding.
    #[error("{path}: cannot decode the text ({reason})")]
    Encoding {
        /// The file.
        path: PathBuf,
        /// What is wrong with the bytes.
        reason: String,
    },
    /// A JSON Lines record is broken: not JSON, not an object, or without text.
    #[error("{path}:{line}: {reason}")]
    Record {
        /// The JSON Lines file (`-` for standard input).
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with the record.
        reason: String,
    },
    /// A bug in svtext showed while analysing this input (a panic, caught
    /// so that the run goes on).
    #[error("{path}: internal error (a bug in svtext, please report it): {reason}")]
    Internal {
        /// The input.
        path: PathBuf,
        /// The panic's message.
        reason: String,
    },
    /// The input is neither a regular file nor a folder (a FIFO, a device).
    #[error("{path} is {kind}, not a file or folder of articles; svtext reads only regular files")]
    NotAFile {
        /// The input.
        path: PathBuf,
        /// What it is.
        kind: &'static str,
    },
    /// The input is too large to analyse.
    #[error("{path} is too large ({bytes} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The configured limit.
        limit: u64,
    },
    /// A codebook file could not be parsed or is invalid.
    #[error("codebook {path}{}: {reason}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Codebook {
        /// The codebook file (`<built-in>` for the default).
        path: PathBuf,
        /// The 1-based line of the problem, when known.
        line: Option<usize>,
        /// What is wrong.
        reason: String,
    },
    /// The output folder is in use by another run.
    #[error(
        "{path} is held by another svtext run{}; wait for it to finish (the lock is released when that process ends)",
        holder.map(|p| format!(" (pid {p})")).unwrap_or_default()
    )]
    Locked {
        /// The lock file.
        path: PathBuf,
        /// The process that holds it, as written in the lock file.
        holder: Option<u32>,
    },
    /// The output folder, or a file or folder in it, is not one svtext may
    /// write: not svtext's, a symbolic link, a file where a folder belongs.
    #[error("{path} {reason}")]
    Output {
        /// The folder or file.
        path: PathBuf,
        /// Why svtext does not write it.
        reason: String,
    },
    /// The report could not be built from an output folder's files.
    #[error("cannot build the report from {path}: {reason}")]
    Report {
        /// The file that could not be used (or the report being written).
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A table's rows could not be built (see `docs/output.md`).
    #[error("table {table}: {reason}")]
    Table {
        /// The table (`documents`, `hits`, ...).
        table: String,
        /// What went wrong.
        reason: String,
    },
    /// Bad usage: the arguments do not make sense together.
    #[error("{0}")]
    Usage(String),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
