//! Small hand-made lists and suggestions for the project tests.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::cell::Cell;
use std::path::{Path, PathBuf};

use ledgerlink::core::matching::{Band, Contribution, PairSuggestion};
use ledgerlink::core::model::{CellStore, Column, Dataset, ImportReport, ImportWarning, Role};
use ledgerlink::core::project::{Location, NewProject, Policy, Project, SuggestionSet};

/// A dataset whose header names are role names (`id`, `name`, `account_type`, `city` ...).
pub fn dataset(file: &str, headers: &[&str], rows: &[&[&str]]) -> Dataset {
    let mut cells = CellStore::new(headers.len());
    for row in rows {
        cells.push_row(row.iter().copied()).unwrap();
    }
    Dataset {
        columns: headers
            .iter()
            .map(|header| Column {
                name: header.to_string(),
                role: header.parse::<Role>().ok(),
            })
            .collect(),
        cells,
        source_rows: (2..rows.len() + 2).collect(),
        report: ImportReport {
            file: file.to_string(),
            format: "csv".to_string(),
            encoding: Some("UTF-8".to_string()),
            delimiter: Some(';'),
            header_row: 1,
            warnings: vec![ImportWarning {
                row: Some(3),
                column: None,
                message: "a warning kept with the list".to_string(),
            }],
            ..Default::default()
        },
    }
}

/// [`dataset`] from owned rows.
pub fn dataset_owned(file: &str, headers: &[&str], rows: &[Vec<String>]) -> Dataset {
    let cells: Vec<Vec<&str>> = rows
        .iter()
        .map(|row| row.iter().map(String::as_str).collect())
        .collect();
    let slices: Vec<&[&str]> = cells.iter().map(Vec::as_slice).collect();
    dataset(file, headers, &slices)
}

/// Five CRM accounts of several types.
pub fn crm() -> Dataset {
    dataset(
        "crm.csv",
        &["id", "name", "city", "account_type"],
        &[
            &["C1", "Acme GmbH", "Berlin", "Customer"],
            &["C2", "Acme Berlin GmbH", "Berlin", "Customer"],
            &["C3", "Bolt AG", "Köln", "Prospect"],
            &["C4", "Crane Ltd", "London", "Customer"],
            &["C5", "Delta SA", "Paris", "Lead"],
        ],
    )
}

/// Four ERP customers.
pub fn erp() -> Dataset {
    dataset(
        "erp.csv",
        &["id", "name", "city"],
        &[
            &["1001", "ACME GmbH", "Berlin"],
            &["1002", "Bolt Aktiengesellschaft", "Koeln"],
            &["1003", "Echo BV", "Utrecht"],
            &["1004", "Crane Limited", "London"],
        ],
    )
}

/// A suggested pair by rows.
pub fn pair(crm_row: usize, erp_row: usize, probability: f64) -> PairSuggestion {
    PairSuggestion {
        crm_row,
        erp_row,
        probability,
        band: if probability > 0.99 {
            Band::Auto
        } else {
            Band::Review
        },
        contributions: vec![Contribution {
            field: "name".to_string(),
            level: "close".to_string(),
            weight: 7.5,
        }],
        reason: "names agree".to_string(),
    }
}

/// C1-1001 and C3-1002 and C4-1004 suggested; C2-1001 an alternative.
pub fn suggestions() -> SuggestionSet {
    SuggestionSet {
        pairs: vec![pair(0, 0, 0.995), pair(2, 1, 0.9), pair(3, 3, 0.97)],
        alternatives: vec![pair(1, 0, 0.6)],
        ..Default::default()
    }
}

/// Where the projects of a test live: in a file (SQLite), or on the test PostgreSQL server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    /// A project file in the test's folder.
    File,
    /// A project on the throw-away server of `pg_support`.
    Postgres,
}

thread_local! {
    static STORE: Cell<Store> = const { Cell::new(Store::File) };
}

/// Run `test` with its projects in `store`. On PostgreSQL, a test is skipped (with a line on
/// stderr) when the server's binaries are missing and `LEDGERLINK_SKIP_PG=1`.
pub fn run_on(store: Store, name: &str, test: impl FnOnce()) {
    if store == Store::Postgres && crate::pg_support::server_or_skip(name).is_none() {
        return;
    }
    STORE.with(|cell| cell.set(store));
    test();
}

/// Where a new project named `name` of the running test goes: `dir/name` for a file, a fresh
/// project on the test server for PostgreSQL.
pub fn location_in(dir: &Path, name: &str) -> Location {
    match STORE.with(Cell::get) {
        Store::File => Location::File(dir.join(name)),
        Store::Postgres => {
            let server = crate::pg_support::server().expect("the test server runs");
            let project = server.unique_project("t");
            Location::parse(&server.url(&project)).unwrap()
        }
    }
}

/// Run each test twice: with its projects in files and on PostgreSQL (`NAME::file` and
/// `NAME::postgres`). Inside, make projects at [`location_in`] (or with [`new_project`]).
#[macro_export]
macro_rules! on_both_stores {
    ($($(#[$attr:meta])* fn $name:ident() $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                #[test]
                $(#[$attr])*
                fn file() {
                    $crate::project_support::run_on(
                        $crate::project_support::Store::File, module_path!(), || $body)
                }

                #[test]
                $(#[$attr])*
                fn postgres() {
                    $crate::project_support::run_on(
                        $crate::project_support::Store::Postgres, module_path!(), || $body)
                }
            }
        )*
    };
}

/// A fresh project file in `dir` with the lists above (for tests about the file itself).
pub fn new_project_file(dir: &Path, policy: &str) -> (PathBuf, Project) {
    let file = dir.join("workshop.ledgerlink");
    let project = Project::create_with_suggestions(&file, setup(policy), &suggestions()).unwrap();
    (file, project)
}

/// The setup of the project above.
pub fn setup(policy: &str) -> NewProject {
    NewProject {
        crm: crm(),
        erp: erp(),
        crm_mapping: vec!["account_type=account_type".to_string()],
        erp_mapping: Vec::new(),
        policy: policy.parse::<Policy>().unwrap(),
        by: "anna".to_string(),
    }
}

/// A fresh project of the running test's store ([`on_both_stores`]; a file in `dir` otherwise)
/// with the lists above.
pub fn new_project(dir: &Path, policy: &str) -> (Location, Project) {
    let location = location_in(dir, "workshop.ledgerlink");
    let project =
        Project::create_with_suggestions(&location, setup(policy), &suggestions()).unwrap();
    (location, project)
}
