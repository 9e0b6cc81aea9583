//! How an assignment rule gives an open pair or cluster a reviewer: the account owner's
//! column, the country (names and ISO codes alike: "Germany", "Deutschland" and "DE" are one
//! country), or the hand of the finance head.

use crate::core::model::{Role, Side};
use crate::core::normalize::address::country_code;

use super::Project;
use super::assignments::{AssignReport, AssignRule, Subject};

/// Header words (besides "owner") that name an account owner column.
const OWNER_HEADERS: &[&str] = &[
    "account manager",
    "sales rep",
    "salesperson",
    "sales person",
    "responsible",
    "verantwortlich",
    "betreuer",
    "vertriebsmitarbeiter",
    "responsable",
];

/// The column of `side` holding the account owner: `named` when given, else the first header
/// that names an owner.
fn owner_column(project: &Project, side: Side, named: Option<&str>) -> Option<usize> {
    let dataset = project.dataset(side);
    match named {
        Some(name) => {
            let name = name.trim().to_lowercase();
            (dataset.columns.iter()).position(|column| column.name.trim().to_lowercase() == name)
        }
        None => dataset.owner_column().or_else(|| {
            dataset.columns.iter().position(|column| {
                let header = column.name.to_lowercase().replace(['_', '.'], " ");
                OWNER_HEADERS.iter().any(|word| header.contains(word))
            })
        }),
    }
}

/// A cell of the record `key` of `side`, trimmed; `None` when empty.
fn cell<'a>(project: &'a Project, side: Side, key: &str, column: Option<usize>) -> Option<&'a str> {
    let row = project.list(side).row_of(key)?;
    let value = project.dataset(side).cells.cell(row, column?).trim();
    (!value.is_empty()).then_some(value)
}

/// The country of the record `key` of `side`, trimmed; `None` when it has none.
fn country<'a>(project: &'a Project, side: Side, key: &str) -> Option<&'a str> {
    cell(
        project,
        side,
        key,
        project.dataset(side).column_of(Role::Country),
    )
}

/// True when the country `written` in a list is the country `listed` in a rule: the same text
/// (any case), or the same ISO code once both are read as countries.
fn same_country(written: &str, listed: &str) -> bool {
    let listed = listed.trim();
    if written.trim().eq_ignore_ascii_case(listed) {
        return true;
    }
    matches!((country_code(written), country_code(listed)), (Some(a), Some(b)) if a == b)
}

impl Project {
    pub(crate) fn reviewer_by_rule(&self, rule: &AssignRule, subject: &Subject) -> Option<String> {
        let (side, key, other) = match subject {
            Subject::Pair { crm, erp } => {
                (Side::Crm, crm.as_str(), Some((Side::Erp, erp.as_str())))
            }
            Subject::Cluster { side, first } => (*side, first.as_str(), None),
        };
        let found = match rule {
            AssignRule::Hand { reviewer, .. } => Some(reviewer.trim()),
            AssignRule::Owner { column } => {
                let column = owner_column(self, side, column.as_deref());
                cell(self, side, key, column)
            }
            AssignRule::Country(table) => {
                let country = country(self, side, key)
                    .or_else(|| other.and_then(|(side, key)| country(self, side, key)));
                let listed = |written: &str| {
                    table
                        .iter()
                        .filter(|(name, _)| name.trim() != "*")
                        .find(|(name, _)| same_country(written, name))
                        .map(|(_, reviewer)| reviewer.as_str())
                };
                let fallback = || {
                    (table.iter().find(|(name, _)| name.trim() == "*"))
                        .map(|(_, reviewer)| reviewer.as_str())
                };
                country.and_then(listed).or_else(fallback)
            }
        };
        let hand = matches!(rule, AssignRule::Hand { .. });
        found
            .map(str::to_string)
            .filter(|name| hand || !name.is_empty())
    }
}

/// The log note of an assignment: "owner: 12 pairs and 1 cluster to bert; 3 left".
pub(crate) fn describe(rule: &AssignRule, report: &AssignReport) -> String {
    let how = match rule {
        AssignRule::Owner { .. } => "by owner",
        AssignRule::Country(_) => "by country",
        AssignRule::Hand { .. } => "by hand",
    };
    let parts: Vec<String> = report
        .assigned
        .iter()
        .map(|(reviewer, (pairs, clusters))| {
            let who = if reviewer.is_empty() {
                "nobody"
            } else {
                reviewer
            };
            format!("{pairs} pairs and {clusters} clusters to {who}")
        })
        .collect();
    let mut note = format!("{how}: {}", parts.join(", "));
    if report.left > 0 {
        note.push_str(&format!("; {} left unassigned", report.left));
    }
    note
}
