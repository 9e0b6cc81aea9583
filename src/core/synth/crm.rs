//! The CRM view of a firm: Salesforce-style account records as a Data Loader export holds them.

use super::address::{AddressStyle, street_set};
use super::firm::{Firm, Presence};
use super::name::NameStyle;
use super::profile::{self, crm_missing};
use super::rng::{Rng, Stream};
use super::text::Accents;
use super::traits::Traits;
use super::vat;
use super::vocab::names::ACCOUNT_OWNERS;
use super::web::{self, MailChoice};
use crate::core::model::Side;

/// Columns of `crm_accounts.csv`.
pub const CRM_HEADER: [&str; 15] = [
    "Id",
    "Name",
    "Type",
    "BillingStreet",
    "BillingPostalCode",
    "BillingCity",
    "BillingState",
    "BillingCountry",
    "Phone",
    "Website",
    "Email__c",
    "VAT_Number__c",
    "ERP_Customer_No__c",
    "OwnerName",
    "CreatedDate",
];

/// Position of the id column.
pub const CRM_ID: usize = 0;
/// Position of the ERP number column.
pub const CRM_XREF: usize = 12;

/// What the ERP number field of a CRM record should hold; resolved once ERP numbers are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XrefPlan {
    /// Empty.
    None,
    /// The number of the firm's ERP record `erp_copy`, typed carelessly if `sloppy`.
    Correct {
        /// Which of the firm's ERP records.
        erp_copy: u8,
        /// Written without leading zeros, lower case or with a stray space.
        sloppy: bool,
    },
    /// A number no ERP customer has.
    Unknown,
    /// Another firm's ERP number.
    Contradicted,
}

/// A CRM record before ids are assigned.
#[derive(Debug, Clone)]
pub struct CrmDraft {
    /// Position of the firm in its chunk.
    pub slot: usize,
    /// 0 for the firm's main record, 1 and 2 for duplicates.
    pub copy: u8,
    /// The cells, in [`CRM_HEADER`] order; id and ERP number still empty.
    pub cells: Vec<String>,
    /// What the ERP number field should hold.
    pub xref: XrefPlan,
    /// What was done to the record.
    pub traits: Traits,
}

const TYPES_CUSTOMER: &[(&str, u32)] = &[
    ("Customer", 86),
    ("Reseller", 5),
    ("Supplier", 2),
    ("Prospect", 4),
    ("Division", 2),
    ("Associate", 1),
];
const TYPES_NO_CUSTOMER: &[(&str, u32)] = &[
    ("Lead", 30),
    ("Prospect", 30),
    ("Suspect", 15),
    ("Not validated", 10),
    ("Associate", 5),
    ("Supplier", 5),
    ("Bank", 2),
    ("Reseller", 3),
];

fn name_style(duplicate: bool, rng: &mut Rng) -> NameStyle {
    let accents = match rng.below(200) {
        0..=6 => Accents::WriteOut,
        7..=9 => Accents::Drop,
        _ => Accents::Keep,
    };
    NameStyle {
        usual_form_share: 0.65,
        form_missing: if duplicate { 0.25 } else { 0.12 },
        abbreviate: if duplicate { 0.35 } else { 0.25 },
        connector_swap: 0.2,
        typo: if duplicate { 0.12 } else { 0.03 },
        accents,
        upper_case: rng.chance(if duplicate { 0.06 } else { 0.03 }),
        romanised: rng.chance(0.1),
    }
}

const ADDRESS_STYLE: AddressStyle = AddressStyle {
    abbreviate: 0.3,
    alt_city: 0.08,
    lost_zero: 0.04,
    postcode_prefix: 0.02,
    compact_postcode: 0.1,
    accents: Accents::Keep,
    upper_case: false,
};

/// Civil date from days since 1970-01-01 (proleptic Gregorian).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A Salesforce timestamp ("2016-03-14T09:21:33.000Z") `day` days after 2008-01-01.
pub fn created_date(day: u32, rng: &mut Rng) -> String {
    const DAYS_1970_TO_2008: i64 = 13_879;
    let (year, month, date) = civil_from_days(DAYS_1970_TO_2008 + i64::from(day));
    let (hour, minute, second) = (rng.between(6, 19), rng.below(60), rng.below(60));
    format!("{year:04}-{month:02}-{date:02}T{hour:02}:{minute:02}:{second:02}.000Z")
}

fn missing(rng: &mut Rng, rate: f64, duplicate: bool) -> bool {
    rng.chance(rate) || (duplicate && rng.chance(crm_missing::DUPLICATE_EXTRA))
}

fn xref_plan(firm: &Firm, account_type: &str, duplicate: bool, rng: &mut Rng) -> XrefPlan {
    if firm.presence != Presence::Both {
        return if rng.chance(profile::XREF_STALE_ON_CRM_ONLY) {
            XrefPlan::Unknown
        } else {
            XrefPlan::None
        };
    }
    let carries_number = matches!(
        account_type,
        "Customer" | "Reseller" | "Division" | "Supplier"
    );
    let rate = if duplicate {
        profile::XREF_RATE_DUPLICATE
    } else {
        profile::XREF_RATE
    };
    if !carries_number || !rng.chance(rate) {
        return XrefPlan::None;
    }
    if rng.chance(profile::XREF_WRONG_RATE) {
        return if rng.chance(profile::XREF_UNKNOWN_SHARE) {
            XrefPlan::Unknown
        } else {
            XrefPlan::Contradicted
        };
    }
    let erp_copy = if firm.erp_copies > 1 && rng.chance(0.2) {
        1 + rng.below(u64::from(firm.erp_copies) - 1) as u8
    } else {
        0
    };
    XrefPlan::Correct {
        erp_copy,
        sloppy: rng.chance(profile::XREF_SLOPPY_RATE),
    }
}

/// The CRM records of one firm (none for ERP-only firms).
pub fn drafts(firm: &Firm, slot: usize, seed: u64) -> Vec<CrmDraft> {
    let mut rng = Rng::stream(seed, Stream::CrmView, firm.index);
    let table = if firm.presence == Presence::Both {
        TYPES_CUSTOMER
    } else {
        TYPES_NO_CUSTOMER
    };
    let main_type = *rng.weighted(table);
    (0..firm.crm_copies)
        .map(|copy| {
            let duplicate = copy > 0;
            let account_type = if !duplicate || rng.chance(0.5) {
                main_type
            } else {
                *rng.pick(&["Prospect", "Lead", "Not validated"])
            };
            draft(firm, slot, copy, account_type, &mut rng)
        })
        .collect()
}

fn draft(
    firm: &Firm,
    slot: usize,
    copy: u8,
    account_type: &'static str,
    rng: &mut Rng,
) -> CrmDraft {
    let duplicate = copy > 0;
    let mut traits = Traits::default();
    traits.insert_if(duplicate, Traits::DUPLICATE);
    traits.insert_if(firm.lookalike_of.is_some(), Traits::LOOKALIKE);
    traits.insert_if(firm.name.generic, Traits::GENERIC_NAME);
    let country = firm.country;
    let (address, phone, old) = firm.address_for(Side::Crm);
    traits.insert_if(old, Traits::OLD_ADDRESS);
    let mut name = firm
        .name
        .render(&name_style(duplicate, rng), rng, &mut traits);
    if !firm.name.is_cjk() && rng.chance(0.03) {
        traits.insert(Traits::NAME_DECORATED);
        name = if firm.lang == super::vocab::Lang::En && rng.chance(0.5) {
            format!("The {name}")
        } else {
            format!("{name} - {}", address.city.name)
        };
    }
    let style = AddressStyle {
        upper_case: rng.chance(0.02),
        ..ADDRESS_STYLE
    };
    let mut street = address.street_line(street_set(country, address.city), &style, rng);
    if let Some(line2) = address.address2_text(&style) {
        match rng.below(10) {
            0..=4 => street = format!("{street}\n{line2}"),
            5..=7 => street = format!("{street}, {line2}"),
            _ => {}
        }
    }
    let blank = String::new;
    let street = if missing(rng, crm_missing::STREET, duplicate) {
        blank()
    } else {
        street
    };
    let postcode = if missing(rng, crm_missing::POSTCODE, duplicate) {
        blank()
    } else {
        address.postcode_text(country, &style, rng)
    };
    let city = if missing(rng, crm_missing::CITY, false) {
        blank()
    } else {
        address.city_text(&style, rng)
    };
    let state = match (address.city.region, rng.below(10)) {
        ("", _) | (_, 9) => blank(),
        (region, _) => region.to_string(),
    };
    let country_text = if missing(rng, crm_missing::COUNTRY, duplicate) {
        blank()
    } else {
        rng.pick_mostly_first(country.names, 0.6).to_string()
    };
    let phone_text = if missing(rng, crm_missing::PHONE, duplicate) {
        blank()
    } else {
        phone.format(country, 0.45, rng)
    };
    let website = match &firm.domain {
        Some(domain) if !missing(rng, crm_missing::WEBSITE, duplicate) => web::website(domain, rng),
        _ => blank(),
    };
    let email = if missing(rng, crm_missing::EMAIL, duplicate) {
        blank()
    } else {
        let choice = MailChoice {
            accounting: false,
            personal: 0.4,
            free_mail: 0.1,
        };
        web::email(
            firm.domain.as_deref(),
            &firm.name,
            &firm.contact,
            country,
            choice,
            rng,
        )
    };
    let vat_text = match &firm.tax_id {
        Some(id)
            if id.scheme != super::vocab::VatScheme::AmericanEin
                && !missing(rng, crm_missing::VAT, duplicate) =>
        {
            let written = vat::format(id, 0.2, 0.15, rng);
            if rng.chance(0.03) {
                traits.insert(Traits::VAT_TYPO);
                vat::mistype(&written, rng)
            } else {
                written
            }
        }
        _ => blank(),
    };
    let xref = xref_plan(firm, account_type, duplicate, rng);
    let owner = rng.weighted(ACCOUNT_OWNERS).to_string();
    let created_day = if duplicate {
        (firm.created_day + rng.below(1500) as u32).min(17 * 365)
    } else {
        firm.created_day
    };
    let cells = vec![
        blank(),
        name,
        account_type.to_string(),
        street,
        postcode,
        city,
        state,
        country_text,
        phone_text,
        website,
        email,
        vat_text,
        blank(),
        owner,
        created_date(created_day, rng),
    ];
    CrmDraft {
        slot,
        copy,
        cells,
        xref,
        traits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_salesforce_timestamps() {
        let mut rng = Rng::new(1);
        let first = created_date(0, &mut rng);
        assert!(first.starts_with("2008-01-01T"), "{first}");
        assert!(first.ends_with(".000Z"));
        assert!(created_date(366 + 59, &mut rng).starts_with("2009-03-01"));
        assert!(created_date(17 * 365, &mut rng).starts_with("2024-12-"));
    }

    #[test]
    fn every_record_has_every_column() {
        for index in 0..300 {
            let firm = Firm::generate(3, index);
            for draft in drafts(&firm, 0, 3) {
                assert_eq!(draft.cells.len(), CRM_HEADER.len());
                assert!(!draft.cells[1].is_empty(), "a name");
            }
        }
    }
}
