//! `ledgerlink status PROJECT [--json]`: where the workshop stands.

use anyhow::Result;
use clap::Args;

use crate::cli::output::{out, outln};
use ledgerlink::core::project::{Location, Project, Status};

/// Arguments of `status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The project: a file, or `postgres://user@host/db?project=NAME` for a shared one.
    #[arg(value_parser = super::LocationParser)]
    pub project: Location,
    /// Print one JSON object instead of the text report.
    #[arg(long)]
    pub json: bool,
}

/// Run `status`.
pub fn run(args: StatusArgs) -> Result<()> {
    let project = Project::open_for_reading(&args.project)?;
    let status = project.status();
    if args.json {
        let mut json = serde_json::to_value(&status)?;
        if let Some(object) = json.as_object_mut() {
            object.insert(
                "reviewers".into(),
                serde_json::to_value(project.progress())?,
            );
        }
        outln!("{}", serde_json::to_string_pretty(&json)?)?;
    } else {
        out!("{}", text_report(&project, &status))?;
    }
    Ok(())
}

fn text_report(project: &Project, status: &Status) -> String {
    let actions = &status.actions;
    let defaults = &status.default_actions;
    let mut lines = vec![
        format!("project      {}", project.location()),
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
    if !project.assignments().is_empty() {
        for reviewer in project.progress() {
            lines.push(format!(
                "reviewer     {}: {} of {} pairs open, {} of {} clusters open; {} decisions",
                reviewer.reviewer,
                reviewer.pairs_open,
                reviewer.pairs,
                reviewer.clusters_open,
                reviewer.clusters,
                reviewer.decisions
            ));
        }
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
