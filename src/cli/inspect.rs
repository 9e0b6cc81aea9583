//! `ledgerlink inspect FILE [--json]`: what the importer sees in a file.

use std::fmt::Write as _;
use std::io::{self, Write as _};

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use ledgerlink::core::import::{ColumnOverride, import_file};
use ledgerlink::core::model::{Dataset, ImportWarning, Role};

/// Arguments of `inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The export to look at: a CSV/text file or a workbook, optionally `book.xlsx#Sheet`.
    pub file: String,
    /// Print one JSON object instead of the text report.
    #[arg(long)]
    pub json: bool,
    /// Override a column's role, as `match` would: ROLE=COLUMN (header name or 1-based number).
    #[arg(long = "map", value_name = "ROLE=COLUMN")]
    pub map: Vec<ColumnOverride>,
}

/// The `--json` object (DESIGN.md section 4).
#[derive(Debug, Serialize)]
struct InspectJson<'a> {
    file: &'a str,
    format: &'a str,
    encoding: Option<&'a str>,
    delimiter: Option<String>,
    sheet: Option<&'a str>,
    sheets: Option<&'a [String]>,
    header_row: usize,
    rows: usize,
    columns: Vec<ColumnJson<'a>>,
    warnings: &'a [ImportWarning],
}

#[derive(Debug, Serialize)]
struct ColumnJson<'a> {
    index: usize,
    name: &'a str,
    role: Option<Role>,
}

/// Run `inspect`.
pub fn run(args: InspectArgs) -> Result<()> {
    let list = import_file(&args.file, &args.map)?;
    let report = if args.json {
        serde_json::to_string_pretty(&json(&list))? + "\n"
    } else {
        text_report(&list)
    };
    match io::stdout().lock().write_all(report.as_bytes()) {
        // A reader that stopped early (`| head`) is not an error.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn json(list: &Dataset) -> InspectJson<'_> {
    let report = &list.report;
    InspectJson {
        file: &report.file,
        format: &report.format,
        encoding: report.encoding.as_deref(),
        delimiter: report.delimiter.map(String::from),
        sheet: report.sheet.as_deref(),
        sheets: (!report.sheets.is_empty()).then_some(report.sheets.as_slice()),
        header_row: report.header_row,
        rows: list.len(),
        columns: list
            .columns
            .iter()
            .enumerate()
            .map(|(index, column)| ColumnJson {
                index: index + 1,
                name: &column.name,
                role: column.role,
            })
            .collect(),
        warnings: &report.warnings,
    }
}

fn delimiter_name(delimiter: char) -> String {
    match delimiter {
        ',' => "comma (,)".to_string(),
        ';' => "semicolon (;)".to_string(),
        '\t' => "tab".to_string(),
        '|' => "pipe (|)".to_string(),
        other => format!("'{other}'"),
    }
}

/// A cell for one line of text: newlines shown as `⏎`, long values cut.
fn sample(text: &str) -> String {
    const MAX: usize = 40;
    let flat = text.replace("\r\n", "⏎").replace(['\n', '\r'], "⏎");
    if flat.chars().count() <= MAX {
        return flat;
    }
    let short: String = flat.chars().take(MAX - 1).collect();
    format!("{short}…")
}

fn text_report(list: &Dataset) -> String {
    let report = &list.report;
    let mut out = String::new();
    let _ = writeln!(out, "File:        {}", report.file);
    let _ = writeln!(out, "Format:      {}", report.format);
    if let Some(encoding) = &report.encoding {
        let _ = writeln!(out, "Encoding:    {encoding}");
    }
    if let Some(delimiter) = report.delimiter {
        let _ = writeln!(out, "Delimiter:   {}", delimiter_name(delimiter));
    }
    if let Some(sheet) = &report.sheet {
        let _ = writeln!(out, "Sheet:       {sheet}");
        let _ = writeln!(out, "Sheets:      {}", report.sheets.join(", "));
    }
    let _ = writeln!(out, "Header row:  {}", report.header_row);
    let _ = writeln!(out, "Data rows:   {}", list.len());
    let _ = writeln!(out, "Columns ({}):", list.columns.len());
    let name_width = list
        .columns
        .iter()
        .map(|column| column.name.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(6, 36);
    for (index, column) in list.columns.iter().enumerate() {
        let role = column.role.map_or("-", Role::as_str);
        let example = (0..list.len())
            .map(|row| list.cells.cell(row, index))
            .find(|cell| !cell.trim().is_empty())
            .map(sample)
            .unwrap_or_default();
        let name = if column.name.is_empty() {
            "(no header)"
        } else {
            &column.name
        };
        let _ = writeln!(
            out,
            "  {:>3}  {:<name_width$}  {:<12}  {example}",
            index + 1,
            sample(name),
            role
        );
    }
    if report.warnings.is_empty() {
        let _ = writeln!(out, "Warnings:    none");
    } else {
        let _ = writeln!(out, "Warnings ({}):", report.warnings.len());
        for warning in &report.warnings {
            let _ = writeln!(out, "  {warning}");
        }
    }
    out
}
