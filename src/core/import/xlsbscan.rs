//! The memory budget for xlsb sheets: calamine's own streaming cell reader walks the sheet
//! once (one cell in memory at a time) before the sheet is read as a rectangle, so a small file
//! with a cell at XFD1048576 is refused instead of asking for 549 GB. (The other zip workbooks
//! are scanned from their XML, see [`super::budget`].)

use std::io::Cursor;

use calamine::{DataRef, Sheets};

use super::budget::{self, MAX_RANGE_CELLS, MAX_TEXT_BYTES};
use super::cell::column_letters;
use super::error::ImportError;

/// Refuse the xlsb sheet `name` when its cells span more than the budget or one holds too long
/// a text; other formats pass.
pub(super) fn check_xlsb(
    workbook: &mut Sheets<Cursor<&[u8]>>,
    file: &str,
    name: &str,
) -> Result<(), ImportError> {
    let Sheets::Xlsb(book) = workbook else {
        return Ok(());
    };
    // A sheet the reader cannot walk is left to calamine, which reports it.
    let Ok(mut cells) = book.worksheet_cells_reader(name) else {
        return Ok(());
    };
    let mut bounds: Option<(u32, u32, u32, u32)> = None;
    while let Ok(Some(cell)) = cells.next_cell() {
        let (row, column) = cell.get_position();
        let text = match cell.get_value() {
            DataRef::SharedString(text) => text.len(),
            DataRef::String(text) => text.len(),
            _ => 0,
        };
        if text as u64 > MAX_TEXT_BYTES {
            let cell = format!("{}{}", column_letters(column as usize), row + 1);
            let what = budget::text_too_large(&cell, text as u64);
            return Err(budget::over_budget(file, Some(name), what));
        }
        bounds = Some(match bounds {
            None => (row, row, column, column),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(column), c1.max(column)),
        });
    }
    let Some((r0, r1, c0, c1)) = bounds else {
        return Ok(());
    };
    let span = (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1);
    if span <= MAX_RANGE_CELLS {
        return Ok(());
    }
    let corner = |row: u32, column: u32| format!("{}{}", column_letters(column as usize), row + 1);
    let what = budget::range_too_large(&format!("{}:{}", corner(r0, c0), corner(r1, c1)), span);
    Err(budget::over_budget(file, Some(name), what))
}
