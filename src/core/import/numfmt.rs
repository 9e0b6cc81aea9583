//! Zero-padding number formats. An SAP or Sage workbook stores customer number `100045` as a
//! number with the format `0000000000`, and postcode `1067` with `00000`: Excel shows
//! `0000100045` and `01067`, and that is the value the other system knows. calamine only tells
//! dates from other formats, so the scan of the workbook's own styles ([`super::sheetscan`] for
//! `xl/styles.xml`, [`super::odsscan`] for ODS `number:min-integer-digits`) finds the cells
//! whose format pads with zeros, and [`Padding::apply`] writes their numbers the same way.

use std::collections::HashMap;

/// The zero-padded number cells of one sheet: the width of each, by 0-based (row, column).
#[derive(Debug, Default, Clone)]
pub(super) struct Padding {
    cells: HashMap<(u32, u32), u8>,
}

impl Padding {
    /// Note that the cell at 0-based `row`, `column` pads its number to `width` digits.
    pub fn insert(&mut self, row: u32, column: u32, width: u8) {
        self.cells.insert((row, column), width);
    }

    /// True when no cell is padded.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The width of the cell, when its format pads.
    pub fn width(&self, row: u32, column: u32) -> Option<u8> {
        self.cells.get(&(row, column)).copied()
    }

    /// Pad `text`, the whole number of a cell, to the cell's width. Returns true when the cell
    /// has a padding format (whether or not the number needed zeros).
    pub fn apply(&self, row: u32, column: u32, text: &mut String) -> bool {
        let Some(width) = self.width(row, column) else {
            return false;
        };
        let digits_start = usize::from(text.starts_with('-'));
        let digits = &text[digits_start..];
        if !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit()) {
            let missing = usize::from(width).saturating_sub(digits.len());
            text.insert_str(digits_start, &"0".repeat(missing));
        }
        true
    }
}

/// The width of a number format that pads whole numbers with zeros (`00000` -> 5), from its
/// first section; `None` for any other format (`0`, `0.00`, `#,##0`, dates ...).
pub(super) fn padding_width(code: &str) -> Option<u8> {
    let first = code.split(';').next().unwrap_or("");
    let first = first.trim_matches('"');
    let zeros = first.len();
    if (2..=40).contains(&zeros) && first.bytes().all(|byte| byte == b'0') {
        u8::try_from(zeros).ok()
    } else {
        None
    }
}

/// `&amp;` and the other four predefined XML entities replaced (attribute values).
pub(super) fn unescape(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    if !text.contains('&') {
        return text.into_owned();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_zero_padding_formats_count() {
        assert_eq!(padding_width("0000000000"), Some(10));
        assert_eq!(padding_width("00000;-00000"), Some(5));
        assert_eq!(padding_width("0"), None);
        assert_eq!(padding_width("0.00"), None);
        assert_eq!(padding_width("#,##0"), None);
        assert_eq!(padding_width("yyyy-mm-dd"), None);
    }

    #[test]
    fn numbers_are_padded_to_the_width() {
        let mut padding = Padding::default();
        padding.insert(1, 0, 10);
        let mut text = "100045".to_string();
        assert!(padding.apply(1, 0, &mut text));
        assert_eq!(text, "0000100045");
        let mut long = "12345678901".to_string();
        assert!(padding.apply(1, 0, &mut long));
        assert_eq!(long, "12345678901");
        let mut other = "1067".to_string();
        assert!(!padding.apply(2, 0, &mut other));
        assert_eq!(other, "1067");
    }
}
