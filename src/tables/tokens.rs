//! The `tokens` table: one row per token, in text order.
//!
//! | column | type | meaning |
//! | --- | --- | --- |
//! | `document_id` | string | the document (join key) |
//! | `token_index` | int | the token's index in the document |
//! | `token_start`, `token_end` | int | code point offsets into the document's `text` |
//! | `token_text` | string | the token as written |
//! | `stem` | string, nullable | Snowball Swedish stem (words of Swedish text only) |
//! | `token_kind` | string | `word`, `number`, `punct`, ... |
//! | `sentence` | int | index of the sentence (join key with `hits`) |
//! | `stopword` | bool | on svtext's Swedish stopword list |

use std::sync::Arc;

use arrow_array::{BooleanArray, RecordBatch};
use arrow_schema::{DataType, Schema};

use super::columns::{ints, nullable, opt_strings, repeated, required, strings};
use super::{Schemas, Table};
use crate::document::Document;
use crate::error::Result;

/// The columns of the `tokens` table.
pub fn schema() -> Schema {
    Schema::new(vec![
        required("document_id", DataType::Utf8),
        required("token_index", DataType::Int64),
        required("token_start", DataType::Int64),
        required("token_end", DataType::Int64),
        required("token_text", DataType::Utf8),
        nullable("stem", DataType::Utf8),
        required("token_kind", DataType::Utf8),
        required("sentence", DataType::Int64),
        required("stopword", DataType::Boolean),
    ])
}

/// The tokens of `doc`.
pub fn rows(doc: &Document, schemas: &Schemas) -> Result<RecordBatch> {
    let t = &doc.tokens;
    let columns = vec![
        repeated(&doc.id, t.len()),
        ints(0..t.len()),
        ints(t.iter().map(|x| x.start)),
        ints(t.iter().map(|x| x.end)),
        strings(t.iter().map(|x| x.text.as_str())),
        opt_strings(t.iter().map(|x| x.stem.as_deref())),
        strings(t.iter().map(|x| x.kind.as_ref())),
        ints(t.iter().map(|x| x.sentence)),
        Arc::new(t.iter().map(|x| Some(x.stopword)).collect::<BooleanArray>()),
    ];
    schemas.batch(Table::Tokens, columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::tests_support::sample;
    use arrow_array::Array;
    use arrow_array::cast::AsArray;

    #[test]
    fn every_token_is_a_row_in_order() {
        let (doc, schemas) = sample();
        let b = rows(&doc, &schemas).unwrap();
        assert_eq!(b.num_rows(), doc.tokens.len());
        let text = b.column_by_name("token_text").unwrap().as_string::<i32>();
        let stem = b.column_by_name("stem").unwrap().as_string::<i32>();
        for (i, t) in doc.tokens.iter().enumerate() {
            assert_eq!(text.value(i), t.text.as_str());
            assert_eq!(stem.is_null(i), t.stem.is_none());
        }
    }
}
