//! Reading two lists and mapping their columns, driven as a person would: typed paths,
//! "Read lists", the role drop-down, another sheet of a workbook, and a missing file.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use egui::accesskit::Role as A11y;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ledgerlink::app::action::Screen;
use ledgerlink::app::{self, App, AppOptions};
use ledgerlink::core::model::{Role, Side};

const CRM_CSV: &str = "Account ID;Account Name;Billing City;Billing Country;Account Type\n\
A-1;Müller GmbH;München;Germany;Customer\n\
A-2;Société Générale SA;Paris;France;Customer\n\
A-3;Łódź Trading Sp. z o.o.;Łódź;Poland;Prospect\n";

const ERP_CSV: &str = "Debitor;Name1;Ort;Land;ZZ_FELD_07\n\
10001;Mueller GmbH;Muenchen;DE;DE123456789\n\
10002;Societe Generale;Paris;FR;FR44552120222\n";

fn harness() -> Harness<'static, App> {
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(app::setup_context)
        .build_ui_state(
            |ui, app: &mut App| app.frame_ui(ui),
            App::new(AppOptions::default()),
        )
}

fn type_into(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(A11y::TextInput, label)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(A11y::TextInput, label)
        .type_text(text);
    harness.run();
}

fn finish_work(harness: &mut Harness<'static, App>) {
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_work(&ctx, 60);
    harness.run();
}

fn read_lists(harness: &mut Harness<'static, App>, crm: &Path, erp: &Path) {
    harness.run();
    type_into(harness, "CRM accounts file", &crm.display().to_string());
    type_into(harness, "ERP customers file", &erp.display().to_string());
    harness.get_by_label("Read lists").click();
    harness.step();
    finish_work(harness);
    if harness.state().screen() == Screen::Import {
        // Asked once, before the first screen that records decisions.
        type_into(harness, "Reviewer name", "Anna Schmidt");
        harness.get_by_label("Save name").click();
        harness.run();
        assert_eq!(
            harness.state().settings().reviewer_name(),
            Some("Anna Schmidt")
        );
    }
}

#[test]
fn both_lists_are_read_and_a_column_is_mapped_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let crm = dir.path().join("crm.csv");
    let erp = dir.path().join("erp.csv");
    std::fs::write(&crm, CRM_CSV).unwrap();
    std::fs::write(&erp, ERP_CSV).unwrap();
    let mut harness = harness();
    read_lists(&mut harness, &crm, &erp);
    assert_eq!(
        harness.state().screen(),
        Screen::Import,
        "{:?}",
        harness.state().notices()
    );
    assert_eq!(harness.get_all_by_label("Encoding: UTF-8").count(), 2);
    harness.get_by_label("Müller GmbH");

    // The ERP custom field "ZZ_FELD_07" holds the VAT number: map it by hand.
    let before = harness.state().import_state().draft(Side::Erp).unwrap();
    assert_eq!(before.dataset.column_of(Role::TaxId), None);
    harness.get_by_label("erp role of ZZ_FELD_07").click();
    harness.run();
    harness.get_by_label("Tax id").click();
    harness.run();
    let draft = harness.state().import_state().draft(Side::Erp).unwrap();
    assert_eq!(draft.dataset.column_of(Role::TaxId), Some(4));
    assert_eq!(draft.mapping_text(), ["tax_id=5"]);
    harness.get_by_label("Match");
}

#[test]
fn a_missing_file_is_named_in_a_visible_notice() {
    let dir = tempfile::tempdir().unwrap();
    let crm = dir.path().join("crm.csv");
    std::fs::write(&crm, CRM_CSV).unwrap();
    let missing = dir.path().join("nowhere.xlsx");
    let mut harness = harness();
    read_lists(&mut harness, &crm, &missing);
    assert_eq!(harness.state().screen(), Screen::Start);
    let notice = &harness.state().notices()[0].text;
    assert!(notice.contains("nowhere.xlsx"), "{notice}");
    harness.get_by_label_contains("nowhere.xlsx: no such file");
}

#[test]
fn another_sheet_of_a_workbook_can_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let crm = dir.path().join("crm.csv");
    std::fs::write(&crm, CRM_CSV).unwrap();
    let erp = dir.path().join("erp.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let notes = book.add_worksheet().set_name("Notes").unwrap();
    notes.write(0, 0, "Exported by SAP").unwrap();
    notes.write(1, 0, "Kundennummer").unwrap();
    notes.write(2, 0, "4711").unwrap();
    let customers = book.add_worksheet().set_name("Kunden").unwrap();
    for (column, header) in ["Kundennummer", "Name", "Ort"].iter().enumerate() {
        customers.write(0, column as u16, *header).unwrap();
    }
    for (column, value) in ["10001", "Müller GmbH", "München"].iter().enumerate() {
        customers.write(1, column as u16, *value).unwrap();
    }
    book.save(&erp).unwrap();

    let mut harness = harness();
    read_lists(&mut harness, &crm, &erp);
    assert_eq!(
        harness.state().screen(),
        Screen::Import,
        "{:?}",
        harness.state().notices()
    );
    harness.get_by_label("erp sheet").click();
    harness.run();
    harness.get_by_label("Kunden").click();
    harness.step();
    finish_work(&mut harness);
    let draft = harness.state().import_state().draft(Side::Erp).unwrap();
    assert_eq!(draft.dataset.report.sheet.as_deref(), Some("Kunden"));
    assert_eq!(draft.dataset.value(0, Role::Name), Some("Müller GmbH"));
}
