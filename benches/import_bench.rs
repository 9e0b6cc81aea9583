//! Import speed and memory (a benchmark that prints figures, not a timed test):
//!
//! ```sh
//! cargo bench --no-default-features --bench import_bench
//! ```
//!
//! Generates a 1,000,000-row, 12-column CSV and a 100,000-row xlsx (rust_xlsxwriter, constant
//! memory mode) in a temporary folder, imports each, and prints the time taken and the peak
//! memory of the import (VmHWM from /proc/self/status, reset before each run) next to the
//! file's size. Targets: the CSV in at most 3 s holding at most twice its size, the xlsx in at
//! most 5 s.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/mod.rs"]
mod support;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Mutex;
use std::time::Instant;

use ledgerlink::core::import::import_file;
use ledgerlink::core::model::{Dataset, Role};

/// The two benchmarks measure the process's peak memory: never run them at the same time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

const CITIES: [&str; 8] = [
    "Köln",
    "München",
    "Düsseldorf",
    "Zürich",
    "Paris",
    "Lyon",
    "Madrid",
    "Amsterdam",
];
const FORMS: [&str; 6] = ["GmbH", "AG", "GmbH & Co. KG", "SARL", "S.L.", "B.V."];

/// Twelve realistic cells for record `index`.
fn record(index: usize) -> [String; 12] {
    let city = CITIES[index % CITIES.len()];
    [
        format!("{:010}", 100_000 + index),
        format!(
            "Müller Anlagenbau {} {}",
            index % 9973,
            FORMS[index % FORMS.len()]
        ),
        format!("Industriestraße {}", index % 250 + 1),
        format!("{:05}", (index * 7919) % 99_999),
        city.to_string(),
        "DE".to_string(),
        format!("+49 221 {:07}", index % 10_000_000),
        format!("info{}@mueller-{}.de", index % 1000, index % 7777),
        format!("www.mueller-{}.de", index % 7777),
        format!("DE{:09}", (index * 104_729) % 1_000_000_000),
        ["Customer", "Prospect", "Lead"][index % 3].to_string(),
        format!("0015g00000{:08X}", index),
    ]
}

const HEADER: [&str; 12] = [
    "Kundennummer",
    "Firma",
    "Straße",
    "PLZ",
    "Ort",
    "Land",
    "Telefon",
    "E-Mail",
    "Website",
    "USt-IdNr.",
    "Kontotyp",
    "CRM-ID",
];

fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Import `path`, printing time and peak memory against the file size.
fn measure(label: &str, path: &Path) -> Dataset {
    let file_bytes = std::fs::metadata(path).unwrap().len();
    // Reset the peak (VmHWM) to the current resident size (Linux >= 4.0).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let baseline = status_kib("VmRSS:").unwrap_or(0);
    let started = Instant::now();
    let list = import_file(path.to_str().unwrap(), &[]).unwrap();
    let elapsed = started.elapsed();
    let peak = status_kib("VmHWM:").unwrap_or(0);
    let held = peak.saturating_sub(baseline) * 1024;
    println!(
        "{label}: {} rows x {} columns from {:.1} MB in {:.2} s; peak memory during import \
         {:.1} MB above the {:.1} MB before it = {:.2} x the file; the list holds {:.1} MB",
        list.len(),
        list.columns.len(),
        file_bytes as f64 / 1e6,
        elapsed.as_secs_f64(),
        held as f64 / 1e6,
        baseline as f64 * 1024.0 / 1e6,
        held as f64 / file_bytes as f64,
        list.cells.heap_bytes() as f64 / 1e6,
    );
    list
}

fn csv_of_a_million_rows() {
    let _guard = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kunden.csv");
    let started = Instant::now();
    let mut out = BufWriter::with_capacity(1 << 20, File::create(&path).unwrap());
    writeln!(out, "{}", HEADER.join(";")).unwrap();
    for index in 0..1_000_000 {
        let cells = record(index);
        writeln!(out, "{}", cells.join(";")).unwrap();
    }
    out.flush().unwrap();
    drop(out);
    println!("csv: written in {:.2} s", started.elapsed().as_secs_f64());
    let list = measure("csv", &path);
    assert_eq!(list.len(), 1_000_000);
    assert_eq!(list.report.delimiter, Some(';'));
    assert_eq!(list.value(999_999, Role::Id), Some("0001099999"));
    assert_eq!(list.value(3, Role::City), Some("Zürich"));
}

fn xlsx_of_a_hundred_thousand_rows() {
    let _guard = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kunden.xlsx");
    let started = Instant::now();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet_with_constant_memory().unwrap();
    for (column, name) in HEADER.iter().enumerate() {
        sheet.write_string(0, column as u16, *name).unwrap();
    }
    for index in 0..100_000u32 {
        let cells = record(index as usize);
        for (column, text) in cells.iter().enumerate() {
            if column == 0 {
                // Customer numbers typed as numbers, as many ERPs export them.
                sheet
                    .write_number(index + 1, 0, (100_000 + index) as f64)
                    .unwrap();
            } else {
                sheet.write_string(index + 1, column as u16, text).unwrap();
            }
        }
    }
    workbook.save(&path).unwrap();
    println!("xlsx: written in {:.2} s", started.elapsed().as_secs_f64());
    let list = measure("xlsx", &path);
    assert_eq!(list.len(), 100_000);
    assert_eq!(list.value(0, Role::Id), Some("100000"));
    assert_eq!(
        list.value(99_999, Role::Name),
        Some("Müller Anlagenbau 269 SARL")
    );
}

/// `cargo bench --bench import_bench [-- NAME]`: run every benchmark of this file, or those whose name
/// contains NAME; each prints its figures.
fn main() {
    support::run(&[
        ("csv_of_a_million_rows", csv_of_a_million_rows),
        (
            "xlsx_of_a_hundred_thousand_rows",
            xlsx_of_a_hundred_thousand_rows,
        ),
    ]);
}
