//! Swedish date expressions to ISO 8601 dates.
//!
//! Understood forms: `17 november 2022`, `17 nov. 2022`, `den 17:e november
//! 2022`, `21 februari, 2019`, `Feb 07, 2019` and `Maj 03, 2019` (the
//! month first, as press-release services write it), `2022-11-17` (also
//! with a time, `2022-11-17T08:00:00+01:00`),
//! `17/11/2022`, `17.11.2022`, a day and month without a year (`17
//! november`, only with a reference date) and the relative words `idag`,
//! `i dag`, `igår`, `i går`, `i förrgår` (only with a reference date;
//! without one they give nothing). Glued text after the year
//! (`17 november 2022Uppdaterad`) is allowed, as scrapes glue page elements.

use std::sync::LazyLock;

use regex::Regex;

/// A reference date `(year, month, day)` for relative expressions.
pub type Ymd = (i32, u32, u32);

/// A date found in a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte offset of the match's start.
    pub start: usize,
    /// Byte offset one past the match's end.
    pub end: usize,
    /// The date as `YYYY-MM-DD`, or `None` when the expression needs a
    /// reference date that was not given (or names an impossible day).
    pub iso: Option<String>,
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
        .expect("valid regex")
});

/// The Swedish months, written out or abbreviated, as a regex alternation
/// (for [`TEXTUAL`] and [`YEAR_FIRST`]).
const SV_MONTHS: &str = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec";

static TEXTUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?::e|:a|e|a)?\.?\s+({SV_MONTHS})\b\.?(?:\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b)?(?:,?\s*(\d{{4}}))?",
    ))
    .expect("valid regex")
});

/// The month first, as press-release services write it: `Feb 07, 2019`,
/// `Maj 03, 2019`, `May 3 2019`.
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|january|february|march|may|june|july|august|october|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec)\.?\s+(\d{1,2}),?\s+(\d{4})\b",
    )
    .expect("valid regex")
});

/// Year, month and day in that order with the month written out or
/// abbreviated ("2013 jun 01", "2021 mars 5"), as some publishing
/// systems print dates.
static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(\d{{4}})\s+({SV_MONTHS})\.?\s+(\d{{1,2}})\b"))
        .expect("valid regex")
});

static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})([./])(\d{1,2})[./](\d{4})").expect("valid regex"));

static RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(i\s?dag|i\s?går|i\s?förrgår)\b").expect("valid regex"));

/// The Swedish month names, January first.
pub(crate) const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// The month number of a Swedish month name or abbreviation (or of the
/// English names press-release services use).
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    let m = match lower.as_str() {
        "januari" | "jan" => 1,
        "februari" | "feb" => 2,
        "mars" | "mar" => 3,
        "april" | "apr" => 4,
        "maj" => 5,
        "juni" | "jun" => 6,
        "juli" | "jul" => 7,
        "augusti" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "okt" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        // English names of press-release services (`Feb 07, 2019`)
        "january" => 1,
        "february" => 2,
        "march" => 3,
        "may" => 5,
        "june" => 6,
        "july" => 7,
        "august" => 8,
        "october" | "oct" => 10,
        _ => return None,
    };
    Some(m)
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Formats a valid date as `YYYY-MM-DD`; `None` for impossible dates or
/// years outside 1800–2200.
pub fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    if !(1800..=2200).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The date `days` days before `reference`.
fn days_before(reference: Ymd, days: u32) -> Option<String> {
    let (mut y, mut m, mut d) = reference;
    iso(y, m, d)?;
    for _ in 0..days {
        if d > 1 {
            d -= 1;
        } else {
            if m > 1 {
                m -= 1;
            } else {
                m = 12;
                y -= 1;
            }
            d = days_in_month(y, m);
        }
    }
    iso(y, m, d)
}

/// Adds the matches of `re` in `s` that overlap none `taken` so far, each
/// with the date `ymd` reads from its groups (year, month, day).
fn take_ymd(
    re: &Regex,
    s: &str,
    taken: &mut Vec<(usize, usize)>,
    found: &mut Vec<DateMatch>,
    ymd: impl Fn(&regex::Captures<'_>) -> (i32, u32, u32),
) {
    for c in re.captures_iter(s) {
        let Some(all) = c.get(0) else { continue };
        if taken.iter().any(|&(s0, e0)| all.start() < e0 && s0 < all.end()) {
            continue;
        }
        let (y, m, d) = ymd(&c);
        taken.push((all.start(), all.end()));
        found.push(DateMatch {
            start: all.start(),
            end: all.end(),
            iso: iso(y, m, d),
        });
    }
}

/// Every date expression in `s`, in order, not overlapping.
pub fn find_dates(s: &str, reference: Option<Ymd>) -> Vec<DateMatch> {
    let mut found: Vec<DateMatch> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let overlaps = |taken: &[(usize, usize)], a: usize, b: usize| {
        taken.iter().any(|&(s0, e0)| a < e0 && s0 < b)
    };
    for c in ISO.captures_iter(s) {
        let Some(all) = c.get(0) else { continue };
        let y = c[1].parse().unwrap_or(0);
        let m = c[2].parse().unwrap_or(0);
        let d = c[3].parse().unwrap_or(0);
        taken.push((all.start(), all.end()));
        found.push(DateMatch {
            start: all.start(),
            end: all.end(),
            iso: iso(y, m, d),
        });
    }
    take_ymd(&YEAR_FIRST, s, &mut taken, &mut found, |c| {
        (c[1].parse().unwrap_or(0), month_number(&c[2]).unwrap_or(0), c[3].parse().unwrap_or(0))
    });
    for c in TEXTUAL.captures_iter(s) {
        let Some(all) = c.get(0) else { continue };
        if overlaps(&taken, all.start(), all.end()) {
            continue;
        }
        let d: u32 = c[1].parse().unwrap_or(0);
        let m = month_number(&c[2]).unwrap_or(0);
        let y: Option<i32> = c.get(3).and_then(|y| y.as_str().parse().ok());
        let y = y.or(reference.map(|r| r.0));
        taken.push((all.start(), all.end()));
        found.push(DateMatch {
            start: all.start(),
            end: all.end(),
            iso: y.and_then(|y| iso(y, m, d)),
        });
    }
    take_ymd(&MONTH_FIRST, s, &mut taken, &mut found, |c| {
        (c[3].parse().unwrap_or(0), month_number(&c[1]).unwrap_or(0), c[2].parse().unwrap_or(0))
    });
    take_ymd(&NUMERIC, s, &mut taken, &mut found, |c| {
        (c[4].parse().unwrap_or(0), c[3].parse().unwrap_or(0), c[1].parse().unwrap_or(0))
    });
    for c in RELATIVE.captures_iter(s) {
        let Some(all) = c.get(0) else { continue };
        if overlaps(&taken, all.start(), all.end()) {
            continue;
        }
        let word: String = c[1].to_lowercase().split_whitespace().collect();
        let back = match word.as_str() {
            "idag" => 0,
            "igår" => 1,
            _ => 2,
        };
        taken.push((all.start(), all.end()));
        found.push(DateMatch {
            start: all.start(),
            end: all.end(),
            iso: reference.and_then(|r| days_before(r, back)),
        });
    }
    found.sort_by_key(|m| m.start);
    found
}

/// Parses the first Swedish date expression in `s` into `YYYY-MM-DD`.
///
/// `reference` is the date relative words (`igår`, `idag`) and dates
/// without a year count from; without it they give `None`.
pub fn parse_date(s: &str, reference: Option<Ymd>) -> Option<String> {
    find_dates(s, reference).into_iter().find_map(|m| m.iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_abbreviated_month_and_its_full_name() {
        // a site that prints the short month for the eye and the full one
        // for screen readers: "12 dec december 2017"
        assert_eq!(parse_date("12 dec december 2017", None).as_deref(), Some("2017-12-12"));
        assert_eq!(parse_date("10 aug augusti 2016", None).as_deref(), Some("2016-08-10"));
    }

    #[test]
    fn year_month_day_with_the_month_in_letters() {
        assert_eq!(parse_date("2013 jun 01", None).as_deref(), Some("2013-06-01"));
        assert_eq!(parse_date("2021 mars 5", None).as_deref(), Some("2021-03-05"));
        // a year before a day and month is no such date
        assert_eq!(parse_date("2013 3 jun", None), None);
    }

    #[test]
    fn swedish_forms() {
        assert_eq!(
            parse_date("17 november 2022", None).as_deref(),
            Some("2022-11-17")
        );
        assert_eq!(
            parse_date("17 nov. 2022", None).as_deref(),
            Some("2022-11-17")
        );
        assert_eq!(
            parse_date("17 nov 2022", None).as_deref(),
            Some("2022-11-17")
        );
        assert_eq!(
            parse_date("den 3:e mars 2024", None).as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            parse_date("2022-11-17", None).as_deref(),
            Some("2022-11-17")
        );
        assert_eq!(
            parse_date("2025-03-12T07:30:00+01:00", None).as_deref(),
            Some("2025-03-12")
        );
        assert_eq!(
            parse_date("Publicerad 12 mars 2025 kl. 07.30", None).as_deref(),
            Some("2025-03-12")
        );
        assert_eq!(
            parse_date("Uppdaterad 2 oktober 2023", None).as_deref(),
            Some("2023-10-02")
        );
        assert_eq!(
            parse_date("17.11.2022", None).as_deref(),
            Some("2022-11-17")
        );
        assert_eq!(parse_date("5/1/2021", None).as_deref(), Some("2021-01-05"));
        assert_eq!(
            parse_date("Måndag 1 Juni 2020", None).as_deref(),
            Some("2020-06-01")
        );
    }

    #[test]
    fn comma_before_the_year_and_the_month_first() {
        assert_eq!(
            parse_date("21 februari, 2019", None).as_deref(),
            Some("2019-02-21")
        );
        assert_eq!(
            parse_date("Pressmeddelande • Feb 07, 2019 08:40 CET", None).as_deref(),
            Some("2019-02-07")
        );
        assert_eq!(
            parse_date("Maj 03, 2019 11:00 CEST", None).as_deref(),
            Some("2019-05-03")
        );
        assert_eq!(
            parse_date("May 3 2019", None).as_deref(),
            Some("2019-05-03")
        );
        // a number after a month word is no date without a year
        assert_eq!(parse_date("mars 12 personer", None), None);
    }

    #[test]
    fn glued_year() {
        let found = find_dates("17 november 2022Uppdaterad 2 oktober 2023Reporter", None);
        let isos: Vec<_> = found.iter().filter_map(|m| m.iso.clone()).collect();
        assert_eq!(isos, ["2022-11-17", "2023-10-02"]);
        assert_eq!(found[0].end, "17 november 2022".len());
    }

    #[test]
    fn relative_needs_reference() {
        assert_eq!(parse_date("igår", None), None);
        assert_eq!(parse_date("Publicerad i går kl. 12.00", None), None);
        assert_eq!(
            parse_date("igår", Some((2025, 3, 1))).as_deref(),
            Some("2025-02-28")
        );
        assert_eq!(
            parse_date("idag", Some((2024, 3, 1))).as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(
            parse_date("i förrgår", Some((2024, 1, 1))).as_deref(),
            Some("2023-12-30")
        );
        assert_eq!(parse_date("17 november", None), None);
        assert_eq!(
            parse_date("17 november", Some((2022, 12, 1))).as_deref(),
            Some("2022-11-17")
        );
    }

    #[test]
    fn impossible_dates_and_non_dates() {
        assert_eq!(parse_date("31 april 2023", None), None);
        assert_eq!(parse_date("29 februari 2023", None), None);
        assert_eq!(
            parse_date("29 februari 2024", None).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(parse_date("2023-13-01", None), None);
        assert_eq!(
            parse_date("Vi hade 17 medarbetare och 2022 var ett bra år", None),
            None
        );
        assert_eq!(parse_date("", None), None);
        // "mar" must not be read inside other words.
        assert_eq!(parse_date("3 marknader 2022", None), None);
    }
}
