//! `ledgerlink match`: suggest CRM–ERP pairs and write them as CSV.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use ledgerlink::core::matching::{MatchOptions, MatchOutput, match_lists};
use ledgerlink::core::model::{CellStore, Column, Dataset, Role};

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
    pub crm_map: Vec<String>,
    /// Assign a role to an ERP column.
    #[arg(long = "erp-map", value_name = "ROLE=COLUMN")]
    pub erp_map: Vec<String>,
    /// Where to write `crm_id,erp_id,score,band,reason` (default: standard output).
    #[arg(long, value_name = "PAIRS_CSV")]
    pub out: Option<PathBuf>,
    /// Also check the CRM cross-reference column and write `crm_id,xref,status,suggested_erp_id`.
    #[arg(long = "check-xref", value_name = "XREF_CSV")]
    pub check_xref: Option<PathBuf>,
}

/// Run `ledgerlink match`.
pub fn run(args: &MatchArgs) -> Result<()> {
    let crm = load_list(&args.crm, &args.crm_map)?;
    let erp = load_list(&args.erp, &args.erp_map)?;
    let output = match_lists(&crm, &erp, &MatchOptions::default());
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
        writer.write_record([
            crm.record_id(pair.crm_row).as_str(),
            erp.record_id(pair.erp_row).as_str(),
            format!("{:.4}", pair.probability).as_str(),
            pair.band.as_str(),
            pair.reason.as_str(),
        ])?;
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
        writer.write_record([
            crm.record_id(check.crm_row).as_str(),
            check.xref.as_str(),
            check.status.as_str(),
            suggested.as_str(),
        ])?;
    }
    writer
        .flush()
        .context("cannot write the cross-reference checks")?;
    Ok(())
}

/// Read a CSV list and apply `ROLE=COLUMN` maps (a header equal to a role name gets that role).
///
/// A stand-in until `core::import::import_file` is available.
pub fn load_list(spec: &str, maps: &[String]) -> Result<Dataset> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(spec)
        .map_err(|error| BadInput(format!("{spec}: {error}")))?;
    let header = reader
        .headers()
        .map_err(|error| BadInput(format!("{spec}: {error}")))?
        .clone();
    let mut columns: Vec<Column> = header
        .iter()
        .map(|name| Column {
            name: name.trim().to_string(),
            role: name.trim().parse::<Role>().ok(),
        })
        .collect();
    let mut cells = CellStore::new(columns.len());
    let mut source_rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|error| BadInput(format!("{spec}: {error}")))?;
        cells.push_row(record.iter())?;
        source_rows.push(index + 2);
    }
    for map in maps {
        apply_map(spec, &mut columns, map)?;
    }
    Ok(Dataset {
        columns,
        cells,
        source_rows,
        ..Dataset::default()
    })
}

fn apply_map(spec: &str, columns: &mut [Column], map: &str) -> Result<()> {
    let (role, column) = map
        .split_once('=')
        .ok_or_else(|| BadInput(format!("--map '{map}': expected ROLE=COLUMN")))?;
    let role: Role = role.parse().map_err(BadInput)?;
    let column = column.trim();
    let index = match column.parse::<usize>() {
        Ok(number) if number >= 1 && number <= columns.len() => number - 1,
        _ => columns
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(column))
            .ok_or_else(|| BadInput(format!("{spec}: no column '{column}' for role {role}")))?,
    };
    for other in columns.iter_mut() {
        if other.role == Some(role) {
            other.role = None;
        }
    }
    columns[index].role = Some(role);
    Ok(())
}
