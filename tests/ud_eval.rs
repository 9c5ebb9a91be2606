//! Token and sentence F1 of `language::analyze` against the gold tokens and
//! sentences of UD Swedish-Talbanken (test) and UD Swedish-PUD (test).
//!
//! The raw text is rebuilt from the `# text =` lines: documents start at
//! `# newdoc`, paragraphs at `# newpar` (and at each new document) and are
//! joined by a blank line, sentences of one paragraph are joined by one
//! space. Gold token spans come from the word lines (a multiword token
//! counts as its surface form), gold sentence spans from the `# text` lines.
//! Set `SVTEXT_EVAL_SHOW=1` to print the differences.

mod common;

use std::collections::HashSet;
use std::path::Path;

use svtext::language;
use svtext::span::Span;

/// A treebank rebuilt as one text.
struct Gold {
    text: String,
    paragraphs: Vec<Span>,
    sentences: Vec<Span>,
    tokens: Vec<Span>,
}

fn load(path: &Path) -> Gold {
    let raw = std::fs::read_to_string(path).expect("readable conllu");
    let mut g = Gold {
        text: String::new(),
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        tokens: Vec::new(),
    };
    let mut par_start: Option<usize> = None;
    let mut new_par = true;
    // surface forms of the current sentence, in order
    let mut forms: Vec<String> = Vec::new();
    let mut sent_text = String::new();
    let mut skip_until = 0usize;
    let flush = |g: &mut Gold,
                 sent_text: &mut String,
                 forms: &mut Vec<String>,
                 new_par: &mut bool,
                 par_start: &mut Option<usize>| {
        if sent_text.is_empty() {
            return;
        }
        if *new_par {
            if let Some(ps) = par_start.take() {
                g.paragraphs.push(Span::new(ps, g.text.len()));
                g.text.push_str("\n\n");
            }
            *par_start = Some(g.text.len());
            *new_par = false;
        } else {
            g.text.push(' ');
        }
        let base = g.text.len();
        g.text.push_str(sent_text);
        g.sentences.push(Span::new(base, g.text.len()));
        // align forms
        let mut cur = 0usize;
        for f in forms.iter() {
            while cur < sent_text.len() && sent_text[cur..].starts_with(char::is_whitespace) {
                cur += sent_text[cur..].chars().next().map_or(1, char::len_utf8);
            }
            if sent_text[cur..].starts_with(f.as_str()) {
                g.tokens.push(Span::new(base + cur, base + cur + f.len()));
                cur += f.len();
            } else if let Some(off) = sent_text[cur..].find(f.as_str()) {
                eprintln!(
                    "gold alignment skipped {:?} in {:?}",
                    &sent_text[cur..cur + off],
                    sent_text
                );
                g.tokens
                    .push(Span::new(base + cur + off, base + cur + off + f.len()));
                cur += off + f.len();
            } else {
                eprintln!("gold form {f:?} not found in {sent_text:?}");
            }
        }
        sent_text.clear();
        forms.clear();
    };
    for line in raw.lines() {
        let new_text = line.strip_prefix("# text = ");
        let boundary = line.starts_with("# newdoc") || line.starts_with("# newpar");
        if boundary || new_text.is_some() {
            flush(
                &mut g,
                &mut sent_text,
                &mut forms,
                &mut new_par,
                &mut par_start,
            );
        }
        if boundary {
            new_par = true;
        } else if let Some(t) = new_text {
            sent_text = t.trim().to_string();
        } else if line.starts_with('#') || line.is_empty() {
            continue;
        } else {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 2 {
                continue;
            }
            let id = cols[0];
            if id.contains('.') {
                continue; // empty node
            }
            if let Some((a, b)) = id.split_once('-') {
                let (a, b): (usize, usize) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
                let _ = a;
                skip_until = b;
                forms.push(cols[1].to_string());
                continue;
            }
            let n: usize = id.parse().unwrap_or(0);
            if n <= skip_until {
                continue;
            }
            forms.push(cols[1].to_string());
        }
    }
    flush(
        &mut g,
        &mut sent_text,
        &mut forms,
        &mut new_par,
        &mut par_start,
    );
    if let Some(ps) = par_start {
        g.paragraphs.push(Span::new(ps, g.text.len()));
    }
    g
}

fn f1(gold: &[Span], pred: &[Span]) -> (f64, Vec<Span>, Vec<Span>) {
    let gs: HashSet<Span> = gold.iter().copied().collect();
    let ps: HashSet<Span> = pred.iter().copied().collect();
    let tp = ps.intersection(&gs).count() as f64;
    let p = tp / ps.len().max(1) as f64;
    let r = tp / gs.len().max(1) as f64;
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    let mut missed: Vec<Span> = gs.difference(&ps).copied().collect();
    let mut extra: Vec<Span> = ps.difference(&gs).copied().collect();
    missed.sort();
    extra.sort();
    (f, missed, extra)
}

fn context(text: &str, s: Span) -> String {
    let mut a = s.start.saturating_sub(30);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (s.end + 30).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!(
        "{:?}  in …{}…",
        s.slice(text),
        text[a..b].replace('\n', "⏎")
    )
}

fn evaluate(name: &str, rel: &str, min_tok: f64, min_sent: f64) {
    let path = common::shared_data(rel);
    let g = load(&path);
    let a = language::analyze(&g.text, &g.paragraphs, true);
    let pred_tok: Vec<Span> = a.tokens.iter().map(|t| t.span).collect();
    let (tf, tmiss, textra) = f1(&g.tokens, &pred_tok);
    let pred_sent: Vec<Span> = a.sentences.clone();
    let (sf, smiss, sextra) = f1(&g.sentences, &pred_sent);
    println!(
        "{name}: {} gold tokens, token F1 {:.4}%; {} gold sentences, sentence F1 {:.4}%",
        g.tokens.len(),
        tf * 100.0,
        g.sentences.len(),
        sf * 100.0
    );
    if std::env::var_os("SVTEXT_EVAL_SHOW").is_some() {
        for s in &tmiss {
            println!("  token missed {}", context(&g.text, *s));
        }
        for s in &textra {
            println!("  token extra  {}", context(&g.text, *s));
        }
        for s in &smiss {
            println!("  sent missed  {:?}", s.slice(&g.text));
        }
        for s in &sextra {
            println!("  sent extra   {:?}", s.slice(&g.text));
        }
    }
    assert!(tf >= min_tok, "{name}: token F1 {tf} below {min_tok}");
    assert!(sf >= min_sent, "{name}: sentence F1 {sf} below {min_sent}");
}

#[test]
#[ignore = "needs ../shared beside the checkout"]
fn talbanken_test_token_and_sentence_f1() {
    evaluate(
        "sv_talbanken-ud-test",
        "ud/sv_talbanken-ud-test.conllu",
        0.997,
        0.97,
    );
}

#[test]
#[ignore = "needs ../shared beside the checkout"]
fn pud_test_token_and_sentence_f1() {
    evaluate("sv_pud-ud-test", "ud/sv_pud-ud-test.conllu", 0.997, 0.97);
}

#[test]
#[ignore = "needs ../shared beside the checkout"]
fn talbanken_dev_token_and_sentence_f1() {
    evaluate(
        "sv_talbanken-ud-dev",
        "ud/sv_talbanken-ud-dev.conllu",
        0.997,
        0.97,
    );
}
