//! The review screen on a small project opened from its file: the pair field by field, the
//! queue, the keyboard, search, other candidates, and every decision (accept by click and by
//! key, reject, undo, redo, link by hand, bulk accept) checked in the project file itself.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::path::Path;

use egui::accesskit::Role as A11y;
use egui_kittest::kittest::Queryable;
use ledgerlink::app::action::{Action, Screen};
use ledgerlink::core::project::{Decision, DecisionKind, Project};

/// The links in effect in the project file, as (CRM id, ERP id, kind, by).
fn links_in_file(file: &Path) -> Vec<(String, String, DecisionKind, String)> {
    let project = Project::open(file).unwrap();
    let mut links: Vec<_> = project
        .links()
        .into_iter()
        .map(|entry| {
            let (crm, erp) = entry.pair().unwrap();
            (
                crm.to_string(),
                erp.to_string(),
                entry.kind,
                entry.by.clone(),
            )
        })
        .collect();
    links.sort_by(|a, b| a.0.cmp(&b.0));
    links
}

#[test]
fn the_queue_starts_with_the_conflict_and_shows_it_field_by_field() {
    let (_dir, _file, harness) = common::review_harness();
    assert_eq!(harness.state().screen(), Screen::Review);
    // A-3 has a competing candidate, so it needs a human first.
    harness.get_by_label("Pair 1 of 3");
    harness.get_by_label("Same VAT number; names differ in legal form.");
    harness.get_by_label("Score 0.620");
    // In the list (a button) and in the comparison (a label).
    assert_eq!(
        harness.get_all_by_label("Łódź Trading Sp. z o.o.").count(),
        2
    );
    assert_eq!(harness.get_all_by_label("Lodz Trading").count(), 2);
    assert!(harness.get_all_by_label("PL5260001246").count() >= 2);
    harness.get_by_label("Ewa");
    harness.get_by_label("name: close (+6.5 bits)");
    harness.get_by_label("Show A-3 / 10004");
    harness.get_by_label("Reviewed 0 of 3");
}

#[test]
fn j_and_k_and_the_arrows_move_along_the_queue() {
    let (_dir, _file, mut harness) = common::review_harness();
    harness.key_press(egui::Key::J);
    harness.run();
    harness.get_by_label("Pair 2 of 3");
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.get_by_label("Pair 3 of 3");
    harness.key_press(egui::Key::K);
    harness.run();
    harness.get_by_label("Pair 2 of 3");
    harness.get_by_label("Previous").click();
    harness.run();
    harness.get_by_label("Pair 1 of 3");
}

#[test]
fn another_candidate_can_be_shown() {
    let (_dir, _file, mut harness) = common::review_harness();
    harness.get_by_label("Show A-3 / 10004").click();
    harness.run();
    harness.get_by_label("Only the country agrees.");
    assert_eq!(harness.get_all_by_label("Tokyo Shoji KK").count(), 2);
}

#[test]
fn searching_a_list_ignores_case_and_accents_and_ctrl_f_focuses_it() {
    let (_dir, _file, mut harness) = common::review_harness();
    harness.get_by_label("CRM: 5 of 5 records");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    let search = || (A11y::TextInput, "Search CRM");
    assert!(
        harness
            .get_by_role_and_label(search().0, search().1)
            .is_focused()
    );
    harness
        .get_by_role_and_label(search().0, search().1)
        .type_text("muller");
    harness.run();
    harness.get_by_label("CRM: 1 of 5 records");
    // Typing in the search box decides nothing: J and Y stay text.
    harness
        .get_by_role_and_label(search().0, search().1)
        .type_text("jy");
    harness.run();
    harness.get_by_label("CRM: 0 of 5 records");
    harness.get_by_label("Pair 1 of 3");
    harness.get_by_label("Reviewed 0 of 3");
}

#[test]
fn accept_by_click_and_by_key_reject_undo_and_redo_reach_the_project_file() {
    let (_dir, file, mut harness) = common::review_harness();
    // Click: accept A-3 / 10003; the queue moves on to the next open pair.
    harness.get_by_label("Accept").click();
    harness.run();
    harness.get_by_label("Reviewed 1 of 3");
    harness.get_by_label_contains("Saved: accept at");
    assert_eq!(
        links_in_file(&file),
        [(
            "A-3".to_string(),
            "10003".to_string(),
            DecisionKind::Accept,
            "Anna Schmidt".to_string()
        )]
    );
    // Keyboard: Y accepts the next one, N rejects the last.
    harness.key_press(egui::Key::Y);
    harness.run();
    harness.key_press(egui::Key::N);
    harness.run();
    harness.get_by_label("Reviewed 3 of 3");
    let project = Project::open(&file).unwrap();
    assert_eq!(project.links().len(), 2);
    assert_eq!(project.status().rejected, 1);
    drop(project);
    // Undo takes back the rejection, redo puts it back (Ctrl+Shift+Z and Ctrl+Y).
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(Project::open(&file).unwrap().status().rejected, 0);
    harness.get_by_label("Redo available");
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run();
    assert_eq!(Project::open(&file).unwrap().status().rejected, 1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(Project::open(&file).unwrap().status().rejected, 1);
}

#[test]
fn two_records_are_linked_by_hand_and_a_second_link_is_warned_about() {
    let (_dir, file, mut harness) = common::review_harness();
    harness.get_by_label("東京商事株式会社").click();
    harness.run();
    harness.get_by_label("Tokyo Shoji KK").click();
    harness.run();
    harness.get_by_label("Link selected").click();
    harness.run();
    let links = links_in_file(&file);
    assert_eq!(links.len(), 1);
    assert_eq!((links[0].0.as_str(), links[0].1.as_str()), ("A-4", "10004"));
    assert_eq!(links[0].2, DecisionKind::Link);

    // A-4 is now taken: selecting it with another ERP customer names the existing link.
    harness.get_by_label("東京商事株式会社").click();
    harness.run();
    harness.get_by_label("Societe Generale").click();
    harness.run();
    harness.get_by_label_contains(
        "CRM A-4 東京商事株式会社 is already linked to ERP 10004 Tokyo Shoji KK",
    );
    harness.get_by_label("Link anyway");
}

#[test]
fn bulk_accept_above_a_threshold_is_confirmed_and_undone_in_one_step() {
    let (_dir, file, mut harness) = common::review_harness();
    harness.get_by_label("Bulk accept…").click();
    harness.run();
    harness.get_by_label("1 of 3 open pairs score 0.950 or more");
    harness
        .get_by_role_and_label(A11y::Slider, "Threshold")
        .set_value_accesskit(0.9);
    harness.run();
    harness.get_by_label("2 of 3 open pairs score 0.900 or more");
    harness.get_by_label("Accept 2 pairs…").click();
    harness.run();
    harness.get_by_label("Confirm: accept 2 pairs").click();
    harness.run();
    let links = links_in_file(&file);
    let ids: Vec<(&str, &str)> = links
        .iter()
        .map(|link| (link.0.as_str(), link.1.as_str()))
        .collect();
    assert_eq!(ids, [("A-1", "10001"), ("A-2", "10002")]);
    harness.get_by_label("Reviewed 2 of 3");
    // One transaction, so no note marks a batch.
    let project = Project::open(&file).unwrap();
    assert!(
        project.links().iter().all(
            |link| link.note.as_deref() == Some("bulk accept of 2 pairs scoring 0.900 or more")
        )
    );
    drop(project);
    // One undo takes the whole batch back, one redo puts it back.
    harness.get_by_label("Undo available");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(links_in_file(&file).is_empty());
    harness.get_by_label("Reviewed 0 of 3");
    harness.get_by_label_contains("Saved: 2 decisions undone (one batch), the first accept CRM");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(links_in_file(&file).len(), 2);
    harness.get_by_label("Reviewed 2 of 3");
}

#[test]
fn u_marks_a_pair_unsure_and_it_is_still_marked_after_reopening() {
    let (_dir, file, mut harness) = common::review_harness();
    // The first pair of the queue is A-3 / 10003 (it has a competing candidate).
    harness.get_by_label("Pair 1 of 3");
    harness.key_press(egui::Key::U);
    harness.run();
    harness.get_by_label("Unsure: 1");
    harness.get_by_label("Reviewed 0 of 3");
    harness.get_by_label("Pair 2 of 3");
    drop(harness);

    // Another day: the project opened again by the same reviewer (undo is per reviewer).
    let mut harness = common::harness();
    harness.state_mut().set_reviewer_for_tests("Anna Schmidt");
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        ledgerlink::app::action::Action::OpenProject(file.clone().into()),
    );
    common::finish_work(&mut harness);
    harness.get_by_label("Unsure: 1");
    harness.get_by_label("(3 open, 1 unsure)");
    // The unsure pair comes last, after the other open pairs.
    harness.get_by_label("Pair 2 of 3");
    harness.get_by_label("Previous").click();
    harness.run();
    harness.get_by_label("Pair 1 of 3");
    harness.get_by_label_contains("suggested pair, open, marked unsure");
    // The list filter "unsure" shows its CRM record.
    harness.get_by_label("CRM filter").click();
    harness.run();
    harness
        .get_by_role_and_label(A11y::Button, "unsure")
        .click();
    harness.run();
    harness.get_by_label("CRM: 1 of 5 records");
    // Undo takes the flag back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.get_by_label("Unsure: 0");
    harness.get_by_label("CRM: 0 of 5 records");
    assert!(!Project::open(&file).unwrap().is_unsure("A-3", "10003"));
}

#[test]
fn after_any_decisions_the_window_shows_what_a_fresh_open_shows() {
    use ledgerlink::app::action::{Action, Command};
    use ledgerlink::app::workspace::Workspace;
    use ledgerlink::core::model::Side;
    use ledgerlink::core::project::CreationAction;

    let (_dir, file, mut harness) = common::review_harness();
    let ctx = harness.ctx.clone();
    let steps = [
        Action::Command(Command::UnsureCurrent),
        Action::Command(Command::AcceptCurrent),
        Action::Link {
            crm_row: 3,
            erp_row: 3,
        },
        Action::Command(Command::RejectCurrent),
        Action::Command(Command::Undo),
        Action::SetCreation {
            side: Side::Crm,
            rows: vec![4],
            creation: CreationAction::Ignore,
        },
        Action::Reject {
            crm_row: 0,
            erp_row: 0,
        },
        Action::Command(Command::Undo),
        Action::Command(Command::Undo),
        Action::Command(Command::Redo),
        Action::BulkAccept { threshold: 0.5 },
        Action::Command(Command::Undo),
    ];
    for step in steps {
        harness.state_mut().apply(&ctx, step.clone());
        harness.run();
        let shown = harness.state().workspace().unwrap();
        let fresh = Workspace::open(&file.clone().into()).unwrap();
        assert_eq!(shown.items, fresh.items, "after {step:?}");
        assert_eq!(shown.crm_flags, fresh.crm_flags, "after {step:?}");
        assert_eq!(shown.erp_flags, fresh.erp_flags, "after {step:?}");
        assert_eq!(shown.counts, fresh.counts, "after {step:?}");
    }
}

#[test]
fn decisions_another_program_takes_appear_in_the_window() {
    let (_dir, file, mut harness) = common::review_harness();
    harness.get_by_label("Reviewed 0 of 3");
    // The command line (another program) accepts a pair while the window is open.
    let mut other = Project::open(&file).unwrap();
    let accept = ledgerlink::core::project::Decision::Accept {
        crm: "A-2".into(),
        erp: "10002".into(),
    };
    other.decide(&accept, "bert", None).unwrap();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .catch_up_every(&ctx, std::time::Duration::ZERO);
    harness.run();
    harness.get_by_label("Reviewed 1 of 3");
    harness.get_by_label("Links: 1");
}

/// Until the reviewer has given a name, keys typed while the prompt shows (a name has N, S, Y
/// in it) decide nothing; once the name is saved, Y accepts as usual.
#[test]
fn keys_pressed_while_the_reviewer_is_asked_for_decide_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = common::small_project(dir.path());
    let mut harness = common::harness();
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Action::OpenProject(file.clone().into()));
    common::finish_work(&mut harness);
    harness.get_by_label("Who is reviewing?");
    for key in [egui::Key::N, egui::Key::Y, egui::Key::S, egui::Key::Enter] {
        harness.key_press(key);
        harness.run();
    }
    assert!(
        Project::open(&file).unwrap().decisions().is_empty(),
        "a key pressed under the prompt took a decision"
    );
    common::type_into(&mut harness, "Reviewer name", "Sven Nyberg");
    harness.get_by_label("Save name").click();
    harness.run();
    harness.key_press(egui::Key::Y);
    harness.run();
    let decisions = Project::open(&file).unwrap().decisions().len();
    assert_eq!(decisions, 1, "Y accepts once the reviewer is known");
}

#[test]
fn ctrl_z_takes_back_the_reviewers_whole_bulk_accept_and_leaves_another_reviewers_decision() {
    let (_dir, file, mut harness) = common::review_harness();
    // Anna rejects the first pair of the queue (A-3 / 10003), then bulk accepts the other two.
    harness.key_press(egui::Key::N);
    harness.run();
    harness.get_by_label("Bulk accept…").click();
    harness.run();
    harness
        .get_by_role_and_label(A11y::Slider, "Threshold")
        .set_value_accesskit(0.9);
    harness.run();
    harness.get_by_label("Accept 2 pairs…").click();
    harness.run();
    harness.get_by_label("Confirm: accept 2 pairs").click();
    harness.run();
    assert_eq!(links_in_file(&file).len(), 2);
    // Meanwhile bert, on another laptop, links A-4 by hand.
    let link = Decision::Link {
        crm: "A-4".into(),
        erp: "10004".into(),
    };
    Project::open(&file)
        .unwrap()
        .decide(&link, "bert", None)
        .unwrap();
    // Ctrl+Z takes back anna's bulk accept as one; bert's later link stays.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.get_by_label_contains("Saved: 2 decisions undone (one batch), the first accept CRM");
    let bert = (
        "A-4".to_string(),
        "10004".to_string(),
        DecisionKind::Link,
        "bert".to_string(),
    );
    assert_eq!(links_in_file(&file), std::slice::from_ref(&bert));
    // The next Ctrl+Z takes back her rejection, a batch of its own; then she has none left.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    // The status bar names the decision taken back, and the window shows its pair.
    harness.get_by_label_contains("Saved: undone: reject CRM");
    let state = harness.state();
    let workspace = state.workspace().unwrap();
    let shown = state
        .review_state()
        .current
        .map(|item| &workspace.items[item]);
    let shown = shown.map(|item| (item.crm_row, item.erp_row));
    let rejected = Project::open(&file)
        .unwrap()
        .next_redo("Anna Schmidt")
        .cloned();
    let rejected = rejected.and_then(|entry| {
        let (crm, erp) = entry.pair()?;
        let project = workspace.project();
        Some((
            project
                .list(ledgerlink::core::model::Side::Crm)
                .row_of(crm)?,
            project
                .list(ledgerlink::core::model::Side::Erp)
                .row_of(erp)?,
        ))
    });
    assert!(rejected.is_some());
    assert_eq!(shown, rejected, "undo shows the pair it took back");
    assert_eq!(Project::open(&file).unwrap().status().rejected, 0);
    harness.get_by_label("Nothing to undo");
    // Ctrl+Y puts back her earliest undone batch: the rejection alone.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(Project::open(&file).unwrap().status().rejected, 1);
    assert_eq!(links_in_file(&file), [bert]);
    harness.get_by_label("Undo available");
}

/// Every key press is one decision, even when a slow frame receives several: five U presses
/// in one frame are five `unsure` entries in the log (egui's `consume_shortcut` made them one).
/// The workshop has three pairs, so the last two presses flag pairs already flagged.
#[test]
fn five_presses_of_u_in_one_frame_are_five_decisions() {
    let (_dir, file, mut harness) = common::review_harness();
    let press = |pressed| egui::Event::Key {
        key: egui::Key::U,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    for _ in 0..5 {
        harness
            .input_mut()
            .events
            .extend([press(true), press(false)]);
    }
    harness.run();
    let logged: i64 = rusqlite::Connection::open(&file)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM log WHERE action = 'unsure'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(logged, 5, "one decision per press");
    harness.get_by_label("Unsure: 3");
}
