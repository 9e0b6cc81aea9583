//! Text folding shared by every normaliser: [`fold`] for display-grade comparison text, and the
//! name tokenizer behind company, person and street keys.
//!
//! Name keys also fold the German umlaut digraphs: in every token of three or more characters an
//! `e` after `a`, `o` or `u` is dropped unless a vowel or `y` follows it, so "Müller", "Mueller"
//! and "Muller" all give `muller` ("Bäcker"/"Baecker" `backer`, "Köln"/"Koeln" `koln`, "Joe"
//! `jo`), while "Boeing" and "Queen" keep their `e`. The same rule runs on both sides of a
//! comparison, so it cannot split a pair; it merges a few unrelated spellings ("Blue" and "Blu"),
//! which matching weighs like any other near-equal token.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

pub use crate::core::fold::fold;
use crate::core::fold::special_letter;

/// The name key of a text: its [`Tokens`] (folded, umlaut digraphs folded, punctuation dropped,
/// `&`/`+` as `and`) joined by single spaces.
///
/// ```
/// use ledgerlink::core::normalize::text::name_key;
/// assert_eq!(name_key("Müller-Lüdenscheidt"), "muller ludenscheidt");
/// assert_eq!(name_key("MUELLER & Söhne"), "muller and sohne");
/// assert_eq!(name_key("O'Brien"), "obrien");
/// assert_eq!(name_key("東京商事"), "東 京 商 事");
/// ```
pub fn name_key(text: &str) -> String {
    let mut tokens = Tokens::default();
    tokens.tokenize(text);
    tokens.join(0, tokens.len())
}

/// True when `word`, ignoring dots and ASCII case, is one of `candidates` (written in lower
/// case without dots). No allocation: for the many small word lists of the normalisers.
pub(crate) fn word_in(word: &str, candidates: &[&str]) -> bool {
    let mut buffer = [0u8; 24];
    let mut length = 0;
    for byte in word.bytes().filter(|byte| *byte != b'.') {
        let Some(slot) = buffer.get_mut(length) else {
            return false;
        };
        *slot = byte.to_ascii_lowercase();
        length += 1;
    }
    let key = &buffer[..length];
    candidates
        .iter()
        .any(|candidate| candidate.as_bytes() == key)
}

/// True for Han ideographs and Japanese kana: scripts written without spaces between words.
fn is_cjk(ch: char) -> bool {
    matches!(
        u32::from(ch),
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x2_0000..=0x3_134F
    )
}

/// What separated a token from the one before it, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Sep {
    /// White space, a dot, or nothing (first token).
    Space,
    /// A hyphen or slash inside a word ("Coca-Cola", "A/S").
    Joiner,
    /// A comma, semicolon or colon.
    Comma,
    /// A dash or slash with a space on either side ("Müller GmbH - Berlin").
    Dash,
    /// An opening or closing bracket.
    Paren,
}

/// One token: a byte range of [`Tokens::text`] and how it was set apart.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    start: u32,
    end: u32,
    /// The separator before this token.
    pub sep: Sep,
    /// Inside brackets.
    pub in_parens: bool,
}

/// A reusable tokenizer: folded alphanumeric tokens of a text, stored in one buffer.
#[derive(Default, Debug)]
pub struct Tokens {
    text: String,
    list: Vec<Token>,
    state: TokenizerState,
}

#[derive(Default, Debug)]
struct TokenizerState {
    in_token: bool,
    token_start: usize,
    pending: Option<Sep>,
    prev_space: bool,
    unspaced_dash: bool,
    depth: u8,
}

impl Tokens {
    /// Replace the content with the tokens of `raw`.
    pub fn tokenize(&mut self, raw: &str) {
        self.text.clear();
        self.list.clear();
        self.state = TokenizerState::default();
        for ch in raw.chars() {
            self.feed(ch);
        }
        self.end_token();
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when there is no token.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The text of token `index` (panics when out of range, like slice indexing).
    pub fn get(&self, index: usize) -> &str {
        let token = self.list[index];
        &self.text[token.start as usize..token.end as usize]
    }

    /// Tokens `lo..hi` joined by single spaces.
    pub fn join(&self, lo: usize, hi: usize) -> String {
        let mut joined = String::new();
        for index in lo..hi {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(self.get(index));
        }
        joined
    }

    pub(crate) fn token(&self, index: usize) -> Token {
        self.list[index]
    }

    fn feed(&mut self, ch: char) {
        if ch.is_ascii() {
            self.ascii(ch);
            return;
        }
        match ch {
            '’' | '‘' | '´' | 'ʼ' | '′' => {}
            '–' | '—' | '‐' | '‑' | '−' => self.dash(),
            _ if ch.is_whitespace() => self.space(),
            _ => {
                if let Some(replacement) = special_letter(ch) {
                    replacement.chars().for_each(|letter| self.letter(letter));
                    return;
                }
                decompose_compatible(ch, |part| {
                    if is_combining_mark(part) {
                    } else if part.is_ascii() {
                        self.ascii(part);
                    } else if let Some(replacement) = special_letter(part) {
                        replacement.chars().for_each(|letter| self.letter(letter));
                    } else if is_cjk(part) {
                        // Chinese and Japanese names have no spaces: each character is a
                        // token, so "東京商事株式会社" and "東京商事" share their words and the
                        // legal form 株式会社 is found at the end like "GmbH".
                        self.end_token();
                        self.letter(part);
                        self.end_token();
                    } else if part.is_alphanumeric() {
                        part.to_lowercase().for_each(|letter| self.letter(letter));
                    } else if part.is_whitespace() {
                        self.space();
                    } else {
                        self.separator(Sep::Space);
                    }
                });
            }
        }
    }

    fn ascii(&mut self, ch: char) {
        match ch {
            'a'..='z' | '0'..='9' => self.letter(ch),
            'A'..='Z' => self.letter(ch.to_ascii_lowercase()),
            '\'' | '`' => {}
            '.' => self.end_token(),
            '&' | '+' => {
                self.end_token();
                self.letter('a');
                self.letter('n');
                self.letter('d');
                self.end_token();
            }
            '-' | '/' | '\\' => self.dash(),
            ',' | ';' | ':' => self.separator(Sep::Comma),
            '(' | '[' | '{' => {
                self.separator(Sep::Paren);
                self.state.depth = self.state.depth.saturating_add(1);
            }
            ')' | ']' | '}' => {
                self.separator(Sep::Paren);
                self.state.depth = self.state.depth.saturating_sub(1);
            }
            _ if ch.is_ascii_whitespace() => self.space(),
            _ => self.separator(Sep::Space),
        }
    }

    fn letter(&mut self, ch: char) {
        let state = &mut self.state;
        if !state.in_token {
            state.in_token = true;
            state.token_start = self.text.len();
            let sep = state.pending.take().unwrap_or(Sep::Space);
            self.list.push(Token {
                start: state.token_start as u32,
                end: state.token_start as u32,
                sep,
                in_parens: state.depth > 0,
            });
        }
        state.prev_space = false;
        state.unspaced_dash = false;
        self.text.push(ch);
    }

    fn space(&mut self) {
        self.end_token();
        if self.state.unspaced_dash {
            self.raise(Sep::Dash);
        }
        self.state.unspaced_dash = false;
        self.state.prev_space = true;
    }

    fn dash(&mut self) {
        self.end_token();
        if self.state.prev_space {
            self.raise(Sep::Dash);
        } else {
            self.raise(Sep::Joiner);
            self.state.unspaced_dash = true;
        }
    }

    fn separator(&mut self, sep: Sep) {
        self.end_token();
        self.raise(sep);
        self.state.prev_space = false;
        self.state.unspaced_dash = false;
    }

    fn raise(&mut self, sep: Sep) {
        let pending = &mut self.state.pending;
        *pending = Some(pending.map_or(sep, |current| current.max(sep)));
    }

    fn end_token(&mut self) {
        if !self.state.in_token {
            return;
        }
        self.state.in_token = false;
        fold_digraphs(&mut self.text, self.state.token_start);
        if let Some(last) = self.list.last_mut() {
            last.end = self.text.len() as u32;
        }
    }
}

/// Drop the `e` of `ae`, `oe`, `ue` when no vowel or `y` follows it, in the token starting at
/// `start` when it has three characters or more: "Mueller" and "Joe" fold, "Boeing", "Queen"
/// and "AE" do not.
fn fold_digraphs(text: &mut String, start: usize) {
    let token = &text.as_bytes()[start..];
    let folds_at = |index: usize| {
        token[index] == b'e'
            && index > 0
            && matches!(token[index - 1], b'a' | b'o' | b'u')
            && !matches!(
                token.get(index + 1),
                Some(b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
            )
    };
    if token.len() < 3 || !(1..token.len()).any(folds_at) {
        return;
    }
    let folded: Vec<u8> = (0..token.len())
        .filter(|&index| !folds_at(index))
        .map(|index| token[index])
        .collect();
    text.truncate(start);
    text.push_str(&String::from_utf8_lossy(&folded));
}

#[cfg(test)]
mod tests {
    use super::{Sep, Tokens, fold, name_key, word_in};

    #[test]
    fn words_match_lists_ignoring_dots_and_case() {
        assert!(word_in("P.O.", &["po", "box"]));
        assert!(word_in("Nr.", &["nr"]));
        assert!(!word_in("Nrx", &["nr"]));
        assert!(!word_in("averyveryverylongwordindeedyes", &["a"]));
    }

    #[test]
    fn folds_accents_case_and_spaces() {
        assert_eq!(fold("MÜLLER\tGmbH"), "muller gmbh");
        assert_eq!(fold("Ørsted A/S"), "orsted a/s");
        assert_eq!(fold("東京"), "東京");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn name_keys_fold_umlauts_both_ways() {
        let cases = [
            ("Müller", "muller"),
            ("Mueller", "muller"),
            ("MULLER", "muller"),
            ("Bäcker", "backer"),
            ("Baecker", "backer"),
            ("Köln", "koln"),
            ("Koeln", "koln"),
            ("Straße", "strasse"),
            ("Ærø", "aro"),
            ("Łódź", "lodz"),
            ("Þór", "thor"),
            ("Int'l", "intl"),
            ("McDonald’s", "mcdonalds"),
            ("AE", "ae"),
            ("Joe", "jo"),
            ("Boeing", "boeing"),
            ("Queen", "queen"),
            ("ＡＣＭＥ", "acme"),
            ("G.m.b.H.", "g m b h"),
            ("A&B", "a and b"),
            ("Coca-Cola", "coca cola"),
            ("  ", ""),
        ];
        for (raw, expected) in cases {
            assert_eq!(name_key(raw), expected, "{raw}");
        }
    }

    #[test]
    fn separators_are_recorded() {
        let mut tokens = Tokens::default();
        tokens.tokenize("Müller GmbH - Berlin (Werk 2), Coca-Cola");
        let seps: Vec<Sep> = (0..tokens.len()).map(|i| tokens.token(i).sep).collect();
        assert_eq!(
            seps,
            [
                Sep::Space,
                Sep::Space,
                Sep::Dash,
                Sep::Paren,
                Sep::Space,
                Sep::Paren,
                Sep::Joiner
            ]
        );
        assert!(tokens.token(3).in_parens);
        assert!(!tokens.token(6).in_parens);
        tokens.tokenize("Müller GmbH- Berlin");
        assert_eq!(tokens.token(2).sep, Sep::Dash);
    }
}
