//! A generator of realistic, messy CRM and ERP exports of the same firms, with the truth.
//!
//! `generate` writes into a directory:
//!
//! | file | what |
//! | --- | --- |
//! | `crm_accounts.csv` | Salesforce Data Loader export of accounts (UTF-8 BOM, every field quoted) |
//! | `erp_customers.xlsx` / `.csv` | ERP customer list (text cells; the CSV uses `;`) |
//! | `truth_links.csv` | `crm_id,erp_id`: every CRM record of a firm with every ERP record of it |
//! | `truth_links_one_to_one.csv` | `crm_id,erp_id`: the firm's n-th CRM record with its n-th ERP record |
//! | `truth_crm_duplicates.csv`, `truth_erp_duplicates.csv` | `id_1,id_2`: records of the same firm |
//! | `truth_xref.csv` | `crm_id,xref,status`: what each CRM record's ERP number points to |
//! | `truth_records.csv` | `side,id,firm,traits`: the firm behind every record and what was done to it |
//! | `families.csv`, `truth_families.csv` | only with `--families N`: one list where N firms appear hundreds of times ([`families`]) |
//!
//! Firms are made one by one from the seed and their number alone, in chunks of
//! [`profile::CHUNK_FIRMS`]; rows are shuffled within a chunk and streamed to disk, so memory stays
//! flat however many firms are asked for, and the same seed gives the same files everywhere.
//!
//! ```no_run
//! use ledgerlink::core::synth::{generate, SynthOptions};
//! let summary = generate(std::path::Path::new("/tmp/synth"), &SynthOptions { firms: 300, seed: 7, ..SynthOptions::default() })?;
//! assert!(summary.crm_records > 0);
//! # Ok::<(), ledgerlink::core::synth::SynthError>(())
//! ```

pub mod address;
pub mod chunk;
pub mod crm;
pub mod erp;
pub mod families;
pub mod firm;
pub mod ids;
pub mod name;
mod output;
pub mod phone;
pub mod profile;
pub mod rng;
pub mod text;
pub mod traits;
pub mod vat;
pub mod vocab;
pub mod web;
pub mod writer;

use std::path::{Path, PathBuf};

pub use ids::ErpIdStyle;
pub use output::ErpFormat;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    /// Number of firms (each yields zero to three records per list).
    pub firms: u64,
    /// Seed: the same seed gives the same files.
    pub seed: u64,
    /// File format of the ERP list.
    pub erp_format: ErpFormat,
    /// How ERP customer numbers look.
    pub erp_ids: ErpIdStyle,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            firms: 1000,
            seed: 1,
            erp_format: ErpFormat::Xlsx,
            erp_ids: ErpIdStyle::Sap,
        }
    }
}

/// Counts of what was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SynthSummary {
    /// Firms generated.
    pub firms: u64,
    /// Rows of the CRM list.
    pub crm_records: u64,
    /// Rows of the ERP list.
    pub erp_records: u64,
    /// Rows of `truth_links.csv`.
    pub links: u64,
    /// Rows of `truth_links_one_to_one.csv`.
    pub links_one_to_one: u64,
    /// Rows of `truth_crm_duplicates.csv`.
    pub crm_duplicate_pairs: u64,
    /// Rows of `truth_erp_duplicates.csv`.
    pub erp_duplicate_pairs: u64,
    /// CRM records carrying an ERP number.
    pub xrefs: u64,
    /// Of those, numbers pointing nowhere or to another firm.
    pub wrong_xrefs: u64,
    /// The files written.
    pub files: Vec<PathBuf>,
}

/// Why generation failed.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    /// A file or directory could not be created or written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A CSV file could not be written.
    #[error("cannot write {path}: {source}")]
    Csv {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: csv::Error,
    },
    /// The workbook could not be written.
    #[error("cannot write workbook {path}: {source}")]
    Xlsx {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: rust_xlsxwriter::XlsxError,
    },
    /// More rows than a worksheet holds.
    #[error("{path}: more than {limit} rows do not fit in a worksheet; use --erp-format csv")]
    TooManyRows {
        /// The workbook.
        path: PathBuf,
        /// Rows a worksheet holds.
        limit: u32,
    },
    /// The options make no sense (caused by the user: bad input).
    #[error("{0}")]
    InvalidOptions(String),
}

impl SynthError {
    /// Whether the user's input caused the error (exit code 2).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            SynthError::InvalidOptions(_) | SynthError::TooManyRows { .. }
        )
    }
}

/// Firms above which an xlsx ERP list would not fit in one worksheet.
pub const XLSX_MAX_FIRMS: u64 = 1_150_000;

/// Generate the CRM list, the ERP list and the truth files into `out_dir` (created if needed).
pub fn generate(out_dir: &Path, options: &SynthOptions) -> Result<SynthSummary, SynthError> {
    if options.firms == 0 {
        return Err(SynthError::InvalidOptions(
            "--firms must be at least 1".to_string(),
        ));
    }
    if options.erp_format == ErpFormat::Xlsx && options.firms > XLSX_MAX_FIRMS {
        return Err(SynthError::InvalidOptions(format!(
            "{} firms give more ERP rows than a worksheet holds (at most {XLSX_MAX_FIRMS} firms with xlsx); use --erp-format csv",
            options.firms
        )));
    }
    std::fs::create_dir_all(out_dir).map_err(|source| SynthError::Io {
        path: out_dir.to_path_buf(),
        source,
    })?;
    let mut files = output::OutputFiles::create(out_dir, options.erp_format)?;
    let mut builder = chunk::ChunkBuilder::new(options.seed, options.erp_ids);
    let mut summary = SynthSummary {
        firms: options.firms,
        ..SynthSummary::default()
    };
    let mut first = 0;
    let mut chunk_number = 0;
    while first < options.firms {
        let end = (first + profile::CHUNK_FIRMS).min(options.firms);
        let chunk = builder.build(chunk_number, first, end);
        files.write_chunk(&chunk, &mut summary)?;
        first = end;
        chunk_number += 1;
    }
    summary.files = files.finish()?;
    Ok(summary)
}
