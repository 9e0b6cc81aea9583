//! The decision log as rows: reading a row back as a decision or an undo / redo / re-import
//! event, and the audit log built from the rows. Both stores (the file and the server) keep the
//! same columns; `sqlite_log.rs` and `pg/tx.rs` read and write them.

use crate::core::model::Side;

use super::decisions::{DecisionEntry, DecisionKind, RecordRef};
use super::hash::ContentHash;

/// `log.state` of a decision in effect.
pub const IN_EFFECT: i64 = 0;
/// `log.state` of an undone decision that redo can put back.
pub const UNDONE: i64 = 1;
/// `log.state` of an undone decision dropped from the redo branch by a later decision.
pub const DROPPED: i64 = 2;

/// One row of the `log` table, column by column, as stored (and as `copy` moves it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LogRow {
    /// Position in the log (1, 2, ... in commit order).
    pub seq: i64,
    /// When (UTC).
    pub at: String,
    /// Who.
    pub by: String,
    /// A decision kind, or `undo`, `redo`, `reimport`, `assign`.
    pub action: String,
    /// The first record's list.
    pub side_a: Option<String>,
    /// The first record's key.
    pub key_a: Option<String>,
    /// The second record's list.
    pub side_b: Option<String>,
    /// The second record's key.
    pub key_b: Option<String>,
    /// The suggestion's probability at the time.
    pub score: Option<f64>,
    /// The note.
    pub note: Option<String>,
    /// Content hash of the first record.
    pub hash_a: Option<String>,
    /// Content hash of the second record.
    pub hash_b: Option<String>,
    /// Undo / redo: the decision moved.
    pub target: Option<i64>,
    /// [`IN_EFFECT`], [`UNDONE`] or [`DROPPED`].
    pub state: i64,
    /// The batch (`None` in rows of format 1 and for re-imports).
    pub batch: Option<i64>,
}

impl LogRow {
    /// The row of decision `entry` (its batch, or none when it starts a new one: the store then
    /// numbers the batch by the row's own `seq`).
    pub fn decision(entry: &DecisionEntry) -> LogRow {
        let second = entry.second.as_ref();
        LogRow {
            seq: 0,
            at: entry.at.clone(),
            by: entry.by.clone(),
            action: entry.kind.as_str().to_string(),
            side_a: Some(entry.first.side.as_str().to_string()),
            key_a: Some(entry.first.key.clone()),
            side_b: second.map(|record| record.side.as_str().to_string()),
            key_b: second.map(|record| record.key.clone()),
            score: entry.score,
            note: entry.note.clone(),
            hash_a: entry.first_hash.map(|hash| hash.to_string()),
            hash_b: entry.second_hash.map(|hash| hash.to_string()),
            target: None,
            state: IN_EFFECT,
            batch: (entry.batch != 0).then_some(entry.batch),
        }
    }

    /// The row of an event (`undo`, `redo` with their target and batch; `reimport`, `assign`).
    pub fn event(
        action: &str,
        (target, batch): (Option<i64>, Option<i64>),
        by: &str,
        at: &str,
    ) -> LogRow {
        LogRow {
            at: at.to_string(),
            by: by.to_string(),
            action: action.to_string(),
            target,
            batch,
            ..LogRow::default()
        }
    }

    /// True for a decision (not an undo, redo, re-import or assignment).
    pub fn is_decision(&self) -> bool {
        self.target.is_none() && DecisionKind::parse(&self.action).is_some()
    }
}

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
    /// Pairs or clusters were assigned to reviewers.
    Assign,
}

fn record(side: Option<&str>, key: Option<&String>) -> Option<RecordRef> {
    let side = match side? {
        "crm" => Side::Crm,
        "erp" => Side::Erp,
        _ => return None,
    };
    key.map(|key| RecordRef::new(side, key.clone()))
}

fn hash(text: Option<&String>) -> Option<ContentHash> {
    text.and_then(|text| text.parse().ok())
}

/// Read one log row as an event; `None` for an action this build does not know (a newer build
/// may log more).
pub fn event(row: &LogRow) -> Option<(i64, LogEvent)> {
    let event = match (row.action.as_str(), row.target) {
        ("undo", Some(target)) => LogEvent::Undo(target),
        ("redo", Some(target)) => LogEvent::Redo(target),
        ("reimport", _) => LogEvent::Reimport,
        ("assign", _) => LogEvent::Assign,
        _ => {
            let kind = DecisionKind::parse(&row.action)?;
            let first = record(row.side_a.as_deref(), row.key_a.as_ref())?;
            let entry = DecisionEntry {
                seq: row.seq,
                batch: row.batch.unwrap_or(row.seq),
                kind,
                first,
                second: record(row.side_b.as_deref(), row.key_b.as_ref()),
                by: row.by.clone(),
                at: row.at.clone(),
                score: row.score,
                note: row.note.clone(),
                first_hash: hash(row.hash_a.as_ref()),
                second_hash: hash(row.hash_b.as_ref()),
            };
            LogEvent::Decision(Box::new(entry), row.state)
        }
    };
    Some((row.seq, event))
}

/// The decisions among `rows` that are in effect or undone (redo can put them back), in log order.
pub fn decisions(rows: &[LogRow]) -> Vec<(DecisionEntry, i64)> {
    rows.iter()
        .filter(|row| row.target.is_none() && (row.state == IN_EFFECT || row.state == UNDONE))
        .filter_map(|row| match event(row) {
            Some((_, LogEvent::Decision(entry, state))) => Some((*entry, state)),
            _ => None,
        })
        .collect()
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
    /// `create_in_crm`, `ignore`, `undo`, `redo`, `reimport` or `assign`.
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
    /// for undo and redo the batch of the decision they moved; none for re-imports and
    /// assignments.
    pub batch: Option<i64>,
}

fn joined(side: Option<&String>, key: Option<&String>) -> Option<String> {
    Some(format!("{}:{}", side?, key?))
}

/// The audit log of `rows` (the whole log, oldest first).
pub fn audit_rows(rows: &[LogRow]) -> Vec<AuditRow> {
    let by_seq: std::collections::HashMap<i64, &LogRow> =
        rows.iter().map(|row| (row.seq, row)).collect();
    rows.iter()
        .map(|row| {
            let target = row.target.and_then(|seq| by_seq.get(&seq).copied());
            let first = joined(row.side_a.as_ref(), row.key_a.as_ref())
                .or_else(|| target.and_then(|t| joined(t.side_a.as_ref(), t.key_a.as_ref())));
            let second = joined(row.side_b.as_ref(), row.key_b.as_ref())
                .or_else(|| target.and_then(|t| joined(t.side_b.as_ref(), t.key_b.as_ref())));
            let is_decision =
                row.target.is_none() && !matches!(row.action.as_str(), "reimport" | "assign");
            let batch = match row.action.as_str() {
                "reimport" | "assign" => None,
                _ => row
                    .batch
                    .or_else(|| target.and_then(|t| t.batch))
                    .or(row.target)
                    .or(Some(row.seq)),
            };
            AuditRow {
                seq: row.seq,
                at: row.at.clone(),
                by: row.by.clone(),
                action: row.action.clone(),
                first,
                second,
                score: row.score,
                note: row.note.clone(),
                first_hash: row.hash_a.clone(),
                second_hash: row.hash_b.clone(),
                target: row.target,
                state: match (is_decision, row.state) {
                    (false, _) => String::new(),
                    (true, IN_EFFECT) => "in_effect".to_string(),
                    (true, UNDONE) => "undone".to_string(),
                    (true, _) => "dropped".to_string(),
                },
                batch,
            }
        })
        .collect()
}
