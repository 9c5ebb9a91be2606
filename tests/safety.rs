//! The output folder is the user's, and every input has a bounded cost:
//! each case of the red-team report (issue 18) as a test. Time bounds are
//! generous: they catch hangs and blow-ups, not speed.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn svtext_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_svtext"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn svtext(args: &[&str]) -> Output {
    svtext_in(Path::new("."), args)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const ARTICLE: &str =
    "Kommunen tar ansvar\n\nFörtroendet ökar, säger Eva Lind, it-chef i Ystads kommun.\n";

fn lines(p: &Path) -> Vec<Value> {
    fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ids(out: &Path) -> Vec<String> {
    lines(&out.join("corpus.jsonl"))
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn input_articles_inside_the_output_folder_are_never_deleted() {
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    fs::create_dir(w.join("documents")).unwrap();
    for i in 0..3 {
        fs::write(w.join(format!("documents/a{i}.txt")), ARTICLE).unwrap();
    }
    // `svtext analyze documents --out .`: the folder is not svtext's
    let o = svtext_in(w, &["analyze", "documents", "--out", "."]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    // the user says so: every article stays, run after run
    for _ in 0..3 {
        let o = svtext_in(
            w,
            &[
                "analyze",
                "documents",
                "--out",
                ".",
                "--force",
                "--documents",
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(stderr(&o).contains("0 removed"), "{}", stderr(&o));
        for i in 0..3 {
            assert_eq!(
                fs::read_to_string(w.join(format!("documents/a{i}.txt"))).unwrap(),
                ARTICLE
            );
        }
        assert_eq!(ids(w), ["a0", "a1", "a2"]);
    }
}

#[test]
fn a_users_file_in_the_output_folder_survives_even_a_first_run() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    fs::create_dir_all(input.join("thesis")).unwrap();
    fs::write(input.join("thesis/chapter1.txt"), ARTICLE).unwrap();
    let proj = work.path().join("proj");
    fs::create_dir_all(proj.join("documents/thesis")).unwrap();
    fs::write(proj.join("documents/thesis/chapter1.docx"), "my thesis").unwrap();
    let o = svtext(&[s(&input), "--out", s(&proj)]);
    assert_eq!(o.status.code(), Some(2), "refused: {}", stderr(&o));
    for _ in 0..2 {
        let o = svtext(&[s(&input), "--out", s(&proj), "--force", "--documents", "-q"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(
            fs::read_to_string(proj.join("documents/thesis/chapter1.docx")).unwrap(),
            "my thesis"
        );
        assert!(proj.join("documents/thesis/chapter1.json").is_file());
    }
    // the input goes: svtext's file goes, the user's stays
    fs::remove_file(input.join("thesis/chapter1.txt")).unwrap();
    fs::write(input.join("other.txt"), ARTICLE).unwrap();
    let o = svtext(&[s(&input), "--out", s(&proj), "--documents"]);
    assert!(stderr(&o).contains("1 removed"), "{}", stderr(&o));
    assert!(!proj.join("documents/thesis/chapter1.json").exists());
    assert_eq!(
        fs::read_to_string(proj.join("documents/thesis/chapter1.docx")).unwrap(),
        "my thesis"
    );
}

#[test]
fn analysing_the_current_folder_night_after_night_never_reads_the_output_back() {
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    for i in 0..5 {
        fs::write(w.join(format!("n{i}.txt")), ARTICLE).unwrap();
    }
    fs::write(
        w.join("records.jsonl"),
        "{\"id\": \"r\", \"text\": \"Regionen tar ansvar.\"}\n",
    )
    .unwrap();
    let mut first = None;
    for _night in 0..3 {
        // `svtext analyze .` with the default --out output
        let o = svtext_in(w, &["analyze", ".", "-q"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let got = ids(&w.join("output"));
        assert_eq!(got.len(), 6, "{got:?}");
        if let Some(f) = &first {
            assert_eq!(&got, f, "ids are stable");
        }
        first = Some(got);
    }
    let summary: Value =
        serde_json::from_slice(&fs::read(w.join("output/summary.json")).unwrap()).unwrap();
    assert!(
        summary["skipped_files"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["reason"].as_str().unwrap().contains("output folder")),
        "{summary}"
    );
    // another svtext output folder inside the input is not read either
    let o = svtext_in(w, &["analyze", ".", "--out", "second", "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(ids(&w.join("second")).len(), 6);
}

#[cfg(unix)]
#[test]
fn a_link_inside_the_output_folder_is_never_written_through() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(input.join("a.txt"), ARTICLE).unwrap();
    let out = work.path().join("out");
    let elsewhere = work.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    assert!(
        svtext(&[s(&input), "--out", s(&out), "-q"])
            .status
            .success()
    );
    std::os::unix::fs::symlink(&elsewhere, out.join("documents")).unwrap();
    let o = svtext(&[s(&input), "--out", s(&out), "--documents", "--full"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        fs::read_dir(&elsewhere).unwrap().count(),
        0,
        "nothing written outside"
    );
    let errors = lines(&out.join("errors.jsonl"));
    assert!(
        errors[0]["error"]
            .as_str()
            .unwrap()
            .contains("symbolic link"),
        "{errors:?}"
    );
    // the manifest lists only files that exist
    let manifest: Value =
        serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
    for d in manifest["documents"].as_array().unwrap() {
        if let Some(f) = d["file"].as_str() {
            assert!(out.join(f).is_file(), "{f}");
        }
    }
    // a link in place of corpus.jsonl stops the run before it starts
    fs::remove_file(out.join("corpus.jsonl")).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("x"), out.join("corpus.jsonl")).unwrap();
    let o = svtext(&[s(&input), "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!elsewhere.join("x").exists());
}

#[test]
fn the_root_folder_or_any_non_empty_folder_is_refused_at_once() {
    let work = tempfile::tempdir().unwrap();
    fs::write(work.path().join("a.txt"), ARTICLE).unwrap();
    let started = Instant::now();
    let o = svtext(&[s(work.path()), "--out", "/"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "no walk of the file system"
    );
    assert!(stderr(&o).contains("not empty"), "{}", stderr(&o));
    // a file given as --out
    let o = svtext(&[s(work.path()), "--out", s(&work.path().join("a.txt"))]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        fs::read_to_string(work.path().join("a.txt")).unwrap(),
        ARTICLE
    );
}

/// Runs the CLI with a time limit; returns its output and how long it took.
fn timed(args: &[&str], limit: Duration) -> (Output, Duration) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_svtext"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("svtext {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    (child.wait_with_output().unwrap(), started.elapsed())
}

#[test]
fn pathological_inputs_finish_in_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // one long word of codebook terms (the compound analysis)
    fs::write(
        d.join("word.txt"),
        format!("Rubrik\n\nDet är {} här.\n", "kompetens".repeat(50_000)),
    )
    .unwrap();
    // 100,000 nested divs, and 250,000 never closed
    fs::write(
        d.join("nested.html"),
        format!("<html><body><article><h1>Djupt</h1>{}<p>Regionen tar ansvar.</p>{}</article></body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000)),
    )
    .unwrap();
    fs::write(
        d.join("unclosed.html"),
        format!(
            "<html><body><h1>Öppet</h1>{}<p>Kommunen tar ansvar.</p></body></html>",
            "<div>".repeat(250_000)
        ),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let (o, took) = timed(
        &[s(d), "--out", s(out.path()), "-q"],
        Duration::from_secs(120),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(ids(out.path()), ["nested", "unclosed", "word"]);
    eprintln!("pathological inputs: {took:?}");
}

#[test]
fn a_codebook_of_100000_terms_loads_in_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let mut toml = String::from("[[theme]]\nid = \"stor\"\nlabel = \"Stor\"\nterms = [\n");
    let mut yaml = String::from("stor:\n");
    let mut n = 0u64;
    for a in 'a'..='z' {
        for b in 'a'..='z' {
            for c in 'a'..='z' {
                for k in 0..6 {
                    let w = format!("ord{a}{b}{c}{k}");
                    toml.push_str(&format!("\"{w}\",\n"));
                    yaml.push_str(&format!("  - {w}\n"));
                    n += 1;
                }
            }
        }
    }
    toml.push_str("]\n");
    assert!(n > 100_000);
    fs::write(dir.path().join("big.toml"), toml).unwrap();
    fs::write(dir.path().join("big.yml"), yaml).unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(input.join("a.txt"), ARTICLE).unwrap();
    for book in ["big.toml", "big.yml"] {
        let out = dir.path().join(format!("out-{book}"));
        let (o, took) = timed(
            &[
                s(&input),
                "--out",
                s(&out),
                "-q",
                "--codebook",
                s(&dir.path().join(book)),
            ],
            Duration::from_secs(60),
        );
        assert_eq!(o.status.code(), Some(0), "{book}: {}", stderr(&o));
        eprintln!("{book} ({n} terms): {took:?}");
    }
}

#[test]
fn an_endless_line_on_standard_input_is_an_error_line_in_bounded_memory() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_svtext"))
        .args(["analyze", "-", "--max-bytes", "1000000"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let zeros = vec![b'0'; 1 << 20];
        for _ in 0..200 {
            stdin.write_all(&zeros).unwrap();
        }
        stdin
            .write_all(b"\n{\"id\": \"ok\", \"text\": \"Kommunen tar ansvar.\"}\n")
            .unwrap();
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let got: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), 2);
    assert!(
        got[0]["error"]
            .as_str()
            .unwrap()
            .contains("longer than the limit")
    );
    assert_eq!(got[1]["id"], "ok");
}

#[cfg(unix)]
#[test]
fn fifos_devices_links_and_repeats_are_each_a_document_an_error_or_a_named_skip() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(input.join("a.txt"), ARTICLE).unwrap();
    let fifo = input.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let outside = work.path().join("outside");
    fs::create_dir(&outside).unwrap();
    fs::write(outside.join("b.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink(&outside, input.join("linked")).unwrap();
    let out = work.path().join("out");
    // the same file named twice, a device named as INPUT
    let o = svtext(&[
        s(&input),
        s(&input.join("a.txt")),
        "/dev/zero",
        "--out",
        s(&out),
        "-v",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(ids(&out), ["a"], "analysed once; the link not followed");
    let errors = lines(&out.join("errors.jsonl"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]["error"].as_str().unwrap().contains("device"),
        "{errors:?}"
    );
    let summary: Value =
        serde_json::from_slice(&fs::read(out.join("summary.json")).unwrap()).unwrap();
    let skipped: Vec<(String, String)> = summary["skipped_files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let reason = |name: &str| {
        skipped
            .iter()
            .find(|(p, _)| p.ends_with(name))
            .unwrap_or_else(|| panic!("{name} not named in {skipped:?}"))
            .1
            .clone()
    };
    assert!(reason("pipe.txt").contains("FIFO"));
    assert!(reason("linked").contains("--follow"));
    assert!(reason("a.txt").contains("same file"));
    assert!(
        stderr(&o).contains("skipped") && stderr(&o).contains("pipe.txt"),
        "--verbose names skips"
    );
    // with --follow the linked folder is read
    let out2 = work.path().join("out2");
    let o = svtext(&[s(&input), "--out", s(&out2), "--follow", "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(ids(&out2), ["a", "linked/b"]);
}

#[test]
fn command_line_hygiene() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(input.join("a.txt"), ARTICLE).unwrap();
    let out = work.path().join("out");
    // British spellings are aliases
    let o = svtext(&["analyse", s(&input), "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // the closing line names the output folder
    assert!(stderr(&o).contains(s(&out)), "{}", stderr(&o));
    let sum = work.path().join("sum");
    let o = svtext(&["summarise", s(&out.join("corpus.jsonl")), "--out", s(&sum)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // a mistyped command is not taken for a missing input
    let o = svtext_in(work.path(), &["analyz", "in"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `svtext analyze`"),
        "{}",
        stderr(&o)
    );
    assert!(!work.path().join("output").exists(), "nothing written");
}

#[test]
fn a_reader_that_stops_early_ends_the_stream_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_svtext"))
        .args(["analyze", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let writer = std::thread::spawn(move || {
        for i in 0..3000 {
            let rec = format!(
                "{{\"id\": \"r{i}\", \"text\": \"Kommunen tar ansvar för tilliten. Det säger Eva Lind.\"}}\n"
            );
            if stdin.write_all(rec.as_bytes()).is_err() {
                break;
            }
        }
    });
    // `| head -1`: read one line, then close the pipe
    let mut first = Vec::new();
    let mut byte = [0u8; 1];
    while std::io::Read::read(&mut stdout, &mut byte).unwrap() == 1 && byte[0] != b'\n' {
        first.push(byte[0]);
    }
    drop(stdout);
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(serde_json::from_slice::<Value>(&first).is_ok());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("Broken pipe"), "{}", stderr(&o));
}

#[test]
fn the_report_is_svtexts_file_listed_in_the_manifest_and_a_users_is_never_replaced() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(input.join("a.txt"), ARTICLE).unwrap();
    let out = work.path().join("out");
    let o = svtext(&[s(&input), "--out", s(&out), "--report", "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let manifest: Value =
        serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert!(
        manifest["files"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "report.html"),
        "{manifest}"
    );
    // a run without --report leaves what a full run without it leaves
    let o = svtext(&[s(&input), "--out", s(&out), "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        !out.join("report.html").exists(),
        "the stale report is removed"
    );
    // a report.html that svtext did not write is never replaced
    fs::write(out.join("report.html"), "mine").unwrap();
    let o = svtext(&["report", s(&out)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(out.join("report.html")).unwrap(), "mine");
}
