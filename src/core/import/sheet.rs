//! Workbooks (xlsx, xlsm, xlsb, xls, ods) through calamine: pick the sheet (named, or the first
//! sheet with data), turn every cell into text without damage, and feed the rows to a
//! [`TableBuilder`].

use std::io::Cursor;

use calamine::{
    Data, Ods, OdsError, Range, Reader, SheetVisible, Sheets, Xls, XlsError, Xlsb, XlsbError, Xlsx,
    XlsxError, open_workbook_from_rs,
};

use crate::core::model::ImportWarning;

use crate::core::guard::catch_parser_panic;

use super::budget::{self, WorkbookScan};
use super::cell::{column_letters, write_cell};
use super::detect::{Format, is_encrypted_ooxml};
use super::error::ImportError;
use super::numfmt::Padding;
use super::table::{Table, TableBuilder};
use super::xlsbscan;

/// Warnings about rounded numbers listed one by one before the rest are counted.
const ROUNDED_WARNINGS: usize = 20;

/// A sheet read from a workbook.
#[derive(Debug)]
pub(super) struct SheetTable {
    /// Header, rows and warnings; `None` when the sheet has no value.
    pub table: Option<Table>,
    /// The sheet read.
    pub sheet: String,
    /// Every sheet of the workbook, in order.
    pub sheets: Vec<String>,
}

/// Read `sheet` (or the first sheet with data) of a workbook held in `bytes`.
pub(super) fn read_workbook(
    file: &str,
    bytes: &[u8],
    format: Format,
    sheet: Option<&str>,
) -> Result<SheetTable, ImportError> {
    if is_encrypted_ooxml(bytes) {
        return Err(ImportError::PasswordProtected {
            file: file.to_string(),
        });
    }
    // calamine is a parser of untrusted files: a panic inside it must become an error, not a
    // crash of the whole application.
    let attempt = catch_parser_panic(|| read_guarded(file, bytes, format, sheet));
    attempt.unwrap_or_else(|| {
        Err(ImportError::Corrupt {
            file: file.to_string(),
            format: format.label().to_string(),
            detail: "the reader stopped on malformed content".to_string(),
        })
    })
}

fn read_guarded(
    file: &str,
    bytes: &[u8],
    format: Format,
    sheet: Option<&str>,
) -> Result<SheetTable, ImportError> {
    // Before calamine allocates anything: refuse a workbook bomb, find padded numbers.
    let scan = budget::scan_workbook(file, bytes, format)?;
    let mut workbook = open(file, bytes, format)?;
    let sheets = workbook.sheet_names();
    let (name, range) = match sheet {
        Some(wanted) => {
            let name = sheets
                .iter()
                .find(|name| name.as_str() == wanted)
                .or_else(|| sheets.iter().find(|name| name.eq_ignore_ascii_case(wanted)))
                .ok_or_else(|| ImportError::UnknownSheet {
                    file: file.to_string(),
                    sheet: wanted.to_string(),
                    sheets: sheets.clone(),
                })?
                .clone();
            let range = sheet_range(&mut workbook, file, &name, &scan)?;
            (name, range)
        }
        None => first_sheet_with_data(&mut workbook, file, &sheets, &scan)?,
    };
    let table = table_from_range(file, &name, &range, scan.padding(&name))?;
    Ok(SheetTable {
        table,
        sheet: name,
        sheets,
    })
}

fn open<'a>(
    file: &str,
    bytes: &'a [u8],
    format: Format,
) -> Result<Sheets<Cursor<&'a [u8]>>, ImportError> {
    let cursor = Cursor::new(bytes);
    let password = || ImportError::PasswordProtected {
        file: file.to_string(),
    };
    let corrupt = |detail: String| ImportError::Corrupt {
        file: file.to_string(),
        format: format.label().to_string(),
        detail,
    };
    match format {
        Format::Xlsx | Format::Xlsm => match open_workbook_from_rs::<Xlsx<_>, _>(cursor) {
            Ok(book) => Ok(Sheets::Xlsx(book)),
            Err(XlsxError::Password) => Err(password()),
            Err(error) => Err(corrupt(error.to_string())),
        },
        Format::Xlsb => match open_workbook_from_rs::<Xlsb<_>, _>(cursor) {
            Ok(book) => Ok(Sheets::Xlsb(book)),
            Err(XlsbError::Password) => Err(password()),
            Err(error) => Err(corrupt(error.to_string())),
        },
        Format::Xls => match open_workbook_from_rs::<Xls<_>, _>(cursor) {
            Ok(book) => Ok(Sheets::Xls(book)),
            Err(XlsError::Password) => Err(password()),
            Err(error) => Err(corrupt(error.to_string())),
        },
        Format::Ods => match open_workbook_from_rs::<Ods<_>, _>(cursor) {
            Ok(book) => Ok(Sheets::Ods(book)),
            Err(OdsError::Password) => Err(password()),
            Err(error) => Err(corrupt(error.to_string())),
        },
        Format::Text => Err(corrupt("not a workbook".to_string())),
    }
}

fn sheet_range(
    workbook: &mut Sheets<Cursor<&[u8]>>,
    file: &str,
    name: &str,
    scan: &WorkbookScan,
) -> Result<Range<Data>, ImportError> {
    scan.check(file, name)?;
    xlsbscan::check_xlsb(workbook, file, name)?;
    workbook
        .worksheet_range(name)
        .map_err(|error| ImportError::Sheet {
            file: file.to_string(),
            sheet: name.to_string(),
            detail: error.to_string(),
        })
}

/// The first visible sheet holding a value (then the first hidden one); the first sheet when
/// all are empty.
fn first_sheet_with_data(
    workbook: &mut Sheets<Cursor<&[u8]>>,
    file: &str,
    sheets: &[String],
    scan: &WorkbookScan,
) -> Result<(String, Range<Data>), ImportError> {
    let hidden: Vec<String> = workbook
        .sheets_metadata()
        .iter()
        .filter(|sheet| sheet.visible != SheetVisible::Visible)
        .map(|sheet| sheet.name.clone())
        .collect();
    let (visible, hidden): (Vec<&String>, Vec<&String>) =
        sheets.iter().partition(|name| !hidden.contains(name));
    for name in visible.into_iter().chain(hidden) {
        let range = sheet_range(workbook, file, name, scan)?;
        if range.used_cells().any(|(_, _, value)| !is_blank(value)) {
            return Ok((name.clone(), range));
        }
    }
    let Some(first) = sheets.first() else {
        return Err(ImportError::NoData {
            file: file.to_string(),
            sheet: None,
        });
    };
    Ok((first.clone(), Range::empty()))
}

fn is_blank(value: &Data) -> bool {
    match value {
        Data::Empty => true,
        Data::String(text) => text.trim().is_empty(),
        _ => false,
    }
}

/// Feed the rows of a sheet to a builder; rows and columns in messages are the sheet's own.
fn table_from_range(
    file: &str,
    sheet: &str,
    range: &Range<Data>,
    padding: Option<&Padding>,
) -> Result<Option<Table>, ImportError> {
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let (height, width) = range.get_size();
    let mut builder = TableBuilder::new(false, (height, 0));
    let mut cells: Vec<String> = vec![String::new(); width];
    let mut rounded: Vec<ImportWarning> = Vec::new();
    let mut rounded_total = 0usize;
    let mut mixed = MixedPadding::new(width);
    for (offset, values) in range.rows().enumerate() {
        let row = first_row as usize + offset + 1;
        for (index, (value, cell)) in values.iter().zip(cells.iter_mut()).enumerate() {
            cell.clear();
            if write_cell(value, cell) {
                rounded_total += 1;
                if rounded.len() < ROUNDED_WARNINGS {
                    rounded.push(rounded_warning(row, index, first_column as usize, cell));
                }
            }
            if let (Some(padding), Data::Float(_) | Data::Int(_)) = (padding, value) {
                let at = (row as u32 - 1, first_column + index as u32);
                let padded = padding.apply(at.0, at.1, cell);
                mixed.note(index, row, padded);
            }
        }
        builder
            .push(row, &cells[..])
            .map_err(|source| ImportError::TooLarge {
                file: file.to_string(),
                source,
            })?;
    }
    let Some(mut table) = builder.finish().map_err(|source| ImportError::TooLarge {
        file: file.to_string(),
        source,
    })?
    else {
        return Ok(None);
    };
    table.warnings.extend(rounded);
    table
        .warnings
        .extend(mixed.warnings(sheet, first_column as usize));
    if rounded_total > ROUNDED_WARNINGS {
        table.warnings.push(ImportWarning {
            row: None,
            column: None,
            message: format!(
                "sheet '{sheet}': {} more cells hold numbers too long to be exact",
                rounded_total - ROUNDED_WARNINGS
            ),
        });
    }
    Ok(Some(table))
}

fn rounded_warning(row: usize, index: usize, first_column: usize, text: &str) -> ImportWarning {
    ImportWarning {
        row: Some(row),
        column: Some(index + 1),
        message: format!(
            "cell {}{row} holds the number {text}, longer than the 15 digits Excel keeps: \
             it was probably rounded (a long id typed as a number); export that column as text",
            column_letters(first_column + index)
        ),
    }
}

/// Columns where some numbers carry a zero-padding format and others do not: an id column
/// whose numbers were typed by hand beside imported ones, worth a look before the export.
struct MixedPadding {
    /// Per column: the first row of a padded number and of an unpadded one.
    columns: Vec<(Option<usize>, Option<usize>)>,
}

impl MixedPadding {
    fn new(width: usize) -> Self {
        MixedPadding {
            columns: vec![(None, None); width],
        }
    }

    fn note(&mut self, column: usize, row: usize, padded: bool) {
        if let Some(seen) = self.columns.get_mut(column) {
            let slot = if padded { &mut seen.0 } else { &mut seen.1 };
            slot.get_or_insert(row);
        }
    }

    fn warnings(&self, sheet: &str, first_column: usize) -> Vec<ImportWarning> {
        let mut warnings = Vec::new();
        for (index, seen) in self.columns.iter().enumerate() {
            if let (Some(padded), Some(plain)) = *seen {
                let letters = column_letters(first_column + index);
                warnings.push(ImportWarning {
                    row: Some(plain),
                    column: Some(index + 1),
                    message: format!(
                        "sheet '{sheet}', column {letters}: numbers are shown with leading zeros \
                         (from row {padded}) but not in {letters}{plain} and maybe others; if \
                         this is an id column, check those ids in the source system"
                    ),
                });
            }
        }
        warnings
    }
}
