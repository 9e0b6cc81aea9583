//! The export before it is written: every CSV table built in memory ([`build_tables`]), and a
//! [`ExportPreview`] of each file's first rows and row count for the Export screen.
//! [`export_project`](super::export_project) writes exactly the tables [`build_tables`] gives,
//! so the preview and the files cannot tell different stories.

use crate::core::model::Side;
use crate::core::project::{AuditRow, Project};

use super::csv::{Unencodable, unencodable_cells};
use super::error::ExportError;
use super::options::CsvEncoding;
use super::table::Table;
use super::{RECONCILIATION_FILE, xref_clear};
use super::{actions, audit, conflicts, duplicates, fill_ins, links, merges, review, updates};

/// Every CSV table of an export, built but not written, with the notes for the importer.
#[derive(Debug, Clone)]
pub struct ExportTables {
    /// The CSV tables, in the order they are written.
    pub tables: Vec<Table>,
    /// Notes for whoever imports the files (proposed numbers, rows left out ...).
    pub notes: Vec<String>,
    /// The decision log the audit table was made from (the summary sheet counts it).
    pub audit_rows: Vec<AuditRow>,
}

/// Build every CSV table of the export from the project, without writing anything.
pub fn build_tables(project: &Project) -> Result<ExportTables, ExportError> {
    let audit_rows = project.audit_log()?;
    let crm_updates = updates::crm_updates(project);
    let erp_updates = updates::erp_updates(project);
    let create_in_erp = actions::create_in_erp(project);
    let create_in_crm = actions::create_in_crm(project);
    let mut notes = create_in_erp.notes.clone();
    notes.extend(create_in_crm.notes.iter().cloned());
    notes.extend(update_notes(&crm_updates, "CRM"));
    notes.extend(update_notes(&erp_updates, "ERP"));
    let tables = vec![
        links::links_table(project),
        crm_updates.table,
        erp_updates.table,
        xref_clear::crm_xref_clear(project),
        xref_clear::erp_xref_clear(project),
        create_in_erp.table,
        create_in_crm.table,
        merges::merge_table(project, Side::Crm),
        merges::merge_table(project, Side::Erp),
        duplicates::duplicates_table(project),
        conflicts::conflicts_table(project),
        fill_ins::fill_ins_table(project, Side::Crm),
        fill_ins::fill_ins_table(project, Side::Erp),
        audit::audit_table(&audit_rows),
    ];
    Ok(ExportTables {
        tables,
        notes,
        audit_rows,
    })
}

fn update_notes(updates: &updates::Updates, system: &str) -> Vec<String> {
    let mut notes = Vec::new();
    if updates.already_right > 0 {
        notes.push(format!(
            "{}: {} linked {system} records already hold the right number and are left out",
            updates.table.file_name, updates.already_right
        ));
    }
    if updates.without_id > 0 {
        notes.push(format!(
            "{}: {} links involve a record without an id and are left out (see links.csv)",
            updates.table.file_name, updates.without_id
        ));
    }
    notes
}

/// The first rows and the row count of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FilePreview {
    /// The file's name (`links.csv`).
    pub name: &'static str,
    /// Its header (empty for the workbooks).
    pub header: Vec<String>,
    /// Its first rows, as the CSV cells read before formula neutralising.
    pub rows: Vec<Vec<String>>,
    /// All its data rows.
    pub total: usize,
}

/// What an export would write, computed without writing.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportPreview {
    /// Each file, in the order the export writes them (the workbooks with their counts only).
    pub files: Vec<FilePreview>,
    /// Notes for whoever imports the files.
    pub notes: Vec<String>,
    /// Cells Windows-1252 cannot hold, over every CSV file, and the first of them.
    pub windows_1252: (usize, Option<Unencodable>),
}

impl ExportPreview {
    /// The preview of the file `name`.
    pub fn file(&self, name: &str) -> Option<&FilePreview> {
        self.files.iter().find(|file| file.name == name)
    }
}

/// Preview the export of `project`: each file's first `first_rows` rows and its count.
pub fn preview_export(project: &Project, first_rows: usize) -> Result<ExportPreview, ExportError> {
    let built = build_tables(project)?;
    let mut windows_1252 = (0, None);
    let mut files = Vec::with_capacity(built.tables.len() + 2);
    for table in &built.tables {
        let (count, first) = unencodable_cells(table, CsvEncoding::Windows1252);
        windows_1252.0 += count;
        if windows_1252.1.is_none() {
            windows_1252.1 = first;
        }
        files.push(FilePreview {
            name: table.file_name,
            header: table.header.clone(),
            rows: table
                .rows
                .iter()
                .take(first_rows)
                .map(|row| row.iter().map(|cell| cell.to_text().into_owned()).collect())
                .collect(),
            total: table.len(),
        });
    }
    let workbook = |name, total| FilePreview {
        name,
        header: Vec::new(),
        rows: Vec::new(),
        total,
    };
    files.push(workbook(
        review::FILE,
        review::open_suggestions(project).len(),
    ));
    files.push(workbook(
        RECONCILIATION_FILE,
        built.tables.iter().map(Table::len).sum(),
    ));
    Ok(ExportPreview {
        files,
        notes: built.notes,
        windows_1252,
    })
}
