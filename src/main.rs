//! The `ledgerlink` binary: parses the command line and runs a subcommand (or, with the `gui`
//! feature and no subcommand, opens the workshop window).

use std::process::ExitCode;

use clap::Parser;

mod cli;

fn main() -> ExitCode {
    ledgerlink::core::guard::install_quiet_panic_hook();
    cli::read_environment();
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of our output stopped early (`| head`): it has what it wanted.
        Err(error) if cli::output::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ledgerlink: {}", message(&error));
            ExitCode::from(cli::exit_code(&error))
        }
    }
}

/// The error and its causes in one line, leaving out a cause whose text the message already
/// holds (library errors often print their source themselves).
fn message(error: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in error.chain() {
        let cause = cause.to_string();
        if text.contains(&cause) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&cause);
    }
    text
}
