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
    open_quote: Option<OpenQuote>,
}

/// Counts line breaks in consumed bytes: LF, CRLF and a bare CR each end one line. It also
/// follows the quotes of the current record: after an odd number of them a quote is open, and
/// `open_line` is the line where it opened.
#[derive(Debug, Default)]
struct LineCounter {
    /// Line breaks consumed so far.
    breaks: u64,
    /// The last byte consumed was a CR (so a LF right after it ends no further line).
    after_cr: bool,
    /// An odd number of quotes since the record began.
    quote_open: bool,
    /// The 1-based line of the quote that left `quote_open` set.
    open_line: u64,
}

impl LineCounter {
    fn count(&mut self, consumed: &[u8]) {
        for position in memchr::memchr3_iter(b'\r', b'\n', b'"', consumed) {
            let byte = consumed[position];
            if byte == b'"' {
                self.quote_open = !self.quote_open;
                self.open_line = self.breaks + 1;
                continue;
            }
            let after_cr = match position {
                0 => self.after_cr,
                _ => consumed[position - 1] == b'\r',
            };
            if byte == b'\r' || !after_cr {
                self.breaks += 1;
            }
        }
        if let Some(&last) = consumed.last() {
            self.after_cr = last == b'\r';
        }
    }
}

/// A quote opened on `line` and never closed: the parser read the rest of the file as one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct OpenQuote {
    /// The 1-based line of the opening quote.
    pub line: u64,
    /// The 1-based field of the record that the quote opened.
    pub field: usize,
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
            open_quote: None,
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
        self.lines.quote_open = false;
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
                    // Ended by the end of the input inside an open quote (after more than
                    // one line): the quote swallowed the rest of the file.
                    if input.is_empty() && self.lines.quote_open && self.lines.breaks + 1 > line {
                        self.open_quote = Some(OpenQuote {
                            line: self.lines.open_line,
                            field: ended,
                        });
                    }
                    return Ok(Some(line));
                }
                ReadRecordResult::End => return Ok(None),
            }
        }
    }

    /// A quote that was opened and never closed, once the last record has been read.
    pub fn open_quote(&self) -> Option<OpenQuote> {
        self.open_quote
    }

    /// The fields of the last record as text with every byte sequence that is not UTF-8
    /// replaced by U+FFFD, and the 1-based field of the first one replaced.
    pub fn lossy_record(&self) -> (Vec<String>, Option<usize>) {
        let mut first_bad = None;
        let mut start = 0;
        let cells = self.ends[..self.count]
            .iter()
            .enumerate()
            .map(|(index, &end)| {
                let bytes = self.fields.get(start..end).unwrap_or(&[]);
                start = end;
                let text = String::from_utf8_lossy(bytes);
                if matches!(text, std::borrow::Cow::Owned(_)) && first_bad.is_none() {
                    first_bad = Some(index + 1);
                }
                text.into_owned()
            })
            .collect();
        (cells, first_bad)
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
    fn an_unclosed_quote_is_found_on_its_line() {
        let mut reader = RecordReader::new(&b"id,name\n1,\"Acme\n2,Bolt\n3,Cargo\n"[..], b',');
        while reader.read().unwrap().is_some() {}
        assert_eq!(reader.open_quote(), Some(OpenQuote { line: 2, field: 2 }));
        // Balanced quotes, a quoted line break and a stray quote inside a field are fine.
        let fine: &[&[u8]] = &[
            b"id,name\n1,\"Acme\nHof\"\n2,5\" disk\n",
            b"a,\"x\ny\"",
            b"a,b\n1,\"\"\"x\"\"\"\n",
        ];
        for text in fine {
            let mut reader = RecordReader::new(*text, b',');
            while reader.read().unwrap().is_some() {}
            assert_eq!(
                reader.open_quote(),
                None,
                "{}",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn lossy_records_replace_bad_bytes_and_name_the_field() {
        let mut reader = RecordReader::new(&b"M\xc3\xbcller,K\xf6ln\n"[..], b',');
        assert_eq!(reader.read().unwrap(), Some(1));
        let (cells, bad) = reader.lossy_record();
        assert_eq!(cells, ["Müller", "K\u{fffd}ln"]);
        assert_eq!(bad, Some(2));
    }

    #[test]
    fn non_utf8_fields_are_reported() {
        let mut reader = RecordReader::new(&b"M\xfcller,K\xf6ln\n"[..], b',');
        assert_eq!(reader.read().unwrap(), Some(1));
        assert!(reader.text_record().is_none());
    }
}
