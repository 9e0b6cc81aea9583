//! [`TableBuilder`]: turns the rows of a file (text records or sheet rows) into a header and a
//! [`CellStore`], finding the header, dropping title blocks and footer junk, and reporting
//! ragged and empty rows. Text and workbook readers both feed it, row by row.

use crate::core::model::{CellStore, CellStoreFull, ImportWarning};

use super::columns::{HEADER_SEARCH_ROWS, HeadRow, find_header};
use super::footer::is_footer_text;

/// Individual warnings of one kind before the rest are summed up in one line.
const WARNINGS_PER_KIND: usize = 20;

/// The cells of one row, as the reader holds them.
pub(super) trait RowCells {
    /// Number of cells (fields) in the row.
    fn count(&self) -> usize;
    /// The text of a cell; `index < count()`.
    fn cell(&self, index: usize) -> &str;
}

impl RowCells for [String] {
    fn count(&self) -> usize {
        self.len()
    }
    fn cell(&self, index: usize) -> &str {
        self.get(index).map(String::as_str).unwrap_or("")
    }
}

/// What the builder produced.
#[derive(Debug, Default)]
pub(super) struct Table {
    /// Header cells as exported.
    pub header: Vec<String>,
    /// A second header row of localised labels, when the file has one.
    pub labels: Option<Vec<String>>,
    /// 1-based row of the header.
    pub header_row: usize,
    /// The data rows.
    pub cells: CellStore,
    /// 1-based source row of each data row.
    pub source_rows: Vec<usize>,
    /// Findings.
    pub warnings: Vec<ImportWarning>,
}

/// Collects rows; see the module docs.
pub(super) struct TableBuilder {
    /// Text files have a field count per row that can differ from the header's; sheets do not.
    check_ragged: bool,
    head: Vec<HeadRow>,
    table: Option<Table>,
    pending: Vec<HeadRow>,
    reserve: (usize, usize),
    ragged: Vec<(usize, usize)>,
    ragged_total: usize,
    empty_rows: Vec<usize>,
}

impl TableBuilder {
    /// A builder; `check_ragged` for text files. `reserve` is a guess of (rows, text bytes).
    pub fn new(check_ragged: bool, reserve: (usize, usize)) -> Self {
        TableBuilder {
            check_ragged,
            head: Vec::new(),
            table: None,
            pending: Vec::new(),
            reserve,
            ragged: Vec::new(),
            ragged_total: 0,
            empty_rows: Vec::new(),
        }
    }

    /// Add the row found at 1-based `row` of the source.
    pub fn push<R: RowCells + ?Sized>(
        &mut self,
        row: usize,
        cells: &R,
    ) -> Result<(), CellStoreFull> {
        if self.table.is_none() {
            self.head.push(own_row(row, cells));
            if self.head.len() >= HEADER_SEARCH_ROWS {
                self.settle_header()?;
            }
            return Ok(());
        }
        self.push_data(row, cells)
    }

    /// Decide the header from the rows seen so far and replay the rest of them as data.
    fn settle_header(&mut self) -> Result<(), CellStoreFull> {
        let head = std::mem::take(&mut self.head);
        let Some(choice) = find_header(&head) else {
            // Nothing but empty rows so far: keep looking.
            self.head = head
                .into_iter()
                .filter(|row| non_empty(&row.cells[..]) > 0)
                .collect();
            return Ok(());
        };
        let header_row = &head[choice.header];
        let mut table = Table {
            header: header_row.cells.clone(),
            labels: choice.second.map(|index| head[index].cells.clone()),
            header_row: header_row.row,
            cells: CellStore::new(header_row.cells.len()),
            ..Table::default()
        };
        // Every cell but a row's last needs a delimiter byte: never reserve more cells than
        // the file has bytes, whatever the first lines suggested.
        let (rows, bytes) = self.reserve;
        let rows = rows.min(bytes / header_row.cells.len().max(1) + 1);
        table.cells.reserve(rows, bytes);
        table.source_rows.reserve(rows);
        let skipped: Vec<&HeadRow> = head[..choice.header]
            .iter()
            .filter(|row| non_empty(&row.cells[..]) > 0)
            .collect();
        if let Some(first) = skipped.first() {
            table.warnings.push(warning(
                first.row,
                format!(
                    "{} row(s) above the header (row {}) were skipped as a title block: {}",
                    skipped.len(),
                    header_row.row,
                    sample_texts(skipped.iter().copied())
                ),
            ));
        }
        if let Some(index) = choice.second {
            table.warnings.push(warning(
                head[index].row,
                "a second header row (localised column labels) under the header was skipped"
                    .to_string(),
            ));
        }
        self.table = Some(table);
        let data_start = choice.second.unwrap_or(choice.header) + 1;
        for row in &head[data_start..] {
            self.push_data(row.row, &row.cells[..])?;
        }
        Ok(())
    }

    fn push_data<R: RowCells + ?Sized>(
        &mut self,
        row: usize,
        cells: &R,
    ) -> Result<(), CellStoreFull> {
        let width = self.table.as_ref().map_or(0, |table| table.cells.width());
        let filled = non_empty(cells);
        let count = used_count(cells, width);
        let short_and_sparse = self.check_ragged && count < width && filled <= 1;
        let footer_like = filled == 1 && (0..cells.count()).any(|i| is_footer_text(cells.cell(i)));
        if filled == 0 || short_and_sparse || footer_like {
            self.pending.push(own_row(row, cells));
            return Ok(());
        }
        self.flush_pending()?;
        self.store(row, cells, count, width)
    }

    /// Rows held back as possible footer junk turned out to be followed by data: keep them.
    fn flush_pending(&mut self) -> Result<(), CellStoreFull> {
        let pending = std::mem::take(&mut self.pending);
        let width = self.table.as_ref().map_or(0, |table| table.cells.width());
        for held in pending {
            if non_empty(&held.cells[..]) == 0 {
                self.empty_rows.push(held.row);
            } else {
                let count = used_count(&held.cells[..], width);
                self.store(held.row, &held.cells[..], count, width)?;
            }
        }
        Ok(())
    }

    fn store<R: RowCells + ?Sized>(
        &mut self,
        row: usize,
        cells: &R,
        count: usize,
        width: usize,
    ) -> Result<(), CellStoreFull> {
        if self.check_ragged && count != width {
            self.ragged_total += 1;
            if self.ragged.len() < WARNINGS_PER_KIND {
                self.ragged.push((row, count));
            }
        }
        let Some(table) = self.table.as_mut() else {
            return Ok(());
        };
        table
            .cells
            .push_row((0..cells.count().min(width)).map(|index| cells.cell(index)))?;
        table.source_rows.push(row);
        Ok(())
    }

    /// The table, or `None` when no row held a value.
    pub fn finish(mut self) -> Result<Option<Table>, CellStoreFull> {
        if self.table.is_none() {
            self.settle_header()?;
        }
        let pending = std::mem::take(&mut self.pending);
        let ragged = std::mem::take(&mut self.ragged);
        let Some(mut table) = self.table.take() else {
            return Ok(None);
        };
        let width = table.cells.width();
        for (row, count) in ragged {
            let effect = if count > width {
                "the extra fields were dropped"
            } else {
                "the missing cells are left empty"
            };
            table.warnings.push(warning(
                row,
                format!("{count} fields where the header has {width}; {effect}"),
            ));
        }
        if self.ragged_total > WARNINGS_PER_KIND {
            table.warnings.push(ImportWarning {
                row: None,
                column: None,
                message: format!(
                    "{} more rows have a different number of fields than the header",
                    self.ragged_total - WARNINGS_PER_KIND
                ),
            });
        }
        if let Some(&first) = self.empty_rows.first() {
            table.warnings.push(warning(
                first,
                format!(
                    "{} empty row(s) inside the list were skipped",
                    self.empty_rows.len()
                ),
            ));
        }
        let junk: Vec<&HeadRow> = pending
            .iter()
            .filter(|row| non_empty(&row.cells[..]) > 0)
            .collect();
        if let Some(first) = junk.first() {
            table.warnings.push(warning(
                first.row,
                format!(
                    "{} row(s) after the last record are not data and were dropped: {}",
                    junk.len(),
                    sample_texts(junk.iter().copied())
                ),
            ));
        }
        Ok(Some(table))
    }
}

fn warning(row: usize, message: String) -> ImportWarning {
    ImportWarning {
        row: Some(row),
        column: None,
        message,
    }
}

fn own_row<R: RowCells + ?Sized>(row: usize, cells: &R) -> HeadRow {
    HeadRow {
        row,
        cells: (0..cells.count())
            .map(|index| cells.cell(index).to_string())
            .collect(),
    }
}

fn non_empty<R: RowCells + ?Sized>(cells: &R) -> usize {
    (0..cells.count())
        .filter(|&index| !cells.cell(index).trim().is_empty())
        .count()
}

/// The field count, not counting empty fields beyond the header's width (a trailing delimiter).
fn used_count<R: RowCells + ?Sized>(cells: &R, width: usize) -> usize {
    let mut count = cells.count();
    while count > width && cells.cell(count - 1).trim().is_empty() {
        count -= 1;
    }
    count
}

/// The first few non-empty texts of some rows, quoted, for a warning.
fn sample_texts<'a>(rows: impl Iterator<Item = &'a HeadRow>) -> String {
    let texts: Vec<String> = rows
        .flat_map(|row| row.cells.iter())
        .map(|cell| cell.trim())
        .filter(|cell| !cell.is_empty())
        .take(3)
        .map(|cell| format!("'{}'", shorten(cell)))
        .collect();
    texts.join(", ")
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let short: String = text.chars().take(MAX).collect();
    format!("{short}...")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(builder: &mut TableBuilder, lines: &[(usize, &[&str])]) {
        for (row, cells) in lines {
            let owned: Vec<String> = cells.iter().map(|cell| cell.to_string()).collect();
            builder.push(*row, &owned[..]).unwrap();
        }
    }

    #[test]
    fn salesforce_footer_is_dropped_with_a_warning() {
        let mut builder = TableBuilder::new(true, (0, 0));
        rows(
            &mut builder,
            &[
                (1, &["Account Name", "Type", "Billing City"]),
                (2, &["Müller GmbH", "Customer", "Köln"]),
                (3, &["Société Générale", "Prospect", "Paris"]),
                (4, &[""]),
                (5, &["Grand Totals (2 records)"]),
                (7, &["Confidential Information - Do Not Distribute"]),
                (
                    8,
                    &["Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."],
                ),
            ],
        );
        let table = builder.finish().unwrap().unwrap();
        assert_eq!(table.cells.len(), 2);
        assert_eq!(table.source_rows, [2, 3]);
        assert_eq!(table.warnings.len(), 1);
        assert_eq!(table.warnings[0].row, Some(5));
        assert!(
            table.warnings[0]
                .message
                .contains("Grand Totals (2 records)")
        );
    }

    #[test]
    fn ragged_rows_are_kept_and_reported_with_their_lines() {
        let mut builder = TableBuilder::new(true, (0, 0));
        rows(
            &mut builder,
            &[
                (1, &["id", "name", "city"]),
                (2, &["1", "A", "X"]),
                (3, &["2", "B"]),
                (4, &["3", "C", "Y", "extra"]),
                (5, &["4"]),
                (6, &["5", "E", "Z"]),
            ],
        );
        let table = builder.finish().unwrap().unwrap();
        assert_eq!(table.cells.len(), 5);
        assert_eq!(table.cells.cell(3, 0), "4");
        let rows: Vec<Option<usize>> = table.warnings.iter().map(|w| w.row).collect();
        assert_eq!(rows, [Some(3), Some(4), Some(5)]);
        assert!(
            table.warnings[1]
                .message
                .contains("4 fields where the header has 3")
        );
    }

    #[test]
    fn empty_rows_inside_are_skipped_and_counted() {
        let mut builder = TableBuilder::new(false, (0, 0));
        rows(
            &mut builder,
            &[
                (1, &["id", "name"]),
                (2, &["1", "A"]),
                (3, &["", ""]),
                (4, &["2", "B"]),
                (5, &["", ""]),
            ],
        );
        let table = builder.finish().unwrap().unwrap();
        assert_eq!(table.source_rows, [2, 4]);
        assert_eq!(table.warnings.len(), 1);
        assert!(table.warnings[0].message.starts_with("1 empty row"));
    }

    #[test]
    fn a_list_of_empty_rows_has_no_table() {
        let mut builder = TableBuilder::new(true, (0, 0));
        rows(&mut builder, &[(1, &["", ""]), (2, &[""])]);
        assert!(builder.finish().unwrap().is_none());
    }
}
