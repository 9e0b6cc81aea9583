//! The project file as a [`Backend`]: one SQLite connection; reads in a deferred transaction,
//! writes in an immediate one (SQLite's write lock, waited for up to the busy timeout).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use crate::core::model::Side;

use super::assignments::AssignmentRow;
use super::backend::{Backend, MissingRow, Tx, Work};
use super::error::ProjectError;
use super::lists::RecordList;
use super::log::LogRow;
use super::suggestions::Suggestions;
use super::{sqlite_log, store, suggestion_store};

/// An open project file.
#[derive(Debug)]
pub(crate) struct SqliteBackend {
    connection: Connection,
    file: PathBuf,
}

impl SqliteBackend {
    /// The store of `file` over `connection`.
    pub fn new(file: &Path, connection: Connection) -> Self {
        SqliteBackend {
            connection,
            file: file.to_path_buf(),
        }
    }

    fn run(
        &self,
        behavior: TransactionBehavior,
        action: &'static str,
        work: Work<'_>,
    ) -> Result<(), ProjectError> {
        let file = self.file.as_path();
        let sqlite = |source| ProjectError::sqlite(file, action, source);
        let transaction = Transaction::new_unchecked(&self.connection, behavior).map_err(sqlite)?;
        work(&mut SqliteTx {
            connection: &transaction,
            file,
        })?;
        transaction.commit().map_err(sqlite)
    }
}

impl Backend for SqliteBackend {
    fn read(&self, work: Work<'_>) -> Result<(), ProjectError> {
        self.run(TransactionBehavior::Deferred, "read the project", work)
    }

    fn write(&mut self, action: &'static str, work: Work<'_>) -> Result<(), ProjectError> {
        self.run(TransactionBehavior::Immediate, action, work)
    }
}

/// One transaction on a project file (also used while a new file is filled).
pub(crate) struct SqliteTx<'a> {
    /// The connection, inside a transaction.
    pub connection: &'a Connection,
    /// The project file, for errors.
    pub file: &'a Path,
}

impl Tx for SqliteTx<'_> {
    fn meta(&mut self, key: &str) -> Result<Option<String>, ProjectError> {
        store::meta(self.connection, self.file, key)
    }

    fn set_meta(&mut self, key: &str, value: &str) -> Result<(), ProjectError> {
        store::set_meta(self.connection, self.file, key, value)
    }

    fn load_list(&mut self, side: Side) -> Result<RecordList, ProjectError> {
        store::load_list(self.connection, self.file, side)
    }

    fn write_list(&mut self, list: &RecordList) -> Result<(), ProjectError> {
        store::write_list(self.connection, self.file, list)
    }

    fn load_suggestions(&mut self) -> Result<Suggestions, ProjectError> {
        suggestion_store::load_suggestions(self.connection, self.file)
    }

    fn write_suggestions(&mut self, suggestions: &Suggestions) -> Result<(), ProjectError> {
        suggestion_store::write_suggestions(self.connection, self.file, suggestions)
    }

    fn log_rows(&mut self, after: i64, decisions_only: bool) -> Result<Vec<LogRow>, ProjectError> {
        sqlite_log::rows(self.connection, self.file, after, decisions_only)
    }

    fn last_seq(&mut self) -> Result<i64, ProjectError> {
        sqlite_log::last_seq(self.connection, self.file)
    }

    fn append_log(&mut self, row: &LogRow, keep_seq: bool) -> Result<i64, ProjectError> {
        sqlite_log::append(self.connection, self.file, row, keep_seq)
    }

    fn batch_owner(&mut self, batch: i64) -> Result<Option<String>, ProjectError> {
        sqlite_log::batch_owner(self.connection, self.file, batch)
    }

    fn set_state(&mut self, seq: i64, state: i64) -> Result<(), ProjectError> {
        sqlite_log::set_state(self.connection, self.file, seq, state)
    }

    fn drop_undone(&mut self, by: &str) -> Result<(), ProjectError> {
        sqlite_log::drop_undone(self.connection, self.file, by)
    }

    fn missing_rows(&mut self) -> Result<Vec<MissingRow>, ProjectError> {
        let sqlite = |source| ProjectError::sqlite(self.file, "read the missing records", source);
        let mut statement = self
            .connection
            .prepare(
                "SELECT side, key, hash, content, missing_since FROM missing_records ORDER BY side, key",
            )
            .map_err(sqlite)?;
        let rows = statement
            .query_map([], |row| {
                Ok(MissingRow {
                    side: row.get(0)?,
                    key: row.get(1)?,
                    hash: row.get(2)?,
                    content: row.get(3)?,
                    missing_since: row.get(4)?,
                })
            })
            .map_err(sqlite)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(sqlite)
    }

    fn keep_missing(&mut self, row: &MissingRow) -> Result<(), ProjectError> {
        self.connection
            .execute(
                "INSERT OR REPLACE INTO missing_records (side, key, hash, content, missing_since)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![row.side, row.key, row.hash, row.content, row.missing_since],
            )
            .map(|_| ())
            .map_err(|source| ProjectError::sqlite(self.file, "store the re-imported list", source))
    }

    fn forget_missing(&mut self, side: Side, key: &str) -> Result<(), ProjectError> {
        self.connection
            .execute(
                "DELETE FROM missing_records WHERE side = ?1 AND key = ?2",
                params![side.as_str(), key],
            )
            .map(|_| ())
            .map_err(|source| ProjectError::sqlite(self.file, "store the re-imported list", source))
    }

    fn assignments(&mut self) -> Result<Vec<AssignmentRow>, ProjectError> {
        let sqlite = |source| ProjectError::sqlite(self.file, "read the assignments", source);
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT kind, key_a, key_b, reviewer, assigned_by, assigned_at FROM assignments \
                 ORDER BY kind, key_a, key_b",
            )
            .map_err(sqlite)?;
        let rows = statement
            .query_map([], |row| {
                Ok(AssignmentRow {
                    kind: row.get(0)?,
                    key_a: row.get(1)?,
                    key_b: row.get(2)?,
                    reviewer: row.get(3)?,
                    assigned_by: row.get(4)?,
                    assigned_at: row.get(5)?,
                })
            })
            .map_err(sqlite)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(sqlite)
    }

    fn assign(&mut self, rows: &[AssignmentRow]) -> Result<(), ProjectError> {
        let sqlite = |source| ProjectError::sqlite(self.file, "record the assignment", source);
        let mut upsert = self
            .connection
            .prepare_cached(
                "INSERT INTO assignments (kind, key_a, key_b, reviewer, assigned_by, assigned_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (kind, key_a, key_b) DO UPDATE SET reviewer = excluded.reviewer,
                     assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at",
            )
            .map_err(sqlite)?;
        let mut release = self
            .connection
            .prepare_cached("DELETE FROM assignments WHERE kind = ?1 AND key_a = ?2 AND key_b = ?3")
            .map_err(sqlite)?;
        for row in rows {
            if row.reviewer.is_empty() {
                release.execute(params![row.kind, row.key_a, row.key_b])
            } else {
                upsert.execute(params![
                    row.kind,
                    row.key_a,
                    row.key_b,
                    row.reviewer,
                    row.assigned_by,
                    row.assigned_at
                ])
            }
            .map_err(sqlite)?;
        }
        Ok(())
    }
}
