//! Monte Carlo fan: per month the p10–p90 band and median of plan and baseline revenue.

use super::{
    dashed, err, mark_halvings, palette, revenue_chart, xmap, Error, LegendItem, Mark, Style, XMap,
};
use crate::analysis::MonteCarlo;
use crate::i18n::Lang;
use crate::model::Projection;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Legend entries.
pub fn legend(lang: Lang) -> Vec<LegendItem> {
    vec![
        LegendItem::tr(lang, "Plan p10–p90", palette::AI, Mark::Band),
        LegendItem::tr(lang, "Plan median", palette::AI, Mark::Line),
        LegendItem::tr(lang, "Keep mining p10–p90", palette::MINING, Mark::Band),
        LegendItem::tr(lang, "Keep mining median", palette::MINING, Mark::Dashed),
    ]
}

/// Draws the fan; returns the hover map.
pub fn draw<DB: DrawingBackend>(
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
    for (pick, color) in [(0usize, palette::MINING), (1, palette::AI)] {
        let q = |f: &crate::analysis::FanMonth, i: usize| if pick == 1 { f.plan[i] } else { f.baseline[i] } / d;
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
