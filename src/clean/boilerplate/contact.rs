//! Contact furniture: phone numbers and e-mail addresses, contact lines
//! and entries, press contacts' titles, the page owner.

use super::*;

/// Phone numbers (`070-123 45 67`, `+46 8 123 456 78`).
pub static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+46|\b0)[\s-]?\(?\d{1,3}\)?[\s-]?\d{2,4}[\s-]?\d{2}[\s-]?\d{2}\b")
        .expect("valid regex")
});

/// E-mail addresses.
pub static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("valid regex"));

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

/// A press contact's title line in a contact block: "Pressekreterare hos
/// utrikesminister Ann Linde", "Politiskt sakkunnig hos
/// socialtjänstministern" (`k`: the line's key, lowercased).
pub(super) fn is_press_contact_title(k: &str) -> bool {
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

/// A line of contact details and nothing else: phone numbers, e-mail
/// addresses (also spelt out: "snabela", "snabel-a") and their labels
/// ("070-215 13 02", "E-post:", "010- 205 21 00, media@myndigheten.se").
pub(super) fn is_bare_contact(line: &str) -> bool {
    // (most lines hold no digit, "@", spelt-out address or final colon)
    if !line.contains(|c: char| c.is_ascii_digit() || c == '@')
        && !line.contains("snabel")
        && !line.trim_end().ends_with(':')
    {
        return false;
    }
    let label = |w: &str| CONTACT_LABELS.contains(&w) || matches!(w, "och" | "eller" | "alt" | "el");
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
    let only_labels = words.iter().all(|w| label(w));
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
    labelled || crate::clean::byline::is_person_name(head)
}
