//! Revenue per month: the plan's mining and AI revenue stacked, against the keep-mining
//! baseline, with halvings and construction windows marked.

use super::frame::{
    building, dashed, halving_item, mark_construction, mark_halvings, outlined_area, pinned_line,
    pinned_points, revenue_chart, span_with, xmap,
};
use super::{
    err, month_readout, pinned_row, year_label, years, ChartDef, ChartId, Colors, Error, Input,
    LegendItem, Mark, Readout, Style, Table, XMap,
};
use crate::i18n::{Lang, Msg};
use crate::model::Projection;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The registry entry.
pub const CHART: ChartDef = ChartDef {
    id: ChartId::Revenue,
    name: "revenue",
    title: Msg::ChartRevenue,
    caption: Msg::CaptionRevenue,
    needs: &[],
    pinned: true,
    legend,
    table,
    table_rows: Some(Msg::TableRowsYearSums),
    readout: Some(readout),
};

fn legend(p: &Projection, lang: Lang, c: &Colors) -> Vec<LegendItem> {
    let mut items = vec![
        LegendItem::msg(lang, Msg::LegendPlanMining, c.mining, Mark::Band),
        LegendItem::msg(lang, Msg::LegendPlanAi, c.ai, Mark::Band),
        LegendItem::msg(lang, Msg::LegendKeepMining, c.baseline, Mark::Dashed),
    ];
    let construction = LegendItem::msg(lang, Msg::LegendConstruction, c.build, Mark::Band);
    items.extend(
        building(&p.tranches, p.months.len())
            .next()
            .map(|_| construction),
    );
    items.extend(halving_item(p, lang, c));
    items
}

/// Revenue per calendar year.
fn table(input: &Input, lang: Lang) -> Table {
    let (p, f) = (input.projection, lang.fmt());
    let sum = |r: &std::ops::Range<usize>, v: &dyn Fn(usize) -> f64| r.clone().map(v).sum::<f64>();
    Table {
        columns: [
            Msg::Year,
            Msg::LegendPlanMining,
            Msg::LegendPlanAi,
            Msg::LegendPlanTotal,
            Msg::LegendKeepMining,
        ]
        .map(|m| lang.t(m).to_string())
        .to_vec(),
        rows: years(p)
            .into_iter()
            .map(|(year, r)| {
                let row = |m: usize| &p.months[m];
                vec![
                    year_label(year, &r, lang),
                    f.money(sum(&r, &|m| row(m).plan.mining_revenue)),
                    f.money(sum(&r, &|m| row(m).plan.ai_revenue)),
                    f.money(sum(&r, &|m| row(m).plan.revenue())),
                    f.money(sum(&r, &|m| row(m).baseline.revenue())),
                ]
            })
            .collect(),
    }
}

fn readout(input: &Input, m: usize, lang: Lang) -> Option<Readout> {
    month_readout(input, m, lang, || rows(input, m, lang))
}

fn rows(input: &Input, m: usize, lang: Lang) -> Vec<(String, String)> {
    let (p, f) = (input.projection, lang.fmt());
    let row = &p.months[m];
    let pair = |label: Msg, value: String| (lang.t(label).to_string(), value);
    let mut rows = vec![
        pair(Msg::LegendPlanMining, f.money(row.plan.mining_revenue)),
        pair(Msg::LegendPlanAi, f.money(row.plan.ai_revenue)),
        pair(Msg::LegendPlanTotal, f.money(row.plan.revenue())),
        pair(Msg::LegendKeepMining, f.money(row.baseline.revenue())),
    ];
    rows.extend(pinned_row(input, m, lang, |a, i| {
        f.money(a.months[i].plan.revenue())
    }));
    let building: f64 = p
        .tranches
        .iter()
        .filter(|t| (t.build_start..t.live).contains(&m))
        .map(|t| t.mw)
        .sum();
    if building > 0.0 {
        rows.push(pair(
            Msg::UnderConstruction,
            lang.fill(Msg::MwValue, &[("v", &f.number(building, 1))]),
        ));
    }
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
        pinned_points(p, a, a.months.iter().map(|r| r.plan.revenue()))
    });
    let hi = p
        .months
        .iter()
        .map(|r| r.plan.revenue().max(r.baseline.revenue()))
        .fold(0.0, f64::max);
    let (_, hi) = span_with(&pinned, (0.0, hi));
    let (mut chart, axis, top) = revenue_chart(area, style, p, n, hi)?;
    mark_construction(&mut chart, &p.tranches, n, (0.0, top), style.colors)?;

    let d = axis.divisor;
    let series = |v: &dyn Fn(&crate::model::MonthRow) -> f64| -> Vec<(i32, f64)> {
        p.months
            .iter()
            .enumerate()
            .map(|(m, r)| (m as i32, v(r) / d))
            .collect()
    };
    let mining = series(&|r| r.plan.mining_revenue);
    let total = series(&|r| r.plan.revenue());
    // AI band: from the mining edge up to the total.
    let band: Vec<(i32, f64)> = total
        .iter()
        .copied()
        .chain(mining.iter().rev().copied())
        .collect();
    chart
        .draw_series(std::iter::once(Polygon::new(
            band,
            style.colors.ai.mix(0.35).filled(),
        )))
        .map_err(err)?;
    outlined_area(&mut chart, mining, (style.colors.mining, 0.45), style)?;
    chart
        .draw_series(LineSeries::new(
            total,
            style.colors.ai.stroke_width(style.px(2.0)),
        ))
        .map_err(err)?;
    chart
        .draw_series(dashed(
            series(&|r| r.baseline.revenue()),
            style.colors.baseline,
            style,
        ))
        .map_err(err)?;
    pinned_line(&mut chart, &pinned, d, style)?;
    mark_halvings(&mut chart, &p.halving_months, (0.0, top), style)?;
    Ok(Some(xmap(&chart, n)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::scenario::parse;

    #[test]
    fn table_sums_each_calendar_year() {
        let p = model::run(&parse("start=2026-07&years=2").scenario);
        let t = table(&Input::new(&p), Lang::En);
        assert_eq!(t.columns.len(), 5);
        assert_eq!(
            t.rows.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(),
            ["2026 (6\u{a0}months)", "2027", "2028 (6\u{a0}months)"]
        );
        let baseline_2026: f64 = p.months[..6].iter().map(|r| r.baseline.revenue()).sum();
        assert_eq!(t.rows[0][4], Lang::En.fmt().money(baseline_2026));
    }
}
