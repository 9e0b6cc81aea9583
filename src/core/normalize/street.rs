//! Street and house number: the number set apart ("Hauptstr. 5a", "5 Main St", "12-14 Rue de la
//! Paix", "Rue de la Paix 12", "Calle Mayor 5, 3º B"), the street folded like a name with its
//! type words written out one way.
//!
//! Street types: `Str.`/`Straße`/`Strasse`/`Straat` -> `strasse`, glued to the word before it
//! like the other compound types of German and Dutch (`weg`, `platz`, `allee`, `gasse`, `ring`,
//! `damm`, `ufer`, `laan`, `plein`, `gracht`, `kade`, `dijk`, `singel`), so "Berliner Str." and
//! "Berlinerstraße" meet; `St`/`Street`, `Ave`/`Av`/`Avda`/`Avenue`/`Avenida` -> `avenue`,
//! `Rd` -> `road`, `Blvd`/`Bd` -> `boulevard`, `Dr` -> `drive` (`doctor` when first),
//! `R.`/`Rua` -> `rue`, `C/`/`Cl` -> `calle`, `Pl`/`Pza`/`Plaza`/`Piazza` -> `place` (a glued `pl`
//! is `platz`), `St` first is `saint`. Flat, suite and floor details after the number, and unit
//! words ("Suite 200", "Apt 4B") are dropped.

use std::borrow::Cow;
use std::cell::RefCell;

use super::text::{Tokens, word_in};

/// A street with its house number set apart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StreetAddress {
    /// Folded street name with standard type words ("hauptstrasse", "main street").
    pub street: String,
    /// House number, lower case without spaces ("5a", "12-14", "12bis").
    pub house_number: Option<String>,
}

/// Split a street line into street and house number. A separate `house_number` column, when
/// given and not empty, wins over a number found in `raw`.
///
/// ```
/// use ledgerlink::core::normalize::address::street;
/// let address = street("Hauptstr. 5a", None);
/// assert_eq!((address.street.as_str(), address.house_number.as_deref()), ("hauptstrasse", Some("5a")));
/// assert_eq!(street("5 Main St", None).street, "main street");
/// assert_eq!(street("12-14 Rue de la Paix", None).house_number.as_deref(), Some("12-14"));
/// assert_eq!(street("Hauptstraße", Some(" 5 A ")).house_number.as_deref(), Some("5a"));
/// ```
pub fn street(raw: &str, house_number: Option<&str>) -> StreetAddress {
    let spaced = spaced_words(raw);
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let (name_words, found) = split_number(&words);
    let column = house_number
        .map(column_number)
        .filter(|number| !number.is_empty());
    StreetAddress {
        street: street_key(&name_words.join(" ")),
        house_number: column.or(found),
    }
}

/// A house number column: "Nr. 5", " 5 A " -> "5", "5a".
fn column_number(raw: &str) -> String {
    let lower = raw.trim().to_lowercase();
    let mut number = lower.as_str();
    for marker in ["numero", "número", "nr", "no", "n°", "nº", "#"] {
        if let Some(rest) = number.strip_prefix(marker) {
            number = rest.trim_start_matches(['.', ' ']);
            break;
        }
    }
    clean_number(number)
}

/// The raw text with commas as words of their own and a number glued to a street name split off
/// ("Hauptstr.5" -> "Hauptstr. 5", "Hauptstraße5" -> "Hauptstraße 5").
fn spaced_words(raw: &str) -> String {
    let mut spaced = String::with_capacity(raw.len() + 8);
    let mut letters = 0usize;
    let mut previous = ' ';
    for ch in raw.chars() {
        if ch == ',' || ch == ';' {
            spaced.push_str(" , ");
        } else {
            if ch.is_ascii_digit() && (previous == '.' || letters >= 4) {
                spaced.push(' ');
            }
            spaced.push(ch);
        }
        letters = if ch.is_alphabetic() { letters + 1 } else { 0 };
        previous = ch;
    }
    spaced
}

/// Street words and the house number: a number first ("5 Main St", "12-14 Rue ...") or the
/// first number after the name ("Hauptstr. 5 a", "Via Roma, 10"); words after it go.
fn split_number<'a>(words: &[&'a str]) -> (Vec<&'a str>, Option<String>) {
    if let Some(box_number) = post_box(words) {
        return (vec!["po", "box"], Some(box_number));
    }
    let start = usize::from(words.first().is_some_and(|word| is_marker(word)));
    if words.get(start).is_some_and(|word| is_number(word)) {
        let (number, next) = take_number(words, start, false);
        let rest = words[next..].iter().skip_while(|word| **word == ",");
        return (until_unit_word(rest.copied()), Some(number));
    }
    match (1..words.len()).find(|&index| is_number(words[index])) {
        Some(index) => {
            let (number, _) = take_number(words, index, true);
            let name = words[..index]
                .iter()
                .copied()
                .filter(|word| *word != "," && !is_marker(word));
            (until_unit_word(name), Some(number))
        }
        None => (
            until_unit_word(words.iter().copied().filter(|word| *word != ",")),
            None,
        ),
    }
}

/// The number at `index` with what belongs to it: "12 - 14", "12 bis", and with `letter` a lone
/// letter ("5 a"; not after a leading number, where "100 N Main St" means north).
fn take_number(words: &[&str], index: usize, letter: bool) -> (String, usize) {
    let mut number = words[index].to_owned();
    let mut next = index + 1;
    match words.get(next).copied() {
        Some("-" | "/" | "–") if words.get(next + 1).is_some_and(|word| is_number(word)) => {
            number.push('-');
            number.push_str(words[next + 1]);
            next += 2;
        }
        Some(word) if is_suffix(word, letter) => {
            number.push_str(word);
            next += 1;
        }
        _ => {}
    }
    (clean_number(&number), next)
}

fn is_suffix(word: &str, letter: bool) -> bool {
    let single_letter = word.trim_end_matches('.');
    (letter
        && single_letter.len() == 1
        && single_letter.bytes().all(|byte| byte.is_ascii_alphabetic()))
        || word_in(word, &["bis", "ter", "quater"])
}

fn clean_number(number: &str) -> String {
    number
        .trim_end_matches(['.', ','])
        .chars()
        .filter(|ch| !ch.is_whitespace())
        .map(|ch| if ch == '/' || ch == '–' { '-' } else { ch })
        .flat_map(char::to_lowercase)
        .collect()
}

/// "5", "5a", "12-14", "5/1", "12b-14": digits first, at most one letter after each part.
fn is_number(word: &str) -> bool {
    let word = word.trim_end_matches(',');
    !word.is_empty()
        && word.split(['-', '/']).all(|part| {
            let digits = part.bytes().take_while(u8::is_ascii_digit).count();
            (1..=5).contains(&digits)
                && part.len() - digits <= 1
                && part[digits..].bytes().all(|b| b.is_ascii_alphabetic())
        })
}

fn is_marker(word: &str) -> bool {
    word_in(
        word,
        &["nr", "no", "n°", "nº", "#", "num", "numero", "número"],
    )
}

fn post_box(words: &[&str]) -> Option<String> {
    let first = *words.first()?;
    let label_words = if word_in(first, &["po", "boite", "boîte"])
        && words
            .get(1)
            .is_some_and(|word| word_in(word, &["box", "postale"]))
    {
        2
    } else if word_in(
        first,
        &["postfach", "pobox", "postbus", "bp", "apartado", "box"],
    ) {
        1
    } else {
        return None;
    };
    let digits: String = words[label_words..]
        .iter()
        .flat_map(|word| word.chars())
        .filter(char::is_ascii_digit)
        .collect();
    (!digits.is_empty()).then_some(digits)
}

/// Words up to the first unit word ("Suite", "Apt", "Unit", "Floor", "#4").
fn until_unit_word<'a>(words: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut kept = Vec::new();
    for word in words {
        let unit = word_in(
            word,
            &[
                "suite",
                "apt",
                "apartment",
                "unit",
                "fl",
                "floor",
                "room",
                "rm",
                "bldg",
                "building",
                "etage",
                "stock",
                "c/o",
            ],
        ) || (!kept.is_empty() && (word_in(word, &["ste"]) || word.starts_with('#')));
        if unit {
            break;
        }
        kept.push(word);
    }
    kept
}

/// German and Dutch street types written as the last part of one word.
const COMPOUND_TYPES: &[&str] = &[
    "strasse", "weg", "platz", "allee", "gasse", "ring", "damm", "ufer", "chaussee", "laan",
    "plein", "gracht", "kade", "dijk", "singel",
];

/// Folded street name with type words written out and compound types glued on.
fn street_key(name: &str) -> String {
    thread_local! {
        static TOKENS: RefCell<Tokens> = RefCell::new(Tokens::default());
    }
    TOKENS.with_borrow_mut(|tokens| {
        tokens.tokenize(name);
        let count = tokens.len();
        let mut key = String::with_capacity(name.len() + 8);
        for index in 0..count {
            let word = street_word(tokens.get(index), index == 0, index + 1 == count);
            let glue = !key.is_empty() && COMPOUND_TYPES.contains(&word.as_ref());
            if !key.is_empty() && !glue {
                key.push(' ');
            }
            key.push_str(&word);
        }
        key
    })
}

/// Type word of a token (already folded: "Rue" arrives as `ru`, "Avenue" as `avenu`).
fn street_word(token: &str, first: bool, last: bool) -> Cow<'_, str> {
    let word = match token {
        "str" | "straat" => "strasse",
        "st" if first => "saint",
        "ste" if first => "sainte",
        "st" => "street",
        "ave" | "av" | "avda" | "avenida" | "aven" | "avenu" => "avenue",
        "rd" => "road",
        "blvd" | "bd" | "bld" | "boul" | "bvd" | "blv" => "boulevard",
        "dr" if first => "doctor",
        "dr" => "drive",
        "ln" => "lane",
        "ct" => "court",
        "pl" | "pza" | "plaza" | "piazza" | "pzza" | "pz" => "place",
        "sq" => "square",
        "hwy" => "highway",
        "pkwy" => "parkway",
        "cres" => "crescent",
        "ter" | "terr" => "terrace",
        "r" | "rua" if first => "rue",
        "ru" => "rue",
        "c" | "cl" | "cll" | "cal" if first => "calle",
        "ch" | "chem" if first => "chemin",
        "imp" => "impasse",
        "rte" => "route",
        "fbg" | "fg" => "faubourg",
        "v" | "vl" if first => "via",
        "vle" => "viale",
        "cso" => "corso",
        "n" if first || last => "north",
        "s" if first || last => "south",
        "e" if first || last => "east",
        "w" if first || last => "west",
        _ => return glued_type(token),
    };
    Cow::Borrowed(word)
}

/// "hauptstr" -> "hauptstrasse", "kerkstraat" -> "kerkstrasse", "marienpl" -> "marienplatz".
fn glued_type(token: &str) -> Cow<'_, str> {
    for (suffix, written) in [("str", "strasse"), ("straat", "strasse"), ("pl", "platz")] {
        if let Some(stem) = token.strip_suffix(suffix)
            && stem.chars().count() >= 3
        {
            return Cow::Owned(format!("{stem}{written}"));
        }
    }
    Cow::Borrowed(token)
}

#[cfg(test)]
mod tests {
    use super::street;

    #[test]
    fn streets_and_numbers_in_real_world_spellings() {
        let cases = [
            ("Hauptstr. 5a", "hauptstrasse", Some("5a")),
            ("Hauptstraße 5a", "hauptstrasse", Some("5a")),
            ("Hauptstrasse 5 a", "hauptstrasse", Some("5a")),
            ("HAUPTSTR.5A", "hauptstrasse", Some("5a")),
            ("Hauptstraße5", "hauptstrasse", Some("5")),
            ("Hauptstr. 5-7", "hauptstrasse", Some("5-7")),
            ("Hauptstr. 12 - 14", "hauptstrasse", Some("12-14")),
            ("Hauptstr. 5/1", "hauptstrasse", Some("5-1")),
            ("Berliner Str. 10", "berlinerstrasse", Some("10")),
            ("Berliner Straße 10", "berlinerstrasse", Some("10")),
            ("Berlinerstraße 10", "berlinerstrasse", Some("10")),
            ("Müllerstraße 1", "mullerstrasse", Some("1")),
            ("Muellerstrasse 1", "mullerstrasse", Some("1")),
            ("Am Waldweg 3", "am waldweg", Some("3")),
            ("Marienpl. 8", "marienplatz", Some("8")),
            (
                "Straße des 17. Juni 135",
                "strasse des 17 juni",
                Some("135"),
            ),
            ("5 Main St", "main street", Some("5")),
            ("5 Main Street", "main street", Some("5")),
            ("100 Main St Suite 200", "main street", Some("100")),
            ("100 N. Main St., Apt 4B", "north main street", Some("100")),
            ("221B Baker Street", "baker street", Some("221b")),
            ("350 Fifth Ave", "fifth avenue", Some("350")),
            (
                "1600 Pennsylvania Avenue NW",
                "pennsylvania avenue nw",
                Some("1600"),
            ),
            ("12-14 Rue de la Paix", "rue de la paix", Some("12-14")),
            ("12 rue de la Paix", "rue de la paix", Some("12")),
            ("10, rue de la Paix", "rue de la paix", Some("10")),
            ("12 bis R. de la Paix", "rue de la paix", Some("12bis")),
            ("Rue de la Paix 12", "rue de la paix", Some("12")),
            ("15 Bd Haussmann", "boulevard haussmann", Some("15")),
            ("15 Boulevard Haussmann", "boulevard haussmann", Some("15")),
            (
                "Av. de la Constitución 5",
                "avenue de la constitucion",
                Some("5"),
            ),
            (
                "Avenida de la Constitución 5",
                "avenue de la constitucion",
                Some("5"),
            ),
            ("C/ Mayor 5, 3º B", "calle mayor", Some("5")),
            ("Calle Mayor 5", "calle mayor", Some("5")),
            ("Via Roma, 10", "via roma", Some("10")),
            ("Kerkstraat 12", "kerkstrasse", Some("12")),
            ("Kerkstr. 12", "kerkstrasse", Some("12")),
            ("Van Baerlestraat 1", "van barlestrasse", Some("1")),
            ("Stationsweg 4", "stationsweg", Some("4")),
            ("Hauptstraße Nr. 5", "hauptstrasse", Some("5")),
            ("St. John's Road 4", "saint johns road", Some("4")),
            ("Postfach 12 34", "po box", Some("1234")),
            ("P.O. Box 123", "po box", Some("123")),
            ("Hauptstraße", "hauptstrasse", None),
            ("", "", None),
        ];
        for (raw, expected_street, expected_number) in cases {
            let address = street(raw, None);
            assert_eq!(address.street, expected_street, "street of {raw:?}");
            assert_eq!(
                address.house_number.as_deref(),
                expected_number,
                "number of {raw:?}"
            );
        }
    }

    #[test]
    fn separate_number_column_wins() {
        let address = street("Hauptstr. 5", Some("7"));
        assert_eq!(address.house_number.as_deref(), Some("7"));
        assert_eq!(address.street, "hauptstrasse");
        assert_eq!(
            street("Hauptstr.", Some("Nr. 5")).house_number.as_deref(),
            Some("5")
        );
        assert_eq!(
            street("Hauptstr. 5", Some("  ")).house_number.as_deref(),
            Some("5")
        );
    }
}
