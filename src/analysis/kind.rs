//! Which analysis: the one name every part of the crate uses for the views of ECONOMICS.md
//! §9–§10. A chart's registry entry lists the kinds it draws, the explorer and the report
//! compute them through [`Analyses`](super::Analyses), and the CLI's `--with` takes their names.

/// One of the views derived from many model runs. Natively it is also the CLI's `--with`
/// value (`tornado`, `map`, `rates`, `timing`, `breakevens`): the help lists the variants' first
/// lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(clap::ValueEnum))]
pub enum Kind {
    /// NPV advantage with each input moved ∓20 %.
    ///
    /// [`super::tornado`].
    Tornado,
    /// NPV advantage on a 41×41 grid of BTC price × AI rate.
    ///
    /// [`super::breakeven_map`]; the report's grid is [`crate::report::MAP_CELLS`] a side, the
    /// page's [`crate::explorer::MAP_CELLS`].
    Map,
    /// NPV advantage at discount rates of 0–30 %/yr.
    ///
    /// [`super::rates`].
    Rates,
    /// NPV advantage with construction 0–36 months later.
    ///
    /// [`super::timing`].
    Timing,
    /// The value of each input alone at which the NPV advantage is zero.
    ///
    /// [`super::breakevens`].
    Breakevens,
    /// Percentiles of the NPV advantage across random BTC price and AI-rate paths.
    ///
    /// [`super::monte_carlo`]. Not a `--with` value: the JSON report always has its
    /// `monte_carlo` object, and the page runs it in a web worker.
    #[cfg_attr(not(target_arch = "wasm32"), value(skip))]
    MonteCarlo,
}

impl Kind {
    /// Every kind, in the order of the report's `analysis` object (ECONOMICS.md §11).
    pub const ALL: [Kind; 6] = [
        Kind::Tornado,
        Kind::Map,
        Kind::Rates,
        Kind::Timing,
        Kind::Breakevens,
        Kind::MonteCarlo,
    ];

    /// The name in the CLI's `--with` and the key in the JSON report (`monte_carlo` for Monte
    /// Carlo, a key of the report itself rather than of its `analysis` object).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Tornado => "tornado",
            Kind::Map => "map",
            Kind::Rates => "rates",
            Kind::Timing => "timing",
            Kind::Breakevens => "breakevens",
            Kind::MonteCarlo => "monte_carlo",
        }
    }

    /// Whether the analysis is the NPV advantage as inputs move (the tornado, the map, the
    /// curves, the break-evens): 0 at every point when nothing converts within the horizon (and
    /// no break-even), since none of the inputs it moves brings a conversion within the horizon.
    pub fn moves_inputs(self) -> bool {
        !matches!(self, Kind::MonteCarlo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_listed_once() {
        for (i, kind) in Kind::ALL.iter().enumerate() {
            assert_eq!(Kind::ALL.iter().position(|k| k == kind), Some(i));
        }
        let names: std::collections::HashSet<_> = Kind::ALL.map(Kind::name).into();
        assert_eq!(names.len(), Kind::ALL.len());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_cli_spells_each_kind_by_its_name_but_monte_carlo() {
        use clap::ValueEnum;
        for kind in Kind::ALL {
            let parsed = Kind::from_str(kind.name(), false).ok();
            let listed = kind.to_possible_value().map(|v| v.get_name().to_string());
            if kind == Kind::MonteCarlo {
                assert_eq!((parsed, listed), (None, None));
            } else {
                assert_eq!(parsed, Some(kind));
                assert_eq!(listed.as_deref(), Some(kind.name()));
            }
        }
        let cli: Vec<&str> = Kind::value_variants().iter().map(|k| k.name()).collect();
        assert_eq!(cli, ["tornado", "map", "rates", "timing", "breakevens"]);
        assert!(Kind::from_str("monte-carlo", false).is_err());
    }
}
