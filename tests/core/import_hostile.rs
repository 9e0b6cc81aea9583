//! Odd and hostile inputs lose nothing and alter nothing (issue 12): lists read from pipes,
//! a stray byte in a large UTF-8 file, an unbalanced quote, number-formatted workbook cells,
//! and workbook bombs refused within a memory budget.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Stdio};

use crate::workbook_bombs;

use ledgerlink::core::import::{import_bytes, import_file};
use ledgerlink::core::model::Role;

/// A CSV list of `rows` records, well over 64 KiB for 5,000 rows.
fn big_csv(rows: usize) -> String {
    let mut text = String::from("Kundennummer;Firma;Ort\n");
    for row in 0..rows {
        text.push_str(&format!(
            "{:05};Firma Nummer {row} GmbH;Stuttgart\n",
            row + 1
        ));
    }
    text
}

#[cfg(unix)]
#[test]
fn a_list_read_from_a_fifo_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("crm.csv");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    let text = big_csv(5000);
    assert!(text.len() > 2 * 64 * 1024);
    let writer = {
        let (fifo, text) = (fifo.clone(), text.clone());
        std::thread::spawn(move || {
            let mut file = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            file.write_all(text.as_bytes()).unwrap();
        })
    };
    let list = import_file(fifo.to_str().unwrap(), &[]).unwrap();
    writer.join().unwrap();
    assert_eq!(list.len(), 5000);
    assert_eq!(list.value(0, Role::Id), Some("00001"));
    assert_eq!(list.value(4999, Role::Id), Some("05000"));
}

#[cfg(unix)]
#[test]
fn inspect_reads_dev_stdin_whole() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
        .args(["inspect", "/dev/stdin", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let text = big_csv(5000);
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let output = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["rows"], 5000, "{json}");
    assert_eq!(json["header_row"], 1, "{json}");
}

#[test]
fn bytes_in_memory_still_import() {
    let list = import_bytes("crm.csv", big_csv(10).as_bytes(), None, &[]).unwrap();
    assert_eq!(list.len(), 10);
}

#[test]
fn one_stray_byte_in_a_large_utf8_file_stays_utf8_and_is_reported() {
    let mut text = String::from("Kundennummer;Firma;Ort\n");
    for row in 0..5000 {
        text.push_str(&format!("{:05};Müller Söhne {row} GmbH;Köln\n", row + 1));
    }
    let mut bytes = text.into_bytes();
    // Line 5002: a Windows-1252 'ü' pasted into one cell of an otherwise UTF-8 file.
    bytes.extend_from_slice(b"05001;Gr\xfcn AG;D\xfcsseldorf\n");
    let list = import_bytes("crm.csv", &bytes, None, &[]).unwrap();
    assert_eq!(list.report.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(list.len(), 5001);
    assert_eq!(list.value(0, Role::Name), Some("Müller Söhne 0 GmbH"));
    assert_eq!(list.value(5000, Role::Name), Some("Gr\u{fffd}n AG"));
    let warning = list
        .report
        .warnings
        .iter()
        .find(|warning| warning.message.contains("not UTF-8"))
        .expect("a warning about the replaced bytes");
    assert_eq!(warning.row, Some(5002));
    assert_eq!(warning.column, Some(2));
}

#[test]
fn a_stray_byte_in_the_first_lines_does_not_make_the_file_windows_1252() {
    let mut bytes = b"id;name\n1;Gr\xfcn AG\n".to_vec();
    for row in 2..200 {
        bytes.extend_from_slice(format!("{row};Müller {row}\n").as_bytes());
    }
    let list = import_bytes("crm.csv", &bytes, None, &[]).unwrap();
    assert_eq!(list.report.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(list.value(1, Role::Name), Some("Müller 2"));
}

#[test]
fn an_unclosed_quote_is_refused_naming_its_line() {
    let mut text = String::from("id,name,city\n1,Acme,Berlin\n2,\"Bolt GmbH,Hamburg\n");
    for row in 3..100 {
        text.push_str(&format!("{row},Firm {row},Bonn\n"));
    }
    let error = import_bytes("crm.csv", text.as_bytes(), None, &[]).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("crm.csv, line 3, field 2"), "{message}");
    assert!(message.contains("never closed"), "{message}");
}

#[test]
fn number_formatted_ids_and_postcodes_keep_their_zeros() {
    let list = import_bytes("sap.xlsx", &workbook_bombs::padded_ids(), None, &[]).unwrap();
    assert_eq!(list.value(0, Role::Id), Some("0000100045"));
    assert_eq!(list.value(0, Role::Postcode), Some("01067"));
    assert_eq!(list.value(1, Role::Postcode), Some("70173"));
    // Row 3's number has no format: kept as it is, and the mix is reported.
    assert_eq!(list.value(1, Role::Id), Some("100046"));
    let warning = list
        .report
        .warnings
        .iter()
        .find(|warning| warning.message.contains("leading zeros"))
        .expect("a warning about the mixed column");
    assert_eq!((warning.row, warning.column), (Some(3), Some(1)));
    assert!(
        warning.message.contains("sheet 'Kunden', column A"),
        "{warning}"
    );
}

#[test]
fn ods_numbers_with_minimum_digits_keep_their_zeros() {
    let list = import_bytes("kunden.ods", &workbook_bombs::ods_padded(), None, &[]).unwrap();
    assert_eq!(list.value(0, Role::Postcode), Some("01067"));
    assert_eq!(list.value(0, Role::Id), Some("7"));
}

/// Import a bomb and return the error message; it must come quickly.
fn refused(name: &str, bytes: &[u8]) -> String {
    let started = std::time::Instant::now();
    let error = import_bytes(name, bytes, None, &[])
        .unwrap_err()
        .to_string();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{name} took {:?}",
        started.elapsed()
    );
    error
}

#[test]
fn a_used_range_to_xfd1048576_is_refused_naming_the_sheet() {
    let bytes = workbook_bombs::range_bomb();
    assert!(bytes.len() < 5000);
    let message = refused("bomb.xlsx", &bytes);
    assert!(message.contains("bomb.xlsx, sheet 'Kunden'"), "{message}");
    assert!(message.contains("A1:XFD1048576"), "{message}");
    assert!(message.contains("memory"), "{message}");
}

#[test]
fn a_huge_shared_string_is_refused_naming_the_sheet() {
    let bytes = workbook_bombs::string_bomb(8 << 20);
    assert!(bytes.len() < 100_000, "{}", bytes.len());
    let message = refused("bomb.xlsx", &bytes);
    assert!(message.contains("sheet 'Kunden'"), "{message}");
    assert!(message.contains("cell B2 holds a text of"), "{message}");
}

#[test]
fn an_ods_with_a_million_repeated_rows_is_refused_naming_the_sheet() {
    let bytes = workbook_bombs::ods_rows_bomb(1_048_575, 40);
    assert!(bytes.len() < 2000, "{}", bytes.len());
    let message = refused("bomb.ods", &bytes);
    assert!(message.contains("bomb.ods, sheet 'Kunden'"), "{message}");
    assert!(message.contains("cells span A1:AN1048576"), "{message}");
}

#[test]
fn an_xlsb_whose_cells_span_the_whole_sheet_is_refused_naming_the_sheet() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/exact_online_relaties.xlsb"
    );
    let bytes = workbook_bombs::xlsb_range_bomb(&std::fs::read(fixture).unwrap());
    let message = refused("bomb.xlsb", &bytes);
    assert!(message.contains("bomb.xlsb, sheet '"), "{message}");
    assert!(message.contains(":XFD1048576"), "{message}");
}
