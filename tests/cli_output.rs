//! Output to a closed pipe or a full disk never panics (issue 12): `status --json | head -1`
//! ends quietly with exit 0, and a decision that was committed is reported as a success even
//! when its confirmation cannot be printed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn ledgerlink(args: &[&str], stdout: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
        .args(args)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A project of two tiny lists, C1 and 1001 being the same firm.
fn project(dir: &Path) -> String {
    let crm = dir.join("crm.csv");
    let erp = dir.join("erp.csv");
    std::fs::write(
        &crm,
        "Id,Name,City\nC1,Acme Maschinenbau GmbH,Stuttgart\nC2,Bolt Logistik AG,Hamburg\n",
    )
    .unwrap();
    std::fs::write(
        &erp,
        "KUNNR,NAME1,ORT01\n1001,Acme Maschinenbau GmbH,Stuttgart\n1002,Cargo KG,Bonn\n",
    )
    .unwrap();
    let file = dir.join("p.ledgerlink").to_str().unwrap().to_string();
    let output = ledgerlink(
        &[
            "new",
            &file,
            "--crm",
            crm.to_str().unwrap(),
            "--erp",
            erp.to_str().unwrap(),
        ],
        Stdio::piped(),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    file
}

/// A pipe whose reading end is already closed, as after `| head -1` has read its line.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Stdio::from(writer)
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    for args in [
        vec!["status", file.as_str(), "--json"],
        vec!["status", file.as_str()],
    ] {
        let output = ledgerlink(&args, closed_pipe());
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&output.stderr)
        );
        assert_eq!(text(&output.stderr), "", "{args:?}");
    }
    let crm = dir.path().join("crm.csv");
    let erp = dir.path().join("erp.csv");
    let args = [
        "match",
        "--crm",
        crm.to_str().unwrap(),
        "--erp",
        erp.to_str().unwrap(),
    ];
    let output = ledgerlink(&args, closed_pipe());
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(!text(&output.stderr).contains("panicked"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_stdout_after_a_committed_decision_is_still_a_success() {
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = ledgerlink(
        &["decide", &file, "--accept", "C1", "1001"],
        Stdio::from(full),
    );
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("could not be printed"), "{stderr}");
    let output = ledgerlink(&["status", &file, "--json"], Stdio::piped());
    let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(status["accepted"], 1, "{status}");
    // A read-only command on a full stdout fails, without a panic.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = ledgerlink(&["status", &file, "--json"], Stdio::from(full));
    assert_eq!(output.status.code(), Some(1));
    assert!(!text(&output.stderr).contains("panicked"));
}
