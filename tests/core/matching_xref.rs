//! Cross-reference checks: ERP numbers kept in the CRM are checked against the data.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::matching_fixtures;

use ledgerlink::core::matching::{MatchOptions, XrefStatus, match_lists};
use matching_fixtures::Lists;

#[test]
fn cross_references_are_confirmed_unknown_or_contradicted() {
    let mut lists = Lists::generate(200, 23);
    let erp_id = |lists: &Lists, row: usize| lists.erp_rows[row][0].clone();
    let (good_crm, good_erp) = lists.truth[0];
    let (unknown_crm, unknown_erp) = lists.truth[1];
    let (stale_crm, stale_erp) = lists.truth[2];
    let (_, other_erp) = lists.truth[3];
    // The ERP exports KUNNR zero-padded; the CRM field often lost the zeros.
    let padded = erp_id(&lists, good_erp);
    lists.crm_rows[good_crm][8] = padded.trim_start_matches('0').to_string();
    lists.crm_rows[unknown_crm][8] = "4711".to_string();
    lists.crm_rows[stale_crm][8] = erp_id(&lists, other_erp);
    let output = match_lists(&lists.crm(), &lists.erp(), &MatchOptions::default());
    assert_eq!(output.xref_checks.len(), 3);
    let check = |row: usize| {
        output
            .xref_checks
            .iter()
            .find(|check| check.crm_row == row)
            .expect("a check per filled cross-reference")
    };
    let good = check(good_crm);
    assert_eq!(good.status, XrefStatus::Confirmed);
    assert_eq!(good.suggested_erp_row, Some(good_erp));
    let unknown = check(unknown_crm);
    assert_eq!(unknown.status, XrefStatus::UnknownNumber);
    assert_eq!(unknown.xref, "4711");
    assert_eq!(unknown.suggested_erp_row, Some(unknown_erp));
    let stale = check(stale_crm);
    assert_eq!(stale.status, XrefStatus::Contradicted);
    assert_eq!(stale.suggested_erp_row, Some(stale_erp));
    let stale_pair = output
        .pairs
        .iter()
        .find(|pair| pair.crm_row == stale_crm)
        .expect("the data still pair the record with its real ERP customer");
    assert_eq!(stale_pair.erp_row, stale_erp);
}
