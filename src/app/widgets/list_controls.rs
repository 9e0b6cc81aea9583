//! The controls above a list table: the search box, the filters (state, account type, country,
//! owner) and the menu of columns to show.

use crate::app::list_columns::{ListColumn, header_text};
use crate::app::search::RecordFilter;
use crate::app::widgets::record_table::ListView;
use crate::core::model::{Dataset, Role, Side};

/// The list's name as the controls say it.
pub fn side_title(side: Side) -> &'static str {
    match side {
        Side::Crm => "CRM",
        Side::Erp => "ERP",
    }
}

/// Draw the search box, the filters and the columns menu. True when other columns were chosen.
pub fn filters_ui(
    ui: &mut egui::Ui,
    side: Side,
    view: &mut ListView,
    list: &Dataset,
    focus_search: bool,
) -> bool {
    let title = side_title(side);
    let mut columns_chosen = false;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(format!("Search {title}"));
        let search = ui
            .add(egui::TextEdit::singleline(&mut view.query).desired_width(120.0))
            .labelled_by(label.id);
        if focus_search {
            search.request_focus();
        }
        let filter = egui::ComboBox::from_id_salt(("filter", side))
            .selected_text(view.filter.label())
            .width(90.0)
            .show_ui(ui, |ui| {
                for candidate in RecordFilter::ALL {
                    ui.selectable_value(&mut view.filter, candidate, candidate.label());
                }
            });
        filter.response.accessible_name(format!("{title} filter"));
        columns_chosen = columns_menu_ui(ui, side, view, list);
    });
    ui.horizontal_wrapped(|ui| value_filters_ui(ui, side, view, list));
    columns_chosen
}

/// The account type, country and owner filters, for the columns the list has.
fn value_filters_ui(ui: &mut egui::Ui, side: Side, view: &mut ListView, list: &Dataset) {
    let title = side_title(side);
    let facets = view.facets(list).clone();
    let menus = [
        ("Type", facets.account_type, &mut view.values.account_type),
        ("Country", facets.country, &mut view.values.country),
        ("Owner", facets.owner, &mut view.values.owner),
    ];
    for (name, facet, chosen) in menus {
        let Some((_, values)) = facet else {
            continue;
        };
        let shown = chosen.clone().unwrap_or_else(|| format!("{name}: any"));
        let combo = egui::ComboBox::from_id_salt((name, side))
            .selected_text(shown)
            .width(90.0)
            .height(300.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(chosen, None, "any");
                for (value, count) in values {
                    ui.selectable_value(chosen, Some(value.clone()), format!("{value} ({count})"));
                }
            });
        combo
            .response
            .accessible_name(format!("{title} {} filter", name.to_lowercase()));
    }
}

/// A column's name in the menu: its header and, when it has one, its role in words.
fn menu_text(list: &Dataset, column: ListColumn) -> String {
    let header = header_text(list, column);
    let role = match column {
        ListColumn::Field(index) => list.columns.get(index).and_then(|column| column.role),
        _ => None,
    };
    match role {
        Some(role) if !matches!(role, Role::Other) => {
            format!("{header} ({})", role.as_str().replace('_', " "))
        }
        _ => header,
    }
}

/// The "Columns" menu: a check box for every imported column but the id and the name (always shown). True
/// when the choice changed.
fn columns_menu_ui(ui: &mut egui::Ui, side: Side, view: &mut ListView, list: &Dataset) -> bool {
    let title = side_title(side);
    let mut changed = false;
    let fixed = [list.column_of(Role::Id), list.column_of(Role::Name)];
    let menu = ui.menu_button("Columns…", |ui| {
        for index in 0..list.columns.len() {
            if fixed.contains(&Some(index)) {
                continue;
            }
            let column = ListColumn::Field(index);
            let mut shown = view.columns.contains(&column);
            let text = menu_text(list, column);
            let check = ui
                .checkbox(&mut shown, &text)
                .on_hover_text(format!("Show {text} in the {title} list"));
            if check.changed() {
                changed = true;
                if shown {
                    let before_state = view
                        .columns
                        .iter()
                        .position(|&column| column == ListColumn::State)
                        .unwrap_or(view.columns.len());
                    view.columns.insert(before_state, column);
                } else {
                    view.columns.retain(|&other| other != column);
                    if view.sort.is_some_and(|key| key.column == column) {
                        view.sort = None;
                    }
                }
            }
        }
    });
    menu.response
        .on_hover_text("Choose the columns of this list (remembered for this project)")
        .accessible_name(format!("{title} columns"));
    changed
}
