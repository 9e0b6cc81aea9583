//! Export: choose a folder, write the files both systems import, and show what was written.

use std::path::PathBuf;

use crate::app::action::Action;
use crate::app::widgets::labelled_text_field;
use crate::app::workspace::Workspace;
use crate::core::export::ExportSummary;

/// The export screen's own state.
#[derive(Debug, Clone, Default)]
pub struct ExportState {
    /// The folder typed or chosen.
    pub folder: String,
    /// What the last export wrote.
    pub last: Option<ExportSummary>,
    /// What is still undecided (and so in no creation file), read for a data generation.
    pending: Option<(u64, Option<String>)>,
}

/// The folder proposed for a project's export: `<project name> export` next to the project.
pub fn default_folder(project: &std::path::Path) -> String {
    let stem = project
        .file_stem()
        .map_or_else(|| "ledgerlink".into(), |stem| stem.to_string_lossy());
    project
        .with_file_name(format!("{stem} export"))
        .display()
        .to_string()
}

/// Draw the export screen.
pub fn export_ui(
    ui: &mut egui::Ui,
    state: &mut ExportState,
    workspace: &Workspace,
    (busy, generation): (bool, u64),
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.heading("Export");
    ui.label("Links, updates for both systems, creation worklists, merges, duplicates, conflicts, the audit log, and a review workbook.");
    if state
        .pending
        .as_ref()
        .is_none_or(|(read, _)| *read != generation)
    {
        let warning = workspace.project().status().pending_warning();
        state.pending = Some((generation, warning));
    }
    if let Some((_, Some(warning))) = &state.pending {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Not decided yet: {warning}."),
        );
    }
    ui.horizontal(|ui| {
        labelled_text_field(ui, "Export folder", &mut state.folder, 420.0);
        if ui
            .add_enabled(!busy, egui::Button::new("Browse folder…"))
            .on_hover_text("Choose the folder in a dialog")
            .clicked()
        {
            actions.push(Action::BrowseExportFolder);
        }
    });
    let folder = state.folder.trim();
    let write = ui
        .add_enabled(
            !busy && !folder.is_empty(),
            egui::Button::new("Write export"),
        )
        .on_hover_text(
            "Write every export file into the folder (files of the same name are replaced)",
        );
    if write.clicked() {
        actions.push(Action::Export(PathBuf::from(folder)));
    }
    let Some(summary) = &state.last else {
        return actions;
    };
    ui.add_space(8.0);
    ui.strong(format!(
        "Written to {} at {}",
        summary.dir.display(),
        summary.exported_at
    ));
    egui::Grid::new("export_files")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for file in &summary.files {
                ui.label(file.name);
                ui.label(match file.rows {
                    1 => "1 row".to_string(),
                    rows => format!("{rows} rows"),
                });
                ui.end_row();
            }
        });
    for note in &summary.notes {
        ui.label(note);
    }
    actions
}
