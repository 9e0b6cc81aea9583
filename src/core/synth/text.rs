//! Text damage the way systems and people do it: umlauts written out or dropped, typos, upper
//! case, fixed-width fields.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::rng::Rng;

/// How a system that cannot store accents writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accents {
    /// Keep the text as it is.
    Keep,
    /// German umlauts written out (ü -> ue, ß -> ss), other accents dropped.
    WriteOut,
    /// Every accent dropped (ü -> u, é -> e, ł -> l).
    Drop,
}

/// Apply an accent policy. Scripts without a Latin form (CJK) are left alone.
pub fn accents(text: &str, mode: Accents) -> String {
    if mode == Accents::Keep || text.is_ascii() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 4);
    for ch in text.chars() {
        if ch.is_ascii() {
            out.push(ch);
            continue;
        }
        let written_out = match (mode, ch) {
            (Accents::WriteOut, 'ä') => Some("ae"),
            (Accents::WriteOut, 'ö') => Some("oe"),
            (Accents::WriteOut, 'ü') => Some("ue"),
            (Accents::WriteOut, 'Ä') => Some("Ae"),
            (Accents::WriteOut, 'Ö') => Some("Oe"),
            (Accents::WriteOut, 'Ü') => Some("Ue"),
            (_, 'ß') => Some("ss"),
            (_, 'ł') => Some("l"),
            (_, 'Ł') => Some("L"),
            (_, 'ø') => Some("o"),
            (_, 'Ø') => Some("O"),
            (_, 'æ') => Some("ae"),
            (_, 'œ') => Some("oe"),
            (_, 'Œ') => Some("OE"),
            (_, 'đ') => Some("d"),
            (_, 'º') => Some("o"),
            _ => None,
        };
        match written_out {
            Some(replacement) => out.push_str(replacement),
            None => out.extend(ch.nfd().filter(|c| !is_combining_mark(*c))),
        }
    }
    out
}

/// Lower-case ASCII letters and digits only, German umlauts written out: for domains and e-mail
/// local parts. Words are joined with `joiner`.
pub fn slug(words: &[&str], joiner: &str) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(words.len());
    for word in words {
        let ascii = accents(word, Accents::WriteOut).to_ascii_lowercase();
        let cleaned: String = ascii.chars().filter(char::is_ascii_alphanumeric).collect();
        if !cleaned.is_empty() {
            parts.push(cleaned);
        }
    }
    parts.join(joiner)
}

/// One typing mistake in a word of at least four letters: two letters swapped, one dropped, one
/// doubled, or one replaced by a neighbour on the keyboard. Shorter words come back unchanged.
pub fn typo(word: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() < 4 || !chars.iter().all(|c| c.is_alphabetic()) {
        return word.to_string();
    }
    // Keep the first letter: people rarely mistype it.
    let position = 1 + rng.index(chars.len() - 2);
    match rng.below(10) {
        0..=3 => chars.swap(position, position + 1),
        4..=6 => {
            chars.remove(position);
        }
        7 => chars.insert(position, chars[position]),
        _ => chars[position] = keyboard_neighbour(chars[position], rng),
    }
    chars.into_iter().collect()
}

fn keyboard_neighbour(letter: char, rng: &mut Rng) -> char {
    const ROWS: [&str; 3] = ["qwertzuiop", "asdfghjkl", "yxcvbnm"];
    let lower = letter.to_ascii_lowercase();
    for row in ROWS {
        if let Some(at) = row.find(lower) {
            let bytes = row.as_bytes();
            let other = if at + 1 < bytes.len() && (at == 0 || rng.chance(0.5)) {
                bytes[at + 1]
            } else {
                bytes[at - 1]
            };
            let other = char::from(other);
            return if letter.is_uppercase() {
                other.to_ascii_uppercase()
            } else {
                other
            };
        }
    }
    letter
}

/// Cut text to at most `max_chars` characters (not bytes) at a character boundary; returns the
/// kept part (trailing space trimmed) and the rest, if anything was cut.
pub fn cut(text: &str, max_chars: usize) -> (String, Option<String>) {
    match text.char_indices().nth(max_chars) {
        None => (text.to_string(), None),
        Some((byte_at, _)) => {
            let kept = text[..byte_at].trim_end().to_string();
            let rest = text[byte_at..].trim().to_string();
            (kept, (!rest.is_empty()).then_some(rest))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_are_written_out_or_dropped() {
        assert_eq!(
            accents("Müller Straße", Accents::WriteOut),
            "Mueller Strasse"
        );
        assert_eq!(accents("Müller Straße", Accents::Drop), "Muller Strasse");
        assert_eq!(
            accents("Société Générale", Accents::WriteOut),
            "Societe Generale"
        );
        assert_eq!(accents("Łódź", Accents::Drop), "Lodz");
        assert_eq!(accents("東京精密", Accents::Drop), "東京精密");
        assert_eq!(accents("Müller", Accents::Keep), "Müller");
    }

    #[test]
    fn slug_is_lower_ascii() {
        assert_eq!(
            slug(&["Müller", "Maschinenbau"], "-"),
            "mueller-maschinenbau"
        );
        assert_eq!(slug(&["O'Brien", "&", "Sons"], ""), "obriensons");
        assert_eq!(slug(&["Wiśniewski"], ""), "wisniewski");
    }

    #[test]
    fn typo_changes_a_long_word_a_little() {
        let mut rng = Rng::new(11);
        for _ in 0..200 {
            let damaged = typo("Schneider", &mut rng);
            assert!(damaged.starts_with('S'));
            let len = damaged.chars().count();
            assert!((8..=10).contains(&len), "{damaged}");
        }
        assert_eq!(typo("AG", &mut rng), "AG");
        assert_eq!(typo("&", &mut rng), "&");
    }

    #[test]
    fn cut_counts_characters_not_bytes() {
        let (kept, rest) = cut("ÄÖÜ Maschinenbau", 4);
        assert_eq!(kept, "ÄÖÜ");
        assert_eq!(rest.as_deref(), Some("Maschinenbau"));
        assert_eq!(cut("short", 35), ("short".to_string(), None));
    }
}
