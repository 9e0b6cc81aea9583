//! Speed of the workshop window with 100,000 records on each side (ignored by default):
//!
//! ```text
//! cargo bench --bench gui_bench
//! ```
//!
//! Prints the time to open the project (to the first frame of the review screen), the time of
//! a review-screen frame (egui layout, headless), the time to filter a list as the user types,
//! the time of a decision (accept, unsure, undo) with the frame after it, the same accepts
//! through the project alone (the SQLite commit), and a bulk accept with its one undo. `LEDGERLINK_BENCH_RECORDS` changes the size; `LEDGERLINK_BENCH_KEEP=DIR` keeps the
//! project file in DIR (for a real window: `ledgerlink DIR/bench.ledgerlink --bench-frames N`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "support/mod.rs"]
mod support;

use std::path::PathBuf;

use egui_kittest::kittest::Queryable;
use std::time::Instant;

use ledgerlink::app::action::{Action, Command, Screen};
use ledgerlink::app::search::{RecordFilter, SearchIndex};
use ledgerlink::core::matching::{Band, Contribution, PairSuggestion};
use ledgerlink::core::model::{Role, Side};
use ledgerlink::core::project::{Decision, NewProject, Policy, Project, SuggestionSet};

const STREETS: [&str; 6] = [
    "Hauptstraße",
    "Rue de la Paix",
    "Kings Road",
    "Via Roma",
    "Ulica Długa",
    "Bahnhofstr.",
];
const CITIES: [&str; 6] = ["München", "Paris", "London", "Roma", "Łódź", "Zürich"];
const FORMS: [&str; 5] = ["GmbH", "SA", "Ltd", "S.r.l.", "Sp. z o.o."];

fn company(index: usize) -> String {
    let stems = [
        "Müller", "Schmidt", "Dubois", "Rossi", "Kowalski", "Smith", "Weber", "Martin",
    ];
    format!(
        "{} {} {}",
        stems[index % stems.len()],
        ["Handel", "Bau", "Logistik", "Trading", "Consulting"][index / 8 % 5],
        FORMS[index % FORMS.len()]
    ) + &format!(" {}", index / 40)
}

fn as_refs(rows: &[[String; 5]]) -> Vec<Vec<&str>> {
    rows.iter()
        .map(|row| row.iter().map(String::as_str).collect())
        .collect()
}

fn lists(
    records: usize,
) -> (
    ledgerlink::core::model::Dataset,
    ledgerlink::core::model::Dataset,
) {
    let crm_rows: Vec<[String; 5]> = (0..records)
        .map(|index| {
            [
                format!("0016{index:011}"),
                company(index),
                format!("{} {}", STREETS[index % 6], index % 200 + 1),
                CITIES[index % 6].to_string(),
                if index % 3 == 0 {
                    "Customer"
                } else {
                    "Prospect"
                }
                .to_string(),
            ]
        })
        .collect();
    let erp_rows: Vec<[String; 5]> = (0..records)
        .map(|index| {
            [
                format!("{}", 100_000 + index),
                company(index).to_uppercase(),
                format!("{} {}", STREETS[index % 6], index % 200 + 1),
                CITIES[(index + index / 7) % 6].to_string(),
                format!("DE{:09}", index * 7919 % 1_000_000_000),
            ]
        })
        .collect();
    let crm_refs = as_refs(&crm_rows);
    let erp_refs = as_refs(&erp_rows);
    let crm_slices: Vec<&[&str]> = crm_refs.iter().map(Vec::as_slice).collect();
    let erp_slices: Vec<&[&str]> = erp_refs.iter().map(Vec::as_slice).collect();
    let crm = common::list(
        &[
            ("Account ID", Some(Role::Id)),
            ("Account Name", Some(Role::Name)),
            ("Billing Street", Some(Role::Street)),
            ("Billing City", Some(Role::City)),
            ("Type", Some(Role::AccountType)),
        ],
        &crm_slices,
    );
    let erp = common::list(
        &[
            ("Debitor", Some(Role::Id)),
            ("Name1", Some(Role::Name)),
            ("Strasse", Some(Role::Street)),
            ("Ort", Some(Role::City)),
            ("USt-IdNr", Some(Role::TaxId)),
        ],
        &erp_slices,
    );
    (crm, erp)
}

fn suggestions(records: usize) -> SuggestionSet {
    let contributions = vec![
        Contribution {
            field: "name".into(),
            level: "close".into(),
            weight: 7.2,
        },
        Contribution {
            field: "street".into(),
            level: "exact".into(),
            weight: 4.1,
        },
        Contribution {
            field: "city".into(),
            level: "different".into(),
            weight: -1.5,
        },
    ];
    let pair = |crm_row: usize, erp_row: usize, probability: f64| PairSuggestion {
        crm_row,
        erp_row,
        probability,
        band: if probability >= 0.95 {
            Band::Auto
        } else {
            Band::Review
        },
        contributions: contributions.clone(),
        reason: "Names agree apart from the legal form; same street; different city.".into(),
    };
    SuggestionSet {
        pairs: (0..records)
            .filter(|index| index % 10 != 9)
            .map(|index| pair(index, index, 0.5 + (index % 500) as f64 / 1000.0))
            .collect(),
        alternatives: (0..records / 20)
            .map(|index| pair(index * 20, index * 20 + 1, 0.4))
            .collect(),
        duplicates: Vec::new(),
        xref_checks: Vec::new(),
    }
}

fn review_screen_with_100000_records_per_side() {
    let records: usize = std::env::var("LEDGERLINK_BENCH_RECORDS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let keep = std::env::var_os("LEDGERLINK_BENCH_KEEP").map(PathBuf::from);
    let file = keep
        .unwrap_or_else(|| dir.path().to_path_buf())
        .join("bench.ledgerlink");
    let _ = std::fs::remove_file(&file);
    let started = Instant::now();
    let (crm, erp) = lists(records);
    let setup = NewProject {
        crm,
        erp,
        crm_mapping: Vec::new(),
        erp_mapping: Vec::new(),
        policy: Policy::default(),
        by: "bench".into(),
    };
    Project::create_with_suggestions(&file, setup, &suggestions(records)).unwrap();
    println!(
        "records_per_side={records} project_created_s={:.2}",
        started.elapsed().as_secs_f64()
    );

    let mut harness = common::harness();
    harness.state_mut().set_reviewer_for_tests("bench");
    harness.step();
    let ctx = harness.ctx.clone();
    let opening = Instant::now();
    harness
        .state_mut()
        .apply(&ctx, Action::OpenProject(file.clone().into()));
    harness.state_mut().wait_for_work(&ctx, 600);
    harness.step();
    println!(
        "open_to_first_review_frame_s={:.3}",
        opening.elapsed().as_secs_f64()
    );
    assert!(
        harness.state().workspace().is_some(),
        "{:?}",
        harness.state().notices()
    );

    // As a reviewer would work: every column shown and the CRM list sorted by name.
    for side in [Side::Crm, Side::Erp] {
        let workspace = harness.state().workspace().unwrap();
        let headers: Vec<String> = workspace
            .project()
            .dataset(side)
            .columns
            .iter()
            .map(|column| column.name.clone())
            .collect();
        harness
            .state_mut()
            .apply(&ctx, Action::ChooseColumns { side, headers });
    }
    harness.step();
    let sorting = Instant::now();
    harness.get_by_label("Sort CRM by Name").click();
    harness.step();
    println!(
        "sort_crm_by_name_ms={:.1}",
        sorting.elapsed().as_secs_f64() * 1000.0
    );

    let mut frames = Vec::new();
    for frame in 0..120 {
        if frame % 2 == 0 {
            harness.key_press(egui::Key::J);
        }
        let step = Instant::now();
        harness.step();
        frames.push(step.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "review_frame_ms (all columns, sorted by name) {}",
        summary(&mut frames)
    );

    for screen in [Screen::Unmatched, Screen::Duplicates, Screen::Review] {
        harness.state_mut().apply(&ctx, Action::Show(screen));
        let mut frames = Vec::new();
        for _ in 0..20 {
            let step = Instant::now();
            harness.step();
            frames.push(step.elapsed().as_secs_f64() * 1000.0);
        }
        println!("{screen:?}_frame_ms {}", summary(&mut frames));
    }

    let workspace = harness.state().workspace().unwrap();
    let index = SearchIndex::build(workspace.crm());
    let flags = workspace.crm_flags.clone();
    for query in ["m", "mü", "müller", "müller handel", "zzz"] {
        let search = Instant::now();
        let rows = index.filter(query, RecordFilter::All, &flags);
        println!(
            "search query={query:?} rows={} ms={:.2}",
            rows.len(),
            search.elapsed().as_secs_f64() * 1000.0
        );
    }
    // Decisions as the reviewer takes them (Y, U, Ctrl+Z), each followed by the frame that
    // shows its result; then the same accepts with nothing but the project call, for the share
    // of the SQLite commit.
    let mut decisions = Vec::new();
    let mut after_frames = Vec::new();
    for step in 0..40 {
        let action = match step % 4 {
            0 | 1 => Action::Command(Command::AcceptCurrent),
            2 => Action::Command(Command::UnsureCurrent),
            _ => Action::Command(Command::Undo),
        };
        let decide = Instant::now();
        harness.state_mut().apply(&ctx, action);
        decisions.push(decide.elapsed().as_secs_f64() * 1000.0);
        let frame = Instant::now();
        harness.step();
        after_frames.push(frame.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "decision_ms (accept, unsure, undo) {}",
        summary(&mut decisions)
    );
    println!("frame_after_decision_ms {}", summary(&mut after_frames));
    let open_before = harness.state().workspace().unwrap().counts.open;
    let bulk = Instant::now();
    harness
        .state_mut()
        .apply(&ctx, Action::BulkAccept { threshold: 0.5 });
    let bulk_ms = bulk.elapsed().as_secs_f64() * 1000.0;
    let accepted = open_before - harness.state().workspace().unwrap().counts.open;
    let undo = Instant::now();
    harness
        .state_mut()
        .apply(&ctx, Action::Command(Command::Undo));
    println!(
        "bulk_accept pairs={accepted} ms={bulk_ms:.0} undo_of_the_batch_ms={:.0}",
        undo.elapsed().as_secs_f64() * 1000.0
    );
    assert_eq!(
        harness.state().workspace().unwrap().counts.open,
        open_before
    );
    let redo = Instant::now();
    harness
        .state_mut()
        .apply(&ctx, Action::Command(Command::Redo));
    println!(
        "redo_of_the_batch_ms={:.0}",
        redo.elapsed().as_secs_f64() * 1000.0
    );
    assert_eq!(
        harness.state().workspace().unwrap().counts.open,
        open_before - accepted
    );
    harness
        .state_mut()
        .apply(&ctx, Action::Command(Command::Undo));
    let mut project = Project::open(&file).unwrap();
    let open_pairs: Vec<(String, String)> = project
        .open_queue()
        .iter()
        .take(20)
        .map(|suggestion| (suggestion.crm.clone(), suggestion.erp.clone()))
        .collect();
    let mut commits = Vec::new();
    for (crm, erp) in open_pairs {
        let decide = Instant::now();
        project
            .decide(&Decision::Accept { crm, erp }, "bench", None)
            .unwrap();
        commits.push(decide.elapsed().as_secs_f64() * 1000.0);
    }
    println!("project_decide_only_ms {}", summary(&mut commits));
}

/// `median=… p95=… max=…` of timings in milliseconds.
fn summary(timings: &mut [f64]) -> String {
    timings.sort_by(f64::total_cmp);
    format!(
        "n={} median={:.2} p95={:.2} max={:.2}",
        timings.len(),
        timings[timings.len() / 2],
        timings[timings.len() * 95 / 100],
        timings[timings.len() - 1]
    )
}

/// `cargo bench --bench gui_bench [-- NAME]`: run every benchmark of this file, or those whose name
/// contains NAME; each prints its figures.
fn main() {
    support::run(&[(
        "review_screen_with_100000_records_per_side",
        review_screen_with_100000_records_per_side,
    )]);
}
