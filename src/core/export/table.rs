//! The one shape every export file has before it is written: a named table of text and number
//! cells. The CSV writer and the workbook writer both take a [`Table`], so a file and its sheet
//! in `reconciliation.xlsx` cannot drift apart.

/// One cell of an export table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, written exactly (ids keep their leading zeros and every digit).
    Text(String),
    /// A number (scores, counts): a number cell in a workbook, plain digits in CSV.
    Number(f64),
    /// Nothing.
    Empty,
}

impl Cell {
    /// A text cell.
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    /// A number cell, or an empty one for `None`.
    pub fn number(number: Option<f64>) -> Cell {
        number.map_or(Cell::Empty, Cell::Number)
    }

    /// A count as a number cell.
    pub fn count(count: usize) -> Cell {
        // Counts stay far below 2^53, where f64 is exact.
        Cell::Number(count as f64)
    }

    /// The cell as CSV text (before formula neutralising): numbers with up to six decimals,
    /// trailing zeros dropped.
    pub fn to_text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Text(text) => std::borrow::Cow::Borrowed(text),
            Cell::Number(number) => std::borrow::Cow::Owned(format_number(*number)),
            Cell::Empty => std::borrow::Cow::Borrowed(""),
        }
    }
}

/// A number with up to six decimals and no trailing zeros: `0.995`, `12`, `0.333333`.
pub fn format_number(number: f64) -> String {
    if !number.is_finite() {
        return String::new();
    }
    let text = format!("{number:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// A table ready to be written as a CSV file and as a workbook sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file it is written to (`links.csv`).
    pub file_name: &'static str,
    /// The sheet it becomes in `reconciliation.xlsx` (`Links`).
    pub sheet_name: &'static str,
    /// The header.
    pub header: Vec<String>,
    /// The data rows, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table with a header.
    pub fn new(file_name: &'static str, sheet_name: &'static str, header: Vec<String>) -> Self {
        Table {
            file_name,
            sheet_name,
            header,
            rows: Vec::new(),
        }
    }

    /// An empty table whose header is given as text slices.
    pub fn with_header(file_name: &'static str, sheet_name: &'static str, header: &[&str]) -> Self {
        Self::new(
            file_name,
            sheet_name,
            header.iter().map(|name| name.to_string()).collect(),
        )
    }

    /// Append a row (padded with empty cells or cut to the header's width).
    pub fn push(&mut self, mut row: Vec<Cell>) {
        row.resize(self.header.len(), Cell::Empty);
        self.rows.push(row);
    }

    /// Number of data rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the table has no data row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_short_and_exact_enough() {
        assert_eq!(format_number(0.995), "0.995");
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(1.0 / 3.0), "0.333333");
        assert_eq!(format_number(-0.0000001), "0");
        assert_eq!(format_number(f64::NAN), "");
    }

    #[test]
    fn rows_are_padded_to_the_header() {
        let mut table = Table::with_header("a.csv", "A", &["x", "y"]);
        table.push(vec![Cell::text("1")]);
        table.push(vec![Cell::text("1"), Cell::Empty, Cell::text("extra")]);
        assert_eq!(table.rows[0], [Cell::text("1"), Cell::Empty]);
        assert_eq!(table.rows[1].len(), 2);
    }
}
