//! `ledgerlink reimport PROJECT (--crm FILE | --erp FILE) [--map ROLE=COLUMN]... [--by NAME]`:
//! load a newer export of one list into a project and re-run matching.

use anyhow::Result;
use clap::{ArgGroup, Args};

use super::login_name;
use ledgerlink::core::model::Side;
use ledgerlink::core::project::{Location, Project, ReimportReport};

use super::BadInput;
use super::new::import;
use crate::cli::output::confirm;

/// Arguments of `reimport`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("list").required(true).multiple(false)))]
pub struct ReimportArgs {
    /// The project: a file, or `postgres://user@host/db?project=NAME` for a shared one.
    #[arg(value_parser = super::LocationParser)]
    pub project: Location,
    /// The newer CRM export.
    #[arg(long, value_name = "FILE", group = "list")]
    pub crm: Option<String>,
    /// The newer ERP export.
    #[arg(long, value_name = "FILE", group = "list")]
    pub erp: Option<String>,
    /// Column roles for the new file (default: the mapping the list was first imported with).
    #[arg(long = "map", value_name = "ROLE=COLUMN")]
    pub map: Vec<String>,
    /// Who re-imports (default: the login name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

/// Run `reimport`.
pub fn run(args: ReimportArgs) -> Result<()> {
    let (side, spec) = match (args.crm.as_deref(), args.erp.as_deref()) {
        (Some(file), _) => (Side::Crm, file),
        (None, Some(file)) => (Side::Erp, file),
        (None, None) => {
            let message = "give the newer list with --crm FILE or --erp FILE";
            return Err(BadInput(message.to_string()).into());
        }
    };
    let mut project = Project::open(&args.project)?;
    let mapping = if args.map.is_empty() {
        project.list(side).mapping.clone()
    } else {
        args.map.clone()
    };
    let dataset = import(spec, "--map", &mapping)?;
    for warning in &dataset.report.warnings {
        eprintln!("{spec}: {warning}");
    }
    let by = args.by.unwrap_or_else(login_name);
    let report = project.reimport(side, dataset, Some(mapping), &by)?;
    confirm(format_args!("{}", text_report(&report)));
    Ok(())
}

/// Up to ten keys, then how many more.
fn some(keys: &[String]) -> String {
    let mut text = keys.iter().take(10).cloned().collect::<Vec<_>>().join(", ");
    if keys.len() > 10 {
        text.push_str(&format!(" and {} more", keys.len() - 10));
    }
    text
}

fn text_report(report: &ReimportReport) -> String {
    let side = report.side.as_str().to_ascii_uppercase();
    let mut lines = vec![
        format!("{side} list re-imported: {} records", report.records),
        format!("unchanged    {}", report.unchanged),
        format!(
            "changed      {} {}",
            report.changed.len(),
            some(&report.changed)
        ),
        format!(
            "new          {} {}",
            report.added.len(),
            some(&report.added)
        ),
        format!(
            "disappeared  {} {}",
            report.disappeared.len(),
            some(&report.disappeared)
        ),
        format!(
            "suggested    {} pairs, {} suggestions for new records",
            report.suggested, report.suggested_for_added
        ),
    ];
    if report.stale_decisions > 0 {
        lines.push(format!(
            "stale        {} decisions about changed records: confirm them again",
            report.stale_decisions
        ));
    }
    if report.missing_decisions > 0 {
        lines.push(format!(
            "missing      {} decisions about records that disappeared (kept in the audit log)",
            report.missing_decisions
        ));
    }
    lines.iter().map(|line| format!("{line}\n")).collect()
}
