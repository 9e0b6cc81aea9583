//! The shared workshop on PostgreSQL, measured on a throw-away local server (the tests' own,
//! `tests/pg_support`): decisions per second with 1, 2 and 8 reviewers deciding at once (each
//! its own connection, as each laptop has), against the same on a project file; how long a
//! decision takes to reach another reviewer's window; `new`, opening and `export` of a
//! 100,000 × 100,000 project on the server against the file.
//!
//! `cargo bench --no-default-features --bench server_bench [-- reviewers|window|large]`
//! (`LEDGERLINK_BENCH_RECORDS=20000` for a smaller large run).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/export_support/mod.rs"]
mod export_support;
#[path = "../tests/pg_support/mod.rs"]
mod pg_support;
#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use ledgerlink::core::export::{ExportOptions, export_project};
use ledgerlink::core::model::Role;
use ledgerlink::core::project::pg::watch::Watcher;
use ledgerlink::core::project::{Decision, Location, NewProject, Project, SuggestionSet};

use export_support::{ERP_COLUMNS, dataset, pair, project_from};

const SIMPLE: [(&str, Role); 2] = [("id", Role::Id), ("name", Role::Name)];

fn server_location(prefix: &str) -> Location {
    let server = pg_support::server().expect("PostgreSQL's binaries are installed");
    Location::parse(&server.url(&server.unique_project(prefix))).unwrap()
}

/// A project of `count` CRM (C0..) and ERP (E0..) records without suggestions.
fn simple_project(location: &Location, count: usize) {
    let rows = |prefix: &str| -> Vec<Vec<String>> {
        (0..count)
            .map(|i| vec![format!("{prefix}{i}"), format!("Firm {i}")])
            .collect()
    };
    let setup = NewProject {
        crm: dataset("crm.csv", &SIMPLE, &rows("C")),
        erp: dataset("erp.csv", &SIMPLE, &rows("E")),
        crm_mapping: vec![],
        erp_mapping: vec![],
        policy: Default::default(),
        by: "bench".into(),
    };
    Project::create_with_suggestions(location, setup, &SuggestionSet::default()).unwrap();
}

/// `reviewers` threads, each with its own connection, link `total / reviewers` pairs each;
/// returns decisions per second.
fn decide_at_once(location: &Location, reviewers: usize, total: usize) -> f64 {
    let each = total / reviewers;
    let started = Instant::now();
    std::thread::scope(|scope| {
        for reviewer in 0..reviewers {
            scope.spawn(move || {
                let mut project = Project::open(location).unwrap();
                let by = format!("reviewer{reviewer}");
                for i in reviewer * each..(reviewer + 1) * each {
                    let link = Decision::Link {
                        crm: format!("C{i}"),
                        erp: format!("E{i}"),
                    };
                    project.decide(&link, &by, None).unwrap();
                }
            });
        }
    });
    let rate = (each * reviewers) as f64 / started.elapsed().as_secs_f64();
    assert_eq!(
        Project::open(location).unwrap().links().len(),
        each * reviewers
    );
    rate
}

fn reviewers() {
    let total = 1_200;
    println!(
        "server bench: decisions per second, {total} links in all, each committed before the next"
    );
    for reviewers in [1, 2, 8] {
        let on_server = server_location("rate");
        simple_project(&on_server, total);
        let server_rate = decide_at_once(&on_server, reviewers, total);
        let dir = tempfile::tempdir().unwrap();
        let file = Location::File(dir.path().join("rate.ledgerlink"));
        simple_project(&file, total);
        let file_rate = decide_at_once(&file, reviewers, total);
        println!(
            "  {reviewers} reviewer(s): PostgreSQL {server_rate:>6.0}/s   project file {file_rate:>6.0}/s"
        );
    }
}

fn window() {
    let location = server_location("window");
    simple_project(&location, 200);
    let Location::Postgres(pg) = &location else {
        unreachable!()
    };
    let watcher = Watcher::start(pg, "anna", Box::new(|| {}));
    let mut anna = Project::open(&location).unwrap();
    let started = Instant::now();
    while !watcher.is_connected() && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(5));
    }
    std::thread::sleep(Duration::from_millis(300));
    let _ = watcher.take_changed();
    let mut bert = Project::open(&location).unwrap();
    let mut delays = Vec::new();
    for i in 0..100 {
        let link = Decision::Link {
            crm: format!("C{i}"),
            erp: format!("E{i}"),
        };
        bert.decide(&link, "bert", None).unwrap();
        let committed = Instant::now();
        while !watcher.take_changed() {
            assert!(committed.elapsed() < Duration::from_secs(5), "never heard");
            std::thread::sleep(Duration::from_micros(200));
        }
        anna.refresh().unwrap();
        assert_eq!(
            anna.partners(ledgerlink::core::model::Side::Crm, &format!("C{i}"))
                .len(),
            1
        );
        delays.push(committed.elapsed());
        std::thread::sleep(Duration::from_millis(20));
    }
    delays.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "server bench: a decision in another window (notified and caught up): median {:.1} ms, \
         95th percentile {:.1} ms, worst {:.1} ms of {}",
        ms(delays[delays.len() / 2]),
        ms(delays[delays.len() * 95 / 100]),
        ms(delays[delays.len() - 1]),
        delays.len()
    );
}

fn records() -> usize {
    std::env::var("LEDGERLINK_BENCH_RECORDS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(100_000)
}

fn large() {
    let count = records();
    // Every column filled, as in the export benchmark: addresses, phones, e-mails, VAT ids.
    let crm: Vec<Vec<String>> = (0..count)
        .map(|i| {
            vec![
                format!("0015g{i:013}"),
                format!("Firm {i} GmbH"),
                format!("Hauptstr. {}", i % 200),
                format!("{:05}", 10_000 + i % 80_000),
                "Berlin".to_string(),
                "DE".to_string(),
                format!("+49 30 {i:07}"),
                format!("info{i}@firm.de"),
                format!("DE{i:09}"),
                if i.is_multiple_of(4) {
                    format!("{i:010}")
                } else {
                    String::new()
                },
                ["Customer", "Prospect", "Lead"][i % 3].to_string(),
            ]
        })
        .collect();
    let erp: Vec<Vec<String>> = (0..count)
        .map(|i| {
            vec![
                format!("{i:010}"),
                format!("FIRM {i} GMBH"),
                format!("Hauptstraße {}", i % 200 + i % 7),
                format!("{:05}", 10_000 + i % 80_000),
                "Berlin".to_string(),
                "DE".to_string(),
                format!("030 {i:07}"),
                format!("INFO{i}@firm.de"),
                format!("DE {i:09}"),
                String::new(),
            ]
        })
        .collect();
    let suggestions = SuggestionSet {
        pairs: (0..count * 9 / 10)
            .map(|i| pair(i, i, 0.5 + (i % 50) as f64 / 100.0))
            .collect(),
        ..Default::default()
    };
    println!(
        "server bench: {count} + {count} records, {} suggestions",
        suggestions.pairs.len()
    );
    let dir = tempfile::tempdir().unwrap();
    for (what, location) in [
        (
            "project file",
            Location::File(dir.path().join("large.ledgerlink")),
        ),
        ("PostgreSQL  ", server_location("large")),
    ] {
        let started = Instant::now();
        let mut project = project_from(&location, &crm, &ERP_COLUMNS, &erp, &suggestions, "both");
        let created = started.elapsed();
        for i in 0..count / 100 {
            let accept = Decision::Accept {
                crm: format!("0015g{i:013}"),
                erp: format!("{i:010}"),
            };
            project.decide(&accept, "bench", None).unwrap();
        }
        drop(project);
        let opening = Instant::now();
        let project = Project::open(&location).unwrap();
        let opened = opening.elapsed();
        let exporting = Instant::now();
        let out = dir
            .path()
            .join(format!("out-{}", what.trim().replace(' ', "-")));
        let summary = export_project(&project, &out, &ExportOptions::default()).unwrap();
        let exported = exporting.elapsed();
        assert_eq!(summary.rows("links.csv"), Some(count / 100));
        println!(
            "  {what}: new {:.1} s, open {:.1} s, export {:.1} s",
            created.as_secs_f64(),
            opened.as_secs_f64(),
            exported.as_secs_f64()
        );
    }
}

/// `cargo bench --bench server_bench [-- NAME]`: run every benchmark of this file, or those
/// whose name contains NAME; each prints its figures.
fn main() {
    support::run(&[
        ("reviewers", reviewers),
        ("window", window),
        ("large", large),
    ]);
}
