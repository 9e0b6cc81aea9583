//! Record identifiers: 18-character Salesforce ids for the CRM, zero-padded SAP or
//! Business-Central-style customer numbers for the ERP.

use std::fmt;
use std::str::FromStr;

use super::rng::Rng;

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SUFFIX_ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

/// The 18-character form of a 15-character Salesforce id: three check characters, one per five
/// characters, encoding which of them are upper-case letters.
pub fn salesforce_18(id15: &str) -> String {
    let bytes = id15.as_bytes();
    let mut id = String::with_capacity(18);
    id.push_str(id15);
    for chunk in bytes.chunks(5).take(3) {
        let mut flags = 0usize;
        for (bit, byte) in chunk.iter().enumerate() {
            if byte.is_ascii_uppercase() {
                flags |= 1 << bit;
            }
        }
        id.push(char::from(SUFFIX_ALPHABET[flags]));
    }
    id
}

/// Account ids of one org: key prefix "001", a pod, and an increasing record number.
#[derive(Debug, Clone)]
pub struct SalesforceIds {
    next: u64,
}

impl SalesforceIds {
    /// A sequence starting at a seed-dependent record number.
    pub fn new(rng: &mut Rng) -> Self {
        SalesforceIds {
            next: 20_000_000 + rng.below(200_000_000),
        }
    }

    /// The next account id (18 characters); ids increase with small gaps, like an org's.
    pub fn next_id(&mut self, rng: &mut Rng) -> String {
        self.next += 1 + rng.below(4);
        let mut counter = self.next;
        let mut tail = [b'0'; 6];
        for slot in tail.iter_mut().rev() {
            *slot = BASE62[(counter % 62) as usize];
            counter /= 62;
        }
        let mut id15 = String::with_capacity(15);
        id15.push_str("0015g0000");
        id15.extend(tail.iter().map(|&b| char::from(b)));
        salesforce_18(&id15)
    }
}

/// How the ERP numbers its customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ErpIdStyle {
    /// SAP KUNNR: ten digits, zero-padded ("0000104233").
    #[default]
    Sap,
    /// Business Central: "C" and five or more digits ("C10042").
    BusinessCentral,
}

impl FromStr for ErpIdStyle {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "sap" => Ok(ErpIdStyle::Sap),
            "bc" | "business-central" => Ok(ErpIdStyle::BusinessCentral),
            other => Err(format!(
                "unknown ERP id style '{other}' (expected sap or bc)"
            )),
        }
    }
}

impl fmt::Display for ErpIdStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErpIdStyle::Sap => "sap",
            ErpIdStyle::BusinessCentral => "bc",
        })
    }
}

/// Customer numbers of an ERP: increasing, with gaps where customers were deleted.
#[derive(Debug, Clone)]
pub struct ErpNumbers {
    style: ErpIdStyle,
    next: u64,
}

impl ErpNumbers {
    /// The lowest number ever assigned; anything below it never existed.
    pub fn first_number(style: ErpIdStyle) -> u64 {
        match style {
            ErpIdStyle::Sap => 100_000,
            ErpIdStyle::BusinessCentral => 10_000,
        }
    }

    /// A sequence starting a little above the first number.
    pub fn new(style: ErpIdStyle, rng: &mut Rng) -> Self {
        ErpNumbers {
            style,
            next: ErpNumbers::first_number(style) + rng.below(500),
        }
    }

    /// The next number; skipped (deleted) numbers are added to `deleted`.
    pub fn next_number(&mut self, rng: &mut Rng, deleted: &mut Vec<u64>) -> u64 {
        if rng.chance(0.08) {
            for _ in 0..=rng.below(3) {
                deleted.push(self.next);
                self.next += 1;
            }
        }
        let number = self.next;
        self.next += 1;
        number
    }

    /// The number as the ERP exports it.
    pub fn format(&self, number: u64) -> String {
        match self.style {
            ErpIdStyle::Sap => format!("{number:010}"),
            ErpIdStyle::BusinessCentral => format!("C{number:05}"),
        }
    }

    /// The number as someone typed it into a CRM field: without leading zeros, lower case or with
    /// a stray space (never anything a careful id comparison could not undo).
    pub fn format_sloppy(&self, number: u64, rng: &mut Rng) -> String {
        let exact = self.format(number);
        match (self.style, rng.below(3)) {
            (ErpIdStyle::Sap, 0 | 1) => number.to_string(),
            (ErpIdStyle::BusinessCentral, 0) => exact.to_lowercase(),
            (_, 1) => format!(" {exact}"),
            _ => format!("{exact} "),
        }
    }

    /// A number that names no customer: a legacy number from the previous system, or a correct
    /// number with a digit lost.
    pub fn format_nonexistent(&self, near: u64, rng: &mut Rng) -> String {
        if rng.chance(0.5) {
            // A digit lost: the number falls below the first number ever assigned.
            let digits = near.to_string();
            let drop_at = 1 + rng.index(digits.len().saturating_sub(1).max(1));
            let shorter: String = digits
                .char_indices()
                .filter(|(at, _)| *at != drop_at)
                .map(|(_, c)| c)
                .collect();
            let number: u64 = shorter.parse().unwrap_or(0);
            self.format(number)
        } else {
            match rng.below(3) {
                0 => format!("K-{}", rng.between(1000, 9999)),
                1 => format!("D{}", rng.between(10_000, 99_999)),
                _ => format!("ALT{}", rng.between(100, 999)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salesforce_check_suffix_matches_salesforce() {
        // A documented pair: 15-char id and its 18-char form.
        assert_eq!(salesforce_18("001A000001HaS9n"), "001A000001HaS9nIAF");
        assert_eq!(salesforce_18("0015g00000abcde"), "0015g00000abcdeAAA");
    }

    #[test]
    fn salesforce_ids_increase_and_have_18_characters() {
        let mut rng = Rng::new(1);
        let mut ids = SalesforceIds::new(&mut rng);
        let first = ids.next_id(&mut rng);
        let second = ids.next_id(&mut rng);
        assert_eq!(first.len(), 18);
        assert!(first.starts_with("001"));
        assert_ne!(first, second);
    }

    #[test]
    fn sap_numbers_keep_their_leading_zeros() {
        let mut rng = Rng::new(2);
        let mut numbers = ErpNumbers::new(ErpIdStyle::Sap, &mut rng);
        let mut deleted = Vec::new();
        let number = numbers.next_number(&mut rng, &mut deleted);
        let text = numbers.format(number);
        assert_eq!(text.len(), 10);
        assert!(text.starts_with("0000"));
        let bc = ErpNumbers::new(ErpIdStyle::BusinessCentral, &mut rng);
        assert!(bc.format(10_042).starts_with('C'));
    }

    #[test]
    fn nonexistent_numbers_are_below_the_first_or_not_numbers() {
        let mut rng = Rng::new(3);
        let numbers = ErpNumbers::new(ErpIdStyle::Sap, &mut rng);
        for _ in 0..100 {
            let text = numbers.format_nonexistent(104_233, &mut rng);
            if let Ok(value) = text.parse::<u64>() {
                assert!(value < ErpNumbers::first_number(ErpIdStyle::Sap), "{text}");
            }
        }
    }
}
