//! Cumulative cash flow, plan versus keep-mining, with the payback month marked.

use super::frame::{
    axis_titles, dashed, halving_item, mark_halvings, pinned_line, pinned_points, span_with,
    time_chart, xmap,
};
use super::{
    err, month_readout, pinned_row, year_label, years, ChartDef, ChartId, Colors, Error, Input,
    LegendItem, Mark, MoneyAxis, Readout, Style, Table, TimeAxis, XMap,
};
use crate::i18n::{Lang, Msg};
use crate::model::Projection;
use crate::scenario::Key;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The registry entry.
pub const CHART: ChartDef = ChartDef {
    id: ChartId::Cash,
    name: "cash",
    title: Msg::ChartCash,
    caption: Msg::CaptionCash,
    needs: &[],
    pinned: true,
    legend,
    table,
    table_rows: Some(Msg::TableRowsYearEnd),
    readout: Some(readout),
};

fn legend(p: &Projection, lang: Lang, c: &Colors) -> Vec<LegendItem> {
    let mut items = vec![
        LegendItem::msg(lang, Msg::LegendPlan, c.ai, Mark::Line),
        LegendItem::msg(lang, Msg::LegendKeepMining, c.baseline, Mark::Dashed),
    ];
    let payback = LegendItem::msg(lang, Msg::LegendPayback, c.hashprice, Mark::Line);
    items.extend(p.summary.payback_month.map(|_| payback));
    items.extend(halving_item(p, lang, c));
    items
}

/// Cumulative cash of the plan and of the baseline, month by month, $.
fn cumulative(p: &Projection) -> (Vec<f64>, Vec<f64>) {
    let running = |v: &dyn Fn(&crate::model::MonthRow) -> f64| -> Vec<f64> {
        p.months
            .iter()
            .scan(0.0, |acc, r| {
                *acc += v(r);
                Some(*acc)
            })
            .collect()
    };
    (
        running(&|r| r.plan.cash_flow),
        running(&|r| r.baseline.cash_flow),
    )
}

/// The three read-out values at month `m`: plan, baseline, difference.
fn values(plan: &[f64], base: &[f64], m: usize, lang: Lang) -> [String; 3] {
    let f = lang.fmt();
    [
        f.money(plan[m]),
        f.money(base[m]),
        f.money(plan[m] - base[m]),
    ]
}

/// Cumulative cash at the end of each calendar year.
fn table(input: &Input, lang: Lang) -> Table {
    let (plan, base) = cumulative(input.projection);
    Table {
        columns: [
            Msg::Year,
            Msg::PlanCumulative,
            Msg::KeepMiningCumulative,
            Msg::Difference,
        ]
        .map(|m| lang.t(m).to_string())
        .to_vec(),
        rows: years(input.projection)
            .into_iter()
            .map(|(year, r)| {
                let mut row = vec![year_label(year, &r, lang)];
                row.extend(values(&plan, &base, r.end - 1, lang));
                row
            })
            .collect(),
    }
}

fn readout(input: &Input, m: usize, lang: Lang) -> Option<Readout> {
    month_readout(input, m, lang, || rows(input, m, lang))
}

fn rows(input: &Input, m: usize, lang: Lang) -> Vec<(String, String)> {
    let (plan, base) = cumulative(input.projection);
    let mut rows: Vec<(String, String)> = [
        Msg::PlanCumulative,
        Msg::KeepMiningCumulative,
        Msg::Difference,
    ]
    .map(|label| lang.t(label).to_string())
    .into_iter()
    .zip(values(&plan, &base, m, lang))
    .collect();
    rows.extend(pinned_row(input, m, lang, |a, i| {
        lang.fmt().money(cumulative(a).0[i])
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
    let (plan, base) = cumulative(p);
    let pinned = input
        .compare
        .map_or_else(Vec::new, |a| pinned_points(p, a, cumulative(a).0));
    let lo = plan.iter().chain(&base).fold(0.0f64, |a, &b| a.min(b));
    let hi = plan.iter().chain(&base).fold(0.0f64, |a, &b| a.max(b));
    let (lo, hi) = span_with(&pinned, (lo, hi));
    let axis = MoneyAxis::for_range(lo, hi);
    let pad = ((hi - lo) / axis.divisor * 0.08).max(1e-6);
    let (y0, y1) = (lo / axis.divisor - pad, hi / axis.divisor + pad);
    let time = TimeAxis {
        start: p.scenario.month(Key::Start),
        months: n,
    };
    let titles = axis_titles(style, &[Msg::AxisCash], axis.unit(style.lang.fmt()));
    let mut chart = time_chart(
        area,
        style,
        &time,
        y0..y1,
        &|y| axis.tick(*y, style.lang.fmt()),
        &titles,
    )?;
    let last = n.max(2) as i32 - 1;
    chart
        .draw_series(LineSeries::new(
            [(0, 0.0), (last, 0.0)],
            style.colors.build.stroke_width(style.px(1.0)),
        ))
        .map_err(err)?;
    mark_halvings(&mut chart, &p.halving_months, (y0, y1), style)?;
    if let Some(month) = p.summary.payback_month {
        let x = p.scenario.month(Key::Start).months_until(month);
        chart
            .draw_series(LineSeries::new(
                [(x, y0), (x, y1)],
                style.colors.hashprice.stroke_width(style.px(2.0)),
            ))
            .map_err(err)?;
        let anchor = if x * 10 > last * 7 {
            HPos::Right
        } else {
            HPos::Left
        };
        let label = style.lang.fill(
            Msg::MarkPayback,
            &[("month", &style.lang.fmt().month(month))],
        );
        chart
            .draw_series(std::iter::once(Text::new(
                label,
                (x, y0),
                style
                    .font(12.0)
                    .color(&style.colors.hashprice)
                    .pos(Pos::new(anchor, VPos::Bottom)),
            )))
            .map_err(err)?;
    }
    let d = axis.divisor;
    chart
        .draw_series(dashed(
            base.iter().enumerate().map(|(m, v)| (m as i32, v / d)),
            style.colors.baseline,
            style,
        ))
        .map_err(err)?;
    pinned_line(&mut chart, &pinned, d, style)?;
    chart
        .draw_series(LineSeries::new(
            plan.iter().enumerate().map(|(m, v)| (m as i32, v / d)),
            style.colors.ai.stroke_width(style.px(2.5)),
        ))
        .map_err(err)?;
    Ok(Some(xmap(&chart, n)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::scenario::parse;

    #[test]
    fn last_row_and_readout_hold_the_horizon_totals() {
        let p = model::run(&parse("").scenario);
        let input = Input::new(&p);
        let want = Lang::En
            .fmt()
            .money(p.summary.plan.cash_flow - p.summary.baseline.cash_flow);
        assert_eq!(rows(&input, 119, Lang::En)[2].1, want);
        let t = table(&input, Lang::En);
        assert_eq!(t.rows.len(), 10);
        assert_eq!(t.rows[9][3], want);
    }
}
