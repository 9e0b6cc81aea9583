//! Re-import of a newer export: unchanged decisions stay, changed records make their decisions
//! stale, disappeared records are reported with their decisions kept, new records get
//! suggestions, and rejected pairs are never suggested again.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::project_support;

use ledgerlink::core::matching::{Label, PairSuggestion};
use ledgerlink::core::model::{Dataset, Role, Side};
use ledgerlink::core::project::{Decision, Labels, Project, RecordRef, SuggestionSet};
use project_support::{dataset, new_project, pair};

/// Next month's ERP export: 1001 renamed, 1003 gone, 1005 new.
fn newer_erp() -> Dataset {
    dataset(
        "erp-june.csv",
        &["id", "name", "city"],
        &[
            &["1001", "ACME Holding GmbH", "Berlin"],
            &["1002", "Bolt Aktiengesellschaft", "Koeln"],
            &["1004", "Crane Limited", "London"],
            &["1005", "Delta Services SA", "Paris"],
        ],
    )
}

/// A stand-in for matching: pairs whose names start with the same word, except rejected ones.
fn first_word_matcher(crm: &Dataset, erp: &Dataset, labels: &Labels) -> SuggestionSet {
    let first_word = |list: &Dataset, row: usize| {
        let name = list.value(row, Role::Name).unwrap_or("").to_lowercase();
        name.split_whitespace().next().unwrap_or("").to_string()
    };
    let mut pairs: Vec<PairSuggestion> = Vec::new();
    for crm_row in 0..crm.len() {
        for erp_row in 0..erp.len() {
            let rejected = labels.pairs.iter().any(|label| {
                !label.is_match && label.crm_row == crm_row && label.erp_row == erp_row
            });
            if !rejected && first_word(crm, crm_row) == first_word(erp, erp_row) {
                pairs.push(pair(crm_row, erp_row, 0.95));
            }
        }
    }
    SuggestionSet {
        pairs,
        ..Default::default()
    }
}

fn decide(project: &mut Project, decision: Decision) {
    project.decide(&decision, "anna", None).unwrap();
}

crate::on_both_stores! {
fn reimport_keeps_decisions_marks_changed_ones_stale_and_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut project) = new_project(dir.path(), "both");
    let mut other_handle = Project::open(&file).unwrap();
    decide(
        &mut project,
        Decision::Accept {
            crm: "C1".into(),
            erp: "1001".into(),
        },
    );
    decide(
        &mut project,
        Decision::Accept {
            crm: "C4".into(),
            erp: "1004".into(),
        },
    );
    decide(
        &mut project,
        Decision::Reject {
            crm: "C3".into(),
            erp: "1002".into(),
        },
    );
    decide(
        &mut project,
        Decision::create(RecordRef::new(Side::Erp, "1003")),
    );

    let mut seen_labels = Vec::new();
    let report = project
        .reimport_with(Side::Erp, newer_erp(), None, "bert", |crm, erp, labels| {
            seen_labels = labels.pairs.clone();
            first_word_matcher(crm, erp, labels)
        })
        .unwrap();
    // The decisions reach matching as labels, by the rows of the new list.
    assert!(seen_labels.contains(&Label {
        crm_row: 0,
        erp_row: 0,
        is_match: true
    }));
    assert!(seen_labels.contains(&Label {
        crm_row: 3,
        erp_row: 2,
        is_match: true
    }));
    assert!(seen_labels.contains(&Label {
        crm_row: 2,
        erp_row: 1,
        is_match: false
    }));

    assert_eq!(report.unchanged, 2);
    assert_eq!(report.changed, ["1001"]);
    assert_eq!(report.added, ["1005"]);
    assert_eq!(report.disappeared, ["1003"]);
    assert_eq!(report.stale_decisions, 1);
    assert_eq!(report.missing_decisions, 1);
    assert_eq!(report.suggested_for_added, 1, "the new record C5-1005 pair");

    let stale = project.stale_decisions();
    assert_eq!(stale.len(), 2);
    let changed = stale
        .iter()
        .find(|s| !s.staleness.changed.is_empty())
        .unwrap();
    assert_eq!(changed.entry.pair(), Some(("C1", "1001")));
    assert_eq!(
        changed.staleness.changed,
        [RecordRef::new(Side::Erp, "1001")]
    );
    assert!(
        project.suggestions().find("C3", "1002").is_none(),
        "rejected pairs are never suggested again"
    );
    assert!(project.suggestions().find("C5", "1005").is_some());
    assert_eq!(
        project.partners(Side::Crm, "C4"),
        ["1004"],
        "an unchanged decision stays"
    );
    let missing = project.missing_records().unwrap();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].key, "1003");
    assert!(
        missing[0]
            .fields
            .contains(&("name".to_string(), "Echo BV".to_string()))
    );

    // Another program that had the project open catches up with the new list.
    other_handle.refresh().unwrap();
    assert_eq!(other_handle.dataset(Side::Erp), &newer_erp());
    assert_eq!(other_handle.status().stale, 1);

    // Confirming the stale decision clears it; all of it survives reopening.
    decide(
        &mut project,
        Decision::Accept {
            crm: "C1".into(),
            erp: "1001".into(),
        },
    );
    drop(project);
    let project = Project::open(&file).unwrap();
    let status = project.status();
    assert_eq!(
        (status.stale, status.missing, status.erp_records),
        (0, 1, 4)
    );
    assert_eq!(project.list(Side::Erp).generation, 2);
    assert_eq!(project.dataset(Side::Erp).report.file, "erp-june.csv");
    let audit = project.audit_log().unwrap();
    let reimport = audit.iter().find(|row| row.action == "reimport").unwrap();
    assert_eq!(reimport.by, "bert");
    assert!(
        reimport
            .note
            .as_deref()
            .unwrap()
            .contains("1 new, 1 disappeared"),
        "{reimport:?}"
    );
    // The decision on the record that disappeared stays in the log.
    assert!(
        audit
            .iter()
            .any(|row| row.action == "create_in_crm" && row.first.as_deref() == Some("erp:1003"))
    );
}

fn a_record_that_comes_back_is_no_longer_missing() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut project) = new_project(dir.path(), "both");
    project
        .reimport_with(Side::Erp, newer_erp(), None, "bert", first_word_matcher)
        .unwrap();
    assert_eq!(project.missing_records().unwrap().len(), 1);
    let report = project
        .reimport_with(
            Side::Erp,
            project_support::erp(),
            None,
            "bert",
            first_word_matcher,
        )
        .unwrap();
    assert_eq!(report.added, ["1003"]);
    assert_eq!(report.disappeared, ["1005"]);
    let missing = project.missing_records().unwrap();
    assert_eq!(
        missing.iter().map(|m| m.key.as_str()).collect::<Vec<_>>(),
        ["1005"]
    );
}
}
