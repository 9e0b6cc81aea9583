//! The decisions in effect, derived from the log: for every subject (a pair, a duplicate pair,
//! a record's creation action) the stack of decisions taken on it, the latest on top, plus the
//! links and duplicate marks they add up to. Undo pops the latest decision of the whole log off
//! its subject's stack, redo pushes it back, so the state after any sequence of undo and redo
//! equals the state of replaying the decisions still in effect in log order.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use crate::core::model::Side;

use super::decisions::{DecisionEntry, DecisionKind};

/// What a decision is about; the latest decision on a subject is the one in effect.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Subject {
    Pair(String, String),
    Duplicate(Side, String, String),
    Action(Side, String),
}

impl Subject {
    fn of(entry: &DecisionEntry) -> Subject {
        let second = entry
            .second
            .as_ref()
            .map_or("", |record| record.key.as_str());
        match entry.kind {
            DecisionKind::Accept | DecisionKind::Reject | DecisionKind::Link => {
                Subject::Pair(entry.first.key.clone(), second.to_string())
            }
            DecisionKind::Duplicate | DecisionKind::NotDuplicate => {
                let first = entry.first.key.as_str();
                let (low, high) = if first <= second {
                    (first, second)
                } else {
                    (second, first)
                };
                Subject::Duplicate(entry.first.side, low.to_string(), high.to_string())
            }
            DecisionKind::Action(_) => Subject::Action(entry.first.side, entry.first.key.clone()),
        }
    }
}

/// The decisions in effect and those undone that can be redone.
#[derive(Debug, Clone, Default)]
pub struct DecisionState {
    active: BTreeMap<i64, DecisionEntry>,
    undone: BTreeMap<i64, DecisionEntry>,
    stacks: HashMap<Subject, Vec<i64>>,
    /// Per side, each record's partners in the other list.
    partners: [HashMap<String, Vec<String>>; 2],
    /// Per side, each record's marked duplicates.
    duplicates: [HashMap<String, Vec<String>>; 2],
}

fn slot(side: Side) -> usize {
    match side {
        Side::Crm => 0,
        Side::Erp => 1,
    }
}

fn set_membership(map: &mut HashMap<String, Vec<String>>, key: &str, member: &str, present: bool) {
    let members = map.entry(key.to_string()).or_default();
    let position = members.iter().position(|existing| existing == member);
    match (present, position) {
        (true, None) => members.push(member.to_string()),
        (false, Some(index)) => {
            members.remove(index);
        }
        _ => {}
    }
    if members.is_empty() {
        map.remove(key);
    }
}

impl DecisionState {
    /// Put a decision in effect (a new one, or one replayed from the log).
    pub fn apply(&mut self, entry: DecisionEntry) {
        let subject = Subject::of(&entry);
        self.stacks
            .entry(subject.clone())
            .or_default()
            .push(entry.seq);
        self.active.insert(entry.seq, entry);
        self.refresh(&subject);
    }

    /// Keep an undone decision for redo (when loading the log).
    pub fn keep_undone(&mut self, entry: DecisionEntry) {
        self.undone.insert(entry.seq, entry);
    }

    /// The decision undo would take back: the latest in effect.
    pub fn last_active(&self) -> Option<&DecisionEntry> {
        self.active.values().next_back()
    }

    /// The decision redo would put back: the earliest undone.
    pub fn first_undone(&self) -> Option<&DecisionEntry> {
        self.undone.values().next()
    }

    /// Take decision `seq` out of effect and keep it for redo. Returns false when `seq` is not
    /// the latest decision in effect on its subject (which undo never asks for).
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
        let subject = Subject::of(self.active.get(&seq)?);
        let stack = self.stacks.get_mut(&subject)?;
        if stack.last() != Some(&seq) {
            return None;
        }
        stack.pop();
        if stack.is_empty() {
            self.stacks.remove(&subject);
        }
        let entry = self.active.remove(&seq);
        self.refresh(&subject);
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

    /// Forget the undone decisions: a new decision ends the redo branch.
    pub fn drop_undone(&mut self) {
        self.undone.clear();
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
            .filter_map(|stack| stack.last())
            .filter_map(|seq| self.active.get(seq))
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
        self.top(&Subject::Pair(crm.to_string(), erp.to_string()))
    }

    /// The creation action in effect for a record, if any.
    pub fn action_decision(&self, side: Side, key: &str) -> Option<&DecisionEntry> {
        self.top(&Subject::Action(side, key.to_string()))
    }

    fn top(&self, subject: &Subject) -> Option<&DecisionEntry> {
        self.stacks
            .get(subject)
            .and_then(|stack| stack.last())
            .and_then(|seq| self.active.get(seq))
    }

    /// The records of the other list `key` (of `side`) is linked to.
    pub fn partners(&self, side: Side, key: &str) -> &[String] {
        self.partners[slot(side)]
            .get(key)
            .map_or(&[], |partners| partners.as_slice())
    }

    /// True when `first` and `second` (of `side`) are marked duplicates, directly or through
    /// other marked duplicates.
    pub fn are_duplicates(&self, side: Side, first: &str, second: &str) -> bool {
        let graph = &self.duplicates[slot(side)];
        let mut seen: HashSet<&str> = HashSet::from([first]);
        let mut queue: VecDeque<&str> = VecDeque::from([first]);
        while let Some(current) = queue.pop_front() {
            for next in graph.get(current).into_iter().flatten() {
                if next == second {
                    return true;
                }
                if seen.insert(next.as_str()) {
                    queue.push_back(next.as_str());
                }
            }
        }
        false
    }

    /// Recompute the links or duplicate marks a subject contributes.
    fn refresh(&mut self, subject: &Subject) {
        let kind = self.top(subject).map(|entry| entry.kind);
        match subject {
            Subject::Pair(crm, erp) => {
                let linked = kind.is_some_and(DecisionKind::is_link);
                set_membership(&mut self.partners[0], crm, erp, linked);
                set_membership(&mut self.partners[1], erp, crm, linked);
            }
            Subject::Duplicate(side, low, high) => {
                let marked = kind == Some(DecisionKind::Duplicate);
                let graph = &mut self.duplicates[slot(*side)];
                set_membership(graph, low, high, marked);
                set_membership(graph, high, low, marked);
            }
            Subject::Action(..) => {}
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
        assert_eq!(state.first_undone().map(|e| e.seq), Some(2));
        assert!(state.redo(2));
        assert!(state.partners(Side::Crm, "C1").is_empty());
        assert!(
            !state.undo(1),
            "only the top of a subject's stack can be undone"
        );
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
