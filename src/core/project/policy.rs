//! The project's creation policy (which way new records may flow, who assigns ERP account
//! numbers), the CRM account types, and the default creation action they give an unlinked
//! record.
//!
//! * `crm_to_erp`: accounts start in the CRM and are promoted to the ERP when they become
//!   customers: `create_in_erp` is allowed, `create_in_crm` is refused.
//! * `erp_to_crm`: everything starts in the ERP: `create_in_crm` is allowed, `create_in_erp` is
//!   refused (CRM customers without an ERP account are listed as needing one).
//! * `both`: both are allowed.
//! * `none`: neither system imports new records; auditors want an AR clerk to key every new ERP
//!   account by hand. Both creation actions are refused, and the CRM customers without an ERP
//!   account form the keying worklist ([`DefaultAction::NeedsErpAccount`]).
//!
//! `ignore` is always allowed.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::core::model::Side;

/// Which way new records may flow between the two systems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flow {
    /// New records start in the ERP and are created in the CRM.
    ErpToCrm,
    /// New records start in the CRM and are created in the ERP.
    CrmToErp,
    /// Either way.
    Both,
    /// Neither system imports new records; new ERP accounts are keyed by hand.
    None,
}

impl Flow {
    /// Every flow, in the order shown to the user.
    pub const ALL: [Flow; 4] = [Flow::Both, Flow::CrmToErp, Flow::ErpToCrm, Flow::None];

    /// `erp_to_crm`, `crm_to_erp`, `both` or `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            Flow::ErpToCrm => "erp_to_crm",
            Flow::CrmToErp => "crm_to_erp",
            Flow::Both => "both",
            Flow::None => "none",
        }
    }

    /// One sentence for the Unmatched screen and the export.
    pub fn describe(self) -> &'static str {
        match self {
            Flow::ErpToCrm => "new records start in the ERP and are created in the CRM",
            Flow::CrmToErp => {
                "new records start in the CRM and are created in the ERP when they become customers"
            }
            Flow::Both => "new records may be created in either system",
            Flow::None => {
                "no system imports new records; new ERP accounts are keyed by hand from a worklist"
            }
        }
    }
}

/// Who gives a new ERP customer its account number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberSource {
    /// The ERP generates it: the export leaves the number blank.
    Erp,
    /// The workshop assigns it before the import.
    Workshop,
}

/// A creation action for a record that has no partner in the other list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreationAction {
    /// Create this CRM account as a customer in the ERP.
    CreateInErp,
    /// Create this ERP customer as an account in the CRM.
    CreateInCrm,
    /// Leave it alone (a lead, a supplier, an old record ...).
    Ignore,
}

impl CreationAction {
    /// `create_in_erp`, `create_in_crm` or `ignore`.
    pub fn as_str(self) -> &'static str {
        match self {
            CreationAction::CreateInErp => "create_in_erp",
            CreationAction::CreateInCrm => "create_in_crm",
            CreationAction::Ignore => "ignore",
        }
    }

    /// The list whose records this action applies to, or `None` for `ignore` (either list).
    pub fn source_side(self) -> Option<Side> {
        match self {
            CreationAction::CreateInErp => Some(Side::Crm),
            CreationAction::CreateInCrm => Some(Side::Erp),
            CreationAction::Ignore => None,
        }
    }
}

/// The creation policy of a project. Text form: `FLOW` or `FLOW,numbers=erp|workshop`
/// (`both`, `crm_to_erp,numbers=workshop` ...); the default is `both,numbers=erp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Policy {
    /// Which way new records may flow.
    pub flow: Flow,
    /// Who assigns the account number of a new ERP customer.
    pub erp_numbers: NumberSource,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            flow: Flow::Both,
            erp_numbers: NumberSource::Erp,
        }
    }
}

impl Policy {
    /// True when the policy lets the workshop decide `action`.
    pub fn allows(&self, action: CreationAction) -> bool {
        match action {
            CreationAction::Ignore => true,
            CreationAction::CreateInErp => matches!(self.flow, Flow::CrmToErp | Flow::Both),
            CreationAction::CreateInCrm => matches!(self.flow, Flow::ErpToCrm | Flow::Both),
        }
    }

    /// The policy in plain words, for `status` and the export.
    pub fn describe(&self) -> String {
        let numbers = match self.erp_numbers {
            NumberSource::Erp => "the ERP generates new account numbers",
            NumberSource::Workshop => "the workshop assigns new account numbers",
        };
        format!(
            "{}: {}; {numbers}",
            self.flow.as_str(),
            self.flow.describe()
        )
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let numbers = match self.erp_numbers {
            NumberSource::Erp => "erp",
            NumberSource::Workshop => "workshop",
        };
        write!(f, "{},numbers={numbers}", self.flow.as_str())
    }
}

impl FromStr for Policy {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut parts = text.split(',').map(str::trim);
        let flow_text = parts.next().unwrap_or_default().to_ascii_lowercase();
        let flow = Flow::ALL
            .into_iter()
            .find(|flow| flow.as_str() == flow_text.replace('-', "_"))
            .ok_or_else(|| {
                format!(
                    "unknown creation policy '{text}' (expected erp_to_crm, crm_to_erp, both or none, \
                     optionally followed by ,numbers=erp or ,numbers=workshop)"
                )
            })?;
        let mut policy = Policy {
            flow,
            erp_numbers: NumberSource::Erp,
        };
        for part in parts {
            policy.erp_numbers = match part.to_ascii_lowercase().as_str() {
                "numbers=erp" => NumberSource::Erp,
                "numbers=workshop" => NumberSource::Workshop,
                other => {
                    return Err(format!(
                        "unknown policy option '{other}' in '{text}' (expected numbers=erp or numbers=workshop)"
                    ));
                }
            };
        }
        Ok(policy)
    }
}

/// The account types of E-synergy-style CRMs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountType {
    /// Not validated yet.
    NotValidated,
    /// A suspect: someone who might become a lead.
    Suspect,
    /// A lead.
    Lead,
    /// An associate (partner, contact company).
    Associate,
    /// A prospect: in a sales process.
    Prospect,
    /// A customer: buys, so it needs an ERP debtor number.
    Customer,
    /// A supplier.
    Supplier,
    /// A reseller.
    Reseller,
    /// A division of the own company.
    Division,
    /// A bank.
    Bank,
}

impl AccountType {
    /// Every account type, in the CRM's order.
    pub const ALL: [AccountType; 10] = [
        AccountType::NotValidated,
        AccountType::Suspect,
        AccountType::Lead,
        AccountType::Associate,
        AccountType::Prospect,
        AccountType::Customer,
        AccountType::Supplier,
        AccountType::Reseller,
        AccountType::Division,
        AccountType::Bank,
    ];

    /// The type's name as the CRM shows it.
    pub fn label(self) -> &'static str {
        match self {
            AccountType::NotValidated => "Not validated",
            AccountType::Suspect => "Suspect",
            AccountType::Lead => "Lead",
            AccountType::Associate => "Associate",
            AccountType::Prospect => "Prospect",
            AccountType::Customer => "Customer",
            AccountType::Supplier => "Supplier",
            AccountType::Reseller => "Reseller",
            AccountType::Division => "Division",
            AccountType::Bank => "Bank",
        }
    }

    /// Read an exported account type: case, spaces, `-` and `_` do not matter; `None` for an
    /// empty or unknown text.
    pub fn parse(text: &str) -> Option<AccountType> {
        let squeezed = |text: &'static str| {
            text.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
        };
        let given = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase);
        AccountType::ALL
            .into_iter()
            .find(|account_type| squeezed(account_type.label()).eq(given.clone()))
    }
}

/// What happens to an unlinked record nobody has decided about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DefaultAction {
    /// The policy and the record's type call for this creation action.
    Create(CreationAction),
    /// A CRM customer without an ERP account, whose creation the policy does not allow: it is
    /// listed as needing one (the keying worklist under the `none` policy).
    NeedsErpAccount,
}

/// The default action for an unlinked record of `side` with CRM `account_type` (ignored for
/// ERP records), or `None` when the workshop has to decide.
///
/// A CRM Customer gets `create_in_erp` where the policy allows it and is otherwise listed as
/// needing an ERP account. Leads, prospects, suspects and every other type (or no type) get no
/// default. An ERP customer gets `create_in_crm` where the policy allows it.
pub fn default_action(
    policy: &Policy,
    side: Side,
    account_type: Option<AccountType>,
) -> Option<DefaultAction> {
    match side {
        Side::Crm => match account_type {
            Some(AccountType::Customer) if policy.allows(CreationAction::CreateInErp) => {
                Some(DefaultAction::Create(CreationAction::CreateInErp))
            }
            Some(AccountType::Customer) => Some(DefaultAction::NeedsErpAccount),
            _ => None,
        },
        Side::Erp => policy
            .allows(CreationAction::CreateInCrm)
            .then_some(DefaultAction::Create(CreationAction::CreateInCrm)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_parse_and_print() {
        assert_eq!("both".parse::<Policy>(), Ok(Policy::default()));
        let policy: Policy = "crm-to-erp, numbers=workshop".parse().unwrap();
        assert_eq!(policy.flow, Flow::CrmToErp);
        assert_eq!(policy.erp_numbers, NumberSource::Workshop);
        assert_eq!(policy.to_string(), "crm_to_erp,numbers=workshop");
        assert_eq!(policy.to_string().parse::<Policy>(), Ok(policy));
        assert!("sideways".parse::<Policy>().is_err());
        assert!("both,numbers=clerk".parse::<Policy>().is_err());
    }

    #[test]
    fn the_flow_decides_which_creations_are_allowed() {
        let policy = |text: &str| text.parse::<Policy>().unwrap();
        assert!(policy("crm_to_erp").allows(CreationAction::CreateInErp));
        assert!(!policy("crm_to_erp").allows(CreationAction::CreateInCrm));
        assert!(policy("erp_to_crm").allows(CreationAction::CreateInCrm));
        assert!(!policy("erp_to_crm").allows(CreationAction::CreateInErp));
        assert!(!policy("none").allows(CreationAction::CreateInErp));
        assert!(policy("none").allows(CreationAction::Ignore));
    }

    #[test]
    fn account_types_parse_loosely() {
        assert_eq!(
            AccountType::parse("Not validated"),
            Some(AccountType::NotValidated)
        );
        assert_eq!(
            AccountType::parse("not_validated"),
            Some(AccountType::NotValidated)
        );
        assert_eq!(
            AccountType::parse(" CUSTOMER "),
            Some(AccountType::Customer)
        );
        assert_eq!(AccountType::parse("Kunde"), None);
        assert_eq!(AccountType::parse(""), None);
    }

    #[test]
    fn leads_get_no_erp_account_and_customers_need_one() {
        let both = Policy::default();
        let none: Policy = "none".parse().unwrap();
        for lead_like in [
            AccountType::Lead,
            AccountType::Prospect,
            AccountType::Suspect,
        ] {
            assert_eq!(default_action(&both, Side::Crm, Some(lead_like)), None);
        }
        assert_eq!(
            default_action(&both, Side::Crm, Some(AccountType::Customer)),
            Some(DefaultAction::Create(CreationAction::CreateInErp))
        );
        assert_eq!(
            default_action(&none, Side::Crm, Some(AccountType::Customer)),
            Some(DefaultAction::NeedsErpAccount)
        );
        assert_eq!(
            default_action(&both, Side::Erp, None),
            Some(DefaultAction::Create(CreationAction::CreateInCrm))
        );
        assert_eq!(default_action(&none, Side::Erp, None), None);
    }
}
