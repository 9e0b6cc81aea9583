//! `ledgerlink undo PROJECT [--by NAME]` and `ledgerlink redo PROJECT [--by NAME]`: take back
//! that reviewer's latest batch of decisions, or put back their earliest undone batch.

use anyhow::Result;
use clap::Args;

use super::login_name;
use crate::cli::output::confirmln;
use ledgerlink::core::project::{DecisionEntry, Location, Project};

/// Arguments of `undo` and `redo`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The project: a file, or `postgres://user@host/db?project=NAME` for a shared one.
    #[arg(value_parser = super::LocationParser)]
    pub project: Location,
    /// Whose decisions to undo or redo (default: the login name); another reviewer's are
    /// never moved.
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

/// Lines listed of a batch; the rest is counted.
const SHOWN: usize = 10;

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

/// Print what moved: one line for a single decision, else the batch's size and its first
/// decisions.
fn report(verb: &str, entries: &[DecisionEntry]) {
    match entries {
        [single] => confirmln!("{verb}: {}", describe(single)),
        _ => {
            let batch = entries.first().map_or(0, |entry| entry.batch);
            confirmln!("{verb}: batch {batch}, {} decisions", entries.len());
            for entry in entries.iter().take(SHOWN) {
                confirmln!("  {}", describe(entry));
            }
            if entries.len() > SHOWN {
                confirmln!("  ... and {} more", entries.len() - SHOWN);
            }
        }
    }
}

/// Run `undo`: the latest batch of `--by` (default: the login name).
pub fn run_undo(args: HistoryArgs) -> Result<()> {
    let mut project = Project::open(&args.project)?;
    let by = args.by.unwrap_or_else(login_name);
    report("undone", &project.undo(&by)?);
    Ok(())
}

/// Run `redo`: the earliest undone batch of `--by` (default: the login name).
pub fn run_redo(args: HistoryArgs) -> Result<()> {
    let mut project = Project::open(&args.project)?;
    let by = args.by.unwrap_or_else(login_name);
    report("redone", &project.redo(&by)?);
    Ok(())
}
