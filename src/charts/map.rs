//! The break-even map: NPV advantage over starting BTC price × AI rate, blue where converting
//! wins, orange where mining wins, the scenario marked.
//!
//! Cell `i` spans the coordinates `[2i, 2i + 2]` (the grid is log-spaced, so the axes are
//! indices), and the axes are labelled at a few cell centres `2i + 1` with the grid values.

use super::frame::{axis_titles, y_title};
use super::{err, ChartDef, ChartId, Colors, Error, Input, LegendItem, Mark, Style, Table, XMap};
use crate::analysis::{BreakevenMap, Kind};
use crate::i18n::{Lang, Msg};
use crate::model::Projection;
use crate::scenario::Key;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The registry entry.
pub const CHART: ChartDef = ChartDef {
    id: ChartId::Map,
    name: "map",
    title: Msg::ChartMap,
    caption: Msg::CaptionMap,
    needs: &[Kind::Map],
    pinned: false,
    legend,
    table,
    table_rows: None,
    readout: None,
};

fn legend(_: &Projection, lang: Lang, c: &Colors) -> Vec<LegendItem> {
    vec![
        LegendItem::msg(lang, Msg::LegendConvertingWins, c.ai, Mark::Band),
        LegendItem::msg(lang, Msg::LegendMiningWins, c.mining, Mark::Band),
        LegendItem::msg(lang, Msg::LegendBreakeven, c.baseline, Mark::Line),
        LegendItem::msg(lang, Msg::LegendThisScenario, c.halving, Mark::Outline),
    ]
}

/// The AI rate's axis title and its unit.
fn rate_axis(map: &BreakevenMap) -> (Msg, Msg) {
    match map.ai_key {
        Key::Colo => (Msg::AxisLeaseRate, Msg::UnitUsdPerKwMonth),
        _ => (Msg::AxisGpuRate, Msg::UnitUsdPerGpuHour),
    }
}

/// A row per AI rate (highest first, as drawn), a column per starting BTC price.
fn table(input: &Input, lang: Lang) -> Table {
    let Some(map) = input.map else {
        return Table::default();
    };
    let f = lang.fmt();
    let corner = lang.fill(Msg::RateOverBtc, &[("rate", lang.t(rate_axis(map).0))]);
    let mut columns = vec![corner];
    columns.extend(map.btc_prices.iter().map(|p| f.dollars(*p)));
    Table {
        columns,
        rows: (0..map.ai_rates.len())
            .rev()
            .map(|row| {
                let mut cells = vec![f.number(map.ai_rates[row], 2)];
                cells.extend((0..map.btc_prices.len()).map(|col| f.money(map.at(col, row))));
                cells
            })
            .collect(),
    }
}

/// Steps of shading between no advantage and the largest on the map.
const SHADES: f64 = 16.0;

/// The centres of about `labels` evenly spaced cells of `n`, always including the middle one.
fn ticks(n: usize, labels: usize) -> Vec<i32> {
    let step = ((n - 1) / 2).div_ceil(labels / 2).max(1);
    let mid = (n - 1) / 2;
    (0..n)
        .filter(|i| i.abs_diff(mid) % step == 0)
        .map(|i| 2 * i as i32 + 1)
        .collect()
}

/// Draws the map; the scenario is the middle cell.
pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &Input,
    style: &Style,
) -> Result<Option<XMap>, Error> {
    let Some(map) = input.map else {
        return Err("the break-even map was not computed".into());
    };
    area.fill(&style.colors.background).map_err(err)?;
    let (cols, rows) = (map.btc_prices.len(), map.ai_rates.len());
    let (rate_title, rate_unit) = rate_axis(map);
    let f = style.lang.fmt();
    let labels = if style.compact { 5 } else { 9 };
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(6.0))
        .margin_right(style.px(16.0))
        .x_label_area_size(style.px(38.0))
        .y_label_area_size(style.px(62.0))
        .build_cartesian_2d(
            (0..2 * cols as i32).with_key_points(ticks(cols, labels)),
            (0..2 * rows as i32).with_key_points(ticks(rows, labels)),
        )
        .map_err(err)?;
    let rate_desc = y_title(
        &chart,
        style,
        &axis_titles(style, &[rate_title], style.t(rate_unit)),
    );
    // One number of decimals along each axis (`2,50` beside `4,49`, not `2,5`), from its
    // highest value: cents for rates under $10, dimes under $100; a tenth of $k for prices
    // under $10k.
    let last = |v: &[f64]| v.last().copied().unwrap_or(0.0);
    let price_digits = if last(&map.btc_prices) < 1e4 { 1 } else { 0 };
    let rate_digits = match last(&map.ai_rates) {
        r if r < 10.0 => 2,
        r if r < 100.0 => 1,
        _ => 0,
    };
    let price = |i: &i32| {
        (map.btc_prices.get((*i / 2) as usize))
            .map_or(String::new(), |p| f.fixed(p / 1e3, price_digits))
    };
    let rate = |i: &i32| {
        (map.ai_rates.get((*i / 2) as usize)).map_or(String::new(), |r| f.fixed(*r, rate_digits))
    };
    chart
        .configure_mesh()
        .disable_mesh()
        .axis_style(style.colors.build.stroke_width(style.px(1.0)))
        .x_desc(style.t(Msg::AxisStartingBtc))
        .y_desc(rate_desc)
        .x_label_formatter(&price)
        .y_label_formatter(&rate)
        .label_style(style.font(12.0))
        .axis_desc_style(style.font(12.0))
        .draw()
        .map_err(err)?;
    // Shade by sign and by size (16 steps of the square root, with a floor so the sign always
    // reads); runs of equal cells along a row are drawn as one rectangle.
    let scale = map
        .values
        .iter()
        .fold(0.0f64, |a, v| a.max(v.abs()))
        .max(1.0);
    let shade = |v: f64| (v > 0.0, ((v.abs() / scale).sqrt() * SHADES).round() as u8);
    let mut runs = Vec::new();
    for row in 0..rows {
        let mut start = 0;
        for col in 1..=cols {
            let here = shade(map.at(start, row));
            if col == cols || shade(map.at(col, row)) != here {
                let (positive, level) = here;
                let color = if positive {
                    style.colors.ai
                } else {
                    style.colors.mining
                };
                let alpha = 0.15 + 0.75 * f64::from(level) / SHADES;
                let (r, c0, c1) = (row as i32, start as i32, col as i32);
                runs.push(Rectangle::new(
                    [(2 * c0, 2 * r), (2 * c1, 2 * r + 2)],
                    color.mix(alpha).filled(),
                ));
                start = col;
            }
        }
    }
    chart.draw_series(runs).map_err(err)?;
    // The break-even line: cell edges where the sign flips.
    let sign = |c: usize, r: usize| map.at(c, r) > 0.0;
    let line = style.colors.baseline.stroke_width(style.px(2.0));
    let mut edges = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            if c + 1 < cols && sign(c, r) != sign(c + 1, r) {
                let (x, y) = (2 * c as i32 + 2, 2 * r as i32);
                edges.push([(x, y), (x, y + 2)]);
            }
            if r + 1 < rows && sign(c, r) != sign(c, r + 1) {
                let (x, y) = (2 * c as i32, 2 * r as i32 + 2);
                edges.push([(x, y), (x + 2, y)]);
            }
        }
    }
    chart
        .draw_series(edges.into_iter().map(|e| PathElement::new(e, line)))
        .map_err(err)?;
    let (mc, mr) = (2 * (cols / 2) as i32, 2 * (rows / 2) as i32);
    chart
        .draw_series(std::iter::once(Rectangle::new(
            [(mc, mr), (mc + 2, mr + 2)],
            style.colors.halving.stroke_width(style.px(2.5)),
        )))
        .map_err(err)?;
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::ticks;

    #[test]
    fn ticks_are_even_and_hold_the_middle() {
        assert_eq!(ticks(41, 9), vec![1, 11, 21, 31, 41, 51, 61, 71, 81]);
        assert_eq!(ticks(41, 5), vec![1, 21, 41, 61, 81]);
        assert_eq!(ticks(5, 9), vec![1, 3, 5, 7, 9]);
    }
}
