//! Site furniture: lines of a scraped page that are not the article
//! (navigation, share buttons, newsletter sign-ups, cookie notices,
//! advertisement labels, copyright lines, "Läs också" links, press contact
//! blocks).
//!
//! [`classify`] looks at one line on its own; the structure pass in
//! `text.rs` decides what the surrounding lines are (a newsletter heading
//! or a contact heading near the end starts a tail of furniture).

use std::collections::BTreeSet;
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
    "till innehåll på sidan",
    "innehåll",
    "nyckelord",
    "sidinformation",
    "translate",
    "translate site",
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
    "regioner",
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
        return is_separator(line).then_some(Furniture {
            reason: "boilerplate",
            scope: Scope::Line,
        });
    }
    if shortcut && words > LONG_LINE_WORDS && (words > 80 || !may_mention_cookies(t)) {
        return long_line_rules(line, t);
    }
    let k = lower_words(t, usize::MAX);
    phrase_rules(line, &k, words)
        .or_else(|| list_rules(&k, words))
        .or_else(|| copyright_and_contact_rules(line, &k, words))
        .or_else(|| shape_rules(line, &k, words))
}

/// The rules that can match a line of more than [`LONG_LINE_WORDS`] words
/// (other than the cookie rule), on its first words.
fn long_line_rules(line: &str, t: &str) -> Option<Furniture> {
    let head = lower_words(t, 4);
    if (t.contains("ranslat") || t.contains("versätt"))
        && count_words(t, 81) <= 60
        && is_translation_service_notice(&lower_words(t, usize::MAX))
    {
        return f("notice", Scope::Line);
    }
    if line.trim_start().starts_with("![") {
        return f("image", Scope::Line);
    }
    if is_menu_bar(line) {
        return f("navigation", Scope::Line);
    }
    if head.starts_with('©') || head.starts_with("copyright") || head.starts_with("(c) ") {
        return f("copyright", Scope::Line);
    }
    let words = count_words(t, 81);
    if words <= 40 && head.contains(':') && is_caption_label(&lower_words(t, usize::MAX), words) {
        return f("image", Scope::Line);
    }
    if is_translated_notice(line, words) {
        return f("notice", Scope::Line);
    }
    None
}

/// Headings and prefixes of link lists, kickers, disclaimers, tag lines
/// and "Läs också" links (`k`: the line's key, lowercased).
fn phrase_rules(line: &str, k: &str, words: usize) -> Option<Furniture> {
    if line.trim_start().starts_with("![") {
        return f("image", Scope::Line);
    }
    if TAIL_NAV.contains(&k) {
        return f("navigation", Scope::Tail);
    }
    if READ_ALSO.contains(&k) {
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
    if words <= 5 && !k.ends_with(['.', '?', '!']) && is_more_links(k) {
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
    if words <= 15 && is_republication_note(k) {
        return f("boilerplate", Scope::Line);
    }
    if words <= 20 && is_feedback_question(k) {
        return f("boilerplate", Scope::Line);
    }
    if is_translation_service_notice(k) {
        return f("notice", Scope::Line);
    }
    if line.contains("%%") {
        // a template's placeholder left in the page ("%%#6a762a%%accent-1%%")
        return f("boilerplate", Scope::Line);
    }
    if words <= 6 && (k.contains("varukorg") || k.contains("ex. moms") || k.contains("inkl. moms")) {
        // a web shop's cart: "artiklar i varukorgen", "kr ( ex. moms )"
        return f("navigation", Scope::Line);
    }
    if words <= 3 && (k.starts_with("ikon ") || k.starts_with("icon ")) {
        // an icon's text: "Ikon utropstecken"
        return f("image", Scope::Line);
    }
    if words <= 10 && (k.contains("min läsning") || k.contains("min read") || k.starts_with("lästid")) {
        // reading time: "i Category: Nyheter | 1 min läsning"
        return f("boilerplate", Scope::Line);
    }
    if words <= 6
        && ["använd vår mobilapp", "ladda ner vår app", "ladda ned vår app", "ladda ner appen", "ladda ned appen"]
            .iter()
            .any(|p| k.starts_with(p))
    {
        return f("advertisement", Scope::Line);
    }
    if words <= 10 && is_press_contact_title(k) {
        return f("contact", Scope::Line);
    }
    if words <= 8 && k.starts_with("e-post till ") {
        return f("contact", Scope::Line);
    }
    if words <= 8 && is_read_link(line, k) {
        return f("navigation", Scope::Line);
    }
    if words <= 4 && k.starts_with("sök på ") {
        return f("navigation", Scope::Line);
    }
    if words <= 8
        && ["hämta högupplöst", "ladda ner högupplöst", "ladda ned högupplöst"]
            .iter()
            .any(|p| k.starts_with(p))
    {
        return f("navigation", Scope::Line);
    }
    if words <= 8 && k.starts_with("med reservation för ") {
        return f("boilerplate", Scope::Line);
    }
    if [
        "presschef",
        "pressjour",
        "presskontakt",
        "presskontakter",
        "informationsansvarig",
        "pressansvarig",
        "presssekreterare",
        "presstjänst",
    ]
    .contains(&k)
    {
        return f("contact", Scope::Line);
    }
    if words <= 12 && is_bare_contact(line) {
        return f("contact", Scope::Line);
    }
    if words <= 5 && line.split_whitespace().any(is_site_path) {
        return f("navigation", Scope::Line);
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
    None
}

/// A note that the article was first published elsewhere: "Artikeln är
/// bland annat publicerad i Svenska Dagbladet.", "Debattartikeln
/// publicerades i DN den 3 maj." (`k`: the line's key, lowercased).
fn is_republication_note(k: &str) -> bool {
    ["artikeln ", "debattartikeln ", "texten ", "krönikan ", "inlägget "]
        .iter()
        .any(|p| k.starts_with(p))
        && (k.contains("publicerad i ")
            || k.contains("publicerades i ")
            || k.contains("har tidigare varit"))
}

/// A page's feedback question: "Hjälpte informationen på sidan dig?",
/// "Var sidan till hjälp?", with its thanks glued on or not.
fn is_feedback_question(k: &str) -> bool {
    [
        "hjälpte informationen",
        "hjälpte sidan dig",
        "var sidan till hjälp",
        "var informationen till hjälp",
        "var informationen på sidan till hjälp",
        "hittade du det du letade efter",
        "hittade du det du sökte",
        "fick du svar på din fråga",
    ]
    .iter()
    .any(|p| k.starts_with(p))
}

/// A press contact's title line in a contact block: "Pressekreterare hos
/// utrikesminister Ann Linde", "Politiskt sakkunnig hos
/// socialtjänstministern" (`k`: the line's key, lowercased).
fn is_press_contact_title(k: &str) -> bool {
    [
        "pressekreterare hos",
        "presssekreterare hos",
        "politiskt sakkunnig hos",
        "sakkunnig hos",
        "presschef hos",
        "stabschef hos",
    ]
    .iter()
    .any(|p| k.starts_with(p))
}

/// A link line that says "read": "Läs Riksarkivets inspel", "Läs
/// regeringens pressmeddelande om utredningen", "Läs rapporten (pdf)": no
/// sentence, a document or page named after "Läs".
fn is_read_link(line: &str, k: &str) -> bool {
    k.starts_with("läs ")
        && !line.trim_end().ends_with(['.', '!', '?', ':'])
        && !k.starts_with("läs mer om hur")
        && k.split_whitespace().nth(1).is_some_and(|w| {
            w.ends_with('s')
                || matches!(
                    w,
                    "rapporten" | "beslutet" | "pressmeddelandet" | "hela" | "inspelet" | "remissvaret" | "yttrandet" | "protokollet"
                )
        })
}

/// A notice about machine translation of the site, in English or Swedish
/// ("If you want to access the information in languages other than
/// Swedish, you as a visitor can use external services to translate the
/// content.", "Google translate Karlstad.se"): it names translation and
/// Google, a translation service or other languages (`k`: the line's key,
/// lowercased).
fn is_translation_service_notice(k: &str) -> bool {
    let service = k.contains("google") || k.contains("external service") || k.contains("extern");
    (k.contains("translat") && (service || k.contains("other languages")))
        || (k.contains("översätt") && service)
}

/// A line of contact details and nothing else: phone numbers, e-mail
/// addresses (also spelt out: "snabela", "snabel-a") and their labels
/// ("070-215 13 02", "E-post:", "010- 205 21 00, media@myndigheten.se").
fn is_bare_contact(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "telefon", "tel", "tfn", "mobil", "mobilnummer", "telefonnummer", "e-post", "epost", "mejl",
        "e-postadress", "växel", "växeln", "fax", "och", "eller", "alt", "el",
    ];
    let spelt_out = line.contains("snabela") || line.contains("snabel-a");
    let rest = EMAIL.replace_all(line, " ");
    let rest = PHONE.replace_all(&rest, " ");
    let had_details = spelt_out || rest.len() + 4 < line.len();
    let words: Vec<String> = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect();
    if spelt_out {
        return words.len() <= 12;
    }
    let only_labels = words.iter().all(|w| LABELS.contains(&w.as_str()));
    // a number the phone pattern missed ("010- 205 21 00"): six digits or
    // more, starting with 0 or +
    let number = rest
        .split(|c: char| c.is_alphabetic())
        .any(|part| {
            let p = part.trim_matches(|c: char| !(c.is_ascii_digit() || c == '+'));
            (p.starts_with('0') || p.starts_with('+'))
                && p.chars().filter(char::is_ascii_digit).count() >= 6
                && p.chars().all(|c| c.is_ascii_digit() || " -+()".contains(c))
        });
    only_labels
        && (had_details || number || (!words.is_empty() && line.trim_end().ends_with(':')))
}

/// A site's internal path printed as text ("/globalnavigation/closemenu").
fn is_site_path(w: &str) -> bool {
    w.len() > 3
        && w.starts_with('/')
        && w[1..].contains('/')
        && w.chars().all(|c| c.is_ascii_alphanumeric() || "/-_.".contains(c))
}

/// The heading of a list of links to more pages: "Mer från Kultur", "Mer
/// om skolan", "Mest lästa idag", or "Fler" and a kind of page ("Fler
/// nyheter", "Fler debattartiklar", "Fler pressmeddelanden från
/// regionen"). "Fler examensrättigheter" is a subheading.
pub fn is_more_links(k: &str) -> bool {
    const KINDS: &[&str] = &[
        "nyheter",
        "artiklar",
        "pressmeddelanden",
        "inlägg",
        "reportage",
        "krönikor",
        "avsnitt",
        "poddar",
        "filmer",
        "videor",
        "evenemang",
        "händelser",
        "notiser",
        "bilder",
        "sidor",
        "länkar",
        "jobb",
        "tjänster",
        "ämnen",
        "nyhetsbrev",
        "erbjudanden",
    ];
    if ["mer från ", "mer om ", "mest lästa ", "senaste nytt "]
        .iter()
        .any(|p| k.starts_with(p))
    {
        return true;
    }
    k.strip_prefix("fler ").is_some_and(|rest| {
        rest.split_whitespace()
            .next()
            .is_some_and(|w| KINDS.iter().any(|kind| w.ends_with(kind)))
    })
}

/// Whole lines from the look-up lists: navigation, advertisement and
/// cookie buttons; cookie notices; newsletter sign-ups.
fn list_rules(k: &str, words: usize) -> Option<Furniture> {
    if NAV_EXACT.contains(&k) {
        return f("navigation", Scope::Line);
    }
    if ADVERT.contains(&k) {
        return f("advertisement", Scope::Line);
    }
    if COOKIE_EXACT.contains(&k) {
        return f("cookie", Scope::Line);
    }
    if words <= 80
        && (k.contains("cookie") || k.contains("kakor") || k.contains("kakan"))
        && (k.contains("använder")
            || k.contains("godkänn")
            || k.contains("acceptera")
            || k.contains("inställning")
            || k.contains("samtycke")
            || k.contains("placera")
            || k.contains("sätta")
            || k.contains("lagra")
            || k.contains("sparas")
            || k.contains("webbplats")
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
    None
}

/// Copyright lines, the start of a press contact block, breadcrumbs.
fn copyright_and_contact_rules(line: &str, k: &str, words: usize) -> Option<Furniture> {
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

/// Furniture by its shape rather than its words: skip links, page status
/// notices, player buttons and durations, counters, share rows, file
/// names and media ids, icon and logo texts, empty date labels, genre
/// labels, dates under a label, letter closings. Each rule is one function
/// below; `k` is the line's key (lowercased, final colon and arrows off).
fn shape_rules(line: &str, k: &str, words: usize) -> Option<Furniture> {
    if is_skip_link(k, words) || is_player(k, words) || is_share_row(k, words) {
        return f("navigation", Scope::Line);
    }
    if is_read_more_link(k, words) {
        return f("navigation", Scope::Line);
    }
    if is_page_notice(k, words) {
        return f("notice", Scope::Line);
    }
    if is_genre_label(k) {
        return f("navigation", Scope::Line);
    }
    if is_counter(k, words) {
        return f("boilerplate", Scope::Line);
    }
    if is_file_name(line) || is_icon_or_logo(k, words) {
        return f("image", Scope::Line);
    }
    if is_empty_date_label(k) || is_labelled_date(line) {
        return f("date", Scope::Line);
    }
    if is_closing(k, words) {
        return f("byline", Scope::Tail);
    }
    if is_tail_heading(k) {
        return f("navigation", Scope::Tail);
    }
    if words <= 4 && k.ends_with(" kontakta oss") {
        return f("contact", Scope::Contact);
    }
    service_rules(line, k, words)
}

/// More furniture by shape: separator lines, back-to-top and language
/// links, English interface words, links to media and documents, archive
/// labels, picture captions by their position words, notices repeated in
/// English, and contact entries.
fn service_rules(line: &str, k: &str, words: usize) -> Option<Furniture> {
    if is_separator(line) {
        return f("boilerplate", Scope::Line);
    }
    if is_back_link(k, words)
        || is_language_link(k, words)
        || is_interface_english(k, words)
        || is_media_link(line, words)
        || is_imperative_link(k, words)
        || is_archive_label(k)
        || is_you_are_here(k, words)
    {
        return f("navigation", Scope::Line);
    }
    if is_caption_label(k, words) {
        return f("image", Scope::Line);
    }
    if is_page_owner(k, words) || is_page_contents(k, words) {
        return f("boilerplate", Scope::Line);
    }
    if is_translated_notice(line, words) {
        return f("notice", Scope::Line);
    }
    if is_contact_entry(line, words) {
        return f("contact", Scope::Line);
    }
    None
}

/// A line of only punctuation and symbols (`-----`, `* * *`, `___`): a
/// separator drawn between parts of the page.
pub fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 3 && t.chars().all(|c| !c.is_alphanumeric())
}

/// A link back to the top or the start of the page: "Tillbaka till
/// toppen", "Till toppen av sidan", "Upp till toppen", "Back to top".
pub fn is_back_link(k: &str, words: usize) -> bool {
    words <= 5
        && !k.ends_with(['.', '!', '?'])
        && ["tillbaka", "till", "upp", "åter", "back", "go", "to"]
            .iter()
            .any(|p| k.split_whitespace().next() == Some(p))
        && [
            "toppen",
            "top",
            "början",
            "sidans topp",
            "startsidan",
            "start",
        ]
        .iter()
        .any(|e| k.ends_with(e) || k.contains(&format!("{e} av sidan")))
}

/// A link to the page in another language: "In English below", "Read in
/// English", "This page in English", "På svenska", "English version".
pub fn is_language_link(k: &str, words: usize) -> bool {
    const LANGUAGES: &[&str] = &[
        "english", "engelska", "svenska", "swedish", "suomeksi", "finska", "arabiska",
    ];
    const AROUND: &[&str] = &[
        "in",
        "på",
        "below",
        "nedan",
        "read",
        "läs",
        "this",
        "page",
        "denna",
        "den",
        "här",
        "sida",
        "sidan",
        "version",
        "the",
        "here",
        "text",
        "texten",
        "lättläst",
    ];
    words <= 5
        && !k.ends_with(['.', '!', '?'])
        && k.split_whitespace().any(|w| LANGUAGES.contains(&w))
        && k.split_whitespace()
            .all(|w| LANGUAGES.contains(&w) || AROUND.contains(&w))
}

/// A short line made only of the English words of a web page's
/// interface ("Report this content", "Read more", "Share this page",
/// "Back to top"): Swedish pages carry them from their publishing
/// service.
pub fn is_interface_english(k: &str, words: usize) -> bool {
    const UI: &[&str] = &[
        "report",
        "this",
        "content",
        "read",
        "more",
        "share",
        "print",
        "follow",
        "subscribe",
        "download",
        "back",
        "to",
        "top",
        "skip",
        "main",
        "close",
        "menu",
        "search",
        "home",
        "next",
        "previous",
        "show",
        "all",
        "page",
        "article",
        "us",
        "on",
        "view",
        "comments",
        "comment",
        "sign",
        "up",
        "log",
        "in",
        "out",
        "contact",
        "cookie",
        "cookies",
        "accept",
        "settings",
        "images",
        "image",
        "press",
        "release",
        "releases",
        "related",
        "news",
        "latest",
        "link",
        "copy",
        "email",
        "send",
        "listen",
        "play",
        "video",
    ];
    (2..=5).contains(&words)
        && k.split_whitespace().all(|w| UI.contains(&w))
        && k.split_whitespace()
            .any(|w| !matches!(w, "this" | "to" | "on" | "in" | "up" | "us" | "all"))
}

/// A link to a recording or a document under its medium's label: "Webb-tv:
/// Talmannens tal vid inledningen", "Video: Så bygger vi", "Pdf:
/// Årsredovisning 2024" (a short title after the label, no sentence).
pub fn is_media_link(line: &str, words: usize) -> bool {
    const MEDIA: &[&str] = &[
        "webb-tv",
        "webbtv",
        "video",
        "film",
        "filmklipp",
        "ljud",
        "ljudfil",
        "podd",
        "podcast",
        "bildspel",
        "pdf",
        "webbsändning",
        "inspelning",
        "livesändning",
        "youtube",
        "se filmen",
        "se klippet",
        "lyssna",
        "ladda ner",
    ];
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    let label = label.trim().to_lowercase();
    words <= 15
        && MEDIA.contains(&label.as_str())
        && !rest.trim().is_empty()
        && !rest.trim_end().ends_with(['.', '!', '?'])
}

/// A link written as an order to read or see something: "Se utskottets
/// sammanträdestider.", "Läs ärende 5. Fördelning av statsbidrag …",
/// "Läs beslutet". Short, and no advice ("Se till att …", "Se över …").
pub fn is_imperative_link(k: &str, words: usize) -> bool {
    const DOCUMENTS: &[&str] = &[
        "ärende",
        "ärendet",
        "beslut",
        "beslutet",
        "protokoll",
        "protokollet",
        "rapport",
        "rapporten",
        "utredning",
        "utredningen",
        "remissvar",
        "remissvaret",
        "yttrande",
        "yttrandet",
        "svar",
        "svaret",
        "dokument",
        "dokumentet",
        "broschyr",
        "broschyren",
        "anförande",
        "anförandet",
        "talet",
        "motion",
        "motionen",
        "skrivelse",
        "skrivelsen",
        "förslag",
        "förslaget",
        "kallelse",
        "kallelsen",
        "handlingar",
        "handlingarna",
        "dagordning",
        "dagordningen",
        "pressmeddelande",
        "pressmeddelandet",
        "intervju",
        "intervjun",
        "artikel",
        "artikeln",
        "programmet",
        "planen",
        "sammanfattning",
        "sammanfattningen",
        "fullständiga",
        "hela",
    ];
    let ws: Vec<&str> = k.split_whitespace().collect();
    match ws.as_slice() {
        ["läs", second, ..] => {
            words <= 15 && DOCUMENTS.contains(&second.trim_end_matches([',', '.']))
        }
        ["se", second, ..] => {
            words <= 6
                && !k.ends_with(['!', '?', ','])
                && !matches!(
                    *second,
                    "till"
                        | "över"
                        | "upp"
                        | "fram"
                        | "ut"
                        | "efter"
                        | "om"
                        | "på"
                        | "här"
                        | "det"
                        | "den"
                        | "vad"
                        | "hur"
                        | "när"
                        | "var"
                        | "även"
                )
        }
        _ => false,
    }
}

/// A month or a year alone on its line, or the two together ("maj", "2018",
/// "maj 2018"): the labels of a news archive's navigation.
pub fn is_archive_label(k: &str) -> bool {
    let ws: Vec<&str> = k.split_whitespace().collect();
    let year = |w: &str| {
        w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
    };
    match ws.as_slice() {
        [m] => super::dates::MONTHS_SV.contains(m) || year(m),
        [m, y] => super::dates::MONTHS_SV.contains(m) && year(y),
        _ => false,
    }
}

/// A breadcrumb trail under its label: "Du är här: Start / Nyheter / …".
pub fn is_you_are_here(k: &str, words: usize) -> bool {
    words <= 25
        && [
            "du är här",
            "du befinner dig här",
            "du befinner dig på",
            "här är du",
        ]
        .iter()
        .any(|p| k.starts_with(p))
}

/// The line that names who answers for the page: "Sidansvarig: Robert
/// Karlsson", "Webbredaktör: …", "Innehållsansvarig: …", "Ansvarig för
/// sidan: …".
pub fn is_page_owner(k: &str, words: usize) -> bool {
    words <= 12
        && [
            "sidansvarig",
            "sidans ägare",
            "webbredaktör",
            "webbansvarig",
            "innehållsansvarig",
            "ansvarig för sidan",
            "ansvarig för innehållet",
            "sidan ägs av",
            "redaktör för sidan",
            "kontakt för sidan",
            "kontaktperson för sidan",
        ]
        .iter()
        .any(|p| k.starts_with(p))
}

/// A page's table of contents heading or its tag line: "Innehåll på
/// sidan", "På den här sidan", "Hitta på sidan", "Ämnesord: …",
/// "Nyckelord: …".
pub fn is_page_contents(k: &str, words: usize) -> bool {
    let heading = matches!(
        k,
        "innehåll på sidan"
            | "på den här sidan"
            | "på denna sida"
            | "hitta på sidan"
            | "innehåll på denna sida"
            | "sidans innehåll"
            | "genvägar"
            | "snabblänkar"
    );
    let tags = words <= 20
        && [
            "ämnesord:",
            "nyckelord:",
            "sökord:",
            "tags:",
            "etiketter:",
            "ämnesområden:",
        ]
        .iter()
        .any(|p| k.starts_with(p));
    heading || tags
}

/// A picture's caption that names who stands where: "Från vänster: Anna
/// Ek, Per Berg …", "På bild: Marina Klinthammar, undersköterska", "I
/// mitten: …", "Fr v: …" (position words and a colon first).
pub fn is_caption_label(k: &str, words: usize) -> bool {
    const LABELS: &[&str] = &[
        "från vänster",
        "från höger",
        "fr v",
        "fr.v",
        "fr. v",
        "fr h",
        "på bild",
        "på bilden",
        "på fotot",
        "i bild",
        "i bilden",
        "i mitten",
        "bilden",
        "bildtext",
        "överst",
        "nederst",
        "t.v",
        "t.h",
    ];
    let Some((label, rest)) = k.split_once(':') else {
        return false;
    };
    words <= 40 && LABELS.contains(&label.trim().trim_end_matches('.')) && !rest.trim().is_empty()
}

/// A notice that says the same in Swedish and then in English (and
/// perhaps more languages): "Det råder eldningsförbud i länet. Currently
/// there is a fire ban …". Articles do not translate themselves within a
/// paragraph; a site's alert banners do.
pub fn is_translated_notice(line: &str, words: usize) -> bool {
    const ENGLISH: &[&str] = &[
        "the",
        "is",
        "there",
        "are",
        "this",
        "of",
        "and",
        "currently",
        "throughout",
        "please",
        "will",
        "be",
        "has",
        "have",
        "with",
        "for",
        "you",
        "your",
        "our",
        "we",
    ];
    if !(8..=80).contains(&words) {
        return false;
    }
    // the first sentence Swedish, a later one English
    let Some((first, rest)) = line.split_once(". ") else {
        return false;
    };
    let english = |t: &str| {
        let ws: BTreeSet<String> = t
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        ws.iter().filter(|w| ENGLISH.contains(&w.as_str())).count()
    };
    let swedish = first.split_whitespace().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "det" | "är" | "och" | "att" | "i" | "av" | "för" | "råder" | "på"
        )
    });
    swedish && english(first) == 0 && english(rest) >= 3
}

/// A contact entry wherever it stands: a phone number or an e-mail
/// address after a person's name or a contact label ("För kommentarer:
/// Anneli Almérus, analytiker, 010-487 67 05", "Anna Berg, 070-123 45
/// 67"), at most 25 words. A sentence that gives a number ("Ring
/// 08-123 45 67 om du har frågor.") is not one.
pub fn is_contact_entry(line: &str, words: usize) -> bool {
    if words > 25 || !(PHONE.is_match(line) || EMAIL.is_match(line)) {
        return false;
    }
    let head = line
        .split([',', ':', '(', '–'])
        .next()
        .unwrap_or(line)
        .trim();
    let label = head.to_lowercase();
    const CONTACT_WORDS: &[&str] = &[
        "kontakt",
        "fråg",
        "kommentar",
        "information",
        "press",
        "upplysning",
        "telefon",
        "tel",
        "mobil",
        "e-post",
        "mejl",
        "växel",
        "tfn",
    ];
    let labelled = line.contains(':')
        && count_words(head, 6) <= 5
        && CONTACT_WORDS.iter().any(|w| label.contains(w));
    labelled || super::byline::is_person_name(head)
}

/// The words of `k` without separators (`-`, `•`, `|`, ...).
fn key_words(k: &str) -> impl Iterator<Item = &str> {
    k.split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '•' | '|' | '·' | ':'))
        .filter(|w| !w.is_empty())
}

/// A skip link or a link to another site section: "Gå direkt till
/// innehåll", "Hoppa till huvudinnehållet", "Skip to main content", "Gå
/// till eugreenalliance".
pub fn is_skip_link(k: &str, words: usize) -> bool {
    words <= 6
        && !k.ends_with(['.', '!', '?'])
        && [
            "gå till ",
            "gå direkt till ",
            "hoppa till ",
            "hoppa direkt till ",
            "hoppa över ",
            "direkt till ",
            "skip to ",
            "jump to ",
        ]
        .iter()
        .any(|p| k.starts_with(p))
}

/// A line that speaks about the page itself, not about the world: an
/// archive or status notice ("Denna nyhet är äldre än 6 månader",
/// "Innehållet publicerades under perioden …", "Artikeln uppdaterades …",
/// "Statsråd på denna sida som har bytt ansvarsområde", "Nyheten har
/// passerat sitt bäst före-datum", "Det talade ordet gäller"). Shape: the
/// page named by a pointing phrase, and a status said of it.
pub fn is_page_notice(k: &str, words: usize) -> bool {
    if words > LONG_LINE_WORDS {
        return false;
    }
    const PAGE: &[&str] = &[
        "denna nyhet",
        "den här nyheten",
        "nyheten har",
        "nyheten är",
        "denna artikel",
        "den här artikeln",
        "artikeln är",
        "artikeln uppdaterades",
        "artikeln publicerades",
        "artikeln har",
        "denna sida",
        "den här sidan",
        "sidan är",
        "sidan har",
        "innehållet publicerades",
        "innehållet på denna",
        "innehållet på den här",
        "innehållet är",
        "detta pressmeddelande",
        "det här pressmeddelandet",
        "pressmeddelandet är",
        "denna text",
        "det talade ordet",
    ];
    const STATUS: &[&str] = &[
        "äldre än",
        "inte aktuell",
        "inte längre",
        "publicerades",
        "uppdaterades",
        "arkiv",
        "bäst före",
        "entledigats",
        "bytt ansvarsområde",
        "har avgått",
        "gäller",
        "under perioden",
    ];
    PAGE.iter().any(|p| k.contains(p)) && STATUS.iter().any(|s| k.contains(s))
}

/// A notice about the web site itself: planned work, disturbances, an
/// unsupported browser ("Planerat tekniskt arbete på webbplatsen", "Denna
/// webbplats använder teknik som troligen inte stöds i din webbläsare").
/// Articles can be about a web site, so this holds only above the title.
pub fn is_site_notice(line: &str) -> bool {
    let k = key(line);
    count_words(&k, 46) <= 45
        && [
            "webbplatsen",
            "webbplats ",
            "din webbläsare",
            "er webbläsare",
            "webbsidan",
            "javascript",
            "e-tjänster",
        ]
        .iter()
        .any(|p| k.contains(p))
        && [
            "tekniskt arbete",
            "störning",
            "underhåll",
            "inte stöds",
            "webbläsare",
            "driftstopp",
            "ur funktion",
            "avstängt",
            "avaktiverat",
            "aktivera javascript",
            "felsökning pågår",
        ]
        .iter()
        .any(|s| k.contains(s))
}

/// Media player furniture: a duration ("2:17 min", "03:45", "Längd: 12
/// min", "Lästid 3 minuter") or a player button ("Spela upp", "Pausa",
/// "Lyssna på artikeln", "Se video", "Ladda ner bild").
pub fn is_player(k: &str, words: usize) -> bool {
    if words > 5 {
        return false;
    }
    let rest = ["längd", "speltid", "lästid", "tid"]
        .iter()
        .find_map(|p| k.strip_prefix(p))
        .map_or(k, |r| r.trim_start_matches([':', ' ']));
    if is_duration(rest) {
        return true;
    }
    const BUTTONS: &[&str] = &[
        "spela",
        "spela upp",
        "spela upp video",
        "spela upp ljud",
        "spela video",
        "pausa",
        "paus",
        "stoppa",
        "lyssna",
        "se video",
        "se klippet",
        "se filmen",
        "visa video",
        "ladda ner",
        "ladda ned",
        "ladda ner bild",
        "ladda ned bild",
        "ladda ner bilden",
        "ladda ner pdf",
        "förstora bild",
        "förstora bilden",
        "helskärm",
        "ljud av",
        "ljud på",
        "undertexter",
    ];
    if BUTTONS.contains(&k) {
        return true;
    }
    ["lyssna på ", "spela upp "]
        .iter()
        .any(|p| k.starts_with(p))
        && words <= 4
}

/// `2:17`, `02:17 min`, `1:02:17`, `12 min`, `3 minuter`, `45 sek`.
fn is_duration(t: &str) -> bool {
    let mut parts = t.split_whitespace();
    let Some(first) = parts.next() else {
        return false;
    };
    let unit = parts.next();
    if parts.next().is_some() {
        return false;
    }
    let clock = {
        let fields: Vec<&str> = first.split(':').collect();
        (2..=3).contains(&fields.len())
            && fields[0].len() <= 2
            && fields
                .iter()
                .all(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
            && fields[1..].iter().all(|f| f.len() == 2)
    };
    let number = first.bytes().all(|b| b.is_ascii_digit()) && first.len() <= 3;
    let unit_ok = |u: &str| {
        matches!(
            u,
            "min" | "min." | "minuter" | "minut" | "sek" | "sek." | "sekunder" | "s" | "tim"
        )
    };
    match unit {
        None => clock,
        Some(u) => (clock || number) && unit_ok(u),
    }
}

/// A counter: "Sedd av 120", "Läst 1 234 gånger", "120 visningar",
/// "Antal visningar: 56", "3 kommentarer", "12 gilla-markeringar".
pub fn is_counter(k: &str, words: usize) -> bool {
    if words > 6 || !k.bytes().any(|b| b.is_ascii_digit()) || k.ends_with(['.', '!', '?']) {
        return false;
    }
    const COUNTED: &[&str] = &[
        "sedd",
        "sedda",
        "sett",
        "visad",
        "visningar",
        "visning",
        "läst",
        "lästs",
        "läsningar",
        "gånger",
        "kommentarer",
        "kommentar",
        "delningar",
        "delad",
        "gillar",
        "gilla-markeringar",
        "gilla",
        "views",
        "likes",
        "antal",
    ];
    // every word is a number or a counted word (or "av"), one of each
    key_words(k).any(|w| COUNTED.contains(&w))
        && key_words(k).all(|w| {
            w.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
                || COUNTED.contains(&w)
                || w == "av"
        })
}

/// A share or print row: a short line of sharing verbs and network names
/// ("Dela med dig", "Dela på Facebook", "Facebook LinkedIn E-post", "Skriv
/// ut sidan", "Tipsa en vän").
pub fn is_share_row(k: &str, words: usize) -> bool {
    if words > 6 || k.ends_with(['.', '!', '?', ',']) {
        return false;
    }
    if [
        "dela ",
        "tipsa ",
        "skriv ut ",
        "mejla ",
        "e-posta ",
        "skicka till ",
        "share ",
    ]
    .iter()
    .any(|p| k.starts_with(p))
        && words <= 4
    {
        return true;
    }
    const NETWORKS: &[&str] = &[
        "facebook",
        "linkedin",
        "twitter",
        "x",
        "instagram",
        "youtube",
        "e-post",
        "mejla",
        "e-posta",
        "skriv",
        "ut",
        "dela",
        "kopiera",
        "länk",
        "messenger",
        "whatsapp",
    ];
    words >= 2
        && k.split([' ', '|', '·', '•'])
            .filter(|w| !w.is_empty())
            .all(|w| NETWORKS.contains(&w))
}

/// A link to read on: "Läs hela artikeln …", "Läs mer på: www.…", "Läs mer
/// om …", "Läs mer här".
pub fn is_read_more_link(k: &str, words: usize) -> bool {
    words <= 15
        && [
            "läs hela ",
            "läs mer på",
            "läs mer om ",
            "läs mer här",
            "läs mer hos ",
            "läs pressmeddelandet",
            "läs rapporten",
            "läs artikeln",
        ]
        .iter()
        .any(|p| k.starts_with(p))
}

/// An image file name or media id on its own line: `20931177-torget-vinter-3.jpg`,
/// `IMG_2034.JPG`, `DSC_0042`, `bild.png`.
pub fn is_file_name(line: &str) -> bool {
    let t = line.trim();
    if t.contains(char::is_whitespace) || t.len() > 120 {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    const EXT: &[&str] = &[
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".tif", ".tiff", ".heic", ".bmp", ".mp4",
        ".mov", ".mp3", ".pdf", ".docx", ".doc", ".xlsx", ".pptx",
    ];
    if let Some(ext) = EXT.iter().find(|e| lower.ends_with(*e)) {
        let stem = &lower[..lower.len() - ext.len()];
        return !stem.is_empty()
            && stem
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '(' | ')'));
    }
    // camera ids: IMG_2034, DSC_0042, DSCN1234, P1040123
    ["img_", "img-", "dsc_", "dscn", "dsc-", "_mg_"]
        .iter()
        .any(|p| {
            lower.starts_with(p)
                && lower[p.len()..].bytes().all(|b| b.is_ascii_digit())
                && lower.len() > p.len() + 2
        })
}

/// An icon's or a logo's alternative text: one word ending in `ikon` or
/// `icon` ("Telefonikon"), or a genitive before `logotyp`, `logga` or
/// `logo` ("Svalövs kommuns logotyp "Boet"").
pub fn is_icon_or_logo(k: &str, words: usize) -> bool {
    if words == 1 {
        let w = k.trim_end_matches(['.', ':']);
        return w.chars().count() > 5 && ["ikon", "ikonen", "icon"].iter().any(|e| w.ends_with(e));
    }
    if words > 6 {
        return false;
    }
    let ws: Vec<&str> = k.split_whitespace().collect();
    ws.windows(2).any(|p| {
        matches!(
            p[1].trim_end_matches(['.', ',']),
            "logotyp" | "logga" | "logo" | "logotype"
        ) && (p[0].ends_with('s') || p[0].ends_with(":s"))
    }) || matches!(ws[0], "logotyp" | "logga" | "logo" | "logotype")
}

/// The words that label a date line (`Publicerad:`, `Senast uppdaterad`).
const DATE_LABELS: &[&str] = &[
    "publicerad",
    "publicerat",
    "publiceringsdatum",
    "publiceringsdag",
    "publiceras",
    "uppdaterad",
    "uppdaterat",
    "uppdaterades",
    "publicerades",
    "senast",
    "ändrad",
    "ändrades",
    "granskad",
    "datum",
    "sidan",
    "den",
];

/// A date label without its date (the page's script filled it in, the
/// scrape did not): "Publicerad", "Publiceringsdatum:", "Senast
/// uppdaterad:", "Publicerad: Uppdaterad:".
pub fn is_empty_date_label(k: &str) -> bool {
    let mut any = false;
    for w in key_words(k) {
        if !DATE_LABELS.contains(&w) {
            return false;
        }
        any = true;
    }
    any && !matches!(k, "den" | "sidan" | "senast" | "datum")
}

/// A date under a label that says when something other than the page was
/// done: "Skickades in: 2021-07-07", "Svarade:2021-09-16", "Inkom: 3 mars
/// 2024" (one to three label words with a past tense or participle, a
/// colon, a full date and nothing else but a time). Not "Dag: 27 juni"
/// in an invitation, which is body text.
pub fn is_labelled_date(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    let label_words = label.split_whitespace().count();
    if !(1..=3).contains(&label_words)
        || !label
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || c == '-')
    {
        return false;
    }
    let lower = label.trim().to_lowercase();
    // labels the byline parser reads (their dates are the page's)
    if lower.split_whitespace().any(|w| DATE_LABELS.contains(&w)) {
        return false;
    }
    let done = |w: &str| {
        w == "inkom"
            || w.chars().count() >= 5
                && ["ades", "ade", "ad", "at", "des", "tes"]
                    .iter()
                    .any(|e| w.ends_with(e))
    };
    if !lower.split_whitespace().any(done) {
        return false;
    }
    let rest = rest.trim();
    let dates = super::dates::find_dates(rest, None);
    let Some(d) = dates.first() else {
        return false;
    };
    let after = rest[d.end..].trim();
    d.start == 0
        && d.iso.is_some()
        && (after.is_empty()
            || after
                .trim_start_matches(|c: char| c == ',' || c.is_whitespace())
                .trim_start_matches("kl.")
                .trim_start_matches("kl")
                .trim()
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.')))
}

/// A genre or section label alone on its line: "Pressmeddelande -",
/// "Pressmeddelanden", "Aktuellt", "Nyhet".
pub fn is_genre_label(k: &str) -> bool {
    const GENRES: &[&str] = &[
        "pressmeddelande",
        "pressmeddelanden",
        "pressinbjudan",
        "nyhet",
        "nyheter",
        "aktuellt",
        "notis",
        "debatt",
        "krönika",
        "ledare",
        "reportage",
        "intervju",
        "nyhetsartikel",
        "artikel",
        "blogg",
        "blogginlägg",
    ];
    let mut n = 0;
    for w in key_words(k) {
        if !GENRES.contains(&w) {
            return false;
        }
        n += 1;
    }
    (1..=2).contains(&n)
}

/// A letter's closing that starts its signature: "Vänliga hälsningar,",
/// "Med vänlig hälsning", "Hälsningar", "Mvh".
pub fn is_closing(k: &str, words: usize) -> bool {
    let k = k.trim_end_matches([',', '!']);
    words <= 4
        && matches!(
            k,
            "vänliga hälsningar"
                | "vänlig hälsning"
                | "med vänlig hälsning"
                | "med vänliga hälsningar"
                | "bästa hälsningar"
                | "hälsningar"
                | "hälsning"
                | "mvh"
                | "allt gott"
        )
}

/// Headings of what follows an article on press pages: link, image and
/// document lists ("Länkar", "Bilder", "Dokument", "Bilagor").
pub fn is_tail_heading(k: &str) -> bool {
    matches!(
        k,
        "länkar"
            | "relaterade länkar"
            | "externa länkar"
            | "bilder"
            | "pressbilder"
            | "bildarkiv"
            | "dokument"
            | "bilagor"
            | "filer"
            | "ladda ner"
            | "nedladdningar"
    )
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

    fn reason(line: &str) -> Option<&'static str> {
        classify(line).map(|f| f.reason)
    }

    #[test]
    fn skip_links() {
        for l in [
            "Gå direkt till innehåll",
            "Skip to main content",
            "Gå till eugreenalliance",
            "Hoppa till huvudinnehållet",
        ] {
            assert_eq!(reason(l), Some("navigation"), "{l}");
        }
        assert!(!is_skip_link("gå till val i höst och rösta på oss.", 8));
    }

    #[test]
    fn page_notices() {
        for l in [
            "Denna nyhet är äldre än 6 månader och är kanske inte aktuell längre.",
            "Innehållet publicerades under perioden 21 januari 2019 och 8 juli 2021",
            "Artikeln uppdaterades 3 mars 2024",
            "Statsråd på denna sida som har bytt ansvarsområde",
            "Nyheten har passerat sitt bäst före-datum",
            "Det talade ordet gäller.",
        ] {
            assert_eq!(reason(l), Some("notice"), "{l}");
        }
        assert_eq!(
            reason("Nyheten om skolan har spridits snabbt i kommunen."),
            None
        );
        assert!(is_site_notice("Planerat tekniskt arbete på webbplatsen"));
        assert!(is_site_notice(
            "Denna webbplats använder teknik som troligen inte stöds i din webbläsare."
        ));
        assert!(!is_site_notice(
            "Kommunen lanserar en ny webbplats för unga."
        ));
    }

    #[test]
    fn player_counters_and_share_rows() {
        for l in [
            "2:17 min",
            "03:45",
            "Längd: 12 min",
            "Spela upp",
            "Lyssna på nyheten",
            "Ladda ner bild",
        ] {
            assert_eq!(reason(l), Some("navigation"), "{l}");
        }
        for l in [
            "Sedd av 120",
            "Läst 1 234 gånger",
            "120 visningar",
            "3 kommentarer",
        ] {
            assert_eq!(reason(l), Some("boilerplate"), "{l}");
        }
        for l in [
            "Dela på Facebook",
            "Dela med dig",
            "Facebook LinkedIn E-post",
        ] {
            assert_eq!(reason(l), Some("navigation"), "{l}");
        }
        assert_eq!(reason("2018-03-26"), None);
        assert_eq!(reason("Klockan 14:30 öppnar mötet."), None);
        assert!(!is_duration("14.30"));
        assert!(is_duration("1:02:17"));
    }

    #[test]
    fn file_names_icons_and_logos() {
        for l in [
            "20931177-torget-vinter-3.jpg",
            "IMG_2034.JPG",
            "DSC_0042",
            "Telefonikon",
        ] {
            assert_eq!(reason(l), Some("image"), "{l}");
        }
        assert_eq!(reason("Svalövs kommuns logotyp \"Boet\"."), Some("image"));
        assert_eq!(reason("Kommunen har fått en ny logotyp."), None);
        assert!(!is_file_name("www.kommun.se"));
    }

    #[test]
    fn date_labels_genres_closings_and_tail_headings() {
        for l in [
            "Publicerad",
            "Publiceringsdatum:",
            "Senast uppdaterad:",
            "Publicerad: Uppdaterad:",
        ] {
            assert_eq!(reason(l), Some("date"), "{l}");
        }
        assert!(is_labelled_date("Skickades in: 2021-07-07"));
        assert!(is_labelled_date("Svarade:2021-09-16"));
        assert!(!is_labelled_date("Dag: torsdag 27 juni"));
        assert!(!is_labelled_date("Publicerad: 2013-06-11 15:13:00"));
        for l in ["Pressmeddelande -", "Pressmeddelanden", "Aktuellt"] {
            assert_eq!(reason(l), Some("navigation"), "{l}");
        }
        assert_eq!(
            classify("Vänliga hälsningar,").map(|f| f.scope),
            Some(Scope::Tail)
        );
        assert_eq!(classify("Länkar").map(|f| f.scope), Some(Scope::Tail));
        assert_eq!(
            classify("Eller kontakta oss").map(|f| f.scope),
            Some(Scope::Contact)
        );
        assert_eq!(
            reason("Läs hela artikeln GD tar kritik på allvar"),
            Some("navigation")
        );
    }

    #[test]
    fn more_links_need_a_kind_of_page() {
        assert_eq!(classify("Fler nyheter").map(|f| f.scope), Some(Scope::Tail));
        assert_eq!(
            classify("Fler pressmeddelanden från regionen").map(|f| f.scope),
            Some(Scope::Tail)
        );
        assert_eq!(
            classify("Fler debattartiklar").map(|f| f.scope),
            Some(Scope::Tail)
        );
        assert_eq!(classify("Fler examensrättigheter"), None);
        assert_eq!(classify("Fler platser i förskolan"), None);
    }

    #[test]
    fn separators_back_links_and_languages() {
        for l in ["-----------", "* * *", "___"] {
            assert_eq!(reason(l), Some("boilerplate"), "{l}");
        }
        for l in [
            "Tillbaka till toppen",
            "Till toppen av sidan",
            "Upp till toppen",
            "Back to top",
            "In English below",
            "Read in English",
            "Report this content",
            "Read more",
        ] {
            assert_eq!(reason(l), Some("navigation"), "{l}");
        }
        assert_eq!(reason("Till toppen av berget går en stig."), None);
        assert_eq!(reason("Kurser på engelska"), None);
        assert!(!is_interface_english("this is", 2));
    }

    #[test]
    fn links_to_media_documents_and_archives() {
        for l in [
            "Webb-tv: Talmannens tal vid inledningen",
            "Video: Så bygger vi den nya skolan",
            "Se utskottets sammanträdestider.",
            "Läs ärende 5. Fördelning av statsbidrag 2021 - Uppsala kommun",
            "Läs beslutet",
            "maj",
            "2018",
            "Maj 2018",
            "Du är här: Start / Nyheter / Nyheter 2019 / Godkänt",
        ] {
            assert_eq!(reason(l), Some("navigation"), "{l}");
        }
        for l in [
            "Se till att du har rätt adress.",
            "Se över dina rutiner",
            "Läs gärna vidare om hur vi arbetar med skolan i kommunen.",
            "Video: Kommunen filmade hela invigningen.",
            "Maj blir en bra månad",
        ] {
            assert_eq!(classify(l), None, "{l}");
        }
    }

    #[test]
    fn captions_by_their_position_words() {
        for l in [
            "Från vänster: Anna Dahlström, Anders Höglund och Martin som konferencier.",
            "På bild: Marina Klinthammar, undersköterska",
            "Fr v: Per Ek och Eva Ek",
        ] {
            assert_eq!(reason(l), Some("image"), "{l}");
        }
        assert_eq!(
            reason("– Vi är glada, säger från vänster Tina Berg och Erika Ek."),
            None
        );
    }

    #[test]
    fn notices_repeated_in_english() {
        assert_eq!(
            reason(
                "• Det råder eldningsförbud i länet från och med klockan 12 den 24 juni. \
                 Currently there is a fire ban throughout the county."
            ),
            Some("notice")
        );
        assert_eq!(
            reason(
                "Kommunen deltar i projektet. Projektet heter Leave no one behind och leds av FN."
            ),
            None
        );
    }

    #[test]
    fn page_owners_and_contents() {
        for l in [
            "Sidansvarig: Robert Karlsson",
            "Webbredaktör: Anna Ek",
            "Innehåll på sidan",
            "På den här sidan",
            "Ämnesord: skola, förskola",
        ] {
            assert_eq!(reason(l), Some("boilerplate"), "{l}");
        }
        assert_eq!(reason("På den här sidan av sjön ligger skolan."), None);
    }

    #[test]
    fn contact_entries_anywhere() {
        for l in [
            "För kommentarer: Anneli Almérus, arbetsmarknadsanalytiker, 010-487 67 05",
            "Anna Berg, kommunikatör, 070-123 45 67",
            "Presskontakt: anna.berg@kommun.se",
        ] {
            assert_eq!(reason(l), Some("contact"), "{l}");
        }
        for l in [
            "Ring 08-123 45 67 om du har frågor om skolvalet.",
            "Anmälan görs till skolan@kommun.se senast den 3 maj.",
        ] {
            assert_eq!(classify(l), None, "{l}");
        }
    }

    #[test]
    fn javascript_notices() {
        assert!(is_site_notice(
            "JavaScript är avstängt! För att laholm.se ska fungera korrekt behöver er webbläsare stödja JavaScript."
        ));
    }

    #[test]
    fn an_alert_about_the_site_s_e_services() {
        assert!(is_site_notice(
            "Det är för närvarande störningar på vissa av kommunens e-tjänster. Felsökning pågår."
        ));
    }

    #[test]
    fn republication_notes_feedback_questions_and_site_paths() {
        for line in [
            "Artikeln är bland annat publicerad i Svenska Dagbladet.",
            "Debattartikeln publicerades i Dagens Nyheter den 3 maj 2021.",
            "Hjälpte informationen på sidan dig?Tack för att du hjälper oss!",
            "Var sidan till hjälp?",
            "Favoriter /globalnavigation/closemenu",
            "Vi har placerat cookies på din dator och lagrat ditt IP-nummer för att ge dig en bättre upplevelse av våra webbplatser. Om cookies och personuppgifter",
            "070-215 13 02",
            "If you want to access the information in languages other than Swedish, you as a visitor can use external services to translate the content.",
            "Google translate Karlstad.se",
            "An example of such a service is Google Translate from Google. By you as a visitor using such a function, your visit will be tracked by the external party, for example Google, and more words here.",
            "%%#6a762a%%accent-1%%",
            "Sök på polisen.se",
            "Hämta högupplöst bild på Anders Knape",
            "Med reservation för ändringar och kompletteringar",
            "Presschef",
            "Kontakt för sidan: Kommuncenter",
            "Ikon utropstecken",
            "i Category: Nyheter | 1 min läsning",
            "Använd vår mobilapp",
            "Pressekreterare hos utrikesminister Ann Linde",
            "e-post till Adriana Haxhimustafa, via registrator",
            "Läs Riksarkivets inspel",
            "Läs regeringens pressmeddelande om utredningen",
            "Nyckelord",
            "artiklar i varukorgen",
            "kr ( ex. moms )",
            "Vi skulle vilja sätta lite fler kakor för olika funktioner som hjälper dig som användare.",
            "INNEHÅLL",
            "fornamn.efternamn@kammarkollegiet.se",
            "010- 205 21 00, media@folkhalsomyndigheten.se",
            "Telefon:",
            "E-post:",
            "Margareta punkt Abrahamsson snabela lansstyrelsen punkt se",
        ] {
            assert!(classify(line).is_some(), "{line}");
        }
        for line in [
            "Artikeln i lagen ändrades 2019 efter ett beslut i riksdagen.",
            "Texten har skrivits av elever i årskurs nio.",
            "Priset är 100 kr/st och 50 kr/tim.",
            "Ring 070-215 13 02 om du vill anmäla dig till kursen.",
            "Sök på nytt i höst om du inte kom in.",
            "Kommunen översätter broschyren till andra språk.",
            "Läs gärna vidare i rapporten.",
            "Kommunen lanserar en ny mobilapp för felanmälan i dag.",
            "Telefon",
            "Budgeten för 2024 är 12 miljoner kronor.",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
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
