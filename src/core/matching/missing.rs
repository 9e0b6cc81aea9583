//! Why a CRM record got no partner, or not the expected one: was the pair never compared (the
//! two records share no blocking key, or only keys whose block was too big), scored below the
//! review threshold, or lost in the one-to-one assignment to a stronger pair?

use rustc_hash::FxHashMap;

use super::MatchOptions;
use super::blocking::Blocking;
use super::compare::Comparer;
use super::explain::explain;
use super::features::Features;
use super::link::{assign_scored, row_labels};
use super::scoring::score;
use crate::core::model::Dataset;

/// Candidates listed per record.
const SHOWN_CANDIDATES: usize = 5;

/// What became of one CRM–ERP pair.
#[derive(Debug, Clone, PartialEq)]
pub enum Fate {
    /// Suggested after the assignment.
    Suggested,
    /// Reached the review threshold, but a record of the pair went to another pair.
    LostAssignment {
        /// The ERP record the CRM record was given instead, if any.
        crm_got: Option<usize>,
        /// The CRM record the ERP record was given to instead, if any.
        erp_went_to: Option<usize>,
    },
    /// Compared, but scored below the review threshold.
    BelowReview,
    /// Never compared.
    NeverCompared {
        /// Blocking keys the two records share.
        shared_keys: usize,
        /// Of those, keys skipped because too many records share them.
        skipped_keys: usize,
    },
}

/// One pair of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct PairFate {
    /// 0-based ERP row.
    pub erp_row: usize,
    /// Match probability (also for pairs never compared: what they would have scored).
    pub probability: f64,
    /// What happened to the pair.
    pub fate: Fate,
    /// The reason sentence of the pair.
    pub reason: String,
}

/// What [`explain_missing`] found for one CRM record.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingReport {
    /// 0-based CRM row.
    pub crm_row: usize,
    /// The strongest candidates compared, best first.
    pub candidates: Vec<PairFate>,
    /// The pair with the expected ERP record, when one was named.
    pub expected: Option<PairFate>,
    /// The review threshold used.
    pub review_threshold: f64,
}

/// Run matching as [`super::match_lists`] does and report what became of CRM row `crm_row`:
/// its strongest candidates, and the pair with `expected_erp_row` when given.
pub fn explain_missing(
    crm: &Dataset,
    erp: &Dataset,
    options: &MatchOptions,
    crm_row: usize,
    expected_erp_row: Option<usize>,
) -> MissingReport {
    let features = Features::build(&[crm, erp]);
    let comparer = Comparer::new(&features, 0, 1);
    let scoring = score(
        &comparer,
        &row_labels(options),
        options.review_threshold,
        options.max_block_pairs,
    );
    let chosen = assign_scored(&scoring);
    let (mut left_partner, mut right_partner) = (FxHashMap::default(), FxHashMap::default());
    for &index in &chosen {
        let pair = &scoring.pairs[index];
        left_partner.insert(pair.left as usize, pair.right as usize);
        right_partner.insert(pair.right as usize, pair.left as usize);
    }
    let blocking = Blocking::new(&comparer, options.max_block_pairs);
    let (mut keys, mut rows) = (Vec::new(), Vec::new());
    if crm_row < comparer.left().len() {
        blocking.candidates(crm_row, &mut keys, &mut rows);
    }
    let fate_of = |r: usize| -> PairFate {
        let pattern = comparer.compare(crm_row, r);
        let weight = scoring.model.pair_weight(&comparer, crm_row, pattern);
        let scored = scoring
            .pairs
            .binary_search_by_key(&(crm_row as u32, r as u32), |p| (p.left, p.right))
            .is_ok();
        let fate = if !rows.contains(&(r as u32)) {
            let (shared_keys, skipped_keys) = blocking.shared_keys(crm_row, r);
            Fate::NeverCompared {
                shared_keys,
                skipped_keys,
            }
        } else if left_partner.get(&crm_row) == Some(&r) {
            Fate::Suggested
        } else if scored {
            Fate::LostAssignment {
                crm_got: left_partner.get(&crm_row).copied(),
                erp_went_to: right_partner.get(&r).copied(),
            }
        } else {
            Fate::BelowReview
        };
        PairFate {
            erp_row: r,
            probability: scoring.model.probability(weight),
            fate,
            reason: explain(&comparer, &scoring.model, crm_row, r, pattern).1,
        }
    };
    let mut candidates: Vec<PairFate> = rows.iter().map(|&r| fate_of(r as usize)).collect();
    candidates.sort_by(|a, b| b.probability.total_cmp(&a.probability));
    candidates.truncate(SHOWN_CANDIDATES);
    let expected = expected_erp_row
        .filter(|&r| r < comparer.right().len() && crm_row < comparer.left().len())
        .map(fate_of);
    MissingReport {
        crm_row,
        candidates,
        expected,
        review_threshold: options.review_threshold,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{CellStore, Column, Role};

    fn list(rows: &[[&str; 3]]) -> Dataset {
        let mut cells = CellStore::new(3);
        for row in rows {
            cells.push_row(row.iter().copied()).unwrap();
        }
        let column = |name: &str, role| Column {
            name: name.into(),
            role: Some(role),
        };
        let columns = vec![
            column("id", Role::Id),
            column("name", Role::Name),
            column("city", Role::City),
        ];
        Dataset {
            columns,
            cells,
            ..Dataset::default()
        }
    }

    #[test]
    fn tells_never_compared_from_suggested_and_lost() {
        let crm = list(&[
            ["c1", "Nordwerk Maschinenbau GmbH", "Köln"],
            ["c2", "Nordwerk Maschinenbau", "Köln"],
            ["c3", "Quantix Software AG", "Bonn"],
        ]);
        let erp = list(&[
            ["e1", "NORDWERK MASCHINENBAU GMBH", "KOLN"],
            ["e2", "Zebrafalk Logistik", "Essen"],
        ]);
        let options = MatchOptions::default();
        let first = explain_missing(&crm, &erp, &options, 0, Some(1));
        assert_eq!(first.candidates[0].erp_row, 0);
        let expected = first.expected.expect("the expected pair is reported");
        assert_eq!(
            expected.fate,
            Fate::NeverCompared {
                shared_keys: 0,
                skipped_keys: 0
            }
        );
        // c1 and c2 both want e1: one of them gets it, the other lost it in the assignment.
        let fates: Vec<Fate> = [0, 1]
            .iter()
            .map(|&row| explain_missing(&crm, &erp, &options, row, Some(0)).expected)
            .map(|fate| fate.expect("reported").fate)
            .collect();
        assert!(fates.contains(&Fate::Suggested), "{fates:?}");
        assert!(
            fates.iter().any(|fate| matches!(
                fate,
                Fate::LostAssignment {
                    erp_went_to: Some(_),
                    ..
                }
            )),
            "{fates:?}"
        );
    }
}
