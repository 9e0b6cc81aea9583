//! No input may panic the importer: thousands of random, truncated and mutated byte strings
//! (random noise, noise behind the signatures of zip, OLE, PDF and byte order marks, CSV-like
//! text, and every fixture cut short or with bytes flipped) must each give `Ok` or `Err`.
//!
//! Workbook bombs (and their mutations) are refused quickly and never panic; stray bytes in
//! UTF-8 text lose no row; lists read through a FIFO are the same as from memory.
//!
//! Workbook readers run inside a panic barrier (see `import::sheet`); a panic hook records every
//! panic, and the test fails if one came from Ledgerlink's own code rather than a dependency.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::sync::{Mutex, Once};

use crate::workbook_bombs;

use ledgerlink::core::import::{import_bytes, import_file};

/// SplitMix64: a tiny deterministic generator, so every run tests the same inputs.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    fn bytes(&mut self, length: usize) -> Vec<u8> {
        (0..length).map(|_| self.next() as u8).collect()
    }
}

const NAMES: [&str; 8] = [
    "list.csv",
    "list.txt",
    "book.xlsx",
    "book.xlsm",
    "book.xlsb",
    "book.xls",
    "book.ods",
    "list",
];

static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Record where every panic happens (once for the whole test binary), then let the default
/// hook print it as usual.
fn record_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let print = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let place = info
                .location()
                .map(|location| location.file().to_string())
                .unwrap_or_default();
            if let Ok(mut panics) = PANICS.lock() {
                panics.push(place);
            }
            print(info);
        }));
    });
}

/// Import and make sure it returns; the result itself may be either.
fn survive(name: &str, bytes: &[u8], sheet: Option<&str>) {
    let result = import_bytes(name, bytes, sheet, &[]);
    if let Ok(list) = &result {
        // A list that imports is consistent.
        assert_eq!(list.source_rows.len(), list.len(), "{name}");
        assert_eq!(list.cells.width(), list.columns.len(), "{name}");
    } else if let Err(error) = &result {
        assert!(error.to_string().starts_with(name), "{error}");
    }
}

fn own_panics() -> Vec<String> {
    let panics = PANICS.lock().unwrap();
    eprintln!(
        "{} panic(s) inside dependencies were caught: {panics:?}",
        panics.len()
    );
    panics
        .iter()
        .filter(|place| place.starts_with("src/"))
        .cloned()
        .collect()
}

#[test]
fn random_and_mangled_bytes_never_panic() {
    record_panics();
    let mut random = Random(0x1ED6_E71A_u64);
    let prefixes: [&[u8]; 9] = [
        b"PK\x03\x04",
        b"PK\x05\x06",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xFE\xFF",
        b"%PDF-1.4",
        b"<html><table>",
        b"Kundennummer;Firma\r\n",
    ];
    for case in 0..1500 {
        let length = if case % 10 == 0 {
            random.below(8192)
        } else {
            random.below(300)
        };
        let mut bytes = Vec::new();
        if case % 3 == 0 {
            bytes.extend_from_slice(prefixes[random.below(prefixes.len())]);
        }
        bytes.extend(random.bytes(length));
        survive(NAMES[case % NAMES.len()], &bytes, None);
    }
    let alphabet: Vec<char> = "ab1,;\t|\"\r\n äöü€ß#=".chars().collect();
    for case in 0..800 {
        let text: String = (0..random.below(600))
            .map(|_| alphabet[random.below(alphabet.len())])
            .collect();
        let mut bytes = text.into_bytes();
        if case % 4 == 0 {
            // A stray Windows-1252 byte somewhere in UTF-8 text.
            let at = random.below(bytes.len() + 1);
            bytes.insert(at, 0xE4);
        }
        survive(NAMES[case % 2], &bytes, None);
    }
    assert_eq!(own_panics(), Vec::<String>::new());
}

#[test]
fn truncated_and_mutated_fixtures_never_panic() {
    record_panics();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext != "py"))
        .collect();
    files.push(folder.join("bad/protected.xlsx"));
    files.sort();
    assert!(files.len() >= 13);
    let mut random = Random(0x0F1C_70E5);
    for path in &files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let bytes = std::fs::read(path).unwrap();
        for cut in 0..24 {
            let length = if cut < 12 {
                bytes.len() * cut / 12
            } else {
                random.below(bytes.len())
            };
            survive(name, &bytes[..length], None);
        }
        for _ in 0..24 {
            let mut mutated = bytes.clone();
            for _ in 0..1 + random.below(8) {
                let at = random.below(mutated.len());
                mutated[at] = random.next() as u8;
            }
            survive(name, &mutated, None);
            survive(name, &mutated, Some("Sheet1"));
        }
    }
    assert_eq!(own_panics(), Vec::<String>::new());
}

#[test]
fn workbook_bombs_and_their_mutations_never_panic_or_blow_up() {
    record_panics();
    let mut random = Random(0xB0_0B5);
    let bombs = [
        ("range.xlsx", workbook_bombs::range_bomb()),
        ("string.xlsx", workbook_bombs::string_bomb(2 << 20)),
        ("rows.ods", workbook_bombs::ods_rows_bomb(1_048_575, 40)),
        (
            "range.xlsb",
            workbook_bombs::xlsb_range_bomb(include_bytes!(
                "../fixtures/exact_online_relaties.xlsb"
            )),
        ),
        ("padded.xlsx", workbook_bombs::padded_ids()),
        ("padded.ods", workbook_bombs::ods_padded()),
    ];
    for (name, bytes) in &bombs {
        let started = std::time::Instant::now();
        let result = import_bytes(name, bytes, None, &[]);
        assert!(started.elapsed().as_secs() < 10, "{name}");
        assert_eq!(
            result.is_ok(),
            name.starts_with("padded"),
            "{name}: {result:?}"
        );
        for _ in 0..40 {
            let mut mutated = bytes.clone();
            if random.below(2) == 0 {
                mutated.truncate(random.below(mutated.len()));
            }
            for _ in 0..1 + random.below(6) {
                let at = random.below(mutated.len().max(1));
                if let Some(byte) = mutated.get_mut(at) {
                    *byte = random.next() as u8;
                }
            }
            let started = std::time::Instant::now();
            survive(name, &mutated, None);
            assert!(started.elapsed().as_secs() < 10, "{name} mutated");
        }
    }
    assert_eq!(own_panics(), Vec::<String>::new());
}

#[test]
fn stray_bytes_in_utf8_text_lose_no_row() {
    let mut random = Random(0x5_7EA7);
    for _ in 0..60 {
        let rows = 50 + random.below(3000);
        let mut text = String::from("id;name;city\n");
        for row in 0..rows {
            text.push_str(&format!("{row};Müller Söhne {row};Köln\n"));
        }
        let mut bytes = text.into_bytes();
        let letters: Vec<usize> = (0..bytes.len())
            .filter(|&at| bytes[at].is_ascii_alphabetic())
            .collect();
        for _ in 0..1 + random.below(3) {
            let at = letters[random.below(letters.len())];
            bytes[at] = 0x80 | random.next() as u8;
        }
        let list = import_bytes("crm.csv", &bytes, None, &[]).unwrap();
        assert_eq!(list.len(), rows);
        assert_eq!(list.report.encoding.as_deref(), Some("UTF-8"));
    }
}

#[cfg(unix)]
#[test]
fn lists_read_through_a_fifo_equal_lists_read_from_memory() {
    let dir = tempfile::tempdir().unwrap();
    let mut random = Random(0xF1F0);
    for (case, size) in [100usize, 65_535, 65_536, 65_537, 200_000]
        .into_iter()
        .enumerate()
    {
        let mut text = String::from("Kundennummer,Firma,Ort\n");
        while text.len() < size {
            let row = random.below(1_000_000);
            text.push_str(&format!("{row:06},\"Firma {row}, GmbH\",Stuttgart\n"));
        }
        let fifo = dir.path().join(format!("list{case}.csv"));
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let writer = {
            let (fifo, text) = (fifo.clone(), text.clone());
            std::thread::spawn(move || std::fs::write(fifo, text).unwrap())
        };
        let piped = import_file(fifo.to_str().unwrap(), &[]).unwrap();
        writer.join().unwrap();
        let memory = import_bytes("list.csv", text.as_bytes(), None, &[]).unwrap();
        assert_eq!(piped.cells, memory.cells, "{size} bytes");
        assert_eq!(piped.source_rows, memory.source_rows);
    }
}
