//! [`ImportError`]: why a file could not be imported, naming the file (and the sheet, row and
//! column where they apply).

use std::fmt;

use crate::core::model::Role;

use super::spec::ColumnRef;

/// Why a file could not be imported. `Display` always names the file, and the sheet, row and
/// column where they apply; the command line maps every variant to exit code 2 (bad input).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file does not exist.
    #[error("{file}: no such file")]
    NotFound {
        /// The file as given.
        file: String,
    },
    /// The file exists but could not be read.
    #[error("{file}: cannot read the file: {source}")]
    Io {
        /// The file as given.
        file: String,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file holds no bytes (or only white space).
    #[error("{file}: the file is empty")]
    Empty {
        /// The file as given.
        file: String,
    },
    /// The file is neither a spreadsheet nor text (an image, a PDF, a program ...).
    #[error("{file}: not a spreadsheet or text file ({what}); export the list as CSV or XLSX")]
    NotSpreadsheet {
        /// The file as given.
        file: String,
        /// What the file looks like instead, e.g. "a PNG image".
        what: String,
    },
    /// The workbook is encrypted with a password.
    #[error(
        "{file}: the workbook is password-protected; open it, save an unprotected copy and \
         import that"
    )]
    PasswordProtected {
        /// The file as given.
        file: String,
    },
    /// The workbook (or its zip container) is damaged or not what its name says.
    #[error("{file}: the {format} workbook is damaged or incomplete ({detail})")]
    Corrupt {
        /// The file as given.
        file: String,
        /// The format it was read as (`xlsx`, `xls` ...).
        format: String,
        /// The reader's own words.
        detail: String,
    },
    /// `book.xlsx#Sheet` names a sheet the workbook does not have.
    #[error("{file}: no sheet named '{sheet}'; the sheets are: {}", quoted_list(.sheets))]
    UnknownSheet {
        /// The file as given.
        file: String,
        /// The sheet asked for.
        sheet: String,
        /// The sheets that exist, in order.
        sheets: Vec<String>,
    },
    /// A sheet was named for a text file, which has none.
    #[error("{file}: a {format} file has no sheets, so '#{sheet}' cannot be read")]
    NoSheets {
        /// The file as given.
        file: String,
        /// The file's format.
        format: String,
        /// The sheet asked for.
        sheet: String,
    },
    /// A sheet could not be read.
    #[error("{file}, sheet '{sheet}': cannot read the sheet ({detail})")]
    Sheet {
        /// The file as given.
        file: String,
        /// The sheet.
        sheet: String,
        /// The reader's own words.
        detail: String,
    },
    /// The file (or the chosen sheet) holds no table: no row with a value.
    #[error("{file}{}: no data found (every row is empty)", sheet_suffix(.sheet))]
    NoData {
        /// The file as given.
        file: String,
        /// The sheet, for workbooks.
        sheet: Option<String>,
    },
    /// A `ROLE=COLUMN` override names a column the file does not have.
    #[error(
        "{file}{}: {role}={column}: no such column; the columns are: {}",
        sheet_suffix(.sheet),
        numbered_list(.columns)
    )]
    UnknownColumn {
        /// The file as given.
        file: String,
        /// The sheet, for workbooks.
        sheet: Option<String>,
        /// The role being assigned.
        role: Role,
        /// The column as the user wrote it.
        column: ColumnRef,
        /// The header names that exist, in order.
        columns: Vec<String>,
    },
    /// The list is too large for one table (more than 4 GiB of text).
    #[error("{file}: {source}")]
    TooLarge {
        /// The file as given.
        file: String,
        /// The store's reason.
        source: crate::core::model::CellStoreFull,
    },
    /// A quote opened and never closed: the rest of the file would be one cell.
    #[error(
        "{file}, line {line}, field {field}: a quote opens here and is never closed, so the \
         rest of the file would be read as one cell; close or remove the quote"
    )]
    UnclosedQuote {
        /// The file as given.
        file: String,
        /// The 1-based line of the opening quote.
        line: u64,
        /// The 1-based field (column) it opens.
        field: usize,
    },
    /// A workbook sheet larger than the memory budget of an import (a "bomb": a tiny file
    /// claiming a huge range, huge strings or millions of repeated rows).
    #[error(
        "{file}{}: {what}; the workbook is refused to protect the computer's memory \
         (export the list again, or as CSV)",
        sheet_suffix(.sheet)
    )]
    OverBudget {
        /// The file as given.
        file: String,
        /// The sheet, when the excess is in one.
        sheet: Option<String>,
        /// What exceeds the budget, with the limit.
        what: String,
    },
}

impl ImportError {
    /// The file the error is about, as the user gave it.
    pub fn file(&self) -> &str {
        match self {
            ImportError::NotFound { file }
            | ImportError::Io { file, .. }
            | ImportError::Empty { file }
            | ImportError::NotSpreadsheet { file, .. }
            | ImportError::PasswordProtected { file }
            | ImportError::Corrupt { file, .. }
            | ImportError::UnknownSheet { file, .. }
            | ImportError::NoSheets { file, .. }
            | ImportError::Sheet { file, .. }
            | ImportError::NoData { file, .. }
            | ImportError::UnknownColumn { file, .. }
            | ImportError::TooLarge { file, .. }
            | ImportError::UnclosedQuote { file, .. }
            | ImportError::OverBudget { file, .. } => file,
        }
    }
}

fn quoted_list(names: &[String]) -> String {
    if names.is_empty() {
        return "(none)".to_string();
    }
    let quoted: Vec<String> = names.iter().map(|name| format!("'{name}'")).collect();
    quoted.join(", ")
}

fn numbered_list(names: &[String]) -> String {
    let numbered: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(index, name)| format!("{} '{name}'", index + 1))
        .collect();
    numbered.join(", ")
}

fn sheet_suffix(sheet: &Option<String>) -> String {
    match sheet {
        Some(sheet) => format!(", sheet '{sheet}'"),
        None => String::new(),
    }
}

impl fmt::Display for ColumnRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColumnRef::Name(name) => f.write_str(name),
            ColumnRef::Number(number) => write!(f, "{number}"),
        }
    }
}
