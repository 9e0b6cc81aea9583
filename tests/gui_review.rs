//! The review screen on a small hand-made workshop: the pair field by field, the queue,
//! the keyboard, search and filters, other candidates, the manual-link warning, bulk accept.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::accesskit::Role as A11y;
use egui_kittest::kittest::Queryable;
use ledgerlink::app::action::Screen;

#[test]
fn the_queue_starts_with_the_conflict_and_shows_it_field_by_field() {
    let harness = common::review_harness();
    assert_eq!(harness.state().screen(), Screen::Review);
    // A-3 has a competing candidate, so it needs a human first.
    assert_eq!(harness.state().review_state().current, Some(2));
    harness.get_by_label("Pair 1 of 3");
    harness.get_by_label("Same VAT number; names differ in legal form.");
    harness.get_by_label("Score 0.620");
    // The comparison: both names, both VAT numbers, and the unmapped CRM column.
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
}

#[test]
fn j_and_k_and_the_arrows_move_along_the_queue() {
    let mut harness = common::review_harness();
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
    let mut harness = common::review_harness();
    harness.get_by_label("Show A-3 / 10004").click();
    harness.run();
    assert_eq!(harness.state().review_state().current, Some(3));
    harness.get_by_label("Only the country agrees.");
}

#[test]
fn searching_a_list_ignores_case_and_accents_and_ctrl_f_focuses_it() {
    let mut harness = common::review_harness();
    harness.get_by_label("CRM: 4 of 4 records");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(A11y::TextInput, "Search CRM")
            .is_focused()
    );
    harness
        .get_by_role_and_label(A11y::TextInput, "Search CRM")
        .type_text("muller");
    harness.run();
    assert_eq!(harness.state().review_state().crm_view.rows, [0]);
    harness.get_by_label("CRM: 1 of 4 records");
    // Typing in the search box does not decide anything: J stays text.
    harness
        .get_by_role_and_label(A11y::TextInput, "Search CRM")
        .type_text("j");
    harness.run();
    assert!(harness.state().review_state().crm_view.rows.is_empty());
    harness.get_by_label("Pair 1 of 3");
}

#[test]
fn selecting_an_already_linked_record_warns_before_a_manual_link() {
    let mut workspace = common::small_workspace();
    workspace.items[0].state = ledgerlink::app::workspace::PairState::Accepted;
    let mut harness = common::harness();
    harness.state_mut().set_reviewer_for_tests("Anna");
    harness.state_mut().open_workspace(workspace);
    harness.run();
    harness.get_by_label("Müller GmbH").click();
    harness.run();
    harness.get_by_label("Societe Generale").click();
    harness.run();
    harness
        .get_by_label_contains("CRM A-1 Müller GmbH is already linked to ERP 10001 MUELLER GMBH");
    harness.get_by_label("Link anyway");
}

#[test]
fn bulk_accept_counts_the_pairs_at_or_above_the_threshold_and_asks_first() {
    let mut harness = common::review_harness();
    harness.get_by_label("Bulk accept…").click();
    harness.run();
    harness.get_by_label("1 of 3 open pairs score 0.950 or more");
    harness.get_by_label("Accept 1 pairs…").click();
    harness.run();
    harness.get_by_label("Confirm: accept 1 pairs");
    harness.get_by_label("Cancel bulk accept").click();
    harness.run();
    assert!(harness.query_by_label("Confirm: accept 1 pairs").is_none());
}
