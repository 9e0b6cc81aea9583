//! From two exports to decisions, as a person would: the demo CRM and ERP files typed on the
//! start screen, a column mapped by hand, "Match" on a background thread, a pair accepted by
//! key, and the project file checked; and the bundled demo, whose project each run replaces.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::path::Path;

use egui_kittest::kittest::Queryable;
use ledgerlink::app::AppOptions;
use ledgerlink::app::action::{Action, Screen};
use ledgerlink::core::model::{Role, Side};
use ledgerlink::core::project::Project;

fn demo_file(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/demo")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn two_exports_are_mapped_matched_and_decided() {
    let dir = tempfile::tempdir().unwrap();
    let project_file = dir.path().join("workshop.ledgerlink");
    let mut harness = common::harness();
    harness.state_mut().set_reviewer_for_tests("Anna Schmidt");
    harness.run();
    common::type_into(
        &mut harness,
        "CRM accounts file",
        &demo_file("crm_accounts.csv"),
    );
    common::type_into(
        &mut harness,
        "ERP customers file",
        &demo_file("erp_customers.xlsx"),
    );
    harness.get_by_label("Read lists").click();
    harness.step();
    common::finish_work(&mut harness);
    assert_eq!(
        harness.state().screen(),
        Screen::Import,
        "{:?}",
        harness.state().notices()
    );

    // Salesforce's "CreatedDate" gets no role (it is not a founding date): map it by hand.
    let crm = harness.state().import_state().draft(Side::Crm).unwrap();
    assert_eq!(crm.dataset.column_of(Role::Date), None);
    harness
        .get_by_label("crm role of CreatedDate")
        .scroll_to_me();
    harness.run();
    harness.get_by_label("crm role of CreatedDate").click();
    harness.run();
    harness.get_by_label("Date").click();
    harness.run();
    let crm = harness.state().import_state().draft(Side::Crm).unwrap();
    assert_eq!(crm.mapping_text(), ["date=15"]);

    // The project file: typed on the start screen, then back to the import screen.
    harness.get_by_label("Start").click();
    harness.run();
    let field = egui::accesskit::Role::TextInput;
    harness
        .get_by_role_and_label(field, "New project file")
        .focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by_role_and_label(field, "New project file")
        .type_text(&project_file.display().to_string());
    harness.run();
    harness.get_by_label("Import").click();
    harness.run();
    harness.get_by_label("Match").click();
    harness.step();
    common::finish_work(&mut harness);
    assert_eq!(
        harness.state().screen(),
        Screen::Review,
        "{:?}",
        harness.state().notices()
    );
    let workspace = harness.state().workspace().unwrap();
    assert!(
        workspace.items.len() > 100,
        "{} suggestions",
        workspace.items.len()
    );
    let mapped = workspace.crm();
    assert_eq!(mapped.column_of(Role::Date), Some(14));

    harness.key_press(egui::Key::Enter);
    harness.run();
    let project = Project::open(&project_file).unwrap();
    assert_eq!(project.links().len(), 1);
    assert_eq!(project.links()[0].by, "Anna Schmidt");
}

#[test]
fn the_demo_opens_on_the_review_screen_keeps_its_decisions_and_resets_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let demo_file = dir.path().join("data").join("demo.ledgerlink");
    let open_demo = |action: Action| {
        let mut harness = common::harness_with(AppOptions {
            demo_file: Some(demo_file.clone()),
            ..AppOptions::default()
        });
        harness.state_mut().set_reviewer_for_tests("Anna Schmidt");
        harness.run();
        let ctx = harness.ctx.clone();
        harness.state_mut().apply(&ctx, action);
        harness.step();
        common::finish_work(&mut harness);
        assert_eq!(
            harness.state().screen(),
            Screen::Review,
            "{:?}",
            harness.state().notices()
        );
        harness
    };
    let mut harness = open_demo(Action::OpenDemo);
    let counts = harness.state().workspace().unwrap().counts;
    assert!(
        counts.crm_records > 250 && counts.erp_records > 200,
        "{counts:?}"
    );
    assert!(counts.suggested > 200, "{counts:?}");
    let workspace = harness.state().workspace().unwrap();
    assert_eq!(workspace.project().file(), demo_file);
    harness.key_press(egui::Key::Y);
    harness.run();
    assert_eq!(Project::open(&demo_file).unwrap().links().len(), 1);
    drop(harness);

    // Opened again, the demo keeps the decisions taken in it.
    let harness = open_demo(Action::OpenDemo);
    assert_eq!(harness.state().workspace().unwrap().counts.links, 1);
    drop(harness);
    // Reset, it starts afresh in the same file: nothing piles up.
    let harness = open_demo(Action::ResetDemo);
    assert_eq!(harness.state().workspace().unwrap().counts.links, 0);
    drop(harness);
    assert!(Project::open(&demo_file).unwrap().links().is_empty());
    let projects: Vec<_> = std::fs::read_dir(demo_file.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| name.to_string_lossy().ends_with(".ledgerlink"))
        .collect();
    assert_eq!(projects, ["demo.ledgerlink"]);
}
