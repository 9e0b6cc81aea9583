//! `ledgerlink apply-review PROJECT REVIEW_XLSX [--by NAME]`: apply the decisions of a filled
//! review workbook as if taken in the app. Refused rows are listed by file, sheet and row; the
//! other rows are applied all the same, and the exit code is 2 when any row was refused.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::login_name;
use ledgerlink::core::export::{ReviewError, apply_review};
use ledgerlink::core::project::{DecisionKind, Location, Project};

use super::BadInput;
use crate::cli::output::confirmln;

/// Arguments of `apply-review`.
#[derive(Debug, Args)]
pub struct ApplyReviewArgs {
    /// The project: a file, or `postgres://user@host/db?project=NAME` for a shared one.
    #[arg(value_parser = super::LocationParser)]
    pub project: Location,
    /// The filled-in review workbook (written by `export` as review.xlsx).
    pub review: PathBuf,
    /// Who decided (default: the login name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

fn classify(error: ReviewError) -> anyhow::Error {
    if error.is_bad_input() {
        BadInput(error.to_string()).into()
    } else {
        error.into()
    }
}

/// Run `apply-review`.
pub fn run(args: ApplyReviewArgs) -> Result<()> {
    let mut project = Project::open(&args.project)?;
    let by = args.by.clone().unwrap_or_else(login_name);
    let report = apply_review(&mut project, &args.review, &by).map_err(classify)?;
    let count = |kind| report.applied.iter().filter(|row| row.kind == kind).count();
    confirmln!(
        "applied {} decisions by {by} ({} accepted, {} rejected); {} unsure and {} blank rows \
         left open",
        report.applied.len(),
        count(DecisionKind::Accept),
        count(DecisionKind::Reject),
        report.unsure,
        report.blank
    );
    for refused in &report.refused {
        eprintln!("refused: {refused}");
    }
    if report.refused.is_empty() {
        Ok(())
    } else {
        Err(BadInput(format!(
            "{} rows of {} were refused and not applied (listed above); the other decisions were \
             applied",
            report.refused.len(),
            report.file.display()
        ))
        .into())
    }
}
