//! The name reducer on real-world spellings.

use super::company_name;
use crate::core::normalize::company_words::GENERIC_WORDS;
use crate::core::normalize::legal_forms::legal_form_key;

/// Raw name, country, core, legal form, branch.
type Case = (
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    ("Müller GmbH", Some("DE"), "muller", Some("gmbh"), None),
    ("Mueller GmbH", Some("DE"), "muller", Some("gmbh"), None),
    ("MULLER G.m.b.H.", None, "muller", Some("gmbh"), None),
    ("Müller Gesellschaft mit beschränkter Haftung", Some("DE"), "muller", Some("gmbh"), None),
    ("Müller Maschinenbau GmbH & Co. KG", Some("DE"), "muller maschinenbau", Some("gmbhcokg"), None),
    ("MUELLER MASCHINENBAU GMBH & CO. K", Some("DE"), "muller maschinenbau", Some("gmbhcokg"), None),
    ("MUELLER MASCHINENBAU GMBH & CO.", Some("DE"), "muller maschinenbau", Some("gmbhcokg"), None),
    ("MUELLER MASCHINENBAU GMBH &", Some("DE"), "muller maschinenbau", Some("gmbh"), None),
    ("Müller u. Söhne GmbH u. Co. KG", Some("DE"), "muller and sohne", Some("gmbhcokg"), None),
    ("Schmidt & Partner UG (haftungsbeschränkt)", Some("DE"), "schmidt and partner", Some("ug"), None),
    ("Müller GmbH - Berlin", Some("DE"), "muller", Some("gmbh"), Some("berlin")),
    ("Müller GmbH (Niederlassung Hamburg)", Some("DE"), "muller", Some("gmbh"), Some("hamburg")),
    ("Müller GmbH Zweigniederlassung Österreich", Some("AT"), "muller", Some("gmbh"), Some("osterreich")),
    ("Acme Software (Deutschland)", Some("DE"), "acme software", None, Some("deutschland")),
    ("Meyer - Schmidt", Some("DE"), "meyer schmidt", None, None),
    ("Acme Ltd, London Branch", Some("GB"), "acme", Some("ltd"), Some("london")),
    ("Deutsche Bank AG", Some("DE"), "deutsche bank", Some("ag"), None),
    ("Siemens Aktiengesellschaft", None, "siemens", Some("ag"), None),
    ("SAP SE", Some("DE"), "sap", Some("se"), None),
    ("Dupont S.A.R.L.", Some("FR"), "dupont", Some("sarl"), None),
    ("SARL Dupont", Some("FR"), "dupont", Some("sarl"), None),
    ("Boulangerie Dupont SAS", Some("FR"), "boulangerie dupont", Some("sas"), None),
    ("Société Générale S.A.", Some("FR"), "societe generale", Some("sa"), None),
    ("Société Générale SA", Some("FR"), "societe generale", Some("sa"), None),
    ("Kowalski Sp. z o.o.", Some("PL"), "kowalski", Some("spzoo"), None),
    ("KOWALSKI SP Z OO", Some("PL"), "kowalski", Some("spzoo"), None),
    ("Nokia Oyj", Some("FI"), "nokia", Some("oyj"), None),
    ("Kone Oy", None, "kone", Some("oy"), None),
    ("Volvo AB", Some("SE"), "volvo", Some("ab"), None),
    ("AB Volvo", Some("SE"), "volvo", Some("ab"), None),
    ("Maersk A/S", Some("DK"), "marsk", Some("as"), None),
    ("Lego ApS", Some("DK"), "lego", Some("aps"), None),
    ("Heineken N.V.", Some("NL"), "heineken", Some("nv"), None),
    ("Janssen B.V.", Some("NL"), "janssen", Some("bv"), None),
    ("Fiat S.p.A.", Some("IT"), "fiat", Some("spa"), None),
    ("Acme, Inc.", Some("US"), "acme", Some("inc"), None),
    ("Acme Incorporated", Some("US"), "acme", Some("inc"), None),
    ("ACME CORP", None, "acme", Some("corp"), None),
    ("The Boeing Company", Some("US"), "boeing", Some("co"), None),
    ("Boeing Company, The", Some("US"), "boeing", Some("co"), None),
    ("Acme Holdings Limited", Some("GB"), "acme holding", Some("ltd"), None),
    ("Acme Hldgs. Ltd.", Some("GB"), "acme holding", Some("ltd"), None),
    ("Acme Intl. Mfg. Co., Ltd.", None, "acme international manufacturing", Some("ltd"), None),
    ("Acme International Manufacturing Company Limited", None, "acme international manufacturing", Some("ltd"), None),
    ("Smith Bros. & Assoc. LLC", Some("US"), "smith brothers and associates", Some("llc"), None),
    ("Smith Brothers and Associates, L.L.C.", Some("US"), "smith brothers and associates", Some("llc"), None),
    ("Acme Tech Svcs Grp PLC", Some("GB"), "acme technology services group", Some("plc"), None),
    ("Natl. Dept. Stores Inc", Some("US"), "national department stores", Some("inc"), None),
    ("Johnson & Johnson", Some("US"), "johnson and johnson", None, None),
    ("Dupont et Fils", Some("FR"), "dupont and fils", None, None),
    ("Acme Pty Ltd", Some("AU"), "acme", Some("ptyltd"), None),
    ("Acme (Pty) Ltd", Some("ZA"), "acme", Some("ptyltd"), None),
    ("Microsoft UK", None, "microsoft uk", None, None),
    ("Vitamin A", None, "vitamin a", None, None),
    ("AG", Some("DE"), "ag", None, None),
    ("", None, "", None, None),
    ("Coca-Cola", None, "coca cola", None, None),
    ("Co-op Food", Some("GB"), "coop food", None, None),
    ("PT Astra International Tbk", Some("ID"), "astra international", Some("tbk"), None),
    ("Volvo Car AB (publ)", Some("SE"), "volvo car", Some("abp"), None),
    ("Autohaus Schmidt GmbH & Co. KG - Filiale Köln", Some("DE"), "autohaus schmidt", Some("gmbhcokg"), Some("koln")),
    ("OOO Gazprom Export", Some("RU"), "gazprom export", Some("ooo"), None),
    ("Samsung Electronics Co., Ltd.", Some("KR"), "samsung electronics", Some("ltd"), None),
    ("Grupo Bimbo, S.A.B. de C.V.", Some("MX"), "grupo bimbo", Some("sabdecv"), None),
    ("SIEMENS AKTIENGESELLSCHAFT", None, "siemens", Some("ag"), None),
    ("DEUTSCHE POST AG ZWEIGNIEDERLASSUNG", None, "deutsche post", Some("ag"), None),
    ("Siemens AG Österreich", Some("AT"), "siemens", Some("ag"), Some("osterreich")),
    ("Acme Ltd UK", None, "acme", Some("ltd"), Some("uk")),
    ("Bank of America", Some("US"), "bank of america", None, None),
    // Legal form first, spelled out, glued or mistyped.
    ("SA Roth Media", None, "roth media", Some("sa"), None),
    ("Roth Media SA", None, "roth media", Some("sa"), None),
    ("Société Anonyme Mueller Transports", Some("FR"), "muller transports", Some("sa"), None),
    ("Girard Automotive Gesellschaft mti beschrankt", None, "girard automotive", Some("gmbh"), None),
    ("Girard Automotive Gesellschaft mit beschr", None, "girard automotive", Some("gmbh"), None),
    ("GLOBAL PRINTKG", None, "global print", Some("kg"), None),
    ("Weber ElektroGMBH", Some("DE"), "weber elektro", Some("gmbh"), None),
    ("Roth Media N.i.", None, "roth media", Some("nv"), None),
    ("Roth Media PPLC", None, "roth media", Some("plc"), None),
    ("Roth Media GqbH", None, "roth media", Some("gmbh"), None),
    ("Roth Media KKG", None, "roth media", Some("kg"), None),
    // ... and words that only look like one.
    ("AG Barr", Some("GB"), "ag barr", None, None),
    ("Co-operative Bank", Some("GB"), "company operative bank", None, None),
    ("Acme Tech Svcs", None, "acme technology services", None, None),
    ("Mesa Verde", None, "mesa verde", None, None),
    ("Zinc Works", None, "zinc works", None, None),
    ("Hamburg Sued", None, "hamburg sud", None, None),
    ("Lindt Chocolate", None, "lindt chocolate", None, None),
    ("Media Markt TV", None, "media markt tv", None, None),
    // Abbreviations.
    ("Roth Eng. Sys. Ltd", None, "roth engineering systems", Some("ltd"), None),
    ("Roth Engineering Systems Limited", None, "roth engineering systems", Some("ltd"), None),
];

#[test]
fn reduces_real_world_spellings() {
    for &(raw, country, core, legal_form, branch) in CASES {
        let name = company_name(raw, country);
        assert_eq!(name.core, core, "core of {raw:?}");
        assert_eq!(
            name.legal_form.as_deref(),
            legal_form,
            "legal form of {raw:?}"
        );
        assert_eq!(name.branch.as_deref(), branch, "branch of {raw:?}");
        assert_eq!(name.tokens.join(" "), name.core, "tokens of {raw:?}");
    }
}

#[test]
fn cut_off_names_are_marked() {
    assert!(company_name("MUELLER MASCHINENBAU GMBH & CO. K", Some("DE")).truncated);
    assert!(!company_name("Müller Maschinenbau GmbH & Co. KG", Some("DE")).truncated);
    assert!(company_name("INTERNATIONALE SPEDITION UND LOGIST", None).truncated);
    assert!(!company_name("INTERNATIONALE SPEDITION UND LOGIS", None).truncated);
    let cut = company_name("INTERNATIONALE SPEDITION MUELLER GM", None);
    assert_eq!(
        (cut.core.as_str(), cut.legal_form.as_deref()),
        ("international spedition muller", Some("gmbh"))
    );
    let cut = company_name("HANSEATISCHE MASCHINENBAU WERKEN SY", None);
    assert_eq!(cut.core, "hanseatische maschinenbau werken");
    assert!(cut.truncated);
    let cut = company_name("INTERNATIONAL BUSINESS SERVICES LIM", Some("GB"));
    assert_eq!(
        (cut.core.as_str(), cut.legal_form.as_deref()),
        ("international business services", Some("ltd"))
    );
}

#[test]
fn umlaut_spellings_compare_equal() {
    let keys: Vec<String> = ["Müller Bäckerei", "Mueller Baeckerei", "MULLER BACKEREI"]
        .iter()
        .map(|raw| company_name(raw, Some("DE")).core)
        .collect();
    assert!(keys.iter().all(|key| key == &keys[0]), "{keys:?}");
}

#[test]
fn generic_words_are_no_legal_forms() {
    // "company" and "corporation" are legal forms at the end of a name and generic elsewhere.
    for word in GENERIC_WORDS
        .iter()
        .filter(|word| !matches!(**word, "company" | "corporation"))
    {
        assert_eq!(legal_form_key(word, None), None, "{word}");
        assert_eq!(legal_form_key(word, Some("DE")), None, "{word}");
    }
}
