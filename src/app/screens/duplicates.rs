//! Duplicates: the suggested clusters of each list; mark them duplicates (choosing the master)
//! or not duplicates.

use crate::app::words::counted;
use std::collections::{HashMap, HashSet};

use crate::app::action::Action;
use crate::app::screens::pair::record_title;
use crate::app::workspace::{ClusterItem, Workspace};

use super::cluster_grid::{GridLine, grid_lines, grid_ui};
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
    /// Each drawn cluster's field grid, with the generation and master it was computed for.
    grids: HashMap<usize, (u64, usize, Vec<GridLine>)>,
    /// The data generation of the frame being drawn.
    generation: u64,
    /// The cluster the keys act on (index into the workspace's clusters).
    pub selected: Option<usize>,
    /// The clusters of the list shown, in order (what J/K move through).
    shown: Vec<usize>,
}

impl DuplicatesState {
    /// Select the next (`step` 1) or previous (-1) cluster of the list shown, turning the page
    /// when needed.
    pub fn move_selection(&mut self, step: isize) {
        let position = self
            .selected
            .and_then(|selected| self.shown.iter().position(|&index| index == selected));
        let next = match position {
            Some(position) => position
                .saturating_add_signed(step)
                .min(self.shown.len().saturating_sub(1)),
            None => self.page * CLUSTERS_PER_PAGE,
        };
        if let Some(&index) = self.shown.get(next) {
            self.selected = Some(index);
            self.page = next / CLUSTERS_PER_PAGE;
        }
    }
}

/// M marks the selected cluster duplicates of its master, X marks it not duplicates.
fn keys_ui(
    ui: &egui::Ui,
    state: &DuplicatesState,
    workspace: &Workspace,
    actions: &mut Vec<Action>,
) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let Some(index) = state.selected else { return };
    let Some(cluster) = workspace.clusters.get(index) else {
        return;
    };
    let pressed = |key: egui::Key| ui.input(|input| input.key_pressed(key));
    if pressed(egui::Key::M) {
        let first = cluster.rows.first().copied().unwrap_or_default();
        let master = state.masters.get(&index).copied().unwrap_or(first);
        actions.push(Action::MarkDuplicates {
            side: cluster.side,
            master,
            rows: cluster.rows.clone(),
        });
    }
    if pressed(egui::Key::X) {
        actions.push(Action::MarkNotDuplicates {
            side: cluster.side,
            rows: cluster.rows.clone(),
        });
    }
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
    state.generation = generation;
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
    keys_ui(ui, state, workspace, &mut actions);
    state.shown.clone_from(&shown);
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
    let generation = state.generation;
    let stale = state
        .grids
        .get(&index)
        .is_none_or(|(read, grid_master, _)| *read != generation || *grid_master != master);
    if stale {
        let lines = grid_lines(list, &cluster.rows, master);
        state.grids.insert(index, (generation, master, lines));
    }
    let lines = state
        .grids
        .get(&index)
        .map(|(_, _, lines)| lines.clone())
        .unwrap_or_default();
    let selected = state.selected == Some(index);
    let frame = egui::Frame::group(ui.style()).stroke(if selected {
        ui.visuals().selection.stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    });
    frame.show(ui, |ui| {
        ui.horizontal(|ui| {
            let title = egui::RichText::new(format!("Cluster {}", index + 1)).strong();
            if ui
                .selectable_label(selected, title)
                .on_hover_text("Select it for the keys")
                .clicked()
            {
                state.selected = Some(index);
            }
            ui.label(format!("score {:.3}, {cluster_state}", cluster.probability));
            if selected {
                ui.weak("M marks them duplicates of the master, X not duplicates, J/K move on");
            }
        });
        ui.label(&cluster.reason);
        let mut chosen_master = None;
        let grid_id = egui::Id::unique(("cluster_grid", index));
        grid_ui(ui, grid_id, &lines, cluster.rows.len(), |ui, member| {
            let Some(&row) = cluster.rows.get(member) else {
                return;
            };
            ui.set_min_width(200.0);
            let chosen = ui
                .radio(master == row, format!("Keep {}", list.record_id(row)))
                .on_hover_text("The record the others are merged into");
            ui.add(
                egui::Label::new(egui::RichText::new(record_title(list, row)).weak()).truncate(),
            );
            if chosen.clicked() && master != row {
                chosen_master = Some(row);
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
        if let Some(row) = chosen_master {
            state.masters.insert(index, row);
            state.selected = Some(index);
            // A marked cluster follows its new master at once.
            if cluster_state == "marked duplicates" {
                actions.push(Action::MarkDuplicates {
                    side: cluster.side,
                    master: row,
                    rows: cluster.rows.clone(),
                });
            }
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
