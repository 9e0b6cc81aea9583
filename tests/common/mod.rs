//! Shared helpers of the GUI tests: a harness on the app, typing, waiting for background work,
//! and a small hand-made workshop with names in several scripts.
#![allow(dead_code)]

use egui::accesskit::Role as A11y;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ledgerlink::app::workspace::{PairItem, PairState, Workspace};
use ledgerlink::app::{self, App, AppOptions};
use ledgerlink::core::matching::{Band, Contribution};
use ledgerlink::core::model::{CellStore, Column, Dataset, Role};

/// A harness on a fresh app (settings in memory, no file dialogs).
pub fn harness() -> Harness<'static, App> {
    harness_with(AppOptions::default())
}

/// A harness on an app started with `options`.
pub fn harness_with(options: AppOptions) -> Harness<'static, App> {
    Harness::builder()
        .with_size([1500.0, 950.0])
        .with_context_setup(app::setup_context)
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), App::new(options))
}

/// Focus the text field labelled `label` and type `text`.
pub fn type_into(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(A11y::TextInput, label)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(A11y::TextInput, label)
        .type_text(text);
    harness.run();
}

/// Wait for background work, then let the frames settle.
pub fn finish_work(harness: &mut Harness<'static, App>) {
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_work(&ctx, 120);
    harness.run();
}

/// A list from a header (with roles) and rows.
pub fn list(columns: &[(&str, Option<Role>)], rows: &[&[&str]]) -> Dataset {
    let mut cells = CellStore::new(columns.len());
    for row in rows {
        cells.push_row(row.iter().copied()).unwrap();
    }
    Dataset {
        columns: columns
            .iter()
            .map(|(name, role)| Column {
                name: name.to_string(),
                role: *role,
            })
            .collect(),
        cells,
        source_rows: (2..rows.len() + 2).collect(),
        ..Dataset::default()
    }
}

fn pair(
    crm_row: usize,
    erp_row: usize,
    probability: f64,
    reason: &str,
    alternative: bool,
) -> PairItem {
    PairItem {
        crm_row,
        erp_row,
        probability,
        band: if probability >= 0.95 {
            Band::Auto
        } else {
            Band::Review
        },
        reason: reason.to_string(),
        contributions: vec![
            Contribution {
                field: "name".to_string(),
                level: "close".to_string(),
                weight: 6.5,
            },
            Contribution {
                field: "city".to_string(),
                level: "different".to_string(),
                weight: -2.0,
            },
        ],
        is_alternative: alternative,
        state: PairState::Open,
    }
}

/// Four CRM accounts, four ERP customers, three suggested pairs and one competing candidate.
pub fn small_workspace() -> Workspace {
    let crm = list(
        &[
            ("Account ID", Some(Role::Id)),
            ("Account Name", Some(Role::Name)),
            ("Billing City", Some(Role::City)),
            ("VAT", Some(Role::TaxId)),
            ("Owner", None),
        ],
        &[
            &["A-1", "Müller GmbH", "München", "DE123456789", "Anna"],
            &["A-2", "Société Générale SA", "Paris", "", "Luc"],
            &[
                "A-3",
                "Łódź Trading Sp. z o.o.",
                "Łódź",
                "PL5260001246",
                "Ewa",
            ],
            &["A-4", "東京商事株式会社", "東京", "", "Ken"],
        ],
    );
    let erp = list(
        &[
            ("Debitor", Some(Role::Id)),
            ("Name1", Some(Role::Name)),
            ("Ort", Some(Role::City)),
            ("USt-IdNr", Some(Role::TaxId)),
        ],
        &[
            &["10001", "MUELLER GMBH", "Muenchen", "DE123456789"],
            &["10002", "Societe Generale", "Paris", "FR44552120222"],
            &["10003", "Lodz Trading", "Lodz", "PL5260001246"],
            &["10004", "Tokyo Shoji KK", "Tokyo", ""],
        ],
    );
    Workspace {
        crm: crm.into(),
        erp: erp.into(),
        items: vec![
            pair(
                0,
                0,
                0.998,
                "Same VAT number; names agree apart from spelling.",
                false,
            ),
            pair(
                1,
                1,
                0.91,
                "Names agree; same city; VAT missing in the CRM.",
                false,
            ),
            pair(
                2,
                2,
                0.62,
                "Same VAT number; names differ in legal form.",
                false,
            ),
            pair(2, 3, 0.31, "Only the country agrees.", true),
        ],
        clusters: Vec::new(),
        crm_flags: Vec::new(),
        erp_flags: Vec::new(),
    }
}

/// A harness showing the small workshop on the review screen, reviewer already known.
pub fn review_harness() -> Harness<'static, App> {
    let mut harness = harness();
    harness.state_mut().set_reviewer_for_tests("Anna Schmidt");
    harness.state_mut().open_workspace(small_workspace());
    harness.run();
    harness
}
