//! Context organisations: the municipality and the region an article is
//! about, for titles written against them ("kommunens it-chef",
//! "kommunstyrelsens ordförande", "ordförande i regionstyrelsen",
//! "regiondirektör"). An article is about the municipality (or region) it
//! names most often; an article that names none resolves nothing.

use std::sync::OnceLock;

use regex::Regex;

use super::cues::re;
use super::orgs::AGENCY_ENDINGS;

/// The municipality and region an article names most often (the first
/// named on a tie).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct ContextOrgs {
    /// "Svalövs kommun", "Stockholms stad".
    pub(super) municipality: Option<String>,
    /// "Region Uppsala", "Västra Götalandsregionen".
    pub(super) region: Option<String>,
    /// The state agency the article names most often ("Kriminalvården",
    /// "Skatteverket"), for an agency head's title and "myndighetens".
    pub(super) agency: Option<String>,
    /// The school or preschool the article names most often
    /// ("Åkeredsskolan", "Skogslyckans förskola").
    pub(super) school: Option<String>,
    /// The university or college the article names most often
    /// ("Mittuniversitetet", "Högskolan i Gävle"), for an academic
    /// leader's title ("rektor", "prorektor", "dekan").
    pub(super) university: Option<String>,
    /// The hospital the article names most often ("Akademiska
    /// sjukhuset", "Danderyds sjukhus"), for a hospital's title
    /// ("sjukhusdirektör", "biträdande sjukhusdirektör").
    pub(super) hospital: Option<String>,
    /// Titles the article gives with their organisation, whoever holds
    /// them ("söker en ny generaldirektör för eHälsomyndigheten"): (title,
    /// organisation).
    pub(super) titled: Vec<(String, String)>,
}

/// School names that are generic words, not a school's name.
const GENERIC_SCHOOLS: &[&str] = &[
    "Förskolan",
    "Grundskolan",
    "Gymnasieskolan",
    "Högskolan",
    "Särskolan",
    "Grundsärskolan",
    "Gymnasiesärskolan",
    "Folkhögskolan",
    "Sommarskolan",
    "Skolan",
];

/// Titles held at a school ("rektor", "biträdande rektor").
const SCHOOL_TITLES: &[&str] = &[
    "rektor",
    "biträdande rektor",
    "förskolechef",
    "förskolerektor",
    "skolledare",
];

/// Agencies whose names have no agency ending.
const AGENCY_NAMES: &[&str] = &[
    "Kriminalvården",
    "Polisen",
    "Lantmäteriet",
    "Kronofogden",
    "Riksarkivet",
    "Riksrevisionen",
    "Statskontoret",
    "Kustbevakningen",
    "Försvarsmakten",
    "Tullverket",
];

/// Boards named like agencies that are not agencies ("Kommunstyrelsen").
const NOT_AGENCIES: &[&str] = &["Kommun", "Region", "Stads", "Landstings", "Bolags", "Förbunds"];

/// Titles of an agency's head: with no organisation of their own, they
/// are held at the agency the article is about.
const AGENCY_HEAD_TITLES: &[&str] = &[
    "generaldirektör",
    "tf generaldirektör",
    "biträdande generaldirektör",
    "överdirektör",
    "myndighetschef",
    "riksrevisor",
    "rikspolischef",
    "riksarkivarie",
    "landshövding",
];

/// The agency a word names, in base form ("Skatteverkets" → "Skatteverket").
fn agency_name(word: &str) -> Option<String> {
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    let base = word.strip_suffix('s').filter(|b| {
        AGENCY_NAMES.contains(b) || AGENCY_ENDINGS.iter().any(|e| b.ends_with(e))
    });
    let base = base.unwrap_or(word);
    let named = AGENCY_NAMES.contains(&base)
        || AGENCY_ENDINGS
            .iter()
            .any(|e| base.len() > e.len() + 2 && base.ends_with(e));
    (named && !NOT_AGENCIES.iter().any(|n| base.starts_with(n))).then(|| base.to_string())
}

/// The agencies `text` names, one entry per mention; a county board named
/// with its county ("Länsstyrelsen Västernorrlands årsredovisning",
/// "Länsstyrelsen i Dalarnas län") stands for every bare "Länsstyrelsen".
fn agencies(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter_map(agency_name)
        .collect();
    static COUNTY: OnceLock<Regex> = OnceLock::new();
    let county = re(&COUNTY, || {
        r"Länsstyrelsen (?:i (\p{Lu}[\p{L}-]+) län|(\p{Lu}[\p{L}-]+))".to_string()
    });
    let named = county.captures(text).and_then(|c| {
        if let Some(l) = c.get(1) {
            return Some(format!("Länsstyrelsen i {} län", l.as_str()));
        }
        let place = c.get(2)?.as_str();
        let place = place.strip_suffix('s').filter(|_| place.len() > 5).unwrap_or(place);
        Some(format!("Länsstyrelsen {place}"))
    });
    if let Some(full) = named {
        for f in &mut found {
            if f == "Länsstyrelsen" {
                f.clone_from(&full);
            }
        }
    }
    found
}

/// Whether `c` is a word character (what a Unicode `\b` looks at).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `r`'s matches in `text` that begin and end at a word boundary.
///
/// The patterns here are whole-text scans, so they carry no `\b` of their
/// own: a Unicode `\b` keeps the regex crate on its slowest engine (a third
/// of the run time on the Riksdag corpus); without it the lazy DFA finds
/// the candidates and this check keeps those a `\b` would have allowed.
/// (A candidate that fails the check hides an overlapping one that would
/// pass only where a match starts inside a word; the patterns start with
/// a letter class that a `\b` would then have refused too.)
fn word_matches<'t>(r: &'t Regex, text: &'t str) -> impl Iterator<Item = regex::Match<'t>> {
    r.find_iter(text)
        .filter(move |m| at_boundary(text, m.start(), m.end()))
}

/// Whether `text[start..end]` has no word character right before or after.
fn at_boundary(text: &str, start: usize, end: usize) -> bool {
    !text[..start].chars().next_back().is_some_and(is_word_char)
        && !text[end..].chars().next().is_some_and(is_word_char)
}

/// The schools named in `text`, genitives in their base form.
fn schools(text: &str) -> Vec<String> {
    static SCHOOL: OnceLock<Regex> = OnceLock::new();
    let r = re(&SCHOOL, || {
        r"\p{Lu}\p{Ll}{2,}(?:skolan|förskolan|gymnasiet)s?|\p{Lu}\p{Ll}+s (?:skola|förskola)"
            .to_string()
    });
    word_matches(r, text)
        .map(|m| {
            let o = m.as_str();
            match o.strip_suffix('s') {
                Some(b) if !o.contains(' ') => b.to_string(),
                _ => o.to_string(),
            }
        })
        .filter(|o| !GENERIC_SCHOOLS.contains(&o.as_str()))
        .collect()
}

/// Titles held at a university or college.
const UNIVERSITY_TITLES: &[&str] = &[
    "rektor",
    "prorektor",
    "vicerektor",
    "tillförordnad prorektor",
    "tillförordnad rektor",
    "tf rektor",
    "tf prorektor",
    "dekan",
    "prodekan",
    "universitetsdirektör",
];

/// The universities and colleges named in `text`: "Mittuniversitetet",
/// "Linköpings universitet", "Högskolan i Gävle", "Högskolan Dalarna",
/// "Karolinska Institutet" (a genitive "-s" of "-ets" taken off).
fn universities(text: &str) -> Vec<String> {
    static UNI: OnceLock<Regex> = OnceLock::new();
    let r = re(&UNI, || {
        r"\p{Lu}\p{Ll}+universitetets?|\p{Lu}\p{Ll}+s (?:tekniska )?universitets?|Högskolan (?:i |på |för )?\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+ Institutets?"
            .to_string()
    });
    // only "-ets" is a genitive to take off ("Högskolan i Borås" keeps
    // its "s")
    word_matches(r, text)
        .map(|m| {
            let o = m.as_str();
            o.strip_suffix("ets")
                .map_or_else(|| o.to_string(), |b| format!("{b}et"))
        })
        .collect()
}

/// The hospitals named in `text`, in the definite form its name takes
/// ("Akademiska sjukhuset", "Sahlgrenska universitetssjukhuset"); a name
/// written without the article ("Akademiska sjukhus", as in "Framtidens
/// Akademiska sjukhus") counts for the same hospital.
fn hospitals(text: &str) -> Vec<String> {
    static HOSPITAL: OnceLock<Regex> = OnceLock::new();
    let r = re(&HOSPITAL, || {
        r"\p{Lu}\p{Ll}+ (?:universitets)?sjukhus(?:et)?|\p{Lu}\p{Ll}+ Universitetssjukhus(?:et)?".to_string()
    });
    let found: Vec<String> = word_matches(r, text).map(|m| m.as_str().to_string()).collect();
    found
        .iter()
        .map(|h| {
            let definite = format!("{h}et");
            if !h.ends_with("et") && found.contains(&definite) {
                definite
            } else {
                h.clone()
            }
        })
        .collect()
}

/// Runs of two to six capitalised words, "och", "för", "i" or "&" allowed
/// between them ("Sveriges Kommuner och Regioner", "Statens Servicecenter").
fn long_names(text: &str) -> Vec<String> {
    static LONG: OnceLock<Regex> = OnceLock::new();
    let r = re(&LONG, || {
        r"\p{Lu}\p{Ll}+(?:(?: och| för| i| &)? \p{Lu}\p{Ll}+){1,5}".to_string()
    });
    let mut out: Vec<String> = Vec::new();
    for m in r.find_iter(text) {
        let n = m.as_str();
        // a genitive's "s" off: "Sveriges Kommuner och Landstings"
        let last = n.rsplit(' ').next().unwrap_or(n);
        let n = match last.strip_suffix('s') {
            Some(base) if base.chars().count() >= 4 && !base.ends_with('s') => &n[..n.len() - 1],
            _ => n,
        }
        .to_string();
        // a sentence's first word may open the run: "Enligt Sveriges …"
        let rest = n.split_once(' ').map(|(_, r)| r.to_string());
        for n in std::iter::once(n).chain(rest.filter(|r| initials(r).chars().count() >= 2)) {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

/// The name an acronym stands for, when the texts (the article, the lines
/// cleaning removed from its page) write out exactly one name with those
/// initials ("SKR" → "Sveriges Kommuner och Regioner"). Read only for an
/// organisation that is an acronym.
pub(super) fn spelled_out(acronym: &str, texts: &[&str]) -> Option<String> {
    let n = acronym.chars().count();
    if !(2..=6).contains(&n) || !acronym.chars().all(|c| c.is_uppercase()) {
        return None;
    }
    let names: Vec<String> = texts.iter().flat_map(|t| long_names(t)).collect();
    let mut found = names.iter().filter(|l| initials(l) == acronym);
    let first = found.next()?;
    found.all(|o| o == first).then(|| first.clone())
}

/// The initials of a name's capitalised words ("Sveriges Kommuner och
/// Regioner" → "SKR").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// Titles written with their organisation after "för", "på" or "vid"
/// ("generaldirektör för eHälsomyndigheten"), when the organisation is
/// clearly one.
fn titled(text: &str) -> Vec<(String, String)> {
    static TITLED: OnceLock<Regex> = OnceLock::new();
    let r = re(&TITLED, || {
        r"(\p{Ll}[\p{Ll}\-]*) (?:för|på|vid) (\p{L}[\p{L}\-:]*(?: \p{L}[\p{L}\-]*){0,3})"
            .to_string()
    });
    let mut out = Vec::new();
    for c in r.captures_iter(text) {
        let (Some(t), Some(o)) = (c.get(1), c.get(2)) else {
            continue;
        };
        if text[..t.start()]
            .chars()
            .next_back()
            .is_some_and(is_word_char)
        {
            continue;
        }
        let Some(role) = super::roles::role_word(t.as_str()) else {
            continue;
        };
        let words: Vec<&str> = o.as_str().split(' ').collect();
        let gaps = vec![" "; words.len()];
        if let Some((org, true, _)) = super::orgs::parse(&words, &gaps) {
            out.push((role, org));
        }
    }
    out
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

/// The most frequent of `found` (first named on a tie), each counted once
/// per mention plus `extra` (computed once per distinct name).
fn most_named_by(found: Vec<String>, extra: impl Fn(&str) -> usize) -> Option<String> {
    let mut distinct: Vec<(String, usize)> = Vec::new();
    for o in found {
        match distinct.iter_mut().find(|(d, _)| *d == o) {
            Some((_, n)) => *n += 1,
            None => distinct.push((o, 1)),
        }
    }
    let mut best: Option<(usize, String)> = None;
    for (o, n) in distinct {
        let score = n + extra(&o);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, o));
        }
    }
    best.map(|(_, o)| o)
}

/// The most frequent of `found` (first on a tie).
fn most_named(found: Vec<String>) -> Option<String> {
    most_named_by(found, |_| 0)
}

/// The municipality named most often, counting its place name alone too
/// ("Vaxholm ligger i topp … Vaxholms stad" against "Hammarö kommun" named
/// twice in a comparison); first named on a tie.
fn most_named_with_place(found: Vec<String>, text: &str) -> Option<String> {
    most_named_by(found, |o| {
        let place = o
            .strip_suffix(" kommun")
            .or_else(|| o.strip_suffix(" stad"))
            .unwrap_or(o);
        let place = place.strip_suffix('s').filter(|p| p.len() > 3).unwrap_or(place);
        text.match_indices(place)
            .filter(|&(at, _)| {
                at_boundary(text, at, at + place.len())
                    || text[at + place.len()..].starts_with("s ")
            })
            .count()
    })
}

impl ContextOrgs {
    /// The municipality and region named in `text`.
    pub(super) fn of(text: &str) -> Self {
        static KOMMUN: OnceLock<Regex> = OnceLock::new();
        static REGION: OnceLock<Regex> = OnceLock::new();
        let k = re(&KOMMUN, || {
            r"\p{Lu}[\p{L}\-]+ (?:kommun|stad)s?".to_string()
        });
        let municipalities = word_matches(k, text)
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
            r"Region(?: \p{Lu}[\p{L}\-]+)+(?: läns?)?|\p{Lu}[\p{L}]+ \p{Lu}\p{L}*regionen|\p{Lu}\p{L}+regionen"
                .to_string()
        });
        let regions = word_matches(r, text)
            .map(|m| {
                let o = m.as_str();
                if let Some(b) = o.strip_suffix(" läns") {
                    return format!("{b} län");
                }
                match o.strip_suffix('s') {
                    Some(b) if o.starts_with("Region ") && !b.ends_with('s') => b.to_string(),
                    _ => o.to_string(),
                }
            })
            .collect();
        ContextOrgs {
            municipality: most_named_with_place(municipalities, text),
            region: most_named(regions),
            agency: most_named(agencies(text)),
            school: most_named(schools(text)),
            university: most_named(universities(text)),
            hospital: most_named(hospitals(text)),
            titled: titled(text),
        }
    }

    /// Fills the municipality, region and agency the article text does not
    /// name from the lines cleaning removed from the page (`page`): a
    /// logo's text ("Region Gotland"), the site's name, an "Om …" block.
    /// What the text names always wins.
    pub(super) fn or_page(mut self, page: &str) -> Self {
        if page.is_empty() {
            return self;
        }
        let p = ContextOrgs::of(page);
        self.municipality = self.municipality.or(p.municipality);
        self.region = self.region.or(p.region);
        self.agency = self.agency.or(p.agency);
        self.university = self.university.or(p.university);
        // (the page's "Akademiska sjukhuset" names the text's "Akademiska
        // sjukhus" in full)
        self.hospital = match (self.hospital, p.hospital) {
            (Some(h), Some(ph)) if ph == format!("{h}et") => Some(ph),
            (h, ph) => h.or(ph),
        };
        self
    }

    /// The one organisation the article gives a title with elsewhere
    /// ("söker en ny generaldirektör för eHälsomyndigheten. Nuvarande
    /// generaldirektör NAME" → eHälsomyndigheten), or the school for a
    /// school title.
    pub(super) fn of_title(&self, role: &str) -> Option<String> {
        if SCHOOL_TITLES.contains(&role) && self.school.is_some() {
            return self.school.clone();
        }
        if UNIVERSITY_TITLES.contains(&role) && self.university.is_some() {
            return self.university.clone();
        }
        if role.split_whitespace().last().is_some_and(|w| w.starts_with("sjukhus")) {
            return self.hospital.clone();
        }
        if AGENCY_HEAD_TITLES.contains(&role) && !self.titled.iter().any(|(r, _)| r == role) {
            return self.agency.clone();
        }
        let mut found = self
            .titled
            .iter()
            .filter(|(r, _)| r == role)
            .map(|(_, o)| o);
        let first = found.next()?;
        found.all(|o| o == first).then(|| first.clone())
    }

    /// The organisation a definite genitive refers to: "kommunens",
    /// "stadens" → the municipality, "regionens" → the region.
    pub(super) fn of_definite(&self, word: &str) -> Option<String> {
        match word.to_lowercase().as_str() {
            "kommunens" | "stadens" => self.municipality.clone(),
            "regionens" => self.region.clone(),
            "myndighetens" => self.agency.clone(),
            "skolans" | "förskolans" => self.school.clone(),
            _ => None,
        }
    }

    /// The organisation a title is held against: a municipal title
    /// ("kommunchef", "stadsdirektör", "kommunstyrelsens ordförande", "ordförande i
    /// bildningsnämnden") → the municipality, a regional one
    /// ("regiondirektör", "tf ordförande för regionstyrelsen",
    /// "ordförande i regionala utvecklingsnämnden") → the region.
    pub(super) fn of_role(&self, role: &str) -> Option<String> {
        let words: Vec<&str> = role.split_whitespace().collect();
        // the chief of a unit ("chef för förvarsavdelningen"): the one
        // organisation of any kind the article is about
        if words.iter().any(|w| super::apposition::is_unit(w)) {
            let kinds = [&self.agency, &self.municipality, &self.region];
            let mut named = kinds.iter().filter_map(|o| o.as_ref());
            let first = named.next()?;
            return named.next().is_none().then(|| first.clone());
        }
        let regional = words.iter().any(|w| {
            w.starts_with("region") && !w.starts_with("regional")
                || (w.starts_with("regional") && role.contains("nämnd"))
        });
        if regional {
            return self.region.clone();
        }
        let municipal = words
            .iter()
            .any(|w| w.starts_with("kommun") || w.starts_with("stads"))
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
    fn an_academic_leader_is_held_at_the_university_the_article_names() {
        let c = ContextOrgs::of(
            "Mittuniversitetets styrelse har beslutat. Mittuniversitetet får två prorektorer.",
        );
        assert_eq!(c.university.as_deref(), Some("Mittuniversitetet"));
        assert_eq!(c.of_title("rektor").as_deref(), Some("Mittuniversitetet"));
        let c = ContextOrgs::of("Styrelsen för Linköpings universitet möttes.");
        assert_eq!(c.of_title("prorektor").as_deref(), Some("Linköpings universitet"));
        let c = ContextOrgs::of("Högskolan i Borås välkomnar studenterna.");
        assert_eq!(c.of_title("rektor").as_deref(), Some("Högskolan i Borås"));
        assert_eq!(ContextOrgs::of("Kommunen växer.").of_title("prorektor"), None);
    }

    #[test]
    fn a_hospital_title_is_held_at_the_hospital_named() {
        let c = ContextOrgs::of("Framtidens Akademiska sjukhus tar form.")
            .or_page("Följ Akademiska sjukhuset");
        assert_eq!(c.of_title("biträdande sjukhusdirektör").as_deref(), Some("Akademiska sjukhuset"));
        let c = ContextOrgs::of("Akademiska sjukhuset flyttar. Framtidens Akademiska sjukhus tar form.");
        assert_eq!(c.of_title("sjukhusdirektör").as_deref(), Some("Akademiska sjukhuset"));
        assert_eq!(ContextOrgs::of("Kommunen växer.").of_title("sjukhusdirektör"), None);
    }

    #[test]
    fn an_acronym_is_the_name_the_page_writes_out() {
        let texts = ["SKR anordnar en konferens.", "Sveriges Kommuner och Regioner\nOm oss"];
        assert_eq!(
            spelled_out("SKR", &texts).as_deref(),
            Some("Sveriges Kommuner och Regioner")
        );
        assert_eq!(spelled_out("KMH", &texts), None);
        let texts = ["Enligt Sveriges Kommuner och Landstings rapport har SKL rätt."];
        assert_eq!(
            spelled_out("SKL", &texts).as_deref(),
            Some("Sveriges Kommuner och Landsting")
        );
        assert_eq!(spelled_out("S", &texts), None);
    }

    #[test]
    fn the_page_names_what_the_text_does_not() {
        let c = ContextOrgs::of("Regionstyrelsen sammanträdde på Gotland.")
            .or_page("Region Gotland\nStartsida");
        assert_eq!(c.region.as_deref(), Some("Region Gotland"));
        assert_eq!(
            c.of_role("regionstyrelsens ordförande").as_deref(),
            Some("Region Gotland")
        );
        // what the text names wins over the page's lines
        let c = ContextOrgs::of("Region Uppsala beslutade. Region Uppsala.").or_page("Region Gotland");
        assert_eq!(c.region.as_deref(), Some("Region Uppsala"));
    }

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
        let kalmar = ContextOrgs::of("Region Kalmar läns första regiondirektör. Region Kalmar län.");
        assert_eq!(kalmar.region.as_deref(), Some("Region Kalmar län"));
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
        assert_eq!(c.of_title("it-chef"), None);
    }

    #[test]
    fn an_agency_head_and_myndighetens_are_held_at_the_agency_named_most() {
        let c = ContextOrgs::of(
            "Kriminalvården behöver fler platser. Kommunstyrelsen i Kumla och \
             Skatteverkets chef. Kriminalvårdens generaldirektör.",
        );
        assert_eq!(c.agency.as_deref(), Some("Kriminalvården"));
        assert_eq!(c.of_title("generaldirektör").as_deref(), Some("Kriminalvården"));
        assert_eq!(c.of_definite("myndighetens").as_deref(), Some("Kriminalvården"));
        assert_eq!(c.of_title("it-chef"), None);
        assert_eq!(agency_name("Kommunstyrelsen"), None);
        assert_eq!(agency_name("Skatteverkets").as_deref(), Some("Skatteverket"));
        assert_eq!(ContextOrgs::of("Kommunen växer.").of_title("generaldirektör"), None);
        let c = ContextOrgs::of(
            "Länsstyrelsen Västernorrlands årsredovisning. Länsstyrelsen har arbetat med tillsyn.",
        );
        assert_eq!(c.agency.as_deref(), Some("Länsstyrelsen Västernorrland"));
        assert_eq!(c.of_title("landshövding").as_deref(), Some("Länsstyrelsen Västernorrland"));
    }

    #[test]
    fn a_municipality_named_by_its_place_counts() {
        let c = ContextOrgs::of(
            "Vaxholm ligger i topp efter Hammarö kommun. Hammarö kommun toppar listan följt av Vaxholm. \
             Det stora engagemanget i Vaxholm. Arbetet i Vaxholms stad.",
        );
        assert_eq!(c.municipality.as_deref(), Some("Vaxholms stad"));
    }

    #[test]
    fn a_school_title_and_a_title_given_elsewhere() {
        let c = ContextOrgs::of(
            "Nya Åkeredsskolan invigdes. Förskolan och Åkeredsskolans elever sjöng. \
             Regeringen söker en ny generaldirektör för eHälsomyndigheten.",
        );
        assert_eq!(c.school.as_deref(), Some("Åkeredsskolan"));
        assert_eq!(c.of_title("rektor").as_deref(), Some("Åkeredsskolan"));
        assert_eq!(c.of_definite("Skolans").as_deref(), Some("Åkeredsskolan"));
        assert_eq!(
            c.of_title("generaldirektör").as_deref(),
            Some("eHälsomyndigheten")
        );
        assert_eq!(
            ContextOrgs::of("Inget namn här.").of_role("kommunchef"),
            None
        );
    }
}
