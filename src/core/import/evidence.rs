//! The encoding of a text that is not UTF-8 throughout, decided from the whole text: a large
//! UTF-8 file with one stray byte (a Windows-1252 `ü` pasted into one cell) stays UTF-8, with
//! the bad bytes replaced and reported; a file with no valid UTF-8 character beyond ASCII is a
//! legacy code page.

use std::io::{self, BufRead};

/// What the non-ASCII bytes of a text say about its encoding.
#[derive(Debug, Default)]
pub(super) struct Utf8Evidence {
    /// Characters beyond ASCII that are valid UTF-8.
    pub valid: usize,
    /// Byte sequences that are not UTF-8.
    pub invalid: usize,
    /// The lines holding bytes beyond ASCII (at most 1 MiB): what tells code pages apart.
    pub sample: Vec<u8>,
}

impl Utf8Evidence {
    /// True when the text is UTF-8 with a few damaged bytes: at least as many valid UTF-8
    /// characters beyond ASCII as invalid sequences. A Windows-1252 or other single-byte text
    /// almost never forms a valid UTF-8 sequence by chance, so it has none.
    pub fn mostly_utf8(&self) -> bool {
        self.valid > 0 && self.invalid <= self.valid
    }
}

/// Read `input` line by line and weigh its bytes.
pub(super) fn weigh(input: impl io::Read) -> io::Result<Utf8Evidence> {
    const SAMPLE: usize = 1 << 20;
    let mut reader = io::BufReader::with_capacity(1 << 16, input);
    let mut evidence = Utf8Evidence::default();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(evidence);
        }
        if line.is_ascii() {
            continue;
        }
        if evidence.sample.len() < SAMPLE {
            evidence.sample.extend_from_slice(&line);
        }
        weigh_line(&line, &mut evidence);
    }
}

fn weigh_line(mut rest: &[u8], evidence: &mut Utf8Evidence) {
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                evidence.valid += lead_bytes(text.as_bytes());
                return;
            }
            Err(error) => {
                let valid = error.valid_up_to();
                evidence.valid += lead_bytes(&rest[..valid]);
                evidence.invalid += 1;
                let skip = error.error_len().unwrap_or(rest.len() - valid);
                rest = &rest[valid + skip..];
            }
        }
    }
}

/// Characters beyond ASCII in valid UTF-8: their lead bytes.
fn lead_bytes(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&byte| byte >= 0xC0).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_byte_among_utf8_umlauts_is_utf8() {
        let text = "Müller;Köln\nWeiß;Gießen\n".repeat(100) + "M\u{fc}ller\n";
        let mut bytes = text.into_bytes();
        bytes.extend_from_slice(b"K\xf6ln\n");
        let evidence = weigh(&bytes[..]).unwrap();
        assert_eq!(evidence.invalid, 1);
        assert!(evidence.mostly_utf8());
    }

    #[test]
    fn windows_1252_text_is_not_utf8() {
        let evidence = weigh(&b"M\xfcller;K\xf6ln\nWei\xdf;Gie\xdfen\n"[..]).unwrap();
        assert_eq!(evidence.valid, 0);
        assert!(!evidence.mostly_utf8());
        let evidence = weigh(&b"plain\nascii\n"[..]).unwrap();
        assert!(!evidence.mostly_utf8());
    }
}
