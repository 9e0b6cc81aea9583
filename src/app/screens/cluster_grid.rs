//! A duplicate cluster as a field grid: one column per record, one row per field, each value
//! coloured by how it compares with the master's (the core's agreement rule, as on the pair
//! card), with the master chosen by radio button and what each record is linked to.

use crate::app::widgets::record_card::agreement_color;
use crate::core::matching::agreement::{Agreement, role_agreement};
use crate::core::model::{Dataset, Role};

/// The fields shown, in this order, when the list has them.
const FIELDS: [Role; 11] = [
    Role::Name,
    Role::Street,
    Role::HouseNumber,
    Role::Postcode,
    Role::City,
    Role::Country,
    Role::Phone,
    Role::Email,
    Role::Website,
    Role::TaxId,
    Role::AccountType,
];

/// One field of the grid: its name and each member's value with how it compares with the
/// master's.
#[derive(Debug, Clone)]
pub struct GridLine {
    /// The field's name.
    pub label: &'static str,
    /// Per member (in cluster order): the value and its agreement with the master.
    pub cells: Vec<(String, Agreement)>,
}

/// The grid of the cluster `rows` of `list` against the member `master` (a row), computed once
/// per cluster, master and data generation by the caller, not every frame.
pub fn grid_lines(list: &Dataset, rows: &[usize], master: usize) -> Vec<GridLine> {
    let value = |row: usize, role: Role| list.value(row, role).unwrap_or("").trim().to_string();
    FIELDS
        .into_iter()
        .filter(|role| list.column_of(*role).is_some())
        .map(|role| {
            let master_value = value(master, role);
            let cells = rows
                .iter()
                .map(|&row| {
                    let text = value(row, role);
                    let countries = [
                        list.value(master, Role::Country),
                        list.value(row, Role::Country),
                    ];
                    let agreement = if row == master {
                        Agreement::NotCompared
                    } else {
                        role_agreement(role, &master_value, &text, countries)
                    };
                    (text, agreement)
                })
                .collect();
            GridLine {
                label: role_label(role),
                cells,
            }
        })
        .collect()
}

/// The field name in words.
fn role_label(role: Role) -> &'static str {
    match role {
        Role::Name => "Name",
        Role::Street => "Street",
        Role::HouseNumber => "House number",
        Role::Postcode => "Postcode",
        Role::City => "City",
        Role::Country => "Country",
        Role::Phone => "Phone",
        Role::Email => "E-mail",
        Role::Website => "Website",
        Role::TaxId => "Tax id",
        Role::AccountType => "Account type",
        _ => "",
    }
}

/// Draw the grid; `header` draws each member's column head (the master radio, the link).
pub fn grid_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    lines: &[GridLine],
    members: usize,
    mut header: impl FnMut(&mut egui::Ui, usize),
) {
    egui::Grid::new(id)
        .num_columns(members + 1)
        .striped(true)
        .spacing([12.0, 4.0])
        .min_col_width(90.0)
        .max_col_width(260.0)
        .show(ui, |ui| {
            ui.label("");
            for member in 0..members {
                ui.vertical(|ui| header(ui, member));
            }
            ui.end_row();
            for line in lines {
                ui.weak(line.label);
                for (text, agreement) in &line.cells {
                    let shown = if text.is_empty() {
                        "—"
                    } else {
                        text.as_str()
                    };
                    let color = match agreement {
                        Agreement::NotCompared => ui.visuals().text_color(),
                        other => agreement_color(ui, *other),
                    };
                    ui.add(egui::Label::new(egui::RichText::new(shown).color(color)).truncate())
                        .on_hover_text(agreement.as_str());
                }
                ui.end_row();
            }
        });
}
