//! # svtext
//!
//! Turns Swedish articles into structured JSON for research. The pipeline
//! stages are modules, run in this order for every document:
//!
//! 1. [`ingest`]: find inputs, give each document an id, read and decode it;
//! 2. [`clean`]: take out boilerplate, bylines, dates and captions; keep
//!    title, headings and body as `text`;
//! 3. [`language`]: detect the language; tokens, sentences, stems,
//!    stopwords and readability;
//! 4. [`themes`]: tag codebook themes, compound-aware;
//! 5. [`speakers`]: find who speaks, in which role, for whom, and their quotes;
//! 6. [`output`]: write documents, `corpus.jsonl`, `summary.json`,
//!    `errors.jsonl` and `manifest.json`, atomically, and [`tables`]: the
//!    Parquet or CSV tables of documents, hits, quotes, speakers and tokens.
//!
//! [`report`] turns an output folder into `report.html`, a self-contained
//! page for a browser.
//!
//! [`pipeline`] chains the stages for one document ([`pipeline::analyze`])
//! and for a whole run ([`pipeline::run`]). Offsets inside the library are
//! byte offsets ([`span::Span`]); the JSON ([`document::Document`]) uses code
//! point offsets.

#![warn(missing_docs)]

pub mod clean;
pub mod document;
pub mod error;
pub mod ingest;
pub mod language;
pub mod names;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod span;
pub mod speakers;
pub mod summary;
pub mod tables;
pub mod themes;

#[cfg(test)]
mod test_support;

pub use document::Document;
pub use error::{Error, Result};
pub use pipeline::{Config, Report, analyze, run, run_stream};
