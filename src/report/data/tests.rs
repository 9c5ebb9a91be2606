//! The numbers behind every chart: exact on small hand-made documents, and
//! in agreement with `summary.json` on a real run over `corpus/`.

use super::*;
use crate::report::page;

/// A corpus line with the fields the report reads.
fn line(id: &str, date: Option<&str>, text: &str, themes: &str, speakers: &str) -> String {
    let words = text.split_whitespace().count();
    format!(
        r#"{{"id":{id:?},"language":{{"code":"sv"}},"metadata":{{"title":"Titel {id}","published":{date}}},"text":{text:?},"themes":[{themes}],"speakers":[{speakers}],"readability":{{"lix":40.0,"words":{words}}}}}"#,
        date = date.map_or("null".to_string(), |d| format!("{d:?}")),
    )
}

fn fold(lines: &[String]) -> Aggregates {
    let mut agg = Aggregates::default();
    for l in lines {
        let doc: DocLine = serde_json::from_str(l).unwrap();
        agg.add(&doc);
    }
    agg
}

/// Three documents: two in January 2025 (one with a quote), one undated.
fn small() -> Aggregates {
    // "Vi litar på att ansvaret delas" : tillit at 3..9 ("litar "), ansvar at 15..23
    let a = line(
        "a",
        Some("2025-01-10"),
        "Vi litar på att ansvaret delas, säger Anna.",
        r#"{"id":"tillit","label":"Tillit","count":1,"hits":[{"start":3,"end":8}]},
           {"id":"ansvar","label":"Ansvar","count":1,"hits":[{"start":16,"end":24}]}"#,
        r#"{"name":"Anna Ek","roles":["it-chef"],"organisations":["Region Väst"],
            "quotes":[{"start":0,"end":30}],"themes":{"tillit":1,"ansvar":1}}"#,
    );
    let b = line(
        "b",
        Some("2025-01-28"),
        "Ansvar och ansvar igen.",
        r#"{"id":"ansvar","label":"Ansvar","count":2,"hits":[{"start":0,"end":6},{"start":11,"end":17}]}"#,
        "",
    );
    let c = line(
        "c",
        None,
        "Tillit utan datum.",
        r#"{"id":"tillit","label":"Tillit","count":1,"hits":[{"start":0,"end":6}]}"#,
        r#"{"name":"Anna Ek","roles":["chef"],"organisations":[],"quotes":[{"start":0,"end":6},{"start":7,"end":18}],"themes":{"tillit":1}}"#,
    );
    fold(&[a, b, c])
}

#[test]
fn month_of_reads_iso_dates_only() {
    assert_eq!(month_of("2022-11-17"), Some("2022-11"));
    assert_eq!(month_of("2022-11"), Some("2022-11"));
    assert_eq!(month_of("2022"), None);
    assert_eq!(month_of("2022-13-01"), None);
    assert_eq!(month_of("17 nov 2022"), None);
}

#[test]
fn months_undated_and_rates() {
    let agg = small();
    assert_eq!(agg.documents, 3);
    assert_eq!(agg.words, 8 + 4 + 3);
    let jan = &agg.months["2025-01"];
    assert_eq!((jan.documents, jan.words), (2, 12));
    assert_eq!(jan.hits["ansvar"], 3);
    assert_eq!(jan.hits["tillit"], 1);
    assert!((jan.rate("ansvar").unwrap() - 250.0).abs() < 1e-9);
    assert_eq!(jan.rate("säkerhet"), Some(0.0));
    assert_eq!((agg.undated.documents, agg.undated.words), (1, 3));
    assert_eq!(agg.undated.hits["tillit"], 1);
    assert_eq!(
        agg.date_span,
        Some(("2025-01-10".to_string(), "2025-01-28".to_string()))
    );
    assert_eq!(Period::default().rate("x"), None);
}

#[test]
fn cooccurrence_counts_documents_with_both_themes() {
    let agg = small();
    let get = |a: &str, b: &str| {
        agg.cooccurrence
            .get(&(a.to_string(), b.to_string()))
            .copied()
    };
    assert_eq!(get("ansvar", "tillit"), Some(1));
    assert_eq!(get("ansvar", "ansvar"), Some(2));
    assert_eq!(get("tillit", "tillit"), Some(2));
    assert_eq!(
        get("tillit", "ansvar"),
        None,
        "pairs are stored smaller id first"
    );
}

#[test]
fn speakers_organisations_and_roles_by_quotes() {
    let agg = small();
    let anna = &agg.speakers["Anna Ek"];
    assert_eq!((anna.documents, anna.quotes), (2, 3));
    assert_eq!(anna.themes["tillit"], 2);
    assert_eq!(anna.themes["ansvar"], 1);
    assert_eq!(anna.roles.iter().collect::<Vec<_>>(), ["chef", "it-chef"]);
    assert_eq!(agg.organisations["Region Väst"], 1);
    assert_eq!(agg.roles["chef"], 2);
    assert_eq!(agg.roles["it-chef"], 1);
    assert_eq!(agg.speaker_entries, 2);
}

#[test]
fn hits_in_context_and_quotes_with_hits() {
    let mut agg = small();
    let kwic = agg.kwic.remove("ansvar").unwrap();
    assert_eq!(kwic.seen(), 3);
    let mut kwic = kwic.into_sorted();
    kwic.sort_by(|a, b| (&a.doc.id, &a.left).cmp(&(&b.doc.id, &b.left)));
    let k = &kwic[0];
    assert_eq!(k.doc.id, "a");
    assert_eq!(k.doc.title, "Titel a");
    assert_eq!(k.doc.date.as_deref(), Some("2025-01-10"));
    assert_eq!(
        (k.left.as_str(), k.hit.as_str()),
        ("Vi litar på att", "ansvaret")
    );
    assert_eq!(k.right, "delas, säger Anna.");
    let quotes = agg.quotes.remove("tillit").unwrap();
    assert_eq!(quotes.seen(), 2, "one quote in a, one in c");
    let quotes = agg.quotes.remove("ansvar").unwrap().into_sorted();
    assert_eq!(quotes.len(), 1);
    let q = &quotes[0];
    assert_eq!(q.speaker, "Anna Ek");
    assert_eq!(q.organisations, ["Region Väst"]);
    let parts: Vec<(&str, bool)> = q.parts.iter().map(|(t, b)| (t.as_str(), *b)).collect();
    assert_eq!(
        parts,
        [
            ("Vi litar på att ", false),
            ("ansvaret", true),
            (" delas", false)
        ]
    );
}

#[test]
fn long_context_is_cut_at_a_word_and_marked() {
    let text = format!("{} ansvar {}", "ord ".repeat(30), "mer ".repeat(30));
    let start = text.find("ansvar").unwrap();
    let themes = format!(
        r#"{{"id":"ansvar","label":"Ansvar","count":1,"hits":[{{"start":{start},"end":{}}}]}}"#,
        start + 6
    );
    let mut agg = fold(&[line("x", None, &text, &themes, "")]);
    let k = agg.kwic.remove("ansvar").unwrap().into_sorted().remove(0);
    assert!(k.left.starts_with("…ord "), "{}", k.left);
    assert!(k.right.ends_with("mer…"), "{}", k.right);
    assert!(k.left.chars().count() <= CONTEXT_CHARS + 1);
    assert!(k.right.chars().count() <= CONTEXT_CHARS + 1);
}

#[test]
fn table_rows_and_texts() {
    let agg = small();
    let rows = agg.rows.into_sorted();
    assert_eq!(rows.len(), 3);
    let b = rows.iter().find(|r| r.doc.id == "b").unwrap();
    assert_eq!((b.words, b.themes["ansvar"]), (4, 2));
    assert_eq!(b.lix, Some(40.0));
    let texts = agg.texts.into_sorted();
    let a = texts.iter().find(|t| t.id == "a").unwrap();
    assert_eq!(a.hits, [(3, 8, "tillit".into()), (16, 24, "ansvar".into())]);
    assert_eq!(a.quotes, [(0, 30, "Anna Ek".into())]);
    assert!(!a.cut);
}

#[test]
fn the_time_series_adds_up_to_the_theme_totals() {
    let agg = small();
    let summary = summary_of(&agg);
    let (themes, hidden) = page::shown_themes(&agg, &summary);
    assert!(hidden.is_empty());
    assert_eq!(themes[0].id, "ansvar", "most hits first");
    let months = page::month_range(&agg);
    assert_eq!(months, ["2025-01"]);
    let series = page::time_series(&agg, &themes, &months);
    assert_eq!(series[0].monthly, [Some(250.0)]);
    assert!(series[0].smooth.is_none());
}

/// The summary.json a run would write for these aggregates' documents
/// (only the fields the page reads).
fn summary_of(agg: &Aggregates) -> crate::summary::Summary {
    crate::summary::Summary {
        schema_version: "1.0".into(),
        documents: agg.documents,
        failed: 0,
        skipped: 0,
        skipped_files: Vec::new(),
        tokens: 0,
        words: agg.words as usize,
        sentences: 0,
        languages: agg.languages.clone(),
        themes: agg
            .themes
            .iter()
            .map(|(id, t)| crate::summary::ThemeTotal {
                id: id.clone(),
                label: t.label.clone(),
                documents: t.documents,
                hits: t.hits,
            })
            .collect(),
        speakers: agg.speaker_entries,
        speaker_themes: Vec::new(),
    }
}

#[test]
fn month_range_fills_gaps_across_years() {
    let lines = [
        line("a", Some("2024-11-02"), "Ett ord.", "", ""),
        line("b", Some("2025-02-14"), "Två ord.", "", ""),
    ];
    let agg = fold(&lines);
    assert_eq!(
        page::month_range(&agg),
        ["2024-11", "2024-12", "2025-01", "2025-02"]
    );
}

/// A real run over the sample corpus: every chart's numbers agree with
/// summary.json and with each other.
#[test]
fn the_charts_agree_with_summary_json_on_the_sample_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let config = crate::Config {
        inputs: vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus"
        ))],
        out: out.clone(),
        quiet: true,
        ..crate::Config::default()
    };
    crate::run(&config, &|_| {}).unwrap();
    let summary: crate::summary::Summary =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    let agg = Aggregates::read(&out.join("corpus.jsonl")).unwrap();
    assert_eq!(agg.documents, summary.documents);
    assert_eq!(agg.words as usize, summary.words);
    assert_eq!(agg.languages, summary.languages);
    assert_eq!(agg.speaker_entries, summary.speakers);
    for t in &summary.themes {
        let a = &agg.themes[&t.id];
        assert_eq!(
            (a.hits, a.documents, &a.label),
            (t.hits, t.documents, &t.label)
        );
        // the diagonal of the co-occurrence heatmap
        assert_eq!(agg.cooccurrence[&(t.id.clone(), t.id.clone())], t.documents);
        // months plus the undated give every hit once
        let dated: usize = agg
            .months
            .values()
            .map(|p| p.hits.get(&t.id).copied().unwrap_or(0))
            .sum();
        assert_eq!(
            dated + agg.undated.hits.get(&t.id).copied().unwrap_or(0),
            t.hits
        );
    }
    let docs: usize =
        agg.months.values().map(|p| p.documents).sum::<usize>() + agg.undated.documents;
    assert_eq!(docs, summary.documents);
    // the speaker × theme heatmap is summary.json's speaker_themes
    let (themes, _) = page::shown_themes(&agg, &summary);
    let map = page::speaker_heatmap(&agg, &themes);
    assert!(!map.rows.is_empty());
    for (i, (name, s)) in page::top_speakers(&agg).iter().enumerate() {
        let row = summary
            .speaker_themes
            .iter()
            .find(|r| &r.name == *name)
            .unwrap();
        assert_eq!((s.quotes, s.documents), (row.quotes, row.documents));
        assert_eq!(map.extra.as_ref().unwrap().1[i], row.quotes);
        for (j, t) in themes.iter().enumerate() {
            assert_eq!(
                map.values[i][j],
                row.themes.get(&t.id).copied().unwrap_or(0)
            );
        }
    }
    // quotes by organisation add up to the quotes of speakers with that organisation
    let org_quotes: usize = summary
        .speaker_themes
        .iter()
        .filter(|r| r.organisations.iter().any(|o| o == "Region Västmark"))
        .map(|r| r.quotes)
        .sum();
    assert_eq!(agg.organisations["Region Västmark"], org_quotes);
    // the co-occurrence heatmap, recounted from the documents table
    let rows = agg_rows(&agg);
    let cooc = page::cooccurrence(&agg, &themes);
    for (i, a) in themes.iter().enumerate() {
        for (j, b) in themes.iter().enumerate() {
            let both = rows
                .iter()
                .filter(|r| r.themes.contains_key(&a.id) && r.themes.contains_key(&b.id))
                .count();
            assert_eq!(cooc.values[i][j], both, "{} × {}", a.id, b.id);
        }
    }
    // the time chart, recounted from the documents table
    let mut months: BTreeMap<String, Period> = BTreeMap::new();
    for r in &rows {
        if let Some(m) = r.doc.date.as_deref().and_then(month_of) {
            let p = months.entry(m.to_string()).or_default();
            p.documents += 1;
            p.words += r.words as u64;
            for (id, n) in &r.themes {
                *p.hits.entry(id.clone()).or_default() += n;
            }
        }
    }
    assert_eq!(months, agg.months);
    let range = page::month_range(&agg);
    for (s, t) in page::time_series(&agg, &themes, &range).iter().zip(&themes) {
        for (m, v) in range.iter().zip(&s.monthly) {
            assert_eq!(
                *v,
                months.get(m).and_then(|p| p.rate(&t.id)),
                "{} {m}",
                t.id
            );
        }
    }
    // the documents table: a row per document, its counts summing to the hits
    assert_eq!(rows.len(), summary.documents);
    for t in &summary.themes {
        let sum: usize = rows
            .iter()
            .map(|r| r.themes.get(&t.id).copied().unwrap_or(0))
            .sum();
        assert_eq!(sum, t.hits);
    }
}

/// The rows of the documents table, left in the sample.
fn agg_rows(agg: &Aggregates) -> Vec<DocRow> {
    agg.rows.items().cloned().collect()
}
