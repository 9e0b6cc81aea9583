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

mod keys;

use keys::{KeyKind, KeySide, key, record_keys};

/// Records compared after each record in a too-big block of one exact name (one list).
const NEIGHBOURS: usize = 6;

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
