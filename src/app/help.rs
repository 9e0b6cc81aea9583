//! The keyboard help overlay (F1 or ?), built from the shortcuts of the [`Command`]s.

use crate::app::command::Command;

/// Draw the help window while `open`; the window's close button clears `open`.
pub fn help_ui(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard help")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::Grid::new("keyboard_help_grid")
                .num_columns(3)
                .striped(true)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    for command in Command::ALL {
                        ui.strong(command.label());
                        ui.monospace(command.shortcut_text(ui.ctx()));
                        ui.label(command.description());
                        ui.end_row();
                    }
                });
            ui.add_space(6.0);
            ui.label(
                "Single keys work while no text field has the keyboard focus; Esc leaves a field.",
            );
        });
}
