//! What can go wrong while exporting: an output directory that cannot be used, a file that
//! cannot be written or replaced, a workbook the writer refuses, a project that cannot be read.
//! Every message names the path.

use std::io::ErrorKind;
use std::path::PathBuf;

use crate::core::project::ProjectError;

/// An export failure. [`ExportError::is_bad_input`] tells the command line which ones the user
/// fixes by choosing another `--out` (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output directory cannot be used (missing parent, a file of that name, not
    /// writable).
    #[error("{}: {problem}", dir.display())]
    OutDir {
        /// The directory given.
        dir: PathBuf,
        /// What is wrong, in plain words.
        problem: String,
    },
    /// Writing, syncing or renaming a file failed.
    #[error("{}: cannot {action}: {source}{hint}", path.display(), hint = io_hint(action, source.kind()))]
    Io {
        /// The file (or directory) concerned.
        path: PathBuf,
        /// What Ledgerlink was doing, in plain words.
        action: &'static str,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// The workbook writer refused the content.
    #[error("{}: cannot write the workbook: {source}", path.display())]
    Workbook {
        /// The workbook file.
        path: PathBuf,
        /// The writer's error.
        #[source]
        source: rust_xlsxwriter::XlsxError,
    },
    /// A cell holds a character the chosen encoding (Windows-1252) cannot hold.
    #[error("{0}")]
    Unencodable(super::csv::Unencodable),
    /// The project could not be read.
    #[error(transparent)]
    Project(#[from] ProjectError),
}

/// A hint for the errors users meet most: a file open in another program, a read-only place.
fn io_hint(action: &str, kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::PermissionDenied if action.starts_with("replace") => {
            " (is the file open in another program, or the directory read-only?)"
        }
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            " (choose a directory you may write to)"
        }
        ErrorKind::StorageFull => " (the disk is full)",
        _ => "",
    }
}

impl ExportError {
    /// True when the user can fix it by choosing another output directory or closing the file
    /// in another program (exit code 2); false for failures of the machine (exit code 1).
    pub fn is_bad_input(&self) -> bool {
        match self {
            ExportError::OutDir { .. } => true,
            ExportError::Io { source, .. } => matches!(
                source.kind(),
                ErrorKind::PermissionDenied
                    | ErrorKind::ReadOnlyFilesystem
                    | ErrorKind::NotFound
                    | ErrorKind::NotADirectory
                    | ErrorKind::IsADirectory
            ),
            ExportError::Unencodable(_) => true,
            ExportError::Workbook { .. } => false,
            ExportError::Project(error) => error.is_bad_input(),
        }
    }

    /// An I/O error with its path and action.
    pub(crate) fn io(
        path: impl Into<PathBuf>,
        action: &'static str,
        source: std::io::Error,
    ) -> Self {
        ExportError::Io {
            path: path.into(),
            action,
            source,
        }
    }
}
