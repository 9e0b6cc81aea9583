//! Duplicates: the suggested clusters of each list; mark them duplicates (choosing the master)
//! or not duplicates.

use crate::app::words::counted;
use std::collections::HashSet;

use crate::app::action::Action;
use crate::app::screens::pair::record_title;
use crate::app::workspace::{ClusterItem, Workspace};
use crate::core::model::Side;

/// Clusters drawn per page: a list of 100,000 records may hold thousands of clusters, and
/// drawing them all would take far longer than a frame.
pub const CLUSTERS_PER_PAGE: usize = 50;

/// The duplicates screen's own state: the master chosen per cluster, the page shown.
#[derive(Debug, Clone, Default)]
pub struct DuplicatesState {
    /// Which list is shown.
    pub side: Option<Side>,
    /// The master chosen for each cluster (index into the workspace's clusters).
    pub masters: std::collections::HashMap<usize, usize>,
    /// The page of clusters shown (0-based).
    pub page: usize,
    /// Where each cluster stands, and the data generation it was read for.
    states: Option<(u64, Vec<&'static str>)>,
}

impl DuplicatesState {
    /// Every cluster's state, read again only when the data changed.
    fn states(&mut self, workspace: &Workspace, generation: u64) -> &[&'static str] {
        if self
            .states
            .as_ref()
            .is_none_or(|(read, _)| *read != generation)
        {
            let not_duplicates = not_duplicate_pairs(workspace);
            let states = workspace
                .clusters
                .iter()
                .map(|cluster| cluster_state(workspace, &not_duplicates, cluster))
                .collect();
            self.states = Some((generation, states));
        }
        self.states
            .as_ref()
            .map_or(&[], |(_, states)| states.as_slice())
    }
}

/// The pairs of records marked as not duplicates, both ways round: (side, key, key).
type NotDuplicates<'a> = HashSet<(Side, &'a str, &'a str)>;

/// Every not-duplicate mark in effect, read once for all clusters.
fn not_duplicate_pairs(workspace: &Workspace) -> NotDuplicates<'_> {
    let mut pairs = HashSet::new();
    for entry in workspace.project().not_duplicate_marks() {
        if let Some(second) = entry.second.as_ref()
            && second.side == entry.first.side
        {
            let (a, b) = (entry.first.key.as_str(), second.key.as_str());
            pairs.insert((entry.first.side, a, b));
            pairs.insert((entry.first.side, b, a));
        }
    }
    pairs
}

/// Where a cluster stands in the project.
fn cluster_state(
    workspace: &Workspace,
    not_duplicates: &NotDuplicates<'_>,
    cluster: &ClusterItem,
) -> &'static str {
    let project = workspace.project();
    let keys: Vec<&str> = cluster
        .rows
        .iter()
        .map(|&row| workspace.key(cluster.side, row))
        .collect();
    let Some((first, others)) = keys.split_first() else {
        return "";
    };
    if others
        .iter()
        .all(|other| project.are_duplicates(cluster.side, first, other))
    {
        return "marked duplicates";
    }
    let marked_apart = keys.iter().any(|a| {
        keys.iter()
            .any(|b| not_duplicates.contains(&(cluster.side, *a, *b)))
    });
    if marked_apart {
        "marked not duplicates"
    } else {
        "open"
    }
}

/// The master the project proposes for a cluster (its linked member, else the marked master,
/// else the most complete record), by row.
fn proposed_master(workspace: &Workspace, cluster: &ClusterItem) -> Option<usize> {
    let keys: Vec<&str> = cluster
        .rows
        .iter()
        .map(|&row| workspace.key(cluster.side, row))
        .collect();
    let master = workspace.project().cluster_master(cluster.side, &keys)?;
    workspace.project().list(cluster.side).row_of(master)
}

/// Draw the duplicates screen.
pub fn duplicates_ui(
    ui: &mut egui::Ui,
    state: &mut DuplicatesState,
    workspace: &Workspace,
    generation: u64,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let side = *state.side.get_or_insert(Side::Crm);
    ui.horizontal(|ui| {
        ui.heading("Duplicates within one list");
        for candidate in [Side::Crm, Side::Erp] {
            let count = workspace
                .clusters
                .iter()
                .filter(|cluster| cluster.side == candidate)
                .count();
            let text = format!(
                "{} ({})",
                candidate.as_str().to_uppercase(),
                counted(count, "cluster", "clusters")
            );
            if ui.selectable_label(side == candidate, text).clicked() {
                state.side = Some(candidate);
                state.page = 0;
            }
        }
    });
    ui.label("Choose the record to keep (the master), then mark the cluster.");
    let shown: Vec<usize> = (0..workspace.clusters.len())
        .filter(|&index| workspace.clusters[index].side == side)
        .collect();
    page_bar_ui(ui, state, shown.len());
    let first = state.page * CLUSTERS_PER_PAGE;
    let page: Vec<usize> = shown
        .iter()
        .copied()
        .skip(first)
        .take(CLUSTERS_PER_PAGE)
        .collect();
    let states: Vec<&'static str> = {
        let all = state.states(workspace, generation);
        page.iter()
            .map(|&index| all.get(index).copied().unwrap_or(""))
            .collect()
    };
    egui::ScrollArea::vertical()
        .id_salt(("duplicates_scroll", side, state.page))
        .show(ui, |ui| {
            for (&index, cluster_state) in page.iter().zip(states) {
                let cluster = &workspace.clusters[index];
                cluster_ui(
                    ui,
                    state,
                    workspace,
                    (index, cluster),
                    cluster_state,
                    &mut actions,
                );
            }
        });
    actions
}

/// "Clusters 51–100 of 4,210" with previous and next page buttons, when there is more than one
/// page.
fn page_bar_ui(ui: &mut egui::Ui, state: &mut DuplicatesState, count: usize) {
    let pages = count.div_ceil(CLUSTERS_PER_PAGE).max(1);
    state.page = state.page.min(pages - 1);
    if pages == 1 {
        return;
    }
    ui.horizontal(|ui| {
        let first = state.page * CLUSTERS_PER_PAGE;
        let last = (first + CLUSTERS_PER_PAGE).min(count);
        if ui
            .add_enabled(state.page > 0, egui::Button::new("Previous clusters"))
            .clicked()
        {
            state.page -= 1;
        }
        ui.label(format!("Clusters {}–{last} of {count}", first + 1));
        if ui
            .add_enabled(state.page + 1 < pages, egui::Button::new("Next clusters"))
            .clicked()
        {
            state.page += 1;
        }
    });
}

fn cluster_ui(
    ui: &mut egui::Ui,
    state: &mut DuplicatesState,
    workspace: &Workspace,
    (index, cluster): (usize, &ClusterItem),
    cluster_state: &str,
    actions: &mut Vec<Action>,
) {
    let list = workspace.list(cluster.side);
    let Some(&first) = cluster.rows.first() else {
        return;
    };
    let master = *state
        .masters
        .entry(index)
        .or_insert_with(|| proposed_master(workspace, cluster).unwrap_or(first));
    ui.group(|ui| {
        ui.horizontal(|ui| {
            ui.strong(format!("Cluster {}", index + 1));
            ui.label(format!("score {:.3}, {cluster_state}", cluster.probability));
        });
        ui.label(&cluster.reason);
        for &row in &cluster.rows {
            let title = record_title(list, row);
            ui.horizontal(|ui| {
                let chosen = ui
                    .radio(master == row, format!("Keep {title}"))
                    .on_hover_text("The record the others are merged into");
                if chosen.clicked() && master != row {
                    state.masters.insert(index, row);
                    // A marked cluster follows its new master at once.
                    if cluster_state == "marked duplicates" {
                        actions.push(Action::MarkDuplicates {
                            side: cluster.side,
                            master: row,
                            rows: cluster.rows.clone(),
                        });
                    }
                }
                let other = workspace.list(cluster.side.other());
                for partner in workspace.links_of(cluster.side, row) {
                    ui.label(format!(
                        "linked to {} {}",
                        cluster.side.other().as_str().to_uppercase(),
                        other.record_id(partner)
                    ));
                }
            });
        }
        ui.horizontal(|ui| {
            let master_id = list.record_id(master);
            if ui
                .button(format!("Mark duplicates of {master_id}"))
                .clicked()
            {
                actions.push(Action::MarkDuplicates {
                    side: cluster.side,
                    master,
                    rows: cluster.rows.clone(),
                });
            }
            let first_id = list.record_id(first);
            if ui
                .button(format!("Not duplicates ({first_id} cluster)"))
                .on_hover_text("These records are different customers")
                .clicked()
            {
                actions.push(Action::MarkNotDuplicates {
                    side: cluster.side,
                    rows: cluster.rows.clone(),
                });
            }
        });
    });
}
