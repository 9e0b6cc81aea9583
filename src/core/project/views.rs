//! Read-only views the GUI and the export show: suggestions with their decision state, the
//! review queue, links, duplicate marks, and decisions whose records changed or disappeared.

use serde::Serialize;

use crate::core::model::Side;

use super::decisions::{DecisionEntry, DecisionKind, RecordRef};
use super::lists::RecordList;
use super::state::DecisionState;
use super::suggestions::Suggestion;

/// Where a suggested pair stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PairStatus {
    /// Nobody decided yet: it is in the review queue.
    Open,
    /// Accepted.
    Accepted,
    /// Linked by hand.
    Linked,
    /// Rejected: not a match.
    Rejected,
    /// Not decided itself, but one of its records is linked to another record.
    LinkedElsewhere,
}

/// A suggestion with its decision state.
#[derive(Debug, Clone, Copy)]
pub struct SuggestionView<'a> {
    /// The suggestion.
    pub suggestion: &'a Suggestion,
    /// Where it stands.
    pub status: PairStatus,
    /// The decision in effect on the pair, if any.
    pub decision: Option<&'a DecisionEntry>,
    /// True when that decision's records changed since (see [`Staleness`]).
    pub stale: bool,
}

/// Whether a decision still refers to the records as they were when it was taken.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Staleness {
    /// Records whose content changed since the decision (by re-import).
    pub changed: Vec<RecordRef>,
    /// Records no longer in their list (they disappeared at a re-import).
    pub missing: Vec<RecordRef>,
}

impl Staleness {
    /// True when every record of the decision is present and unchanged.
    pub fn is_current(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty()
    }
}

/// A decision in effect whose records changed or disappeared: to be confirmed again.
#[derive(Debug, Clone, Serialize)]
pub struct StaleDecision<'a> {
    /// The decision.
    #[serde(skip)]
    pub entry: &'a DecisionEntry,
    /// What changed.
    pub staleness: Staleness,
}

fn list_of<'a>(crm: &'a RecordList, erp: &'a RecordList, side: Side) -> &'a RecordList {
    match side {
        Side::Crm => crm,
        Side::Erp => erp,
    }
}

/// Compare a decision's record hashes with the lists as they are now.
pub fn staleness(entry: &DecisionEntry, crm: &RecordList, erp: &RecordList) -> Staleness {
    let mut result = Staleness::default();
    let records = [
        Some((&entry.first, entry.first_hash)),
        entry
            .second
            .as_ref()
            .map(|record| (record, entry.second_hash)),
    ];
    for (record, hash_then) in records.into_iter().flatten() {
        match list_of(crm, erp, record.side).hash_of(&record.key) {
            None => result.missing.push(record.clone()),
            Some(now) if hash_then.is_some_and(|then| then != now) => {
                result.changed.push(record.clone());
            }
            Some(_) => {}
        }
    }
    result
}

/// The status and decision of a suggested pair.
pub fn suggestion_view<'a>(
    suggestion: &'a Suggestion,
    state: &'a DecisionState,
    crm: &RecordList,
    erp: &RecordList,
) -> SuggestionView<'a> {
    let decision = state.pair_decision(&suggestion.crm, &suggestion.erp);
    let status = match decision.map(|entry| entry.kind) {
        Some(DecisionKind::Accept) => PairStatus::Accepted,
        Some(DecisionKind::Link) => PairStatus::Linked,
        Some(DecisionKind::Reject) => PairStatus::Rejected,
        _ if !state.partners(Side::Crm, &suggestion.crm).is_empty()
            || !state.partners(Side::Erp, &suggestion.erp).is_empty() =>
        {
            PairStatus::LinkedElsewhere
        }
        _ => PairStatus::Open,
    };
    let stale = decision.is_some_and(|entry| !staleness(entry, crm, erp).is_current());
    SuggestionView {
        suggestion,
        status,
        decision,
        stale,
    }
}
