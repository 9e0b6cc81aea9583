//! The legal form table and its lookups.

use super::{TABLE, legal_form_key};

#[test]
fn asset_parses_into_many_countries() {
    let table = &*TABLE;
    let entries = table.spellings.values();
    let countries: std::collections::HashSet<[u8; 2]> = entries
        .flat_map(|entry| entry.countries.iter().map(|(code, _)| *code))
        .collect();
    assert!(countries.len() > 80, "{}", countries.len());
    let everywhere = table
        .spellings
        .values()
        .filter(|entry| entry.everywhere.is_some());
    assert!(everywhere.count() > 150);
    let fallback = table
        .spellings
        .values()
        .filter(|entry| entry.fallback.is_some());
    assert!(fallback.count() > 1000);
    assert!(!table.hand_sorted.is_empty());
}

#[test]
fn spellings_reach_their_key() {
    let cases = [
        ("GmbH", Some("DE"), Some("gmbh")),
        ("G.m.b.H.", Some("AT"), Some("gmbh")),
        ("Ges.m.b.H.", Some("AT"), Some("gmbh")),
        (
            "gesellschaft mit beschraenkter haftung",
            Some("DE"),
            Some("gmbh"),
        ),
        ("GmbH & Co. KG", Some("DE"), Some("gmbhcokg")),
        ("GmbH u. Co. KG", None, Some("gmbhcokg")),
        ("UG (haftungsbeschränkt)", Some("DE"), Some("ug")),
        ("S.A.R.L.", Some("FR"), Some("sarl")),
        ("Société à responsabilité limitée", Some("FR"), Some("sarl")),
        ("SAS", Some("FR"), Some("sas")),
        ("Sp. z o.o.", Some("PL"), Some("spzoo")),
        (
            "spółka z ograniczoną odpowiedzialnością",
            Some("PL"),
            Some("spzoo"),
        ),
        ("Oy", Some("FI"), Some("oy")),
        ("Osakeyhtiö", None, Some("oy")),
        ("Inc", Some("US"), Some("inc")),
        ("Incorporated", Some("US"), Some("inc")),
        ("Corporation", Some("US"), Some("corp")),
        ("L.L.C.", Some("US"), Some("llc")),
        ("Limited", Some("GB"), Some("ltd")),
        ("P.L.C.", Some("GB"), Some("plc")),
        ("B.V.", Some("NL"), Some("bv")),
        ("N.V.", Some("BE"), Some("nv")),
        ("S.p.A.", Some("IT"), Some("spa")),
        ("AB", Some("SE"), Some("ab")),
        ("A/S", Some("DK"), Some("as")),
        ("ApS", Some("DK"), Some("aps")),
        ("S.A.", Some("ES"), Some("sa")),
        ("SA", Some("CH"), Some("sa")),
        ("s.r.o.", Some("CZ"), Some("sro")),
        ("Kft.", Some("HU"), Some("kft")),
        ("Pty Ltd", Some("AU"), Some("ptyltd")),
        ("KGaA", Some("DE"), Some("kgaa")),
        ("Bank", Some("DE"), None),
        ("Holding", None, None),
        ("UK", None, None),
        ("", None, None),
    ];
    for (spelling, country, expected) in cases {
        assert_eq!(
            legal_form_key(spelling, country),
            expected,
            "{spelling} {country:?}"
        );
    }
}
