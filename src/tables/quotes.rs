//! The `quotes` table: one row per quote, ordered by offset.
//!
//! | column | type | meaning |
//! | --- | --- | --- |
//! | `document_id` | string | the document (join key) |
//! | `speaker_id` | string | the speaker (`S1`, ...; join key with `speakers`) |
//! | `speaker_name` | string | their name |
//! | `speaker_roles`, `speaker_organisations` | list of strings | their roles and organisations |
//! | `quote_kind` | string | `direct`, `reported`, `turn`, `pullquote` |
//! | `cue` | string, nullable | the speech verb or marker (`säger`, `enligt`, `:`) |
//! | `quote_start`, `quote_end` | int | code point offsets into the document's `text` |
//! | `quote_text` | string | the quoted text |

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Schema};

use super::columns::{
    ints, lists, nullable, opt_strings, repeated, required, string_list, strings,
};
use super::{Schemas, Table};
use crate::document::{Document, Quote, Speaker};
use crate::error::Result;

/// The columns of the `quotes` table.
pub fn schema() -> Schema {
    Schema::new(vec![
        required("document_id", DataType::Utf8),
        required("speaker_id", DataType::Utf8),
        required("speaker_name", DataType::Utf8),
        string_list("speaker_roles"),
        string_list("speaker_organisations"),
        required("quote_kind", DataType::Utf8),
        nullable("cue", DataType::Utf8),
        required("quote_start", DataType::Int64),
        required("quote_end", DataType::Int64),
        required("quote_text", DataType::Utf8),
    ])
}

/// The quotes of `doc`, ordered by start, end and speaker.
pub fn rows(doc: &Document, schemas: &Schemas) -> Result<RecordBatch> {
    let mut quotes: Vec<(usize, &Speaker, &Quote)> = doc
        .speakers
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.quotes.iter().map(move |q| (i, s, q)))
        .collect();
    quotes.sort_by_key(|(i, _, q)| (q.start, q.end, *i));
    let columns = vec![
        repeated(&doc.id, quotes.len()),
        strings(quotes.iter().map(|(_, s, _)| s.id.as_str())),
        strings(quotes.iter().map(|(_, s, _)| s.name.as_str())),
        lists(quotes.iter().map(|(_, s, _)| &s.roles)),
        lists(quotes.iter().map(|(_, s, _)| &s.organisations)),
        strings(quotes.iter().map(|(_, _, q)| q.kind.as_str())),
        opt_strings(quotes.iter().map(|(_, _, q)| q.cue.as_deref())),
        ints(quotes.iter().map(|(_, _, q)| q.start)),
        ints(quotes.iter().map(|(_, _, q)| q.end)),
        strings(quotes.iter().map(|(_, _, q)| q.text.as_str())),
    ];
    schemas.batch(Table::Quotes, columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::tests_support::sample;
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;

    #[test]
    fn every_quote_is_a_row_with_its_text_and_speaker() {
        let (doc, schemas) = sample();
        let b = rows(&doc, &schemas).unwrap();
        let total: usize = doc.speakers.iter().map(|s| s.quotes.len()).sum();
        assert!(total >= 2);
        assert_eq!(b.num_rows(), total);
        let start = b
            .column_by_name("quote_start")
            .unwrap()
            .as_primitive::<Int64Type>();
        let end = b
            .column_by_name("quote_end")
            .unwrap()
            .as_primitive::<Int64Type>();
        let text = b.column_by_name("quote_text").unwrap().as_string::<i32>();
        let name = b.column_by_name("speaker_name").unwrap().as_string::<i32>();
        let chars: Vec<char> = doc.text.chars().collect();
        for i in 0..b.num_rows() {
            let span: String = chars[start.value(i) as usize..end.value(i) as usize]
                .iter()
                .collect();
            assert_eq!(text.value(i), span);
            assert!(doc.speakers.iter().any(|s| s.name == name.value(i)));
        }
        assert!(start.values().windows(2).all(|w| w[0] <= w[1]));
    }
}
