//! Everything the user can ask for: screens return `Vec<Action>` while they draw, and the
//! [`crate::app::App`] applies them once the frame is drawn.
//!
//! The requests without data are [`Command`]s (in their own module: they own their label,
//! tooltip and shortcuts); an [`Action`] is a command or a request with data.

use std::path::PathBuf;

pub use super::command::Command;
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
    /// Who reviews what, and how far each reviewer is.
    Reviewers,
    /// Write the export files.
    Export,
}

impl Screen {
    /// The screens reachable from the navigation bar once a project is open.
    pub const WORKSHOP: [Screen; 6] = [
        Screen::Import,
        Screen::Review,
        Screen::Duplicates,
        Screen::Unmatched,
        Screen::Reviewers,
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
            Screen::Reviewers => "Reviewers",
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
    /// Lowest score first: the doubtful ones.
    LowestScore,
    /// By the CRM account's owner, so each sales manager takes their accounts in one go.
    ByOwner,
}

impl QueueOrder {
    /// Every order, as the queue's drop-down lists them.
    pub const ALL: [QueueOrder; 4] = [
        QueueOrder::ByNeed,
        QueueOrder::ByScore,
        QueueOrder::LowestScore,
        QueueOrder::ByOwner,
    ];
}

/// A request from the user, applied after the frame is drawn: a [`Command`] (no data, from a
/// button or the keyboard) or a request that carries its data.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A command from a button or the keyboard.
    Command(Command),
    /// Go to a screen.
    Show(Screen),
    /// Ask the file dialog for one of the two lists.
    BrowseList(Side),
    /// Ask the file dialog for a project file to open.
    BrowseProject,
    /// Read both lists named on the start screen and go to the mapping screen.
    LoadLists,
    /// Split open pairs and clusters among reviewers.
    Assign(crate::core::project::AssignRule),
    /// Open a project (a file, or a project on a PostgreSQL server).
    OpenProject(crate::core::project::Location),
    /// Ask the file dialog for the export folder.
    BrowseExportFolder,
    /// Write the export into a folder, with these CSV options.
    Export(PathBuf, crate::core::export::ExportOptions),
    /// Build the Export screen's preview for the data as they are now (in the background).
    PreviewExport,
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
    /// Remember, for the open project, the imported columns (by header) a list shows.
    ChooseColumns { side: Side, headers: Vec<String> },
    /// Keep the reviewer's name in the settings.
    SetReviewer(String),
    /// Close a notice.
    DismissNotice(usize),
}

impl From<Command> for Action {
    fn from(command: Command) -> Action {
        Action::Command(command)
    }
}
