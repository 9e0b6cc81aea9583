//! `ledgerlink synth`: write realistic messy CRM and ERP exports of the same firms, with the truth.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use ledgerlink::core::synth::{self, ErpFormat, ErpIdStyle, SynthOptions};

use super::BadInput;
use crate::cli::output::confirmln;

/// Flags of `synth`.
#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Directory to write into (created if needed).
    #[arg(long)]
    pub out: PathBuf,
    /// Number of firms; each yields up to three records per list.
    #[arg(long, default_value_t = 1000)]
    pub firms: u64,
    /// Seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// File format of the ERP list: xlsx, or csv for scale runs.
    #[arg(long, default_value = "xlsx")]
    pub erp_format: ErpFormat,
    /// ERP customer numbers: sap ("0000104233") or bc ("C10042").
    #[arg(long, default_value = "sap")]
    pub erp_ids: ErpIdStyle,
    /// Also write `families.csv`: one list in which this many firms appear hundreds of times,
    /// with `truth_families.csv` (`cluster,id`), for `bench --families`.
    #[arg(long, default_value_t = 0)]
    pub families: u64,
}

/// Run `synth` and print what was written.
pub fn run(args: SynthArgs) -> Result<()> {
    let options = SynthOptions {
        firms: args.firms,
        seed: args.seed,
        erp_format: args.erp_format,
        erp_ids: args.erp_ids,
    };
    let started = Instant::now();
    let summary = match synth::generate(&args.out, &options) {
        Ok(summary) => summary,
        Err(error) if error.is_bad_input() => return Err(BadInput(error.to_string()).into()),
        Err(error) => return Err(error).context("synth failed"),
    };
    let seconds = started.elapsed().as_secs_f64();
    confirmln!(
        "{} firms -> {} CRM accounts, {} ERP customers in {seconds:.2} s (seed {})",
        summary.firms,
        summary.crm_records,
        summary.erp_records,
        options.seed
    );
    confirmln!(
        "truth: {} links ({} one-to-one), {} CRM and {} ERP duplicate pairs, {} ERP numbers in the CRM ({} wrong)",
        summary.links,
        summary.links_one_to_one,
        summary.crm_duplicate_pairs,
        summary.erp_duplicate_pairs,
        summary.xrefs,
        summary.wrong_xrefs
    );
    for file in &summary.files {
        confirmln!("  {}", file.display());
    }
    if args.families > 0 {
        let families = synth::families::write(&args.out, args.seed, args.families)
            .context("synth --families failed")?;
        println!(
            "families: {} records, {} of them spellings of {} big firms",
            families.records, families.family_records, args.families
        );
        for file in &families.files {
            println!("  {}", file.display());
        }
    }
    Ok(())
}
