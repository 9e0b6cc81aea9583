//! The open workshop as the screens see it: both lists, the suggested pairs with where each
//! stands, duplicate clusters, and per-record flags for the list filters. Rebuilt from the core
//! after every change; the screens only read it.

use std::sync::Arc;

use crate::core::matching::{Band, Contribution, DuplicateCluster, PairSuggestion};
use crate::core::model::{Dataset, Side};

/// Where a suggested pair stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PairState {
    /// Nobody decided yet.
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

impl PairState {
    /// The word shown in lists.
    pub fn as_str(self) -> &'static str {
        match self {
            PairState::Open => "open",
            PairState::Accepted => "accepted",
            PairState::Linked => "linked",
            PairState::Rejected => "rejected",
            PairState::LinkedElsewhere => "linked elsewhere",
        }
    }

    /// True for accepted and linked pairs.
    pub fn is_link(self) -> bool {
        matches!(self, PairState::Accepted | PairState::Linked)
    }
}

/// A suggested pair with its state.
#[derive(Debug, Clone, PartialEq)]
pub struct PairItem {
    /// 0-based CRM row.
    pub crm_row: usize,
    /// 0-based ERP row.
    pub erp_row: usize,
    /// Match probability in [0, 1].
    pub probability: f64,
    /// `auto` or `review`.
    pub band: Band,
    /// The sentence that explains the score.
    pub reason: String,
    /// Per-field contributions, largest effect first.
    pub contributions: Vec<Contribution>,
    /// True for a candidate that lost the one-to-one assignment.
    pub is_alternative: bool,
    /// Where it stands.
    pub state: PairState,
}

impl PairItem {
    /// A pair as matching suggested it, still open.
    pub fn from_suggestion(pair: &PairSuggestion, is_alternative: bool) -> PairItem {
        PairItem {
            crm_row: pair.crm_row,
            erp_row: pair.erp_row,
            probability: pair.probability,
            band: pair.band,
            reason: pair.reason.clone(),
            contributions: pair.contributions.clone(),
            is_alternative,
            state: PairState::Open,
        }
    }
}

/// What the list filters need to know about one record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecordFlags {
    /// Linked (accepted or by hand) to a record of the other list.
    pub linked: bool,
    /// Some pair with it was rejected.
    pub rejected: bool,
    /// In a duplicate cluster of its list.
    pub duplicate: bool,
    /// Some pair with it is still open.
    pub open: bool,
    /// No link and no decided creation action: the workshop still has to say what happens.
    pub needs_action: bool,
}

/// The workshop's data, read-only for the screens.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The CRM list.
    pub crm: Arc<Dataset>,
    /// The ERP list.
    pub erp: Arc<Dataset>,
    /// Suggested pairs, then alternatives.
    pub items: Vec<PairItem>,
    /// Duplicate clusters of both lists.
    pub clusters: Vec<DuplicateCluster>,
    /// Flags per CRM row.
    pub crm_flags: Vec<RecordFlags>,
    /// Flags per ERP row.
    pub erp_flags: Vec<RecordFlags>,
}

impl Workspace {
    /// A list.
    pub fn list(&self, side: Side) -> &Dataset {
        match side {
            Side::Crm => &self.crm,
            Side::Erp => &self.erp,
        }
    }

    /// The flags of a list's records.
    pub fn flags(&self, side: Side) -> &[RecordFlags] {
        match side {
            Side::Crm => &self.crm_flags,
            Side::Erp => &self.erp_flags,
        }
    }

    /// Indexes into [`Self::items`] of the pairs and alternatives that involve `row` of `side`.
    pub fn items_with(&self, side: Side, row: usize) -> Vec<usize> {
        self.items
            .iter()
            .enumerate()
            .filter(|(_, item)| match side {
                Side::Crm => item.crm_row == row,
                Side::Erp => item.erp_row == row,
            })
            .map(|(index, _)| index)
            .collect()
    }

    /// The rows of the other list `row` of `side` is linked to.
    pub fn links_of(&self, side: Side, row: usize) -> Vec<usize> {
        self.items
            .iter()
            .filter(|item| item.state.is_link())
            .filter_map(|item| match side {
                Side::Crm if item.crm_row == row => Some(item.erp_row),
                Side::Erp if item.erp_row == row => Some(item.crm_row),
                _ => None,
            })
            .collect()
    }

    /// Work out the record flags from the pair states and clusters.
    pub fn refresh_flags(&mut self) {
        let mut crm = vec![RecordFlags::default(); self.crm.len()];
        let mut erp = vec![RecordFlags::default(); self.erp.len()];
        for item in &self.items {
            let (Some(left), Some(right)) = (crm.get_mut(item.crm_row), erp.get_mut(item.erp_row))
            else {
                continue;
            };
            for flags in [left, right] {
                match item.state {
                    PairState::Accepted | PairState::Linked => flags.linked = true,
                    PairState::Rejected => flags.rejected = true,
                    PairState::Open => flags.open = true,
                    PairState::LinkedElsewhere => {}
                }
            }
        }
        for cluster in &self.clusters {
            let flags = match cluster.side {
                Side::Crm => &mut crm,
                Side::Erp => &mut erp,
            };
            for &row in &cluster.rows {
                if let Some(flag) = flags.get_mut(row) {
                    flag.duplicate = true;
                }
            }
        }
        for flags in crm.iter_mut().chain(erp.iter_mut()) {
            flags.needs_action = !flags.linked;
        }
        self.crm_flags = crm;
        self.erp_flags = erp;
    }
}
