//! The lists and the suggestions of a project on a server: read with plain queries, written
//! with binary `COPY` (100,000 records in about a second).

use postgres::types::{ToSql, Type};

use crate::core::model::Side;

use super::super::error::ProjectError;
use super::super::lists::{RecordList, encode_cells};
use super::super::store::{ListRow, StoredRecords};
use super::super::suggestion_store::{
    SuggestionRow, encode_contributions, kind_of, push_cluster_row, xref_from,
};
use super::super::suggestions::Suggestions;
use super::pg_error;
use super::tx::PgTx;

/// The list of `side`.
pub(super) fn load_list(tx: &mut PgTx<'_, '_>, side: Side) -> Result<RecordList, ProjectError> {
    let action = "read the imported lists";
    let side_name = side.as_str();
    let rows = tx.query(
        action,
        "SELECT columns, report, mapping, imported_at, imported_by, generation FROM lists WHERE side = $1",
        &[&side_name],
    )?;
    let row = rows.first().ok_or_else(|| ProjectError::Corrupt {
        file: tx.name.to_path_buf(),
        detail: format!("the {side} list is missing"),
    })?;
    let header = ListRow {
        columns: row.get(0),
        report: row.get(1),
        mapping: row.get(2),
        imported_at: row.get(3),
        imported_by: row.get(4),
        generation: row.get(5),
    };
    let mut records = StoredRecords::new(header.column_count(tx.name, side)?);
    let rows = tx.query(
        action,
        "SELECT \"row\", key, source_row, hash, cells FROM records WHERE side = $1 ORDER BY \"row\"",
        &[&side_name],
    )?;
    for row in &rows {
        let fields = (row.get(0), row.get(1), row.get(2), row.get(3));
        records.push((tx.name, side), fields, row.get::<_, &[u8]>(4))?;
    }
    header.into_list(tx.name, side, records)
}

/// Replace the list of its side.
pub(super) fn write_list(tx: &mut PgTx<'_, '_>, list: &RecordList) -> Result<(), ProjectError> {
    let action = "store the imported list";
    let header = ListRow::of(tx.name, list)?;
    let side = list.side.as_str();
    tx.execute(
        action,
        "INSERT INTO lists (side, columns, report, mapping, imported_at, imported_by, generation)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (side) DO UPDATE SET columns = excluded.columns, report = excluded.report,
             mapping = excluded.mapping, imported_at = excluded.imported_at,
             imported_by = excluded.imported_by, generation = excluded.generation",
        &[
            &side,
            &header.columns,
            &header.report,
            &header.mapping,
            &header.imported_at,
            &header.imported_by,
            &header.generation,
        ],
    )?;
    tx.execute(action, "DELETE FROM records WHERE side = $1", &[&side])?;
    let types = [
        Type::TEXT,
        Type::INT8,
        Type::TEXT,
        Type::INT8,
        Type::INT8,
        Type::BYTEA,
    ];
    let mut bytes = Vec::new();
    tx.copy_in(
        action,
        (
            "records (side, \"row\", key, source_row, hash, cells)",
            &types,
        ),
        &mut |writer| {
            for row in 0..list.len() {
                let Some(record) = list.record_at(row) else {
                    continue;
                };
                encode_cells(list.dataset.cells.row(row), &mut bytes);
                let values: [&(dyn ToSql + Sync); 6] = [
                    &side,
                    &(row as i64),
                    &record.key(),
                    &(record.source_row() as i64),
                    &(record.hash().0 as i64),
                    &bytes.as_slice(),
                ];
                writer.write(&values)?;
            }
            Ok(())
        },
    )
}

/// The stored suggestions.
pub(super) fn load_suggestions(tx: &mut PgTx<'_, '_>) -> Result<Suggestions, ProjectError> {
    let action = "read the suggestions";
    let rows = tx.query(
        action,
        "SELECT id, kind, crm_key, erp_key, probability, band, reason, contributions FROM suggestions ORDER BY id",
        &[],
    )?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        let stored = SuggestionRow {
            id: row.get(0),
            kind: row.get(1),
            crm: row.get(2),
            erp: row.get(3),
            probability: row.get(4),
            band: row.get(5),
            reason: row.get(6),
            contributions: row.get(7),
        };
        items.push(stored.into_suggestion(tx.name)?);
    }
    let mut clusters = Vec::new();
    let rows = tx.query(
        action,
        "SELECT cluster, side, key, probability, reason FROM duplicate_clusters ORDER BY cluster, position",
        &[],
    )?;
    for row in &rows {
        let member = (row.get(0), row.get::<_, &str>(1), row.get(2));
        push_cluster_row(tx.name, &mut clusters, member, (row.get(3), row.get(4)))?;
    }
    let rows = tx.query(
        action,
        "SELECT crm_key, xref, status, suggested_erp_key FROM xref_checks ORDER BY position",
        &[],
    )?;
    let mut xrefs = Vec::with_capacity(rows.len());
    for row in &rows {
        let check = (row.get(0), row.get(1), row.get::<_, &str>(2));
        xrefs.push(xref_from(tx.name, check, row.get(3))?);
    }
    let clusters = clusters.into_iter().map(|(_, cluster)| cluster).collect();
    Ok(Suggestions::new(items, clusters, xrefs))
}

/// Replace the stored suggestions.
pub(super) fn write_suggestions(
    tx: &mut PgTx<'_, '_>,
    suggestions: &Suggestions,
) -> Result<(), ProjectError> {
    let action = "store the suggestions";
    let name = tx.name;
    tx.transaction
        .batch_execute(
            "DELETE FROM suggestions; DELETE FROM duplicate_clusters; DELETE FROM xref_checks;",
        )
        .map_err(|error| pg_error(name, action, &error))?;
    let types = [
        Type::INT8,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
        Type::FLOAT8,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
    ];
    let table =
        "suggestions (id, kind, crm_key, erp_key, probability, band, reason, contributions)";
    tx.copy_in(action, (table, &types), &mut |writer| {
        for item in &suggestions.items {
            let contributions = encode_contributions(&item.contributions);
            let values: [&(dyn ToSql + Sync); 8] = [
                &item.id,
                &kind_of(item),
                &item.crm,
                &item.erp,
                &item.probability,
                &item.band.as_str(),
                &item.reason,
                &contributions,
            ];
            writer.write(&values)?;
        }
        Ok(())
    })?;
    for (number, cluster) in suggestions.clusters.iter().enumerate() {
        for (position, key) in cluster.members.iter().enumerate() {
            tx.execute(
                action,
                "INSERT INTO duplicate_clusters (cluster, position, side, key, probability, reason)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    &(number as i64),
                    &(position as i64),
                    &cluster.side.as_str(),
                    key,
                    &cluster.probability,
                    &cluster.reason,
                ],
            )?;
        }
    }
    for (position, check) in suggestions.xrefs.iter().enumerate() {
        tx.execute(
            action,
            "INSERT INTO xref_checks (position, crm_key, xref, status, suggested_erp_key) VALUES ($1, $2, $3, $4, $5)",
            &[&(position as i64), &check.crm, &check.xref, &check.status.as_str(), &check.suggested_erp],
        )?;
    }
    Ok(())
}
