//! Whether a line has a finite verb. A sentence of an article has one; a
//! picture's description ("Gruppbild av åtta personer i en salong på ett
//! slott.", "Mycket folk i Visby under Almedalsveckan.") usually has none.
//!
//! The finite forms and the non-verbs that end like finite verbs come from
//! the Swedish UD treebanks (`data/verbs.txt`, rebuilt by
//! `scripts/build_verbs.py`); a word in neither list is taken for a
//! possible finite verb when it ends like one (present `-r`, past `-de`,
//! `-te`, passive `-s`) or is, or ends with, one of the strong past forms
//! below. The
//! guess errs towards "has a verb": a line is called verbless only when
//! no word could be a finite verb.

use std::collections::HashSet;
use std::sync::LazyLock;

static LIST: &str = include_str!("../../../data/verbs.txt");

/// Endings of finite forms, for words the list does not know (keep in
/// step with `FINITE_ENDINGS` in `scripts/build_verbs.py`).
const FINITE_ENDINGS: &[&str] = &["r", "de", "te", "s"];

/// Strong and irregular past forms and modal presents, which no ending
/// gives away.
const IRREGULAR: &[&str] = &[
    "bad", "band", "bar", "bet", "bjöd", "blev", "bröt", "drack", "drev", "drog", "dog",
    "fann", "flög", "flöt", "for", "fick", "frös", "föll", "gav", "gick", "gjorde", "grät", "grep",
    "gled", "hade", "hette", "hann", "hölls", "höll", "kan", "klev", "knöt", "kom", "kunde",
    "lät", "lade", "la", "låg", "log", "ljög", "led", "må", "måste", "red", "rann", "rev", "sa",
    "sade", "satt", "sattes", "skall", "ska", "skar", "sked", "sköt", "skrev", "skrek", "skulle",
    "slog", "slapp", "slet", "smög", "sov", "sprang", "sprack", "steg", "stod", "stal", "strök",
    "svor", "såg", "sålde", "tog", "teg", "valde", "var", "vann", "vek", "ville", "vill", "visste",
    "vet", "åt", "äger", "drabbades", "fanns", "gavs", "sjönk", "försvann",
    "uppstod", "övergick", "infördes", "tillkom", "lämnade", "tillträdde", "avled",
];

struct Verbs {
    finite: HashSet<&'static str>,
    nonverbs: HashSet<&'static str>,
}

static VERBS: LazyLock<Verbs> = LazyLock::new(|| {
    let mut v = Verbs {
        finite: IRREGULAR.iter().copied().collect(),
        nonverbs: HashSet::new(),
    };
    for line in LIST.lines() {
        if let Some(w) = line.strip_prefix("F ") {
            v.finite.insert(w);
        } else if let Some(w) = line.strip_prefix("N ") {
            v.nonverbs.insert(w);
        }
    }
    v
});

/// Whether a lowercase word could be a finite verb.
pub fn may_be_finite(word: &str) -> bool {
    let v = &*VERBS;
    if v.finite.contains(word) {
        return true;
    }
    if v.nonverbs.contains(word) || word.chars().count() < 3 {
        return false;
    }
    // a definite noun's genitive ("kommunstyrelsens", "landets",
    // "kommunernas") ends in -s but is no verb
    // (and a house is no verb: "lägenhetshus"; nor is a present
    // participle or its noun: "ordförande", "gående")
    if ["ens", "ets", "rnas", "hus", "ande", "ende"]
        .iter()
        .any(|e| word.ends_with(e))
    {
        return false;
    }
    // a prefixed strong past: "tillskrev", "övergick", "uppstod"
    FINITE_ENDINGS.iter().any(|e| word.ends_with(e))
        || IRREGULAR
            .iter()
            .any(|p| p.chars().count() >= 4 && word.ends_with(p))
        || ["kom", "tog", "gav", "såg", "låg"]
            .iter()
            .any(|p| word.ends_with(p))
}

/// Whether some word of `line` could be a finite verb. Capitalised words
/// inside a sentence are names, never verbs; the first word of each
/// sentence is looked at in lower case.
pub fn has_finite_verb(line: &str) -> bool {
    let mut sentence_start = true;
    for raw in line.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphabetic());
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if !word.is_empty() && (sentence_start || !capital) && may_be_finite(&word.to_lowercase())
        {
            return true;
        }
        if !word.is_empty() || raw.chars().any(char::is_alphanumeric) {
            sentence_start = raw.ends_with(['.', '!', '?', ':']);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_of_articles_have_a_finite_verb() {
        for s in [
            "Kommunen bygger en ny skola i centrum.",
            "Den 15 februari besökte civilministern Linköpings slott.",
            "Rekryteringen pausas i väntan på ny kommundirektör.",
            "Han gick i pension förra året efter många år.",
            "Hon bjöd på kaffe och bullar till alla som kom.",
            "Vi måste ta ansvar för hela kedjan.",
            "Arbetet med att tillsätta en tillförordnad kommundirektör pågår.",
            "Läs mer om förslaget på regionens webbplats.",
            "I december 1998 tillskrev jag näringsministern i form av ett upprop.",
            "Detta gamla kinesiska ordspråk efterlevs i förskolan.",
            "Många goda förslag framkom under förra årets allmänna motionstid.",
        ] {
            assert!(has_finite_verb(s), "{s}");
        }
    }

    #[test]
    fn descriptions_of_pictures_have_none() {
        for s in [
            "Gruppbild av åtta personer i en salong på ett slott.",
            "Mycket folk i Visby under Almedalsveckan.",
            "Flygbild med soluppgång över Älvdalen med kyrkan, skolan och kyrkogården en tidig vintermorgon.",
            "Kommunstyrelsens ordförande Anna Ek vid invigningen av den nya skolan.",
            "Vatten som bildat bäck i djup snö framför ett lägenhetshus.",
        ] {
            assert!(!has_finite_verb(s), "{s}");
        }
    }

    #[test]
    fn the_list_knows_nouns_that_end_like_verbs() {
        assert!(!may_be_finite("personer"));
        assert!(!may_be_finite("under"));
        assert!(may_be_finite("är"));
        assert!(may_be_finite("tillsätts"));
        // an unknown word with a verb's ending may be one
        assert!(may_be_finite("digitaliserar"));
        assert!(may_be_finite("flyttas"));
        assert!(!may_be_finite("kommunstyrelsens"));
    }
}
