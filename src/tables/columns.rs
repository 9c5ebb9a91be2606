//! Helpers shared by the table schemas: column types, repeated and list
//! columns, and code point slicing of a document's text.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, Int64Array, StringArray};
use arrow_schema::{DataType, Field};

/// A non-null column of `name` and `ty`.
pub(crate) fn required(name: &str, ty: DataType) -> Field {
    Field::new(name, ty, false)
}

/// A nullable column of `name` and `ty`.
pub(crate) fn nullable(name: &str, ty: DataType) -> Field {
    Field::new(name, ty, true)
}

/// A non-null list-of-strings column (`authors`, `roles`, ...).
pub(crate) fn string_list(name: &str) -> Field {
    Field::new(
        name,
        DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true))),
        false,
    )
}

/// `value` repeated `n` times (the document id of every row).
pub(crate) fn repeated(value: &str, n: usize) -> ArrayRef {
    let mut b = StringBuilder::with_capacity(n, n * value.len());
    for _ in 0..n {
        b.append_value(value);
    }
    Arc::new(b.finish())
}

/// A string column.
pub(crate) fn strings<'a>(values: impl Iterator<Item = &'a str>) -> ArrayRef {
    Arc::new(values.map(Some).collect::<StringArray>())
}

/// A nullable string column.
pub(crate) fn opt_strings<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(values.collect::<StringArray>())
}

/// An integer column.
pub(crate) fn ints(values: impl Iterator<Item = usize>) -> ArrayRef {
    Arc::new(values.map(|v| v as i64).collect::<Int64Array>())
}

/// A list-of-strings column, one list per row.
pub(crate) fn lists<'a, I>(rows: impl Iterator<Item = I>) -> ArrayRef
where
    I: IntoIterator<Item = &'a String>,
{
    let mut b = ListBuilder::new(StringBuilder::new());
    for row in rows {
        for v in row {
            b.values().append_value(v);
        }
        b.append(true);
    }
    Arc::new(b.finish())
}

/// A document's text, sliced by code point offsets (the offsets of the JSON).
pub(crate) struct CharText<'a> {
    text: &'a str,
    /// The byte offset of every code point, and the text's length last.
    bytes: Vec<usize>,
}

impl<'a> CharText<'a> {
    /// Indexes `text`'s code points.
    pub(crate) fn new(text: &'a str) -> CharText<'a> {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharText { text, bytes }
    }

    /// Code points `start..end` (clamped to the text).
    pub(crate) fn slice(&self, start: usize, end: usize) -> &'a str {
        let last = self.bytes.len() - 1;
        let (s, e) = (start.min(last), end.min(last).max(start.min(last)));
        &self.text[self.bytes[s]..self.bytes[e]]
    }

    /// The `n` code points before `start` and the `n` after `end`.
    pub(crate) fn context(&self, start: usize, end: usize, n: usize) -> (&'a str, &'a str) {
        (
            self.slice(start.saturating_sub(n), start),
            self.slice(end, end.saturating_add(n)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_counted_in_code_points_and_clamped() {
        let t = CharText::new("åäö tillit här");
        assert_eq!(t.slice(4, 10), "tillit");
        assert_eq!(t.context(4, 10, 3), ("äö ", " hä"));
        assert_eq!(t.context(4, 10, 60), ("åäö ", " här"));
        assert_eq!(t.slice(20, 30), "");
    }
}
