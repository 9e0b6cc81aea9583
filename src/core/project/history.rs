//! Undo and redo: a cursor over the append-only log. Undo takes back the latest decision in
//! effect (whoever took it), redo puts back the earliest undone one; both are themselves logged
//! with who and when. A new decision after an undo ends the redo branch: the undone decisions
//! stay in the log, marked `dropped`, so the audit still shows what was undone.

use rusqlite::{Transaction, TransactionBehavior};

use super::error::{ProjectError, Refusal};
use super::log::{self, AuditRow};
use super::{DecisionEntry, Project, catch_up, utc_now};

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
        self.move_cursor(Direction::Undo, by)
    }

    /// Put back the earliest undone decision; returns it. Refused
    /// ([`Refusal::NothingToRedo`]) when there is none.
    pub fn redo(&mut self, by: &str) -> Result<DecisionEntry, ProjectError> {
        self.move_cursor(Direction::Redo, by)
    }

    fn move_cursor(
        &mut self,
        direction: Direction,
        by: &str,
    ) -> Result<DecisionEntry, ProjectError> {
        let file = self.file.as_path();
        let sqlite = |source| ProjectError::sqlite(file, "record the history", source);
        let transaction =
            Transaction::new_unchecked(&self.connection, TransactionBehavior::Immediate)
                .map_err(sqlite)?;
        catch_up(&transaction, file, &mut self.loaded)?;
        let state = &self.loaded.state;
        let (target, refusal, new_state, action) = match direction {
            Direction::Undo => (
                state.last_active(),
                Refusal::NothingToUndo,
                log::UNDONE,
                "undo",
            ),
            Direction::Redo => (
                state.first_undone(),
                Refusal::NothingToRedo,
                log::IN_EFFECT,
                "redo",
            ),
        };
        let Some(target) = target.cloned() else {
            return Err(ProjectError::Refused {
                file: file.to_path_buf(),
                refusal: Box::new(refusal),
            });
        };
        log::set_state(&transaction, file, target.seq, new_state)?;
        let seq = log::append_event(
            &transaction,
            file,
            action,
            Some(target.seq),
            by,
            &utc_now(),
            None,
        )?;
        transaction.commit().map_err(sqlite)?;
        let state = &mut self.loaded.state;
        match direction {
            Direction::Undo => state.undo(target.seq),
            Direction::Redo => state.redo(target.seq),
        };
        self.loaded.last_seq = seq;
        Ok(target)
    }

    /// The whole log, oldest first: every decision with its state (`in_effect`, `undone`,
    /// `dropped`), and every undo, redo and re-import with who and when.
    pub fn audit_log(&self) -> Result<Vec<AuditRow>, ProjectError> {
        log::audit_rows(&self.connection, &self.file)
    }
}
