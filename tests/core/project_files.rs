//! Files that are not (or no longer) readable projects: a clear error, and the file is left
//! exactly as it was.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::project_support;

use std::path::Path;

use ledgerlink::core::project::{Decision, Project, ProjectError};
use project_support::new_project_file;

/// Open `file`, expect an error, and check the file's bytes did not change.
fn open_fails_untouched(file: &Path) -> ProjectError {
    let before = std::fs::read(file).unwrap();
    let error = Project::open(file).expect_err("opening should fail");
    assert!(error.is_bad_input(), "{error}");
    assert!(
        error.to_string().contains(&file.display().to_string()),
        "names the file: {error}"
    );
    assert_eq!(
        std::fs::read(file).unwrap(),
        before,
        "the file was modified"
    );
    error
}

/// A project with a few decisions, closed (checkpointed into the main file).
fn project_file(dir: &Path) -> std::path::PathBuf {
    let (file, mut project) = new_project_file(dir, "both");
    let accept = Decision::Accept {
        crm: "C1".into(),
        erp: "1001".into(),
    };
    project.decide(&accept, "anna", None).unwrap();
    drop(project);
    file
}

#[test]
fn a_text_file_is_not_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("customers.csv");
    std::fs::write(&file, "id;name\n1;Acme\n").unwrap();
    let error = open_fails_untouched(&file);
    assert!(matches!(error, ProjectError::NotAProject { .. }), "{error}");
    assert!(error.to_string().contains("not a Ledgerlink project"));
    let empty = dir.path().join("empty.ledgerlink");
    std::fs::write(&empty, "").unwrap();
    assert!(open_fails_untouched(&empty).to_string().contains("empty"));
}

#[test]
fn another_programs_database_is_not_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("other.db");
    let connection = rusqlite::Connection::open(&file).unwrap();
    connection
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(connection);
    let error = open_fails_untouched(&file);
    assert!(matches!(error, ProjectError::NotAProject { .. }), "{error}");
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nowhere.ledgerlink");
    let error = Project::open(&file).unwrap_err();
    assert!(error.is_bad_input());
    assert!(error.to_string().contains("nowhere.ledgerlink"), "{error}");
    assert!(!file.exists(), "opening must not create the file");
}

#[test]
fn a_truncated_project_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = project_file(dir.path());
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    let error = open_fails_untouched(&file);
    assert!(matches!(error, ProjectError::Corrupt { .. }), "{error}");
    assert!(error.to_string().contains("truncated"), "{error}");
}

#[test]
fn a_corrupt_project_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = project_file(dir.path());
    let mut bytes = std::fs::read(&file).unwrap();
    let page = 4096;
    assert!(
        bytes.len() > 4 * page,
        "the project should span several pages"
    );
    let end = bytes.len() - page;
    for (offset, byte) in bytes[page..end].iter_mut().enumerate() {
        *byte = (offset * 7 + 13) as u8;
    }
    std::fs::write(&file, &bytes).unwrap();
    let error = open_fails_untouched(&file);
    assert!(
        matches!(
            error,
            ProjectError::Corrupt { .. } | ProjectError::NotAProject { .. }
        ),
        "{error}"
    );
}

#[test]
fn a_project_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = project_file(dir.path());
    let connection = rusqlite::Connection::open(&file).unwrap();
    connection.pragma_update(None, "user_version", 99).unwrap();
    drop(connection);
    let error = open_fails_untouched(&file);
    let message = error.to_string();
    assert!(
        matches!(error, ProjectError::NewerVersion { found: 99, .. }),
        "{message}"
    );
    assert!(
        message.contains("newer Ledgerlink") && message.contains("left untouched"),
        "{message}"
    );
}

#[cfg(unix)]
/// An auditor's read-only copy: status and export can read it (every decision is there), a
/// decision is refused with a message that says the file cannot be written, and the file stays
/// as it was.
#[test]
fn a_read_only_project_can_be_read_but_not_decided_on() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let file = project_file(dir.path());
    let mut read_only = Project::open_read_only(&file).unwrap();
    assert_eq!(read_only.status().accepted, 1);
    assert_eq!(read_only.links().len(), 1);
    let before = std::fs::read(&file).unwrap();
    let reject = Decision::Reject {
        crm: "C3".into(),
        erp: "1002".into(),
    };
    let error = read_only.decide(&reject, "anna", None).unwrap_err();
    assert!(matches!(error, ProjectError::ReadOnly { .. }), "{error}");
    assert!(error.is_bad_input());
    assert!(error.to_string().contains("cannot be written"), "{error}");
    drop(read_only);
    assert_eq!(std::fs::read(&file).unwrap(), before);

    // Without write permission (not enforced for root, who may write anyway), opening for
    // decisions is refused up front and opening for reading still works.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let privileged = std::fs::OpenOptions::new().append(true).open(&file).is_ok();
    if !privileged {
        let Err(error) = Project::open(&file) else {
            panic!("a read-only file is refused");
        };
        assert!(
            error.to_string().contains("the file is read-only"),
            "{error}"
        );
    }
    assert_eq!(
        Project::open_for_reading(&file).unwrap().status().accepted,
        1
    );
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
}
