//! The tornado: how far the NPV advantage moves when each input moves ∓20 %.

use super::{
    err, Colors, ChartDef, ChartId, Error, Input, LegendItem, Mark, MoneyAxis, Needs, Style, Table,
    XMap,
};
use crate::analysis::SWING;
use crate::i18n::{Lang, Msg};
use crate::scenario::{format_number, Key};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The registry entry.
pub const CHART: ChartDef = ChartDef {
    id: ChartId::Sensitivity,
    name: "sensitivity",
    title: Msg::ChartSensitivity,
    caption: Msg::CaptionSensitivity,
    needs: Needs::Tornado,
    pinned: false,
    legend,
    table,
    readout: None,
};

/// The swing in percent, as text.
fn pct() -> String {
    format_number((SWING * 100.0).round())
}

fn legend(lang: Lang, p: &Colors) -> Vec<LegendItem> {
    let pct = pct();
    vec![
        LegendItem::new(
            lang.fill(Msg::LegendInputDown, &[("pct", &pct)]),
            p.mining,
            Mark::Band,
        ),
        LegendItem::new(
            lang.fill(Msg::LegendInputUp, &[("pct", &pct)]),
            p.ai,
            Mark::Band,
        ),
        LegendItem::msg(lang, Msg::LegendScenario, p.baseline, Mark::Line),
    ]
}

/// A key's value with its unit, as people read it.
fn with_unit(key: Key, v: f64, lang: Lang) -> String {
    let number = lang.fmt().number(v, 4);
    match key.def().unit {
        Some(unit) => format!("{number} {}", lang.t(unit)),
        None => number,
    }
}

/// One row per bar, widest first.
fn table(input: &Input, lang: Lang) -> Table {
    let (f, pct) = (lang.fmt(), pct());
    let Some(t) = input.tornado else {
        return Table::default();
    };
    Table {
        columns: vec![
            lang.t(Msg::Input).to_string(),
            lang.fill(Msg::ValueAtLow, &[("pct", &pct)]),
            lang.fill(Msg::ValueAtHigh, &[("pct", &pct)]),
            lang.fill(Msg::NpvAtLow, &[("pct", &pct)]),
            lang.fill(Msg::NpvAtHigh, &[("pct", &pct)]),
        ],
        rows: t
            .bars
            .iter()
            .map(|b| {
                vec![
                    lang.t(b.key.def().label).to_string(),
                    with_unit(b.key, b.low_value, lang),
                    with_unit(b.key, b.high_value, lang),
                    f.money(b.low),
                    f.money(b.high),
                ]
            })
            .collect(),
    }
}

/// Draws the tornado, widest bar on top.
pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &Input,
    style: &Style,
) -> Result<Option<XMap>, Error> {
    let Some(t) = input.tornado else {
        return Err("the tornado was not computed".into());
    };
    area.fill(&style.colors.background).map_err(err)?;
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
    let labels: Vec<&str> = t.bars.iter().map(|b| style.t(b.key.def().label)).collect();
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
        .bold_line_style(style.colors.grid.stroke_width(style.px(1.0)))
        .light_line_style(TRANSPARENT)
        .axis_style(style.colors.build.stroke_width(style.px(1.0)))
        .x_label_formatter(&|x| axis.tick(*x, style.lang.fmt()))
        .x_labels(if style.compact { 5 } else { 8 })
        .x_desc(
            style
                .lang
                .fill(Msg::AxisNpvAdvantage, &[("unit", axis.unit(style.lang.fmt()))]),
        )
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
        for (v, color) in [(b.low, style.colors.mining), (b.high, style.colors.ai)] {
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
            style.colors.baseline.stroke_width(style.px(1.5)),
        ))
        .map_err(err)?;
    Ok(None)
}
