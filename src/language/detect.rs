//! Language detection: whatlang, restricted to an allowlist, plus a
//! function-word and orthography check that tells Swedish from Norwegian
//! Bokmål, Norwegian Nynorsk and Danish.
//!
//! whatlang's trigram models confuse the Scandinavian languages on short
//! and medium texts (and have no Nynorsk), so whenever whatlang answers
//! with one of them, or is unsure and the text has Scandinavian function
//! words, the answer comes from counting words that only one of the four
//! languages uses ("och", "inte", "är" — "ikke", "hva", "etter" — "ikkje",
//! "eg", "kva" — "af", "hvad", "meget") and the letters ä/ö versus æ/ø.
//!
//! Fast path: the function-word scan scores words packed as numbers; its
//! plain reference is `scores_reference` in the tests (string look-ups),
//! checked equal on real text and on any text.

use std::sync::LazyLock;

use whatlang::{Detector, Lang};

/// The detected language of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageInfo {
    /// ISO 639-1 code, or `None` when the text is too short to tell.
    pub code: Option<&'static str>,
    /// Confidence between 0 and 1, rounded to three decimals.
    pub confidence: f64,
    /// Whether the answer is reliable.
    pub reliable: bool,
}

impl LanguageInfo {
    /// Whether the text is Swedish.
    pub fn is_swedish(&self) -> bool {
        self.code == Some("sv")
    }

    /// The language a user forced (`--language CODE`): `code` when it is an
    /// ISO 639-1 code (any case), with confidence 1 and reliable; `None`
    /// for anything else.
    pub fn forced(code: &str) -> Option<Self> {
        iso639_1_code(code).map(|code| LanguageInfo {
            code: Some(code),
            confidence: 1.0,
            reliable: true,
        })
    }

    fn unknown() -> Self {
        LanguageInfo {
            code: None,
            confidence: 0.0,
            reliable: false,
        }
    }
}

/// The ISO 639-1 codes, sorted.
const ISO639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi",
    "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de",
    "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy",
    "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia",
    "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk",
    "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo",
    "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd",
    "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl",
    "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl",
    "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk",
    "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa",
    "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// `code` as one of the ISO 639-1 codes (lowercased: `SV` is `sv`), or
/// `None` when it is not one.
pub fn iso639_1_code(code: &str) -> Option<&'static str> {
    let lower = code.trim().to_ascii_lowercase();
    ISO639_1
        .binary_search(&lower.as_str())
        .ok()
        .map(|i| ISO639_1[i])
}

/// Texts with fewer letters than this are too short for the models: they
/// get no language, unless they are Swedish by default.
pub const MIN_LETTERS: usize = 20;

/// At most this many bytes from the start of the text are looked at.
const SAMPLE_BYTES: usize = 4_000;

/// whatlang's trigrams see at most this many bytes (its cost grows with
/// the text, its answer stops improving long before).
const WHATLANG_BYTES: usize = 1_000;

/// The languages whatlang may answer with.
const ALLOWED: &[Lang] = &[
    Lang::Swe,
    Lang::Nob,
    Lang::Dan,
    Lang::Eng,
    Lang::Deu,
    Lang::Fin,
    Lang::Fra,
    Lang::Spa,
    Lang::Ita,
    Lang::Nld,
    Lang::Por,
    Lang::Pol,
    Lang::Est,
    Lang::Lav,
    Lang::Lit,
    Lang::Rus,
    Lang::Ukr,
    Lang::Ara,
    Lang::Tur,
    Lang::Ell,
    Lang::Hun,
    Lang::Ces,
    Lang::Slk,
    Lang::Slv,
    Lang::Hrv,
    Lang::Srp,
    Lang::Ron,
    Lang::Bul,
    Lang::Pes,
    Lang::Heb,
    Lang::Cmn,
    Lang::Jpn,
    Lang::Kor,
    Lang::Hin,
    Lang::Tha,
    Lang::Vie,
];

/// The four Scandinavian languages told apart by [`scandinavian_scores`].
const SCANDI: [&str; 4] = ["sv", "nb", "nn", "da"];

/// The length in bytes of the longest word in [`MARKERS`].
const MAX_MARKER_LEN: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < MARKERS.len() {
        if MARKERS[i].0.len() > max {
            max = MARKERS[i].0.len();
        }
        i += 1;
    }
    max
};

/// A word of at most eight bytes as one number (zero-padded, little
/// endian): two words are equal exactly when their numbers are.
fn pack(word: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    b[..word.len()].copy_from_slice(word);
    u64::from_le_bytes(b)
}

/// The language bits of `word` if it is one of [`MARKERS`] (looked up as
/// numbers: no string comparisons).
fn marker_mask(word: &[u8]) -> Option<u8> {
    static PACKED: LazyLock<Vec<(u64, u8)>> = LazyLock::new(|| {
        let mut v: Vec<(u64, u8)> = MARKERS
            .iter()
            .map(|(w, m)| (pack(w.as_bytes()), *m))
            .collect();
        v.sort_unstable();
        v
    });
    if word.len() > 8 {
        return None;
    }
    let key = pack(word);
    PACKED
        .binary_search_by_key(&key, |(k, _)| *k)
        .ok()
        .map(|i| PACKED[i].1)
}

/// Function words (lowercase, sorted by bytes) and the languages that use
/// them, as bits: 1 Swedish, 2 Bokmål, 4 Nynorsk, 8 Danish.
const MARKERS: &[(&str, u8)] = &[
    ("af", 8),
    ("alla", 1),
    ("alle", 14),
    ("andra", 1),
    ("at", 14),
    ("att", 1),
    ("av", 7),
    ("bara", 1),
    ("bare", 10),
    ("berre", 4),
    ("ble", 2),
    ("blev", 9),
    ("blir", 7),
    ("blitt", 2),
    ("bliver", 8),
    ("blivit", 1),
    ("de", 11),
    ("deg", 6),
    ("dei", 4),
    ("deira", 4),
    ("deras", 1),
    ("deres", 10),
    ("dersom", 6),
    ("dessa", 1),
    ("detta", 1),
    ("dette", 14),
    ("dig", 9),
    ("där", 1),
    ("efter", 9),
    ("eg", 4),
    ("ein", 4),
    ("eit", 4),
    ("end", 8),
    ("enn", 6),
    ("er", 14),
    ("et", 10),
    ("ett", 1),
    ("etter", 6),
    ("fekk", 4),
    ("fik", 8),
    ("fikk", 2),
    ("fleire", 4),
    ("flera", 1),
    ("flere", 10),
    ("for", 14),
    ("fordi", 14),
    ("fra", 10),
    ("frå", 4),
    ("från", 1),
    ("för", 1),
    ("gennem", 8),
    ("genom", 1),
    ("gjennom", 6),
    ("gjere", 4),
    ("hadde", 6),
    ("hade", 1),
    ("havde", 8),
    ("hende", 8),
    ("ho", 4),
    ("hon", 1),
    ("hun", 10),
    ("hur", 1),
    ("hva", 2),
    ("hvad", 8),
    ("hvis", 10),
    ("hvordan", 10),
    ("här", 1),
    ("ifølgje", 4),
    ("ikke", 10),
    ("ikkje", 4),
    ("ind", 8),
    ("inga", 1),
    ("ingen", 1),
    ("inn", 6),
    ("inte", 1),
    ("jag", 1),
    ("jeg", 10),
    ("kjem", 4),
    ("kommer", 11),
    ("korleis", 4),
    ("kun", 8),
    ("kva", 4),
    ("lige", 8),
    ("mange", 14),
    ("meg", 6),
    ("meget", 8),
    ("meir", 4),
    ("mellan", 1),
    ("mellem", 8),
    ("mellom", 6),
    ("mig", 9),
    ("mod", 8),
    ("mot", 7),
    ("mycket", 1),
    ("mye", 2),
    ("mykje", 4),
    ("många", 1),
    ("noen", 2),
    ("nogen", 8),
    ("nogle", 8),
    ("nokon", 4),
    ("nokre", 4),
    ("nu", 9),
    ("när", 1),
    ("nå", 2),
    ("någon", 1),
    ("något", 1),
    ("några", 1),
    ("når", 14),
    ("och", 1),
    ("också", 1),
    ("og", 14),
    ("også", 10),
    ("op", 8),
    ("opp", 6),
    ("os", 8),
    ("oss", 7),
    ("samma", 1),
    ("samme", 10),
    ("sammen", 14),
    ("sedan", 1),
    ("seg", 6),
    ("seier", 4),
    ("sidan", 4),
    ("siden", 10),
    ("sier", 2),
    ("sig", 9),
    ("siger", 8),
    ("sina", 1),
    ("sine", 14),
    ("ska", 1),
    ("skal", 14),
    ("slik", 6),
    ("säger", 1),
    ("sådan", 9),
    ("til", 14),
    ("till", 1),
    ("ud", 8),
    ("upp", 1),
    ("ut", 7),
    ("vad", 1),
    ("vara", 1),
    ("varit", 1),
    ("vart", 4),
    ("ved", 14),
    ("vere", 4),
    ("vid", 1),
    ("vore", 4),
    ("vores", 8),
    ("vår", 7),
    ("være", 10),
    ("været", 8),
    ("vært", 2),
    ("än", 1),
    ("är", 1),
    ("även", 1),
    ("å", 6),
    ("òg", 4),
    ("över", 1),
];

/// Evidence for each of sv, nb, nn, da: each function word gives a point
/// shared among the languages that use it; the letters ä/ö count for
/// Swedish, æ/ø for the other three; the endings "-leg"/"-ane" for Nynorsk,
/// "-erne" for Danish, "-ene" for Norwegian.
pub fn scandinavian_scores(text: &str) -> [f64; 4] {
    scan(text).scores
}

/// What one pass over the sample gives [`detect`].
struct Scan {
    /// [`scandinavian_scores`].
    scores: [f64; 4],
    /// Alphabetic characters.
    letters: usize,
    /// White-space separated words (as `split_whitespace` counts them).
    words: usize,
}

/// `char::is_alphabetic`, with the Latin-1 letters (å, ä, ö, é, ...)
/// answered without the Unicode tables.
#[inline]
fn is_letter(c: char) -> bool {
    match c {
        'À'..='ÿ' => c != '×' && c != '÷',
        '\u{80}'..='\u{bf}' => matches!(c, 'ª' | 'µ' | 'º'),
        _ => c.is_alphabetic(),
    }
}

/// Adds `weight` to the scores of the languages in `mask` (bits as in
/// [`MARKERS`]), shared among them; evidence for none or all four is none.
fn add_share(scores: &mut [f64; 4], mask: u8, weight: f64) {
    let n = mask.count_ones();
    if n == 0 || n == 4 {
        return;
    }
    for (i, s) in scores.iter_mut().enumerate() {
        if mask & (1 << i) != 0 {
            *s += weight / f64::from(n);
        }
    }
}

/// Adds the evidence of one lowercased word: its function-word `marker`
/// bits, whether it has ä/ö (`sv_letter`) or æ/ø (`other_letter`), and
/// its ending.
fn score_word(
    word: &[u8],
    marker: Option<u8>,
    sv_letter: bool,
    other_letter: bool,
    scores: &mut [f64; 4],
) {
    if let Some(mask) = marker {
        add_share(scores, mask, 1.0);
    }
    if sv_letter {
        add_share(scores, 1, 0.5);
    }
    if other_letter {
        add_share(scores, 14, 0.5);
    }
    if word.len() > 5 {
        if word.ends_with(b"leg") || word.ends_with(b"lege") || word.ends_with(b"ane") {
            add_share(scores, 4, 0.5);
        } else if word.ends_with(b"erne") {
            add_share(scores, 8, 0.5);
        } else if word.ends_with(b"ene") {
            add_share(scores, 6, 0.5);
        }
    }
}

/// Scores, letters and words of `text` in one pass.
fn scan(text: &str) -> Scan {
    let mut letters = 0usize;
    let mut words = 0usize;
    let mut in_word = false;
    // white space as `char::is_whitespace` has it
    let mut see = |space: bool| {
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
        }
    };
    let mut scores = [0.0f64; 4];
    // Words are the maximal runs of alphabetic characters, lowercased a
    // character at a time into a byte buffer; ASCII bytes take a short path.
    let bytes = text.as_bytes();
    let mut word: Vec<u8> = Vec::with_capacity(64);
    let mut i = 0;
    while i < bytes.len() {
        word.clear();
        let (mut sv_letter, mut other_letter) = (false, false);
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                i += 1;
                if !b.is_ascii_alphabetic() {
                    see(matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'));
                    break;
                }
                see(false);
                letters += 1;
                word.push(b.to_ascii_lowercase());
            } else {
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                i += c.len_utf8();
                if !is_letter(c) {
                    see(c.is_whitespace());
                    break;
                }
                see(false);
                letters += 1;
                if let 'À'..='Þ' = c {
                    // a capital lies 32 below its small letter (× is no letter)
                    let l = char::from_u32(u32::from(c) + 32).unwrap_or(c);
                    sv_letter |= matches!(l, 'ä' | 'ö');
                    other_letter |= matches!(l, 'æ' | 'ø');
                    let mut buf = [0u8; 4];
                    word.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                    continue;
                }
                for l in c.to_lowercase() {
                    sv_letter |= matches!(l, 'ä' | 'ö');
                    other_letter |= matches!(l, 'æ' | 'ø');
                    let mut buf = [0u8; 4];
                    word.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        if word.is_empty() {
            continue;
        }
        let marker = (word.len() <= MAX_MARKER_LEN)
            .then(|| marker_mask(&word))
            .flatten();
        score_word(&word, marker, sv_letter, other_letter, &mut scores);
    }
    Scan {
        scores,
        letters,
        words,
    }
}

fn round3(x: f64) -> f64 {
    ((x * 1000.0).round() / 1000.0).clamp(0.0, 1.0)
}

/// Detects the language of `text`.
///
/// A text that the models cannot tell reliably (short texts, mostly) and
/// that has nothing against Swedish is Swedish, unreliably: see
/// [`swedish_by_default`].
pub fn detect(text: &str) -> LanguageInfo {
    let mut cut = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let sample = &text[..cut];
    let scan = scan(sample);
    if scan.letters < MIN_LETTERS {
        // too little for the models; three Swedish words are enough
        return (scan.words >= MIN_DEFAULT_WORDS)
            .then(|| swedish_by_default(sample, &scan.scores))
            .flatten()
            .unwrap_or_else(LanguageInfo::unknown);
    }
    if let Some(info) = unmistakably_swedish(scan.words, &scan.scores) {
        return info;
    }
    let info = detect_by_models(sample, &scan);
    if info.is_swedish() || info.reliable {
        return info;
    }
    swedish_by_default(sample, &scan.scores).unwrap_or(info)
}

/// A text with fewer letters than [`MIN_LETTERS`] is Swedish by default
/// when it has at least this many words (and [`swedish_by_default`] says
/// so); with fewer it has no language.
const MIN_DEFAULT_WORDS: usize = 3;

/// Words of a text that is Swedish by default must be Swedish word forms
/// (in the compound-guard lexicon) at least this often.
const DEFAULT_SWEDISH_SHARE: f64 = 0.6;

/// English function words that are no Swedish words (sorted). English is
/// the foreign language Swedish public-sector text quotes most, and the
/// lexicon, built from statutes that cite EU acts by their English titles,
/// knows many English content words: one of these is enough to contradict
/// Swedish. ("it", "is" and "by" are left out: Swedish writes "it" for IT,
/// "is" is ice and "by" a village.)
const ENGLISH: &[&str] = &[
    "and", "are", "been", "being", "could", "does", "from", "had", "has", "have", "its", "not",
    "of", "our", "shall", "should", "that", "the", "their", "these", "they", "this", "those", "to",
    "was", "were", "which", "who", "will", "with", "would", "you",
];

/// The fallback for a text the models cannot tell reliably (a short
/// sentence such as "Ekonomisk politik diskuterades i kommunfullmäktige
/// igår.", which whatlang's trigrams take for Estonian): Swedish, with
/// `reliable: false` and the share of its words that are Swedish word
/// forms as the confidence, when it has some Swedish of its own (a
/// Swedish function word, or ä/ö) and nothing contradicts it: no more
/// Norwegian or Danish evidence (function words only they use, æ/ø,
/// their endings) than Swedish, no English function word (*the, of, and, was* ...),
/// and at least 60 % of its words of three letters or more in the lexicon
/// of Swedish word forms ([`crate::themes::lexicon`]). `None` otherwise.
pub fn swedish_by_default(sample: &str, scores: &[f64; 4]) -> Option<LanguageInfo> {
    if scores[1..].iter().any(|&s| s > scores[0]) {
        return None;
    }
    let (mut words, mut known, mut function) = (0usize, 0usize, scores[0] > 0.0);
    for w in sample
        .split(|c: char| !is_letter(c))
        .filter(|w| w.chars().nth(1).is_some() || w.eq_ignore_ascii_case("i"))
    {
        let w = w.to_lowercase();
        if ENGLISH.binary_search(&w.as_str()).is_ok() {
            return None;
        }
        function |= super::stopwords::is_stopword(&w);
        // the lexicon holds words of three letters or more
        if w.chars().nth(2).is_some() {
            words += 1;
            known += usize::from(crate::themes::lexicon::contains(&w));
        }
    }
    let share = known as f64 / words.max(1) as f64;
    (function && words > 0 && share >= DEFAULT_SWEDISH_SHARE).then(|| LanguageInfo {
        code: Some("sv"),
        confidence: round3(share),
        reliable: false,
    })
}

/// The answer of whatlang and of the Scandinavian function words, for a
/// sample with enough letters that is not unmistakably Swedish.
fn detect_by_models(sample: &str, scan: &Scan) -> LanguageInfo {
    let Scan {
        scores, letters, ..
    } = *scan;
    static DETECTOR: LazyLock<Detector> =
        LazyLock::new(|| Detector::with_allowlist(ALLOWED.to_vec()));
    let mut wl = sample.len().min(WHATLANG_BYTES);
    while !sample.is_char_boundary(wl) {
        wl -= 1;
    }
    let info = DETECTOR.detect(&sample[..wl]);
    let mut order = [0usize, 1, 2, 3];
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (best, second) = (scores[order[0]], scores[order[1]]);
    let scandi_by_whatlang = info
        .as_ref()
        .is_some_and(|i| matches!(i.lang(), Lang::Swe | Lang::Nob | Lang::Dan));
    let whatlang_sure = info.as_ref().is_some_and(|i| i.is_reliable());
    if best > 0.0 && (scandi_by_whatlang || (!whatlang_sure && best >= 3.0)) {
        let mut pick = order[0];
        let mut margin = (best - second) / best;
        let agrees = |i: usize| {
            info.as_ref()
                .is_some_and(|w| iso639_1(w.lang()) == Some(SCANDI[i]))
        };
        // Bokmål and Danish share most function words: when the words barely
        // tell them apart, whatlang's trigrams decide between the two
        if margin < 0.15 && !agrees(pick) && agrees(order[1]) {
            pick = order[1];
            margin = 0.0;
        }
        let evidence = (best / 6.0).min(1.0);
        let mut confidence = 0.5 + 0.5 * margin * evidence;
        if agrees(pick) {
            confidence = confidence.max(info.as_ref().map_or(0.0, |w| w.confidence()));
        }
        return LanguageInfo {
            code: Some(SCANDI[pick]),
            confidence: round3(confidence),
            reliable: letters >= 50
                && best >= 3.0
                && (margin >= 0.15 || (agrees(pick) && whatlang_sure)),
        };
    }
    match info {
        Some(i) => LanguageInfo {
            code: iso639_1(i.lang()),
            confidence: round3(i.confidence()),
            reliable: i.is_reliable() && iso639_1(i.lang()).is_some(),
        },
        None => LanguageInfo::unknown(),
    }
}

/// The fast path for the common case: at least 20 points of Swedish
/// function words and ä/ö, at least 15 % of the words, and Swedish at
/// least 2.5 times ahead of Bokmål, Nynorsk and Danish. Such a text needs
/// no trigram model (whatlang costs more than the rest of detection);
/// confidence is 0.5 + 0.5 × the margin over the runner-up.
fn unmistakably_swedish(words: usize, scores: &[f64; 4]) -> Option<LanguageInfo> {
    let sv = scores[0];
    let second = scores[1..].iter().copied().fold(0.0, f64::max);
    let words = words.max(1) as f64;
    let margin = if sv > 0.0 { (sv - second) / sv } else { 0.0 };
    (sv >= 20.0 && sv >= 0.15 * words && margin >= 0.6).then(|| LanguageInfo {
        code: Some("sv"),
        confidence: round3(0.5 + 0.5 * margin),
        reliable: true,
    })
}

fn iso639_1(lang: Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Swe => "sv",
        Nob => "nb",
        Dan => "da",
        Eng => "en",
        Deu => "de",
        Fin => "fi",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Nld => "nl",
        Por => "pt",
        Pol => "pl",
        Est => "et",
        Lav => "lv",
        Lit => "lt",
        Rus => "ru",
        Ukr => "uk",
        Ara => "ar",
        Tur => "tr",
        Ell => "el",
        Hun => "hu",
        Ces => "cs",
        Slk => "sk",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Ron => "ro",
        Bul => "bg",
        Pes => "fa",
        Heb => "he",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Hin => "hi",
        Tha => "th",
        Vie => "vi",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_swedish_fast_path_needs_a_swedish_text_not_a_swedish_quote() {
        let sv = "Kommunen har svårt att rekrytera personal till it-avdelningen, och det \
                  påverkar hur snabbt de nya e-tjänsterna kan byggas. Det säger kommundirektören, \
                  som menar att ansvaret för digitaliseringen måste delas av hela förvaltningen.";
        let info = detect(sv);
        assert_eq!(info.code, Some("sv"));
        assert!(info.reliable && info.confidence > 0.8, "{info:?}");
        let en = "The council has struggled to hire developers for years, and the new digital \
                  services are late. In a statement the director wrote that the problem is shared \
                  across the whole organisation, quoting a colleague who said: \"det är inte \
                  bara it-avdelningens ansvar\". Officials expect the situation to improve when \
                  the new training programme starts in the autumn, but the budget is tight.";
        assert_eq!(detect(en).code, Some("en"));
        // Norwegian shares many function words: never taken by the fast path
        let nb = "Kommunen har problemer med å rekruttere folk til it-avdelingen, og det \
                  påvirker hvor raskt de nye tjenestene kan bygges. Det sier rådmannen, som mener \
                  at ansvaret for digitaliseringen må deles av hele organisasjonen.";
        assert_eq!(detect(nb).code, Some("nb"));
    }

    use super::*;

    /// The first, plain form of `scandinavian_scores` (char by char, a
    /// string per word), kept to check that the fast scan gives exactly
    /// the same scores.
    fn scores_reference(text: &str) -> [f64; 4] {
        let mut scores = [0.0f64; 4];
        let mut word = String::new();
        let mut chars = text.chars().peekable();
        while chars.peek().is_some() {
            word.clear();
            for c in chars.by_ref() {
                if c.is_alphabetic() {
                    word.extend(c.to_lowercase());
                } else {
                    break;
                }
            }
            if word.is_empty() {
                continue;
            }
            // the word split, lowercasing, marker look-up and letters the
            // plain way; the scoring rules are the shared ones
            let marker = MARKERS
                .binary_search_by(|(w, _)| (*w).cmp(word.as_str()))
                .ok()
                .map(|k| MARKERS[k].1);
            score_word(
                word.as_bytes(),
                marker,
                word.contains(['ä', 'ö']),
                word.contains(['æ', 'ø']),
                &mut scores,
            );
        }
        scores
    }

    #[test]
    fn the_latin1_shortcuts_agree_with_the_unicode_tables() {
        for c in '\u{80}'..='\u{ff}' {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            if let 'À'..='Þ' = c
                && is_letter(c)
            {
                let l = char::from_u32(u32::from(c) + 32).unwrap();
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c:?}");
            }
        }
    }

    #[test]
    fn markers_are_found_as_numbers() {
        for (w, m) in MARKERS {
            assert_eq!(marker_mask(w.as_bytes()), Some(*m), "{w}");
            let longer = format!("{w}x");
            let in_list = MARKERS.iter().any(|(x, _)| *x == longer);
            assert_eq!(
                marker_mask(longer.as_bytes()).is_some(),
                in_list,
                "{longer}"
            );
        }
        assert_eq!(marker_mask(b""), None);
        assert_eq!(marker_mask(b"kommunen"), None);
        const { assert!(MAX_MARKER_LEN <= 8) };
    }

    #[test]
    fn fast_scores_equal_the_plain_ones_on_real_text() {
        let mut texts = crate::test_support::real_files();
        texts.push(crate::test_support::talbanken_sentences().join("\n"));
        assert!(texts.len() > 5);
        for t in &texts {
            assert_eq!(scandinavian_scores(t), scores_reference(t));
            let scan = scan(t);
            assert_eq!(
                scan.letters,
                t.chars().filter(|c| c.is_alphabetic()).count()
            );
            assert_eq!(scan.words, t.split_whitespace().count());
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_scores_equal_the_plain_ones_on_any_text(t in "[a-zåäöæøA-ZÅÄÖÆØ \\-.,İßΣ\u{300}\t\n\u{b}\u{c}\r\u{a0}\u{85}\u{3000}]{0,80}|\\PC*") {
            proptest::prop_assert_eq!(scandinavian_scores(&t), scores_reference(&t));
            let scan = scan(&t);
            proptest::prop_assert_eq!(scan.letters, t.chars().filter(|c| c.is_alphabetic()).count());
            proptest::prop_assert_eq!(scan.words, t.split_whitespace().count());
        }
    }

    fn fixture(lang: &str) -> Vec<String> {
        let path = format!(
            "{}/tests/fixtures/language/detect/{lang}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(path).expect("fixture");
        text.split("\n\n")
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect()
    }

    #[test]
    fn marker_table_is_sorted() {
        assert!(MARKERS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn tells_each_fixture_paragraph_by_its_language() {
        for lang in ["sv", "nb", "nn", "da", "en"] {
            let paras = fixture(lang);
            assert!(paras.len() >= 5, "{lang}: {} paragraphs", paras.len());
            for p in paras {
                let info = detect(&p);
                assert_eq!(info.code, Some(lang), "{p}");
                assert!(info.reliable, "{lang} not reliable: {info:?} {p}");
                assert!((0.0..=1.0).contains(&info.confidence));
            }
        }
    }

    #[test]
    fn single_sentences_of_norwegian_and_danish_are_not_swedish() {
        for lang in ["nb", "nn", "da"] {
            for p in fixture(lang) {
                for s in p
                    .split(". ")
                    .filter(|s| s.chars().filter(|c| c.is_alphabetic()).count() >= 40)
                {
                    assert_ne!(detect(s).code, Some("sv"), "{lang}: {s}");
                }
            }
        }
    }

    #[test]
    fn short_swedish_sentences_are_swedish_by_default_and_unreliably() {
        for s in [
            "Ekonomisk politik diskuterades i kommunfullmäktige igår.",
            "Sverige har en nyckelroll.",
            "Antalet master bör minimeras.",
            "Konsekvensen blir en kraftlös politik.",
        ] {
            let info = detect(s);
            assert_eq!(info.code, Some("sv"), "{s}");
            assert!(!info.reliable, "{s}: {info:?}");
            assert!((0.6..=1.0).contains(&info.confidence), "{s}: {info:?}");
        }
        // fewer letters than the models need, but three Swedish words
        let short = detect("Vi har en plan.");
        assert_eq!((short.code, short.reliable), (Some("sv"), false));
        // "nu" is Swedish as well as Danish
        let nu = detect("Nu har Sverige gått in i en lågkonjunktur.");
        assert_eq!(nu.code, Some("sv"));
    }

    #[test]
    fn short_sentences_of_other_languages_are_not_swedish_by_default() {
        for s in [
            "Eesti Vabariik on demokraatlik riik.",
            "Hallitus päätti uudesta laista eilen illalla.",
            "The council will hire more developers next year.",
            "Die Regierung hat das neue Gesetz beschlossen.",
            "Det er ikke muligt at se det nu.",
            "Vi har et defensivt utgangspunkt.",
            "Eg veit ikkje kva du meiner.",
        ] {
            assert_ne!(detect(s).code, Some("sv"), "{s}");
        }
        // every sentence of the other fixtures, down to the shortest
        for lang in ["nb", "nn", "da", "en"] {
            for p in fixture(lang) {
                for s in p.split(". ").filter(|s| s.split_whitespace().count() >= 4) {
                    assert_ne!(detect(s).code, Some("sv"), "{lang}: {s}");
                }
            }
        }
    }

    #[test]
    fn norwegian_or_danish_evidence_contradicts_swedish() {
        let sv = scandinavian_scores("Sverige har en nyckelroll.");
        assert!(swedish_by_default("Sverige har en nyckelroll.", &sv).is_some());
        let da = "Sverige har en nøgle.";
        assert!(swedish_by_default(da, &scandinavian_scores(da)).is_none());
        // the lexicon must know most of the words
        let x = "Qwrt zxcv plmk i sverige.";
        assert!(swedish_by_default(x, &scandinavian_scores(x)).is_none());
        // no Swedish function word, no ä/ö: nothing of its own
        let n = "Sverige nyckelroll.";
        assert!(swedish_by_default(n, &scandinavian_scores(n)).is_none());
        // English function words contradict
        let e = "Sverige har en role in the council.";
        assert!(swedish_by_default(e, &scandinavian_scores(e)).is_none());
        assert!(ENGLISH.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn forced_languages_are_iso_codes() {
        let f = LanguageInfo::forced("SV").expect("sv is a code");
        assert_eq!((f.code, f.confidence, f.reliable), (Some("sv"), 1.0, true));
        assert_eq!(iso639_1_code("nb"), Some("nb"));
        for bad in ["", "swe", "svenska", "xx", "s"] {
            assert!(LanguageInfo::forced(bad).is_none(), "{bad}");
        }
        assert!(ISO639_1.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn too_little_text_has_no_language() {
        for t in ["", "   ", "Hej!", "12 345 678 90", "OK, tack."] {
            let info = detect(t);
            assert_eq!(info.code, None, "{t:?}");
            assert!(!info.reliable);
        }
    }

    #[test]
    #[ignore = "needs ../shared beside the checkout"]
    fn swedish_paragraphs_from_talbanken_are_swedish() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/ud/sv_talbanken-ud-test.conllu"
        );
        let raw = std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!("{path}: {e} (this test needs ../shared beside the checkout)")
        });
        let mut paras: Vec<String> = Vec::new();
        for line in raw.lines() {
            if line.starts_with("# newpar") || line.starts_with("# newdoc") {
                paras.push(String::new());
            } else if let Some(t) = line.strip_prefix("# text = ")
                && let Some(p) = paras.last_mut()
            {
                p.push(' ');
                p.push_str(t);
            }
        }
        let long: Vec<&String> = paras
            .iter()
            .filter(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 150)
            .collect();
        assert!(long.len() > 100);
        let wrong: Vec<&&String> = long
            .iter()
            .filter(|p| detect(p).code != Some("sv"))
            .collect();
        let acc = 1.0 - wrong.len() as f64 / long.len() as f64;
        assert!(acc >= 0.99, "accuracy {acc}, e.g. {:?}", wrong.first());
        // and sentence by sentence, where whatlang alone is weakest
        let sents: Vec<&str> = raw
            .lines()
            .filter_map(|l| l.strip_prefix("# text = "))
            .filter(|s| s.chars().filter(|c| c.is_alphabetic()).count() >= 60)
            .collect();
        let ok = sents
            .iter()
            .filter(|s| detect(s).code == Some("sv"))
            .count();
        assert!(
            ok as f64 / sents.len() as f64 >= 0.97,
            "{ok}/{}",
            sents.len()
        );
    }
}
