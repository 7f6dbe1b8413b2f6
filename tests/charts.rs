//! Every chart of the registry draws natively (SVG backend) for ordinary and edge scenarios,
//! through the same `charts::draw` entry the page uses, with its marks, data table and hover
//! read-out; and the page's recorder draws on a canvas what plotters draws in SVG.

use hashshift::analysis::{breakeven_map, monte_carlo, rates, timing, tornado, Analyses};
use hashshift::charts::recorder::{Context2d, Op, Recorder, TextMemory};
use hashshift::charts::{self, palette, ChartId, Input, Style, XMap};
use hashshift::explorer::view::export::{draw_image, IMAGE_SIZE};
use hashshift::explorer::State;
use hashshift::i18n::Lang;
use hashshift::model::{self, Projection};
use hashshift::scenario::parse;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

const SCENARIOS: [&str; 6] = [
    "",
    "conv=0",
    "preset=colo-lease",
    "phases=4&years=20&start=2027-07",
    "years=1&mw=0.1&uptime=0&btcg=-90",
    "mc=50&vol=120&elas=2",
];

/// The light theme in English, compact (a phone's chart) or not.
fn light(compact: bool) -> Style {
    Style {
        scale: 1.0,
        compact,
        lang: Lang::En,
        colors: &palette::LIGHT,
    }
}

/// Chart `id` of `input` drawn as an SVG of `size` px.
fn drawn(id: ChartId, input: &Input, size: (u32, u32), style: &Style) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        charts::draw(id, &root, input, style).unwrap();
        root.present().unwrap();
    }
    out
}

/// Time chart `id` of `p` with `a` pinned, as an SVG, in the light theme.
fn pinned_svg(id: ChartId, p: &Projection, a: &Projection) -> String {
    let mut input = Input::new(p);
    input.compare = Some(a);
    drawn(id, &input, (900, 420), &light(false))
}

/// Chart `id` of `p` with the analysis it needs, as an SVG of 900 × 420 px, and its hover map.
fn svg(id: ChartId, p: &Projection, style: &Style) -> (Option<XMap>, String) {
    svg_sized(id, p, style, (900, 420))
}

/// Chart `id` of `p` with the analysis it needs, as an SVG of `size` px, and its hover map.
fn svg_sized(
    id: ChartId,
    p: &Projection,
    style: &Style,
    size: (u32, u32),
) -> (Option<XMap>, String) {
    let analyses = Analyses::new(p, 21);
    let input = Input::of(id, &analyses, analyses.monte_carlo());
    let mut out = String::new();
    let xmap = {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        let xmap = charts::draw(id, &root, &input, style).unwrap();
        root.present().unwrap();
        xmap
    };
    (xmap, out)
}

/// How many SVG text elements read exactly `text` (plotters writes the text on its own line).
fn texts(svg: &str, text: &str) -> usize {
    svg.lines().filter(|l| l.trim() == text).count()
}

#[test]
fn time_charts_draw_and_map_pixels_to_months() {
    for compact in [false, true] {
        let style = Style {
            scale: 1.0,
            compact,
            lang: Lang::En,
            colors: &palette::LIGHT,
        };
        for q in SCENARIOS {
            let p = model::run(&parse(q).scenario);
            let n = p.months.len();
            let halvings = p.halving_months.len();
            for id in [
                ChartId::Revenue,
                ChartId::Cash,
                ChartId::Funding,
                ChartId::Hashprice,
            ] {
                let (m, out) = svg(id, &p, &style);
                let m = m.expect("time charts map pixels to months");
                assert_eq!(m.points, n);
                assert!(m.left < m.right && m.right <= 900.0);
                assert_eq!(m.point_at(m.left), Some(0), "{q}");
                assert_eq!(m.point_at(m.right), Some(n - 1), "{q}");
                assert_eq!(m.point_at(m.x_of(n / 2)), Some(n / 2));
                assert_eq!(m.point_at(m.left - 50.0), None);
                if !matches!(id, ChartId::Cash | ChartId::Funding) {
                    assert_eq!(texts(&out, "halving"), halvings, "{q} {id:?}");
                }
                match id {
                    ChartId::Revenue => assert_eq!(
                        out.lines()
                            .filter(|l| l.trim().starts_with("Revenue, $"))
                            .count(),
                        1,
                        "{q}: the y caption once, on the left"
                    ),
                    ChartId::Cash => assert_eq!(
                        out.contains("payback"),
                        p.summary.payback_month.is_some(),
                        "{q}"
                    ),
                    // None of these scenarios borrows: the peak is the peak funding's.
                    ChartId::Funding => assert_eq!(
                        out.contains("peak funding"),
                        p.summary.peak_funding_month.is_some(),
                        "{q}"
                    ),
                    _ => assert!(out.contains("$/PH/day") && out.contains("BTC price, $k")),
                }
            }
        }
    }
}

#[test]
fn the_funding_chart_draws_the_debt_owed_and_marks_the_equitys_peak() {
    // The CLI's `preset=galaxy-helios`: peak_equity_usd 901357155.006851 in 2030-02.
    let p = model::run(&parse("preset=galaxy-helios").scenario);
    let (m, out) = svg(ChartId::Funding, &p, &light(false));
    assert_eq!(m.map(|m| m.points), Some(180));
    assert_eq!(texts(&out, "peak equity $901\u{a0}M, Feb 2030"), 1, "{out}");
    // A dot on the equity's line at its lowest.
    assert_eq!(out.matches("<circle").count(), 1);
    // The debt owed, shaded in the BTC colour (#CC79A7); the project's line without debt,
    // dashed: many short strokes in the baseline's colour (#333333).
    let dashes = |svg: &str| svg.matches("stroke=\"#333333\"").count();
    assert!(out.contains("<polygon") && out.contains("#CC79A7"), "{out}");
    assert!(dashes(&out) > 20, "{}", dashes(&out));
    // Without debt: no shading, the one line and the peak funding.
    let plain = model::run(&parse("").scenario);
    let (_, out) = svg(ChartId::Funding, &plain, &light(true));
    assert!(!out.contains("<polygon") && !out.contains("#CC79A7"));
    assert_eq!(dashes(&out), 0);
    assert_eq!(texts(&out, "peak funding $2.69\u{a0}B, Jan 2028"), 1);
}

#[test]
fn analysis_charts_draw() {
    let style = Style {
        scale: 2.0,
        compact: false,
        lang: Lang::En,
        colors: &palette::LIGHT,
    };
    for q in SCENARIOS {
        let p = model::run(&parse(q).scenario);
        // The fan draws with or without a conversion; the four charts across an input say when
        // nothing converts (tested below).
        let (m, out) = svg(ChartId::Fan, &p, &style);
        if p.scenario.get(hashshift::scenario::Key::Mc) > 0.0 {
            assert!(out.contains("<polygon") && m.is_some(), "{q}");
        } else {
            assert!(out.contains("Monte Carlo is off"), "{q}");
        }
        if !p.converts() {
            continue;
        }
        // 420 px at scale 2 leave 328 px for the bars: 11 rows of 28 px, the widest 11.
        let (m, out) = svg(ChartId::Sensitivity, &p, &style);
        assert!(m.is_none());
        let all = tornado(&p.scenario).bars.len();
        assert!(out.contains(&format!("widest 11 of {all}")), "{q}");
        // At scale 1 every input has its row.
        let (_, out) = svg(
            ChartId::Sensitivity,
            &p,
            &Style {
                scale: 1.0,
                ..style
            },
        );
        assert!(out.contains("BTC price") && !out.contains("widest"), "{q}");
        let (_, out) = svg(ChartId::Map, &p, &style);
        // At least one run of cells per row, at most one per cell.
        let rects = out.matches("<rect").count();
        assert!((21..=21 * 21 + 8).contains(&rects), "{q}: {rects}");
        for (id, points, caption) in [
            (ChartId::Rates, 31, "Mining discount rate"),
            (ChartId::Timing, 13, "Delay to the start of construction"),
        ] {
            let (m, out) = svg(id, &p, &style);
            let m = m.expect("curves map pixels to points");
            assert_eq!(m.points, points, "{q}");
            assert_eq!(m.point_at(m.right), Some(points - 1));
            assert!(out.contains(caption), "{q}");
            assert_eq!(
                out.matches("<circle").count(),
                points,
                "{q}: a dot per point"
            );
        }
    }
}

#[test]
fn every_chart_has_a_table_a_legend_and_texts_in_both_languages() {
    for q in SCENARIOS {
        let p = model::run(&parse(q).scenario);
        let t = tornado(&p.scenario);
        let map = breakeven_map(&p, 5, 5);
        let curve = rates(&p);
        let waiting = timing(&p.scenario);
        let mc = monte_carlo(&p);
        let input = Input {
            projection: &p,
            tornado: Some(&t),
            map: Some(&map),
            rates: Some(&curve),
            timing: Some(&waiting),
            monte_carlo: mc.as_ref(),
            compare: None,
        };
        for c in charts::CHARTS {
            for lang in Lang::ALL {
                let table = (c.table)(&input, lang);
                if c.id == ChartId::Fan && mc.is_none() {
                    assert!(table.rows.is_empty());
                    continue;
                }
                assert!(!table.rows.is_empty(), "{q}: {}", c.name);
                for row in &table.rows {
                    assert_eq!(row.len(), table.columns.len(), "{q}: {}", c.name);
                }
                assert!(!lang.t(c.title).is_empty() && !lang.t(c.caption).is_empty());
            }
        }
        let years = charts::CHARTS[0].table;
        let mut distinct: Vec<i32> = p.months.iter().map(|r| r.month.year()).collect();
        distinct.dedup();
        assert_eq!(years(&input, Lang::En).rows.len(), distinct.len());
        let map_rows = (ChartId::Map.def().table)(&input, Lang::En);
        assert_eq!((map_rows.rows.len(), map_rows.columns.len()), (5, 6));
        let rate_rows = (ChartId::Rates.def().table)(&input, Lang::En);
        assert_eq!(rate_rows.rows.len(), 31);
        assert_eq!(rate_rows.rows[12][0], "12\u{a0}%/yr");
    }
}

#[test]
fn the_odds_chart_draws_a_dot_per_percentile_coloured_by_the_best_choice() {
    // Risky enough that each choice is best on some paths: 4, 3 and 93 of the 100 dots
    // convert, keep mining and sell (the analysis' test of the dots).
    let p = model::run(&parse("mc=300&seed=3&ai=colo&vol=120&aivol=120").scenario);
    let mc = monte_carlo(&p).unwrap();
    let mut input = Input::new(&p);
    input.monte_carlo = Some(&mc);
    let out = drawn(ChartId::Odds, &input, (900, 420), &light(false));
    let circles: Vec<HashMap<&str, &str>> = (out.lines())
        .filter(|l| l.trim_start().starts_with("<circle"))
        .map(attributes)
        .collect();
    assert_eq!(circles.len(), 100);
    let c = palette::LIGHT;
    let xs = |color: RGBColor| -> Vec<f64> {
        let hex = palette::css(color).to_uppercase();
        (circles.iter())
            .filter(|a| a["fill"].to_uppercase() == hex)
            .map(|a| a["cx"].parse().unwrap())
            .collect()
    };
    let (convert, mine, sell) = (xs(c.ai), xs(c.mining), xs(c.hashprice));
    assert_eq!([convert.len(), mine.len(), sell.len()], [4, 3, 93]);
    // Converting is best only right of break-even, keeping mining only left of it.
    let right_of_mining = mine.iter().fold(f64::MIN, |a, &b| a.max(b));
    assert!(
        convert.iter().all(|&x| x > right_of_mining),
        "{convert:?} {mine:?}"
    );
    assert_eq!(
        (ChartId::Odds.def().table)(&input, Lang::It).rows.len(),
        100
    );
    // A run of other inputs is not drawn, nor tabled: the chart says it is updating.
    let other = model::run(&parse("mc=300&seed=4").scenario);
    input.projection = &other;
    let out = drawn(ChartId::Odds, &input, (900, 420), &light(false));
    assert!(!out.contains("<circle") && out.contains("Simulating price paths"));
    assert!((ChartId::Odds.def().table)(&input, Lang::En)
        .rows
        .is_empty());
    // With Monte Carlo off, or nothing converting, it says so.
    for (q, said) in [("mc=0", "Monte Carlo is off"), ("conv=0", "converts")] {
        let (_, out) = svg(
            ChartId::Odds,
            &model::run(&parse(q).scenario),
            &light(false),
        );
        assert!(!out.contains("<circle") && out.contains(said), "{q}");
    }
}

#[test]
fn italian_charts_label_their_axes_in_italian() {
    let style = Style {
        scale: 1.0,
        compact: false,
        lang: Lang::It,
        colors: &palette::LIGHT,
    };
    let p = model::run(&parse("").scenario);
    let (_, out) = svg(ChartId::Hashprice, &p, &style);
    assert!(out.contains("Prezzo BTC, mila\u{a0}$"), "{out}");
    let (_, out) = svg(ChartId::Sensitivity, &p, &style);
    assert!(out.contains("Prezzo BTC"));
    let (_, out) = svg(ChartId::Cash, &p, &style);
    assert!(out.contains("Cassa cumulata, mld\u{a0}$"), "{out}");
    let (_, out) = svg(ChartId::Funding, &p, &style);
    assert!(out.contains("Cassa e debito, mld\u{a0}$"), "{out}");
    assert!(
        out.contains("fabbisogno massimo 2,69\u{a0}mld\u{a0}$, gen 2028"),
        "{out}"
    );
}

#[test]
fn the_dark_theme_draws_on_its_own_background_with_its_own_colours() {
    let p = model::run(&parse("").scenario);
    for (colors, background, ai) in [
        (&palette::LIGHT, "#FFFFFF", "#0072B2"),
        (&palette::DARK, "#14181E", "#56B4E9"),
    ] {
        let style = Style {
            scale: 1.0,
            compact: false,
            lang: Lang::En,
            colors,
        };
        for id in [
            ChartId::Revenue,
            ChartId::Cash,
            ChartId::Funding,
            ChartId::Sensitivity,
        ] {
            let (_, out) = svg(id, &p, &style);
            assert!(
                out.contains(&format!("fill=\"{background}\"")),
                "{id:?} {background}"
            );
            assert!(out.contains(ai), "{id:?} {ai}");
        }
    }
}

#[test]
fn time_charts_draw_the_pinned_scenario_in_grey() {
    let p = model::run(&parse("gpu=3").scenario);
    // A starts six months later: only its months on this axis are drawn.
    let a = model::run(&parse("start=2027-07").scenario);
    for id in [
        ChartId::Revenue,
        ChartId::Cash,
        ChartId::Funding,
        ChartId::Hashprice,
    ] {
        let out = pinned_svg(id, &p, &a);
        // 114 of A's 120 months fall on this chart's 120-month axis.
        assert_eq!(polyline_ys(&out, "#888888").len(), 114, "{id:?}");
        // The hover read-out gives A's value of the same calendar month, where A has one.
        let mut input = Input::new(&p);
        input.compare = Some(&a);
        let readout = id.def().readout.unwrap();
        let pinned = |m: usize| {
            let (_, rows) = readout(&input, m, Lang::En).unwrap();
            rows.into_iter()
                .find(|(label, _)| label == "Pinned scenario (A)")
                .map(|(_, value)| value)
        };
        assert_eq!(pinned(3), None, "{id:?}: A has not started in Apr 2027");
        let (_, a_rows) = readout(&Input::new(&a), 0, Lang::En).unwrap();
        let a_first = match id {
            // A's own first row is its plan's mining revenue; the pinned line is its total.
            ChartId::Revenue => a_rows[2].1.clone(),
            _ => a_rows[0].1.clone(),
        };
        assert_eq!(
            pinned(6),
            Some(a_first),
            "{id:?}: Jul 2027 is A's first month"
        );
        assert!(readout(&Input::new(&p), 6, Lang::En)
            .unwrap()
            .1
            .iter()
            .all(|(label, _)| label != "Pinned scenario (A)"));
    }
}

#[test]
fn a_low_curve_chart_shortens_its_y_title_to_fit() {
    let p = model::run(&parse("").scenario);
    let curve = rates(&p);
    let mut input = Input::new(&p);
    input.rates = Some(&curve);
    let draw = |height: u32| drawn(ChartId::Rates, &input, (390, height), &light(true));
    let title = |svg: &str| {
        svg.lines()
            .map(str::trim)
            .find(|l| l.starts_with("NPV advantage"))
            .unwrap()
            .to_string()
    };
    // The defaults' advantage runs to billions across discount rates: the axis is in $B.
    assert_eq!(title(&draw(420)), "NPV advantage of converting, $B");
    assert_eq!(title(&draw(200)), "NPV advantage, $B");
    let low = draw(120);
    assert!(low.lines().any(|l| l.trim() == "$B"), "{low}");
    assert!(!low.contains("NPV advantage"));
}

#[test]
fn halving_labels_never_run_into_each_other() {
    // Twenty years on a phone: five halvings, about 70 px apart, and the last near the edge;
    // ten years in a 320 px embed: the last two 100 px apart, one label on each side of them.
    let p20 = model::run(&parse("years=20").scenario);
    assert_eq!(p20.halving_months.len(), 5);
    let p10 = model::run(&parse("").scenario);
    // Each label's span in px, from its anchor and its text (" halving") reckoned at 0.5 em a
    // character, as DejaVu Sans sets it.
    let labels = |p: &Projection, width: u32, compact: bool| -> Vec<(f64, f64)> {
        let out = drawn(
            ChartId::Revenue,
            &Input::new(p),
            (width, 300),
            &light(compact),
        );
        let lines: Vec<&str> = out.lines().collect();
        lines
            .windows(2)
            .filter(|w| w[1].trim() == "halving")
            .map(|w| {
                let attr = |name: &str| {
                    let rest = w[0].split(&format!(" {name}=\"")).nth(1).unwrap();
                    rest.split('"').next().unwrap().to_string()
                };
                let x: f64 = attr("x").parse().unwrap();
                let size: f64 = attr("font-size").parse().unwrap();
                let span = 0.5 * size * " halving".len() as f64;
                match attr("text-anchor").as_str() {
                    "end" => (x - span, x),
                    _ => (x, x + span),
                }
            })
            .collect()
    };
    assert_eq!(labels(&p20, 1200, false).len(), 5, "room for every label");
    // From a phone's width to a desktop's, labels keep 15 px apart (reckoned as above; they
    // were 10 px apart at 314 px, which a browser's wider letters made one word's space) and
    // stay in the chart.
    for width in 300..=600 {
        for (p, compact) in [(&p10, true), (&p10, false), (&p20, true)] {
            let spans = labels(p, width, compact);
            assert!(!spans.is_empty(), "{width} px: the first label at least");
            for pair in spans.windows(2) {
                assert!(
                    pair[0].1 + 15.0 <= pair[1].0,
                    "{width} px: labels too close: {spans:?}"
                );
            }
            assert!(spans
                .iter()
                .all(|&(a, b)| a >= 0.0 && b <= f64::from(width)));
        }
    }
}

#[test]
fn the_maps_axes_write_their_ticks_with_one_number_of_decimals() {
    let p = model::run(&parse("").scenario);
    let (_, out) = svg(ChartId::Map, &p, &light(false));
    let decimals: Vec<usize> = out
        .lines()
        .map(str::trim)
        .filter(|l| l.parse::<f64>().is_ok())
        .map(|l| l.split_once('.').map_or(0, |(_, d)| d.len()))
        .collect();
    // $/GPU-h under $10: every rate in cents (`2.50`, not `2.5`); BTC up to $130k: whole $k.
    let count = |n: usize| decimals.iter().filter(|&&d| d == n).count();
    assert!(count(2) >= 5 && count(0) >= 5, "{decimals:?}");
    assert_eq!(count(2) + count(0), decimals.len(), "{decimals:?}");
}

/// The y pixel coordinates of the first polyline of `color` in an SVG.
fn polyline_ys(svg: &str, color: &str) -> Vec<f64> {
    let line = svg
        .lines()
        .find(|l| l.contains("polyline") && l.contains(color))
        .unwrap_or_else(|| panic!("no {color} line"));
    let points = line
        .split("points=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    points
        .split_whitespace()
        .map(|xy| xy.split(',').nth(1).unwrap().parse().unwrap())
        .collect()
}

#[test]
fn time_charts_scale_their_axis_to_show_the_pinned_scenario() {
    // A earns far more than this 18 MW site, and its hashprice is twice as high. Both on
    // schema 2's market and without a GPU contract (`cterm=0`), so that A's revenue has a
    // single highest month rather than a contract's flat years.
    let old = "hr=890&fee=0.02&cterm=0";
    let p = model::run(&parse(&format!("mw=18&btc=65000&{old}")).scenario);
    let a = model::run(&parse(&format!("btc=130000&{old}")).scenario);
    for id in [
        ChartId::Revenue,
        ChartId::Cash,
        ChartId::Funding,
        ChartId::Hashprice,
    ] {
        let out = pinned_svg(id, &p, &a);
        let ys = polyline_ys(&out, "#888888");
        assert_eq!(ys.len(), 120, "{id:?}");
        // A line cut by the frame runs flat along it; A's own peak is a single month, and so
        // is its cash's trough (revenue and hashprice start at zero, where A may rest).
        let top = ys.iter().copied().fold(f64::INFINITY, f64::min);
        let bottom = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let edges = if matches!(id, ChartId::Cash | ChartId::Funding) {
            vec![top, bottom]
        } else {
            vec![top]
        };
        for edge in edges {
            let run = ys.iter().filter(|&&y| (y - edge).abs() < 0.5).count();
            assert!(run <= 3, "{id:?}: {run} months of A at y = {edge}");
        }
    }
}

#[test]
fn tab_keys_move_to_the_next_the_previous_the_first_and_the_last() {
    let all: Vec<ChartId> = ChartId::all().collect();
    let (first, last) = (all[0], all[all.len() - 1]);
    assert_eq!(first.tab_after_key("ArrowRight"), Some(all[1]));
    assert_eq!(all[1].tab_after_key("ArrowLeft"), Some(first));
    // Round the ends.
    assert_eq!(first.tab_after_key("ArrowLeft"), Some(last));
    assert_eq!(last.tab_after_key("ArrowRight"), Some(first));
    assert_eq!(all[3].tab_after_key("Home"), Some(first));
    assert_eq!(all[3].tab_after_key("End"), Some(last));
    assert_eq!(first.tab_after_key("Enter"), None);
}

#[test]
fn the_hashprice_read_out_gives_the_block_subsidy_exactly() {
    // After the halvings of 2028 and 2032 the subsidy is 3.125 / 4 = 0.78125 BTC, however the
    // month's float is rounded (0.7812500000000421 once read 0.7813 and 0.78125 read 0.7812).
    let p = model::run(&parse("years=10").scenario);
    let input = Input::new(&p);
    let said: Vec<String> = (0..p.months.len())
        .filter(|&m| (p.months[m].subsidy_btc - 0.78125).abs() < 1e-9)
        .map(|m| {
            let (_, rows) = charts::readout(ChartId::Hashprice, &input, m, Lang::En).unwrap();
            rows.into_iter()
                .map(|(_, v)| v)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert!(!said.is_empty());
    assert!(
        said.iter().all(|s| s.contains("0.78125\u{a0}BTC/block")),
        "{said:?}"
    );
}

#[test]
fn legends_list_only_the_marks_a_scenario_draws() {
    let labels = |id: ChartId, q: &str| -> Vec<String> {
        let p = model::run(&parse(q).scenario);
        (id.def().legend)(&p, Lang::En, &palette::LIGHT)
            .into_iter()
            .map(|item| item.label)
            .collect()
    };
    let has = |id, q, label: &str| labels(id, q).iter().any(|l| l == label);
    // At $2.20 a GPU-hour the plan never pays back within ten years (the CLI's
    // `payback_month` is null); by default it does, in December 2036.
    assert!(!has(ChartId::Cash, "gpu=2.2", "Payback"));
    assert!(has(ChartId::Cash, "", "Payback"));
    // The 2028 halving falls in a ten-year horizon from January 2027, not in its first year.
    for id in [
        ChartId::Revenue,
        ChartId::Cash,
        ChartId::Hashprice,
        ChartId::Fan,
    ] {
        assert!(has(id, "mc=100", "Halving"), "{id:?}");
        assert!(!has(id, "years=1&mc=100", "Halving"), "{id:?}");
    }
    // Keeping the site mining builds nothing; a tranche built in no time has no window.
    assert!(has(ChartId::Revenue, "", "Construction"));
    assert!(!has(ChartId::Revenue, "conv=0", "Construction"));
    assert!(!has(ChartId::Revenue, "cbuild=0", "Construction"));
    // With Monte Carlo off, the fan draws nothing to name.
    assert!(labels(ChartId::Fan, "mc=0").is_empty());
    assert_eq!(
        labels(ChartId::Cash, "gpu=2.2"),
        ["Plan (convert)", "Keep mining", "Halving"]
    );
    // Funding names the debt and the equity's peak only where the plan borrows (the CLI's
    // `preset=galaxy-helios` borrows 80 % of its capex); without debt its one line is the
    // project's, and its peak the peak funding; nothing converting, there is no peak.
    assert_eq!(
        labels(ChartId::Funding, "preset=galaxy-helios"),
        [
            "Debt owed",
            "Equity's extra cash, cumulative",
            "Without debt, cumulative",
            "Peak equity"
        ]
    );
    assert_eq!(
        labels(ChartId::Funding, ""),
        ["Extra cash, cumulative (no debt)", "Peak funding"]
    );
    assert!(!has(ChartId::Funding, "conv=0", "Peak funding"));
}

#[test]
fn a_low_chart_shortens_every_y_title_to_fit() {
    let p = model::run(&parse("").scenario);
    let map = breakeven_map(&p, 5, 5);
    let mut input = Input::new(&p);
    input.map = Some(&map);
    let lines = |id: ChartId, height: u32| -> Vec<String> {
        let out = drawn(id, &input, (390, height), &light(true));
        out.lines().map(|l| l.trim().to_string()).collect()
    };
    // Each y title whole in a phone's chart, and down to its unit in a low embed.
    for (id, whole, height, low) in [
        (
            ChartId::Revenue,
            "Revenue, $M per month",
            110,
            "$M per month",
        ),
        (ChartId::Cash, "Cumulative cash, $B", 110, "$B"),
        (ChartId::Funding, "Cash and debt, $B", 110, "$B"),
        (ChartId::Hashprice, "Hashprice, $/PH/day", 110, "$/PH/day"),
        (ChartId::Hashprice, "BTC price, $k", 80, "$k"),
        (ChartId::Map, "GPU rate, $/GPU-h", 110, "$/GPU-h"),
    ] {
        assert!(lines(id, 420).iter().any(|l| l == whole), "{id:?}: {whole}");
        let short = lines(id, height);
        assert!(short.iter().any(|l| l == low), "{id:?}: {short:?}");
        assert!(!short.iter().any(|l| l == whole), "{id:?}: {whole}");
    }
}

#[test]
fn charts_of_the_npv_advantage_say_so_when_nothing_converts() {
    let style = light(true);
    // No conversion, and a conversion that starts after the horizon.
    for q in [
        "conv=0",
        "preset=keep-mining",
        "cstart=2040-12&start=2027-01&years=5",
    ] {
        let p = model::run(&parse(q).scenario);
        assert!(!p.converts(), "{q}");
        for id in [
            ChartId::Sensitivity,
            ChartId::Map,
            ChartId::Rates,
            ChartId::Timing,
        ] {
            let (m, out) = svg_sized(id, &p, &style, (360, 300));
            assert!(m.is_none(), "{q} {id:?}: no hover");
            // Wrapped to a phone's width.
            let said: Vec<&str> = out
                .lines()
                .map(str::trim)
                .filter(|l| !l.starts_with('<'))
                .collect();
            assert_eq!(
                said.join(" "),
                Lang::En.t(hashshift::i18n::Msg::NothingConvertsChart)
            );
            assert!(said.len() >= 2, "{q} {id:?}: {said:?}");
            assert!(
                !out.contains("<circle") && !out.contains("<line"),
                "{q} {id:?}"
            );
            assert!(id.has_nothing_to_draw(&p));
            let legend = charts::legend(id, &p, Lang::En, &palette::LIGHT);
            assert!(legend.is_empty(), "{q} {id:?}");
        }
        // The bars and curves are all zero: the message hides nothing.
        assert!(tornado(&p.scenario)
            .bars
            .iter()
            .all(|b| b.low == 0.0 && b.high == 0.0));
        assert!(rates(&p).iter().all(|r| r.npv_advantage == 0.0));
        assert!(timing(&p.scenario).iter().all(|r| r.npv_advantage == 0.0));
        assert!(breakeven_map(&p, 5, 5).values.iter().all(|&v| v == 0.0));
    }
}

#[test]
fn the_btc_axis_is_as_wide_as_its_labels() {
    // BTC doubling every year for twenty years: labels of up to 10 digits, in $k.
    let p = model::run(&parse("btcg=100&years=20").scenario);
    let (_, out) = svg(ChartId::Hashprice, &p, &light(false));
    let lines: Vec<&str> = out.lines().map(str::trim).collect();
    let attr = |tag: &str, name: &str| -> f64 {
        let rest = tag.split(&format!(" {name}=\"")).nth(1).unwrap();
        rest.split('"').next().unwrap().parse().unwrap()
    };
    // The right axis' labels start at its line; its title stands beyond the longest.
    let ends: Vec<f64> = lines
        .windows(2)
        .filter(|w| w[0].contains("text-anchor=\"start\"") && w[1].parse::<f64>().is_err())
        .filter(|w| w[1].chars().all(|c| c.is_ascii_digit() || c == ','))
        .map(|w| attr(w[0], "x") + 0.6 * attr(w[0], "font-size") * w[1].len() as f64)
        .collect();
    assert!(ends.len() >= 3, "{ends:?}");
    let title = lines
        .windows(2)
        .find(|w| w[1] == "BTC price, $k")
        .map(|w| attr(w[0], "x"))
        .unwrap();
    let widest = ends.iter().copied().fold(0.0, f64::max);
    assert!(widest < title - 6.0 && title < 900.0, "{widest} {title}");
}

#[test]
fn a_flat_btc_price_runs_below_the_halving_labels_in_a_low_chart() {
    // No growth: the price stays at its highest, along the top of the plot.
    let p = model::run(&parse("btcg=0").scenario);
    for height in [110, 160, 420] {
        let out = drawn(
            ChartId::Hashprice,
            &Input::new(&p),
            (600, height),
            &light(true),
        );
        let lines: Vec<&str> = out.lines().map(str::trim).collect();
        let label_bottom = lines
            .windows(2)
            .filter(|w| w[1] == "halving")
            .map(|w| {
                let attr = |name: &str| -> f64 {
                    let rest = w[0].split(&format!(" {name}=\"")).nth(1).unwrap();
                    rest.split('"').next().unwrap().parse().unwrap()
                };
                attr("y") + attr("font-size")
            })
            .fold(0.0, f64::max);
        assert!(label_bottom > 0.0, "{height}: labels drawn");
        let btc = polyline_ys(&out, "#CC79A7");
        assert!(
            btc.iter().all(|&y| y >= label_bottom),
            "{height}: {btc:?} above {label_bottom}"
        );
    }
}

#[test]
fn a_tornado_row_whose_input_is_at_zero_says_it_did_not_move() {
    // The default BTC price growth is 0 %/yr: ∓20 % of it is still 0.
    let count = |q: &str, lang| {
        let p = model::run(&parse(q).scenario);
        let (_, out) = svg(
            ChartId::Sensitivity,
            &p,
            &Style {
                lang,
                ..light(false)
            },
        );
        (
            texts(&out, "at 0: not moved"),
            texts(&out, "a 0: non si sposta"),
        )
    };
    assert_eq!(count("", Lang::En), (1, 0));
    assert_eq!(count("", Lang::It), (0, 1));
    assert_eq!(count("btcg=5", Lang::En), (0, 0));
    assert_eq!(count("btcg=0&powg=0&fee=0", Lang::En), (2, 0), "powg too");
    // A phone's chart, 300 px wide, has no room for the sentence beside the scenario's line.
    let p = model::run(&parse("").scenario);
    let style = Style {
        lang: Lang::It,
        ..light(true)
    };
    let (_, out) = svg_sized(ChartId::Sensitivity, &p, &style, (300, 420));
    assert_eq!(
        (texts(&out, "a 0: non si sposta"), texts(&out, "a 0")),
        (0, 1)
    );
}

// The recorder (the page's canvas backend), natively: a drawing it records, played on a
// simulated canvas, is element for element the drawing plotters writes as SVG.

/// A canvas' font as a browser reports it: without the `normal` style.
fn reported(font: &str) -> String {
    font.strip_prefix("normal ").unwrap_or(font).to_string()
}

/// A deterministic stand-in for a browser's text measure: the width of `text` in a font of
/// `px` device px, bold or not.
fn text_width(px: f64, bold: bool, text: &str) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            '0'..='9' => 0.56,
            ' ' => 0.28,
            c if c.is_uppercase() => 0.68,
            _ => 0.5,
        })
        .sum();
    ems * px * if bold { 1.08 } else { 1.0 }
}

/// A mark as an SVG element or a canvas drawing shows it: device px, a colour as its RGB and
/// opacity.
#[derive(Clone, Debug, PartialEq)]
enum Mark {
    /// Lines through points, stroked (an SVG line or polyline).
    Stroke {
        points: Vec<(f64, f64)>,
        color: ([u8; 3], f64),
        width: f64,
    },
    /// A rectangle's outline: x y width height (an SVG rectangle says no stroke width).
    Outline {
        rect: [f64; 4],
        color: ([u8; 3], f64),
    },
    /// A filled rectangle: x y width height.
    FillRect {
        rect: [f64; 4],
        color: ([u8; 3], f64),
    },
    /// A circle, filled or outlined (with the outline's width).
    Circle {
        center: (f64, f64),
        radius: f64,
        color: ([u8; 3], f64),
        outline: Option<f64>,
    },
    /// A filled polygon.
    Polygon {
        points: Vec<(f64, f64)>,
        color: ([u8; 3], f64),
    },
    /// A label at `at`, turned by `degrees`, anchored at its (horizontal, vertical) side, in a
    /// font (family, SVG font size, style).
    Text {
        text: String,
        at: (f64, f64),
        degrees: f64,
        anchor: (&'static str, &'static str),
        font: (String, String, String),
        color: ([u8; 3], f64),
    },
}

/// A CSS font (`bold 24px sans-serif`, `12px sans-serif`) as an SVG text element writes it:
/// family, plotters' SVG font size (px / 1.24) and style; with its px.
fn font_parts(font: &str) -> ((String, String, String), f64) {
    let words: Vec<&str> = font.split(' ').collect();
    let (style, size, family) = match words[..] {
        [size, family] => ("normal", size, family),
        [style, size, family] => (style, size, family),
        _ => panic!("a CSS font: {font}"),
    };
    let px: f64 = size.strip_suffix("px").unwrap().parse().unwrap();
    let svg = (
        family.to_string(),
        (px / 1.24).to_string(),
        style.to_string(),
    );
    (svg, px)
}

/// A subpath of a simulated canvas' current path.
#[derive(Clone, Debug)]
enum Subpath {
    Points(Vec<(f64, f64)>),
    Rect([f64; 4]),
    Circle((f64, f64), f64),
}

/// What a simulated canvas has and has drawn.
#[derive(Debug)]
struct SimState {
    font: String,
    fill: Option<([u8; 3], f64)>,
    stroke: Option<(([u8; 3], f64), f64)>,
    look: Option<(usize, usize)>,
    path: Vec<Subpath>,
    marks: Vec<Mark>,
    /// Operation codes played, in order.
    ops: Vec<u8>,
    /// Fonts given at once, and texts measured with the font the canvas had then.
    fonts_given: usize,
    measured: Vec<(String, String)>,
    stamp: Option<f64>,
}

/// A canvas' 2-D context, simulated: it plays a recording as `assets/replay.js` does, and
/// measures text with [`text_width`] in the font it has.
struct SimCanvas(RefCell<SimState>);

impl SimCanvas {
    fn new() -> Self {
        SimCanvas(RefCell::new(SimState {
            // A new canvas' font.
            font: "10px sans-serif".to_string(),
            fill: None,
            stroke: None,
            look: None,
            path: Vec::new(),
            marks: Vec::new(),
            ops: Vec::new(),
            fonts_given: 0,
            measured: Vec::new(),
            stamp: None,
        }))
    }

    /// Its font, as it reports it.
    fn font(&self) -> String {
        self.0.borrow().font.clone()
    }
}

fn rgba(o: &[f64]) -> ([u8; 3], f64) {
    ([o[0] as u8, o[1] as u8, o[2] as u8], o[3])
}

impl Context2d for &SimCanvas {
    fn play(&self, o: &[f64], text: &str) -> Result<(), String> {
        let units: Vec<u16> = text.encode_utf16().collect();
        let slice = |start: f64, len: f64| {
            String::from_utf16(&units[start as usize..(start + len) as usize]).unwrap()
        };
        let mut c = self.0.borrow_mut();
        let mut i = 0;
        while i < o.len() {
            let code = o[i] as u8;
            c.ops.push(code);
            let p = &o[i + 1..];
            i += 1 + match code {
                0 => {
                    c.fill = Some(rgba(p));
                    4
                }
                1 => {
                    c.stroke = Some((rgba(p), p[4]));
                    c.path.clear();
                    5
                }
                2 => {
                    c.path.push(Subpath::Points(vec![(p[0], p[1])]));
                    2
                }
                3 => {
                    match c.path.last_mut() {
                        Some(Subpath::Points(points)) => points.push((p[0], p[1])),
                        _ => return Err("a line to, with no lines begun".into()),
                    }
                    2
                }
                4 => {
                    c.path.push(Subpath::Rect([p[0], p[1], p[2], p[3]]));
                    4
                }
                5 => {
                    let color = c.fill.ok_or("a rectangle filled with no colour")?;
                    let rect = [p[0], p[1], p[2], p[3]];
                    c.marks.push(Mark::FillRect { rect, color });
                    4
                }
                6 => {
                    let (color, width) = c.stroke.ok_or("a stroke with no style")?;
                    let marks: Vec<Mark> = c
                        .path
                        .iter()
                        .map(|sub| match sub {
                            Subpath::Points(points) => Mark::Stroke {
                                points: points.clone(),
                                color,
                                width,
                            },
                            Subpath::Rect(rect) => Mark::Outline { rect: *rect, color },
                            &Subpath::Circle(center, radius) => Mark::Circle {
                                center,
                                radius,
                                color,
                                outline: Some(width),
                            },
                        })
                        .collect();
                    c.marks.extend(marks);
                    0
                }
                7 => {
                    // An arc joins the current point, if any, to its start with a line: the
                    // only current point allowed is a lone point at its start.
                    let circle = Subpath::Circle((p[0], p[1]), p[2]);
                    match c.path.last() {
                        None => c.path.push(circle),
                        Some(Subpath::Points(points)) if points[..] == [(p[0] + p[2], p[1])] => {
                            *c.path.last_mut().unwrap() = circle;
                        }
                        Some(other) => return Err(format!("an arc joined to {other:?}")),
                    }
                    3
                }
                8 => {
                    c.path.clear();
                    0
                }
                9 | 10 => {
                    let color = c.fill.ok_or("a path filled with no colour")?;
                    let mut marks = Vec::new();
                    for sub in &c.path {
                        marks.push(match (code, sub) {
                            (9, &Subpath::Circle(center, radius)) => Mark::Circle {
                                center,
                                radius,
                                color,
                                outline: None,
                            },
                            (10, Subpath::Points(points)) => Mark::Polygon {
                                points: points.clone(),
                                color,
                            },
                            _ => return Err(format!("{sub:?} filled by {code}")),
                        });
                    }
                    c.marks.extend(marks);
                    0
                }
                11 => {
                    c.font = reported(&slice(p[0], p[1]));
                    2
                }
                12 => {
                    c.look = Some((p[0] as usize, p[1] as usize));
                    2
                }
                13 => {
                    let (align, baseline) = c.look.ok_or("text with no alignment")?;
                    let color = c.fill.ok_or("text with no colour")?;
                    let font = font_parts(&c.font).0;
                    c.marks.push(Mark::Text {
                        text: slice(p[3], p[4]),
                        at: (p[0], p[1]),
                        degrees: p[2],
                        anchor: (
                            ["left", "center", "right"][align],
                            ["top", "center", "bottom"][baseline],
                        ),
                        font,
                        color,
                    });
                    5
                }
                14 => {
                    c.stamp = Some(p[0]);
                    1
                }
                _ => return Err(format!("operation {code}")),
            };
        }
        Ok(())
    }

    fn give_font(&self, font: &str) -> String {
        let mut c = self.0.borrow_mut();
        c.fonts_given += 1;
        c.font = reported(font);
        c.font.clone()
    }

    fn text_width(&self, text: &str) -> f64 {
        let mut c = self.0.borrow_mut();
        let ((_, _, style), px) = font_parts(&c.font);
        let font = c.font.clone();
        c.measured.push((font, text.to_string()));
        text_width(px, style == "bold", text)
    }
}

/// Plotters' SVG backend measuring text as [`SimCanvas`] does (and as the recorder sizes it: the
/// measured width, and 1.2 em high), noting each (font as reported, text) it measures.
struct MeasuredSvg<'a> {
    svg: SVGBackend<'a>,
    asked: &'a RefCell<HashSet<(String, String)>>,
}

impl DrawingBackend for MeasuredSvg<'_> {
    type ErrorType = std::io::Error;

    fn get_size(&self) -> (u32, u32) {
        self.svg.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.svg.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.svg.present()
    }
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.svg.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.svg.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.svg.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.svg.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.svg.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.svg.fill_polygon(vert, style)
    }
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.svg.draw_text(text, style, pos)
    }
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        self.asked
            .borrow_mut()
            .insert((reported(&font), text.to_string()));
        let bold = matches!(style.style(), FontStyle::Bold);
        let width = text_width(style.size(), bold, text);
        Ok((width.ceil() as u32, (style.size() * 1.2).ceil() as u32))
    }
}

/// The attributes of an SVG element written on one line by plotters.
fn attributes(line: &str) -> HashMap<&str, &str> {
    let mut out = HashMap::new();
    let mut rest = line.split_once(' ').map_or("", |(_, r)| r);
    while let Some((key, after)) = rest.split_once("=\"") {
        let (value, after) = after.split_once('"').unwrap();
        out.insert(key.trim(), value);
        rest = after;
    }
    out
}

/// A colour and opacity of an SVG element: `#RRGGBB` and a number.
fn svg_color(hex: &str, opacity: &str) -> ([u8; 3], f64) {
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
    ([byte(1), byte(3), byte(5)], opacity.parse().unwrap())
}

/// The points of an SVG polyline or polygon (`x,y x,y `).
fn svg_points(points: &str) -> Vec<(f64, f64)> {
    points
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// The marks of an SVG document as plotters writes it (an element a line, a text's content on
/// the next). Empty texts are left out: the recorder skips the empty labels plotters asks for at
/// the key points it leaves unlabelled.
fn svg_marks(svg: &str) -> Vec<Mark> {
    let mut lines = svg.lines();
    let mut marks = Vec::new();
    while let Some(line) = lines.next() {
        let tag = line.trim_start_matches('<').split(' ').next().unwrap();
        let a = attributes(line);
        let num = |key: &str| -> f64 { a[key].parse().unwrap() };
        marks.push(match tag {
            "svg" | "/svg>" => continue,
            "line" => {
                // A line along the pixel grid is drawn on pixel centres on a canvas.
                let (mut from, mut to) = ((num("x1"), num("y1")), (num("x2"), num("y2")));
                if from.0 == to.0 {
                    (from.0, to.0) = (from.0 - 0.5, to.0 - 0.5);
                }
                if from.1 == to.1 {
                    (from.1, to.1) = (from.1 - 0.5, to.1 - 0.5);
                }
                Mark::Stroke {
                    points: vec![from, to],
                    color: svg_color(a["stroke"], a["opacity"]),
                    width: num("stroke-width"),
                }
            }
            "polyline" => Mark::Stroke {
                points: svg_points(a["points"]),
                color: svg_color(a["stroke"], a["opacity"]),
                width: num("stroke-width"),
            },
            "rect" => {
                let rect = [num("x"), num("y"), num("width"), num("height")];
                match a["fill"] {
                    "none" => Mark::Outline {
                        rect,
                        color: svg_color(a["stroke"], a["opacity"]),
                    },
                    fill => Mark::FillRect {
                        rect,
                        color: svg_color(fill, a["opacity"]),
                    },
                }
            }
            "circle" => {
                let (fill, outline) = match a["fill"] {
                    "none" => (a["stroke"], Some(num("stroke-width"))),
                    fill => (fill, None),
                };
                Mark::Circle {
                    center: (num("cx"), num("cy")),
                    radius: num("r"),
                    color: svg_color(fill, a["opacity"]),
                    outline,
                }
            }
            "polygon" => Mark::Polygon {
                points: svg_points(a["points"]),
                color: svg_color(a["fill"], a["opacity"]),
            },
            "text" => {
                let text = lines
                    .next()
                    .unwrap()
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&");
                assert_eq!(lines.next(), Some("</text>"));
                if text.is_empty() {
                    continue;
                }
                let at = (num("x"), num("y"));
                let degrees = a.get("transform").map_or(0.0, |t| {
                    let turn = t.strip_prefix("rotate(").unwrap();
                    let (degrees, about) = turn.split_once(", ").unwrap();
                    assert_eq!(about, format!("{}, {})", at.0, at.1));
                    degrees.parse().unwrap()
                });
                let style = a
                    .get("font-weight")
                    .or(a.get("font-style"))
                    .unwrap_or(&"normal");
                Mark::Text {
                    text,
                    at,
                    degrees,
                    anchor: (
                        match a["text-anchor"] {
                            "start" => "left",
                            "middle" => "center",
                            _ => "right",
                        },
                        match a["dy"] {
                            "0.76em" => "top",
                            "0.5ex" => "center",
                            _ => "bottom",
                        },
                    ),
                    font: (
                        a["font-family"].to_string(),
                        a["font-size"].to_string(),
                        style.to_string(),
                    ),
                    color: svg_color(a["fill"], a["opacity"]),
                }
            }
            other => panic!("an SVG element {other}: {line}"),
        });
    }
    marks
}

/// `svg` without its empty text elements (three lines each: the element, an empty line, its end).
fn without_empty_texts(svg: &str) -> String {
    let lines: Vec<&str> = svg.lines().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].starts_with("<text ") && lines[i + 1].is_empty() {
            i += 3;
            continue;
        }
        out.push_str(lines[i]);
        out.push('\n');
        i += 1;
    }
    out
}

/// Something drawn on a plotters area: a chart, or a chart framed for export.
trait Picture {
    /// Draws it on `area`; the hover map of a time chart.
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> Option<XMap>;
}

struct Chart<'a>(ChartId, Input<'a>, Style);

impl Picture for Chart<'_> {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> Option<XMap> {
        charts::draw(self.0, area, &self.1, &self.2).unwrap()
    }
}

struct Framed<'a>(&'a State, f64);

impl Picture for Framed<'_> {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> Option<XMap> {
        draw_image(self.0, area, self.1).unwrap();
        None
    }
}

/// What a canvas recording of a picture did.
#[derive(Default)]
struct Recorded {
    marks: Vec<Mark>,
    /// Paths of lines begun ([`Op::Lines`]).
    line_paths: usize,
    /// Fonts given to the canvas at once, and set by the recording ([`Op::Font`]).
    fonts_given: usize,
    fonts_set: usize,
    /// Texts measured.
    measured: usize,
}

/// Draws `picture` of `size` device px three ways, with text measured alike: plotters' SVG,
/// the recorder's canvas recording played on `canvas` (simulated) and the recorder's SVG (an
/// export, measuring text on a new offscreen canvas), both remembering text in `memory`, as
/// the page does for all its drawings. Checks that the canvas drew plotters' SVG element for
/// element (same kind, coordinates, colours, widths, texts and fonts, in the same order), that
/// each text was measured in the font asked for, that the canvas was stamped last, and that the
/// recorder's SVG is plotters' (less its empty labels).
fn same_drawing(
    picture: &impl Picture,
    size: (u32, u32),
    canvas: &SimCanvas,
    memory: &mut TextMemory,
    what: &str,
) -> Recorded {
    let asked = RefCell::new(HashSet::new());
    let mut plotters_svg = String::new();
    let xmap = {
        let svg = SVGBackend::with_string(&mut plotters_svg, size);
        let area = MeasuredSvg { svg, asked: &asked }.into_drawing_area();
        let xmap = picture.draw(&area);
        area.present().unwrap();
        xmap
    };

    // As the page reads a canvas kept from its last drawing.
    let mut font = canvas.font();
    {
        let area = Recorder::canvas(canvas, &mut font, memory, size, Some(7)).into_drawing_area();
        assert_eq!(picture.draw(&area), xmap, "{what}");
        area.present().unwrap();
    }
    // The recorder knows the font the canvas has (as given, or as the canvas reports it).
    assert_eq!(reported(&font), canvas.font(), "{what}");
    let mut c = canvas.0.borrow_mut();
    let (marks, ops, measured) = (
        std::mem::take(&mut c.marks),
        std::mem::take(&mut c.ops),
        std::mem::take(&mut c.measured),
    );
    let expected = svg_marks(&plotters_svg);
    for (i, (got, want)) in marks.iter().zip(&expected).enumerate() {
        assert_eq!(got, want, "{what}: mark {i}");
    }
    assert_eq!(marks.len(), expected.len(), "{what}: marks");
    assert_eq!(
        (ops.last(), c.stamp.take()),
        (Some(&14), Some(7.0)),
        "{what}"
    );
    let asked = asked.into_inner();
    for m in &measured {
        assert!(asked.contains(m), "{what}: measured {m:?}");
    }

    let offscreen = SimCanvas::new();
    let mut exported = String::new();
    {
        // The page's export starts with no font known.
        let mut font = String::new();
        let area =
            Recorder::svg(&offscreen, &mut font, memory, &mut exported, size).into_drawing_area();
        assert_eq!(picture.draw(&area), xmap, "{what}");
        area.present().unwrap();
    }
    assert_eq!(exported, without_empty_texts(&plotters_svg), "{what}");
    for m in &offscreen.0.borrow().measured {
        assert!(asked.contains(m), "{what}: measured for SVG {m:?}");
    }

    let count = |op: Op| ops.iter().filter(|&&o| o == op as u8).count();
    Recorded {
        line_paths: count(Op::Lines),
        fonts_given: std::mem::take(&mut c.fonts_given),
        fonts_set: count(Op::Font),
        measured: measured.len(),
        marks,
    }
}

const PAGE: &str = "https://example.org/h/";

#[test]
fn the_recorder_draws_on_a_canvas_what_plotters_draws_in_svg() {
    // One canvas painted over and over, and one memory of text, as on the page.
    let (canvas, mut memory) = (SimCanvas::new(), TextMemory::default());
    let mut all = Recorded::default();
    let mut add = |r: Recorded| {
        all.line_paths += r.line_paths;
        all.marks.extend(r.marks);
    };
    let dark = Style {
        scale: 2.0,
        compact: true,
        lang: Lang::It,
        colors: &palette::DARK,
    };
    // A pinned scenario, a Monte Carlo run, nothing converting, and a plan with debt (the
    // funding chart's debt owed and the equity's peak).
    for q in [
        "cmp=btc%3D60000",
        "mc=50&vol=120&elas=2",
        "conv=0",
        "ltc=60&tenor=0",
    ] {
        let state = State::load(PAGE, q);
        assert_eq!(state.compare.is_some(), q.starts_with("cmp"));
        let mc = monte_carlo(state.projection());
        for id in ChartId::all() {
            let mut input = Input::of(id, &state.results, mc.as_ref());
            input.compare = state.compare.as_deref().map(|a| a.projection());
            for (style, size) in [(light(false), (900, 420)), (dark, (640, 760))] {
                let what = format!("{q} {id:?} at {}", style.scale);
                let chart = Chart(id, input, style);
                add(same_drawing(&chart, size, &canvas, &mut memory, &what));
            }
        }
    }
    // Exported pictures: a bold title, wrapped text, a legend's swatches.
    for q in [
        "tab=cash&cmp=btc%3D60000",
        "tab=fan&mc=50&lang=it",
        "tab=map",
    ] {
        let state = State::load(PAGE, q);
        for scale in [1.0, 2.4] {
            let size = (
                (f64::from(IMAGE_SIZE.0) * scale) as u32,
                (f64::from(IMAGE_SIZE.1) * scale) as u32,
            );
            let framed = Framed(&state, scale);
            add(same_drawing(&framed, size, &canvas, &mut memory, q));
        }
    }
    // Every kind of mark was drawn, and lines of one style were stroked together.
    let count = |kind: fn(&Mark) -> bool| all.marks.iter().filter(|m| kind(m)).count();
    let strokes = count(|m| matches!(m, Mark::Stroke { .. }));
    assert!(count(|m| matches!(m, Mark::Outline { .. })) > 0);
    assert!(count(|m| matches!(m, Mark::FillRect { .. })) > 0);
    assert!(count(|m| matches!(m, Mark::Polygon { .. })) > 0);
    assert!(count(|m| matches!(m, Mark::Circle { .. })) > 0);
    assert!(count(|m| matches!(m, Mark::Text { degrees, .. } if *degrees != 0.0)) > 0);
    assert!(count(|m| matches!(m, Mark::Text { font, .. } if font.2 == "bold")) > 0);
    assert!(
        all.line_paths * 3 < strokes,
        "{} paths for {strokes} strokes",
        all.line_paths
    );
}

#[test]
fn the_recorder_remembers_text_across_drawings() {
    // An exported picture: a title, a caption, a link, a legend, a source and a chart, in four
    // fonts (bold 20 px, 13, 12 and 11 px).
    let (canvas, mut memory) = (SimCanvas::new(), TextMemory::default());
    let mut draw = |q: &str| {
        let state = State::load(PAGE, q);
        same_drawing(&Framed(&state, 1.0), IMAGE_SIZE, &canvas, &mut memory, q)
    };
    let first = draw("tab=revenue");
    let fonts: HashSet<_> = first
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { font, .. } => Some(font.clone()),
            _ => None,
        })
        .collect();
    // The first drawing gives the canvas each of its fonts once, at once, to learn how the
    // canvas reports it, and measures its labels.
    assert_eq!((first.fonts_given, fonts.len()), (4, 4));
    assert!(first.measured > 10, "{}", first.measured);
    // The same again: no font given at once, no text measured; each change of font recorded.
    let again = draw("tab=revenue");
    assert_eq!(again.marks, first.marks);
    assert_eq!((again.fonts_given, again.measured), (0, 0));
    assert!(again.fonts_set >= 3, "{}", again.fonts_set);
    // Another scenario: its new labels are measured once the recorded font is played (in the
    // font asked for, which `same_drawing` checks), still with no font given at once.
    let other = draw("tab=revenue&btc=61000&years=7");
    assert_ne!(other.marks, first.marks);
    assert_eq!(other.fonts_given, 0);
    assert!(other.measured > 0);
}
