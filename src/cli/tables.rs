//! The CLI's CSV tables: one row per month, plan and baseline columns, units in the headers
//! (from the model's field tables).

use hashshift::model::{Flows, MonthRow};
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

/// A number as the JSON output prints it.
fn number(v: f64) -> String {
    serde_json::to_string(&v).unwrap_or_default()
}
