//! The finite-verb test that cleaning uses for pictures' descriptions
//! (`clean::text::verbs`), on real sentences it was not built from: the
//! Swedish web news of `../shared/data/ner/` (Webbnyheter 2012). A
//! sentence of an article has a finite verb; the test counts how often
//! svtext says one has none (a sentence it could remove if it stood alone
//! between paragraphs).

mod common;

use svtext::clean::text::verbs::has_finite_verb;

/// The corpus's sentences, rebuilt from its tokens (one per line, a blank
/// line between sentences).
fn sentences() -> Vec<String> {
    let path = common::shared_data("ner/test_corpus.txt");
    let text = std::fs::read_to_string(&path).expect("the NER corpus");
    let mut out = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for line in text.lines().chain([""]) {
        let tok = line.split_whitespace().next();
        match tok {
            Some(t) => cur.push(t.to_string()),
            None if !cur.is_empty() => {
                let mut s = String::new();
                for t in cur.drain(..) {
                    if !s.is_empty() && !matches!(t.as_str(), "." | "," | "!" | "?" | ":" | ";") {
                        s.push(' ');
                    }
                    s.push_str(&t);
                }
                out.push(s);
            }
            None => {}
        }
    }
    out
}

#[test]
#[ignore = "needs ../shared beside the checkout"]
fn sentences_of_real_news_have_a_finite_verb() {
    // the sentences the caption rule could look at: five words or more,
    // a capital letter to a full stop, no digits, quotes or colons
    let candidates: Vec<String> = sentences()
        .into_iter()
        .filter(|s| {
            s.split_whitespace().count() >= 5
                && s.ends_with('.')
                && s.starts_with(char::is_uppercase)
                && !s.contains(|c: char| c.is_ascii_digit() || "\"”:–!?%/@".contains(c))
        })
        .collect();
    let verbless: Vec<&String> = candidates.iter().filter(|s| !has_finite_verb(s)).collect();
    let share = verbless.len() as f64 / candidates.len() as f64;
    println!(
        "{} of {} news sentences without a finite verb ({:.2} %)",
        verbless.len(),
        candidates.len(),
        share * 100.0
    );
    for s in verbless.iter().take(40) {
        println!("  {s}");
    }
    assert!(candidates.len() >= 500, "{} sentences", candidates.len());
    assert!(share <= 0.02, "{:.3} of sentences called verbless", share);
}
