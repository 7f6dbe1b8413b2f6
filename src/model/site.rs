//! Site allocation (ECONOMICS.md §5): equal conversion tranches, when each is built and live,
//! and how the site's megawatts split between mining, construction and AI.

use crate::scenario::{Key, Scenario};

/// One conversion tranche, in months from `start`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tranche {
    /// Size, gross MW (`T`).
    pub mw: f64,
    /// Its IT load once converted, MW (`I = T / itratio`).
    pub it_mw: f64,
    /// First construction month, `s_j`.
    pub build_start: usize,
    /// First live month, `l_j = s_j + cbuild`.
    pub live: usize,
}

/// How the site's gross MW split in one month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Split {
    /// Still mining, `M(m)`.
    pub mining: f64,
    /// Under construction: neither mines nor earns.
    pub building: f64,
    /// Live AI, gross, `A(m)`.
    pub live: f64,
}

/// Whether any of `tranches` starts building within the first `months` months: otherwise the
/// plan is the baseline.
pub fn converts_within(tranches: &[Tranche], months: usize) -> bool {
    tranches.iter().any(|t| t.build_start < months)
}

/// The tranches of the plan (none when `conv = 0`), some perhaps starting after the horizon.
pub fn tranches(s: &Scenario) -> Vec<Tranche> {
    tranches_delayed(s, 0)
}

/// The tranches with the first construction start `delay` months after `cstart` (the value of
/// waiting, ECONOMICS.md §9 `timing`).
pub fn tranches_delayed(s: &Scenario, delay: usize) -> Vec<Tranche> {
    let conv = s.get(Key::Conv);
    if conv == 0.0 {
        return Vec::new();
    }
    let phases = s.int(Key::Phases);
    let size = s.get(Key::Mw) * conv / 100.0 / f64::from(phases);
    let it_mw = size / s.get(Key::Itratio);
    let c0 = s
        .month(Key::Start)
        .months_until(s.month(Key::Cstart))
        .max(0) as usize
        + delay;
    let every = s.int(Key::Every) as usize;
    let build = s.int(Key::Cbuild) as usize;
    (0..phases as usize)
        .map(|j| {
            let build_start = c0 + j * every;
            Tranche {
                mw: size,
                it_mw,
                build_start,
                live: build_start + build,
            }
        })
        .collect()
}

/// The split of `site_mw` in month `m` given the tranches.
pub fn split(site_mw: f64, tranches: &[Tranche], m: usize) -> Split {
    let started = tranches.iter().filter(|t| m >= t.build_start).count();
    let live = tranches.iter().filter(|t| m >= t.live).count();
    let size = tranches.first().map_or(0.0, |t| t.mw);
    Split {
        mining: (site_mw - size * started as f64).max(0.0),
        building: size * (started - live) as f64,
        live: size * live as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse;

    #[test]
    fn four_tranches_a_year_apart() {
        let s = parse("start=2026-01&mw=100&phases=4&every=12&cbuild=6&cstart=2026-03").scenario;
        let t = tranches(&s);
        assert_eq!(t.len(), 4);
        assert_eq!((t[0].build_start, t[0].live, t[0].mw), (2, 8, 25.0));
        assert!((t[0].it_mw - 25.0 / 1.4).abs() < 1e-12);
        let later = tranches_delayed(&s, 9);
        assert_eq!((later[0].build_start, later[3].live), (11, 53));
        assert_eq!((t[3].build_start, t[3].live), (38, 44));
        assert_eq!(
            split(100.0, &t, 0),
            Split {
                mining: 100.0,
                building: 0.0,
                live: 0.0
            }
        );
        assert_eq!(
            split(100.0, &t, 2),
            Split {
                mining: 75.0,
                building: 25.0,
                live: 0.0
            }
        );
        assert_eq!(
            split(100.0, &t, 14),
            Split {
                mining: 50.0,
                building: 25.0,
                live: 25.0
            }
        );
        assert_eq!(
            split(100.0, &t, 44),
            Split {
                mining: 0.0,
                building: 0.0,
                live: 100.0
            }
        );
    }

    #[test]
    fn partial_conversion_and_keep_mining() {
        let s = parse("conv=40").scenario;
        let t = tranches(&s);
        assert_eq!(
            split(100.0, &t, 30),
            Split {
                mining: 60.0,
                building: 0.0,
                live: 40.0
            }
        );
        assert!(tranches(&parse("conv=0").scenario).is_empty());
    }
}
