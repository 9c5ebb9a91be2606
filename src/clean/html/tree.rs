//! The page's tree: element names, what an element's tag, class, id or
//! role says (furniture, hidden, byline), white space as a browser shows
//! it, and the article root found by paragraph text.

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef, iter::Edge};
use scraper::Node;

/// Elements whose content is never visible text.
pub const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "head", "select", "option",
    "input", "textarea", "object", "canvas", "video", "audio", "map",
];

/// Elements that start and end a block of text.
pub const BLOCK: &[&str] = &[
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

/// The element name of a node (`None` for text and other nodes).
pub fn el_name<'a>(n: &NodeRef<'a, Node>) -> Option<&'a str> {
    match n.value() {
        Node::Element(e) => Some(e.name()),
        _ => None,
    }
}

/// The furniture reason an element's tag, class, id or role gives it.
pub fn furniture_reason(n: &NodeRef<'_, Node>) -> Option<&'static str> {
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

/// Whether an element is hidden (`hidden`, `aria-hidden`, `display:none`).
pub fn is_hidden(n: &NodeRef<'_, Node>) -> bool {
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

/// Whether an element is marked as a byline (`rel="author"`, a byline or author class).
pub fn is_byline_el(n: &NodeRef<'_, Node>) -> bool {
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
pub fn push_collapsed(buf: &mut String, text: &str) {
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
pub fn tidy(buf: &str) -> String {
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
pub fn paragraph_text(root: NodeRef<'_, Node>) -> HashMap<NodeId, usize> {
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

/// The article root: from `body`, down into the child holding 80% of the paragraph text, stopping at `<article>`.
pub fn find_root<'a>(body: NodeRef<'a, Node>, ptext: &HashMap<NodeId, usize>) -> NodeRef<'a, Node> {
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

/// The visible text of an element, white space collapsed.
pub fn text_of(n: NodeRef<'_, Node>) -> String {
    let mut buf = String::new();
    for d in n.descendants() {
        if let Node::Text(t) = d.value() {
            push_collapsed(&mut buf, t);
        }
    }
    buf.trim().to_string()
}

#[cfg(test)]
mod tests {
    use scraper::{Html, Selector};

    use super::*;

    fn first<'a>(doc: &'a Html, sel: &str) -> NodeRef<'a, Node> {
        let s = Selector::parse(sel).expect("selector");
        let el = doc.select(&s).next().expect("element");
        doc.tree.get(el.id()).expect("node")
    }

    #[test]
    fn furniture_by_tag_class_and_role() {
        let doc = Html::parse_document(
            "<nav id=a></nav><div class='cookie-banner' id=b></div><div role='contentinfo' id=c></div><p id=d></p>",
        );
        assert_eq!(furniture_reason(&first(&doc, "#a")), Some("navigation"));
        assert_eq!(furniture_reason(&first(&doc, "#b")), Some("cookie"));
        assert_eq!(furniture_reason(&first(&doc, "#c")), Some("boilerplate"));
        assert_eq!(furniture_reason(&first(&doc, "#d")), None);
    }

    #[test]
    fn hidden_and_byline_elements() {
        let doc = Html::parse_document(
            "<div id=a style='display: none'></div><span id=b class='article-byline'></span>",
        );
        assert!(is_hidden(&first(&doc, "#a")));
        assert!(is_byline_el(&first(&doc, "#b")));
        assert!(!is_hidden(&first(&doc, "#b")));
    }

    #[test]
    fn white_space_as_a_browser_shows_it() {
        let mut buf = String::new();
        push_collapsed(&mut buf, "  a \n\t b\u{a0}c ");
        assert_eq!(buf, "a b c ");
        assert_eq!(tidy(" a \n\n b \n"), "a\nb");
    }

    #[test]
    fn the_root_holds_most_paragraph_text() {
        let doc = Html::parse_document(
            "<body><div id=menu><p>Kort</p></div><div id=main><div id=inner><p>Ett långt stycke brödtext om kommunen.</p><p>Ett till långt stycke brödtext.</p></div></div></body>",
        );
        let body = first(&doc, "body");
        let root = find_root(body, &paragraph_text(body));
        assert_eq!(root.id(), first(&doc, "#inner").id());
        assert_eq!(text_of(first(&doc, "#menu")), "Kort");
    }
}
