//! The importer through its public API: every cell exactly as exported (ids with their zeros
//! and padding, umlauts from Windows-1252 and UTF-16, dates as ISO text, whole numbers without
//! ".0"), sheets, overrides, and errors that name the file, sheet and column.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use ledgerlink::core::import::{ColumnOverride, ImportError, import_bytes, import_file};
use ledgerlink::core::model::{Dataset, Role};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn import(name: &str) -> Dataset {
    import_file(fixture(name).to_str().unwrap(), &[]).unwrap()
}

fn column(list: &Dataset, header: &str) -> Vec<String> {
    let index = list
        .columns
        .iter()
        .position(|column| column.name == header)
        .unwrap_or_else(|| panic!("no column {header}"));
    (0..list.len())
        .map(|row| list.cells.cell(row, index).to_string())
        .collect()
}

#[test]
fn ids_stay_exactly_as_exported() {
    let kna1 = import("sap_kna1_se16n.txt");
    assert_eq!(kna1.record_id(0), "0000100045");
    assert_eq!(kna1.value(0, Role::Region), Some("05"));
    let gp = import("dynamics_gp_rm00101.xls");
    assert_eq!(gp.record_id(0), "AARONFIT0001   ");
    assert_eq!(
        gp.value(4, Role::Name).map(str::trim),
        Some("Crème de la Crème Café")
    );
    let zoho = import("zoho_accounts.csv");
    assert_eq!(zoho.record_id(0), "4876876000000363017");
    assert_eq!(zoho.value(0, Role::Xref), Some("0000100230"));
    let loader = import("salesforce_dataloader_accounts.csv");
    assert_eq!(loader.record_id(0), "0015g00000AbC1xAAF");
    assert_eq!(loader.value(4, Role::Postcode), Some("08017"));
    let exact = import("exact_online_relaties.xlsb");
    assert_eq!(exact.record_id(0), "  1001");
    let odoo = import("odoo_contacts_fr.ods");
    assert_eq!(odoo.record_id(0), "__export__.res_partner_42_9f1c2e3a");
    assert_eq!(odoo.value(3, Role::Postcode), Some("06300"));
}

#[test]
fn text_encodings_are_decoded_without_loss() {
    let sage50 = import("sage50_kunden.csv");
    assert_eq!(
        column(&sage50, "Firma")[..2],
        [
            "Müller Anlagenbau GmbH",
            "Bäckerei \"Zur Mühle\" Schäfer & Söhne KG"
        ]
    );
    assert_eq!(
        column(&sage50, "Saldo")[..3],
        ["12.345,67", "0,00", "-317,45"]
    );
    assert_eq!(sage50.value(6, Role::Country), Some("Österreich"));
    let unicode = import("sage100_customers_unicode.txt");
    assert_eq!(unicode.value(2, Role::Name), Some("Bob's \"Best\" Bikes"));
    assert_eq!(unicode.value(2, Role::Id), Some("0000123"));
    assert_eq!(
        unicode.value(3, Role::Address2),
        Some("Building 7\nLoading Dock B")
    );
    assert_eq!(
        unicode.value(5, Role::Name),
        Some("株式会社ミナミ (Minami Trading Co.)")
    );
    assert_eq!(column(&unicode, "ARDivisionNo")[0], "01");
    // Rows after a record with an embedded newline keep their true line numbers.
    assert_eq!(unicode.source_rows, [2, 3, 4, 5, 7, 8]);
    let report = import("salesforce_report_accounts.csv");
    assert_eq!(
        report.value(0, Role::Street),
        Some("Industriestraße 12\nHalle 3")
    );
    assert_eq!(report.source_rows[..3], [2, 4, 5]);
    // A Polish export in Windows-1250: read as 1252 it would show "£ódŸ" for "Łódź".
    let optima = import("comarch_optima_kontrahenci.csv");
    assert_eq!(optima.report.encoding.as_deref(), Some("windows-1250"));
    assert_eq!(
        optima.value(0, Role::Name),
        Some("Przedsiębiorstwo Transportowe Łódź Sp. z o.o.")
    );
    assert_eq!(column(&optima, "Miasto")[..2], ["Łódź", "Żywiec"]);
    assert_eq!(optima.value(4, Role::Street), Some("Święty Marcin"));
}

#[test]
fn utf16_big_endian_and_mac_line_ends_are_read() {
    let text = "Kundennummer\tFirma\tOrt\r00042\tMüller GmbH\tKöln\r00043\tŁódź Sp. z o.o.\tŁódź\r";
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    let list = import_bytes("kunden.txt", &bytes, None, &[]).unwrap();
    assert_eq!(list.report.encoding.as_deref(), Some("UTF-16BE BOM"));
    assert_eq!(list.report.delimiter, Some('\t'));
    assert_eq!(list.len(), 2);
    assert_eq!(list.record_id(1), "00043");
    assert_eq!(list.source_rows, [2, 3], "a bare CR ends a line");
    assert_eq!(list.value(1, Role::City), Some("Łódź"));
}

#[test]
fn workbook_cells_become_text_without_damage() {
    let hubspot = import("hubspot_companies_de.xlsx");
    assert_eq!(hubspot.record_id(0), "18234567012");
    assert_eq!(
        column(&hubspot, "Erstellungsdatum")[0],
        "2022-03-05T14:22:00"
    );
    assert_eq!(hubspot.value(1, Role::Postcode), Some("01067"));
    let b1 = import("sap_b1_business_partners.xlsx");
    assert_eq!(column(&b1, "RecordKey")[..3], ["1", "2", "3"]);
    assert_eq!(b1.source_rows[0], 3, "the label row 2 is not a record");
    let odoo = import("odoo_contacts_fr.ods");
    assert_eq!(column(&odoo, "Est une société")[3..5], ["TRUE", "FALSE"]);
    let quickbooks = import("quickbooks_customer_contact_list.xlsx");
    assert_eq!(quickbooks.report.header_row, 4);
    assert_eq!(quickbooks.source_rows[0], 5);
    assert_eq!(
        quickbooks.value(4, Role::Name),
        Some("Freeman Sporting Goods:0969 Ocean View Road")
    );
}

#[test]
fn a_sheet_is_chosen_by_name_and_hidden_sheets_come_last() {
    let book = fixture("quickbooks_customer_contact_list.xlsx");
    let tips = import_file(&format!("{}#QuickBooks Export Tips", book.display()), &[]).unwrap();
    assert_eq!(tips.report.sheet.as_deref(), Some("QuickBooks Export Tips"));
    assert_eq!(tips.columns[0].name, "QuickBooks Export Tips");
    let dynamics = import("dynamics365_accounts.xlsx");
    assert_eq!(dynamics.report.sheet.as_deref(), Some("My Active Accounts"));
    let hidden = import_file(
        &format!(
            "{}#hiddenSheet",
            fixture("dynamics365_accounts.xlsx").display()
        ),
        &[],
    )
    .unwrap();
    assert_eq!(hidden.columns.len(), 5);
}

#[test]
fn bytes_in_memory_import_like_the_file() {
    for name in [
        "sage50_kunden.csv",
        "sage100_customers_unicode.txt",
        "sap_b1_business_partners.xlsx",
        "odoo_contacts_fr.ods",
    ] {
        let from_file = import(name);
        let bytes = std::fs::read(fixture(name)).unwrap();
        let mut from_bytes = import_bytes(name, &bytes, None, &[]).unwrap();
        from_bytes.report.file = from_file.report.file.clone();
        assert_eq!(from_bytes, from_file, "{name}");
    }
}

#[test]
fn overrides_assign_roles_by_name_or_number() {
    let overrides: Vec<ColumnOverride> = ["name=Matchcode", "other=3", "tax_id=13"]
        .iter()
        .map(|text| text.parse().unwrap())
        .collect();
    let sage50 = import_file(fixture("sage50_kunden.csv").to_str().unwrap(), &overrides).unwrap();
    assert_eq!(sage50.value(0, Role::Name), Some("MÜLLER"));
    assert_eq!(sage50.columns[2].role, Some(Role::Other));
    assert_eq!(sage50.value(0, Role::TaxId), Some("12.345,67"));
    assert_eq!(sage50.columns[10].role, None, "tax_id moved to column 13");
}

fn error_text(result: Result<Dataset, ImportError>) -> String {
    result.expect_err("the import must fail").to_string()
}

#[test]
fn errors_name_the_file_sheet_and_column() {
    let book = fixture("sap_b1_business_partners.xlsx");
    let book = book.to_str().unwrap();
    let unknown_sheet = error_text(import_file(&format!("{book}#OCRD"), &[]));
    assert_eq!(
        unknown_sheet,
        format!("{book}: no sheet named 'OCRD'; the sheets are: 'BusinessPartners'")
    );
    let missing: ColumnOverride = "xref=U_CRMID".parse().unwrap();
    let unknown_column = error_text(import_file(book, &[missing]));
    assert!(
        unknown_column.starts_with(&format!(
            "{book}, sheet 'BusinessPartners': xref=U_CRMID: no such column; the columns are: \
             1 'RecordKey', 2 'CardCode'"
        )),
        "{unknown_column}"
    );
    let protected = fixture("bad/protected.xlsx");
    let protected = protected.to_str().unwrap();
    assert!(matches!(
        import_file(protected, &[]),
        Err(ImportError::PasswordProtected { .. })
    ));
    let bytes = std::fs::read(book).unwrap();
    let truncated = import_bytes("partner.xlsx", &bytes[..bytes.len() - 100], None, &[]);
    assert!(
        matches!(truncated, Err(ImportError::Corrupt { .. })),
        "{truncated:?}"
    );
    assert!(error_text(truncated).starts_with("partner.xlsx: the xlsx workbook is damaged"));
    let pdf = import_bytes("liste.csv", b"%PDF-1.4\n...", None, &[]);
    assert_eq!(
        error_text(pdf),
        "liste.csv: not a spreadsheet or text file (a PDF document); export the list as CSV or XLSX"
    );
    let empty = import_bytes("leer.csv", b"\xEF\xBB\xBF", None, &[]);
    assert!(
        matches!(empty, Err(ImportError::NoData { .. })),
        "{empty:?}"
    );
    let blank = import_bytes("leer.csv", b"", None, &[]);
    assert_eq!(error_text(blank), "leer.csv: the file is empty");
    let folder = error_text(import_file(env!("CARGO_MANIFEST_DIR"), &[]));
    assert!(folder.contains("a folder"), "{folder}");
}

#[test]
fn a_header_without_records_imports_empty_with_a_warning() {
    let list = import_bytes("kopf.csv", b"Kundennummer;Firma\r\n", None, &[]).unwrap();
    assert!(list.is_empty());
    assert_eq!(list.columns.len(), 2);
    assert_eq!(
        list.report.warnings[0].to_string(),
        "row 1: the list has a header but no data rows"
    );
}
