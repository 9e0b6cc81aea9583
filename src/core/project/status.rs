//! The counts `status` prints and the GUI shows in its header.

use serde::Serialize;

use crate::core::model::Side;

use super::actions::{ActionCounts, ActionState};
use super::decisions::DecisionKind;
use super::views::{PairStatus, staleness, suggestion_view};
use super::worklist::{HeldCounts, Inputs, worklist};

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
    /// Unlinked records held out of the creation files, by reason: they probably exist in the
    /// other system, or are duplicates (both lists).
    pub held: HeldCounts,
}

impl Status {
    /// What is still undecided and therefore in no creation file, in one sentence ("26 pairs
    /// still open, 8 unsure, 41 records wait for a duplicate decision; they are in no
    /// creation file"), or `None` when nothing waits. Export shows it on screen and on stderr.
    pub fn pending_warning(&self) -> Option<String> {
        let plural = |count: usize, one: &str, many: &str| {
            if count == 1 {
                format!("1 {one}")
            } else {
                format!("{count} {many}")
            }
        };
        let mut parts = Vec::new();
        if self.open > 0 {
            parts.push(format!("{} still open", plural(self.open, "pair", "pairs")));
        }
        if self.unsure > 0 {
            parts.push(format!("{} unsure", self.unsure));
        }
        let duplicates = self.held.second_account + self.held.duplicate_cluster;
        if duplicates > 0 {
            let verb = if duplicates == 1 { "waits" } else { "wait" };
            parts.push(format!(
                "{} {verb} for a duplicate decision",
                plural(duplicates, "record", "records")
            ));
        }
        let open_records = self.held.open_pair;
        if open_records > 0 && self.open == 0 {
            parts.push(format!(
                "{} with an open candidate",
                plural(open_records, "record", "records")
            ));
        }
        (!parts.is_empty()).then(|| {
            format!(
                "{}; they are in no creation file until decided",
                parts.join(", ")
            )
        })
    }
}

/// Compute the status.
pub fn status(inputs: &Inputs<'_>) -> Status {
    let Inputs {
        crm,
        erp,
        suggestions,
        state,
        policy,
    } = *inputs;
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
        held: HeldCounts::default(),
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
    let worklist = worklist(inputs);
    for side in [Side::Crm, Side::Erp] {
        for record in worklist.records(side) {
            match record.state {
                ActionState::Decided(action, _) => result.actions.add(action),
                ActionState::Default(action) => result.default_actions.add(action),
                ActionState::NeedsErpAccount if side == Side::Crm => {
                    result.needs_erp_account += 1;
                }
                ActionState::Held(hold) => result.held.add(&hold),
                _ => {}
            }
        }
    }
    result
}
