//! Roles: a lexicon of Swedish public-sector titles plus the word endings
//! that make an unknown title recognisable, and their normal form.

/// Titles known as such (lower case; acronyms upper case).
const LEXICON: &[&str] = &[
    "it-chef",
    "reporter",
    "journalist",
    "fotograf",
    "skribent",
    "redaktör",
    "cio",
    "cdo",
    "cto",
    "ciso",
    "cfo",
    "ceo",
    "vd",
    "dpo",
    "digitaliseringsdirektör",
    "digitaliseringschef",
    "digitaliseringsstrateg",
    "digitaliseringsansvarig",
    "digitaliseringsminister",
    "kommundirektör",
    "regiondirektör",
    "stadsdirektör",
    "förvaltningschef",
    "säkerhetschef",
    "informationssäkerhetschef",
    "generaldirektör",
    "överdirektör",
    "statsråd",
    "statsminister",
    "minister",
    "regionråd",
    "kommunalråd",
    "oppositionsråd",
    "borgarråd",
    "riksdagsledamot",
    "ordförande",
    "vice ordförande",
    "kommunstyrelsens ordförande",
    "regionstyrelsens ordförande",
    "nämndordförande",
    "framtidsdirektör",
    "utvecklingsdirektör",
    "ekonomidirektör",
    "hr-direktör",
    "it-direktör",
    "avdelningschef",
    "enhetschef",
    "verksamhetschef",
    "ekonomichef",
    "kommunikationschef",
    "presschef",
    "pressekreterare",
    "projektledare",
    "verksamhetsutvecklare",
    "utredare",
    "handläggare",
    "analytiker",
    "strateg",
    "samordnare",
    "expert",
    "jurist",
    "chefsjurist",
    "forskare",
    "historiker",
    "talman",
    "professor",
    "docent",
    "lektor",
    "rektor",
    "skolchef",
    "socialchef",
    "stadsbyggnadsdirektör",
    "landshövding",
    "kanslichef",
    "chef",
    "direktör",
    "arkitekt",
    "it-arkitekt",
    "systemförvaltare",
    "dataskyddsombud",
    "ombudsman",
    "förbundsordförande",
    "förbundsdirektör",
    "partiledare",
    "gruppledare",
    "talesperson",
    "sekreterare",
    "generalsekreterare",
    "statssekreterare",
    "kommunikatör",
    "konsult",
    "rådgivare",
    "specialist",
    "it-strateg",
    "produktägare",
    "chefsekonom",
    "sjuksköterska",
    "läkare",
    "lärare",
    "ledamot",
    "kommunchef",
    "regionchef",
    "hälso- och sjukvårdsdirektör",
    "universitetskansler",
    "moderator",
];

/// Endings of open-ended titles ("innovationschef", "tillväxtdirektör").
const SUFFIXES: &[&str] = &[
    "chef",
    "direktör",
    "ansvarig",
    "ledare",
    "strateg",
    "samordnare",
    "minister",
    "råd",
    "ordförande",
    "handläggare",
    "expert",
    "analytiker",
    "utredare",
    "forskare",
    "sekreterare",
    "ledamot",
    "ombud",
    "ombudsman",
    "arkitekt",
    "utvecklare",
    "specialist",
    "rådgivare",
    "koordinator",
    "läkare",
    "sköterska",
    "lärare",
    "rektor",
    "ekonom",
    "präst",
    "kommunikatör",
    "förhandlare",
    "inspektör",
    "revisor",
    "arkivarie",
    "bibliotekarie",
    "planerare",
    "pedagog",
    "controller",
    "officer",
    "ingenjör",
    "tekniker",
    "konsult",
    "jurist",
];

/// Whether `w` (one word) is written as an acronym title (CIO, CDO, VD).
fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=5).contains(&n) && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn known_base(lw: &str) -> bool {
    LEXICON.contains(&lw) || SUFFIXES.iter().any(|s| lw.ends_with(s))
}

/// The indefinite base of a role word, lower-cased ("it-chefen" → "it-chef",
/// "Statsrådet" → "statsråd", "ministern" → "minister"), if it is a role.
pub fn role_word(w: &str) -> Option<String> {
    if w.is_empty() || w.chars().any(|c| c.is_ascii_digit()) && !is_acronym(w) {
        return None;
    }
    if is_acronym(w) {
        let lw = w.to_lowercase();
        return LEXICON.contains(&lw.as_str()).then(|| w.to_string());
    }
    let lw = w.to_lowercase();
    if known_base(&lw) {
        return Some(lw);
    }
    for strip in ["en", "et", "n", "t"] {
        if let Some(base) = lw.strip_suffix(strip)
            && base.chars().count() >= 3
            && known_base(base)
        {
            return Some(base.to_string());
        }
    }
    None
}

/// The role a definite plural names ("kommunalråden", "landshövdingarna",
/// "ordförandena", "cheferna"), in the indefinite singular; `None` for a
/// word that is no role in the plural.
pub fn plural_role(w: &str) -> Option<String> {
    let lw = w.to_lowercase();
    let base = if let Some(b) = lw.strip_suffix("råden") {
        format!("{b}råd")
    } else if let Some(b) = lw.strip_suffix("andena") {
        format!("{b}ande")
    } else if let Some(b) = ["arna", "erna", "orna"]
        .iter()
        .find_map(|e| lw.strip_suffix(e))
    {
        // "landshövdingarna" → "landshövding", "cheferna" → "chef"
        b.to_string()
    } else {
        return None;
    };
    (base.chars().count() >= 3 && known_base(&base)).then_some(base)
}

/// Normal form of a role phrase taken from an apposition: acronyms kept,
/// other words lower-cased, definite heads made indefinite.
pub fn normalise(phrase: &str) -> String {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let after_unit = i > 0 && super::apposition::is_unit(words[i - 1]);
        if is_acronym(w) || (after_unit && w.chars().next().is_some_and(char::is_uppercase)) {
            // an acronym, or a unit's name ("verksamhetsområdet Geodata")
            out.push((*w).to_string());
        } else if i + 1 == words.len() && !super::apposition::is_unit(w) {
            // (a unit ending the phrase stays as written: "chef för
            // förvarsavdelningen")
            out.push(role_word(w).unwrap_or_else(|| w.to_lowercase()));
        } else {
            out.push(w.to_lowercase());
        }
    }
    out.join(" ")
}

/// Whether `w` can open a role phrase in an apposition ("NAME, ROLE ..."):
/// a lower-case word that is no function word, or an acronym.
pub fn can_open_apposition(w: &str) -> bool {
    const NO: &[&str] = &[
        "och",
        "som",
        "men",
        "att",
        "när",
        "där",
        "vilket",
        "vilken",
        "som",
        "den",
        "det",
        "de",
        "han",
        "hon",
        "vi",
        "jag",
        "ni",
        "du",
        "säger",
        "sa",
        "sade",
        "menar",
        "anser",
        "berättar",
        "konstaterar",
        "förklarar",
        "skriver",
        "enligt",
        "i",
        "på",
        "vid",
        "för",
        "hos",
        "med",
        "till",
        "av",
        "om",
        "är",
        "var",
        "har",
        "hade",
        "kan",
        "ska",
        "vill",
        "inte",
        "också",
        "även",
        "bland",
        "efter",
        "från",
        "under",
        "mot",
        "så",
        "eller",
        "samt",
        "dock",
        "medan",
        "fast",
        "alltså",
        "nu",
        "då",
        "sedan",
        "idag",
        "både",
    ];
    if is_acronym(w) {
        return LEXICON.contains(&w.to_lowercase().as_str());
    }
    let first = w.chars().next();
    matches!(first, Some(c) if c.is_lowercase()) && !NO.contains(&w)
}

/// Whether a phrase is recognisably a title (a lexicon word or a title
/// ending in any of its words).
pub fn phrase_is_role(phrase: &str) -> bool {
    phrase.split_whitespace().any(|w| role_word(w).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_roles() {
        assert_eq!(plural_role("kommunalråden").as_deref(), Some("kommunalråd"));
        assert_eq!(plural_role("Landshövdingarna").as_deref(), Some("landshövding"));
        assert_eq!(plural_role("cheferna").as_deref(), Some("chef"));
        assert_eq!(plural_role("kommunchefen"), None);
        assert_eq!(plural_role("kvinnorna"), None);
    }

    #[test]
    fn definite_forms_and_acronyms() {
        assert_eq!(role_word("it-chefen").as_deref(), Some("it-chef"));
        assert_eq!(role_word("Statsrådet").as_deref(), Some("statsråd"));
        assert_eq!(
            role_word("digitaliseringsministern").as_deref(),
            Some("digitaliseringsminister")
        );
        assert_eq!(role_word("CIO").as_deref(), Some("CIO"));
        assert_eq!(
            role_word("innovationschef").as_deref(),
            Some("innovationschef")
        );
        assert_eq!(role_word("kommunen"), None);
        assert_eq!(role_word("Historikern").as_deref(), Some("historiker"));
        assert_eq!(role_word("talmannen"), None);
        assert_eq!(role_word("SKR"), None);
    }

    #[test]
    fn phrase_normal_form() {
        assert_eq!(
            normalise("Kommunstyrelsens ordföranden"),
            "kommunstyrelsens ordförande"
        );
        assert_eq!(normalise("CDO"), "CDO");
    }
}
