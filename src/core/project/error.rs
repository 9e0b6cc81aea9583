//! The errors of the project file: SQLite and file errors with the file name, files that are not
//! (or no longer) readable projects, and decisions the workshop rules refuse.

use std::path::{Path, PathBuf};

use crate::core::model::Side;

/// Anything that can go wrong with a project file. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// SQLite failed while doing `action` (the project is busy, the disk is full ...).
    #[error("{}: {action}: {source}", file.display())]
    Sqlite {
        /// The project file.
        file: PathBuf,
        /// What Ledgerlink was doing, in plain words.
        action: &'static str,
        /// The SQLite error.
        #[source]
        source: rusqlite::Error,
    },
    /// The file system failed (the file is missing, not readable ...).
    #[error("{}: cannot {action}: {source}", file.display())]
    Io {
        /// The project file.
        file: PathBuf,
        /// What Ledgerlink was doing, in plain words.
        action: &'static str,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a Ledgerlink project at all.
    #[error("{} is not a Ledgerlink project: {detail}; it was left untouched", file.display())]
    NotAProject {
        /// The file.
        file: PathBuf,
        /// What it is instead.
        detail: String,
    },
    /// The file is a project but damaged (truncated, overwritten, corrupt).
    #[error(
        "{} is damaged ({detail}); it was left untouched: restore it from a backup",
        file.display()
    )]
    Corrupt {
        /// The project file.
        file: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// The file was written by a newer Ledgerlink.
    #[error(
        "{} was written by a newer Ledgerlink (project format {found}; this version reads up to \
         format {supported}); it was left untouched: update Ledgerlink to open it",
        file.display()
    )]
    NewerVersion {
        /// The project file.
        file: PathBuf,
        /// The file's format version.
        found: i64,
        /// The newest format this build reads.
        supported: i64,
    },
    /// The file or its folder cannot be written (read-only file, folder, share or medium), so no
    /// decision could be kept.
    #[error(
        "{} cannot be written ({detail}); nothing was changed. To decide, copy the project to a \
         folder you can write to, or ask for write access",
        file.display()
    )]
    ReadOnly {
        /// The project file.
        file: PathBuf,
        /// What is read-only.
        detail: String,
    },
    /// `new` would overwrite an existing file.
    #[error("{} already exists; choose another name or remove it first", file.display())]
    AlreadyExists {
        /// The file.
        file: PathBuf,
    },
    /// The data stored in (or given to) the project is inconsistent.
    #[error("{}: {detail}", file.display())]
    Invalid {
        /// The project file.
        file: PathBuf,
        /// What is inconsistent.
        detail: String,
    },
    /// A project on a server that is not there, or that this database user may not use, or a
    /// server that refused the user (password, database): something to change, not to retry.
    #[error("{}: {detail}", file.display())]
    Unavailable {
        /// The project (its URL, without password).
        file: PathBuf,
        /// What is wrong and what to do.
        detail: String,
    },
    /// The location is not one Ledgerlink can use (a malformed server URL).
    #[error("{detail}")]
    BadLocation {
        /// What is wrong with it.
        detail: String,
    },
    /// The PostgreSQL server failed, or could not be reached, while doing `action`.
    #[error("{}: {action}: {detail}", file.display())]
    Postgres {
        /// The project (its URL, without password).
        file: PathBuf,
        /// What Ledgerlink was doing, in plain words.
        action: &'static str,
        /// The server's message (never a password).
        detail: String,
        /// True when the connection was lost or could not be made (the window retries).
        connection_lost: bool,
    },
    /// A decision, undo or redo the workshop rules refuse.
    #[error("{}: {refusal}", file.display())]
    Refused {
        /// The project file.
        file: PathBuf,
        /// Why it was refused.
        refusal: Box<Refusal>,
    },
}

impl ProjectError {
    /// True when the user can fix it by giving other input (another file, another decision):
    /// the command line exits with code 2 for these.
    pub fn is_bad_input(&self) -> bool {
        match self {
            ProjectError::NotAProject { .. }
            | ProjectError::Corrupt { .. }
            | ProjectError::NewerVersion { .. }
            | ProjectError::ReadOnly { .. }
            | ProjectError::AlreadyExists { .. }
            | ProjectError::Invalid { .. }
            | ProjectError::BadLocation { .. }
            | ProjectError::Unavailable { .. }
            | ProjectError::Refused { .. } => true,
            ProjectError::Io { source, .. } => matches!(
                source.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::IsADirectory
            ),
            ProjectError::Sqlite { .. } | ProjectError::Postgres { .. } => false,
        }
    }

    /// True when a project on a server could not be reached (the connection was lost): trying
    /// again later may succeed, and nothing was recorded.
    pub fn is_connection_lost(&self) -> bool {
        matches!(
            self,
            ProjectError::Postgres {
                connection_lost: true,
                ..
            }
        )
    }

    /// The refusal, when this error is one.
    pub fn refusal(&self) -> Option<&Refusal> {
        match self {
            ProjectError::Refused { refusal, .. } => Some(refusal.as_ref()),
            _ => None,
        }
    }

    /// A SQLite error with context; damage reported by SQLite becomes [`ProjectError::Corrupt`].
    pub(crate) fn sqlite(file: &Path, action: &'static str, source: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match source.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt) => ProjectError::Corrupt {
                file: file.to_path_buf(),
                detail: format!("{action}: {source}"),
            },
            Some(ErrorCode::NotADatabase) => ProjectError::NotAProject {
                file: file.to_path_buf(),
                detail: source.to_string(),
            },
            Some(ErrorCode::ReadOnly) => ProjectError::ReadOnly {
                file: file.to_path_buf(),
                detail: format!("{action}: {source}"),
            },
            _ => ProjectError::Sqlite {
                file: file.to_path_buf(),
                action,
                source,
            },
        }
    }

    /// Stored data that does not make sense.
    pub(crate) fn invalid(file: &Path, detail: impl Into<String>) -> Self {
        ProjectError::Invalid {
            file: file.to_path_buf(),
            detail: detail.into(),
        }
    }
}

/// A record named in a decision, for messages: `CRM A-17`, `ERP 1001`.
fn record_name(side: Side, id: &str) -> String {
    format!("{} {id}", side.as_str().to_ascii_uppercase())
}

/// Why a decision (or an undo or redo) was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    /// No record of that list has this id.
    #[error("{} is not in the {side} list", record_name(*side, id))]
    UnknownRecord {
        /// The list searched.
        side: Side,
        /// The id given.
        id: String,
    },
    /// The pair would give a record a second link: one ERP customer belongs to one CRM account
    /// (and the reverse) unless the accounts are marked duplicates of each other.
    #[error(
        "{} is already linked to {} ({} by {by} at {at}); reject that link first, or mark {} and \
         {} as duplicates",
        record_name(*side, id),
        record_name(side.other(), linked_to),
        kind,
        record_name(side.other(), linked_to),
        record_name(side.other(), wanted)
    )]
    ConflictingLink {
        /// The list of the record that would get a second link.
        side: Side,
        /// That record's id.
        id: String,
        /// The record of the other list it is linked to now.
        linked_to: String,
        /// The record of the other list the refused decision wanted to link.
        wanted: String,
        /// `accept` or `link`: how the existing link was made.
        kind: String,
        /// Who made the existing link.
        by: String,
        /// When (UTC).
        at: String,
    },
    /// The pair is already linked, and neither record changed since: nothing to confirm (two
    /// reviewers accepting one pair; the first one's decision stands).
    #[error(
        "CRM {crm} and ERP {erp} are already linked ({kind} by {by} at {at}); nothing was changed"
    )]
    AlreadyDecided {
        /// The CRM id.
        crm: String,
        /// The ERP id.
        erp: String,
        /// `accept` or `link`.
        kind: String,
        /// Who linked them.
        by: String,
        /// When (UTC).
        at: String,
    },
    /// `accept` names a pair that matching did not suggest.
    #[error(
        "CRM {crm} and ERP {erp} were not suggested as a pair; link them by hand (--link) if they \
         belong together"
    )]
    NotSuggested {
        /// The CRM id.
        crm: String,
        /// The ERP id.
        erp: String,
    },
    /// The creation policy does not allow the action.
    #[error("the project's creation policy ({policy}) does not allow {action} for {}", record_name(*side, id))]
    PolicyForbids {
        /// `create_in_erp` or `create_in_crm`.
        action: String,
        /// The policy in plain words.
        policy: String,
        /// The record's list.
        side: Side,
        /// The record's id.
        id: String,
    },
    /// A creation action for a record that is linked.
    #[error(
        "{} is linked to {}; it needs no creation action (reject the link first)",
        record_name(*side, id),
        record_name(side.other(), linked_to)
    )]
    AlreadyLinked {
        /// The record's list.
        side: Side,
        /// The record's id.
        id: String,
        /// Its partner in the other list.
        linked_to: String,
    },
    /// `create_in_erp` for an ERP record or `create_in_crm` for a CRM record.
    #[error("{action} applies to {expected} records, not to {}", record_name(*side, id))]
    WrongSide {
        /// The action.
        action: String,
        /// The list it applies to.
        expected: Side,
        /// The list given.
        side: Side,
        /// The id given.
        id: String,
    },
    /// Duplicate marks need two different records of one list.
    #[error("duplicates are two different records of one list, not {} and {}", record_name(*first_side, first), record_name(*second_side, second))]
    NotOnePair {
        /// The first record's list.
        first_side: Side,
        /// The first record's id.
        first: String,
        /// The second record's list.
        second_side: Side,
        /// The second record's id.
        second: String,
    },
    /// Marking two accounts as not duplicates while both are linked to one record.
    #[error(
        "{} and {} are both linked to {}; reject one of those links before marking them as not \
         duplicates",
        record_name(*side, first),
        record_name(*side, second),
        record_name(side.other(), partner)
    )]
    SharedLink {
        /// The list of the two records.
        side: Side,
        /// The first record.
        first: String,
        /// The second record.
        second: String,
        /// The record of the other list both are linked to.
        partner: String,
    },
    /// Undo when the reviewer has no decision in effect.
    #[error("there is no decision by {by} to undo")]
    NothingToUndo {
        /// The reviewer.
        by: String,
    },
    /// Redo when the reviewer has no undone decision left.
    #[error("there is no undone decision by {by} to redo")]
    NothingToRedo {
        /// The reviewer.
        by: String,
    },
    /// Undo (or redo) of a decision while someone else decided the same pair, record or
    /// duplicate pair after it: their decision has to be undone first. Nothing was changed.
    #[error(
        "cannot {action} the {kind} of {subject} by {by} at {at}: {later_by} decided it later \
         ({later_kind} at {later_at}); {later_by} has to undo that first. Nothing was changed"
    )]
    DecidedLater {
        /// `undo` or `redo`.
        action: String,
        /// What the decision is about: `CRM C1 and ERP 1001`, `CRM C1`.
        subject: String,
        /// The decision's kind (`accept` ...).
        kind: String,
        /// Who took it.
        by: String,
        /// When (UTC).
        at: String,
        /// Who decided the same subject later.
        later_by: String,
        /// What they decided.
        later_kind: String,
        /// When (UTC).
        later_at: String,
    },
    /// Undo or redo that would leave a record linked to two records of the other list that are
    /// not marked duplicates (someone else linked or unmarked meanwhile). Nothing was changed.
    #[error(
        "cannot {action} it: {} would be linked to both {} and {}, which are not marked \
         duplicates; reject one of those links first. Nothing was changed",
        record_name(*side, id),
        record_name(side.other(), first),
        record_name(side.other(), second)
    )]
    LeavesDoubleLink {
        /// `undo` or `redo`.
        action: String,
        /// The list of the record that would be linked twice.
        side: Side,
        /// Its id.
        id: String,
        /// One partner.
        first: String,
        /// The other partner.
        second: String,
    },
}

impl Refusal {
    /// What `entry` is about, for messages: `CRM C1 and ERP 1001`, `CRM C1`.
    pub(crate) fn subject_of(entry: &super::DecisionEntry) -> String {
        let first = record_name(entry.first.side, &entry.first.key);
        match &entry.second {
            Some(second) => format!("{first} and {}", record_name(second.side, &second.key)),
            None => first,
        }
    }
}
