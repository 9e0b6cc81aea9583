//! Export options and preview: UTF-8 without BOM and Windows-1252 files read back byte for
//! byte, a character Windows-1252 cannot hold refused before anything is written, and the
//! preview's counts and first rows equal to the files the export then writes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::export_support::{LONG_ID, read_csv, workshop};

use ledgerlink::core::export::{
    CsvEncoding, ExportError, ExportOptions, export_project, preview_export,
};

#[test]
fn utf8_without_bom_and_windows_1252_are_written_as_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (_, project) = workshop(dir.path(), "both");
    let utf8 = ExportOptions::parse("tab", "utf-8").unwrap();
    export_project(&project, &dir.path().join("utf8"), &utf8).unwrap();
    let bytes = std::fs::read(dir.path().join("utf8/links.csv")).unwrap();
    assert!(
        bytes.starts_with(b"crm_id\terp_id\tcrm_name"),
        "no BOM, tabs"
    );

    let cp1252 = ExportOptions::parse(";", "windows-1252").unwrap();
    assert_eq!(cp1252.encoding, CsvEncoding::Windows1252);
    export_project(&project, &dir.path().join("cp"), &cp1252).unwrap();
    let bytes = std::fs::read(dir.path().join("cp/links.csv")).unwrap();
    assert!(bytes.starts_with(b"crm_id;erp_id;"));
    let (text, _, errors) = encoding_rs::WINDOWS_1252.decode(&bytes);
    assert!(!errors);
    assert!(text.contains(LONG_ID));
    assert!(ExportOptions::parse(",", "latin-9").is_err());
}

#[test]
fn windows_1252_refuses_a_name_it_cannot_hold_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut crm = crate::export_support::crm_rows();
    crm[0][1] = "Łódź Trading".to_string();
    let file = dir.path().join("p.ledgerlink");
    let mut project = crate::export_support::project_from(
        &file,
        &crm,
        &crate::export_support::ERP_COLUMNS,
        &crate::export_support::erp_rows(),
        &crate::export_support::suggestions(),
        "both",
    );
    let accept = ledgerlink::core::project::Decision::Accept {
        crm: "001A".to_string(),
        erp: "00123".to_string(),
    };
    project.decide(&accept, "anna", None).unwrap();
    let preview = preview_export(&project, 5).unwrap();
    let (cells, first) = &preview.windows_1252;
    assert!(*cells >= 1);
    assert_eq!(first.as_ref().unwrap().character, 'Ł');

    let out = dir.path().join("out");
    let options = ExportOptions::parse(",", "windows-1252").unwrap();
    let error = export_project(&project, &out, &options).unwrap_err();
    assert!(matches!(error, ExportError::Unencodable(_)));
    let message = error.to_string();
    assert!(
        message.contains("links.csv, row 1, column crm_name"),
        "{message}"
    );
    assert!(message.contains("'Ł'"), "{message}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn the_preview_shows_what_the_export_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (_, project) = workshop(dir.path(), "both");
    let preview = preview_export(&project, 2).unwrap();
    let out = dir.path().join("out");
    let summary = export_project(&project, &out, &ExportOptions::default()).unwrap();
    let names: Vec<&str> = preview.files.iter().map(|file| file.name).collect();
    let written: Vec<&str> = summary.files.iter().map(|file| file.name).collect();
    assert_eq!(names, written);
    for file in &preview.files {
        assert_eq!(Some(file.total), summary.rows(file.name), "{}", file.name);
        if !file.name.ends_with(".csv") {
            continue;
        }
        let (header, rows) = read_csv(&out.join(file.name));
        assert_eq!(file.header, header, "{}", file.name);
        assert!(file.rows.len() <= 2);
        for (shown, read) in file.rows.iter().zip(&rows) {
            let shown: Vec<String> = shown
                .iter()
                .map(|cell| ledgerlink::core::export::csv::neutralise(cell).into_owned())
                .collect();
            assert_eq!(&shown, read, "{}", file.name);
        }
    }
    assert_eq!(preview.notes, summary.notes[..preview.notes.len()]);
}
