//! Why a pair was suggested: the per-field contributions and one sentence in plain words, such
//! as "same VAT number and phone; name 94% alike once 'GmbH' is set aside; different city".

use super::Contribution;
use super::address::street_similarity;
use super::compare::{CLOSE, Comparer, EXACT, FUZZY, PARTIAL};
use super::evidence::{field_weights, weigh};
use super::field::{Field, Key, Pattern};
use super::model::Model;
use super::similarity::jaro_winkler;
use super::vocab::NONE;
use crate::core::normalize::legal_forms::legal_form_display;

/// An exact agreement whose term-frequency adjustment takes more than this many bits away is
/// called a common value.
const COMMON_BITS: f64 = -2.0;

/// What one field says about a pair, in words.
enum Phrase {
    /// "same {label}".
    Same(&'static str),
    /// "same {label} (a common one)".
    Common(&'static str),
    /// A phrase of its own ("name 94% alike", "postcode one typo apart").
    Similar(String),
    /// "different {label}".
    Different(&'static str),
}

/// The contributions (largest effect first) and the sentence for left row `l` and right row `r`.
pub fn explain(
    comparer: &Comparer<'_>,
    model: &Model,
    l: usize,
    r: usize,
    pattern: Pattern,
) -> (Vec<Contribution>, String) {
    let mut contributions = Vec::new();
    // Phrases are kept with their field's rank, so that every sentence reads in the same
    // order: identifiers, names, address.
    let mut same: Vec<(u8, &str)> = Vec::new();
    let mut common: Vec<(u8, &str)> = Vec::new();
    let mut similar: Vec<(u8, String)> = Vec::new();
    let mut different: Vec<(u8, &str)> = Vec::new();
    for (field, level, weight) in field_weights(model, comparer, l, pattern) {
        contributions.push(Contribution {
            field: field.label().to_string(),
            level: field.levels()[usize::from(level)].to_string(),
            weight,
        });
        let rank = field.rank_in_reason();
        let adjustment = weight - model.level_weight(field, level);
        match phrase(comparer, field, level, l, r, adjustment) {
            Phrase::Same(label) if weight > 0.0 => same.push((rank, label)),
            Phrase::Common(label) => common.push((rank, label)),
            Phrase::Similar(text) if weight > 0.0 => similar.push((rank, text)),
            Phrase::Different(label) if weight < 0.0 => different.push((rank, label)),
            _ => {}
        }
    }
    let evidence = weigh(model, comparer, l, pattern);
    if evidence.move_once > 0.0 {
        contributions.push(Contribution {
            field: "moved".to_string(),
            level: "address and phone differ together: counted once".to_string(),
            weight: evidence.move_once,
        });
    }
    if evidence.identifier > 0.0 {
        contributions.push(Contribution {
            field: "identifier".to_string(),
            level: "an identifier agrees: enough for review on its own".to_string(),
            weight: evidence.identifier,
        });
    }
    contributions.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
    (
        contributions,
        sentence(comparer, l, r, same, common, similar, different),
    )
}

fn sentence(
    comparer: &Comparer<'_>,
    l: usize,
    r: usize,
    mut same: Vec<(u8, &str)>,
    mut common: Vec<(u8, &str)>,
    mut similar: Vec<(u8, String)>,
    mut different: Vec<(u8, &str)>,
) -> String {
    let mut parts = Vec::new();
    if !same.is_empty() {
        let mut labels = in_order(&mut same);
        let both_forms = labels.contains(&"name") && labels.contains(&"legal form");
        if both_forms {
            // "same name, both 'GmbH'" reads better than "same name and legal form".
            labels.retain(|&label| label != "legal form");
        }
        let note = if both_forms {
            both_forms_note(comparer, l)
        } else if labels.contains(&"name") {
            legal_form_note(comparer, l, r)
        } else {
            String::new()
        };
        if note.is_empty() || labels.last() == Some(&"name") {
            parts.push(format!("same {}{note}", join(&labels)));
        } else {
            // The note belongs to the name alone: "same VAT number and postcode; same name
            // once 'GmbH' is set aside", not "same name and postcode once 'GmbH' ...".
            labels.retain(|&label| label != "name");
            parts.push(format!("same {}", join(&labels)));
            parts.push(format!("same name{note}"));
        }
    }
    if !common.is_empty() {
        let noun = if common.len() == 1 {
            "a common one"
        } else {
            "common ones"
        };
        parts.push(format!("same {} ({noun})", join(&in_order(&mut common))));
    }
    if !similar.is_empty() {
        similar.sort_by_key(|(rank, _)| *rank);
        let phrases: Vec<&str> = similar.iter().map(|(_, text)| text.as_str()).collect();
        parts.push(join(&phrases));
    }
    if !different.is_empty() {
        parts.push(format!("different {}", join(&in_order(&mut different))));
    }
    if parts.is_empty() {
        parts.push("nothing to compare".to_string());
    }
    parts.join("; ")
}

fn phrase(
    comparer: &Comparer<'_>,
    field: Field,
    level: u8,
    l: usize,
    r: usize,
    adjustment: f64,
) -> Phrase {
    if level == field.different() {
        return match field {
            Field::Location if different_countries(comparer, l, r) => Phrase::Different("country"),
            Field::Location => Phrase::Different("city"),
            other => Phrase::Different(other.label()),
        };
    }
    match field {
        Field::Street => street_phrase(comparer, level, l, r),
        Field::Location => location_phrase(comparer, level, l, r),
        Field::Name if level != EXACT => {
            let percent = (comparer.name_similarity(l, r) * 100.0).round() as u32;
            Phrase::Similar(format!(
                "name {percent}% alike{}",
                legal_form_note(comparer, l, r)
            ))
        }
        _ if level == EXACT && adjustment < COMMON_BITS => Phrase::Common(field.label()),
        _ if level == EXACT => Phrase::Same(field.label()),
        Field::FirstName | Field::LastName | Field::Address2 => {
            let (a, b) = comparer.texts(field.keys()[0], comparer.ids(field.keys()[0], l, r));
            let percent = (jaro_winkler(a, b) * 100.0).round() as u32;
            Phrase::Similar(format!("{} {percent}% alike", field.label()))
        }
        Field::TaxId | Field::Date if level == CLOSE => {
            Phrase::Similar(format!("{} one typo apart", field.label()))
        }
        Field::Phone => Phrase::Similar("phone with the same last digits".to_string()),
        other => Phrase::Similar(format!("similar {}", other.label())),
    }
}

fn street_phrase(comparer: &Comparer<'_>, level: u8, l: usize, r: usize) -> Phrase {
    let streets = comparer.ids(Key::Street, l, r);
    let has_streets = streets.0 != NONE && streets.1 != NONE;
    let percent = if has_streets {
        (street_similarity(comparer, streets) * 100.0).round() as u32
    } else {
        0
    };
    match level {
        EXACT => Phrase::Same("street address"),
        CLOSE => Phrase::Similar(format!("street {percent}% alike")),
        FUZZY if !has_streets => Phrase::Same("house number"),
        FUZZY if percent >= 90 => Phrase::Similar("same street, other house number".to_string()),
        _ => Phrase::Similar(format!("same house number, street {percent}% alike")),
    }
}

fn location_phrase(comparer: &Comparer<'_>, level: u8, l: usize, r: usize) -> Phrase {
    let postcodes = comparer.ids(Key::Postcode, l, r);
    let has_postcodes = postcodes.0 != NONE && postcodes.1 != NONE;
    match level {
        EXACT => Phrase::Same("postcode"),
        CLOSE if has_postcodes => Phrase::Similar("postcode one typo apart".to_string()),
        CLOSE | FUZZY => Phrase::Same("city"),
        PARTIAL => {
            let regions = comparer.ids(Key::Region, l, r);
            if regions.0 != NONE && regions.0 == regions.1 {
                Phrase::Same("region")
            } else {
                Phrase::Same("country")
            }
        }
        _ => Phrase::Different("city"),
    }
}

fn different_countries(comparer: &Comparer<'_>, l: usize, r: usize) -> bool {
    let countries = comparer.ids(Key::Country, l, r);
    countries.0 != NONE && countries.1 != NONE && countries.0 != countries.1
}

/// ", both 'GmbH'": the legal form both names carry.
fn both_forms_note(comparer: &Comparer<'_>, l: usize) -> String {
    let id = comparer.left().value(l, Key::LegalForm);
    if id == NONE {
        return String::new();
    }
    let form = comparer.features().vocab(Key::LegalForm).text(id);
    format!(", both '{}'", legal_form_display(form))
}

/// " once 'GmbH' is set aside" when either name carried a legal form.
fn legal_form_note(comparer: &Comparer<'_>, l: usize, r: usize) -> String {
    let vocab = comparer.features().vocab(Key::LegalForm);
    let forms: Vec<&str> = [
        comparer.left().value(l, Key::LegalForm),
        comparer.right().value(r, Key::LegalForm),
    ]
    .into_iter()
    .filter(|&id| id != NONE)
    .map(|id| legal_form_display(vocab.text(id)))
    .collect();
    match forms.as_slice() {
        [] => String::new(),
        [one] => format!(" once '{one}' is set aside"),
        [a, b] if a == b => format!(" once '{a}' is set aside"),
        [a, b, ..] => format!(" once '{a}' and '{b}' are set aside"),
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
