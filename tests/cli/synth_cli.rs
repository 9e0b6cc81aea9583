//! `ledgerlink synth` through the binary: files written, counts printed, bad input refused with
//! exit code 2.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn ledgerlink() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
}

#[test]
fn synth_writes_the_lists_and_the_truth_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lists");
    let output = ledgerlink()
        .args([
            "synth",
            "--firms",
            "120",
            "--seed",
            "3",
            "--erp-format",
            "csv",
            "--erp-ids",
            "bc",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with("120 firms -> "), "{stdout}");
    for name in [
        "crm_accounts.csv",
        "erp_customers.csv",
        "truth_links.csv",
        "truth_xref.csv",
    ] {
        assert!(out.join(name).exists(), "{name} not written");
    }
    let erp = std::fs::read_to_string(out.join("erp_customers.csv")).unwrap();
    let first_number = erp.lines().nth(1).unwrap().split(';').next().unwrap();
    assert!(
        first_number.starts_with('C'),
        "Business Central number expected: {first_number}"
    );
}

#[test]
fn synth_refuses_nonsense_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let zero = ledgerlink()
        .args(["synth", "--firms", "0", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(zero.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&zero.stderr).contains("--firms"));
    let format = ledgerlink()
        .args(["synth", "--erp-format", "pdf", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(format.status.code(), Some(2));
    let too_many = ledgerlink()
        .args(["synth", "--firms", "2000000", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(too_many.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&too_many.stderr).contains("--erp-format csv"));
}

#[test]
fn synth_reports_a_file_it_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("a_file");
    std::fs::write(&blocker, "not a directory").unwrap();
    let output = ledgerlink()
        .args(["synth", "--firms", "10", "--out"])
        .arg(&blocker)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("a_file"));
}
