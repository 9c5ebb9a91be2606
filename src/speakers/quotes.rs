//! Quote pairing: quotation marks paired into quotations, and the trimming
//! of a quote span (dashes, marks, white space).

use crate::span::Span;

/// `s` without the white space at its ends.
pub(super) fn trim_span(text: &str, s: Span) -> Span {
    let Some(slice) = text.get(s.start..s.end) else {
        return Span::new(s.start, s.start);
    };
    let lead = slice.len() - slice.trim_start().len();
    let t = slice.trim();
    Span::new(s.start + lead, s.start + lead + t.len())
}

/// Trims whitespace, dashes, quotation marks and a trailing comma.
pub(super) fn trim_quote(text: &str, s: Span) -> Span {
    let Some(slice) = text.get(s.start..s.end) else {
        return Span::new(s.start, s.start);
    };
    let strip: &[char] = &[
        '–', '—', '-', '−', '”', '“', '»', '«', '„', '"', ' ', '\n', '\t',
    ];
    let t1 = slice.trim_start_matches(strip);
    let start = s.start + (slice.len() - t1.len());
    let t2 = t1.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || "”“»«\"".contains(c));
    // Keep a closing quotation mark when an opening one was kept.
    let open = t2.chars().filter(|&c| c == '”' || c == '"').count() % 2 == 1;
    let end = match t1[t2.len()..].chars().next() {
        Some(c @ ('”' | '"')) if open => t2.len() + c.len_utf8(),
        _ => t2.len(),
    };
    Span::new(start, start + end)
}

/// Whether `c` is a dash that opens a quote: en dash, em dash, hyphen or
/// the minus sign some pages type for it.
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '–' | '—' | '-' | '−')
}

/// Whether the paragraph `s` opens with a dash quote ("– Vi ...", "- Vi").
pub(super) fn starts_with_dash(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some('-') => cs.next().is_some_and(char::is_whitespace),
        Some(c) => is_dash(c),
        None => false,
    }
}

/// A quoted subheading: a short line that is one quotation and no
/// sentence ("”Kritiserar majoriteten”"), followed by nothing in the same
/// paragraph or by a line break. It heads the text after it; it is nobody's
/// quote.
pub(super) fn is_quoted_subheading(s: &str) -> bool {
    let line = s.split('\n').next().unwrap_or("").trim();
    let Some(first) = line.chars().next() else {
        return false;
    };
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    let inner = line
        .trim_start_matches(['”', '“', '"', '»', '«', '„'])
        .trim_end_matches(['”', '“', '"', '»', '«']);
    let words = inner.split_whitespace().count();
    closers_of(first).is_some_and(|c| c.contains(&last))
        && line.chars().count() > 2
        && (1..=8).contains(&words)
        && !inner.ends_with(['.', ',', '!', '?', ':', ';', '…'])
        && !inner.contains(['”', '"', '»'])
}

/// The next quotation mark (”, “, «, », „ or ") in `s` at or after byte
/// `from` (a character boundary), skipping other text byte by byte: every
/// mark is `"` or starts with byte 0xC2 or 0xE2.
pub(super) fn next_mark(s: &str, from: usize) -> Option<(usize, char)> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Whether some byte of `x` is `b` (the classic zero-byte test).
    let has = |x: u64, b: u8| {
        let y = x ^ (LO * u64::from(b));
        y.wrapping_sub(LO) & !y & HI != 0
    };
    let bytes = s.as_bytes();
    let mut i = from;
    loop {
        // Eight bytes at a time past text without a candidate byte.
        while let Some(chunk) = bytes.get(i..i + 8) {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            let x = u64::from_le_bytes(b);
            if has(x, b'"') || has(x, 0xC2) || has(x, 0xE2) {
                break;
            }
            i += 8;
        }
        let &b = bytes.get(i)?;
        match b {
            b'"' => return Some((i, '"')),
            0xC2 | 0xE2 => {
                let c = s.get(i..).and_then(|t| t.chars().next())?;
                if matches!(c, '”' | '“' | '«' | '»' | '„') {
                    return Some((i, c));
                }
                i += c.len_utf8();
            }
            _ => i += 1,
        }
    }
}

/// The quotations of `text[span]`: (span with the marks, span inside them).
pub(super) fn quote_pairs(text: &str, span: Span) -> Vec<(Span, Span)> {
    // (whole pair including marks, content)
    let mut out = Vec::new();
    let Some(slice) = text.get(span.start..span.end) else {
        return out;
    };
    let mut from = 0;
    while let Some((i, c)) = next_mark(slice, from) {
        let closers = closers_of(c).unwrap_or(&['"', '”']);
        // Every closer is a mark: only the marks after the opener are tried.
        let mut at = i + c.len_utf8();
        let mut found = None;
        while let Some((j, d)) = next_mark(slice, at) {
            if closers.contains(&d) {
                found = Some((j, d));
                break;
            }
            at = j + d.len_utf8();
        }
        // An opener never closed: nothing after it can pair either.
        let Some((j, d)) = found else { break };
        let whole = Span::new(span.start + i, span.start + j + d.len_utf8());
        let content = Span::new(span.start + i + c.len_utf8(), span.start + j);
        out.push((whole, content));
        from = j + d.len_utf8();
    }
    out
}

/// The marks that close a quotation opened by `open`; `None` when `open`
/// is not a quotation mark.
pub(super) fn closers_of(open: char) -> Option<&'static [char]> {
    Some(match open {
        '”' => &['”'],
        '“' => &['”', '"', '“'],
        '«' => &['»'],
        '»' => &['»', '«'],
        '„' => &['“', '"', '”'],
        '"' => &['"', '”'],
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_subheadings_are_headings_not_quotes() {
        assert!(is_quoted_subheading("”Kritiserar majoriteten”"));
        assert!(is_quoted_subheading(
            "”Påminna om vinsterna med en krislåda”\nSamtidigt är det bara 22 procent."
        ));
        assert!(!is_quoted_subheading("”Vi är nöjda med beslutet.”"));
        assert!(!is_quoted_subheading("”Vi är nöjda”, säger Anna Ek."));
        assert!(!is_quoted_subheading("Kritiserar majoriteten"));
    }

    #[test]
    fn dashes_that_open_a_quote() {
        for s in ["– Ja.", "— Ja.", "- Ja.", "− Ja."] {
            assert!(starts_with_dash(s), "{s}");
        }
        assert!(!starts_with_dash("-Ja"));
        assert!(!starts_with_dash("Ja – nej"));
    }

    fn quote_pairs_by_chars(text: &str) -> Vec<(Span, Span)> {
        let mut out = Vec::new();
        let mut iter = text.char_indices();
        while let Some((i, c)) = iter.next() {
            let Some(closers) = closers_of(c) else {
                continue;
            };
            if let Some((j, d)) = iter.by_ref().find(|(_, d)| closers.contains(d)) {
                out.push((
                    Span::new(i, j + d.len_utf8()),
                    Span::new(i + c.len_utf8(), j),
                ));
            }
        }
        out
    }

    #[test]
    fn quote_pairs_match_the_char_walk() {
        for t in [
            "– Ja, säger hon. ”Vi är klara”, sa hon. \"Nej\" – «Kanske» och »så» här.",
            "„Början“ och „slut\" och “engelskt” och ”öppen utan slut",
            "»ett»två«tre« ’inte’ – ”a” ”b",
            "Inga citattecken alls – bara tankstreck — och ’apostrofer’.",
            "\"\"\"",
            "”",
        ] {
            let span = Span::new(0, t.len());
            assert_eq!(quote_pairs(t, span), quote_pairs_by_chars(t), "{t}");
        }
        let t = "x ”inne” y";
        assert_eq!(quote_pairs(t, Span::new(0, t.len())).len(), 1);
    }
}
