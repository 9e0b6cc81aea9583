//! The records of a delimited text read into a table: strictly as UTF-8 (giving up at the
//! first byte that is not, so the caller can weigh the whole text), leniently as UTF-8 with the
//! bad bytes replaced and reported by line, or decoded from another encoding. A quote that
//! opens and never closes is refused, naming its line.

use std::io::{self, Read};

use crate::core::model::ImportWarning;

use super::csv::{TextEncoding, TextSource};
use super::decode::DecodingReader;
use super::error::ImportError;
use super::records::RecordReader;
use super::table::{Table, TableBuilder};

/// How to read the records.
#[derive(Debug, Clone, Copy)]
pub(super) struct ReadMode {
    /// The encoding of the bytes.
    pub encoding: TextEncoding,
    /// The field delimiter.
    pub delimiter: u8,
    /// Rows and text bytes to reserve.
    pub reserve: (usize, usize),
    /// Replace bytes that are not UTF-8 (and report them) instead of giving up.
    pub lossy: bool,
}

/// What reading the records of a source gave.
pub(super) enum Records {
    /// The table (`None` when the source holds no record).
    Read(Option<Table>),
    /// The source was read as strict UTF-8 but is not: read it again another way.
    NotUtf8,
}

impl Records {
    /// The table, or nothing when the source was not UTF-8 or held no record.
    pub(super) fn table(self) -> Option<Table> {
        match self {
            Records::Read(table) => table,
            Records::NotUtf8 => None,
        }
    }
}

/// The records of the source.
pub(super) fn read_records(
    file: &str,
    source: TextSource<'_>,
    mode: ReadMode,
) -> Result<Records, ImportError> {
    let io_error = |source: io::Error| ImportError::Io {
        file: file.to_string(),
        source,
    };
    let too_large = |source| ImportError::TooLarge {
        file: file.to_string(),
        source,
    };
    let raw = source.open(mode.encoding.bom_len()).map_err(io_error)?;
    let input: Box<dyn Read + '_> = match mode.encoding.decoder() {
        Some(decoder) => Box::new(DecodingReader::new(raw, decoder)),
        None => raw,
    };
    let mut reader = RecordReader::new(input, mode.delimiter);
    let mut builder = TableBuilder::new(true, mode.reserve);
    let mut replaced = ReplacedBytes::default();
    while let Some(line) = reader.read().map_err(io_error)? {
        let line = usize::try_from(line).unwrap_or(usize::MAX);
        match reader.text_record() {
            Some(record) => builder.push(line, &record).map_err(too_large)?,
            // Decoded text is always UTF-8, so only a raw UTF-8 read gets here.
            None if !mode.lossy => return Ok(Records::NotUtf8),
            None => {
                let (cells, column) = reader.lossy_record();
                replaced.note(line, column);
                builder.push(line, &cells[..]).map_err(too_large)?;
            }
        }
    }
    if let Some(quote) = reader.open_quote() {
        return Err(ImportError::UnclosedQuote {
            file: file.to_string(),
            line: quote.line,
            field: quote.field,
        });
    }
    let mut table = builder.finish().map_err(too_large)?;
    if let Some(table) = table.as_mut() {
        table.warnings.extend(replaced.warnings());
    }
    Ok(Records::Read(table))
}

/// Lines whose bytes were not UTF-8 and were replaced by U+FFFD.
#[derive(Debug, Default)]
struct ReplacedBytes {
    lines: Vec<(usize, Option<usize>)>,
    total: usize,
}

impl ReplacedBytes {
    /// Warnings listed one by one before the rest are counted.
    const LISTED: usize = 20;

    fn note(&mut self, line: usize, column: Option<usize>) {
        self.total += 1;
        if self.lines.len() < Self::LISTED {
            self.lines.push((line, column));
        }
    }

    fn warnings(&self) -> Vec<ImportWarning> {
        let mut warnings: Vec<ImportWarning> = self
            .lines
            .iter()
            .map(|&(line, column)| ImportWarning {
                row: Some(line),
                column,
                message: "bytes that are not UTF-8 (the rest of the file is) were replaced by \
                          '\u{fffd}'; correct the value in the source system"
                    .to_string(),
            })
            .collect();
        if self.total > Self::LISTED {
            warnings.push(ImportWarning {
                row: None,
                column: None,
                message: format!(
                    "{} more lines hold bytes that are not UTF-8, replaced by '\u{fffd}'",
                    self.total - Self::LISTED
                ),
            });
        }
        warnings
    }
}
