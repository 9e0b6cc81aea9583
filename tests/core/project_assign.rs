//! Assignment: the finance head splits the open pairs and duplicate clusters among reviewers
//! by owner, by country or by hand; each reviewer's queue shows their share first, progress is
//! counted per reviewer, and every other program sees the assignment. On both stores.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ledgerlink::core::matching::DuplicateCluster;
use ledgerlink::core::model::Side;
use ledgerlink::core::project::{
    AssignRule, Decision, NewProject, Project, Subject, SuggestionSet,
};

use crate::project_support::{dataset, location_in, pair};

/// Four CRM accounts with owners and countries, four ERP customers, four suggested pairs and
/// one CRM duplicate cluster (C1, C5).
fn project(dir: &std::path::Path) -> (ledgerlink::core::project::Location, Project) {
    let crm = dataset(
        "crm.csv",
        &["id", "name", "country", "Account Owner"],
        &[
            &["C1", "Acme GmbH", "DE", "anna"],
            &["C2", "Bolt SA", "FR", "bert"],
            &["C3", "Crane GmbH", "DE", "anna"],
            &["C4", "Delta GmbH", "AT", ""],
            &["C5", "Acme GmbH Berlin", "DE", "bert"],
        ],
    );
    let erp = dataset(
        "erp.csv",
        &["id", "name", "country"],
        &[
            &["1001", "ACME GmbH", "Germany"],
            &["1002", "Bolt", "France"],
            &["1003", "Crane", "Germany"],
            &["1004", "Delta", "Austria"],
        ],
    );
    let suggestions = SuggestionSet {
        pairs: vec![
            pair(0, 0, 0.9),
            pair(1, 1, 0.8),
            pair(2, 2, 0.7),
            pair(3, 3, 0.6),
        ],
        duplicates: vec![DuplicateCluster {
            side: Side::Crm,
            rows: vec![0, 4],
            probability: 0.9,
            reason: "same name".into(),
        }],
        ..Default::default()
    };
    let setup = NewProject {
        crm,
        erp,
        crm_mapping: vec![],
        erp_mapping: vec![],
        policy: "both".parse().unwrap(),
        by: "fiona".into(),
    };
    let location = location_in(dir, "assign.ledgerlink");
    let project = Project::create_with_suggestions(&location, setup, &suggestions).unwrap();
    (location, project)
}

fn pair_subject(crm: &str, erp: &str) -> Subject {
    Subject::Pair {
        crm: crm.into(),
        erp: erp.into(),
    }
}

crate::on_both_stores! {
fn by_owner_each_account_goes_to_its_owner_and_the_rest_stays_open_to_all() {
    let dir = tempfile::tempdir().unwrap();
    let (location, mut project) = project(dir.path());
    let report = project.assign(&AssignRule::Owner { column: None }, "fiona").unwrap();
    assert_eq!(report.assigned["anna"], (2, 1), "C1, C3 and the cluster led by C1");
    assert_eq!(report.assigned["bert"], (1, 0));
    assert_eq!(report.left, 1, "C4 has no owner");
    let assignments = project.assignments();
    assert_eq!(assignments.pair_reviewer("C2", "1002"), Some("bert"));
    assert_eq!(assignments.pair_reviewer("C4", "1004"), None);
    // Bert's queue starts with his share, then the unassigned, then the others'.
    let queue: Vec<&str> = project.open_queue_for("bert").iter().map(|item| item.crm.as_str()).collect();
    assert_eq!(queue, ["C2", "C4", "C1", "C3"]);
    // Another program sees the assignment, and the log says who assigned what.
    let other = Project::open(&location).unwrap();
    assert_eq!(other.assignments().pair_reviewer("C1", "1001"), Some("anna"));
    let audit = other.audit_log().unwrap();
    let last = audit.last().unwrap();
    assert_eq!((last.action.as_str(), last.by.as_str()), ("assign", "fiona"));
    assert!(last.note.as_deref().unwrap().contains("2 pairs and 1 clusters to anna"), "{last:?}");
}

fn by_country_and_by_hand_and_progress_per_reviewer() {
    let dir = tempfile::tempdir().unwrap();
    let (location, mut project) = project(dir.path());
    let table = vec![("DE".to_string(), "anna".to_string()), ("*".to_string(), "carl".to_string())];
    let report = project.assign(&AssignRule::Country(table), "fiona").unwrap();
    assert_eq!(report.assigned["anna"], (2, 1));
    assert_eq!(report.assigned["carl"], (2, 0));
    // By hand: Delta to dora.
    let hand = AssignRule::Hand { subjects: vec![pair_subject("C4", "1004")], reviewer: "dora".into() };
    project.assign(&hand, "fiona").unwrap();
    let mut other = Project::open(&location).unwrap();
    other
        .decide(&Decision::Accept { crm: "C1".into(), erp: "1001".into() }, "anna", None)
        .unwrap();
    other
        .decide(
            &Decision::Duplicate { master: "crm:C1".parse().unwrap(), duplicate: "crm:C5".parse().unwrap() },
            "anna",
            None,
        )
        .unwrap();
    project.refresh().unwrap();
    let progress = project.progress();
    let anna = progress.iter().find(|row| row.reviewer == "anna").unwrap();
    assert_eq!((anna.pairs, anna.pairs_open, anna.clusters, anna.clusters_open), (2, 1, 1, 0));
    assert_eq!(anna.decisions, 2);
    let carl = progress.iter().find(|row| row.reviewer == "carl").unwrap();
    assert_eq!((carl.pairs, carl.pairs_open), (1, 1), "C4 went to dora by hand");
    let dora = progress.iter().find(|row| row.reviewer == "dora").unwrap();
    assert_eq!((dora.pairs, dora.pairs_open, dora.decisions), (1, 1, 0));
}
}
