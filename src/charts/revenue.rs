//! Revenue per month: the plan's mining and AI revenue stacked, against the keep-mining
//! baseline, with halvings and construction windows marked.

use super::{
    dashed, err, mark_construction, mark_halvings, palette, revenue_chart, xmap, Error, LegendItem,
    Mark, Style, XMap,
};
use crate::i18n::Lang;
use crate::model::Projection;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Legend entries.
pub fn legend(lang: Lang) -> Vec<LegendItem> {
    vec![
        LegendItem::tr(lang, "Plan: mining", palette::MINING, Mark::Band),
        LegendItem::tr(lang, "Plan: AI", palette::AI, Mark::Band),
        LegendItem::tr(lang, "Keep mining", palette::BASELINE, Mark::Dashed),
        LegendItem::tr(lang, "Construction", palette::BUILD, Mark::Band),
        LegendItem::tr(lang, "Halving", palette::HALVING, Mark::Dashed),
    ]
}

/// Draws the chart; returns the hover map.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Projection,
    style: &Style,
) -> Result<XMap, Error> {
    let n = p.months.len();
    let hi = p
        .months
        .iter()
        .map(|r| r.plan.revenue().max(r.baseline.revenue()))
        .fold(0.0, f64::max);
    let (mut chart, axis, top) = revenue_chart(area, style, p, n, hi)?;
    mark_construction(&mut chart, &p.tranches, n, (0.0, top))?;

    let d = axis.divisor;
    let mining: Vec<(i32, f64)> = p
        .months
        .iter()
        .enumerate()
        .map(|(m, r)| (m as i32, r.plan.mining_revenue / d))
        .collect();
    let total: Vec<(i32, f64)> = p
        .months
        .iter()
        .enumerate()
        .map(|(m, r)| (m as i32, r.plan.revenue() / d))
        .collect();
    // AI band: from the mining edge up to the total.
    let band: Vec<(i32, f64)> = total
        .iter()
        .copied()
        .chain(mining.iter().rev().copied())
        .collect();
    chart
        .draw_series(std::iter::once(Polygon::new(
            band,
            palette::AI.mix(0.35).filled(),
        )))
        .map_err(err)?;
    chart
        .draw_series(AreaSeries::new(
            mining.clone(),
            0.0,
            palette::MINING.mix(0.45).filled(),
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            mining,
            palette::MINING.stroke_width(style.px(1.5)),
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            total,
            palette::AI.stroke_width(style.px(2.0)),
        ))
        .map_err(err)?;
    let baseline = p
        .months
        .iter()
        .enumerate()
        .map(|(m, r)| (m as i32, r.baseline.revenue() / d));
    chart
        .draw_series(dashed(baseline, palette::BASELINE, style))
        .map_err(err)?;
    mark_halvings(&mut chart, &p.halving_months, (0.0, top), style)?;
    Ok(xmap(&chart, n))
}
