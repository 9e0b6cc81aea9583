//! The Export screen: a preview of each file's rows and count before writing, built in the
//! background once per data generation; delimiter and encoding chosen in drop-downs and used
//! by the files written.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use egui::accesskit::Role as A11y;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use ledgerlink::app::App;

/// Draw frames until the background preview has arrived (at most ten seconds).
fn wait_for_preview(harness: &mut Harness<'static, App>) {
    for _ in 0..500 {
        // The spinner repaints while waiting: step frame by frame instead of running to rest.
        harness.step();
        if harness.query_by_label("Building the preview…").is_none()
            && harness.query_by_label("Updating the preview…").is_none()
        {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("no preview after ten seconds");
}

fn choose(harness: &mut Harness<'static, App>, combo: &str, option: &str) {
    harness.get_by_role_and_label(A11y::ComboBox, combo).click();
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
}

#[test]
fn the_export_is_previewed_then_written_with_the_chosen_delimiter_and_encoding() {
    let (dir, _file, mut harness) = common::review_harness();
    harness.key_press(egui::Key::Y);
    harness.run();
    harness.get_by_label("Export").click();
    wait_for_preview(&mut harness);
    // Every file with its count, and the first file's rows shown.
    harness.get_by_label("crm_fill_ins.csv");
    harness.get_by_label("links.csv: 1 row");
    harness.get_by_label("crm_id");
    harness.get_by_label("A-3");
    harness.get_by_label("audit.csv").click();
    harness.run();
    harness.get_by_label_contains("audit.csv: ");

    choose(
        &mut harness,
        "CSV delimiter",
        "Semicolon ; (European Excel)",
    );
    choose(&mut harness, "Encoding", "Windows-1252 (old importers)");
    let out = dir.path().join("out");
    let field = harness.get_by_role_and_label(A11y::TextInput, "Export folder");
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness
        .get_by_role_and_label(A11y::TextInput, "Export folder")
        .type_text(&out.display().to_string());
    harness.run();
    // The demo has a Polish firm: Windows-1252 is refused before writing, with the place.
    harness.get_by_label_contains("links.csv, row 1, column crm_name");
    assert!(
        harness
            .get_by_label("Write export")
            .accesskit_node()
            .is_disabled()
    );
    choose(&mut harness, "Encoding", "UTF-8 without BOM");
    harness.get_by_label("Write export").click();
    harness.step();
    common::finish_work(&mut harness);
    let bytes = std::fs::read(out.join("links.csv"))
        .unwrap_or_else(|error| panic!("{error}: {:?}", harness.state().notices()));
    assert!(
        bytes.starts_with(b"crm_id;erp_id;crm_name"),
        "no BOM, semicolons"
    );
    // A decision makes the preview stale: it is built again, once.
    harness.get_by_label("Review").click();
    harness.run();
    harness.key_press(egui::Key::Y);
    harness.run();
    harness.get_by_label("Export").click();
    wait_for_preview(&mut harness);
    assert!(harness.state().export_preview().is_some());
}

/// The status bar says when a decision was saved in local wall-clock time, not the stored UTC
/// text, and the pair card names fields in words.
#[test]
fn the_saved_time_is_local_and_fields_are_named_in_words() {
    let (_dir, _file, mut harness) = common::review_harness();
    harness.get_by_label("Tax id");
    assert!(harness.query_by_label("tax_id").is_none());
    harness.key_press(egui::Key::Y);
    harness.run();
    let node = harness.get_by_label_contains("Saved: accept at ");
    let text = format!("{node:?}");
    let time = text
        .split("Saved: accept at ")
        .nth(1)
        .and_then(|rest| rest.get(..8))
        .unwrap();
    assert!(
        time.chars().filter(|ch| *ch == ':').count() == 2 && !time.contains('T'),
        "{time}"
    );
    assert!(!text.contains("Z\""), "{text}");
}
