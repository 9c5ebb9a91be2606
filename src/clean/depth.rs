//! A bound on HTML nesting before the page is parsed.
//!
//! An HTML parser checks the stack of open elements for nearly every tag,
//! so a page of 100,000 nested (or never closed) `<div>`s costs time that
//! grows with the square of its depth: minutes for one megabyte. Real
//! pages nest a few dozen levels. [`bounded`] scans the tags once and,
//! only when the nesting goes deeper than [`MAX_DEPTH`], drops the tags
//! below that depth (keeping all text), so the parser's work stays linear.

use std::borrow::Cow;

/// The deepest nesting kept; tags below it are dropped, their text kept.
pub const MAX_DEPTH: usize = 512;

/// Elements without content (never opened).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag may be left out: the parser closes them itself,
/// so they are not counted as open.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb",
    "rt", "rp", "colgroup", "caption",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noscript",
];

/// One tag found by the scan.
struct Tag<'a> {
    start: usize,
    end: usize,
    name: &'a str,
    closing: bool,
    self_closing: bool,
}

/// The tag at `s[at..]` (which starts with `<`), if it is one.
fn tag_at(s: &str, at: usize) -> Option<Tag<'_>> {
    let b = s.as_bytes();
    let mut i = at + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
        i += 1;
    }
    if i == name_start || !b[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = &s[name_start..i];
    let gt = memchr::memchr(b'>', &b[i..])? + i;
    Some(Tag {
        start: at,
        end: gt + 1,
        name,
        closing,
        self_closing: gt > 0 && b[gt - 1] == b'/',
    })
}

/// The page with tags deeper than [`MAX_DEPTH`] removed (replaced by a
/// space), or the page itself when it nests less deeply.
pub fn bounded(src: &str) -> Cow<'_, str> {
    bounded_at(src, MAX_DEPTH)
}

fn bounded_at(src: &str, max: usize) -> Cow<'_, str> {
    let b = src.as_bytes();
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of src already handled in `out`
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let at = i + off;
        if src[at..].starts_with("<!--") {
            i = src[at..].find("-->").map_or(b.len(), |e| at + e + 3);
            continue;
        }
        let Some(tag) = tag_at(src, at) else {
            i = at + 1;
            continue;
        };
        i = tag.end;
        let name = tag.name.to_ascii_lowercase();
        let counted = !VOID.contains(&name.as_str()) && !OPTIONAL_END.contains(&name.as_str());
        let mut drop = false;
        if tag.closing {
            if counted {
                drop = depth > max;
                depth = depth.saturating_sub(1);
            }
        } else if counted && !tag.self_closing {
            depth += 1;
            drop = depth > max;
            if RAW_TEXT.contains(&name.as_str()) {
                // skip to the end tag: its content is not markup
                let close = format!("</{name}");
                let rest = &src[tag.end..];
                let lower = rest.to_ascii_lowercase();
                i = lower.find(&close).map_or(b.len(), |e| tag.end + e);
            }
        }
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(src.len()));
            o.push_str(&src[copied..tag.start]);
            o.push(' ');
            copied = tag.end;
        }
    }
    match out {
        None => Cow::Borrowed(src),
        Some(mut o) => {
            o.push_str(&src[copied..]);
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_left_as_they_are() {
        let page = "<html><head><script>if (a<b) {}</script></head><body><p>Ett<p>Två<br><img src=x/><div><span>Tre</span></div><!-- <div> --></body></html>";
        assert!(matches!(bounded(page), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_deeper_than_the_bound_are_dropped_and_their_text_kept() {
        let page = format!(
            "<body>{}<p>Regionen tar ansvar.</p>{}</body>",
            "<div>".repeat(10),
            "</div>".repeat(10)
        );
        let got = bounded_at(&page, 4);
        assert!(got.contains("Regionen tar ansvar."));
        assert_eq!(got.matches("<div>").count(), 3, "{got}"); // body + 3 divs = 4 levels
        assert_eq!(got.matches("</div>").count(), 3, "{got}");
        let unclosed = format!("<body>{}<p>Text</p>", "<b><i>".repeat(20));
        let got = bounded_at(&unclosed, 6);
        assert!(got.contains("Text"));
        assert!(got.matches('<').count() < 16, "{got}");
    }

    #[test]
    fn a_hundred_thousand_nested_divs_parse_in_bounded_time() {
        let page = format!(
            "<html><body><article><h1>Djupt</h1>{}<p>Regionen tar ansvar.</p>{}</article></body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let started = std::time::Instant::now();
        let doc = crate::clean::html::extract(&page);
        assert!(
            started.elapsed().as_secs() < 10,
            "took {:?}",
            started.elapsed()
        );
        let _ = doc;
    }
}
