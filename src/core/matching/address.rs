//! Comparison levels of the address: street with house number as one field, and postcode,
//! city, region and country as another (`location`). Each is judged as a whole, because its
//! parts agree together for unrelated firms in the same building or town.

use super::compare::{CLOSE, Comparer, EXACT, FUZZY, MISSING, PARTIAL, equal_without_spaces};
use super::field::{Field, Key};
use super::similarity::{jaro_winkler, osa_distance};
use super::vocab::NONE;

/// Street similarity from which two streets count as the same street with a typo.
const STREET_CLOSE: f64 = 0.9;
/// Street similarity that still counts when the house numbers agree.
const STREET_FUZZY: f64 = 0.75;
/// City similarity from which two cities count as the same.
const CITY_SAME: f64 = 0.88;

/// Street and house number: `exact` (same street and number), `close` (street with a typo, or
/// a number on one side only), `fuzzy` (same street, other number; or same number and a
/// rather similar street), `different`.
pub fn street_level(comparer: &Comparer<'_>, l: usize, r: usize) -> u8 {
    let different = Field::Street.different();
    let streets = comparer.ids(Key::Street, l, r);
    let numbers = comparer.ids(Key::HouseNumber, l, r);
    let same_number = both(numbers).then(|| same_house_number(comparer, numbers));
    if !both(streets) {
        return match same_number {
            None => MISSING,
            Some(true) => FUZZY,
            Some(false) => different,
        };
    }
    let similarity = street_similarity(comparer, streets);
    let number_agrees = same_number != Some(false);
    if similarity >= 1.0 && number_agrees {
        EXACT
    } else if similarity >= STREET_CLOSE && number_agrees {
        CLOSE
    } else if similarity >= STREET_CLOSE
        || (similarity >= STREET_FUZZY && same_number == Some(true))
    {
        FUZZY
    } else {
        different
    }
}

/// How alike two streets are in [0, 1] (1 when equal, 0.97 when equal once spaces are dropped).
pub fn street_similarity(comparer: &Comparer<'_>, ids: (u32, u32)) -> f64 {
    if ids.0 == ids.1 {
        return 1.0;
    }
    let (a, b) = comparer.texts(Key::Street, ids);
    if equal_without_spaces(a, b) {
        0.97
    } else {
        jaro_winkler(a, b)
    }
}

/// House numbers agree when equal or when their leading digits are ("79d" and "79").
fn same_house_number(comparer: &Comparer<'_>, ids: (u32, u32)) -> bool {
    if ids.0 == ids.1 {
        return true;
    }
    let (a, b) = comparer.texts(Key::HouseNumber, ids);
    let digits = |text: &str| -> String { text.chars().take_while(char::is_ascii_digit).collect() };
    let (x, y) = (digits(a), digits(b));
    !x.is_empty() && x == y
}

/// Postcode, city, region and country: `exact` (same postcode), `close` (postcode with a typo
/// in the same city, or the same city where one postcode is missing), `fuzzy` (same city, other
/// postcode), `partial` (same region or country, other city), `different` (other country, or
/// other city and region).
pub fn location_level(comparer: &Comparer<'_>, l: usize, r: usize) -> u8 {
    let different = Field::Location.different();
    let countries = comparer.ids(Key::Country, l, r);
    if both(countries) && countries.0 != countries.1 {
        return different;
    }
    let postcodes = comparer.ids(Key::Postcode, l, r);
    let cities = comparer.ids(Key::City, l, r);
    let city_similarity = both(cities).then(|| {
        if cities.0 == cities.1 {
            1.0
        } else {
            let (a, b) = comparer.texts(Key::City, cities);
            jaro_winkler(a, b)
        }
    });
    let city_agrees = city_similarity.is_none_or(|s| s >= CITY_SAME);
    if both(postcodes) {
        if postcodes.0 == postcodes.1 {
            return EXACT;
        }
        let (a, b) = comparer.texts(Key::Postcode, postcodes);
        if a.len() >= 4 && osa_distance(a, b) <= 1 && city_agrees {
            return CLOSE;
        }
    } else if city_similarity == Some(1.0) {
        return CLOSE;
    }
    if city_similarity.is_some_and(|s| s >= CITY_SAME) {
        return FUZZY;
    }
    let regions = comparer.ids(Key::Region, l, r);
    let same_region = both(regions) && regions.0 == regions.1;
    let same_country = both(countries);
    if both(postcodes) || both(cities) {
        return if same_region || same_country {
            PARTIAL
        } else {
            different
        };
    }
    if same_region || same_country {
        PARTIAL
    } else if both(regions) {
        different
    } else {
        MISSING
    }
}

fn both(ids: (u32, u32)) -> bool {
    ids.0 != NONE && ids.1 != NONE
}
