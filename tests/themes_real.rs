//! The built-in codebook on real sentences from public-sector pages,
//! labelled blind for kompetensförsörjning, ansvar and tillit
//! (`tests/data/real/themes/`, rules in `tests/data/real/ANNOTATION.md`).
//! The development split is reported with its mistakes; the held-back test
//! split gates (at floors below the 0.95 / 0.90 targets, which it
//! does not reach), and only its figures are printed.
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
    // the first round tuned the rules on the first 171 sentences (0.951 /
    // 0.857 there); the 174 sentences added for a second round (e001-e174)
    // scored 0.742 / 0.535 on their blind first run, and the whole split
    // reached 0.951 / 0.876. Three more blind rounds (f, g, h: 179
    // sentences, first runs 0.767 / 0.676, 0.824 / 0.700, 0.697 / 0.622)
    // were added; after the rules were changed for them the 524 sentences
    // reach 0.919 / 0.830. Round 6 (37 dev sentences, i even, first run
    // 0.625 / 0.500) brought the split to 561: 0.902 / 0.808 before, 0.911
    // / 0.834 after the rules were changed for it. Round 7 (30 dev
    // sentences, j even, added after the last rule change: first run
    // 0.632 / 0.667) brings it to 591: 0.894 / 0.825. Round 8 (30 dev
    // sentences, k even, first run 0.632 / 0.667) brings it to 621: 0.878
    // / 0.817 before, 0.886 / 0.817 after three exclusions made from it;
    // round 9 (30 dev sentences, l even, after the last change: 0.875 /
    // 0.778) brings it to 651: 0.886 / 0.815. Round 10 (30 dev sentences,
    // m even, first run 0.647 / 0.579) and round 11 (30, n even, after the
    // last change: 0.750 / 0.667) bring it to 711: 0.869 / 0.797 with the
    // eighth session's starting codebook, 0.878 / 0.847 after its
    // paraphrase families; held here rounded down:
    assert!(r.overall.precision.unwrap_or(0.0) >= 0.87);
    assert!(r.overall.recall.unwrap_or(0.0) >= 0.84);
}

/// The targets are precision 0.95 and recall 0.90 on this split.
/// The built-in codebook does not reach them (94 sentences: first run
/// 0.766 / 0.692; after the first round 0.864 / 0.731; after the second
/// round 0.911 / 0.788. The split grew to 144 with 50 round-3 sentences,
/// odd ids, first run 0.739 / 0.773; all 144 after the rules were tuned
/// on 524 dev sentences: 0.866 / 0.784. Round 6 added 38 sentences, odd
/// ids, harder by design (a third false friends, a third paraphrases):
/// first run 0.765 / 0.619, unchanged after the dev half's rules; all 182:
/// 0.845 / 0.747. Round 7 added 30 more, odd ids, after the last rule
/// change (first run 0.700 / 0.778); all 212: 0.817 / 0.752. Round 8
/// added 30 more, odd ids (first run 0.941 / 0.842); all 242: 0.835 /
/// 0.765 at first run, 0.842 / 0.765 after round 8's dev exclusions.
/// Round 9 added 30 more, odd ids, after the session's last change (first
/// run 0.846 / 0.579); all 272: 0.842 / 0.742. Round 10 added 30 more,
/// odd ids (first run 0.800 / 0.667), round 11 30 more after the eighth
/// session's last change (0.750 / 0.789, the same with its starting
/// codebook); all 332: 0.827 / 0.739 with the starting codebook, 0.829 /
/// 0.750 at the end; see `tests/data/real/FIRST-RUN.md`), so this gate
/// holds what it reaches, rounded down, as a floor that a change must not
/// go below.
const TEST_PRECISION_FLOOR: f64 = 0.82;
const TEST_RECALL_FLOOR: f64 = 0.75;

#[test]
fn test_split_gates() {
    let r = split("test");
    assert!(r.texts >= 330, "the test split has {} sentences", r.texts);
    // figures only: the held-back sentences' mistakes are not printed, so
    // that nobody tunes rules to them
    println!("{}", r.table());
    let (p, rec) = (
        r.overall.precision.unwrap_or(0.0),
        r.overall.recall.unwrap_or(0.0),
    );
    assert!(
        p >= TEST_PRECISION_FLOOR,
        "held-back precision {p:.3} fell below its floor {TEST_PRECISION_FLOOR}"
    );
    assert!(
        rec >= TEST_RECALL_FLOOR,
        "held-back recall {rec:.3} fell below its floor {TEST_RECALL_FLOOR}"
    );
}

/// `svtext codebook test builtin --gold FILE` gives the library's figures
/// (checked on both splits; nothing of the held-back one is printed).
#[test]
fn codebook_test_gold_on_the_command_line_gives_the_same_figures() {
    for name in ["dev", "test"] {
        let path = common::root()
            .join("tests/data/real/themes")
            .join(format!("{name}.jsonl"));
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_svtext"))
            .args(["codebook", "test", "builtin", "--json", "--gold"])
            .arg(&path)
            .output()
            .expect("svtext runs");
        assert!(out.status.success(), "{name}: exit {:?}", out.status);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let lib = split(name);
        let cli = &v["gold"];
        for (k, s) in lib.themes.iter().chain([&lib.overall]).enumerate() {
            let c = if k < lib.themes.len() {
                &cli["themes"][k]
            } else {
                &cli["overall"]
            };
            let same = c["theme"] == s.theme.as_str()
                && c["true_positives"] == s.true_positives
                && c["false_positives"] == s.false_positives
                && c["false_negatives"] == s.false_negatives
                && (c["precision"].as_f64().unwrap_or(-1.0) - s.precision.unwrap_or(-1.0)).abs()
                    < 1e-9
                && (c["recall"].as_f64().unwrap_or(-1.0) - s.recall.unwrap_or(-1.0)).abs() < 1e-9;
            // no figures in the message: the held-back split stays unread
            assert!(same, "{name}: the command line's figures differ");
        }
        // and the terminal table prints the same rows
        let table = std::process::Command::new(env!("CARGO_BIN_EXE_svtext"))
            .args(["codebook", "test", "builtin", "--per-term", "0", "--gold"])
            .arg(&path)
            .output()
            .expect("svtext runs");
        let text = String::from_utf8(table.stdout).expect("UTF-8");
        let want = lib.table();
        assert!(text.contains(&want), "{name}: the gold table differs");
    }
}
