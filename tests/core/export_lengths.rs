//! Creation files warn about values the target system's fields cannot hold: SAP's documented
//! widths by column name, and a limit read off the target's own export (many names cut at the
//! same length).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::export_support;

use ledgerlink::core::export::actions::create_in_erp;
use ledgerlink::core::model::Role;
use ledgerlink::core::project::{Project, SuggestionSet};

use export_support::{CRM_COLUMNS, ERP_COLUMNS, erp_rows, project_from};

/// A CRM customer without an ERP account, named `name`.
fn crm_customer(id: &str, name: &str) -> Vec<String> {
    let mut row = vec![String::new(); CRM_COLUMNS.len()];
    row[0] = id.to_string();
    row[1] = name.to_string();
    row[4] = "Berlin".to_string();
    row[10] = "Customer".to_string();
    row
}

fn project_with(
    erp_columns: &[(&str, Role)],
    erp: Vec<Vec<String>>,
    crm: Vec<Vec<String>>,
) -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("workshop.ledgerlink");
    let none = SuggestionSet::default();
    let project = project_from(&file, &crm, erp_columns, &erp, &none, "both");
    (dir, project)
}

#[test]
fn names_longer_than_sap_name1_are_named_by_row() {
    let long = "Internationale Speditions- und Logistikgesellschaft Nord mbH";
    let crm = vec![
        crm_customer("001A", "Short GmbH"),
        crm_customer("001B", long),
    ];
    let (_dir, project) = project_with(&ERP_COLUMNS, erp_rows(), crm);
    let creations = create_in_erp(&project);
    let names: Vec<String> = creations
        .table
        .rows
        .iter()
        .map(|row| row[1].to_text().into_owned())
        .collect();
    assert_eq!(
        names,
        ["Short GmbH", long],
        "both customers are to be created"
    );
    let note = creations
        .notes
        .iter()
        .find(|note| note.contains("NAME1"))
        .unwrap_or_else(|| panic!("no length note in {:?}", creations.notes));
    assert!(
        note.contains("1 value of NAME1 is longer than the 35 characters"),
        "{note}"
    );
    assert!(note.contains("(row 3)"), "{note}");
}

#[test]
fn a_limit_shows_in_names_the_erp_already_cut() {
    let mut erp_columns = ERP_COLUMNS;
    erp_columns[1].0 = "Customer name";
    let mut erp = erp_rows();
    for (row, name) in erp.iter_mut().zip([
        "HANSEATISCHE SPEDITI",
        "BAYERISCHE MOTORENWE",
        "NORDDEUTSCHE LANDESB",
        "ACME GMBH",
    ]) {
        row[1] = name.to_string();
    }
    let crm = vec![
        crm_customer("001A", "Westfälische Drahtindustrie GmbH"),
        crm_customer("001B", "Kurz AG"),
    ];
    let (_dir, project) = project_with(&erp_columns, erp, crm);
    let notes = create_in_erp(&project).notes;
    let note = notes
        .iter()
        .find(|note| note.contains("Customer name"))
        .unwrap_or_else(|| panic!("{notes:?}"));
    assert!(
        note.contains("longer than the 20 characters the ERP field holds (row 2)"),
        "{note}"
    );
}

#[test]
fn names_of_every_length_show_no_limit() {
    let crm = vec![crm_customer(
        "001A",
        "A rather long company name of the CRM Ltd",
    )];
    let mut erp_columns = ERP_COLUMNS;
    erp_columns[1].0 = "Customer name";
    let (_dir, project) = project_with(&erp_columns, erp_rows(), crm);
    let notes = create_in_erp(&project).notes;
    assert!(
        notes.iter().all(|note| !note.contains("longer than")),
        "{notes:?}"
    );
}
