//! Shared helpers of the GUI tests: a harness on the app, typing, waiting for background work,
//! and a small hand-made workshop with names in several scripts.
#![allow(dead_code)]

use egui::accesskit::Role as A11y;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

use ledgerlink::app::action::Action;
use ledgerlink::app::{self, App, AppOptions};
use ledgerlink::core::matching::{Band, Contribution, DuplicateCluster, PairSuggestion};
use ledgerlink::core::model::{CellStore, Column, Dataset, Role, Side};
use ledgerlink::core::project::{NewProject, Policy, Project, SuggestionSet};
use tempfile::TempDir;

/// A harness on a fresh app (settings in memory, no file dialogs).
pub fn harness() -> Harness<'static, App> {
    harness_with(AppOptions::default())
}

/// A harness on an app started with `options`.
pub fn harness_with(options: AppOptions) -> Harness<'static, App> {
    // A table sizing itself, or a preview arriving, takes a few passes to settle.
    Harness::builder()
        .with_size([1500.0, 950.0])
        .with_max_steps(16)
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

fn pair(crm_row: usize, erp_row: usize, probability: f64, reason: &str) -> PairSuggestion {
    PairSuggestion {
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
    }
}

/// The CRM list of the small workshop: five accounts in four scripts, two account types.
pub fn small_crm() -> Dataset {
    list(
        &[
            ("Account ID", Some(Role::Id)),
            ("Account Name", Some(Role::Name)),
            ("Billing City", Some(Role::City)),
            ("VAT", Some(Role::TaxId)),
            ("Type", Some(Role::AccountType)),
            ("Owner", None),
        ],
        &[
            &[
                "A-1",
                "Müller GmbH",
                "München",
                "DE123456789",
                "Customer",
                "Anna",
            ],
            &["A-2", "Société Générale SA", "Paris", "", "Customer", "Luc"],
            &[
                "A-3",
                "Łódź Trading Sp. z o.o.",
                "Łódź",
                "PL5260001246",
                "Customer",
                "Ewa",
            ],
            &["A-4", "東京商事株式会社", "東京", "", "Customer", "Ken"],
            &[
                "A-5",
                "Mueller GmbH",
                "Munich",
                "DE123456789",
                "Lead",
                "Anna",
            ],
        ],
    )
}

/// The ERP list of the small workshop.
pub fn small_erp() -> Dataset {
    list(
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
    )
}

/// What matching could have suggested for the small workshop: three pairs, one competing
/// candidate, and a CRM duplicate cluster.
pub fn small_suggestions() -> SuggestionSet {
    SuggestionSet {
        pairs: vec![
            pair(
                0,
                0,
                0.998,
                "Same VAT number; names agree apart from spelling.",
            ),
            pair(
                1,
                1,
                0.91,
                "Names agree; same city; VAT missing in the CRM.",
            ),
            pair(2, 2, 0.62, "Same VAT number; names differ in legal form."),
        ],
        alternatives: vec![pair(2, 3, 0.31, "Only the country agrees.")],
        duplicates: vec![DuplicateCluster {
            side: Side::Crm,
            rows: vec![0, 4],
            probability: 0.97,
            reason: "Same VAT number and name; city spelled differently.".to_string(),
        }],
        xref_checks: Vec::new(),
    }
}

/// Create the small workshop's project file in `dir`.
pub fn small_project(dir: &Path) -> PathBuf {
    let file = dir.join("workshop.ledgerlink");
    let setup = NewProject {
        crm: small_crm(),
        erp: small_erp(),
        crm_mapping: Vec::new(),
        erp_mapping: Vec::new(),
        policy: Policy::default(),
        by: "test".to_string(),
    };
    Project::create_with_suggestions(&file, setup, &small_suggestions()).unwrap();
    file
}

/// A harness showing the small workshop (opened from its file as a user would) on the review
/// screen, reviewer already known. Keep the directory alive as long as the harness.
pub fn review_harness() -> (TempDir, PathBuf, Harness<'static, App>) {
    let dir = tempfile::tempdir().unwrap();
    let file = small_project(dir.path());
    let mut harness = harness();
    harness.state_mut().set_reviewer_for_tests("Anna Schmidt");
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Action::OpenProject(file.clone().into()));
    finish_work(&mut harness);
    assert!(
        harness.state().workspace().is_some(),
        "{:?}",
        harness.state().notices()
    );
    (dir, file, harness)
}
