//! `ledgerlink inspect` on every fixture: what a user sees (format, encoding, delimiter, sheet,
//! header row, row count, roles, warnings), and exit code 2 with a clear message for bad files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn ledgerlink(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn inspect_json(spec: &str) -> Value {
    let output = ledgerlink(&["inspect", spec, "--json"]);
    assert!(
        output.status.success(),
        "inspect {spec} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("inspect --json prints JSON")
}

/// What `inspect --json` must report for one fixture.
struct Expected {
    file: &'static str,
    format: &'static str,
    encoding: Option<&'static str>,
    delimiter: Option<&'static str>,
    sheet: Option<&'static str>,
    header_row: u64,
    rows: u64,
    /// One role per column, `-` for none.
    roles: &'static [&'static str],
    /// (row, words the message contains), in order.
    warnings: &'static [(Option<u64>, &'static str)],
}

fn check(expected: &Expected) {
    let path = fixture(expected.file);
    let spec = match expected.sheet {
        Some(sheet) => format!("{}#{sheet}", path.display()),
        None => path.display().to_string(),
    };
    let json = inspect_json(&spec);
    let name = expected.file;
    assert_eq!(json["file"], path.display().to_string(), "{name}");
    assert_eq!(json["format"], expected.format, "{name}");
    assert_eq!(json["encoding"].as_str(), expected.encoding, "{name}");
    assert_eq!(json["delimiter"].as_str(), expected.delimiter, "{name}");
    if expected.format == "csv" {
        assert!(
            json["sheet"].is_null() && json["sheets"].is_null(),
            "{name}"
        );
    } else {
        assert!(
            json["sheet"].is_string() && json["sheets"].is_array(),
            "{name}"
        );
    }
    assert_eq!(json["header_row"], expected.header_row, "{name}");
    assert_eq!(json["rows"], expected.rows, "{name}");
    let columns = json["columns"].as_array().unwrap();
    let roles: Vec<&str> = columns
        .iter()
        .map(|column| column["role"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(roles, expected.roles, "{name}");
    for (position, column) in columns.iter().enumerate() {
        assert_eq!(column["index"], position as u64 + 1, "{name}");
    }
    let warnings = json["warnings"].as_array().unwrap();
    let shown: Vec<String> = warnings.iter().map(Value::to_string).collect();
    assert_eq!(
        warnings.len(),
        expected.warnings.len(),
        "{name}: {shown:#?}"
    );
    for (warning, (row, words)) in warnings.iter().zip(expected.warnings) {
        assert_eq!(warning["row"].as_u64(), *row, "{name}: {warning}");
        let message = warning["message"].as_str().unwrap();
        assert!(
            message.contains(words),
            "{name}: '{message}' lacks '{words}'"
        );
    }
}

#[test]
fn salesforce_report_csv() {
    check(&Expected {
        file: "salesforce_report_accounts.csv",
        format: "csv",
        encoding: Some("UTF-8"),
        delimiter: Some(","),
        sheet: None,
        header_row: 1,
        rows: 10,
        roles: &[
            "name",
            "-",
            "account_type",
            "street",
            "city",
            "postcode",
            "country",
            "phone",
            "website",
            "xref",
            "id",
        ],
        warnings: &[(
            Some(14),
            "3 row(s) after the last record are not data and were dropped: 'Grand Totals (10 records)'",
        )],
    });
}

#[test]
fn salesforce_data_loader_csv_with_bom() {
    check(&Expected {
        file: "salesforce_dataloader_accounts.csv",
        format: "csv",
        encoding: Some("UTF-8 BOM"),
        delimiter: Some(","),
        sheet: None,
        header_row: 1,
        rows: 8,
        roles: &[
            "id",
            "name",
            "account_type",
            "street",
            "city",
            "postcode",
            "country",
            "phone",
            "website",
            "xref",
            "tax_id",
            "-",
            "-",
        ],
        warnings: &[],
    });
}

#[test]
fn hubspot_xlsx_with_german_headers() {
    check(&Expected {
        file: "hubspot_companies_de.xlsx",
        format: "xlsx",
        encoding: None,
        delimiter: None,
        sheet: None,
        header_row: 1,
        rows: 7,
        roles: &[
            "id",
            "name",
            "website",
            "phone",
            "street",
            "city",
            "postcode",
            "region",
            "country",
            "account_type",
            "account_type",
            "-",
            "-",
        ],
        warnings: &[(Some(3), "id '18234567013' appears 2 times: rows 3, 8")],
    });
}

#[test]
fn dynamics_365_xlsx_with_hidden_columns() {
    check(&Expected {
        file: "dynamics365_accounts.xlsx",
        format: "xlsx",
        encoding: None,
        delimiter: None,
        sheet: None,
        header_row: 1,
        rows: 5,
        roles: &[
            "-",
            "-",
            "-",
            "name",
            "id",
            "phone",
            "street",
            "city",
            "postcode",
            "country",
            "account_type",
            "-",
            "email",
            "website",
        ],
        warnings: &[(Some(4), "2 record(s) have no id: rows 4, 6")],
    });
}

#[test]
fn zoho_csv_with_19_digit_ids() {
    check(&Expected {
        file: "zoho_accounts.csv",
        format: "csv",
        encoding: Some("UTF-8"),
        delimiter: Some(","),
        sheet: None,
        header_row: 1,
        rows: 6,
        roles: &[
            "id",
            "-",
            "name",
            "phone",
            "website",
            "account_type",
            "-",
            "street",
            "city",
            "region",
            "postcode",
            "country",
            "-",
            "xref",
        ],
        warnings: &[],
    });
}

#[test]
fn zoho_export_resaved_by_excel_warns_about_rounded_ids() {
    const ROUNDED: &str = "holds the number 4876876000000360000, longer than the 15 digits";
    check(&Expected {
        file: "zoho_accounts_resaved.xlsx",
        format: "xlsx",
        encoding: None,
        delimiter: None,
        sheet: None,
        header_row: 1,
        rows: 6,
        roles: &[
            "id",
            "-",
            "name",
            "phone",
            "website",
            "account_type",
            "-",
            "street",
            "city",
            "region",
            "postcode",
            "country",
            "-",
            "xref",
        ],
        warnings: &[
            (Some(2), ROUNDED),
            (Some(3), ROUNDED),
            (Some(4), ROUNDED),
            (Some(5), "cell A5 holds the number 4876876000000410000"),
            (Some(6), "cell A6"),
            (Some(7), "cell A7"),
            (
                Some(2),
                "id '4876876000000360000' appears 3 times: rows 2, 3, 4",
            ),
            (
                Some(5),
                "id '4876876000000410000' appears 3 times: rows 5, 6, 7",
            ),
        ],
    });
}

#[test]
fn sap_business_one_xlsx_with_two_header_rows() {
    check(&Expected {
        file: "sap_b1_business_partners.xlsx",
        format: "xlsx",
        encoding: None,
        delimiter: None,
        sheet: None,
        header_row: 1,
        rows: 7,
        roles: &[
            "-",
            "id",
            "name",
            "account_type",
            "tax_id",
            "phone",
            "email",
            "website",
            "street",
            "postcode",
            "city",
            "country",
        ],
        warnings: &[(Some(2), "a second header row (localised column labels)")],
    });
}

#[test]
fn sap_kna1_tab_text_with_zero_padded_customer_numbers() {
    check(&Expected {
        file: "sap_kna1_se16n.txt",
        format: "csv",
        encoding: Some("UTF-8"),
        delimiter: Some("\t"),
        sheet: None,
        header_row: 1,
        rows: 9,
        roles: &[
            "-",
            "id",
            "country",
            "name",
            "-",
            "city",
            "postcode",
            "region",
            "street",
            "phone",
            "tax_id",
            "account_type",
            "-",
        ],
        warnings: &[],
    });
}

#[test]
fn sage_50_windows_1252_semicolons_and_decimal_commas() {
    check(&Expected {
        file: "sage50_kunden.csv",
        format: "csv",
        encoding: Some("windows-1252"),
        delimiter: Some(";"),
        sheet: None,
        header_row: 1,
        rows: 7,
        roles: &[
            "id", "-", "name", "-", "street", "postcode", "city", "country", "phone", "email",
            "tax_id", "-", "-",
        ],
        warnings: &[],
    });
}

#[test]
fn comarch_optima_windows_1250_polish_headers() {
    check(&Expected {
        file: "comarch_optima_kontrahenci.csv",
        format: "csv",
        encoding: Some("windows-1250"),
        delimiter: Some(";"),
        sheet: None,
        header_row: 1,
        rows: 5,
        roles: &[
            "id",
            "name",
            "tax_id",
            "street",
            "house_number",
            "postcode",
            "city",
            "region",
            "country",
            "phone",
            "email",
        ],
        warnings: &[],
    });
}

#[test]
fn dynamics_gp_xls_with_space_padded_ids() {
    check(&Expected {
        file: "dynamics_gp_rm00101.xls",
        format: "xls",
        encoding: None,
        delimiter: None,
        sheet: None,
        header_row: 1,
        rows: 7,
        roles: &[
            "id", "name", "-", "street", "address2", "city", "region", "postcode", "country",
            "phone", "tax_id",
        ],
        warnings: &[
            (Some(4), "id 'ADVANCED0001' appears 2 times: rows 4, 8"),
            (
                Some(2),
                "7 id(s) have leading or trailing spaces (e.g. 'AARONFIT0001   ')",
            ),
        ],
    });
}

#[test]
fn quickbooks_xlsx_with_title_block_footer_and_second_sheet() {
    check(&Expected {
        file: "quickbooks_customer_contact_list.xlsx",
        format: "xlsx",
        encoding: None,
        delimiter: None,
        sheet: None,
        header_row: 4,
        rows: 9,
        roles: &["name", "phone", "email", "-", "street", "-"],
        warnings: &[
            (
                Some(1),
                "2 row(s) above the header (row 4) were skipped as a title block: \
                 'Craig's Design and Landscaping Services', 'Customer Contact List'",
            ),
            (Some(15), "'Friday, February 14, 2025 10:15 AM GMT-08:00'"),
        ],
    });
    let tips = inspect_json(&format!(
        "{}#QuickBooks Export Tips",
        fixture("quickbooks_customer_contact_list.xlsx").display()
    ));
    assert_eq!(tips["sheet"], "QuickBooks Export Tips");
    assert_eq!(
        tips["sheets"],
        serde_json::json!(["Customer Contact List", "QuickBooks Export Tips"])
    );
}

#[test]
fn xero_csv_with_starred_required_columns() {
    check(&Expected {
        file: "xero_contacts.csv",
        format: "csv",
        encoding: Some("UTF-8"),
        delimiter: Some(","),
        sheet: None,
        header_row: 1,
        rows: 7,
        roles: &[
            "name",
            "id",
            "email",
            "first_name",
            "last_name",
            "-",
            "street",
            "address2",
            "city",
            "region",
            "postcode",
            "country",
            "-",
            "-",
            "-",
            "-",
            "phone",
            "phone",
            "tax_id",
            "website",
            "name",
            "tax_id",
            "-",
            "-",
        ],
        warnings: &[(Some(3), "4 record(s) have no id: rows 3, 5, 6, 8")],
    });
}

#[test]
fn excel_unicode_text_is_utf16_with_tabs() {
    check(&Expected {
        file: "sage100_customers_unicode.txt",
        format: "csv",
        encoding: Some("UTF-16LE BOM"),
        delimiter: Some("\t"),
        sheet: None,
        header_row: 1,
        rows: 6,
        roles: &[
            "-", "id", "name", "street", "address2", "city", "region", "postcode", "country",
            "phone", "email", "-",
        ],
        warnings: &[],
    });
}

#[test]
fn odoo_ods_in_french() {
    check(&Expected {
        file: "odoo_contacts_fr.ods",
        format: "ods",
        encoding: None,
        delimiter: None,
        sheet: None,
        header_row: 1,
        rows: 6,
        roles: &[
            "id", "name", "street", "address2", "postcode", "city", "country", "phone", "email",
            "website", "tax_id", "-", "-",
        ],
        warnings: &[],
    });
}

#[test]
fn business_central_xlsm_in_spanish() {
    check(&Expected {
        file: "business_central_clientes.xlsm",
        format: "xlsm",
        encoding: None,
        delimiter: None,
        sheet: None,
        header_row: 1,
        rows: 5,
        roles: &[
            "id", "name", "street", "address2", "postcode", "city", "region", "country", "phone",
            "email", "tax_id", "-",
        ],
        warnings: &[],
    });
}

#[test]
fn exact_online_xlsb_in_dutch() {
    check(&Expected {
        file: "exact_online_relaties.xlsb",
        format: "xlsb",
        encoding: None,
        delimiter: None,
        sheet: None,
        header_row: 1,
        rows: 5,
        roles: &[
            "id",
            "name",
            "street",
            "postcode",
            "city",
            "country",
            "phone",
            "email",
            "tax_id",
            "tax_id",
            "account_type",
        ],
        warnings: &[(
            Some(2),
            "5 id(s) have leading or trailing spaces (e.g. '  1001')",
        )],
    });
}

#[test]
fn the_text_report_shows_everything_a_user_needs() {
    let file = fixture("sage100_customers_unicode.txt");
    let output = ledgerlink(&["inspect", file.to_str().unwrap()]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    for line in [
        "Format:      csv",
        "Encoding:    UTF-16LE BOM",
        "Delimiter:   tab",
        "Header row:  1",
        "Data rows:   6",
        "Columns (12):",
        "Warnings:    none",
    ] {
        assert!(text.contains(line), "missing '{line}' in:\n{text}");
    }
    // Each column with its role and a sample value; newlines inside a value stay on one line.
    assert!(text.contains("CustomerName   name          American Business Futures"));
    assert!(text.contains("株式会社ミナミ") || text.contains("Suite 500"));
    let sheet = ledgerlink(&[
        "inspect",
        fixture("dynamics365_accounts.xlsx").to_str().unwrap(),
    ]);
    let sheet_text = String::from_utf8(sheet.stdout).unwrap();
    assert!(sheet_text.contains("Sheet:       My Active Accounts"));
    assert!(sheet_text.contains("Sheets:      My Active Accounts, hiddenSheet"));
    assert!(sheet_text.contains("row 4, column 5: 2 record(s) have no id: rows 4, 6"));
}

/// Run inspect on a bad file: exit code 2 and a message naming the file and the problem.
fn refused(args: &[&str], words: &[&str]) {
    let output = ledgerlink(args);
    let message = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
    assert!(output.stdout.is_empty(), "{args:?} printed a report");
    for word in words {
        assert!(
            message.contains(word),
            "{args:?}: '{message}' lacks '{word}'"
        );
    }
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn bad_files_exit_2_with_a_message_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_string()
    };
    let missing = dir.path().join("kunden.csv");
    let missing = missing.to_str().unwrap();
    refused(&["inspect", missing], &[missing, "no such file"]);
    let empty = write("leer.csv", b"");
    refused(&["inspect", &empty], &[&empty, "empty"]);
    let png = write("logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    refused(&["inspect", &png], &[&png, "a PNG image"]);
    let pdf = write("rechnung.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n");
    refused(&["inspect", &pdf], &[&pdf, "a PDF document"]);
    let xlsx = std::fs::read(fixture("hubspot_companies_de.xlsx")).unwrap();
    let corrupt = write("kaputt.xlsx", &xlsx[..xlsx.len() / 2]);
    refused(&["inspect", &corrupt], &[&corrupt, "damaged"]);
    let protected = fixture("bad/protected.xlsx");
    let protected = protected.to_str().unwrap();
    refused(&["inspect", protected], &[protected, "password-protected"]);
}

#[test]
fn unknown_sheets_and_columns_are_named_with_what_exists() {
    let book = fixture("quickbooks_customer_contact_list.xlsx");
    let book = book.to_str().unwrap();
    refused(
        &["inspect", &format!("{book}#Kunden")],
        &[
            book,
            "no sheet named 'Kunden'",
            "'Customer Contact List', 'QuickBooks Export Tips'",
        ],
    );
    refused(
        &["inspect", book, "--map", "tax_id=VAT"],
        &[
            book,
            "sheet 'Customer Contact List'",
            "tax_id=VAT: no such column",
            "1 'Customer'",
        ],
    );
    refused(
        &["inspect", book, "--map", "id=7"],
        &["id=7: no such column"],
    );
    let csv = fixture("xero_contacts.csv");
    let csv = csv.to_str().unwrap();
    refused(
        &["inspect", &format!("{csv}#Sheet1")],
        &[csv, "has no sheets", "Sheet1"],
    );
}

#[test]
fn a_role_override_shows_in_the_report() {
    let file = fixture("odoo_contacts_fr.ods");
    let output = ledgerlink(&[
        "inspect",
        file.to_str().unwrap(),
        "--json",
        "--map",
        "id=Référence",
        "--map",
        "xref=1",
    ]);
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["columns"][0]["role"], "xref");
    assert_eq!(json["columns"][11]["role"], "id");
    // The ids of the overriding column are checked: three partners have no reference.
    assert_eq!(
        json["warnings"][0]["message"],
        "3 record(s) have no id: rows 3, 6, 7"
    );
}
