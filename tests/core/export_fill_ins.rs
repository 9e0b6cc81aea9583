//! Fill-ins: a field one linked record holds and its partner lacks goes into the lacking
//! system's fill-in file under that system's header names; `conflicts.csv` keeps only true
//! conflicts (both present and different, not merely alike). Checked by reading the files back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::export_support::{self, ERP_COLUMNS, pair, project_from, read_csv};

use ledgerlink::core::export::{ExportOptions, export_project};
use ledgerlink::core::model::Role;
use ledgerlink::core::project::{Decision, SuggestionSet};

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|cell| cell.to_string()).collect()
}

/// Id, Name, BillingStreet, BillingPostalCode, BillingCity, BillingCountry, Phone, Email,
/// VAT__c, ERP_Customer_No__c, Type.
fn crm() -> Vec<Vec<String>> {
    vec![
        row(&[
            "001A",
            "Acme",
            "1 Main St",
            "60601",
            "Chicago",
            "US",
            "",
            "info@acme.com",
            "",
            "",
            "Customer",
        ]),
        row(&[
            "001B",
            "Bolt",
            "",
            "",
            "Chicago",
            "US",
            "+1 312 555 0101",
            "",
            "",
            "",
            "Customer",
        ]),
    ]
}

/// KUNNR, NAME1, STRAS, PSTLZ, ORT01, LAND1, TELF1, SMTP_ADDR, STCEG, CRM_ID.
fn erp() -> Vec<Vec<String>> {
    vec![
        row(&[
            "00100",
            "Acme",
            "1 Main St",
            "60601",
            "Chicago, IL",
            "US",
            "+1 312 555 0100",
            "",
            "US123",
            "",
        ]),
        row(&[
            "00200",
            "Bolt",
            "9 Lake St",
            "60602",
            "Evanston",
            "US",
            "",
            "",
            "",
            "",
        ]),
    ]
}

#[test]
fn a_value_one_side_lacks_is_filled_in_not_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let suggestions = SuggestionSet {
        pairs: vec![pair(0, 0, 0.99), pair(1, 1, 0.95)],
        ..Default::default()
    };
    let file = dir.path().join("p.ledgerlink");
    let mut project = project_from(&file, &crm(), &ERP_COLUMNS, &erp(), &suggestions, "both");
    for (crm_id, erp_id) in [("001A", "00100"), ("001B", "00200")] {
        let accept = Decision::Accept {
            crm: crm_id.to_string(),
            erp: erp_id.to_string(),
        };
        project.decide(&accept, "anna", None).unwrap();
    }
    let out = dir.path().join("out");
    let summary = export_project(&project, &out, &ExportOptions::default()).unwrap();

    let (header, rows) = read_csv(&out.join("crm_fill_ins.csv"));
    assert_eq!(
        header,
        [
            "Id",
            "BillingStreet",
            "BillingPostalCode",
            "VAT__c",
            "Phone"
        ]
    );
    assert_eq!(
        rows,
        [
            row(&["001A", "", "", "US123", "+1 312 555 0100"]),
            row(&["001B", "9 Lake St", "60602", "", ""]),
        ]
    );
    let (header, rows) = read_csv(&out.join("erp_fill_ins.csv"));
    assert_eq!(header, ["KUNNR", "TELF1", "SMTP_ADDR"]);
    assert_eq!(
        rows,
        [
            row(&["00100", "", "info@acme.com"]),
            row(&["00200", "+1 312 555 0101", ""]),
        ]
    );
    assert_eq!(summary.rows("crm_fill_ins.csv"), Some(2));

    // "Chicago" / "Chicago, IL" is alike and filled-in fields are no conflict: only the
    // Bolt city is one.
    let (_, conflicts) = read_csv(&out.join("conflicts.csv"));
    let fields: Vec<(&str, &str)> = conflicts
        .iter()
        .map(|line| (line[0].as_str(), line[4].as_str()))
        .collect();
    assert_eq!(fields, [("001B", "city")]);
    let sheets = export_support::read_sheet(&out.join("reconciliation.xlsx"), "CRM fill-ins");
    assert_eq!(sheets.len(), 3, "header and two rows");
}

#[test]
fn a_house_number_column_is_filled_apart() {
    let dir = tempfile::tempdir().unwrap();
    let mut columns = ERP_COLUMNS.to_vec();
    columns.insert(3, ("HAUSN", Role::HouseNumber));
    let mut erp = erp();
    for line in &mut erp {
        line.insert(3, String::new());
    }
    let mut crm = crm();
    crm[1][2] = "Lake St 9".to_string();
    erp[1][2] = String::new();
    let suggestions = SuggestionSet {
        pairs: vec![pair(1, 1, 0.95)],
        ..Default::default()
    };
    let file = dir.path().join("p.ledgerlink");
    let mut project = project_from(&file, &crm, &columns, &erp, &suggestions, "both");
    let accept = Decision::Accept {
        crm: "001B".to_string(),
        erp: "00200".to_string(),
    };
    project.decide(&accept, "anna", None).unwrap();
    let out = dir.path().join("out");
    export_project(&project, &out, &ExportOptions::default()).unwrap();
    let (header, rows) = read_csv(&out.join("erp_fill_ins.csv"));
    assert_eq!(header, ["KUNNR", "STRAS", "TELF1"]);
    assert_eq!(rows, [row(&["00200", "Lake St 9", "+1 312 555 0101"])]);
}
