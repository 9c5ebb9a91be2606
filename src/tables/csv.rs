//! Tables as CSV (`--tables csv`): RFC 4180, UTF-8, a header row, `\r\n`
//! line ends. A field with a comma, a quotation mark or a line break is
//! quoted (`"` doubled inside); a null is an empty field, an empty string
//! `""`. Numbers are written as in the JSON, booleans as `true`/`false`,
//! and a list (`authors`, `roles`, ...) as a JSON array
//! (`["Örebro kommun"]`).

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, Schema};

/// The header row of a table.
pub fn header(schema: &Schema, out: &mut Vec<u8>) {
    for (i, f) in schema.fields().iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_field(out, f.name());
    }
    out.extend_from_slice(b"\r\n");
}

/// Appends the rows of `batch` to `out`.
pub fn rows(batch: &RecordBatch, out: &mut Vec<u8>) {
    let columns = batch.columns();
    for row in 0..batch.num_rows() {
        for (i, col) in columns.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            push_value(out, col.as_ref(), row);
        }
        out.extend_from_slice(b"\r\n");
    }
}

/// One value of a column (the types the tables use).
fn push_value(out: &mut Vec<u8>, col: &dyn Array, row: usize) {
    if col.is_null(row) {
        return;
    }
    match col.data_type() {
        DataType::Utf8 => push_field(out, col.as_string::<i32>().value(row)),
        DataType::Int64 => {
            let v = col.as_primitive::<Int64Type>().value(row);
            out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        }
        DataType::Float64 => {
            let v = col.as_primitive::<Float64Type>().value(row);
            out.extend_from_slice(ryu::Buffer::new().format(v).as_bytes());
        }
        DataType::Boolean => {
            let v = col.as_boolean().value(row);
            out.extend_from_slice(if v { b"true" } else { b"false" });
        }
        DataType::List(_) => {
            let list = col.as_list::<i32>().value(row);
            let items: Vec<Option<&str>> = list.as_string::<i32>().iter().collect();
            let json = serde_json::to_string(&items).unwrap_or_default();
            push_field(out, &json);
        }
        other => unreachable!("no table has a column of type {other}"),
    }
}

/// A string field, quoted when it must be (or when it is empty, so that
/// it differs from a null).
fn push_field(out: &mut Vec<u8>, s: &str) {
    let quote = s.is_empty() || s.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
    if !quote {
        out.extend_from_slice(s.as_bytes());
        return;
    }
    out.push(b'"');
    for (i, part) in s.split('"').enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\"\"");
        }
        out.extend_from_slice(part.as_bytes());
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::tests_support::sample;
    use crate::tables::{Schemas, Table, quotes};

    #[test]
    fn fields_are_quoted_as_rfc_4180_asks() {
        let mut out = Vec::new();
        for s in ["plain", "a,b", "say \"hi\"", "two\nlines", "", "åäö"] {
            push_field(&mut out, s);
            out.push(b'|');
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\"\"|åäö|"
        );
    }

    #[test]
    fn a_table_is_a_header_and_one_line_per_row_with_lists_as_json() {
        let (doc, schemas): (_, Schemas) = sample();
        let batch = quotes::rows(&doc, &schemas).unwrap();
        let mut out = Vec::new();
        header(schemas.schema(Table::Quotes), &mut out);
        rows(&batch, &mut out);
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("document_id,speaker_id,speaker_name,speaker_roles,"));
        assert!(
            text.contains("kommun-ai,S1,Maria Ekholm,\"[\"\"it-chef\"\"]\""),
            "{text}"
        );
        assert!(text.ends_with("\r\n"));
    }
}
