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

#[test]
fn match_and_dedupe_output_neutralise_formulas_only() {
    let dir = tempfile::tempdir().unwrap();
    let crm = dir.path().join("crm.csv");
    let erp = dir.path().join("erp.csv");
    let (crm_text, erp_text) = formula_lists();
    std::fs::write(&crm, crm_text).unwrap();
    std::fs::write(&erp, erp_text).unwrap();
    let pairs = dir.path().join("pairs.csv");
    let xref = dir.path().join("xref.csv");
    let clusters = dir.path().join("clusters.csv");
    let path = |p: &Path| p.to_str().unwrap().to_string();
    let output = ledgerlink(
        &[
            "match",
            "--crm",
            &path(&crm),
            "--erp",
            &path(&erp),
            "--crm-map",
            "xref=ERP",
            "--out",
            &path(&pairs),
            "--check-xref",
            &path(&xref),
        ],
        Stdio::piped(),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let pairs = std::fs::read_to_string(&pairs).unwrap();
    assert!(
        pairs.contains("\"'=HYPERLINK(\"\"x\"\")\",-0000100001,"),
        "{pairs}"
    );
    assert!(pairs.contains("\n-0000100002,+49 (711) 123-4,"), "{pairs}");
    let xref = std::fs::read_to_string(&xref).unwrap();
    assert!(xref.contains("'=1+1"), "{xref}");
    assert!(xref.contains(",-0000100001,"), "{xref}");
    // Two duplicates of the demo CRM list get ids that look like a number and a formula.
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/crm_accounts.csv");
    let demo = std::fs::read_to_string(demo)
        .unwrap()
        .replace("0015g000005ZPl0AAG", "-0000100002")
        .replace("0015g000005ZPc1AAG", "@SUM(A1)");
    let input = dir.path().join("demo.csv");
    std::fs::write(&input, demo).unwrap();
    let output = ledgerlink(
        &[
            "dedupe",
            "--input",
            &path(&input),
            "--out",
            &path(&clusters),
        ],
        Stdio::piped(),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let clusters = std::fs::read_to_string(&clusters).unwrap();
    assert!(clusters.contains("\n1,-0000100002,"), "{clusters}");
    assert!(clusters.contains("\n1,'@SUM(A1),"), "{clusters}");
}

/// Forty firms in both lists, the ids of some looking like formulas, numbers or phones; CRM
/// 100003 duplicates 100002.
fn formula_lists() -> (String, String) {
    const FIRST: [&str; 8] = [
        "Keller", "Brandt", "Vogel", "Sommer", "Krause", "Lehmann", "Wolff", "Haas",
    ];
    const SECOND: [&str; 5] = [
        "Maschinenbau",
        "Logistik",
        "Holzbau",
        "Elektro",
        "Druckerei",
    ];
    const CITIES: [&str; 5] = ["Stuttgart", "Hamburg", "Bonn", "Kiel", "Ulm"];
    let mut crm = String::from("Id,Name,City,ERP\n");
    let mut erp = String::from("KUNNR,NAME1,ORT01\n");
    for i in 0..40 {
        let name = format!("{} {} GmbH", FIRST[i % 8], SECOND[i / 8]);
        let city = CITIES[(i * 3) % 5];
        let (crm_id, erp_id, xref) = match i {
            0 => (
                "=HYPERLINK(\"\"x\"\")".to_string(),
                "-0000100001".to_string(),
                "-0000100001",
            ),
            1 => ("-0000100002".to_string(), "+49 (711) 123-4".to_string(), ""),
            2 => (format!("C{i}"), format!("{}", 5000 + i), "=1+1"),
            _ => (format!("C{i}"), format!("{}", 5000 + i), ""),
        };
        let crm_id = if crm_id.contains('"') {
            format!("\"{crm_id}\"")
        } else {
            crm_id
        };
        crm.push_str(&format!("{crm_id},{name},{city},{xref}\n"));
        erp.push_str(&format!("{erp_id},{name},{city}\n"));
    }
    crm.push_str(&format!(
        "-0000100003,{} {} GmbH,{},\n",
        FIRST[1], SECOND[0], CITIES[3]
    ));
    (crm, erp)
}
