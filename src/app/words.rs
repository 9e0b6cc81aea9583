//! Counts in words with the right plural: "1 record", "2 records".

/// `count` and the noun in the right number: `counted(1, "record", "records")` is
/// "1 record".
pub fn counted(count: usize, one: &str, many: &str) -> String {
    match count {
        1 => format!("1 {one}"),
        count => format!("{count} {many}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_zero_plural() {
        assert_eq!(counted(1, "pair", "pairs"), "1 pair");
        assert_eq!(counted(0, "pair", "pairs"), "0 pairs");
        assert_eq!(counted(12, "record", "records"), "12 records");
    }
}
