//! The generated lists: reproducible, consistent with their truth, and as messy as documented.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::synth_common;

use std::collections::{HashMap, HashSet};

use calamine::Data;
use ledgerlink::core::synth::crm::CRM_HEADER;
use ledgerlink::core::synth::erp::ERP_HEADER;
use ledgerlink::core::synth::{ErpFormat, profile};
use synth_common::{
    comparable_id, generate_into_temp, read_csv, read_erp, read_xlsx, truth_records,
};

const CSV_FILES: [&str; 8] = [
    "crm_accounts.csv",
    "erp_customers.csv",
    "truth_links.csv",
    "truth_links_one_to_one.csv",
    "truth_crm_duplicates.csv",
    "truth_erp_duplicates.csv",
    "truth_xref.csv",
    "truth_records.csv",
];

#[test]
fn the_same_seed_gives_the_same_files_and_another_seed_other_files() {
    let first = generate_into_temp(600, 11, ErpFormat::Csv);
    let again = generate_into_temp(600, 11, ErpFormat::Csv);
    let other = generate_into_temp(600, 12, ErpFormat::Csv);
    for name in CSV_FILES {
        let bytes = std::fs::read(first.path(name)).unwrap();
        assert_eq!(
            bytes,
            std::fs::read(again.path(name)).unwrap(),
            "{name} differs for the same seed"
        );
        assert_ne!(
            bytes,
            std::fs::read(other.path(name)).unwrap(),
            "{name} same for another seed"
        );
    }
}

#[test]
fn the_workbook_is_the_same_for_the_same_seed() {
    let first = generate_into_temp(200, 5, ErpFormat::Xlsx);
    let again = generate_into_temp(200, 5, ErpFormat::Xlsx);
    let cells = read_xlsx(&first.path("erp_customers.xlsx"));
    assert_eq!(cells, read_xlsx(&again.path("erp_customers.xlsx")));
    assert!(cells.len() > 150);
}

#[test]
fn lists_have_the_documented_headers_and_every_row_parses() {
    let generated = generate_into_temp(800, 3, ErpFormat::Xlsx);
    let crm_bytes = std::fs::read(generated.path("crm_accounts.csv")).unwrap();
    assert!(
        crm_bytes.starts_with("\u{feff}\"Id\",\"Name\"".as_bytes()),
        "BOM and quoted header"
    );
    let (header, rows) = read_csv(&generated.path("crm_accounts.csv"), b',');
    assert_eq!(header, CRM_HEADER);
    assert_eq!(rows.len() as u64, generated.summary.crm_records);
    assert!(
        rows.iter()
            .all(|row| row.len() == CRM_HEADER.len() && row[0].len() == 18)
    );
    assert!(
        rows.iter().any(|row| row[3].contains('\n')),
        "a multi-line BillingStreet"
    );
    let (header, rows) = read_erp(&generated);
    assert_eq!(header, ERP_HEADER);
    assert_eq!(rows.len() as u64, generated.summary.erp_records);
    for (name, columns) in [
        ("truth_links.csv", vec!["crm_id", "erp_id"]),
        ("truth_crm_duplicates.csv", vec!["id_1", "id_2"]),
        ("truth_xref.csv", vec!["crm_id", "xref", "status"]),
    ] {
        assert_eq!(read_csv(&generated.path(name), b',').0, columns, "{name}");
    }
}

#[test]
fn erp_numbers_are_text_cells_with_their_leading_zeros() {
    let generated = generate_into_temp(300, 8, ErpFormat::Xlsx);
    let rows = read_xlsx(&generated.path("erp_customers.xlsx"));
    for row in &rows[1..] {
        match &row[0] {
            Data::String(number) => {
                assert_eq!(number.len(), 10, "{number}");
                assert!(number.starts_with("0000"), "{number}");
            }
            other => panic!("customer number stored as {other:?}, not text"),
        }
    }
}

#[test]
fn every_truth_id_exists_in_its_list() {
    let generated = generate_into_temp(3000, 21, ErpFormat::Csv);
    let crm_ids: HashSet<String> = read_csv(&generated.path("crm_accounts.csv"), b',')
        .1
        .into_iter()
        .map(|row| row[0].clone())
        .collect();
    let erp_ids: HashSet<String> = read_erp(&generated)
        .1
        .into_iter()
        .map(|row| row[0].clone())
        .collect();
    let check = |name: &str, first: &HashSet<String>, second: &HashSet<String>| {
        let (_, rows) = read_csv(&generated.path(name), b',');
        assert!(!rows.is_empty(), "{name} is empty");
        for row in rows {
            assert!(first.contains(&row[0]), "{name}: {} missing", row[0]);
            assert!(second.contains(&row[1]), "{name}: {} missing", row[1]);
        }
    };
    check("truth_links.csv", &crm_ids, &erp_ids);
    check("truth_links_one_to_one.csv", &crm_ids, &erp_ids);
    check("truth_crm_duplicates.csv", &crm_ids, &crm_ids);
    check("truth_erp_duplicates.csv", &erp_ids, &erp_ids);
    let records = truth_records(&generated);
    assert_eq!(records.len(), crm_ids.len() + erp_ids.len());
}

#[test]
fn cross_reference_truth_matches_what_the_numbers_point_to() {
    let generated = generate_into_temp(3000, 4, ErpFormat::Csv);
    let records = truth_records(&generated);
    let firm_of_erp: HashMap<String, String> = records
        .iter()
        .filter(|((side, _), _)| side == "erp")
        .map(|((_, id), (firm, _))| (comparable_id(id), firm.clone()))
        .collect();
    let (_, xrefs) = read_csv(&generated.path("truth_xref.csv"), b',');
    let mut statuses: HashMap<String, usize> = HashMap::new();
    for row in &xrefs {
        let crm_firm = &records[&("crm".to_string(), row[0].clone())].0;
        let target = firm_of_erp.get(&comparable_id(&row[1]));
        let expected = match target {
            None => "unknown_number",
            Some(firm) if firm == crm_firm => "confirmed",
            Some(_) => "contradicted",
        };
        assert_eq!(row[2], expected, "xref {:?} of {}", row[1], row[0]);
        *statuses.entry(row[2].clone()).or_default() += 1;
    }
    assert!(
        statuses["unknown_number"] > 10 && statuses["contradicted"] > 10,
        "{statuses:?}"
    );
    assert!(
        xrefs
            .iter()
            .any(|row| row[1].len() < 10 && row[2] == "confirmed"),
        "a number typed without zeros"
    );
}

#[test]
fn proportions_are_as_documented() {
    let generated = generate_into_temp(6000, 1, ErpFormat::Csv);
    let records = truth_records(&generated);
    let mut sides: HashMap<&str, (u32, u32)> = HashMap::new();
    for ((side, _), (firm, _)) in &records {
        let entry = sides.entry(firm.as_str()).or_default();
        if side == "crm" {
            entry.0 += 1
        } else {
            entry.1 += 1
        }
    }
    let firms = sides.len() as f64;
    let share = |test: &dyn Fn(&(u32, u32)) -> bool| {
        sides.values().filter(|c| test(c)).count() as f64 / firms
    };
    let both = share(&|c| c.0 > 0 && c.1 > 0);
    let crm_only = share(&|c| c.1 == 0);
    let erp_only = share(&|c| c.0 == 0);
    assert!((both - profile::SHARE_BOTH).abs() < 0.03, "both {both}");
    assert!((0.15..=0.25).contains(&crm_only), "CRM only {crm_only}");
    assert!((0.05..=0.10).contains(&erp_only), "ERP only {erp_only}");
    let crm_dup = share(&|c| c.0 > 1) / (both + crm_only);
    let erp_dup = share(&|c| c.1 > 1) / (both + erp_only);
    assert!((0.03..=0.05).contains(&crm_dup), "CRM duplicates {crm_dup}");
    assert!(
        (0.025..=0.05).contains(&erp_dup),
        "ERP duplicates {erp_dup}"
    );

    let (_, crm) = read_csv(&generated.path("crm_accounts.csv"), b',');
    let customers: Vec<&Vec<String>> = crm.iter().filter(|row| row[2] == "Customer").collect();
    let with_xref =
        customers.iter().filter(|row| !row[12].is_empty()).count() as f64 / customers.len() as f64;
    assert!(
        (0.5..=0.65).contains(&with_xref),
        "customers with ERP number {with_xref}"
    );
    let wrong = generated.summary.wrong_xrefs as f64 / generated.summary.xrefs as f64;
    assert!((0.03..=0.08).contains(&wrong), "wrong ERP numbers {wrong}");
}

#[test]
fn look_alike_firms_share_a_name_in_different_cities() {
    let generated = generate_into_temp(2000, 7, ErpFormat::Csv);
    let records = truth_records(&generated);
    let (_, crm) = read_csv(&generated.path("crm_accounts.csv"), b',');
    let mut by_name: HashMap<String, Vec<(&str, &str)>> = HashMap::new();
    for row in &crm {
        let firm = &records[&("crm".to_string(), row[0].clone())].0;
        by_name
            .entry(row[1].to_uppercase())
            .or_default()
            .push((firm, &row[5]));
    }
    let lookalike = by_name.iter().find(|(_, firms)| {
        firms.iter().any(|(firm, city)| {
            firms.iter().any(|(other, other_city)| {
                firm != other && city != other_city && !city.is_empty() && !other_city.is_empty()
            })
        })
    });
    assert!(
        lookalike.is_some(),
        "no two firms of the same name in different cities"
    );
    let tagged = records
        .values()
        .filter(|(_, traits)| traits.contains("lookalike"))
        .count();
    assert!(tagged > 20, "{tagged} look-alike records");
}

#[test]
fn the_lists_carry_the_documented_kinds_of_mess() {
    let generated = generate_into_temp(3000, 9, ErpFormat::Csv);
    let (_, crm) = read_csv(&generated.path("crm_accounts.csv"), b',');
    let (_, erp) = read_erp(&generated);
    let crm_names: Vec<&str> = crm.iter().map(|row| row[1].as_str()).collect();
    let erp_names: Vec<&str> = erp.iter().map(|row| row[1].as_str()).collect();
    for expected in [
        "Müller",
        "GmbH",
        "G.m.b.H.",
        "Sp. z o.o.",
        "Ltd",
        "株式会社",
    ] {
        assert!(
            crm_names.iter().any(|name| name.contains(expected)),
            "no CRM name with {expected}"
        );
    }
    for expected in ["MUELLER", "MULLER", "INTL"] {
        assert!(
            erp_names.iter().any(|name| name.contains(expected)),
            "no ERP name with {expected}"
        );
    }
    assert!(
        erp_names
            .iter()
            .all(|name| name.chars().count() <= profile::ERP_NAME_LENGTH)
    );
    let phones: Vec<&str> = crm.iter().chain(&erp).map(|row| row[8].as_str()).collect();
    assert!(
        phones.iter().any(|p| p.starts_with("+49 "))
            && phones.iter().any(|p| p.starts_with("0049-"))
    );
    assert!(
        phones.iter().any(|p| p.contains('/')),
        "a 030/1234567 style number"
    );
    let vats: Vec<&str> = crm
        .iter()
        .map(|row| row[11].as_str())
        .filter(|v| !v.is_empty())
        .collect();
    assert!(
        vats.iter().any(|v| v.starts_with("DE "))
            && vats.iter().any(|v| v.chars().all(|c| c.is_ascii_digit()))
    );
    let emails: Vec<&str> = crm.iter().map(|row| row[10].as_str()).collect();
    assert!(
        emails
            .iter()
            .any(|e| e.ends_with("@web.de") || e.ends_with("@gmail.com"))
    );
    let types: HashSet<&str> = crm.iter().map(|row| row[2].as_str()).collect();
    for expected in [
        "Customer", "Prospect", "Lead", "Suspect", "Reseller", "Supplier",
    ] {
        assert!(types.contains(expected), "no {expected}");
    }
}
