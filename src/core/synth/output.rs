//! The set of files one run writes, and how a chunk's rows go into them.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use super::chunk::Chunk;
use super::crm::CRM_HEADER;
use super::erp::ERP_HEADER;
use super::writer::{CsvFlavour, TableWriter};
use super::{SynthError, SynthSummary};

/// File format of the ERP list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ErpFormat {
    /// An Excel workbook, as an ERP's "open in Excel" writes it.
    #[default]
    Xlsx,
    /// A semicolon-separated CSV (for scale runs).
    Csv,
}

impl FromStr for ErpFormat {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "xlsx" => Ok(ErpFormat::Xlsx),
            "csv" => Ok(ErpFormat::Csv),
            other => Err(format!(
                "unknown ERP format '{other}' (expected xlsx or csv)"
            )),
        }
    }
}

impl fmt::Display for ErpFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErpFormat::Xlsx => "xlsx",
            ErpFormat::Csv => "csv",
        })
    }
}

/// Column widths of the ERP workbook, in characters.
const ERP_WIDTHS: [f64; 12] = [
    13.0, 36.0, 20.0, 30.0, 14.0, 10.0, 20.0, 8.0, 18.0, 28.0, 18.0, 8.0,
];

/// The open output files.
pub struct OutputFiles {
    crm: TableWriter,
    erp: TableWriter,
    links: TableWriter,
    links_one_to_one: TableWriter,
    crm_duplicates: TableWriter,
    erp_duplicates: TableWriter,
    xref: TableWriter,
    records: TableWriter,
    paths: Vec<PathBuf>,
}

impl OutputFiles {
    /// Create every file in `dir` and write the headers.
    pub fn create(dir: &Path, erp_format: ErpFormat) -> Result<Self, SynthError> {
        let mut paths = Vec::new();
        let mut path = |name: &str| {
            let path = dir.join(name);
            paths.push(path.clone());
            path
        };
        let crm = TableWriter::csv(
            &path("crm_accounts.csv"),
            CsvFlavour::DATA_LOADER,
            &CRM_HEADER,
        )?;
        let erp = match erp_format {
            ErpFormat::Xlsx => TableWriter::xlsx(
                &path("erp_customers.xlsx"),
                "Customers",
                &ERP_HEADER,
                &ERP_WIDTHS,
            )?,
            ErpFormat::Csv => {
                TableWriter::csv(&path("erp_customers.csv"), CsvFlavour::ERP, &ERP_HEADER)?
            }
        };
        let plain =
            |file: &Path, header: &[&str]| TableWriter::csv(file, CsvFlavour::PLAIN, header);
        let links = plain(&path("truth_links.csv"), &["crm_id", "erp_id"])?;
        let links_one_to_one = plain(&path("truth_links_one_to_one.csv"), &["crm_id", "erp_id"])?;
        let crm_duplicates = plain(&path("truth_crm_duplicates.csv"), &["id_1", "id_2"])?;
        let erp_duplicates = plain(&path("truth_erp_duplicates.csv"), &["id_1", "id_2"])?;
        let xref = plain(&path("truth_xref.csv"), &["crm_id", "xref", "status"])?;
        let records = plain(
            &path("truth_records.csv"),
            &["side", "id", "firm", "traits"],
        )?;
        Ok(OutputFiles {
            crm,
            erp,
            links,
            links_one_to_one,
            crm_duplicates,
            erp_duplicates,
            xref,
            records,
            paths,
        })
    }

    /// Append the rows and truth of one chunk, and count them.
    pub fn write_chunk(
        &mut self,
        chunk: &Chunk,
        summary: &mut SynthSummary,
    ) -> Result<(), SynthError> {
        let crm_id = |row: usize| chunk.crm[row].cells[0].as_str();
        let erp_id = |row: usize| chunk.erp[row].cells[0].as_str();
        for row in &chunk.crm {
            self.crm.write_row(&row.cells)?;
            let firm = format!("F{:07}", row.firm);
            self.records
                .write_row(&["crm", &row.cells[0], &firm, &row.traits.to_tag_list()])?;
        }
        for row in &chunk.erp {
            self.erp.write_row(&row.cells)?;
            let firm = format!("F{:07}", row.firm);
            self.records
                .write_row(&["erp", &row.cells[0], &firm, &row.traits.to_tag_list()])?;
        }
        for &(crm, erp) in &chunk.links {
            self.links.write_row(&[crm_id(crm), erp_id(erp)])?;
        }
        for &(crm, erp) in &chunk.links_one_to_one {
            self.links_one_to_one
                .write_row(&[crm_id(crm), erp_id(erp)])?;
        }
        for &(first, second) in &chunk.crm_duplicates {
            self.crm_duplicates
                .write_row(&[crm_id(first), crm_id(second)])?;
        }
        for &(first, second) in &chunk.erp_duplicates {
            self.erp_duplicates
                .write_row(&[erp_id(first), erp_id(second)])?;
        }
        for &(row, status) in &chunk.xrefs {
            let cells = &chunk.crm[row].cells;
            self.xref.write_row(&[
                cells[0].as_str(),
                cells[super::crm::CRM_XREF].as_str(),
                status.as_str(),
            ])?;
            summary.wrong_xrefs += u64::from(status != super::chunk::XrefTruth::Confirmed);
        }
        summary.crm_records += chunk.crm.len() as u64;
        summary.erp_records += chunk.erp.len() as u64;
        summary.links += chunk.links.len() as u64;
        summary.links_one_to_one += chunk.links_one_to_one.len() as u64;
        summary.crm_duplicate_pairs += chunk.crm_duplicates.len() as u64;
        summary.erp_duplicate_pairs += chunk.erp_duplicates.len() as u64;
        summary.xrefs += chunk.xrefs.len() as u64;
        Ok(())
    }

    /// Close every file; returns their paths.
    pub fn finish(self) -> Result<Vec<PathBuf>, SynthError> {
        for table in [
            self.crm,
            self.erp,
            self.links,
            self.links_one_to_one,
            self.crm_duplicates,
            self.erp_duplicates,
            self.xref,
            self.records,
        ] {
            table.finish()?;
        }
        Ok(self.paths)
    }
}
