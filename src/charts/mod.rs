//! Chart drawings with plotters, generic over the drawing backend (canvas in the browser, SVG in
//! native tests). Each chart module has a `draw` that takes a drawing area and data, and
//! returns how to map a pixel back to a month for the hover read-out.

mod axis;
pub mod cash;
pub mod fan;
pub mod hashprice;
pub mod map;
pub mod readout;
pub mod revenue;
pub mod sensitivity;

pub use axis::{MoneyAxis, TimeAxis};

use crate::i18n::{fill, tr, Lang};
use plotters::coord::combinators::WithKeyPoints;
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor;

/// Okabe–Ito colours (safe for the common colour-vision deficiencies).
pub mod palette {
    use plotters::style::RGBColor;
    /// Plan, AI revenue.
    pub const AI: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    /// Plan, mining revenue.
    pub const MINING: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    /// Keep-mining baseline.
    pub const BASELINE: RGBColor = RGBColor(0x33, 0x33, 0x33);
    /// Halvings.
    pub const HALVING: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
    /// Hashprice.
    pub const HASHPRICE: RGBColor = RGBColor(0x00, 0x9E, 0x73);
    /// BTC price.
    pub const BTC: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
    /// Construction windows (filled lightly).
    pub const BUILD: RGBColor = RGBColor(0x9E, 0x9E, 0x9E);
    /// Grid lines.
    pub const GRID: RGBColor = RGBColor(0xE4, 0xE4, 0xE4);
    /// Axis text.
    pub const TEXT: RGBColor = RGBColor(0x33, 0x33, 0x33);
    /// Hex text of a colour, for HTML legends.
    pub fn css(c: RGBColor) -> String {
        format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
    }
}

/// Sizes of a drawing: everything is multiplied by `scale` (the device pixel ratio), so a
/// canvas of CSS size × ratio pixels stays crisp on HiDPI screens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// Fewer ticks and tighter margins (small embeds, phones).
    pub compact: bool,
    /// Language of the chart's text.
    pub lang: Lang,
}

impl Style {
    /// `v` CSS pixels in device pixels.
    pub fn px(&self, v: f64) -> u32 {
        (v * self.scale).round().max(1.0) as u32
    }

    /// Axis and label text of `size` CSS pixels.
    pub fn font(&self, size: f64) -> TextStyle<'static> {
        ("sans-serif", size * self.scale)
            .into_font()
            .color(&palette::TEXT)
    }
}

/// One entry of a chart's legend (drawn in HTML beside the canvas).
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    /// Text.
    pub label: String,
    /// CSS colour.
    pub color: String,
    /// Line (dashed or not) or filled band.
    pub mark: Mark,
}

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// A solid line.
    Line,
    /// A dashed line.
    Dashed,
    /// A filled square.
    Band,
}

impl LegendItem {
    fn new(label: impl Into<String>, color: RGBColor, mark: Mark) -> Self {
        LegendItem {
            label: label.into(),
            color: palette::css(color),
            mark,
        }
    }

    /// An entry whose English label is translated into `lang`.
    fn tr(lang: Lang, label: &'static str, color: RGBColor, mark: Mark) -> Self {
        Self::new(tr(lang, label), color, mark)
    }
}

/// Maps a horizontal device-pixel position back to a month (time charts only).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct XMap {
    /// Device x of month 0.
    pub left: f64,
    /// Device x of the last month.
    pub right: f64,
    /// Months on the axis.
    pub months: usize,
}

impl XMap {
    /// The month nearest device x, if x is over the plot.
    pub fn month_at(&self, x: f64) -> Option<usize> {
        if self.months < 2 || x < self.left - 4.0 || x > self.right + 4.0 {
            return None;
        }
        let t = (x - self.left) / (self.right - self.left) * (self.months - 1) as f64;
        Some(t.round().clamp(0.0, (self.months - 1) as f64) as usize)
    }

    /// Device x of month `m`.
    pub fn x_of(&self, m: usize) -> f64 {
        self.left + (self.right - self.left) * m as f64 / (self.months.max(2) - 1) as f64
    }
}

/// A drawing error, as text.
pub type Error = String;

fn err<E: std::fmt::Debug>(e: E) -> Error {
    format!("{e:?}")
}

/// A time chart: months on x (year labels at Januaries), a linear y.
pub type TimeChart<'a, DB> =
    ChartContext<'a, DB, Cartesian2d<WithKeyPoints<RangedCoordi32>, RangedCoordf64>>;

/// Builds a time chart over `y` with its mesh, y tick labels from `y_tick` and the y caption.
fn time_chart<'a, DB: DrawingBackend + 'a>(
    area: &'a DrawingArea<DB, Shift>,
    style: &Style,
    time: &TimeAxis,
    y: std::ops::Range<f64>,
    y_tick: &dyn Fn(&f64) -> String,
    y_desc: &str,
) -> Result<TimeChart<'a, DB>, Error> {
    let mut chart = build_time_chart(area, style, time, y, 0.0)?;
    time_mesh(&mut chart, style, time, y_tick, y_desc)?;
    Ok(chart)
}

/// A time chart of monthly revenue from 0 to a little above `hi` dollars over `n` months,
/// with its money axis and the top of its y range (in axis units).
fn revenue_chart<'a, DB: DrawingBackend + 'a>(
    area: &'a DrawingArea<DB, Shift>,
    style: &Style,
    p: &crate::model::Projection,
    n: usize,
    hi: f64,
) -> Result<(TimeChart<'a, DB>, MoneyAxis, f64), Error> {
    let axis = MoneyAxis::for_range(0.0, hi);
    let top = (hi / axis.divisor * 1.1).max(1e-6);
    let time = TimeAxis {
        start: p.scenario.month(crate::scenario::Key::Start),
        months: n,
    };
    let desc = fill(
        tr(style.lang, "Revenue, {unit} per month"),
        &[("unit", axis.unit)],
    );
    let chart = time_chart(area, style, &time, 0.0..top, &|y| axis.tick(*y), &desc)?;
    Ok((chart, axis, top))
}

/// Builds a time chart's coordinates and label areas (with a right label area of
/// `right_label_area` CSS px for a secondary axis), without drawing its mesh.
fn build_time_chart<'a, DB: DrawingBackend + 'a>(
    area: &'a DrawingArea<DB, Shift>,
    style: &Style,
    time: &TimeAxis,
    y: std::ops::Range<f64>,
    right_label_area: f64,
) -> Result<TimeChart<'a, DB>, Error> {
    area.fill(&WHITE).map_err(err)?;
    let x_max = time.months.max(2) as i32 - 1;
    let mut builder = ChartBuilder::on(area);
    builder
        .margin(style.px(6.0))
        .margin_right(style.px(if right_label_area > 0.0 { 2.0 } else { 14.0 }))
        .x_label_area_size(style.px(24.0))
        .y_label_area_size(style.px(if style.compact { 52.0 } else { 62.0 }));
    if right_label_area > 0.0 {
        builder.right_y_label_area_size(style.px(right_label_area));
    }
    builder
        .build_cartesian_2d(
            (0..x_max).with_key_points(time.key_points(style.compact)),
            y,
        )
        .map_err(err)
}

/// Draws a time chart's grid, year labels, y labels and y caption.
fn time_mesh<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    style: &Style,
    time: &TimeAxis,
    y_tick: &dyn Fn(&f64) -> String,
    y_desc: &str,
) -> Result<(), Error> {
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(palette::GRID.stroke_width(style.px(1.0)))
        .light_line_style(TRANSPARENT)
        .axis_style(palette::BUILD.stroke_width(style.px(1.0)))
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
fn xmap<DB: DrawingBackend, CT: CoordTranslate>(
    chart: &ChartContext<'_, DB, CT>,
    months: usize,
) -> XMap {
    let (x, _) = chart.plotting_area().get_pixel_range();
    XMap {
        left: f64::from(x.start),
        right: f64::from(x.end - 1),
        months,
    }
}

/// A dashed line in `color`, 2 CSS px wide: baselines, the BTC price, medians.
fn dashed<I: IntoIterator>(
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

/// Dashed vertical lines at the halvings, labelled at the top.
fn mark_halvings<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    halvings: &[usize],
    y: (f64, f64),
    style: &Style,
) -> Result<(), Error> {
    for &m in halvings {
        let x = m as i32;
        chart
            .draw_series(DashedLineSeries::new(
                [(x, y.0), (x, y.1)],
                style.px(5.0),
                style.px(4.0),
                palette::HALVING.stroke_width(style.px(1.5)),
            ))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(Text::new(
                tr(style.lang, " halving"),
                (x, y.1),
                style
                    .font(11.0)
                    .color(&palette::HALVING)
                    .pos(text_anchor::Pos::new(
                        text_anchor::HPos::Left,
                        text_anchor::VPos::Top,
                    )),
            )))
            .map_err(err)?;
    }
    Ok(())
}

/// Light bands over the months each tranche is under construction.
fn mark_construction<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    tranches: &[crate::model::Tranche],
    months: usize,
    y: (f64, f64),
) -> Result<(), Error> {
    let last = months.max(2) as i32 - 1;
    let bands = tranches
        .iter()
        .filter(|t| t.build_start < months && t.live > t.build_start)
        .map(|t| {
            let x0 = t.build_start as i32;
            let x1 = (t.live as i32).min(last);
            Rectangle::new([(x0, y.0), (x1, y.1)], palette::BUILD.mix(0.18).filled())
        });
    chart.draw_series(bands).map_err(err)?;
    Ok(())
}

/// A message in the middle of an area (for charts with nothing to show).
pub fn message<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &Style,
) -> Result<(), Error> {
    area.fill(&WHITE).map_err(err)?;
    let (w, h) = area.dim_in_pixel();
    let font = style.font(14.0).pos(text_anchor::Pos::new(
        text_anchor::HPos::Center,
        text_anchor::VPos::Center,
    ));
    area.draw_text(text, &font, ((w / 2) as i32, (h / 2) as i32))
        .map_err(err)?;
    Ok(())
}
