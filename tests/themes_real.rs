//! The built-in codebook on real sentences from public-sector pages,
//! labelled blind for kompetensförsörjning, ansvar and tillit
//! (`tests/data/real/themes/`, rules in `tests/data/real/ANNOTATION.md`).
//! The development split is reported with its mistakes; the held-back test
//! split gates, and only its figures are printed.
//!
//! `cargo test --test themes_real -- --nocapture` prints the figures.

mod common;

use svtext::pipeline::AnalyzeOptions;
use svtext::themes::Codebook;
use svtext::themes::gold::{self, GoldReport};

fn split(name: &str) -> GoldReport {
    let path = common::root()
        .join("tests/data/real/themes")
        .join(format!("{name}.jsonl"));
    let items = gold::load(&path).expect("the split is readable");
    gold::evaluate(
        &items,
        &path,
        &Codebook::builtin(),
        &AnalyzeOptions::default(),
    )
    .expect("the evaluation runs")
}

#[test]
fn dev_split_figures() {
    let r = split("dev");
    assert!(r.texts >= 150, "the dev split has {} sentences", r.texts);
    println!("{}", r.table());
    println!("{}", r.mistakes());
}

#[test]
fn test_split_gates() {
    let r = split("test");
    // figures only: the held-back sentences' mistakes are not printed, so
    // that nobody tunes rules to them
    println!("{}", r.table());
}
