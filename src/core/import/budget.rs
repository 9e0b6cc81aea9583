//! The memory budget of a workbook import. calamine materialises a sheet as a rectangle of
//! cells (32 bytes each) spanning the cells present, loads every shared string when it opens
//! the file, and expands the repeated rows of ODS: a 5 KB xlsx with a cell at XFD1048576 asks
//! for 549 GB, a 1 MB xlsx can hold a 1 GiB string, an 831-byte ODS can repeat a row a million
//! times. Before calamine sees a zip workbook (xlsx, xlsm, ods), its parts are scanned in
//! constant memory ([`super::xmlscan`]): cells present, the rectangle they span, the longest
//! text, the unpacked size of each part. A sheet over the budget is refused with a message
//! naming it. The scan also finds the zero-padding number formats of cells
//! ([`super::numfmt`]).
//!
//! The budget: a sheet may span at most [`MAX_RANGE_CELLS`] cells (about 1 GiB in calamine),
//! a text at most [`MAX_TEXT_BYTES`], a part of the zip at most [`MAX_PART_BYTES`] unpacked.
//! xlsb sheets are walked with calamine's streaming cell reader instead
//! ([`super::xlsbscan`]); xls is not checked (a sheet cannot exceed 65,536 x 256 cells, and the
//! file is not compressed).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use super::detect::Format;
use super::error::ImportError;
use super::numfmt::Padding;
use super::{odsscan, sheetscan};

/// Cells a sheet may span (rows x columns of the rectangle calamine allocates).
pub(super) const MAX_RANGE_CELLS: u64 = 1 << 25;
/// Bytes of text a cell (or shared string) may hold; Excel itself keeps 32,767 characters.
pub(super) const MAX_TEXT_BYTES: u64 = 1 << 20;
/// Bytes a part of the zip container may unpack to.
pub(super) const MAX_PART_BYTES: u64 = 512 << 20;

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// What the scan found: the sheets over the budget, and the padded number cells per sheet.
#[derive(Debug, Default)]
pub(super) struct WorkbookScan {
    refused: HashMap<String, String>,
    padding: HashMap<String, Padding>,
}

impl WorkbookScan {
    /// Refuse `sheet` when it is over the budget.
    pub fn check(&self, file: &str, sheet: &str) -> Result<(), ImportError> {
        match self.refused.get(sheet) {
            Some(what) => Err(over_budget(file, Some(sheet), what.clone())),
            None => Ok(()),
        }
    }

    /// A sheet over the budget and why, if any.
    pub fn first_refused(&self) -> Option<(&str, &str)> {
        self.refused
            .iter()
            .map(|(sheet, what)| (sheet.as_str(), what.as_str()))
            .min()
    }

    /// The zero-padded number cells of `sheet`.
    pub fn padding(&self, sheet: &str) -> Option<&Padding> {
        self.padding.get(sheet)
    }

    /// Record what a sheet scan found.
    pub(super) fn add(&mut self, sheet: String, refused: Option<String>, padding: Padding) {
        if let Some(what) = refused {
            self.refused.insert(sheet.clone(), what);
        }
        if !padding.is_empty() {
            self.padding.insert(sheet, padding);
        }
    }
}

pub(super) fn over_budget(file: &str, sheet: Option<&str>, what: String) -> ImportError {
    ImportError::OverBudget {
        file: file.to_string(),
        sheet: sheet.map(str::to_string),
        what,
    }
}

/// Scan a zip workbook before calamine reads it; other formats pass unscanned. A zip that
/// cannot be read is left to calamine, which reports it as damaged.
pub(super) fn scan_workbook(
    file: &str,
    bytes: &[u8],
    format: Format,
) -> Result<WorkbookScan, ImportError> {
    if !matches!(
        format,
        Format::Xlsx | Format::Xlsm | Format::Xlsb | Format::Ods
    ) {
        return Ok(WorkbookScan::default());
    }
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(WorkbookScan::default());
    };
    for index in 0..zip.len() {
        if let Ok(entry) = zip.by_index_raw(index)
            && entry.size() > MAX_PART_BYTES
            && !is_streamed(&entry.name().unwrap_or_default())
        {
            let what = format!(
                "the part {} unpacks to {} bytes, more than the budget of {} MiB",
                entry.name().unwrap_or_default(),
                entry.size(),
                MAX_PART_BYTES >> 20
            );
            return Err(over_budget(file, None, what));
        }
    }
    match format {
        Format::Ods => odsscan::scan_ods(file, &mut zip),
        Format::Xlsb => Ok(WorkbookScan::default()),
        _ => sheetscan::scan_xlsx(file, &mut zip),
    }
}

/// Parts the scans read themselves up to the budget, so that they can name the sheet.
fn is_streamed(name: &str) -> bool {
    name == "xl/sharedStrings.xml" || name.starts_with("xl/worksheets/") || name == "content.xml"
}

/// The unpacked bytes of a part, read at most up to the budget; `None` when it is missing.
pub(super) fn open_part<'z>(zip: &'z mut Zip<'_>, name: &str) -> Option<impl Read + 'z> {
    let index = zip.index_for_name(name)?;
    let entry = zip.by_index(index).ok()?;
    Some(entry.take(MAX_PART_BYTES + 1))
}

/// The message for a part that unpacked beyond the budget.
pub(super) fn part_too_large(part: &str) -> String {
    format!(
        "the part {part} unpacks to more than the budget of {} MiB",
        MAX_PART_BYTES >> 20
    )
}

/// The message for a rectangle of cells beyond the budget.
pub(super) fn range_too_large(span: &str, cells: u64) -> String {
    format!("its cells span {span}, {cells} cells, more than the budget of {MAX_RANGE_CELLS} cells")
}

/// The message for a text beyond the budget.
pub(super) fn text_too_large(cell: &str, bytes: u64) -> String {
    format!(
        "cell {cell} holds a text of {bytes} bytes, more than the budget of {} KiB",
        MAX_TEXT_BYTES >> 10
    )
}
