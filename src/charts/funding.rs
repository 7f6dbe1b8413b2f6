//! How the conversion is funded (ECONOMICS.md §8b), month by month: the debt owed, the
//! equity's extra cash over keep-mining, cumulative, and the project's without debt, with the
//! equity's peak marked. Without debt the two cash lines are one, the peak funding's.

use super::frame::{
    axis_titles, dashed, outlined_area, pinned_line, pinned_points, span_with, time_chart, xmap,
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
    id: ChartId::Funding,
    name: "funding",
    title: Msg::ChartFunding,
    caption: Msg::CaptionFunding,
    needs: &[],
    pinned: true,
    legend,
    table,
    table_rows: Some(Msg::TableRowsYearEnd),
    readout: Some(readout),
};

/// The chart's lines, one value a month, $.
#[derive(Clone, Debug, PartialEq)]
struct Lines {
    /// The debt owed at the month's end ([`Projection::debt_balance`]).
    owed: Vec<f64>,
    /// The equity's operating extra cash over keep-mining, summed from the start (the running
    /// sum of [`Projection::equity_operating_cash`]): its lowest is −`peak_equity_usd`.
    equity: Vec<f64>,
    /// The same without debt: the running sum of the operating incremental cash `Δop`, whose
    /// lowest is −`peak_funding_usd`.
    project: Vec<f64>,
}

/// `values` summed from the first.
fn running(values: impl IntoIterator<Item = f64>) -> Vec<f64> {
    values
        .into_iter()
        .scan(0.0, |sum, v| {
            *sum += v;
            Some(*sum)
        })
        .collect()
}

impl Lines {
    /// The lines of `p`.
    fn of(p: &Projection) -> Lines {
        Lines {
            owed: p.debt_balance.clone(),
            equity: running(p.equity_operating_cash()),
            project: running(
                (p.months.iter())
                    .map(|r| r.plan.operating_cash_flow() - r.baseline.operating_cash_flow()),
            ),
        }
    }
}

/// The columns of the table and the rows of the read-out: the debt owed, the equity's and the
/// project's cumulative extra cash; the one line when nothing is owed.
fn labels(p: &Projection) -> &'static [Msg] {
    if p.borrows() {
        &[
            Msg::DebtOwed,
            Msg::EquityCumulative,
            Msg::WithoutDebtCumulative,
        ]
    } else {
        &[Msg::ExtraCashCumulative]
    }
}

/// The values of [`labels`] at month `m`, for people.
fn values(p: &Projection, lines: &Lines, m: usize, lang: Lang) -> Vec<String> {
    let f = lang.fmt();
    if p.borrows() {
        vec![
            f.money(lines.owed[m]),
            f.money(lines.equity[m]),
            f.money(lines.project[m]),
        ]
    } else {
        vec![f.money(lines.equity[m])]
    }
}

fn legend(p: &Projection, lang: Lang, c: &Colors) -> Vec<LegendItem> {
    let mut items = if p.borrows() {
        vec![
            LegendItem::msg(lang, Msg::DebtOwed, c.btc, Mark::Band),
            LegendItem::msg(lang, Msg::EquityCumulative, c.ai, Mark::Line),
            LegendItem::msg(lang, Msg::WithoutDebtCumulative, c.baseline, Mark::Dashed),
        ]
    } else {
        vec![LegendItem::msg(
            lang,
            Msg::ExtraCashCumulative,
            c.ai,
            Mark::Line,
        )]
    };
    let peak = if p.borrows() {
        Msg::KpiPeakEquityTitle
    } else {
        Msg::KpiPeakTitle
    };
    items.extend(
        (p.summary.peak_equity_month).map(|_| LegendItem::msg(lang, peak, c.halving, Mark::Line)),
    );
    items
}

/// The lines at the end of each calendar year.
fn table(input: &Input, lang: Lang) -> Table {
    let p = input.projection;
    let lines = Lines::of(p);
    Table {
        columns: std::iter::once(Msg::Year)
            .chain(labels(p).iter().copied())
            .map(|m| lang.t(m).to_string())
            .collect(),
        rows: years(p)
            .into_iter()
            .map(|(year, r)| {
                let mut row = vec![year_label(year, &r, lang)];
                row.extend(values(p, &lines, r.end - 1, lang));
                row
            })
            .collect(),
    }
}

fn readout(input: &Input, m: usize, lang: Lang) -> Option<Readout> {
    month_readout(input, m, lang, || rows(input, m, lang))
}

fn rows(input: &Input, m: usize, lang: Lang) -> Vec<(String, String)> {
    let p = input.projection;
    let mut rows: Vec<(String, String)> = (labels(p).iter())
        .map(|&label| lang.t(label).to_string())
        .zip(values(p, &Lines::of(p), m, lang))
        .collect();
    rows.extend(pinned_row(input, m, lang, |a, i| {
        lang.fmt().money(Lines::of(a).equity[i])
    }));
    rows
}

/// The label of the equity's peak: how much and when (the peak funding's without debt).
fn peak_label(p: &Projection, lang: Lang) -> Option<String> {
    let (f, sm) = (lang.fmt(), &p.summary);
    let month = sm.peak_equity_month?;
    let msg = if p.borrows() {
        Msg::MarkPeakEquity
    } else {
        Msg::MarkPeakFunding
    };
    Some(lang.fill(
        msg,
        &[
            ("x", &f.money(sm.peak_equity_usd)),
            ("month", &f.month(month)),
        ],
    ))
}

/// Draws the chart; returns the hover map.
pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &Input,
    style: &Style,
) -> Result<Option<XMap>, Error> {
    let p = input.projection;
    let n = p.months.len();
    let lines = Lines::of(p);
    let owes = p.borrows();
    let pinned = input
        .compare
        .map_or_else(Vec::new, |a| pinned_points(p, a, Lines::of(a).equity));
    let all = || lines.owed.iter().chain(&lines.equity).chain(&lines.project);
    let lo = all().fold(0.0f64, |a, &b| a.min(b));
    let hi = all().fold(0.0f64, |a, &b| a.max(b));
    let (lo, hi) = span_with(&pinned, (lo, hi));
    let axis = MoneyAxis::for_range(lo, hi);
    let pad = ((hi - lo) / axis.divisor * 0.08).max(1e-6);
    let (y0, y1) = (lo / axis.divisor - pad, hi / axis.divisor + pad);
    let start = p.scenario.month(Key::Start);
    let time = TimeAxis { start, months: n };
    let titles = axis_titles(style, &[Msg::AxisFunding], axis.unit(style.lang.fmt()));
    let mut chart = time_chart(
        area,
        style,
        &time,
        y0..y1,
        &|y| axis.tick(*y, style.lang.fmt()),
        &titles,
    )?;
    let last = n.max(2) as i32 - 1;
    let d = axis.divisor;
    let points = |v: &[f64]| -> Vec<(i32, f64)> {
        v.iter()
            .enumerate()
            .map(|(m, v)| (m as i32, v / d))
            .collect()
    };
    if owes {
        outlined_area(
            &mut chart,
            points(&lines.owed),
            (style.colors.btc, 0.3),
            style,
        )?;
    }
    chart
        .draw_series(LineSeries::new(
            [(0, 0.0), (last, 0.0)],
            style.colors.build.stroke_width(style.px(1.0)),
        ))
        .map_err(err)?;
    if let (Some(month), Some(label)) = (p.summary.peak_equity_month, peak_label(p, style.lang)) {
        let x = start.months_until(month);
        chart
            .draw_series(LineSeries::new(
                [(x, y0), (x, y1)],
                style.colors.halving.stroke_width(style.px(2.0)),
            ))
            .map_err(err)?;
        let anchor = if x * 10 > last * 7 {
            HPos::Right
        } else {
            HPos::Left
        };
        chart
            .draw_series(std::iter::once(Text::new(
                label,
                (x, y0),
                style
                    .font(12.0)
                    .color(&style.colors.halving)
                    .pos(Pos::new(anchor, VPos::Bottom)),
            )))
            .map_err(err)?;
    }
    if owes {
        chart
            .draw_series(dashed(points(&lines.project), style.colors.baseline, style))
            .map_err(err)?;
    }
    pinned_line(&mut chart, &pinned, d, style)?;
    chart
        .draw_series(LineSeries::new(
            points(&lines.equity),
            style.colors.ai.stroke_width(style.px(2.5)),
        ))
        .map_err(err)?;
    // The peak on the equity's line, where the vertical mark crosses it.
    if let Some(month) = p.summary.peak_equity_month {
        let at = (start.months_until(month), -p.summary.peak_equity_usd / d);
        chart
            .draw_series(std::iter::once(Circle::new(
                at,
                style.px(4.0),
                style.colors.halving.filled(),
            )))
            .map_err(err)?;
    }
    Ok(Some(xmap(&chart, n)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::scenario::parse;

    /// The lowest of `v` and the first month it is reached.
    fn lowest(v: &[f64]) -> (f64, usize) {
        v.iter().enumerate().fold(
            (0.0, 0),
            |low, (m, &x)| if x < low.0 { (x, m) } else { low },
        )
    }

    #[test]
    fn the_lines_bottom_out_at_the_peak_equity_and_the_peak_funding() {
        // The CLI's `preset=galaxy-helios`: peak_equity_usd 901357155.006851 in 2030-02 (month
        // 37 from Jan 2027), peak_funding_usd 4752260405.029224 in 2029-12 (month 35),
        // debt_peak_usd 4404798387.5915785.
        let p = model::run(&parse("preset=galaxy-helios").scenario);
        let lines = Lines::of(&p);
        let (equity, at) = lowest(&lines.equity);
        assert!((equity + 901_357_155.006_851).abs() < 1e-3, "{equity}");
        assert_eq!(at, 37);
        let (project, at) = lowest(&lines.project);
        assert!(
            (project + p.summary.peak_funding_usd).abs() < 1e-3,
            "{project}"
        );
        assert_eq!(at, 35);
        let owed = lines.owed.iter().copied().fold(0.0, f64::max);
        assert_eq!(owed, p.summary.debt_peak_usd);
        // Without debt the equity's line is the project's.
        let plain = model::run(&parse("").scenario);
        let lines = Lines::of(&plain);
        assert_eq!(lines.equity, lines.project);
        assert!(lines.owed.iter().all(|&b| b == 0.0));
    }

    #[test]
    fn the_table_holds_the_models_values_at_each_years_end() {
        let p = model::run(&parse("preset=galaxy-helios").scenario);
        let t = table(&Input::new(&p), Lang::En);
        assert_eq!(
            t.columns,
            [
                "Year",
                "Debt owed",
                "Equity's extra cash, cumulative",
                "Without debt, cumulative"
            ]
        );
        assert_eq!(t.rows.len(), 15);
        let f = Lang::En.fmt();
        // The end of 2027 (month 11): the debt owed, and the equity's extra cash summed over
        // the year, the CLI's 2027 equity cash flow (−223036156.04) less keep-mining's
        // (70243474.49): −$293 M (no terminal value or balloon before the last month).
        assert_eq!(t.rows[0][1], f.money(p.debt_balance[11]));
        assert_eq!(t.rows[0][2], "−$293\u{a0}M");
        let cumulative_delta = p.years[0].cumulative_delta;
        assert_eq!(t.rows[0][3], f.money(cumulative_delta));
        // The last row: the balloon still owed, before the site's value repays it.
        assert_eq!(t.rows[14][1], f.money(p.balloon_usd()));
        // Italian headers; without debt, the one line.
        let it = table(&Input::new(&p), Lang::It);
        assert_eq!(it.columns[1], "Debito residuo");
        let plain = model::run(&parse("").scenario);
        let t = table(&Input::new(&plain), Lang::En);
        assert_eq!(t.columns, ["Year", "Extra cash, cumulative (no debt)"]);
        assert_eq!(t.rows[0][1], f.money(plain.years[0].cumulative_delta));
    }

    #[test]
    fn the_legend_and_the_peak_label_name_the_equity_or_the_funding() {
        let p = model::run(&parse("preset=galaxy-helios").scenario);
        let names = |p: &Projection, lang| -> Vec<String> {
            legend(p, lang, &crate::charts::palette::LIGHT)
                .into_iter()
                .map(|i| i.label)
                .collect()
        };
        assert_eq!(
            names(&p, Lang::En),
            [
                "Debt owed",
                "Equity's extra cash, cumulative",
                "Without debt, cumulative",
                "Peak equity"
            ]
        );
        assert_eq!(
            peak_label(&p, Lang::En).as_deref(),
            Some(" peak equity $901\u{a0}M, Feb 2030 ")
        );
        assert_eq!(
            peak_label(&p, Lang::It).as_deref(),
            Some(" picco capitale proprio 901\u{a0}mln\u{a0}$, feb 2030 ")
        );
        // Without debt: the peak funding's ($2.69 B in Jan 2028, the CLI's defaults).
        let plain = model::run(&parse("").scenario);
        assert_eq!(
            names(&plain, Lang::En),
            ["Extra cash, cumulative (no debt)", "Peak funding"]
        );
        assert_eq!(
            peak_label(&plain, Lang::En).as_deref(),
            Some(" peak funding $2.69\u{a0}B, Jan 2028 ")
        );
        // Nothing converts: nothing to fund, no peak.
        let none = model::run(&parse("conv=0&ltc=50").scenario);
        assert_eq!(names(&none, Lang::En), ["Extra cash, cumulative (no debt)"]);
    }

    #[test]
    fn the_readout_gives_the_months_lines_and_the_pinned_equity() {
        let p = model::run(&parse("preset=galaxy-helios").scenario);
        let a = model::run(&parse("preset=galaxy-helios&ltc=0").scenario);
        let mut input = Input::new(&p);
        input.compare = Some(&a);
        let (title, rows) = readout(&input, 37, Lang::En).unwrap();
        assert_eq!(title, "Feb 2030");
        let f = Lang::En.fmt();
        assert_eq!(
            rows[1],
            (
                "Equity's extra cash, cumulative".to_string(),
                f.money(-p.summary.peak_equity_usd)
            )
        );
        // A without debt: its equity's line is its project's.
        assert_eq!(rows[3].1, f.money(Lines::of(&a).project[37]));
        assert_eq!(rows.len(), 4);
    }
}
