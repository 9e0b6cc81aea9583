//! The compared fields, their comparison levels and their names in plain words.

use crate::core::model::Role;

/// Number of compared fields (a comparison vector packs 4 bits per field into a `u64`).
pub const FIELD_COUNT: usize = 16;

/// A field compared between two records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Company (or full person) name without its legal form.
    Name,
    /// The legal form taken out of the name (`gmbh`, `sarl`, `inc` ...).
    LegalForm,
    /// A person's first name.
    FirstName,
    /// A person's last name.
    LastName,
    /// Street without house number.
    Street,
    /// House number.
    HouseNumber,
    /// Second address line.
    Address2,
    /// City.
    City,
    /// Postcode.
    Postcode,
    /// Region or state.
    Region,
    /// Country (ISO code).
    Country,
    /// Phone in E.164 form.
    Phone,
    /// Company web domain (from the website or a non-free-mail e-mail address).
    Domain,
    /// Official number (VAT, register, social security).
    TaxId,
    /// Birth or founding date.
    Date,
    /// A cross-reference: one side's stored number of the other side's record.
    Xref,
}

impl Field {
    /// Every field, in vector order.
    pub const ALL: [Field; FIELD_COUNT] = [
        Field::Name,
        Field::LegalForm,
        Field::FirstName,
        Field::LastName,
        Field::Street,
        Field::HouseNumber,
        Field::Address2,
        Field::City,
        Field::Postcode,
        Field::Region,
        Field::Country,
        Field::Phone,
        Field::Domain,
        Field::TaxId,
        Field::Date,
        Field::Xref,
    ];

    /// Position in a comparison vector.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The field's name in plain words, as shown in reasons and contributions.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::LegalForm => "legal form",
            Field::FirstName => "first name",
            Field::LastName => "last name",
            Field::Street => "street",
            Field::HouseNumber => "house number",
            Field::Address2 => "address line 2",
            Field::City => "city",
            Field::Postcode => "postcode",
            Field::Region => "region",
            Field::Country => "country",
            Field::Phone => "phone",
            Field::Domain => "web domain",
            Field::TaxId => "VAT number",
            Field::Date => "date",
            Field::Xref => "cross-reference",
        }
    }

    /// The names of the comparison levels; level 0 is always `missing` and the last one is
    /// always `different`.
    pub fn levels(self) -> &'static [&'static str] {
        const EXACT_ONLY: &[&str] = &["missing", "exact", "different"];
        const ONE_STEP: &[&str] = &["missing", "exact", "close", "different"];
        const TWO_STEPS: &[&str] = &["missing", "exact", "close", "fuzzy", "different"];
        const NAME: &[&str] = &["missing", "exact", "close", "fuzzy", "partial", "different"];
        match self {
            Field::Name => NAME,
            Field::FirstName | Field::LastName | Field::Street | Field::Date => TWO_STEPS,
            Field::Address2 | Field::City | Field::Postcode | Field::Phone | Field::TaxId => {
                ONE_STEP
            }
            Field::LegalForm
            | Field::HouseNumber
            | Field::Region
            | Field::Country
            | Field::Domain
            | Field::Xref => EXACT_ONLY,
        }
    }

    /// Rank in a reason sentence: identifiers first, then names, then address parts.
    pub fn rank_in_reason(self) -> u8 {
        match self {
            Field::TaxId => 0,
            Field::Xref => 1,
            Field::Phone => 2,
            Field::Domain => 3,
            Field::Name => 4,
            Field::FirstName => 5,
            Field::LastName => 6,
            Field::Date => 7,
            Field::Street => 8,
            Field::HouseNumber => 9,
            Field::Address2 => 10,
            Field::Postcode => 11,
            Field::City => 12,
            Field::Region => 13,
            Field::Country => 14,
            Field::LegalForm => 15,
        }
    }

    /// Number of levels including `missing`.
    pub fn level_count(self) -> usize {
        self.levels().len()
    }

    /// The level index of `different`.
    pub fn different(self) -> u8 {
        (self.level_count() - 1) as u8
    }

    /// True when an exact agreement is weighed by how rare the agreed value is.
    pub fn term_frequency_adjusted(self) -> bool {
        matches!(
            self,
            Field::Name | Field::FirstName | Field::LastName | Field::City | Field::Street
        )
    }

    /// The import role a field is read from (the legal form comes from the name, the domain
    /// from website or e-mail, the cross-reference from `xref` against `id`).
    pub fn role(self) -> Role {
        match self {
            Field::Name | Field::LegalForm => Role::Name,
            Field::FirstName => Role::FirstName,
            Field::LastName => Role::LastName,
            Field::Street => Role::Street,
            Field::HouseNumber => Role::HouseNumber,
            Field::Address2 => Role::Address2,
            Field::City => Role::City,
            Field::Postcode => Role::Postcode,
            Field::Region => Role::Region,
            Field::Country => Role::Country,
            Field::Phone => Role::Phone,
            Field::Domain => Role::Website,
            Field::TaxId => Role::TaxId,
            Field::Date => Role::Date,
            Field::Xref => Role::Xref,
        }
    }
}

/// A set of fields as a bit mask.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldSet(pub u16);

impl FieldSet {
    /// True when `field` is in the set.
    pub fn contains(self, field: Field) -> bool {
        self.0 & (1 << field.index()) != 0
    }

    /// Add `field`.
    pub fn insert(&mut self, field: Field) {
        self.0 |= 1 << field.index();
    }

    /// Fields in both sets.
    pub fn intersection(self, other: FieldSet) -> FieldSet {
        FieldSet(self.0 & other.0)
    }

    /// The fields of the set, in vector order.
    pub fn fields(self) -> impl Iterator<Item = Field> {
        Field::ALL
            .into_iter()
            .filter(move |field| self.contains(*field))
    }
}

/// A comparison vector: the level of every field, 4 bits each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pattern(pub u64);

impl Pattern {
    /// The level of `field`.
    pub fn level(self, field: Field) -> u8 {
        ((self.0 >> (field.index() * 4)) & 0xF) as u8
    }

    /// Set the level of `field`.
    pub fn set(&mut self, field: Field, level: u8) {
        let shift = field.index() * 4;
        self.0 = (self.0 & !(0xF << shift)) | (u64::from(level & 0xF) << shift);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_hold_one_level_per_field() {
        let mut pattern = Pattern::default();
        pattern.set(Field::TaxId, 3);
        pattern.set(Field::Xref, 2);
        pattern.set(Field::TaxId, 1);
        assert_eq!(pattern.level(Field::TaxId), 1);
        assert_eq!(pattern.level(Field::Xref), 2);
        assert_eq!(pattern.level(Field::Name), 0);
        for field in Field::ALL {
            assert!(field.level_count() <= 16);
            assert_eq!(field.levels()[0], "missing");
            assert_eq!(field.levels()[usize::from(field.different())], "different");
        }
    }

    #[test]
    fn field_sets_list_their_fields() {
        let mut set = FieldSet::default();
        set.insert(Field::Phone);
        set.insert(Field::Name);
        assert_eq!(
            set.fields().collect::<Vec<_>>(),
            [Field::Name, Field::Phone]
        );
        let mut other = FieldSet::default();
        other.insert(Field::Phone);
        assert_eq!(set.intersection(other), other);
    }
}
