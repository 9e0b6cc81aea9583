//! Storing and reading the suggestions: the `suggestions`, `duplicate_clusters` and
//! `xref_checks` tables.

use std::path::Path;

use rusqlite::{Connection, params};

use crate::core::matching::{Band, Contribution, XrefStatus};

use super::error::ProjectError;
use super::suggestions::{Cluster, Suggestion, Suggestions, Xref};

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
pub(crate) fn encode_contributions(contributions: &[Contribution]) -> String {
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
        let kind = kind_of(item);
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
    write_clusters(connection, file, &suggestions.clusters)?;
    write_xrefs(connection, file, &suggestions.xrefs)
}

fn write_clusters(
    connection: &Connection,
    file: &Path,
    clusters: &[Cluster],
) -> Result<(), ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "store the suggestions", source);
    let mut insert = connection
        .prepare_cached(
            "INSERT INTO duplicate_clusters (cluster, position, side, key, probability, reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .map_err(sqlite)?;
    for (number, cluster) in clusters.iter().enumerate() {
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
    Ok(())
}

fn write_xrefs(connection: &Connection, file: &Path, xrefs: &[Xref]) -> Result<(), ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "store the suggestions", source);
    let mut insert = connection
        .prepare_cached("INSERT INTO xref_checks (crm_key, xref, status, suggested_erp_key) VALUES (?1, ?2, ?3, ?4)")
        .map_err(sqlite)?;
    for check in xrefs {
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

/// `pair` or `alternative`: the `suggestions.kind` of `item`.
pub(crate) fn kind_of(item: &Suggestion) -> &'static str {
    if item.is_alternative {
        "alternative"
    } else {
        "pair"
    }
}

/// One `suggestions` row as stored, column by column.
pub(crate) struct SuggestionRow<'a> {
    pub id: i64,
    pub kind: &'a str,
    pub crm: String,
    pub erp: String,
    pub probability: f64,
    pub band: &'a str,
    pub reason: String,
    pub contributions: &'a str,
}

impl SuggestionRow<'_> {
    /// The suggestion it holds; a damaged band or explanation is [`ProjectError::Corrupt`].
    pub fn into_suggestion(self, file: &Path) -> Result<Suggestion, ProjectError> {
        let corrupt = |detail: String| ProjectError::Corrupt {
            file: file.to_path_buf(),
            detail,
        };
        let band = parse_band(self.band)
            .ok_or_else(|| corrupt(format!("unknown band '{}'", self.band)))?;
        let contributions = decode_contributions(self.contributions).ok_or_else(|| {
            corrupt(format!(
                "the explanation of suggestion {:?} is damaged",
                self.contributions
            ))
        })?;
        Ok(Suggestion {
            id: self.id,
            contributions,
            is_alternative: self.kind == "alternative",
            crm: self.crm,
            erp: self.erp,
            probability: self.probability,
            band,
            reason: self.reason,
        })
    }
}

/// Add one `duplicate_clusters` row (rows come by cluster, then position) to `clusters`.
pub(crate) fn push_cluster_row(
    file: &Path,
    clusters: &mut Vec<(i64, Cluster)>,
    (number, side, key): (i64, &str, String),
    (probability, reason): (f64, String),
) -> Result<(), ProjectError> {
    if clusters.last().map(|(last, _)| *last) != Some(number) {
        let side = side.parse().map_err(|detail| ProjectError::Corrupt {
            file: file.to_path_buf(),
            detail,
        })?;
        let cluster = Cluster {
            side,
            members: Vec::new(),
            probability,
            reason,
        };
        clusters.push((number, cluster));
    }
    if let Some((_, cluster)) = clusters.last_mut() {
        cluster.members.push(key);
    }
    Ok(())
}

/// One `xref_checks` row as a check; an unknown status is [`ProjectError::Corrupt`].
pub(crate) fn xref_from(
    file: &Path,
    (crm, xref, status): (String, String, &str),
    suggested_erp: Option<String>,
) -> Result<Xref, ProjectError> {
    Ok(Xref {
        crm,
        xref,
        status: parse_xref_status(status).ok_or_else(|| ProjectError::Corrupt {
            file: file.to_path_buf(),
            detail: format!("unknown xref status '{status}'"),
        })?,
        suggested_erp,
    })
}

/// Read the stored suggestions.
pub fn load_suggestions(connection: &Connection, file: &Path) -> Result<Suggestions, ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "read the suggestions", source);
    let items = load_pairs(connection, file)?;
    let mut clusters = Vec::new();
    let mut statement = connection
        .prepare("SELECT cluster, side, key, probability, reason FROM duplicate_clusters ORDER BY cluster, position")
        .map_err(sqlite)?;
    let mut rows = statement.query([]).map_err(sqlite)?;
    while let Some(row) = rows.next().map_err(sqlite)? {
        let side: String = row.get(1).map_err(sqlite)?;
        let member = (
            row.get(0).map_err(sqlite)?,
            side.as_str(),
            row.get(2).map_err(sqlite)?,
        );
        let about = (row.get(3).map_err(sqlite)?, row.get(4).map_err(sqlite)?);
        push_cluster_row(file, &mut clusters, member, about)?;
    }
    let xrefs = load_xrefs(connection, file)?;
    let clusters = clusters.into_iter().map(|(_, cluster)| cluster).collect();
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
        let stored = SuggestionRow {
            id: row.get(0).map_err(sqlite)?,
            kind: text(1).map_err(sqlite)?,
            crm: row.get(2).map_err(sqlite)?,
            erp: row.get(3).map_err(sqlite)?,
            probability: row.get(4).map_err(sqlite)?,
            band: text(5).map_err(sqlite)?,
            reason: row.get(6).map_err(sqlite)?,
            contributions: text(7).map_err(sqlite)?,
        };
        items.push(stored.into_suggestion(file)?);
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
        let check = (
            row.get(0).map_err(sqlite)?,
            row.get(1).map_err(sqlite)?,
            status.as_str(),
        );
        xrefs.push(xref_from(file, check, row.get(3).map_err(sqlite)?)?);
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
