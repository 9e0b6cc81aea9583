//! Company names: the true name of a firm, and the ways a CRM or ERP record spells it.

use super::rng::Rng;
use super::text::{self, Accents};
use super::traits::Traits;
use super::vocab::legal::{abbreviations_of, connectors};
use super::vocab::names::{self, BRAND_ENDS, BRAND_STARTS, BUSINESS_WORDS};
use super::vocab::{Country, Lang, LegalForm};

/// A firm's true name.
#[derive(Debug, Clone)]
pub struct FirmName {
    /// The words without the legal form; "&" and abbreviable words stand alone.
    pub words: Vec<String>,
    /// The romanised words of a name written in CJK script.
    pub romanised: Option<Vec<String>>,
    /// The legal form, if the firm has one.
    pub legal_form: Option<&'static LegalForm>,
    /// Whether the legal form is written before the name.
    pub form_first: bool,
    /// The language of the name.
    pub lang: Lang,
    /// The name consists of generic words only.
    pub generic: bool,
}

/// How one record spells a name: probabilities of each kind of damage.
#[derive(Debug, Clone, Copy)]
pub struct NameStyle {
    /// Share of records using the usual short spelling of the legal form.
    pub usual_form_share: f64,
    /// Probability that the legal form is left out.
    pub form_missing: f64,
    /// Probability that an abbreviable word is abbreviated.
    pub abbreviate: f64,
    /// Probability that "&" and its spelled-out words are swapped.
    pub connector_swap: f64,
    /// Probability of one typing mistake.
    pub typo: f64,
    /// Accent policy of this record.
    pub accents: Accents,
    /// Write the name in upper case.
    pub upper_case: bool,
    /// Write a CJK name romanised.
    pub romanised: bool,
}

/// Which pattern a generated name follows.
#[derive(Debug, Clone, Copy)]
enum Pattern {
    SurnameTrade,
    SurnameOnly,
    TwoSurnames,
    Family,
    BrandTrade,
    BrandBusiness,
    BrandOnly,
    RegionTrade,
    SurnameBusiness,
}

const PATTERNS: &[(Pattern, u32)] = &[
    (Pattern::SurnameTrade, 24),
    (Pattern::SurnameOnly, 8),
    (Pattern::TwoSurnames, 8),
    (Pattern::Family, 6),
    (Pattern::BrandTrade, 22),
    (Pattern::BrandBusiness, 10),
    (Pattern::BrandOnly, 8),
    (Pattern::RegionTrade, 7),
    (Pattern::SurnameBusiness, 7),
];

fn push_words(words: &mut Vec<String>, phrase: &str) {
    words.extend(phrase.split(' ').map(str::to_string));
}

fn brand(rng: &mut Rng) -> String {
    let start = rng.pick(BRAND_STARTS);
    let end = rng.pick(BRAND_ENDS);
    if rng.chance(0.15) {
        let mut camel = String::with_capacity(start.len() + end.len());
        camel.push_str(start);
        let mut end_chars = end.chars();
        camel.extend(end_chars.next().map(|c| c.to_ascii_uppercase()));
        camel.push_str(end_chars.as_str());
        camel
    } else {
        format!("{start}{end}")
    }
}

/// Whether trade words come before the family name in this language ("Transports Dupont").
fn trade_first(lang: Lang) -> bool {
    matches!(lang, Lang::Fr | Lang::Es | Lang::It | Lang::Pl)
}

fn latin_words(lang: Lang, pattern: Pattern, rng: &mut Rng) -> Vec<String> {
    let mut words = Vec::with_capacity(4);
    let surname = *rng.pick(names::surnames(lang));
    let trade = *rng.pick(names::industries(lang));
    let (first, second) = match pattern {
        Pattern::SurnameTrade => (surname.to_string(), Some(trade.to_string())),
        Pattern::SurnameOnly => (surname.to_string(), None),
        Pattern::TwoSurnames => {
            let other = *rng.pick(names::surnames(lang));
            (format!("{surname} & {other}"), None)
        }
        Pattern::Family => {
            let family = rng.pick(names::family_patterns(lang));
            (family.replace("{}", surname), None)
        }
        Pattern::BrandTrade => (brand(rng), Some(trade.to_string())),
        Pattern::BrandBusiness => (brand(rng), Some(rng.pick(BUSINESS_WORDS).to_string())),
        Pattern::BrandOnly => (brand(rng), None),
        Pattern::RegionTrade => (
            rng.pick(names::regions(lang)).to_string(),
            Some(trade.to_string()),
        ),
        Pattern::SurnameBusiness => (
            surname.to_string(),
            Some(rng.pick(BUSINESS_WORDS).to_string()),
        ),
    };
    let swap = trade_first(lang)
        && matches!(
            pattern,
            Pattern::SurnameTrade | Pattern::BrandTrade | Pattern::RegionTrade
        );
    match (second, swap) {
        (Some(second), true) => {
            push_words(&mut words, &second);
            push_words(&mut words, &first);
        }
        (Some(second), false) => {
            push_words(&mut words, &first);
            push_words(&mut words, &second);
        }
        (None, _) => push_words(&mut words, &first),
    }
    words
}

fn cjk_words(lang: Lang, rng: &mut Rng) -> (Vec<String>, Vec<String>) {
    let (places, trades) = if lang == Lang::Ja {
        (names::CJK_JA_PLACES, names::CJK_JA_TRADES)
    } else {
        (names::CJK_ZH_PLACES, names::CJK_ZH_TRADES)
    };
    let mut parts = vec![*rng.pick(places), *rng.pick(trades)];
    if rng.chance(0.4) {
        let second = *rng.pick(trades);
        if second != parts[1] {
            parts.push(second);
        }
    }
    let script = parts.iter().map(|(cjk, _)| cjk.to_string()).collect();
    let roman = parts.iter().map(|(_, latin)| latin.to_string()).collect();
    (script, roman)
}

fn pick_legal_form(
    country: &'static Country,
    lang: Lang,
    rng: &mut Rng,
) -> Option<&'static LegalForm> {
    let cjk = matches!(lang, Lang::Ja | Lang::Zh);
    if !cjk && rng.chance(0.03) {
        return None;
    }
    let forms: Vec<(&'static LegalForm, u32)> = country
        .legal_forms
        .iter()
        .filter(|form| form.lang.is_none_or(|only| only == lang))
        .map(|form| (form, form.weight))
        .collect();
    if forms.is_empty() {
        return None;
    }
    Some(*rng.weighted(&forms))
}

impl FirmName {
    /// Make up a firm name typical for its country and language.
    pub fn generate(
        country: &'static Country,
        lang: Lang,
        generic: bool,
        rng: &mut Rng,
    ) -> FirmName {
        let cjk = matches!(lang, Lang::Ja | Lang::Zh);
        let (words, romanised) = if cjk {
            let (script, roman) = cjk_words(lang, rng);
            (script, Some(roman))
        } else if generic {
            let mut words = Vec::new();
            push_words(&mut words, rng.pick::<&str>(names::generic_names(lang)));
            (words, None)
        } else {
            (latin_words(lang, *rng.weighted(PATTERNS), rng), None)
        };
        let legal_form = pick_legal_form(country, lang, rng);
        let form_first = legal_form.is_some_and(|form| rng.chance(form.prefix_share));
        FirmName {
            words,
            romanised,
            legal_form,
            form_first,
            lang,
            generic: generic && !cjk,
        }
    }

    /// Whether the name is written in CJK script.
    pub fn is_cjk(&self) -> bool {
        self.romanised.is_some()
    }

    /// The name as the firm itself writes it (usual legal form spelling).
    pub fn canonical(&self) -> String {
        let form = self
            .legal_form
            .and_then(|form| form.spellings.first().copied());
        let joiner = if self.is_cjk() { "" } else { " " };
        let body = self.words.join(joiner);
        match form {
            None => body,
            Some(form) if self.form_first => format!("{form}{joiner}{body}"),
            Some(form) => format!("{body}{joiner}{form}"),
        }
    }

    /// The distinctive words for a web domain or a free-mail address: family or brand name first,
    /// trade words and particles ("van", "de") left out where something better is there.
    pub fn domain_words(&self) -> Vec<&str> {
        const PARTICLES: &[&str] = &[
            "van", "der", "den", "de", "von", "di", "da", "la", "le", "del", "the", "d'",
        ];
        let words: Vec<&str> = match &self.romanised {
            Some(roman) => return roman.iter().map(String::as_str).take(2).collect(),
            None => self.words.iter().map(String::as_str).collect(),
        };
        let joiners = connectors(self.lang);
        let usable: Vec<&str> = words
            .into_iter()
            .filter(|word| {
                !joiners.contains(word) && !PARTICLES.contains(&word.to_lowercase().as_str())
            })
            .collect();
        let ordinary = |word: &&str| {
            names::industries(self.lang)
                .iter()
                .any(|trade| trade.split(' ').any(|part| part == *word))
                || BUSINESS_WORDS.contains(word)
                || names::regions(self.lang).contains(word)
                || names::family_patterns(self.lang)
                    .iter()
                    .any(|family| family.split(' ').any(|part| part == *word))
        };
        let Some(start) = usable.iter().position(|word| !ordinary(word)) else {
            return usable.into_iter().take(2).collect();
        };
        // The distinctive word first, then its neighbour.
        let mut chosen = vec![usable[start]];
        if let Some(next) = usable.get(start + 1) {
            chosen.push(next);
        } else if start > 0 {
            chosen.push(usable[start - 1]);
        }
        chosen
    }

    /// Spell the name the way one record would, with the damage `style` asks for.
    pub fn render(&self, style: &NameStyle, rng: &mut Rng, traits: &mut Traits) -> String {
        if self.is_cjk() {
            return self.render_cjk(style, rng, traits);
        }
        let mut words: Vec<String> = Vec::with_capacity(self.words.len() + 3);
        for word in &self.words {
            words.push(self.respell_word(word, style, rng, traits));
        }
        if rng.chance(style.typo) {
            let long_words: Vec<usize> = (0..words.len())
                .filter(|&at| words[at].chars().count() >= 4)
                .collect();
            if !long_words.is_empty() {
                let at = long_words[rng.index(long_words.len())];
                let damaged = text::typo(&words[at], rng);
                traits.insert_if(damaged != words[at], Traits::TYPO);
                words[at] = damaged;
            }
        }
        let mut name = words.join(" ");
        if let Some(form) = self.legal_form {
            if rng.chance(style.form_missing) {
                traits.insert(Traits::NO_LEGAL_FORM);
            } else {
                let spelling = rng.pick_mostly_first(form.spellings, style.usual_form_share);
                name = if self.form_first {
                    format!("{spelling} {name}")
                } else if self.lang == Lang::En && rng.chance(0.2) {
                    format!("{name}, {spelling}")
                } else {
                    format!("{name} {spelling}")
                };
            }
        }
        let accented = text::accents(&name, style.accents);
        traits.insert_if(accented != name, Traits::ACCENTS);
        if style.upper_case {
            accented.to_uppercase()
        } else {
            accented
        }
    }

    fn respell_word(
        &self,
        word: &str,
        style: &NameStyle,
        rng: &mut Rng,
        traits: &mut Traits,
    ) -> String {
        let joiners = connectors(self.lang);
        if joiners.contains(&word) {
            if rng.chance(style.connector_swap) {
                let other = rng.pick(joiners);
                traits.insert_if(*other != word, Traits::CONNECTOR);
                return other.to_string();
            }
            return word.to_string();
        }
        if let Some(short) = abbreviations_of(word)
            && rng.chance(style.abbreviate)
        {
            traits.insert(Traits::ABBREVIATED);
            return rng.pick(short).to_string();
        }
        word.to_string()
    }

    fn render_cjk(&self, style: &NameStyle, rng: &mut Rng, traits: &mut Traits) -> String {
        let form = self.legal_form;
        match (&self.romanised, style.romanised) {
            (Some(roman), true) => {
                traits.insert(Traits::ROMANISED);
                let mut name = roman.join(" ");
                if let Some(form) = form
                    && !form.romanised.is_empty()
                {
                    let spelling = rng.pick_mostly_first(form.romanised, 0.5);
                    name = format!("{name} {spelling}");
                }
                if style.upper_case {
                    name.to_uppercase()
                } else {
                    name
                }
            }
            _ => {
                let body = self.words.concat();
                match form.and_then(|form| form.spellings.first()) {
                    Some(spelling) if self.form_first => format!("{spelling}{body}"),
                    Some(spelling) => format!("{body}{spelling}"),
                    None => body,
                }
            }
        }
    }
}
