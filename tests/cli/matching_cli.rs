//! The `match`, `eval`, `dedupe` and `bench` commands through the binary (DESIGN.md section 4).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::matching_fixtures;

use std::path::Path;
use std::process::{Command, Output};

use matching_fixtures::{CRM_HEADER, ERP_HEADER, Lists};

fn ledgerlink(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn write_csv(path: &Path, header: &[&str], rows: &[Vec<String>]) {
    let mut writer = csv::Writer::from_path(path).unwrap();
    writer.write_record(header).unwrap();
    for row in rows {
        writer.write_record(row).unwrap();
    }
    writer.flush().unwrap();
}

fn maps(flag: &str, header: &[(&str, ledgerlink::core::model::Role)]) -> Vec<String> {
    header
        .iter()
        .flat_map(|(name, role)| [flag.to_string(), format!("{role}={name}")])
        .collect()
}

#[test]
fn match_writes_the_contract_columns_and_eval_scores_them() {
    let dir = tempfile::tempdir().unwrap();
    let lists = Lists::generate(120, 3);
    let (crm, erp) = (dir.path().join("crm.csv"), dir.path().join("erp.csv"));
    let crm_names: Vec<&str> = CRM_HEADER.iter().map(|(name, _)| *name).collect();
    let erp_names: Vec<&str> = ERP_HEADER.iter().map(|(name, _)| *name).collect();
    let mut crm_rows = lists.crm_rows.clone();
    crm_rows[lists.truth[0].0][8] = "31337".to_string();
    write_csv(&crm, &crm_names, &crm_rows);
    write_csv(&erp, &erp_names, &lists.erp_rows);
    let truth = dir.path().join("truth.csv");
    let truth_rows: Vec<Vec<String>> = lists
        .truth
        .iter()
        .map(|&(c, e)| vec![lists.crm_rows[c][0].clone(), lists.erp_rows[e][0].clone()])
        .collect();
    write_csv(&truth, &["crm", "erp"], &truth_rows);
    let (pairs, xref) = (dir.path().join("pairs.csv"), dir.path().join("xref.csv"));
    let mut args = vec![
        "match".to_string(),
        "--crm".into(),
        crm.display().to_string(),
    ];
    args.extend(["--erp".into(), erp.display().to_string()]);
    args.extend(maps("--crm-map", &CRM_HEADER));
    args.extend(maps("--erp-map", &ERP_HEADER));
    args.extend(["--out".into(), pairs.display().to_string()]);
    args.extend(["--check-xref".into(), xref.display().to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = ledgerlink(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let written = std::fs::read_to_string(&pairs).unwrap();
    let mut lines = written.lines();
    assert_eq!(lines.next(), Some("crm_id,erp_id,score,band,reason"));
    let rows: Vec<&str> = lines.collect();
    assert!(
        rows.len() >= lists.truth.len() * 9 / 10,
        "{} rows",
        rows.len()
    );
    assert!(rows.iter().any(|row| row.contains(",auto,")));
    let checks = std::fs::read_to_string(&xref).unwrap();
    assert_eq!(
        checks.lines().collect::<Vec<_>>(),
        [
            "crm_id,xref,status,suggested_erp_id",
            &format!(
                "{},31337,unknown_number,{}",
                lists.crm_rows[lists.truth[0].0][0], lists.erp_rows[lists.truth[0].1][0]
            )
        ]
    );
    let output = ledgerlink(&[
        "eval",
        "--truth",
        truth.to_str().unwrap(),
        "--pairs",
        pairs.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let last = stdout.lines().last().unwrap();
    let values: Vec<f64> = last
        .split(' ')
        .map(|part| part.split_once('=').unwrap().1.parse().unwrap())
        .collect();
    assert!(last.starts_with("precision="), "{last}");
    assert!(values.iter().all(|&v| v > 0.9), "{last}");
}

#[test]
fn dedupe_writes_clusters_that_eval_reads_as_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let lists = Lists::generate(80, 5);
    let mut rows = lists.crm_rows.clone();
    let mut copy = rows[3].clone();
    copy[0] = "COPY-OF-3".to_string();
    copy[1] = copy[1].to_uppercase();
    rows.push(copy);
    let input = dir.path().join("crm.csv");
    let names: Vec<&str> = CRM_HEADER.iter().map(|(name, _)| *name).collect();
    write_csv(&input, &names, &rows);
    let out = dir.path().join("clusters.csv");
    let mut args = vec![
        "dedupe".to_string(),
        "--input".into(),
        input.display().to_string(),
    ];
    args.extend(maps("--map", &CRM_HEADER));
    args.extend(["--out".into(), out.display().to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = ledgerlink(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("cluster,id,score,reason\n"));
    let original = &rows[3][0];
    let cluster_of = |id: &str| {
        written
            .lines()
            .find(|line| line.split(',').nth(1) == Some(id))
            .map(|line| line.split(',').next().unwrap().to_string())
    };
    assert!(cluster_of("COPY-OF-3").is_some(), "{written}");
    assert_eq!(cluster_of("COPY-OF-3"), cluster_of(original));
    let truth = dir.path().join("truth.csv");
    write_csv(
        &truth,
        &["a", "b"],
        &[vec![original.clone(), "COPY-OF-3".into()]],
    );
    let output = ledgerlink(&[
        "eval",
        "--truth",
        truth.to_str().unwrap(),
        "--pairs",
        out.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.lines().last().unwrap().contains("recall=1.0000"),
        "{stdout}"
    );
}

#[test]
fn bad_input_exits_with_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.csv");
    let output = ledgerlink(&[
        "match",
        "--crm",
        missing.to_str().unwrap(),
        "--erp",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing.csv"));
    let list = dir.path().join("list.csv");
    write_csv(&list, &["id", "name"], &[vec!["1".into(), "Acme".into()]]);
    let output = ledgerlink(&[
        "dedupe",
        "--input",
        list.to_str().unwrap(),
        "--map",
        "vat=2",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown role 'vat'"));
}

#[test]
fn bench_skips_missing_data_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let output = ledgerlink(&[
        "bench",
        "--data",
        dir.path().to_str().unwrap(),
        "--runs",
        "1",
    ]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("skipped FEBRL4"), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("dataset"));
}

/// `ledgerlink match` on two files: its standard output and the pair rows in it.
fn match_files(crm: &Path, erp: &Path) -> (String, Vec<csv::StringRecord>) {
    let output = ledgerlink(&[
        "match",
        "--crm",
        crm.to_str().unwrap(),
        "--erp",
        erp.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let rows = reader.records().map(Result::unwrap).collect();
    (stdout, rows)
}

/// Two short lists, as a user tries the tool first: every obvious pair is suggested (no list
/// is too small to learn from), the lone lead gets nothing, and reasons spell legal forms as
/// people write them.
#[test]
fn tiny_lists_get_their_obvious_pairs_with_readable_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let (crm, erp) = (dir.path().join("crm.csv"), dir.path().join("erp.csv"));
    std::fs::write(
        &crm,
        "Account ID,Account Name,BillingCity,Phone,Website\n\
         C1,Müller GmbH,Berlin,+49 30 1234567,mueller.de\n\
         C2,Acme Corp,New York,212-555-0100,acme.com\n\
         C3,Société Générale Conseil SARL,Paris,,sgc.fr\n\
         C4,Lonely Lead Ltd,London,,\n\
         C5,Schmidt Druck KG,Köln,0221 555 1234,\n",
    )
    .unwrap();
    std::fs::write(
        &erp,
        "KUNNR;NAME1;ORT01;TELF1\n\
         0000100001;MUELLER GMBH;Berlin;030 1234567\n\
         0000100002;ACME CORPORATION;New York;(212) 555-0100\n\
         0000100003;SOCIETE GENERALE CONSEIL;Paris;\n\
         0000100005;SCHMIDT DRUCK;Koeln;0221 5551234\n",
    )
    .unwrap();
    let (stdout, rows) = match_files(&crm, &erp);
    let pairs: Vec<(&str, &str)> = rows.iter().map(|row| (&row[0], &row[1])).collect();
    assert_eq!(
        pairs,
        [
            ("C1", "0000100001"),
            ("C2", "0000100002"),
            ("C3", "0000100003"),
            ("C5", "0000100005")
        ],
        "{stdout}"
    );
    assert!(
        rows.iter().all(|row| row[2].parse::<f64>().unwrap() > 0.5),
        "{stdout}"
    );
    let reasons: Vec<&str> = rows.iter().map(|row| &row[4]).collect();
    assert_eq!(
        reasons,
        [
            "same city; same name, both 'GmbH'; phone with the same last digits",
            "same phone and city; same name, both 'Corp'",
            "same city; same name once 'SARL' is set aside",
            // The legal-form note stays with the name, not with the last field listed.
            "same phone and city; same name once 'KG' is set aside",
        ]
    );
}

/// Japanese names have no spaces between words: "東京商事株式会社" is "東京商事" with its legal
/// form, "(株)" is the same form abbreviated, and the last character of "東京総合" is part of
/// the name, not the form 合同会社.
#[test]
fn japanese_names_without_spaces_are_matched() {
    let dir = tempfile::tempdir().unwrap();
    let (crm, erp) = (dir.path().join("crm.csv"), dir.path().join("erp.csv"));
    std::fs::write(
        &crm,
        "Account ID,Account Name,BillingCity,BillingCountry\n\
         C1,東京商事株式会社,東京,Japan\n\
         C2,Müller GmbH,Berlin,Germany\n\
         C3,大阪精機株式会社,大阪,Japan\n\
         C4,Acme Corp,Boston,USA\n\
         C5,東京総合,東京,Japan\n",
    )
    .unwrap();
    std::fs::write(
        &erp,
        "KUNNR;NAME1;ORT01;LAND1\n\
         0000100001;東京商事;東京;JP\n\
         0000100002;MUELLER GMBH;Berlin;DE\n\
         0000100003;大阪精機(株);大阪;JP\n\
         0000100004;ACME CORPORATION;Boston;US\n\
         0000100005;東京総合;東京;JP\n",
    )
    .unwrap();
    let (stdout, rows) = match_files(&crm, &erp);
    let pairs: Vec<(&str, &str, &str)> =
        rows.iter().map(|row| (&row[0], &row[1], &row[4])).collect();
    assert_eq!(
        pairs,
        [
            ("C1", "0000100001", "same name once '株式会社' is set aside"),
            ("C2", "0000100002", "same name, both 'GmbH'"),
            ("C3", "0000100003", "same name, both '株式会社'"),
            ("C4", "0000100004", "same name, both 'Corp'"),
            ("C5", "0000100005", "same name"),
        ],
        "{stdout}"
    );
}

#[test]
fn explain_missing_says_whether_a_pair_was_compared_and_what_it_scored() {
    let dir = tempfile::tempdir().unwrap();
    let lists = Lists::generate(120, 5);
    let (crm, erp) = (dir.path().join("crm.csv"), dir.path().join("erp.csv"));
    let crm_names: Vec<&str> = CRM_HEADER.iter().map(|(name, _)| *name).collect();
    let erp_names: Vec<&str> = ERP_HEADER.iter().map(|(name, _)| *name).collect();
    write_csv(&crm, &crm_names, &lists.crm_rows);
    write_csv(&erp, &erp_names, &lists.erp_rows);
    let (true_crm, true_erp) = lists.truth[0];
    let crm_id = lists.crm_rows[true_crm][0].clone();
    let explain = |erp_id: &str| {
        let mut args = vec![
            "match".to_string(),
            "--crm".into(),
            crm.display().to_string(),
        ];
        args.extend(["--erp".into(), erp.display().to_string()]);
        args.extend(["--explain-missing".into(), crm_id.clone()]);
        args.extend(["--expected-erp".into(), erp_id.to_string()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = ledgerlink(&args);
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let suggested = explain(&lists.erp_rows[true_erp][0]);
    assert!(suggested.contains("suggested, score"), "{suggested}");
    // A firm of another family name, trade and city shares no blocking key with this one.
    let stranger = lists
        .erp_rows
        .iter()
        .find(|row| {
            let words = |name: &str| name.to_lowercase().split(' ').next().map(str::to_owned);
            words(&row[1]) != words(&lists.crm_rows[true_crm][1])
                && row[4] != lists.erp_rows[true_erp][4]
        })
        .unwrap();
    let never = explain(&stranger[0]);
    assert!(
        never.contains("never compared") || never.contains("below the review threshold"),
        "{never}"
    );
    let unknown = ledgerlink(&[
        "match",
        "--crm",
        crm.to_str().unwrap(),
        "--erp",
        erp.to_str().unwrap(),
        "--explain-missing",
        "no-such-id",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
}
