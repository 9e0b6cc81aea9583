//! The two imported lists as the project keeps them: the [`Dataset`] exactly as read, plus the
//! key every decision uses to name a record, and each record's content hash.
//!
//! **Record keys.** A record's key is its id, trimmed. Ids must be unique for decisions to
//! survive a re-import, but real exports repeat or omit them (import reports both as warnings).
//! So: the first record with an id is keyed by the id; the second by `id#2`, the third by
//! `id#3` and so on (in file order); a record without an id is keyed by its source row,
//! `row17`. Decisions on a repeated id therefore refer to its first occurrence unless they name
//! another one with its `#n` suffix, and keys stay stable as long as the export keeps its order.

use crate::core::model::{Column, Dataset, Role, Side};

use super::hash::{ContentHash, FastMap, dataset_hashes, key_fingerprint};
use super::policy::AccountType;

/// One imported list with its record keys, hashes and how it was imported.
#[derive(Debug, Clone)]
pub struct RecordList {
    /// Which list this is.
    pub side: Side,
    /// Header, cells, source rows and import report, exactly as read.
    pub dataset: Dataset,
    /// The column mapping the user gave (`role=column`), reused at re-import.
    pub mapping: Vec<String>,
    /// When the list was imported (UTC).
    pub imported_at: String,
    /// Who imported it.
    pub imported_by: String,
    /// 1 when the project was made, one more at every re-import.
    pub generation: i64,
    keys: Vec<String>,
    hashes: Vec<ContentHash>,
    /// (fingerprint of the key, row), sorted: a lookup allocates nothing and building it
    /// copies no key.
    index: Vec<(u64, u32)>,
}

impl RecordList {
    /// Key and hash every record of a freshly imported dataset.
    pub fn new(side: Side, dataset: Dataset, mapping: Vec<String>, imported_by: &str) -> Self {
        let keys = assign_keys(&dataset);
        let hashes = dataset_hashes(&dataset);
        Self::from_parts(side, dataset, keys, hashes, mapping, imported_by)
    }

    /// A list from stored parts (keys and hashes as stored).
    pub(crate) fn from_parts(
        side: Side,
        dataset: Dataset,
        keys: Vec<String>,
        hashes: Vec<ContentHash>,
        mapping: Vec<String>,
        imported_by: &str,
    ) -> Self {
        let mut index: Vec<(u64, u32)> = keys
            .iter()
            .enumerate()
            .map(|(row, key)| (key_fingerprint(key), u32::try_from(row).unwrap_or(u32::MAX)))
            .collect();
        index.sort_unstable();
        RecordList {
            side,
            dataset,
            mapping,
            imported_at: String::new(),
            imported_by: imported_by.to_string(),
            generation: 1,
            keys,
            hashes,
            index,
        }
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when the list has no record.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The 0-based row of the record with `key`.
    pub fn row_of(&self, key: &str) -> Option<usize> {
        let fingerprint = key_fingerprint(key);
        let start = self
            .index
            .partition_point(|&(other, _)| other < fingerprint);
        self.index[start..]
            .iter()
            .take_while(|&&(other, _)| other == fingerprint)
            .map(|&(_, row)| row as usize)
            .find(|&row| self.keys.get(row).is_some_and(|found| found == key))
    }

    /// The key of `row` ("" out of range).
    pub fn key(&self, row: usize) -> &str {
        self.keys.get(row).map_or("", String::as_str)
    }

    /// Every key, in row order.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    /// The content hash of `row`.
    pub fn hash(&self, row: usize) -> Option<ContentHash> {
        self.hashes.get(row).copied()
    }

    /// The content hash of the record with `key`.
    pub fn hash_of(&self, key: &str) -> Option<ContentHash> {
        self.row_of(key).and_then(|row| self.hash(row))
    }

    /// The record with `key`.
    pub fn record(&self, key: &str) -> Option<RecordView<'_>> {
        self.row_of(key).map(|row| RecordView { list: self, row })
    }

    /// The record at `row`.
    pub fn record_at(&self, row: usize) -> Option<RecordView<'_>> {
        (row < self.len()).then_some(RecordView { list: self, row })
    }

    /// The CRM account type of `row`, when the list has an account-type column and the text is
    /// a known type.
    pub fn account_type(&self, row: usize) -> Option<AccountType> {
        self.dataset
            .value(row, Role::AccountType)
            .and_then(AccountType::parse)
    }
}

/// One record of a list, for display and export.
#[derive(Debug, Clone, Copy)]
pub struct RecordView<'a> {
    list: &'a RecordList,
    row: usize,
}

impl<'a> RecordView<'a> {
    /// The record's list.
    pub fn side(&self) -> Side {
        self.list.side
    }

    /// The key decisions use for it.
    pub fn key(&self) -> &'a str {
        self.list.key(self.row)
    }

    /// 0-based row in the dataset.
    pub fn row(&self) -> usize {
        self.row
    }

    /// 1-based row (or line) in the source file.
    pub fn source_row(&self) -> usize {
        self.list
            .dataset
            .source_rows
            .get(self.row)
            .copied()
            .unwrap_or(self.row + 1)
    }

    /// The content hash.
    pub fn hash(&self) -> ContentHash {
        self.list.hash(self.row).unwrap_or(ContentHash(0))
    }

    /// The text of the first column with `role`.
    pub fn value(&self, role: Role) -> Option<&'a str> {
        self.list.dataset.value(self.row, role)
    }

    /// The record's name (the `name` column, else first and last name), for lists and messages.
    pub fn name(&self) -> String {
        if let Some(name) = self
            .value(Role::Name)
            .filter(|name| !name.trim().is_empty())
        {
            return name.to_string();
        }
        let first = self.value(Role::FirstName).unwrap_or("");
        let last = self.value(Role::LastName).unwrap_or("");
        format!("{first} {last}").trim().to_string()
    }

    /// Every column with its cell text, in file order.
    pub fn fields(&self) -> impl Iterator<Item = (&'a Column, &'a str)> + 'a {
        let list = self.list;
        let row = self.row;
        list.dataset
            .columns
            .iter()
            .enumerate()
            .map(move |(column, header)| (header, list.dataset.cells.cell(row, column)))
    }
}

/// The key of every row of `dataset` (see the module documentation).
pub fn assign_keys(dataset: &Dataset) -> Vec<String> {
    let mut taken: FastMap<String, usize> = FastMap::default();
    taken.reserve(dataset.len());
    let mut keys = Vec::with_capacity(dataset.len());
    let has_id = dataset.column_of(Role::Id).is_some();
    for row in 0..dataset.len() {
        let id = if has_id {
            dataset
                .value(row, Role::Id)
                .unwrap_or("")
                .trim()
                .to_string()
        } else {
            String::new()
        };
        let base = if id.is_empty() {
            let source_row = dataset.source_rows.get(row).copied().unwrap_or(row + 1);
            format!("row{source_row}")
        } else {
            id
        };
        let mut key = base.clone();
        let mut occurrence = 1;
        while taken.contains_key(&key) {
            occurrence += 1;
            key = format!("{base}#{occurrence}");
        }
        taken.insert(key.clone(), row);
        keys.push(key);
    }
    keys
}

/// Encode one row's cells for the `records.cells` column: per cell, its byte length as an
/// unsigned LEB128 varint, then its UTF-8 text. Every text survives exactly.
pub fn encode_cells<'a>(cells: impl Iterator<Item = &'a str>, out: &mut Vec<u8>) {
    out.clear();
    for cell in cells {
        let mut length = cell.len();
        loop {
            let low = (length & 0x7f) as u8;
            length >>= 7;
            if length == 0 {
                out.push(low);
                break;
            }
            out.push(low | 0x80);
        }
        out.extend_from_slice(cell.as_bytes());
    }
}

/// The cells [`encode_cells`] wrote, one by one; after the last, [`EncodedCells::is_damaged`]
/// tells whether the bytes ended cleanly.
#[derive(Debug, Clone)]
pub struct EncodedCells<'a> {
    bytes: &'a [u8],
    damaged: bool,
}

impl<'a> EncodedCells<'a> {
    /// Start reading `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        EncodedCells {
            bytes,
            damaged: false,
        }
    }

    /// True when the bytes were not a valid encoding.
    pub fn is_damaged(&self) -> bool {
        self.damaged
    }

    fn next_cell(&mut self) -> Option<&'a str> {
        let mut length: usize = 0;
        let mut shift = 0;
        loop {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            length |= usize::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                break;
            }
            shift += 7;
            if shift > 56 {
                return None;
            }
        }
        if length > self.bytes.len() {
            return None;
        }
        let (text, rest) = self.bytes.split_at(length);
        self.bytes = rest;
        std::str::from_utf8(text).ok()
    }
}

impl<'a> Iterator for EncodedCells<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.bytes.is_empty() || self.damaged {
            return None;
        }
        let cell = self.next_cell();
        if cell.is_none() {
            self.damaged = true;
        }
        cell
    }
}

/// Decode what [`encode_cells`] wrote; `None` when the bytes are damaged.
pub fn decode_cells(bytes: &[u8]) -> Option<Vec<&str>> {
    let mut cells = EncodedCells::new(bytes);
    let decoded: Vec<&str> = cells.by_ref().collect();
    (!cells.is_damaged()).then_some(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::CellStore;

    fn dataset(ids: &[&str]) -> Dataset {
        let mut cells = CellStore::new(2);
        for id in ids {
            cells.push_row([*id, "Name"]).unwrap();
        }
        Dataset {
            columns: vec![
                Column {
                    name: "Id".into(),
                    role: Some(Role::Id),
                },
                Column {
                    name: "Name".into(),
                    role: Some(Role::Name),
                },
            ],
            cells,
            source_rows: (2..ids.len() + 2).collect(),
            report: Default::default(),
        }
    }

    #[test]
    fn repeated_and_empty_ids_get_distinct_keys() {
        let keys = assign_keys(&dataset(&["A", " A ", "", "B", "A", "A#2"]));
        assert_eq!(keys, ["A", "A#2", "row4", "B", "A#3", "A#2#2"]);
    }

    #[test]
    fn cells_round_trip_exactly() {
        let long = "x".repeat(300);
        let cells = ["", " padded ", "Müller\nGmbH", "\u{1f}", long.as_str()];
        let mut bytes = Vec::new();
        encode_cells(cells.iter().copied(), &mut bytes);
        assert_eq!(decode_cells(&bytes).unwrap(), cells);
        assert!(decode_cells(&bytes[..bytes.len() - 1]).is_none());
        assert!(decode_cells(&[0x05, b'a']).is_none());
    }

    #[test]
    fn records_are_found_by_key() {
        let list = RecordList::new(Side::Crm, dataset(&["7", "8"]), vec![], "anna");
        let record = list.record("8").unwrap();
        assert_eq!(record.row(), 1);
        assert_eq!(record.source_row(), 3);
        assert_eq!(record.name(), "Name");
        assert!(list.record("9").is_none());
    }
}
