//! `docs/schema/document.schema.json` against the output: every line of
//! `corpus.jsonl` written for the sample corpus and the CLI fixtures is
//! valid (a small validator for the keywords the schema uses; the tables
//! test checks the same with Python's `jsonschema`).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const SCHEMA: &str = include_str!("../docs/schema/document.schema.json");

/// The errors of `v` against `schema` (`root` resolves `$ref`s).
fn validate(v: &Value, schema: &Value, root: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return validate(v, &root["$defs"][name], root, at, errors);
    }
    if let Some(c) = schema.get("const")
        && v != c
    {
        errors.push(format!("{at}: {v} is not {c}"));
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array)
        && !e.contains(v)
    {
        errors.push(format!("{at}: {v} not in {e:?}"));
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_u64() || v.is_i64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            _ => false,
        });
        if !ok {
            errors.push(format!("{at}: {v} is not {types:?}"));
            return;
        }
    }
    if let (Some(min), Some(x)) = (schema.get("minimum").and_then(Value::as_f64), v.as_f64())
        && x < min
    {
        errors.push(format!("{at}: {x} < {min}"));
    }
    if let Some(obj) = v.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for key in schema["required"].as_array().into_iter().flatten() {
            if !obj.contains_key(key.as_str().unwrap()) {
                errors.push(format!("{at}: {key} missing"));
            }
        }
        for (k, x) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => validate(x, s, root, &format!("{at}.{k}"), errors),
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => errors.push(format!("{at}: {k} not in the schema")),
                    Some(s @ Value::Object(_)) => {
                        validate(x, s, root, &format!("{at}.{k}"), errors)
                    }
                    _ => {}
                },
            }
        }
    }
    if let (Some(items), Some(a)) = (schema.get("items"), v.as_array()) {
        for (i, x) in a.iter().enumerate() {
            validate(x, items, root, &format!("{at}[{i}]"), errors);
        }
    }
}

#[test]
fn every_corpus_line_is_valid_against_the_json_schema() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = Command::new(env!("CARGO_BIN_EXE_svtext"))
        .arg(root.join("corpus"))
        .arg(root.join("tests/fixtures/cli"))
        .args(["--out", dir.path().to_str().unwrap(), "-q"])
        .output()
        .unwrap();
    assert!(o.status.code().unwrap() <= 1, "{o:?}");
    let corpus = std::fs::read_to_string(dir.path().join("corpus.jsonl")).unwrap();
    let mut quotes = 0;
    for line in corpus.lines() {
        let doc: Value = serde_json::from_str(line).unwrap();
        let mut errors = Vec::new();
        validate(&doc, &schema, &schema, "", &mut errors);
        assert!(errors.is_empty(), "{}: {errors:#?}", doc["id"]);
        for s in doc["speakers"].as_array().unwrap() {
            quotes += s["quotes"].as_array().unwrap().len();
        }
    }
    assert!(corpus.lines().count() > 15 && quotes > 10);
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let mut errors = Vec::new();
    let doc = serde_json::json!({"schema_version": "2.0", "id": "x", "extra": 1});
    validate(&doc, &schema, &schema, "", &mut errors);
    assert!(
        errors.iter().any(|e| e.contains("extra not in the schema")),
        "{errors:?}"
    );
    assert!(errors.iter().any(|e| e.contains("tokens")), "{errors:?}");
    assert!(
        errors.iter().any(|e| e.contains("is not \"1.0\"")),
        "{errors:?}"
    );
}
