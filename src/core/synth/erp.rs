//! The ERP view of a firm: customer (debtor) records as a Business Central or SAP list export
//! holds them: names in upper case and cut at 35 characters, ASCII-only spellings, blocked old
//! records.

use super::address::{AddressStyle, street_set};
use super::firm::Firm;
use super::name::NameStyle;
use super::profile::{self, erp_missing};
use super::rng::{Rng, Stream};
use super::text::{self, Accents};
use super::traits::Traits;
use super::vat;
use super::vocab::VatScheme;
use super::web::{self, MailChoice};
use crate::core::model::Side;

/// Columns of `erp_customers.xlsx` / `.csv`.
pub const ERP_HEADER: [&str; 12] = [
    "Customer No.",
    "Name",
    "Name 2",
    "Address",
    "Address 2",
    "Post Code",
    "City",
    "Country/Region Code",
    "Phone No.",
    "E-Mail",
    "VAT Registration No.",
    "Blocked",
];

/// An ERP record before its customer number is assigned.
#[derive(Debug, Clone)]
pub struct ErpDraft {
    /// Position of the firm in its chunk.
    pub slot: usize,
    /// 0 for the firm's main record, 1 and 2 for duplicates.
    pub copy: u8,
    /// The cells, in [`ERP_HEADER`] order; the number still empty.
    pub cells: Vec<String>,
    /// What was done to the record.
    pub traits: Traits,
}

fn accents(rng: &mut Rng) -> Accents {
    match rng.below(20) {
        0..=8 => Accents::WriteOut,
        9..=11 => Accents::Drop,
        _ => Accents::Keep,
    }
}

fn name_style(duplicate: bool, accents: Accents, rng: &mut Rng) -> NameStyle {
    NameStyle {
        usual_form_share: 0.55,
        form_missing: if duplicate { 0.15 } else { 0.08 },
        abbreviate: 0.35,
        connector_swap: 0.25,
        typo: if duplicate { 0.08 } else { 0.025 },
        accents,
        upper_case: rng.chance(0.85),
        romanised: rng.chance(0.45),
    }
}

/// The ERP records of one firm (none for CRM-only firms).
pub fn drafts(firm: &Firm, slot: usize, seed: u64) -> Vec<ErpDraft> {
    let mut rng = Rng::stream(seed, Stream::ErpView, firm.index);
    (0..firm.erp_copies)
        .map(|copy| draft(firm, slot, copy, &mut rng))
        .collect()
}

fn draft(firm: &Firm, slot: usize, copy: u8, rng: &mut Rng) -> ErpDraft {
    let duplicate = copy > 0;
    let mut traits = Traits::default();
    traits.insert_if(duplicate, Traits::DUPLICATE);
    traits.insert_if(firm.lookalike_of.is_some(), Traits::LOOKALIKE);
    traits.insert_if(firm.name.generic, Traits::GENERIC_NAME);
    let country = firm.country;
    let (address, main_phone, old) = firm.address_for(Side::Erp);
    traits.insert_if(old, Traits::OLD_ADDRESS);
    let accent_policy = accents(rng);
    let full_name = firm
        .name
        .render(&name_style(duplicate, accent_policy, rng), rng, &mut traits);
    let (name, rest) = text::cut(&full_name, profile::ERP_NAME_LENGTH);
    traits.insert_if(rest.is_some(), Traits::CUT);
    let name2 = rest.filter(|_| rng.chance(0.5)).unwrap_or_default();
    let style = AddressStyle {
        abbreviate: 0.5,
        alt_city: 0.03,
        lost_zero: 0.0,
        postcode_prefix: 0.03,
        compact_postcode: 0.05,
        accents: accent_policy,
        upper_case: rng.chance(0.2),
    };
    let blank = String::new;
    let street = if rng.chance(erp_missing::ADDRESS) {
        blank()
    } else {
        address.street_line(street_set(country, address.city), &style, rng)
    };
    let address2 = address.address2_text(&style).unwrap_or_default();
    let postcode = if rng.chance(erp_missing::POSTCODE) {
        blank()
    } else {
        address.postcode_text(country, &style, rng)
    };
    let mut city = if rng.chance(erp_missing::CITY) {
        blank()
    } else {
        address.city_text(&style, rng)
    };
    if !address.city.region.is_empty() && !city.is_empty() && rng.chance(0.2) {
        city = format!("{city}, {}", address.city.region);
    }
    let country_code = match country.code {
        "DE" if rng.chance(erp_missing::DOMESTIC_COUNTRY) => blank(),
        "GB" if rng.chance(0.1) => "UK".to_string(),
        code => code.to_string(),
    };
    let phone = match &firm.accounts_phone {
        Some(accounts) if !old && rng.chance(0.5) => {
            traits.insert(Traits::OTHER_PHONE);
            accounts
        }
        _ => main_phone,
    };
    let phone_text = if rng.chance(erp_missing::PHONE) {
        blank()
    } else {
        phone.format(country, 0.25, rng)
    };
    let email = if rng.chance(erp_missing::EMAIL) {
        blank()
    } else {
        let choice = MailChoice {
            accounting: true,
            personal: 0.2,
            free_mail: 0.08,
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
    let vat_rate = if firm
        .tax_id
        .as_ref()
        .is_some_and(|id| id.scheme == VatScheme::AmericanEin)
    {
        0.7
    } else {
        erp_missing::VAT
    };
    let vat_text = match &firm.tax_id {
        Some(id) if !rng.chance(vat_rate) => vat::format(id, 0.15, 0.15, rng),
        _ => blank(),
    };
    let blocked = if duplicate && rng.chance(0.45) {
        "All"
    } else {
        *rng.weighted(&[("", 96), ("All", 2), ("Invoice", 1), ("Ship", 1)])
    };
    let cells = vec![
        blank(),
        name,
        name2,
        street,
        address2,
        postcode,
        city,
        country_code,
        phone_text,
        email,
        vat_text,
        blocked.to_string(),
    ];
    ErpDraft {
        slot,
        copy,
        cells,
        traits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fit_the_field_and_are_mostly_upper_case() {
        let mut upper = 0;
        let mut total = 0;
        for index in 0..2000 {
            let firm = Firm::generate(5, index);
            for draft in drafts(&firm, 0, 5) {
                let name = &draft.cells[1];
                assert!(name.chars().count() <= profile::ERP_NAME_LENGTH, "{name}");
                assert_eq!(draft.cells.len(), ERP_HEADER.len());
                total += 1;
                if name.chars().any(char::is_alphabetic) && name.to_uppercase() == *name {
                    upper += 1;
                }
            }
        }
        let share = f64::from(upper) / f64::from(total);
        assert!((0.75..0.95).contains(&share), "{share}");
    }
}
