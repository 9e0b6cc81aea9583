//! `ledgerlink match`: suggest CRM–ERP pairs and write them as CSV.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use ledgerlink::core::export::csv::neutralise;
use ledgerlink::core::import::{ColumnOverride, import_file};
use ledgerlink::core::matching::{MatchOptions, MatchOutput, match_lists};
use ledgerlink::core::model::{Dataset, Role};

use super::BadInput;
use super::bench::report_peak_memory_if_asked;

/// Flags of `ledgerlink match`.
#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The CRM export (`book.xlsx#Sheet` names a sheet).
    #[arg(long, value_name = "FILE")]
    pub crm: String,
    /// The ERP export.
    #[arg(long, value_name = "FILE")]
    pub erp: String,
    /// Assign a role to a CRM column: `tax_id=VAT` or `name=2` (1-based column number).
    #[arg(long = "crm-map", value_name = "ROLE=COLUMN")]
    pub crm_map: Vec<ColumnOverride>,
    /// Assign a role to an ERP column.
    #[arg(long = "erp-map", value_name = "ROLE=COLUMN")]
    pub erp_map: Vec<ColumnOverride>,
    /// Where to write `crm_id,erp_id,score,band,reason` (default: standard output).
    #[arg(long, value_name = "PAIRS_CSV")]
    pub out: Option<PathBuf>,
    /// Also check the CRM cross-reference column and write `crm_id,xref,status,suggested_erp_id`.
    #[arg(long = "check-xref", value_name = "XREF_CSV")]
    pub check_xref: Option<PathBuf>,
    /// Lowest match probability of a suggested pair (default: the engine's).
    #[arg(long, value_name = "P")]
    pub review_threshold: Option<f64>,
    /// Lowest match probability of an `auto` pair (default: the engine's).
    #[arg(long, value_name = "P")]
    pub auto_threshold: Option<f64>,
    /// Instead of writing pairs, tell what became of this CRM record: its best candidates,
    /// and whether a pair was never compared, scored too low or lost in the assignment.
    #[arg(long = "explain-missing", value_name = "CRM_ID")]
    pub explain_missing: Option<String>,
    /// With `--explain-missing`: the ERP record the CRM record should have been paired with.
    #[arg(
        long = "expected-erp",
        value_name = "ERP_ID",
        requires = "explain_missing"
    )]
    pub expected_erp: Option<String>,
}

/// Matching options from the defaults and the threshold flags.
pub fn options(review: Option<f64>, auto: Option<f64>) -> Result<MatchOptions> {
    let mut options = MatchOptions::default();
    for (value, slot, flag) in [
        (review, &mut options.review_threshold, "--review-threshold"),
        (auto, &mut options.auto_threshold, "--auto-threshold"),
    ] {
        if let Some(value) = value {
            if !(0.0..=1.0).contains(&value) {
                return Err(BadInput(format!(
                    "{flag} {value}: expected a probability from 0 to 1"
                ))
                .into());
            }
            *slot = value;
        }
    }
    Ok(options)
}

/// Run `ledgerlink match`.
pub fn run(args: &MatchArgs) -> Result<()> {
    let crm = import_file(&args.crm, &args.crm_map)?;
    let erp = import_file(&args.erp, &args.erp_map)?;
    let options = options(args.review_threshold, args.auto_threshold)?;
    if let Some(crm_id) = &args.explain_missing {
        return super::missing_cmd::run(&crm, &erp, &options, crm_id, args.expected_erp.as_deref());
    }
    let output = match_lists(&crm, &erp, &options);
    write_pairs(&crm, &erp, &output, args.out.as_ref())?;
    if let Some(path) = &args.check_xref {
        if crm.column_of(Role::Xref).is_none() {
            return Err(BadInput(format!(
                "{}: no cross-reference column to check; map one with --crm-map xref=COLUMN",
                args.crm
            ))
            .into());
        }
        write_xref(&crm, &erp, &output, path)?;
    }
    eprintln!("records: {} x {}", crm.len(), erp.len());
    let auto = output
        .pairs
        .iter()
        .filter(|pair| pair.band.as_str() == "auto")
        .count();
    eprintln!(
        "{} pairs suggested ({} auto, {} review), {} alternatives, {} candidate pairs compared",
        output.pairs.len(),
        auto,
        output.pairs.len() - auto,
        output.alternatives.len(),
        output.compared_pairs
    );
    report_peak_memory_if_asked();
    Ok(())
}

fn write_pairs(
    crm: &Dataset,
    erp: &Dataset,
    output: &MatchOutput,
    path: Option<&PathBuf>,
) -> Result<()> {
    let sink: Box<dyn Write> = match path {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut writer = csv::Writer::from_writer(std::io::BufWriter::new(sink));
    writer.write_record(["crm_id", "erp_id", "score", "band", "reason"])?;
    for pair in &output.pairs {
        writer.write_record(
            [
                crm.record_id(pair.crm_row).as_str(),
                erp.record_id(pair.erp_row).as_str(),
                format!("{:.4}", pair.probability).as_str(),
                pair.band.as_str(),
                pair.reason.as_str(),
            ]
            .map(neutralise)
            .iter()
            .map(|cell| cell.as_bytes()),
        )?;
    }
    writer.flush().context("cannot write the pairs")?;
    Ok(())
}

fn write_xref(crm: &Dataset, erp: &Dataset, output: &MatchOutput, path: &PathBuf) -> Result<()> {
    let mut writer = csv::Writer::from_path(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    writer.write_record(["crm_id", "xref", "status", "suggested_erp_id"])?;
    for check in &output.xref_checks {
        let suggested = check
            .suggested_erp_row
            .map(|row| erp.record_id(row))
            .unwrap_or_default();
        writer.write_record(
            [
                crm.record_id(check.crm_row).as_str(),
                check.xref.as_str(),
                check.status.as_str(),
                suggested.as_str(),
            ]
            .map(neutralise)
            .iter()
            .map(|cell| cell.as_bytes()),
        )?;
    }
    writer
        .flush()
        .context("cannot write the cross-reference checks")?;
    Ok(())
}
