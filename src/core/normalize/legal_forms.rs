//! Legal forms (GmbH, S.A.R.L., Sp. z o.o., Inc ...) per country, from `assets/legal_forms.tsv`
//! (ISO 20275 list by GLEIF plus hand-added spellings; see `assets/README.md`).
//!
//! Every spelling is folded and tokenised like a name; what is compared is the concatenation of
//! its tokens, so "G.m.b.H.", "GmbH" and "Gesellschaft mit beschränkter Haftung" all reach the
//! key `gmbh`. Lookups go to the record's country first, then to the forms used everywhere
//! (Inc, Ltd, GmbH, SA, AG, B.V. ...), then to the list of all countries (spellings of three
//! characters or more only, so "Microsoft UK" keeps its "UK").

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::address::country_key;
use super::text::{Sep, Tokens};

mod typos;

pub(crate) use typos::{glued, typo_at_end};

const ASSET: &str = include_str!("../../../assets/legal_forms.tsv");

/// The longest legal form spelling, in tokens ("S. de R.L. de C.V." has seven).
pub(crate) const MAX_TOKENS: usize = 8;

/// Where a form may stand in a name.
#[derive(Clone, Copy, Debug)]
struct Form {
    key: u32,
    /// Also as the first word ("SARL Dupont", "AB Volvo", "OOO Romashka").
    anywhere: bool,
    /// Bit `n` set when some spelling of this form has `n` tokens.
    token_counts: u16,
    /// Line order: hand-added (common) forms first.
    rank: u32,
}

/// Where a folded spelling is a legal form: in given countries, everywhere (hand-added), and in
/// the all-country fallback.
#[derive(Default)]
struct Entry {
    countries: Vec<([u8; 2], Form)>,
    everywhere: Option<Form>,
    fallback: Option<Form>,
}

#[derive(Default)]
struct Table {
    keys: Vec<Box<str>>,
    /// Per key, the spelling people read and its [`display_rank`] ("GmbH & Co. KG").
    displays: Vec<(Box<str>, (u8, usize))>,
    key_index: HashMap<Box<str>, u32>,
    spellings: FxHashMap<Box<str>, Entry>,
    /// Hand-added spellings sorted by folded text, for completing a cut-off form: (country or
    /// `**`, folded spelling, form).
    hand_sorted: Vec<([u8; 2], Box<str>, Form)>,
    longest: usize,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| Table::parse(ASSET));

/// A legal form found in a token list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FormMatch {
    /// Canonical key ("gmbh").
    pub key: &'static str,
    /// How many tokens it covers.
    pub tokens: usize,
}

/// Canonical key of a legal form given on its own ("G.m.b.H." -> `gmbh`, "Incorporated" ->
/// `inc`), in the forms of `country` (ISO alpha-2) or anywhere; `None` when it is not one.
///
/// ```
/// use ledgerlink::core::normalize::legal_forms::legal_form_key;
/// assert_eq!(legal_form_key("Gesellschaft mit beschränkter Haftung", Some("DE")), Some("gmbh"));
/// assert_eq!(legal_form_key("S.à r.l.", Some("LU")), Some("sarl"));
/// assert_eq!(legal_form_key("sp. z o. o.", None), Some("spzoo"));
/// assert_eq!(legal_form_key("Software", None), None);
/// ```
pub fn legal_form_key(raw: &str, country: Option<&str>) -> Option<&'static str> {
    let mut tokens = Tokens::default();
    tokens.tokenize(raw);
    let mut folded = String::new();
    for index in 0..tokens.len() {
        folded.push_str(tokens.get(index));
    }
    let table = &*TABLE;
    let form = table.lookup(country_key(country), &folded)?;
    Some(table.key(form))
}

/// How people write the legal form with canonical `key` ("gmbhcokg" -> "GmbH & Co. KG",
/// "sarl" -> "SARL"); the key itself when the table does not know it.
///
/// ```
/// use ledgerlink::core::normalize::legal_forms::legal_form_display;
/// assert_eq!(legal_form_display("gmbh"), "GmbH");
/// assert_eq!(legal_form_display("gmbhcokg"), "GmbH & Co. KG");
/// assert_eq!(legal_form_display("株"), "株式会社");
/// assert_eq!(legal_form_display("有限公司"), "有限公司");
/// assert_eq!(legal_form_display("no such form"), "no such form");
/// ```
pub fn legal_form_display(key: &str) -> &str {
    let table = &*TABLE;
    match table.key_index.get(key) {
        Some(&index) => &table.displays[index as usize].0,
        None => key,
    }
}

/// How well `spelling` shows the form `key` to a reader; the best rank is shown, the first line
/// among equals. A Latin key: a spelling used in every country first. A key in another script:
/// the key itself when it is a word (有限公司), else the longest native spelling holding it
/// (株 → 株式会社), then any native spelling; transliterations last.
fn display_rank(key: &str, spelling: &str, everywhere: bool) -> (u8, usize) {
    if key.is_ascii() {
        return (u8::from(everywhere), 0);
    }
    if spelling.is_ascii() {
        (0, 0)
    } else if spelling == key && key.chars().count() >= 2 {
        (3, 0)
    } else if spelling.contains(key) {
        (2, spelling.chars().count())
    } else {
        (1, 0)
    }
}

/// Two ASCII letters, upper-cased (the country column of the asset).
fn two_letters(text: &str) -> Option<[u8; 2]> {
    match text.as_bytes() {
        [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            Some([a.to_ascii_uppercase(), b.to_ascii_uppercase()])
        }
        _ => None,
    }
}

/// The legal form ending tokens `lo..hi` (the longest one), leaving at least one token before it.
pub(crate) fn at_end(
    tokens: &Tokens,
    lo: usize,
    hi: usize,
    country: Option<[u8; 2]>,
) -> Option<FormMatch> {
    let table = &*TABLE;
    let mut folded = String::new();
    let most = MAX_TOKENS.min(hi.saturating_sub(lo + 1));
    for count in (1..=most).rev() {
        concat(tokens, hi - count, hi, &mut folded);
        if folded.len() > table.longest {
            continue;
        }
        if let Some(form) = table.lookup(country, &folded)
            && plausible(form, tokens, hi - count, hi)
        {
            return Some(FormMatch {
                key: table.key(form),
                tokens: count,
            });
        }
    }
    None
}

/// A legal form that may open a name ("SARL Dupont", "AB Volvo") starting tokens `lo..hi`.
pub(crate) fn at_start(
    tokens: &Tokens,
    lo: usize,
    hi: usize,
    country: Option<[u8; 2]>,
) -> Option<FormMatch> {
    let table = &*TABLE;
    let mut folded = String::new();
    let most = MAX_TOKENS.min(hi.saturating_sub(lo + 1));
    for count in (1..=most).rev() {
        concat(tokens, lo, lo + count, &mut folded);
        let form = table
            .spellings
            .get(folded.as_str())
            .and_then(|entry| entry.in_country(country).or(entry.everywhere.as_ref()));
        // A form that usually ends a name opens it too when it cannot be a word there: spelled
        // out ("Société Anonyme Mueller"), or short with a name of two words after it ("SA Roth
        // Media"); "Co" and "Corp" open names as words ("Co-operative").
        let rest = hi - lo - count;
        let opens = |form: &Form| {
            form.anywhere
                || (!matches!(table.key(form), "co" | "corp")
                    && (folded.len() >= 8 || rest >= 2)
                    && tokens.token(lo + count).sep == Sep::Space)
        };
        if let Some(form) = form
            && opens(form)
            && plausible(form, tokens, lo, lo + count)
        {
            return Some(FormMatch {
                key: table.key(form),
                tokens: count,
            });
        }
    }
    None
}

/// A legal form cut off by a field limit at the end of tokens `lo..hi` ("GMBH & CO. K"): the
/// tail is the beginning of a common spelling. Only the hand-added forms are completed.
pub(crate) fn cut_off_at_end(
    tokens: &Tokens,
    lo: usize,
    hi: usize,
    country: Option<[u8; 2]>,
) -> Option<FormMatch> {
    let table = &*TABLE;
    let mut folded = String::new();
    let most = 5.min(hi.saturating_sub(lo + 1));
    for count in (1..=most).rev() {
        concat(tokens, hi - count, hi, &mut folded);
        let short_tokens = (hi - count..hi).all(|index| tokens.get(index).len() <= 4);
        if count > 1 && !short_tokens {
            continue;
        }
        if let Some(form) = table.completion(country, &folded) {
            return Some(FormMatch {
                key: table.key(form),
                tokens: count,
            });
        }
    }
    None
}

fn concat(tokens: &Tokens, lo: usize, hi: usize, out: &mut String) {
    out.clear();
    for index in lo..hi {
        out.push_str(tokens.get(index));
    }
}

/// Several tokens make a form only when a spelling has that many tokens, or when they are all
/// short pieces of a dotted abbreviation ("S.A.R.L", "Sp. z o.o."); "Alpha Gamma" is no "AG".
fn plausible(form: &Form, tokens: &Tokens, lo: usize, hi: usize) -> bool {
    let count = hi - lo;
    // One ideograph is a form only as an abbreviation in brackets: "(株)", "㈱"; the last
    // character of "東京総合" is a word, not 合同会社.
    if count == 1 && single_ideograph(tokens.get(lo)) {
        return tokens.token(lo).in_parens;
    }
    count == 1
        || form.token_counts & (1 << count) != 0
        || (lo..hi).all(|index| tokens.get(index).chars().count() <= 2)
}

/// True when `token` is one character outside ASCII and Latin letters (a Han ideograph).
fn single_ideograph(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next()), (Some(ch), None) if u32::from(ch) >= 0x3000)
}

impl Table {
    fn parse(asset: &str) -> Table {
        let mut table = Table::default();
        let mut tokens = Tokens::default();
        let mut folded = String::new();
        // Hand-added lines come before the first "~" line.
        let mut hand = true;
        for (rank, line) in asset.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(country), Some(key), Some(position), Some(spelling)) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            tokens.tokenize(spelling);
            if tokens.is_empty() || tokens.len() > MAX_TOKENS {
                continue;
            }
            concat(&tokens, 0, tokens.len(), &mut folded);
            let form = Form {
                key: table.intern(key, spelling, country == "*"),
                anywhere: position == "any",
                token_counts: 1 << tokens.len(),
                rank: rank as u32,
            };
            table.longest = table.longest.max(folded.len());
            hand &= country != "~";
            table.add(country, &folded, form, hand);
        }
        table
            .hand_sorted
            .sort_by(|a, b| a.1.cmp(&b.1).then(a.2.rank.cmp(&b.2.rank)));
        table
    }

    fn add(&mut self, country: &str, folded: &str, form: Form, hand: bool) {
        let code = match country {
            "*" => *b"**",
            "~" => *b"~~",
            _ => match two_letters(country) {
                Some(code) => code,
                None => return,
            },
        };
        if hand && country != "~" {
            self.hand_sorted.push((code, folded.into(), form));
        }
        let entry = self.spellings.entry(folded.into()).or_default();
        match country {
            "*" => merge(&mut entry.everywhere, form),
            "~" => merge(&mut entry.fallback, form),
            _ => {
                match entry
                    .countries
                    .iter_mut()
                    .find(|(existing, _)| *existing == code)
                {
                    Some((_, existing)) => merge_into(existing, form),
                    None => entry.countries.push((code, form)),
                }
                if folded.len() >= 3 {
                    merge(&mut entry.fallback, form);
                }
            }
        }
    }

    fn intern(&mut self, key: &str, spelling: &str, everywhere: bool) -> u32 {
        if let Some(&index) = self.key_index.get(key) {
            let rank = display_rank(key, spelling.trim(), everywhere);
            let display = &mut self.displays[index as usize];
            if rank > display.1 {
                *display = (spelling.trim().into(), rank);
            }
            return index;
        }
        let index = self.keys.len() as u32;
        self.keys.push(key.into());
        let rank = display_rank(key, spelling.trim(), everywhere);
        self.displays.push((spelling.trim().into(), rank));
        self.key_index.insert(key.into(), index);
        index
    }

    fn key(&'static self, form: &Form) -> &'static str {
        &self.keys[form.key as usize]
    }

    fn lookup(&self, country: Option<[u8; 2]>, folded: &str) -> Option<&Form> {
        let entry = self.spellings.get(folded)?;
        entry
            .in_country(country)
            .or(entry.everywhere.as_ref())
            .or(entry.fallback.as_ref().filter(|_| folded.len() >= 3))
    }

    /// The most common hand-added form of `country` (or of every country) whose folded spelling
    /// starts with `prefix` and is longer.
    fn completion(&self, country: Option<[u8; 2]>, prefix: &str) -> Option<&Form> {
        let start = self
            .hand_sorted
            .partition_point(|entry| entry.1.as_ref() < prefix);
        self.hand_sorted[start..]
            .iter()
            .take_while(|entry| entry.1.starts_with(prefix))
            .filter(|entry| entry.1.len() > prefix.len())
            .filter(|entry| &entry.0 == b"**" || Some(entry.0) == country)
            .map(|entry| &entry.2)
            .min_by_key(|form| form.rank)
    }
}

impl Entry {
    fn in_country(&self, country: Option<[u8; 2]>) -> Option<&Form> {
        let code = country?;
        self.countries
            .iter()
            .find(|(existing, _)| *existing == code)
            .map(|(_, form)| form)
    }
}

/// First line wins; a later spelling of the same form adds its token count.
fn merge(slot: &mut Option<Form>, form: Form) {
    match slot {
        Some(existing) => merge_into(existing, form),
        None => *slot = Some(form),
    }
}

fn merge_into(existing: &mut Form, form: Form) {
    if existing.key == form.key {
        existing.token_counts |= form.token_counts;
    }
}

#[cfg(test)]
mod tests;
