//! Cleaning stage: from a decoded input (plain text, HTML or a JSON Lines
//! record) to the clean article text, its paragraphs, its metadata and the
//! list of what was removed.
//!
//! The cleaned `text` is the title, headings and body joined by a blank line
//! (`"\n\n"`); every [`Block`] is a byte span into it. Nothing is removed
//! without a [`Removed`] entry.

pub mod batch;
pub mod boilerplate;
pub mod byline;
pub mod dates;
mod depth;
pub mod html;
pub mod text;

pub use dates::parse_date;

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::document::{Metadata, Removed};
use crate::ingest::{Format, RawDoc};
use crate::span::Span;

/// The kind of a paragraph of the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The article's title.
    Title,
    /// A subheading.
    Heading,
    /// Ordinary body text.
    Body,
    /// A photo caption kept in the text.
    Caption,
    /// A pull-quote or quoted paragraph.
    Quote,
    /// An interviewer's question.
    Question,
    /// A byline kept in the text ("Text: Anna Ek", "Reporter Anna Ek").
    Byline,
    /// A press contact block kept in the text ("Kontakt: ...", "För mer
    /// information ...").
    Contact,
}

impl BlockKind {
    /// The name used in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Heading => "heading",
            BlockKind::Body => "body",
            BlockKind::Caption => "caption",
            BlockKind::Quote => "quote",
            BlockKind::Question => "question",
            BlockKind::Byline => "byline",
            BlockKind::Contact => "contact",
        }
    }
}

/// A paragraph of the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Byte span into the cleaned text.
    pub span: Span,
    /// What kind of paragraph.
    pub kind: BlockKind,
}

/// The result of cleaning one input.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    /// The clean article text.
    pub text: String,
    /// Its paragraphs, in order, not overlapping.
    pub blocks: Vec<Block>,
    /// What was taken out, with the reason.
    pub removed: Vec<Removed>,
    /// Title, dates, authors, credits, headings.
    pub metadata: Metadata,
    /// Things a user should know.
    pub warnings: Vec<String>,
}

/// The blocks of a text that is already clean: one per part between blank
/// lines (`"\n\n"`), as written (not trimmed), the first a title, the rest
/// body. For running the later stages on text that skips [`clean`] (tests,
/// benches, callers with their own cleaning).
pub fn split_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut pos = 0;
    for part in text.split("\n\n") {
        let kind = if out.is_empty() {
            BlockKind::Title
        } else {
            BlockKind::Body
        };
        out.push(Block {
            span: Span::new(pos, pos + part.len()),
            kind,
        });
        pos += part.len() + 2;
    }
    byline::mark_kinds(text, &mut out);
    out
}

/// Cleans one decoded input.
///
/// Plain text and JSON Lines records go through the line-based structure
/// pass ([`text`]); HTML pages are first cut into blocks by a real HTML
/// parser ([`html`]). JSON Lines fields `title`, `date`/`published`,
/// `updated`/`modified` and `author`/`authors` feed the metadata.
pub fn clean(raw: &RawDoc) -> Cleaned {
    clean_with(raw, &Arc::default())
}

/// [`clean`] with the lines that recur in many documents of the input's
/// source (see [`batch`]): such a line shaped like furniture is removed.
/// With an empty set this is [`clean`].
pub fn clean_with(raw: &RawDoc, recurring: &Arc<BTreeSet<String>>) -> Cleaned {
    let mut out = match raw.format {
        Format::Html => clean_html(&raw.text, recurring),
        Format::Text => clean_text(&raw.text, recurring),
        Format::Jsonl => clean_record(raw, recurring),
    };
    byline::mark_kinds(&out.text, &mut out.blocks);
    if out.text.trim().is_empty() {
        let removed = std::mem::take(&mut out.removed);
        let metadata = std::mem::take(&mut out.metadata);
        let mut warnings = std::mem::take(&mut out.warnings);
        warnings.push("no article text found after cleaning".to_string());
        out = Cleaned {
            removed,
            metadata,
            warnings,
            ..Default::default()
        };
    }
    out
}

/// Splits a YAML front matter block (`---` ... `---` at the very start of a
/// Markdown file) from the text: `(front matter, rest)`.
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let lead = text.len() - text.trim_start().len();
    let Some(after) = text[lead..].strip_prefix("---\n") else {
        return (None, text);
    };
    let mut pos = 0;
    for (n, line) in after.split('\n').enumerate() {
        if n > 200 {
            break;
        }
        let end = pos + line.len();
        if n > 0 && matches!(line.trim_end(), "---" | "...") {
            let block = &text[lead..lead + 4 + end];
            let rest = after.get((end + 1).min(after.len())..).unwrap_or("");
            return (Some(block), rest);
        }
        pos = end + 1;
    }
    (None, text)
}

/// The value of `key: value` lines of a front matter block.
fn front_matter_value<'a>(block: &'a str, keys: &[&str]) -> Option<&'a str> {
    block.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        let v = v.trim().trim_matches(['"', '\'']).trim();
        (keys.contains(&k.trim().to_lowercase().as_str()) && !v.is_empty()).then_some(v)
    })
}

fn clean_text(source: &str, recurring: &Arc<BTreeSet<String>>) -> Cleaned {
    let (front, body) = split_front_matter(source);
    let paras = text::paragraphs(body);
    let mut out = text::structure(
        &paras,
        &text::Options {
            detect_title: true,
            recurring: Arc::clone(recurring),
            ..Default::default()
        },
    );
    if let Some(block) = front {
        let md = &mut out.metadata;
        if md.title.is_none() {
            md.title = front_matter_value(block, &["title", "rubrik"]).map(str::to_string);
        }
        if md.published.is_none() {
            md.published = front_matter_value(block, &["date", "published", "publicerad", "datum"])
                .and_then(|d| dates::parse_date(d, None));
        }
        if md.updated.is_none() {
            md.updated = front_matter_value(block, &["updated", "modified", "uppdaterad"])
                .and_then(|d| dates::parse_date(d, None));
        }
        if md.authors.is_empty()
            && let Some(a) = front_matter_value(block, &["author", "författare", "skribent"])
        {
            md.authors.push(a.to_string());
        }
        out.removed.insert(
            0,
            Removed {
                text: block.trim_end().to_string(),
                reason: "front-matter".to_string(),
            },
        );
    }
    out
}

/// A string field of a JSON Lines record.
fn field_str<'a>(raw: &'a RawDoc, names: &[&str]) -> Option<&'a str> {
    names.iter().find_map(|n| {
        raw.fields
            .get(*n)
            .and_then(serde_json::Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    })
}

/// Whether a record's text is an HTML page or fragment (CMS exports).
fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('<')
        && [
            "</p>", "</div>", "</html>", "<br", "</h1>", "</h2>", "</li>",
        ]
        .iter()
        .any(|tag| t.contains(tag))
}

fn clean_record(raw: &RawDoc, recurring: &Arc<BTreeSet<String>>) -> Cleaned {
    let title = field_str(raw, &["title", "headline", "rubrik"]).map(str::to_string);
    let mut out = if looks_like_html(&raw.text) {
        let mut c = clean_html(&raw.text, recurring);
        if c.metadata.title.is_none() {
            c.metadata.title = title;
        }
        c
    } else {
        let paras = text::paragraphs(&raw.text);
        text::structure(
            &paras,
            &text::Options {
                detect_title: title.is_none(),
                known_title: title,
                reference: None,
                recurring: Arc::clone(recurring),
            },
        )
    };
    let date = |names: &[&str]| field_str(raw, names).and_then(|d| dates::parse_date(d, None));
    if let Some(d) = date(&[
        "published",
        "date",
        "datePublished",
        "published_at",
        "publicerad",
    ]) {
        out.metadata.published = Some(d);
    }
    if let Some(d) = date(&[
        "updated",
        "modified",
        "dateModified",
        "updated_at",
        "uppdaterad",
    ]) {
        out.metadata.updated = Some(d);
    }
    let mut authors = Vec::new();
    for key in ["authors", "author", "byline"] {
        match raw.fields.get(key) {
            Some(serde_json::Value::String(s)) => {
                for a in s.split([',', ';', '&']).flat_map(|a| a.split(" och ")) {
                    let a = a.trim();
                    if !a.is_empty() {
                        authors.push(a.to_string());
                    }
                }
            }
            Some(serde_json::Value::Array(list)) => {
                for v in list {
                    let name = v
                        .as_str()
                        .or_else(|| v.get("name").and_then(serde_json::Value::as_str));
                    if let Some(a) = name.map(str::trim).filter(|a| !a.is_empty()) {
                        authors.push(a.to_string());
                    }
                }
            }
            _ => {}
        }
        if !authors.is_empty() {
            break;
        }
    }
    if !authors.is_empty() {
        out.metadata.authors = authors;
    }
    out
}

fn clean_html(src: &str, recurring: &Arc<BTreeSet<String>>) -> Cleaned {
    let page = html::extract(src);
    let meta = &page.meta;
    let known_title = meta.h1.clone().or_else(|| meta.head_title.clone());
    let mut out = text::structure(
        &page.paras,
        &text::Options {
            known_title,
            detect_title: false,
            reference: None,
            recurring: Arc::clone(recurring),
        },
    );
    let md = &mut out.metadata;
    let first = |list: [&Option<String>; 4]| list.into_iter().find_map(|x| x.clone());
    md.published = first([
        &meta.ld_published,
        &meta.meta_published,
        &meta.time_published,
        &meta.byline_published,
    ])
    .or(md.published.take());
    md.updated = first([
        &meta.ld_updated,
        &meta.meta_updated,
        &meta.byline_updated,
        &None,
    ])
    .or(md.updated.take());
    for list in [&meta.ld_authors, &meta.meta_authors, &meta.byline_authors] {
        if !list.is_empty() {
            md.authors = list.clone();
            break;
        }
    }
    let mut removed = page.removed;
    // A title block outside the article root that became the text's title
    // is not removed text.
    if let Some(t) = out.metadata.title.as_deref() {
        removed.retain(|r| r.text != t);
    }
    removed.append(&mut out.removed);
    out.removed = removed;
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn split_blocks_slices_the_parts_between_blank_lines() {
        let text = "Rubrik\n\nFörsta stycket.\nRad två.\n\nSista.";
        let blocks = split_blocks(text);
        let parts: Vec<&str> = blocks.iter().map(|b| b.span.slice(text)).collect();
        assert_eq!(parts, ["Rubrik", "Första stycket.\nRad två.", "Sista."]);
        assert_eq!(blocks[0].kind, BlockKind::Title);
        assert!(blocks[1..].iter().all(|b| b.kind == BlockKind::Body));
    }

    use super::*;
    use proptest::prelude::*;

    fn raw(text: &str, format: Format) -> RawDoc {
        RawDoc::in_memory("t", text, format)
    }

    /// Blocks are valid, ordered, trimmed, non-overlapping spans joined by "\n\n".
    fn assert_valid(c: &Cleaned) {
        let mut prev_end = 0;
        for (i, b) in c.blocks.iter().enumerate() {
            assert!(b.span.start <= b.span.end && b.span.end <= c.text.len());
            assert!(c.text.is_char_boundary(b.span.start) && c.text.is_char_boundary(b.span.end));
            if i > 0 {
                assert_eq!(&c.text[prev_end..b.span.start], "\n\n");
            } else {
                assert_eq!(b.span.start, 0);
            }
            let s = b.span.slice(&c.text);
            assert!(!s.is_empty() && s == s.trim());
            prev_end = b.span.end;
        }
        assert_eq!(prev_end, c.text.len());
    }

    #[test]
    fn empty_and_script_only_html_give_empty_text_with_warning() {
        for src in [
            "",
            "<html></html>",
            "<html><head><script>var a = 1;</script><style>p{}</style></head><body><script>alert(1)</script></body></html>",
        ] {
            let c = clean(&raw(src, Format::Html));
            assert!(c.text.is_empty(), "{src}");
            assert!(c.blocks.is_empty());
            assert!(!c.warnings.is_empty());
        }
    }

    #[test]
    fn deeply_nested_html_does_not_overflow() {
        let depth = 20_000;
        let mut src = String::from("<html><body>");
        for _ in 0..depth {
            src.push_str("<div>");
        }
        src.push_str("<p>Kommunen satsar på digitala tjänster för alla invånare.</p>");
        for _ in 0..depth {
            src.push_str("</div>");
        }
        src.push_str("</body></html>");
        let c = clean(&raw(&src, Format::Html));
        assert_valid(&c);
        assert!(c.text.contains("Kommunen satsar på digitala tjänster"));
    }

    #[test]
    fn html_entities_and_markup() {
        let src = "<html><head><title>R&auml;ttvis &amp; &ouml;ppen | Sajt</title></head><body><article>\
                   <h1>R&auml;ttvis &amp; &ouml;ppen</h1><p>F&ouml;rsta <b>stycket</b> &ndash; med <a href='#'>l&auml;nk</a>.</p>\
                   <p>Andra<br>raden h&auml;r.</p></article></body></html>";
        let c = clean(&raw(src, Format::Html));
        assert_valid(&c);
        assert_eq!(c.metadata.title.as_deref(), Some("Rättvis & öppen"));
        assert_eq!(
            c.text,
            "Rättvis & öppen\n\nFörsta stycket – med länk.\n\nAndra\nraden här."
        );
        assert_eq!(c.blocks[0].kind, BlockKind::Title);
    }

    #[test]
    fn a_date_line_inside_a_short_item_does_not_cut_the_body() {
        let src = "Kommunen stänger e-tjänsten för underhåll\n\nE-tjänsten för bygglov är stängd under helgen på grund av underhåll.\n\nPublicerad 3 mars 2025\n\nArbetet beräknas vara klart på måndag morgon enligt kommunen.\n\nDen som har frågor kan ringa kontaktcenter under helgen.";
        let c = clean(&raw(src, Format::Text));
        assert_valid(&c);
        assert_eq!(c.metadata.published.as_deref(), Some("2025-03-03"));
        assert!(c.text.ends_with("kan ringa kontaktcenter under helgen."));
        assert!(!c.text.contains("Publicerad"));
    }

    #[test]
    fn title_tag_without_h1() {
        let src = "<html><head><title>Norrbacka kommun | Nya e-tjänster ska korta väntetiderna</title></head>\
                   <body><p>Kommunen lanserar nya e-tjänster för bygglov och försörjningsstöd.</p></body></html>";
        let c = clean(&raw(src, Format::Html));
        assert_valid(&c);
        assert_eq!(
            c.metadata.title.as_deref(),
            Some("Nya e-tjänster ska korta väntetiderna")
        );
        assert_eq!(c.blocks[0].kind, BlockKind::Title);
    }

    #[test]
    fn double_br_splits_paragraphs() {
        let src = "<html><body><div class=\"text\"><b>Rubrik h&auml;r</b><br><br>F&ouml;rsta stycket om kommunen.<br>Samma stycke.<br><br>Andra stycket om regionen.</div></body></html>";
        let c = clean(&raw(src, Format::Html));
        assert_valid(&c);
        let blocks: Vec<&str> = c.blocks.iter().map(|b| b.span.slice(&c.text)).collect();
        assert_eq!(
            blocks,
            [
                "Rubrik här",
                "Första stycket om kommunen.\nSamma stycke.",
                "Andra stycket om regionen."
            ]
        );
    }

    #[test]
    fn jsonl_fields_feed_metadata() {
        let mut r = raw(
            "Interpellation om digital tillit\n\nDet är viktigt att medborgarna kan lita på myndigheternas digitala tjänster.",
            Format::Jsonl,
        );
        r.fields
            .insert("title".into(), "Interpellation om digital tillit".into());
        r.fields.insert("date".into(), "2023-09-05".into());
        r.fields.insert("author".into(), "Anna Berg".into());
        let c = clean(&r);
        assert_valid(&c);
        assert_eq!(
            c.metadata.title.as_deref(),
            Some("Interpellation om digital tillit")
        );
        assert_eq!(c.metadata.published.as_deref(), Some("2023-09-05"));
        assert_eq!(c.metadata.authors, ["Anna Berg"]);
        assert_eq!(c.blocks.len(), 2);
        assert!(c.metadata.fields.is_empty());
        // A title that is not in the text is put before it.
        let mut r = raw(
            "Brödtext som inte börjar med rubriken, utan med en mening.",
            Format::Jsonl,
        );
        r.fields.insert("title".into(), "En annan rubrik".into());
        let c = clean(&r);
        assert_valid(&c);
        assert!(c.text.starts_with("En annan rubrik\n\nBrödtext"));
        assert_eq!(c.blocks[0].kind, BlockKind::Title);
    }

    #[test]
    fn markdown_front_matter_and_headings() {
        let src = "\n---\ntitle: \"Annan rubrik\"\ndate: 2024-05-02\nauthor: Eva Ek\n---\n# Lag om digital förvaltning\n\n## 1 §\n\nDenna lag gäller för myndigheter som tillhandahåller digitala tjänster till enskilda.\n";
        let c = clean(&raw(src, Format::Text));
        assert_valid(&c);
        assert_eq!(
            c.metadata.title.as_deref(),
            Some("Lag om digital förvaltning")
        );
        assert_eq!(c.metadata.published.as_deref(), Some("2024-05-02"));
        assert_eq!(c.metadata.authors, ["Eva Ek"]);
        assert_eq!(c.metadata.headings, ["1 §"]);
        assert!(
            c.text
                .starts_with("Lag om digital förvaltning\n\n1 §\n\nDenna lag")
        );
        assert_eq!(c.removed[0].reason, "front-matter");
        assert!(c.removed[0].text.contains("author: Eva Ek"));
    }

    #[test]
    fn jsonl_record_with_html_text() {
        let mut r = raw(
            "<h1>Ny e-tjänst</h1><p>Kommunen lanserar en ny e-tjänst för bygglov.</p><nav>Meny</nav>",
            Format::Jsonl,
        );
        r.fields.insert("date".into(), "2024-01-02".into());
        let c = clean(&r);
        assert_valid(&c);
        assert_eq!(
            c.text,
            "Ny e-tjänst\n\nKommunen lanserar en ny e-tjänst för bygglov."
        );
        assert_eq!(c.metadata.published.as_deref(), Some("2024-01-02"));
        assert!(c.removed.iter().any(|r| r.text == "Meny"));
    }

    #[test]
    fn plain_text_keeps_paragraph_internal_newlines() {
        let src = "Rubrik för artikeln\n\nFörsta raden i stycket\nandra raden i samma stycke.\n\n\n\nSista stycket är här.";
        let c = clean(&raw(src, Format::Text));
        assert_valid(&c);
        assert_eq!(
            c.text,
            "Rubrik för artikeln\n\nFörsta raden i stycket\nandra raden i samma stycke.\n\nSista stycket är här."
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn never_panics_and_spans_are_valid(s in "(?s).{0,400}", html in any::<bool>()) {
            let c = clean(&raw(&s, if html { Format::Html } else { Format::Text }));
            assert_valid(&c);
        }

        #[test]
        fn never_panics_on_tag_soup(parts in proptest::collection::vec(
            prop_oneof![
                Just("<article>"), Just("</article>"), Just("<p>"), Just("</p>"), Just("<h1>"),
                Just("</h1>"), Just("<h2>"), Just("<nav>"), Just("</nav>"), Just("<br>"),
                Just("<div class=\"cookie-banner\">"), Just("</div>"), Just("<figure><figcaption>"),
                Just("Foto: Anna Berg"), Just("<script>x()</script>"), Just("<time datetime=\"2024-01-02\">"),
                Just("<p class=\"byline\">Av Eva Ek</p>"), Just("&amp;"), Just("&#x0;"), Just("Läs också"),
                Just("Kommunen satsar på digitala tjänster."), Just("\n\n"), Just("<img alt=\"Bild\">"),
                Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[1,{}]}</script>"),
            ], 0..60)) {
            let s: String = parts.concat();
            assert_valid(&clean(&raw(&s, Format::Html)));
            assert_valid(&clean(&raw(&s, Format::Jsonl)));
        }

        #[test]
        fn never_panics_on_line_soup(lines in proptest::collection::vec(
            prop_oneof![
                Just("Stäng".to_string()),
                Just("Foto: Anna Berg".to_string()),
                Just("Läs också".to_string()),
                Just("17 november 2022Uppdaterad 2 oktober 2023Reporter Fredrik Adolfssondigit".to_string()),
                Just("För mer information, kontakta:".to_string()),
                Just("Anna Gärdin".to_string()),
                Just("# Rubrik".to_string()),
                Just("".to_string()),
                Just("<p>Stycke</p>".to_string()),
                "[a-zåäöA-ZÅÄÖ .,:?!\\-–0-9]{0,60}",
            ], 0..40)) {
            let s = lines.join("\n");
            for format in [Format::Text, Format::Html, Format::Jsonl] {
                assert_valid(&clean(&raw(&s, format)));
            }
        }
    }
}
