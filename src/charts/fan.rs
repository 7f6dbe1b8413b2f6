//! Monte Carlo fan: per month the p10–p90 band and median of plan and baseline revenue. The
//! plan's band carries the BTC price's risk and, with `aivol > 0`, the AI rate's; keep mining's
//! the BTC price's only (ECONOMICS.md §10): the legend, the table and the read-out say which.

use super::frame::{dashed, halving_item, mark_halvings, no_run, revenue_chart, xmap};
use super::{
    err, month_readout, years, ChartDef, ChartId, Colors, Error, Input, LegendItem, Mark, Readout,
    Style, Table, XMap,
};
use crate::analysis::{FanMonth, Kind, MonteCarlo};
use crate::i18n::{Lang, Msg};
use crate::model::Projection;
use crate::scenario::Key;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The registry entry.
pub const CHART: ChartDef = ChartDef {
    id: ChartId::Fan,
    name: "fan",
    title: Msg::ChartFan,
    caption: Msg::CaptionFan,
    needs: &[Kind::MonteCarlo],
    pinned: false,
    legend,
    table,
    table_rows: Some(Msg::TableRowsYearLastMonth),
    readout: Some(readout),
};

fn legend(p: &Projection, lang: Lang, c: &Colors) -> Vec<LegendItem> {
    // With Monte Carlo off (`mc=0`) the chart only says so.
    if p.scenario.get(Key::Mc) == 0.0 {
        return Vec::new();
    }
    let mut items = vec![
        LegendItem::msg(lang, plan_risk(p).0, c.ai, Mark::Band),
        LegendItem::msg(lang, Msg::LegendPlanMedian, c.ai, Mark::Line),
        LegendItem::msg(lang, Msg::LegendKeepMiningBand, c.mining, Mark::Band),
        LegendItem::msg(lang, Msg::LegendKeepMiningMedian, c.mining, Mark::Dashed),
    ];
    items.extend(halving_item(p, lang, c));
    items
}

/// The messages naming the plan's band and its percentiles: BTC and AI-rate risk where the AI
/// rate moves (`aivol > 0`), BTC risk alone otherwise.
fn plan_risk(p: &Projection) -> (Msg, Msg) {
    if p.scenario.get(Key::Aivol) > 0.0 {
        (Msg::LegendPlanBandAiRate, Msg::PlanPercentilesAiRate)
    } else {
        (Msg::LegendPlanBand, Msg::PlanPercentiles)
    }
}

/// The Monte Carlo result when it belongs to the projection shown.
fn fan<'a>(input: &Input<'a>) -> Option<&'a MonteCarlo> {
    input
        .monte_carlo
        .filter(|mc| mc.fan.len() == input.projection.months.len())
}

/// p10 / p50 / p90 of plan and baseline revenue in a month, as text.
fn percentiles(f: &FanMonth, lang: Lang) -> [String; 2] {
    let fmt = lang.fmt();
    [f.plan, f.baseline].map(|q| q.map(|v| fmt.money(v)).join(" / "))
}

/// The percentiles in the last month of each calendar year.
fn table(input: &Input, lang: Lang) -> Table {
    let Some(mc) = fan(input) else {
        return Table::default();
    };
    let p = input.projection;
    Table {
        columns: [Msg::Month, plan_risk(p).1, Msg::KeepMiningPercentiles]
            .map(|m| lang.t(m).to_string())
            .to_vec(),
        rows: years(p)
            .into_iter()
            .map(|(_, r)| {
                let m = r.end - 1;
                let [plan, base] = percentiles(&mc.fan[m], lang);
                vec![lang.fmt().month(p.months[m].month), plan, base]
            })
            .collect(),
    }
}

fn readout(input: &Input, m: usize, lang: Lang) -> Option<Readout> {
    month_readout(input, m, lang, || rows(input, m, lang))
}

fn rows(input: &Input, m: usize, lang: Lang) -> Vec<(String, String)> {
    let Some(mc) = fan(input) else {
        return Vec::new();
    };
    let [plan, base] = percentiles(&mc.fan[m], lang);
    vec![
        (lang.t(plan_risk(input.projection).1).to_string(), plan),
        (lang.t(Msg::KeepMiningPercentiles).to_string(), base),
    ]
}

/// Draws the fan, or says why there is none; returns the hover map when drawn.
pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &Input,
    style: &Style,
) -> Result<Option<XMap>, Error> {
    let p = input.projection;
    match fan(input) {
        Some(mc) => draw_fan(area, p, mc, style).map(Some),
        None => no_run(area, p, style),
    }
}

fn draw_fan<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Projection,
    mc: &MonteCarlo,
    style: &Style,
) -> Result<XMap, Error> {
    let n = mc.fan.len();
    let hi = mc
        .fan
        .iter()
        .map(|f| f.plan[2].max(f.baseline[2]))
        .fold(0.0, f64::max);
    let (mut chart, axis, top) = revenue_chart(area, style, p, n, hi)?;
    let d = axis.divisor;
    for (pick, color) in [(0usize, style.colors.mining), (1, style.colors.ai)] {
        let q = |f: &FanMonth, i: usize| if pick == 1 { f.plan[i] } else { f.baseline[i] } / d;
        let upper = mc.fan.iter().enumerate().map(|(m, f)| (m as i32, q(f, 2)));
        let lower: Vec<(i32, f64)> = mc
            .fan
            .iter()
            .enumerate()
            .map(|(m, f)| (m as i32, q(f, 0)))
            .collect();
        let band: Vec<(i32, f64)> = upper.chain(lower.into_iter().rev()).collect();
        chart
            .draw_series(std::iter::once(Polygon::new(
                band,
                color.mix(0.25).filled(),
            )))
            .map_err(err)?;
        let median = mc.fan.iter().enumerate().map(|(m, f)| (m as i32, q(f, 1)));
        if pick == 1 {
            chart
                .draw_series(LineSeries::new(median, color.stroke_width(style.px(2.5))))
                .map_err(err)?;
        } else {
            chart
                .draw_series(dashed(median, color, style))
                .map_err(err)?;
        }
    }
    mark_halvings(&mut chart, &p.halving_months, (0.0, top), style)?;
    Ok(xmap(&chart, n))
}
