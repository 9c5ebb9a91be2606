//! How `documents/<id>.json` is laid out: pretty-printed with two-space
//! indents, except that each item of the long span lists (`tokens`,
//! `sentences`, `paragraphs`, `hits`, `mentions`, `quotes`) stands compact
//! on a line of its own. The file reads like pretty JSON, is about half the
//! size, and parses to the same value as its `corpus.jsonl` line.
//! `manifest.json` uses the same layout (one document entry per line).

use std::io::{self, Write};

use serde_json::ser::Formatter;

/// Keys whose array items are written compact, one per line.
const COMPACT_ITEMS: &[&str] = &[
    "tokens",
    "sentences",
    "paragraphs",
    "hits",
    "mentions",
    "quotes",
];

/// The serde_json formatter behind [`to_vec_document`].
#[derive(Debug, Default)]
pub struct DocumentFormatter {
    /// Nesting depth of the container being written (the document is 1).
    depth: usize,
    /// Containers at this depth or deeper are compact.
    compact_from: Option<usize>,
    /// Whether the current container has a value yet.
    has_value: bool,
    /// The last object key, collected while it is written.
    key: String,
    in_key: bool,
}

impl DocumentFormatter {
    fn compact(&self, depth: usize) -> bool {
        self.compact_from.is_some_and(|c| depth >= c)
    }

    fn newline<W: ?Sized + Write>(&self, w: &mut W, depth: usize) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        let depth = self.depth;
        self.depth -= 1;
        if self.has_value && !self.compact(depth) {
            self.newline(w, self.depth)?;
        }
        if self.compact_from == Some(depth + 1) {
            // the list whose items were compact ends here
            self.compact_from = None;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.compact(self.depth) {
            Ok(())
        } else {
            self.newline(w, self.depth)
        }
    }
}

impl Formatter for DocumentFormatter {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")?;
        if self.compact_from.is_none() && COMPACT_ITEMS.contains(&self.key.as_str()) {
            self.compact_from = Some(self.depth + 1);
        }
        Ok(())
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)?;
        self.key.clear();
        self.in_key = true;
        Ok(())
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.in_key = false;
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if self.in_key {
            self.key.push_str(fragment);
        }
        w.write_all(fragment.as_bytes())
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.compact(self.depth) {
            b":"
        } else {
            b": "
        })
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Serialises a value in the document layout (see the module docs).
pub fn to_vec_document<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(4096);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, DocumentFormatter::default());
    value.serialize(&mut ser)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_lists_are_compact_one_item_per_line_and_the_value_is_unchanged() {
        let v = serde_json::json!({
            "id": "x",
            "source": {"path": "a", "bytes": 3},
            "tokens": [{"text": "a", "start": 0}, {"text": "b\"", "start": 2}],
            "empty": [],
            "themes": [{"id": "t", "hits": [{"start": 1, "end": 2}], "labels": ["a", "b"]}],
            "speakers": {"S1": {"quotes": [{"start": 0}], "roles": []}}
        });
        let out = String::from_utf8(to_vec_document(&v).unwrap()).unwrap();
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, v);
        assert!(
            out.contains("\n    {\"start\":0,\"text\":\"a\"},\n"),
            "{out}"
        );
        assert!(out.contains("\"empty\": []"), "{out}");
        assert!(out.contains("\"source\": {\n    \"bytes\": 3,"), "{out}");
        assert!(out.contains("\"labels\": [\n        \"a\","), "{out}");
    }
}
