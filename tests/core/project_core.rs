//! The project file through its public API: creation, decisions and their rules and the status
//! counts (undo, redo and the audit log: `project_history.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::project_support;

use ledgerlink::core::model::Side;
use ledgerlink::core::project::{
    ActionState, CreationAction, Decision, Hold, PairStatus, Project, RecordRef, Refusal,
};
use project_support::{crm, erp, new_project};

fn accept(crm: &str, erp: &str) -> Decision {
    Decision::Accept {
        crm: crm.into(),
        erp: erp.into(),
    }
}

fn reject(crm: &str, erp: &str) -> Decision {
    Decision::Reject {
        crm: crm.into(),
        erp: erp.into(),
    }
}

fn refusal(
    result: Result<impl std::fmt::Debug, ledgerlink::core::project::ProjectError>,
) -> Refusal {
    let error = result.expect_err("the decision should be refused");
    assert!(error.is_bad_input());
    error.refusal().cloned().expect("a refusal")
}

crate::on_both_stores! {
fn a_project_keeps_both_lists_exactly_and_opens_without_the_source_files() {
    let dir = tempfile::tempdir().unwrap();
    let (file, project) = new_project(dir.path(), "both");
    drop(project);
    let project = Project::open(&file).unwrap();
    assert_eq!(project.dataset(Side::Crm), &crm());
    assert_eq!(project.dataset(Side::Erp), &erp());
    assert_eq!(
        project.list(Side::Crm).mapping,
        ["account_type=account_type"]
    );
    assert_eq!(project.list(Side::Crm).imported_by, "anna");
    let record = project.record(Side::Crm, "C3").unwrap();
    assert_eq!(record.name(), "Bolt AG");
    assert_eq!(record.source_row(), 4);
    assert_eq!(project.suggestions().pairs().count(), 3);
    let first = &project.suggestions().items[0];
    assert_eq!((first.crm.as_str(), first.erp.as_str()), ("C1", "1001"));
    assert_eq!(first.id, 1);
    assert_eq!(first.contributions.len(), 1);
    assert_eq!(first.contributions[0].weight, 7.5);
    assert_eq!(first.contributions[0].field, "name");
    assert_eq!(project.policy().to_string(), "both,numbers=erp");
}

fn new_refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut project) = new_project(dir.path(), "both");
    project.decide(&accept("C1", "1001"), "anna", None).unwrap();
    drop(project);
    let before = Project::open(&file).unwrap().audit_log().unwrap();
    let setup = ledgerlink::core::project::NewProject {
        crm: crm(),
        erp: erp(),
        crm_mapping: vec![],
        erp_mapping: vec![],
        policy: Default::default(),
        by: "bert".into(),
    };
    let error = Project::create_with_suggestions(&file, setup, &Default::default()).unwrap_err();
    assert!(error.to_string().contains("already exists"), "{error}");
    let after = Project::open(&file).unwrap();
    assert_eq!(after.audit_log().unwrap(), before);
    assert_eq!(after.status().accepted, 1);
}

fn a_conflicting_accept_is_refused_naming_the_existing_link() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut project) = new_project(dir.path(), "both");
    project.decide(&accept("C1", "1001"), "anna", None).unwrap();
    let refused = refusal(project.decide(&accept("C2", "1001"), "bert", None));
    let message = refused.to_string();
    assert!(
        message.contains("ERP 1001 is already linked to CRM C1"),
        "{message}"
    );
    assert!(message.contains("anna"), "{message}");
    assert_eq!(project.partners(Side::Erp, "1001"), ["C1"]);
    // Accepting an unsuggested pair needs a hand link; the link is refused just the same.
    let refused = refusal(project.decide(&accept("C5", "1003"), "anna", None));
    assert!(matches!(refused, Refusal::NotSuggested { .. }));
    let link = Decision::Link {
        crm: "C1".into(),
        erp: "1003".into(),
    };
    let refused = refusal(project.decide(&link, "anna", None));
    assert!(
        refused
            .to_string()
            .contains("CRM C1 is already linked to ERP 1001"),
        "{refused}"
    );
}

fn crm_duplicates_may_share_one_erp_customer() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut project) = new_project(dir.path(), "both");
    project.decide(&accept("C1", "1001"), "anna", None).unwrap();
    let duplicate = Decision::Duplicate {
        master: RecordRef::new(Side::Crm, "C1"),
        duplicate: RecordRef::new(Side::Crm, "C2"),
    };
    project
        .decide(&duplicate, "anna", Some("same firm"))
        .unwrap();
    project.decide(&accept("C2", "1001"), "anna", None).unwrap();
    assert_eq!(project.partners(Side::Erp, "1001"), ["C1", "C2"]);
    assert_eq!(project.duplicate_marks().len(), 1);
    assert_eq!(
        project.duplicate_marks()[0].first.key,
        "C1",
        "the master comes first"
    );
    // Now they cannot be declared different while both hold the link.
    let not_duplicate = Decision::NotDuplicate {
        first: RecordRef::new(Side::Crm, "C2"),
        second: RecordRef::new(Side::Crm, "C1"),
    };
    let refused = refusal(project.decide(&not_duplicate, "anna", None));
    assert!(matches!(refused, Refusal::SharedLink { .. }), "{refused}");
    let across = Decision::Duplicate {
        master: RecordRef::new(Side::Crm, "C1"),
        duplicate: RecordRef::new(Side::Erp, "1001"),
    };
    assert!(matches!(
        refusal(project.decide(&across, "anna", None)),
        Refusal::NotOnePair { .. }
    ));
}

fn creation_actions_follow_the_policy_and_the_links() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut project) = new_project(dir.path(), "erp_to_crm");
    let create_c5 = Decision::create(RecordRef::new(Side::Crm, "C5"));
    let refused = refusal(project.decide(&create_c5, "anna", None));
    let message = refused.to_string();
    assert!(
        message.contains("creation policy") && message.contains("erp_to_crm"),
        "{message}"
    );
    project
        .decide(
            &Decision::create(RecordRef::new(Side::Erp, "1003")),
            "anna",
            None,
        )
        .unwrap();
    project.decide(&accept("C4", "1004"), "anna", None).unwrap();
    let ignore_linked = Decision::Action {
        record: RecordRef::new(Side::Erp, "1004"),
        action: CreationAction::Ignore,
    };
    assert!(matches!(
        refusal(project.decide(&ignore_linked, "anna", None)),
        Refusal::AlreadyLinked { .. }
    ));
    let wrong_side = Decision::Action {
        record: RecordRef::new(Side::Erp, "1003"),
        action: CreationAction::CreateInErp,
    };
    assert!(matches!(
        refusal(project.decide(&wrong_side, "anna", None)),
        Refusal::WrongSide { .. }
    ));
    let unknown = Decision::create(RecordRef::new(Side::Erp, "9999"));
    assert!(
        refusal(project.decide(&unknown, "anna", None))
            .to_string()
            .contains("ERP 9999 is not in the erp list")
    );
    // Customers C1 and C2 have no ERP account and the policy forbids creating one: while
    // their candidate 1001 is open they wait; once it is rejected they are listed.
    let status = project.status();
    assert_eq!(status.actions.create_in_crm, 1);
    assert_eq!(status.needs_erp_account, 0);
    assert_eq!(
        status.held.open_pair, 5,
        "C1, C2, 1001, C3, 1002 wait: {status:?}"
    );
    for crm in ["C1", "C2"] {
        project.decide(&reject(crm, "1001"), "anna", None).unwrap();
    }
    let status = project.status();
    assert_eq!(status.needs_erp_account, 2);
    assert_eq!(status.default_actions.create_in_erp, 0);
}

fn leads_get_no_default_erp_account_and_customers_do() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut project) = new_project(dir.path(), "crm_to_erp");
    // A customer with an open candidate waits: it may well exist in the ERP.
    assert!(matches!(
        project.unlinked_records(Side::Crm)[0].state,
        ActionState::Held(Hold::OpenPair { other: "1001", .. })
    ));
    for (crm, erp) in [("C1", "1001"), ("C2", "1001"), ("C4", "1004")] {
        project.decide(&reject(crm, erp), "anna", None).unwrap();
    }
    let unlinked = project.unlinked_records(Side::Crm);
    let state_of = |key: &str| {
        unlinked
            .iter()
            .find(|record| record.key == key)
            .unwrap()
            .state
    };
    assert_eq!(
        state_of("C1"),
        ActionState::Default(CreationAction::CreateInErp)
    );
    assert!(
        matches!(state_of("C3"), ActionState::Held(_)),
        "a prospect with an open pair"
    );
    assert_eq!(state_of("C5"), ActionState::Undecided, "a lead");
    let status = project.status();
    assert_eq!(status.default_actions.create_in_erp, 3);
    assert_eq!(status.default_actions.create_in_crm, 0);
}

fn status_counts_what_the_workshop_decided() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut project) = new_project(dir.path(), "both");
    let status = project.status();
    assert_eq!((status.crm_records, status.erp_records), (5, 4));
    assert_eq!((status.suggested, status.open, status.accepted), (3, 3, 0));
    assert!(!status.can_undo && !status.can_redo);
    project.decide(&accept("C1", "1001"), "anna", None).unwrap();
    let reject = Decision::Reject {
        crm: "C3".into(),
        erp: "1002".into(),
    };
    project
        .decide(&reject, "anna", Some("different firm"))
        .unwrap();
    project
        .decide(
            &Decision::create(RecordRef::new(Side::Erp, "1003")),
            "anna",
            None,
        )
        .unwrap();
    let status = project.status();
    assert_eq!((status.accepted, status.rejected, status.open), (1, 1, 1));
    assert_eq!(status.actions.create_in_crm, 1);
    assert!(status.can_undo);
    let queue = project.open_queue();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].crm, "C4");
    let views = project.suggestion_views();
    let alternative = views
        .iter()
        .find(|view| view.suggestion.crm == "C2")
        .unwrap();
    assert_eq!(alternative.status, PairStatus::LinkedElsewhere);
    let json = serde_json::to_value(&status).unwrap();
    for field in [
        "crm_records",
        "erp_records",
        "suggested",
        "accepted",
        "rejected",
        "open",
        "stale",
        "can_undo",
        "can_redo",
    ] {
        assert!(json.get(field).is_some(), "status --json lacks {field}");
    }
    assert_eq!(json["actions"]["create_in_crm"], 1);
}

fn a_second_reviewer_accepting_a_linked_pair_is_told_who_linked_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let (location, mut anna) = new_project(dir.path(), "both");
    let mut bert = Project::open(&location).unwrap();
    anna.decide(&accept("C1", "1001"), "anna", None).unwrap();
    let error = bert.decide(&accept("C1", "1001"), "bert", None).unwrap_err();
    match error.refusal() {
        Some(Refusal::AlreadyDecided { by, kind, .. }) => {
            assert_eq!((by.as_str(), kind.as_str()), ("anna", "accept"));
        }
        other => panic!("{other:?}: {error}"),
    }
    let links = Project::open(&location).unwrap().links().len();
    assert_eq!(links, 1, "anna's decision stands, once");
    assert_eq!(bert.pair_decision("C1", "1001").unwrap().by, "anna");
}
}
