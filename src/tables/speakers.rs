//! The `speakers` table: one row per speaker of a document, in order of
//! first mention (`S1`, `S2`, ...).
//!
//! | column | type | meaning |
//! | --- | --- | --- |
//! | `document_id` | string | the document (join key) |
//! | `speaker_id` | string | `S1`, `S2`, ... (join key with `quotes` and `hits`) |
//! | `name` | string | full name |
//! | `roles`, `organisations` | list of strings | every role and organisation the article gives them |
//! | `mentions` | int | how often the article names or refers to them |
//! | `speaker_quotes` | int | their quotes |
//! | `speaker_hits_<theme>` | int | hits of each codebook theme inside their quotes, 0 where none |

use std::sync::Arc;

use arrow_array::{ArrayRef, Int64Array, RecordBatch};
use arrow_schema::{DataType, Schema};

use super::columns::{ints, lists, repeated, required, string_list, strings};
use super::{Schemas, Table};
use crate::document::Document;
use crate::error::Result;

/// The name of the column of hits of theme `id` inside a speaker's quotes.
pub fn hits_column(id: &str) -> String {
    format!("speaker_hits_{id}")
}

/// The columns of the `speakers` table for a codebook with these themes.
pub fn schema(themes: &[String]) -> Schema {
    let mut fields = vec![
        required("document_id", DataType::Utf8),
        required("speaker_id", DataType::Utf8),
        required("name", DataType::Utf8),
        string_list("roles"),
        string_list("organisations"),
        required("mentions", DataType::Int64),
        required("speaker_quotes", DataType::Int64),
    ];
    for id in themes {
        fields.push(required(&hits_column(id), DataType::Int64));
    }
    Schema::new(fields)
}

/// The speakers of `doc`.
pub fn rows(doc: &Document, schemas: &Schemas) -> Result<RecordBatch> {
    let s = &doc.speakers;
    let mut columns = vec![
        repeated(&doc.id, s.len()),
        strings(s.iter().map(|x| x.id.as_str())),
        strings(s.iter().map(|x| x.name.as_str())),
        lists(s.iter().map(|x| &x.roles)),
        lists(s.iter().map(|x| &x.organisations)),
        ints(s.iter().map(|x| x.mentions.len())),
        ints(s.iter().map(|x| x.quotes.len())),
    ];
    for id in &schemas.themes {
        let counts: Int64Array = s
            .iter()
            .map(|x| Some(x.themes.get(id).copied().unwrap_or(0) as i64))
            .collect();
        columns.push(Arc::new(counts) as ArrayRef);
    }
    schemas.batch(Table::Speakers, columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::tests_support::sample;
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;

    #[test]
    fn every_speaker_is_a_row_with_zero_filled_theme_counts() {
        let (doc, schemas) = sample();
        let b = rows(&doc, &schemas).unwrap();
        assert_eq!(b.num_rows(), doc.speakers.len());
        assert_eq!(b.num_columns(), 7 + schemas.themes.len());
        let s1 = &doc.speakers[0];
        for id in &schemas.themes {
            let col = b.column_by_name(&hits_column(id)).unwrap();
            let got = col.as_primitive::<Int64Type>().value(0);
            assert_eq!(
                got as usize,
                s1.themes.get(id).copied().unwrap_or(0),
                "{id}"
            );
        }
        let quotes = b.column_by_name("speaker_quotes").unwrap();
        assert_eq!(
            quotes.as_primitive::<Int64Type>().value(0) as usize,
            s1.quotes.len()
        );
    }
}
