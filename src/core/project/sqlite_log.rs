//! The decision log in the project file: reading and appending [`LogRow`]s with SQLite.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::error::ProjectError;
use super::log::{DROPPED, LogRow, UNDONE};

const COLUMNS: &str = "seq, at, by, action, side_a, key_a, side_b, key_b, score, note, hash_a, \
                       hash_b, target, state, batch";

fn log_row(row: &Row<'_>) -> rusqlite::Result<LogRow> {
    Ok(LogRow {
        seq: row.get(0)?,
        at: row.get(1)?,
        by: row.get(2)?,
        action: row.get(3)?,
        side_a: row.get(4)?,
        key_a: row.get(5)?,
        side_b: row.get(6)?,
        key_b: row.get(7)?,
        score: row.get(8)?,
        note: row.get(9)?,
        hash_a: row.get(10)?,
        hash_b: row.get(11)?,
        target: row.get(12)?,
        state: row.get(13)?,
        batch: row.get(14)?,
    })
}

/// The rows after `after`; with `decisions_only` only decisions in effect or undone.
pub fn rows(
    connection: &Connection,
    file: &Path,
    after: i64,
    decisions_only: bool,
) -> Result<Vec<LogRow>, ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "read the decision log", source);
    let filter = if decisions_only {
        " AND state IN (0, 1) AND target IS NULL"
    } else {
        ""
    };
    let mut statement = connection
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM log WHERE seq > ?1{filter} ORDER BY seq"
        ))
        .map_err(sqlite)?;
    let rows = statement.query_map([after], log_row).map_err(sqlite)?;
    rows.collect::<Result<Vec<_>, _>>().map_err(sqlite)
}

/// The number of the last row.
pub fn last_seq(connection: &Connection, file: &Path) -> Result<i64, ProjectError> {
    connection
        .query_row("SELECT coalesce(max(seq), 0) FROM log", [], |row| {
            row.get(0)
        })
        .map_err(|source| ProjectError::sqlite(file, "read the decision log", source))
}

/// Append `row` (keeping its `seq` when `keep_seq`); a decision without a batch starts its own.
pub fn append(
    connection: &Connection,
    file: &Path,
    row: &LogRow,
    keep_seq: bool,
) -> Result<i64, ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "record the decision", source);
    let seq = keep_seq.then_some(row.seq);
    connection
        .prepare_cached(
            "INSERT INTO log (seq, at, by, action, side_a, key_a, side_b, key_b, score, note, \
             hash_a, hash_b, target, state, batch)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )
        .and_then(|mut statement| {
            statement.execute(params![
                seq, row.at, row.by, row.action, row.side_a, row.key_a, row.side_b, row.key_b,
                row.score, row.note, row.hash_a, row.hash_b, row.target, row.state, row.batch
            ])
        })
        .map_err(sqlite)?;
    let seq = connection.last_insert_rowid();
    if row.batch.is_none() && row.is_decision() && !keep_seq {
        connection
            .prepare_cached("UPDATE log SET batch = seq WHERE seq = ?1")
            .and_then(|mut statement| statement.execute([seq]))
            .map_err(sqlite)?;
    }
    Ok(seq)
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

/// Drop the undone decisions of reviewer `by` from their redo branch.
pub fn drop_undone(connection: &Connection, file: &Path, by: &str) -> Result<(), ProjectError> {
    connection
        .prepare_cached("UPDATE log SET state = ?1 WHERE state = ?2 AND by = ?3")
        .and_then(|mut statement| statement.execute(params![DROPPED, UNDONE, by]))
        .map(|_| ())
        .map_err(|source| ProjectError::sqlite(file, "record the history", source))
}
