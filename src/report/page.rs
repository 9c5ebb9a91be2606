//! The page: the view of the aggregates that the template shows, the charts
//! drawn from it, and the documents table's data for the page's script.

use std::collections::{BTreeMap, BTreeSet};

use minijinja::Environment;
use minijinja::value::Serde;
use serde::Serialize;

use super::charts::{self, Heatmap, PALETTE, ThemeSeries, group_digits};
use super::data::{self, Aggregates, DocLabel, DocText, Kwic, QuoteSample};
use super::sample::BottomK;
use super::{ErrorsInfo, ManifestInfo};
use crate::summary::Summary;

const TEMPLATE: &str = include_str!("template.html");
const CSS: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// Themes shown in the charts and the table, those with most hits first.
pub const MAX_THEMES: usize = 12;
/// Speakers in the speaker × theme heatmap.
pub const TOP_SPEAKERS: usize = 20;
/// Organisations and roles in their bar charts.
pub const TOP_BARS: usize = 15;
/// Months from which on the time chart adds a 12-month moving rate.
pub const SMOOTH_FROM_MONTHS: usize = 36;
/// Longest title in the documents table.
const TITLE_CHARS: usize = 160;
/// Bytes of JSON the documents table's rows take at most (a larger corpus
/// is sampled), so that the page stays under 5 MB.
pub const ROWS_BUDGET: usize = 3_400_000;

/// A theme as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeView {
    /// Theme id.
    pub id: String,
    /// Label from the codebook.
    pub label: String,
    /// `#rrggbb`.
    pub color: String,
    /// Documents with a hit.
    pub documents: usize,
    /// Hits.
    pub hits: usize,
    /// Hits per 1,000 words over the corpus.
    pub rate: String,
}

#[derive(Serialize)]
struct KwicView {
    title: String,
    date: String,
    id: String,
    left: String,
    hit: String,
    right: String,
}

#[derive(Serialize)]
struct QuoteView {
    title: String,
    date: String,
    id: String,
    speaker: String,
    who: String,
    parts: Vec<(String, bool)>,
}

#[derive(Serialize)]
struct ThemeSection {
    theme: ThemeView,
    kwic: Vec<KwicView>,
    kwic_seen: String,
    quotes: Vec<QuoteView>,
    quotes_seen: String,
}

#[derive(Serialize)]
struct UndatedRow {
    label: String,
    color: String,
    hits: String,
    rate: String,
}

/// Everything the template reads.
#[derive(Serialize)]
struct PageContext<'a> {
    folder: &'a str,
    css: &'static str,
    script: &'static str,
    overview: super::overview::Overview,
    themes: Vec<ThemeView>,
    time_chart: String,
    smoothed: bool,
    months: usize,
    undated: Vec<UndatedRow>,
    undated_documents: String,
    undated_words: String,
    cooc_chart: String,
    speaker_chart: String,
    speaker_names: String,
    top_speakers: usize,
    org_chart: String,
    role_chart: String,
    sections: Vec<ThemeSection>,
    kwic_per_theme: usize,
    quotes_per_theme: usize,
    context_chars: usize,
    table_json: String,
    table_note: String,
    table_rows: String,
    table_texts: String,
}

/// What goes into the page besides the aggregates.
pub struct PageInputs<'a> {
    /// The output folder's name.
    pub folder: String,
    /// `summary.json`.
    pub summary: &'a Summary,
    /// `manifest.json`.
    pub manifest: &'a ManifestInfo,
    /// `errors.jsonl`.
    pub errors: &'a ErrorsInfo,
}

/// The themes to show: every theme with hits (labels from the codebook via
/// `summary.json`), most hits first, at most [`MAX_THEMES`]; and the ids of
/// those left out.
pub fn shown_themes(agg: &Aggregates, summary: &Summary) -> (Vec<ThemeView>, Vec<String>) {
    let mut labels: BTreeMap<&str, &str> = agg
        .themes
        .iter()
        .map(|(id, t)| (id.as_str(), t.label.as_str()))
        .collect();
    for t in &summary.themes {
        labels.insert(&t.id, &t.label);
    }
    let mut all: Vec<(usize, &str)> = agg
        .themes
        .iter()
        .filter(|(_, t)| t.hits > 0)
        .map(|(id, t)| (t.hits, id.as_str()))
        .collect();
    all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let views = all
        .iter()
        .take(MAX_THEMES)
        .enumerate()
        .map(|(i, (hits, id))| ThemeView {
            id: id.to_string(),
            label: labels.get(id).copied().unwrap_or(id).to_string(),
            color: PALETTE[i % PALETTE.len()].to_string(),
            documents: agg.themes[*id].documents,
            hits: *hits,
            rate: rate(*hits, agg.words),
        })
        .collect();
    let hidden = all
        .iter()
        .skip(MAX_THEMES)
        .map(|(_, id)| id.to_string())
        .collect();
    (views, hidden)
}

fn rate(hits: usize, words: u64) -> String {
    if words == 0 {
        "–".to_string()
    } else {
        format!("{:.2}", hits as f64 * 1000.0 / words as f64)
    }
}

/// Every month from the first to the last with documents, gaps included.
pub fn month_range(agg: &Aggregates) -> Vec<String> {
    let (Some(first), Some(last)) = (agg.months.keys().next(), agg.months.keys().next_back())
    else {
        return Vec::new();
    };
    let parse =
        |m: &str| -> (i32, i32) { (m[..4].parse().unwrap_or(0), m[5..7].parse().unwrap_or(1)) };
    let (mut y, mut m) = parse(first);
    let end = parse(last);
    let mut out = Vec::new();
    while (y, m) <= end {
        out.push(format!("{y:04}-{m:02}"));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

/// The series of the time chart: monthly rate per theme, and the 12-month
/// moving rate (hits over words of the month and the eleven before) when
/// the span is [`SMOOTH_FROM_MONTHS`] months or more.
pub fn time_series(agg: &Aggregates, themes: &[ThemeView], months: &[String]) -> Vec<ThemeSeries> {
    let empty = data::Period::default();
    let periods: Vec<&data::Period> = months
        .iter()
        .map(|m| agg.months.get(m).unwrap_or(&empty))
        .collect();
    themes
        .iter()
        .map(|t| {
            let monthly = periods.iter().map(|p| p.rate(&t.id)).collect();
            let smooth = (months.len() >= SMOOTH_FROM_MONTHS).then(|| {
                (0..periods.len())
                    .map(|i| {
                        let window = &periods[i.saturating_sub(11)..=i];
                        let words: u64 = window.iter().map(|p| p.words).sum();
                        let hits: usize = window
                            .iter()
                            .map(|p| p.hits.get(&t.id).copied().unwrap_or(0))
                            .sum();
                        (words > 0 && i >= 11).then(|| hits as f64 * 1000.0 / words as f64)
                    })
                    .collect()
            });
            ThemeSeries {
                label: t.label.clone(),
                color: t.color.clone(),
                monthly,
                smooth,
            }
        })
        .collect()
}

/// The co-occurrence heatmap: documents with hits of both themes; the
/// diagonal (documents with the theme) drawn apart in grey.
pub fn cooccurrence(agg: &Aggregates, themes: &[ThemeView]) -> Heatmap {
    let count = |a: &str, b: &str| {
        let k = if a <= b {
            (a.to_string(), b.to_string())
        } else {
            (b.to_string(), a.to_string())
        };
        agg.cooccurrence.get(&k).copied().unwrap_or(0)
    };
    let values: Vec<Vec<usize>> = themes
        .iter()
        .map(|a| themes.iter().map(|b| count(&a.id, &b.id)).collect())
        .collect();
    let max = (0..themes.len())
        .flat_map(|i| {
            (0..themes.len())
                .filter(move |j| *j != i)
                .map(move |j| (i, j))
        })
        .map(|(i, j)| values[i][j])
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let shade = (0..themes.len())
        .map(|i| {
            (0..themes.len())
                .map(|j| (i != j).then(|| values[i][j] as f64 / max))
                .collect()
        })
        .collect();
    let labels: Vec<String> = themes.iter().map(|t| t.label.clone()).collect();
    Heatmap {
        title: "Documents in which both themes occur".into(),
        shade_note: "documents with both (grey diagonal: documents with the theme)".into(),
        key: ("0".into(), group_digits(max as usize)),
        rows: labels.clone(),
        cols: labels,
        values,
        shade,
        extra: None,
    }
}

/// The speakers with most quotes (ties by name), at most [`TOP_SPEAKERS`].
pub fn top_speakers(agg: &Aggregates) -> Vec<(&String, &data::SpeakerTotal)> {
    let mut all: Vec<_> = agg.speakers.iter().filter(|(_, s)| s.quotes > 0).collect();
    all.sort_by(|a, b| b.1.quotes.cmp(&a.1.quotes).then(a.0.cmp(b.0)));
    all.truncate(TOP_SPEAKERS);
    all
}

/// The speaker × theme heatmap: hits inside each speaker's quotes, shaded
/// by the share of that speaker's theme hits.
pub fn speaker_heatmap(agg: &Aggregates, themes: &[ThemeView]) -> Heatmap {
    let top = top_speakers(agg);
    let values: Vec<Vec<usize>> = top
        .iter()
        .map(|(_, s)| {
            themes
                .iter()
                .map(|t| s.themes.get(&t.id).copied().unwrap_or(0))
                .collect()
        })
        .collect();
    let shade = values
        .iter()
        .map(|row| {
            let total = row.iter().sum::<usize>().max(1) as f64;
            row.iter().map(|v| Some(*v as f64 / total)).collect()
        })
        .collect();
    let rows = top
        .iter()
        .map(|(name, s)| {
            let orgs: Vec<&str> = s.organisations.iter().map(String::as_str).collect();
            if orgs.is_empty() {
                name.to_string()
            } else {
                format!("{name} ({})", orgs.join(", "))
            }
        })
        .collect();
    Heatmap {
        title: "Most quoted speakers: theme hits inside their quotes".into(),
        shade_note: "share of the speaker's theme hits".into(),
        key: ("0 %".into(), "100 %".into()),
        rows,
        cols: themes.iter().map(|t| t.label.clone()).collect(),
        values,
        shade,
        extra: Some(("quotes".into(), top.iter().map(|(_, s)| s.quotes).collect())),
    }
}

/// The `n` largest entries of a count map (ties by name).
pub fn top_counts(map: &BTreeMap<String, usize>, n: usize) -> Vec<(String, usize)> {
    let mut all: Vec<(String, usize)> = map
        .iter()
        .filter(|(_, v)| **v > 0)
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    all.truncate(n);
    all
}

fn date_of(doc: &DocLabel) -> String {
    doc.date.clone().unwrap_or_else(|| "no date".into())
}

fn by_date(a: &DocLabel, b: &DocLabel) -> std::cmp::Ordering {
    (a.date.is_none(), &a.date, &a.id).cmp(&(b.date.is_none(), &b.date, &b.id))
}

/// The sections "themes in context": hits in context and quotes per theme.
fn theme_sections(agg: &mut Aggregates, themes: &[ThemeView]) -> Vec<ThemeSection> {
    themes
        .iter()
        .map(|t| {
            let kwic = agg.kwic.remove(&t.id);
            let kwic_seen = kwic.as_ref().map_or(0, |k| k.seen());
            let mut kwic: Vec<Kwic> = kwic.map(|k| k.into_sorted()).unwrap_or_default();
            kwic.sort_by(|a, b| by_date(&a.doc, &b.doc).then(a.left.cmp(&b.left)));
            let quotes = agg.quotes.remove(&t.id);
            let quotes_seen = quotes.as_ref().map_or(0, |k| k.seen());
            let mut quotes: Vec<QuoteSample> = quotes.map(|k| k.into_sorted()).unwrap_or_default();
            quotes.sort_by(|a, b| by_date(&a.doc, &b.doc).then(a.speaker.cmp(&b.speaker)));
            ThemeSection {
                theme: t.clone(),
                kwic: kwic
                    .into_iter()
                    .map(|k| KwicView {
                        title: k.doc.title.clone(),
                        date: date_of(&k.doc),
                        id: k.doc.id,
                        left: k.left,
                        hit: k.hit,
                        right: k.right,
                    })
                    .collect(),
                kwic_seen: group_digits(kwic_seen),
                quotes: quotes.into_iter().map(quote_view).collect(),
                quotes_seen: group_digits(quotes_seen),
            }
        })
        .collect()
}

fn quote_view(q: QuoteSample) -> QuoteView {
    let mut who: Vec<String> = q.roles.clone();
    who.extend(q.organisations.iter().cloned());
    QuoteView {
        title: q.doc.title.clone(),
        date: date_of(&q.doc),
        id: q.doc.id,
        speaker: q.speaker,
        who: who.join(", "),
        parts: q.parts,
    }
}

/// The table's rows as JSON arrays `[id, title, date, language, words,
/// LIX, [hits per theme]]`, smallest sampling key first, while
/// [`ROWS_BUDGET`] bytes last; then sorted by id.
fn rows_within_budget(
    rows: Vec<data::DocRow>,
    themes: &[ThemeView],
) -> Vec<(String, serde_json::Value)> {
    let mut budget = ROWS_BUDGET;
    let mut out = Vec::new();
    for r in rows {
        let title: String = if r.doc.title.chars().count() > TITLE_CHARS {
            let mut t: String = r.doc.title.chars().take(TITLE_CHARS - 1).collect();
            t.push('…');
            t
        } else {
            r.doc.title
        };
        let counts: Vec<usize> = themes
            .iter()
            .map(|t| r.themes.get(&t.id).copied().unwrap_or(0))
            .collect();
        let lix = r.lix.map(|l| (l * 10.0).round() / 10.0);
        let row = serde_json::json!([
            r.doc.id, title, r.doc.date, r.language, r.words, lix, counts
        ]);
        let size = row.to_string().len() + 4;
        if size > budget {
            break;
        }
        budget -= size;
        out.push((r.doc.id, row));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The texts for the document view: smallest sampling key first while
/// [`data::TEXT_BUDGET`] bytes last, of documents in the table; sorted by id.
fn texts_within_budget(texts: Vec<DocText>, in_table: &BTreeSet<&str>) -> Vec<DocText> {
    let mut budget = data::TEXT_BUDGET;
    let mut out: Vec<DocText> = Vec::new();
    for t in texts
        .into_iter()
        .filter(|t| in_table.contains(t.id.as_str()))
    {
        if t.text.len() > budget {
            break;
        }
        budget -= t.text.len();
        out.push(t);
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// The documents table and the sampled texts, as JSON for the page's
/// script, and a sentence on how they were sampled.
fn table_data(agg: &mut Aggregates, themes: &[ThemeView]) -> (String, String, usize, usize) {
    let rows_seen = agg.rows.seen();
    let rows = std::mem::replace(&mut agg.rows, BottomK::new(0)).into_sorted();
    let rows = rows_within_budget(rows, themes);
    let in_table: BTreeSet<&str> = rows.iter().map(|(id, _)| id.as_str()).collect();
    let texts = texts_within_budget(
        std::mem::replace(&mut agg.texts, BottomK::new(0)).into_sorted(),
        &in_table,
    );
    let text_index: BTreeMap<&str, usize> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let theme_index: BTreeMap<&str, usize> = themes
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let json_rows: Vec<serde_json::Value> = rows
        .iter()
        .map(|(id, row)| {
            let mut row = row.clone();
            let text = text_index.get(id.as_str()).map_or(-1, |i| *i as i64);
            if let Some(a) = row.as_array_mut() {
                a.push(text.into());
            }
            row
        })
        .collect();
    let json_texts: Vec<serde_json::Value> = texts
        .iter()
        .map(|t| {
            let hits: Vec<(usize, usize, usize)> = t
                .hits
                .iter()
                .filter_map(|(s, e, id)| theme_index.get(id.as_str()).map(|i| (*s, *e, *i)))
                .collect();
            serde_json::json!({"id": t.id, "text": t.text, "cut": t.cut, "hits": hits, "quotes": t.quotes})
        })
        .collect();
    let data = serde_json::json!({
        "themes": themes.iter().map(|t| serde_json::json!({"id": t.id, "label": t.label, "color": t.color})).collect::<Vec<_>>(),
        "rows": json_rows,
        "texts": json_texts,
    });
    // `<` escaped so that no text can close the script element
    let json = data.to_string().replace('<', "\\u003c");
    let note = sampling_note(rows.len(), rows_seen, texts.len());
    (json, note, rows.len(), texts.len())
}

fn sampling_note(rows: usize, documents: usize, texts: usize) -> String {
    let table = if rows < documents {
        format!(
            "The table lists {} of the {} documents: a fixed random sample (those whose id hashes lowest), to keep the page under 5 MB. ",
            group_digits(rows),
            group_digits(documents)
        )
    } else {
        String::new()
    };
    let text = if texts >= rows {
        "Every row opens its document's text.".to_string()
    } else {
        format!(
            "The report carries the text of {} documents, a fixed random sample (the ids that hash lowest, at most {} documents, {} characters each and {} MB in all), to stay small; the other rows open their counts only, and their text is in corpus.jsonl.",
            group_digits(texts),
            data::TEXT_DOCS,
            group_digits(data::TEXT_CHARS),
            data::TEXT_BUDGET as f64 / 1e6
        )
    };
    format!("{table}{text}")
}

/// Builds the whole page.
pub fn render(mut agg: Aggregates, inputs: &PageInputs) -> Result<String, String> {
    let (themes, hidden) = shown_themes(&agg, inputs.summary);
    let months = month_range(&agg);
    let series = time_series(&agg, &themes, &months);
    let docs_per_month: Vec<usize> = months
        .iter()
        .map(|m| agg.months.get(m).map_or(0, |p| p.documents))
        .collect();
    let err = |e: Box<dyn std::error::Error>| e.to_string();
    let time_chart = if months.is_empty() || themes.is_empty() {
        String::new()
    } else {
        charts::themes_over_time(&months, &docs_per_month, &series).map_err(err)?
    };
    let cooc_chart = if themes.len() < 2 {
        String::new()
    } else {
        charts::heatmap(&cooccurrence(&agg, &themes)).map_err(err)?
    };
    let speakers = speaker_heatmap(&agg, &themes);
    let speaker_chart = if speakers.rows.is_empty() || themes.is_empty() {
        String::new()
    } else {
        charts::heatmap(&speakers).map_err(err)?
    };
    let orgs = top_counts(&agg.organisations, TOP_BARS);
    let roles = top_counts(&agg.roles, TOP_BARS);
    let bar = |title: &str, items: &[(String, usize)]| -> Result<String, String> {
        if items.is_empty() {
            return Ok(String::new());
        }
        charts::bars(title, "quotes by speakers given it", items).map_err(err)
    };
    let org_chart = bar(
        &format!("Organisations by quotes (top {})", orgs.len()),
        &orgs,
    )?;
    let role_chart = bar(&format!("Roles by quotes (top {})", roles.len()), &roles)?;
    let undated: Vec<UndatedRow> = themes
        .iter()
        .map(|t| UndatedRow {
            label: t.label.clone(),
            color: t.color.clone(),
            hits: group_digits(agg.undated.hits.get(&t.id).copied().unwrap_or(0)),
            rate: agg
                .undated
                .rate(&t.id)
                .map_or("–".into(), |r| format!("{r:.2}")),
        })
        .collect();
    let overview = super::overview::overview(&agg, inputs, &hidden);
    let sections = theme_sections(&mut agg, &themes);
    let (table_json, table_note, table_rows, table_texts) = table_data(&mut agg, &themes);
    let ctx = PageContext {
        folder: &inputs.folder,
        css: CSS,
        script: SCRIPT,
        overview,
        themes,
        time_chart,
        smoothed: months.len() >= SMOOTH_FROM_MONTHS,
        months: months.len(),
        undated,
        undated_documents: group_digits(agg.undated.documents),
        undated_words: group_digits(agg.undated.words as usize),
        cooc_chart,
        speaker_chart,
        speaker_names: group_digits(agg.speakers.len()),
        top_speakers: TOP_SPEAKERS,
        org_chart,
        role_chart,
        sections,
        kwic_per_theme: data::KWIC_PER_THEME,
        quotes_per_theme: data::QUOTES_PER_THEME,
        context_chars: data::CONTEXT_CHARS,
        table_json,
        table_note,
        table_rows: group_digits(table_rows),
        table_texts: group_digits(table_texts),
    };
    let mut env = Environment::new();
    env.add_filter("digits", |n: usize| group_digits(n));
    env.add_template("report.html", TEMPLATE)
        .map_err(|e| e.to_string())?;
    let tmpl = env.get_template("report.html").map_err(|e| e.to_string())?;
    tmpl.render(Serde(&ctx)).map_err(|e| format!("{e:#}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(i: usize) -> data::DocRow {
        data::DocRow {
            doc: DocLabel {
                id: format!("doc-{i:05}"),
                title: "Interpellation om kompetensförsörjning i kommunerna ".repeat(4),
                date: Some("2020-01-01".into()),
            },
            language: Some("sv".into()),
            words: 1000,
            lix: Some(45.04),
            themes: BTreeMap::from([("ansvar".to_string(), 3)]),
        }
    }

    #[test]
    fn the_table_keeps_to_its_byte_budget_in_sampling_order() {
        let themes = vec![ThemeView {
            id: "ansvar".into(),
            label: "Ansvar".into(),
            color: PALETTE[0].into(),
            documents: 1,
            hits: 3,
            rate: "1.00".into(),
        }];
        // rows come smallest sampling key first: here doc-19999 down to doc-00000
        let rows: Vec<data::DocRow> = (0..20_000).rev().map(row).collect();
        let kept = rows_within_budget(rows, &themes);
        let bytes: usize = kept.iter().map(|(_, r)| r.to_string().len() + 4).sum();
        assert!(bytes <= ROWS_BUDGET);
        assert!(kept.len() > 10_000 && kept.len() < 20_000, "{}", kept.len());
        // the first offered are kept, and the kept are sorted by id
        assert_eq!(kept.last().unwrap().0, "doc-19999");
        assert!(kept.windows(2).all(|w| w[0].0 < w[1].0));
        let first = &kept[0].1;
        assert_eq!(first[1].as_str().unwrap().chars().count(), TITLE_CHARS);
        assert_eq!(first[5], 45.0);
        assert_eq!(first[6], serde_json::json!([3]));
        let note = sampling_note(kept.len(), 20_000, 300);
        assert!(note.contains("of the 20,000 documents"), "{note}");
    }

    #[test]
    fn texts_outside_the_table_or_the_budget_are_left_out() {
        let text = |id: &str, n: usize| DocText {
            id: id.into(),
            text: "x".repeat(n),
            cut: false,
            hits: Vec::new(),
            quotes: Vec::new(),
        };
        let in_table = BTreeSet::from(["a", "b", "c"]);
        let texts = vec![
            text("c", 10),
            text("z", 10),
            text("a", data::TEXT_BUDGET - 10),
            text("b", 1),
        ];
        let kept: Vec<String> = texts_within_budget(texts, &in_table)
            .into_iter()
            .map(|t| t.id)
            .collect();
        assert_eq!(kept, ["a", "c"]);
    }
}
