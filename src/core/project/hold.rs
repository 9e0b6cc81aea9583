//! Why a record without a link waits for a person instead of getting its creation default
//! ([`Hold`]), in words, and how many wait for each reason ([`HeldCounts`]). The worklist
//! (`worklist.rs`) decides which hold applies.

use crate::core::model::Side;

/// Matching's review threshold: candidates scored below it are weak (kept only so that a
/// record is not created before someone has looked), and only a candidate at or above it makes
/// a record a probable second account.
pub(super) const REVIEW_SCORE: f64 = 0.1;

/// Why a record waits for a person instead of getting its creation default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Hold<'a> {
    /// Marked as the duplicate of `master`: merged into it, never created.
    MarkedDuplicate {
        /// The master's key (same list).
        master: &'a str,
    },
    /// A suggested pair with `other` (of the other list) is still open.
    OpenPair {
        /// The other record's key.
        other: &'a str,
        /// The pair's score.
        probability: f64,
        /// Someone flagged the pair unsure.
        unsure: bool,
    },
    /// Its candidate `candidate` in the other list is linked to `linked_to` of its own list:
    /// probably a second account of that firm.
    SecondAccount {
        /// The candidate's key (other list).
        candidate: &'a str,
        /// The record of its own list the candidate is linked to.
        linked_to: &'a str,
        /// The candidate pair's score.
        probability: f64,
    },
    /// In a duplicate cluster whose master is `master` (same list), linked to `partner` when
    /// it is linked.
    InCluster {
        /// The cluster's master.
        master: &'a str,
        /// The master's partner in the other list, if it is linked.
        partner: Option<&'a str>,
    },
}

impl<'a> Hold<'a> {
    /// `marked_duplicate`, `open_pair`, `second_account` or `duplicate_cluster`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Hold::MarkedDuplicate { .. } => "marked_duplicate",
            Hold::OpenPair { .. } => "open_pair",
            Hold::SecondAccount { .. } => "second_account",
            Hold::InCluster { .. } => "duplicate_cluster",
        }
    }

    /// The record of the same list this one is probably a duplicate of: what "mark as
    /// duplicate" offers in one key. `None` for an open pair or an existing mark.
    pub fn probable_master(&self) -> Option<&'a str> {
        match *self {
            Hold::SecondAccount { linked_to, .. } => Some(linked_to),
            Hold::InCluster { master, .. } => Some(master),
            Hold::MarkedDuplicate { .. } | Hold::OpenPair { .. } => None,
        }
    }

    /// The reason in words, for a record of `side`.
    pub fn describe(&self, side: Side) -> String {
        let own = side.as_str().to_uppercase();
        let other = side.other().as_str().to_uppercase();
        match *self {
            Hold::MarkedDuplicate { master } => {
                format!("marked a duplicate of {own} {master}: merged into it, not created")
            }
            Hold::OpenPair {
                other: key,
                probability,
                ..
            } if probability < REVIEW_SCORE => format!(
                "resembles {other} {key} a little (weak candidate, score {probability:.3}): \
                 link them, or reject the pair to create it"
            ),
            Hold::OpenPair {
                other: key,
                probability,
                unsure,
            } => format!(
                "may be {other} {key} (open pair, score {probability:.2}{}): decide the pair first",
                if unsure { ", marked unsure" } else { "" }
            ),
            Hold::SecondAccount {
                candidate,
                linked_to,
                ..
            } => format!(
                "probably a second account of {own} {linked_to}, which is linked to {other} \
                 {candidate}: mark it a duplicate of {own} {linked_to}, or reject the pair"
            ),
            Hold::InCluster {
                master,
                partner: Some(partner),
            } => format!(
                "probably a duplicate of {own} {master}, which is linked to {other} {partner}: \
                 mark the duplicates first"
            ),
            Hold::InCluster {
                master,
                partner: None,
            } => format!("probably a duplicate of {own} {master}: mark the duplicates first"),
        }
    }
}

/// How many held records there are, by reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct HeldCounts {
    /// Marked duplicates (merged, not created).
    pub marked_duplicate: usize,
    /// Records with an open pair.
    pub open_pair: usize,
    /// Probable second accounts of a linked record.
    pub second_account: usize,
    /// Members of a duplicate cluster that is not decided.
    pub duplicate_cluster: usize,
}

impl HeldCounts {
    pub(super) fn add(&mut self, hold: &Hold<'_>) {
        match hold {
            Hold::MarkedDuplicate { .. } => self.marked_duplicate += 1,
            Hold::OpenPair { .. } => self.open_pair += 1,
            Hold::SecondAccount { .. } => self.second_account += 1,
            Hold::InCluster { .. } => self.duplicate_cluster += 1,
        }
    }

    /// Records that wait for a decision (marked duplicates are settled: they are merged).
    pub fn waiting(&self) -> usize {
        self.open_pair + self.second_account + self.duplicate_cluster
    }
}
