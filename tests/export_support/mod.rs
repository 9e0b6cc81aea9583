//! A small CRM/ERP workshop for the export tests: Salesforce- and SAP-style headers, ids with
//! leading zeros and 19 digits, a customer named like a formula, decisions of four people
//! (one undone), and readers for what the export writes.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use ledgerlink::core::matching::{Band, Contribution, PairSuggestion};
use ledgerlink::core::model::Side;
use ledgerlink::core::model::{CellStore, Column, Dataset, ImportReport, Role};
use ledgerlink::core::project::{
    CreationAction, Decision, NewProject, Policy, Project, RecordRef, SuggestionSet,
};

/// The formula-like customer name.
pub const FORMULA_NAME: &str = "=HYPERLINK(\"http://x\",\"y\")";
/// The 19-digit ERP id.
pub const LONG_ID: &str = "1234567890123456789";

/// A dataset with the given (header, role) columns.
pub fn dataset(file: &str, columns: &[(&str, Role)], rows: &[Vec<String>]) -> Dataset {
    let mut cells = CellStore::new(columns.len());
    for row in rows {
        cells.push_row(row.iter().map(String::as_str)).unwrap();
    }
    Dataset {
        columns: columns
            .iter()
            .map(|(name, role)| Column {
                name: name.to_string(),
                role: Some(*role),
            })
            .collect(),
        cells,
        source_rows: (2..rows.len() + 2).collect(),
        report: ImportReport {
            file: file.to_string(),
            format: "csv".to_string(),
            header_row: 1,
            ..Default::default()
        },
    }
}

fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|cell| cell.to_string()).collect())
        .collect()
}

/// The CRM columns (Salesforce-style).
pub const CRM_COLUMNS: [(&str, Role); 11] = [
    ("Id", Role::Id),
    ("Name", Role::Name),
    ("BillingStreet", Role::Street),
    ("BillingPostalCode", Role::Postcode),
    ("BillingCity", Role::City),
    ("BillingCountry", Role::Country),
    ("Phone", Role::Phone),
    ("Email", Role::Email),
    ("VAT__c", Role::TaxId),
    ("ERP_Customer_No__c", Role::Xref),
    ("Type", Role::AccountType),
];

/// The ERP columns (SAP-style).
pub const ERP_COLUMNS: [(&str, Role); 10] = [
    ("KUNNR", Role::Id),
    ("NAME1", Role::Name),
    ("STRAS", Role::Street),
    ("PSTLZ", Role::Postcode),
    ("ORT01", Role::City),
    ("LAND1", Role::Country),
    ("TELF1", Role::Phone),
    ("SMTP_ADDR", Role::Email),
    ("STCEG", Role::TaxId),
    ("CRM_ID", Role::Xref),
];

/// Seven CRM accounts.
pub fn crm_rows() -> Vec<Vec<String>> {
    rows(&[
        &[
            "001A",
            "Acme GmbH",
            "Hauptstr. 5",
            "10115",
            "Berlin",
            "DE",
            "+49 30 1234567",
            "info@acme.de",
            "DE123456789",
            "00123",
            "Customer",
        ],
        &[
            "001B",
            FORMULA_NAME,
            "Ringweg 1",
            "50667",
            "Köln",
            "Deutschland",
            "0221 999",
            "new@b.de",
            "",
            "",
            "Customer",
        ],
        &[
            "001C",
            "Bolt AG",
            "Marktplatz 2",
            "80331",
            "München",
            "DE",
            "089 555",
            "bolt@bolt.de",
            "DE999999999",
            "999",
            "Customer",
        ],
        &[
            "001D",
            "Crane Ltd",
            "1 High St",
            "EC1A 1AA",
            "London",
            "GB",
            "",
            "",
            "",
            "",
            "Prospect",
        ],
        &[
            "001E", "Delta SA", "2 Rue X", "75001", "Paris", "FR", "", "", "", "", "Lead",
        ],
        &[
            "001F",
            "Acme Berlin GmbH",
            "Hauptstr. 5",
            "10115",
            "Berlin",
            "DE",
            "",
            "",
            "",
            "",
            "Customer",
        ],
        &[
            "001G",
            "Golf GmbH",
            "Weg 9",
            "20095",
            "Hamburg",
            "DE",
            "",
            "",
            "",
            "",
            "Customer",
        ],
    ])
}

/// Six ERP customers.
pub fn erp_rows() -> Vec<Vec<String>> {
    rows(&[
        &[
            "00123",
            "ACME GmbH",
            "Hauptstraße 5",
            "10115",
            "Berlin",
            "DE",
            "030 1234567",
            "INFO@acme.de",
            "DE 123 456 789",
            "",
        ],
        &[
            LONG_ID,
            "Bolt Aktiengesellschaft",
            "Marktplatz 3",
            "80331",
            "München",
            "DE",
            "089 556",
            "bolt@bolt.de",
            "DE999999999",
            "001C",
        ],
        &[
            "00456",
            "Crane Limited",
            "1 High Street",
            "EC1A 1AA",
            "London",
            "GB",
            "",
            "",
            "",
            "",
        ],
        &[
            "00789",
            "Echo BV",
            "Stationsplein 1",
            "3511 ED",
            "Utrecht",
            "NL",
            "+31 30 123",
            "echo@echo.nl",
            "NL123456789B01",
            "",
        ],
        &[
            "00790",
            "Foxtrot Oy",
            "",
            "",
            "Helsinki",
            "FI",
            "",
            "",
            "",
            "",
        ],
        &[
            "00800",
            "Golf GmbH",
            "Weg 9",
            "20095",
            "Hamburg",
            "DE",
            "",
            "",
            "",
            "",
        ],
    ])
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
            weight: 6.0,
        }],
        reason: format!("names agree ({crm_row}/{erp_row})"),
    }
}

/// 001A-00123, 001C-LONG_ID, 001D-00456, 001G-00800; alternatives 001F-00123, 001G-00456.
pub fn suggestions() -> SuggestionSet {
    SuggestionSet {
        pairs: vec![
            pair(0, 0, 0.995),
            pair(2, 1, 0.93),
            pair(3, 2, 0.8),
            pair(6, 5, 0.7),
        ],
        alternatives: vec![pair(5, 0, 0.6), pair(6, 2, 0.3)],
        ..Default::default()
    }
}

/// A new project at `file` from CRM rows (in [`CRM_COLUMNS`]), ERP rows in `erp_columns` and
/// the given suggestions, created by anna under `policy`.
pub fn project_from(
    file: impl Into<ledgerlink::core::project::Location>,
    crm: &[Vec<String>],
    erp_columns: &[(&str, Role)],
    erp: &[Vec<String>],
    suggestions: &SuggestionSet,
    policy: &str,
) -> Project {
    let setup = NewProject {
        crm: dataset("crm.csv", &CRM_COLUMNS, crm),
        erp: dataset("erp.xlsx", erp_columns, erp),
        crm_mapping: Vec::new(),
        erp_mapping: Vec::new(),
        policy: policy.parse::<Policy>().unwrap(),
        by: "anna".to_string(),
    };
    Project::create_with_suggestions(file, setup, suggestions).unwrap()
}

/// A fresh project with the lists above and no decision.
pub fn empty_project(dir: &Path, policy: &str) -> (PathBuf, Project) {
    let file = dir.join("workshop.ledgerlink");
    let project = project_from(
        &file,
        &crm_rows(),
        &ERP_COLUMNS,
        &erp_rows(),
        &suggestions(),
        policy,
    );
    (file, project)
}

/// The rows of an export table as text.
pub fn table_texts(table: &ledgerlink::core::export::Table) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .map(|row| row.iter().map(|cell| cell.to_text().into_owned()).collect())
        .collect()
}

/// The workshop: two accepts, a duplicate mark, an ignore, and an accept that was undone.
pub fn workshop(dir: &Path, policy: &str) -> (PathBuf, Project) {
    let (file, mut project) = empty_project(dir, policy);
    let accept = |crm: &str, erp: &str| Decision::Accept {
        crm: crm.to_string(),
        erp: erp.to_string(),
    };
    project
        .decide(&accept("001A", "00123"), "anna", Some("same VAT"))
        .unwrap();
    project
        .decide(&accept("001C", LONG_ID), "ben", None)
        .unwrap();
    let duplicate = Decision::Duplicate {
        master: RecordRef::new(Side::Crm, "001A"),
        duplicate: RecordRef::new(Side::Crm, "001F"),
    };
    project
        .decide(&duplicate, "carla", Some("same firm"))
        .unwrap();
    let ignore = Decision::Action {
        record: RecordRef::new(Side::Erp, "00790"),
        action: CreationAction::Ignore,
    };
    project.decide(&ignore, "anna", None).unwrap();
    project
        .decide(&accept("001D", "00456"), "dave", None)
        .unwrap();
    project.undo("dave").unwrap();
    (file, project)
}

/// A CSV file written by the export: checks the BOM, returns header and rows.
pub fn read_csv_with(path: &Path, delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "{} has no UTF-8 BOM",
        path.display()
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .from_reader(&bytes[3..]);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|record| record.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// [`read_csv_with`] for comma-separated files.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    read_csv_with(path, b',')
}

/// Every cell of a workbook sheet (first row the header).
pub fn read_sheet(path: &Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut workbook = calamine::open_workbook_auto(path).unwrap();
    let range = workbook.worksheet_range(sheet).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

/// The text of a cell; panics unless it is a string cell (or empty).
pub fn text(cell: &Data) -> String {
    match cell {
        Data::String(text) => text.clone(),
        Data::Empty => String::new(),
        other => panic!("expected a text cell, found {other:?}"),
    }
}

/// A column of a sheet by header, as text cells.
pub fn column(sheet: &[Vec<Data>], header: &str) -> Vec<String> {
    let index = sheet[0]
        .iter()
        .position(|cell| text(cell) == header)
        .unwrap_or_else(|| panic!("no column {header}"));
    sheet[1..]
        .iter()
        .map(|row| row.get(index).map(text).unwrap_or_default())
        .collect()
}

/// The named entry of a zip archive (an xlsx part) as text.
pub fn xlsx_part(path: &Path, part: &str) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut entry = archive.by_name(part).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut entry, &mut text).unwrap();
    text
}
