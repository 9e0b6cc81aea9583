//! The decisions a workshop takes, and the rules that refuse the ones a finance head would not
//! let through:
//!
//! * `accept` needs a suggested pair (primary or alternative); `link` joins any two records.
//! * One ERP customer is linked to one CRM account, and one CRM account to one ERP customer,
//!   unless the records already linked are marked duplicates of the new one. A conflicting
//!   accept or link is refused with a message naming the existing link; it never replaces it.
//! * Accepting again a pair already linked is allowed: it confirms a stale decision.
//! * `reject` of a linked pair removes the link (and the pair is never suggested again).
//! * A creation action is refused for a linked record, for a record of the wrong list, and when
//!   the creation policy forbids it. Deciding it for a Lead, Prospect or Suspect is allowed (the
//!   policy only keeps them from getting it by default).
//! * Duplicate marks join two different records of one list, the master first. Marking two
//!   accounts as not duplicates is refused while both are linked to the same record.

use crate::core::model::Side;

use super::error::Refusal;
use super::hash::ContentHash;
use super::lists::RecordList;
use super::policy::{CreationAction, Policy};
use super::state::DecisionState;
use super::suggestions::Suggestions;

/// A record named by its list and key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct RecordRef {
    /// The list.
    pub side: Side,
    /// The record's key (its id; see `lists.rs` for repeated and empty ids).
    pub key: String,
}

impl RecordRef {
    /// A record of `side` with `key`.
    pub fn new(side: Side, key: impl Into<String>) -> Self {
        RecordRef {
            side,
            key: key.into(),
        }
    }
}

impl std::fmt::Display for RecordRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.side, self.key)
    }
}

impl std::str::FromStr for RecordRef {
    type Err = String;
    /// `crm:ID` or `erp:ID`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (side, key) = text
            .split_once(':')
            .ok_or_else(|| format!("'{text}' names no list; write crm:ID or erp:ID"))?;
        let side: Side = side.parse()?;
        if key.trim().is_empty() {
            return Err(format!("'{text}' names no record; write {side}:ID"));
        }
        Ok(RecordRef::new(side, key.trim()))
    }
}

/// What was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecisionKind {
    /// A suggested pair accepted.
    Accept,
    /// A pair rejected: not a match, never suggested again.
    Reject,
    /// A pair linked by hand.
    Link,
    /// Two records of one list marked duplicates; the first is the master.
    Duplicate,
    /// Two records of one list marked as not duplicates.
    NotDuplicate,
    /// A creation action for an unlinked record.
    Action(CreationAction),
}

impl DecisionKind {
    /// The name used in the log and the audit export.
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::Accept => "accept",
            DecisionKind::Reject => "reject",
            DecisionKind::Link => "link",
            DecisionKind::Duplicate => "duplicate",
            DecisionKind::NotDuplicate => "not_duplicate",
            DecisionKind::Action(action) => action.as_str(),
        }
    }

    /// The kind named `text` in the log.
    pub fn parse(text: &str) -> Option<DecisionKind> {
        Some(match text {
            "accept" => DecisionKind::Accept,
            "reject" => DecisionKind::Reject,
            "link" => DecisionKind::Link,
            "duplicate" => DecisionKind::Duplicate,
            "not_duplicate" => DecisionKind::NotDuplicate,
            "create_in_erp" => DecisionKind::Action(CreationAction::CreateInErp),
            "create_in_crm" => DecisionKind::Action(CreationAction::CreateInCrm),
            "ignore" => DecisionKind::Action(CreationAction::Ignore),
            _ => return None,
        })
    }

    /// True for accept and link.
    pub fn is_link(self) -> bool {
        matches!(self, DecisionKind::Accept | DecisionKind::Link)
    }
}

/// A decision to take, as the GUI and the command line ask for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Accept the suggested pair.
    Accept {
        /// CRM key.
        crm: String,
        /// ERP key.
        erp: String,
    },
    /// Reject the pair: not a match.
    Reject {
        /// CRM key.
        crm: String,
        /// ERP key.
        erp: String,
    },
    /// Link a pair by hand.
    Link {
        /// CRM key.
        crm: String,
        /// ERP key.
        erp: String,
    },
    /// Mark two records of one list as duplicates.
    Duplicate {
        /// The record to keep.
        master: RecordRef,
        /// Its duplicate.
        duplicate: RecordRef,
    },
    /// Mark two records of one list as not duplicates.
    NotDuplicate {
        /// One record.
        first: RecordRef,
        /// The other.
        second: RecordRef,
    },
    /// A creation action (or `ignore`) for an unlinked record.
    Action {
        /// The record.
        record: RecordRef,
        /// What to do with it.
        action: CreationAction,
    },
}

impl Decision {
    /// "Create this record in the other system": `create_in_erp` for a CRM record,
    /// `create_in_crm` for an ERP record (the command line's `--create crm:ID`).
    pub fn create(record: RecordRef) -> Decision {
        let action = match record.side {
            Side::Crm => CreationAction::CreateInErp,
            Side::Erp => CreationAction::CreateInCrm,
        };
        Decision::Action { record, action }
    }

    /// The kind of the decision.
    pub fn kind(&self) -> DecisionKind {
        match self {
            Decision::Accept { .. } => DecisionKind::Accept,
            Decision::Reject { .. } => DecisionKind::Reject,
            Decision::Link { .. } => DecisionKind::Link,
            Decision::Duplicate { .. } => DecisionKind::Duplicate,
            Decision::NotDuplicate { .. } => DecisionKind::NotDuplicate,
            Decision::Action { action, .. } => DecisionKind::Action(*action),
        }
    }

    /// The records it is about: (CRM, ERP) for pairs, (master or first, other) for duplicates,
    /// the record alone for actions.
    pub fn records(&self) -> (RecordRef, Option<RecordRef>) {
        match self {
            Decision::Accept { crm, erp }
            | Decision::Reject { crm, erp }
            | Decision::Link { crm, erp } => (
                RecordRef::new(Side::Crm, crm.clone()),
                Some(RecordRef::new(Side::Erp, erp.clone())),
            ),
            Decision::Duplicate {
                master: first,
                duplicate: second,
            }
            | Decision::NotDuplicate { first, second } => (first.clone(), Some(second.clone())),
            Decision::Action { record, .. } => (record.clone(), None),
        }
    }
}

/// A decision in the log.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionEntry {
    /// Position in the log (1, 2, ...; undo and redo entries take numbers too).
    pub seq: i64,
    /// What was decided.
    pub kind: DecisionKind,
    /// The first record: CRM for pairs, the master (or first) for duplicates, the record for
    /// actions.
    pub first: RecordRef,
    /// The second record: ERP for pairs, the duplicate for duplicates.
    pub second: Option<RecordRef>,
    /// Who decided.
    pub by: String,
    /// When (UTC, ISO 8601).
    pub at: String,
    /// The suggestion's probability at the time (for pairs matching had scored).
    pub score: Option<f64>,
    /// The note given with the decision.
    pub note: Option<String>,
    /// Content hash of the first record at the time.
    pub first_hash: Option<ContentHash>,
    /// Content hash of the second record at the time.
    pub second_hash: Option<ContentHash>,
}

impl DecisionEntry {
    /// The CRM and ERP keys of a pair decision.
    pub fn pair(&self) -> Option<(&str, &str)> {
        match self.kind {
            DecisionKind::Accept | DecisionKind::Reject | DecisionKind::Link => self
                .second
                .as_ref()
                .map(|erp| (self.first.key.as_str(), erp.key.as_str())),
            _ => None,
        }
    }
}

/// What a decision is checked against.
pub(crate) struct Rules<'a> {
    pub crm: &'a RecordList,
    pub erp: &'a RecordList,
    pub suggestions: &'a Suggestions,
    pub state: &'a DecisionState,
    pub policy: &'a Policy,
}

impl Rules<'_> {
    fn list(&self, side: Side) -> &RecordList {
        match side {
            Side::Crm => self.crm,
            Side::Erp => self.erp,
        }
    }

    fn hash(&self, record: &RecordRef) -> Result<ContentHash, Box<Refusal>> {
        self.list(record.side).hash_of(&record.key).ok_or_else(|| {
            Box::new(Refusal::UnknownRecord {
                side: record.side,
                id: record.key.clone(),
            })
        })
    }

    /// Check `decision` and fill in what the log keeps with it (score, hashes); `seq`, `by`,
    /// `at` and `note` are left for the caller.
    pub fn check(&self, decision: &Decision) -> Result<DecisionEntry, Box<Refusal>> {
        let (first, second) = decision.records();
        let first_hash = self.hash(&first)?;
        let second_hash = second
            .as_ref()
            .map(|record| self.hash(record))
            .transpose()?;
        let mut score = None;
        match decision {
            Decision::Accept { crm, erp } | Decision::Link { crm, erp } => {
                let suggestion = self.suggestions.find(crm, erp);
                if matches!(decision, Decision::Accept { .. }) && suggestion.is_none() {
                    return Err(Box::new(Refusal::NotSuggested {
                        crm: crm.clone(),
                        erp: erp.clone(),
                    }));
                }
                score = suggestion.map(|found| found.probability);
                self.check_one_to_one(Side::Erp, erp, crm)?;
                self.check_one_to_one(Side::Crm, crm, erp)?;
            }
            Decision::Reject { crm, erp } => {
                score = self
                    .suggestions
                    .find(crm, erp)
                    .map(|found| found.probability);
            }
            Decision::Duplicate {
                master: first,
                duplicate: second,
            }
            | Decision::NotDuplicate { first, second } => {
                if first.side != second.side || first.key == second.key {
                    return Err(Box::new(Refusal::NotOnePair {
                        first_side: first.side,
                        first: first.key.clone(),
                        second_side: second.side,
                        second: second.key.clone(),
                    }));
                }
                if matches!(decision, Decision::NotDuplicate { .. }) {
                    self.check_no_shared_link(first, second)?;
                }
            }
            Decision::Action { record, action } => self.check_action(record, *action)?,
        }
        Ok(DecisionEntry {
            seq: 0,
            kind: decision.kind(),
            first,
            second,
            by: String::new(),
            at: String::new(),
            score,
            note: None,
            first_hash: Some(first_hash),
            second_hash,
        })
    }

    /// `record` of `side` may take `wanted` (of the other list) as a partner only if every
    /// partner it has is `wanted` itself or a marked duplicate of it.
    fn check_one_to_one(&self, side: Side, record: &str, wanted: &str) -> Result<(), Box<Refusal>> {
        let other = side.other();
        for partner in self.state.partners(side, record) {
            if partner == wanted || self.state.are_duplicates(other, partner, wanted) {
                continue;
            }
            let (crm, erp) = match side {
                Side::Erp => (partner.as_str(), record),
                Side::Crm => (record, partner.as_str()),
            };
            let existing = self.state.pair_decision(crm, erp);
            return Err(Box::new(Refusal::ConflictingLink {
                side,
                id: record.to_string(),
                linked_to: partner.clone(),
                wanted: wanted.to_string(),
                kind: existing
                    .map_or("link", |entry| entry.kind.as_str())
                    .to_string(),
                by: existing.map_or_else(String::new, |entry| entry.by.clone()),
                at: existing.map_or_else(String::new, |entry| entry.at.clone()),
            }));
        }
        Ok(())
    }

    fn check_no_shared_link(
        &self,
        first: &RecordRef,
        second: &RecordRef,
    ) -> Result<(), Box<Refusal>> {
        let second_partners = self.state.partners(second.side, &second.key);
        let shared = self
            .state
            .partners(first.side, &first.key)
            .iter()
            .find(|partner| second_partners.contains(partner));
        match shared {
            Some(partner) => Err(Box::new(Refusal::SharedLink {
                side: first.side,
                first: first.key.clone(),
                second: second.key.clone(),
                partner: partner.clone(),
            })),
            None => Ok(()),
        }
    }

    fn check_action(&self, record: &RecordRef, action: CreationAction) -> Result<(), Box<Refusal>> {
        if let Some(expected) = action.source_side()
            && expected != record.side
        {
            return Err(Box::new(Refusal::WrongSide {
                action: action.as_str().to_string(),
                expected,
                side: record.side,
                id: record.key.clone(),
            }));
        }
        if let Some(partner) = self.state.partners(record.side, &record.key).first() {
            return Err(Box::new(Refusal::AlreadyLinked {
                side: record.side,
                id: record.key.clone(),
                linked_to: partner.clone(),
            }));
        }
        if !self.policy.allows(action) {
            return Err(Box::new(Refusal::PolicyForbids {
                action: action.as_str().to_string(),
                policy: self.policy.describe(),
                side: record.side,
                id: record.key.clone(),
            }));
        }
        Ok(())
    }
}

/// The login name of the person at the keyboard: `USER`, else `LOGNAME`, else `USERNAME`
/// (Windows), else "unknown". Used when no `--by` is given.
pub fn login_name() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .map(|value| value.trim().to_string())
        .find(|value| !value.is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}
