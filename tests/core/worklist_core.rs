//! The worklist rule through the project API: which unlinked record gets a creation default and
//! which waits, for rejected pairs, account types, policies, duplicate clusters and marks; and
//! the creation files agree with it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ledgerlink::core::export::actions::{create_in_crm, create_in_erp};
use ledgerlink::core::import::import_bytes;
use ledgerlink::core::matching::{Band, DuplicateCluster, PairSuggestion};
use ledgerlink::core::model::Side;
use ledgerlink::core::project::{
    ActionState, CreationAction, Decision, Hold, NewProject, Project, RecordRef, SuggestionSet,
};

const CRM: &str = "Id;Name;Type;City;Phone;Email\n\
C1;Alpha GmbH;Customer;Köln;0221 1;info@alpha.de\n\
C2;Alpha;Customer;Köln;;\n\
C3;Beta AG;Customer;Bonn;0228 3;\n\
C4;Gamma KG;Lead;Essen;;\n\
C5;Delta SE;Customer;Kiel;;\n";

const ERP: &str = "Nr;Name;Ort\nE1;ALPHA GMBH;Koeln\nE2;Beta AG;Bonn\nE3;Epsilon GmbH;Ulm\n";

fn pair(crm_row: usize, erp_row: usize, probability: f64) -> PairSuggestion {
    PairSuggestion {
        crm_row,
        erp_row,
        probability,
        band: Band::Review,
        contributions: Vec::new(),
        reason: "names agree".into(),
    }
}

/// C1-E1 and C3-E2 suggested; C2 a losing candidate of E1; C1 and C2 a CRM cluster.
fn project(dir: &std::path::Path, policy: &str) -> Project {
    let crm = import_bytes("crm.csv", CRM.as_bytes(), None, &[]).unwrap();
    let erp = import_bytes("erp.csv", ERP.as_bytes(), None, &[]).unwrap();
    let suggestions = SuggestionSet {
        pairs: vec![pair(0, 0, 0.99), pair(2, 1, 0.7)],
        alternatives: vec![pair(1, 0, 0.4)],
        duplicates: vec![DuplicateCluster {
            side: Side::Crm,
            rows: vec![1, 0],
            probability: 0.9,
            reason: "same name".into(),
        }],
        xref_checks: Vec::new(),
    };
    let setup = NewProject {
        crm,
        erp,
        crm_mapping: Vec::new(),
        erp_mapping: Vec::new(),
        policy: policy.parse().unwrap(),
        by: "anna".into(),
    };
    Project::create_with_suggestions(dir.join("p.ledgerlink"), setup, &suggestions).unwrap()
}

fn state_of<'a>(project: &'a Project, side: Side, key: &str) -> ActionState<'a> {
    let worklist = project.worklist();
    let row = project.list(side).row_of(key).unwrap();
    worklist.record(side, row).expect("unlinked").state
}

fn accept(project: &mut Project, crm: &str, erp: &str) {
    let decision = Decision::Accept {
        crm: crm.into(),
        erp: erp.into(),
    };
    project.decide(&decision, "anna", None).unwrap();
}

/// The ids in the first column that holds them, of a creation table.
fn created(table: &ledgerlink::core::export::Table) -> Vec<String> {
    table
        .rows
        .iter()
        .flat_map(|row| row.iter().map(|cell| cell.to_text().into_owned()))
        .filter(|text| text.starts_with('C') || text.starts_with('E'))
        .filter(|text| text.len() == 2)
        .collect()
}

crate::on_both_stores! {
fn records_with_open_pairs_wait_and_the_rest_get_their_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let project = project(dir.path(), "both");
    assert!(matches!(
        state_of(&project, Side::Crm, "C1"),
        ActionState::Held(Hold::OpenPair { other: "E1", .. })
    ));
    assert!(matches!(
        state_of(&project, Side::Erp, "E1"),
        ActionState::Held(Hold::OpenPair { .. })
    ));
    // A customer nothing points at is created; a lead is not; an ERP-only customer is.
    assert_eq!(
        state_of(&project, Side::Crm, "C5"),
        ActionState::Default(CreationAction::CreateInErp)
    );
    assert_eq!(state_of(&project, Side::Crm, "C4"), ActionState::Undecided);
    assert_eq!(created(&create_in_erp(&project).table), ["C5"]);
    assert_eq!(created(&create_in_crm(&project).table), ["E3"]);
}

fn the_second_account_of_a_linked_firm_waits_and_names_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = project(dir.path(), "both");
    accept(&mut project, "C1", "E1");
    let state = state_of(&project, Side::Crm, "C2");
    let ActionState::Held(hold) = state else {
        panic!("C2 must wait: {state:?}");
    };
    assert_eq!(hold.probable_master(), Some("C1"));
    assert!(
        hold.describe(Side::Crm)
            .contains("second account of CRM C1, which is linked to ERP E1"),
        "{}",
        hold.describe(Side::Crm)
    );
    assert!(!created(&create_in_erp(&project).table).contains(&"C2".to_string()));
    // Marked a duplicate, it follows its master even if someone decided to create it.
    project
        .decide(
            &Decision::create(RecordRef::new(Side::Crm, "C2")),
            "bert",
            None,
        )
        .unwrap();
    let duplicate = Decision::Duplicate {
        master: RecordRef::new(Side::Crm, "C1"),
        duplicate: RecordRef::new(Side::Crm, "C2"),
    };
    project.decide(&duplicate, "bert", None).unwrap();
    assert!(matches!(
        state_of(&project, Side::Crm, "C2"),
        ActionState::Held(Hold::MarkedDuplicate { master: "C1" })
    ));
    assert!(!created(&create_in_erp(&project).table).contains(&"C2".to_string()));
}

fn a_record_whose_every_candidate_was_rejected_gets_its_default_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = project(dir.path(), "both");
    let reject = Decision::Reject {
        crm: "C3".into(),
        erp: "E2".into(),
    };
    project.decide(&reject, "anna", None).unwrap();
    let worklist = project.worklist();
    let row = project.list(Side::Crm).row_of("C3").unwrap();
    let record = worklist.record(Side::Crm, row).unwrap();
    assert_eq!(
        record.state,
        ActionState::Default(CreationAction::CreateInErp)
    );
    assert!(record.all_rejected);
    assert!(created(&create_in_erp(&project).table).contains(&"C3".to_string()));
    assert!(created(&create_in_crm(&project).table).contains(&"E2".to_string()));
}

fn in_an_undecided_cluster_only_the_master_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = project(dir.path(), "both");
    // Both pairs of C1 and C2 rejected: the cluster alone holds C2 (C1 is more complete).
    for (crm, erp) in [("C1", "E1"), ("C2", "E1")] {
        let reject = Decision::Reject {
            crm: crm.into(),
            erp: erp.into(),
        };
        project.decide(&reject, "anna", None).unwrap();
    }
    assert_eq!(project.cluster_master(Side::Crm, &["C2", "C1"]), Some("C1"));
    assert_eq!(
        state_of(&project, Side::Crm, "C1"),
        ActionState::Default(CreationAction::CreateInErp)
    );
    assert!(matches!(
        state_of(&project, Side::Crm, "C2"),
        ActionState::Held(Hold::InCluster {
            master: "C1",
            partner: None
        })
    ));
    // Not duplicates after all: both are created.
    let apart = Decision::NotDuplicate {
        first: RecordRef::new(Side::Crm, "C1"),
        second: RecordRef::new(Side::Crm, "C2"),
    };
    project.decide(&apart, "bert", None).unwrap();
    let created = created(&create_in_erp(&project).table);
    assert!(created.contains(&"C1".to_string()) && created.contains(&"C2".to_string()));
}

fn the_policy_still_decides_which_way_records_flow() {
    let dir = tempfile::tempdir().unwrap();
    let project = project(dir.path(), "none");
    // Keying worklist: the free customer is listed, the held ones are not.
    assert_eq!(
        state_of(&project, Side::Crm, "C5"),
        ActionState::NeedsErpAccount
    );
    assert_eq!(created(&create_in_erp(&project).table), ["C5"]);
    assert!(create_in_crm(&project).table.rows.is_empty());
    let status = project.status();
    assert_eq!(status.held.open_pair, 5, "{status:?}");
    assert!(
        status
            .pending_warning()
            .unwrap()
            .contains("2 pairs still open")
    );
}
}
