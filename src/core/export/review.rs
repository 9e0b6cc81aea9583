//! `review.xlsx`: the open suggestions for a sales manager who reviews offline in Excel, and
//! the reader `apply-review` uses when the file comes back.
//!
//! Sheet `Review`: one row per open suggestion (the pairs of the review queue, most probable
//! first, then the open alternatives), the two records side by side field by field, the score
//! and the reason, a `Decision` column with a drop-down (accept / reject / unsure) and a `Note`
//! column. The `CRM id` and `ERP id` columns name the pair; the hidden `CRM hash` and
//! `ERP hash` columns hold the records' content when the file was written, so a decision on a
//! record that has changed since is refused. Columns are found by their header, so the
//! reviewer may sort, filter, or move them. Sheet `How to` explains this in plain words.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::DataValidation;

use crate::core::model::{Role, Side};
use crate::core::project::{PairStatus, Project, RecordView, Suggestion};

use super::error::ExportError;
use super::table::{Cell, Table};
use super::workbook::{Styles, add_sheet, add_table_sheet, new_workbook, save_workbook};

/// The file name.
pub const FILE: &str = "review.xlsx";
/// The sheet holding the suggestions.
pub const SHEET: &str = "Review";
/// The decision column.
pub const DECISION: &str = "Decision";
/// The note column.
pub const NOTE: &str = "Note";
/// The CRM id column.
pub const CRM_ID: &str = "CRM id";
/// The ERP id column.
pub const ERP_ID: &str = "ERP id";
/// The (hidden) CRM content hash column.
pub const CRM_HASH: &str = "CRM hash";
/// The (hidden) ERP content hash column.
pub const ERP_HASH: &str = "ERP hash";
/// The choices of the decision drop-down.
pub const CHOICES: [&str; 3] = ["accept", "reject", "unsure"];

/// Fields shown side by side after the names, when either list has them.
const FIELDS: [(Role, &str); 8] = [
    (Role::Street, "street"),
    (Role::Postcode, "postcode"),
    (Role::City, "city"),
    (Role::Country, "country"),
    (Role::Phone, "phone"),
    (Role::Email, "e-mail"),
    (Role::Website, "website"),
    (Role::TaxId, "tax id"),
];

const HOW_TO: [&str; 8] = [
    "This workbook lists the suggested pairs of CRM and ERP records nobody has decided yet.",
    "For each row, choose in the Decision column: accept (same customer), reject (not the same), or unsure (leave it open). Leave it blank to skip the row.",
    "Write anything worth keeping in the Note column; it is stored with the decision.",
    "You may sort and filter the rows and move columns, but do not change the CRM id and ERP id cells: they name the pair.",
    "Save the file as .xlsx and send it back.",
    "The workshop applies it with: ledgerlink apply-review PROJECT review.xlsx --by YOUR_NAME",
    "Each decision is checked against the project as it is then: a pair decided meanwhile, a record that changed, or a record already linked elsewhere is reported by row and not applied.",
    "Rows marked alternative are runner-up candidates for a record: accept at most one per record.",
];

/// The open suggestions, in review order.
pub fn open_suggestions(project: &Project) -> Vec<&Suggestion> {
    let mut alternatives: Vec<&Suggestion> = project
        .suggestion_views()
        .into_iter()
        .filter(|view| view.suggestion.is_alternative && view.status == PairStatus::Open)
        .map(|view| view.suggestion)
        .collect();
    alternatives.sort_by(|left, right| right.probability.total_cmp(&left.probability));
    let mut rows = project.open_queue();
    rows.extend(alternatives);
    rows
}

fn shown_fields(project: &Project) -> Vec<(Role, &'static str)> {
    let has = |role| {
        project.dataset(Side::Crm).column_of(role).is_some()
            || project.dataset(Side::Erp).column_of(role).is_some()
    };
    FIELDS
        .iter()
        .copied()
        .filter(|(role, _)| has(*role))
        .collect()
}

fn field_text(record: Option<&RecordView<'_>>, role: Role) -> Cell {
    let Some(record) = record else {
        return Cell::Empty;
    };
    let value = |role| record.value(role).unwrap_or("").trim().to_string();
    let text = match role {
        Role::Street => format!("{} {}", value(Role::Street), value(Role::HouseNumber))
            .trim()
            .to_string(),
        other => value(other),
    };
    Cell::Text(text)
}

/// The header of the review sheet for the fields shown.
fn review_header(fields: &[(Role, &str)]) -> Vec<String> {
    let mut header: Vec<String> = [DECISION, NOTE, "Score", "Band", "Reason", CRM_ID, ERP_ID]
        .iter()
        .map(|name| name.to_string())
        .collect();
    header.extend(["CRM name".to_string(), "ERP name".to_string()]);
    for (_, label) in fields {
        header.extend([format!("CRM {label}"), format!("ERP {label}")]);
    }
    header.extend([
        "Kind".to_string(),
        CRM_HASH.to_string(),
        ERP_HASH.to_string(),
    ]);
    header
}

/// One row of the review sheet.
fn review_row(project: &Project, suggestion: &Suggestion, fields: &[(Role, &str)]) -> Vec<Cell> {
    let crm = project.record(Side::Crm, &suggestion.crm);
    let erp = project.record(Side::Erp, &suggestion.erp);
    let name = |record: Option<&RecordView<'_>>| {
        Cell::Text(record.map(RecordView::name).unwrap_or_default())
    };
    let hash = |record: Option<&RecordView<'_>>| {
        Cell::Text(record.map(|r| r.hash().to_string()).unwrap_or_default())
    };
    let mut row = vec![
        Cell::Empty,
        Cell::Empty,
        Cell::Number(suggestion.probability),
        Cell::text(suggestion.band.as_str()),
        Cell::text(suggestion.reason.as_str()),
        Cell::text(suggestion.crm.as_str()),
        Cell::text(suggestion.erp.as_str()),
        name(crm.as_ref()),
        name(erp.as_ref()),
    ];
    for (role, _) in fields {
        row.extend([
            field_text(crm.as_ref(), *role),
            field_text(erp.as_ref(), *role),
        ]);
    }
    let kind = if suggestion.is_alternative {
        "alternative"
    } else {
        "suggested"
    };
    row.extend([Cell::text(kind), hash(crm.as_ref()), hash(erp.as_ref())]);
    row
}

/// Write `review.xlsx` to `path`; returns the number of suggestions in it.
pub fn write_review(project: &Project, path: &Path) -> Result<usize, ExportError> {
    let fields = shown_fields(project);
    let header = review_header(&fields);
    let rows = open_suggestions(project)
        .into_iter()
        .map(|suggestion| review_row(project, suggestion, &fields));
    let to_error = |source| ExportError::Workbook {
        path: PathBuf::from(path),
        source,
    };
    let styles = Styles::default();
    let mut workbook = new_workbook();
    let (sheet, written) =
        add_sheet(&mut workbook, SHEET, &header, rows, &styles).map_err(to_error)?;
    let last_column = (header.len() - 1) as u16;
    sheet.set_column_hidden(last_column).map_err(to_error)?;
    sheet.set_column_hidden(last_column - 1).map_err(to_error)?;
    sheet.set_column_width(0, 12).map_err(to_error)?;
    sheet.set_column_width(1, 30).map_err(to_error)?;
    if written > 0 {
        let validation = DataValidation::new()
            .allow_list_strings(&CHOICES)
            .and_then(|rule| rule.set_input_title("Decision"))
            .and_then(|rule| rule.set_input_message("accept, reject or unsure"))
            .and_then(|rule| {
                rule.set_error_message("Choose accept, reject or unsure (or leave it blank).")
            })
            .map_err(to_error)?;
        sheet
            .add_data_validation(1, 0, written as u32, 0, &validation)
            .map_err(to_error)?;
    }
    let mut how_to = Table::with_header(FILE, "How to", &["How to review this workbook"]);
    for line in HOW_TO {
        how_to.push(vec![Cell::text(line)]);
    }
    add_table_sheet(&mut workbook, &how_to, &styles).map_err(to_error)?;
    save_workbook(&mut workbook, path)?;
    Ok(written)
}

/// A filled-in review workbook that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The file is not a workbook calamine can read.
    #[error("{}: cannot read the workbook: {detail}", file.display())]
    Unreadable {
        /// The file.
        file: PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// The workbook has no `Review` sheet.
    #[error(
        "{}: no sheet named '{SHEET}' (sheets: {}); is this a review workbook written by \
         `ledgerlink export`?",
        file.display(),
        sheets.join(", ")
    )]
    NoReviewSheet {
        /// The file.
        file: PathBuf,
        /// The sheets it has.
        sheets: Vec<String>,
    },
    /// A column apply-review needs is missing from the header row.
    #[error("{}, sheet {sheet}, row 1: no column '{column}' in the header", file.display())]
    MissingColumn {
        /// The file.
        file: PathBuf,
        /// The sheet.
        sheet: String,
        /// The column's header.
        column: &'static str,
    },
    /// The project failed (not a refusal: those are reported by row).
    #[error("{source} ({applied} rows of {} had been applied)", file.display())]
    Project {
        /// The review file.
        file: PathBuf,
        /// Rows applied before the failure.
        applied: usize,
        /// The project's error.
        #[source]
        source: Box<crate::core::project::ProjectError>,
    },
}

impl ReviewError {
    /// True when the user can fix it by giving another file (exit code 2).
    pub fn is_bad_input(&self) -> bool {
        match self {
            ReviewError::Project { source, .. } => source.is_bad_input(),
            _ => true,
        }
    }
}

/// One data row of a filled-in review sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    /// 1-based row in the sheet.
    pub row: usize,
    /// The Decision cell, trimmed.
    pub decision: String,
    /// The Note cell, trimmed.
    pub note: String,
    /// The CRM id cell, as written.
    pub crm: String,
    /// The ERP id cell, as written.
    pub erp: String,
    /// The CRM hash cell (empty when the column is missing).
    pub crm_hash: String,
    /// The ERP hash cell.
    pub erp_hash: String,
}

/// The rows of a review workbook's `Review` sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewSheet {
    /// The file read.
    pub file: PathBuf,
    /// The sheet read.
    pub sheet: String,
    /// Its data rows, in sheet order (rows with neither ids nor a decision are skipped).
    pub rows: Vec<ReviewRow>,
}

/// Read the `Review` sheet of a filled-in review workbook (xlsx, or ods / xls if it was saved
/// so). A malformed file gives an error, never a panic.
pub fn read_review(file: &Path) -> Result<ReviewSheet, ReviewError> {
    let attempt = crate::core::guard::catch_parser_panic(|| read_review_guarded(file));
    attempt.unwrap_or_else(|| {
        Err(ReviewError::Unreadable {
            file: file.to_path_buf(),
            detail: "the reader stopped on malformed content".to_string(),
        })
    })
}

/// The positions of the columns apply-review reads: Decision, Note, CRM id, ERP id, CRM hash,
/// ERP hash (Note and the hashes may be missing).
fn find_columns(
    header: &[String],
    file: &Path,
    sheet: &str,
) -> Result<[Option<usize>; 6], ReviewError> {
    let column = |name: &'static str, required: bool| {
        let found = header
            .iter()
            .position(|text| text.eq_ignore_ascii_case(name));
        match (found, required) {
            (None, true) => Err(ReviewError::MissingColumn {
                file: file.to_path_buf(),
                sheet: sheet.to_string(),
                column: name,
            }),
            (found, _) => Ok(found),
        }
    };
    Ok([
        column(DECISION, true)?,
        column(NOTE, false)?,
        column(CRM_ID, true)?,
        column(ERP_ID, true)?,
        column(CRM_HASH, false)?,
        column(ERP_HASH, false)?,
    ])
}

fn read_review_guarded(file: &Path) -> Result<ReviewSheet, ReviewError> {
    use calamine::Reader;
    let unreadable = |detail: String| ReviewError::Unreadable {
        file: file.to_path_buf(),
        detail,
    };
    let mut workbook =
        calamine::open_workbook_auto(file).map_err(|error| unreadable(error.to_string()))?;
    let sheets = workbook.sheet_names();
    let sheet = sheets
        .iter()
        .find(|name| name.eq_ignore_ascii_case(SHEET))
        .cloned()
        .ok_or_else(|| ReviewError::NoReviewSheet {
            file: file.to_path_buf(),
            sheets: sheets.clone(),
        })?;
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|error| unreadable(format!("sheet {sheet}: {error}")))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .map(|cells| {
            cells
                .iter()
                .map(|cell| cell.to_string().trim().to_string())
                .collect()
        })
        .unwrap_or_default();
    let columns = find_columns(&header, file, &sheet)?;
    let mut result = ReviewSheet {
        file: file.to_path_buf(),
        sheet,
        rows: Vec::new(),
    };
    for (index, cells) in rows.enumerate() {
        let text = |column: Option<usize>| {
            column
                .and_then(|column| cells.get(column))
                .map(|cell| cell.to_string().trim().to_string())
                .unwrap_or_default()
        };
        let [decision, note, crm, erp, crm_hash, erp_hash] = columns.map(text);
        if decision.is_empty() && crm.is_empty() && erp.is_empty() {
            continue;
        }
        result.rows.push(ReviewRow {
            row: first_row + index + 2,
            decision,
            note,
            crm,
            erp,
            crm_hash,
            erp_hash,
        });
    }
    Ok(result)
}
