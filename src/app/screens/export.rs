//! Export: choose a folder, the CSV delimiter and encoding, see each file's first rows and row
//! count, then write the files both systems import and show what was written.
//!
//! The preview is built by the core ([`preview_export`](crate::core::export::preview_export))
//! on a background thread from the project file, once per data generation (not every frame):
//! the screen asks for it with [`Action::PreviewExport`] and polls the job while drawing.

use std::path::PathBuf;

use crate::app::action::Action;
use crate::app::job::{Job, JobEnd};
use crate::app::widgets::labelled_text_field;
use crate::app::workspace::Workspace;
use crate::core::export::options::DELIMITERS;
use crate::core::export::{CsvEncoding, ExportOptions, ExportPreview, ExportSummary, FilePreview};

/// Rows of a file shown in the preview.
pub const PREVIEW_ROWS: usize = 8;

/// The export screen's own state.
#[derive(Debug, Default)]
pub struct ExportState {
    /// The folder typed or chosen.
    pub folder: String,
    /// The delimiter and encoding chosen.
    pub options: ExportOptions,
    /// What the last export wrote.
    pub last: Option<ExportSummary>,
    /// What is still undecided (and so in no creation file), read for a data generation.
    pending: Option<(u64, Option<String>)>,
    /// The preview of a data generation, or why it could not be made.
    preview: Option<(u64, Result<ExportPreview, String>)>,
    /// The preview being built, for a data generation.
    preview_job: Option<(u64, Job<ExportPreview>)>,
    /// The data generation a preview was last asked for.
    requested: Option<u64>,
    /// The file whose rows the preview shows.
    shown_file: Option<&'static str>,
}

impl ExportState {
    /// Build the preview of data generation `generation` in `job`.
    pub fn set_preview_job(&mut self, generation: u64, job: Job<ExportPreview>) {
        self.preview_job = Some((generation, job));
    }

    /// The preview could not be started.
    pub fn preview_failed(&mut self, generation: u64, message: String) {
        self.preview = Some((generation, Err(message)));
    }

    /// The preview shown, when it is ready (tests).
    pub fn preview(&self) -> Option<&ExportPreview> {
        self.preview
            .as_ref()
            .and_then(|(_, result)| result.as_ref().ok())
    }

    /// Take a finished preview job's result.
    fn poll_preview(&mut self) {
        let Some((generation, job)) = &self.preview_job else {
            return;
        };
        let Some(end) = job.poll() else {
            return;
        };
        let result = match end {
            JobEnd::Done(preview) => Ok(preview),
            JobEnd::Failed(message) => Err(message),
        };
        self.preview = Some((*generation, result));
        self.preview_job = None;
    }
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

/// "1 row", "2 rows".
pub fn rows_text(rows: usize) -> String {
    match rows {
        1 => "1 row".to_string(),
        rows => format!("{rows} rows"),
    }
}

/// Draw the export screen.
pub fn export_ui(
    ui: &mut egui::Ui,
    state: &mut ExportState,
    workspace: &Workspace,
    (busy, generation): (bool, u64),
) -> Vec<Action> {
    let mut actions = Vec::new();
    state.poll_preview();
    let fresh = |seen: Option<u64>| seen == Some(generation);
    if !fresh(state.preview.as_ref().map(|(seen, _)| *seen))
        && !fresh(state.preview_job.as_ref().map(|(seen, _)| *seen))
        && !fresh(state.requested)
    {
        state.requested = Some(generation);
        actions.push(Action::PreviewExport);
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading("Export");
        ui.label("Links, updates and fill-ins for both systems, creation worklists, merges, duplicates, conflicts, the audit log, and a review workbook.");
        pending_ui(ui, state, workspace, generation);
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
        options_ui(ui, &mut state.options);
        let refused = encoding_refusal(state);
        if let Some(refusal) = &refused {
            ui.colored_label(ui.visuals().error_fg_color, refusal);
        }
        let folder = state.folder.trim();
        let write = ui
            .add_enabled(
                !busy && !folder.is_empty() && refused.is_none(),
                egui::Button::new("Write export"),
            )
            .on_hover_text(
                "Write every export file into the folder (files of the same name are replaced)",
            );
        if write.clicked() {
            actions.push(Action::Export(PathBuf::from(folder), state.options));
        }
        ui.add_space(8.0);
        preview_ui(ui, state);
        last_export_ui(ui, state);
    });
    actions
}

/// The warning about what is still undecided, read once per data generation.
fn pending_ui(ui: &mut egui::Ui, state: &mut ExportState, workspace: &Workspace, generation: u64) {
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
}

/// The delimiter and encoding choices.
fn options_ui(ui: &mut egui::Ui, options: &mut ExportOptions) {
    ui.horizontal(|ui| {
        let label = ui.label("CSV delimiter");
        let shown = DELIMITERS
            .iter()
            .find(|(byte, _)| *byte == options.csv_delimiter)
            .map_or("Other", |(_, name)| name);
        egui::ComboBox::from_id_salt("csv_delimiter")
            .selected_text(shown)
            .width(220.0)
            .show_ui(ui, |ui| {
                for (byte, name) in DELIMITERS {
                    ui.selectable_value(&mut options.csv_delimiter, byte, name);
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Semicolon for Excel set to a European locale");
        ui.add_space(16.0);
        let label = ui.label("Encoding");
        egui::ComboBox::from_id_salt("csv_encoding")
            .selected_text(options.encoding.label())
            .width(220.0)
            .show_ui(ui, |ui| {
                for encoding in CsvEncoding::ALL {
                    ui.selectable_value(&mut options.encoding, encoding, encoding.label());
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "UTF-8 with BOM opens right in Excel; Windows-1252 is for old importers \
                 and cannot hold every letter (Ł, ő, Cyrillic ...)",
            );
    });
}

/// Why the chosen encoding cannot write this export, when the preview found such values.
fn encoding_refusal(state: &ExportState) -> Option<String> {
    if state.options.encoding != CsvEncoding::Windows1252 {
        return None;
    }
    let (count, Some(first)) = &state.preview()?.windows_1252 else {
        return None;
    };
    let values = match count {
        1 => "1 value does not fit".to_string(),
        count => format!("{count} values do not fit"),
    };
    let place = match first.row {
        0 => "header".to_string(),
        row => format!("row {row}"),
    };
    Some(format!(
        "Cannot write in Windows-1252: {values} ('{}' in \"{}\", {}, {place}, column {}). \
         Choose UTF-8, or correct the value in its system first.",
        first.character, first.value, first.file, first.column
    ))
}

/// Each file's row count, and the first rows of the file chosen.
fn preview_ui(ui: &mut egui::Ui, state: &mut ExportState) {
    ui.strong("Preview (nothing written yet)");
    let preview = match &state.preview {
        Some((_, Ok(preview))) => preview,
        Some((_, Err(message))) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("No preview: {message}"),
            );
            return;
        }
        None => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Building the preview…");
            });
            return;
        }
    };
    if state.preview_job.is_some() {
        ui.label("Updating the preview…");
    }
    let shown = state
        .shown_file
        .and_then(|name| preview.file(name))
        .or_else(|| preview.files.first());
    let mut chosen = None;
    ui.horizontal_top(|ui| {
        egui::Grid::new("export_preview_files")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for file in &preview.files {
                    let selected = shown.is_some_and(|shown| shown.name == file.name);
                    let response = ui
                        .selectable_label(selected, file.name)
                        .on_hover_text("Show this file's first rows");
                    if response.clicked() && !file.header.is_empty() {
                        chosen = Some(file.name);
                    }
                    ui.label(rows_text(file.total));
                    ui.end_row();
                }
            });
        ui.separator();
        ui.vertical(|ui| {
            if let Some(file) = shown {
                file_rows_ui(ui, file);
            }
        });
    });
    if chosen.is_some() {
        state.shown_file = chosen;
    }
    for note in &preview.notes {
        ui.label(note);
    }
}

/// The header and first rows of one file, scrolling sideways when wide.
fn file_rows_ui(ui: &mut egui::Ui, file: &FilePreview) {
    let more = file.total.saturating_sub(file.rows.len());
    ui.label(match (file.total, more) {
        (0, _) => format!("{}: no rows", file.name),
        (_, 0) => format!("{}: {}", file.name, rows_text(file.total)),
        (_, more) => format!(
            "{}: first {} of {} ({more} more)",
            file.name,
            file.rows.len(),
            file.total
        ),
    });
    egui::ScrollArea::horizontal()
        .id_salt("export_preview_rows")
        .show(ui, |ui| {
            egui::Grid::new(("export_preview_rows", file.name))
                .striped(true)
                .show(ui, |ui| {
                    for name in &file.header {
                        ui.strong(name);
                    }
                    ui.end_row();
                    for row in file.rows.iter().take(PREVIEW_ROWS) {
                        for cell in row {
                            ui.label(cell);
                        }
                        ui.end_row();
                    }
                });
        });
}

/// What the last export wrote.
fn last_export_ui(ui: &mut egui::Ui, state: &ExportState) {
    let Some(summary) = &state.last else {
        return;
    };
    ui.add_space(8.0);
    ui.strong(format!(
        "Written to {} at {}",
        summary.dir.display(),
        crate::app::time::local_time(&summary.exported_at)
    ));
    egui::Grid::new("export_files")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for file in &summary.files {
                ui.label(file.name);
                ui.label(rows_text(file.rows));
                ui.end_row();
            }
        });
    for note in &summary.notes {
        ui.label(note);
    }
}
