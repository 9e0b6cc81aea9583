//! Fellegi-Sunter weights: for every field and level, `m` (how often true pairs reach it) and
//! `u` (how often unrelated candidate pairs do), and the share of true pairs among the
//! candidates. `u` starts from random pairs (exact agreement from value frequencies); `m`, `u`
//! and the share are then fitted by expectation maximisation on the candidate pairs, without
//! labels ([`super::em`]); accepted and rejected pairs pin their own class when there are any.
//! An exact agreement on a name, street, postcode, phone, domain or VAT number is weighed by how
//! rare the agreed value is (term-frequency adjustment).

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::compare::{Comparer, EXACT, MISSING};
use super::em::{Parameters, observations};
use super::field::{FIELD_COUNT, Field, FieldSet, Pattern};
use super::vocab::NONE;

/// Random pairs compared to estimate `u`: half the number of candidate pairs, within these
/// bounds (small lists must stay fast; large ones gain nothing from more).
const U_SAMPLE_MIN: usize = 10_000;
const U_SAMPLE_MAX: usize = 200_000;
/// Largest weight one field can add or take, in bits.
const WEIGHT_LIMIT: f64 = 24.0;
/// A cross-reference is checked, not trusted: it may add at most this much.
const XREF_LIMIT: f64 = 10.0;
/// Term-frequency adjustments stay within this many bits of the field's average.
const TF_LIMIT: f64 = 10.0;

/// A labelled pattern: the comparison vector of a decided pair and its decision.
#[derive(Debug, Clone, Copy)]
pub struct LabelledPattern {
    /// The pair's comparison vector.
    pub pattern: Pattern,
    /// Accepted (true) or rejected (false).
    pub is_match: bool,
}

/// Estimated parameters of one comparison.
#[derive(Debug, Clone)]
pub struct Model {
    active: FieldSet,
    m: [[f64; 16]; FIELD_COUNT],
    u: [[f64; 16]; FIELD_COUNT],
    weights: [[f64; 16]; FIELD_COUNT],
    /// Share of true pairs among the candidate pairs.
    prior: f64,
    /// Per term-frequency-adjusted field, per value id, the bits added to an exact agreement.
    tf_bits: Vec<Vec<f32>>,
}

impl Model {
    /// Estimate the model of `comparer` from the candidate patterns (with their counts) and the
    /// patterns of labelled pairs.
    pub fn fit(
        comparer: &Comparer<'_>,
        patterns: &FxHashMap<Pattern, u64>,
        labelled: &[LabelledPattern],
    ) -> Model {
        let active = comparer.active();
        let candidates: u64 = patterns.values().sum();
        let sample = usize::try_from(candidates / 2)
            .unwrap_or(U_SAMPLE_MAX)
            .clamp(U_SAMPLE_MIN, U_SAMPLE_MAX);
        let u = estimate_u(comparer, labelled, sample);
        let mut model = Model {
            active,
            m: initial_m(active),
            u,
            weights: [[0.0; 16]; FIELD_COUNT],
            prior: 0.05,
            tf_bits: Vec::new(),
        };
        // A record has at most one partner in the other list, so the true pairs among the
        // candidates are at most as many as the smaller list has records (within one list,
        // clusters of duplicates allow about twice as many pairs as records). Without this
        // bound EM may settle on "same town" instead of "same customer".
        let (left, right) = (comparer.left(), comparer.right());
        let most_matches = if std::ptr::eq(left, right) {
            2.0 * left.len() as f64
        } else {
            left.len().min(right.len()) as f64
        };
        let total = candidates as f64 + labelled.len() as f64;
        let prior_cap = if total > 0.0 {
            (most_matches / total).clamp(1e-6, 0.5)
        } else {
            0.5
        };
        let mut parameters = Parameters {
            active,
            m: model.m,
            u: model.u,
            prior: model.prior,
            anchor: (model.m, model.u),
        };
        let labels = labelled.iter().map(|label| (label.pattern, label.is_match));
        let observations = observations(patterns, labels);
        parameters.train(&observations, prior_cap, std::ptr::eq(left, right));
        model.m = parameters.m;
        model.u = parameters.u;
        model.prior = parameters.prior;
        model.update_weights();
        model.tf_bits = term_frequency_bits(comparer);
        model
    }

    /// The fields the model compares.
    pub fn active(&self) -> FieldSet {
        self.active
    }

    /// The weight (bits) of `field` at `level`, without term-frequency adjustment.
    pub fn level_weight(&self, field: Field, level: u8) -> f64 {
        if level == MISSING {
            return 0.0;
        }
        self.weights[field.index()][usize::from(level)]
    }

    /// The weight of `field` for a pair at `level`; an exact agreement is adjusted by the
    /// frequency of `left_value`, the left record's value of the field's
    /// [term-frequency key](Field::term_frequency_key) ([`NONE`] for no adjustment).
    pub fn field_weight(&self, field: Field, level: u8, left_value: u32) -> f64 {
        let base = self.level_weight(field, level);
        if level != EXACT || left_value == NONE {
            return base;
        }
        let adjustment = self
            .tf_bits
            .get(field.index())
            .and_then(|bits| bits.get(left_value as usize))
            .copied()
            .unwrap_or(0.0);
        base + f64::from(adjustment)
    }

    /// The total weight (bits) of a pair with comparison vector `pattern`: the field weights
    /// combined as [`super::evidence`] describes.
    pub fn pair_weight(&self, comparer: &Comparer<'_>, l: usize, pattern: Pattern) -> f64 {
        super::evidence::weigh(self, comparer, l, pattern).total()
    }

    /// The match probability of a pair whose weights sum to `weight` bits.
    pub fn probability(&self, weight: f64) -> f64 {
        let prior_bits = (self.prior / (1.0 - self.prior)).log2();
        1.0 / (1.0 + (-(weight + prior_bits)).exp2())
    }

    /// The total weight at which a pair reaches `probability`.
    pub fn weight_for(&self, probability: f64) -> f64 {
        let prior_bits = (self.prior / (1.0 - self.prior)).log2();
        let clamped = probability.clamp(1e-12, 1.0 - 1e-12);
        (clamped / (1.0 - clamped)).log2() - prior_bits
    }

    fn update_weights(&mut self) {
        for field in self.active.fields() {
            let f = field.index();
            for level in 1..field.level_count() {
                let weight = (self.m[f][level] / self.u[f][level]).log2();
                let limit = if field == Field::Xref {
                    XREF_LIMIT
                } else {
                    WEIGHT_LIMIT
                };
                self.weights[f][level] = weight.clamp(-WEIGHT_LIMIT, limit);
            }
        }
    }
}

/// Starting `m`: true pairs mostly agree exactly.
fn initial_m(active: FieldSet) -> [[f64; 16]; FIELD_COUNT] {
    let mut m = [[0.0; 16]; FIELD_COUNT];
    for field in active.fields() {
        let levels = field.level_count();
        let f = field.index();
        m[f][1] = 0.8;
        let rest = (levels - 2) as f64;
        for value in &mut m[f][2..levels] {
            *value = 0.2 / rest;
        }
    }
    m
}

/// `u` per field and level from random pairs, with the exact level taken from the value
/// frequencies where they give it exactly. Rejected pairs count as extra unrelated pairs.
fn estimate_u(
    comparer: &Comparer<'_>,
    labelled: &[LabelledPattern],
    sample: usize,
) -> [[f64; 16]; FIELD_COUNT] {
    let active = comparer.active();
    let (left, right) = (comparer.left(), comparer.right());
    let same_list = std::ptr::eq(left, right);
    let mut counts = [[0.0f64; 16]; FIELD_COUNT];
    if !left.is_empty() && !right.is_empty() {
        let sampled: Vec<Pattern> = (0..sample as u64)
            .into_par_iter()
            .filter_map(|index| {
                let l = (splitmix(index * 2) % left.len() as u64) as usize;
                let r = (splitmix(index * 2 + 1) % right.len() as u64) as usize;
                (!same_list || l != r).then(|| comparer.compare(l, r))
            })
            .collect();
        for pattern in sampled {
            add_levels(&mut counts, active, pattern, 1.0);
        }
    }
    for label in labelled.iter().filter(|label| !label.is_match) {
        add_levels(&mut counts, active, label.pattern, 1.0);
    }
    let features = comparer.features();
    let mut u = [[0.0; 16]; FIELD_COUNT];
    for field in active.fields() {
        let f = field.index();
        let levels = field.level_count();
        let observed: f64 = counts[f][1..levels].iter().sum();
        let smoothing = 0.5;
        let mut row = [0.0; 16];
        for level in 1..levels {
            row[level] =
                (counts[f][level] + smoothing) / (observed + smoothing * (levels - 1) as f64);
        }
        // An exact agreement of a one-key field is an agreement of values: its chance comes
        // from the value frequencies. Street and location are judged from the sample.
        let exact = match field {
            Field::Xref => 1.0 / right.len().max(left.len()).max(1) as f64,
            Field::Street | Field::Location => 0.0,
            _ => features.vocab(field.keys()[0]).exact_agreement(),
        };
        if exact > 0.0 {
            let others: f64 = row[2..levels].iter().sum();
            let scale = (1.0 - exact) / others.max(f64::MIN_POSITIVE);
            row[1] = exact;
            for value in row.iter_mut().take(levels).skip(2) {
                *value *= scale;
            }
        }
        u[f] = row;
    }
    u
}

fn add_levels(counts: &mut [[f64; 16]; FIELD_COUNT], active: FieldSet, pattern: Pattern, by: f64) {
    for field in active.fields() {
        let level = usize::from(pattern.level(field));
        if level != usize::from(MISSING) {
            counts[field.index()][level] += by;
        }
    }
}

/// Bits added to an exact agreement on each value: log2 of the key's average chance of an
/// agreement over the value's own frequency (rare values say more, common ones less).
fn term_frequency_bits(comparer: &Comparer<'_>) -> Vec<Vec<f32>> {
    let features = comparer.features();
    let mut bits = vec![Vec::new(); FIELD_COUNT];
    for field in comparer.active().fields() {
        let Some(key) = field.term_frequency_key() else {
            continue;
        };
        let vocab = features.vocab(key);
        let average = vocab.exact_agreement();
        if average <= 0.0 {
            continue;
        }
        bits[field.index()] = (0..vocab.len() as u32)
            .into_par_iter()
            .map(|id| {
                let frequency = vocab.frequency(id);
                if frequency <= 0.0 {
                    0.0
                } else {
                    (average / frequency).log2().clamp(-TF_LIMIT, TF_LIMIT) as f32
                }
            })
            .collect();
    }
    bits
}

/// A well-mixed 64-bit number from `seed` (SplitMix64), for reproducible sampling.
pub fn splitmix(seed: u64) -> u64 {
    let mut x = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}
