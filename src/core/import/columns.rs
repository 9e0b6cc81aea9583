//! Columns: the alias table (`assets/column_aliases.tsv`), role detection from header names,
//! header row detection (title blocks above, a second localised header row below), and the
//! user's `ROLE=COLUMN` overrides.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::core::fold::fold;
use crate::core::model::{Column, Role};

use super::spec::{ColumnOverride, ColumnRef};

/// The alias table, compiled in: `ROLE<TAB>HEADER` lines, `#` comments.
const ALIAS_TABLE: &str = include_str!("../../../assets/column_aliases.tsv");

/// Dynamics 365 marks the hidden helper columns of its Excel exports with this prefix.
const DYNAMICS_HIDDEN_PREFIX: &str = "(Do Not Modify)";

/// How many leading rows are searched for the header.
pub(super) const HEADER_SEARCH_ROWS: usize = 30;

/// The comparison key of a header: folded (case, accents, ß) with everything but letters and
/// digits removed, so `Billing Zip/Postal Code` equals `BILLINGZIPPOSTALCODE`.
pub(super) fn header_key(header: &str) -> String {
    fold(header)
        .chars()
        .filter(|ch| ch.is_alphanumeric())
        .collect()
}

/// Parse the alias table: folded header key -> role. Lines that do not parse are skipped here
/// and caught by the unit tests.
fn parse_alias_table(table: &str) -> HashMap<String, Role> {
    let mut aliases = HashMap::new();
    for line in table.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((role_text, header)) = line.split_once('\t') else {
            continue;
        };
        if let Ok(role) = role_text.parse::<Role>() {
            aliases.entry(header_key(header)).or_insert(role);
        }
    }
    aliases
}

fn aliases() -> &'static HashMap<String, Role> {
    static ALIASES: OnceLock<HashMap<String, Role>> = OnceLock::new();
    ALIASES.get_or_init(|| parse_alias_table(ALIAS_TABLE))
}

/// The role a header name suggests, from the alias table in `assets/column_aliases.tsv`.
/// Dynamics 365's hidden `(Do Not Modify) ...` helper columns get none.
///
/// ```
/// use ledgerlink::core::import::detect_role;
/// use ledgerlink::core::model::Role;
/// assert_eq!(detect_role("Billing Zip/Postal Code"), Some(Role::Postcode));
/// assert_eq!(detect_role("USt-IdNr."), Some(Role::TaxId));
/// assert_eq!(detect_role("ERP_Customer_No__c"), Some(Role::Xref));
/// assert_eq!(detect_role("*ContactName"), Some(Role::Name));
/// assert_eq!(detect_role("Email__c"), Some(Role::Email));
/// assert_eq!(detect_role("(Do Not Modify) Account"), None);
/// assert_eq!(detect_role("Lieblingsfarbe"), None);
/// ```
pub fn detect_role(header: &str) -> Option<Role> {
    let trimmed = header.trim();
    if trimmed.starts_with(DYNAMICS_HIDDEN_PREFIX) {
        return None;
    }
    let key = header_key(trimmed);
    if key.is_empty() {
        return None;
    }
    aliases().get(&key).copied().or_else(|| {
        // A Salesforce custom field (`Email__c`, person account `Birthdate__pc`) means what its
        // name without the suffix means.
        let lower = trimmed.to_ascii_lowercase();
        let base = lower
            .strip_suffix("__c")
            .or_else(|| lower.strip_suffix("__pc"))?;
        aliases().get(&header_key(base)).copied()
    })
}

/// A row of the first rows of a file, kept while the header is searched.
#[derive(Debug, Clone)]
pub(super) struct HeadRow {
    /// 1-based row (line for text, sheet row for workbooks).
    pub row: usize,
    /// The cells as text.
    pub cells: Vec<String>,
}

impl HeadRow {
    fn non_empty(&self) -> usize {
        self.cells
            .iter()
            .filter(|cell| !cell.trim().is_empty())
            .count()
    }

    fn alias_hits(&self) -> usize {
        self.cells
            .iter()
            .filter(|cell| detect_role(cell).is_some())
            .count()
    }

    fn numeric_cells(&self) -> usize {
        self.cells.iter().filter(|cell| looks_numeric(cell)).count()
    }
}

/// Digits with separators only (amounts, ids, dates such as 14.02.2025): not a header name.
fn looks_numeric(cell: &str) -> bool {
    let trimmed = cell.trim();
    trimmed.chars().any(|ch| ch.is_ascii_digit())
        && trimmed
            .chars()
            .all(|ch| ch.is_ascii_digit() || " .,-+/:".contains(ch))
}

/// Where the header is among the first rows: its index in `head`, and the index of a second
/// header row of localised labels right under it, if there is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct HeaderChoice {
    /// Index (in the head rows) of the header.
    pub header: usize,
    /// Index of a second header row to skip.
    pub second: Option<usize>,
}

/// Find the header among the first rows. A header has at least half as many filled cells as the
/// widest row, or two known column names (so a title block of one-cell rows is passed over), is
/// mostly not numbers, and when any row names known columns, it names at least half as many as
/// the best row does.
pub(super) fn find_header(head: &[HeadRow]) -> Option<HeaderChoice> {
    let widest = head.iter().map(HeadRow::non_empty).max().unwrap_or(0);
    if widest == 0 {
        return None;
    }
    let needed = if widest >= 2 {
        widest.div_ceil(2).max(2)
    } else {
        1
    };
    let candidates: Vec<usize> = (0..head.len())
        .filter(|&index| {
            let row = &head[index];
            let filled = row.non_empty();
            // A header may leave columns unnamed; known names make up for the gaps.
            let wide_enough = filled >= needed || (filled >= 2 && row.alias_hits() >= 2);
            wide_enough && row.numeric_cells() * 2 <= filled
        })
        .collect();
    let best_hits = candidates
        .iter()
        .map(|&index| head[index].alias_hits())
        .max()
        .unwrap_or(0);
    let header = candidates
        .iter()
        .copied()
        .find(|&index| head[index].alias_hits() * 2 >= best_hits)
        .or_else(|| head.iter().position(|row| row.non_empty() > 0))?;
    let second = second_header(head, header);
    Some(HeaderChoice { header, second })
}

/// The row under the header is a second header (SAP Business One DTW templates: technical
/// names, then localised labels) when it has no numbers and most of its cells are known column
/// names or repeat the header.
fn second_header(head: &[HeadRow], header: usize) -> Option<usize> {
    let next = header + 1;
    let row = head.get(next)?;
    let header_row = &head[header];
    let filled = row.non_empty();
    if filled < 2 || filled * 2 < header_row.non_empty() || row.numeric_cells() > 0 {
        return None;
    }
    let repeats = row
        .cells
        .iter()
        .zip(&header_row.cells)
        .filter(|(below, above)| !below.trim().is_empty() && header_key(below) == header_key(above))
        .count();
    let known = row
        .cells
        .iter()
        .zip(&header_row.cells)
        .filter(|(below, above)| {
            detect_role(below).is_some() || header_key(below) == header_key(above)
        })
        .count();
    let looks_like_labels = known >= 2 && known * 3 >= filled * 2;
    (looks_like_labels || repeats * 2 >= filled).then_some(next)
}

/// Columns with detected roles: from the header name, else from the second header's label.
/// Only the first column detected as `id` keeps that role, so a list has one record id.
pub(super) fn detect_columns(header: &[String], labels: Option<&[String]>) -> Vec<Column> {
    let mut has_id = false;
    header
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let label = labels.and_then(|labels| labels.get(index));
            let hidden = name.trim().starts_with(DYNAMICS_HIDDEN_PREFIX);
            let mut role = detect_role(name);
            if role.is_none() && !hidden {
                role = label.and_then(|label| detect_role(label));
            }
            if role == Some(Role::Id) {
                if has_id {
                    role = None;
                }
                has_id = true;
            }
            Column {
                name: name.trim().to_string(),
                role,
            }
        })
        .collect()
}

/// Why an override could not be applied: the column it names does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct MissingColumn {
    /// The override that failed.
    pub wanted: ColumnOverride,
}

/// Apply the user's `ROLE=COLUMN` overrides in order: the named column gets the role, and no
/// other column keeps it.
pub(super) fn apply_overrides(
    columns: &mut [Column],
    overrides: &[ColumnOverride],
) -> Result<(), MissingColumn> {
    for wanted in overrides {
        let Some(target) = find_column(columns, &wanted.column) else {
            return Err(MissingColumn {
                wanted: wanted.clone(),
            });
        };
        for (index, column) in columns.iter_mut().enumerate() {
            if index == target {
                column.role = Some(wanted.role);
            } else if column.role == Some(wanted.role) {
                column.role = None;
            }
        }
    }
    Ok(())
}

/// The 0-based index of a column named by number, exact header, header ignoring case, or
/// header key (ignoring accents and punctuation).
fn find_column(columns: &[Column], wanted: &ColumnRef) -> Option<usize> {
    match wanted {
        ColumnRef::Number(number) => (1..=columns.len()).contains(number).then(|| number - 1),
        ColumnRef::Name(name) => {
            let name = name.trim();
            let key = header_key(name);
            columns
                .iter()
                .position(|column| column.name == name)
                .or_else(|| {
                    columns
                        .iter()
                        .position(|column| column.name.eq_ignore_ascii_case(name))
                })
                .or_else(|| {
                    columns
                        .iter()
                        .position(|column| !key.is_empty() && header_key(&column.name) == key)
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(row: usize, cells: &[&str]) -> HeadRow {
        HeadRow {
            row,
            cells: cells.iter().map(|cell| cell.to_string()).collect(),
        }
    }

    #[test]
    fn every_alias_line_parses_and_no_header_means_two_roles() {
        let mut seen: HashMap<String, (Role, String)> = HashMap::new();
        for line in ALIAS_TABLE.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (role_text, header) = line.split_once('\t').expect("ROLE<TAB>HEADER");
            let role: Role = role_text.parse().expect("a known role");
            let key = header_key(header);
            assert!(!key.is_empty(), "alias '{header}' folds to nothing");
            if let Some((other, first)) = seen.get(&key) {
                assert_eq!(
                    *other, role,
                    "'{header}' ({role}) and '{first}' ({other}) are the same header"
                );
            }
            seen.insert(key, (role, header.to_string()));
        }
        assert!(seen.len() > 400, "only {} aliases", seen.len());
    }

    #[test]
    fn roles_come_from_real_header_names() {
        let cases = [
            ("BILLINGPOSTALCODE", Role::Postcode),
            ("Address 1: City", Role::City),
            ("KUNNR", Role::Id),
            ("STCEG", Role::TaxId),
            ("LicTradNum", Role::TaxId),
            ("Straße", Role::Street),
            ("Code postal", Role::Postcode),
            ("Razón social", Role::Name),
            ("Woonplaats", Role::City),
            ("Relationship Type", Role::AccountType),
            ("Kontotyp", Role::AccountType),
            ("ERP number", Role::Xref),
            ("Debitorennummer", Role::Xref),
            ("Email__c", Role::Email),
            ("Birthdate__pc", Role::Date),
        ];
        for (header, role) in cases {
            assert_eq!(detect_role(header), Some(role), "{header}");
        }
    }

    #[test]
    fn a_title_block_above_the_header_is_skipped() {
        let head = vec![
            row(1, &["Müller Handels GmbH"]),
            row(2, &["Customer Contact List"]),
            row(3, &["All Dates"]),
            row(4, &[]),
            row(5, &["Customer", "Phone Numbers", "Email", "Full Name"]),
            row(
                6,
                &["Bäckerei Süß", "+49 30 1234", "info@suess.de", "Eva Süß"],
            ),
        ];
        let choice = find_header(&head).unwrap();
        assert_eq!(head[choice.header].row, 5);
        assert_eq!(choice.second, None);
    }

    #[test]
    fn a_header_with_unnamed_columns_is_still_the_header() {
        let head = vec![
            row(1, &["Kundennummer", "Firma", "", "", ""]),
            row(2, &["10001", "Müller GmbH", "x", "y", "z"]),
            row(3, &["10002", "Weiß KG", "x", "y", "z"]),
        ];
        assert_eq!(find_header(&head).unwrap().header, 0);
    }

    #[test]
    fn a_second_row_of_localised_labels_is_recognised() {
        let head = vec![
            row(1, &["CardCode", "CardName", "CardType", "LicTradNum"]),
            row(2, &["GP-Code", "GP-Name", "GP-Art", "Steuernummer"]),
            row(3, &["C20000", "Müller GmbH", "C", "DE123456789"]),
        ];
        let choice = find_header(&head).unwrap();
        assert_eq!(
            choice,
            HeaderChoice {
                header: 0,
                second: Some(1)
            }
        );
    }

    #[test]
    fn the_first_data_row_is_not_taken_for_a_second_header() {
        let head = vec![
            row(1, &["Account Name", "Type", "Billing City"]),
            row(2, &["Customer", "Prospect", "Berlin"]),
        ];
        assert_eq!(find_header(&head).unwrap().second, None);
    }

    #[test]
    fn only_the_first_id_column_is_the_record_id_and_hidden_columns_get_no_role() {
        let header: Vec<String> = ["(Do Not Modify) Account", "Record Id", "Account Number"]
            .iter()
            .map(|name| name.to_string())
            .collect();
        let columns = detect_columns(&header, None);
        let roles: Vec<Option<Role>> = columns.iter().map(|column| column.role).collect();
        assert_eq!(roles, [None, Some(Role::Id), None]);
    }

    #[test]
    fn overrides_move_a_role_and_fail_on_missing_columns() {
        let header: Vec<String> = ["Kundennummer", "Firma", "Bemerkung"]
            .iter()
            .map(|name| name.to_string())
            .collect();
        let mut columns = detect_columns(&header, None);
        let overrides = ["id=3".parse().unwrap(), "tax_id=firma".parse().unwrap()];
        apply_overrides(&mut columns, &overrides).unwrap();
        let roles: Vec<Option<Role>> = columns.iter().map(|column| column.role).collect();
        assert_eq!(roles, [None, Some(Role::TaxId), Some(Role::Id)]);
        let missing = ["xref=4".parse().unwrap()];
        assert!(apply_overrides(&mut columns, &missing).is_err());
        let missing = ["xref=SAP".parse().unwrap()];
        assert!(apply_overrides(&mut columns, &missing).is_err());
    }
}
