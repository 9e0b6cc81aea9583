//! What the screens draw from an open project, by row: the suggested pairs and competing
//! candidates with where each stands, duplicate clusters, per-record flags for the list
//! filters, and the counts of the status bar. [`crate::app::workspace::Workspace`] keeps them
//! current.

use crate::core::matching::{Band, Contribution};
use crate::core::model::Side;
use crate::core::project::{PairStatus, Project};

/// A suggested pair (or competing candidate) by row, with where it stands.
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
    pub state: PairStatus,
    /// Flagged unsure (see [`crate::core::project::DecisionKind::Unsure`]); it may be open.
    pub unsure: bool,
    /// Position in the project's suggestion list.
    pub(super) suggestion: usize,
}

impl PairItem {
    /// True while nobody decided and neither record is linked elsewhere.
    pub fn is_open(&self) -> bool {
        self.state == PairStatus::Open
    }

    /// True while open and flagged unsure: waiting for a second look.
    pub fn is_open_unsure(&self) -> bool {
        self.is_open() && self.unsure
    }

    /// True for accepted and hand-linked pairs.
    pub fn is_link(&self) -> bool {
        matches!(self.state, PairStatus::Accepted | PairStatus::Linked)
    }
}

/// The word shown for a pair's state.
pub fn status_word(status: PairStatus) -> &'static str {
    match status {
        PairStatus::Open => "open",
        PairStatus::Accepted => "accepted",
        PairStatus::Linked => "linked by hand",
        PairStatus::Rejected => "rejected",
        PairStatus::LinkedElsewhere => "linked elsewhere",
    }
}

/// A suggested duplicate cluster by row.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterItem {
    /// The list.
    pub side: Side,
    /// Member rows; the first is the suggested master.
    pub rows: Vec<usize>,
    /// The lowest pairwise probability inside the cluster.
    pub probability: f64,
    /// Why they belong together.
    pub reason: String,
}

/// What the list filters need to know about one record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecordFlags {
    /// Linked (accepted or by hand) to a record of the other list.
    pub linked: bool,
    /// How many records of the other list it is linked to (more than one only through marked
    /// duplicates).
    pub links: usize,
    /// Some pair with it was rejected.
    pub rejected: bool,
    /// In a suggested duplicate cluster.
    pub duplicate: bool,
    /// Some suggested pair with it is still open.
    pub open: bool,
    /// Some open pair with it is flagged unsure.
    pub unsure: bool,
    /// No link and no decided creation action (and none by default).
    pub needs_action: bool,
    /// No link, and a creation action (or ignore) was decided for it.
    pub decided_action: bool,
}

/// The counts the window shows, kept current by every change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Records in the CRM list.
    pub crm_records: usize,
    /// Records in the ERP list.
    pub erp_records: usize,
    /// Pairs matching suggested (competing candidates not counted).
    pub suggested: usize,
    /// Suggested pairs still open.
    pub open: usize,
    /// Open suggested pairs flagged unsure.
    pub unsure: usize,
    /// Links in effect (accepted or linked by hand).
    pub links: usize,
    /// Creation actions (and ignores) decided for records with no link.
    pub actions: usize,
    /// True when a decision can be undone.
    pub can_undo: bool,
    /// True when an undone decision can be redone.
    pub can_redo: bool,
}

impl Counts {
    /// Suggested pairs decided (not open any more).
    pub fn reviewed(&self) -> usize {
        self.suggested.saturating_sub(self.open)
    }
}

/// The suggested pairs and competing candidates by row; their states are read afterwards.
pub(super) fn pair_items(project: &Project) -> Vec<PairItem> {
    let crm = project.list(Side::Crm);
    let erp = project.list(Side::Erp);
    project
        .suggestions()
        .items
        .iter()
        .enumerate()
        .filter_map(|(index, suggestion)| {
            Some(PairItem {
                crm_row: crm.row_of(&suggestion.crm)?,
                erp_row: erp.row_of(&suggestion.erp)?,
                probability: suggestion.probability,
                band: suggestion.band,
                reason: suggestion.reason.clone(),
                contributions: suggestion.contributions.clone(),
                is_alternative: suggestion.is_alternative,
                state: PairStatus::Open,
                unsure: false,
                suggestion: index,
            })
        })
        .collect()
}

/// The duplicate clusters by row.
pub(super) fn cluster_items(project: &Project) -> Vec<ClusterItem> {
    project
        .suggestions()
        .clusters
        .iter()
        .filter_map(|cluster| {
            let list = project.list(cluster.side);
            let rows: Option<Vec<usize>> =
                cluster.members.iter().map(|key| list.row_of(key)).collect();
            Some(ClusterItem {
                side: cluster.side,
                rows: rows?,
                probability: cluster.probability,
                reason: cluster.reason.clone(),
            })
        })
        .collect()
}
