//! How the CSV files are written: the field delimiter and the character encoding.
//!
//! * **Delimiter.** `,` (the default), `;` for Excel set to a European locale (where the comma is
//!   the decimal separator, so a double-clicked comma file lands in one column), tab, or `|`.
//! * **Encoding.** UTF-8 with a byte-order mark (the default: Excel then reads the text as
//!   UTF-8, not the local code page), UTF-8 without the mark (for import tools that would take
//!   the mark as part of the first column's name), or Windows-1252 for older importers that
//!   read only the Western code page. Windows-1252 holds Western European letters, `€` and
//!   typographic quotes, but not `Ł`, `ő`, Cyrillic, Greek or CJK: an export that has such a
//!   character is refused with the file, row and column of the first one
//!   ([`ExportError::Unencodable`](super::ExportError::Unencodable)), never written with `?`
//!   in a customer's name. The preview counts such cells before anything is written.

use encoding_rs::WINDOWS_1252;

/// The character encoding of the CSV files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum CsvEncoding {
    /// UTF-8 with a byte-order mark: what Excel opens correctly by double-click.
    #[default]
    Utf8Bom,
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// Windows-1252 (Western European), for old importers.
    Windows1252,
}

impl CsvEncoding {
    /// Every encoding, the default first.
    pub const ALL: [CsvEncoding; 3] = [
        CsvEncoding::Utf8Bom,
        CsvEncoding::Utf8,
        CsvEncoding::Windows1252,
    ];

    /// The name on the command line: `utf-8-bom`, `utf-8`, `windows-1252`.
    pub fn as_str(self) -> &'static str {
        match self {
            CsvEncoding::Utf8Bom => "utf-8-bom",
            CsvEncoding::Utf8 => "utf-8",
            CsvEncoding::Windows1252 => "windows-1252",
        }
    }

    /// The name on screen.
    pub fn label(self) -> &'static str {
        match self {
            CsvEncoding::Utf8Bom => "UTF-8 with BOM (Excel)",
            CsvEncoding::Utf8 => "UTF-8 without BOM",
            CsvEncoding::Windows1252 => "Windows-1252 (old importers)",
        }
    }

    /// The encoding named `text` (case and `_`/`-` do not matter; `cp1252`, `utf8` and
    /// `utf8bom` are understood too).
    pub fn parse(text: &str) -> Result<CsvEncoding, String> {
        let folded = text.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        match folded.as_str() {
            "utf-8-bom" | "utf8-bom" | "utf8bom" => Ok(CsvEncoding::Utf8Bom),
            "utf-8" | "utf8" => Ok(CsvEncoding::Utf8),
            "windows-1252" | "cp1252" | "cp-1252" => Ok(CsvEncoding::Windows1252),
            _ => Err(format!(
                "'{text}' is not an export encoding; use utf-8-bom, utf-8 or windows-1252"
            )),
        }
    }

    /// The first character of `text` this encoding cannot hold (only Windows-1252 has such).
    pub fn cannot_hold(self, text: &str) -> Option<char> {
        if self != CsvEncoding::Windows1252 || text.is_ascii() {
            return None;
        }
        let mut buffer = [0u8; 4];
        text.chars()
            .filter(|ch| !ch.is_ascii())
            .find(|ch| WINDOWS_1252.encode(ch.encode_utf8(&mut buffer)).2)
    }
}

/// The delimiters offered: the byte and its name on screen.
pub const DELIMITERS: [(u8, &str); 4] = [
    (b',', "Comma ,"),
    (b';', "Semicolon ; (European Excel)"),
    (b'\t', "Tab"),
    (b'|', "Pipe |"),
];

/// How to write the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExportOptions {
    /// The CSV field delimiter: `b','` (the default) or `b';'` for Excel set to a European
    /// locale; tab and `|` work too.
    pub csv_delimiter: u8,
    /// The CSV files' character encoding.
    pub encoding: CsvEncoding,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            csv_delimiter: b',',
            encoding: CsvEncoding::default(),
        }
    }
}

impl ExportOptions {
    /// Options with the delimiter given on the command line: one character among `,` `;` `|`
    /// or tab (also written `tab` or `\t`).
    pub fn with_delimiter(text: &str) -> Result<ExportOptions, String> {
        let delimiter = match text {
            "," => b',',
            ";" => b';',
            "|" => b'|',
            "\t" | "tab" | "\\t" => b'\t',
            other => {
                return Err(format!(
                    "'{other}' cannot separate CSV fields; use ',', ';', '|' or tab"
                ));
            }
        };
        Ok(ExportOptions {
            csv_delimiter: delimiter,
            ..ExportOptions::default()
        })
    }

    /// Options from the command line's `--csv-delimiter` and `--encoding`.
    pub fn parse(delimiter: &str, encoding: &str) -> Result<ExportOptions, String> {
        Ok(ExportOptions {
            encoding: CsvEncoding::parse(encoding)?,
            ..ExportOptions::with_delimiter(delimiter)?
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_parse_by_their_names() {
        for encoding in CsvEncoding::ALL {
            assert_eq!(CsvEncoding::parse(encoding.as_str()), Ok(encoding));
        }
        assert_eq!(CsvEncoding::parse("CP1252"), Ok(CsvEncoding::Windows1252));
        assert!(CsvEncoding::parse("latin-2").is_err());
    }

    #[test]
    fn windows_1252_holds_western_letters_and_the_euro_only() {
        let cp = CsvEncoding::Windows1252;
        assert_eq!(cp.cannot_hold("Müller & Söhne – 5 €, „Café“"), None);
        assert_eq!(cp.cannot_hold("Łódź Sp. z o.o."), Some('Ł'));
        assert_eq!(cp.cannot_hold("Győr"), Some('ő'));
        assert_eq!(CsvEncoding::Utf8.cannot_hold("Łódź"), None);
    }
}
