//! Context organisations: the municipality, city or region an article
//! names, for roles written against it ("kommunens it-chef").

use std::sync::OnceLock;

use regex::Regex;

use super::cues::re;

/// Municipalities, cities and regions named in the text, in text order:
/// (start, name, is a region). Computed once per document, and only when
/// the text refers back to one ("kommunens", "stadens", "regionens").
pub(super) type LocalOrgs = Vec<(usize, String, bool)>;

pub(super) fn local_orgs(text: &str) -> LocalOrgs {
    static KOMMUN: OnceLock<Regex> = OnceLock::new();
    static REGION: OnceLock<Regex> = OnceLock::new();
    let mut out = Vec::new();
    if !["ommunens", "tadens", "egionens"]
        .iter()
        .any(|w| text.contains(w))
    {
        return out;
    }
    let k = re(&KOMMUN, || {
        r"\p{Lu}[\p{L}\-]+ (?:kommun|stad)s?".to_string()
    });
    for m in k.find_iter(text) {
        let mut o = m.as_str().to_string();
        if o.ends_with("kommuns") || o.ends_with("stads") {
            o.pop();
        }
        out.push((m.start(), o, false));
    }
    let r = re(&REGION, || r"Region \p{Lu}[\p{L}\-]+".to_string());
    for m in r.find_iter(text) {
        let mut o = m.as_str().to_string();
        if o.ends_with('s') && !o.ends_with("ss") {
            o.pop();
        }
        out.push((m.start(), o, true));
    }
    out.sort();
    out
}

/// "kommunens it-chef", "regionens CDO", "stadens": the municipality,
/// region or city named last before `before`.
pub(super) fn definite_org(local: &LocalOrgs, word: &str, before: usize) -> Option<String> {
    let region = match word.to_lowercase().as_str() {
        "kommunens" | "stadens" => false,
        "regionens" => true,
        _ => return None,
    };
    let end = local.partition_point(|(s, _, _)| *s < before);
    local[..end]
        .iter()
        .rev()
        .find(|(_, _, r)| *r == region)
        .map(|(_, o, _)| o.clone())
}
