//! Stem agreement with the original Swedish Snowball algorithm: every word
//! of snowball-data's `voc_2015.txt` against `output_2015.txt`, through the
//! same path `analyze` uses (normalised, lowercased, cached stemmer).

mod common;

use svtext::language::normalize::normalize_word;
use svtext::language::stem::stem;

#[test]
#[ignore = "needs ../shared beside the checkout"]
fn stems_agree_with_snowball_2015_output() {
    let (voc, out) = (
        common::shared_data("snowball/voc_2015.txt"),
        common::shared_data("snowball/output_2015.txt"),
    );
    let voc = std::fs::read_to_string(voc).expect("readable voc_2015.txt");
    let out = std::fs::read_to_string(out).expect("readable output_2015.txt");
    let (mut total, mut same) = (0usize, 0usize);
    let mut diffs = Vec::new();
    for (w, expected) in voc.lines().zip(out.lines()) {
        total += 1;
        let got = stem(&normalize_word(w));
        if &*got == expected {
            same += 1;
        } else {
            diffs.push(format!("{w} -> {got} (expected {expected})"));
        }
    }
    assert_eq!(
        voc.lines().count(),
        out.lines().count(),
        "word and stem lists differ in length"
    );
    println!(
        "snowball: {same}/{total} stems agree ({:.3}%)",
        100.0 * same as f64 / total.max(1) as f64
    );
    assert!(total > 30_000, "only {total} words read");
    assert!(
        diffs.is_empty(),
        "{} differences, first: {:?}",
        diffs.len(),
        &diffs[..diffs.len().min(20)]
    );
}
