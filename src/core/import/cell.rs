//! Workbook cell values as text, without damage: `10045` (never `10045.0`), amounts as Excel
//! shows them (15 significant digits), dates as ISO `2025-02-14`, and a flag for whole numbers
//! beyond 2^53 that Excel has already rounded (a 19-digit id typed into a cell).

use std::fmt::Write;

use calamine::{Data, ExcelDateTime};

/// The largest integer a double holds exactly; Excel rounds beyond it (and shows 15 digits).
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

/// Append the text of `value` to `out`. Returns true when the value is a whole number too large
/// to have survived Excel unrounded.
pub(super) fn write_cell(value: &Data, out: &mut String) -> bool {
    match value {
        Data::Empty => false,
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            out.push_str(text);
            false
        }
        Data::Int(number) => {
            let _ = write!(out, "{number}");
            false
        }
        Data::Float(number) => write_number(*number, out),
        Data::Bool(flag) => {
            out.push_str(if *flag { "TRUE" } else { "FALSE" });
            false
        }
        Data::DateTime(moment) => {
            write_datetime(moment, out);
            false
        }
        Data::Error(error) => {
            let _ = write!(out, "{error}");
            false
        }
    }
}

/// A number as Excel displays it in a General cell, but with every digit of whole numbers.
pub(super) fn write_number(number: f64, out: &mut String) -> bool {
    if !number.is_finite() {
        let _ = write!(out, "{number}");
        return false;
    }
    if number.fract() == 0.0 && number.abs() <= EXACT_INTEGER_LIMIT {
        let _ = write!(out, "{number:.0}");
        return false;
    }
    if number.fract() == 0.0 && number.abs() < 1e21 {
        write_rounded_integer(number, out);
        return true;
    }
    let magnitude = number.abs().log10().floor();
    // Digits after the point for 15 significant digits.
    let decimals = 14.0 - magnitude;
    if (0.0..=20.0).contains(&decimals) {
        let start = out.len();
        let _ = write!(out, "{number:.*}", decimals as usize);
        if out[start..].contains('.') {
            let trimmed = out.trim_end_matches('0').trim_end_matches('.').len();
            out.truncate(trimmed);
        }
    } else {
        let _ = write!(out, "{number}");
    }
    false
}

/// A whole number beyond 2^53 as Excel shows it: 15 significant digits, then zeros
/// (`4876876000000360000`), not the binary noise of the double (`...359936`).
fn write_rounded_integer(number: f64, out: &mut String) {
    let scientific = format!("{:.14e}", number.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: usize = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    if number < 0.0 {
        out.push('-');
    }
    out.push_str(digits);
    for _ in digits.len()..=exponent {
        out.push('0');
    }
}

fn write_datetime(moment: &ExcelDateTime, out: &mut String) {
    if moment.is_duration() {
        write_number(moment.as_f64(), out);
        return;
    }
    let (year, month, day, hour, minute, second, _) = moment.to_ymd_hms_milli();
    let has_time = hour != 0 || minute != 0 || second != 0;
    if moment.as_f64() < 1.0 && moment.as_f64() >= 0.0 {
        // A time of day without a date.
        let _ = write!(out, "{hour:02}:{minute:02}:{second:02}");
    } else if has_time {
        let _ = write!(
            out,
            "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}"
        );
    } else {
        let _ = write!(out, "{year:04}-{month:02}-{day:02}");
    }
}

/// The spreadsheet name of a column: 0 -> A, 25 -> Z, 26 -> AA.
pub(super) fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8_lossy(&letters).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    fn text(value: Data) -> (String, bool) {
        let mut out = String::new();
        let rounded = write_cell(&value, &mut out);
        (out, rounded)
    }

    #[test]
    fn numbers_keep_their_digits_and_lose_the_point_zero() {
        assert_eq!(text(Data::Float(10045.0)), ("10045".to_string(), false));
        assert_eq!(text(Data::Float(-3.0)), ("-3".to_string(), false));
        assert_eq!(text(Data::Float(1234.56)), ("1234.56".to_string(), false));
        assert_eq!(text(Data::Float(0.1 + 0.2)), ("0.3".to_string(), false));
        assert_eq!(
            text(Data::Int(123456789012)),
            ("123456789012".to_string(), false)
        );
        assert_eq!(
            text(Data::Float(9_007_199_254_740_992.0)),
            ("9007199254740992".to_string(), false)
        );
        let (digits, rounded) = text(Data::Float(4.87687600000036e18));
        assert_eq!(digits, "4876876000000360000");
        assert!(rounded);
        assert_eq!(
            text(Data::Float(-1.0e19)),
            ("-10000000000000000000".to_string(), true)
        );
    }

    #[test]
    fn dates_become_iso_text() {
        let date = ExcelDateTime::new(45702.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(text(Data::DateTime(date)).0, "2025-02-14");
        let moment = ExcelDateTime::new(45702.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(text(Data::DateTime(moment)).0, "2025-02-14T12:00:00");
        assert_eq!(text(Data::Bool(true)).0, "TRUE");
        assert_eq!(text(Data::String("00123".to_string())).0, "00123");
    }

    #[test]
    fn column_letters_follow_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
