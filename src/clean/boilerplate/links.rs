//! Links, buttons and menus: skip links, back links, language links,
//! share rows, "Läs mer" links, menu bars and breadcrumbs, media players
//! and counters, a site's internal paths.

use super::*;

/// A link line that says "read": "Läs Riksarkivets inspel", "Läs
/// regeringens pressmeddelande om utredningen", "Läs rapporten (pdf)": no
/// sentence, a document or page named after "Läs".
pub(super) fn is_read_link(line: &str, k: &str) -> bool {
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

/// A site's internal path printed as text ("/globalnavigation/closemenu").
pub(super) fn is_site_path(w: &str) -> bool {
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

/// A line of only punctuation and symbols (`-----`, `* * *`, `___`): a
/// separator drawn between parts of the page.
pub fn is_separator(line: &str) -> bool {
    let t = line.trim();
    // a lone comma or bullet left by a scrape, a list's bare number ("•
    // 1"), a loading indicator ("Laddar...")
    let bullet_number = t.starts_with(['•', '·', '*'])
        && t.chars().count() <= 8
        && t[t.char_indices().nth(1).map_or(t.len(), |(i, _)| i)..]
            .trim()
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.');
    let loading = matches!(t, "Laddar..." | "Laddar…" | "Laddar" | "Loading..." | "Loading…");
    (!t.is_empty() && t.chars().all(|c| !c.is_alphanumeric())) || bullet_number || loading
}

/// A link back to the top or the start of the page, or to the list the
/// page came from: "Tillbaka till toppen", "Till toppen av sidan", "Upp
/// till toppen", "Back to top", "Tillbaka till nyhetslistan".
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
            "listan",
            "nyheter",
            "arkivet",
            "översikten",
            "föregående sida",
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
pub(super) fn is_duration(t: &str) -> bool {
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
            "läs mer i ",
            "läs mer här",
            "läs mer hos ",
            "läs pressmeddelandet",
            "läs rapporten",
            "läs artikeln",
        ]
        .iter()
        .any(|p| k.starts_with(p))
}

/// A link printed at the end of a short line: "Kallelse och handlingar
/// finns på sidan: https://…", "Här finns mer information: www.…",
/// "Uppdraget till myndigheten (regeringen.se)": at most twelve words,
/// the last an address or a site's name in parentheses; or a line of at
/// most twenty words ending in a link's screen-reader text
/// ([`ends_with_link_label`]) or opening with "Här kan du läsa" or "Här
/// kan du ta del av".
pub fn is_link_line(line: &str, words: usize) -> bool {
    if words <= 20 && ends_with_link_label(line) {
        return true;
    }
    // "Här kan du läsa regeringens pressmeddelande om …": a link's text
    let lower = line.trim_start().to_lowercase();
    // (not "Här kan du läsa om ett urval av besluten:", a list's lead)
    if words <= 20
        && ["här kan du läsa ", "här kan du ta del av "]
            .iter()
            .any(|p| lower.strip_prefix(p).is_some_and(|rest| !rest.starts_with("om ")))
    {
        return true;
    }
    if words > 12 {
        return false;
    }
    let Some(last) = line.split_whitespace().last() else {
        return false;
    };
    let last = last.trim_end_matches(['.', ',']);
    let address = |w: &str| {
        (w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www."))
            && w.len() > 8
    };
    let site = |w: &str| {
        w.strip_prefix('(')
            .and_then(|w| w.strip_suffix(')'))
            .is_some_and(|d| {
                let tld = d.rsplit('.').next().unwrap_or("");
                d.contains('.')
                    && !d.contains(' ')
                    && matches!(tld, "se" | "nu" | "com" | "org" | "eu" | "net")
                    && d.chars().all(|c| c.is_alphanumeric() || ".-".contains(c))
            })
    };
    (address(last) && words >= 2) || (site(last) && words >= 3)
}

/// Whether a line ends with the text a screen reader reads for a link
/// ("Läs mer i regeringens pressmeddelande. Länk till annan webbplats,
/// öppnas i nytt fönster."): the line is a link's text.
fn ends_with_link_label(line: &str) -> bool {
    let l = line.trim_end_matches(['.', ')', ' ']).to_lowercase();
    ["öppnas i nytt fönster", "länk till annan webbplats", "öppnas i ett nytt fönster"]
        .iter()
        .any(|p| l.ends_with(p))
}

/// A menu bar flattened into one line: at least three capitalised items of
/// one to three words, separated by runs of spaces, `|` or `·`
/// (`Nyheter  Analys  Podd  Jobb`).
pub(super) fn is_menu_bar(line: &str) -> bool {
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
pub(super) fn is_breadcrumb(line: &str) -> bool {
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
