//! `ledgerlink status PROJECT [--json]`: where the workshop stands.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::cli::output::{out, outln};
use ledgerlink::core::project::{Project, Status};

/// Arguments of `status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The project file.
    pub project: PathBuf,
    /// Print one JSON object instead of the text report.
    #[arg(long)]
    pub json: bool,
}

/// Run `status`.
pub fn run(args: StatusArgs) -> Result<()> {
    let project = Project::open_for_reading(&args.project)?;
    let status = project.status();
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&status)?)?;
    } else {
        out!("{}", text_report(&project, &status))?;
    }
    Ok(())
}

fn text_report(project: &Project, status: &Status) -> String {
    let actions = &status.actions;
    let defaults = &status.default_actions;
    let mut lines = vec![
        format!("project      {}", project.file().display()),
        format!("policy       {}", project.policy().describe()),
        format!(
            "records      CRM {}, ERP {}",
            status.crm_records, status.erp_records
        ),
        format!(
            "pairs        {} suggested: {} open ({} marked unsure); {} accepted or linked, {} \
             rejected",
            status.suggested, status.open, status.unsure, status.accepted, status.rejected
        ),
        format!(
            "actions      decided: {} create in ERP, {} create in CRM, {} ignore",
            actions.create_in_erp, actions.create_in_crm, actions.ignore
        ),
        format!(
            "defaults     {} create in ERP, {} create in CRM (by policy and account type)",
            defaults.create_in_erp, defaults.create_in_crm
        ),
        format!(
            "duplicates   {} marked, {} marked as not duplicates",
            status.duplicates, status.not_duplicates
        ),
    ];
    if status.needs_erp_account > 0 {
        lines.push(format!(
            "needs ERP    {} CRM customers have no ERP account and the policy does not create one",
            status.needs_erp_account
        ));
    }
    if status.stale > 0 || status.missing > 0 {
        lines.push(format!(
            "re-import    {} decisions stale (a record changed), {} about records that disappeared",
            status.stale, status.missing
        ));
    }
    lines.push(format!(
        "history      {} decisions in effect; undo {}, redo {}",
        status.decisions,
        if status.can_undo {
            "possible"
        } else {
            "nothing"
        },
        if status.can_redo {
            "possible"
        } else {
            "nothing"
        }
    ));
    lines.iter().map(|line| format!("{line}\n")).collect()
}
