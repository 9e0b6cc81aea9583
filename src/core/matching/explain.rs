//! Why a pair was suggested: the per-field contributions and one sentence in plain words, such
//! as "same VAT number and phone; name 94% alike once 'gmbh' is set aside; different city".

use super::Contribution;
use super::compare::{CLOSE, Comparer, EXACT, MISSING};
use super::field::{Field, Pattern};
use super::model::Model;
use super::similarity::jaro_winkler;
use super::vocab::NONE;

/// An exact agreement whose term-frequency adjustment takes more than this many bits away is
/// called a common value.
const COMMON_BITS: f64 = -2.0;

/// The contributions (largest effect first) and the sentence for left row `l` and right row `r`.
pub fn explain(
    comparer: &Comparer<'_>,
    model: &Model,
    l: usize,
    r: usize,
    pattern: Pattern,
) -> (Vec<Contribution>, String) {
    let mut contributions = Vec::new();
    // Phrases are collected with their field's rank, so that a sentence always reads in the
    // same order: identifiers, names, address.
    let mut same: Vec<(u8, &str)> = Vec::new();
    let mut common: Vec<(u8, &str)> = Vec::new();
    let mut similar: Vec<(u8, String)> = Vec::new();
    let mut different: Vec<(u8, &str)> = Vec::new();
    let mut name_part = None;
    let left_value = |field: Field| comparer.left().value(l, field);
    for field in model.active().fields() {
        let level = pattern.level(field);
        if level == MISSING {
            continue;
        }
        let weight = model.field_weight(field, level, left_value(field));
        contributions.push(Contribution {
            field: field.label().to_string(),
            level: field.levels()[usize::from(level)].to_string(),
            weight,
        });
        if field == Field::Name && level != EXACT {
            name_part = Some(name_phrase(comparer, l, r, level));
            continue;
        }
        if level == EXACT {
            if weight - model.level_weight(field, level) < COMMON_BITS {
                common.push((field.rank_in_reason(), field.label()));
            } else if weight > 0.0 {
                same.push((field.rank_in_reason(), field.label()));
            }
        } else if level == field.different() {
            if weight < 0.0 {
                different.push((field.rank_in_reason(), field.label()));
            }
        } else if weight > 0.0 {
            let phrase = phrase_for_similar(comparer, field, l, r, level);
            similar.push((field.rank_in_reason(), phrase));
        }
    }
    contributions.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
    let mut parts = Vec::new();
    if !same.is_empty() {
        let labels = in_order(&mut same);
        let mut text = format!("same {}", join(&labels));
        if labels.contains(&"name") {
            text.push_str(&legal_form_note(comparer, l, r));
        }
        parts.push(text);
    }
    if !common.is_empty() {
        let noun = if common.len() == 1 {
            "a common one"
        } else {
            "common ones"
        };
        parts.push(format!("same {} ({noun})", join(&in_order(&mut common))));
    }
    parts.extend(name_part);
    if !similar.is_empty() {
        similar.sort_by_key(|(rank, _)| *rank);
        let phrases: Vec<&str> = similar.iter().map(|(_, phrase)| phrase.as_str()).collect();
        parts.push(join(&phrases));
    }
    if !different.is_empty() {
        parts.push(format!("different {}", join(&in_order(&mut different))));
    }
    if parts.is_empty() {
        parts.push("nothing to compare".to_string());
    }
    (contributions, parts.join("; "))
}

/// "name 94% alike once 'gmbh' is set aside".
fn name_phrase(comparer: &Comparer<'_>, l: usize, r: usize, level: u8) -> String {
    if level == Field::Name.different() {
        return "different name".to_string();
    }
    let percent = (comparer.name_similarity(l, r) * 100.0).round() as u32;
    format!("name {percent}% alike{}", legal_form_note(comparer, l, r))
}

/// " once 'gmbh' is set aside" when either name carried a legal form.
fn legal_form_note(comparer: &Comparer<'_>, l: usize, r: usize) -> String {
    let features = comparer.features();
    let vocab = features.vocab(Field::LegalForm);
    let forms: Vec<&str> = [
        comparer.left().value(l, Field::LegalForm),
        comparer.right().value(r, Field::LegalForm),
    ]
    .into_iter()
    .filter(|&id| id != NONE)
    .map(|id| vocab.text(id))
    .collect();
    match forms.as_slice() {
        [] => String::new(),
        [one] => format!(" once '{one}' is set aside"),
        [a, b] if a == b => format!(" once '{a}' is set aside"),
        [a, b, ..] => format!(" once '{a}' and '{b}' are set aside"),
    }
}

fn phrase_for_similar(
    comparer: &Comparer<'_>,
    field: Field,
    l: usize,
    r: usize,
    level: u8,
) -> String {
    let features = comparer.features();
    let vocab = features.vocab(field);
    let (a, b) = (
        vocab.text(comparer.left().value(l, field)),
        vocab.text(comparer.right().value(r, field)),
    );
    match field {
        Field::FirstName | Field::LastName | Field::Street | Field::City | Field::Address2 => {
            let percent = (jaro_winkler(a, b) * 100.0).round() as u32;
            format!("{} {percent}% alike", field.label())
        }
        Field::Postcode | Field::TaxId | Field::Date if level == CLOSE => {
            format!("{} one typo apart", field.label())
        }
        Field::Phone => "phone with the same last digits".to_string(),
        _ => format!("similar {}", field.label()),
    }
}

fn join(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The labels in reason order.
fn in_order<'a>(items: &mut [(u8, &'a str)]) -> Vec<&'a str> {
    items.sort_by_key(|(rank, _)| *rank);
    items.iter().map(|(_, label)| *label).collect()
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn lists_read_like_prose() {
        assert_eq!(join(&["phone"]), "phone");
        assert_eq!(join(&["VAT number", "phone"]), "VAT number and phone");
        assert_eq!(join(&["a", "b", "c"]), "a, b and c");
    }
}
