//! E-mail and website domains. Both reduce to the registrable domain (`sales.acme.co.uk` ->
//! `acme.co.uk`), so an address and a website of the same firm meet. The registrable part is
//! found with a short list of second-level suffixes (`co.uk`, `com.au` ...) and site builders
//! (`wixsite.com`, `github.io` ...), not the full public suffix list.

use std::collections::HashSet;
use std::sync::LazyLock;

const FREE_MAIL_ASSET: &str = include_str!("../../../assets/free_email_domains.txt");

static FREE_MAIL: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    FREE_MAIL_ASSET
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

/// Second-level suffixes under which firms register (the registrable domain has three labels).
const SECOND_LEVEL: &[&str] = &[
    "co.uk",
    "org.uk",
    "ac.uk",
    "gov.uk",
    "ltd.uk",
    "plc.uk",
    "me.uk",
    "net.uk",
    "com.au",
    "net.au",
    "org.au",
    "co.nz",
    "org.nz",
    "co.za",
    "co.jp",
    "ne.jp",
    "or.jp",
    "com.br",
    "com.cn",
    "com.mx",
    "com.ar",
    "com.tr",
    "co.in",
    "co.kr",
    "com.sg",
    "com.my",
    "com.hk",
    "co.il",
    "com.pl",
    "co.at",
    "or.at",
    "com.es",
    "com.pt",
    "com.gr",
    "com.cy",
    "com.mt",
    "co.hu",
    "com.ua",
    "com.ru",
    "com.tw",
    "co.th",
    "co.id",
    "com.ph",
    "com.vn",
    "com.co",
    "com.pe",
    "com.ve",
    "com.ec",
    "com.uy",
    "com.eg",
    "co.ke",
    "com.ng",
    "com.sa",
    "co.ae",
    "com.pk",
    "wixsite.com",
    "blogspot.com",
    "github.io",
    "myshopify.com",
    "jimdosite.com",
    "jimdo.com",
    "wordpress.com",
    "business.site",
    "webflow.io",
    "netlify.app",
    "herokuapp.com",
    "weebly.com",
    "squarespace.com",
    "azurewebsites.net",
];

/// Sites that host many firms' pages: a link there says nothing about which firm it is.
const PLATFORMS: &[&str] = &[
    "facebook.com",
    "linkedin.com",
    "xing.com",
    "instagram.com",
    "twitter.com",
    "x.com",
    "youtube.com",
    "google.com",
    "goo.gl",
    "bit.ly",
    "tiktok.com",
    "pinterest.com",
    "yelp.com",
    "amazon.com",
    "ebay.com",
    "t.me",
    "wa.me",
];

/// True for a free-mail domain (gmail.com, web.de, orange.fr ...) from
/// `assets/free_email_domains.txt`; give the lower-case domain.
///
/// ```
/// use ledgerlink::core::normalize::ids::is_free_mail;
/// assert!(is_free_mail("gmail.com"));
/// assert!(is_free_mail("t-online.de"));
/// assert!(!is_free_mail("siemens.com"));
/// ```
pub fn is_free_mail(domain: &str) -> bool {
    FREE_MAIL.contains(domain) || FREE_MAIL.contains(registrable(domain))
}

/// The registrable domain of an e-mail address, lower case; None when there is no address or
/// it is on a free-mail domain (no evidence of the firm). The first of several addresses counts;
/// "Name &lt;addr&gt;" and "mailto:" are understood.
///
/// ```
/// use ledgerlink::core::normalize::ids::email_domain;
/// assert_eq!(email_domain("Max.Mustermann@Acme.DE").as_deref(), Some("acme.de"));
/// assert_eq!(email_domain("Sales <sales@eu.acme.co.uk>").as_deref(), Some("acme.co.uk"));
/// assert_eq!(email_domain("max@gmail.com"), None);
/// ```
pub fn email_domain(raw: &str) -> Option<String> {
    let address = raw
        .split([',', ';', ' ', '\t'])
        .map(|part| part.trim_matches(|ch: char| matches!(ch, '<' | '>' | '"' | '\'' | '(' | ')')))
        .find(|part| part.contains('@'))?;
    let (_, host) = address.rsplit_once('@')?;
    let host = clean_host(host)?;
    if is_free_mail(&host) {
        return None;
    }
    Some(registrable(&host).to_owned())
}

/// The registrable domain of a website, lower case, without scheme, `www.`, path, query or port;
/// None when there is none or it is a platform page (facebook.com, linkedin.com ...).
///
/// ```
/// use ledgerlink::core::normalize::ids::website_domain;
/// assert_eq!(website_domain("https://www.Acme.de/x").as_deref(), Some("acme.de"));
/// assert_eq!(website_domain("acme.co.uk:8080/en?x=1").as_deref(), Some("acme.co.uk"));
/// assert_eq!(website_domain("https://www.facebook.com/acme"), None);
/// ```
pub fn website_domain(raw: &str) -> Option<String> {
    let text = raw.trim();
    let text = match text.find("://") {
        Some(at) => &text[at + 3..],
        None => text.strip_prefix("//").unwrap_or(text),
    };
    let host = text.split(['/', '?', '#', ' ']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, after)| after);
    let host = clean_host(host)?;
    let domain = registrable(&host);
    if PLATFORMS.contains(&domain) {
        return None;
    }
    Some(domain.to_owned())
}

/// Lower-case host without port, trailing dot or `www.`; None unless it has a dot and only
/// letters, digits, dashes and dots, with no empty label and not all digits (an IP address).
fn clean_host(host: &str) -> Option<String> {
    let host = host.split(':').next()?.trim().trim_end_matches('.');
    let mut host = host.to_lowercase();
    for prefix in ["www.", "www1.", "www2.", "www3.", "ww."] {
        if let Some(rest) = host.strip_prefix(prefix)
            && rest.contains('.')
        {
            host = rest.to_owned();
            break;
        }
    }
    let valid = host.contains('.')
        && host.split('.').all(|label| !label.is_empty())
        && host
            .chars()
            .all(|ch| ch.is_alphanumeric() || ch == '-' || ch == '.')
        && !host.chars().all(|ch| ch.is_ascii_digit() || ch == '.');
    valid.then_some(host)
}

/// The last two labels, or three under a [`SECOND_LEVEL`] suffix.
fn registrable(host: &str) -> &str {
    let mut dots = host.rmatch_indices('.').map(|(at, _)| at).skip(1);
    let Some(second) = dots.next() else {
        return host;
    };
    if !SECOND_LEVEL.contains(&&host[second + 1..]) {
        return &host[second + 1..];
    }
    dots.next().map_or(host, |third| &host[third + 1..])
}

#[cfg(test)]
mod tests {
    use super::{email_domain, is_free_mail, website_domain};

    #[test]
    fn email_domains() {
        let cases = [
            ("info@acme.de", Some("acme.de")),
            ("  Info@ACME.DE ", Some("acme.de")),
            ("mailto:info@acme.de", Some("acme.de")),
            ("Acme Sales <sales@acme.com>", Some("acme.com")),
            ("a@acme.com; b@other.com", Some("acme.com")),
            ("max@mail.acme.de", Some("acme.de")),
            ("max@acme.co.uk", Some("acme.co.uk")),
            ("max@sales.acme.co.uk", Some("acme.co.uk")),
            ("max@müller.de", Some("müller.de")),
            ("max@gmail.com", None),
            ("max@googlemail.com", None),
            ("max@web.de", None),
            ("max@t-online.de", None),
            ("max@orange.fr", None),
            ("max@yahoo.co.uk", None),
            ("max@", None),
            ("acme.de", None),
            ("max@localhost", None),
            ("", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(email_domain(raw).as_deref(), expected, "{raw:?}");
        }
    }

    #[test]
    fn website_domains() {
        let cases = [
            ("https://www.acme.de", Some("acme.de")),
            ("http://acme.de/impressum", Some("acme.de")),
            ("WWW.ACME.DE", Some("acme.de")),
            ("www.acme.de.", Some("acme.de")),
            ("acme.de:443", Some("acme.de")),
            ("https://shop.acme.com/de-de/?q=1#top", Some("acme.com")),
            ("https://www.acme.co.uk/", Some("acme.co.uk")),
            ("acme.wixsite.com/home", Some("acme.wixsite.com")),
            ("//acme.fr", Some("acme.fr")),
            ("https://user@acme.fr", Some("acme.fr")),
            ("https://www.linkedin.com/company/acme", None),
            ("facebook.com/acme", None),
            ("http://192.168.0.1/", None),
            ("n/a", None),
            ("", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(website_domain(raw).as_deref(), expected, "{raw:?}");
        }
    }

    #[test]
    fn free_mail_list_is_loaded() {
        assert!(is_free_mail("gmx.de"));
        assert!(is_free_mail("hotmail.com"));
        assert!(!is_free_mail("acme.de"));
    }
}
