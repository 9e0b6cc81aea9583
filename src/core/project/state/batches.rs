//! The decision state as one reviewer's undo and redo see it: which batch they move (the
//! reviewer's latest batch in effect, or earliest undone one), what keeps a decision from moving
//! (someone else decided the same subject later), and whether moving a batch left a record
//! linked to two records of the other list that are not marked duplicates.

use std::collections::{HashSet, VecDeque};

use crate::core::model::Side;
use crate::core::project::decisions::{DecisionEntry, DecisionKind, RecordRef};

use super::{DecisionState, slot};

/// A record linked to two records of the other list that are not marked duplicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoubleLink {
    /// The record's list.
    pub side: Side,
    /// The record's key.
    pub key: String,
    /// One partner (of the other list).
    pub first: String,
    /// Another partner, not marked a duplicate of the first.
    pub second: String,
}

impl DecisionState {
    /// True when `by` has a decision in effect.
    pub fn can_undo_by(&self, by: &str) -> bool {
        self.active.last_by(by).is_some()
    }

    /// True when `by` has an undone decision to redo.
    pub fn can_redo_by(&self, by: &str) -> bool {
        self.first_undone_by(by).is_some()
    }

    /// The latest decision in effect taken by `by`.
    pub fn last_active_by(&self, by: &str) -> Option<&DecisionEntry> {
        self.active.last_by(by)
    }

    /// The earliest undone decision taken by `by`.
    pub fn first_undone_by(&self, by: &str) -> Option<&DecisionEntry> {
        self.undone.values().find(|entry| entry.by == by)
    }

    /// What undo takes back for `by`: the decisions in effect of their latest batch, latest
    /// first (empty when they have none).
    pub fn undo_batch(&self, by: &str) -> Vec<DecisionEntry> {
        let Some(last) = self.active.last_by(by) else {
            return Vec::new();
        };
        let mut entries: Vec<DecisionEntry> =
            self.active.batch(last.batch).into_iter().cloned().collect();
        entries.reverse();
        entries
    }

    /// What redo puts back for `by`: the undone decisions of their earliest undone batch,
    /// earliest first (empty when they have none).
    pub fn redo_batch(&self, by: &str) -> Vec<DecisionEntry> {
        let Some(batch) = self.first_undone_by(by).map(|entry| entry.batch) else {
            return Vec::new();
        };
        self.undone
            .range(batch..)
            .map(|(_, entry)| entry)
            .filter(|entry| entry.batch == batch)
            .cloned()
            .collect()
    }

    /// The decision in effect on `entry`'s subject that was taken after it, if any: undo of
    /// `entry` (or redo, for an undone one) must wait until that one is undone.
    pub fn decided_later(&self, entry: &DecisionEntry) -> Option<&DecisionEntry> {
        let top = self.top(self.known_subject(entry)?)?;
        (top.seq > entry.seq).then_some(top)
    }

    /// After `moved` were undone or redone: a record they touch (or a partner of one, or a
    /// member of a duplicate group they touch) that is now linked to two records of the other
    /// list that are not marked duplicates, if any.
    pub fn double_link_near(&self, moved: &[DecisionEntry]) -> Option<DoubleLink> {
        let mut records: Vec<RecordRef> = Vec::new();
        for entry in moved {
            let touched = std::iter::once(&entry.first).chain(entry.second.as_ref());
            for record in touched {
                if matches!(
                    entry.kind,
                    DecisionKind::Duplicate | DecisionKind::NotDuplicate
                ) {
                    records.extend(self.duplicate_group(record));
                } else {
                    records.push(record.clone());
                }
            }
        }
        records.sort();
        records.dedup();
        records.iter().find_map(|record| {
            self.double_link(record.side, &record.key).or_else(|| {
                self.partners(record.side, &record.key)
                    .into_iter()
                    .find_map(|partner| self.double_link(record.side.other(), partner))
            })
        })
    }

    /// `key` (of `side`) linked to two records that are not marked duplicates, if so.
    fn double_link(&self, side: Side, key: &str) -> Option<DoubleLink> {
        let partners = self.partners(side, key);
        partners.iter().enumerate().find_map(|(index, first)| {
            partners.get(index + 1..)?.iter().find_map(|second| {
                (!self.are_duplicates(side.other(), first, second)).then(|| DoubleLink {
                    side,
                    key: key.to_string(),
                    first: first.to_string(),
                    second: second.to_string(),
                })
            })
        })
    }

    /// `record` and every record marked a duplicate of it, directly or through others.
    fn duplicate_group(&self, record: &RecordRef) -> Vec<RecordRef> {
        let keys = &self.keys[slot(record.side)];
        let Some(start) = keys.get(&record.key) else {
            return vec![record.clone()];
        };
        let graph = &self.duplicates[slot(record.side)];
        let mut seen: HashSet<u32> = HashSet::from([start]);
        let mut queue: VecDeque<u32> = VecDeque::from([start]);
        while let Some(current) = queue.pop_front() {
            for &next in graph.get(&current).into_iter().flatten() {
                if seen.insert(next) {
                    queue.push_back(next);
                }
            }
        }
        seen.into_iter()
            .map(|number| RecordRef::new(record.side, keys.name(number)))
            .collect()
    }
}
