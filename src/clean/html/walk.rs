//! The walk over `<body>`: text is gathered into a buffer, and every block
//! element's start and end flushes it into an article paragraph (inside the
//! root, outside furniture), a byline (dates and authors), or a removed
//! entry (furniture, or anything outside the root).

use std::borrow::Cow;

use ego_tree::{NodeId, NodeRef, iter::Edge};
use scraper::Node;

use super::super::boilerplate;
use super::super::byline;
use super::super::dates::parse_date;
use super::super::text::{Hint, Para};
use super::HtmlDoc;
use super::tree::{
    BLOCK, SKIP, el_name, furniture_reason, is_byline_el, is_hidden, push_collapsed, tidy,
};
use crate::document::Removed;

/// What an open element passes to its content.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Inside a skipped or hidden element.
    pub skip: bool,
    /// Inside the article root.
    pub in_root: bool,
    /// Furniture reason and the element that gave it.
    pub furniture: Option<(&'static str, NodeId)>,
    /// What a block here is.
    pub hint: Hint,
    /// Inside `<pre>`: white space kept.
    pub pre: bool,
}

/// Where a flushed block stands on the page.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place {
    /// Inside the `<h1>` taken as the title outside the root: not output,
    /// the title comes from the metadata.
    pub h1_outside: bool,
    /// A byline element was opened since the last flush.
    pub byline_seen: bool,
    /// The article root has not started yet.
    pub before_root: bool,
}

/// The state of the walk.
pub struct Walker {
    /// What is found so far.
    pub out: HtmlDoc,
    stack: Vec<Frame>,
    base: Frame,
    cur: Frame,
    buf: String,
    last_removed_from: Option<NodeId>,
    /// The first `<time datetime>` inside the root.
    pub first_time: Option<String>,
    h1_outside_open: bool,
    byline_seen: bool,
    root_seen: bool,
    root_id: NodeId,
    h1_id: Option<NodeId>,
}

impl Walker {
    /// A walk over `body` with the article root `root_id` and the title's
    /// `<h1>`.
    pub fn new(body: NodeId, root_id: NodeId, h1_id: Option<NodeId>, out: HtmlDoc) -> Self {
        let base = Frame {
            skip: false,
            in_root: body == root_id,
            furniture: None,
            hint: Hint::Body,
            pre: false,
        };
        Walker {
            out,
            stack: Vec::new(),
            base,
            cur: base,
            buf: String::new(),
            last_removed_from: None,
            first_time: None,
            h1_outside_open: false,
            byline_seen: false,
            root_seen: body == root_id,
            root_id,
            h1_id,
        }
    }

    /// Walks the tree under `body` and flushes the last block.
    pub fn walk(mut self, body: NodeRef<'_, Node>) -> Self {
        for edge in body.traverse() {
            match edge {
                Edge::Open(n) => match n.value() {
                    Node::Element(_) => self.open(n),
                    Node::Text(t) if !self.cur.skip => {
                        if self.cur.pre {
                            self.buf.push_str(t);
                        } else {
                            push_collapsed(&mut self.buf, t);
                        }
                    }
                    _ => {}
                },
                Edge::Close(n) => {
                    if el_name(&n).is_some() {
                        self.close(n);
                    }
                }
            }
        }
        let place = Place {
            byline_seen: self.byline_seen,
            ..Place::default()
        };
        let cur = self.cur;
        self.flush(&cur, place);
        self
    }

    fn place(&self) -> Place {
        Place {
            h1_outside: self.h1_outside_open,
            byline_seen: self.byline_seen,
            before_root: !self.root_seen,
        }
    }

    /// The frame of element `n` under `parent`.
    fn frame(&self, n: NodeRef<'_, Node>, name: &str, parent: Frame) -> Frame {
        let mut f = parent;
        if parent.skip || SKIP.contains(&name) || is_hidden(&n) {
            f.skip = true;
        }
        if n.id() == self.root_id {
            f.in_root = true;
        }
        if f.furniture.is_none()
            && n.id() != self.root_id
            && let Some(r) = furniture_reason(&n)
            // A <header> inside the article holds its title and byline.
            && !(name == "header" && f.in_root)
        {
            f.furniture = Some((r, n.id()));
        }
        f.hint = match name {
            "h1" => Hint::Title,
            "h2" | "h3" | "h4" | "h5" | "h6" => Hint::Heading,
            "figcaption" => Hint::Caption,
            n2 if BLOCK.contains(&n2) => Hint::Body,
            _ => parent.hint,
        };
        if name == "pre" {
            f.pre = true;
        }
        f
    }

    /// An element opens.
    fn open(&mut self, n: NodeRef<'_, Node>) {
        let Node::Element(e) = n.value() else {
            return;
        };
        let name = e.name();
        let parent = self.stack.last().copied().unwrap_or(self.base);
        let f = self.frame(n, name, parent);
        if n.id() == self.root_id {
            self.root_seen = true;
        }
        let own_furniture = f.furniture.is_some_and(|(_, id)| id == n.id());
        if !f.skip {
            if BLOCK.contains(&name) || own_furniture {
                let cur = self.cur;
                self.flush(&cur, self.place());
                self.byline_seen = false;
                if Some(n.id()) == self.h1_id && !f.in_root {
                    self.h1_outside_open = true;
                }
            } else if name == "br" {
                self.buf.push('\n');
            } else if name == "img" {
                if let Some(alt) = e.attr("alt").map(str::trim).filter(|a| !a.is_empty())
                    && f.in_root
                    && f.furniture.is_none()
                {
                    self.out.removed.push(Removed {
                        text: alt.to_string(),
                        reason: "image".into(),
                    });
                    self.last_removed_from = None;
                }
            } else if name == "time" && self.first_time.is_none() && f.in_root {
                self.first_time = e.attr("datetime").and_then(|d| parse_date(d, None));
            }
        }
        if is_byline_el(&n) && !f.skip {
            self.byline_seen = true;
        }
        // Fields of a byline (name, e-mail) are separate even when their
        // elements are not.
        if self.byline_seen && !self.buf.is_empty() && !self.buf.ends_with([' ', '\n']) {
            self.buf.push(' ');
        }
        self.stack.push(f);
        self.cur = f;
    }

    /// An element closes.
    fn close(&mut self, n: NodeRef<'_, Node>) {
        let name = el_name(&n).unwrap_or("");
        let f = self.stack.pop().unwrap_or(self.base);
        let own_furniture = f.furniture.is_some_and(|(_, id)| id == n.id());
        if !f.skip && (BLOCK.contains(&name) || own_furniture) {
            self.flush(&f, self.place());
            self.byline_seen = false;
            if Some(n.id()) == self.h1_id {
                self.h1_outside_open = false;
            }
        }
        self.cur = self.stack.last().copied().unwrap_or(self.base);
    }

    /// Flushes the buffer into a paragraph, a byline or a removed entry.
    fn flush(&mut self, frame: &Frame, place: Place) {
        let text = tidy(&self.buf);
        let raw = std::mem::take(&mut self.buf);
        if text.is_empty() || place.h1_outside {
            return;
        }
        let byline_like = place.byline_seen || (place.before_root && frame.furniture.is_none());
        if byline_like && self.flush_byline(&text, place.byline_seen) {
            self.last_removed_from = None;
            return;
        }
        match (frame.in_root, frame.furniture) {
            (true, None) => {
                self.out.paras.extend(article_paras(&raw, frame.hint));
                self.last_removed_from = None;
            }
            (_, furn) => self.flush_removed(text, furn),
        }
    }

    /// A block that may be a byline: a date, byline or credit line (in a
    /// block marked as a byline, a bare leading name is the author's), or
    /// a bare person name in a byline element. Returns whether it was one.
    fn flush_byline(&mut self, text: &str, named: bool) -> bool {
        let flat = text.replace('\n', " ");
        let meta = byline::parse_meta_line(&flat, None).or_else(|| {
            named
                .then(|| byline::parse_meta_line(&format!("Av: {flat}"), None))
                .flatten()
        });
        let m = &mut self.out.meta;
        if let Some(meta) = meta {
            let reason = meta.reason();
            for a in meta.authors {
                if !m.byline_authors.contains(&a) {
                    m.byline_authors.push(a);
                }
            }
            if m.byline_published.is_none() {
                m.byline_published = meta.published;
            }
            if m.byline_updated.is_none() {
                m.byline_updated = meta.updated;
            }
            self.out.removed.push(Removed {
                text: text.to_string(),
                reason: reason.into(),
            });
            return true;
        }
        if named && byline::is_person_name(text) {
            if !m.byline_authors.iter().any(|a| a == text) {
                m.byline_authors.push(text.to_string());
            }
            self.out.removed.push(Removed {
                text: text.to_string(),
                reason: "byline".into(),
            });
            return true;
        }
        false
    }

    /// A block outside the article or inside furniture: a removed entry,
    /// joined to the previous one when it comes from the same element with
    /// the same reason.
    fn flush_removed(&mut self, text: String, furn: Option<(&'static str, NodeId)>) {
        let (mut reason, from) = match furn {
            Some((r, id)) => (r, Some(id)),
            None => ("boilerplate", None),
        };
        if matches!(reason, "boilerplate" | "navigation")
            && let Some(f) = boilerplate::classify(&text)
            && f.reason != "navigation"
        {
            reason = f.reason;
        }
        if let (Some(last), Some(prev)) = (self.out.removed.last_mut(), self.last_removed_from)
            && from == Some(prev)
            && last.reason == reason
        {
            last.text.push('\n');
            last.text.push_str(&text);
            return;
        }
        self.out.removed.push(Removed {
            text,
            reason: reason.into(),
        });
        self.last_removed_from = from;
    }
}

/// The article paragraphs of a flushed buffer: its lines, trimmed, where
/// an empty line (`<br><br>` in old CMS output) separates paragraphs.
pub fn article_paras(raw: &str, hint: Hint) -> Vec<Para<'static>> {
    let mut out = Vec::new();
    let mut chunk = String::new();
    for l in raw.split('\n').map(str::trim).chain(std::iter::once("")) {
        if l.is_empty() {
            if !chunk.is_empty() {
                out.push(Para {
                    src: Cow::Owned(std::mem::take(&mut chunk)),
                    hint,
                });
            }
        } else {
            if !chunk.is_empty() {
                chunk.push('\n');
            }
            chunk.push_str(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

    #[test]
    fn double_line_breaks_separate_paragraphs() {
        let p = article_paras(" a \nb\n\n\nc ", Hint::Body);
        let texts: Vec<&str> = p.iter().map(|p| &*p.src).collect();
        assert_eq!(texts, ["a\nb", "c"]);
        assert!(article_paras("\n \n", Hint::Body).is_empty());
    }

    #[test]
    fn a_byline_element_gives_the_author_and_date() {
        let d = extract(
            "<body><article><h1>Rubrik</h1><div class='byline'><span>Anna Berg</span></div>\
             <p class='dateline'>Publicerad 3 mars 2025</p><p>Kommunen bygger en ny skola i centrum.</p></article></body>",
        );
        assert_eq!(d.meta.byline_authors, ["Anna Berg"]);
        assert_eq!(d.meta.byline_published.as_deref(), Some("2025-03-03"));
        assert!(d.removed.iter().any(|r| r.reason == "byline"));
    }

    #[test]
    fn furniture_of_one_element_is_one_removed_entry() {
        let d = extract(
            "<body><nav><a>Hem</a><p>Nyheter</p><p>Om oss</p></nav><article><p>Kommunen bygger en ny skola i centrum.</p></article></body>",
        );
        let nav: Vec<&Removed> = d
            .removed
            .iter()
            .filter(|r| r.reason == "navigation")
            .collect();
        assert_eq!(nav.len(), 1, "{:?}", d.removed);
        assert!(nav[0].text.contains("Nyheter\nOm oss"));
    }

    #[test]
    fn image_texts_in_the_article_are_removed_and_the_outside_h1_is_the_title() {
        let d = extract(
            "<body><div><h1>Rubrik utanför</h1></div><article><img alt='Foto på skolan'><p>Kommunen bygger en ny skola i centrum.</p></article></body>",
        );
        assert_eq!(d.meta.h1.as_deref(), Some("Rubrik utanför"));
        assert!(
            d.removed
                .iter()
                .any(|r| r.reason == "image" && r.text == "Foto på skolan")
        );
        assert!(d.paras.iter().all(|p| p.src != "Rubrik utanför"));
    }
}
