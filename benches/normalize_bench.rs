//! Speed of the normalisers on a million synthetic records each. Run with
//! `cargo bench --no-default-features --bench normalize_bench`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/mod.rs"]
mod support;
use std::hint::black_box;
use std::time::Instant;

use ledgerlink::core::normalize::address::{country_code, postcode, street};
use ledgerlink::core::normalize::company::company_name;
use ledgerlink::core::normalize::ids::{date, email_domain, record_id, tax_id, website_domain};
use ledgerlink::core::normalize::person::split_person_name;
use ledgerlink::core::normalize::phone::phone;

const RECORDS: usize = 1_000_000;

/// A small deterministic generator (64-bit LCG), so every run measures the same inputs.
struct Lcg(u64);

impl Lcg {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        items[(self.0 >> 33) as usize % items.len()]
    }

    fn number(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

const FIRST: &[&str] = &[
    "Müller",
    "Mueller",
    "Schmidt",
    "Acme",
    "Nordic",
    "Société",
    "Kowalski",
    "Van den Berg",
    "Rossi",
    "García",
    "Dupont",
    "Smith & Sons",
    "Global",
    "Bäckerei Huber",
    "The Blue",
    "Öko",
    "Jansen",
];
const MIDDLE: &[&str] = &[
    "Maschinenbau",
    "Software",
    "Logistics",
    "Trading",
    "Intl.",
    "Holding",
    "Consulting",
    "Mfg.",
    "Technologies",
    "Bros.",
    "Services",
    "Elektrotechnik",
    "Générale",
    "Systems",
    "",
    "Bau",
];
const FORMS: &[&str] = &[
    "GmbH",
    "G.m.b.H.",
    "GmbH & Co. KG",
    "AG",
    "Inc.",
    "Ltd",
    "Limited",
    "S.A.R.L.",
    "SAS",
    "S.A.",
    "Sp. z o.o.",
    "B.V.",
    "N.V.",
    "Oy",
    "AB",
    "A/S",
    "LLC",
    "Corp.",
    "plc",
    "",
    "e.K.",
    "S.p.A.",
];
const BRANCHES: &[&str] = &[
    "",
    "",
    "",
    "",
    " - Berlin",
    " (Niederlassung Hamburg)",
    ", London Branch",
];
const COUNTRIES: &[&str] = &["DE", "AT", "FR", "GB", "US", "NL", "PL", "IT", "SE", "FI"];

fn company(random: &mut Lcg) -> String {
    let name = format!(
        "{} {} {}{}",
        random.pick(FIRST),
        random.pick(MIDDLE),
        random.pick(FORMS),
        random.pick(BRANCHES)
    );
    if random.number(4) == 0 {
        name.to_uppercase().chars().take(35).collect()
    } else {
        name
    }
}

fn phone_text(random: &mut Lcg) -> String {
    let formats = [
        "0{a} {b}",
        "+49 ({a}) {b}-0",
        "0049 {a} {b}",
        "({a}) {b} x12",
        "+44 (0){a} {b}",
        "{a}/{b}",
    ];
    random
        .pick(&formats)
        .replace("{a}", &format!("{}", 30 + random.number(900)))
        .replace("{b}", &format!("{}", 100_000 + random.number(9_000_000)))
}

fn street_text(random: &mut Lcg) -> String {
    let formats = [
        "Hauptstr. {n}",
        "{n} Main St",
        "Rue de la Paix {n}",
        "{n}-{m} Rue de la Paix",
        "Berliner Straße {n}a",
        "Calle Mayor {n}, 3º B",
    ];
    let n = 1 + random.number(200);
    random
        .pick(&formats)
        .replace("{n}", &n.to_string())
        .replace("{m}", &(n + 2).to_string())
}

/// Nanoseconds this thread has run on a CPU (Linux `schedstat`), so that a busy shared machine
/// does not count other processes' time; None elsewhere.
fn cpu_nanos() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// Run `work` on every input and print nanoseconds per call (wall clock and CPU time of this
/// thread); returns how many gave a value.
fn measure<T>(
    label: &str,
    inputs: &[(String, &str)],
    work: impl Fn(&str, &str) -> Option<T>,
) -> usize {
    let started = Instant::now();
    let cpu_started = cpu_nanos();
    let mut produced = 0usize;
    for (text, country) in inputs {
        if black_box(work(black_box(text), country)).is_some() {
            produced += 1;
        }
    }
    let elapsed = started.elapsed();
    let calls = inputs.len() as f64;
    let cpu = match (cpu_started, cpu_nanos()) {
        (Some(before), Some(after)) => format!("{:>6.0}", (after - before) as f64 / calls),
        _ => "     -".to_owned(),
    };
    println!(
        "{label:<18} {:>6.0} {cpu}   ({produced} of {} gave a value)",
        elapsed.as_nanos() as f64 / calls,
        inputs.len()
    );
    produced
}

fn normalise_a_million_records() {
    let mut random = Lcg(20_240_409);
    let countries = |random: &mut Lcg| random.pick(COUNTRIES);
    let companies: Vec<(String, &str)> = (0..RECORDS)
        .map(|_| (company(&mut random), countries(&mut random)))
        .collect();
    let phones: Vec<(String, &str)> = (0..RECORDS)
        .map(|_| (phone_text(&mut random), "DE"))
        .collect();
    let streets: Vec<(String, &str)> = (0..RECORDS)
        .map(|_| (street_text(&mut random), "DE"))
        .collect();
    let postcodes: Vec<(String, &str)> = (0..RECORDS)
        .map(|_| {
            (
                format!("{}", 1000 + random.number(98_000)),
                countries(&mut random),
            )
        })
        .collect();
    let emails: Vec<(String, &str)> = (0..RECORDS)
        .map(|index| {
            (
                format!(
                    "max{index}@{}",
                    random.pick(&["acme.de", "gmail.com", "sales.acme.co.uk", "web.de"])
                ),
                "",
            )
        })
        .collect();
    let dates: Vec<(String, &str)> = (0..RECORDS)
        .map(|_| {
            let (day, month, year) = (
                1 + random.number(28),
                1 + random.number(12),
                1930 + random.number(80),
            );
            let text = match random.number(3) {
                0 => format!("{day:02}.{month:02}.{year}"),
                1 => format!("{year}{month:02}{day:02}"),
                _ => format!("{day}/{month}/{year}"),
            };
            (text, "")
        })
        .collect();
    let ids: Vec<(String, &str)> = (0..RECORDS)
        .map(|index| (format!("{:010}", index), ""))
        .collect();

    println!("ns per call, {RECORDS} inputs each\nnormaliser           wall    cpu");
    let named = measure("company_name", &companies, |text, country| {
        Some(company_name(text, Some(country)))
    });
    let phoned = measure("phone", &phones, |text, country| phone(text, Some(country)));
    let streeted = measure("street", &streets, |text, _| {
        street(text, None).house_number
    });
    measure("postcode", &postcodes, |text, country| {
        postcode(text, Some(country))
    });
    measure("email_domain", &emails, |text, _| email_domain(text));
    measure("website_domain", &emails, |text, _| {
        website_domain(text.split('@').nth(1).unwrap_or(""))
    });
    measure("tax_id", &ids, |text, _| tax_id(text, Some("DE")));
    measure("record_id", &ids, |text, _| Some(record_id(text)));
    let dated = measure("date", &dates, |text, _| date(text));
    measure("split_person_name", &companies, |text, _| {
        Some(split_person_name(text))
    });
    measure("country_code", &companies, |_, country| {
        country_code(country)
    });
    assert_eq!(named, RECORDS);
    assert!(phoned > RECORDS * 9 / 10, "{phoned}");
    assert_eq!(streeted, RECORDS);
    assert_eq!(dated, RECORDS);
}

/// `cargo bench --bench normalize_bench [-- NAME]`: run every benchmark of this file, or those whose name
/// contains NAME; each prints its figures.
fn main() {
    support::run(&[("normalise_a_million_records", normalise_a_million_records)]);
}
