//! Linking two lists: score the candidate pairs, assign one-to-one, band and explain.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::assign::{Edge, assign};
use super::compare::Comparer;
use super::explain::explain;
use super::features::Features;
use super::model::Model;
use super::observer::{MatchObserver, Unobserved, go_on};
use super::scoring::{RowLabel, ScoredPair, Scoring, score_keeping_weak};
use super::xref::check_xrefs;
use super::{Band, MatchOptions, MatchOutput, PairSuggestion};
use crate::core::model::Dataset;

/// Benefit given to an accepted label in the assignment, so that it always wins its records.
const ACCEPTED_BENEFIT: f64 = 1e9;

/// Suggest which CRM records and ERP records are the same customer (see the module docs of
/// [`super`]).
pub fn match_lists(crm: &Dataset, erp: &Dataset, options: &MatchOptions) -> MatchOutput {
    match_lists_observed(crm, erp, options, &Unobserved).unwrap_or_default()
}

/// [`match_lists`] that reports its steps to `observer` and returns `None` when the observer
/// cancels.
pub fn match_lists_observed(
    crm: &Dataset,
    erp: &Dataset,
    options: &MatchOptions,
    observer: &dyn MatchObserver,
) -> Option<MatchOutput> {
    if !go_on(observer, "preparing the records") {
        return None;
    }
    let features = Features::build(&[crm, erp]);
    let comparer = Comparer::new(&features, 0, 1);
    let labels = row_labels(options);
    if !go_on(observer, "comparing candidate pairs") {
        return None;
    }
    let weak_threshold = options.weak_threshold.unwrap_or(options.review_threshold);
    let scoring = score_keeping_weak(
        &comparer,
        &labels,
        (options.review_threshold, weak_threshold),
        options.max_block_pairs,
    );
    if !go_on(observer, "choosing one partner per record") {
        return None;
    }
    let chosen = assign_scored(&scoring);
    let mut is_chosen = vec![false; scoring.pairs.len()];
    for &index in &chosen {
        is_chosen[index] = true;
    }
    if !go_on(observer, "explaining the suggestions") {
        return None;
    }
    let rivals = Rivals::of(&scoring.pairs);
    let suggest = |index: usize, band: Band| -> PairSuggestion {
        suggestion(&comparer, &scoring.model, &scoring.pairs[index], band)
    };
    let pairs: Vec<PairSuggestion> = chosen
        .par_iter()
        .map(|&index| {
            let band = band_of(&scoring.model, &scoring.pairs, index, &rivals, options);
            suggest(index, band)
        })
        .collect();
    let alternatives: Vec<PairSuggestion> = (0..scoring.pairs.len())
        .into_par_iter()
        .filter(|&index| !is_chosen[index])
        .map(|index| suggest(index, Band::Review))
        .collect();
    let xref_checks = check_xrefs(crm, &comparer, &scoring.model, &pairs, options);
    let weak: Vec<PairSuggestion> = weak_candidates(&scoring)
        .map(|pair| suggestion(&comparer, &scoring.model, pair, Band::Review))
        .collect();
    Some(MatchOutput {
        pairs,
        alternatives,
        compared_pairs: scoring.compared,
        xref_checks,
        weak,
    })
}

/// The one-to-one assignment of the scored pairs: indices into `scoring.pairs`.
pub(super) fn assign_scored(scoring: &Scoring) -> Vec<usize> {
    let edges: Vec<Edge> = scoring
        .pairs
        .iter()
        .map(|pair| Edge {
            left: pair.left,
            right: pair.right,
            benefit: if pair.accepted {
                ACCEPTED_BENEFIT
            } else {
                pair.weight - scoring.review_weight + 1.0
            },
        })
        .collect();
    assign(&edges)
}

/// The decided pairs of `options` as row labels.
pub(super) fn row_labels(options: &MatchOptions) -> Vec<RowLabel> {
    options
        .labels
        .iter()
        .filter_map(|label| {
            Some(RowLabel {
                left: u32::try_from(label.crm_row).ok()?,
                right: u32::try_from(label.erp_row).ok()?,
                is_match: label.is_match,
            })
        })
        .collect()
}

/// The weak candidates of records that have no pair or alternative at all.
fn weak_candidates(scoring: &Scoring) -> impl ParallelIterator<Item = &ScoredPair> {
    let lefts: rustc_hash::FxHashSet<u32> = scoring.pairs.iter().map(|pair| pair.left).collect();
    let rights: rustc_hash::FxHashSet<u32> = scoring.pairs.iter().map(|pair| pair.right).collect();
    scoring
        .weak
        .par_iter()
        .filter(move |pair| !lefts.contains(&pair.left) || !rights.contains(&pair.right))
}

fn suggestion(
    comparer: &Comparer<'_>,
    model: &Model,
    pair: &ScoredPair,
    band: Band,
) -> PairSuggestion {
    let (l, r) = (pair.left as usize, pair.right as usize);
    let (contributions, reason) = explain(comparer, model, l, r, pair.pattern);
    PairSuggestion {
        crm_row: l,
        erp_row: r,
        probability: model.probability(pair.weight),
        band,
        contributions,
        reason,
    }
}

/// `auto` when the pair is sure enough and no rival pair of either record comes close.
fn band_of(
    model: &Model,
    pairs: &[ScoredPair],
    index: usize,
    rivals: &Rivals,
    options: &MatchOptions,
) -> Band {
    let pair = &pairs[index];
    if pair.accepted {
        return Band::Auto;
    }
    let rival = rivals.best_other(pair.left, pair.right, index);
    let sure = model.probability(pair.weight) >= options.auto_threshold;
    let clear = rival.is_none_or(|weight| pair.weight - weight >= options.auto_margin_bits);
    if sure && clear {
        Band::Auto
    } else {
        Band::Review
    }
}

/// The two heaviest pairs of every record, to find each pair's strongest rival.
struct Rivals {
    left: FxHashMap<u32, [(f64, usize); 2]>,
    right: FxHashMap<u32, [(f64, usize); 2]>,
}

impl Rivals {
    fn of(pairs: &[ScoredPair]) -> Rivals {
        let mut rivals = Rivals {
            left: FxHashMap::default(),
            right: FxHashMap::default(),
        };
        for (index, pair) in pairs.iter().enumerate() {
            for (map, key) in [
                (&mut rivals.left, pair.left),
                (&mut rivals.right, pair.right),
            ] {
                let top = map
                    .entry(key)
                    .or_insert([(f64::NEG_INFINITY, usize::MAX); 2]);
                if pair.weight > top[0].0 {
                    top[1] = top[0];
                    top[0] = (pair.weight, index);
                } else if pair.weight > top[1].0 {
                    top[1] = (pair.weight, index);
                }
            }
        }
        rivals
    }

    /// The heaviest pair other than `index` sharing its left or right record.
    fn best_other(&self, left: u32, right: u32, index: usize) -> Option<f64> {
        let other = |top: Option<&[(f64, usize); 2]>| {
            top.map(|top| if top[0].1 == index { top[1] } else { top[0] })
                .filter(|(_, at)| *at != usize::MAX)
                .map(|(weight, _)| weight)
        };
        let candidates = [other(self.left.get(&left)), other(self.right.get(&right))];
        candidates.into_iter().flatten().reduce(f64::max)
    }
}
