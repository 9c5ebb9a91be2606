//! Scheduled refresh: incremental runs equal full runs, killed runs are
//! repaired, and the lock keeps two runs apart.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn svtext(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_svtext"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const SENTENCES: &[&str] = &[
    "Kommunen har svårt att rekrytera systemutvecklare och personalomsättningen är hög.",
    "– Vi måste ta ansvar för hela kedjan, säger Maria Ekholm, it-chef i Västerby kommun.",
    "Förtroendet för de digitala tjänsterna har ökat sedan i fjol.",
    "Enligt regionen saknas det kompetens inom informationssäkerhet.",
    "Invånarna ska kunna lita på att uppgifterna hanteras korrekt.",
    "Budgeten för e-tjänster uppgår till 2,5 miljoner kronor.",
];

/// Writes `n` small articles into `dir` (deterministic content by index).
fn make_corpus(dir: &Path, n: usize) {
    for i in 0..n {
        let sub = dir.join(format!("del{}", i % 7));
        fs::create_dir_all(&sub).unwrap();
        let mut text = format!("Artikel nummer {i} om digitalisering\n\n");
        for k in 0..(3 + i % 4) {
            text.push_str(SENTENCES[(i + k) % SENTENCES.len()]);
            text.push(' ');
        }
        fs::write(sub.join(format!("artikel-{i:05}.txt")), text).unwrap();
    }
}

/// Every file under `dir`, relative path to bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

fn assert_same_folder(a: &Path, b: &Path) {
    let (sa, sb) = (snapshot(a), snapshot(b));
    let ka: Vec<_> = sa.keys().collect();
    let kb: Vec<_> = sb.keys().collect();
    assert_eq!(ka, kb, "the same files");
    for (k, v) in &sa {
        assert!(v == &sb[k], "{} differs", k.display());
    }
}

#[test]
fn incremental_runs_equal_a_fresh_full_run_after_adds_edits_and_deletions() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    let out = work.path().join("out");
    make_corpus(&input, 40);
    let first = svtext(&[s(&input), "--out", s(&out), "-q"]);
    assert!(first.status.success());
    let kept = out.join("documents/del1/artikel-00001.json");
    let mtime = fs::metadata(&kept).unwrap().modified().unwrap();

    // add, edit, delete
    fs::write(
        input.join("del0/ny.txt"),
        "Ny artikel\n\nRegionen tar ansvar för tilliten.",
    )
    .unwrap();
    fs::write(
        input.join("del2/artikel-00002.txt"),
        "Ändrad\n\nFörtroendet minskar, säger hon.",
    )
    .unwrap();
    fs::remove_file(input.join("del3/artikel-00003.txt")).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let second = svtext(&[s(&input), "--out", s(&out)]);
    assert!(second.status.success());
    let line = String::from_utf8_lossy(&second.stderr);
    assert!(
        line.contains("2 analysed, 38 unchanged, 1 removed, 0 failed"),
        "closing line: {line}"
    );
    assert_eq!(
        fs::metadata(&kept).unwrap().modified().unwrap(),
        mtime,
        "unchanged document not rewritten"
    );
    assert!(!out.join("documents/del3/artikel-00003.json").exists());

    let fresh = work.path().join("fresh");
    assert!(
        svtext(&[s(&input), "--out", s(&fresh), "-q", "--full"])
            .status
            .success()
    );
    assert_same_folder(&out, &fresh);

    // --full re-analyses everything and still writes the same bytes
    let full = svtext(&[s(&input), "--out", s(&out), "--full"]);
    assert!(String::from_utf8_lossy(&full.stderr).contains("40 analysed, 0 unchanged"));
    assert_same_folder(&out, &fresh);
}

#[test]
fn a_changed_codebook_reanalyses_everything() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    let out = work.path().join("out");
    make_corpus(&input, 5);
    assert!(
        svtext(&[s(&input), "--out", s(&out), "-q"])
            .status
            .success()
    );
    let book = work.path().join("book.toml");
    fs::write(
        &book,
        "[[theme]]\nid = \"tillit\"\nlabel = \"Tillit\"\nterms = [\"förtroende\"]\n",
    )
    .unwrap();
    let o = svtext(&[s(&input), "--out", s(&out), "--codebook", s(&book)]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("5 analysed, 0 unchanged"));
}

#[test]
fn a_run_killed_at_any_moment_is_repaired_by_the_next_run() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    make_corpus(&input, 2500);
    let reference = work.path().join("reference");
    let started = Instant::now();
    assert!(
        svtext(&[s(&input), "--out", s(&reference), "-q"])
            .status
            .success()
    );
    let full_time = started.elapsed();

    for (i, fraction) in [0.05, 0.3, 0.6, 0.9, 0.98].iter().enumerate() {
        let out = work.path().join(format!("killed{i}"));
        // a previous complete run over an older corpus state, for some points
        if i % 2 == 1 {
            let older = work.path().join(format!("older{i}"));
            make_corpus(&older, 300);
            assert!(
                svtext(&[s(&older), "--out", s(&out), "-q"])
                    .status
                    .success()
            );
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_svtext"))
            .args([s(&input), "--out", s(&out), "-q"])
            .stdin(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full_time.mul_f64(*fraction));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let o = svtext(&[s(&input), "--out", s(&out), "-q"]);
        assert!(
            o.status.success(),
            "repair run after kill at {fraction}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_same_folder(&out, &reference);
        let leftovers: Vec<_> = snapshot(&out)
            .into_keys()
            .filter(|p| p.to_string_lossy().contains("svtext-tmp") || p.ends_with(".svtext.lock"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}

#[test]
fn a_second_run_on_a_locked_folder_exits_2_and_a_stale_lock_is_taken_over() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    let out = work.path().join("out");
    make_corpus(&input, 3);
    fs::create_dir_all(&out).unwrap();
    let mut holder = Command::new("sleep").arg("30").spawn().unwrap();
    fs::write(out.join(".svtext.lock"), format!("{}\n", holder.id())).unwrap();
    let started = Instant::now();
    let o = svtext(&[s(&input), "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(started.elapsed() < Duration::from_secs(5), "exits at once");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&format!("pid {}", holder.id())), "{err}");
    assert!(!out.join("corpus.jsonl").exists());
    holder.kill().unwrap();
    holder.wait().unwrap();
    // now the lock is stale: its process is gone
    let o = svtext(&[s(&input), "--out", s(&out), "-q"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!out.join(".svtext.lock").exists(), "the lock is released");
}
