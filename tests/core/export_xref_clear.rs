//! Unlinked records whose cross-reference names the wrong record of the other system are listed
//! for clearing: an unknown number, or a record the workshop linked to someone else; a number
//! that may still be right (its record is unlinked, or linked to a marked duplicate) is kept.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::export_support;

use ledgerlink::core::export::xref_clear::{crm_xref_clear, erp_xref_clear};
use ledgerlink::core::model::Side;
use ledgerlink::core::project::{Decision, RecordRef, SuggestionSet};

use export_support::{CRM_COLUMNS, ERP_COLUMNS, LONG_ID, erp_rows, project_from, table_texts};

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
    let file = dir.path().join("workshop.ledgerlink");
    let none = SuggestionSet::default();
    let mut project = project_from(&file, &crm_rows, &ERP_COLUMNS, &erp, &none, "both");
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
    let rows = table_texts(&table);
    assert_eq!(
        rows,
        [
            ["001B", "", "0099999", "no ERP record has this number"],
            ["001G", "", "123", "ERP 123 is linked to CRM 001A"],
        ]
    );
    let erp_table = erp_xref_clear(&project);
    let erp_rows = table_texts(&erp_table);
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
