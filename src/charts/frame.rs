//! What the charts share: a time chart's frame (months on x, year labels at Januaries, a money
//! or plain y axis), dashed lines, halving and construction marks, and a message in place of a
//! chart.

use super::{err, Colors, Error, LegendItem, Mark, MoneyAxis, Style, TimeAxis, XMap};
use crate::i18n::{Lang, Msg};
use crate::model::Projection;
use crate::scenario::Key;
use plotters::coord::combinators::WithKeyPoints;
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor;

/// A time chart: months on x (year labels at Januaries), a linear y.
pub(super) type TimeChart<'a, DB> =
    ChartContext<'a, DB, Cartesian2d<WithKeyPoints<RangedCoordi32>, RangedCoordf64>>;

/// Draws `points` as an area down to zero, filled with `color` at `alpha` and outlined in it.
pub(super) fn outlined_area<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    points: Vec<(i32, f64)>,
    (color, alpha): (RGBColor, f64),
    style: &Style,
) -> Result<(), Error> {
    let fill = color.mix(alpha).filled();
    chart
        .draw_series(AreaSeries::new(points.clone(), 0.0, fill))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(points, color.stroke_width(style.px(1.5))))
        .map_err(err)?;
    Ok(())
}

/// Builds a time chart over `y` with its mesh, y tick labels from `y_tick` and the first of
/// `y_titles` that fits (see [`y_title`]).
pub(super) fn time_chart<'a, DB: DrawingBackend + 'a>(
    area: &'a DrawingArea<DB, Shift>,
    style: &Style,
    time: &TimeAxis,
    y: std::ops::Range<f64>,
    y_tick: &dyn Fn(&f64) -> String,
    y_titles: &[String],
) -> Result<TimeChart<'a, DB>, Error> {
    let mut chart = build_time_chart(area, style, time, y, y_tick, 0)?;
    time_mesh(&mut chart, style, time, y_tick, y_titles)?;
    Ok(chart)
}

/// A time chart of monthly revenue from 0 to a little above `hi` dollars over `n` months,
/// with its money axis and the top of its y range (in axis units).
pub(super) fn revenue_chart<'a, DB: DrawingBackend + 'a>(
    area: &'a DrawingArea<DB, Shift>,
    style: &Style,
    p: &Projection,
    n: usize,
    hi: f64,
) -> Result<(TimeChart<'a, DB>, MoneyAxis, f64), Error> {
    let axis = MoneyAxis::for_range(0.0, hi);
    let top = (hi / axis.divisor * 1.1).max(1e-6);
    let time = TimeAxis {
        start: p.scenario.month(Key::Start),
        months: n,
    };
    let titles = axis_titles(
        style,
        &[Msg::AxisRevenue, Msg::AxisRevenueShort],
        axis.unit(style.lang.fmt()),
    );
    let chart = time_chart(
        area,
        style,
        &time,
        0.0..top,
        &|y| axis.tick(*y, style.lang.fmt()),
        &titles,
    )?;
    Ok((chart, axis, top))
}

/// Device px of a y labels' area (left or right) that holds the widest of `ticks` (an axis'
/// ends carry its longest labels: `−1.000`) beside the axis' title, a 12 px line on its side:
/// at least 52 CSS px (compact) or 62. A tick's width is reckoned at 0.6 em a character
/// (sans-serif digits are about 0.55 em), not measured: the ends' texts change at every slider
/// step, and measuring them would cost each step a font change on the canvas.
pub(super) fn y_label_area(style: &Style, ticks: [String; 2]) -> u32 {
    let chars = ticks.iter().map(|t| t.chars().count()).max().unwrap_or(0);
    let widest = 12.0 * 0.6 * chars as f64;
    style
        .px(widest + 12.0 * 1.3 + 10.0)
        .max(style.px(if style.compact { 52.0 } else { 62.0 }))
}

/// Builds a time chart's coordinates and label areas (the left one sized for `y_tick`'s labels,
/// and a right one of `right_label_area` device px for a secondary axis, if not 0), without its
/// mesh.
pub(super) fn build_time_chart<'a, DB: DrawingBackend + 'a>(
    area: &'a DrawingArea<DB, Shift>,
    style: &Style,
    time: &TimeAxis,
    y: std::ops::Range<f64>,
    y_tick: &dyn Fn(&f64) -> String,
    right_label_area: u32,
) -> Result<TimeChart<'a, DB>, Error> {
    area.fill(&style.colors.background).map_err(err)?;
    let x_max = time.months.max(2) as i32 - 1;
    let label_area = y_label_area(style, [y_tick(&y.start), y_tick(&y.end)]);
    let mut builder = ChartBuilder::on(area);
    builder
        .margin(style.px(6.0))
        .margin_right(style.px(if right_label_area > 0 { 2.0 } else { 14.0 }))
        .x_label_area_size(style.px(24.0))
        .y_label_area_size(label_area);
    if right_label_area > 0 {
        builder.right_y_label_area_size(right_label_area);
    }
    builder
        .build_cartesian_2d(
            (0..x_max).with_key_points(time.key_points(style.compact)),
            y,
        )
        .map_err(err)
}

/// Draws a time chart's grid, year labels, y labels and the first of `y_titles` that fits.
pub(super) fn time_mesh<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    style: &Style,
    time: &TimeAxis,
    y_tick: &dyn Fn(&f64) -> String,
    y_titles: &[String],
) -> Result<(), Error> {
    let y_desc = y_title(chart, style, y_titles);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(style.colors.grid.stroke_width(style.px(1.0)))
        .light_line_style(TRANSPARENT)
        .axis_style(style.colors.build.stroke_width(style.px(1.0)))
        .x_label_formatter(&|x| time.label(*x))
        .y_label_formatter(y_tick)
        .y_labels(if style.compact { 5 } else { 7 })
        .y_desc(y_desc)
        .label_style(style.font(12.0))
        .axis_desc_style(style.font(12.0))
        .draw()
        .map_err(err)
}

/// The device-pixel x range of a chart's plotting area as an [`XMap`].
pub(super) fn xmap<DB: DrawingBackend, CT: CoordTranslate>(
    chart: &ChartContext<'_, DB, CT>,
    months: usize,
) -> XMap {
    let (x, _) = chart.plotting_area().get_pixel_range();
    XMap {
        left: f64::from(x.start),
        right: f64::from(x.end - 1),
        points: months,
    }
}

/// A dashed line in `color`, 2 CSS px wide: baselines, the BTC price, medians.
pub(super) fn dashed<I: IntoIterator>(
    points: I,
    color: RGBColor,
    style: &Style,
) -> DashedLineSeries<I::IntoIter, u32>
where
    I::IntoIter: Clone,
{
    DashedLineSeries::new(
        points,
        style.px(6.0),
        style.px(3.0),
        color.stroke_width(style.px(2.0)),
    )
}

/// The legend's entry for the halvings, if one falls within the projection.
pub(super) fn halving_item(p: &Projection, lang: Lang, c: &Colors) -> Option<LegendItem> {
    (!p.halving_months.is_empty())
        .then(|| LegendItem::msg(lang, Msg::LegendHalving, c.halving, Mark::Dashed))
}

/// Dashed vertical lines at the halvings, labelled at the top.
pub(super) fn mark_halvings<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    halvings: &[usize],
    y: (f64, f64),
    style: &Style,
) -> Result<(), Error> {
    let (x_range, _) = chart.plotting_area().get_pixel_range();
    let font = style.font(12.0);
    let word = style.t(Msg::MarkHalving).trim();
    let width = (chart.plotting_area())
        .estimate_text_size(&format!(" {word} "), &font)
        .map_or(0, |(w, _)| w as i32);
    // The right end of the last label drawn, in device px.
    let mut taken = i32::MIN;
    for &m in halvings {
        let x = m as i32;
        chart
            .draw_series(DashedLineSeries::new(
                [(x, y.0), (x, y.1)],
                style.px(5.0),
                style.px(4.0),
                style.colors.halving.stroke_width(style.px(1.5)),
            ))
            .map_err(err)?;
        // Near the right edge the label goes on the line's left; a label that would come
        // within 10 px of the last one is left out (a long horizon on a phone: "halving
        // halving" read as one), the line and legend say it.
        let at = chart.backend_coord(&(x, y.1)).0;
        let (side, label, span) = if at > x_range.end - style.px(60.0) as i32 {
            (
                text_anchor::HPos::Right,
                format!("{word} "),
                (at - width, at),
            )
        } else {
            (
                text_anchor::HPos::Left,
                format!(" {word}"),
                (at, at + width),
            )
        };
        if span.0 < taken.saturating_add(style.px(10.0) as i32) {
            continue;
        }
        taken = span.1;
        chart
            .draw_series(std::iter::once(Text::new(
                label,
                (x, y.1),
                font.color(&style.colors.halving)
                    .pos(text_anchor::Pos::new(side, text_anchor::VPos::Top)),
            )))
            .map_err(err)?;
    }
    Ok(())
}

/// Light bands over the months each tranche is under construction.
pub(super) fn mark_construction<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    tranches: &[crate::model::Tranche],
    months: usize,
    y: (f64, f64),
    colors: &Colors,
) -> Result<(), Error> {
    let last = months.max(2) as i32 - 1;
    let bands = building(tranches, months).map(|t| {
        let x0 = t.build_start as i32;
        let x1 = (t.live as i32).min(last);
        Rectangle::new([(x0, y.0), (x1, y.1)], colors.build.mix(0.18).filled())
    });
    chart.draw_series(bands).map_err(err)?;
    Ok(())
}

/// The tranches whose construction falls, at least in part, within the first `months` months
/// (a tranche built in no time has no construction window).
pub(super) fn building(
    tranches: &[crate::model::Tranche],
    months: usize,
) -> impl Iterator<Item = &crate::model::Tranche> {
    tranches
        .iter()
        .filter(move |t| t.build_start < months && t.live > t.build_start)
}

/// A message in the middle of an area (for charts with nothing to show), its words wrapped to
/// lines that fit the area's width less 16 CSS px a side.
pub fn message<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &Style,
) -> Result<(), Error> {
    area.fill(&style.colors.background).map_err(err)?;
    let (w, h) = area.dim_in_pixel();
    let font = style.font(14.0).pos(text_anchor::Pos::new(
        text_anchor::HPos::Center,
        text_anchor::VPos::Center,
    ));
    let width = |line: &str| area.estimate_text_size(line, &font).map_or(0, |(w, _)| w);
    let lines = wrapped(text, w.saturating_sub(style.px(32.0)), &width);
    let line_height = style.px(20.0) as i32;
    let top = (h / 2) as i32 - line_height * (lines.len() as i32 - 1) / 2;
    for (i, line) in lines.iter().enumerate() {
        area.draw_text(line, &font, ((w / 2) as i32, top + line_height * i as i32))
            .map_err(err)?;
    }
    Ok(())
}

/// The message in place of a chart of the NPV advantage across an input when the plan converts
/// nothing (see [`super::ChartId::has_nothing_to_draw`]).
pub(super) fn nothing_converts<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: &Style,
) -> Result<Option<XMap>, Error> {
    message(area, style.t(Msg::NothingConvertsChart), style).map(|()| None)
}

/// The message in place of a Monte Carlo chart without a run to draw: that it is off
/// (`mc = 0`), or that the run of the inputs shown is under way.
pub(super) fn no_run<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Projection,
    style: &Style,
) -> Result<Option<XMap>, Error> {
    let why = if p.scenario.get(Key::Mc) == 0.0 {
        Msg::McOffChart
    } else {
        Msg::McRunningChart
    };
    message(area, style.t(why), style).map(|()| None)
}

/// `text`'s words in lines of at most `room` px (by `width`); a word wider than that has a
/// line of its own.
fn wrapped(text: &str, room: u32, width: &dyn Fn(&str) -> u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if width(&format!("{line} {word}")) <= room => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A curve of the NPV advantage over an evenly spaced x axis (a discount rate, a delay): money
/// on y with the zero line, the points marked, and a dashed marker at the scenario's own x.
pub(super) struct Curve<'a> {
    /// The x of each point, ascending and evenly spaced; the axis spans exactly them.
    pub xs: &'a [f64],
    /// The NPV advantage at each point, $.
    pub ys: &'a [f64],
    /// The x axis' caption.
    pub x_desc: &'a str,
    /// An x tick's label.
    pub x_tick: &'a dyn Fn(&f64) -> String,
    /// Where the scenario itself stands on x.
    pub marker: f64,
}

impl Curve<'_> {
    /// Draws the curve; returns the hover map of its points.
    pub(super) fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
    ) -> Result<XMap, Error> {
        area.fill(&style.colors.background).map_err(err)?;
        let lo = self.ys.iter().fold(0.0f64, |a, &b| a.min(b));
        let hi = self.ys.iter().fold(0.0f64, |a, &b| a.max(b));
        let axis = MoneyAxis::for_range(lo, hi);
        let pad = ((hi - lo) / axis.divisor * 0.08).max(1e-6);
        let (y0, y1) = (lo / axis.divisor - pad, hi / axis.divisor + pad);
        let (x0, x1) = (
            self.xs[0],
            self.xs[self.xs.len() - 1].max(self.xs[0] + 1e-9),
        );
        let f = style.lang.fmt();
        let label_area = y_label_area(style, [y0, y1].map(|y| axis.tick(y, f)));
        let mut chart = ChartBuilder::on(area)
            .margin(style.px(6.0))
            .margin_right(style.px(16.0))
            .x_label_area_size(style.px(38.0))
            .y_label_area_size(label_area)
            .build_cartesian_2d(x0..x1, y0..y1)
            .map_err(err)?;
        let titles = axis_titles(
            style,
            &[Msg::AxisNpvAdvantage, Msg::AxisNpvAdvantageShort],
            axis.unit(f),
        );
        let y_desc = y_title(&chart, style, &titles);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .bold_line_style(style.colors.grid.stroke_width(style.px(1.0)))
            .light_line_style(TRANSPARENT)
            .axis_style(style.colors.build.stroke_width(style.px(1.0)))
            .x_label_formatter(self.x_tick)
            .x_labels(if style.compact { 6 } else { 10 })
            .y_label_formatter(&|y| axis.tick(*y, f))
            .y_labels(if style.compact { 5 } else { 7 })
            .x_desc(self.x_desc)
            .y_desc(y_desc)
            .label_style(style.font(12.0))
            .axis_desc_style(style.font(12.0))
            .draw()
            .map_err(err)?;
        chart
            .draw_series(LineSeries::new(
                [(x0, 0.0), (x1, 0.0)],
                style.colors.baseline.stroke_width(style.px(1.0)),
            ))
            .map_err(err)?;
        chart
            .draw_series(DashedLineSeries::new(
                [(self.marker, y0), (self.marker, y1)],
                style.px(5.0),
                style.px(4.0),
                style.colors.halving.stroke_width(style.px(1.5)),
            ))
            .map_err(err)?;
        let d = axis.divisor;
        let points: Vec<(f64, f64)> = self
            .xs
            .iter()
            .zip(self.ys)
            .map(|(x, y)| (*x, y / d))
            .collect();
        chart
            .draw_series(LineSeries::new(
                points.iter().copied(),
                style.colors.ai.stroke_width(style.px(2.5)),
            ))
            .map_err(err)?;
        chart
            .draw_series(
                points
                    .iter()
                    .map(|&p| Circle::new(p, style.px(3.0), style.colors.ai.filled())),
            )
            .map_err(err)?;
        let (x, _) = chart.plotting_area().get_pixel_range();
        Ok(XMap {
            left: f64::from(x.start),
            right: f64::from(x.end - 1),
            points: self.xs.len(),
        })
    }
}

/// The pinned scenario A's points on the time axis of `p`'s chart: the `values` of A's months
/// in order (in the chart's own unit, before any axis divisor), placed by calendar month,
/// months outside the axis left out. The chart's y range includes them, so that A is seen.
pub(super) fn pinned_points(
    p: &Projection,
    pinned: &Projection,
    values: impl IntoIterator<Item = f64>,
) -> Vec<(i32, f64)> {
    let start = p.scenario.month(Key::Start);
    let n = p.months.len() as i32;
    pinned
        .months
        .iter()
        .zip(values)
        .map(|(row, v)| (start.months_until(row.month), v))
        .filter(|(x, _)| (0..n).contains(x))
        .collect()
}

/// The lowest and highest of `points`' values and `bounds` (`(lo, hi)`).
pub(super) fn span_with(points: &[(i32, f64)], bounds: (f64, f64)) -> (f64, f64) {
    points
        .iter()
        .fold(bounds, |(lo, hi), &(_, v)| (lo.min(v), hi.max(v)))
}

/// Draws the pinned scenario A's `points` (from [`pinned_points`]) as a thin grey line, each
/// value divided by the axis' `divisor`.
pub(super) fn pinned_line<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    points: &[(i32, f64)],
    divisor: f64,
    style: &Style,
) -> Result<(), Error> {
    chart
        .draw_series(LineSeries::new(
            points.iter().map(|&(x, v)| (x, v / divisor)),
            style.colors.pinned.stroke_width(style.px(1.5)),
        ))
        .map_err(err)?;
    Ok(())
}

/// An axis' titles for [`y_title`], longest first: each of `msgs` with its `{unit}` slot (if it
/// has one) filled with `unit`, then `unit` alone.
pub(super) fn axis_titles(style: &Style, msgs: &[Msg], unit: &str) -> Vec<String> {
    msgs.iter()
        .map(|&m| style.lang.fill(m, &[("unit", unit)]))
        .chain([unit.to_string()])
        .collect()
}

/// The first of `titles` (whole first, shortest last) that fits along `chart`'s y axis, else
/// the last cut to fit. A y title is centred on the plotting area and may run 6 CSS px past it
/// at each end, into the margin above and the x labels' empty corner below; in a low embed the
/// whole title would be cut by the canvas' edge.
pub(super) fn y_title<DB: DrawingBackend, CT: CoordTranslate>(
    chart: &ChartContext<'_, DB, CT>,
    style: &Style,
    titles: &[String],
) -> String {
    let area = chart.plotting_area();
    let (_, y) = area.get_pixel_range();
    let room = u32::try_from(y.end - y.start).unwrap_or(0) + style.px(12.0);
    let font = style.font(12.0);
    let width = |text: &str| area.estimate_text_size(text, &font).map_or(0, |(w, _)| w);
    caption_that_fits(titles, room, &width)
}

/// The first of `captions` that fits in `room` px (by `width`), else the last one cut to fit.
pub(super) fn caption_that_fits(
    captions: &[String],
    room: u32,
    width: &dyn Fn(&str) -> u32,
) -> String {
    match captions.iter().find(|c| width(c) <= room) {
        Some(c) => c.clone(),
        None => fitted(captions.last().map_or("", String::as_str), room, width),
    }
}

/// `text`, or as much of it as fits in `room` px (by `width`) followed by an ellipsis.
pub(super) fn fitted(text: &str, room: u32, width: &dyn Fn(&str) -> u32) -> String {
    if width(text) <= room {
        return text.to_string();
    }
    let mut cut: Vec<char> = text.chars().collect();
    while cut.pop().is_some() {
        let short = format!("{}…", cut.iter().collect::<String>().trim_end());
        if width(&short) <= room || cut.is_empty() {
            return short;
        }
    }
    "…".to_string()
}
