//! HTML pages: the article body as paragraphs, metadata from the head, and
//! the visible page furniture (navigation, header, footer, asides, cookie
//! banners, share bars, related links) as removed text.
//!
//! Parsing uses `scraper`, whose tree is built by html5ever, the HTML5
//! parsing algorithm of browsers: broken markup, entities and implied tags
//! come out as a browser would show them. The article root is found by
//! paragraph text: starting at `<body>`, the walk descends into the child
//! that holds at least 80% of the `<p>` text outside furniture, and stops at
//! an `<article>` element or where no child holds that much. Everything
//! outside the root, and furniture inside it, is listed in `removed`.
//! Scripts, styles, templates and hidden elements are dropped silently.

//!
//! The work is done in phases, each in its own file: [`meta`] reads the
//! head, [`tree`] finds the article root and says what an element is,
//! [`walk`] cuts the body into paragraphs and removed text.

use std::sync::LazyLock;

use ego_tree::NodeRef;
use scraper::{Html, Node, Selector};

use super::dates::parse_date;
use super::text::Para;
use crate::document::Removed;

pub mod meta;
pub mod tree;
pub mod walk;

use tree::{el_name, find_root, paragraph_text, text_of};

/// What the page says about itself.
#[derive(Debug, Default, Clone)]
pub struct HtmlMeta {
    /// `<h1>` text (inside the article if there is one there).
    pub h1: Option<String>,
    /// JSON-LD `headline`, `og:title` or `<title>` without the site name.
    pub head_title: Option<String>,
    /// From JSON-LD `datePublished`.
    pub ld_published: Option<String>,
    /// From JSON-LD `dateModified`.
    pub ld_updated: Option<String>,
    /// From JSON-LD `author`.
    pub ld_authors: Vec<String>,
    /// From `article:published_time` and similar meta tags.
    pub meta_published: Option<String>,
    /// From `article:modified_time` and similar meta tags.
    pub meta_updated: Option<String>,
    /// From `<meta name="author">` or `article:author`.
    pub meta_authors: Vec<String>,
    /// From the first `<time datetime>` (inside the article if there).
    pub time_published: Option<String>,
    /// Names in elements marked as bylines (`class="byline"`, `rel="author"`).
    pub byline_authors: Vec<String>,
    /// Dates in elements marked as bylines.
    pub byline_published: Option<String>,
    /// Update dates in elements marked as bylines.
    pub byline_updated: Option<String>,
}

/// An HTML page cut into paragraphs.
#[derive(Debug, Default)]
pub struct HtmlDoc {
    /// The article's paragraphs, with what their element says they are.
    pub paras: Vec<Para<'static>>,
    /// Visible text that is not the article, in page order.
    pub removed: Vec<Removed>,
    /// Metadata from the page.
    pub meta: HtmlMeta,
}

/// The title's `<h1>`: the first in the article root, else the first
/// outside navigation, footers and asides.
pub fn find_h1<'a>(body: NodeRef<'a, Node>, root: NodeRef<'a, Node>) -> Option<NodeRef<'a, Node>> {
    let in_root = root.descendants().find(|n| el_name(n) == Some("h1"));
    // Bounded so that pages with thousands of nested headings stay linear.
    in_root.or_else(|| {
        body.descendants()
            .filter(|n| el_name(n) == Some("h1"))
            .take(20)
            .find(|n| {
                !n.ancestors()
                    .take(200)
                    .any(|a| matches!(el_name(&a), Some("nav" | "footer" | "aside")))
            })
    })
}

/// Cuts an HTML page into the article's paragraphs and the removed rest:
/// the head's metadata, the article root, the title's `<h1>`, then the
/// walk over the body.
pub fn extract(src: &str) -> HtmlDoc {
    let doc = Html::parse_document(&super::depth::bounded(src));
    let mut out = HtmlDoc::default();
    meta::head_meta(&doc, &mut out.meta);

    let tree_root = doc.tree.root();
    let body = tree_root
        .descendants()
        .find(|n| el_name(n) == Some("body"))
        .unwrap_or(tree_root);
    let root = find_root(body, &paragraph_text(body));
    let h1 = find_h1(body, root);
    out.meta.h1 = h1.map(text_of).filter(|t| !t.is_empty());

    let walker = walk::Walker::new(body.id(), root.id(), h1.map(|n| n.id()), out).walk(body);
    let first_time = walker.first_time.clone();
    let mut out = walker.out;
    out.meta.time_published = first_time.or_else(|| {
        static TIME: LazyLock<Selector> =
            LazyLock::new(|| Selector::parse("time[datetime]").expect("valid selector"));
        doc.select(&TIME)
            .find_map(|t| t.attr("datetime").and_then(|d| parse_date(d, None)))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extract_finds_root_title_and_furniture() {
        let d = extract(
            "<html><head><title>Rubrik | Sajt</title></head><body><nav>Meny</nav><article><h1>Rubrik</h1>\
             <p>Kommunen bygger en ny skola i centrum av staden.</p><time datetime='2024-01-02'>2 jan</time></article></body></html>",
        );
        assert_eq!(d.meta.h1.as_deref(), Some("Rubrik"));
        assert_eq!(d.meta.time_published.as_deref(), Some("2024-01-02"));
        assert!(d.removed.iter().any(|r| r.text == "Meny"));
        assert!(d.paras.iter().any(|p| p.src.starts_with("Kommunen bygger")));
    }

    #[test]
    fn the_h1_outside_navigation_is_the_title() {
        let doc = Html::parse_document(
            "<body><nav><h1>Sajt</h1></nav><div><h1>Rubrik</h1></div><main><p>Text.</p></main></body>",
        );
        let body = doc
            .tree
            .root()
            .descendants()
            .find(|n| el_name(n) == Some("body"))
            .expect("body");
        let main = body
            .descendants()
            .find(|n| el_name(n) == Some("main"))
            .expect("main");
        assert_eq!(find_h1(body, main).map(text_of).as_deref(), Some("Rubrik"));
    }
}
