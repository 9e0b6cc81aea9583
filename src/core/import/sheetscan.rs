//! The constant-memory scan of an xlsx (or xlsm) workbook: which part holds which sheet, the
//! shared strings longer than the budget, the zero-padding number formats of `xl/styles.xml`,
//! and per sheet the cells present, the rectangle they span and the padded number cells.

use std::collections::HashMap;
use std::io::Cursor;

use super::budget::{self, MAX_RANGE_CELLS, MAX_TEXT_BYTES, WorkbookScan, open_part, over_budget};
use super::cell::column_letters;
use super::error::ImportError;
use super::numfmt::{Padding, padding_width, unescape};
use super::xmlscan::{Tag, scan};

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Scan every sheet of an xlsx workbook; a shared string beyond the budget refuses the whole
/// workbook (calamine loads them all when it opens it), naming a sheet that uses it.
pub(super) fn scan_xlsx(file: &str, zip: &mut Zip<'_>) -> Result<WorkbookScan, ImportError> {
    let sheets = sheet_parts(zip);
    let (long, too_large) = long_strings(zip);
    if too_large && long.is_empty() {
        let what = budget::part_too_large("xl/sharedStrings.xml");
        return Err(over_budget(file, None, what));
    }
    let widths = style_widths(zip);
    let mut result = WorkbookScan::default();
    let mut long_user: Option<(String, String)> = None;
    for (name, part) in sheets {
        let Some(input) = open_part(zip, &part) else {
            continue;
        };
        let mut sheet = SheetScan::new(&long, &widths);
        let read = scan(input, |tag| sheet.tag(tag)).unwrap_or(0);
        let refused = if read > budget::MAX_PART_BYTES {
            Some(budget::part_too_large(&part))
        } else {
            sheet.refusal()
        };
        if let (None, Some(what)) = (&long_user, &sheet.long_string) {
            long_user = Some((name.clone(), what.clone()));
        }
        result.add(name, refused, sheet.padding);
    }
    if !long.is_empty() {
        let (sheet, what) = match long_user {
            Some((sheet, what)) => (Some(sheet), what),
            None => (
                None,
                "a shared string is longer than the budget".to_string(),
            ),
        };
        return Err(over_budget(file, sheet.as_deref(), what));
    }
    Ok(result)
}

/// (sheet name, part path) in workbook order.
fn sheet_parts(zip: &mut Zip<'_>) -> Vec<(String, String)> {
    let mut targets: HashMap<String, String> = HashMap::new();
    if let Some(input) = open_part(zip, "xl/_rels/workbook.xml.rels") {
        let _ = scan(input, |tag| {
            if tag.name == b"Relationship"
                && let (Some(id), Some(target)) = (tag.attr(b"Id"), tag.attr(b"Target"))
            {
                let target = unescape(target);
                let path = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("xl/{target}"),
                };
                targets.insert(unescape(id), path);
            }
            true
        });
    }
    let mut sheets = Vec::new();
    if let Some(input) = open_part(zip, "xl/workbook.xml") {
        let _ = scan(input, |tag| {
            if tag.name == b"sheet"
                && !tag.end
                && let (Some(name), Some(id)) = (tag.attr(b"name"), tag.attr(b"r:id"))
                && let Some(part) = targets.get(&unescape(id))
            {
                sheets.push((unescape(name), part.clone()));
            }
            true
        });
    }
    sheets
}

/// The shared strings longer than the budget (index -> bytes), and whether the part itself is.
fn long_strings(zip: &mut Zip<'_>) -> (HashMap<u64, u64>, bool) {
    let mut long = HashMap::new();
    let Some(input) = open_part(zip, "xl/sharedStrings.xml") else {
        return (long, false);
    };
    let (mut index, mut length) = (0u64, 0u64);
    let read = scan(input, |tag| {
        length += tag.text_len;
        if tag.name == b"si" {
            if tag.end || tag.empty {
                if length > MAX_TEXT_BYTES {
                    long.insert(index, length);
                }
                index += 1;
            }
            length = 0;
        }
        true
    })
    .unwrap_or(0);
    // A string still open where the part (or its budget) ends.
    if length > MAX_TEXT_BYTES {
        long.insert(index, length);
    }
    (long, read > budget::MAX_PART_BYTES)
}

/// The padding width of each cell format (`cellXfs` in order), 0 for none.
fn style_widths(zip: &mut Zip<'_>) -> Vec<u8> {
    let Some(input) = open_part(zip, "xl/styles.xml") else {
        return Vec::new();
    };
    let mut formats: HashMap<u64, u8> = HashMap::new();
    let mut widths = Vec::new();
    let mut in_cell_xfs = false;
    let _ = scan(input, |tag| {
        match tag.name {
            b"numFmt" if !tag.end => {
                if let (Some(id), Some(code)) = (tag.number(b"numFmtId"), tag.attr(b"formatCode"))
                    && let Some(width) = padding_width(&unescape(code))
                {
                    formats.insert(id, width);
                }
            }
            b"cellXfs" => in_cell_xfs = !tag.end && !tag.empty,
            b"xf" if in_cell_xfs && !tag.end => {
                let id = tag.number(b"numFmtId").unwrap_or(0);
                widths.push(formats.get(&id).copied().unwrap_or(0));
            }
            _ => {}
        }
        true
    });
    widths
}

/// The state of one sheet's scan.
struct SheetScan<'a> {
    long: &'a LongStringsMap,
    widths: &'a [u8],
    row: i64,
    column: i64,
    shared: bool,
    numeric: bool,
    cells: u64,
    bounds: Option<(u32, u32, u32, u32)>,
    long_text: Option<String>,
    long_string: Option<String>,
    padding: Padding,
}

type LongStringsMap = HashMap<u64, u64>;

impl<'a> SheetScan<'a> {
    fn new(long: &'a LongStringsMap, widths: &'a [u8]) -> Self {
        SheetScan {
            long,
            widths,
            row: -1,
            column: -1,
            shared: false,
            numeric: false,
            cells: 0,
            bounds: None,
            long_text: None,
            long_string: None,
            padding: Padding::default(),
        }
    }

    fn tag(&mut self, tag: &Tag<'_>) -> bool {
        match (tag.name, tag.end) {
            (b"row", false) => {
                self.row = tag
                    .number(b"r")
                    .map_or(self.row + 1, |r| r.min(u64::from(u32::MAX)) as i64 - 1);
                self.column = -1;
            }
            (b"c", false) => self.cell(tag),
            (b"v", true) if self.shared => {
                let index = std::str::from_utf8(tag.text_head)
                    .ok()
                    .and_then(|text| text.trim().parse::<u64>().ok());
                if let Some(bytes) = index.and_then(|index| self.long.get(&index))
                    && self.long_string.is_none()
                {
                    self.long_string = Some(budget::text_too_large(&self.here(), *bytes));
                }
            }
            (b"v" | b"t", true) if tag.text_len > MAX_TEXT_BYTES && self.long_text.is_none() => {
                self.long_text = Some(budget::text_too_large(&self.here(), tag.text_len));
            }
            _ => {}
        }
        true
    }

    fn cell(&mut self, tag: &Tag<'_>) {
        match tag.attr(b"r").and_then(parse_reference) {
            Some((row, column)) => (self.row, self.column) = (row as i64, column as i64),
            None => self.column = (self.column + 1).min(i64::from(u32::MAX)),
        }
        let (row, column) = (self.row.max(0) as u32, self.column.max(0) as u32);
        self.cells += 1;
        self.bounds = Some(match self.bounds {
            None => (row, row, column, column),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(column), c1.max(column)),
        });
        let kind = tag.attr(b"t");
        self.shared = kind == Some(b"s");
        self.numeric = kind.is_none() || kind == Some(b"n");
        if self.numeric
            && let Some(style) = tag.number(b"s")
            && let Some(&width) = self.widths.get(style as usize)
            && width > 0
        {
            self.padding.insert(row, column, width);
        }
    }

    fn here(&self) -> String {
        format!(
            "{}{}",
            column_letters(self.column.max(0) as usize),
            self.row.max(0) + 1
        )
    }

    /// Why the sheet is over the budget, if it is.
    fn refusal(&self) -> Option<String> {
        if let Some(what) = self.long_string.as_ref().or(self.long_text.as_ref()) {
            return Some(what.clone());
        }
        let (r0, r1, c0, c1) = self.bounds?;
        let span = (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1);
        (span > MAX_RANGE_CELLS).then(|| {
            let corner =
                |row: u32, column: u32| format!("{}{}", column_letters(column as usize), row + 1);
            budget::range_too_large(&format!("{}:{}", corner(r0, c0), corner(r1, c1)), span)
        })
    }
}

/// `XFD1048576` -> 0-based (row, column).
fn parse_reference(raw: &[u8]) -> Option<(u32, u32)> {
    let letters = raw
        .iter()
        .take_while(|byte| byte.is_ascii_alphabetic())
        .count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let column = raw[..letters].iter().fold(0u32, |sum, byte| {
        sum * 26 + u32::from(byte.to_ascii_uppercase().saturating_sub(b'A')) + 1
    });
    let row: u32 = std::str::from_utf8(&raw[letters..]).ok()?.parse().ok()?;
    Some((row.checked_sub(1)?, column - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_parse() {
        assert_eq!(parse_reference(b"A1"), Some((0, 0)));
        assert_eq!(parse_reference(b"XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(parse_reference(b"1"), None);
    }
}
