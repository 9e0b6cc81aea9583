//! Unmatched: the records with no link, with the action they stand to get (decided, or the
//! default from their account type and the creation policy), and the buttons create in ERP,
//! create in CRM and ignore, one by one or for the filtered selection.

use egui_extras::{Column, TableBuilder};

use crate::app::action::Action;
use crate::app::screens::pair::record_title;
use crate::app::workspace::Workspace;
use crate::core::model::Side;
use crate::core::normalize::text::fold;
use crate::core::project::{ActionState, CreationAction};

/// The unmatched screen's own state.
#[derive(Debug, Clone, Default)]
pub struct UnmatchedState {
    /// Which list is shown.
    pub side: Option<Side>,
    /// Only records whose name or id contains this.
    pub query: String,
    /// Also show records that still have an open suggestion. Off by default: such a record
    /// probably exists in the other system, and creating it there would make a duplicate.
    pub with_open_suggestions: bool,
    /// Unlinked records passing the filter that are hidden because of an open suggestion.
    hidden_open: usize,
    /// The rows shown: unlinked records of `side` that pass the filter, in list order.
    rows: Vec<usize>,
    /// What `rows` were computed for: side, query, open suggestions shown, data generation.
    computed_for: Option<(Side, String, bool, u64)>,
}

impl UnmatchedState {
    /// Recompute the rows shown when the list, the filter or the data (`generation`) changed,
    /// not on every frame: with 100,000 records that takes tens of milliseconds.
    fn refresh(&mut self, side: Side, workspace: &Workspace, generation: u64) {
        let key = (
            side,
            self.query.clone(),
            self.with_open_suggestions,
            generation,
        );
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        let list = workspace.list(side);
        let folded = fold(self.query.trim());
        let matching: Vec<(usize, bool)> = workspace
            .flags(side)
            .iter()
            .enumerate()
            .filter(|(_, flags)| !flags.linked)
            .filter(|&(row, _)| {
                folded.is_empty() || fold(&record_title(list, row)).contains(&folded)
            })
            .map(|(row, flags)| (row, flags.open))
            .collect();
        self.hidden_open = if self.with_open_suggestions {
            0
        } else {
            matching.iter().filter(|(_, open)| *open).count()
        };
        self.rows = matching
            .into_iter()
            .filter(|&(_, open)| self.with_open_suggestions || !open)
            .map(|(row, _)| row)
            .collect();
        self.computed_for = Some(key);
    }
}

/// The action column's text.
fn state_text(state: &ActionState<'_>) -> String {
    match state {
        ActionState::Decided(action, entry) => {
            format!("{} (decided by {})", action_label(*action), entry.by)
        }
        ActionState::Default(action) => format!("{} (by default)", action_label(*action)),
        ActionState::NeedsErpAccount => "needs an ERP account (policy: keyed by hand)".to_string(),
        ActionState::Undecided => "undecided".to_string(),
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
            }
        }
    });
    ui.label(format!("Creation policy: {}.", policy.describe()));
    state.refresh(side, workspace, generation);
    let list = workspace.list(side);
    let offered = offered(side, workspace);
    ui.horizontal(|ui| {
        let label = ui.label("Filter records");
        ui.add(egui::TextEdit::singleline(&mut state.query).desired_width(200.0))
            .labelled_by(label.id);
        ui.label(records(state.rows.len()));
        ui.separator();
        let rows = &state.rows;
        for action in &offered {
            let text = format!("{} for all {} shown", action_label(*action), rows.len());
            if ui
                .add_enabled(!rows.is_empty(), egui::Button::new(text))
                .clicked()
            {
                actions.push(Action::SetCreation {
                    side,
                    rows: rows.to_vec(),
                    creation: *action,
                });
            }
        }
    });
    ui.horizontal(|ui| {
        ui.checkbox(
            &mut state.with_open_suggestions,
            "Include records with an open suggestion",
        );
        if state.hidden_open > 0 {
            ui.label(format!(
                "{} with an open suggestion hidden: they probably exist in the other system; \
                 decide their pairs on the Review screen first",
                records(state.hidden_open)
            ));
        }
    });
    TableBuilder::new(ui)
        .id_salt(("unmatched", side))
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(320.0).clip(true))
        .column(Column::initial(110.0))
        .column(Column::initial(300.0).clip(true))
        .column(Column::remainder())
        .header(20.0, |mut header| {
            for name in ["Record", "Account type", "Action", "Decide"] {
                header.col(|ui| {
                    ui.strong(name);
                });
            }
        })
        .body(|body| {
            body.rows(24.0, state.rows.len(), |mut row| {
                let record = state
                    .rows
                    .get(row.index())
                    .and_then(|&row| workspace.project().unlinked_record(side, row));
                let Some(record) = record else {
                    return;
                };
                let title = record_title(list, record.row);
                row.col(|ui| {
                    ui.add(egui::Label::new(&title).truncate());
                });
                row.col(|ui| {
                    ui.label(record.account_type.map_or("", |kind| kind.label()));
                });
                row.col(|ui| {
                    ui.label(state_text(&record.state));
                });
                row.col(|ui| {
                    for action in &offered {
                        let button = ui
                            .small_button(action_label(*action))
                            .on_hover_text(format!("{} for {title}", action_label(*action)));
                        if button.clicked() {
                            actions.push(Action::SetCreation {
                                side,
                                rows: vec![record.row],
                                creation: *action,
                            });
                        }
                    }
                });
            });
        });
    actions
}
