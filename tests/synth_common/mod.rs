//! Helpers shared by the synth integration tests: run the generator, read its files back.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use ledgerlink::core::synth::{ErpFormat, ErpIdStyle, SynthOptions, SynthSummary, generate};

/// A generated data set in a temporary directory.
pub struct Generated {
    /// Keeps the directory alive.
    pub dir: tempfile::TempDir,
    /// What the generator reported.
    pub summary: SynthSummary,
}

impl Generated {
    /// A path inside the data set's directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// Generate `firms` firms from `seed`.
pub fn generate_into_temp(firms: u64, seed: u64, erp_format: ErpFormat) -> Generated {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = SynthOptions {
        firms,
        seed,
        erp_format,
        erp_ids: ErpIdStyle::Sap,
    };
    let summary = generate(dir.path(), &options).expect("generate");
    Generated { dir, summary }
}

/// A CSV file as header + rows of strings (a leading BOM is dropped).
pub fn read_csv(path: &Path, delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).expect("read csv");
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(body);
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|record| {
            record
                .expect("row parses")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, rows)
}

/// The first worksheet of a workbook as rows of cells (header included).
pub fn read_xlsx(path: &Path) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> = open_workbook(path).expect("open workbook");
    let range = workbook
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("sheet reads");
    range.rows().map(<[Data]>::to_vec).collect()
}

/// The ERP list as header + rows of strings, whichever format it was written in.
pub fn read_erp(generated: &Generated) -> (Vec<String>, Vec<Vec<String>>) {
    let csv = generated.path("erp_customers.csv");
    if csv.exists() {
        return read_csv(&csv, b';');
    }
    let rows = read_xlsx(&generated.path("erp_customers.xlsx"));
    let text = |cell: &Data| match cell {
        Data::Empty => String::new(),
        other => other.to_string(),
    };
    let mut rows = rows
        .iter()
        .map(|row| row.iter().map(text).collect::<Vec<_>>());
    let header = rows.next().expect("header");
    (header, rows.collect())
}

/// `truth_records.csv` as (side, id) -> (firm, traits).
pub fn truth_records(generated: &Generated) -> HashMap<(String, String), (String, String)> {
    let (_, rows) = read_csv(&generated.path("truth_records.csv"), b',');
    rows.into_iter()
        .map(|row| {
            (
                (row[0].clone(), row[1].clone()),
                (row[2].clone(), row[3].clone()),
            )
        })
        .collect()
}

/// An id as a careful comparison sees it: trimmed, upper case, leading zeros of numbers dropped.
pub fn comparable_id(raw: &str) -> String {
    let trimmed = raw.trim().to_uppercase();
    if !trimmed.is_empty() && trimmed.chars().all(|c| c.is_ascii_digit()) {
        let stripped = trimmed.trim_start_matches('0');
        if stripped.is_empty() {
            "0".to_string()
        } else {
            stripped.to_string()
        }
    } else {
        trimmed
    }
}
