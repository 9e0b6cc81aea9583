//! Visible notices: errors that name the file, sheet and row, and short confirmations.

/// How a notice looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something went wrong; it stays until dismissed.
    Error,
    /// Something the user should know (a file dialog that could not open).
    Info,
}

/// One notice under the navigation bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Error or information.
    pub kind: NoticeKind,
    /// The message in plain words.
    pub text: String,
}

impl Notice {
    /// An error notice.
    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
        }
    }

    /// An information notice.
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            kind: NoticeKind::Info,
            text: text.into(),
        }
    }
}

/// Draw the notices; returns the index of the one whose close button was clicked.
pub fn notices_ui(ui: &mut egui::Ui, notices: &[Notice]) -> Option<usize> {
    let mut dismissed = None;
    for (index, notice) in notices.iter().enumerate() {
        let (fill, prefix) = match notice.kind {
            NoticeKind::Error => (ui.visuals().error_fg_color.gamma_multiply(0.25), "Error: "),
            NoticeKind::Info => (ui.visuals().selection.bg_fill.gamma_multiply(0.4), ""),
        };
        egui::Frame::new()
            .fill(fill)
            .inner_margin(6.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    if ui
                        .button("Dismiss")
                        .on_hover_text("Close this notice")
                        .clicked()
                    {
                        dismissed = Some(index);
                    }
                    ui.label(format!("{prefix}{}", notice.text));
                });
            });
    }
    dismissed
}

/// Every error notice the window showed, shared with whoever started it: a scripted run
/// (`--smoke-test`, `--bench-frames`) fails when the window showed an error, e.g. a project that
/// could not be opened.
#[derive(Debug, Clone, Default)]
pub struct ErrorLog(std::sync::Arc<std::sync::Mutex<Vec<String>>>);

impl ErrorLog {
    /// Keep an error's message.
    pub fn record(&self, message: &str) {
        if let Ok(mut messages) = self.0.lock() {
            messages.push(message.to_string());
        }
    }

    /// The errors shown so far, oldest first.
    pub fn messages(&self) -> Vec<String> {
        self.0
            .lock()
            .map(|messages| messages.clone())
            .unwrap_or_default()
    }

    /// `Err` naming the errors when the window showed any: the outcome of a scripted run.
    pub fn outcome(&self) -> Result<(), String> {
        let messages = self.messages();
        match messages.as_slice() {
            [] => Ok(()),
            [only] => Err(format!("the window showed an error: {only}")),
            [first, rest @ ..] => Err(format!(
                "the window showed {} errors, the first: {first}",
                rest.len() + 1
            )),
        }
    }
}
