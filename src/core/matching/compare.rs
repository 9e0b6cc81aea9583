//! Comparison levels: two records' keys compared field by field into a [`Pattern`] of levels
//! (exact, close, fuzzy, partial, different, or missing when either side has no value).

use super::address::{location_level, street_level};
use super::features::{Features, ListFeatures};
use super::field::{Field, FieldSet, Key, KeySet, Pattern};
use super::similarity::{jaro_winkler, osa_distance};
use super::vocab::NONE;

/// Level indices shared by every field (see [`Field::levels`]).
pub const MISSING: u8 = 0;
/// Both values equal.
pub const EXACT: u8 = 1;
/// One step below exact.
pub const CLOSE: u8 = 2;
/// Two steps below exact.
pub const FUZZY: u8 = 3;
/// Three steps below exact (names only).
pub const PARTIAL: u8 = 4;

/// Digits of a local phone number written without its area code.
pub const LOCAL_PHONE_DIGITS: usize = 7;

/// Name tokens compared per name (longer names are rare; their tail is ignored).
const MAX_NAME_TOKENS: usize = 12;

/// Name similarity from which two names count as `close`, `fuzzy` and `partial`.
const NAME_CLOSE: f64 = 0.92;
const NAME_FUZZY: f64 = 0.8;
const NAME_PARTIAL: f64 = 0.6;

/// Share of one name's weight found in the other from which it counts as contained.
const CONTAINED: f64 = 0.95;

/// Compares records of two lists (or of one list with itself).
#[derive(Debug)]
pub struct Comparer<'a> {
    features: &'a Features,
    left: &'a ListFeatures,
    right: &'a ListFeatures,
    active: FieldSet,
    active_keys: KeySet,
    same_list: bool,
    token_weights: Vec<f32>,
}

impl<'a> Comparer<'a> {
    /// A comparer of list `left` against list `right` of `features` (the same index to find
    /// duplicates within one list).
    pub fn new(features: &'a Features, left: usize, right: usize) -> Comparer<'a> {
        let left_list = &features.lists[left];
        let right_list = &features.lists[right];
        let same_list = left == right;
        let mut active_keys = left_list.mapped.intersection(right_list.mapped);
        let xref_usable = if same_list {
            left_list.mapped.contains(Key::Xref)
        } else {
            (left_list.mapped.contains(Key::Xref) && right_list.has_id)
                || (right_list.mapped.contains(Key::Xref) && left_list.has_id)
        };
        if xref_usable {
            active_keys.insert(Key::Xref);
        } else {
            active_keys.0 &= !(1 << Key::Xref.index());
        }
        let mut active = FieldSet::default();
        for field in Field::ALL {
            if field.keys().iter().any(|&key| active_keys.contains(key)) {
                active.insert(field);
            }
        }
        let records = features
            .lists
            .iter()
            .map(ListFeatures::len)
            .sum::<usize>()
            .max(1);
        let token_weights = (0..features.tokens.len())
            .map(|token| {
                let count = f64::from(features.tokens.count(token as u32).max(1));
                ((records as f64 / count).log2().max(0.5)) as f32
            })
            .collect();
        Comparer {
            features,
            left: left_list,
            right: right_list,
            active,
            active_keys,
            same_list,
            token_weights,
        }
    }

    /// The fields compared (some key of theirs mapped on both sides).
    pub fn active(&self) -> FieldSet {
        self.active
    }

    /// The keys mapped on both sides (the cross-reference when it can meet an id).
    pub fn active_keys(&self) -> KeySet {
        self.active_keys
    }

    /// The features compared.
    pub fn features(&self) -> &'a Features {
        self.features
    }

    /// The left list.
    pub fn left(&self) -> &'a ListFeatures {
        self.left
    }

    /// The right list.
    pub fn right(&self) -> &'a ListFeatures {
        self.right
    }

    /// The comparison vector of left record `l` and right record `r`.
    pub fn compare(&self, l: usize, r: usize) -> Pattern {
        let mut pattern = Pattern::default();
        for field in self.active.fields() {
            let level = match field {
                Field::Name => self.name_level(l, r),
                Field::Xref => self.xref_level(l, r),
                Field::Street => street_level(self, l, r),
                Field::Location => location_level(self, l, r),
                _ => self.value_level(field, l, r),
            };
            pattern.set(field, level);
        }
        if self.active.contains(Field::FirstName) && self.active.contains(Field::LastName) {
            self.detect_swapped_names(l, r, &mut pattern);
        }
        pattern
    }

    /// The ids of `key` for left record `l` and right record `r`.
    pub fn ids(&self, key: Key, l: usize, r: usize) -> (u32, u32) {
        if self.active_keys.contains(key) {
            (self.left.value(l, key), self.right.value(r, key))
        } else {
            (NONE, NONE)
        }
    }

    /// The texts of two value ids of `key`.
    pub fn texts(&self, key: Key, ids: (u32, u32)) -> (&'a str, &'a str) {
        let vocab = self.features.vocab(key);
        (vocab.text(ids.0), vocab.text(ids.1))
    }

    fn value_level(&self, field: Field, l: usize, r: usize) -> u8 {
        let key = field.keys()[0];
        let ids = self.ids(key, l, r);
        if ids.0 == NONE || ids.1 == NONE {
            return MISSING;
        }
        if ids.0 == ids.1 {
            return EXACT;
        }
        let (a, b) = self.texts(key, ids);
        let different = field.different();
        match field {
            Field::FirstName | Field::LastName => {
                let similarity = jaro_winkler(a, b);
                if similarity >= 0.92 || equal_without_spaces(a, b) {
                    CLOSE
                } else if similarity >= 0.8 {
                    FUZZY
                } else {
                    different
                }
            }
            Field::Address2 => {
                if jaro_winkler(a, b) >= 0.88 {
                    CLOSE
                } else {
                    different
                }
            }
            Field::TaxId => {
                if a.len() >= 4 && osa_distance(a, b) <= 1 {
                    CLOSE
                } else {
                    different
                }
            }
            Field::Phone => {
                // A local seven-digit number ("555 0123", the area code left out) agrees with
                // the full number on its last seven digits.
                let local = a.len().min(b.len()) == LOCAL_PHONE_DIGITS;
                if same_tail(a, b, 8) || (local && same_tail(a, b, LOCAL_PHONE_DIGITS)) {
                    CLOSE
                } else {
                    different
                }
            }
            Field::Date => date_level(a, b),
            _ => different,
        }
    }

    fn xref_level(&self, l: usize, r: usize) -> u8 {
        let left_xref = self.left.value(l, Key::Xref);
        let right_xref = self.right.value(r, Key::Xref);
        if self.same_list {
            return match (left_xref, right_xref) {
                (NONE, _) | (_, NONE) => MISSING,
                (a, b) if a == b => EXACT,
                _ => Field::Xref.different(),
            };
        }
        let forward = (left_xref, self.right.ids.get(r).copied().unwrap_or(NONE));
        let backward = (right_xref, self.left.ids.get(l).copied().unwrap_or(NONE));
        let mut seen = false;
        for (xref, id) in [forward, backward] {
            if xref != NONE && id != NONE {
                if xref == id {
                    return EXACT;
                }
                seen = true;
            }
        }
        if seen {
            Field::Xref.different()
        } else {
            MISSING
        }
    }

    fn name_level(&self, l: usize, r: usize) -> u8 {
        let (a, b) = (
            self.left.value(l, Key::Name),
            self.right.value(r, Key::Name),
        );
        if a == NONE || b == NONE {
            return MISSING;
        }
        if a == b {
            return EXACT;
        }
        let similarity = self.name_similarity(l, r);
        if similarity >= NAME_CLOSE {
            CLOSE
        } else if similarity >= NAME_FUZZY {
            FUZZY
        } else if similarity >= NAME_PARTIAL {
            PARTIAL
        } else {
            Field::Name.different()
        }
    }

    /// How alike two names are, in [0, 1]: tokens matched exactly or nearly, each weighed by
    /// how rare it is (a shared "Bank" counts for little), averaged over both directions.
    pub fn name_similarity(&self, l: usize, r: usize) -> f64 {
        let (a, b) = (
            self.left.value(l, Key::Name),
            self.right.value(r, Key::Name),
        );
        if a == NONE || b == NONE {
            return 0.0;
        }
        if a == b {
            return 1.0;
        }
        let vocab = self.features.vocab(Key::Name);
        let (text_a, text_b) = (vocab.text(a), vocab.text(b));
        if equal_without_spaces(text_a, text_b) {
            return 0.97;
        }
        let tokens_a = self.left.name_tokens(l);
        let tokens_b = self.right.name_tokens(r);
        let tokens_a = &tokens_a[..tokens_a.len().min(MAX_NAME_TOKENS)];
        let tokens_b = &tokens_b[..tokens_b.len().min(MAX_NAME_TOKENS)];
        // Every token pair is compared once; each token keeps its best partner.
        let mut best_a = [0.0f64; MAX_NAME_TOKENS];
        let mut best_b = [0.0f64; MAX_NAME_TOKENS];
        for (i, &x) in tokens_a.iter().enumerate() {
            for (j, &y) in tokens_b.iter().enumerate() {
                let similarity = self.token_similarity(x, y);
                best_a[i] = best_a[i].max(similarity);
                best_b[j] = best_b[j].max(similarity);
            }
        }
        let forward = self.coverage(tokens_a, &best_a);
        let backward = self.coverage(tokens_b, &best_b);
        let average = (forward + backward) / 2.0;
        // One name wholly inside the other ("Omega Consulting" in "Omega Consulting Head
        // Office"): a site or branch spelling, at least `fuzzy`; the address decides.
        if forward.max(backward) >= CONTAINED {
            average.max(NAME_FUZZY)
        } else {
            average
        }
    }

    /// Share of the weight of `tokens` found in the other name, given each token's best match.
    fn coverage(&self, tokens: &[u32], best: &[f64]) -> f64 {
        let mut total = 0.0;
        let mut found = 0.0;
        for (&token, &similarity) in tokens.iter().zip(best) {
            let weight = f64::from(
                self.token_weights
                    .get(token as usize)
                    .copied()
                    .unwrap_or(1.0),
            );
            total += weight;
            found += weight * similarity;
        }
        if total > 0.0 { found / total } else { 0.0 }
    }

    fn token_similarity(&self, a: u32, b: u32) -> f64 {
        if a == b {
            return 1.0;
        }
        let (text_a, text_b) = (self.features.tokens.text(a), self.features.tokens.text(b));
        let (shorter, longer) = if text_a.len() <= text_b.len() {
            (text_a, text_b)
        } else {
            (text_b, text_a)
        };
        if shorter.len() >= 4 && longer.starts_with(shorter) {
            return 0.9;
        }
        let similarity = jaro_winkler(text_a, text_b);
        if similarity >= 0.88 { similarity } else { 0.0 }
    }

    /// First and last name exported the other way round count as close on both.
    fn detect_swapped_names(&self, l: usize, r: usize, pattern: &mut Pattern) {
        if pattern.level(Field::FirstName) == EXACT || pattern.level(Field::LastName) == EXACT {
            return;
        }
        let features = self.features;
        let text = |list: &ListFeatures, row: usize, key: Key| {
            features.vocab(key).text(list.value(row, key))
        };
        let (first_l, last_l) = (
            text(self.left, l, Key::FirstName),
            text(self.left, l, Key::LastName),
        );
        let (first_r, last_r) = (
            text(self.right, r, Key::FirstName),
            text(self.right, r, Key::LastName),
        );
        let crossed = |a: &str, b: &str| !a.is_empty() && jaro_winkler(a, b) >= 0.92;
        if crossed(first_l, last_r) && crossed(last_l, first_r) {
            pattern.set(Field::FirstName, CLOSE);
            pattern.set(Field::LastName, CLOSE);
        }
    }
}

/// True when both texts are equal once spaces are dropped ("pridham street", "pridhamstreet").
pub fn equal_without_spaces(a: &str, b: &str) -> bool {
    fn strip(text: &str) -> impl Iterator<Item = u8> + '_ {
        text.bytes().filter(|&byte| byte != b' ')
    }
    a.len().abs_diff(b.len()) <= a.len().max(b.len()) / 2 && strip(a).eq(strip(b))
}

/// True when the last `digits` characters of both values agree (and both are that long).
fn same_tail(a: &str, b: &str, digits: usize) -> bool {
    a.len() >= digits && b.len() >= digits && a[a.len() - digits..] == b[b.len() - digits..]
}

/// Dates: one typo or day and month swapped is close, two edits fuzzy.
fn date_level(a: &str, b: &str) -> u8 {
    let distance = osa_distance(a, b);
    let swapped = a.len() == 10
        && b.len() == 10
        && a.get(..4) == b.get(..4)
        && a.get(5..7) == b.get(8..10)
        && a.get(8..10) == b.get(5..7);
    if distance <= 1 || swapped {
        CLOSE
    } else if distance <= 2 {
        FUZZY
    } else {
        Field::Date.different()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_with_one_typo_or_swapped_day_are_close() {
        assert_eq!(date_level("1956-04-09", "1956-04-08"), CLOSE);
        assert_eq!(date_level("1956-04-09", "1956-09-04"), CLOSE);
        assert_eq!(date_level("1956-04-09", "1965-04-08"), FUZZY);
        assert_eq!(
            date_level("1956-04-09", "1987-11-23"),
            Field::Date.different()
        );
    }

    #[test]
    fn spaces_do_not_matter_for_equality() {
        assert!(equal_without_spaces("pridham street", "pridhamstreet"));
        assert!(!equal_without_spaces("pridham street", "pridham road"));
    }

    #[test]
    fn phone_tails() {
        assert!(same_tail("4930123456", "030123456", 8));
        assert!(!same_tail("4930123456", "4930123457", 8));
        assert!(!same_tail("123", "123", 8));
        assert!(same_tail("13125550123", "5550123", LOCAL_PHONE_DIGITS));
    }
}
