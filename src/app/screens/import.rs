//! Import and mapping: per list the detected format, encoding, sheet (choose another), header
//! row, a preview of the first rows with a role drop-down per column, and the warnings.

use crate::app::action::Action;
use crate::core::import::{ColumnOverride, ColumnRef};
use crate::core::model::{Dataset, Role, Side};
use crate::core::project::{Flow, NumberSource, Policy};

/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 6;
/// Warnings listed before "… and N more".
const WARNINGS_SHOWN: usize = 12;

/// One list as read, with the roles set by hand.
#[derive(Debug, Clone)]
pub struct ListDraft {
    /// The file as given (`path` or `path#Sheet`).
    pub spec: String,
    /// The list as imported, with the roles as they stand now.
    pub dataset: Dataset,
    /// Roles set by hand, as `role=column` overrides (kept in the project for re-import).
    pub mapping: Vec<ColumnOverride>,
}

impl ListDraft {
    /// A freshly read list.
    pub fn new(spec: String, dataset: Dataset) -> ListDraft {
        ListDraft {
            spec,
            dataset,
            mapping: Vec::new(),
        }
    }

    /// Give `column` (0-based) the role, taking it from any other column (as the importer
    /// does with `ROLE=COLUMN`); `None` leaves the column unused.
    pub fn set_role(&mut self, column: usize, role: Option<Role>) {
        if column >= self.dataset.columns.len() {
            return;
        }
        let number = column + 1;
        self.mapping
            .retain(|kept| kept.column != ColumnRef::Number(number) && Some(kept.role) != role);
        for (index, existing) in self.dataset.columns.iter_mut().enumerate() {
            if index == column {
                existing.role = role;
            } else if role.is_some() && role != Some(Role::Other) && existing.role == role {
                existing.role = None;
            }
        }
        if let Some(role) = role {
            self.mapping.push(ColumnOverride {
                role,
                column: ColumnRef::Number(number),
            });
        }
    }

    /// The hand-set roles as `role=column` text, the form the project keeps.
    pub fn mapping_text(&self) -> Vec<String> {
        self.mapping
            .iter()
            .map(|kept| match &kept.column {
                ColumnRef::Number(number) => format!("{}={number}", kept.role),
                ColumnRef::Name(name) => format!("{}={name}", kept.role),
            })
            .collect()
    }
}

/// Both lists between reading and matching, and the creation policy of the new project.
#[derive(Debug, Clone, Default)]
pub struct ImportState {
    /// The CRM list, once read.
    pub crm: Option<ListDraft>,
    /// The ERP list, once read.
    pub erp: Option<ListDraft>,
    /// Which way new records may flow, and who numbers new ERP customers.
    pub policy: Policy,
}

impl ImportState {
    /// One list's draft.
    pub fn draft(&self, side: Side) -> Option<&ListDraft> {
        match side {
            Side::Crm => self.crm.as_ref(),
            Side::Erp => self.erp.as_ref(),
        }
    }

    /// One list's draft, to change.
    pub fn draft_mut(&mut self, side: Side) -> Option<&mut ListDraft> {
        match side {
            Side::Crm => self.crm.as_mut(),
            Side::Erp => self.erp.as_mut(),
        }
    }
}

/// Draw the import screen. `busy` disables what would start more work.
pub fn import_ui(ui: &mut egui::Ui, state: &mut ImportState, busy: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    let ready = state.crm.is_some() && state.erp.is_some();
    ui.horizontal(|ui| {
        ui.heading("Check the columns of both lists");
        let matching = ui
            .add_enabled(!busy && ready, egui::Button::new("Match"))
            .on_hover_text("Create the project and match the two lists (on a background thread)");
        if matching.clicked() {
            actions.push(Action::StartMatching);
        }
    });
    ui.label("Each column's role is detected from its header; correct it where it is wrong.");
    egui::ScrollArea::vertical()
        .id_salt("import_scroll")
        .show(ui, |ui| {
            policy_ui(ui, &mut state.policy);
            for side in [Side::Crm, Side::Erp] {
                ui.add_space(8.0);
                match state.draft(side) {
                    Some(draft) => list_ui(ui, side, draft, busy, &mut actions),
                    None => {
                        ui.label(format!("The {side} list has not been read."));
                    }
                }
            }
        });
    actions
}

/// The creation policy, asked when the project is made.
fn policy_ui(ui: &mut egui::Ui, policy: &mut Policy) {
    ui.group(|ui| {
        ui.strong("Creation policy");
        for flow in Flow::ALL {
            ui.radio_value(&mut policy.flow, flow, flow.describe());
        }
        ui.horizontal(|ui| {
            ui.label("New ERP account numbers:");
            ui.radio_value(
                &mut policy.erp_numbers,
                NumberSource::Erp,
                "the ERP generates them",
            );
            ui.radio_value(
                &mut policy.erp_numbers,
                NumberSource::Workshop,
                "the workshop assigns them",
            );
        });
    });
}

fn list_ui(
    ui: &mut egui::Ui,
    side: Side,
    draft: &ListDraft,
    busy: bool,
    actions: &mut Vec<Action>,
) {
    let report = &draft.dataset.report;
    let title = match side {
        Side::Crm => "CRM accounts",
        Side::Erp => "ERP customers",
    };
    ui.group(|ui| {
        ui.strong(format!("{title}: {}", report.file));
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("Format: {}", report.format));
            if let Some(encoding) = &report.encoding {
                ui.label(format!("Encoding: {encoding}"));
            }
            if let Some(delimiter) = report.delimiter {
                ui.label(format!("Delimiter: {}", delimiter_name(delimiter)));
            }
            ui.label(format!("Header row: {}", report.header_row));
            ui.label(format!("Rows: {}", draft.dataset.len()));
        });
        if report.sheets.len() > 1 {
            sheet_ui(ui, side, draft, busy, actions);
        }
        preview_ui(ui, side, &draft.dataset, actions);
        warnings_ui(ui, &draft.dataset);
    });
}

fn delimiter_name(delimiter: char) -> String {
    match delimiter {
        '\t' => "tab".to_string(),
        ',' => "comma".to_string(),
        ';' => "semicolon".to_string(),
        '|' => "pipe".to_string(),
        other => format!("'{other}'"),
    }
}

fn sheet_ui(
    ui: &mut egui::Ui,
    side: Side,
    draft: &ListDraft,
    busy: bool,
    actions: &mut Vec<Action>,
) {
    let report = &draft.dataset.report;
    let current = report.sheet.clone().unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label("Sheet");
        ui.add_enabled_ui(!busy, |ui| {
            let combo = egui::ComboBox::from_id_salt(("sheet", side))
                .selected_text(&current)
                .show_ui(ui, |ui| {
                    for sheet in &report.sheets {
                        if ui.selectable_label(*sheet == current, sheet).clicked()
                            && *sheet != current
                        {
                            actions.push(Action::ChooseSheet {
                                side,
                                sheet: sheet.clone(),
                            });
                        }
                    }
                });
            combo
                .response
                .labelled_by(label.id)
                .accessible_name(format!("{side} sheet"));
        });
    });
}

fn preview_ui(ui: &mut egui::Ui, side: Side, list: &Dataset, actions: &mut Vec<Action>) {
    egui::ScrollArea::horizontal()
        .id_salt(("preview", side))
        .show(ui, |ui| {
            egui::Grid::new(("preview_grid", side))
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for column in &list.columns {
                        ui.strong(&column.name);
                    }
                    ui.end_row();
                    for (index, column) in list.columns.iter().enumerate() {
                        role_combo_ui(ui, side, index, &column.name, column.role, actions);
                    }
                    ui.end_row();
                    for row in 0..list.len().min(PREVIEW_ROWS) {
                        for cell in list.cells.row(row) {
                            ui.add(egui::Label::new(cell).truncate());
                        }
                        ui.end_row();
                    }
                });
        });
}

fn role_combo_ui(
    ui: &mut egui::Ui,
    side: Side,
    column: usize,
    name: &str,
    role: Option<Role>,
    actions: &mut Vec<Action>,
) {
    let shown = role.map_or("(not used)", Role::label);
    let combo = egui::ComboBox::from_id_salt(("role", side, column))
        .selected_text(shown)
        .width(120.0)
        .height(520.0)
        .show_ui(ui, |ui| {
            if ui.selectable_label(role.is_none(), "(not used)").clicked() && role.is_some() {
                actions.push(Action::SetRole {
                    side,
                    column,
                    role: None,
                });
            }
            for candidate in Role::ALL {
                let chosen = role == Some(candidate);
                if ui.selectable_label(chosen, candidate.label()).clicked() && !chosen {
                    actions.push(Action::SetRole {
                        side,
                        column,
                        role: Some(candidate),
                    });
                }
            }
        });
    combo
        .response
        .accessible_name(format!("{side} role of {name}"))
        .on_hover_text(format!("What column '{name}' holds"));
}

fn warnings_ui(ui: &mut egui::Ui, list: &Dataset) {
    let warnings = &list.report.warnings;
    if warnings.is_empty() {
        return;
    }
    let file = &list.report.file;
    let sheet = list
        .report
        .sheet
        .as_ref()
        .map(|sheet| format!(", sheet {sheet}"))
        .unwrap_or_default();
    egui::CollapsingHeader::new(format!("{} warnings", warnings.len()))
        .id_salt(("warnings", file))
        .default_open(warnings.len() <= 3)
        .show(ui, |ui| {
            for warning in warnings.iter().take(WARNINGS_SHOWN) {
                ui.label(format!("{file}{sheet}, {warning}"));
            }
            if warnings.len() > WARNINGS_SHOWN {
                ui.label(format!("… and {} more", warnings.len() - WARNINGS_SHOWN));
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{CellStore, Column};

    fn draft() -> ListDraft {
        let columns = ["Nr", "Firma", "USt"]
            .iter()
            .zip([Some(Role::Id), Some(Role::Name), None])
            .map(|(name, role)| Column {
                name: name.to_string(),
                role,
            })
            .collect();
        let dataset = Dataset {
            columns,
            cells: CellStore::new(3),
            ..Dataset::default()
        };
        ListDraft::new("erp.csv".to_string(), dataset)
    }

    #[test]
    fn a_role_set_by_hand_moves_from_its_old_column_and_is_kept_for_reimport() {
        let mut draft = draft();
        draft.set_role(2, Some(Role::TaxId));
        draft.set_role(2, Some(Role::Name));
        assert_eq!(draft.dataset.columns[1].role, None);
        assert_eq!(draft.dataset.columns[2].role, Some(Role::Name));
        assert_eq!(draft.mapping_text(), ["name=3"]);
        draft.set_role(2, None);
        assert_eq!(draft.dataset.columns[2].role, None);
        assert!(draft.mapping_text().is_empty());
    }
}
