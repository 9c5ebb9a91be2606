//! Chains the stages: one document ([`analyze`]), a whole run over files and
//! folders ([`run`]), and the streaming standard-input mode ([`run_stream`]).

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use crate::clean::{self, Block};
use crate::document::{self, Document, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::ingest::{self, InputError, RawDoc, Unit};
use crate::language;
use crate::output::{self, DocEntry, DocRef, ManifestHead, OutputDir, Spool};
use crate::span::{CharCursor, CharOffsets, Span};
use crate::speakers;
use crate::summary::{DocStats, SummaryBuilder};
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
    /// Files skipped for an unknown extension.
    pub skipped: usize,
    /// Wall time in seconds.
    pub seconds: f64,
}

impl Report {
    /// The one-line summary printed on stderr at the end of a run.
    pub fn line(&self) -> String {
        format!(
            "svtext: {} analysed, {} unchanged, {} removed, {} failed, {} skipped in {:.1} s",
            self.analysed, self.unchanged, self.removed, self.failed, self.skipped, self.seconds
        )
    }
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
    let cleaned = clean::clean(raw);
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
    let (hits, found) = if swedish {
        (
            codebook.tag(text, &analysis.tokens, &analysis.sentences),
            speakers::find(
                text,
                &cleaned.blocks,
                &analysis.sentences,
                &analysis.tokens,
                &cleaned.metadata,
            ),
        )
    } else {
        (Vec::new(), no_speakers(&cleaned.blocks))
    };

    let map = CharOffsets::new(text);
    let mut metadata = cleaned.metadata.clone();
    metadata.fields = raw.fields.clone();

    let speaker_id = |i: usize| format!("S{}", i + 1);
    let (themes, speaker_themes) =
        document_themes(codebook, &hits, text, &map, &found, readability.words);

    let speakers_out = found
        .speakers
        .iter()
        .zip(speaker_themes)
        .enumerate()
        .map(|(i, (s, themes))| document::Speaker {
            id: speaker_id(i),
            name: s.name.clone(),
            roles: s.roles.clone(),
            organisations: s.organisations.clone(),
            mentions: s
                .mentions
                .iter()
                .map(|m| {
                    let (start, end) = map.span(*m);
                    document::Mention { start, end }
                })
                .collect(),
            quotes: s
                .quotes
                .iter()
                .map(|q| {
                    let (start, end) = map.span(q.span);
                    document::Quote {
                        start,
                        end,
                        kind: q.kind.as_str().to_string(),
                        cue: q.cue.clone(),
                    }
                })
                .collect(),
            themes,
        })
        .collect();

    let paragraphs = cleaned
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let (kind, speaker) = found.paragraphs.get(i).copied().unwrap_or((b.kind, None));
            let (start, end) = map.span(b.span);
            document::Paragraph {
                start,
                end,
                kind: kind.as_str().to_string(),
                speaker: speaker.map(speaker_id),
            }
        })
        .collect();
    let mut cursor = CharCursor::new(text);
    let sentences = analysis
        .sentences
        .iter()
        .map(|s| {
            let (start, end) = cursor.span(*s);
            document::Sentence { start, end }
        })
        .collect();
    let mut cursor = CharCursor::new(text);
    let tokens = analysis
        .tokens
        .iter()
        .map(|t| {
            let (start, end) = cursor.span(t.span);
            document::Token {
                text: document::CompactString::new(t.span.slice(text)),
                start,
                end,
                kind: std::borrow::Cow::Borrowed(t.kind.as_str()),
                stem: t.stem.clone(),
                stopword: t.stopword,
                sentence: t.sentence,
            }
        })
        .collect();

    Ok(Document {
        schema_version: SCHEMA_VERSION.to_string(),
        id: raw.id.clone(),
        source: raw.source.clone(),
        language: document::Language {
            code: lang.code.map(str::to_string),
            confidence: lang.confidence,
            reliable: lang.reliable,
        },
        metadata,
        text: cleaned.text.clone(),
        removed: cleaned.removed.clone(),
        paragraphs,
        sentences,
        tokens,
        themes,
        speakers: speakers_out,
        readability,
        warnings,
    })
}

/// The document's themes from the codebook's hits (in codebook order, only
/// themes with hits), and for each speaker the number of hits per theme
/// that lie inside their quotes.
fn document_themes(
    codebook: &Codebook,
    hits: &[crate::themes::ThemeHit],
    text: &str,
    map: &CharOffsets,
    found: &speakers::Speakers,
    words: usize,
) -> (Vec<document::Theme>, Vec<BTreeMap<String, usize>>) {
    // Which speaker's quote each hit lies in.
    let hit_speaker = |span: Span| -> Option<usize> {
        found
            .speakers
            .iter()
            .position(|s| s.quotes.iter().any(|q| q.span.contains(span)))
    };
    let speaker_id = |i: usize| format!("S{}", i + 1);
    let mut speaker_themes: Vec<BTreeMap<String, usize>> =
        vec![BTreeMap::new(); found.speakers.len()];
    let mut themes: Vec<document::Theme> = Vec::new();
    let words = words.max(1) as f64;
    for (ti, def) in codebook.themes().iter().enumerate() {
        let theme_hits: Vec<_> = hits.iter().filter(|h| h.theme == ti).collect();
        if theme_hits.is_empty() {
            continue;
        }
        let hits: Vec<document::Hit> = theme_hits
            .iter()
            .map(|h| {
                let speaker = hit_speaker(h.span);
                if let Some(s) = speaker {
                    *speaker_themes[s].entry(def.id.clone()).or_default() += 1;
                }
                let (start, end) = map.span(h.span);
                document::Hit {
                    text: h.span.slice(text).to_string(),
                    start,
                    end,
                    term: h.term.clone(),
                    match_kind: h.kind.as_str().to_string(),
                    sentence: h.sentence,
                    speaker: speaker.map(speaker_id),
                }
            })
            .collect();
        let count = hits.len();
        themes.push(document::Theme {
            id: def.id.clone(),
            label: def.label.clone(),
            count,
            per_1000_words: round2(count as f64 * 1000.0 / words),
            hits,
        });
    }
    (themes, speaker_themes)
}

fn no_speakers(blocks: &[Block]) -> speakers::Speakers {
    speakers::Speakers {
        speakers: Vec::new(),
        paragraphs: blocks.iter().map(|b| (b.kind, None)).collect(),
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
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

/// What happened to one unit.
enum Outcome {
    Done { doc: DocRef, fresh: bool },
    Failed(InputError),
}

/// Where finished documents go while the run goes on: their statistics
/// into the summary, their manifest entries into a spool (the manifest is
/// written at the end, when its head is known).
struct Sinks {
    summary: std::sync::Mutex<SummaryBuilder>,
    entries: Spool,
}

impl Sinks {
    /// Folds a finished document in and keeps only its [`DocRef`].
    fn keep(&self, entry: DocEntry) -> Result<DocRef> {
        self.summary
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .add(&entry.stats);
        let mut line = serde_json::to_vec(&entry).map_err(|e| Error::Write {
            path: PathBuf::from("manifest.json"),
            source: e.into(),
        })?;
        line.push(b'\n');
        Ok(DocRef {
            entry: self.entries.append(&line)?,
            id: entry.id,
            file: entry.file,
        })
    }
}

/// Analyses every input of `config.inputs` into `config.out`.
///
/// Incremental: where the output folder holds a manifest from the same tool
/// version and codebook, documents whose input hash is unchanged are kept
/// as they are. Every file is written atomically; a lock file keeps two runs
/// from writing the same folder.
pub fn run(config: &Config, progress: &(dyn Fn(Progress) + Sync)) -> Result<Report> {
    let started = Instant::now();
    let options = AnalyzeOptions::of(config);
    options.check()?;
    let codebook = load_codebook(config)?;
    let pool = thread_pool(config.jobs)?;
    let out = OutputDir::create(&config.out)?;
    let _lock = out.lock()?;
    out.remove_temp_files();

    let discovery = ingest::discover(&config.inputs, config.max_bytes);
    let previous = if config.full {
        None
    } else {
        out.read_manifest().filter(|m| {
            m.version == env!("CARGO_PKG_VERSION")
                && m.codebook_hash == codebook.hash()
                && m.language == options.language
        })
    };
    let previous: BTreeMap<&str, &DocEntry> = previous
        .as_ref()
        .map(|m| m.documents.iter().map(|d| (d.id.as_str(), d)).collect())
        .unwrap_or_default();

    let sinks = Sinks {
        summary: std::sync::Mutex::new(SummaryBuilder::new()),
        entries: Spool::create(&out, "manifest")?,
    };
    // In id order, so that corpus.jsonl is written as documents finish.
    let mut units = discovery.units;
    units.sort_by(|a, b| a.id.cmp(&b.id));
    let corpus = output::CorpusWriter::create(&out, CORPUS_WINDOW)?;
    let total = units.len();
    progress(Progress::Start(total));
    let done = AtomicUsize::new(0);
    let next = AtomicUsize::new(0);
    // Every worker thread takes the next unit until none is left.
    let per_thread: Vec<Vec<(usize, Outcome)>> = pool.broadcast(|_| {
        let mut mine = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(unit) = units.get(i) else {
                break;
            };
            corpus.wait_turn(i);
            let (outcome, line) = guard_unit(unit, || {
                let docs = (&codebook, &options);
                process_unit(unit, docs, &out, &sinks, &previous, config.max_bytes)
            });
            corpus.submit(i, line);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(Progress::Done(n));
            mine.push((i, outcome));
        }
        mine
    });
    progress(Progress::Finish);
    let mut outcomes: Vec<(usize, Outcome)> = per_thread.into_iter().flatten().collect();
    outcomes.sort_by_key(|(i, _)| *i);

    let mut report = Report {
        skipped: discovery.skipped.len(),
        ..Report::default()
    };
    let mut errors = discovery.errors;
    let mut docs = Vec::new();
    for (_, o) in outcomes {
        match o {
            Outcome::Done { doc, fresh } => {
                if fresh {
                    report.analysed += 1;
                } else {
                    report.unchanged += 1;
                }
                docs.push(doc);
            }
            Outcome::Failed(e) => errors.push(e),
        }
    }
    errors.sort_by(|a, b| (&a.path, a.line, &a.error).cmp(&(&b.path, b.line, &b.error)));
    report.failed = errors.len();

    report.removed = out.remove_stale_documents(&docs)?;
    out.write_errors(&errors)?;
    corpus.commit()?;
    let summary = sinks
        .summary
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .finish(report.skipped, errors.len());
    out.write_summary(&summary)?;
    let head = ManifestHead::new(config, &codebook, errors.len(), report.skipped);
    out.write_manifest(head, &docs, &sinks.entries)?;
    drop(sinks.entries);
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
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

fn process_unit(
    unit: &Unit,
    (codebook, options): (&Codebook, &AnalyzeOptions),
    out: &OutputDir,
    sinks: &Sinks,
    previous: &BTreeMap<&str, &DocEntry>,
    max_bytes: u64,
) -> (Outcome, Option<Vec<u8>>) {
    let line = unit.record.map(|r| r.line);
    let fail = |e: &Error| {
        let e = InputError::new(&unit.path, line, Some(unit.id.clone()), e);
        (Outcome::Failed(e), None)
    };
    let bytes = match ingest::read_bytes(unit, max_bytes) {
        Ok(b) => b,
        Err(e) => return fail(&e),
    };
    let hash = ingest::sha256_hex(&bytes);
    let file = output::document_file(&unit.id);
    if let Some(prev) = previous.get(unit.id.as_str())
        && prev.hash == hash
        && prev.file == file
        && prev.line == line
        && prev.path == unit.path.display().to_string()
        // an unreadable old file is analysed afresh
        && let Ok(corpus_line) = out.document_line(&file)
    {
        return match sinks.keep((*prev).clone()) {
            Ok(doc) => (Outcome::Done { doc, fresh: false }, Some(corpus_line)),
            Err(e) => fail(&e),
        };
    }
    let raw = match ingest::load(unit, &bytes, hash.clone()) {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    drop(bytes);
    let doc = match analyze_with(&raw, codebook, options) {
        Ok(d) => d,
        Err(e) => return fail(&e),
    };
    let corpus_line = match out.write_document(&file, &doc) {
        Ok(l) => l,
        Err(e) => return fail(&e),
    };
    let entry = DocEntry {
        id: doc.id.clone(),
        file,
        path: unit.path.display().to_string(),
        line,
        hash,
        stats: DocStats::of(&doc),
    };
    drop(doc);
    match sinks.keep(entry) {
        Ok(doc) => (Outcome::Done { doc, fresh: true }, Some(corpus_line)),
        Err(e) => fail(&e),
    }
}

/// How many documents a worker may run ahead of the first one whose
/// `corpus.jsonl` line is not yet written (their lines wait in memory).
const CORPUS_WINDOW: usize = 64;

/// Runs `f` (the whole work on `unit`) so that a panic, which would be a
/// bug, becomes that input's error line instead of ending the run.
fn guard_unit(
    unit: &Unit,
    f: impl FnOnce() -> (Outcome, Option<Vec<u8>>),
) -> (Outcome, Option<Vec<u8>>) {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let line = unit.record.map(|r| r.line);
        let e = Error::Internal {
            path: unit.path.clone(),
            reason: panic_message(payload.as_ref()),
        };
        let e = InputError::new(&unit.path, line, Some(unit.id.clone()), &e);
        (Outcome::Failed(e), None)
    })
}

/// The message of a panic's payload.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// The streaming mode behind `svtext analyze -`: reads JSON Lines records
/// (`{"id": ..., "text": ..., ...}`) from `input` and writes one compact
/// document per line to `output`, in input order. A broken record becomes
/// `{"id": ..., "error": ...}` on its line.
///
/// A reader thread feeds a bounded queue; each batch is whatever records
/// have arrived (at least one, at most a few per worker thread), analysed in
/// parallel, written and flushed. So a slow producer gets each document
/// back as soon as it is done, without more input or the end of it, a fast
/// one keeps every worker busy, and memory is bounded by two batches.
pub fn run_stream<R: BufRead + Send + 'static>(
    input: R,
    output: &mut dyn Write,
    codebook: &Codebook,
    jobs: Option<usize>,
    max_bytes: u64,
) -> Result<Report> {
    let options = AnalyzeOptions::default();
    run_stream_with(input, output, (codebook, &options), jobs, max_bytes)
}

/// [`run_stream`] with [`AnalyzeOptions`] (a forced language).
pub fn run_stream_with<R: BufRead + Send + 'static>(
    input: R,
    output: &mut dyn Write,
    (codebook, options): (&Codebook, &AnalyzeOptions),
    jobs: Option<usize>,
    max_bytes: u64,
) -> Result<Report> {
    options.check()?;
    let started = Instant::now();
    let pool = thread_pool(jobs)?;
    let batch_size = pool.current_num_threads() * 16;
    let mut report = Report::default();
    let write_err = |source| Error::Write {
        path: PathBuf::from("-"),
        source,
    };
    let read_err = |source| Error::Read {
        path: PathBuf::from("-"),
        source,
    };
    let (tx, rx) = std::sync::mpsc::sync_channel(batch_size);
    // Detached: if writing fails, the run ends without waiting for input.
    std::thread::Builder::new()
        .name("svtext-stdin".to_string())
        .spawn(move || read_records(input, &tx, max_bytes))
        .map_err(|e| Error::Usage(format!("cannot start the input thread: {e}")))?;
    // Wait for the first record of a batch, then take what is already there.
    while let Ok(first) = rx.recv() {
        let mut batch: Vec<StreamRecord> = Vec::with_capacity(batch_size);
        batch.push(first.map_err(read_err)?);
        while batch.len() < batch_size {
            match rx.try_recv() {
                Ok(record) => batch.push(record.map_err(read_err)?),
                Err(_) => break,
            }
        }
        let results: Vec<std::result::Result<Document, InputError>> = pool.install(|| {
            batch
                .par_iter()
                .map(|(line, bytes)| {
                    guard_record(*line, bytes, || {
                        stream_record(*line, bytes, (codebook, options))
                    })
                })
                .collect()
        });
        for result in results {
            match result {
                Ok(doc) => {
                    serde_json::to_writer(&mut *output, &doc).map_err(|e| write_err(e.into()))?;
                    report.analysed += 1;
                }
                Err(err) => {
                    let obj =
                        serde_json::json!({"id": err.id, "line": err.line, "error": err.error});
                    serde_json::to_writer(&mut *output, &obj).map_err(|e| write_err(e.into()))?;
                    report.failed += 1;
                }
            }
            output.write_all(b"\n").map_err(write_err)?;
        }
        output.flush().map_err(write_err)?;
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// One input line for [`run_stream`]: its line number and its bytes, or why
/// it is not analysed (too long).
type StreamRecord = (usize, std::result::Result<Vec<u8>, String>);

/// The reader thread of [`run_stream`]: sends every non-blank line, until
/// the end of the input, a read error (sent too) or the receiver is gone.
fn read_records(
    mut input: impl BufRead,
    tx: &std::sync::mpsc::SyncSender<std::io::Result<StreamRecord>>,
    max_bytes: u64,
) {
    let mut line_no = 0usize;
    loop {
        let mut buf = Vec::new();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => return,
            Ok(_) => {}
            Err(e) => {
                let _ = tx.send(Err(e));
                return;
            }
        }
        line_no += 1;
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        if line_no == 1 && buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
            buf.drain(..3);
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record = if buf.len() as u64 > max_bytes {
            Err(format!(
                "the record is longer than the limit of {max_bytes} bytes"
            ))
        } else {
            Ok(buf)
        };
        if tx.send(Ok((line_no, record))).is_err() {
            return;
        }
    }
}

fn stream_record(
    line: usize,
    bytes: &std::result::Result<Vec<u8>, String>,
    (codebook, options): (&Codebook, &AnalyzeOptions),
) -> std::result::Result<Document, InputError> {
    let path = Path::new("-");
    let err = |id: Option<String>, reason: String| {
        let e = Error::Record {
            path: path.to_path_buf(),
            line,
            reason,
        };
        Err(InputError::new(path, Some(line), id, &e))
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(reason) => return err(None, reason.clone()),
    };
    let id = match ingest::record_id(bytes) {
        Ok(Some(id)) => id,
        Ok(None) => format!("stdin/{line}"),
        Err(reason) => return err(None, reason),
    };
    let (text, fields) = match ingest::parse_record(bytes, path, line) {
        Ok(x) => x,
        Err(Error::Record { reason, .. }) => return err(Some(id), reason),
        Err(e) => return err(Some(id), e.to_string()),
    };
    let raw = RawDoc {
        id: id.clone(),
        source: document::Source {
            path: "-".to_string(),
            line: Some(line),
            format: "jsonl".to_string(),
            encoding: "UTF-8".to_string(),
            bytes: bytes.len() as u64,
            hash: ingest::sha256_hex(bytes),
        },
        format: ingest::Format::Jsonl,
        text,
        fields,
    };
    analyze_with(&raw, codebook, options).or_else(|e| err(Some(id), e.to_string()))
}

/// Runs `f` (the analysis of the record on `line`) so that a panic, which
/// would be a bug, becomes that record's error line instead of killing the
/// whole stream (and with it the task of the distributed engine piping
/// records through svtext).
fn guard_record(
    line: usize,
    bytes: &std::result::Result<Vec<u8>, String>,
    f: impl FnOnce() -> std::result::Result<Document, InputError>,
) -> std::result::Result<Document, InputError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let what = panic_message(payload.as_ref());
        let id = bytes
            .as_ref()
            .ok()
            .and_then(|b| ingest::record_id(b).ok().flatten());
        let path = Path::new("-");
        let e = Error::Record {
            path: path.to_path_buf(),
            line,
            reason: format!("internal error (a bug in svtext, please report it): {what}"),
        };
        Err(InputError::new(path, Some(line), id, &e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_on_one_input_becomes_its_error_line() {
        let unit = Unit {
            path: PathBuf::from("in/a.txt"),
            id: "a".to_string(),
            format: ingest::Format::Text,
            record: None,
        };
        let (outcome, line) = guard_unit(&unit, || panic!("boom i a.txt"));
        assert!(line.is_none());
        let Outcome::Failed(e) = outcome else {
            panic!("a panic must be a failure");
        };
        assert_eq!(e.path, "in/a.txt");
        assert_eq!(e.id.as_deref(), Some("a"));
        assert!(
            e.error.contains("boom i a.txt") && e.error.contains("internal error"),
            "{}",
            e.error
        );
    }

    #[test]
    fn a_panicking_record_becomes_an_error_with_its_id() {
        let bytes = Ok(br#"{"id": "kommun/1", "text": "Hej"}"#.to_vec());
        let got = guard_record(7, &bytes, || panic!("boom på rad sju"));
        let err = got.expect_err("a panic is an error");
        assert_eq!(err.id.as_deref(), Some("kommun/1"));
        assert_eq!(err.line, Some(7));
        assert!(err.error.contains("boom på rad sju"), "{}", err.error);
    }

    /// A reader that blocks until the test sends it more input; EOF when
    /// the sender is dropped.
    struct ChannelReader(std::sync::mpsc::Receiver<Vec<u8>>, Vec<u8>);

    impl std::io::Read for ChannelReader {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.1.is_empty() {
                match self.0.recv() {
                    Ok(chunk) => self.1 = chunk,
                    Err(_) => return Ok(0),
                }
            }
            let n = buf.len().min(self.1.len());
            buf[..n].copy_from_slice(&self.1[..n]);
            self.1.drain(..n);
            Ok(n)
        }
    }

    /// A writer that hands every write to the test.
    struct ChannelWriter(std::sync::mpsc::Sender<Vec<u8>>);

    impl Write for ChannelWriter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let _ = self.0.send(buf.to_vec());
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn each_document_comes_out_before_the_next_record_goes_in() {
        use std::sync::mpsc::channel;
        use std::time::Duration;
        let (in_tx, in_rx) = channel::<Vec<u8>>();
        let (out_tx, out_rx) = channel::<Vec<u8>>();
        let runner = std::thread::spawn(move || {
            let codebook = Codebook::builtin();
            let input = std::io::BufReader::new(ChannelReader(in_rx, Vec::new()));
            let mut output = ChannelWriter(out_tx);
            run_stream(input, &mut output, &codebook, Some(2), DEFAULT_MAX_BYTES)
        });
        let mut pending = Vec::new();
        let mut next_line = || -> serde_json::Value {
            loop {
                if let Some(pos) = pending.iter().position(|b| *b == b'\n') {
                    let line: Vec<u8> = pending.drain(..=pos).collect();
                    return serde_json::from_slice(&line).expect("one JSON object per line");
                }
                let chunk = out_rx
                    .recv_timeout(Duration::from_secs(60))
                    .expect("a document while the input is still open");
                pending.extend(chunk);
            }
        };
        let records = [
            r#"{"id": "kommun/1", "text": "Regionen inför e-tjänster för vården. Det säger Eva Lind."}"#,
            "",
            r#"{"id": "kommun/2", "title": "Utan text"}"#,
            r#"{"id": "kommun/3", "text": "Myndigheten digitaliserar arkivet under året."}"#,
        ];
        let mut seen = Vec::new();
        for record in records {
            in_tx.send(format!("{record}\n").into_bytes()).unwrap();
            if record.is_empty() {
                continue;
            }
            // The input stays open: the document must come anyway.
            let line = next_line();
            seen.push((line["id"].clone(), line.get("error").is_some()));
        }
        drop(in_tx);
        let report = runner.join().unwrap().expect("the stream runs");
        assert_eq!(
            seen,
            vec![
                (serde_json::json!("kommun/1"), false),
                (serde_json::json!("kommun/2"), true),
                (serde_json::json!("kommun/3"), false),
            ]
        );
        assert_eq!((report.analysed, report.failed), (2, 1));
    }

    #[test]
    fn a_record_that_does_not_panic_passes_through() {
        let codebook = Codebook::builtin();
        let bytes = Ok(
            r#"{"id": "kommun/2", "text": "Kommunen satsar på digitalisering. Det säger Anna Berg."}"#
                .as_bytes()
                .to_vec(),
        );
        let doc = guard_record(1, &bytes, || {
            stream_record(1, &bytes, (&codebook, &AnalyzeOptions::default()))
        })
        .expect("a plain record is analysed");
        assert_eq!(doc.id, "kommun/2");
        assert!(!doc.tokens.is_empty());
    }
}
