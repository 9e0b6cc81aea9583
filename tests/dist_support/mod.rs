//! Readers for the packaging tests: files of this repository, PNG headers, and XML as a flat
//! list of elements (enough to check a desktop-file-sized config, not a general XML API).
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::path::{Path, PathBuf};

use quick_xml::events::Event;

/// A path inside this repository.
pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A text file of this repository; panics naming it if it cannot be read.
pub fn read_text(relative: &str) -> String {
    std::fs::read_to_string(repo_path(relative))
        .unwrap_or_else(|error| panic!("{relative}: {error}"))
}

/// Width and height from a PNG's IHDR chunk; panics if the bytes are not a PNG.
pub fn png_size(relative: &str) -> (u32, u32) {
    let bytes =
        std::fs::read(repo_path(relative)).unwrap_or_else(|error| panic!("{relative}: {error}"));
    assert!(bytes.len() > 24, "{relative}: too short for a PNG");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{relative}: not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR", "{relative}: no IHDR chunk first");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    (width, height)
}

/// One element of an XML file, in document order.
pub struct Element {
    /// Element names from the root, joined with '/': "component/provides/mediatype".
    pub path: String,
    /// Attribute names and values, as written.
    pub attributes: Vec<(String, String)>,
    /// The text directly inside, trimmed.
    pub text: String,
}

impl Element {
    /// The value of attribute `name`, if given.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

fn element_from(parent: Option<&Element>, start: &quick_xml::events::BytesStart) -> Element {
    let name = start.name().as_ref().to_string();
    let attributes = start
        .attributes()
        .map(|attribute| {
            let attribute = attribute.expect("a well-formed attribute");
            (
                attribute.key.as_ref().to_string(),
                attribute
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap()
                    .into_owned(),
            )
        })
        .collect();
    let path = match parent {
        Some(parent) => format!("{}/{name}", parent.path),
        None => name,
    };
    Element {
        path,
        attributes,
        text: String::new(),
    }
}

/// Parse an XML file with quick-xml's well-formedness checks on (matching end tags, no `--` in
/// comments); panics naming the file and byte offset of the first error.
pub fn parse_xml(relative: &str) -> Vec<Element> {
    let text = read_text(relative);
    let mut reader = quick_xml::Reader::from_str(&text);
    reader.config_mut().enable_all_checks(true);
    let mut elements: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    loop {
        let event = reader.read_event().unwrap_or_else(|error| {
            panic!("{relative}: byte {}: {error}", reader.error_position())
        });
        match event {
            Event::Start(start) => {
                let element = element_from(open.last().map(|&index| &elements[index]), &start);
                open.push(elements.len());
                elements.push(element);
            }
            Event::Empty(start) => {
                let element = element_from(open.last().map(|&index| &elements[index]), &start);
                elements.push(element);
            }
            Event::Text(text) => {
                if let Some(&index) = open.last() {
                    elements[index].text.push_str(text.xml10_content().trim());
                }
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_empty(), "{relative}: elements left open at the end");
    assert!(!elements.is_empty(), "{relative}: no elements");
    elements
}

/// The text of every element at `path`.
pub fn texts<'a>(elements: &'a [Element], path: &str) -> Vec<&'a str> {
    elements
        .iter()
        .filter(|element| element.path == path)
        .map(|element| element.text.as_str())
        .collect()
}
