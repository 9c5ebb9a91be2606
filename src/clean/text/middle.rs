//! Phase 4, the middle of a page (between the head and the tail): links
//! after a bare "Läs också", captions and their credits, image texts, and
//! the author's signature under the body.

use super::super::boilerplate::Scope;
use super::super::byline;
use super::shapes::{
    article_sentence, dash_quote_rest, is_action_caption, is_alt_text, is_lone_lowercase_word,
    is_people_caption,
    is_portrait_caption,
};
use super::tail::Facts;
use super::verbs::has_finite_verb;
use super::{Class, Hint, Page};

/// Cleans the units before `tail`.
pub fn clean(page: &mut Page<'_, '_>, tail: usize) {
    let mut i = 0;
    while i < tail {
        match (&page.class[i], page.furniture[i]) {
            (Class::Remove(_), Some(fu)) if fu.scope == Scope::NextLine => {
                if let Some(j) = link_after(page, i, tail) {
                    page.class[j] = Class::Remove("navigation");
                    i = j + 1;
                    continue;
                }
            }
            (Class::Meta(m), _) if m.reason() == "credit" && i > 0 => caption_above_credit(page, i),
            (Class::Keep, _) => page.class[i] = content_class(page, i),
            _ => {}
        }
        i += 1;
    }
}

/// The link line a bare "Läs också" at `i` takes: the next unit that is
/// not removed, when it is short content that does not end a sentence.
fn link_after(page: &Page<'_, '_>, i: usize, tail: usize) -> Option<usize> {
    let j = (i + 1..tail).find(|&j| !matches!(page.class[j], Class::Remove(_)))?;
    (page.is_content(j) && page.words(j) <= 15 && !page.line(j).ends_with('.')).then_some(j)
}

/// A credit-only line at `i` right under a caption line of the same
/// paragraph: that line is a caption.
fn caption_above_credit(page: &mut Page<'_, '_>, i: usize) {
    let p = i - 1;
    if page.units[p].para == page.units[i].para && page.is_content(p) && page.words(p) <= 60 {
        page.class[p] = Class::Caption(None);
    }
}

/// The class of a content unit of the middle: a caption (with the byte
/// where its credit starts), an image text, a caption copied twice (a
/// short repeated line that is no dash quote), or kept.
pub fn content_class(page: &Page<'_, '_>, i: usize) -> Class {
    let l = page.line(i);
    let hint = page.units[i].hint;
    if page.repeated[i] && page.words(i) <= 25 && dash_quote_rest(l).is_none() {
        return Class::Remove("caption");
    }
    if hint == Hint::Caption {
        return Class::Caption(byline::caption_credit(l).map(|(at, _)| at));
    }
    if let Some((at, _)) = byline::caption_credit(l) {
        if at > 0 && page.words(i) <= 80 {
            return Class::Caption(Some(at));
        }
    } else if hint == Hint::Unknown && (is_alt_text(l) || alone_lowercase_word(page, i)) {
        return Class::Remove("image");
    } else if hint == Hint::Unknown
        && (portrait_caption_in_body(page, i)
            || people_in_picture(page, i)
            || action_in_picture(page, i)
            || verbless_description(page, i)
            || scene_in_picture(page, i))
    {
        return Class::Remove("caption");
    }
    Class::Keep
}

/// Whether unit `i` is a picture's description told by the words that
/// place people in a picture: a paragraph of its own of five to sixty
/// words that says "i bakgrunden syns", "syns i bakgrunden", "(från
/// vänster …", "från vänster till höger", "står utomhus" or "ståendes" (a
/// word of its own, not "närståendes"), and is no
/// quotation ("Johanna Sandwall, länsråd, tillsammans med civilministern
/// står utomhus, i bakgrunden syns folk och residenset.").
fn scene_in_picture(page: &Page<'_, '_>, i: usize) -> bool {
    const PLACES: &[&str] = &[
        "i bakgrunden syns",
        "i förgrunden syns",
        "syns i bakgrunden",
        "(från vänster",
        "från vänster till höger",
        "står utomhus",
        " ståendes ",
    ];
    let l = page.line(i);
    let k = format!(" {} ", l.to_lowercase());
    page.alone(i)
        && (5..=60).contains(&page.words(i))
        && !l.contains(['"', '”', '“', '»', '«', '?'])
        && dash_quote_rest(l).is_none()
        && PLACES.iter().any(|p| k.contains(p))
}

/// Whether unit `i` is a picture's description left between paragraphs:
/// a paragraph of its own, five to forty words from a capital letter to a
/// full stop, no quotation, dash, colon, exclamation or digit (a list's
/// item, a table's row, an exhortation), and no word that could be a finite verb
/// ([`has_finite_verb`]: "Gruppbild av åtta personer i en salong på ett
/// slott."), on a page with article text elsewhere.
fn verbless_description(page: &Page<'_, '_>, i: usize) -> bool {
    let l = page.line(i);
    page.alone(i)
        && (5..=40).contains(&page.words(i))
        && l.ends_with('.')
        && l.starts_with(char::is_uppercase)
        && !l.contains(['"', '”', '“', '»', '«', ':', '%', '–', '!', '?', '/', '@'])
        && !l.contains(|c: char| c.is_ascii_digit())
        && dash_quote_rest(l).is_none()
        && !has_finite_verb(l)
        // "Sammanfattning från presskonferens 21 november 2023.": an
        // event's label, not a picture's description
        && crate::clean::dates::find_dates(l, None).is_empty()
        && (0..page.units.len())
            .any(|j| j != i && article_sentence(page.line(j), page.words(j)))
}

/// Whether unit `i` is a portrait's caption standing alone between body
/// paragraphs: a name with a comma and a role ("Anna Ek, sektionschef,
/// SKR"; [`is_portrait_caption`]) on a line of its own, of a person the
/// text above has already named, with article text still to come. (The
/// first line naming the person introduces them and stays; a name and role
/// under the last paragraph is a signature, which [`signature`] decides.)
fn portrait_caption_in_body(page: &Page<'_, '_>, i: usize) -> bool {
    let l = page.line(i);
    let name = l.split(',').next().unwrap_or(l).trim();
    page.alone(i)
        && l.contains(',')
        && is_portrait_caption(l)
        && (0..i).any(|j| page.line(j).contains(name) && page.words(j) > name.split(' ').count() + 3)
        && (i + 1..page.units.len()).any(|j| article_sentence(page.line(j), page.words(j)))
}

/// Whether unit `i` names the people of a picture between the head and
/// the body or between paragraphs: a paragraph of its own that only names
/// people with their roles ([`is_people_caption`]: "Civilminister Erik
/// Slottner och landshövding Helena Jonsson"), with article text still to
/// come. A line that introduces the speaker of the dash quotes or the
/// interview right under it ("Martina Simonsson, socialsekreterare" above
/// "Hej Martina. Vad gör en socialsekreterare?") or labels them
/// ("Förtroendevald – Patrik Stenvard (M), …") stays, and so does a list
/// of people one a line (the signers of a letter: "Erik Ek, professor i
/// statskunskap, Örebro universitet" and the next).
fn people_in_picture(page: &Page<'_, '_>, i: usize) -> bool {
    let next = (i + 1..page.units.len()).find(|&j| page.is_content(j));
    let listed = |j: usize| is_people_caption(page.line(j)) || is_portrait_caption(page.line(j));
    (page.alone(i) || above_caption_with_credit(page, i))
        && is_people_caption(page.line(i))
        && !(i > 0 && listed(i - 1))
        && !next.is_some_and(|j| j == i + 1 && listed(j))
        && !page.line(i).contains(" – ")
        && next.is_some_and(|j| dash_quote_rest(page.line(j)).is_none() && !page.line(j).ends_with('?'))
        && (i + 1..page.units.len()).any(|j| article_sentence(page.line(j), page.words(j)))
}

/// Whether unit `i` is a caption telling what the person named first
/// does ([`is_action_caption`]: "Josefin Malmqvist (M), klipper bandet
/// under invigningen."), a paragraph of its own with article text still
/// to come.
fn action_in_picture(page: &Page<'_, '_>, i: usize) -> bool {
    page.alone(i)
        && is_action_caption(page.line(i))
        && (i + 1..page.units.len()).any(|j| article_sentence(page.line(j), page.words(j)))
}

/// Whether the line under unit `i`, in the same paragraph, is a caption
/// with its photo credit ("Tommy Svensson och Elisabeth O Karlsson. Foto:
/// Klas Sjöberg").
fn above_caption_with_credit(page: &Page<'_, '_>, i: usize) -> bool {
    page.units.get(i + 1).is_some_and(|u| u.para == page.units[i].para)
        && byline::caption_credit(page.line(i + 1)).is_some_and(|(at, _)| at > 0)
}

/// Whether unit `i` is one lowercase word alone in its paragraph (an
/// image's text or a tag, [`is_lone_lowercase_word`]).
fn alone_lowercase_word(page: &Page<'_, '_>, i: usize) -> bool {
    page.alone(i) && is_lone_lowercase_word(page.line(i))
}

/// The signature under a letter's or a statement's dateline ("Falun den
/// 26 april 2022", then "Karin Ek" and "Regiondirektör"): up to three
/// short lines, none a sentence, right after the dateline. A dateline
/// inside a quotation (a letter quoted in an interpellation) is the
/// quoted letter's: it and its signature stay, and its date is not the
/// text's.
pub fn dateline_signature(page: &mut Page<'_, '_>) {
    let mut marks = 0usize;
    for i in 0..page.units.len() {
        let quoted = marks % 2 == 1;
        marks += page.line(i).matches(['"', '”', '“']).count();
        if !matches!(page.class[i], Class::Meta(_)) || !byline::is_letter_dateline(page.line(i)) {
            continue;
        }
        if quoted {
            page.class[i] = Class::Keep;
            continue;
        }
        let mut j = i + 1;
        while j < page.units.len()
            && j <= i + 3
            && page.is_content(j)
            && page.words(j) <= 6
            && !page.line(j).ends_with(['.', '!', '?', ':'])
            && !page.line(j).contains(['"', '”', '“'])
        {
            page.class[j] = Class::Remove("byline");
            j += 1;
        }
    }
}

/// The author's signature under the body ("Gunilla Rask (S)" and a role
/// line), after the last article-sized paragraph, when a byline named the
/// author.
pub fn signature(page: &mut Page<'_, '_>, tail: usize, facts: &Facts) {
    let mut known_authors: Vec<String> = Vec::new();
    for c in &page.class {
        if let Class::Meta(m) = c {
            known_authors.extend(m.authors.iter().cloned());
        }
    }
    if known_authors.is_empty() {
        return;
    }
    let mut sig_para: Option<usize> = None;
    for i in 0..tail {
        if facts.article_after[i] || !page.is_content(i) || page.words(i) > 10 {
            continue;
        }
        let l = page.line(i);
        if known_authors.iter().any(|a| l.starts_with(a.as_str())) {
            sig_para = Some(page.units[i].para);
            page.class[i] = Class::Remove("byline");
        } else if sig_para == Some(page.units[i].para) {
            page.class[i] = Class::Remove("byline");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_page::kept;

    #[test]
    fn a_description_without_a_verb_between_paragraphs_goes() {
        let t = "Landshövdingar i möte med ministern\n\nGruppbild av åtta personer i en salong på ett slott.\n\n\
                 Den 15 februari besökte ministern slottet för ett möte med landshövdingarna i sydlänen.\n\n\
                 Mycket folk i Visby under Almedalsveckan.\n\n\
                 Mötet handlade om hur länen samarbetar i dag och vad de kan göra bättre.";
        assert_eq!(
            kept(t),
            "Landshövdingar i möte med ministern|Den 15 februari besökte ministern slottet för ett möte med landshövdingarna i sydlänen.|Mötet handlade om hur länen samarbetar i dag och vad de kan göra bättre."
        );
        // a sentence with a verb, a list's row, a dated label and a line
        // with a dash stay
        let t = "Rubrik om skolan\n\nKommunen bygger en ny skola i centrum av staden nästa år.\n\n\
                 Skolan får en ny idrottshall.\n\nBrist i 20,18 % av kommunerna.\n\n\
                 Sammanfattning från presskonferensen 21 november 2023.\n\nFortsätt så – och håll ut.";
        assert_eq!(
            kept(t),
            "Rubrik om skolan|Kommunen bygger en ny skola i centrum av staden nästa år.|Skolan får en ny idrottshall.|Brist i 20,18 % av kommunerna.|Sammanfattning från presskonferensen 21 november 2023.|Fortsätt så – och håll ut."
        );
    }

    #[test]
    fn a_statement_s_dateline_and_signature_go() {
        let t = "Uttalande efter mötet\n\nVi har haft en lång dialog som skapade en större förståelse för varandra.\n\n\
                 Falun den 26 april 2022\n\nKarin Ek\nRegiondirektör\n\n\
                 ”Det var ett värdefullt möte för oss alla.” Åsa Berg, hälso- och sjukvårdsdirektör.";
        assert_eq!(
            kept(t),
            "Uttalande efter mötet|Vi har haft en lång dialog som skapade en större förståelse för varandra.|”Det var ett värdefullt möte för oss alla.” Åsa Berg, hälso- och sjukvårdsdirektör."
        );
        // a letter quoted in the text keeps its dateline and signature
        let t = "Interpellation om vägarna\n\nLänet skrev till departementet:\n\n\
                 \"Vi behöver medel för vintervägarna på ön och hoppas på ett snabbt besked.\n\n\
                 Umeå den 17 december 1957\n\nVägförvaltningen i länet\"\n\n\
                 Frågan är vad statsrådet tänker göra åt saken nu.";
        assert!(kept(t).contains("|Umeå den 17 december 1957|Vägförvaltningen i länet\"|"));
    }

    #[test]
    fn a_picture_told_by_where_people_stand_goes() {
        let body = "Ministern besökte länet i dag och träffade länsstyrelsens ledning för samtal.";
        for caption in [
            "Anna Ek, länsråd, tillsammans med ministern står utomhus, i bakgrunden syns residenset.",
            "(Från vänster till höger i bild) Per Berg, landshövding, och Eva Lind, direktör.",
            "Thomas Ek som blir kommundirektör ståendes på biblioteket intill en julgran",
        ] {
            let t = format!("Rubrik om besöket\n\n{body}\n\n{caption}\n\n{body}");
            assert!(!kept(&t).contains(caption), "{caption}");
        }
        // a quotation, or a sentence inside a paragraph, stays
        let t = format!(
            "Rubrik om besöket\n\n{body}\n\n– I bakgrunden syns en lång historia, säger Anna Ek.\n\n{body}"
        );
        assert!(kept(&t).contains("I bakgrunden syns"));
        let t = format!(
            "Rubrik om besöket\n\n{body}\n\nDe närståendes roll i vården har hamnat i bakgrunden.\n\n{body}"
        );
        assert!(kept(&t).contains("närståendes"));
    }

    #[test]
    fn read_also_takes_the_link_line() {
        let t = "Kommunen bygger ny skola\n\nKommunen bygger en ny skola i centrum av staden.\n\nLäs också\n\n\
                 Skolan får nytt tak\n\nArbetet börjar i vår och tar två år enligt kommunen.";
        assert_eq!(
            kept(t),
            "Kommunen bygger ny skola|Kommunen bygger en ny skola i centrum av staden.|Arbetet börjar i vår och tar två år enligt kommunen."
        );
    }

    #[test]
    fn captions_lose_their_credit() {
        let t = "Kommunen bygger ny skola\n\nElever i skolan. Foto: Anna Berg\n\nKommunen bygger en ny skola i centrum av staden.";
        assert!(kept(t).contains("|Elever i skolan.|"));
    }

    #[test]
    fn a_portrait_caption_between_paragraphs_goes_a_signature_stays() {
        let t = "Nio strategier för kompetensförsörjning\n\nAnna Ek, sektionschef på SKR, berättar om strategierna.\n\n\
                 Anna Ek, Sektionschef, SKR\n\n– Strategierna riktar sig främst till HR inom kommuner och regioner.";
        assert!(!kept(t).contains("|Anna Ek, Sektionschef, SKR|"), "{}", kept(t));
        let t = "Frågor om biblioteket\n\nVi har försökt göra biblioteken tillgängliga för alla i kommunen.\n\n\
                 Anna Ek, kultursekreterare";
        assert!(kept(t).contains("Anna Ek, kultursekreterare"), "{}", kept(t));
        let t = "Socialsekreterare\n\nAnna Ek, socialsekreterare\n\nHej Anna. Vad gör en socialsekreterare?\n\n\
                 – Jag jobbar på Socialtjänsten som utredare inom Barn och familj här i kommunen.";
        assert!(kept(t).contains("Anna Ek, socialsekreterare"), "{}", kept(t));
    }

    #[test]
    fn image_texts_go() {
        let t = "Kommunen bygger ny skola\n\nBild På Tre Elever\n\nKommunen bygger en ny skola i centrum av staden.";
        assert!(!kept(t).contains("Bild"));
    }

    #[test]
    fn a_lone_lowercase_word_goes_a_wrapped_one_stays() {
        let t = "Kommunen bygger ny skola\n\nKommunen bygger en ny skola i centrum av staden.\n\neuropakarta\n\n\
                 Arbetet börjar i vår och tar två år enligt\nkommunen";
        let k = kept(t);
        assert!(!k.contains("europakarta"), "{k}");
        assert!(k.contains("enligt\nkommunen"), "{k}");
    }

    #[test]
    fn the_signature_of_a_named_author_goes() {
        let t = "Kommunen bygger ny skola\n\nAv: Gunilla Rask\n\nKommunen bygger en ny skola i centrum av staden och det är bra för alla som bor här.\n\n\
                 Gunilla Rask (S)\nkommunalråd";
        assert!(!kept(t).contains("kommunalråd"));
    }
}
