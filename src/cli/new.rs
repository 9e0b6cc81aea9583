//! `ledgerlink new PROJECT --crm FILE --erp FILE [--crm-map ROLE=COLUMN]... [--erp-map ..]...
//! [--policy POLICY] [--by NAME]`: import both lists, run matching, and make the project file.

use anyhow::Result;
use clap::Args;

use super::login_name;
use ledgerlink::core::import::{ColumnOverride, import_file};
use ledgerlink::core::matching::Band;
use ledgerlink::core::model::Dataset;
use ledgerlink::core::project::{Location, NewProject, Policy, Project};

use super::BadInput;
use crate::cli::output::confirmln;

/// Arguments of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The project to make: a file (conventionally `*.ledgerlink`), or
    /// `postgres://user@host/db?project=NAME` for a workshop of several reviewers on a
    /// PostgreSQL server; it must not exist yet.
    #[arg(value_parser = super::LocationParser)]
    pub project: Location,
    /// The CRM export (`book.xlsx#Sheet` names a sheet).
    #[arg(long, value_name = "FILE")]
    pub crm: String,
    /// The ERP export.
    #[arg(long, value_name = "FILE")]
    pub erp: String,
    /// Assign a role to a CRM column: `tax_id=VAT` or `name=2` (1-based column number).
    #[arg(long = "crm-map", value_name = "ROLE=COLUMN")]
    pub crm_map: Vec<String>,
    /// Assign a role to an ERP column.
    #[arg(long = "erp-map", value_name = "ROLE=COLUMN")]
    pub erp_map: Vec<String>,
    /// Which way new records may flow: erp_to_crm, crm_to_erp, both or none, optionally with
    /// `,numbers=erp` (the ERP generates account numbers) or `,numbers=workshop`.
    #[arg(long, value_name = "POLICY", default_value = "both,numbers=erp")]
    pub policy: String,
    /// Who makes the project (default: the login name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

/// Parse `ROLE=COLUMN` overrides, naming the flag in errors.
pub fn overrides(flag: &str, specs: &[String]) -> Result<Vec<ColumnOverride>> {
    specs
        .iter()
        .map(|spec| {
            spec.parse::<ColumnOverride>()
                .map_err(|message| BadInput(format!("{flag} {spec}: {message}")).into())
        })
        .collect()
}

/// Import one list with its overrides.
pub fn import(spec: &str, flag: &str, mapping: &[String]) -> Result<Dataset> {
    Ok(import_file(spec, &overrides(flag, mapping)?)?)
}

/// Run `new`.
pub fn run(args: NewArgs) -> Result<()> {
    let policy: Policy = args
        .policy
        .parse()
        .map_err(|message: String| BadInput(message))?;
    if args.project.file().is_some_and(std::path::Path::exists) {
        return Err(BadInput(format!(
            "{} already exists; choose another name or remove it first",
            args.project
        ))
        .into());
    }
    let crm = import(&args.crm, "--crm-map", &args.crm_map)?;
    let erp = import(&args.erp, "--erp-map", &args.erp_map)?;
    for (name, list) in [("CRM", &crm), ("ERP", &erp)] {
        for warning in &list.report.warnings {
            eprintln!("{name} {}: {warning}", list.report.file);
        }
    }
    let setup = NewProject {
        crm,
        erp,
        crm_mapping: args.crm_map,
        erp_mapping: args.erp_map,
        policy,
        by: args.by.unwrap_or_else(login_name),
    };
    let project = Project::create(&args.project, setup)?;
    let suggestions = project.suggestions();
    let auto = suggestions
        .pairs()
        .filter(|pair| pair.band == Band::Auto)
        .count();
    let status = project.status();
    confirmln!("created {}", args.project);
    confirmln!(
        "records  CRM {}, ERP {}",
        status.crm_records,
        status.erp_records
    );
    confirmln!(
        "pairs    {} suggested ({auto} auto, {} review), {} alternatives",
        status.suggested,
        status.suggested - auto,
        suggestions.alternatives().count()
    );
    confirmln!(
        "also     {} duplicate clusters, {} cross-references checked",
        suggestions.clusters.len(),
        suggestions.xrefs.len()
    );
    confirmln!("policy   {}", project.policy().describe());
    Ok(())
}
