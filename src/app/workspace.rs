//! The open project as the screens see it: both lists, the suggested pairs by row with where
//! each stands, duplicate clusters, per-record flags for the list filters, and the counts of
//! the status bar. Every change goes through [`Project`] (the same calls the command line
//! makes); afterwards only what the change touched is read again: the pairs and records of the
//! decided records (a few, or a bulk accept's batch), so that a decision costs milliseconds
//! with 100,000 records on each side. Should another program have written in between, every
//! view is read again.

use std::collections::{BTreeSet, HashMap};

use crate::core::model::{Dataset, Side};
use crate::core::project::{
    ActionState, AssignReport, AssignRule, Decision, DecisionEntry, Location, PairStatus, Project,
    ProjectError,
};

pub use super::items::{ClusterItem, Counts, PairItem, RecordFlags, status_word};
use super::items::{cluster_items, pair_items};

/// Add `after - before` to `count`.
fn shift(count: &mut usize, before: usize, after: usize) {
    *count = (*count + after).saturating_sub(before);
}

fn slot(side: Side) -> usize {
    match side {
        Side::Crm => 0,
        Side::Erp => 1,
    }
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
    pub counts: Counts,
    /// Items by CRM row and by ERP row.
    by_row: [HashMap<usize, Vec<usize>>; 2],
    /// The reviewer at the keyboard, once known.
    reviewer: Option<String>,
}

impl Workspace {
    /// Open a project file.
    pub fn open(location: &Location) -> Result<Workspace, ProjectError> {
        Project::open(location).map(Workspace::new)
    }

    /// Views over an open project.
    pub fn new(project: Project) -> Workspace {
        let items = pair_items(&project);
        let clusters = cluster_items(&project);
        let mut by_row: [HashMap<usize, Vec<usize>>; 2] = Default::default();
        for (index, item) in items.iter().enumerate() {
            by_row[0].entry(item.crm_row).or_default().push(index);
            by_row[1].entry(item.erp_row).or_default().push(index);
        }
        let mut crm_flags = vec![RecordFlags::default(); project.list(Side::Crm).len()];
        let mut erp_flags = vec![RecordFlags::default(); project.list(Side::Erp).len()];
        for cluster in &clusters {
            let flags = match cluster.side {
                Side::Crm => &mut crm_flags,
                Side::Erp => &mut erp_flags,
            };
            for &row in &cluster.rows {
                if let Some(flag) = flags.get_mut(row) {
                    flag.duplicate = true;
                }
            }
        }
        let mut workspace = Workspace {
            project,
            items,
            clusters,
            crm_flags,
            erp_flags,
            counts: Counts::default(),
            by_row,
            reviewer: None,
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

    /// Take a decision (committed before this returns), then update what it touched.
    pub fn decide(
        &mut self,
        decision: &Decision,
        by: &str,
        note: Option<&str>,
    ) -> Result<DecisionEntry, ProjectError> {
        self.set_reviewer(by);
        let before = self.project.last_seq();
        let result = self.project.decide(decision, by, note);
        let entries = result.as_ref().map_or(&[][..], std::slice::from_ref);
        self.after_change(before, entries);
        result
    }

    /// Take several decisions as one batch ([`Project::decide_batch`]: all or none, one
    /// transaction) and undo takes them back together. Returns how many were taken.
    pub fn decide_batch(
        &mut self,
        decisions: &[Decision],
        by: &str,
        note: &str,
    ) -> Result<usize, ProjectError> {
        self.set_reviewer(by);
        if decisions.is_empty() {
            return Ok(0);
        }
        let before = self.project.last_seq();
        let result = self.project.decide_batch(decisions, by, Some(note));
        self.after_change(before, result.as_deref().unwrap_or_default());
        result.map(|entries| entries.len())
    }

    /// Undo the latest batch of `by` ([`Project::undo`]: a single decision, a bulk accept, an
    /// `apply-review` run). Returns how many decisions were taken back.
    pub fn undo(&mut self, by: &str) -> Result<Vec<DecisionEntry>, ProjectError> {
        self.move_cursor(by, true)
    }

    /// Redo the earliest undone batch of `by` ([`Project::redo`]).
    pub fn redo(&mut self, by: &str) -> Result<Vec<DecisionEntry>, ProjectError> {
        self.move_cursor(by, false)
    }

    fn move_cursor(&mut self, by: &str, undo: bool) -> Result<Vec<DecisionEntry>, ProjectError> {
        self.set_reviewer(by);
        let before = self.project.last_seq();
        let result = if undo {
            self.project.undo(by)
        } else {
            self.project.redo(by)
        };
        self.after_change(before, result.as_deref().unwrap_or_default());
        result
    }

    /// The item of the pair `entry` is about, if it is a suggested pair or candidate.
    pub fn item_of(&self, entry: &DecisionEntry) -> Option<usize> {
        let (crm, erp) = entry.pair()?;
        let crm_row = self.project.list(Side::Crm).row_of(crm)?;
        let erp_row = self.project.list(Side::Erp).row_of(erp)?;
        self.items_with(Side::Crm, crm_row)
            .into_iter()
            .find(|&index| self.items[index].erp_row == erp_row)
    }

    /// The reviewer at the keyboard: the status bar's "Undo available" is about their
    /// decisions (before one is named, about anyone's).
    pub fn set_reviewer(&mut self, by: &str) {
        if self.reviewer.as_deref() != Some(by) {
            self.reviewer = Some(by.to_string());
            self.read_history();
        }
    }

    /// Split open pairs and clusters among reviewers (see [`Project::assign`]).
    pub fn assign(&mut self, rule: &AssignRule, by: &str) -> Result<AssignReport, ProjectError> {
        let report = self.project.assign(rule, by)?;
        self.refresh();
        Ok(report)
    }

    /// The reviewer named at the keyboard, if any.
    pub fn reviewer(&self) -> Option<&str> {
        self.reviewer.as_deref()
    }

    /// Catch up with decisions other programs wrote; true when anything changed.
    pub fn catch_up(&mut self) -> Result<bool, ProjectError> {
        let changed = self.project.refresh()?;
        if changed {
            self.refresh();
        }
        Ok(changed)
    }

    /// After this program wrote one log entry per entry of `entries` (decisions, or undo and
    /// redo of them) since the log stood at `before`: update what they touched, or everything
    /// when another program wrote in between.
    fn after_change(&mut self, before: i64, entries: &[DecisionEntry]) {
        let written = i64::try_from(entries.len()).unwrap_or(i64::MAX);
        if self.project.last_seq() == before.saturating_add(written) {
            self.update_touched(entries);
        } else {
            self.refresh();
        }
    }

    /// Re-read every pair state and record flag, and count again.
    pub fn refresh(&mut self) {
        for index in 0..self.items.len() {
            self.read_item(index);
        }
        for side in [Side::Crm, Side::Erp] {
            for row in 0..self.project.list(side).len() {
                let flags = self.read_flags(side, row);
                self.flags_mut(side)[row] = flags;
            }
        }
        let primary = self.items.iter().filter(|item| !item.is_alternative);
        let mut counts = Counts {
            crm_records: self.crm_flags.len(),
            erp_records: self.erp_flags.len(),
            ..Counts::default()
        };
        for item in primary {
            counts.suggested += 1;
            counts.open += usize::from(item.is_open());
            counts.unsure += usize::from(item.is_open_unsure());
        }
        counts.links = self.crm_flags.iter().map(|flags| flags.links).sum();
        counts.actions = [&self.crm_flags, &self.erp_flags]
            .into_iter()
            .flatten()
            .filter(|flags| flags.decided_action)
            .count();
        self.counts = counts;
        self.read_history();
    }

    /// Re-read the pairs and records the entries name, the other pairs of those records, and
    /// the records of those pairs; shift the counts by what changed.
    fn update_touched(&mut self, entries: &[DecisionEntry]) {
        let mut rows: [BTreeSet<usize>; 2] = Default::default();
        for entry in entries {
            for record in std::iter::once(&entry.first).chain(entry.second.as_ref()) {
                if let Some(row) = self.project.list(record.side).row_of(&record.key) {
                    rows[slot(record.side)].insert(row);
                }
            }
        }
        let mut items: BTreeSet<usize> = BTreeSet::new();
        for side in [Side::Crm, Side::Erp] {
            for &row in &rows[slot(side)] {
                let with_row = self.by_row[slot(side)].get(&row).into_iter().flatten();
                items.extend(with_row.copied());
            }
        }
        for &index in &items {
            let old = &self.items[index];
            let (was_open, was_unsure) = (old.is_open(), old.is_open_unsure());
            self.read_item(index);
            let new = &self.items[index];
            if !new.is_alternative {
                let counts = &mut self.counts;
                shift(&mut counts.open, was_open.into(), new.is_open().into());
                shift(
                    &mut counts.unsure,
                    was_unsure.into(),
                    new.is_open_unsure().into(),
                );
            }
            rows[0].insert(new.crm_row);
            rows[1].insert(new.erp_row);
        }
        for side in [Side::Crm, Side::Erp] {
            for &row in &rows[slot(side)] {
                let Some(&old) = self.flags(side).get(row) else {
                    continue;
                };
                let new = self.read_flags(side, row);
                self.flags_mut(side)[row] = new;
                if side == Side::Crm {
                    shift(&mut self.counts.links, old.links, new.links);
                }
                let (was, is) = (old.decided_action, new.decided_action);
                shift(&mut self.counts.actions, was.into(), is.into());
            }
        }
        self.read_history();
    }

    fn read_history(&mut self) {
        let project = &self.project;
        let (can_undo, can_redo) = match self.reviewer.as_deref() {
            Some(by) => (project.can_undo_by(by), project.can_redo_by(by)),
            None => (project.can_undo(), project.can_redo()),
        };
        self.counts.can_undo = can_undo;
        self.counts.can_redo = can_redo;
    }

    fn read_item(&mut self, index: usize) {
        let Some(item) = self.items.get(index) else {
            return;
        };
        let Some(view) = self.project.suggestion_view(item.suggestion) else {
            return;
        };
        let (state, suggestion) = (view.status, view.suggestion);
        let unsure = self.project.is_unsure(&suggestion.crm, &suggestion.erp);
        if let Some(item) = self.items.get_mut(index) {
            item.state = state;
            item.unsure = unsure;
        }
    }

    fn flags_mut(&mut self, side: Side) -> &mut [RecordFlags] {
        match side {
            Side::Crm => &mut self.crm_flags,
            Side::Erp => &mut self.erp_flags,
        }
    }

    /// A record's flags as the project and the (already read) pair states give them.
    fn read_flags(&self, side: Side, row: usize) -> RecordFlags {
        let links = self.project.partners(side, self.key(side, row)).len();
        let mut flags = RecordFlags {
            linked: links > 0,
            links,
            duplicate: self
                .flags(side)
                .get(row)
                .is_some_and(|flags| flags.duplicate),
            ..RecordFlags::default()
        };
        for &index in self.by_row[slot(side)].get(&row).into_iter().flatten() {
            let item = &self.items[index];
            flags.open |= item.is_open() && !item.is_alternative;
            flags.unsure |= item.is_open_unsure();
            flags.rejected |= item.state == PairStatus::Rejected;
        }
        if let Some(record) = self.project.unlinked_record(side, row) {
            flags.needs_action = matches!(
                record.state,
                ActionState::Undecided | ActionState::NeedsErpAccount
            );
            flags.decided_action = matches!(record.state, ActionState::Decided(..));
        }
        flags
    }

    /// Indexes into [`Self::items`] of the pairs and candidates that involve `row` of `side`.
    pub fn items_with(&self, side: Side, row: usize) -> Vec<usize> {
        self.by_row[slot(side)]
            .get(&row)
            .cloned()
            .unwrap_or_default()
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
