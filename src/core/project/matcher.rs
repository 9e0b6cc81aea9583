//! Matching as the project runs it at `new` and `reimport`: pairs between the lists and
//! duplicates within each, with the workshop's decisions as labels (accepted and linked pairs
//! refine the weights, rejected pairs are never suggested again; duplicate marks do the same for
//! the duplicate search).

use crate::core::matching::{
    Label, MatchOptions, MatchOutput, dedupe_list_observed, match_lists_observed,
};
use crate::core::matching::{MatchObserver, Unobserved};
use crate::core::model::{Dataset, Side};

use super::decisions::DecisionKind;
use super::lists::RecordList;
use super::state::DecisionState;
use super::suggestions::SuggestionSet;

/// The decisions as matching labels, by dataset row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Labels {
    /// Accepted and linked pairs (`is_match`), rejected pairs (not).
    pub pairs: Vec<Label>,
    /// CRM duplicate marks as two CRM rows (`crm_row`, `erp_row` both name CRM rows).
    pub crm_duplicates: Vec<Label>,
    /// ERP duplicate marks as two ERP rows.
    pub erp_duplicates: Vec<Label>,
}

impl Labels {
    /// The decisions in effect whose records are in `crm` and `erp`.
    pub fn from_state(crm: &RecordList, erp: &RecordList, state: &DecisionState) -> Self {
        let mut labels = Labels::default();
        for entry in state.effective() {
            if entry.kind == DecisionKind::Unsure {
                // A flag for a second look says nothing about the pair yet.
                continue;
            }
            let Some(second) = &entry.second else {
                continue;
            };
            let row = |side: Side, key: &str| match side {
                Side::Crm => crm.row_of(key),
                Side::Erp => erp.row_of(key),
            };
            let (Some(first_row), Some(second_row)) = (
                row(entry.first.side, &entry.first.key),
                row(second.side, &second.key),
            ) else {
                continue;
            };
            let is_match = matches!(
                entry.kind,
                DecisionKind::Accept | DecisionKind::Link | DecisionKind::Duplicate
            );
            let label = Label {
                crm_row: first_row,
                erp_row: second_row,
                is_match,
            };
            match (entry.kind, entry.first.side) {
                (DecisionKind::Accept | DecisionKind::Link | DecisionKind::Reject, _) => {
                    labels.pairs.push(label);
                }
                (_, Side::Crm) => labels.crm_duplicates.push(label),
                (_, Side::Erp) => labels.erp_duplicates.push(label),
            }
        }
        labels
    }
}

/// The lowest probability of a weak candidate a project keeps. A record with no suggestion but
/// a weak candidate waits for a person instead of being created in the other system: on the
/// synth lists (3,000 firms) a floor of 0.001 keeps 18 of the 30 records that matching missed
/// out of the creation files, at the cost of holding 5 of 244 truly new ones (one click each).
pub const WEAK_THRESHOLD: f64 = 0.001;

impl From<MatchOutput> for SuggestionSet {
    fn from(output: MatchOutput) -> Self {
        let mut alternatives = output.alternatives;
        alternatives.extend(output.weak);
        SuggestionSet {
            pairs: output.pairs,
            alternatives,
            duplicates: Vec::new(),
            xref_checks: output.xref_checks,
        }
    }
}

/// Run `match_lists` and `find_duplicates` on both lists with default options and `labels`.
pub fn run_matching(crm: &Dataset, erp: &Dataset, labels: &Labels) -> SuggestionSet {
    run_matching_observed(crm, erp, labels, &Unobserved).unwrap_or_default()
}

/// [`run_matching`] that reports its steps to `observer` (the window's progress bar) and
/// returns `None` when the observer cancels.
pub fn run_matching_observed(
    crm: &Dataset,
    erp: &Dataset,
    labels: &Labels,
    observer: &dyn MatchObserver,
) -> Option<SuggestionSet> {
    let options = |labels: &[Label]| MatchOptions {
        labels: labels.to_vec(),
        ..MatchOptions::default()
    };
    let pair_options = MatchOptions {
        weak_threshold: Some(WEAK_THRESHOLD),
        ..options(&labels.pairs)
    };
    let output = match_lists_observed(crm, erp, &pair_options, observer)?;
    let mut set = SuggestionSet::from(output);
    set.duplicates =
        dedupe_list_observed(crm, Side::Crm, &options(&labels.crm_duplicates), observer)?.clusters;
    let erp_duplicates =
        dedupe_list_observed(erp, Side::Erp, &options(&labels.erp_duplicates), observer)?;
    set.duplicates.extend(erp_duplicates.clusters);
    (!observer.cancelled()).then_some(set)
}
