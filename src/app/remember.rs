//! The per-project choices the settings keep for the lists: which columns each list shows.

use super::App;
use super::list_columns::{chosen_headers, columns_from_headers};
use crate::core::model::Side;
use crate::core::project::{Location, Project};

/// How the settings name a project: its file (absolute), or its server address (without
/// password).
pub(super) fn project_key(project: &Project) -> std::path::PathBuf {
    match project.location() {
        Location::File(file) => std::path::absolute(file).unwrap_or_else(|_| file.clone()),
        Location::Postgres(server) => std::path::PathBuf::from(server.to_string()),
    }
}

impl App {
    /// The open project as the settings name it, if a project is open.
    fn project_key(&self) -> Option<std::path::PathBuf> {
        Some(project_key(self.workspace.as_ref()?.project()))
    }

    /// Remember the columns chosen for a list of the open project (and show them).
    pub(super) fn choose_columns(&mut self, side: Side, headers: Vec<String>) {
        let Some(project) = self.project_key() else {
            return;
        };
        if let Some(workspace) = &self.workspace {
            let list = workspace.list(side);
            let view = self.review.view_mut(side);
            if chosen_headers(list, &view.columns) != headers {
                view.columns = columns_from_headers(list, &headers);
            }
        }
        self.settings.choose_columns(&project, side, headers);
        self.save_settings();
    }

    /// Show the columns remembered for the open project's lists.
    pub(super) fn restore_columns(&mut self) {
        let Some(project) = self.project_key() else {
            return;
        };
        let Some(workspace) = &self.workspace else {
            return;
        };
        for side in [Side::Crm, Side::Erp] {
            if let Some(headers) = self.settings.chosen_columns(&project, side) {
                self.review.view_mut(side).columns =
                    columns_from_headers(workspace.list(side), headers);
            }
        }
    }
}
