//! One list as a virtualised table (only the visible rows are laid out), with a search box and
//! a filter; a click selects a record.

use egui_extras::{Column, TableBuilder};

use crate::app::search::{RecordFilter, SearchIndex};
use crate::app::workspace::RecordFlags;
use crate::core::model::{Dataset, Role, Side};

/// Row height of the tables.
pub const ROW_HEIGHT: f32 = 20.0;

/// The state of one list's table: what is typed, the filter, the rows that pass, the selection.
#[derive(Debug, Clone, Default)]
pub struct ListView {
    /// The search text.
    pub query: String,
    /// The filter.
    pub filter: RecordFilter,
    /// The rows that pass, in list order.
    pub rows: Vec<usize>,
    /// The selected row (for a manual link), if any.
    pub selected: Option<usize>,
    /// Scroll this row into view on the next frame.
    pub scroll_to: Option<usize>,
    computed_for: Option<(String, RecordFilter, u64)>,
}

impl ListView {
    /// Recompute the rows when the query, the filter or, for a filter on the records' state,
    /// the data (`generation`) changed.
    pub fn refresh(&mut self, index: &SearchIndex, flags: &[RecordFlags], generation: u64) {
        // Decisions change no row of the unfiltered list.
        let generation = if self.filter == RecordFilter::All {
            0
        } else {
            generation
        };
        let unchanged = self
            .computed_for
            .as_ref()
            .is_some_and(|(query, filter, computed)| {
                *query == self.query && *filter == self.filter && *computed == generation
            });
        if unchanged {
            return;
        }
        self.rows = index.filter(&self.query, self.filter, flags);
        self.computed_for = Some((self.query.clone(), self.filter, generation));
    }
}

/// The text of a row in the table's three columns: id, name, city.
fn row_texts(list: &Dataset, row: usize) -> [String; 3] {
    let name = match list.value(row, Role::Name) {
        Some(name) if !name.trim().is_empty() => name.to_string(),
        _ => {
            let first = list.value(row, Role::FirstName).unwrap_or("");
            let last = list.value(row, Role::LastName).unwrap_or("");
            format!("{first} {last}").trim().to_string()
        }
    };
    let city = list.value(row, Role::City).unwrap_or("").to_string();
    [list.record_id(row), name, city]
}

/// The short state of a record in its list.
fn state_text(flags: RecordFlags) -> &'static str {
    if flags.linked {
        "linked"
    } else if flags.unsure {
        "unsure"
    } else if flags.open {
        "open"
    } else if flags.rejected {
        "rejected"
    } else {
        ""
    }
}

/// Draw the search box, the filter and the table. `focus_search` puts the keyboard in the
/// search box. Returns the row clicked, if any.
pub fn record_table_ui(
    ui: &mut egui::Ui,
    side: Side,
    view: &mut ListView,
    list: &Dataset,
    flags: &[RecordFlags],
    highlight: Option<usize>,
    focus_search: bool,
) -> Option<usize> {
    let title = match side {
        Side::Crm => "CRM",
        Side::Erp => "ERP",
    };
    ui.horizontal(|ui| {
        let label = ui.label(format!("Search {title}"));
        let search = ui
            .add(egui::TextEdit::singleline(&mut view.query).desired_width(140.0))
            .labelled_by(label.id);
        if focus_search {
            search.request_focus();
        }
        let filter = egui::ComboBox::from_id_salt(("filter", side))
            .selected_text(view.filter.label())
            .width(100.0)
            .show_ui(ui, |ui| {
                for candidate in RecordFilter::ALL {
                    ui.selectable_value(&mut view.filter, candidate, candidate.label());
                }
            });
        filter.response.accessible_name(format!("{title} filter"));
    });
    ui.label(format!(
        "{title}: {} of {} records",
        view.rows.len(),
        list.len()
    ));
    let mut clicked = None;
    let mut table = TableBuilder::new(ui)
        .id_salt(("records", side))
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(56.0).at_least(40.0).clip(true))
        .column(Column::initial(150.0).at_least(60.0).clip(true))
        .column(Column::initial(80.0).at_least(40.0).clip(true))
        .column(Column::remainder().at_least(40.0).clip(true));
    if let Some(target) = view.scroll_to.take()
        && let Some(position) = view.rows.iter().position(|&row| row == target)
    {
        table = table.scroll_to_row(position, Some(egui::Align::Center));
    }
    table
        .header(ROW_HEIGHT, |mut header| {
            for name in ["Id", "Name", "City", "State"] {
                header.col(|ui| {
                    ui.strong(name);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, view.rows.len(), |mut table_row| {
                let Some(&row) = view.rows.get(table_row.index()) else {
                    return;
                };
                let selected = view.selected == Some(row) || highlight == Some(row);
                table_row.set_selected(selected);
                let [id, name, city] = row_texts(list, row);
                table_row.col(|ui| {
                    ui.add(egui::Label::new(id).truncate());
                });
                table_row.col(|ui| {
                    let shown = if name.is_empty() { "(no name)" } else { &name };
                    let response = ui
                        .add(egui::Button::selectable(selected, shown).truncate())
                        .on_hover_text(format!("Select {shown} for a manual link"));
                    if response.clicked() {
                        clicked = Some(row);
                    }
                });
                table_row.col(|ui| {
                    ui.add(egui::Label::new(city).truncate());
                });
                let flags = flags.get(row).copied().unwrap_or_default();
                table_row.col(|ui| {
                    ui.label(state_text(flags));
                });
            });
        });
    clicked
}
