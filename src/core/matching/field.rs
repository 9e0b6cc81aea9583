//! What is stored per record ([`Key`]) and what is compared between two records ([`Field`]).
//!
//! Keys are the normalised values (postcode, city, street, house number ...). Fields group keys
//! that are not independent: an unrelated firm in the same building agrees on street, house
//! number, postcode, city, region and country at once, and weighing those six agreements as
//! independent evidence would outweigh a different name. So street and house number form one
//! comparison (`street`), and postcode, city, region and country another (`location`), each
//! with levels from "same" to "different".

use crate::core::model::Role;

/// Number of stored keys.
pub const KEY_COUNT: usize = 16;

/// A normalised value stored per record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
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
    /// A cross-reference: the other system's number of this record.
    Xref,
}

impl Key {
    /// Every key, in storage order.
    pub const ALL: [Key; KEY_COUNT] = [
        Key::Name,
        Key::LegalForm,
        Key::FirstName,
        Key::LastName,
        Key::Street,
        Key::HouseNumber,
        Key::Address2,
        Key::City,
        Key::Postcode,
        Key::Region,
        Key::Country,
        Key::Phone,
        Key::Domain,
        Key::TaxId,
        Key::Date,
        Key::Xref,
    ];

    /// Position in a record's key array.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The import role a key is read from (the legal form comes from the name, the domain
    /// from website or e-mail).
    pub fn role(self) -> Role {
        match self {
            Key::Name | Key::LegalForm => Role::Name,
            Key::FirstName => Role::FirstName,
            Key::LastName => Role::LastName,
            Key::Street => Role::Street,
            Key::HouseNumber => Role::HouseNumber,
            Key::Address2 => Role::Address2,
            Key::City => Role::City,
            Key::Postcode => Role::Postcode,
            Key::Region => Role::Region,
            Key::Country => Role::Country,
            Key::Phone => Role::Phone,
            Key::Domain => Role::Website,
            Key::TaxId => Role::TaxId,
            Key::Date => Role::Date,
            Key::Xref => Role::Xref,
        }
    }
}

/// A set of keys as a bit mask.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeySet(pub u16);

impl KeySet {
    /// True when `key` is in the set.
    pub fn contains(self, key: Key) -> bool {
        self.0 & (1 << key.index()) != 0
    }

    /// Add `key`.
    pub fn insert(&mut self, key: Key) {
        self.0 |= 1 << key.index();
    }

    /// Keys in both sets.
    pub fn intersection(self, other: KeySet) -> KeySet {
        KeySet(self.0 & other.0)
    }
}

/// Number of compared fields (a comparison vector packs 4 bits per field into a `u64`).
pub const FIELD_COUNT: usize = 12;

/// A comparison between two records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Company (or full person) name.
    Name,
    /// Legal form.
    LegalForm,
    /// First name.
    FirstName,
    /// Last name.
    LastName,
    /// Street and house number.
    Street,
    /// Second address line.
    Address2,
    /// Postcode, city, region and country.
    Location,
    /// Phone.
    Phone,
    /// Web domain.
    Domain,
    /// Official number.
    TaxId,
    /// Birth or founding date.
    Date,
    /// Cross-reference against the other record's id.
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
        Field::Address2,
        Field::Location,
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

    /// The keys the field compares (any of them mapped on both sides makes it comparable).
    pub fn keys(self) -> &'static [Key] {
        match self {
            Field::Name => &[Key::Name],
            Field::LegalForm => &[Key::LegalForm],
            Field::FirstName => &[Key::FirstName],
            Field::LastName => &[Key::LastName],
            Field::Street => &[Key::Street, Key::HouseNumber],
            Field::Address2 => &[Key::Address2],
            Field::Location => &[Key::Postcode, Key::City, Key::Region, Key::Country],
            Field::Phone => &[Key::Phone],
            Field::Domain => &[Key::Domain],
            Field::TaxId => &[Key::TaxId],
            Field::Date => &[Key::Date],
            Field::Xref => &[Key::Xref],
        }
    }

    /// The field's name in plain words, as shown in contributions.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::LegalForm => "legal form",
            Field::FirstName => "first name",
            Field::LastName => "last name",
            Field::Street => "street",
            Field::Address2 => "address line 2",
            Field::Location => "location",
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
        const THREE_STEPS: &[&str] =
            &["missing", "exact", "close", "fuzzy", "partial", "different"];
        match self {
            Field::Name | Field::Location => THREE_STEPS,
            Field::FirstName | Field::LastName | Field::Street | Field::Date => TWO_STEPS,
            Field::Address2 | Field::Phone | Field::TaxId => ONE_STEP,
            Field::LegalForm | Field::Domain | Field::Xref => EXACT_ONLY,
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

    /// The key whose value frequency weighs an exact agreement (a rare name or postcode says
    /// more than a common one; an internet provider's domain, a switchboard number or a group
    /// VAT number shared by many records says little), if any.
    pub fn term_frequency_key(self) -> Option<Key> {
        match self {
            Field::Name => Some(Key::Name),
            Field::FirstName => Some(Key::FirstName),
            Field::LastName => Some(Key::LastName),
            Field::Street => Some(Key::Street),
            Field::Location => Some(Key::Postcode),
            Field::Phone => Some(Key::Phone),
            Field::Domain => Some(Key::Domain),
            Field::TaxId => Some(Key::TaxId),
            _ => None,
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
            Field::Address2 => 9,
            Field::Location => 10,
            Field::LegalForm => 11,
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

    /// Take `field` out.
    pub fn remove(&mut self, field: Field) {
        self.0 &= !(1 << field.index());
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
    fn sets_list_their_members() {
        let mut set = FieldSet::default();
        set.insert(Field::Phone);
        set.insert(Field::Name);
        assert_eq!(
            set.fields().collect::<Vec<_>>(),
            [Field::Name, Field::Phone]
        );
        set.remove(Field::Name);
        assert_eq!(set.fields().collect::<Vec<_>>(), [Field::Phone]);
        let mut keys = KeySet::default();
        keys.insert(Key::City);
        assert!(keys.contains(Key::City));
        assert!(!keys.intersection(KeySet::default()).contains(Key::City));
    }
}
