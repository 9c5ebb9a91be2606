//! Phase 1: what each unit is on its own (site furniture, a date, byline
//! or credit line, or content), then the rules that need the unit's
//! neighbours on the same page: lines repeated within a few lines (a
//! caption or a headline copied twice), the explanation under a notice,
//! an image's text above its caption.

use super::super::boilerplate;
use super::super::byline;
use super::shapes::ends_sentence;
use super::{Class, Options, Page};

/// How many units apart two copies of a line may stand to be one copied
/// twice.
const REPEAT_WINDOW: usize = 3;

/// Classifies every unit of the page.
pub fn classify(page: &mut Page<'_, '_>, opts: &Options) {
    for i in 0..page.len() {
        let (fur, class) = classify_line(page.line(i), opts);
        page.furniture[i] = fur;
        page.class[i] = class;
    }
    recurring_lines(page, opts);
    mark_repeated(page);
    notice_explanations(page);
    alt_text_above_caption(page);
    label_above_caption(page);
    label_above_contact(page);
    tag_items(page);
    about_us(page);
    cookie_block_lines(page);
}

/// A line of a cookie notice that does not name cookies ("Du kan när du
/// vill ändra dina inställningar.", "Godkänn alla"): short, about settings
/// or consent, in the same paragraph as a cookie line.
pub fn cookie_block_lines(page: &mut Page<'_, '_>) {
    let cookie_paras: std::collections::BTreeSet<usize> = (0..page.len())
        .filter(|&j| matches!(page.class[j], Class::Remove("cookie")))
        .map(|j| page.units[j].para)
        .collect();
    if cookie_paras.is_empty() {
        return;
    }
    for i in 0..page.len() {
        if !page.is_content(i)
            || page.words(i) > 15
            || !cookie_paras.contains(&page.units[i].para)
        {
            continue;
        }
        let k = page.line(i).to_lowercase();
        if boilerplate::COOKIE_CONSENT.iter().any(|w| k.contains(w))
        {
            page.class[i] = Class::Remove("cookie");
        }
    }
}

/// A press release's paragraph about its publisher ("Länsstyrelsen är en
/// statlig myndighet som finns nära människorna …"), and the "Om
/// Länsstyrelsen" line above it: boilerplate wherever it stands.
pub fn about_us(page: &mut Page<'_, '_>) {
    for i in 0..page.len() {
        let line = page.line(i);
        if !line.contains(" är en ") {
            continue;
        }
        let head: String = line.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
        let about = line.starts_with(char::is_uppercase)
            && [" är en statlig myndighet", " är en myndighet under", " är en statlig förvaltningsmyndighet"]
                .iter()
                .any(|p| head.contains(p));
        if !about || !page.is_content(i) {
            continue;
        }
        let subject = line.split_whitespace().next().unwrap_or("").to_string();
        let heading_above = i > 0
            && page.is_content(i - 1)
            && page
                .line(i - 1)
                .trim()
                .strip_prefix("Om ")
                .is_some_and(|o| o.starts_with(&subject));
        page.class[i] = Class::Remove("boilerplate");
        if heading_above {
            page.class[i - 1] = Class::Remove("boilerplate");
        }
    }
}

/// The items of a tag list under its label ("Regioner" / "• Politik" /
/// "• Stockholm", "Ämnen" / "• Vård"): short bullet lines right after a
/// removed tag label go with it.
pub fn tag_items(page: &mut Page<'_, '_>) {
    let mut in_list = false;
    for i in 0..page.len() {
        let short = page.words(i) <= 1;
        let key = if short { page.line(i).trim().to_lowercase() } else { String::new() };
        if short
            && boilerplate::TAG_LABELS.contains(&key.as_str())
            && matches!(page.class[i], Class::Remove(_))
        {
            in_list = true;
            continue;
        }
        let item = page.line(i).trim_start().starts_with('•') && page.words(i) <= 5;
        if in_list && item && page.is_content(i) {
            page.class[i] = Class::Remove("navigation");
        } else if !item {
            in_list = false;
        }
    }
}

/// A contact label alone on its line ("Telefon", "E-post", "Mobil"), or a
/// person's name alone, right above a line of contact details in the same
/// paragraph ("Sofia Brändström" / "Pressekreterare hos socialministern"):
/// part of the contact entry.
pub fn label_above_contact(page: &mut Page<'_, '_>) {
    for i in (0..page.len().saturating_sub(1)).rev() {
        let j = i + 1;
        if page.words(i) > 4 || !matches!(page.class[j], Class::Remove("contact")) {
            continue;
        }
        let label = page.line(i).trim().trim_end_matches(':').to_lowercase();
        if page.is_content(i)
            && (boilerplate::CONTACT_LABELS.contains(&label.as_str())
                || byline::is_person_name(page.line(i).trim()))
            && page.units[j].para == page.units[i].para
            && matches!(page.class[j], Class::Remove("contact"))
        {
            page.class[i] = Class::Remove("contact");
        }
    }
}

/// A short label right above a caption that names where people stand
/// ("IFO invigning" / "– Vi är glada …, säger från vänster Tina …"), in
/// the same paragraph: the image's text.
pub fn label_above_caption(page: &mut Page<'_, '_>) {
    for i in 0..page.len().saturating_sub(1) {
        let j = i + 1;
        if page.is_content(i)
            && page.words(i) <= 4
            && !ends_sentence(page.line(i))
            && page.units[j].para == page.units[i].para
            && super::shapes::names_positions(page.line(j))
        {
            page.class[i] = Class::Remove("image");
        }
    }
}

/// A line compared with its copies: lowercase, white space collapsed,
/// dashes and quotation marks unified (a scrape copies `–` as `-`).
pub fn copy_key(line: &str) -> String {
    let mapped: String = line
        .chars()
        .map(|c| match c {
            '–' | '—' | '−' | '‒' => '-',
            '”' | '“' | '„' | '»' | '«' => '"',
            c => c,
        })
        .collect();
    super::shapes::norm(&mapped)
}

/// Whether a line is shaped like furniture for the corpus rule: not article
/// text for sure (a sentence of eight words or more, or twenty words) and
/// at most fifteen words.
pub fn furniture_shaped(line: &str, words: usize) -> bool {
    words <= 15 && !super::shapes::article_sentence(line, words)
}

/// A content line that recurs in many documents of the page's source
/// ([`Options::recurring`]) and is shaped like furniture is furniture.
pub fn recurring_lines(page: &mut Page<'_, '_>, opts: &Options) {
    if opts.recurring.is_empty() {
        return;
    }
    for i in 0..page.len() {
        if page.is_content(i)
            && furniture_shaped(page.line(i), page.words(i))
            && opts.recurring.contains(&copy_key(page.line(i)))
        {
            page.class[i] = Class::Remove("boilerplate");
        }
    }
}

/// A content line that comes again within [`REPEAT_WINDOW`] units: the
/// first copy is marked [`Page::repeated`] (the title and caption phases
/// decide about it), the later copies are removed.
pub fn mark_repeated(page: &mut Page<'_, '_>) {
    let keys: Vec<String> = (0..page.len()).map(|i| copy_key(page.line(i))).collect();
    for i in 0..page.len() {
        if !page.is_content(i) || page.repeated[i] {
            continue;
        }
        for j in i + 1..(i + 1 + REPEAT_WINDOW).min(page.len()) {
            if keys[j] == keys[i] && page.is_content(j) {
                page.repeated[i] = true;
                page.class[j] = Class::Remove("duplicate");
            }
        }
    }
}

/// The line under a notice heading that explains it ("Statsråd på denna
/// sida som har bytt ansvarsområde" / "Från den 21 januari 2019 till den
/// 30 november 2021 var hon …"): a short line with a full date (a day and
/// month without a year, "Rapport från socialnämnden 1 september", is a
/// headline's).
pub fn notice_explanations(page: &mut Page<'_, '_>) {
    for i in 0..page.len().saturating_sub(1) {
        let notice = matches!(page.class[i], Class::Remove("notice"));
        if !notice || ends_sentence(page.line(i)) {
            continue;
        }
        let j = i + 1;
        if page.is_content(j)
            && page.words(j) <= 30
            && super::super::dates::find_dates(page.line(j), None)
                .iter()
                .any(|d| d.iso.is_some())
        {
            page.class[j] = Class::Remove("notice");
        }
    }
}

/// An image's text right above its caption, both starting alike ("Talman
/// Urban Ahlin håller ett tal" / "Talman Urban Ahlin höll ett tal …
/// Foto: …"): the first is the image's text.
pub fn alt_text_above_caption(page: &mut Page<'_, '_>) {
    for i in 0..page.len().saturating_sub(1) {
        let j = i + 1;
        if !page.is_content(i) || !page.is_content(j) || page.words(i) > 15 {
            continue;
        }
        let (a, b) = (page.line(i), page.line(j));
        if ends_sentence(a) || byline::caption_credit(b).is_none() {
            continue;
        }
        let head = |l: &str| copy_key(l).split(' ').take(3).collect::<Vec<_>>().join(" ");
        if page.words(i) >= 3 && head(a) == head(b) {
            page.class[i] = Class::Remove("image");
        }
    }
}

/// One line on its own: its furniture shape (if any) and its class.
pub fn classify_line(line: &str, opts: &Options) -> (Option<boilerplate::Furniture>, Class) {
    if let Some(fu) = boilerplate::classify(line) {
        // a page's notice that dates it ("Artikeln publicerades 22
        // januari 2020") is its date line
        if fu.reason == "notice"
            && let Some(m) = byline::parse_meta_line(line, opts.reference)
            && (m.published.is_some() || m.updated.is_some())
        {
            return (None, Class::Meta(m));
        }
        return (Some(fu), Class::Remove(fu.reason));
    }
    if let Some(m) = byline::parse_meta_line(line, opts.reference) {
        return (None, Class::Meta(m));
    }
    (None, Class::Keep)
}

#[cfg(test)]
mod tests {
    use super::super::test_page::kept;
    use super::*;

    #[test]
    fn a_caption_copied_twice_goes_and_a_dash_quote_copied_keeps_one_copy() {
        let t = "Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum.\n\n\
                 Så här fina är de nya lokalerna.\n\nSå här fina är de nya lokalerna.\n\n\
                 Arbetet börjar i vår och tar två år enligt kommunen.";
        assert!(!kept(t).contains("Så här fina"), "{}", kept(t));
        let t = "Kommunen bygger ny skola\n\n– Det är bra, säger Anna Berg.\n\n- Det är bra, säger Anna Berg.\n\n\
                 Arbetet börjar i vår och tar två år enligt kommunen.";
        assert_eq!(kept(t).matches("Det är bra").count(), 1);
        assert_eq!(copy_key("– Ja  JA"), "- ja ja");
    }

    #[test]
    fn a_headline_copied_twice_is_the_title_once() {
        let t = "Kommunen bygger ny skola\n\nKommunen bygger ny skola\n\n\
                 Kommunen har beslutat att bygga en ny skola i centrum.";
        assert_eq!(
            kept(t),
            "Kommunen bygger ny skola|Kommunen har beslutat att bygga en ny skola i centrum."
        );
    }

    #[test]
    fn a_recurring_short_line_goes_a_recurring_sentence_stays() {
        use super::super::{paragraphs, structure};
        let text = "Kommunen bygger ny skola\n\nDu syns och hörs i Hultsfred!\n\n\
                    Kommunen har beslutat att bygga en ny skola i centrum av staden.";
        let recurring: std::collections::BTreeSet<String> = [
            copy_key("Du syns och hörs i Hultsfred!"),
            copy_key("Kommunen har beslutat att bygga en ny skola i centrum av staden."),
        ]
        .into();
        let c = structure(
            &paragraphs(text),
            &Options {
                detect_title: true,
                recurring: std::sync::Arc::new(recurring),
                ..Default::default()
            },
        );
        assert!(!c.text.contains("Du syns"));
        assert!(c.text.contains("Kommunen har beslutat"));
        assert!(c.removed.iter().any(|r| r.reason == "boilerplate"));
    }

    #[test]
    fn the_explanation_under_a_notice_goes() {
        let t = "Statsråd på denna sida som har bytt ansvarsområde\n\n\
                 Från den 21 januari 2019 till den 30 november 2021 var hon civilminister.\n\n\
                 Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum.";
        assert_eq!(
            kept(t),
            "Kommunen bygger ny skola|Kommunen har beslutat att bygga en ny skola i centrum."
        );
    }

    #[test]
    fn a_headline_with_a_day_under_a_notice_is_no_explanation() {
        let t = "Nyheten har passerat sitt bäst före-datum\n\nRapport från nämnden 1 september\n\n\
                 Här kan du läsa om ett urval av de ärenden som nämnden behandlade.";
        assert_eq!(
            super::super::test_page::title(t).as_deref(),
            Some("Rapport från nämnden 1 september")
        );
    }

    #[test]
    fn the_publisher_s_about_us_goes() {
        let t = "Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum.\n\n\
                 Om Länsstyrelsen\nLänsstyrelsen är en statlig myndighet som finns nära människorna i varje län.";
        assert_eq!(
            kept(t),
            "Kommunen bygger ny skola|Kommunen har beslutat att bygga en ny skola i centrum."
        );
    }

    #[test]
    fn a_name_above_a_press_contact_s_title_goes() {
        let t = "Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum.\n\n\
                 Presskontakt\n\nSofia Berg\nPressekreterare hos socialminister Lena Holm\nMobil 073-065 16 12";
        assert_eq!(
            kept(t),
            "Kommunen bygger ny skola|Kommunen har beslutat att bygga en ny skola i centrum."
        );
    }

    #[test]
    fn a_settings_line_of_a_cookie_notice_goes() {
        let t = "Vi använder nödvändiga kakor för att webbplatsen ska fungera.\nDu kan när du vill ändra dina inställningar.\n\n\
                 Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum.";
        assert_eq!(
            kept(t),
            "Kommunen bygger ny skola|Kommunen har beslutat att bygga en ny skola i centrum."
        );
    }

    #[test]
    fn a_tag_list_under_its_label_goes() {
        let t = "Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum.\n\n\
                 Regioner\n\n• Politik\n\n• Stockholm\n\n• Kommunen ska också bygga en ny sporthall.";
        assert_eq!(
            kept(t),
            "Kommunen bygger ny skola|Kommunen har beslutat att bygga en ny skola i centrum.|• Kommunen ska också bygga en ny sporthall."
        );
    }

    #[test]
    fn a_contact_label_above_its_number_goes() {
        let t = "Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum.\n\n\
                 Telefon\n070-215 13 02\n\nTelefon är det vanligaste sättet att nå oss, skriver kommunen.";
        assert_eq!(
            kept(t),
            "Kommunen bygger ny skola|Kommunen har beslutat att bygga en ny skola i centrum.|Telefon är det vanligaste sättet att nå oss, skriver kommunen."
        );
    }

    #[test]
    fn an_image_text_above_its_caption_goes() {
        let t = "Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum.\n\n\
                 Talman Urban Ahlin håller ett tal\n\n\
                 Talman Urban Ahlin höll ett tal vid avslutningen. Foto: Ingemar Edfalk\n\n\
                 Arbetet börjar i vår och tar två år enligt kommunen.";
        assert!(!kept(t).contains("håller ett tal"));
        assert!(kept(t).contains("höll ett tal"));
    }

    #[test]
    fn a_label_above_a_caption_with_positions_goes() {
        let t = "Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum.\n\n\
                 Skolan invigd\n– Vi är glada, säger från vänster Tina Berg och Erika Ek.";
        assert!(!kept(t).contains("Skolan invigd"), "{}", kept(t));
        assert!(kept(t).contains("Vi är glada"));
        let t = "Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum.\n\n\
                 Skolan invigd\n\nArbetet börjar i vår och tar två år enligt kommunen.";
        assert!(kept(t).contains("Skolan invigd"));
    }

    #[test]
    fn lines_on_their_own() {
        let o = Options::default();
        assert!(matches!(
            classify_line("Stäng", &o).1,
            Class::Remove("navigation")
        ));
        assert!(matches!(
            classify_line("Publicerad 3 mars 2025", &o).1,
            Class::Meta(_)
        ));
        assert!(matches!(
            classify_line("Kommunen bygger en ny skola.", &o).1,
            Class::Keep
        ));
    }
}
