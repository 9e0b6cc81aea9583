//! The proportions of the generated lists, chosen to mirror a mid-size company's CRM and ERP.
//!
//! Every rate the generator draws against lives here, so the documentation, the tests and the
//! generator cannot drift apart.

/// Firms generated together: look-alikes, wrong cross-references and the shuffled row order stay
/// within one chunk. Fixed, so that the output never depends on the machine.
pub const CHUNK_FIRMS: u64 = 4096;

/// Share of firms in both lists (customers with a CRM account).
pub const SHARE_BOTH: f64 = 0.73;
/// Share of firms only in the CRM (leads, prospects, suspects, suppliers ...).
pub const SHARE_CRM_ONLY: f64 = 0.19;
// The rest (0.08) are ERP-only customers (web shop, counter sales, migrated debtors).

/// Share of a side's firms that have a second record in that list.
pub const CRM_DUPLICATE_RATE: f64 = 0.04;
/// Share of a side's firms that have a second record in the ERP.
pub const ERP_DUPLICATE_RATE: f64 = 0.035;
/// Share of duplicated firms that have a third record.
pub const TRIPLE_RATE: f64 = 0.1;

/// Share of CRM customer accounts (Customer, Reseller, Division) that carry the ERP number.
pub const XREF_RATE: f64 = 0.6;
/// Share of duplicate CRM records that carry the ERP number.
pub const XREF_RATE_DUPLICATE: f64 = 0.15;
/// Share of carried ERP numbers that are wrong.
pub const XREF_WRONG_RATE: f64 = 0.05;
/// Share of wrong ERP numbers that name no ERP customer at all (the rest name another firm).
pub const XREF_UNKNOWN_SHARE: f64 = 0.5;
/// Share of CRM-only accounts that still hold the number of a deleted ERP customer.
pub const XREF_STALE_ON_CRM_ONLY: f64 = 0.01;
/// Share of correct ERP numbers written without their leading zeros or with stray spaces.
pub const XREF_SLOPPY_RATE: f64 = 0.12;

/// Share of firms that share their name with an earlier firm in another city.
pub const LOOKALIKE_RATE: f64 = 0.02;
/// Share of firms whose name is made of generic words only.
pub const GENERIC_NAME_RATE: f64 = 0.02;
/// Share of firms that moved; one list still shows the old address.
pub const MOVED_RATE: f64 = 0.07;
/// Share of movers that moved to another city (new postcode and phone too).
pub const MOVED_CITY_SHARE: f64 = 0.5;
/// Share of firms with their own web domain.
pub const OWN_DOMAIN_RATE: f64 = 0.78;
/// Share of firms with a separate accounts-payable phone line.
pub const ACCOUNTS_PHONE_RATE: f64 = 0.25;

/// How often each field is empty in a CRM record.
pub mod crm_missing {
    /// Street.
    pub const STREET: f64 = 0.05;
    /// Postcode.
    pub const POSTCODE: f64 = 0.06;
    /// City.
    pub const CITY: f64 = 0.02;
    /// Country.
    pub const COUNTRY: f64 = 0.04;
    /// Phone.
    pub const PHONE: f64 = 0.15;
    /// Website (of firms that have one).
    pub const WEBSITE: f64 = 0.3;
    /// E-mail.
    pub const EMAIL: f64 = 0.45;
    /// VAT id (of firms that have one).
    pub const VAT: f64 = 0.6;
    /// Extra chance of each optional field being empty in a duplicate record.
    pub const DUPLICATE_EXTRA: f64 = 0.3;
}

/// How often each field is empty in an ERP record.
pub mod erp_missing {
    /// Address.
    pub const ADDRESS: f64 = 0.02;
    /// Postcode.
    pub const POSTCODE: f64 = 0.02;
    /// City.
    pub const CITY: f64 = 0.005;
    /// Phone.
    pub const PHONE: f64 = 0.2;
    /// E-mail.
    pub const EMAIL: f64 = 0.35;
    /// VAT id (of firms that have one).
    pub const VAT: f64 = 0.22;
    /// Share of domestic (German) customers with an empty country code, as Business Central
    /// stores them.
    pub const DOMESTIC_COUNTRY: f64 = 0.25;
}

/// Field length of the ERP name (SAP NAME1, classic Navision): longer names are cut.
pub const ERP_NAME_LENGTH: usize = 35;
