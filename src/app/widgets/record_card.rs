//! Two records field by field: equal values green, different red, missing grey.

use egui::{Color32, RichText};

use crate::core::model::{Dataset, Role};
use crate::core::normalize::address::{country_code, postcode};
use crate::core::normalize::company::company_name;
use crate::core::normalize::dates::date;
use crate::core::normalize::domains::{email_domain, website_domain};
use crate::core::normalize::ids::tax_id;
use crate::core::normalize::phone::phone;
use crate::core::normalize::street::street;
use crate::core::normalize::text::{fold, name_key};

/// How the two values of a field compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// The same after folding case, accents and spacing.
    Equal,
    /// The same once the normalisers are done but for a detail: the same name with another
    /// legal form (or none), the same e-mail domain.
    Similar,
    /// Both present and different.
    Different,
    /// One side (or both) has no value.
    Missing,
    /// Not compared: each system numbers its records its own way.
    NotCompared,
}

impl Agreement {
    /// The word a screen reader says (and tests look for).
    pub fn as_str(self) -> &'static str {
        match self {
            Agreement::Equal => "equal",
            Agreement::Similar => "alike",
            Agreement::Different => "different",
            Agreement::Missing => "missing",
            Agreement::NotCompared => "not compared",
        }
    }
}

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
}

/// Compare two values the way a person reading them would: case, accents and spacing aside.
pub fn agreement(crm: &str, erp: &str) -> Agreement {
    let (crm, erp) = (crm.trim(), erp.trim());
    if crm.is_empty() || erp.is_empty() {
        Agreement::Missing
    } else if crm == erp || fold(crm) == fold(erp) {
        Agreement::Equal
    } else {
        Agreement::Different
    }
}

/// Compare two values of a role through the core's normalisers, so that "Nederland" and "NL",
/// "DE 123 456 789" and "DE123456789", or "Müller GmbH" and "MUELLER GMBH" agree. `countries`
/// are the CRM and ERP records' countries, for numbers written the national way
/// ("053/3648351" in the Netherlands is "0031 53 3648351").
pub fn role_agreement(role: Role, crm: &str, erp: &str, countries: [Option<&str>; 2]) -> Agreement {
    let plain = agreement(crm, erp);
    if plain != Agreement::Different {
        return plain;
    }
    let [crm_country, erp_country] = countries;
    let by_country = |key: fn(&str, Option<&str>) -> Option<String>| {
        matches!(
            (key(crm, crm_country), key(erp, erp_country)),
            (Some(left), Some(right)) if left == right
        )
    };
    let similar = match role {
        Role::Name => {
            let (left, right) = (
                company_name(crm, countries[0]),
                company_name(erp, countries[1]),
            );
            !left.core.is_empty() && left.core == right.core
        }
        Role::Email => same_key(crm, erp, email_domain),
        _ => false,
    };
    let same = match role {
        Role::Country => same_key(crm, erp, |raw| country_code(raw).map(str::to_string)),
        Role::TaxId => by_country(tax_id),
        Role::Phone => by_country(phone),
        Role::Postcode => by_country(postcode),
        Role::Website => same_key(crm, erp, website_domain),
        Role::Date => same_key(crm, erp, date),
        Role::Name => {
            let (left, right) = (company_name(crm, None), company_name(erp, None));
            !left.core.is_empty() && left.core == right.core && left.legal_form == right.legal_form
        }
        Role::City | Role::Region => same_key(crm, erp, |raw| Some(name_key(raw))),
        Role::Street => same_key(crm, erp, |raw| {
            let address = street(raw, None);
            Some(format!("{} {:?}", address.street, address.house_number))
        }),
        _ => false,
    };
    if same {
        Agreement::Equal
    } else if similar {
        Agreement::Similar
    } else {
        Agreement::Different
    }
}

fn same_key(crm: &str, erp: &str, key: impl Fn(&str) -> Option<String>) -> bool {
    matches!((key(crm), key(erp)), (Some(left), Some(right)) if left == right)
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
        let agreement = if role == Role::Id {
            Agreement::NotCompared
        } else {
            role_agreement(role, &crm_text, &erp_text, countries)
        };
        lines.push(FieldLine {
            role: Some(role),
            label: role.as_str().replace('_', " "),
            agreement,
            crm: crm_text,
            erp: erp_text,
        });
    }
    lines.extend(unmapped_lines(crm, crm_row, true));
    lines.extend(unmapped_lines(erp, erp_row, false));
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
            Some(FieldLine {
                role: None,
                label: column.name.clone(),
                crm,
                erp,
                agreement: Agreement::Missing,
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
                    ui.label(RichText::new(&line.label).weak())
                        .on_hover_text(line.agreement.as_str());
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
    fn values_agree_despite_case_and_accents_and_missing_ones_are_grey() {
        assert_eq!(agreement("MÜLLER GmbH", "Müller gmbh"), Agreement::Equal);
        assert_eq!(agreement("Berlin", "Hamburg"), Agreement::Different);
        assert_eq!(agreement("", "Hamburg"), Agreement::Missing);
    }

    #[test]
    fn roles_are_compared_through_the_normalisers() {
        assert_eq!(
            role_agreement(Role::Country, "Nederland", "NL", [None, None]),
            Agreement::Equal
        );
        assert_eq!(
            role_agreement(Role::TaxId, "DE 123 456 789", "DE123456789", [None, None]),
            Agreement::Equal
        );
        assert_eq!(
            role_agreement(Role::Name, "Müller GmbH", "MUELLER GMBH", [None, None]),
            Agreement::Equal
        );
        // The same name with another legal form, or none, is alike: neither green nor red.
        assert_eq!(
            role_agreement(Role::Name, "Müller GmbH", "Müller AG", [None, None]),
            Agreement::Similar
        );
        assert_eq!(
            role_agreement(
                Role::Name,
                "Datamont Trading e. K.",
                "DATAMONT TRADING",
                [Some("Germany"), Some("DE")]
            ),
            Agreement::Similar
        );
        assert_eq!(
            role_agreement(Role::Name, "Müller GmbH", "Schmidt GmbH", [None, None]),
            Agreement::Different
        );
        assert_eq!(
            role_agreement(Role::City, "Münster", "Muenster", [None, None]),
            Agreement::Equal
        );
        assert_eq!(
            role_agreement(
                Role::Street,
                "Mariahilfer Straße 160",
                "Mariahilfer Str. 160",
                [None, None]
            ),
            Agreement::Equal
        );
        assert_eq!(
            role_agreement(Role::Street, "Hauptstr. 5", "Hauptstr. 7", [None, None]),
            Agreement::Different
        );
        assert_eq!(
            role_agreement(
                Role::Email,
                "lotte.dijkstra@brouwer-vastgoed.nl",
                "crediteuren@brouwer-vastgoed.nl",
                [None, None]
            ),
            Agreement::Similar
        );
        // A number written the national way agrees once the record's country is known.
        let dutch = [Some("Netherlands"), Some("NL")];
        assert_eq!(
            role_agreement(Role::Phone, "0031 53 3648351", "053/3648351", dutch),
            Agreement::Equal
        );
        assert_eq!(
            role_agreement(Role::Phone, "0031 53 3648351", "053/3648352", dutch),
            Agreement::Different
        );
        assert_eq!(
            role_agreement(Role::City, "Köln", "Cologne", [None, None]),
            Agreement::Different
        );
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
                ("name", Agreement::Equal),
                ("city", Agreement::Different),
                ("tax id", Agreement::Missing),
                ("Owner", Agreement::Missing),
            ]
        );
        assert_eq!(lines[3].crm, "Anna");
    }
}
