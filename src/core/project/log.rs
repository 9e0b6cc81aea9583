//! The decision log table: appending decisions and undo / redo / re-import events, reading the
//! decisions back, and reading what other programs appended since a given entry.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::core::model::Side;

use super::decisions::{DecisionEntry, DecisionKind, RecordRef};
use super::error::ProjectError;
use super::hash::ContentHash;

/// `log.state` of a decision in effect.
pub const IN_EFFECT: i64 = 0;
/// `log.state` of an undone decision that redo can put back.
pub const UNDONE: i64 = 1;
/// `log.state` of an undone decision dropped from the redo branch by a later decision.
pub const DROPPED: i64 = 2;

/// A log entry as read back.
#[derive(Debug, Clone, PartialEq)]
pub enum LogEvent {
    /// A decision (with its current `state`).
    Decision(Box<DecisionEntry>, i64),
    /// Decision `target` was undone.
    Undo(i64),
    /// Decision `target` was redone.
    Redo(i64),
    /// A list was re-imported: lists and suggestions changed.
    Reimport,
}

const COLUMNS: &str = "seq, at, by, action, side_a, key_a, side_b, key_b, score, note, hash_a, \
                       hash_b, target, state, coalesce(batch, seq)";

fn record(row: &Row<'_>, side: usize, key: usize) -> rusqlite::Result<Option<RecordRef>> {
    let side = match row.get_ref(side)?.as_str_or_null()? {
        Some("crm") => Side::Crm,
        Some("erp") => Side::Erp,
        _ => return Ok(None),
    };
    let key: Option<String> = row.get(key)?;
    Ok(key.map(|key| RecordRef { side, key }))
}

fn hash(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<ContentHash>> {
    let text: Option<String> = row.get(index)?;
    Ok(text.and_then(|text| text.parse().ok()))
}

/// Read one log row (selected with [`COLUMNS`]) as an event; `None` for an action this build
/// does not know (a newer build may log more).
fn event(row: &Row<'_>) -> rusqlite::Result<Option<(i64, LogEvent)>> {
    let seq: i64 = row.get(0)?;
    let action = row.get_ref(3)?.as_str()?;
    let target: Option<i64> = row.get(12)?;
    let event = match (action, target) {
        ("undo", Some(target)) => LogEvent::Undo(target),
        ("redo", Some(target)) => LogEvent::Redo(target),
        ("reimport", _) => LogEvent::Reimport,
        _ => {
            let (Some(kind), Some(first)) = (DecisionKind::parse(action), record(row, 4, 5)?)
            else {
                return Ok(None);
            };
            let entry = DecisionEntry {
                seq,
                batch: row.get(14)?,
                kind,
                first,
                second: record(row, 6, 7)?,
                by: row.get(2)?,
                at: row.get(1)?,
                score: row.get(8)?,
                note: row.get(9)?,
                first_hash: hash(row, 10)?,
                second_hash: hash(row, 11)?,
            };
            LogEvent::Decision(Box::new(entry), row.get(13)?)
        }
    };
    Ok(Some((seq, event)))
}

/// Every event after entry `after`, in log order.
pub fn events_since(
    connection: &Connection,
    file: &Path,
    after: i64,
) -> Result<Vec<(i64, LogEvent)>, ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "read the decision log", source);
    let mut statement = connection
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM log WHERE seq > ?1 ORDER BY seq"
        ))
        .map_err(sqlite)?;
    let mut rows = statement.query([after]).map_err(sqlite)?;
    let mut events = Vec::new();
    while let Some(row) = rows.next().map_err(sqlite)? {
        if let Some(event) = event(row).map_err(sqlite)? {
            events.push(event);
        }
    }
    Ok(events)
}

/// The decisions in effect and the undone ones that can be redone, in log order, and the last
/// entry's number.
pub fn load_decisions(
    connection: &Connection,
    file: &Path,
) -> Result<(Vec<(DecisionEntry, i64)>, i64), ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "read the decision log", source);
    let mut statement = connection
        .prepare(&format!(
            "SELECT {COLUMNS} FROM log WHERE state IN (0, 1) AND target IS NULL ORDER BY seq"
        ))
        .map_err(sqlite)?;
    let mut rows = statement.query([]).map_err(sqlite)?;
    let mut decisions = Vec::new();
    while let Some(row) = rows.next().map_err(sqlite)? {
        if let Some((_, LogEvent::Decision(entry, state))) = event(row).map_err(sqlite)? {
            decisions.push((*entry, state));
        }
    }
    let last: i64 = connection
        .query_row("SELECT coalesce(max(seq), 0) FROM log", [], |row| {
            row.get(0)
        })
        .map_err(sqlite)?;
    Ok((decisions, last))
}

/// Append a decision in batch `entry.batch`, or, when that is 0, as the first decision of a
/// new batch numbered by its own `seq`; returns its number.
pub fn append_decision(
    connection: &Connection,
    file: &Path,
    entry: &DecisionEntry,
) -> Result<i64, ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "record the decision", source);
    let mut statement = connection
        .prepare_cached(
            "INSERT INTO log (at, by, action, side_a, key_a, side_b, key_b, score, note, hash_a, hash_b, batch)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )
        .map_err(sqlite)?;
    statement
        .execute(params![
            entry.at,
            entry.by,
            entry.kind.as_str(),
            entry.first.side.as_str(),
            entry.first.key,
            entry.second.as_ref().map(|record| record.side.as_str()),
            entry.second.as_ref().map(|record| record.key.as_str()),
            entry.score,
            entry.note,
            entry.first_hash.map(|hash| hash.to_string()),
            entry.second_hash.map(|hash| hash.to_string()),
            (entry.batch != 0).then_some(entry.batch),
        ])
        .map_err(sqlite)?;
    let seq = connection.last_insert_rowid();
    if entry.batch == 0 {
        connection
            .prepare_cached("UPDATE log SET batch = seq WHERE seq = ?1")
            .and_then(|mut statement| statement.execute([seq]))
            .map_err(sqlite)?;
    }
    Ok(seq)
}

/// Append a re-import event; returns its number.
pub fn append_event(
    connection: &Connection,
    file: &Path,
    action: &str,
    target: Option<i64>,
    by: &str,
    at: &str,
    note: Option<&str>,
) -> Result<i64, ProjectError> {
    connection
        .prepare_cached(
            "INSERT INTO log (at, by, action, target, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .and_then(|mut statement| statement.execute(params![at, by, action, target, note]))
        .map_err(|source| ProjectError::sqlite(file, "record the history", source))?;
    Ok(connection.last_insert_rowid())
}

/// Append an undo or redo (`action`) of decision `target` of batch `batch`, by `by` at `at`;
/// returns its number.
pub fn append_move(
    connection: &Connection,
    file: &Path,
    (action, target, batch): (&str, i64, i64),
    by: &str,
    at: &str,
) -> Result<i64, ProjectError> {
    connection
        .prepare_cached(
            "INSERT INTO log (at, by, action, target, batch) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .and_then(|mut statement| statement.execute(params![at, by, action, target, batch]))
        .map_err(|source| ProjectError::sqlite(file, "record the history", source))?;
    Ok(connection.last_insert_rowid())
}

/// Who took the decisions of batch `batch`, if it is one.
pub fn batch_owner(
    connection: &Connection,
    file: &Path,
    batch: i64,
) -> Result<Option<String>, ProjectError> {
    connection
        .query_row(
            "SELECT by FROM log WHERE seq = ?1 AND batch = ?1 AND target IS NULL",
            [batch],
            |row| row.get(0),
        )
        .optional()
        .map_err(|source| ProjectError::sqlite(file, "read the decision log", source))
}

/// Set the state of decision `seq`.
pub fn set_state(
    connection: &Connection,
    file: &Path,
    seq: i64,
    state: i64,
) -> Result<(), ProjectError> {
    connection
        .prepare_cached("UPDATE log SET state = ?1 WHERE seq = ?2")
        .and_then(|mut statement| statement.execute([state, seq]))
        .map(|_| ())
        .map_err(|source| ProjectError::sqlite(file, "record the history", source))
}

/// Drop the undone decisions of reviewer `by` from their redo branch (a new decision of theirs
/// ends it; other reviewers' branches stay).
pub fn drop_undone(connection: &Connection, file: &Path, by: &str) -> Result<(), ProjectError> {
    connection
        .prepare_cached("UPDATE log SET state = ?1 WHERE state = ?2 AND by = ?3")
        .and_then(|mut statement| statement.execute(params![DROPPED, UNDONE, by]))
        .map(|_| ())
        .map_err(|source| ProjectError::sqlite(file, "record the history", source))
}

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AuditRow {
    /// Position in the log.
    pub seq: i64,
    /// When (UTC).
    pub at: String,
    /// Who.
    pub by: String,
    /// `accept`, `reject`, `link`, `duplicate`, `not_duplicate`, `create_in_erp`,
    /// `create_in_crm`, `ignore`, `undo`, `redo` or `reimport`.
    pub action: String,
    /// The first record (`crm:ID` ...); for undo and redo the decision's first record.
    pub first: Option<String>,
    /// The second record.
    pub second: Option<String>,
    /// The suggestion's probability at the time.
    pub score: Option<f64>,
    /// The note.
    pub note: Option<String>,
    /// Content hash of the first record at the time.
    pub first_hash: Option<String>,
    /// Content hash of the second record at the time.
    pub second_hash: Option<String>,
    /// For undo and redo: the decision's number.
    pub target: Option<i64>,
    /// For decisions: `in_effect`, `undone` or `dropped` (undone, then replaced by a later
    /// decision); empty for events.
    pub state: String,
    /// The batch: for decisions the batch they were taken in (numbered by its first decision),
    /// for undo and redo the batch of the decision they moved; none for re-imports.
    pub batch: Option<i64>,
}

/// The whole log, oldest first.
pub fn audit_rows(connection: &Connection, file: &Path) -> Result<Vec<AuditRow>, ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "read the decision log", source);
    let mut statement = connection
        .prepare(
            "SELECT l.seq, l.at, l.by, l.action,
                    coalesce(l.side_a || ':' || l.key_a, t.side_a || ':' || t.key_a),
                    coalesce(l.side_b || ':' || l.key_b, t.side_b || ':' || t.key_b),
                    l.score, l.note, l.hash_a, l.hash_b, l.target, l.state,
                    CASE WHEN l.action = 'reimport' THEN NULL
                         ELSE coalesce(l.batch, t.batch, l.target, l.seq) END
             FROM log l LEFT JOIN log t ON t.seq = l.target ORDER BY l.seq",
        )
        .map_err(sqlite)?;
    let rows = statement
        .query_map([], |row| {
            let action: String = row.get(3)?;
            let target: Option<i64> = row.get(10)?;
            let state: i64 = row.get(11)?;
            let is_decision = target.is_none() && action != "reimport";
            Ok(AuditRow {
                seq: row.get(0)?,
                at: row.get(1)?,
                by: row.get(2)?,
                action,
                first: row.get(4)?,
                second: row.get(5)?,
                score: row.get(6)?,
                note: row.get(7)?,
                first_hash: row.get(8)?,
                second_hash: row.get(9)?,
                target,
                state: match (is_decision, state) {
                    (false, _) => String::new(),
                    (true, IN_EFFECT) => "in_effect".to_string(),
                    (true, UNDONE) => "undone".to_string(),
                    (true, _) => "dropped".to_string(),
                },
                batch: row.get(12)?,
            })
        })
        .map_err(sqlite)?;
    rows.collect::<Result<Vec<_>, _>>().map_err(sqlite)
}
