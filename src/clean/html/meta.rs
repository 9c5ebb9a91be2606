//! Metadata from the page's head: `<meta>` tags, JSON-LD article objects
//! and the `<title>`.

use std::sync::LazyLock;

use scraper::{Html, Selector};
use serde_json::Value;

use super::super::dates::parse_date;
use super::HtmlMeta;
use super::tree::push_collapsed;

/// Author names of a JSON-LD `author` value (not organisations).
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

/// Whether a JSON-LD `@type` names an article.
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

/// What the page's head says: meta tags, JSON-LD and the `<title>`.
pub fn head_meta(doc: &Html, meta: &mut HtmlMeta) {
    let og_title = meta_tags(doc, meta);
    let ld_headline = json_ld(doc, meta);
    meta.head_title = ld_headline
        .or(og_title)
        .or_else(|| title_tag(doc))
        .filter(|t| !t.is_empty());
}

/// Authors and dates from `<meta>` tags; returns `og:title`.
fn meta_tags(doc: &Html, meta: &mut HtmlMeta) -> Option<String> {
    static META: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("meta").expect("valid selector"));
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
    og_title
}

/// Dates and authors from the first JSON-LD article object; returns its
/// `headline`.
fn json_ld(doc: &Html, meta: &mut HtmlMeta) -> Option<String> {
    static LD: LazyLock<Selector> = LazyLock::new(|| {
        Selector::parse(r#"script[type="application/ld+json"]"#).expect("valid selector")
    });
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
    ld_headline
}

/// The `<title>` without the site name: of "Rubrik | Sajt" or "Sajt –
/// Rubrik", the longest part.
fn title_tag(doc: &Html) -> Option<String> {
    static TITLE: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("title").expect("valid selector"));
    doc.select(&TITLE).next().map(|t| {
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(head: &str) -> HtmlMeta {
        let doc = Html::parse_document(&format!("<html><head>{head}</head><body></body></html>"));
        let mut m = HtmlMeta::default();
        head_meta(&doc, &mut m);
        m
    }

    #[test]
    fn meta_tags_give_authors_and_dates() {
        let m = meta_of(
            "<meta name='author' content='Anna Berg, Eva Ek'><meta property='article:published_time' content='2024-03-05T08:00:00+01:00'>",
        );
        assert_eq!(m.meta_authors, ["Anna Berg", "Eva Ek"]);
        assert_eq!(m.meta_published.as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn json_ld_in_a_graph() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Rubrik","datePublished":"2023-01-02","author":[{"@type":"Person","name":"Eva Ek"},{"@type":"Organization","name":"Sajt"}]}]}</script>"#,
        );
        assert_eq!(m.head_title.as_deref(), Some("Rubrik"));
        assert_eq!(m.ld_published.as_deref(), Some("2023-01-02"));
        assert_eq!(m.ld_authors, ["Eva Ek"]);
    }

    #[test]
    fn the_title_tag_without_the_site_name() {
        let m = meta_of("<title>Sajt | Nya e-tjänster ska korta väntetiderna</title>");
        assert_eq!(
            m.head_title.as_deref(),
            Some("Nya e-tjänster ska korta väntetiderna")
        );
    }
}
