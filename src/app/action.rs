//! Everything the user can ask for, in one enum: screens return `Vec<Action>` while they draw,
//! and the [`crate::app::App`] applies them once the frame is drawn.
//!
//! The commands that have a keyboard shortcut own their label, tooltip and shortcut here, so
//! buttons, tooltips, the help overlay and the keyboard cannot drift apart.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::core::model::Side;

/// The screens of the workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    /// New project, open project, recent projects, demo.
    Start,
    /// Per list: format, sheet, header row, preview, column roles; then "Match".
    Import,
    /// The pair queue with both lists side by side.
    Review,
    /// Duplicate clusters within each list.
    Duplicates,
    /// Records with no link and their creation actions.
    Unmatched,
    /// Write the export files.
    Export,
}

impl Screen {
    /// The screens reachable from the navigation bar once a project is open.
    pub const WORKSHOP: [Screen; 5] = [
        Screen::Import,
        Screen::Review,
        Screen::Duplicates,
        Screen::Unmatched,
        Screen::Export,
    ];

    /// The screen's name in the navigation bar.
    pub fn title(self) -> &'static str {
        match self {
            Screen::Start => "Start",
            Screen::Import => "Import",
            Screen::Review => "Review",
            Screen::Duplicates => "Duplicates",
            Screen::Unmatched => "Unmatched",
            Screen::Export => "Export",
        }
    }
}

/// How the review queue is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum QueueOrder {
    /// Conflicts and mid scores first: what needs a human most.
    #[default]
    ByNeed,
    /// Highest score first.
    ByScore,
}

/// A request from the user, applied after the frame is drawn.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Accept the pair shown in the review screen.
    AcceptCurrent,
    /// Reject the pair shown in the review screen.
    RejectCurrent,
    /// Mark the current pair as unsure and move on.
    UnsureCurrent,
    /// Leave the current pair open and move on.
    SkipCurrent,
    /// Show the next pair of the queue.
    NextPair,
    /// Show the previous pair of the queue.
    PreviousPair,
    /// Undo the last decision (a bulk accept counts as one).
    Undo,
    /// Redo the last undone decision.
    Redo,
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Show or hide the keyboard help.
    ToggleHelp,

    /// Go to a screen.
    Show(Screen),
    /// Ask the file dialog for one of the two lists.
    BrowseList(Side),
    /// Ask the file dialog for a project file to open.
    BrowseProject,
    /// Read both lists named on the start screen and go to the mapping screen.
    LoadLists,
    /// Open a project file.
    OpenProject(PathBuf),
    /// Ask the file dialog for the export folder.
    BrowseExportFolder,
    /// Write the export into a folder.
    Export(PathBuf),
    /// Open a project built from the bundled demo lists.
    OpenDemo,
    /// Throw the demo project's decisions away and build it anew from the bundled lists.
    ResetDemo,
    /// Read a list again from another sheet of its workbook.
    ChooseSheet { side: Side, sheet: String },
    /// Give a column (0-based) of a list a role, or none.
    SetRole {
        side: Side,
        column: usize,
        role: Option<crate::core::model::Role>,
    },
    /// Run matching on a background thread.
    StartMatching,
    /// Stop the running background work.
    CancelJob,
    /// Open the pair at this position of the queue.
    SelectPair(usize),
    /// Accept a pair (by rows).
    Accept { crm_row: usize, erp_row: usize },
    /// Reject a pair (by rows).
    Reject { crm_row: usize, erp_row: usize },
    /// Link two records by hand.
    Link { crm_row: usize, erp_row: usize },
    /// Accept every open suggestion at or above the threshold, as one undoable step.
    BulkAccept { threshold: f64 },
    /// Mark the records of one list as duplicates of `master`.
    MarkDuplicates {
        side: Side,
        master: usize,
        rows: Vec<usize>,
    },
    /// Mark the records of a suggested cluster as distinct customers.
    MarkNotDuplicates { side: Side, rows: Vec<usize> },
    /// Decide what happens to records with no link.
    SetCreation {
        side: Side,
        rows: Vec<usize>,
        creation: crate::core::project::CreationAction,
    },
    /// Keep the reviewer's name in the settings.
    SetReviewer(String),
    /// Close a notice.
    DismissNotice(usize),
}

impl Action {
    /// The commands with a keyboard shortcut, in the order the keyboard is checked: more
    /// specific shortcuts (Ctrl+Shift+Z) before the ones they contain (Ctrl+Z).
    pub const KEYBOARD: [Action; 12] = [
        Action::Redo,
        Action::Undo,
        Action::FocusSearch,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ToggleHelp,
        Action::AcceptCurrent,
        Action::RejectCurrent,
        Action::UnsureCurrent,
        Action::SkipCurrent,
        Action::NextPair,
        Action::PreviousPair,
    ];

    /// The keyboard shortcuts of a command; the first one is the one shown on buttons.
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        match self {
            Action::AcceptCurrent => const { &[key(Key::Y), key(Key::Enter)] },
            Action::RejectCurrent => const { &[key(Key::N)] },
            Action::UnsureCurrent => const { &[key(Key::U)] },
            Action::SkipCurrent => const { &[key(Key::S)] },
            Action::NextPair => const { &[key(Key::J), key(Key::ArrowDown), key(Key::ArrowRight)] },
            Action::PreviousPair => {
                const { &[key(Key::K), key(Key::ArrowUp), key(Key::ArrowLeft)] }
            }
            Action::Undo => const { &[ctrl(Key::Z)] },
            Action::Redo => const { &[ctrl_shift(Key::Z), ctrl(Key::Y)] },
            Action::FocusSearch => const { &[ctrl(Key::F)] },
            Action::ZoomIn => const { &[ctrl(Key::Plus), ctrl(Key::Equals)] },
            Action::ZoomOut => const { &[ctrl(Key::Minus)] },
            Action::ToggleHelp => const { &[key(Key::F1), key(Key::Questionmark)] },
            _ => &[],
        }
    }

    /// True for commands that act on the review queue (they only work on the review screen).
    pub fn is_review_command(&self) -> bool {
        matches!(
            self,
            Action::AcceptCurrent
                | Action::RejectCurrent
                | Action::UnsureCurrent
                | Action::SkipCurrent
                | Action::NextPair
                | Action::PreviousPair
        )
    }

    /// The text on the command's button or menu entry.
    pub fn label(&self) -> &'static str {
        match self {
            Action::AcceptCurrent => "Accept",
            Action::RejectCurrent => "Reject",
            Action::UnsureCurrent => "Unsure",
            Action::SkipCurrent => "Skip",
            Action::NextPair => "Next",
            Action::PreviousPair => "Previous",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::FocusSearch => "Search",
            Action::ZoomIn => "Zoom in",
            Action::ZoomOut => "Zoom out",
            Action::ToggleHelp => "Keyboard help",
            _ => "",
        }
    }

    /// What the command does, for its tooltip and the help overlay.
    pub fn description(&self) -> &'static str {
        match self {
            Action::AcceptCurrent => "Accept the pair shown: the two records are the same customer",
            Action::RejectCurrent => "Reject the pair shown: they are different customers",
            Action::UnsureCurrent => "Mark the pair as unsure and move on; it stays open",
            Action::SkipCurrent => "Leave the pair open and move on",
            Action::NextPair => "Show the next pair of the queue",
            Action::PreviousPair => "Show the previous pair of the queue",
            Action::Undo => "Undo the last decision (a bulk accept is one step)",
            Action::Redo => "Redo the last undone decision",
            Action::FocusSearch => "Search the lists",
            Action::ZoomIn => "Make everything larger",
            Action::ZoomOut => "Make everything smaller",
            Action::ToggleHelp => "Show or hide this list of keys",
            _ => "",
        }
    }

    /// The shortcuts as text (`Y / Enter`), formatted for this platform.
    pub fn shortcut_text(&self, ctx: &egui::Context) -> String {
        let names: Vec<String> = self
            .shortcuts()
            .iter()
            .map(|shortcut| ctx.format_shortcut(shortcut))
            .collect();
        names.join(" / ")
    }

    /// The tooltip of the command's button: what it does and its keys.
    pub fn tooltip(&self, ctx: &egui::Context) -> String {
        let keys = self.shortcut_text(ctx);
        if keys.is_empty() {
            self.description().to_string()
        } else {
            format!("{} ({keys})", self.description())
        }
    }

    /// A button for the command, with its tooltip; returns the action when clicked.
    pub fn button(self, ui: &mut egui::Ui, enabled: bool) -> Option<Action> {
        let tooltip = self.tooltip(ui.ctx());
        let response = ui
            .add_enabled(enabled, egui::Button::new(self.label()))
            .on_hover_text(tooltip);
        response.clicked().then_some(self)
    }
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

/// The commands whose shortcut was pressed this frame. Keys without a modifier (Y, N, J ...)
/// are left to a text field that has the keyboard focus.
pub fn pressed_commands(ctx: &egui::Context) -> Vec<Action> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut pressed = Vec::new();
    for action in Action::KEYBOARD {
        let hit = action.shortcuts().iter().any(|shortcut| {
            if typing && shortcut.conflicts_with_text_editing() {
                return false;
            }
            ctx.input_mut(|input| input.consume_shortcut(shortcut))
        });
        if hit {
            pressed.push(action);
        }
    }
    pressed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyboard_command_has_a_label_a_description_and_a_key() {
        for action in Action::KEYBOARD {
            assert!(!action.label().is_empty(), "{action:?}");
            assert!(!action.description().is_empty(), "{action:?}");
            assert!(!action.shortcuts().is_empty(), "{action:?}");
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = Vec::new();
        for action in Action::KEYBOARD {
            for shortcut in action.shortcuts() {
                assert!(!seen.contains(shortcut), "{shortcut:?} used twice");
                seen.push(*shortcut);
            }
        }
    }

    #[test]
    fn redo_is_checked_before_undo() {
        let position = |wanted: &Action| Action::KEYBOARD.iter().position(|a| a == wanted);
        assert!(position(&Action::Redo) < position(&Action::Undo));
    }
}
