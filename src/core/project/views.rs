//! Read-only views the GUI and the export show: suggestions with their decision state, the
//! review queue, links, duplicate marks, and decisions whose records changed or disappeared.

use serde::Serialize;

use crate::core::model::Side;

use super::Project;
use super::actions::{self, UnlinkedRecord};
use super::decisions::{DecisionEntry, DecisionKind, RecordRef};
use super::lists::RecordList;
use super::matcher::Labels;
use super::state::DecisionState;
use super::status::{self, Status};
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
        _ if state.is_linked(Side::Crm, &suggestion.crm)
            || state.is_linked(Side::Erp, &suggestion.erp) =>
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

impl Project {
    /// Every suggestion (pairs first, then alternatives) with its decision state.
    pub fn suggestion_views(&self) -> Vec<SuggestionView<'_>> {
        let loaded = &self.loaded;
        loaded
            .suggestions
            .items
            .iter()
            .map(|item| suggestion_view(item, &loaded.state, &loaded.crm, &loaded.erp))
            .collect()
    }

    /// The review queue: suggested pairs still open, most probable first.
    pub fn open_queue(&self) -> Vec<&Suggestion> {
        let mut queue: Vec<&Suggestion> = self
            .suggestion_views()
            .into_iter()
            .filter(|view| !view.suggestion.is_alternative && view.status == PairStatus::Open)
            .map(|view| view.suggestion)
            .collect();
        queue.sort_by(|left, right| right.probability.total_cmp(&left.probability));
        queue
    }

    /// The decisions in effect, one per subject (a later decision on the same pair, duplicate
    /// pair or record replaces an earlier one), in log order.
    pub fn decisions(&self) -> Vec<&DecisionEntry> {
        self.loaded.state.effective()
    }

    /// The decision in effect on a pair, if any.
    pub fn pair_decision(&self, crm: &str, erp: &str) -> Option<&DecisionEntry> {
        self.loaded.state.pair_decision(crm, erp)
    }

    /// The records of the other list `key` is linked to (one, or several marked duplicates).
    pub fn partners(&self, side: Side, key: &str) -> Vec<&str> {
        self.loaded.state.partners(side, key)
    }

    /// The links in effect (accepted or linked by hand), with who, when, score and note.
    pub fn links(&self) -> Vec<&DecisionEntry> {
        self.decisions_of(|kind| kind.is_link())
    }

    /// The duplicate marks in effect (first record the master).
    pub fn duplicate_marks(&self) -> Vec<&DecisionEntry> {
        self.decisions_of(|kind| kind == DecisionKind::Duplicate)
    }

    /// The not-duplicate marks in effect.
    pub fn not_duplicate_marks(&self) -> Vec<&DecisionEntry> {
        self.decisions_of(|kind| kind == DecisionKind::NotDuplicate)
    }

    fn decisions_of(&self, wanted: impl Fn(DecisionKind) -> bool) -> Vec<&DecisionEntry> {
        self.decisions()
            .into_iter()
            .filter(|entry| wanted(entry.kind))
            .collect()
    }

    /// True when `first` and `second` of `side` are marked duplicates (directly or through
    /// other marks).
    pub fn are_duplicates(&self, side: Side, first: &str, second: &str) -> bool {
        self.loaded.state.are_duplicates(side, first, second)
    }

    /// Every record of `side` without a link, with its decided or default creation action.
    pub fn unlinked_records(&self, side: Side) -> Vec<UnlinkedRecord<'_>> {
        let loaded = &self.loaded;
        actions::unlinked_records(loaded.list(side), &loaded.state, &loaded.policy)
    }

    /// Decisions in effect whose records changed or disappeared since they were taken.
    pub fn stale_decisions(&self) -> Vec<StaleDecision<'_>> {
        let loaded = &self.loaded;
        self.decisions()
            .into_iter()
            .map(|entry| StaleDecision {
                entry,
                staleness: staleness(entry, &loaded.crm, &loaded.erp),
            })
            .filter(|stale| !stale.staleness.is_current())
            .collect()
    }

    /// The counts `status` prints.
    pub fn status(&self) -> Status {
        let loaded = &self.loaded;
        status::status(
            &loaded.crm,
            &loaded.erp,
            &loaded.suggestions,
            &loaded.state,
            &loaded.policy,
        )
    }

    /// The decisions in effect whose records are in the lists, as labels for the next matching
    /// run (by dataset row): accepted, linked and rejected pairs, and duplicate marks.
    pub fn labels(&self) -> Labels {
        Labels::from_state(&self.loaded.crm, &self.loaded.erp, &self.loaded.state)
    }
}
