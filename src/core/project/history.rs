//! Undo and redo: a cursor over the append-only log. Undo takes back the latest decision in
//! effect (whoever took it), redo puts back the earliest undone one; both are themselves logged
//! with who and when. Several steps may be taken in one transaction (a batch taken back as
//! one). A new decision after an undo ends the redo branch: the undone decisions
//! stay in the log, marked `dropped`, so the audit still shows what was undone.

use std::path::Path;

use rusqlite::{Transaction, TransactionBehavior};

use super::error::{ProjectError, Refusal};
use super::log::{self, AuditRow};
use super::{DecisionEntry, Loaded, Project, catch_up, utc_now};

/// Says whether the cursor moves on from the decision it just moved over to the next one.
type SameStep<'a> = dyn Fn(&DecisionEntry, &DecisionEntry) -> bool + 'a;

/// Which way to move the cursor.
#[derive(Clone, Copy)]
enum Direction {
    Undo,
    Redo,
}

impl Project {
    /// True when a decision is in effect that undo would take back.
    pub fn can_undo(&self) -> bool {
        self.loaded.state.can_undo()
    }

    /// True when an undone decision can be redone.
    pub fn can_redo(&self) -> bool {
        self.loaded.state.can_redo()
    }

    /// The decision undo would take back.
    pub fn next_undo(&self) -> Option<&DecisionEntry> {
        self.loaded.state.last_active()
    }

    /// The decision redo would put back.
    pub fn next_redo(&self) -> Option<&DecisionEntry> {
        self.loaded.state.first_undone()
    }

    /// Take back the latest decision in effect; returns it. Refused
    /// ([`Refusal::NothingToUndo`]) when there is none.
    pub fn undo(&mut self, by: &str) -> Result<DecisionEntry, ProjectError> {
        let mut undone = self.undo_while(by, |_, _| false)?;
        undone
            .pop()
            .ok_or_else(|| ProjectError::invalid(&self.file, "nothing was undone"))
    }

    /// Put back the earliest undone decision; returns it. Refused
    /// ([`Refusal::NothingToRedo`]) when there is none.
    pub fn redo(&mut self, by: &str) -> Result<DecisionEntry, ProjectError> {
        let mut redone = self.redo_while(by, |_, _| false)?;
        redone
            .pop()
            .ok_or_else(|| ProjectError::invalid(&self.file, "nothing was redone"))
    }

    /// Take back the latest decision in effect, then the next latest as long as
    /// `more(last taken back, next)` says so (the GUI takes back a bulk accept's batch this
    /// way), all in one transaction. Returns them, latest first. Refused
    /// ([`Refusal::NothingToUndo`]) when nothing is in effect.
    pub fn undo_while(
        &mut self,
        by: &str,
        more: impl Fn(&DecisionEntry, &DecisionEntry) -> bool,
    ) -> Result<Vec<DecisionEntry>, ProjectError> {
        self.move_cursor(Direction::Undo, by, more)
    }

    /// Put back the earliest undone decision, then the next as long as
    /// `more(last put back, next)` says so, all in one transaction. Returns them, earliest
    /// first. Refused ([`Refusal::NothingToRedo`]) when nothing was undone.
    pub fn redo_while(
        &mut self,
        by: &str,
        more: impl Fn(&DecisionEntry, &DecisionEntry) -> bool,
    ) -> Result<Vec<DecisionEntry>, ProjectError> {
        self.move_cursor(Direction::Redo, by, more)
    }

    fn move_cursor(
        &mut self,
        direction: Direction,
        by: &str,
        more: impl Fn(&DecisionEntry, &DecisionEntry) -> bool,
    ) -> Result<Vec<DecisionEntry>, ProjectError> {
        let file = self.file.as_path();
        let sqlite = |source| ProjectError::sqlite(file, "record the history", source);
        let transaction =
            Transaction::new_unchecked(&self.connection, TransactionBehavior::Immediate)
                .map_err(sqlite)?;
        catch_up(&transaction, file, &mut self.loaded)?;
        let mut moved = Vec::new();
        let result = move_all(
            &transaction,
            file,
            &mut self.loaded,
            (direction, by, &more),
            &mut moved,
        )
        .and_then(|last_seq| {
            transaction.commit().map_err(sqlite)?;
            Ok(last_seq)
        });
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

    /// The whole log, oldest first: every decision with its state (`in_effect`, `undone`,
    /// `dropped`), and every undo, redo and re-import with who and when.
    pub fn audit_log(&self) -> Result<Vec<AuditRow>, ProjectError> {
        log::audit_rows(&self.connection, &self.file)
    }
}

/// Move the cursor over one decision, then over the next ones `more` accepts, inside the
/// caller's transaction and in memory; `moved` receives them. Returns the number of the last
/// log entry written.
fn move_all(
    transaction: &Transaction<'_>,
    file: &Path,
    loaded: &mut Loaded,
    (direction, by, more): (Direction, &str, &SameStep<'_>),
    moved: &mut Vec<DecisionEntry>,
) -> Result<i64, ProjectError> {
    let (action, new_state, refusal) = match direction {
        Direction::Undo => ("undo", log::UNDONE, Refusal::NothingToUndo),
        Direction::Redo => ("redo", log::IN_EFFECT, Refusal::NothingToRedo),
    };
    let at = utc_now();
    let mut last_seq = loaded.last_seq;
    loop {
        let state = &mut loaded.state;
        let target = match direction {
            Direction::Undo => state.last_active(),
            Direction::Redo => state.first_undone(),
        };
        let Some(target) = target.cloned() else {
            break;
        };
        if moved.last().is_some_and(|last| !more(last, &target)) {
            break;
        }
        log::set_state(transaction, file, target.seq, new_state)?;
        last_seq = log::append_event(transaction, file, action, Some(target.seq), by, &at, None)?;
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
    if moved.is_empty() {
        return Err(ProjectError::Refused {
            file: file.to_path_buf(),
            refusal: Box::new(refusal),
        });
    }
    Ok(last_seq)
}
