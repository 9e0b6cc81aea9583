//! The decisions a workshop takes, and the rules that refuse the ones a finance head would not
//! let through:
//!
//! * `accept` needs a suggested pair (primary or alternative); `link` joins any two records.
//! * One ERP customer is linked to one CRM account, and one CRM account to one ERP customer,
//!   unless the records already linked are marked duplicates of the new one. A conflicting
//!   accept or link is refused with a message naming the existing link; it never replaces it.
//! * Accepting (or linking) again a pair already linked confirms it when one of its records
//!   changed since (a stale decision); otherwise it is refused naming who linked it, so that a
//!   second reviewer taking the same pair never replaces the first one's decision.
//! * `reject` of a linked pair removes the link (and the pair is never suggested again).
//! * `unsure` flags a suggested pair for a second look; it stays open and links nothing.
//! * A creation action is refused for a linked record, for a record of the wrong list, and when
//!   the creation policy forbids it. Deciding it for a Lead, Prospect or Suspect is allowed (the
//!   policy only keeps them from getting it by default).
//! * Duplicate marks join two different records of one list, the master first. Marking two
//!   accounts as not duplicates is refused while both are linked to the same record.

use std::path::Path;

use crate::core::model::Side;

use super::backend::Tx;
use super::decisions::{Decision, DecisionEntry, RecordRef};
use super::error::{ProjectError, Refusal};
use super::hash::ContentHash;
use super::lists::RecordList;
use super::log::LogRow;
use super::policy::{CreationAction, Policy};
use super::state::DecisionState;
use super::suggestions::Suggestions;
use super::views::staleness;
use super::{Loaded, Project, catch_up, utc_now};

/// What a decision is checked against.
pub(crate) struct Rules<'a> {
    pub crm: &'a RecordList,
    pub erp: &'a RecordList,
    pub suggestions: &'a Suggestions,
    pub state: &'a DecisionState,
    pub policy: &'a Policy,
}

impl Rules<'_> {
    fn list(&self, side: Side) -> &RecordList {
        match side {
            Side::Crm => self.crm,
            Side::Erp => self.erp,
        }
    }

    fn hash(&self, record: &RecordRef) -> Result<ContentHash, Box<Refusal>> {
        self.list(record.side).hash_of(&record.key).ok_or_else(|| {
            Box::new(Refusal::UnknownRecord {
                side: record.side,
                id: record.key.clone(),
            })
        })
    }

    /// Check `decision` and fill in what the log keeps with it (score, hashes); `seq`,
    /// `batch`, `by`, `at` and `note` are left for the caller.
    pub fn check(&self, decision: &Decision) -> Result<DecisionEntry, Box<Refusal>> {
        let (first, second) = decision.records();
        let first_hash = self.hash(&first)?;
        let second_hash = second
            .as_ref()
            .map(|record| self.hash(record))
            .transpose()?;
        let mut score = None;
        match decision {
            Decision::Accept { crm, erp } | Decision::Link { crm, erp } => {
                let suggestion = self.suggestions.find(crm, erp);
                if matches!(decision, Decision::Accept { .. }) && suggestion.is_none() {
                    return Err(Box::new(Refusal::NotSuggested {
                        crm: crm.clone(),
                        erp: erp.clone(),
                    }));
                }
                score = suggestion.map(|found| found.probability);
                self.check_not_decided(crm, erp)?;
                self.check_one_to_one(Side::Erp, erp, crm)?;
                self.check_one_to_one(Side::Crm, crm, erp)?;
            }
            Decision::Reject { crm, erp } => {
                score = self
                    .suggestions
                    .find(crm, erp)
                    .map(|found| found.probability);
            }
            Decision::Unsure { crm, erp } => {
                let suggestion = self.suggestions.find(crm, erp).ok_or_else(|| {
                    Box::new(Refusal::NotSuggested {
                        crm: crm.clone(),
                        erp: erp.clone(),
                    })
                })?;
                score = Some(suggestion.probability);
            }
            Decision::Duplicate {
                master: first,
                duplicate: second,
            }
            | Decision::NotDuplicate { first, second } => {
                if first.side != second.side || first.key == second.key {
                    return Err(Box::new(Refusal::NotOnePair {
                        first_side: first.side,
                        first: first.key.clone(),
                        second_side: second.side,
                        second: second.key.clone(),
                    }));
                }
                if matches!(decision, Decision::NotDuplicate { .. }) {
                    self.check_no_shared_link(first, second)?;
                }
            }
            Decision::Action { record, action } => self.check_action(record, *action)?,
        }
        Ok(DecisionEntry {
            seq: 0,
            batch: 0,
            kind: decision.kind(),
            first,
            second,
            by: String::new(),
            at: String::new(),
            score,
            note: None,
            first_hash: Some(first_hash),
            second_hash,
        })
    }

    /// A pair linked already may be accepted again only to confirm it after a record changed.
    fn check_not_decided(&self, crm: &str, erp: &str) -> Result<(), Box<Refusal>> {
        let Some(existing) = self.state.pair_decision(crm, erp) else {
            return Ok(());
        };
        let current = staleness(existing, self.crm, self.erp).is_current();
        if existing.kind.is_link() && current {
            return Err(Box::new(Refusal::AlreadyDecided {
                crm: crm.to_string(),
                erp: erp.to_string(),
                kind: existing.kind.as_str().to_string(),
                by: existing.by.clone(),
                at: existing.at.clone(),
            }));
        }
        Ok(())
    }

    /// `record` of `side` may take `wanted` (of the other list) as a partner only if every
    /// partner it has is `wanted` itself or a marked duplicate of it.
    fn check_one_to_one(&self, side: Side, record: &str, wanted: &str) -> Result<(), Box<Refusal>> {
        let other = side.other();
        for partner in self.state.partners(side, record) {
            if partner == wanted || self.state.are_duplicates(other, partner, wanted) {
                continue;
            }
            let (crm, erp) = match side {
                Side::Erp => (partner, record),
                Side::Crm => (record, partner),
            };
            let existing = self.state.pair_decision(crm, erp);
            return Err(Box::new(Refusal::ConflictingLink {
                side,
                id: record.to_string(),
                linked_to: partner.to_string(),
                wanted: wanted.to_string(),
                kind: existing
                    .map_or("link", |entry| entry.kind.as_str())
                    .to_string(),
                by: existing.map_or_else(String::new, |entry| entry.by.clone()),
                at: existing.map_or_else(String::new, |entry| entry.at.clone()),
            }));
        }
        Ok(())
    }

    fn check_no_shared_link(
        &self,
        first: &RecordRef,
        second: &RecordRef,
    ) -> Result<(), Box<Refusal>> {
        let second_partners = self.state.partners(second.side, &second.key);
        let shared = self
            .state
            .partners(first.side, &first.key)
            .into_iter()
            .find(|partner| second_partners.contains(partner));
        match shared {
            Some(partner) => Err(Box::new(Refusal::SharedLink {
                side: first.side,
                first: first.key.clone(),
                second: second.key.clone(),
                partner: partner.to_string(),
            })),
            None => Ok(()),
        }
    }

    fn check_action(&self, record: &RecordRef, action: CreationAction) -> Result<(), Box<Refusal>> {
        if let Some(expected) = action.source_side()
            && expected != record.side
        {
            return Err(Box::new(Refusal::WrongSide {
                action: action.as_str().to_string(),
                expected,
                side: record.side,
                id: record.key.clone(),
            }));
        }
        if let Some(partner) = self.state.partners(record.side, &record.key).first() {
            return Err(Box::new(Refusal::AlreadyLinked {
                side: record.side,
                id: record.key.clone(),
                linked_to: partner.to_string(),
            }));
        }
        if !self.policy.allows(action) {
            return Err(Box::new(Refusal::PolicyForbids {
                action: action.as_str().to_string(),
                policy: self.policy.describe(),
                side: record.side,
                id: record.key.clone(),
            }));
        }
        Ok(())
    }
}

impl Project {
    /// Take a decision: check it against the rules and the policy, then commit it to the log
    /// before returning. A refused decision is a [`ProjectError::Refused`] naming the reason
    /// (the existing link, the policy ...). `by` names who decided; `note` is kept with it.
    pub fn decide(
        &mut self,
        decision: &Decision,
        by: &str,
        note: Option<&str>,
    ) -> Result<DecisionEntry, ProjectError> {
        let mut entries = self.decide_batch(std::slice::from_ref(decision), by, note)?;
        entries
            .pop()
            .ok_or_else(|| ProjectError::invalid(&self.name, "no decision was recorded"))
    }

    /// Take several decisions at once as one batch (the workshop accepting a confident
    /// batch, marking a cluster's duplicates): each is checked against the rules with the ones
    /// before it in effect, and either all are committed in one transaction or, if one is
    /// refused, none is. Undo and redo move the batch as one.
    pub fn decide_batch(
        &mut self,
        decisions: &[Decision],
        by: &str,
        note: Option<&str>,
    ) -> Result<Vec<DecisionEntry>, ProjectError> {
        self.decide_in_batch(None, decisions, by, note)
    }

    /// [`Project::decide_batch`], adding the decisions to batch `batch` when given (a batch
    /// `by` started with an earlier call: an `apply-review` run commits its rows in several
    /// transactions that undo takes back as one), else starting a new batch. The batch is in
    /// each entry returned ([`DecisionEntry::batch`]).
    pub fn decide_in_batch(
        &mut self,
        batch: Option<i64>,
        decisions: &[Decision],
        by: &str,
        note: Option<&str>,
    ) -> Result<Vec<DecisionEntry>, ProjectError> {
        let (loaded, file) = (&mut self.loaded, self.name.as_path());
        let mut had_undone = false;
        let mut entries: Vec<DecisionEntry> = Vec::with_capacity(decisions.len());
        let result = self.backend.write("record the decision", &mut |tx| {
            // A failed attempt (the store retried it) must not leave its entries in memory.
            for entry in entries.drain(..).rev() {
                loaded.state.retract(entry.seq);
            }
            catch_up(tx, file, loaded)?;
            if let Some(batch) = batch
                && tx.batch_owner(batch)?.as_deref() != Some(by)
            {
                return Err(ProjectError::invalid(
                    file,
                    format!("batch {batch} is not a batch of decisions by {by}"),
                ));
            }
            had_undone = loaded.state.can_redo_by(by);
            record_all(
                tx,
                file,
                loaded,
                (decisions, batch.unwrap_or(0)),
                (by, note),
                &mut entries,
            )
        });
        if let Err(error) = result {
            // Nothing was committed: take back what the batch put in effect in memory.
            for entry in entries.iter().rev() {
                self.loaded.state.retract(entry.seq);
            }
            return Err(error);
        }
        if had_undone {
            self.loaded.state.drop_undone(by);
        }
        if let Some(last) = entries.last() {
            self.loaded.last_seq = last.seq;
        }
        Ok(entries)
    }
}

/// Check, log and put in effect (in memory) each decision in turn, inside the caller's
/// transaction; `entries` receives those put in effect, also when one is refused.
fn record_all(
    tx: &mut dyn Tx,
    file: &Path,
    loaded: &mut Loaded,
    (decisions, mut batch): (&[Decision], i64),
    (by, note): (&str, Option<&str>),
    entries: &mut Vec<DecisionEntry>,
) -> Result<(), ProjectError> {
    if loaded.state.can_redo_by(by) {
        tx.drop_undone(by)?;
    }
    let at = utc_now();
    let note = note.map(str::trim).filter(|note| !note.is_empty());
    for decision in decisions {
        let mut entry =
            loaded
                .rules()
                .check(decision)
                .map_err(|refusal| ProjectError::Refused {
                    file: file.to_path_buf(),
                    refusal,
                })?;
        entry.by = by.to_string();
        entry.at.clone_from(&at);
        entry.note = note.map(str::to_string);
        entry.batch = batch;
        entry.seq = tx.append_log(&LogRow::decision(&entry), false)?;
        if batch == 0 {
            batch = entry.seq;
            entry.batch = batch;
        }
        loaded.state.apply(entry.clone());
        entries.push(entry);
    }
    Ok(())
}
