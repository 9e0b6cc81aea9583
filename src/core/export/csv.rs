//! CSV files as Excel and import tools expect them: UTF-8 with a byte-order mark (so Excel does
//! not read the text as the local code page), CRLF line ends, quotes only where needed, a comma
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

use super::atomic::write_atomically;
use super::error::ExportError;
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
        write_csv(&table, &path, b';').unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[BOM.len()..].to_vec()).unwrap();
        assert_eq!(text, "id;name;score\r\n007;\"A; B \"\"C\"\"\";0.5\r\n");
    }
}
