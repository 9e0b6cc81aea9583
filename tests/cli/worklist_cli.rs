//! The worklist through the command line, as a workshop uses it: a firm with two CRM accounts
//! and one ERP customer. Once the first account is linked, the second must never be offered for
//! creation in the ERP; marked a duplicate it goes into `merge_in_crm.csv`; undone, it waits
//! again. Leads need no ERP account, and a firm only one system knows is still created.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

const CRM: &str = "\
Id,Account Name,Type,BillingStreet,BillingPostalCode,BillingCity,Phone,Website
0015A00001,Hoffmann Logistik GmbH,Customer,Hafenstraße 12,20457,Hamburg,+49 40 1234567,hoffmann-logistik.de
0015A00002,Hoffmann Logistik,Customer,Hafenstr. 12,20457,Hamburg,040 1234567,
0015A00003,Bäckerei Schulz KG,Customer,Marktplatz 3,50667,Köln,+49 221 998877,baeckerei-schulz.de
0015A00004,Nordwind Energie AG,Customer,Windweg 5,24103,Kiel,+49 431 555000,nordwind-energie.de
0015A00005,Alpen Textil GmbH,Customer,Bergstraße 7,80331,München,+49 89 4433221,alpentextil.de
0015A00006,Rheinland Druck GmbH,Customer,Druckerweg 1,40213,Düsseldorf,+49 211 7654321,rheinland-druck.de
0015A00007,Weser Maschinenbau GmbH,Customer,Industriestr. 40,28195,Bremen,+49 421 303030,weser-mb.de
0015A00008,Elbe Software GmbH,Lead,Elbchaussee 99,22763,Hamburg,+49 40 8887776,elbe-software.de
0015A00009,Lindner Feinkost OHG,Customer,Gartenweg 2,01067,Dresden,+49 351 121212,lindner-feinkost.de
";

const ERP: &str = "\
Kundennummer;Name 1;Straße;PLZ;Ort;Telefon
0000010045;HOFFMANN LOGISTIK GMBH;Hafenstrasse 12;20457;Hamburg;040/1234567
0000010046;Baeckerei Schulz KG;Marktplatz 3;50667;Koeln;0221 998877
0000010047;Nordwind Energie AG;Windweg 5;24103;Kiel;0431 555000
0000010048;Alpen Textil GmbH;Bergstr. 7;80331;Muenchen;089 4433221
0000010049;Rheinland Druck GmbH;Druckerweg 1;40213;Duesseldorf;0211 7654321
0000010050;Weser Maschinenbau GmbH;Industriestrasse 40;28195;Bremen;0421 303030
0000010051;Saale Brauerei GmbH;Brauhausgasse 4;06108;Halle;0345 777888
";

fn ledgerlink(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
        .args(args)
        .output()
        .expect("ledgerlink runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{args:?} failed: {stderr}");
    format!("{stdout}{stderr}")
}

/// The rows of an exported CSV as (header → value) maps.
fn rows(dir: &Path, file: &str) -> Vec<Vec<(String, String)>> {
    let mut reader = csv::Reader::from_path(dir.join(file)).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            header
                .iter()
                .cloned()
                .zip(record.iter().map(String::from))
                .collect()
        })
        .collect()
}

fn column(rows: &[Vec<(String, String)>], name: &str) -> Vec<String> {
    rows.iter()
        .filter_map(|row| row.iter().find(|(h, _)| h == name).map(|(_, v)| v.clone()))
        .collect()
}

fn export(project: &Path, out: &Path) -> String {
    ledgerlink(&[
        "export",
        &project.display().to_string(),
        "--out",
        &out.display().to_string(),
    ])
}

fn setup(dir: &Path) -> PathBuf {
    std::fs::write(dir.join("crm.csv"), CRM).unwrap();
    std::fs::write(dir.join("erp.csv"), ERP).unwrap();
    let project = dir.join("w.ledgerlink");
    let p = |path: &Path| path.display().to_string();
    ledgerlink(&[
        "new",
        &p(&project),
        "--crm",
        &p(&dir.join("crm.csv")),
        "--erp",
        &p(&dir.join("erp.csv")),
    ]);
    project
}

#[test]
fn a_second_account_of_a_linked_firm_is_never_created_and_follows_its_master() {
    let dir = tempfile::tempdir().unwrap();
    let project = setup(dir.path());
    let p = project.display().to_string();
    ledgerlink(&["decide", &p, "--accept-band", "auto", "--by", "anna"]);
    ledgerlink(&[
        "decide",
        &p,
        "--link",
        "0015A00001",
        "0000010045",
        "--by",
        "anna",
    ])
    .contains("recorded");
    // Accept whatever else is still open between the firms both systems know, as a workshop
    // would, except anything involving the second Hoffmann account.
    let out = dir.path().join("out");
    let said = export(&project, &out);
    let erp_creations = rows(&out, "create_in_erp.csv");
    let ids: Vec<String> = erp_creations
        .iter()
        .flat_map(|row| row.iter().map(|(_, v)| v.clone()))
        .collect();
    assert!(
        !ids.iter().any(|v| v == "0015A00002"),
        "the second Hoffmann account must not be created in the ERP: {erp_creations:?}\n{said}"
    );
    assert!(
        ids.iter().any(|v| v == "0015A00009"),
        "Lindner, a customer only the CRM knows, is created: {erp_creations:?}"
    );
    assert!(
        !ids.iter().any(|v| v == "0015A00008"),
        "a lead needs no ERP account: {erp_creations:?}"
    );
    let crm_creations = rows(&out, "create_in_crm.csv");
    let crm_ids: Vec<String> = crm_creations
        .iter()
        .flat_map(|row| row.iter().map(|(_, v)| v.clone()))
        .collect();
    assert!(
        crm_ids.iter().any(|v| v == "0000010051"),
        "{crm_creations:?}"
    );
    assert!(
        !crm_ids.iter().any(|v| v == "0000010045"),
        "a linked ERP customer is not created in the CRM"
    );
    let status = ledgerlink(&["status", &p, "--json"]);
    let json: serde_json::Value = serde_json::from_str(status.trim()).unwrap();
    assert!(
        json["held"]["second_account"].as_u64().unwrap()
            + json["held"]["duplicate_cluster"].as_u64().unwrap()
            + json["held"]["open_pair"].as_u64().unwrap()
            >= 1,
        "{json}"
    );

    // Marked a duplicate of the linked account: it is merged, with the master's ERP number.
    ledgerlink(&[
        "decide",
        &p,
        "--duplicate",
        "crm:0015A00001",
        "crm:0015A00002",
        "--by",
        "bert",
    ]);
    export(&project, &out);
    let merges = rows(&out, "merge_in_crm.csv");
    assert_eq!(merges.len(), 1, "{merges:?}");
    assert_eq!(column(&merges, "master_id"), ["0015A00001"]);
    assert_eq!(column(&merges, "duplicate_id"), ["0015A00002"]);
    let partner: Vec<String> = merges[0].iter().map(|(_, v)| v.clone()).collect();
    assert_eq!(partner.last().map(String::as_str), Some("0000010045"));
    let after_mark = rows(&out, "create_in_erp.csv");
    assert!(
        !after_mark.iter().flatten().any(|(_, v)| v == "0015A00002"),
        "a marked duplicate is never created"
    );
    let clusters = rows(&out, "duplicates.csv");
    assert!(
        column(&clusters, "member_id").contains(&"0015A00002".to_string()),
        "{clusters:?}"
    );

    // Undone, the mark is gone from the merge file and the record waits again.
    ledgerlink(&["undo", &p, "--by", "bert"]);
    export(&project, &out);
    assert!(rows(&out, "merge_in_crm.csv").is_empty());
    let after_undo = rows(&out, "create_in_erp.csv");
    assert!(!after_undo.iter().flatten().any(|(_, v)| v == "0015A00002"));
}

#[test]
fn export_warns_about_what_is_still_open_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let project = setup(dir.path());
    let output = Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
        .args(["export", &project.display().to_string(), "--out"])
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("still open") && stderr.contains("in no creation file"),
        "{stderr}"
    );
}

#[test]
fn accepting_the_auto_band_is_one_batch_that_one_undo_takes_back() {
    let dir = tempfile::tempdir().unwrap();
    let project = setup(dir.path());
    let p = project.display().to_string();
    let said = ledgerlink(&["decide", &p, "--accept-band", "auto", "--by", "anna"]);
    let accepted: usize = said
        .split_whitespace()
        .find_map(|word| word.parse().ok())
        .unwrap();
    assert!(accepted >= 3, "{said}");
    let status: serde_json::Value =
        serde_json::from_str(ledgerlink(&["status", &p, "--json"]).trim()).unwrap();
    assert_eq!(status["accepted"].as_u64(), Some(accepted as u64));
    ledgerlink(&["undo", &p, "--by", "anna"]);
    let status: serde_json::Value =
        serde_json::from_str(ledgerlink(&["status", &p, "--json"]).trim()).unwrap();
    assert_eq!(status["accepted"].as_u64(), Some(0), "{status}");
}

/// Run a command that must be refused: its stderr.
fn refused(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
        .args(args)
        .output()
        .expect("ledgerlink runs");
    assert_eq!(output.status.code(), Some(2), "{args:?} was not refused");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn accepted(project: &str) -> u64 {
    let status: serde_json::Value =
        serde_json::from_str(ledgerlink(&["status", project, "--json"]).trim()).unwrap();
    status["accepted"].as_u64().unwrap()
}

#[test]
fn undo_takes_back_only_that_reviewers_latest_batch_and_keeps_the_others_redo_branch() {
    let dir = tempfile::tempdir().unwrap();
    let project = setup(dir.path());
    let p = project.display().to_string();
    ledgerlink(&["decide", &p, "--accept-band", "auto", "--by", "anna"]);
    assert!(accepted(&p) >= 3);
    ledgerlink(&["decide", &p, "--create", "crm:0015A00009", "--by", "bert"]);
    // Anna's undo takes back her batch, not bert's later decision.
    let said = ledgerlink(&["undo", &p, "--by", "anna"]);
    assert!(said.contains("undone: batch 1,"), "{said}");
    assert_eq!(accepted(&p), 0);
    let said = ledgerlink(&["undo", &p, "--by", "bert"]);
    assert!(
        said.contains("create_in_erp crm:0015A00009 by bert"),
        "{said}"
    );
    // Anna's next decision ends her redo branch, not bert's.
    ledgerlink(&["decide", &p, "--ignore", "crm:0015A00008", "--by", "anna"]);
    let said = ledgerlink(&["redo", &p, "--by", "bert"]);
    assert!(said.contains("redone: #"), "{said}");
    let message = refused(&["redo", &p, "--by", "anna"]);
    assert!(message.contains("no undone decision by anna"), "{message}");
    let out = dir.path().join("out");
    export(&project, &out);
    let audit = rows(&out, "audit.csv");
    let header: Vec<&str> = audit[0].iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(header.last(), Some(&"batch"));
    let batches: Vec<String> = column(&audit, "batch");
    assert_eq!(batches.first().map(String::as_str), Some("1"));
}

#[test]
fn undo_is_refused_when_another_reviewer_decided_the_same_pair_later() {
    let dir = tempfile::tempdir().unwrap();
    let project = setup(dir.path());
    let p = project.display().to_string();
    ledgerlink(&["decide", &p, "--accept-band", "auto", "--by", "anna"]);
    let before = accepted(&p);
    let out = dir.path().join("out");
    export(&project, &out);
    let links = rows(&out, "links.csv");
    let (crm, erp) = (&column(&links, "crm_id")[0], &column(&links, "erp_id")[0]);
    ledgerlink(&["decide", &p, "--reject", crm, erp, "--by", "bert"]);
    let message = refused(&["undo", &p, "--by", "anna"]);
    assert!(
        message.contains("bert decided it later") && message.contains(crm.as_str()),
        "{message}"
    );
    assert_eq!(
        accepted(&p),
        before - 1,
        "nothing of anna's batch was undone"
    );
    ledgerlink(&["undo", &p, "--by", "bert"]);
    ledgerlink(&["undo", &p, "--by", "anna"]);
    assert_eq!(accepted(&p), 0);
}
