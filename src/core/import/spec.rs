//! What the user names: `path` or `path#Sheet`, and `ROLE=COLUMN` role overrides.

use std::path::Path;
use std::str::FromStr;

use crate::core::model::Role;

/// A column named by the user: its header text or its 1-based position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnRef {
    /// The header text (matched exactly, then ignoring case, accents and punctuation).
    Name(String),
    /// The 1-based column number.
    Number(usize),
}

/// A user's `ROLE=COLUMN`: give `column` the role `role` (and take that role from any other
/// column).
///
/// ```
/// use ledgerlink::core::import::{ColumnOverride, ColumnRef};
/// use ledgerlink::core::model::Role;
/// let vat: ColumnOverride = "tax_id=USt-IdNr.".parse().unwrap();
/// assert_eq!(vat.role, Role::TaxId);
/// assert_eq!(vat.column, ColumnRef::Name("USt-IdNr.".to_string()));
/// let second: ColumnOverride = "name=2".parse().unwrap();
/// assert_eq!(second.column, ColumnRef::Number(2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnOverride {
    /// The role to assign.
    pub role: Role,
    /// The column that gets it.
    pub column: ColumnRef,
}

impl FromStr for ColumnOverride {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let Some((role_text, column_text)) = text.split_once('=') else {
            return Err(format!(
                "'{text}' is not ROLE=COLUMN (e.g. tax_id=VAT or name=2)"
            ));
        };
        let role: Role = role_text.parse()?;
        let column_text = column_text.trim();
        if column_text.is_empty() {
            return Err(format!("'{text}' names no column after '='"));
        }
        let column = match column_text.parse::<usize>() {
            Ok(0) => return Err(format!("'{text}': columns are numbered from 1")),
            Ok(number) => ColumnRef::Number(number),
            Err(_) => ColumnRef::Name(column_text.to_string()),
        };
        Ok(ColumnOverride { role, column })
    }
}

/// Split `path#Sheet` into the path and the sheet. A `#` that is part of an existing file's
/// name stays part of the path; the last `#` separates the sheet otherwise.
///
/// ```
/// use ledgerlink::core::import::split_spec;
/// assert_eq!(split_spec("no/such/book.xlsx#Kunden"), ("no/such/book.xlsx".to_string(), Some("Kunden".to_string())));
/// assert_eq!(split_spec("list.csv"), ("list.csv".to_string(), None));
/// ```
pub fn split_spec(spec: &str) -> (String, Option<String>) {
    if Path::new(spec).exists() {
        return (spec.to_string(), None);
    }
    match spec.rsplit_once('#') {
        Some((path, sheet)) if !path.is_empty() => (path.to_string(), Some(sheet.to_string())),
        _ => (spec.to_string(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_parse_names_and_numbers() {
        let by_name: ColumnOverride = "xref = ERP Number ".parse().unwrap();
        assert_eq!(by_name.role, Role::Xref);
        assert_eq!(by_name.column, ColumnRef::Name("ERP Number".to_string()));
        let by_number: ColumnOverride = "id=1".parse().unwrap();
        assert_eq!(by_number.column, ColumnRef::Number(1));
        assert!("id".parse::<ColumnOverride>().is_err());
        assert!("vat=3".parse::<ColumnOverride>().is_err());
        assert!("id=0".parse::<ColumnOverride>().is_err());
        assert!("id=".parse::<ColumnOverride>().is_err());
    }

    #[test]
    fn a_hash_in_an_existing_file_name_stays_in_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join("list#1.csv");
        std::fs::write(&odd, "a,b\n1,2\n").unwrap();
        let odd_text = odd.to_string_lossy().to_string();
        assert_eq!(split_spec(&odd_text), (odd_text.clone(), None));
        let with_sheet = format!("{odd_text}#Sheet1");
        assert_eq!(
            split_spec(&with_sheet),
            (odd_text, Some("Sheet1".to_string()))
        );
    }
}
