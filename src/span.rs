//! Byte spans inside the library, code point offsets in the JSON.
//!
//! Every stage works with **byte** offsets into the document's cleaned
//! `text` (so `&text[span.start..span.end]` is the span). The JSON contract
//! uses **Unicode code point** offsets (so that Python's `text[start:end]`
//! is the span); [`CharOffsets`] (any span) and [`CharCursor`] (spans in
//! text order, the fast path for tokens and sentences, checked against
//! `CharOffsets` in the tests) convert one to the other when the document is
//! assembled (`document::assemble`), and nowhere else.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's `text`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// The text the span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Whether `other` lies completely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Converts byte offsets of one text into code point offsets.
///
/// Keeps the code point count at a checkpoint every 256 bytes, so a lookup
/// counts at most 256 bytes and memory is a sixty-fourth of the text.
pub struct CharOffsets<'a> {
    text: &'a str,
    /// `checkpoints[i]` = (byte offset of the first char boundary at or after
    /// `i * STEP`, number of chars before it).
    checkpoints: Vec<(usize, usize)>,
    ascii: bool,
}

const STEP: usize = 256;

impl<'a> CharOffsets<'a> {
    /// Prepares conversions for `text`.
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            let mut chars = 0usize;
            let mut pos = 0usize;
            let mut next = 0usize;
            while next <= text.len() {
                // pos goes to the first boundary >= next; chars counts what it passed
                let mut b = next;
                while !text.is_char_boundary(b) {
                    b += 1;
                }
                chars += text[pos..b].chars().count();
                pos = b;
                checkpoints.push((pos, chars));
                next += STEP;
            }
        }
        CharOffsets {
            text,
            checkpoints,
            ascii,
        }
    }

    /// The code point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let (cp_byte, cp_chars) = self.checkpoints[byte / STEP];
        if cp_byte >= byte {
            // byte is on the boundary the checkpoint found (or before, impossible for a boundary)
            return cp_chars - self.text[byte..cp_byte].chars().count();
        }
        cp_chars + self.text[cp_byte..byte].chars().count()
    }

    /// Converts a byte span into a code point span `(start, end)`.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

/// Byte to code point conversion for spans that come in text order
/// (tokens, sentences): it remembers where the last conversion ended, so a
/// whole list costs one pass over the text. Any order gives the right
/// answer; out of order only costs more.
pub struct CharCursor<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        CharCursor {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    /// The code point offset of byte offset `byte` (a char boundary).
    pub fn char_offset(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte >= self.byte {
            self.chars += self.text[self.byte..byte].chars().count();
        } else {
            self.chars -= self.text[byte..self.byte].chars().count();
        }
        self.byte = byte;
        self.chars
    }

    /// A span's `(start, end)` in code points.
    pub fn span(&mut self, span: Span) -> (usize, usize) {
        let start = self.char_offset(span.start);
        (start, self.char_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_a_plain_count() {
        let text = "Örebro kommun – åäö ”citat” 😀 slut".repeat(40);
        let map = CharOffsets::new(&text);
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(map.char_offset(b), text[..b].chars().count(), "byte {b}");
        }
    }

    #[test]
    fn ascii_text_is_identity() {
        let text = "plain ascii";
        let map = CharOffsets::new(text);
        assert_eq!(map.span(Span::new(6, 11)), (6, 11));
    }

    #[test]
    fn the_cursor_agrees_with_a_plain_count_in_any_order() {
        let text = "Örebro kommun – åäö ”citat” 😀 slut".repeat(10);
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        let mut cursor = CharCursor::new(&text);
        for &b in bytes.iter().chain(bytes.iter().rev()).step_by(3) {
            assert_eq!(cursor.char_offset(b), text[..b].chars().count(), "byte {b}");
        }
        let mut cursor = CharCursor::new("plain");
        assert_eq!(cursor.span(Span::new(1, 4)), (1, 4));
    }
}
