//! The part shared by linking two lists and deduplicating one: candidate pairs from blocking,
//! their comparison vectors, the model fitted on them, and the pairs that reach the review
//! threshold with their weights.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::blocking::Blocking;
use super::compare::Comparer;
use super::field::Pattern;
use super::model::{LabelledPattern, Model};

/// A compared pair with its weight.
#[derive(Debug, Clone, Copy)]
pub struct ScoredPair {
    /// Left row.
    pub left: u32,
    /// Right row.
    pub right: u32,
    /// Comparison vector.
    pub pattern: Pattern,
    /// Total weight in bits (term-frequency adjusted).
    pub weight: f64,
    /// An accepted label: kept whatever its weight.
    pub accepted: bool,
}

/// The outcome of scoring every candidate pair.
#[derive(Debug)]
pub struct Scoring {
    /// The fitted model.
    pub model: Model,
    /// Pairs at or above the review threshold (and accepted labels), ordered by left row.
    pub pairs: Vec<ScoredPair>,
    /// Number of distinct candidate pairs compared.
    pub compared: u64,
    /// The review threshold as a weight.
    pub review_weight: f64,
    /// Weak candidates: pairs below the review threshold but at or above the weak one, at
    /// most the best one per record of either list, ordered by left row (empty unless asked
    /// for with [`score_keeping_weak`]).
    pub weak: Vec<ScoredPair>,
}

/// A decided pair as rows of the left and right list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RowLabel {
    /// Left row.
    pub left: u32,
    /// Right row.
    pub right: u32,
    /// Accepted (true) or rejected (false).
    pub is_match: bool,
}

/// Compare every candidate pair of `comparer`, fit the model, and keep the pairs whose match
/// probability reaches `review_probability`. Rejected labels are never kept; accepted ones are.
pub fn score(
    comparer: &Comparer<'_>,
    labels: &[RowLabel],
    review_probability: f64,
    max_block_pairs: u64,
) -> Scoring {
    score_keeping_weak(
        comparer,
        labels,
        (review_probability, review_probability),
        max_block_pairs,
    )
}

/// [`score`] that also keeps weak candidates: each record's best pair whose probability is
/// below `review_probability` but at least `weak_probability` (what the worklist needs to hold
/// a record that may still exist in the other list).
pub fn score_keeping_weak(
    comparer: &Comparer<'_>,
    labels: &[RowLabel],
    (review_probability, weak_probability): (f64, f64),
    max_block_pairs: u64,
) -> Scoring {
    let (left_len, right_len) = (comparer.left().len(), comparer.right().len());
    let labels: Vec<RowLabel> = labels
        .iter()
        .copied()
        .filter(|label| (label.left as usize) < left_len && (label.right as usize) < right_len)
        .collect();
    let labels = labels.as_slice();
    let blocking = Blocking::new(comparer, max_block_pairs);
    let rejected: FxHashSet<(u32, u32)> = labels
        .iter()
        .filter(|label| !label.is_match)
        .map(|label| (label.left, label.right))
        .collect();
    let batch = (0..comparer.left().len())
        .into_par_iter()
        .fold(Batch::default, |mut batch, l| {
            batch.compare_candidates(comparer, &blocking, &rejected, l);
            batch
        })
        .reduce(Batch::default, Batch::merge);
    let (candidates, compared) = (batch.found, batch.compared);
    drop(blocking);
    let labelled: Vec<LabelledPattern> = labels
        .iter()
        .map(|label| LabelledPattern {
            pattern: comparer.compare(label.left as usize, label.right as usize),
            is_match: label.is_match,
        })
        .collect();
    let mut counts: FxHashMap<Pattern, u64> = FxHashMap::default();
    for &(_, _, pattern) in &candidates {
        *counts.entry(pattern).or_insert(0) += 1;
    }
    let model = Model::fit(comparer, &counts, &labelled);
    let review_weight = model.weight_for(review_probability);
    let weak_weight = model.weight_for(weak_probability.min(review_probability));
    let (mut pairs, weak): (Vec<ScoredPair>, Vec<ScoredPair>) = candidates
        .par_iter()
        .filter_map(|&(left, right, pattern)| {
            let weight = model.pair_weight(comparer, left as usize, pattern);
            (weight >= weak_weight).then_some(ScoredPair {
                left,
                right,
                pattern,
                weight,
                accepted: false,
            })
        })
        .partition(|pair| pair.weight >= review_weight);
    add_accepted(comparer, &model, labels, &mut pairs);
    pairs.sort_unstable_by_key(|pair| (pair.left, pair.right));
    Scoring {
        model,
        pairs,
        compared,
        review_weight,
        weak: best_per_record(weak),
    }
}

/// The strongest pair of each record of either list among `pairs`, ordered by left row.
fn best_per_record(mut pairs: Vec<ScoredPair>) -> Vec<ScoredPair> {
    pairs.sort_unstable_by(|a, b| b.weight.total_cmp(&a.weight));
    let (mut lefts, mut rights) = (FxHashSet::default(), FxHashSet::default());
    let mut best: Vec<ScoredPair> = pairs
        .into_iter()
        .filter(|pair| {
            let new_left = lefts.insert(pair.left);
            let new_right = rights.insert(pair.right);
            new_left || new_right
        })
        .collect();
    best.sort_unstable_by_key(|pair| (pair.left, pair.right));
    best
}

/// Candidate pairs compared by one worker, with its scratch buffers.
#[derive(Default)]
struct Batch {
    found: Vec<(u32, u32, Pattern)>,
    compared: u64,
    keys: Vec<u64>,
    rows: Vec<u32>,
}

impl Batch {
    fn compare_candidates(
        &mut self,
        comparer: &Comparer<'_>,
        blocking: &Blocking<'_>,
        rejected: &FxHashSet<(u32, u32)>,
        l: usize,
    ) {
        blocking.candidates(l, &mut self.keys, &mut self.rows);
        self.compared += self.rows.len() as u64;
        for &r in &self.rows {
            if !rejected.contains(&(l as u32, r)) {
                self.found
                    .push((l as u32, r, comparer.compare(l, r as usize)));
            }
        }
    }

    fn merge(mut self, mut other: Batch) -> Batch {
        if self.found.len() < other.found.len() {
            std::mem::swap(&mut self.found, &mut other.found);
        }
        self.found.extend(other.found);
        self.compared += other.compared;
        self
    }
}

/// Accepted labels are kept whatever their score: mark those found, add the others.
fn add_accepted(
    comparer: &Comparer<'_>,
    model: &Model,
    labels: &[RowLabel],
    pairs: &mut Vec<ScoredPair>,
) {
    let accepted: FxHashSet<(u32, u32)> = labels
        .iter()
        .filter(|label| label.is_match)
        .map(|label| (label.left, label.right))
        .collect();
    if accepted.is_empty() {
        return;
    }
    let mut seen = FxHashSet::default();
    for pair in pairs.iter_mut() {
        if accepted.contains(&(pair.left, pair.right)) {
            pair.accepted = true;
            seen.insert((pair.left, pair.right));
        }
    }
    for &(left, right) in accepted.difference(&seen) {
        let pattern = comparer.compare(left as usize, right as usize);
        pairs.push(ScoredPair {
            left,
            right,
            pattern,
            weight: model.pair_weight(comparer, left as usize, pattern),
            accepted: true,
        });
    }
}
