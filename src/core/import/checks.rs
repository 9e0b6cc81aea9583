//! Findings about the ids of a list, reported as warnings (they are material for the workshop,
//! not reasons to refuse a file): empty ids, duplicate ids, ids padded with spaces, and ids that
//! Excel turned into scientific notation.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::core::model::{CellStore, Column, ImportWarning, Role};

/// Duplicate ids listed one by one before the rest are counted.
const DUPLICATES_LISTED: usize = 20;
/// Rows listed in one warning.
const ROWS_LISTED: usize = 10;

/// Warnings about the `id` column (and scientific notation in `id` and `xref` columns).
pub(super) fn id_warnings(
    columns: &[Column],
    cells: &CellStore,
    source_rows: &[usize],
) -> Vec<ImportWarning> {
    let mut warnings = Vec::new();
    let source_row = |row: usize| source_rows.get(row).copied().unwrap_or(row + 1);
    if let Some(id_column) = columns
        .iter()
        .position(|column| column.role == Some(Role::Id))
    {
        empty_ids(cells, id_column, &source_row, &mut warnings);
        duplicate_ids(cells, id_column, &source_row, &mut warnings);
        padded_ids(cells, id_column, &source_row, &mut warnings);
    }
    for (index, column) in columns.iter().enumerate() {
        if matches!(column.role, Some(Role::Id | Role::Xref)) {
            scientific_ids(cells, index, &column.name, &source_row, &mut warnings);
        }
    }
    warnings
}

fn row_list(rows: &[usize]) -> String {
    let listed: Vec<String> = rows
        .iter()
        .take(ROWS_LISTED)
        .map(|row| row.to_string())
        .collect();
    let more = rows.len().saturating_sub(ROWS_LISTED);
    if more > 0 {
        format!("{} and {more} more", listed.join(", "))
    } else {
        listed.join(", ")
    }
}

fn empty_ids(
    cells: &CellStore,
    column: usize,
    source_row: &dyn Fn(usize) -> usize,
    warnings: &mut Vec<ImportWarning>,
) {
    let rows: Vec<usize> = (0..cells.len())
        .filter(|&row| cells.cell(row, column).trim().is_empty())
        .map(source_row)
        .collect();
    if let Some(&first) = rows.first() {
        warnings.push(ImportWarning {
            row: Some(first),
            column: Some(column + 1),
            message: format!(
                "{} record(s) have no id: rows {}",
                rows.len(),
                row_list(&rows)
            ),
        });
    }
}

fn duplicate_ids(
    cells: &CellStore,
    column: usize,
    source_row: &dyn Fn(usize) -> usize,
    warnings: &mut Vec<ImportWarning>,
) {
    let groups = duplicate_groups(cells, column);
    for rows in groups.iter().take(DUPLICATES_LISTED) {
        let id = cells.cell(rows[0], column).trim();
        let source: Vec<usize> = rows.iter().map(|&row| source_row(row)).collect();
        warnings.push(ImportWarning {
            row: Some(source[0]),
            column: Some(column + 1),
            message: format!(
                "id '{id}' appears {} times: rows {}",
                rows.len(),
                row_list(&source)
            ),
        });
    }
    if groups.len() > DUPLICATES_LISTED {
        warnings.push(ImportWarning {
            row: None,
            column: Some(column + 1),
            message: format!(
                "{} more ids appear more than once",
                groups.len() - DUPLICATES_LISTED
            ),
        });
    }
}

/// The rows (0-based, ascending) of each id that occurs more than once, ignoring surrounding
/// spaces; groups in the order of their first row. Sorts (hash, row) pairs instead of building
/// a map of strings: 16 bytes a record.
fn duplicate_groups(cells: &CellStore, column: usize) -> Vec<Vec<usize>> {
    let id = |row: usize| cells.cell(row, column).trim();
    let mut keyed: Vec<(u64, u32)> = (0..cells.len())
        .filter(|&row| !id(row).is_empty())
        .filter_map(|row| {
            let mut hasher = DefaultHasher::new();
            id(row).hash(&mut hasher);
            u32::try_from(row).ok().map(|row| (hasher.finish(), row))
        })
        .collect();
    keyed.sort_unstable();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for same_hash in keyed.chunk_by(|a, b| a.0 == b.0) {
        if same_hash.len() < 2 {
            continue;
        }
        // Rows come sorted within a hash; a stable sort by text keeps them so per id.
        let mut rows: Vec<usize> = same_hash.iter().map(|&(_, row)| row as usize).collect();
        rows.sort_by(|&a, &b| id(a).cmp(id(b)));
        for same_id in rows.chunk_by(|&a, &b| id(a) == id(b)) {
            if same_id.len() > 1 {
                groups.push(same_id.to_vec());
            }
        }
    }
    groups.sort_by_key(|rows| rows[0]);
    groups
}

fn padded_ids(
    cells: &CellStore,
    column: usize,
    source_row: &dyn Fn(usize) -> usize,
    warnings: &mut Vec<ImportWarning>,
) {
    let padded: Vec<usize> = (0..cells.len())
        .filter(|&row| {
            let id = cells.cell(row, column);
            !id.trim().is_empty() && id.trim().len() != id.len()
        })
        .collect();
    if let Some(&first) = padded.first() {
        warnings.push(ImportWarning {
            row: Some(source_row(first)),
            column: Some(column + 1),
            message: format!(
                "{} id(s) have leading or trailing spaces (e.g. '{}'); they are kept exactly as \
                 exported in every output, and compared (and named in decisions) without the \
                 spaces",
                padded.len(),
                cells.cell(first, column)
            ),
        });
    }
}

/// `1.23457E+18`: a long number Excel rounded and wrote in scientific notation.
fn is_scientific(text: &str) -> bool {
    let text = text.trim();
    let Some((mantissa, exponent)) = text.split_once(['E', 'e']) else {
        return false;
    };
    // Excel always writes the sign: 1.23457E+18.
    let Some(exponent) = exponent.strip_prefix('+') else {
        return false;
    };
    !mantissa.is_empty()
        && mantissa
            .chars()
            .all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',')
        && mantissa.starts_with(|ch: char| ch.is_ascii_digit())
        && !exponent.is_empty()
        && exponent.chars().all(|ch| ch.is_ascii_digit())
}

fn scientific_ids(
    cells: &CellStore,
    column: usize,
    name: &str,
    source_row: &dyn Fn(usize) -> usize,
    warnings: &mut Vec<ImportWarning>,
) {
    let rows: Vec<usize> = (0..cells.len())
        .filter(|&row| is_scientific(cells.cell(row, column)))
        .collect();
    if let Some(&first) = rows.first() {
        let source: Vec<usize> = rows.iter().map(|&row| source_row(row)).collect();
        warnings.push(ImportWarning {
            row: Some(source[0]),
            column: Some(column + 1),
            message: format!(
                "column '{name}': {} value(s) in scientific notation such as '{}' (rows {}): \
                 a spreadsheet rounded these long numbers and their last digits are lost; \
                 export the column as text",
                rows.len(),
                cells.cell(first, column).trim(),
                row_list(&source)
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(ids: &[&str]) -> (Vec<Column>, CellStore, Vec<usize>) {
        let columns = vec![Column {
            name: "Id".to_string(),
            role: Some(Role::Id),
        }];
        let mut cells = CellStore::new(1);
        for id in ids {
            cells.push_row([*id]).unwrap();
        }
        let rows = (2..ids.len() + 2).collect();
        (columns, cells, rows)
    }

    #[test]
    fn empty_duplicate_padded_and_scientific_ids_are_reported() {
        let (columns, cells, rows) = store(&["C1", "", "C2", "C1", "C3  ", "C3", "4.87688E+18"]);
        let warnings = id_warnings(&columns, &cells, &rows);
        let messages: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 5, "{messages:#?}");
        assert_eq!(
            messages[0],
            "row 3, column 1: 1 record(s) have no id: rows 3"
        );
        assert_eq!(
            messages[1],
            "row 2, column 1: id 'C1' appears 2 times: rows 2, 5"
        );
        assert_eq!(
            messages[2],
            "row 6, column 1: id 'C3' appears 2 times: rows 6, 7"
        );
        assert!(messages[3].contains("leading or trailing spaces (e.g. 'C3  ')"));
        assert!(messages[4].contains("'4.87688E+18' (rows 8)"));
    }

    #[test]
    fn scientific_notation_is_told_from_ids_with_letters() {
        assert!(is_scientific("1.23457E+18"));
        assert!(is_scientific("4,87688E+18"));
        assert!(!is_scientific("C20000"));
        assert!(!is_scientific("E12"));
        assert!(!is_scientific("12E"));
        assert!(!is_scientific("12E4"));
        assert!(!is_scientific("0015g00000XyZaBAAV"));
    }
}
