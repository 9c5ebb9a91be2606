//! LIWC-style `.dic` dictionaries.
//!
//! ```text
//! %
//! 1 ansvar
//! 2 tillit
//! %
//! ansvar* 1
//! tillit* 2
//! lita på 2
//! ```
//!
//! The block between the two `%` lines numbers the categories; every later
//! line is a pattern followed by the numbers of its categories. `*` is a
//! wildcard; a pattern with spaces (tab-separated from its numbers) is a
//! phrase of consecutive words. Matching is case-insensitive.

use std::collections::HashMap;
use std::path::Path;

use super::spec::{self, TermSpec, ThemeSpec};
use crate::error::Result;

/// Parses a LIWC-style `.dic` dictionary.
pub fn parse(text: &str, path: &Path) -> Result<Vec<ThemeSpec>> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_start_matches('\u{feff}').trim()));
    // Skip blank lines before the first %.
    let first = lines.by_ref().find(|(_, l)| !l.is_empty());
    match first {
        Some((_, "%")) => {}
        Some((n, _)) => {
            return Err(spec::error(
                path,
                Some(n),
                "a .dic file must start with a % line opening the category block",
            ));
        }
        None => return Err(spec::error(path, None, "the .dic file is empty")),
    }
    let mut themes: Vec<ThemeSpec> = Vec::new();
    let mut by_number: HashMap<String, usize> = HashMap::new();
    let mut closed = false;
    for (n, l) in lines.by_ref() {
        if l.is_empty() {
            continue;
        }
        if l == "%" {
            closed = true;
            break;
        }
        let mut parts = l.split_whitespace();
        let (Some(num), Some(name)) = (parts.next(), parts.next()) else {
            return Err(spec::error(
                path,
                Some(n),
                format!("expected `NUMBER NAME` in the category block, found {l:?}"),
            ));
        };
        if num.parse::<u64>().is_err() {
            return Err(spec::error(
                path,
                Some(n),
                format!("category number {num:?} is not a number"),
            ));
        }
        if by_number.insert(num.to_string(), themes.len()).is_some() {
            return Err(spec::error(
                path,
                Some(n),
                format!("category number {num} is defined twice"),
            ));
        }
        themes.push(ThemeSpec {
            id: name.to_string(),
            label: name.to_string(),
            description: None,
            terms: vec![],
            exclude: vec![],
            line: Some(n),
        });
    }
    if !closed {
        return Err(spec::error(
            path,
            None,
            "the category block is not closed by a second % line",
        ));
    }
    for (n, l) in lines {
        if l.is_empty() {
            continue;
        }
        let (pattern, cats): (String, Vec<&str>) = if l.contains('\t') {
            let mut f = l.split('\t').map(str::trim).filter(|s| !s.is_empty());
            let pat = f.next().unwrap_or_default().to_string();
            (pat, f.flat_map(str::split_whitespace).collect())
        } else {
            let f: Vec<&str> = l.split_whitespace().collect();
            let k = f
                .iter()
                .position(|x| x.parse::<u64>().is_ok())
                .unwrap_or(f.len());
            (f[..k].join(" "), f[k..].to_vec())
        };
        if pattern.is_empty() {
            return Err(spec::error(
                path,
                Some(n),
                format!("no pattern before the category numbers in {l:?}"),
            ));
        }
        if cats.is_empty() {
            return Err(spec::error(
                path,
                Some(n),
                format!("pattern {pattern:?} has no category numbers"),
            ));
        }
        for c in cats {
            let Some(&i) = by_number.get(c) else {
                return Err(spec::error(
                    path,
                    Some(n),
                    format!("pattern {pattern:?}: category {c:?} is not defined in the % block"),
                ));
            };
            themes[i].terms.push(TermSpec::glob(&pattern, Some(n)));
        }
    }
    Ok(themes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_categories_and_entries() {
        let src = "%\n1\tansvar\n2\ttillit\n%\nansvar*\t1\ntillit*\t2 1\nlita på\t2\nlita på 2\n";
        let th = parse(src, Path::new("x.dic")).unwrap();
        assert_eq!(th.len(), 2);
        assert_eq!(th[0].id, "ansvar");
        assert_eq!(
            th[0]
                .terms
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>(),
            ["ansvar*", "tillit*"]
        );
        assert_eq!(th[1].terms.len(), 3);
        assert_eq!(th[1].terms[1].text, "lita på");
        assert_eq!(th[1].terms[2].text, "lita på");
        assert_eq!(th[1].terms[1].line, Some(7));
    }

    #[test]
    fn errors_carry_lines() {
        let p = Path::new("x.dic");
        let e = parse("1 a\n%\n", p).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("codebook x.dic:1: a .dic file must start"),
            "{e}"
        );
        let e = parse("%\n1 a\n2 b\n", p).unwrap_err();
        assert!(e.to_string().contains("not closed"), "{e}");
        let e = parse("%\n1 a\n%\nansvar\t1\ntillit\t3\n", p).unwrap_err();
        assert_eq!(
            e.to_string(),
            "codebook x.dic:5: pattern \"tillit\": category \"3\" is not defined in the % block"
        );
        let e = parse("%\nx a\n%\n", p).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("codebook x.dic:2: category number"),
            "{e}"
        );
        let e = parse("%\n1 a\n%\nansvar\n", p).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("codebook x.dic:4: pattern \"ansvar\" has no category"),
            "{e}"
        );
    }
}
