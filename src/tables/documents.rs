//! The `documents` table: one row per document.
//!
//! | column | type | meaning |
//! | --- | --- | --- |
//! | `document_id` | string | the document's `id` (the join key) |
//! | `source_path` | string | `source.path` |
//! | `source_format` | string | `text`, `html`, `jsonl` |
//! | `title`, `published`, `updated` | string, nullable | `metadata`; dates ISO 8601 |
//! | `authors` | list of strings | `metadata.authors` |
//! | `language` | string, nullable | `language.code` |
//! | `language_confidence` | float | `language.confidence` |
//! | `language_reliable` | bool | `language.reliable` |
//! | `words`, `sentences`, `long_words` | int | `readability` |
//! | `lix`, `ovix` | float | `readability` |
//! | `speakers`, `quotes` | int | number of speakers and of their quotes |
//! | `hits_<theme>` | int | hits of each codebook theme, 0 where none |
//! | `per_1000_words_<theme>` | float | those hits per 1,000 words, 0 where none |

use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch};
use arrow_schema::{DataType, Schema};

use super::columns::{lists, nullable, opt_strings, required, string_list, strings};
use super::{Schemas, Table};
use crate::document::Document;
use crate::error::Result;

/// The name of the hit count column of theme `id`.
pub fn hits_column(id: &str) -> String {
    format!("hits_{id}")
}

/// The name of the per-1,000-words column of theme `id`.
pub fn rate_column(id: &str) -> String {
    format!("per_1000_words_{id}")
}

/// The columns of the `documents` table for a codebook with these themes.
pub fn schema(themes: &[String]) -> Schema {
    let mut fields = vec![
        required("document_id", DataType::Utf8),
        required("source_path", DataType::Utf8),
        required("source_format", DataType::Utf8),
        nullable("title", DataType::Utf8),
        nullable("published", DataType::Utf8),
        nullable("updated", DataType::Utf8),
        string_list("authors"),
        nullable("language", DataType::Utf8),
        required("language_confidence", DataType::Float64),
        required("language_reliable", DataType::Boolean),
        required("words", DataType::Int64),
        required("sentences", DataType::Int64),
        required("long_words", DataType::Int64),
        required("lix", DataType::Float64),
        required("ovix", DataType::Float64),
        required("speakers", DataType::Int64),
        required("quotes", DataType::Int64),
    ];
    for id in themes {
        fields.push(required(&hits_column(id), DataType::Int64));
    }
    for id in themes {
        fields.push(required(&rate_column(id), DataType::Float64));
    }
    Schema::new(fields)
}

/// The one row of `doc`.
pub fn rows(doc: &Document, schemas: &Schemas) -> Result<RecordBatch> {
    let m = &doc.metadata;
    let r = &doc.readability;
    let int = |v: usize| -> ArrayRef { Arc::new(Int64Array::from(vec![v as i64])) };
    let float = |v: f64| -> ArrayRef { Arc::new(Float64Array::from(vec![v])) };
    let quotes: usize = doc.speakers.iter().map(|s| s.quotes.len()).sum();
    let mut columns: Vec<ArrayRef> = vec![
        strings([doc.id.as_str()].into_iter()),
        strings([doc.source.path.as_str()].into_iter()),
        strings([doc.source.format.as_str()].into_iter()),
        opt_strings([m.title.as_deref()].into_iter()),
        opt_strings([m.published.as_deref()].into_iter()),
        opt_strings([m.updated.as_deref()].into_iter()),
        lists([&m.authors].into_iter()),
        opt_strings([doc.language.code.as_deref()].into_iter()),
        float(doc.language.confidence),
        Arc::new(BooleanArray::from(vec![doc.language.reliable])),
        int(r.words),
        int(r.sentences),
        int(r.long_words),
        float(r.lix),
        float(r.ovix),
        int(doc.speakers.len()),
        int(quotes),
    ];
    let found = |id: &str| doc.themes.iter().find(|t| t.id == id);
    for id in &schemas.themes {
        columns.push(int(found(id).map_or(0, |t| t.count)));
    }
    for id in &schemas.themes {
        columns.push(float(found(id).map_or(0.0, |t| t.per_1000_words)));
    }
    schemas.batch(Table::Documents, columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::tests_support::sample;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Float64Type, Int64Type};

    #[test]
    fn every_codebook_theme_has_a_zero_filled_count_and_rate() {
        let (doc, schemas) = sample();
        let b = rows(&doc, &schemas).unwrap();
        assert_eq!(b.num_rows(), 1);
        let col = |n: &str| b.column_by_name(n).unwrap_or_else(|| panic!("{n}"));
        assert_eq!(col("document_id").as_string::<i32>().value(0), "kommun-ai");
        let tillit = col("hits_tillit").as_primitive::<Int64Type>().value(0);
        assert_eq!(
            tillit,
            doc.themes.iter().find(|t| t.id == "tillit").unwrap().count as i64
        );
        // a theme the document has no hit of is a zero, not a null
        let none = schemas
            .themes
            .iter()
            .find(|id| !doc.themes.iter().any(|t| &t.id == *id))
            .expect("a theme without hits");
        assert_eq!(
            col(&hits_column(none)).as_primitive::<Int64Type>().value(0),
            0
        );
        assert_eq!(
            col(&rate_column(none))
                .as_primitive::<Float64Type>()
                .value(0),
            0.0
        );
        assert_eq!(b.num_columns(), 17 + 2 * schemas.themes.len());
    }
}
