//! A streaming scan of the tags of an XML part, in constant memory whatever the part holds: the
//! text between two tags is only measured (its length, and its first bytes), never kept whole.
//! The workbook checks ([`super::budget`]) and number formats ([`super::numfmt`]) read the parts
//! of untrusted workbooks with it before calamine does, so a 1 GiB string costs nothing here.

use std::io::{self, Read};

/// Longest tag kept (name and attributes); the rest of a longer tag is ignored.
const MAX_TAG: usize = 64 * 1024;
/// Bytes kept of the text before a tag (enough for a number or a cell reference).
const TEXT_HEAD: usize = 64;

/// One tag, with the text that came before it.
#[derive(Debug)]
pub(super) struct Tag<'a> {
    /// The name with its prefix (`c`, `table:table-row`).
    pub name: &'a [u8],
    /// The raw attributes.
    pub attrs: &'a [u8],
    /// `</name>`.
    pub end: bool,
    /// `<name/>`.
    pub empty: bool,
    /// Bytes of text between the previous tag and this one.
    pub text_len: u64,
    /// The first bytes of that text.
    pub text_head: &'a [u8],
}

impl Tag<'_> {
    /// The raw value of attribute `key` (`r`, `table:number-rows-repeated`).
    pub fn attr(&self, key: &[u8]) -> Option<&[u8]> {
        let mut rest = self.attrs;
        loop {
            let start = rest.iter().position(|byte| !byte.is_ascii_whitespace())?;
            rest = &rest[start..];
            let equals = rest.iter().position(|&byte| byte == b'=')?;
            let name = rest[..equals].trim_ascii();
            rest = rest[equals + 1..].trim_ascii_start();
            let quote = *rest.first()?;
            let close = rest[1..].iter().position(|&byte| byte == quote)?;
            let value = &rest[1..1 + close];
            if name == key {
                return Some(value);
            }
            rest = &rest[close + 2..];
        }
    }

    /// The attribute as a number, when it is one.
    pub fn number(&self, key: &[u8]) -> Option<u64> {
        std::str::from_utf8(self.attr(key)?).ok()?.parse().ok()
    }
}

/// Scan `input`, calling `on_tag` for every start, end and empty tag (and, for text after the
/// last tag, once with an empty name); `on_tag` may stop the scan early by returning `false`.
/// Returns the bytes read.
pub(super) fn scan(
    mut input: impl Read,
    mut on_tag: impl FnMut(&Tag<'_>) -> bool,
) -> io::Result<u64> {
    let mut buffer = vec![0u8; 64 * 1024];
    let mut state = Scanner::default();
    let mut total = 0u64;
    loop {
        let read = match input.read(&mut buffer) {
            Ok(0) => {
                state.finish(&mut on_tag);
                return Ok(total);
            }
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        total += read as u64;
        if !state.feed(&buffer[..read], &mut on_tag) {
            return Ok(total);
        }
    }
}

/// Where the scan stands between two reads.
#[derive(Default)]
struct Scanner {
    tag: Vec<u8>,
    text_head: Vec<u8>,
    in_tag: bool,
    /// The quote of an attribute value being read, 0 outside one.
    quote: u8,
    text_len: u64,
}

impl Scanner {
    /// Scan `bytes`; false when `on_tag` asked to stop.
    fn feed(&mut self, mut rest: &[u8], on_tag: &mut impl FnMut(&Tag<'_>) -> bool) -> bool {
        while !rest.is_empty() {
            if !self.in_tag {
                rest = self.text(rest);
                continue;
            }
            let stop = if self.quote != 0 {
                memchr::memchr(self.quote, rest)
            } else {
                memchr::memchr3(b'>', b'"', b'\'', rest)
            };
            let Some(stop) = stop else {
                keep(&mut self.tag, rest);
                return true;
            };
            let byte = rest[stop];
            keep(&mut self.tag, &rest[..stop]);
            rest = &rest[stop + 1..];
            if self.quote != 0 {
                self.quote = 0;
                keep(&mut self.tag, &[byte]);
            } else if byte != b'>' {
                self.quote = byte;
                keep(&mut self.tag, &[byte]);
            } else if !self.close_tag(on_tag) {
                return false;
            }
        }
        true
    }

    /// Measure text up to the next `<`; returns what is left.
    fn text<'b>(&mut self, rest: &'b [u8]) -> &'b [u8] {
        let stop = memchr::memchr(b'<', rest).unwrap_or(rest.len());
        self.text_len += stop as u64;
        let room = TEXT_HEAD.saturating_sub(self.text_head.len()).min(stop);
        self.text_head.extend_from_slice(&rest[..room]);
        if stop == rest.len() {
            return &[];
        }
        self.in_tag = true;
        self.tag.clear();
        &rest[stop + 1..]
    }

    /// A tag ended: report it with the text before it.
    fn close_tag(&mut self, on_tag: &mut impl FnMut(&Tag<'_>) -> bool) -> bool {
        self.in_tag = false;
        let go_on = parse(&self.tag, self.text_len, &self.text_head).is_none_or(|tag| on_tag(&tag));
        self.text_len = 0;
        self.text_head.clear();
        go_on
    }

    /// The text after the last tag (a part cut short), as a tag without a name.
    fn finish(&self, on_tag: &mut impl FnMut(&Tag<'_>) -> bool) {
        if !self.in_tag && self.text_len > 0 {
            on_tag(&Tag {
                name: b"",
                attrs: b"",
                end: true,
                empty: false,
                text_len: self.text_len,
                text_head: &self.text_head,
            });
        }
    }
}

fn keep(tag: &mut Vec<u8>, bytes: &[u8]) {
    let room = MAX_TAG.saturating_sub(tag.len()).min(bytes.len());
    tag.extend_from_slice(&bytes[..room]);
}

fn parse<'a>(raw: &'a [u8], text_len: u64, text_head: &'a [u8]) -> Option<Tag<'a>> {
    if raw.starts_with(b"?") || raw.starts_with(b"!") {
        return None;
    }
    let (end, body) = match raw.strip_prefix(b"/") {
        Some(body) => (true, body),
        None => (false, raw),
    };
    let (empty, body) = match body.strip_suffix(b"/") {
        Some(body) => (true, body),
        None => (false, body),
    };
    let split = body
        .iter()
        .position(|byte| byte.is_ascii_whitespace())
        .unwrap_or(body.len());
    Some(Tag {
        name: &body[..split],
        attrs: &body[split..],
        end,
        empty,
        text_len,
        text_head,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_and_text_lengths() {
        let xml = br#"<?xml version="1.0"?><row r="3"><c r="B3" s='2' t="s"><v>17</v></c><x a="1>2"/></row>"#;
        let mut seen = Vec::new();
        scan(&xml[..], |tag| {
            seen.push((
                String::from_utf8_lossy(tag.name).into_owned(),
                tag.end,
                tag.empty,
                tag.text_len,
                String::from_utf8_lossy(tag.attr(b"r").unwrap_or(b"")).into_owned(),
                tag.number(b"s"),
            ));
            true
        })
        .unwrap();
        assert_eq!(seen[0], ("row".into(), false, false, 0, "3".into(), None));
        assert_eq!(seen[1], ("c".into(), false, false, 0, "B3".into(), Some(2)));
        assert_eq!(seen[3], ("v".into(), true, false, 2, String::new(), None));
        assert_eq!(seen[5].0, "x");
        assert!(seen[5].2);
    }
}
