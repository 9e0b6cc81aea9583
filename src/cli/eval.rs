//! `ledgerlink eval`: precision, recall and F1 of suggested pairs against a truth file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use super::BadInput;
use crate::cli::output::outln;

/// Flags of `ledgerlink eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The true pairs: a CSV whose first two columns are the ids of a pair.
    #[arg(long, value_name = "TRUTH_CSV")]
    pub truth: PathBuf,
    /// The suggested pairs (`match --out`), or duplicate clusters (`dedupe --out`, whose
    /// clusters count as every pair of their members).
    #[arg(long, value_name = "PAIRS_CSV")]
    pub pairs: PathBuf,
    /// Every true link when records have duplicates (`truth_links.csv` of `synth`): a pair is
    /// then right when it is listed here, and `--truth` holds the best one-to-one answer.
    #[arg(long, value_name = "ALL_LINKS_CSV")]
    pub all_links: Option<PathBuf>,
}

/// Counts and scores of one evaluation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// Suggested pairs that are true.
    pub true_positives: usize,
    /// Suggested pairs that are not.
    pub false_positives: usize,
    /// True pairs not suggested.
    pub false_negatives: usize,
}

impl Metrics {
    /// Compare `suggested` with a truth in which a record may have several partners (duplicates
    /// on either side): a pair is right when it is among `all_links`, and recall is counted
    /// against `one_to_one`, the largest possible one-to-one answer.
    pub fn fair(
        one_to_one: &HashSet<(String, String)>,
        all_links: &HashSet<(String, String)>,
        suggested: &HashSet<(String, String)>,
    ) -> Metrics {
        let true_positives = suggested.intersection(all_links).count();
        Metrics {
            true_positives,
            false_positives: suggested.len() - true_positives,
            false_negatives: one_to_one.len().saturating_sub(true_positives),
        }
    }

    /// Compare `suggested` with `truth`.
    pub fn of(truth: &HashSet<(String, String)>, suggested: &HashSet<(String, String)>) -> Metrics {
        let true_positives = suggested.intersection(truth).count();
        Metrics {
            true_positives,
            false_positives: suggested.len() - true_positives,
            false_negatives: truth.len() - true_positives,
        }
    }

    /// Share of suggested pairs that are true (1 when nothing was suggested).
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// Share of true pairs that were suggested (1 when there is none).
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Run `ledgerlink eval`.
pub fn run(args: &EvalArgs) -> Result<()> {
    let truth = read_pairs(&args.truth, None)?;
    let suggested = read_pairs(&args.pairs, None)?;
    let metrics = match &args.all_links {
        Some(path) => Metrics::fair(&truth, &read_pairs(path, None)?, &suggested),
        None => Metrics::of(&truth, &suggested),
    };
    outln!(
        "true_pairs={} suggested={} true_positives={} false_positives={} false_negatives={}",
        truth.len(),
        suggested.len(),
        metrics.true_positives,
        metrics.false_positives,
        metrics.false_negatives
    )?;
    outln!(
        "precision={:.4} recall={:.4} f1={:.4}",
        metrics.precision(),
        metrics.recall(),
        metrics.f1()
    )?;
    Ok(())
}

/// The pairs of a CSV file (header first) as unordered id pairs. A file starting with the
/// header `cluster,id` holds clusters: every two members of a cluster make a pair. With `band`
/// given, only rows whose `band` column holds that value count.
pub fn read_pairs(path: &Path, band: Option<&str>) -> Result<HashSet<(String, String)>> {
    let shown = path.display().to_string();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .map_err(|error| BadInput(format!("{shown}: {error}")))?;
    let header = reader
        .headers()
        .map_err(|error| BadInput(format!("{shown}: {error}")))?
        .clone();
    let name = |index: usize| header.get(index).unwrap_or("").trim().to_ascii_lowercase();
    let clusters = name(0) == "cluster" && name(1) == "id";
    let band_column = header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("band"));
    let mut pairs = HashSet::new();
    let mut members: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|error| BadInput(format!("{shown}: {error}")))?;
        let (Some(a), Some(b)) = (record.get(0), record.get(1)) else {
            return Err(BadInput(format!(
                "{shown}, line {}: expected at least two columns",
                index + 2
            ))
            .into());
        };
        if let (Some(wanted), Some(column)) = (band, band_column)
            && record.get(column).map(str::trim) != Some(wanted)
        {
            continue;
        }
        let (a, b) = (a.trim().to_string(), b.trim().to_string());
        if clusters {
            members.entry(a).or_default().push(b);
        } else if !a.is_empty() && !b.is_empty() {
            pairs.insert(unordered(a, b));
        }
    }
    for ids in members.values() {
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                pairs.insert(unordered(a.clone(), b.clone()));
            }
        }
    }
    Ok(pairs)
}

fn unordered(a: String, b: String) -> (String, String) {
    if a <= b { (a, b) } else { (b, a) }
}
