//! Unmatched: the records with no link and what is to happen to each, as the project's
//! worklist gives it (the same rows the creation files will hold): a decided action, a default
//! from the account type and the creation policy, or "waiting" with the reason (it probably
//! exists in the other system, or is a duplicate). Create in ERP, create in CRM and ignore,
//! one by one or for the rows shown; a bulk action never touches a waiting record and asks
//! first when some are shown.

use crate::app::action::Action;
use crate::app::screens::pair::record_title;
use crate::app::workspace::Workspace;

use super::unmatched_table::{Row, keys_ui, table_ui};
use crate::core::fold::fold;
use crate::core::model::{Dataset, Role, Side};
use crate::core::project::{ActionState, CreationAction, Hold, UnlinkedRecord};

/// Which unlinked records are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    /// Those going into the creation file (decided or by default).
    #[default]
    ToCreate,
    /// Those waiting for a decision: they probably exist in the other system.
    Waiting,
    /// Every unlinked record.
    All,
}

/// The unmatched screen's own state.
#[derive(Debug, Clone, Default)]
pub struct UnmatchedState {
    /// Which list is shown.
    pub side: Option<Side>,
    /// Only records whose name or id contains this.
    pub query: String,
    /// Which records are shown.
    pub show: Show,
    /// A bulk action waiting for confirmation: the action, the rows it applies to, and what it
    /// leaves out (in words).
    confirm: Option<(CreationAction, Vec<usize>, String)>,
    /// Every unlinked record of `side` passing the filter, in list order.
    rows: Vec<Row>,
    /// The row the keys act on (index into `rows`).
    selected: Option<usize>,
    /// How many records of the side are to be created, and how many wait (the file's count).
    to_create: usize,
    waiting: usize,
    /// What `rows` were computed for: side, query, shown records, data generation.
    computed_for: Option<(Side, String, Show, u64)>,
}

fn row_of(workspace: &Workspace, side: Side, record: &UnlinkedRecord<'_>) -> Row {
    let list = workspace.list(side);
    let waiting = matches!(record.state, ActionState::Held(_));
    let master = match record.state {
        ActionState::Held(hold) => hold
            .probable_master()
            .and_then(|key| workspace.project().list(side).row_of(key)),
        _ => None,
    };
    let candidate = match record.state {
        ActionState::Held(Hold::OpenPair { other, .. }) => {
            let other_list = workspace.project().list(side.other());
            other_list.row_of(other).map(|other_row| {
                let rows = match side {
                    Side::Crm => (record.row, other_row),
                    Side::Erp => (other_row, record.row),
                };
                (rows, other_list.dataset.record_id(other_row))
            })
        }
        _ => None,
    };
    Row {
        candidate,
        row: record.row,
        title: record_title(list, record.row),
        place: place(list, record.row),
        owner: list
            .owner_column()
            .map(|column| list.cells.cell(record.row, column).trim().to_string())
            .unwrap_or_default(),
        account_type: record.account_type.map_or("", |kind| kind.label()),
        state: state_text(side, record),
        waiting,
        hold: match record.state {
            ActionState::Held(hold) => Some(hold.as_str()),
            _ => None,
        },
        creates: record.state.creates(side),
        master,
    }
}

/// "Köln, DE": the record's city and country as exported.
fn place(list: &Dataset, row: usize) -> String {
    let value = |role| list.value(row, role).unwrap_or("").trim();
    [value(Role::City), value(Role::Country)]
        .into_iter()
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

impl UnmatchedState {
    /// Recompute the rows shown when the list, the filter or the data (`generation`) changed,
    /// not on every frame: with 100,000 records that takes tens of milliseconds.
    fn refresh(&mut self, side: Side, workspace: &Workspace, generation: u64) {
        let key = (side, self.query.clone(), self.show, generation);
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        let worklist = workspace.project().worklist();
        let records = worklist.records(side);
        self.to_create = records.iter().filter(|r| r.state.creates(side)).count();
        self.waiting = records
            .iter()
            .filter(|r| matches!(r.state, ActionState::Held(hold) if hold.as_str() != "marked_duplicate"))
            .count();
        let folded = fold(self.query.trim());
        let list = workspace.list(side);
        self.rows = records
            .iter()
            .filter(|record| match self.show {
                Show::ToCreate => record.state.creates(side),
                Show::Waiting => matches!(record.state, ActionState::Held(_)),
                Show::All => true,
            })
            .filter(|record| {
                folded.is_empty() || fold(&record_title(list, record.row)).contains(&folded)
            })
            .map(|record| row_of(workspace, side, record))
            .collect();
        self.computed_for = Some(key);
    }
}

/// The action column's text.
fn state_text(side: Side, record: &UnlinkedRecord<'_>) -> String {
    let rejected = if record.all_rejected {
        " (all candidates rejected)"
    } else {
        ""
    };
    match &record.state {
        ActionState::Decided(action, entry) => {
            format!("{} (decided by {})", action_label(*action), entry.by)
        }
        ActionState::Default(action) => {
            format!("{} (by default){rejected}", action_label(*action))
        }
        ActionState::NeedsErpAccount => {
            format!("needs an ERP account (policy: keyed by hand){rejected}")
        }
        ActionState::Undecided => format!("undecided{rejected}"),
        ActionState::Held(hold) => format!("waiting: {}", hold.describe(side)),
    }
}

/// The actions offered for a record of `side`, as the policy allows them.
fn offered(side: Side, workspace: &Workspace) -> Vec<CreationAction> {
    let policy = workspace.project().policy();
    let create = match side {
        Side::Crm => CreationAction::CreateInErp,
        Side::Erp => CreationAction::CreateInCrm,
    };
    [create, CreationAction::Ignore]
        .into_iter()
        .filter(|action| policy.allows(*action))
        .collect()
}

/// "1 record", "12 records".
fn records(count: usize) -> String {
    match count {
        1 => "1 record".to_string(),
        count => format!("{count} records"),
    }
}

pub(super) fn action_label(action: CreationAction) -> &'static str {
    match action {
        CreationAction::CreateInErp => "Create in ERP",
        CreationAction::CreateInCrm => "Create in CRM",
        CreationAction::Ignore => "Ignore",
    }
}

fn creation_file(side: Side) -> &'static str {
    match side {
        Side::Crm => "create_in_erp.csv",
        Side::Erp => "create_in_crm.csv",
    }
}

/// Draw the unmatched screen.
pub fn unmatched_ui(
    ui: &mut egui::Ui,
    state: &mut UnmatchedState,
    workspace: &Workspace,
    generation: u64,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let side = *state.side.get_or_insert(Side::Crm);
    let policy = workspace.project().policy();
    ui.horizontal(|ui| {
        ui.heading("Records with no link");
        for candidate in [Side::Crm, Side::Erp] {
            let text = format!("{} records", candidate.as_str().to_uppercase());
            if ui.selectable_label(side == candidate, text).clicked() {
                state.side = Some(candidate);
                state.confirm = None;
            }
        }
    });
    ui.label(format!("Creation policy: {}.", policy.describe()));
    state.refresh(side, workspace, generation);
    ui.label(format!(
        "{} will hold {}; {} wait for a decision and are in no creation file.",
        creation_file(side),
        records(state.to_create),
        records(state.waiting)
    ));
    ui.horizontal(|ui| {
        ui.label("Show");
        for (show, text) in [
            (Show::ToCreate, "To create"),
            (Show::Waiting, "Waiting for a decision"),
            (Show::All, "All unlinked"),
        ] {
            if ui.selectable_label(state.show == show, text).clicked() {
                state.show = show;
                state.confirm = None;
            }
        }
    });
    let offered = offered(side, workspace);
    bulk_bar_ui(ui, state, side, &offered, &mut actions);
    keys_ui(ui, state, side, &offered, &mut actions);
    table_ui(ui, state, side, &offered, &mut actions);
    actions
}

/// What a bulk action over `rows` leaves out, in words ("4 records of those shown wait for a
/// decision: 3 with an open pair, 1 in an undecided duplicate cluster"), or "" when nothing.
fn left_out(rows: &[Row]) -> String {
    let count = |kind: &str| rows.iter().filter(|row| row.hold == Some(kind)).count();
    let waiting = rows.iter().filter(|row| row.waiting).count();
    if waiting == 0 {
        return String::new();
    }
    let reasons: Vec<String> = [
        ("open_pair", "with an open pair or candidate"),
        (
            "second_account",
            "probably a second account of a linked record",
        ),
        ("duplicate_cluster", "in an undecided duplicate cluster"),
        ("marked_duplicate", "marked duplicates"),
    ]
    .into_iter()
    .filter(|(kind, _)| count(kind) > 0)
    .map(|(kind, words)| format!("{} {words}", count(kind)))
    .collect();
    format!(
        "{} of those shown wait for a decision: {}",
        records(waiting),
        reasons.join(", ")
    )
}

/// The filter and the bulk buttons; a bulk action leaves waiting records out and asks for
/// confirmation when the rows shown include some.
fn bulk_bar_ui(
    ui: &mut egui::Ui,
    state: &mut UnmatchedState,
    side: Side,
    offered: &[CreationAction],
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let label = ui.label("Filter records");
        ui.add(egui::TextEdit::singleline(&mut state.query).desired_width(200.0))
            .labelled_by(label.id);
        ui.label(records(state.rows.len()));
        ui.separator();
        let free: Vec<usize> = state
            .rows
            .iter()
            .filter(|row| !row.waiting)
            .map(|row| row.row)
            .collect();
        let waiting = left_out(&state.rows);
        for action in offered {
            let text = format!("{} for all {} shown", action_label(*action), free.len());
            if ui
                .add_enabled(!free.is_empty(), egui::Button::new(text))
                .clicked()
            {
                if waiting.is_empty() {
                    actions.push(Action::SetCreation {
                        side,
                        rows: free.clone(),
                        creation: *action,
                    });
                } else {
                    state.confirm = Some((*action, free.clone(), waiting.clone()));
                }
            }
        }
    });
    let Some((action, rows, waiting)) = state.confirm.clone() else {
        return;
    };
    ui.horizontal(|ui| {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{} for {}? {waiting}; they are left out.",
                action_label(action),
                records(rows.len()),
            ),
        );
        if ui.button("Confirm").clicked() {
            actions.push(Action::SetCreation {
                side,
                rows,
                creation: action,
            });
            state.confirm = None;
        }
        if ui.button("Cancel").clicked() {
            state.confirm = None;
        }
    });
}

impl UnmatchedState {
    /// The rows shown.
    pub(super) fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The selected row, if any.
    pub(super) fn selected(&self) -> Option<usize> {
        self.selected.filter(|&index| index < self.rows.len())
    }

    /// Select a row (clicked, or moved to with the arrow keys).
    pub(super) fn select(&mut self, index: usize) {
        self.selected = (index < self.rows.len()).then_some(index);
    }

    /// Move the selection by `step` rows (J/K, the arrow keys).
    pub fn move_selection(&mut self, step: isize) {
        let last = self.rows.len().saturating_sub(1);
        let next = match self.selected() {
            Some(index) => index.saturating_add_signed(step).min(last),
            None => 0,
        };
        self.select(next);
    }
}
