//! # svtext
//!
//! Turns Swedish articles into structured JSON for research: cleaned text,
//! tokens with stems, sentences, codebook themes with evidence, speakers
//! with roles, organisations and quotes, and readability.
//!
//! ## The public API
//!
//! Everything a program needs is at the crate root, and this is the part
//! that is kept stable:
//!
//! * analyse one text: [`analyze`] (or [`analyze_with`] and
//!   [`AnalyzeOptions`]) turns a [`RawDoc`] into a [`Document`];
//! * run over files and folders into an output folder: [`run`] with a
//!   [`Config`] gives a [`Report`]; [`run_stream`] is the JSON Lines
//!   stream of `svtext analyze -`;
//! * load a codebook: [`Codebook::load`], or [`Codebook::builtin`];
//! * the document types: [`document`] (the JSON contract, field by field);
//! * errors: [`Error`], one enum whose variants name the file.
//!
//! ```
//! use svtext::{analyze, Codebook, Format, RawDoc};
//!
//! let text = "Kommunen satsar på AI\n\n– Vi måste ta ansvar, säger Eva Lind, it-chef i Ystads kommun.";
//! let doc = analyze(&RawDoc::in_memory("notis", text, Format::Text), &Codebook::builtin())?;
//! assert_eq!(doc.language.code.as_deref(), Some("sv"));
//! assert!(doc.themes.iter().any(|t| t.id == "ansvar"));
//! assert_eq!(doc.speakers[0].name, "Eva Lind");
//! // offsets are code points into `text`
//! let chars: Vec<char> = doc.text.chars().collect();
//! let s = &doc.speakers[0].mentions[0];
//! assert_eq!(chars[s.start..s.end].iter().collect::<String>(), "Eva Lind");
//! # Ok::<(), svtext::Error>(())
//! ```
//!
//! `examples/embed.rs` is a whole program built on it.
//!
//! [`codebook`] holds what `svtext codebook test` uses: counts,
//! concordances and a gold evaluation.
//!
//! ## The stages (internal)
//!
//! The modules below are the pipeline's stages, run in this order for every
//! document. They are `pub(crate)`: not part of the API, they change when
//! the rules do. The crate's own tests, benches and fuzz targets reach them
//! through the `internals` feature (the dev-dependency of the crate on
//! itself turns it on), which makes them public.
//!
//! 1. `ingest`: find inputs, give each document an id, read and decode it;
//! 2. `clean`: take out boilerplate, bylines, dates and captions; keep
//!    title, headings and body as `text`;
//! 3. `language`: detect the language; tokens, sentences, stems,
//!    stopwords and readability;
//! 4. `themes`: tag codebook themes, compound-aware;
//! 5. `speakers`: find who speaks, in which role, for whom, and their quotes;
//! 6. `document::assemble` builds the [`Document`]; `output` writes
//!    `corpus.jsonl`, `summary.json`, `errors.jsonl`, `manifest.json` (and
//!    `documents/`), atomically, in a folder it owns, and `tables` the Parquet
//!    or CSV tables of documents, hits, quotes, speakers and tokens.
//!
//! `pipeline` chains the stages for one document and for a run; `report`
//! turns an output folder into `report.html`. Offsets inside the library
//! are byte offsets (`span::Span`); the JSON uses code point offsets.

#![warn(missing_docs)]

pub mod document;
pub mod error;

/// Declares the stage modules: `pub` with the `internals` feature (the
/// crate's own tests and benches), `pub(crate)` without it.
macro_rules! stage_modules {
    ($($name:ident),* $(,)?) => {$(
        #[cfg(feature = "internals")]
        pub mod $name;
        #[cfg(not(feature = "internals"))]
        #[allow(dead_code, unused_imports)]
        pub(crate) mod $name;
    )*};
}

stage_modules!(
    clean, ingest, language, names, outcome, output, pipeline, report, span, speakers, summary,
    tables, themes,
);

#[cfg(test)]
mod test_support;

pub use clean::batch::{Batch, Recurring};
pub use document::Document;
pub use error::{Error, Result};
pub use ingest::{Format, RawDoc};
pub use language::detect::iso639_1_code as language_code;
pub use outcome::{InputError, Skipped};
pub use pipeline::load_codebook;
pub use pipeline::{
    AnalyzeOptions, Config, DEFAULT_MAX_BYTES, Progress, Report, analyze, analyze_in_batch,
    analyze_with, run, run_stream, run_stream_with,
};
pub use report::write_report;
pub use summary::{Summary, summarize_files};
pub use tables::TableFormat;
pub use themes::{Codebook, DEFAULT_CODEBOOK};

/// Testing a codebook on real text (`svtext codebook test`): hits and
/// documents per theme and term, concordances, terms the lexicon does not
/// know, exclusions that never fire ([`codebook::review`]), and precision
/// and recall on a gold file of labelled sentences ([`codebook::evaluate`]).
pub mod codebook {
    pub use crate::themes::gold::{
        Evidence, GoldItem, GoldReport, Mistake, Score, evaluate, load as load_gold,
        parse as parse_gold,
    };
    pub use crate::themes::review::{
        CONTEXT_CHARS, DEFAULT_PER_TERM, Failure, Kwic, Review, ReviewOptions, TermCount,
        ThemeCount, review,
    };
}
