//! The middle of the review screen: the current pair and the manual link of two selected
//! records.

use crate::app::action::{Action, Command};
use crate::app::screens::review::ReviewState;
use std::sync::Arc;

use crate::app::widgets::record_card::{FieldLine, field_lines, record_card_ui};
use crate::app::widgets::score_bar::{contributions_ui, score_ui};
use crate::app::workspace::{Workspace, status_word};
use crate::core::model::{Dataset, Side};

/// A record's short name: `id name`.
pub fn record_title(list: &Dataset, row: usize) -> String {
    let id = list.record_id(row);
    match list.value(row, crate::core::model::Role::Name) {
        Some(name) if !name.trim().is_empty() => format!("{id} {name}"),
        _ => id,
    }
}

/// The current pair: decision buttons, score, reason, the field-by-field comparison, the
/// contributions, and the other candidates of both records.
pub fn pair_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    (item_index, note): (usize, &mut String),
    actions: &mut Vec<Action>,
) {
    let Some(item) = workspace.items.get(item_index) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        for command in [
            Command::AcceptCurrent,
            Command::RejectCurrent,
            Command::UnsureCurrent,
            Command::SkipCurrent,
        ] {
            if let Some(action) = command.button(ui, true) {
                actions.push(action);
            }
        }
        ui.separator();
        let kind = if item.is_alternative {
            "competing candidate"
        } else {
            "suggested pair"
        };
        let unsure = if item.is_open_unsure() {
            ", marked unsure"
        } else {
            ""
        };
        ui.label(format!(
            "{kind}, {}{unsure}, band {}{}",
            status_word(item.state),
            item.band.as_str(),
            who_and_whose(workspace, item)
        ));
    });
    ui.horizontal(|ui| {
        let label = ui.label("Note");
        ui.add(
            egui::TextEdit::singleline(note)
                .hint_text("kept with the decision; Ctrl+Enter accepts")
                .desired_width(360.0),
        )
        .labelled_by(label.id);
    });
    ui.add_space(4.0);
    score_ui(ui, item.probability);
    ui.add(egui::Label::new(egui::RichText::new(&item.reason).strong()).wrap());
    ui.add_space(6.0);
    let lines = cached_field_lines(ui, workspace, item.crm_row, item.erp_row);
    record_card_ui(ui, &lines);
    ui.add_space(6.0);
    egui::CollapsingHeader::new("Why this score")
        .default_open(true)
        .show(ui, |ui| contributions_ui(ui, &item.contributions));
    others_ui(ui, workspace, item_index, actions);
}

/// The field-by-field comparison of a pair, computed once per pair (the normalisers do not run
/// on every frame) and kept in the context's temporary data.
fn cached_field_lines(
    ui: &egui::Ui,
    workspace: &Workspace,
    crm_row: usize,
    erp_row: usize,
) -> Arc<Vec<FieldLine>> {
    let lists = (workspace.crm().len(), workspace.erp().len());
    let id = egui::Id::unique(("field_lines", crm_row, erp_row, lists));
    if let Some(lines) = ui.data(|data| data.get_temp::<Arc<Vec<FieldLine>>>(id)) {
        return lines;
    }
    let lines = Arc::new(field_lines(
        workspace.crm(),
        crm_row,
        workspace.erp(),
        erp_row,
    ));
    ui.data_mut(|data| data.insert_temp(id, Arc::clone(&lines)));
    lines
}

fn others_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    item_index: usize,
    actions: &mut Vec<Action>,
) {
    let Some(item) = workspace.items.get(item_index) else {
        return;
    };
    let mut others = workspace.items_with(Side::Crm, item.crm_row);
    for index in workspace.items_with(Side::Erp, item.erp_row) {
        if !others.contains(&index) {
            others.push(index);
        }
    }
    others.retain(|&index| index != item_index);
    if others.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.strong("Other candidates for these records");
    for index in others {
        let other = &workspace.items[index];
        ui.horizontal_wrapped(|ui| {
            let title = format!(
                "Show {} / {}",
                workspace.crm().record_id(other.crm_row),
                workspace.erp().record_id(other.erp_row)
            );
            if ui.button(title).clicked() {
                actions.push(Action::SelectPair(index));
            }
            ui.label(format!(
                "{:.3}, {}:",
                other.probability,
                status_word(other.state)
            ));
            ui.label(record_title(workspace.crm(), other.crm_row));
            ui.label("/");
            ui.label(record_title(workspace.erp(), other.erp_row));
        });
    }
}

/// The manual link: shown once a record is selected on either side.
pub fn link_ui(
    ui: &mut egui::Ui,
    state: &ReviewState,
    workspace: &Workspace,
    actions: &mut Vec<Action>,
) {
    let (crm, erp) = (state.crm_view.selected, state.erp_view.selected);
    if crm.is_none() && erp.is_none() {
        return;
    }
    ui.group(|ui| {
        ui.strong("Link by hand");
        let describe = |list: &Dataset, row: Option<usize>| {
            row.map_or("select a record in this list".to_string(), |row| {
                record_title(list, row)
            })
        };
        ui.label(format!("CRM: {}", describe(workspace.crm(), crm)));
        ui.label(format!("ERP: {}", describe(workspace.erp(), erp)));
        let (Some(crm_row), Some(erp_row)) = (crm, erp) else {
            return;
        };
        // The two records side by side, field by field, with what matching made of them.
        let suggested = workspace
            .items_with(Side::Crm, crm_row)
            .into_iter()
            .filter_map(|index| workspace.items.get(index))
            .find(|item| item.erp_row == erp_row);
        match suggested {
            Some(item) => {
                score_ui(ui, item.probability);
                ui.label(&item.reason);
            }
            None => {
                ui.label(
                    "Matching did not suggest this pair: it scored below 0.001 or the two \
                     records share no key it compares on.",
                );
            }
        }
        record_card_ui(ui, &cached_field_lines(ui, workspace, crm_row, erp_row));
        let warnings = one_to_one_warnings(workspace, crm_row, erp_row);
        for warning in &warnings {
            ui.colored_label(ui.visuals().warn_fg_color, warning);
        }
        let already = workspace
            .items
            .iter()
            .any(|item| item.crm_row == crm_row && item.erp_row == erp_row && item.is_link());
        let label = if warnings.is_empty() {
            "Link selected"
        } else {
            "Link anyway"
        };
        let button = ui
            .add_enabled(!already, egui::Button::new(label))
            .on_hover_text("Link the two selected records: they are the same customer");
        if button.clicked() {
            actions.push(Action::Link { crm_row, erp_row });
        }
        if already {
            ui.label("These two records are already linked.");
        }
    });
}

/// Why linking two records would break one-to-one: their existing links, named.
pub fn one_to_one_warnings(workspace: &Workspace, crm_row: usize, erp_row: usize) -> Vec<String> {
    let mut warnings = Vec::new();
    for other in workspace.links_of(Side::Crm, crm_row) {
        if other != erp_row {
            warnings.push(format!(
                "CRM {} is already linked to ERP {}: a second link breaks one-to-one",
                record_title(workspace.crm(), crm_row),
                record_title(workspace.erp(), other)
            ));
        }
    }
    for other in workspace.links_of(Side::Erp, erp_row) {
        if other != crm_row {
            warnings.push(format!(
                "ERP {} is already linked to CRM {}: a second link breaks one-to-one",
                record_title(workspace.erp(), erp_row),
                record_title(workspace.crm(), other)
            ));
        }
    }
    warnings
}

/// True when the item is still open (decision buttons act on it).
pub fn is_open(workspace: &Workspace, item: usize) -> bool {
    workspace.items.get(item).is_some_and(|item| item.is_open())
}

/// ", by Laura Schmitt at 14:02" when the pair is decided, and "; Jonas Weber's to review"
/// when it is assigned: in a workshop of several reviewers, who took it and whose it is.
fn who_and_whose(workspace: &Workspace, item: &crate::app::items::PairItem) -> String {
    let project = workspace.project();
    let crm = workspace.key(crate::core::model::Side::Crm, item.crm_row);
    let erp = workspace.key(crate::core::model::Side::Erp, item.erp_row);
    let mut text = String::new();
    if let Some(entry) = project.pair_decision(crm, erp) {
        text.push_str(&format!(
            ", by {} at {}",
            entry.by,
            crate::app::time::local_time(&entry.at)
        ));
    }
    if let Some(reviewer) = project.assignments().pair_reviewer(crm, erp) {
        text.push_str(&format!("; {reviewer}'s to review"));
    }
    text
}
