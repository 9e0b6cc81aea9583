//! Writing rows to disk as they are generated: CSV (the CRM's Data Loader format, the truth files,
//! the ERP list for scale runs) and xlsx in constant-memory mode.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::SynthError;

/// The rows an xlsx worksheet holds, header included.
pub const XLSX_MAX_ROWS: u32 = 1_048_576;

/// How a CSV file is written.
#[derive(Debug, Clone, Copy)]
pub struct CsvFlavour {
    /// Start with a UTF-8 byte order mark (Salesforce Data Loader, Excel).
    pub bom: bool,
    /// Quote every field (Data Loader) rather than only where needed.
    pub quote_all: bool,
    /// Field delimiter.
    pub delimiter: u8,
}

impl CsvFlavour {
    /// Salesforce Data Loader: BOM, every field quoted, comma.
    pub const DATA_LOADER: CsvFlavour = CsvFlavour {
        bom: true,
        quote_all: true,
        delimiter: b',',
    };
    /// Plain CSV for the truth files.
    pub const PLAIN: CsvFlavour = CsvFlavour {
        bom: false,
        quote_all: false,
        delimiter: b',',
    };
    /// An ERP list export as German ERPs write it: semicolons, quotes only where needed.
    pub const ERP: CsvFlavour = CsvFlavour {
        bom: false,
        quote_all: false,
        delimiter: b';',
    };
}

/// A table being written row by row.
pub enum TableWriter {
    /// A CSV file.
    Csv {
        /// The csv writer.
        writer: Box<csv::Writer<BufWriter<File>>>,
        /// Where it writes, for messages.
        path: PathBuf,
    },
    /// An xlsx workbook with one worksheet in constant-memory mode.
    Xlsx {
        /// The workbook.
        workbook: Box<Workbook>,
        /// The next row to write (0-based).
        next_row: u32,
        /// Where it will be saved.
        path: PathBuf,
    },
}

fn io_error(path: &Path, source: std::io::Error) -> SynthError {
    SynthError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn xlsx_error(path: &Path, source: XlsxError) -> SynthError {
    SynthError::Xlsx {
        path: path.to_path_buf(),
        source,
    }
}

impl TableWriter {
    /// Create a CSV file and write its header.
    pub fn csv(path: &Path, flavour: CsvFlavour, header: &[&str]) -> Result<Self, SynthError> {
        let file = File::create(path).map_err(|source| io_error(path, source))?;
        let mut buffered = BufWriter::with_capacity(1 << 20, file);
        if flavour.bom {
            buffered
                .write_all("\u{feff}".as_bytes())
                .map_err(|source| io_error(path, source))?;
        }
        let quote_style = if flavour.quote_all {
            csv::QuoteStyle::Always
        } else {
            csv::QuoteStyle::Necessary
        };
        let writer = csv::WriterBuilder::new()
            .quote_style(quote_style)
            .delimiter(flavour.delimiter)
            .from_writer(buffered);
        let mut table = TableWriter::Csv {
            writer: Box::new(writer),
            path: path.to_path_buf(),
        };
        table.write_row(header)?;
        Ok(table)
    }

    /// Start an xlsx workbook with one worksheet named `sheet` and write its header. Every cell is
    /// written as text, so customer numbers keep their leading zeros.
    pub fn xlsx(
        path: &Path,
        sheet: &str,
        header: &[&str],
        widths: &[f64],
    ) -> Result<Self, SynthError> {
        let mut workbook = Box::new(Workbook::new());
        // A fixed creation date keeps the file the same for the same seed.
        let created =
            ExcelDateTime::from_ymd(2024, 1, 2).map_err(|source| xlsx_error(path, source))?;
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
        let worksheet = workbook
            .add_worksheet_with_constant_memory()
            .map_err(|source| xlsx_error(path, source))?;
        worksheet
            .set_name(sheet)
            .map_err(|source| xlsx_error(path, source))?;
        for (column, width) in widths.iter().enumerate() {
            worksheet
                .set_column_width(column as u16, *width)
                .map_err(|source| xlsx_error(path, source))?;
        }
        worksheet
            .set_freeze_panes(1, 0)
            .map_err(|source| xlsx_error(path, source))?;
        let bold = Format::new().set_bold();
        for (column, title) in header.iter().enumerate() {
            worksheet
                .write_string_with_format(0, column as u16, *title, &bold)
                .map_err(|source| xlsx_error(path, source))?;
        }
        Ok(TableWriter::Xlsx {
            workbook,
            next_row: 1,
            path: path.to_path_buf(),
        })
    }

    /// Append one row.
    pub fn write_row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<(), SynthError> {
        match self {
            TableWriter::Csv { writer, path } => writer
                .write_record(cells.iter().map(|cell| cell.as_ref()))
                .map_err(|source| SynthError::Csv {
                    path: path.clone(),
                    source,
                }),
            TableWriter::Xlsx {
                workbook,
                next_row,
                path,
            } => {
                if *next_row >= XLSX_MAX_ROWS {
                    return Err(SynthError::TooManyRows {
                        path: path.clone(),
                        limit: XLSX_MAX_ROWS,
                    });
                }
                let worksheet = workbook
                    .worksheet_from_index(0)
                    .map_err(|source| xlsx_error(path, source))?;
                for (column, cell) in cells.iter().enumerate() {
                    let text = cell.as_ref();
                    if !text.is_empty() {
                        worksheet
                            .write_string(*next_row, column as u16, text)
                            .map_err(|source| xlsx_error(path, source))?;
                    }
                }
                *next_row += 1;
                Ok(())
            }
        }
    }

    /// Flush and close the file.
    pub fn finish(self) -> Result<(), SynthError> {
        match self {
            TableWriter::Csv { writer, path } => {
                let mut inner = writer
                    .into_inner()
                    .map_err(|error| io_error(&path, std::io::Error::other(error.to_string())))?;
                inner.flush().map_err(|source| io_error(&path, source))
            }
            TableWriter::Xlsx {
                mut workbook, path, ..
            } => workbook
                .save(&path)
                .map_err(|source| xlsx_error(&path, source)),
        }
    }
}
