//! Text folding shared by every normaliser.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Fold text for comparison: Unicode compatibility decomposition (NFKD) with combining marks
/// dropped, lower case, `ß` as `ss`, and runs of white space collapsed to one space.
///
/// ```
/// use ledgerlink::core::normalize::text::fold;
/// assert_eq!(fold("  Société  Générale "), "societe generale");
/// assert_eq!(fold("Straße"), "strasse");
/// assert_eq!(fold("ŁÓDŹ"), "lodz");
/// ```
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.nfkd() {
        if is_combining_mark(ch) {
            continue;
        }
        if ch.is_whitespace() {
            pending_space = !folded.is_empty();
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        match ch {
            'ß' => folded.push_str("ss"),
            'ł' | 'Ł' => folded.push('l'),
            'ø' | 'Ø' => folded.push('o'),
            'đ' | 'Đ' => folded.push('d'),
            'æ' | 'Æ' => folded.push_str("ae"),
            'œ' | 'Œ' => folded.push_str("oe"),
            _ => folded.extend(ch.to_lowercase()),
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_accents_case_and_spaces() {
        assert_eq!(fold("MÜLLER\tGmbH"), "muller gmbh");
        assert_eq!(fold("Ørsted A/S"), "orsted a/s");
        assert_eq!(fold("東京"), "東京");
        assert_eq!(fold(""), "");
    }
}
