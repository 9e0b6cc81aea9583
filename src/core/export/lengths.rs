//! Field lengths of the target system. An ERP keeps a customer name in a field of fixed width
//! (SAP's `NAME1` holds 35 characters); a longer name from the CRM is cut off or refused by
//! the import. The width is taken from the target's own export: when many of its values stop
//! at exactly the same length, that length is the field's limit (the export shows names the
//! system already cut). Known SAP customer-master fields add their documented widths. The
//! creation files are then checked, and every value that will not fit is named in a note.

use crate::core::model::{Role, Side};
use crate::core::project::Project;

use super::table::Table;

/// A limit is inferred only from columns with values at least this long ...
const SHORTEST_LIMIT: usize = 10;
/// ... and when at least this many values stop exactly there ...
const FEWEST_AT_LIMIT: usize = 3;
/// ... and at least this share of the filled values (one in two hundred).
const SHARE_AT_LIMIT: usize = 200;
/// At most this many row numbers are listed in a note.
const ROWS_NAMED: usize = 8;

/// Documented widths of SAP customer-master (KNA1) fields, by the column name SE16N exports.
const SAP_WIDTHS: [(&str, usize); 9] = [
    ("NAME1", 35),
    ("NAME2", 35),
    ("STRAS", 35),
    ("ORT01", 35),
    ("PSTLZ", 10),
    ("TELF1", 16),
    ("STCEG", 20),
    ("SMTP_ADDR", 241),
    ("REGIO", 3),
];

/// The number of characters `header` holds in `side`'s list: a documented SAP width, or the
/// length at which many of the column's values stop; `None` when no limit shows.
pub fn field_limit(project: &Project, side: Side, role: Role, header: &str) -> Option<usize> {
    let known = SAP_WIDTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(header.trim()))
        .map(|&(_, width)| width);
    known.or_else(|| inferred_limit(project, side, role))
}

fn inferred_limit(project: &Project, side: Side, role: Role) -> Option<usize> {
    let dataset = project.dataset(side);
    let column = dataset.column_of(role)?;
    let (mut longest, mut at_longest, mut filled) = (0usize, 0usize, 0usize);
    for row in 0..dataset.len() {
        let length = dataset.cells.cell(row, column).trim_end().chars().count();
        if length == 0 {
            continue;
        }
        filled += 1;
        match length.cmp(&longest) {
            std::cmp::Ordering::Greater => (longest, at_longest) = (length, 1),
            std::cmp::Ordering::Equal => at_longest += 1,
            std::cmp::Ordering::Less => {}
        }
    }
    let enough = at_longest >= FEWEST_AT_LIMIT && at_longest * SHARE_AT_LIMIT >= filled;
    (longest >= SHORTEST_LIMIT && enough).then_some(longest)
}

/// Notes naming the values of `table` that are longer than the target's fields hold; the
/// columns of `roles` start at column `first` of the table.
pub fn length_notes(
    project: &Project,
    target: Side,
    roles: &[(Role, String)],
    table: &Table,
    first: usize,
) -> Vec<String> {
    let mut notes = Vec::new();
    for (offset, (role, header)) in roles.iter().enumerate() {
        let Some(limit) = field_limit(project, target, *role, header) else {
            continue;
        };
        let column = first + offset;
        let too_long: Vec<usize> = table
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                row.get(column)
                    .is_some_and(|cell| cell.to_text().chars().count() > limit)
            })
            .map(|(index, _)| index + 2)
            .collect();
        if too_long.is_empty() {
            continue;
        }
        let mut rows: Vec<String> = too_long
            .iter()
            .take(ROWS_NAMED)
            .map(usize::to_string)
            .collect();
        if too_long.len() > ROWS_NAMED {
            rows.push("...".to_string());
        }
        let (values, are, them, row_word) = match too_long.len() {
            1 => ("1 value".to_string(), "is", "it", "row"),
            count => (format!("{count} values"), "are", "them", "rows"),
        };
        notes.push(format!(
            "{}: {values} of {header} {are} longer than the {limit} characters the {} field \
             holds ({row_word} {}); shorten {them} before importing, or the import will cut or refuse \
             {them}",
            table.file_name,
            target.as_str().to_ascii_uppercase(),
            rows.join(", ")
        ));
    }
    notes
}
