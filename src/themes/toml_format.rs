//! svtext's own TOML codebook format (see `docs/themes.md` for the full format).
//!
//! ```toml
//! [[theme]]
//! id = "ansvar"
//! label = "Ansvar"
//! description = "Who answers for what."
//! terms = ["ansvar", "ansvarsfördelning", { term = "ta|tar|tog|tagit ansvar", gap = 2 }]
//! exclude = ["ansvarig utgivare"]
//! ```

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::spec::{self, TermSpec, ThemeSpec};
use crate::error::Result;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Book {
    #[allow(dead_code)]
    name: Option<String>,
    #[allow(dead_code)]
    description: Option<String>,
    theme: Option<Vec<Spanned<Theme>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Theme {
    id: String,
    label: Option<String>,
    description: Option<String>,
    compound: Option<bool>,
    inflect: Option<bool>,
    case_sensitive: Option<bool>,
    gap: Option<i64>,
    terms: Option<Vec<Spanned<toml::Value>>>,
    exclude: Option<Vec<Spanned<toml::Value>>>,
}

/// Parses a codebook in svtext's TOML format.
pub fn parse(text: &str, path: &Path) -> Result<Vec<ThemeSpec>> {
    let book: Book = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| spec::line_of(text, s.start));
        spec::error(path, line, e.message().trim().to_string())
    })?;
    let mut out = Vec::new();
    let lines = spec::LineIndex::new(text);
    for st in book.theme.unwrap_or_default() {
        let line = Some(lines.line(st.span().start));
        let t = st.into_inner();
        let mut defaults = TermSpec::new("", None);
        defaults.compound = t.compound.unwrap_or(true);
        defaults.inflect = t.inflect.unwrap_or(true);
        defaults.case_sensitive = t.case_sensitive.unwrap_or(false);
        if let Some(g) = t.gap {
            defaults.gap = gap(g, path, line)?;
        }
        let conv = |list: Option<Vec<Spanned<toml::Value>>>| -> Result<Vec<TermSpec>> {
            list.unwrap_or_default()
                .into_iter()
                .map(|v| term(&lines, path, &defaults, v))
                .collect()
        };
        out.push(ThemeSpec {
            label: t.label.unwrap_or_else(|| t.id.clone()),
            id: t.id,
            description: t.description,
            terms: conv(t.terms)?,
            exclude: conv(t.exclude)?,
            line,
        });
    }
    Ok(out)
}

fn gap(g: i64, path: &Path, line: Option<usize>) -> Result<usize> {
    usize::try_from(g)
        .map_err(|_| spec::error(path, line, format!("gap must be 0 or more, not {g}")))
}

fn term(
    lines: &spec::LineIndex,
    path: &Path,
    defaults: &TermSpec,
    v: Spanned<toml::Value>,
) -> Result<TermSpec> {
    let line = Some(lines.line(v.span().start));
    match v.into_inner() {
        toml::Value::String(s) => Ok(TermSpec {
            text: s.trim().to_string(),
            line,
            ..defaults.clone()
        }),
        toml::Value::Table(tab) => {
            let mut t = TermSpec {
                line,
                ..defaults.clone()
            };
            let mut has_term = false;
            for (k, v) in tab {
                let bad = |what: &str| {
                    spec::error(
                        path,
                        line,
                        format!("term option `{k}` must be {what}, not {}", v.type_str()),
                    )
                };
                match k.as_str() {
                    "term" => {
                        t.text = v
                            .as_str()
                            .ok_or_else(|| bad("a string"))?
                            .trim()
                            .to_string();
                        has_term = true;
                    }
                    "compound" => t.compound = v.as_bool().ok_or_else(|| bad("true or false"))?,
                    "inflect" => t.inflect = v.as_bool().ok_or_else(|| bad("true or false"))?,
                    "case_sensitive" => {
                        t.case_sensitive = v.as_bool().ok_or_else(|| bad("true or false"))?
                    }
                    "gap" => {
                        t.gap = gap(v.as_integer().ok_or_else(|| bad("an integer"))?, path, line)?
                    }
                    "sentence" => t.sentence = v.as_bool().ok_or_else(|| bad("true or false"))?,
                    _ => {
                        return Err(spec::error(
                            path,
                            line,
                            format!(
                                "unknown term option `{k}` (expected term, compound, inflect, case_sensitive, gap or sentence)"
                            ),
                        ));
                    }
                }
            }
            if !has_term {
                return Err(spec::error(
                    path,
                    line,
                    "a term table needs a `term = \"...\"` entry",
                ));
            }
            Ok(t)
        }
        other => Err(spec::error(
            path,
            line,
            format!(
                "a term must be a string or a table, not {}",
                other.type_str()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_strings_tables_and_defaults() {
        let src = r#"
[[theme]]
id = "ansvar"
label = "Ansvar"
terms = [
  "ansvar",
  { term = "ta|tar ansvar", gap = 1 },
  { term = "AI", case_sensitive = true, compound = false },
]
exclude = ["ansvarig utgivare"]

[[theme]]
id = "tillit"
compound = false
terms = ["tillit"]
"#;
        let th = parse(src, Path::new("c.toml")).unwrap();
        assert_eq!(th.len(), 2);
        assert_eq!(th[0].line, Some(2));
        assert_eq!(th[0].terms.len(), 3);
        assert_eq!(th[0].terms[0].line, Some(6));
        assert!(th[0].terms[0].compound && th[0].terms[0].inflect);
        assert_eq!(th[0].terms[1].gap, 1);
        assert_eq!(th[0].terms[1].line, Some(7));
        assert!(th[0].terms[2].case_sensitive && !th[0].terms[2].compound);
        assert_eq!(th[0].exclude[0].text, "ansvarig utgivare");
        assert_eq!(th[1].label, "tillit");
        assert!(!th[1].terms[0].compound);
    }

    #[test]
    fn errors_carry_lines() {
        let p = Path::new("c.toml");
        let e = parse(
            "[[theme]]\nid = \"a\"\nterms = [\"x\",\n  { term = \"y\", stem = true }]\n",
            p,
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("codebook c.toml:4: unknown term option `stem`"),
            "{e}"
        );
        let e = parse("[[theme]]\nid = \"a\"\nterms = [\"x\", 3]\n", p).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("codebook c.toml:3: a term must be a string"),
            "{e}"
        );
        let e = parse("[[theme]]\nid = \"a\"\nterms = [\"x\"\n", p).unwrap_err();
        assert!(e.to_string().starts_with("codebook c.toml:"), "{e}");
        let e = parse("[[theme]]\nid = \"a\"\nlabl = \"A\"\nterms = [\"x\"]\n", p).unwrap_err();
        assert!(
            e.to_string().contains("c.toml:3") && e.to_string().contains("labl"),
            "{e}"
        );
        let e = parse("[[theme]]\nid = \"a\"\nterms = [{ compound = false }]\n", p).unwrap_err();
        assert!(
            e.to_string().contains("c.toml:3: a term table needs"),
            "{e}"
        );
        let e = parse(
            "[[theme]]\nid = \"a\"\nterms = [{ term = \"x\", gap = -1 }]\n",
            p,
        )
        .unwrap_err();
        assert!(e.to_string().contains("gap must be 0 or more"), "{e}");
    }
}
