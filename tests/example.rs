//! The real example article (`../shared/examples/voister-cio-utmaningar.txt`)
//! through the built CLI: title, dates, byline, themes, speakers.

mod common;

use std::process::Command;

use serde_json::Value;

#[test]
#[ignore = "needs ../shared beside the checkout"]
fn the_voister_example_comes_out_right() {
    let article = common::shared_example("voister-cio-utmaningar.txt");
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_svtext"))
        .args([
            article.to_str().unwrap(),
            "--out",
            out.path().to_str().unwrap(),
            "-q",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: Value =
        serde_json::from_slice(&std::fs::read(out.path().join("corpus.jsonl")).unwrap()).unwrap();
    let text = doc["text"].as_str().unwrap();
    let chars: Vec<char> = text.chars().collect();
    let slice = |v: &Value| -> String {
        chars[v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    let md = &doc["metadata"];
    assert_eq!(
        md["title"],
        "CIO:ernas stora utmaningar: Kompetens, tillit och ansvar"
    );
    assert_eq!(md["published"], "2022-11-17");
    assert_eq!(md["updated"], "2023-10-02");
    assert_eq!(md["authors"], serde_json::json!(["Fredrik Adolfsson"]));
    for junk in [
        "nyhetsbrev",
        "Rekommenderad läsning",
        "Stäng",
        "Bild På Tre Cioerna",
        "Adolfsson",
    ] {
        assert!(!text.contains(junk), "{junk} left in text");
    }
    assert!(text.starts_with("CIO:ernas stora utmaningar"));
    // every span slices text exactly
    for t in doc["tokens"].as_array().unwrap() {
        assert_eq!(slice(t), t["text"].as_str().unwrap());
    }
    let mut theme_ids = Vec::new();
    for th in doc["themes"].as_array().unwrap() {
        theme_ids.push(th["id"].as_str().unwrap().to_string());
        for h in th["hits"].as_array().unwrap() {
            assert_eq!(slice(h), h["text"].as_str().unwrap());
        }
    }
    for t in ["kompetensförsörjning", "ansvar", "tillit"] {
        assert!(
            theme_ids.iter().any(|x| x == t),
            "no {t} hits: {theme_ids:?}"
        );
    }
    let ansvar = doc["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "ansvar")
        .unwrap();
    assert!(
        ansvar["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["text"] == "digitaliseringsansvar" && h["match"] == "compound"),
        "the compound digitaliseringsansvar is an ansvar hit"
    );
    // speakers: the three panellists, not the reporter
    let speakers = doc["speakers"].as_array().unwrap();
    let names: Vec<&str> = speakers
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    for n in ["Per Brogevik", "Anna Gärdin", "Kristina Lundevall"] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
    assert_eq!(names.len(), 3, "{names:?}");
    let org = |n: &str| speakers.iter().find(|s| s["name"] == n).unwrap()["organisations"].clone();
    assert_eq!(org("Per Brogevik"), serde_json::json!(["Örebro kommun"]));
    assert_eq!(org("Anna Gärdin"), serde_json::json!(["Huddinge kommun"]));
    assert_eq!(
        org("Kristina Lundevall"),
        serde_json::json!(["Stockholms stad"])
    );
    for s in speakers {
        for q in s["quotes"].as_array().unwrap() {
            assert!(!slice(q).trim().is_empty());
        }
    }
    // questions have no speaker
    for p in doc["paragraphs"].as_array().unwrap() {
        if p["kind"] == "question" {
            assert!(p["speaker"].is_null());
        }
    }
}
