//! The tornado: how far the NPV advantage moves when each input moves ∓20 %.

use super::frame::{caption_that_fits, fitted};
use super::{
    err, ChartDef, ChartId, Colors, Error, Input, LegendItem, Mark, MoneyAxis, Style, Table, XMap,
};
use crate::analysis::{Kind, SWING};
use crate::i18n::KeyText;
use crate::i18n::{Lang, Msg};
use crate::model::Projection;
use crate::scenario::format_number;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The registry entry.
pub const CHART: ChartDef = ChartDef {
    id: ChartId::Sensitivity,
    name: "sensitivity",
    title: Msg::ChartSensitivity,
    caption: Msg::CaptionSensitivity,
    needs: &[Kind::Tornado],
    pinned: false,
    legend,
    table,
    table_rows: None,
    readout: None,
};

/// The swing in percent, as text.
fn pct() -> String {
    format_number((SWING * 100.0).round())
}

fn legend(_: &Projection, lang: Lang, c: &Colors) -> Vec<LegendItem> {
    let pct = pct();
    vec![
        LegendItem::new(
            lang.fill(Msg::LegendInputDown, &[("pct", &pct)]),
            c.mining,
            Mark::Bar,
        ),
        LegendItem::new(
            lang.fill(Msg::LegendInputUp, &[("pct", &pct)]),
            c.ai,
            Mark::Bar,
        ),
        LegendItem::msg(lang, Msg::LegendScenario, c.baseline, Mark::Line),
    ]
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
                    b.key.with_unit(b.low_value, 4, lang),
                    b.key.with_unit(b.high_value, 4, lang),
                    f.money(b.low),
                    f.money(b.high),
                ]
            })
            .collect(),
    }
}

/// The axis' caption, centred under the bars (`room` px wide, by `width`): its unit, and when
/// only the widest `shown` of `all` rows fit, how many; shorter when the whole caption would
/// not fit (an Italian embed on a narrow phone), and cut with an ellipsis as a last resort.
fn axis_caption(
    lang: Lang,
    unit: &str,
    (shown, all): (usize, usize),
    room: u32,
    width: &dyn Fn(&str) -> u32,
) -> String {
    let (whole, short) = if shown == all {
        (Msg::AxisNpvAdvantage, Msg::AxisNpvAdvantageShort)
    } else {
        (Msg::AxisNpvAdvantageTop, Msg::AxisNpvAdvantageTopShort)
    };
    let slots = [
        ("unit", unit),
        ("shown", &shown.to_string()),
        ("all", &all.to_string()),
    ];
    caption_that_fits(&[whole, short].map(|m| lang.fill(m, &slots)), room, width)
}

/// How many of `bars` rows fit in `plot` px of height at `row` px a row: all of them when
/// they fit, else as many as fit, and never fewer than three (or all, when fewer).
fn rows_that_fit(bars: usize, plot: u32, row: u32) -> usize {
    let fit = (plot / row.max(1)) as usize;
    fit.clamp(bars.min(3), bars)
}

/// Draws the tornado, widest bar on top; in a chart too short for a row per input (an embed of
/// fixed height), the widest bars that fit at 14 px a row, and the axis says how many of all are
/// shown (the data table has every row).
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
    let (margin, x_label_area) = (style.px(6.0), style.px(34.0));
    let plot = area
        .dim_in_pixel()
        .1
        .saturating_sub(2 * margin + x_label_area);
    let rows = rows_that_fit(t.bars.len(), plot, style.px(14.0));
    let bars = &t.bars[..rows];
    // The label area fits the widest input's name, up to 38 % of the chart (so that the axis'
    // caption, centred under the bars, fits too); a name wider than that is shortened with an
    // ellipsis (the data table has it whole). The x axis has a label per 70 px or so.
    let font = style.font(12.0);
    let width = |text: &str| area.estimate_text_size(text, &font).map_or(0, |(w, _)| w);
    let full = area.dim_in_pixel().0;
    let room = (f64::from(full) * 0.38) as u32;
    let labels: Vec<String> = bars
        .iter()
        .map(|b| fitted(style.t(b.key.def().label), room, &width))
        .collect();
    let label_area = labels.iter().map(|l| width(l)).max().unwrap_or(0) + style.px(8.0);
    let x_labels = two_labels_at_least(
        x0..x1,
        (full.saturating_sub(label_area) / style.px(70.0)).clamp(2, 8) as usize,
    );
    let margin_right = style.px(16.0);
    let under_bars = full.saturating_sub(label_area + margin + margin_right);
    let caption = axis_caption(
        style.lang,
        axis.unit(style.lang.fmt()),
        (rows, t.bars.len()),
        under_bars,
        &width,
    );
    let mut chart = ChartBuilder::on(area)
        .margin(margin)
        .margin_right(margin_right)
        .x_label_area_size(x_label_area)
        .y_label_area_size(label_area)
        .build_cartesian_2d(x0..x1, 0.0..rows as f64)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .bold_line_style(style.colors.grid.stroke_width(style.px(1.0)))
        .light_line_style(TRANSPARENT)
        .axis_style(style.colors.build.stroke_width(style.px(1.0)))
        .x_label_formatter(&|x| axis.tick(*x, style.lang.fmt()))
        .x_labels(x_labels)
        .x_desc(caption)
        .y_labels(rows * 2 + 1)
        .y_label_formatter(&|y| {
            // Labels sit at the middle of each bar's row; row 0 is at the top.
            let f = y.fract();
            if (f - 0.5).abs() < 1e-6 {
                let row = rows - 1 - y.floor() as usize;
                labels.get(row).cloned().unwrap_or_default()
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
    // The low bars, then the high ones (one fill colour after the other; rows do not overlap,
    // and in a row the high bar is still drawn over the low one).
    for (high, color) in [(false, style.colors.mining), (true, style.colors.ai)] {
        let bars = bars.iter().enumerate().map(|(i, b)| {
            let y = (rows - 1 - i) as f64;
            let v = if high { b.high } else { b.low };
            Rectangle::new(
                [(base, y + 0.18), (v / d, y + 0.82)],
                color.mix(0.85).filled(),
            )
        });
        chart.draw_series(bars).map_err(err)?;
    }
    chart
        .draw_series(LineSeries::new(
            [(base, 0.0), (base, rows as f64)],
            style.colors.baseline.stroke_width(style.px(1.5)),
        ))
        .map_err(err)?;
    // An input at 0 does not move (∓20 % of nothing): its row says so rather than stay empty,
    // on the side of the scenario's line with more room, shortened to fit it.
    let scenario = &input.projection.scenario;
    let still_at = |b: &crate::analysis::Bar| scenario.get(b.key) == 0.0;
    if !bars.iter().any(still_at) {
        return Ok(None);
    }
    let (x_px, base_px) = (
        chart.plotting_area().get_pixel_range().0,
        chart.backend_coord(&(base, 0.0)).0,
    );
    let gap = style.px(6.0) as i32;
    let (left, right) = (base_px - x_px.start - gap, x_px.end - base_px - gap);
    let (anchor, offset) = if right >= left {
        (HPos::Left, gap)
    } else {
        (HPos::Right, -gap)
    };
    let still = [Msg::TornadoStill, Msg::TornadoStillShort].map(|m| style.t(m).to_string());
    let still = caption_that_fits(&still, u32::try_from(left.max(right)).unwrap_or(0), &width);
    // No note at all where not even "…" and a letter fit.
    let room_for_note = still.chars().count() > 2;
    let notes = (bars.iter().enumerate()).filter(|(_, b)| room_for_note && still_at(b));
    let notes = notes.map(|(i, _)| {
        let y = (rows - 1 - i) as f64 + 0.5;
        let font = style.font(12.0).color(&style.colors.text);
        let font = font.pos(Pos::new(anchor, VPos::Center));
        EmptyElement::at((base, y)) + Text::new(still.clone(), (offset, 0), font)
    });
    chart.draw_series(notes).map_err(err)?;
    Ok(None)
}

/// How many x labels to ask plotters for on `range` (in the axis' units, e.g. $M): `wanted`, or
/// more where its round steps would give fewer than two (on −30…410 two labels come out as a
/// single `0`, and the bars cannot be read off the axis; three give 0, 200 and 400).
fn two_labels_at_least(range: std::ops::Range<f64>, wanted: usize) -> usize {
    let coord = RangedCoordf64::from(range);
    (wanted..wanted + 8)
        .find(|&n| coord.key_points(n).len() >= 2)
        .unwrap_or(wanted)
}

#[cfg(test)]
mod tests {
    use super::{axis_caption, fitted, rows_that_fit, two_labels_at_least};
    use crate::i18n::Lang;
    use crate::scenario::{AiModel, Key};

    #[test]
    fn the_axis_has_two_labels_at_least() {
        use plotters::coord::types::RangedCoordf64;
        use plotters::prelude::Ranged;
        let points = |range: std::ops::Range<f64>, n| RangedCoordf64::from(range).key_points(n);
        // Plotters' round steps: on −30…410 a hint of 2 gives 0 alone (a step of 500), a hint
        // of 3 gives 0, 200 and 400.
        assert_eq!(points(-30.0..410.0, 2), vec![0.0]);
        assert_eq!(two_labels_at_least(-30.0..410.0, 2), 3);
        assert_eq!(points(-30.0..410.0, 3), vec![0.0, 200.0, 400.0]);
        // A hint that already gives two is kept.
        assert_eq!(two_labels_at_least(-30.0..1010.0, 2), 2);
        assert_eq!(points(-30.0..1010.0, 2), vec![0.0, 1000.0]);
    }

    #[test]
    fn the_axis_caption_drops_its_name_when_it_would_not_fit_under_the_bars() {
        let width = |text: &str| 7 * text.chars().count() as u32;
        let caption = |lang, shown, room| axis_caption(lang, "$M", (shown, 20), room, &width);
        assert_eq!(
            caption(Lang::En, 20, 300),
            "NPV advantage of converting, $M"
        );
        assert_eq!(caption(Lang::En, 20, 200), "NPV advantage, $M");
        assert_eq!(caption(Lang::It, 20, 200), "Vantaggio VAN, $M");
        assert_eq!(
            caption(Lang::En, 14, 400),
            "NPV advantage, $M · widest 14 of 20"
        );
        assert_eq!(caption(Lang::En, 14, 200), "$M · widest 14 of 20");
        assert_eq!(
            caption(Lang::It, 13, 400),
            "Vantaggio VAN, $M · le 13 più ampie su 20"
        );
        assert_eq!(caption(Lang::It, 13, 200), "$M · le 13 più ampie su 20");
        assert_eq!(caption(Lang::En, 14, 70), "$M · wide…");
    }

    #[test]
    fn a_short_chart_keeps_the_widest_rows_that_fit() {
        // 20 inputs: 300 px at 14 px a row hold 21, so all; 200 px hold 14; 20 px keep 3.
        assert_eq!(rows_that_fit(20, 300, 14), 20);
        assert_eq!(rows_that_fit(20, 200, 14), 14);
        assert_eq!(rows_that_fit(20, 20, 14), 3);
        assert_eq!(rows_that_fit(2, 0, 14), 2);
        assert_eq!(rows_that_fit(0, 100, 14), 0);
    }

    #[test]
    fn long_names_are_shortened_with_an_ellipsis_to_fit() {
        let width = |t: &str| 10 * t.chars().count() as u32;
        assert_eq!(fitted("Power price", 200, &width), "Power price");
        assert_eq!(fitted("Prezzo di noleggio GPU", 100, &width), "Prezzo di…");
        assert_eq!(fitted("Costo GPU", 10, &width), "…");
    }

    #[test]
    fn every_inputs_name_fits_a_phones_tornado_whole() {
        // On a 390 px phone the label area (38 % of the chart) shows 25 characters of the
        // page's font ("Costi operativi cloud GPU"); the ellipsis is for narrower embeds.
        for lang in Lang::ALL {
            for ai in [AiModel::Gpu, AiModel::Colo] {
                for key in Key::tornado(ai) {
                    let name = lang.t(key.def().label);
                    assert!(name.chars().count() <= 25, "{name}");
                }
            }
        }
    }
}
