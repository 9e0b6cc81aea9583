//! What a list table shows and in which order: its columns (the id and name always, any
//! imported column by choice, the record's state), the owner column found by its header, the
//! values the account type, country and owner filters offer, and the sorted row order (computed
//! once per sort key, never per frame).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::app::items::RecordFlags;
use crate::core::fold::fold;
use crate::core::model::{Dataset, Role};

/// One column of a list table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListColumn {
    /// An imported column (0-based index in the list).
    Field(usize),
    /// The record's name (the name column, or first and last name).
    Name,
    /// The record's state in the review (linked, open, unsure ...).
    State,
}

/// The column sorted on and the direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SortKey {
    /// The column sorted on.
    pub column: ListColumn,
    /// Largest first.
    pub descending: bool,
}

/// The index of the column that names the account owner: no role marks it, so it is found by
/// its header ("Owner", "OwnerName", "Account Owner", "Owner.Name", "Besitzer", "Inhaber").
pub fn owner_column(list: &Dataset) -> Option<usize> {
    list.columns.iter().position(|column| {
        let header = fold(&column.name);
        [
            "owner",
            "besitzer",
            "inhaber",
            "proprietaire",
            "responsable",
        ]
        .iter()
        .any(|word| header.contains(word))
    })
}

/// The record's name: the name column, or its first and last name.
pub fn display_name(list: &Dataset, row: usize) -> String {
    match list.value(row, Role::Name) {
        Some(name) if !name.trim().is_empty() => name.to_string(),
        _ => {
            let first = list.value(row, Role::FirstName).unwrap_or("");
            let last = list.value(row, Role::LastName).unwrap_or("");
            format!("{first} {last}").trim().to_string()
        }
    }
}

/// The short state of a record in its list.
pub fn state_text(flags: RecordFlags) -> &'static str {
    if flags.linked {
        "linked"
    } else if flags.unsure {
        "unsure"
    } else if flags.open {
        "open"
    } else if flags.rejected {
        "rejected"
    } else {
        ""
    }
}

/// The columns shown by default: the id, the name, the city (when the list has one), the state.
pub fn default_columns(list: &Dataset) -> Vec<ListColumn> {
    let mut columns = Vec::new();
    columns.extend(list.column_of(Role::Id).map(ListColumn::Field));
    columns.push(ListColumn::Name);
    columns.extend(list.column_of(Role::City).map(ListColumn::Field));
    columns.push(ListColumn::State);
    columns
}

/// The columns named by their headers (as remembered in the settings), after the id and the
/// name, with the state last; headers the list no longer has are skipped.
pub fn columns_from_headers(list: &Dataset, headers: &[String]) -> Vec<ListColumn> {
    let mut columns = Vec::new();
    columns.extend(list.column_of(Role::Id).map(ListColumn::Field));
    columns.push(ListColumn::Name);
    for header in headers {
        if let Some(index) = list
            .columns
            .iter()
            .position(|column| column.name == *header)
            && !columns.contains(&ListColumn::Field(index))
        {
            columns.push(ListColumn::Field(index));
        }
    }
    columns.push(ListColumn::State);
    columns
}

/// The headers of the chosen imported columns (without the id), for the settings.
pub fn chosen_headers(list: &Dataset, columns: &[ListColumn]) -> Vec<String> {
    let id = list.column_of(Role::Id);
    columns
        .iter()
        .filter_map(|column| match column {
            ListColumn::Field(index) if Some(*index) != id => {
                list.columns.get(*index).map(|column| column.name.clone())
            }
            _ => None,
        })
        .collect()
}

/// The header of a column as the table shows it.
pub fn header_text(list: &Dataset, column: ListColumn) -> String {
    match column {
        ListColumn::Field(index) => list
            .columns
            .get(index)
            .map_or_else(String::new, |column| column.name.clone()),
        ListColumn::Name => "Name".to_string(),
        ListColumn::State => "State".to_string(),
    }
}

/// The text of one cell.
pub fn cell_text(list: &Dataset, flags: &[RecordFlags], row: usize, column: ListColumn) -> String {
    match column {
        ListColumn::Field(index) => list.cells.cell(row, index).to_string(),
        ListColumn::Name => display_name(list, row),
        ListColumn::State => state_text(flags.get(row).copied().unwrap_or_default()).to_string(),
    }
}

/// What each filter menu offers, gathered once per list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    /// The account type column and its values with their counts.
    pub account_type: Option<(usize, Vec<(String, usize)>)>,
    /// The country column and its values.
    pub country: Option<(usize, Vec<(String, usize)>)>,
    /// The owner column and its values.
    pub owner: Option<(usize, Vec<(String, usize)>)>,
    /// The longest id, in characters (to size the id column).
    pub id_chars: usize,
}

impl Facets {
    /// Gather the distinct values of the account type, country and owner columns.
    pub fn build(list: &Dataset) -> Facets {
        let values = |column: Option<usize>| {
            column.map(|column| {
                let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
                for row in 0..list.len() {
                    let value = list.cells.cell(row, column).trim();
                    if !value.is_empty() {
                        *counts.entry(value).or_default() += 1;
                    }
                }
                let values = counts
                    .into_iter()
                    .map(|(value, count)| (value.to_string(), count))
                    .collect();
                (column, values)
            })
        };
        let id_chars = list.column_of(Role::Id).map_or(0, |column| {
            (0..list.len())
                .map(|row| list.cells.cell(row, column).chars().count())
                .max()
                .unwrap_or(0)
        });
        Facets {
            account_type: values(list.column_of(Role::AccountType)),
            country: values(list.column_of(Role::Country)),
            owner: values(owner_column(list)),
            id_chars,
        }
    }
}

/// A cell's sort key: numbers by value and before text, text folded (case, accents).
#[derive(Debug, Clone, PartialEq)]
enum CellKey {
    Number(f64),
    Text(String),
    Empty,
}

fn cell_key(text: &str) -> CellKey {
    let text = text.trim();
    if text.is_empty() {
        return CellKey::Empty;
    }
    match text.parse::<f64>() {
        Ok(number) if number.is_finite() => CellKey::Number(number),
        _ => CellKey::Text(fold(text)),
    }
}

fn compare(a: &CellKey, b: &CellKey) -> Ordering {
    match (a, b) {
        (CellKey::Number(a), CellKey::Number(b)) => a.total_cmp(b),
        (CellKey::Text(a), CellKey::Text(b)) => a.cmp(b),
        (CellKey::Empty, CellKey::Empty) => Ordering::Equal,
        (CellKey::Number(_), _) | (CellKey::Text(_), CellKey::Empty) => Ordering::Less,
        _ => Ordering::Greater,
    }
}

/// Every row of the list in the order of `key` (ties keep the list order; empty cells come
/// last either way).
pub fn sorted_rows(list: &Dataset, flags: &[RecordFlags], key: SortKey) -> Vec<usize> {
    let keys: Vec<CellKey> = (0..list.len())
        .map(|row| cell_key(&cell_text(list, flags, row, key.column)))
        .collect();
    let mut rows: Vec<usize> = (0..list.len()).collect();
    rows.sort_by(|&a, &b| {
        let (ka, kb) = (&keys[a], &keys[b]);
        let empty = (ka == &CellKey::Empty).cmp(&(kb == &CellKey::Empty));
        let order = compare(ka, kb);
        let order = if key.descending {
            order.reverse()
        } else {
            order
        };
        empty.then(order).then(a.cmp(&b))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{CellStore, Column};

    fn list() -> Dataset {
        let mut cells = CellStore::new(4);
        cells.push_row(["10", "Zeta", "DE", "Anna"]).unwrap();
        cells.push_row(["9", "alpha", "", "Luc"]).unwrap();
        cells.push_row(["100", "Émile", "FR", "Anna"]).unwrap();
        let column = |name: &str, role| Column {
            name: name.into(),
            role,
        };
        Dataset {
            columns: vec![
                column("Id", Some(Role::Id)),
                column("Name", Some(Role::Name)),
                column("Country", Some(Role::Country)),
                column("Account Owner", None),
            ],
            cells,
            ..Dataset::default()
        }
    }

    #[test]
    fn rows_sort_by_number_or_folded_text_with_empty_cells_last() {
        let list = list();
        let by = |column, descending| sorted_rows(&list, &[], SortKey { column, descending });
        assert_eq!(by(ListColumn::Field(0), false), [1, 0, 2]);
        assert_eq!(by(ListColumn::Field(0), true), [2, 0, 1]);
        assert_eq!(by(ListColumn::Name, false), [1, 2, 0]);
        assert_eq!(by(ListColumn::Field(2), true), [2, 0, 1]);
    }

    #[test]
    fn the_owner_is_found_by_its_header_and_filters_offer_each_value_once() {
        let list = list();
        assert_eq!(owner_column(&list), Some(3));
        let facets = Facets::build(&list);
        let (column, owners) = facets.owner.unwrap();
        assert_eq!(column, 3);
        assert_eq!(owners, [("Anna".to_string(), 2), ("Luc".to_string(), 1)]);
        assert_eq!(facets.country.unwrap().1.len(), 2);
        assert!(facets.account_type.is_none());
        assert_eq!(facets.id_chars, 3);
    }

    #[test]
    fn chosen_columns_round_trip_through_their_headers() {
        let list = list();
        let columns = columns_from_headers(&list, &["Account Owner".into(), "Gone".into()]);
        assert_eq!(
            columns,
            [
                ListColumn::Field(0),
                ListColumn::Name,
                ListColumn::Field(3),
                ListColumn::State
            ]
        );
        assert_eq!(chosen_headers(&list, &columns), ["Account Owner"]);
    }
}
