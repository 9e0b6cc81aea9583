//! One transaction on a project on a server: the [`Tx`] operations in PostgreSQL's SQL. Lists
//! and suggestions go in with binary `COPY` (100,000 records in a second or two).

use std::path::Path;

use postgres::Transaction;
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{ToSql, Type};

use crate::core::model::Side;

use super::super::assignments::AssignmentRow;
use super::super::backend::{MissingRow, Tx};
use super::super::error::ProjectError;
use super::super::lists::RecordList;
use super::super::log::{DROPPED, LogRow, UNDONE};
use super::super::suggestions::Suggestions;
use super::{pg_error, tables};

/// A transaction on one project's schema.
pub(crate) struct PgTx<'a, 'b> {
    pub(super) transaction: &'a mut Transaction<'b>,
    pub(super) name: &'a Path,
}

const LOG_COLUMNS: &str = "seq, at, \"by\", action, side_a, key_a, side_b, key_b, score, note, \
                           hash_a, hash_b, target, state, batch";

impl<'a, 'b> PgTx<'a, 'b> {
    /// Work inside `transaction` on the project named `name` (for errors).
    pub fn new(transaction: &'a mut Transaction<'b>, name: &'a Path) -> Self {
        PgTx { transaction, name }
    }

    pub(super) fn execute(
        &mut self,
        action: &'static str,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<u64, ProjectError> {
        let name = self.name;
        self.transaction
            .execute(sql, params)
            .map_err(|error| pg_error(name, action, &error))
    }

    pub(super) fn query(
        &mut self,
        action: &'static str,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<postgres::Row>, ProjectError> {
        let name = self.name;
        self.transaction
            .query(sql, params)
            .map_err(|error| pg_error(name, action, &error))
    }

    /// Copy `rows` into `table (columns)` with binary COPY.
    pub(super) fn copy_in(
        &mut self,
        action: &'static str,
        (table, types): (&str, &[Type]),
        rows: &mut dyn FnMut(&mut BinaryCopyInWriter<'_>) -> Result<(), postgres::Error>,
    ) -> Result<(), ProjectError> {
        let name = self.name;
        let failed = |error: postgres::Error| pg_error(name, action, &error);
        let sink = self
            .transaction
            .copy_in(&format!("COPY {table} FROM STDIN BINARY"))
            .map_err(failed)?;
        let mut writer = BinaryCopyInWriter::new(sink, types);
        rows(&mut writer).map_err(failed)?;
        writer.finish().map_err(failed)?;
        Ok(())
    }
}

fn log_row(row: &postgres::Row) -> LogRow {
    LogRow {
        seq: row.get(0),
        at: row.get(1),
        by: row.get(2),
        action: row.get(3),
        side_a: row.get(4),
        key_a: row.get(5),
        side_b: row.get(6),
        key_b: row.get(7),
        score: row.get(8),
        note: row.get(9),
        hash_a: row.get(10),
        hash_b: row.get(11),
        target: row.get(12),
        state: row.get(13),
        batch: row.get(14),
    }
}

impl Tx for PgTx<'_, '_> {
    fn meta(&mut self, key: &str) -> Result<Option<String>, ProjectError> {
        let rows = self.query(
            "read the project settings",
            "SELECT value FROM meta WHERE key = $1",
            &[&key],
        )?;
        Ok(rows.first().map(|row| row.get(0)))
    }

    fn set_meta(&mut self, key: &str, value: &str) -> Result<(), ProjectError> {
        self.execute(
            "write the project settings",
            "INSERT INTO meta (key, value) VALUES ($1, $2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&key, &value],
        )
        .map(|_| ())
    }

    fn load_list(&mut self, side: Side) -> Result<RecordList, ProjectError> {
        tables::load_list(self, side)
    }

    fn write_list(&mut self, list: &RecordList) -> Result<(), ProjectError> {
        tables::write_list(self, list)
    }

    fn load_suggestions(&mut self) -> Result<Suggestions, ProjectError> {
        tables::load_suggestions(self)
    }

    fn write_suggestions(&mut self, suggestions: &Suggestions) -> Result<(), ProjectError> {
        tables::write_suggestions(self, suggestions)
    }

    fn log_rows(&mut self, after: i64, decisions_only: bool) -> Result<Vec<LogRow>, ProjectError> {
        let filter = if decisions_only {
            " AND state IN (0, 1) AND target IS NULL"
        } else {
            ""
        };
        let sql = format!("SELECT {LOG_COLUMNS} FROM log WHERE seq > $1{filter} ORDER BY seq");
        let rows = self.query("read the decision log", &sql, &[&after])?;
        Ok(rows.iter().map(log_row).collect())
    }

    fn last_seq(&mut self) -> Result<i64, ProjectError> {
        let rows = self.query(
            "read the decision log",
            "SELECT coalesce(max(seq), 0)::BIGINT FROM log",
            &[],
        )?;
        Ok(rows.first().map_or(0, |row| row.get(0)))
    }

    fn append_log(&mut self, row: &LogRow, keep_seq: bool) -> Result<i64, ProjectError> {
        let seq = if keep_seq {
            row.seq
        } else {
            self.last_seq()? + 1
        };
        let batch = match row.batch {
            None if row.is_decision() && !keep_seq => Some(seq),
            other => other,
        };
        self.execute(
            "record the decision",
            &format!(
                "INSERT INTO log ({LOG_COLUMNS})
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
            ),
            &[
                &seq,
                &row.at,
                &row.by,
                &row.action,
                &row.side_a,
                &row.key_a,
                &row.side_b,
                &row.key_b,
                &row.score,
                &row.note,
                &row.hash_a,
                &row.hash_b,
                &row.target,
                &row.state,
                &batch,
            ],
        )?;
        Ok(seq)
    }

    fn batch_owner(&mut self, batch: i64) -> Result<Option<String>, ProjectError> {
        let rows = self.query(
            "read the decision log",
            "SELECT \"by\" FROM log WHERE seq = $1 AND batch = $1 AND target IS NULL",
            &[&batch],
        )?;
        Ok(rows.first().map(|row| row.get(0)))
    }

    fn set_state(&mut self, seq: i64, state: i64) -> Result<(), ProjectError> {
        self.execute(
            "record the history",
            "UPDATE log SET state = $1 WHERE seq = $2",
            &[&state, &seq],
        )
        .map(|_| ())
    }

    fn drop_undone(&mut self, by: &str) -> Result<(), ProjectError> {
        self.execute(
            "record the history",
            "UPDATE log SET state = $1 WHERE state = $2 AND \"by\" = $3",
            &[&DROPPED, &UNDONE, &by],
        )
        .map(|_| ())
    }

    fn missing_rows(&mut self) -> Result<Vec<MissingRow>, ProjectError> {
        let rows = self.query(
            "read the missing records",
            "SELECT side, key, hash, content, missing_since FROM missing_records ORDER BY side, key",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|row| MissingRow {
                side: row.get(0),
                key: row.get(1),
                hash: row.get(2),
                content: row.get(3),
                missing_since: row.get(4),
            })
            .collect())
    }

    fn keep_missing(&mut self, row: &MissingRow) -> Result<(), ProjectError> {
        self.execute(
            "store the re-imported list",
            "INSERT INTO missing_records (side, key, hash, content, missing_since) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (side, key) DO UPDATE SET hash = excluded.hash, content = excluded.content,
                 missing_since = excluded.missing_since",
            &[&row.side, &row.key, &row.hash, &row.content, &row.missing_since],
        )
        .map(|_| ())
    }

    fn forget_missing(&mut self, side: Side, key: &str) -> Result<(), ProjectError> {
        self.execute(
            "store the re-imported list",
            "DELETE FROM missing_records WHERE side = $1 AND key = $2",
            &[&side.as_str(), &key],
        )
        .map(|_| ())
    }

    fn assignments(&mut self) -> Result<Vec<AssignmentRow>, ProjectError> {
        let rows = self.query(
            "read the assignments",
            "SELECT kind, key_a, key_b, reviewer, assigned_by, assigned_at FROM assignments ORDER BY kind, key_a, key_b",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|row| AssignmentRow {
                kind: row.get(0),
                key_a: row.get(1),
                key_b: row.get(2),
                reviewer: row.get(3),
                assigned_by: row.get(4),
                assigned_at: row.get(5),
            })
            .collect())
    }

    fn assign(&mut self, rows: &[AssignmentRow]) -> Result<(), ProjectError> {
        let action = "record the assignment";
        for row in rows {
            if row.reviewer.is_empty() {
                self.execute(
                    action,
                    "DELETE FROM assignments WHERE kind = $1 AND key_a = $2 AND key_b = $3",
                    &[&row.kind, &row.key_a, &row.key_b],
                )?;
            } else {
                self.execute(
                    action,
                    "INSERT INTO assignments (kind, key_a, key_b, reviewer, assigned_by, assigned_at)
                     VALUES ($1, $2, $3, $4, $5, $6)
                     ON CONFLICT (kind, key_a, key_b) DO UPDATE SET reviewer = excluded.reviewer,
                         assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at",
                    &[&row.kind, &row.key_a, &row.key_b, &row.reviewer, &row.assigned_by, &row.assigned_at],
                )?;
            }
        }
        Ok(())
    }
}
