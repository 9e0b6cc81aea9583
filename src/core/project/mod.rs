//! The project file: one SQLite file (`*.ledgerlink`) holding a reconciliation workshop.
//!
//! It keeps both imported lists exactly as read (so it opens without the source files), the
//! column mapping, what matching suggested with its explanations, and an append-only log of
//! every decision: who, when (UTC), what, the score at the time, a note, a content hash of
//! both records, and its batch. Undo and redo move a reviewer's batches over that log and
//! survive a restart. Every decision is committed (`synchronous = FULL`) before
//! [`Project::decide`] returns, and several programs may decide on one project at once, also
//! from several computers on a shared folder (see the note below): writes are serialised
//! (busy timeout) and each one first catches up with what the others wrote, so the rules are
//! always checked against the file, not against a stale copy.
//!
//! The command line (`new`, `status`, `decide`, `undo`, `redo`, `reimport`), the export and the
//! GUI all go through [`Project`]:
//!
//! | what | API |
//! |---|---|
//! | make, open | [`Project::create`] (imports done, runs matching), [`Project::create_with_suggestions`], [`Project::open`], [`Project::refresh`] (catch up with other programs) |
//! | the lists | [`Project::list`], [`Project::dataset`], [`Project::record`] by key, [`RecordView`] |
//! | suggestions | [`Project::suggestions`] (pairs, alternatives, duplicate clusters, xref checks), [`Project::suggestion_views`] (with decision state), [`Project::suggestion_view`], [`Project::open_queue`], [`Project::is_unsure`] |
//! | decide | [`Project::decide`], [`Project::decide_batch`] (all or nothing, one batch), [`Project::decide_in_batch`] with a [`Decision`]; refusals are [`ProjectError::Refused`] with a [`Refusal`] |
//! | history (per reviewer, by batch) | [`Project::last_seq`], [`Project::undo`], [`Project::redo`], [`Project::can_undo_by`], [`Project::can_redo_by`], [`Project::next_undo`], [`Project::next_redo`], [`Project::can_undo`], [`Project::can_redo`], [`Project::audit_log`] |
//! | results | [`Project::links`], [`Project::decisions`], [`Project::pair_decision`], [`Project::partners`], [`Project::duplicate_marks`], [`Project::not_duplicate_marks`], [`Project::unlinked_records`] (creation actions, decided or default), [`Project::unlinked_record`], [`Project::stale_decisions`], [`Project::missing_records`] |
//! | counts, policy | [`Project::status`] (`status --json`), [`Project::policy`] |
//! | next month | [`Project::reimport`], [`Project::reimport_with`], [`Project::labels`] |
//!
//! ```
//! use ledgerlink::core::import::import_bytes;
//! use ledgerlink::core::project::{Decision, NewProject, Project, Refusal};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let crm = import_bytes("crm.csv", "Id;Name;City\nA-17;Müller GmbH;Köln\nA-18;Müller GmbH Köln;Köln\n".as_bytes(), None, &[])?;
//! let erp = import_bytes("erp.csv", "Nr;Name;Ort\n1001;Mueller GmbH;Koeln\n".as_bytes(), None, &[])?;
//! let dir = tempfile::tempdir()?;
//! let file = dir.path().join("workshop.ledgerlink");
//! let setup = NewProject {
//!     crm, erp, crm_mapping: vec![], erp_mapping: vec![],
//!     policy: "crm_to_erp".parse()?, by: "anna".into(),
//! };
//! let mut project = Project::create(&file, setup)?;
//! project.decide(&Decision::Link { crm: "A-17".into(), erp: "1001".into() }, "anna", Some("same VAT"))?;
//! // One ERP customer, one CRM account: a second link is refused, naming the first.
//! let second = Decision::Link { crm: "A-18".into(), erp: "1001".into() };
//! let error = project.decide(&second, "bert", None).unwrap_err();
//! assert!(matches!(error.refusal(), Some(Refusal::ConflictingLink { .. })));
//! assert!(error.to_string().contains("ERP 1001 is already linked to CRM A-17"));
//! project.undo("anna")?;
//! assert_eq!(project.status().accepted, 0);
//! assert!(Project::open(&file)?.can_redo(), "undo survives reopening");
//! # Ok(()) }
//! ```
//!
//! Records are named by their list and key (their id; see [`lists`] for repeated and empty
//! ids), so decisions survive a re-import of newer exports ([`Project::reimport`]). A file that
//! is not a project, is damaged, or comes from a newer Ledgerlink is refused with a clear error
//! and never modified. The file layout is in `schema.rs`.
//!
//! Note: write-ahead logging needs shared memory between the programs that open a project, so
//! it only serves programs on one computer (the GUI and the command line). A project on a
//! network share (or when the program says so, see [`filesystem`]) uses SQLite's rollback
//! journal instead, which relies only on file locks: two computers deciding on one file lose
//! nothing (`tests/project_shared.rs`, `tests/project_reliability.rs`).

mod access;
mod actions;
mod active;
mod assign_rules;
mod assignments;
mod backend;
mod clock;
mod copy;
mod decisions;
mod error;
pub mod filesystem;
mod hash;
mod history;
mod hold;
mod list_rows;
pub mod lists;
mod loading;
mod location;
mod log;
mod matcher;
pub mod pg;
mod policy;
mod reimport;
mod rules;
mod schema;
mod sqlite_backend;
mod sqlite_log;
mod state;
mod status;
mod store;
mod suggestion_store;
mod suggestions;
mod views;
mod worklist;

use std::path::{Path, PathBuf};

use crate::core::matching::MatchObserver;
use crate::core::model::{Dataset, Side};

pub use actions::{ActionCounts, ActionState, UnlinkedRecord};
pub use assignments::{AssignReport, AssignRule, Assignments, ReviewerProgress, Subject};
pub use clock::utc_now;
pub use copy::CopyReport;
pub use decisions::{Decision, DecisionEntry, DecisionKind, RecordRef, login_name};
pub use error::{ProjectError, Refusal};
pub use hash::ContentHash;
pub use lists::{RecordList, RecordView};
pub use location::Location;
pub use log::AuditRow;
pub use matcher::{Labels, run_matching};
pub use policy::{
    AccountType, CreationAction, DefaultAction, Flow, NumberSource, Policy, default_action,
};
pub use reimport::{MissingRecord, ReimportReport};
pub use schema::SCHEMA_VERSION;
pub use status::Status;
pub use suggestions::{Cluster, Suggestion, SuggestionSet, Suggestions, Xref};
pub use views::{PairStatus, StaleDecision, Staleness, SuggestionView};
pub use worklist::{HeldCounts, Hold, Worklist, WorklistCounts};

use assignments::Assignments as AssignmentTable;
use backend::{Backend, Tx};
use loading::{catch_up, load};
use rules::Rules;
use sqlite_backend::{SqliteBackend, SqliteTx};
use state::DecisionState;

/// The usual file extension of a project.
pub const EXTENSION: &str = "ledgerlink";

/// What `new` needs besides the suggestions: the two lists as imported, how their columns were
/// mapped, the creation policy, and who makes the project.
#[derive(Debug, Clone)]
pub struct NewProject {
    /// The CRM list as imported.
    pub crm: Dataset,
    /// The ERP list as imported.
    pub erp: Dataset,
    /// The CRM column overrides given (`role=column`), reused at re-import.
    pub crm_mapping: Vec<String>,
    /// The ERP column overrides given.
    pub erp_mapping: Vec<String>,
    /// The creation policy.
    pub policy: Policy,
    /// Who makes the project.
    pub by: String,
}

/// Everything held in memory, caught up with the log up to `last_seq`.
#[derive(Debug, Clone)]
struct Loaded {
    crm: RecordList,
    erp: RecordList,
    suggestions: Suggestions,
    state: DecisionState,
    policy: Policy,
    assignments: AssignmentTable,
    last_seq: i64,
}

impl Loaded {
    fn list(&self, side: Side) -> &RecordList {
        match side {
            Side::Crm => &self.crm,
            Side::Erp => &self.erp,
        }
    }

    fn worklist_inputs(&self) -> worklist::Inputs<'_> {
        worklist::Inputs {
            crm: &self.crm,
            erp: &self.erp,
            suggestions: &self.suggestions,
            state: &self.state,
            policy: &self.policy,
        }
    }

    fn rules(&self) -> Rules<'_> {
        Rules {
            crm: &self.crm,
            erp: &self.erp,
            suggestions: &self.suggestions,
            state: &self.state,
            policy: &self.policy,
        }
    }
}

/// An open project: a file, or a project on a server. See the [module documentation](self).
#[derive(Debug)]
pub struct Project {
    location: Location,
    /// How errors name the project: the file, or the URL without its password.
    name: PathBuf,
    backend: Box<dyn Backend>,
    loaded: Loaded,
}

/// Make a new project at `location` (which must not exist) and fill it with `fill`, in one
/// transaction: a failure leaves nothing behind.
fn create_at(location: &Location, fill: backend::Work<'_>) -> Result<(), ProjectError> {
    match location {
        Location::File(file) => store::create(file, |transaction| {
            fill(&mut SqliteTx {
                connection: transaction,
                file,
            })
        }),
        Location::Postgres(server) => pg::create(server, fill),
    }
}

impl Project {
    /// Open an existing project: a file, or a project on a server ([`Location`]). A file that
    /// is not a project, is damaged, or comes from a newer Ledgerlink gives an error and is not
    /// modified; an older format is updated.
    pub fn open(location: impl Into<Location>) -> Result<Project, ProjectError> {
        let location = location.into();
        let backend: Box<dyn Backend> = match &location {
            Location::File(file) => Box::new(SqliteBackend::new(file, store::open(file)?)),
            Location::Postgres(server) => Box::new(pg::PgBackend::open(server)?),
        };
        Project::load_from(location, backend)
    }

    /// Open a project file to read it when it cannot be written (a read-only copy or share):
    /// for status and export. Every decision on it is refused with [`ProjectError::ReadOnly`].
    pub fn open_read_only(file: &Path) -> Result<Project, ProjectError> {
        let backend = SqliteBackend::new(file, access::open_read_only(file)?);
        Project::load_from(Location::File(file.to_path_buf()), Box::new(backend))
    }

    /// [`Project::open`], or [`Project::open_read_only`] when the file cannot be written.
    pub fn open_for_reading(location: impl Into<Location>) -> Result<Project, ProjectError> {
        let location = location.into();
        match (Project::open(&location), &location) {
            (Err(ProjectError::ReadOnly { .. }), Location::File(file)) => {
                Project::open_read_only(file)
            }
            (other, _) => other,
        }
    }

    fn load_from(location: Location, backend: Box<dyn Backend>) -> Result<Project, ProjectError> {
        let name = location.name();
        let mut loaded = None;
        backend.read(&mut |tx| {
            loaded = Some(load(tx, &name)?);
            Ok(())
        })?;
        let loaded =
            loaded.ok_or_else(|| ProjectError::invalid(&name, "the project could not be read"))?;
        Ok(Project {
            location,
            name,
            backend,
            loaded,
        })
    }

    /// Create a project at `file` (which must not exist yet) from two imported lists: runs
    /// matching and the duplicate search ([`run_matching`]) and stores their suggestions.
    pub fn create(
        location: impl Into<Location>,
        setup: NewProject,
    ) -> Result<Project, ProjectError> {
        let suggestions = run_matching(&setup.crm, &setup.erp, &Labels::default());
        Project::create_with_suggestions(location, setup, &suggestions)
    }

    /// [`Project::create`] that reports matching's steps to `observer` (a progress bar) and
    /// returns `Ok(None)`, writing nothing, when the observer cancels.
    pub fn create_observed(
        location: impl Into<Location>,
        setup: NewProject,
        observer: &dyn MatchObserver,
    ) -> Result<Option<Project>, ProjectError> {
        let labels = Labels::default();
        match matcher::run_matching_observed(&setup.crm, &setup.erp, &labels, observer) {
            Some(suggestions) => {
                Project::create_with_suggestions(location, setup, &suggestions).map(Some)
            }
            None => Ok(None),
        }
    }

    /// True when `path` names a project file: the `.ledgerlink` extension, or a file that
    /// starts like an SQLite database (a project saved under another name).
    pub fn looks_like_project(path: &Path) -> bool {
        let named = path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case(EXTENSION));
        named || schema::starts_like_sqlite(path)
    }

    /// Delete the project file at `file` with SQLite's files beside it (`-wal`, `-shm`,
    /// `-journal`); a file that is not there is no error. Only for a project no program has
    /// open (the demo, replaced at each run).
    pub fn remove(file: &Path) -> Result<(), ProjectError> {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = file.as_os_str().to_owned();
            name.push(suffix);
            match std::fs::remove_file(&name) {
                Ok(()) => {}
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(ProjectError::Io {
                        file: PathBuf::from(name),
                        action: "remove the project file",
                        source,
                    });
                }
            }
        }
        Ok(())
    }

    /// Create a project at `location` (which must not exist yet) from two imported lists and
    /// what matching suggested for them (by dataset row, as matching gives it).
    pub fn create_with_suggestions(
        location: impl Into<Location>,
        setup: NewProject,
        suggestions: &SuggestionSet,
    ) -> Result<Project, ProjectError> {
        let location = location.into();
        let now = utc_now();
        let mut crm = RecordList::new(Side::Crm, setup.crm, setup.crm_mapping, &setup.by);
        let mut erp = RecordList::new(Side::Erp, setup.erp, setup.erp_mapping, &setup.by);
        crm.imported_at.clone_from(&now);
        erp.imported_at.clone_from(&now);
        let stored = Suggestions::from_set(suggestions, &crm, &erp);
        let mut fill = |tx: &mut dyn Tx| {
            tx.set_meta("policy", &setup.policy.to_string())?;
            tx.set_meta("created_at", &now)?;
            tx.set_meta("created_by", &setup.by)?;
            tx.set_meta(
                "created_with",
                concat!("ledgerlink ", env!("CARGO_PKG_VERSION")),
            )?;
            tx.write_list(&crm)?;
            tx.write_list(&erp)?;
            tx.write_suggestions(&stored)
        };
        create_at(&location, &mut fill)?;
        Project::open(location)
    }

    /// The project file (for a project on a server: its URL, without password, as a path).
    pub fn file(&self) -> &Path {
        &self.name
    }

    /// Where the project lives.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// Catch up with decisions other programs (another laptop, the command line) wrote since
    /// this project was opened or last written. Returns true when anything changed. Cheap when
    /// nothing did: the GUI may call it every few seconds.
    pub fn refresh(&mut self) -> Result<bool, ProjectError> {
        let before = self.loaded.last_seq;
        let (loaded, name) = (&mut self.loaded, &self.name);
        self.backend.read(&mut |tx| catch_up(tx, name, loaded))?;
        Ok(self.loaded.last_seq != before)
    }

    /// The number of the latest log entry this project has read or written. A program that
    /// keeps views of the project compares it before and after a change to tell whether other
    /// programs wrote in between.
    pub fn last_seq(&self) -> i64 {
        self.loaded.last_seq
    }

    /// The creation policy.
    pub fn policy(&self) -> Policy {
        self.loaded.policy
    }

    /// One list with its keys and hashes.
    pub fn list(&self, side: Side) -> &RecordList {
        self.loaded.list(side)
    }

    /// One list's dataset exactly as imported (header, cells, source rows, import report).
    pub fn dataset(&self, side: Side) -> &Dataset {
        &self.loaded.list(side).dataset
    }

    /// A record by list and key (its id).
    pub fn record(&self, side: Side, key: &str) -> Option<RecordView<'_>> {
        self.loaded.list(side).record(key)
    }

    /// Everything matching suggested: pairs, alternatives, duplicate clusters, xref checks.
    pub fn suggestions(&self) -> &Suggestions {
        &self.loaded.suggestions
    }
}
