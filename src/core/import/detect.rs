//! What kind of file this is, from its first bytes and its name: delimited text, one of the
//! workbook formats, or something that is neither (an image, a PDF, an HTML page ...).

use std::path::Path;

use memchr::memmem;

use super::csv::utf16_without_bom;

/// A format Ledgerlink reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    /// Delimited text (CSV, TSV, Excel "Unicode text" ...).
    Text,
    /// Office Open XML workbook.
    Xlsx,
    /// Office Open XML workbook with macros.
    Xlsm,
    /// Excel binary workbook.
    Xlsb,
    /// Excel 97-2003 workbook (an OLE compound file).
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
}

impl Format {
    /// The name shown to the user (`csv` for every text file).
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "csv",
            Format::Xlsx => "xlsx",
            Format::Xlsm => "xlsm",
            Format::Xlsb => "xlsb",
            Format::Xls => "xls",
            Format::Ods => "ods",
        }
    }
}

/// Why a file is not read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Rejection {
    /// No bytes, or only white space.
    Empty,
    /// Something else than a spreadsheet or text; says what it looks like.
    NotSpreadsheet(String),
}

const ZIP_MAGIC: [&[u8]; 3] = [b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"];
/// The OLE compound file signature (xls, and encrypted xlsx/xlsb).
pub(super) const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The format of a file named `name` that starts with `head`; `complete` when `head` is the
/// whole file.
pub(super) fn detect(name: &str, head: &[u8], complete: bool) -> Result<Format, Rejection> {
    if head.is_empty() || (complete && head.iter().all(|byte| byte.is_ascii_whitespace())) {
        return Err(Rejection::Empty);
    }
    let extension = Path::new(name)
        .extension()
        .and_then(|extension| extension.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ZIP_MAGIC.iter().any(|magic| head.starts_with(magic)) {
        return zip_format(&extension, head);
    }
    if head.starts_with(CFB_MAGIC) {
        // xls, or an encrypted OOXML workbook: told apart once the whole file is read.
        return Ok(Format::Xls);
    }
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return Ok(Format::Text);
    }
    if let Some(what) = foreign_format(head) {
        return Err(Rejection::NotSpreadsheet(what.to_string()));
    }
    if utf16_without_bom(head).is_some() {
        return Ok(Format::Text);
    }
    if looks_binary(head) {
        return Err(Rejection::NotSpreadsheet(
            "binary data, not text".to_string(),
        ));
    }
    Ok(Format::Text)
}

/// A zip container: a workbook by its extension, else by the names of its first entries.
fn zip_format(extension: &str, head: &[u8]) -> Result<Format, Rejection> {
    match extension {
        "xlsx" => return Ok(Format::Xlsx),
        "xlsm" => return Ok(Format::Xlsm),
        "xlsb" => return Ok(Format::Xlsb),
        "ods" => return Ok(Format::Ods),
        _ => {}
    }
    let contains = |needle: &[u8]| memmem::find(head, needle).is_some();
    if contains(b"application/vnd.oasis.opendocument.spreadsheet") {
        Ok(Format::Ods)
    } else if contains(b"xl/workbook.bin") {
        Ok(Format::Xlsb)
    } else if contains(b"xl/") || contains(b"[Content_Types].xml") {
        Ok(Format::Xlsx)
    } else if contains(b"word/") {
        Err(Rejection::NotSpreadsheet("a Word document".to_string()))
    } else if contains(b"ppt/") {
        Err(Rejection::NotSpreadsheet(
            "a PowerPoint presentation".to_string(),
        ))
    } else {
        Err(Rejection::NotSpreadsheet("a zip archive".to_string()))
    }
}

/// Well-known signatures of files that are not lists.
fn foreign_format(head: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 14] = [
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (b"\x7FELF", "a program"),
        (b"MZ\x90\0", "a Windows program"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (b"{\\rtf", "an RTF document"),
    ];
    if let Some((_, what)) = SIGNATURES.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(what);
    }
    let start: Vec<u8> = head
        .iter()
        .skip_while(|byte| {
            byte.is_ascii_whitespace() || **byte == 0xEF || **byte == 0xBB || **byte == 0xBF
        })
        .take(512)
        .map(u8::to_ascii_lowercase)
        .collect();
    let contains = |needle: &[u8]| memmem::find(&start, needle).is_some();
    if start.starts_with(b"<?xml") && contains(b"urn:schemas-microsoft-com:office:spreadsheet") {
        return Some("an Excel 2003 XML spreadsheet; save it as .xlsx");
    }
    if start.starts_with(b"<!doctype html") || start.starts_with(b"<html") || contains(b"<table") {
        return Some(
            "an HTML page, as some systems save under an .xls name; export as CSV or XLSX instead",
        );
    }
    None
}

/// Zero bytes or many control characters: not text.
fn looks_binary(head: &[u8]) -> bool {
    let sample = &head[..head.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&byte| byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A))
        .count();
    controls * 100 > sample.len()
}

/// An encrypted Office Open XML workbook: an OLE compound file holding the `EncryptionInfo`
/// and `EncryptedPackage` streams (their names are stored in UTF-16LE).
pub(super) fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let utf16 = |name: &str| -> Vec<u8> {
        name.encode_utf16()
            .flat_map(|unit| unit.to_le_bytes())
            .collect()
    };
    bytes.starts_with(CFB_MAGIC)
        && (memmem::find(bytes, &utf16("EncryptionInfo")).is_some()
            || memmem::find(bytes, &utf16("EncryptedPackage")).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_workbooks_are_recognised() {
        assert_eq!(detect("a.csv", b"id,name\n1,A\n", true), Ok(Format::Text));
        assert_eq!(detect("a.txt", b"\xFF\xFEi\0d\0", true), Ok(Format::Text));
        assert_eq!(detect("a.xlsx", b"PK\x03\x04rest", false), Ok(Format::Xlsx));
        assert_eq!(
            detect("a.bin", b"PK\x03\x04..xl/workbook.xml", false),
            Ok(Format::Xlsx)
        );
        assert_eq!(detect("a.xls", CFB_MAGIC, false), Ok(Format::Xls));
    }

    #[test]
    fn other_files_are_named_for_what_they_are() {
        let png = detect("logo.csv", b"\x89PNG\r\n\x1a\nIHDR", false);
        assert_eq!(
            png,
            Err(Rejection::NotSpreadsheet("a PNG image".to_string()))
        );
        assert!(matches!(
            detect("x.pdf", b"%PDF-1.7", false),
            Err(Rejection::NotSpreadsheet(_))
        ));
        assert!(matches!(
            detect("report.xls", b"<html><body><table>", true),
            Err(Rejection::NotSpreadsheet(what)) if what.contains("HTML")
        ));
        assert_eq!(detect("e.csv", b"", true), Err(Rejection::Empty));
        assert_eq!(detect("e.csv", b" \r\n ", true), Err(Rejection::Empty));
        assert!(matches!(
            detect("b.csv", b"\x01\x02\x03\x04\x05abc", true),
            Err(Rejection::NotSpreadsheet(_))
        ));
    }
}
