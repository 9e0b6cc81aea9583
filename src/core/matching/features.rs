//! Comparison keys computed once per record: every mapped role is normalised (folded name tokens
//! with the legal form apart, E.164 phone, company domain, postcode, house number, canonical tax
//! id, ISO date, canonical ids) and interned into per-field vocabularies shared by both lists.

use rayon::prelude::*;

use super::field::{KEY_COUNT, Key, KeySet};
use super::normalized::{self, NormalizedRecord, RoleColumns};
use super::vocab::{NONE, Vocabulary};
use crate::core::model::{Dataset, Role};

/// Records normalised in parallel per chunk before their values are interned.
const CHUNK: usize = 16_384;

/// The comparison keys of one list.
#[derive(Debug, Clone, Default)]
pub struct ListFeatures {
    /// Keys whose role is mapped in this list.
    pub mapped: KeySet,
    /// True when the list has an id column.
    pub has_id: bool,
    /// Per record, the value id of every key ([`NONE`] when empty or not mapped).
    pub values: Vec<[u32; KEY_COUNT]>,
    /// Per record, its own id in the cross-reference vocabulary ([`NONE`] without id).
    pub ids: Vec<u32>,
    /// Per record, where its name tokens start in `tokens` (one more entry than records).
    pub token_starts: Vec<u32>,
    /// Name tokens (ids in [`Features::tokens`]) of all records, one after the other.
    pub tokens: Vec<u32>,
}

impl ListFeatures {
    /// Number of records.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True when the list has no record.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The value id of `key` for `row`.
    pub fn value(&self, row: usize, key: Key) -> u32 {
        self.values
            .get(row)
            .map_or(NONE, |values| values[key.index()])
    }

    /// The name tokens of `row`.
    pub fn name_tokens(&self, row: usize) -> &[u32] {
        let start = self.token_starts.get(row).copied().unwrap_or(0) as usize;
        let end = self.token_starts.get(row + 1).copied().unwrap_or(0) as usize;
        self.tokens.get(start..end).unwrap_or(&[])
    }
}

/// Comparison keys of one or two lists with the vocabularies they share.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// One vocabulary per key (the cross-reference vocabulary also holds the records' ids).
    pub vocabs: Vec<Vocabulary>,
    /// Name tokens, with their document frequencies per side.
    pub tokens: Vocabulary,
    /// The lists: one when deduplicating, two (CRM, ERP) when matching.
    pub lists: Vec<ListFeatures>,
}

impl Features {
    /// Compute the keys of `lists` (one or two datasets).
    pub fn build(lists: &[&Dataset]) -> Features {
        let mut features = Features {
            vocabs: vec![Vocabulary::default(); KEY_COUNT],
            tokens: Vocabulary::default(),
            lists: Vec::with_capacity(lists.len()),
        };
        let any_company_name = lists
            .iter()
            .any(|list| list.column_of(Role::Name).is_some());
        for (side, dataset) in lists.iter().enumerate() {
            let columns = RoleColumns::of(dataset, any_company_name);
            let list = features.build_list(dataset, side, &columns);
            features.lists.push(list);
        }
        features
    }

    /// The vocabulary of `key`.
    pub fn vocab(&self, key: Key) -> &Vocabulary {
        &self.vocabs[key.index()]
    }

    #[cfg(test)]
    /// The text of `key` for `row` of list `list`.
    pub fn text(&self, list: usize, row: usize, key: Key) -> &str {
        let id = self
            .lists
            .get(list)
            .map_or(NONE, |features| features.value(row, key));
        self.vocab(key).text(id)
    }

    fn build_list(
        &mut self,
        dataset: &Dataset,
        side: usize,
        columns: &RoleColumns,
    ) -> ListFeatures {
        let rows = dataset.len();
        let mut list = ListFeatures {
            mapped: columns.mapped(),
            has_id: columns.has_id(),
            values: Vec::with_capacity(rows),
            ids: Vec::with_capacity(rows),
            token_starts: Vec::with_capacity(rows + 1),
            tokens: Vec::new(),
        };
        list.token_starts.push(0);
        for start in (0..rows).step_by(CHUNK) {
            let end = (start + CHUNK).min(rows);
            let chunk: Vec<NormalizedRecord> = (start..end)
                .into_par_iter()
                .map(|row| normalized::record(dataset, columns, row))
                .collect();
            for record in &chunk {
                self.intern_record(&mut list, record, side);
            }
        }
        list
    }

    fn intern_record(&mut self, list: &mut ListFeatures, record: &NormalizedRecord, side: usize) {
        let mut values = [NONE; KEY_COUNT];
        for (index, value) in record.values.iter().enumerate() {
            if let Some(text) = value.as_deref() {
                values[index] = self.vocabs[index].intern(text, side);
            }
        }
        list.values.push(values);
        let id = match record.id.as_deref() {
            Some(id) => self.vocabs[Key::Xref.index()].intern(id, side),
            None => NONE,
        };
        list.ids.push(id);
        let before = list.tokens.len();
        for token in &record.tokens {
            let token_id = self.tokens.intern(token, side);
            if !list.tokens[before..].contains(&token_id) {
                list.tokens.push(token_id);
            }
        }
        list.token_starts
            .push(u32::try_from(list.tokens.len()).unwrap_or(u32::MAX));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{CellStore, Column};

    fn dataset(header: &[(&str, Option<Role>)], rows: &[&[&str]]) -> Dataset {
        let mut cells = CellStore::new(header.len());
        for row in rows {
            cells.push_row(row.iter().copied()).unwrap();
        }
        Dataset {
            columns: header
                .iter()
                .map(|(name, role)| Column {
                    name: name.to_string(),
                    role: *role,
                })
                .collect(),
            cells,
            source_rows: (2..2 + rows.len()).collect(),
            ..Dataset::default()
        }
    }

    #[test]
    fn keys_are_shared_between_lists() {
        let crm = dataset(
            &[
                ("Id", Some(Role::Id)),
                ("Name", Some(Role::Name)),
                ("City", Some(Role::City)),
            ],
            &[&["001", "Müller GmbH", "Köln"], &["002", "Acme Inc.", ""]],
        );
        let erp = dataset(
            &[("Nr", Some(Role::Id)), ("Name", Some(Role::Name))],
            &[&["7", "MÜLLER GMBH"]],
        );
        let features = Features::build(&[&crm, &erp]);
        let (left, right) = (&features.lists[0], &features.lists[1]);
        assert_eq!(left.len(), 2);
        assert!(left.mapped.contains(Key::City));
        assert!(!right.mapped.contains(Key::City));
        assert_eq!(
            left.value(0, Key::Name),
            right.value(0, Key::Name),
            "folded names share one id"
        );
        assert_eq!(features.text(0, 0, Key::City), "koln");
        assert_eq!(left.value(1, Key::City), NONE);
        assert_eq!(features.text(1, 0, Key::LegalForm), "gmbh");
        assert_eq!(left.name_tokens(0), right.name_tokens(0));
        assert_eq!(features.vocab(Key::Xref).text(left.ids[0]), "1");
    }
}
