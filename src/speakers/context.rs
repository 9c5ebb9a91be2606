//! Context organisations: the municipality and the region an article is
//! about, for titles written against them ("kommunens it-chef",
//! "kommunstyrelsens ordförande", "ordförande i regionstyrelsen",
//! "regiondirektör"). An article is about the municipality (or region) it
//! names most often; an article that names none resolves nothing.

use std::sync::OnceLock;

use regex::Regex;

use super::cues::re;

/// The municipality and region an article names most often (the first
/// named on a tie).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct ContextOrgs {
    /// "Svalövs kommun", "Stockholms stad".
    pub(super) municipality: Option<String>,
    /// "Region Uppsala", "Västra Götalandsregionen".
    pub(super) region: Option<String>,
}

/// Municipalities styled "stad".
const CITIES: &[&str] = &[
    "Stockholm",
    "Göteborg",
    "Malmö",
    "Borås",
    "Västerås",
    "Helsingborg",
    "Solna",
    "Sundbyberg",
    "Lidingö",
    "Vaxholm",
    "Mölndal",
    "Trollhättan",
    "Landskrona",
    "Haparanda",
];

/// The municipality of a place name: "Sandviken" → "Sandvikens kommun",
/// "Alvesta" → "Alvesta kommun", "Borås" → "Borås stad". A name ending in
/// a vowel or an s keeps its form; others take the genitive s.
pub(super) fn municipality_of(place: &str) -> String {
    let head = if CITIES.contains(&place) {
        "stad"
    } else {
        "kommun"
    };
    let bare = place.ends_with(['a', 'e', 'i', 'o', 'u', 'y', 'å', 'ä', 'ö', 's', 'x', 'z'])
        || place == "Kalmar";
    if bare {
        format!("{place} {head}")
    } else {
        format!("{place}s {head}")
    }
}

/// The most frequent of `found` (first on a tie).
fn most_named(found: Vec<String>) -> Option<String> {
    let mut best: Option<(usize, &String)> = None;
    for o in &found {
        let n = found.iter().filter(|x| *x == o).count();
        if best.is_none_or(|(b, _)| n > b) {
            best = Some((n, o));
        }
    }
    best.map(|(_, o)| o.clone())
}

impl ContextOrgs {
    /// The municipality and region named in `text`.
    pub(super) fn of(text: &str) -> Self {
        static KOMMUN: OnceLock<Regex> = OnceLock::new();
        static REGION: OnceLock<Regex> = OnceLock::new();
        let k = re(&KOMMUN, || {
            r"\b\p{Lu}[\p{L}\-]+ (?:kommun|stad)s?\b".to_string()
        });
        let municipalities = k
            .find_iter(text)
            .map(|m| {
                let o = m.as_str();
                o.strip_suffix("kommuns")
                    .map(|b| format!("{b}kommun"))
                    .or_else(|| o.strip_suffix("stads").map(|b| format!("{b}stad")))
                    .unwrap_or_else(|| o.to_string())
            })
            .filter(|o| !o.starts_with("Varje ") && !o.starts_with("Vår "))
            .collect();
        let r = re(&REGION, || {
            r"\bRegion(?: \p{Lu}[\p{L}\-]+)+|\b\p{Lu}[\p{L}]+ \p{Lu}\p{L}*regionen\b|\b\p{Lu}\p{L}+regionen\b"
                .to_string()
        });
        let regions = r
            .find_iter(text)
            .map(|m| {
                let o = m.as_str();
                match o.strip_suffix('s') {
                    Some(b) if o.starts_with("Region ") && !b.ends_with('s') => b.to_string(),
                    _ => o.to_string(),
                }
            })
            .collect();
        ContextOrgs {
            municipality: most_named(municipalities),
            region: most_named(regions),
        }
    }

    /// The organisation a definite genitive refers to: "kommunens",
    /// "stadens" → the municipality, "regionens" → the region.
    pub(super) fn of_definite(&self, word: &str) -> Option<String> {
        match word.to_lowercase().as_str() {
            "kommunens" | "stadens" => self.municipality.clone(),
            "regionens" => self.region.clone(),
            _ => None,
        }
    }

    /// The organisation a title is held against: a municipal title
    /// ("kommunchef", "kommunstyrelsens ordförande", "ordförande i
    /// bildningsnämnden") → the municipality, a regional one
    /// ("regiondirektör", "tf ordförande för regionstyrelsen",
    /// "ordförande i regionala utvecklingsnämnden") → the region.
    pub(super) fn of_role(&self, role: &str) -> Option<String> {
        let words: Vec<&str> = role.split_whitespace().collect();
        let regional = words.iter().any(|w| {
            w.starts_with("region") && !w.starts_with("regional")
                || (w.starts_with("regional") && role.contains("nämnd"))
        });
        if regional {
            return self.region.clone();
        }
        let municipal = words.iter().any(|w| w.starts_with("kommun"))
            || (words.iter().any(|w| super::apposition::is_body(w)) && !role.contains("region"));
        if municipal {
            return self.municipality.clone().or_else(|| {
                // A board of a region-only article: the region.
                words
                    .iter()
                    .all(|w| !w.starts_with("kommun"))
                    .then(|| self.region.clone())
                    .flatten()
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_names_become_municipalities() {
        assert_eq!(municipality_of("Sandviken"), "Sandvikens kommun");
        assert_eq!(municipality_of("Alvesta"), "Alvesta kommun");
        assert_eq!(municipality_of("Borås"), "Borås stad");
        assert_eq!(municipality_of("Umeå"), "Umeå kommun");
        assert_eq!(municipality_of("Kalmar"), "Kalmar kommun");
    }

    #[test]
    fn the_article_is_about_what_it_names_most() {
        let c = ContextOrgs::of(
            "Region Västerbotten har anställt en regiondirektör i Region Jämtland Härjedalen. \
             Region Jämtland Härjedalens styrelse beslutade. Svalövs kommuns chef.",
        );
        assert_eq!(c.region.as_deref(), Some("Region Jämtland Härjedalen"));
        assert_eq!(c.municipality.as_deref(), Some("Svalövs kommun"));
        assert_eq!(
            c.of_definite("kommunens").as_deref(),
            Some("Svalövs kommun")
        );
        assert_eq!(
            c.of_role("kommunstyrelsens vice ordförande").as_deref(),
            Some("Svalövs kommun")
        );
        assert_eq!(
            c.of_role("tf ordförande för regionstyrelsen").as_deref(),
            Some("Region Jämtland Härjedalen")
        );
        assert_eq!(c.of_role("it-chef"), None);
        assert_eq!(
            ContextOrgs::of("Inget namn här.").of_role("kommunchef"),
            None
        );
    }
}
