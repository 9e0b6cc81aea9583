//! The blocking keys of one record: exact identifiers, name tokens and key combinations, each
//! hashed with its kind into one 64-bit key.

use crate::core::matching::compare::LOCAL_PHONE_DIGITS;
use crate::core::matching::features::{Features, ListFeatures};
use crate::core::matching::field::{Key, KeySet};
use crate::core::matching::vocab::NONE;

/// Name tokens per record (the rarest) that make keys.
const PAIRED_TOKENS: usize = 3;

/// The kinds of blocking key; the tag keeps equal values of different kinds apart.
#[derive(Debug, Clone, Copy)]
#[repr(u8)]
pub(super) enum KeyKind {
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
pub(super) fn key(kind: KeyKind, a: u32, b: u32) -> u64 {
    let mut x =
        (u64::from(a) << 32 | u64::from(b)) ^ (kind as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Which role a list plays when its keys are made (only cross-references differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeySide {
    Left,
    Right,
    Same,
}

/// Push the blocking keys of `row` into `out`.
pub(super) fn record_keys(
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
        // The last seven digits meet a number written nationally on one side and
        // internationally on the other ("+49 431 5550123", "0431/5550123"), or locally
        // without its area code ("555 0123").
        let text = features.vocab(Key::Phone).text(phone);
        let digits = LOCAL_PHONE_DIGITS;
        if text.len() >= digits {
            let tail = text_hash(&text[text.len() - digits..]);
            out.push(key(KeyKind::PhoneTail, tail, 0));
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
