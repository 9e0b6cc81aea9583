//! Small hand-made lists and suggestions for the project tests.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::path::{Path, PathBuf};

use ledgerlink::core::matching::{Band, Contribution, PairSuggestion};
use ledgerlink::core::model::{CellStore, Column, Dataset, ImportReport, ImportWarning, Role};
use ledgerlink::core::project::{NewProject, Policy, Project, SuggestionSet};

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

/// A fresh project in `dir` with the lists above.
pub fn new_project(dir: &Path, policy: &str) -> (PathBuf, Project) {
    let file = dir.join("workshop.ledgerlink");
    let setup = NewProject {
        crm: crm(),
        erp: erp(),
        crm_mapping: vec!["account_type=account_type".to_string()],
        erp_mapping: Vec::new(),
        policy: policy.parse::<Policy>().unwrap(),
        by: "anna".to_string(),
    };
    let project = Project::create_with_suggestions(&file, setup, &suggestions()).unwrap();
    (file, project)
}
