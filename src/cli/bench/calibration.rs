//! The reliability diagram of `bench`: of the suggested pairs scored in a band of match
//! probability, what share is a true link. A score that follows the evidence puts nearly only
//! true pairs in 0.9–1.0, a mix in 0.5–0.9 and mostly strangers in 0.1–0.5.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result};

/// The probability bands of the diagram, highest first: (lowest, highest, label).
const BANDS: [(f64, f64, &str); 3] = [
    (0.9, 1.0, "0.9-1.0"),
    (0.5, 0.9, "0.5-0.9"),
    (0.1, 0.5, "0.1-0.5"),
];

/// Per band, the number of suggested pairs and how many of them are true.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calibration {
    /// (pairs, true pairs) per band of [`BANDS`].
    pub bands: [(usize, usize); 3],
}

impl Calibration {
    /// Read the pairs file of `match` (`crm_id,erp_id,score,...`) and count, per band, the pairs
    /// and those in `truth` (unordered id pairs).
    pub fn of(pairs_csv: &Path, truth: &HashSet<(String, String)>) -> Result<Calibration> {
        let mut reader = csv::Reader::from_path(pairs_csv)
            .with_context(|| format!("cannot read {}", pairs_csv.display()))?;
        let mut calibration = Calibration::default();
        for record in reader.records() {
            let record = record.with_context(|| format!("cannot read {}", pairs_csv.display()))?;
            let (Some(a), Some(b), Some(score)) = (record.get(0), record.get(1), record.get(2))
            else {
                continue;
            };
            let Ok(score) = score.trim().parse::<f64>() else {
                continue;
            };
            let Some(band) = BANDS
                .iter()
                .position(|&(low, high, _)| score >= low && (score < high || high >= 1.0))
            else {
                continue;
            };
            let (a, b) = (a.trim().to_string(), b.trim().to_string());
            let key = if a <= b { (a, b) } else { (b, a) };
            calibration.bands[band].0 += 1;
            if truth.contains(&key) {
                calibration.bands[band].1 += 1;
            }
        }
        Ok(calibration)
    }
}

/// Print one line per dataset: per band, the share of true pairs and the number of pairs.
pub fn print_table(rows: &[(String, Calibration)]) {
    if rows.is_empty() {
        return;
    }
    println!();
    print!("{:<36}", "calibration: share true (pairs)");
    for (_, _, label) in BANDS {
        print!(" {:>18}", label);
    }
    println!();
    for (dataset, calibration) in rows {
        print!("{dataset:<36}");
        for &(pairs, true_pairs) in &calibration.bands {
            let cell = if pairs == 0 {
                "-".to_string()
            } else {
                format!("{:.3} ({pairs})", true_pairs as f64 / pairs as f64)
            };
            print!(" {cell:>18}");
        }
        println!();
    }
}
