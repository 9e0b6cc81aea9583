//! Read-only views the GUI and the export show: suggestions with their decision state, the
//! review queue, links, duplicate marks, and decisions whose records changed or disappeared.

use serde::Serialize;

use crate::core::model::Side;

use super::Project;
use super::actions::{self, UnlinkedRecord};
use super::decisions::{Decision, DecisionEntry, DecisionKind, RecordRef};
use super::lists::RecordList;
use super::matcher::Labels;
use super::state::DecisionState;
use super::status::{self, Status};
use super::suggestions::Suggestion;
use super::worklist::{self, Worklist};
use crate::core::matching::Band;

/// Where a suggested pair stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PairStatus {
    /// Nobody decided yet: it is in the review queue.
    Open,
    /// Accepted.
    Accepted,
    /// Linked by hand.
    Linked,
    /// Rejected: not a match.
    Rejected,
    /// Not decided itself, but one of its records is linked to another record.
    LinkedElsewhere,
}

/// A suggestion with its decision state.
#[derive(Debug, Clone, Copy)]
pub struct SuggestionView<'a> {
    /// The suggestion.
    pub suggestion: &'a Suggestion,
    /// Where it stands.
    pub status: PairStatus,
    /// The decision in effect on the pair, if any.
    pub decision: Option<&'a DecisionEntry>,
    /// True when that decision's records changed since (see [`Staleness`]).
    pub stale: bool,
}

/// Whether a decision still refers to the records as they were when it was taken.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Staleness {
    /// Records whose content changed since the decision (by re-import).
    pub changed: Vec<RecordRef>,
    /// Records no longer in their list (they disappeared at a re-import).
    pub missing: Vec<RecordRef>,
}

impl Staleness {
    /// True when every record of the decision is present and unchanged.
    pub fn is_current(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty()
    }
}

/// A decision in effect whose records changed or disappeared: to be confirmed again.
#[derive(Debug, Clone, Serialize)]
pub struct StaleDecision<'a> {
    /// The decision.
    #[serde(skip)]
    pub entry: &'a DecisionEntry,
    /// What changed.
    pub staleness: Staleness,
}

fn list_of<'a>(crm: &'a RecordList, erp: &'a RecordList, side: Side) -> &'a RecordList {
    match side {
        Side::Crm => crm,
        Side::Erp => erp,
    }
}

/// Compare a decision's record hashes with the lists as they are now.
pub fn staleness(entry: &DecisionEntry, crm: &RecordList, erp: &RecordList) -> Staleness {
    let mut result = Staleness::default();
    let records = [
        Some((&entry.first, entry.first_hash)),
        entry
            .second
            .as_ref()
            .map(|record| (record, entry.second_hash)),
    ];
    for (record, hash_then) in records.into_iter().flatten() {
        match list_of(crm, erp, record.side).hash_of(&record.key) {
            None => result.missing.push(record.clone()),
            Some(now) if hash_then.is_some_and(|then| then != now) => {
                result.changed.push(record.clone());
            }
            Some(_) => {}
        }
    }
    result
}

/// The status and decision of a suggested pair.
pub fn suggestion_view<'a>(
    suggestion: &'a Suggestion,
    state: &'a DecisionState,
    crm: &RecordList,
    erp: &RecordList,
) -> SuggestionView<'a> {
    let decision = state.pair_decision(&suggestion.crm, &suggestion.erp);
    let status = match decision.map(|entry| entry.kind) {
        Some(DecisionKind::Accept) => PairStatus::Accepted,
        Some(DecisionKind::Link) => PairStatus::Linked,
        Some(DecisionKind::Reject) => PairStatus::Rejected,
        _ if state.is_linked(Side::Crm, &suggestion.crm)
            || state.is_linked(Side::Erp, &suggestion.erp) =>
        {
            PairStatus::LinkedElsewhere
        }
        _ => PairStatus::Open,
    };
    let stale = decision.is_some_and(|entry| !staleness(entry, crm, erp).is_current());
    SuggestionView {
        suggestion,
        status,
        decision,
        stale,
    }
}

impl Project {
    /// Every suggestion (pairs first, then alternatives) with its decision state.
    pub fn suggestion_views(&self) -> Vec<SuggestionView<'_>> {
        let loaded = &self.loaded;
        loaded
            .suggestions
            .items
            .iter()
            .map(|item| suggestion_view(item, &loaded.state, &loaded.crm, &loaded.erp))
            .collect()
    }

    /// One suggestion (by its position in [`Project::suggestion_views`]) with its decision
    /// state: what the GUI re-reads for the pairs a decision touched.
    pub fn suggestion_view(&self, index: usize) -> Option<SuggestionView<'_>> {
        let loaded = &self.loaded;
        let item = loaded.suggestions.items.get(index)?;
        Some(suggestion_view(
            item,
            &loaded.state,
            &loaded.crm,
            &loaded.erp,
        ))
    }

    /// True when the pair is flagged unsure (it stays open; see [`DecisionKind::Unsure`]).
    pub fn is_unsure(&self, crm: &str, erp: &str) -> bool {
        self.loaded.state.is_unsure(crm, erp)
    }

    /// The review queue: suggested pairs still open, most probable first.
    pub fn open_queue(&self) -> Vec<&Suggestion> {
        let mut queue: Vec<&Suggestion> = self
            .suggestion_views()
            .into_iter()
            .filter(|view| !view.suggestion.is_alternative && view.status == PairStatus::Open)
            .map(|view| view.suggestion)
            .collect();
        queue.sort_by(|left, right| right.probability.total_cmp(&left.probability));
        queue
    }

    /// One accept per open pair that matching put in the `auto` band (safe to accept in bulk),
    /// unsure pairs left out: what `decide --accept-band auto` takes as one batch.
    pub fn auto_band_accepts(&self) -> Vec<Decision> {
        self.open_queue()
            .into_iter()
            .filter(|suggestion| suggestion.band == Band::Auto)
            .filter(|suggestion| !self.is_unsure(&suggestion.crm, &suggestion.erp))
            .map(|suggestion| Decision::Accept {
                crm: suggestion.crm.clone(),
                erp: suggestion.erp.clone(),
            })
            .collect()
    }

    /// The decisions in effect, one per subject (a later decision on the same pair, duplicate
    /// pair or record replaces an earlier one), in log order.
    pub fn decisions(&self) -> Vec<&DecisionEntry> {
        self.loaded.state.effective()
    }

    /// The decision in effect on a pair, if any.
    pub fn pair_decision(&self, crm: &str, erp: &str) -> Option<&DecisionEntry> {
        self.loaded.state.pair_decision(crm, erp)
    }

    /// The records of the other list `key` is linked to (one, or several marked duplicates).
    pub fn partners(&self, side: Side, key: &str) -> Vec<&str> {
        self.loaded.state.partners(side, key)
    }

    /// The links in effect (accepted or linked by hand), with who, when, score and note.
    pub fn links(&self) -> Vec<&DecisionEntry> {
        self.decisions_of(|kind| kind.is_link())
    }

    /// The duplicate marks in effect (first record the master).
    pub fn duplicate_marks(&self) -> Vec<&DecisionEntry> {
        self.decisions_of(|kind| kind == DecisionKind::Duplicate)
    }

    /// The not-duplicate marks in effect.
    pub fn not_duplicate_marks(&self) -> Vec<&DecisionEntry> {
        self.decisions_of(|kind| kind == DecisionKind::NotDuplicate)
    }

    fn decisions_of(&self, wanted: impl Fn(DecisionKind) -> bool) -> Vec<&DecisionEntry> {
        self.decisions()
            .into_iter()
            .filter(|entry| wanted(entry.kind))
            .collect()
    }

    /// True when `first` and `second` of `side` are marked duplicates (directly or through
    /// other marks).
    pub fn are_duplicates(&self, side: Side, first: &str, second: &str) -> bool {
        self.loaded.state.are_duplicates(side, first, second)
    }

    /// Every unlinked record of both lists with what is to happen to it: a decided action, a
    /// default, or a hold (it probably exists in the other system, or is a duplicate). The
    /// Unmatched screen, `status` and the creation files all read this; see `worklist.rs`.
    pub fn worklist(&self) -> Worklist<'_> {
        worklist::worklist(&self.loaded.worklist_inputs())
    }

    /// Every record of `side` without a link, with what is to happen to it: one list of
    /// [`Project::worklist`].
    pub fn unlinked_records(&self, side: Side) -> Vec<UnlinkedRecord<'_>> {
        self.worklist().records(side).to_vec()
    }

    /// The record at `row` of `side` with its decided or default creation action, or `None`
    /// when it is linked. This is the quick per-record look for list flags: it does not weigh
    /// the suggestions, so a record it gives a default may still be held by
    /// [`Project::worklist`], which has the final word.
    pub fn unlinked_record(&self, side: Side, row: usize) -> Option<UnlinkedRecord<'_>> {
        let loaded = &self.loaded;
        actions::unlinked_record(loaded.list(side), &loaded.state, &loaded.policy, row)
    }

    /// The master `key` (of `side`) is directly marked a duplicate of, if any.
    pub fn master_of(&self, side: Side, key: &str) -> Option<&str> {
        self.loaded.state.master_of(side, key)
    }

    /// The master of a duplicate cluster of `side`: its linked member, else the record marked
    /// as master, else the most complete record. The Duplicates screen proposes it and the
    /// worklist holds the other members until the cluster is decided.
    pub fn cluster_master<'a>(&self, side: Side, members: &[&'a str]) -> Option<&'a str> {
        let loaded = &self.loaded;
        worklist::cluster_master(loaded.list(side), &loaded.state, side, members)
    }

    /// Decisions in effect whose records changed or disappeared since they were taken.
    pub fn stale_decisions(&self) -> Vec<StaleDecision<'_>> {
        let loaded = &self.loaded;
        self.decisions()
            .into_iter()
            .map(|entry| StaleDecision {
                entry,
                staleness: staleness(entry, &loaded.crm, &loaded.erp),
            })
            .filter(|stale| !stale.staleness.is_current())
            .collect()
    }

    /// The counts `status` prints.
    pub fn status(&self) -> Status {
        status::status(&self.loaded.worklist_inputs())
    }

    /// The decisions in effect whose records are in the lists, as labels for the next matching
    /// run (by dataset row): accepted, linked and rejected pairs, and duplicate marks.
    pub fn labels(&self) -> Labels {
        Labels::from_state(&self.loaded.crm, &self.loaded.erp, &self.loaded.state)
    }
}

#[cfg(test)]
mod tests {
    use crate::core::import::import_bytes;
    use crate::core::matching::{Band, PairSuggestion};
    use crate::core::project::{
        Decision, DecisionKind, NewProject, PairStatus, Project, SuggestionSet,
    };

    fn project(dir: &std::path::Path) -> Project {
        let crm = import_bytes(
            "crm.csv",
            b"Id;Name\nA-1;Muller GmbH\nA-2;Weber AG\n",
            None,
            &[],
        )
        .unwrap();
        let erp = import_bytes("erp.csv", b"Nr;Name\n10;Mueller GmbH\n", None, &[]).unwrap();
        let suggestions = SuggestionSet {
            pairs: vec![PairSuggestion {
                crm_row: 0,
                erp_row: 0,
                probability: 0.7,
                band: Band::Review,
                contributions: Vec::new(),
                reason: "Names agree apart from spelling.".into(),
            }],
            alternatives: Vec::new(),
            duplicates: Vec::new(),
            xref_checks: Vec::new(),
        };
        let setup = NewProject {
            crm,
            erp,
            crm_mapping: Vec::new(),
            erp_mapping: Vec::new(),
            policy: Default::default(),
            by: "anna".into(),
        };
        Project::create_with_suggestions(dir.join("p.ledgerlink"), setup, &suggestions).unwrap()
    }

    #[test]
    fn an_unsure_pair_stays_open_is_kept_in_the_file_and_undone() {
        let dir = tempfile::tempdir().unwrap();
        let mut project = project(dir.path());
        let unsure = |crm: &str| Decision::Unsure {
            crm: crm.into(),
            erp: "10".into(),
        };
        let refused = project.decide(&unsure("A-2"), "anna", None).unwrap_err();
        assert!(
            refused.to_string().contains("were not suggested as a pair"),
            "{refused}"
        );
        let entry = project
            .decide(&unsure("A-1"), "anna", Some("ask sales"))
            .unwrap();
        assert_eq!((entry.kind, entry.score), (DecisionKind::Unsure, Some(0.7)));
        let file = project.file().to_path_buf();
        drop(project);

        let mut project = Project::open(&file).unwrap();
        assert!(project.is_unsure("A-1", "10"));
        let view = project.suggestion_view(0).unwrap();
        assert_eq!(view.status, PairStatus::Open);
        assert_eq!(project.status().open, 1);
        assert_eq!(project.labels().pairs.len(), 0, "a flag is no label");
        let audit = project.audit_log().unwrap();
        assert_eq!(audit[0].action, "unsure");
        assert_eq!(audit[0].note.as_deref(), Some("ask sales"));
        project.undo("anna").unwrap();
        assert!(!project.is_unsure("A-1", "10"));
        assert!(Project::open(&file).unwrap().can_redo());
    }
}
