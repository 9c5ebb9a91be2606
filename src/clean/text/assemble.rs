//! Phase 6: the classified units to the cleaned text. Kept units of one
//! paragraph not separated by a removed unit form one group; each group is
//! a block whose kind comes from its class, its source's hint and, for
//! plain text, its shape; removed units become `removed` entries (runs of
//! one paragraph with one reason joined).

use super::super::byline;
use super::super::{Block, BlockKind, Cleaned};
use super::shapes::{body_like, dash_quote_rest, heading_like, is_alt_text};
use super::{Class, Found, Hint, Page, push_unique};
use crate::document::Removed;
use crate::span::Span;

/// What a group of kept units is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    /// The title.
    Title,
    /// A caption.
    Caption,
    /// Anything else kept (body, heading: decided by [`block_kind`]).
    Plain,
}

/// Kept units of one paragraph: a byte range of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    /// Index of the paragraph.
    pub para: usize,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// What it is.
    pub kind: GroupKind,
    /// The hint of its units.
    pub hint: Hint,
}

/// The removed pieces in page order, a run of one paragraph with one
/// reason joined by line breaks.
#[derive(Debug, Default)]
pub struct RemovedList(Vec<(usize, Removed)>);

impl RemovedList {
    /// Adds a removed piece of paragraph `para`.
    pub fn push(&mut self, para: usize, text: &str, reason: &'static str) {
        if let Some((p, last)) = self.0.last_mut()
            && *p == para
            && last.reason == reason
        {
            last.text.push('\n');
            last.text.push_str(text);
            return;
        }
        self.0.push((
            para,
            Removed {
                text: text.to_string(),
                reason: reason.to_string(),
            },
        ));
    }

    /// The pieces.
    pub fn into_vec(self) -> Vec<Removed> {
        self.0.into_iter().map(|(_, r)| r).collect()
    }
}

/// Groups the kept units, lists the removed ones and collects the meta
/// lines' facts and the captions' credits into `found`.
pub fn groups(page: &Page<'_, '_>, found: &mut Found, removed: &mut RemovedList) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut open = false;
    for (i, u) in page.units.iter().enumerate() {
        let group = |end: usize, kind: GroupKind| Group {
            para: u.para,
            start: u.start,
            end,
            kind,
            hint: u.hint,
        };
        match &page.class[i] {
            Class::Keep => {
                if open
                    && let Some(g) = groups.last_mut()
                    && g.para == u.para
                    && g.kind == GroupKind::Plain
                    && g.hint == u.hint
                    && !matches!(u.hint, Hint::Title | Hint::Heading)
                    && !dash_quote_after_lead(page, i)
                    && !narrative_after_dash_quote(page, i)
                {
                    g.end = u.end;
                    continue;
                }
                groups.push(group(u.end, GroupKind::Plain));
                open = true;
            }
            Class::Title => {
                // a headline broken over two lines is one title
                if let Some(g) = groups.last_mut()
                    && g.kind == GroupKind::Title
                    && g.para == u.para
                {
                    g.end = u.end;
                    continue;
                }
                groups.push(group(u.end, GroupKind::Title));
                open = false;
            }
            Class::Caption(cut) => {
                let end = caption_end(page, i, *cut, found, removed);
                if end > u.start {
                    groups.push(group(end, GroupKind::Caption));
                }
                open = false;
            }
            Class::Remove(reason) => {
                removed.push(u.para, page.line(i), reason);
                open = false;
            }
            Class::Meta(m) => {
                found.add(m);
                removed.push(u.para, page.line(i), m.reason());
                open = false;
            }
        }
    }
    groups
}

/// Whether unit `i` is a dash quote (`– Vi …`) on its own line right
/// under a line that ends a sentence or leads in with a colon: the quote is
/// a paragraph of its own even when a scrape joined it to the line above
/// with a single line break ("Peter avslutar med att säga:⏎– Vi …").
pub fn dash_quote_after_lead(page: &Page<'_, '_>, i: usize) -> bool {
    let starts_quote = dash_quote_rest(page.line(i))
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_uppercase);
    starts_quote
        && i > 0
        && page.units[i - 1].para == page.units[i].para
        && page.line(i - 1).trim_end().ends_with([':', '.', '!', '?', '”', '"'])
}

/// Whether unit `i` starts a new paragraph under a dash quote that a
/// scrape joined to it with a single line break: the line above is a whole
/// dash-quote paragraph on one line (longer than a hard-wrapped line, and
/// ending a sentence), and this line opens a new sentence without a dash
/// ("– … ta del av deras tankar.⏎En eventuell förändring beslutas av …").
pub fn narrative_after_dash_quote(page: &Page<'_, '_>, i: usize) -> bool {
    if i == 0 || page.units[i - 1].para != page.units[i].para {
        return false;
    }
    let above = page.line(i - 1).trim_end();
    let line = page.line(i);
    dash_quote_rest(above).is_some()
        && above.chars().count() > 100
        && above.ends_with(['.', '!', '?', '”', '"'])
        && dash_quote_rest(line).is_none()
        && line.chars().next().is_some_and(char::is_uppercase)
}

/// The end of caption unit `i` without its credit (cut at byte `cut` of
/// the line); the credit is listed as removed and its names as credits.
fn caption_end(
    page: &Page<'_, '_>,
    i: usize,
    cut: Option<usize>,
    found: &mut Found,
    removed: &mut RemovedList,
) -> usize {
    let u = &page.units[i];
    let Some(at) = cut else {
        return u.end;
    };
    let l = page.line(i);
    let at = at.min(l.len());
    let cap = l[..at].trim_end();
    let credit = l[at..].trim();
    if let Some((_, credits)) = byline::caption_credit(l) {
        for c in credits {
            push_unique(&mut found.credits, c);
        }
    }
    if !credit.is_empty() {
        removed.push(u.para, credit, "credit");
    }
    u.start + cap.len()
}

/// The block kind of group `gi`: a title or caption as classified; a
/// heading from the source's hint or, in plain text, a short single line
/// followed by body text; else body.
pub fn block_kind(page: &Page<'_, '_>, groups: &[Group], gi: usize) -> BlockKind {
    let g = groups[gi];
    let text = &page.paras[g.para].src[g.start..g.end];
    let words = text.split_whitespace().count();
    match g.kind {
        GroupKind::Title => BlockKind::Title,
        GroupKind::Caption => BlockKind::Caption,
        GroupKind::Plain => match g.hint {
            Hint::Heading | Hint::Title if words <= 25 => BlockKind::Heading,
            Hint::Unknown => {
                let single_line = !text.contains('\n');
                // (whether group k is plain text that reads as body, or as
                // a one-line heading)
                let plain = |k: usize, heading: bool| {
                    groups.get(k).is_some_and(|n| {
                        let nt = &page.paras[n.para].src[n.start..n.end];
                        let words = nt.split_whitespace().count();
                        n.kind == GroupKind::Plain
                            && if heading {
                                !nt.contains('\n') && heading_like(nt, words)
                            } else {
                                body_like(nt, words)
                            }
                    })
                };
                // body next, or a second heading and then body ("Talmannens
                // anförande" above "Ärade ledamöter" above the speech)
                let next_body =
                    plain(gi + 1, false) || (plain(gi + 1, true) && plain(gi + 2, false));
                if single_line && next_body && heading_like(text, words) && !is_alt_text(text) {
                    BlockKind::Heading
                } else {
                    BlockKind::Body
                }
            }
            _ => BlockKind::Body,
        },
    }
}

/// Builds the cleaned text: an optional title put before the text, then
/// the groups, joined by blank lines.
pub fn assemble(page: &Page<'_, '_>, prepend: Option<&str>, mut found: Found) -> Cleaned {
    let mut out = Cleaned::default();
    let mut removed = RemovedList::default();
    let groups = groups(page, &mut found, &mut removed);
    let mut parts: Vec<(&str, BlockKind)> = Vec::with_capacity(groups.len() + 1);
    if let Some(t) = prepend {
        parts.push((t, BlockKind::Title));
    }
    for (gi, g) in groups.iter().enumerate() {
        let text = &page.paras[g.para].src[g.start..g.end];
        parts.push((text, block_kind(page, &groups, gi)));
    }
    for (t, k) in parts {
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
        }
        let start = out.text.len();
        out.text.push_str(t);
        out.blocks.push(Block {
            span: Span::new(start, out.text.len()),
            kind: k,
        });
        match k {
            BlockKind::Title => {
                out.metadata.title = Some(t.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            BlockKind::Heading => out.metadata.headings.push(t.to_string()),
            _ => {}
        }
    }
    out.removed = removed.into_vec();
    out.metadata.published = found.published;
    out.metadata.updated = found.updated;
    out.metadata.authors = found.authors;
    out.metadata.photo_credits = found.credits;
    out.metadata.contacts = found.contacts;
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_page::paras;
    use super::super::{Options, structure};
    use super::*;

    #[test]
    fn removed_runs_of_one_paragraph_and_reason_are_joined() {
        let mut r = RemovedList::default();
        r.push(0, "Meny", "navigation");
        r.push(0, "Sök", "navigation");
        r.push(1, "Stäng", "navigation");
        r.push(1, "Kakor", "cookie");
        let v = r.into_vec();
        assert_eq!(v.len(), 3);
        assert_eq!(v[0].text, "Meny\nSök");
    }

    #[test]
    fn a_short_line_before_body_is_a_heading_and_lines_of_a_paragraph_stay_together() {
        let p = paras(
            "Kommunen bygger ny skola\n\nFörsta raden\nandra raden i stycket.\n\nEn mellanrubrik\n\nBrödtext som följer rubriken här.",
        );
        let c = structure(
            &p,
            &Options {
                detect_title: true,
                ..Default::default()
            },
        );
        let kinds: Vec<BlockKind> = c.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Title,
                BlockKind::Body,
                BlockKind::Heading,
                BlockKind::Body
            ]
        );
        assert_eq!(c.metadata.headings, ["En mellanrubrik"]);
        assert!(c.text.contains("Första raden\nandra raden"));
    }

    #[test]
    fn a_prepended_title_comes_first() {
        let p = paras("Brödtext som inte är rubriken, utan en mening.");
        let c = structure(
            &p,
            &Options {
                known_title: Some("Annan rubrik".into()),
                ..Default::default()
            },
        );
        assert!(c.text.starts_with("Annan rubrik\n\nBrödtext"));
        assert_eq!(c.metadata.title.as_deref(), Some("Annan rubrik"));
    }

    #[test]
    fn narrative_joined_to_a_one_line_dash_quote_is_a_block_of_its_own() {
        let src = "– Vi ska också träffa länsstyrelser och kommuner som berörs av förslagen för att ta del av deras tankar och synpunkter.\nEn eventuell förändring beslutas av rikspolischefen.\n\n– Kort rad som\nbryts här.";
        let c = structure(&paras(src), &Options::default());
        let texts: Vec<&str> = c.blocks.iter().map(|b| &c.text[b.span.start..b.span.end]).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert_eq!(texts[1], "En eventuell förändring beslutas av rikspolischefen.");
        assert_eq!(texts[2], "– Kort rad som\nbryts här.");
    }

    #[test]
    fn a_dash_quote_under_a_lead_in_line_is_a_block_of_its_own() {
        let src = "Rektorn avslutar med att säga:\n– Vi är ett bollplank för myndigheten.\n\nEn lista:\n- punkt ett\n- punkt två";
        let c = structure(&paras(src), &Options::default());
        let texts: Vec<&str> = c.blocks.iter().map(|b| &c.text[b.span.start..b.span.end]).collect();
        assert_eq!(
            texts,
            [
                "Rektorn avslutar med att säga:",
                "– Vi är ett bollplank för myndigheten.",
                "En lista:\n- punkt ett\n- punkt två",
            ]
        );
    }
}
