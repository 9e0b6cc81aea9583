//! Reliability of the project file: decisions reported done survive SIGKILL at any moment, and
//! two processes deciding on one project at once lose nothing and never break the rules.
//!
//! The deciding processes are this test binary started again to run the ignored test
//! `decider_child` (with `LEDGERLINK_DECIDER` telling it what to do).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::project_support;

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use ledgerlink::core::model::Side;
use ledgerlink::core::project::filesystem::{self, SHARED_FOLDER_ENV, SharedFolder};
use ledgerlink::core::project::{Decision, Location, NewProject, Project, Refusal, SuggestionSet};
use project_support::dataset_owned;

const CHILD_ENV: &str = "LEDGERLINK_DECIDER";

/// A project file with `crm` CRM records C0.. and `erp` ERP records E0.., no suggestions.
fn project_with(dir: &Path, crm: usize, erp: usize) -> PathBuf {
    let file = dir.join("shared.ledgerlink");
    project_at(&Location::File(file.clone()), crm, erp);
    file
}

/// A project at `location` with `crm` CRM records C0.. and `erp` ERP records E0.., no
/// suggestions.
pub(crate) fn project_at(location: &Location, crm: usize, erp: usize) {
    let crm_rows: Vec<Vec<String>> = (0..crm)
        .map(|i| vec![format!("C{i}"), format!("Firm {i}")])
        .collect();
    let erp_rows: Vec<Vec<String>> = (0..erp)
        .map(|i| vec![format!("E{i}"), format!("Firm {i}")])
        .collect();
    let setup = NewProject {
        crm: dataset_owned("crm.csv", &["id", "name"], &crm_rows),
        erp: dataset_owned("erp.csv", &["id", "name"], &erp_rows),
        crm_mapping: vec![],
        erp_mapping: vec![],
        policy: Default::default(),
        by: "test".into(),
    };
    Project::create_with_suggestions(location, setup, &SuggestionSet::default()).unwrap();
}

/// Run by the child processes only: link C{i + offset} to E{i} for i in 0..count, printing
/// `done i` once a link is committed (or found committed by an earlier run) and `refused i`
/// when the rules refuse it because E{i} is linked already.
#[test]
#[ignore = "started by the reliability tests as a child process"]
fn decider_child() {
    let spec = std::env::var(CHILD_ENV).expect("started without LEDGERLINK_DECIDER");
    let mut parts = spec.split('|');
    let location = Location::parse(parts.next().unwrap()).unwrap();
    let offset: usize = parts.next().unwrap().parse().unwrap();
    let count: usize = parts.next().unwrap().parse().unwrap();
    // As the program does at start: the core does not read the environment itself.
    let shared = std::env::var(SHARED_FOLDER_ENV).ok();
    filesystem::set_shared_folder(SharedFolder::from_env_value(shared.as_deref()));
    let mut project = Project::open(&location).unwrap();
    // libtest has printed "test decider_child ... " without a line end: start a fresh line.
    println!();
    for i in 0..count {
        let crm = format!("C{}", i + offset);
        let erp = format!("E{i}");
        if project.partners(Side::Crm, &crm).contains(&erp.as_str()) {
            println!("done {i}");
            continue;
        }
        let link = Decision::Link { crm, erp };
        match project.decide(&link, "child", None) {
            Ok(_) => println!("done {i}"),
            Err(error) => match error.refusal() {
                Some(Refusal::ConflictingLink { .. }) => println!("refused {i}"),
                _ => panic!("{error}"),
            },
        }
    }
}

fn start_child(file: &Path, offset: usize, count: usize, shared_folder: bool) -> Child {
    start_child_at(&file.display().to_string(), offset, count, shared_folder)
}

/// Start a child deciding on the project at `location` (a file or a URL).
pub(crate) fn start_child_at(
    location: &str,
    offset: usize,
    count: usize,
    shared_folder: bool,
) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            &child_test_name(),
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, format!("{location}|{offset}|{count}"))
        .env(SHARED_FOLDER_ENV, if shared_folder { "1" } else { "0" })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The numbers the child reported `done` and `refused`, read until its stdout closes.
pub(crate) fn reported(child: &mut Child) -> std::thread::JoinHandle<(Vec<usize>, Vec<usize>)> {
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        let (mut done, mut refused) = (Vec::new(), Vec::new());
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(number) = line.strip_prefix("done ") {
                done.push(number.trim().parse().unwrap());
            } else if let Some(number) = line.strip_prefix("refused ") {
                refused.push(number.trim().parse().unwrap());
            }
        }
        (done, refused)
    })
}

fn integrity(file: &Path) -> String {
    let connection = rusqlite::Connection::open(file).unwrap();
    connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap()
}

/// A small xorshift generator seeded from the clock, so kill moments differ from run to run;
/// the seed is printed, and `LEDGERLINK_SEED=N` repeats a run that failed.
pub(crate) struct Random(u64);

impl Random {
    pub(crate) fn new() -> Self {
        let seed = std::env::var("LEDGERLINK_SEED")
            .ok()
            .and_then(|text| text.parse::<u64>().ok())
            .unwrap_or_else(|| {
                let nanos = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .unwrap()
                    .subsec_nanos();
                u64::from(nanos)
            });
        eprintln!("reliability test: random seed {seed} (LEDGERLINK_SEED={seed} repeats it)");
        Random(seed | 1)
    }
    pub(crate) fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}

#[test]
fn decisions_reported_done_survive_sigkill_at_random_moments() {
    let dir = tempfile::tempdir().unwrap();
    let total = 5_000;
    let file = project_with(dir.path(), total, total);
    let mut random = Random::new();
    let mut reported_done: HashSet<usize> = HashSet::new();
    let started = Instant::now();
    let mut kills = 0;
    while started.elapsed() < Duration::from_secs(12) && kills < 60 {
        let mut child = start_child(&file, 0, total, false);
        let reader = reported(&mut child);
        std::thread::sleep(Duration::from_millis(50 + random.below(400)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        kills += 1;
        let (done, refused) = reader.join().unwrap();
        assert!(
            refused.is_empty(),
            "nothing conflicts in this test: {refused:?}"
        );
        reported_done.extend(done);
        // The project opens after every kill and holds every decision reported so far.
        let project = Project::open(&file).unwrap();
        let missing: Vec<&usize> = reported_done
            .iter()
            .filter(|i| project.partners(Side::Crm, &format!("C{i}")) != [format!("E{i}")])
            .collect();
        assert!(
            missing.is_empty(),
            "after kill {kills}: decisions reported done are lost: {missing:?}"
        );
    }
    assert!(kills >= 10, "only {kills} kills in the time given");
    assert!(
        reported_done.len() >= 10,
        "the child hardly decided anything: {}",
        reported_done.len()
    );
    assert_eq!(integrity(&file), "ok");
    eprintln!(
        "{kills} kills, {} decisions reported done and found",
        reported_done.len()
    );
}

#[test]
fn two_processes_deciding_at_once_lose_nothing_and_never_double_link() {
    two_processes_deciding_at_once(false);
}

/// The same on a folder shared by several computers, where the project uses SQLite's rollback
/// journal instead of the write-ahead log (see `core::project::filesystem`).
#[test]
fn two_processes_on_a_shared_folder_lose_nothing_either() {
    two_processes_deciding_at_once(true);
}

fn journal_mode(file: &Path) -> String {
    let connection = rusqlite::Connection::open(file).unwrap();
    connection
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap()
}

fn two_processes_deciding_at_once(shared_folder: bool) {
    let dir = tempfile::tempdir().unwrap();
    let count = 300;
    let file = project_with(dir.path(), 2 * count, count);
    if shared_folder {
        let connection = rusqlite::Connection::open(&file).unwrap();
        connection
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    // Both link ERP customer E{i}: one to C{i}, the other to C{i + count}. Exactly one of each
    // pair of decisions may win.
    let mut first = start_child(&file, 0, count, shared_folder);
    let mut second = start_child(&file, count, count, shared_folder);
    let first_reader = reported(&mut first);
    let second_reader = reported(&mut second);
    assert!(first.wait().unwrap().success());
    assert!(second.wait().unwrap().success());
    let (first_done, first_refused) = first_reader.join().unwrap();
    let (second_done, second_refused) = second_reader.join().unwrap();
    let expected_mode = if shared_folder { "delete" } else { "wal" };
    assert_eq!(journal_mode(&file), expected_mode);
    assert_eq!(first_done.len() + first_refused.len(), count);
    assert_eq!(second_done.len() + second_refused.len(), count);
    let winners: HashSet<usize> = first_done.iter().chain(&second_done).copied().collect();
    assert_eq!(
        winners.len(),
        count,
        "every ERP customer was linked exactly once"
    );
    assert_eq!(
        first_done.len() + second_done.len(),
        count,
        "no ERP customer was linked twice"
    );
    let project = Project::open(&file).unwrap();
    assert_eq!(project.links().len(), count);
    for i in &first_done {
        assert_eq!(
            project.partners(Side::Erp, &format!("E{i}")),
            [format!("C{i}")]
        );
    }
    for i in &second_done {
        assert_eq!(
            project.partners(Side::Erp, &format!("E{i}")),
            [format!("C{}", i + count)]
        );
    }
    assert_eq!(project.audit_log().unwrap().len(), count);
    assert_eq!(integrity(&file), "ok");
}

/// The child test's name as libtest knows it in this grouped test crate (`project_shared::
/// writer_child`): the module path without the crate's name.
fn child_test_name() -> String {
    let module = module_path!();
    let within = module.split_once("::").map_or(module, |(_, rest)| rest);
    format!("{within}::decider_child")
}
