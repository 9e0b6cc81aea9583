//! Assignment: the finance head splits the open pairs and duplicate clusters among reviewers,
//! by account owner, by country, or by hand. Each reviewer's queue shows their share first
//! ([`Project::open_queue_for`]), and [`Project::progress`] tells how far each one is. An
//! assignment is not a decision: it is logged (action `assign`, with a note saying what went
//! to whom) so that other windows pick it up, but undo does not move it.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::core::model::Side;

use super::assign_rules::describe;
use super::error::ProjectError;
use super::log::LogRow;
use super::suggestions::Suggestion;
use super::{Project, catch_up, utc_now};

/// One row of the `assignments` table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AssignmentRow {
    /// `pair` or `cluster`.
    pub kind: String,
    /// A pair's CRM key; a cluster's list (`crm` or `erp`).
    pub key_a: String,
    /// A pair's ERP key; a cluster's first member.
    pub key_b: String,
    /// Who reviews it; empty to release it.
    pub reviewer: String,
    /// Who assigned it.
    pub assigned_by: String,
    /// When (UTC).
    pub assigned_at: String,
}

/// What can be assigned: a suggested pair, or a duplicate cluster (named by its list and its
/// first member, the suggested master).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Subject {
    /// A suggested pair.
    Pair {
        /// The CRM key.
        crm: String,
        /// The ERP key.
        erp: String,
    },
    /// A duplicate cluster.
    Cluster {
        /// Its list.
        side: Side,
        /// Its first member's key.
        first: String,
    },
}

impl Subject {
    fn row(&self, reviewer: &str, by: &str, at: &str) -> AssignmentRow {
        let (kind, key_a, key_b) = match self {
            Subject::Pair { crm, erp } => ("pair", crm.clone(), erp.clone()),
            Subject::Cluster { side, first } => {
                ("cluster", side.as_str().to_string(), first.clone())
            }
        };
        AssignmentRow {
            kind: kind.to_string(),
            key_a,
            key_b,
            reviewer: reviewer.to_string(),
            assigned_by: by.to_string(),
            assigned_at: at.to_string(),
        }
    }

    fn from_row(row: &AssignmentRow) -> Option<Subject> {
        match row.kind.as_str() {
            "pair" => Some(Subject::Pair {
                crm: row.key_a.clone(),
                erp: row.key_b.clone(),
            }),
            "cluster" => Some(Subject::Cluster {
                side: row.key_a.parse().ok()?,
                first: row.key_b.clone(),
            }),
            _ => None,
        }
    }
}

/// Who each subject is assigned to.
#[derive(Debug, Clone, Default)]
pub struct Assignments {
    reviewers: HashMap<Subject, String>,
    version: u64,
}

impl Assignments {
    pub(crate) fn from_rows(rows: &[AssignmentRow]) -> Assignments {
        let reviewers = rows
            .iter()
            .filter_map(|row| Some((Subject::from_row(row)?, row.reviewer.clone())))
            .collect();
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for row in rows {
            std::hash::Hash::hash(
                &(&row.kind, &row.key_a, &row.key_b, &row.reviewer),
                &mut hasher,
            );
        }
        let version = std::hash::Hasher::finish(&hasher);
        Assignments { reviewers, version }
    }

    /// A number that changes whenever the assignments change (screens rebuild their queue).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Who reviews `subject`, if anyone.
    pub fn reviewer(&self, subject: &Subject) -> Option<&str> {
        self.reviewers.get(subject).map(String::as_str)
    }

    /// The reviewer of the pair `crm`–`erp`, if anyone.
    pub fn pair_reviewer(&self, crm: &str, erp: &str) -> Option<&str> {
        self.reviewer(&Subject::Pair {
            crm: crm.to_string(),
            erp: erp.to_string(),
        })
    }

    /// Where the pair `crm`–`erp` comes in `reviewer`'s queue: 0 for their own share, 1 for
    /// a pair nobody has, 2 for another reviewer's.
    pub fn queue_rank(&self, crm: &str, erp: &str, reviewer: &str) -> u8 {
        match self.pair_reviewer(crm, erp) {
            Some(who) if who == reviewer => 0,
            None => 1,
            Some(_) => 2,
        }
    }

    /// True when nothing is assigned.
    pub fn is_empty(&self) -> bool {
        self.reviewers.is_empty()
    }

    /// Every assignment.
    pub fn iter(&self) -> impl Iterator<Item = (&Subject, &str)> {
        self.reviewers
            .iter()
            .map(|(subject, reviewer)| (subject, reviewer.as_str()))
    }
}

/// How to split the open pairs and clusters.
#[derive(Debug, Clone, PartialEq)]
pub enum AssignRule {
    /// To the account's owner: the value of the CRM column `column` (or, when `None`, of the
    /// first column whose header names an owner: "Account Owner", "Owner Name", "Sales rep"
    /// ...). A cluster of ERP customers goes by the ERP list's owner column if it has one.
    Owner {
        /// The owner column's header, when given.
        column: Option<String>,
    },
    /// By country: `(country, reviewer)` pairs, the country as written in the lists (name or ISO
    /// code, any case); `*` takes every other country.
    Country(Vec<(String, String)>),
    /// By hand: these subjects to this reviewer (an empty reviewer releases them).
    Hand {
        /// The pairs and clusters.
        subjects: Vec<Subject>,
        /// Who reviews them.
        reviewer: String,
    },
}

/// What an assignment did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AssignReport {
    /// Subjects assigned, per reviewer (pairs, clusters).
    pub assigned: BTreeMap<String, (usize, usize)>,
    /// Open subjects the rule gave nobody (no owner, a country not listed).
    pub left: usize,
}

/// How far one reviewer is with their share.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReviewerProgress {
    /// The reviewer.
    pub reviewer: String,
    /// Pairs assigned to them.
    pub pairs: usize,
    /// Of those, still open.
    pub pairs_open: usize,
    /// Duplicate clusters assigned to them.
    pub clusters: usize,
    /// Of those, still undecided.
    pub clusters_open: usize,
    /// Decisions of theirs in effect (assigned or not).
    pub decisions: usize,
}

impl Project {
    /// Who each pair and cluster is assigned to.
    pub fn assignments(&self) -> &Assignments {
        &self.loaded.assignments
    }

    /// Every open subject: the pairs of the review queue and the undecided clusters.
    pub fn open_subjects(&self) -> Vec<Subject> {
        let pairs = self.open_queue().into_iter().map(|item| Subject::Pair {
            crm: item.crm.clone(),
            erp: item.erp.clone(),
        });
        let open_clusters = self.open_clusters();
        pairs.chain(open_clusters).collect()
    }

    fn open_clusters(&self) -> Vec<Subject> {
        let mut marked: HashSet<(Side, &str, &str)> = HashSet::new();
        for entry in self
            .duplicate_marks()
            .into_iter()
            .chain(self.not_duplicate_marks())
        {
            if let Some(second) = &entry.second {
                marked.insert((entry.first.side, &entry.first.key, &second.key));
                marked.insert((entry.first.side, &second.key, &entry.first.key));
            }
        }
        let decided = |side: Side, member: &str, members: &[String]| {
            members
                .iter()
                .any(|other| marked.contains(&(side, member, other.as_str())))
        };
        self.suggestions()
            .clusters
            .iter()
            .filter(|cluster| {
                (cluster.members.iter())
                    .any(|member| !decided(cluster.side, member, &cluster.members))
            })
            .filter_map(|cluster| {
                Some(Subject::Cluster {
                    side: cluster.side,
                    first: cluster.members.first()?.clone(),
                })
            })
            .collect()
    }

    /// The review queue of `reviewer`: the open pairs assigned to them first, then those
    /// assigned to nobody, then the others' (each part most probable first).
    pub fn open_queue_for(&self, reviewer: &str) -> Vec<&Suggestion> {
        let mut queue = self.open_queue();
        let assignments = &self.loaded.assignments;
        queue.sort_by_key(|item| assignments.queue_rank(&item.crm, &item.erp, reviewer));
        queue
    }

    /// Split the open pairs and clusters by `rule` and record it (one transaction, logged as
    /// `assign` with what went to whom). Decided subjects keep their assignment.
    pub fn assign(&mut self, rule: &AssignRule, by: &str) -> Result<AssignReport, ProjectError> {
        let open = match rule {
            AssignRule::Hand { subjects, .. } => {
                self.check_subjects(subjects)?;
                subjects.clone()
            }
            _ => self.open_subjects(),
        };
        let mut report = AssignReport::default();
        let at = utc_now();
        let mut rows = Vec::new();
        for subject in &open {
            let Some(reviewer) = self.reviewer_by_rule(rule, subject) else {
                report.left += 1;
                continue;
            };
            let counts = report.assigned.entry(reviewer.clone()).or_default();
            match subject {
                Subject::Pair { .. } => counts.0 += 1,
                Subject::Cluster { .. } => counts.1 += 1,
            }
            rows.push(subject.row(&reviewer, by, &at));
        }
        let note = describe(rule, &report);
        let (loaded, name) = (&mut self.loaded, &self.name);
        self.backend.write("record the assignment", &mut |tx| {
            catch_up(tx, name, loaded)?;
            tx.assign(&rows)?;
            loaded.last_seq = tx.append_log(
                &LogRow {
                    note: Some(note.clone()),
                    ..LogRow::event("assign", (None, None), by, &at)
                },
                false,
            )?;
            loaded.assignments = Assignments::from_rows(&tx.assignments()?);
            Ok(())
        })?;
        Ok(report)
    }

    /// Refuse a subject that is neither a suggested pair nor a duplicate cluster (named by its
    /// first member) of this project.
    fn check_subjects(&self, subjects: &[Subject]) -> Result<(), ProjectError> {
        let suggestions = self.suggestions();
        for subject in subjects {
            let known = match subject {
                Subject::Pair { crm, erp } => suggestions.find(crm, erp).is_some(),
                Subject::Cluster { side, first } => suggestions
                    .clusters
                    .iter()
                    .any(|cluster| cluster.side == *side && cluster.members.first() == Some(first)),
            };
            if !known {
                let what = match subject {
                    Subject::Pair { crm, erp } => {
                        format!("CRM {crm} and ERP {erp} are not a suggested pair")
                    }
                    Subject::Cluster { side, first } => format!(
                        "{side} {first} does not lead a duplicate cluster (name a cluster by its \
                         first member)"
                    ),
                };
                return Err(ProjectError::invalid(
                    &self.name,
                    format!("{what}; nothing was assigned"),
                ));
            }
        }
        Ok(())
    }

    /// How far each reviewer with an assignment or a decision is, by name.
    pub fn progress(&self) -> Vec<ReviewerProgress> {
        let open: HashSet<Subject> = self.open_subjects().into_iter().collect();
        let mut by_name: BTreeMap<String, ReviewerProgress> = BTreeMap::new();
        // A pair or cluster that a re-import took away is neither open nor done.
        let suggestions = self.suggestions();
        let exists = |subject: &Subject| match subject {
            Subject::Pair { crm, erp } => suggestions.find(crm, erp).is_some(),
            Subject::Cluster { side, first } => (suggestions.clusters.iter())
                .any(|cluster| cluster.side == *side && cluster.members.first() == Some(first)),
        };
        for (subject, reviewer) in self
            .loaded
            .assignments
            .iter()
            .filter(|(subject, _)| exists(subject))
        {
            let progress = progress_of(&mut by_name, reviewer);
            let is_open = open.contains(subject);
            match subject {
                Subject::Pair { .. } => {
                    progress.pairs += 1;
                    progress.pairs_open += usize::from(is_open);
                }
                Subject::Cluster { .. } => {
                    progress.clusters += 1;
                    progress.clusters_open += usize::from(is_open);
                }
            }
        }
        for decision in self.decisions() {
            progress_of(&mut by_name, &decision.by).decisions += 1;
        }
        by_name.into_values().collect()
    }
}

fn progress_of<'a>(
    by_name: &'a mut BTreeMap<String, ReviewerProgress>,
    reviewer: &str,
) -> &'a mut ReviewerProgress {
    by_name
        .entry(reviewer.to_string())
        .or_insert_with(|| ReviewerProgress {
            reviewer: reviewer.to_string(),
            ..ReviewerProgress::default()
        })
}
