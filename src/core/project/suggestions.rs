//! What matching suggested, as the project keeps it: pairs with their probability, band and
//! explanation, the losing alternatives, duplicate clusters within each list, and the checks of
//! the cross-references kept in the CRM. Stored by record key, so they read the same after the
//! lists change; held in memory with rows for fast lookup.

use std::path::Path;

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::core::matching::{
    Band, Contribution, DuplicateCluster, PairSuggestion, XrefCheck, XrefStatus,
};
use crate::core::model::Side;

use super::error::ProjectError;
use super::hash::pair_fingerprint;
use super::lists::RecordList;

/// The output of a matching run, by dataset row, as `match_lists` and `find_duplicates` give it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SuggestionSet {
    /// Suggested pairs after the one-to-one assignment.
    pub pairs: Vec<PairSuggestion>,
    /// Losing candidates kept for review.
    pub alternatives: Vec<PairSuggestion>,
    /// Duplicate clusters of both lists.
    pub duplicates: Vec<DuplicateCluster>,
    /// The checks of the CRM's cross-references.
    pub xref_checks: Vec<XrefCheck>,
}

/// A suggested pair, by record key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// Its number in the project (1, 2, ... in matching's order).
    pub id: i64,
    /// The CRM record's key.
    pub crm: String,
    /// The ERP record's key.
    pub erp: String,
    /// Match probability in [0, 1].
    pub probability: f64,
    /// `auto` or `review`.
    pub band: Band,
    /// One sentence a sales manager understands.
    pub reason: String,
    /// Per-field contributions, largest effect first.
    pub contributions: Vec<Contribution>,
    /// True for a losing candidate (not in the one-to-one assignment).
    pub is_alternative: bool,
}

/// A duplicate cluster of one list, by record key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// The list.
    pub side: Side,
    /// The members' keys; the first is the suggested master.
    pub members: Vec<String>,
    /// The lowest pairwise probability inside the cluster.
    pub probability: f64,
    /// Why the members belong together.
    pub reason: String,
}

/// The check of one CRM cross-reference, by record key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Xref {
    /// The CRM record's key.
    pub crm: String,
    /// The cross-reference as exported.
    pub xref: String,
    /// What it turned out to be.
    pub status: XrefStatus,
    /// The key of the ERP record the data point to, if any.
    pub suggested_erp: Option<String>,
}

/// Everything matching suggested, with a lookup by pair.
#[derive(Debug, Clone, Default)]
pub struct Suggestions {
    /// Pairs first (in matching's order), then alternatives.
    pub items: Vec<Suggestion>,
    /// Duplicate clusters of both lists.
    pub clusters: Vec<Cluster>,
    /// Cross-reference checks.
    pub xrefs: Vec<Xref>,
    /// (fingerprint of the pair, index in `items`), sorted.
    by_pair: Vec<(u64, u32)>,
}

impl Suggestions {
    /// Collect stored parts and index them.
    pub fn new(items: Vec<Suggestion>, clusters: Vec<Cluster>, xrefs: Vec<Xref>) -> Self {
        let mut by_pair: Vec<(u64, u32)> = items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let index = u32::try_from(index).unwrap_or(u32::MAX);
                (pair_fingerprint(&item.crm, &item.erp), index)
            })
            .collect();
        // Sorting by index too keeps the first (best) entry of a pair listed twice in front.
        by_pair.sort_unstable();
        Suggestions {
            items,
            clusters,
            xrefs,
            by_pair,
        }
    }

    /// Turn a matching run's rows into keys of `crm` and `erp`. Rows out of range are dropped:
    /// a matching run on other lists cannot name them.
    pub fn from_set(set: &SuggestionSet, crm: &RecordList, erp: &RecordList) -> Self {
        let tagged = set
            .pairs
            .iter()
            .map(|pair| (pair, false))
            .chain(set.alternatives.iter().map(|pair| (pair, true)));
        let mut items = Vec::new();
        for (pair, is_alternative) in tagged {
            let (Some(crm_record), Some(erp_record)) =
                (crm.record_at(pair.crm_row), erp.record_at(pair.erp_row))
            else {
                continue;
            };
            items.push(Suggestion {
                id: items.len() as i64 + 1,
                crm: crm_record.key().to_string(),
                erp: erp_record.key().to_string(),
                probability: pair.probability,
                band: pair.band,
                reason: pair.reason.clone(),
                contributions: pair.contributions.clone(),
                is_alternative,
            });
        }
        let clusters = set
            .duplicates
            .iter()
            .filter_map(|cluster| {
                let list = match cluster.side {
                    Side::Crm => crm,
                    Side::Erp => erp,
                };
                let members: Option<Vec<String>> = cluster
                    .rows
                    .iter()
                    .map(|&row| list.record_at(row).map(|record| record.key().to_string()))
                    .collect();
                Some(Cluster {
                    side: cluster.side,
                    members: members?,
                    probability: cluster.probability,
                    reason: cluster.reason.clone(),
                })
            })
            .collect();
        let xrefs = set
            .xref_checks
            .iter()
            .filter_map(|check| {
                Some(Xref {
                    crm: crm.record_at(check.crm_row)?.key().to_string(),
                    xref: check.xref.clone(),
                    status: check.status,
                    suggested_erp: check
                        .suggested_erp_row
                        .and_then(|row| erp.record_at(row))
                        .map(|record| record.key().to_string()),
                })
            })
            .collect();
        Suggestions::new(items, clusters, xrefs)
    }

    /// The suggestion for a pair (primary or alternative).
    pub fn find(&self, crm: &str, erp: &str) -> Option<&Suggestion> {
        let fingerprint = pair_fingerprint(crm, erp);
        let start = self
            .by_pair
            .partition_point(|&(other, _)| other < fingerprint);
        self.by_pair[start..]
            .iter()
            .take_while(|&&(other, _)| other == fingerprint)
            .filter_map(|&(_, index)| self.items.get(index as usize))
            .find(|item| item.crm == crm && item.erp == erp)
    }

    /// The primary pairs (after the one-to-one assignment).
    pub fn pairs(&self) -> impl Iterator<Item = &Suggestion> {
        self.items.iter().filter(|item| !item.is_alternative)
    }

    /// The losing candidates.
    pub fn alternatives(&self) -> impl Iterator<Item = &Suggestion> {
        self.items.iter().filter(|item| item.is_alternative)
    }
}

/// `auto` / `review` back to a [`Band`].
pub fn parse_band(text: &str) -> Option<Band> {
    match text {
        "auto" => Some(Band::Auto),
        "review" => Some(Band::Review),
        _ => None,
    }
}

/// `confirmed` / `unknown_number` / `contradicted` back to an [`XrefStatus`].
pub fn parse_xref_status(text: &str) -> Option<XrefStatus> {
    [
        XrefStatus::Confirmed,
        XrefStatus::UnknownNumber,
        XrefStatus::Contradicted,
    ]
    .into_iter()
    .find(|status| status.as_str() == text)
}

/// Separates the fields of one contribution in the `suggestions.contributions` column.
const FIELD_SEPARATOR: char = '\u{1f}';
/// Ends one contribution in the `suggestions.contributions` column.
const CONTRIBUTION_END: char = '\u{1e}';

/// Contributions as stored: `field US level US weight RS` per contribution (the weight in
/// Rust's shortest exact notation). Much faster to read back than JSON, and still text.
fn encode_contributions(contributions: &[Contribution]) -> String {
    let clean = |text: &str| text.replace([FIELD_SEPARATOR, CONTRIBUTION_END], " ");
    contributions
        .iter()
        .map(|item| {
            format!(
                "{}{FIELD_SEPARATOR}{}{FIELD_SEPARATOR}{}{CONTRIBUTION_END}",
                clean(&item.field),
                clean(&item.level),
                item.weight
            )
        })
        .collect()
}

/// Read what [`encode_contributions`] wrote; `None` when it is damaged.
fn decode_contributions(text: &str) -> Option<Vec<Contribution>> {
    text.split_terminator(CONTRIBUTION_END)
        .map(|item| {
            let mut parts = item.split(FIELD_SEPARATOR);
            let contribution = Contribution {
                field: parts.next()?.to_string(),
                level: parts.next()?.to_string(),
                weight: parts.next()?.parse().ok()?,
            };
            parts.next().is_none().then_some(contribution)
        })
        .collect()
}

/// Replace the stored suggestions.
pub fn write_suggestions(
    connection: &Connection,
    file: &Path,
    suggestions: &Suggestions,
) -> Result<(), ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "store the suggestions", source);
    connection
        .execute_batch(
            "DELETE FROM suggestions; DELETE FROM duplicate_clusters; DELETE FROM xref_checks;",
        )
        .map_err(sqlite)?;
    let mut insert = connection
        .prepare_cached(
            "INSERT INTO suggestions (id, kind, crm_key, erp_key, probability, band, reason, contributions)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(sqlite)?;
    for item in &suggestions.items {
        let contributions = encode_contributions(&item.contributions);
        let kind = if item.is_alternative {
            "alternative"
        } else {
            "pair"
        };
        insert
            .execute(params![
                item.id,
                kind,
                item.crm,
                item.erp,
                item.probability,
                item.band.as_str(),
                item.reason,
                contributions
            ])
            .map_err(sqlite)?;
    }
    let mut insert = connection
        .prepare_cached(
            "INSERT INTO duplicate_clusters (cluster, position, side, key, probability, reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .map_err(sqlite)?;
    for (number, cluster) in suggestions.clusters.iter().enumerate() {
        for (position, key) in cluster.members.iter().enumerate() {
            insert
                .execute(params![
                    number as i64,
                    position as i64,
                    cluster.side.as_str(),
                    key,
                    cluster.probability,
                    cluster.reason
                ])
                .map_err(sqlite)?;
        }
    }
    let mut insert = connection
        .prepare_cached("INSERT INTO xref_checks (crm_key, xref, status, suggested_erp_key) VALUES (?1, ?2, ?3, ?4)")
        .map_err(sqlite)?;
    for check in &suggestions.xrefs {
        insert
            .execute(params![
                check.crm,
                check.xref,
                check.status.as_str(),
                check.suggested_erp
            ])
            .map_err(sqlite)?;
    }
    Ok(())
}

/// Read the stored suggestions.
pub fn load_suggestions(connection: &Connection, file: &Path) -> Result<Suggestions, ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "read the suggestions", source);
    let corrupt = |detail: String| ProjectError::Corrupt {
        file: file.to_path_buf(),
        detail,
    };
    let items = load_pairs(connection, file)?;
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut statement = connection
        .prepare("SELECT cluster, side, key, probability, reason FROM duplicate_clusters ORDER BY cluster, position")
        .map_err(sqlite)?;
    let mut rows = statement.query([]).map_err(sqlite)?;
    let mut current_cluster = None;
    while let Some(row) = rows.next().map_err(sqlite)? {
        let number: i64 = row.get(0).map_err(sqlite)?;
        let side: String = row.get(1).map_err(sqlite)?;
        if current_cluster != Some(number) {
            current_cluster = Some(number);
            clusters.push(Cluster {
                side: side.parse().map_err(corrupt)?,
                members: Vec::new(),
                probability: row.get(3).map_err(sqlite)?,
                reason: row.get(4).map_err(sqlite)?,
            });
        }
        if let Some(cluster) = clusters.last_mut() {
            cluster.members.push(row.get(2).map_err(sqlite)?);
        }
    }
    let xrefs = load_xrefs(connection, file)?;
    Ok(Suggestions::new(items, clusters, xrefs))
}

fn load_pairs(connection: &Connection, file: &Path) -> Result<Vec<Suggestion>, ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "read the suggestions", source);
    let mut items = Vec::new();
    let mut statement = connection
        .prepare("SELECT id, kind, crm_key, erp_key, probability, band, reason, contributions FROM suggestions ORDER BY id")
        .map_err(sqlite)?;
    let mut rows = statement.query([]).map_err(sqlite)?;
    while let Some(row) = rows.next().map_err(sqlite)? {
        let text = |index| row.get_ref(index).and_then(|value| Ok(value.as_str()?));
        let band = text(5).map_err(sqlite)?;
        let band = parse_band(band).ok_or_else(|| ProjectError::Corrupt {
            file: file.to_path_buf(),
            detail: format!("unknown band '{band}'"),
        })?;
        let contributions = text(7).map_err(sqlite)?;
        let contributions =
            decode_contributions(contributions).ok_or_else(|| ProjectError::Corrupt {
                file: file.to_path_buf(),
                detail: format!("the explanation of suggestion {contributions:?} is damaged"),
            })?;
        items.push(Suggestion {
            id: row.get(0).map_err(sqlite)?,
            contributions,
            is_alternative: text(1).map_err(sqlite)? == "alternative",
            crm: row.get(2).map_err(sqlite)?,
            erp: row.get(3).map_err(sqlite)?,
            probability: row.get(4).map_err(sqlite)?,
            band,
            reason: row.get(6).map_err(sqlite)?,
        });
    }
    Ok(items)
}

fn load_xrefs(connection: &Connection, file: &Path) -> Result<Vec<Xref>, ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "read the suggestions", source);
    let mut xrefs = Vec::new();
    let mut statement = connection
        .prepare("SELECT crm_key, xref, status, suggested_erp_key FROM xref_checks ORDER BY rowid")
        .map_err(sqlite)?;
    let mut rows = statement.query([]).map_err(sqlite)?;
    while let Some(row) = rows.next().map_err(sqlite)? {
        let status: String = row.get(2).map_err(sqlite)?;
        xrefs.push(Xref {
            crm: row.get(0).map_err(sqlite)?,
            xref: row.get(1).map_err(sqlite)?,
            status: parse_xref_status(&status).ok_or_else(|| ProjectError::Corrupt {
                file: file.to_path_buf(),
                detail: format!("unknown xref status '{status}'"),
            })?,
            suggested_erp: row.get(3).map_err(sqlite)?,
        });
    }
    Ok(xrefs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contributions_round_trip_exactly() {
        let contributions = vec![
            Contribution {
                field: "VAT number".into(),
                level: "exact".into(),
                weight: 13.287_712_379_549_449,
            },
            Contribution {
                field: "city".into(),
                level: "different".into(),
                weight: -4.5,
            },
        ];
        let text = encode_contributions(&contributions);
        assert_eq!(decode_contributions(&text), Some(contributions));
        assert_eq!(decode_contributions(""), Some(Vec::new()));
        assert_eq!(decode_contributions("name\u{1f}exact\u{1e}"), None);
    }
}
