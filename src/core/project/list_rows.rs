//! A list as stored, in either store: its `lists` row (JSON text for the columns, the import
//! report and the mapping) and its `records` rows, read back into a [`RecordList`].

use std::path::Path;

use crate::core::model::{CellStore, Column, Dataset, ImportReport, Side};

use super::error::ProjectError;
use super::hash::ContentHash;
use super::lists::{EncodedCells, RecordList};

/// The `lists` row of one side, as stored (JSON text for columns, report and mapping).
pub(crate) struct ListRow {
    pub columns: String,
    pub report: String,
    pub mapping: String,
    pub imported_at: String,
    pub imported_by: String,
    pub generation: i64,
}

impl ListRow {
    /// The row describing `list`.
    pub fn of(file: &Path, list: &RecordList) -> Result<ListRow, ProjectError> {
        let json = |error: serde_json::Error| ProjectError::invalid(file, error.to_string());
        Ok(ListRow {
            columns: serde_json::to_string(&list.dataset.columns).map_err(json)?,
            report: serde_json::to_string(&list.dataset.report).map_err(json)?,
            mapping: serde_json::to_string(&list.mapping).map_err(json)?,
            imported_at: list.imported_at.clone(),
            imported_by: list.imported_by.clone(),
            generation: list.generation,
        })
    }

    /// The columns it describes (to size the records).
    pub fn column_count(&self, file: &Path, side: Side) -> Result<usize, ProjectError> {
        let columns: Vec<Column> =
            serde_json::from_str(&self.columns).map_err(|e| ProjectError::Corrupt {
                file: file.to_path_buf(),
                detail: format!("{side} columns: {e}"),
            })?;
        Ok(columns.len())
    }

    /// The list of `side` from this row and its records.
    pub fn into_list(
        self,
        file: &Path,
        side: Side,
        records: StoredRecords,
    ) -> Result<RecordList, ProjectError> {
        let corrupt = |detail: String| ProjectError::Corrupt {
            file: file.to_path_buf(),
            detail,
        };
        let columns: Vec<Column> = serde_json::from_str(&self.columns)
            .map_err(|e| corrupt(format!("{side} columns: {e}")))?;
        let report: ImportReport = serde_json::from_str(&self.report)
            .map_err(|e| corrupt(format!("{side} import report: {e}")))?;
        let mapping: Vec<String> = serde_json::from_str(&self.mapping)
            .map_err(|e| corrupt(format!("{side} mapping: {e}")))?;
        let dataset = Dataset {
            columns,
            cells: records.cells,
            source_rows: records.source_rows,
            report,
        };
        let mut list = RecordList::from_parts(
            side,
            dataset,
            records.keys,
            records.hashes,
            mapping,
            &self.imported_by,
        );
        list.imported_at = self.imported_at;
        list.generation = self.generation;
        Ok(list)
    }
}

/// The `records` rows of one list.
pub(crate) struct StoredRecords {
    cells: CellStore,
    keys: Vec<String>,
    hashes: Vec<ContentHash>,
    source_rows: Vec<usize>,
}

impl StoredRecords {
    /// No records yet, `width` cells each.
    pub fn new(width: usize) -> Self {
        StoredRecords {
            cells: CellStore::new(width),
            keys: Vec::new(),
            hashes: Vec::new(),
            source_rows: Vec::new(),
        }
    }

    /// Add the record stored as row `index` (rows come in order).
    pub fn push(
        &mut self,
        (file, side): (&Path, Side),
        (index, key, source_row, hash): (i64, String, i64, i64),
        blob: &[u8],
    ) -> Result<(), ProjectError> {
        let corrupt = |detail: String| ProjectError::Corrupt {
            file: file.to_path_buf(),
            detail,
        };
        if index != self.keys.len() as i64 {
            return Err(corrupt(format!("{side} record {index} is out of order")));
        }
        self.keys.push(key);
        self.source_rows
            .push(usize::try_from(source_row).unwrap_or(0));
        self.hashes.push(ContentHash(hash as u64));
        let mut values = EncodedCells::new(blob);
        self.cells
            .push_row(values.by_ref())
            .map_err(|e| ProjectError::invalid(file, e.to_string()))?;
        if values.is_damaged() {
            return Err(corrupt(format!("{side} record {index} is damaged")));
        }
        Ok(())
    }
}
