//! The true firm behind the records: what a perfect matcher would know.

use crate::core::model::Side;

use super::address::Address;
use super::name::FirmName;
use super::phone::Phone;
use super::profile;
use super::rng::{Rng, Stream};
use super::vat::{self, TaxId};
use super::vocab::{self, City, Country, Lang, names};
use super::web::{self, Contact};

/// Which lists hold a firm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// A customer with a CRM account.
    Both,
    /// A lead, prospect, supplier ... without ERP customer.
    CrmOnly,
    /// An ERP customer nobody put into the CRM.
    ErpOnly,
}

/// A firm that moved: one list still shows where it was.
#[derive(Debug, Clone)]
pub struct Move {
    /// The old address.
    pub old_address: Address,
    /// The old phone number (another number when the firm changed city).
    pub old_phone: Phone,
    /// The list that was not updated.
    pub stale_side: Side,
}

/// A firm as it really is.
#[derive(Debug, Clone)]
pub struct Firm {
    /// Number of the firm in the data set (0-based).
    pub index: u64,
    /// Country of the firm.
    pub country: &'static Country,
    /// Language of its name and address.
    pub lang: Lang,
    /// The true name.
    pub name: FirmName,
    /// The current address.
    pub address: Address,
    /// The main phone number.
    pub phone: Phone,
    /// A separate accounts-payable line that the ERP may hold instead.
    pub accounts_phone: Option<Phone>,
    /// The old address, if the firm moved and one list was not updated.
    pub moved: Option<Move>,
    /// VAT or tax id, where the country has one.
    pub tax_id: Option<TaxId>,
    /// Own web domain, if any.
    pub domain: Option<String>,
    /// A contact person.
    pub contact: Contact,
    /// Which lists hold the firm.
    pub presence: Presence,
    /// Records in the CRM (0 to 3).
    pub crm_copies: u8,
    /// Records in the ERP (0 to 3).
    pub erp_copies: u8,
    /// The firm whose name this one shares, if it is a look-alike.
    pub lookalike_of: Option<u64>,
    /// Day the first CRM record was created, counted from 2008-01-01.
    pub created_day: u32,
}

/// Identity of a firm: where it is and what it is called.
struct Core {
    country: &'static Country,
    city: &'static City,
    lang: Lang,
    name: FirmName,
}

fn pick_country(rng: &mut Rng) -> &'static Country {
    let countries = vocab::countries();
    let total: u64 = countries
        .iter()
        .map(|country| u64::from(country.weight))
        .sum();
    let mut ticket = rng.below(total);
    for country in countries {
        let weight = u64::from(country.weight);
        if ticket < weight {
            return country;
        }
        ticket -= weight;
    }
    &countries[countries.len() - 1]
}

fn core(seed: u64, index: u64) -> Core {
    let mut rng = Rng::stream(seed, Stream::FirmCore, index);
    let country = pick_country(&mut rng);
    let city = rng.pick(country.cities);
    let lang = city.lang.unwrap_or(country.lang);
    let generic = rng.chance(profile::GENERIC_NAME_RATE);
    let name = FirmName::generate(country, lang, generic, &mut rng);
    Core {
        country,
        city,
        lang,
        name,
    }
}

/// The earlier firm a firm would copy its name from, before checking that one.
fn lookalike_candidate(seed: u64, index: u64) -> Option<u64> {
    let offset = index % profile::CHUNK_FIRMS;
    if offset == 0 {
        return None;
    }
    let mut rng = Rng::stream(seed, Stream::Lookalike, index);
    if !rng.chance(profile::LOOKALIKE_RATE) {
        return None;
    }
    Some(index - 1 - rng.below(offset.min(400)))
}

/// The firm (in the same chunk) whose name firm `index` shares, if it is a look-alike.
pub fn lookalike_source(seed: u64, index: u64) -> Option<u64> {
    lookalike_candidate(seed, index).filter(|&source| lookalike_candidate(seed, source).is_none())
}

fn copies(rng: &mut Rng, duplicate_rate: f64) -> u8 {
    if !rng.chance(duplicate_rate) {
        1
    } else if rng.chance(profile::TRIPLE_RATE) {
        3
    } else {
        2
    }
}

impl Firm {
    /// Firm number `index` of the data set made from `seed`. The same arguments always give the
    /// same firm, whatever else is generated.
    pub fn generate(seed: u64, index: u64) -> Firm {
        let lookalike_of = lookalike_source(seed, index);
        let mut core = core(seed, index);
        let mut rng = Rng::stream(seed, Stream::FirmDetails, index);
        if let Some(source) = lookalike_of {
            let original = self::core(seed, source);
            let others: Vec<&'static City> = original
                .country
                .cities
                .iter()
                .filter(|city| city.name != original.city.name)
                .collect();
            let city = if others.is_empty() {
                original.city
            } else {
                others[rng.index(others.len())]
            };
            core = Core { city, ..original };
        }
        let country = core.country;
        let address = Address::generate(country, core.city, &mut rng);
        let phone = Phone::generate(country, core.city, &mut rng);
        let accounts_phone = rng
            .chance(profile::ACCOUNTS_PHONE_RATE)
            .then(|| Phone::generate(country, core.city, &mut rng));
        let moved = rng.chance(profile::MOVED_RATE).then(|| {
            let old_city = if rng.chance(profile::MOVED_CITY_SHARE) {
                rng.pick(country.cities)
            } else {
                core.city
            };
            let old_phone = if old_city.name == core.city.name {
                phone.clone()
            } else {
                Phone::generate(country, old_city, &mut rng)
            };
            let stale_side = if rng.chance(0.5) {
                Side::Erp
            } else {
                Side::Crm
            };
            Move {
                old_address: Address::generate(country, old_city, &mut rng),
                old_phone,
                stale_side,
            }
        });
        let tax_id = vat::generate(country.vat, &mut rng);
        let domain = rng.chance(profile::OWN_DOMAIN_RATE).then(|| {
            web::company_domain(
                &core.name,
                country,
                core.city,
                lookalike_of.is_some(),
                &mut rng,
            )
        });
        let contact = Contact {
            first: rng.pick::<&str>(names::first_names(core.lang)),
            last: rng.pick::<&str>(names::surnames(core.lang)),
        };
        let draw = rng.unit();
        let presence = if draw < profile::SHARE_BOTH {
            Presence::Both
        } else if draw < profile::SHARE_BOTH + profile::SHARE_CRM_ONLY {
            Presence::CrmOnly
        } else {
            Presence::ErpOnly
        };
        let crm_copies = if presence == Presence::ErpOnly {
            0
        } else {
            copies(&mut rng, profile::CRM_DUPLICATE_RATE)
        };
        let erp_copies = if presence == Presence::CrmOnly {
            0
        } else {
            copies(&mut rng, profile::ERP_DUPLICATE_RATE)
        };
        Firm {
            index,
            country,
            lang: core.lang,
            name: core.name,
            address,
            phone,
            accounts_phone,
            moved,
            tax_id,
            domain,
            contact,
            presence,
            crm_copies,
            erp_copies,
            lookalike_of,
            created_day: rng.below(17 * 365) as u32,
        }
    }

    /// The firm's id in the truth files ("F0000042").
    pub fn firm_id(&self) -> String {
        format!("F{:07}", self.index)
    }

    /// The address and phone a record on `side` shows (the old ones if that list is stale).
    pub fn address_for(&self, side: Side) -> (&Address, &Phone, bool) {
        match &self.moved {
            Some(moved) if moved.stale_side == side => (&moved.old_address, &moved.old_phone, true),
            _ => (&self.address, &self.phone, false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_firm_is_the_same_whenever_it_is_generated() {
        let a = Firm::generate(7, 123);
        let b = Firm::generate(7, 123);
        assert_eq!(a.name.canonical(), b.name.canonical());
        assert_eq!(a.address.street, b.address.street);
        assert_eq!(a.phone, b.phone);
        assert_ne!(Firm::generate(8, 123).name.canonical(), "");
    }

    #[test]
    fn lookalikes_share_the_name_but_not_the_city() {
        let seed = 7;
        let lookalike = (1..5000)
            .map(|index| Firm::generate(seed, index))
            .find(|firm| firm.lookalike_of.is_some())
            .expect("a look-alike among 5000 firms");
        let source = Firm::generate(seed, lookalike.lookalike_of.expect("source"));
        assert_eq!(lookalike.name.canonical(), source.name.canonical());
        assert_eq!(lookalike.country.code, source.country.code);
        assert_ne!(lookalike.address.city.name, source.address.city.name);
        assert!(source.lookalike_of.is_none());
    }

    #[test]
    fn presence_shares_are_as_documented() {
        let firms: Vec<Firm> = (0..20_000).map(|index| Firm::generate(1, index)).collect();
        let share =
            |presence| firms.iter().filter(|f| f.presence == presence).count() as f64 / 20_000.0;
        assert!((share(Presence::Both) - profile::SHARE_BOTH).abs() < 0.02);
        assert!((share(Presence::CrmOnly) - profile::SHARE_CRM_ONLY).abs() < 0.02);
        let german = firms.iter().filter(|f| f.country.code == "DE").count() as f64 / 20_000.0;
        assert!((0.3..0.5).contains(&german), "{german}");
    }
}
