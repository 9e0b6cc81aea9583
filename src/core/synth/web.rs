//! Web domains, websites and e-mail addresses of firms.

use super::name::FirmName;
use super::rng::Rng;
use super::text::slug;
use super::vocab::{City, Country, Lang};

/// A made-up company domain from the firm's name ("mueller-maschinenbau.de"); look-alike firms
/// get the city in theirs, since the plain name is taken.
pub fn company_domain(
    name: &FirmName,
    country: &Country,
    city: &City,
    lookalike: bool,
    rng: &mut Rng,
) -> String {
    let words = name.domain_words();
    let joiner = if rng.chance(0.5) { "-" } else { "" };
    let city_slug = slug(&[city.alt_names.first().copied().unwrap_or(city.name)], "");
    let mut base = if words.len() > 1 && (name.generic || name.is_cjk() || rng.chance(0.85)) {
        slug(&words, joiner)
    } else {
        slug(&words[..words.len().min(1)], joiner)
    };
    if words.len() == 1 {
        match (name.legal_form, rng.below(5)) {
            (Some(form), 0 | 1) => base = format!("{base}-{}", slug(&[form.key], "")),
            (_, 2 | 3) => base = format!("{base}-{city_slug}"),
            _ => {}
        }
    }
    if (lookalike || name.generic) && !base.ends_with(&city_slug) {
        base = format!("{base}-{city_slug}");
    }
    if base.is_empty() {
        base = format!("firm{}", rng.digits(5));
    }
    let tld = if rng.chance(0.12) { "com" } else { country.tld };
    format!("{base}.{tld}")
}

/// A website field as typed into a CRM: with or without scheme, "www." and a trailing path.
pub fn website(domain: &str, rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=2 => format!("www.{domain}"),
        3 | 4 => format!("https://www.{domain}"),
        5 => format!("http://www.{domain}/"),
        6 => domain.to_string(),
        7 => format!("https://{domain}/"),
        8 => format!("https://www.{domain}/en/"),
        _ => format!("WWW.{}", domain.to_uppercase()),
    }
}

#[rustfmt::skip]
fn role_mailboxes(lang: Lang, accounting: bool) -> &'static [&'static str] {
    match (lang, accounting) {
        (Lang::De, false) => &["info", "kontakt", "office", "vertrieb", "einkauf", "zentrale"],
        (Lang::De, true) => &["buchhaltung", "rechnung", "rechnungen", "invoice", "rechnungswesen"],
        (Lang::Fr, false) => &["contact", "info", "commercial", "achats", "accueil"],
        (Lang::Fr, true) => &["compta", "comptabilite", "factures", "facturation"],
        (Lang::En | Lang::Ja | Lang::Zh, false) => &["info", "sales", "office", "contact", "hello", "enquiries", "purchasing"],
        (Lang::En | Lang::Ja | Lang::Zh, true) => &["accounts", "ap", "invoices", "billing", "accounts.payable"],
        (Lang::Nl, false) => &["info", "verkoop", "inkoop", "receptie"],
        (Lang::Nl, true) => &["administratie", "facturen", "crediteuren"],
        (Lang::Es, false) => &["info", "comercial", "administracion", "compras"],
        (Lang::Es, true) => &["facturas", "contabilidad", "administracion"],
        (Lang::It, false) => &["info", "commerciale", "amministrazione", "acquisti"],
        (Lang::It, true) => &["fatture", "contabilita", "amministrazione"],
        (Lang::Pl, false) => &["biuro", "info", "sekretariat", "handel"],
        (Lang::Pl, true) => &["faktury", "ksiegowosc", "finanse"],
    }
}

/// A contact person of a firm.
#[derive(Debug, Clone)]
pub struct Contact {
    /// Given name.
    pub first: &'static str,
    /// Family name.
    pub last: &'static str,
}

/// What an e-mail address is made of.
#[derive(Debug, Clone, Copy)]
pub struct MailChoice {
    /// Use the accounting mailbox (ERP) rather than a general one (CRM).
    pub accounting: bool,
    /// Probability of a personal address (first.last@).
    pub personal: f64,
    /// Probability of a free-mail address instead of the company domain.
    pub free_mail: f64,
}

/// An e-mail address on the company domain or on free-mail.
pub fn email(
    domain: Option<&str>,
    name: &FirmName,
    contact: &Contact,
    country: &Country,
    choice: MailChoice,
    rng: &mut Rng,
) -> String {
    let person = slug(&[contact.first], "");
    let family = slug(&[contact.last], "");
    let on_free_mail = domain.is_none() || rng.chance(choice.free_mail);
    match domain {
        Some(domain) if !on_free_mail => {
            if rng.chance(choice.personal) {
                match rng.below(3) {
                    0 => format!("{person}.{family}@{domain}"),
                    1 => format!("{}.{family}@{domain}", &person[..1.min(person.len())]),
                    _ => format!("{}{family}@{domain}", &person[..1.min(person.len())]),
                }
            } else {
                format!(
                    "{}@{domain}",
                    rng.pick(role_mailboxes(name.lang, choice.accounting))
                )
            }
        }
        _ => {
            let free = rng.pick(country.free_mail);
            let firm = slug(&name.domain_words(), ".");
            match rng.below(3) {
                0 if !firm.is_empty() => format!("{firm}@{free}"),
                1 => format!("{person}.{family}{}@{free}", rng.between(1, 99)),
                _ => format!("{person}.{family}@{free}"),
            }
        }
    }
}
