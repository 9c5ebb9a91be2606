//! A hand-written writer for [`Document`] that produces, in one pass, both
//! forms svtext writes: the layout of `documents/<id>.json` (exactly what
//! [`super::to_vec_document`] gives) and the compact line of `corpus.jsonl`
//! (exactly what `serde_json::to_vec` gives).
//!
//! Serialising through serde twice (or once and then minifying) costs more
//! than all of tokenisation: a document has thousands of tokens and each
//! token seven fields. Here a token is a handful of `extend_from_slice`
//! calls into the pretty buffer, and the item is then copied to the compact
//! buffer as it is (inside a span list both forms are the same bytes).
//!
//! The tests check both outputs byte for byte against serde_json on the
//! sample corpus and on generated documents with every field filled.

use crate::document::{Document, Hit, Metadata, Readability, Speaker, Token};

/// Appends the compact JSON of a document (a `corpus.jsonl` line, without
/// its newline) to `out`: exactly `serde_json::to_vec`.
pub fn write_compact(doc: &Document, out: &mut Vec<u8>) {
    out.reserve(doc.text.len() * 20 + 2048);
    serde_json::to_writer(&mut *out, doc).expect("a document always serialises");
}

/// Writes `doc` in the document layout into `pretty` and compact into
/// `compact` (neither gets a trailing newline).
pub fn write_document(doc: &Document, pretty: &mut Vec<u8>, compact: &mut Vec<u8>) {
    let mut w = Dual {
        p: pretty,
        c: compact,
        depth: 0,
    };
    w.p.reserve(doc.text.len() * 24 + 4096);
    w.c.reserve(doc.text.len() * 20 + 2048);
    w.begin_object();
    w.key(true, "schema_version");
    w.string(&doc.schema_version);
    w.key(false, "id");
    w.string(&doc.id);

    w.key(false, "source");
    w.begin_object();
    let s = &doc.source;
    w.key(true, "path");
    w.string(&s.path);
    if let Some(line) = s.line {
        w.key(false, "line");
        w.uint(line as u64);
    }
    w.key(false, "format");
    w.string(&s.format);
    w.key(false, "encoding");
    w.string(&s.encoding);
    w.key(false, "bytes");
    w.uint(s.bytes);
    w.key(false, "hash");
    w.string(&s.hash);
    w.end_object(true);

    w.key(false, "language");
    w.begin_object();
    w.key(true, "code");
    w.opt_string(doc.language.code.as_deref());
    w.key(false, "confidence");
    w.float(doc.language.confidence);
    w.key(false, "reliable");
    w.boolean(doc.language.reliable);
    w.end_object(true);

    w.key(false, "metadata");
    w.metadata(&doc.metadata);

    w.key(false, "text");
    w.string(&doc.text);

    w.key(false, "removed");
    w.begin_array();
    for (i, r) in doc.removed.iter().enumerate() {
        w.pretty_item(i == 0);
        w.begin_object();
        w.key(true, "text");
        w.string(&r.text);
        w.key(false, "reason");
        w.string(&r.reason);
        w.end_object(true);
    }
    w.end_array(!doc.removed.is_empty());

    w.key(false, "paragraphs");
    w.compact_list(&doc.paragraphs, |b, p| {
        push_span_start(b, p.start, p.end);
        b.extend_from_slice(b",\"kind\":");
        push_string(b, &p.kind);
        b.extend_from_slice(b",\"speaker\":");
        push_opt_string(b, p.speaker.as_deref());
        b.push(b'}');
    });

    w.key(false, "sentences");
    w.compact_list(&doc.sentences, |b, s| {
        push_span_start(b, s.start, s.end);
        b.push(b'}');
    });

    w.key(false, "tokens");
    w.compact_list(&doc.tokens, push_token);

    w.key(false, "themes");
    w.begin_array();
    for (i, t) in doc.themes.iter().enumerate() {
        w.pretty_item(i == 0);
        w.begin_object();
        w.key(true, "id");
        w.string(&t.id);
        w.key(false, "label");
        w.string(&t.label);
        w.key(false, "count");
        w.uint(t.count as u64);
        w.key(false, "per_1000_words");
        w.float(t.per_1000_words);
        w.key(false, "hits");
        w.compact_list(&t.hits, push_hit);
        w.end_object(true);
    }
    w.end_array(!doc.themes.is_empty());

    w.key(false, "speakers");
    w.begin_array();
    for (i, s) in doc.speakers.iter().enumerate() {
        w.pretty_item(i == 0);
        w.speaker(s);
    }
    w.end_array(!doc.speakers.is_empty());

    w.key(false, "readability");
    w.readability(&doc.readability);

    w.key(false, "warnings");
    w.strings(&doc.warnings);
    w.end_object(true);
}

/// The two output buffers and the nesting depth of the pretty one.
struct Dual<'a> {
    p: &'a mut Vec<u8>,
    c: &'a mut Vec<u8>,
    depth: usize,
}

impl Dual<'_> {
    /// Bytes that both forms have.
    fn both(&mut self, b: &[u8]) {
        self.p.extend_from_slice(b);
        self.c.extend_from_slice(b);
    }

    /// A newline and the indent of the current depth (pretty form only).
    fn newline(&mut self) {
        const INDENT: &[u8; 65] =
            b"\n                                                                ";
        if let Some(line) = INDENT.get(..1 + 2 * self.depth) {
            self.p.extend_from_slice(line);
        } else {
            self.p.push(b'\n');
            for _ in 0..self.depth {
                self.p.extend_from_slice(b"  ");
            }
        }
    }

    fn begin_object(&mut self) {
        self.both(b"{");
        self.depth += 1;
    }

    fn end_object(&mut self, non_empty: bool) {
        self.close(non_empty, b"}");
    }

    fn begin_array(&mut self) {
        self.both(b"[");
        self.depth += 1;
    }

    fn end_array(&mut self, non_empty: bool) {
        self.close(non_empty, b"]");
    }

    /// Ends a container; a non-empty one's bracket goes on its own line.
    fn close(&mut self, non_empty: bool, bracket: &[u8]) {
        self.depth -= 1;
        if non_empty {
            self.newline();
        }
        self.both(bracket);
    }

    /// Before an item of a pretty array.
    fn pretty_item(&mut self, first: bool) {
        if !first {
            self.both(b",");
        }
        self.newline();
    }

    /// An object key and the separator after it.
    fn key(&mut self, first: bool, key: &str) {
        self.pretty_item(first);
        push_string(self.p, key);
        push_string(self.c, key);
        self.p.extend_from_slice(b": ");
        self.c.push(b':');
    }

    fn string(&mut self, s: &str) {
        let start = self.p.len();
        push_string(self.p, s);
        self.c.extend_from_slice(&self.p[start..]);
    }

    fn opt_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.both(b"null"),
        }
    }

    fn uint(&mut self, n: u64) {
        let mut buf = itoa::Buffer::new();
        self.both(buf.format(n).as_bytes());
    }

    fn float(&mut self, x: f64) {
        let start = self.p.len();
        push_float(self.p, x);
        self.c.extend_from_slice(&self.p[start..]);
    }

    fn boolean(&mut self, b: bool) {
        self.both(if b { b"true" } else { b"false" });
    }

    /// A pretty array of strings.
    fn strings(&mut self, items: &[String]) {
        self.begin_array();
        for (i, s) in items.iter().enumerate() {
            self.pretty_item(i == 0);
            self.string(s);
        }
        self.end_array(!items.is_empty());
    }

    /// A span list: each item compact on a line of its own. `item` writes
    /// one item's compact JSON; it is written once and copied.
    fn compact_list<T>(&mut self, items: &[T], item: impl Fn(&mut Vec<u8>, &T)) {
        self.begin_array();
        for (i, t) in items.iter().enumerate() {
            self.pretty_item(i == 0);
            let start = self.p.len();
            item(self.p, t);
            self.c.extend_from_slice(&self.p[start..]);
        }
        self.end_array(!items.is_empty());
    }

    fn metadata(&mut self, m: &Metadata) {
        self.begin_object();
        self.key(true, "title");
        self.opt_string(m.title.as_deref());
        self.key(false, "published");
        self.opt_string(m.published.as_deref());
        self.key(false, "updated");
        self.opt_string(m.updated.as_deref());
        self.key(false, "authors");
        self.strings(&m.authors);
        self.key(false, "photo_credits");
        self.strings(&m.photo_credits);
        self.key(false, "headings");
        self.strings(&m.headings);
        if !m.contacts.is_empty() {
            self.key(false, "contacts");
            self.strings(&m.contacts);
        }
        if !m.fields.is_empty() {
            self.key(false, "fields");
            // Arbitrary JSON from the input record: serde_json with the
            // document formatter, started at this depth, so that the
            // layout rules (span-list keys anywhere) are the same.
            let mut ser = serde_json::Serializer::with_formatter(
                &mut *self.p,
                super::format::DocumentFormatter::at_depth(self.depth, "fields"),
            );
            // Writing a BTreeMap of `Value`s into a Vec cannot fail.
            let _ = serde::Serialize::serialize(&m.fields, &mut ser);
            let _ = serde_json::to_writer(&mut *self.c, &m.fields);
        }
        self.end_object(true);
    }

    fn speaker(&mut self, s: &Speaker) {
        self.begin_object();
        self.key(true, "id");
        self.string(&s.id);
        self.key(false, "name");
        self.string(&s.name);
        self.key(false, "roles");
        self.strings(&s.roles);
        self.key(false, "organisations");
        self.strings(&s.organisations);
        self.key(false, "mentions");
        self.compact_list(&s.mentions, |b, m| {
            push_span_start(b, m.start, m.end);
            b.push(b'}');
        });
        self.key(false, "quotes");
        self.compact_list(&s.quotes, |b, q| {
            push_span_start(b, q.start, q.end);
            b.extend_from_slice(b",\"text\":");
            push_string(b, &q.text);
            b.extend_from_slice(b",\"kind\":");
            push_string(b, &q.kind);
            b.extend_from_slice(b",\"cue\":");
            push_opt_string(b, q.cue.as_deref());
            b.push(b'}');
        });
        self.key(false, "themes");
        self.begin_object();
        for (i, (k, v)) in s.themes.iter().enumerate() {
            self.key(i == 0, k);
            self.uint(*v as u64);
        }
        self.end_object(!s.themes.is_empty());
        self.end_object(true);
    }

    fn readability(&mut self, r: &Readability) {
        self.begin_object();
        self.key(true, "lix");
        self.float(r.lix);
        self.key(false, "ovix");
        self.float(r.ovix);
        self.key(false, "words");
        self.uint(r.words as u64);
        self.key(false, "sentences");
        self.uint(r.sentences as u64);
        self.key(false, "long_words");
        self.uint(r.long_words as u64);
        self.end_object(true);
    }
}

fn push_token(b: &mut Vec<u8>, t: &Token) {
    b.extend_from_slice(b"{\"text\":");
    push_string(b, &t.text);
    b.extend_from_slice(b",\"start\":");
    push_uint(b, t.start as u64);
    b.extend_from_slice(b",\"end\":");
    push_uint(b, t.end as u64);
    b.extend_from_slice(b",\"kind\":");
    push_string(b, &t.kind);
    b.extend_from_slice(b",\"stem\":");
    push_opt_string(b, t.stem.as_deref());
    b.extend_from_slice(if t.stopword {
        b",\"stopword\":true,\"sentence\":"
    } else {
        b",\"stopword\":false,\"sentence\":"
    });
    push_uint(b, t.sentence as u64);
    b.push(b'}');
}

fn push_hit(b: &mut Vec<u8>, h: &Hit) {
    b.extend_from_slice(b"{\"text\":");
    push_string(b, &h.text);
    b.extend_from_slice(b",\"start\":");
    push_uint(b, h.start as u64);
    b.extend_from_slice(b",\"end\":");
    push_uint(b, h.end as u64);
    b.extend_from_slice(b",\"term\":");
    push_string(b, &h.term);
    b.extend_from_slice(b",\"match\":");
    push_string(b, &h.match_kind);
    b.extend_from_slice(b",\"sentence\":");
    push_uint(b, h.sentence as u64);
    b.extend_from_slice(b",\"speaker\":");
    push_opt_string(b, h.speaker.as_deref());
    b.push(b'}');
}

/// `{"start":N,"end":M` (the rest of the object follows).
fn push_span_start(b: &mut Vec<u8>, start: usize, end: usize) {
    b.extend_from_slice(b"{\"start\":");
    push_uint(b, start as u64);
    b.extend_from_slice(b",\"end\":");
    push_uint(b, end as u64);
}

fn push_uint(b: &mut Vec<u8>, n: u64) {
    let mut buf = itoa::Buffer::new();
    b.extend_from_slice(buf.format(n).as_bytes());
}

/// A float as serde_json writes it: shortest round-trip form, `null` when
/// not finite.
fn push_float(b: &mut Vec<u8>, x: f64) {
    if x.is_finite() {
        let mut buf = ryu::Buffer::new();
        b.extend_from_slice(buf.format_finite(x).as_bytes());
    } else {
        b.extend_from_slice(b"null");
    }
}

fn push_opt_string(b: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => push_string(b, s),
        None => b.extend_from_slice(b"null"),
    }
}

/// Whether any of the eight bytes of `x` is below 0x20, `"` or `\\`
/// (the byte tricks of "Bit Twiddling Hacks": a byte is zero or below n).
#[inline]
fn needs_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    let q = x ^ (ONES * u64::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q & HIGH;
    let bs = x ^ (ONES * u64::from(b'\\'));
    let backslash = bs.wrapping_sub(ONES) & !bs & HIGH;
    (below_space | quote | backslash) != 0
}

/// A JSON string literal escaped as serde_json does: `"` and `\` with a
/// backslash, the control characters below U+0020 as `\n`, `\t`, ... or
/// `\u00XX`; everything else as it is.
fn push_string(b: &mut Vec<u8>, s: &str) {
    b.push(b'"');
    let bytes = s.as_bytes();
    if !has_special(bytes) {
        // nearly every string: copied as it is
        b.extend_from_slice(bytes);
        b.push(b'"');
        return;
    }
    let n = bytes.len();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        // Skip eight bytes at a time while none needs escaping ...
        while i + 8 <= n {
            let mut word = [0u8; 8];
            word.copy_from_slice(&bytes[i..i + 8]);
            if needs_escape(u64::from_le_bytes(word)) {
                break;
            }
            i += 8;
        }
        // ... then find the byte, among the next eight at most.
        let end = (i + 8).min(n);
        while i < end && !is_special(bytes[i]) {
            i += 1;
        }
        if i == end {
            continue;
        }
        b.extend_from_slice(&bytes[start..i]);
        push_escape(b, bytes[i]);
        i += 1;
        start = i;
    }
    b.extend_from_slice(&bytes[start..]);
    b.push(b'"');
}

/// Whether any byte of `bytes` must be escaped, eight at a time (the last
/// few padded with a letter).
#[inline]
fn has_special(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(c);
        if needs_escape(u64::from_le_bytes(word)) {
            return true;
        }
    }
    let rest = chunks.remainder();
    let mut word = [b'a'; 8];
    word[..rest.len()].copy_from_slice(rest);
    needs_escape(u64::from_le_bytes(word))
}

/// Whether a byte must be escaped in a JSON string.
#[inline]
fn is_special(c: u8) -> bool {
    c < 0x20 || c == b'"' || c == b'\\'
}

/// The escape of a special byte, as serde_json writes it.
fn push_escape(b: &mut Vec<u8>, c: u8) {
    match c {
        b'"' => b.extend_from_slice(b"\\\""),
        b'\\' => b.extend_from_slice(b"\\\\"),
        b'\n' => b.extend_from_slice(b"\\n"),
        b'\r' => b.extend_from_slice(b"\\r"),
        b'\t' => b.extend_from_slice(b"\\t"),
        0x08 => b.extend_from_slice(b"\\b"),
        0x0c => b.extend_from_slice(b"\\f"),
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            b.extend_from_slice(b"\\u00");
            b.push(HEX[usize::from(c >> 4)]);
            b.push(HEX[usize::from(c & 0xf)]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    use crate::document::{
        Language, Mention, Paragraph, Quote, Removed, SCHEMA_VERSION, Sentence, Source, Theme,
    };

    fn check(doc: &Document) {
        let mut pretty = Vec::new();
        let mut compact = Vec::new();
        write_document(doc, &mut pretty, &mut compact);
        let want_pretty = super::super::to_vec_document(doc).unwrap();
        assert_eq!(
            String::from_utf8(pretty).unwrap(),
            String::from_utf8(want_pretty).unwrap()
        );
        assert_eq!(
            String::from_utf8(compact).unwrap(),
            serde_json::to_string(doc).unwrap()
        );
    }

    fn full_document() -> Document {
        let mut fields = BTreeMap::new();
        fields.insert("url".to_string(), serde_json::json!("https://x.se/a"));
        fields.insert(
            "nested".to_string(),
            serde_json::json!({"tokens": [[1, 2], {"a": null}], "x": [1.5, -2, true, "\u{1}"], "e": {}, "f": []}),
        );
        fields.insert("n".to_string(), serde_json::json!(-0.0));
        Document {
            schema_version: SCHEMA_VERSION.to_string(),
            id: "a/\"b\"\\c".to_string(),
            source: Source {
                path: "in/a.jsonl".to_string(),
                line: Some(7),
                format: "jsonl".to_string(),
                encoding: "UTF-8".to_string(),
                bytes: 123,
                hash: "ab".to_string(),
            },
            language: Language {
                code: Some("sv".to_string()),
                confidence: 0.981,
                reliable: true,
            },
            metadata: Metadata {
                title: Some("Tit\tel\u{7f}\u{1f}".to_string()),
                published: None,
                updated: Some("2024-01-02".to_string()),
                authors: vec!["Anna Berg".to_string(), "Åsa Öberg".to_string()],
                photo_credits: vec![],
                headings: vec!["H".to_string()],
                contacts: vec!["Per Ek".to_string()],
                fields,
            },
            text: "Kompetens \"x\"\n\nrad\r\u{8}\u{c}\\ – ö".to_string(),
            removed: vec![Removed {
                text: "Foto: X".to_string(),
                reason: "credit".to_string(),
            }],
            paragraphs: vec![
                Paragraph {
                    start: 0,
                    end: 13,
                    kind: "title".to_string(),
                    speaker: None,
                },
                Paragraph {
                    start: 15,
                    end: 20,
                    kind: "body".to_string(),
                    speaker: Some("S1".to_string()),
                },
            ],
            sentences: vec![Sentence { start: 0, end: 13 }],
            tokens: vec![
                Token {
                    text: "Kompetens".into(),
                    start: 0,
                    end: 9,
                    kind: "word".into(),
                    stem: Some("kompetens".into()),
                    stopword: false,
                    sentence: 0,
                },
                Token {
                    text: "\"".into(),
                    start: 10,
                    end: 11,
                    kind: "punct".into(),
                    stem: None,
                    stopword: true,
                    sentence: 0,
                },
            ],
            themes: vec![Theme {
                id: "kompetensförsörjning".to_string(),
                label: "Kompetens".to_string(),
                count: 1,
                per_1000_words: 10.0,
                hits: vec![Hit {
                    text: "Kompetens".to_string(),
                    start: 0,
                    end: 9,
                    term: "kompetens".to_string(),
                    match_kind: "word".to_string(),
                    sentence: 0,
                    speaker: Some("S1".to_string()),
                }],
            }],
            speakers: vec![Speaker {
                id: "S1".to_string(),
                name: "Anna Berg".to_string(),
                roles: vec!["chef".to_string()],
                organisations: vec![],
                mentions: vec![Mention { start: 1, end: 2 }],
                quotes: vec![Quote {
                    start: 3,
                    end: 4,
                    text: "x".to_string(),
                    kind: "direct".to_string(),
                    cue: Some("säger".to_string()),
                }],
                themes: [("ansvar".to_string(), 2), ("tillit".to_string(), 1)].into(),
            }],
            readability: Readability {
                lix: 38.54,
                ovix: f64::NAN,
                words: 2,
                sentences: 1,
                long_words: 1,
            },
            warnings: vec!["w".to_string()],
        }
    }

    #[test]
    fn a_full_document_is_written_as_serde_json_writes_it() {
        check(&full_document());
    }

    #[test]
    fn an_empty_document_is_written_as_serde_json_writes_it() {
        let mut d = full_document();
        d.source.line = None;
        d.language.code = None;
        d.metadata = Metadata::default();
        d.removed.clear();
        d.paragraphs.clear();
        d.sentences.clear();
        d.tokens.clear();
        d.themes.clear();
        d.speakers.clear();
        d.warnings.clear();
        d.text.clear();
        check(&d);
        let mut d = full_document();
        d.speakers[0].themes.clear();
        d.speakers[0].mentions.clear();
        d.themes[0].hits.clear();
        check(&d);
    }

    #[test]
    fn every_control_character_is_escaped_as_serde_json_does() {
        let mut d = full_document();
        d.text = (0u8..0x80).map(char::from).collect::<String>() + "\u{2028}\u{feff}";
        check(&d);
    }

    proptest::proptest! {
        #[test]
        fn the_eight_byte_test_agrees_with_a_byte_by_byte_one(x: u64, at in 0usize..8, b: u8) {
            let mut bytes = x.to_le_bytes();
            bytes[at] = b; // make the special bytes likely
            let want = bytes.iter().any(|&c| is_special(c));
            proptest::prop_assert_eq!(needs_escape(u64::from_le_bytes(bytes)), want);
        }

        #[test]
        fn any_strings_are_written_as_serde_json_writes_them(
            text in ".*", id in ".*", stem in proptest::option::of(".*"), field in ".*",
        ) {
            let mut d = full_document();
            d.text = text.clone();
            d.id = id;
            d.tokens[1].text = text.as_str().into();
            d.tokens[1].stem = stem.map(|s| s.as_str().into());
            d.metadata.fields.insert(field.clone(), serde_json::json!({ field: [text] }));
            check(&d);
        }
    }
}
