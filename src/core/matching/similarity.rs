//! String similarity measures used by the comparison levels.
//!
//! Jaro-Winkler and the optimal-string-alignment distance are computed here on short ASCII
//! strings with stack buffers and bit masks: `strsim` allocates on every call, which costs more
//! than the comparison itself when millions of candidate pairs are compared. Longer or non-ASCII
//! strings fall back to `strsim`, and the unit tests pin both paths to the same results.

/// Longest string (in bytes) handled by the allocation-free paths.
const FAST_LEN: usize = 64;

/// Characters of each string compared at most: the measures are quadratic in the length, and a
/// 100 KB name without spaces (a pasted blob, a hostile file) would otherwise take seconds per
/// pair. No real name, street or id is this long; beyond it only the start is compared.
pub const MAX_COMPARED_CHARS: usize = 256;

/// `text` cut to its first [`MAX_COMPARED_CHARS`] characters.
fn capped(text: &str) -> &str {
    if text.len() <= MAX_COMPARED_CHARS {
        return text;
    }
    match text.char_indices().nth(MAX_COMPARED_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// Jaro-Winkler similarity in [0, 1] (1 for equal strings), as `strsim::jaro_winkler`.
///
/// ```
/// use ledgerlink::core::matching::jaro_winkler;
/// assert!(jaro_winkler("martha", "marhta") > 0.96);
/// assert_eq!(jaro_winkler("mueller", "mueller"), 1.0);
/// ```
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (a, b) = (capped(a), capped(b));
    let (a_bytes, b_bytes) = (a.as_bytes(), b.as_bytes());
    if a.is_ascii() && b.is_ascii() && a_bytes.len() <= FAST_LEN && b_bytes.len() <= FAST_LEN {
        let sim = jaro_ascii(a_bytes, b_bytes);
        if sim > 0.7 {
            let prefix = a_bytes
                .iter()
                .zip(b_bytes)
                .take(4)
                .take_while(|(x, y)| x == y)
                .count();
            sim + 0.1 * prefix as f64 * (1.0 - sim)
        } else {
            sim
        }
    } else {
        strsim::jaro_winkler(a, b)
    }
}

/// Jaro similarity of two ASCII byte strings of at most 64 bytes, bit-parallel: for each byte
/// of `a`, the still unmatched positions of that byte in `b` within the window are one mask, and
/// the first of them is taken (the same choice as the textbook loop).
fn jaro_ascii(a: &[u8], b: &[u8]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return if a.is_empty() && b.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut positions = [0u64; 128];
    for (j, &ch) in b.iter().enumerate() {
        positions[usize::from(ch & 0x7F)] |= 1u64 << j;
    }
    let below = |n: usize| if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
    let mut a_flags: u64 = 0;
    let mut b_flags: u64 = 0;
    let mut matches = 0usize;
    for (i, &ch) in a.iter().enumerate() {
        let low = i.saturating_sub(window);
        let high = (i + window + 1).min(b.len());
        if low >= high {
            continue;
        }
        let available = positions[usize::from(ch & 0x7F)] & below(high) & !below(low) & !b_flags;
        if available != 0 {
            b_flags |= available & available.wrapping_neg();
            a_flags |= 1u64 << i;
            matches += 1;
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let (mut rest_a, mut rest_b) = (a_flags, b_flags);
    while rest_a != 0 {
        let (i, j) = (rest_a.trailing_zeros(), rest_b.trailing_zeros());
        if a[i as usize] != b[j as usize] {
            transpositions += 1;
        }
        rest_a &= rest_a - 1;
        rest_b &= rest_b - 1;
    }
    let m = matches as f64;
    let t = (transpositions / 2) as f64;
    (m / a.len() as f64 + m / b.len() as f64 + (m - t) / m) / 3.0
}

/// Optimal-string-alignment distance (edits, adjacent transpositions count as one), as
/// `strsim::osa_distance`.
///
/// ```
/// use ledgerlink::core::matching::osa_distance;
/// assert_eq!(osa_distance("19560409", "19650409"), 1);
/// assert_eq!(osa_distance("5304218", "5304281"), 1);
/// assert_eq!(osa_distance("abc", "xyz"), 3);
/// ```
pub fn osa_distance(a: &str, b: &str) -> usize {
    if a == b {
        return 0;
    }
    let (a, b) = (capped(a), capped(b));
    let (a_bytes, b_bytes) = (a.as_bytes(), b.as_bytes());
    if a.is_ascii() && b.is_ascii() && a_bytes.len() < FAST_LEN && b_bytes.len() < FAST_LEN {
        osa_ascii(a_bytes, b_bytes)
    } else {
        strsim::osa_distance(a, b)
    }
}

/// OSA distance of ASCII strings shorter than 64 bytes, with three rotating rows on the stack
/// (row `i` of the dynamic programme lives at `i % 3`).
fn osa_ascii(a: &[u8], b: &[u8]) -> usize {
    const W: usize = FAST_LEN + 1;
    if a.is_empty() {
        return b.len();
    }
    if b.is_empty() {
        return a.len();
    }
    let mut rows = [0usize; 3 * W];
    for (j, cell) in rows.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (current, previous, before) = ((i % 3) * W, ((i + 2) % 3) * W, ((i + 1) % 3) * W);
        rows[current] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[previous + j] + 1)
                .min(rows[current + j - 1] + 1)
                .min(rows[previous + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[before + j - 2] + 1);
            }
            rows[current + j] = best;
        }
    }
    rows[(a.len() % 3) * W + b.len()]
}

#[cfg(test)]
/// Similarity in [0, 1] from the OSA distance: 1 - distance / longer length.
pub fn osa_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (capped(a), capped(b));
    let longer = a.chars().count().max(b.chars().count());
    if longer == 0 {
        return 1.0;
    }
    1.0 - osa_distance(a, b) as f64 / longer as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: [&str; 18] = [
        "",
        "a",
        "martha",
        "marhta",
        "dixon",
        "dicksonx",
        "mueller maschinenbau",
        "muller maschinenbau",
        "pridhamstreet",
        "pridham street",
        "19560409",
        "19650409",
        "crate",
        "trace",
        "münchen",
        "muenchen",
        "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01",
        "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz10",
    ];

    #[test]
    fn fast_paths_agree_with_strsim() {
        for a in WORDS {
            for b in WORDS {
                let expected = strsim::jaro_winkler(a, b);
                assert!(
                    (jaro_winkler(a, b) - expected).abs() < 1e-12,
                    "jaro_winkler({a:?}, {b:?})"
                );
                assert_eq!(
                    osa_distance(a, b),
                    strsim::osa_distance(a, b),
                    "osa({a:?}, {b:?})"
                );
            }
        }
    }

    #[test]
    fn fast_paths_agree_with_strsim_on_random_words() {
        let mut state = 7u64;
        let mut word = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let length = (state >> 59) as usize;
            (0..length)
                .map(|k| b"abcab"[((state >> (k * 3 % 60)) % 5) as usize] as char)
                .collect::<String>()
        };
        for _ in 0..3000 {
            let (a, b) = (word(), word());
            assert!(
                (jaro_winkler(&a, &b) - strsim::jaro_winkler(&a, &b)).abs() < 1e-12,
                "{a:?} {b:?}"
            );
            assert_eq!(
                osa_distance(&a, &b),
                strsim::osa_distance(&a, &b),
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn very_long_strings_are_compared_on_their_start_only() {
        let a = "x".repeat(100_000);
        let b = format!("{}y", "x".repeat(99_999));
        let started = std::time::Instant::now();
        assert_eq!(jaro_winkler(&a, &b), 1.0);
        assert_eq!(osa_distance(&a, &b), 0);
        assert_eq!(osa_similarity(&a, &b), 1.0);
        let umlauts = "ü".repeat(100_000);
        assert!(jaro_winkler(&umlauts, &a) < 0.1);
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(capped(&umlauts).chars().count(), MAX_COMPARED_CHARS);
    }

    #[test]
    fn typical_typos_score_high() {
        assert!(jaro_winkler("neumann", "neumnan") > 0.95);
        assert!(jaro_winkler("smith", "jones") < 0.5);
        assert_eq!(osa_distance("4223", "4232"), 1);
        assert!((osa_similarity("abcd", "abce") - 0.75).abs() < 1e-12);
    }
}
