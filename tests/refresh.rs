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
    for docs in [false, true] {
        incremental_equals_full(docs);
    }
}

fn incremental_equals_full(docs: bool) {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    let out = work.path().join("out");
    let run = |extra: &[&str]| {
        let mut args = vec![s(&input), "--out", s(&out)];
        if docs {
            args.push("--documents");
        }
        args.extend_from_slice(extra);
        svtext(&args)
    };
    make_corpus(&input, 40);
    assert!(run(&["-q"]).status.success());
    let kept = out.join(if docs {
        "documents/del1/artikel-00001.json"
    } else {
        "corpus.jsonl"
    });
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
    let second = run(&[]);
    assert!(second.status.success());
    let line = String::from_utf8_lossy(&second.stderr);
    assert!(
        line.contains("2 analysed, 38 unchanged, 1 removed, 0 failed"),
        "closing line: {line}"
    );
    if docs {
        assert_eq!(
            fs::metadata(&kept).unwrap().modified().unwrap(),
            mtime,
            "unchanged document not rewritten"
        );
        assert!(!out.join("documents/del3/artikel-00003.json").exists());
    }

    let fresh = work.path().join("fresh");
    let mut args = vec![s(&input), "--out", s(&fresh), "-q", "--full"];
    if docs {
        args.push("--documents");
    }
    assert!(svtext(&args).status.success());
    for table in ["documents", "hits", "quotes", "speakers", "tokens"] {
        let file = out.join(format!("tables/{table}.parquet"));
        assert!(file.is_file(), "the tables are compared too: {table}");
    }
    assert_same_folder(&out, &fresh);

    // --full re-analyses everything and still writes the same bytes
    let full = run(&["--full"]);
    assert!(String::from_utf8_lossy(&full.stderr).contains("40 analysed, 0 unchanged"));
    assert_same_folder(&out, &fresh);
}

#[test]
fn a_change_of_table_format_leaves_exactly_what_a_full_run_of_that_format_writes() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    let out = work.path().join("out");
    make_corpus(&input, 12);
    for format in ["csv", "none", "parquet", "csv"] {
        let o = svtext(&[s(&input), "--out", s(&out), "-q", "--tables", format]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let fresh = work.path().join(format!("fresh-{format}"));
        let o = svtext(&[s(&input), "--out", s(&fresh), "-q", "--tables", format]);
        assert!(o.status.success());
        assert_same_folder(&out, &fresh);
        let manifest = fs::read_to_string(out.join("manifest.json")).unwrap();
        let tables: Vec<_> = fs::read_dir(out.join("tables"))
            .map(|d| d.map(|e| e.unwrap().file_name()).collect())
            .unwrap_or_default();
        if format == "none" {
            assert!(tables.is_empty(), "{tables:?}");
        } else {
            assert_eq!(tables.len(), 5, "{tables:?}");
            for t in tables {
                let name = format!("tables/{}", t.to_string_lossy());
                assert!(name.ends_with(format), "{name}");
                assert!(manifest.contains(&format!("\"{name}\"")), "{name} listed");
            }
        }
    }
    let o = svtext(&[s(&input), "--out", s(&out), "-q", "--tables", "xlsx"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn dropping_or_adding_documents_leaves_exactly_what_a_full_run_writes() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    let out = work.path().join("out");
    make_corpus(&input, 12);
    assert!(
        svtext(&[s(&input), "--out", s(&out), "-q", "--documents"])
            .status
            .success()
    );
    assert!(out.join("documents").is_dir());
    let o = svtext(&[s(&input), "--out", s(&out), "-q"]);
    assert!(o.status.success());
    assert!(
        !out.join("documents").exists(),
        "stale document files removed"
    );
    let fresh = work.path().join("fresh");
    assert!(
        svtext(&[s(&input), "--out", s(&fresh), "-q"])
            .status
            .success()
    );
    assert_same_folder(&out, &fresh);
    let o = svtext(&[s(&input), "--out", s(&out), "--documents"]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("12 analysed"),
        "document files are made"
    );
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
    fs::write(&book, OTHER_CODEBOOK).unwrap();
    let o = svtext(&[s(&input), "--out", s(&out), "--codebook", s(&book)]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("5 analysed, 0 unchanged"));
}

const OTHER_CODEBOOK: &str =
    "[[theme]]\nid = \"annat\"\nlabel = \"Annat\"\nterms = [\"förtroende\", \"kommun\"]\n";

/// How a killed run started: over the same folder, after an older complete
/// run, with another codebook (the stale-results case), or with documents.
#[derive(Clone, Copy, Debug)]
enum Before {
    Nothing,
    OlderRun,
    OtherCodebook,
    Documents,
}

#[test]
fn a_run_killed_at_any_moment_is_repaired_by_the_next_run() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    make_corpus(&input, 2500);
    let book = work.path().join("other.toml");
    fs::write(&book, OTHER_CODEBOOK).unwrap();
    let reference = work.path().join("reference");
    let started = Instant::now();
    assert!(
        svtext(&[s(&input), "--out", s(&reference), "-q"])
            .status
            .success()
    );
    let reference_docs = work.path().join("reference-docs");
    assert!(
        svtext(&[s(&input), "--out", s(&reference_docs), "-q", "--documents"])
            .status
            .success()
    );
    let full_time = started.elapsed() / 2;
    let cases = [
        (0.05, Before::Nothing),
        (0.3, Before::OlderRun),
        (0.5, Before::OtherCodebook),
        (0.6, Before::Documents),
        (0.9, Before::OtherCodebook),
        (0.98, Before::OlderRun),
    ];
    for (i, (fraction, before)) in cases.into_iter().enumerate() {
        let out = work.path().join(format!("killed{i}"));
        let mut killed: Vec<&str> = vec![s(&input), "--out", s(&out), "-q"];
        let docs = matches!(before, Before::Documents);
        if docs {
            killed.push("--documents");
        }
        match before {
            Before::OlderRun => {
                let older = work.path().join(format!("older{i}"));
                make_corpus(&older, 300);
                assert!(
                    svtext(&[s(&older), "--out", s(&out), "-q"])
                        .status
                        .success()
                );
            }
            Before::OtherCodebook => {
                // a complete run, then one with another codebook, killed
                assert!(
                    svtext(&[s(&input), "--out", s(&out), "-q"])
                        .status
                        .success()
                );
                killed.extend(["--codebook", s(&book)]);
            }
            Before::Nothing | Before::Documents => {}
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_svtext"))
            .args(&killed)
            .stdin(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full_time.mul_f64(fraction));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let mut repair = vec![s(&input), "--out", s(&out), "-q"];
        if docs {
            repair.push("--documents");
        }
        let o = svtext(&repair);
        assert!(
            o.status.success(),
            "repair run after kill at {fraction} ({before:?}): {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_same_folder(&out, if docs { &reference_docs } else { &reference });
        let leftovers: Vec<_> = snapshot(&out)
            .into_keys()
            .filter(|p| {
                let p = p.to_string_lossy();
                p.contains("svtext-tmp") || p.contains(".svtext-journal")
            })
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}

#[test]
fn a_second_run_on_a_locked_folder_exits_2_at_once_and_runs_once_it_is_released() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    let out = work.path().join("out");
    make_corpus(&input, 3);
    fs::create_dir_all(&out).unwrap();
    let held = svtext::output::Lock::acquire(&out.join(".svtext.lock")).unwrap();
    let started = Instant::now();
    let o = svtext(&[s(&input), "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(started.elapsed() < Duration::from_secs(5), "exits at once");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("pid {}", std::process::id())),
        "{err}"
    );
    assert!(!out.join("corpus.jsonl").exists());
    drop(held);
    let o = svtext(&[s(&input), "--out", s(&out), "-q"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // a live but unrelated pid left in the file blocks nothing
    fs::write(out.join(".svtext.lock"), "1\n").unwrap();
    let o = svtext(&[s(&input), "--out", s(&out), "-q"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        fs::read(out.join(".svtext.lock")).unwrap(),
        b"",
        "emptied at the end"
    );
}

#[test]
fn of_eight_runs_started_at_once_on_one_folder_one_writes_and_the_others_exit_2() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    make_corpus(&input, 200);
    let reference = work.path().join("reference");
    assert!(
        svtext(&[s(&input), "--out", s(&reference), "-q"])
            .status
            .success()
    );
    for trial in 0..5 {
        let out = work.path().join(format!("out{trial}"));
        let children: Vec<_> = (0..8)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_svtext"))
                    .args([s(&input), "--out", s(&out), "-q"])
                    .stdin(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let codes: Vec<Option<i32>> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap().status.code())
            .collect();
        let ok = codes.iter().filter(|c| **c == Some(0)).count();
        assert!(ok >= 1, "{codes:?}");
        assert!(
            codes.iter().all(|c| matches!(c, Some(0) | Some(2))),
            "{codes:?}"
        );
        assert_same_folder(&out, &reference);
    }
}

/// A page of one site: its slogan and its "listen" button on every page.
fn site_page(dir: &Path, i: usize) {
    fs::create_dir_all(dir).unwrap();
    let text = format!(
        "Du syns och hörs i Lindö!\n\nNyhet nummer {i} från kommunen\n\nDet här är den {i}:e nyheten om hur kommunen arbetar med skolan och vården.\n\nKommunen har fattat beslutet i fullmäktige under våren.\n\nLyssna nu här"
    );
    fs::write(dir.join(format!("nyhet-{i}.txt")), text).unwrap();
}

#[test]
fn lines_recurring_on_a_sites_pages_are_removed_and_incremental_runs_follow_the_evidence() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    let site = input.join("lindo");
    let out = work.path().join("out");
    let run = || svtext(&[s(&input), "--out", s(&out)]);
    let texts = || -> Vec<String> {
        fs::read_to_string(out.join("corpus.jsonl"))
            .unwrap()
            .lines()
            .map(|l| {
                let d: serde_json::Value = serde_json::from_str(l).unwrap();
                d["text"].as_str().unwrap().to_string()
            })
            .collect()
    };
    let same_as_full = || {
        let fresh = work.path().join("fresh");
        let _ = fs::remove_dir_all(&fresh);
        assert!(
            svtext(&[s(&input), "--out", s(&fresh), "-q"])
                .status
                .success()
        );
        assert_same_folder(&out, &fresh);
    };
    // two pages: too few to tell a site's furniture
    site_page(&site, 1);
    site_page(&site, 2);
    assert!(run().status.success());
    assert!(texts().iter().all(|t| t.contains("Du syns och hörs")));
    // a third page: the slogan recurs, every page is cleaned again
    site_page(&site, 3);
    let third = run();
    let line = String::from_utf8_lossy(&third.stderr);
    assert!(line.contains("3 analysed, 0 unchanged"), "{line}");
    let now = texts();
    assert_eq!(now.len(), 3);
    for t in &now {
        assert!(!t.contains("Du syns och hörs"), "{t}");
        assert!(!t.contains("Lyssna nu här"), "{t}");
        assert!(
            t.contains("Kommunen har fattat beslutet"),
            "a recurring sentence stays: {t}"
        );
    }
    let corpus = fs::read_to_string(out.join("corpus.jsonl")).unwrap();
    assert!(corpus.contains(r#"{"text":"Du syns och hörs i Lindö!","reason":"boilerplate"}"#));
    same_as_full();
    // a fourth page with the same furniture changes nothing for the others
    site_page(&site, 4);
    let fourth = run();
    let line = String::from_utf8_lossy(&fourth.stderr);
    assert!(line.contains("1 analysed, 3 unchanged"), "{line}");
    same_as_full();
    // back to two pages: the evidence is gone, the two are cleaned again
    fs::remove_file(site.join("nyhet-3.txt")).unwrap();
    fs::remove_file(site.join("nyhet-4.txt")).unwrap();
    let back = run();
    let line = String::from_utf8_lossy(&back.stderr);
    assert!(
        line.contains("2 analysed, 0 unchanged, 2 removed"),
        "{line}"
    );
    assert!(texts().iter().all(|t| t.contains("Du syns och hörs")));
    same_as_full();
}
