//! Shapes of one line that the phases ask about: could it be a title, a
//! subheading, body text, an image's alternative text.

use super::super::byline::{self, FUNCTION_WORDS};

/// Whether a line could be a title. A headline may start with a dash
/// quote ("– Vi måste våga prioritera") or with a name whose capital is
/// its second letter ("eHälsomyndigheten kommenterar …").
pub fn title_like(line: &str, words: usize) -> bool {
    let start = dash_quote_rest(line).unwrap_or(line);
    let mut cs = start.chars();
    let first = cs.next();
    let prefixed_name = first.is_some_and(|c| c.is_ascii_lowercase()) && cs.next().is_some_and(char::is_uppercase);
    (1..=30).contains(&words)
        && line.chars().count() <= 250
        && !line.ends_with(['.', ',', ';', ':'])
        && (prefixed_name
            || first.is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '"' || c == '”' || c == '«'))
}

/// The text after a leading dash quote (`– Vi`, `- Vi`, `—Vi`), or `None`.
pub fn dash_quote_rest(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(['–', '-', '—', '−'])?;
    Some(rest.trim_start())
}

/// Whether a line is an image's alternative text left in a scrape:
/// `Bild på ...`, or Title-Case words with a capitalised function word
/// (`Bild På Tre Cioerna`), which Swedish sentence-case text never has.
pub fn is_alt_text(line: &str) -> bool {
    // a paragraph of more than 40 words is no image text (each test below
    // says so too; this one counts once, without lowercasing anything)
    if line.split_whitespace().nth(40).is_some() {
        return false;
    }
    if is_picture_label(line)
        || is_picture_shown(line)
        || is_scene(line)
        || is_scene_description(line)
    {
        return true;
    }
    if line.ends_with(['.', '!', '?', ':', ',', ';']) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 40 {
        return false;
    }
    let lower = line.to_lowercase();
    // "Foto på en tårta där någon tagit en bit. På tårtan står …": a
    // picture described, however long.
    if words.len() <= 40
        && ["foto på ", "bild på ", "fotot visar "]
            .iter()
            .any(|p| lower.starts_with(p))
    {
        return true;
    }
    // a picture's text written in lower case, naming the picture first
    // ("kartbild där ett område är inringat med svarta streck", "flygbild
    // över centrum")
    let first = lower.split_whitespace().next().unwrap_or_default();
    if line.starts_with(char::is_lowercase)
        && ["bild", "karta", "foto", "fotografi", "illustration", "skiss", "ritning"]
            .iter()
            .any(|p| first.ends_with(p))
        && matches!(words.get(1), Some(&"där" | &"som" | &"av" | &"över" | &"med" | &"från" | &"på"))
    {
        return true;
    }
    if [
        "bild på ",
        "bilden visar",
        "foto på ",
        "porträttbild",
        "porträtt av",
        "illustration av",
        "image of",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return true;
    }
    if words.len() < 3 || words.len() > 12 {
        return false;
    }
    let all_caps = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    });
    let capitalised_function_word = words[1..].iter().any(|w| {
        FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
            && w.chars().next().is_some_and(char::is_uppercase)
    });
    all_caps && (capitalised_function_word || words.len() >= 6)
}

/// Present-tense verbs of what a picture shows people doing ("ler",
/// "talar", "intervjuas"): the verbs of image texts and captions.
const PICTURE_VERBS: &[&str] = &[
    "ler",
    "skrattar",
    "tittar",
    "sitter",
    "står",
    "poserar",
    "håller",
    "pratar",
    "samtalar",
    "leker",
    "vinkar",
    "kramar",
    "kramas",
    "skakar",
    "hälsar",
    "talar",
    "intervjuas",
    "gratuleras",
    "klipper",
    "promenerar",
    "springer",
    "cyklar",
    "läser",
    "lyssnar",
    "jublar",
    "applåderar",
    "sträcker",
];

/// An image label with its final period: "Illustration av
/// sjukvårdspersonal.", "Porträtt av Anna Ek.", "Bild på Krister
/// Björkegren." (a picture of a named person), at most eight words.
pub fn is_picture_label(line: &str) -> bool {
    let t = line.trim_end_matches('.');
    let words = t.split_whitespace().take(9).count();
    if !(2..=8).contains(&words) {
        return false;
    }
    let lower = t.to_lowercase();
    if [
        "illustration av ",
        "illustration: ",
        "porträtt av ",
        "porträttbild av ",
        "bild från ",
        "bilden visar ",
        "foto från ",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return true;
    }
    ["bild på ", "foto på ", "fotografi på "]
        .iter()
        .find_map(|p| lower.strip_prefix(p).map(|r| &t[t.len() - r.len()..]))
        .is_some_and(byline::is_person_name)
}

/// An image's text that says what the picture shows: a picture noun and
/// "visar" or "föreställer" ("Collage visar sjukhusbyggnaderna i
/// Sundsvall", "Kartan visar länets kommuner"), no sentence end, at most
/// fifteen words.
pub fn is_picture_shown(line: &str) -> bool {
    const PICTURES: &[&str] = &[
        "bild",
        "bilden",
        "foto",
        "fotot",
        "fotografi",
        "fotografiet",
        "collage",
        "collaget",
        "montage",
        "illustration",
        "illustrationen",
        "karta",
        "kartan",
        "grafik",
        "grafiken",
        "diagram",
        "diagrammet",
        "skärmbild",
        "skärmbilden",
        "teckning",
        "teckningen",
        "logotyp",
        "logotypen",
    ];
    // most lines are longer: count before lowercasing every word
    if line.split_whitespace().nth(15).is_some() {
        return false;
    }
    let ws: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
    ws.len() <= 15
        && !ends_sentence(line)
        && ws.len() >= 3
        && PICTURES.contains(&ws[0].as_str())
        && matches!(ws[1].as_str(), "visar" | "föreställer" | "över")
        && ws[2] != "att"
}

/// Words of place in a picture's description ("framför", "i bakgrunden").
const PICTURE_PLACES: &[&str] = &["framför", "bredvid", "intill", "bakgrunden", "förgrunden", "bakom"];

/// Whether word `w` is one of `list` (lowercase words), ignoring the case
/// of ASCII letters, without allocating (the scene tests run on every
/// short line).
fn is_one_of(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// An image's description in a few short sentences, most of them saying
/// where people stand and what they do ("En man bläddrar i en liten bok.
/// Bredvid honom står två kvinnor som också tittar i boken. Framför dem
/// står ett bord."): two to five sentences of at most 20 words, two thirds
/// of them with a [`PICTURE_VERBS`] verb or a word of place, no quotation.
pub fn is_scene_description(line: &str) -> bool {
    // (two sentences at least; most body paragraphs stop here or at the
    // sentence count)
    if !line.contains(". ") || line.contains(['"', '”', ':', '–']) {
        return false;
    }
    let sentences: Vec<&str> = line
        .split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if !(2..=5).contains(&sentences.len()) {
        return false;
    }
    let scene = |s: &&str| {
        s.split(|c: char| !c.is_alphabetic()).any(|w| {
            is_one_of(PICTURE_VERBS, w)
                || is_one_of(PICTURE_PLACES, w)
                || is_one_of(&["bläddrar", "ståendes", "sittandes", "bär"], w)
        })
    };
    let scenes = sentences.iter().filter(|s| scene(s)).count();
    sentences.iter().all(|s| s.split_whitespace().count() <= 20)
        && scenes >= 2
        && scenes * 3 >= sentences.len() * 2
}

/// A picture's scene: people, counted or not, doing what a picture shows
/// ("Tre flickor skrattar tillsammans", "En kvinna ler och tittar in i
/// kameran.", "Talman Andreas Norlén talar i plenisalen.", "Sjukvårdsledare
/// Rickard Lundin intervjuas"): a [`PICTURE_VERBS`] verb as the second,
/// third or fourth word after a counted subject or a name, at most ten
/// words. Longer descriptions: [`is_scene_description`].
pub fn is_scene(line: &str) -> bool {
    const COUNTED: &[&str] = &[
        "en", "ett", "två", "tre", "fyra", "fem", "sex", "flera", "några", "många", "glada",
    ];
    if line.split_whitespace().nth(18).is_some() {
        return false;
    }
    let ws: Vec<&str> = line.split_whitespace().collect();
    let bare = |w: &str| w.trim_end_matches(['.', ',']).to_lowercase();
    // up to ten words; up to eighteen with a word only a picture's
    // description has ("framför", "utomhus", "i bakgrunden", "kameran")
    let visual = ws.len() > 10
        && ws.iter().any(|w| {
            let w = w.trim_end_matches(['.', ',']);
            is_one_of(PICTURE_PLACES, w)
                || is_one_of(&["utomhus", "inomhus", "kameran", "skylten", "mikrofon", "fotografi"], w)
        });
    if ws.len() < 2
        || ws.len() > if visual { 18 } else { 10 }
        || line.ends_with(['?', '!', ':', ','])
        || line.contains('"')
    {
        return false;
    }
    let verb_at = |i: usize| {
        ws.get(i).is_some_and(|w| {
            let w = bare(w);
            PICTURE_VERBS.contains(&w.as_str())
                // a named person at a place: "Riksrevisor Helena Lindberg vid dator."
                || (ws.len() <= 6 && matches!(w.as_str(), "vid" | "framför" | "utomhus"))
        })
    };
    // a counted subject is a noun phrase: no function word before the verb
    let noun_phrase = |v: usize| {
        ws[1..v]
            .iter()
            .all(|w| !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
    };
    let counted = COUNTED.contains(&ws[0].to_lowercase().as_str())
        && (2..=3).any(|v| verb_at(v) && noun_phrase(v));
    // a person's name (a given name first), perhaps after a title
    let person = |a: usize, b: usize| {
        byline::is_person_name(&ws[a..b].join(" ")) && crate::names::is_given(ws[a])
    };
    let named =
        (2..=3).any(|n| ws.len() > n && verb_at(n) && (person(0, n) || (n == 3 && person(1, 3))));
    // "Barn som leker med böcker.", "Två kvinnor som samtalar.": people
    // who do what a picture shows, in at most seven words
    let who_does = ws.len() <= 7
        && (1..=2).any(|k| {
            ws.get(k).is_some_and(|w| *w == "som")
                && ws[..k].iter().all(|w| !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
                && verb_at(k + 1)
        });
    counted || named || who_does
}

/// Whether a line is one lowercase word and nothing else ("europakarta",
/// "politik"): an image's file-like text or a tag, when it stands alone
/// in its paragraph (the phases check that; a wrapped sentence's last
/// word is not alone).
pub fn is_lone_lowercase_word(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 3
        && !t.contains(char::is_whitespace)
        && t.chars().next().is_some_and(char::is_lowercase)
        && t.chars().all(|c| c.is_lowercase() || c == '-')
}

/// Words of a caption that say where people stand in the picture.
pub fn names_positions(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "från vänster",
        "från höger",
        "fr v ",
        "fr.v.",
        " t.v.",
        " t.h.",
        "på bilden",
        "i mitten",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// Whether a line is only an organisation's name (a logo's or the site's
/// text): at most six words, capitalised but for a few small words and
/// the organisation word itself ("Länsstyrelsen i Kronobergs län.",
/// "Svalövs kommun", "Region Östergötland", "Socialdepartementet").
pub fn is_organisation_name(line: &str) -> bool {
    const HEADS: &[&str] = &[
        "kommun",
        "kommuner",
        "län",
        "region",
        "regionen",
        "länsstyrelsen",
        "landsting",
        "stad",
        "staden",
        "departementet",
        "myndigheten",
        "verket",
        "universitet",
        "universitetet",
        "högskola",
        "högskolan",
        "förvaltningen",
        "inspektionen",
        "kansliet",
        "regeringskansliet",
        "riksdagen",
    ];
    let t = line.trim().trim_end_matches('.');
    let ws: Vec<&str> = t.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 6 || t.contains([',', ':', '!', '?', '"']) {
        return false;
    }
    let head = |w: &str| {
        let l = w.to_lowercase();
        HEADS
            .iter()
            .any(|h| l == *h || (h.len() > 6 && l.ends_with(h)))
    };
    ws[0].starts_with(char::is_uppercase)
        && ws.iter().any(|w| head(w))
        && ws.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || head(w)
                || matches!(*w, "i" | "och" | "för" | "av" | "på")
        })
}

/// Whether a line is a portrait's caption: a person's name alone ("Bengt
/// Friberg"), after a title or role word ("Kommundirektör Bengt Friberg",
/// "Talman Urban Ahlin"), or before a party letter or a comma and a role
/// ("Rickard Carstedt (S) ordförande i Regionala utvecklingsnämnden",
/// "Martina Simonsson, socialsekreterare"). Not a sentence, no colon.
pub fn is_portrait_caption(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() > 14 || ends_sentence(line) || line.contains(':') {
        return false;
    }
    if byline::is_person_name(line) {
        return true;
    }
    if (3..=4).contains(&words.len()) && byline::is_person_name(&words[1..].join(" ")) {
        return true;
    }
    (2..=3).any(|n| {
        words.len() > n
            && byline::is_person_name(&words[..n].join(" ").replace(',', ""))
            && (words[n - 1].ends_with(',') || is_party(words[n]))
    })
}

/// Whether a line only names people in a picture: one or more full names
/// with their roles, parties and organisations and no word that could be
/// a finite verb ("Civilminister Erik Slottner och landshövding Helena
/// Jonsson", "Claes-Urban Boström, kommundirektör i Kungsör kommun.",
/// "Eva Dannetun, ny prorektor, Anders Fällström, rektor och Mats
/// Tinnsten, förlängt förordnande som prorektor."). A lone name, or a name
/// and role without a comma ("Anna Ek ny ordförande", a heading's shape),
/// is not enough: the line needs two names, a comma after a name or a
/// role word right before one. No quotation, question, colon or digit.
pub fn is_people_caption(line: &str) -> bool {
    let l = line.trim();
    if !l.starts_with(char::is_uppercase)
        || l.split_whitespace().count() > 40
        || l.contains(['"', '”', '“', '»', '«', '?', '!', ':', ';', '@', '/'])
        || l.contains(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let found = crate::names::scan(l, crate::span::Span::new(0, l.len()));
    if found.is_empty() {
        return false;
    }
    let mut rest = Vec::new();
    let mut marked = found.len() >= 2;
    let mut at = 0;
    for n in &found {
        let before = &l[at..n.span.start];
        let last = before.split_whitespace().last().unwrap_or("");
        marked |= role_of(last).is_some();
        let after = &l[n.span.end..];
        marked |= after.starts_with(',')
            || after.split_whitespace().next().is_some_and(|w| is_party(w) || w == "(-)");
        rest.extend(before.split_whitespace());
        at = n.span.end;
    }
    rest.extend(l[at..].split_whitespace());
    // ("Västsahara till utrikesminister Anna Lindh om Västsahara" is a
    // question's title: "till" and "om" do not stand in a caption)
    marked
        && rest.len() <= 8 * found.len()
        && rest.iter().all(|w| !may_be_verb(w) && !matches!(*w, "till" | "om"))
}

/// Whether a line is a picture's caption that tells what the person named
/// first does: the name (and a party letter), a comma, then a finite verb
/// with no subject ("Josefin Malmqvist (M), klipper bandet under
/// invigningen."), as captions are written and sentences are not. At most
/// 25 words, no quotation, question, colon or dash.
pub fn is_action_caption(line: &str) -> bool {
    let l = line.trim();
    if l.split_whitespace().count() > 25 || l.contains(['"', '”', '“', '»', '«', '?', ':', '–', '—']) {
        return false;
    }
    let found = crate::names::scan(l, crate::span::Span::new(0, l.len()));
    let Some(n) = found.first().filter(|n| n.span.start == 0) else {
        return false;
    };
    let mut rest = l[n.span.end..].trim_start();
    if let Some(w) = rest.split_whitespace().next().filter(|w| is_party(w)) {
        if w.ends_with(',') {
            rest = &rest[w.len() - 1..];
        } else {
            rest = rest[w.len()..].trim_start();
        }
    }
    let Some(after) = rest.strip_prefix(',') else {
        return false;
    };
    after
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(char::is_lowercase) && !w.ends_with(',') && may_be_verb(w))
}

/// The role a caption's word names ("Civilminister", "landshövding",
/// "kommundirektören").
fn role_of(w: &str) -> Option<String> {
    let w = w.trim_matches(|c: char| !c.is_alphabetic());
    crate::speakers::roles::role_word(w).or_else(|| crate::speakers::roles::plural_role(w))
}

/// Whether a word left in a caption beside its names could be a finite
/// verb: not a role, not capitalised (a place's or an organisation's
/// name), and a finite form by [`has_finite_verb`](super::verbs::has_finite_verb).
fn may_be_verb(raw: &str) -> bool {
    let w = raw.trim_matches(|c: char| !c.is_alphabetic());
    !w.is_empty()
        && role_of(w).is_none()
        && !w.starts_with(char::is_uppercase)
        && super::verbs::has_finite_verb(w)
}

/// `(S)`, `(M)`, `(KD)`, `(MP)`: a party letter in parentheses.
fn is_party(w: &str) -> bool {
    let inner = w
        .trim_end_matches([',', '.'])
        .strip_prefix('(')
        .and_then(|w| w.strip_suffix(')'));
    inner.is_some_and(|p| (1..=3).contains(&p.len()) && p.chars().all(|c| c.is_uppercase()))
}

/// Whether a line was glued from two page elements by the scrape: a word
/// that starts in lowercase, runs three lowercase letters or more and goes
/// on with a capitalised word ("länJust", "kommunvägledareAnn-Sofi").
/// Product names (`iPhone`, `LinkedIn`) do not have that shape.
pub fn is_glued(line: &str) -> bool {
    line.split_whitespace().any(|w| {
        let cs: Vec<char> = w.chars().collect();
        if !cs.first().is_some_and(|c| c.is_lowercase()) {
            return false;
        }
        let run = cs.iter().take_while(|c| c.is_lowercase()).count();
        run >= 3
            && cs.get(run).is_some_and(|c| c.is_uppercase())
            && cs.get(run + 1).is_some_and(|c| c.is_lowercase())
    })
}

/// Whether a paragraph is article text for sure: a sentence of eight
/// words or more, or twenty words.
pub fn article_sentence(line: &str, words: usize) -> bool {
    words >= 20 || (words >= 8 && line.ends_with(['.', '!', '?', '"', '”', '»']))
}

/// Whether a one-line paragraph may be a subheading.
pub fn heading_like(line: &str, words: usize) -> bool {
    (1..=10).contains(&words)
        && line.chars().count() <= 90
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && !line.ends_with([
            '.', ',', ';', ':', '!', '?', '…', '"', '”', '»', '\'', ')', '-', '–',
        ])
        && !byline::is_person_name(line)
}

/// Whether a paragraph reads as body text: eight words or more, or ending
/// a sentence.
pub fn body_like(line: &str, words: usize) -> bool {
    words >= 8 || line.ends_with(['.', '!', '?', '"', '”', '»'])
}

/// Whether a line ends a sentence (for the labels and titles above a
/// headline, which do not).
pub fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '?', '!'])
}

/// A line lowercased with white space collapsed, for comparing lines.
pub fn norm(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_s_text_in_lower_case_naming_the_picture() {
        assert!(is_alt_text("kartbild där ett område är inringat med svarta streck"));
        assert!(is_alt_text("flygbild över centrum"));
        assert!(!is_alt_text("bildningsnämnden där frågan ska behandlas"));
        assert!(!is_alt_text("kommunen där frågan ska behandlas i maj"));
    }

    #[test]
    fn a_caption_that_tells_what_the_person_does() {
        assert!(is_action_caption("Josefin Malmqvist (M), klipper bandet under invigningen."));
        assert!(is_action_caption("Anna Ek, tar emot priset av landshövdingen."));
        assert!(!is_action_caption("Anna Ek, kommundirektör, tar emot priset."));
        assert!(!is_action_caption("Anna Ek, säger: – Vi är glada."));
        assert!(!is_action_caption("Kommunen, som växer, bygger en skola."));
        assert!(!is_action_caption("Ahmed Ek, writer, journalist, is the founder of the station."));
    }

    #[test]
    fn lines_that_only_name_people_in_a_picture() {
        for l in [
            "Civilminister Erik Slottner och landshövding Helena Jonsson",
            "Claes-Urban Boström, kommundirektör i Kungsör kommun.",
            "Eva Dannetun, ny prorektor, Anders Fällström, rektor och Mats Tinnsten, förlängt förordnande som prorektor.",
            "Ann-Caroline Kostet och Fredrik Berling",
            "Maria Stenberg (S), regionstyrelsens ordförande",
        ] {
            assert!(is_people_caption(l), "{l}");
        }
        for l in [
            "Anna Ek",
            "Anna Ek ny ordförande i nämnden",
            "Anna Ek, kommundirektör, säger att arbetet går vidare.",
            "Anna Ek och Per Berg leder arbetet i kommunen.",
            "Kontakt: Anna Ek, kommundirektör",
            "Anna Ek, kommundirektör, tel 070-123 45 67",
            "Fråga: Anna Ek och Per Berg?",
            "Kommunen har anställt Anna Ek, ny kommundirektör.",
            "Gedik Pasha Kilisesi (en kyrka med kringliggande fastigheter i Istanbul)",
            "Västsahara till utrikesminister Anna Lindh om Västsahara",
        ] {
            assert!(!is_people_caption(l), "{l}");
        }
    }

    #[test]
    fn longer_scenes_with_a_picture_s_words() {
        assert!(is_scene(
            "Två kvinnor står vid en mikrofon framför en faluröd byggnad med skylten Bibliotek."
        ));
        assert!(is_scene(
            "Diskrimineringsombudsman Lars Arrhenius står utomhus och tittar in i kameran, fotografi."
        ));
        assert!(is_scene("Riksrevisor Helena Lindberg vid dator."));
        assert!(is_scene("Barn som leker med böcker."));
        assert!(!is_scene("Barn som leker ute får bättre hälsa enligt forskare."));
        assert!(!is_scene("De som står i kö får vänta."));
        assert!(!is_scene(
            "Två elever står i fokus för satsningen som kommunen nu genomför i hela länet."
        ));
        assert!(!is_scene("Anna Ek vid kommunens it-avdelning leder projektet sedan 2019."));
    }

    #[test]
    fn image_descriptions_in_short_sentences() {
        assert!(is_scene_description(
            "En man bläddrar i en liten bok. Bredvid honom står två kvinnor som också tittar i boken. Framför dem står ett bord med många trycksaker."
        ));
        assert!(is_scene_description(
            "Personal från hemtjänst, Alice, står i vinröd t-shirt med kommunens logga på ärmen. Alice står framför grönska och har armarna i kors. Alice ler, har fräknar och är blond."
        ));
        assert!(!is_scene_description(
            "Kommunen bygger en ny skola. Den står klar 2026. Eleverna flyttar in i augusti och lärarna börjar planera redan nu."
        ));
        assert!(!is_scene_description(
            "– Vi står inför stora utmaningar. Vi sitter inte still, säger Anna Ek."
        ));
    }

    #[test]
    fn titles() {
        assert!(title_like("Kommunen bygger ny skola", 4));
        assert!(title_like("”Vi måste våga”", 3));
        assert!(!title_like("Kommunen bygger ny skola.", 4));
        assert!(!title_like("kommunen bygger", 2));
    }

    #[test]
    fn alt_texts() {
        assert!(is_alt_text("Bild på tre glada elever"));
        assert!(is_alt_text("Bild På Tre Cioerna"));
        assert!(!is_alt_text("Tillit från medborgare"));
        assert!(!is_alt_text("Bild på tre glada elever."));
    }

    #[test]
    fn picture_labels_scenes_and_what_a_picture_shows() {
        for l in [
            "Illustration av sjukvårdspersonal.",
            "Bild på Krister Björkegren.",
            "Collage visar sjukhusbyggnaderna i Sundsvall, Sollefteå och Örnsköldsvik",
            "Tre flickor skrattar tillsammans",
            "En kvinna ler och tittar in i kameran.",
            "Talman Andreas Norlén talar i plenisalen.",
            "Sjukvårdsledare Rickard Lundin intervjuas",
        ] {
            assert!(is_alt_text(l), "{l}");
        }
        for l in [
            "Bild på tre glada elever.",
            "Kartan visar att länet växer.",
            "Kartan visar att länet växer",
            "En kvinna har gripits för mordet i centrala Sundsvall förra veckan.",
            "Kommundirektör Bengt Friberg planerar att gå i pension under våren 2023.",
            "Anna Berg leder arbetet med den nya skolan i kommunen.",
            "Två av tre står utan jobb",
            "Region Uppsala tar över ordförandeskapet för Sjukvårdsregion Mellansverige",
            "Region Gävleborg talar om vården",
        ] {
            assert!(!is_alt_text(l), "{l}");
        }
    }

    #[test]
    fn lone_words_and_positions() {
        assert!(is_lone_lowercase_word("europakarta"));
        assert!(!is_lone_lowercase_word("Europakarta"));
        assert!(!is_lone_lowercase_word("kommun."));
        assert!(!is_lone_lowercase_word("en karta"));
        assert!(names_positions(
            "– Vi är glada, säger från vänster Tina Berg och Erika Ek."
        ));
        assert!(!names_positions("Partiet står längst till vänster."));
    }

    #[test]
    fn organisation_names() {
        for l in [
            "Länsstyrelsen i Kronobergs län.",
            "Svalövs kommun",
            "Region Östergötland",
            "Socialdepartementet",
        ] {
            assert!(is_organisation_name(l), "{l}");
        }
        for l in [
            "Kommunen bygger ny skola",
            "Region Uppsala tar över ordförandeskapet",
            "Anna Berg",
            "Kommunstyrelsen beslutade",
        ] {
            assert!(!is_organisation_name(l), "{l}");
        }
    }

    #[test]
    fn dash_quote_headlines() {
        assert!(title_like("– Vi måste våga prioritera", 5));
        assert!(!title_like("– vi", 2));
        assert_eq!(dash_quote_rest("- Ja"), Some("Ja"));
    }

    #[test]
    fn pictures_described() {
        assert!(is_alt_text(
            "Foto på en tårta där någon tagit en bit. På tårtan står det Årets arbetsplats"
        ));
    }

    #[test]
    fn portrait_captions() {
        assert!(is_portrait_caption("Bengt Friberg"));
        assert!(is_portrait_caption("Kommundirektör Bengt Friberg"));
        assert!(is_portrait_caption(
            "Rickard Carstedt (S) ordförande i Regionala utvecklingsnämnden"
        ));
        assert!(is_portrait_caption("Martina Simonsson, socialsekreterare"));
        assert!(!is_portrait_caption(
            "Lars Engqvist blir tillförordnad kommunchef"
        ));
        assert!(!is_portrait_caption(
            "Andreas Norlén vald till riksdagens talman"
        ));
        assert!(!is_portrait_caption("Anna Ek (S): Vi måste satsa"));
    }

    #[test]
    fn glued_elements() {
        assert!(is_glued(
            "Aktuella varningsmeddelanden i Södermanlands länJust nu är det"
        ));
        assert!(is_glued(
            "En av våra stolta kommunvägledareAnn-Sofi Karlsson"
        ));
        assert!(!is_glued(
            "Kommunen använder LinkedIn och iPhone och McDonalds"
        ));
    }

    #[test]
    fn headings_and_body() {
        assert!(heading_like("Så arbetar vi med tillit", 5));
        assert!(!heading_like("Anna Berg", 2));
        assert!(!heading_like("Det här är en mening.", 5));
        assert!(body_like("Kort mening.", 2));
        assert!(!body_like("Kort rubrik", 2));
        assert_eq!(norm(" Två  Ord "), "två ord");
    }
}
