//! The commands of a workshop on a server: `projects URL` lists the projects of a database,
//! `copy FROM TO` moves a project between a file and a server with its whole log, and
//! `assign` splits the open pairs and clusters among reviewers.

use anyhow::Result;
use clap::Args;

use crate::cli::output::{confirmln, outln};
use ledgerlink::core::project::pg::list_projects;
use ledgerlink::core::project::{AssignRule, Location, Project, Subject};

/// Arguments of `projects`.
#[derive(Debug, Args)]
pub struct ProjectsArgs {
    /// The database: `postgres://user@host/db` (a `?project=` is allowed and ignored).
    pub url: String,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Run `projects`.
pub fn run_projects(args: &ProjectsArgs) -> Result<()> {
    let url = if args.url.contains("project=") {
        args.url.clone()
    } else {
        let separator = if args.url.contains('?') { '&' } else { '?' };
        format!("{}{separator}project=x", args.url)
    };
    let Location::Postgres(server) = super::parse_location(&url).map_err(super::BadInput)? else {
        return Err(super::BadInput(format!(
            "'{}' is not a postgres:// URL; a project file is a project of its own",
            args.url
        ))
        .into());
    };
    let projects = list_projects(&server)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&projects)?)?;
        return Ok(());
    }
    if projects.is_empty() {
        outln!("no Ledgerlink projects in this database")?;
    }
    for project in projects {
        outln!(
            "{:<24} made {} by {}; {} log entries{}",
            project.name,
            project.created_at,
            project.created_by,
            project.log_entries,
            project
                .last_change
                .map(|at| format!(", last change {at}"))
                .unwrap_or_default()
        )?;
    }
    Ok(())
}

/// Arguments of `copy`.
#[derive(Debug, Args)]
pub struct CopyArgs {
    /// The project to copy: a file or a `postgres://…?project=NAME` URL.
    #[arg(value_parser = super::LocationParser)]
    pub from: Location,
    /// Where to put the copy (must not exist yet).
    #[arg(value_parser = super::LocationParser)]
    pub to: Location,
}

/// Run `copy`.
pub fn run_copy(args: &CopyArgs) -> Result<()> {
    let report = Project::copy(&args.from, &args.to)?;
    confirmln!(
        "copied {} to {}: CRM {} and ERP {} records, {} suggestions, {} log entries",
        args.from,
        args.to,
        report.crm_records,
        report.erp_records,
        report.suggestions,
        report.log_entries
    );
    Ok(())
}

/// Arguments of `grant`.
#[derive(Debug, Args)]
pub struct GrantArgs {
    /// The project on the server (you must be the database user who made it).
    #[arg(value_parser = super::LocationParser)]
    pub project: Location,
    /// The database user who may work on it.
    #[arg(long, value_name = "USER")]
    pub to: String,
    /// Only read it (status, export, copy), not decide.
    #[arg(long)]
    pub read_only: bool,
}

/// Run `grant`.
pub fn run_grant(args: &GrantArgs) -> Result<()> {
    let Location::Postgres(server) = &args.project else {
        return Err(super::BadInput(
            "grant is for a project on a server; a project file is shared through its folder"
                .to_string(),
        )
        .into());
    };
    ledgerlink::core::project::pg::grant(server, &args.to, !args.read_only)?;
    let what = if args.read_only { "read" } else { "work on" };
    confirmln!("database user {} may now {what} {}", args.to, args.project);
    Ok(())
}

/// Arguments of `assign`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("rule").required(true).multiple(false)))]
pub struct AssignArgs {
    /// The project.
    #[arg(value_parser = super::LocationParser)]
    pub project: Location,
    /// Each open pair and cluster to its CRM account's owner (the owner column, or the one
    /// named here).
    #[arg(
        long,
        group = "rule",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "",
        value_name = "COLUMN"
    )]
    pub by_owner: Option<String>,
    /// By country: `DE=anna,AT=anna,FR=bert,*=carl` (`*`: every other country).
    #[arg(long, group = "rule", value_name = "TABLE")]
    pub by_country: Option<String>,
    /// These pairs (`CRM_ID=ERP_ID`) or clusters (`crm:ID`, `erp:ID`, its first member) to
    /// `--to`.
    #[arg(long, group = "rule", num_args = 1.., value_name = "SUBJECT")]
    pub subjects: Option<Vec<String>>,
    /// Who gets the `--subjects` (empty: release them).
    #[arg(long, requires = "subjects", default_value = "")]
    pub to: String,
    /// Who assigns (default: the login name).
    #[arg(long)]
    pub by: Option<String>,
}

fn rule(args: &AssignArgs) -> Result<AssignRule, super::BadInput> {
    if let Some(column) = &args.by_owner {
        let column = (!column.trim().is_empty()).then(|| column.clone());
        return Ok(AssignRule::Owner { column });
    }
    if let Some(table) = &args.by_country {
        let pairs = table
            .split(',')
            .filter(|part| !part.trim().is_empty())
            .map(|part| {
                part.split_once('=')
                    .map(|(country, reviewer)| {
                        (country.trim().to_string(), reviewer.trim().to_string())
                    })
                    .ok_or_else(|| super::BadInput(format!("'{part}' is not COUNTRY=REVIEWER")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(AssignRule::Country(pairs));
    }
    let subjects = args
        .subjects
        .iter()
        .flatten()
        .map(|text| subject(text))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(AssignRule::Hand {
        subjects,
        reviewer: args.to.trim().to_string(),
    })
}

fn subject(text: &str) -> Result<Subject, super::BadInput> {
    if let Some((crm, erp)) = text.split_once('=') {
        return Ok(Subject::Pair {
            crm: crm.trim().to_string(),
            erp: erp.trim().to_string(),
        });
    }
    let (side, first) = text.split_once(':').ok_or_else(|| {
        super::BadInput(format!(
            "'{text}' is neither a pair CRM_ID=ERP_ID nor a cluster crm:ID"
        ))
    })?;
    Ok(Subject::Cluster {
        side: side.parse().map_err(super::BadInput)?,
        first: first.trim().to_string(),
    })
}

/// Run `assign`.
pub fn run_assign(args: &AssignArgs) -> Result<()> {
    let rule = rule(args)?;
    let by = args.by.clone().unwrap_or_else(super::login_name);
    let mut project = Project::open(&args.project)?;
    let report = project.assign(&rule, &by)?;
    for (reviewer, (pairs, clusters)) in &report.assigned {
        let who = if reviewer.is_empty() {
            "nobody"
        } else {
            reviewer
        };
        confirmln!("{who:<16} {pairs} pairs, {clusters} clusters");
    }
    if report.left > 0 {
        confirmln!(
            "{} open pairs and clusters left unassigned (no value for the rule)",
            report.left
        );
    }
    Ok(())
}
