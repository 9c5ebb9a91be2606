//! Organisations: "X kommun", "Y stad", "Region Z", agencies, departments,
//! parties, unions and companies, read from the words after a preposition
//! or before a role, and one normal form per speaker.

/// Lower-case head nouns that end an organisation name ("Örebro kommun").
const HEADS: &[&str] = &[
    "kommun",
    "stad",
    "län",
    "landsting",
    "region",
    "stift",
    "församling",
    "universitet",
    "högskola",
    "sjukhus",
    "kommunförbund",
    "kommunalförbund",
    "samordningsförbund",
    "räddningstjänst",
];

/// First words that take a lower-case continuation ("Myndigheten för
/// digital förvaltning").
const OPEN_HEADS: &[&str] = &[
    "Myndigheten",
    "Inspektionen",
    "Institutet",
    "Nämnden",
    "Styrelsen",
    "Verket",
    "Rådet",
    "Centrum",
    "Kommittén",
    "Delegationen",
    "Förbundet",
    "Statens",
    "Kammarkollegiet",
];

/// Party abbreviations in parentheses and their names.
pub const PARTIES: &[(&str, &str)] = &[
    ("S", "Socialdemokraterna"),
    ("M", "Moderaterna"),
    ("SD", "Sverigedemokraterna"),
    ("C", "Centerpartiet"),
    ("V", "Vänsterpartiet"),
    ("KD", "Kristdemokraterna"),
    ("L", "Liberalerna"),
    ("MP", "Miljöpartiet"),
];

/// The party named by an abbreviation such as "S" or "kd".
pub fn party(abbr: &str) -> Option<&'static str> {
    let up = abbr.trim().to_uppercase();
    PARTIES.iter().find(|(a, _)| *a == up).map(|(_, n)| *n)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The head noun `w` stands for, allowing a genitive ("kommuns") and one
/// typing error ("kommum").
fn head(w: &str) -> Option<&'static str> {
    let base = w.strip_suffix('s').unwrap_or(w);
    for h in HEADS {
        if w == *h || base == *h {
            return Some(h);
        }
    }
    if w.chars().count() >= 5 {
        for h in HEADS {
            if h.chars().count() >= 5 && edit_distance(w, h) == 1 {
                return Some(h);
            }
        }
    }
    None
}

/// Whether `w` is written as a name: capitalised, or with its capital
/// second after a lower-case prefix letter ("eHälsomyndigheten").
fn is_cap(w: &str) -> bool {
    let mut cs = w.chars();
    match (cs.next(), cs.next()) {
        (Some(a), _) if a.is_uppercase() => true,
        (Some(a), Some(b)) => a.is_lowercase() && a.is_ascii() && b.is_uppercase(),
        _ => false,
    }
}

/// Endings of state agencies' names ("Skatteverket", "Försäkringskassan",
/// "Socialstyrelsen"); also read by `context` for the agency an article is
/// about.
pub(super) const AGENCY_ENDINGS: &[&str] = &[
    "verket",
    "kassan",
    "myndigheten",
    "styrelsen",
    "inspektionen",
    "ämbetet",
    "kollegiet",
    "förmedlingen",
];

/// Endings of boards and ministries ("Socialnämnden",
/// "Finansdepartementet").
const BOARD_ENDINGS: &[&str] = &["nämnden", "departementet"];

/// Endings of other organisations' names ("Sveriges Kommuner och
/// Regioner", "Vänsterpartiet", "Riksbanken").
const OTHER_ORG_ENDINGS: &[&str] = &[
    "verk",
    "polisen",
    "domstolen",
    "kommuner",
    "regioner",
    "partiet",
    "förbundet",
    "institutet",
    "kommun",
    "bolaget",
    "banken",
];

/// An organisation read from the start of `words` (the words after "i",
/// "på", "vid", "för", "hos"); returns its normal form, whether it is
/// clearly an organisation (not just a place name), and how many words it
/// used. `gaps[i]` is the text between word i and word i+1.
pub fn parse(words: &[&str], gaps: &[&str]) -> Option<(String, bool, usize)> {
    let first = *words.first()?;
    if !is_cap(first) {
        return None;
    }
    let mut parts: Vec<String> = vec![strip_genitive_colon(first)];
    let mut strong = false;
    let mut n = 1;
    let open = OPEN_HEADS.contains(&first) || first.ends_with("myndigheten");
    if first == "Region" || first == "Landstinget" {
        strong = true;
    }
    // "Högskolan i Gävle", "Högskolan på Gotland": the place is part of
    // the name
    if matches!(first, "Högskolan" | "Sjukhuset")
        && matches!(words.get(1), Some(&"i" | &"på"))
        && words.get(2).is_some_and(|w| is_cap(w))
        && gaps.first() == Some(&" ")
        && gaps.get(1) == Some(&" ")
    {
        let place = words[2].trim_end_matches(['.', ',']);
        return Some((format!("{first} {} {place}", words[1]), true, 3));
    }
    let lw = first.to_lowercase();
    let ends_org = |w: &str| {
        AGENCY_ENDINGS
            .iter()
            .chain(BOARD_ENDINGS)
            .chain(OTHER_ORG_ENDINGS)
            .any(|s| w.ends_with(s))
    };
    if ends_org(&lw) || first.chars().all(char::is_uppercase) {
        strong = true;
    }
    while n < words.len() {
        let w = words[n];
        let gap = gaps.get(n - 1).copied().unwrap_or("");
        if gap != " " {
            break;
        }
        if let Some(h) = head(w) {
            parts.push(h.to_string());
            strong = true;
            n += 1;
            break;
        }
        if is_cap(w) {
            parts.push(strip_genitive_colon(w));
            n += 1;
            continue;
        }
        // "Nationella registerverket", "Statens servicecenter", "Statens
        // fastighetsverk".
        let lw = w.to_lowercase();
        let ending = |list: &[&str]| list.iter().any(|s| lw.ends_with(s));
        if !strong
            && (ending(AGENCY_ENDINGS) || ending(BOARD_ENDINGS) || open && ending(OTHER_ORG_ENDINGS))
        {
            parts.push(w.to_string());
            strong = true;
            n += 1;
            break;
        }
        if w == "och"
            && words
                .get(n + 1)
                .is_some_and(|x| is_cap(x) && !super::names::is_given(x))
            && !strong
        {
            parts.push("och".into());
            n += 1;
            continue;
        }
        if open && (w == "för" || (n >= 2 && parts.len() >= 2 && w != "som" && w != "att")) {
            if matches!(
                w,
                "säger" | "menar" | "anser" | "som" | "att" | "är" | "har" | "i" | "på"
            ) {
                break;
            }
            if w == "och"
                && !words
                    .get(n + 1)
                    .is_some_and(|x| x.chars().next().is_some_and(char::is_lowercase))
            {
                break;
            }
            parts.push(w.to_string());
            strong = true;
            n += 1;
            if parts.len() >= 7 {
                break;
            }
            continue;
        }
        break;
    }
    // A trailing "och": trim.
    while parts.last().is_some_and(|p| p == "och") {
        parts.pop();
    }
    // A place named before the building or the square in it ("på Uppsala
    // slott", "vid Stortorget") is where someone is, not an organisation.
    if !strong
        && gaps.get(n - 1) == Some(&" ")
        && words
            .get(n)
            .is_some_and(|x| PLACE_NOUNS.contains(&x.trim_end_matches(['.', ',']).to_lowercase().as_str()))
    {
        return None;
    }
    // A genitive before a noun ("vid Skogsvårdsstyrelsens kontor"): the name itself.
    let genitive_before_noun = words
        .get(n)
        .is_some_and(|x| x.chars().next().is_some_and(char::is_lowercase))
        && gaps.get(n - 1) == Some(&" ");
    if genitive_before_noun
        && let Some(last) = parts.last_mut()
        && is_cap(last)
        && last.ends_with('s')
        && !last.ends_with("ss")
        && last.chars().count() > 3
    {
        last.pop();
    }
    Some((parts.join(" "), strong, n))
}

/// Buildings and places a place name can stand before ("Uppsala slott",
/// "Malmö central"): the name is then a location.
const PLACE_NOUNS: &[&str] = &[
    "slott", "slottet", "torg", "torget", "station", "stationen", "central", "centralstation",
    "hamn", "hamnen", "flygplats", "kyrka", "domkyrka", "stadshus", "stadshuset", "rådhus",
    "rådhuset", "arena", "park", "parken", "centrum", "konserthus", "teater", "residens",
    "residenset", "slottspark",
];

fn strip_genitive_colon(w: &str) -> String {
    w.strip_suffix(":s").unwrap_or(w).to_string()
}

/// An organisation in the genitive before a role ("Skatteverkets it-chef",
/// "Örebro kommuns", "Region Skånes", "SKR:s"): the words are those just
/// before the role, in text order.
pub fn parse_genitive(words: &[&str]) -> Option<String> {
    let last = *words.last()?;
    if let Some(h) = head(last).filter(|_| last.ends_with('s')) {
        let before = words.len().checked_sub(2).map(|i| words[i])?;
        if is_cap(before) {
            return Some(format!("{before} {h}"));
        }
        return None;
    }
    // a head written with a capital ("Trollhättans Stads kvalitetschef"):
    // the name as the municipality writes it
    if let Some(b) = last.strip_suffix('s').filter(|b| b.starts_with(char::is_uppercase))
        && head(&b.to_lowercase()).is_some()
    {
        let before = words.len().checked_sub(2).map(|i| words[i])?;
        return is_cap(before).then(|| format!("{before} {b}"));
    }
    if !is_cap(last) {
        return None;
    }
    let base = if let Some(b) = last.strip_suffix(":s") {
        b.to_string()
    } else if let Some(b) = last.strip_suffix('s') {
        if b.ends_with('s') || b.chars().count() < 2 {
            return None;
        }
        b.to_string()
    } else {
        return None;
    };
    const GENERIC: &[&str] = &[
        "Myndigheten",
        "Kommunen",
        "Regionen",
        "Staten",
        "Regeringen",
        "Företaget",
        "Förvaltningen",
        "Bolaget",
        "Verket",
        "Nämnden",
        "Styrelsen",
        "Enheten",
        "Avdelningen",
        "Landstinget",
        "Universitetet",
        "Högskolan",
        "Partiet",
        "Förbundet",
        "Organisationen",
        "Projektet",
        "Skolan",
        "Sjukhuset",
        "Landet",
        "Länet",
        "Stadens",
        "Kommun",
        "Region",
        "Sverige",
    ];
    if super::names::is_given(&base) || GENERIC.contains(&base.as_str()) {
        return None;
    }
    if words.len() >= 2 && words[words.len() - 2] == "Region" {
        return Some(format!("Region {base}"));
    }
    Some(base)
}

/// Whether two organisation strings name the same organisation: equal
/// ignoring case, one a word-prefix of the other ("Huddinge" and
/// "Huddinge kommun"), or within a small edit distance.
pub fn same(a: &str, b: &str) -> bool {
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    if la == lb {
        return true;
    }
    let prefix = |x: &str, y: &str| y.starts_with(x) && y[x.len()..].starts_with(' ');
    if prefix(&la, &lb) || prefix(&lb, &la) {
        return true;
    }
    let n = la.chars().count().max(lb.chars().count());
    n >= 8 && edit_distance(&la, &lb) <= 2
}

/// Adds `org` to a speaker's list unless the same organisation is there;
/// keeps the fuller or better-formed spelling.
pub fn merge_into(list: &mut Vec<(String, bool)>, org: &str, strong: bool) {
    for (o, s) in list.iter_mut() {
        if same(o, org) {
            let better = (strong && !*s) || (strong == *s && org.len() > o.len());
            if better {
                *o = org.to_string();
                *s = strong;
            }
            return;
        }
    }
    list.push((org.to_string(), strong));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(t: &str) -> Option<(String, bool, usize)> {
        let ws: Vec<&str> = t.split(' ').collect();
        let gaps = vec![" "; ws.len()];
        parse(&ws, &gaps)
    }

    #[test]
    fn kommun_stad_region_and_typos() {
        assert_eq!(
            p("Örebro kommum").map(|x| x.0).as_deref(),
            Some("Örebro kommun")
        );
        assert_eq!(
            p("Stockholms stad att").map(|x| x.0).as_deref(),
            Some("Stockholms stad")
        );
        assert_eq!(
            p("Region Skåne").map(|x| x.0).as_deref(),
            Some("Region Skåne")
        );
        assert_eq!(
            p("Myndigheten för digital förvaltning")
                .map(|x| x.0)
                .as_deref(),
            Some("Myndigheten för digital förvaltning")
        );
        assert_eq!(p("Huddinge").map(|x| x.1), Some(false));
        assert_eq!(
            p("Skogsvårdsstyrelsens kontor").map(|x| x.0).as_deref(),
            Some("Skogsvårdsstyrelsen")
        );
        assert_eq!(
            p("Stockholms stad").map(|x| x.0).as_deref(),
            Some("Stockholms stad")
        );
        assert_eq!(p("Skatteverket").map(|x| x.1), Some(true));
    }

    #[test]
    fn genitive_and_similarity() {
        assert_eq!(
            parse_genitive(&["Örebro", "kommuns"]).as_deref(),
            Some("Örebro kommun")
        );
        assert_eq!(
            parse_genitive(&["Skatteverkets"]).as_deref(),
            Some("Skatteverket")
        );
        assert_eq!(
            parse_genitive(&["Region", "Skånes"]).as_deref(),
            Some("Region Skåne")
        );
        assert_eq!(
            parse_genitive(&["Trollhättans", "Stads"]).as_deref(),
            Some("Trollhättans Stad")
        );
        assert!(same("Huddinge", "Huddinge kommun"));
        assert!(same("Örebro kommum", "Örebro kommun"));
        assert!(!same("Örebro kommun", "Uppsala kommun"));
        assert_eq!(party("kd"), Some("Kristdemokraterna"));
    }

    #[test]
    fn a_lower_case_prefix_letter_and_a_kommunalforbund() {
        assert_eq!(
            p("eHälsomyndigheten i Kalmar"),
            Some(("eHälsomyndigheten".to_string(), true, 1))
        );
        assert_eq!(
            p("Fyrbodals kommunalförbund").map(|x| (x.0, x.1)),
            Some(("Fyrbodals kommunalförbund".to_string(), true))
        );
        assert_eq!(p("eller något"), None);
    }
}
