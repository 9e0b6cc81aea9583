//! `find_duplicates` on a generated CRM list with planted duplicates.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::matching_fixtures;

use ledgerlink::core::matching::{DuplicateCluster, Label, MatchOptions, find_duplicates};
use ledgerlink::core::model::Side;
use matching_fixtures::{CRM_HEADER, Lists, dataset};

fn row(values: [&str; 9]) -> Vec<String> {
    values.iter().map(|value| value.to_string()).collect()
}

/// The generated list plus three planted records: A and B have the same name and address, B
/// and C the same name, phone and VAT number; A and C share only the name and differ on
/// everything else, as two firms of one name would.
fn planted() -> (Vec<Vec<String>>, [usize; 3]) {
    let mut rows = Lists::generate(150, 29).crm_rows;
    let at = rows.len();
    rows.push(row([
        "PLANT-A",
        "Nordlicht Logistik GmbH",
        "Hafenstraße 5",
        "20457",
        "Hamburg",
        "+49 40 1111111",
        "",
        "",
        "",
    ]));
    rows.push(row([
        "PLANT-B",
        "Nordlicht Logistik GmbH",
        "Hafenstr. 5",
        "20457",
        "Hamburg",
        "+49 89 2222222",
        "",
        "DE999888777",
        "",
    ]));
    rows.push(row([
        "PLANT-C",
        "Nordlicht Logistik GmbH",
        "Leopoldstraße 9",
        "80802",
        "München",
        "+49 89 2222222",
        "",
        "DE999888777",
        "",
    ]));
    (rows, [at, at + 1, at + 2])
}

fn cluster_of(clusters: &[DuplicateCluster], row: usize) -> Option<&DuplicateCluster> {
    clusters.iter().find(|cluster| cluster.rows.contains(&row))
}

#[test]
fn duplicates_are_clustered_without_chaining() {
    let (rows, [a, b, c]) = planted();
    let list = dataset(&CRM_HEADER, &rows);
    let clusters = find_duplicates(&list, Side::Crm, &MatchOptions::default());
    let cluster = cluster_of(&clusters, b).expect("B has a duplicate");
    assert!(
        cluster.rows.contains(&a) != cluster.rows.contains(&c),
        "B belongs with A or with C, and A and C do not belong together: {cluster:?}"
    );
    assert_eq!(cluster.side, Side::Crm);
    assert!((0.0..=1.0).contains(&cluster.probability));
    assert!(cluster.reason.starts_with("same "), "{}", cluster.reason);
    for cluster in &clusters {
        assert!(cluster.rows.len() >= 2);
        let mut sorted = cluster.rows.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            sorted.len(),
            cluster.rows.len(),
            "a row twice in {cluster:?}"
        );
    }
    let mut seen: Vec<usize> = clusters.iter().flat_map(|c| c.rows.clone()).collect();
    let total = seen.len();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), total, "a row in two clusters");
}

#[test]
fn shared_numbers_make_a_duplicate_when_no_third_record_contradicts() {
    let (mut rows, [a, b, c]) = planted();
    rows.remove(a);
    let list = dataset(&CRM_HEADER, &rows);
    let clusters = find_duplicates(&list, Side::Crm, &MatchOptions::default());
    let cluster = cluster_of(&clusters, b - 1).expect("B and C share name, phone and VAT");
    assert!(cluster.rows.contains(&(c - 1)), "{cluster:?}");
    assert!(
        cluster.reason.starts_with("same VAT number, phone"),
        "{}",
        cluster.reason
    );
}

#[test]
fn the_generated_list_has_no_false_duplicates() {
    let lists = Lists::generate(200, 31);
    let clusters = find_duplicates(&lists.crm(), Side::Crm, &MatchOptions::default());
    // The generator makes one CRM record per firm; only firms that share a name and a place by
    // chance may come out as duplicates, and those are few.
    assert!(clusters.len() <= 3, "{clusters:#?}");
}

#[test]
fn a_rejected_pair_is_not_clustered_again() {
    let (rows, [a, b, _]) = planted();
    let list = dataset(&CRM_HEADER, &rows);
    let options = MatchOptions {
        labels: vec![Label {
            crm_row: b,
            erp_row: a,
            is_match: false,
        }],
        ..MatchOptions::default()
    };
    let clusters = find_duplicates(&list, Side::Crm, &options);
    if let Some(cluster) = cluster_of(&clusters, a) {
        assert!(!cluster.rows.contains(&b), "{cluster:?}");
    }
}
