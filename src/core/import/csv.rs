//! Delimited text: encoding sniffing (UTF-8 with or without BOM, UTF-16 LE/BE, Windows-1252
//! when the bytes are not UTF-8), delimiter sniffing among `,` `;` tab `|`, and a streaming
//! read of the records ([`super::text_records`]). A text that is not UTF-8 throughout is
//! weighed as a whole ([`super::evidence`]): mostly UTF-8 stays UTF-8 with the bad bytes
//! replaced and reported, otherwise the code page is guessed.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::error::ImportError;
use super::evidence;
use super::table::Table;
use super::text_records::{ReadMode, Records, read_records};

/// Bytes looked at to sniff the encoding and the delimiter.
pub(super) const HEAD_BYTES: usize = 64 * 1024;

const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Where the text comes from; it may be read more than once (a Windows-1252 file whose first
/// 64 KiB happen to be plain ASCII is read again once a non-UTF-8 byte turns up).
#[derive(Debug, Clone, Copy)]
pub(super) enum TextSource<'a> {
    /// A file on disk, streamed.
    File(&'a Path),
    /// Bytes in memory.
    Bytes(&'a [u8]),
}

impl<'a> TextSource<'a> {
    /// A reader from byte `skip` on.
    pub(super) fn open(self, skip: usize) -> io::Result<Box<dyn Read + 'a>> {
        match self {
            TextSource::File(path) => {
                let mut file = File::open(path)?;
                io::copy(&mut (&mut file).take(skip as u64), &mut io::sink())?;
                Ok(Box::new(file))
            }
            TextSource::Bytes(bytes) => Ok(Box::new(bytes.get(skip..).unwrap_or(&[]))),
        }
    }
}

/// The text encoding of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextEncoding {
    /// UTF-8 (plain ASCII included); `bom` when it starts with EF BB BF.
    Utf8 { bom: bool },
    /// UTF-16 little endian (Excel's "Unicode text").
    Utf16Le { bom: bool },
    /// UTF-16 big endian.
    Utf16Be { bom: bool },
    /// A single-byte (or East Asian legacy) code page, for bytes that are not UTF-8: the one
    /// [`guess_legacy`] finds most likely (Windows-1252 for Western Europe, Windows-1250 for
    /// Polish or Czech, Windows-1251 for Cyrillic, Shift_JIS ...).
    Legacy(&'static Encoding),
}

impl TextEncoding {
    /// The name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 { bom: false } => "UTF-8",
            TextEncoding::Utf8 { bom: true } => "UTF-8 BOM",
            TextEncoding::Utf16Le { bom: true } => "UTF-16LE BOM",
            TextEncoding::Utf16Le { bom: false } => "UTF-16LE",
            TextEncoding::Utf16Be { bom: true } => "UTF-16BE BOM",
            TextEncoding::Utf16Be { bom: false } => "UTF-16BE",
            TextEncoding::Legacy(encoding) => encoding.name(),
        }
    }

    /// Bytes of the byte-order mark.
    pub(super) fn bom_len(self) -> usize {
        match self {
            TextEncoding::Utf8 { bom: true } => 3,
            TextEncoding::Utf16Le { bom: true } | TextEncoding::Utf16Be { bom: true } => 2,
            _ => 0,
        }
    }

    /// The decoder to UTF-8, `None` for UTF-8 itself.
    pub(super) fn decoder(self) -> Option<&'static Encoding> {
        match self {
            TextEncoding::Utf8 { .. } => None,
            TextEncoding::Utf16Le { .. } => Some(UTF_16LE),
            TextEncoding::Utf16Be { .. } => Some(UTF_16BE),
            TextEncoding::Legacy(encoding) => Some(encoding),
        }
    }
}

/// The encoding of text starting with `head`; `complete` when `head` is the whole file.
pub(super) fn sniff_encoding(head: &[u8], complete: bool) -> TextEncoding {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return TextEncoding::Utf8 { bom: true };
    }
    if head.starts_with(&[0xFF, 0xFE]) {
        return TextEncoding::Utf16Le { bom: true };
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return TextEncoding::Utf16Be { bom: true };
    }
    if let Some(utf16) = utf16_without_bom(head) {
        return utf16;
    }
    match std::str::from_utf8(head) {
        Ok(_) => TextEncoding::Utf8 { bom: false },
        // Cut in the middle of a character at the end of the sample: still UTF-8.
        Err(error) if error.error_len().is_none() && !complete => TextEncoding::Utf8 { bom: false },
        Err(_) => TextEncoding::Legacy(guess_legacy(head)),
    }
}

/// The legacy code page `bytes` (not UTF-8) are most likely written in, by how natural the
/// text reads in each (chardetng, the detector Firefox uses); Windows-1252 when unsure.
pub(super) fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let (guess, _confident) = detector.guess_assess(None, false);
    if guess == encoding_rs::UTF_8 {
        WINDOWS_1252
    } else {
        guess
    }
}

/// UTF-16 without a byte order mark: most odd (LE) or even (BE) bytes are zero.
pub(super) fn utf16_without_bom(head: &[u8]) -> Option<TextEncoding> {
    let sample = &head[..head.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_high = sample
        .chunks_exact(2)
        .filter(|pair| pair[1] == 0 && pair[0] != 0)
        .count();
    let zero_low = sample
        .chunks_exact(2)
        .filter(|pair| pair[0] == 0 && pair[1] != 0)
        .count();
    if zero_high * 10 >= pairs * 7 {
        Some(TextEncoding::Utf16Le { bom: false })
    } else if zero_low * 10 >= pairs * 7 {
        Some(TextEncoding::Utf16Be { bom: false })
    } else {
        None
    }
}

/// The head of the text as UTF-8, for sniffing the delimiter.
fn decoded_head(head: &[u8], encoding: TextEncoding) -> Vec<u8> {
    let body = head.get(encoding.bom_len()..).unwrap_or(&[]);
    match encoding.decoder() {
        None => body.to_vec(),
        Some(decoder) => decoder
            .decode_without_bom_handling(body)
            .0
            .into_owned()
            .into_bytes(),
    }
}

/// The delimiter among `,` `;` tab `|` that splits the most lines of the sample into the same
/// number (at least two) of fields; ties go to the one giving more fields, then to the earlier
/// in that list. A comma when nothing splits (a one-column list).
pub(super) fn sniff_delimiter(sample: &[u8], complete: bool) -> u8 {
    let mut best = (0usize, 0usize, b',');
    for delimiter in DELIMITERS {
        let mut counts = field_counts(sample, delimiter);
        if !complete && counts.len() > 1 {
            counts.pop(); // probably cut short by the end of the sample
        }
        let Some((fields, lines)) = modal_count(&counts) else {
            continue;
        };
        if fields >= 2 && (lines, fields) > (best.0, best.1) {
            best = (lines, fields, delimiter);
        }
    }
    best.2
}

fn field_counts(sample: &[u8], delimiter: u8) -> Vec<usize> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(sample);
    let mut record = csv::ByteRecord::new();
    let mut counts = Vec::new();
    while let Ok(true) = reader.read_byte_record(&mut record) {
        if record.iter().any(|field| !field.is_empty()) {
            counts.push(record.len());
        }
        if counts.len() >= 200 {
            break;
        }
    }
    counts
}

/// The most frequent field count (larger wins a tie) and how many lines have it.
fn modal_count(counts: &[usize]) -> Option<(usize, usize)> {
    let mut sorted = counts.to_vec();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    for group in sorted.chunk_by(|a, b| a == b) {
        let candidate = (group[0], group.len());
        if best.is_none_or(|(fields, lines)| (candidate.1, candidate.0) >= (lines, fields)) {
            best = Some(candidate);
        }
    }
    best
}

/// A text table read from a file or bytes, with how it was read.
#[derive(Debug)]
pub(super) struct TextTable {
    /// Header, rows and warnings.
    pub table: Option<Table>,
    /// The encoding found.
    pub encoding: TextEncoding,
    /// The delimiter found.
    pub delimiter: u8,
}

/// Read delimited text. `head` is the start of the source (up to [`HEAD_BYTES`]), `total` its
/// full length in bytes.
pub(super) fn read_text(
    file: &str,
    source: TextSource<'_>,
    head: &[u8],
    total: usize,
) -> Result<TextTable, ImportError> {
    let complete = head.len() >= total;
    let sniffed = sniff_encoding(head, complete);
    let delimiter = sniff_delimiter(&decoded_head(head, sniffed), complete);
    let reserve = reserve_guess(head, total, sniffed);
    let read = |encoding, lossy| {
        let mode = ReadMode {
            encoding,
            delimiter,
            reserve,
            lossy,
        };
        read_records(file, source, mode)
    };
    if !matches!(sniffed, TextEncoding::Legacy(_))
        && let Records::Read(table) = read(sniffed, false)?
    {
        return Ok(TextTable {
            table,
            encoding: sniffed,
            delimiter,
        });
    }
    // Not UTF-8 throughout: weigh every non-ASCII byte of the text. Mostly valid UTF-8 stays
    // UTF-8 with the bad bytes replaced and reported; otherwise guess the code page.
    let io_error = |source: io::Error| ImportError::Io {
        file: file.to_string(),
        source,
    };
    let evidence = evidence::weigh(source.open(0).map_err(io_error)?).map_err(io_error)?;
    let (encoding, lossy) = if evidence.mostly_utf8() {
        let bom = matches!(sniffed, TextEncoding::Utf8 { bom: true });
        (TextEncoding::Utf8 { bom }, true)
    } else {
        (TextEncoding::Legacy(guess_legacy(&evidence.sample)), false)
    };
    let table = read(encoding, lossy)?.table();
    Ok(TextTable {
        table,
        encoding,
        delimiter,
    })
}

/// Rows and text bytes to reserve, guessed from the average line length of the head.
fn reserve_guess(head: &[u8], total: usize, encoding: TextEncoding) -> (usize, usize) {
    let lines = memchr::memchr_iter(b'\n', head).count().max(1);
    let rows = total / (head.len() / lines).max(1);
    let text = match encoding {
        TextEncoding::Utf16Le { .. } | TextEncoding::Utf16Be { .. } => total / 2,
        _ => total,
    };
    (rows + rows / 16, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_apart() {
        assert_eq!(
            sniff_encoding(b"\xEF\xBB\xBFa,b", true),
            TextEncoding::Utf8 { bom: true }
        );
        assert_eq!(
            sniff_encoding(b"\xFF\xFEa\0", true),
            TextEncoding::Utf16Le { bom: true }
        );
        assert_eq!(
            sniff_encoding(b"\xFE\xFF\0a", true),
            TextEncoding::Utf16Be { bom: true }
        );
        assert_eq!(
            sniff_encoding("Müller".as_bytes(), true),
            TextEncoding::Utf8 { bom: false }
        );
        assert_eq!(
            sniff_encoding(b"M\xfcller GmbH;Stra\xdfe 5;K\xf6ln", true),
            TextEncoding::Legacy(WINDOWS_1252)
        );
        // Polish firm names in Windows-1250 (Comarch, Symfonia exports).
        let polish = b"Przedsi\xeabiorstwo Handlowe \xa3\xf3d\xbc Sp. z o.o.;\xa3\xf3d\xbc;ul. \xaf\xf3\xb3kiewskiego 5\nZak\xb3ad Us\xb3ug \x8cl\xb9skich;Katowice;ul. Ko\x9cciuszki 12\n";
        assert_eq!(
            sniff_encoding(polish, true),
            TextEncoding::Legacy(encoding_rs::WINDOWS_1250)
        );
        // A UTF-8 character cut at the end of the sample does not make it Windows-1252.
        assert_eq!(
            sniff_encoding(b"M\xc3", false),
            TextEncoding::Utf8 { bom: false }
        );
        assert_eq!(
            sniff_encoding(b"a\0,\0b\0\r\0\n\0", true),
            TextEncoding::Utf16Le { bom: false }
        );
    }

    #[test]
    fn delimiters_are_sniffed_despite_decimal_commas_and_quotes() {
        let sage =
            "Kundennummer;Firma;Saldo\n10001;Müller GmbH;1.234,56\n10002;\"Bäcker; Söhne\";0,00\n";
        assert_eq!(sniff_delimiter(sage.as_bytes(), true), b';');
        let salesforce = "\"Account Name\",\"Billing Street\"\n\"A; B\",\"Main St 1\nFloor 2\"\n";
        assert_eq!(sniff_delimiter(salesforce.as_bytes(), true), b',');
        assert_eq!(sniff_delimiter(b"a\tb\tc\n1\t2\t3\n", true), b'\t');
        assert_eq!(sniff_delimiter(b"a|b\n1|2\n", true), b'|');
        assert_eq!(sniff_delimiter(b"name\nAcme\n", true), b',');
    }

    #[test]
    fn a_late_non_utf8_byte_switches_to_windows_1252() {
        let mut text = b"id;name\n".to_vec();
        for index in 0..5000 {
            text.extend_from_slice(format!("{index};Plain Name\n").as_bytes());
        }
        text.extend_from_slice(b"5000;M\xfcller\n");
        let head = &text[..HEAD_BYTES.min(text.len())];
        let read = read_text("t.csv", TextSource::Bytes(&text), head, text.len()).unwrap();
        assert_eq!(read.encoding, TextEncoding::Legacy(WINDOWS_1252));
        let table = read.table.unwrap();
        assert_eq!(table.cells.len(), 5001);
        assert_eq!(table.cells.cell(5000, 1), "Müller");
    }

    #[test]
    fn quoted_fields_keep_newlines_and_doubled_quotes() {
        let text = "id,name,street\n\"00042\",\"Acme \"\"Best\"\" Ltd\",\"Hauptstr. 5\nHinterhaus\"\n7,B,C\n";
        let read = read_text(
            "t.csv",
            TextSource::Bytes(text.as_bytes()),
            text.as_bytes(),
            text.len(),
        )
        .unwrap();
        let table = read.table.unwrap();
        assert_eq!(table.cells.cell(0, 0), "00042");
        assert_eq!(table.cells.cell(0, 1), "Acme \"Best\" Ltd");
        assert_eq!(table.cells.cell(0, 2), "Hauptstr. 5\nHinterhaus");
        assert_eq!(table.source_rows, [2, 4]);
    }
}
