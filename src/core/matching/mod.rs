//! Matching: candidate pairs by blocking, field comparison, Fellegi-Sunter weights estimated
//! without labels, one-to-one assignment, duplicates within one list, and the explanation of
//! every suggestion.
//!
//! The pipeline, one file per step:
//!
//! 1. [`features`]: comparison keys computed once per record (through [`normalized`]) and
//!    interned into vocabularies shared by both lists ([`vocab`]);
//! 2. [`blocking`]: candidate pairs from exact keys, name tokens and key combinations, skipping
//!    keys shared by too many records (within one list, a frequent exact name is walked as a
//!    sorted neighbourhood instead, and seeds a group: [`seeds`]);
//! 3. [`compare`]: each candidate pair becomes a vector of comparison levels ([`field`]);
//! 4. [`model`]: Fellegi-Sunter weights, `u` from random pairs, `m` by EM on the candidates,
//!    term-frequency adjusted, refined by labels, combined as [`evidence`] says (a move counts
//!    once, an identifier carries a pair into review) ([`scoring`] runs steps 2-4);
//! 5. [`assign`]: a maximum-weight one-to-one assignment ([`link`]), or clusters of duplicates
//!    ([`duplicates`]);
//! 6. [`explain`]: per-field contributions and a sentence; [`xref`]: cross-reference checks;
//!    [`missing`]: why a record got no partner (never compared, below review, or lost in the
//!    assignment).
//!
//! ```
//! use ledgerlink::core::matching::{Band, MatchOptions, match_lists};
//! use ledgerlink::core::model::{CellStore, Column, Dataset, Role};
//!
//! fn list(rows: &[[String; 3]]) -> Dataset {
//!     let mut cells = CellStore::new(3);
//!     for row in rows {
//!         cells.push_row(row.iter().map(String::as_str)).unwrap();
//!     }
//!     let column = |name: &str, role| Column { name: name.into(), role: Some(role) };
//!     let columns = vec![column("id", Role::Id), column("name", Role::Name), column("vat", Role::TaxId)];
//!     Dataset { columns, cells, ..Dataset::default() }
//! }
//! let (first, second) = (["Müller", "Schmidt", "Weber", "Wagner"], ["Bau", "Logistik", "Optik", "Druck"]);
//! let firm = |i: usize| format!("{} {}", first[i % 4], second[i / 4 % 4]);
//! let crm: Vec<[String; 3]> = (0..16)
//!     .map(|i| [format!("c{i}"), format!("{} GmbH", firm(i)), format!("DE{}", 811_000_000 + i * 7)])
//!     .collect();
//! let erp: Vec<[String; 3]> = (0..16)
//!     .map(|i| [format!("e{i}"), firm(i).to_uppercase(), format!("DE {}", 811_000_000 + i * 7)])
//!     .collect();
//! let output = match_lists(&list(&crm), &list(&erp), &MatchOptions::default());
//! assert_eq!(output.pairs.len(), 16);
//! let pair = &output.pairs[0];
//! assert_eq!((pair.crm_row, pair.erp_row), (0, 0));
//! assert!(pair.probability > 0.99);
//! assert_eq!(pair.band, Band::Auto);
//! assert_eq!(pair.reason, "same VAT number and name once 'GmbH' is set aside");
//! ```

use serde::{Deserialize, Serialize};

use crate::core::model::Side;

mod address;
pub mod agreement;
mod assign;
mod blocking;
mod compare;
mod duplicates;
mod em;
mod evidence;
mod explain;
mod features;
mod field;
mod link;
mod missing;
mod model;
mod normalized;
mod observer;
mod scoring;
mod seeds;
mod similarity;
mod vocab;
mod xref;

pub use duplicates::{DuplicateOutput, dedupe_list, dedupe_list_observed, find_duplicates};
pub use link::{match_lists, match_lists_observed};
pub use missing::{Fate, MissingReport, PairFate, explain_missing};
pub use observer::{MatchObserver, Unobserved};
pub use similarity::{jaro_winkler, osa_distance};

/// Thresholds and decisions that steer matching.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchOptions {
    /// Decisions already taken: rejected pairs are never suggested again, accepted ones are
    /// kept (band `auto`), and both refine the weights.
    pub labels: Vec<Label>,
    /// Lowest match probability of a suggested pair (band `review`).
    pub review_threshold: f64,
    /// Lowest match probability of an `auto` pair.
    pub auto_threshold: f64,
    /// An `auto` pair must also beat every rival pair of its two records by this many bits.
    pub auto_margin_bits: f64,
    /// A blocking key whose block would hold more pairs than this is skipped.
    pub max_block_pairs: u64,
    /// Every two members of a duplicate cluster reach at least this probability.
    pub cluster_min_probability: f64,
    /// Also report weak candidates ([`MatchOutput::weak`]) down to this probability; `None`
    /// (the default, and `match`) reports none.
    pub weak_threshold: Option<f64>,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            labels: Vec::new(),
            review_threshold: 0.1,
            auto_threshold: 0.995,
            auto_margin_bits: 6.0,
            max_block_pairs: 100,
            cluster_min_probability: 0.05,
            weak_threshold: None,
        }
    }
}

/// What [`match_lists`] found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MatchOutput {
    /// Suggested pairs after the global one-to-one assignment, at or above the review
    /// threshold, ordered by CRM row.
    pub pairs: Vec<PairSuggestion>,
    /// Candidates that lost the assignment but reach the review threshold, kept for review.
    pub alternatives: Vec<PairSuggestion>,
    /// Number of distinct candidate pairs compared.
    pub compared_pairs: u64,
    /// One check per CRM record whose cross-reference field is filled.
    pub xref_checks: Vec<XrefCheck>,
    /// Weak candidates (when [`MatchOptions::weak_threshold`] asks for them): the best pair
    /// below the review threshold of each record that got no suggestion at all. Not worth a
    /// reviewer's time on their own, but enough to keep such a record out of a creation file
    /// until someone says it is new.
    pub weak: Vec<PairSuggestion>,
}

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
