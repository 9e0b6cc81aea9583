//! The one storage interface a project is kept behind, with two implementations: the project
//! file (SQLite, `sqlite_backend.rs`) and a project on a PostgreSQL server (`pg/`). Both keep
//! the same tables, and everything above this interface (the rules, undo and redo, catching up
//! with other programs) is shared, so both behave the same.
//!
//! A write runs inside one transaction that holds the project's write lock: writers take turns,
//! and each first catches up with what the others committed, so the rules are checked against
//! the store, not against a stale copy (two reviewers can never both link one record).

use crate::core::model::Side;

use super::assignments::AssignmentRow;
use super::error::ProjectError;
use super::lists::RecordList;
use super::log::LogRow;
use super::suggestions::Suggestions;

/// Work done inside one transaction.
pub(crate) type Work<'a> = &'a mut dyn FnMut(&mut dyn Tx) -> Result<(), ProjectError>;

/// Where a project is kept.
pub(crate) trait Backend: std::fmt::Debug + Send {
    /// Run `work` in a read transaction (one consistent view of the project).
    fn read(&self, work: Work<'_>) -> Result<(), ProjectError>;

    /// Run `work` in a write transaction holding the project's write lock; commit when it
    /// succeeds (durably, before returning), roll back when it fails. `action` says what is
    /// written, for errors.
    fn write(&mut self, action: &'static str, work: Work<'_>) -> Result<(), ProjectError>;
}

/// A record that disappeared at a re-import, as stored.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MissingRow {
    /// `crm` or `erp`.
    pub side: String,
    /// Its key.
    pub key: String,
    /// Its last content hash.
    pub hash: String,
    /// Its last content (JSON list of header, value).
    pub content: String,
    /// When it was found missing (UTC).
    pub missing_since: String,
}

/// What can be read and written inside one transaction.
pub(crate) trait Tx {
    /// A `meta` value.
    fn meta(&mut self, key: &str) -> Result<Option<String>, ProjectError>;
    /// Write a `meta` value.
    fn set_meta(&mut self, key: &str, value: &str) -> Result<(), ProjectError>;
    /// The list of `side`.
    fn load_list(&mut self, side: Side) -> Result<RecordList, ProjectError>;
    /// Replace the list of its side.
    fn write_list(&mut self, list: &RecordList) -> Result<(), ProjectError>;
    /// The stored suggestions.
    fn load_suggestions(&mut self) -> Result<Suggestions, ProjectError>;
    /// Replace the stored suggestions.
    fn write_suggestions(&mut self, suggestions: &Suggestions) -> Result<(), ProjectError>;
    /// The log rows after `after`, in log order; with `decisions_only`, only the decisions in
    /// effect or undone.
    fn log_rows(&mut self, after: i64, decisions_only: bool) -> Result<Vec<LogRow>, ProjectError>;
    /// The number of the last log row (0 when the log is empty).
    fn last_seq(&mut self) -> Result<i64, ProjectError>;
    /// Append a row (its `seq` is given by the store, unless `keep_seq`, as `copy` does); a
    /// decision row without a batch starts a new batch numbered by its own `seq`. Returns the
    /// row's number.
    fn append_log(&mut self, row: &LogRow, keep_seq: bool) -> Result<i64, ProjectError>;
    /// Who took the decisions of batch `batch`, if it is one.
    fn batch_owner(&mut self, batch: i64) -> Result<Option<String>, ProjectError>;
    /// Set the state of decision `seq`.
    fn set_state(&mut self, seq: i64, state: i64) -> Result<(), ProjectError>;
    /// Mark the undone decisions of `by` dropped (a new decision of theirs ends their redo
    /// branch).
    fn drop_undone(&mut self, by: &str) -> Result<(), ProjectError>;
    /// The records that disappeared at re-imports.
    fn missing_rows(&mut self) -> Result<Vec<MissingRow>, ProjectError>;
    /// Keep a record that disappeared (replacing what was kept of it).
    fn keep_missing(&mut self, row: &MissingRow) -> Result<(), ProjectError>;
    /// Forget a record that came back.
    fn forget_missing(&mut self, side: Side, key: &str) -> Result<(), ProjectError>;
    /// Who each pair or cluster is assigned to.
    fn assignments(&mut self) -> Result<Vec<AssignmentRow>, ProjectError>;
    /// Assign (or, with an empty reviewer, release) pairs and clusters.
    fn assign(&mut self, rows: &[AssignmentRow]) -> Result<(), ProjectError>;
}
