//! The workshop window's shell, driven headless through its accessible labels: the start
//! screen, the keyboard help, the reviewer prompt, fonts for non-Latin names, dropped files.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ledgerlink::app::action::Screen;
use ledgerlink::app::{self, App, AppOptions};

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
    harness.get_by_label("Browse crm…").click();
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
    harness.get_by_label("Y / Enter");
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
