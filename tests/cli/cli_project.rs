//! The project commands through the binary: `status`, `decide`, `undo`, `redo` (DESIGN.md
//! section 4), with their exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::project_support;

use std::path::Path;
use std::process::{Command, Output};

use project_support::new_project_file;

fn ledgerlink(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
        .args(args)
        .env("USER", "workshop-user")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn status_json(file: &Path) -> serde_json::Value {
    let output = ledgerlink(&["status", file.to_str().unwrap(), "--json"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn decide_status_undo_redo_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let (file, project) = new_project_file(dir.path(), "both");
    drop(project);
    let path = file.to_str().unwrap();

    let output = ledgerlink(&[
        "decide",
        path,
        "--accept",
        "C1",
        "1001",
        "--note",
        "VAT agrees",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("accept crm:C1 erp:1001 by workshop-user"));

    let output = ledgerlink(&["decide", path, "--accept", "C2", "1001", "--by", "bert"]);
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr);
    assert!(
        message.contains("ERP 1001 is already linked to CRM C1"),
        "{message}"
    );
    assert!(message.contains("workshop-user"), "{message}");

    let output = ledgerlink(&["decide", path, "--create", "erp:1003", "--by", "bert"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let output = ledgerlink(&["decide", path, "--duplicate", "crm:C1", "crm:C2"]);
    assert!(output.status.success(), "{}", text(&output.stderr));

    let status = status_json(&file);
    for field in [
        "crm_records",
        "erp_records",
        "suggested",
        "accepted",
        "rejected",
        "open",
        "actions",
        "stale",
        "can_undo",
        "can_redo",
    ] {
        assert!(
            status.get(field).is_some(),
            "status --json lacks {field}: {status}"
        );
    }
    assert_eq!(status["crm_records"], 5);
    assert_eq!(status["accepted"], 1);
    assert_eq!(status["open"], 2);
    assert_eq!(status["actions"]["create_in_crm"], 1);
    assert_eq!(status["actions"]["create_in_erp"], 0);
    assert_eq!(status["can_undo"], true);
    assert_eq!(status["can_redo"], false);

    let output = ledgerlink(&["undo", path]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("duplicate crm:C1 crm:C2"));
    // Undo is per reviewer: bert's own latest decision.
    ledgerlink(&["undo", path, "--by", "bert"]);
    assert_eq!(status_json(&file)["actions"]["create_in_crm"], 0);
    assert_eq!(
        status_json(&file)["accepted"],
        1,
        "the login's accept stays"
    );
    assert_eq!(status_json(&file)["can_redo"], true);
    let output = ledgerlink(&["redo", path, "--by", "bert"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(status_json(&file)["actions"]["create_in_crm"], 1);

    let output = ledgerlink(&["status", path]);
    assert!(
        text(&output.stdout).contains("1 accepted or linked"),
        "{}",
        text(&output.stdout)
    );

    // Unsure flags a pair for discussion: it stays open and status counts it.
    let output = ledgerlink(&["decide", path, "--unsure", "C3", "1002", "--by", "bert"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let status = status_json(&file);
    assert_eq!(
        (status["open"].clone(), status["unsure"].clone()),
        (2.into(), 1.into())
    );
    let output = ledgerlink(&["status", path]);
    assert!(
        text(&output.stdout).contains("2 open (1 marked unsure)"),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn refused_and_malformed_decisions_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let (file, project) = new_project_file(dir.path(), "erp_to_crm");
    drop(project);
    let path = file.to_str().unwrap();
    let output = ledgerlink(&["decide", path, "--create", "crm:C1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("creation policy"),
        "{}",
        text(&output.stderr)
    );
    let output = ledgerlink(&["decide", path, "--ignore", "C1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("crm:ID"),
        "{}",
        text(&output.stderr)
    );
    let output = ledgerlink(&["decide", path, "--accept", "C9", "1001"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("CRM C9"),
        "{}",
        text(&output.stderr)
    );
    let output = ledgerlink(&["undo", path]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("no decision by workshop-user to undo"));
    let output = ledgerlink(&["decide", path]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "no decision flag is a usage error"
    );
}

#[test]
fn a_file_that_is_not_a_project_exits_2_and_stays_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("accounts.csv");
    std::fs::write(&file, "id,name\n1,Acme\n").unwrap();
    for args in [
        vec!["status", file.to_str().unwrap()],
        vec!["decide", file.to_str().unwrap(), "--ignore", "crm:1"],
        vec!["undo", file.to_str().unwrap()],
    ] {
        let output = ledgerlink(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(text(&output.stderr).contains("not a Ledgerlink project"));
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "id,name\n1,Acme\n");
}

const CRM_HEADER: &str =
    "Account ID;Account Name;Street;Postal Code;City;Country;Phone;Account Type";
const ERP_HEADER: &str = "Kundennummer;Name;Strasse;PLZ;Ort;Land;Telefon";

/// Firm `i` of a small made-up market: (name, street, postcode, city, phone digits).
fn firm(i: usize) -> (String, String, &'static str, &'static str, String) {
    const OWNERS: [&str; 20] = [
        "Müller",
        "Schmidt",
        "Weber",
        "Fischer",
        "Neumann",
        "Krause",
        "Becker",
        "Hoffmann",
        "Schulz",
        "Koch",
        "Richter",
        "Klein",
        "Wolf",
        "Schröder",
        "Zimmermann",
        "Braun",
        "Hartmann",
        "Lange",
        "Werner",
        "Krüger",
    ];
    const TRADES: [&str; 8] = [
        "Maschinenbau",
        "Logistik",
        "Bau",
        "Consulting",
        "Elektro",
        "Druckerei",
        "Metallbau",
        "Software",
    ];
    const STREETS: [&str; 8] = [
        "Hauptstraße",
        "Bahnhofstraße",
        "Ringstraße",
        "Industrieweg",
        "Lindenallee",
        "Mühlweg",
        "Gartenstraße",
        "Schulstraße",
    ];
    const PLACES: [(&str, &str); 6] = [
        ("10115", "Berlin"),
        ("50667", "Köln"),
        ("80331", "München"),
        ("20095", "Hamburg"),
        ("01067", "Dresden"),
        ("04109", "Leipzig"),
    ];
    let (postcode, city) = PLACES[i % 6];
    (
        format!("{} {} GmbH", OWNERS[i % 20], TRADES[(i * 3) % 8]),
        format!("{} {}", STREETS[i % 8], i + 1),
        postcode,
        city,
        format!("{} {}", 30 + i, 1_000_000 + i * 7919),
    )
}

/// The CRM export: accounts A-1 .. A-34 (firms 0 to 33).
fn crm_csv() -> String {
    let mut lines = vec![CRM_HEADER.to_string()];
    for i in 0..34 {
        let (name, street, postcode, city, phone) = firm(i);
        let account_type = ["Customer", "Prospect", "Lead"][i % 3];
        lines.push(format!(
            "A-{};{name};{street};{postcode};{city};Germany;+49 {phone};{account_type}",
            i + 1
        ));
    }
    lines.join("\n") + "\n"
}

/// An ERP customer row for firm `i`, written the ERP's way.
fn erp_row(number: usize, i: usize, street_override: Option<&str>) -> String {
    let (name, street, postcode, city, phone) = firm(i);
    let name = name.replace('ü', "ue").replace('ö', "oe");
    let street = street_override.map_or_else(|| street.replace("straße", "str."), str::to_string);
    format!("{number};{name};{street};{postcode};{city};DE;0{phone}")
}

/// The ERP export: customers 10007 .. 10040 (firms 6 to 39); 28 firms are in both lists.
fn erp_csv() -> String {
    let mut lines = vec![ERP_HEADER.to_string()];
    lines.extend((6..40).map(|i| erp_row(10_001 + i, i, None)));
    lines.join("\n") + "\n"
}

/// Next month: 10007 moved house, 10040 is gone, 10041 (firm 2, CRM account A-3) is new.
fn erp_june_csv() -> String {
    let mut lines = vec![ERP_HEADER.to_string()];
    lines.push(erp_row(10_007, 6, Some("Neue Mitte 99")));
    lines.extend((7..39).map(|i| erp_row(10_001 + i, i, None)));
    lines.push(erp_row(10_041, 2, None));
    lines.join("\n") + "\n"
}

#[test]
fn new_imports_matches_and_reimport_reports_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let (crm, erp, erp_june) = (
        write("crm.csv", &crm_csv()),
        write("erp.csv", &erp_csv()),
        write("erp-june.csv", &erp_june_csv()),
    );
    let file = dir.path().join("workshop.ledgerlink");
    let path = file.to_str().unwrap();

    let output = ledgerlink(&[
        "new",
        path,
        "--crm",
        &crm,
        "--erp",
        &erp,
        "--policy",
        "crm_to_erp",
        "--by",
        "anna",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let status = status_json(&file);
    assert_eq!(
        (
            status["crm_records"].as_u64(),
            status["erp_records"].as_u64()
        ),
        (Some(34), Some(34))
    );
    assert!(status["suggested"].as_u64().unwrap() >= 20, "{status}");
    assert_eq!(status["policy"], "crm_to_erp,numbers=erp");
    // The project holds everything: it opens without the source files.
    std::fs::remove_file(&crm).unwrap();
    let project = ledgerlink::core::project::Project::open(&file).unwrap();
    assert!(project.suggestions().find("A-7", "10007").is_some());
    assert_eq!(
        project.list(ledgerlink::core::model::Side::Crm).imported_by,
        "anna"
    );
    drop(project);

    let output = ledgerlink(&["decide", path, "--accept", "A-7", "10007"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let output = ledgerlink(&["decide", path, "--create", "erp:10040"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "crm_to_erp forbids creating CRM accounts"
    );
    ledgerlink(&["decide", path, "--ignore", "erp:10040"]);

    let output = ledgerlink(&["reimport", path, "--erp", &erp_june, "--by", "bert"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let report = text(&output.stdout);
    assert!(report.contains("changed      1 10007"), "{report}");
    assert!(report.contains("new          1 10041"), "{report}");
    assert!(report.contains("disappeared  1 10040"), "{report}");
    let status = status_json(&file);
    assert_eq!(status["stale"], 1, "{status}");
    assert_eq!(status["missing"], 1, "{status}");
    assert_eq!(status["accepted"], 1);
    let project = ledgerlink::core::project::Project::open(&file).unwrap();
    assert!(
        project.suggestions().find("A-3", "10041").is_some(),
        "the new ERP record gets a suggestion"
    );
}

#[test]
fn new_refuses_bad_input_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let crm = dir.path().join("crm.csv");
    std::fs::write(&crm, crm_csv()).unwrap();
    let crm = crm.to_str().unwrap();
    let file = dir.path().join("w.ledgerlink");
    let path = file.to_str().unwrap();
    let output = ledgerlink(&["new", path, "--crm", crm, "--erp", "missing.csv"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("missing.csv"),
        "{}",
        text(&output.stderr)
    );
    assert!(!file.exists(), "no project is left behind");
    let output = ledgerlink(&[
        "new", path, "--crm", crm, "--erp", crm, "--policy", "sideways",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("sideways"));
    let output = ledgerlink(&["new", path, "--crm", crm, "--erp", crm, "--crm-map", "vat"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("--crm-map vat"),
        "{}",
        text(&output.stderr)
    );
    std::fs::write(&file, "keep me").unwrap();
    let output = ledgerlink(&["new", path, "--crm", crm, "--erp", crm]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
}
