//! `apply-review`: the decisions of a filled-in `review.xlsx`, applied as if taken in the app
//! (through [`Project::decide`], with the same rules), row by row in sheet order.
//!
//! Each row is first checked against the project as it is now (caught up with what others
//! decided meanwhile): a pair that is not a suggestion of this project, that is no longer open
//! (decided, or one of its records linked elsewhere), or whose records changed since the file
//! was written is refused; so is an accept the project's rules refuse (a record already linked
//! by an earlier row). A refused row is reported with file, sheet and row and not applied; the
//! other rows are applied all the same. `unsure` and blank decisions are left open.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::core::model::Side;
use crate::core::project::{Decision, DecisionKind, Project, ProjectError};

use super::review::{ReviewError, ReviewRow, read_review};

/// A row whose decision was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedRow {
    /// 1-based sheet row.
    pub row: usize,
    /// CRM key.
    pub crm: String,
    /// ERP key.
    pub erp: String,
    /// Accept or reject.
    pub kind: DecisionKind,
}

/// A row whose decision was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedRow {
    /// The review file.
    pub file: PathBuf,
    /// The sheet.
    pub sheet: String,
    /// 1-based sheet row.
    pub row: usize,
    /// CRM id as written in the row.
    pub crm: String,
    /// ERP id as written in the row.
    pub erp: String,
    /// Why, in plain words.
    pub reason: String,
}

impl fmt::Display for RefusedRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, sheet {}, row {}: CRM {} / ERP {}: {}",
            self.file.display(),
            self.sheet,
            self.row,
            self.crm,
            self.erp,
            self.reason
        )
    }
}

/// What applying a review workbook did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyReport {
    /// The review file.
    pub file: PathBuf,
    /// The sheet read.
    pub sheet: String,
    /// Rows applied, in order.
    pub applied: Vec<AppliedRow>,
    /// Rows refused, in order.
    pub refused: Vec<RefusedRow>,
    /// Rows marked unsure (left open).
    pub unsure: usize,
    /// Rows with a blank decision (skipped).
    pub blank: usize,
}

/// What a Decision cell asks for.
enum Verdict {
    Accept,
    Reject,
    Unsure,
    Blank,
}

fn verdict(text: &str) -> Result<Verdict, String> {
    match text.to_lowercase().as_str() {
        "" => Ok(Verdict::Blank),
        "accept" | "accepted" => Ok(Verdict::Accept),
        "reject" | "rejected" => Ok(Verdict::Reject),
        "unsure" => Ok(Verdict::Unsure),
        _ => Err(format!(
            "the decision '{text}' is not accept, reject or unsure"
        )),
    }
}

/// Why the pair of `row` may not be decided now, if so.
fn check_row(project: &Project, row: &ReviewRow) -> Option<String> {
    if project.suggestions().find(&row.crm, &row.erp).is_none() {
        return Some("this pair is not a suggestion of this project (were the ids edited?)".into());
    }
    if let Some(entry) = project.pair_decision(&row.crm, &row.erp) {
        return Some(format!(
            "no longer open: {} by {} at {}",
            entry.kind.as_str(),
            entry.by,
            entry.at
        ));
    }
    for (side, key) in [(Side::Crm, &row.crm), (Side::Erp, &row.erp)] {
        if let Some(partner) = project.partners(side, key).first() {
            return Some(format!(
                "no longer open: {} {key} is linked to {} {partner}",
                side.as_str().to_uppercase(),
                side.other().as_str().to_uppercase()
            ));
        }
    }
    for (side, key, then) in [
        (Side::Crm, &row.crm, &row.crm_hash),
        (Side::Erp, &row.erp, &row.erp_hash),
    ] {
        let now = project.list(side).hash_of(key).map(|hash| hash.to_string());
        if !then.is_empty() && now.as_deref() != Some(then.as_str()) {
            return Some(format!(
                "the {} record {key} changed since the review file was written; review it again",
                side.as_str().to_uppercase()
            ));
        }
    }
    None
}

/// What became of one row.
enum Outcome {
    Applied(DecisionKind),
    Refused(String),
    Unsure,
    Blank,
}

/// Check and apply one row. Refusals are outcomes; only failures of the project are errors.
fn apply_row(project: &mut Project, row: &ReviewRow, by: &str) -> Result<Outcome, ProjectError> {
    let accept = match verdict(&row.decision) {
        Ok(Verdict::Blank) => return Ok(Outcome::Blank),
        Ok(Verdict::Unsure) => return Ok(Outcome::Unsure),
        Ok(Verdict::Accept) => true,
        Ok(Verdict::Reject) => false,
        Err(reason) => return Ok(Outcome::Refused(reason)),
    };
    project.refresh()?;
    if let Some(reason) = check_row(project, row) {
        return Ok(Outcome::Refused(reason));
    }
    let (crm, erp) = (row.crm.clone(), row.erp.clone());
    let decision = if accept {
        Decision::Accept { crm, erp }
    } else {
        Decision::Reject { crm, erp }
    };
    let note = Some(row.note.as_str()).filter(|note| !note.is_empty());
    match project.decide(&decision, by, note) {
        Ok(entry) => Ok(Outcome::Applied(entry.kind)),
        Err(error) => match error.refusal() {
            Some(refusal) => Ok(Outcome::Refused(refusal.to_string())),
            None => Err(error),
        },
    }
}

/// Apply the decisions of the review workbook `file` to `project`, taken by `by`.
pub fn apply_review(
    project: &mut Project,
    file: &Path,
    by: &str,
) -> Result<ApplyReport, ReviewError> {
    let sheet = read_review(file)?;
    let mut report = ApplyReport {
        file: sheet.file.clone(),
        sheet: sheet.sheet.clone(),
        applied: Vec::new(),
        refused: Vec::new(),
        unsure: 0,
        blank: 0,
    };
    for row in &sheet.rows {
        let outcome = apply_row(project, row, by).map_err(|source| ReviewError::Project {
            file: sheet.file.clone(),
            applied: report.applied.len(),
            source: Box::new(source),
        })?;
        match outcome {
            Outcome::Applied(kind) => report.applied.push(AppliedRow {
                row: row.row,
                crm: row.crm.clone(),
                erp: row.erp.clone(),
                kind,
            }),
            Outcome::Refused(reason) => report.refused.push(RefusedRow {
                file: sheet.file.clone(),
                sheet: sheet.sheet.clone(),
                row: row.row,
                crm: row.crm.clone(),
                erp: row.erp.clone(),
                reason,
            }),
            Outcome::Unsure => report.unsure += 1,
            Outcome::Blank => report.blank += 1,
        }
    }
    Ok(report)
}
