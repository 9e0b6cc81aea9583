//! The decisions a workshop takes: accept, reject or link a pair, mark duplicates or not,
//! decide a creation action; and the log entry each one becomes. The rules that refuse a
//! decision are in `rules.rs`.

use crate::core::model::Side;

use super::hash::ContentHash;
use super::policy::CreationAction;

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
    /// A suggested pair flagged as unsure: it stays open, marked for a second look (a workshop
    /// spans days). Accepting or rejecting it later decides it; undo takes the flag back.
    Unsure,
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
            DecisionKind::Unsure => "unsure",
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
            "unsure" => DecisionKind::Unsure,
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
    /// Flag a suggested pair as unsure: it stays open.
    Unsure {
        /// CRM key.
        crm: String,
        /// ERP key.
        erp: String,
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
            Decision::Unsure { .. } => DecisionKind::Unsure,
        }
    }

    /// The records it is about: (CRM, ERP) for pairs (and unsure flags), (master or first, other) for duplicates,
    /// the record alone for actions.
    pub fn records(&self) -> (RecordRef, Option<RecordRef>) {
        match self {
            Decision::Accept { crm, erp }
            | Decision::Reject { crm, erp }
            | Decision::Link { crm, erp }
            | Decision::Unsure { crm, erp } => (
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
    /// The batch it was taken in, numbered by the `seq` of the batch's first decision: a bulk
    /// accept or an `apply-review` run is one batch, undone and redone as one. A single
    /// decision is a batch of its own.
    pub batch: i64,
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

/// The login name of the person at the keyboard, from the environment as `var` reads it (the
/// programs pass `std::env::var`; the core does not read the environment): `USER`, else
/// `LOGNAME`, else `USERNAME` (Windows), else "unknown". Used when no `--by` is given.
pub fn login_name(var: impl Fn(&str) -> Option<String>) -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .into_iter()
        .filter_map(var)
        .map(|value| value.trim().to_string())
        .find(|value| !value.is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_name_is_the_first_variable_set_and_not_blank() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| (*value).to_string())
            }
        };
        assert_eq!(
            login_name(env(&[("USER", "anna"), ("LOGNAME", "x")])),
            "anna"
        );
        assert_eq!(
            login_name(env(&[("USER", " "), ("USERNAME", "Bert ")])),
            "Bert"
        );
        assert_eq!(login_name(env(&[])), "unknown");
    }
}
