//! [`DecodingReader`]: a `Read` adapter that turns a stream in a legacy or UTF-16 encoding into
//! UTF-8 on the fly, so large files are never held twice in memory.

use std::io::{self, Read};

use encoding_rs::{CoderResult, Decoder, Encoding};

const INPUT_CHUNK: usize = 64 * 1024;
/// Room for the UTF-8 of one input chunk: at most three bytes for each input byte.
const OUTPUT_CHUNK: usize = 3 * INPUT_CHUNK + 16;

/// Reads bytes in `encoding` from `inner` and yields UTF-8. The caller has already skipped any
/// byte order mark; malformed input becomes U+FFFD.
pub(super) struct DecodingReader<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    input_start: usize,
    input_end: usize,
    input_done: bool,
    output: Vec<u8>,
    output_start: usize,
    output_end: usize,
    finished: bool,
}

impl<R: Read> DecodingReader<R> {
    /// Decode `inner` from `encoding`.
    pub fn new(inner: R, encoding: &'static Encoding) -> Self {
        DecodingReader {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            input: vec![0; INPUT_CHUNK],
            input_start: 0,
            input_end: 0,
            input_done: false,
            output: vec![0; OUTPUT_CHUNK],
            output_start: 0,
            output_end: 0,
            finished: false,
        }
    }

    fn fill_input(&mut self) -> io::Result<()> {
        loop {
            match self.inner.read(&mut self.input) {
                Ok(read) => {
                    self.input_start = 0;
                    self.input_end = read;
                    self.input_done = read == 0;
                    return Ok(());
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.output_start < self.output_end {
                let available = &self.output[self.output_start..self.output_end];
                let count = available.len().min(buf.len());
                buf[..count].copy_from_slice(&available[..count]);
                self.output_start += count;
                return Ok(count);
            }
            if self.finished {
                return Ok(0);
            }
            if self.input_start == self.input_end && !self.input_done {
                self.fill_input()?;
            }
            let input = &self.input[self.input_start..self.input_end];
            let (result, read, written, _) =
                self.decoder
                    .decode_to_utf8(input, &mut self.output, self.input_done);
            self.input_start += read;
            self.output_start = 0;
            self.output_end = written;
            if self.input_done && result == CoderResult::InputEmpty {
                self.finished = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(bytes: &[u8], encoding: &'static Encoding) -> String {
        let mut text = String::new();
        DecodingReader::new(bytes, encoding)
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    #[test]
    fn windows_1252_becomes_utf8() {
        assert_eq!(
            decode_all(b"M\xfcller;Stra\xdfe;\x80 5", encoding_rs::WINDOWS_1252),
            "Müller;Straße;€ 5"
        );
    }

    #[test]
    fn utf16_split_across_chunks_survives() {
        let text = "Société Générale;Zürich\r\n".repeat(10_000);
        let mut bytes = Vec::new();
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert!(bytes.len() > INPUT_CHUNK * 2);
        assert_eq!(decode_all(&bytes, encoding_rs::UTF_16LE), text);
    }
}
