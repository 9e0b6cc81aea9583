//! `apply-review`: the decisions of a filled-in `review.xlsx`, applied as if taken in the app
//! (through [`Project::decide`], with the same rules), row by row in sheet order.
//!
//! Each row is first checked against the project as it is now (caught up with what others
//! decided meanwhile): a pair that is not a suggestion of this project, that is no longer open
//! (decided, or one of its records linked elsewhere), or whose records changed since the file
//! was written is refused; so is an accept the project's rules refuse (a record already linked
//! by an earlier row). A refused row is reported with file, sheet and row and not applied; the
//! other rows are applied all the same. Blank decisions are left open; `unsure` leaves the pair
//! open but flags it, as the U key does in the window. The decisions of one run are one batch:
//! one `ledgerlink undo` (or Ctrl+Z) takes the whole run back.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::core::model::Side;
use crate::core::project::{Decision, DecisionEntry, DecisionKind, Project, ProjectError};

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

/// Rows whose decisions are committed together (one transaction, one disk flush): rows with
/// the same note that touch no record another row of the group touches, so each row's checks
/// see exactly what they would see if the rows were applied one by one.
struct Group<'r> {
    note: String,
    rows: Vec<(&'r ReviewRow, Decision)>,
    touched: HashSet<(Side, String)>,
}

/// Rows per group.
const GROUP_ROWS: usize = 1_000;

impl<'r> Group<'r> {
    fn new() -> Self {
        Group {
            note: String::new(),
            rows: Vec::new(),
            touched: HashSet::new(),
        }
    }

    /// True when `row` can join the group.
    fn admits(&self, row: &ReviewRow) -> bool {
        self.rows.is_empty()
            || (self.rows.len() < GROUP_ROWS
                && self.note == row.note
                && !self.touched.contains(&(Side::Crm, row.crm.clone()))
                && !self.touched.contains(&(Side::Erp, row.erp.clone())))
    }

    fn push(&mut self, row: &'r ReviewRow, decision: Decision) {
        self.note.clone_from(&row.note);
        self.touched.insert((Side::Crm, row.crm.clone()));
        self.touched.insert((Side::Erp, row.erp.clone()));
        self.rows.push((row, decision));
    }
}

/// What applying a sheet is doing: the project, who decides, the run's batch once its first
/// decision is committed, the report so far.
struct Applier<'p> {
    project: &'p mut Project,
    by: &'p str,
    batch: Option<i64>,
    report: ApplyReport,
}

impl Applier<'_> {
    /// Commit `decisions` in one transaction, into the run's batch.
    fn decide(
        &mut self,
        decisions: &[Decision],
        note: Option<&str>,
    ) -> Result<Vec<DecisionEntry>, ProjectError> {
        let entries = self
            .project
            .decide_in_batch(self.batch, decisions, self.by, note)?;
        if let Some(first) = entries.first() {
            self.batch = Some(first.batch);
        }
        Ok(entries)
    }

    fn refuse(&mut self, row: &ReviewRow, reason: String) {
        self.report.refused.push(RefusedRow {
            file: self.report.file.clone(),
            sheet: self.report.sheet.clone(),
            row: row.row,
            crm: row.crm.clone(),
            erp: row.erp.clone(),
            reason,
        });
    }

    fn applied(&mut self, row: &ReviewRow, kind: DecisionKind) {
        if kind == DecisionKind::Unsure {
            self.report.unsure += 1;
            return;
        }
        self.report.applied.push(AppliedRow {
            row: row.row,
            crm: row.crm.clone(),
            erp: row.erp.clone(),
            kind,
        });
    }

    /// Commit the group; should the rules refuse it as a whole (someone else decided
    /// meanwhile), its rows are checked and applied one by one instead.
    fn flush(&mut self, group: &mut Group<'_>) -> Result<(), ProjectError> {
        if group.rows.is_empty() {
            return Ok(());
        }
        let decisions: Vec<Decision> = group.rows.iter().map(|(_, d)| d.clone()).collect();
        let note = Some(group.note.as_str()).filter(|note| !note.is_empty());
        match self.decide(&decisions, note) {
            Ok(entries) => {
                for ((row, _), entry) in group.rows.iter().zip(&entries) {
                    self.applied(row, entry.kind);
                }
            }
            Err(error) if error.refusal().is_some() => {
                for (row, decision) in &group.rows {
                    self.project.refresh()?;
                    if let Some(reason) = check_row(self.project, row) {
                        self.refuse(row, reason);
                        continue;
                    }
                    match self.decide(std::slice::from_ref(decision), note) {
                        Ok(entries) => {
                            for entry in &entries {
                                self.applied(row, entry.kind);
                            }
                        }
                        Err(error) => match error.refusal() {
                            Some(refusal) => self.refuse(row, refusal.to_string()),
                            None => return Err(error),
                        },
                    }
                }
            }
            Err(error) => return Err(error),
        }
        *group = Group::new();
        Ok(())
    }

    /// Apply every row of the sheet.
    fn apply_rows(&mut self, rows: &[ReviewRow]) -> Result<(), ProjectError> {
        let mut group = Group::new();
        for row in rows {
            type Make = fn(String, String) -> Decision;
            let make: Make = match verdict(&row.decision) {
                Ok(Verdict::Blank) => {
                    self.report.blank += 1;
                    continue;
                }
                Ok(Verdict::Unsure) if self.project.is_unsure(&row.crm, &row.erp) => {
                    self.report.unsure += 1;
                    continue;
                }
                Ok(Verdict::Accept) => |crm, erp| Decision::Accept { crm, erp },
                Ok(Verdict::Reject) => |crm, erp| Decision::Reject { crm, erp },
                Ok(Verdict::Unsure) => |crm, erp| Decision::Unsure { crm, erp },
                Err(reason) => {
                    self.refuse(row, reason);
                    continue;
                }
            };
            if !group.admits(row) {
                self.flush(&mut group)?;
            }
            if group.rows.is_empty() {
                self.project.refresh()?;
            }
            if let Some(reason) = check_row(self.project, row) {
                self.refuse(row, reason);
                continue;
            }
            let decision = make(row.crm.clone(), row.erp.clone());
            group.push(row, decision);
        }
        self.flush(&mut group)
    }
}

/// Apply the decisions of the review workbook `file` to `project`, taken by `by`, as one batch
/// that undo takes back as one. Rows are committed in groups (one disk flush for up to a
/// thousand rows), each row checked as if the rows before it had been applied one by one.
pub fn apply_review(
    project: &mut Project,
    file: &Path,
    by: &str,
) -> Result<ApplyReport, ReviewError> {
    let sheet = read_review(file)?;
    let mut applier = Applier {
        project,
        by,
        batch: None,
        report: ApplyReport {
            file: sheet.file.clone(),
            sheet: sheet.sheet.clone(),
            applied: Vec::new(),
            refused: Vec::new(),
            unsure: 0,
            blank: 0,
        },
    };
    if let Err(source) = applier.apply_rows(&sheet.rows) {
        return Err(ReviewError::Project {
            file: sheet.file.clone(),
            applied: applier.report.applied.len(),
            source: Box::new(source),
        });
    }
    Ok(applier.report)
}
