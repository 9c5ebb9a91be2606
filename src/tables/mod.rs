//! Analysis tables: `DIR/tables/`, one row per document, hit, quote,
//! speaker and token, in Parquet (zstd, the default) or CSV.
//!
//! ```text
//! DIR/tables/documents.parquet   one row per document (a zero-filled hit count and rate per codebook theme)
//! DIR/tables/hits.parquet        one row per theme hit, with about 60 characters of context either side
//! DIR/tables/quotes.parquet      one row per quote, with its text and its speaker
//! DIR/tables/speakers.parquet    one row per speaker of a document (hits inside their quotes per theme)
//! DIR/tables/tokens.parquet      one row per token
//! ```
//!
//! Each table's columns are a named function of its own file
//! ([`documents::schema`], [`hits::schema`], ...), and so are its rows for one
//! document ([`documents::rows`], ...). Column names never repeat across
//! tables except on the join keys `document_id`, `speaker_id` and
//! `sentence`. Rows are ordered by document id, then by offset, so the files
//! are byte for byte the same for any `--jobs` and for an incremental run
//! (whose kept documents give their rows from their kept `corpus.jsonl`
//! line) as for a full one.
//!
//! A run builds each document's rows ([`DocTables`]) in the worker that
//! analysed it and hands them to a [`TableWriter`], which writes them in id
//! order as they come (the same turns as `corpus.jsonl`).

mod columns;
pub mod csv;
pub mod documents;
pub mod hits;
pub mod quotes;
pub mod speakers;
pub mod tokens;
mod writer;

use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;

pub use writer::{Prepared, TableWriter};

use crate::document::Document;
use crate::error::{Error, Result};
use crate::themes::Codebook;

/// The folder of the tables in the output folder.
pub const TABLES_DIR: &str = "tables";

/// Characters of context on either side of a hit in the `hits` table.
pub const CONTEXT_CHARS: usize = 60;

/// The format of the tables (`--tables`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TableFormat {
    /// Apache Parquet, zstd-compressed (the default).
    #[default]
    Parquet,
    /// CSV (RFC 4180, UTF-8, a header row).
    Csv,
    /// No tables.
    None,
}

impl TableFormat {
    /// Parses `parquet`, `csv` or `none` (case ignored).
    pub fn parse(s: &str) -> Option<TableFormat> {
        match s.to_ascii_lowercase().as_str() {
            "parquet" => Some(TableFormat::Parquet),
            "csv" => Some(TableFormat::Csv),
            "none" => Some(TableFormat::None),
            _ => None,
        }
    }

    /// The file extension of a table (`parquet`, `csv`); `None` for no tables.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            TableFormat::Parquet => Some("parquet"),
            TableFormat::Csv => Some("csv"),
            TableFormat::None => None,
        }
    }
}

/// The five tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// One row per document.
    Documents,
    /// One row per theme hit.
    Hits,
    /// One row per quote.
    Quotes,
    /// One row per speaker of a document.
    Speakers,
    /// One row per token.
    Tokens,
}

impl Table {
    /// Every table, in the order of [`DocTables::batches`].
    pub const ALL: [Table; 5] = [
        Table::Documents,
        Table::Hits,
        Table::Quotes,
        Table::Speakers,
        Table::Tokens,
    ];

    /// The table's name (its file name without the extension).
    pub fn name(self) -> &'static str {
        match self {
            Table::Documents => "documents",
            Table::Hits => "hits",
            Table::Quotes => "quotes",
            Table::Speakers => "speakers",
            Table::Tokens => "tokens",
        }
    }

    /// The table's file relative to the output folder, in `format`
    /// (`tables/documents.parquet`); `None` for [`TableFormat::None`].
    pub fn file(self, format: TableFormat) -> Option<String> {
        format
            .extension()
            .map(|ext| format!("{TABLES_DIR}/{}.{ext}", self.name()))
    }
}

/// The columns of every table for one codebook (the `documents` and
/// `speakers` tables have columns per theme).
#[derive(Debug, Clone)]
pub struct Schemas {
    /// The codebook's theme ids, in codebook order.
    pub themes: Vec<String>,
    /// The schema of each table, in the order of [`Table::ALL`].
    pub tables: [SchemaRef; 5],
}

impl Schemas {
    /// The schemas for the themes of `codebook`.
    pub fn of(codebook: &Codebook) -> Schemas {
        Schemas::for_themes(codebook.themes().iter().map(|t| t.id.clone()).collect())
    }

    /// The schemas for these theme ids (in codebook order).
    pub fn for_themes(themes: Vec<String>) -> Schemas {
        let tables = [
            Arc::new(documents::schema(&themes)),
            Arc::new(hits::schema()),
            Arc::new(quotes::schema()),
            Arc::new(speakers::schema(&themes)),
            Arc::new(tokens::schema()),
        ];
        Schemas { themes, tables }
    }

    /// The schema of `table`.
    pub fn schema(&self, table: Table) -> &SchemaRef {
        &self.tables[table as usize]
    }

    /// One batch of `table` from its columns, in schema order.
    pub(crate) fn batch(
        &self,
        table: Table,
        columns: Vec<arrow_array::ArrayRef>,
    ) -> crate::error::Result<arrow_array::RecordBatch> {
        arrow_array::RecordBatch::try_new(self.schema(table).clone(), columns)
            .map_err(|e| arrow_error(table, e))
    }
}

/// One document's rows in every table.
#[derive(Debug, Clone)]
pub struct DocTables {
    /// The rows of each table, in the order of [`Table::ALL`].
    pub batches: [RecordBatch; 5],
}

impl DocTables {
    /// The rows of `doc` in every table.
    pub fn of(doc: &Document, schemas: &Schemas) -> Result<DocTables> {
        let batches = [
            documents::rows(doc, schemas)?,
            hits::rows(doc, schemas)?,
            quotes::rows(doc, schemas)?,
            speakers::rows(doc, schemas)?,
            tokens::rows(doc, schemas)?,
        ];
        Ok(DocTables { batches })
    }

    /// The rows of the document whose `corpus.jsonl` line is `line`, exactly
    /// those [`DocTables::of`] gives for the document it was written from.
    pub fn of_line(line: &[u8], schemas: &Schemas) -> Result<DocTables> {
        let doc: Document = serde_json::from_slice(line).map_err(|e| Error::Table {
            table: "documents".into(),
            reason: format!("a kept corpus.jsonl line does not read back: {e}"),
        })?;
        DocTables::of(&doc, schemas)
    }

    /// The rows of `table`.
    pub fn batch(&self, table: Table) -> &RecordBatch {
        &self.batches[table as usize]
    }
}

/// Turns an Arrow error while building `table`'s rows into the library's error.
pub(crate) fn arrow_error(table: Table, e: arrow_schema::ArrowError) -> Error {
    Error::Table {
        table: table.name().into(),
        reason: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::RawDoc;

    #[test]
    fn formats_parse_and_name_their_files() {
        assert_eq!(TableFormat::parse("Parquet"), Some(TableFormat::Parquet));
        assert_eq!(TableFormat::parse("csv"), Some(TableFormat::Csv));
        assert_eq!(TableFormat::parse("none"), Some(TableFormat::None));
        assert_eq!(TableFormat::parse("xlsx"), None);
        assert_eq!(
            Table::Hits.file(TableFormat::Parquet).as_deref(),
            Some("tables/hits.parquet")
        );
        assert_eq!(
            Table::Tokens.file(TableFormat::Csv).as_deref(),
            Some("tables/tokens.csv")
        );
        assert_eq!(Table::Tokens.file(TableFormat::None), None);
    }

    #[test]
    fn column_names_repeat_across_tables_only_on_the_join_keys() {
        let schemas = Schemas::of(&Codebook::builtin());
        let mut seen: std::collections::HashMap<String, &str> = Default::default();
        for t in Table::ALL {
            let schema = schemas.schema(t);
            let mut names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
            names.sort();
            let before = names.len();
            names.dedup();
            assert_eq!(before, names.len(), "a column repeats in {}", t.name());
            for n in names {
                if let Some(other) = seen.insert(n.to_string(), t.name()) {
                    assert!(
                        ["document_id", "speaker_id", "sentence"].contains(&n),
                        "{n} is in {other} and {}",
                        t.name()
                    );
                }
            }
        }
    }

    #[test]
    fn a_document_read_back_from_its_line_gives_the_same_rows() {
        let codebook = Codebook::builtin();
        let schemas = Schemas::of(&codebook);
        let mut quotes = 0;
        for entry in walkdir::WalkDir::new("corpus").sort_by_file_name() {
            let path = entry.unwrap().into_path();
            let Some(format) = crate::ingest::Format::from_path(&path) else {
                continue;
            };
            if format == crate::ingest::Format::Jsonl {
                continue;
            }
            // (the files in legacy encodings are left to the CLI tests)
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let raw = RawDoc::in_memory("doc", text, format);
            let doc = crate::analyze(&raw, &codebook).unwrap();
            quotes += fresh_quotes(&doc);
            let line = serde_json::to_vec(&doc).unwrap();
            let fresh = DocTables::of(&doc, &schemas).unwrap();
            let kept = DocTables::of_line(&line, &schemas).unwrap();
            assert_eq!(fresh.batches, kept.batches, "{}", path.display());
        }
        assert!(quotes > 10, "the corpus has quotes: {quotes}");
    }

    fn fresh_quotes(doc: &Document) -> usize {
        doc.speakers.iter().map(|s| s.quotes.len()).sum()
    }
}

#[cfg(test)]
pub(crate) mod tests_support {
    use super::Schemas;
    use crate::document::Document;
    use crate::ingest::{Format, RawDoc};
    use crate::themes::Codebook;

    /// The README's sample document (hits of several themes, two
    /// speakers with quotes) and the built-in codebook's schemas.
    pub(crate) fn sample() -> (Document, Schemas) {
        let codebook = Codebook::builtin();
        let text = std::fs::read_to_string("tests/fixtures/cli/kommun-ai.txt").unwrap();
        let raw = RawDoc::in_memory("kommun-ai", text, Format::Text);
        (
            crate::analyze(&raw, &codebook).unwrap(),
            Schemas::of(&codebook),
        )
    }
}
