//! Text folding for comparison ([`fold`]): what import (header names), the search boxes and
//! the normalisers all use to compare text the way a reader does. Kept apart from `normalize`
//! so that import does not depend on the normalisers.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Fold text for comparison: Unicode compatibility decomposition (NFKD) with combining marks
/// dropped, lower case, `ß` as `ss`, and runs of white space collapsed to one space.
///
/// ```
/// use ledgerlink::core::fold::fold;
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
        match special_letter(ch) {
            Some(replacement) => folded.push_str(replacement),
            None => folded.extend(ch.to_lowercase()),
        }
    }
    folded
}

/// Letters that NFKD leaves alone but that readers treat as a plain Latin letter.
pub(crate) fn special_letter(ch: char) -> Option<&'static str> {
    Some(match ch {
        'ß' | 'ẞ' => "ss",
        'ł' | 'Ł' => "l",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' => "d",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        _ => return None,
    })
}
