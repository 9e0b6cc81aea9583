//! `ledgerlink bench`: run `match` and `dedupe` as separate processes on the benchmark data and
//! print accuracy, time and peak memory per dataset. The data are read by path (they are never
//! part of the repository); a missing dataset is skipped with a note.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;

use super::eval::{Metrics, read_pairs};

mod calibration;
mod families;

use calibration::Calibration;

/// Environment variable that makes `match` and `dedupe` print their peak memory on stderr.
const PEAK_VARIABLE: &str = "LEDGERLINK_REPORT_PEAK";

/// The FEBRL column names mapped to roles (the same on every FEBRL file).
const FEBRL_MAP: [&str; 11] = [
    "id=rec_id",
    "first_name=given_name",
    "last_name=surname",
    "house_number=street_number",
    "street=address_1",
    "address2=address_2",
    "city=suburb",
    "postcode=postcode",
    "region=state",
    "date=date_of_birth",
    "tax_id=soc_sec_id",
];

/// Flags of `ledgerlink bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Folder holding `febrl4/` and `febrl3/`.
    #[arg(long, value_name = "DIR", default_value = "../shared/data")]
    pub data: PathBuf,
    /// A folder written by `ledgerlink synth` (repeat for a scale curve).
    #[arg(long, value_name = "DIR")]
    pub synth: Vec<PathBuf>,
    /// A folder written by `ledgerlink synth --families N`: deduplicate `families.csv`.
    #[arg(long, value_name = "DIR")]
    pub families: Vec<PathBuf>,
    /// Runs per dataset; the fastest is reported.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
}

/// One line of the table.
struct Row {
    dataset: String,
    records: String,
    compared: String,
    metrics: Metrics,
    auto_precision: Option<f64>,
    seconds: f64,
    peak_mib: f64,
    /// The reliability diagram of the suggested pairs, where the truth allows it.
    calibration: Option<Calibration>,
}

/// Print the peak resident memory (VmHWM) on stderr when the bench asked for it.
pub fn report_peak_memory_if_asked() {
    if std::env::var_os(PEAK_VARIABLE).is_none() {
        return;
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or("0");
    eprintln!("peak_memory_kib={peak}");
}

/// Run `ledgerlink bench`.
pub fn run(args: &BenchArgs) -> Result<()> {
    // Removed when dropped, on every return (an error half way included).
    let scratch_dir = tempfile::Builder::new()
        .prefix("ledgerlink-bench-")
        .tempdir()
        .context("cannot create a scratch folder for the bench")?;
    let scratch = scratch_dir.path();
    let mut rows = Vec::new();
    let febrl4 = args.data.join("febrl4");
    if febrl4.join("A.csv").is_file() {
        rows.push(bench_febrl4(&febrl4, scratch, args.runs)?);
    } else {
        eprintln!(
            "skipped FEBRL4: {} not found",
            febrl4.join("A.csv").display()
        );
    }
    let febrl3 = args.data.join("febrl3");
    if febrl3.join("records.csv").is_file() {
        rows.push(bench_febrl3(&febrl3, scratch, args.runs)?);
    } else {
        eprintln!(
            "skipped FEBRL3: {} not found",
            febrl3.join("records.csv").display()
        );
    }
    for dir in &args.synth {
        rows.push(bench_synth(dir, scratch, args.runs)?);
    }
    for dir in &args.families {
        rows.extend(families::bench_families(dir, scratch, args.runs)?);
    }
    print_table(&rows);
    let calibrations: Vec<(String, Calibration)> = rows
        .iter()
        .filter_map(|row| Some((row.dataset.clone(), row.calibration.clone()?)))
        .collect();
    calibration::print_table(&calibrations);
    Ok(())
}

fn febrl_maps(flag: &str) -> Vec<String> {
    FEBRL_MAP
        .iter()
        .flat_map(|map| [flag.to_string(), (*map).to_string()])
        .collect()
}

fn bench_febrl4(dir: &Path, scratch: &Path, runs: usize) -> Result<Row> {
    let out = scratch.join("febrl4_pairs.csv");
    let mut arguments = vec![
        "match".to_string(),
        "--crm".into(),
        path(&dir.join("A.csv")),
    ];
    arguments.extend(["--erp".into(), path(&dir.join("B.csv"))]);
    arguments.extend(febrl_maps("--crm-map"));
    arguments.extend(febrl_maps("--erp-map"));
    arguments.extend(["--out".into(), path(&out)]);
    let run = run_child(&arguments, runs)?;
    let truth = read_pairs(&dir.join("true_pairs.csv"), None)?;
    let metrics = Metrics::of(&truth, &read_pairs(&out, None)?);
    let auto = Metrics::of(&truth, &read_pairs(&out, Some("auto"))?);
    let calibration = Calibration::of(&out, &truth)?;
    Ok(Row {
        dataset: "FEBRL4 match".into(),
        records: run.records.clone(),
        compared: run.compared,
        metrics,
        auto_precision: Some(auto.precision()),
        seconds: run.seconds,
        peak_mib: run.peak_mib,
        calibration: Some(calibration),
    })
}

fn bench_febrl3(dir: &Path, scratch: &Path, runs: usize) -> Result<Row> {
    let out = scratch.join("febrl3_clusters.csv");
    let mut arguments = vec![
        "dedupe".to_string(),
        "--input".into(),
        path(&dir.join("records.csv")),
    ];
    arguments.extend(febrl_maps("--map"));
    arguments.extend(["--out".into(), path(&out)]);
    let run = run_child(&arguments, runs)?;
    let truth = read_pairs(&dir.join("true_pairs.csv"), None)?;
    let metrics = Metrics::of(&truth, &read_pairs(&out, None)?);
    Ok(Row {
        dataset: "FEBRL3 dedupe".into(),
        records: run.records.clone(),
        compared: run.compared,
        metrics,
        auto_precision: None,
        seconds: run.seconds,
        peak_mib: run.peak_mib,
        calibration: None,
    })
}

fn bench_synth(dir: &Path, scratch: &Path, runs: usize) -> Result<Row> {
    let crm = dir.join("crm_accounts.csv");
    let erp = ["erp_customers.csv", "erp_customers.xlsx"]
        .iter()
        .map(|name| dir.join(name))
        .find(|candidate| candidate.is_file())
        .with_context(|| format!("{}: no erp_customers.csv or .xlsx", dir.display()))?;
    let out = scratch.join("synth_pairs.csv");
    let arguments = vec![
        "match".to_string(),
        "--crm".into(),
        path(&crm),
        "--erp".into(),
        path(&erp),
        "--crm-map".into(),
        "email=Email__c".into(),
        "--out".into(),
        path(&out),
    ];
    let run = run_child(&arguments, runs)?;
    let one_to_one = read_pairs(&dir.join("truth_links_one_to_one.csv"), None)?;
    let all_links = read_pairs(&dir.join("truth_links.csv"), None)?;
    let metrics = Metrics::fair(&one_to_one, &all_links, &read_pairs(&out, None)?);
    let auto = Metrics::fair(&one_to_one, &all_links, &read_pairs(&out, Some("auto"))?);
    let calibration = Calibration::of(&out, &all_links)?;
    Ok(Row {
        dataset: format!("synth {}", dir.display()),
        records: run.records.clone(),
        compared: run.compared,
        metrics,
        auto_precision: Some(auto.precision()),
        seconds: run.seconds,
        peak_mib: run.peak_mib,
        calibration: Some(calibration),
    })
}

fn path(path: &Path) -> String {
    path.display().to_string()
}

struct ChildRun {
    seconds: f64,
    peak_mib: f64,
    compared: String,
    records: String,
}

/// Run this binary with `arguments` `runs` times; keep the fastest run.
fn run_child(arguments: &[String], runs: usize) -> Result<ChildRun> {
    let program = std::env::current_exe().context("cannot find the ledgerlink binary")?;
    let mut best: Option<ChildRun> = None;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let output = Command::new(&program)
            .args(arguments)
            .env(PEAK_VARIABLE, "1")
            .output()
            .with_context(|| format!("cannot run {}", program.display()))?;
        let seconds = start.elapsed().as_secs_f64();
        let stderr = String::from_utf8_lossy(&output.stderr);
        if !output.status.success() {
            anyhow::bail!(
                "{} {} failed: {stderr}",
                program.display(),
                arguments.join(" ")
            );
        }
        let peak_kib: f64 = stderr
            .lines()
            .find_map(|line| line.strip_prefix("peak_memory_kib="))
            .and_then(|value| value.trim().parse().ok())
            .unwrap_or(0.0);
        let compared = stderr
            .lines()
            .find_map(|line| {
                line.split(", ")
                    .find_map(|part| part.strip_suffix(" candidate pairs compared"))
            })
            .unwrap_or("")
            .to_string();
        let records = stderr
            .lines()
            .find_map(|line| line.strip_prefix("records: "))
            .unwrap_or("")
            .to_string();
        let run = ChildRun {
            seconds,
            peak_mib: peak_kib / 1024.0,
            compared,
            records,
        };
        if best.as_ref().is_none_or(|b| run.seconds < b.seconds) {
            best = Some(run);
        }
    }
    best.context("no run")
}

fn print_table(rows: &[Row]) {
    println!(
        "{:<36} {:>17} {:>12} {:>9} {:>9} {:>9} {:>9} {:>8} {:>9}",
        "dataset",
        "records",
        "compared",
        "precision",
        "recall",
        "F1",
        "auto prec",
        "time s",
        "peak MiB"
    );
    for row in rows {
        let auto = row
            .auto_precision
            .map_or_else(|| "-".to_string(), |p| format!("{p:.4}"));
        println!(
            "{:<36} {:>17} {:>12} {:>9.4} {:>9.4} {:>9.4} {:>9} {:>8.3} {:>9.1}",
            row.dataset,
            row.records,
            row.compared,
            row.metrics.precision(),
            row.metrics.recall(),
            row.metrics.f1(),
            auto,
            row.seconds,
            row.peak_mib
        );
    }
}
