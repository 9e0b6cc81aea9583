//! What matching suggested, as the project keeps it: pairs with their probability, band and
//! explanation, the losing alternatives, duplicate clusters within each list, and the checks of
//! the cross-references kept in the CRM. Stored by record key, so they read the same after the
//! lists change; held in memory with rows for fast lookup.

use serde::{Deserialize, Serialize};

use crate::core::matching::{
    Band, Contribution, DuplicateCluster, PairSuggestion, XrefCheck, XrefStatus,
};
use crate::core::model::Side;

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
            .filter_map(|cluster| cluster_by_keys(cluster, crm, erp))
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

/// A duplicate cluster by record keys; `None` when a row is out of range.
fn cluster_by_keys(
    cluster: &DuplicateCluster,
    crm: &RecordList,
    erp: &RecordList,
) -> Option<Cluster> {
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
}
