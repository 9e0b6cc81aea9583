//! The review screen: the CRM list on the left, the ERP list on the right, the current pair in
//! the middle with its field-by-field comparison, score, contributions and reason, the other
//! candidates below, manual links and bulk accept.

use std::collections::HashSet;

use crate::app::action::{Action, Command, QueueOrder, Screen};
use crate::app::list_columns::chosen_headers;
use crate::app::screens::bulk::{BulkState, bulk_ui};
use crate::app::screens::pair::{link_ui, pair_ui};
use crate::app::screens::record_view::{best_pair, record_view_ui};
use crate::app::search::SearchIndex;
use crate::app::widgets::record_table::{ListView, record_table_ui};
use crate::app::workspace::Workspace;
use crate::core::model::Side;

/// The width of each list at first, as a share of the window: the pair in the middle gets the
/// rest (~570 points in a 1280-point window); both lists can be widened by dragging their edge.
const LIST_SHARE: f32 = 0.28;

/// The review screen's own state.
#[derive(Debug, Clone, Default)]
pub struct ReviewState {
    /// How the queue is ordered.
    pub order: QueueOrder,
    /// Indexes into the workspace's items: the suggested pairs in queue order.
    pub queue: Vec<usize>,
    /// The item shown in the middle.
    pub current: Option<usize>,
    /// The CRM table.
    pub crm_view: ListView,
    /// The ERP table.
    pub erp_view: ListView,
    /// Bulk accept, when open.
    pub bulk: BulkState,
    /// Put the keyboard in the CRM search box on the next frame.
    pub focus_search: bool,
    /// The note typed for the current pair, kept with the next decision on it.
    pub note: String,
    /// The record clicked in a list, shown in the middle with its pairs.
    pub inspect: Option<(Side, usize)>,
    /// The pair the lists were last scrolled to.
    scrolled_to: Option<usize>,
    queue_for: Option<(QueueOrder, u64)>,
}

/// The search indexes of both lists, built once per project.
#[derive(Debug, Clone, Default)]
pub struct SearchIndexes {
    /// The CRM list's index.
    pub crm: SearchIndex,
    /// The ERP list's index.
    pub erp: SearchIndex,
}

impl SearchIndexes {
    /// Fold every record of both lists once.
    pub fn build(workspace: &Workspace) -> SearchIndexes {
        SearchIndexes {
            crm: SearchIndex::build(workspace.crm()),
            erp: SearchIndex::build(workspace.erp()),
        }
    }
}

impl ReviewState {
    /// The table of one list.
    pub fn view_mut(&mut self, side: Side) -> &mut ListView {
        match side {
            Side::Crm => &mut self.crm_view,
            Side::Erp => &mut self.erp_view,
        }
    }

    /// Rebuild the queue when the order, the suggestions (`structure`), the assignments or the
    /// reviewer changed; keep the current pair.
    pub fn refresh_queue(&mut self, workspace: &Workspace, structure: u64) {
        let assigned = workspace.project().assignments().version();
        let reviewer = workspace.reviewer().map_or(0, |name| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            std::hash::Hash::hash(name, &mut hasher);
            std::hash::Hasher::finish(&hasher)
        });
        let key = (
            self.order,
            structure ^ assigned.rotate_left(1) ^ reviewer.rotate_left(2),
        );
        if self.queue_for == Some(key) {
            return;
        }
        self.queue = build_queue(workspace, self.order);
        self.queue_for = Some(key);
        let current_valid = self
            .current
            .is_some_and(|item| item < workspace.items.len());
        if !current_valid {
            self.current = self.next_open(workspace, None);
        }
    }

    /// The queue position of the current pair.
    pub fn position(&self) -> Option<usize> {
        let current = self.current?;
        self.queue.iter().position(|&item| item == current)
    }

    /// The first open pair after `after` (a queue position), wrapping round; pairs flagged
    /// unsure come again once no other pair is open; `None` when none is open (the queue is
    /// done: the screen says so and offers the next step).
    pub fn next_open(&self, workspace: &Workspace, after: Option<usize>) -> Option<usize> {
        let start = after.map_or(0, |position| position + 1);
        let count = self.queue.len();
        let along = || (0..count).map(move |offset| self.queue[(start + offset) % count]);
        let items = &workspace.items;
        along()
            .find(|&item| items[item].is_open() && !items[item].unsure)
            .or_else(|| along().find(|&item| items[item].is_open()))
    }

    /// Move by `step` along the queue.
    pub fn step(&mut self, step: isize) {
        if self.queue.is_empty() {
            return;
        }
        let count = self.queue.len() as isize;
        let position = self.position().map_or(0, |position| position as isize);
        let next = (position + step).rem_euclid(count) as usize;
        self.current = self.queue.get(next).copied();
    }
}

/// The suggested pairs (not the alternatives) in queue order. By need: pairs whose records
/// also appear in a competing candidate (conflicts) first, then scores nearest to a coin toss;
/// by score: highest first.
pub fn build_queue(workspace: &Workspace, order: QueueOrder) -> Vec<usize> {
    let mut contested_crm = HashSet::new();
    let mut contested_erp = HashSet::new();
    for item in workspace.items.iter().filter(|item| item.is_alternative) {
        contested_crm.insert(item.crm_row);
        contested_erp.insert(item.erp_row);
    }
    let mut queue: Vec<usize> = (0..workspace.items.len())
        .filter(|&index| !workspace.items[index].is_alternative)
        .collect();
    let items = &workspace.items;
    let need = |index: usize| {
        let item = &items[index];
        let conflict =
            contested_crm.contains(&item.crm_row) || contested_erp.contains(&item.erp_row);
        (!conflict, (item.probability - 0.5).abs())
    };
    let by_need = |a: usize, b: usize| {
        let (conflict_a, distance_a) = need(a);
        let (conflict_b, distance_b) = need(b);
        conflict_a
            .cmp(&conflict_b)
            .then(distance_a.total_cmp(&distance_b))
    };
    match order {
        QueueOrder::ByScore => {
            queue.sort_by(|&a, &b| items[b].probability.total_cmp(&items[a].probability));
        }
        QueueOrder::LowestScore => {
            queue.sort_by(|&a, &b| items[a].probability.total_cmp(&items[b].probability));
        }
        QueueOrder::ByNeed => queue.sort_by(|&a, &b| by_need(a, b)),
        QueueOrder::ByOwner => {
            let crm = workspace.crm();
            let owner_column = crm.owner_column();
            let owner = |index: usize| {
                owner_column.map_or("", |column| crm.cells.cell(items[index].crm_row, column))
            };
            queue.sort_by(|&a, &b| owner(a).cmp(owner(b)).then(by_need(a, b)));
        }
    }
    share_first(workspace, &mut queue);
    queue
}

/// In a workshop split among reviewers, the reviewer's own share comes first, then the pairs
/// nobody has, then the others' (each part in the order chosen).
fn share_first(workspace: &Workspace, queue: &mut [usize]) {
    let assignments = workspace.project().assignments();
    let Some(me) = workspace.reviewer().filter(|_| !assignments.is_empty()) else {
        return;
    };
    let crm = workspace.project().list(Side::Crm);
    let erp = workspace.project().list(Side::Erp);
    queue.sort_by_key(|&index| {
        let item = &workspace.items[index];
        assignments.queue_rank(crm.key(item.crm_row), erp.key(item.erp_row), me)
    });
}

/// Draw the review screen.
pub fn review_ui(
    ui: &mut egui::Ui,
    state: &mut ReviewState,
    workspace: &Workspace,
    indexes: &SearchIndexes,
    generation: u64,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let focus_search = std::mem::take(&mut state.focus_search);
    for (side, index) in [(Side::Crm, &indexes.crm), (Side::Erp, &indexes.erp)] {
        state.view_mut(side).refresh(
            index,
            workspace.list(side),
            workspace.flags(side),
            generation,
        );
    }
    let highlight = state.current.and_then(|item| workspace.items.get(item));
    if state.scrolled_to != state.current {
        state.scrolled_to = state.current;
        state.inspect = None;
        if let Some(item) = highlight {
            state.crm_view.scroll_to = Some(item.crm_row);
            state.erp_view.scroll_to = Some(item.erp_row);
        }
    }
    let rows = highlight.map(|item| (item.crm_row, item.erp_row));
    let width = (ui.available_width() * LIST_SHARE).max(240.0);
    egui::Panel::left("crm_list")
        .resizable(true)
        .default_size(width)
        .min_size(220.0)
        .show(ui, |ui| {
            ui.heading("CRM accounts");
            let highlight = rows.map(|rows| rows.0);
            list_ui(
                ui,
                Side::Crm,
                state,
                workspace,
                highlight,
                focus_search,
                &mut actions,
            );
        });
    egui::Panel::right("erp_list")
        .resizable(true)
        .default_size(width)
        .min_size(220.0)
        .show(ui, |ui| {
            ui.heading("ERP customers");
            let highlight = rows.map(|rows| rows.1);
            list_ui(
                ui,
                Side::Erp,
                state,
                workspace,
                highlight,
                false,
                &mut actions,
            );
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("pair_scroll")
            .show(ui, |ui| {
                queue_bar_ui(ui, state, workspace, &mut actions);
                ui.separator();
                if state.bulk.open {
                    actions.extend(bulk_ui(ui, &mut state.bulk, workspace));
                    ui.separator();
                }
                link_ui(ui, state, workspace, &mut actions);
                if let Some((side, row)) = state.inspect
                    && record_view_ui(ui, workspace, side, row, &mut actions)
                {
                    state.inspect = None;
                }
                match state.current {
                    Some(item) => pair_ui(ui, workspace, (item, &mut state.note), &mut actions),
                    None if state.queue.is_empty() => {
                        ui.label("Matching suggested no pairs. Link records by hand: select one on each side.");
                    }
                    None => queue_done_ui(ui, workspace, &mut actions),
                }
            });
    });
    actions
}

/// One list with its controls: a click selects a record (for a manual link) and shows it in the
/// middle, a double click opens its best pair, a change of columns is remembered.
fn list_ui(
    ui: &mut egui::Ui,
    side: Side,
    state: &mut ReviewState,
    workspace: &Workspace,
    highlight: Option<usize>,
    focus_search: bool,
    actions: &mut Vec<Action>,
) {
    let list = workspace.list(side);
    let view = state.view_mut(side);
    let flags = workspace.flags(side);
    let events = record_table_ui(ui, side, view, list, flags, highlight, focus_search);
    if events.columns_chosen {
        let headers = chosen_headers(list, &view.columns);
        actions.push(Action::ChooseColumns { side, headers });
    }
    if let Some(row) = events.clicked {
        view.selected = toggle(view.selected, row);
        let selected = view.selected;
        state.inspect = selected.map(|row| (side, row));
    }
    if let Some(row) = events.double_clicked {
        state.view_mut(side).selected = Some(row);
        match best_pair(workspace, side, row) {
            Some(item) => actions.push(Action::SelectPair(item)),
            None => state.inspect = Some((side, row)),
        }
    }
}

fn toggle(selected: Option<usize>, row: usize) -> Option<usize> {
    if selected == Some(row) {
        None
    } else {
        Some(row)
    }
}

fn queue_bar_ui(
    ui: &mut egui::Ui,
    state: &mut ReviewState,
    workspace: &Workspace,
    actions: &mut Vec<Action>,
) {
    let counts = workspace.counts;
    // Two rows, so that neither wraps in the middle of a 1280-point window.
    ui.horizontal(|ui| {
        let position = state.position().map_or(0, |position| position + 1);
        ui.strong(format!("Pair {position} of {}", state.queue.len()));
        ui.label(format!("({} open, {} unsure)", counts.open, counts.unsure));
        ui.separator();
        let has_pair = state.current.is_some();
        for command in [Command::PreviousPair, Command::NextPair] {
            if let Some(action) = command.button(ui, has_pair) {
                actions.push(action);
            }
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Order");
        let combo = egui::ComboBox::from_id_salt("queue_order")
            .selected_text(order_label(state.order))
            .show_ui(ui, |ui| {
                for order in QueueOrder::ALL {
                    ui.selectable_value(&mut state.order, order, order_label(order));
                }
            });
        combo
            .response
            .labelled_by(label.id)
            .accessible_name("Queue order");
        ui.separator();
        let bulk_label = if state.bulk.open {
            "Close bulk accept"
        } else {
            "Bulk accept…"
        };
        if ui
            .button(bulk_label)
            .on_hover_text("Accept every open pair at or above a score, after a confirmation")
            .clicked()
        {
            state.bulk.open = !state.bulk.open;
        }
    });
}

/// Every suggested pair is decided: say so, and offer the next steps.
fn queue_done_ui(ui: &mut egui::Ui, workspace: &Workspace, actions: &mut Vec<Action>) {
    let counts = workspace.counts;
    ui.heading("Every suggested pair is decided");
    ui.label(format!(
        "{} links. Next: settle the duplicates, decide what happens to the records with no \
         link, then export. J/K still walk through the decided pairs.",
        counts.links
    ));
    ui.horizontal(|ui| {
        for (screen, text) in [
            (Screen::Duplicates, "Go to Duplicates"),
            (Screen::Unmatched, "Go to Unmatched"),
            (Screen::Export, "Go to Export"),
        ] {
            if ui.button(text).clicked() {
                actions.push(Action::Show(screen));
            }
        }
    });
}

fn order_label(order: QueueOrder) -> &'static str {
    match order {
        QueueOrder::ByNeed => "needs a human most",
        QueueOrder::ByScore => "highest score first",
        QueueOrder::LowestScore => "lowest score first",
        QueueOrder::ByOwner => "by account owner",
    }
}
