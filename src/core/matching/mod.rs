//! Matching: candidate pairs by blocking, field comparison, Fellegi-Sunter weights estimated
//! without labels, one-to-one assignment, duplicates within one list, and the explanation of
//! every suggestion.

use serde::{Deserialize, Serialize};

use crate::core::model::Side;

/// How safe a suggestion is to accept without looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Safe to accept in bulk (precision of at least 0.998 on every benchmark).
    Auto,
    /// Worth a human look.
    Review,
}

impl Band {
    /// `auto` or `review`, as written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Auto => "auto",
            Band::Review => "review",
        }
    }
}

/// What one compared field added to (or took from) a pair's match weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    /// The compared field in plain words (`name`, `VAT number`, `phone`, `city` ...).
    pub field: String,
    /// The comparison level reached (`exact`, `close`, `fuzzy`, `different`, `missing`).
    pub level: String,
    /// Match weight in bits (log2 of m/u); positive is evidence for a match.
    pub weight: f64,
}

/// A suggested link between a CRM record and an ERP record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairSuggestion {
    /// 0-based row of the CRM record in its dataset.
    pub crm_row: usize,
    /// 0-based row of the ERP record in its dataset.
    pub erp_row: usize,
    /// Match probability in [0, 1].
    pub probability: f64,
    /// `auto` or `review`.
    pub band: Band,
    /// Per-field contributions, largest effect first.
    pub contributions: Vec<Contribution>,
    /// One sentence a sales manager understands.
    pub reason: String,
}

/// A group of records of one list that are probably the same customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicateCluster {
    /// The list the records belong to.
    pub side: Side,
    /// 0-based rows of the members; the first is the suggested master.
    pub rows: Vec<usize>,
    /// The lowest pairwise match probability inside the cluster.
    pub probability: f64,
    /// Why the members belong together.
    pub reason: String,
}

/// A decision already taken on a pair, used to refine the weights and to keep rejected pairs
/// from being suggested again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Label {
    /// 0-based CRM row.
    pub crm_row: usize,
    /// 0-based ERP row.
    pub erp_row: usize,
    /// True for an accepted (or hand-linked) pair, false for a rejected one.
    pub is_match: bool,
}

/// What a CRM cross-reference field (the ERP number kept in the CRM) turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum XrefStatus {
    /// The ERP customer exists and the data agree.
    Confirmed,
    /// No ERP customer has that number.
    UnknownNumber,
    /// The number names an ERP customer, but the data point to a different one (or to none).
    Contradicted,
}

impl XrefStatus {
    /// `confirmed`, `unknown_number` or `contradicted`, as written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            XrefStatus::Confirmed => "confirmed",
            XrefStatus::UnknownNumber => "unknown_number",
            XrefStatus::Contradicted => "contradicted",
        }
    }
}

/// The check of one CRM record's cross-reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct XrefCheck {
    /// 0-based CRM row.
    pub crm_row: usize,
    /// The cross-reference as exported.
    pub xref: String,
    /// What it turned out to be.
    pub status: XrefStatus,
    /// 0-based ERP row the data point to, if any.
    pub suggested_erp_row: Option<usize>,
}
