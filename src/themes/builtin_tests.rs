//! The built-in codebook's rules for real text: each false friend found on
//! the development sentences (`tests/data/real/themes/dev.jsonl`) and each
//! paraphrase family added, tested on a sentence written for the test.

use super::*;
use crate::language::analyze;

/// The themes (ids) of the built-in codebook with a hit in `text`.
fn themes(text: &str) -> Vec<String> {
    let cb = Codebook::builtin();
    let a = analyze(text, &[Span::new(0, text.len())], true);
    let mut ids: Vec<String> = cb
        .tag(text, &a.tokens)
        .into_iter()
        .map(|h| cb.themes()[h.theme].id.clone())
        .collect();
    ids.dedup();
    ids.sort();
    ids.dedup();
    ids
}

fn has(text: &str, theme: &str) -> bool {
    themes(text).iter().any(|t| t == theme)
}

const K: &str = "kompetensförsörjning";

#[test]
fn an_administrative_area_is_not_responsibility() {
    assert!(!has(
        "Frågan ligger utanför socialnämndens ansvarsområde.",
        "ansvar"
    ));
    assert!(!has(
        "Ministern berättade om sina nya ansvarsområden.",
        "ansvar"
    ));
    assert!(has("Nämnden har ansvaret för skolskjutsarna.", "ansvar"));
}

#[test]
fn a_post_or_a_portfolio_is_not_responsibility() {
    for s in [
        "Eva Lund är ny avdelningschef med ansvar för ekonomi och personal.",
        "Han blir statssekreterare med särskilt ansvar för bostadsfrågor.",
        "Ansvarigt statsråd har ännu inte kommenterat beslutet.",
        "Frågan skickades till den ansvariga ministern i går.",
        "Kommunens it-ansvarig och webbansvarige deltog på mötet.",
    ] {
        assert!(!has(s, "ansvar"), "{s}");
    }
    assert!(has(
        "Regionen är ansvarig för vården av de äldre.",
        "ansvar"
    ));
}

#[test]
fn duties_and_who_does_what_are_responsibility() {
    for s in [
        "Kommunens skyldigheter upphör inte vid en kris.",
        "Folkbokföringen sköts av Skatteverket.",
        "Länsstyrelsen sköter tillsynen av djurskyddet.",
        "Det är regionen som har hand om kollektivtrafiken.",
    ] {
        assert!(has(s, "ansvar"), "{s}");
    }
    for s in [
        "Eleverna sköter sig bra på lektionerna.",
        "Företaget blir skattskyldigt i Sverige från i år.",
    ] {
        assert!(!has(s, "ansvar"), "{s}");
    }
}

#[test]
fn competence_in_the_legal_or_institutional_sense_is_not_skills_supply() {
    for s in [
        "Lagen ger nämnden utökad kompetens och befogenhet att besluta.",
        "Domstolen prövade kompetensfördelningen mellan EU och medlemsstaterna.",
        "Ett nationellt kompetenscentrum för äldrefrågor invigdes i dag.",
        "Den som saknar gymnasieexamen kan bli behörig genom reell kompetens.",
    ] {
        assert!(!has(s, K), "{s}");
    }
    assert!(has("Myndigheten saknar kompetens inom it-säkerhet.", K));
}

#[test]
fn recruiting_members_students_participants_or_criminals_is_not_skills_supply() {
    for s in [
        "Facket satsar på medlemsrekrytering bland unga.",
        "Föreningen vill rekrytera fler medlemmar i höst.",
        "Studien rekryterar deltagare via vårdcentralerna.",
        "Rekrytering till studier sker genom annonser.",
        "Gängen försöker rekrytera barn till att sälja narkotika.",
        "Barn riskerar att rekryteras av kriminella nätverk.",
    ] {
        assert!(!has(s, K), "{s}");
    }
    // the sentence rule does not reach words that only contain "gäng"
    assert!(has(
        "Tillgängligheten i lokalerna gör det lättare att rekrytera personal.",
        K
    ));
    assert!(has("Kommunen ska rekrytera tre nya socialsekreterare.", K));
}

#[test]
fn staff_shortage_supply_and_attraction_are_skills_supply() {
    for s in [
        "Bristen på sjuksköterskor är stor i norra Sverige.",
        "Det råder brist på behöriga förskollärare.",
        "Tillgången på läkare varierar mellan regionerna.",
        "Det behövs fler undersköterskor i hemtjänsten.",
        "Hemtjänsten behöver öka antalet anställda kraftigt.",
        "Lärarförsörjningen är en utmaning för många kommuner.",
        "Enligt personalprognosen går var fjärde medarbetare i pension.",
        "Pensionsavgångarna ökar de närmaste åren.",
        "Regionen vill bli en attraktiv arbetsgivare för unga.",
        "Kommunen måste bli attraktivare som arbetsgivare.",
        "Hur kan vi locka sökande till socialtjänsten?",
        "Fler behöver söka sig till vårdyrkena.",
        "Förvaltningen har svårt att behålla chefer.",
        "I fjol har 40 lärare anställts i kommunen.",
        "Tre obesatta tjänster inom socialtjänsten ska tillsättas.",
        "Flera tjänster står tomma sedan i våras.",
        "Den höga omsättningen på socialsekreterare oroar nämnden.",
        "Chefsomsättningen i hemtjänsten är hög.",
        "Vi tappar medarbetare till privata arbetsgivare.",
    ] {
        assert!(has(s, K), "{s}");
    }
    // a long gap, or the plain noun, is not enough
    assert!(!has(
        "Det behövs en ny plan för hur personal informeras.",
        K
    ));
    assert!(!has("Antalet anställda i kommunen är 4 000.", K));
}

#[test]
fn a_mandate_given_to_a_person_is_not_trust() {
    for s in [
        "Jag vill tacka väljarna för förtroendet.",
        "Hon fick förtroendet att få leda partiet.",
        "Jag ska förvalta det förtroende jag fått av fullmäktige.",
    ] {
        assert!(!has(s, "tillit"), "{s}");
    }
    assert!(has("Förtroendet för polisen har ökat i år.", "tillit"));
}
