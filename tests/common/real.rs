//! Scoring svtext against the blind gold of real pages
//! (`tests/data/real/pages/<split>/`, see `tests/data/real/ANNOTATION.md`).
//! Every figure comes from the document svtext writes: offsets are sliced
//! from its `text`, nothing is taken from svtext's internals.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use svtext::Document;
use svtext::ingest::{Format, RawDoc};
use svtext::themes::Codebook;

/// A page's gold.
#[derive(Debug, Deserialize)]
pub struct Gold {
    pub url: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub updated: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub furniture: Vec<String>,
    #[serde(default)]
    pub paragraphs: Vec<GoldParagraph>,
    #[serde(default)]
    pub speakers: Vec<GoldSpeaker>,
    #[serde(default)]
    pub themes: Vec<String>,
}

/// A paragraph a reader keeps.
#[derive(Debug, Deserialize)]
pub struct GoldParagraph {
    pub start: String,
    pub kind: String,
    pub speaker: Option<String>,
}

/// A speaker of the page.
#[derive(Debug, Deserialize)]
pub struct GoldSpeaker {
    pub name: String,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub organisations: Vec<String>,
    #[serde(default)]
    pub ambiguous: bool,
}

/// One page: its name, text and gold.
pub struct Page {
    pub name: String,
    pub text: String,
    pub gold: Gold,
}

/// The pages of a split, sorted by name; empty when the folder is missing.
pub fn pages(split: &str) -> Vec<Page> {
    let dir = super::root().join("tests/data/real/pages").join(split);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).expect("readable page");
            let gold_path = p.with_extension("gold.json");
            let gold: Gold = serde_json::from_str(
                &std::fs::read_to_string(&gold_path).expect("a gold file beside the page"),
            )
            .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
            Page { name, text, gold }
        })
        .collect()
}

/// svtext's document for a page, as a plain-text scrape.
pub fn analyse(page: &Page, codebook: &Codebook) -> Document {
    let raw = RawDoc::in_memory(&page.name, page.text.clone(), Format::Text);
    svtext::analyze(&raw, codebook).expect("the page is analysed")
}

/// White space collapsed, dashes and quotes unified, for comparisons of
/// text that a scrape may have spaced or dashed differently.
pub fn norm(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '–' | '—' | '−' | '‒' => '-',
            '”' | '“' | '„' | '»' | '«' => '"',
            '’' | '‘' => '\'',
            '\u{a0}' | '\u{2009}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Party letters as the names the annotation uses.
fn party(s: &str) -> String {
    let names = [
        ("s", "socialdemokraterna"),
        ("m", "moderaterna"),
        ("sd", "sverigedemokraterna"),
        ("c", "centerpartiet"),
        ("v", "vänsterpartiet"),
        ("kd", "kristdemokraterna"),
        ("l", "liberalerna"),
        ("mp", "miljöpartiet"),
    ];
    let l = norm(s).to_lowercase();
    names
        .iter()
        .find(|(a, _)| *a == l)
        .map(|(_, n)| n.to_string())
        .unwrap_or(l)
}

fn set(v: &[String], f: fn(&str) -> String) -> BTreeSet<String> {
    v.iter().map(|s| f(s)).collect()
}

fn lower(s: &str) -> String {
    norm(s).to_lowercase()
}

/// Counts over a set of pages.
#[derive(Debug, Default, Clone)]
pub struct Score {
    pub pages: usize,
    pub titles_ok: usize,
    pub titles: usize,
    pub dates_ok: usize,
    pub dates: usize,
    pub authors_ok: usize,
    pub furniture_removed: usize,
    pub furniture: usize,
    pub body_kept: usize,
    pub body: usize,
    pub sp_tp: usize,
    pub sp_fp: usize,
    pub sp_fn: usize,
    pub roles_ok: usize,
    pub orgs_ok: usize,
    pub judged: usize,
    pub attr_ok: usize,
    pub attr: usize,
    pub th_tp: usize,
    pub th_fp: usize,
    pub th_fn: usize,
    /// One line per miss, for reading.
    pub misses: Vec<String>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

impl Score {
    pub fn title(&self) -> f64 {
        ratio(self.titles_ok, self.titles)
    }
    pub fn dates(&self) -> f64 {
        ratio(self.dates_ok, self.dates)
    }
    pub fn authors(&self) -> f64 {
        ratio(self.authors_ok, self.pages)
    }
    pub fn furniture(&self) -> f64 {
        ratio(self.furniture_removed, self.furniture)
    }
    pub fn body(&self) -> f64 {
        ratio(self.body_kept, self.body)
    }
    pub fn speaker_p(&self) -> f64 {
        ratio(self.sp_tp, self.sp_tp + self.sp_fp)
    }
    pub fn speaker_r(&self) -> f64 {
        ratio(self.sp_tp, self.sp_tp + self.sp_fn)
    }
    pub fn roles(&self) -> f64 {
        ratio(self.roles_ok, self.judged)
    }
    pub fn orgs(&self) -> f64 {
        ratio(self.orgs_ok, self.judged)
    }
    pub fn attribution(&self) -> f64 {
        ratio(self.attr_ok, self.attr)
    }
    pub fn theme_p(&self) -> f64 {
        ratio(self.th_tp, self.th_tp + self.th_fp)
    }
    pub fn theme_r(&self) -> f64 {
        ratio(self.th_tp, self.th_tp + self.th_fn)
    }

    /// The figures on one line each.
    pub fn report(&self, split: &str) -> String {
        format!(
            "real pages, {split} split ({} pages):\n\
             cleaning: titles {:.3} ({}/{}), dates {:.3} ({}/{}), authors {:.3}, \
             furniture removed {:.3} ({}/{}), body paragraphs kept {:.3} ({}/{})\n\
             speakers: P {:.3} R {:.3} ({} tp, {} fp, {} fn), roles {:.3}, organisations {:.3} \
             ({} judged), paragraph attribution {:.3} ({}/{})\n\
             themes (page presence): P {:.3} R {:.3} ({} tp, {} fp, {} fn)",
            self.pages,
            self.title(),
            self.titles_ok,
            self.titles,
            self.dates(),
            self.dates_ok,
            self.dates,
            self.authors(),
            self.furniture(),
            self.furniture_removed,
            self.furniture,
            self.body(),
            self.body_kept,
            self.body,
            self.speaker_p(),
            self.speaker_r(),
            self.sp_tp,
            self.sp_fp,
            self.sp_fn,
            self.roles(),
            self.orgs(),
            self.judged,
            self.attribution(),
            self.attr_ok,
            self.attr,
            self.theme_p(),
            self.theme_r(),
            self.th_tp,
            self.th_fp,
            self.th_fn,
        )
    }
}

/// Scores one page into `sc`.
pub fn score_page(page: &Page, doc: &Document, sc: &mut Score) {
    sc.pages += 1;
    score_cleaning(page, doc, sc);
    score_speakers(page, doc, sc);
    score_themes(page, doc, sc);
}

fn miss(sc: &mut Score, page: &Page, what: String) {
    sc.misses.push(format!("{}: {what}", page.name));
}

fn score_cleaning(page: &Page, doc: &Document, sc: &mut Score) {
    let g = &page.gold;
    let m = &doc.metadata;
    sc.titles += 1;
    let got_title = m.title.as_deref().map(norm);
    if got_title == g.title.as_deref().map(norm) {
        sc.titles_ok += 1;
    } else {
        miss(sc, page, format!("title {:?}, got {:?}", g.title, m.title));
    }
    for (want, got, what) in [
        (&g.published, &m.published, "published"),
        (&g.updated, &m.updated, "updated"),
    ] {
        sc.dates += 1;
        if want == got {
            sc.dates_ok += 1;
        } else {
            miss(sc, page, format!("{what} {want:?}, got {got:?}"));
        }
    }
    if set(&g.authors, lower) == set(&m.authors, lower) {
        sc.authors_ok += 1;
    } else {
        miss(
            sc,
            page,
            format!("authors {:?}, got {:?}", g.authors, m.authors),
        );
    }
    score_furniture(page, doc, sc);
    let text = norm(&doc.text);
    for p in &g.paragraphs {
        sc.body += 1;
        if text.contains(&norm(&p.start)) {
            sc.body_kept += 1;
        } else {
            miss(sc, page, format!("lost paragraph {:?}", p.start));
        }
    }
}

/// A furniture line counts as removed when the cleaned text holds fewer
/// copies of it than the page has beyond the copies listed as furniture.
/// Copies are counted the same way in the page and in the cleaned text:
/// whole lines for a short line, occurrences anywhere for a line of 12
/// characters or more (so a site name that is also part of the headline,
/// or a caption naming a person the body names too, is not counted as
/// kept furniture when its own line is gone).
fn score_furniture(page: &Page, doc: &Document, sc: &mut Score) {
    let src_lines: Vec<String> = page.text.lines().map(norm).collect();
    let out_lines: Vec<String> = doc.text.lines().map(norm).collect();
    let src_text = norm(&page.text);
    let out_text = norm(&doc.text);
    let mut listed: Vec<String> = page.gold.furniture.iter().map(|f| norm(f)).collect();
    listed.sort();
    listed.dedup();
    for f in listed {
        if f.is_empty() {
            continue;
        }
        let n_listed = page.gold.furniture.iter().filter(|x| norm(x) == f).count();
        let (n_src, n_out) = if f.chars().count() >= 12 {
            (
                src_text.matches(f.as_str()).count(),
                out_text.matches(f.as_str()).count(),
            )
        } else {
            (
                src_lines.iter().filter(|l| **l == f).count(),
                out_lines.iter().filter(|l| **l == f).count(),
            )
        };
        let n_src = n_src.max(n_listed);
        let allowed = n_src - n_listed;
        let left = n_out.saturating_sub(allowed).min(n_listed);
        sc.furniture += n_listed;
        sc.furniture_removed += n_listed - left;
        if left > 0 {
            miss(sc, page, format!("furniture kept {f:?}"));
        }
    }
}

fn name_key(s: &str) -> String {
    norm(s).to_lowercase()
}

fn score_speakers(page: &Page, doc: &Document, sc: &mut Score) {
    let g = &page.gold;
    for gs in &g.speakers {
        let Some(s) = doc
            .speakers
            .iter()
            .find(|s| name_key(&s.name) == name_key(&gs.name))
        else {
            sc.sp_fn += 1;
            miss(sc, page, format!("missed speaker {}", gs.name));
            continue;
        };
        sc.sp_tp += 1;
        if gs.ambiguous {
            continue;
        }
        sc.judged += 1;
        if set(&gs.roles, lower) == set(&s.roles, lower) {
            sc.roles_ok += 1;
        } else {
            miss(
                sc,
                page,
                format!("roles of {}: {:?}, got {:?}", gs.name, gs.roles, s.roles),
            );
        }
        if set(&gs.organisations, party) == set(&s.organisations, party) {
            sc.orgs_ok += 1;
        } else {
            miss(
                sc,
                page,
                format!(
                    "organisations of {}: {:?}, got {:?}",
                    gs.name, gs.organisations, s.organisations
                ),
            );
        }
    }
    for s in &doc.speakers {
        if !g
            .speakers
            .iter()
            .any(|gs| name_key(&gs.name) == name_key(&s.name))
        {
            sc.sp_fp += 1;
            miss(sc, page, format!("spurious speaker {}", s.name));
        }
    }
    score_attribution(page, doc, sc);
}

/// Each gold paragraph is found in svtext's paragraphs by its start, and
/// its speaker compared by name; a paragraph svtext lost counts as wrong.
fn score_attribution(page: &Page, doc: &Document, sc: &mut Score) {
    let chars: Vec<char> = doc.text.chars().collect();
    let paras: Vec<(String, Option<&str>)> = doc
        .paragraphs
        .iter()
        .map(|p| {
            let t: String = chars[p.start..p.end].iter().collect();
            let who = p.speaker.as_deref().and_then(|id| {
                doc.speakers
                    .iter()
                    .find(|s| s.id == id)
                    .map(|s| s.name.as_str())
            });
            (norm(&t), who)
        })
        .collect();
    for gp in &page.gold.paragraphs {
        if gp.kind == "heading" {
            continue;
        }
        sc.attr += 1;
        let start = norm(&gp.start);
        let found = paras
            .iter()
            .find(|(t, _)| t.starts_with(&start))
            .or_else(|| paras.iter().find(|(t, _)| t.contains(&start)));
        let got = found.and_then(|(_, who)| *who);
        let ok = found.is_some() && got.map(name_key) == gp.speaker.as_deref().map(name_key);
        if ok {
            sc.attr_ok += 1;
        } else {
            miss(
                sc,
                page,
                format!(
                    "paragraph {:.40?}: speaker {:?}, got {:?}{}",
                    gp.start,
                    gp.speaker,
                    got,
                    if found.is_none() {
                        " (paragraph not found)"
                    } else {
                        ""
                    }
                ),
            );
        }
    }
}

fn score_themes(page: &Page, doc: &Document, sc: &mut Score) {
    for t in ["kompetensförsörjning", "ansvar", "tillit"] {
        let want = page.gold.themes.iter().any(|x| x == t);
        let got = doc.themes.iter().any(|x| x.id == t);
        match (want, got) {
            (true, true) => sc.th_tp += 1,
            (false, true) => {
                sc.th_fp += 1;
                miss(sc, page, format!("theme {t} found, not in gold"));
            }
            (true, false) => {
                sc.th_fn += 1;
                miss(sc, page, format!("theme {t} missed"));
            }
            (false, false) => {}
        }
    }
}

/// Scores a whole split (only the pages whose name starts with
/// `SVTEXT_PAGES_PREFIX` when that is set, e.g. `r2` for the second round
/// of pages; on the held-back split this gives a round's figures, never its
/// misses).
pub fn score_split(split: &str) -> Score {
    let codebook = Codebook::builtin();
    let mut sc = Score::default();
    let prefix = std::env::var("SVTEXT_PAGES_PREFIX").ok();
    for page in pages(split) {
        if prefix
            .as_ref()
            .is_some_and(|p| !page.name.starts_with(p.as_str()))
        {
            continue;
        }
        let doc = analyse(&page, &codebook);
        score_page(&page, &doc, &mut sc);
    }
    sc
}

/// Scores the pages of a split that share their site (the host of their
/// URL) with at least two others, twice: each page alone, and each page
/// cleaned with the evidence of its site's pages (`svtext::Batch`, what a
/// run does for a folder of one site's pages). Returns (alone, batch).
pub fn score_sites(split: &str) -> (Score, Score) {
    let codebook = Codebook::builtin();
    let mut sites: std::collections::BTreeMap<String, Vec<Page>> = Default::default();
    for page in pages(split) {
        let host = page.gold.url.split('/').nth(2).unwrap_or("").to_string();
        sites.entry(host).or_default().push(page);
    }
    let (mut alone, mut batch) = (Score::default(), Score::default());
    for (host, pages) in sites.into_iter().filter(|(_, p)| p.len() >= 3) {
        let raws: Vec<RawDoc> = pages
            .iter()
            .map(|p| RawDoc::in_memory(&format!("{host}/{}", p.name), p.text.clone(), Format::Text))
            .collect();
        let evidence = svtext::Batch::from_docs(&raws);
        for (page, raw) in pages.iter().zip(&raws) {
            score_page(page, &analyse(page, &codebook), &mut alone);
            let options = svtext::AnalyzeOptions::default();
            let doc =
                svtext::analyze_in_batch(raw, &codebook, &options, &evidence.recurring_in(raw))
                    .expect("the page is analysed");
            score_page(page, &doc, &mut batch);
        }
    }
    (alone, batch)
}

/// Whether the real data folder is there (it is committed, so it is).
pub fn have(split: &str) -> bool {
    Path::new(&super::root().join("tests/data/real/pages").join(split)).is_dir()
}
