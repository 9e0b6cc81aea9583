//! The workshop window's shell, driven headless through its accessible labels: the start
//! screen, the keyboard help, the reviewer prompt, fonts for non-Latin names, dropped files,
//! a file named on the command line, and the errors that fail a scripted run.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ledgerlink::app::action::Screen;
use ledgerlink::app::notice::ErrorLog;
use ledgerlink::app::{self, App, AppOptions, Startup};

fn harness(options: AppOptions) -> Harness<'static, App> {
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(app::setup_context)
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), App::new(options))
}

#[test]
fn names_in_any_script_render_without_missing_glyphs() {
    // The harness panics on a glyph no font can draw.
    let mut harness = Harness::builder()
        .with_context_setup(app::setup_context)
        .build_ui(|ui| {
            ui.label("Müller GmbH · Société Générale · Łódź · 東京 · Αθήνα · Москва");
        });
    harness.run();
    harness.get_by_label("Müller GmbH · Société Générale · Łódź · 東京 · Αθήνα · Москва");
}

#[test]
fn the_start_screen_offers_new_open_recent_and_demo() {
    let mut harness = harness(AppOptions::default());
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Start);
    harness.get_by_label("Open demo");
    harness.get_by_label("Read lists");
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "CRM accounts file");
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "ERP customers file");
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Project file");
}

#[test]
fn browse_without_a_dialog_says_why_and_what_to_do_instead() {
    let mut harness = harness(AppOptions::default());
    harness.run();
    harness.get_by_label("Browse CRM…").click();
    harness.run();
    let notice = &harness.state().notices()[0].text;
    assert!(notice.contains("drop the file"), "{notice}");
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.state().notices().is_empty());
}

#[test]
fn f1_opens_the_keyboard_help_with_every_shortcut() {
    let mut harness = harness(AppOptions::default());
    harness.run();
    harness.key_press(egui::Key::F1);
    harness.run();
    // The button, the window title and the row for F1 itself.
    assert_eq!(harness.get_all_by_label("Keyboard help").count(), 3);
    harness.get_by_label("Y / Enter / Ctrl+Enter");
    harness.get_by_label("Ctrl+Shift+Z / Ctrl+Y");
    harness.get_by_label("Accept the pair shown: the two records are the same customer");
}

#[test]
fn zoom_keys_change_the_zoom_and_it_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let settings_path = dir.path().join("settings.json");
    let mut harness = harness(AppOptions {
        settings_path: Some(settings_path.clone()),
        ..AppOptions::default()
    });
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    harness.run();
    let zoom = harness.state().settings().zoom.unwrap();
    assert!(zoom > 1.0, "{zoom}");
    let saved = std::fs::read_to_string(&settings_path).unwrap();
    assert!(saved.contains("zoom"), "{saved}");
}

/// Let background work end, then settle the frames.
fn finish_work(harness: &mut Harness<'static, App>) {
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_work(&ctx, 120);
    harness.run();
}

#[test]
fn a_file_that_is_not_a_project_shows_an_error_that_fails_a_scripted_run() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.ledgerlink");
    std::fs::write(&file, "Only some notes, not a project.\n").unwrap();
    let error_log = ErrorLog::default();
    let mut harness = harness(AppOptions {
        startup: Startup::Project(file.into()),
        error_log: error_log.clone(),
        ..AppOptions::default()
    });
    harness.step();
    finish_work(&mut harness);
    harness.get_by_label_contains("Error: ");
    let outcome = error_log.outcome().unwrap_err();
    assert!(outcome.contains("notes.ledgerlink"), "{outcome}");
    // Dismissed, it was still shown: the run still fails.
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.state().notices().is_empty());
    assert!(error_log.outcome().is_err());
}

#[test]
fn a_run_without_errors_succeeds() {
    let error_log = ErrorLog::default();
    let mut harness = harness(AppOptions {
        error_log: error_log.clone(),
        ..AppOptions::default()
    });
    harness.run();
    harness.get_by_label("Browse CRM…").click();
    harness.run();
    assert_eq!(harness.state().notices().len(), 1, "an information notice");
    assert_eq!(error_log.outcome(), Ok(()));
}

#[test]
fn a_file_named_on_the_command_line_opens_as_a_project_or_fills_the_crm_list() {
    let dir = tempfile::tempdir().unwrap();
    let demo = |name: &str| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/demo")
            .join(name)
    };
    let crm = dir.path().join("crm accounts.csv");
    std::fs::copy(demo("crm_accounts.csv"), &crm).unwrap();
    assert_eq!(Startup::for_file(crm.clone()), Startup::List(crm.clone()));
    let named = dir.path().join("missing.ledgerlink");
    assert_eq!(
        Startup::for_file(named.clone()),
        Startup::Project(named.into())
    );
    // A project renamed to another extension is still recognised by its content.
    let renamed = dir.path().join("workshop.db");
    std::fs::write(&renamed, b"SQLite format 3\0 and the rest of a database").unwrap();
    assert_eq!(
        Startup::for_file(renamed.clone()),
        Startup::Project(renamed.into())
    );

    let mut harness = harness(AppOptions {
        startup: Startup::for_file(crm.clone()),
        ..AppOptions::default()
    });
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Start);
    assert_eq!(
        harness.state().start_state().crm_path,
        crm.display().to_string()
    );
    harness.get_by_label_contains("is filled in as the CRM list");
    // The user picks the ERP list and reads both.
    let erp = demo("erp_customers.xlsx").display().to_string();
    let field = harness.get_by_role_and_label(Role::TextInput, "ERP customers file");
    field.focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "ERP customers file")
        .type_text(&erp);
    harness.run();
    harness.get_by_label("Read lists").click();
    harness.step();
    finish_work(&mut harness);
    assert_eq!(
        harness.state().screen(),
        Screen::Import,
        "{:?}",
        harness.state().notices()
    );
    assert!(harness.state().import_state().crm.is_some());
    assert!(harness.state().import_state().erp.is_some());
}
