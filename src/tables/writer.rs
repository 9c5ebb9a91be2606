//! [`TableWriter`]: the tables of a run, written in document order while
//! the run goes.
//!
//! Each worker hands in its document's rows ([`TableWriter::submit`]) as
//! soon as they are built, with the document's index in id order. For every
//! table, rows that arrive before their turn wait in a queue; whichever
//! worker finds the table's file free writes every queued batch whose turn
//! has come, while the others go back to analysing (so encoding the tokens
//! table and analysing the next document overlap). A worker that finds a
//! queue grown past the window waits for the file and helps write, which
//! keeps memory bounded.
//!
//! Parquet files are written by `parquet`'s `ArrowWriter` (zstd, row groups
//! of up to 131,072 rows flushed as they fill; offsets and counts delta
//! encoded); CSV rows are formatted by the worker and only copied here.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::sync::{Mutex, MutexGuard, TryLockError};

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, Encoding, ZstdLevel};
use parquet::file::properties::WriterProperties;
use parquet::schema::types::ColumnPath;

use super::{DocTables, Schemas, Table, TableFormat, csv};
use crate::error::{Error, Result};
use crate::output::{OutputDir, StreamedFile};

/// How many documents' rows may wait for one table before a worker waits
/// for its file instead of going on.
const WINDOW: usize = 64;

/// Rows per Parquet row group: 131,072, about DuckDB's own (readers
/// parallelise by row group; on the whole interpellation corpus 1,048,576
/// made the tables 7 % smaller and the run's peak memory 10-20 MB larger).
const ROW_GROUP_ROWS: usize = 1 << 17;

/// One document's rows, ready for the table files: Arrow batches for
/// Parquet, formatted lines for CSV.
pub enum Prepared {
    /// Batches in the order of [`Table::ALL`].
    Arrow([RecordBatch; 5]),
    /// CSV lines in the order of [`Table::ALL`].
    Csv([Vec<u8>; 5]),
}

/// The tables of a run, written while it goes and renamed into place by
/// [`TableWriter::commit`]. Dropped without a commit, it leaves no file.
pub struct TableWriter {
    format: TableFormat,
    tables: Vec<Ordered>,
}

/// One table: its queue and its file.
struct Ordered {
    table: Table,
    queue: Mutex<Queue>,
    sink: Mutex<Sink>,
}

struct Queue {
    /// The index of the next document to write.
    next: usize,
    /// Parts (or `None`: no rows, a failed input) waiting for their turn.
    early: BTreeMap<usize, Option<Part>>,
}

enum Part {
    Arrow(RecordBatch),
    Csv(Vec<u8>),
}

struct Sink {
    file: StreamedFile,
    out: Option<Out>,
    /// The first write error; the commit fails with it.
    error: Option<String>,
}

enum Out {
    Parquet(Box<ArrowWriter<BufWriter<File>>>),
    Csv(BufWriter<File>),
}

impl TableWriter {
    /// Starts the five table files of `format` in `out`'s `tables/`
    /// (temporary files until the commit); `None` for [`TableFormat::None`].
    pub fn create(
        out: &OutputDir,
        format: TableFormat,
        schemas: &Schemas,
    ) -> Result<Option<TableWriter>> {
        if format == TableFormat::None {
            return Ok(None);
        }
        let mut tables = Vec::new();
        for table in Table::ALL {
            let rel = table.file(format).expect("a format with files");
            let mut file = out.streamed_file(&rel)?;
            let w = BufWriter::with_capacity(1 << 16, file.take()?);
            let schema = schemas.schema(table);
            let out = match format {
                TableFormat::Parquet => {
                    let props = parquet_properties(schema);
                    let writer = ArrowWriter::try_new(w, schema.clone(), Some(props))
                        .map_err(|e| write_error(&rel, e))?;
                    Out::Parquet(Box::new(writer))
                }
                _ => {
                    let mut w = w;
                    let mut head = Vec::new();
                    csv::header(schema, &mut head);
                    w.write_all(&head).map_err(|e| write_error(&rel, e))?;
                    Out::Csv(w)
                }
            };
            tables.push(Ordered {
                table,
                queue: Mutex::new(Queue {
                    next: 0,
                    early: BTreeMap::new(),
                }),
                sink: Mutex::new(Sink {
                    file,
                    out: Some(out),
                    error: None,
                }),
            });
        }
        Ok(Some(TableWriter { format, tables }))
    }

    /// The files this writer writes (relative to the output folder).
    pub fn files(&self) -> Vec<String> {
        Table::ALL
            .iter()
            .filter_map(|t| t.file(self.format))
            .collect()
    }

    /// Turns a document's rows into what the files take (CSV lines are
    /// formatted here, in the worker).
    pub fn prepare(&self, rows: DocTables) -> Prepared {
        match self.format {
            TableFormat::Csv => Prepared::Csv(rows.batches.map(|b| {
                let mut out = Vec::new();
                csv::rows(&b, &mut out);
                out
            })),
            _ => Prepared::Arrow(rows.batches),
        }
    }

    /// Hands in the rows of document `index` (in id order), or `None` when
    /// it has none (it failed). Every index from 0 up must be handed in
    /// exactly once.
    pub fn submit(&self, index: usize, rows: Option<Prepared>) {
        let parts: Vec<Option<Part>> = match rows {
            None => (0..5).map(|_| None).collect(),
            Some(Prepared::Arrow(b)) => b.into_iter().map(|b| Some(Part::Arrow(b))).collect(),
            Some(Prepared::Csv(c)) => c.into_iter().map(|c| Some(Part::Csv(c))).collect(),
        };
        for (t, part) in self.tables.iter().zip(parts) {
            t.submit(index, part);
        }
    }

    /// Writes what is left, closes every file and renames it into place;
    /// returns the files written. Fails with the first write error.
    pub fn commit(self) -> Result<Vec<String>> {
        let files = self.files();
        for t in self.tables {
            t.drain(true);
            let rel = t.table.file(self.format).expect("a format with files");
            let sink = t.sink.into_inner().unwrap_or_else(|e| e.into_inner());
            let queue = t.queue.into_inner().unwrap_or_else(|e| e.into_inner());
            if let Some(e) = sink.error {
                return Err(write_error(&rel, e));
            }
            if !queue.early.is_empty() {
                return Err(write_error(
                    &rel,
                    "a document's rows never came (a bug in svtext)",
                ));
            }
            let w = match sink.out.expect("open until the commit") {
                Out::Parquet(w) => w.into_inner().map_err(|e| write_error(&rel, e))?,
                Out::Csv(w) => w,
            };
            let file = w.into_inner().map_err(|e| write_error(&rel, e.error()))?;
            file.sync_data().ok();
            drop(file);
            sink.file.commit()?;
        }
        Ok(files)
    }
}

impl Ordered {
    fn lock_queue(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn submit(&self, index: usize, part: Option<Part>) {
        let backlog = {
            let mut q = self.lock_queue();
            q.early.insert(index, part);
            q.early.len()
        };
        self.drain(backlog > WINDOW);
    }

    /// Writes every queued part whose turn has come, if the file is free
    /// (or, with `wait`, once it is).
    fn drain(&self, wait: bool) {
        loop {
            let mut sink = match self.sink.try_lock() {
                Ok(s) => s,
                Err(TryLockError::Poisoned(e)) => e.into_inner(),
                Err(TryLockError::WouldBlock) if wait => {
                    self.sink.lock().unwrap_or_else(|e| e.into_inner())
                }
                Err(TryLockError::WouldBlock) => return,
            };
            loop {
                let part = {
                    let mut q = self.lock_queue();
                    let next = q.next;
                    match q.early.remove(&next) {
                        Some(p) => {
                            q.next += 1;
                            p
                        }
                        None => break,
                    }
                };
                if let Some(p) = part {
                    sink.write(p);
                }
            }
            drop(sink);
            // a part handed in while this worker held the file is written now
            let q = self.lock_queue();
            if !q.early.contains_key(&q.next) {
                return;
            }
        }
    }
}

impl Sink {
    fn write(&mut self, part: Part) {
        if self.error.is_some() {
            return;
        }
        let result = match (self.out.as_mut(), part) {
            (Some(Out::Parquet(w)), Part::Arrow(b)) => w.write(&b).map_err(|e| e.to_string()),
            (Some(Out::Csv(w)), Part::Csv(c)) => w.write_all(&c).map_err(|e| e.to_string()),
            _ => Err("rows of another format (a bug in svtext)".to_string()),
        };
        if let Err(e) = result {
            self.error = Some(e);
        }
    }
}

/// The Parquet settings of a table: zstd, row groups of [`ROW_GROUP_ROWS`],
/// integer columns delta-encoded (offsets and indexes grow row by row).
fn parquet_properties(schema: &Schema) -> WriterProperties {
    let mut b = WriterProperties::builder()
        .set_compression(Compression::ZSTD(
            ZstdLevel::try_new(3).expect("a valid level"),
        ))
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS));
    for f in schema.fields() {
        if f.data_type() == &DataType::Int64 {
            let path = ColumnPath::from(f.name().as_str());
            b = b
                .set_column_dictionary_enabled(path.clone(), false)
                .set_column_encoding(path, Encoding::DELTA_BINARY_PACKED);
        }
    }
    b.build()
}

fn write_error(rel: &str, e: impl std::fmt::Display) -> Error {
    Error::Write {
        path: rel.into(),
        source: std::io::Error::other(e.to_string()),
    }
}
