//! The CLI's CSV tables: one row per month or per calendar year, plan and baseline columns,
//! units in the headers (from the model's field tables).

use hashshift::model::{Flows, MonthRow, YearRow, YearTotals};
use std::io::{self, Write};

/// The monthly table.
pub fn monthly(months: &[MonthRow], out: &mut impl Write) -> io::Result<()> {
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
    writeln!(out, "{}", header.join(","))?;
    for row in months {
        let mut cells = vec![row.month.to_string(), row.days.to_string()];
        let values = row
            .market_values()
            .into_iter()
            .chain(row.plan.values())
            .chain(row.baseline.values());
        cells.extend(values.map(number));
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

/// The yearly table.
pub fn annual(years: &[YearRow], out: &mut impl Write) -> io::Result<()> {
    let mut header = vec!["year".to_string(), "months".to_string()];
    for variant in ["plan", "baseline"] {
        header.extend(
            YearTotals::FIELDS
                .iter()
                .map(|f| format!("{variant}_{} ({})", f.name, f.unit)),
        );
    }
    header.extend(["delta_cash_flow ($)".into(), "cumulative_delta ($)".into()]);
    writeln!(out, "{}", header.join(","))?;
    for y in years {
        let mut cells = vec![y.year.to_string(), y.months.to_string()];
        let values = y
            .plan
            .values()
            .into_iter()
            .chain(y.baseline.values())
            .chain([y.delta_cash_flow, y.cumulative_delta]);
        cells.extend(values.map(number));
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

/// A number as the JSON output prints it.
fn number(v: f64) -> String {
    serde_json::to_string(&v).unwrap_or_default()
}
