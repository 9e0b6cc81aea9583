//! `ledgerlink undo PROJECT` and `ledgerlink redo PROJECT`: move the cursor over the decision log.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::cli::output::confirmln;
use ledgerlink::core::project::{DecisionEntry, Project, login_name};

/// Arguments of `undo` and `redo`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The project file.
    pub project: PathBuf,
    /// Who undoes or redoes (default: the login name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

/// A decision in one line: `#12 accept crm:C1 erp:1001 by anna at 2024-...`.
pub fn describe(entry: &DecisionEntry) -> String {
    let second = entry
        .second
        .as_ref()
        .map(|record| format!(" {record}"))
        .unwrap_or_default();
    format!(
        "#{} {} {}{second} by {} at {}",
        entry.seq,
        entry.kind.as_str(),
        entry.first,
        entry.by,
        entry.at
    )
}

/// Run `undo`.
pub fn run_undo(args: HistoryArgs) -> Result<()> {
    let mut project = Project::open(&args.project)?;
    let by = args.by.unwrap_or_else(login_name);
    let entry = project.undo(&by)?;
    confirmln!("undone: {}", describe(&entry));
    Ok(())
}

/// Run `redo`.
pub fn run_redo(args: HistoryArgs) -> Result<()> {
    let mut project = Project::open(&args.project)?;
    let by = args.by.unwrap_or_else(login_name);
    let entry = project.redo(&by)?;
    confirmln!("redone: {}", describe(&entry));
    Ok(())
}
