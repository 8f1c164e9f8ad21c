//! The financing rows of the project and insats forms.

use super::{percent, short_text, Field, FormErrors, Problem};
use crate::core::ids::RecordId;
use crate::core::model::{Financier, FinancingShare};
use crate::core::workspace::Workspace;

/// One financing row as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FinancingDraft {
    /// [`financier_code`]'s code: `state`, `region`, `esf`, `own_capital`,
    /// `other`, or a member municipality's id.
    pub financier: String,
    /// The name of an `other` financier.
    pub name: String,
    /// The share in percent, as typed.
    pub share: String,
}

/// A financier as the form's select holds it (`other` for any named one).
pub fn financier_code(f: &Financier) -> String {
    match f {
        Financier::State => "state".into(),
        Financier::Region => "region".into(),
        Financier::Esf => "esf".into(),
        Financier::OwnCapital => "own_capital".into(),
        Financier::Other(_) => "other".into(),
        Financier::Municipality(id) => id.to_string(),
    }
}

/// The rows showing a saved list.
pub fn financing_drafts(shares: &[FinancingShare]) -> Vec<FinancingDraft> {
    shares
        .iter()
        .map(|s| FinancingDraft {
            financier: financier_code(&s.financier),
            name: match &s.financier {
                Financier::Other(n) => n.clone(),
                _ => String::new(),
            },
            share: crate::core::fmt_sv::tenths(u64::from(s.share.tenths())),
        })
        .collect()
}

/// Validates financing rows: each a known financier (a live member
/// municipality, or a name for another) with a share of 0–100 %, none
/// twice, all together at most the whole (100 %). Rows left entirely empty
/// are dropped. Problems point at the row (`Field::Financing(i)`).
pub fn build_financing(
    rows: &[FinancingDraft],
    ws: &Workspace,
    errors: &mut FormErrors,
) -> Option<Vec<FinancingShare>> {
    let mut out = Vec::new();
    let mut ok = true;
    let mut total: u32 = 0;
    for (i, row) in rows.iter().enumerate() {
        if *row == FinancingDraft::default() {
            continue;
        }
        let field = Field::Financing(i);
        let financier = match row.financier.trim() {
            "state" => Some(Financier::State),
            "region" => Some(Financier::Region),
            "esf" => Some(Financier::Esf),
            "own_capital" => Some(Financier::OwnCapital),
            "other" => match short_text(&row.name) {
                Ok(n) if n.is_empty() => {
                    errors.push(field, Problem::Required);
                    None
                }
                Ok(n) => Some(Financier::Other(n)),
                Err(p) => {
                    errors.push(field, p);
                    None
                }
            },
            "" => {
                errors.push(field, Problem::Required);
                None
            }
            id => match RecordId::parse(id)
                .ok()
                .filter(|id| ws.municipalities.get(id).is_some())
            {
                Some(id) => Some(Financier::Municipality(id)),
                None => {
                    errors.push(field, Problem::UnknownReference);
                    None
                }
            },
        };
        let share = errors.check(field, percent(&row.share));
        match (financier, share) {
            (Some(f), Some(s)) => {
                if out.iter().any(|o: &FinancingShare| o.financier == f) {
                    errors.push(field, Problem::DuplicateName);
                    ok = false;
                }
                total = total.saturating_add(s.tenths());
                out.push(FinancingShare {
                    financier: f,
                    share: s,
                });
            }
            _ => ok = false,
        }
    }
    if total > 1000 {
        errors.push(Field::Financing(rows.len()), Problem::FinancingOverWhole);
        ok = false;
    }
    ok.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::ws_with_municipality;

    fn row(financier: &str, share: &str) -> FinancingDraft {
        FinancingDraft {
            financier: financier.into(),
            name: String::new(),
            share: share.into(),
        }
    }

    #[test]
    fn the_statutory_split_reads_back_and_more_than_the_whole_is_refused() {
        let ws = ws_with_municipality("m1", "Tyresö");
        let rows = vec![
            row("state", "50"),
            row("region", "25"),
            row("m1", "25"),
            FinancingDraft::default(),
        ];
        let mut errors = FormErrors::default();
        let shares = build_financing(&rows, &ws, &mut errors).unwrap();
        assert!(errors.is_empty());
        assert_eq!(shares.len(), 3);
        assert_eq!(financing_drafts(&shares), rows[..3]);
        let mut errors = FormErrors::default();
        let over = vec![row("state", "50"), row("region", "50,1")];
        assert_eq!(build_financing(&over, &ws, &mut errors), None);
        assert_eq!(
            errors.at(Field::Financing(2)),
            Some(&Problem::FinancingOverWhole)
        );
    }

    #[test]
    fn a_row_needs_a_known_financier_once_and_a_share() {
        let ws = ws_with_municipality("m1", "Tyresö");
        let mut errors = FormErrors::default();
        let rows = vec![
            row("m9", "10"),
            row("other", "10"),
            row("esf", ""),
            row("state", "10"),
            row("state", "10"),
        ];
        assert_eq!(build_financing(&rows, &ws, &mut errors), None);
        assert_eq!(
            errors.at(Field::Financing(0)),
            Some(&Problem::UnknownReference)
        );
        assert_eq!(errors.at(Field::Financing(1)), Some(&Problem::Required));
        assert_eq!(errors.at(Field::Financing(2)), Some(&Problem::Required));
        assert_eq!(errors.at(Field::Financing(3)), None);
        assert_eq!(
            errors.at(Field::Financing(4)),
            Some(&Problem::DuplicateName)
        );
    }
}
