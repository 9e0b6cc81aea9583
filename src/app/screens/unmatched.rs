//! Unmatched: the records with no link and what is to happen to each, as the project's
//! worklist gives it (the same rows the creation files will hold): a decided action, a default
//! from the account type and the creation policy, or "waiting" with the reason (it probably
//! exists in the other system, or is a duplicate). Create in ERP, create in CRM and ignore,
//! one by one or for the rows shown; a bulk action never touches a waiting record and asks
//! first when some are shown.

use egui_extras::{Column, TableBuilder};

use crate::app::action::Action;
use crate::app::screens::pair::record_title;
use crate::app::workspace::Workspace;
use crate::core::fold::fold;
use crate::core::model::Side;
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

/// One row of the table, read once per change of the data.
#[derive(Debug, Clone)]
struct Row {
    row: usize,
    title: String,
    account_type: &'static str,
    state: String,
    waiting: bool,
    creates: bool,
    /// The record of the same list it is probably a duplicate of, by row.
    master: Option<usize>,
    /// Its open candidate in the other list as (CRM row, ERP row), and that record's id.
    candidate: Option<((usize, usize), String)>,
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
    /// A bulk action waiting for confirmation: the action and the rows it applies to.
    confirm: Option<(CreationAction, Vec<usize>, usize)>,
    /// Every unlinked record of `side` passing the filter, in list order.
    rows: Vec<Row>,
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
        account_type: record.account_type.map_or("", |kind| kind.label()),
        state: state_text(side, record),
        waiting,
        creates: record.state.creates(side),
        master,
    }
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

fn action_label(action: CreationAction) -> &'static str {
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
    table_ui(ui, state, side, &offered, &mut actions);
    actions
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
        let waiting = state.rows.len() - free.len();
        for action in offered {
            let text = format!("{} for all {} shown", action_label(*action), free.len());
            if ui
                .add_enabled(!free.is_empty(), egui::Button::new(text))
                .clicked()
            {
                if waiting == 0 {
                    actions.push(Action::SetCreation {
                        side,
                        rows: free.clone(),
                        creation: *action,
                    });
                } else {
                    state.confirm = Some((*action, free.clone(), waiting));
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
                "{} for {}? {} of those shown wait for a decision (they probably exist in the \
                 other system, or are duplicates) and are left out.",
                action_label(action),
                records(rows.len()),
                records(waiting)
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

fn table_ui(
    ui: &mut egui::Ui,
    state: &UnmatchedState,
    side: Side,
    offered: &[CreationAction],
    actions: &mut Vec<Action>,
) {
    TableBuilder::new(ui)
        .id_salt(("unmatched", side))
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(320.0).clip(true))
        .column(Column::initial(110.0))
        .column(Column::initial(420.0).clip(true))
        .column(Column::remainder())
        .header(20.0, |mut header| {
            for name in ["Record", "Account type", "Action", "Decide"] {
                header.col(|ui| {
                    ui.strong(name);
                });
            }
        })
        .body(|body| {
            body.rows(24.0, state.rows.len(), |mut table_row| {
                let Some(row) = state.rows.get(table_row.index()) else {
                    return;
                };
                table_row.col(|ui| {
                    ui.add(egui::Label::new(&row.title).truncate());
                });
                table_row.col(|ui| {
                    ui.label(row.account_type);
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
            });
        });
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
            actions.push(Action::MarkDuplicates {
                side,
                master,
                rows: vec![master, row.row],
            });
        }
    }
    for action in offered {
        let button = ui
            .small_button(action_label(*action))
            .on_hover_text(format!("{} for {}", action_label(*action), row.title));
        if button.clicked() {
            actions.push(Action::SetCreation {
                side,
                rows: vec![row.row],
                creation: *action,
            });
        }
    }
}
