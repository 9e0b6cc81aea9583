//! The project commands through the binary: `status`, `decide`, `undo`, `redo` (DESIGN.md
//! section 4), with their exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod project_support;

use std::path::Path;
use std::process::{Command, Output};

use project_support::new_project;

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
    let (file, project) = new_project(dir.path(), "both");
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
    ledgerlink(&["undo", path]);
    assert_eq!(status_json(&file)["actions"]["create_in_crm"], 0);
    assert_eq!(status_json(&file)["can_redo"], true);
    let output = ledgerlink(&["redo", path]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(status_json(&file)["actions"]["create_in_crm"], 1);

    let output = ledgerlink(&["status", path]);
    assert!(
        text(&output.stdout).contains("1 accepted or linked"),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn refused_and_malformed_decisions_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let (file, project) = new_project(dir.path(), "erp_to_crm");
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
    assert!(text(&output.stderr).contains("no decision to undo"));
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
