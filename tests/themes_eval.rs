//! Evaluation of the default codebook on a hand-annotated set of sentences
//! (tests/fixtures/themes/annotated.txt), and on the real example article.
//!
//! Prints precision and recall per theme and overall; fails below 0.95.

mod common;

use std::collections::BTreeMap;

use svtext::language::analyze;
use svtext::span::Span;
use svtext::themes::{Codebook, ThemeHit};

struct Item {
    line: usize,
    text: String,
    /// (theme id, surface, expected hit?)
    expect: Vec<(String, String, bool)>,
}

fn load_annotations(name: &str) -> Vec<Item> {
    let path = common::root().join("tests/fixtures/themes").join(name);
    let src = std::fs::read_to_string(&path).expect("annotated.txt is readable");
    let mut items: Vec<Item> = Vec::new();
    for (i, line) in src.lines().enumerate() {
        if let Some(s) = line.strip_prefix("S ") {
            items.push(Item {
                line: i + 1,
                text: s.to_string(),
                expect: vec![],
            });
        } else if let Some(rest) = line
            .strip_prefix("+ ")
            .map(|r| (r, true))
            .or_else(|| line.strip_prefix("- ").map(|r| (r, false)))
        {
            let (body, positive) = rest;
            let (theme, surface) = body
                .split_once(' ')
                .unwrap_or_else(|| panic!("line {}: expected `THEME SURFACE`", i + 1));
            let item = items
                .last_mut()
                .unwrap_or_else(|| panic!("line {}: annotation before any sentence", i + 1));
            assert!(
                item.text.contains(surface),
                "line {}: {surface:?} is not in the sentence",
                i + 1
            );
            item.expect
                .push((theme.to_string(), surface.to_string(), positive));
        }
    }
    items
}

fn tag(cb: &Codebook, text: &str) -> Vec<ThemeHit> {
    let a = analyze(text, &[Span::new(0, text.len())], true);
    let hits = cb.tag(text, &a.tokens);
    check_invariants(text, &hits);
    hits
}

/// Offsets slice the text at char boundaries; hits are sorted by (start,
/// theme) and never overlap within one theme.
fn check_invariants(text: &str, hits: &[ThemeHit]) {
    for h in hits {
        assert!(
            text.get(h.span.start..h.span.end)
                .is_some_and(|s| !s.trim().is_empty()),
            "bad span {:?}",
            h.span
        );
    }
    for w in hits.windows(2) {
        assert!(
            (w[0].span.start, w[0].theme) <= (w[1].span.start, w[1].theme),
            "hits out of order"
        );
    }
    for (i, a) in hits.iter().enumerate() {
        for b in &hits[i + 1..] {
            if a.theme == b.theme {
                assert!(
                    a.span.end <= b.span.start || b.span.end <= a.span.start,
                    "overlapping hits {a:?} {b:?}"
                );
            }
        }
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fneg: usize,
    sentences: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Evaluates one annotated file; returns per-theme counts and (precision,
/// recall) overall, after printing the errors and a table.
fn evaluate(name: &str) -> (BTreeMap<String, Counts>, f64, f64) {
    let cb = Codebook::builtin();
    let ids: Vec<&str> = cb.themes().iter().map(|t| t.id.as_str()).collect();
    let items = load_annotations(name);
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut errors = Vec::new();
    for item in &items {
        let hits = tag(&cb, &item.text);
        let mut used = vec![false; hits.len()];
        let mut themes_here: Vec<&str> = Vec::new();
        let mut cursor: BTreeMap<&str, usize> = BTreeMap::new();
        for (theme, surface, positive) in &item.expect {
            assert!(
                ids.contains(&theme.as_str()),
                "line {}: unknown theme {theme}",
                item.line
            );
            if !themes_here.contains(&theme.as_str()) {
                themes_here.push(theme);
            }
            if !positive {
                continue;
            }
            let from = cursor.get(surface.as_str()).copied().unwrap_or(0);
            let start = item.text[from..]
                .find(surface.as_str())
                .map(|s| s + from)
                .expect("surface in sentence");
            cursor.insert(surface, start + 1);
            let span = Span::new(start, start + surface.len());
            let found = hits.iter().enumerate().find(|(k, h)| {
                !used[*k]
                    && ids[h.theme] == theme
                    && h.span.start < span.end
                    && span.start < h.span.end
            });
            let c = counts.entry(theme.clone()).or_default();
            match found {
                Some((k, _)) => {
                    used[k] = true;
                    c.tp += 1;
                }
                None => {
                    c.fneg += 1;
                    errors.push(format!(
                        "MISS  line {} {theme}: {surface:?} in {:?}",
                        item.line, item.text
                    ));
                }
            }
        }
        for (k, h) in hits.iter().enumerate() {
            if !used[k] {
                let id = ids[h.theme];
                counts.entry(id.to_string()).or_default().fp += 1;
                errors.push(format!(
                    "FALSE line {} {id}: {:?} (term {:?}, {}) in {:?}",
                    item.line,
                    h.span.slice(&item.text),
                    h.term,
                    h.kind.as_str(),
                    item.text
                ));
            }
        }
        for t in themes_here {
            counts.entry(t.to_string()).or_default().sentences += 1;
        }
    }
    eprintln!("== {name}");
    for e in &errors {
        eprintln!("{e}");
    }
    let mut total = Counts::default();
    eprintln!(
        "{:<22} {:>9} {:>4} {:>4} {:>4} {:>9} {:>7}",
        "theme", "sentences", "tp", "fp", "fn", "precision", "recall"
    );
    for (t, c) in &counts {
        eprintln!(
            "{t:<22} {:>9} {:>4} {:>4} {:>4} {:>9.3} {:>7.3}",
            c.sentences,
            c.tp,
            c.fp,
            c.fneg,
            ratio(c.tp, c.tp + c.fp),
            ratio(c.tp, c.tp + c.fneg)
        );
        total.tp += c.tp;
        total.fp += c.fp;
        total.fneg += c.fneg;
    }
    let (p, r) = (
        ratio(total.tp, total.tp + total.fp),
        ratio(total.tp, total.tp + total.fneg),
    );
    eprintln!(
        "{:<22} {:>9} {:>4} {:>4} {:>4} {p:>9.3} {r:>7.3}",
        "overall",
        items.len(),
        total.tp,
        total.fp,
        total.fneg
    );
    (counts, p, r)
}

#[test]
fn annotated_precision_and_recall() {
    let (counts, p, r) = evaluate("annotated.txt");
    for t in Codebook::builtin().themes() {
        let n = counts.get(&t.id).map(|c| c.sentences).unwrap_or(0);
        assert!(
            n >= 15,
            "theme {} has only {n} annotated sentences (need 15)",
            t.id
        );
    }
    assert!(p >= 0.95, "precision {p:.3} below 0.95");
    assert!(r >= 0.95, "recall {r:.3} below 0.95");
}

/// The held-out set (written after the codebook) measures what the
/// vocabulary misses; its figures are reported, with floors below the
/// tuned set's so that a regression still fails.
#[test]
fn heldout_precision_and_recall() {
    let (_, p, r) = evaluate("heldout.txt");
    assert!(p >= 0.90, "held-out precision {p:.3} below 0.90");
    assert!(r >= 0.60, "held-out recall {r:.3} below 0.60");
}

#[test]
#[ignore = "needs ../shared beside the checkout"]
fn example_article_hits_the_three_required_themes() {
    let path = common::shared_example("voister-cio-utmaningar.txt");
    let text = std::fs::read_to_string(path).expect("example is readable");
    let paragraphs: Vec<Span> = {
        let mut v = Vec::new();
        let mut pos = 0;
        for part in text.split('\n') {
            if !part.trim().is_empty() {
                v.push(Span::new(pos, pos + part.len()));
            }
            pos += part.len() + 1;
        }
        v
    };
    let a = analyze(&text, &paragraphs, true);
    let cb = Codebook::builtin();
    let hits = cb.tag(&text, &a.tokens);
    check_invariants(&text, &hits);
    let of = |id: &str| -> Vec<&ThemeHit> {
        let i = cb
            .themes()
            .iter()
            .position(|t| t.id == id)
            .expect("theme exists");
        hits.iter().filter(|h| h.theme == i).collect()
    };
    for h in &hits {
        eprintln!(
            "{:<22} {:<10} {:?} (term {:?})",
            cb.themes()[h.theme].id,
            h.kind.as_str(),
            h.span.slice(&text),
            h.term
        );
    }
    for id in ["kompetensförsörjning", "ansvar", "tillit"] {
        let n = of(id).len();
        eprintln!("{id}: {n} hits");
        assert!(n >= 3, "{id} has only {n} hits in the example");
    }
    let compound = of("ansvar")
        .into_iter()
        .find(|h| h.span.slice(&text) == "digitaliseringsansvar")
        .expect("digitaliseringsansvar is an ansvar hit");
    assert_eq!(compound.kind.as_str(), "compound");
    assert_eq!(compound.term, "ansvar");
    assert!(
        of("tillit")
            .iter()
            .any(|h| h.span.slice(&text) == "tilliten")
    );
    assert!(
        of("tillit")
            .iter()
            .any(|h| h.span.slice(&text) == "lita på")
    );
    assert!(
        of("kompetensförsörjning")
            .iter()
            .any(|h| h.span.slice(&text) == "kompetensförsörjning")
    );
    // Sentence indices point at the sentence that holds the hit.
    for h in &hits {
        assert!(
            a.sentences[h.sentence].contains(h.span),
            "{h:?} outside its sentence"
        );
    }
}

/// The example codebooks in every format load from files and tag the same
/// sentence alike.
#[test]
fn example_codebooks_in_every_format() {
    let text = "Styrdokumenten bygger på tillit, och medborgarna litar på styrningen. \
                De förtroendevalda antog styrmodellen.";
    let dir = common::root().join("tests/fixtures/themes");
    let mut seen = Vec::new();
    for (file, expect) in [
        (
            "example.toml",
            vec![
                ("styrning", "Styrdokumenten"),
                ("tillit", "tillit"),
                ("tillit", "litar på"),
                ("styrning", "styrningen"),
                ("styrning", "styrmodellen"),
            ],
        ),
        (
            "example.yml",
            vec![
                ("styrning/dokument", "Styrdokumenten"),
                ("tillit", "tillit"),
                // no exclusions in quanteda dictionaries; "lita på" is exact
                ("tillit", "förtroendevalda"),
                ("styrning/dokument", "styrmodellen"),
            ],
        ),
        (
            "example.dic",
            vec![
                ("styrning", "Styrdokumenten"),
                ("tillit", "tillit"),
                ("styrning", "styrningen"),
                ("tillit", "förtroendevalda"),
                ("styrning", "styrmodellen"),
            ],
        ),
    ] {
        let cb = Codebook::load(&dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let hits = tag(&cb, text);
        let got: Vec<(&str, &str)> = hits
            .iter()
            .map(|h| (cb.themes()[h.theme].id.as_str(), h.span.slice(text)))
            .collect();
        assert_eq!(got, expect, "{file}");
        assert!(cb.report().contains("OK,"));
        seen.push(cb.hash().to_string());
    }
    seen.dedup();
    assert_eq!(seen.len(), 3, "each source has its own hash");
}
