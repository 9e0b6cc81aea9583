//! The table of the Unmatched screen and its keys: a row is selected by a click (or J/K and
//! the arrow keys), and C creates it in the other system, I ignores it, D marks it a duplicate
//! of the record it probably duplicates, L links it to its open candidate and X tells it apart
//! from that candidate. Keys act only while no text field has the keyboard.

use egui_extras::{Column, TableBuilder};

use crate::app::action::Action;
use crate::core::model::Side;
use crate::core::project::CreationAction;

use super::unmatched::{UnmatchedState, action_label};

/// One row of the table, read once per change of the data.
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub(super) row: usize,
    pub(super) title: String,
    pub(super) account_type: &'static str,
    /// City and country.
    pub(super) place: String,
    /// The account owner, when the list has an owner column.
    pub(super) owner: String,
    pub(super) state: String,
    pub(super) waiting: bool,
    /// Why it waits (`open_pair`, `second_account` ...), when it does.
    pub(super) hold: Option<&'static str>,
    pub(super) creates: bool,
    /// The record of the same list it is probably a duplicate of, by row.
    pub(super) master: Option<usize>,
    /// Its open candidate in the other list as (CRM row, ERP row), and that record's id.
    pub(super) candidate: Option<((usize, usize), String)>,
}

/// The keys of the screen, for the selected row.
pub(super) fn keys_ui(
    ui: &egui::Ui,
    state: &UnmatchedState,
    side: Side,
    offered: &[CreationAction],
    actions: &mut Vec<Action>,
) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let Some(row) = state.selected().and_then(|index| state.rows().get(index)) else {
        return;
    };
    let pressed = |key: egui::Key| ui.input(|input| input.key_pressed(key));
    let create = offered
        .iter()
        .copied()
        .find(|action| *action != CreationAction::Ignore);
    if let Some(create) = create.filter(|_| pressed(egui::Key::C) && !row.waiting) {
        actions.push(set_creation(side, row.row, create));
    }
    if pressed(egui::Key::I) && offered.contains(&CreationAction::Ignore) {
        actions.push(set_creation(side, row.row, CreationAction::Ignore));
    }
    if let Some(master) = row.master.filter(|_| pressed(egui::Key::D)) {
        actions.push(mark_duplicate(side, master, row.row));
    }
    if let Some(((crm_row, erp_row), _)) = &row.candidate {
        let (crm_row, erp_row) = (*crm_row, *erp_row);
        if pressed(egui::Key::L) {
            actions.push(Action::Accept { crm_row, erp_row });
        }
        if pressed(egui::Key::X) {
            actions.push(Action::Reject { crm_row, erp_row });
        }
    }
}

fn set_creation(side: Side, row: usize, creation: CreationAction) -> Action {
    Action::SetCreation {
        side,
        rows: vec![row],
        creation,
    }
}

fn mark_duplicate(side: Side, master: usize, row: usize) -> Action {
    Action::MarkDuplicates {
        side,
        master,
        rows: vec![master, row],
    }
}

pub(super) fn table_ui(
    ui: &mut egui::Ui,
    state: &mut UnmatchedState,
    side: Side,
    offered: &[CreationAction],
    actions: &mut Vec<Action>,
) {
    let selected = state.selected();
    let mut clicked = None;
    TableBuilder::new(ui)
        .id_salt(("unmatched", side))
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(250.0).clip(true))
        .column(Column::initial(130.0).clip(true))
        .column(Column::initial(90.0).clip(true))
        .column(Column::initial(100.0).clip(true))
        .column(Column::initial(290.0).clip(true))
        .column(Column::remainder())
        .header(20.0, |mut header| {
            for name in [
                "Record",
                "City",
                "Account type",
                "Owner",
                "Action",
                "Decide",
            ] {
                header.col(|ui| {
                    ui.strong(name);
                });
            }
        })
        .body(|body| {
            body.rows(24.0, state.rows().len(), |mut table_row| {
                let index = table_row.index();
                let Some(row) = state.rows().get(index) else {
                    return;
                };
                table_row.set_selected(selected == Some(index));
                table_row.col(|ui| {
                    ui.add(egui::Label::new(&row.title).truncate());
                });
                table_row.col(|ui| {
                    ui.add(egui::Label::new(&row.place).truncate());
                });
                table_row.col(|ui| {
                    ui.label(row.account_type);
                });
                table_row.col(|ui| {
                    ui.add(egui::Label::new(&row.owner).truncate());
                });
                table_row.col(|ui| {
                    let text = if row.creates {
                        egui::RichText::new(&row.state)
                    } else {
                        egui::RichText::new(&row.state).weak()
                    };
                    ui.add(egui::Label::new(text).truncate())
                        .on_hover_text(&row.state);
                });
                table_row.col(|ui| decide_ui(ui, row, side, offered, actions));
                if table_row.response().clicked() {
                    clicked = Some(index);
                }
            });
        });
    if let Some(index) = clicked {
        state.select(index);
    }
}

/// The buttons of one row: the creation actions, and "Duplicate of ..." for a record that is
/// probably a second account of another.
fn decide_ui(
    ui: &mut egui::Ui,
    row: &Row,
    side: Side,
    offered: &[CreationAction],
    actions: &mut Vec<Action>,
) {
    if let Some(((crm_row, erp_row), other_id)) = &row.candidate {
        let (crm_row, erp_row) = (*crm_row, *erp_row);
        let other = side.other().as_str().to_uppercase();
        let link = ui
            .small_button("Link")
            .on_hover_text(format!("{} is {other} {other_id}: link them", row.title));
        if link.clicked() {
            actions.push(Action::Accept { crm_row, erp_row });
        }
        let apart = ui
            .small_button(format!("Not {other_id}"))
            .on_hover_text(format!(
                "{} is not {other} {other_id}: reject the pair",
                row.title
            ));
        if apart.clicked() {
            actions.push(Action::Reject { crm_row, erp_row });
        }
    }
    if let Some(master) = row.master {
        let button = ui
            .small_button("Duplicate")
            .on_hover_text(format!("Mark {} as a duplicate: {}", row.title, row.state));
        if button.clicked() {
            actions.push(mark_duplicate(side, master, row.row));
        }
    }
    for action in offered {
        let button = ui
            .small_button(action_label(*action))
            .on_hover_text(format!("{} for {}", action_label(*action), row.title));
        if button.clicked() {
            actions.push(set_creation(side, row.row, *action));
        }
    }
}
