//! Bytes to text: BOMs, UTF-8, UTF-16, legacy 8-bit encodings, NFC.
//!
//! Fast path: the control-character count works on 8 bytes at a time; its
//! plain reference is `control_counts_plain` in the tests, which checks
//! them equal on any input.

use std::path::Path;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

use crate::error::{Error, Result};

/// Decodes `bytes` read from `path` into NFC-normalised text and names the
/// encoding it was in.
///
/// * a UTF-8, UTF-16LE or UTF-16BE byte order mark decides the encoding;
/// * otherwise valid UTF-8 is UTF-8;
/// * bytes that hold NUL or many control characters are [`Error::Binary`];
/// * bytes that are partly valid multi-byte UTF-8 and partly not are broken
///   UTF-8 ([`Error::Encoding`], with the byte offset of the first bad byte);
/// * anything else is a legacy 8-bit text whose encoding chardetng guesses
///   (Windows-1252 for Swedish Latin-1 text).
pub fn decode(bytes: &[u8], path: &Path) -> Result<(String, &'static str)> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let text = if enc == UTF_8 {
            std::str::from_utf8(body)
                .map_err(|e| broken_utf8(path, e.valid_up_to() + bom_len))?
                .to_string()
        } else {
            let (text, had_errors) = enc.decode_without_bom_handling(body);
            if had_errors {
                return Err(Error::Encoding {
                    path: path.to_path_buf(),
                    reason: format!("invalid {} data after the byte order mark", enc.name()),
                });
            }
            text.into_owned()
        };
        check_text(&text, path)?;
        let name = if enc == UTF_16LE {
            "UTF-16LE"
        } else if enc == UTF_16BE {
            "UTF-16BE"
        } else {
            "UTF-8"
        };
        return Ok((nfc(text), name));
    }
    if bytes.contains(&0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            check_text(text, path)?;
            Ok((nfc(text.to_string()), "UTF-8"))
        }
        Err(e) => {
            // Valid UTF-8 elsewhere, or a multi-byte sequence cut off at the
            // very end (a truncated file), means broken UTF-8, not Latin-1.
            if e.error_len().is_none() || has_valid_multibyte_utf8(bytes) {
                return Err(broken_utf8(path, e.valid_up_to()));
            }
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let enc = detector.guess(Some(b"se"), chardetng::Utf8Detection::Deny);
            let (text, _, had_errors) = enc.decode(bytes);
            if had_errors {
                return Err(Error::Encoding {
                    path: path.to_path_buf(),
                    reason: format!("not valid UTF-8, nor valid {}", enc.name()),
                });
            }
            check_text(&text, path)?;
            Ok((nfc(text.into_owned()), enc.name()))
        }
    }
}

fn broken_utf8(path: &Path, at: usize) -> Error {
    Error::Encoding {
        path: path.to_path_buf(),
        reason: format!(
            "invalid UTF-8 at byte {at} (the file mixes UTF-8 with other bytes or is truncated)"
        ),
    }
}

/// Whether the bytes contain at least one well-formed multi-byte UTF-8
/// sequence: then invalid bytes elsewhere mean broken UTF-8, not Latin-1.
fn has_valid_multibyte_utf8(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let len = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => {
                i += 1;
                continue;
            }
        };
        if i + len <= bytes.len() && std::str::from_utf8(&bytes[i..i + len]).is_ok() {
            return true;
        }
        i += 1;
    }
    false
}

/// Rejects text that is really binary data: NUL characters or a high share
/// of control characters.
fn check_text(text: &str, path: &Path) -> Result<()> {
    let (nul, control, total) = control_counts(text);
    if nul || (total > 0 && control * 20 > total) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Over the first 65,536 characters of `text`: whether there is a NUL, how
/// many control characters other than line breaks, tabs and form feeds
/// (U+0000–U+001F, U+007F–U+009F), and how many characters. Works on the
/// UTF-8 bytes: a control character above ASCII is `C2 80`–`C2 9F`.
fn control_counts(text: &str) -> (bool, usize, usize) {
    let bytes = text.as_bytes();
    let mut control = 0usize;
    let mut total = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b & 0xc0 == 0x80 {
            continue; // inside a character
        }
        if total == 65_536 {
            break;
        }
        total += 1;
        match b {
            0 => return (true, control, total),
            b'\n' | b'\r' | b'\t' | 0x0c => {}
            0x01..=0x1f | 0x7f => control += 1,
            0xc2 if bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)) => control += 1,
            _ => {}
        }
    }
    (false, control, total)
}

/// NFC normalisation (å, ä, ö written as a base letter and a combining mark
/// become one code point), and `\r\n` / `\r` line ends become `\n`.
fn nfc(text: String) -> String {
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    if is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes {
        text
    } else {
        text.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-by-character form of `control_counts`.
    fn control_counts_plain(text: &str) -> (bool, usize, usize) {
        let mut control = 0usize;
        let mut total = 0usize;
        for c in text.chars().take(65_536) {
            total += 1;
            if c == '\0' {
                return (true, control, total);
            }
            if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
                control += 1;
            }
        }
        (false, control, total)
    }

    proptest::proptest! {
        #[test]
        fn control_counts_agree_with_the_plain_count(
            t in "([\\x00-\\x1f\\x7f-\\u{a0}a-zåäö –”\\u{2028}\\u{feff}]|\\PC){0,200}",
        ) {
            proptest::prop_assert_eq!(control_counts(&t), control_counts_plain(&t));
        }
    }

    #[test]
    fn control_counts_stop_after_65536_characters() {
        let t = "å".repeat(70_000) + "\u{1}";
        assert_eq!(control_counts(&t), control_counts_plain(&t));
        assert_eq!(control_counts(&t).2, 65_536);
    }

    fn p() -> &'static Path {
        Path::new("t.txt")
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let (a, e) = decode("Örebro".as_bytes(), p()).unwrap();
        assert_eq!((a.as_str(), e), ("Örebro", "UTF-8"));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Örebro".as_bytes());
        assert_eq!(decode(&b, p()).unwrap().0, "Örebro");
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Tillit på Åland".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(
            decode(&b, p()).unwrap(),
            ("Tillit på Åland".to_string(), "UTF-16LE")
        );
    }

    #[test]
    fn windows_1252_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("Kommunen måste öka förtroendet – säger hon. Även tilliten.");
        let (text, enc) = decode(&bytes, p()).unwrap();
        assert_eq!(
            text,
            "Kommunen måste öka förtroendet – säger hon. Även tilliten."
        );
        assert_eq!(enc, "windows-1252");
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert!(matches!(
            decode(b"abc\0def", p()),
            Err(Error::Binary { .. })
        ));
    }

    #[test]
    fn broken_utf8_is_an_error_naming_the_byte() {
        let mut b = "Över".as_bytes().to_vec();
        b.push(0xC3);
        let err = decode(&b, p()).unwrap_err().to_string();
        assert!(err.contains("invalid UTF-8 at byte 5"), "{err}");
    }

    #[test]
    fn truncated_utf8_is_an_error() {
        let b = "Kommunen tar ansvar för".as_bytes();
        let cut = &b[..b.len() - 2]; // inside the ö
        assert!(
            decode(cut, p())
                .unwrap_err()
                .to_string()
                .contains("invalid UTF-8")
        );
    }

    #[test]
    fn decomposed_letters_become_nfc() {
        let (text, _) = decode("a\u{30a}".as_bytes(), p()).unwrap();
        assert_eq!(text, "å");
    }
}
