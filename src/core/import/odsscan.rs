//! The constant-memory scan of an ODS workbook's `content.xml`: per table, the rows and
//! columns calamine would expand (repeated rows and cells included), the longest text, and the
//! cells whose number style pads with zeros (`number:min-integer-digits` of the automatic
//! styles; styles kept in `styles.xml` and column default styles are not followed).

use std::collections::HashMap;
use std::io::Cursor;

use super::budget::{self, MAX_PART_BYTES, MAX_RANGE_CELLS, MAX_TEXT_BYTES, WorkbookScan};
use super::cell::column_letters;
use super::error::ImportError;
use super::numfmt::{Padding, unescape};
use super::xmlscan::{Tag, scan};

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The most rows and columns calamine expands (the limits of a spreadsheet).
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;
/// Padded cells recorded per table at most (a padded cell repeated a million times is not).
const MAX_PADDED: u64 = 4_000_000;

/// Scan the tables of an ODS workbook. calamine expands every table when it opens the file, so
/// any table over the budget refuses the whole workbook, naming that table.
pub(super) fn scan_ods(file: &str, zip: &mut Zip<'_>) -> Result<WorkbookScan, ImportError> {
    let Some(input) = budget::open_part(zip, "content.xml") else {
        return Ok(WorkbookScan::default());
    };
    let mut state = OdsScan::default();
    let read = scan(input, |tag| {
        state.tag(tag);
        true
    })
    .unwrap_or(0);
    if read > MAX_PART_BYTES {
        let what = budget::part_too_large("content.xml");
        return Err(budget::over_budget(file, None, what));
    }
    match state.result.first_refused() {
        Some((sheet, what)) => Err(budget::over_budget(file, Some(sheet), what.to_string())),
        None => Ok(state.result),
    }
}

#[derive(Default)]
struct OdsScan {
    result: WorkbookScan,
    /// Digits of each number style with `min-integer-digits` of two or more.
    data_styles: HashMap<String, u8>,
    /// The data style of each cell style.
    cell_styles: HashMap<String, String>,
    current_data_style: Option<String>,
    table: Option<Table>,
}

#[derive(Default)]
struct Table {
    name: String,
    row: u64,
    row_repeat: u64,
    column: u64,
    /// First and last row, first and last column holding a value.
    bounds: Option<(u64, u64, u64, u64)>,
    long_text: Option<String>,
    padding: Padding,
    padded: u64,
}

impl OdsScan {
    fn tag(&mut self, tag: &Tag<'_>) {
        match (tag.name, tag.end) {
            (b"number:number-style", false) => {
                self.current_data_style = tag.attr(b"style:name").map(unescape);
            }
            (b"number:number-style", true) => self.current_data_style = None,
            (b"number:number", false) => {
                if let (Some(style), Some(digits)) = (
                    &self.current_data_style,
                    tag.number(b"number:min-integer-digits"),
                ) && digits >= 2
                    && tag.number(b"number:decimal-places").unwrap_or(0) == 0
                {
                    self.data_styles
                        .insert(style.clone(), u8::try_from(digits.min(40)).unwrap_or(40));
                }
            }
            (b"style:style", false) => {
                if let (Some(name), Some(data)) =
                    (tag.attr(b"style:name"), tag.attr(b"style:data-style-name"))
                {
                    self.cell_styles.insert(unescape(name), unescape(data));
                }
            }
            (b"table:table", false) => {
                self.table = Some(Table {
                    name: tag.attr(b"table:name").map(unescape).unwrap_or_default(),
                    ..Table::default()
                });
            }
            (b"table:table", true) => self.finish_table(),
            _ => self.table_tag(tag),
        }
    }

    fn table_tag(&mut self, tag: &Tag<'_>) {
        let Some(table) = self.table.as_mut() else {
            return;
        };
        match (tag.name, tag.end) {
            (b"table:table-row", false) => {
                table.row_repeat = tag
                    .number(b"table:number-rows-repeated")
                    .unwrap_or(1)
                    .clamp(1, MAX_ROWS);
                table.column = 0;
            }
            (b"table:table-row", true) => {
                table.row = table.row.saturating_add(table.row_repeat).min(MAX_ROWS);
            }
            (b"table:table-cell" | b"table:covered-table-cell", false) => {
                let repeat = tag
                    .number(b"table:number-columns-repeated")
                    .unwrap_or(1)
                    .clamp(1, MAX_COLUMNS);
                let first = table.column;
                table.column = table.column.saturating_add(repeat).min(MAX_COLUMNS);
                if tag.attr(b"office:value-type").is_none() {
                    return;
                }
                let last_row = (table.row + table.row_repeat)
                    .saturating_sub(1)
                    .min(MAX_ROWS - 1);
                let last_column = table.column.saturating_sub(1).max(first);
                table.bounds = Some(match table.bounds {
                    None => (table.row, last_row, first, last_column),
                    Some((r0, r1, c0, c1)) => (
                        r0.min(table.row),
                        r1.max(last_row),
                        c0.min(first),
                        c1.max(last_column),
                    ),
                });
                let width = tag
                    .attr(b"table:style-name")
                    .and_then(|style| self.cell_styles.get(&unescape(style)))
                    .and_then(|data| self.data_styles.get(data));
                if let Some(&width) = width
                    && tag.attr(b"office:value-type") == Some(b"float")
                {
                    table.pad(first..=last_column, last_row, width);
                }
            }
            (b"text:p" | b"text:span", true)
                if tag.text_len > MAX_TEXT_BYTES && table.long_text.is_none() =>
            {
                let cell = format!(
                    "{}{}",
                    column_letters(table.column.saturating_sub(1) as usize),
                    table.row + 1
                );
                table.long_text = Some(budget::text_too_large(&cell, tag.text_len));
            }
            _ => {}
        }
    }

    fn finish_table(&mut self) {
        let Some(table) = self.table.take() else {
            return;
        };
        let refused = table.long_text.clone().or_else(|| {
            let (r0, r1, c0, c1) = table.bounds?;
            let span = (r1.saturating_sub(r0) + 1) * (c1.saturating_sub(c0) + 1);
            (span > MAX_RANGE_CELLS).then(|| {
                let corner = |row: u64, column: u64| {
                    format!("{}{}", column_letters(column as usize), row + 1)
                };
                budget::range_too_large(&format!("{}:{}", corner(r0, c0), corner(r1, c1)), span)
            })
        });
        self.result.add(table.name, refused, table.padding);
    }
}

impl Table {
    fn pad(&mut self, columns: std::ops::RangeInclusive<u64>, last_row: u64, width: u8) {
        for row in self.row..=last_row {
            for column in columns.clone() {
                if self.padded >= MAX_PADDED {
                    return;
                }
                self.padded += 1;
                self.padding.insert(row as u32, column as u32, width);
            }
        }
    }
}
