//! The family benchmark of `bench`: `dedupe` on a list where a few firms appear hundreds of
//! times (`synth --families N`), next to the plain key a spreadsheet user would try first: the
//! name in lower case without punctuation and legal form (the normaliser's name key).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::{Context, Result};
use ledgerlink::core::normalize::company::company_name;

use super::{Row, path, run_child};
use crate::cli::eval::{Metrics, read_pairs};

/// The columns of `families.csv` mapped to roles.
const FAMILY_MAP: [&str; 7] = [
    "id=Id",
    "name=Name",
    "street=Street",
    "postcode=PostalCode",
    "city=City",
    "country=Country",
    "phone=Phone",
];

/// Run `dedupe` on `dir/families.csv`; return its row and the plain key's row.
pub fn bench_families(dir: &Path, scratch: &Path, runs: usize) -> Result<[Row; 2]> {
    let list = dir.join("families.csv");
    let truth = read_pairs(&dir.join("truth_families.csv"), None)?;
    let out = scratch.join("families_clusters.csv");
    let mut arguments = vec!["dedupe".to_string(), "--input".into(), path(&list)];
    for map in FAMILY_MAP {
        arguments.extend(["--map".to_string(), map.to_string()]);
    }
    arguments.extend(["--out".into(), path(&out)]);
    let run = run_child(&arguments, runs)?;
    let engine = Row {
        dataset: "families dedupe".into(),
        records: run.records.clone(),
        compared: run.compared,
        metrics: Metrics::of(&truth, &read_pairs(&out, None)?),
        auto_precision: None,
        seconds: run.seconds,
        peak_mib: run.peak_mib,
        calibration: None,
    };
    let plain = Row {
        dataset: "families plain name key".into(),
        records: run.records,
        compared: "-".into(),
        metrics: Metrics::of(&truth, &plain_key_pairs(&list)?),
        auto_precision: None,
        seconds: 0.0,
        peak_mib: 0.0,
        calibration: None,
    };
    Ok([engine, plain])
}

/// Every two records whose names agree once lower-cased, without punctuation and legal form.
fn plain_key_pairs(list: &Path) -> Result<HashSet<(String, String)>> {
    let mut reader =
        csv::Reader::from_path(list).with_context(|| format!("cannot read {}", list.display()))?;
    let mut groups: HashMap<String, Vec<String>> = HashMap::new();
    for record in reader.records() {
        let record = record.with_context(|| format!("cannot read {}", list.display()))?;
        let (Some(id), Some(name)) = (record.get(0), record.get(1)) else {
            continue;
        };
        let key = company_name(name, None).core;
        if !key.is_empty() {
            groups.entry(key).or_default().push(id.to_string());
        }
    }
    let mut pairs = HashSet::new();
    for ids in groups.values() {
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                let pair = if a <= b {
                    (a.clone(), b.clone())
                } else {
                    (b.clone(), a.clone())
                };
                pairs.insert(pair);
            }
        }
    }
    Ok(pairs)
}
