//! Appositions: the roles and organisations written around a name.
//!
//! After the name ([`apposition`]): "NAME, ROLE och ROLE i ORG", "NAME,
//! ROLE, ORG" and "NAME, ROLE ORG" (no preposition), "NAME (S)", "NAME, C,",
//! "NAME (S) ROLE i ORG", "NAME i ORG", "NAME som är ROLE på ORG", "NAME,
//! ROLE i NÄMNDEN" (the body stays part of the role). Before the name
//! ([`before_name`]): "kommundirektör NAME", "Skatteverkets generaldirektör
//! NAME" (the genitive is the organisation), "kommunstyrelsens vice
//! ordförande NAME" (a genitive body stays part of the role),
//! "bildningsnämndens ordförande, NAME".

use super::context::{ContextOrgs, municipality_of};
use super::names;
use super::{orgs, roles};
use crate::span::Span;

/// Roles and organisations (with whether each is clearly one), and where
/// the apposition ends.
pub(super) type Apposition = (Vec<String>, Vec<(String, bool)>, usize);

/// Prepositions that lead from a role to its organisation.
const PREPS: &[&str] = &["i", "på", "vid", "för", "hos", "inom", "från"];

/// Words before a title that belong to it ("vice ordförande", "tf
/// kommunchef", "biträdande förbundsdirektör").
pub(super) const MODIFIERS: &[&str] = &[
    "vice",
    "förste",
    "andre",
    "1:e",
    "2:e",
    "tf",
    "tillförordnad",
    "biträdande",
    "ställföreträdande",
    "operativ",
    "regional",
];

/// Whether `w` (lower-cased) names a body of an organisation that a title
/// is held in ("ordförande i samhällsbyggnadsnämnden", "kommunstyrelsens
/// ordförande"): a board, committee, council or office, written in lower
/// case ("Kommunstyrelsens" and "Regionstyrelsen" too).
pub(super) fn is_body(w: &str) -> bool {
    const ENDS: &[&str] = &[
        "nämnden",
        "nämndens",
        "styrelsen",
        "styrelsens",
        "fullmäktige",
        "fullmäktiges",
        "utskottet",
        "utskottets",
        "kansliet",
        "kansliets",
        "kommittén",
        "kommitténs",
        "presidiet",
        "presidiets",
        "beredningen",
        "beredningens",
    ];
    let lw = w.to_lowercase();
    // A capitalised word is an agency ("Socialstyrelsen"), unless it is a
    // municipal or regional board at the start of a sentence or a title.
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    let local = ["kommun", "region", "stads", "lands", "läns"]
        .iter()
        .any(|p| lw.starts_with(p));
    ENDS.iter().any(|e| lw.ends_with(e)) && (!capital || local)
}

/// Whether `w` (lower-cased) names a unit of an organisation that a chief
/// heads ("chef för förvarsavdelningen", "chef för verksamhetsområdet
/// Geodata", "chef för nationella samordningsavdelningen"): the
/// organisation is the one the article is about.
pub(super) fn is_unit(w: &str) -> bool {
    const ENDS: &[&str] = &[
        "avdelningen",
        "enheten",
        "sektionen",
        "staben",
        "byrån",
        "divisionen",
        "verksamhetsområdet",
        "avdelning",
        "enhet",
    ];
    w.chars().next().is_some_and(char::is_lowercase) && ENDS.iter().any(|e| w.ends_with(e))
}

/// The words after a name and the text before each.
struct After<'t> {
    text: &'t str,
    ws: &'t [Span],
    w: Vec<&'t str>,
    /// `pre[i]`: the text between word i-1 (or the name) and word i.
    pre: Vec<&'t str>,
}

impl<'t> After<'t> {
    fn new(text: &'t str, ws: &'t [Span], name: Span) -> Self {
        let w = ws.iter().map(|s| s.slice(text)).collect();
        let pre = (0..ws.len())
            .map(|i| {
                let from = if i == 0 { name.end } else { ws[i - 1].end };
                text.get(from..ws[i].start).unwrap_or("")
            })
            .collect();
        After { text, ws, w, pre }
    }

    fn len(&self) -> usize {
        self.w.len()
    }

    fn is(&self, k: usize, word: &str) -> bool {
        self.w.get(k) == Some(&word)
    }

    fn spaced(&self, k: usize) -> bool {
        self.pre.get(k) == Some(&" ")
    }

    /// An organisation starting at word `k`: (name, clearly one, next word).
    fn org_at(&self, k: usize) -> Option<(String, bool, usize)> {
        let gaps: Vec<&str> = self.pre.get(k + 1..)?.to_vec();
        let (o, strong, n) = orgs::parse(self.w.get(k..)?, &gaps)?;
        Some((o, strong, k + n))
    }

    /// A party letter at word `k`: "(S)", ", C," / ", C." / ", (MP),".
    fn party_at(&self, k: usize) -> Option<&'static str> {
        let party = orgs::party(self.w.get(k)?)?;
        let before = *self.pre.get(k)?;
        let after = self.pre.get(k + 1).copied().unwrap_or_else(|| {
            let end = self.ws[k].end;
            self.text
                .get(end..(end + 1).min(self.text.len()))
                .unwrap_or("")
        });
        let upper = self.w[k].chars().all(char::is_uppercase);
        let parens = before.ends_with('(') && after.starts_with(')');
        let commas = before == ", " && (after.starts_with(',') || after.starts_with('.')) && upper;
        (parens || commas).then_some(party)
    }

    /// A role phrase opening at word `k`: up to four words, none a
    /// preposition or function word; "hälso- och sjukvårdsdirektör" whole.
    /// Returns where it ends.
    fn role_phrase(&self, k: usize) -> usize {
        let mut j = k;
        while j < self.len() && j < k + 4 {
            // "hälso- och sjukvårdsdirektör"
            if j > k && self.pre[j] == "- " && self.is(j, "och") && j + 1 < self.len() {
                j += 2;
                continue;
            }
            if j > k && self.pre[j] != " " {
                break;
            }
            let w = self.w[j];
            let capital_role = roles::role_word(w).is_some()
                && !names::is_given(w)
                && orgs::parse(&[w], &[]).is_none_or(|(_, strong, _)| !strong);
            if PREPS.contains(&w)
                || w == "och"
                || w == "samt"
                || !(roles::can_open_apposition(w) || (j == k && capital_role))
            {
                break;
            }
            j += 1;
        }
        j
    }

    /// The body a title is held in, after it: "i samhällsbyggnadsnämnden",
    /// "för regionstyrelsen", "i barn- och utbildningsnämnden", "i
    /// Regionala utvecklingsnämnden", "för samordningskansliet". Returns
    /// where it ends.
    fn body_after(&self, j: usize) -> Option<usize> {
        if !(self.is(j, "i") || self.is(j, "för")) || !self.spaced(j + 1) {
            return None;
        }
        // an academic title's subject: "docent i statskunskap", "professor
        // i offentlig rätt"
        const ACADEMIC: &[&str] = &[
            "professor", "docent", "lektor", "universitetslektor", "forskare", "doktorand",
            "adjunkt", "biträdande",
        ];
        if self.is(j, "i") && j > 0 && ACADEMIC.contains(&self.w[j - 1]) {
            let field = |k: usize| {
                self.w.get(k).is_some_and(|w| {
                    w.chars().all(|c| c.is_lowercase() || c == '-')
                        && !PREPS.contains(w)
                        && !matches!(*w, "och" | "som" | "med" | "att" | "en" | "ett")
                })
            };
            if field(j + 1) {
                // two words when a preposition or the apposition's end follows
                let two = field(j + 2)
                    && self.spaced(j + 2)
                    && (j + 3 >= self.len() || PREPS.contains(&self.w[j + 3]) || !self.spaced(j + 3));
                return Some(if two { j + 3 } else { j + 2 });
            }
        }
        let mut k = j + 1;
        // "barn- och utbildningsnämnden"
        if self.pre.get(k + 1) == Some(&"- ") && self.is(k + 1, "och") && self.spaced(k + 2) {
            k += 2;
        } else if self
            .w
            .get(k)
            .is_some_and(|a| a.ends_with('a') || a.ends_with('e'))
            && self.spaced(k + 1)
            && self
                .w
                .get(k + 1)
                .is_some_and(|b| (is_body(b) || (self.is(j, "för") && is_unit(b))) && !b.ends_with('s'))
        {
            // an adjective: "regionala utvecklingsnämnden"
            k += 1;
        }
        let w = self.w.get(k)?;
        if is_body(w) && !w.ends_with('s') {
            return Some(k + 1);
        }
        // a unit a chief heads, and its name ("verksamhetsområdet Geodata")
        if self.is(j, "för") && j > 0 && self.w[j - 1].ends_with("chef") && is_unit(w) {
            let named = self.spaced(k + 1)
                && self.w.get(k + 1).is_some_and(|n| {
                    n.chars().next().is_some_and(char::is_uppercase)
                        && orgs::parse(&[n], &[]).is_none_or(|(_, strong, _)| !strong)
                        && !names::is_given(n)
                });
            return Some(if named && matches!(*w, "verksamhetsområdet" | "avdelningen" | "enheten") {
                k + 2
            } else {
                k + 1
            });
        }
        None
    }

    /// The roles from word `k` on, each with its organisation; returns
    /// where the last ends (0 when there is none).
    fn role_list(
        &self,
        mut k: usize,
        roles: &mut Vec<String>,
        out: &mut Vec<(String, bool)>,
    ) -> usize {
        let mut end = 0;
        loop {
            k = self.skip_fillers(k);
            // "NAME, som är ESV:s moderator": the genitive is the organisation.
            if let Some(o) = self.genitive_org_before_role(k) {
                out.push((o, true));
                k += 1;
            }
            let start = k;
            let j = self.role_phrase(k).min(self.len());
            if j == start {
                break;
            }
            let mut phrase_end = j;
            if let Some(b) = self.body_after(j) {
                phrase_end = b;
            }
            let phrase = self
                .text
                .get(self.ws[start].start..self.ws[phrase_end - 1].end)
                .unwrap_or("")
                .to_string();
            let (org, next, strong) = self.org_of_role(phrase_end, &phrase);
            if !(roles::phrase_is_role(&phrase) || strong) {
                break;
            }
            let role = roles::normalise(&phrase);
            let had_org = org.is_some();
            if let Some(o) = org {
                out.push((localise(&role, o.0), o.1));
            }
            roles.push(role);
            end = self.ws[next - 1].end;
            let mut next = next;
            if had_org && let Some((o2, n2)) = self.parent_org(next) {
                out.push((o2, true));
                next = n2;
                end = self.ws[next - 1].end;
            }
            if next + 1 < self.len()
                && (self.is(next, "och") || self.is(next, "samt"))
                && self.spaced(next)
                && !had_org
                && roles::role_word(self.w[next + 1]).is_some()
                // (not "… och områdeschef Elisabeth Karlsson blir …": the
                // title of the next person named)
                && !self
                    .w
                    .get(next + 2)
                    .is_some_and(|x| self.spaced(next + 2) && names::is_given(x))
            {
                k = next + 1;
                continue;
            }
            break;
        }
        end
    }

    /// An organisation's genitive at word `k` right before a title
    /// ("ESV:s moderator", "Skatteverkets generaldirektör").
    fn genitive_org_before_role(&self, k: usize) -> Option<String> {
        let (w, next) = (self.w.get(k)?, self.w.get(k + 1)?);
        if !self.spaced(k + 1) || roles::role_word(next).is_none() || is_body(w) {
            return None;
        }
        orgs::parse_genitive(&[w])
    }

    /// Skips an age ("Anna Svensson, 45, it-chef") and "i dag", "numera".
    fn skip_fillers(&self, mut k: usize) -> usize {
        // "sedan 2019", "i dag", "numera": until no filler is left.
        loop {
            let from = k;
            while k < self.len() && self.w[k].chars().all(|c| c.is_ascii_digit()) {
                k += 1;
            }
            if self.is(k, "i") && self.is(k + 1, "dag") {
                k += 2;
            } else if self.w.get(k).is_some_and(|x| {
                matches!(
                    *x,
                    "idag"
                        | "numera"
                        | "nu"
                        | "sedan"
                        | "ny"
                        | "nya"
                        | "nyanställd"
                        | "nyutnämnd"
                        | "nytillträdd"
                        | "tillträdande"
                )
            }) {
                k += 1;
            }
            if k == from {
                return k;
            }
        }
    }

    /// The organisation of a role ending before word `j`: after a
    /// preposition ("på Borås stad"), after a unit ("på avdelningen för X
    /// i Y kommun"), or without a preposition when it is clearly one ("it-
    /// chef, Borås stad", "näringslivschef Storumans kommun"). Returns it,
    /// the next word, and whether it is clearly an organisation.
    fn org_of_role(&self, j: usize, phrase: &str) -> (Option<(String, bool)>, usize, bool) {
        let role_ok = roles::phrase_is_role(phrase);
        if j + 1 < self.len() && self.spaced(j) && PREPS.contains(&self.w[j]) && self.spaced(j + 1)
        {
            if let Some((o, strong, n)) = self.org_at(j + 1) {
                return (Some((o, strong || role_ok)), n, strong);
            }
            if let Some((o, n)) = self.org_after_unit(j) {
                return (Some((o, true)), n, true);
            }
            return (None, j, false);
        }
        if role_ok
            && j < self.len()
            && (self.spaced(j) || self.pre[j] == ", ")
            && let Some((o, true, n)) = self.org_at(j)
        {
            return (Some((o, true)), n, true);
        }
        (None, j, false)
    }

    /// "på avdelningen för X i Y kommun": the organisation after a unit.
    fn org_after_unit(&self, j: usize) -> Option<(String, usize)> {
        let mut m = j + 1;
        while m < self.len() && m < j + 5 && self.spaced(m) && !PREPS.contains(&self.w[m]) {
            if !self.w[m].chars().next().is_some_and(char::is_lowercase) {
                break;
            }
            m += 1;
        }
        if m + 1 < self.len()
            && m > j + 1
            && self.spaced(m)
            && matches!(self.w[m], "i" | "på" | "vid" | "inom")
            && let Some((o, true, n)) = self.org_at(m + 1)
        {
            return Some((o, n));
        }
        None
    }

    /// "på Jobtech vid Arbetsförmedlingen": the parent organisation too.
    fn parent_org(&self, next: usize) -> Option<(String, usize)> {
        if next + 1 < self.len()
            && self.spaced(next)
            && matches!(self.w[next], "vid" | "på" | "inom" | "i")
            && self.spaced(next + 1)
            && let Some((o, strong, n)) = self.org_at(next + 1)
            && (strong || self.w[next] != "i")
        {
            return Some((o, n));
        }
        None
    }
}

/// Whether `w` is a title in the definite form ("musikläraren",
/// "rektorn"): after a name and a comma it names another person of a list,
/// since an apposition gives the title in the indefinite form.
fn is_definite_role(w: &str) -> bool {
    let lw = w.to_lowercase();
    w.chars().next().is_some_and(char::is_lowercase)
        && roles::role_word(w).is_some_and(|base| base != lw && lw.ends_with('n'))
}

/// A place given as a municipal title's employer is the municipality:
/// "kommunchef i Sandviken" → "Sandvikens kommun", "stadsbyggnadsdirektör
/// i Västerås" → "Västerås stad".
fn localise(role: &str, org: String) -> String {
    // "kommunchef", "kommunalråd", "stadsdirektör", "stadsbyggnadsdirektör"
    let municipal = role.starts_with("kommun")
        || role.starts_with("stads")
        || role.contains("kommunstyrelse");
    let single = !org.contains(' ') && names::is_capitalised(&org);
    if municipal && single {
        municipality_of(&org)
    } else if role == "landshövding" && single {
        // "landshövding i Västernorrland": the county's länsstyrelse.
        format!("Länsstyrelsen {org}")
    } else {
        org
    }
}

/// Roles and organisations after a name. Returns them and where the
/// apposition ends.
/// The title a person is appointed to right after their name: a verb of
/// appointing ("utses", "utsågs", "har utsetts", "valdes", "anställs",
/// "utnämns", "förordnas"), a few lowercase words ("på måndagen", "av
/// regeringen"), "till", perhaps "ny", and a role word. Returns where the
/// role starts.
fn appointed_to(a: &After<'_>, i: usize) -> Option<usize> {
    const APPOINTED: &[&str] = &[
        "utses", "utsågs", "utsetts", "valdes", "väljs", "valts", "anställs", "anställdes",
        "anställts", "utnämns", "utnämndes", "utnämnts", "förordnas", "förordnades",
        "förordnats",
    ];
    let w = &a.w;
    let verb = if w[i] == "har" || w[i] == "hade" { i + 1 } else { i };
    if !w.get(verb).is_some_and(|x| APPOINTED.contains(x)) {
        return None;
    }
    let till = (verb + 1..a.len().min(verb + 6))
        .take_while(|&k| a.spaced(k) && w[k].chars().all(|c| c.is_lowercase() || c.is_ascii_digit()))
        .find(|&k| w[k] == "till")?;
    let mut k = a.skip_fillers(till + 1);
    if a.is(k, "ny") || a.is(k, "nya") {
        k += 1;
    }
    (k < a.len() && a.spaced(k) && role_at(a, k)).then_some(k)
}

/// The post a person takes right after their name, said with "som": "går
/// in som", "tar över som", "tillträder som", "börjar som", "fortsätter
/// som", "kliver in som", and a role. Returns where the role starts.
fn takes_post_as(a: &After<'_>, i: usize) -> Option<usize> {
    const TAKES: &[(&str, Option<&str>)] = &[
        ("går", Some("in")),
        ("gick", Some("in")),
        ("kliver", Some("in")),
        ("klev", Some("in")),
        ("träder", Some("in")),
        ("trädde", Some("in")),
        ("tar", Some("över")),
        ("tog", Some("över")),
        ("tillträder", None),
        ("tillträdde", None),
        ("börjar", None),
        ("började", None),
        ("fortsätter", None),
        ("fortsatte", None),
    ];
    let w = &a.w;
    let (_, particle) = TAKES.iter().find(|(v, _)| w[i] == *v)?;
    let mut k = i + 1;
    if let Some(p) = particle {
        if !a.is(k, p) {
            return None;
        }
        k += 1;
    }
    if !a.is(k, "som") {
        return None;
    }
    k = a.skip_fillers(k + 1);
    if a.is(k, "ny") || a.is(k, "nya") {
        k += 1;
    }
    (k < a.len() && a.spaced(k) && role_at(a, k)).then_some(k)
}

/// Whether a role starts at word `k`: a title, or a modifier and a title
/// ("tillförordnad prorektor", "vice ordförande"), the title perhaps
/// joined to another with a hyphen ("hälso- och sjukvårdsdirektör").
fn role_at(a: &After<'_>, k: usize) -> bool {
    let w = &a.w;
    let title = |j: usize| {
        w.get(j).is_some_and(|x| roles::role_word(x).is_some())
            || (a.pre.get(j + 1).is_some_and(|p| *p == "- ")
                && a.is(j + 1, "och")
                && w.get(j + 2).is_some_and(|x| roles::role_word(x).is_some()))
    };
    title(k) || (w.get(k).is_some_and(|x| MODIFIERS.contains(x)) && a.spaced(k + 1) && title(k + 1))
}

pub(super) fn apposition(text: &str, ws: &[Span], name: Span) -> Apposition {
    let a = After::new(text, ws, name);
    let mut roles = Vec::new();
    let mut orgs_out = Vec::new();
    let mut end = name.end;
    let mut i = 0;
    if a.len() == 0 {
        return (roles, orgs_out, end);
    }
    if let Some(party) = a.party_at(0) {
        orgs_out.push((party.to_string(), true));
        end = ws[0].end + usize::from(a.pre[0].ends_with('('));
        i = 1;
    } else if a.pre[0].ends_with('(') {
        return (roles, orgs_out, end);
    }
    if i >= a.len() {
        return (roles, orgs_out, end);
    }
    let gap = a.pre[i].trim_start_matches([')', ',']);
    let gap = if a.pre[i].starts_with([')', ',']) && gap.is_empty() {
        " "
    } else {
        gap
    };
    let comma = a.pre[i] == ", " || (i > 0 && a.pre[i] == "), ");
    if comma && is_definite_role(a.w[i]) {
        // "Anna Ek, Per Holm, musikläraren och ...": a list of people.
        return (roles, orgs_out, end);
    }
    if comma {
        let som = a.is(i, "som") && (a.is(i + 1, "är") || a.is(i + 1, "var"));
        let ar = a.is(i, "är") || a.is(i, "var");
        let k = if som {
            i + 2
        } else if ar {
            i + 1
        } else if let Some(k) = role_after_clause(&a, i) {
            k
        } else {
            i
        };
        let e = a.role_list(k, &mut roles, &mut orgs_out);
        end = end.max(e);
    } else if gap == " " {
        end = end.max(after_space(&a, i, &mut roles, &mut orgs_out));
    }
    (roles, orgs_out, end)
}

/// Where the role starts in a longer comma apposition: "NAME, som från
/// årsskiftet är ny ordförande i …" (a few lowercase words between "som"
/// and "är"), "NAME, 45 år och ny vice ordförande i …" (an age first).
fn role_after_clause(a: &After<'_>, i: usize) -> Option<usize> {
    let w = &a.w;
    let lower = |k: usize| {
        k < a.len() && a.spaced(k) && w[k].chars().all(|c| c.is_lowercase() || c.is_ascii_digit())
    };
    let k = if a.is(i, "som") {
        let v = (i + 1..i + 5)
            .take_while(|&k| lower(k))
            .find(|&k| matches!(w[k], "är" | "var" | "blir" | "blev"))?;
        v + 1
    } else if w[i].chars().all(|c| c.is_ascii_digit()) && a.is(i + 1, "år") && a.is(i + 2, "och") {
        i + 3
    } else {
        return None;
    };
    let k = if a.is(k, "ny") || a.is(k, "nya") { k + 1 } else { k };
    // "vice ordförande": the role list reads the modifier itself
    (k < a.len() && (roles::role_word(w[k]).is_some() || a.is(k, "vice"))).then_some(k)
}

/// The apposition after "NAME " (or "NAME (S) "): "i ORG", "som är ROLE",
/// "är ROLE", a role right after a party letter, "tillträdde i januari som
/// ROLE".
fn after_space(
    a: &After,
    i: usize,
    roles: &mut Vec<String>,
    orgs_out: &mut Vec<(String, bool)>,
) -> usize {
    let w = &a.w;
    if PREPS.contains(&w[i]) && i + 1 < a.len() && a.spaced(i + 1) {
        if let Some((o, strong, n)) = a.org_at(i + 1) {
            let weak_place = !strong && (w[i] == "i" || w[i] == "från");
            orgs_out.push((o, !weak_place && (strong || w[i] != "för")));
            return a.ws[n - 1].end;
        }
        return 0;
    }
    // "NAME heter digitaliseringsstrategen på ORG", "NAME blir ny ROLE"
    // name the post like "är".
    if (w[i] == "som" && (a.is(i + 1, "är") || a.is(i + 1, "var")))
        || w[i] == "är"
        || w[i] == "heter"
        || w[i] == "blir"
    {
        let mut k = a.skip_fillers(if w[i] == "som" { i + 2 } else { i + 1 });
        if w.get(k)
            .is_some_and(|x| matches!(*x, "ny" | "nyanställd" | "tillträdande"))
        {
            k += 1;
        }
        if k < a.len() && roles::role_word(w[k]).is_some() {
            return a.role_list(k, roles, orgs_out);
        }
        return 0;
    }
    if let Some(k) = appointed_to(a, i).or_else(|| takes_post_as(a, i)) {
        // "NAME utsågs på måndagen till regiondirektör för Region X",
        // "NAME har utsetts till ny generaldirektör för ORG", "NAME går
        // in som tillförordnad hälso- och sjukvårdsdirektör"
        return a.role_list(k, roles, orgs_out);
    }
    let board_role = is_body(w[i])
        && w[i].ends_with('s')
        && a.spaced(i + 1)
        && w.get(i + 1).is_some_and(|x| roles::role_word(x).is_some());
    if i > 0 && (roles::role_word(w[i]).is_some() || board_role) {
        // "NAME (S) ordförande i ...", "NAME (S) kommunstyrelsens ordförande"
        return a.role_list(i, roles, orgs_out);
    }
    if let Some(k) = (i..a.len().min(i + 8))
        .take_while(|&k| {
            a.spaced(k) && w[k].chars().all(|c| c.is_lowercase() || c.is_ascii_digit())
        })
        .find(|&k| w[k] == "som")
        && k + 1 < a.len()
        && a.spaced(k + 1)
        && role_at(a, k + 1)
    {
        // "NAME tillträdde i januari som ROLE i ORG", "NAME föreslås som
        // tillförordnad prorektor".
        a.role_list(k + 1, roles, orgs_out);
    }
    0
}

/// A role (and a genitive organisation) just before a name:
/// "kommundirektör NAME", "Statsrådet NAME", "Skatteverkets it-chef NAME",
/// "Vårdförbundets ordförande NAME" (role "ordförande", organisation
/// "Vårdförbundet"), "kommunstyrelsens vice ordförande NAME" (the body
/// stays in the role), "kommunens it-chef NAME" (the organisation the
/// article is about, see [`ContextOrgs`]). `ws` are the last few words
/// before the name.
pub(super) fn before_name(
    text: &str,
    ws: &[Span],
    name: Span,
    context: &ContextOrgs,
) -> (Vec<String>, Option<String>) {
    let Some(last) = ws.last() else {
        return (Vec::new(), None);
    };
    let sep = text.get(last.end..name.start);
    if !matches!(sep, Some(" " | ", ")) {
        return (Vec::new(), None);
    }
    // "A, socialchef, B": the title after a comma is A's apposition.
    if sep == Some(", ") && text.get(..last.start).is_some_and(|b| b.ends_with(", ")) {
        return (Vec::new(), None);
    }
    let Some(role) = roles::role_word(last.slice(text)) else {
        if sep == Some(", ") {
            return role_at_place_before(text, ws, context);
        }
        return (Vec::new(), None);
    };
    let joined = |a: Span, b: Span| text.get(a.end..b.start) == Some(" ");
    let word = |k: usize| ws[k].slice(text);
    let mut k = ws.len() - 1;
    let mut role = role;
    // "vice ordförande", "förste vice ordförande", "tf kommunchef".
    while k >= 1
        && joined(ws[k - 1], ws[k])
        && MODIFIERS.contains(&word(k - 1).to_lowercase().as_str())
    {
        role = format!("{} {role}", word(k - 1).to_lowercase());
        k -= 1;
    }
    // A board's genitive opening a sentence is capitalised there
    // ("Socialnämndens ordförande NAME"): still a board, not an agency.
    let sentence_initial = |k: usize| {
        text.get(..ws[k].start)
            .map(|b| b.trim_end_matches([' ', '\t']))
            .is_some_and(|b| b.is_empty() || b.ends_with(['.', '!', '?', '\n', ':']))
    };
    let board = |k: usize| {
        let w = word(k);
        is_body(w) || (sentence_initial(k) && w.to_lowercase().ends_with("nämndens"))
    };
    if k >= 1 && joined(ws[k - 1], ws[k]) && board(k - 1) && word(k - 1).ends_with('s') {
        // "kommunstyrelsens ordförande": the body stays in the role.
        role = format!("{} {role}", word(k - 1).to_lowercase());
        k -= 1;
        // "Barn- och utbildningsnämndens ordförande".
        if k >= 2
            && word(k - 1) == "och"
            && joined(ws[k - 1], ws[k])
            && text.get(ws[k - 2].end..ws[k - 1].start) == Some("- ")
        {
            role = format!("{}- och {role}", word(k - 2).to_lowercase());
        }
        return (vec![role], None);
    }
    let mut org = None;
    if k >= 1 && joined(ws[k - 1], ws[k]) {
        let mut cand: Vec<&str> = Vec::new();
        if k >= 2 && joined(ws[k - 2], ws[k - 1]) {
            cand.push(word(k - 2));
        }
        cand.push(word(k - 1));
        // "Förskolans rektor": a common noun's genitive is the
        // organisation the article names of that kind, or none.
        let common = ["kommunens", "stadens", "regionens", "skolans", "förskolans"];
        org = if common.contains(&word(k - 1).to_lowercase().as_str()) {
            context.of_definite(word(k - 1))
        } else {
            orgs::parse_genitive(&cand)
        };
    }
    (vec![role], org)
}

/// "Kommunstyrelsens ordförande i Tierp, NAME": a title and its
/// organisation (after "i", "på" or "vid") before the name and a comma.
/// `ws` are the words before the comma.
fn role_at_place_before(
    text: &str,
    ws: &[Span],
    context: &ContextOrgs,
) -> (Vec<String>, Option<String>) {
    let none = (Vec::new(), None);
    let word = |k: usize| ws[k].slice(text);
    let Some(p) = (1..ws.len().saturating_sub(1))
        .rev()
        .find(|&k| matches!(word(k), "i" | "på" | "vid"))
    else {
        return none;
    };
    let place: Vec<&str> = (p + 1..ws.len()).map(word).collect();
    let gaps: Vec<&str> = (p + 1..ws.len())
        .map(|k| text.get(ws[k - 1].end..ws[k].start).unwrap_or(""))
        .skip(1)
        .collect();
    let Some((org, _, n)) = orgs::parse(&place, &gaps) else {
        return none;
    };
    // The organisation must reach the comma, and the title must not be
    // the apposition of someone before ("A, ordförande i X, B").
    let before_title = text.get(..ws[p - 1].start).unwrap_or("");
    if n != place.len() || before_title.ends_with(", ") {
        return none;
    }
    let (roles, genitive_org) = before_name(text, &ws[..p], ws[p], context);
    let Some(role) = roles.first() else {
        return none;
    };
    (
        roles.clone(),
        Some(genitive_org.unwrap_or_else(|| localise(role, org))),
    )
}

#[cfg(test)]
mod tests {
    use super::super::walk::find_in;

    fn one(t: &str) -> (Vec<String>, Vec<String>) {
        let sp = find_in(t, &[]);
        assert_eq!(sp.speakers.len(), 1, "{t}");
        (
            sp.speakers[0].roles.clone(),
            sp.speakers[0].organisations.clone(),
        )
    }

    #[test]
    fn a_chief_of_a_unit_is_held_at_the_agency_the_article_is_about() {
        let (roles, orgs) = one(
            "Migrationsverket minskar förvaren.\n\n– Vi anpassar verksamheten, säger Torbjörn Nyberg, chef för förvarsavdelningen.",
        );
        assert_eq!(roles, ["chef för förvarsavdelningen"]);
        assert_eq!(orgs, ["Migrationsverket"]);
        let (roles, _) = one(
            "Migrationsverket minskar förvaren.\n\n– Vi anpassar oss, säger Vera Kant, chef för nationella samordningsavdelningen.",
        );
        assert_eq!(roles, ["chef för nationella samordningsavdelningen"]);
        let (roles, _) = one(
            "Lantmäteriet får nytt uppdrag.\n\n– Det är efterlängtat, säger Anders Sandin, chef för verksamhetsområdet Geodata.",
        );
        assert_eq!(roles, ["chef för verksamhetsområdet Geodata"]);
    }

    #[test]
    fn a_place_before_a_building_is_no_organisation() {
        let (_, orgs) = one(
            "Rubrik\n\nRiksdagsledamöterna träffade landshövding Göran Ek på Uppsala slott.\n\n– Det var bra, säger Göran Ek.",
        );
        assert!(!orgs.contains(&"Uppsala".to_string()), "{orgs:?}");
    }

    #[test]
    fn a_post_taken_with_som() {
        let (roles, _) = one(
            "Rubrik\n\nRegiondirektör Tommy Ek går in som tillförordnad hälso- och sjukvårdsdirektör.\n\n– Jag är glad, säger Tommy Ek.",
        );
        assert!(roles.contains(&"tillförordnad hälso- och sjukvårdsdirektör".to_string()), "{roles:?}");
        let (roles, _) = one(
            "Rubrik\n\nKarin Ek tar över som ordförande i beredningen.\n\n– Jag är glad, säger Karin Ek.",
        );
        assert_eq!(roles, ["ordförande i beredningen"]);
        let t = "Rubrik\n\nTommy Ek går in som tf direktör och områdeschef Eva Lind blir biträdande direktör.\n\n– Jag är glad, säger Tommy Ek.";
        let sp = find_in(t, &[]);
        assert_eq!(sp.speakers[0].roles, ["tf direktör"]);
        let (roles, _) = one("Rubrik\n\nKarin Ek går in som första talare.\n\n– Jag är glad, säger Karin Ek.");
        assert!(roles.is_empty(), "{roles:?}");
    }

    #[test]
    fn a_college_named_with_its_place() {
        let (roles, orgs) = one(
            "Rubrik\n\nI dag tecknar Högskolans rektor Ylva Ek en överenskommelse.\n\n– Det är bra, säger Ylva Ek, rektor på Högskolan i Gävle.",
        );
        assert_eq!(roles, ["rektor"]);
        assert_eq!(orgs, ["Högskolan i Gävle"]);
    }

    #[test]
    fn an_agency_named_statens_and_a_lower_case_noun() {
        let (roles, orgs) = one(
            "Rubrik\n\n– Vi kan bistå, säger Ingrid Ek, generaldirektör för Statens fastighetsverk.",
        );
        assert_eq!(roles, ["generaldirektör"]);
        assert_eq!(orgs, ["Statens fastighetsverk"]);
    }

    #[test]
    fn a_board_s_title_right_after_the_party_letter() {
        let (roles, orgs) = one(
            "Västerås stad visar överskott.\n\n– Vi satsar på skolan, säger Anders Teljebäck (S) kommunstyrelsens ordförande.",
        );
        assert_eq!(roles, ["kommunstyrelsens ordförande"]);
        assert_eq!(orgs, ["Socialdemokraterna", "Västerås stad"]);
    }

    #[test]
    fn a_modifier_before_the_post_after_som() {
        let (roles, _) = one(
            "Rubrik\n\nHenrik Frisk föreslås som tillförordnad prorektor.\n\n– Jag är glad, säger Henrik Frisk.",
        );
        assert_eq!(roles, ["tillförordnad prorektor"]);
        let (roles, _) = one(
            "Rubrik\n\nAnna Ek utsågs i går till vice ordförande.\n\n– Jag är glad, säger Anna Ek.",
        );
        assert_eq!(roles, ["vice ordförande"]);
    }

    #[test]
    fn city_titles_are_held_at_the_city() {
        let (r, o) = one("Rubrik\n\n– Det går bra, säger Carl Ek, stadsbyggnadsdirektör i Västerås.");
        assert_eq!((r, o), (vec!["stadsbyggnadsdirektör".into()], vec!["Västerås stad".into()]));
        let (_, o) = one("Rubrik om Lindö kommun\n\nLindö kommun satsar.\n\n– Vi satsar, sa stadsdirektören Johan Ek.");
        assert_eq!(o, ["Lindö kommun"]);
        let (_, o) = one("Rubrik\n\n– Det är smickrande, säger Trollhättans Stads kvalitetschef Bijan Ek.");
        assert_eq!(o, ["Trollhättans Stad"]);
    }

    #[test]
    fn a_role_after_a_clause_or_an_age_in_the_apposition() {
        let (r, _) = one("Rubrik\n\nAnna Ek, som från årsskiftet är ny ordförande i kommunstyrelsen, inledde mötet.\n\n– Vi är ett lag, säger Anna Ek.");
        assert_eq!(r, ["ordförande i kommunstyrelsen"]);
        let (r, _) = one("Rubrik\n\nBo Lind, 45 år och ny vice ordförande i kommunstyrelsen, får en roll.\n\n– Vi är ett lag, säger Bo Lind.");
        assert_eq!(r, ["vice ordförande i kommunstyrelsen"]);
        let (r, _) = one("Rubrik\n\nBo Lind, som i går var på mötet, sa att det gick bra.\n\n– Vi är ett lag, säger Bo Lind.");
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn a_plural_role_before_two_names_is_both_names_role() {
        let t = "Rubrik\n\nUtöver kommunalråden Yvonne Ek och Niklas Berg ingår kommunchef Anna Lind och Bo Holm.\n\n– Vi är ett lag, säger Niklas Berg.\n\n– Vi börjar nu, säger Bo Holm.";
        let sp = find_in(t, &[]);
        let roles = |n: &str| {
            sp.speakers
                .iter()
                .find(|s| s.name == n)
                .map(|s| s.roles.clone())
                .unwrap_or_default()
        };
        assert_eq!(roles("Niklas Berg"), ["kommunalråd"]);
        // a singular role is the first name's only
        assert!(roles("Bo Holm").is_empty(), "{:?}", roles("Bo Holm"));
    }

    #[test]
    fn comma_apposition_without_a_preposition() {
        let (r, o) = one("Rubrik\n\n– Det tar tid, säger Karin Ek, it-chef, Borås stad.");
        assert_eq!((r, o), (vec!["it-chef".into()], vec!["Borås stad".into()]));
        let (r, o) = one(
            "Rubrik\n\n– Det tar tid, säger Karin Ek, it-chef på Borås stad, i ett pressmeddelande.",
        );
        assert_eq!((r, o), (vec!["it-chef".into()], vec!["Borås stad".into()]));
        let (r, o) = one("Rubrik\n\n– Det tar tid menar Ola Ek, näringslivschef Storumans kommun.");
        assert_eq!(
            (r, o),
            (
                vec!["näringslivschef".into()],
                vec!["Storumans kommun".into()]
            )
        );
    }

    #[test]
    fn the_post_someone_is_appointed_to() {
        let (roles, orgs) = one(
            "Rubrik\n\nAnna Ek utsågs på måndagen till regiondirektör för Region Kalmar län.\n\n– Det är en stor utmaning, säger Anna Ek.",
        );
        assert_eq!(roles, ["regiondirektör"]);
        assert_eq!(orgs, ["Region Kalmar län"]);
        let (roles, _) = one(
            "Rubrik\n\nAnna Ek har utsetts till ny generaldirektör för Skolverket.\n\n– Jag ser fram emot det, säger Anna Ek.",
        );
        assert_eq!(roles, ["generaldirektör"]);
    }

    #[test]
    fn an_academic_title_keeps_its_subject() {
        let (roles, orgs) = one("Rubrik\n\n– Det är viktigt, säger Anna Ek, som är docent i statskunskap vid Örebro universitet.");
        assert_eq!(roles, ["docent i statskunskap"]);
        assert_eq!(orgs, ["Örebro universitet"]);
        let (roles, _) = one("Rubrik\n\n– Det är viktigt, säger Anna Ek, professor i offentlig rätt vid Lunds universitet.");
        assert_eq!(roles, ["professor i offentlig rätt"]);
    }

    #[test]
    fn genitive_organisation_before_the_role() {
        let (r, o) = one("Rubrik\n\n– Vi kräver mer, säger Vårdförbundets ordförande Anna Ek.");
        assert_eq!(
            (r, o),
            (vec!["ordförande".into()], vec!["Vårdförbundet".into()])
        );
        let (r, o) = one("Rubrik\n\n– Vi kräver mer, säger Kommunals ordförande Anna Ek.");
        assert_eq!((r, o), (vec!["ordförande".into()], vec!["Kommunal".into()]));
        let (r, o) = one("Rubrik\n\n– Det går bra, säger Skatteverkets generaldirektör Ola Ek.");
        assert_eq!(
            (r, o),
            (vec!["generaldirektör".into()], vec!["Skatteverket".into()])
        );
        let (r, _) = one("Rubrik\n\n– Det går bra, säger kommunstyrelsens vice ordförande Ola Ek.");
        assert_eq!(r, ["kommunstyrelsens vice ordförande"]);
        let (r, o) = one("Rubrik\n\n– Det går bra, säger Socialstyrelsens generaldirektör Ola Ek.");
        assert_eq!(
            (r, o),
            (
                vec!["generaldirektör".into()],
                vec!["Socialstyrelsen".into()]
            )
        );
        let (r, _) = one("Rubrik\n\n– Det går bra, avslutar bildningsnämndens ordförande, Ola Ek.");
        assert_eq!(r, ["bildningsnämndens ordförande"]);
    }

    #[test]
    fn every_party_letter() {
        for (l, name) in [
            ("S", "Socialdemokraterna"),
            ("M", "Moderaterna"),
            ("SD", "Sverigedemokraterna"),
            ("C", "Centerpartiet"),
            ("V", "Vänsterpartiet"),
            ("KD", "Kristdemokraterna"),
            ("L", "Liberalerna"),
            ("MP", "Miljöpartiet"),
        ] {
            let t = format!("Rubrik\n\n– Vi är nöjda, säger Anna Ek ({l}).");
            assert_eq!(one(&t).1, [name], "{l}");
        }
        let (r, o) = one("Rubrik\n\n– Vi är nöjda, säger Karin Ek, C.");
        assert_eq!((r, o), (vec![], vec!["Centerpartiet".into()]));
        let (r, o) = one(
            "Rubrik\n\nOla Ek, C, är ordförande i samhällsbyggnadsnämnden och han menar att det tar tid.",
        );
        assert_eq!(
            (r, o),
            (
                vec!["ordförande i samhällsbyggnadsnämnden".into()],
                vec!["Centerpartiet".into()]
            )
        );
        let (r, o) = one(
            "Rubrik\n\n– Vi är nöjda, säger Anna Ek (S) ordförande i Regionala utvecklingsnämnden, Region Västerbotten.",
        );
        assert_eq!(
            (r, o),
            (
                vec!["ordförande i regionala utvecklingsnämnden".into()],
                vec!["Socialdemokraterna".into(), "Region Västerbotten".into()]
            )
        );
    }

    #[test]
    fn title_with_its_body_and_a_second_title() {
        let (r, o) = one(
            "Rubrik\n\n– Vi börjar nu, säger Eva Holm, operativ chef för samordningskansliet och försvarsdirektör vid Länsstyrelsen Stockholm.",
        );
        assert_eq!(
            r,
            ["operativ chef för samordningskansliet", "försvarsdirektör"]
        );
        assert_eq!(o, ["Länsstyrelsen Stockholm"]);
        let (r, _) = one(
            "Rubrik\n\n– Vi börjar nu, säger Eva Holm, förste vice ordförande i barn- och utbildningsnämnden.",
        );
        assert_eq!(r, ["förste vice ordförande i barn- och utbildningsnämnden"]);
        let (r, _) = one("Rubrik\n\n– Det är bra, säger Anna Selander, Samhällsbyggnadschef.");
        assert_eq!(r, ["samhällsbyggnadschef"]);
    }

    #[test]
    fn an_organisation_s_genitive_in_the_apposition() {
        let (r, o) = one(
            "Rubrik\n\n– Det blir intressant, säger Eva Lind, som är ESV:s moderator under dagen.",
        );
        assert_eq!((r, o), (vec!["moderator".into()], vec!["ESV".into()]));
        let (r, o) = one("Rubrik\n\n– Det går bra, säger Ola Ek, Skatteverkets generaldirektör.");
        assert_eq!(
            (r, o),
            (vec!["generaldirektör".into()], vec!["Skatteverket".into()])
        );
    }

    #[test]
    fn blir_ny_names_the_post() {
        let (r, o) = one(
            "Rubrik\n\nAnna Ek blir ny kommundirektör i Ale kommun.\n\n– Det ska bli roligt, säger Anna Ek.",
        );
        assert_eq!(
            (r, o),
            (vec!["kommundirektör".into()], vec!["Ale kommun".into()])
        );
    }

    #[test]
    fn a_title_at_a_place_before_the_name_and_a_comma() {
        let (r, o) = one(
            "Rubrik\n\nKommunstyrelsens ordförande i Tierp, Eva Lund (S), kommenterar beslutet.\n\n– Det är ett viktigt steg, säger hon.",
        );
        assert_eq!(r, ["kommunstyrelsens ordförande"]);
        assert_eq!(o, ["Tierps kommun", "Socialdemokraterna"]);
    }

    #[test]
    fn fillers_between_ar_and_the_role_are_skipped() {
        let (r, o) = one(
            "Rubrik\n\nLisa Berg är sedan 2019 förvaltningschef på Ale kommun. Hon menar att det tar tid.",
        );
        assert_eq!(r, ["förvaltningschef"]);
        assert_eq!(o, ["Ale kommun"]);
        // "ny" says when, not what: it is no part of the title.
        let (r, _) = one(
            "Rubrik\n\nAnna Ek, ny rektor\n\nAnna Ek börjar i augusti.\n\n– Det känns spännande, säger hon.",
        );
        assert_eq!(r, ["rektor"]);
    }

    #[test]
    fn heter_names_the_post_like_ar() {
        let t = "Rubrik\n\nAnna Ek heter digitaliseringsstrategen på Fyrbodals kommunalförbund.\n\n”Det är roligt att vara tillbaka”, säger Anna Ek.";
        let (r, o) = one(t);
        assert_eq!(r, ["digitaliseringsstrateg"]);
        assert_eq!(o, ["Fyrbodals kommunalförbund"]);
    }

    #[test]
    fn a_board_genitive_opening_a_sentence_stays_in_the_role() {
        let (r, o) = one(
            "Rubrik\n\nSocialnämndens ordförande Ulf Berg (C) säger att rundturen var positiv.",
        );
        assert_eq!(r, ["socialnämndens ordförande"]);
        assert_eq!(o, ["Centerpartiet"]);
        // An agency's genitive is still the organisation.
        let (r, o) = one("Rubrik\n\nSkatteverkets generaldirektör Ola Ek säger att det går bra.");
        assert_eq!(
            (r, o),
            (vec!["generaldirektör".into()], vec!["Skatteverket".into()])
        );
    }

    #[test]
    fn titles_in_a_list_of_people_belong_to_their_own_names() {
        // A definite title after a comma names another person of a list.
        let sp = find_in(
            "Rubrik\n\nFrån vänster: Anna Berg, Per Holm, musikläraren och Eva Ek.\n\n– Nu har vi flyttat hem, sa Per Holm.",
            &[],
        );
        assert!(sp.speakers[0].roles.is_empty());
        // "A, ROLE, B, ROLE": the first title is A's, not B's.
        let sp = find_in(
            "Rubrik\n\n– Vi är glada, säger Tina Ek, socialchef, Erika Berg, socialnämndens ordförande och Lena Holm.",
            &[],
        );
        let erika = sp.speakers.iter().find(|s| s.name == "Erika Berg").unwrap();
        assert_eq!(erika.roles, ["socialnämndens ordförande"]);
    }

    #[test]
    fn a_county_given_as_a_governor_s_employer_is_its_lansstyrelse() {
        let (r, o) =
            one("Rubrik\n\n– Det är en mörk dag, säger Berit Ek, landshövding i Västernorrland.");
        assert_eq!(r, ["landshövding"]);
        assert_eq!(o, ["Länsstyrelsen Västernorrland"]);
    }

    #[test]
    fn a_school_title_gets_the_school_the_article_names() {
        let t = "Rubrik\n\nNya Åkeredsskolan invigdes i dag.\n\n– Nu har vi flyttat hem, sa rektor Anders Holm.\n\nFörskolans rektor, Katarina Ek, nämnde att Åkeredsskolan är fin.";
        let sp = find_in(t, &[]);
        assert_eq!(sp.speakers[0].organisations, ["Åkeredsskolan"]);
        assert_eq!(sp.speakers[1].organisations, ["Åkeredsskolan"]);
    }

    #[test]
    fn a_place_as_a_municipal_employer_is_the_municipality() {
        let (r, o) = one("Rubrik\n\n– Det tar tid, säger Ola Ek, kommunchef i Sandviken.");
        assert_eq!(
            (r, o),
            (vec!["kommunchef".into()], vec!["Sandvikens kommun".into()])
        );
        let (_, o) =
            one("Rubrik\n\nOla Ek har varit kommunchef i Alvesta. Enligt Ola Ek är det viktigt.");
        assert!(o.is_empty() || o == ["Alvesta kommun"]);
    }
}
