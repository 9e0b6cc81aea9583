//! What was done to one record: the tags written to `truth_records.csv`, so that a matcher's
//! misses can be traced to their cause ("moved" and "typo" at once, say).

/// A set of tags describing how a record differs from its firm's true data.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Traits(u32);

impl Traits {
    /// The second or third record of the same firm in the same list.
    pub const DUPLICATE: Traits = Traits(1);
    /// The record still shows the firm's old address (the firm moved).
    pub const OLD_ADDRESS: Traits = Traits(1 << 1);
    /// A typing mistake in the name.
    pub const TYPO: Traits = Traits(1 << 2);
    /// Umlauts or accents written out or dropped.
    pub const ACCENTS: Traits = Traits(1 << 3);
    /// The legal form is left out.
    pub const NO_LEGAL_FORM: Traits = Traits(1 << 4);
    /// A word of the name is abbreviated.
    pub const ABBREVIATED: Traits = Traits(1 << 5);
    /// The name was cut at the field length.
    pub const CUT: Traits = Traits(1 << 6);
    /// The name is romanised (CJK firm) in this record.
    pub const ROMANISED: Traits = Traits(1 << 7);
    /// "&" written as a word or the other way round.
    pub const CONNECTOR: Traits = Traits(1 << 8);
    /// The cross-reference points to a number that does not exist.
    pub const XREF_UNKNOWN: Traits = Traits(1 << 9);
    /// The cross-reference points to another firm's record.
    pub const XREF_CONTRADICTED: Traits = Traits(1 << 10);
    /// The firm shares its name with another firm elsewhere.
    pub const LOOKALIKE: Traits = Traits(1 << 11);
    /// The name is made only of generic words.
    pub const GENERIC_NAME: Traits = Traits(1 << 12);
    /// Another phone number than the other list has (direct line, accounts line).
    pub const OTHER_PHONE: Traits = Traits(1 << 13);
    /// A wrong digit in the VAT id.
    pub const VAT_TYPO: Traits = Traits(1 << 14);
    /// A branch suffix or leading article added to the name.
    pub const NAME_DECORATED: Traits = Traits(1 << 15);

    const NAMES: [(&'static str, Traits); 16] = [
        ("duplicate", Traits::DUPLICATE),
        ("old_address", Traits::OLD_ADDRESS),
        ("typo", Traits::TYPO),
        ("accents", Traits::ACCENTS),
        ("no_legal_form", Traits::NO_LEGAL_FORM),
        ("abbreviated", Traits::ABBREVIATED),
        ("cut", Traits::CUT),
        ("romanised", Traits::ROMANISED),
        ("connector", Traits::CONNECTOR),
        ("xref_unknown", Traits::XREF_UNKNOWN),
        ("xref_contradicted", Traits::XREF_CONTRADICTED),
        ("lookalike", Traits::LOOKALIKE),
        ("generic_name", Traits::GENERIC_NAME),
        ("other_phone", Traits::OTHER_PHONE),
        ("vat_typo", Traits::VAT_TYPO),
        ("name_decorated", Traits::NAME_DECORATED),
    ];

    /// Add tags.
    pub fn insert(&mut self, other: Traits) {
        self.0 |= other.0;
    }

    /// Add tags when `condition` holds.
    pub fn insert_if(&mut self, condition: bool, other: Traits) {
        if condition {
            self.insert(other);
        }
    }

    /// Whether every tag of `other` is set.
    pub fn contains(self, other: Traits) -> bool {
        self.0 & other.0 == other.0
    }

    /// The tags as `a;b;c`.
    pub fn to_tag_list(self) -> String {
        let mut names: Vec<&str> = Vec::new();
        for (name, flag) in Traits::NAMES {
            if self.contains(flag) {
                names.push(name);
            }
        }
        names.join(";")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_render_in_a_fixed_order() {
        let mut traits = Traits::default();
        traits.insert(Traits::TYPO);
        traits.insert(Traits::DUPLICATE);
        traits.insert_if(false, Traits::CUT);
        assert_eq!(traits.to_tag_list(), "duplicate;typo");
        assert!(traits.contains(Traits::TYPO));
        assert!(!traits.contains(Traits::CUT));
        assert_eq!(Traits::default().to_tag_list(), "");
    }
}
