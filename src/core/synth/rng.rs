//! A small deterministic pseudo-random number generator (SplitMix64).
//!
//! The generator must give the same files for the same seed on every machine and in every
//! version of every dependency, so it uses no external crate: SplitMix64 is a few lines, fast, and
//! good enough for test data. Every firm and every chunk of firms draws from its own stream
//! ([`Rng::stream`]), so the output does not depend on the order in which firms are generated.

/// Purposes of independent random streams; the discriminant separates the streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// A firm's identity: country, city, name.
    FirmCore = 1,
    /// The rest of a firm's true data: address, phone, VAT id, presence in the lists.
    FirmDetails = 2,
    /// The CRM view of one firm.
    CrmView = 3,
    /// The ERP view of one firm.
    ErpView = 4,
    /// Shuffling and numbering of one chunk of firms.
    Chunk = 5,
    /// Whether a firm is a look-alike and of which firm.
    Lookalike = 6,
    /// Start values of the id sequences of a whole data set.
    Dataset = 7,
}

/// The SplitMix64 finaliser: a bijective mix of 64 bits.
pub fn mix(value: u64) -> u64 {
    let mut z = value;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A SplitMix64 generator.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng { state: mix(seed) }
    }

    /// An independent stream for one purpose and one index (a firm number, a chunk number).
    pub fn stream(seed: u64, purpose: Stream, index: u64) -> Self {
        let purpose_key = mix((purpose as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        Rng::new(mix(seed ^ purpose_key).wrapping_add(mix(index ^ 0x5851_f42d_4c95_7f2d)))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.state)
    }

    /// A number in `0..bound` (0 when `bound` is 0), without modulo bias worth noticing.
    pub fn below(&mut self, bound: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(bound)) >> 64) as u64
    }

    /// An index into a slice of length `len` (0 when `len` is 0).
    pub fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high.saturating_sub(low) + 1)
    }

    /// A uniform number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with the given probability.
    pub fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    /// One element of a non-empty slice.
    ///
    /// # Panics
    /// On an empty slice; the vocabulary tables are never empty (a unit test checks them).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// The first element with probability `first_share`, otherwise any element.
    ///
    /// # Panics
    /// On an empty slice.
    pub fn pick_mostly_first<'a, T>(&mut self, items: &'a [T], first_share: f64) -> &'a T {
        if self.chance(first_share) {
            &items[0]
        } else {
            self.pick(items)
        }
    }

    /// One element of a non-empty slice of `(item, weight)` pairs, chosen by weight.
    ///
    /// # Panics
    /// On an empty slice.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u64 = items.iter().map(|(_, weight)| u64::from(*weight)).sum();
        let mut ticket = self.below(total);
        for (item, weight) in items {
            let weight = u64::from(*weight);
            if ticket < weight {
                return item;
            }
            ticket -= weight;
        }
        &items[items.len() - 1].0
    }

    /// `count` random decimal digits.
    pub fn digits(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    /// `count` random decimal digits, the first one not zero.
    pub fn digits_nonzero_start(&mut self, count: usize) -> String {
        let mut text = String::with_capacity(count);
        if count > 0 {
            text.push(char::from(b'1' + self.below(9) as u8));
            text.push_str(&self.digits(count - 1));
        }
        text
    }

    /// Shuffle a slice in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for last in (1..items.len()).rev() {
            let other = self.index(last + 1);
            items.swap(last, other);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_gives_same_numbers_on_every_machine() {
        let mut rng = Rng::new(42);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        // Pinned values: a change here changes every generated file.
        let mut again = Rng::new(42);
        assert_eq!(first, (0..3).map(|_| again.next_u64()).collect::<Vec<_>>());
        assert_eq!(mix(0), 0);
        assert_eq!(mix(1), 0x5692_161d_100b_05e5);
    }

    #[test]
    fn streams_differ_by_purpose_and_index() {
        let a = Rng::stream(7, Stream::FirmCore, 1).next_u64();
        let b = Rng::stream(7, Stream::FirmCore, 2).next_u64();
        let c = Rng::stream(7, Stream::FirmDetails, 1).next_u64();
        let d = Rng::stream(8, Stream::FirmCore, 1).next_u64();
        assert!(a != b && a != c && a != d && b != c);
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut rng = Rng::new(1);
        let mut seen = [false; 7];
        for _ in 0..1000 {
            let value = rng.below(7) as usize;
            seen[value] = true;
        }
        assert!(seen.iter().all(|&hit| hit));
        assert_eq!(rng.below(0), 0);
    }

    #[test]
    fn chance_matches_its_probability() {
        let mut rng = Rng::new(3);
        let hits = (0..100_000).filter(|_| rng.chance(0.2)).count();
        assert!((19_000..21_000).contains(&hits), "{hits}");
    }

    #[test]
    fn weighted_respects_weights() {
        let mut rng = Rng::new(5);
        let items = [("a", 9), ("b", 1), ("never", 0)];
        let a = (0..10_000).filter(|_| *rng.weighted(&items) == "a").count();
        assert!((8_700..9_300).contains(&a), "{a}");
        assert!((0..1000).all(|_| *rng.weighted(&items) != "never"));
    }

    #[test]
    fn shuffle_keeps_every_element() {
        let mut rng = Rng::new(9);
        let mut items: Vec<u32> = (0..100).collect();
        rng.shuffle(&mut items);
        assert_ne!(items, (0..100).collect::<Vec<_>>());
        items.sort_unstable();
        assert_eq!(items, (0..100).collect::<Vec<_>>());
    }
}
