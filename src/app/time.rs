//! Times as the window shows them: the log stores UTC (`2026-12-04T21:32:59.945Z`, and the
//! audit export keeps it so), the window shows the local wall clock (`21:32:59`).

/// Seconds since 1970 of a UTC time `YYYY-MM-DDTHH:MM:SS[.fff]Z`, or `None` for other text.
fn unix_seconds(utc: &str) -> Option<i64> {
    let number = |range: std::ops::Range<usize>| utc.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if utc.get(10..11) != Some("T") || !(1..=12).contains(&month) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second)
}

/// Local (year, month, day, hour, minute, second) of a moment, where the platform says.
#[cfg(unix)]
fn local_parts(seconds: i64) -> Option<[i64; 6]> {
    let time = libc::time_t::try_from(seconds).ok()?;
    // SAFETY: an all-zero `tm` is a valid value; localtime_r writes only into it.
    let mut parts: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the call; localtime_r is the thread-safe variant.
    let result = unsafe { libc::localtime_r(&time, &mut parts) };
    (!result.is_null()).then(|| {
        [
            i64::from(parts.tm_year) + 1900,
            i64::from(parts.tm_mon) + 1,
            i64::from(parts.tm_mday),
            i64::from(parts.tm_hour),
            i64::from(parts.tm_min),
            i64::from(parts.tm_sec),
        ]
    })
}

#[cfg(not(unix))]
fn local_parts(_seconds: i64) -> Option<[i64; 6]> {
    None
}

/// The local wall-clock time of a stored UTC time: `21:32:59`. Text that is no such time is
/// returned as it is; where the local zone is unknown, the UTC time with `UTC` after it.
pub fn local_time(utc: &str) -> String {
    match unix_seconds(utc).map(|seconds| (seconds, local_parts(seconds))) {
        Some((_, Some([_, _, _, hour, minute, second]))) => {
            format!("{hour:02}:{minute:02}:{second:02}")
        }
        Some(_) => format!("{} UTC", utc.get(11..19).unwrap_or(utc)),
        None => utc.to_string(),
    }
}

/// The local date and time of a stored UTC time: `2026-12-04 21:32:59`.
pub fn local_date_time(utc: &str) -> String {
    match unix_seconds(utc).map(|seconds| (seconds, local_parts(seconds))) {
        Some((_, Some([year, month, day, hour, minute, second]))) => {
            format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
        }
        Some(_) => format!("{} UTC", utc.get(..19).unwrap_or(utc).replace('T', " ")),
        None => utc.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_text_becomes_seconds() {
        assert_eq!(unix_seconds("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            unix_seconds("2026-12-04T21:32:59.945Z"),
            Some(1_796_419_979)
        );
        assert_eq!(unix_seconds("2000-03-01T00:00:00Z"), Some(951_868_800));
        assert_eq!(unix_seconds("not a time"), None);
    }

    #[test]
    fn a_time_is_shown_as_the_wall_clock() {
        let shown = local_time("2026-12-04T21:32:59.945Z");
        assert_eq!(shown.len(), 8, "{shown}");
        assert!(shown.ends_with(":59"), "{shown}");
        assert_eq!(local_time("soon"), "soon");
        assert!(local_date_time("2026-12-04T21:32:59Z").contains(":32:59"));
    }
}
