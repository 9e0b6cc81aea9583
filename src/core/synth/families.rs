//! A list in which a few firms appear hundreds of times ("UNILEVER N.V.", "Unilever NV",
//! "UNILEVER N.V., VLAARDINGEN", "* UNILEVER NV"), among ordinary firms with a duplicate or two,
//! and sister firms whose names extend a big firm's name ("Unilever Nederland Holding B.V.").
//! It is the benchmark for duplicates at scale: keys shared by hundreds of records must still
//! lead to clusters.
//!
//! `write` adds two files to a synth folder: `families.csv` (`Id,Name,Street,PostalCode,City,
//! Country,Phone`) and `truth_families.csv` (`cluster,id`: the firm of every record).

use std::path::{Path, PathBuf};

use super::SynthError;
use super::address::{AddressStyle, street_set};
use super::firm::Firm;
use super::name::NameStyle;
use super::rng::Rng;
use super::text::Accents;
use super::traits::Traits;

/// Ordinary firms written around the families.
const BACKGROUND_FIRMS: u64 = 4_000;
/// Spellings of one big firm: between these two.
const SPELLINGS: (u64, u64) = (100, 400);
/// Firm numbers of the families start here, so they differ from the background's.
const FAMILY_BASE: u64 = 1_000_000;
/// Words that make a sister firm's name out of a big firm's name.
const SISTER_WORDS: [&str; 6] = [
    "Holding",
    "Services",
    "Nederland",
    "International",
    "Logistics",
    "Immobilien",
];

const ADDRESS_STYLE: AddressStyle = AddressStyle {
    abbreviate: 0.3,
    alt_city: 0.05,
    lost_zero: 0.03,
    postcode_prefix: 0.02,
    compact_postcode: 0.1,
    accents: Accents::Keep,
    upper_case: false,
};

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FamilySummary {
    /// Rows of `families.csv`.
    pub records: u64,
    /// Records belonging to the big firms.
    pub family_records: u64,
    /// The two files.
    pub files: Vec<PathBuf>,
}

/// One record before it is written.
struct Row {
    firm: String,
    name: String,
    street: String,
    postcode: String,
    city: String,
    country: String,
    phone: String,
}

/// Write `families.csv` and `truth_families.csv` with `families` big firms into `out_dir`.
pub fn write(out_dir: &Path, seed: u64, families: u64) -> Result<FamilySummary, SynthError> {
    let mut rng = Rng::new(seed ^ 0xFA41_11E5);
    let mut rows = Vec::new();
    let mut family_records = 0;
    // Two big firms of the very same name cannot be told apart by anyone; the generator
    // draws again when a name is taken.
    let mut taken = std::collections::HashSet::new();
    let mut next = FAMILY_BASE;
    for family in 0..families {
        let firm = loop {
            let firm = Firm::generate(seed, next);
            next += 1;
            if taken.insert(firm.name.words.join(" ").to_lowercase()) {
                break firm;
            }
        };
        let count = rng.between(SPELLINGS.0, SPELLINGS.1);
        let sites: Vec<Firm> = (0..1 + rng.below(6))
            .map(|site| Firm::generate(seed, FAMILY_BASE + 10_000 + family * 10 + site))
            .collect();
        for _ in 0..count {
            let site = rng.index(sites.len() + 1);
            let place = if site == 0 { &firm } else { &sites[site - 1] };
            rows.push(spelling(&firm, place, true, &mut rng));
        }
        family_records += count;
        let mut sister = Firm::generate(seed, FAMILY_BASE + 20_000 + family);
        sister.name = firm.name.clone();
        let word = SISTER_WORDS[rng.index(SISTER_WORDS.len())];
        sister.name.words.push(word.to_string());
        if let Some(romanised) = sister.name.romanised.as_mut() {
            romanised.push(word.to_string());
        }
        for _ in 0..rng.between(5, 20) {
            let mut row = spelling(&sister, &sister, true, &mut rng);
            row.firm = format!("S{family}");
            rows.push(row);
        }
    }
    for index in 0..BACKGROUND_FIRMS {
        let firm = Firm::generate(seed, index);
        let copies = if rng.chance(0.1) {
            rng.between(2, 3)
        } else {
            1
        };
        for copy in 0..copies {
            rows.push(spelling(&firm, &firm, copy > 0, &mut rng));
        }
    }
    rng.shuffle(&mut rows);
    std::fs::create_dir_all(out_dir).map_err(|source| SynthError::Io {
        path: out_dir.to_path_buf(),
        source,
    })?;
    let list = out_dir.join("families.csv");
    let truth = out_dir.join("truth_families.csv");
    write_csv(&list, &rows, |id, row| {
        vec![
            id,
            row.name.clone(),
            row.street.clone(),
            row.postcode.clone(),
            row.city.clone(),
            row.country.clone(),
            row.phone.clone(),
        ]
    })?;
    write_csv(&truth, &rows, |id, row| vec![row.firm.clone(), id])?;
    Ok(FamilySummary {
        records: rows.len() as u64,
        family_records,
        files: vec![list, truth],
    })
}

/// One record of `firm` at the place of `place` (a site of the firm, or the firm itself).
fn spelling(firm: &Firm, place: &Firm, messy: bool, rng: &mut Rng) -> Row {
    let style = NameStyle {
        usual_form_share: 0.6,
        form_missing: if messy { 0.25 } else { 0.1 },
        abbreviate: 0.3,
        connector_swap: 0.2,
        typo: if messy { 0.1 } else { 0.02 },
        accents: Accents::Keep,
        upper_case: rng.chance(0.4),
        romanised: true,
    };
    let mut traits = Traits::default();
    let mut name = firm.name.render(&style, rng, &mut traits);
    let city = place.address.city.name;
    if messy {
        name = match rng.below(20) {
            0..=2 => format!("{name}, {}", city.to_uppercase()),
            3 => format!("* {name}"),
            4 => format!("{name} - {city}"),
            5 => format!("{name} (do not use)"),
            6 => format!("{name}."),
            _ => name,
        };
    }
    let country = place.country;
    let street =
        place
            .address
            .street_line(street_set(country, place.address.city), &ADDRESS_STYLE, rng);
    Row {
        firm: firm.firm_id(),
        name,
        street: if rng.chance(0.1) {
            String::new()
        } else {
            street
        },
        postcode: place.address.postcode_text(country, &ADDRESS_STYLE, rng),
        city: place.address.city_text(&ADDRESS_STYLE, rng),
        country: country
            .names
            .first()
            .copied()
            .unwrap_or_default()
            .to_string(),
        phone: if rng.chance(0.3) {
            String::new()
        } else {
            place.phone.format(country, 0.4, rng)
        },
    }
}

fn write_csv(
    path: &Path,
    rows: &[Row],
    fields: impl Fn(String, &Row) -> Vec<String>,
) -> Result<(), SynthError> {
    let csv_error = |source| SynthError::Csv {
        path: path.to_path_buf(),
        source,
    };
    let mut writer = csv::Writer::from_path(path).map_err(csv_error)?;
    let header: &[&str] = if path.ends_with("families.csv") {
        &[
            "Id",
            "Name",
            "Street",
            "PostalCode",
            "City",
            "Country",
            "Phone",
        ]
    } else {
        &["cluster", "id"]
    };
    writer.write_record(header).map_err(csv_error)?;
    for (index, row) in rows.iter().enumerate() {
        let id = format!("F{:07}", index + 1);
        writer.write_record(fields(id, row)).map_err(csv_error)?;
    }
    writer.flush().map_err(|source| SynthError::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_firms_appear_hundreds_of_times() {
        let dir = std::env::temp_dir().join(format!("ll-families-{}", std::process::id()));
        let summary = write(&dir, 5, 2).unwrap();
        assert!(summary.family_records >= 200, "{summary:?}");
        let truth = std::fs::read_to_string(dir.join("truth_families.csv")).unwrap();
        let mut counts = std::collections::HashMap::new();
        for line in truth.lines().skip(1) {
            *counts.entry(line.split(',').next().unwrap()).or_insert(0) += 1;
        }
        assert!(
            counts.values().filter(|&&n| n >= 100).count() == 2,
            "{counts:?}"
        );
        assert_eq!(truth.lines().count() as u64, summary.records + 1);
        std::fs::remove_dir_all(&dir).ok();
    }
}
