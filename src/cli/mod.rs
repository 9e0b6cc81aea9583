//! Command-line subcommands (DESIGN.md section 4). Each one parses its flags and calls the core;
//! the logic lives in `ledgerlink::core`.

use anyhow::Result;
use clap::{Parser, Subcommand};
use ledgerlink::core::project::Location;
use ledgerlink::core::project::filesystem::{self, SHARED_FOLDER_ENV, SharedFolder};

mod apply_review;
mod bench;
mod decide;
mod dedupe;
mod eval;
mod export;
mod gui;
mod history;
mod inspect;
mod match_cmd;
mod missing_cmd;
mod new;
pub mod output;
mod reimport;
mod shared;
mod status;
pub mod synth;

/// Exit code for bad input or a refused decision.
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit code for anything else that went wrong.
pub const EXIT_FAILURE: u8 = 1;

/// An error caused by what the user gave us (a file, a flag, a decision): exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(pub String);

/// Reconcile a CRM account list with an ERP customer list.
#[derive(Debug, Parser)]
#[command(name = "ledgerlink", version, about)]
pub struct Cli {
    /// What to do; without a subcommand the workshop window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Without a subcommand: a project to open (a file, or `postgres://user@host/db?project=NAME`
    /// for a shared one), or a CRM export (CSV, XLSX ...) to start a new project with.
    pub project: Option<std::path::PathBuf>,
    /// Scripted runs of the window.
    #[command(flatten)]
    pub window: WindowArgs,
}

/// Flags for scripted runs of the window (`ledgerlink` and `ledgerlink demo` only).
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct WindowArgs {
    /// Open the window, draw a few frames and exit 0, or 1 when the window showed an error.
    #[arg(long)]
    pub smoke_test: bool,
    /// Draw this many frames, print frame-time figures and exit.
    #[arg(long, value_name = "N")]
    pub bench_frames: Option<u64>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Suggest which CRM and ERP records are the same customer.
    Match(match_cmd::MatchArgs),
    /// Find records of one list that are probably the same customer.
    Dedupe(dedupe::DedupeArgs),
    /// Precision, recall and F1 of suggested pairs against the true pairs.
    Eval(eval::EvalArgs),
    /// Benchmark matching on the reference data sets.
    #[command(hide = true)]
    Bench(bench::BenchArgs),
    /// Open the workshop window on a project built from the bundled demo lists.
    Demo(WindowArgs),
    /// Show what the importer sees in a file: format, encoding, header, roles, warnings.
    Inspect(inspect::InspectArgs),
    /// Make a workshop project: import both lists, run matching, store everything in one file
    /// (or in a project on a PostgreSQL server).
    New(new::NewArgs),
    /// Show where a workshop project stands: records, pairs, decisions, actions, undo/redo.
    Status(status::StatusArgs),
    /// Take one decision on a project (accept, reject, link, create, ignore, duplicates).
    Decide(decide::DecideArgs),
    /// Take back the latest decision of a project.
    Undo(history::HistoryArgs),
    /// Put back the latest undone decision of a project.
    Redo(history::HistoryArgs),
    /// Write links, updates, creation actions, duplicates, conflicts, audit and workbooks.
    Export(export::ExportArgs),
    /// Apply the decisions of a filled-in review.xlsx as if taken in the app.
    ApplyReview(apply_review::ApplyReviewArgs),
    /// Load a newer export of one list into a project; changed records make decisions stale.
    Reimport(reimport::ReimportArgs),
    /// List the projects of a PostgreSQL database (`postgres://user@host/db`).
    Projects(shared::ProjectsArgs),
    /// Copy a project, whole with its log, from a file to a server or back.
    Copy(shared::CopyArgs),
    /// Let another database user work on a project on a server (run by the one who made it).
    Grant(shared::GrantArgs),
    /// Split the open pairs and duplicate clusters among reviewers (by owner, country or hand).
    Assign(shared::AssignArgs),
    /// Write realistic messy CRM and ERP exports of the same firms, with the truth files.
    Synth(synth::SynthArgs),
}

/// Pass what the environment says to the core, which does not read it: whether project files
/// lie on a shared folder ([`SHARED_FOLDER_ENV`]). Called once at start.
pub fn read_environment() {
    let value = std::env::var(SHARED_FOLDER_ENV).ok();
    filesystem::set_shared_folder(SharedFolder::from_env_value(value.as_deref()));
}

/// A project location as typed: a file path, or a `postgres://` URL (checked here, so a
/// malformed one is refused before anything runs; never echoing its password).
pub fn parse_location(text: &str) -> Result<Location, String> {
    Location::parse(text).map_err(|error| error.to_string())
}

/// The command line's reader of project locations: like [`parse_location`], but a refusal
/// says only what is wrong. (clap's own message would repeat the address as typed, password
/// and all.)
#[derive(Debug, Clone, Copy)]
pub struct LocationParser;

impl clap::builder::TypedValueParser for LocationParser {
    type Value = Location;

    fn parse_ref(
        &self,
        _command: &clap::Command,
        _argument: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Location, clap::Error> {
        let text = value.to_str().ok_or_else(|| {
            clap::Error::raw(
                clap::error::ErrorKind::InvalidUtf8,
                "the project's name or address is not valid text\n",
            )
        })?;
        parse_location(text).map_err(|error| {
            clap::Error::raw(
                clap::error::ErrorKind::ValueValidation,
                format!("{error}\n"),
            )
        })
    }
}

/// The login name of the person at the keyboard: the default of `--by` and of the window's
/// reviewer until one gives a name.
pub fn login_name() -> String {
    ledgerlink::core::project::login_name(|name| std::env::var(name).ok())
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let started = std::time::Instant::now();
    let window = |args: WindowArgs| gui::WindowFlags {
        smoke_test: args.smoke_test,
        bench_frames: args.bench_frames,
        launched: started,
    };
    match cli.command {
        None => gui::open(cli.project, false, window(cli.window)),
        Some(Command::Demo(args)) => gui::open(None, true, window(args)),
        Some(Command::Inspect(args)) => inspect::run(args),
        Some(Command::New(args)) => new::run(args),
        Some(Command::Status(args)) => status::run(args),
        Some(Command::Decide(args)) => decide::run(args),
        Some(Command::Undo(args)) => history::run_undo(args),
        Some(Command::Redo(args)) => history::run_redo(args),
        Some(Command::Export(args)) => export::run(args),
        Some(Command::ApplyReview(args)) => apply_review::run(args),
        Some(Command::Reimport(args)) => reimport::run(args),
        Some(Command::Synth(args)) => synth::run(args),
        Some(Command::Projects(args)) => shared::run_projects(&args),
        Some(Command::Copy(args)) => shared::run_copy(&args),
        Some(Command::Assign(args)) => shared::run_assign(&args),
        Some(Command::Grant(args)) => shared::run_grant(&args),
        Some(Command::Match(args)) => match_cmd::run(&args),
        Some(Command::Dedupe(args)) => dedupe::run(&args),
        Some(Command::Eval(args)) => eval::run(&args),
        Some(Command::Bench(args)) => bench::run(&args),
    }
}

/// The process exit code for an error: 2 for bad input (any error in the chain that is a
/// [`BadInput`] or a core input error), 1 for anything else.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    let bad_input = error.chain().any(|cause| {
        cause.is::<BadInput>()
            || cause.is::<ledgerlink::core::import::ImportError>()
            || cause
                .downcast_ref::<ledgerlink::core::project::ProjectError>()
                .is_some_and(ledgerlink::core::project::ProjectError::is_bad_input)
    });
    if bad_input {
        EXIT_BAD_INPUT
    } else {
        EXIT_FAILURE
    }
}
