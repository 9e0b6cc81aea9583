//! Expectation maximisation of `m`, `u` and the prior on the candidate pairs' comparison
//! vectors, with the constraints that keep it on "same customer" rather than "same town" or
//! "same name": a bounded prior, `m(different)` at most one half, and evidence ordered by level.
//!
//! Within one list, true pairs are rare among the candidates and look-alikes (same name, another
//! firm) are common, so one EM over all candidates may take the look-alikes for the true pairs.
//! There training runs in two sessions, as Splink does with its training blocks: among the
//! pairs with the same name, EM learns what the other fields (location above all) do for true
//! pairs; among the pairs in the same place, what the name does. A last pass over all
//! candidates then fits only `u` and the prior to those `m`.

use rustc_hash::FxHashMap;

use super::compare::{CLOSE, EXACT, MISSING};
use super::field::{FIELD_COUNT, Field, FieldSet, Pattern};

/// Probability of each level of each field.
pub type Table = [[f64; 16]; FIELD_COUNT];

/// EM stops after this many rounds or when no parameter moves more than `TOLERANCE`.
const ROUNDS: usize = 60;
const TOLERANCE: f64 = 1e-6;
/// A true pair disagrees on a field at most this often (see [`limit_disagreement`]).
const MOST_DISAGREEMENT: f64 = 0.5;
/// Pseudo-count per level, so that no level becomes impossible.
const SMOOTHING: f64 = 0.5;
/// The starting `m` and `u` count as this many pairs each: a handful of candidates (two short
/// lists) cannot unlearn that agreeing on a name is rare among unrelated firms, while thousands
/// of candidates outweigh the start completely.
const ANCHOR_PAIRS: f64 = 30.0;

/// One distinct comparison vector with how often it occurs, and its label if decided.
#[derive(Debug, Clone, Copy)]
pub struct Observation {
    /// The comparison vector.
    pub pattern: Pattern,
    /// How many candidate pairs have it.
    pub count: f64,
    /// Accepted (`Some(true)`) or rejected (`Some(false)`) by a user.
    pub label: Option<bool>,
}

/// The observations of candidate patterns (with their counts) and of labelled pairs.
pub fn observations(
    patterns: &FxHashMap<Pattern, u64>,
    labelled: impl Iterator<Item = (Pattern, bool)>,
) -> Vec<Observation> {
    let mut list: Vec<Observation> = patterns
        .iter()
        .map(|(&pattern, &count)| Observation {
            pattern,
            count: count as f64,
            label: None,
        })
        .chain(labelled.map(|(pattern, is_match)| Observation {
            pattern,
            count: 1.0,
            label: Some(is_match),
        }))
        .collect();
    // A fixed order keeps the sums, and so the results, the same from run to run.
    list.sort_unstable_by_key(|observation| (observation.pattern, observation.label));
    list
}

/// The parameters EM estimates.
#[derive(Debug, Clone)]
pub struct Parameters {
    /// Fields taking part.
    pub active: FieldSet,
    /// `m` per field and level.
    pub m: Table,
    /// `u` per field and level.
    pub u: Table,
    /// Share of true pairs among the observations.
    pub prior: f64,
    /// The starting `m` and `u`, which every estimate is pulled toward with [`ANCHOR_PAIRS`]
    /// pseudo-pairs.
    pub anchor: (Table, Table),
}

impl Parameters {
    /// Fit to `observations`: within one list (`same_list`) in training sessions (see the
    /// module docs), otherwise in one run over all. `prior_cap` bounds the share of true pairs.
    pub fn train(&mut self, observations: &[Observation], prior_cap: f64, same_list: bool) {
        let identity = [Field::Name, Field::LastName]
            .into_iter()
            .find(|&field| self.active.contains(field));
        match identity {
            Some(identity) if same_list && self.active.contains(Field::Location) => {
                let by_name = self.session(observations, identity);
                let by_place = self.session(observations, Field::Location);
                self.m = by_name.m;
                self.m[identity.index()] = by_place.m[identity.index()];
                self.run(observations, prior_cap, false);
            }
            _ => self.run(observations, prior_cap, true),
        }
    }

    /// EM on the observations that agree on `block` (exactly or closely), with `block` itself
    /// left out: what the other fields look like for true pairs.
    fn session(&self, observations: &[Observation], block: Field) -> Parameters {
        let selected: Vec<Observation> = observations
            .iter()
            .copied()
            .filter(|o| matches!(o.pattern.level(block), EXACT | CLOSE))
            .collect();
        let mut session = self.clone();
        session.active.remove(block);
        session.prior = 0.1;
        session.run(&selected, 0.5, true);
        session
    }

    /// EM rounds; `m` stays fixed unless `update_m`.
    pub fn run(&mut self, observations: &[Observation], prior_cap: f64, update_m: bool) {
        if observations.is_empty() {
            return;
        }
        self.prior = self.prior.min(prior_cap);
        for _ in 0..ROUNDS {
            let mut m_counts: Table = [[0.0; 16]; FIELD_COUNT];
            let mut u_counts: Table = [[0.0; 16]; FIELD_COUNT];
            let (mut matched, mut total) = (0.0, 0.0);
            for observation in observations {
                let posterior = match observation.label {
                    Some(true) => 1.0,
                    Some(false) => 0.0,
                    None => self.posterior(observation.pattern),
                };
                matched += posterior * observation.count;
                total += observation.count;
                for field in self.active.fields() {
                    let level = usize::from(observation.pattern.level(field));
                    if level != usize::from(MISSING) {
                        m_counts[field.index()][level] += posterior * observation.count;
                        u_counts[field.index()][level] += (1.0 - posterior) * observation.count;
                    }
                }
            }
            let prior = (matched / total).min(prior_cap).clamp(1e-9, 1.0 - 1e-9);
            let mut change = (self.prior - prior).abs();
            self.prior = prior;
            if update_m {
                change = change.max(maximise(
                    self.active,
                    &mut self.m,
                    &m_counts,
                    &self.anchor.0,
                ));
            }
            change = change.max(maximise(
                self.active,
                &mut self.u,
                &u_counts,
                &self.anchor.1,
            ));
            if update_m {
                limit_disagreement(self.active, &mut self.m);
                make_monotone(self.active, &mut self.m, &self.u);
            }
            if change < TOLERANCE {
                break;
            }
        }
    }

    /// Probability that a pair with `pattern` is a true pair.
    pub fn posterior(&self, pattern: Pattern) -> f64 {
        let mut match_likelihood = self.prior;
        let mut unmatch_likelihood = 1.0 - self.prior;
        for field in self.active.fields() {
            let level = usize::from(pattern.level(field));
            if level == usize::from(MISSING) {
                continue;
            }
            match_likelihood *= self.m[field.index()][level];
            unmatch_likelihood *= self.u[field.index()][level];
        }
        match_likelihood / (match_likelihood + unmatch_likelihood)
    }
}

/// New level probabilities of every active field from expected counts, pulled toward
/// `anchor`; returns the largest change.
fn maximise(active: FieldSet, table: &mut Table, counts: &Table, anchor: &Table) -> f64 {
    let mut change: f64 = 0.0;
    for field in active.fields() {
        let f = field.index();
        let levels = field.level_count();
        let sum: f64 = counts[f][1..levels].iter().sum();
        if sum <= 0.0 {
            continue;
        }
        let anchor_sum: f64 = anchor[f][1..levels].iter().sum();
        let anchor_pairs = if anchor_sum > 0.0 { ANCHOR_PAIRS } else { 0.0 };
        let denominator = sum + SMOOTHING * (levels - 1) as f64 + anchor_pairs;
        let levels_of = counts[f][1..levels].iter().zip(&anchor[f][1..levels]);
        for (old, (count, start)) in table[f][1..levels].iter_mut().zip(levels_of) {
            let pulled = anchor_pairs * start / anchor_sum.max(f64::MIN_POSITIVE);
            let value = (count + SMOOTHING + pulled) / denominator;
            change = change.max((*old - value).abs());
            *old = value;
        }
    }
    change
}

/// True pairs agree on most fields: a class in which a field differs more often than not is the
/// class of look-alikes (same name, other firm), not of true pairs. Capping `m(different)`
/// keeps EM from taking one for the other; the other levels share the rest in proportion.
fn limit_disagreement(active: FieldSet, m: &mut Table) {
    for field in active.fields() {
        let f = field.index();
        let different = usize::from(field.different());
        if m[f][different] <= MOST_DISAGREEMENT {
            continue;
        }
        let others: f64 = m[f][1..different].iter().sum();
        let scale = (1.0 - MOST_DISAGREEMENT) / others.max(f64::MIN_POSITIVE);
        for value in &mut m[f][1..different] {
            *value *= scale;
        }
        m[f][different] = MOST_DISAGREEMENT;
    }
}

/// Keep every field's evidence ordered: a level closer to `exact` may not weigh less than one
/// further away (m/u non-increasing from `exact` to `different`). Adjacent levels that break
/// the order are pooled to one ratio (pool-adjacent-violators), keeping each level's `u` and
/// the field's total `m`.
fn make_monotone(active: FieldSet, m: &mut Table, u: &Table) {
    for field in active.fields() {
        let f = field.index();
        // Blocks of pooled levels: (first level, last level, sum of m, sum of u).
        let mut blocks: Vec<(usize, usize, f64, f64)> = Vec::with_capacity(16);
        for level in 1..field.level_count() {
            blocks.push((level, level, m[f][level], u[f][level]));
            while blocks.len() >= 2 {
                let (first, _, m_before, u_before) = blocks[blocks.len() - 2];
                let (_, last, m_last, u_last) = blocks[blocks.len() - 1];
                if m_before * u_last >= m_last * u_before {
                    break;
                }
                blocks.truncate(blocks.len() - 2);
                blocks.push((first, last, m_before + m_last, u_before + u_last));
            }
        }
        for (first, last, m_sum, u_sum) in blocks {
            if first == last || u_sum <= 0.0 {
                continue;
            }
            for level in first..=last {
                m[f][level] = m_sum * u[f][level] / u_sum;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_pooled_into_order() {
        let mut active = FieldSet::default();
        active.insert(Field::Phone);
        let f = Field::Phone.index();
        let mut m: Table = [[0.0; 16]; FIELD_COUNT];
        let mut u: Table = [[0.0; 16]; FIELD_COUNT];
        // exact, close, different: close says more than exact, which cannot be.
        m[f][1..4].copy_from_slice(&[0.2, 0.3, 0.5]);
        u[f][1..4].copy_from_slice(&[0.01, 0.01, 0.98]);
        make_monotone(active, &mut m, &u);
        assert!((m[f][1] - 0.25).abs() < 1e-12 && (m[f][2] - 0.25).abs() < 1e-12);
        assert!((m[f][3] - 0.5).abs() < 1e-12);
        m[f][1..4].copy_from_slice(&[0.1, 0.1, 0.8]);
        limit_disagreement(active, &mut m);
        assert!((m[f][3] - 0.5).abs() < 1e-12);
        assert!((m[f][1] - 0.25).abs() < 1e-12);
    }

    #[test]
    fn em_separates_two_clear_classes() {
        let mut active = FieldSet::default();
        active.insert(Field::Phone);
        active.insert(Field::TaxId);
        let mut agree = Pattern::default();
        agree.set(Field::Phone, EXACT);
        agree.set(Field::TaxId, EXACT);
        let mut differ = Pattern::default();
        differ.set(Field::Phone, Field::Phone.different());
        differ.set(Field::TaxId, Field::TaxId.different());
        let mut patterns = FxHashMap::default();
        patterns.insert(agree, 100);
        patterns.insert(differ, 900);
        let observations = observations(&patterns, std::iter::empty());
        let mut table: Table = [[0.0; 16]; FIELD_COUNT];
        for field in [Field::Phone, Field::TaxId] {
            let levels = field.level_count();
            for value in &mut table[field.index()][2..levels] {
                *value = 0.2 / (levels - 2) as f64;
            }
            table[field.index()][1] = 0.8;
        }
        let u = [[0.0; 16]; FIELD_COUNT].map(|row| row.map(|_| 0.3));
        let mut parameters = Parameters {
            active,
            m: table,
            u,
            prior: 0.05,
            anchor: (table, u),
        };
        parameters.run(&observations, 0.5, true);
        assert!(
            (parameters.prior - 0.1).abs() < 0.01,
            "{}",
            parameters.prior
        );
        assert!(parameters.posterior(agree) > 0.99);
        assert!(parameters.posterior(differ) < 0.01);
    }
}
