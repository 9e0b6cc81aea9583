//! Export benchmark: a project of 100,000 CRM and 100,000 ERP records with 90,000 suggested
//! pairs, 10,000 accepted and 1,000 rejected, exported in full. Prints the figures; asserts only
//! what a user would notice (every file written, the row counts).
//!
//! `cargo bench --bench export_bench`
//! (`LEDGERLINK_BENCH_RECORDS=20000` for a smaller run). `LEDGERLINK_BENCH_KEEP=DIR` keeps the
//! project in DIR, so the export can be timed again with a release binary built without the
//! GUI (cheaper than a release build of the tests):
//! `cargo build --release --no-default-features` then
//! `/usr/bin/time -v target/release/ledgerlink export DIR/bench.ledgerlink --out DIR/out`, and
//! `ledgerlink apply-review DIR/before-review.ledgerlink DIR/filled-review.xlsx` (on a copy).
//!
//! Measured (release binary, 2 shared cores, load ~5): 100,000 + 100,000 records, 10,000 links,
//! 79,000 open suggestions: `export` 3.6 s wall (2.8 s CPU), peak RSS 200 MB (`status` alone on
//! the same project: 0.8 s, 164 MB); 21.6 MB written (review.xlsx 13 MB). `apply-review` of
//! the 79,000 rows all accepted: 3.7 s. Debug build: export 40 s, apply-review 8.8 s.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/export_support/mod.rs"]
mod export_support;
#[path = "support/mod.rs"]
mod support;

use std::path::Path;
use std::time::Instant;

use calamine::Data;
use ledgerlink::core::export::{ExportOptions, apply_review, export_project};
use ledgerlink::core::project::{Decision, Project, SuggestionSet};
use rust_xlsxwriter::Workbook;

use export_support::{ERP_COLUMNS, pair, project_from, read_sheet};

fn records() -> usize {
    std::env::var("LEDGERLINK_BENCH_RECORDS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(100_000)
}

fn crm_row(index: usize) -> Vec<String> {
    let kind = ["Customer", "Prospect", "Lead"][index % 3];
    [
        format!("0015g{index:013}"),
        format!("Firm {index} GmbH"),
        format!("Hauptstr. {}", index % 200),
        format!("{:05}", 10_000 + index % 80_000),
        "Berlin".to_string(),
        "DE".to_string(),
        format!("+49 30 {index:07}"),
        format!("info{index}@firm.de"),
        format!("DE{index:09}"),
        if index.is_multiple_of(4) {
            format!("{index:010}")
        } else {
            String::new()
        },
        kind.to_string(),
    ]
    .to_vec()
}

fn erp_row(index: usize) -> Vec<String> {
    [
        format!("{index:010}"),
        format!("FIRM {index} GMBH"),
        format!("Hauptstraße {}", index % 200 + index % 7),
        format!("{:05}", 10_000 + index % 80_000),
        "Berlin".to_string(),
        "DE".to_string(),
        format!("030 {index:07}"),
        format!("INFO{index}@firm.de"),
        format!("DE {index:09}"),
        String::new(),
    ]
    .to_vec()
}

fn export_a_large_project() {
    let count = records();
    let dir = tempfile::tempdir().unwrap();
    let keep = std::env::var("LEDGERLINK_BENCH_KEEP").ok();
    let dir_path = keep.as_deref().map_or(dir.path(), std::path::Path::new);
    let started = Instant::now();
    let crm: Vec<Vec<String>> = (0..count).map(crm_row).collect();
    let erp: Vec<Vec<String>> = (0..count).map(erp_row).collect();
    let paired = count * 9 / 10;
    let suggestions = SuggestionSet {
        pairs: (0..paired)
            .map(|index| pair(index, index, 0.5 + (index % 50) as f64 / 100.0))
            .collect(),
        ..Default::default()
    };
    let file = dir_path.join("bench.ledgerlink");
    let mut project = project_from(&file, &crm, &ERP_COLUMNS, &erp, &suggestions, "both");
    let created = started.elapsed();
    let (accepts, rejects) = (count / 10, count / 100);
    let deciding = Instant::now();
    for index in 0..accepts + rejects {
        let (crm, erp) = (format!("0015g{index:013}"), format!("{index:010}"));
        let decision = if index < accepts {
            Decision::Accept { crm, erp }
        } else {
            Decision::Reject { crm, erp }
        };
        project.decide(&decision, "bench", None).unwrap();
    }
    let decided = deciding.elapsed();

    let exporting = Instant::now();
    let summary =
        export_project(&project, &dir_path.join("out"), &ExportOptions::default()).unwrap();
    let exported = exporting.elapsed();
    let bytes: u64 = summary
        .files
        .iter()
        .map(|file| std::fs::metadata(&file.path).unwrap().len())
        .sum();
    println!(
        "export bench: {count} + {count} records, {paired} suggestions, {accepts} accepted, \
         {rejects} rejected"
    );
    println!(
        "  project made in {:.1} s, decisions taken in {:.1} s ({:.2} ms each)",
        created.as_secs_f64(),
        decided.as_secs_f64(),
        decided.as_secs_f64() * 1000.0 / (accepts + rejects) as f64
    );
    println!(
        "  export: {:.2} s, {:.1} MB in {} files",
        exported.as_secs_f64(),
        bytes as f64 / 1e6,
        summary.files.len()
    );
    for file in &summary.files {
        let size = std::fs::metadata(&file.path).unwrap().len();
        println!(
            "    {:<22} {:>8} rows {:>10} bytes",
            file.name, file.rows, size
        );
    }
    assert_eq!(summary.rows("links.csv"), Some(accepts));
    assert_eq!(
        summary.rows("review.xlsx"),
        Some(paired - accepts - rejects)
    );
    assert_eq!(summary.rows("audit.csv"), Some(accepts + rejects));
    drop(project);
    apply_every_row(dir_path, &file, paired - accepts - rejects);
}

/// Accept every row of the exported review workbook (through a copy written with
/// rust_xlsxwriter) and time `apply_review`. The project before the review is kept as
/// `before-review.ledgerlink` for timing the release binary's `apply-review`.
fn apply_every_row(dir: &Path, file: &Path, open: usize) {
    let review = dir.join("out/review.xlsx");
    let filled = dir.join("filled-review.xlsx");
    let cells = read_sheet(&review, "Review");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Review").unwrap();
    for (row, cells) in cells.iter().enumerate() {
        for (column, cell) in cells.iter().enumerate().take(7) {
            if let Data::String(text) = cell {
                sheet.write_string(row as u32, column as u16, text).unwrap();
            }
        }
        if row > 0 {
            sheet.write_string(row as u32, 0, "accept").unwrap();
        }
    }
    workbook.save(&filled).unwrap();
    std::fs::copy(file, dir.join("before-review.ledgerlink")).unwrap();
    let mut project = Project::open(file).unwrap();
    let applying = Instant::now();
    let report = apply_review(&mut project, &filled, "bench").unwrap();
    let applied = applying.elapsed();
    println!(
        "  apply-review of {} accepted rows: {:.2} s",
        report.applied.len(),
        applied.as_secs_f64()
    );
    assert_eq!(report.applied.len(), open);
    assert!(report.refused.is_empty());
}

/// `cargo bench --bench export_bench [-- NAME]`: run every benchmark of this file, or those whose name
/// contains NAME; each prints its figures.
fn main() {
    support::run(&[("export_a_large_project", export_a_large_project)]);
}
