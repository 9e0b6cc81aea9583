//! A stable content hash of one record, kept with every decision so that a re-import can tell
//! whether the record a decision was taken on has changed since.
//!
//! The hash is FNV-1a 64 over the record's non-empty cells paired with their column headers,
//! in header order. It is therefore the same on every machine and every Ledgerlink version
//! (never `std`'s randomly seeded `DefaultHasher`), and it does not change when the columns of
//! a newer export come in another order or when an empty column is added or dropped. Cells are
//! compared trimmed: padding added by a fixed-width export is not a change of content.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::str::FromStr;

use crate::core::model::{Column, Dataset};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
/// Separates a header from its value inside the hashed text.
const UNIT_SEPARATOR: u8 = 0x1f;
/// Ends one (header, value) pair inside the hashed text.
const RECORD_SEPARATOR: u8 = 0x1e;

/// The content hash of one record, written as 16 lower-case hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentHash(pub u64);

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl FromStr for ContentHash {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        u64::from_str_radix(text.trim(), 16)
            .map(ContentHash)
            .map_err(|_| format!("'{text}' is not a content hash (16 hex digits)"))
    }
}

/// FNV-1a 64 of some bytes, continuing from `state`.
fn fnv1a(mut state: u64, bytes: &[u8]) -> u64 {
    for &byte in bytes {
        state ^= u64::from(byte);
        state = state.wrapping_mul(FNV_PRIME);
    }
    state
}

/// FNV-1a as a [`Hasher`] for the project's in-memory maps of record keys: several times
/// faster than SipHash on short ids, and the keys come from the user's own files, so there is
/// no one to mount a collision attack.
#[derive(Debug, Clone, Copy)]
pub struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(FNV_OFFSET)
    }
}

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(self.0, bytes);
    }
}

/// A `HashMap` hashed with [`FnvHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FnvHasher>>;

/// A 64-bit FNV-1a fingerprint of a key (for indexes that verify their hits).
pub fn key_fingerprint(key: &str) -> u64 {
    fnv1a(FNV_OFFSET, key.as_bytes())
}

/// A 64-bit FNV-1a fingerprint of a pair of keys (for indexes that verify their hits).
pub fn pair_fingerprint(first: &str, second: &str) -> u64 {
    let state = fnv1a(FNV_OFFSET, first.as_bytes());
    let state = fnv1a(state, &[UNIT_SEPARATOR]);
    fnv1a(state, second.as_bytes())
}

/// The order in which a list's columns enter the hash: by header text, then by position for
/// repeated headers. Compute it once per list and pass it to [`record_hash`].
pub fn hash_order(columns: &[Column]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..columns.len()).collect();
    order.sort_by(|&left, &right| {
        columns[left]
            .name
            .cmp(&columns[right].name)
            .then(left.cmp(&right))
    });
    order
}

/// The content hash of row `row` of `dataset`, with `order` from [`hash_order`].
pub fn record_hash(dataset: &Dataset, order: &[usize], row: usize) -> ContentHash {
    let mut state = FNV_OFFSET;
    for &column in order {
        let value = dataset.cells.cell(row, column).trim();
        if value.is_empty() {
            continue;
        }
        let header = dataset.columns.get(column).map_or("", |c| c.name.as_str());
        state = fnv1a(state, header.as_bytes());
        state = fnv1a(state, &[UNIT_SEPARATOR]);
        state = fnv1a(state, value.as_bytes());
        state = fnv1a(state, &[RECORD_SEPARATOR]);
    }
    ContentHash(state)
}

/// The content hash of every row of `dataset`.
pub fn dataset_hashes(dataset: &Dataset) -> Vec<ContentHash> {
    let order = hash_order(&dataset.columns);
    (0..dataset.len())
        .map(|row| record_hash(dataset, &order, row))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{CellStore, Role};

    fn dataset(headers: &[&str], rows: &[&[&str]]) -> Dataset {
        let mut cells = CellStore::new(headers.len());
        for row in rows {
            cells.push_row(row.iter().copied()).unwrap();
        }
        Dataset {
            columns: headers
                .iter()
                .map(|name| Column {
                    name: name.to_string(),
                    role: Some(Role::Other),
                })
                .collect(),
            cells,
            source_rows: (2..rows.len() + 2).collect(),
            report: Default::default(),
        }
    }

    #[test]
    fn hash_is_stable_across_versions_and_machines() {
        // A fixed value: if this changes, every stored decision of every user turns stale.
        let list = dataset(&["id", "name"], &[&["1", "Acme GmbH"]]);
        assert_eq!(dataset_hashes(&list)[0].to_string(), "f0d58fafb912fc6c");
        assert_eq!(fnv1a(FNV_OFFSET, b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn column_order_empty_columns_and_padding_do_not_change_the_hash() {
        let first = dataset(&["id", "name"], &[&["1", "Acme GmbH"]]);
        let reordered = dataset(&["name", "extra", "id"], &[&["  Acme GmbH ", "", "1"]]);
        assert_eq!(dataset_hashes(&first), dataset_hashes(&reordered));
    }

    #[test]
    fn a_changed_cell_or_header_changes_the_hash() {
        let first = dataset(&["id", "name"], &[&["1", "Acme GmbH"]]);
        let renamed = dataset(&["id", "name"], &[&["1", "Acme AG"]]);
        let moved = dataset(&["id", "company"], &[&["1", "Acme GmbH"]]);
        assert_ne!(dataset_hashes(&first), dataset_hashes(&renamed));
        assert_ne!(dataset_hashes(&first), dataset_hashes(&moved));
    }

    #[test]
    fn hashes_round_trip_through_text() {
        let hash = ContentHash(0x0123_4567_89ab_cdef);
        assert_eq!(hash.to_string(), "0123456789abcdef");
        assert_eq!("0123456789abcdef".parse::<ContentHash>(), Ok(hash));
        assert!("xyz".parse::<ContentHash>().is_err());
    }
}
