//! Footer junk: the lines a report appends after its last record (Salesforce's totals,
//! confidentiality note and copyright; QuickBooks' print stamp), told apart from records.

/// Text that ends a report rather than being a record: totals, confidentiality notes,
/// copyright lines and print stamps (Salesforce, QuickBooks, SAP list output).
pub(super) fn is_footer_text(text: &str) -> bool {
    const STARTS: [&str; 24] = [
        "grand total",
        "total ",
        "totals",
        "total:",
        "summe",
        "gesamt",
        "confidential",
        "vertraulich",
        "informations confidentielles",
        "información confidencial",
        "vertrouwelijke",
        "copyright",
        "©",
        "(c) ",
        "generated",
        "report generated",
        "printed",
        "monday,",
        "tuesday,",
        "wednesday,",
        "thursday,",
        "friday,",
        "saturday,",
        "sunday,",
    ];
    let lower = text.trim().to_lowercase();
    STARTS.iter().any(|start| lower.starts_with(start))
        || lower.contains(" records)")
        || lower.contains(" datensätze)")
        || lower.contains("all rights reserved")
        || lower.contains("do not distribute")
}

#[cfg(test)]
mod tests {
    use super::is_footer_text;

    #[test]
    fn report_footers_are_recognised_and_company_names_are_not() {
        for footer in [
            "Grand Totals (128 records)",
            "Gesamtsummen (128 Datensätze)",
            "Confidential Information - Do Not Distribute",
            "Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.",
            "Friday, February 14, 2025 10:15 AM GMT-08:00",
            "Total: 12",
        ] {
            assert!(is_footer_text(footer), "{footer}");
        }
        for name in [
            "TotalEnergies SE",
            "Müller Anlagenbau GmbH",
            "Summit Partners",
            "Copyshop Ltd",
        ] {
            assert!(!is_footer_text(name), "{name}");
        }
    }
}
