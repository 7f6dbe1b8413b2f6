//! What hovering a time chart shows for one month: a title and labelled values.

use crate::analysis::MonteCarlo;
use crate::format;
use crate::i18n::{month_label, tr, Lang};
use crate::model::Projection;
use crate::scenario::Tab;

/// The read-out of month `m` for a time chart in `lang`: (title, rows of label and value).
pub fn readout(
    lang: Lang,
    tab: Tab,
    p: &Projection,
    mc: Option<&MonteCarlo>,
    m: usize,
) -> (String, Vec<(String, String)>) {
    let Some(row) = p.months.get(m) else {
        return (String::new(), Vec::new());
    };
    let title = month_label(row.month, lang);
    let pair = |label: &'static str, value: String| (tr(lang, label).to_string(), value);
    let rows = match tab {
        Tab::Revenue => {
            let mut rows = vec![
                pair("Plan: mining", format::money(row.plan.mining_revenue)),
                pair("Plan: AI", format::money(row.plan.ai_revenue)),
                pair("Plan: total", format::money(row.plan.revenue())),
                pair("Keep mining", format::money(row.baseline.revenue())),
            ];
            let building: f64 = p
                .tranches
                .iter()
                .filter(|t| (t.build_start..t.live).contains(&m))
                .map(|t| t.mw)
                .sum();
            if building > 0.0 {
                rows.push(pair(
                    "Under construction",
                    format!("{} MW", format::number(building, 1)),
                ));
            }
            rows
        }
        Tab::Cash => {
            let plan: f64 = p.months[..=m].iter().map(|r| r.plan.cash_flow).sum();
            let base: f64 = p.months[..=m].iter().map(|r| r.baseline.cash_flow).sum();
            vec![
                pair("Plan, cumulative", format::money(plan)),
                pair("Keep mining, cumulative", format::money(base)),
                pair("Difference", format::money(plan - base)),
            ]
        }
        Tab::Hashprice => vec![
            pair(
                "Hashprice",
                format!("${}/PH/day", format::number(row.hashprice_usd_ph_day, 2)),
            ),
            pair("BTC price", format::dollars(row.btc_usd)),
            pair(
                "Network",
                format!("{} EH/s", format::number(row.network_ehs, 0)),
            ),
            pair(
                "Subsidy",
                format!("{} BTC/block", format::number(row.subsidy_btc, 4)),
            ),
        ],
        Tab::Fan => match mc.and_then(|mc| mc.fan.get(m)) {
            Some(f) => vec![
                pair(
                    "Plan p10 / p50 / p90",
                    f.plan.map(format::money).join(" / "),
                ),
                pair(
                    "Keep mining p10 / p50 / p90",
                    f.baseline.map(format::money).join(" / "),
                ),
            ],
            None => Vec::new(),
        },
        Tab::Sensitivity | Tab::Map => Vec::new(),
    };
    (title, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::scenario::Scenario;

    #[test]
    fn revenue_readout_of_the_first_month() {
        let p = model::run(&Scenario::default());
        let (title, rows) = readout(Lang::En, Tab::Revenue, &p, None, 0);
        assert_eq!(title, "Jan 2026");
        assert_eq!(rows[3], ("Keep mining".to_string(), "$5.83 M".to_string()));
        assert_eq!(rows[4].0, "Under construction");
        let (_, rows) = readout(Lang::En, Tab::Cash, &p, None, 119);
        assert_eq!(
            rows[2].1,
            format::money(p.summary.plan.cash_flow - p.summary.baseline.cash_flow)
        );
        assert!(readout(Lang::En, Tab::Hashprice, &p, None, 500)
            .1
            .is_empty());
    }
}
