//! A run over files and folders into an output folder ([`run`]):
//! discovery, the parallel analysis in id order, `corpus.jsonl` written as
//! documents finish, then errors, summary and manifest.
//!
//! Incremental: where the folder's manifest comes from the same svtext
//! version and codebook, a document is kept when its input bytes are
//! unchanged **and** its line in the old `corpus.jsonl` (and its document
//! file, with `--documents`) is exactly the one the manifest describes;
//! anything else is analysed afresh.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use super::{
    AnalyzeOptions, Config, Progress, Report, analyze_in_batch, evidence, guard_panic,
    load_codebook, thread_pool,
};
use crate::clean::batch::Recurring;
use crate::error::{Error, Result};
use crate::ingest::{self, DiscoverOptions, InputError, OutputFolder, Unit};
use crate::output::{
    self, CorpusWriter, DocEntry, DocRef, LineRef, Manifest, ManifestHead, OldCorpus, OutputDir,
    Spool, TOP_FILES, content_hash,
};
use crate::summary::{DocStats, SummaryBuilder};
use crate::tables::{DocTables, Prepared, Schemas, TableWriter};
use crate::themes::Codebook;

/// How many documents a worker may run ahead of the first one whose
/// `corpus.jsonl` line is not yet written (their lines wait in memory).
const CORPUS_WINDOW: usize = 64;

/// Documents whose text is longer than this are written straight into
/// `corpus.jsonl` (and their document file) when their turn comes, instead
/// of through a buffer: their JSON is some twenty times their text.
const STREAM_ABOVE: usize = 1 << 20;

/// What became of a unit's `corpus.jsonl` line.
enum Line {
    /// The line, to be handed to the writer.
    Buffered(Vec<u8>),
    /// Already written in its turn.
    Written,
    /// No line: the unit failed.
    Missing,
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
    summary: Mutex<SummaryBuilder>,
    entries: Spool,
}

impl Sinks {
    /// Folds a finished document in and keeps only its [`DocRef`].
    fn keep(&self, entry: &DocEntry) -> Result<DocRef> {
        self.summary
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .add(&entry.stats);
        let mut line = serde_json::to_vec(entry).map_err(|e| Error::Write {
            path: PathBuf::from(output::MANIFEST_FILE),
            source: e.into(),
        })?;
        line.push(b'\n');
        Ok(DocRef {
            entry: self.entries.append(&line)?,
            id: entry.id.clone(),
            file: entry.file.clone(),
            line_len: entry.output.as_ref().map_or(0, |o| o.len),
        })
    }
}

/// What the workers share: the run's fixed inputs.
struct Shared<'a> {
    codebook: &'a Codebook,
    options: &'a AnalyzeOptions,
    out: &'a OutputDir,
    sinks: &'a Sinks,
    previous: BTreeMap<&'a str, &'a DocEntry>,
    old: OldCorpus,
    max_bytes: u64,
    /// The tables being written, and their columns.
    tables: Option<&'a TableWriter>,
    schemas: &'a Schemas,
}

impl Shared<'_> {
    /// A document's table rows, ready for the writer (`None` without tables).
    fn rows(&self, doc: &crate::Document) -> Result<Option<Prepared>> {
        let Some(t) = self.tables else {
            return Ok(None);
        };
        Ok(Some(t.prepare(DocTables::of(doc, self.schemas)?)))
    }

    /// The table rows of a kept document, from its kept line.
    fn rows_of_line(&self, line: &[u8]) -> Result<Option<Prepared>> {
        let Some(t) = self.tables else {
            return Ok(None);
        };
        Ok(Some(t.prepare(DocTables::of_line(line, self.schemas)?)))
    }
}

/// Analyses every input of `config.inputs` into `config.out`.
///
/// The output folder must be new, empty or svtext's (or `config.force`);
/// it is locked for the run. Documents are analysed in parallel and in id
/// order; every file is written atomically; what was there before is
/// replaced or removed only where svtext wrote it.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let input = dir.path().join("artiklar");
/// std::fs::create_dir(&input).unwrap();
/// std::fs::write(input.join("a.txt"), "Rubrik\n\nKommunen tar ansvar, säger Eva Lind.").unwrap();
/// let config = svtext::Config {
///     inputs: vec![input],
///     out: dir.path().join("ut"),
///     quiet: true,
///     ..Default::default()
/// };
/// let report = svtext::run(&config, &|_| {})?;
/// assert_eq!((report.analysed, report.failed), (1, 0));
/// assert!(dir.path().join("ut/corpus.jsonl").is_file());
/// # Ok::<(), svtext::Error>(())
/// ```
pub fn run(config: &Config, progress: &(dyn Fn(Progress) + Sync)) -> Result<Report> {
    let started = Instant::now();
    let options = AnalyzeOptions::of(config);
    options.check()?;
    let codebook = load_codebook(config)?;
    let pool = thread_pool(config.jobs)?;
    let out = OutputDir::open(&config.out, config.force)?;
    let discovery = ingest::discover(&config.inputs, &discover_options(config, &out));
    let manifest = output::read_manifest(out.root());
    let reusable = manifest.as_ref().filter(|m| {
        !config.full
            && m.version == env!("CARGO_PKG_VERSION")
            && m.codebook_hash == codebook.hash()
            && m.language == options.language
    });
    let sinks = Sinks {
        summary: Mutex::new(SummaryBuilder::new()),
        entries: out.spool("manifest")?,
    };
    let schemas = Schemas::of(&codebook);
    let tables = TableWriter::create(&out, config.tables, &schemas)?;
    let shared = Shared {
        codebook: &codebook,
        options: &options,
        out: &out,
        sinks: &sinks,
        previous: reusable
            .map(|m| m.documents.iter().map(|d| (d.id.as_str(), d)).collect())
            .unwrap_or_default(),
        old: OldCorpus::open(out.root()),
        max_bytes: config.max_bytes,
        tables: tables.as_ref(),
        schemas: &schemas,
    };
    // In id order, so that corpus.jsonl is written as documents finish.
    let mut units = discovery.units;
    units.sort_by(|a, b| a.id.cmp(&b.id));
    let files: Vec<Option<String>> = if config.documents {
        output::document_files(units.iter().map(|u| u.id.as_str()))
            .into_iter()
            .map(Some)
            .collect()
    } else {
        vec![None; units.len()]
    };
    let recurring = pool.install(|| evidence::recurring_lines(&units, config.max_bytes));
    let corpus = out.corpus_writer(CORPUS_WINDOW)?;
    let work = Work {
        units: &units,
        files: &files,
        recurring: &recurring,
    };
    let outcomes = pool.install(|| analyse_all(&work, &shared, &corpus, progress));
    drop(shared);

    let mut report = Report {
        skipped: discovery.skipped.len(),
        skipped_files: discovery.skipped,
        out: config.out.clone(),
        ..Report::default()
    };
    let mut errors = discovery.errors;
    let mut docs = Vec::new();
    for o in outcomes {
        match o {
            Outcome::Done { doc, fresh } => {
                *(if fresh {
                    &mut report.analysed
                } else {
                    &mut report.unchanged
                }) += 1;
                docs.push(doc);
            }
            Outcome::Failed(e) => errors.push(e),
        }
    }
    errors.sort_by(|a, b| (&a.path, a.line, &a.error).cmp(&(&b.path, b.line, &b.error)));
    report.failed = errors.len();
    report.removed = removed_documents(manifest.as_ref(), &docs);
    let summary = sinks
        .summary
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .finish(report.skipped_files.clone(), errors.len());
    let head = ManifestHead {
        codebook: config.codebook.as_ref().map(|p| p.display().to_string()),
        codebook_hash: codebook.hash().to_string(),
        inputs: config
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        failed: errors.len(),
        skipped: report.skipped,
        language: options.language.clone(),
        files: TOP_FILES
            .iter()
            .map(|f| f.to_string())
            .chain(tables.iter().flat_map(|t| t.files()))
            .collect(),
    };
    let end = End {
        corpus,
        tables,
        docs: &docs,
        errors: &errors,
        summary: &summary,
    };
    finish_folder(out, end, head, &sinks.entries).map_err(|e| name_first_failure(e, &errors))?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The discovery options of a run: the output folder and the files svtext
/// wrote there are never read as input.
fn discover_options(config: &Config, out: &OutputDir) -> DiscoverOptions {
    let mut files: HashSet<String> = out.owned().clone();
    files.extend(TOP_FILES.iter().map(|f| f.to_string()));
    DiscoverOptions {
        max_bytes: config.max_bytes,
        follow_links: config.follow,
        output: std::fs::canonicalize(out.root())
            .ok()
            .map(|root| OutputFolder { root, files }),
        is_output_folder: output::is_svtext_folder,
        is_bookkeeping: output::is_bookkeeping_name,
    }
}

/// The units of a run, in id order, with what each needs: its document
/// file (with `--documents`) and its recurring lines.
struct Work<'a> {
    units: &'a [Unit],
    files: &'a [Option<String>],
    recurring: &'a [Recurring],
}

/// Every worker thread takes the next unit until none is left; returns the
/// outcomes in unit order.
fn analyse_all(
    work: &Work,
    shared: &Shared,
    corpus: &CorpusWriter,
    progress: &(dyn Fn(Progress) + Sync),
) -> Vec<Outcome> {
    let units = work.units;
    progress(Progress::Start(units.len()));
    let done = AtomicUsize::new(0);
    let next = AtomicUsize::new(0);
    let per_thread: Vec<Vec<(usize, Outcome)>> = rayon::broadcast(|_| {
        let mut mine = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(unit) = units.get(i) else {
                break;
            };
            corpus.wait_turn(i);
            let (outcome, line, rows) = guard_panic(
                || process_unit(work, i, shared, corpus),
                |reason| {
                    let failed = Outcome::Failed(internal_error(unit, reason));
                    (failed, Line::Missing, None)
                },
            );
            match line {
                Line::Buffered(l) => corpus.submit(i, Some(l)),
                Line::Missing => corpus.submit(i, None),
                Line::Written => {}
            }
            if let Some(t) = shared.tables {
                t.submit(i, rows);
            }
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(Progress::Done(n));
            mine.push((i, outcome));
        }
        mine
    });
    progress(Progress::Finish);
    let mut outcomes: Vec<(usize, Outcome)> = per_thread.into_iter().flatten().collect();
    outcomes.sort_by_key(|(i, _)| *i);
    outcomes.into_iter().map(|(_, o)| o).collect()
}

fn internal_error(unit: &Unit, reason: String) -> InputError {
    let e = Error::Internal {
        path: unit.path.clone(),
        reason,
    };
    InputError::new(
        &unit.path,
        unit.record.map(|r| r.line),
        Some(unit.id.clone()),
        &e,
    )
}

/// One unit: kept from the previous run when nothing changed, else read,
/// analysed and written. Returns its outcome, its `corpus.jsonl` line and
/// its table rows.
fn process_unit(
    work: &Work,
    index: usize,
    shared: &Shared,
    corpus: &CorpusWriter,
) -> (Outcome, Line, Option<Prepared>) {
    let unit = &work.units[index];
    let file = work.files[index].as_deref();
    let recurring = &work.recurring[index];
    let recurring_key = recurring.key();
    let line_no = unit.record.map(|r| r.line);
    let fail = |e: &Error| {
        let e = InputError::new(&unit.path, line_no, Some(unit.id.clone()), e);
        (Outcome::Failed(e), Line::Missing, None)
    };
    let bytes = match ingest::read_bytes(unit, shared.max_bytes) {
        Ok(b) => b,
        Err(e) => return fail(&e),
    };
    let hash = ingest::sha256_hex(&bytes);
    let path = unit.path.display().to_string();
    if let Some(prev) = shared.previous.get(unit.id.as_str())
        && prev.recurring == recurring_key
        && let Some(line) = kept_line(prev, &hash, &path, line_no, file, shared)
        && let Ok(rows) = shared.rows_of_line(&line)
    {
        return match shared.sinks.keep(prev) {
            Ok(doc) => (
                Outcome::Done { doc, fresh: false },
                Line::Buffered(line),
                rows,
            ),
            Err(e) => fail(&e),
        };
    }
    let raw = match ingest::load(unit, &bytes, hash.clone()) {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    drop(bytes);
    let doc = match analyze_in_batch(&raw, shared.codebook, shared.options, recurring) {
        Ok(d) => d,
        Err(e) => return fail(&e),
    };
    let rows = match shared.rows(&doc) {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    let written = if doc.text.len() > STREAM_ABOVE {
        stream(&doc, index, file, shared.out, corpus)
    } else {
        serialise(&doc, file, shared.out)
    };
    let (line, output, file_hash) = match written {
        Ok(x) => x,
        // a streamed document has taken its turn in corpus.jsonl, even if it failed
        Err(e) if doc.text.len() > STREAM_ABOVE => {
            let e = InputError::new(&unit.path, line_no, Some(unit.id.clone()), &e);
            return (Outcome::Failed(e), Line::Written, None);
        }
        Err(e) => return fail(&e),
    };
    let entry = DocEntry {
        id: doc.id.clone(),
        file: file.map(str::to_string),
        file_hash,
        path,
        line: line_no,
        hash,
        recurring: recurring_key,
        output: Some(output),
        stats: DocStats::of(&doc),
    };
    drop(doc);
    match shared.sinks.keep(&entry) {
        Ok(doc) => (Outcome::Done { doc, fresh: true }, line, rows),
        Err(e) => fail(&e),
    }
}

/// The previous run's line of a document, when the document may be kept:
/// same input bytes, path and line, the same document file, and its line
/// (and file) on disk exactly as the manifest describes them.
fn kept_line(
    prev: &DocEntry,
    hash: &str,
    path: &str,
    line_no: Option<usize>,
    file: Option<&str>,
    shared: &Shared,
) -> Option<Vec<u8>> {
    if prev.hash != hash
        || prev.path != path
        || prev.line != line_no
        || prev.file.as_deref() != file
    {
        return None;
    }
    let line = shared.old.line(prev.output.as_ref()?)?;
    if let Some(f) = file {
        let on_disk = std::fs::read(shared.out.root().join(f)).ok()?;
        if prev.file_hash.as_deref() != Some(content_hash(&on_disk).as_str()) {
            return None;
        }
    }
    Some(line)
}

/// What writing a document gives: its line (to hand in), where the line
/// is described in the manifest, and its document file's hash.
type Written = (Line, LineRef, Option<String>);

/// A document's `corpus.jsonl` line (with its newline), built in memory,
/// and, when it has a document file, that file written.
fn serialise(doc: &crate::Document, file: Option<&str>, out: &OutputDir) -> Result<Written> {
    let mut line = Vec::new();
    let mut file_hash = None;
    line.reserve(doc.text.len() * 20 + 2048);
    serde_json::to_writer(&mut line, doc).map_err(|e| Error::Internal {
        path: PathBuf::from(&doc.source.path),
        reason: format!("the document does not serialise: {e}"),
    })?;
    match file {
        None => {}
        Some(file) => {
            let mut pretty = output::to_vec_document(doc).map_err(|e| Error::Internal {
                path: PathBuf::from(&doc.source.path),
                reason: format!("the document does not serialise: {e}"),
            })?;
            pretty.push(b'\n');
            out.write_file(file, &pretty)?;
            file_hash = Some(content_hash(&pretty));
        }
    }
    line.push(b'\n');
    let at = LineRef {
        offset: 0,
        len: line.len(),
        hash: content_hash(&line),
    };
    Ok((Line::Buffered(line), at, file_hash))
}

/// A large document written without buffers: its document file streamed
/// through serde, then its line streamed into `corpus.jsonl` in its turn.
/// The bytes are exactly those of [`serialise`].
fn stream(
    doc: &crate::Document,
    index: usize,
    file: Option<&str>,
    out: &OutputDir,
    corpus: &CorpusWriter,
) -> Result<Written> {
    let mut file_hash = None;
    if let Some(file) = file {
        let hash = std::cell::RefCell::new(String::new());
        let written = out.write_file_with(file, |w| {
            let mut h = output::HashingWriter::new(&mut *w);
            let mut ser = serde_json::Serializer::with_formatter(
                &mut h,
                output::DocumentFormatter::default(),
            );
            serde::Serialize::serialize(doc, &mut ser)?;
            h.write_all(b"\n")?;
            *hash.borrow_mut() = h.hash();
            Ok(())
        });
        if let Err(e) = written {
            // the document fails: its turn in corpus.jsonl passes empty
            corpus.submit(index, None);
            return Err(e);
        }
        file_hash = Some(hash.into_inner());
    }
    let (len, hash) = corpus.write_in_turn(index, |w| {
        serde_json::to_writer(w, doc).map_err(std::io::Error::from)
    })?;
    let at = LineRef {
        offset: 0,
        len,
        hash,
    };
    Ok((Line::Written, at, file_hash))
}

/// Documents of the previous run that this run no longer has.
fn removed_documents(previous: Option<&Manifest>, docs: &[DocRef]) -> usize {
    let Some(m) = previous else {
        return 0;
    };
    let now: HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    m.documents
        .iter()
        .filter(|d| !now.contains(d.id.as_str()))
        .count()
}

/// What a run hands to [`finish_folder`].
struct End<'a> {
    corpus: CorpusWriter,
    tables: Option<TableWriter>,
    docs: &'a [DocRef],
    errors: &'a [InputError],
    summary: &'a crate::summary::Summary,
}

/// The end of a run, in an order that a kill at any moment leaves
/// repairable: stale files removed, `corpus.jsonl` and the tables renamed
/// into place, then `errors.jsonl`, `summary.json` and last
/// `manifest.json` (until it is written the journal names every file this
/// run wrote). `head.files` lists every file written.
fn finish_folder(out: OutputDir, end: End, head: ManifestHead, entries: &Spool) -> Result<()> {
    let mut written: HashSet<String> = head.files.iter().cloned().collect();
    written.extend(end.docs.iter().filter_map(|d| d.file.clone()));
    out.remove_stale(&written)?;
    end.corpus.commit()?;
    if let Some(t) = end.tables {
        t.commit()?;
    }
    out.write_errors(end.errors)?;
    out.write_summary(end.summary)?;
    out.finish(head, end.docs, entries)
}

/// A failed write at the end of a run (a full disk) names the file it was
/// writing; when documents had failed to be written before, the message
/// names the first of them too, the write that failed first.
fn name_first_failure(e: Error, errors: &[InputError]) -> Error {
    let first = errors.iter().find(|x| x.error.starts_with("cannot write"));
    match (e, first) {
        (Error::Write { path, source }, Some(first)) => Error::Write {
            path,
            source: std::io::Error::new(
                source.kind(),
                format!("{source}; the first write that failed was: {}", first.error),
            ),
        },
        (e, _) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_final_write_names_the_first_write_that_failed() {
        let errors = vec![InputError {
            path: "in/a.txt".into(),
            line: None,
            id: Some("a".into()),
            error: "cannot write out/documents/a.json: No space left on device".into(),
        }];
        let e = Error::Write {
            path: "out/errors.jsonl".into(),
            source: std::io::Error::from(std::io::ErrorKind::StorageFull),
        };
        let msg = name_first_failure(e, &errors).to_string();
        assert!(msg.starts_with("cannot write out/errors.jsonl"), "{msg}");
        assert!(
            msg.contains("the first write that failed was: cannot write out/documents/a.json"),
            "{msg}"
        );
        let other = Error::Usage("x".into());
        assert_eq!(name_first_failure(other, &errors).to_string(), "x");
    }
}
