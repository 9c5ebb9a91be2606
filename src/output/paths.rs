//! Where a document's file goes: `documents/<id>.json`, its folders
//! mirroring the id's `/`-separated parts, always inside the output folder
//! and never shared by two ids.

use std::collections::HashSet;

use crate::ingest::sha256_hex;

/// Longest part of a file path kept as it is, in bytes (file systems allow
/// 255; the rest is room for the `~hash` suffix and `.json`).
const MAX_PART: usize = 100;

/// Deepest folder nesting kept; deeper parts are joined into the last one.
const MAX_DEPTH: usize = 12;

/// The relative file of a document id: `documents/<id>.json`, its folders
/// mirroring the id's `/`-separated parts.
///
/// Parts that could escape the folder or trouble a file system (`..`, `.`,
/// empty parts, leading dots, control and reserved characters, very long
/// parts, a folder named like a document file) are replaced; an id that
/// needed any change gets `~` and ten hex digits of its hash appended, so
/// two ids never share a file.
pub fn document_file(id: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut changed = false;
    for comp in id.split('/') {
        if comp.is_empty() || comp == "." {
            changed = true;
            continue;
        }
        let (part, part_changed) = safe_part(comp);
        changed |= part_changed;
        parts.push(part);
    }
    if parts.len() > MAX_DEPTH {
        let rest = parts.split_off(MAX_DEPTH - 1).join("_");
        parts.push(truncate(rest, MAX_PART));
        changed = true;
    }
    // a folder must not be named like a document file ("a/b.json/c" beside "a/b")
    let last = parts.len().saturating_sub(1);
    for p in &mut parts[..last] {
        if p.to_lowercase().ends_with(".json") {
            p.push('_');
            changed = true;
        }
    }
    if parts.is_empty() {
        parts.push("_".into());
        changed = true;
    }
    let mut path = parts.join("/");
    if changed {
        path.push('~');
        path.push_str(&sha256_hex(id.as_bytes())[..10]);
    }
    format!("documents/{path}.json")
}

/// One part of an id made safe as a file or folder name; whether it changed.
fn safe_part(comp: &str) -> (String, bool) {
    let mut changed = false;
    let mut part: String = comp
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " -_.,+=@~()'&".contains(c) {
                c
            } else {
                changed = true;
                '_'
            }
        })
        .collect();
    if part.starts_with('.') || part.starts_with(' ') || part.ends_with(' ') {
        part = format!("_{}_", part.trim());
        changed = true;
    }
    if part.len() > MAX_PART {
        part = truncate(part, MAX_PART);
        changed = true;
    }
    (part, changed)
}

fn truncate(mut s: String, max: usize) -> String {
    if s.len() > max {
        let mut cut = max;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
    }
    s
}

/// The files of a run's documents, given their ids in id order: each id's
/// [`document_file`], except that a file whose path equals an earlier
/// one's when case is ignored (one file on macOS and Windows) gets the id's
/// hash appended, so that every document has a file of its own on any file
/// system.
pub fn document_files<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    ids.into_iter()
        .map(|id| {
            let file = document_file(id);
            if seen.insert(file.to_lowercase()) {
                return file;
            }
            let stem = file.strip_suffix(".json").unwrap_or(&file);
            let hash = sha256_hex(id.as_bytes());
            let file = format!("{stem}~{}.json", &hash[..10]);
            seen.insert(file.to_lowercase());
            file
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn plain_ids_map_to_their_path() {
        assert_eq!(
            document_file("voister/cio-utmaningar"),
            "documents/voister/cio-utmaningar.json"
        );
        assert_eq!(document_file("Åre kommun 2"), "documents/Åre kommun 2.json");
    }

    #[test]
    fn hostile_ids_stay_inside_and_unique() {
        for id in [
            "../../etc/passwd",
            "/abs/path",
            "a/./b",
            "..",
            "",
            "a\\b",
            "x\0y",
            "a//b",
            ".hidden",
        ] {
            let f = document_file(id);
            assert!(f.starts_with("documents/"), "{id}: {f}");
            let p = Path::new(&f);
            assert!(
                p.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_))),
                "{id}: {f}"
            );
            assert!(!f.contains('\0') && !f.contains('\\'), "{id}: {f}");
        }
        assert_ne!(document_file("a/b"), document_file("a//b"));
        assert_ne!(document_file("../x"), document_file("_/x"));
    }

    #[test]
    fn a_folder_never_takes_the_name_of_a_document_file() {
        let a = document_file("a/b");
        let c = document_file("a/b.json/c");
        assert_eq!(a, "documents/a/b.json");
        assert!(!c.starts_with(&format!("{a}/")), "{c}");
        assert!(c.starts_with("documents/a/b.json_/"), "{c}");
    }

    #[test]
    fn very_deep_and_very_long_ids_give_short_parts() {
        let deep: String = (0..2000).map(|i| format!("d{i}/")).collect::<String>() + "x";
        let long = "å".repeat(400);
        for id in [deep.as_str(), long.as_str()] {
            let f = document_file(id);
            let p = Path::new(&f);
            assert!(p.components().count() <= MAX_DEPTH + 1, "{f}");
            assert!(p.components().all(|c| c.as_os_str().len() <= 200), "{f}");
        }
        assert_ne!(document_file(&deep), document_file(&format!("{deep}y")));
    }

    #[test]
    fn ids_that_differ_only_in_case_get_distinct_files() {
        let files = document_files(["Rapport", "a", "rapport"]);
        assert_eq!(files[0], "documents/Rapport.json");
        assert_eq!(files[1], "documents/a.json");
        assert_ne!(files[2].to_lowercase(), files[0].to_lowercase());
        assert!(files[2].starts_with("documents/rapport~"), "{}", files[2]);
    }
}
