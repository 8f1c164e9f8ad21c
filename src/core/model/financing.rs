//! Who pays for a project or an insats, and how much of it.
//!
//! A samordningsförbund is financed by the state through Försäkringskassan
//! (half), the region (a quarter) and its member municipalities (the last
//! quarter); a project may add the European Social Fund, own capital or
//! others. Guarantees: shares are exact tenths of a percent and a list
//! never adds up to more than the whole (the forms and [`super::super::
//! validate`] refuse it); what each financier's money bought is the
//! amount times the share, rounded half up to a krona ([`parts`]).

use crate::core::ids::RecordId;
use crate::core::value::{Kronor, Percent};
use serde::{Deserialize, Serialize};

/// One who finances.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Financier {
    /// The state, through Försäkringskassan.
    State,
    /// The region.
    Region,
    /// A member municipality.
    Municipality(RecordId),
    /// The European Social Fund.
    Esf,
    /// The förbund's own capital.
    OwnCapital,
    /// Anyone else, by name (an authority, a foundation).
    Other(String),
}

/// A financier and its share of the whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinancingShare {
    /// Who.
    pub financier: Financier,
    /// How much of the whole.
    pub share: Percent,
}

/// What each financier's share of `amount` is, in the list's order.
pub fn parts(amount: Kronor, shares: &[FinancingShare]) -> Vec<(Financier, Kronor)> {
    shares
        .iter()
        .filter_map(|s| {
            amount
                .pro_rata(u64::from(s.share.tenths()), 1000)
                .map(|k| (s.financier.clone(), k))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_financier_gets_its_share_rounded_half_up() {
        let shares = [
            FinancingShare {
                financier: Financier::State,
                share: Percent::from_whole(50).unwrap(),
            },
            FinancingShare {
                financier: Financier::Region,
                share: Percent::from_whole(25).unwrap(),
            },
            FinancingShare {
                financier: Financier::Other("Arbetsförmedlingen".into()),
                share: Percent::from_tenths(125).unwrap(),
            },
        ];
        let got = parts(Kronor::new(1_000_001).unwrap(), &shares);
        let kr: Vec<u64> = got.iter().map(|(_, k)| k.get()).collect();
        // 500 000,5 → 500 001; 250 000,25 → 250 000; 125 000,125 → 125 000.
        assert_eq!(kr, [500_001, 250_000, 125_000]);
    }
}
