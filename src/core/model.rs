//! The data model shared by every part of the core: sides, column roles, and the imported
//! [`Dataset`] with its compact cell storage.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Which of the two lists a record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The CRM account list (Salesforce, Dynamics, HubSpot ...).
    Crm,
    /// The ERP customer (debtor) list: the system of record for financial data.
    Erp,
}

impl Side {
    /// Lower-case name used on the command line and in files: `crm` or `erp`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Crm => "crm",
            Side::Erp => "erp",
        }
    }

    /// The other list.
    pub fn other(self) -> Side {
        match self {
            Side::Crm => Side::Erp,
            Side::Erp => Side::Crm,
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Side {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "crm" => Ok(Side::Crm),
            "erp" => Ok(Side::Erp),
            other => Err(format!("unknown side '{other}' (expected crm or erp)")),
        }
    }
}

/// What a column holds, as far as matching and export care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The record's own identifier in its system (account id, customer number).
    Id,
    /// Company name or full person name.
    Name,
    /// A person's first (given) name.
    FirstName,
    /// A person's last (family) name.
    LastName,
    /// Street, possibly with the house number in it.
    Street,
    /// House number when exported apart from the street.
    HouseNumber,
    /// Second address line (building, c/o, district).
    Address2,
    /// City or town.
    City,
    /// Postcode / ZIP.
    Postcode,
    /// State, region, province, county.
    Region,
    /// Country name or ISO code.
    Country,
    /// Telephone number.
    Phone,
    /// E-mail address.
    Email,
    /// Website or domain.
    Website,
    /// Any official number: VAT, company register, social security.
    TaxId,
    /// A birth or founding date.
    Date,
    /// CRM account type (Customer, Lead, Prospect ...).
    AccountType,
    /// The other system's id, as stored in this system (a cross-reference).
    Xref,
    /// Kept and shown, but not compared.
    Other,
}

impl Role {
    /// Every role, in the order of the command-line contract.
    pub const ALL: [Role; 19] = [
        Role::Id,
        Role::Name,
        Role::FirstName,
        Role::LastName,
        Role::Street,
        Role::HouseNumber,
        Role::Address2,
        Role::City,
        Role::Postcode,
        Role::Region,
        Role::Country,
        Role::Phone,
        Role::Email,
        Role::Website,
        Role::TaxId,
        Role::Date,
        Role::AccountType,
        Role::Xref,
        Role::Other,
    ];

    /// The role's name in words, as the window shows it ("Tax id", "Cross-reference").
    pub fn label(self) -> &'static str {
        match self {
            Role::Id => "Id",
            Role::Name => "Name",
            Role::FirstName => "First name",
            Role::LastName => "Last name",
            Role::Street => "Street",
            Role::HouseNumber => "House number",
            Role::Address2 => "Address line 2",
            Role::City => "City",
            Role::Postcode => "Postcode",
            Role::Region => "Region",
            Role::Country => "Country",
            Role::Phone => "Phone",
            Role::Email => "E-mail",
            Role::Website => "Website",
            Role::TaxId => "Tax id",
            Role::Date => "Date",
            Role::AccountType => "Account type",
            Role::Xref => "Cross-reference",
            Role::Other => "Other",
        }
    }

    /// The role's name on the command line and in files (`tax_id`, `first_name` ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Id => "id",
            Role::Name => "name",
            Role::FirstName => "first_name",
            Role::LastName => "last_name",
            Role::Street => "street",
            Role::HouseNumber => "house_number",
            Role::Address2 => "address2",
            Role::City => "city",
            Role::Postcode => "postcode",
            Role::Region => "region",
            Role::Country => "country",
            Role::Phone => "phone",
            Role::Email => "email",
            Role::Website => "website",
            Role::TaxId => "tax_id",
            Role::Date => "date",
            Role::AccountType => "account_type",
            Role::Xref => "xref",
            Role::Other => "other",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_ascii_lowercase();
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
                format!(
                    "unknown role '{text}' (expected one of {})",
                    names.join(", ")
                )
            })
    }
}

/// One column of an imported list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// Header text as exported (trimmed).
    pub name: String,
    /// Detected or user-assigned role; `None` when the column is not used for matching.
    pub role: Option<Role>,
}

/// Where and how a list was read; shown by `inspect` and on the import screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// The file as given by the user (path, without any `#sheet` suffix).
    pub file: String,
    /// `csv`, `xlsx`, `xlsm`, `xlsb`, `xls` or `ods`.
    pub format: String,
    /// Text encoding for text files (`UTF-8`, `UTF-8 BOM`, `UTF-16LE`, `windows-1252` ...).
    pub encoding: Option<String>,
    /// Field delimiter for text files.
    pub delimiter: Option<char>,
    /// The sheet read, for workbooks.
    pub sheet: Option<String>,
    /// Every sheet of a workbook, in order.
    pub sheets: Vec<String>,
    /// 1-based row (line for CSV, sheet row for workbooks) of the header.
    pub header_row: usize,
    /// Findings the user should see: junk rows dropped, ragged rows, duplicate ids ...
    pub warnings: Vec<ImportWarning>,
}

/// A finding about one place in an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportWarning {
    /// 1-based row in the file (line for CSV, sheet row for workbooks), when it applies.
    pub row: Option<usize>,
    /// 1-based column, when it applies.
    pub column: Option<usize>,
    /// What was found, in plain words.
    pub message: String,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, self.column) {
            (Some(row), Some(column)) => write!(f, "row {row}, column {column}: ")?,
            (Some(row), None) => write!(f, "row {row}: ")?,
            (None, Some(column)) => write!(f, "column {column}: ")?,
            (None, None) => {}
        }
        f.write_str(&self.message)
    }
}

/// All cell text of a table in one buffer: a row is `width` consecutive cells.
///
/// One `String` plus one `u32` end offset per cell keeps a million-row list at little more than
/// the size of its text (a `String` per cell would cost four times as much).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CellStore {
    text: String,
    ends: Vec<u32>,
    width: usize,
}

/// The cell buffer of a [`CellStore`] cannot exceed 4 GiB of text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the list holds more than 4 GiB of text, which Ledgerlink cannot keep in one table")]
pub struct CellStoreFull;

impl CellStore {
    /// An empty table whose rows have `width` cells.
    pub fn new(width: usize) -> Self {
        CellStore {
            text: String::new(),
            ends: Vec::new(),
            width,
        }
    }

    /// Reserve room for `rows` rows of about `bytes` bytes of text in all.
    pub fn reserve(&mut self, rows: usize, bytes: usize) {
        self.ends.reserve(rows.saturating_mul(self.width));
        self.text.reserve(bytes);
    }

    /// Cells per row.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.ends.len().checked_div(self.width).unwrap_or(0)
    }

    /// True when there is no row.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Append a row. Missing cells are stored empty and extra cells are dropped: the caller
    /// reports ragged rows before it pushes them.
    pub fn push_row<'a, I>(&mut self, cells: I) -> Result<(), CellStoreFull>
    where
        I: IntoIterator<Item = &'a str>,
    {
        let mut pushed = 0;
        for cell in cells.into_iter().take(self.width) {
            self.text.push_str(cell);
            self.push_end()?;
            pushed += 1;
        }
        for _ in pushed..self.width {
            self.push_end()?;
        }
        Ok(())
    }

    fn push_end(&mut self) -> Result<(), CellStoreFull> {
        let end = u32::try_from(self.text.len()).map_err(|_| CellStoreFull)?;
        self.ends.push(end);
        Ok(())
    }

    /// The text of a cell; empty for a row or column out of range.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        if column >= self.width {
            return "";
        }
        let index = row * self.width + column;
        let Some(&end) = self.ends.get(index) else {
            return "";
        };
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// The cells of one row.
    pub fn row(&self, row: usize) -> impl Iterator<Item = &str> + '_ {
        (0..self.width).map(move |column| self.cell(row, column))
    }

    /// Give back capacity reserved beyond what the rows use.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// Bytes held (text plus offsets), for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * std::mem::size_of::<u32>()
    }
}

/// An imported list: header, roles, every cell as text, and the import report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dataset {
    /// The columns, in file order.
    pub columns: Vec<Column>,
    /// The data rows (the header is not among them).
    pub cells: CellStore,
    /// For each data row, its 1-based row (or line) in the source file, for messages.
    pub source_rows: Vec<usize>,
    /// How the file was read and what was found.
    pub report: ImportReport,
}

impl Dataset {
    /// Number of data rows.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// True when the list has no data row.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The 0-based index of the first column with `role`.
    pub fn column_of(&self, role: Role) -> Option<usize> {
        self.columns
            .iter()
            .position(|column| column.role == Some(role))
    }

    /// The column naming the account's owner (Salesforce `OwnerName`, Dynamics `Owner`,
    /// HubSpot `Company owner` ...): it has no role, so it is found by its header.
    pub fn owner_column(&self) -> Option<usize> {
        self.columns
            .iter()
            .position(|column| column.name.to_lowercase().contains("owner"))
    }

    /// The text of `row` in the first column with `role`, or `None` when no column has it.
    pub fn value(&self, row: usize, role: Role) -> Option<&str> {
        self.column_of(role)
            .map(|column| self.cells.cell(row, column))
    }

    /// The record id of `row` (the `id` column, trimmed of nothing: ids stay exactly as
    /// exported). Rows of a list without an id column are named by their source row.
    pub fn record_id(&self, row: usize) -> String {
        match self.value(row, Role::Id) {
            Some(id) => id.to_string(),
            None => format!(
                "row{}",
                self.source_rows.get(row).copied().unwrap_or(row + 1)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("vat".parse::<Role>().is_err());
    }

    #[test]
    fn cell_store_keeps_text_and_pads_short_rows() {
        let mut store = CellStore::new(3);
        store.push_row(["00123", "Müller GmbH", "Köln"]).unwrap();
        store.push_row(["7"]).unwrap();
        assert_eq!(store.len(), 2);
        assert_eq!(store.cell(0, 0), "00123");
        assert_eq!(store.cell(0, 1), "Müller GmbH");
        assert_eq!(store.cell(1, 0), "7");
        assert_eq!(store.cell(1, 2), "");
        assert_eq!(store.cell(5, 0), "");
        assert_eq!(
            store.row(0).collect::<Vec<_>>(),
            ["00123", "Müller GmbH", "Köln"]
        );
    }
}
