//! Proposed account numbers for new ERP customers, for a workshop that assigns them itself:
//! the numbers following the highest existing one, in the style the ERP uses.
//!
//! The ERP's ids are read as a prefix and a run of digits (`100234`, `D-0042`, `K10017`). The
//! prefix most ids share is taken, and new numbers count up from the highest number with it,
//! keeping its width (leading zeros): after `0000100234` comes `0000100235`. They are
//! proposals: the AR clerk checks that they are still free before the import (the ERP may have
//! given numbers away since its export).

use std::collections::HashMap;

use crate::core::model::Side;
use crate::core::project::Project;

use super::records::system_id;

/// Consecutive numbers after the highest existing ERP number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberProposals {
    prefix: String,
    width: usize,
    highest: Option<u128>,
    next: u128,
    given: usize,
}

/// `D-0042` as (`D-`, `0042`); `None` without a trailing run of digits.
fn split_number(id: &str) -> Option<(&str, &str)> {
    let digits_start = id
        .char_indices()
        .rev()
        .take_while(|(_, ch)| ch.is_ascii_digit())
        .last()
        .map(|(index, _)| index)?;
    let (prefix, digits) = id.split_at(digits_start);
    (!prefix.bytes().any(|byte| byte.is_ascii_digit())).then_some((prefix, digits))
}

impl NumberProposals {
    /// Proposals after the highest number of the project's ERP list.
    pub fn after_highest(project: &Project) -> NumberProposals {
        let list = project.list(Side::Erp);
        let ids: Vec<String> = (0..list.len())
            .filter_map(|row| list.record_at(row))
            .map(|record| system_id(&record))
            .collect();
        Self::after_highest_of(ids.iter().map(|id| id.trim()))
    }

    /// Proposals after the highest of `ids`.
    pub fn after_highest_of<'a>(ids: impl Iterator<Item = &'a str>) -> NumberProposals {
        let mut by_prefix: HashMap<&str, (usize, u128, usize)> = HashMap::new();
        for id in ids {
            let Some((prefix, digits)) = split_number(id) else {
                continue;
            };
            let Ok(number) = digits.parse::<u128>() else {
                continue;
            };
            let entry = by_prefix.entry(prefix).or_insert((0, 0, 0));
            entry.0 += 1;
            entry.1 = entry.1.max(number);
            entry.2 = entry.2.max(digits.len());
        }
        let best = by_prefix
            .into_iter()
            .max_by(|left, right| left.1.0.cmp(&right.1.0).then(right.0.cmp(left.0)));
        match best {
            Some((prefix, (_, highest, width))) => NumberProposals {
                prefix: prefix.to_string(),
                width,
                highest: Some(highest),
                next: highest.saturating_add(1),
                given: 0,
            },
            None => NumberProposals {
                prefix: String::new(),
                width: 0,
                highest: None,
                next: 0,
                given: 0,
            },
        }
    }

    /// The next proposal; `None` when the ERP has no numbered id to follow.
    pub fn take_next(&mut self) -> Option<String> {
        self.highest?;
        let number = format!("{}{:0width$}", self.prefix, self.next, width = self.width);
        self.next = self.next.saturating_add(1);
        self.given += 1;
        Some(number)
    }

    /// One sentence for the summary.
    pub fn describe(&self) -> String {
        match self.highest {
            Some(highest) => format!(
                "create_in_erp.csv: the workshop assigns account numbers; {} numbers are proposed \
                 after the highest existing one ({}{:0width$}); check they are still free before \
                 the import",
                self.given,
                self.prefix,
                highest,
                width = self.width
            ),
            None => "create_in_erp.csv: the workshop assigns account numbers, but the ERP ids \
                     hold no number to count on from; fill in the number column"
                .to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proposals(ids: &[&str]) -> NumberProposals {
        NumberProposals::after_highest_of(ids.iter().copied())
    }

    #[test]
    fn numbers_follow_the_highest_with_leading_zeros() {
        let mut numbers = proposals(&["0000100234", "0000100199", "0000099999"]);
        assert_eq!(numbers.take_next().as_deref(), Some("0000100235"));
        assert_eq!(numbers.take_next().as_deref(), Some("0000100236"));
    }

    #[test]
    fn the_most_common_prefix_wins() {
        let mut numbers = proposals(&["D-0042", "D-0007", "X-9999", "free text"]);
        assert_eq!(numbers.take_next().as_deref(), Some("D-0043"));
    }

    #[test]
    fn long_numbers_do_not_overflow() {
        let mut numbers = proposals(&["1234567890123456789"]);
        assert_eq!(numbers.take_next().as_deref(), Some("1234567890123456790"));
    }

    #[test]
    fn no_number_no_proposal() {
        let mut numbers = proposals(&["ACME", ""]);
        assert_eq!(numbers.take_next(), None);
    }
}
