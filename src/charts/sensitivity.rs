//! The tornado: how far the NPV advantage moves when each input moves ∓20 %.

use super::{err, palette, Error, LegendItem, Mark, MoneyAxis, Style};
use crate::analysis::{Tornado, SWING};
use crate::i18n::{fill, tr, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Legend entries.
pub fn legend(lang: Lang) -> Vec<LegendItem> {
    let pct = (SWING * 100.0).round().to_string();
    vec![
        LegendItem::new(
            fill(tr(lang, "Input −{pct} %"), &[("pct", &pct)]),
            palette::MINING,
            Mark::Band,
        ),
        LegendItem::new(
            fill(tr(lang, "Input +{pct} %"), &[("pct", &pct)]),
            palette::AI,
            Mark::Band,
        ),
        LegendItem::tr(lang, "Scenario", palette::BASELINE, Mark::Line),
    ]
}

/// Draws the tornado, widest bar on top.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    t: &Tornado,
    style: &Style,
) -> Result<(), Error> {
    area.fill(&WHITE).map_err(err)?;
    let lo = t
        .bars
        .iter()
        .map(|b| b.low.min(b.high))
        .fold(t.base, f64::min);
    let hi = t
        .bars
        .iter()
        .map(|b| b.low.max(b.high))
        .fold(t.base, f64::max);
    let axis = MoneyAxis::for_range(lo, hi);
    let pad = ((hi - lo) * 0.05).max(1.0);
    let (x0, x1) = ((lo - pad) / axis.divisor, (hi + pad) / axis.divisor);
    let rows = t.bars.len();
    let labels: Vec<&str> = t
        .bars
        .iter()
        .map(|b| tr(style.lang, b.key.def().label))
        .collect();
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(6.0))
        .margin_right(style.px(16.0))
        .x_label_area_size(style.px(34.0))
        .y_label_area_size(style.px(if style.compact { 110.0 } else { 150.0 }))
        .build_cartesian_2d(x0..x1, 0.0..rows as f64)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .bold_line_style(palette::GRID.stroke_width(style.px(1.0)))
        .light_line_style(TRANSPARENT)
        .axis_style(palette::BUILD.stroke_width(style.px(1.0)))
        .x_label_formatter(&|x| axis.tick(*x))
        .x_labels(if style.compact { 5 } else { 8 })
        .x_desc(fill(
            tr(style.lang, "NPV advantage of converting, {unit}"),
            &[("unit", axis.unit)],
        ))
        .y_labels(rows * 2 + 1)
        .y_label_formatter(&|y| {
            // Labels sit at the middle of each bar's row; row 0 is at the top.
            let f = y.fract();
            if (f - 0.5).abs() < 1e-6 {
                let row = rows - 1 - y.floor() as usize;
                labels.get(row).map(|l| l.to_string()).unwrap_or_default()
            } else {
                String::new()
            }
        })
        .label_style(style.font(12.0))
        .axis_desc_style(style.font(12.0))
        .draw()
        .map_err(err)?;
    let d = axis.divisor;
    let base = t.base / d;
    for (i, b) in t.bars.iter().enumerate() {
        let y = (rows - 1 - i) as f64;
        let (ya, yb) = (y + 0.18, y + 0.82);
        for (v, color) in [(b.low, palette::MINING), (b.high, palette::AI)] {
            let v = v / d;
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(base, ya), (v, yb)],
                    color.mix(0.85).filled(),
                )))
                .map_err(err)?;
        }
    }
    chart
        .draw_series(LineSeries::new(
            [(base, 0.0), (base, rows as f64)],
            palette::BASELINE.stroke_width(style.px(1.5)),
        ))
        .map_err(err)?;
    Ok(())
}
