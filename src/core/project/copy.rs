//! `ledgerlink copy FROM TO`: a project moved from a file to a server or back (or to another
//! file, or server), whole: both lists as imported, the suggestions, every log entry with its
//! number, state and batch (so undo, redo and the audit carry on), the records that
//! disappeared at re-imports, and the assignments. The copy is made in one transaction: it
//! exists whole or not at all.

use serde::Serialize;

use crate::core::model::Side;

use super::assignments::AssignmentRow;
use super::backend::{MissingRow, Tx};
use super::error::ProjectError;
use super::lists::RecordList;
use super::location::Location;
use super::log::LogRow;
use super::suggestions::Suggestions;
use super::{Project, create_at};

/// The settings a copy keeps.
const META_KEYS: [&str; 4] = ["policy", "created_at", "created_by", "created_with"];

/// What a copy moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyReport {
    /// CRM records.
    pub crm_records: usize,
    /// ERP records.
    pub erp_records: usize,
    /// Suggested pairs and alternatives.
    pub suggestions: usize,
    /// Log entries (decisions, undo, redo, re-imports, assignments).
    pub log_entries: usize,
}

/// Everything a project holds, read in one transaction.
struct Contents {
    meta: Vec<(&'static str, Option<String>)>,
    crm: RecordList,
    erp: RecordList,
    suggestions: Suggestions,
    log: Vec<LogRow>,
    missing: Vec<MissingRow>,
    assignments: Vec<AssignmentRow>,
}

fn read_all(tx: &mut dyn Tx) -> Result<Contents, ProjectError> {
    let mut meta = Vec::new();
    for key in META_KEYS {
        meta.push((key, tx.meta(key)?));
    }
    Ok(Contents {
        meta,
        crm: tx.load_list(Side::Crm)?,
        erp: tx.load_list(Side::Erp)?,
        suggestions: tx.load_suggestions()?,
        log: tx.log_rows(0, false)?,
        missing: tx.missing_rows()?,
        assignments: tx.assignments()?,
    })
}

fn write_all(tx: &mut dyn Tx, contents: &Contents) -> Result<(), ProjectError> {
    for (key, value) in &contents.meta {
        if let Some(value) = value {
            tx.set_meta(key, value)?;
        }
    }
    tx.write_list(&contents.crm)?;
    tx.write_list(&contents.erp)?;
    tx.write_suggestions(&contents.suggestions)?;
    for row in &contents.log {
        tx.append_log(row, true)?;
    }
    for row in &contents.missing {
        tx.keep_missing(row)?;
    }
    tx.assign(&contents.assignments)
}

impl Project {
    /// Copy the project at `from` to `to` (which must not exist yet) with its whole log; see
    /// the [module documentation](self).
    pub fn copy(
        from: impl Into<Location>,
        to: impl Into<Location>,
    ) -> Result<CopyReport, ProjectError> {
        let source = Project::open_for_reading(from)?;
        let mut contents = None;
        source.backend.read(&mut |tx| {
            contents = Some(read_all(tx)?);
            Ok(())
        })?;
        let contents = contents
            .ok_or_else(|| ProjectError::invalid(&source.name, "the project could not be read"))?;
        create_at(&to.into(), &mut |tx| write_all(tx, &contents))?;
        Ok(CopyReport {
            crm_records: contents.crm.len(),
            erp_records: contents.erp.len(),
            suggestions: contents.suggestions.items.len(),
            log_entries: contents.log.len(),
        })
    }
}
