//! Export: what the workshop produced, as files both systems import and the auditors keep.
//!
//! [`export_project`] writes into one directory:
//!
//! | file | content |
//! |---|---|
//! | `links.csv` | every link in effect: `crm_id,erp_id,crm_name,erp_name,score,decided_by,decided_at,note,...` |
//! | `crm_updates.csv` | CRM id and the ERP number to write into the CRM, under the CRM export's column names |
//! | `erp_updates.csv` | ERP customer number and the CRM id to write into the ERP |
//! | `crm_xref_clear.csv`, `erp_xref_clear.csv` | unlinked records whose cross-reference names the wrong record, to clear ([`xref_clear`]) |
//! | `create_in_erp.csv` | CRM records to create in the ERP (or to key by hand), fields under the ERP's names |
//! | `create_in_crm.csv` | ERP customers to create in the CRM, fields under the CRM's names |
//! | `merge_in_crm.csv`, `merge_in_erp.csv` | marked duplicates as a merge tool takes them: master id, duplicate id, names, the master's partner number ([`merges`]) |
//! | `duplicates.csv` | duplicate clusters per list: master and members, numbered as on screen |
//! | `conflicts.csv` | linked records whose address, phone, tax id or e-mail differ, and the system of truth |
//! | `crm_fill_ins.csv`, `erp_fill_ins.csv` | values the partner holds and the record lacks, under the record's system's column names ([`fill_ins`]) |
//! | `audit.csv` | the whole decision log, undone entries included and marked |
//! | `review.xlsx` | the open suggestions with a Decision drop-down, for [`apply_review`] |
//! | `reconciliation.xlsx` | a Summary sheet and every CSV above as a sheet |
//! | `export_manifest.csv` | which run wrote each file: name, rows, bytes, hash ([`staging`]) |
//!
//! Every CSV is UTF-8 with a byte-order mark unless [`ExportOptions`] ask for UTF-8 without it
//! or Windows-1252 ([`options`]), cells that would start a formula are neutralised
//! ([`csv`](self::csv)), ids are text cells in the workbooks, and the export is written as a
//! set: into a staging folder first, then moved into place, the manifest last ([`staging`]).
//! The tables are built first ([`preview::build_tables`]), so the Export screen can show each
//! file's first rows and count ([`preview::preview_export`]) without writing anything. The GUI
//! and the command line both call [`export_project`]:
//!
//! ```no_run
//! use ledgerlink::core::export::{ExportOptions, export_project};
//! use ledgerlink::core::project::Project;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let project = Project::open(std::path::Path::new("workshop.ledgerlink"))?;
//! let summary = export_project(&project, "out".as_ref(), &ExportOptions::default())?;
//! for file in &summary.files {
//!     println!("{}: {} rows", file.name, file.rows);
//! }
//! # Ok(()) }
//! ```

pub mod actions;
pub mod apply;
pub mod atomic;
pub mod audit;
pub mod conflicts;
pub mod csv;
pub mod duplicates;
pub mod error;
pub mod fill_ins;
pub mod lengths;
pub mod links;
pub mod merges;
pub mod numbering;
pub mod options;
pub mod preview;
pub mod records;
pub mod review;
pub mod staging;
pub mod summary;
pub mod table;
pub mod updates;
pub mod workbook;
pub mod xref_clear;

use std::path::{Path, PathBuf};

use crate::core::project::{Project, utc_now};

pub use apply::{AppliedRow, ApplyReport, RefusedRow, apply_review};
pub use error::ExportError;
pub use options::{CsvEncoding, ExportOptions};
pub use preview::{ExportPreview, FilePreview, preview_export};
pub use review::{ReviewError, read_review};
pub use table::{Cell, Table};

/// The workbook holding everything.
pub const RECONCILIATION_FILE: &str = "reconciliation.xlsx";

/// One file written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedFile {
    /// Its name (`links.csv`).
    pub name: &'static str,
    /// Where it is.
    pub path: PathBuf,
    /// Data rows written (for `reconciliation.xlsx`, over all its sheets but the summary).
    pub rows: usize,
}

/// What [`export_project`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    /// The output directory.
    pub dir: PathBuf,
    /// Every file written, in the order written.
    pub files: Vec<ExportedFile>,
    /// Notes for whoever imports the files (proposed numbers, rows left out ...).
    pub notes: Vec<String>,
    /// When (UTC).
    pub exported_at: String,
}

impl ExportSummary {
    /// The data rows of the file `name`, if it was written.
    pub fn rows(&self, name: &str) -> Option<usize> {
        self.files
            .iter()
            .find(|file| file.name == name)
            .map(|file| file.rows)
    }
}

/// Make sure `dir` is a directory Ledgerlink may write into: create it when its parent exists,
/// and try a temporary file in it, so a bad `--out` fails before anything is written.
fn prepare_dir(dir: &Path) -> Result<(), ExportError> {
    let problem = |problem: String| ExportError::OutDir {
        dir: dir.to_path_buf(),
        problem,
    };
    match std::fs::metadata(dir) {
        Ok(metadata) if metadata.is_dir() => {}
        Ok(_) => return Err(problem("exists and is not a directory".to_string())),
        Err(_) => {
            let parent = dir.parent().filter(|parent| !parent.as_os_str().is_empty());
            if let Some(parent) = parent.filter(|parent| !parent.is_dir()) {
                return Err(problem(format!(
                    "cannot create it: the directory {} does not exist",
                    parent.display()
                )));
            }
            std::fs::create_dir(dir)
                .map_err(|error| problem(format!("cannot create it: {error}")))?;
        }
    }
    tempfile::Builder::new()
        .prefix(".ledgerlink-write-test.")
        .tempfile_in(dir)
        .map(drop)
        .map_err(|error| problem(format!("cannot write into it: {error}")))
}

/// Export everything the workshop decided into `dir` (created if its parent exists). Files
/// already there under the same names are replaced once every new file is written (see
/// [`staging`]).
pub fn export_project(
    project: &Project,
    dir: &Path,
    options: &ExportOptions,
) -> Result<ExportSummary, ExportError> {
    let built = preview::build_tables(project)?;
    for table in &built.tables {
        if let (_, Some(first)) = csv::unencodable_cells(table, options.encoding) {
            return Err(ExportError::Unencodable(first));
        }
    }
    prepare_dir(dir)?;
    let staging = staging::Staging::begin(dir)?;
    let exported_at = utc_now();
    let preview::ExportTables {
        tables,
        notes,
        audit_rows,
    } = built;
    let mut summary = ExportSummary {
        dir: dir.to_path_buf(),
        files: Vec::new(),
        notes,
        exported_at,
    };
    for table in &tables {
        let path = staging.path(table.file_name);
        csv::write_csv(table, &path, options)?;
        summary.files.push(ExportedFile {
            name: table.file_name,
            path,
            rows: table.len(),
        });
    }
    let review_path = staging.path(review::FILE);
    let review_rows = review::write_review(project, &review_path)?;
    summary.files.push(ExportedFile {
        name: review::FILE,
        path: review_path,
        rows: review_rows,
    });
    let path = staging.path(RECONCILIATION_FILE);
    write_workbook(project, path, &tables, &audit_rows, &mut summary)?;
    staging.commit(&mut summary.files, &summary.exported_at)?;
    Ok(summary)
}

fn write_workbook(
    project: &Project,
    path: PathBuf,
    tables: &[Table],
    audit_rows: &[crate::core::project::AuditRow],
    summary: &mut ExportSummary,
) -> Result<(), ExportError> {
    for table in tables.iter().filter(|t| t.len() > workbook::MAX_SHEET_ROWS) {
        summary.notes.push(format!(
            "sheet {} holds the first {} of {} rows (Excel's limit); {} holds them all",
            table.sheet_name,
            workbook::MAX_SHEET_ROWS,
            table.len(),
            table.file_name
        ));
    }
    let counts: Vec<(&str, usize)> = summary
        .files
        .iter()
        .map(|file| (file.name, file.rows))
        .collect();
    let sheet = summary::summary_table(
        project,
        audit_rows,
        &counts,
        &summary.exported_at,
        &summary.notes,
    );
    let sheets: Vec<&Table> = tables.iter().collect();
    workbook::write_reconciliation(&path, &sheet, &sheets)?;
    summary.files.push(ExportedFile {
        name: RECONCILIATION_FILE,
        path,
        rows: tables.iter().map(Table::len).sum(),
    });
    Ok(())
}
