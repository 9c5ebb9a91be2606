//! Evaluation of the cleaning stage: the real example article and the test
//! pages in `tests/fixtures/clean/` (plain-text scrapes and HTML pages in
//! the styles of a news site, a municipality's press page, trade press and
//! a blog), each with an `.expected.json` of the facts cleaning must find.
//!
//! Prints the field accuracy (title, published, updated, authors, first and
//! last body sentence, and photo credits and headings where given) and fails
//! below 95%, or when any forbidden string (navigation, cookie, newsletter
//! text) is left in a page's text.

mod common;

use std::path::Path;

use serde_json::Value;
use svtext::clean::{self, BlockKind, Cleaned};
use svtext::ingest::{Format, RawDoc};

fn raw(text: &str, format: Format) -> RawDoc {
    RawDoc::in_memory("test", text, format)
}

/// Checks the structural contract: blocks in order, not overlapping, each a
/// trimmed paragraph, joined by exactly one blank line.
fn check_contract(c: &Cleaned) {
    let mut rebuilt = String::new();
    for (i, b) in c.blocks.iter().enumerate() {
        let s = b.span.slice(&c.text);
        assert_eq!(s, s.trim(), "block {i} not trimmed");
        assert!(!s.is_empty(), "block {i} empty");
        assert!(!s.contains("\n\n"), "block {i} holds a blank line");
        if i > 0 {
            assert_eq!(&c.text[c.blocks[i - 1].span.end..b.span.start], "\n\n");
        }
        if !rebuilt.is_empty() {
            rebuilt.push_str("\n\n");
        }
        rebuilt.push_str(s);
    }
    assert_eq!(rebuilt, c.text);
}

fn block_texts(c: &Cleaned, kind: BlockKind) -> Vec<&str> {
    c.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| b.span.slice(&c.text))
        .collect()
}

#[test]
#[ignore = "needs ../shared beside the checkout"]
fn voister_example() {
    let path = common::shared_example("voister-cio-utmaningar.txt");
    let text = std::fs::read_to_string(path).expect("readable example");
    let c = clean::clean(&raw(&text, Format::Text));
    check_contract(&c);
    let md = &c.metadata;
    assert_eq!(
        md.title.as_deref(),
        Some("CIO:ernas stora utmaningar: Kompetens, tillit och ansvar")
    );
    assert_eq!(c.blocks[0].kind, BlockKind::Title);
    assert_eq!(md.published.as_deref(), Some("2022-11-17"));
    assert_eq!(md.updated.as_deref(), Some("2023-10-02"));
    assert_eq!(md.authors, ["Fredrik Adolfsson"]);
    assert_eq!(
        md.photo_credits,
        ["Örebro kommun", "Huddinge kommun", "Stockholms stad"]
    );
    assert_eq!(
        md.headings,
        [
            "Verksamhetschefer behöver ta ansvar",
            "Tillit från medborgare"
        ]
    );
    let captions = block_texts(&c, BlockKind::Caption);
    assert_eq!(captions.len(), 1);
    assert!(captions[0].starts_with("Per Brogevik i Örebro kommum"));
    assert!(!captions[0].contains("Foto:"));
    let has = |text: &str, reason: &str| {
        c.removed
            .iter()
            .any(|r| r.text.contains(text) && r.reason == reason)
    };
    assert!(has("Bild På Tre Cioerna", "image"));
    assert!(has("Foto: Örebro kommun", "credit"));
    assert!(has("Reporter Fredrik Adolfssondigit", "byline"));
    for gone in [
        "Bild På Tre",
        "Voisters nyhetsbrev",
        "Allt om digitalisering",
        "Rekommenderad läsning",
        "Stäng",
        "Adolfssondigit",
        "Foto:",
    ] {
        assert!(!c.text.contains(gone), "{gone:?} left in the text");
        assert!(
            c.removed.iter().any(|r| r.text.contains(gone)),
            "{gone:?} removed without a trace"
        );
    }
    // Name lines after pull-quotes and interview questions stay body.
    let body = block_texts(&c, BlockKind::Body);
    assert!(body.contains(&"Anna Gärdin"));
    assert!(body.contains(&"Kristina Lundevall"));
    assert!(body.contains(&"Vad finns det för potentiella lösningar på problematiken?"));
    assert!(body[0].starts_with("Vilka är egentligen Sveriges digitaliseringschefers"));
    assert!(
        body.last()
            .is_some_and(|b| b.ends_with("säger Kristina Lundevall."))
    );
}

/// One fixture's verdict: fields right, fields checked, problems.
fn evaluate(path: &Path, expected: &Value) -> (usize, usize, Vec<String>) {
    let format = match path.extension().and_then(|e| e.to_str()) {
        Some("html") => Format::Html,
        _ => Format::Text,
    };
    let text = std::fs::read_to_string(path).expect("readable fixture");
    let c = clean::clean(&raw(&text, format));
    check_contract(&c);
    let md = &c.metadata;
    let mut right = 0;
    let mut total = 0;
    let mut problems = Vec::new();
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
    let mut check = |field: &str, ok: bool, got: String| {
        total += 1;
        if ok {
            right += 1;
        } else {
            problems.push(format!("{name}: {field} wrong, got {got}"));
        }
    };
    let opt = |v: &Value| v.as_str().map(str::to_string);
    check(
        "title",
        md.title == opt(&expected["title"]),
        format!("{:?}", md.title),
    );
    check(
        "published",
        md.published == opt(&expected["published"]),
        format!("{:?}", md.published),
    );
    check(
        "updated",
        md.updated == opt(&expected["updated"]),
        format!("{:?}", md.updated),
    );
    let list = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().filter_map(opt).collect())
            .unwrap_or_default()
    };
    check(
        "authors",
        md.authors == list(&expected["authors"]),
        format!("{:?}", md.authors),
    );
    let body = block_texts(&c, BlockKind::Body);
    let first = expected["first"].as_str().unwrap_or("");
    let last = expected["last"].as_str().unwrap_or("");
    check(
        "first",
        body.first().is_some_and(|b| b.starts_with(first)),
        format!("{:?}", body.first()),
    );
    check(
        "last",
        body.last().is_some_and(|b| b.ends_with(last)),
        format!("{:?}", body.last()),
    );
    if expected.get("photo_credits").is_some() {
        check(
            "photo_credits",
            md.photo_credits == list(&expected["photo_credits"]),
            format!("{:?}", md.photo_credits),
        );
    }
    if expected.get("headings").is_some() {
        check(
            "headings",
            md.headings == list(&expected["headings"]),
            format!("{:?}", md.headings),
        );
    }
    if expected.get("contacts").is_some() {
        check(
            "contacts",
            md.contacts == list(&expected["contacts"]),
            format!("{:?}", md.contacts),
        );
    }
    for bad in list(&expected["forbidden"]) {
        if c.text.contains(&bad) {
            problems.push(format!("{name}: FORBIDDEN {bad:?} left in text"));
        }
        if !c.removed.iter().any(|r| r.text.contains(&bad)) {
            problems.push(format!("{name}: {bad:?} not listed in removed"));
        }
    }
    // Markup, scripts and buttons: never in the text, need not be listed.
    for bad in list(&expected["absent"]) {
        if c.text.contains(&bad) {
            problems.push(format!("{name}: FORBIDDEN {bad:?} left in text"));
        }
    }
    (right, total, problems)
}

#[test]
fn fixture_field_accuracy() {
    let dir = common::root().join("tests/fixtures/clean");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "md" | "html")
            )
        })
        .collect();
    entries.sort();
    assert!(entries.len() >= 10, "need at least 10 test pages");
    let (mut right, mut total) = (0, 0);
    let mut problems = Vec::new();
    for page in &entries {
        let exp_path = page.with_extension("expected.json");
        let exp: Value = serde_json::from_str(
            &std::fs::read_to_string(&exp_path).expect("expected json beside the page"),
        )
        .expect("valid expected json");
        let (r, t, mut p) = evaluate(page, &exp);
        right += r;
        total += t;
        problems.append(&mut p);
    }
    let accuracy = right as f64 / total as f64;
    eprintln!(
        "clean field accuracy: {right}/{total} = {:.1}% on {} pages",
        accuracy * 100.0,
        entries.len()
    );
    for p in &problems {
        eprintln!("  {p}");
    }
    assert!(
        !problems
            .iter()
            .any(|p| p.contains("FORBIDDEN") || p.contains("not listed")),
        "furniture left in text or removed without a trace"
    );
    assert!(accuracy >= 0.95, "field accuracy {accuracy:.3} below 0.95");
}
