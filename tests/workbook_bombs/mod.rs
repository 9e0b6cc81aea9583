//! Small workbooks built in memory for the import tests: number-formatted ids, and "bombs" (a
//! tiny file that would make a naive reader allocate gigabytes).
#![allow(dead_code, clippy::unwrap_used)]

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Kunden" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
/// Cell formats: 0 general, 1 `0000000000` (a customer number), 2 `00000` (a postcode).
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0000000000"/><numFmt numFmtId="165" formatCode="00000"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#;
const SHARED: &str = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Kundennummer</t></si><si><t>Firma</t></si><si><t>PLZ</t></si></sst>"#;

fn options() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)
}

/// An xlsx with one sheet "Kunden" holding `rows` (sheet XML of `<row>` elements) and the shared
/// strings `shared` (a whole part; `None` for the three header strings).
pub fn xlsx(rows: &str, shared: Option<&[u8]>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/styles.xml", STYLES),
    ] {
        zip.start_file(name, options()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/sharedStrings.xml", options().large_file(true))
        .unwrap();
    zip.write_all(shared.unwrap_or(SHARED.as_bytes())).unwrap();
    zip.start_file("xl/worksheets/sheet1.xml", options())
        .unwrap();
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
    );
    zip.write_all(sheet.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// The header row of the sheets below: Kundennummer, Firma, PLZ.
pub const HEADER_ROW: &str = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>"#;

/// An SAP-style export: customer numbers formatted `0000000000`, postcodes `00000`; row 3's
/// number was typed without the format.
pub fn padded_ids() -> Vec<u8> {
    let rows = format!(
        r#"{HEADER_ROW}<row r="2"><c r="A2" s="1"><v>100045</v></c><c r="B2" t="inlineStr"><is><t>Müller GmbH</t></is></c><c r="C2" s="2"><v>1067</v></c></row><row r="3"><c r="A3"><v>100046</v></c><c r="B3" t="inlineStr"><is><t>Bolt AG</t></is></c><c r="C3" s="2"><v>70173</v></c></row>"#
    );
    xlsx(&rows, None)
}

/// A few KB whose cells span A1:XFD1048576 (549 GB in a naive reader).
pub fn range_bomb() -> Vec<u8> {
    let rows = format!(
        r#"{HEADER_ROW}<row r="2"><c r="A2"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#
    );
    xlsx(&rows, None)
}

/// A shared string of `bytes` bytes, used in B2.
pub fn string_bomb(bytes: usize) -> Vec<u8> {
    let mut shared = SHARED.replace("</sst>", "<si><t>").into_bytes();
    shared.resize(shared.len() + bytes, b'A');
    shared.extend_from_slice(b"</t></si></sst>");
    let rows = format!(
        r#"{HEADER_ROW}<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>3</v></c></row>"#
    );
    xlsx(&rows, Some(&shared))
}

/// An ODS whose second row is repeated `rows` times over `columns` cells.
pub fn ods_rows_bomb(rows: u64, columns: u64) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Kunden"><table:table-row><table:table-cell office:value-type="string"><text:p>id</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>name</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="{rows}"><table:table-cell office:value-type="string" table:number-columns-repeated="{columns}"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    ods(&content)
}

/// An ODS whose postcodes are numbers with the style `00000` (min-integer-digits 5).
pub fn ods_padded() -> Vec<u8> {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:automatic-styles><number:number-style style:name="N1"><number:number number:decimal-places="0" number:min-integer-digits="5"/></number:number-style><style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/></office:automatic-styles><office:body><office:spreadsheet><table:table table:name="Kunden"><table:table-row><table:table-cell office:value-type="string"><text:p>Kundennummer</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>PLZ</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell><table:table-cell table:style-name="ce1" office:value-type="float" office:value="1067"><text:p>01067</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    ods(content)
}

fn ods(content: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", options()).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", options()).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// The records of a BIFF12 (xlsb) part: (payload offset, record type, payload length).
fn biff12_records(bytes: &[u8]) -> Vec<(usize, u32, usize)> {
    let mut records = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let mut kind = u32::from(bytes[at] & 0x7f);
        let high = bytes[at] & 0x80 != 0;
        at += 1;
        if high {
            kind |= u32::from(bytes[at] & 0x7f) << 7;
            at += 1;
        }
        let mut size = 0usize;
        for shift in 0..4 {
            let byte = bytes[at];
            at += 1;
            size |= usize::from(byte & 0x7f) << (7 * shift);
            if byte & 0x80 == 0 {
                break;
            }
        }
        records.push((at, kind, size));
        at += size;
    }
    records
}

/// `xlsb` (a real export) with its last row moved to row 1048576 and that row's last cell to
/// column XFD: the same size, but its cells span the whole sheet.
pub fn xlsb_range_bomb(xlsb: &[u8]) -> Vec<u8> {
    let mut source = zip::ZipArchive::new(Cursor::new(xlsb)).unwrap();
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..source.len() {
        let mut entry = source.by_index(index).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        if name.starts_with("xl/worksheets/sheet") && name.ends_with(".bin") {
            let records = biff12_records(&bytes);
            let last_row = records.iter().rposition(|&(_, kind, _)| kind == 0).unwrap();
            let last_cell = records
                .iter()
                .rposition(|&(_, kind, _)| (1..=11).contains(&kind))
                .unwrap();
            assert!(last_cell > last_row);
            let row = records[last_row].0;
            bytes[row..row + 4].copy_from_slice(&1_048_575u32.to_le_bytes());
            let cell = records[last_cell].0;
            bytes[cell..cell + 4].copy_from_slice(&16_383u32.to_le_bytes());
        }
        zip.start_file(name, options()).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
