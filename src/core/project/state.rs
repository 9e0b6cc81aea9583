//! The decisions in effect, derived from the log: for every subject (a pair, a duplicate pair,
//! a record's creation action) the stack of decisions taken on it, the latest on top, plus the
//! links and duplicate marks they add up to. Undo pops a reviewer's latest batch off its
//! subjects' stacks (refused where someone else decided a subject later, see `batches.rs`),
//! redo pushes it back in log order, so the state after any sequence of undo and redo equals
//! the state of replaying the decisions still in effect in log order.
//!
//! Record keys are interned as small numbers per list, so that lookups allocate nothing and a
//! project with a hundred thousand decisions loads in a fraction of a second.

use std::collections::{BTreeMap, HashSet, VecDeque};

use crate::core::model::Side;

use super::active::{ActiveLog, Keys, Stack};
use super::decisions::{DecisionEntry, DecisionKind};
use super::hash::FastMap;

mod batches;

/// What a decision is about; the latest decision on a subject is the one in effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Subject {
    Pair(u32, u32),
    /// The unsure flag of a pair: apart from the pair's verdict, so that the flag never
    /// counts as a decision on the pair.
    Unsure(u32, u32),
    Duplicate(Side, u32, u32),
    Action(Side, u32),
}

/// The decisions in effect and those undone that can be redone.
#[derive(Debug, Clone, Default)]
pub struct DecisionState {
    keys: [Keys; 2],
    active: ActiveLog,
    undone: BTreeMap<i64, DecisionEntry>,
    stacks: FastMap<Subject, Stack>,
    /// Per side, each record's partners in the other list.
    partners: [FastMap<u32, Vec<u32>>; 2],
    /// Per side, each record's marked duplicates.
    duplicates: [FastMap<u32, Vec<u32>>; 2],
}

fn slot(side: Side) -> usize {
    match side {
        Side::Crm => 0,
        Side::Erp => 1,
    }
}

fn set_membership(map: &mut FastMap<u32, Vec<u32>>, key: u32, member: u32, present: bool) {
    if present {
        let members = map.entry(key).or_default();
        if !members.contains(&member) {
            members.push(member);
        }
    } else if let Some(members) = map.get_mut(&key) {
        members.retain(|&existing| existing != member);
        if members.is_empty() {
            map.remove(&key);
        }
    }
}

impl DecisionState {
    /// The subject of `entry`, interning its keys.
    fn subject_of(&mut self, entry: &DecisionEntry) -> Subject {
        let first_side = entry.first.side;
        let first = self.keys[slot(first_side)].intern(&entry.first.key);
        let second = entry
            .second
            .as_ref()
            .map_or(0, |record| self.keys[slot(record.side)].intern(&record.key));
        Self::subject(entry.kind, first_side, first, second)
    }

    /// The subject of `entry` if its keys are known (every entry in effect has them).
    fn known_subject(&self, entry: &DecisionEntry) -> Option<Subject> {
        let first = self.keys[slot(entry.first.side)].get(&entry.first.key)?;
        let second = match &entry.second {
            Some(record) => self.keys[slot(record.side)].get(&record.key)?,
            None => 0,
        };
        Some(Self::subject(entry.kind, entry.first.side, first, second))
    }

    fn subject(kind: DecisionKind, side: Side, first: u32, second: u32) -> Subject {
        match kind {
            DecisionKind::Accept | DecisionKind::Reject | DecisionKind::Link => {
                Subject::Pair(first, second)
            }
            DecisionKind::Duplicate | DecisionKind::NotDuplicate => {
                Subject::Duplicate(side, first.min(second), first.max(second))
            }
            DecisionKind::Action(_) => Subject::Action(side, first),
            DecisionKind::Unsure => Subject::Unsure(first, second),
        }
    }

    /// Put a decision in effect (a new one, or one replayed from the log).
    pub fn apply(&mut self, entry: DecisionEntry) {
        let subject = self.subject_of(&entry);
        let seq = entry.seq;
        self.stacks
            .entry(subject)
            .and_modify(|stack| stack.push(seq))
            .or_insert_with(|| Stack::new(seq));
        self.active.insert(entry);
        self.refresh(subject);
    }

    /// Keep an undone decision for redo (when loading the log).
    pub fn keep_undone(&mut self, entry: DecisionEntry) {
        self.undone.insert(entry.seq, entry);
    }

    /// Take decision `seq` out of effect and keep it for redo. Returns false when `seq` is not
    /// the latest decision in effect on its subject (undo refuses that before asking).
    pub fn undo(&mut self, seq: i64) -> bool {
        match self.retract(seq) {
            Some(entry) => {
                self.undone.insert(seq, entry);
                true
            }
            None => false,
        }
    }

    /// Take decision `seq` out of effect and forget it (a decision whose transaction failed).
    /// `None` when `seq` is not the latest decision in effect on its subject.
    pub fn retract(&mut self, seq: i64) -> Option<DecisionEntry> {
        let subject = self.known_subject(self.active.get(seq)?)?;
        let stack = self.stacks.get_mut(&subject)?;
        if stack.top != seq {
            return None;
        }
        if !stack.pop() {
            self.stacks.remove(&subject);
        }
        let entry = self.active.remove(seq);
        self.refresh(subject);
        entry
    }

    /// Put undone decision `seq` back in effect. Returns false when it is not undone.
    pub fn redo(&mut self, seq: i64) -> bool {
        match self.undone.remove(&seq) {
            Some(entry) => {
                self.apply(entry);
                true
            }
            None => false,
        }
    }

    /// Forget the undone decisions of `by`: their new decision ends their redo branch (other
    /// reviewers' branches stay).
    pub fn drop_undone(&mut self, by: &str) {
        self.undone.retain(|_, entry| entry.by != by);
    }

    /// True when a decision is in effect.
    pub fn can_undo(&self) -> bool {
        !self.active.is_empty()
    }

    /// True when an undone decision can be redone.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The decision in effect on each subject (superseded ones left out), in log order.
    pub fn effective(&self) -> Vec<&DecisionEntry> {
        let mut tops: Vec<&DecisionEntry> = self
            .stacks
            .values()
            .filter_map(|stack| self.active.get(stack.top))
            .collect();
        tops.sort_by_key(|entry| entry.seq);
        tops
    }

    /// Number of decisions in effect, superseded ones included.
    pub fn active_count(&self) -> usize {
        self.active.len()
    }

    /// The decision in effect on the pair, if any.
    pub fn pair_decision(&self, crm: &str, erp: &str) -> Option<&DecisionEntry> {
        let crm = self.keys[0].get(crm)?;
        let erp = self.keys[1].get(erp)?;
        self.top(Subject::Pair(crm, erp))
    }

    /// True when the pair is flagged unsure.
    pub fn is_unsure(&self, crm: &str, erp: &str) -> bool {
        let (Some(crm), Some(erp)) = (self.keys[0].get(crm), self.keys[1].get(erp)) else {
            return false;
        };
        self.top(Subject::Unsure(crm, erp)).is_some()
    }

    /// The creation action in effect for a record, if any.
    pub fn action_decision(&self, side: Side, key: &str) -> Option<&DecisionEntry> {
        let number = self.keys[slot(side)].get(key)?;
        self.top(Subject::Action(side, number))
    }

    fn top(&self, subject: Subject) -> Option<&DecisionEntry> {
        self.stacks
            .get(&subject)
            .and_then(|stack| self.active.get(stack.top))
    }

    /// The records of the other list `key` (of `side`) is linked to.
    pub fn partners(&self, side: Side, key: &str) -> Vec<&str> {
        let other = &self.keys[slot(side.other())];
        self.keys[slot(side)]
            .get(key)
            .and_then(|number| self.partners[slot(side)].get(&number))
            .map(|partners| {
                partners
                    .iter()
                    .map(|&partner| other.name(partner))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// True when `key` (of `side`) is linked to any record of the other list.
    pub fn is_linked(&self, side: Side, key: &str) -> bool {
        self.keys[slot(side)]
            .get(key)
            .is_some_and(|number| self.partners[slot(side)].contains_key(&number))
    }

    /// True when `first` and `second` (of `side`) are marked duplicates, directly or through
    /// other marked duplicates.
    pub fn are_duplicates(&self, side: Side, first: &str, second: &str) -> bool {
        let keys = &self.keys[slot(side)];
        let (Some(first), Some(second)) = (keys.get(first), keys.get(second)) else {
            return false;
        };
        let graph = &self.duplicates[slot(side)];
        let mut seen: HashSet<u32> = HashSet::from([first]);
        let mut queue: VecDeque<u32> = VecDeque::from([first]);
        while let Some(current) = queue.pop_front() {
            for &next in graph.get(&current).into_iter().flatten() {
                if next == second {
                    return true;
                }
                if seen.insert(next) {
                    queue.push_back(next);
                }
            }
        }
        false
    }

    /// The decision in effect on whether `first` and `second` (of `side`) are duplicates: a
    /// duplicate or not-duplicate mark, if any.
    pub fn duplicate_decision(
        &self,
        side: Side,
        first: &str,
        second: &str,
    ) -> Option<&DecisionEntry> {
        let keys = &self.keys[slot(side)];
        let (first, second) = (keys.get(first)?, keys.get(second)?);
        self.top(Subject::Duplicate(
            side,
            first.min(second),
            first.max(second),
        ))
    }

    /// The master `key` (of `side`) is directly marked a duplicate of, if any.
    pub fn master_of(&self, side: Side, key: &str) -> Option<&str> {
        let keys = &self.keys[slot(side)];
        let number = keys.get(key)?;
        self.duplicates[slot(side)]
            .get(&number)
            .into_iter()
            .flatten()
            .find_map(|&other| {
                let entry = self.top(Subject::Duplicate(
                    side,
                    number.min(other),
                    number.max(other),
                ))?;
                let second = entry.second.as_ref()?;
                (second.key == key).then_some(keys.name(other))
            })
    }

    /// Recompute the links or duplicate marks a subject contributes.
    fn refresh(&mut self, subject: Subject) {
        let kind = self.top(subject).map(|entry| entry.kind);
        match subject {
            Subject::Pair(crm, erp) => {
                let linked = kind.is_some_and(DecisionKind::is_link);
                set_membership(&mut self.partners[0], crm, erp, linked);
                set_membership(&mut self.partners[1], erp, crm, linked);
            }
            Subject::Duplicate(side, low, high) => {
                let marked = kind == Some(DecisionKind::Duplicate);
                let graph = &mut self.duplicates[slot(side)];
                set_membership(graph, low, high, marked);
                set_membership(graph, high, low, marked);
            }
            Subject::Action(..) | Subject::Unsure(..) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::project::decisions::RecordRef;

    fn entry(
        seq: i64,
        kind: DecisionKind,
        first: RecordRef,
        second: Option<RecordRef>,
    ) -> DecisionEntry {
        DecisionEntry {
            seq,
            batch: seq,
            kind,
            first,
            second,
            by: "anna".into(),
            at: String::new(),
            score: None,
            note: None,
            first_hash: None,
            second_hash: None,
        }
    }

    fn pair(seq: i64, kind: DecisionKind, crm: &str, erp: &str) -> DecisionEntry {
        entry(
            seq,
            kind,
            RecordRef::new(Side::Crm, crm),
            Some(RecordRef::new(Side::Erp, erp)),
        )
    }

    #[test]
    fn the_latest_decision_on_a_pair_wins_and_undo_restores_the_earlier_one() {
        let mut state = DecisionState::default();
        state.apply(pair(1, DecisionKind::Accept, "C1", "E1"));
        assert_eq!(state.partners(Side::Erp, "E1"), ["C1"]);
        state.apply(pair(2, DecisionKind::Reject, "C1", "E1"));
        assert!(state.partners(Side::Erp, "E1").is_empty());
        assert_eq!(state.effective().len(), 1);
        assert!(state.undo(2));
        assert_eq!(state.partners(Side::Crm, "C1"), ["E1"]);
        assert_eq!(state.first_undone_by("anna").map(|e| e.seq), Some(2));
        assert!(state.redo(2));
        assert!(state.partners(Side::Crm, "C1").is_empty());
        assert!(
            !state.undo(1),
            "only the top of a subject's stack can be undone"
        );
    }

    #[test]
    fn an_unsure_flag_stands_apart_from_the_verdict_on_the_pair() {
        let mut state = DecisionState::default();
        let unsure = entry(
            1,
            DecisionKind::Unsure,
            RecordRef::new(Side::Crm, "C1"),
            Some(RecordRef::new(Side::Erp, "E1")),
        );
        state.apply(unsure);
        assert!(state.is_unsure("C1", "E1"));
        assert!(!state.is_unsure("C1", "E2"));
        assert!(state.pair_decision("C1", "E1").is_none(), "still open");
        assert!(!state.is_linked(Side::Crm, "C1"));
        state.apply(pair(2, DecisionKind::Accept, "C1", "E1"));
        assert!(state.is_linked(Side::Crm, "C1"));
        assert!(state.undo(2));
        assert!(
            state.is_unsure("C1", "E1"),
            "undoing the accept keeps the flag"
        );
        assert!(state.undo(1));
        assert!(!state.is_unsure("C1", "E1"));
        assert!(state.redo(1));
        assert!(state.is_unsure("C1", "E1"));
    }

    #[test]
    fn duplicates_are_transitive() {
        let mut state = DecisionState::default();
        let crm = |key: &str| RecordRef::new(Side::Crm, key);
        state.apply(entry(1, DecisionKind::Duplicate, crm("A"), Some(crm("B"))));
        state.apply(entry(2, DecisionKind::Duplicate, crm("C"), Some(crm("B"))));
        assert!(state.are_duplicates(Side::Crm, "A", "C"));
        assert!(!state.are_duplicates(Side::Erp, "A", "C"));
        state.apply(entry(
            3,
            DecisionKind::NotDuplicate,
            crm("B"),
            Some(crm("C")),
        ));
        assert!(!state.are_duplicates(Side::Crm, "A", "C"));
        assert!(state.are_duplicates(Side::Crm, "B", "A"));
    }
}
