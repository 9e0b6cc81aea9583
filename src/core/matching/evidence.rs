//! How the per-field weights of a pair add up to its total, where plain Fellegi-Sunter summing
//! misreads real data:
//!
//! - **A move is one event.** A firm that moved changes street, postcode, city and phone at
//!   once. Summing four "different" weights counts that one event four times and sinks a firm
//!   that kept its name, VAT number or web domain. For company lists the place fields (street,
//!   address line 2, location, phone) therefore take away only as much as the most telling of
//!   them when something besides the name ties the two records together (VAT number,
//!   cross-reference, phone or web domain); their agreements still add up. Without such a tie,
//!   the same name in another city with another phone stays low: it may be another firm.
//! - **A unique identifier carries a pair on its own.** The same VAT number, a cross-reference
//!   that names the other record, or the same phone (none of them a value shared by many
//!   records) lifts a pair to at least [`IDENTIFIER_FLOOR`], whatever the name or address say,
//!   unless the VAT numbers differ. A cross-reference does so only when the names do not
//!   differ outright: a stale one names another firm.

use super::compare::{CLOSE, Comparer, EXACT, MISSING};
use super::field::{Field, Pattern};
use super::model::Model;
use super::vocab::NONE;

/// The match probability an agreeing unique identifier guarantees: in review, never `auto`.
pub const IDENTIFIER_FLOOR: f64 = 0.5;

/// An identifier value whose term-frequency adjustment takes more than this many bits away is
/// shared by too many records (a switchboard, a group VAT number) to carry a pair alone.
const SHARED_VALUE_BITS: f64 = -1.0;

/// The fields that change together when a firm moves.
pub fn is_place(field: Field) -> bool {
    matches!(
        field,
        Field::Street | Field::Address2 | Field::Location | Field::Phone
    )
}

/// The fields whose exact agreement carries a pair into review on its own.
fn is_identifier(field: Field) -> bool {
    matches!(field, Field::TaxId | Field::Xref | Field::Phone)
}

/// The parts of a pair's total weight: the plain sum of the field weights, what counting a
/// move once gives back, and what the identifier floor adds.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Evidence {
    /// Sum of the field weights (term-frequency adjusted).
    pub sum: f64,
    /// Bits given back because the place fields disagree together (zero or positive).
    pub move_once: f64,
    /// Bits added to reach the identifier floor (zero or positive).
    pub identifier: f64,
}

impl Evidence {
    /// The total weight of the pair.
    pub fn total(self) -> f64 {
        self.sum + self.move_once + self.identifier
    }
}

/// The weight of every compared field of left record `l` against the right record whose
/// comparison vector is `pattern` (term frequency taken into account); missing fields left out.
pub fn field_weights<'m>(
    model: &'m Model,
    comparer: &'m Comparer<'_>,
    l: usize,
    pattern: Pattern,
) -> impl Iterator<Item = (Field, u8, f64)> + 'm {
    model.active().fields().filter_map(move |field| {
        let level = pattern.level(field);
        if level == MISSING {
            return None;
        }
        let value = field
            .term_frequency_key()
            .map_or(NONE, |key| comparer.left().value(l, key));
        Some((field, level, model.field_weight(field, level, value)))
    })
}

/// Weigh left record `l` against the right record whose comparison vector is `pattern`.
pub fn weigh(model: &Model, comparer: &Comparer<'_>, l: usize, pattern: Pattern) -> Evidence {
    let active = model.active();
    let company = active.contains(Field::Name);
    let mut evidence = Evidence::default();
    let (mut place_sum, mut place_worst) = (0.0f64, 0.0f64);
    let (mut identifier, mut anchored) = (false, false);
    // A cross-reference is checked, not trusted: one left stale names another firm outright.
    let name_differs = pattern.level(Field::Name) == Field::Name.different();
    for (field, level, weight) in field_weights(model, comparer, l, pattern) {
        evidence.sum += weight;
        if company && is_place(field) && weight < 0.0 {
            place_sum += weight;
            place_worst = place_worst.min(weight);
        }
        // A phone written nationally on one side and internationally on the other agrees
        // on its last eight digits only (`close`); that is an equal phone too.
        let agrees = level == EXACT || (field == Field::Phone && level == CLOSE);
        let unshared = weight - model.level_weight(field, level) >= SHARED_VALUE_BITS;
        if agrees && unshared && (field != Field::Xref || !name_differs) {
            identifier |= is_identifier(field);
            anchored |= is_identifier(field) || field == Field::Domain;
        }
    }
    // Only a firm that something besides its name ties together has moved; the same name in
    // another city and with another phone may well be another firm.
    if anchored {
        evidence.move_once = place_worst - place_sum;
    }
    let tax_differs = pattern.level(Field::TaxId) == Field::TaxId.different();
    if identifier && !tax_differs {
        let floor = model.weight_for(IDENTIFIER_FLOOR);
        evidence.identifier = (floor - evidence.sum - evidence.move_once).max(0.0);
    }
    evidence
}
