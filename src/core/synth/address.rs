//! Postal addresses: the true one, and how a record writes its street, postcode and city.

use super::rng::Rng;
use super::text::{self, Accents};
use super::vocab::streets::{address2_patterns, street_abbreviations, streets};
use super::vocab::{City, Country, StreetSet};

/// A firm's postal address.
#[derive(Debug, Clone)]
pub struct Address {
    /// Street name without number.
    pub street: &'static str,
    /// House number as written ("12a", "1-2-3").
    pub house_number: String,
    /// Unit, suite, building, if any.
    pub address2: Option<String>,
    /// The city.
    pub city: &'static City,
    /// One of the city's real postcodes.
    pub postcode: &'static str,
}

/// How one record writes an address.
#[derive(Debug, Clone, Copy)]
pub struct AddressStyle {
    /// Probability of abbreviating the street type (Straße -> Str.).
    pub abbreviate: f64,
    /// Probability of another spelling of the city (Munich, Muenchen).
    pub alt_city: f64,
    /// Probability that a leading zero of a postcode was lost in a spreadsheet.
    pub lost_zero: f64,
    /// Probability of an old-style country prefix on the postcode ("D-80331").
    pub postcode_prefix: f64,
    /// Probability of a postcode written without its inner space or hyphen.
    pub compact_postcode: f64,
    /// Accent policy.
    pub accents: Accents,
    /// Everything in upper case.
    pub upper_case: bool,
}

fn house_number(set: StreetSet, rng: &mut Rng) -> String {
    match set {
        StreetSet::German | StreetSet::Swiss | StreetSet::Dutch => {
            let number = rng.between(1, 160);
            match rng.below(20) {
                0 | 1 => format!("{number}{}", char::from(b'a' + rng.below(4) as u8)),
                2 => format!("{number}-{}", number + 2),
                _ => number.to_string(),
            }
        }
        StreetSet::French => {
            let number = rng.between(1, 140);
            if rng.chance(0.04) {
                format!("{number} bis")
            } else {
                number.to_string()
            }
        }
        StreetSet::American => rng.between(100, 9800).to_string(),
        StreetSet::Polish => {
            let number = rng.between(1, 150);
            if rng.chance(0.3) {
                format!("{number}/{}", rng.between(1, 40))
            } else {
                number.to_string()
            }
        }
        StreetSet::Japanese => format!(
            "{}-{}-{}",
            rng.between(1, 9),
            rng.between(1, 20),
            rng.between(1, 30)
        ),
        StreetSet::Chinese => rng.between(1, 999).to_string(),
        StreetSet::British | StreetSet::Spanish | StreetSet::Italian => {
            rng.between(1, 220).to_string()
        }
    }
}

impl Address {
    /// A random address in `city`.
    pub fn generate(country: &Country, city: &'static City, rng: &mut Rng) -> Address {
        let set = street_set(country, city);
        let street = *rng.pick(streets(set));
        let house_number = house_number(set, rng);
        let address2 = if rng.chance(address2_share(set)) {
            let pattern = rng.pick(address2_patterns(set));
            Some(pattern.replace("{}", &rng.between(1, 12).to_string()))
        } else {
            None
        };
        Address {
            street,
            house_number,
            address2,
            city,
            postcode: rng.pick::<&str>(city.postcodes),
        }
    }

    /// Street and house number in the local order, as one record writes them.
    pub fn street_line(&self, set: StreetSet, style: &AddressStyle, rng: &mut Rng) -> String {
        let mut street = self.street.to_string();
        if rng.chance(style.abbreviate) {
            let rules = street_abbreviations(set);
            let applicable: Vec<&(&str, &str)> = rules
                .iter()
                .filter(|(full, _)| street.contains(full))
                .collect();
            if !applicable.is_empty() {
                let (full, short) = *applicable[rng.index(applicable.len())];
                street = street.replacen(full, short, 1);
            }
        }
        let number = &self.house_number;
        let line = match set {
            StreetSet::French if rng.chance(0.15) => format!("{number}, {street}"),
            StreetSet::French | StreetSet::British | StreetSet::American | StreetSet::Japanese => {
                format!("{number} {street}")
            }
            StreetSet::Chinese if rng.chance(0.5) => format!("No. {number} {street}"),
            StreetSet::Chinese => format!("{number} {street}"),
            StreetSet::Spanish if rng.chance(0.6) => format!("{street}, {number}"),
            StreetSet::Italian if rng.chance(0.4) => format!("{street}, {number}"),
            _ if rng.chance(0.02) => format!("{street}{number}"),
            _ => format!("{street} {number}"),
        };
        finish(&line, style)
    }

    /// The postcode as one record writes it.
    pub fn postcode_text(&self, country: &Country, style: &AddressStyle, rng: &mut Rng) -> String {
        let mut code = self.postcode.to_string();
        if rng.chance(style.compact_postcode) {
            code.retain(|c| c != ' ' && c != '-');
        }
        if country.code == "GB" && rng.chance(0.05) {
            code = code.to_lowercase();
        }
        if country.code == "US" && rng.chance(0.1) {
            code = format!("{code}-{}", rng.digits(4));
        }
        if code.starts_with('0') && rng.chance(style.lost_zero) {
            code = code.trim_start_matches('0').to_string();
        } else if rng.chance(style.postcode_prefix) {
            let prefix = match country.code {
                "DE" => "D-",
                "AT" => "A-",
                "CH" => "CH-",
                "FR" => "F-",
                "NL" => "NL-",
                "IT" => "I-",
                "PL" => "PL-",
                "ES" => "E-",
                _ => "",
            };
            code = format!("{prefix}{code}");
        }
        if style.upper_case {
            code.to_uppercase()
        } else {
            code
        }
    }

    /// The city as one record writes it.
    pub fn city_text(&self, style: &AddressStyle, rng: &mut Rng) -> String {
        let name = if !self.city.alt_names.is_empty() && rng.chance(style.alt_city) {
            rng.pick(self.city.alt_names)
        } else {
            self.city.name
        };
        finish(name, style)
    }

    /// The second address line as one record writes it.
    pub fn address2_text(&self, style: &AddressStyle) -> Option<String> {
        self.address2.as_deref().map(|line| finish(line, style))
    }
}

fn finish(text: &str, style: &AddressStyle) -> String {
    let text = text::accents(text, style.accents);
    if style.upper_case {
        text.to_uppercase()
    } else {
        text
    }
}

/// The street list of a city: Swiss French cities use French streets, Ticino Italian ones.
pub fn street_set(country: &Country, city: &City) -> StreetSet {
    use super::vocab::Lang;
    match (country.code, city.lang) {
        ("CH", Some(Lang::Fr)) => StreetSet::French,
        ("CH", Some(Lang::It)) => StreetSet::Italian,
        _ => country.streets,
    }
}

fn address2_share(set: StreetSet) -> f64 {
    match set {
        StreetSet::British | StreetSet::American => 0.3,
        StreetSet::Japanese | StreetSet::Chinese => 0.5,
        _ => 0.05,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::synth::vocab::country;

    fn plain() -> AddressStyle {
        AddressStyle {
            abbreviate: 0.0,
            alt_city: 0.0,
            lost_zero: 0.0,
            postcode_prefix: 0.0,
            compact_postcode: 0.0,
            accents: Accents::Keep,
            upper_case: false,
        }
    }

    #[test]
    fn german_numbers_follow_the_street_and_french_ones_precede_it() {
        let mut rng = Rng::new(2);
        let germany = country("DE").expect("DE");
        let address = Address::generate(germany, &germany.cities[0], &mut rng);
        let line = address.street_line(StreetSet::German, &plain(), &mut rng);
        assert!(line.starts_with(address.street), "{line}");
        let france = country("FR").expect("FR");
        let address = Address::generate(france, &france.cities[0], &mut rng);
        let line = address.street_line(StreetSet::French, &plain(), &mut rng);
        assert!(line.ends_with(address.street), "{line}");
    }

    #[test]
    fn a_lost_leading_zero_is_the_spreadsheet_kind() {
        let mut rng = Rng::new(4);
        let germany = country("DE").expect("DE");
        let dresden = germany
            .cities
            .iter()
            .find(|c| c.name == "Dresden")
            .expect("Dresden");
        let address = Address {
            postcode: "01067",
            ..Address::generate(germany, dresden, &mut rng)
        };
        let style = AddressStyle {
            lost_zero: 1.0,
            ..plain()
        };
        assert_eq!(address.postcode_text(germany, &style, &mut rng), "1067");
    }
}
