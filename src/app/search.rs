//! Searching and filtering a list fast enough to follow typing on 100,000 records: each row's
//! cells are folded once (case, accents, spacing) into one line, and a query is a substring
//! search over those lines.

use memchr::memmem;

use crate::app::workspace::RecordFlags;
use crate::core::fold::fold;
use crate::core::model::Dataset;

/// Which records a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RecordFilter {
    /// Every record.
    #[default]
    All,
    /// Records with a pair still open.
    Open,
    /// Records with an open pair flagged unsure.
    Unsure,
    /// Records linked to the other list.
    Linked,
    /// Records with a rejected pair.
    Rejected,
    /// Records in a duplicate cluster.
    Duplicates,
    /// Records with no link and no decided action.
    NeedsAction,
}

impl RecordFilter {
    /// Every filter, in menu order.
    pub const ALL: [RecordFilter; 7] = [
        RecordFilter::All,
        RecordFilter::Open,
        RecordFilter::Unsure,
        RecordFilter::Linked,
        RecordFilter::Rejected,
        RecordFilter::Duplicates,
        RecordFilter::NeedsAction,
    ];

    /// The filter's name in the menu.
    pub fn label(self) -> &'static str {
        match self {
            RecordFilter::All => "all",
            RecordFilter::Open => "open",
            RecordFilter::Unsure => "unsure",
            RecordFilter::Linked => "linked",
            RecordFilter::Rejected => "rejected",
            RecordFilter::Duplicates => "duplicates",
            RecordFilter::NeedsAction => "needs action",
        }
    }

    /// True when a record with these flags passes.
    pub fn accepts(self, flags: RecordFlags) -> bool {
        match self {
            RecordFilter::All => true,
            RecordFilter::Open => flags.open,
            RecordFilter::Unsure => flags.unsure,
            RecordFilter::Linked => flags.linked,
            RecordFilter::Rejected => flags.rejected,
            RecordFilter::Duplicates => flags.duplicate,
            RecordFilter::NeedsAction => flags.needs_action,
        }
    }
}

/// The folded text of every row of a list.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    text: String,
    ends: Vec<usize>,
}

impl SearchIndex {
    /// Fold every row once.
    pub fn build(list: &Dataset) -> SearchIndex {
        let mut index = SearchIndex {
            text: String::with_capacity(list.cells.heap_bytes() / 2),
            ends: Vec::with_capacity(list.len()),
        };
        for row in 0..list.len() {
            for cell in list.cells.row(row) {
                if !cell.is_empty() {
                    index.text.push_str(&fold(cell));
                    index.text.push('\u{1f}');
                }
            }
            index.ends.push(index.text.len());
        }
        index
    }

    /// Number of rows indexed.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when no row is indexed.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn row_text(&self, row: usize) -> &str {
        let start = if row == 0 { 0 } else { self.ends[row - 1] };
        self.text.get(start..self.ends[row]).unwrap_or("")
    }

    /// The rows whose flags pass `filter` and whose text contains `query` (folded; an empty
    /// query matches every row).
    pub fn filter(&self, query: &str, filter: RecordFilter, flags: &[RecordFlags]) -> Vec<usize> {
        let folded = fold(query.trim());
        let finder = memmem::Finder::new(folded.as_bytes());
        (0..self.len())
            .filter(|&row| filter.accepts(flags.get(row).copied().unwrap_or_default()))
            .filter(|&row| {
                folded.is_empty() || finder.find(self.row_text(row).as_bytes()).is_some()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{CellStore, Column};

    #[test]
    fn a_search_ignores_case_and_accents_and_combines_with_the_filter() {
        let mut cells = CellStore::new(2);
        cells.push_row(["A-1", "Müller GmbH"]).unwrap();
        cells.push_row(["A-2", "Société Générale"]).unwrap();
        cells.push_row(["A-3", "MUELLER AG"]).unwrap();
        let list = Dataset {
            columns: vec![
                Column {
                    name: "Id".into(),
                    role: None,
                },
                Column {
                    name: "Name".into(),
                    role: None,
                },
            ],
            cells,
            ..Dataset::default()
        };
        let index = SearchIndex::build(&list);
        let mut flags = vec![RecordFlags::default(); 3];
        flags[2].linked = true;
        assert_eq!(index.filter("muller", RecordFilter::All, &flags), [0]);
        assert_eq!(index.filter("SOCIETE", RecordFilter::All, &flags), [1]);
        assert_eq!(index.filter("", RecordFilter::Linked, &flags), [2]);
        assert_eq!(index.filter("  ", RecordFilter::All, &flags), [0, 1, 2]);
        assert!(
            index
                .filter("a-1müller", RecordFilter::All, &flags)
                .is_empty()
        );
    }
}
