//! Legal forms written wrongly: a typo in a short form ("GqbH", "PPLC", "KKG", "N.i."), a
//! spelled-out form with typos or cut short ("Gesellschaft mti beschrankt"), and a form glued to
//! the last word ("GLOBAL PRINTKG"). Only the hand-added (common) spellings are tried, so a rare
//! form of some country does not eat a name's last word.

use super::{FormMatch, TABLE, Table, concat};
use crate::core::normalize::company_words::expand_abbreviation;
use crate::core::normalize::text::Tokens;

/// Shortest folded spelling compared with a spelled-out tail ("gesellschaftmit...").
const SPELLED_OUT: usize = 10;

/// Forms that no word of a name ends with, so they may be split off a glued last token.
const GLUED: [(&str, &str); 8] = [
    ("gmbh", "gmbh"),
    ("kg", "kg"),
    ("ltd", "ltd"),
    ("llc", "llc"),
    ("plc", "plc"),
    ("bv", "bv"),
    ("nv", "nv"),
    ("kgaa", "kgaa"),
];

/// A legal form written with a typo at the end of tokens `lo..hi`, leaving at least one token
/// before it.
pub(crate) fn typo_at_end(
    tokens: &Tokens,
    lo: usize,
    hi: usize,
    country: Option<[u8; 2]>,
) -> Option<FormMatch> {
    if hi < lo + 2 {
        return None;
    }
    let table = &*TABLE;
    let last = tokens.get(hi - 1);
    let length = last.chars().count();
    if (3..=5).contains(&length)
        && !last.chars().any(is_vowel)
        && last.is_ascii()
        && expand_abbreviation(last, false) == last
        && let Some(found) = short_typo(table, last, country)
    {
        return Some(FormMatch {
            key: found,
            tokens: 1,
        });
    }
    let mut folded = String::new();
    for count in (2..=3).rev() {
        if hi < lo + count + 1 || !(hi - count..hi).all(|i| tokens.get(i).len() == 1) {
            continue;
        }
        concat(tokens, hi - count, hi, &mut folded);
        if let Some(found) = short_typo(table, &folded, country) {
            return Some(FormMatch {
                key: found,
                tokens: count,
            });
        }
    }
    for count in (2..=5).rev() {
        if hi < lo + count + 1 {
            continue;
        }
        concat(tokens, hi - count, hi, &mut folded);
        if folded.len() >= SPELLED_OUT
            && let Some(found) = spelled_out(table, &folded, country)
        {
            return Some(FormMatch {
                key: found,
                tokens: count,
            });
        }
    }
    None
}

/// A legal form glued to the last word ("PRINTKG"): the form's key and the length of the word.
pub(crate) fn glued(token: &str) -> Option<(&'static str, usize)> {
    GLUED.iter().find_map(|&(suffix, key)| {
        let rest = token.strip_suffix(suffix)?;
        (rest.len() >= 3 && rest.is_ascii() && rest.chars().any(is_vowel))
            .then_some((key, rest.len()))
    })
}

fn is_vowel(ch: char) -> bool {
    matches!(ch, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// True when a hand-added spelling of `code` applies to a record of `country`.
fn applies(code: [u8; 2], country: Option<[u8; 2]>) -> bool {
    &code == b"**" || Some(code) == country
}

/// A short form one edit away from `folded`, with the same first letter.
fn short_typo(
    table: &'static Table,
    folded: &str,
    country: Option<[u8; 2]>,
) -> Option<&'static str> {
    let first = folded.chars().next()?;
    table
        .hand_sorted
        .iter()
        .filter(|(code, spelling, _)| {
            applies(*code, country)
                && spelling.len() >= 2
                && spelling.len() <= 5
                && spelling.starts_with(first)
                && spelling.as_ref() != folded
                && strsim::osa_distance(spelling, folded) <= 1
        })
        .min_by_key(|(_, _, form)| form.rank)
        .map(|(_, _, form)| table.key(form))
}

/// A spelled-out form within a few typos of `folded`, or whose beginning is (a form cut by a
/// field limit); both start with the same three letters.
fn spelled_out(
    table: &'static Table,
    folded: &str,
    country: Option<[u8; 2]>,
) -> Option<&'static str> {
    let head = folded.get(..3)?;
    let start = table
        .hand_sorted
        .partition_point(|entry| entry.1.as_ref() < head);
    let budget = 1 + folded.len() / 12;
    table.hand_sorted[start..]
        .iter()
        .take_while(|entry| entry.1.starts_with(head))
        .filter(|(code, spelling, _)| {
            if !applies(*code, country) || spelling.len() < SPELLED_OUT {
                return false;
            }
            let whole = strsim::osa_distance(spelling, folded) <= budget;
            let cut = folded.len() >= 12
                && folded.len() + 2 < spelling.len()
                && spelling
                    .get(..folded.len())
                    .is_some_and(|prefix| strsim::osa_distance(prefix, folded) <= budget);
            whole || cut
        })
        .min_by_key(|(_, _, form)| form.rank)
        .map(|(_, _, form)| table.key(form))
}
