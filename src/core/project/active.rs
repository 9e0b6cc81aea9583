//! The building blocks of the decision state: record keys interned as small numbers, the
//! decisions in effect in log order, and the stack of decisions taken on one subject.

use std::sync::Arc;

use super::decisions::DecisionEntry;
use super::hash::FastMap;

/// The record keys of one list that decisions mention, as small numbers.
#[derive(Debug, Clone, Default)]
pub struct Keys {
    numbers: FastMap<Arc<str>, u32>,
    names: Vec<Arc<str>>,
}

impl Keys {
    /// The number of `key`, given one if it has none yet.
    pub fn intern(&mut self, key: &str) -> u32 {
        if let Some(&number) = self.numbers.get(key) {
            return number;
        }
        let number = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        let shared: Arc<str> = Arc::from(key);
        self.names.push(Arc::clone(&shared));
        self.numbers.insert(shared, number);
        number
    }

    /// The number of `key`, if it has one.
    pub fn get(&self, key: &str) -> Option<u32> {
        self.numbers.get(key).copied()
    }

    /// The key numbered `number`.
    pub fn name(&self, number: u32) -> &str {
        self.names.get(number as usize).map_or("", |name| name)
    }
}

/// The decisions in effect, sorted by number. New decisions always come after every decision in
/// effect, and undo mostly takes one of the last (undo is per reviewer, so another reviewer's
/// later decisions may stay), so this is a vector that mostly grows and shrinks near its end.
#[derive(Debug, Clone, Default)]
pub struct ActiveLog {
    entries: Vec<DecisionEntry>,
}

impl ActiveLog {
    fn position(&self, seq: i64) -> Result<usize, usize> {
        self.entries.binary_search_by_key(&seq, |entry| entry.seq)
    }

    /// Add a decision in its place.
    pub fn insert(&mut self, entry: DecisionEntry) {
        match self.entries.last() {
            Some(last) if last.seq >= entry.seq => {
                if let Err(position) = self.position(entry.seq) {
                    self.entries.insert(position, entry);
                }
            }
            _ => self.entries.push(entry),
        }
    }

    /// The decision numbered `seq`.
    pub fn get(&self, seq: i64) -> Option<&DecisionEntry> {
        self.position(seq)
            .ok()
            .and_then(|index| self.entries.get(index))
    }

    /// The latest decision in effect taken by `by`.
    pub fn last_by(&self, by: &str) -> Option<&DecisionEntry> {
        self.entries.iter().rev().find(|entry| entry.by == by)
    }

    /// The decisions in effect of batch `batch`, in log order (a batch is numbered by its first
    /// decision, so they all come at or after it).
    pub fn batch(&self, batch: i64) -> Vec<&DecisionEntry> {
        let start = self.position(batch).unwrap_or_else(|index| index);
        self.entries
            .get(start..)
            .unwrap_or_default()
            .iter()
            .filter(|entry| entry.batch == batch)
            .collect()
    }

    /// Number of decisions in effect.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no decision is in effect.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Take out the decision numbered `seq`.
    pub fn remove(&mut self, seq: i64) -> Option<DecisionEntry> {
        self.position(seq)
            .ok()
            .map(|index| self.entries.remove(index))
    }
}

/// The decisions taken on one subject, the one in effect on top; most subjects have one.
#[derive(Debug, Clone)]
pub struct Stack {
    /// The decision in effect.
    pub top: i64,
    below: Vec<i64>,
}

impl Stack {
    /// A stack holding `seq`.
    pub fn new(seq: i64) -> Self {
        Stack {
            top: seq,
            below: Vec::new(),
        }
    }

    /// Put `seq` in its place by log order: on top when it is the latest (as it always is for
    /// a new decision), below the later ones otherwise.
    pub fn push(&mut self, seq: i64) {
        if seq >= self.top {
            self.below.push(self.top);
            self.top = seq;
        } else {
            let position = self.below.partition_point(|&below| below < seq);
            self.below.insert(position, seq);
        }
    }

    /// Take the top off; `false` when the stack is empty afterwards.
    pub fn pop(&mut self) -> bool {
        match self.below.pop() {
            Some(next) => {
                self.top = next;
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stack_keeps_log_order_when_an_earlier_decision_comes_back() {
        let mut stack = Stack::new(3);
        stack.push(7);
        stack.push(5);
        assert_eq!(
            stack.top, 7,
            "a redone earlier decision goes below the later one"
        );
        assert!(stack.pop());
        assert_eq!(stack.top, 5);
        assert!(stack.pop());
        assert_eq!(stack.top, 3);
        assert!(!stack.pop());
    }
}
