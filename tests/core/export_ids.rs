//! Ids with spaces (issue 12): the project compares and keys records on the trimmed id, and
//! every export file carries the id exactly as the system exported it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::export_support;

use ledgerlink::core::export::{ExportOptions, export_project};
use ledgerlink::core::model::Side;
use ledgerlink::core::project::{Decision, RecordRef, SuggestionSet};

use export_support::{ERP_COLUMNS, crm_rows, erp_rows, pair, project_from, read_csv};

#[test]
fn ids_with_spaces_are_exported_exactly_and_compared_trimmed() {
    let dir = tempfile::tempdir().unwrap();
    let mut crm = crm_rows();
    crm[0][0] = " 001A ".to_string();
    crm[0][9] = String::new(); // no ERP number yet: the CRM update names it
    crm[5][0] = "001F  ".to_string();
    let mut erp = erp_rows();
    erp[0][0] = "00123 ".to_string();
    let suggestions = SuggestionSet {
        pairs: vec![pair(0, 0, 0.99)],
        ..Default::default()
    };
    let file = dir.path().join("p.ledgerlink");
    let mut project = project_from(&file, &crm, &ERP_COLUMNS, &erp, &suggestions, "both");
    // Decisions name the records without the spaces.
    let accept = Decision::Accept {
        crm: "001A".to_string(),
        erp: "00123".to_string(),
    };
    project.decide(&accept, "anna", None).unwrap();
    let duplicate = Decision::Duplicate {
        master: RecordRef::new(Side::Crm, "001A"),
        duplicate: RecordRef::new(Side::Crm, "001F"),
    };
    project.decide(&duplicate, "anna", None).unwrap();
    let out = dir.path().join("out");
    export_project(&project, &out, &ExportOptions::default()).unwrap();
    let (_, links) = read_csv(&out.join("links.csv"));
    assert_eq!(links[0][0], " 001A ");
    assert_eq!(links[0][1], "00123 ");
    let (_, updates) = read_csv(&out.join("crm_updates.csv"));
    assert_eq!(updates[0][..2], [" 001A ", "00123 "]);
    let (_, updates) = read_csv(&out.join("erp_updates.csv"));
    assert_eq!(updates[0][..2], ["00123 ", " 001A "]);
    let (_, duplicates) = read_csv(&out.join("duplicates.csv"));
    let ids: Vec<&str> = duplicates.iter().map(|row| row[4].as_str()).collect();
    assert!(
        ids.contains(&" 001A ") && ids.contains(&"001F  "),
        "{duplicates:?}"
    );
}
