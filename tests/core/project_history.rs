//! Undo and redo through the public API: per reviewer and by batch, refused where someone else
//! decided later, surviving a restart and an older project format; the audit log.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::project_support;

use std::path::Path;

use ledgerlink::core::model::Side;
use ledgerlink::core::project::{
    CreationAction, Decision, Project, ProjectError, RecordRef, Refusal, SCHEMA_VERSION,
};
use project_support::new_project;

fn accept(crm: &str, erp: &str) -> Decision {
    Decision::Accept {
        crm: crm.into(),
        erp: erp.into(),
    }
}

fn refusal(result: Result<impl std::fmt::Debug, ProjectError>) -> Refusal {
    let error = result.expect_err("it should be refused");
    assert!(error.is_bad_input());
    error.refusal().cloned().expect("a refusal")
}

fn keys(entries: &[ledgerlink::core::project::DecisionEntry]) -> Vec<&str> {
    entries
        .iter()
        .map(|entry| entry.first.key.as_str())
        .collect()
}

/// Turn a project file back into format 1: the log without its batch column, no assignments.
fn downgrade_to_format_1(file: &Path) {
    let connection = rusqlite::Connection::open(file).unwrap();
    connection
        .execute_batch(
            "ALTER TABLE log DROP COLUMN batch; DROP TABLE assignments; PRAGMA user_version = 1;",
        )
        .unwrap();
}

#[test]
fn a_project_of_the_format_before_batches_opens_and_each_old_decision_is_its_own_batch() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut project) = crate::project_support::new_project_file(dir.path(), "both");
    project
        .decide_batch(&[accept("C1", "1001"), accept("C4", "1004")], "anna", None)
        .unwrap();
    project.decide(&accept("C3", "1002"), "bert", None).unwrap();
    project.undo("bert").unwrap();
    drop(project);
    downgrade_to_format_1(&file);

    let mut project = Project::open(&file).unwrap();
    let version: i64 = rusqlite::Connection::open(&file)
        .unwrap()
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 3);
    let batches: Vec<Option<i64>> = project
        .audit_log()
        .unwrap()
        .iter()
        .map(|row| row.batch)
        .collect();
    assert_eq!(batches, [Some(1), Some(2), Some(3), Some(3)]);
    assert!(project.can_redo_by("bert"));
    assert_eq!(
        keys(&project.undo("anna").unwrap()),
        ["C4"],
        "one at a time"
    );
    assert_eq!(keys(&project.undo("anna").unwrap()), ["C1"]);
    assert_eq!(keys(&project.redo("bert").unwrap()), ["C3"]);
    let entries = project
        .decide_batch(&[accept("C1", "1001"), accept("C4", "1004")], "anna", None)
        .unwrap();
    assert_eq!(entries[1].batch, entries[0].seq);
    assert_eq!(
        project.undo("anna").unwrap().len(),
        2,
        "new batches are whole"
    );
}

crate::on_both_stores! {
fn undo_and_redo_survive_reopening_and_a_new_decision_ends_only_that_reviewers_redo_branch() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut project) = new_project(dir.path(), "both");
    project
        .decide(&accept("C1", "1001"), "anna", Some("VAT agrees"))
        .unwrap();
    project.decide(&accept("C4", "1004"), "anna", None).unwrap();
    assert!(matches!(
        refusal(project.undo("bert")),
        Refusal::NothingToUndo { by } if by == "bert"
    ));
    assert_eq!(keys(&project.undo("anna").unwrap()), ["C4"]);
    drop(project);

    let mut project = Project::open(&file).unwrap();
    assert!(project.can_undo_by("anna") && project.can_redo_by("anna"));
    assert!(!project.can_redo_by("bert"));
    assert!(project.partners(Side::Crm, "C4").is_empty());
    project.redo("anna").unwrap();
    assert_eq!(project.partners(Side::Crm, "C4"), ["1004"]);
    project.undo("anna").unwrap();
    project.undo("anna").unwrap();
    assert!(!project.can_undo_by("anna"));
    drop(project);

    let mut project = Project::open(&file).unwrap();
    assert_eq!(
        project
            .next_redo("anna")
            .map(|entry| entry.first.key.as_str()),
        Some("C1")
    );
    project
        .decide(&accept("C3", "1002"), "carla", None)
        .unwrap();
    assert!(
        project.can_redo_by("anna"),
        "carla's decision leaves anna's redo branch alone"
    );
    project
        .decide(
            &Decision::create(RecordRef::new(Side::Crm, "C5")),
            "anna",
            None,
        )
        .unwrap();
    assert!(!project.can_redo_by("anna"), "anna's decision ends it");
    drop(project);

    let project = Project::open(&file).unwrap();
    assert!(!project.can_redo());
    let audit = project.audit_log().unwrap();
    let actions: Vec<(&str, &str, Option<i64>)> = audit
        .iter()
        .map(|row| (row.action.as_str(), row.state.as_str(), row.batch))
        .collect();
    assert_eq!(
        actions,
        [
            ("accept", "dropped", Some(1)),
            ("accept", "dropped", Some(2)),
            ("undo", "", Some(2)),
            ("redo", "", Some(2)),
            ("undo", "", Some(2)),
            ("undo", "", Some(1)),
            ("accept", "in_effect", Some(7)),
            ("create_in_erp", "in_effect", Some(8)),
        ]
    );
    assert_eq!(audit[0].note.as_deref(), Some("VAT agrees"));
    assert_eq!(audit[2].by, "anna");
    assert_eq!(
        audit[2].first.as_deref(),
        Some("crm:C4"),
        "an undo names what it undid"
    );
    assert_eq!(audit[0].score, Some(0.995));
    assert!(audit[0].at.ends_with('Z'));
    assert_eq!(audit[0].first_hash.as_deref().map(str::len), Some(16));
}

fn one_reviewers_undo_leaves_another_reviewers_later_decision_in_effect() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut first) = new_project(dir.path(), "both");
    let mut second = Project::open(&file).unwrap();
    first.decide(&accept("C1", "1001"), "anna", None).unwrap();
    // The second handle has not seen it yet, but its decision is checked against the file.
    let refused = refusal(second.decide(&accept("C2", "1001"), "bert", None));
    assert!(matches!(refused, Refusal::ConflictingLink { .. }));
    second.decide(&accept("C4", "1004"), "bert", None).unwrap();
    assert!(first.refresh().unwrap());
    assert_eq!(first.links().len(), 2);
    // Anna's undo takes back anna's decision, not bert's later one.
    let undone = first.undo("anna").unwrap();
    assert_eq!((keys(&undone), undone[0].by.as_str()), (vec!["C1"], "anna"));
    second.refresh().unwrap();
    assert!(second.partners(Side::Crm, "C1").is_empty());
    assert_eq!(second.partners(Side::Crm, "C4"), ["1004"]);
    // Bert undoes his, then anna decides: bert's undone decision stays redoable.
    second.undo("bert").unwrap();
    first
        .decide(&accept("C3", "1002"), "anna", Some("Bolt"))
        .unwrap();
    assert!(second.refresh().unwrap());
    assert!(second.can_redo_by("bert") && !second.can_redo_by("anna"));
    assert_eq!(keys(&second.redo("bert").unwrap()), ["C4"]);
    assert!(!second.refresh().unwrap());
}

fn a_batch_is_committed_whole_or_not_at_all_and_undone_and_redone_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut project) = new_project(dir.path(), "both");
    let batch = [
        accept("C1", "1001"),
        accept("C4", "1004"),
        accept("C2", "1001"),
    ];
    let refused = refusal(project.decide_batch(&batch, "anna", Some("auto band")));
    assert!(
        matches!(refused, Refusal::ConflictingLink { .. }),
        "{refused}"
    );
    assert!(
        project.links().is_empty(),
        "nothing of a refused batch stays in effect"
    );
    assert!(!project.can_undo());
    let entries = project
        .decide_batch(&batch[..2], "anna", Some("auto band"))
        .unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(
        (entries[0].batch, entries[1].batch),
        (entries[0].seq, entries[0].seq)
    );
    project
        .decide(
            &Decision::create(RecordRef::new(Side::Crm, "C5")),
            "anna",
            None,
        )
        .unwrap();
    drop(project);
    let mut project = Project::open(&file).unwrap();
    assert_eq!(project.links().len(), 2);
    assert_eq!(project.links()[1].note.as_deref(), Some("auto band"));
    assert_eq!(
        keys(&project.undo("anna").unwrap()),
        ["C5"],
        "the single one first"
    );
    assert_eq!(keys(&project.undo("anna").unwrap()), ["C4", "C1"]);
    assert!(project.links().is_empty(), "the batch is undone as one");
    assert_eq!(keys(&project.redo("anna").unwrap()), ["C1", "C4"]);
    assert_eq!(Project::open(&file).unwrap().links().len(), 2);
    let audit = project.audit_log().unwrap();
    let undo_batches: Vec<Option<i64>> = audit
        .iter()
        .filter(|row| row.action == "undo" && row.first.as_deref() != Some("crm:C5"))
        .map(|row| row.batch)
        .collect();
    assert_eq!(undo_batches, [Some(1), Some(1)]);
}

fn undo_is_refused_when_someone_else_decided_the_same_pair_later_and_nothing_moves() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut project) = new_project(dir.path(), "both");
    project
        .decide_batch(&[accept("C1", "1001"), accept("C4", "1004")], "anna", None)
        .unwrap();
    let rejected = Decision::Reject {
        crm: "C4".into(),
        erp: "1004".into(),
    };
    project.decide(&rejected, "bert", Some("not them")).unwrap();
    let last = project.last_seq();
    let error = project.undo("anna").unwrap_err();
    let message = error.to_string();
    assert!(
        matches!(error.refusal(), Some(Refusal::DecidedLater { later_by, .. }) if later_by == "bert"),
        "{message}"
    );
    assert!(
        message.contains("CRM C4 and ERP 1004") && message.contains("bert decided it later"),
        "{message}"
    );
    // Nothing half-done: C1 is still linked, in memory and in the file, and nothing was logged.
    assert_eq!(project.partners(Side::Crm, "C1"), ["1001"]);
    assert_eq!(project.last_seq(), last);
    let reopened = Project::open(&file).unwrap();
    assert_eq!(reopened.partners(Side::Crm, "C1"), ["1001"]);
    assert_eq!(reopened.audit_log().unwrap().len(), 3);
    // Once bert has taken his back, anna's undo goes through.
    project.undo("bert").unwrap();
    assert_eq!(project.undo("anna").unwrap().len(), 2);
    assert!(project.links().is_empty());
}

fn redo_is_refused_when_someone_else_decided_the_same_record_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let (_file, mut project) = new_project(dir.path(), "both");
    let ignore = Decision::Action {
        record: RecordRef::new(Side::Crm, "C5"),
        action: CreationAction::Ignore,
    };
    project.decide(&ignore, "anna", None).unwrap();
    project.undo("anna").unwrap();
    project
        .decide(
            &Decision::create(RecordRef::new(Side::Crm, "C5")),
            "bert",
            None,
        )
        .unwrap();
    let refused = refusal(project.redo("anna"));
    assert!(
        matches!(&refused, Refusal::DecidedLater { action, later_by, .. } if action == "redo" && later_by == "bert"),
        "{refused}"
    );
    assert!(project.can_redo_by("anna"), "still waiting for redo");
}

fn undo_that_would_leave_a_record_linked_twice_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_file, mut project) = new_project(dir.path(), "both");
    project
        .decide(&accept("C1", "1001"), "carla", None)
        .unwrap();
    let reject = Decision::Reject {
        crm: "C1".into(),
        erp: "1001".into(),
    };
    project.decide(&reject, "anna", None).unwrap();
    let link = Decision::Link {
        crm: "C2".into(),
        erp: "1001".into(),
    };
    project.decide(&link, "bert", None).unwrap();
    let error = project.undo("anna").unwrap_err();
    assert!(
        matches!(error.refusal(), Some(Refusal::LeavesDoubleLink { id, .. }) if id == "1001"),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("ERP 1001 would be linked to both")
    );
    assert_eq!(project.partners(Side::Erp, "1001"), ["C2"]);
    assert!(
        project
            .pair_decision("C1", "1001")
            .is_some_and(|entry| entry.by == "anna")
    );
}

fn decisions_join_a_batch_only_of_the_same_reviewer() {
    let dir = tempfile::tempdir().unwrap();
    let (_file, mut project) = new_project(dir.path(), "both");
    let first = project
        .decide_in_batch(None, &[accept("C1", "1001")], "anna", None)
        .unwrap();
    let batch = Some(first[0].batch);
    let error = project
        .decide_in_batch(batch, &[accept("C4", "1004")], "bert", None)
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("not a batch of decisions by bert"),
        "{error}"
    );
    project.decide(&accept("C3", "1002"), "bert", None).unwrap();
    let more = project
        .decide_in_batch(batch, &[accept("C4", "1004")], "anna", None)
        .unwrap();
    assert_eq!(more[0].batch, first[0].batch);
    // One undo takes back both of anna's, across bert's decision in between.
    assert_eq!(keys(&project.undo("anna").unwrap()), ["C4", "C1"]);
    assert_eq!(project.partners(Side::Crm, "C3"), ["1002"]);
}
}
