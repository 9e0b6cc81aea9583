//! Import of CRM and ERP exports (CSV and workbooks) into a [`Dataset`].
//!
//! [`import_file`] reads `path` or `path#Sheet`; [`import_bytes`] reads bytes already in memory.
//! Both find the format from the content (the name only breaks ties), the text encoding and
//! delimiter of text files, the header row (past title blocks, with a second header row of
//! localised labels skipped), and each column's role from the alias table in
//! `assets/column_aliases.tsv`; the user's `ROLE=COLUMN` overrides come last. Every cell stays
//! text exactly as exported; findings (footer junk, ragged rows, duplicate or empty ids, numbers
//! Excel rounded) become warnings with their rows.
//!
//! ```
//! use ledgerlink::core::import::import_bytes;
//! use ledgerlink::core::model::Role;
//! let csv = "Kundennummer;Firma;PLZ\n00042;Müller GmbH;01067\n";
//! let list = import_bytes("kunden.csv", csv.as_bytes(), None, &[]).unwrap();
//! assert_eq!(list.report.delimiter, Some(';'));
//! assert_eq!(list.value(0, Role::Id), Some("00042"));
//! assert_eq!(list.value(0, Role::Postcode), Some("01067"));
//! ```

mod budget;
mod cell;
mod checks;
mod columns;
mod csv;
mod decode;
mod detect;
mod error;
mod evidence;
mod footer;
mod numfmt;
mod odsscan;
mod records;
mod sheet;
mod sheetscan;
mod spec;
mod table;
mod text_records;
mod xlsbscan;
mod xmlscan;

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::core::model::{Dataset, ImportReport, ImportWarning};

pub use columns::detect_role;
pub use error::ImportError;
pub use spec::{ColumnOverride, ColumnRef, split_spec};

use self::csv::{HEAD_BYTES, TextSource, read_text};
use detect::{Format, Rejection, detect};
use table::Table;

/// Import `path` or `path#Sheet` (a `#` that is part of an existing file's name stays part of
/// the path), then apply the user's role overrides. Text files are streamed; workbooks are read
/// whole. A path that is not a regular file (a pipe such as `<(cat crm.csv)`, a FIFO,
/// `/dev/stdin`) is read exactly once into memory and never opened again.
pub fn import_file(spec: &str, overrides: &[ColumnOverride]) -> Result<Dataset, ImportError> {
    let (path_text, sheet) = split_spec(spec);
    let path = Path::new(&path_text);
    let io_error = |source: io::Error| ImportError::Io {
        file: path_text.clone(),
        source,
    };
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Err(ImportError::NotFound { file: path_text });
        }
        Err(error) => return Err(io_error(error)),
    };
    if metadata.is_dir() {
        return Err(ImportError::NotSpreadsheet {
            file: path_text,
            what: "a folder".to_string(),
        });
    }
    if !metadata.is_file() {
        // A pipe, a FIFO or /dev/stdin: it can be read once only, and its length is unknown.
        // Read it whole into memory, then sniff and parse from that buffer.
        let mut bytes = Vec::new();
        File::open(path)
            .and_then(|mut file| file.read_to_end(&mut bytes))
            .map_err(io_error)?;
        return import_bytes(&path_text, &bytes, sheet.as_deref(), overrides);
    }
    let total = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
    let mut head = Vec::with_capacity(HEAD_BYTES.min(total));
    File::open(path)
        .and_then(|file| file.take(HEAD_BYTES as u64).read_to_end(&mut head))
        .map_err(io_error)?;
    let format = check_format(&path_text, &head, head.len() >= total)?;
    if format == Format::Text {
        reject_sheet(&path_text, format, sheet.as_deref())?;
        let text = read_text(&path_text, TextSource::File(path), &head, total)?;
        return finish_text(&path_text, text, overrides);
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    import_workbook(&path_text, &bytes, format, sheet.as_deref(), overrides)
}

/// Import bytes already in memory; `name` (a file name) gives the messages their subject and
/// breaks ties between formats.
pub fn import_bytes(
    name: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    overrides: &[ColumnOverride],
) -> Result<Dataset, ImportError> {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let format = check_format(name, head, head.len() == bytes.len())?;
    if format == Format::Text {
        reject_sheet(name, format, sheet)?;
        let text = read_text(name, TextSource::Bytes(bytes), head, bytes.len())?;
        return finish_text(name, text, overrides);
    }
    import_workbook(name, bytes, format, sheet, overrides)
}

fn check_format(file: &str, head: &[u8], complete: bool) -> Result<Format, ImportError> {
    detect(file, head, complete).map_err(|rejection| match rejection {
        Rejection::Empty => ImportError::Empty {
            file: file.to_string(),
        },
        Rejection::NotSpreadsheet(what) => ImportError::NotSpreadsheet {
            file: file.to_string(),
            what,
        },
    })
}

fn reject_sheet(file: &str, format: Format, sheet: Option<&str>) -> Result<(), ImportError> {
    match sheet {
        Some(sheet) => Err(ImportError::NoSheets {
            file: file.to_string(),
            format: format.label().to_string(),
            sheet: sheet.to_string(),
        }),
        None => Ok(()),
    }
}

fn finish_text(
    file: &str,
    text: self::csv::TextTable,
    overrides: &[ColumnOverride],
) -> Result<Dataset, ImportError> {
    let report = ImportReport {
        file: file.to_string(),
        format: Format::Text.label().to_string(),
        encoding: Some(text.encoding.label().to_string()),
        delimiter: Some(char::from(text.delimiter)),
        ..ImportReport::default()
    };
    let Some(table) = text.table else {
        return Err(ImportError::NoData {
            file: file.to_string(),
            sheet: None,
        });
    };
    build_dataset(table, report, overrides)
}

fn import_workbook(
    file: &str,
    bytes: &[u8],
    format: Format,
    sheet: Option<&str>,
    overrides: &[ColumnOverride],
) -> Result<Dataset, ImportError> {
    let read = sheet::read_workbook(file, bytes, format, sheet)?;
    let Some(table) = read.table else {
        return Err(ImportError::NoData {
            file: file.to_string(),
            sheet: Some(read.sheet),
        });
    };
    let report = ImportReport {
        file: file.to_string(),
        format: format.label().to_string(),
        sheet: Some(read.sheet),
        sheets: read.sheets,
        ..ImportReport::default()
    };
    build_dataset(table, report, overrides)
}

/// Roles, overrides and id checks: the table becomes a [`Dataset`].
fn build_dataset(
    table: Table,
    mut report: ImportReport,
    overrides: &[ColumnOverride],
) -> Result<Dataset, ImportError> {
    let mut columns = columns::detect_columns(&table.header, table.labels.as_deref());
    if let Err(missing) = columns::apply_overrides(&mut columns, overrides) {
        return Err(ImportError::UnknownColumn {
            file: report.file,
            sheet: report.sheet,
            role: missing.wanted.role,
            column: missing.wanted.column,
            columns: columns.iter().map(|column| column.name.clone()).collect(),
        });
    }
    report.header_row = table.header_row;
    report.warnings = table.warnings;
    if table.cells.is_empty() {
        report.warnings.push(ImportWarning {
            row: Some(table.header_row),
            column: None,
            message: "the list has a header but no data rows".to_string(),
        });
    }
    let mut cells = table.cells;
    cells.shrink_to_fit();
    let mut source_rows = table.source_rows;
    source_rows.shrink_to_fit();
    report
        .warnings
        .extend(checks::id_warnings(&columns, &cells, &source_rows));
    Ok(Dataset {
        columns,
        cells,
        source_rows,
        report,
    })
}
