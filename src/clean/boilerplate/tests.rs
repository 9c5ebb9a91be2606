//! Tests of the line rules, on lines written for them.

use super::*;

proptest::proptest! {
    #[test]
    fn lower_words_lowercases_each_word_as_the_standard_library_does(
        t in "([a-zA-ZåäöÅÄÖΣσςΑΒİ'.\\-\u{80}-\u{ff}\u{2000}-\u{206f}Ⅰⓐ]{0,6}[ \t\u{a0}\u{2003}]{0,2}){0,12}",
        max in proptest::sample::select(vec![1usize, 4, usize::MAX]),
    ) {
        let want: Vec<String> = t.split_whitespace().take(max).map(str::to_lowercase).collect();
        proptest::prop_assert_eq!(lower_words(&t, max), want.join(" "));
    }
}

proptest::proptest! {
    #[test]
    fn count_words_counts_as_split_whitespace_does(
        t in "[a-zå \t\n\u{b}\u{c}\r\u{85}\u{a0}\u{2003}\u{2028}\u{3000}\u{200b}–]{0,60}",
        cap in 1usize..40,
    ) {
        proptest::prop_assert_eq!(count_words(&t, cap), t.split_whitespace().count().min(cap));
    }
}

#[test]
fn only_two_characters_outside_ascii_lowercase_to_ascii_letters() {
    let odd: Vec<char> = (0x80..=0x10ffff)
        .filter_map(char::from_u32)
        .filter(|c| c.to_lowercase().any(|l| l.is_ascii_alphabetic()))
        .collect();
    assert_eq!(odd, ['\u{130}', '\u{212a}']);
}

#[test]
fn the_latin1_and_punctuation_shortcut_lowercases_every_character_exactly() {
    for c in ('\0'..='\u{ff}').chain('\u{2000}'..='\u{206f}') {
        let w = format!("å{c}");
        let mut out = String::new();
        push_lowercase(&mut out, &w);
        assert_eq!(out, w.to_lowercase(), "{c:?}");
    }
}

/// The long-line shortcut of `classify` changes no answer.
fn shortcut_is_exact(line: &str) {
    assert_eq!(
        classify_with(line, true),
        classify_with(line, false),
        "{line:?}"
    );
}

#[test]
fn the_long_line_shortcut_changes_no_answer_on_real_text() {
    let mut lines = crate::test_support::real_lines();
    // Long paragraphs: runs of real sentences.
    let sentences = crate::test_support::talbanken_sentences();
    for n in [2, 3, 7] {
        lines.extend(sentences.chunks(n).map(|run| run.join(" ")));
    }
    let long = lines
        .iter()
        .filter(|l| l.split_whitespace().count() > LONG_LINE_WORDS)
        .count();
    assert!(long > 20, "only {long} long lines");
    for l in &lines {
        shortcut_is_exact(l);
    }
}

#[test]
fn the_look_up_lists_hold_only_short_phrases() {
    for list in [
        NAV_EXACT,
        TAIL_NAV,
        READ_ALSO,
        ADVERT,
        COOKIE_EXACT,
        CONTACT_START,
    ] {
        for p in list {
            assert!(p.split_whitespace().count() < LONG_LINE_WORDS, "{p}");
        }
    }
}

proptest::proptest! {
    #[test]
    fn the_long_line_shortcut_changes_no_answer_on_generated_lines(
        head in proptest::sample::select(vec![
            "", "© ", "Copyright ", "(c) ", "(C) ", "![bild](x.png) ", "Läs också: ",
            "Vi använder cookies ", "Alla rättigheter förbehållna ", "Nyhetsbrev ",
            "Hem › Nyheter › ", "Nyheter  Analys  Podd  ", "› ", "- ",
        ]),
        words in proptest::collection::vec(proptest::sample::select(vec![
            "kommunen", "cookies", "kakor", "använder", "Nyheter", "|", "·", "›", "Hem",
            "/", "nyhetsbrev", "(3)", "…", "alla", "rättigheter", "förbehållna", "Σ",
        ]), 25..95),
        tail in proptest::sample::select(vec!["", ":", " (12)", " ›", "."]),
    ) {
        let line = format!("{head}{}{tail}", words.join(" "));
        shortcut_is_exact(&line);
    }
}

#[test]
fn furniture_lines() {
    assert_eq!(classify("Stäng").map(|f| f.reason), Some("navigation"));
    assert_eq!(
        classify("Rekommenderad läsning").map(|f| f.scope),
        Some(Scope::Tail)
    );
    assert_eq!(
        classify("Voisters nyhetsbrev").map(|f| f.reason),
        Some("newsletter")
    );
    assert_eq!(classify("ANNONS").map(|f| f.reason), Some("advertisement"));
    assert_eq!(
        classify("Vi använder kakor (cookies) för att webbplatsen ska fungera bra.")
            .map(|f| f.reason),
        Some("cookie")
    );
    assert_eq!(
        classify("© 2025 Digitalbladet AB").map(|f| f.reason),
        Some("copyright")
    );
    assert_eq!(
        classify("Läs också: Så digitaliserar Umeå").map(|f| f.scope),
        Some(Scope::Line)
    );
    assert_eq!(
        classify("Läs också").map(|f| f.scope),
        Some(Scope::NextLine)
    );
    assert_eq!(
        classify("För mer information, kontakta:").map(|f| f.scope),
        Some(Scope::Contact)
    );
    assert_eq!(
        classify("Hem › Nyheter › Digitalisering").map(|f| f.reason),
        Some("navigation")
    );
    assert_eq!(
        classify("Nyheter  Analys  Podd  Jobb").map(|f| f.reason),
        Some("navigation")
    );
    assert_eq!(
        classify("Startsida | Om regionen | Lediga jobb").map(|f| f.reason),
        Some("navigation")
    );
}

fn reason(line: &str) -> Option<&'static str> {
    classify(line).map(|f| f.reason)
}

#[test]
fn skip_links() {
    for l in [
        "Gå direkt till innehåll",
        "Skip to main content",
        "Gå till eugreenalliance",
        "Hoppa till huvudinnehållet",
    ] {
        assert_eq!(reason(l), Some("navigation"), "{l}");
    }
    assert!(!is_skip_link("gå till val i höst och rösta på oss.", 8));
}

#[test]
fn page_notices() {
    for l in [
        "Denna nyhet är äldre än 6 månader och är kanske inte aktuell längre.",
        "Innehållet publicerades under perioden 21 januari 2019 och 8 juli 2021",
        "Artikeln uppdaterades 3 mars 2024",
        "Statsråd på denna sida som har bytt ansvarsområde",
        "Nyheten har passerat sitt bäst före-datum",
        "Det talade ordet gäller.",
    ] {
        assert_eq!(reason(l), Some("notice"), "{l}");
    }
    assert_eq!(
        reason("Nyheten om skolan har spridits snabbt i kommunen."),
        None
    );
    assert!(is_site_notice("Planerat tekniskt arbete på webbplatsen"));
    assert!(is_site_notice(
        "Denna webbplats använder teknik som troligen inte stöds i din webbläsare."
    ));
    assert!(!is_site_notice(
        "Kommunen lanserar en ny webbplats för unga."
    ));
}

#[test]
fn player_counters_and_share_rows() {
    for l in [
        "2:17 min",
        "03:45",
        "Längd: 12 min",
        "Spela upp",
        "Lyssna på nyheten",
        "Ladda ner bild",
    ] {
        assert_eq!(reason(l), Some("navigation"), "{l}");
    }
    for l in [
        "Sedd av 120",
        "Läst 1 234 gånger",
        "120 visningar",
        "3 kommentarer",
    ] {
        assert_eq!(reason(l), Some("boilerplate"), "{l}");
    }
    for l in [
        "Dela på Facebook",
        "Dela med dig",
        "Facebook LinkedIn E-post",
    ] {
        assert_eq!(reason(l), Some("navigation"), "{l}");
    }
    assert_eq!(reason("2018-03-26"), None);
    assert_eq!(reason("Klockan 14:30 öppnar mötet."), None);
    assert!(!is_duration("14.30"));
    assert!(is_duration("1:02:17"));
}

#[test]
fn file_names_icons_and_logos() {
    for l in [
        "20931177-torget-vinter-3.jpg",
        "IMG_2034.JPG",
        "DSC_0042",
        "Telefonikon",
    ] {
        assert_eq!(reason(l), Some("image"), "{l}");
    }
    assert_eq!(reason("Svalövs kommuns logotyp \"Boet\"."), Some("image"));
    assert_eq!(reason("Kommunen har fått en ny logotyp."), None);
    assert_eq!(
        reason("Statens Institutionsstyrelse - till startsidan Det gäller livet."),
        Some("image")
    );
    assert_eq!(reason("Region Exempel, till startsidan"), Some("image"));
    assert_eq!(reason("Vi gick tillbaka till startsidan och läste om nyheten igen."), None);
    assert!(!is_file_name("www.kommun.se"));
}

#[test]
fn date_labels_genres_closings_and_tail_headings() {
    for l in [
        "Publicerad",
        "Publiceringsdatum:",
        "Senast uppdaterad:",
        "Publicerad: Uppdaterad:",
    ] {
        assert_eq!(reason(l), Some("date"), "{l}");
    }
    assert!(is_labelled_date("Skickades in: 2021-07-07"));
    assert!(is_labelled_date("Svarade:2021-09-16"));
    assert!(!is_labelled_date("Dag: torsdag 27 juni"));
    assert!(!is_labelled_date("Publicerad: 2013-06-11 15:13:00"));
    for l in ["Pressmeddelande -", "Pressmeddelanden", "Aktuellt"] {
        assert_eq!(reason(l), Some("navigation"), "{l}");
    }
    assert_eq!(
        classify("Vänliga hälsningar,").map(|f| f.scope),
        Some(Scope::Tail)
    );
    assert_eq!(classify("Länkar").map(|f| f.scope), Some(Scope::Tail));
    assert_eq!(
        classify("Eller kontakta oss").map(|f| f.scope),
        Some(Scope::Contact)
    );
    assert_eq!(
        reason("Läs hela artikeln GD tar kritik på allvar"),
        Some("navigation")
    );
}

#[test]
fn more_links_need_a_kind_of_page() {
    assert_eq!(classify("Fler nyheter").map(|f| f.scope), Some(Scope::Tail));
    assert_eq!(
        classify("Fler pressmeddelanden från regionen").map(|f| f.scope),
        Some(Scope::Tail)
    );
    assert_eq!(
        classify("Fler debattartiklar").map(|f| f.scope),
        Some(Scope::Tail)
    );
    assert_eq!(classify("Fler examensrättigheter"), None);
    assert_eq!(classify("Fler platser i förskolan"), None);
}

#[test]
fn separators_back_links_and_languages() {
    for l in ["-----------", "* * *", "___"] {
        assert_eq!(reason(l), Some("boilerplate"), "{l}");
    }
    for l in [
        "Tillbaka till toppen",
        "Till toppen av sidan",
        "Upp till toppen",
        "Back to top",
        "In English below",
        "Read in English",
        "Report this content",
        "Read more",
    ] {
        assert_eq!(reason(l), Some("navigation"), "{l}");
    }
    assert_eq!(reason("Till toppen av berget går en stig."), None);
    assert_eq!(reason("Kurser på engelska"), None);
    assert!(!is_interface_english("this is", 2));
}

#[test]
fn links_to_media_documents_and_archives() {
    for l in [
        "Webb-tv: Talmannens tal vid inledningen",
        "Video: Så bygger vi den nya skolan",
        "Se utskottets sammanträdestider.",
        "Läs ärende 5. Fördelning av statsbidrag 2021 - Uppsala kommun",
        "Läs beslutet",
        "maj",
        "2018",
        "Maj 2018",
        "Du är här: Start / Nyheter / Nyheter 2019 / Godkänt",
    ] {
        assert_eq!(reason(l), Some("navigation"), "{l}");
    }
    for l in [
        "Se till att du har rätt adress.",
        "Se över dina rutiner",
        "Läs gärna vidare om hur vi arbetar med skolan i kommunen.",
        "Video: Kommunen filmade hela invigningen.",
        "Maj blir en bra månad",
    ] {
        assert_eq!(classify(l), None, "{l}");
    }
}

#[test]
fn captions_by_their_position_words() {
    for l in [
        "Från vänster: Anna Dahlström, Anders Höglund och Martin som konferencier.",
        "På bild: Marina Klinthammar, undersköterska",
        "Fr v: Per Ek och Eva Ek",
    ] {
        assert_eq!(reason(l), Some("image"), "{l}");
    }
    assert_eq!(
        reason("– Vi är glada, säger från vänster Tina Berg och Erika Ek."),
        None
    );
}

#[test]
fn notices_repeated_in_english() {
    assert_eq!(
        reason(
            "• Det råder eldningsförbud i länet från och med klockan 12 den 24 juni. \
             Currently there is a fire ban throughout the county."
        ),
        Some("notice")
    );
    assert_eq!(
        reason(
            "Kommunen deltar i projektet. Projektet heter Leave no one behind och leds av FN."
        ),
        None
    );
}

#[test]
fn page_owners_and_contents() {
    for l in [
        "Sidansvarig: Robert Karlsson",
        "Webbredaktör: Anna Ek",
        "Innehåll på sidan",
        "På den här sidan",
        "Ämnesord: skola, förskola",
    ] {
        assert_eq!(reason(l), Some("boilerplate"), "{l}");
    }
    assert_eq!(reason("På den här sidan av sjön ligger skolan."), None);
}

#[test]
fn contact_entries_anywhere() {
    for l in [
        "För kommentarer: Anneli Almérus, arbetsmarknadsanalytiker, 010-487 67 05",
        "Anna Berg, kommunikatör, 070-123 45 67",
        "Presskontakt: anna.berg@kommun.se",
    ] {
        assert_eq!(reason(l), Some("contact"), "{l}");
    }
    for l in [
        "Ring 08-123 45 67 om du har frågor om skolvalet.",
        "Anmälan görs till skolan@kommun.se senast den 3 maj.",
    ] {
        assert_eq!(classify(l), None, "{l}");
    }
}

#[test]
fn browser_notices_script_values_and_links_back_to_the_list() {
    for l in [
        "Din webbläsare är av en äldre modell. Det innebär att du kanske inte kan använda alla funktioner på webbplatsen. Vi rekommenderar att du uppdaterar till en nyare version.",
        "Webbläsaren som du använder stöds inte av denna webbplats. Alla versioner av Internet Explorer stöds inte längre, av oss eller Microsoft (läs mer här: * https://www.microsoft.com/en-us/microsoft-365/windows/end-of-ie-support).",
        "Var god och använd en modern webbläsare för att ta del av denna webbplats, som t.ex. nyaste versioner av Edge, Chrome, Firefox eller Safari osv.",
    ] {
        assert_eq!(reason(l), Some("notice"), "{l}");
    }
    assert_eq!(reason("\"False\""), Some("boilerplate"));
    assert_eq!(reason("Huvudmenyn dold."), Some("boilerplate"));
    assert_eq!(reason("Tillbaka till nyhetslistan"), Some("navigation"));
    assert_eq!(reason("Läs mer om"), Some("navigation"));
    for l in [
        "Kommunen byter webbläsare på alla datorer i skolorna under våren.",
        "Falskt larm i centrum.",
        "Vi gick tillbaka till listan över förslag och valde om.",
    ] {
        assert_eq!(reason(l), None, "{l}");
    }
}

#[test]
fn an_invitation_to_get_in_touch_and_a_link_to_read() {
    assert_eq!(
        reason("För mer information om medarbetarenkätens resultat, kontakta Vadstena kommuns HR-chef, Siw Junling."),
        Some("contact")
    );
    assert_eq!(
        reason("Här kan du läsa regeringens pressmeddelande om nya ledamöter i Vinnovas styrelse."),
        Some("navigation")
    );
    assert_eq!(
        reason("För mer information om hur kommunen arbetar har vi tagit fram en broschyr som delas ut i alla hushåll under våren."),
        None
    );
    assert_eq!(reason("Här kan du läsa om ett urval av ärendena som behandlades."), None);
}

#[test]
fn javascript_notices() {
    assert!(is_site_notice(
        "JavaScript är avstängt! För att laholm.se ska fungera korrekt behöver er webbläsare stödja JavaScript."
    ));
}

#[test]
fn an_alert_about_the_site_s_e_services() {
    assert!(is_site_notice(
        "Det är för närvarande störningar på vissa av kommunens e-tjänster. Felsökning pågår."
    ));
}

#[test]
fn republication_notes_feedback_questions_and_site_paths() {
    for line in [
        "Artikeln är bland annat publicerad i Svenska Dagbladet.",
        "Debattartikeln publicerades i Dagens Nyheter den 3 maj 2021.",
        "Repliken publicerades på sydsvenskan.se den 25 januari 2021",
        "Hjälpte informationen på sidan dig?Tack för att du hjälper oss!",
        "Var sidan till hjälp?",
        "Favoriter /globalnavigation/closemenu",
        "Vi har placerat cookies på din dator och lagrat ditt IP-nummer för att ge dig en bättre upplevelse av våra webbplatser. Om cookies och personuppgifter",
        "070-215 13 02",
        "If you want to access the information in languages other than Swedish, you as a visitor can use external services to translate the content.",
        "Google translate Karlstad.se",
        "An example of such a service is Google Translate from Google. By you as a visitor using such a function, your visit will be tracked by the external party, for example Google, and more words here.",
        "%%#6a762a%%accent-1%%",
        "Sök på polisen.se",
        "Hämta högupplöst bild på Anders Knape",
        "Med reservation för ändringar och kompletteringar",
        "Presschef",
        "Kontakt för sidan: Kommuncenter",
        "Ikon utropstecken",
        "i Category: Nyheter | 1 min läsning",
        "Använd vår mobilapp",
        "Pressekreterare hos utrikesminister Ann Linde",
        "e-post till Adriana Haxhimustafa, via registrator",
        "Läs Riksarkivets inspel",
        "Läs regeringens pressmeddelande om utredningen",
        "Nyckelord",
        "artiklar i varukorgen",
        "kr ( ex. moms )",
        "Vi skulle vilja sätta lite fler kakor för olika funktioner som hjälper dig som användare.",
        "INNEHÅLL",
        "fornamn.efternamn@kammarkollegiet.se",
        "010- 205 21 00, media@folkhalsomyndigheten.se",
        "Telefon:",
        "E-post:",
        "Margareta punkt Abrahamsson snabela lansstyrelsen punkt se",
    ] {
        assert!(classify(line).is_some(), "{line}");
    }
    for line in [
        "Artikeln i lagen ändrades 2019 efter ett beslut i riksdagen.",
        "Texten har skrivits av elever i årskurs nio.",
        "Priset är 100 kr/st och 50 kr/tim.",
        "Ring 070-215 13 02 om du vill anmäla dig till kursen.",
        "Sök på nytt i höst om du inte kom in.",
        "Kommunen översätter broschyren till andra språk.",
        "Läs gärna vidare i rapporten.",
        "Kommunen lanserar en ny mobilapp för felanmälan i dag.",
        "Telefon",
        "Budgeten för 2024 är 12 miljoner kronor.",
    ] {
        assert_eq!(classify(line), None, "{line}");
    }
}

#[test]
fn article_lines_are_not_furniture() {
    for line in [
        "Kommunen använder nya system för att dela information med invånarna.",
        "Tillit från medborgare",
        "Dela upp arbetet i mindre delar, säger hon.",
        "Vad kostar det att byta system?",
        "Kontakten med medborgarna är viktig för förtroendet.",
        "Läsplattor delades ut till alla elever.",
    ] {
        assert_eq!(classify(line), None, "{line}");
    }
    assert!(is_contact_line("Anna Berg, 070-123 45 67"));
    assert!(is_contact_line("anna.berg@orebro.se"));
    assert!(!is_contact_line("Budgeten ökade med 12 procent 2024."));
}

#[test]
fn a_short_line_ending_with_an_address_is_a_link() {
    for l in [
        "Kallelse och handlingar finns på sidan: https://gotland.se/105144",
        "Här finns mer information om regionbildningen: http://www.ltv.se/Om-landstinget/regionkommun/",
        "Uppdrag att vidta energibesparingsåtgärder inom den statliga förvaltningen (regeringen.se)",
        "Läs mer: www.kommun.se.",
        "Läs mer i regeringens pressmeddelande. Länk till annan webbplats, öppnas i nytt fönster.",
        "Rapporten om bostäder (öppnas i nytt fönster)",
    ] {
        assert!(is_link_line(l, l.split_whitespace().count()), "{l}");
    }
    for l in [
        "www.rvn.se",
        "Rapporten (RSV Rapport 2003:1 \"Allmänhetens synpunkter på skattemyndigheternas sätt att arbeta\") finns på RSV:s webbplats, www.rsv.se",
        "Kommunen (Lindö.se) har fattat beslut.",
        "Det framgår av rapporten (bilaga 2)",
    ] {
        assert!(!is_link_line(l, l.split_whitespace().count()), "{l}");
    }
}

#[test]
fn group_photo_rows_labelled_fields_sources_and_page_questions() {
    let caption = "Bakre raden fr v: Glenn Berg (v), Mattias Holm (m), Anders Öberg (s). Främre raden fr v: Agneta Lind (mp), Maria Sten (s).";
    let k = caption.to_lowercase();
    assert!(is_caption_label(&k, caption.split_whitespace().count()));
    let k = "regionutvecklingsutskottet 2017. bakre raden fr v: glenn berg (v), maria sten (s).";
    assert!(is_caption_label(k, 10));
    // a sentence with a colon is no caption
    assert!(!is_caption_label("kommunen har bestämt fr v: inget", 5));
    assert!(is_labelled_fields("Publiceringsår: 2024 | Utgivare: Region Skåne"));
    assert!(!is_labelled_fields("Nyheter | Kultur | Sport"));
    assert!(!is_labelled_fields("Publicerad: 2016-02-17 16:22 | Uppdaterad: 2016-05-09 13:15"));
    assert!(is_labelled_fields("Diarienr: 8799-17-4.3 / Beslutsdatum: 7 nov 2018"));
    assert!(!is_labelled_fields("Resultat: bättre / sämre än väntat"));
    assert!(!is_labelled_fields("Beslut: kommunen bygger en skola i centrum"));
    assert!(is_source_line("• källa: region norrbotten", 4));
    assert!(!is_source_line("källa: enligt en rapport från myndigheten som publicerades i går i stockholm", 13));
    assert!(is_feedback_question("fick du hjälp av informationen på denna sida?"));
    assert!(!is_feedback_question("fick du hjälp av kommunen med bygglovet?"));
    assert!(is_feedback_question("vi vill gärna veta vad du tycker om denna webbsida!"));
    assert!(!is_feedback_question("vi vill gärna veta vad du tycker om förslaget"));
}

#[test]
fn lone_punctuation_bare_list_numbers_and_loading_indicators() {
    for l in [",", "•", "•   1", "• 12.", "Laddar...", "-----"] {
        assert!(is_separator(l), "{l}");
    }
    for l in ["1", "2019", "• Skolan", "Laddar ned filer"] {
        assert!(!is_separator(l), "{l}");
    }
}
