//! A project on the PostgreSQL server: what only a server project does or must prove again
//! (the tests of `on_both_stores!` run everything else on both stores). Decisions reported done
//! survive a reviewer killed at any moment; reviewers deciding at once never link one record
//! twice, and the loser is told who took it; a lost connection is made again; `copy` moves a
//! project between a file and the server with its whole log; other windows hear of a decision
//! within a second and see who is there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::time::{Duration, Instant};

use ledgerlink::core::model::Side;
use ledgerlink::core::project::pg::list_projects;
use ledgerlink::core::project::pg::location::PgLocation;
use ledgerlink::core::project::pg::watch::Watcher;
use ledgerlink::core::project::{Decision, Location, Project, ProjectError, Refusal};

use crate::pg_support::{self, PgServer};
use crate::project_reliability::{Random, project_at, reported, start_child_at};
use crate::project_support::{Store, new_project, new_project_file, run_on};

fn server(test: &str) -> Option<&'static PgServer> {
    pg_support::server_or_skip(test)
}

fn location(server: &PgServer, prefix: &str) -> (String, Location) {
    let url = server.url(&server.unique_project(prefix));
    let location = Location::parse(&url).unwrap();
    (url, location)
}

fn link(crm: &str, erp: &str) -> Decision {
    Decision::Link {
        crm: crm.into(),
        erp: erp.into(),
    }
}

#[test]
fn decisions_reported_done_survive_killed_reviewers() {
    let Some(server) = server("decisions_reported_done_survive_killed_reviewers") else {
        return;
    };
    let (url, location) = location(server, "kill");
    let total = 3_000;
    project_at(&location, total, total);
    let mut random = Random::new();
    let mut reported_done: HashSet<usize> = HashSet::new();
    let started = Instant::now();
    let mut kills = 0;
    while started.elapsed() < Duration::from_secs(10) && kills < 40 {
        let mut child = start_child_at(&url, 0, total, false);
        let reader = reported(&mut child);
        std::thread::sleep(Duration::from_millis(150 + random.below(400)));
        child.kill().unwrap();
        child.wait().unwrap();
        kills += 1;
        let (done, refused) = reader.join().unwrap();
        assert!(refused.is_empty(), "nothing conflicts here: {refused:?}");
        reported_done.extend(done);
        let project = Project::open(&location).unwrap();
        let missing: Vec<&usize> = reported_done
            .iter()
            .filter(|i| project.partners(Side::Crm, &format!("C{i}")) != [format!("E{i}")])
            .collect();
        assert!(missing.is_empty(), "after kill {kills}: lost {missing:?}");
    }
    assert!(
        kills >= 8 && reported_done.len() >= 10,
        "{kills} kills, {} done",
        reported_done.len()
    );
    // The log is numbered 1, 2, 3 ... in commit order, without gaps or repeats.
    let audit = Project::open(&location).unwrap().audit_log().unwrap();
    let numbers: Vec<i64> = audit.iter().map(|row| row.seq).collect();
    assert_eq!(numbers, (1..=audit.len() as i64).collect::<Vec<_>>());
    eprintln!(
        "{kills} kills, {} decisions reported done and found",
        reported_done.len()
    );
}

#[test]
fn three_reviewers_deciding_at_once_never_link_one_record_twice() {
    let Some(server) = server("three_reviewers_deciding_at_once_never_link_one_record_twice")
    else {
        return;
    };
    let (url, location) = location(server, "race");
    let count = 150;
    project_at(&location, 3 * count, count);
    // All three link ERP customer E{i}, each to another CRM account: one may win.
    let mut children: Vec<_> = (0..3)
        .map(|n| start_child_at(&url, n * count, count, false))
        .collect();
    let readers: Vec<_> = children.iter_mut().map(reported).collect();
    for child in &mut children {
        assert!(child.wait().unwrap().success());
    }
    let results: Vec<(Vec<usize>, Vec<usize>)> = readers
        .into_iter()
        .map(|reader| reader.join().unwrap())
        .collect();
    let mut winners = HashSet::new();
    for (done, refused) in &results {
        assert_eq!(done.len() + refused.len(), count);
        for i in done {
            assert!(winners.insert(*i), "E{i} was linked twice");
        }
    }
    assert_eq!(winners.len(), count, "every ERP customer was linked once");
    let project = Project::open(&location).unwrap();
    assert_eq!(project.links().len(), count);
    for (n, (done, _)) in results.iter().enumerate() {
        for i in done {
            assert_eq!(
                project.partners(Side::Erp, &format!("E{i}")),
                [format!("C{}", i + n * count)]
            );
        }
    }
}

#[test]
fn the_rules_are_checked_in_the_transaction_and_the_loser_is_told_who_took_the_record() {
    run_on(Store::Postgres, "loser_is_told", || {
        let dir = tempfile::tempdir().unwrap();
        let (location, mut anna) = new_project(dir.path(), "both");
        let mut bert = Project::open(&location).unwrap();
        anna.decide(&link("C1", "1001"), "anna", None).unwrap();
        // Bert's window has not caught up: the server's transaction still refuses.
        let error = bert.decide(&link("C2", "1001"), "bert", None).unwrap_err();
        match error.refusal() {
            Some(Refusal::ConflictingLink { by, linked_to, .. }) => {
                assert_eq!((by.as_str(), linked_to.as_str()), ("anna", "C1"));
            }
            other => panic!("{other:?}: {error}"),
        }
        assert!(error.to_string().contains("anna"), "{error}");
        assert_eq!(
            bert.partners(Side::Erp, "1001"),
            ["C1"],
            "the refusal caught bert up"
        );
    });
}

#[test]
fn a_lost_connection_is_made_again_and_the_decision_is_kept() {
    let Some(server) = server("a_lost_connection_is_made_again") else {
        return;
    };
    let (_, location) = location(server, "lost");
    project_at(&location, 5, 5);
    let mut project = Project::open(&location).unwrap();
    project.decide(&link("C0", "E0"), "anna", None).unwrap();
    let mut admin = server.admin();
    let killed = admin
        .query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE usename = 'reviewer' AND application_name = 'ledgerlink'",
            &[],
        )
        .unwrap();
    assert!(
        !killed.is_empty(),
        "the project's connection was found and cut"
    );
    project.decide(&link("C1", "E1"), "anna", None).unwrap();
    assert!(project.refresh().is_ok());
    let reopened = Project::open(&location).unwrap();
    assert_eq!(reopened.links().len(), 2);
}

#[test]
fn copy_moves_a_project_to_the_server_and_back_with_its_whole_log() {
    let Some(server) = server("copy_moves_a_project") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (file, mut project) = new_project_file(dir.path(), "both");
    project
        .decide_batch(
            &[link("C1", "1001"), link("C4", "1004")],
            "anna",
            Some("batch"),
        )
        .unwrap();
    project.decide(&link("C3", "1002"), "bert", None).unwrap();
    project.undo("bert").unwrap();
    project
        .decide(
            &Decision::Duplicate {
                master: "crm:C1".parse().unwrap(),
                duplicate: "crm:C2".parse().unwrap(),
            },
            "carl",
            Some("same firm"),
        )
        .unwrap();
    let audit = project.audit_log().unwrap();
    drop(project);
    let (_, shared) = location(server, "copy");
    let report = Project::copy(&file, &shared).unwrap();
    assert_eq!(report.log_entries, audit.len());
    let mut on_server = Project::open(&shared).unwrap();
    assert_eq!(
        on_server.audit_log().unwrap(),
        audit,
        "the whole log, numbers and states"
    );
    assert_eq!(
        on_server.dataset(Side::Crm),
        Project::open(&file).unwrap().dataset(Side::Crm)
    );
    assert!(
        on_server.can_redo_by("bert"),
        "bert's undone decision can be redone there"
    );
    on_server.redo("bert").unwrap();
    assert_eq!(on_server.partners(Side::Crm, "C3"), ["1002"]);
    let back = dir.path().join("back.ledgerlink");
    Project::copy(&shared, &back).unwrap();
    let returned = Project::open(&back).unwrap();
    assert_eq!(
        returned.audit_log().unwrap(),
        on_server.audit_log().unwrap()
    );
    assert_eq!(returned.status(), on_server.status());
    // A copy never overwrites.
    let error = Project::copy(&file, &shared).unwrap_err();
    assert!(error.to_string().contains("already exists"), "{error}");
}

#[test]
fn projects_lists_the_projects_of_the_database() {
    let Some(server) = server("projects_lists") else {
        return;
    };
    let (url, location) = location(server, "listed");
    project_at(&location, 2, 2);
    let Location::Postgres(pg) = location else {
        unreachable!()
    };
    let listed = list_projects(&pg).unwrap();
    let name = pg.project().to_string();
    let found = listed.iter().find(|project| project.name == name).unwrap();
    assert_eq!(found.created_by, "test");
    assert!(url.contains(&name));
}

#[test]
fn a_project_of_a_newer_version_is_refused_and_left_untouched() {
    let Some(server) = server("newer_version") else {
        return;
    };
    let (_, location) = location(server, "newer");
    project_at(&location, 2, 2);
    let Location::Postgres(pg) = &location else {
        unreachable!()
    };
    let schema = format!("\"ledgerlink_{}\"", pg.project());
    let mut admin = server.admin();
    admin
        .execute(
            &format!("UPDATE {schema}.meta SET value = '99' WHERE key = 'format'"),
            &[],
        )
        .unwrap();
    let error = Project::open(&location).unwrap_err();
    assert!(
        matches!(error, ProjectError::NewerVersion { found: 99, .. }),
        "{error}"
    );
    let value: String = admin
        .query_one(
            &format!("SELECT value FROM {schema}.meta WHERE key = 'format'"),
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(value, "99");
}

#[test]
fn errors_name_the_project_and_never_its_password() {
    let Some(server) = server("errors_never_show_the_password") else {
        return;
    };
    let url = server.url("no_such_project");
    let error = Project::open(Location::parse(&url).unwrap()).unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("no_such_project")
            && text.contains("projects ADDRESS")
            && error.is_bad_input(),
        "{text}"
    );
    assert!(!text.contains(pg_support::PASSWORD), "{text}");
    let wrong = url.replace(pg_support::PASSWORD, "not-the-password");
    let error = Project::open(Location::parse(&wrong).unwrap()).unwrap_err();
    assert!(!error.to_string().contains("not-the-password"), "{error}");
}

#[test]
fn other_windows_hear_of_a_decision_within_a_second_and_see_who_is_there() {
    let Some(server) = server("other_windows_hear") else {
        return;
    };
    let (_, location) = location(server, "watch");
    project_at(&location, 5, 5);
    let Location::Postgres(pg) = &location else {
        unreachable!()
    };
    let anna = Watcher::start(pg, "anna", Box::new(|| {}));
    let bert = Watcher::start(pg, "bert", Box::new(|| {}));
    let waited = wait_until(Duration::from_secs(10), || {
        anna.others() == ["bert"] && bert.others() == ["anna"]
    });
    assert!(
        waited.is_some(),
        "each sees the other: {:?} {:?}",
        anna.others(),
        bert.others()
    );
    assert!(anna.is_connected());
    let _ = anna.take_changed();
    let mut project = Project::open(&location).unwrap();
    let started = Instant::now();
    project.decide(&link("C0", "E0"), "bert", None).unwrap();
    let heard = wait_until(Duration::from_secs(5), || anna.take_changed());
    let latency = heard.expect("anna's window heard of bert's decision");
    assert!(latency < Duration::from_secs(1), "heard after {latency:?}");
    eprintln!(
        "a decision reached the other window after {:?}",
        started.elapsed()
    );
    drop(bert);
    let gone = wait_until(Duration::from_secs(10), || anna.others().is_empty());
    assert!(gone.is_some(), "bert left: {:?}", anna.others());
}

/// Poll `condition` until it holds (returns how long it took) or `limit` passes.
fn wait_until(limit: Duration, mut condition: impl FnMut() -> bool) -> Option<Duration> {
    let started = Instant::now();
    while started.elapsed() < limit {
        if condition() {
            return Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

#[test]
fn a_location_parses_for_every_command() {
    let location: PgLocation = "postgresql://anna:secret@db.example.org:5433/workshop?project=q3"
        .parse()
        .unwrap();
    assert_eq!(location.project(), "q3");
    let shown = Location::from(location).to_string();
    assert!(!shown.contains("secret"), "{shown}");
    assert!(
        shown.contains("q3") && shown.contains("db.example.org"),
        "{shown}"
    );
}

#[test]
fn a_second_database_user_works_on_a_project_once_its_owner_grants_it() {
    let Some(server) = server("a_second_database_user") else {
        return;
    };
    let (url, location) = location(server, "grant");
    project_at(&location, 4, 4);
    let role = format!("bert_{}", std::process::id());
    server
        .admin()
        .batch_execute(&format!("CREATE ROLE {role} LOGIN PASSWORD 'bert-secret'"))
        .unwrap();
    let bert_url = url.replace(
        &format!("{}:{}@", pg_support::USER, pg_support::PASSWORD),
        &format!("{role}:bert-secret@"),
    );
    let bert_location = Location::parse(&bert_url).unwrap();
    let error = Project::open(&bert_location).unwrap_err();
    let text = error.to_string();
    assert!(error.is_bad_input(), "{text}");
    assert!(
        text.contains("made by database user reviewer") && text.contains("grant"),
        "{text}"
    );
    assert!(!text.contains("bert-secret"), "{text}");
    let Location::Postgres(owner) = &location else {
        unreachable!()
    };
    ledgerlink::core::project::pg::grant(owner, &role, false).unwrap();
    let mut bert = Project::open(&bert_location).unwrap();
    assert_eq!(bert.list(Side::Crm).len(), 4, "bert may read");
    let Location::Postgres(bert_pg) = &bert_location else {
        unreachable!()
    };
    let bert_window = Watcher::start(bert_pg, "bert", Box::new(|| {}));
    let anna_window = Watcher::start(owner, "anna", Box::new(|| {}));
    let seen = (0..500).any(|_| {
        std::thread::sleep(Duration::from_millis(20));
        anna_window.others() == ["bert"]
    });
    assert!(
        seen,
        "a reader's window is present too: {:?}",
        anna_window.others()
    );
    drop(bert_window);
    let error = bert.decide(&link("C0", "E0"), "bert", None).unwrap_err();
    assert!(
        error.is_bad_input() && error.to_string().contains("may not change"),
        "{error}"
    );
    ledgerlink::core::project::pg::grant(owner, &role, true).unwrap();
    bert.decide(&link("C0", "E0"), "bert", None).unwrap();
    assert_eq!(Project::open(&location).unwrap().links().len(), 1);
}
