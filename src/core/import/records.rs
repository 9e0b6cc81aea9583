//! [`RecordReader`]: delimited records from a byte stream through `csv-core`, with the exact
//! 1-based line on which each record starts (LF, CRLF and the bare CR of Excel's "CSV
//! (Macintosh)" each end one line; blank lines count), and without a `String` per field.

use std::io::{self, Read};

use csv_core::ReadRecordResult;

use super::table::RowCells;

const BUFFER_BYTES: usize = 256 * 1024;

/// Reads records one at a time; the fields of the last record stay in its buffers.
pub(super) struct RecordReader<R> {
    input: R,
    parser: csv_core::Reader,
    buffer: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    fields: Vec<u8>,
    ends: Vec<usize>,
    count: usize,
    lines: LineCounter,
}

/// Counts line breaks in consumed bytes: LF, CRLF and a bare CR each end one line.
#[derive(Debug, Default)]
struct LineCounter {
    /// Line breaks consumed so far.
    breaks: u64,
    /// The last byte consumed was a CR (so a LF right after it ends no further line).
    after_cr: bool,
}

impl LineCounter {
    fn count(&mut self, consumed: &[u8]) {
        for position in memchr::memchr2_iter(b'\r', b'\n', consumed) {
            let after_cr = match position {
                0 => self.after_cr,
                _ => consumed[position - 1] == b'\r',
            };
            if consumed[position] == b'\r' || !after_cr {
                self.breaks += 1;
            }
        }
        if let Some(&last) = consumed.last() {
            self.after_cr = last == b'\r';
        }
    }
}

/// A record whose fields were found to be UTF-8.
pub(super) struct TextRecord<'a> {
    text: &'a str,
    ends: &'a [usize],
}

impl RowCells for TextRecord<'_> {
    fn count(&self) -> usize {
        self.ends.len()
    }

    fn cell(&self, index: usize) -> &str {
        let start = match index {
            0 => 0,
            _ => self.ends.get(index - 1).copied().unwrap_or(0),
        };
        let end = self.ends.get(index).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or("")
    }
}

impl<R: Read> RecordReader<R> {
    /// Records separated by `delimiter`, with `"` quoting (doubled quotes inside).
    pub fn new(input: R, delimiter: u8) -> Self {
        RecordReader {
            input,
            parser: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            buffer: vec![0; BUFFER_BYTES],
            start: 0,
            end: 0,
            eof: false,
            fields: vec![0; 4096],
            ends: vec![0; 64],
            count: 0,
            lines: LineCounter::default(),
        }
    }

    fn fill(&mut self) -> io::Result<()> {
        while self.start == self.end && !self.eof {
            match self.input.read(&mut self.buffer) {
                Ok(read) => {
                    self.start = 0;
                    self.end = read;
                    self.eof = read == 0;
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
        Ok(())
    }

    /// Skip the line breaks before the next record.
    fn skip_line_breaks(&mut self) -> io::Result<()> {
        loop {
            self.fill()?;
            let Some(&byte) = self.buffer[self.start..self.end].first() else {
                return Ok(());
            };
            if byte != b'\n' && byte != b'\r' {
                return Ok(());
            }
            self.lines.count(&[byte]);
            self.start += 1;
        }
    }

    /// Read the next record; returns the line it starts on, or `None` at the end.
    pub fn read(&mut self) -> io::Result<Option<u64>> {
        self.skip_line_breaks()?;
        let line = self.lines.breaks + 1;
        let (mut written, mut ended) = (0, 0);
        loop {
            self.fill()?;
            let input = &self.buffer[self.start..self.end];
            let (result, read, wrote, ends) = self.parser.read_record(
                input,
                &mut self.fields[written..],
                &mut self.ends[ended..],
            );
            self.lines
                .count(&self.buffer[self.start..self.start + read]);
            self.start += read;
            written += wrote;
            ended += ends;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let grown = self.fields.len() * 2;
                    self.fields.resize(grown, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let grown = self.ends.len() * 2;
                    self.ends.resize(grown, 0);
                }
                ReadRecordResult::Record => {
                    self.count = ended;
                    return Ok(Some(line));
                }
                ReadRecordResult::End => return Ok(None),
            }
        }
    }

    /// The fields of the last record as text, or `None` when they are not UTF-8.
    pub fn text_record(&self) -> Option<TextRecord<'_>> {
        let ends = &self.ends[..self.count];
        let length = ends.last().copied().unwrap_or(0);
        let text = std::str::from_utf8(&self.fields[..length]).ok()?;
        Some(TextRecord { text, ends })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &[u8]) -> Vec<(u64, Vec<String>)> {
        let mut reader = RecordReader::new(text, b',');
        let mut out = Vec::new();
        while let Some(line) = reader.read().unwrap() {
            let record = reader.text_record().unwrap();
            let cells = (0..record.count())
                .map(|index| record.cell(index).to_string())
                .collect();
            out.push((line, cells));
        }
        out
    }

    #[test]
    fn lines_are_exact_with_crlf_blank_lines_and_embedded_newlines() {
        let crlf = records(b"a,b\r\n1,\"x\r\ny\"\r\n\r\n\r\n2,z\r\n");
        assert_eq!(
            crlf,
            [
                (1, vec!["a".to_string(), "b".to_string()]),
                (2, vec!["1".to_string(), "x\r\ny".to_string()]),
                (6, vec!["2".to_string(), "z".to_string()]),
            ]
        );
        let lf: Vec<u64> = records(b"a\n\n\"p\nq\"\nb\n\nc")
            .iter()
            .map(|r| r.0)
            .collect();
        assert_eq!(lf, [1, 3, 5, 7]);
    }

    #[test]
    fn long_records_grow_the_buffers() {
        let wide = format!("{}\n", vec!["Müller GmbH"; 500].join(","));
        let read = records(wide.as_bytes());
        assert_eq!(read[0].1.len(), 500);
        assert_eq!(read[0].1[499], "Müller GmbH");
    }

    #[test]
    fn non_utf8_fields_are_reported() {
        let mut reader = RecordReader::new(&b"M\xfcller,K\xf6ln\n"[..], b',');
        assert_eq!(reader.read().unwrap(), Some(1));
        assert!(reader.text_record().is_none());
    }
}
