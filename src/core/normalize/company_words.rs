//! The words of company names that are not the name itself: common abbreviations written out
//! ("Intl" is "international", "Mfg" is "manufacturing") and generic words ("Bank", "Software",
//! "Services") that say little about which firm is meant.

/// The written-out form of a common abbreviation in company names ("intl" -> "international"),
/// or the token itself. `inner` tells whether the token stands between two others (a lone `u`
/// or `y` there means "and").
///
/// ```
/// use ledgerlink::core::normalize::company::expand_abbreviation;
/// assert_eq!(expand_abbreviation("mfg", false), "manufacturing");
/// assert_eq!(expand_abbreviation("und", false), "and");
/// assert_eq!(expand_abbreviation("acme", false), "acme");
/// ```
pub fn expand_abbreviation(token: &str, inner: bool) -> &str {
    match token {
        "und" | "et" => "and",
        "u" | "y" if inner => "and",
        "intl" | "int" | "internat" | "internatl" | "internationale" => "international",
        "corp" => "corporation",
        "co" | "comp" => "company",
        "cos" => "companies",
        "mfg" | "mfrs" | "mfr" | "manuf" => "manufacturing",
        "bros" | "bro" => "brothers",
        "svcs" | "srvcs" | "servs" => "services",
        "svc" | "serv" => "service",
        "tech" | "techn" | "technol" | "technologies" => "technology",
        "dept" => "department",
        "depts" => "departments",
        "assoc" | "assocs" | "asso" => "associates",
        "assn" => "association",
        "mgmt" | "mgt" | "mngmt" => "management",
        "natl" | "nat" => "national",
        "ind" | "inds" | "indus" | "industry" => "industries",
        "hldgs" | "hldg" | "hldngs" | "holdings" => "holding",
        "grp" => "group",
        "sys" | "syst" => "systems",
        "eng" | "engg" | "engr" | "engrg" | "engin" | "enging" => "engineering",
        "constr" | "cnstr" => "construction",
        "equip" | "eqpt" => "equipment",
        "bldg" | "bldgs" => "building",
        "ents" | "entpr" | "entps" => "enterprises",
        "mktg" => "marketing",
        "props" | "ppty" => "properties",
        "lab" | "labs" | "labor" => "laboratories",
        "comms" | "commun" => "communications",
        "transp" => "transport",
        "dist" | "distr" | "distrib" => "distribution",
        "ctr" | "cntr" | "centre" => "center",
        "univ" => "university",
        "inst" => "institute",
        "amer" => "american",
        "elec" | "elect" => "electric",
        "chem" => "chemical",
        "pharm" | "pharmaceutical" | "pharmaceuticals" => "pharma",
        "telecomm" | "telecommunication" | "telecommunications" => "telecom",
        "prods" => "products",
        "sols" => "solutions",
        "ges" => "gesellschaft",
        "gebr" | "gebroders" => "gebruder",
        "verw" => "verwaltung",
        "vertr" => "vertrieb",
        "dt" | "dtsch" => "deutsche",
        "cie" => "compagnie",
        "ste" | "soc" => "societe",
        "ets" => "etablissements",
        "cia" => "compania",
        "hnos" => "hermanos",
        "flli" => "fratelli",
        _ => token,
    }
}

/// Common words of company names that say little about which company is meant.
pub const GENERIC_WORDS: &[&str] = &[
    "and",
    "bank",
    "software",
    "services",
    "service",
    "holding",
    "group",
    "international",
    "company",
    "corporation",
    "trading",
    "consulting",
    "solutions",
    "systems",
    "technology",
    "industries",
    "management",
    "partners",
    "associates",
    "enterprises",
    "global",
    "national",
    "gesellschaft",
    "handel",
    "gruppe",
    "beteiligungs",
    "verwaltung",
    "vertrieb",
    "deutschland",
    "germany",
    "europe",
    "consult",
    "logistics",
    "marketing",
    "media",
    "engineering",
    "manufacturing",
    "products",
    "center",
    "design",
    "development",
    "finance",
    "capital",
    "investments",
    "insurance",
    "energy",
    "medical",
    "health",
    "real",
    "estate",
    "immobilien",
    "bau",
    "technik",
    "maschinenbau",
    "elektro",
    "transport",
    "spedition",
    "the",
    "of",
    "de",
    "der",
    "und",
    "fur",
    "la",
    "le",
    "du",
    "des",
    "van",
    "von",
];

/// True for a word of [`GENERIC_WORDS`] (give the folded token, as in [`CompanyName::tokens`](super::company::CompanyName::tokens)).
///
/// ```
/// use ledgerlink::core::normalize::company::is_generic_word;
/// assert!(is_generic_word("bank"));
/// assert!(!is_generic_word("siemens"));
/// ```
pub fn is_generic_word(token: &str) -> bool {
    GENERIC_WORDS.contains(&token)
}
