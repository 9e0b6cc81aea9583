//! Unlinked records whose cross-reference names the wrong record of the other system are listed
//! for clearing: an unknown number, or a record the workshop linked to someone else; a number
//! that may still be right (its record is unlinked, or linked to a marked duplicate) is kept.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_support;

use ledgerlink::core::export::xref_clear::{crm_xref_clear, erp_xref_clear};
use ledgerlink::core::model::Side;
use ledgerlink::core::project::{Decision, NewProject, Policy, Project, RecordRef, SuggestionSet};

use export_support::{CRM_COLUMNS, ERP_COLUMNS, LONG_ID, dataset, erp_rows};

/// A CRM customer whose ERP number field holds `xref`.
fn crm(id: &str, name: &str, xref: &str) -> Vec<String> {
    let mut row = vec![String::new(); CRM_COLUMNS.len()];
    row[0] = id.to_string();
    row[1] = name.to_string();
    row[9] = xref.to_string();
    row[10] = "Customer".to_string();
    row
}

#[test]
fn stale_cross_references_are_listed_with_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    let crm_rows = vec![
        crm("001A", "Acme GmbH", "00123"),
        crm("001B", "Bravo KG", "0099999"),
        crm("001G", "Acme Hamburg GmbH", "123"),
        crm("001F", "Acme Berlin GmbH", "00123"),
        crm("001D", "Crane Ltd", "00456"),
    ];
    let mut erp = erp_rows();
    erp[3][9] = "001Z".to_string(); // Echo BV names a CRM account that does not exist
    let setup = NewProject {
        crm: dataset("crm.csv", &CRM_COLUMNS, &crm_rows),
        erp: dataset("erp.xlsx", &ERP_COLUMNS, &erp),
        crm_mapping: Vec::new(),
        erp_mapping: Vec::new(),
        policy: "both".parse::<Policy>().unwrap(),
        by: "anna".to_string(),
    };
    let file = dir.path().join("workshop.ledgerlink");
    let mut project =
        Project::create_with_suggestions(&file, setup, &SuggestionSet::default()).unwrap();
    let link = Decision::Link {
        crm: "001A".into(),
        erp: "00123".into(),
    };
    project.decide(&link, "anna", None).unwrap();
    let duplicate = Decision::Duplicate {
        master: RecordRef::new(Side::Crm, "001A"),
        duplicate: RecordRef::new(Side::Crm, "001F"),
    };
    project.decide(&duplicate, "anna", None).unwrap();

    let table = crm_xref_clear(&project);
    assert_eq!(
        table.header,
        ["Id", "ERP_Customer_No__c", "current_value", "reason"]
    );
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| row.iter().map(|cell| cell.to_text().into_owned()).collect())
        .collect();
    assert_eq!(
        rows,
        [
            ["001B", "", "0099999", "no ERP record has this number"],
            ["001G", "", "123", "ERP 123 is linked to CRM 001A"],
        ]
    );
    let erp_table = erp_xref_clear(&project);
    let erp_rows: Vec<Vec<String>> = erp_table
        .rows
        .iter()
        .map(|row| row.iter().map(|cell| cell.to_text().into_owned()).collect())
        .collect();
    // The 19-digit customer names 001C, which is not in this CRM list either.
    assert_eq!(
        erp_rows,
        [
            [LONG_ID, "", "001C", "no CRM record has this number"],
            ["00789", "", "001Z", "no CRM record has this number"]
        ]
    );
    assert_eq!(erp_table.header[..2], ["KUNNR", "CRM_ID"]);
}
