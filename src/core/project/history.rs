//! Undo and redo: a cursor per reviewer over the append-only log. Undo takes back the
//! reviewer's latest batch in effect (a bulk accept, an `apply-review` run, or one decision),
//! redo puts back the reviewer's earliest undone batch; each is one transaction, logged decision
//! by decision with who, when and the batch. Another reviewer's decisions are never moved: when
//! someone else decided the same subject later, the undo (or redo) is refused naming them, and
//! so is one that would leave a record linked twice. A reviewer's new decision ends that
//! reviewer's redo branch only: the undone decisions stay in the log, marked `dropped`, so the
//! audit still shows what was undone.

use std::path::Path;

use super::backend::Tx;
use super::error::{ProjectError, Refusal};
use super::log::{self, AuditRow, LogRow};
use super::{DecisionEntry, Loaded, Project, catch_up, utc_now};

/// Which way to move the cursor.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Undo,
    Redo,
}

impl Direction {
    fn action(self) -> &'static str {
        match self {
            Direction::Undo => "undo",
            Direction::Redo => "redo",
        }
    }
}

impl Project {
    /// True when any decision is in effect (whoever took it).
    pub fn can_undo(&self) -> bool {
        self.loaded.state.can_undo()
    }

    /// True when any undone decision can be redone (whoever took it).
    pub fn can_redo(&self) -> bool {
        self.loaded.state.can_redo()
    }

    /// True when `by` has a decision in effect that undo would take back.
    pub fn can_undo_by(&self, by: &str) -> bool {
        self.loaded.state.can_undo_by(by)
    }

    /// True when `by` has an undone decision that redo would put back.
    pub fn can_redo_by(&self, by: &str) -> bool {
        self.loaded.state.can_redo_by(by)
    }

    /// The latest decision of `by` in effect: undo would take back its batch.
    pub fn next_undo(&self, by: &str) -> Option<&DecisionEntry> {
        self.loaded.state.last_active_by(by)
    }

    /// The earliest undone decision of `by`: redo would put back its batch.
    pub fn next_redo(&self, by: &str) -> Option<&DecisionEntry> {
        self.loaded.state.first_undone_by(by)
    }

    /// Take back the latest batch of decisions `by` took that is still in effect, in one
    /// transaction; returns them, latest first. Refused ([`ProjectError::Refused`]) when `by`
    /// has nothing in effect ([`Refusal::NothingToUndo`]), when someone else decided one of its
    /// subjects later ([`Refusal::DecidedLater`]), or when it would leave a record linked twice
    /// ([`Refusal::LeavesDoubleLink`]); then nothing is changed.
    pub fn undo(&mut self, by: &str) -> Result<Vec<DecisionEntry>, ProjectError> {
        self.move_cursor(Direction::Undo, by)
    }

    /// Put back the earliest batch of decisions `by` undid, in one transaction; returns them,
    /// earliest first. Refused like [`Project::undo`] ([`Refusal::NothingToRedo`] when there
    /// is none).
    pub fn redo(&mut self, by: &str) -> Result<Vec<DecisionEntry>, ProjectError> {
        self.move_cursor(Direction::Redo, by)
    }

    fn move_cursor(
        &mut self,
        direction: Direction,
        by: &str,
    ) -> Result<Vec<DecisionEntry>, ProjectError> {
        let (loaded, file) = (&mut self.loaded, self.name.as_path());
        let mut moved: Vec<DecisionEntry> = Vec::new();
        let mut last_seq = 0;
        let result = self.backend.write("record the history", &mut |tx| {
            // A failed attempt (the store retried it) must not leave its moves in memory.
            for entry in moved.drain(..).rev() {
                match direction {
                    Direction::Undo => loaded.state.redo(entry.seq),
                    Direction::Redo => loaded.state.undo(entry.seq),
                };
            }
            catch_up(tx, file, loaded)?;
            last_seq = move_batch(tx, file, loaded, (direction, by), &mut moved)?;
            Ok(())
        });
        let result = result.map(|()| last_seq);
        match result {
            Ok(last_seq) => {
                self.loaded.last_seq = last_seq;
                Ok(moved)
            }
            Err(error) => {
                // Nothing was committed: move the cursor back in memory, latest move first.
                let state = &mut self.loaded.state;
                for entry in moved.iter().rev() {
                    match direction {
                        Direction::Undo => state.redo(entry.seq),
                        Direction::Redo => state.undo(entry.seq),
                    };
                }
                Err(error)
            }
        }
    }

    /// The whole log up to [`Project::last_seq`], oldest first: every decision with its state
    /// (`in_effect`, `undone`, `dropped`) and batch, and every undo, redo, re-import and
    /// assignment with who and when.
    pub fn audit_log(&self) -> Result<Vec<AuditRow>, ProjectError> {
        let mut rows = Vec::new();
        self.backend.read(&mut |tx| {
            rows = tx.log_rows(0, false)?;
            Ok(())
        })?;
        // What others appended since this project last caught up is not in its state either:
        // the audit (and the export) shows the same moment as the links.
        rows.retain(|row| row.seq <= self.loaded.last_seq);
        Ok(log::audit_rows(&rows))
    }
}

fn refused(file: &Path, refusal: Refusal) -> ProjectError {
    ProjectError::Refused {
        file: file.to_path_buf(),
        refusal: Box::new(refusal),
    }
}

/// Move the cursor over the batch of `by` that `direction` takes, inside the caller's
/// transaction and in memory; `moved` receives the decisions moved (also when one is refused,
/// so the caller can move them back). Returns the number of the last log entry written.
fn move_batch(
    tx: &mut dyn Tx,
    file: &Path,
    loaded: &mut Loaded,
    (direction, by): (Direction, &str),
    moved: &mut Vec<DecisionEntry>,
) -> Result<i64, ProjectError> {
    let (batch, new_state) = match direction {
        Direction::Undo => (loaded.state.undo_batch(by), log::UNDONE),
        Direction::Redo => (loaded.state.redo_batch(by), log::IN_EFFECT),
    };
    if batch.is_empty() {
        let by = by.to_string();
        return Err(refused(
            file,
            match direction {
                Direction::Undo => Refusal::NothingToUndo { by },
                Direction::Redo => Refusal::NothingToRedo { by },
            },
        ));
    }
    let action = direction.action();
    let at = utc_now();
    let mut last_seq = loaded.last_seq;
    for target in batch {
        let state = &mut loaded.state;
        if let Some(later) = state.decided_later(&target) {
            return Err(refused(file, decided_later(action, &target, later)));
        }
        tx.set_state(target.seq, new_state)?;
        let row = LogRow::event(action, (Some(target.seq), Some(target.batch)), by, &at);
        last_seq = tx.append_log(&row, false)?;
        let moved_in_memory = match direction {
            Direction::Undo => state.undo(target.seq),
            Direction::Redo => state.redo(target.seq),
        };
        if !moved_in_memory {
            return Err(ProjectError::invalid(
                file,
                format!("decision {} is not the latest on its subject", target.seq),
            ));
        }
        moved.push(target);
    }
    if let Some(double) = loaded.state.double_link_near(moved) {
        return Err(refused(
            file,
            Refusal::LeavesDoubleLink {
                action: action.to_string(),
                side: double.side,
                id: double.key,
                first: double.first,
                second: double.second,
            },
        ));
    }
    Ok(last_seq)
}

/// The refusal to move `target` because `later` sits on its subject.
fn decided_later(action: &str, target: &DecisionEntry, later: &DecisionEntry) -> Refusal {
    Refusal::DecidedLater {
        action: action.to_string(),
        subject: Refusal::subject_of(target),
        kind: target.kind.as_str().to_string(),
        by: target.by.clone(),
        at: target.at.clone(),
        later_by: later.by.clone(),
        later_kind: later.kind.as_str().to_string(),
        later_at: later.at.clone(),
    }
}
