//! The charts: a registry with one module per chart. Each module declares its [`ChartDef`] (id,
//! title, caption, legend, data table, hover read-out) and a `draw` generic over the plotters
//! backend; [`draw`] is the one entry the page, the SVG tests and the exports use.
//!
//! Adding a chart: its module (with its texts in the i18n catalogue), its `mod` line and one
//! line in the `registry!` below. The modules are declared outside the macro so that rustfmt
//! reaches them.

mod axis;
mod frame;
mod framed;

mod cash;
mod fan;
mod funding;
mod hashprice;
mod map;
mod odds;
mod rates;
mod revenue;
mod sensitivity;
mod timing;

pub use axis::{MoneyAxis, TimeAxis};
pub use frame::message;
pub use framed::{draw_framed, Frame};
pub use odds::label as choice_label;

use crate::analysis::{Analyses, BreakevenMap, Kind, MonteCarlo, RatePoint, TimingPoint, Tornado};
use crate::i18n::{Lang, Msg};
use crate::model::Projection;
use plotters::coord::Shift;
use plotters::prelude::*;

pub mod palette;
pub use palette::Colors;
pub mod recorder;

/// Sizes of a drawing: everything is multiplied by `scale` (the device pixel ratio), so a
/// canvas of CSS size × ratio pixels stays crisp on HiDPI screens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    /// Device pixels per CSS pixel (the page's canvas draws at least at the screen's).
    pub scale: f64,
    /// Fewer ticks and tighter margins (small embeds, phones).
    pub compact: bool,
    /// Language of the chart's text.
    pub lang: Lang,
    /// Colours (light or dark theme).
    pub colors: &'static Colors,
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
            .color(&self.colors.text)
    }

    /// `m` in the chart's language.
    pub fn t(&self, m: Msg) -> &'static str {
        self.lang.t(m)
    }
}

/// One entry of a chart's legend (drawn in HTML beside the canvas, and into an exported image).
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    /// Text.
    pub label: String,
    /// Colour ([`palette::css`] for the page).
    pub color: RGBColor,
    /// Line (dashed or not), filled band or bar.
    pub mark: Mark,
}

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// A solid line.
    Line,
    /// A dashed line.
    Dashed,
    /// A filled square, as translucent as a chart's bands.
    Band,
    /// A filled square, as opaque as the tornado's bars (85 %).
    Bar,
    /// An outlined square, as the break-even map marks the scenario's cell.
    Outline,
}

impl LegendItem {
    fn new(label: impl Into<String>, color: RGBColor, mark: Mark) -> Self {
        LegendItem {
            label: label.into(),
            color,
            mark,
        }
    }

    /// An entry whose label is the message `m` in `lang`.
    fn msg(lang: Lang, m: Msg, color: RGBColor, mark: Mark) -> Self {
        Self::new(lang.t(m), color, mark)
    }
}

/// Maps a horizontal device-pixel position back to a point of an evenly spaced x axis (a month
/// of a time chart, a rate, a delay), for the hover read-out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct XMap {
    /// Device x of point 0.
    pub left: f64,
    /// Device x of the last point.
    pub right: f64,
    /// Points on the axis.
    pub points: usize,
}

impl XMap {
    /// The point nearest device x, if x is over the plot.
    pub fn point_at(&self, x: f64) -> Option<usize> {
        if self.points < 2 || x < self.left - 4.0 || x > self.right + 4.0 {
            return None;
        }
        let t = (x - self.left) / (self.right - self.left) * (self.points - 1) as f64;
        Some(t.round().clamp(0.0, (self.points - 1) as f64) as usize)
    }

    /// Device x of point `i`.
    pub fn x_of(&self, i: usize) -> f64 {
        self.left + (self.right - self.left) * i as f64 / (self.points.max(2) - 1) as f64
    }
}

/// A drawing error, as text.
pub type Error = String;

fn err<E: std::fmt::Debug>(e: E) -> Error {
    format!("{e:?}")
}

/// What a chart draws from: the projection, and the analyses it needs (computed by the caller
/// only for the chart shown: [`Input::of`]).
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The model's answer.
    pub projection: &'a Projection,
    /// The tornado, for [`Kind::Tornado`].
    pub tornado: Option<&'a Tornado>,
    /// The break-even map, for [`Kind::Map`].
    pub map: Option<&'a BreakevenMap>,
    /// The discount-rate curve, for [`Kind::Rates`].
    pub rates: Option<&'a [RatePoint]>,
    /// The value of waiting, for [`Kind::Timing`].
    pub timing: Option<&'a [TimingPoint]>,
    /// Monte Carlo, for [`Kind::MonteCarlo`] (`None` while it runs or when `mc = 0`).
    pub monte_carlo: Option<&'a MonteCarlo>,
    /// The pinned scenario A: time charts draw it as a thin grey line.
    pub compare: Option<&'a Projection>,
}

impl<'a> Input<'a> {
    /// An input with the projection only.
    pub fn new(projection: &'a Projection) -> Self {
        Input {
            projection,
            tornado: None,
            map: None,
            rates: None,
            timing: None,
            monte_carlo: None,
            compare: None,
        }
    }

    /// What chart `id` draws from `analyses`: the projection and the analyses its registry
    /// entry needs, computed now if they were not yet (and only those). Monte Carlo is
    /// `monte_carlo`, never run here: the page passes its worker's latest run, which may be of
    /// earlier inputs while the new one runs; elsewhere it is [`Analyses::monte_carlo`].
    pub fn of<P: std::borrow::Borrow<Projection>>(
        id: ChartId,
        analyses: &'a Analyses<P>,
        monte_carlo: Option<&'a MonteCarlo>,
    ) -> Self {
        let mut input = Input::new(analyses.projection());
        for kind in id.def().needs {
            match kind {
                Kind::Tornado => input.tornado = Some(analyses.tornado()),
                Kind::Map => input.map = Some(analyses.map()),
                Kind::Rates => input.rates = Some(analyses.rates()),
                Kind::Timing => input.timing = Some(analyses.timing()),
                // No chart draws the break-evens: the page lists them.
                Kind::Breakevens => {}
                Kind::MonteCarlo => input.monte_carlo = monte_carlo,
            }
        }
        input
    }
}

/// A chart's numbers as a table, for screen readers and "show the data".
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    /// Column headers; the first heads the row labels.
    pub columns: Vec<String>,
    /// Rows; each starts with its label.
    pub rows: Vec<Vec<String>>,
}

/// A hover read-out: its title and label–value rows.
pub type Readout = (String, Vec<(String, String)>);

/// A chart's hover read-out of point `i` of its x axis.
pub type ReadoutFn = fn(&Input, usize, Lang) -> Option<Readout>;

/// Everything the registry knows about a chart.
#[derive(Clone, Copy, Debug)]
pub struct ChartDef {
    /// The chart.
    pub id: ChartId,
    /// `tab=` and `data-chart=` name.
    pub name: &'static str,
    /// Tab title.
    pub title: Msg,
    /// One sentence under the tab: what the chart shows.
    pub caption: Msg,
    /// The analyses it draws, beyond the projection (none for a time chart): [`Input::of`]
    /// computes those, and only those, for it.
    pub needs: &'static [Kind],
    /// Whether it draws the pinned scenario A.
    pub pinned: bool,
    /// Legend entries in a language, for what the chart draws of a projection: a mark it does
    /// not draw (a payback that never comes, a halving past the horizon) has no entry.
    pub legend: fn(&Projection, Lang, &Colors) -> Vec<LegendItem>,
    /// The numbers behind the chart.
    pub table: fn(&Input, Lang) -> Table,
    /// What a row of the table holds, where its headers would not say (a time chart's year:
    /// its months summed, the value at its end, its last month).
    pub table_rows: Option<Msg>,
    /// The hover read-out of point `i` of the x axis (a month of a time chart), if the chart has
    /// one there.
    pub readout: Option<ReadoutFn>,
}

/// Declares [`ChartId`], [`CHARTS`] and [`draw`] from one line per chart.
macro_rules! registry {
    ($($id:ident => $module:ident,)*) => {
        /// The charts, in tab order (the first is the default tab).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum ChartId {
            $($id,)*
        }

        /// The registry, in [`ChartId`] order.
        pub const CHARTS: &[ChartDef] = &[$($module::CHART,)*];

        /// Draws chart `id` from `input` on `area`; returns the hover map of time charts. (Each
        /// chart's `draw` is called through a pointer, which keeps it out of line: the browser
        /// compiles a wasm function the first time it runs, so the page's first chart compiles
        /// its own drawing, not every chart's.)
        pub fn draw<DB: DrawingBackend>(
            id: ChartId,
            area: &DrawingArea<DB, Shift>,
            input: &Input,
            style: &Style,
        ) -> Result<Option<XMap>, Error> {
            type Draw<DB> = fn(&DrawingArea<DB, Shift>, &Input, &Style) -> Result<Option<XMap>, Error>;
            if id.has_nothing_to_draw(input.projection) {
                return frame::nothing_converts(area, style);
            }
            let draw: Draw<DB> = match id {
                $(ChartId::$id => $module::draw,)*
            };
            draw(area, input, style)
        }
    };
}

registry! {
    Revenue => revenue,
    Cash => cash,
    Funding => funding,
    Hashprice => hashprice,
    Sensitivity => sensitivity,
    Map => map,
    Rates => rates,
    Timing => timing,
    Fan => fan,
    Odds => odds,
}

impl Default for ChartId {
    fn default() -> Self {
        CHARTS[0].id
    }
}

/// The legend of chart `id` for projection `p`, in `lang` and `colors`: none where the chart
/// has nothing to draw.
pub fn legend(id: ChartId, p: &Projection, lang: Lang, colors: &Colors) -> Vec<LegendItem> {
    if id.has_nothing_to_draw(p) {
        Vec::new()
    } else {
        (id.def().legend)(p, lang, colors)
    }
}

impl ChartId {
    /// Whether the chart draws [`Msg::NothingConvertsChart`] for `p` instead of its marks: a
    /// chart of the NPV advantage across an input (the tornado, the map, the curves) when
    /// nothing converts within the horizon, so that the advantage is 0 at every point (no
    /// input these charts move brings a conversion within the horizon).
    pub fn has_nothing_to_draw(self, p: &Projection) -> bool {
        let across_an_input = self.def().needs.iter().any(|k| k.moves_inputs());
        across_an_input && !p.converts()
    }

    /// Whether the chart draws analysis `kind`.
    pub fn needs(self, kind: Kind) -> bool {
        self.def().needs.contains(&kind)
    }

    /// Every chart, in tab order.
    pub fn all() -> impl Iterator<Item = ChartId> {
        CHARTS.iter().map(|c| c.id)
    }

    /// The id of the chart's tab (`tab-revenue`).
    pub fn tab_id(self) -> String {
        format!("tab-{}", self.name())
    }

    /// The id of the chart's panel (`panel-revenue`), which its tab controls.
    pub fn panel_id(self) -> String {
        format!("panel-{}", self.name())
    }

    /// The tab a key pressed on this one's moves to, as the ARIA tabs pattern has it: the next
    /// (`ArrowRight`) or previous (`ArrowLeft`) one, round the ends, the first (`Home`) or the
    /// last (`End`); `None` for any other key.
    pub fn tab_after_key(self, key: &str) -> Option<ChartId> {
        let (n, at) = (CHARTS.len(), self as usize);
        let to = match key {
            "ArrowRight" => (at + 1) % n,
            "ArrowLeft" => (at + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return None,
        };
        Some(CHARTS[to].id)
    }

    /// The chart's registry entry.
    pub fn def(self) -> &'static ChartDef {
        &CHARTS[self as usize]
    }

    /// The chart's `tab=` name.
    pub fn name(self) -> &'static str {
        self.def().name
    }

    /// The chart called `name`.
    pub fn from_name(name: &str) -> Option<ChartId> {
        CHARTS.iter().find(|c| c.name == name).map(|c| c.id)
    }
}

/// The hover read-out of point `i` of chart `id`; `None` for charts without one or points
/// outside the axis.
pub fn readout(id: ChartId, input: &Input, i: usize, lang: Lang) -> Option<Readout> {
    (id.def().readout?)(input, i, lang).filter(|(_, rows)| !rows.is_empty())
}

/// The read-out of month `m` of a time chart: the month as title, and `rows`.
fn month_readout(
    input: &Input,
    m: usize,
    lang: Lang,
    rows: impl FnOnce() -> Vec<(String, String)>,
) -> Option<Readout> {
    let row = input.projection.months.get(m)?;
    Some((lang.fmt().month(row.month), rows()))
}

/// The read-out's row for the pinned scenario A at month `m` of the scenario: `value` of A's
/// month of the same calendar month (A may start in another month), when A is pinned and has it.
fn pinned_row(
    input: &Input,
    m: usize,
    lang: Lang,
    value: impl Fn(&Projection, usize) -> String,
) -> Option<(String, String)> {
    let a = input.compare?;
    let month = input.projection.months.get(m)?.month;
    let i = a.months.iter().position(|r| r.month == month)?;
    Some((lang.t(Msg::LegendPinned).to_string(), value(a, i)))
}

/// A year's label in a data table: the year, with its months when the projection covers only
/// part of it (`2027 (7 months)`), since its sums and averages are then of those months.
fn year_label(year: i32, months: &std::ops::Range<usize>, lang: Lang) -> String {
    let n = months.len();
    if n == 12 {
        return year.to_string();
    }
    let count = lang
        .fmt()
        .quantity(&n.to_string(), n as f64, Some(Msg::UnitMonths));
    format!("{year} ({count})")
}

/// The calendar years of a projection, each with the range of its months.
pub(crate) fn years(p: &Projection) -> Vec<(i32, std::ops::Range<usize>)> {
    let mut out: Vec<(i32, std::ops::Range<usize>)> = Vec::new();
    for (m, row) in p.months.iter().enumerate() {
        match out.last_mut() {
            Some((year, range)) if *year == row.month.year() => range.end = m + 1,
            _ => out.push((row.month.year(), m..m + 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::scenario::parse;

    #[test]
    fn registry_is_in_id_order_with_unique_names() {
        for (i, c) in CHARTS.iter().enumerate() {
            assert_eq!(c.id as usize, i, "{}", c.name);
            assert_eq!(ChartId::from_name(c.name), Some(c.id));
            let p = model::run(&parse("mc=100").scenario);
            for lang in Lang::ALL {
                assert!(
                    !(c.legend)(&p, lang, &palette::LIGHT).is_empty(),
                    "{}",
                    c.name
                );
            }
        }
        assert_eq!(ChartId::from_name("pie"), None);
    }

    #[test]
    fn an_input_holds_the_analyses_its_chart_needs_and_no_other() {
        let p = model::run(&parse("mc=20").scenario);
        let analyses = Analyses::new(&p, 5);
        let mc = analyses.monte_carlo();
        for c in CHARTS {
            let input = Input::of(c.id, &analyses, mc);
            let held = [
                input.tornado.is_some(),
                input.map.is_some(),
                input.rates.is_some(),
                input.timing.is_some(),
                false, // no chart draws the break-evens
                input.monte_carlo.is_some(),
            ];
            assert_eq!(held, Kind::ALL.map(|k| c.id.needs(k)), "{}", c.name);
            assert!(std::ptr::eq(input.projection, &p));
        }
    }

    #[test]
    fn years_group_months_by_calendar_year() {
        let p = model::run(&parse("start=2026-11&years=2").scenario);
        let y = years(&p);
        assert_eq!(y, vec![(2026, 0..2), (2027, 2..14), (2028, 14..24)]);
    }

    #[test]
    fn readouts_title_the_month() {
        let p = model::run(&parse("").scenario);
        let input = Input::new(&p);
        let (title, rows) = readout(ChartId::Revenue, &input, 0, Lang::En).unwrap();
        assert_eq!(title, "Jan 2027");
        let baseline = Lang::En.fmt().money(p.months[0].baseline.revenue());
        assert_eq!(rows[3], ("Keep mining".to_string(), baseline));
        assert!(readout(ChartId::Hashprice, &input, 500, Lang::En).is_none());
        assert!(readout(ChartId::Sensitivity, &input, 3, Lang::En).is_none());
    }
}
