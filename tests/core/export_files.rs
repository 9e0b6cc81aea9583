//! `export_project` on a small workshop: every file read back and its content checked, ids
//! byte for byte, formula-like text neutralised, the workbooks' sheets and formatting.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::export_support;

use std::path::Path;

use calamine::{Data, Reader};
use ledgerlink::core::export::{ExportOptions, ExportSummary, export_project};

use export_support::{
    FORMULA_NAME, LONG_ID, column, read_csv, read_sheet, text, workshop, xlsx_part,
};

fn export(dir: &Path, policy: &str) -> ExportSummary {
    let (_, project) = workshop(dir, policy);
    export_project(&project, &dir.join("out"), &ExportOptions::default()).unwrap()
}

#[test]
fn links_list_every_link_in_effect_with_exact_ids() {
    let dir = tempfile::tempdir().unwrap();
    let summary = export(dir.path(), "both");
    let path = dir.path().join("out/links.csv");
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(
        "\u{feff}crm_id,erp_id,crm_name,erp_name,score,decided_by,decided_at,note".as_bytes()
    ));
    let (_, rows) = read_csv(&path);
    assert_eq!(rows.len(), 2, "the undone accept is not a link: {rows:?}");
    assert_eq!(
        &rows[0][..5],
        ["001A", "00123", "Acme GmbH", "ACME GmbH", "0.995"]
    );
    assert_eq!(rows[0][5], "anna");
    assert!(rows[0][6].ends_with('Z'), "UTC time: {}", rows[0][6]);
    assert_eq!(rows[0][7], "same VAT");
    assert_eq!(
        &rows[1][..4],
        ["001C", LONG_ID, "Bolt AG", "Bolt Aktiengesellschaft"]
    );
    assert_eq!(rows[1][5], "ben");
    assert_eq!(summary.rows("links.csv"), Some(2));
}

#[test]
fn updates_carry_each_systems_number_under_its_own_column_names() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), "both");
    let (header, rows) = read_csv(&dir.path().join("out/crm_updates.csv"));
    assert_eq!(header, ["Id", "ERP_Customer_No__c"]);
    // 001A already holds 00123 (as "00123"); 001C holds the stale "999".
    assert_eq!(rows, [["001C", LONG_ID]]);
    let (header, rows) = read_csv(&dir.path().join("out/erp_updates.csv"));
    assert_eq!(header, ["KUNNR", "CRM_ID"]);
    // The Bolt customer already names 001C.
    assert_eq!(rows, [["00123", "001A"]]);
}

#[test]
fn creations_use_the_target_systems_columns_and_neutralise_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let summary = export(dir.path(), "both");
    let (header, rows) = read_csv(&dir.path().join("out/create_in_erp.csv"));
    assert_eq!(
        header,
        [
            "KUNNR",
            "NAME1",
            "STRAS",
            "PSTLZ",
            "ORT01",
            "LAND1",
            "TELF1",
            "SMTP_ADDR",
            "STCEG",
            "CRM_ID",
            "decision",
            "note"
        ]
    );
    // 001F is a marked duplicate and 001G has an open suggestion: both held back. The ERP
    // writes countries as codes, so "Deutschland" becomes "DE".
    assert_eq!(rows.len(), 1, "{rows:?}");
    let expected_name = format!("'{FORMULA_NAME}");
    assert_eq!(
        rows[0],
        [
            "",
            expected_name.as_str(),
            "Ringweg 1",
            "50667",
            "Köln",
            "DE",
            "0221 999",
            "new@b.de",
            "",
            "001B",
            "default",
            ""
        ]
    );
    let (header, rows) = read_csv(&dir.path().join("out/create_in_crm.csv"));
    assert_eq!(
        header,
        [
            "Name",
            "BillingStreet",
            "BillingPostalCode",
            "BillingCity",
            "BillingCountry",
            "Phone",
            "Email",
            "VAT__c",
            "ERP_Customer_No__c",
            "Type",
            "decision",
            "note"
        ]
    );
    // 00790 is ignored; 00456 and 00800 have open suggestions. The phone stays as exported:
    // an import tool would store an apostrophe.
    assert_eq!(
        rows,
        [[
            "Echo BV",
            "Stationsplein 1",
            "3511 ED",
            "Utrecht",
            "NL",
            "+31 30 123",
            "echo@echo.nl",
            "NL123456789B01",
            "00789",
            "Customer",
            "default",
            ""
        ]]
    );
    assert!(
        summary
            .notes
            .iter()
            .any(|note| note.contains("generates new account numbers")),
        "{:?}",
        summary.notes
    );
}

#[test]
fn workshop_numbering_proposes_the_next_erp_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let summary = export(dir.path(), "crm_to_erp,numbers=workshop");
    let (_, rows) = read_csv(&dir.path().join("out/create_in_erp.csv"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], "1234567890123456790");
    assert!(summary.notes.iter().any(|note| note.contains("proposed")));
    // crm_to_erp forbids creating CRM accounts: nothing by default.
    assert_eq!(summary.rows("create_in_crm.csv"), Some(0));
}

#[test]
fn the_none_policy_turns_create_in_erp_into_a_keying_worklist() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), "none");
    let (_, rows) = read_csv(&dir.path().join("out/create_in_erp.csv"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][9], "001B");
    assert_eq!(rows[0][10], "needs_erp_account");
}

#[test]
fn duplicates_conflicts_and_audit() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), "both");
    let (header, rows) = read_csv(&dir.path().join("out/duplicates.csv"));
    assert_eq!(
        &header[..7],
        [
            "side",
            "cluster",
            "status",
            "master_id",
            "member_id",
            "member_name",
            "member_role"
        ]
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(
        &rows[0][..7],
        ["crm", "1", "marked", "001A", "001A", "Acme GmbH", "master"]
    );
    assert_eq!(
        &rows[1][..7],
        [
            "crm",
            "1",
            "marked",
            "001A",
            "001F",
            "Acme Berlin GmbH",
            "duplicate"
        ]
    );
    assert_eq!(rows[1][8], "carla");
    assert_eq!(rows[1][10], "same firm");

    let (header, rows) = read_csv(&dir.path().join("out/conflicts.csv"));
    assert_eq!(
        header,
        [
            "crm_id",
            "erp_id",
            "crm_name",
            "erp_name",
            "field",
            "crm_value",
            "erp_value",
            "record_of_truth"
        ]
    );
    // Acme differs only in spelling (Hauptstr./Hauptstraße, +49 30/030, case, VAT spacing).
    let fields: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|row| {
            (
                row[0].as_str(),
                row[4].as_str(),
                row[6].as_str(),
                row[7].as_str(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("001C", "street", "Marktplatz 3", "erp"),
            ("001C", "phone", "089 556", "crm")
        ]
    );
    assert_eq!(rows[0][1], LONG_ID);

    let (header, rows) = read_csv(&dir.path().join("out/audit.csv"));
    assert_eq!(&header[..4], ["seq", "at", "by", "action"]);
    let state = header.iter().position(|name| name == "state").unwrap();
    let target = header.iter().position(|name| name == "target").unwrap();
    let actions: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|row| (row[3].as_str(), row[2].as_str(), row[state].as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("accept", "anna", "in_effect"),
            ("accept", "ben", "in_effect"),
            ("duplicate", "carla", "in_effect"),
            ("ignore", "anna", "in_effect"),
            ("accept", "dave", "undone"),
            ("undo", "dave", ""),
        ]
    );
    assert_eq!(
        rows[5][target], rows[4][0],
        "the undo names the undone decision"
    );
    assert_eq!(&rows[1][4..8], ["crm", "001C", "erp", LONG_ID]);
}

#[test]
fn reconciliation_workbook_holds_every_file_as_text_cells() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), "both");
    let path = dir.path().join("out/reconciliation.xlsx");
    let mut workbook = calamine::open_workbook_auto(&path).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "Summary",
            "Links",
            "CRM updates",
            "ERP updates",
            "CRM numbers to clear",
            "ERP numbers to clear",
            "Create in ERP",
            "Create in CRM",
            "Merge in CRM",
            "Merge in ERP",
            "Duplicates",
            "Conflicts",
            "CRM fill-ins",
            "ERP fill-ins",
            "Audit"
        ]
    );
    let links = read_sheet(&path, "Links");
    assert_eq!(column(&links, "erp_id"), ["00123", LONG_ID]);
    assert_eq!(links[1][4], Data::Float(0.995));
    let create = read_sheet(&path, "Create in ERP");
    assert_eq!(
        column(&create, "NAME1"),
        [FORMULA_NAME],
        "a string, not neutralised text"
    );
    let formulas = workbook.worksheet_formula("Create in ERP").unwrap();
    assert!(
        formulas
            .used_cells()
            .all(|(_, _, formula)| formula.is_empty())
    );
    let summary = read_sheet(&path, "Summary");
    let items: Vec<String> = summary.iter().map(|row| text(&row[0])).collect();
    assert!(items.contains(&"Took part: carla".to_string()), "{items:?}");
    assert!(items.contains(&"Rows in links.csv".to_string()));
    // Audit has every entry.
    assert_eq!(read_sheet(&path, "Audit").len(), 7);
}

#[test]
fn workbook_headers_are_bold_frozen_filtered_and_fitted() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), "both");
    let path = dir.path().join("out/reconciliation.xlsx");
    // Sheet 2 is Links: 10 columns, 2 data rows.
    let links = xlsx_part(&path, "xl/worksheets/sheet2.xml");
    assert!(links.contains("state=\"frozen\""), "{links}");
    assert!(links.contains("<autoFilter ref=\"A1:J3\""), "{links}");
    assert!(
        links.contains("<ignoredError"),
        "number-stored-as-text markers off"
    );
    let widths: Vec<f64> = links
        .split("<col ")
        .skip(1)
        .map(|col| {
            let start = col.find("width=\"").unwrap() + 7;
            let end = col[start..].find('"').unwrap() + start;
            col[start..end].parse().unwrap()
        })
        .collect();
    assert_eq!(widths.len(), 10);
    // erp_name holds "Bolt Aktiengesellschaft" (23 characters); erp_id the 19-digit id.
    assert!(widths[3] >= 23.0 && widths[3] < 40.0, "{widths:?}");
    assert!(widths[1] >= 19.0, "{widths:?}");
    assert!(xlsx_part(&path, "xl/styles.xml").contains("<b/>"));
}

#[test]
fn review_workbook_lists_open_suggestions_with_a_decision_drop_down() {
    let dir = tempfile::tempdir().unwrap();
    let summary = export(dir.path(), "both");
    let path = dir.path().join("out/review.xlsx");
    let review = read_sheet(&path, "Review");
    assert_eq!(
        column(&review, "CRM id"),
        ["001D", "001G", "001G"],
        "queue by score, then open alternatives"
    );
    assert_eq!(column(&review, "ERP id"), ["00456", "00800", "00456"]);
    assert_eq!(
        column(&review, "Kind"),
        ["suggested", "suggested", "alternative"]
    );
    assert_eq!(column(&review, "CRM name")[0], "Crane Ltd");
    assert_eq!(column(&review, "ERP street")[0], "1 High Street");
    assert_eq!(column(&review, "Decision"), ["", "", ""]);
    assert_eq!(summary.rows("review.xlsx"), Some(3));
    let sheet = xlsx_part(&path, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<dataValidation type=\"list\""), "{sheet}");
    assert!(sheet.contains("accept,reject,unsure"));
    assert!(sheet.contains("hidden=\"1\""), "hash columns hidden");
}

#[test]
fn a_semicolon_export_for_european_excel() {
    let dir = tempfile::tempdir().unwrap();
    let (_, project) = workshop(dir.path(), "both");
    let options = ExportOptions::with_delimiter(";").unwrap();
    export_project(&project, &dir.path().join("out"), &options).unwrap();
    let text = std::fs::read_to_string(dir.path().join("out/links.csv")).unwrap();
    assert!(
        text.starts_with(
            "\u{feff}crm_id;erp_id;crm_name;erp_name;score;decided_by;decided_at;note"
        )
    );
    let (_, rows) = export_support::read_csv_with(&dir.path().join("out/conflicts.csv"), b';');
    assert_eq!(rows.len(), 2);
    assert!(ExportOptions::with_delimiter("x").is_err());
}

#[test]
fn a_second_export_replaces_every_file_and_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let (_, project) = workshop(dir.path(), "both");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("links.csv"), "stale content of an older export").unwrap();
    let summary = export_project(&project, &out, &ExportOptions::default()).unwrap();
    export_project(&project, &out, &ExportOptions::default()).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = summary
        .files
        .iter()
        .map(|file| file.name.to_string())
        .collect();
    // The manifest of the run comes with the files it lists.
    expected.push("export_manifest.csv".to_string());
    expected.sort();
    assert_eq!(names, expected);
    assert_eq!(expected.len(), 17);
    let (_, rows) = read_csv(&out.join("links.csv"));
    assert_eq!(rows.len(), 2);
}
