//! `ledgerlink match --explain-missing CRM_ID [--expected-erp ERP_ID]`: what became of one CRM
//! record, in words.

use anyhow::Result;

use ledgerlink::core::matching::{Fate, MatchOptions, PairFate, explain_missing};
use ledgerlink::core::model::Dataset;

use super::BadInput;

/// Print the report for the CRM record `crm_id` (and the pair with `expected_erp`).
pub fn run(
    crm: &Dataset,
    erp: &Dataset,
    options: &MatchOptions,
    crm_id: &str,
    expected_erp: Option<&str>,
) -> Result<()> {
    let crm_row = row_of(crm, crm_id, "CRM")?;
    let erp_row = expected_erp.map(|id| row_of(erp, id, "ERP")).transpose()?;
    let report = explain_missing(crm, erp, options, crm_row, erp_row);
    let name = |dataset: &Dataset, row: usize| dataset.record_id(row);
    println!("CRM {crm_id}");
    if let Some(pair) = &report.expected {
        println!(
            "expected ERP {}: {}",
            name(erp, pair.erp_row),
            describe(crm, erp, pair, report.review_threshold)
        );
    }
    if report.candidates.is_empty() {
        println!("no candidate: the record shares no usable blocking key with any ERP record");
    } else {
        println!("best candidates compared:");
    }
    for pair in &report.candidates {
        println!(
            "  ERP {}: {}",
            name(erp, pair.erp_row),
            describe(crm, erp, pair, report.review_threshold)
        );
    }
    Ok(())
}

fn row_of(dataset: &Dataset, id: &str, side: &str) -> Result<usize> {
    (0..dataset.len())
        .find(|&row| dataset.record_id(row) == id.trim())
        .ok_or_else(|| BadInput(format!("no {side} record has the id {id}")).into())
}

fn describe(crm: &Dataset, erp: &Dataset, pair: &PairFate, review: f64) -> String {
    let score = format!("{:.4}", pair.probability);
    let what = match &pair.fate {
        Fate::Suggested => format!("suggested, score {score}"),
        Fate::BelowReview => {
            format!("compared, score {score}, below the review threshold {review}")
        }
        Fate::LostAssignment {
            crm_got,
            erp_went_to,
        } => {
            let mut text = format!("score {score}, lost in the one-to-one assignment");
            if let Some(row) = erp_went_to {
                text.push_str(&format!(
                    "; the ERP record went to CRM {}",
                    crm.record_id(*row)
                ));
            }
            if let Some(row) = crm_got {
                text.push_str(&format!("; the CRM record got ERP {}", erp.record_id(*row)));
            }
            text
        }
        Fate::NeverCompared { shared_keys: 0, .. } => {
            format!("never compared: no shared blocking key (would score {score})")
        }
        Fate::NeverCompared {
            shared_keys,
            skipped_keys,
        } => format!(
            "never compared: {skipped_keys} of {shared_keys} shared blocking keys skipped as too common (would score {score})"
        ),
    };
    format!("{what} ({})", pair.reason)
}
