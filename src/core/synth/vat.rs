//! VAT and tax identifiers with valid check digits, and the ways records write them
//! ("DE123456789", "DE 123 456 789", "123456789").

use super::rng::Rng;
use super::vocab::VatScheme;

/// A tax identifier in its canonical form, with its scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxId {
    /// Canonical form: country prefix and digits, no spaces ("DE123456789", "CHE123456789").
    pub canonical: String,
    /// How it was built.
    pub scheme: VatScheme,
}

fn digit_values(text: &str) -> Vec<u32> {
    text.chars().filter_map(|c| c.to_digit(10)).collect()
}

/// ISO 7064 MOD 11,10 (German USt-IdNr.).
fn german_check(body: &str) -> u32 {
    let mut product = 10;
    for digit in digit_values(body) {
        let mut sum = (digit + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    (11 - product) % 10
}

/// Luhn check digit (Italian partita IVA, French SIREN).
fn luhn_check(body: &str) -> u32 {
    let mut sum = 0;
    for (position, digit) in digit_values(body).iter().rev().enumerate() {
        let value = if position % 2 == 0 { digit * 2 } else { *digit };
        sum += if value > 9 { value - 9 } else { value };
    }
    (10 - sum % 10) % 10
}

fn weighted_sum(body: &str, weights: &[u32]) -> u32 {
    digit_values(body)
        .iter()
        .zip(weights)
        .map(|(d, w)| d * w)
        .sum()
}

/// Build a valid tax id of a scheme; `None` for countries whose lists carry none.
pub fn generate(scheme: VatScheme, rng: &mut Rng) -> Option<TaxId> {
    let canonical = match scheme {
        VatScheme::German => {
            let body = rng.digits_nonzero_start(8);
            format!("DE{body}{}", german_check(&body))
        }
        VatScheme::Austrian => {
            let body = rng.digits(7);
            let digits = digit_values(&body);
            let mut sum = 0;
            for (index, digit) in digits.iter().enumerate() {
                let value = if index % 2 == 1 { digit * 2 } else { *digit };
                sum += value / 10 + value % 10;
            }
            format!("ATU{body}{}", (10 - (sum + 4) % 10) % 10)
        }
        VatScheme::Swiss => loop {
            let body = rng.digits_nonzero_start(8);
            let check = (11 - weighted_sum(&body, &[5, 4, 3, 2, 7, 6, 5, 4]) % 11) % 11;
            if check < 10 {
                break format!("CHE{body}{check}");
            }
        },
        VatScheme::French => {
            let body = rng.digits_nonzero_start(8);
            let siren: u64 = format!("{body}{}", luhn_check(&body)).parse().unwrap_or(0);
            format!("FR{:02}{siren:09}", (12 + 3 * (siren % 97)) % 97)
        }
        VatScheme::British => {
            let body = rng.digits_nonzero_start(7);
            let sum = weighted_sum(&body, &[8, 7, 6, 5, 4, 3, 2]);
            format!("GB{body}{:02}", (97 - sum % 97) % 97)
        }
        VatScheme::Dutch => loop {
            let body = rng.digits_nonzero_start(8);
            let sum = weighted_sum(&body, &[9, 8, 7, 6, 5, 4, 3, 2]);
            let check = sum % 11;
            if check < 10 {
                break format!("NL{body}{check}B01");
            }
        },
        VatScheme::Spanish => {
            let body = rng.digits(7);
            let digits = digit_values(&body);
            let mut sum = 0;
            for (index, digit) in digits.iter().enumerate() {
                sum += if index % 2 == 0 {
                    let d = digit * 2;
                    d / 10 + d % 10
                } else {
                    *digit
                };
            }
            let letter = *rng.pick(&['A', 'B', 'B', 'B']);
            format!("ES{letter}{body}{}", (10 - sum % 10) % 10)
        }
        VatScheme::Italian => {
            let body = format!("{}{:03}", rng.digits(7), rng.between(1, 100));
            format!("IT{body}{}", luhn_check(&body))
        }
        VatScheme::Polish => loop {
            let body = rng.digits_nonzero_start(9);
            let check = weighted_sum(&body, &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
            if check < 10 {
                break format!("PL{body}{check}");
            }
        },
        VatScheme::AmericanEin => format!("{:02}-{}", rng.between(10, 98), rng.digits(7)),
        VatScheme::None => return None,
    };
    Some(TaxId { canonical, scheme })
}

/// Split a canonical id into its country prefix and the rest.
fn split_prefix(id: &TaxId) -> (&str, &str) {
    let prefix_len = match id.scheme {
        VatScheme::Swiss => 3,
        VatScheme::AmericanEin | VatScheme::None => 0,
        _ => 2,
    };
    id.canonical.split_at(prefix_len.min(id.canonical.len()))
}

fn spaced(digits: &str, size: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    chars
        .chunks(size)
        .map(|chunk| chunk.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Write a tax id as one record would: `bare` is the probability of leaving out the country
/// prefix, `spaced` of spaces or punctuation inside.
pub fn format(id: &TaxId, bare: f64, spaced_share: f64, rng: &mut Rng) -> String {
    let (prefix, rest) = split_prefix(id);
    if id.scheme == VatScheme::AmericanEin {
        return if rng.chance(0.3) {
            rest.replace('-', "")
        } else {
            rest.to_string()
        };
    }
    if id.scheme == VatScheme::Swiss {
        let dotted = format!("CHE-{}.{}.{}", &rest[..3], &rest[3..6], &rest[6..]);
        return match rng.below(5) {
            0 => format!("{dotted} MWST"),
            1 => format!("{dotted} TVA"),
            2 => id.canonical.clone(),
            _ => dotted,
        };
    }
    if rng.chance(bare) {
        return match id.scheme {
            VatScheme::Polish if rng.chance(0.5) => {
                format!(
                    "{}-{}-{}-{}",
                    &rest[..3],
                    &rest[3..6],
                    &rest[6..8],
                    &rest[8..]
                )
            }
            VatScheme::Austrian if rng.chance(0.3) => rest.trim_start_matches('U').to_string(),
            _ => rest.to_string(),
        };
    }
    if rng.chance(spaced_share) {
        return match rng.below(3) {
            0 => format!("{prefix} {rest}"),
            1 => format!("{prefix} {}", spaced(rest, 3)),
            _ => format!("{prefix}-{rest}"),
        };
    }
    if rng.chance(0.03) {
        return format!("{}{rest}", prefix.to_lowercase());
    }
    id.canonical.clone()
}

/// The same id with one digit mistyped.
pub fn mistype(text: &str, rng: &mut Rng) -> String {
    let positions: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .map(|(at, _)| at)
        .collect();
    if positions.is_empty() {
        return text.to_string();
    }
    let at = positions[rng.index(positions.len())];
    let old = text.as_bytes()[at] - b'0';
    let new = (old + 1 + rng.below(9) as u8) % 10;
    format!(
        "{}{}{}",
        &text[..at],
        char::from(b'0' + new),
        &text[at + 1..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits_match_published_examples() {
        // Real, published VAT numbers: DE136695976, IT00743110157, FR40303265045.
        assert_eq!(german_check("13669597"), 6);
        assert_eq!(luhn_check("0074311015"), 7);
        assert_eq!(luhn_check("30326504"), 5);
        assert_eq!((12 + 3 * (303_265_045 % 97)) % 97, 40);
    }

    #[test]
    fn generated_ids_have_their_country_prefix_and_length() {
        let mut rng = Rng::new(3);
        let cases = [
            (VatScheme::German, "DE", 11),
            (VatScheme::Austrian, "ATU", 11),
            (VatScheme::Swiss, "CHE", 12),
            (VatScheme::French, "FR", 13),
            (VatScheme::British, "GB", 11),
            (VatScheme::Dutch, "NL", 14),
            (VatScheme::Spanish, "ES", 11),
            (VatScheme::Italian, "IT", 13),
            (VatScheme::Polish, "PL", 12),
        ];
        for (scheme, prefix, length) in cases {
            for _ in 0..50 {
                let id = generate(scheme, &mut rng).expect("id");
                assert!(id.canonical.starts_with(prefix), "{}", id.canonical);
                assert_eq!(id.canonical.len(), length, "{}", id.canonical);
            }
        }
        assert!(generate(VatScheme::None, &mut rng).is_none());
    }

    #[test]
    fn written_forms_keep_the_digits() {
        let mut rng = Rng::new(5);
        let id = TaxId {
            canonical: "DE123456788".to_string(),
            scheme: VatScheme::German,
        };
        let forms: Vec<String> = (0..300).map(|_| format(&id, 0.3, 0.3, &mut rng)).collect();
        for expected in ["DE123456788", "123456788", "DE 123 456 788", "DE 123456788"] {
            assert!(
                forms.iter().any(|f| f == expected),
                "{expected} never written"
            );
        }
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        assert!(forms.iter().all(|f| digits(f) == "123456788"));
    }

    #[test]
    fn a_mistyped_id_differs_in_one_digit() {
        let mut rng = Rng::new(6);
        let typed = mistype("DE123456788", &mut rng);
        assert_ne!(typed, "DE123456788");
        let differing = typed
            .chars()
            .zip("DE123456788".chars())
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(differing, 1);
    }
}
