//! The window's chrome around the screens: the navigation bar, the status bar and the prompt
//! for the reviewer's name.

use super::action::{Action, Command, Screen};
use super::{App, widgets};

impl App {
    pub(super) fn navigation_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.horizontal(|ui| {
            ui.strong("Ledgerlink");
            ui.separator();
            if ui
                .selectable_label(self.screen == Screen::Start, Screen::Start.title())
                .clicked()
            {
                actions.push(Action::Show(Screen::Start));
            }
            for screen in self.available_screens() {
                if ui
                    .selectable_label(self.screen == screen, screen.title())
                    .clicked()
                {
                    actions.push(Action::Show(screen));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some(action) = Command::ToggleHelp.button(ui, true) {
                    actions.push(action);
                }
            });
        });
        actions
    }

    pub(super) fn status_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let reviewer = self.settings.reviewer_name().unwrap_or("no reviewer yet");
            ui.label(format!("Reviewer: {reviewer}"));
            ui.separator();
            let Some(workspace) = &self.workspace else {
                ui.label("No project open");
                return;
            };
            let counts = &workspace.counts;
            ui.label(format!(
                "Reviewed {} of {}",
                counts.reviewed(),
                counts.suggested
            ));
            ui.separator();
            ui.label(format!("Links: {}", counts.links));
            ui.separator();
            ui.label(format!("Actions: {}", counts.actions));
            ui.separator();
            ui.label(format!("Unsure: {}", counts.unsure));
            ui.separator();
            let undo = if counts.can_undo {
                "Undo available"
            } else {
                "Nothing to undo"
            };
            let redo = if counts.can_redo {
                "Redo available"
            } else {
                "Nothing to redo"
            };
            ui.label(undo)
                .on_hover_text(Command::Undo.tooltip(ui.ctx()));
            ui.label(redo)
                .on_hover_text(Command::Redo.tooltip(ui.ctx()));
            if let Some((presence, reachable)) = self.presence_text() {
                ui.separator();
                if reachable {
                    ui.label(presence);
                } else {
                    ui.colored_label(ui.visuals().error_fg_color, presence);
                }
            }
            // The last change and the project's path share what is left of the bar; each is
            // cut short with "…" (whole on hover) rather than drawn over the other.
            let path = workspace.project().location().to_string();
            let path_room = (ui.available_width() * 0.4).min(320.0);
            if let Some(saved) = &self.saved {
                ui.separator();
                let text = format!("Saved: {saved}");
                ui.scope(|ui| {
                    ui.set_max_width((ui.available_width() - path_room - 8.0).max(60.0));
                    ui.add(egui::Label::new(&text).truncate())
                        .on_hover_text(&text);
                });
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.set_max_width(path_room);
                ui.add(egui::Label::new(&path).truncate())
                    .on_hover_text(&path);
            });
        });
    }

    /// Ask once for the reviewer's name; returns it when confirmed.
    /// True while the window asks for the reviewer's name (on every screen but Start, until
    /// a name is known).
    pub(super) fn reviewer_prompt_showing(&self) -> bool {
        self.settings.reviewer_name().is_none() && self.screen != Screen::Start
    }

    pub(super) fn reviewer_prompt_ui(&mut self, ctx: &egui::Context) -> Option<String> {
        if !self.reviewer_prompt_showing() {
            return None;
        }
        let mut confirmed = None;
        egui::Modal::new(egui::Id::unique("reviewer_prompt")).show(ctx, |ui| {
            ui.heading("Who is reviewing?");
            ui.label("Your name is written with every decision, for the audit log.");
            let field =
                widgets::labelled_text_field(ui, "Reviewer name", &mut self.reviewer_draft, 240.0);
            // Read Enter before taking the focus back: the field gives it up on Enter.
            let entered =
                field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
            // Typing goes into the name at once, without a click first.
            if ui.memory(|memory| memory.focused().is_none()) {
                field.request_focus();
            }
            let name = self.reviewer_draft.trim().to_string();
            let save = ui.add_enabled(!name.is_empty(), egui::Button::new("Save name"));
            if (save.clicked() || entered) && !name.is_empty() {
                confirmed = Some(name);
            }
        });
        confirmed
    }
}
