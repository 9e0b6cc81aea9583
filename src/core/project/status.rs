//! The counts `status` prints and the GUI shows in its header.

use serde::Serialize;

use crate::core::model::Side;

use super::actions::{ActionCounts, ActionState, unlinked_records};
use super::decisions::DecisionKind;
use super::lists::RecordList;
use super::policy::Policy;
use super::state::DecisionState;
use super::suggestions::Suggestions;
use super::views::{PairStatus, staleness, suggestion_view};

/// Where the workshop stands. Serialised, this is `status --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    /// Records in the CRM list.
    pub crm_records: usize,
    /// Records in the ERP list.
    pub erp_records: usize,
    /// Pairs matching suggested (after the one-to-one assignment; alternatives not counted).
    pub suggested: usize,
    /// Links in effect (accepted or linked by hand).
    pub accepted: usize,
    /// Pairs rejected.
    pub rejected: usize,
    /// Suggested pairs nobody decided and whose records are not linked elsewhere.
    pub open: usize,
    /// Open pairs someone marked unsure (still open, to be discussed).
    pub unsure: usize,
    /// Creation actions decided for unlinked records.
    pub actions: ActionCounts,
    /// Decisions in effect whose records changed since (to be confirmed again).
    pub stale: usize,
    /// True when a decision can be undone.
    pub can_undo: bool,
    /// True when an undone decision can be redone.
    pub can_redo: bool,
    /// The creation policy, as text (`both,numbers=erp` ...).
    pub policy: String,
    /// Creation actions the unlinked, undecided records get by default.
    pub default_actions: ActionCounts,
    /// CRM customers without an ERP account whose creation the policy does not allow.
    pub needs_erp_account: usize,
    /// Records marked duplicates (pairs of records).
    pub duplicates: usize,
    /// Pairs marked as not duplicates.
    pub not_duplicates: usize,
    /// Decisions in effect about a record that disappeared at a re-import.
    pub missing: usize,
    /// Decisions in effect (superseded ones included), i.e. how many undo can take back.
    pub decisions: usize,
}

/// Compute the status.
pub fn status(
    crm: &RecordList,
    erp: &RecordList,
    suggestions: &Suggestions,
    state: &DecisionState,
    policy: &Policy,
) -> Status {
    let mut result = Status {
        crm_records: crm.len(),
        erp_records: erp.len(),
        suggested: 0,
        accepted: 0,
        rejected: 0,
        open: 0,
        unsure: 0,
        actions: ActionCounts::default(),
        stale: 0,
        can_undo: state.can_undo(),
        can_redo: state.can_redo(),
        policy: policy.to_string(),
        default_actions: ActionCounts::default(),
        needs_erp_account: 0,
        duplicates: 0,
        not_duplicates: 0,
        missing: 0,
        decisions: state.active_count(),
    };
    for suggestion in suggestions.pairs() {
        result.suggested += 1;
        if suggestion_view(suggestion, state, crm, erp).status == PairStatus::Open {
            result.open += 1;
            result.unsure += usize::from(state.is_unsure(&suggestion.crm, &suggestion.erp));
        }
    }
    for entry in state.effective() {
        match entry.kind {
            DecisionKind::Accept | DecisionKind::Link => result.accepted += 1,
            DecisionKind::Reject => result.rejected += 1,
            DecisionKind::Duplicate => result.duplicates += 1,
            DecisionKind::NotDuplicate => result.not_duplicates += 1,
            DecisionKind::Action(_) | DecisionKind::Unsure => {}
        }
        let staleness = staleness(entry, crm, erp);
        if !staleness.missing.is_empty() {
            result.missing += 1;
        } else if !staleness.changed.is_empty() {
            result.stale += 1;
        }
    }
    for list in [crm, erp] {
        for record in unlinked_records(list, state, policy) {
            match record.state {
                ActionState::Decided(action, _) => result.actions.add(action),
                ActionState::Default(action) => result.default_actions.add(action),
                ActionState::NeedsErpAccount if list.side == Side::Crm => {
                    result.needs_erp_account += 1;
                }
                _ => {}
            }
        }
    }
    result
}
