//! Files from outside the window: the system file dialog (rfd), which may be missing on a bare
//! desktop, and files dropped on the window.

use std::path::PathBuf;
use std::time::Duration;

use super::App;
use super::action::{Action, Screen};
use super::notice::Notice;

impl App {
    /// Ask the system file dialog for a file. Without a desktop portal or zenity the dialog
    /// returns at once with nothing: say so, and point to the typed path and drag and drop.
    pub(super) fn pick_file(&mut self, what: &str) -> Option<PathBuf> {
        self.pick(what, |dialog| dialog.pick_file())
    }

    /// Ask the system file dialog for a folder (see [`Self::pick_file`]).
    pub(super) fn pick_folder(&mut self) -> Option<PathBuf> {
        self.pick("export folder", |dialog| dialog.pick_folder())
    }

    pub(super) fn pick(
        &mut self,
        what: &str,
        show: impl FnOnce(rfd::FileDialog) -> Option<PathBuf>,
    ) -> Option<PathBuf> {
        if !self.options.file_dialogs {
            self.notify(Notice::info(no_dialog_message(what)));
            return None;
        }
        let started = std::time::Instant::now();
        let picked = show(rfd::FileDialog::new().set_title(format!("Choose the {what}")));
        if picked.is_none() && started.elapsed() < Duration::from_millis(300) {
            self.notify(Notice::info(no_dialog_message(what)));
        }
        picked
    }

    pub(super) fn dropped_files(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let dropped: Vec<PathBuf> = ctx.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .collect()
        });
        let mut actions = Vec::new();
        for path in dropped {
            if let Some(action) = self.start.take_dropped_file(&path) {
                actions.push(action);
            } else {
                actions.push(Action::Show(Screen::Start));
            }
        }
        actions
    }
}

fn no_dialog_message(what: &str) -> String {
    format!(
        "No file dialog could be shown for the {what} (this desktop has no file-dialog service: \
         XDG desktop portal or zenity). Type the path in the field, or drop the file on the window."
    )
}
