//! The odds: a quantile dotplot of the NPV advantage across Monte Carlo paths (ECONOMICS.md
//! §10). Its 100 dots ([`Dot`]) are each a hundredth of the paths, stacked in bins along the
//! money axis, one of whose edges is zero, and coloured by the choice that is best on the path;
//! a line marks break-even. Readers count the dots ("in how many of 100 futures") and read
//! such a plot more accurately than error bars or a density (Kay et al. 2016, Fernandes et al.
//! 2018). It draws only a run of the inputs shown: while another runs it says so rather than
//! show the previous inputs' odds.

use super::frame::{no_run, nothing_converts};
use super::{
    err, ChartDef, ChartId, Colors, Error, Input, LegendItem, Mark, MoneyAxis, Style, Table, XMap,
};
use crate::analysis::{Dot, Kind};
use crate::i18n::{Lang, Msg};
use crate::model::{Choice, Projection};
use crate::scenario::Key;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The registry entry.
pub const CHART: ChartDef = ChartDef {
    id: ChartId::Odds,
    name: "odds",
    title: Msg::ChartOdds,
    caption: Msg::CaptionOdds,
    needs: &[Kind::MonteCarlo],
    pinned: false,
    legend,
    table,
    table_rows: None,
    readout: None,
};

/// A choice's name (`Sell now`).
pub fn label(choice: Choice) -> Msg {
    match choice {
        Choice::Convert => Msg::ChoiceConvert,
        Choice::Mine => Msg::ChoiceMine,
        Choice::Sell => Msg::ChoiceSell,
    }
}

/// A choice's colour: converting's, mining's, and the hashprice's green for selling.
fn color(c: &Colors, choice: Choice) -> RGBColor {
    match choice {
        Choice::Convert => c.ai,
        Choice::Mine => c.mining,
        Choice::Sell => c.hashprice,
    }
}

fn legend(p: &Projection, lang: Lang, c: &Colors) -> Vec<LegendItem> {
    // With Monte Carlo off (`mc=0`) or nothing converting, the chart only says so.
    if p.scenario.get(Key::Mc) == 0.0 || !p.converts() {
        return Vec::new();
    }
    let dots = Choice::ALL.map(|choice| (label(choice), color(c, choice), Mark::Bar));
    (dots
        .into_iter()
        .chain([(Msg::LegendBreakeven, c.baseline, Mark::Line)]))
    .map(|(m, color, mark)| LegendItem::msg(lang, m, color, mark))
    .collect()
}

/// The dots of a run of the projection shown, if one has landed.
fn dots<'a>(input: &Input<'a>) -> Option<&'a [Dot]> {
    let mc = input.monte_carlo?;
    let ran = mc.scenario.as_deref() == Some(&input.projection.scenario);
    (ran && !mc.dots.is_empty()).then_some(&mc.dots[..])
}

/// One row per dot: its percentile of the paths, its NPV advantage, the best choice on it.
fn table(input: &Input, lang: Lang) -> Table {
    let Some(dots) = dots(input) else {
        return Table::default();
    };
    let f = lang.fmt();
    Table {
        columns: [
            Msg::Percentile,
            Msg::LegendNpvAdvantage,
            Msg::KpiBestChoiceShort,
        ]
        .map(|m| lang.t(m).to_string())
        .to_vec(),
        rows: (dots.iter().enumerate())
            .map(|(k, d)| {
                vec![
                    f.number(k as f64 + 0.5, 1),
                    f.money(d.advantage),
                    lang.t(label(d.best)).to_string(),
                ]
            })
            .collect(),
    }
}

/// Bins for `values` (ascending) on `bins` bins across `span` with zero at an edge: each
/// value's bin index (`floor(v / w)`, `w = span / bins`) and its height in its stack (0 at
/// the bottom), and the tallest stack.
fn stacks(values: &[f64], span: f64, bins: usize) -> (Vec<(i64, usize)>, usize) {
    let w = span / bins as f64;
    let mut out: Vec<(i64, usize)> = Vec::with_capacity(values.len());
    for v in values {
        let bin = (v / w).floor() as i64;
        let height = match out.last() {
            Some(&(b, h)) if b == bin => h + 1,
            _ => 0,
        };
        out.push((bin, height));
    }
    let tallest = out.iter().map(|&(_, h)| h + 1).max().unwrap_or(0);
    (out, tallest)
}

/// The fewest bins, from 16, whose tallest stack fits `height` px with a dot as wide as a bin
/// (`width` px over `span` and a sixteenth of it each side: `width / (bins · 1.125)`), the dot
/// at most `largest` px; bins no narrower than `smallest` px. Where none fits (the paths all
/// but agree), as many bins as dots of `smallest` px fill the width. The bins, and the dot's
/// diameter in px.
fn binning(
    values: &[f64],
    span: f64,
    plot: (f64, f64),
    (smallest, largest): (f64, f64),
) -> (usize, f64) {
    let (width, height) = plot;
    let most = ((width / (1.125 * smallest)) as usize).clamp(16, 160);
    let dot = |bins: usize| {
        let tallest = stacks(values, span, bins).1.max(1) as f64;
        let wide = width / (bins as f64 * 1.125);
        (
            wide.min(height / tallest).min(largest),
            tallest * wide <= height,
        )
    };
    let bins = (16..most).find(|&b| dot(b).1).unwrap_or(most);
    (bins, dot(bins).0.max(smallest))
}

/// Where each of `values` (ascending, $) goes on a plot of `plot` px (width, height) whose x
/// axis spans `span` and a sixteenth of it each side: its centre ($ on x; on y 0–1, up from the
/// bottom), and the dots' diameter in px ([`binning`] with `sizes`). A stack taller than the
/// plot goes on in columns beside its first, right, left, then further right and left.
fn placed(
    values: &[f64],
    span: f64,
    plot: (f64, f64),
    sizes: (f64, f64),
) -> (Vec<(f64, f64)>, f64) {
    let (bins, dot) = binning(values, span, plot, sizes);
    let (w, rows) = (span / bins as f64, ((plot.1 / dot) as usize).max(1));
    // A dot's width in dollars.
    let across = dot * span * 1.125 / plot.0;
    let at = |(bin, h): (i64, usize)| {
        let column = (h / rows) as f64;
        let side = if column % 2.0 == 1.0 { 1.0 } else { -1.0 };
        let x = (bin as f64 + 0.5) * w + side * (column / 2.0).ceil() * across;
        (x, ((h % rows) as f64 + 0.5) * dot / plot.1)
    };
    (
        stacks(values, span, bins).0.into_iter().map(at).collect(),
        dot,
    )
}

/// Draws the dotplot, or says why there is none.
pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &Input,
    style: &Style,
) -> Result<Option<XMap>, Error> {
    let p = input.projection;
    if !p.converts() {
        return nothing_converts(area, style);
    }
    let Some(dots) = dots(input) else {
        return no_run(area, p, style);
    };
    area.fill(&style.colors.background).map_err(err)?;
    let values: Vec<f64> = dots.iter().map(|d| d.advantage).collect();
    let lo = values[0].min(0.0);
    let hi = values[values.len() - 1].max(0.0);
    let span = (hi - lo).max(1.0);
    let axis = MoneyAxis::for_range(lo, hi);
    let (d, pad) = (axis.divisor, span / 16.0);
    let (f, font) = (style.lang.fmt(), style.font(12.0));
    let title = (style.lang).fill(Msg::AxisNpvAdvantageShort, &[("unit", axis.unit(f))]);
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(38.0))
        .build_cartesian_2d((lo - pad) / d..(hi + pad) / d, 0.0..1.0)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .bold_line_style(style.colors.grid.stroke_width(style.px(1.0)))
        .light_line_style(TRANSPARENT)
        .axis_style(style.colors.build.stroke_width(style.px(1.0)))
        .x_labels(if style.compact { 6 } else { 10 })
        .x_label_formatter(&|x| axis.tick(*x, f))
        .x_desc(title)
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .draw()
        .map_err(err)?;
    let (x, y) = chart.plotting_area().get_pixel_range();
    let plot = (f64::from(x.end - x.start), f64::from(y.end - y.start));
    let sizes = (style.px(8.0).into(), style.px(20.0).into());
    let (centres, dot) = placed(&values, span, plot, sizes);
    let radius = (dot * 0.42).max(1.0) as u32;
    chart
        .draw_series(centres.iter().zip(dots).map(|(&(x, y), dt)| {
            Circle::new((x / d, y), radius, color(style.colors, dt.best).filled())
        }))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(0.0, 0.0), (0.0, 1.0)],
            style.colors.baseline.stroke_width(style.px(1.5)),
        ))
        .map_err(err)?;
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_stack_in_bins_with_zero_at_an_edge() {
        // Span 8 in 4 bins: w = 2, bins floor(v / 2): −3 → −2, −1 → −1, −0.5 → −1, 0.5 → 0,
        // 1 → 0, 1.5 → 0, 5 → 2. Stacks of 1, 2 and 3: the tallest is 3; no bin straddles 0.
        let values = [-3.0, -1.0, -0.5, 0.5, 1.0, 1.5, 5.0];
        let (placed, tallest) = stacks(&values, 8.0, 4);
        assert_eq!(
            placed,
            [(-2, 0), (-1, 0), (-1, 1), (0, 0), (0, 1), (0, 2), (2, 0)]
        );
        assert_eq!(tallest, 3);
    }

    #[test]
    fn the_fewest_bins_whose_tallest_stack_fits_the_height() {
        // 100 values spread evenly over 0..100: with b bins a stack holds about 100/b dots of
        // diameter 900/(1.125·b) = 800/b px, so about 80,000/b² px tall. 300 px hold it from
        // b = 17 (100/17 → stacks of 6, 6 · 800/17 = 282 px; at 16 bins, 7 · 50 = 350 px).
        let values: Vec<f64> = (0..100).map(f64::from).collect();
        let (bins, dot) = binning(&values, 100.0, (900.0, 300.0), (8.0, 100.0));
        assert_eq!(bins, 17);
        assert!((dot - 800.0 / 17.0).abs() < 1e-9, "{dot}");
        // The dot never exceeds the largest asked for.
        let sizes = (8.0, 20.0);
        assert_eq!(binning(&values, 100.0, (900.0, 300.0), sizes), (17, 20.0));
        // 100 equal values never fit side by side: as many bins as 8 px dots fill 900 px,
        // 900/(1.125 · 8) = 100, and dots of 8 px.
        assert_eq!(binning(&[3.0; 100], 8.0, (900.0, 300.0), sizes), (100, 8.0));
    }

    #[test]
    fn a_stack_taller_than_the_plot_goes_on_in_columns_beside_it() {
        // 100 equal values of 3 over a span of 8 in 100 bins (w = 0.08; bin floor(3/0.08) =
        // 37, centre 37.5 · 0.08 = 3.0): dots of 8 px, 300/8 → 37 rows, so three columns of
        // 37, 37 and 26; a dot is 8 · 8 · 1.125/900 = 0.08 wide, so the columns stand at 3.0,
        // 3.08 and 2.92.
        let (centres, dot) = placed(&[3.0; 100], 8.0, (900.0, 300.0), (8.0, 20.0));
        assert_eq!(dot, 8.0);
        let near = |a: f64, b: f64| (a - b).abs() < 1e-9;
        for (i, want) in [
            (0, 3.0),
            (36, 3.0),
            (37, 3.08),
            (73, 3.08),
            (74, 2.92),
            (99, 2.92),
        ] {
            assert!(near(centres[i].0, want), "{i}: {:?}", centres[i]);
        }
        // Rows from the bottom: dot 36 (the 37th) tops the first column, at (36 + 0.5) · 8/300;
        // dot 37 starts the second at the bottom, (0 + 0.5) · 8/300.
        assert!(near(centres[36].1, 36.5 * 8.0 / 300.0) && near(centres[37].1, 4.0 / 300.0));
    }
}
