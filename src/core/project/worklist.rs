//! The worklist: what is to happen to every record without a link, with the one rule that keeps
//! a customer from being created twice. The Unmatched screen, `status` and the export's
//! creation files all read it, so the screen shows exactly the rows the files hold.
//!
//! A record gets its creation default (from the policy and its account type) only when nothing
//! suggests that it already exists in the other system. It is *held* instead, with the reason
//! in words ([`Hold`]), when
//! * it is marked as the duplicate of another record: it follows its master and is merged,
//!   never created, whatever was decided for it before;
//! * it has an open suggested pair (or losing candidate) with a record of the other list;
//! * its candidate in the other list is linked to another record of its own list: probably a
//!   second account of the same firm;
//! * it is in a duplicate cluster (suggested or marked) and is not the cluster's master: it
//!   waits until the cluster is marked duplicates (it then follows the master) or not.
//!
//! A creation the workshop decided for a record stands (but for a marked duplicate); a record
//! whose every candidate was rejected gets its default again ([`UnlinkedRecord::all_rejected`]).
//!
//! The master of a cluster is its linked member, else the master it was marked with, else the
//! most complete record ([`cluster_master`]); the Duplicates screen proposes the same one.

use std::collections::HashMap;

use crate::core::model::Side;

use super::actions::{self, ActionCounts, ActionState, UnlinkedRecord};
use super::decisions::DecisionKind;
use super::lists::RecordList;
use super::policy::{CreationAction, Policy};
use super::state::DecisionState;
use super::suggestions::Suggestions;

use super::hold::REVIEW_SCORE;
pub use super::hold::{HeldCounts, Hold};
use super::views::{PairStatus, suggestion_view};

/// Every unlinked record of both lists with what is to happen to it.
#[derive(Debug, Clone)]
pub struct Worklist<'a> {
    records: [Vec<UnlinkedRecord<'a>>; 2],
}

fn slot(side: Side) -> usize {
    match side {
        Side::Crm => 0,
        Side::Erp => 1,
    }
}

impl<'a> Worklist<'a> {
    /// The unlinked records of `side`, in row order.
    pub fn records(&self, side: Side) -> &[UnlinkedRecord<'a>] {
        &self.records[slot(side)]
    }

    /// The unlinked record at `row` of `side`, if it is unlinked.
    pub fn record(&self, side: Side, row: usize) -> Option<&UnlinkedRecord<'a>> {
        let records = self.records(side);
        records
            .binary_search_by_key(&row, |record| record.row)
            .ok()
            .and_then(|index| records.get(index))
    }

    /// The records of `side` that go into its creation file (`create_in_erp.csv` for the CRM,
    /// with the keying worklist; `create_in_crm.csv` for the ERP).
    pub fn to_create(&self, side: Side) -> impl Iterator<Item = &UnlinkedRecord<'a>> {
        self.records(side)
            .iter()
            .filter(move |record| record.state.creates(side))
    }

    /// Decided actions, defaults and holds, counted over `side`.
    pub fn counts(&self, side: Side) -> WorklistCounts {
        let mut counts = WorklistCounts::default();
        for record in self.records(side) {
            match record.state {
                ActionState::Decided(action, _) => counts.decided.add(action),
                ActionState::Default(action) => counts.default.add(action),
                ActionState::NeedsErpAccount => counts.needs_erp_account += 1,
                ActionState::Held(hold) => counts.held.add(&hold),
                ActionState::Undecided => counts.undecided += 1,
            }
        }
        counts
    }
}

/// The worklist of one list in numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct WorklistCounts {
    /// Actions the workshop decided.
    pub decided: ActionCounts,
    /// Actions given by default.
    pub default: ActionCounts,
    /// CRM customers to key by hand (the policy forbids creating them).
    pub needs_erp_account: usize,
    /// Held records, by reason.
    pub held: HeldCounts,
    /// Unlinked records nobody decided and with no default (leads, prospects ...).
    pub undecided: usize,
}

/// The parts of a project the worklist is computed from.
#[derive(Clone, Copy)]
pub struct Inputs<'a> {
    /// The CRM list.
    pub crm: &'a RecordList,
    /// The ERP list.
    pub erp: &'a RecordList,
    /// What matching suggested.
    pub suggestions: &'a Suggestions,
    /// The decisions in effect.
    pub state: &'a DecisionState,
    /// The creation policy.
    pub policy: &'a Policy,
}

impl<'a> Inputs<'a> {
    fn list(&self, side: Side) -> &'a RecordList {
        match side {
            Side::Crm => self.crm,
            Side::Erp => self.erp,
        }
    }
}

/// What the suggestions say about each record: its strongest hold and whether it had
/// candidates that were all rejected.
#[derive(Default)]
struct Evidence<'a> {
    holds: [HashMap<&'a str, Hold<'a>>; 2],
    rejected: [HashMap<&'a str, bool>; 2],
}

fn rank(hold: &Hold<'_>) -> (u8, f64) {
    match *hold {
        Hold::MarkedDuplicate { .. } => (4, 0.0),
        Hold::OpenPair { probability, .. } => (3, probability),
        Hold::SecondAccount { probability, .. } => (2, probability),
        Hold::InCluster { .. } => (1, 0.0),
    }
}

impl<'a> Evidence<'a> {
    fn hold(&mut self, side: Side, key: &'a str, hold: Hold<'a>) {
        let holds = &mut self.holds[slot(side)];
        let stronger = holds.get(key).is_none_or(|held| {
            rank(&hold)
                .partial_cmp(&rank(held))
                .is_some_and(|o| o.is_gt())
        });
        if stronger {
            holds.insert(key, hold);
        }
    }

    /// `rejected` for one candidate of `key`: the record stays "all rejected" only while every
    /// candidate seen so far was.
    fn candidate(&mut self, side: Side, key: &'a str, rejected: bool) {
        let all = self.rejected[slot(side)].entry(key).or_insert(true);
        *all &= rejected;
    }

    fn held(&self, side: Side, key: &str) -> bool {
        self.holds[slot(side)].contains_key(key)
    }
}

/// Compute the worklist.
pub fn worklist<'a>(inputs: &Inputs<'a>) -> Worklist<'a> {
    let mut evidence = Evidence::default();
    marked_duplicates(inputs, &mut evidence);
    pair_evidence(inputs, &mut evidence);
    cluster_evidence(inputs, &mut evidence);
    let records = [Side::Crm, Side::Erp].map(|side| {
        let list = inputs.list(side);
        actions::unlinked_records(list, inputs.state, inputs.policy)
            .into_iter()
            .map(|mut record| {
                let key = record.key;
                record.all_rejected = evidence.rejected[slot(side)]
                    .get(key)
                    .copied()
                    .unwrap_or(false);
                if let Some(hold) = evidence.holds[slot(side)].get(key) {
                    let decided = matches!(record.state, ActionState::Decided(..));
                    if !decided || matches!(hold, Hold::MarkedDuplicate { .. }) {
                        record.state = ActionState::Held(*hold);
                    }
                }
                record
            })
            .collect()
    });
    Worklist { records }
}

fn marked_duplicates<'a>(inputs: &Inputs<'a>, evidence: &mut Evidence<'a>) {
    for entry in inputs.state.effective() {
        if entry.kind != DecisionKind::Duplicate {
            continue;
        }
        if let Some(second) = &entry.second {
            let master = entry.first.key.as_str();
            evidence.hold(second.side, &second.key, Hold::MarkedDuplicate { master });
        }
    }
}

fn pair_evidence<'a>(inputs: &Inputs<'a>, evidence: &mut Evidence<'a>) {
    let state = inputs.state;
    for suggestion in &inputs.suggestions.items {
        let view = suggestion_view(suggestion, state, inputs.crm, inputs.erp);
        let (crm, erp) = (suggestion.crm.as_str(), suggestion.erp.as_str());
        match view.status {
            PairStatus::Open => {
                let unsure = state.is_unsure(crm, erp);
                let probability = suggestion.probability;
                for (side, key, other) in [(Side::Crm, crm, erp), (Side::Erp, erp, crm)] {
                    let hold = Hold::OpenPair {
                        other,
                        probability,
                        unsure,
                    };
                    evidence.hold(side, key, hold);
                    evidence.candidate(side, key, false);
                }
            }
            PairStatus::Rejected => {
                evidence.candidate(Side::Crm, crm, true);
                evidence.candidate(Side::Erp, erp, true);
            }
            // A weak candidate (below the review threshold) linked elsewhere says little: the
            // record only resembles another firm's account. Only a real suggestion makes it a
            // probable second account.
            PairStatus::LinkedElsewhere if suggestion.probability >= REVIEW_SCORE => {
                for (side, key, candidate) in [(Side::Crm, crm, erp), (Side::Erp, erp, crm)] {
                    second_account(
                        inputs,
                        evidence,
                        (side, key),
                        candidate,
                        suggestion.probability,
                    );
                }
            }
            PairStatus::Accepted | PairStatus::Linked | PairStatus::LinkedElsewhere => {}
        }
    }
}

/// `key` of `side` is unlinked and its candidate is linked to another record of `side`.
fn second_account<'a>(
    inputs: &Inputs<'a>,
    evidence: &mut Evidence<'a>,
    (side, key): (Side, &'a str),
    candidate: &'a str,
    probability: f64,
) {
    let state = inputs.state;
    if state.is_linked(side, key) {
        return;
    }
    let Some(&linked_to) = state.partners(side.other(), candidate).first() else {
        return;
    };
    evidence.candidate(side, key, false);
    if not_duplicates(state, side, key, linked_to) {
        return;
    }
    let hold = Hold::SecondAccount {
        candidate,
        linked_to,
        probability,
    };
    evidence.hold(side, key, hold);
}

/// True when the two records of `side` are marked as not duplicates.
fn not_duplicates(state: &DecisionState, side: Side, first: &str, second: &str) -> bool {
    state
        .duplicate_decision(side, first, second)
        .is_some_and(|entry| entry.kind == DecisionKind::NotDuplicate)
}

fn cluster_evidence<'a>(inputs: &Inputs<'a>, evidence: &mut Evidence<'a>) {
    let state = inputs.state;
    for cluster in &inputs.suggestions.clusters {
        let side = cluster.side;
        let members: Vec<&'a str> = cluster.members.iter().map(String::as_str).collect();
        let master = cluster_master(inputs.list(side), state, side, &members);
        let Some(master) = master else { continue };
        let partner = state.partners(side, master).first().copied();
        for &member in &members {
            let settled = member == master
                || state.is_linked(side, member)
                || evidence.held(side, member)
                || not_duplicates(state, side, member, master)
                || state.are_duplicates(side, member, master);
            if !settled {
                evidence.hold(side, member, Hold::InCluster { master, partner });
            }
        }
    }
}

/// The master of a duplicate cluster of `side` with `members`: its linked member, else the
/// record marked as master of the others, else the most complete record (most filled cells;
/// the first on a tie).
pub fn cluster_master<'a>(
    list: &RecordList,
    state: &DecisionState,
    side: Side,
    members: &[&'a str],
) -> Option<&'a str> {
    if let Some(linked) = members.iter().find(|key| state.is_linked(side, key)) {
        return Some(linked);
    }
    let marked_master = members.iter().find(|key| {
        state.master_of(side, key).is_none()
            && members
                .iter()
                .all(|other| *other == **key || state.are_duplicates(side, key, other))
    });
    if let Some(master) = marked_master {
        return Some(master);
    }
    let filled = |key: &str| {
        list.record(key).map_or(0, |record| {
            record
                .fields()
                .filter(|(_, v)| !v.trim().is_empty())
                .count()
        })
    };
    let mut best: Option<(&'a str, usize)> = None;
    for &key in members {
        let cells = filled(key);
        if best.is_none_or(|(_, most)| cells > most) {
            best = Some((key, cells));
        }
    }
    best.map(|(key, _)| key)
}

impl ActionState<'_> {
    /// True when the record goes into the creation file of its list `side`.
    pub fn creates(&self, side: Side) -> bool {
        let create = match side {
            Side::Crm => CreationAction::CreateInErp,
            Side::Erp => CreationAction::CreateInCrm,
        };
        self.action() == Some(create)
            || (side == Side::Crm && *self == ActionState::NeedsErpAccount)
    }
}
