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

use std::borrow::Cow;
use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef, iter::Edge};
use scraper::{Html, Node, Selector};
use serde_json::Value;

use super::byline;
use super::dates::parse_date;
use super::text::{Hint, Para};
use crate::document::Removed;

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

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "head", "select", "option",
    "input", "textarea", "object", "canvas", "video", "audio", "map",
];

const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "ul",
    "summary",
    "center",
    "body",
    "html",
    "caption",
    "menu",
];

fn el_name<'a>(n: &NodeRef<'a, Node>) -> Option<&'a str> {
    match n.value() {
        Node::Element(e) => Some(e.name()),
        _ => None,
    }
}

/// The furniture reason an element's tag, class, id or role gives it.
fn furniture_reason(n: &NodeRef<'_, Node>) -> Option<&'static str> {
    let Node::Element(e) = n.value() else {
        return None;
    };
    let mut tokens: Vec<String> = e.classes().map(str::to_lowercase).collect();
    if let Some(id) = e.id() {
        tokens.push(id.to_lowercase());
    }
    for t in &tokens {
        if t.contains("cookie") || t.contains("consent") || t.contains("gdpr") {
            return Some("cookie");
        }
        if t.contains("newsletter")
            || t.contains("nyhetsbrev")
            || t.contains("subscribe")
            || t.contains("prenumer")
        {
            return Some("newsletter");
        }
        if t == "ad"
            || t == "ads"
            || t.starts_with("ad-")
            || t.ends_with("-ad")
            || t.contains("advert")
            || t.contains("annons")
            || t.contains("sponsor")
        {
            return Some("advertisement");
        }
        if t.contains("share")
            || t.contains("site-header")
            || t.contains("masthead")
            || t.contains("social")
            || t.contains("dela-")
            || t.contains("breadcrumb")
            || t.contains("skip-link")
            || t.contains("related")
            || t.contains("relaterat")
            || t.contains("recommend")
            || t.contains("rekommend")
            || t.contains("most-read")
            || t.contains("mest-last")
            || t.starts_with("nav")
            || t.starts_with("menu")
            || t.contains("-nav")
            || t.contains("-menu")
            || t.contains("toolbar")
            || t.contains("tags")
        {
            return Some("navigation");
        }
        if t.contains("comment")
            || t.contains("sidebar")
            || t.contains("site-footer")
            || t.contains("promo")
            || t.contains("paywall")
        {
            return Some("boilerplate");
        }
    }
    match e.attr("role") {
        Some("navigation") | Some("banner") | Some("search") => return Some("navigation"),
        Some("contentinfo") | Some("complementary") => return Some("boilerplate"),
        Some("dialog") | Some("alertdialog") => return Some("cookie"),
        _ => {}
    }
    match e.name() {
        "nav" | "menu" => Some("navigation"),
        "header" => Some("navigation"),
        "footer" | "aside" | "dialog" => Some("boilerplate"),
        "form" | "button" => Some("navigation"),
        _ => None,
    }
}

fn is_hidden(n: &NodeRef<'_, Node>) -> bool {
    let Node::Element(e) = n.value() else {
        return false;
    };
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

fn is_byline_el(n: &NodeRef<'_, Node>) -> bool {
    let Node::Element(e) = n.value() else {
        return false;
    };
    e.attr("rel") == Some("author")
        || e.attr("itemprop") == Some("author")
        || e.classes().any(|c| {
            let c = c.to_lowercase();
            c.contains("byline")
                || c.contains("author")
                || c.contains("skribent")
                || c.contains("dateline")
        })
}

/// Collapses HTML whitespace to single spaces.
fn push_collapsed(buf: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !buf.is_empty() && !buf.ends_with([' ', '\n']) {
                buf.push(' ');
            }
        } else if c == '\u{a0}' {
            if !buf.ends_with([' ', '\n']) {
                buf.push(' ');
            }
        } else {
            buf.push(c);
        }
    }
}

/// Trims every line and drops empty ones.
fn tidy(buf: &str) -> String {
    let mut out = String::with_capacity(buf.len());
    for l in buf.split('\n') {
        let l = l.trim();
        if l.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(l);
    }
    out
}

/// Per element: the length of `<p>` text under it outside furniture.
fn paragraph_text(root: NodeRef<'_, Node>) -> HashMap<NodeId, usize> {
    let mut map = HashMap::new();
    // Stack of (text, ptext) accumulators of open elements.
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    let mut skip_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => {
                if let Some(name) = el_name(&n) {
                    if skip_depth > 0 || SKIP.contains(&name) || is_hidden(&n) {
                        skip_depth += 1;
                    }
                    stack.push((0, 0));
                } else if skip_depth == 0
                    && let Node::Text(t) = n.value()
                    && let Some(top) = stack.last_mut()
                {
                    top.0 += t.trim().len();
                }
            }
            Edge::Close(n) => {
                if let Some(name) = el_name(&n) {
                    let (text, ptext) = stack.pop().unwrap_or((0, 0));
                    let own = if name == "p" { text } else { ptext };
                    let furniture = furniture_reason(&n).is_some() && name != "header";
                    map.insert(n.id(), own);
                    if let Some(parent) = stack.last_mut() {
                        parent.0 += text;
                        if !furniture && skip_depth == 0 {
                            parent.1 += own;
                        }
                    }
                    skip_depth = skip_depth.saturating_sub(usize::from(skip_depth > 0));
                }
            }
        }
    }
    map
}

fn find_root<'a>(body: NodeRef<'a, Node>, ptext: &HashMap<NodeId, usize>) -> NodeRef<'a, Node> {
    let mut node = body;
    loop {
        if el_name(&node) == Some("article") {
            return node;
        }
        let total = ptext.get(&node.id()).copied().unwrap_or(0);
        if total == 0 {
            return node;
        }
        let next = node.children().find(|c| {
            el_name(c).is_some() && ptext.get(&c.id()).copied().unwrap_or(0) * 10 >= total * 8
        });
        match next {
            Some(c) => node = c,
            None => return node,
        }
    }
}

fn text_of(n: NodeRef<'_, Node>) -> String {
    let mut buf = String::new();
    for d in n.descendants() {
        if let Node::Text(t) = d.value() {
            push_collapsed(&mut buf, t);
        }
    }
    buf.trim().to_string()
}

fn ld_authors(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => {
            for name in s.split([',', '&']) {
                let name = name.trim();
                if !name.is_empty() && !name.starts_with("http") {
                    out.push(name.to_string());
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| ld_authors(x, out)),
        Value::Object(o) => {
            let org = o
                .get("@type")
                .and_then(Value::as_str)
                .is_some_and(|t| t == "Organization" || t == "NewsMediaOrganization");
            if !org && let Some(Value::String(n)) = o.get("name") {
                let n = n.trim();
                if !n.is_empty() {
                    out.push(n.to_string());
                }
            }
        }
        _ => {}
    }
}

fn is_article_type(v: Option<&Value>) -> bool {
    let ok = |s: &str| s.ends_with("Article") || s == "BlogPosting" || s == "Report";
    match v {
        Some(Value::String(s)) => ok(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(ok),
        _ => false,
    }
}

/// Finds the first article object of a JSON-LD value (also in `@graph`).
fn find_ld_article(v: &Value, depth: usize) -> Option<&serde_json::Map<String, Value>> {
    if depth > 8 {
        return None;
    }
    match v {
        Value::Object(o) => {
            if is_article_type(o.get("@type")) {
                return Some(o);
            }
            o.get("@graph").and_then(|g| find_ld_article(g, depth + 1))
        }
        Value::Array(a) => a.iter().find_map(|x| find_ld_article(x, depth + 1)),
        _ => None,
    }
}

fn head_meta(doc: &Html, meta: &mut HtmlMeta) {
    static META: std::sync::LazyLock<Selector> =
        std::sync::LazyLock::new(|| Selector::parse("meta").expect("valid selector"));
    static TITLE: std::sync::LazyLock<Selector> =
        std::sync::LazyLock::new(|| Selector::parse("title").expect("valid selector"));
    static LD: std::sync::LazyLock<Selector> = std::sync::LazyLock::new(|| {
        Selector::parse(r#"script[type="application/ld+json"]"#).expect("valid selector")
    });
    let mut og_title = None;
    for m in doc.select(&META) {
        let key = m
            .attr("property")
            .or_else(|| m.attr("name"))
            .or_else(|| m.attr("itemprop"))
            .unwrap_or("")
            .to_lowercase();
        let Some(content) = m.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        match key.as_str() {
            "author" | "article:author" | "dc.creator" | "byl" if !content.starts_with("http") => {
                for name in content.split([',', '&', ';']) {
                    let name = name.trim();
                    if !name.is_empty() && !meta.meta_authors.iter().any(|a| a == name) {
                        meta.meta_authors.push(name.to_string());
                    }
                }
            }
            "article:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publishdate"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.created"
            | "parsely-pub-date"
                if meta.meta_published.is_none() =>
            {
                meta.meta_published = parse_date(content, None);
            }
            "article:modified_time"
            | "og:updated_time"
            | "datemodified"
            | "dcterms.modified"
            | "last-modified"
                if meta.meta_updated.is_none() =>
            {
                meta.meta_updated = parse_date(content, None);
            }
            "og:title" => og_title = Some(content.to_string()),
            _ => {}
        }
    }
    let mut ld_headline = None;
    for s in doc.select(&LD) {
        let raw: String = s.text().collect();
        let Ok(v) = serde_json::from_str::<Value>(raw.trim()) else {
            continue;
        };
        let Some(o) = find_ld_article(&v, 0) else {
            continue;
        };
        if ld_headline.is_none() {
            ld_headline = o
                .get("headline")
                .and_then(Value::as_str)
                .map(|s| s.trim().to_string());
        }
        if meta.ld_published.is_none() {
            meta.ld_published = o
                .get("datePublished")
                .and_then(Value::as_str)
                .and_then(|d| parse_date(d, None));
        }
        if meta.ld_updated.is_none() {
            meta.ld_updated = o
                .get("dateModified")
                .and_then(Value::as_str)
                .and_then(|d| parse_date(d, None));
        }
        if meta.ld_authors.is_empty()
            && let Some(a) = o.get("author")
        {
            ld_authors(a, &mut meta.ld_authors);
        }
    }
    let title_tag = doc.select(&TITLE).next().map(|t| {
        let mut buf = String::new();
        push_collapsed(&mut buf, &t.text().collect::<String>());
        let t = buf.trim().to_string();
        // "Rubrik | Sajt", "Sajt – Rubrik": the longest part is the title.
        for sep in [" | ", " – ", " — ", " - ", " :: "] {
            if t.contains(sep) {
                let best = t
                    .split(sep)
                    .map(str::trim)
                    .max_by_key(|p| p.chars().count())
                    .unwrap_or("");
                if best.split_whitespace().count() >= 2 {
                    return best.to_string();
                }
            }
        }
        t
    });
    meta.head_title = ld_headline
        .or(og_title)
        .or(title_tag)
        .filter(|t| !t.is_empty());
}

#[derive(Clone, Copy)]
struct Frame {
    skip: bool,
    in_root: bool,
    /// Furniture reason and the element that gave it.
    furniture: Option<(&'static str, NodeId)>,
    byline: bool,
    hint: Hint,
    pre: bool,
}

/// Cuts an HTML page into the article's paragraphs and the removed rest.
pub fn extract(src: &str) -> HtmlDoc {
    let doc = Html::parse_document(&super::depth::bounded(src));
    let mut out = HtmlDoc::default();
    head_meta(&doc, &mut out.meta);

    let tree_root = doc.tree.root();
    let body = tree_root
        .descendants()
        .find(|n| el_name(n) == Some("body"))
        .unwrap_or(tree_root);
    let ptext = paragraph_text(body);
    let root = find_root(body, &ptext);
    let root_id = root.id();

    // The title: first <h1> in the root, else the first outside furniture.
    let h1_in_root = root.descendants().find(|n| el_name(n) == Some("h1"));
    // Bounded so that pages with thousands of nested headings stay linear.
    let h1_outside = body
        .descendants()
        .filter(|n| el_name(n) == Some("h1"))
        .take(20)
        .find(|n| {
            !n.ancestors()
                .take(200)
                .any(|a| matches!(el_name(&a), Some("nav" | "footer" | "aside")))
        });
    let h1_node = h1_in_root.or(h1_outside);
    out.meta.h1 = h1_node.map(text_of).filter(|t| !t.is_empty());
    let h1_id = h1_node.map(|n| n.id());

    let mut stack: Vec<Frame> = Vec::new();
    let base = Frame {
        skip: false,
        in_root: body.id() == root_id,
        furniture: None,
        byline: false,
        hint: Hint::Body,
        pre: false,
    };
    let mut buf = String::new();
    let mut cur = base;
    let mut last_removed_from: Option<NodeId> = None;
    let mut first_time: Option<String> = None;

    // Flushes the current block into a paragraph or a removed entry.
    let flush = |buf: &mut String,
                 frame: &Frame,
                 out: &mut HtmlDoc,
                 last_from: &mut Option<NodeId>,
                 is_h1_outside: bool,
                 byline_seen: bool,
                 before_root: bool| {
        let text = tidy(buf);
        let buf_copy = std::mem::take(buf);
        if text.is_empty() {
            return;
        }
        if is_h1_outside {
            // The title outside the article root: it becomes the text's title.
            return;
        }
        let byline_like = frame.byline || byline_seen || (before_root && frame.furniture.is_none());
        if byline_like {
            let flat = text.replace('\n', " ");
            let named = frame.byline || byline_seen;
            // In a block marked as a byline, a bare leading name is the author's.
            let meta = byline::parse_meta_line(&flat, None).or_else(|| {
                named
                    .then(|| byline::parse_meta_line(&format!("Av: {flat}"), None))
                    .flatten()
            });
            if !named && meta.is_none() {
                // An ordinary block before the article root: furniture below.
            } else if let Some(m) = meta {
                let reason = m.reason();
                for a in m.authors {
                    if !out.meta.byline_authors.contains(&a) {
                        out.meta.byline_authors.push(a);
                    }
                }
                if out.meta.byline_published.is_none() {
                    out.meta.byline_published = m.published;
                }
                if out.meta.byline_updated.is_none() {
                    out.meta.byline_updated = m.updated;
                }
                out.removed.push(Removed {
                    text,
                    reason: reason.into(),
                });
                *last_from = None;
                return;
            } else if byline::is_person_name(&text) {
                if !out.meta.byline_authors.contains(&text) {
                    out.meta.byline_authors.push(text.clone());
                }
                out.removed.push(Removed {
                    text,
                    reason: "byline".into(),
                });
                *last_from = None;
                return;
            }
        }
        match (frame.in_root, frame.furniture) {
            (true, None) => {
                // `<br><br>` separates paragraphs in old CMS output.
                let raw_lines: Vec<&str> = buf_copy.split('\n').map(str::trim).collect();
                let mut chunk = String::new();
                for l in raw_lines.iter().chain(std::iter::once(&"")) {
                    if l.is_empty() {
                        if !chunk.is_empty() {
                            out.paras.push(Para {
                                src: Cow::Owned(std::mem::take(&mut chunk)),
                                hint: frame.hint,
                            });
                        }
                    } else {
                        if !chunk.is_empty() {
                            chunk.push('\n');
                        }
                        chunk.push_str(l);
                    }
                }
                *last_from = None;
            }
            (_, furn) => {
                let (mut reason, from) = match furn {
                    Some((r, id)) => (r, Some(id)),
                    None => ("boilerplate", None),
                };
                if matches!(reason, "boilerplate" | "navigation")
                    && let Some(f) = super::boilerplate::classify(&text)
                    && f.reason != "navigation"
                {
                    reason = f.reason;
                }
                if let (Some(last), Some(prev)) = (out.removed.last_mut(), *last_from)
                    && from == Some(prev)
                    && last.reason == reason
                {
                    last.text.push('\n');
                    last.text.push_str(&text);
                    return;
                }
                out.removed.push(Removed {
                    text,
                    reason: reason.into(),
                });
                *last_from = from;
            }
        }
    };

    let mut h1_outside_open = false;
    let mut byline_seen = false;
    let mut root_seen = body.id() == root_id;
    for edge in body.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(e) => {
                    let name = e.name();
                    let parent = stack.last().copied().unwrap_or(base);
                    let mut f = parent;
                    if parent.skip || SKIP.contains(&name) || is_hidden(&n) {
                        f.skip = true;
                    }
                    if n.id() == root_id {
                        f.in_root = true;
                    }
                    if f.furniture.is_none()
                        && n.id() != root_id
                        && let Some(r) = furniture_reason(&n)
                    {
                        // A <header> inside the article holds its title and byline.
                        if !(name == "header" && f.in_root) {
                            f.furniture = Some((r, n.id()));
                        }
                    }
                    if n.id() == root_id {
                        root_seen = true;
                    }
                    let marks_byline = is_byline_el(&n);
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
                    let own_furniture = f.furniture.is_some_and(|(_, id)| id == n.id());
                    if !f.skip {
                        if BLOCK.contains(&name) || own_furniture {
                            flush(
                                &mut buf,
                                &cur,
                                &mut out,
                                &mut last_removed_from,
                                h1_outside_open,
                                byline_seen,
                                !root_seen,
                            );
                            byline_seen = false;
                            if Some(n.id()) == h1_id && !f.in_root {
                                h1_outside_open = true;
                            }
                        } else if name == "br" {
                            buf.push('\n');
                        } else if name == "img" {
                            if let Some(alt) =
                                e.attr("alt").map(str::trim).filter(|a| !a.is_empty())
                                && f.in_root
                                && f.furniture.is_none()
                            {
                                out.removed.push(Removed {
                                    text: alt.to_string(),
                                    reason: "image".into(),
                                });
                                last_removed_from = None;
                            }
                        } else if name == "time" && first_time.is_none() && f.in_root {
                            first_time = e.attr("datetime").and_then(|d| parse_date(d, None));
                        }
                    }
                    if marks_byline && !f.skip {
                        byline_seen = true;
                    }
                    // Fields of a byline (name, e-mail) are separate even when
                    // their elements are not.
                    if byline_seen && !buf.is_empty() && !buf.ends_with([' ', '\n']) {
                        buf.push(' ');
                    }
                    stack.push(f);
                    cur = f;
                }
                Node::Text(t) if !cur.skip => {
                    if cur.pre {
                        buf.push_str(t);
                    } else {
                        push_collapsed(&mut buf, t);
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                if let Some(name) = el_name(&n) {
                    let f = stack.pop().unwrap_or(base);
                    let own_furniture = f.furniture.is_some_and(|(_, id)| id == n.id());
                    if !f.skip && (BLOCK.contains(&name) || own_furniture) {
                        flush(
                            &mut buf,
                            &f,
                            &mut out,
                            &mut last_removed_from,
                            h1_outside_open,
                            byline_seen,
                            !root_seen,
                        );
                        byline_seen = false;
                        if Some(n.id()) == h1_id {
                            h1_outside_open = false;
                        }
                    }
                    cur = stack.last().copied().unwrap_or(base);
                }
            }
        }
    }
    flush(
        &mut buf,
        &cur,
        &mut out,
        &mut last_removed_from,
        false,
        byline_seen,
        false,
    );
    if first_time.is_none() {
        static TIME: std::sync::LazyLock<Selector> =
            std::sync::LazyLock::new(|| Selector::parse("time[datetime]").expect("valid selector"));
        first_time = doc
            .select(&TIME)
            .find_map(|t| t.attr("datetime").and_then(|d| parse_date(d, None)));
    }
    out.meta.time_published = first_time;
    out
}
