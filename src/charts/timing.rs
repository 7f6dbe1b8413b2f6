//! The value of waiting: the NPV advantage if construction starts 0 to 36 months after the
//! planned start (ECONOMICS.md §9 `timing`).

use super::frame::Curve;
use super::{
    ChartDef, ChartId, Colors, Error, Input, LegendItem, Mark, Readout, Style, Table, XMap,
};
use crate::analysis::{Kind, TimingPoint};
use crate::i18n::{Lang, Msg};
use crate::model::Projection;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The registry entry.
pub const CHART: ChartDef = ChartDef {
    id: ChartId::Timing,
    name: "timing",
    title: Msg::ChartTiming,
    caption: Msg::CaptionTiming,
    needs: &[Kind::Timing],
    pinned: false,
    legend,
    table,
    table_rows: None,
    readout: Some(readout),
};

fn legend(_: &Projection, lang: Lang, c: &Colors) -> Vec<LegendItem> {
    vec![
        LegendItem::msg(lang, Msg::LegendNpvAdvantage, c.ai, Mark::Line),
        LegendItem::msg(lang, Msg::LegendPlannedStart, c.halving, Mark::Dashed),
    ]
}

/// One point's cells: delay, construction start, NPV advantage.
fn cells(p: &TimingPoint, lang: Lang) -> [String; 3] {
    let f = lang.fmt();
    [
        f.quantity(
            &p.delay_months.to_string(),
            p.delay_months as f64,
            Some(Msg::UnitMonths),
        ),
        f.month(p.cstart),
        f.money(p.npv_advantage),
    ]
}

fn table(input: &Input, lang: Lang) -> Table {
    let Some(curve) = input.timing else {
        return Table::default();
    };
    Table {
        columns: [Msg::Delay, Msg::ConstructionStart, Msg::LegendNpvAdvantage]
            .map(|m| lang.t(m).to_string())
            .to_vec(),
        rows: curve.iter().map(|p| cells(p, lang).to_vec()).collect(),
    }
}

fn readout(input: &Input, i: usize, lang: Lang) -> Option<Readout> {
    let [delay, start, npv] = cells(input.timing?.get(i)?, lang);
    Some((
        format!("{}: {delay}", lang.t(Msg::Delay)),
        vec![
            (lang.t(Msg::ConstructionStart).to_string(), start),
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
    let Some(curve) = input.timing else {
        return Err("the value of waiting was not computed".into());
    };
    let xs: Vec<f64> = curve.iter().map(|p| p.delay_months as f64).collect();
    let ys: Vec<f64> = curve.iter().map(|p| p.npv_advantage).collect();
    Curve {
        xs: &xs,
        ys: &ys,
        x_desc: style.t(Msg::AxisDelay),
        x_tick: &|x| format!("{x:.0}"),
        marker: 0.0,
    }
    .draw(area, style)
    .map(Some)
}
