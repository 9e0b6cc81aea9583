//! Telephone numbers: one true number per firm, written in the many ways exports hold them
//! ("+49 30 1234567", "030/1234567", "0049-30-1234567").

use super::rng::Rng;
use super::vocab::{City, Country, PhoneStyle};

/// A telephone number: area code (without trunk prefix) and subscriber number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// Area code as in the city table.
    pub area: &'static str,
    /// Subscriber digits.
    pub subscriber: String,
}

impl Phone {
    /// A random number in `city`.
    pub fn generate(country: &Country, city: &City, rng: &mut Rng) -> Phone {
        let length = country
            .national_digits
            .saturating_sub(city.area_code.len())
            .max(5);
        let subscriber = if country.phone_style == PhoneStyle::American {
            // Exchange codes start with 2-9; 555-01xx is the fictional range, avoided for realism.
            format!("{}{}", rng.between(2, 9), rng.digits(length - 1))
        } else {
            rng.digits_nonzero_start(length)
        };
        Phone {
            area: city.area_code,
            subscriber,
        }
    }

    /// Write the number as one record would; `international` is the probability of an
    /// international form.
    pub fn format(&self, country: &Country, international: f64, rng: &mut Rng) -> String {
        let intl = rng.chance(international);
        match country.phone_style {
            PhoneStyle::AreaSubscriber => self.area_subscriber(country, intl, rng),
            PhoneStyle::French => self.french(country, intl, rng),
            PhoneStyle::American => self.american(rng),
            PhoneStyle::Grouped => self.grouped(country, intl, rng),
            PhoneStyle::Italian => self.italian(country, intl, rng),
            PhoneStyle::Hyphenated => self.hyphenated(country, intl, rng),
        }
    }

    fn area_subscriber(&self, country: &Country, intl: bool, rng: &mut Rng) -> String {
        let (cc, area, sub, trunk) = (
            country.calling_code,
            self.area,
            &self.subscriber,
            country.trunk_prefix,
        );
        let mut number = if intl {
            match rng.below(6) {
                0 | 1 => format!("+{cc} {area} {sub}"),
                2 => format!("+{cc} ({trunk}){area} {sub}"),
                3 => format!("00{cc}-{area}-{sub}"),
                4 => format!("00{cc} {area} {sub}"),
                _ => format!("+{cc}{area}{sub}"),
            }
        } else {
            match rng.below(6) {
                0 | 1 => format!("{trunk}{area} {sub}"),
                2 => format!("{trunk}{area}/{sub}"),
                3 => format!("{trunk}{area}-{sub}"),
                4 => format!("({trunk}{area}) {sub}"),
                _ => format!("{trunk}{area} {}", group(sub, natural_groups(sub.len()))),
            }
        };
        if country.code == "DE" && rng.chance(0.06) {
            // Switchboard: the "-0" extension.
            number.push_str("-0");
        }
        number
    }

    fn french(&self, country: &Country, intl: bool, rng: &mut Rng) -> String {
        let pairs = group(&self.subscriber, &[2, 2, 2, 2]);
        let area = self.area;
        if intl {
            match rng.below(3) {
                0 => format!("+33 {area} {pairs}"),
                1 => format!("+33 (0){area} {pairs}"),
                _ => format!("0033 {area} {pairs}"),
            }
        } else {
            let trunk = country.trunk_prefix;
            match rng.below(4) {
                0 | 1 => format!("{trunk}{area} {pairs}"),
                2 => format!("{trunk}{area}.{}", pairs.replace(' ', ".")),
                _ => format!("{trunk}{area}{}", self.subscriber),
            }
        }
    }

    fn american(&self, rng: &mut Rng) -> String {
        let area = self.area;
        let (exchange, line) = self.subscriber.split_at(3.min(self.subscriber.len()));
        let mut number = match rng.below(7) {
            0 | 1 => format!("({area}) {exchange}-{line}"),
            2 => format!("{area}-{exchange}-{line}"),
            3 => format!("{area}.{exchange}.{line}"),
            4 => format!("+1 {area}-{exchange}-{line}"),
            5 => format!("1-{area}-{exchange}-{line}"),
            _ => format!("+1 ({area}) {exchange}-{line}"),
        };
        if rng.chance(0.04) {
            number.push_str(&format!(" x{}", rng.between(100, 999)));
        }
        number
    }

    fn grouped(&self, country: &Country, intl: bool, rng: &mut Rng) -> String {
        let all = format!("{}{}", self.area, self.subscriber);
        let cc = country.calling_code;
        let layout: &[usize] = if country.code == "PL" || rng.chance(0.5) {
            &[2, 3, 2, 2]
        } else {
            &[3, 3, 3]
        };
        let grouped = group(&all, layout);
        if intl {
            match rng.below(3) {
                0 => format!("+{cc} {grouped}"),
                1 => format!("00{cc} {all}"),
                _ => format!("+{cc}{all}"),
            }
        } else if country.code == "PL" && rng.chance(0.2) {
            format!(
                "({}) {}",
                self.area,
                group(&self.subscriber, &[3, 2, 2]).replace(' ', "-")
            )
        } else if rng.chance(0.2) {
            all
        } else {
            grouped
        }
    }

    fn italian(&self, country: &Country, intl: bool, rng: &mut Rng) -> String {
        let (area, sub) = (self.area, &self.subscriber);
        let cc = country.calling_code;
        let spaced = group(sub, &[4, 4, 4]);
        if intl {
            match rng.below(3) {
                0 => format!("+{cc} {area} {spaced}"),
                1 => format!("+{cc}{area}{sub}"),
                _ => format!("00{cc} {area} {sub}"),
            }
        } else {
            match rng.below(3) {
                0 => format!("{area} {spaced}"),
                1 => format!("{area}/{sub}"),
                _ => format!("{area}-{sub}"),
            }
        }
    }

    fn hyphenated(&self, country: &Country, intl: bool, rng: &mut Rng) -> String {
        let (area, sub, cc) = (self.area, &self.subscriber, country.calling_code);
        let split = if country.code == "JP" {
            group(sub, &[sub.len().saturating_sub(4), 4]).replace(' ', "-")
        } else {
            sub.clone()
        };
        if intl {
            if rng.chance(0.5) {
                format!("+{cc}-{area}-{split}")
            } else {
                format!("+{cc} {area} {sub}")
            }
        } else {
            format!("{}{area}-{split}", country.trunk_prefix)
        }
    }
}

/// How people split a subscriber number of this length into groups.
fn natural_groups(length: usize) -> &'static [usize] {
    match length {
        0..=5 => &[3, 2],
        6 => &[3, 3],
        7 => &[3, 2, 2],
        8 => &[4, 4],
        9 => &[3, 3, 3],
        _ => &[3, 3, 4],
    }
}

/// Split digits into groups of the given sizes (the rest goes into the last group).
fn group(digits: &str, sizes: &[usize]) -> String {
    let mut parts: Vec<&str> = Vec::with_capacity(sizes.len() + 1);
    let mut rest = digits;
    for &size in sizes {
        if rest.is_empty() {
            break;
        }
        let (head, tail) = rest.split_at(size.min(rest.len()));
        parts.push(head);
        rest = tail;
    }
    if !rest.is_empty() {
        parts.push(rest);
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::synth::vocab::country;

    fn digits_of(text: &str) -> String {
        text.chars().filter(char::is_ascii_digit).collect()
    }

    #[test]
    fn every_format_keeps_the_national_digits() {
        let mut rng = Rng::new(8);
        for code in [
            "DE", "AT", "CH", "FR", "GB", "US", "NL", "ES", "IT", "PL", "JP", "CN",
        ] {
            let land = country(code).expect("country");
            for city in land.cities {
                let phone = Phone::generate(land, city, &mut rng);
                let national = format!("{}{}", phone.area, phone.subscriber);
                for _ in 0..20 {
                    let text = phone.format(land, 0.5, &mut rng);
                    let digits = digits_of(&text);
                    assert!(
                        digits.contains(&national) || digits.contains(&phone.subscriber),
                        "{code}: {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn german_numbers_look_german() {
        let land = country("DE").expect("DE");
        let phone = Phone {
            area: "30",
            subscriber: "1234567".to_string(),
        };
        let mut rng = Rng::new(1);
        let seen: Vec<String> = (0..200)
            .map(|_| phone.format(land, 0.5, &mut rng))
            .collect();
        for expected in ["+49 30 1234567", "030/1234567", "0049-30-1234567"] {
            assert!(
                seen.iter().any(|s| s == expected),
                "{expected} never written"
            );
        }
    }

    #[test]
    fn grouping_splits_digits() {
        assert_eq!(group("42685300", &[2, 2, 2, 2]), "42 68 53 00");
        assert_eq!(group("1234567", &[3, 2]), "123 45 67");
    }
}
