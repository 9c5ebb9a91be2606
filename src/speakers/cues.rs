//! Cue tables: the speech verbs that attribute a quote, the verbs of
//! reported speech, the regexes built from them, the first-person pronouns
//! and the labels of an interviewer, and the one scan ([`cue_words`]) that
//! decides which cue regexes can match a paragraph at all.

use std::collections::HashSet;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::language::stem::FxBuild;
use crate::span::Span;

/// Speech verbs that attribute a quote ("..., säger NAME").
pub(super) const CUES: &str = "säger|sa|sade|menar|anser|berättar|konstaterar|förklarar|framhåller|\
poängterar|understryker|tillägger|skriver|avslutar|fortsätter|betonar|påpekar|svarar|uppger|\
hävdar|tycker|summerar|sammanfattar|medger|varnar|inleder|resonerar|beskriver|säjer|lägger|fyller|\
utvecklar|lade|fyllde|utvecklade|meddelar|meddelade|bekräftar|bekräftade|kommenterar|\
kommenterade|\
menade|ansåg|berättade|konstaterade|förklarade|framhöll|poängterade|underströk|tillade|skrev|\
avslutade|fortsatte|betonade|påpekade|svarade|uppgav|hävdade|tyckte|summerade|varnade";

/// Verbs of reported speech before "att" ("NAME menar att ...").
pub(super) const REPORT_CUES: &str = "säger|sa|sade|menar|anser|berättar|konstaterar|förklarar|framhåller|\
poängterar|understryker|betonar|påpekar|uppger|hävdar|tycker|tror|varnar|menade|ansåg|\
berättade|konstaterade|förklarade|framhöll|poängterade|underströk|betonade|påpekade|uppgav|\
hävdade|tyckte|trodde|varnade|nämner|nämnde|skriver|skrev|svarar|svarade|meddelar|meddelade|\
bekräftar|bekräftade";

/// Adverbs that may stand between a verb of reported speech and its "att"
/// ("nämnde bland annat att").
const REPORT_ADVERBS: &str = "bland annat|också|även|dock|då|nu|samtidigt|vidare|själv|tidigare";

/// Verbs that report what someone talks about ("NAME berättar om ...").
pub(super) const TALK_CUES: &str =
    "berättar|berättade|talar|talade|pratar|pratade|föreläser|föreläste";

/// The cue words of a paragraph and their surroundings, decided by one scan
/// before any cue regex runs. Every cue regex needs its cue as a whole word
/// (bounded by `\s`, `\b` or punctuation on both sides), and each flag is
/// a necessary condition for some of the regexes: a paragraph without it
/// cannot match them, and they are skipped.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct CueWords {
    /// Some word is one of [`CUES`].
    pub(super) speech: bool,
    /// A word of [`CUES`] followed by whitespace and preceded by whitespace
    /// after `,` `!` `?` `…` `.` and an optional quotation mark: needed by
    /// [`inverted_re`] and [`cue_name_re`].
    pub(super) inverted: bool,
    /// A word of [`CUES`] followed by whitespace right after "Det " or
    /// "Så ": needed by [`det_cue_re`].
    pub(super) det: bool,
    /// A word of [`CUES`] followed, within 60 characters, by a colon with
    /// none of `.!?”“»«"` in between: needed by [`colon_cue_re`].
    pub(super) colon: bool,
    /// A word of [`REPORT_CUES`] followed by whitespace: needed by
    /// [`report_re`], [`inverted_report_re`] and [`talk_re`].
    pub(super) report: bool,
}

/// [`CUES`] and [`REPORT_CUES`] as sets, and a 4096-bit filter over
/// (first byte, second byte, last byte, length) of every cue: a word that
/// misses the filter is no cue, without a set lookup.
pub(super) struct CueSets {
    pub(super) speech: HashSet<&'static str, FxBuild>,
    pub(super) report: HashSet<&'static str, FxBuild>,
    pub(super) filter: [u64; 64],
}

/// The filter slot of a word (see [`CueSets`]); `None` for words shorter
/// than two bytes or longer than any cue.
#[inline]
pub(super) fn cue_slot(w: &[u8]) -> Option<usize> {
    let (&first, &second, &last) = (w.first()?, w.get(1)?, w.last()?);
    if w.len() > 16 {
        return None;
    }
    let h = usize::from(first)
        .wrapping_mul(31)
        .wrapping_add(usize::from(second).wrapping_mul(131))
        .wrapping_add(usize::from(last).wrapping_mul(1031))
        .wrapping_add(w.len().wrapping_mul(8191));
    Some(h & 4095)
}

/// The cue sets and their filter, built once.
pub(super) static CUE_SETS: LazyLock<CueSets> = LazyLock::new(|| {
    let mut filter = [0u64; 64];
    for w in CUES.split('|').chain(REPORT_CUES.split('|')) {
        if let Some(h) = cue_slot(w.as_bytes()) {
            filter[h / 64] |= 1 << (h % 64);
        }
    }
    CueSets {
        speech: CUES.split('|').collect(),
        report: REPORT_CUES.split('|').collect(),
        filter,
    }
});

/// Finds the cue words of the paragraph `text[para]`, whose words (see
/// [`names::words_marked`]) are `ws`, and what stands around them. A cue is
/// a maximal run of alphabetic characters (a cue bounded by `\b` or `\s`
/// in a regex is one: the characters around it are not word characters, so
/// not alphabetic). Such a run is a whole word of `ws`, or, in the words
/// listed in `mixed` (those holding digits or joiners), a part of one.
pub(super) fn cue_words(text: &str, para: Span, ws: &[Span], mixed: &[usize]) -> CueWords {
    let sets = &*CUE_SETS;
    let s = text.get(para.start..para.end).unwrap_or("");
    let mut out = CueWords::default();
    let bytes = s.as_bytes();
    let maybe_cue = |st: usize, end: usize| {
        matches!(bytes.get(st..end).and_then(cue_slot),
            Some(h) if sets.filter[h / 64] & (1 << (h % 64)) != 0)
    };
    let mut check = |st: usize, end: usize| {
        let (Some(run), Some(before), Some(after)) = (s.get(st..end), s.get(..st), s.get(end..))
        else {
            return;
        };
        let ws_after = after.starts_with(char::is_whitespace);
        if sets.speech.contains(run) {
            out.speech = true;
            if ws_after && !out.inverted {
                let trimmed = before.trim_end();
                if trimmed.len() < before.len() {
                    let t = trimmed
                        .strip_suffix(['”', '“', '»', '"'])
                        .unwrap_or(trimmed);
                    out.inverted = t.ends_with([',', '!', '?', '…', '.']);
                }
            }
            if ws_after && !out.det {
                out.det = before.ends_with("Det ") || before.ends_with("Så ");
            }
            if !out.colon {
                let stop = after
                    .chars()
                    .take(61)
                    .find(|c| matches!(c, '.' | '!' | '?' | ':' | '”' | '“' | '»' | '«' | '"'));
                out.colon = stop == Some(':');
            }
        }
        if !out.report && sets.report.contains(run) {
            out.report = after.starts_with(char::is_whitespace);
        }
    };
    let mut mixed = mixed.iter().copied().peekable();
    for (k, w) in ws.iter().enumerate() {
        let (st, end) = (w.start - para.start, w.end - para.start);
        if mixed.next_if_eq(&k).is_none() {
            if maybe_cue(st, end) {
                check(st, end);
            }
            continue;
        }
        // A word with digits or joiners: each alphabetic run in it.
        let Some(word) = s.get(st..end) else { continue };
        let mut run: Option<usize> = None;
        for (i, c) in word.char_indices() {
            match (c.is_alphabetic(), run) {
                (true, None) => run = Some(i),
                (false, Some(r)) => {
                    if maybe_cue(st + r, st + i) {
                        check(st + r, st + i);
                    }
                    run = None;
                }
                _ => {}
            }
        }
        if let Some(r) = run
            && maybe_cue(st + r, end)
        {
            check(st + r, end);
        }
    }
    out
}

/// The regex in `cell`, compiled from `pat` on first use.
pub(super) fn re(cell: &'static OnceLock<Regex>, pat: impl FnOnce() -> String) -> &'static Regex {
    cell.get_or_init(|| Regex::new(&pat()).expect("valid regex"))
}

/// An inverted cue after a comma or end punctuation: "..., säger ".
pub(super) fn inverted_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || format!(r"([,!?…]|\.\.\.)[”“»\x22]?\s+({CUES})\s+"))
}

/// A cue right after a closing quotation mark: "”, säger ".
pub(super) fn after_close_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || format!(r"^\s*[,.!?]?\s*({CUES})\s+"))
}

/// A cue and, within 60 characters, a colon: "säger i ett pressmeddelande:".
pub(super) fn colon_cue_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || format!(r"\b({CUES})\b[^.!?:”“»«\x22]{{0,60}}:"))
}

/// "menar att", "nämnde bland annat att": a verb of reported speech and
/// its "att".
pub(super) fn report_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || {
        format!(r"\b({REPORT_CUES})\s+(?:(?:{REPORT_ADVERBS})\s+)?att\s+")
    })
}

/// A verb of reported speech before its subject ("Vid mötet berättade
/// NAME att ..."): the verb and the white space after it.
pub(super) fn inverted_report_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || format!(r"\b({REPORT_CUES})\s+"))
}

/// "att" (after an optional adverb) opening the reported clause after a
/// subject: "... NAME att ...", "... NAME, ROLE, att".
pub(super) fn att_after_subject_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || {
        format!(r"^(?:,[^,.!?]{{1,80}},)?\s+(?:(?:{REPORT_ADVERBS})\s+)?att\s+")
    })
}

/// Verbs of a speech act that need no content clause ("NAME presenterade
/// siffrorna", "Hon berömde personalen").
pub(super) const SPEECH_ACTS: &str = "presenterade|presenterar|sammanfattade|sammanfattar|berömde|\
berömmer|tackade|tackar|välkomnade|välkomnar|hälsade|kommenterade|kommenterar|redogjorde|redogör|\
lovordade|efterlyste|efterlyser|uppmanade|uppmanar|kritiserade|kritiserar";

/// A speech-act verb and the white space after it.
pub(super) fn speech_act_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || format!(r"\b({SPEECH_ACTS})\s+"))
}

/// What follows the writer of a text reproduced on the page: "i en
/// debattartikel", "i ett svar på", "i sin krönika".
pub(super) fn written_piece_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || {
        r"^,?\s+i\s+(?:en|ett|sin|sitt)\s+(?:\p{Ll}+\s+)?(?:debattartikel|debattinlägg|replik|slutreplik|krönika|gästkrönika|insändare|svar|brev|blogginlägg|ledare|artikel)\b"
            .to_string()
    })
}

/// "berättar om", "berättade för ministrarna om": what someone talks
/// about, to whom named by one or two words.
pub(super) fn talk_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || {
        format!(r"\b({TALK_CUES})\s+(?:för\s+(?:\p{{Ll}}+\s+){{1,2}})?om\s+")
    })
}

/// A cue after a lower-case word and before a capitalised one: an
/// inverted cue whose comma is missing ("... på allvar menar NAME").
pub(super) fn bare_cue_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || format!(r"\p{{Ll}} ({CUES}) \p{{Lu}}"))
}

/// Two capitalised words after an inverted cue (a name the list may miss).
pub(super) fn cue_name_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || {
        format!(
            r"(?:[,!?…]|\.\.\.)[”“»\x22]?\s+(?:{CUES})\s+(?:\p{{Ll}}[\p{{L}}\-]*\s+){{0,2}}(\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?) (\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?)"
        )
    })
}

/// A given name and a lower-case word right after an inverted cue
/// ("..., säger Eva lind").
pub(super) fn cue_lower_name_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || {
        format!(
            r"(?:[,!?…]|\.\.\.)[”“»\x22]?\s+(?:{CUES})\s+(\p{{Lu}}\p{{Ll}}+) (\p{{Ll}}{{2,}})\b"
        )
    })
}

/// "Det säger" / "Så sade" opening a sentence.
pub(super) fn det_cue_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || format!(r"(?:^|[.!?”]\s+)(Det|Så) ({CUES})\s+"))
}

/// "enligt" and the white space after it.
pub(super) fn enligt_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || r"\b[Ee]nligt\s+".to_string())
}

/// A transcript label at the start of a paragraph: "Anna Ek: ...".
pub(super) fn label_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || {
        r"^(\p{Lu}[\p{L}\-]*(?: \p{Lu}[\p{L}\-]*){0,2}):\s+\S".to_string()
    })
}

/// A byline marker just before a name ("Text:", "Foto:", "Reporter").
pub(super) fn byline_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, || {
        r"(?i)(?:(?:^|[^\p{L}])(?:text|av|foto|fotograf|bild|reporter|illustration|grafik|redaktör|skribent)\s*:|(?:^|[^\p{L}])(?:reporter|fotograf|foto|skribent)|^\s*(?:av|text))\s*$"
            .to_string()
    })
}

/// First-person pronouns: an unmarked paragraph holding one may be speech.
pub(super) const FIRST_PERSON: &[&str] = &[
    "jag", "vi", "mig", "oss", "min", "mitt", "mina", "vår", "vårt", "våra",
];

/// Whether `word` lowercased is a first-person pronoun (the comparison is
/// made char by char, without building the lowercase string).
pub(super) fn is_first_person(word: &str) -> bool {
    // Every pronoun starts with j, v, m or o, and no other character
    // lowercases to one of them.
    match word.as_bytes().first() {
        None => return false,
        Some(b) if b.is_ascii() && !matches!(b | 0x20, b'j' | b'v' | b'm' | b'o') => return false,
        _ => {}
    }
    if word.is_ascii() {
        return FIRST_PERSON.iter().any(|f| word.eq_ignore_ascii_case(f));
    }
    FIRST_PERSON
        .iter()
        .any(|f| f.len() == word.len() && word.chars().flat_map(char::to_lowercase).eq(f.chars()))
}

/// Transcript labels of the interviewer.
pub(super) const INTERVIEWER: &[&str] = &[
    "Intervjuare",
    "Reporter",
    "Journalist",
    "Fråga",
    "F",
    "Moderator",
    "Programledare",
    "Redaktionen",
    "Voister",
    "Red",
];

/// The matches of `re` in `s` when `flag` (the paragraph's cheap test for
/// the regex) is set; none otherwise.
pub(super) fn captures_if<'r, 'h>(
    flag: bool,
    re: &'r Regex,
    s: &'h str,
) -> impl Iterator<Item = regex::Captures<'h>> + use<'r, 'h> {
    flag.then(|| re.captures_iter(s)).into_iter().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speakers::names;

    fn cue_words_of(p: &str) -> CueWords {
        let span = Span::new(0, p.len());
        let (ws, mixed) = names::words_marked(p, span);
        cue_words(p, span, &ws, &mixed)
    }

    /// Every cue regex that matches a paragraph must find its cue flag set:
    /// the flags only decide which regexes may be skipped.
    #[test]
    fn cue_words_never_hide_a_regex_match() {
        let paras = [
            "– Vi måste bli bättre på att dela data, säger Anna Lund, it-chef i Umeå kommun.",
            "”Det här är ett lyft”, menade Per Ek på mötet.",
            "Kommundirektören Eva Berg säger i ett pressmeddelande: ”Vi satsar vidare.”",
            "Enligt Lars Nilsson, som leder projektet, har kostnaderna ökat.",
            "Maria Holm tror att it-säkerheten blir avgörande.",
            "Det säger Olof Palm, ordförande i nämnden.",
            "Så sade hon till slut, och sedan var mötet slut.",
            "Samhällets digitalisering sade-mig ingenting; sa:de vi.",
            "Säkerhetschefen svarade:\u{a0}nej.",
            "Ingen cue här: bara samhälle, sammanhang och sakfrågor.",
            "Hon är nöjd… säger\u{2003}Anna Svensson idag.",
        ];
        let mut matched = 0;
        for p in paras {
            let c = cue_words_of(p);
            let checks = [
                (inverted_re(), c.inverted),
                (cue_name_re(), c.inverted),
                (cue_lower_name_re(), c.inverted),
                (colon_cue_re(), c.colon),
                (det_cue_re(), c.det),
                (after_close_re(), c.speech),
                (report_re(), c.report),
                (inverted_report_re(), c.report),
                (bare_cue_re(), c.speech),
            ];
            for (r, flag) in checks {
                // Any start after a non-letter, as the regexes also run on
                // parts of a paragraph that begin after a quotation mark.
                let starts = p
                    .char_indices()
                    .filter(|&(i, _)| !p[..i].chars().next_back().is_some_and(char::is_alphabetic));
                if starts.map(|(i, _)| i).any(|i| r.is_match(&p[i..])) {
                    matched += 1;
                    assert!(flag, "{p:?} matches {r} but its cue flag is not set");
                }
            }
        }
        assert!(
            matched >= 8,
            "only {matched} regex matches: the test proves little"
        );
        assert!(cue_words_of("– Ja, säger hon.").inverted);
        assert!(!cue_words_of("Ja säger hon.").inverted);
        assert!(cue_words_of("Det säger hon.").det);
        assert!(cue_words_of("Hon säger i en intervju: ja.").colon);
        assert!(!cue_words_of("Hon säger. Sedan: ja.").colon);
        assert!(cue_words_of("Han tror att det går.").report);
        assert!(!cue_words_of("Han tror att det går.").speech);
        assert!(!cue_words_of("Samhället sammanfattas sakligt.").speech);
        assert!(cue_words_of("it-säger").speech);
    }

    /// The char-by-char pairing that [`quote_pairs`] replaces.

    #[test]
    fn first_person_words_ignore_case() {
        for w in ["jag", "Jag", "VI", "Vårt", "VÅRA", "mig"] {
            assert!(is_first_person(w), "{w}");
        }
        for w in ["ja", "jagar", "vem", "Våg", "minns"] {
            assert!(!is_first_person(w), "{w}");
        }
    }
}
