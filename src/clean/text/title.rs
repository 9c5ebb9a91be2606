//! Phase 3, the head of a page: the title, and what stands above it and
//! between it and the body (category labels, kickers, notices about the
//! web site, portraits' captions, image texts, lines glued by the scrape,
//! captions copied twice).
//!
//! The head ends at the first line that is article text for sure (a
//! sentence of eight words or more). A title is a title-like line of the
//! head; a line that only names a person, or a line copied twice that the
//! body does not follow, is not the title while a title-like line follows
//! it.

use super::super::boilerplate;
use super::super::byline;
use super::shapes::{
    ends_sentence, is_alt_text, is_glued, is_lone_lowercase_word, is_organisation_name,
    is_people_caption, is_portrait_caption, norm, title_like,
};
use super::{Class, Hint, Options, Page};

/// What the head phase decided.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    /// The title unit, when the title is a line of the page.
    pub unit: Option<usize>,
    /// A title known from elsewhere that is not a line of the head: it is
    /// put before the text.
    pub prepend: Option<String>,
}

/// Finds the title before `tail`, marks it, and removes the furniture
/// above it and between it and the body.
pub fn find(page: &mut Page<'_, '_>, opts: &Options, tail: usize) -> Head {
    let mut head = Head::default();
    if let Some(fi) = (0..tail).find(|&i| page.is_content(i) && page.units[i].hint == Hint::Title) {
        head.unit = Some(fi);
    } else if let Some(t) = opts.known_title.as_deref().filter(|t| !t.trim().is_empty()) {
        head.unit = known(page, t, tail);
        if head.unit.is_none() {
            head.prepend = Some(t.trim().to_string());
        }
    } else if opts.detect_title {
        head.unit = detect(page, tail);
    }
    if let Some(t) = head.unit {
        remove_above(page, t);
        page.class[t] = Class::Title;
        if let Some(rest) = title_goes_on(page, t) {
            page.class[rest] = Class::Title;
        }
        remove_below(page, t, tail);
    }
    head
}

/// Words a headline does not end with: a line of the head ending in one
/// ("Sista mötet för") is a headline broken over two lines.
const OPEN_ENDINGS: &[&str] = &[
    "för", "och", "i", "på", "av", "med", "till", "om", "från", "mot", "vid", "efter", "inför",
    "under", "över", "som", "att", "en", "ett", "den", "det", "kring", "eller",
];

/// The second line of a headline broken after a preposition or a
/// conjunction ("Sista mötet för⏎Miljö- och byggnämnden"): the next line of
/// the same paragraph, short and no sentence.
fn title_goes_on(page: &Page<'_, '_>, t: usize) -> Option<usize> {
    let last = page.line(t).split_whitespace().last()?;
    let next = t + 1;
    let fits = OPEN_ENDINGS.contains(&last)
        && page.units.get(next)?.para == page.units[t].para
        && page.is_content(next)
        && page.words(next) <= 8
        && !ends_sentence(page.line(next));
    fits.then_some(next)
}

/// The words of unit `i` as a title: with its second line when the
/// headline is broken over two ([`title_goes_on`]).
fn title_words(page: &Page<'_, '_>, i: usize) -> usize {
    page.words(i) + title_goes_on(page, i).map_or(0, |n| page.words(n))
}

/// The line of the head that is the known title (a notice or label may
/// stand above it).
fn known(page: &Page<'_, '_>, title: &str, tail: usize) -> Option<usize> {
    let first = (0..tail).find(|&i| page.is_content(i))?;
    let end = page.first_sentence(first, tail);
    let want = norm(title);
    (first..=end.min(tail.saturating_sub(1)))
        .find(|&i| page.is_content(i) && norm(page.line(i)) == want)
}

/// Whether unit `i` is followed, in its own paragraph, by a line starting
/// in lowercase: then it is wrapped running text, not a title or a label.
fn wrapped(page: &Page<'_, '_>, i: usize) -> bool {
    page.units.get(i + 1).is_some_and(|nu| {
        nu.para == page.units[i].para
            && page
                .line(i + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    })
}

/// Whether unit `i` is a short label: one or two words, or a section
/// name of the form "X och Y" ("Kultur och fritid"), no sentence.
fn short_label(page: &Page<'_, '_>, i: usize) -> bool {
    let l = page.line(i);
    let section = page.words(i) == 3 && matches!(l.split_whitespace().nth(1), Some("och" | "&"));
    (page.words(i) <= 2 || section) && !ends_sentence(l)
}

/// Whether unit `i` is a question with its answer below it in the same
/// paragraph: an interview's question, not a headline.
fn question_answered(page: &Page<'_, '_>, i: usize) -> bool {
    page.line(i).ends_with('?')
        && page
            .units
            .get(i + 1)
            .is_some_and(|nu| nu.para == page.units[i].para)
}

/// Whether unit `i` may be the title.
fn title_candidate(page: &Page<'_, '_>, i: usize) -> bool {
    title_like(page.line(i), page.words(i))
        && !is_alt_text(page.line(i))
        && !wrapped(page, i)
        && !question_answered(page, i)
}

/// Whether unit `i` is a site notice, an image text or a line glued by the
/// scrape: furniture wherever it stands in the head.
pub fn head_furniture(page: &Page<'_, '_>, i: usize) -> Option<&'static str> {
    let l = page.line(i);
    if boilerplate::is_site_notice(l) {
        Some("notice")
    } else if is_glued(l)
        || (page.units[i].hint == Hint::Unknown
            && (is_alt_text(l) || is_lone_lowercase_word(l)))
    {
        // (a lone lowercase word above the headline is a button's or an
        // image's text: "fullskärmsbild")
        Some("image")
    } else {
        None
    }
}

/// Whether unit `i` stands right above a date line (the headline of a
/// news page does: "Publicerad 3 oktober 2025", "2023-01-09 16:17").
fn above_date_line(page: &Page<'_, '_>, i: usize) -> bool {
    matches!(
        page.class.get(i + 1),
        Some(Class::Meta(m)) if m.published.is_some() || m.updated.is_some()
    )
}

/// Whether unit `i` is a line that may stand in for a title but is not one
/// when a title-like line follows it in the head: a portrait's caption, a
/// line copied twice that the body does not follow, or any line when the
/// later one stands right above the date line and it does not (an image's
/// text or a kicker above the headline).
fn yields_to_later_title(page: &Page<'_, '_>, i: usize, tail: usize) -> bool {
    let end = page.first_sentence(i + 1, tail);
    let next = page.next_content(i, tail);
    let copied_not_headline = page.repeated[i] && next != Some(end);
    let later = |j: usize| {
        page.is_content(j)
            && title_candidate(page, j)
            && !is_portrait_caption(page.line(j))
            && head_furniture(page, j).is_none()
    };
    let caption = is_portrait_caption(page.line(i)) || is_people_caption(page.line(i));
    if (caption || copied_not_headline) && (i + 1..end).any(later) {
        return true;
    }

    // a site's own line (a logo's text) above navigation, and a
    // title-like line after the navigation that the body follows: that
    // later line is the headline
    let past_navigation = |j: usize| {
        j > i + 1
            && !above_date_line(page, i)
            && (i + 1..j).all(|k| matches!(page.class[k], Class::Remove("navigation")))
            && page.next_content(j, tail) == Some(end)
    };
    if (i + 1..end).any(|j| later(j) && past_navigation(j)) {
        return true;
    }
    !above_date_line(page, i) && (i + 1..end).any(|j| later(j) && above_date_line(page, j))
}

/// Whether unit `i` opens a slogan broken over two lines above the
/// headline ("Vi arbetar för ett samhälle⏎fritt från diskriminering."):
/// [`slogan`] shape, and the next line after it may be the title, with
/// article text under that.
fn slogan_above_title(page: &Page<'_, '_>, i: usize, tail: usize) -> bool {
    if !wrapped(page, i) || !slogan(page, i) {
        return false;
    }
    let Some(k) = page.next_content(i + 1, tail) else {
        return false;
    };
    title_candidate(page, k)
        && page
            .next_content(k, tail)
            .is_some_and(|b| super::shapes::article_sentence(page.line(b), page.words(b)))
}

/// Whether unit `i` opens a short paragraph of two lines, twelve words at
/// most in all, with no digit: a slogan's shape, not an article's.
fn slogan(page: &Page<'_, '_>, i: usize) -> bool {
    let para = page.units[i].para;
    let lines: Vec<usize> = (i..page.units.len()).take_while(|&j| page.units[j].para == para).collect();
    lines.len() == 2
        && (i == 0 || page.units[i - 1].para != para)
        && lines.iter().map(|&j| page.words(j)).sum::<usize>() <= 12
        && lines.iter().all(|&j| !page.line(j).contains(|c: char| c.is_ascii_digit()))
}

/// Whether unit `i` is an item of a breadcrumb trail printed as a list
/// ("- Startsida", "- Vatten och avlopp", "- Vatten vid störningar"): a
/// run of short list items whose last item the next line repeats without
/// its marker (the page's headline).
fn breadcrumb_item(page: &Page<'_, '_>, i: usize, tail: usize) -> bool {
    fn item(l: &str) -> Option<&str> {
        l.strip_prefix(['-', '–', '•', '›', '>'])
            .map(str::trim)
            .filter(|rest| {
                !rest.is_empty() && !ends_sentence(rest) && rest.split_whitespace().count() <= 6
            })
    }
    let mut last = match item(page.line(i)) {
        Some(t) => t,
        None => return false,
    };
    let mut j = page.next_content(i, tail);
    while let Some(nj) = j {
        match item(page.line(nj)) {
            Some(t) => last = t,
            None => return page.line(nj).trim() == last,
        }
        j = page.next_content(nj, tail);
    }
    false
}

/// Whether unit `i` is the lead-in of the site notice right under it
/// ("Tänk på att..." above "Din webbläsare är av en äldre modell. …"): at
/// most five words, no title, the next line a notice.
fn notice_lead_in(page: &Page<'_, '_>, i: usize) -> bool {
    page.words(i) <= 5
        && !title_candidate(page, i)
        && matches!(page.class.get(i + 1), Some(Class::Remove("notice")))
}

/// An alert or a teaser box at the top of a page, above the headline: at
/// most three lines, at least one a sentence, closed by a link to read
/// more (a line "Läs mer", or a last sentence "Läs hur du byter
/// lösenord."), with a title-like line of four words or more after it,
/// past an image text, a date line or a removed line (a subheading right
/// under the link is the article's), that article text follows ("Skärpta lokala
/// rekommendationer i Västra Götaland" / "Spridningen av covid-19 …" /
/// "Läs mer" above "Ny grundskolechef i Skövde kommun"). Returns that
/// title line.
fn after_alert_box(page: &Page<'_, '_>, first: usize, tail: usize) -> Option<usize> {
    let mut sentence = false;
    let mut lines = 0;
    let mut close = None;
    let mut echo = false;
    for j in first..tail.min(first + 8) {
        let l = page.line(j);
        if page.is_content(j) {
            lines += 1;
            sentence |= ends_sentence(l) && page.words(j) >= 6;
            if lines > 3 {
                return None;
            }
            echo = (first..j).any(|b| page.is_content(b) && reads_more_of(l, page.line(b)));
            if read_more_sentence(l) || echo {
                close = Some(j);
                break;
            }
        } else if matches!(page.class[j], Class::Remove(_)) {
            echo = (first..j).any(|b| page.is_content(b) && reads_more_of(l, page.line(b)));
            if is_read_more(l) || echo {
                close = Some(j);
                break;
            }
        }
    }
    let close = close.filter(|_| sentence)?;
    let k = (close + 1..tail).find(|&k| {
        page.is_content(k) && head_furniture(page, k).is_none() && !is_alt_text(page.line(k))
    })?;
    // the headline comes with its picture, its date or the site's
    // furniture; a subheading right under the link is the article's own
    // (or the link names the box's heading: "Läs mer om Vattnet åter")
    let apart = echo || (close + 1..k).any(|j| !page.is_content(j) || is_alt_text(page.line(j)));
    // article text right under the headline, or under its picture's caption
    let body = (k + 1..tail)
        .filter(|&j| page.is_content(j))
        .take(2)
        .any(|j| super::shapes::article_sentence(page.line(j), page.words(j)));
    (apart
        && body
        && title_candidate(page, k)
        && title_words(page, k) >= 4
        && !ends_sentence(page.line(k)))
    .then_some(k)
}

/// Whether a line is a bare link to read more ("Läs mer", "Läs mer här").
fn is_read_more(l: &str) -> bool {
    let k = norm(l);
    k.starts_with("läs mer") && k.split(' ').count() <= 4
}

/// Whether `l` is a link to read more about what `heading` says ("Läs mer
/// om Vattnet åter Norra Mon, Deje" under "Vattnet åter Norra Mon, Deje").
fn reads_more_of(l: &str, heading: &str) -> bool {
    norm(l)
        .strip_prefix("läs mer om ")
        .is_some_and(|rest| rest == norm(heading))
}

/// Whether a line's last sentence sends the reader on: "… Läs hur du
/// byter lösenord.", "… Läs mer på 1177.se."; or a link to read more is
/// glued to the end of a short line ("Risk för skogsbrand i Jönköpings
/// länLäs mer på SMHI:s webbplats om aktuellt meddelande.").
fn read_more_sentence(l: &str) -> bool {
    let glued = l.split_whitespace().count() <= 25
        && ["Läs mer på ", "Läs mer om "]
            .iter()
            .any(|p| l.find(p).is_some_and(|at| at > 0 && !l[..at].ends_with(' ')));
    if glued {
        return true;
    }
    let t = l.trim().trim_end_matches('.');
    let last = t.rsplit(['.', '!', '?']).next().unwrap_or(t).trim();
    t.len() > last.len() && last.starts_with("Läs ") && last.split_whitespace().count() <= 8
}

/// The title of a plain text: past head furniture, lines that yield to a
/// later title and category labels ("Digitalisering"), the first
/// title-like line; none when a line of another kind comes first.
fn detect(page: &mut Page<'_, '_>, tail: usize) -> Option<usize> {
    let mut i = (0..tail).find(|&i| page.is_content(i));
    if let Some(first) = i
        && let Some(k) = after_alert_box(page, first, tail)
    {
        for j in first..k {
            if page.is_content(j) {
                page.class[j] = Class::Remove("notice");
            }
        }
        i = Some(k);
    }
    while let Some(ci) = i {
        let next = page.next_content(ci, tail);
        if let Some(reason) = head_furniture(page, ci) {
            page.class[ci] = Class::Remove(reason);
            i = next;
            continue;
        }
        if breadcrumb_item(page, ci, tail) {
            page.class[ci] = Class::Remove("navigation");
            i = next;
            continue;
        }
        if slogan_above_title(page, ci, tail) {
            page.class[ci] = Class::Remove("boilerplate");
            page.class[ci + 1] = Class::Remove("boilerplate");
            i = page.next_content(ci + 1, tail);
            continue;
        }
        if notice_lead_in(page, ci) {
            page.class[ci] = Class::Remove("notice");
            i = next;
            continue;
        }
        if yields_to_later_title(page, ci, tail) {
            page.class[ci] = Class::Remove("image");
            i = next;
            continue;
        }
        let label = short_label(page, ci) && !wrapped(page, ci);
        match next {
            Some(nj)
                if label && page.words(ci) <= 2 && page.words(nj) <= 2 && short_label(page, nj) =>
            {
                page.class[ci] = Class::Remove("navigation");
                i = Some(nj);
            }
            Some(nj)
                if label
                    && title_words(page, nj) > page.words(ci)
                    && title_words(page, nj) >= 4
                    && title_candidate(page, nj) =>
            {
                page.class[ci] = Class::Remove("navigation");
                i = Some(nj);
            }
            _ => break,
        }
    }
    i.filter(|&ci| title_candidate(page, ci))
}

/// Above the title: kickers and category labels ("Teknik"), head
/// furniture, portraits' captions and lines copied twice go.
fn remove_above(page: &mut Page<'_, '_>, t: usize) {
    for j in 0..t {
        if !page.is_content(j) {
            continue;
        }
        if let Some(reason) = head_furniture(page, j) {
            page.class[j] = Class::Remove(reason);
        } else if page.words(j) <= 3 && !ends_sentence(page.line(j)) {
            page.class[j] = Class::Remove("navigation");
        } else if page.repeated[j]
            || is_portrait_caption(page.line(j))
            || is_organisation_name(page.line(j))
        {
            page.class[j] = Class::Remove("image");
        }
    }
}

/// Between the title and the body: a bare person's name (a portrait's
/// caption), an organisation's name alone (a logo's text), a line glued
/// from an image text and its caption, a caption copied twice.
fn remove_below(page: &mut Page<'_, '_>, t: usize, tail: usize) {
    let end = page.first_sentence(t + 1, tail);
    for j in t + 1..end {
        if !page.is_content(j) || page.units[j].hint != Hint::Unknown {
            continue;
        }
        let l = page.line(j);
        let alone = page
            .units
            .get(j + 1)
            .is_none_or(|u| u.para != page.units[j].para)
            && (j == 0 || page.units[j - 1].para != page.units[j].para);
        if byline::is_person_name(l)
            || is_organisation_name(l)
            || (alone && is_lone_lowercase_word(l))
            || is_glued(l)
            || (page.repeated[j] && !ends_sentence(l))
        {
            page.class[j] = Class::Remove("image");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_page::{kept, title};

    #[test]
    fn a_headline_broken_after_a_preposition_is_one_title() {
        let t = "Kommun & demokrati\n\nSista mötet för\nMiljö- och byggnämnden\n\n\
                 Efter jul görs en omorganisering av kommunen och nämnden upphör då.";
        assert_eq!(title(t).as_deref(), Some("Sista mötet för Miljö- och byggnämnden"));
        assert_eq!(
            kept(t),
            "Sista mötet för\nMiljö- och byggnämnden|Efter jul görs en omorganisering av kommunen och nämnden upphör då."
        );
    }

    #[test]
    fn an_alert_box_above_the_headline_is_no_title() {
        let t = "Skärpta rekommendationer i länet\n\nSpridningen av covid-19 är fortfarande hög och rekommendationerna förlängs.\n\n\
                 Läs mer\n\nBild på Karin Ek.\n\nNy grundskolechef i Skövde kommun\n\n\
                 Karin Ek blir ny grundskolechef i Skövde kommun och tillträder i januari.";
        assert_eq!(title(t).as_deref(), Some("Ny grundskolechef i Skövde kommun"));
        assert!(!kept(t).contains("Spridningen"));
        let t = "Studenter som inte bytt lösenord kan inte logga in på studentwebben. Läs hur du byter lösenord.\n\n\
                 Publicerad: 2008-10-23\n\nMer pengar till universitetet\n\n\
                 I den forskningsproposition som presenterades i dag får universitetet mer pengar.";
        assert_eq!(title(t).as_deref(), Some("Mer pengar till universitetet"));
        let t = "Vattnet åter på Norra Mon\nArbete med ventilbyte på Norra Mon är klart och vattnet kan vara missfärgat.\n\
                 Läs mer om Vattnet åter på Norra Mon\n\nKrishanteringsrådet signerade en överenskommelse\n\n\
                 Den 19 februari signerades en överenskommelse om samordning före, under och efter en kris.";
        assert_eq!(title(t).as_deref(), Some("Krishanteringsrådet signerade en överenskommelse"));
        let t = "Tänk på att...\nDin webbläsare är av en äldre modell. Vi rekommenderar att du uppdaterar till en nyare version.\n\n\
                 Handläggningstiden inom omprövningen\n\n\
                 Det är inom omprövningen som vi för tillfället har en handläggningstid på upp till 25 veckor.";
        assert_eq!(title(t).as_deref(), Some("Handläggningstiden inom omprövningen"));
        let t = "Vi arbetar för ett samhälle\nfritt från diskriminering.\n\nDO:s nya ombudsman på plats\n\n\
                 I dag den 1 december börjar Lars Ek som ny diskrimineringsombudsman på DO.";
        assert_eq!(title(t).as_deref(), Some("DO:s nya ombudsman på plats"));
        let t = "Jan Ek ordförande (-) i kulturnämnden och Linda Berg, kommundirektör.\n\n\
                 Kultur och fritid blir egen förvaltning igen\n\n\
                 Den 1 januari 2022 blir kultur och fritid återigen en egen förvaltning i kommunen.";
        assert_eq!(title(t).as_deref(), Some("Kultur och fritid blir egen förvaltning igen"));
        // a lead with a link under the headline is the article's
        let t = "Ny grundskolechef i Skövde kommun\n\nKarin Ek blir ny grundskolechef i kommunen och tillträder i januari.\n\n\
                 Läs mer\n\nSå ska kommunen arbeta vidare med skolan\n\nKommunen har sökt en chef sedan i våras och fick många sökande.";
        assert_eq!(title(t).as_deref(), Some("Ny grundskolechef i Skövde kommun"));
        assert!(kept(t).contains("Karin Ek blir"));
    }

    #[test]
    fn a_headline_may_open_with_a_name_like_ehalsomyndigheten() {
        let t = "eHälsomyndigheten kommenterar beslutet\n\n\
                 eHälsomyndigheten fick den 24 april Datainspektionens beslut om tjänsten.";
        assert_eq!(title(t).as_deref(), Some("eHälsomyndigheten kommenterar beslutet"));
    }

    #[test]
    fn labels_above_the_title_are_skipped() {
        assert_eq!(
            title("Nyheter\n\nKultur och fritid\n\nKommunen bygger ny skola\n\nText om skolan som är lång nog.")
                .as_deref(),
            Some("Kommunen bygger ny skola")
        );
    }

    #[test]
    fn a_sentence_is_no_title() {
        assert_eq!(
            title("Kommunen bygger en ny skola i centrum av staden i år.\n\nMer text här."),
            None
        );
        assert_eq!(
            title(
                "En kvinna ler mot kameran.\n\nBerätta om ditt jobb?\nJag arbetar som socialsekreterare i kommunen."
            ),
            None
        );
    }

    #[test]
    fn wrapped_text_is_no_title() {
        assert_eq!(
            title("Kommunen bygger\nen ny skola i centrum av staden."),
            None
        );
    }

    #[test]
    fn a_portrait_caption_yields_to_the_headline() {
        let t = "Kommundirektör Bengt Friberg\n\nKS har utsett Bengt Friberg som kommundirektör\n\n\
                 Kommunstyrelsen utsåg under tisdagens sammanträde Bengt Friberg som kommundirektör.";
        assert_eq!(
            kept(t),
            "KS har utsett Bengt Friberg som kommundirektör|Kommunstyrelsen utsåg under tisdagens sammanträde Bengt Friberg som kommundirektör."
        );
        // a name under the title is a portrait's caption
        let t = "Friberg slutar nästa vår\n\nBengt Friberg\n\n\
                 Kommundirektör Bengt Friberg planerar att gå i pension under våren.";
        assert!(!kept(t).contains("|Bengt Friberg|"));
        // alone, a name-and-role line may be the title
        assert_eq!(
            title("Anna Ek, ny kommundirektör\n\nKommunstyrelsen utsåg under tisdagen Anna Ek till kommundirektör.")
                .as_deref(),
            Some("Anna Ek, ny kommundirektör")
        );
    }

    #[test]
    fn notices_and_glued_lines_above_the_title_go() {
        let t = "Planerat tekniskt arbete på webbplatsen\n\n\
                 Aktuella varningar i länetJust nu finns flera varningar. Läs mer på SMHI:s webbplats.\n\n\
                 Kommunen bygger ny skola\n\nKommunen har beslutat att bygga en ny skola i centrum.";
        assert_eq!(
            kept(t),
            "Kommunen bygger ny skola|Kommunen har beslutat att bygga en ny skola i centrum."
        );
    }

    #[test]
    fn an_organisation_name_under_the_title_goes() {
        let t = "Länsstyrelsen i stabsläge\n\nLänsstyrelsen i Kronobergs län.\n\n\
                 Från och med fredagen går Länsstyrelsen upp i stabsläge, vilket innebär att beredskapen stärks.";
        assert!(
            !kept(t).contains("|Länsstyrelsen i Kronobergs län.|"),
            "{}",
            kept(t)
        );
        assert_eq!(title(t).as_deref(), Some("Länsstyrelsen i stabsläge"));
    }

    #[test]
    fn the_line_above_the_date_line_is_the_headline() {
        let t = "Sjukhusbyggnaderna i tre städer\n\nRegionen återgår till normalläge\n\n2023-01-09 16:17\n\n\
                 Från och med idag lämnar regionen stabsläget och återgår till det som kallas normalläge.";
        assert_eq!(
            title(t).as_deref(),
            Some("Regionen återgår till normalläge")
        );
        // without a date line the first title-like line is the title
        let t = "Regionen återgår till normalläge\n\nNu lämnar vi stabsläget\n\n\
                 Från och med idag lämnar regionen stabsläget och återgår till det som kallas normalläge.";
        assert_eq!(
            title(t).as_deref(),
            Some("Regionen återgår till normalläge")
        );
    }

    #[test]
    fn a_dash_quote_headline_is_the_title() {
        assert_eq!(
            title("– Vi måste våga prioritera\n\nKommunstyrelsens ordförande vill se över budgeten i år.")
                .as_deref(),
            Some("– Vi måste våga prioritera")
        );
    }

    #[test]
    fn a_breadcrumb_trail_as_a_list_goes() {
        assert_eq!(
            title("- Startsida\n- Vatten och avlopp\n- Vatten vid kris\nVatten vid kris\nVattenleveransen kan påverkas av flera faktorer som vi beskriver här.")
                .as_deref(),
            Some("Vatten vid kris")
        );
        assert_eq!(
            title("– Vi måste våga prioritera\n\nKommunstyrelsens ordförande vill se över budgeten i år.")
                .as_deref(),
            Some("– Vi måste våga prioritera")
        );
        // a list at the top that no headline repeats stays
        let t = "- Parkera inte på gatan\n- Skotta fram soptunnan\nSnöröjningen börjar i natt och pågår i hela kommunen under veckan.";
        assert!(super::super::test_page::kept(t).contains("Skotta fram soptunnan"));
    }

    #[test]
    fn a_line_above_navigation_yields_to_the_headline_below_it() {
        assert_eq!(
            title("Litet rött gästgivaremärke\n\nINNEHÅLL\n\nTillförordnad socialchef från september\n\nSocialchefen har sagt upp sig och en tillförordnad chef tar över i september.")
                .as_deref(),
            Some("Tillförordnad socialchef från september")
        );
        assert_eq!(
            title("Hoppa till innehåll\nBild från ett sammanträde.\nPressmeddelande 2022-09-19\n\nFörändrad politisk organisation\n\nRegionens politiska organisation förändras inför den nya mandatperioden.")
                .as_deref(),
            Some("Förändrad politisk organisation")
        );
    }

    #[test]
    fn a_lone_lowercase_word_above_the_headline_goes() {
        assert_eq!(
            title("fullskärmsbild\n\nKronprinsessan besökte KB\n\nKungliga biblioteket fick idag besök av Kronprinsessan.")
                .as_deref(),
            Some("Kronprinsessan besökte KB")
        );
    }

    #[test]
    fn a_known_title_below_a_notice_is_the_title_not_a_heading() {
        use super::super::{Options, paragraphs, structure};
        let p = paragraphs(
            "Denna nyhet är äldre än 12 månader.\n\nSkolan Öppnar\n\nKommunen har beslutat att bygga en ny skola i centrum.",
        );
        let c = structure(
            &p,
            &Options {
                known_title: Some("Skolan öppnar".into()),
                ..Default::default()
            },
        );
        assert_eq!(c.metadata.title.as_deref(), Some("Skolan Öppnar"));
        assert!(c.metadata.headings.is_empty());
    }
}
