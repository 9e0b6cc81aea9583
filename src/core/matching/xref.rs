//! Cross-reference checks: a CRM field that already holds an ERP number is checked against the
//! data, not trusted.
//!
//! * `unknown_number`: no ERP record has that number (the suggestion is the ERP record the
//!   CRM record was paired with, if any);
//! * `confirmed`: the ERP record exists and the data alone, without the cross-reference,
//!   reach the review threshold for that pair;
//! * `contradicted`: the ERP record exists but the data point elsewhere (the suggestion is the
//!   ERP record the CRM record was paired with instead, if any) or nowhere.

use rustc_hash::FxHashMap;

use super::compare::{Comparer, MISSING};
use super::field::{Field, Key};
use super::model::Model;
use super::vocab::NONE;
use super::{MatchOptions, PairSuggestion, XrefCheck, XrefStatus};
use crate::core::model::{Dataset, Role};

/// Check the cross-reference of every CRM record that has one.
pub fn check_xrefs(
    crm: &Dataset,
    comparer: &Comparer<'_>,
    model: &Model,
    pairs: &[PairSuggestion],
    options: &MatchOptions,
) -> Vec<XrefCheck> {
    let (left, right) = (comparer.left(), comparer.right());
    if crm.column_of(Role::Xref).is_none() || !right.has_id {
        return Vec::new();
    }
    let mut erp_by_id: FxHashMap<u32, usize> = FxHashMap::default();
    for (row, &id) in right.ids.iter().enumerate() {
        if id != NONE {
            erp_by_id.entry(id).or_insert(row);
        }
    }
    let paired: FxHashMap<usize, usize> = pairs
        .iter()
        .map(|pair| (pair.crm_row, pair.erp_row))
        .collect();
    let review_weight = model.weight_for(options.review_threshold);
    (0..left.len())
        .filter_map(|l| {
            let raw = crm.value(l, Role::Xref).unwrap_or("").trim();
            let xref = left.value(l, Key::Xref);
            if raw.is_empty() || xref == NONE {
                return None;
            }
            let partner = paired.get(&l).copied();
            let (status, suggested) = match erp_by_id.get(&xref) {
                None => (XrefStatus::UnknownNumber, partner),
                Some(&erp_row) => {
                    let data_weight = data_only_weight(comparer, model, l, erp_row);
                    if data_weight >= review_weight && partner.is_none_or(|p| p == erp_row) {
                        (XrefStatus::Confirmed, Some(erp_row))
                    } else {
                        (XrefStatus::Contradicted, partner.filter(|&p| p != erp_row))
                    }
                }
            };
            Some(XrefCheck {
                crm_row: l,
                xref: raw.to_string(),
                status,
                suggested_erp_row: suggested,
            })
        })
        .collect()
}

/// The weight of a pair without the cross-reference's own contribution.
fn data_only_weight(comparer: &Comparer<'_>, model: &Model, l: usize, r: usize) -> f64 {
    let mut pattern = comparer.compare(l, r);
    pattern.set(Field::Xref, MISSING);
    model.pair_weight(comparer, l, pattern)
}
