//! Hashprice ($/PH/day, left axis) and BTC price ($, right axis), halvings marked.

use super::frame::{
    axis_titles, build_time_chart, dashed, halving_item, mark_halvings, pinned_line, pinned_points,
    span_with, time_mesh, xmap, y_label_area, y_title,
};
use super::{
    err, month_readout, pinned_row, year_label, years, ChartDef, ChartId, Colors, Error, Input,
    LegendItem, Mark, Readout, Style, Table, TimeAxis, XMap,
};
use crate::i18n::{Lang, Msg};
use crate::model::Projection;
use crate::scenario::Key;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The registry entry.
pub const CHART: ChartDef = ChartDef {
    id: ChartId::Hashprice,
    name: "hashprice",
    title: Msg::ChartHashprice,
    caption: Msg::CaptionHashprice,
    needs: &[],
    pinned: true,
    legend,
    table,
    table_rows: None,
    readout: Some(readout),
};

fn legend(p: &Projection, lang: Lang, c: &Colors) -> Vec<LegendItem> {
    let mut items = vec![
        LegendItem::msg(lang, Msg::LegendHashpriceLeft, c.hashprice, Mark::Line),
        LegendItem::msg(lang, Msg::LegendBtcRight, c.btc, Mark::Dashed),
    ];
    items.extend(halving_item(p, lang, c));
    items
}

/// The yearly averages of hashprice and BTC price.
fn table(input: &Input, lang: Lang) -> Table {
    let (p, f) = (input.projection, lang.fmt());
    Table {
        columns: [Msg::Year, Msg::HashpriceAverage, Msg::BtcPriceAverage]
            .map(|m| lang.t(m).to_string())
            .to_vec(),
        rows: years(p)
            .into_iter()
            .map(|(year, r)| {
                let n = r.len() as f64;
                let rows = &p.months[r.clone()];
                let hp = rows.iter().map(|x| x.hashprice_usd_ph_day).sum::<f64>() / n;
                let btc = rows.iter().map(|x| x.btc_usd).sum::<f64>() / n;
                vec![
                    year_label(year, &r, lang),
                    lang.fill(Msg::UnitPerPhDay, &[("v", &f.price(hp, 2))]),
                    f.dollars(btc),
                ]
            })
            .collect(),
    }
}

fn readout(input: &Input, m: usize, lang: Lang) -> Option<Readout> {
    month_readout(input, m, lang, || rows(input, m, lang))
}

fn rows(input: &Input, m: usize, lang: Lang) -> Vec<(String, String)> {
    let (row, f) = (&input.projection.months[m], lang.fmt());
    let pair = |label: Msg, value: String| (lang.t(label).to_string(), value);
    let hashprice = |v: f64| lang.fill(Msg::UnitPerPhDay, &[("v", &f.price(v, 2))]);
    let mut rows = vec![
        pair(Msg::ChartHashprice, hashprice(row.hashprice_usd_ph_day)),
        pair(Msg::BtcPrice, f.dollars(row.btc_usd)),
        pair(
            Msg::Network,
            lang.fill(Msg::EhsValue, &[("v", &f.number(row.network_ehs, 0))]),
        ),
        pair(
            Msg::Subsidy,
            lang.fill(Msg::UnitPerBlock, &[("v", &f.number(row.subsidy_btc, 8))]),
        ),
    ];
    rows.extend(pinned_row(input, m, lang, |a, i| {
        hashprice(a.months[i].hashprice_usd_ph_day)
    }));
    rows
}

/// Draws the chart; returns the hover map.
pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &Input,
    style: &Style,
) -> Result<Option<XMap>, Error> {
    let p = input.projection;
    let n = p.months.len();
    let pinned = input.compare.map_or_else(Vec::new, |a| {
        pinned_points(p, a, a.months.iter().map(|r| r.hashprice_usd_ph_day))
    });
    let hp_max = p
        .months
        .iter()
        .map(|r| r.hashprice_usd_ph_day)
        .fold(0.0, f64::max);
    let hp_max = span_with(&pinned, (0.0, hp_max)).1 * 1.1;
    // The highest BTC price, $k (its axis' top is set once the plot's height is known).
    let btc_high = p.months.iter().map(|r| r.btc_usd / 1e3).fold(0.0, f64::max);
    let decimals = |max: f64| {
        if max >= 20.0 {
            0
        } else if max >= 2.0 {
            1
        } else {
            2
        }
    };
    let (hp_dec, btc_dec) = (decimals(hp_max), decimals(btc_high * 1.1));
    let time = TimeAxis {
        start: p.scenario.month(Key::Start),
        months: n,
    };
    let top = hp_max.max(1e-9);
    let f = style.lang.fmt();
    let hp_tick = |y: &f64| f.number(*y, hp_dec);
    let btc_tick = |y: &f64| f.number(*y, btc_dec);
    // The BTC axis' labels, on the right, are as wide as its longest: `60.000.000` at $60bn
    // (its top is at most twice the highest price, see below).
    let right = y_label_area(style, [btc_tick(&0.0), btc_tick(&(2.0 * btc_high))]);
    let chart = build_time_chart(area, style, &time, 0.0..top, &hp_tick, right)?;
    let x_max = n.max(2) as i32 - 1;
    // The BTC axis leaves a tenth of the plot above the highest price, and in a low chart the
    // halving labels' 18 px: a price that stays at its highest runs below them, not through.
    let (_, plot) = chart.plotting_area().get_pixel_range();
    let labels = f64::from(style.px(18.0)) / f64::from((plot.end - plot.start).max(1));
    let btc_top = btc_high / (1.0 - labels.clamp(1.0 / 11.0, 0.5));
    // The secondary axis takes the right label area, so the primary mesh is drawn after it.
    let mut chart = chart.set_secondary_coord(
        (0..x_max).with_key_points(time.key_points(style.compact)),
        0.0..btc_top.max(1e-9),
    );
    let hp_titles = axis_titles(style, &[Msg::AxisHashprice], style.t(Msg::UnitUsdPerPhDay));
    time_mesh(&mut chart, style, &time, &hp_tick, &hp_titles)?;
    let btc_titles = axis_titles(style, &[Msg::AxisBtcK], style.t(Msg::UnitUsdK));
    let btc_desc = y_title(&chart, style, &btc_titles);
    chart
        .configure_secondary_axes()
        .y_desc(btc_desc)
        .y_label_formatter(&btc_tick)
        .y_labels(if style.compact { 5 } else { 7 })
        .label_style(style.font(12.0))
        .axis_desc_style(style.font(12.0))
        .axis_style(style.colors.build.stroke_width(style.px(1.0)))
        .draw()
        .map_err(err)?;
    chart
        .draw_secondary_series(dashed(
            p.months
                .iter()
                .enumerate()
                .map(|(m, r)| (m as i32, r.btc_usd / 1e3)),
            style.colors.btc,
            style,
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            p.months
                .iter()
                .enumerate()
                .map(|(m, r)| (m as i32, r.hashprice_usd_ph_day)),
            style.colors.hashprice.stroke_width(style.px(2.5)),
        ))
        .map_err(err)?;
    pinned_line(&mut chart, &pinned, 1.0, style)?;
    mark_halvings(&mut chart, &p.halving_months, (0.0, top), style)?;
    Ok(Some(xmap(&chart, n)))
}
