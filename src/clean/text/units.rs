//! Phase 0: paragraphs to units, one per non-empty line, trimmed; a
//! Markdown heading's `#` marks are markup and stay outside the unit.

use super::super::boilerplate;
use super::{Hint, Para, Unit};

/// The units of `paras`, in order.
pub fn split(paras: &[Para<'_>]) -> Vec<Unit> {
    let mut units = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        let src: &str = &p.src;
        let mut pos = 0;
        for line in src.split('\n') {
            let lstart = pos;
            pos += line.len() + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() {
                continue;
            }
            let lead = line.len() - line.trim_start().len();
            let (skip, hint) = markdown_heading(trimmed, p.hint);
            let start = lstart + lead + skip;
            let end = lstart + lead + trimmed.len();
            units.push(Unit {
                hint,
                para: pi,
                start,
                end,
                words: boilerplate::count_words(&src[start..end], usize::MAX),
            });
        }
    }
    units
}

/// A Markdown heading in plain text (`# Title`, `## Heading`): the bytes
/// of its marks and the space after them, and its hint. Other lines: `(0,
/// hint)`.
fn markdown_heading(trimmed: &str, hint: Hint) -> (usize, Hint) {
    if hint != Hint::Unknown || !trimmed.starts_with('#') {
        return (0, hint);
    }
    let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
    let rest = &trimmed[hashes..];
    if (1..=6).contains(&hashes) && rest.starts_with(' ') && !rest.trim().is_empty() {
        let skip = hashes + (rest.len() - rest.trim_start().len());
        let level = if hashes == 1 {
            Hint::Title
        } else {
            Hint::Heading
        };
        return (skip, level);
    }
    (0, hint)
}

#[cfg(test)]
mod tests {
    use super::super::test_page::paras;
    use super::*;

    #[test]
    fn one_unit_per_non_empty_line_trimmed() {
        let p = paras("  Rubrik här \nandra raden\n\nTredje stycket.");
        let u = split(&p);
        assert_eq!(u.len(), 3);
        assert_eq!(&p[0].src[u[0].start..u[0].end], "Rubrik här");
        assert_eq!(u[0].words, 2);
        assert_eq!((u[1].para, u[2].para), (0, 1));
    }

    #[test]
    fn markdown_marks_are_outside_the_unit() {
        let p = paras("# Lag om saker\n\n## 1 §\n\n#hashtag");
        let u = split(&p);
        assert_eq!(&p[0].src[u[0].start..u[0].end], "Lag om saker");
        assert_eq!(u[0].hint, Hint::Title);
        assert_eq!(u[1].hint, Hint::Heading);
        assert_eq!(u[2].hint, Hint::Unknown);
        assert_eq!(markdown_heading("# x", Hint::Body), (0, Hint::Body));
    }
}
