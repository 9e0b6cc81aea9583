//! The open project as the screens see it: both lists, the suggested pairs by row with where
//! each stands, duplicate clusters, per-record flags for the list filters, and the status.
//! Every change goes through [`Project`] (the same calls the command line makes); the views are
//! refreshed from it afterwards.

use std::collections::HashMap;
use std::path::Path;

use crate::core::matching::{Band, Contribution};
use crate::core::model::{Dataset, Side};
use crate::core::project::{
    ActionState, Decision, DecisionEntry, PairStatus, Project, ProjectError, Status,
};

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
    /// Position in the project's suggestion list.
    suggestion: usize,
}

impl PairItem {
    /// True while nobody decided and neither record is linked elsewhere.
    pub fn is_open(&self) -> bool {
        self.state == PairStatus::Open
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
    /// Some pair with it was rejected.
    pub rejected: bool,
    /// In a suggested duplicate cluster or marked a duplicate.
    pub duplicate: bool,
    /// Some suggested pair with it is still open.
    pub open: bool,
    /// No link and no decided creation action (and none by default).
    pub needs_action: bool,
}

/// The open project and the views the screens draw from.
#[derive(Debug)]
pub struct Workspace {
    project: Project,
    /// Suggested pairs, then competing candidates.
    pub items: Vec<PairItem>,
    /// Duplicate clusters of both lists.
    pub clusters: Vec<ClusterItem>,
    /// Flags per CRM row.
    pub crm_flags: Vec<RecordFlags>,
    /// Flags per ERP row.
    pub erp_flags: Vec<RecordFlags>,
    /// The counts of the status bar.
    pub status: Status,
    /// Items by CRM row and by ERP row.
    by_row: [HashMap<usize, Vec<usize>>; 2],
}

impl Workspace {
    /// Open a project file.
    pub fn open(file: &Path) -> Result<Workspace, ProjectError> {
        Project::open(file).map(Workspace::new)
    }

    /// Views over an open project.
    pub fn new(project: Project) -> Workspace {
        let crm = project.list(Side::Crm);
        let erp = project.list(Side::Erp);
        let items: Vec<PairItem> = project
            .suggestion_views()
            .iter()
            .enumerate()
            .filter_map(|(index, view)| {
                let suggestion = view.suggestion;
                Some(PairItem {
                    crm_row: crm.row_of(&suggestion.crm)?,
                    erp_row: erp.row_of(&suggestion.erp)?,
                    probability: suggestion.probability,
                    band: suggestion.band,
                    reason: suggestion.reason.clone(),
                    contributions: suggestion.contributions.clone(),
                    is_alternative: suggestion.is_alternative,
                    state: view.status,
                    suggestion: index,
                })
            })
            .collect();
        let clusters = project
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
            .collect();
        let status = project.status();
        let mut by_row: [HashMap<usize, Vec<usize>>; 2] = Default::default();
        for (index, item) in items.iter().enumerate() {
            by_row[0].entry(item.crm_row).or_default().push(index);
            by_row[1].entry(item.erp_row).or_default().push(index);
        }
        let mut workspace = Workspace {
            project,
            items,
            clusters,
            crm_flags: Vec::new(),
            erp_flags: Vec::new(),
            status,
            by_row,
        };
        workspace.refresh();
        workspace
    }

    /// The project.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The CRM list as imported.
    pub fn crm(&self) -> &Dataset {
        self.project.dataset(Side::Crm)
    }

    /// The ERP list as imported.
    pub fn erp(&self) -> &Dataset {
        self.project.dataset(Side::Erp)
    }

    /// A list as imported.
    pub fn list(&self, side: Side) -> &Dataset {
        self.project.dataset(side)
    }

    /// The key (id) of a record, as decisions name it.
    pub fn key(&self, side: Side, row: usize) -> &str {
        self.project.list(side).key(row)
    }

    /// The flags of a list's records.
    pub fn flags(&self, side: Side) -> &[RecordFlags] {
        match side {
            Side::Crm => &self.crm_flags,
            Side::Erp => &self.erp_flags,
        }
    }

    /// Take a decision (committed before this returns), then refresh the views.
    pub fn decide(
        &mut self,
        decision: &Decision,
        by: &str,
        note: Option<&str>,
    ) -> Result<DecisionEntry, ProjectError> {
        let result = self.project.decide(decision, by, note);
        self.refresh();
        result
    }

    /// Take several decisions as one batch: they share a note naming the batch, and undo
    /// takes them back together. Stops at the first refusal; what was decided before it stays
    /// (and is one batch).
    pub fn decide_batch(
        &mut self,
        decisions: &[Decision],
        by: &str,
        note: &str,
    ) -> Result<usize, ProjectError> {
        let note = format!("{note} [batch {}]", crate::core::project::utc_now());
        let mut done = 0;
        let mut outcome = Ok(());
        for decision in decisions {
            match self.project.decide(decision, by, Some(&note)) {
                Ok(_) => done += 1,
                Err(error) => {
                    outcome = Err(error);
                    break;
                }
            }
        }
        self.refresh();
        outcome.map(|()| done)
    }

    /// Undo the latest decision, or the whole batch it belongs to. Returns how many decisions
    /// were taken back.
    pub fn undo(&mut self, by: &str) -> Result<usize, ProjectError> {
        let batch = batch_note(self.project.next_undo());
        let mut count = 0;
        let outcome = loop {
            match self.project.undo(by) {
                Ok(_) => count += 1,
                Err(error) => break Err(error),
            }
            if batch.is_none() || batch_note(self.project.next_undo()) != batch {
                break Ok(count);
            }
        };
        self.refresh();
        outcome
    }

    /// Redo the earliest undone decision, or the whole batch it belongs to.
    pub fn redo(&mut self, by: &str) -> Result<usize, ProjectError> {
        let batch = batch_note(self.project.next_redo());
        let mut count = 0;
        let outcome = loop {
            match self.project.redo(by) {
                Ok(_) => count += 1,
                Err(error) => break Err(error),
            }
            if batch.is_none() || batch_note(self.project.next_redo()) != batch {
                break Ok(count);
            }
        };
        self.refresh();
        outcome
    }

    /// Catch up with decisions other programs wrote; true when anything changed.
    pub fn catch_up(&mut self) -> Result<bool, ProjectError> {
        let changed = self.project.refresh()?;
        if changed {
            self.refresh();
        }
        Ok(changed)
    }

    /// Re-read pair states, record flags and the status from the project.
    pub fn refresh(&mut self) {
        let views = self.project.suggestion_views();
        for item in &mut self.items {
            if let Some(view) = views.get(item.suggestion) {
                item.state = view.status;
            }
        }
        drop(views);
        self.crm_flags = self.record_flags(Side::Crm);
        self.erp_flags = self.record_flags(Side::Erp);
        self.status = self.project.status();
    }

    fn record_flags(&self, side: Side) -> Vec<RecordFlags> {
        let list = self.project.list(side);
        let mut flags: Vec<RecordFlags> = (0..list.len())
            .map(|row| RecordFlags {
                linked: !self.project.partners(side, list.key(row)).is_empty(),
                ..RecordFlags::default()
            })
            .collect();
        for item in &self.items {
            let row = match side {
                Side::Crm => item.crm_row,
                Side::Erp => item.erp_row,
            };
            if let Some(flag) = flags.get_mut(row) {
                flag.open |= item.is_open() && !item.is_alternative;
                flag.rejected |= item.state == PairStatus::Rejected;
            }
        }
        for cluster in self.clusters.iter().filter(|cluster| cluster.side == side) {
            for &row in &cluster.rows {
                if let Some(flag) = flags.get_mut(row) {
                    flag.duplicate = true;
                }
            }
        }
        for record in self.project.unlinked_records(side) {
            if let Some(flag) = flags.get_mut(record.row) {
                flag.needs_action = matches!(
                    record.state,
                    ActionState::Undecided | ActionState::NeedsErpAccount
                );
            }
        }
        flags
    }

    /// Indexes into [`Self::items`] of the pairs and candidates that involve `row` of `side`.
    pub fn items_with(&self, side: Side, row: usize) -> Vec<usize> {
        let by_row = match side {
            Side::Crm => &self.by_row[0],
            Side::Erp => &self.by_row[1],
        };
        by_row.get(&row).cloned().unwrap_or_default()
    }

    /// The rows of the other list `row` of `side` is linked to.
    pub fn links_of(&self, side: Side, row: usize) -> Vec<usize> {
        let other = self.project.list(side.other());
        self.project
            .partners(side, self.key(side, row))
            .iter()
            .filter_map(|key| other.row_of(key))
            .collect()
    }
}

/// The note of a batch decision (it carries `[batch …]`), or `None`.
fn batch_note(entry: Option<&DecisionEntry>) -> Option<String> {
    entry
        .and_then(|entry| entry.note.clone())
        .filter(|note| note.contains("[batch "))
}
