//! ISO 4217 currency codes, for checking `currency:` fields.
//!
//! A code of the right shape can still be wrong (`USS`, `EUD`), and a report
//! that prints it misleads a donor; so codes are checked against the list.
//! The active codes (ISO 4217 list one, 2024), plus the codes withdrawn since
//! 2000 that projects of that time were budgeted in.

const ACTIVE: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP \
BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS \
GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR \
LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR \
PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD \
TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU \
XTS XUA YER ZAR ZMW ZWG ZWL";

const WITHDRAWN: &str = "BYR CYP EEK GHC HRK LTL LVL MRO MTL SIT SKK STD VEF ZMK";

pub fn is_currency(code: &str) -> bool {
    code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && (ACTIVE.split_ascii_whitespace().any(|c| c == code) || WITHDRAWN.split_ascii_whitespace().any(|c| c == code))
}

/// What to suggest for a code that is not on the list.
pub fn hint(code: &str) -> String {
    let upper = code.trim().to_ascii_uppercase();
    match upper.as_str() {
        _ if is_currency(&upper) => format!("write it in capitals: {upper}"),
        "US$" | "$" | "USS" | "DOLLAR" | "DOLLARS" => "US dollars are USD".into(),
        "€" | "EURO" | "EUROS" => "euros are EUR".into(),
        "C$" | "CAN" | "CDN" => "Canadian dollars are CAD".into(),
        "£" | "UKP" | "STG" => "pounds sterling are GBP".into(),
        _ => "use the ISO 4217 code, e.g. USD, EUR, CAD, GBP, CHF".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_seed_currencies_and_refuses_lookalikes() {
        for c in ["USD", "EUR", "CAD", "GBP", "CHF", "NOK", "SEK", "XOF"] {
            assert!(is_currency(c), "{c}");
        }
        for c in ["USS", "usd", "EUD", "UKP", "US", "USDD", ""] {
            assert!(!is_currency(c), "{c}");
        }
        assert_eq!(hint("usd"), "write it in capitals: USD");
        assert_eq!(hint("US$"), "US dollars are USD");
    }

    #[test]
    fn the_list_is_sorted_three_letter_codes_without_repeats() {
        for list in [ACTIVE, WITHDRAWN] {
            let codes: Vec<&str> = list.split_ascii_whitespace().collect();
            assert!(codes.iter().all(|c| c.len() == 3), "{list}");
            assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats: {list}");
        }
    }
}
