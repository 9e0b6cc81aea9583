//! Company names: a comparison key without legal form, branch suffix or leading "The", with
//! abbreviations written out one way.
//!
//! Steps, on the tokens of [`text`](super::text) (folded, umlaut digraphs folded, `&`/`+` as
//! `and`):
//! 1. Branch: a branch word ("Niederlassung", "Zweigniederlassung", "Filiale", "Branch",
//!    "Succursale" ...) cuts the name there; so does a trailing bracket ("(Berlin)") that is not
//!    part of a legal form, and a trailing "- Berlin", ", Berlin" or country name ("Siemens AG
//!    Österreich") after a legal form. The cut part goes to [`CompanyName::branch`].
//! 2. Legal form at the end, the longest spelling of the record's country first, then the forms
//!    used everywhere (the [`super::legal_forms`] module). Short forms (SA, AG, AS, Co) count
//!    only there. A name of 30 characters or more whose last tokens begin a common form
//!    ("GMBH & CO. K", cut by an ERP field limit) loses them too and is marked `truncated`. A form
//!    that may open a name ("SARL Dupont", "AB Volvo", "PT Astra ... Tbk") goes from the start;
//!    the key returned is the one at the end when there are both.
//! 3. A leading or trailing ", The", and a dangling "and" ("Müller &"), are dropped.
//! 4. Abbreviations are written out ([`expand_abbreviation`]): Intl -> international, Mfg ->
//!    manufacturing, Bros -> brothers, Hldgs -> holding ...; `und`, `et` and a middle `u`/`y` ->
//!    `and`.
//!
//! Generic words (Bank, Software, Services, Holding) stay in the tokens; matching weighs them by
//! how often they occur. [`is_generic_word`] lists the common ones for callers that want to know.

use std::cell::RefCell;

use super::address::{country_key, is_country_token};
use super::legal_forms::{self, FormMatch};
use super::text::{Sep, Tokens};

pub use super::company_words::{expand_abbreviation, is_generic_word};

/// A company name reduced for comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompanyName {
    /// Folded name without legal form, leading "the" and branch suffix; abbreviations written
    /// out; tokens joined by single spaces.
    pub core: String,
    /// `core` split on spaces.
    pub tokens: Vec<String>,
    /// Canonical key of the legal form found ("gmbh", "sarl", "inc", "gmbhcokg").
    pub legal_form: Option<String>,
    /// Branch or site suffix that was cut off ("berlin", "hamburg").
    pub branch: Option<String>,
    /// The name looks cut off by a field limit, so its last core token may be cut too: a legal
    /// form was completed from its start ("GMBH & CO. K"), or the name fills exactly the 35
    /// characters of SAP's NAME1 field and ends in no legal form.
    pub truncated: bool,
}

/// A raw name at least this long may have been cut by an ERP field limit (SAP NAME1 holds 35).
const CUT_OFF_LENGTH: usize = 30;

/// The length of SAP's NAME1 field, the most common cut.
const SAP_NAME_LENGTH: usize = 35;

/// Reduce a company name for comparison; `country` is an ISO 3166 alpha-2 code.
///
/// ```
/// use ledgerlink::core::normalize::company::company_name;
/// let name = company_name("Müller Maschinenbau GmbH & Co. KG", Some("DE"));
/// assert_eq!(name.core, "muller maschinenbau");
/// assert_eq!(name.legal_form.as_deref(), Some("gmbhcokg"));
/// assert_eq!(company_name("MUELLER MASCHINENBAU GMBH & CO. K", None).core, name.core);
/// let name = company_name("The Acme Intl. Corp. - London", Some("GB"));
/// assert_eq!((name.core.as_str(), name.legal_form.as_deref()), ("acme international", Some("corp")));
/// assert_eq!(name.branch.as_deref(), Some("london"));
/// ```
pub fn company_name(raw: &str, country: Option<&str>) -> CompanyName {
    company_name_in(raw, country, None)
}

/// [`company_name`] of a record in `city` (folded like a name, as
/// [`name_key`](super::text::name_key) gives it): a trailing comma or dash segment naming that
/// city is the site, not the name ("Flexpoint, VENEZIA", "Omega Consulting - Göteborg").
///
/// ```
/// use ledgerlink::core::normalize::company::company_name_in;
/// let name = company_name_in("Omega Consulting - Göteborg", None, Some("goteborg"));
/// assert_eq!((name.core.as_str(), name.branch.as_deref()), ("omega consulting", Some("goteborg")));
/// assert_eq!(company_name_in("Sparkasse Köln", None, Some("koln")).core, "sparkasse koln");
/// ```
pub fn company_name_in(raw: &str, country: Option<&str>, city: Option<&str>) -> CompanyName {
    thread_local! {
        static TOKENS: RefCell<Tokens> = RefCell::new(Tokens::default());
    }
    TOKENS.with_borrow_mut(|tokens| {
        tokens.tokenize(raw);
        let length = raw.trim().chars().count();
        let place = Place {
            country: country_key(country),
            city: city.filter(|city| !city.is_empty()),
        };
        let mut name = reduce(tokens, place, length >= CUT_OFF_LENGTH);
        name.truncated |= length == SAP_NAME_LENGTH && name.legal_form.is_none();
        if length == SAP_NAME_LENGTH {
            drop_cut_stub(&mut name);
        }
        name
    })
}

/// A name cut at the field length whose last word is a stub of one to three letters
/// ("... WERKEN SY" for "Systems") loses the stub: it matches no word, and the rest of the name
/// is still the firm's.
fn drop_cut_stub(name: &mut CompanyName) {
    let stub = name
        .tokens
        .last()
        .is_some_and(|last| last.chars().count() < 4 && last.chars().all(char::is_alphabetic));
    if name.truncated && name.tokens.len() > 2 && stub {
        name.tokens.pop();
        name.core = name.tokens.join(" ");
    }
}

/// Where the record is: its country, and its city as a folded key.
struct Place<'a> {
    country: Option<[u8; 2]>,
    city: Option<&'a str>,
}

fn reduce(tokens: &Tokens, place: Place<'_>, may_be_cut: bool) -> CompanyName {
    let country = place.country;
    let mut name = CompanyName::default();
    let (mut lo, mut hi) = (0, tokens.len());
    if hi - lo > 1 && tokens.get(hi - 1) == "the" && tokens.token(hi - 1).sep == Sep::Comma {
        hi -= 1;
    }
    let mut forms = EndForms {
        tokens,
        country,
        last: None,
    };
    if let Some((cut, branch)) =
        branch_by_word(tokens, lo, hi).or_else(|| branch_segment(&mut forms, lo, hi, place.city))
    {
        hi = cut;
        name.branch = branch;
    }
    // A form glued to the last word ("PRINTKG") leaves this many bytes of that word.
    let mut glued_rest = None;
    for pass in 0..2 {
        while hi - lo > 1 && tokens.get(hi - 1) == "and" {
            hi -= 1;
        }
        let mut found = forms.at(lo, hi);
        if found.is_none() && pass == 0 && may_be_cut {
            found = legal_forms::cut_off_at_end(tokens, lo, hi, country);
            name.truncated = found.is_some();
        }
        if found.is_none() && pass == 0 {
            found = legal_forms::typo_at_end(tokens, lo, hi, country);
        }
        if found.is_none()
            && pass == 0
            && hi - lo > 1
            && let Some((key, rest)) = legal_forms::glued(tokens.get(hi - 1))
        {
            glued_rest = Some(rest);
            name.legal_form.get_or_insert_with(|| key.to_owned());
        }
        let Some(FormMatch { key, tokens: count }) = found else {
            break;
        };
        hi -= count;
        name.legal_form.get_or_insert_with(|| key.to_owned());
    }
    if hi - lo > 1 && tokens.get(lo) == "the" {
        lo += 1;
    }
    if let Some(found) = legal_forms::at_start(tokens, lo, hi, country) {
        lo += found.tokens;
        name.legal_form.get_or_insert_with(|| found.key.to_owned());
    }
    let mut index = lo;
    while index < hi {
        let mut token = tokens.get(index);
        if index + 1 == hi
            && let Some(rest) = glued_rest
        {
            token = &token[..rest];
        }
        let inner = index > lo && index + 1 < hi;
        let co_op = token == "co" && index + 1 < hi && tokens.get(index + 1) == "op";
        let word = if co_op {
            "coop"
        } else {
            expand_abbreviation(token, inner)
        };
        index += if co_op { 2 } else { 1 };
        if !name.core.is_empty() {
            name.core.push(' ');
        }
        name.core.push_str(word);
        name.tokens.push(word.to_owned());
    }
    name
}

/// Legal form lookups at the end of a token range; the last answer is kept, since the branch
/// check and the legal form step ask for the same range.
struct EndForms<'a> {
    tokens: &'a Tokens,
    country: Option<[u8; 2]>,
    last: Option<(usize, usize, Option<FormMatch>)>,
}

impl EndForms<'_> {
    fn at(&mut self, lo: usize, hi: usize) -> Option<FormMatch> {
        if let Some((last_lo, last_hi, found)) = self.last
            && (last_lo, last_hi) == (lo, hi)
        {
            return found;
        }
        let found = legal_forms::at_end(self.tokens, lo, hi, self.country);
        self.last = Some((lo, hi, found));
        found
    }
}

/// Words that mark the rest of a name as a branch or site.
fn is_branch_word(token: &str) -> bool {
    matches!(
        token,
        "niederlassung"
            | "zweigniederlassung"
            | "zweigstelle"
            | "zweigbetrieb"
            | "zndl"
            | "ndl"
            | "filiale"
            | "filial"
            | "branch"
            | "succursale"
            | "sucursal"
            | "vestiging"
            | "geschaftsstelle"
            | "betriebsstatte"
    )
}

/// A branch word after the first token: the name ends before it; what follows is the branch.
/// A branch word at the end ("Acme Ltd, London Branch") takes its comma or dash segment along.
fn branch_by_word(tokens: &Tokens, lo: usize, hi: usize) -> Option<(usize, Option<String>)> {
    let at = (lo + 1..hi).find(|&index| is_branch_word(tokens.get(index)))?;
    if at + 1 < hi {
        return Some((at, Some(tokens.join(at + 1, hi))));
    }
    let segment = (lo + 1..=at)
        .rev()
        .find(|&index| tokens.token(index).sep >= Sep::Comma)
        .filter(|&start| start < at);
    match segment {
        Some(start) => Some((start, Some(tokens.join(start, at)))),
        None => Some((at, None)),
    }
}

/// A trailing bracket that is not part of a legal form ("Acme GmbH (Niederlassung Hamburg)",
/// "Acme (Berlin)"), a country after a legal form ("Siemens AG Österreich"), or a trailing dash
/// or comma segment after a legal form ("Müller GmbH - Berlin", "Acme Ltd, London").
fn branch_segment(
    forms: &mut EndForms,
    lo: usize,
    hi: usize,
    city: Option<&str>,
) -> Option<(usize, Option<String>)> {
    if hi < lo + 2 {
        return None;
    }
    let tokens = forms.tokens;
    let form_at_end = forms.at(lo, hi);
    if tokens.token(hi - 1).in_parens {
        let start = (lo + 1..hi)
            .rev()
            .find(|&index| tokens.token(index).sep == Sep::Paren)?;
        let covered_by_form = form_at_end.is_some_and(|form| hi - form.tokens <= start);
        return (!covered_by_form && (start..hi).all(|index| tokens.token(index).in_parens))
            .then(|| (start, Some(tokens.join(start, hi))));
    }
    if form_at_end.is_some() {
        return None;
    }
    if hi >= lo + 3 && is_country_token(tokens.get(hi - 1)) && forms.at(lo, hi - 1).is_some() {
        return Some((hi - 1, Some(tokens.get(hi - 1).to_owned())));
    }
    let start = (lo + 1..hi)
        .rev()
        .find(|&index| matches!(tokens.token(index).sep, Sep::Dash | Sep::Comma))?;
    let segment = tokens.join(start, hi);
    let before = legal_forms::at_end(tokens, lo, start, forms.country);
    (before.is_some() || city == Some(segment.as_str())).then_some((start, Some(segment)))
}

#[cfg(test)]
mod tests;
