//! The streaming mode behind `svtext analyze -` ([`run_stream`]): JSON
//! Lines records in on standard input, one document (or error) per line out
//! on standard output, in input order, in bounded memory.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use super::{AnalyzeOptions, Report, analyze_with, guard_panic, thread_pool};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::ingest::{self, InputError, LineReader};
use crate::themes::Codebook;

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
                    guard_panic(
                        || stream_record(*line, bytes, (codebook, options)),
                        |what| Err(panicked_record(*line, bytes, what)),
                    )
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
/// A line longer than `max_bytes` is not kept in memory: it is read past
/// and sent as its error, and the stream goes on.
fn read_records(
    mut input: impl BufRead,
    tx: &std::sync::mpsc::SyncSender<std::io::Result<StreamRecord>>,
    max_bytes: u64,
) {
    let mut lines = LineReader::new(max_bytes);
    let mut line_no = 0usize;
    loop {
        let line = match lines.next(&mut input) {
            Ok(Some(l)) => l,
            Ok(None) => return,
            Err(e) => {
                let _ = tx.send(Err(e));
                return;
            }
        };
        line_no += 1;
        let record = if line.too_long {
            Err(format!(
                "the record is longer than the limit of {max_bytes} bytes"
            ))
        } else {
            let bytes = ingest::strip_bom(&lines.buf, line_no);
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            Ok(bytes.to_vec())
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
    let err = |id: Option<String>, e: &Error| Err(InputError::new(path, Some(line), id, e));
    let bytes = match bytes {
        Ok(b) => b,
        Err(reason) => {
            let e = Error::Record {
                path: path.to_path_buf(),
                line,
                reason: reason.clone(),
            };
            return err(None, &e);
        }
    };
    let id = match ingest::record_id(bytes) {
        Ok(Some(id)) => id,
        Ok(None) => format!("stdin/{line}"),
        Err(reason) => {
            let e = Error::Record {
                path: path.to_path_buf(),
                line,
                reason,
            };
            return err(None, &e);
        }
    };
    let raw = match ingest::load_record(path, line, &id, bytes, ingest::sha256_hex(bytes)) {
        Ok(raw) => raw,
        Err(e) => return err(Some(id), &e),
    };
    analyze_with(&raw, codebook, options).or_else(|e| err(Some(id), &e))
}

/// The error line of a record whose analysis panicked (a bug in svtext):
/// the whole stream (and the task of the distributed engine piping records
/// through svtext) goes on.
fn panicked_record(
    line: usize,
    bytes: &std::result::Result<Vec<u8>, String>,
    what: String,
) -> InputError {
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
    InputError::new(path, Some(line), id, &e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_record_becomes_an_error_with_its_id() {
        let bytes = Ok(br#"{"id": "kommun/1", "text": "Hej"}"#.to_vec());
        let got: std::result::Result<Document, InputError> = guard_panic(
            || panic!("boom på rad sju"),
            |w| Err(panicked_record(7, &bytes, w)),
        );
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
            run_stream(
                input,
                &mut output,
                &codebook,
                Some(2),
                super::super::DEFAULT_MAX_BYTES,
            )
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
        let doc = guard_panic(
            || stream_record(1, &bytes, (&codebook, &AnalyzeOptions::default())),
            |w| Err(panicked_record(1, &bytes, w)),
        )
        .expect("a plain record is analysed");
        assert_eq!(doc.id, "kommun/2");
        assert!(!doc.tokens.is_empty());
    }
}

#[cfg(test)]
mod bounded {
    use super::*;

    /// An endless line of zeros (`/dev/zero` piped in) is read past in
    /// bounded memory and becomes one error line.
    #[test]
    fn an_oversize_line_is_an_error_line_and_the_stream_goes_on() {
        let big = std::io::Read::take(std::io::repeat(b'x'), 50 << 20);
        let rest = &b"\n{\"id\": \"ok\", \"text\": \"Kommunen satsar.\"}\n"[..];
        let input = std::io::BufReader::new(std::io::Read::chain(big, rest));
        let mut out = Vec::new();
        let report = run_stream(input, &mut out, &Codebook::builtin(), Some(1), 1 << 20).unwrap();
        assert_eq!((report.analysed, report.failed), (1, 1));
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].contains("longer than the limit"), "{}", lines[0]);
        assert!(lines[1].contains("\"id\":\"ok\""));
    }
}
