//! Exact names as cluster seeds, for duplicates within one list. A firm spelled hundreds of times
//! ("UNILEVER N.V.", "Unilever NV", "* UNILEVER NV, VLAARDINGEN") has a name that term
//! frequency calls common, and sites whose addresses differ; pair by pair its records look
//! weak. Records whose normalised names are equal, where that name is frequent (at least
//! [`SEED_MIN`] records) and holds a word that is not generic ("Autohaus Zentrum" stays apart),
//! therefore start as one group, unless their VAT numbers or web domains differ or a person
//! rejected the pair. Groups then merge by average linkage, the probability
//! between two groups estimated from a few members of each, so the cost does not grow with the
//! square of a group's size.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::compare::Comparer;
use super::field::{Field, Key};
use super::vocab::NONE;
use crate::core::normalize::company_words::is_generic_word;

/// Members of each group whose pairs estimate the probability between two groups.
const SAMPLE: usize = 4;

/// Records a name must have to seed a group: below this, blocking compares them all pairwise
/// and a name shared by two or three records in different places may well be two firms.
const SEED_MIN: u32 = 10;

/// Name similarity from which a record joins a big seed (one typo in a name of a few words).
const NEAR_NAME: f64 = 0.92;

/// Per row, the name id that seeds its group ([`NONE`] when the name may not seed).
pub fn name_seeds(comparer: &Comparer<'_>) -> Vec<u32> {
    let list = comparer.left();
    let tokens = &comparer.features().tokens;
    let names = comparer.features().vocab(Key::Name);
    if !comparer.active().contains(Field::Name) {
        return vec![NONE; list.len()];
    }
    (0..list.len())
        .into_par_iter()
        .map(|row| {
            let specific = list.name_tokens(row).iter().any(|&token| {
                let text = tokens.text(token);
                text.chars().count() >= 3 && !is_generic_word(text)
            });
            let name = list.value(row, Key::Name);
            if specific && name != NONE && names.count(name) >= SEED_MIN {
                name
            } else {
                NONE
            }
        })
        .collect()
}

/// Edges that join every seed's rows into one chain (for the connected components).
pub fn seed_edges(seeds: &[u32]) -> Vec<(u32, u32)> {
    let mut last: FxHashMap<u32, u32> = FxHashMap::default();
    let mut edges = Vec::new();
    for (row, &seed) in seeds.iter().enumerate() {
        if seed == NONE {
            continue;
        }
        if let Some(previous) = last.insert(seed, row as u32) {
            edges.push((previous, row as u32));
        }
    }
    edges
}

/// The starting groups of a component: its rows by seed; a row whose VAT number or web domain
/// differs from its seed's first row, or that `rejected` says was rejected with it, stands
/// alone.
pub fn seed_groups(
    comparer: &Comparer<'_>,
    seeds: &[u32],
    members: &[u32],
    rejected: impl Fn(u32, u32) -> bool,
) -> Vec<Vec<u32>> {
    let mut by_seed: FxHashMap<u32, usize> = FxHashMap::default();
    let mut groups: Vec<Vec<u32>> = Vec::new();
    for &row in members {
        let seed = seeds.get(row as usize).copied().unwrap_or(NONE);
        let group = (seed != NONE)
            .then(|| by_seed.get(&seed).copied())
            .flatten();
        let fits = group.is_some_and(|group| {
            let first = groups[group][0];
            if groups[group].iter().any(|&member| rejected(member, row)) {
                return false;
            }
            compatible(comparer, first.min(row) as usize, first.max(row) as usize)
        });
        match group {
            Some(group) if fits => groups[group].push(row),
            _ => {
                if seed != NONE && group.is_none() {
                    by_seed.insert(seed, groups.len());
                }
                groups.push(vec![row]);
            }
        }
    }
    groups
}

/// Records spelled one typo away from a big seed's name ("Felxpoint GmbH" next to 300 times
/// "Flexpoint GmbH") join that seed: the same number of name words, nearly the same words, and
/// no VAT number or web domain that differs.
pub fn absorb_near_names(comparer: &Comparer<'_>, groups: &mut Vec<Vec<u32>>) {
    let big: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].len() >= SEED_MIN as usize)
        .collect();
    if big.is_empty() {
        return;
    }
    let list = comparer.left();
    for g in 0..groups.len() {
        if groups[g].len() >= SEED_MIN as usize || groups[g].is_empty() {
            continue;
        }
        let row = groups[g][0];
        let target = big.iter().copied().find(|&b| {
            let seed = groups[b][0];
            let (low, high) = (row.min(seed) as usize, row.max(seed) as usize);
            list.name_tokens(low).len() == list.name_tokens(high).len()
                && comparer.name_similarity(low, high) >= NEAR_NAME
                && compatible(comparer, low, high)
        });
        if let Some(b) = target {
            let moved = std::mem::take(&mut groups[g]);
            groups[b].extend(moved);
        }
    }
    groups.retain(|group| !group.is_empty());
}

/// No VAT number or web domain that differs between rows `low` and `high`.
fn compatible(comparer: &Comparer<'_>, low: usize, high: usize) -> bool {
    let pattern = comparer.compare(low, high);
    [Field::TaxId, Field::Domain]
        .iter()
        .all(|&field| pattern.level(field) != field.different())
}

/// Average linkage over `groups`: two groups merge while the average probability between them
/// reaches `review` and none falls below `floor`. `probability` gives one pair's probability.
pub fn average_linkage(
    mut groups: Vec<Vec<u32>>,
    probability: impl Fn(u32, u32) -> f64 + Sync,
    review: f64,
    floor: f64,
) -> Vec<Vec<u32>> {
    let n = groups.len();
    // Between groups: the estimated sum and the minimum of the members' probabilities,
    // updated on every merge (Lance-Williams), so a merge costs one pass over the groups.
    let estimates: Vec<Vec<(f64, f64)>> = (0..n)
        .into_par_iter()
        .map(|a| {
            (a + 1..n)
                .map(|b| estimate(&groups[a], &groups[b], &probability))
                .collect()
        })
        .collect();
    let mut sum = vec![0.0f64; n * n];
    let mut min = vec![f64::INFINITY; n * n];
    for (a, row) in estimates.iter().enumerate() {
        for (offset, &(total, least)) in row.iter().enumerate() {
            let b = a + 1 + offset;
            (sum[a * n + b], sum[b * n + a]) = (total, total);
            (min[a * n + b], min[b * n + a]) = (least, least);
        }
    }
    drop(estimates);
    let mut alive: Vec<usize> = (0..n).collect();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for (x, &a) in alive.iter().enumerate() {
            for &b in &alive[x + 1..] {
                let average = sum[a * n + b] / (groups[a].len() * groups[b].len()) as f64;
                if average >= review
                    && min[a * n + b] >= floor
                    && best.is_none_or(|(score, _, _)| average > score)
                {
                    best = Some((average, a, b));
                }
            }
        }
        let Some((_, a, b)) = best else { break };
        alive.retain(|&c| c != b);
        for &c in alive.iter().filter(|&&c| c != a) {
            let total = sum[a * n + c] + sum[b * n + c];
            let least = min[a * n + c].min(min[b * n + c]);
            (sum[a * n + c], sum[c * n + a]) = (total, total);
            (min[a * n + c], min[c * n + a]) = (least, least);
        }
        let moved = std::mem::take(&mut groups[b]);
        groups[a].extend(moved);
    }
    alive
        .into_iter()
        .map(|a| std::mem::take(&mut groups[a]))
        .filter(|group| group.len() > 1)
        .collect()
}

/// The sum of the probabilities between groups `a` and `b` (exact for small groups, else
/// scaled up from the first [`SAMPLE`] members of each) and their minimum among those compared.
fn estimate(a: &[u32], b: &[u32], probability: &impl Fn(u32, u32) -> f64) -> (f64, f64) {
    let (a_part, b_part) = (&a[..a.len().min(SAMPLE)], &b[..b.len().min(SAMPLE)]);
    let (mut total, mut least) = (0.0, f64::INFINITY);
    for &x in a_part {
        for &y in b_part {
            let p = probability(x, y);
            total += p;
            least = least.min(p);
        }
    }
    let scale = (a.len() * b.len()) as f64 / (a_part.len() * b_part.len()) as f64;
    (total * scale, least)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_merge_while_their_average_holds() {
        // Rows 0-2 alike, 3 alike to none; 4 alike to 0 only weakly.
        let probability = |a: u32, b: u32| match (a.min(b), a.max(b)) {
            (0, 1) | (0, 2) | (1, 2) => 0.9,
            (0, 4) => 0.3,
            _ => 0.0,
        };
        let groups = (0..5).map(|row| vec![row]).collect();
        let mut clusters = average_linkage(groups, probability, 0.1, 0.05);
        clusters
            .iter_mut()
            .for_each(|cluster| cluster.sort_unstable());
        assert_eq!(clusters, vec![vec![0, 1, 2]]);
        let seeded = vec![vec![0, 1], vec![2], vec![3]];
        assert_eq!(average_linkage(seeded, probability, 0.1, 0.05).len(), 1);
        assert_eq!(seed_edges(&[7, NONE, 7, 9, 7]), vec![(0, 2), (2, 4)]);
    }
}
