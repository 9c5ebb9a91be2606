//! Runs the built `svtext` binary on fixture folders and checks what it
//! writes: every span by slicing `text` in code points, the output files,
//! encodings, determinism, standard input, bad inputs and exit codes.

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn svtext(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_svtext"));
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("svtext runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    child.wait_with_output().unwrap()
}

fn fixtures() -> PathBuf {
    common::root().join("tests/fixtures/cli")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Slices `text` by code point offsets, as Python's `text[start:end]` does.
fn slice(chars: &[char], v: &Value) -> String {
    let start = v["start"].as_u64().unwrap() as usize;
    let end = v["end"].as_u64().unwrap() as usize;
    assert!(
        start <= end && end <= chars.len(),
        "span {start}..{end} out of 0..{}",
        chars.len()
    );
    chars[start..end].iter().collect()
}

/// Checks every span of a document against its text.
fn check_spans(doc: &Value) {
    let text = doc["text"].as_str().unwrap();
    let chars: Vec<char> = text.chars().collect();
    let sentences = doc["sentences"].as_array().unwrap();
    for t in doc["tokens"].as_array().unwrap() {
        assert_eq!(slice(&chars, t), t["text"].as_str().unwrap(), "token {t}");
        let si = t["sentence"].as_u64().unwrap() as usize;
        let sent = &sentences[si];
        assert!(
            sent["start"].as_u64() <= t["start"].as_u64()
                && t["end"].as_u64() <= sent["end"].as_u64()
        );
    }
    for sent in sentences {
        let s = slice(&chars, sent);
        assert!(!s.is_empty() && s.trim() == s, "sentence {s:?} not trimmed");
    }
    let mut prev_end = 0;
    for p in doc["paragraphs"].as_array().unwrap() {
        let s = slice(&chars, p);
        assert!(!s.trim().is_empty());
        assert!(
            p["start"].as_u64().unwrap() as usize >= prev_end,
            "paragraphs overlap"
        );
        prev_end = p["end"].as_u64().unwrap() as usize;
    }
    for theme in doc["themes"].as_array().unwrap() {
        let hits = theme["hits"].as_array().unwrap();
        assert_eq!(theme["count"].as_u64().unwrap() as usize, hits.len());
        for h in hits {
            assert_eq!(slice(&chars, h), h["text"].as_str().unwrap(), "hit {h}");
        }
    }
    for sp in doc["speakers"].as_array().unwrap() {
        for m in sp["mentions"].as_array().unwrap() {
            assert!(!slice(&chars, m).trim().is_empty());
        }
        for q in sp["quotes"].as_array().unwrap() {
            assert!(!slice(&chars, q).trim().is_empty());
        }
    }
}

fn read_json(p: &Path) -> Value {
    serde_json::from_slice(&fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).unwrap()
}

fn read_lines(p: &Path) -> Vec<Value> {
    fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn analyse_a_folder_writes_every_file_with_exact_spans() {
    let out = tempfile::tempdir().unwrap();
    let o = svtext(
        &[
            s(&fixtures()),
            "--out",
            s(out.path()),
            "--quiet",
            "--documents",
        ],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        o.stdout.is_empty() && o.stderr.is_empty(),
        "--quiet prints nothing"
    );
    let root = out.path();
    for f in [
        "corpus.jsonl",
        "summary.json",
        "errors.jsonl",
        "manifest.json",
    ] {
        assert!(root.join(f).is_file(), "{f} missing");
    }
    let corpus = read_lines(&root.join("corpus.jsonl"));
    let ids: Vec<&str> = corpus.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["flode/1", "flode/2", "kommun-ai", "nested/region"]);
    for doc in &corpus {
        check_spans(doc);
        let id = doc["id"].as_str().unwrap();
        let file = read_json(&root.join(format!("documents/{id}.json")));
        assert_eq!(
            &file, doc,
            "documents/{id}.json equals its corpus.jsonl line"
        );
        assert_eq!(doc["schema_version"], "1.0");
        assert_eq!(doc["language"]["code"], "sv", "{id}");
        assert_eq!(doc["source"]["hash"].as_str().unwrap().len(), 64);
    }
    // JSON Lines fields other than id and text are kept as metadata
    assert_eq!(corpus[0]["metadata"]["fields"]["date"], "2025-03-01");
    assert_eq!(corpus[0]["source"]["format"], "jsonl");
    assert_eq!(corpus[0]["source"]["line"], 1);
    assert_eq!(corpus[3]["source"]["format"], "html");
    // stems are Snowball Swedish of the lowercased word
    let tok = corpus[2]["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["text"] == "Kommunen")
        .unwrap();
    assert_eq!(tok["stem"], "kommun");
    let summary = read_json(&root.join("summary.json"));
    assert_eq!(summary["documents"], 4);
    assert_eq!(summary["skipped"], 1, "ignored.pdf is skipped and counted");
    let themes: Vec<&str> = summary["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    for t in ["ansvar", "kompetensförsörjning", "tillit"] {
        assert!(themes.contains(&t), "theme {t} in summary: {themes:?}");
    }
    let manifest = read_json(&root.join("manifest.json"));
    assert_eq!(manifest["documents"].as_array().unwrap().len(), 4);
    assert_eq!(fs::read_to_string(root.join("errors.jsonl")).unwrap(), "");
}

const ARTICLE: &str = "Tillit i Åre kommun\n\nKommunen måste öka förtroendet – det säger kommundirektören. Även ”e-tjänster” ska bli bättre.\n";

#[test]
fn the_same_article_in_every_encoding_gives_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("utf8.txt"), ARTICLE).unwrap();
    fs::write(
        d.join("utf8bom.txt"),
        [&[0xEF, 0xBB, 0xBF][..], ARTICLE.as_bytes()].concat(),
    )
    .unwrap();
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in ARTICLE.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    fs::write(d.join("utf16le.txt"), le).unwrap();
    fs::write(d.join("utf16be.txt"), be).unwrap();
    let (cp1252, _, _) = encoding_rs_compat(ARTICLE);
    fs::write(d.join("cp1252.txt"), cp1252).unwrap();
    // decomposed å (a + ring) normalises to the same NFC text
    fs::write(d.join("nfd.txt"), ARTICLE.replace('Å', "A\u{30a}")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = svtext(&[s(d), "--out", s(out.path()), "-q"], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let docs = read_lines(&out.path().join("corpus.jsonl"));
    assert_eq!(docs.len(), 6);
    let first = &docs[0]["text"];
    for d in &docs {
        assert_eq!(&d["text"], first, "{}", d["id"]);
        check_spans(d);
    }
    let enc = |id: &str| {
        docs.iter().find(|d| d["id"] == id).unwrap()["source"]["encoding"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(enc("utf8"), "UTF-8");
    assert_eq!(enc("utf8bom"), "UTF-8");
    assert_eq!(enc("utf16le"), "UTF-16LE");
    assert_eq!(enc("utf16be"), "UTF-16BE");
    assert_eq!(enc("cp1252"), "windows-1252");
}

/// Windows-1252 bytes of a text made only of Latin-1 letters and the en dash and curly quotes.
fn encoding_rs_compat(text: &str) -> (Vec<u8>, (), ()) {
    let bytes = text
        .chars()
        .map(|c| match c {
            '–' => 0x96,
            '”' => 0x94,
            '“' => 0x93,
            c if (c as u32) < 256 => c as u32 as u8,
            c => panic!("{c} not in the test's cp1252 table"),
        })
        .collect();
    (bytes, (), ())
}

#[test]
fn output_is_byte_identical_for_any_number_of_jobs() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for (dir, jobs) in [(&a, "1"), (&b, "2")] {
        let o = svtext(
            &[
                s(&fixtures()),
                "--out",
                s(dir.path()),
                "--jobs",
                jobs,
                "-q",
                "--documents",
            ],
            None,
        );
        assert!(o.status.success());
    }
    let files = |d: &Path| {
        let mut v: Vec<PathBuf> = walk(d)
            .into_iter()
            .map(|p| p.strip_prefix(d).unwrap().to_path_buf())
            .collect();
        v.sort();
        v
    };
    let fa = files(a.path());
    assert_eq!(fa, files(b.path()));
    assert!(fa.len() >= 8);
    for f in fa {
        assert_eq!(
            fs::read(a.path().join(&f)).unwrap(),
            fs::read(b.path().join(&f)).unwrap(),
            "{}",
            f.display()
        );
    }
}

fn walk(d: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(d).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn stdin_records_become_one_document_per_line_on_stdout() {
    let input = "{\"id\": \"a\", \"text\": \"Förtroendet för kommunen ökar. Det säger Eva Lind, it-chef i Ystads kommun.\", \"source\": \"x\"}\n\
                 not json\n\
                 {\"id\": \"c\"}\n\
                 {\"text\": \"Regionen tar ansvar för rekryteringen av sjuksköterskor.\"}\n";
    let o = svtext(&["-", "--quiet"], Some(input.as_bytes()));
    assert_eq!(o.status.code(), Some(1), "some records failed");
    let lines: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every stdout line is JSON"))
        .collect();
    assert_eq!(lines.len(), 4, "one line per record, in input order");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["metadata"]["fields"]["source"], "x");
    check_spans(&lines[0]);
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("not valid JSON")
    );
    assert_eq!(lines[2]["id"], "c");
    assert!(lines[2]["error"].as_str().unwrap().contains("no \"text\""));
    assert_eq!(lines[3]["id"], "stdin/4");
    check_spans(&lines[3]);
}

#[test]
fn bad_inputs_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("good.txt"), ARTICLE).unwrap();
    fs::write(d.join("empty.txt"), "").unwrap();
    fs::write(d.join("blank.txt"), "  \n\n \t\n").unwrap();
    fs::write(
        d.join("binary.txt"),
        [0x89, b'P', b'N', b'G', 0, 0, 1, 2, 0xff, 0],
    )
    .unwrap();
    fs::write(
        d.join("broken.txt"),
        [ARTICLE.as_bytes(), &[0xC3, 0x28, b'x']].concat(),
    )
    .unwrap();
    fs::write(
        d.join("records.jsonl"),
        "{\"id\": \"ok\", \"text\": \"Kommunen tar ansvar för tilliten.\"}\n{broken\n[1,2]\n{\"id\": \"n\", \"text\": 5}\n",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("does-not-exist.txt"), d.join("dangling.txt")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = svtext(&[s(d), "--out", s(out.path())], None);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("2 analysed") && stderr.contains("failed"),
        "{stderr}"
    );
    let ids: Vec<String> = read_lines(&out.path().join("corpus.jsonl"))
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["good", "ok"]);
    let errors = read_lines(&out.path().join("errors.jsonl"));
    let find = |name: &str, line: Option<u64>| {
        errors
            .iter()
            .find(|e| e["path"].as_str().unwrap().ends_with(name) && e["line"].as_u64() == line)
            .unwrap_or_else(|| panic!("no error for {name} {line:?} in {errors:?}"))["error"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(find("empty.txt", None).contains("empty"));
    assert!(find("blank.txt", None).contains("empty"));
    assert!(find("binary.txt", None).contains("binary"));
    assert!(find("broken.txt", None).contains("invalid UTF-8"));
    assert!(find("records.jsonl", Some(2)).contains("not valid JSON"));
    assert!(find("records.jsonl", Some(3)).contains("not a JSON object"));
    assert!(find("records.jsonl", Some(4)).contains("must be a string"));
    assert_eq!(errors.len(), 7);
    // a link inside a folder is not followed (ripgrep's rule), and named
    let summary = read_json(&out.path().join("summary.json"));
    #[cfg(unix)]
    assert!(
        summary["skipped_files"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["path"].as_str().unwrap().ends_with("dangling.txt")
                && f["reason"].as_str().unwrap().contains("symbolic link")),
        "{summary}"
    );
    for e in &errors {
        assert!(e["path"].is_string() && e["error"].is_string());
    }
}

#[test]
fn bad_usage_exits_2_with_a_message() {
    let o = svtext(&["/no/such/folder", "--out", "/tmp/x"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/no/such/folder does not exist"));
    let o = svtext(&["--jobs", "0"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = svtext(&["-", "corpus"], Some(b""));
    assert_eq!(o.status.code(), Some(2));
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("bad.toml");
    fs::write(&book, "[[theme]]\nid = \"x\"\nterms = [1, 2\n").unwrap();
    let out = dir.path().join("out");
    let o = svtext(
        &[s(&fixtures()), "--out", s(&out), "--codebook", s(&book)],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.toml"), "{err}");
    assert!(
        !out.join("corpus.jsonl").exists(),
        "no document is processed with a bad codebook"
    );
}

#[test]
fn a_non_swedish_text_is_written_with_a_warning_and_no_swedish_analysis() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("en.txt"),
        "The council will hire more developers\n\nThe municipality says that trust in digital services depends on how reliable they are, and that responsibility must be shared.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = svtext(&[s(dir.path()), "--out", s(out.path()), "-q"], None);
    assert!(o.status.success());
    let doc = read_lines(&out.path().join("corpus.jsonl")).remove(0);
    assert!(
        !out.path().join("documents").exists(),
        "document files only with --documents"
    );
    assert_eq!(doc["language"]["code"], "en");
    assert!(doc["warnings"][0].as_str().unwrap().contains("not Swedish"));
    assert!(
        doc["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["stem"].is_null())
    );
    assert_eq!(doc["themes"].as_array().unwrap().len(), 0);
    assert_eq!(doc["speakers"].as_array().unwrap().len(), 0);
    check_spans(&doc);
}

#[test]
fn codebook_subcommands() {
    let o = svtext(&["codebook", "show"], None);
    assert!(o.status.success());
    let shown = String::from_utf8(o.stdout).unwrap();
    assert!(shown.contains("kompetensförsörjning"));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("default.toml");
    fs::write(&p, &shown).unwrap();
    let o = svtext(&["codebook", "check", s(&p)], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let listed = String::from_utf8(o.stdout).unwrap();
    for t in ["kompetensförsörjning", "ansvar", "tillit"] {
        assert!(listed.contains(t), "{listed}");
    }
}

#[test]
fn summarize_rebuilds_the_summary_from_document_files() {
    let out = tempfile::tempdir().unwrap();
    assert!(
        svtext(&[s(&fixtures()), "--out", s(out.path()), "-q"], None)
            .status
            .success()
    );
    // split corpus.jsonl into two shards, in another order
    let lines: Vec<String> = fs::read_to_string(out.path().join("corpus.jsonl"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let shards = tempfile::tempdir().unwrap();
    let a = shards.path().join("part-0.jsonl");
    let b = shards.path().join("part-1.jsonl");
    fs::write(&a, lines[2..].join("\n") + "\n").unwrap();
    fs::write(&b, lines[..2].join("\n") + "\n").unwrap();
    let sdir = shards.path().join("sum");
    let o = svtext(&["summarize", s(&a), s(&b), "--out", s(&sdir)], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut expected = read_json(&out.path().join("summary.json"));
    // the shards know nothing of skipped files
    expected["skipped"] = 0.into();
    expected.as_object_mut().unwrap().remove("skipped_files");
    assert_eq!(read_json(&sdir.join("summary.json")), expected);
}

#[test]
fn report_is_self_contained_and_the_same_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = svtext(&[s(&fixtures()), "--out", s(&out), "-q", "--report"], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    for id in [
        "overview",
        "time",
        "cooccurrence",
        "speakers",
        "contexts",
        "documents",
    ] {
        assert!(html.contains(&format!("<section id=\"{id}\">")), "{id}");
    }
    assert!(html.contains("<svg"));
    assert!(html.contains("Kommunen satsar på AI"));
    // nothing is fetched: no external scripts, styles, images or fonts
    for external in [
        "<script src",
        "<link",
        "<img",
        "url(",
        "@import",
        "href=\"http",
    ] {
        assert!(!html.contains(external), "{external}");
    }
    let o = svtext(&["report", s(&out), "-q"], None);
    assert!(o.status.success());
    assert_eq!(fs::read_to_string(out.join("report.html")).unwrap(), html);

    // a folder that is not an output folder, and --report with standard input
    let o = svtext(&["report", s(dir.path())], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("corpus.jsonl"));
    let o = svtext(
        &["-", "--report"],
        Some(b"{\"id\": \"a\", \"text\": \"Hej.\"}\n"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

#[test]
fn the_report_lists_inputs_that_failed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    fs::create_dir(&d).unwrap();
    fs::write(d.join("good.txt"), ARTICLE).unwrap();
    fs::write(d.join("binary.txt"), [0x89, b'P', b'N', b'G', 0, 0, 1]).unwrap();
    let out = dir.path().join("out");
    let o = svtext(&[s(&d), "--out", s(&out), "-q", "--report"], None);
    assert_eq!(o.status.code(), Some(1));
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("Inputs that failed"));
    assert!(html.contains("binary.txt is a binary file"), "{html}");
}
