//! The per-project choices the settings keep for the lists: which columns each list shows.

use super::App;
use super::list_columns::{chosen_headers, columns_from_headers};
use crate::core::model::Side;

impl App {
    /// The open project's file as the settings name it (absolute), if a project is open.
    fn project_key(&self) -> Option<std::path::PathBuf> {
        let file = self.workspace.as_ref()?.project().file();
        Some(std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf()))
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
