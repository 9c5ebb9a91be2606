//! Bad input never stops a run or panics, nothing is lost, memory stays
//! bounded, and output paths never leave `--out`.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs svtext and returns (exit code, stderr, peak RSS in kB as seen in /proc).
fn run_measured(args: &[&str]) -> (Option<i32>, String, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_svtext"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).unwrap();
        s
    });
    loop {
        if let Ok(status) = fs::read_to_string(&status_path) {
            for line in status.lines() {
                if let Some(v) = line.strip_prefix("VmHWM:") {
                    let kb: u64 = v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
                    peak = peak.max(kb);
                }
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            return (status.code(), reader.join().unwrap(), peak);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn lines(p: &Path) -> Vec<Value> {
    fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const GOOD: &str = "Kommunen tar ansvar\n\nFörtroendet för kommunen ökar, säger Eva Lind, it-chef i Ystads kommun.\n";

#[test]
fn hostile_inputs_are_all_accounted_for_without_panic_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut expected_docs = 0usize;
    let mut expected_errors = 0usize;
    let mut w = |name: &str, bytes: &[u8], ok: bool| {
        let p = d.join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
        if ok {
            expected_docs += 1;
        } else {
            expected_errors += 1;
        }
    };
    w("good.txt", GOOD.as_bytes(), true);
    w("empty.txt", b"", false);
    w("spaces.txt", b"   \n\t\n  ", false);
    w("nul.txt", b"Kommunen\0tar\0ansvar", false);
    w(
        "binary.html",
        &[0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00, 0x13, 0x37],
        false,
    );
    w(
        "truncated.txt",
        &GOOD.as_bytes()[..GOOD.find('ö').unwrap() + 1],
        false,
    );
    w("namn med mellanslag och åäö.txt", GOOD.as_bytes(), true);
    w("Ärende – 2025 (kopia).md", GOOD.as_bytes(), true);
    // a 50 MB single line: over the size limit, reported, never loaded
    let big = "ord ".repeat(50 * 1024 * 1024 / 4);
    w("huge-line.txt", big.as_bytes(), false);
    // deeply nested HTML
    let nested = format!(
        "<html><body><article><h1>Djupt</h1>{}<p>Regionen tar ansvar för tilliten.</p>{}</article></body></html>",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    );
    w("nested.html", nested.as_bytes(), true);
    // JSONL: missing and non-string fields, a 50 MB record
    let mut jl = String::new();
    jl.push_str("{\"id\": \"r1\", \"text\": \"Kommunen tar ansvar för tilliten.\"}\n");
    jl.push_str("{\"id\": \"r2\"}\n");
    jl.push_str("{\"id\": \"r3\", \"text\": null}\n");
    jl.push_str("{\"id\": \"r4\", \"text\": {\"a\": 1}}\n");
    jl.push_str("{\"id\": {\"x\": 1}, \"text\": \"a\"}\n");
    jl.push_str(
        "{\"id\": \"r6\", \"text\": \"Förtroendet ökar.\", \"extra\": [1, null, {\"b\": true}]}\n",
    );
    jl.push_str(&format!(
        "{{\"id\": \"r7\", \"text\": \"{}\"}}\n",
        "ord ".repeat(13 * 1024 * 1024)
    ));
    w("records.jsonl", jl.as_bytes(), true);
    expected_docs += 1; // r1, r6 are documents (r1 counted above)
    expected_errors += 5; // r2, r3, r4, id object, r7
    #[cfg(unix)]
    let unreadable = {
        // a file without read permission: unreadable except for root, who
        // reads anything (then it is simply analysed)
        use std::os::unix::fs::PermissionsExt;
        let p = d.join("unreadable.txt");
        fs::write(&p, GOOD).unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
        let readable = fs::read(&p).is_ok();
        if readable {
            eprintln!("running as root: unreadable.txt is readable and counts as a document");
            expected_docs += 1;
        } else {
            expected_errors += 1;
        }
        !readable
    };
    #[cfg(unix)]
    {
        // a symbolic link loop and a dangling link: links inside folders
        // are not followed (without --follow), each is a named skip
        fs::create_dir_all(d.join("loop")).unwrap();
        std::os::unix::fs::symlink(d.join("loop"), d.join("loop/again")).unwrap();
        std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();
    }
    // 10,000 tiny files
    for i in 0..10_000 {
        let sub = d.join(format!("tiny/{:02}", i % 50));
        fs::create_dir_all(&sub).unwrap();
        let mut f = fs::File::create(sub.join(format!("t{i}.txt"))).unwrap();
        write!(f, "Notis {i}\n\nKommunen rekryterar.").unwrap();
    }
    expected_docs += 10_000;

    let out = tempfile::tempdir().unwrap();
    let (code, stderr, peak_kb) =
        run_measured(&[s(d), "--out", s(out.path()), "--jobs", "2", "--documents"]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(1), "some inputs failed: {stderr}");
    let docs = lines(&out.path().join("corpus.jsonl"));
    let errors = lines(&out.path().join("errors.jsonl"));
    assert_eq!(docs.len(), expected_docs, "documents");
    assert_eq!(errors.len(), expected_errors, "errors: {errors:#?}");
    let summary: Value =
        serde_json::from_slice(&fs::read(out.path().join("summary.json")).unwrap()).unwrap();
    assert_eq!(
        summary["documents"].as_u64().unwrap() as usize,
        expected_docs
    );
    assert_eq!(
        summary["failed"].as_u64().unwrap() as usize,
        expected_errors
    );
    let err_of = |name: &str| {
        errors
            .iter()
            .find(|e| e["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("no error for {name}"))["error"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(err_of("huge-line.txt").contains("too large"));
    assert!(err_of("nul.txt").contains("binary"));
    assert!(err_of("truncated.txt").contains("invalid UTF-8"));
    #[cfg(unix)]
    if unreadable {
        assert!(err_of("unreadable.txt").contains("cannot read"));
    }
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"namn med mellanslag och åäö"));
    assert!(ids.contains(&"Ärende – 2025 (kopia)"));
    assert!(
        out.path()
            .join("documents/namn med mellanslag och åäö.json")
            .is_file()
    );
    let nested_doc = docs.iter().find(|d| d["id"] == "nested").unwrap();
    assert!(
        nested_doc["text"]
            .as_str()
            .unwrap()
            .contains("Regionen tar ansvar")
    );
    // memory: bounded by the size limit, not by the 50 MB inputs or 10,000 files
    assert!(peak_kb > 0, "could not read peak RSS");
    assert!(peak_kb < 400 * 1024, "peak RSS {peak_kb} kB");
    eprintln!("peak RSS {} MB", peak_kb / 1024);
}

#[test]
fn record_ids_never_escape_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let ids = [
        "../../escape",
        "/etc/absolute",
        "a/../../b",
        "..",
        "con:|<>*?",
        "with\\backslash",
        "ok/nested/id",
        "trailing/",
        " spaced ",
        ".hidden",
        // paths that collide unless svtext keeps them apart
        "a/b",
        "a/b.json/c",
        "Rapport",
        "rapport",
    ];
    let deep: String = (0..2000).map(|i| format!("nivå{i}/")).collect::<String>() + "slut";
    let ids: Vec<&str> = ids.iter().copied().chain([deep.as_str()]).collect();
    let mut jl = String::new();
    for &id in &ids {
        jl.push_str(&serde_json::json!({"id": id, "text": "Kommunen tar ansvar."}).to_string());
        jl.push('\n');
    }
    fs::write(dir.path().join("ids.jsonl"), jl).unwrap();
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    let (code, stderr, _) = run_measured(&[s(dir.path()), "--out", s(&out), "-q", "--documents"]);
    assert_eq!(code, Some(0), "{stderr}");
    // nothing was written outside out/
    let outside: Vec<_> = fs::read_dir(work.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(outside, ["out"]);
    let manifest: Value =
        serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let files: Vec<&str> = manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), ids.len());
    // distinct even where case is ignored (macOS, Windows) and where a
    // folder would take a document file's name
    let unique: std::collections::HashSet<String> =
        files.iter().map(|f| f.to_lowercase()).collect();
    assert_eq!(unique.len(), ids.len(), "every id has its own file");
    for f in &files {
        let p = out.join(f);
        assert!(p.is_file(), "{f}");
        let canon = p.canonicalize().unwrap();
        assert!(canon.starts_with(out.canonicalize().unwrap()), "{f}");
    }
    // the ids themselves are kept as given
    let docs = lines(&out.join("corpus.jsonl"));
    let mut got: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    let mut want = ids.clone();
    got.sort();
    want.sort();
    assert_eq!(got, want);
    assert!(files.contains(&"documents/ok/nested/id.json"));
}
