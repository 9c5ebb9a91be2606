//! `report.html`: a self-contained page that shows a run's output folder at
//! a glance — overview, themes over time, theme co-occurrence, speakers,
//! organisations and roles, hits and quotes in context, and a documents
//! table that opens each document's text with its hits and quotes marked.
//!
//! It is built from the folder's files only (`corpus.jsonl`,
//! `summary.json`, `manifest.json`, `errors.jsonl`), reading `corpus.jsonl`
//! one line at a time and keeping aggregates and bounded samples
//! ([`data`]). Charts are inline SVG drawn with `plotters` ([`charts`]);
//! the page comes from a minijinja template with its style and a little
//! plain JavaScript inlined: no network, no external files. The same folder
//! gives a byte-identical page.

pub mod charts;
pub mod data;
pub mod overview;
pub mod page;
pub mod sample;

use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::output::OutputDir;
use crate::summary::Summary;

/// The report's file name in the output folder.
pub const REPORT_FILE: &str = "report.html";
/// Lines of `errors.jsonl` listed in the overview.
pub const ERRORS_SHOWN: usize = 20;

/// The parts of `manifest.json` the report shows.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ManifestInfo {
    /// svtext version that wrote the folder.
    pub version: String,
    /// Document schema version.
    pub schema_version: String,
    /// The codebook file (`None`: the built-in one).
    pub codebook: Option<String>,
    /// SHA-256 of the codebook.
    pub codebook_hash: String,
    /// The run's INPUT arguments.
    pub inputs: Vec<String>,
}

/// The first lines of `errors.jsonl` and how many there are.
#[derive(Debug, Clone, Default)]
pub struct ErrorsInfo {
    /// Path and error of the first [`ERRORS_SHOWN`] lines.
    pub first: Vec<(String, String)>,
    /// All lines.
    pub total: usize,
}

fn bad(path: &Path, reason: impl std::fmt::Display) -> Error {
    Error::Report {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&bytes)
        .map_err(|e| bad(path, format!("not the file svtext writes ({e})")))
}

fn read_errors(path: &Path) -> Result<ErrorsInfo> {
    let mut info = ErrorsInfo::default();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(info),
        Err(source) => {
            return Err(Error::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    for line in std::io::BufReader::new(file).lines() {
        let line = line.map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        info.total += 1;
        if info.first.len() < ERRORS_SHOWN {
            let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
            let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            info.first.push((field("path"), field("error")));
        }
    }
    Ok(info)
}

/// Writes `DIR/report.html` from the output folder `dir` (which a run of
/// `svtext analyze` wrote) and returns its path. Holds the folder's lock
/// while it reads and writes, so it never reads a half-done run.
pub fn write_report(dir: &Path) -> Result<PathBuf> {
    let corpus = dir.join("corpus.jsonl");
    if !corpus.is_file() {
        return Err(Error::Usage(format!(
            "{} has no corpus.jsonl: give the output folder of `svtext analyze` (its --out DIR)",
            dir.display()
        )));
    }
    // the folder's lock, its ownership rules and its journal, as for a run
    let out = OutputDir::open(dir, false)?;
    let summary: Summary = read_json(&dir.join("summary.json"))?;
    let manifest: ManifestInfo = read_json(&dir.join("manifest.json"))?;
    let errors = read_errors(&dir.join("errors.jsonl"))?;
    let agg = data::Aggregates::read(&corpus)?;
    let folder = std::fs::canonicalize(dir)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| dir.display().to_string());
    let inputs = page::PageInputs {
        folder,
        summary: &summary,
        manifest: &manifest,
        errors: &errors,
    };
    let path = dir.join(REPORT_FILE);
    let html = page::render(agg, &inputs).map_err(|reason| bad(&path, reason))?;
    out.write_file(REPORT_FILE, html.as_bytes())?;
    out.add_to_manifest(&[REPORT_FILE])?;
    Ok(path)
}
