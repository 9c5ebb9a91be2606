//! quanteda-style YAML dictionaries.
//!
//! ```yaml
//! ansvar:
//!   - ansvar*
//!   - ta ansvar
//! tillit:
//!   förtroende: [förtroende*, tilltro*]
//!   tillit: [tillit*]
//! ```
//!
//! A key whose value is a list is a theme; nested keys become theme ids
//! joined with `/` (`tillit/förtroende`). Entries are glob patterns as in
//! quanteda (`*` any letters, `?` one letter), case-insensitive; an entry
//! with spaces is a phrase of consecutive words.

use std::path::Path;

use yaml_serde::Value;

use super::spec::{self, TermSpec, ThemeSpec};
use crate::error::Result;

/// Parses a quanteda-style YAML dictionary.
pub fn parse(text: &str, path: &Path) -> Result<Vec<ThemeSpec>> {
    let root: Value = yaml_serde::from_str(text).map_err(|e| {
        let line = e.location().map(|l| l.line());
        spec::error(path, line, e.to_string())
    })?;
    let Value::Mapping(map) = root else {
        return Err(spec::error(
            path,
            Some(1),
            "a YAML dictionary must be a mapping of category names to lists of patterns",
        ));
    };
    let mut out = Vec::new();
    walk(text, path, &map, "", 0, &mut out)?;
    Ok(out)
}

/// The 1-based line (at or after `from`, 0-based) where `key:` is written.
fn key_line(text: &str, key: &str, from: usize) -> Option<usize> {
    text.lines().enumerate().skip(from).find_map(|(i, l)| {
        let l = l.trim_start().trim_start_matches("- ");
        let l = l.trim_start_matches(['"', '\'']);
        (l.starts_with(key)
            && l[key.len()..]
                .trim_start_matches(['"', '\''])
                .starts_with(':'))
        .then_some(i + 1)
    })
}

fn walk(
    text: &str,
    path: &Path,
    map: &yaml_serde::Mapping,
    prefix: &str,
    from: usize,
    out: &mut Vec<ThemeSpec>,
) -> Result<()> {
    for (k, v) in map {
        let key = match k {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => {
                return Err(spec::error(path, None, "a category name must be a string"));
            }
        };
        let line = key_line(text, &key, from);
        let id = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}/{key}")
        };
        match v {
            Value::Sequence(items) => {
                let mut terms = Vec::new();
                // entries are found in order from the category's line on,
                // each search starting where the last one was found
                let lines: Vec<&str> = text.lines().collect();
                let mut cursor = line.map_or(lines.len(), |l| l - 1);
                for item in items {
                    let s = match item {
                        Value::String(s) => s.clone(),
                        Value::Number(n) => n.to_string(),
                        _ => {
                            return Err(spec::error(
                                path,
                                line,
                                format!("category {id:?}: every entry must be a pattern string"),
                            ));
                        }
                    };
                    let found = lines
                        .iter()
                        .enumerate()
                        .skip(cursor)
                        .find(|(_, x)| x.contains(s.as_str()))
                        .map(|(i, _)| i);
                    if let Some(i) = found {
                        cursor = i;
                    }
                    let term_line = found.map(|i| i + 1);
                    terms.push(TermSpec::glob(&s, term_line.or(line)));
                }
                out.push(ThemeSpec {
                    label: id.clone(),
                    id,
                    description: None,
                    terms,
                    exclude: vec![],
                    line,
                });
            }
            Value::String(s) => out.push(ThemeSpec {
                label: id.clone(),
                id,
                description: None,
                terms: vec![TermSpec::glob(s, line)],
                exclude: vec![],
                line,
            }),
            Value::Mapping(inner) => walk(text, path, inner, &id, line.unwrap_or(from), out)?,
            Value::Null => {
                return Err(spec::error(path, line, format!("category {id:?} is empty")));
            }
            _ => {
                return Err(spec::error(
                    path,
                    line,
                    format!("category {id:?} must hold a list of patterns or nested categories"),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_categories_become_slash_ids() {
        let src = "ansvar:\n  - ansvar*\n  - ta ansvar\ntillit:\n  förtroende: [förtroende*, tilltro*]\n  tillit:\n    - tillit*\n";
        let th = parse(src, Path::new("d.yml")).unwrap();
        let ids: Vec<&str> = th.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["ansvar", "tillit/förtroende", "tillit/tillit"]);
        assert_eq!(th[0].terms[1].text, "ta ansvar");
        assert_eq!(th[0].terms[1].gap, 0);
        assert!(!th[0].terms[0].inflect && !th[0].terms[0].compound);
        assert_eq!(th[0].line, Some(1));
        assert_eq!(th[0].terms[1].line, Some(3));
        assert_eq!(th[1].line, Some(5));
        assert_eq!(th[2].line, Some(6));
    }

    #[test]
    fn errors_carry_lines() {
        let p = Path::new("d.yml");
        let e = parse("a:\n  - x\n b: [y\n", p).unwrap_err();
        assert!(e.to_string().starts_with("codebook d.yml:3"), "{e}");
        let e = parse("a:\n  - x\nb:\n", p).unwrap_err();
        assert_eq!(e.to_string(), "codebook d.yml:3: category \"b\" is empty");
        let e = parse("a:\n  - [x, y]\n", p).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("codebook d.yml:1: category \"a\": every entry"),
            "{e}"
        );
        let e = parse("- x\n- y\n", p).unwrap_err();
        assert!(e.to_string().contains("must be a mapping"), "{e}");
    }
}
