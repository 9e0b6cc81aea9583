//! One list as a virtualised table (only the visible rows are laid out): a search box, filters
//! by state, account type, country and owner, the columns chosen, sorting by a click on a
//! header. A click on a row selects its record, a double click opens its best pair, a right
//! click copies its id. The rows are filtered and sorted only when something they depend on
//! changed, never per frame.

use egui_extras::{Column, TableBuilder};

use crate::app::list_columns::{
    Facets, ListColumn, SortKey, cell_text, default_columns, header_text, sorted_rows,
};
use crate::app::search::{RecordFilter, SearchIndex};
use crate::app::widgets::list_controls::{filters_ui, side_title};
use crate::app::workspace::RecordFlags;
use crate::core::model::{Dataset, Side};

/// Row height of the tables.
pub const ROW_HEIGHT: f32 = 20.0;

/// Two clicks on the same row within this many seconds are a double click.
const DOUBLE_CLICK_SECONDS: f64 = 0.4;

/// Width of one character of an id (monospace, at the table's size).
const ID_CHAR_WIDTH: f32 = 7.5;

/// The filters on a list's columns: one value each, or none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ValueFilters {
    /// Only records of this account type.
    pub account_type: Option<String>,
    /// Only records in this country.
    pub country: Option<String>,
    /// Only records of this owner.
    pub owner: Option<String>,
}

/// What the rows were last computed for.
#[derive(Debug, Clone, PartialEq)]
struct RowsKey {
    query: String,
    filter: RecordFilter,
    values: ValueFilters,
    sort: Option<SortKey>,
    generation: u64,
}

/// The state of one list's table: what is typed, the filters, the columns, the sort, the rows
/// that pass, the selection.
#[derive(Debug, Clone, Default)]
pub struct ListView {
    /// The search text.
    pub query: String,
    /// The filter on the records' state.
    pub filter: RecordFilter,
    /// The filters on account type, country and owner.
    pub values: ValueFilters,
    /// The columns shown; empty until the list is first drawn (then the defaults).
    pub columns: Vec<ListColumn>,
    /// The column sorted on, if any (otherwise the list order).
    pub sort: Option<SortKey>,
    /// The rows that pass, in the order shown.
    pub rows: Vec<usize>,
    /// The selected row (shown in the middle, and for a manual link), if any.
    pub selected: Option<usize>,
    /// Scroll this row into view on the next frame.
    pub scroll_to: Option<usize>,
    facets: Option<Facets>,
    /// The row last clicked and when (input time, seconds), to tell a double click.
    last_click: Option<(usize, f64)>,
    /// The input time of the last click judged, and whether it made a double click.
    last_verdict: Option<(f64, Option<usize>)>,
    order: Option<(SortKey, u64, Vec<usize>)>,
    computed_for: Option<RowsKey>,
}

/// What the user did in a table this frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableEvents {
    /// A row was clicked.
    pub clicked: Option<usize>,
    /// A row was double-clicked.
    pub double_clicked: Option<usize>,
    /// Other columns were chosen.
    pub columns_chosen: bool,
}

impl ListView {
    /// The values the filter menus offer (gathered on first use).
    pub fn facets(&mut self, list: &Dataset) -> &Facets {
        self.facets.get_or_insert_with(|| Facets::build(list))
    }

    /// Recompute the rows when the query, a filter, the sort or, for what depends on the
    /// records' state, the data (`generation`) changed. The sorted order of the whole list is
    /// kept apart, and recomputed only when the sort key (or, sorting by state, the data)
    /// changed.
    pub fn refresh(
        &mut self,
        index: &SearchIndex,
        list: &Dataset,
        flags: &[RecordFlags],
        generation: u64,
    ) {
        if self.columns.is_empty() {
            self.columns = default_columns(list);
        }
        let by_state = self.sort.is_some_and(|key| key.column == ListColumn::State);
        // Decisions change no row of a list neither filtered nor sorted by state.
        let generation = if self.filter == RecordFilter::All && !by_state {
            0
        } else {
            generation
        };
        let key = RowsKey {
            query: self.query.clone(),
            filter: self.filter,
            values: self.values.clone(),
            sort: self.sort,
            generation,
        };
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        let mut rows = index.filter(&self.query, self.filter, flags);
        self.keep_values(list, &mut rows);
        if let Some(sort) = self.sort {
            let order_generation = if by_state { generation } else { 0 };
            let fresh = self
                .order
                .as_ref()
                .is_some_and(|(key, at, _)| *key == sort && *at == order_generation);
            if !fresh {
                let order = sorted_rows(list, flags, sort);
                self.order = Some((sort, order_generation, order));
            }
            let mut passes = vec![false; list.len()];
            for &row in &rows {
                passes[row] = true;
            }
            if let Some((_, _, order)) = &self.order {
                rows = order.iter().copied().filter(|&row| passes[row]).collect();
            }
        }
        self.rows = rows;
        self.computed_for = Some(key);
    }

    fn keep_values(&mut self, list: &Dataset, rows: &mut Vec<usize>) {
        let values = self.values.clone();
        let facets = self.facets(list).clone();
        let wanted = [
            (values.account_type, facets.account_type.map(|(c, _)| c)),
            (values.country, facets.country.map(|(c, _)| c)),
            (values.owner, facets.owner.map(|(c, _)| c)),
        ];
        for (value, column) in wanted {
            if let (Some(value), Some(column)) = (value, column) {
                rows.retain(|&row| list.cells.cell(row, column).trim() == value);
            }
        }
    }

    /// A second click on the same row soon after the first is a double click (egui reports
    /// one only when both clicks land on the same widget, and the first may change the view).
    fn tell_double_click(&mut self, now: f64, events: &mut TableEvents) {
        // egui may draw a frame twice with the same input (a discarded pass): the second
        // drawing must reach the same verdict, not take the repeated click for a second one.
        if let Some((at, verdict)) = self.last_verdict
            && at == now
            && events.clicked.is_some()
        {
            if verdict.is_some() {
                events.clicked = None;
            }
            events.double_clicked = events.double_clicked.or(verdict);
            return;
        }
        let verdict = self.judge_click(now, events);
        self.last_verdict = Some((now, verdict));
    }

    /// Whether this frame's click makes a double click with the last one: the row, if it does.
    fn judge_click(&mut self, now: f64, events: &mut TableEvents) -> Option<usize> {
        let Some(row) = events.clicked else {
            if events.double_clicked.is_some() {
                self.last_click = None;
            }
            return None;
        };
        let soon = self
            .last_click
            .is_some_and(|(last, at)| last == row && now - at < DOUBLE_CLICK_SECONDS);
        if soon {
            events.clicked = None;
            events.double_clicked = Some(row);
            self.last_click = None;
            Some(row)
        } else {
            self.last_click = Some((row, now));
            None
        }
    }

    /// Sort on `column`: ascending first, reversed on the next click.
    pub fn sort_by(&mut self, column: ListColumn) {
        self.sort = Some(match self.sort {
            Some(key) if key.column == column => SortKey {
                column,
                descending: !key.descending,
            },
            _ => SortKey {
                column,
                descending: false,
            },
        });
    }
}

/// Draw the search box, the filters and the table. `focus_search` puts the keyboard in the
/// search box; `highlight` is the row of the pair shown in the middle.
pub fn record_table_ui(
    ui: &mut egui::Ui,
    side: Side,
    view: &mut ListView,
    list: &Dataset,
    flags: &[RecordFlags],
    highlight: Option<usize>,
    focus_search: bool,
) -> TableEvents {
    let mut events = TableEvents {
        columns_chosen: filters_ui(ui, side, view, list, focus_search),
        ..TableEvents::default()
    };
    ui.label(format!(
        "{}: {} of {} records",
        side_title(side),
        view.rows.len(),
        list.len()
    ));
    let id_chars = view.facets(list).id_chars;
    egui::ScrollArea::horizontal()
        .id_salt(("records_h", side))
        .show(ui, |ui| {
            table_ui(
                ui,
                side,
                view,
                list,
                flags,
                highlight,
                id_chars,
                &mut events,
            );
        });
    events
}

#[allow(clippy::too_many_arguments)]
fn table_ui(
    ui: &mut egui::Ui,
    side: Side,
    view: &mut ListView,
    list: &Dataset,
    flags: &[RecordFlags],
    highlight: Option<usize>,
    id_chars: usize,
    events: &mut TableEvents,
) {
    let id_column = list.column_of(crate::core::model::Role::Id);
    let mut table = TableBuilder::new(ui)
        .id_salt(("records", side, view.columns.len()))
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for (position, &column) in view.columns.iter().enumerate() {
        let last = position + 1 == view.columns.len();
        table = table.column(match column {
            _ if last => Column::remainder().at_least(50.0).clip(true),
            ListColumn::Field(index) if Some(index) == id_column => {
                Column::initial(id_chars.max(2) as f32 * ID_CHAR_WIDTH + 12.0).at_least(40.0)
            }
            ListColumn::Name => Column::initial(170.0).at_least(60.0).clip(true),
            _ => Column::initial(90.0).at_least(40.0).clip(true),
        });
    }
    if let Some(target) = view.scroll_to.take()
        && let Some(position) = view.rows.iter().position(|&row| row == target)
    {
        table = table.scroll_to_row(position, Some(egui::Align::Center));
    }
    let columns = view.columns.clone();
    let mut sort_on = None;
    table
        .header(ROW_HEIGHT, |mut header| {
            for &column in &columns {
                header.col(|ui| {
                    if header_button(ui, side, list, view.sort, column) {
                        sort_on = Some(column);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, view.rows.len(), |mut table_row| {
                let Some(&row) = view.rows.get(table_row.index()) else {
                    return;
                };
                table_row.set_selected(view.selected == Some(row) || highlight == Some(row));
                for &column in &columns {
                    table_row.col(|ui| {
                        let response = cell_ui(ui, list, flags, row, column, id_column);
                        note_clicks(&response, row, events);
                    });
                }
                note_clicks(&table_row.response(), row, events);
            });
        });
    if let Some(column) = sort_on {
        view.sort_by(column);
    }
    view.tell_double_click(ui.input(|input| input.time), events);
}

fn note_clicks(response: &egui::Response, row: usize, events: &mut TableEvents) {
    if response.double_clicked() {
        events.double_clicked = Some(row);
    } else if response.clicked() {
        events.clicked = Some(row);
    }
}

/// A header: its name with the sort arrow; a click sorts on it. True when clicked.
fn header_button(
    ui: &mut egui::Ui,
    side: Side,
    list: &Dataset,
    sort: Option<SortKey>,
    column: ListColumn,
) -> bool {
    let name = header_text(list, column);
    let sorted = sort.filter(|key| key.column == column);
    let button = egui::Button::new(egui::RichText::new(&name).strong())
        .frame(false)
        .truncate();
    let order = match sorted {
        Some(key) if key.descending => ", sorted descending",
        Some(_) => ", sorted ascending",
        None => "",
    };
    let clicked = ui
        .add(button)
        .on_hover_text(format!("Sort by {name}{order}; click again to reverse"))
        .accessible_name(format!("Sort {} by {name}", side_title(side)))
        .clicked();
    if let Some(key) = sorted {
        sort_arrow(ui, key.descending);
    }
    clicked
}

/// A small triangle after a sorted header: pointing up ascending, down descending.
fn sort_arrow(ui: &mut egui::Ui, descending: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    let (top, bottom) = (rect.top() + 2.0, rect.bottom() - 2.0);
    let (tip, base) = if descending {
        (bottom, top)
    } else {
        (top, bottom)
    };
    let points = vec![
        egui::pos2(rect.center().x, tip),
        egui::pos2(rect.left() + 1.0, base),
        egui::pos2(rect.right() - 1.0, base),
    ];
    let color = ui.visuals().strong_text_color();
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

/// One cell. The id in monospace, whole, with the id on hover and "Copy id" on a right click;
/// the name a selectable button; the rest plain labels that let the click through to the row.
fn cell_ui(
    ui: &mut egui::Ui,
    list: &Dataset,
    flags: &[RecordFlags],
    row: usize,
    column: ListColumn,
    id_column: Option<usize>,
) -> egui::Response {
    let text = cell_text(list, flags, row, column);
    match column {
        ListColumn::Field(index) if Some(index) == id_column => {
            let label = egui::Label::new(egui::RichText::new(&text).monospace())
                .selectable(false)
                .sense(egui::Sense::click());
            let response = ui
                .add(label)
                .on_hover_text(format!("{text}\nRight-click to copy"));
            response.context_menu(|ui| {
                if ui.button("Copy id").clicked() {
                    ui.ctx().copy_text(text.clone());
                    ui.close();
                }
            });
            response
        }
        ListColumn::Name => {
            let shown = if text.is_empty() { "(no name)" } else { &text };
            ui.add(egui::Button::selectable(false, shown).truncate())
                .on_hover_text(format!(
                    "{shown}: click to show it and its pairs, double-click to open its best pair"
                ))
        }
        _ => ui.add(egui::Label::new(text).selectable(false).truncate()),
    }
}
