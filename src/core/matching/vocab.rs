//! Value dictionaries shared by both lists: every distinct normalised value of a field gets a
//! small integer id, so that equality is an integer compare, term frequencies are an array
//! lookup, and a million records cost one copy of each distinct value.

use rustc_hash::FxHashMap;

/// The id of "no value".
pub const NONE: u32 = u32::MAX;

/// Distinct values of one field with how often each occurs on each side.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    index: FxHashMap<Box<str>, u32>,
    values: Vec<Box<str>>,
    counts: Vec<[u32; 2]>,
    totals: [u64; 2],
}

impl Vocabulary {
    /// The id of `value`, adding it when new, and count one occurrence on `side` (0 or 1).
    pub fn intern(&mut self, value: &str, side: usize) -> u32 {
        let id = match self.index.get(value) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(self.values.len()).unwrap_or(NONE - 1);
                self.values.push(value.into());
                self.counts.push([0, 0]);
                self.index.insert(value.into(), id);
                id
            }
        };
        if let Some(count) = self.counts.get_mut(id as usize) {
            count[side & 1] += 1;
        }
        self.totals[side & 1] += 1;
        id
    }

    #[cfg(test)]
    /// The id of `value` if it occurs.
    pub fn lookup(&self, value: &str) -> Option<u32> {
        self.index.get(value).copied()
    }

    /// The text of value `id` (empty for [`NONE`]).
    pub fn text(&self, id: u32) -> &str {
        self.values.get(id as usize).map_or("", |value| value)
    }

    #[cfg(test)]
    /// Occurrences of value `id` on `side`.
    pub fn count_on(&self, id: u32, side: usize) -> u32 {
        self.counts
            .get(id as usize)
            .map_or(0, |count| count[side & 1])
    }

    /// Occurrences of value `id` on both sides.
    pub fn count(&self, id: u32) -> u32 {
        self.counts
            .get(id as usize)
            .map_or(0, |count| count[0] + count[1])
    }

    /// Relative frequency of value `id` among all values of both sides (0 for [`NONE`]).
    pub fn frequency(&self, id: u32) -> f64 {
        let total = self.totals[0] + self.totals[1];
        if total == 0 {
            return 0.0;
        }
        f64::from(self.count(id)) / total as f64
    }

    /// Number of distinct values.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Probability that two unrelated records agree exactly on this field.
    ///
    /// Counted among pairs of records of the same list (a CRM record with another CRM record):
    /// pairs across the lists would count the true pairs too, and for an identifier such as a
    /// VAT number nearly all agreement across lists comes from true pairs. When deduplicating,
    /// the one list's pairs are all there is. The estimate is at least one over the number of
    /// distinct values, as if two values were drawn at random from the vocabulary.
    pub fn exact_agreement(&self) -> f64 {
        let mut agreeing = 0.0;
        for count in &self.counts {
            for &on_side in count {
                let c = f64::from(on_side);
                agreeing += c * (c - 1.0).max(0.0);
            }
        }
        let pairs: f64 = self
            .totals
            .iter()
            .map(|&total| total as f64 * (total as f64 - 1.0).max(0.0))
            .sum();
        let floor = 1.0 / self.values.len().max(1) as f64;
        if pairs <= 0.0 {
            return floor;
        }
        (agreeing / pairs).max(floor).min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_counts_and_agreement() {
        let mut vocab = Vocabulary::default();
        let berlin = vocab.intern("berlin", 0);
        assert_eq!(vocab.intern("berlin", 1), berlin);
        let bonn = vocab.intern("bonn", 1);
        assert_ne!(berlin, bonn);
        assert_eq!(vocab.text(bonn), "bonn");
        assert_eq!(vocab.count(berlin), 2);
        assert_eq!(vocab.count_on(bonn, 0), 0);
        assert_eq!(vocab.lookup("bonn"), Some(bonn));
        assert_eq!(vocab.text(NONE), "");
        // No two records of one list agree: the floor of one over two distinct values.
        assert!((vocab.exact_agreement() - 0.5).abs() < 1e-12);
        let mut cities = Vocabulary::default();
        for city in ["essen", "essen", "essen", "essen", "bonn", "ulm"] {
            cities.intern(city, 0);
        }
        cities.intern("essen", 1);
        // 12 of the 30 ordered pairs of side 0 agree; side 1 has no pair.
        assert!((cities.exact_agreement() - 0.4).abs() < 1e-12);
        assert!((vocab.frequency(berlin) - 2.0 / 3.0).abs() < 1e-12);
    }
}
