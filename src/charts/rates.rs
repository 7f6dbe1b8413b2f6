//! The NPV advantage against the discount rate: mining's rate from 0 to 30 %/yr, the AI rate
//! keeping its distance (ECONOMICS.md §9 `rates`).

use super::frame::Curve;
use super::{
    ChartDef, ChartId, Colors, Error, Input, LegendItem, Mark, Readout, Style, Table, XMap,
};
use crate::analysis::{Kind, RatePoint};
use crate::i18n::{Lang, Msg};
use crate::model::Projection;
use crate::scenario::Key;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The registry entry.
pub const CHART: ChartDef = ChartDef {
    id: ChartId::Rates,
    name: "rates",
    title: Msg::ChartRates,
    caption: Msg::CaptionRates,
    needs: &[Kind::Rates],
    pinned: false,
    legend,
    table,
    table_rows: None,
    readout: Some(readout),
};

fn legend(_: &Projection, lang: Lang, c: &Colors) -> Vec<LegendItem> {
    vec![
        LegendItem::msg(lang, Msg::LegendNpvAdvantage, c.ai, Mark::Line),
        LegendItem::msg(lang, Msg::LegendThisRate, c.halving, Mark::Dashed),
    ]
}

/// A yearly rate given as a percentage, as text.
fn pct(lang: Lang, v: f64) -> String {
    lang.fill(Msg::PctPerYearValue, &[("v", &lang.fmt().number(v, 1))])
}

/// The label–value cells of one point: mining rate, AI rate, NPV advantage.
fn cells(p: &RatePoint, lang: Lang) -> [String; 3] {
    [
        pct(lang, p.rate * 100.0),
        pct(lang, p.airate),
        lang.fmt().money(p.npv_advantage),
    ]
}

fn table(input: &Input, lang: Lang) -> Table {
    let Some(curve) = input.rates else {
        return Table::default();
    };
    Table {
        columns: [Msg::MiningRate, Msg::AiRate, Msg::LegendNpvAdvantage]
            .map(|m| lang.t(m).to_string())
            .to_vec(),
        rows: curve.iter().map(|p| cells(p, lang).to_vec()).collect(),
    }
}

fn readout(input: &Input, i: usize, lang: Lang) -> Option<Readout> {
    let p = input.rates?.get(i)?;
    let [mining, ai, npv] = cells(p, lang);
    Some((
        format!("{}: {mining}", lang.t(Msg::MiningRate)),
        vec![
            (lang.t(Msg::AiRate).to_string(), ai),
            (lang.t(Msg::LegendNpvAdvantage).to_string(), npv),
        ],
    ))
}

/// Draws the curve; returns the hover map of its points.
pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &Input,
    style: &Style,
) -> Result<Option<XMap>, Error> {
    let Some(curve) = input.rates else {
        return Err("the discount-rate curve was not computed".into());
    };
    let xs: Vec<f64> = curve.iter().map(|p| p.rate * 100.0).collect();
    let ys: Vec<f64> = curve.iter().map(|p| p.npv_advantage).collect();
    let f = style.lang.fmt();
    Curve {
        xs: &xs,
        ys: &ys,
        x_desc: style.t(Msg::AxisMiningRate),
        x_tick: &|x| f.number(*x, 0),
        marker: input.projection.scenario.get(Key::Rate),
    }
    .draw(area, style)
    .map(Some)
}
