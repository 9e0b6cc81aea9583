//! Command-line subcommands (DESIGN.md section 4). Each one parses its flags and calls the core;
//! the logic lives in `ledgerlink::core`.

use anyhow::Result;
use clap::{Parser, Subcommand};

mod bench;
mod dedupe;
mod eval;
mod match_cmd;

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
    /// Suggest which CRM and ERP records are the same customer.
    Match(match_cmd::MatchArgs),
    /// Find records of one list that are probably the same customer.
    Dedupe(dedupe::DedupeArgs),
    /// Precision, recall and F1 of suggested pairs against the true pairs.
    Eval(eval::EvalArgs),
    /// Benchmark matching on the reference data sets.
    #[command(hide = true)]
    Bench(bench::BenchArgs),
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        None => Err(BadInput("no subcommand given; see --help".to_string()).into()),
        Some(command) => match command {
            Command::Match(args) => match_cmd::run(&args),
            Command::Dedupe(args) => dedupe::run(&args),
            Command::Eval(args) => eval::run(&args),
            Command::Bench(args) => bench::run(&args),
        },
    }
}

/// The process exit code for an error: 2 for bad input (any error in the chain that is a
/// [`BadInput`] or a core input error), 1 for anything else.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    let bad_input = error.chain().any(|cause| cause.is::<BadInput>());
    if bad_input {
        EXIT_BAD_INPUT
    } else {
        EXIT_FAILURE
    }
}
