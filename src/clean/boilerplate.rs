//! Site furniture: lines of a scraped page that are not the article
//! (navigation, share buttons, newsletter sign-ups, cookie notices,
//! advertisement labels, copyright lines, "Läs också" links, press contact
//! blocks).
//!
//! [`classify`] looks at one line on its own; the structure pass in
//! `text.rs` decides what the surrounding lines are (a newsletter heading
//! or a contact heading near the end starts a tail of furniture).

use std::sync::LazyLock;

use regex::Regex;

/// How a furniture line affects its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only this line is furniture.
    Line,
    /// A heading such as "Rekommenderad läsning" or "Voisters nyhetsbrev":
    /// near the end of a page, what follows belongs to it.
    Tail,
    /// A bare "Läs också": the next short title-like line is a link.
    NextLine,
    /// "Kontakt:", "För mer information, kontakta:": a press contact block
    /// starts.
    Contact,
}

/// A furniture line: the reason for its removal and its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Furniture {
    /// `navigation`, `newsletter`, `cookie`, `advertisement`, `copyright`,
    /// `contact`, `image` or `boilerplate`.
    pub reason: &'static str,
    /// How it affects its neighbours.
    pub scope: Scope,
}

const fn f(reason: &'static str, scope: Scope) -> Option<Furniture> {
    Some(Furniture { reason, scope })
}

/// Exact lines (lowercased, without a final colon) that are navigation.
const NAV_EXACT: &[&str] = &[
    "stäng",
    "stäng meny",
    "meny",
    "sök",
    "sök på webbplatsen",
    "logga in",
    "logga ut",
    "hem",
    "startsida",
    "till startsidan",
    "tillbaka",
    "gå till innehåll",
    "gå till huvudinnehåll",
    "hoppa till innehåll",
    "hoppa till innehållet",
    "till huvudinnehållet",
    "gå till innehållet",
    "hoppa till huvudinnehållet",
    "till innehållet",
    "nästa",
    "föregående",
    "visa mer",
    "visa fler",
    "visa alla",
    "läs mer",
    "dela",
    "dela artikeln",
    "dela sidan",
    "dela på facebook",
    "dela på linkedin",
    "dela på x",
    "dela på twitter",
    "facebook",
    "twitter",
    "linkedin",
    "instagram",
    "youtube",
    "x",
    "mejla",
    "e-posta",
    "skicka",
    "skriv ut",
    "kopiera länk",
    "länk kopierad",
    "spara",
    "spara artikeln",
    "lyssna",
    "lyssna på artikeln",
    "tipsa",
    "tipsa oss",
    "tipsa redaktionen",
    "till toppen",
    "upp",
    "kommentera",
    "följ",
    "följ oss",
    "nyheter",
    "alla nyheter",
    "lättläst",
    "teckenspråk",
    "talsyntes",
    "english",
    "svenska",
    "other languages",
    "a-ö",
    "kontakta oss",
    "om webbplatsen",
    "om oss",
    "tillgänglighetsredogörelse",
    "behandling av personuppgifter",
    "webbkarta",
    "integritetspolicy",
    "personuppgiftspolicy",
    "prenumerera",
    "bli prenumerant",
    "meny öppna",
    "öppna meny",
    "stäng sök",
    "sidan uppdaterades",
    "senast granskad",
    "skriv ut sidan",
    "ämnen",
    "taggar",
    "kategorier",
    "kategori",
    "dela sidan på sociala medier",
    "annonsera",
    "dela inlägget",
    "gilla",
    "svara",
    "lämna en kommentar",
    "skriv en kommentar",
    "kommentera artikeln",
    "till nyhetsarkivet",
];

/// Headings that open a list of links, usually at the end of a page.
const TAIL_NAV: &[&str] = &[
    "rekommenderad läsning",
    "rekommenderat",
    "relaterat",
    "relaterade artiklar",
    "relaterade nyheter",
    "relaterade sidor",
    "fler nyheter",
    "fler artiklar",
    "mer från",
    "mest läst",
    "mest lästa",
    "mest lästa just nu",
    "senaste nytt",
    "senaste nyheterna",
    "senaste artiklarna",
    "populärt",
    "populära artiklar",
    "läs fler",
    "läs vidare",
    "fler nyheter från kommunen",
    "andra läser",
    "du kanske också gillar",
    "kommentarer",
    "nyhetsarkiv",
    "fler pressmeddelanden",
    "relaterade pressmeddelanden",
    "dela artikeln",
    "dela den här sidan",
    "dela sidan",
    "ta del av",
    "se även",
    "populära ämnen",
];

const READ_ALSO: &[&str] = &[
    "läs också",
    "läs även",
    "läs mer",
    "se även",
    "relaterat",
    "läs",
];

const ADVERT: &[&str] = &[
    "annons",
    "annonser",
    "reklam",
    "sponsrat",
    "sponsrat innehåll",
    "annonssamarbete",
    "i samarbete med",
    "betald annons",
    "annons från",
];

const COOKIE_EXACT: &[&str] = &[
    "acceptera",
    "acceptera alla",
    "acceptera alla kakor",
    "godkänn",
    "godkänn alla",
    "godkänn kakor",
    "neka",
    "avvisa",
    "avvisa alla",
    "hantera inställningar",
    "cookieinställningar",
    "kakinställningar",
    "jag förstår",
    "ok",
    "jag godkänner",
    "anpassa",
    "spara inställningar",
    "endast nödvändiga",
    "tillåt alla",
    "tillåt urval",
];

const CONTACT_START: &[&str] = &[
    "kontakt",
    "kontakter",
    "kontaktperson",
    "kontaktpersoner",
    "presskontakt",
    "presskontakter",
    "för mer information",
    "för ytterligare information",
    "mer information",
    "ytterligare information",
    "frågor besvaras av",
    "för frågor",
    "vid frågor",
    "ytterligare upplysningar",
    "upplysningar",
    "media",
    "mediekontakt",
    "pressfrågor",
    "för mer information kontakta",
    "för mer information, kontakta",
    "för ytterligare information, kontakta",
    "för mer information om",
    "presskontakt:",
];

/// Phone numbers (`070-123 45 67`, `+46 8 123 456 78`).
pub static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+46|\b0)[\s-]?\(?\d{1,3}\)?[\s-]?\d{2,4}[\s-]?\d{2}[\s-]?\d{2}\b")
        .expect("valid regex")
});

/// E-mail addresses.
pub static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("valid regex"));

/// Normalises a line for list look-ups: lowercase, without final colon,
/// arrow or ellipsis, spaces collapsed.
fn key(line: &str) -> String {
    lower_words(key_text(line), usize::MAX)
}

/// The part of `line` that [`key`] keeps (before lowercasing).
fn key_text(line: &str) -> &str {
    let mut line = line.trim();
    // "Kommentarer (3)": a trailing count.
    if line.ends_with(')')
        && let Some(open) = line.rfind('(')
        && line[open + 1..line.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit())
    {
        line = &line[..open];
    }
    line.trim()
        .trim_end_matches([':', '›', '»', '→', '…', '>', '.', ' '])
        .trim_start_matches(['›', '»', '→', '•', '-', ' '])
}

/// The first `max` words of `t`, lowercased, joined by single spaces.
fn lower_words(t: &str, max: usize) -> String {
    let mut out = String::with_capacity(t.len().min(max.saturating_mul(16)));
    for (i, w) in t.split_whitespace().take(max).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_lowercase(&mut out, w);
    }
    out
}

/// Appends `w` lowercased, exactly as `str::to_lowercase` would, without
/// a new string for every word.
fn push_lowercase(out: &mut String, w: &str) {
    if w.is_ascii() {
        out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else if w.contains('Σ') {
        // a final sigma depends on its neighbours: the library knows how
        out.push_str(&w.to_lowercase());
    } else {
        for c in w.chars() {
            match c {
                // Latin-1 capitals (Å, Ä, Ö, É, ...) lie 32 below their small letters
                'A'..='Z' | 'À'..='Þ' if c != '×' => {
                    out.push(char::from_u32(u32::from(c) + 32).unwrap_or(c));
                }
                // the rest of Latin-1 and the General Punctuation block
                // (– ” ’ …) have no lowercase forms of their own
                '\0'..='\u{ff}' | '\u{2000}'..='\u{206f}' => out.push(c),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// Whether a line is a press contact line: a phone number, an e-mail
/// address or a `Tel`/`E-post` label.
pub fn is_contact_line(line: &str) -> bool {
    let k = key(line);
    PHONE.is_match(line)
        || EMAIL.is_match(line)
        || k.starts_with("tel")
        || k.starts_with("mobil")
        || k.starts_with("e-post")
        || k.starts_with("växel")
}

/// Classifies one line (trimmed) on its own; `None` when it is not
/// recognisable furniture.
pub fn classify(line: &str) -> Option<Furniture> {
    classify_with(line, true)
}

/// No rule of [`classify`] that looks past a line's first words applies to
/// a line of more than this many words (the look-up lists hold short
/// phrases, the other rules have lower limits), except the cookie rule,
/// which takes up to 80 words and needs one of its words in the line.
const LONG_LINE_WORDS: usize = 30;

/// [`classify`]; with `shortcut`, a line of more than [`LONG_LINE_WORDS`]
/// words (most body paragraphs) is only tested by the rules that can
/// still match it, on its first words. The tests check that the shortcut
/// changes no answer.
fn classify_with(line: &str, shortcut: bool) -> Option<Furniture> {
    let t = key_text(line);
    // (the rules only tell apart counts up to 81)
    let words = count_words(t, 81);
    if words == 0 {
        return None;
    }
    if shortcut && words > LONG_LINE_WORDS && (words > 80 || !may_mention_cookies(t)) {
        let head = lower_words(t, 4);
        if line.trim_start().starts_with("![") {
            return f("image", Scope::Line);
        }
        if is_menu_bar(line) {
            return f("navigation", Scope::Line);
        }
        if head.starts_with('©') || head.starts_with("copyright") || head.starts_with("(c) ") {
            return f("copyright", Scope::Line);
        }
        return None;
    }
    let k = lower_words(t, usize::MAX);
    if line.trim_start().starts_with("![") {
        return f("image", Scope::Line);
    }
    if TAIL_NAV.contains(&k.as_str()) {
        return f("navigation", Scope::Tail);
    }
    if READ_ALSO.contains(&k.as_str()) {
        return f("navigation", Scope::NextLine);
    }
    // Kickers naming the source: "Nyhet från Lindö kommun".
    if words <= 6
        && [
            "nyhet från ",
            "nyheter från ",
            "pressmeddelande från ",
            "en nyhet från ",
        ]
        .iter()
        .any(|p| k.starts_with(p))
    {
        return f("boilerplate", Scope::Line);
    }
    if is_menu_bar(line) {
        return f("navigation", Scope::Line);
    }
    // "Fler nyheter", "Fler debattartiklar", "Mer från Kultur": link lists.
    if words <= 5
        && !k.ends_with(['.', '?', '!'])
        && [
            "fler ",
            "mer från ",
            "mer om ",
            "mest lästa ",
            "senaste nytt ",
        ]
        .iter()
        .any(|p| k.starts_with(p))
    {
        return f("navigation", Scope::Tail);
    }
    // The disclaimer under opinion pieces.
    if words <= 25
        && (k.contains("skribentens egna")
            || k.contains("skribentens åsikter")
            || k.starts_with("detta är en debattartikel")
            || k.starts_with("detta är en krönika")
            || k.starts_with("detta är en ledare"))
    {
        return f("boilerplate", Scope::Line);
    }
    for p in [
        "kategorier:",
        "kategori:",
        "taggar:",
        "ämnen:",
        "etiketter:",
        "dela:",
    ] {
        if k.starts_with(p) && words <= 20 {
            return f("navigation", Scope::Line);
        }
    }
    for p in [
        "läs också:",
        "läs även:",
        "läs mer:",
        "se även:",
        "relaterat:",
        "läs också ",
        "läs även ",
    ] {
        if k.starts_with(p) && words <= 25 {
            return f("navigation", Scope::Line);
        }
    }
    if NAV_EXACT.contains(&k.as_str()) {
        return f("navigation", Scope::Line);
    }
    if ADVERT.contains(&k.as_str()) {
        return f("advertisement", Scope::Line);
    }
    if COOKIE_EXACT.contains(&k.as_str()) {
        return f("cookie", Scope::Line);
    }
    if words <= 80
        && (k.contains("cookie") || k.contains("kakor") || k.contains("kakan"))
        && (k.contains("använder")
            || k.contains("godkänn")
            || k.contains("acceptera")
            || k.contains("inställning")
            || k.contains("samtycke")
            || words <= 4)
    {
        return f("cookie", Scope::Line);
    }
    if words <= 14 && k.contains("nyhetsbrev") {
        return f("newsletter", Scope::Tail);
    }
    for p in [
        "prenumerera på",
        "anmäl dig till",
        "registrera dig",
        "fyll i din e-post",
        "skriv in din e-post",
        "din e-postadress",
        "ange din e-post",
        "e-postadress",
    ] {
        if k.starts_with(p) && words <= 20 {
            return f("newsletter", Scope::Line);
        }
    }
    if k.starts_with('©')
        || k.starts_with("copyright")
        || k.starts_with("(c) ")
        || (words <= 30 && k.contains("alla rättigheter förbehållna"))
        || (k.starts_with("ansvarig utgivare") && words <= 12)
    {
        return f("copyright", Scope::Line);
    }
    let bare = k.trim_end_matches([':', ',']);
    if CONTACT_START.contains(&bare)
        || (words <= 8
            && (k.starts_with("för mer information")
                || k.starts_with("för ytterligare information")
                || k.starts_with("presskontakt")
                || k.starts_with("kontaktperson")))
    {
        return f("contact", Scope::Contact);
    }
    // (a line of more than 14 words is no breadcrumb trail)
    if words <= 14 && is_breadcrumb(line) {
        return f("navigation", Scope::Line);
    }
    None
}

/// The number of white-space separated words of `t` (as `split_whitespace`
/// counts them), counting stopped at `cap`.
pub(crate) fn count_words(t: &str, cap: usize) -> usize {
    let b = t.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < b.len() {
        let (space, len) = if b[i].is_ascii() {
            (
                matches!(b[i], b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
                1,
            )
        } else {
            let c = t[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words == cap {
                return cap;
            }
        }
        i += len;
    }
    words
}

/// Whether the lowercased `t` may contain `cookie`, `kakor` or `kakan`:
/// an ASCII case-insensitive search, exact because no character outside
/// ASCII lowercases to ASCII letters except `İ` and the Kelvin sign, and a
/// line with either is always searched the long way.
fn may_mention_cookies(t: &str) -> bool {
    if t.contains(['\u{130}', '\u{212a}']) {
        return true;
    }
    let b = t.as_bytes();
    b.windows(5).any(|w| {
        w.eq_ignore_ascii_case(b"kakor")
            || w.eq_ignore_ascii_case(b"kakan")
            || w.eq_ignore_ascii_case(b"cooki")
    })
}

/// A menu bar flattened into one line: at least three capitalised items of
/// one to three words, separated by runs of spaces, `|` or `·`
/// (`Nyheter  Analys  Podd  Jobb`).
fn is_menu_bar(line: &str) -> bool {
    let line = line.trim();
    if line.ends_with(['.', '!', '?', ':']) || line.len() > 200 {
        return false;
    }
    let items: Vec<&str> = line
        .split("  ")
        .flat_map(|p| p.split(['|', '·']))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    items.len() >= 3
        && items.iter().all(|it| {
            it.split_whitespace().count() <= 3 && it.chars().next().is_some_and(char::is_uppercase)
        })
}

/// `Hem › Nyheter › Digitalisering`, `Start / Nyheter / 2025`.
fn is_breadcrumb(line: &str) -> bool {
    let words = count_words(line, 15);
    if words > 14 {
        return false;
    }
    let seps = line.matches(['›', '»', '>']).count();
    let slashes = line.matches(" / ").count();
    if seps >= 1 {
        return line.split(['›', '»', '>']).all(|p| {
            let p = p.trim();
            p.split_whitespace().count() <= 4 && p.chars().next().is_some_and(char::is_uppercase)
        });
    }
    if slashes >= 2 {
        let first = key(line.split('/').next().unwrap_or(""));
        return matches!(first.as_str(), "hem" | "start" | "startsida");
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn lower_words_lowercases_each_word_as_the_standard_library_does(
            t in "([a-zA-ZåäöÅÄÖΣσςΑΒİ'.\\-\u{80}-\u{ff}\u{2000}-\u{206f}Ⅰⓐ]{0,6}[ \t\u{a0}\u{2003}]{0,2}){0,12}",
            max in proptest::sample::select(vec![1usize, 4, usize::MAX]),
        ) {
            let want: Vec<String> = t.split_whitespace().take(max).map(str::to_lowercase).collect();
            proptest::prop_assert_eq!(lower_words(&t, max), want.join(" "));
        }
    }

    proptest::proptest! {
        #[test]
        fn count_words_counts_as_split_whitespace_does(
            t in "[a-zå \t\n\u{b}\u{c}\r\u{85}\u{a0}\u{2003}\u{2028}\u{3000}\u{200b}–]{0,60}",
            cap in 1usize..40,
        ) {
            proptest::prop_assert_eq!(count_words(&t, cap), t.split_whitespace().count().min(cap));
        }
    }

    #[test]
    fn only_two_characters_outside_ascii_lowercase_to_ascii_letters() {
        let odd: Vec<char> = (0x80..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii_alphabetic()))
            .collect();
        assert_eq!(odd, ['\u{130}', '\u{212a}']);
    }

    #[test]
    fn the_latin1_and_punctuation_shortcut_lowercases_every_character_exactly() {
        for c in ('\0'..='\u{ff}').chain('\u{2000}'..='\u{206f}') {
            let w = format!("å{c}");
            let mut out = String::new();
            push_lowercase(&mut out, &w);
            assert_eq!(out, w.to_lowercase(), "{c:?}");
        }
    }

    /// The long-line shortcut of `classify` changes no answer.
    fn shortcut_is_exact(line: &str) {
        assert_eq!(
            classify_with(line, true),
            classify_with(line, false),
            "{line:?}"
        );
    }

    #[test]
    fn the_long_line_shortcut_changes_no_answer_on_real_text() {
        let mut lines = crate::test_support::real_lines();
        // Long paragraphs: runs of real sentences.
        let sentences = crate::test_support::talbanken_sentences();
        for n in [2, 3, 7] {
            lines.extend(sentences.chunks(n).map(|run| run.join(" ")));
        }
        let long = lines
            .iter()
            .filter(|l| l.split_whitespace().count() > LONG_LINE_WORDS)
            .count();
        assert!(long > 20, "only {long} long lines");
        for l in &lines {
            shortcut_is_exact(l);
        }
    }

    #[test]
    fn the_look_up_lists_hold_only_short_phrases() {
        for list in [
            NAV_EXACT,
            TAIL_NAV,
            READ_ALSO,
            ADVERT,
            COOKIE_EXACT,
            CONTACT_START,
        ] {
            for p in list {
                assert!(p.split_whitespace().count() < LONG_LINE_WORDS, "{p}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_long_line_shortcut_changes_no_answer_on_generated_lines(
            head in proptest::sample::select(vec![
                "", "© ", "Copyright ", "(c) ", "(C) ", "![bild](x.png) ", "Läs också: ",
                "Vi använder cookies ", "Alla rättigheter förbehållna ", "Nyhetsbrev ",
                "Hem › Nyheter › ", "Nyheter  Analys  Podd  ", "› ", "- ",
            ]),
            words in proptest::collection::vec(proptest::sample::select(vec![
                "kommunen", "cookies", "kakor", "använder", "Nyheter", "|", "·", "›", "Hem",
                "/", "nyhetsbrev", "(3)", "…", "alla", "rättigheter", "förbehållna", "Σ",
            ]), 25..95),
            tail in proptest::sample::select(vec!["", ":", " (12)", " ›", "."]),
        ) {
            let line = format!("{head}{}{tail}", words.join(" "));
            shortcut_is_exact(&line);
        }
    }

    #[test]
    fn furniture_lines() {
        assert_eq!(classify("Stäng").map(|f| f.reason), Some("navigation"));
        assert_eq!(
            classify("Rekommenderad läsning").map(|f| f.scope),
            Some(Scope::Tail)
        );
        assert_eq!(
            classify("Voisters nyhetsbrev").map(|f| f.reason),
            Some("newsletter")
        );
        assert_eq!(classify("ANNONS").map(|f| f.reason), Some("advertisement"));
        assert_eq!(
            classify("Vi använder kakor (cookies) för att webbplatsen ska fungera bra.")
                .map(|f| f.reason),
            Some("cookie")
        );
        assert_eq!(
            classify("© 2025 Digitalbladet AB").map(|f| f.reason),
            Some("copyright")
        );
        assert_eq!(
            classify("Läs också: Så digitaliserar Umeå").map(|f| f.scope),
            Some(Scope::Line)
        );
        assert_eq!(
            classify("Läs också").map(|f| f.scope),
            Some(Scope::NextLine)
        );
        assert_eq!(
            classify("För mer information, kontakta:").map(|f| f.scope),
            Some(Scope::Contact)
        );
        assert_eq!(
            classify("Hem › Nyheter › Digitalisering").map(|f| f.reason),
            Some("navigation")
        );
        assert_eq!(
            classify("Nyheter  Analys  Podd  Jobb").map(|f| f.reason),
            Some("navigation")
        );
        assert_eq!(
            classify("Startsida | Om regionen | Lediga jobb").map(|f| f.reason),
            Some("navigation")
        );
    }

    #[test]
    fn article_lines_are_not_furniture() {
        for line in [
            "Kommunen använder nya system för att dela information med invånarna.",
            "Tillit från medborgare",
            "Dela upp arbetet i mindre delar, säger hon.",
            "Vad kostar det att byta system?",
            "Kontakten med medborgarna är viktig för förtroendet.",
            "Läsplattor delades ut till alla elever.",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
        assert!(is_contact_line("Anna Berg, 070-123 45 67"));
        assert!(is_contact_line("anna.berg@orebro.se"));
        assert!(!is_contact_line("Budgeten ökade med 12 procent 2024."));
    }
}
