//! Birth and founding dates to ISO `yyyy-mm-dd`.
//!
//! Understood: `19560409`, `09041956`, `1956-04-09` (with or without a time after it),
//! `1956/4/9`, `09.04.1956`, `9/4/1956`, `9-4-56`, `9 Apr 1956`, `09-APR-1956`, `9. April 1956`,
//! `April 9, 1956`, month names in English, German, French, Spanish, Dutch and Italian, and Excel
//! day numbers (`20554` = 1956-04-09).
//!
//! Day and month: with the year last, the day comes first (`9/4/1956` is 9 April, the European
//! reading) unless the second number cannot be a month and the first can (`4/29/1956` is 29
//! April). Lists exported with US dates should use [`date_with_order`] and
//! [`DateOrder::MonthFirst`]. Two-digit years below 30 are 20xx, the others 19xx.

/// Which of two small numbers is the day when a date is written with the year last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// `9/4/1956` is 9 April (Europe, most of the world).
    #[default]
    DayFirst,
    /// `9/4/1956` is September 4 (United States).
    MonthFirst,
}

/// A date in ISO `yyyy-mm-dd` form, reading ambiguous day/month as day first; None when the text
/// is no valid date between 1800 and 2199.
///
/// ```
/// use ledgerlink::core::normalize::ids::date;
/// assert_eq!(date("19560409").as_deref(), Some("1956-04-09"));
/// assert_eq!(date("09.04.1956").as_deref(), Some("1956-04-09"));
/// assert_eq!(date("9/4/1956").as_deref(), Some("1956-04-09"));
/// assert_eq!(date("4/29/1956").as_deref(), Some("1956-04-29"));
/// assert_eq!(date("31.02.1956"), None);
/// ```
pub fn date(raw: &str) -> Option<String> {
    date_with_order(raw, DateOrder::DayFirst)
}

/// [`date`] with the reading of ambiguous day/month chosen by the caller.
///
/// ```
/// use ledgerlink::core::normalize::dates::{DateOrder, date_with_order};
/// assert_eq!(date_with_order("9/4/1956", DateOrder::MonthFirst).as_deref(), Some("1956-09-04"));
/// assert_eq!(date_with_order("29/4/1956", DateOrder::MonthFirst).as_deref(), Some("1956-04-29"));
/// ```
pub fn date_with_order(raw: &str, order: DateOrder) -> Option<String> {
    let parts = parts(raw.trim())?;
    let (year, month, day) = match parts.as_slice() {
        [Part::Number(value, 8)] => eight_digits(*value)?,
        [Part::Number(value, 5)] => excel_day(*value)?,
        [
            Part::Number(year, 4),
            Part::Number(month, _),
            Part::Number(day, _),
        ] => (*year, *month, *day),
        [
            Part::Number(year, 4),
            Part::Month(month),
            Part::Number(day, _),
        ] => (*year, *month, *day),
        [
            Part::Number(first, _),
            Part::Number(second, _),
            Part::Number(year, 2 | 4),
        ] => {
            let (day, month) = day_and_month(*first, *second, order);
            (full_year(*year), month, day)
        }
        [
            Part::Number(day, _),
            Part::Month(month),
            Part::Number(year, 2 | 4),
        ] => (full_year(*year), *month, *day),
        [
            Part::Month(month),
            Part::Number(day, _),
            Part::Number(year, 2 | 4),
        ] => (full_year(*year), *month, *day),
        _ => return None,
    };
    valid(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Part {
    /// Value and number of digits written.
    Number(u32, usize),
    Month(u32),
}

/// Numbers and month names of the date, stopping at a time ("T10:00", " 00:00:00"). None for
/// any other word or more than three parts.
fn parts(text: &str) -> Option<Vec<Part>> {
    let text = match text.find(':') {
        Some(colon) => text[..colon].trim_end_matches(|ch: char| ch.is_ascii_digit()),
        None => text,
    };
    let text = text.trim_end_matches(['T', 't', ' ']);
    let mut parts = Vec::with_capacity(3);
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest.find(|ch: char| ch.is_alphanumeric())?;
        rest = &rest[start..];
        let end = rest
            .find(|ch: char| !ch.is_alphanumeric())
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        rest = after.trim_start_matches(|ch: char| !ch.is_alphanumeric());
        let digits = strip_ordinal(word);
        if digits.bytes().all(|byte| byte.is_ascii_digit()) {
            if digits.len() > 8 {
                return None;
            }
            parts.push(Part::Number(digits.parse().ok()?, digits.len()));
        } else if let Some(month) = month_number(word) {
            parts.push(Part::Month(month));
        } else if word.chars().all(|ch| ch.is_ascii_digit() || ch == '.') || parts.len() == 3 {
            break;
        } else {
            return None;
        }
        if parts.len() > 3 {
            return None;
        }
    }
    // An Excel day number written as a float ("20554.0") splits into two numbers.
    if matches!(parts.as_slice(), [Part::Number(_, 5), Part::Number(0, _)]) {
        parts.truncate(1);
    }
    Some(parts)
}

/// "9th", "1st", "1er" -> the digits.
fn strip_ordinal(word: &str) -> &str {
    let digits = word.trim_end_matches(|ch: char| ch.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let is_ordinal = !digits.is_empty()
        && matches!(
            suffix.to_ascii_lowercase().as_str(),
            "st" | "nd" | "rd" | "th" | "er" | "e"
        );
    if is_ordinal { digits } else { word }
}

fn eight_digits(value: u32) -> Option<(u32, u32, u32)> {
    let (year, month, day) = (value / 10_000, value / 100 % 100, value % 100);
    if valid(year, month, day) {
        return Some((year, month, day));
    }
    let (day, month, year) = (value / 1_000_000, value / 10_000 % 100, value % 10_000);
    Some((year, month, day))
}

/// Excel's day number (1900 date system; day 60 is the fictitious 29 February 1900).
fn excel_day(serial: u32) -> Option<(u32, u32, u32)> {
    if !(10_000..=99_999).contains(&serial) {
        return None;
    }
    Some(civil_from_days(i64::from(serial) - 25_569))
}

/// Days since 1970-01-01 to (year, month, day) (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (u32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as u32, month as u32, day as u32)
}

fn day_and_month(first: u32, second: u32, order: DateOrder) -> (u32, u32) {
    let (day, month) = match order {
        DateOrder::DayFirst => (first, second),
        DateOrder::MonthFirst => (second, first),
    };
    if month > 12 && day <= 12 {
        (month, day)
    } else {
        (day, month)
    }
}

fn full_year(year: u32) -> u32 {
    match year {
        0..=29 => 2000 + year,
        30..=99 => 1900 + year,
        _ => year,
    }
}

fn valid(year: u32, month: u32, day: u32) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1800..2200).contains(&year) && (1..=days).contains(&day)
}

/// Month number of a month name or abbreviation in English, German, French, Spanish, Dutch or
/// Italian ("Apr", "März", "juil.", "mei", "dic").
fn month_number(word: &str) -> Option<u32> {
    const PREFIXES: &[(&str, u32)] = &[
        ("jan", 1),
        ("ene", 1),
        ("gen", 1),
        ("feb", 2),
        ("fev", 2),
        ("mai", 5),
        ("may", 5),
        ("mag", 5),
        ("mei", 5),
        ("mar", 3),
        ("maa", 3),
        ("mrt", 3),
        ("mrz", 3),
        ("apr", 4),
        ("avr", 4),
        ("abr", 4),
        ("juin", 6),
        ("jun", 6),
        ("giu", 6),
        ("juil", 7),
        ("jul", 7),
        ("lug", 7),
        ("aug", 8),
        ("aou", 8),
        ("ago", 8),
        ("sep", 9),
        ("set", 9),
        ("oct", 10),
        ("okt", 10),
        ("ott", 10),
        ("nov", 11),
        ("dec", 12),
        ("dez", 12),
        ("dic", 12),
    ];
    let folded = super::text::fold(word);
    if folded.len() < 3 {
        return None;
    }
    PREFIXES
        .iter()
        .find(|(prefix, _)| folded.starts_with(prefix))
        .map(|&(_, month)| month)
}

#[cfg(test)]
mod tests {
    use super::{DateOrder, date, date_with_order};

    #[test]
    fn dates_in_common_spellings() {
        let cases = [
            ("19560409", Some("1956-04-09")),
            ("09041956", Some("1956-04-09")),
            ("1956-04-09", Some("1956-04-09")),
            ("1956-04-09T00:00:00", Some("1956-04-09")),
            ("1956-04-09 00:00:00", Some("1956-04-09")),
            ("1956/4/9", Some("1956-04-09")),
            ("09.04.1956", Some("1956-04-09")),
            ("9.4.1956", Some("1956-04-09")),
            ("09.04.1956 00:00", Some("1956-04-09")),
            ("9/4/1956", Some("1956-04-09")),
            ("4/29/1956", Some("1956-04-29")),
            ("29/4/1956", Some("1956-04-29")),
            ("09-04-56", Some("1956-04-09")),
            ("01.01.05", Some("2005-01-01")),
            ("9 Apr 1956", Some("1956-04-09")),
            ("09-APR-1956", Some("1956-04-09")),
            ("9. April 1956", Some("1956-04-09")),
            ("April 9, 1956", Some("1956-04-09")),
            ("April 9th, 1956", Some("1956-04-09")),
            ("9 mars 1956", Some("1956-03-09")),
            ("9. März 1956", Some("1956-03-09")),
            ("9 juillet 1956", Some("1956-07-09")),
            ("9 juin 1956", Some("1956-06-09")),
            ("9 mei 1956", Some("1956-05-09")),
            ("9 dic 1956", Some("1956-12-09")),
            ("20554", Some("1956-04-09")),
            ("20554.0", Some("1956-04-09")),
            ("29.02.2000", Some("2000-02-29")),
            ("29.02.1900", None),
            ("31.04.1956", None),
            ("1956", None),
            ("00000000", None),
            ("unknown", None),
            ("", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(date(raw).as_deref(), expected, "{raw:?}");
        }
    }

    #[test]
    fn month_first_reading() {
        assert_eq!(
            date_with_order("4/9/1956", DateOrder::MonthFirst).as_deref(),
            Some("1956-04-09")
        );
        assert_eq!(
            date_with_order("04/09/56", DateOrder::MonthFirst).as_deref(),
            Some("1956-04-09")
        );
        assert_eq!(
            date_with_order("1956-04-09", DateOrder::MonthFirst).as_deref(),
            Some("1956-04-09")
        );
    }
}
