//! Chains the stages: one document ([`analyze`]), a whole run over files and
//! folders ([`run`], in `run.rs`), and the streaming standard-input mode
//! ([`run_stream`], in `stream.rs`).

mod evidence;
mod run;
mod stream;

use std::path::PathBuf;

pub use run::run;
pub use stream::{run_stream, run_stream_with};

use crate::clean::batch::Recurring;
use crate::clean::Block;
use crate::document::{self, Document};
use crate::error::{Error, Result};
use crate::ingest::{RawDoc, Skipped};
use crate::language;
use crate::span::Span;
use crate::speakers;
use crate::themes::Codebook;

/// Default largest input (file or JSON Lines record) that is analysed: 8 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 8 << 20;

/// What a run needs to know.
#[derive(Debug, Clone)]
pub struct Config {
    /// Files and folders to analyse (`-` alone: standard input, see [`run_stream`]).
    pub inputs: Vec<PathBuf>,
    /// The output folder.
    pub out: PathBuf,
    /// The codebook file; `None` for the built-in default.
    pub codebook: Option<PathBuf>,
    /// Worker threads; `None` for one per core.
    pub jobs: Option<usize>,
    /// No progress bar and no closing line on stderr.
    pub quiet: bool,
    /// Re-analyse everything, even documents the manifest says are unchanged.
    pub full: bool,
    /// Largest input analysed, in bytes.
    pub max_bytes: u64,
    /// Write into a non-empty folder that svtext did not make (never
    /// replacing or removing a file svtext did not write).
    pub force: bool,
    /// Also write each document, pretty-printed, to `documents/<id>.json`.
    pub documents: bool,
    /// Follow symbolic links inside input folders.
    pub follow: bool,
    /// The format of `DIR/tables/` (Parquet by default; `None`: no tables).
    pub tables: crate::tables::TableFormat,
    /// The language of every document (an ISO 639-1 code, `--language`);
    /// `None` detects it per document.
    pub language: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            inputs: vec![PathBuf::from("corpus")],
            out: PathBuf::from("output"),
            codebook: None,
            jobs: None,
            quiet: false,
            full: false,
            max_bytes: DEFAULT_MAX_BYTES,
            force: false,
            documents: false,
            follow: false,
            tables: crate::tables::TableFormat::Parquet,
            language: None,
        }
    }
}

/// How one document is analysed, beyond its codebook.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnalyzeOptions {
    /// Force this language (an ISO 639-1 code such as `sv`) instead of
    /// detecting it; see [`language::detect::iso639_1_code`] for the codes.
    pub language: Option<String>,
}

impl AnalyzeOptions {
    /// The options a run's [`Config`] asks for.
    pub fn of(config: &Config) -> AnalyzeOptions {
        AnalyzeOptions {
            language: config.language.clone(),
        }
    }

    /// The document's language: the forced one, or the detected one.
    /// Fails on a code that is not ISO 639-1.
    pub fn language_of(&self, text: &str) -> Result<language::LanguageInfo> {
        match self.language.as_deref() {
            None => Ok(language::detect(text)),
            Some(code) => language::LanguageInfo::forced(code).ok_or_else(|| {
                Error::Usage(format!(
                    "--language {code:?} is not an ISO 639-1 language code (such as sv, en, nb)"
                ))
            }),
        }
    }

    /// Fails (a usage error) when the options cannot be used.
    pub fn check(&self) -> Result<()> {
        if self.language.is_some() {
            self.language_of("")?;
        }
        Ok(())
    }
}

/// What a run did, for the closing line and the exit status.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Documents analysed in this run.
    pub analysed: usize,
    /// Documents whose output was kept because nothing changed.
    pub unchanged: usize,
    /// Output files removed because their input is gone.
    pub removed: usize,
    /// Inputs that failed (each is a line in `errors.jsonl`).
    pub failed: usize,
    /// Files and folders skipped.
    pub skipped: usize,
    /// Each skipped file or folder with the reason.
    pub skipped_files: Vec<Skipped>,
    /// The output folder (`-` for standard output).
    pub out: PathBuf,
    /// Wall time in seconds.
    pub seconds: f64,
}

impl Report {
    /// The one-line summary printed on stderr at the end of a run.
    pub fn line(&self) -> String {
        format!(
            "svtext: {} analysed, {} unchanged, {} removed, {} failed, {} skipped in {:.1} s; output in {}",
            self.analysed,
            self.unchanged,
            self.removed,
            self.failed,
            self.skipped,
            self.seconds,
            self.out.display()
        )
    }
}

/// Progress events, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub enum Progress {
    /// The run starts; this many documents to go.
    Start(usize),
    /// This many documents are done.
    Done(usize),
    /// All documents are done; files are being finished.
    Finish,
}

/// Analyses one decoded input into a document, detecting its language.
///
/// Fails only when cleaning leaves no text at all.
pub fn analyze(raw: &RawDoc, codebook: &Codebook) -> Result<Document> {
    analyze_with(raw, codebook, &AnalyzeOptions::default())
}

/// Analyses one decoded input into a document, with `options` (a forced
/// language).
///
/// Fails when cleaning leaves no text at all, or on a bad language code.
pub fn analyze_with(
    raw: &RawDoc,
    codebook: &Codebook,
    options: &AnalyzeOptions,
) -> Result<Document> {
    analyze_in_batch(raw, codebook, options, &Recurring::default())
}

/// [`analyze_with`] for a document of a batch: `recurring` are its lines
/// that recur in its source ([`clean::batch`]), removed as furniture.
pub fn analyze_in_batch(
    raw: &RawDoc,
    codebook: &Codebook,
    options: &AnalyzeOptions,
    recurring: &Recurring,
) -> Result<Document> {
    let cleaned = recurring.clean(raw);
    if cleaned.text.trim().is_empty() {
        return Err(Error::Empty {
            path: PathBuf::from(&raw.source.path),
        });
    }
    let text = &cleaned.text;
    let mut warnings = cleaned.warnings.clone();
    let lang = options.language_of(text)?;
    let swedish = lang.is_swedish();
    if !swedish {
        warnings.push(match lang.code {
            Some(code) => format!(
                "the text is not Swedish (detected \"{code}\"): no stems, themes or speakers"
            ),
            None => {
                "the language could not be told (too little text): no stems, themes or speakers"
                    .to_string()
            }
        });
    }
    let para_spans: Vec<Span> = cleaned.blocks.iter().map(|b| b.span).collect();
    let analysis = language::analyze(text, &para_spans, swedish);
    let readability = language::readability(text, &analysis.tokens, &analysis.sentences);
    let (hits, speakers) = if swedish {
        (
            codebook.tag(text, &analysis.tokens),
            speakers::find_on_page(
                text,
                &cleaned.blocks,
                &analysis.sentences,
                &cleaned.metadata,
                &cleaned.removed,
            ),
        )
    } else {
        (Vec::new(), no_speakers(&cleaned.blocks))
    };
    Ok(document::assemble(
        document::Stages {
            raw,
            cleaned: &cleaned,
            language: lang,
            analysis: &analysis,
            readability,
            hits: &hits,
            speakers: &speakers,
            warnings,
        },
        codebook,
    ))
}

fn no_speakers(blocks: &[Block]) -> speakers::Speakers {
    speakers::Speakers {
        speakers: Vec::new(),
        paragraphs: blocks.iter().map(|b| (b.kind, None)).collect(),
    }
}

/// Loads the configured codebook (or the built-in one).
pub fn load_codebook(config: &Config) -> Result<Codebook> {
    match &config.codebook {
        Some(path) => Codebook::load(path),
        None => Ok(Codebook::builtin()),
    }
}

fn thread_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs {
        builder = builder.num_threads(n);
    }
    builder.build().map_err(|e| {
        Error::Usage(format!(
            "cannot start {} worker threads: {e}",
            jobs.unwrap_or(0)
        ))
    })
}

/// Runs `f` so that a panic, which would be a bug, becomes `on_panic`'s
/// value (an input's error line) instead of ending the run.
fn guard_panic<T>(f: impl FnOnce() -> T, on_panic: impl FnOnce(String) -> T) -> T {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .unwrap_or_else(|payload| on_panic(panic_message(payload.as_ref())))
}

/// The message of a panic's payload.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}
