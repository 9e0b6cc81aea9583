//! Two records field by field: equal values green, different red, missing grey.

pub use crate::core::matching::agreement::{Agreement, role_agreement};
use egui::{Color32, RichText};

use crate::core::model::{Dataset, Role};

/// One line of the comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldLine {
    /// The role compared, or `None` for the remaining columns shown as they are.
    pub role: Option<Role>,
    /// The field's name (the role, or the column header).
    pub label: String,
    /// The CRM value (empty when absent).
    pub crm: String,
    /// The ERP value (empty when absent).
    pub erp: String,
    /// How they compare.
    pub agreement: Agreement,
    /// A column that matters to finance (blocked, credit hold, balance ...): shown strong,
    /// first among the unmapped columns, never greyed like noise.
    pub finance: bool,
}

/// Header words of the columns finance cares about, in the languages of the supported exports.
const FINANCE_WORDS: [&str; 16] = [
    "block",
    "sperr",
    "credit",
    "kredit",
    "hold",
    "balance",
    "saldo",
    "overdue",
    "dunning",
    "mahn",
    "payment term",
    "zahlungsbed",
    "open item",
    "offene posten",
    "limit",
    "solde",
];

/// True when a column's header names something finance cares about.
pub fn is_finance_column(header: &str) -> bool {
    let header = header.to_lowercase();
    FINANCE_WORDS.iter().any(|word| header.contains(word))
}

/// The lines for one CRM record and one ERP record: every role either list has (in the order
/// of the command-line contract), then the CRM's and ERP's unmapped columns.
pub fn field_lines(crm: &Dataset, crm_row: usize, erp: &Dataset, erp_row: usize) -> Vec<FieldLine> {
    let countries = [
        crm.value(crm_row, Role::Country),
        erp.value(erp_row, Role::Country),
    ];
    let mut lines = Vec::new();
    for role in Role::ALL {
        if role == Role::Other {
            continue;
        }
        let crm_value = crm.value(crm_row, role);
        let erp_value = erp.value(erp_row, role);
        let crm_text = crm_value.unwrap_or("").trim().to_string();
        let erp_text = erp_value.unwrap_or("").trim().to_string();
        if crm_text.is_empty() && erp_text.is_empty() {
            continue;
        }
        let agreement = role_agreement(role, &crm_text, &erp_text, countries);
        lines.push(FieldLine {
            role: Some(role),
            label: role.label().to_string(),
            agreement,
            crm: crm_text,
            erp: erp_text,
            finance: false,
        });
    }
    let mut unmapped = unmapped_lines(crm, crm_row, true);
    unmapped.extend(unmapped_lines(erp, erp_row, false));
    // What finance needs to see comes first.
    unmapped.sort_by_key(|line| !line.finance);
    lines.extend(unmapped);
    lines
}

/// Columns with no role (or `other`), shown on their own side only.
fn unmapped_lines(list: &Dataset, row: usize, is_crm: bool) -> Vec<FieldLine> {
    list.columns
        .iter()
        .enumerate()
        .filter(|(_, column)| matches!(column.role, None | Some(Role::Other)))
        .filter_map(|(index, column)| {
            let value = list.cells.cell(row, index).trim();
            if value.is_empty() {
                return None;
            }
            let (crm, erp) = if is_crm {
                (value.to_string(), String::new())
            } else {
                (String::new(), value.to_string())
            };
            let finance = is_finance_column(&column.name);
            Some(FieldLine {
                role: None,
                label: column.name.clone(),
                crm,
                erp,
                agreement: if finance {
                    Agreement::NotCompared
                } else {
                    Agreement::Missing
                },
                finance,
            })
        })
        .collect()
}

/// The colour of a value for its agreement.
pub fn agreement_color(ui: &egui::Ui, agreement: Agreement) -> Color32 {
    let dark = ui.visuals().dark_mode;
    match (agreement, dark) {
        (Agreement::Equal, true) => Color32::from_rgb(110, 200, 120),
        (Agreement::Equal, false) => Color32::from_rgb(20, 120, 40),
        (Agreement::Similar, true) => Color32::from_rgb(225, 190, 90),
        (Agreement::Similar, false) => Color32::from_rgb(150, 100, 0),
        (Agreement::Different, true) => Color32::from_rgb(240, 110, 100),
        (Agreement::Different, false) => Color32::from_rgb(180, 30, 30),
        (Agreement::Missing, _) => ui.visuals().weak_text_color(),
        (Agreement::NotCompared, _) => ui.visuals().text_color(),
    }
}

/// Draw the comparison as three columns (field, CRM value, ERP value) that share the width
/// available, long values wrapping.
pub fn record_card_ui(ui: &mut egui::Ui, lines: &[FieldLine]) {
    let label_width = 110.0;
    let spacing = ui.spacing().item_spacing.x;
    let value_width = ((ui.available_width() - label_width - 2.0 * spacing) / 2.0).max(120.0);
    let header = [
        ("Field", label_width),
        ("CRM", value_width),
        ("ERP", value_width),
    ];
    ui.horizontal(|ui| {
        for (title, width) in header {
            fixed_width(ui, width, |ui| {
                ui.strong(title);
            });
        }
    });
    for (index, line) in lines.iter().enumerate() {
        let color = agreement_color(ui, line.agreement);
        let row = egui::Frame::new()
            .fill(if index % 2 == 0 {
                ui.visuals().faint_bg_color
            } else {
                egui::Color32::TRANSPARENT
            })
            .inner_margin(egui::Margin::symmetric(0, 2));
        row.show(ui, |ui| {
            ui.horizontal_top(|ui| {
                fixed_width(ui, label_width, |ui| {
                    let label = if line.finance {
                        RichText::new(&line.label)
                            .strong()
                            .color(ui.visuals().warn_fg_color)
                    } else {
                        RichText::new(&line.label).weak()
                    };
                    ui.label(label).on_hover_text(if line.finance {
                        "matters to finance"
                    } else {
                        line.agreement.as_str()
                    });
                });
                fixed_width(ui, value_width, |ui| {
                    value_ui(ui, &line.crm, color, line.agreement);
                });
                fixed_width(ui, value_width, |ui| {
                    value_ui(ui, &line.erp, color, line.agreement);
                });
            });
        });
    }
}

fn fixed_width(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, 0.0),
        egui::Layout::top_down(egui::Align::LEFT),
        |ui| {
            ui.set_width(width);
            add(ui);
        },
    );
}

fn value_ui(ui: &mut egui::Ui, value: &str, color: Color32, agreement: Agreement) {
    let text = if value.is_empty() { "—" } else { value };
    let mut rich = RichText::new(text).color(color);
    if agreement == Agreement::Different {
        rich = rich.strong();
    }
    ui.add(egui::Label::new(rich).wrap())
        .on_hover_text(agreement.as_str());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{CellStore, Column};

    fn list(columns: &[(&str, Option<Role>)], row: &[&str]) -> Dataset {
        let mut cells = CellStore::new(columns.len());
        cells.push_row(row.iter().copied()).unwrap();
        Dataset {
            columns: columns
                .iter()
                .map(|(name, role)| Column {
                    name: name.to_string(),
                    role: *role,
                })
                .collect(),
            cells,
            source_rows: vec![2],
            ..Dataset::default()
        }
    }

    #[test]
    fn lines_follow_the_roles_and_keep_unmapped_columns() {
        let crm = list(
            &[
                ("Account", Some(Role::Name)),
                ("Town", Some(Role::City)),
                ("Owner", None),
            ],
            &["Société Générale", "Paris", "Anna"],
        );
        let erp = list(
            &[
                ("Name1", Some(Role::Name)),
                ("Ort", Some(Role::City)),
                ("USt", Some(Role::TaxId)),
            ],
            &["SOCIETE GENERALE", "Lyon", "FR123"],
        );
        let lines = field_lines(&crm, 0, &erp, 0);
        let summary: Vec<(&str, Agreement)> = lines
            .iter()
            .map(|line| (line.label.as_str(), line.agreement))
            .collect();
        assert_eq!(
            summary,
            [
                ("Name", Agreement::Equal),
                ("City", Agreement::Different),
                ("Tax id", Agreement::Missing),
                ("Owner", Agreement::Missing),
            ]
        );
        assert_eq!(lines[3].crm, "Anna");
    }

    #[test]
    fn columns_that_matter_to_finance_come_first_and_are_not_noise() {
        let crm = list(
            &[("Account", Some(Role::Name)), ("Industry", None)],
            &["Acme GmbH", "Retail"],
        );
        let erp = list(
            &[
                ("Name1", Some(Role::Name)),
                ("Region code", None),
                ("Credit hold", None),
                ("Saldo", None),
            ],
            &["ACME GMBH", "W1", "X", "1.204,50"],
        );
        let lines = field_lines(&crm, 0, &erp, 0);
        let labels: Vec<(&str, bool)> = lines
            .iter()
            .map(|line| (line.label.as_str(), line.finance))
            .collect();
        assert_eq!(
            labels,
            [
                ("Name", false),
                ("Credit hold", true),
                ("Saldo", true),
                ("Industry", false),
                ("Region code", false),
            ]
        );
        assert_eq!(lines[1].agreement, Agreement::NotCompared, "not greyed");
    }
}
