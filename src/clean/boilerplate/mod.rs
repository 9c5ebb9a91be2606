//! Site furniture: lines of a scraped page that are not the article
//! (navigation, share buttons, newsletter sign-ups, cookie notices,
//! advertisement labels, copyright lines, "Läs också" links, press contact
//! blocks).
//!
//! [`classify`] looks at one line on its own; the structure pass in
//! `clean/text/` decides what the surrounding lines are (a newsletter
//! heading or a contact heading near the end starts a tail of furniture).
//!
//! This file holds the rule order (`classify_with` and the rule groups it
//! calls); the shapes themselves live by kind: `lists` (whole lines looked
//! up), `contact` (numbers, addresses, contact entries), `links` (links,
//! buttons, menus, players, counters) and `notices` (what a page says
//! about itself and its images, date labels, closings). A new shape of
//! one line is a function in the file of its kind, called from the rule
//! group here, with a test in `tests.rs`.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

mod contact;
mod links;
mod lists;
mod notices;
#[cfg(test)]
mod tests;

pub use contact::*;
pub use links::*;
use lists::*;
pub use lists::{CONTACT_LABELS, COOKIE_CONSENT, TAG_LABELS};
pub use notices::*;

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
    if is_browser_notice(&lower_words(t, usize::MAX), words) {
        return f("notice", Scope::Line);
    }
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
    if let Some(fu) = page_chrome_rules(line, k, words) {
        return Some(fu);
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

/// Page chrome a site prints around its articles, one line at a time:
/// republication notes, feedback questions, translation notices, template
/// placeholders, web-shop carts, icons' texts, reading times, app
/// promotions, press contacts' titles and e-mail links, "Läs …" document
/// links, "Sök på …", high-resolution image links, reservations, press
/// contact titles alone, bare contact details and a site's internal paths
/// (`k`: the line's key, lowercased).
fn page_chrome_rules(line: &str, k: &str, words: usize) -> Option<Furniture> {
    if words <= 15 && is_republication_note(k) {
        return f("boilerplate", Scope::Line);
    }
    if words <= 20 && is_feedback_question(k) {
        return f("boilerplate", Scope::Line);
    }
    if is_translation_service_notice(k) || is_browser_notice(k, words) {
        return f("notice", Scope::Line);
    }
    if words <= 3 && is_script_value(k) {
        return f("boilerplate", Scope::Line);
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
    None
}

/// Whole lines from the look-up lists: navigation, advertisement and
/// cookie buttons; cookie notices; newsletter sign-ups.
fn list_rules(k: &str, words: usize) -> Option<Furniture> {
    if NAV_EXACT.contains(&k) || TAG_LABELS.contains(&k) {
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
        && (COOKIE_CONSENT.iter().any(|w| k.contains(w))
            || ["använder", "placera", "sätta", "lagra", "sparas", "webbplats"]
                .iter()
                .any(|w| k.contains(w))
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
    // "För mer information om resultatet, kontakta kommunens HR-chef, Siw
    // Ek.": an invitation to get in touch, one line
    if words <= 25
        && ["för mer information", "för ytterligare information", "för frågor", "vid frågor", "har du frågor"]
            .iter()
            .any(|p| k.starts_with(p))
        && k.contains("kontakta")
    {
        return f("contact", Scope::Line);
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
    if is_read_more_link(k, words) || is_link_line(line, words) {
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
    if is_page_owner(k, words)
        || is_page_contents(k, words)
        || is_labelled_fields(line)
        || is_source_line(k, words)
    {
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

/// The words of `k` without separators (`-`, `•`, `|`, ...).
fn key_words(k: &str) -> impl Iterator<Item = &str> {
    k.split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '•' | '|' | '·' | ':'))
        .filter(|w| !w.is_empty())
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
