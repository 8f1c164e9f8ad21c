//! The counts of many computed figures from one pass over the
//! participations: the board asks for hundreds (every insats's targets,
//! the förbund's slices), and counting each figure on its own walked every
//! participation once per figure.
//!
//! Guarantees: [`CountBook::get`] gives exactly what counting the live
//! participations of the figure's scope, slice and period gives (a test
//! compares both for every kind of figure); for a period the book was not
//! filled for, it counts that figure on its own.
//!
//! How: for each period asked for, one pass adds each live participation's
//! counts to the block of its insats — the whole and each slice by gender,
//! referrer, age band and municipality. A figure's counts are then the sum
//! of the blocks its scope covers, so the time is one pass per period plus
//! a few hundred small sums, whatever the number of figures.

use super::counts::{of_one, FlowCounts};
use crate::core::ids::RecordId;
use crate::core::model::{AgeBand, Breakdown, FigureKey, Gender, Participation, Referrer, Scope};
use crate::core::period::Period;
use crate::core::workspace::Workspace;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: ids are short and come from this app, so a fast hash without
/// protection against chosen collisions is enough (and smaller than
/// SipHash in the download).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Slots<'a> = HashMap<&'a str, usize, BuildHasherDefault<Fnv>>;

/// The counts of one insats's participations in one period, whole and by
/// slice.
#[derive(Clone, Default)]
struct Block {
    whole: FlowCounts,
    gender: [FlowCounts; Gender::ALL.len()],
    referrer: [FlowCounts; Referrer::ALL.len()],
    age: [FlowCounts; AgeBand::ALL.len()],
    /// By municipality slot (see [`CountBook::municipalities`]).
    municipality: Vec<FlowCounts>,
}

impl Block {
    fn slice(&self, breakdown: Option<&Breakdown>, municipality: Option<usize>) -> FlowCounts {
        match breakdown {
            None | Some(Breakdown::Provider(_)) => self.whole,
            Some(Breakdown::Gender(g)) => self.gender[*g as usize],
            Some(Breakdown::Referrer(r)) => self.referrer[*r as usize],
            Some(Breakdown::AgeBand(a)) => self.age[*a as usize],
            Some(Breakdown::Municipality(_)) => municipality
                .and_then(|m| self.municipality.get(m).copied())
                .unwrap_or_default(),
        }
    }
}

/// Counts per insats and slice for a set of periods, to answer many
/// figures of those periods.
pub struct CountBook<'a> {
    ws: &'a Workspace,
    /// The insats ids the participations name, in slot order.
    insatser: Vec<&'a RecordId>,
    /// Slot of each municipality id the participations name.
    municipalities: Slots<'a>,
    /// Per period asked for: a block per insats slot.
    periods: Vec<(Period, Vec<Block>)>,
}

impl<'a> CountBook<'a> {
    /// A book that counts every figure on its own (for one figure, one
    /// pass either way).
    pub fn empty(ws: &'a Workspace) -> CountBook<'a> {
        CountBook {
            ws,
            insatser: Vec::new(),
            municipalities: Slots::default(),
            periods: Vec::new(),
        }
    }

    /// A book filled for `periods` (repeats are counted once) in one pass
    /// over the live participations.
    pub fn new(ws: &'a Workspace, periods: impl IntoIterator<Item = Period>) -> CountBook<'a> {
        let mut wanted: Vec<Period> = Vec::new();
        for p in periods {
            if !wanted.contains(&p) {
                wanted.push(p);
            }
        }
        let mut book = CountBook::empty(ws);
        if wanted.is_empty() {
            return book;
        }
        let mut insats_slots = Slots::default();
        let category = |id: &RecordId| ws.end_statuses.get_any(id).map(|s| s.category);
        let mut blocks: Vec<Vec<Block>> = vec![Vec::new(); wanted.len()];
        for p in ws.participations.live() {
            let slot = slot_of(&mut insats_slots, &mut book.insatser, &p.insats);
            let municipality = p.municipality.as_ref().map(|m| {
                let next = book.municipalities.len();
                *book.municipalities.entry(m.as_str()).or_insert(next)
            });
            for (period, blocks) in wanted.iter().zip(blocks.iter_mut()) {
                add(blocks, slot, municipality, p, period, &category);
            }
        }
        book.periods = wanted.into_iter().zip(blocks).collect();
        book
    }

    /// The workspace the book counts.
    pub fn workspace(&self) -> &'a Workspace {
        self.ws
    }

    /// The counts of the live participations in `key`'s scope, slice and
    /// period.
    pub fn get(&self, key: &FigureKey) -> FlowCounts {
        let Some((_, blocks)) = self.periods.iter().find(|(p, _)| *p == key.period) else {
            return super::outcome::count_key(self.ws, key);
        };
        let municipality = match &key.breakdown {
            Some(Breakdown::Municipality(m)) => match self.municipalities.get(m.as_str()) {
                Some(slot) => Some(*slot),
                None => return FlowCounts::default(),
            },
            _ => None,
        };
        let family = match &key.scope {
            Scope::Project(root) => self.ws.project_family(root),
            _ => Vec::new(),
        };
        let mut sum = FlowCounts::default();
        for (id, block) in self.insatser.iter().zip(blocks) {
            let insats = || self.ws.insatser.get_any(id);
            let in_scope = match &key.scope {
                Scope::Forbund => true,
                Scope::Insats(want) => want == *id,
                Scope::Project(_) => insats()
                    .and_then(|i| i.project.as_ref())
                    .is_some_and(|p| family.contains(p)),
            };
            let in_slice = match &key.breakdown {
                Some(Breakdown::Provider(name)) => insats().is_some_and(|i| &i.provider == name),
                _ => true,
            };
            if in_scope && in_slice {
                sum += block.slice(key.breakdown.as_ref(), municipality);
            }
        }
        sum
    }
}

fn slot_of<'a>(slots: &mut Slots<'a>, ids: &mut Vec<&'a RecordId>, id: &'a RecordId) -> usize {
    if let Some(s) = slots.get(id.as_str()) {
        return *s;
    }
    ids.push(id);
    slots.insert(id.as_str(), ids.len() - 1);
    ids.len() - 1
}

fn add(
    blocks: &mut Vec<Block>,
    slot: usize,
    municipality: Option<usize>,
    p: &Participation,
    period: &Period,
    category: &dyn Fn(&RecordId) -> Option<crate::core::model::EndCategory>,
) {
    let c = of_one(p, period, category);
    if c.is_zero() {
        return;
    }
    if blocks.len() <= slot {
        blocks.resize_with(slot + 1, Block::default);
    }
    let Some(b) = blocks.get_mut(slot) else {
        return;
    };
    b.whole += c;
    b.gender[p.gender as usize] += c;
    b.referrer[p.referrer as usize] += c;
    b.age[p.age_band as usize] += c;
    if let Some(m) = municipality {
        if b.municipality.len() <= m {
            b.municipality.resize(m + 1, FlowCounts::default());
        }
        if let Some(slice) = b.municipality.get_mut(m) {
            *slice += c;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::model::{Dimension, Insats, Record};

    /// Every kind of figure the board can ask for, counted by the book and
    /// on its own, for periods the book was filled for and one it was not.
    #[test]
    fn the_book_counts_every_figure_as_counting_it_alone_does() {
        let mut ws = demo::workspace();
        // A participation whose insats no record names, and a deleted one.
        let mut stray = ws.participations.live().next().unwrap().clone();
        stray.meta.id = RecordId::parse("stray").unwrap();
        stray.insats = RecordId::parse("no-such-insats").unwrap();
        ws.put(Record::Participation(stray));
        let mut gone = ws.participations.live().nth(5).unwrap().clone();
        gone.meta.deleted = true;
        gone.meta.stamp.hlc.millis += 1;
        ws.put(Record::Participation(gone));
        let insatser: Vec<Insats> = ws.insatser.all().cloned().collect();
        let mut scopes = vec![
            Scope::Forbund,
            Scope::Insats(RecordId::parse("no-such-insats").unwrap()),
        ];
        scopes.extend(insatser.iter().map(|i| Scope::Insats(i.meta.id.clone())));
        scopes.extend(ws.projects.all().map(|p| Scope::Project(p.meta.id.clone())));
        let mut slices: Vec<Option<Breakdown>> = vec![None];
        slices.extend(Gender::ALL.map(|g| Some(Breakdown::Gender(g))));
        slices.extend(Referrer::ALL.map(|r| Some(Breakdown::Referrer(r))));
        slices.extend(AgeBand::ALL.map(|a| Some(Breakdown::AgeBand(a))));
        slices.extend(
            ws.municipalities
                .all()
                .map(|m| Some(Breakdown::Municipality(m.meta.id.clone()))),
        );
        slices.push(Some(Breakdown::Municipality(
            RecordId::parse("nowhere").unwrap(),
        )));
        slices.extend(
            insatser
                .iter()
                .map(|i| Some(Breakdown::Provider(i.provider.clone()))),
        );
        let filled = [
            Period::year(2016).unwrap(),
            Period::year(2017).unwrap(),
            Period::half(2017, 2).unwrap(),
        ];
        let book = CountBook::new(&ws, filled);
        let indicator = ws.indicators.live().next().unwrap().meta.id.clone();
        let mut nonzero = 0;
        for period in filled.iter().chain([&Period::month(2017, 3).unwrap()]) {
            for scope in &scopes {
                for breakdown in &slices {
                    let key = FigureKey {
                        indicator: indicator.clone(),
                        scope: scope.clone(),
                        period: *period,
                        breakdown: breakdown.clone(),
                    };
                    let alone = super::super::outcome::count_key(&ws, &key);
                    assert_eq!(book.get(&key), alone, "{key:?}");
                    if alone.active > 0 {
                        nonzero += 1;
                    }
                }
            }
        }
        // The comparison is not between zeros.
        assert!(nonzero > 100, "{nonzero}");
        assert!(
            Dimension::ALL.len() == 5,
            "every dimension is covered above"
        );
    }
}
