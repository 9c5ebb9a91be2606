//! What a page says about itself and its images: notices (archive,
//! republication, translation, site alerts), feedback questions, file
//! names, icons and logos, date labels, genre labels, closings and tail
//! headings.

use super::*;

/// A note that the article was first published elsewhere: "Artikeln är
/// bland annat publicerad i Svenska Dagbladet.", "Debattartikeln
/// publicerades i DN den 3 maj." (`k`: the line's key, lowercased).
pub(super) fn is_republication_note(k: &str) -> bool {
    [
        "artikeln ",
        "debattartikeln ",
        "texten ",
        "krönikan ",
        "inlägget ",
        "repliken ",
        "slutrepliken ",
        "insändaren ",
    ]
    .iter()
    .any(|p| k.starts_with(p))
        && (k.contains("publicerad i ")
            || k.contains("publicerades i ")
            || k.contains("publicerad på ")
            || k.contains("publicerades på ")
            || k.contains("har tidigare varit"))
}

/// A page's feedback question: "Hjälpte informationen på sidan dig?",
/// "Var sidan till hjälp?", with its thanks glued on or not.
pub(super) fn is_feedback_question(k: &str) -> bool {
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
        || page_question(k)
}

/// A short question to the reader about the page itself ("Fick du hjälp
/// av informationen på denna sida?", "Är du nöjd med den här sidan?"): at
/// most twelve words ending in "?", naming "denna sida" or "den här
/// sidan" (`k` has lost its final "?" or not).
/// An invitation to say what one thinks of the page is the same furniture
/// ("Vi vill gärna veta vad du tycker om denna webbsida!").
fn page_question(k: &str) -> bool {
    let names_page = [
        "denna sida",
        "den här sidan",
        "sidan dig",
        "sidan till hjälp",
        "denna webbsida",
        "den här webbsidan",
        "vår webbplats",
    ]
    .iter()
    .any(|p| k.contains(p));
    let asks = k.starts_with("fick du")
        || k.starts_with("är du")
        || k.starts_with("var ")
        || k.starts_with("hittade du")
        || k.starts_with("hjälpte")
        || k.contains("vad du tycker")
        || k.contains("dina synpunkter");
    k.split_whitespace().nth(12).is_none() && names_page && asks
}

/// A notice about machine translation of the site, in English or Swedish
/// ("If you want to access the information in languages other than
/// Swedish, you as a visitor can use external services to translate the
/// content.", "Google translate Karlstad.se"): it names translation and
/// Google, a translation service or other languages (`k`: the line's key,
/// lowercased).
pub(super) fn is_translation_service_notice(k: &str) -> bool {
    let service = k.contains("google") || k.contains("external service") || k.contains("extern");
    (k.contains("translat") && (service || k.contains("other languages")))
        || (k.contains("översätt") && service)
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
        [m] => crate::clean::dates::MONTHS_SV.contains(m) || year(m),
        [m, y] => crate::clean::dates::MONTHS_SV.contains(m) && year(y),
        _ => false,
    }
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
    let label = label.trim().trim_end_matches('.');
    // the label may name the row first ("Bakre raden fr v: …",
    // "Utskottet 2017. Främre raden från vänster: …"): it ends with one
    let ends_with_label = LABELS.iter().any(|l| {
        label == *l
            || (label.ends_with(l)
                && label[..label.len() - l.len()].ends_with(' ')
                && label.split_whitespace().count() <= 7
                && (label.contains("rad") || label.contains("bild")))
    });
    words <= 60 && ends_with_label && !rest.trim().is_empty()
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

/// A notice that the reader's browser is old or not supported ("Din
/// webbläsare är av en äldre modell. … Vi rekommenderar att du uppdaterar
/// till en nyare version.", "Webbläsaren som du använder stöds inte av
/// denna webbplats."): a site's, wherever it stands.
pub fn is_browser_notice(k: &str, words: usize) -> bool {
    words <= 60
        && k.contains("webbläsar")
        && [
            "stöds inte",
            "äldre modell",
            "äldre version",
            "modern webbläsare",
            "nyare version",
            "uppdatera din webbläsare",
            "uppdaterar din webbläsare",
            "internet explorer",
        ]
        .iter()
        .any(|p| k.contains(p))
}

/// A line that is only a program's value or a menu's state left in the
/// text by a scrape: `"False"`, `true`, `null`, `undefined`, "Huvudmenyn
/// dold.".
pub fn is_script_value(k: &str) -> bool {
    let t = k.trim_matches(|c: char| c == '"' || c == '\'' || c == '.' || c.is_whitespace());
    matches!(
        t,
        "false" | "true" | "null" | "undefined" | "nan" | "huvudmenyn dold" | "menyn dold" | "meny dold"
    )
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
/// (Also a logo's link to the home page, up to twelve words: "Statens
/// institutionsstyrelse - till startsidan Det gäller livet.")
pub fn is_icon_or_logo(k: &str, words: usize) -> bool {
    if words == 1 {
        let w = k.trim_end_matches(['.', ':']);
        return w.chars().count() > 5 && ["ikon", "ikonen", "icon"].iter().any(|e| w.ends_with(e));
    }
    // a logo's link text: "Statens institutionsstyrelse - till startsidan
    // Det gäller livet.", "Region X, till startsidan"
    if words <= 12
        && ["- till startsidan", "– till startsidan", ", till startsidan", "länk till startsidan"]
            .iter()
            .any(|p| k.contains(p))
    {
        return true;
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
    let dates = crate::clean::dates::find_dates(rest, None);
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

/// A row of labelled fields: "Publiceringsår: 2024 | Utgivare: Region
/// Skåne", "Diarienr: 8799-17 / Beslutsdatum: 7 nov 2018": two or more
/// parts between `|` (or ` / `), each a label of one to three words, a
/// colon and a value.
pub fn is_labelled_fields(line: &str) -> bool {
    let parts: Vec<&str> = if line.contains('|') {
        line.split('|').map(str::trim).collect()
    } else {
        line.split(" / ").map(str::trim).collect()
    };
    // "Publicerad: 2016-02-17 16:22 | Uppdaterad: 2016-05-09": a date
    // line, which the date parser reads
    let dated = parts.iter().any(|p| {
        p.split_once(':').is_some_and(|(label, _)| {
            key_words(&label.to_lowercase()).any(|w| DATE_LABELS.contains(&w))
        })
    });
    parts.len() >= 2
        && !dated
        && line.split_whitespace().nth(20).is_none()
        && parts.iter().all(|p| {
            p.split_once(':').is_some_and(|(label, value)| {
                let n = label.split_whitespace().count();
                (1..=3).contains(&n)
                    && label.trim_start().starts_with(char::is_uppercase)
                    && !value.trim().is_empty()
            })
        })
}

/// A source named on a line of its own: "Källa: Region Norrbotten", "•
/// Källor: SCB, Kolada" (at most eight words).
pub fn is_source_line(k: &str, words: usize) -> bool {
    let k = k.trim_start_matches(['•', '-', '*', '–', ' ']);
    words <= 8 && (k.starts_with("källa:") || k.starts_with("källor:"))
}
