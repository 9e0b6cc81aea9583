//! The start screen: a new project from two lists, an existing project, recent projects and the
//! demo.

use std::path::{Path, PathBuf};

use crate::app::action::Action;
use crate::app::settings::Settings;
use crate::app::widgets::labelled_text_field;
use crate::core::model::Side;
use crate::core::project::Location;

/// What the user has typed or dropped on the start screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartState {
    /// The CRM export (`path` or `path#Sheet`).
    pub crm_path: String,
    /// The ERP export (`path` or `path#Sheet`).
    pub erp_path: String,
    /// Where the new project file goes.
    pub project_path: String,
    /// A project file to open.
    pub open_path: String,
    /// The address of a shared project on a server (`postgres://…?project=NAME`).
    pub shared_url: String,
    /// The project file last proposed (replaced when the CRM list changes, unless typed over).
    suggested_project: Option<String>,
}

/// A project typed or remembered: a `postgres://` URL names a project on a server (when it
/// parses), anything else a file.
pub fn typed_location(text: &str) -> Location {
    Location::parse(text.trim()).unwrap_or_else(|_| Location::File(PathBuf::from(text.trim())))
}

/// The file extension of project files.
pub const PROJECT_EXTENSION: &str = "ledgerlink";

impl StartState {
    /// The typed path of one list.
    pub fn list_path_mut(&mut self, side: Side) -> &mut String {
        match side {
            Side::Crm => &mut self.crm_path,
            Side::Erp => &mut self.erp_path,
        }
    }

    /// Take a file dropped on the window (or chosen in a dialog): a project file is opened,
    /// an export fills the first empty list (CRM first). Returns the action to take, if any.
    pub fn take_dropped_file(&mut self, path: &Path) -> Option<Action> {
        let is_project = path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case(PROJECT_EXTENSION));
        if is_project {
            return Some(Action::OpenProject(path.into()));
        }
        let text = path.display().to_string();
        if self.crm_path.trim().is_empty() {
            self.crm_path = text;
        } else if self.erp_path.trim().is_empty() || self.erp_path != text {
            self.erp_path = text;
        }
        self.suggest_project_path();
        None
    }

    /// Propose a project file next to the CRM export (an absolute path, never the working
    /// folder) when none was typed; a proposal follows the CRM list when it changes.
    pub fn suggest_project_path(&mut self) {
        let typed = !self.project_path.trim().is_empty()
            && self.suggested_project.as_deref() != Some(self.project_path.as_str());
        if typed || self.crm_path.trim().is_empty() {
            return;
        }
        let Some(suggestion) = project_path_beside(list_file_part(self.crm_path.trim())) else {
            return;
        };
        self.project_path = suggestion.clone();
        self.suggested_project = Some(suggestion);
    }
}

/// `reconciliation.ledgerlink` in the folder of the list file `list`, as an absolute path.
fn project_path_beside(list: &str) -> Option<String> {
    let list = std::path::absolute(Path::new(list)).ok()?;
    let dir = list.parent()?;
    Some(
        dir.join(format!("reconciliation.{PROJECT_EXTENSION}"))
            .display()
            .to_string(),
    )
}

/// The file part of `path#Sheet`.
fn list_file_part(spec: &str) -> &str {
    match spec.rsplit_once('#') {
        Some((file, _sheet)) if !file.is_empty() => file,
        _ => spec,
    }
}

/// Draw the start screen.
pub fn start_ui(
    ui: &mut egui::Ui,
    state: &mut StartState,
    settings: &Settings,
    busy: bool,
) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading("Reconcile a CRM account list with an ERP customer list");
        ui.label(
            "Pick the two exports (or drop them on this window), check the columns, match, review.",
        );
        ui.add_space(8.0);
        new_project_ui(ui, state, busy, &mut actions);
        ui.add_space(12.0);
        open_project_ui(ui, state, settings, busy, &mut actions);
        ui.add_space(12.0);
        shared_project_ui(ui, state, busy, &mut actions);
        ui.add_space(12.0);
        ui.group(|ui| {
            ui.strong("Try it");
            ui.horizontal(|ui| {
                let demo = ui
                    .add_enabled(!busy, egui::Button::new("Open demo"))
                    .on_hover_text(
                        "A project built from the bundled demo CRM and ERP lists; opened again \
                         with the decisions you took in it",
                    );
                if demo.clicked() {
                    actions.push(Action::OpenDemo);
                }
                let reset = ui
                    .add_enabled(!busy, egui::Button::new("Reset demo"))
                    .on_hover_text("Throw away the demo's decisions and build it anew");
                if reset.clicked() {
                    actions.push(Action::ResetDemo);
                }
            });
        });
    });
    actions
}

fn new_project_ui(
    ui: &mut egui::Ui,
    state: &mut StartState,
    busy: bool,
    actions: &mut Vec<Action>,
) {
    ui.group(|ui| {
        ui.strong("New project");
        egui::Grid::new("new_project_grid")
            .num_columns(3)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                for side in [Side::Crm, Side::Erp] {
                    let label = match side {
                        Side::Crm => "CRM accounts file",
                        Side::Erp => "ERP customers file",
                    };
                    let changed =
                        labelled_text_field(ui, label, state.list_path_mut(side), 420.0).changed();
                    if changed && side == Side::Crm {
                        state.suggest_project_path();
                    }
                    let browse = ui
                        .add_enabled(
                            !busy,
                            egui::Button::new(format!("Browse {}…", side.as_str().to_uppercase())),
                        )
                        .on_hover_text("Choose the file in a dialog");
                    if browse.clicked() {
                        actions.push(Action::BrowseList(side));
                    }
                    ui.end_row();
                }
                labelled_text_field(ui, "New project file", &mut state.project_path, 420.0);
                ui.label("");
                ui.end_row();
            });
        ui.label("CSV, XLSX, XLS, ODS: add #Sheet to a workbook path to pick a sheet.");
        let ready = !state.crm_path.trim().is_empty()
            && !state.erp_path.trim().is_empty()
            && !state.project_path.trim().is_empty();
        let next = ui
            .add_enabled(!busy && ready, egui::Button::new("Read lists"))
            .on_hover_text("Read both files and show their columns for checking");
        if next.clicked() {
            actions.push(Action::LoadLists);
        }
    });
}

fn open_project_ui(
    ui: &mut egui::Ui,
    state: &mut StartState,
    settings: &Settings,
    busy: bool,
    actions: &mut Vec<Action>,
) {
    ui.group(|ui| {
        ui.strong("Open a project");
        ui.horizontal(|ui| {
            labelled_text_field(ui, "Project file", &mut state.open_path, 420.0);
            let browse = ui
                .add_enabled(!busy, egui::Button::new("Browse project…"))
                .on_hover_text("Choose the project file in a dialog");
            if browse.clicked() {
                actions.push(Action::BrowseProject);
            }
            let open = ui.add_enabled(
                !busy && !state.open_path.trim().is_empty(),
                egui::Button::new("Open"),
            );
            if open.clicked() {
                actions.push(Action::OpenProject(typed_location(&state.open_path)));
            }
        });
        if settings.recent_projects.is_empty() {
            return;
        }
        ui.add_space(4.0);
        ui.label("Recent projects");
        for project in &settings.recent_projects {
            let name = project.display().to_string();
            let button = ui
                .add_enabled(!busy, egui::Button::new(&name).frame(false))
                .on_hover_text(format!("Open {name}"));
            if button.clicked() {
                actions.push(Action::OpenProject(typed_location(&name)));
            }
        }
    });
}

/// "Open shared project…": a project on a PostgreSQL server, by its address. The address is
/// checked as it is typed; what is wrong with it shows under the field (never its password).
fn shared_project_ui(
    ui: &mut egui::Ui,
    state: &mut StartState,
    busy: bool,
    actions: &mut Vec<Action>,
) {
    ui.group(|ui| {
        ui.strong("Open shared project…");
        ui.label(
            "A workshop of several reviewers on a PostgreSQL server. The password comes from \
             the address, PGPASSWORD or ~/.pgpass and is never saved.",
        );
        let typed = state.shared_url.trim().to_string();
        let parsed = (!typed.is_empty()).then(|| Location::parse(&typed));
        ui.horizontal(|ui| {
            labelled_text_field(ui, "Server address", &mut state.shared_url, 420.0)
                .on_hover_text("postgres://user@host/database?project=NAME");
            let location = match &parsed {
                Some(Ok(location @ Location::Postgres(_))) => Some(location.clone()),
                _ => None,
            };
            let open = ui.add_enabled(
                !busy && location.is_some(),
                egui::Button::new("Open shared project"),
            );
            if open.clicked()
                && let Some(location) = location
            {
                actions.push(Action::OpenProject(location));
            }
        });
        match parsed {
            Some(Err(error)) => {
                ui.colored_label(ui.visuals().error_fg_color, error.to_string());
            }
            Some(Ok(Location::File(_))) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    "a server address starts with postgres:// (a file goes in Open a project)",
                );
            }
            _ => {}
        }
        ui.weak(
            "Make one with `ledgerlink new postgres://…` (or type its address as the new \
             project above), or move a project file there with `ledgerlink copy`.",
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_files_fill_crm_then_erp_and_projects_open() {
        let mut state = StartState::default();
        assert_eq!(state.take_dropped_file(Path::new("/data/crm.csv")), None);
        assert_eq!(state.take_dropped_file(Path::new("/data/erp.xlsx")), None);
        assert_eq!(state.crm_path, "/data/crm.csv");
        assert_eq!(state.erp_path, "/data/erp.xlsx");
        assert_eq!(state.project_path, "/data/reconciliation.ledgerlink");
        assert_eq!(
            state.take_dropped_file(Path::new("/p/x.ledgerlink")),
            Some(Action::OpenProject(Path::new("/p/x.ledgerlink").into()))
        );
    }

    #[test]
    fn the_sheet_suffix_is_not_part_of_the_folder() {
        assert_eq!(list_file_part("/d/book.xlsx#Kunden"), "/d/book.xlsx");
        assert_eq!(list_file_part("/d/plain.csv"), "/d/plain.csv");
    }
}
