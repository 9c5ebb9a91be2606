//! Language detection with whatlang.

/// The detected language of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageInfo {
    /// ISO 639-1 code, or `None` when the text is too short to tell.
    pub code: Option<&'static str>,
    /// Confidence between 0 and 1.
    pub confidence: f64,
    /// Whether the answer is reliable.
    pub reliable: bool,
}

impl LanguageInfo {
    /// Whether the text is Swedish.
    pub fn is_swedish(&self) -> bool {
        self.code == Some("sv")
    }
}

/// Detects the language of `text`.
pub fn detect(text: &str) -> LanguageInfo {
    match whatlang::detect(text) {
        Some(info) => LanguageInfo {
            code: iso639_1(info.lang()),
            confidence: (info.confidence() * 1000.0).round() / 1000.0,
            reliable: info.is_reliable(),
        },
        None => LanguageInfo {
            code: None,
            confidence: 0.0,
            reliable: false,
        },
    }
}

fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
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
        _ => return None,
    })
}
