//! `ledgerlink export` and `ledgerlink apply-review` through the binary: the files, the
//! delimiter flag, exit codes for a bad `--out` and for refused review rows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::export_support;

use std::path::Path;
use std::process::{Command, Output};

use calamine::Data;
use rust_xlsxwriter::Workbook;

use export_support::{read_csv, read_sheet, text, workshop};

fn ledgerlink(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
        .args(args)
        .env("USER", "login-user")
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn project(dir: &Path) -> String {
    let (file, project) = workshop(dir, "both");
    drop(project);
    file.to_str().unwrap().to_string()
}

#[test]
fn export_writes_every_file_and_reports_counts() {
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let out = dir.path().join("export");
    let output = ledgerlink(&[
        "export",
        &file,
        "--out",
        out.to_str().unwrap(),
        "--csv-delimiter",
        ";",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("links.csv"), "{stdout}");
    for name in [
        "links.csv",
        "crm_updates.csv",
        "erp_updates.csv",
        "create_in_erp.csv",
        "create_in_crm.csv",
        "duplicates.csv",
        "conflicts.csv",
        "audit.csv",
        "review.xlsx",
        "reconciliation.xlsx",
    ] {
        assert!(out.join(name).is_file(), "{name} missing");
    }
    let links = std::fs::read_to_string(out.join("links.csv")).unwrap();
    assert!(links.starts_with("\u{feff}crm_id;erp_id;"), "{links}");
}

#[test]
fn a_bad_out_is_bad_input_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let missing = dir.path().join("no/such/dir");
    let output = ledgerlink(&["export", &file, "--out", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no/such/dir"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("does not exist"),
        "{}",
        stderr(&output)
    );

    let plain_file = dir.path().join("a-file");
    std::fs::write(&plain_file, "x").unwrap();
    let output = ledgerlink(&["export", &file, "--out", plain_file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not a directory"),
        "{}",
        stderr(&output)
    );

    let output = ledgerlink(&["export", &file, "--out", "x", "--csv-delimiter", "ab"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("'ab'"), "{}", stderr(&output));
}

#[test]
fn a_target_that_cannot_be_replaced_is_named_and_keeps_the_other_files_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let out = dir.path().join("export");
    std::fs::create_dir(&out).unwrap();
    // Something in the way of conflicts.csv, as a file locked by another program would be.
    std::fs::create_dir(out.join("conflicts.csv")).unwrap();
    std::fs::write(out.join("conflicts.csv/keep"), "x").unwrap();
    let output = ledgerlink(&["export", &file, "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("conflicts.csv"),
        "{}",
        stderr(&output)
    );
    // Files before it are complete, none is half-written, no temporary is left.
    let (_, rows) = read_csv(&out.join("links.csv"));
    assert_eq!(rows.len(), 2);
    let leftovers: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_is_refused_before_anything_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let out = dir.path().join("locked");
    std::fs::create_dir(&out).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
    // As root, permissions stop nothing: a folder of /proc takes no new file from anyone.
    let as_root = std::fs::write(out.join("probe"), "x").is_ok();
    let target = if as_root {
        std::path::PathBuf::from("/proc/self")
    } else {
        out.clone()
    };
    let output = ledgerlink(&["export", &file, "--out", target.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let named = target.display().to_string();
    assert!(stderr(&output).contains(&named), "{}", stderr(&output));
    if !as_root {
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);
    }
}

/// review.xlsx with the Decision cell of every row set to `answers[i]`.
fn fill_in_order(from: &Path, to: &Path, answers: &[&str]) {
    let cells = read_sheet(from, "Review");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Review").unwrap();
    for (row, cells) in cells.iter().enumerate() {
        for (column, cell) in cells.iter().enumerate() {
            if let Data::String(value) = cell {
                sheet
                    .write_string(row as u32, column as u16, value)
                    .unwrap();
            }
        }
        if row > 0 {
            sheet.write_string(row as u32, 0, answers[row - 1]).unwrap();
        }
    }
    workbook.save(to).unwrap();
}

#[test]
fn apply_review_applies_the_rest_and_exits_2_for_refused_rows() {
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let out = dir.path().join("export");
    let output = ledgerlink(&["export", &file, "--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let filled = dir.path().join("back.xlsx");
    // Rows: 001D-00456, 001G-00800, 001G-00456 (alternative).
    fill_in_order(
        &out.join("review.xlsx"),
        &filled,
        &["accept", "accept", "accept"],
    );
    let output = ledgerlink(&["apply-review", &file, filled.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains("back.xlsx, sheet Review, row 4"),
        "{message}"
    );
    assert!(
        message.contains("the other decisions were applied"),
        "{message}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("applied 2 decisions by login-user"),
        "{stdout}"
    );

    // The project now has four links, two of them by the login name.
    let out2 = dir.path().join("export2");
    let output = ledgerlink(&["export", &file, "--out", out2.to_str().unwrap()]);
    assert!(output.status.success());
    let (_, links) = read_csv(&out2.join("links.csv"));
    let by_login: Vec<&str> = links
        .iter()
        .filter(|row| row[5] == "login-user")
        .map(|row| row[0].as_str())
        .collect();
    assert_eq!(by_login, ["001D", "001G"]);
    let review = read_sheet(&out2.join("review.xlsx"), "Review");
    assert_eq!(review.len(), 1, "nothing open any more");
    assert_eq!(text(&review[0][0]), "Decision");

    // Applying the same file again: every row is refused, nothing changes.
    let output = ledgerlink(&[
        "apply-review",
        &file,
        filled.to_str().unwrap(),
        "--by",
        "maria",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).matches("refused:").count(),
        3,
        "{}",
        stderr(&output)
    );
}

#[test]
fn export_writes_windows_1252_for_old_importers_and_refuses_a_bad_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let out = dir.path().join("cp1252");
    let output = ledgerlink(&[
        "export",
        &file,
        "--out",
        out.to_str().unwrap(),
        "--csv-delimiter",
        ";",
        "--encoding",
        "windows-1252",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let bytes = std::fs::read(out.join("links.csv")).unwrap();
    assert!(bytes.starts_with(b"crm_id;erp_id;"), "no byte-order mark");
    assert!(out.join("crm_fill_ins.csv").exists());
    let output = ledgerlink(&["export", &file, "--out", "x", "--encoding", "ebcdic"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("windows-1252"),
        "{}",
        stderr(&output)
    );
}
