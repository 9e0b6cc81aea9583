//! Blocking: which pairs are compared at all. Every record yields keys (exact identifiers, name
//! tokens, combinations such as postcode + house number); two records sharing a key are a
//! candidate pair. A key shared by too many records says little and would cost much, so a key
//! whose block would hold more than `max_block_pairs` pairs is skipped: recall comes from the
//! other, more specific keys of the same records. One exception: within one list, a block of
//! one exact (normalised) name is a firm spelled hundreds of times, not noise; each record there
//! is compared with its next few neighbours in the block (a sorted neighbourhood), which chains
//! the whole block together for clustering at a cost linear in its size.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::compare::Comparer;
use super::features::{Features, ListFeatures};
use super::field::{Key, KeySet};
use super::vocab::NONE;

/// Name tokens per record (the rarest) that make keys.
const PAIRED_TOKENS: usize = 3;

/// Records compared after each record in a too-big block of one exact name (one list).
const NEIGHBOURS: usize = 6;

/// The kinds of blocking key; the tag keeps equal values of different kinds apart.
#[derive(Debug, Clone, Copy)]
#[repr(u8)]
enum KeyKind {
    TaxId = 1,
    Phone,
    Domain,
    Date,
    Xref,
    PostcodeHouse,
    StreetHouse,
    Token,
    TokenPair,
    TokenPostcode,
    TokenCity,
    FullName,
    LastName,
    LastPostcode,
    FirstPostcode,
    LastDate,
    FirstDate,
    LastCity,
    FirstCity,
    DatePostcode,
    StreetCity,
    Address2,
    LastHouse,
    StreetWordHouse,
    TokenPostcodeHouse,
    TokenStreet,
    TokenPairPostcode,
    PhoneTail,
    Name,
}

/// Mix a key kind and up to two value ids into one 64-bit key.
fn key(kind: KeyKind, a: u32, b: u32) -> u64 {
    let mut x =
        (u64::from(a) << 32 | u64::from(b)) ^ (kind as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Which role a list plays when its keys are made (only cross-references differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeySide {
    Left,
    Right,
    Same,
}

/// Push the blocking keys of `row` into `out`.
fn record_keys(
    features: &Features,
    list: &ListFeatures,
    row: usize,
    active: KeySet,
    side: KeySide,
    out: &mut Vec<u64>,
) {
    out.clear();
    let value = |key_of: Key| {
        if active.contains(key_of) {
            list.value(row, key_of)
        } else {
            NONE
        }
    };
    let single = |kind: KeyKind, key_of: Key, out: &mut Vec<u64>| {
        let id = value(key_of);
        if id != NONE {
            out.push(key(kind, id, 0));
        }
    };
    single(KeyKind::TaxId, Key::TaxId, out);
    single(KeyKind::Phone, Key::Phone, out);
    single(KeyKind::Domain, Key::Domain, out);
    single(KeyKind::Date, Key::Date, out);
    single(KeyKind::Address2, Key::Address2, out);
    single(KeyKind::LastName, Key::LastName, out);
    if side == KeySide::Same {
        single(KeyKind::Name, Key::Name, out);
    }
    if active.contains(Key::Xref) {
        xref_keys(list, row, side, out);
    }
    let pairs = [
        (KeyKind::PostcodeHouse, Key::Postcode, Key::HouseNumber),
        (KeyKind::StreetHouse, Key::Street, Key::HouseNumber),
        (KeyKind::StreetCity, Key::Street, Key::City),
        (KeyKind::FullName, Key::FirstName, Key::LastName),
        (KeyKind::LastPostcode, Key::LastName, Key::Postcode),
        (KeyKind::FirstPostcode, Key::FirstName, Key::Postcode),
        (KeyKind::LastDate, Key::LastName, Key::Date),
        (KeyKind::FirstDate, Key::FirstName, Key::Date),
        (KeyKind::LastCity, Key::LastName, Key::City),
        (KeyKind::FirstCity, Key::FirstName, Key::City),
        (KeyKind::DatePostcode, Key::Date, Key::Postcode),
        (KeyKind::LastHouse, Key::LastName, Key::HouseNumber),
    ];
    for (kind, first, second) in pairs {
        let (a, b) = (value(first), value(second));
        if a != NONE && b != NONE {
            out.push(key(kind, a, b));
        }
    }
    let phone = value(Key::Phone);
    if phone != NONE {
        // The last eight digits meet a number written nationally on one side and
        // internationally on the other ("+49 431 5550123", "0431/5550123").
        let text = features.vocab(Key::Phone).text(phone);
        if text.len() >= 8 {
            out.push(key(
                KeyKind::PhoneTail,
                text_hash(&text[text.len() - 8..]),
                0,
            ));
        }
    }
    let (street, house) = (value(Key::Street), value(Key::HouseNumber));
    if street != NONE && house != NONE {
        // The street's first word with the house number survives a typo in the street type
        // ("leahy place", "leahy lplace").
        let text = features.vocab(Key::Street).text(street);
        let word = text.split(' ').next().unwrap_or(text);
        out.push(key(KeyKind::StreetWordHouse, text_hash(word), house));
    }
    if active.contains(Key::Name) {
        let place = Place {
            postcode: value(Key::Postcode),
            city: value(Key::City),
            street: value(Key::Street),
            house: value(Key::HouseNumber),
        };
        token_keys(features, list, row, place, out);
    }
}

/// A 32-bit FNV-1a hash of a text, for keys built from part of a value.
fn text_hash(text: &str) -> u32 {
    text.bytes().fold(0x811C_9DC5u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

fn xref_keys(list: &ListFeatures, row: usize, side: KeySide, out: &mut Vec<u64>) {
    let xref = list.value(row, Key::Xref);
    let id = list.ids.get(row).copied().unwrap_or(NONE);
    // Left xref meets right id under tag 0, right xref meets left id under tag 1.
    let (xref_tag, id_tag) = match side {
        KeySide::Left => (0, 1),
        KeySide::Right => (1, 0),
        KeySide::Same => (2, u32::MAX),
    };
    if xref != NONE {
        out.push(key(KeyKind::Xref, xref, xref_tag));
    }
    if id != NONE && id_tag != u32::MAX {
        out.push(key(KeyKind::Xref, id, id_tag));
    }
}

/// Where a record is: the values its name tokens are combined with.
#[derive(Clone, Copy)]
struct Place {
    postcode: u32,
    city: u32,
    street: u32,
    house: u32,
}

/// Keys from the name: its rarest tokens alone, in pairs, and with the place. A token shared by
/// too many records is skipped alone but still counts with the postcode or the street, so the
/// keys stay selective however long the lists grow.
fn token_keys(
    features: &Features,
    list: &ListFeatures,
    row: usize,
    place: Place,
    out: &mut Vec<u64>,
) {
    let all = list.name_tokens(row);
    let mut rarest = [0u32; PAIRED_TOKENS];
    let count = all.len().min(PAIRED_TOKENS);
    if all.len() <= PAIRED_TOKENS {
        rarest[..count].copy_from_slice(all);
    } else {
        let mut sorted: Vec<u32> = all.to_vec();
        sorted.sort_by_key(|&token| features.tokens.count(token));
        rarest.copy_from_slice(&sorted[..PAIRED_TOKENS]);
    }
    let tokens = &rarest[..count];
    for &token in tokens {
        out.push(key(KeyKind::Token, token, 0));
        if place.postcode != NONE {
            out.push(key(KeyKind::TokenPostcode, token, place.postcode));
            if place.house != NONE {
                let spot = mix(place.postcode, place.house);
                out.push(key(KeyKind::TokenPostcodeHouse, token, spot));
            }
        }
        if place.city != NONE {
            out.push(key(KeyKind::TokenCity, token, place.city));
        }
        if place.street != NONE {
            out.push(key(KeyKind::TokenStreet, token, place.street));
        }
    }
    for (i, &a) in tokens.iter().enumerate() {
        for &b in &tokens[i + 1..] {
            out.push(key(KeyKind::TokenPair, a.min(b), a.max(b)));
            if place.postcode != NONE {
                let pair = mix(a.min(b), a.max(b));
                out.push(key(KeyKind::TokenPairPostcode, pair, place.postcode));
            }
        }
    }
}

/// Two value ids folded into one 32-bit value for a key of three parts.
fn mix(a: u32, b: u32) -> u32 {
    let x = (u64::from(a) << 32 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (x >> 32) as u32 ^ x as u32
}

/// Where the right-hand records of one key are, and how many left-hand records share it.
#[derive(Debug, Clone, Copy)]
struct Block {
    start: u32,
    len: u32,
    left_count: u32,
}

/// An index of the right-hand list's keys, queried once per left-hand record.
#[derive(Debug)]
pub struct Blocking<'a> {
    features: &'a Features,
    left: &'a ListFeatures,
    right: &'a ListFeatures,
    active: KeySet,
    same_list: bool,
    blocks: FxHashMap<u64, Block>,
    rows: Vec<u32>,
    max_block_pairs: u64,
}

impl<'a> Blocking<'a> {
    /// Index the right-hand list of `comparer`.
    pub fn new(comparer: &Comparer<'a>, max_block_pairs: u64) -> Blocking<'a> {
        let (left, right) = (comparer.left(), comparer.right());
        let same_list = std::ptr::eq(left, right);
        let active = comparer.active_keys();
        let right_side = if same_list {
            KeySide::Same
        } else {
            KeySide::Right
        };
        let features = comparer.features();
        let mut entries = all_keys(features, right, active, right_side);
        entries.par_sort_unstable();
        let mut blocks: FxHashMap<u64, Block> = FxHashMap::default();
        blocks.reserve(entries.len() / 2);
        let mut rows = Vec::with_capacity(entries.len());
        for (index, &(block_key, row)) in entries.iter().enumerate() {
            rows.push(row);
            let block = blocks.entry(block_key).or_insert(Block {
                start: index as u32,
                len: 0,
                left_count: 0,
            });
            block.len += 1;
        }
        drop(entries);
        if same_list {
            for block in blocks.values_mut() {
                block.left_count = block.len;
            }
        } else {
            for (block_key, _) in all_keys(features, left, active, KeySide::Left) {
                if let Some(block) = blocks.get_mut(&block_key) {
                    block.left_count += 1;
                }
            }
        }
        Blocking {
            features,
            left,
            right,
            active,
            same_list,
            blocks,
            rows,
            max_block_pairs,
        }
    }

    /// The right-hand rows to compare with left-hand record `l`, sorted and distinct (for one
    /// list: only rows after `l`). `keys` is scratch space.
    pub fn candidates(&self, l: usize, keys: &mut Vec<u64>, out: &mut Vec<u32>) {
        out.clear();
        let side = if self.same_list {
            KeySide::Same
        } else {
            KeySide::Left
        };
        record_keys(self.features, self.left, l, self.active, side, keys);
        let name = self.left.value(l, Key::Name);
        let name_key =
            (self.active.contains(Key::Name) && name != NONE).then(|| key(KeyKind::Name, name, 0));
        for block_key in keys.iter() {
            let Some(block) = self.blocks.get(block_key) else {
                continue;
            };
            if self.too_big(block) {
                if self.same_list && Some(*block_key) == name_key {
                    self.neighbours(block, l, out);
                }
                continue;
            }
            let start = block.start as usize;
            let rows = &self.rows[start..start + block.len as usize];
            if self.same_list {
                out.extend(rows.iter().copied().filter(|&r| r as usize > l));
            } else {
                out.extend_from_slice(rows);
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// How left record `l` and right record `r` meet in the index: the blocking keys they
    /// share, and how many of those were skipped because their block was too big.
    pub fn shared_keys(&self, l: usize, r: usize) -> (usize, usize) {
        let (mut left_keys, mut right_keys) = (Vec::new(), Vec::new());
        let (left_side, right_side) = if self.same_list {
            (KeySide::Same, KeySide::Same)
        } else {
            (KeySide::Left, KeySide::Right)
        };
        record_keys(
            self.features,
            self.left,
            l,
            self.active,
            left_side,
            &mut left_keys,
        );
        record_keys(
            self.features,
            self.right,
            r,
            self.active,
            right_side,
            &mut right_keys,
        );
        let (mut shared, mut skipped) = (0, 0);
        for block_key in left_keys.iter().filter(|key| right_keys.contains(key)) {
            shared += 1;
            if self
                .blocks
                .get(block_key)
                .is_none_or(|block| self.too_big(block))
            {
                skipped += 1;
            }
        }
        (shared, skipped)
    }

    /// In a block too big to compare whole that holds one exact name (a firm spelled hundreds
    /// of times in one list), the next [`NEIGHBOURS`] records after `l`: a chain through the
    /// block that clustering then closes, at a cost linear in the block's size.
    fn neighbours(&self, block: &Block, l: usize, out: &mut Vec<u32>) {
        let start = block.start as usize;
        let rows = &self.rows[start..start + block.len as usize];
        let after = rows.partition_point(|&r| r as usize <= l);
        out.extend(rows[after..].iter().take(NEIGHBOURS));
    }

    fn too_big(&self, block: &Block) -> bool {
        let pairs = if self.same_list {
            u64::from(block.len) * u64::from(block.len.saturating_sub(1)) / 2
        } else {
            u64::from(block.len) * u64::from(block.left_count)
        };
        pairs > self.max_block_pairs
    }

    /// The keys the index was built from.
    pub fn active_keys(&self) -> KeySet {
        self.active
    }
}

fn all_keys(
    features: &Features,
    list: &ListFeatures,
    active: KeySet,
    side: KeySide,
) -> Vec<(u64, u32)> {
    (0..list.len())
        .into_par_iter()
        .fold(
            || (Vec::new(), Vec::new()),
            |(mut entries, mut scratch): (Vec<(u64, u32)>, Vec<u64>), row| {
                record_keys(features, list, row, active, side, &mut scratch);
                entries.extend(scratch.iter().map(|&block_key| (block_key, row as u32)));
                (entries, scratch)
            },
        )
        .map(|(entries, _)| entries)
        .reduce(Vec::new, |mut a, mut b| {
            if a.len() < b.len() {
                std::mem::swap(&mut a, &mut b);
            }
            a.extend(b);
            a
        })
}
