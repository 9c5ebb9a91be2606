//! Person names without a model: the SCB given-name list (compiled into the
//! crate from `data/names_given.txt`, rebuilt by `scripts/build_names.py`;
//! Källa: SCB, CC BY 4.0), capitalisation and a few context rules.
//!
//! The one person-name module of the crate: the speakers stage finds the
//! people of an article with [`scan_words`], and cleaning tells a byline's
//! or a contact line's names with [`is_name_word`] and [`is_person_name`];
//! both use the same surname particles ([`is_particle`]).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::language::stem::FxBuild;
use crate::span::Span;

/// Grammatical gender suggested by a given name (SCB counts of women and men).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Mostly borne by women.
    Female,
    /// Mostly borne by men.
    Male,
    /// Borne by both (the smaller share is at least 20 %), or unknown.
    Unknown,
}

struct Lexicon {
    given: HashMap<&'static str, Gender, FxBuild>,
    surnames: HashSet<&'static str, FxBuild>,
    wordlike: HashSet<&'static str, FxBuild>,
    not_surname: HashSet<&'static str, FxBuild>,
}

fn wordlike(w: &str) -> bool {
    lexicon().wordlike.contains(w)
}

/// Whether `w` is a capitalised word that is far more often an ordinary
/// word, a place or a brand than a given name ("Vi", "Region", "Sverige").
pub fn is_wordlike(w: &str) -> bool {
    wordlike(w)
}

static GIVEN: &str = include_str!("../data/names_given.txt");
static SURNAMES: &str = include_str!("../data/names_surnames.txt");

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut given = HashMap::with_capacity_and_hasher(24_000, FxBuild::default());
        for line in GIVEN.lines() {
            let mut parts = line.split('\t');
            let (Some(name), g) = (parts.next(), parts.next()) else {
                continue;
            };
            let g = match g {
                Some("f") => Gender::Female,
                Some("m") => Gender::Male,
                _ => Gender::Unknown,
            };
            if !name.is_empty() {
                given.insert(name, g);
            }
        }
        let surnames = SURNAMES
            .lines()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        Lexicon {
            given,
            surnames,
            wordlike: WORDLIKE_NAMES.iter().copied().collect(),
            not_surname: NOT_SURNAME.iter().copied().collect(),
        }
    })
}

/// Capitalised Swedish words that are also in the given-name list but are
/// far more often ordinary words at the start of a sentence.
const WORDLIKE_NAMES: &[&str] = &[
    "Vi",
    "Man",
    "Han",
    "Hon",
    "Alla",
    "Jo",
    "Just",
    "Nu",
    "Du",
    "De",
    "Den",
    "Det",
    "Så",
    "Men",
    "Om",
    "När",
    "Där",
    "Även",
    "Ja",
    "Nej",
    "En",
    "Ett",
    "Och",
    "Att",
    "Som",
    "Till",
    "Med",
    "För",
    "Av",
    "Vid",
    "Från",
    "Efter",
    "Under",
    "Mot",
    "Sin",
    "Hem",
    "Ny",
    "Bra",
    "Mer",
    "Tid",
    "Vår",
    "Sommar",
    "Juni",
    "Juli",
    "Maj",
    "April",
    "Augusti",
    "Ingen",
    "Inga",
    "Fler",
    "Många",
    "Varje",
    "Dock",
    "Här",
    "Hur",
    "Vad",
    "Vem",
    "Var",
    "Precis",
    "Kan",
    "Skulle",
    "Inte",
    "Också",
    "Sedan",
    "Idag",
    "Ändå",
    "Ju",
    "Region",
    "Stad",
    "Kommun",
    "Sverige",
    "Norden",
    "Europa",
    "Stockholm",
    "Göteborg",
    "Malmö",
    "Uppsala",
    "Lund",
    "Linköping",
    "Örebro",
    "Västerås",
    "Umeå",
    "Luleå",
    "Kiruna",
    "Borås",
    "Gävle",
    "Sundsvall",
    "Jönköping",
    "Karlstad",
    "Växjö",
    "Halmstad",
    "Kalmar",
    "Falun",
    "Visby",
    "Östersund",
    "Skåne",
    "Gotland",
    "Dalarna",
    "Halland",
    "Blekinge",
    "Värmland",
    "Norrbotten",
    "Västerbotten",
    "Jämtland",
    "Uppland",
    "Småland",
    "Lappland",
    "Huddinge",
    "Solna",
    "Nacka",
    "Täby",
    "Botkyrka",
    "Haninge",
    "Tyresö",
    "Lidingö",
    "Sollentuna",
    "Järfälla",
    "Kista",
    "Digg",
    "Vinnova",
    "Unionen",
    "Vision",
    "Sveriges",
    "Svenska",
    "Google",
    "Microsoft",
    "Apple",
    "Los",
    "Las",
    "San",
    "Santa",
    "The",
    "Costa",
    "Puerto",
    "Rio",
    "Sri",
    "Taj",
    "Live",
    "Astra",
    "Beverly",
    "Mrs",
    "Mr",
    "Sankt",
    "Dagens",
    "Svenska",
    "Sveriges",
    "Amazon",
    "Tesla",
    "Volvo",
    "Ericsson",
    "Telia",
    "Nordea",
    "Swedbank",
    "Ikea",
];

/// Capitalised words that never stand as a surname after a given name.
const NOT_SURNAME: &[&str] = &[
    "Kommun",
    "Stad",
    "Region",
    "Foto",
    "Bild",
    "Text",
    "Och",
    "Men",
    "Att",
    "Som",
    "I",
    "På",
    "Jag",
    "Vi",
    "Du",
    "Han",
    "Hon",
    "De",
    "Det",
    "Den",
    "Dom",
    "Ni",
    "Är",
    "Var",
    "Har",
    "Kan",
    "Ska",
    "Vill",
    "För",
    "Med",
    "Till",
    "Av",
    "Om",
    "Reporter",
    "Uppdaterad",
    "Publicerad",
    "Cup",
    "Hills",
    "Hotel",
    "Camp",
    "City",
    "Center",
    "Park",
    "Street",
    "Group",
    "Nation",
    "Club",
    "Award",
    "Awards",
    "League",
    "Festival",
    "Kyrka",
    "Arena",
    "Läs",
    "Foto:",
    "Källa",
    "Sverige",
    "Säger",
    "Enligt",
    "Inte",
    "Ja",
    "Nej",
];

/// Whether `w` is written like a name part: an upper-case letter, then
/// lower-case letters (hyphenated parts likewise: "Per-Erik").
pub fn is_capitalised(w: &str) -> bool {
    // Most words start with a lower-case ASCII letter: no need to split.
    let bytes = w.as_bytes();
    if bytes
        .first()
        .is_some_and(|b| !b.is_ascii_uppercase() && b.is_ascii())
    {
        return false;
    }
    // An ASCII word without hyphens: the same test on bytes.
    if w.is_ascii() && !bytes.contains(&b'-') {
        return bytes.len() >= 2
            && bytes[0].is_ascii_uppercase()
            && bytes[1..]
                .iter()
                .all(|&b| b.is_ascii_lowercase() || b == b'\'');
    }
    w.split('-').all(|p| {
        let mut cs = p.chars();
        match cs.next() {
            Some(c) if c.is_uppercase() => {
                let mut rest = false;
                cs.all(|c| {
                    rest = true;
                    c.is_lowercase() || c == '\'' || c == '’'
                }) && rest
            }
            _ => false,
        }
    })
}

/// The gender of a given name (a hyphenated double name counts by its first
/// part), or `None` when `w` is not a capitalised given name.
pub fn given_gender(w: &str) -> Option<Gender> {
    if !is_capitalised(w) || wordlike(w) {
        return None;
    }
    let lex = lexicon();
    let mut first = None;
    for part in w.split('-') {
        let g = lex.given.get(part)?;
        first.get_or_insert(*g);
    }
    first
}

/// Whether `w` is a capitalised given name.
pub fn is_given(w: &str) -> bool {
    given_gender(w).is_some()
}

/// Whether `w` could be a surname after a given name.
pub fn is_surname_like(w: &str) -> bool {
    if lexicon().not_surname.contains(w) || w.chars().count() < 2 {
        return false;
    }
    if is_capitalised(w) {
        return true;
    }
    // "McCartney", "LaSalle", "al-Assad", "Lindström-Ek".
    let mut cs = w.chars();
    let first_up = cs.next().is_some_and(char::is_uppercase);
    let particle = ["al-", "el-", "bin-"].iter().any(|p| w.starts_with(p));
    (first_up || particle)
        && w.chars().any(char::is_lowercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && w.split('-')
            .skip(usize::from(particle))
            .all(|p| p.chars().next().is_some_and(char::is_uppercase))
}

/// Lower-case particles of surnames ("von Sydow", "af Klercker", "de Geer").
pub const PARTICLES: &[&str] = &[
    "von", "af", "de", "van", "der", "den", "di", "da", "du", "le", "la", "bin", "ibn", "al", "el",
    "dos", "del", "ten", "ter",
];

/// Whether `w` is a lower-case surname particle ("von", "af", "de").
pub fn is_particle(w: &str) -> bool {
    PARTICLES.contains(&w)
}

/// Function words that a person's name never contains but Title-Case image
/// texts do.
pub const FUNCTION_WORDS: &[&str] = &[
    "på", "i", "och", "med", "av", "till", "för", "som", "en", "ett", "vid", "från", "om", "under",
    "efter", "hos", "den", "det", "de", "mot", "ur", "vid", "över", "tre", "två", "när",
];

/// Whether `w` is a capitalised name word as bylines write them (`Anna`,
/// `Gärdin`, `Lundh-Ek`, `McCartney`): a capital, then letters, hyphens or
/// apostrophes with some lower case, not ending in a hyphen.
pub fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let rest: Vec<char> = chars.collect();
    if rest.is_empty() {
        return false;
    }
    rest.iter()
        .all(|c| c.is_alphabetic() || *c == '-' || *c == '\'')
        && rest.iter().any(|c| c.is_lowercase())
        && rest.last().is_none_or(|c| *c != '-')
}

/// Whether `s` looks like a person's name: two to four capitalised words
/// (particles such as `af`, `von` allowed), none a capitalised function word.
pub fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || s.chars().count() > 50 {
        return false;
    }
    if !is_name_word(words[0]) || !words.last().is_some_and(|w| is_name_word(w)) {
        return false;
    }
    words.iter().all(|w| {
        (is_name_word(w) && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
            || (is_particle(w) && *w != "den")
    })
}

/// Whether `w` looks like a second surname ("Sundin Jonsson"): a common
/// Swedish surname or one with a typical surname ending.
pub fn is_surnameish(w: &str) -> bool {
    if !is_surname_like(w) || wordlike(w) {
        return false;
    }
    if lexicon().surnames.contains(w) {
        return true;
    }
    const ENDINGS: &[&str] = &[
        "son", "sson", "berg", "ström", "gren", "lund", "qvist", "kvist", "dahl", "holm", "mark",
        "lin", "lén", "ell", "blad", "stedt", "stad", "ander", "ius", "backa", "fors", "by", "man",
        "gård", "bäck", "sjö", "rot", "hed", "vall", "löf", "nius", "dén",
    ];
    let lw = w.to_lowercase();
    ENDINGS.iter().any(|e| lw.ends_with(e))
}

/// A person name found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    /// Byte span of the whole name.
    pub span: Span,
    /// The given name(s), as written.
    pub given: String,
    /// The surname(s), as written.
    pub surname: String,
    /// Gender suggested by the first given name.
    pub gender: Gender,
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (!c.is_ascii()
            && (matches!(c, 'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö') || c.is_alphanumeric()))
}

/// The word character starting at byte `i` of `s` (a character boundary):
/// its byte length and whether it is alphabetic; `None` when the character
/// there is no word character (or `i` is the end).
#[inline]
fn word_char_at(s: &str, i: usize) -> Option<(usize, bool)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return b
            .is_ascii_alphanumeric()
            .then_some((1, b.is_ascii_alphabetic()));
    }
    let c = s.get(i..)?.chars().next()?;
    if matches!(c, 'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö') {
        return Some((2, true));
    }
    is_word_char(c).then(|| (c.len_utf8(), c.is_alphabetic()))
}

/// The byte length of the character at byte `i` of `s` (a character
/// boundary), or 1 past the end.
#[inline]
fn char_len_at(s: &str, i: usize) -> usize {
    match s.as_bytes().get(i) {
        Some(&b) if b >= 0xF0 => 4,
        Some(&b) if b >= 0xE0 => 3,
        Some(&b) if b >= 0xC0 => 2,
        _ => 1,
    }
}

/// The words of `text[region]` (letters and digits, inner hyphens, colons
/// and apostrophes), as byte spans into `text`.
pub fn words(text: &str, region: Span) -> Vec<Span> {
    words_marked(text, region).0
}

/// [`words`], and the indices of the words holding a character that is not
/// alphabetic (a digit or an inner joiner), in ascending order.
pub fn words_marked(text: &str, region: Span) -> (Vec<Span>, Vec<usize>) {
    let Some(slice) = text.get(region.start..region.end) else {
        return (Vec::new(), Vec::new());
    };
    let mut out = Vec::with_capacity(slice.len() / 6 + 1);
    let mut mixed = Vec::new();
    let bytes = slice.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        if bytes[i].is_ascii() && !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let Some((len, alpha)) = word_char_at(slice, i) else {
            i += char_len_at(slice, i);
            continue;
        };
        let start = i;
        let mut all_alpha = alpha;
        i += len;
        loop {
            // The common case first: a run of ASCII letters.
            while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
            if let Some((len, alpha)) = word_char_at(slice, i) {
                all_alpha &= alpha;
                i += len;
                continue;
            }
            // An inner joiner followed by a word character continues the word.
            let joiner = match slice.as_bytes().get(i) {
                Some(b'-' | b':' | b'\'') => Some(1),
                Some(0xE2) if slice[i..].starts_with('’') => Some(3),
                _ => None,
            };
            if let Some(j) = joiner
                && word_char_at(slice, i + j).is_some()
            {
                all_alpha = false;
                i += j;
                continue;
            }
            break;
        }
        if !all_alpha {
            mixed.push(out.len());
        }
        out.push(Span::new(region.start + start, region.start + i));
    }
    (out, mixed)
}

/// Whether word `j` of `ws` is a middle initial between a given name and
/// a surname: one capital letter, a single space before it, and a space
/// (or a full stop and a space) before a surname-like word.
fn middle_initial(text: &str, ws: &[Span], j: usize) -> bool {
    let (Some(prev), Some(cur), Some(next)) = (
        j.checked_sub(1).and_then(|p| ws.get(p)),
        ws.get(j),
        ws.get(j + 1),
    ) else {
        return false;
    };
    let word = cur.slice(text);
    let mut cs = word.chars();
    let one_capital = cs.next().is_some_and(char::is_uppercase) && cs.next().is_none();
    one_capital
        && single_space(text, *prev, *cur)
        && matches!(text.get(cur.end..next.start), Some(" " | ". "))
        && is_surname_like(next.slice(text))
}

fn single_space(text: &str, a: Span, b: Span) -> bool {
    text.get(a.end..b.start) == Some(" ")
}

/// Finds full person names (given name(s) + surname(s)) in `text[region]`.
pub fn scan(text: &str, region: Span) -> Vec<NameMatch> {
    scan_words(text, &words(text, region))
}

/// Finds full person names among `ws`, the words of a region of `text`
/// (as returned by [`words`]).
pub fn scan_words(text: &str, ws: &[Span]) -> Vec<NameMatch> {
    let w = |i: usize| text.get(ws[i].start..ws[i].end).unwrap_or("");
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        // A name starts with a capital: skip the words that start with
        // another ASCII byte without looking them up.
        if text
            .as_bytes()
            .get(ws[i].start)
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            i += 1;
            continue;
        }
        let Some(gender) = given_gender(w(i)) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        // A second given name ("Per Erik Svensson").
        if j + 1 < ws.len()
            && is_given(w(j))
            && single_space(text, ws[j - 1], ws[j])
            && single_space(text, ws[j], ws[j + 1])
            && is_surname_like(w(j + 1))
        {
            j += 1;
        }
        // A middle initial ("Jan O Karlsson", "Anna K. Berg").
        let initial = middle_initial(text, ws, j);
        if initial {
            j += 1;
        }
        // Particles before the surname ("Max von Sydow", "Louis de Geer").
        let mut k = j;
        while k + 1 < ws.len()
            && k < j + 2
            && PARTICLES.contains(&w(k))
            && single_space(text, ws[k - 1], ws[k])
        {
            k += 1;
        }
        if k > j && !(k < ws.len() && single_space(text, ws[k - 1], ws[k]) && is_surname_like(w(k)))
        {
            k = j;
        }
        let joined = j < ws.len() && (initial || single_space(text, ws[j - 1], ws[j]));
        if joined && is_surname_like(w(k)) {
            let given_end = j;
            let mut last = k;
            // More surname parts ("Sundin Jonsson", "Ekdahl Du Rietz").
            while last + 1 < ws.len()
                && last < k + 1
                && single_space(text, ws[last], ws[last + 1])
                && (is_surname_like(w(last + 1)) && !wordlike(w(last + 1)))
                && !genitive_before_noun(text, ws, last + 1)
            {
                last += 1;
            }
            out.push(NameMatch {
                span: Span::new(ws[i].start, ws[last].end),
                given: text[ws[i].start..ws[given_end - 1].end].to_string(),
                surname: text[ws[given_end].start..ws[last].end].to_string(),
                gender,
            });
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether word `k` is a capitalised genitive before a lowercase word
/// ("Linköpings slott", "Sveriges kommuner"): the place or organisation
/// that follows a name ("civilminister Erik Slottner Linköpings slott"),
/// not a second part of its surname.
fn genitive_before_noun(text: &str, ws: &[Span], k: usize) -> bool {
    let w = |i: usize| text.get(ws[i].start..ws[i].end).unwrap_or("");
    w(k).ends_with('s')
        && k + 1 < ws.len()
        && single_space(text, ws[k], ws[k + 1])
        && w(k + 1).starts_with(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_genitive_after_a_name_is_no_second_surname() {
        assert_eq!(
            names("besökte civilminister Erik Slottner Linköpings slott i går"),
            ["Erik Slottner"]
        );
        assert_eq!(names("säger Anna Sundin Jonsson i dag"), ["Anna Sundin Jonsson"]);
    }

    fn names(t: &str) -> Vec<String> {
        scan(t, Span::new(0, t.len()))
            .iter()
            .map(|m| m.span.slice(t).to_string())
            .collect()
    }

    #[test]
    fn finds_names_with_double_parts_and_swedish_letters() {
        assert_eq!(
            names("Enligt Per-Erik Åström i Umeå."),
            vec!["Per-Erik Åström"]
        );
        assert_eq!(
            names("säger Anna Sundin Jonsson, it-chef"),
            vec!["Anna Sundin Jonsson"]
        );
        assert_eq!(names("Det säger Anna Gärdin."), vec!["Anna Gärdin"]);
        assert_eq!(
            names("säger Per Erik Svensson idag"),
            vec!["Per Erik Svensson"]
        );
    }

    #[test]
    fn a_middle_initial_belongs_to_the_name() {
        assert_eq!(
            names("Bistånds- och migrationsminister Jan O Karlsson"),
            vec!["Jan O Karlsson"]
        );
        assert_eq!(names("säger Anna K. Berg, rektor"), vec!["Anna K. Berg"]);
        let m = scan("Jan O Karlsson", Span::new(0, 14));
        assert_eq!(
            (m[0].given.as_str(), m[0].surname.as_str()),
            ("Jan O", "Karlsson")
        );
    }

    #[test]
    fn ignores_words_and_lowercase() {
        assert!(names("Vi Ser att Region Skåne och anna svensson").is_empty());
        assert!(names("Kristina, CDO i Stockholms stad").is_empty());
    }

    #[test]
    fn words_with_joiners_and_digits_are_marked() {
        let t = "– It-chefen Anna’s plan: 2025-mål, x²y och ’citat’ - slut";
        let (ws, mixed) = words_marked(t, Span::new(0, t.len()));
        let got: Vec<&str> = ws.iter().map(|w| w.slice(t)).collect();
        assert_eq!(
            got,
            [
                "It-chefen",
                "Anna’s",
                "plan",
                "2025-mål",
                "x²y",
                "och",
                "citat",
                "slut"
            ]
        );
        assert_eq!(mixed, [0, 1, 3, 4]);
        let inner = Span::new(3, 12);
        assert_eq!(words(t, inner), [Span::new(4, 12)]);
    }

    #[test]
    fn capitalised_words() {
        for w in ["Anna", "D'", "Per-Erik", "Åsa", "Östen-Åke", "O’neil"] {
            assert!(is_capitalised(w), "{w}");
        }
        for w in [
            "A", "anna", "AnnA", "O'Neil", "Per-erik", "-Anna", "", "ÅSA", "2Anna",
        ] {
            assert!(!is_capitalised(w), "{w}");
        }
    }

    #[test]
    fn gender_from_scb() {
        assert_eq!(given_gender("Anna"), Some(Gender::Female));
        assert_eq!(given_gender("Per"), Some(Gender::Male));
        assert_eq!(given_gender("Vi"), None);
    }
}
