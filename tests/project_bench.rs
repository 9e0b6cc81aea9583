//! Speed of the project file at workshop scale (issue 4): 100,000 records on each side, 100,000
//! suggestions and 100,000 decisions; opening must take at most 2 s and one decision at most
//! 5 ms at the 99th percentile. Run with
//! `cargo test --release --no-default-features --test project_bench -- --ignored --nocapture`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod project_support;

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

#[test]
#[ignore = "benchmark: run with --release -- --ignored --nocapture"]
fn project_at_workshop_scale() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bench.ledgerlink");
    let setup = NewProject {
        crm: list("crm.csv", "C", true),
        erp: list("erp.csv", "E", false),
        crm_mapping: vec![],
        erp_mapping: vec![],
        policy: Default::default(),
        by: "bench".into(),
    };
    let started = Instant::now();
    let mut project = Project::create_with_suggestions(&file, setup, &suggestions()).unwrap();
    println!(
        "create (200,000 records, 110,000 suggestions): {:.2?}",
        started.elapsed()
    );

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
    let started = Instant::now();
    for chunk in decisions.chunks(10_000) {
        project.decide_batch(chunk, "bench", None).unwrap();
    }
    println!(
        "100,000 decisions in batches of 10,000: {:.2?}",
        started.elapsed()
    );
    drop(project);

    let mut opens = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        let project = Project::open(&file).unwrap();
        opens.push(started.elapsed());
        assert_eq!(project.decisions().len(), 100_000);
    }
    println!("open with 100,000 decisions: {opens:.2?}");

    let mut project = Project::open(&file).unwrap();
    let mut timings = Vec::new();
    for i in 95_000..97_000 {
        let started = Instant::now();
        project
            .decide(&accept(i), "bench", Some("one by one"))
            .unwrap();
        timings.push(started.elapsed());
    }
    timings.sort();
    println!(
        "one decision (2,000 accepts): p50 {:.2?}, p99 {:.2?}, max {:.2?}",
        percentile(&timings, 0.5),
        percentile(&timings, 0.99),
        timings[timings.len() - 1]
    );

    let mut history = Vec::new();
    for _ in 0..200 {
        let started = Instant::now();
        project.undo("bench").unwrap();
        history.push(started.elapsed());
    }
    for _ in 0..200 {
        let started = Instant::now();
        project.redo("bench").unwrap();
        history.push(started.elapsed());
    }
    history.sort();
    println!(
        "undo/redo (400): p50 {:.2?}, p99 {:.2?}",
        percentile(&history, 0.5),
        percentile(&history, 0.99)
    );

    let started = Instant::now();
    let status = project.status();
    println!("status: {:.2?}", started.elapsed());
    assert_eq!(status.accepted, 92_000);
    assert_eq!(status.rejected, 5_000);
    assert_eq!(status.open, 3_000);
    assert_eq!(status.actions.ignore, 5_000);
    let size = std::fs::metadata(&file).unwrap().len();
    println!("file size: {:.1} MB", size as f64 / 1e6);
}
