//! `ledgerlink decide PROJECT (--accept CRM_ID ERP_ID | --reject .. | --link .. | --unsure ..
//! | --create crm:ID
//! | --ignore erp:ID | --duplicate crm:MASTER crm:ID | --not-duplicate crm:A crm:B) [--by NAME]
//! [--note TEXT]`: take one decision; it is on disk when the command returns.

use anyhow::Result;
use clap::{ArgGroup, Args};

use super::login_name;
use ledgerlink::core::project::{CreationAction, Decision, Location, Project, RecordRef};

use super::BadInput;
use super::history::describe;
use crate::cli::output::confirmln;

/// Arguments of `decide`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("decision").required(true).multiple(false)))]
pub struct DecideArgs {
    /// The project: a file, or `postgres://user@host/db?project=NAME` for a shared one.
    #[arg(value_parser = super::LocationParser)]
    pub project: Location,
    /// Accept a suggested pair.
    #[arg(long, num_args = 2, value_names = ["CRM_ID", "ERP_ID"], group = "decision")]
    pub accept: Option<Vec<String>>,
    /// Reject a pair: not a match, never suggested again.
    #[arg(long, num_args = 2, value_names = ["CRM_ID", "ERP_ID"], group = "decision")]
    pub reject: Option<Vec<String>>,
    /// Link a pair by hand (one matching did not suggest).
    #[arg(long, num_args = 2, value_names = ["CRM_ID", "ERP_ID"], group = "decision")]
    pub link: Option<Vec<String>>,
    /// Mark a suggested pair unsure: it stays open, flagged for discussion (the U key).
    #[arg(long, num_args = 2, value_names = ["CRM_ID", "ERP_ID"], group = "decision")]
    pub unsure: Option<Vec<String>>,
    /// Create the record in the other system: crm:ID (create in the ERP) or erp:ID (in the CRM).
    #[arg(long, value_name = "SIDE:ID", group = "decision")]
    pub create: Option<String>,
    /// Leave an unlinked record alone: crm:ID or erp:ID.
    #[arg(long, value_name = "SIDE:ID", group = "decision")]
    pub ignore: Option<String>,
    /// Mark two records of one list as duplicates, the master first.
    #[arg(long, num_args = 2, value_names = ["MASTER", "DUPLICATE"], group = "decision")]
    pub duplicate: Option<Vec<String>>,
    /// Mark two records of one list as not duplicates.
    #[arg(long, num_args = 2, value_names = ["SIDE:ID", "SIDE:ID"], group = "decision")]
    pub not_duplicate: Option<Vec<String>>,
    /// Accept every open pair of a band in one batch (one undo takes it back). The only band
    /// is `auto`: the pairs matching rates safe to accept without a look; unsure pairs are
    /// left out.
    #[arg(long, value_name = "BAND", group = "decision")]
    pub accept_band: Option<String>,
    /// Who decides (default: the login name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// A note kept with the decision.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

fn record(text: &str) -> Result<RecordRef> {
    text.parse::<RecordRef>()
        .map_err(|message| BadInput(message).into())
}

fn two(values: &[String]) -> Result<(&str, &str)> {
    match values {
        [first, second] => Ok((first.as_str(), second.as_str())),
        _ => Err(BadInput("expected two ids".to_string()).into()),
    }
}

/// The decision the flags ask for.
fn decision(args: &DecideArgs) -> Result<Decision> {
    let pair = |values: &Vec<String>| -> Result<(String, String)> {
        let (crm, erp) = two(values)?;
        Ok((crm.to_string(), erp.to_string()))
    };
    if let Some(values) = &args.accept {
        let (crm, erp) = pair(values)?;
        return Ok(Decision::Accept { crm, erp });
    }
    if let Some(values) = &args.reject {
        let (crm, erp) = pair(values)?;
        return Ok(Decision::Reject { crm, erp });
    }
    if let Some(values) = &args.link {
        let (crm, erp) = pair(values)?;
        return Ok(Decision::Link { crm, erp });
    }
    if let Some(values) = &args.unsure {
        let (crm, erp) = pair(values)?;
        return Ok(Decision::Unsure { crm, erp });
    }
    if let Some(text) = &args.create {
        return Ok(Decision::create(record(text)?));
    }
    if let Some(text) = &args.ignore {
        return Ok(Decision::Action {
            record: record(text)?,
            action: CreationAction::Ignore,
        });
    }
    if let Some(values) = &args.duplicate {
        let (master, duplicate) = two(values)?;
        return Ok(Decision::Duplicate {
            master: record(master)?,
            duplicate: record(duplicate)?,
        });
    }
    if let Some(values) = &args.not_duplicate {
        let (first, second) = two(values)?;
        return Ok(Decision::NotDuplicate {
            first: record(first)?,
            second: record(second)?,
        });
    }
    Err(BadInput("no decision given; see decide --help".to_string()).into())
}

/// Run `decide --accept-band auto`: one batch.
fn accept_band(args: &DecideArgs, band: &str) -> Result<()> {
    if band != "auto" {
        return Err(BadInput(format!(
            "'{band}' is no band that can be accepted in bulk; the band is 'auto'"
        ))
        .into());
    }
    let mut project = Project::open(&args.project)?;
    let by = args.by.clone().unwrap_or_else(login_name);
    // Another reviewer may take some of these pairs meanwhile (on a shared project): the batch
    // is then refused whole, naming who took which; it is made again from what is left.
    let mut attempts = 0;
    let count = loop {
        attempts += 1;
        let decisions = project.auto_band_accepts();
        let default_note = format!(
            "bulk accept of the {} pairs of the auto band",
            decisions.len()
        );
        let note = args.note.clone().unwrap_or(default_note);
        match project.decide_batch(&decisions, &by, Some(&note)) {
            Ok(entries) => break entries.len(),
            Err(error) if attempts < 3 && taken_meanwhile(&error) => {
                eprintln!("{error}; accepting the pairs still open again");
                project.refresh()?;
            }
            Err(error) => return Err(error.into()),
        }
    };
    println!("recorded: {count} pairs of the auto band accepted in one batch by {by}");
    Ok(())
}

/// True when a refusal says someone else decided one of the pairs first.
fn taken_meanwhile(error: &ledgerlink::core::project::ProjectError) -> bool {
    use ledgerlink::core::project::Refusal;
    matches!(
        error.refusal(),
        Some(Refusal::AlreadyDecided { .. } | Refusal::ConflictingLink { .. })
    )
}

/// Run `decide`.
pub fn run(args: DecideArgs) -> Result<()> {
    if let Some(band) = &args.accept_band {
        return accept_band(&args, band);
    }
    let decision = decision(&args)?;
    let mut project = Project::open(&args.project)?;
    let by = args.by.clone().unwrap_or_else(login_name);
    let entry = project.decide(&decision, &by, args.note.as_deref())?;
    confirmln!("recorded: {}", describe(&entry));
    Ok(())
}
