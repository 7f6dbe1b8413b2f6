//! Cumulative cash flow, plan versus keep-mining, with the payback month marked.

use super::{
    dashed, err, mark_halvings, palette, time_chart, xmap, Error, LegendItem, Mark, MoneyAxis,
    Style, TimeAxis, XMap,
};
use crate::i18n::{fill, month_label, tr, Lang};
use crate::model::Projection;
use crate::scenario::Key;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Legend entries.
pub fn legend(lang: Lang) -> Vec<LegendItem> {
    vec![
        LegendItem::tr(lang, "Plan (convert)", palette::AI, Mark::Line),
        LegendItem::tr(lang, "Keep mining", palette::BASELINE, Mark::Dashed),
        LegendItem::tr(lang, "Payback", palette::HASHPRICE, Mark::Line),
        LegendItem::tr(lang, "Halving", palette::HALVING, Mark::Dashed),
    ]
}

/// Cumulative sums of a series.
pub fn cumulative(values: impl Iterator<Item = f64>) -> Vec<f64> {
    values
        .scan(0.0, |acc, v| {
            *acc += v;
            Some(*acc)
        })
        .collect()
}

/// Draws the chart; returns the hover map.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Projection,
    style: &Style,
) -> Result<XMap, Error> {
    let n = p.months.len();
    let plan = cumulative(p.months.iter().map(|r| r.plan.cash_flow));
    let base = cumulative(p.months.iter().map(|r| r.baseline.cash_flow));
    let lo = plan.iter().chain(&base).fold(0.0f64, |a, &b| a.min(b));
    let hi = plan.iter().chain(&base).fold(0.0f64, |a, &b| a.max(b));
    let axis = MoneyAxis::for_range(lo, hi);
    let pad = ((hi - lo) / axis.divisor * 0.08).max(1e-6);
    let (y0, y1) = (lo / axis.divisor - pad, hi / axis.divisor + pad);
    let time = TimeAxis {
        start: p.scenario.month(Key::Start),
        months: n,
    };
    let desc = fill(
        tr(style.lang, "Cumulative cash, {unit}"),
        &[("unit", axis.unit)],
    );
    let mut chart = time_chart(area, style, &time, y0..y1, &|y| axis.tick(*y), &desc)?;
    let last = n.max(2) as i32 - 1;
    chart
        .draw_series(LineSeries::new(
            [(0, 0.0), (last, 0.0)],
            palette::BUILD.stroke_width(style.px(1.0)),
        ))
        .map_err(err)?;
    mark_halvings(&mut chart, &p.halving_months, (y0, y1), style)?;
    if let Some(month) = p.summary.payback_month {
        let x = p.scenario.month(Key::Start).months_until(month);
        chart
            .draw_series(LineSeries::new(
                [(x, y0), (x, y1)],
                palette::HASHPRICE.stroke_width(style.px(2.0)),
            ))
            .map_err(err)?;
        let anchor = if x * 10 > last * 7 {
            HPos::Right
        } else {
            HPos::Left
        };
        let label = fill(
            tr(style.lang, " payback {month} "),
            &[("month", &month_label(month, style.lang))],
        );
        chart
            .draw_series(std::iter::once(Text::new(
                label,
                (x, y0),
                style
                    .font(12.0)
                    .color(&palette::HASHPRICE)
                    .pos(Pos::new(anchor, VPos::Bottom)),
            )))
            .map_err(err)?;
    }
    let d = axis.divisor;
    chart
        .draw_series(dashed(
            base.iter().enumerate().map(|(m, v)| (m as i32, v / d)),
            palette::BASELINE,
            style,
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            plan.iter().enumerate().map(|(m, v)| (m as i32, v / d)),
            palette::AI.stroke_width(style.px(2.5)),
        ))
        .map_err(err)?;
    Ok(xmap(&chart, n))
}
