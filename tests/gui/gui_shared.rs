//! A shared workshop in the window: opening a project on the PostgreSQL server by its address
//! from the start screen, seeing another reviewer's decision within a second with who took it,
//! seeing who else is there, carrying on after the connection is cut, and splitting the open
//! pairs among reviewers on the Reviewers screen (each queue showing its share first).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use egui::accesskit::Role as A11y;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use ledgerlink::app::App;
use ledgerlink::app::action::Screen;
use ledgerlink::core::model::Side;
use ledgerlink::core::project::pg::watch::Watcher;
use ledgerlink::core::project::{Decision, Location, NewProject, Policy, Project};

use crate::common::{finish_work, harness, small_crm, small_erp, small_suggestions, type_into};
use crate::pg_support::{self, PgServer};

/// The small workshop on the test server; returns its address.
fn shared_project(server: &PgServer, prefix: &str) -> String {
    shared_project_in(server, prefix, pg_support::DATABASE)
}

/// The small workshop in `database` on the test server; returns its address.
fn shared_project_in(server: &PgServer, prefix: &str, database: &str) -> String {
    let url = server.url(&server.unique_project(prefix)).replace(
        &format!("/{}?", pg_support::DATABASE),
        &format!("/{database}?"),
    );
    let setup = NewProject {
        crm: small_crm(),
        erp: small_erp(),
        crm_mapping: Vec::new(),
        erp_mapping: Vec::new(),
        policy: Policy::default(),
        by: "test".to_string(),
    };
    let location = Location::parse(&url).unwrap();
    Project::create_with_suggestions(&location, setup, &small_suggestions()).unwrap();
    url
}

/// Open the project at `url` from the start screen, as Anna, by typing its address.
fn open_by_address(url: &str) -> Harness<'static, App> {
    let mut harness = harness();
    harness.state_mut().set_reviewer_for_tests("Anna");
    harness.run();
    type_into(&mut harness, "Server address", url);
    harness.get_by_label("Open shared project").click();
    harness.step();
    finish_work(&mut harness);
    assert!(
        harness.state().workspace().is_some(),
        "{:?}",
        harness.state().notices()
    );
    harness
}

/// Draw frames until `condition` holds; how long it took, or `None` after `limit`.
fn run_until(
    harness: &mut Harness<'static, App>,
    limit: Duration,
    mut condition: impl FnMut(&Harness<'static, App>) -> bool,
) -> Option<Duration> {
    let started = Instant::now();
    while started.elapsed() < limit {
        harness.step();
        if condition(harness) {
            return Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

#[test]
fn another_reviewers_decision_shows_within_a_second_with_who_took_it() {
    let Some(server) = pg_support::server_or_skip("another_reviewers_decision_shows") else {
        return;
    };
    let url = shared_project(server, "gui");
    let mut harness = open_by_address(&url);
    // Remembered among the recent projects, without its password.
    let recent = &harness.state().settings().recent_projects;
    let name = url.split("project=").nth(1).unwrap();
    assert!(
        recent
            .iter()
            .any(|project| project.to_string_lossy().contains(name)),
        "{recent:?}"
    );
    assert!(
        recent
            .iter()
            .all(|project| !project.to_string_lossy().contains(pg_support::PASSWORD))
    );
    let location = Location::parse(&url).unwrap();
    let Location::Postgres(pg) = &location else {
        unreachable!()
    };
    // Bert opens the same project in his window: Anna's status bar says he is there.
    let bert_window = Watcher::start(pg, "Bert", Box::new(|| {}));
    let seen = run_until(&mut harness, Duration::from_secs(10), |harness| {
        harness.query_by_label_contains("Also here: Bert").is_some()
    });
    assert!(seen.is_some(), "Anna's status bar names Bert");
    let mut bert = Project::open(&location).unwrap();
    bert.decide(
        &Decision::Accept {
            crm: "A-2".into(),
            erp: "10002".into(),
        },
        "Bert",
        None,
    )
    .unwrap();
    let shown = run_until(&mut harness, Duration::from_secs(5), |harness| {
        let workspace = harness.state().workspace().unwrap();
        workspace.project().partners(Side::Crm, "A-2") == ["10002"]
            && harness
                .query_by_label_contains("Bert accepted crm:A-2 with erp:10002")
                .is_some()
    });
    let took = shown.expect("Bert's decision reached Anna's window");
    assert!(took < Duration::from_secs(1), "after {took:?}");
    drop(bert_window);
    let gone = run_until(&mut harness, Duration::from_secs(10), |harness| {
        harness
            .query_by_label_contains("Shared: nobody else here")
            .is_some()
    });
    assert!(gone.is_some(), "Bert left");
}

#[test]
fn a_cut_connection_is_made_again_and_the_next_decision_is_kept() {
    let Some(server) = pg_support::server_or_skip("a_cut_connection_is_made_again") else {
        return;
    };
    let url = shared_project(server, "gcut");
    let mut harness = open_by_address(&url);
    harness.get_by_label("Review").click();
    harness.run();
    let mut admin = server.admin();
    admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'reviewer'",
            &[],
        )
        .unwrap();
    // The pair shown first is accepted with Y, as in any workshop.
    let current = harness.state().review_state().current.unwrap();
    harness.key_press(egui::Key::Y);
    harness.run();
    let workspace = harness.state().workspace().unwrap();
    let item = &workspace.items[current];
    let (crm, erp) = (
        workspace.key(Side::Crm, item.crm_row).to_string(),
        workspace.key(Side::Erp, item.erp_row).to_string(),
    );
    let on_server = Project::open(Location::parse(&url).unwrap()).unwrap();
    assert_eq!(
        on_server.partners(Side::Crm, &crm),
        [erp.as_str()],
        "{:?}",
        harness.state().notices()
    );
    let back = run_until(&mut harness, Duration::from_secs(10), |harness| {
        harness
            .query_by_label_contains("Shared: nobody else here")
            .is_some()
    });
    assert!(back.is_some(), "the watcher is connected again");
}

#[test]
fn the_reviewers_screen_splits_the_pairs_and_each_queue_shows_its_share_first() {
    let Some(server) = pg_support::server_or_skip("the_reviewers_screen_splits") else {
        return;
    };
    let url = shared_project(server, "gassign");
    let mut harness = open_by_address(&url);
    harness.get_by_label("Reviewers").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Reviewers);
    // The small workshop's CRM has an Owner column: Anna, Luc, Ewa ...
    harness.get_by_label("Assign by account owner").click();
    harness.run();
    let project = harness.state().workspace().unwrap().project();
    assert_eq!(
        project.assignments().pair_reviewer("A-1", "10001"),
        Some("Anna")
    );
    assert_eq!(
        project.assignments().pair_reviewer("A-2", "10002"),
        Some("Luc")
    );
    harness.get_by_label("Luc");
    // By country: this workshop's lists have no country, so the table gives nothing.
    type_into(&mut harness, "By country", "PL=Luc");
    harness.get_by_label("Assign by country").click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("4 left unassigned")
            .count()
            >= 1,
        "{:?}",
        harness.state().notices()
    );
    // By hand: the pair Anna has on the Review screen, to Luc.
    harness.get_by_label("Review").click();
    harness.run();
    let state = harness.state();
    let workspace = state.workspace().unwrap();
    let shown = &workspace.items[state.review_state().current.unwrap()];
    let (crm, erp) = (
        workspace.key(Side::Crm, shown.crm_row).to_string(),
        workspace.key(Side::Erp, shown.erp_row).to_string(),
    );
    harness.get_by_label("Reviewers").click();
    harness.run();
    type_into(&mut harness, "By hand, to", "Luc");
    harness
        .get_by_label_contains("Assign the pair shown in Review")
        .click();
    harness.run();
    let project = harness.state().workspace().unwrap().project();
    assert_eq!(
        project.assignments().pair_reviewer(&crm, &erp),
        Some("Luc"),
        "{:?}",
        harness.state().notices()
    );
    // The pair shown (given to Luc by hand) says whose it is; Anna's queue starts with hers.
    harness.get_by_label("Review").click();
    harness.run();
    harness.get_by_label_contains("Luc's to review");
    let state = harness.state();
    let workspace = state.workspace().unwrap();
    let first = &workspace.items[state.review_state().queue[0]];
    let first_crm = workspace.key(Side::Crm, first.crm_row);
    let first_erp = workspace.key(Side::Erp, first.erp_row);
    assert_eq!(
        workspace
            .project()
            .assignments()
            .pair_reviewer(first_crm, first_erp),
        Some("Anna"),
        "Anna's share comes first"
    );
    // Another program sees the assignment.
    let other = Project::open(Location::parse(&url).unwrap()).unwrap();
    assert_eq!(
        other.assignments().pair_reviewer("A-2", "10002"),
        Some("Luc")
    );
    let _ = harness.query_by_role_and_label(A11y::Button, "Review");
}

#[test]
fn while_the_server_is_away_the_window_says_so_keeps_the_note_and_decides_once_it_is_back() {
    let Some(server) = pg_support::server_or_skip("while_the_server_is_away") else {
        return;
    };
    // A database of its own, so that closing it to connections leaves the other tests alone.
    let database = format!("away_{}", std::process::id());
    let mut admin = server.admin();
    admin
        .batch_execute(&format!(
            "CREATE DATABASE {database} OWNER {}",
            pg_support::USER
        ))
        .unwrap();
    let url = shared_project_in(server, "away", &database);
    let location = Location::parse(&url).unwrap();
    let mut harness = open_by_address(&url);
    harness.get_by_label("Review").click();
    harness.run();
    let current = harness.state().review_state().current.unwrap();
    // The server goes away: no new connection, the open ones cut.
    admin
        .batch_execute(&format!(
            "ALTER DATABASE {database} ALLOW_CONNECTIONS false;
             SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}';"
        ))
        .unwrap();
    let away = run_until(&mut harness, Duration::from_secs(10), |harness| {
        harness
            .query_by_label_contains("Server not reachable")
            .is_some()
    });
    assert!(away.is_some(), "the status bar says the server is away");
    type_into(&mut harness, "Note", "VAT checked by phone");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().review_state().note,
        "VAT checked by phone",
        "the note stays"
    );
    assert_eq!(
        harness.state().review_state().current,
        Some(current),
        "the pair stays"
    );
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|notice| notice.text.contains("connect")),
        "{:?}",
        harness.state().notices()
    );
    // Back again: the window sees it, and the same keys decide the pair with its note.
    admin
        .batch_execute(&format!("ALTER DATABASE {database} ALLOW_CONNECTIONS true"))
        .unwrap();
    let back = run_until(&mut harness, Duration::from_secs(10), |harness| {
        harness
            .query_by_label_contains("Shared: nobody else here")
            .is_some()
    });
    assert!(back.is_some(), "the window is connected again");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    harness.run();
    let project = Project::open(&location).unwrap();
    let decisions = project.decisions();
    assert_eq!(decisions.len(), 1, "{:?}", harness.state().notices());
    assert_eq!(decisions[0].note.as_deref(), Some("VAT checked by phone"));
}
