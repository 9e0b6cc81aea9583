//! The record clicked in a list, shown in the middle of the review screen: its fields and its
//! pairs (suggested, competing, linked), each one click from being opened.

use crate::app::action::Action;
use crate::app::screens::pair::record_title;
use crate::app::workspace::{Workspace, status_word};
use crate::core::model::Side;

/// The best pair of a record: its link if it has one, otherwise its most likely candidate.
pub fn best_pair(workspace: &Workspace, side: Side, row: usize) -> Option<usize> {
    let items = &workspace.items;
    workspace
        .items_with(side, row)
        .into_iter()
        .filter(|&index| index < items.len())
        .max_by(|&a, &b| {
            let key = |index: usize| (items[index].is_link(), !items[index].is_alternative);
            key(a)
                .cmp(&key(b))
                .then(items[a].probability.total_cmp(&items[b].probability))
                .then(b.cmp(&a))
        })
}

/// Draw the record of `side` at `row` with its pairs. Returns true when the view is closed.
pub fn record_view_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    side: Side,
    row: usize,
    actions: &mut Vec<Action>,
) -> bool {
    let list = workspace.list(side);
    if row >= list.len() {
        return true;
    }
    let mut closed = false;
    ui.group(|ui| {
        ui.horizontal(|ui| {
            ui.strong(format!("{side} record {}", record_title(list, row)));
            if ui
                .button("Close")
                .on_hover_text("Hide this record and show the pair again")
                .clicked()
            {
                closed = true;
            }
        });
        egui::Grid::new(("record_fields", side, row))
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for (index, column) in list.columns.iter().enumerate() {
                    let value = list.cells.cell(row, index);
                    if value.trim().is_empty() {
                        continue;
                    }
                    ui.label(egui::RichText::new(&column.name).weak());
                    ui.label(value);
                    ui.end_row();
                }
            });
        pairs_ui(ui, workspace, side, row, actions);
    });
    ui.add_space(6.0);
    closed
}

fn pairs_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    side: Side,
    row: usize,
    actions: &mut Vec<Action>,
) {
    let mut pairs = workspace.items_with(side, row);
    pairs.retain(|&index| index < workspace.items.len());
    pairs.sort_by(|&a, &b| {
        workspace.items[b]
            .probability
            .total_cmp(&workspace.items[a].probability)
    });
    if pairs.is_empty() {
        ui.label(
            "No pair suggested for this record: select one in the other list to link it by hand.",
        );
        return;
    }
    let best = best_pair(workspace, side, row);
    ui.strong(match pairs.len() {
        1 => "1 pair".to_string(),
        count => format!("{count} pairs"),
    });
    let other = workspace.list(side.other());
    for index in pairs {
        let item = &workspace.items[index];
        let other_row = match side {
            Side::Crm => item.erp_row,
            Side::Erp => item.crm_row,
        };
        ui.horizontal_wrapped(|ui| {
            let title = format!("Open pair with {}", other.record_id(other_row));
            if ui.button(title).clicked() {
                actions.push(Action::SelectPair(index));
            }
            let best_mark = if Some(index) == best { ", best" } else { "" };
            ui.label(format!(
                "{:.3}, {}{best_mark}:",
                item.probability,
                status_word(item.state)
            ));
            ui.label(record_title(other, other_row));
        });
    }
}
