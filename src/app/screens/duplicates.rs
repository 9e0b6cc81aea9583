//! Duplicates: the suggested clusters of each list; mark them duplicates (choosing the master)
//! or not duplicates.

use crate::app::action::Action;
use crate::app::screens::pair::record_title;
use crate::app::workspace::{ClusterItem, Workspace};
use crate::core::model::Side;

/// The duplicates screen's own state: the master chosen per cluster.
#[derive(Debug, Clone, Default)]
pub struct DuplicatesState {
    /// Which list is shown.
    pub side: Option<Side>,
    /// The master chosen for each cluster (index into the workspace's clusters).
    pub masters: std::collections::HashMap<usize, usize>,
}

/// Where a cluster stands in the project.
fn cluster_state(workspace: &Workspace, cluster: &ClusterItem) -> &'static str {
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
    let not_duplicates = project.not_duplicate_marks().into_iter().any(|entry| {
        entry.first.side == cluster.side
            && keys.contains(&entry.first.key.as_str())
            && entry
                .second
                .as_ref()
                .is_some_and(|second| keys.contains(&second.key.as_str()))
    });
    if not_duplicates {
        "marked not duplicates"
    } else {
        "open"
    }
}

/// Draw the duplicates screen.
pub fn duplicates_ui(
    ui: &mut egui::Ui,
    state: &mut DuplicatesState,
    workspace: &Workspace,
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
            let text = format!("{} ({count} clusters)", candidate.as_str().to_uppercase());
            if ui.selectable_label(side == candidate, text).clicked() {
                state.side = Some(candidate);
            }
        }
    });
    ui.label("Choose the record to keep (the master), then mark the cluster.");
    egui::ScrollArea::vertical()
        .id_salt("duplicates_scroll")
        .show(ui, |ui| {
            let clusters = workspace
                .clusters
                .iter()
                .enumerate()
                .filter(|(_, cluster)| cluster.side == side);
            for (index, cluster) in clusters {
                cluster_ui(ui, state, workspace, index, cluster, &mut actions);
            }
        });
    actions
}

fn cluster_ui(
    ui: &mut egui::Ui,
    state: &mut DuplicatesState,
    workspace: &Workspace,
    index: usize,
    cluster: &ClusterItem,
    actions: &mut Vec<Action>,
) {
    let list = workspace.list(cluster.side);
    let Some(&first) = cluster.rows.first() else {
        return;
    };
    let master = *state.masters.entry(index).or_insert(first);
    ui.group(|ui| {
        ui.horizontal(|ui| {
            ui.strong(format!("Cluster {}", index + 1));
            ui.label(format!(
                "score {:.3}, {}",
                cluster.probability,
                cluster_state(workspace, cluster)
            ));
        });
        ui.label(&cluster.reason);
        for &row in &cluster.rows {
            let title = record_title(list, row);
            let chosen = ui
                .radio(master == row, format!("Keep {title}"))
                .on_hover_text("The record the others are merged into");
            if chosen.clicked() {
                state.masters.insert(index, row);
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
