//! View models of the page around the controls and the cards: the warnings, the copy notice,
//! each chart's panel (title, caption, legend, data table) and the Monte Carlo line.

use super::kpi::data_value;
use super::odds::shown_share;
use super::share;
use crate::analysis::{Analyses, Kind, MonteCarlo};
use crate::charts::{self, ChartId, Colors, Input, LegendItem, Table};
use crate::explorer::core::{CopyWhat, Notice, PageWarning, State};
use crate::i18n::{Article, Lang, Msg, Voice, KEY_MARK};
use crate::model::{MonthRow, Projection};
use crate::scenario::Key;
use plotters::style::RGBColor;
use std::rc::Rc;

/// How many warnings the banner lists, on the page and in an embed, until the reader asks for
/// them all (one more when that is all; a pasted link can hold hundreds of problems, and the
/// page should not start thousands of pixels down, nor an embed's chart be pushed out of its
/// frame).
const SHOWN_WARNINGS: (usize, usize) = (8, 2);

/// How the banner shows a state's warnings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BannerMode {
    /// Whether the banner is open (not dismissed).
    pub open: bool,
    /// Whether the reader asked for every warning.
    pub all: bool,
    /// Whether the page is an embed.
    pub embed: bool,
    /// Interface language.
    pub lang: Lang,
}

impl BannerMode {
    /// The mode of `state`'s banner.
    pub fn of(state: &State) -> BannerMode {
        BannerMode {
            open: state.warnings_open,
            all: state.warnings_all,
            embed: state.view.embed,
            lang: state.view.lang,
        }
    }
}

/// The warnings banner: the warnings it lists first, the rest once the reader asked for them,
/// or the button that asks.
#[derive(Clone, Debug, PartialEq)]
pub struct Banner {
    /// The first warnings: eight, or two in an embed ([`SHOWN_WARNINGS`]); all of them when
    /// only one more would be left (a button as long as the line it hides is no help).
    pub first: Vec<String>,
    /// The others, once the reader asked for them.
    pub rest: Vec<String>,
    /// The button's text while some are not listed (`Show 22 more`).
    pub more: Option<String>,
}

/// The banner of `warnings` shown as `mode` says, when it is open and has any.
pub fn banner(warnings: &[PageWarning], mode: BannerMode) -> Option<Banner> {
    if !mode.open || warnings.is_empty() {
        return None;
    }
    let lang = mode.lang;
    let cap = if mode.embed {
        SHOWN_WARNINGS.1
    } else {
        SHOWN_WARNINGS.0
    };
    let first = if warnings.len() <= cap + 1 {
        warnings.len()
    } else {
        cap
    };
    let texts = |w: &[PageWarning]| w.iter().map(|w| w.said(page_voice(lang))).collect();
    let hidden = warnings.len() - first;
    Some(Banner {
        first: texts(&warnings[..first]),
        rest: if mode.all {
            texts(&warnings[first..])
        } else {
            Vec::new()
        },
        more: (!mode.all && hidden > 0).then(|| {
            let n = lang.fmt().exact(hidden as f64);
            lang.fill(Msg::WarningsMore, &[("n", &n)])
        }),
    })
}

/// How the page says a warning: in its language, its key names marked for [`pieces`].
pub fn page_voice(lang: Lang) -> Voice {
    Voice { lang, marked: true }
}

/// A piece of a warning the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text as it is.
    Text(&'a str),
    /// A URL key's name, set in code type (the CLI writes it in backticks).
    Key(&'a str),
    /// A month as a query writes it (`2040-12`), kept on one line: a phone's line would
    /// otherwise break at its hyphen.
    Month(&'a str),
}

/// The pieces of `text`, a warning said in [`page_voice`].
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    for (i, part) in text.split(KEY_MARK).enumerate() {
        if i % 2 == 1 {
            out.push(Piece::Key(part));
            continue;
        }
        let mut rest = part;
        while let Some(at) = month_at(rest) {
            if at > 0 {
                out.push(Piece::Text(&rest[..at]));
            }
            out.push(Piece::Month(&rest[at..at + 7]));
            rest = &rest[at + 7..];
        }
        if !rest.is_empty() {
            out.push(Piece::Text(rest));
        }
    }
    out
}

/// Where the first `YYYY-MM` of `text` starts that is not part of a longer run of digits.
fn month_at(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len().saturating_sub(6)).find(|&i| {
        (i..i + 4).all(digit)
            && b[i + 4] == b'-'
            && digit(i + 5)
            && digit(i + 6)
            && !digit(i + 7)
            && (i == 0 || !digit(i - 1))
    })
}

/// The notice after a copy gesture.
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeView {
    /// What happened (`Link copied`).
    pub sentence: &'static str,
    /// The text to copy by hand, when the browser refused the clipboard.
    pub manual: Option<String>,
}

/// The notice of the state, if any: that a download waits for Monte Carlo while one does,
/// else the last copy's or download's.
pub fn notice(state: &State) -> Option<NoticeView> {
    let lang = state.view.lang;
    if !state.exports_waiting.is_empty() {
        return Some(NoticeView {
            sentence: lang.t(Msg::ExportWaiting),
            manual: None,
        });
    }
    state.notice.as_ref().map(|n| {
        let (sentence, manual) = match n {
            Notice::Copied(CopyWhat::Link) => (Msg::LinkCopied, None),
            Notice::Copied(CopyWhat::Embed) => (Msg::EmbedCopied, None),
            Notice::Copied(CopyWhat::Cli) => (Msg::CliCopied, None),
            Notice::Refused(what, link) => (
                Msg::CopyRefused,
                Some(share::copy_text_of(state, *what, link)),
            ),
            Notice::MonteCarloOnPage => (Msg::ExportOnPage, None),
        };
        NoticeView {
            sentence: lang.t(sentence),
            manual,
        }
    })
}

/// A chart's panel around its canvas.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPanel {
    /// The chart.
    pub id: ChartId,
    /// Tab title.
    pub title: &'static str,
    /// What the chart shows, in a sentence.
    pub caption: &'static str,
    /// The canvas' accessible name.
    pub label: String,
    /// Legend entries.
    pub legend: Vec<LegendItem>,
    /// Their colours on paper, which is always light (the chart is repainted light to print).
    pub paper: Vec<RGBColor>,
    /// The data table's caption.
    pub table_caption: String,
}

/// The panel of chart `id` for the state.
pub fn chart_panel(state: &State, id: ChartId) -> ChartPanel {
    let lang = state.view.lang;
    let def = id.def();
    let (title, caption) = (lang.t(def.title), lang.t(def.caption));
    // The canvas is named by what it shows: its message, when it draws one instead of marks.
    let shown = if id.has_nothing_to_draw(state.projection()) {
        lang.t(Msg::NothingConvertsChart)
    } else {
        caption
    };
    let legend_in = |colors| legend(state, id, colors);
    let on_screen = legend_in(Colors::of(state.dark()));
    let paper = if state.dark() {
        legend_in(&charts::palette::LIGHT)
            .into_iter()
            .map(|item| item.color)
            .collect()
    } else {
        on_screen.iter().map(|item| item.color).collect()
    };
    ChartPanel {
        id,
        title,
        caption,
        label: format!("{title}. {shown}"),
        legend: on_screen,
        paper,
        table_caption: table_caption(def, lang),
    }
}

/// The caption of a chart's data table: whose numbers, and what a row holds where the headers
/// would not say (`Revenue: the numbers behind the chart (one row per calendar year: the sum
/// of its months)`).
fn table_caption(def: &charts::ChartDef, lang: Lang) -> String {
    let caption = lang.fill(Msg::DataTableCaption, &[("title", lang.t(def.title))]);
    match def.table_rows {
        Some(rows) => lang.fill(
            Msg::DataTableRows,
            &[("caption", &caption), ("rows", lang.t(rows))],
        ),
        None => caption,
    }
}

/// The legend of chart `id` for the state, in `colors`: the chart's own, and the pinned
/// scenario's line when the chart draws it.
pub fn legend(state: &State, id: ChartId, colors: &Colors) -> Vec<LegendItem> {
    let def = id.def();
    let mut legend = charts::legend(id, state.projection(), state.view.lang, colors);
    if def.pinned && state.compare.is_some() {
        legend.push(LegendItem {
            label: state.view.lang.t(Msg::LegendPinned).to_string(),
            color: colors.pinned,
            mark: crate::charts::Mark::Line,
        });
    }
    legend
}

/// The numbers behind chart `id`, as a table. The page builds it once input settles: a
/// break-even map's table has hundreds of cells, too many to rebuild on every slider step.
pub fn chart_table(
    results: &Analyses,
    id: ChartId,
    monte_carlo: Option<&MonteCarlo>,
    lang: Lang,
) -> Table {
    (id.def().table)(&Input::of(id, results, monte_carlo), lang)
}

/// The headline a screen reader is told after a change: the NPV advantage with its title
/// (`NPV advantage of converting: −$590 M`).
pub fn headline(results: &Analyses, lang: Lang) -> String {
    let advantage = results.projection().summary.npv_advantage;
    format!(
        "{}: {}",
        lang.t(Msg::KpiNpvTitle),
        lang.fmt().money(advantage)
    )
}

/// The page's footer: the model's schema and the market snapshot's date.
pub fn footer(lang: Lang) -> String {
    snapshot_dated(Msg::Footer, lang)
}

/// Text `msg` in `lang`, which names the market snapshot's date (`{of_the}{date}`) and may name the
/// model's schema (`{schema}`).
pub(super) fn snapshot_dated(msg: Msg, lang: Lang) -> String {
    let (f, date) = (lang.fmt(), crate::scenario::MARKET_SNAPSHOT);
    lang.fill(
        msg,
        &[
            f.date_article(date, Article::OfThe),
            ("date", &f.date(date)),
            ("schema", &crate::scenario::SCHEMA.to_string()),
        ],
    )
}

/// The yearly table of plan, baseline and difference; the plan's other flows (ASIC sales,
/// prepayment, terminal value) have a column, so that its cash flow adds up. A plan that
/// [`borrows`](Projection::borrows) has two more: its equity's cash flow, after the plan's,
/// and its debt cover (`1.42×`; `—` for a year without debt service), last.
pub fn annual_table(results: &Analyses, lang: Lang) -> Table {
    let (p, f) = (results.projection(), lang.fmt());
    let debt = p.borrows();
    let mut columns = vec![
        Msg::Year,
        Msg::Months,
        Msg::PlanRevenue,
        Msg::PlanEbitda,
        Msg::PlanCapex,
        Msg::PlanOtherFlows,
        Msg::PlanCashFlow,
    ];
    if debt {
        columns.push(Msg::PlanEquityCashFlow);
    }
    columns.extend([
        Msg::KeepMiningCashFlow,
        Msg::Difference,
        Msg::CumulativeDifference,
    ]);
    if debt {
        columns.push(Msg::DebtCover);
    }
    Table {
        columns: columns.iter().map(|&m| lang.t(m).to_string()).collect(),
        rows: (p.years.iter())
            .zip(charts::years(p))
            .map(|(y, (_, months))| {
                let mut row = vec![
                    y.year.to_string(),
                    y.months.to_string(),
                    f.money(y.plan.revenue),
                    f.money(y.plan.ebitda),
                    f.money(y.plan.capex),
                    f.money(other_flows(&p.months[months])),
                    f.money(y.plan.cash_flow),
                ];
                if debt {
                    row.push(f.money(y.plan.equity_cf));
                }
                row.extend([
                    f.money(y.baseline.cash_flow),
                    f.money(y.delta_cash_flow),
                    f.money(y.cumulative_delta),
                ]);
                if debt {
                    row.push(y.dscr.map_or_else(
                        || lang.t(Msg::Dash).to_string(),
                        |d| super::kpi::times(d, lang),
                    ));
                }
                row
            })
            .collect(),
    }
}

/// The yearly table's caption: what its columns are, and, for a plan that
/// [`borrows`](Projection::borrows), what its equity's and debt's columns are.
pub fn annual_caption(p: &Projection, lang: Lang) -> String {
    let caption = lang.t(Msg::AnnualCaption);
    if p.borrows() {
        format!("{caption} {}", lang.t(Msg::AnnualCaptionDebt))
    } else {
        caption.to_string()
    }
}

/// The plan's other flows in `months` ([`Flows::other_flows`](crate::model::Flows), $),
/// summed from the months, not taken as cash flow − EBITDA + capex, whose rounding would show
/// a year without any as `$0.00`.
fn other_flows(months: &[MonthRow]) -> f64 {
    months.iter().map(|m| m.plan.other_flows()).sum()
}

/// The Monte Carlo result a chart draws: the latest one while Monte Carlo is on (a drag keeps
/// the last fan on screen; [`monte_carlo_line`] says when it is stale, and the fan chart skips
/// a result of another horizon).
pub fn chart_monte_carlo(state: &State) -> Option<&Rc<MonteCarlo>> {
    state
        .monte_carlo
        .as_ref()
        .map(|r| &r.result)
        .filter(|_| state.scenario.get(Key::Mc) > 0.0)
}

/// The Monte Carlo numbers, as shown and as `data-` attributes (exactly as the CLI prints them).
#[derive(Clone, Debug, PartialEq)]
pub struct McNumbers {
    /// The sentence.
    pub text: String,
    /// Paths.
    pub paths: String,
    /// p10 of the NPV advantage.
    pub p10: String,
    /// Median.
    pub p50: String,
    /// p90.
    pub p90: String,
    /// Share of paths where converting wins.
    pub prob: String,
}

/// The line under a Monte Carlo chart.
#[derive(Clone, Debug, PartialEq)]
pub enum McLine {
    /// `mc = 0`: an offer to switch it on.
    Off {
        /// "Monte Carlo is off."
        text: &'static str,
        /// The button's label.
        action: &'static str,
    },
    /// Running, nothing to show yet.
    Running {
        /// "Simulating price paths… 40 %".
        text: String,
        /// How far the run got, whole percent (0–99).
        percent: u32,
    },
    /// The numbers of earlier inputs, while the new ones run.
    Stale {
        /// What is going on, with how far the new run got.
        note: String,
        /// How far the new run got, whole percent (0–99).
        percent: u32,
        /// The earlier numbers.
        numbers: McNumbers,
    },
    /// The numbers of the scenario shown.
    Current(McNumbers),
    /// The worker could not load: no numbers will come.
    Failed {
        /// "Monte Carlo could not run: …".
        text: &'static str,
    },
}

fn numbers(mc: &MonteCarlo, lang: Lang) -> McNumbers {
    let f = lang.fmt();
    let share = shown_share(mc.prob_plan_better);
    McNumbers {
        text: lang.fill(
            Msg::McResult,
            &[
                (
                    "paths",
                    &f.quantity(
                        &f.grouped(mc.paths as u64),
                        mc.paths as f64,
                        Some(Msg::UnitPaths),
                    ),
                ),
                ("p10", &f.money(mc.npv_advantage_p10)),
                ("p50", &f.money(mc.npv_advantage_p50)),
                ("p90", &f.money(mc.npv_advantage_p90)),
                f.article(share, 0, Article::InThe),
                ("share", &f.number(share, 0)),
            ],
        ),
        paths: mc.paths.to_string(),
        p10: data_value(mc.npv_advantage_p10),
        p50: data_value(mc.npv_advantage_p50),
        p90: data_value(mc.npv_advantage_p90),
        prob: data_value(mc.prob_plan_better),
    }
}

/// The Monte Carlo line of chart `id`, for charts that draw Monte Carlo.
pub fn monte_carlo_line(state: &State, id: ChartId) -> Option<McLine> {
    if !id.needs(Kind::MonteCarlo) {
        return None;
    }
    let lang = state.view.lang;
    let percent = state
        .monte_carlo_run
        .filter(|r| r.scenario == state.scenario)
        .map_or(0, |r| r.percent());
    let progress = |m: Msg| lang.fill(m, &[("percent", &percent.to_string())]);
    Some(if state.scenario.get(Key::Mc) == 0.0 {
        McLine::Off {
            text: lang.t(Msg::McOff),
            action: lang.t(Msg::McSimulate),
        }
    } else if let Some(mc) = state.current_monte_carlo() {
        McLine::Current(numbers(mc, lang))
    } else if state.monte_carlo_worker.failed() {
        McLine::Failed {
            text: lang.t(Msg::McFailed),
        }
    } else if let Some(previous) = state.monte_carlo.as_ref().filter(|_| id == ChartId::Fan) {
        // The fan keeps the previous inputs' drawing, marked stale, while a new run goes on; the
        // odds chart shows none (old odds would read as the new ones).
        McLine::Stale {
            note: progress(Msg::McStale),
            percent,
            numbers: numbers(&previous.result, lang),
        }
    } else {
        McLine::Running {
            text: progress(Msg::McRunning),
            percent,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{page_voice, pieces, Piece, State};
    use crate::i18n::WarningText;
    use crate::i18n::{Lang, Msg};
    use crate::scenario::parse;

    #[test]
    fn a_legend_has_its_colours_on_paper_too() {
        use super::chart_panel;
        use crate::charts::{palette, ChartId};
        use crate::explorer::State;
        let colors = |q: &str| {
            let panel = chart_panel(&State::load("https://example.org/h/", q), ChartId::Revenue);
            let screen: Vec<_> = panel.legend.iter().map(|i| i.color).collect();
            (screen, panel.paper)
        };
        let (light, light_paper) = colors("v=3&theme=light");
        let (dark, dark_paper) = colors("v=3&theme=dark");
        assert_eq!(light[0], palette::LIGHT.mining);
        assert_eq!(dark[0], palette::DARK.mining);
        assert_ne!(light, dark);
        // Paper is light, whatever the screen's theme.
        assert_eq!(light_paper, light);
        assert_eq!(dark_paper, light);
    }

    /// The pieces of the first warning of link `q`, said by the page in `lang`.
    fn said(q: &str, lang: Lang) -> Vec<String> {
        let w = parse(q).warnings;
        pieces(&w[0].said(page_voice(lang)))
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t.to_string(),
                Piece::Key(k) => format!("<{k}>"),
                Piece::Month(m) => format!("[{m}]"),
            })
            .collect()
    }

    #[test]
    fn a_page_warning_sets_key_names_apart_and_keeps_months_whole() {
        assert_eq!(
            said("cstart=1990-05", Lang::En),
            [
                "<cstart>",
                ": ",
                "[1990-05]",
                " is before ",
                "<start>",
                " ",
                "[2027-01]",
                "; using ",
                "[2027-01]",
                "."
            ]
        );
        assert_eq!(
            said("mw=abc", Lang::It),
            ["<mw>", ": “abc” non è un numero; si usa 100."]
        );
        // Backticks a reader wrote stay text: in an unknown key's name and in a quoted value.
        assert_eq!(
            said("a%60b%60=1", Lang::En),
            ["Unknown key ", "<a`b`>", " was ignored."]
        );
        assert_eq!(
            said("mw=%601%60", Lang::En),
            ["<mw>", ": “`1`” is not a number; using 100."]
        );
        // A run of digits longer than a year is no month; nor is a month without its two digits.
        assert_eq!(
            said("mw=12345-678", Lang::En),
            ["<mw>", ": “12345-678” is not a number; using 100."]
        );
        assert_eq!(
            said("start=2030-1x", Lang::En)[..2],
            [
                "<start>".to_string(),
                ": “2030-1x” is not a month (YYYY-MM); using ".to_string()
            ]
        );
        // The CLI's sentence keeps its backticks.
        assert_eq!(
            parse("mw=abc").warnings[0].text(Lang::En),
            "`mw`: “abc” is not a number; using 100."
        );
    }

    #[test]
    fn a_plan_with_debt_adds_its_equitys_cash_and_its_cover_to_the_yearly_table() {
        let table = |q: &str, lang| {
            let state = State::load("https://example.org/h/", q);
            (super::annual_table(&state.results, lang), state)
        };
        let (plain, _) = table("", Lang::En);
        assert_eq!(plain.columns.len(), 10);
        assert!(!plain.columns.iter().any(|c| c.contains("DSCR")));
        // galaxy-helios borrows: the CLI's 2027 has no debt service (dscr null) and 2028 a
        // cover of 0.8657153459132632; its equity cash flow in 2027 is −223036156.04.
        let (t, state) = table("preset=galaxy-helios", Lang::En);
        let p = state.projection();
        assert_eq!(t.columns.len(), 12);
        assert_eq!(
            (t.columns[7].as_str(), t.columns[11].as_str()),
            ("Plan: equity cash flow", "Debt cover (DSCR)")
        );
        assert_eq!(t.rows[0][7], "−$223\u{a0}M");
        for (row, y) in t.rows.iter().zip(&p.years) {
            assert_eq!(row[7], Lang::En.fmt().money(y.plan.equity_cf));
            assert_eq!(row.len(), 12);
        }
        assert_eq!(
            (t.rows[0][11].as_str(), t.rows[1][11].as_str()),
            ("—", "0.87×")
        );
        let (it, _) = table("preset=galaxy-helios", Lang::It);
        assert_eq!(
            (it.columns[11].as_str(), it.rows[1][11].as_str()),
            ("Copertura del debito (DSCR)", "0,87×")
        );
        // The caption says what the two columns are, where they are.
        assert!(super::annual_caption(p, Lang::En).ends_with(
            "the debt cover is the AI line's operating cash over the year's interest and instalments."
        ));
        assert_eq!(
            super::annual_caption(table("", Lang::En).1.projection(), Lang::En),
            Lang::En.t(Msg::AnnualCaption)
        );
    }

    #[test]
    fn the_other_flows_make_the_yearly_cash_flow_add_up() {
        // EBITDA − capex + other flows = cash flow, each year, for plans with an ASIC sale,
        // a prepayment, colocation and a book terminal value.
        for q in [
            "",
            "preset=iren-msft",
            "ai=colo&tv=book",
            "start=2027-07&years=3&asicp=20",
        ] {
            let p = crate::model::run(&parse(q).scenario);
            for (y, (_, months)) in p.years.iter().zip(crate::charts::years(&p)) {
                let other = super::other_flows(&p.months[months]);
                let made = y.plan.ebitda - y.plan.capex + other;
                let tolerance = 1e-9 * y.plan.cash_flow.abs().max(1.0);
                assert!(
                    (made - y.plan.cash_flow).abs() <= tolerance,
                    "{q} {}",
                    y.year
                );
            }
        }
    }
}
