//! Speed of the project file at workshop scale (issue 4): 100,000 records on each side, 100,000
//! suggestions and 100,000 decisions; opening must take at most 2 s and one decision at most
//! 5 ms at the 99th percentile. Run with
//! `cargo bench --no-default-features --bench project_bench`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/pg_support/mod.rs"]
mod pg_support;
#[path = "../tests/project_support/mod.rs"]
mod project_support;
#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use ledgerlink::core::matching::{DuplicateCluster, PairSuggestion};
use ledgerlink::core::model::{Dataset, Side};
use ledgerlink::core::project::{
    CreationAction, Decision, NewProject, Project, RecordRef, SuggestionSet,
};
use project_support::{dataset_owned, pair};

const RECORDS: usize = 100_000;

fn list(file: &str, prefix: &str, account_type: bool) -> Dataset {
    let mut headers = vec![
        "id", "name", "street", "postcode", "city", "country", "phone", "email", "tax_id",
    ];
    if account_type {
        headers.push("account_type");
    }
    let rows: Vec<Vec<String>> = (0..RECORDS)
        .map(|i| {
            let mut row = vec![
                format!("{prefix}{i}"),
                format!("Firm number {i} GmbH & Co. KG"),
                format!("Hauptstraße {}", i % 300 + 1),
                format!("{:05}", i * 7 % 99_999),
                ["Berlin", "Köln", "München", "Hamburg"][i % 4].to_string(),
                "DE".to_string(),
                format!("+49 30 {:07}", i),
                format!("info@firm{i}.de"),
                format!("DE{:09}", 100_000_000 + i),
            ];
            if account_type {
                row.push(["Customer", "Prospect", "Lead"][i % 3].to_string());
            }
            row
        })
        .collect();
    dataset_owned(file, &headers, &rows)
}

fn suggestions() -> SuggestionSet {
    let pairs: Vec<PairSuggestion> = (0..RECORDS)
        .map(|i| {
            let mut suggestion = pair(i, i, 0.9 + (i % 100) as f64 / 1000.0);
            suggestion.contributions = (0..5)
                .map(|_| suggestion.contributions[0].clone())
                .collect();
            suggestion
        })
        .collect();
    SuggestionSet {
        alternatives: pairs
            .iter()
            .step_by(10)
            .map(|p| pair(p.crm_row, (p.erp_row + 1) % RECORDS, 0.5))
            .collect(),
        pairs,
        duplicates: (0..1000)
            .map(|i| DuplicateCluster {
                side: Side::Crm,
                rows: vec![i * 2, i * 2 + 1],
                probability: 0.8,
                reason: "same phone".into(),
            })
            .collect(),
        xref_checks: Vec::new(),
    }
}

/// CPU time this thread has run (Linux: `/proc/thread-self/schedstat`), to tell the work done
/// from the waiting on a machine shared with other jobs.
fn cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// Wall-clock and CPU time of `work`.
fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration, Duration) {
    let (wall, cpu) = (Instant::now(), cpu_time());
    let result = work();
    (result, wall.elapsed(), cpu_time().saturating_sub(cpu))
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// What one durable write costs on this disk right now: 4 KB appended and synced, 200 times.
fn fsync_floor(dir: &std::path::Path) {
    use std::io::Write;
    let mut file = std::fs::File::create(dir.join("fsync-probe")).unwrap();
    let mut walls = Vec::new();
    for _ in 0..200 {
        let started = Instant::now();
        file.write_all(&[7u8; 4096]).unwrap();
        file.sync_data().unwrap();
        walls.push(started.elapsed());
    }
    walls.sort();
    println!(
        "raw 4 KB write + fsync on the same disk: p50 {:.2?}, p99 {:.2?}",
        percentile(&walls, 0.5),
        percentile(&walls, 0.99)
    );
}

fn report(what: &str, mut walls: Vec<Duration>, mut cpus: Vec<Duration>) {
    walls.sort();
    cpus.sort();
    println!(
        "{what}: p50 {:.2?}, p99 {:.2?}, max {:.2?} (CPU p50 {:.2?}, p99 {:.2?})",
        percentile(&walls, 0.5),
        percentile(&walls, 0.99),
        walls[walls.len() - 1],
        percentile(&cpus, 0.5),
        percentile(&cpus, 0.99)
    );
}

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    let index = ((sorted.len() as f64 * fraction).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[index]
}

fn accept(i: usize) -> Decision {
    Decision::Accept {
        crm: format!("C{i}"),
        erp: format!("E{i}"),
    }
}

fn project_at_workshop_scale() {
    let dir = tempfile::tempdir().unwrap();
    // LEDGERLINK_BENCH_KEEP=DIR keeps the project there for further measurements.
    let keep = std::env::var_os("LEDGERLINK_BENCH_KEEP").map(std::path::PathBuf::from);
    let file = keep
        .as_deref()
        .unwrap_or(dir.path())
        .join("bench.ledgerlink");
    let _ = std::fs::remove_file(&file);
    let setup = NewProject {
        crm: list("crm.csv", "C", true),
        erp: list("erp.csv", "E", false),
        crm_mapping: vec![],
        erp_mapping: vec![],
        policy: Default::default(),
        by: "bench".into(),
    };
    println!("load average before: {}", load_average());
    let suggestions = suggestions();
    let (project, wall, cpu) =
        timed(|| Project::create_with_suggestions(&file, setup, &suggestions).unwrap());
    let mut project = project;
    println!("create (200,000 records, 110,000 suggestions): {wall:.2?} (CPU {cpu:.2?})");

    // 100,000 decisions: 90,000 accepted, 5,000 rejected, 5,000 ERP records ignored.
    let mut decisions: Vec<Decision> = (0..90_000).map(accept).collect();
    decisions.extend((90_000..95_000).map(|i| Decision::Reject {
        crm: format!("C{i}"),
        erp: format!("E{i}"),
    }));
    decisions.extend((90_000..95_000).map(|i| Decision::Action {
        record: RecordRef::new(Side::Erp, format!("E{i}")),
        action: CreationAction::Ignore,
    }));
    let ((), wall, cpu) = timed(|| {
        for chunk in decisions.chunks(10_000) {
            project.decide_batch(chunk, "bench", None).unwrap();
        }
    });
    println!("100,000 decisions in batches of 10,000: {wall:.2?} (CPU {cpu:.2?})");
    drop(project);

    for _ in 0..3 {
        let (project, wall, cpu) = timed(|| Project::open(&file).unwrap());
        println!("open with 100,000 decisions: {wall:.2?} (CPU {cpu:.2?})");
        assert_eq!(project.decisions().len(), 100_000);
    }

    let mut project = Project::open(&file).unwrap();
    let (mut walls, mut cpus) = (Vec::new(), Vec::new());
    for i in 95_000..97_000 {
        let (entry, wall, cpu) = timed(|| project.decide(&accept(i), "bench", Some("one by one")));
        entry.unwrap();
        walls.push(wall);
        cpus.push(cpu);
    }
    report("one decision (2,000 accepts)", walls, cpus);
    fsync_floor(dir.path());

    let (mut walls, mut cpus) = (Vec::new(), Vec::new());
    for step in 0..400 {
        let (entry, wall, cpu) = timed(|| {
            if step < 200 {
                project.undo("bench")
            } else {
                project.redo("bench")
            }
        });
        entry.unwrap();
        walls.push(wall);
        cpus.push(cpu);
    }
    report("undo and redo (400)", walls, cpus);

    let (status, wall, cpu) = timed(|| project.status());
    println!("status: {wall:.2?} (CPU {cpu:.2?})");
    assert_eq!(status.accepted, 92_000);
    assert_eq!(status.rejected, 5_000);
    assert_eq!(status.open, 3_000);
    assert_eq!(status.actions.ignore, 5_000);
    let size = std::fs::metadata(&file).unwrap().len();
    println!(
        "file size: {:.1} MB; load average after: {}",
        size as f64 / 1e6,
        load_average()
    );
}

/// `cargo bench --bench project_bench [-- NAME]`: run every benchmark of this file, or those whose name
/// contains NAME; each prints its figures.
fn main() {
    support::run(&[("project_at_workshop_scale", project_at_workshop_scale)]);
}
