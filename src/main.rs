//! The `ledgerlink` binary: parses the command line and runs a subcommand (or, with the `gui`
//! feature and no subcommand, opens the workshop window).

use std::process::ExitCode;

use clap::Parser;

mod cli;

fn main() -> ExitCode {
    ledgerlink::core::guard::install_quiet_panic_hook();
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ledgerlink: {error:#}");
            ExitCode::from(cli::exit_code(&error))
        }
    }
}
