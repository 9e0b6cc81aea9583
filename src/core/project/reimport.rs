//! Re-import: a newer export of one list replaces the old one. Records are matched by key (their
//! id). Decisions on unchanged records stay as they are; a decision whose record changed (its
//! content hash differs) stays in effect but is reported stale, to be confirmed again; a record
//! that disappeared keeps its decisions in the log, its last content is kept in the project,
//! and it is reported. Matching runs again with the decisions as labels, so new records get
//! suggestions and rejected pairs are never suggested again.

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;

use crate::core::model::{Dataset, Side};

use super::backend::{MissingRow, Tx};
use super::error::ProjectError;
use super::lists::RecordList;
use super::log::LogRow;
use super::matcher::{Labels, run_matching};
use super::suggestions::{SuggestionSet, Suggestions};
use super::{Project, catch_up, utc_now};

/// What a re-import found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReimportReport {
    /// The list re-imported.
    pub side: Side,
    /// Records in the new list.
    pub records: usize,
    /// Records present before and after with the same content.
    pub unchanged: usize,
    /// Keys of records whose content changed.
    pub changed: Vec<String>,
    /// Keys of records that are new.
    pub added: Vec<String>,
    /// Keys of records that disappeared.
    pub disappeared: Vec<String>,
    /// Decisions in effect that are now stale (a record changed).
    pub stale_decisions: usize,
    /// Decisions in effect about a record that is no longer in its list.
    pub missing_decisions: usize,
    /// Pairs suggested after the new matching run.
    pub suggested: usize,
    /// Suggestions (pairs and alternatives) that involve a new record.
    pub suggested_for_added: usize,
}

/// A record that disappeared at a re-import, as it was last seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissingRecord {
    /// Its list.
    pub side: Side,
    /// Its key.
    pub key: String,
    /// Its last content: (header, cell) pairs in file order.
    pub fields: Vec<(String, String)>,
    /// When it was found missing (UTC).
    pub missing_since: String,
}

/// How the records of two versions of a list compare.
struct ListChanges {
    unchanged: usize,
    changed: Vec<String>,
    added: Vec<String>,
    disappeared: Vec<String>,
}

fn compare(old: &RecordList, new: &RecordList) -> ListChanges {
    let mut changes = ListChanges {
        unchanged: 0,
        changed: Vec::new(),
        added: Vec::new(),
        disappeared: Vec::new(),
    };
    for (row, key) in new.keys().iter().enumerate() {
        match old.hash_of(key) {
            None => changes.added.push(key.clone()),
            Some(hash) if Some(hash) != new.hash(row) => changes.changed.push(key.clone()),
            Some(_) => changes.unchanged += 1,
        }
    }
    changes.disappeared = old
        .keys()
        .iter()
        .filter(|key| new.row_of(key).is_none())
        .cloned()
        .collect();
    changes
}

impl Project {
    /// Replace the list of `side` by a newer export and re-run matching and duplicate search
    /// with the decisions as labels ([`run_matching`]). `mapping` is the column mapping the new
    /// dataset was imported with (`None`: the one stored, see [`RecordList::mapping`]).
    pub fn reimport(
        &mut self,
        side: Side,
        dataset: Dataset,
        mapping: Option<Vec<String>>,
        by: &str,
    ) -> Result<ReimportReport, ProjectError> {
        self.reimport_with(side, dataset, mapping, by, run_matching)
    }

    /// [`Project::reimport`] with another matcher, which gets the CRM and ERP datasets and the
    /// decisions as labels and returns its suggestions by dataset row. `mapping` is the column mapping the new dataset
    /// was imported with (`None`: the one stored, see [`RecordList::mapping`]).
    pub fn reimport_with(
        &mut self,
        side: Side,
        dataset: Dataset,
        mapping: Option<Vec<String>>,
        by: &str,
        matcher: impl FnOnce(&Dataset, &Dataset, &Labels) -> SuggestionSet,
    ) -> Result<ReimportReport, ProjectError> {
        self.refresh()?;
        let old = self.loaded.list(side);
        let mapping = mapping.unwrap_or_else(|| old.mapping.clone());
        let other_generation = self.loaded.list(side.other()).generation;
        let mut new = RecordList::new(side, dataset, mapping, by);
        new.generation = old.generation + 1;
        new.imported_at = utc_now();
        let (crm, erp) = match side {
            Side::Crm => (&new, &self.loaded.erp),
            Side::Erp => (&self.loaded.crm, &new),
        };
        let labels = Labels::from_state(crm, erp, &self.loaded.state);
        let set = matcher(&crm.dataset, &erp.dataset, &labels);
        let suggestions = Suggestions::from_set(&set, crm, erp);
        let changes = self.write_reimport(&new, &suggestions, other_generation, by)?;
        let added: HashSet<&str> = changes.added.iter().map(String::as_str).collect();
        let suggested_for_added = suggestions
            .items
            .iter()
            .filter(|item| match side {
                Side::Crm => added.contains(item.crm.as_str()),
                Side::Erp => added.contains(item.erp.as_str()),
            })
            .count();
        match side {
            Side::Crm => self.loaded.crm = new,
            Side::Erp => self.loaded.erp = new,
        }
        self.loaded.suggestions = suggestions;
        let status = self.status();
        Ok(ReimportReport {
            side,
            records: self.loaded.list(side).len(),
            unchanged: changes.unchanged,
            changed: changes.changed,
            added: changes.added,
            disappeared: changes.disappeared,
            stale_decisions: status.stale,
            missing_decisions: status.missing,
            suggested: status.suggested,
            suggested_for_added,
        })
    }

    /// Store a re-imported list and its suggestions in one transaction.
    fn write_reimport(
        &mut self,
        new: &RecordList,
        suggestions: &Suggestions,
        other_generation: i64,
        by: &str,
    ) -> Result<ListChanges, ProjectError> {
        let (loaded, file) = (&mut self.loaded, self.name.as_path());
        let mut changes = None;
        self.backend
            .write("store the re-imported list", &mut |tx| {
                catch_up(tx, file, loaded)?;
                if loaded.list(new.side.other()).generation != other_generation {
                    return Err(ProjectError::invalid(
                        file,
                        "the other list was re-imported by someone else meanwhile; re-import again",
                    ));
                }
                let old = loaded.list(new.side);
                let found = compare(old, new);
                let now = utc_now();
                archive_missing(tx, file, old, &found, &now)?;
                tx.write_list(new)?;
                tx.write_suggestions(suggestions)?;
                let note = format!(
                    "{} list: {} records, {} changed, {} new, {} disappeared",
                    new.side,
                    new.len(),
                    found.changed.len(),
                    found.added.len(),
                    found.disappeared.len()
                );
                let row = LogRow {
                    note: Some(note),
                    ..LogRow::event("reimport", (None, None), by, &now)
                };
                loaded.last_seq = tx.append_log(&row, false)?;
                changes = Some(found);
                Ok(())
            })?;
        changes.ok_or_else(|| ProjectError::invalid(file, "the re-import was not recorded"))
    }

    /// The records that disappeared at re-imports, as they were last seen.
    pub fn missing_records(&self) -> Result<Vec<MissingRecord>, ProjectError> {
        let file = self.name.as_path();
        let mut rows = Vec::new();
        self.backend.read(&mut |tx| {
            rows = tx.missing_rows()?;
            Ok(())
        })?;
        let mut missing = Vec::new();
        for row in rows {
            let MissingRow {
                side,
                key,
                content,
                missing_since,
                ..
            } = row;
            let corrupt = |detail: String| ProjectError::Corrupt {
                file: file.to_path_buf(),
                detail,
            };
            missing.push(MissingRecord {
                side: side.parse().map_err(corrupt)?,
                key,
                fields: serde_json::from_str(&content).map_err(|e| corrupt(e.to_string()))?,
                missing_since,
            });
        }
        Ok(missing)
    }
}

/// Keep the last content of the records that disappeared, and forget records that came back.
fn archive_missing(
    tx: &mut dyn Tx,
    file: &Path,
    old: &RecordList,
    changes: &ListChanges,
    now: &str,
) -> Result<(), ProjectError> {
    for key in &changes.disappeared {
        let fields: Vec<(String, String)> = old
            .record(key)
            .map(|record| {
                record
                    .fields()
                    .map(|(column, value)| (column.name.clone(), value.to_string()))
                    .collect()
            })
            .unwrap_or_default();
        let content = serde_json::to_string(&fields)
            .map_err(|e| ProjectError::invalid(file, e.to_string()))?;
        let hash = old
            .hash_of(key)
            .map(|hash| hash.to_string())
            .unwrap_or_default();
        tx.keep_missing(&MissingRow {
            side: old.side.as_str().to_string(),
            key: key.clone(),
            hash,
            content,
            missing_since: now.to_string(),
        })?;
    }
    for key in &changes.added {
        tx.forget_missing(old.side, key)?;
    }
    Ok(())
}
