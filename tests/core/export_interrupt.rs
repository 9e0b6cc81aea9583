//! An export killed at any moment (SIGKILL, as a crash or a power cut would) never leaves a
//! half-written file under a final name: every file present is either the complete new one or
//! the one that was there before, and the files present are one run's set, as the manifest
//! says; only a hidden staging folder may be left behind, and the next export removes it.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(unix)]

use crate::export_support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use ledgerlink::core::export::staging::{MANIFEST_FILE, check_manifest};
use ledgerlink::core::project::SuggestionSet;

use export_support::{CRM_COLUMNS, ERP_COLUMNS, pair, project_from};

const RECORDS: usize = 3_000;

fn row(width: usize, index: usize, side: &str) -> Vec<String> {
    (0..width)
        .map(|column| match column {
            0 => format!("{side}{index:07}"),
            1 => format!("Firm {index} GmbH"),
            _ => format!("value {column} of {index}"),
        })
        .collect()
}

fn large_project(dir: &Path) -> String {
    let crm: Vec<Vec<String>> = (0..RECORDS)
        .map(|i| row(CRM_COLUMNS.len(), i, "C"))
        .collect();
    let erp: Vec<Vec<String>> = (0..RECORDS)
        .map(|i| row(ERP_COLUMNS.len(), i, "0"))
        .collect();
    let suggestions = SuggestionSet {
        pairs: (0..RECORDS).map(|i| pair(i, i, 0.9)).collect(),
        ..Default::default()
    };
    let file = dir.join("large.ledgerlink");
    project_from(&file, &crm, &ERP_COLUMNS, &erp, &suggestions, "both");
    file.to_str().unwrap().to_string()
}

fn export(project: &str, out: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
        .args(["export", project, "--out", out.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

/// The sheets of a workbook with their number of rows.
fn sheet_rows(path: &Path) -> Vec<(String, usize)> {
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto(path).unwrap();
    workbook
        .sheet_names()
        .into_iter()
        .map(|name| {
            let rows = workbook.worksheet_range(&name).unwrap().height();
            (name, rows)
        })
        .collect()
}

#[test]
fn a_killed_export_leaves_only_whole_files() {
    let dir = tempfile::tempdir().unwrap();
    let project = large_project(dir.path());
    let reference = dir.path().join("reference");
    assert!(export(&project, &reference).wait().unwrap().success());
    let old_links = b"old links of an earlier export";
    for (attempt, delay) in [5u64, 150, 300, 600, 900, 1300].into_iter().enumerate() {
        let out = dir.path().join(format!("out{attempt}"));
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("links.csv"), old_links).unwrap();
        let mut child = export(&project, &out);
        std::thread::sleep(Duration::from_millis(delay));
        child.kill().unwrap();
        child.wait().unwrap();
        for entry in std::fs::read_dir(&out).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            let path = out.join(&name);
            if name.starts_with('.') {
                assert!(name.starts_with(".ledgerlink-export."), "{name}");
            } else if name == MANIFEST_FILE {
                continue;
            } else if name.ends_with(".csv") {
                let bytes = std::fs::read(&path).unwrap();
                let whole = std::fs::read(reference.join(&name)).unwrap();
                let old = name == "links.csv" && bytes == old_links;
                assert!(
                    old || bytes == whole,
                    "{name} after {delay} ms is not whole"
                );
            } else {
                assert_eq!(
                    sheet_rows(&path),
                    sheet_rows(&reference.join(&name)),
                    "{name} after {delay} ms"
                );
            }
        }
    }
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_killed_export_leaves_one_runs_set_and_the_next_export_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let project = large_project(dir.path());
    let small = dir.path().join("small");
    std::fs::create_dir(&small).unwrap();
    let small_project = {
        let crm: Vec<Vec<String>> = (0..5).map(|i| row(CRM_COLUMNS.len(), i, "C")).collect();
        let erp: Vec<Vec<String>> = (0..5).map(|i| row(ERP_COLUMNS.len(), i, "0")).collect();
        let file = small.join("small.ledgerlink");
        project_from(
            &file,
            &crm,
            &ERP_COLUMNS,
            &erp,
            &SuggestionSet::default(),
            "both",
        );
        file.to_str().unwrap().to_string()
    };
    for (attempt, delay) in [5u64, 200, 500, 900].into_iter().enumerate() {
        let out = dir.path().join(format!("set{attempt}"));
        // An earlier, complete export of another project.
        assert!(export(&small_project, &out).wait().unwrap().success());
        let old = names(&out);
        let mut child = export(&project, &out);
        std::thread::sleep(Duration::from_millis(delay));
        child.kill().unwrap();
        child.wait().unwrap();
        let wrong = check_manifest(&out).expect("a manifest");
        assert!(wrong.is_empty(), "after {delay} ms: {wrong:?}");
        let visible: Vec<String> = names(&out)
            .into_iter()
            .filter(|name| !name.starts_with('.'))
            .collect();
        assert_eq!(visible, old, "after {delay} ms");
        // The next complete export replaces the set and removes what the killed run left.
        assert!(export(&project, &out).wait().unwrap().success());
        assert_eq!(check_manifest(&out), Some(Vec::new()));
        assert_eq!(names(&out), old, "after {delay} ms");
    }
}
