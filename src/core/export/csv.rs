//! CSV files as Excel and import tools expect them: UTF-8 with a byte-order mark by default (so
//! Excel does not read the text as the local code page; UTF-8 without it, or Windows-1252, on
//! request: see [`options`](super::options)), CRLF line ends, quotes only where needed, a comma
//! or another delimiter (`;` for Excel set to a European locale).
//!
//! **Formula injection.** A spreadsheet program runs a cell that begins with `=`, `+`, `-` or
//! `@` as a formula (and tab or carriage return can hide such a start), so a customer named
//! `=HYPERLINK("http://evil","click")` would become a live link in the finance head's Excel.
//! Such a cell is written with a leading apostrophe, which Excel shows as text. But these files
//! are meant for a CRM or ERP import, which stores the apostrophe as part of the value: so a
//! `+` or `-` followed by nothing but a plain number or phone number (digits, spaces, `( ) - /
//! . ,`: `+49 (711) 123-4`, `-0000100001`, `-12,50`) stays as it is. Without a letter, a
//! reference or a function such a cell cannot reach anything, even if a spreadsheet evaluates
//! it. Everything else starting like a formula is neutralised (DESIGN.md section 4).

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use encoding_rs::WINDOWS_1252;

use super::atomic::write_atomically;
use super::error::ExportError;
use super::options::{CsvEncoding, ExportOptions};
use super::table::{Cell, Table};

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = "\u{feff}".as_bytes();

/// True when a spreadsheet could run `text` as a formula: it starts with `=`, `@`, tab or
/// carriage return, or with `+` or `-` not followed by a plain number or phone number.
pub fn is_formula_like(text: &str) -> bool {
    if text.starts_with(['=', '@', '\t', '\r']) {
        return true;
    }
    match text.strip_prefix(['+', '-']) {
        Some(rest) => !is_plain_number_or_phone(rest),
        None => false,
    }
}

/// Digits with only spaces, brackets, dashes, slashes, dots and commas between them
/// (`49 (711) 123-4`, `0000100001`, `12,50`): nothing a formula could call or reference.
fn is_plain_number_or_phone(text: &str) -> bool {
    text.bytes().any(|byte| byte.is_ascii_digit())
        && text
            .bytes()
            .all(|byte| byte.is_ascii_digit() || b" ()-/.,".contains(&byte))
}

/// `text` made safe to open in a spreadsheet: a leading apostrophe when it begins like a
/// formula, otherwise unchanged.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if is_formula_like(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text of a cell as written to CSV (numbers are never neutralised: they are ours).
fn csv_field(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Text(text) => neutralise(text),
        other => Cow::Owned(other.to_text().into_owned()),
    }
}

/// A cell the chosen encoding cannot hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unencodable {
    /// The file (`links.csv`).
    pub file: &'static str,
    /// The data row, 1-based (0: the header).
    pub row: usize,
    /// The column's name.
    pub column: String,
    /// The cell's text.
    pub value: String,
    /// The first character the encoding lacks.
    pub character: char,
}

impl std::fmt::Display for Unencodable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let place = match self.row {
            0 => "header".to_string(),
            row => format!("row {row}"),
        };
        write!(
            f,
            "{}, {place}, column {}: Windows-1252 cannot hold '{}' in \"{}\"; \
             export as UTF-8, or correct the value in its system first",
            self.file, self.column, self.character, self.value
        )
    }
}

/// How many cells of `table` (header included) `encoding` cannot hold, and the first of them.
pub fn unencodable_cells(table: &Table, encoding: CsvEncoding) -> (usize, Option<Unencodable>) {
    if encoding != CsvEncoding::Windows1252 {
        return (0, None);
    }
    let header = table
        .header
        .iter()
        .enumerate()
        .map(|(column, name)| (0, column, name.as_str()));
    let cells = table.rows.iter().enumerate().flat_map(|(index, row)| {
        row.iter()
            .enumerate()
            .filter_map(move |(column, cell)| match cell {
                Cell::Text(text) => Some((index + 1, column, text.as_str())),
                _ => None,
            })
    });
    let (mut count, mut first) = (0, None);
    for (row, column, text) in header.chain(cells) {
        let Some(character) = encoding.cannot_hold(text) else {
            continue;
        };
        count += 1;
        first.get_or_insert_with(|| Unencodable {
            file: table.file_name,
            row,
            column: table.header.get(column).cloned().unwrap_or_default(),
            value: text.to_string(),
            character,
        });
    }
    (count, first)
}

/// Turns the UTF-8 the CSV writer produces into Windows-1252 on its way to the file (every
/// character was checked to fit first); a character split across two writes waits for its
/// rest.
struct Windows1252Writer<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Write for Windows1252Writer<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            Err(error) => error.valid_up_to(),
        };
        let text = std::str::from_utf8(&self.pending[..valid]).unwrap_or_default();
        let (bytes, _, _) = WINDOWS_1252.encode(text);
        self.inner.write_all(&bytes)?;
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Write `table` to `path` atomically, with `options`' delimiter and encoding (a byte-order
/// mark first for UTF-8 with BOM). A table with a character Windows-1252 cannot hold is
/// refused when that encoding is asked for, before anything is written.
pub fn write_csv(table: &Table, path: &Path, options: &ExportOptions) -> Result<(), ExportError> {
    if let (_, Some(first)) = unencodable_cells(table, options.encoding) {
        return Err(ExportError::Unencodable(first));
    }
    write_atomically(path, |out| {
        let failed = |source| ExportError::io(path, "write", source);
        match options.encoding {
            CsvEncoding::Utf8Bom => {
                out.write_all(BOM).map_err(failed)?;
                write_rows(table, path, options.csv_delimiter, out)
            }
            CsvEncoding::Utf8 => write_rows(table, path, options.csv_delimiter, out),
            CsvEncoding::Windows1252 => {
                let mut encoder = Windows1252Writer {
                    inner: out,
                    pending: Vec::new(),
                };
                write_rows(table, path, options.csv_delimiter, &mut encoder)
            }
        }
    })
}

/// The header and rows of `table` as CSV into `out`.
fn write_rows(
    table: &Table,
    path: &Path,
    delimiter: u8,
    out: &mut impl Write,
) -> Result<(), ExportError> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let csv_failed = |error: csv::Error| ExportError::io(path, "write", error.into());
    for name in &table.header {
        writer
            .write_field(neutralise(name).as_bytes())
            .map_err(csv_failed)?;
    }
    writer.write_record(None::<&[u8]>).map_err(csv_failed)?;
    for row in &table.rows {
        for cell in row {
            writer
                .write_field(csv_field(cell).as_bytes())
                .map_err(csv_failed)?;
        }
        writer.write_record(None::<&[u8]>).map_err(csv_failed)?;
    }
    writer
        .flush()
        .map_err(|source| ExportError::io(path, "write", source))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+SUM(A1)"), "'+SUM(A1)");
        assert_eq!(neutralise("-A1+B1"), "'-A1+B1");
        assert_eq!(neutralise("-1+cmd|' /C calc'!A0"), "'-1+cmd|' /C calc'!A0");
        assert_eq!(neutralise("+"), "'+");
        assert_eq!(neutralise("- "), "'- ");
        assert_eq!(neutralise("-1+1"), "'-1+1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\rx"), "'\rx");
        assert_eq!(neutralise("Acme = good"), "Acme = good");
        assert_eq!(neutralise("00123"), "00123");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn plain_numbers_and_phones_stay_as_exported() {
        for value in [
            "+49 (711) 123-4",
            "+49 40 1560",
            "-0000100001",
            "-5",
            "-12,50",
            "+1.5",
            "+44/20 7946 0958",
        ] {
            assert_eq!(neutralise(value), value);
        }
    }

    #[test]
    fn a_table_is_written_with_bom_and_delimiter() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let mut table = Table::with_header("t.csv", "T", &["id", "name", "score"]);
        table.push(vec![
            Cell::text("007"),
            Cell::text("A; B \"C\""),
            Cell::Number(0.5),
        ]);
        let options = ExportOptions {
            csv_delimiter: b';',
            ..ExportOptions::default()
        };
        write_csv(&table, &path, &options).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[BOM.len()..].to_vec()).unwrap();
        assert_eq!(text, "id;name;score\r\n007;\"A; B \"\"C\"\"\";0.5\r\n");
    }

    #[test]
    fn windows_1252_is_written_as_such_or_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let mut table = Table::with_header("t.csv", "T", &["id", "name"]);
        table.push(vec![Cell::text("1"), Cell::text("Müller – 5 €")]);
        let options = ExportOptions {
            encoding: CsvEncoding::Windows1252,
            ..ExportOptions::default()
        };
        write_csv(&table, &path, &options).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(bytes, b"id,name\r\n1,M\xfcller \x96 5 \x80\r\n");
        table.push(vec![Cell::text("2"), Cell::text("Łódź")]);
        let error = write_csv(&table, &path, &options).unwrap_err();
        assert!(
            error.to_string().contains("t.csv, row 2, column name"),
            "{error}"
        );
        assert!(error.is_bad_input());
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "the old file stays");
        assert_eq!(unencodable_cells(&table, options.encoding).0, 1);
    }
}
