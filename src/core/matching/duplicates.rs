//! Duplicates within one list: the same blocking, comparison and model as linking (the list
//! compared with itself), then clusters in which every member is similar to every other.
//!
//! Pairs above the review threshold, and records with the same specific name
//! ([`super::seeds`]), form a graph. Each connected component starts from its exact-name seeds
//! and single records and is clustered by average linkage (pairs that blocking did not propose
//! are compared on the spot): two groups merge while their average cross probability reaches
//! the review threshold and no cross pair falls below
//! [`MatchOptions::cluster_min_probability`]. A chain A–B–C where A and C differ therefore
//! stays split. Components of more than [`MATRIX_LIMIT`] starting groups merge greedily by
//! weight and only when every cross pair is a scored pair.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::compare::Comparer;
use super::explain::explain;
use super::features::Features;
use super::model::Model;
use super::observer::{MatchObserver, Unobserved, go_on};
use super::scoring::{RowLabel, score};
use super::seeds::{absorb_near_names, average_linkage, name_seeds, seed_edges, seed_groups};
use super::vocab::NONE;
use super::{DuplicateCluster, MatchOptions};
use crate::core::model::{Dataset, Side};

/// Most starting groups (exact-name seeds and single records) of a component clustered by
/// average linkage.
pub const MATRIX_LIMIT: usize = 1_000;

/// Rows of a cluster among which its weakest pair is sought.
const DESCRIBED_ROWS: usize = 200;

/// Clusters of duplicates with the number of pairs compared to find them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DuplicateOutput {
    /// The clusters, ordered by their first row.
    pub clusters: Vec<DuplicateCluster>,
    /// Number of distinct candidate pairs compared.
    pub compared_pairs: u64,
}

/// Find groups of records of `list` that are probably the same customer. A label's `crm_row`
/// and `erp_row` are read as two rows of this list.
pub fn find_duplicates(
    list: &Dataset,
    side: Side,
    options: &MatchOptions,
) -> Vec<DuplicateCluster> {
    dedupe_list(list, side, options).clusters
}

/// [`find_duplicates`] that also reports how many pairs were compared.
pub fn dedupe_list(list: &Dataset, side: Side, options: &MatchOptions) -> DuplicateOutput {
    dedupe_list_observed(list, side, options, &Unobserved).unwrap_or_default()
}

/// [`dedupe_list`] that reports its steps to `observer` and returns `None` when the observer
/// cancels.
pub fn dedupe_list_observed(
    list: &Dataset,
    side: Side,
    options: &MatchOptions,
    observer: &dyn MatchObserver,
) -> Option<DuplicateOutput> {
    let list_name = side.as_str().to_ascii_uppercase();
    if !go_on(observer, &format!("preparing the {list_name} records")) {
        return None;
    }
    let features = Features::build(&[list]);
    let comparer = Comparer::new(&features, 0, 0);
    let labels: Vec<RowLabel> = options
        .labels
        .iter()
        .filter(|label| label.crm_row != label.erp_row)
        .filter_map(|label| {
            let (a, b) = (
                label.crm_row.min(label.erp_row),
                label.crm_row.max(label.erp_row),
            );
            Some(RowLabel {
                left: u32::try_from(a).ok()?,
                right: u32::try_from(b).ok()?,
                is_match: label.is_match,
            })
        })
        .collect();
    if !go_on(
        observer,
        &format!("comparing {list_name} records with each other"),
    ) {
        return None;
    }
    let scoring = score(
        &comparer,
        &labels,
        options.review_threshold,
        options.max_block_pairs,
    );
    if !go_on(observer, &format!("grouping {list_name} duplicates")) {
        return None;
    }
    let rejected: FxHashSet<(u32, u32)> = labels
        .iter()
        .filter(|label| !label.is_match)
        .map(|label| (label.left, label.right))
        .collect();
    let context = Context {
        comparer: &comparer,
        model: &scoring.model,
        scored: scoring
            .pairs
            .iter()
            .map(|pair| ((pair.left, pair.right), pair.weight))
            .collect(),
        rejected,
        review: options.review_threshold,
        floor: options.cluster_min_probability,
        seeds: name_seeds(&comparer),
    };
    let seed_links = seed_edges(&context.seeds);
    let components = components(
        comparer.left().len(),
        scoring
            .pairs
            .iter()
            .map(|p| (p.left, p.right))
            .chain(seed_links),
    );
    let mut clusters: Vec<DuplicateCluster> = components
        .par_iter()
        .flat_map_iter(|members| context.cluster(members))
        .map(|rows| context.describe(rows, side))
        .collect();
    clusters.sort_by_key(|cluster| cluster.rows.iter().copied().min());
    Some(DuplicateOutput {
        clusters,
        compared_pairs: scoring.compared,
    })
}

struct Context<'a> {
    comparer: &'a Comparer<'a>,
    model: &'a Model,
    scored: FxHashMap<(u32, u32), f64>,
    rejected: FxHashSet<(u32, u32)>,
    review: f64,
    floor: f64,
    /// Per row, the exact name that seeds its group ([`NONE`] for none).
    seeds: Vec<u32>,
}

impl Context<'_> {
    /// The weight of two rows: the scored one, or a fresh comparison (rejected pairs never link).
    fn weight(&self, a: u32, b: u32) -> f64 {
        let key = (a.min(b), a.max(b));
        if self.rejected.contains(&key) {
            return f64::NEG_INFINITY;
        }
        if let Some(&weight) = self.scored.get(&key) {
            return weight;
        }
        let pattern = self.comparer.compare(key.0 as usize, key.1 as usize);
        self.model
            .pair_weight(self.comparer, key.0 as usize, pattern)
    }

    fn cluster(&self, members: &[u32]) -> Vec<Vec<u32>> {
        if members.len() == 2 && self.scored.contains_key(&(members[0], members[1])) {
            return vec![members.to_vec()];
        }
        let rejected = |a: u32, b: u32| self.rejected.contains(&(a.min(b), a.max(b)));
        let mut groups = seed_groups(self.comparer, &self.seeds, members, rejected);
        absorb_near_names(self.comparer, &mut groups);
        if groups.len() <= MATRIX_LIMIT {
            let probability = |a: u32, b: u32| self.model.probability(self.weight(a, b));
            average_linkage(groups, probability, self.review, self.floor)
        } else {
            self.greedy_complete(members)
        }
    }

    fn greedy_complete(&self, members: &[u32]) -> Vec<Vec<u32>> {
        let member_set: FxHashSet<u32> = members.iter().copied().collect();
        let mut edges: Vec<((u32, u32), f64)> = self
            .scored
            .iter()
            .filter(|((a, b), _)| member_set.contains(a) && member_set.contains(b))
            .map(|(&key, &weight)| (key, weight))
            .collect();
        edges.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        let mut group_of: FxHashMap<u32, usize> = FxHashMap::default();
        let mut groups: Vec<Vec<u32>> = Vec::new();
        for ((a, b), _) in edges {
            let (ga, gb) = (group_of.get(&a).copied(), group_of.get(&b).copied());
            let left = ga.map_or_else(|| vec![a], |g| groups[g].clone());
            let right = gb.map_or_else(|| vec![b], |g| groups[g].clone());
            if ga.is_some() && ga == gb {
                continue;
            }
            let linked = left.iter().all(|&x| {
                right.iter().all(|&y| {
                    self.scored.contains_key(&(x.min(y), x.max(y)))
                        && self.model.probability(self.weight(x, y)) >= self.floor
                })
            });
            if !linked {
                continue;
            }
            let target = ga.or(gb).unwrap_or_else(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            for &row in left.iter().chain(&right) {
                if group_of.get(&row) != Some(&target) {
                    group_of.insert(row, target);
                    groups[target].push(row);
                }
            }
            for other in [ga, gb].into_iter().flatten().filter(|&g| g != target) {
                groups[other].clear();
            }
        }
        groups.into_iter().filter(|group| group.len() > 1).collect()
    }

    fn describe(&self, mut rows: Vec<u32>, side: Side) -> DuplicateCluster {
        let list = self.comparer.left();
        let filled = |row: u32| {
            list.values[row as usize]
                .iter()
                .filter(|&&v| v != NONE)
                .count()
        };
        rows.sort_unstable();
        let master_at = (0..rows.len())
            .max_by_key(|&i| (filled(rows[i]), std::cmp::Reverse(rows[i])))
            .unwrap_or(0);
        rows.swap(0, master_at);
        rows[1..].sort_unstable();
        let mut weakest = (f64::INFINITY, rows[0], rows[rows.len() - 1]);
        // A firm spelled hundreds of times: its weakest pair is sought among the first rows.
        let searched = &rows[..rows.len().min(DESCRIBED_ROWS)];
        for (i, &a) in searched.iter().enumerate() {
            for &b in &searched[i + 1..] {
                let weight = self.weight(a, b);
                if weight < weakest.0 {
                    weakest = (weight, a, b);
                }
            }
        }
        let (weight, a, b) = weakest;
        let (low, high) = (a.min(b) as usize, a.max(b) as usize);
        let pattern = self.comparer.compare(low, high);
        let (_, reason) = explain(self.comparer, self.model, low, high, pattern);
        DuplicateCluster {
            side,
            rows: rows.into_iter().map(|row| row as usize).collect(),
            probability: self.model.probability(weight),
            reason,
        }
    }
}

/// Connected components (of two or more rows) of the pair graph.
fn components(rows: usize, pairs: impl Iterator<Item = (u32, u32)>) -> Vec<Vec<u32>> {
    let mut parent: Vec<u32> = (0..rows as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    for (a, b) in pairs {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb) as usize] = ra.min(rb);
        }
    }
    let mut groups: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for row in 0..rows as u32 {
        let root = find(&mut parent, row);
        groups.entry(root).or_default().push(row);
    }
    let mut list: Vec<Vec<u32>> = groups.into_values().filter(|g| g.len() > 1).collect();
    list.sort_unstable_by_key(|group| group[0]);
    list
}

#[cfg(test)]
mod tests {
    use super::components;

    #[test]
    fn components_join_chains() {
        let groups = components(6, [(0, 1), (1, 2), (4, 5)].into_iter());
        assert_eq!(groups, vec![vec![0, 1, 2], vec![4, 5]]);
    }
}
