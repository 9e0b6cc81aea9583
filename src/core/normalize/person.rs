//! People's names (B2C customers): first and last name folded like company names (umlaut
//! digraphs included: "Müller" = "Mueller"), titles and suffixes dropped ("Dr.", "Herr",
//! "Mme", "Jr."), and a full name in one field split into first and last.
//!
//! Splitting: "Last, First" by its comma; a surname written in capitals ("MÜLLER Hans",
//! "Hans MÜLLER") by its case; otherwise the last word with its particles ("van der", "von",
//! "de la") is the last name and the rest the first name. Swapped fields are a matching
//! question: [`PersonName::tokens`] gives both parts' words to compare in any order.

use std::cell::RefCell;

use super::text::{Tokens, word_in};

/// A person's name in comparable form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonName {
    /// Given names, folded, words separated by single spaces ("hans peter").
    pub first: String,
    /// Surname with its particles, folded ("van der berg", "muller schmidt").
    pub last: String,
}

impl PersonName {
    /// True when both parts are empty.
    pub fn is_empty(&self) -> bool {
        self.first.is_empty() && self.last.is_empty()
    }

    /// All words of both parts, sorted: equal for "Hans Müller" and "Müller Hans".
    pub fn tokens(&self) -> Vec<&str> {
        let mut words: Vec<&str> = self
            .first
            .split(' ')
            .chain(self.last.split(' '))
            .filter(|word| !word.is_empty())
            .collect();
        words.sort_unstable();
        words
    }
}

/// Fold first and last name; when one is empty and the other holds a whole name ("Müller,
/// Hans", "Dr. Hans Müller"), split that one.
///
/// ```
/// use ledgerlink::core::normalize::person::person_name;
/// let name = person_name("Hans-Peter", "Müller");
/// assert_eq!((name.first.as_str(), name.last.as_str()), ("hans peter", "muller"));
/// assert_eq!(person_name("", "Mueller, Hans").first, "hans");
/// assert_eq!(person_name("Dr. Hans", "Müller").first, "hans");
/// ```
pub fn person_name(first: &str, last: &str) -> PersonName {
    let (first, last) = (first.trim(), last.trim());
    if first.is_empty() && (last.contains(',') || last.split_whitespace().count() > 1) {
        return split_person_name(last);
    }
    if last.is_empty() && first.split_whitespace().count() > 1 {
        return split_person_name(first);
    }
    PersonName {
        first: clean(first),
        last: clean(last),
    }
}

/// Split a full name into first and last name.
///
/// ```
/// use ledgerlink::core::normalize::person::split_person_name;
/// let name = split_person_name("Dr. Hans Peter Müller");
/// assert_eq!((name.first.as_str(), name.last.as_str()), ("hans peter", "muller"));
/// assert_eq!(split_person_name("Müller, Hans").last, "muller");
/// assert_eq!(split_person_name("MÜLLER Hans").first, "hans");
/// assert_eq!(split_person_name("Ludwig van Beethoven").last, "van beethoven");
/// ```
pub fn split_person_name(full: &str) -> PersonName {
    if let Some((before, after)) = full.split_once(',') {
        let after_words = words_without_titles(after);
        if !after_words.is_empty() && !before.trim().is_empty() {
            return PersonName {
                first: clean(after),
                last: clean(before),
            };
        }
        return split_person_name(before);
    }
    let words = words_without_titles(full);
    if words.len() < 2 {
        return PersonName {
            first: String::new(),
            last: clean(&words.join(" ")),
        };
    }
    let split = capitalised_surname(&words).unwrap_or_else(|| {
        let mut start = words.len() - 1;
        while start > 1 && is_particle(words[start - 1]) {
            start -= 1;
        }
        (start, words.len())
    });
    let (lo, hi) = split;
    let first: Vec<&str> = words[..lo].iter().chain(&words[hi..]).copied().collect();
    PersonName {
        first: clean(&first.join(" ")),
        last: clean(&words[lo..hi].join(" ")),
    }
}

/// The run of words written in capitals when the other words are not ("MÜLLER Hans").
fn capitalised_surname(words: &[&str]) -> Option<(usize, usize)> {
    let is_caps = |word: &str| {
        let mut letters = word.chars().filter(|ch| ch.is_alphabetic());
        letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
    };
    let caps: Vec<usize> = (0..words.len())
        .filter(|&index| is_caps(words[index]))
        .collect();
    let (&lo, &hi) = (caps.first()?, caps.last()?);
    let contiguous = hi - lo + 1 == caps.len();
    (contiguous && caps.len() < words.len()).then_some((lo, hi + 1))
}

fn is_particle(word: &str) -> bool {
    word_in(
        word,
        &[
            "von", "van", "de", "der", "den", "da", "di", "du", "del", "della", "le", "la", "ten",
            "ter", "zu", "vom", "zum", "dos", "das", "do", "des", "af", "al", "el", "st",
        ],
    )
}

fn is_title(word: &str) -> bool {
    word_in(
        word,
        &[
            "dr", "prof", "mr", "mrs", "ms", "miss", "mx", "herr", "frau", "hr", "fr", "mme",
            "mlle", "monsieur", "madame", "sr", "sra", "srta", "sig", "sigra", "dott", "ing",
            "dipl", "dipl-ing", "mag", "jr", "jun", "sen", "ii", "iii", "iv", "phd", "md", "mba",
            "esq", "sir", "dame", "rev", "med", "drmed", "dhr", "mevr", "profdr", "univ",
        ],
    )
}

fn words_without_titles(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .filter(|word| !is_title(word))
        .collect()
}

fn clean(text: &str) -> String {
    thread_local! {
        static TOKENS: RefCell<Tokens> = RefCell::new(Tokens::default());
    }
    TOKENS.with_borrow_mut(|tokens| {
        tokens.tokenize(text);
        let mut cleaned = String::with_capacity(text.len());
        for index in 0..tokens.len() {
            let word = tokens.get(index);
            if is_title(word) {
                continue;
            }
            if !cleaned.is_empty() {
                cleaned.push(' ');
            }
            cleaned.push_str(word);
        }
        cleaned
    })
}

#[cfg(test)]
mod tests {
    use super::{person_name, split_person_name};

    #[test]
    fn full_names_are_split() {
        let cases = [
            ("Hans Müller", "hans", "muller"),
            ("Hans Peter Müller", "hans peter", "muller"),
            ("Müller, Hans", "hans", "muller"),
            ("Mueller, Hans-Peter", "hans peter", "muller"),
            ("Dr. Hans Müller", "hans", "muller"),
            ("Herr Prof. Dr. Hans Müller", "hans", "muller"),
            ("Hans Müller, Dr.", "hans", "muller"),
            ("MÜLLER Hans", "hans", "muller"),
            ("Hans MÜLLER", "hans", "muller"),
            ("DE LA FUENTE Maria", "maria", "de la funte"),
            ("Ludwig van Beethoven", "ludwig", "van beethoven"),
            ("Jan van der Berg", "jan", "van der berg"),
            ("Maria de la Fuente", "maria", "de la funte"),
            ("John Smith Jr.", "john", "smith"),
            ("Mme Anne-Sophie Dupont", "anne sophie", "dupont"),
            ("O'Brien", "", "obrien"),
            ("JOHN SMITH", "john", "smith"),
            ("", "", ""),
        ];
        for (full, first, last) in cases {
            let name = split_person_name(full);
            assert_eq!(
                (name.first.as_str(), name.last.as_str()),
                (first, last),
                "{full:?}"
            );
        }
    }

    #[test]
    fn first_and_last_fields() {
        let cases = [
            (("Hans", "Müller"), ("hans", "muller")),
            (("HANS", "MUELLER"), ("hans", "muller")),
            (
                (" hans ", "müller-lüdenscheidt"),
                ("hans", "muller ludenscheidt"),
            ),
            (("", "Müller, Hans"), ("hans", "muller")),
            (("Hans Müller", ""), ("hans", "muller")),
            (("", "Müller"), ("", "muller")),
            (("Frau Anna", "Schmidt"), ("anna", "schmidt")),
        ];
        for ((first, last), (want_first, want_last)) in cases {
            let name = person_name(first, last);
            assert_eq!(
                (name.first.as_str(), name.last.as_str()),
                (want_first, want_last),
                "{first:?} {last:?}"
            );
        }
    }

    #[test]
    fn swapped_names_share_tokens() {
        assert_eq!(
            person_name("Hans", "Müller").tokens(),
            person_name("Mueller", "Hans").tokens()
        );
        assert!(person_name(" ", "").is_empty());
    }
}
