//! Appositions: the roles and organisations written around a name
//! ("NAME, ROLE i ORG", "NAME (S)", "ORGs ROLE NAME").

use super::context::{LocalOrgs, definite_org};
use super::names;
use super::{orgs, roles};
use crate::span::Span;

/// Roles and organisations after a name: "NAME, ROLE och ROLE i ORG",
/// "NAME (S)", "NAME i ORG", "NAME som är ROLE på ORG", "NAME är ROLE ...".
/// Returns them and where the apposition ends.
pub(super) type Apposition = (Vec<String>, Vec<(String, bool)>, usize);

pub(super) fn apposition(text: &str, ws: &[Span], name: Span) -> Apposition {
    let mut roles = Vec::new();
    let mut orgs_out = Vec::new();
    let w: Vec<&str> = ws.iter().map(|s| s.slice(text)).collect();
    let pre: Vec<&str> = (0..ws.len())
        .map(|i| {
            let from = if i == 0 { name.end } else { ws[i - 1].end };
            text.get(from..ws[i].start).unwrap_or("")
        })
        .collect();
    let gaps: Vec<&str> = pre.iter().skip(1).copied().collect();
    let mut end = name.end;
    let mut i = 0;
    if w.is_empty() {
        return (roles, orgs_out, end);
    }
    if pre[0] == " (" && pre.get(1).is_some_and(|g| g.starts_with(')')) {
        if let Some(party) = orgs::party(w[0]) {
            orgs_out.push((party.to_string(), true));
            end = ws[0].end + 1;
            i = 1;
        } else {
            return (roles, orgs_out, end);
        }
    }
    if i >= w.len() {
        return (roles, orgs_out, end);
    }
    let gap = pre[i].trim_start_matches(')');
    let preps = ["i", "på", "vid", "för", "hos", "inom", "från"];
    let org_at = |k: usize| -> Option<(String, bool, usize)> {
        let (o, strong, n) = orgs::parse(&w[k..], &gaps[k.min(gaps.len())..])?;
        Some((o, strong, k + n))
    };
    let role_list =
        |mut k: usize, roles: &mut Vec<String>, orgs_out: &mut Vec<(String, bool)>| -> usize {
            let mut end = 0;
            loop {
                // An age ("Anna Svensson, 45, it-chef").
                if k < w.len() && w[k].chars().all(|c| c.is_ascii_digit()) {
                    k += 1;
                    continue;
                }
                if w.get(k) == Some(&"i") && w.get(k + 1) == Some(&"dag") {
                    k += 2;
                } else if w
                    .get(k)
                    .is_some_and(|x| matches!(*x, "idag" | "numera" | "nu" | "sedan"))
                {
                    k += 1;
                }
                let start = k;
                let mut j = k;
                while j < w.len() && j < start + 4 {
                    // "hälso- och sjukvårdsdirektör"
                    if j > start && pre[j] == "- " && w[j] == "och" && j + 1 < w.len() {
                        j += 2;
                        continue;
                    }
                    if j > start && pre[j] != " " {
                        break;
                    }
                    if preps.contains(&w[j])
                        || w[j] == "och"
                        || w[j] == "samt"
                        || !roles::can_open_apposition(w[j])
                    {
                        break;
                    }
                    j += 1;
                }
                if j == start {
                    break;
                }
                let j = j.min(w.len());
                let phrase = text
                    .get(ws[start].start..ws[j - 1].end)
                    .unwrap_or("")
                    .to_string();
                let mut accepted = roles::phrase_is_role(&phrase);
                let mut next = j;
                let mut org = None;
                if j + 1 < w.len() && pre[j] == " " && preps.contains(&w[j]) && pre[j + 1] == " " {
                    if let Some((o, strong, n)) = org_at(j + 1) {
                        accepted = accepted || strong;
                        org = Some((o, strong || accepted));
                        next = n;
                    } else {
                        // A unit before the organisation: "på avdelningen för X i Y kommun".
                        let mut m = j + 1;
                        while m < w.len() && m < j + 5 && pre[m] == " " && !preps.contains(&w[m]) {
                            if !w[m].chars().next().is_some_and(char::is_lowercase) {
                                break;
                            }
                            m += 1;
                        }
                        if m + 1 < w.len()
                            && m > j + 1
                            && pre[m] == " "
                            && matches!(w[m], "i" | "på" | "vid" | "inom")
                            && let Some((o, strong, n)) = org_at(m + 1)
                            && strong
                        {
                            org = Some((o, true));
                            next = n;
                        }
                    }
                }
                if !accepted {
                    break;
                }
                roles.push(roles::normalise(&phrase));
                end = ws[next - 1].end;
                let had_org = org.is_some();
                if let Some(o) = org {
                    orgs_out.push(o);
                    // "på Jobtech vid Arbetsförmedlingen": the parent too.
                    if next + 1 < w.len()
                        && pre[next] == " "
                        && matches!(w[next], "vid" | "på" | "inom" | "i")
                        && pre[next + 1] == " "
                        && let Some((o2, strong2, n2)) = org_at(next + 1)
                        && (strong2 || w[next] != "i")
                    {
                        orgs_out.push((o2, true));
                        next = n2;
                        end = ws[next - 1].end;
                    }
                }
                if next + 1 < w.len()
                    && (w[next] == "och" || w[next] == "samt")
                    && pre[next] == " "
                    && !had_org
                    && roles::role_word(w[next + 1]).is_some()
                {
                    k = next + 1;
                    continue;
                }
                break;
            }
            end
        };
    if gap == ", " {
        let som = w[i] == "som" && w.get(i + 1).is_some_and(|x| *x == "är" || *x == "var");
        let e = role_list(if som { i + 2 } else { i }, &mut roles, &mut orgs_out);
        end = end.max(e);
    } else if gap == " " {
        if preps.contains(&w[i]) && i + 1 < w.len() && pre[i + 1] == " " {
            if let Some((o, strong, n)) = org_at(i + 1) {
                let weak_place = !strong && (w[i] == "i" || w[i] == "från");
                orgs_out.push((o, !weak_place && (strong || w[i] != "för")));
                end = ws[n - 1].end;
            }
        } else if (w[i] == "som" && w.get(i + 1).is_some_and(|x| *x == "är" || *x == "var"))
            || w[i] == "är"
        {
            let mut k = if w[i] == "som" { i + 2 } else { i + 1 };
            if w.get(k)
                .is_some_and(|x| matches!(*x, "ny" | "nyanställd" | "tillträdande"))
            {
                k += 1;
            }
            if k < w.len() && roles::role_word(w[k]).is_some() {
                let e = role_list(k, &mut roles, &mut orgs_out);
                end = end.max(e);
            }
        } else if let Some(k) = (i..w.len().min(i + 8))
            .take_while(|&k| {
                pre[k] == " " && w[k].chars().all(|c| c.is_lowercase() || c.is_ascii_digit())
            })
            .find(|&k| w[k] == "som")
            && k + 1 < w.len()
            && pre[k + 1] == " "
            && roles::role_word(w[k + 1]).is_some()
        {
            // "NAME tillträdde i januari som ROLE i ORG".
            role_list(k + 1, &mut roles, &mut orgs_out);
        }
    }
    (roles, orgs_out, end)
}

/// A role (and a genitive organisation) just before a name:
/// "kommundirektör NAME", "Statsrådet NAME", "Skatteverkets it-chef NAME".
/// `ws` are the last few words before the name.
pub(super) fn before_name(
    text: &str,
    ws: &[Span],
    name: Span,
    local: &LocalOrgs,
) -> (Vec<String>, Option<String>) {
    let Some(last) = ws.last() else {
        return (Vec::new(), None);
    };
    if text.get(last.end..name.start) != Some(" ") {
        return (Vec::new(), None);
    }
    let Some(mut role) = roles::role_word(last.slice(text)) else {
        return (Vec::new(), None);
    };
    let mut k = ws.len() - 1;
    let joined = |a: Span, b: Span| text.get(a.end..b.start) == Some(" ");
    if role == "ordförande" && k >= 1 && joined(ws[k - 1], ws[k]) {
        let prev = ws[k - 1].slice(text);
        if prev.ends_with('s') && prev.chars().count() > 4 && !names::is_given(prev) {
            role = format!("{} ordförande", prev.to_lowercase());
            k -= 1;
            // "Barn- och utbildningsnämndens ordförande".
            if k >= 2
                && ws[k - 1].slice(text) == "och"
                && joined(ws[k - 1], ws[k])
                && text.get(ws[k - 2].end..ws[k - 1].start) == Some("- ")
            {
                role = format!("{}- och {role}", ws[k - 2].slice(text).to_lowercase());
                k -= 2;
            }
        }
    }
    let mut org = None;
    if k >= 1 && joined(ws[k - 1], ws[k]) {
        let mut cand: Vec<&str> = Vec::new();
        if k >= 2 && joined(ws[k - 2], ws[k - 1]) {
            cand.push(ws[k - 2].slice(text));
        }
        cand.push(ws[k - 1].slice(text));
        org = orgs::parse_genitive(&cand);
        if org.is_none() {
            org = definite_org(local, ws[k - 1].slice(text), name.start);
        }
    }
    (vec![role], org)
}
