//! Hashprice ($/PH/day, left axis) and BTC price ($, right axis), halvings marked.

use super::{
    build_time_chart, dashed, err, mark_halvings, palette, time_mesh, xmap, Error, LegendItem,
    Mark, Style, TimeAxis, XMap,
};
use crate::format;
use crate::i18n::{tr, Lang};
use crate::model::Projection;
use crate::scenario::Key;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Legend entries.
pub fn legend(lang: Lang) -> Vec<LegendItem> {
    vec![
        LegendItem::tr(
            lang,
            "Hashprice ($/PH/day, left)",
            palette::HASHPRICE,
            Mark::Line,
        ),
        LegendItem::tr(lang, "BTC price ($k, right)", palette::BTC, Mark::Dashed),
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
    let hp_max = p
        .months
        .iter()
        .map(|r| r.hashprice_usd_ph_day)
        .fold(0.0, f64::max)
        * 1.1;
    let btc_max = p.months.iter().map(|r| r.btc_usd / 1e3).fold(0.0, f64::max) * 1.1;
    let decimals = |max: f64| {
        if max >= 20.0 {
            0
        } else if max >= 2.0 {
            1
        } else {
            2
        }
    };
    let (hp_dec, btc_dec) = (decimals(hp_max), decimals(btc_max));
    let time = TimeAxis {
        start: p.scenario.month(Key::Start),
        months: n,
    };
    let top = hp_max.max(1e-9);
    let right = if style.compact { 48.0 } else { 58.0 };
    let chart = build_time_chart(area, style, &time, 0.0..top, right)?;
    let x_max = n.max(2) as i32 - 1;
    // The secondary axis takes the right label area, so the primary mesh is drawn after it.
    let mut chart = chart.set_secondary_coord(
        (0..x_max).with_key_points(time.key_points(style.compact)),
        0.0..btc_max.max(1e-9),
    );
    time_mesh(
        &mut chart,
        style,
        &time,
        &|y| format::number(*y, hp_dec),
        tr(style.lang, "Hashprice, $/PH/day"),
    )?;
    chart
        .configure_secondary_axes()
        .y_desc(tr(style.lang, "BTC price, $k"))
        .y_label_formatter(&|y| format::number(*y, btc_dec))
        .y_labels(if style.compact { 5 } else { 7 })
        .label_style(style.font(12.0))
        .axis_desc_style(style.font(12.0))
        .axis_style(palette::BUILD.stroke_width(style.px(1.0)))
        .draw()
        .map_err(err)?;
    chart
        .draw_secondary_series(dashed(
            p.months
                .iter()
                .enumerate()
                .map(|(m, r)| (m as i32, r.btc_usd / 1e3)),
            palette::BTC,
            style,
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            p.months
                .iter()
                .enumerate()
                .map(|(m, r)| (m as i32, r.hashprice_usd_ph_day)),
            palette::HASHPRICE.stroke_width(style.px(2.5)),
        ))
        .map_err(err)?;
    mark_halvings(&mut chart, &p.halving_months, (0.0, top), style)?;
    Ok(xmap(&chart, n))
}
