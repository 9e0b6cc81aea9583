//! What happens to the records that have no partner in the other list: the creation action
//! decided for each, or the default the policy and the CRM account type give it.

use serde::Serialize;

use crate::core::model::Side;

use super::decisions::{DecisionEntry, DecisionKind};
use super::lists::RecordList;
use super::policy::{AccountType, CreationAction, DefaultAction, Policy, default_action};
use super::state::DecisionState;
use super::worklist::Hold;

/// The action an unlinked record stands to get.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ActionState<'a> {
    /// The workshop decided it.
    Decided(CreationAction, &'a DecisionEntry),
    /// Nobody decided; the policy and account type give this default.
    Default(CreationAction),
    /// A CRM customer without an ERP account whose creation the policy does not allow: listed
    /// as needing one (the AR clerk's keying worklist under the `none` policy).
    NeedsErpAccount,
    /// Nobody decided and there is no default (leads, prospects, suspects, other types).
    Undecided,
    /// Something suggests the record already exists in the other system, or it is a
    /// duplicate: it waits for a person and is in no creation file (see `worklist.rs`).
    Held(Hold<'a>),
}

impl<'a> ActionState<'a> {
    /// The action that will be exported, decided or default.
    pub fn action(&self) -> Option<CreationAction> {
        match self {
            ActionState::Decided(action, _) | ActionState::Default(action) => Some(*action),
            ActionState::NeedsErpAccount | ActionState::Undecided | ActionState::Held(_) => None,
        }
    }

    /// `decided`, `default`, `needs_erp_account`, `undecided` or `waiting`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ActionState::Decided(..) => "decided",
            ActionState::Default(_) => "default",
            ActionState::NeedsErpAccount => "needs_erp_account",
            ActionState::Undecided => "undecided",
            ActionState::Held(_) => "waiting",
        }
    }
}

/// A record with no link, and what is to happen to it.
#[derive(Debug, Clone, Copy)]
pub struct UnlinkedRecord<'a> {
    /// Its list.
    pub side: Side,
    /// Its key.
    pub key: &'a str,
    /// Its row in the dataset.
    pub row: usize,
    /// Its CRM account type, when known.
    pub account_type: Option<AccountType>,
    /// The action it stands to get.
    pub state: ActionState<'a>,
    /// It had candidates in the other list and every one was rejected (so it gets its
    /// default again). Set by the worklist.
    pub all_rejected: bool,
}

/// Counts of creation actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ActionCounts {
    /// Records to create in the ERP.
    pub create_in_erp: usize,
    /// Records to create in the CRM.
    pub create_in_crm: usize,
    /// Records to leave alone.
    pub ignore: usize,
}

impl ActionCounts {
    /// Count one action.
    pub fn add(&mut self, action: CreationAction) {
        match action {
            CreationAction::CreateInErp => self.create_in_erp += 1,
            CreationAction::CreateInCrm => self.create_in_crm += 1,
            CreationAction::Ignore => self.ignore += 1,
        }
    }
}

/// Every record of `list` without a link, in row order.
pub fn unlinked_records<'a>(
    list: &'a RecordList,
    state: &'a DecisionState,
    policy: &Policy,
) -> Vec<UnlinkedRecord<'a>> {
    (0..list.keys().len())
        .filter_map(|row| unlinked_record(list, state, policy, row))
        .collect()
}

/// The record at `row` of `list` with the action it stands to get, or `None` when it is
/// linked (or there is no such row).
pub fn unlinked_record<'a>(
    list: &'a RecordList,
    state: &'a DecisionState,
    policy: &Policy,
    row: usize,
) -> Option<UnlinkedRecord<'a>> {
    let side = list.side;
    let key = list.keys().get(row)?;
    if state.is_linked(side, key) {
        return None;
    }
    let account_type = match side {
        Side::Crm => list.account_type(row),
        Side::Erp => None,
    };
    let decided = state
        .action_decision(side, key)
        .and_then(|entry| match entry.kind {
            DecisionKind::Action(action) => Some(ActionState::Decided(action, entry)),
            _ => None,
        });
    let state = decided.unwrap_or_else(|| match default_action(policy, side, account_type) {
        Some(DefaultAction::Create(action)) => ActionState::Default(action),
        Some(DefaultAction::NeedsErpAccount) => ActionState::NeedsErpAccount,
        None => ActionState::Undecided,
    });
    Some(UnlinkedRecord {
        side,
        key: key.as_str(),
        row,
        account_type,
        state,
        all_rejected: false,
    })
}
