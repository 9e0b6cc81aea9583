//! Resolving the rest on a small project: mark a duplicate cluster with its master, and set
//! creation actions one by one and for a filtered selection; checked in the project file.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use egui::accesskit::Role as A11y;
use egui_kittest::kittest::{NodeT, Queryable};
use ledgerlink::core::model::Side;
use ledgerlink::core::project::{DecisionKind, Project};

/// Select everything in the field and type over it.
fn replace_text(
    harness: &mut egui_kittest::Harness<'static, ledgerlink::app::App>,
    label: &str,
    text: &str,
) {
    harness
        .get_by_role_and_label(A11y::TextInput, label)
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    if !text.is_empty() {
        harness
            .get_by_role_and_label(A11y::TextInput, label)
            .type_text(text);
        harness.run();
    }
}

#[test]
fn a_duplicate_cluster_is_marked_with_the_chosen_master_and_undone() {
    let (_dir, file, mut harness) = common::review_harness();
    harness.get_by_label("Duplicates").click();
    harness.run();
    harness.get_by_label("Same VAT number and name; city spelled differently.");
    harness.get_by_label("Keep A-5").click();
    harness.run();
    harness.get_by_label("Mark duplicates of A-5").click();
    harness.run();
    let project = Project::open(&file).unwrap();
    let marks = project.duplicate_marks();
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].first.key, "A-5", "the master comes first");
    assert_eq!(marks[0].second.as_ref().unwrap().key, "A-1");
    assert!(project.are_duplicates(Side::Crm, "A-1", "A-5"));
    drop(project);
    harness.get_by_label("score 0.970, marked duplicates");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(Project::open(&file).unwrap().duplicate_marks().is_empty());
    harness.get_by_label("score 0.970, open");
    // Or the records are different customers.
    harness.get_by_label("Not duplicates (A-1 cluster)").click();
    harness.run();
    let project = Project::open(&file).unwrap();
    assert_eq!(project.not_duplicate_marks().len(), 1);
    assert!(!project.are_duplicates(Side::Crm, "A-1", "A-5"));
    harness.get_by_label("score 0.970, marked not duplicates");
}

#[test]
fn creation_actions_are_set_one_by_one_and_for_a_filtered_selection() {
    let (_dir, file, mut harness) = common::review_harness();
    harness.get_by_label("Unmatched").click();
    harness.run();
    harness.get_by_label_contains("Creation policy:");
    // Every CRM record is unlinked, but three still have an open suggestion: they wait, so
    // that nobody creates in the ERP a customer that is probably there already, and the
    // screen counts exactly what the creation file will hold.
    harness.get_by_label(
        "create_in_erp.csv will hold 1 record; 4 records wait for a decision and are in no \
         creation file.",
    );
    harness.get_by_label("Waiting for a decision").click();
    harness.run();
    harness.get_by_label("4 records");
    harness.get_by_label_contains("waiting: probably a duplicate of CRM A-1");
    assert!(
        harness
            .query_all_by_label_contains("waiting: may be ERP")
            .count()
            >= 1
    );
    harness.get_by_label("All unlinked").click();
    harness.run();
    // City, account type and owner (an unmapped "Owner" column) are shown with each record.
    harness.get_by_label("Łódź");
    harness.get_by_label("Ken");
    assert_eq!(harness.get_all_by_label("Anna").count(), 2);
    replace_text(&mut harness, "Filter records", "tokyo");
    harness.get_by_label("0 records");
    replace_text(&mut harness, "Filter records", "東京");
    harness.get_by_label("1 record");
    harness.get_by_label("Create in ERP (by default)");
    harness.get_by_label("Ignore").click();
    harness.run();
    let project = Project::open(&file).unwrap();
    let decided: Vec<(String, DecisionKind)> = project
        .decisions()
        .into_iter()
        .map(|entry| (entry.first.key.clone(), entry.kind))
        .collect();
    assert_eq!(decided.len(), 1);
    assert_eq!(decided[0].0, "A-4");
    assert_eq!(decided[0].1.as_str(), "ignore");
    drop(project);

    // A bulk creation over every unlinked record asks first, names how many wait, and leaves
    // those out.
    replace_text(&mut harness, "Filter records", "");
    harness
        .get_by_label("Create in ERP for all 1 shown")
        .click();
    harness.run();
    harness.get_by_label_contains("4 records of those shown wait for a decision");
    harness.get_by_label("Confirm").click();
    harness.run();
    let status = Project::open(&file).unwrap().status();
    assert_eq!(
        status.actions.create_in_erp, 1,
        "waiting records are left out"
    );
    assert_eq!(status.actions.ignore, 0, "A-4 is now to be created");
    harness.get_by_label("Actions: 1");
    // Every unlinked ERP customer has a candidate in the CRM: none can be created in bulk.
    harness.get_by_label("ERP records").click();
    harness.run();
    assert!(
        harness
            .get_by_label("Create in CRM for all 0 shown")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn the_export_is_written_and_listed_with_its_counts() {
    let (dir, _file, mut harness) = common::review_harness();
    harness.key_press(egui::Key::Y);
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    let out = dir.path().join("out");
    replace_text(&mut harness, "Export folder", &out.display().to_string());
    harness.get_by_label("Write export").click();
    harness.step();
    // Written on a background thread: the window keeps drawing meanwhile.
    common::finish_work(&mut harness);
    assert!(!harness.state().is_busy());
    harness.get_by_label_contains("Export written: ");
    let links = std::fs::read_to_string(out.join("links.csv")).unwrap();
    // The CSV starts with a byte-order mark so that Excel reads it as UTF-8.
    let links = links.trim_start_matches('\u{feff}');
    assert!(
        links.starts_with("crm_id,erp_id,crm_name,erp_name,score"),
        "{links}"
    );
    assert!(links.contains("A-3,10003"), "{links}");
    assert!(harness.get_all_by_label("links.csv").count() >= 1);
    assert!(harness.get_all_by_label("1 row").count() >= 1);
    assert!(out.join("reconciliation.xlsx").exists());
}

/// A large list has many clusters: they come fifty to a page, so the screen stays quick.
#[test]
fn many_duplicate_clusters_are_shown_a_page_at_a_time() {
    use ledgerlink::app::action::Action;
    use ledgerlink::core::matching::DuplicateCluster;
    use ledgerlink::core::model::Role;
    use ledgerlink::core::project::{NewProject, Policy, SuggestionSet};

    let dir = tempfile::tempdir().unwrap();
    let ids: Vec<String> = (0..120).map(|i| format!("D-{i}")).collect();
    let names: Vec<String> = (0..120).map(|i| format!("Firm {} GmbH", i / 2)).collect();
    let rows: Vec<Vec<&str>> = ids
        .iter()
        .zip(&names)
        .map(|(id, name)| vec![id.as_str(), name.as_str()])
        .collect();
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    let columns = [("Id", Some(Role::Id)), ("Name", Some(Role::Name))];
    let suggestions = SuggestionSet {
        duplicates: (0..60)
            .map(|k| DuplicateCluster {
                side: Side::Crm,
                rows: vec![2 * k, 2 * k + 1],
                probability: 0.9,
                reason: format!("same name (cluster {k})"),
            })
            .collect(),
        ..Default::default()
    };
    let setup = NewProject {
        crm: common::list(&columns, &rows),
        erp: common::list(&columns, &[&["E-1", "Other AG"]]),
        crm_mapping: Vec::new(),
        erp_mapping: Vec::new(),
        policy: Policy::default(),
        by: "test".to_string(),
    };
    let file = dir.path().join("many.ledgerlink");
    Project::create_with_suggestions(&file, setup, &suggestions).unwrap();
    let mut harness = common::harness();
    harness.state_mut().set_reviewer_for_tests("Anna Schmidt");
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Action::OpenProject(file.into()));
    common::finish_work(&mut harness);
    harness.get_by_label("Duplicates").click();
    harness.run();
    harness.get_by_label("Clusters 1–50 of 60");
    harness.get_by_label("same name (cluster 0)");
    assert!(harness.query_by_label("same name (cluster 55)").is_none());
    harness.get_by_label("Next clusters").click();
    harness.run();
    harness.get_by_label("Clusters 51–60 of 60");
    harness.get_by_label("same name (cluster 55)");
    assert!(harness.query_by_label("same name (cluster 0)").is_none());
}

#[test]
fn a_probable_duplicate_of_a_linked_account_is_marked_from_unmatched_in_one_click() {
    let (_dir, file, mut harness) = common::review_harness();
    // The three pairs accepted: A-1 is linked to 10001; A-5 (same VAT, same firm) sits in
    // A-1's cluster.
    for _ in 0..3 {
        harness.key_press(egui::Key::Y);
        harness.run();
    }
    harness.get_by_label("Unmatched").click();
    harness.run();
    harness.get_by_label("Waiting for a decision").click();
    harness.run();
    harness.get_by_label_contains(
        "waiting: probably a duplicate of CRM A-1, which is linked to ERP 10001",
    );
    harness.get_by_label("Duplicate").click();
    harness.run();
    let project = Project::open(&file).unwrap();
    assert!(project.are_duplicates(Side::Crm, "A-1", "A-5"));
    assert_eq!(project.master_of(Side::Crm, "A-5"), Some("A-1"));
    drop(project);
    // The Duplicates screen proposes the linked record as master and says it is linked.
    harness.get_by_label("Duplicates").click();
    harness.run();
    harness.get_by_label("linked to ERP 10001");
    harness.get_by_label("score 0.970, marked duplicates");
}

#[test]
fn enter_confirms_the_reviewer_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = common::small_project(dir.path());
    let mut harness = common::harness();
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        ledgerlink::app::action::Action::OpenProject(file.clone().into()),
    );
    common::finish_work(&mut harness);
    harness.get_by_label("Who is reviewing?");
    common::type_into(&mut harness, "Reviewer name", "Sven Nyberg");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(
        harness.query_by_label("Who is reviewing?").is_none(),
        "Enter saves the name and closes the prompt"
    );
    harness.get_by_label_contains("Sven Nyberg");
    for _ in 0..3 {
        harness.run();
    }
    assert!(
        Project::open(&file).unwrap().decisions().is_empty(),
        "the Enter that saved the name decided nothing"
    );
}

#[test]
fn a_waiting_record_is_linked_or_told_apart_from_its_candidate_on_unmatched() {
    let (_dir, file, mut harness) = common::review_harness();
    harness.get_by_label("Unmatched").click();
    harness.run();
    harness.get_by_label("Waiting for a decision").click();
    harness.run();
    // A-2 (Société Générale) waits for its open pair with ERP 10002: told apart in one click,
    // it is created by default, and the screen says why.
    harness.get_by_label("Not 10002").click();
    harness.run();
    let project = Project::open(&file).unwrap();
    let rejected = project
        .pair_decision("A-2", "10002")
        .map(|entry| entry.kind);
    assert_eq!(rejected, Some(DecisionKind::Reject));
    drop(project);
    harness.get_by_label("To create").click();
    harness.run();
    harness.get_by_label_contains("Create in ERP (by default) (all candidates rejected)");
    // A-3 is linked to its candidate from the same screen.
    harness.get_by_label("Waiting for a decision").click();
    harness.run();
    harness.get_by_label("Not 10003");
    let links = harness.get_all_by_label("Link").count();
    assert!(links >= 1);
    harness.get_all_by_label("Link").next().unwrap().click();
    harness.run();
    assert_eq!(Project::open(&file).unwrap().links().len(), 1);
}

#[test]
fn unmatched_rows_are_decided_by_key() {
    let (_dir, file, mut harness) = common::review_harness();
    harness.get_by_label("Unmatched").click();
    harness.run();
    harness.get_by_label("All unlinked").click();
    harness.run();
    // J selects the first row; X tells it apart from its candidate, I ignores the next one.
    harness.key_press(egui::Key::J);
    harness.run();
    harness.key_press(egui::Key::X);
    harness.run();
    let project = Project::open(&file).unwrap();
    assert_eq!(
        project.status().rejected,
        1,
        "X rejected the candidate pair"
    );
    drop(project);
    harness.key_press(egui::Key::J);
    harness.run();
    harness.key_press(egui::Key::I);
    harness.run();
    let project = Project::open(&file).unwrap();
    assert_eq!(
        project.status().actions.ignore,
        1,
        "I ignored the selected record"
    );
}

#[test]
fn a_cluster_is_a_field_grid_and_is_marked_by_key() {
    let (_dir, file, mut harness) = common::review_harness();
    harness.get_by_label("Duplicates").click();
    harness.run();
    // One column per record, one row per field: side by side, the same VAT number.
    harness.get_by_label("Tax id");
    assert_eq!(harness.get_all_by_label("DE123456789").count(), 2);
    harness.get_by_label("Munich");
    // J selects the cluster, M marks it duplicates of its master (the most complete record).
    harness.key_press(egui::Key::J);
    harness.run();
    harness.get_by_label_contains("M marks them duplicates of the master");
    harness.key_press(egui::Key::M);
    harness.run();
    let project = Project::open(&file).unwrap();
    assert!(project.are_duplicates(Side::Crm, "A-1", "A-5"));
    drop(project);
    harness.get_by_label("score 0.970, marked duplicates");
}

#[test]
fn the_bulk_threshold_is_set_by_dragging_on_the_histogram() {
    let (_dir, _file, mut harness) = common::review_harness();
    harness.get_by_label("Bulk accept…").click();
    harness.run();
    harness.get_by_label("1 of 3 open pairs score 0.950 or more");
    let rect = harness
        .get_by_label("Score histogram of 3 open suggestions")
        .rect();
    // The bars start right of the count axis (34 points); drag from 0.6 to 0.9 of the scores.
    let at = |fraction: f32| {
        egui::pos2(
            rect.left() + 34.0 + fraction * (rect.width() - 34.0),
            rect.center().y,
        )
    };
    harness.hover_at(at(0.6));
    harness.drag_at(at(0.6));
    harness.run();
    harness.hover_at(at(0.9));
    harness.run();
    harness.drop_at(at(0.9));
    harness.run();
    harness.get_by_label("2 of 3 open pairs score 0.900 or more");
    harness.get_by_label("Log scale");
}

#[test]
fn a_manual_link_shows_both_records_field_by_field_before_linking() {
    let (_dir, _file, mut harness) = common::review_harness();
    harness.get_by_label("東京商事株式会社").click();
    harness.run();
    harness.get_by_label("Tokyo Shoji KK").click();
    harness.run();
    harness.get_by_label_contains("Matching did not suggest this pair");
    // The two records side by side: the cities as each list writes them.
    assert!(
        harness.get_all_by_label("東京").count() >= 2,
        "list and card"
    );
    assert!(
        harness.get_all_by_label("Tokyo").count() >= 2,
        "list and card"
    );
    harness.get_by_label("Link selected");
    // A pair matching did suggest shows its score and reason.
    harness.get_by_label("Société Générale SA").click();
    harness.run();
    harness.get_by_label("Societe Generale").click();
    harness.run();
    assert!(
        harness
            .get_all_by_label("Names agree; same city; VAT missing in the CRM.")
            .count()
            >= 1
    );
    assert!(
        harness
            .query_by_label_contains("Matching did not suggest")
            .is_none()
    );
}

#[test]
fn a_note_is_typed_with_any_letter_and_kept_with_the_decision() {
    let (_dir, file, mut harness) = common::review_harness();
    // "N", "Y" and "U" in the note are letters, not decisions.
    common::type_into(&mut harness, "Note", "Confirmed by Nina, sales North");
    assert!(Project::open(&file).unwrap().decisions().is_empty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    harness.run();
    let project = Project::open(&file).unwrap();
    let decisions = project.decisions();
    assert_eq!(decisions.len(), 1, "Ctrl+Enter accepts");
    assert_eq!(decisions[0].kind, DecisionKind::Accept);
    assert_eq!(
        decisions[0].note.as_deref(),
        Some("Confirmed by Nina, sales North")
    );
    let audit = project.audit_log().unwrap();
    assert_eq!(
        audit[0].note.as_deref(),
        Some("Confirmed by Nina, sales North")
    );
}

#[test]
fn a_done_queue_says_so_and_offers_the_next_steps() {
    let (_dir, _file, mut harness) = common::review_harness();
    // By account owner: Anna's, then Ewa's, then Luc's accounts.
    harness
        .get_by_role_and_label(A11y::ComboBox, "Queue order")
        .click();
    harness.run();
    harness.get_by_label("by account owner").click();
    harness.run();
    let state = harness.state();
    let queue: Vec<usize> = state.review_state().queue.clone();
    let workspace = state.workspace().unwrap();
    let owners: Vec<String> = queue
        .iter()
        .map(|&item| {
            let row = workspace.items[item].crm_row;
            workspace.crm().cells.cell(row, 5).to_string()
        })
        .collect();
    assert_eq!(owners, ["Anna", "Ewa", "Luc"]);
    for _ in 0..3 {
        harness.key_press(egui::Key::N);
        harness.run();
    }
    harness.get_by_label("Every suggested pair is decided");
    harness.get_by_label("Go to Unmatched").click();
    harness.run();
    harness.get_by_label("Waiting for a decision");
}

#[test]
fn a_notice_is_dismissed_or_cleared_by_the_next_step() {
    use ledgerlink::app::action::Action;
    let (_dir, _file, mut harness) = common::review_harness();
    let ctx = harness.ctx.clone();
    // A-4 linked to 10004; a second link of A-4 is refused and the notice says why.
    let refused_link = |harness: &mut egui_kittest::Harness<'static, ledgerlink::app::App>| {
        let ctx = harness.ctx.clone();
        harness.state_mut().apply(
            &ctx,
            Action::Link {
                crm_row: 3,
                erp_row: 1,
            },
        );
        harness.run();
    };
    harness.state_mut().apply(
        &ctx,
        Action::Link {
            crm_row: 3,
            erp_row: 3,
        },
    );
    harness.run();
    refused_link(&mut harness);
    assert!(
        !harness.state().notices().is_empty(),
        "the refusal is shown"
    );
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.state().notices().is_empty(), "dismissed");
    refused_link(&mut harness);
    assert!(!harness.state().notices().is_empty());
    harness.get_by_label("Unmatched").click();
    harness.run();
    assert!(
        harness.state().notices().is_empty(),
        "the next step clears it"
    );
}
