//! `match_lists` on generated company lists: quality, bands, reasons, one-to-one, labels.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::matching_fixtures;

use std::collections::HashSet;

use ledgerlink::core::matching::{Band, Label, MatchOptions, match_lists};
use matching_fixtures::{Firm, Lists, Random, crm_row, erp_row};

fn precision_recall(lists: &Lists, pairs: &[(usize, usize)]) -> (f64, f64) {
    let truth: HashSet<(usize, usize)> = lists.truth.iter().copied().collect();
    let hits = pairs.iter().filter(|pair| truth.contains(pair)).count();
    (
        hits as f64 / pairs.len().max(1) as f64,
        hits as f64 / truth.len().max(1) as f64,
    )
}

#[test]
fn generated_lists_are_matched_accurately_and_one_to_one() {
    let lists = Lists::generate(400, 7);
    let output = match_lists(&lists.crm(), &lists.erp(), &MatchOptions::default());
    let pairs: Vec<(usize, usize)> = output
        .pairs
        .iter()
        .map(|p| (p.crm_row, p.erp_row))
        .collect();
    let (precision, recall) = precision_recall(&lists, &pairs);
    assert!(precision >= 0.97, "precision {precision}");
    assert!(recall >= 0.95, "recall {recall}");
    let erp_rows: HashSet<usize> = pairs.iter().map(|pair| pair.1).collect();
    assert_eq!(
        erp_rows.len(),
        pairs.len(),
        "an ERP record was paired twice"
    );
    let crm_rows: HashSet<usize> = pairs.iter().map(|pair| pair.0).collect();
    assert_eq!(crm_rows.len(), pairs.len(), "a CRM record was paired twice");
    assert!(output.compared_pairs > 0);
    assert!(
        output.compared_pairs < (lists.crm_rows.len() * lists.erp_rows.len()) as u64 / 10,
        "blocking compared {} pairs",
        output.compared_pairs
    );
    let truth: HashSet<(usize, usize)> = lists.truth.iter().copied().collect();
    let auto: Vec<_> = output
        .pairs
        .iter()
        .filter(|p| p.band == Band::Auto)
        .collect();
    assert!(auto.len() * 2 > pairs.len(), "most pairs should be auto");
    for pair in auto {
        assert!(
            truth.contains(&(pair.crm_row, pair.erp_row)),
            "wrong auto pair {pair:?}"
        );
        assert!(pair.probability >= 0.999);
    }
    for pair in &output.pairs {
        assert!((0.0..=1.0).contains(&pair.probability));
        assert!(!pair.reason.is_empty());
        assert!(!pair.contributions.is_empty());
    }
}

#[test]
fn same_vat_number_is_auto_and_said_so() {
    let mut lists = Lists::generate(200, 11);
    let mut random = Random::new(5);
    let mut firm = Firm::generate(0, &mut random);
    firm.name = "Quendler Präzisionswerkzeuge".to_string();
    firm.vat = "812345678".to_string();
    let mut crm = crm_row("CRM-VAT", &firm, &mut random, "");
    crm[7] = "DE812345678".to_string();
    let mut erp = erp_row("ERP-VAT", &firm, &mut random);
    erp[7] = "DE 812 345 678".to_string();
    lists.crm_rows.push(crm);
    lists.erp_rows.push(erp);
    let (crm_at, erp_at) = (lists.crm_rows.len() - 1, lists.erp_rows.len() - 1);
    let output = match_lists(&lists.crm(), &lists.erp(), &MatchOptions::default());
    let pair = output
        .pairs
        .iter()
        .find(|pair| pair.crm_row == crm_at)
        .expect("the planted firm is paired");
    assert_eq!(pair.erp_row, erp_at);
    assert_eq!(pair.band, Band::Auto);
    assert!(pair.reason.contains("same VAT number"), "{}", pair.reason);
    let vat = pair
        .contributions
        .iter()
        .find(|c| c.field == "VAT number")
        .expect("VAT contribution");
    assert_eq!(vat.level, "exact");
    assert!(vat.weight > 5.0);
}

#[test]
fn look_alike_firm_in_another_city_is_not_auto() {
    let mut lists = Lists::generate(200, 13);
    let mut random = Random::new(9);
    let mut crm_firm = Firm::generate(3, &mut random);
    crm_firm.name = "Oberbacher Feinkost".to_string();
    let mut erp_firm = crm_firm.clone();
    erp_firm.city = (crm_firm.city + 5) % 12;
    erp_firm.postcode = "99123".to_string();
    erp_firm.street = "Lindenallee".to_string();
    erp_firm.number = crm_firm.number + 40;
    erp_firm.phone = format!("{}9", &crm_firm.phone[..crm_firm.phone.len() - 1]).replace('1', "7");
    erp_firm.vat = "555555555".to_string();
    erp_firm.domain = "oberbacher-feinkost-sued.de".to_string();
    let mut crm = crm_row("CRM-LOOKALIKE", &crm_firm, &mut random, "");
    crm[7] = "DE321654987".to_string();
    let mut erp = erp_row("ERP-LOOKALIKE", &erp_firm, &mut random);
    erp[1] = "OBERBACHER FEINKOST GMBH".to_string();
    erp[7] = "DE555555555".to_string();
    lists.crm_rows.push(crm);
    lists.erp_rows.push(erp);
    let crm_at = lists.crm_rows.len() - 1;
    let output = match_lists(&lists.crm(), &lists.erp(), &MatchOptions::default());
    if let Some(pair) = output.pairs.iter().find(|pair| pair.crm_row == crm_at) {
        assert_eq!(
            pair.band,
            Band::Review,
            "look-alike paired automatically: {pair:?}"
        );
        assert!(pair.reason.contains("different"), "{}", pair.reason);
    }
}

#[test]
fn rejected_pairs_are_never_suggested_again_and_accepted_ones_stay() {
    let lists = Lists::generate(200, 17);
    let (crm, erp) = (lists.crm(), lists.erp());
    let first = match_lists(&crm, &erp, &MatchOptions::default());
    let rejected = first.pairs[0].clone();
    let accepted = first.pairs[1].clone();
    let options = MatchOptions {
        labels: vec![
            Label {
                crm_row: rejected.crm_row,
                erp_row: rejected.erp_row,
                is_match: false,
            },
            Label {
                crm_row: accepted.crm_row,
                erp_row: accepted.erp_row,
                is_match: true,
            },
        ],
        ..MatchOptions::default()
    };
    let second = match_lists(&crm, &erp, &options);
    let all: Vec<_> = second.pairs.iter().chain(&second.alternatives).collect();
    assert!(
        !all.iter()
            .any(|p| p.crm_row == rejected.crm_row && p.erp_row == rejected.erp_row),
        "a rejected pair came back"
    );
    let kept = second
        .pairs
        .iter()
        .find(|p| p.crm_row == accepted.crm_row)
        .expect("the accepted pair stays");
    assert_eq!(kept.erp_row, accepted.erp_row);
    assert_eq!(kept.band, Band::Auto);
}

#[test]
fn two_crm_duplicates_do_not_share_one_erp_record() {
    let mut lists = Lists::generate(150, 19);
    let (crm_at, erp_at) = lists.truth[4];
    let mut duplicate = lists.crm_rows[crm_at].clone();
    duplicate[0] = "CRM-DUPLICATE".to_string();
    lists.crm_rows.push(duplicate);
    let output = match_lists(&lists.crm(), &lists.erp(), &MatchOptions::default());
    let partners: Vec<_> = output
        .pairs
        .iter()
        .filter(|p| p.erp_row == erp_at)
        .collect();
    assert_eq!(partners.len(), 1, "{partners:?}");
    let loser = if partners[0].crm_row == crm_at {
        lists.crm_rows.len() - 1
    } else {
        crm_at
    };
    assert!(
        output
            .alternatives
            .iter()
            .any(|p| p.crm_row == loser && p.erp_row == erp_at),
        "the losing candidate is kept for review"
    );
    for pair in output.pairs.iter().filter(|p| p.erp_row == erp_at) {
        assert_eq!(pair.band, Band::Review, "a contested pair is not auto");
    }
}

/// Records the steps it is told and cancels once it has seen `cancel_after` of them.
struct Watcher {
    steps: std::sync::Mutex<Vec<String>>,
    cancel_after: usize,
}

impl ledgerlink::core::matching::MatchObserver for Watcher {
    fn step(&self, name: &str) {
        self.steps.lock().unwrap().push(name.to_string());
    }

    fn cancelled(&self) -> bool {
        self.steps.lock().unwrap().len() >= self.cancel_after
    }
}

/// The window shows matching's steps and its Cancel stops matching at the next step; a watcher
/// that never cancels gets the same result as plain `match_lists`.
#[test]
fn matching_reports_its_steps_and_stops_when_cancelled() {
    use ledgerlink::core::matching::{dedupe_list_observed, match_lists_observed};
    use ledgerlink::core::model::Side;

    let lists = Lists::generate(120, 5);
    let (crm, erp) = (lists.crm(), lists.erp());
    let options = MatchOptions::default();
    let patient = Watcher {
        steps: Default::default(),
        cancel_after: usize::MAX,
    };
    let watched = match_lists_observed(&crm, &erp, &options, &patient).unwrap();
    assert_eq!(watched, match_lists(&crm, &erp, &options));
    assert_eq!(
        *patient.steps.lock().unwrap(),
        [
            "preparing the records",
            "comparing candidate pairs",
            "choosing one partner per record",
            "explaining the suggestions"
        ]
    );
    let impatient = Watcher {
        steps: Default::default(),
        cancel_after: 2,
    };
    assert!(match_lists_observed(&crm, &erp, &options, &impatient).is_none());
    assert_eq!(
        impatient.steps.lock().unwrap().len(),
        2,
        "stopped at the next step"
    );
    let impatient = Watcher {
        steps: Default::default(),
        cancel_after: 1,
    };
    assert!(dedupe_list_observed(&crm, Side::Crm, &options, &impatient).is_none());
    assert_eq!(
        *impatient.steps.lock().unwrap(),
        ["preparing the CRM records"]
    );
}
