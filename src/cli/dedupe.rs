//! `ledgerlink dedupe`: clusters of records of one list that are probably the same customer.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use ledgerlink::core::export::csv::neutralise;
use ledgerlink::core::import::{ColumnOverride, import_file};
use ledgerlink::core::matching::dedupe_list;
use ledgerlink::core::model::Side;

use super::bench::report_peak_memory_if_asked;
use super::match_cmd::options;

/// Flags of `ledgerlink dedupe`.
#[derive(Debug, Args)]
pub struct DedupeArgs {
    /// The list to search for duplicates.
    #[arg(long, value_name = "FILE")]
    pub input: String,
    /// Assign a role to a column: `tax_id=VAT` or `name=2` (1-based column number).
    #[arg(long = "map", value_name = "ROLE=COLUMN")]
    pub map: Vec<ColumnOverride>,
    /// Where to write `cluster,id,score,reason` (default: standard output).
    #[arg(long, value_name = "CLUSTERS_CSV")]
    pub out: Option<PathBuf>,
    /// Lowest match probability of two records in one cluster (default: the engine's).
    #[arg(long, value_name = "P")]
    pub review_threshold: Option<f64>,
}

/// Run `ledgerlink dedupe`.
pub fn run(args: &DedupeArgs) -> Result<()> {
    let list = import_file(&args.input, &args.map)?;
    let options = options(args.review_threshold, None)?;
    let output = dedupe_list(&list, Side::Crm, &options);
    let clusters = &output.clusters;
    let sink: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut writer = csv::Writer::from_writer(std::io::BufWriter::new(sink));
    writer.write_record(["cluster", "id", "score", "reason"])?;
    for (number, cluster) in clusters.iter().enumerate() {
        let score = format!("{:.4}", cluster.probability);
        let label = (number + 1).to_string();
        for &row in &cluster.rows {
            writer.write_record(
                [
                    label.as_str(),
                    list.record_id(row).as_str(),
                    score.as_str(),
                    cluster.reason.as_str(),
                ]
                .map(neutralise)
                .iter()
                .map(|cell| cell.as_bytes()),
            )?;
        }
    }
    writer.flush().context("cannot write the clusters")?;
    eprintln!("records: {}", list.len());
    let records: usize = clusters.iter().map(|cluster| cluster.rows.len()).sum();
    eprintln!(
        "{} clusters holding {records} records, {} candidate pairs compared",
        clusters.len(),
        output.compared_pairs
    );
    report_peak_memory_if_asked();
    Ok(())
}
