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
use super::super::lists::{RecordList, encode_cells};
use super::super::log::{DROPPED, LogRow, UNDONE};
use super::super::store::{ListRow, StoredRecords};
use super::super::suggestion_store::{
    SuggestionRow, encode_contributions, kind_of, push_cluster_row, xref_from,
};
use super::super::suggestions::Suggestions;
use super::pg_error;

/// A transaction on one project's schema.
pub(crate) struct PgTx<'a, 'b> {
    transaction: &'a mut Transaction<'b>,
    name: &'a Path,
}

const LOG_COLUMNS: &str = "seq, at, \"by\", action, side_a, key_a, side_b, key_b, score, note, \
                           hash_a, hash_b, target, state, batch";

impl<'a, 'b> PgTx<'a, 'b> {
    /// Work inside `transaction` on the project named `name` (for errors).
    pub fn new(transaction: &'a mut Transaction<'b>, name: &'a Path) -> Self {
        PgTx { transaction, name }
    }

    fn execute(
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

    fn query(
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
    fn copy_in(
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
        let action = "read the imported lists";
        let side_name = side.as_str();
        let rows = self.query(
            action,
            "SELECT columns, report, mapping, imported_at, imported_by, generation FROM lists WHERE side = $1",
            &[&side_name],
        )?;
        let row = rows.first().ok_or_else(|| ProjectError::Corrupt {
            file: self.name.to_path_buf(),
            detail: format!("the {side} list is missing"),
        })?;
        let header = ListRow {
            columns: row.get(0),
            report: row.get(1),
            mapping: row.get(2),
            imported_at: row.get(3),
            imported_by: row.get(4),
            generation: row.get(5),
        };
        let mut records = StoredRecords::new(header.column_count(self.name, side)?);
        let rows = self.query(
            action,
            "SELECT \"row\", key, source_row, hash, cells FROM records WHERE side = $1 ORDER BY \"row\"",
            &[&side_name],
        )?;
        for row in &rows {
            let fields = (row.get(0), row.get(1), row.get(2), row.get(3));
            records.push((self.name, side), fields, row.get::<_, &[u8]>(4))?;
        }
        header.into_list(self.name, side, records)
    }

    fn write_list(&mut self, list: &RecordList) -> Result<(), ProjectError> {
        let action = "store the imported list";
        let header = ListRow::of(self.name, list)?;
        let side = list.side.as_str();
        self.execute(
            action,
            "INSERT INTO lists (side, columns, report, mapping, imported_at, imported_by, generation)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (side) DO UPDATE SET columns = excluded.columns, report = excluded.report,
                 mapping = excluded.mapping, imported_at = excluded.imported_at,
                 imported_by = excluded.imported_by, generation = excluded.generation",
            &[&side, &header.columns, &header.report, &header.mapping, &header.imported_at, &header.imported_by, &header.generation],
        )?;
        self.execute(action, "DELETE FROM records WHERE side = $1", &[&side])?;
        let types = [
            Type::TEXT,
            Type::INT8,
            Type::TEXT,
            Type::INT8,
            Type::INT8,
            Type::BYTEA,
        ];
        let mut bytes = Vec::new();
        self.copy_in(
            action,
            (
                "records (side, \"row\", key, source_row, hash, cells)",
                &types,
            ),
            &mut |writer| {
                for row in 0..list.len() {
                    let Some(record) = list.record_at(row) else {
                        continue;
                    };
                    encode_cells(list.dataset.cells.row(row), &mut bytes);
                    let values: [&(dyn ToSql + Sync); 6] = [
                        &side,
                        &(row as i64),
                        &record.key(),
                        &(record.source_row() as i64),
                        &(record.hash().0 as i64),
                        &bytes.as_slice(),
                    ];
                    writer.write(&values)?;
                }
                Ok(())
            },
        )
    }

    fn load_suggestions(&mut self) -> Result<Suggestions, ProjectError> {
        let action = "read the suggestions";
        let rows = self.query(
            action,
            "SELECT id, kind, crm_key, erp_key, probability, band, reason, contributions FROM suggestions ORDER BY id",
            &[],
        )?;
        let mut items = Vec::with_capacity(rows.len());
        for row in &rows {
            let stored = SuggestionRow {
                id: row.get(0),
                kind: row.get(1),
                crm: row.get(2),
                erp: row.get(3),
                probability: row.get(4),
                band: row.get(5),
                reason: row.get(6),
                contributions: row.get(7),
            };
            items.push(stored.into_suggestion(self.name)?);
        }
        let mut clusters = Vec::new();
        let rows = self.query(
            action,
            "SELECT cluster, side, key, probability, reason FROM duplicate_clusters ORDER BY cluster, position",
            &[],
        )?;
        for row in &rows {
            let member = (row.get(0), row.get::<_, &str>(1), row.get(2));
            push_cluster_row(self.name, &mut clusters, member, (row.get(3), row.get(4)))?;
        }
        let rows = self.query(
            action,
            "SELECT crm_key, xref, status, suggested_erp_key FROM xref_checks ORDER BY position",
            &[],
        )?;
        let mut xrefs = Vec::with_capacity(rows.len());
        for row in &rows {
            let check = (row.get(0), row.get(1), row.get::<_, &str>(2));
            xrefs.push(xref_from(self.name, check, row.get(3))?);
        }
        let clusters = clusters.into_iter().map(|(_, cluster)| cluster).collect();
        Ok(Suggestions::new(items, clusters, xrefs))
    }

    fn write_suggestions(&mut self, suggestions: &Suggestions) -> Result<(), ProjectError> {
        let action = "store the suggestions";
        let name = self.name;
        self.transaction
            .batch_execute(
                "DELETE FROM suggestions; DELETE FROM duplicate_clusters; DELETE FROM xref_checks;",
            )
            .map_err(|error| pg_error(name, action, &error))?;
        let types = [
            Type::INT8,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::FLOAT8,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
        ];
        let table =
            "suggestions (id, kind, crm_key, erp_key, probability, band, reason, contributions)";
        self.copy_in(action, (table, &types), &mut |writer| {
            for item in &suggestions.items {
                let contributions = encode_contributions(&item.contributions);
                let values: [&(dyn ToSql + Sync); 8] = [
                    &item.id,
                    &kind_of(item),
                    &item.crm,
                    &item.erp,
                    &item.probability,
                    &item.band.as_str(),
                    &item.reason,
                    &contributions,
                ];
                writer.write(&values)?;
            }
            Ok(())
        })?;
        for (number, cluster) in suggestions.clusters.iter().enumerate() {
            for (position, key) in cluster.members.iter().enumerate() {
                self.execute(
                    action,
                    "INSERT INTO duplicate_clusters (cluster, position, side, key, probability, reason)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    &[&(number as i64), &(position as i64), &cluster.side.as_str(), key, &cluster.probability, &cluster.reason],
                )?;
            }
        }
        for (position, check) in suggestions.xrefs.iter().enumerate() {
            self.execute(
                action,
                "INSERT INTO xref_checks (position, crm_key, xref, status, suggested_erp_key) VALUES ($1, $2, $3, $4, $5)",
                &[&(position as i64), &check.crm, &check.xref, &check.status.as_str(), &check.suggested_erp],
            )?;
        }
        Ok(())
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
