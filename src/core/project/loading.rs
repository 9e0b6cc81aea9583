//! Reading a project into memory, and catching up with what other programs appended to its
//! log since (inside the caller's transaction, on either store).

use std::path::Path;

use crate::core::model::Side;

use super::Loaded;
use super::assignments::Assignments as AssignmentTable;
use super::backend::Tx;
use super::error::ProjectError;
use super::log::{self, LogEvent};
use super::policy::Policy;
use super::state::DecisionState;

/// Read everything a project holds (inside the caller's transaction).
pub(crate) fn load(tx: &mut dyn Tx, name: &Path) -> Result<Loaded, ProjectError> {
    let policy = match tx.meta("policy")? {
        Some(text) => text
            .parse()
            .map_err(|detail: String| ProjectError::Corrupt {
                file: name.to_path_buf(),
                detail,
            })?,
        None => Policy::default(),
    };
    let crm = tx.load_list(Side::Crm)?;
    let erp = tx.load_list(Side::Erp)?;
    let suggestions = tx.load_suggestions()?;
    let decisions = log::decisions(&tx.log_rows(0, true)?);
    let last_seq = tx.last_seq()?;
    let assignments = AssignmentTable::from_rows(&tx.assignments()?);
    let mut state = DecisionState::default();
    for (entry, entry_state) in decisions {
        if entry_state == log::IN_EFFECT {
            state.apply(entry);
        } else {
            state.keep_undone(entry);
        }
    }
    Ok(Loaded {
        crm,
        erp,
        suggestions,
        state,
        policy,
        assignments,
        last_seq,
    })
}

/// Apply what other programs appended to the log since `loaded.last_seq` (inside the caller's
/// transaction). A re-import by another program reloads everything; an assignment reloads
/// the assignments.
pub(crate) fn catch_up(
    tx: &mut dyn Tx,
    name: &Path,
    loaded: &mut Loaded,
) -> Result<(), ProjectError> {
    let rows = tx.log_rows(loaded.last_seq, false)?;
    let events: Vec<(i64, LogEvent)> = rows.iter().filter_map(log::event).collect();
    if events.iter().any(|(_, event)| *event == LogEvent::Reimport) {
        *loaded = load(tx, name)?;
        return Ok(());
    }
    for (_, event) in events {
        match event {
            LogEvent::Decision(entry, _) => {
                loaded.state.drop_undone(&entry.by);
                loaded.state.apply(*entry);
            }
            LogEvent::Undo(target) => {
                loaded.state.undo(target);
            }
            LogEvent::Redo(target) => {
                loaded.state.redo(target);
            }
            LogEvent::Assign => {
                loaded.assignments = AssignmentTable::from_rows(&tx.assignments()?);
            }
            LogEvent::Reimport => {}
        }
    }
    if let Some(last) = rows.last() {
        loaded.last_seq = last.seq;
    }
    Ok(())
}
