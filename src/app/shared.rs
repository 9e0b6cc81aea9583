//! A project on a PostgreSQL server in the window: a watcher (`core::project::pg::watch`)
//! hears of the other reviewers' decisions the moment they commit, and the window shows them
//! at once, saying who took them; the status bar says who else has the project open, and when
//! the server cannot be reached (the window keeps trying; decisions taken meanwhile are refused
//! with a message, and a note typed stays in its field).

use crate::core::project::pg::watch::Watcher;
use crate::core::project::{AssignRule, DecisionEntry, Location, Subject};

use super::App;
use super::notice::Notice;
use super::screens::reviewers::HandChoices;
use super::workspace::Workspace;

/// The watcher of the open shared project, for one reviewer.
pub(super) struct SharedWatch {
    watcher: Watcher,
    reviewer: String,
    location: String,
}

impl App {
    /// Each frame: keep a watcher running for the open shared project and the reviewer at the
    /// keyboard, and catch up at once when it heard of a change.
    pub(super) fn watch_shared(&mut self, ctx: &egui::Context) {
        let reviewer = self.reviewer();
        let named = self.settings.reviewer_name().is_some();
        let Some(workspace) = self.workspace.as_mut() else {
            self.watch = None;
            return;
        };
        if named {
            workspace.set_reviewer(&reviewer);
        }
        let Location::Postgres(server) = workspace.project().location() else {
            self.watch = None;
            return;
        };
        let location = server.to_string();
        let stale = self
            .watch
            .as_ref()
            .is_none_or(|watch| watch.reviewer != reviewer || watch.location != location);
        if stale {
            let waker = ctx.clone();
            let wake = Box::new(move || waker.request_repaint());
            self.watch = Some(SharedWatch {
                watcher: Watcher::start(server, &reviewer, wake),
                reviewer,
                location,
            });
        }
        if self
            .watch
            .as_ref()
            .is_some_and(|watch| watch.watcher.take_changed())
        {
            self.catch_up_now();
        }
    }

    /// Show what other programs decided in the open project, now.
    pub(super) fn catch_up_now(&mut self) {
        let me = self.reviewer();
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        let before = workspace.project().last_seq();
        match workspace.catch_up() {
            Ok(changed) => {
                self.connection_lost = false;
                if changed {
                    self.generation += 1;
                    self.saved = Some(others_changes(workspace, before, &me));
                }
            }
            Err(error) if error.is_connection_lost() => self.connection_lost = true,
            Err(error) => self.notify(Notice::error(error.to_string())),
        }
    }

    /// Split open pairs and clusters by `rule` (the Reviewers screen), and say what went to
    /// whom.
    pub(super) fn assign(&mut self, rule: &AssignRule) {
        let by = self.reviewer();
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        match workspace.assign(rule, &by) {
            Ok(report) => {
                self.generation += 1;
                let parts: Vec<String> = report
                    .assigned
                    .iter()
                    .map(|(who, (pairs, clusters))| {
                        let who = if who.is_empty() { "nobody" } else { who };
                        format!("{pairs} pairs and {clusters} clusters to {who}")
                    })
                    .collect();
                let mut text = if parts.is_empty() {
                    "nothing was assigned".to_string()
                } else {
                    format!("Assigned {}", parts.join(", "))
                };
                if report.left > 0 {
                    text.push_str(&format!(
                        "; {} left unassigned (no value for the rule)",
                        report.left
                    ));
                }
                self.saved = Some(text.clone());
                self.notify(Notice::info(text));
            }
            Err(error) => self.notify(Notice::error(error.to_string())),
        }
    }

    /// The pair shown in Review and the cluster selected in Duplicates, for assigning by hand.
    pub(super) fn hand_choices(&self, workspace: &Workspace) -> HandChoices {
        let pair = self.review.current.and_then(|index| {
            let item = workspace.items.get(index)?;
            Some(Subject::Pair {
                crm: workspace
                    .key(crate::core::model::Side::Crm, item.crm_row)
                    .to_string(),
                erp: workspace
                    .key(crate::core::model::Side::Erp, item.erp_row)
                    .to_string(),
            })
        });
        let cluster = self.duplicates.selected.and_then(|index| {
            let cluster = workspace.clusters.get(index)?;
            let first = *cluster.rows.first()?;
            Some(Subject::Cluster {
                side: cluster.side,
                first: workspace.key(cluster.side, first).to_string(),
            })
        });
        HandChoices { pair, cluster }
    }

    /// The status bar's words about a shared project: who else is here, and whether the server
    /// can be reached; `None` for a project file.
    pub(super) fn presence_text(&self) -> Option<(String, bool)> {
        let watch = self.watch.as_ref()?;
        if self.connection_lost || !watch.watcher.is_connected() {
            return Some(("Server not reachable: retrying…".to_string(), false));
        }
        let others = watch.watcher.others();
        let text = if others.is_empty() {
            "Shared: nobody else here".to_string()
        } else {
            format!("Also here: {}", others.join(", "))
        };
        Some((text, true))
    }
}

/// "Bert accepted crm:C1 with erp:1001" for the latest decision others took after log entry
/// `before`, with how many more there were.
fn others_changes(workspace: &Workspace, before: i64, me: &str) -> String {
    let project = workspace.project();
    let theirs: Vec<&DecisionEntry> = project
        .decisions()
        .into_iter()
        .filter(|entry| entry.seq > before && entry.by != me)
        .collect();
    let Some(latest) = theirs.iter().max_by_key(|entry| entry.seq) else {
        return "changes from other reviewers shown".to_string();
    };
    let second = latest
        .second
        .as_ref()
        .map(|record| format!(" with {record}"))
        .unwrap_or_default();
    let more = match theirs.len() {
        1 => String::new(),
        count => format!(" (and {} more)", count - 1),
    };
    let verb = match latest.kind.as_str() {
        "accept" => "accepted".to_string(),
        "reject" => "rejected".to_string(),
        "link" => "linked".to_string(),
        "duplicate" => "marked as duplicates".to_string(),
        "not_duplicate" => "marked as not duplicates".to_string(),
        "unsure" => "flagged as unsure".to_string(),
        other => format!("decided {} for", other.replace('_', " ")),
    };
    format!("{} {verb} {}{second}{more}", latest.by, latest.first)
}
