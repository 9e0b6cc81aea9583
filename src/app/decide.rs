//! Decisions from the screens, taken through the project (the same calls the command line
//! makes): accept, reject, link, bulk accept, duplicates, creation actions, undo and redo.

use super::App;
use super::action::Screen;
use super::notice::Notice;
use super::screens::bulk::is_bulk_candidate;
use super::time::local_time;
use super::words::counted;
use crate::core::model::Side;
use crate::core::project::{CreationAction, Decision, DecisionEntry, ProjectError, RecordRef};

/// What the reviewer says about a suggested pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verdict {
    Accept,
    Reject,
    /// Leave it open, flagged for a second look.
    Unsure,
}

impl App {
    /// Who decides: the reviewer's name, or the login name until one is given.
    pub(super) fn reviewer(&self) -> String {
        let login = || {
            let login = self.options.login_name.as_deref();
            login.unwrap_or("unknown").to_string()
        };
        self.settings
            .reviewer_name()
            .map(str::to_string)
            .unwrap_or_else(login)
    }

    /// Decide the pair shown on the review screen, then show the next open pair. Does nothing
    /// on another screen or with no pair shown.
    pub(super) fn decide_current(&mut self, verdict: Verdict) {
        if self.screen != Screen::Review {
            return;
        }
        let Some((crm_row, erp_row)) = self.current_rows() else {
            return;
        };
        let note = self.review.note.trim().to_string();
        let note = (!note.is_empty()).then_some(note);
        if self.decide_pair_noted(crm_row, erp_row, verdict, note.as_deref()) {
            self.review.note.clear();
            self.advance_to_next_open();
        }
    }

    fn current_rows(&self) -> Option<(usize, usize)> {
        let workspace = self.workspace.as_ref()?;
        let item = workspace.items.get(self.review.current?)?;
        Some((item.crm_row, item.erp_row))
    }

    pub(super) fn advance_to_next_open(&mut self) {
        if let Some(workspace) = &self.workspace {
            let position = self.review.position();
            self.review.current = self.review.next_open(workspace, position);
        }
    }

    pub(super) fn decide_pair(&mut self, crm_row: usize, erp_row: usize, verdict: Verdict) -> bool {
        self.decide_pair_noted(crm_row, erp_row, verdict, None)
    }

    /// [`Self::decide_pair`] with a note kept with the decision (and shown in the audit).
    fn decide_pair_noted(
        &mut self,
        crm_row: usize,
        erp_row: usize,
        verdict: Verdict,
        note: Option<&str>,
    ) -> bool {
        let by = self.reviewer();
        let Some(workspace) = self.workspace.as_mut() else {
            return false;
        };
        let crm = workspace.key(Side::Crm, crm_row).to_string();
        let erp = workspace.key(Side::Erp, erp_row).to_string();
        let decision = match verdict {
            Verdict::Accept => Decision::Accept { crm, erp },
            Verdict::Reject => Decision::Reject { crm, erp },
            Verdict::Unsure => Decision::Unsure { crm, erp },
        };
        let result = workspace.decide(&decision, &by, note);
        self.after_change(
            result.map(|entry| format!("{} at {}", entry.kind.as_str(), local_time(&entry.at))),
        )
    }

    pub(super) fn link(&mut self, crm_row: usize, erp_row: usize) {
        let by = self.reviewer();
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        let decision = Decision::Link {
            crm: workspace.key(Side::Crm, crm_row).to_string(),
            erp: workspace.key(Side::Erp, erp_row).to_string(),
        };
        let result = workspace.decide(&decision, &by, None);
        if self.after_change(result.map(|entry| format!("link at {}", local_time(&entry.at)))) {
            self.review.crm_view.selected = None;
            self.review.erp_view.selected = None;
        }
    }

    pub(super) fn bulk_accept(&mut self, threshold: f64) {
        let by = self.reviewer();
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        let decisions: Vec<Decision> = workspace
            .items
            .iter()
            .filter(|item| is_bulk_candidate(item) && item.probability >= threshold)
            .map(|item| Decision::Accept {
                crm: workspace.key(Side::Crm, item.crm_row).to_string(),
                erp: workspace.key(Side::Erp, item.erp_row).to_string(),
            })
            .collect();
        let note = format!(
            "bulk accept of {} pairs scoring {threshold:.3} or more",
            decisions.len()
        );
        let result = workspace.decide_batch(&decisions, &by, &note);
        self.after_change(
            result
                .map(|count| format!("{} accepted in one batch", counted(count, "pair", "pairs"))),
        );
        self.advance_to_next_open();
    }

    pub(super) fn undo_redo(&mut self, undo: bool) {
        let by = self.reviewer();
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        let result = if undo {
            workspace.undo(&by)
        } else {
            workspace.redo(&by)
        };
        let verb = if undo { "undone" } else { "redone" };
        // Show the pair the step took back (or put back), and say which decision it was.
        let first = result
            .as_ref()
            .ok()
            .and_then(|moved| moved.first().cloned());
        if let Some(item) = first.as_ref().and_then(|entry| workspace.item_of(entry)) {
            self.review.current = Some(item);
        }
        self.after_change(result.map(|moved| {
            let what = first.as_ref().map(describe_entry).unwrap_or_default();
            match moved.len() {
                1 => format!("{verb}: {what}"),
                many => format!("{many} decisions {verb} (one batch), the first {what}"),
            }
        }));
    }

    pub(super) fn mark_duplicates(&mut self, side: Side, master: usize, rows: &[usize]) {
        let by = self.reviewer();
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        let master_ref = RecordRef::new(side, workspace.key(side, master));
        let decisions: Vec<Decision> = rows
            .iter()
            .filter(|&&row| row != master)
            .map(|&row| Decision::Duplicate {
                master: master_ref.clone(),
                duplicate: RecordRef::new(side, workspace.key(side, row)),
            })
            .collect();
        let note = format!("duplicates of {master_ref}");
        let result = workspace.decide_batch(&decisions, &by, &note);
        self.after_change(result.map(|count| {
            format!(
                "{} of {master_ref} marked",
                counted(count, "duplicate", "duplicates")
            )
        }));
    }

    pub(super) fn mark_not_duplicates(&mut self, side: Side, rows: &[usize]) {
        let by = self.reviewer();
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        let Some((&first, others)) = rows.split_first() else {
            return;
        };
        let first_ref = RecordRef::new(side, workspace.key(side, first));
        let decisions: Vec<Decision> = others
            .iter()
            .map(|&row| Decision::NotDuplicate {
                first: first_ref.clone(),
                second: RecordRef::new(side, workspace.key(side, row)),
            })
            .collect();
        let note = format!("not duplicates of {first_ref}");
        let result = workspace.decide_batch(&decisions, &by, &note);
        self.after_change(result.map(|count| {
            format!(
                "{} marked not duplicates",
                counted(count, "record", "records")
            )
        }));
    }

    pub(super) fn set_creation(&mut self, side: Side, rows: &[usize], creation: CreationAction) {
        let by = self.reviewer();
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        let decisions: Vec<Decision> = rows
            .iter()
            .map(|&row| Decision::Action {
                record: RecordRef::new(side, workspace.key(side, row)),
                action: creation,
            })
            .collect();
        let result = if let [single] = decisions.as_slice() {
            workspace.decide(single, &by, None).map(|_| 1)
        } else {
            let note = format!("{} for {} {side} records", creation.as_str(), rows.len());
            workspace.decide_batch(&decisions, &by, &note)
        };
        self.after_change(result.map(|count| {
            format!(
                "{} for {}",
                creation.as_str(),
                counted(count, "record", "records")
            )
        }));
    }

    /// After a change: "saved" in the status bar, or the refusal as a notice. Returns true
    /// when the change was made.
    fn after_change(&mut self, result: Result<String, ProjectError>) -> bool {
        self.generation += 1;
        match result {
            Ok(what) => {
                self.saved = Some(what);
                true
            }
            Err(error) => {
                self.notify(Notice::error(error.to_string()));
                false
            }
        }
    }
}

/// A decision in words for the status bar: "accept CRM A-1 / ERP 10001 by Anna".
fn describe_entry(entry: &DecisionEntry) -> String {
    let record =
        |record: &RecordRef| format!("{} {}", record.side.as_str().to_uppercase(), record.key);
    let second = entry
        .second
        .as_ref()
        .map(|second| format!(" / {}", record(second)))
        .unwrap_or_default();
    format!(
        "{} {}{second} by {}",
        entry.kind.as_str().replace('_', " "),
        record(&entry.first),
        entry.by
    )
}
