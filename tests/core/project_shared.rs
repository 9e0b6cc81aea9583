//! A project on a shared folder after a crash (issue 12): a writer killed mid-transaction
//! leaves a hot rollback journal, and the next program must roll it back and go on deciding,
//! not refuse every decision as if the folder were read-only. Two programs that switch a
//! project to the shared-folder journal at the same moment wait for each other.
//!
//! The killed writer is this test binary started again to run the ignored test
//! `writer_child`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::project_support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use ledgerlink::core::model::Side;
use ledgerlink::core::project::filesystem::SHARED_FOLDER_ENV;
use ledgerlink::core::project::{NewProject, Project, SuggestionSet};
use project_support::dataset_owned;

const CHILD_ENV: &str = "LEDGERLINK_HOT_WRITER";

/// A project with CRM records C0.. and ERP records E0.., in WAL mode as made on a laptop.
fn project_with(dir: &Path, count: usize) -> PathBuf {
    let rows = |prefix: &str| -> Vec<Vec<String>> {
        (0..count)
            .map(|i| vec![format!("{prefix}{i}"), format!("Firm {i}")])
            .collect()
    };
    let file = dir.join("shared.ledgerlink");
    let setup = NewProject {
        crm: dataset_owned("crm.csv", &["id", "name"], &rows("C")),
        erp: dataset_owned("erp.csv", &["id", "name"], &rows("E")),
        crm_mapping: vec![],
        erp_mapping: vec![],
        policy: Default::default(),
        by: "test".into(),
    };
    Project::create_with_suggestions(&file, setup, &SuggestionSet::default()).unwrap();
    file
}

/// Run by the child process only: switch the project to the rollback journal, change every
/// stored record inside one transaction with a tiny page cache (so the main file is already
/// overwritten and only the journal can undo it), say `ready` and wait to be killed.
#[test]
#[ignore = "started by the shared-folder tests as a child process"]
fn writer_child() {
    let file = std::env::var(CHILD_ENV).expect("started without LEDGERLINK_HOT_WRITER");
    let connection = rusqlite::Connection::open(file).unwrap();
    let mode: String = connection
        .pragma_update_and_check(None, "journal_mode", "DELETE", |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    connection.pragma_update(None, "cache_size", 1).unwrap();
    connection.execute_batch("BEGIN IMMEDIATE").unwrap();
    let tables: Vec<String> = connection
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for table in tables {
        connection
            .execute(&format!("DELETE FROM \"{table}\""), [])
            .unwrap();
    }
    println!();
    println!("ready");
    std::thread::sleep(std::time::Duration::from_secs(600));
}

fn ledgerlink(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
        .args(args)
        .env(SHARED_FOLDER_ENV, "1")
        .output()
        .unwrap()
}

/// Start `writer_child` on `file` and kill it once it is mid-transaction; returns the journal.
fn kill_a_writer_mid_transaction(file: &Path) -> PathBuf {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", &child_test_name(), "--nocapture"])
        .env(CHILD_ENV, file)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line == "ready");
    assert!(ready, "the writer never got mid-transaction");
    child.kill().unwrap();
    child.wait().unwrap();
    let journal = PathBuf::from(format!("{}-journal", file.display()));
    assert!(journal.exists(), "the killed writer left no hot journal");
    journal
}

#[cfg(unix)]
#[test]
fn a_writer_killed_mid_transaction_leaves_a_journal_that_the_next_program_rolls_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = project_with(dir.path(), 2000);
    let journal = kill_a_writer_mid_transaction(&file);

    let path = file.to_str().unwrap();
    let output = ledgerlink(&["decide", path, "--link", "C1", "E1"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!journal.exists(), "the journal was rolled back");
    let output = ledgerlink(&["status", path, "--json"]);
    let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(status["crm_records"], 2000, "{status}");
    assert_eq!(project_links(&file), 1);
}

#[test]
fn two_programs_switching_to_the_shared_journal_at_once_wait_for_each_other() {
    for round in 0..6 {
        let dir = tempfile::tempdir().unwrap();
        let file = project_with(dir.path(), 20);
        let path = file.to_str().unwrap().to_string();
        let children: Vec<_> = (0..3)
            .map(|i| {
                let (crm, erp) = (format!("C{i}"), format!("E{i}"));
                Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
                    .args(["decide", &path, "--link", &crm, &erp])
                    .env(SHARED_FOLDER_ENV, "1")
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success(), "round {round}: {stderr}");
        }
        let project = Project::open(&file).unwrap();
        assert_eq!(project.links().len(), 3, "round {round}");
    }
}

fn project_links(file: &Path) -> usize {
    Project::open(file).unwrap().links().len()
}

#[cfg(unix)]
#[test]
fn a_read_only_open_never_reads_past_a_hot_journal() {
    let dir = tempfile::tempdir().unwrap();
    let file = project_with(dir.path(), 2000);
    let journal = kill_a_writer_mid_transaction(&file);
    // A reader that may not write cannot roll the journal back: it must not read the main file
    // as the killed writer left it (every table emptied).
    match Project::open_read_only(&file) {
        Ok(project) => assert_eq!(project.list(Side::Crm).len(), 2000),
        Err(error) => assert!(error.to_string().contains("-journal"), "{error}"),
    }
    assert!(journal.exists());
    assert_eq!(Project::open(&file).unwrap().list(Side::Crm).len(), 2000);
}

/// The child test's name as libtest knows it in this grouped test crate (`project_shared::
/// writer_child`): the module path without the crate's name.
fn child_test_name() -> String {
    let module = module_path!();
    let within = module.split_once("::").map_or(module, |(_, rest)| rest);
    format!("{within}::writer_child")
}
