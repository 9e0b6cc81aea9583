//! The vocabulary of the generator: countries with real cities, postcodes and phone area codes,
//! street names, legal forms with their spellings, name parts, abbreviations.
//!
//! Tables are plain `static` data so that generation allocates nothing to look them up and the
//! output never depends on a file read at run time.

pub mod countries;
pub mod legal;
pub mod names;
pub mod places;
pub mod streets;

pub use legal::LegalForm;

/// The language a firm's name and address are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// German (Germany, Austria, German-speaking Switzerland).
    De,
    /// French (France, Romandy).
    Fr,
    /// English (United Kingdom, United States).
    En,
    /// Dutch.
    Nl,
    /// Spanish.
    Es,
    /// Italian (Italy, Ticino).
    It,
    /// Polish.
    Pl,
    /// Japanese (names in kanji, addresses romanised).
    Ja,
    /// Chinese (names in hanzi, addresses romanised).
    Zh,
}

/// Which street list and address layout a city uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreetSet {
    /// German streets, house number after the street ("Hauptstraße 5").
    German,
    /// Swiss German streets ("Bahnhofstrasse 12", no ß).
    Swiss,
    /// French streets, number first ("12 rue de la Paix").
    French,
    /// British streets, number first.
    British,
    /// American streets, number first, suites.
    American,
    /// Dutch streets.
    Dutch,
    /// Spanish streets ("Calle Mayor, 12").
    Spanish,
    /// Italian streets ("Via Roma, 10").
    Italian,
    /// Polish streets ("ul. Długa 12/4").
    Polish,
    /// Romanised Japanese addresses ("1-2-3 Marunouchi").
    Japanese,
    /// Romanised Chinese addresses ("No. 88 Century Avenue").
    Chinese,
}

/// How a country writes telephone numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneStyle {
    /// Area code and subscriber number with separators such as `/`, `-`, space (DE, AT, CH, NL, GB).
    AreaSubscriber,
    /// Pairs of digits ("01 42 68 53 00").
    French,
    /// North American ("(212) 555-0142").
    American,
    /// Groups of three and two (ES, PL: "91 123 45 67").
    Grouped,
    /// Area code with its leading zero kept internationally (IT: "+39 02 1234 5678").
    Italian,
    /// Hyphenated (JP "03-1234-5678", CN "021-12345678").
    Hyphenated,
}

/// How a country's VAT (or tax) identifier is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VatScheme {
    /// DE: 9 digits, ISO 7064 MOD 11,10 check digit.
    German,
    /// AT: "U" + 8 digits with check digit.
    Austrian,
    /// CH: UID "CHE-123.456.789" with MOD 11 check digit, "MWST"/"TVA"/"IVA" suffix.
    Swiss,
    /// FR: 2-digit key + 9-digit SIREN.
    French,
    /// GB: 9 digits, MOD 97 check.
    British,
    /// US: no VAT; an EIN "12-3456789" in some ERP records.
    AmericanEin,
    /// NL: 9 digits + "B01".
    Dutch,
    /// ES: CIF letter + 7 digits + control digit.
    Spanish,
    /// IT: 11 digits (partita IVA) with Luhn check.
    Italian,
    /// PL: 10 digits (NIP) with weighted check.
    Polish,
    /// No tax id in the lists (JP, CN).
    None,
}

/// A city with real postcodes and its telephone area code.
#[derive(Debug, Clone, Copy)]
pub struct City {
    /// The city's name in the local language, as the post writes it.
    pub name: &'static str,
    /// Other spellings seen in exports (exonyms, transliterations, abbreviations).
    pub alt_names: &'static [&'static str],
    /// Real postcodes of this city.
    pub postcodes: &'static [&'static str],
    /// Telephone area code without the trunk prefix (Italy: with its leading 0).
    pub area_code: &'static str,
    /// State or region code where exports carry one (US states), else "".
    pub region: &'static str,
    /// The language spoken there when it differs from the country's main one.
    pub lang: Option<Lang>,
}

/// A country with everything the generator needs to write its firms.
#[derive(Debug)]
pub struct Country {
    /// ISO 3166 alpha-2 code.
    pub code: &'static str,
    /// Spellings used in a free-text country field; the first is the most common.
    pub names: &'static [&'static str],
    /// Relative share of firms from this country.
    pub weight: u32,
    /// Main language.
    pub lang: Lang,
    /// Street list and address layout.
    pub streets: StreetSet,
    /// International calling code without "+".
    pub calling_code: &'static str,
    /// National trunk prefix ("0", or "" where there is none).
    pub trunk_prefix: &'static str,
    /// Digits of a national number after the trunk prefix (area code + subscriber).
    pub national_digits: usize,
    /// How numbers are written.
    pub phone_style: PhoneStyle,
    /// Top-level domain of company websites ("de", "co.uk").
    pub tld: &'static str,
    /// Free-mail domains popular there.
    pub free_mail: &'static [&'static str],
    /// Tax id scheme.
    pub vat: VatScheme,
    /// Cities with real postcodes.
    pub cities: &'static [City],
    /// Legal forms with their spellings.
    pub legal_forms: &'static [LegalForm],
}

impl City {
    /// A city of the country's main language with no region code.
    pub const fn new(
        name: &'static str,
        alt_names: &'static [&'static str],
        postcodes: &'static [&'static str],
        area_code: &'static str,
    ) -> City {
        City {
            name,
            alt_names,
            postcodes,
            area_code,
            region: "",
            lang: None,
        }
    }

    /// The same city where another language is spoken.
    pub const fn speaking(self, lang: Lang) -> City {
        City {
            lang: Some(lang),
            ..self
        }
    }

    /// The same city in a state or region (US state code).
    pub const fn in_region(self, region: &'static str) -> City {
        City { region, ..self }
    }
}

/// All countries firms come from.
pub fn countries() -> &'static [Country] {
    countries::COUNTRIES
}

/// The country with this ISO code.
pub fn country(code: &str) -> Option<&'static Country> {
    countries::COUNTRIES
        .iter()
        .find(|country| country.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_the_generator_picks_from_is_non_empty() {
        for country in countries() {
            assert!(!country.names.is_empty(), "{}", country.code);
            assert!(!country.cities.is_empty(), "{}", country.code);
            assert!(!country.legal_forms.is_empty(), "{}", country.code);
            assert!(!country.free_mail.is_empty(), "{}", country.code);
            assert!(country.weight > 0);
            for city in country.cities {
                assert!(!city.postcodes.is_empty(), "{}", city.name);
                assert!(!city.area_code.is_empty(), "{}", city.name);
                let subscriber = country.national_digits.saturating_sub(city.area_code.len());
                assert!(subscriber >= 5, "{} area code too long", city.name);
            }
            for form in country.legal_forms {
                assert!(!form.spellings.is_empty(), "{}", form.key);
            }
            let lang = country.lang;
            assert!(!names::surnames(lang).is_empty());
            assert!(!names::first_names(lang).is_empty());
            assert!(!names::industries(lang).is_empty());
            assert!(!names::regions(lang).is_empty());
            assert!(!names::generic_names(lang).is_empty());
            assert!(!streets::streets(country.streets).is_empty());
        }
    }

    #[test]
    fn the_ten_required_countries_and_cjk_partners_are_there() {
        for code in [
            "DE", "AT", "CH", "FR", "GB", "US", "NL", "ES", "IT", "PL", "JP", "CN",
        ] {
            assert!(country(code).is_some(), "{code}");
        }
        let poland = country("PL").map(|c| c.cities);
        assert!(poland.is_some_and(|cities| cities.iter().any(|c| c.name == "Łódź")));
    }
}
