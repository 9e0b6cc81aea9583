//! A shared workshop through the binary, as several laptops would run it against one
//! PostgreSQL server: every project command takes the server address; `projects`, `copy` and
//! `assign`; errors name the project, never its password, and bad input exits with 2. The
//! exported files of a server project are the same as those of the same project in a file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use ledgerlink::core::project::{Location, NewProject, Project, SuggestionSet};

use crate::pg_support::{self, PASSWORD};
use crate::project_support::{dataset_owned, new_project_file, pair};

fn ledgerlink(args: &[&str]) -> Output {
    ledgerlink_with(args, None)
}

/// `ledgerlink args`, with `PGPASSWORD` set to `password` when given.
fn ledgerlink_with(args: &[&str], password: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ledgerlink"));
    command
        .args(args)
        .env("USER", "workshop-user")
        .env_remove("PGPASSWORD");
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    command.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn ok(args: &[&str]) -> String {
    let output = ledgerlink(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        text(&output.stderr)
    );
    assert!(!text(&output.stdout).contains(PASSWORD) && !text(&output.stderr).contains(PASSWORD));
    text(&output.stdout)
}

/// `text` with every UTC time (`2026-12-04T23:26:52.117Z`) replaced by `<time>`: the same
/// decisions taken a moment apart on the file and on the server.
fn without_times(text: &str) -> String {
    let shape = "0000-00-00T00:00:00.000Z";
    let fits = |candidate: &[u8]| {
        candidate.len() == shape.len()
            && candidate
                .iter()
                .zip(shape.bytes())
                .all(|(&byte, expected)| match expected {
                    b'0' => byte.is_ascii_digit(),
                    other => byte == other,
                })
    };
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut index = 0;
    while index < bytes.len() {
        if bytes.get(index..index + shape.len()).is_some_and(fits) {
            out.push_str("<time>");
            index += shape.len();
        } else {
            let character = text[index..].chars().next().unwrap();
            out.push(character);
            index += character.len_utf8();
        }
    }
    out
}

/// Every file of an export folder, the audit's time column set aside.
fn exported(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "csv"))
        .filter(|path| !path.ends_with("audit.csv") && !path.ends_with("export_manifest.csv"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_workshop_on_the_server_through_the_command_line_exports_what_the_file_does() {
    let Some(server) = pg_support::server_or_skip("a_workshop_on_the_server") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (file, project) = new_project_file(dir.path(), "both");
    drop(project);
    let url = server.url(&server.unique_project("cli"));
    let path = file.to_str().unwrap();
    let copied = ok(&["copy", path, &url]);
    assert!(
        copied.contains("copied") && !copied.contains(PASSWORD),
        "{copied}"
    );
    for project in [path, url.as_str()] {
        ok(&["decide", project, "--accept", "C1", "1001", "--by", "anna"]);
        ok(&["decide", project, "--reject", "C3", "1002", "--by", "bert"]);
        ok(&["decide", project, "--create", "erp:1003", "--by", "bert"]);
        ok(&["undo", project, "--by", "bert"]);
        ok(&["redo", project, "--by", "bert"]);
        let refused = ledgerlink(&["decide", project, "--accept", "C2", "1001", "--by", "carl"]);
        assert_eq!(refused.status.code(), Some(2));
        assert!(
            text(&refused.stderr).contains("already linked to CRM C1"),
            "{}",
            text(&refused.stderr)
        );
    }
    let file_status: serde_json::Value =
        serde_json::from_str(&ok(&["status", path, "--json"])).unwrap();
    let server_status: serde_json::Value =
        serde_json::from_str(&ok(&["status", &url, "--json"])).unwrap();
    assert_eq!(file_status, server_status);
    let (from_file, from_server) = (dir.path().join("file-out"), dir.path().join("server-out"));
    ok(&["export", path, "--out", from_file.to_str().unwrap()]);
    ok(&["export", &url, "--out", from_server.to_str().unwrap()]);
    let (file_files, server_files) = (exported(&from_file), exported(&from_server));
    assert!(
        file_files.len() >= 5,
        "{:?}",
        file_files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for ((name, bytes), (server_name, server_bytes)) in file_files.iter().zip(&server_files) {
        assert_eq!(name, server_name);
        assert_eq!(
            without_times(&String::from_utf8_lossy(bytes)),
            without_times(&String::from_utf8_lossy(server_bytes)),
            "{name} differs between the file and the server"
        );
    }
    // Assign by owner (the CRM list has no owner column: nothing is given), then by hand.
    let assigned = ok(&[
        "assign",
        &url,
        "--subjects",
        "C4=1004",
        "--to",
        "dora",
        "--by",
        "fiona",
    ]);
    assert!(
        assigned.contains("dora") && assigned.contains("1 pairs"),
        "{assigned}"
    );
    let status = ok(&["status", &url]);
    assert!(
        status.contains("reviewer     dora: 1 of 1 pairs open"),
        "{status}"
    );
    // The project is listed, and copied back to a file with its whole log.
    let output = ledgerlink_with(
        &["projects", &server.url_without_password("x")],
        Some(PASSWORD),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let listed = text(&output.stdout);
    let name = url.split("project=").nth(1).unwrap();
    assert!(listed.contains(name), "{listed}");
    let back = dir.path().join("back.ledgerlink");
    ok(&["copy", &url, back.to_str().unwrap()]);
    let back_status: serde_json::Value =
        serde_json::from_str(&ok(&["status", back.to_str().unwrap(), "--json"])).unwrap();
    assert_eq!(
        back_status["reviewers"],
        serde_json::from_str::<serde_json::Value>(&ok(&["status", &url, "--json"])).unwrap()["reviewers"]
    );
}

#[test]
fn bad_addresses_and_missing_projects_are_refused_clearly_without_the_password() {
    let Some(server) = pg_support::server_or_skip("bad_addresses") else {
        return;
    };
    let no_project = server.url("x").replace("?project=x", "");
    let output = ledgerlink(&["status", &no_project]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("project"),
        "{}",
        text(&output.stderr)
    );
    assert!(!text(&output.stderr).contains(PASSWORD));
    let missing = server.url("nobody_made_this");
    let output = ledgerlink(&["status", &missing]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    let message = text(&output.stderr);
    assert!(
        message.contains("nobody_made_this") && !message.contains(PASSWORD),
        "{message}"
    );
    let wrong = server.url("x").replace(PASSWORD, "wrong-secret-42");
    let output = ledgerlink(&["status", &wrong]);
    assert!(!output.status.success());
    let message = text(&output.stderr);
    assert!(!message.contains("wrong-secret-42"), "{message}");
    assert!(message.contains("password"), "{message}");
}

#[test]
fn two_laptops_accepting_the_auto_band_at_once_accept_each_pair_once() {
    let Some(server) = pg_support::server_or_skip("two_laptops_accepting_the_auto_band") else {
        return;
    };
    let count = 300;
    let rows = |prefix: &str| -> Vec<Vec<String>> {
        (0..count)
            .map(|i| vec![format!("{prefix}{i}"), format!("Firm {i}")])
            .collect()
    };
    let setup = NewProject {
        crm: dataset_owned("crm.csv", &["id", "name"], &rows("C")),
        erp: dataset_owned("erp.csv", &["id", "name"], &rows("E")),
        crm_mapping: vec![],
        erp_mapping: vec![],
        policy: Default::default(),
        by: "test".into(),
    };
    let suggestions = SuggestionSet {
        pairs: (0..count).map(|i| pair(i, i, 0.995)).collect(),
        ..Default::default()
    };
    let url = server.url(&server.unique_project("band"));
    let location = Location::parse(&url).unwrap();
    Project::create_with_suggestions(&location, setup, &suggestions).unwrap();
    let laptops: Vec<_> = ["anna", "bert"]
        .into_iter()
        .map(|by| {
            Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
                .args(["decide", &url, "--accept-band", "auto", "--by", by])
                .spawn()
                .unwrap()
        })
        .collect();
    for mut laptop in laptops {
        assert!(laptop.wait().unwrap().success());
    }
    let project = Project::open(&location).unwrap();
    assert_eq!(project.links().len(), count);
    assert_eq!(project.decisions().len(), count, "no pair accepted twice");
    assert_eq!(project.status().open, 0);
}
