//! `ledgerlink export PROJECT --out DIR [--csv-delimiter ';'] [--encoding windows-1252]`: write
//! the links, updates, fill-ins, creation actions, duplicates, conflicts, audit log, review
//! workbook and reconciliation workbook into DIR.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use ledgerlink::core::export::{ExportError, ExportOptions, export_project};
use ledgerlink::core::project::{Location, Project};

use super::BadInput;
use crate::cli::output::confirmln;

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The project: a file, or `postgres://user@host/db?project=NAME` for a shared one.
    #[arg(value_parser = super::LocationParser)]
    pub project: Location,
    /// The directory to write into (created if its parent exists; files of the same names
    /// are replaced).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// CSV field delimiter: ',' (default), ';' for Excel in a European locale, '|' or tab.
    #[arg(long, value_name = "CHAR", default_value = ",")]
    pub csv_delimiter: String,
    /// CSV encoding: utf-8-bom (default, what Excel reads), utf-8 (no byte-order mark) or
    /// windows-1252 (old importers; refused when a value has a character it cannot hold).
    #[arg(long, value_name = "ENCODING", default_value = "utf-8-bom")]
    pub encoding: String,
}

/// An export error as the command line reports it: a bad `--out` is bad input (exit 2).
fn classify(error: ExportError) -> anyhow::Error {
    if error.is_bad_input() {
        BadInput(error.to_string()).into()
    } else {
        error.into()
    }
}

/// Run `export`.
pub fn run(args: ExportArgs) -> Result<()> {
    let options = ExportOptions::parse(&args.csv_delimiter, &args.encoding).map_err(BadInput)?;
    let project = Project::open_for_reading(&args.project)?;
    let summary = export_project(&project, &args.out, &options).map_err(classify)?;
    confirmln!("exported to {}", summary.dir.display());
    confirmln!("  {:<22} {:>8}", "file", "rows");
    for file in &summary.files {
        confirmln!("  {:<22} {:>8}", file.name, file.rows);
    }
    for note in &summary.notes {
        confirmln!("note: {note}");
    }
    if let Some(warning) = project.status().pending_warning() {
        eprintln!("warning: {warning}");
    }
    Ok(())
}
