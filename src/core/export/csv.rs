//! CSV files as Excel and import tools expect them: UTF-8 with a byte-order mark (so Excel does
//! not read the text as the local code page), CRLF line ends, quotes only where needed, a comma
//! or another delimiter (`;` for Excel set to a European locale).
//!
//! **Formula injection.** A spreadsheet program runs a cell that begins with `=`, `+`, `-` or
//! `@` as a formula (and tab or carriage return can hide such a start), so a customer named
//! `=HYPERLINK("http://evil","click")` would become a live link in the finance head's Excel.
//! Following the OWASP advice, such a cell is written with a leading apostrophe, which Excel
//! shows as text. This also marks harmless values that begin with those characters, such as
//! the phone number `+49 30 123456` (written `'+49 30 123456`): the accepted price of the rule,
//! since the writer cannot tell a phone number from a formula that looks like one.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use super::atomic::write_atomically;
use super::error::ExportError;
use super::table::{Cell, Table};

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = "\u{feff}".as_bytes();

/// True when a spreadsheet would read `text` as the start of a formula.
pub fn is_formula_like(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
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

/// Write `table` to `path` atomically, with a BOM and `delimiter` between fields.
pub fn write_csv(table: &Table, path: &Path, delimiter: u8) -> Result<(), ExportError> {
    write_atomically(path, |out| {
        let failed = |source| ExportError::io(path, "write", source);
        out.write_all(BOM).map_err(failed)?;
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
        writer.flush().map_err(failed)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+49 30 123"), "'+49 30 123");
        assert_eq!(neutralise("-5"), "'-5");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\rx"), "'\rx");
        assert_eq!(neutralise("Acme = good"), "Acme = good");
        assert_eq!(neutralise("00123"), "00123");
        assert_eq!(neutralise(""), "");
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
        write_csv(&table, &path, b';').unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[BOM.len()..].to_vec()).unwrap();
        assert_eq!(text, "id;name;score\r\n007;\"A; B \"\"C\"\"\";0.5\r\n");
    }
}
