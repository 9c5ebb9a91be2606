//! The `hits` table: one row per theme hit, ordered by offset.
//!
//! | column | type | meaning |
//! | --- | --- | --- |
//! | `document_id` | string | the document (join key) |
//! | `theme` | string | the theme id |
//! | `term` | string | the codebook term that matched |
//! | `hit_text` | string | the matched text |
//! | `hit_start`, `hit_end` | int | code point offsets into the document's `text` |
//! | `match` | string | `word`, `compound` or `phrase` |
//! | `sentence` | int | index of the sentence (join key with `tokens`) |
//! | `speaker_id` | string, nullable | the speaker whose quote holds the hit (join key) |
//! | `left_context`, `right_context` | string | the 60 code points before and after the hit |

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Schema};

use super::columns::{CharText, ints, nullable, opt_strings, repeated, required, strings};
use super::{CONTEXT_CHARS, Schemas, Table};
use crate::document::{Document, Hit};
use crate::error::Result;

/// The columns of the `hits` table.
pub fn schema() -> Schema {
    Schema::new(vec![
        required("document_id", DataType::Utf8),
        required("theme", DataType::Utf8),
        required("term", DataType::Utf8),
        required("hit_text", DataType::Utf8),
        required("hit_start", DataType::Int64),
        required("hit_end", DataType::Int64),
        required("match", DataType::Utf8),
        required("sentence", DataType::Int64),
        nullable("speaker_id", DataType::Utf8),
        required("left_context", DataType::Utf8),
        required("right_context", DataType::Utf8),
    ])
}

/// The hits of `doc`, ordered by start, end and theme (codebook order).
pub fn rows(doc: &Document, schemas: &Schemas) -> Result<RecordBatch> {
    let mut hits: Vec<(usize, &str, &Hit)> = doc
        .themes
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.hits.iter().map(move |h| (i, t.id.as_str(), h)))
        .collect();
    hits.sort_by_key(|(i, _, h)| (h.start, h.end, *i));
    let text = CharText::new(if hits.is_empty() { "" } else { &doc.text });
    let contexts: Vec<(&str, &str)> = hits
        .iter()
        .map(|(_, _, h)| text.context(h.start, h.end, CONTEXT_CHARS))
        .collect();
    let columns = vec![
        repeated(&doc.id, hits.len()),
        strings(hits.iter().map(|(_, id, _)| *id)),
        strings(hits.iter().map(|(_, _, h)| h.term.as_str())),
        strings(hits.iter().map(|(_, _, h)| h.text.as_str())),
        ints(hits.iter().map(|(_, _, h)| h.start)),
        ints(hits.iter().map(|(_, _, h)| h.end)),
        strings(hits.iter().map(|(_, _, h)| h.match_kind.as_str())),
        ints(hits.iter().map(|(_, _, h)| h.sentence)),
        opt_strings(hits.iter().map(|(_, _, h)| h.speaker.as_deref())),
        strings(contexts.iter().map(|c| c.0)),
        strings(contexts.iter().map(|c| c.1)),
    ];
    schemas.batch(Table::Hits, columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::tests_support::sample;
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;

    #[test]
    fn every_hit_is_a_row_in_offset_order_with_its_context() {
        let (doc, schemas) = sample();
        let b = rows(&doc, &schemas).unwrap();
        let total: usize = doc.themes.iter().map(|t| t.hits.len()).sum();
        assert!(total > 3);
        assert_eq!(b.num_rows(), total);
        let starts = b
            .column_by_name("hit_start")
            .unwrap()
            .as_primitive::<Int64Type>();
        let ends = b
            .column_by_name("hit_end")
            .unwrap()
            .as_primitive::<Int64Type>();
        assert!(starts.values().windows(2).all(|w| w[0] <= w[1]));
        let hit_text = b.column_by_name("hit_text").unwrap().as_string::<i32>();
        let left = b.column_by_name("left_context").unwrap().as_string::<i32>();
        let right = b
            .column_by_name("right_context")
            .unwrap()
            .as_string::<i32>();
        let chars: Vec<char> = doc.text.chars().collect();
        for i in 0..b.num_rows() {
            let (s, e) = (starts.value(i) as usize, ends.value(i) as usize);
            let span: String = chars[s..e].iter().collect();
            assert_eq!(hit_text.value(i), span);
            let l: String = chars[s.saturating_sub(60)..s].iter().collect();
            let r: String = chars[e..(e + 60).min(chars.len())].iter().collect();
            assert_eq!((left.value(i), right.value(i)), (l.as_str(), r.as_str()));
        }
    }
}
