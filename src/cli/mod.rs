//! Command-line subcommands (DESIGN.md section 4). Each one parses its flags and calls the core;
//! the logic lives in `ledgerlink::core`.

use anyhow::Result;
use clap::{Parser, Subcommand};

mod decide;
mod history;
mod inspect;
mod status;

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
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show what the importer sees in a file: format, encoding, header, roles, warnings.
    Inspect(inspect::InspectArgs),
    /// Show where a workshop project stands: records, pairs, decisions, actions, undo/redo.
    Status(status::StatusArgs),
    /// Take one decision on a project (accept, reject, link, create, ignore, duplicates).
    Decide(decide::DecideArgs),
    /// Take back the latest decision of a project.
    Undo(history::HistoryArgs),
    /// Put back the latest undone decision of a project.
    Redo(history::HistoryArgs),
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        None => Err(BadInput("no subcommand given; see --help".to_string()).into()),
        Some(command) => match command {
            Command::Inspect(args) => inspect::run(args),
            Command::Status(args) => status::run(args),
            Command::Decide(args) => decide::run(args),
            Command::Undo(args) => history::run_undo(args),
            Command::Redo(args) => history::run_redo(args),
        },
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
