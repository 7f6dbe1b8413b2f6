//! The report of ECONOMICS.md §11 in its three formats: the JSON report, the monthly CSV and the
//! yearly CSV. The CLI prints them and the explorer downloads them, byte for byte the same.

use crate::analysis::{Analyses, Breakeven, BreakevenMap, Kind, MonteCarlo, Tornado};
use crate::i18n::Lang;
use crate::i18n::WarningText;
use crate::model::{self, Flows, MonthRow, Projection, Summary, YearRow, YearTotals};
use crate::scenario::{canonical_query, Parsed, SCHEMA};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// Cells per side of the break-even map in the report.
pub const MAP_CELLS: usize = 41;

/// The JSON report.
#[derive(Serialize)]
struct Report<'a> {
    schema: u32,
    query: String,
    warnings: Vec<String>,
    months: &'a [MonthRow],
    years: &'a [YearRow],
    summary: &'a Summary,
    monte_carlo: Option<&'a MonteCarlo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    analysis: Option<Section<'a>>,
}

/// The `analysis` object: the kinds asked for, in the order of [`Kind::ALL`] (ECONOMICS.md
/// §11), each under its [`Kind::name`]. Monte Carlo is never here: the report always has it.
struct Section<'a> {
    analyses: &'a Analyses<&'a Projection>,
    kinds: Vec<Kind>,
}

impl<'a> Section<'a> {
    /// The section of the kinds in `with` (in any order, perhaps repeated); `None` when none
    /// goes in it.
    fn of(analyses: &'a Analyses<&'a Projection>, with: &[Kind]) -> Option<Self> {
        let kinds: Vec<Kind> = (Kind::ALL.into_iter())
            .filter(|k| *k != Kind::MonteCarlo && with.contains(k))
            .collect();
        (!kinds.is_empty()).then_some(Section { analyses, kinds })
    }
}

impl Serialize for Section<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.analyses;
        let mut out = serializer.serialize_map(Some(self.kinds.len()))?;
        for &kind in &self.kinds {
            let name = kind.name();
            match kind {
                Kind::Tornado => out.serialize_entry(name, &tornado_bars(a.tornado()))?,
                Kind::Map => out.serialize_entry(name, &Map::of(a.map()))?,
                Kind::Rates => out.serialize_entry(name, a.rates())?,
                Kind::Timing => out.serialize_entry(name, a.timing())?,
                Kind::Breakevens => out.serialize_entry(name, &breakeven_rows(a.breakevens()))?,
                Kind::MonteCarlo => {}
            }
        }
        out.end()
    }
}

#[derive(Serialize)]
struct TornadoBar {
    key: &'static str,
    low_value: f64,
    high_value: f64,
    low: f64,
    high: f64,
}

fn tornado_bars(t: &Tornado) -> Vec<TornadoBar> {
    (t.bars.iter())
        .map(|b| TornadoBar {
            key: b.key.name(),
            low_value: b.low_value,
            high_value: b.high_value,
            low: b.low,
            high: b.high,
        })
        .collect()
}

#[derive(Serialize)]
struct BreakevenRow {
    key: &'static str,
    value: f64,
    break_even: Option<f64>,
}

fn breakeven_rows(list: &[Breakeven]) -> Vec<BreakevenRow> {
    (list.iter())
        .map(|b| BreakevenRow {
            key: b.key.name(),
            value: b.value,
            break_even: b.break_even,
        })
        .collect()
}

#[derive(Serialize)]
struct Map<'a> {
    btc_usd: &'a [f64],
    ai_rate: &'a [f64],
    npv_advantage: Vec<&'a [f64]>,
}

impl<'a> Map<'a> {
    fn of(map: &'a BreakevenMap) -> Self {
        Map {
            btc_usd: &map.btc_prices,
            ai_rate: &map.ai_rates,
            npv_advantage: map.values.chunks(map.btc_prices.len()).collect(),
        }
    }
}

/// The JSON report of a parsed query and its projection, with the analyses in `with` (Monte
/// Carlo, always in the report, need not be among them). Monte Carlo is run unless
/// `monte_carlo` is the run already made for this projection's scenario.
pub fn json(
    parsed: &Parsed,
    p: &Projection,
    monte_carlo: Option<&MonteCarlo>,
    with: &[Kind],
) -> String {
    let analyses = Analyses::new(p, MAP_CELLS);
    let analyses = match monte_carlo {
        Some(run) => analyses.with_monte_carlo(run.clone()),
        None => analyses,
    };
    let report = Report {
        schema: SCHEMA,
        query: canonical_query(&parsed.scenario),
        warnings: (parsed.warnings.iter())
            .map(|w| crate::i18n::plain(&w.text(Lang::En)))
            .collect(),
        months: &p.months,
        years: &p.years,
        summary: &p.summary,
        monte_carlo: analyses.monte_carlo(),
        analysis: Section::of(&analyses, with),
    };
    let mut out = serde_json::to_string_pretty(&report).expect("a report always serialises");
    out.push('\n');
    out
}

/// The JSON report of a query, as `hashshift run QUERY --format json` prints it.
pub fn json_of(query: &str, with: &[Kind]) -> String {
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

/// The yearly table: one row per calendar year, plan and baseline columns, the difference and
/// the lenders' cover (an empty cell where a year has none).
pub fn annual_csv(years: &[YearRow]) -> String {
    let mut header = vec!["year".to_string(), "months".to_string()];
    for variant in ["plan", "baseline"] {
        header.extend(
            YearTotals::FIELDS
                .iter()
                .map(|f| format!("{variant}_{} ({})", f.name, f.unit)),
        );
    }
    header.extend(
        YearRow::FIELDS
            .iter()
            .map(|f| format!("{} ({})", f.name, f.unit)),
    );
    let mut out = header.join(",") + "\n";
    for y in years {
        let mut cells = vec![y.year.to_string(), y.months.to_string()];
        let values = y.plan.values().into_iter().chain(y.baseline.values());
        cells.extend(values.map(number));
        cells.extend(y.values().map(|v| v.map(number).unwrap_or_default()));
        out += &(cells.join(",") + "\n");
    }
    out
}

/// A number as the JSON report prints it.
fn number(v: f64) -> String {
    serde_json::to_string(&v).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys of the report's `analysis` object for `with`, in their order; `None` without one.
    fn analysis_keys(with: &[Kind]) -> Option<Vec<String>> {
        let report: serde_json::Value = serde_json::from_str(&json_of("years=2", with)).unwrap();
        let section = report.get("analysis")?.as_object().unwrap();
        Some(section.keys().cloned().collect())
    }

    #[test]
    fn the_analysis_object_holds_each_kind_asked_once_in_the_reports_order() {
        assert_eq!(analysis_keys(&[]), None);
        // Monte Carlo is the report's own `monte_carlo`, never in `analysis`.
        assert_eq!(analysis_keys(&[Kind::MonteCarlo]), None);
        let asked = [Kind::Timing, Kind::MonteCarlo, Kind::Tornado, Kind::Timing];
        assert_eq!(
            analysis_keys(&asked),
            Some(vec!["tornado".to_string(), "timing".to_string()])
        );
        let asked = [Kind::Breakevens, Kind::Rates];
        assert_eq!(
            analysis_keys(&asked),
            Some(vec!["rates".to_string(), "breakevens".to_string()])
        );
    }

    #[test]
    fn the_breakevens_are_key_value_and_break_even_with_null_for_none() {
        let report: serde_json::Value =
            serde_json::from_str(&json_of("ai=colo", &[Kind::Breakevens])).unwrap();
        let rows = report["analysis"]["breakevens"].as_array().unwrap();
        let firm = rows.iter().find(|r| r["key"] == "firm").unwrap();
        let names: Vec<&str> = firm
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(names, ["key", "value", "break_even"]);
        // The tenant pays the hall's power: the firm premium never turns the advantage.
        assert_eq!(
            (firm["value"].as_f64(), firm["break_even"].is_null()),
            (Some(10.0), true)
        );
        let colo = rows.iter().find(|r| r["key"] == "colo").unwrap();
        assert!(colo["break_even"].as_f64().is_some());
    }
}
