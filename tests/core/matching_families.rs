//! Duplicates in a list where a few firms appear hundreds of times (`synth --families`): the
//! engine must find more of their pairs than the plain name key (lower case, no punctuation, no
//! legal form), at pair precision of at least 0.98.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{HashMap, HashSet};

use ledgerlink::core::import::{ColumnOverride, import_file};
use ledgerlink::core::matching::{MatchOptions, find_duplicates};
use ledgerlink::core::model::{Role, Side};
use ledgerlink::core::normalize::company::company_name;
use ledgerlink::core::synth::families;

type Pairs = HashSet<(usize, usize)>;

fn pairs_of(groups: impl Iterator<Item = Vec<usize>>) -> Pairs {
    let mut pairs = HashSet::new();
    for mut rows in groups {
        rows.sort_unstable();
        for (i, &a) in rows.iter().enumerate() {
            for &b in &rows[i + 1..] {
                pairs.insert((a, b));
            }
        }
    }
    pairs
}

fn precision_recall(truth: &Pairs, found: &Pairs) -> (f64, f64) {
    let hits = found.intersection(truth).count() as f64;
    (
        hits / found.len().max(1) as f64,
        hits / truth.len().max(1) as f64,
    )
}

#[test]
fn firms_spelled_hundreds_of_times_are_clustered_better_than_by_the_plain_key() {
    let dir = std::env::temp_dir().join(format!("ll-families-test-{}", std::process::id()));
    families::write(&dir, 3, 4).unwrap();
    let overrides: Vec<ColumnOverride> = ["id=Id", "name=Name", "street=Street", "city=City"]
        .iter()
        .chain(&["postcode=PostalCode", "country=Country", "phone=Phone"])
        .map(|text| text.parse().unwrap())
        .collect();
    let list = import_file(dir.join("families.csv").to_str().unwrap(), &overrides).unwrap();
    let truth_text = std::fs::read_to_string(dir.join("truth_families.csv")).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let mut firm_rows: HashMap<&str, Vec<usize>> = HashMap::new();
    for (row, line) in truth_text.lines().skip(1).enumerate() {
        firm_rows
            .entry(line.split(',').next().unwrap())
            .or_default()
            .push(row);
    }
    let truth = pairs_of(firm_rows.into_values());
    let name_column = list.column_of(Role::Name).unwrap();
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for row in 0..list.len() {
        let key = company_name(list.cells.cell(row, name_column), None).core;
        by_key.entry(key).or_default().push(row);
    }
    let plain = precision_recall(&truth, &pairs_of(by_key.into_values()));
    let clusters = find_duplicates(&list, Side::Crm, &MatchOptions::default());
    let engine = precision_recall(&truth, &pairs_of(clusters.into_iter().map(|c| c.rows)));
    assert!(engine.0 >= 0.98, "engine {engine:?}, plain key {plain:?}");
    assert!(engine.1 > plain.1, "engine {engine:?}, plain key {plain:?}");
}
