//! Small company lists generated in the tests: a CRM and an ERP export of the same German firms
//! with the usual differences (upper-case ERP names with umlauts written out and cut at 35
//! characters, legal-form spellings, street abbreviations, phone formats, missing VAT numbers,
//! typos), plus leads without ERP customer and ERP customers without CRM account.

#![allow(dead_code)]

use ledgerlink::core::model::{CellStore, Column, Dataset, Role};

const FAMILY: [&str; 30] = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
    "Meier",
    "Lehmann",
    "Köhler",
    "Herrmann",
];
const TRADE: [&str; 20] = [
    "Maschinenbau",
    "Logistik",
    "Elektrotechnik",
    "Bau",
    "Holzhandel",
    "Spedition",
    "Metallbau",
    "Software",
    "Druckerei",
    "Autohaus",
    "Bäckerei",
    "Gartenbau",
    "Immobilien",
    "Consulting",
    "Sanitärtechnik",
    "Dachdeckerei",
    "Kunststofftechnik",
    "Feinmechanik",
    "Optik",
    "Verpackung",
];
const CITIES: [(&str, &str, &str); 12] = [
    ("Berlin", "10", "30"),
    ("Hamburg", "20", "40"),
    ("München", "80", "89"),
    ("Köln", "50", "221"),
    ("Frankfurt am Main", "60", "69"),
    ("Stuttgart", "70", "711"),
    ("Düsseldorf", "40", "211"),
    ("Leipzig", "04", "341"),
    ("Dortmund", "44", "231"),
    ("Essen", "45", "201"),
    ("Bremen", "28", "421"),
    ("Dresden", "01", "351"),
];
const STREETS: [&str; 8] = [
    "Hauptstraße",
    "Bahnhofstraße",
    "Industriestraße",
    "Gartenweg",
    "Schillerstraße",
    "Goethestraße",
    "Am Markt",
    "Lindenallee",
];
const FORMS: [(&str, &str); 4] = [
    ("GmbH", "GMBH"),
    ("AG", "AG"),
    ("GmbH & Co. KG", "GMBH & CO KG"),
    ("KG", "KG"),
];

/// A deterministic pseudo-random sequence.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        Random(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^ (x >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// One firm as both systems would know it.
#[derive(Debug, Clone)]
pub struct Firm {
    pub name: String,
    pub form: usize,
    pub street: String,
    pub number: usize,
    pub city: usize,
    pub postcode: String,
    pub phone: String,
    pub vat: String,
    pub domain: String,
}

impl Firm {
    pub fn generate(index: usize, random: &mut Random) -> Firm {
        let family = FAMILY[index % FAMILY.len()];
        let trade = TRADE[(index / FAMILY.len() + index * 7) % TRADE.len()];
        let city = random.below(CITIES.len());
        let (_, postcode_prefix, area) = CITIES[city];
        Firm {
            name: format!("{family} {trade}"),
            form: random.below(FORMS.len()),
            street: STREETS[random.below(STREETS.len())].to_string(),
            number: 1 + random.below(180),
            city,
            postcode: format!("{postcode_prefix}{:03}", 10 * random.below(15)),
            phone: format!("{area}{}", 1_000_000 + random.below(8_999_999)),
            vat: format!("{}", 100_000_000 + random.below(899_999_999)),
            domain: format!(
                "{}-{}.de",
                ascii(family).to_lowercase(),
                ascii(trade).to_lowercase()
            ),
        }
    }
}

/// Umlauts written out, as many ERP systems store them.
pub fn ascii(text: &str) -> String {
    text.replace('ä', "ae")
        .replace('ö', "oe")
        .replace('ü', "ue")
        .replace('Ä', "Ae")
        .replace('Ö', "Oe")
        .replace('Ü', "Ue")
        .replace('ß', "ss")
}

/// The CRM columns.
pub const CRM_HEADER: [(&str, Role); 9] = [
    ("Account ID", Role::Id),
    ("Account Name", Role::Name),
    ("Billing Street", Role::Street),
    ("Billing Zip", Role::Postcode),
    ("Billing City", Role::City),
    ("Phone", Role::Phone),
    ("Website", Role::Website),
    ("VAT", Role::TaxId),
    ("ERP Number", Role::Xref),
];

/// The ERP columns.
pub const ERP_HEADER: [(&str, Role); 8] = [
    ("KUNNR", Role::Id),
    ("NAME1", Role::Name),
    ("STRAS", Role::Street),
    ("PSTLZ", Role::Postcode),
    ("ORT01", Role::City),
    ("TELF1", Role::Phone),
    ("SMTP_ADDR", Role::Email),
    ("STCEG", Role::TaxId),
];

/// A CRM row of `firm`.
pub fn crm_row(id: &str, firm: &Firm, random: &mut Random, xref: &str) -> Vec<String> {
    let (city, _, area) = CITIES[firm.city];
    let vat = if random.chance(70) {
        format!("DE{}", firm.vat)
    } else {
        String::new()
    };
    let phone = format!("+49 {} {}", area, &firm.phone[area.len()..]);
    vec![
        id.to_string(),
        format!("{} {}", firm.name, FORMS[firm.form].0),
        format!("{} {}", firm.street, firm.number),
        firm.postcode.clone(),
        city.to_string(),
        phone,
        format!("https://www.{}/", firm.domain),
        vat,
        xref.to_string(),
    ]
}

/// An ERP row of `firm`.
pub fn erp_row(id: &str, firm: &Firm, random: &mut Random) -> Vec<String> {
    let (city, _, area) = CITIES[firm.city];
    let mut name = format!("{} {}", ascii(&firm.name), FORMS[firm.form].1).to_uppercase();
    if random.chance(15) {
        name = typo(&name, random);
    }
    name.truncate(35);
    let vat = if random.chance(60) {
        format!(
            "DE {} {} {}",
            &firm.vat[..3],
            &firm.vat[3..6],
            &firm.vat[6..]
        )
    } else {
        String::new()
    };
    vec![
        id.to_string(),
        name,
        format!("{} {}", firm.street.replace("straße", "str."), firm.number),
        firm.postcode.clone(),
        ascii(city).to_uppercase(),
        format!("0{}/{}", area, &firm.phone[area.len()..]),
        format!("info@{}", firm.domain),
        vat,
    ]
}

/// Swap two neighbouring letters in the middle of `text`.
pub fn typo(text: &str, random: &mut Random) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    if chars.len() > 6 {
        let at = 2 + random.below(chars.len() - 4);
        chars.swap(at, at + 1);
    }
    chars.into_iter().collect()
}

/// A dataset from a header and rows.
pub fn dataset(header: &[(&str, Role)], rows: &[Vec<String>]) -> Dataset {
    let mut cells = CellStore::new(header.len());
    for row in rows {
        cells.push_row(row.iter().map(String::as_str)).unwrap();
    }
    Dataset {
        columns: header
            .iter()
            .map(|(name, role)| Column {
                name: (*name).to_string(),
                role: Some(*role),
            })
            .collect(),
        cells,
        source_rows: (2..2 + rows.len()).collect(),
        ..Dataset::default()
    }
}

/// Generated CRM and ERP lists with their true pairs (CRM row, ERP row).
pub struct Lists {
    pub crm_rows: Vec<Vec<String>>,
    pub erp_rows: Vec<Vec<String>>,
    pub truth: Vec<(usize, usize)>,
    pub firms: Vec<Firm>,
}

impl Lists {
    /// `firms` firms: 80% in both lists, 10% CRM leads only, 10% ERP only; shuffled ERP order.
    pub fn generate(firms: usize, seed: u64) -> Lists {
        let mut random = Random::new(seed);
        let firms: Vec<Firm> = (0..firms).map(|i| Firm::generate(i, &mut random)).collect();
        let mut lists = Lists {
            crm_rows: Vec::new(),
            erp_rows: Vec::new(),
            truth: Vec::new(),
            firms: firms.clone(),
        };
        let mut erp_order: Vec<usize> = (0..firms.len()).collect();
        for i in (1..erp_order.len()).rev() {
            erp_order.swap(i, random.below(i + 1));
        }
        let mut erp_row_of = vec![None; firms.len()];
        for &firm in &erp_order {
            if firm % 10 != 1 {
                erp_row_of[firm] = Some(lists.erp_rows.len());
                let id = format!("{:010}", 100_000 + firm);
                lists.erp_rows.push(erp_row(&id, &firms[firm], &mut random));
            }
        }
        for (index, firm) in firms.iter().enumerate() {
            if index % 10 == 2 {
                continue;
            }
            let id = format!("001A0000{index:05}XYZ");
            let crm_row_index = lists.crm_rows.len();
            lists.crm_rows.push(crm_row(&id, firm, &mut random, ""));
            if let Some(erp) = erp_row_of[index] {
                lists.truth.push((crm_row_index, erp));
            }
        }
        lists
    }

    pub fn crm(&self) -> Dataset {
        dataset(&CRM_HEADER, &self.crm_rows)
    }

    pub fn erp(&self) -> Dataset {
        dataset(&ERP_HEADER, &self.erp_rows)
    }
}
