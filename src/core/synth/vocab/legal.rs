//! Legal forms per country with the spellings found in real exports, and the abbreviations of
//! ordinary words in company names.

use super::Lang;

/// A legal form and the ways people write it.
#[derive(Debug)]
pub struct LegalForm {
    /// Canonical key ("gmbh", "sarl").
    pub key: &'static str,
    /// Relative frequency among the country's firms.
    pub weight: u32,
    /// Spellings; the first is the usual short form.
    pub spellings: &'static [&'static str],
    /// Romanised spellings for forms written in CJK script ("K.K.", "Co., Ltd.").
    pub romanised: &'static [&'static str],
    /// Only for firms speaking this language (Swiss forms differ by region).
    pub lang: Option<Lang>,
    /// Share of firms that put the form before the name ("SARL Dupont", "株式会社...").
    pub prefix_share: f64,
}

const fn form(key: &'static str, weight: u32, spellings: &'static [&'static str]) -> LegalForm {
    LegalForm {
        key,
        weight,
        spellings,
        romanised: &[],
        lang: None,
        prefix_share: 0.0,
    }
}

const fn form_in(
    key: &'static str,
    weight: u32,
    spellings: &'static [&'static str],
    lang: Lang,
) -> LegalForm {
    LegalForm {
        lang: Some(lang),
        ..form(key, weight, spellings)
    }
}

const fn form_prefixed(
    key: &'static str,
    weight: u32,
    spellings: &'static [&'static str],
    prefix_share: f64,
) -> LegalForm {
    LegalForm {
        prefix_share,
        ..form(key, weight, spellings)
    }
}

/// Germany.
#[rustfmt::skip]
pub static DE: &[LegalForm] = &[
    form("gmbh", 55, &["GmbH", "G.m.b.H.", "Gesellschaft mit beschränkter Haftung", "Gesellschaft mbH", "mbH"]),
    form("gmbh_co_kg", 14, &["GmbH & Co. KG", "GmbH & Co KG", "GmbH u. Co. KG", "GmbH + Co. KG"]),
    form("ag", 6, &["AG", "Aktiengesellschaft"]),
    form("kg", 7, &["KG", "Kommanditgesellschaft"]),
    form("ek", 8, &["e.K.", "e. K.", "eK", "eingetragener Kaufmann"]),
    form("ug", 5, &["UG (haftungsbeschränkt)", "UG", "UG (haftungsbeschraenkt)"]),
    form("ohg", 3, &["OHG", "oHG", "offene Handelsgesellschaft"]),
    form("gbr", 2, &["GbR", "Gesellschaft bürgerlichen Rechts"]),
];

/// Austria.
#[rustfmt::skip]
pub static AT: &[LegalForm] = &[
    form("gmbh", 60, &["GmbH", "Ges.m.b.H.", "G.m.b.H.", "Gesellschaft m.b.H.", "Gesellschaft mit beschränkter Haftung"]),
    form("ag", 6, &["AG", "Aktiengesellschaft"]),
    form("kg", 10, &["KG", "Kommanditgesellschaft"]),
    form("og", 6, &["OG", "Offene Gesellschaft"]),
    form("eu", 8, &["e.U.", "e. U."]),
    form("gmbh_co_kg", 8, &["GmbH & Co KG", "GmbH & Co. KG", "Ges.m.b.H. & Co KG"]),
];

/// Switzerland: German forms in German-speaking cities, French and Italian ones elsewhere.
#[rustfmt::skip]
pub static CH: &[LegalForm] = &[
    form_in("ag", 45, &["AG", "Aktiengesellschaft"], Lang::De),
    form_in("gmbh", 40, &["GmbH", "Gesellschaft mit beschränkter Haftung"], Lang::De),
    form_in("sa", 45, &["SA", "S.A.", "Société anonyme"], Lang::Fr),
    form_in("sarl", 40, &["Sàrl", "SARL", "S.à r.l.", "Société à responsabilité limitée"], Lang::Fr),
    form_in("sa", 45, &["SA", "S.A.", "Società anonima"], Lang::It),
    form_in("sagl", 40, &["Sagl", "SAGL", "Società a garanzia limitata"], Lang::It),
];

/// France.
#[rustfmt::skip]
pub static FR: &[LegalForm] = &[
    form_prefixed("sarl", 35, &["SARL", "S.A.R.L.", "Sarl", "S.à.r.l.", "Société à responsabilité limitée"], 0.25),
    form_prefixed("sas", 35, &["SAS", "S.A.S.", "Société par actions simplifiée"], 0.2),
    form_prefixed("sa", 10, &["SA", "S.A.", "Société anonyme"], 0.1),
    form("eurl", 8, &["EURL", "E.U.R.L."]),
    form("sasu", 8, &["SASU", "S.A.S.U."]),
    form("snc", 4, &["SNC", "S.N.C."]),
];

/// United Kingdom.
#[rustfmt::skip]
pub static GB: &[LegalForm] = &[
    form("ltd", 80, &["Ltd", "Ltd.", "Limited"]),
    form("plc", 8, &["PLC", "plc", "Public Limited Company"]),
    form("llp", 7, &["LLP", "Limited Liability Partnership"]),
];

/// United States.
#[rustfmt::skip]
pub static US: &[LegalForm] = &[
    form("inc", 45, &["Inc", "Inc.", "Incorporated"]),
    form("llc", 30, &["LLC", "L.L.C.", "Limited Liability Company"]),
    form("corp", 15, &["Corp", "Corp.", "Corporation"]),
    form("co", 5, &["Co.", "Company"]),
    form("ltd", 5, &["Ltd", "Limited"]),
];

/// Netherlands.
#[rustfmt::skip]
pub static NL: &[LegalForm] = &[
    form("bv", 75, &["B.V.", "BV", "Besloten Vennootschap", "B.V"]),
    form("nv", 8, &["N.V.", "NV", "Naamloze Vennootschap"]),
    form("vof", 10, &["V.O.F.", "VOF", "vof"]),
];

/// Spain.
#[rustfmt::skip]
pub static ES: &[LegalForm] = &[
    form("sl", 60, &["S.L.", "SL", "S.L", "Sociedad Limitada", "Sociedad de Responsabilidad Limitada"]),
    form("sa", 25, &["S.A.", "SA", "Sociedad Anónima"]),
    form("slu", 12, &["S.L.U.", "SLU", "Sociedad Limitada Unipersonal"]),
];

/// Italy.
#[rustfmt::skip]
pub static IT: &[LegalForm] = &[
    form("srl", 60, &["S.r.l.", "SRL", "Srl", "S.R.L.", "Società a responsabilità limitata"]),
    form("spa", 20, &["S.p.A.", "SPA", "SpA", "Società per azioni"]),
    form("snc", 10, &["S.n.c.", "SNC", "Società in nome collettivo"]),
    form("sas", 8, &["S.a.s.", "SAS", "Società in accomandita semplice"]),
];

/// Poland.
#[rustfmt::skip]
pub static PL: &[LegalForm] = &[
    form("spzoo", 70, &["Sp. z o.o.", "Sp. z o. o.", "sp. z o.o.", "Spółka z ograniczoną odpowiedzialnością", "Sp.z o.o.", "Spółka z o.o."]),
    form("sa", 10, &["S.A.", "SA", "Spółka Akcyjna"]),
    form("spk", 10, &["Sp.k.", "sp.k.", "Spółka komandytowa"]),
    form("sc", 8, &["s.c.", "S.C.", "Spółka cywilna"]),
];

/// Japan: kabushiki kaisha, before or after the name.
pub static JP: &[LegalForm] = &[LegalForm {
    key: "kk",
    weight: 90,
    spellings: &["株式会社"],
    romanised: &[
        "Co., Ltd.",
        "K.K.",
        "Kabushiki Kaisha",
        "Co. Ltd",
        "Corporation",
    ],
    lang: None,
    prefix_share: 0.3,
}];

/// China: limited company.
pub static CN: &[LegalForm] = &[
    LegalForm {
        key: "youxian_gongsi",
        weight: 80,
        spellings: &["有限公司"],
        romanised: &["Co., Ltd.", "Co. Ltd", "Limited", "Company Limited"],
        lang: None,
        prefix_share: 0.0,
    },
    LegalForm {
        key: "gufen_youxian_gongsi",
        weight: 20,
        spellings: &["股份有限公司"],
        romanised: &["Co., Ltd.", "Corporation", "Corp."],
        lang: None,
        prefix_share: 0.0,
    },
];

/// Words of company names and their abbreviations as people type them.
#[rustfmt::skip]
pub static ABBREVIATIONS: &[(&str, &[&str])] = &[
    ("International", &["Intl", "Int'l", "Intl."]),
    ("Manufacturing", &["Mfg", "Mfg."]),
    ("Services", &["Svcs", "Svcs."]),
    ("Service", &["Svc"]),
    ("Technologies", &["Tech", "Techn."]),
    ("Technology", &["Tech"]),
    ("Corporation", &["Corp", "Corp."]),
    ("Company", &["Co", "Co."]),
    ("Brothers", &["Bros", "Bros."]),
    ("Engineering", &["Eng.", "Engg"]),
    ("Industries", &["Ind.", "Inds"]),
    ("Associates", &["Assoc", "Assoc."]),
    ("Systems", &["Sys", "Syst."]),
    ("Distribution", &["Distr.", "Dist."]),
    ("Management", &["Mgmt", "Mgt"]),
    ("Gesellschaft", &["Ges."]),
    ("Gebrüder", &["Gebr."]),
    ("Vertrieb", &["Vertr."]),
    ("Handelsgesellschaft", &["Handelsges.", "HG"]),
    ("Industrie", &["Ind."]),
    ("Établissements", &["Ets", "Éts"]),
    ("Compagnie", &["Cie", "Cie."]),
    ("Fratelli", &["F.lli", "F.LLI"]),
    ("Hermanos", &["Hnos.", "Hnos"]),
    ("Przedsiębiorstwo", &["P.P.", "Przeds."]),
    ("Saint", &["St", "St."]),
    ("Sankt", &["St."]),
];

/// The ways to write "and" between two names, per language; the first is the usual one.
pub fn connectors(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &["&", "und", "u."],
        Lang::Fr => &["&", "et"],
        Lang::En | Lang::Ja | Lang::Zh => &["&", "and", "+"],
        Lang::Nl => &["&", "en"],
        Lang::Es => &["&", "y"],
        Lang::It => &["&", "e"],
        Lang::Pl => &["&", "i"],
    }
}

/// Abbreviations of a word, if people abbreviate it.
pub fn abbreviations_of(word: &str) -> Option<&'static [&'static str]> {
    ABBREVIATIONS
        .iter()
        .find(|(full, _)| *full == word)
        .map(|(_, short)| *short)
}
