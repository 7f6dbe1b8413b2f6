//! The report of ECONOMICS.md §11 in its three formats: the JSON report, the monthly CSV and the
//! yearly CSV. The CLI prints them and the explorer downloads them, byte for byte the same.

use crate::analysis::{self, MonteCarlo, RatePoint, TimingPoint};
use crate::i18n::Lang;
use crate::model::{self, Flows, MonthRow, Projection, Summary, YearRow, YearTotals};
use crate::scenario::{canonical_query, Parsed, SCHEMA};
use serde::Serialize;

/// Cells per side of the break-even map in the report.
pub const MAP_CELLS: usize = 41;

/// An analysis the JSON report can add (ECONOMICS.md §9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Analysis {
    /// NPV advantage with each input moved ∓20 %.
    Tornado,
    /// NPV advantage on a 41×41 grid of BTC price × AI rate.
    Map,
    /// NPV advantage at discount rates of 0–30 %/yr.
    Rates,
    /// NPV advantage with construction 0–36 months later.
    Timing,
}

/// The JSON report.
#[derive(Serialize)]
struct Report<'a> {
    schema: u32,
    query: String,
    warnings: Vec<String>,
    months: &'a [MonthRow],
    years: &'a [YearRow],
    summary: &'a Summary,
    monte_carlo: Option<MonteCarlo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    analysis: Option<Analyses>,
}

/// The analyses asked for, in the order of ECONOMICS.md §11.
#[derive(Serialize)]
struct Analyses {
    #[serde(skip_serializing_if = "Option::is_none")]
    tornado: Option<Vec<TornadoBar>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    map: Option<Map>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rates: Option<Vec<RatePoint>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timing: Option<Vec<TimingPoint>>,
}

#[derive(Serialize)]
struct TornadoBar {
    key: &'static str,
    low_value: f64,
    high_value: f64,
    low: f64,
    high: f64,
}

#[derive(Serialize)]
struct Map {
    btc_usd: Vec<f64>,
    ai_rate: Vec<f64>,
    npv_advantage: Vec<Vec<f64>>,
}

fn analyses(p: &Projection, with: &[Analysis]) -> Option<Analyses> {
    if with.is_empty() {
        return None;
    }
    let s = &p.scenario;
    let asked = |a| with.contains(&a);
    Some(Analyses {
        tornado: asked(Analysis::Tornado).then(|| {
            analysis::tornado(s)
                .bars
                .iter()
                .map(|b| TornadoBar {
                    key: b.key.name(),
                    low_value: b.low_value,
                    high_value: b.high_value,
                    low: b.low,
                    high: b.high,
                })
                .collect()
        }),
        map: asked(Analysis::Map).then(|| {
            let map = analysis::breakeven_map(p, MAP_CELLS, MAP_CELLS);
            Map {
                npv_advantage: map
                    .values
                    .chunks(map.btc_prices.len())
                    .map(<[f64]>::to_vec)
                    .collect(),
                btc_usd: map.btc_prices,
                ai_rate: map.ai_rates,
            }
        }),
        rates: asked(Analysis::Rates).then(|| analysis::rates(p)),
        timing: asked(Analysis::Timing).then(|| analysis::timing(s)),
    })
}

/// The JSON report of a parsed query and its projection, with the analyses in `with`. Monte
/// Carlo is run unless `monte_carlo` is the run already made for this projection's scenario.
pub fn json(
    parsed: &Parsed,
    p: &Projection,
    monte_carlo: Option<&MonteCarlo>,
    with: &[Analysis],
) -> String {
    let report = Report {
        schema: SCHEMA,
        query: canonical_query(&parsed.scenario),
        warnings: (parsed.warnings.iter())
            .map(|w| crate::i18n::plain(&w.text(Lang::En)))
            .collect(),
        months: &p.months,
        years: &p.years,
        summary: &p.summary,
        monte_carlo: monte_carlo.cloned().or_else(|| analysis::monte_carlo(p)),
        analysis: analyses(p, with),
    };
    let mut out = serde_json::to_string_pretty(&report).expect("a report always serialises");
    out.push('\n');
    out
}

/// The JSON report of a query, as `hashshift run QUERY --format json` prints it.
pub fn json_of(query: &str, with: &[Analysis]) -> String {
    let parsed = crate::scenario::parse(query);
    json(&parsed, &model::run(&parsed.scenario), None, with)
}

/// The monthly table: one row per month, plan and baseline columns, units in the headers.
pub fn monthly_csv(months: &[MonthRow]) -> String {
    let mut header = vec!["month (YYYY-MM)".to_string(), "days (days)".to_string()];
    header.extend(
        MonthRow::MARKET_FIELDS
            .iter()
            .map(|f| format!("{} ({})", f.name, f.unit)),
    );
    for variant in ["plan", "baseline"] {
        header.extend(
            Flows::FIELDS
                .iter()
                .map(|f| format!("{variant}_{} ({})", f.name, f.unit)),
        );
    }
    let mut out = header.join(",") + "\n";
    for row in months {
        let mut cells = vec![row.month.to_string(), row.days.to_string()];
        let values = row
            .market_values()
            .into_iter()
            .chain(row.plan.values())
            .chain(row.baseline.values());
        cells.extend(values.map(number));
        out += &(cells.join(",") + "\n");
    }
    out
}

/// The yearly table: one row per calendar year, plan and baseline columns and the difference.
pub fn annual_csv(years: &[YearRow]) -> String {
    let mut header = vec!["year".to_string(), "months".to_string()];
    for variant in ["plan", "baseline"] {
        header.extend(
            YearTotals::FIELDS
                .iter()
                .map(|f| format!("{variant}_{} ({})", f.name, f.unit)),
        );
    }
    header.extend(["delta_cash_flow ($)".into(), "cumulative_delta ($)".into()]);
    let mut out = header.join(",") + "\n";
    for y in years {
        let mut cells = vec![y.year.to_string(), y.months.to_string()];
        let values = y
            .plan
            .values()
            .into_iter()
            .chain(y.baseline.values())
            .chain([y.delta_cash_flow, y.cumulative_delta]);
        cells.extend(values.map(number));
        out += &(cells.join(",") + "\n");
    }
    out
}

/// A number as the JSON report prints it.
fn number(v: f64) -> String {
    serde_json::to_string(&v).unwrap_or_default()
}
