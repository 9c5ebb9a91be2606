//! svtext on real public-sector pages nobody on the team wrote, annotated
//! blind (`tests/data/real/`). The development split is reported; the
//! held-back test split gates.
//!
//! `cargo test --test real_pages -- --nocapture` prints the figures.

mod common;

use common::real;

#[test]
fn dev_split_figures() {
    let sc = real::score_split("dev");
    assert!(sc.pages >= 30, "the dev split has {} pages", sc.pages);
    println!("{}", sc.report("dev"));
    for m in &sc.misses {
        println!("  {m}");
    }
}

#[test]
fn test_split_gates() {
    let sc = real::score_split("test");
    assert!(sc.pages >= 10, "the test split has {} pages", sc.pages);
    // figures only: the held-back pages' misses are not printed, so that
    // nobody tunes rules to them
    println!("{}", sc.report("test"));
}
